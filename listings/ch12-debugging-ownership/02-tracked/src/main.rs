use std::cell::RefCell;
use std::fmt::Debug;
use std::rc::Rc;

// ANCHOR: tracked
/// Wraps a value and logs when it is created and when it is dropped.
struct Tracked<T: Debug> {
    name: &'static str,
    value: T,
}

impl<T: Debug> Tracked<T> {
    fn new(name: &'static str, value: T) -> Self {
        println!("[{name}] created with {value:?}");
        Tracked { name, value }
    }
}

impl<T: Debug> Drop for Tracked<T> {
    fn drop(&mut self) {
        println!("[{}] dropped with {:?}", self.name, self.value);
    }
}
// ANCHOR_END: tracked

fn main() {
    // ANCHOR: main
    let shared = Rc::new(RefCell::new(Tracked::new("shared", vec![1, 2, 3])));
    {
        let other = Rc::clone(&shared);
        other.borrow_mut().value.push(4);
        println!("inside the block: strong = {}", Rc::strong_count(&shared));
    } // `other` goes: the count falls, nothing is dropped yet
    println!("after the block:  strong = {}", Rc::strong_count(&shared));
    let _temp = Tracked::new("temp", "short-lived");
    println!("end of main");
    // Locals are dropped in reverse order: `_temp` first, then `shared`.
    // ANCHOR_END: main
}
