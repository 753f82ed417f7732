use std::cell::Cell;

fn main() {
    // ANCHOR: cell
    let data = Cell::new(10);

    // Two shared references may coexist, and Cell lets both of them write.
    let r1 = &data;
    let r2 = &data;
    r1.set(r1.get() + 1);
    r2.set(r2.get() + 1);

    println!("data: {}", data.get());
    // ANCHOR_END: cell
}
