use std::cell::RefCell;
use std::rc::{Rc, Weak};

struct Node {
    id: u32,
    children: RefCell<Vec<Rc<Node>>>,
    parent: RefCell<Weak<Node>>,
}

impl Drop for Node {
    fn drop(&mut self) {
        println!("dropping node {}", self.id);
    }
}

impl Node {
    fn new(id: u32) -> Rc<Node> {
        let (children, parent) =
            (RefCell::new(Vec::new()), RefCell::new(Weak::new()));
        Rc::new(Node { id, children, parent })
    }

    // ANCHOR: add_child
    fn add_child(&self, child: &Rc<Node>) {
        self.children.borrow_mut().push(Rc::clone(child));
        // The shared borrow now ends at this `;`, so the panic is gone...
        let found = child.parent.borrow().upgrade().unwrap_or(Node::new(999));
        *child.parent.borrow_mut() = Rc::downgrade(&found);
    } // ...but `found`, the only owner of node 999, is dropped here
    // ANCHOR_END: add_child
}

fn main() {
    // ANCHOR: main
    let root = Node::new(1);
    let leaf = Node::new(2);
    root.add_child(&leaf);
    match leaf.parent.borrow().upgrade() {
        Some(parent) => println!("parent of node 2: node {}", parent.id),
        None => println!("parent of node 2: none"),
    }
    println!("end of main");
    // ANCHOR_END: main
}
