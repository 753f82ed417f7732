use std::rc::Rc;

fn main() {
    let a = Rc::new(5);
    let b = Rc::clone(&a);
    let c = Rc::new(*a);
    let (count_a, count_c) = (Rc::strong_count(&a), Rc::strong_count(&c));
    println!("{count_a} {count_c} {}", Rc::ptr_eq(&a, &c));
    drop(b);
}
