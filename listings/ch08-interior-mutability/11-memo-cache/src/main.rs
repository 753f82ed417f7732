use std::cell::RefCell;
use std::collections::HashMap;

// ANCHOR: here
struct Fibonacci {
    cache: RefCell<HashMap<u64, u64>>,
}

impl Fibonacci {
    fn new() -> Self {
        Fibonacci { cache: RefCell::new(HashMap::from([(0, 0), (1, 1)])) }
    }

    fn get(&self, n: u64) -> u64 {
        // `copied()` turns the Option<&u64> into an Option<u64>, so the Ref
        // (a temporary) is dropped at the `;`: no borrow is held below.
        let cached = self.cache.borrow().get(&n).copied();
        if let Some(value) = cached {
            return value;
        }
        let value = self.get(n - 1) + self.get(n - 2); // recursive calls borrow again
        self.cache.borrow_mut().insert(n, value);
        value
    }
}

fn main() {
    let fib = Fibonacci::new(); // not `mut`
    println!("fib(10) = {}", fib.get(10));
    println!("fib(90) = {}", fib.get(90));
    println!("cached entries: {}", fib.cache.borrow().len());
}
// ANCHOR_END: here
