use std::cell::RefCell;

// ANCHOR: here
fn restock(shelf: &RefCell<Vec<&'static str>>) {
    shelf.borrow_mut().push("pears"); // a second mutable borrow...
}

fn main() {
    let shelf = RefCell::new(vec!["apples"]);

    let mut items = shelf.borrow_mut(); // ...while this one is alive
    items.push("plums");
    println!("holding a RefMut, calling restock");
    restock(&shelf); // panics inside restock
    println!("never printed: {items:?}");
}
// ANCHOR_END: here
