use std::cell::RefCell;
use std::collections::HashMap;

struct Fibonacci {
    cache: RefCell<HashMap<u64, u64>>,
}

impl Fibonacci {
    // ANCHOR: here
    fn get(&self, n: u64) -> u64 {
        // The scrutinee's temporary Ref lives until the end of the whole `match`.
        match self.cache.borrow().get(&n) {
            Some(&value) => value,
            None => {
                let value = self.get(n - 1) + self.get(n - 2);
                self.cache.borrow_mut().insert(n, value); // the Ref above is still alive
                value
            }
        }
    }
    // ANCHOR_END: here
}

fn main() {
    let fib =
        Fibonacci { cache: RefCell::new(HashMap::from([(0, 0), (1, 1)])) };
    println!("fib(10) = {}", fib.get(10));
}
