use std::cell::RefCell;
use std::rc::Rc;

fn shout(text: &str) -> String {
    text.to_uppercase()
}

struct Node {
    next: RefCell<Option<Rc<Node>>>,
}

fn main() {
    let name = String::from("ferris");
    println!("{}", shout(&&name)); // a borrow of a borrow
    println!("{}", shout(&name.clone())); // a clone nobody needs

    std::mem::forget(Box::new(5)); // a deliberate leak

    let node = Rc::new(Node { next: RefCell::new(None) });
    *node.next.borrow_mut() = Some(Rc::clone(&node)); // a node that owns itself
    println!(
        "strong count of the self-owning node: {}",
        Rc::strong_count(&node)
    );
}
