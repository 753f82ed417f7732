use std::cell::RefCell;
use std::rc::Rc;

fn main() {
    let scores = Rc::new(RefCell::new(vec![70, 85]));
    println!("created:          strong = {}", Rc::strong_count(&scores));
    {
        let alias = Rc::clone(&scores);
        println!("cloned:           strong = {}", Rc::strong_count(&scores));
        alias.borrow_mut().push(92); // a write through the second handle...
        println!("seen through the first: {:?}", scores.borrow()); // ...is seen
    }
    println!("after inner block: strong = {}", Rc::strong_count(&scores));
}
