use std::ops::{Deref, DerefMut};

// ANCHOR: impl
struct MyBox<T>(T);

impl<T> Deref for MyBox<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T> DerefMut for MyBox<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.0
    }
}
// ANCHOR_END: impl

// ANCHOR: main
fn shout(text: &mut str) {
    text.make_ascii_uppercase();
}

fn main() {
    let mut count = MyBox(1);
    *count += 1; // *DerefMut::deref_mut(&mut count) += 1
    println!("count = {}", *count);

    let mut text = MyBox(String::from("hello"));
    text.push_str(", world"); // auto-deref to &mut String for the method call
    shout(&mut text); // &mut MyBox<String> -> &mut String -> &mut str
    println!("text = {}", *text);

    let shared: &str = &text; // a &mut is not needed to read: Deref suffices
    println!("shared view: {shared}");
}
// ANCHOR_END: main
