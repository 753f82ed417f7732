//! Exercise 2.1: `Deref` for two wrappers, and `DerefMut` for only one.

// Delete this line when you start: it silences the warnings about unused
// parameters in the unfinished functions.
#![allow(unused)]

use std::ops::{Deref, DerefMut};

/// A value that remembers whether it may have changed since it was saved.
pub struct Tracked<T> {
    value: T,
    changed: bool,
}

impl<T> Tracked<T> {
    /// A value that counts as saved.
    pub fn new(value: T) -> Self {
        Tracked { value, changed: false }
    }

    pub fn is_changed(&self) -> bool {
        self.changed
    }

    pub fn mark_saved(&mut self) {
        self.changed = false;
    }
}

impl<T> Deref for Tracked<T> {
    type Target = T;

    /// Reading does not change the value.
    fn deref(&self) -> &T {
        todo!()
    }
}

impl<T> DerefMut for Tracked<T> {
    /// Whoever gets a `&mut T` may change the value.
    fn deref_mut(&mut self) -> &mut T {
        todo!()
    }
}

/// Items kept in ascending order, always.
pub struct Sorted<T> {
    items: Vec<T>,
}

impl<T: Ord> Sorted<T> {
    pub fn new(items: Vec<T>) -> Self {
        todo!()
    }

    /// Inserts `item` where it belongs in the order.
    pub fn insert(&mut self, item: T) {
        todo!()
    }
}

impl<T> Deref for Sorted<T> {
    type Target = [T];

    fn deref(&self) -> &[T] {
        todo!()
    }
}

// `Sorted` gets no `DerefMut`, and the tests check that it has none. Why?

#[cfg(test)]
mod tests {
    use super::*;
    use std::marker::PhantomData;

    #[test]
    fn reading_through_tracked_changes_nothing() {
        let draft = Tracked::new(String::from("draft"));
        assert_eq!(draft.len(), 5); // a `str` method, reached by Deref
        assert!(draft.starts_with("dr"));
        assert_eq!(*draft, "draft");
        assert!(!draft.is_changed());
    }

    #[test]
    fn writing_through_tracked_marks_it_changed() {
        let mut draft = Tracked::new(String::from("draft"));
        draft.push_str(" 2");
        assert!(draft.is_changed());
        draft.mark_saved();
        assert!(!draft.is_changed());
        *draft = String::from("final");
        assert!(draft.is_changed());
        assert_eq!(*draft, "final");
    }

    #[test]
    fn lending_a_mutable_reference_counts_as_a_change() {
        fn shout(text: &mut str) {
            text.make_ascii_uppercase();
        }
        let mut count = Tracked::new(1);
        *count += 1;
        assert_eq!(*count, 2);
        let mut word = Tracked::new(String::from("hey"));
        shout(&mut word); // &mut Tracked<String> -> &mut String -> &mut str
        assert_eq!(*word, "HEY");
        assert!(word.is_changed());
    }

    #[test]
    fn sorted_sorts_what_it_is_given() {
        let numbers = Sorted::new(vec![3, 1, 2]);
        assert_eq!(*numbers, [1, 2, 3]);
        assert_eq!(numbers.len(), 3); // slice methods, reached by Deref
        assert_eq!(numbers[0], 1);
        assert_eq!(numbers.binary_search(&3), Ok(2));
    }

    #[test]
    fn insert_keeps_the_order() {
        let mut numbers = Sorted::new(vec![3, 1]);
        for n in [0, 5, 2, 3] {
            numbers.insert(n);
        }
        assert_eq!(*numbers, [0, 1, 2, 3, 3, 5]);
    }

    #[test]
    fn sorted_coerces_to_a_slice() {
        fn total_length(words: &[&str]) -> usize {
            words.iter().map(|word| word.len()).sum()
        }
        let words = Sorted::new(vec!["pear", "apple", "fig"]);
        assert_eq!(total_length(&words), 12);
        let first: Option<&&str> = words.first();
        assert_eq!(first, Some(&"apple"));
    }

    // `Probe::<X>::DEREF_MUT` is `true` when `X` implements `DerefMut`: the
    // inherent constant exists only then, and otherwise the trait's is used.
    struct Probe<X>(PhantomData<X>);
    trait NoDerefMut {
        const DEREF_MUT: bool = false;
    }
    impl<X> NoDerefMut for Probe<X> {}
    impl<X: DerefMut> Probe<X> {
        const DEREF_MUT: bool = true;
    }

    #[test]
    fn only_tracked_implements_deref_mut() {
        let (tracked, sorted) =
            (Probe::<Tracked<i32>>::DEREF_MUT, Probe::<Sorted<i32>>::DEREF_MUT);
        assert!(tracked);
        assert!(!sorted, "a `&mut [T]` would let callers break the order");
    }
}
