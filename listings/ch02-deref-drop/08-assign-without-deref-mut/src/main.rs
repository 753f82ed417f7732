use std::ops::Deref;

struct MyBox<T>(T);

impl<T> Deref for MyBox<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

fn main() {
    let mut count = MyBox(1);
    *count += 1; // only Deref: `*count` is a place behind a shared reference
    println!("count = {}", *count);
}
