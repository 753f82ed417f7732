use std::cell::Cell;

fn main() {
    let name = Cell::new(String::from("ada"));
    let copy = name.get(); // get() would have to copy the String
    println!("{copy}");
}
