//! Exercise 7.2: an `Rc` of your own that also counts its clones.

// Delete this line when you start: it silences the warnings about unused
// parameters and imports in the unfinished code.
#![allow(unused)]

use std::cell::Cell;
use std::marker::PhantomData;
use std::mem::ManuallyDrop;
use std::ops::Deref;
use std::ptr::NonNull;

/// The heap block that every handle points to: the counts and the value.
struct Inner<T> {
    strong: Cell<usize>, // the handles alive now
    clones: Cell<usize>, // every clone ever made, never decremented
    value: T,
}

pub struct CountedRc<T> {
    ptr: NonNull<Inner<T>>,
    // Tells the compiler that a `CountedRc<T>` owns an `Inner<T>`.
    _owns: PhantomData<Inner<T>>,
}

impl<T> CountedRc<T> {
    /// Moves `value` to the heap, with one handle and no clones yet.
    pub fn new(value: T) -> Self {
        todo!()
    }

    /// How many handles point to the value now.
    pub fn strong_count(this: &Self) -> usize {
        todo!()
    }

    /// How many clones were ever made of this value, whichever handle made
    /// them, including clones that are gone.
    pub fn clone_count(this: &Self) -> usize {
        todo!()
    }

    /// Whether both handles point to the same value.
    pub fn ptr_eq(this: &Self, other: &Self) -> bool {
        todo!()
    }

    /// Returns the value if `this` is the last handle. Otherwise `this` is
    /// dropped like any handle, and the result is `None`.
    pub fn into_inner(this: Self) -> Option<T> {
        todo!()
    }
}

impl<T> Clone for CountedRc<T> {
    fn clone(&self) -> Self {
        todo!()
    }
}

impl<T> Deref for CountedRc<T> {
    type Target = T;

    fn deref(&self) -> &T {
        todo!()
    }
}

impl<T> Drop for CountedRc<T> {
    fn drop(&mut self) {
        todo!()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counts its own drops in a `Cell` that the test owns.
    struct Noisy<'a>(&'a Cell<u32>);

    impl Drop for Noisy<'_> {
        fn drop(&mut self) {
            self.0.set(self.0.get() + 1);
        }
    }

    #[test]
    fn derefs_to_the_value() {
        let text = CountedRc::new(String::from("shared"));
        assert_eq!(text.len(), 6);
        assert_eq!(*text, "shared");
        assert_eq!(CountedRc::strong_count(&text), 1);
        assert_eq!(CountedRc::clone_count(&text), 0);
    }

    #[test]
    fn clones_share_one_value() {
        let a = CountedRc::new(vec![1, 2, 3]);
        let b = a.clone();
        assert!(CountedRc::ptr_eq(&a, &b));
        assert!(std::ptr::eq(&*a, &*b), "both reach the same Vec");
        assert!(!CountedRc::ptr_eq(&a, &CountedRc::new(vec![1, 2, 3])));
        assert_eq!(CountedRc::strong_count(&a), 2);
    }

    #[test]
    fn the_clone_count_never_goes_down() {
        let a = CountedRc::new('x');
        let b = a.clone();
        let c = b.clone(); // a clone of a clone counts too
        assert_eq!(CountedRc::clone_count(&a), 2);
        drop(b);
        assert_eq!(CountedRc::strong_count(&a), 2);
        assert_eq!(CountedRc::clone_count(&a), 2, "a drop is not an un-clone");
        let _d = c.clone();
        assert_eq!(CountedRc::clone_count(&a), 3);
        assert_eq!(CountedRc::strong_count(&c), 3);
    }

    #[test]
    fn the_last_handle_drops_the_value_once() {
        let drops = Cell::new(0);
        let a = CountedRc::new(Noisy(&drops));
        let b = a.clone();
        let c = a.clone();
        drop(a);
        drop(c);
        assert_eq!(drops.get(), 0, "`b` still owns the value");
        drop(b);
        assert_eq!(drops.get(), 1, "the last handle dropped it");
    }

    #[test]
    fn a_hundred_clones_drop_the_value_once() {
        let drops = Cell::new(0);
        let first = CountedRc::new(Noisy(&drops));
        let handles: Vec<_> = (0..100).map(|_| first.clone()).collect();
        assert_eq!(CountedRc::strong_count(&first), 101);
        drop(first);
        drop(handles);
        assert_eq!(drops.get(), 1);
    }

    #[test]
    fn into_inner_gives_the_value_back_from_the_last_handle() {
        let drops = Cell::new(0);
        let a = CountedRc::new(Noisy(&drops));
        let b = a.clone();
        assert!(CountedRc::into_inner(a).is_none(), "`b` still exists");
        assert_eq!(CountedRc::strong_count(&b), 1, "`a` was dropped");
        assert_eq!(drops.get(), 0);
        let value = CountedRc::into_inner(b).expect("`b` was the last");
        assert_eq!(drops.get(), 0, "the value was moved out, not dropped");
        drop(value);
        assert_eq!(drops.get(), 1, "and it is dropped exactly once");
    }
}
