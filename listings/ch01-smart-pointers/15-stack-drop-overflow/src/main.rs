/// The stack of the listing above, without its `Drop` impl.
struct Stack<T> {
    top: Option<Box<Node<T>>>,
}

struct Node<T> {
    value: T,
    below: Option<Box<Node<T>>>,
}

impl<T> Stack<T> {
    fn push(&mut self, value: T) {
        let below = self.top.take();
        self.top = Some(Box::new(Node { value, below }));
    }

    fn pop(&mut self) -> Option<T> {
        let node = self.top.take()?;
        self.top = node.below;
        Some(node.value)
    }
}

fn main() {
    let mut stack = Stack { top: None };
    for n in 0..1_000_000 {
        stack.push(n);
    }
    println!("pushed 1000000 values, popped {:?}", stack.pop());
    println!("dropping the other 999999");
    drop(stack); // each node's drop runs inside the drop of the node above
    println!("dropped");
}
