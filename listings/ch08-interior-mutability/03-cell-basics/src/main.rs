use std::cell::Cell;

fn main() {
    // ANCHOR: here
    let counter = Cell::new(0); // not `mut`
    let a = &counter;
    let b = &counter; // two shared references at once: allowed

    a.set(a.get() + 1); // get copies the value out, set puts a new one in
    b.set(b.get() + 10);
    println!("get:        {}", counter.get());

    let old = counter.replace(100); // put a new value in, get the old one back
    println!("replace:    returned {old}, cell holds {}", counter.get());

    let taken = counter.take(); // like replace(Default::default())
    println!("take:       returned {taken}, cell holds {}", counter.get());

    counter.update(|n| n + 7); // get, compute, set in one call (T: Copy)
    println!("update:     cell holds {}", counter.get());

    println!("into_inner: {}", counter.into_inner()); // consumes the Cell
    // ANCHOR_END: here
}
