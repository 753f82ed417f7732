use std::mem::size_of;

// ANCHOR: here
enum List {
    Cons(i32, Box<List>),
    Nil,
}

use List::{Cons, Nil};

fn sum(list: &List) -> i32 {
    match list {
        Cons(value, rest) => value + sum(rest), // `rest: &Box<List>` coerces to `&List`
        Nil => 0,
    }
}

fn main() {
    let list = Cons(1, Box::new(Cons(2, Box::new(Cons(3, Box::new(Nil))))));
    println!("sum = {}", sum(&list));
    println!("size_of::<List>() = {} bytes", size_of::<List>());
    println!("size_of::<Box<List>>() = {} bytes", size_of::<Box<List>>());
    println!(
        "size_of::<Option<Box<List>>>() = {} bytes",
        size_of::<Option<Box<List>>>()
    );
}
// ANCHOR_END: here
