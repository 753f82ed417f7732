use std::cell::RefCell;
use std::rc::{Rc, Weak};

// ANCHOR: node
struct Node {
    name: &'static str,
    parent: RefCell<Weak<Node>>, // up: does not own
    children: RefCell<Vec<Rc<Node>>>, // down: owns
}

impl Node {
    fn new(name: &'static str) -> Rc<Node> {
        Rc::new(Node {
            name,
            parent: RefCell::new(Weak::new()),
            children: RefCell::new(vec![]),
        })
    }

    fn add_child(parent: &Rc<Node>, child: Rc<Node>) {
        *child.parent.borrow_mut() = Rc::downgrade(parent);
        parent.children.borrow_mut().push(child);
    }

    fn parent_name(&self) -> Option<&'static str> {
        self.parent.borrow().upgrade().map(|p| p.name)
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        println!("  dropping {}", self.name);
    }
}
// ANCHOR_END: node

fn counts(label: &str, node: &Rc<Node>) {
    println!(
        "{label}: strong = {}, weak = {}",
        Rc::strong_count(node),
        Rc::weak_count(node)
    );
}

fn main() {
    // ANCHOR: main
    let leaf = Node::new("leaf");
    println!("leaf's parent: {:?}", leaf.parent_name());
    {
        let branch = Node::new("branch");
        Node::add_child(&branch, Rc::clone(&leaf));
        println!("leaf's parent: {:?}", leaf.parent_name());
        counts("branch", &branch);
        counts("leaf", &leaf);
        println!("end of block:");
    } // branch's only strong owner goes: branch is dropped, its Vec lets go of leaf
    println!("leaf's parent: {:?}", leaf.parent_name());
    counts("leaf", &leaf);
    println!("end of main:");
    // ANCHOR_END: main
}
