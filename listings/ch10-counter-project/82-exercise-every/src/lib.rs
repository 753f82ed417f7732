//! The chapter's counter, cut down, with callbacks that repeat: each runs
//! every time an increment takes the count to a multiple of its step.

// Delete this line when you start: it hides the warnings about unused names.
#![allow(unused)]

use std::sync::{Arc, Mutex};

/// Shared, so that the list can be copied out and called after unlocking.
pub type Callback = Arc<dyn Fn(usize) + Send + Sync>;

pub struct Counter {
    count: Mutex<usize>,
    /// Each callback with its step.
    every: Mutex<Vec<(usize, Callback)>>,
}

impl Counter {
    pub fn new() -> Self {
        todo!()
    }

    /// Runs `callback` with the count every time an increment makes the
    /// count a multiple of `step` (`step` is at least 1). A decrement never
    /// runs it. A callback may use the counter: read it, change it, or
    /// register more callbacks.
    pub fn on_every(
        &self,
        step: usize,
        callback: impl Fn(usize) + Send + Sync + 'static,
    ) {
        todo!()
    }

    /// Adds one, runs the callbacks due, and returns the new count.
    pub fn increment(&self) -> usize {
        todo!()
    }

    /// Subtracts one, never going below zero, and returns the new count.
    pub fn decrement(&self) -> usize {
        todo!()
    }

    pub fn get(&self) -> usize {
        todo!()
    }
}

impl Default for Counter {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::thread;
    use std::time::Duration;

    /// A callback that records the counts it is called with.
    fn recorder() -> (Arc<Mutex<Vec<usize>>>, impl Fn(usize) + Send + Sync) {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let record = Arc::clone(&seen);
        (seen, move |count| record.lock().unwrap().push(count))
    }

    #[test]
    fn runs_at_every_multiple_on_the_way_up() {
        let counter = Counter::new();
        let (seen, record) = recorder();
        counter.on_every(10, record);
        for _ in 0..35 {
            counter.increment();
        }
        assert_eq!(*seen.lock().unwrap(), [10, 20, 30]);
    }

    #[test]
    fn a_decrement_never_runs_callbacks() {
        let counter = Counter::new();
        let (seen, record) = recorder();
        counter.on_every(2, record);
        assert_eq!(counter.increment(), 1);
        assert_eq!(counter.increment(), 2); // runs
        assert_eq!(counter.decrement(), 1);
        assert_eq!(counter.decrement(), 0); // 0 is a multiple, but going down
        assert_eq!(counter.decrement(), 0);
        assert_eq!(counter.increment(), 1);
        assert_eq!(counter.increment(), 2); // runs again
        assert_eq!(*seen.lock().unwrap(), [2, 2]);
    }

    #[test]
    fn a_callback_may_use_its_counter() {
        let counter = Arc::new(Counter::new());
        let (seen, record) = recorder();
        let record = Arc::new(record);
        // A `Weak`: a callback that owned its counter would keep it alive.
        let weak = Arc::downgrade(&counter);
        counter.on_every(3, move |count| {
            let counter = weak.upgrade().unwrap();
            assert_eq!(counter.get(), count);
            let record = Arc::clone(&record);
            counter.on_every(5, move |count| record(count));
        });
        let (tx, rx) = mpsc::channel();
        let shared = Arc::clone(&counter);
        thread::spawn(move || {
            let counts: Vec<usize> =
                (0..10).map(|_| shared.increment()).collect();
            tx.send(counts).unwrap();
        });
        let counts = match rx.recv_timeout(Duration::from_secs(2)) {
            Ok(counts) => counts,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                panic!("deadlocked: a callback called its counter")
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                panic!("the incrementing thread panicked")
            }
        };
        assert_eq!(counts, (1..=10).collect::<Vec<_>>());
        // Registered at 3, 6 and 9: three callbacks for multiples of 5.
        assert_eq!(*seen.lock().unwrap(), [5, 10, 10, 10]);
    }

    #[test]
    fn threads_run_each_multiple_exactly_once() {
        let counter = Counter::new();
        let (seen, record) = recorder();
        counter.on_every(100, record);
        thread::scope(|s| {
            for _ in 0..4 {
                s.spawn(|| {
                    for _ in 0..250 {
                        counter.increment();
                    }
                });
            }
        });
        let mut seen = seen.lock().unwrap().clone();
        seen.sort();
        assert_eq!(seen, (1..=10).map(|n| n * 100).collect::<Vec<_>>());
        assert_eq!(counter.get(), 1000);
    }
}
