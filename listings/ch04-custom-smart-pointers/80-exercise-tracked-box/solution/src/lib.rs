//! Exercise 4.1: a box that keeps allocation statistics.

use std::cell::Cell;
use std::mem::size_of;
use std::ops::{Deref, DerefMut};

/// Statistics that many `TrackedBox`es share. A `Cell` lets code that has
/// only a `&Stats` change a number (chapter 8 explains cells).
#[derive(Default)]
pub struct Stats {
    allocations: Cell<usize>,
    frees: Cell<usize>,
    live_bytes: Cell<usize>,
    peak_bytes: Cell<usize>,
}

impl Stats {
    pub fn new() -> Self {
        Stats::default()
    }

    /// How many heap blocks the boxes allocated.
    pub fn allocations(&self) -> usize {
        self.allocations.get()
    }

    /// How many of them were freed.
    pub fn frees(&self) -> usize {
        self.frees.get()
    }

    /// The bytes in the blocks that are allocated and not yet freed.
    pub fn live_bytes(&self) -> usize {
        self.live_bytes.get()
    }

    /// The highest that `live_bytes` has ever been.
    pub fn peak_bytes(&self) -> usize {
        self.peak_bytes.get()
    }

    /// Records one allocation of `bytes` bytes.
    fn record_allocation(&self, bytes: usize) {
        self.allocations.set(self.allocations.get() + 1);
        let live = self.live_bytes.get() + bytes;
        self.live_bytes.set(live);
        self.peak_bytes.set(self.peak_bytes.get().max(live));
    }

    /// Records that a block of `bytes` bytes was freed.
    fn record_free(&self, bytes: usize) {
        self.frees.set(self.frees.get() + 1);
        self.live_bytes.set(self.live_bytes.get() - bytes);
    }
}

/// A `Box<T>` that reports its allocation and its free to a `Stats`.
pub struct TrackedBox<'s, T> {
    value: Box<T>,
    stats: &'s Stats,
}

impl<'s, T> TrackedBox<'s, T> {
    /// Moves `value` into a new box and records the allocation, if the box
    /// makes one.
    pub fn new(value: T, stats: &'s Stats) -> Self {
        // `Box::new` allocates nothing for a zero-sized value.
        if size_of::<T>() > 0 {
            stats.record_allocation(size_of::<T>());
        }
        TrackedBox { value: Box::new(value), stats }
    }
}

impl<T: Clone> Clone for TrackedBox<'_, T> {
    /// A clone is a new box, with an allocation of its own.
    fn clone(&self) -> Self {
        TrackedBox::new(T::clone(&self.value), self.stats)
    }
}

impl<T> Deref for TrackedBox<'_, T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> DerefMut for TrackedBox<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.value
    }
}

impl<T> Drop for TrackedBox<'_, T> {
    fn drop(&mut self) {
        // The field `value` is dropped after this, and frees the block.
        if size_of::<T>() > 0 {
            self.stats.record_free(size_of::<T>());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_box_records_one_allocation() {
        let stats = Stats::new();
        let bytes = TrackedBox::new([7_u8; 100], &stats);
        assert_eq!(bytes.len(), 100, "Deref reaches the array");
        assert_eq!(stats.allocations(), 1);
        assert_eq!(stats.frees(), 0);
        assert_eq!(stats.live_bytes(), 100, "the size of the value in the box");
    }

    #[test]
    fn dropping_the_box_records_the_free() {
        let stats = Stats::new();
        let number = TrackedBox::new(5_u64, &stats);
        drop(number);
        assert_eq!(stats.allocations(), 1);
        assert_eq!(stats.frees(), 1);
        assert_eq!(stats.live_bytes(), 0);
        assert_eq!(stats.peak_bytes(), 8);
    }

    #[test]
    fn the_peak_is_the_highest_live_total() {
        let stats = Stats::new();
        let big = TrackedBox::new([0_u64; 8], &stats); // 64 bytes
        let small = TrackedBox::new([0_u32; 4], &stats); // 16 bytes
        drop(big);
        let tiny = TrackedBox::new(0_u64, &stats); // 8 bytes
        assert_eq!(stats.live_bytes(), 24);
        assert_eq!(stats.peak_bytes(), 80, "`big` and `small` together");
        drop((small, tiny));
        assert_eq!((stats.allocations(), stats.frees()), (3, 3));
    }

    #[test]
    fn a_clone_is_a_second_allocation() {
        let stats = Stats::new();
        let original = TrackedBox::new(String::from("text"), &stats);
        let mut copy = original.clone();
        copy.push_str(" changed"); // DerefMut: only the copy changes
        assert_eq!(*original, "text");
        assert_eq!(*copy, "text changed");
        assert_eq!(stats.allocations(), 2);
        assert_eq!(stats.live_bytes(), 2 * size_of::<String>());
        drop(copy);
        drop(original);
        assert_eq!(stats.frees(), 2);
    }

    #[test]
    fn a_zero_sized_value_allocates_nothing() {
        let stats = Stats::new();
        let unit = TrackedBox::new((), &stats);
        let empty = TrackedBox::new([0_u8; 0], &stats);
        assert_eq!(stats.allocations(), 0, "Box::new allocated no memory");
        drop((unit, empty));
        assert_eq!(stats.frees(), 0, "so there was nothing to free");
    }

    #[test]
    fn deref_coercion_reaches_the_slice() {
        fn total(numbers: &[i32]) -> i32 {
            numbers.iter().sum()
        }
        let stats = Stats::new();
        let mut numbers = TrackedBox::new(vec![1, 2], &stats);
        numbers.push(3);
        assert_eq!(total(&numbers), 6);
    }

    #[test]
    fn each_stats_counts_only_its_own_boxes() {
        let (mine, theirs) = (Stats::new(), Stats::new());
        let _a = TrackedBox::new(1_u32, &mine);
        let _b = TrackedBox::new(2_u32, &theirs);
        let _c = TrackedBox::new(3_u32, &theirs);
        assert_eq!((mine.allocations(), theirs.allocations()), (1, 2));
    }
}
