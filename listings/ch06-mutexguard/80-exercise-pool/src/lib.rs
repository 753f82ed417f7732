//! Exercise 6.1: a pool of reusable resources, lent out as guards.

// Delete this line when you start: it silences the warnings about unused
// parameters and imports in the unfinished code.
#![allow(unused)]

use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};
use std::sync::{Mutex, PoisonError};

/// A fixed set of resources that threads borrow one at a time.
pub struct Pool<R> {
    idle: Mutex<Vec<R>>, // the resources nobody has borrowed
}

/// A borrowed resource. Dropping the lease gives the resource back.
pub struct Lease<'pool, R> {
    // Replace this field with the ones your lease needs.
    todo: PhantomData<&'pool Pool<R>>,
}

impl<R> Pool<R> {
    pub fn new(resources: Vec<R>) -> Self {
        Pool { idle: Mutex::new(resources) }
    }

    /// Lends out an idle resource, or returns `None` at once if all of them
    /// are lent out.
    pub fn try_get(&self) -> Option<Lease<'_, R>> {
        todo!()
    }

    /// How many resources are idle now.
    pub fn idle(&self) -> usize {
        todo!()
    }
}

impl<R> Lease<'_, R> {
    /// Keeps the resource for good: it never goes back to the pool.
    pub fn detach(self) -> R {
        todo!()
    }
}

impl<R> Deref for Lease<'_, R> {
    type Target = R;

    fn deref(&self) -> &R {
        todo!()
    }
}

impl<R> DerefMut for Lease<'_, R> {
    fn deref_mut(&mut self) -> &mut R {
        todo!()
    }
}

impl<R> Drop for Lease<'_, R> {
    fn drop(&mut self) {
        todo!()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::panic::{self, AssertUnwindSafe};
    use std::thread;

    fn pool_of(n: usize) -> Pool<String> {
        Pool::new(vec![String::new(); n])
    }

    #[test]
    fn a_lease_derefs_to_its_resource() {
        let pool = pool_of(2);
        let mut buffer = pool.try_get().expect("two are idle");
        buffer.push_str("hello"); // DerefMut
        assert_eq!(buffer.len(), 5); // Deref
        assert_eq!(pool.idle(), 1);
    }

    #[test]
    fn try_get_gives_none_while_all_are_lent_out() {
        let pool = pool_of(2);
        let a = pool.try_get().expect("two are idle");
        let _b = pool.try_get().expect("one is idle");
        assert!(pool.try_get().is_none());
        drop(a);
        assert_eq!(pool.idle(), 1);
        assert!(pool.try_get().is_some(), "`a` gave its resource back");
    }

    #[test]
    fn the_same_resource_comes_back() {
        let pool = pool_of(1);
        pool.try_get().expect("one is idle").push_str("used once");
        let again = pool.try_get().expect("it came back");
        assert_eq!(*again, "used once", "resources are reused, not remade");
    }

    #[test]
    fn a_panic_gives_the_resource_back() {
        let pool = pool_of(1);
        let result = panic::catch_unwind(AssertUnwindSafe(|| {
            let _lease = pool.try_get().expect("one is idle");
            panic!("the work failed");
        }));
        assert!(result.is_err());
        assert_eq!(pool.idle(), 1, "unwinding dropped the lease");
    }

    #[test]
    fn a_detached_resource_never_comes_back() {
        let pool = pool_of(2);
        let mut lease = pool.try_get().expect("two are idle");
        lease.push_str("mine");
        let kept: String = lease.detach();
        assert_eq!(kept, "mine");
        assert_eq!(pool.idle(), 1, "the pool has one resource left");
        let _last = pool.try_get().expect("one is idle");
        assert!(pool.try_get().is_none());
    }

    #[test]
    fn threads_share_three_resources() {
        let pool = Pool::new(vec![0_u32; 3]);
        assert_eq!(pool.idle(), 3);
        thread::scope(|s| {
            for _ in 0..6 {
                s.spawn(|| {
                    for _ in 0..100 {
                        loop {
                            if let Some(mut count) = pool.try_get() {
                                *count += 1;
                                break;
                            }
                            thread::yield_now(); // all three are lent out
                        }
                    }
                });
            }
        });
        assert_eq!(pool.idle(), 3, "every lease was given back");
        let leases = [(); 3].map(|_| pool.try_get().expect("three are idle"));
        assert_eq!(leases.iter().map(|count| **count).sum::<u32>(), 600);
    }
}
