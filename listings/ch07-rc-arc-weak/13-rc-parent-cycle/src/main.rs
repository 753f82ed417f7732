use std::cell::RefCell;
use std::rc::Rc;

// ANCHOR: node
struct Node {
    name: &'static str,
    parent: RefCell<Option<Rc<Node>>>, // (1) up: owns the parent
    children: RefCell<Vec<Rc<Node>>>,  // down: owns the children
}

impl Drop for Node {
    fn drop(&mut self) {
        println!("  dropping {}", self.name);
    }
}
// ANCHOR_END: node

fn new_node(name: &'static str) -> Rc<Node> {
    Rc::new(Node {
        name,
        parent: RefCell::new(None),
        children: RefCell::new(vec![]),
    })
}

fn main() {
    // ANCHOR: main
    let leaf = new_node("leaf");
    {
        let branch = new_node("branch");
        branch.children.borrow_mut().push(Rc::clone(&leaf));
        *leaf.parent.borrow_mut() = Some(Rc::clone(&branch)); // (2)
        println!("branch: strong = {}", Rc::strong_count(&branch));
        println!("end of block:");
    } // branch's local handle goes, but the leaf still owns the branch
    println!("leaf: strong = {}", Rc::strong_count(&leaf));
    println!("end of main:");
    // ANCHOR_END: main
} // leaf's local handle goes, but the branch still owns the leaf
