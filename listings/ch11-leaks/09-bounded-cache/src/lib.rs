//! A cache with a size limit and a time to live (TTL).

use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;
use std::time::{Duration, Instant};

// ANCHOR: types
pub struct BoundedCache<K, V> {
    entries: HashMap<K, Entry<V>>,
    /// Insertion order: sequence number -> key. The first one is the oldest entry.
    order: BTreeMap<u64, K>,
    next_seq: u64,
    capacity: usize,
    ttl: Duration,
}

struct Entry<V> {
    value: V,
    inserted: Instant,
    seq: u64,
}
// ANCHOR_END: types

// ANCHOR: impl
impl<K: Eq + Hash + Clone, V> BoundedCache<K, V> {
    pub fn new(capacity: usize, ttl: Duration) -> Self {
        assert!(capacity > 0, "a cache needs room for one entry");
        let (entries, order) = (HashMap::new(), BTreeMap::new());
        BoundedCache { entries, order, next_seq: 0, capacity, ttl }
    }

    pub fn insert(&mut self, key: K, value: V) {
        self.insert_at(key, value, Instant::now());
    }

    pub fn get(&mut self, key: &K) -> Option<&V> {
        self.get_at(key, Instant::now())
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// `insert` with an explicit clock, so that tests need not sleep.
    /// `now` must never go backwards (`Instant::now()` never does).
    pub fn insert_at(&mut self, key: K, value: V, now: Instant) {
        self.expire(now);
        if let Some(old) = self.entries.remove(&key) {
            self.order.remove(&old.seq); // a new value makes the key the newest
        } else if self.entries.len() == self.capacity {
            self.evict_oldest();
        }
        let seq = self.next_seq;
        self.next_seq += 1;
        self.order.insert(seq, key.clone());
        self.entries.insert(key, Entry { value, inserted: now, seq });
    }

    pub fn get_at(&mut self, key: &K, now: Instant) -> Option<&V> {
        self.expire(now);
        self.entries.get(key).map(|entry| &entry.value)
    }

    /// O(log n): the oldest entry is the first key of the BTreeMap.
    fn evict_oldest(&mut self) {
        if let Some((_, key)) = self.order.pop_first() {
            self.entries.remove(&key);
        }
    }

    /// Entries are ordered by age, so expired ones are all at the front:
    /// stop at the first one that is still fresh instead of scanning them all.
    fn expire(&mut self, now: Instant) {
        while let Some((_, key)) = self.order.first_key_value() {
            if now.duration_since(self.entries[key].inserted) < self.ttl {
                break;
            }
            self.evict_oldest();
        }
    }
}
// ANCHOR_END: impl

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::BoundedCache;
    use std::time::{Duration, Instant};

    const MINUTE: Duration = Duration::from_secs(60);

    #[test]
    fn evicts_the_oldest_when_full() {
        let mut cache = BoundedCache::new(2, MINUTE);
        cache.insert("a", 1);
        cache.insert("b", 2);
        cache.insert("c", 3);
        assert_eq!(cache.len(), 2);
        assert_eq!(cache.get(&"a"), None);
        assert_eq!(cache.get(&"b"), Some(&2));
        assert_eq!(cache.get(&"c"), Some(&3));
    }

    #[test]
    fn reinserting_a_key_makes_it_the_newest() {
        let mut cache = BoundedCache::new(2, MINUTE);
        cache.insert("a", 1);
        cache.insert("b", 2);
        cache.insert("a", 10); // "b" is now the oldest
        cache.insert("c", 3);
        assert_eq!(cache.get(&"a"), Some(&10));
        assert_eq!(cache.get(&"b"), None);
    }

    #[test]
    fn entries_expire_after_the_ttl() {
        let start = Instant::now();
        let mut cache = BoundedCache::new(10, MINUTE);
        cache.insert_at("a", 1, start);
        cache.insert_at("b", 2, start + Duration::from_secs(30));
        assert_eq!(
            cache.get_at(&"a", start + Duration::from_secs(59)),
            Some(&1)
        );
        assert_eq!(cache.get_at(&"a", start + MINUTE), None);
        assert_eq!(cache.get_at(&"b", start + MINUTE), Some(&2));
        assert_eq!(
            cache.len(),
            1,
            "the expired entry is gone, not just hidden"
        );
    }

    #[test]
    fn never_grows_past_its_capacity() {
        let mut cache = BoundedCache::new(100, MINUTE);
        for request_id in 0..5_000 {
            cache.insert(request_id, vec![0u8; 1024]);
        }
        assert_eq!(cache.len(), 100);
        assert!(cache.get(&4_999).is_some() && cache.get(&4_899).is_none());
    }
}
// ANCHOR_END: tests
