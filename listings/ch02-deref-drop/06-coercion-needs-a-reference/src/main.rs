fn greet(name: &str) {
    println!("Hello, {name}!");
}

fn main() {
    let boxed: Box<String> = Box::new(String::from("Rust"));
    greet(boxed); // a Box<String> is not a reference: no deref coercion
}
