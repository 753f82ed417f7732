use std::alloc::System;

fn main() {
    // Box<T, A>: put this one value in memory from the `System` allocator.
    let boxed: Box<i32, System> = Box::new_in(5, System);
    println!("{boxed}");
}
