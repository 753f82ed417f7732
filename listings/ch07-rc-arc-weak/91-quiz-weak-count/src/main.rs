use std::rc::Rc;

fn main() {
    let owner = Rc::new(String::from("x"));
    let w = Rc::downgrade(&owner);
    let w2 = w.clone();
    println!("{}", w2.weak_count());
    drop(owner);
    println!("{} {:?}", w2.weak_count(), w.upgrade());
}
