use std::cell::RefCell;
use std::rc::{Rc, Weak};

struct Node {
    id: u32,
    children: RefCell<Vec<Rc<Node>>>,
    parent: RefCell<Weak<Node>>,
}

impl Node {
    fn new(id: u32) -> Rc<Node> {
        let (children, parent) =
            (RefCell::new(Vec::new()), RefCell::new(Weak::new()));
        Rc::new(Node { id, children, parent })
    }

    // ANCHOR: add_child
    /// `&self` is not an `Rc`, so this tries to find one somewhere else.
    fn add_child(&self, child: &Rc<Node>) {
        self.children.borrow_mut().push(Rc::clone(child));
        *child.parent.borrow_mut() = Rc::downgrade(
            &child.parent.borrow().upgrade().unwrap_or(Node::new(999)),
        );
    }
    // ANCHOR_END: add_child
}

fn main() {
    let root = Node::new(1);
    let leaf = Node::new(2);
    println!("adding node {} under node {}", leaf.id, root.id);
    root.add_child(&leaf);
    println!("added"); // never printed
}
