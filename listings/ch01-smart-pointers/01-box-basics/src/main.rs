use std::mem::size_of;

fn main() {
    // ANCHOR: here
    let on_stack: i32 = 5;
    let on_heap: Box<i32> = Box::new(5);

    // `*` follows the pointer; both print 5.
    println!("on_stack = {on_stack}, *on_heap = {}", *on_heap);
    println!(
        "Box<i32> is {} bytes: one pointer to the heap",
        size_of::<Box<i32>>()
    );
    println!("&i32 is {} bytes too", size_of::<&i32>());
    // ANCHOR_END: here
} // `on_heap` goes out of scope here: Box's Drop frees the heap memory.
