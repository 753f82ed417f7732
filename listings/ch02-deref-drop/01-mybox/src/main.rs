// ANCHOR: here
use std::ops::Deref;

struct MyBox<T>(T);

impl<T> MyBox<T> {
    fn new(value: T) -> MyBox<T> {
        MyBox(value)
    }
}

impl<T> Deref for MyBox<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

fn main() {
    let plain = 5;
    let wrapped = MyBox::new(5);

    assert_eq!(plain, 5);
    assert_eq!(*wrapped, 5); // `*` works because MyBox implements Deref
    println!("plain = {plain}, *wrapped = {}", *wrapped);
}
// ANCHOR_END: here
