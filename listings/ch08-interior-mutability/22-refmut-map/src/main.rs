use std::cell::{RefCell, RefMut};

fn main() {
    // ANCHOR: here
    let scores = RefCell::new(vec![70, 85, 92]);
    {
        let mut best: RefMut<i32> =
            RefMut::map(scores.borrow_mut(), |v| v.last_mut().unwrap()); // (1)
        *best += 5; // (2) write through the guard
        println!("readable now? {}", scores.try_borrow().is_ok());
    } // (3) the RefMut is dropped: the exclusive borrow ends
    println!("scores = {:?}", scores.borrow());
    // ANCHOR_END: here
}
