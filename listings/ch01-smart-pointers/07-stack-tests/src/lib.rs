//! A stack whose nodes live on the heap, each owned by the one above it.

pub struct Stack<T> {
    top: Option<Box<Node<T>>>,
    len: usize,
}

struct Node<T> {
    value: T,
    below: Option<Box<Node<T>>>,
}

impl<T> Stack<T> {
    pub fn new() -> Self {
        Stack { top: None, len: 0 }
    }

    pub fn push(&mut self, value: T) {
        let below = self.top.take();
        self.top = Some(Box::new(Node { value, below }));
        self.len += 1;
    }

    pub fn pop(&mut self) -> Option<T> {
        let node = self.top.take()?;
        self.top = node.below;
        self.len -= 1;
        Some(node.value)
    }

    pub fn len(&self) -> usize {
        self.len
    }
}

// Without this, dropping a Stack drops `top`, whose node drops `below`, and
// so on: one nested call per node, which a long stack cannot afford.
impl<T> Drop for Stack<T> {
    fn drop(&mut self) {
        let mut next = self.top.take();
        while let Some(mut node) = next {
            next = node.below.take(); // unlink, then drop one node at a time
        }
    }
}

impl<T> Default for Stack<T> {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::Stack;

    #[test]
    fn pops_in_reverse_order() {
        let mut stack = Stack::new();
        stack.push(1);
        stack.push(2);
        assert_eq!(stack.pop(), Some(2));
        assert_eq!(stack.pop(), Some(1));
        assert_eq!(stack.pop(), None);
    }

    #[test]
    fn counts_its_items() {
        let mut stack = Stack::default();
        stack.push("a");
        stack.push("b");
        assert_eq!(stack.len(), 2);
    }

    #[test]
    fn drops_a_million_nodes() {
        let mut stack = Stack::new();
        for n in 0..1_000_000 {
            stack.push(n);
        }
        assert_eq!(stack.len(), 1_000_000);
        drop(stack); // a loop, not a million nested calls
    }
}
