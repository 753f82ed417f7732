use std::ops::Deref;

struct Loud(String);

impl Deref for Loud {
    type Target = String;
    fn deref(&self) -> &String {
        println!("deref {}", self.0);
        &self.0
    }
}

impl Drop for Loud {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let a = Loud(String::from("a"));
    let b = Loud(String::from("bb"));
    let n = a.len() + b.len();
    println!("{n}");
}
