use std::rc::Rc;

fn main() {
    let score = Rc::new(10);
    let other = Rc::clone(&score);
    *score += 1;
    println!("{score} {other}");
}
