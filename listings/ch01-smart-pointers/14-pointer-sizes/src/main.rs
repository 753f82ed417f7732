use std::fmt::Display;
use std::mem::size_of;
use std::rc::Rc;
use std::sync::Arc;

// ANCHOR: macro
macro_rules! sizes {
    ($($t:ty),* $(,)?) => {
        $(println!(
            "{:<20} {:>2} bytes = {} word(s)",
            stringify!($t),
            size_of::<$t>(),
            size_of::<$t>() / size_of::<usize>(),
        );)*
    };
}
// ANCHOR_END: macro

fn main() {
    // ANCHOR: here
    println!("-- pointers to sized values: thin --");
    sizes!(&i32, Box<i32>, Rc<i32>, Arc<i32>, Option<Box<i32>>);
    println!("-- pointers to unsized values: fat --");
    sizes!(
        &str,
        Box<str>,
        Rc<str>,
        &[u8],
        Box<[u8]>,
        &dyn Display,
        Box<dyn Display>
    );
    println!("-- structs that own a buffer --");
    sizes!(String, Vec<u8>);
    // ANCHOR_END: here
}
