fn main() {
    let x = 5; // not `mut`
    let y = &x;
    let z = &mut x;
    *z += 1;
    println!("{y}");
}
