use std::ops::Deref;

struct MyBox<T>(T);

impl<T> Deref for MyBox<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

// ANCHOR: here
fn greet(name: &str) {
    println!("Hello, {name}!");
}

fn main() {
    let boxed: Box<String> = Box::new(String::from("Rust"));

    greet(&boxed); // &Box<String> -> &String -> &str, inserted by the compiler

    // The same chain, written out step by step:
    let step1: &String = Deref::deref(&boxed); // Box<String>: Deref<Target = String>
    let step2: &str = Deref::deref(step1); // String: Deref<Target = str>
    greet(step2);

    // What we would have to write without coercion:
    greet(&(*boxed)[..]);
    greet(&**boxed);
    greet(boxed.as_str()); // method calls auto-deref: as_str is a String method

    // It works the same for our own type, one level deeper:
    let nested: MyBox<Box<String>> = MyBox(Box::new(String::from("nested")));
    greet(&nested); // &MyBox<Box<String>> -> &Box<String> -> &String -> &str
    println!("len() reached through two derefs: {}", nested.len());
}
// ANCHOR_END: here
