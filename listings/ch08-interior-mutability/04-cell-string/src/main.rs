use std::cell::Cell;

// ANCHOR: here
struct Greeter {
    last_name: Cell<String>, // String is not Copy, and this is fine
}

impl Greeter {
    fn greet(&self, name: &str) -> String {
        // replace: move the new String in, move the old one out. No clone, no borrow.
        let previous = self.last_name.replace(name.to_string());
        format!("hello {name} (previous: {previous:?})")
    }

    fn peek(&self) -> String {
        // No get() for String: take it out, look at it, put it back.
        let name = self.last_name.take(); // leaves String::new() behind
        let copy = name.clone();
        self.last_name.set(name);
        copy
    }
}

fn main() {
    let greeter = Greeter { last_name: Cell::new(String::new()) };
    let alias = &greeter;
    println!("{}", greeter.greet("ada"));
    println!("{}", alias.greet("grace"));
    println!("peek: {}", greeter.peek());
    println!("into_inner: {:?}", greeter.last_name.into_inner());
}
// ANCHOR_END: here
