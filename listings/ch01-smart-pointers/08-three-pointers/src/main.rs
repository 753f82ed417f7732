use std::ptr;

fn main() {
    // ANCHOR: here
    let value: i32 = 42;

    // A raw pointer is only an address. Creating one is safe;
    // reading through it needs `unsafe`, because nothing vouches for it.
    let raw: *const i32 = &value;
    let read_raw = unsafe { *raw };

    // A reference is an address the borrow checker watches: it borrows `value`.
    let reference: &i32 = &value;

    // A smart pointer owns what it points to: a new 42 on the heap.
    let boxed: Box<i32> = Box::new(value);

    println!(
        "*raw = {read_raw}, *reference = {}, *boxed = {}",
        *reference, *boxed
    );
    println!(
        "raw and reference hold the same address: {}",
        ptr::eq(raw, reference)
    );
    println!("the box points somewhere else: {}", !ptr::eq(&*boxed, reference));
    // ANCHOR_END: here

    // ANCHOR: dangling
    let dangling: *const String;
    {
        let temporary = String::from("gone soon");
        dangling = &temporary;
    } // `temporary` is dropped here; `dangling` still holds its old address
    println!(
        "a raw pointer may outlive its target: null? {}",
        dangling.is_null()
    );
    // ANCHOR_END: dangling
}
