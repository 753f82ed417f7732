use std::cell::RefCell;

fn main() {
    let v = RefCell::new(vec![1]);
    let first = v.borrow()[0];
    v.borrow_mut().push(first + 1);
    println!("{:?} {}", v.borrow(), v.try_borrow_mut().is_ok());
}
