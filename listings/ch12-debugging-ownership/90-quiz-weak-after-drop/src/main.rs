use std::rc::Rc;

fn main() {
    let a = Rc::new(5);
    let w = Rc::downgrade(&a);
    let b = Rc::clone(&a);
    drop(a);
    println!("{} {}", Rc::strong_count(&b), w.upgrade().is_some());
    drop(b);
    println!("{}", w.upgrade().is_none());
}
