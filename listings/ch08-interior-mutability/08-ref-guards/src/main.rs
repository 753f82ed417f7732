use std::cell::{Ref, RefCell, RefMut};
use std::mem::size_of;

fn main() {
    // ANCHOR: here
    let scores = RefCell::new(vec![70, 85, 92]);

    {
        let all: Ref<Vec<i32>> = scores.borrow(); // a guard: derefs to &Vec<i32>
        let first: Ref<i32> = Ref::map(Ref::clone(&all), |v| &v[0]); // narrowed to one element
        println!("all = {:?}, first = {}", *all, *first);
        println!("writable now? {}", scores.try_borrow_mut().is_ok());
    } // both Refs dropped: dropping them gives the shared borrows back

    {
        let mut best: RefMut<i32> =
            RefMut::map(scores.borrow_mut(), |v| v.last_mut().unwrap());
        *best += 5; // DerefMut: write through the guard
        println!("readable now? {}", scores.try_borrow().is_ok());
    } // RefMut dropped: the exclusive borrow ends

    println!("readable after the block? {}", scores.try_borrow().is_ok());
    println!("scores = {:?}", scores.borrow());
    println!(
        "Ref<i32> is {} bytes: a pointer and a pointer to the borrow flag",
        size_of::<Ref<i32>>()
    );
    // ANCHOR_END: here
}
