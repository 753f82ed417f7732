use std::fmt::Debug;
use std::ops::{Deref, DerefMut};

// ANCHOR: type
/// A Box that reports every deref, mutable deref and drop.
struct LoggingBox<T: Debug> {
    name: &'static str,
    value: Box<T>,
}

impl<T: Debug> LoggingBox<T> {
    fn new(name: &'static str, value: T) -> Self {
        println!("  [{name}] new({value:?})");
        LoggingBox { name, value: Box::new(value) }
    }
}

impl<T: Debug> Deref for LoggingBox<T> {
    type Target = T;

    fn deref(&self) -> &T {
        println!("  [{}] deref", self.name);
        &self.value
    }
}

impl<T: Debug> DerefMut for LoggingBox<T> {
    fn deref_mut(&mut self) -> &mut T {
        println!("  [{}] deref_mut", self.name);
        &mut self.value
    }
}

impl<T: Debug> Drop for LoggingBox<T> {
    fn drop(&mut self) {
        // The value is still alive here: fields are dropped after this method returns.
        println!(
            "  [{}] drop, value still readable: {:?}",
            self.name, self.value
        );
    }
}
// ANCHOR_END: type

// ANCHOR: main
fn total(numbers: &[i32]) -> i32 {
    numbers.iter().sum()
}

fn main() {
    println!("1. create");
    let mut answer = LoggingBox::new("answer", 41);

    println!("2. `*answer += 1`");
    *answer += 1;

    println!("3. read `*answer`");
    let copy: i32 = *answer;
    println!("   copy = {copy}");

    println!("4. method calls on a LoggingBox<Vec<i32>>");
    let mut list = LoggingBox::new("list", vec![1, 2, 3]);
    list.push(4);
    println!("   len = {}", list.len());

    println!("5. deref coercion: &LoggingBox<Vec<i32>> -> &Vec<i32> -> &[i32]");
    println!("   total = {}", total(&list));

    println!("6. drop(answer) early");
    drop(answer);

    println!("7. end of main");
}
// ANCHOR_END: main
