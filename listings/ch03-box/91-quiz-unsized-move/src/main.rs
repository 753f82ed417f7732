use std::fmt::Display;

fn main() {
    let boxed: Box<dyn Display> = Box::new(42);
    let value = *boxed;
    println!("{value}");
}
