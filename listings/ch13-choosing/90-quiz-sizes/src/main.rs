use std::cell::{Cell, RefCell};
use std::mem::size_of;

fn main() {
    println!(
        "{} {} {}",
        size_of::<Cell<u32>>(),
        size_of::<RefCell<u32>>(),
        size_of::<Option<Box<u32>>>()
    );
}
