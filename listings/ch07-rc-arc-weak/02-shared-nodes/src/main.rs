use std::rc::Rc;

// ANCHOR: node
#[derive(Debug)]
struct Node {
    value: i32,
    children: Vec<Rc<Node>>,
}

impl Drop for Node {
    fn drop(&mut self) {
        println!("  dropping node {}", self.value);
    }
}
// ANCHOR_END: node

fn main() {
    // ANCHOR: build
    let shared = Rc::new(Node { value: 3, children: vec![] });
    let left = Rc::new(Node { value: 1, children: vec![Rc::clone(&shared)] });
    let right = Rc::new(Node { value: 2, children: vec![Rc::clone(&shared)] });
    let root = Rc::new(Node {
        value: 0,
        children: vec![Rc::clone(&left), Rc::clone(&right)],
    });

    println!("root:   strong = {}", Rc::strong_count(&root));
    println!("left:   strong = {}", Rc::strong_count(&left));
    println!("right:  strong = {}", Rc::strong_count(&right));
    println!("shared: strong = {}", Rc::strong_count(&shared));
    // ANCHOR_END: build

    // ANCHOR: teardown
    drop(shared); // only our local handle: the two parents still own node 3
    println!(
        "after drop(shared): node 3 is owned by {} parents",
        Rc::strong_count(&left.children[0])
    );

    println!("drop(left):");
    drop(left); // root still owns node 1: nothing is freed
    println!("drop(root):");
    drop(root); // frees root and node 1; node 3 is still owned by node 2
    println!(
        "node 3 now has strong = {}",
        Rc::strong_count(&right.children[0])
    );
    println!("drop(right):");
    drop(right); // the last owner of node 2, which was the last owner of node 3
    // ANCHOR_END: teardown
}
