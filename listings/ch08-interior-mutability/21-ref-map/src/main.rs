use std::cell::{Ref, RefCell};

fn main() {
    // ANCHOR: here
    let scores = RefCell::new(vec![70, 85, 92]);
    {
        let all: Ref<Vec<i32>> = scores.borrow(); // (1) a guard for the Vec
        let first: Ref<i32> = Ref::map(Ref::clone(&all), |v| &v[0]); // (2)
        println!("all = {:?}, first = {}", *all, *first);
        println!("writable now? {}", scores.try_borrow_mut().is_ok());
    } // (3) both guards dropped: the shared borrows end
    println!("writable after the block? {}", scores.try_borrow_mut().is_ok());
    println!(
        "a Ref<i32> is {} bytes: a pointer to the value, one to the flag",
        size_of::<Ref<i32>>()
    );
    // ANCHOR_END: here
}
