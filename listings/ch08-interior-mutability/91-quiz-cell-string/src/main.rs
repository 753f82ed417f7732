use std::cell::Cell;

fn main() {
    let c = Cell::new(String::from("a"));
    let old = c.replace(String::from("b"));
    let now = c.take();
    println!("{old} {now} {:?}", c.into_inner());
}
