use std::cell::RefCell;
use std::thread;

fn main() {
    let total = RefCell::new(0);
    thread::scope(|s| {
        for _ in 0..2 {
            // Both threads would get a `&RefCell<i32>`, and RefCell's borrow
            // flag is a plain integer: two threads could update it at once.
            s.spawn(|| *total.borrow_mut() += 1);
        }
    });
    println!("total = {}", total.borrow());
}
