use std::rc::Rc;

fn main() {
    let a = Rc::new(5);
    let b = Rc::clone(&a);
    let c = Rc::new(*a);
    println!("{} {} {}", Rc::strong_count(&a), Rc::strong_count(&c), Rc::ptr_eq(&a, &c));
    drop(b);
}
