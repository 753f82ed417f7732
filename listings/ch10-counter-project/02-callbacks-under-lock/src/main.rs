use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, RwLock};

// The first design of the counter: callbacks are boxed and run in place.
type ThresholdCallback = Box<dyn Fn(usize) + Send + Sync>;

struct Counter {
    count: Mutex<usize>,
    callbacks: RwLock<HashMap<usize, Vec<ThresholdCallback>>>,
}

impl Counter {
    fn new() -> Self {
        Counter { count: Mutex::new(0), callbacks: RwLock::new(HashMap::new()) }
    }

    fn increment(&self) -> usize {
        let mut count = self.count.lock().unwrap();
        *count += 1;
        let new_count = *count;
        drop(count); // the count lock is released before the callbacks run...
        self.check_thresholds(new_count);
        new_count
    }

    fn on_threshold(
        &self,
        threshold: usize,
        callback: impl Fn(usize) + Send + Sync + 'static,
    ) {
        let mut callbacks = self.callbacks.write().unwrap();
        callbacks.entry(threshold).or_default().push(Box::new(callback));
    }

    // ANCHOR: check
    fn check_thresholds(&self, count: usize) {
        let callbacks = self.callbacks.read().unwrap(); // ...but this one is not
        if let Some(list) = callbacks.get(&count) {
            for callback in list {
                callback(count); // runs while `callbacks` holds the read lock
            }
        }
    }
    // ANCHOR_END: check
}

// ANCHOR: main
static COUNTER: LazyLock<Counter> = LazyLock::new(Counter::new);

fn main() {
    COUNTER.on_threshold(1, |n| {
        println!("callback at {n}: registering a follow-up for 2");
        COUNTER.on_threshold(2, |n| println!("follow-up at {n}")); // write() under our own read()
        println!("never printed");
    });
    COUNTER.increment();
    COUNTER.increment();
}
// ANCHOR_END: main
