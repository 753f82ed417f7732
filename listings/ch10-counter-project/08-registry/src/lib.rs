//! Named counters: one shared `Counter` per name.

use std::collections::HashMap;
use std::sync::{Arc, RwLock};

use counter::Counter;

// ANCHOR: registry
#[derive(Default)]
pub struct Registry {
    counters: RwLock<HashMap<String, Arc<Counter>>>,
}

impl Registry {
    /// The counter called `name`, created at zero the first time it is asked for.
    pub fn counter(&self, name: &str) -> Arc<Counter> {
        // The common case, an existing name, needs only a read lock.
        if let Some(counter) = self.counters.read().unwrap().get(name) {
            return Arc::clone(counter);
        } // the read guard is dropped here, before write() below
        let mut counters = self.counters.write().unwrap();
        // Another thread may have created it between our two locks: `entry` checks again.
        let counter = counters
            .entry(name.to_string())
            .or_insert_with(|| Arc::new(Counter::new()));
        Arc::clone(counter)
    }

    /// Every name with its count, sorted by name.
    pub fn snapshot(&self) -> Vec<(String, usize)> {
        let counters = self.counters.read().unwrap();
        let mut all: Vec<_> =
            counters.iter().map(|(name, c)| (name.clone(), c.get())).collect();
        all.sort();
        all
    }
}
// ANCHOR_END: registry

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::Registry;
    use std::sync::Arc;
    use std::thread;

    #[test]
    fn same_name_same_counter() {
        let registry = Registry::default();
        let a = registry.counter("requests");
        let b = registry.counter("requests");
        assert!(Arc::ptr_eq(&a, &b));
        a.increment();
        assert_eq!(b.get(), 1);
    }

    #[test]
    fn names_are_independent() {
        let registry = Registry::default();
        registry.counter("hits").increment();
        registry.counter("hits").increment();
        registry.counter("misses").increment();
        assert_eq!(
            registry.snapshot(),
            [("hits".to_string(), 2), ("misses".to_string(), 1)]
        );
    }

    #[test]
    fn threads_asking_for_a_new_name_share_one_counter() {
        let registry = Registry::default();
        thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(|| {
                    for _ in 0..100 {
                        registry.counter("logins").increment();
                    }
                });
            }
        });
        assert_eq!(registry.snapshot(), [("logins".to_string(), 800)]);
    }
}
// ANCHOR_END: tests
