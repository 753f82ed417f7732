//! A counter that many threads can share, with callbacks that run when the
//! count reaches chosen values.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, RwLock};

// ANCHOR: types
/// A callback for a threshold. An `Arc` rather than a `Box`: `fire` clones the
/// `Arc`s out of the map, so that it can call them after unlocking the map.
pub type Callback = Arc<dyn Fn(usize) + Send + Sync>;

/// A callback that runs at most once.
type OnceCallback = Box<dyn FnOnce(usize) + Send>;

pub struct Counter {
    count: Mutex<usize>,
    /// Run every time the count becomes the key.
    callbacks: RwLock<HashMap<usize, Vec<Callback>>>,
    /// Run the first time the count becomes the key, then removed.
    once: Mutex<HashMap<usize, Vec<OnceCallback>>>,
}
// ANCHOR_END: types

// ANCHOR: core
impl Counter {
    /// A counter at zero. Wrap it in an `Arc` to share it between threads
    /// that own it, or lend it to scoped threads as it is.
    pub fn new() -> Self {
        Counter {
            count: Mutex::new(0),
            callbacks: RwLock::new(HashMap::new()),
            once: Mutex::new(HashMap::new()),
        }
    }

    /// Adds one and returns the new count.
    pub fn increment(&self) -> usize {
        let new = {
            let mut count = self.count.lock().unwrap();
            *count += 1;
            *count
        }; // the count is unlocked here, before any callback runs
        self.fire(new);
        new
    }

    /// Subtracts one, but never goes below zero, and returns the new count.
    pub fn decrement(&self) -> usize {
        let (new, changed) = {
            let mut count = self.count.lock().unwrap();
            let old = *count;
            *count = old.saturating_sub(1);
            (*count, *count != old)
        };
        if changed {
            self.fire(new);
        }
        new
    }

    pub fn get(&self) -> usize {
        *self.count.lock().unwrap()
    }

    /// Sets the count to zero and returns what it was. Runs no callbacks.
    pub fn reset(&self) -> usize {
        std::mem::take(&mut *self.count.lock().unwrap())
    }
}
// ANCHOR_END: core

// ANCHOR: callbacks
impl Counter {
    /// Runs `callback` every time the count becomes `threshold`.
    pub fn on_threshold(
        &self,
        threshold: usize,
        callback: impl Fn(usize) + Send + Sync + 'static,
    ) {
        let mut callbacks = self.callbacks.write().unwrap();
        callbacks.entry(threshold).or_default().push(Arc::new(callback));
    }

    /// Runs `callback` the first time the count becomes `threshold`, and never again.
    pub fn once_at(
        &self,
        threshold: usize,
        callback: impl FnOnce(usize) + Send + 'static,
    ) {
        let mut once = self.once.lock().unwrap();
        once.entry(threshold).or_default().push(Box::new(callback));
    }

    fn fire(&self, count: usize) {
        // Copy the callbacks out while holding the read lock: cloning an `Arc`
        // only increments its count. The guard is a temporary of this statement,
        // so the map is unlocked before the first callback runs.
        let every_time: Vec<Callback> = self
            .callbacks
            .read()
            .unwrap()
            .get(&count)
            .cloned()
            .unwrap_or_default();
        // Take the one-shot callbacks out of their map: whoever removes them runs them.
        let first_time =
            self.once.lock().unwrap().remove(&count).unwrap_or_default();

        for callback in every_time {
            callback(count); // no lock of ours is held: the callback may use the counter
        }
        for callback in first_time {
            callback(count);
        }
    }
}
// ANCHOR_END: callbacks

impl Default for Counter {
    fn default() -> Self {
        Self::new()
    }
}

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::Counter;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::thread;

    #[test]
    fn basic_operations() {
        let counter = Counter::new();
        assert_eq!(counter.get(), 0);
        assert_eq!(counter.increment(), 1);
        assert_eq!(counter.increment(), 2);
        assert_eq!(counter.decrement(), 1);
        assert_eq!(counter.reset(), 1); // the value it had
        assert_eq!(counter.get(), 0);
    }

    #[test]
    fn decrement_stops_at_zero() {
        let counter = Counter::new();
        assert_eq!(counter.decrement(), 0);
        assert_eq!(counter.increment(), 1);
    }

    #[test]
    fn ten_threads_increment_a_hundred_times_each() {
        let counter = Counter::new();
        thread::scope(|s| {
            for _ in 0..10 {
                s.spawn(|| {
                    for _ in 0..100 {
                        counter.increment();
                    }
                });
            }
        });
        assert_eq!(counter.get(), 1000);
    }

    #[test]
    fn threshold_fires_every_time_the_count_gets_there() {
        let counter = Counter::new();
        let calls = Arc::new(AtomicUsize::new(0));
        let calls_in_callback = Arc::clone(&calls);
        counter.on_threshold(5, move |count| {
            assert_eq!(count, 5);
            calls_in_callback.fetch_add(1, Ordering::SeqCst);
        });
        for _ in 0..5 {
            counter.increment();
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        counter.increment(); // 6
        counter.decrement(); // 5 again, from above
        assert_eq!(calls.load(Ordering::SeqCst), 2);
    }

    #[test]
    fn once_at_fires_only_the_first_time() {
        let counter = Counter::new();
        let calls = Arc::new(AtomicUsize::new(0));
        let calls_in_callback = Arc::clone(&calls);
        counter.once_at(2, move |_| {
            calls_in_callback.fetch_add(1, Ordering::SeqCst);
        });
        counter.increment(); // 1
        counter.increment(); // 2: fires
        counter.decrement(); // 1
        counter.increment(); // 2 again: nothing left to fire
        assert_eq!(counter.get(), 2);
        assert_eq!(calls.load(Ordering::SeqCst), 1);
    }

    #[test]
    fn a_callback_can_register_another_callback() {
        let counter = Arc::new(Counter::new());
        let fired = Arc::new(AtomicUsize::new(0));
        let weak = Arc::downgrade(&counter);
        let fired_later = Arc::clone(&fired);
        counter.on_threshold(1, move |_| {
            let fired_later = Arc::clone(&fired_later);
            if let Some(counter) = weak.upgrade() {
                // Takes the write lock from inside a callback: fine, `fire` holds no lock.
                counter.on_threshold(2, move |n| {
                    fired_later.store(n, Ordering::SeqCst);
                });
            }
        });
        counter.increment();
        counter.increment();
        assert_eq!(fired.load(Ordering::SeqCst), 2);
    }
}
// ANCHOR_END: tests
