//! A cache that many threads share, whose entries expire.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

/// A handle to a cache. Every clone of the handle shares the same entries.
/// Each entry holds its value and the moment it expires.
pub struct ExpiringCache<K, V> {
    entries: Arc<RwLock<HashMap<K, (V, Instant)>>>,
    ttl: Duration,
}

// Written by hand: `#[derive(Clone)]` would require `K: Clone` and `V: Clone`,
// and cloning the handle clones only the `Arc`.
impl<K, V> Clone for ExpiringCache<K, V> {
    fn clone(&self) -> Self {
        ExpiringCache { entries: Arc::clone(&self.entries), ttl: self.ttl }
    }
}

impl<K: Hash + Eq, V: Clone> ExpiringCache<K, V> {
    /// An empty cache whose entries live for `ttl` after they are inserted.
    pub fn new(ttl: Duration) -> Self {
        ExpiringCache { entries: Arc::new(RwLock::new(HashMap::new())), ttl }
    }

    /// Stores `value` under `key` at the time `now`, replacing any old entry.
    /// The entry expires at `now + ttl`.
    pub fn insert_at(&self, key: K, value: V, now: Instant) {
        let expires = now + self.ttl;
        self.entries.write().unwrap().insert(key, (value, expires));
    }

    /// A copy of the value under `key`, if there is one and it has not
    /// expired at the time `now`. Takes only the read lock.
    pub fn get_at(&self, key: &K, now: Instant) -> Option<V> {
        let entries = self.entries.read().unwrap();
        let (value, expires) = entries.get(key)?;
        // An expired entry stays until `remove_expired_at`: removing it here
        // would need the write lock, and every reader would wait for it.
        (now < *expires).then(|| value.clone())
    }

    /// Removes every entry that has expired at the time `now`, and returns
    /// how many it removed.
    pub fn remove_expired_at(&self, now: Instant) -> usize {
        let mut entries = self.entries.write().unwrap();
        let before = entries.len();
        entries.retain(|_, (_, expires)| now < *expires);
        before - entries.len()
    }

    /// How many entries are stored, expired ones included until they are
    /// removed.
    pub fn len(&self) -> usize {
        self.entries.read().unwrap().len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// `insert_at` with the current time.
    pub fn insert(&self, key: K, value: V) {
        self.insert_at(key, value, Instant::now());
    }

    /// `get_at` with the current time.
    pub fn get(&self, key: &K) -> Option<V> {
        self.get_at(key, Instant::now())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;
    use std::thread;

    const TTL: Duration = Duration::from_secs(10);

    fn secs(s: f64) -> Duration {
        Duration::from_secs_f64(s)
    }

    #[test]
    fn an_entry_lives_until_its_ttl_is_over() {
        let cache = ExpiringCache::new(TTL);
        let t0 = Instant::now();
        cache.insert_at("a", 1, t0);
        assert_eq!(cache.get_at(&"a", t0), Some(1));
        assert_eq!(cache.get_at(&"a", t0 + secs(9.999)), Some(1));
        assert_eq!(cache.get_at(&"a", t0 + TTL), None, "expired at t0 + ttl");
        assert_eq!(cache.get_at(&"b", t0), None, "never inserted");
    }

    #[test]
    fn inserting_again_replaces_the_value_and_renews_it() {
        let cache = ExpiringCache::new(TTL);
        let t0 = Instant::now();
        cache.insert_at("a", 1, t0);
        cache.insert_at("a", 2, t0 + secs(8.0));
        assert_eq!(cache.get_at(&"a", t0 + secs(12.0)), Some(2));
        assert_eq!(cache.len(), 1);
    }

    #[test]
    fn remove_expired_removes_only_expired_entries() {
        let cache = ExpiringCache::new(TTL);
        let t0 = Instant::now();
        cache.insert_at("old", 1, t0);
        cache.insert_at("new", 2, t0 + secs(5.0));
        assert_eq!(cache.len(), 2, "get does not remove, so both are stored");
        assert_eq!(cache.remove_expired_at(t0 + TTL), 1);
        assert_eq!(cache.len(), 1);
        assert_eq!(cache.get_at(&"new", t0 + TTL), Some(2));
        assert_eq!(cache.remove_expired_at(t0 + TTL), 0);
    }

    #[test]
    fn clones_share_the_entries() {
        let cache = ExpiringCache::new(TTL);
        let other = cache.clone();
        other.insert("k", String::from("shared"));
        assert_eq!(cache.get(&"k").as_deref(), Some("shared"));
    }

    #[test]
    fn threads_share_one_cache() {
        let cache = ExpiringCache::new(TTL);
        let t0 = Instant::now();
        thread::scope(|s| {
            for t in 0..4 {
                let cache = cache.clone();
                s.spawn(move || {
                    for i in 0..250 {
                        let key = t * 1000 + i;
                        cache.insert_at(key, key * 2, t0);
                        assert_eq!(cache.get_at(&key, t0), Some(key * 2));
                    }
                });
            }
        });
        assert_eq!(cache.len(), 1000);
        assert_eq!(cache.get_at(&3249, t0), Some(6498));
        assert_eq!(cache.remove_expired_at(t0 + TTL), 1000);
        assert!(cache.is_empty());
    }

    #[test]
    fn get_needs_only_the_read_lock() {
        let cache = ExpiringCache::new(TTL);
        let t0 = Instant::now();
        cache.insert_at(1, "one", t0);
        // Hold a read lock, as another reader would, and call get_at on a
        // second thread: it must not wait for this reader to leave.
        let reader = cache.entries.read().unwrap();
        let (tx, rx) = mpsc::channel();
        let handle = cache.clone();
        thread::spawn(move || tx.send(handle.get_at(&1, t0)).unwrap());
        let got = rx.recv_timeout(Duration::from_secs(2));
        drop(reader);
        assert_eq!(got, Ok(Some("one")), "get_at waited for the write lock");
    }
}
