use std::cell::RefCell;

struct Scores {
    list: RefCell<Vec<i32>>,
}

impl Scores {
    fn first(&self) -> &i32 {
        &self.list.borrow()[0] // a reference into a temporary Ref
    }
}

fn main() {
    let scores = Scores { list: RefCell::new(vec![7, 3]) };
    println!("first: {}", scores.first());
}
