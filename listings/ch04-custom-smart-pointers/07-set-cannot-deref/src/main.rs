use std::collections::HashSet;
use std::ops::Deref;

enum SmallSet<T> {
    Few(Vec<T>),
    Many(HashSet<T>),
}

impl<T> Deref for SmallSet<T> {
    type Target = [T]; // a Vec can lend out a slice...

    fn deref(&self) -> &[T] {
        match self {
            SmallSet::Few(items) => items,
            SmallSet::Many(set) => set, // ...but a HashSet cannot
        }
    }
}

fn main() {
    let set: SmallSet<u32> = SmallSet::Few(vec![1, 2, 3]);
    println!("{}", set.len());
}
