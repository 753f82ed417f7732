use std::ops::Deref;

struct Wrapper(String);

impl Deref for Wrapper {
    type Target = String;

    fn deref(&self) -> &String {
        &self.0
    }
}

fn shout(text: &str) -> String {
    text.to_uppercase()
}

fn main() {
    let w = Box::new(Wrapper(String::from("hi")));
    println!("{} {}", shout(&w), w.len());
}
