//! A set that changes its representation as it grows: a short Vec, scanned
//! element by element, while it is small; a HashSet once it is not.

use std::collections::HashSet;
use std::hash::Hash;

// ANCHOR: set
/// Up to this many elements the set is a `Vec`. Where a scan stops being
/// cheaper than hashing depends on `T` and the machine: measure to tune it.
const FEW: usize = 8;

pub enum SmallSet<T> {
    Few(Vec<T>),
    Many(HashSet<T>),
}

impl<T> Default for SmallSet<T> {
    fn default() -> Self {
        SmallSet::Few(Vec::new())
    }
}

impl<T: Hash + Eq> SmallSet<T> {
    /// Returns whether the value was new, like `HashSet::insert`.
    pub fn insert(&mut self, value: T) -> bool {
        match self {
            SmallSet::Few(items) if items.contains(&value) => false,
            SmallSet::Few(items) if items.len() < FEW => {
                items.push(value);
                true
            }
            SmallSet::Few(items) => {
                // The ninth element: move everything into a hash set.
                let mut set: HashSet<T> = items.drain(..).collect();
                set.insert(value);
                *self = SmallSet::Many(set);
                true
            }
            SmallSet::Many(set) => set.insert(value),
        }
    }

    pub fn contains(&self, value: &T) -> bool {
        match self {
            SmallSet::Few(items) => items.contains(value),
            SmallSet::Many(set) => set.contains(value),
        }
    }

    pub fn len(&self) -> usize {
        match self {
            SmallSet::Few(items) => items.len(),
            SmallSet::Many(set) => set.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
// ANCHOR_END: set

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    fn filled(n: u32) -> SmallSet<u32> {
        let mut set = SmallSet::default();
        for i in 0..n {
            assert!(set.insert(i));
        }
        set
    }

    #[test]
    fn stays_a_vec_up_to_the_limit() {
        assert!(matches!(filled(FEW as u32), SmallSet::Few(_)));
    }

    #[test]
    fn becomes_a_hash_set_past_the_limit() {
        assert!(matches!(filled(FEW as u32 + 1), SmallSet::Many(_)));
    }

    #[test]
    fn answers_the_same_either_way() {
        for n in [3, 20] {
            let set = filled(n);
            assert_eq!(set.len(), n as usize);
            assert!((0..n).all(|i| set.contains(&i)));
            assert!(!set.contains(&n));
        }
    }

    #[test]
    fn duplicates_are_refused_either_way() {
        for n in [3, 20] {
            let mut set = filled(n);
            assert!(!set.insert(0));
            assert_eq!(set.len(), n as usize);
        }
    }
}
// ANCHOR_END: tests
