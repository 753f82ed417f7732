use std::fmt::Debug;

struct LoggingBox<T> {
    value: Box<T>,
}

impl<T: Debug> Drop for LoggingBox<T> {
    fn drop(&mut self) {
        println!("drop {:?}", self.value);
    }
}

fn main() {
    let _b = LoggingBox { value: Box::new(1) };
}
