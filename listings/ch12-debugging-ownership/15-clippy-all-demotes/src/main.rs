fn main() {
    let limit = 3;
    // A slip: one side was meant to be another variable.
    if limit < limit {
        println!("under the limit");
    } else {
        println!("never under the limit: the comparison is always false");
    }
}
