use std::ops::Deref;

struct MyBox<T>(T);

impl<T> Deref for MyBox<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

fn main() {
    let boxed = Box::new(String::from("from a Box"));
    let moved: String = *boxed; // fine: Box is built into the compiler
    println!("{moved}");

    let mine = MyBox(String::from("from a MyBox"));
    let taken: String = *mine; // *Deref::deref(&mine): behind a &String
    println!("{taken}");
}
