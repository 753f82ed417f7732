fn main() {
    let mut scores = vec![10, 20, 30];
    let first = &scores[0]; // shared borrow starts here...
    scores.push(40); // ...so this mutable borrow is refused
    println!("first score: {first}"); // ...because the shared borrow is still used here
}
