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
    /// The receiver is the parent's `Rc`: what the child's Weak must point to.
    fn add_child(self: &Rc<Self>, child: &Rc<Node>) {
        self.children.borrow_mut().push(Rc::clone(child));
        *child.parent.borrow_mut() = Rc::downgrade(self);
    }
    // ANCHOR_END: add_child

    // ANCHOR: info
    fn print_ownership_info(self: &Rc<Self>) {
        let parent = self.parent.borrow().upgrade();
        let children: Vec<String> =
            self.children.borrow().iter().map(|c| c.id.to_string()).collect();
        println!(
            "node {}: parent {}, children [{}], strong = {}, weak = {}",
            self.id,
            parent.map_or("none".to_string(), |p| format!("node {}", p.id)),
            children.join(", "),
            Rc::strong_count(self),
            Rc::weak_count(self),
        );
    }
    // ANCHOR_END: info
}

fn main() {
    // ANCHOR: main
    let root = Node::new(1);
    let left = Node::new(2);
    let right = Node::new(3);
    root.add_child(&left);
    root.add_child(&right);

    for node in [&root, &left, &right] {
        node.print_ownership_info();
    }
    // ANCHOR_END: main
}
