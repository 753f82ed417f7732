fn main() {
    let mut x = 5;
    let y = &x; // a shared borrow of x...
    let z = &mut x; // ...and a mutable one while the shared one is still in use
    *z += 1;
    println!("{y}");
}
