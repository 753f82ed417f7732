fn main() {
    // ANCHOR: split
    let mut levels = [10, 20, 30, 40];

    // Two `&mut` into one array, proven disjoint: one ends where the other begins.
    let (low, high) = levels.split_at_mut(2);
    low[0] += 1;
    high[0] += 1;
    std::mem::swap(&mut low[1], &mut high[1]);
    println!("{levels:?}");

    // For a few single elements, the index check happens at run time instead.
    if let Ok([first, last]) = levels.get_disjoint_mut([0, 3]) {
        *first += *last;
    }
    println!("{levels:?}");
    // ANCHOR_END: split
}
