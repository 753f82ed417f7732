//! The count of the project's counter, without a lock.

use std::sync::atomic::{AtomicUsize, Ordering};

// ANCHOR: counter
pub struct AtomicCounter {
    count: AtomicUsize,
}

impl AtomicCounter {
    pub fn new() -> Self {
        AtomicCounter { count: AtomicUsize::new(0) }
    }

    pub fn increment(&self) -> usize {
        // fetch_add returns the value *before* the addition.
        self.count.fetch_add(1, Ordering::Relaxed) + 1
    }

    /// Never goes below zero. `fetch_sub` cannot do that (it wraps around),
    /// so retry a compare-and-swap until no other thread got in between.
    pub fn decrement(&self) -> usize {
        let (set, fetch) = (Ordering::Relaxed, Ordering::Relaxed);
        match self.count.try_update(set, fetch, |n| n.checked_sub(1)) {
            Ok(old) => old - 1,
            Err(_zero) => 0,
        }
    }

    pub fn get(&self) -> usize {
        self.count.load(Ordering::Relaxed)
    }

    pub fn reset(&self) -> usize {
        self.count.swap(0, Ordering::Relaxed)
    }
}
// ANCHOR_END: counter

impl Default for AtomicCounter {
    fn default() -> Self {
        Self::new()
    }
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::AtomicCounter;
    use counter::Counter;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::thread;

    #[test]
    fn basic_operations() {
        let counter = AtomicCounter::new();
        assert_eq!(counter.increment(), 1);
        assert_eq!(counter.increment(), 2);
        assert_eq!(counter.decrement(), 1);
        assert_eq!(counter.reset(), 1);
        assert_eq!(counter.decrement(), 0); // stays at zero
    }

    #[test]
    fn fetch_sub_wraps_around_at_zero() {
        let raw = AtomicUsize::new(0);
        raw.fetch_sub(1, Ordering::Relaxed); // no panic, even in a debug build
        assert_eq!(raw.load(Ordering::Relaxed), usize::MAX);
    }

    #[test]
    fn same_results_as_the_mutex_counter() {
        let atomic = AtomicCounter::new();
        let locked = Counter::new();
        thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(|| {
                    for step in 0..500 {
                        atomic.increment();
                        locked.increment();
                        if step % 4 == 0 {
                            atomic.decrement();
                            locked.decrement();
                        }
                    }
                });
            }
        });
        assert_eq!(atomic.get(), 8 * (500 - 125));
        assert_eq!(atomic.get(), locked.get());
    }

    #[test]
    fn decrements_race_but_never_go_below_zero() {
        let counter = AtomicCounter::new();
        for _ in 0..100 {
            counter.increment();
        }
        thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    for _ in 0..50 {
                        counter.decrement(); // 200 decrements for 100 increments
                    }
                });
            }
        });
        assert_eq!(counter.get(), 0);
    }
}
// ANCHOR_END: tests
