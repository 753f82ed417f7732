use std::rc::Rc;

struct Loud(u8);

impl Drop for Loud {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let a = Rc::new(Loud(1));
    let b = Rc::clone(&a);
    std::mem::forget(b);
    println!("strong = {}", Rc::strong_count(&a));
    drop(a);
    println!("end");
}
