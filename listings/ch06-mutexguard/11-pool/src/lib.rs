//! A tiny resource pool in the spirit of r2d2: `get` checks a resource out, and the
//! handle it returns is a smart pointer that puts the resource back when it is dropped.

use std::ops::{Deref, DerefMut};
use std::sync::{Condvar, Mutex, PoisonError};

// ANCHOR: pool
pub struct Pool<R> {
    idle: Mutex<Vec<R>>,
    returned: Condvar,
}

/// A checked-out resource. Derefs to `R`; dropping it returns `R` to the pool.
pub struct Pooled<'pool, R> {
    resource: Option<R>, // `Some` until `drop` takes it out
    pool: &'pool Pool<R>,
}

impl<R> Pool<R> {
    pub fn new(resources: Vec<R>) -> Self {
        Pool { idle: Mutex::new(resources), returned: Condvar::new() }
    }

    /// Waits until a resource is idle, then checks it out.
    pub fn get(&self) -> Pooled<'_, R> {
        // A panic elsewhere cannot leave a Vec of idle resources half-updated: ignore poison.
        let mut idle = self.idle.lock().unwrap_or_else(PoisonError::into_inner);
        loop {
            if let Some(resource) = idle.pop() {
                return Pooled { resource: Some(resource), pool: self };
            }
            idle = self
                .returned
                .wait(idle)
                .unwrap_or_else(PoisonError::into_inner);
        }
    }

    pub fn idle(&self) -> usize {
        self.idle.lock().unwrap_or_else(PoisonError::into_inner).len()
    }
}
// ANCHOR_END: pool

// ANCHOR: pooled
impl<R> Deref for Pooled<'_, R> {
    type Target = R;
    fn deref(&self) -> &R {
        self.resource.as_ref().expect("only `drop` takes the resource")
    }
}

impl<R> DerefMut for Pooled<'_, R> {
    fn deref_mut(&mut self) -> &mut R {
        self.resource.as_mut().expect("only `drop` takes the resource")
    }
}

impl<R> Drop for Pooled<'_, R> {
    fn drop(&mut self) {
        if let Some(resource) = self.resource.take() {
            let mut idle =
                self.pool.idle.lock().unwrap_or_else(PoisonError::into_inner);
            idle.push(resource);
            self.pool.returned.notify_one();
        }
    }
}
// ANCHOR_END: pooled

#[cfg(test)]
mod tests {
    use super::*;
    use std::panic;
    use std::thread;

    #[derive(Debug)]
    struct Connection {
        id: u32,
        queries: u32,
    }

    fn pool_of(n: u32) -> Pool<Connection> {
        Pool::new((1..=n).map(|id| Connection { id, queries: 0 }).collect())
    }

    // ANCHOR: tests
    #[test]
    fn dropping_the_handle_returns_the_resource() {
        let pool = pool_of(2);
        let mut conn = pool.get();
        conn.queries += 1; // DerefMut reaches the Connection
        assert_eq!(pool.idle(), 1);
        drop(conn);
        assert_eq!(pool.idle(), 2);
    }

    #[test]
    fn early_return_returns_the_resource() {
        fn first_query(pool: &Pool<Connection>, skip: bool) -> Option<u32> {
            let conn = pool.get();
            if skip {
                return None; // `conn` is dropped on this path too
            }
            Some(conn.id)
        }
        let pool = pool_of(1);
        assert_eq!(first_query(&pool, true), None);
        assert_eq!(pool.idle(), 1);
        assert_eq!(first_query(&pool, false), Some(1));
        assert_eq!(pool.idle(), 1);
    }

    #[test]
    fn panic_returns_the_resource() {
        let pool = pool_of(1);
        let result = panic::catch_unwind(|| {
            let _conn = pool.get();
            panic!("query failed");
        });
        assert!(result.is_err());
        assert_eq!(pool.idle(), 1, "unwinding dropped the handle");
        assert_eq!(
            pool.get().id,
            1,
            "and the resource can be checked out again"
        );
    }

    #[test]
    fn threads_wait_for_a_returned_resource() {
        let pool = pool_of(2);
        thread::scope(|s| {
            for _ in 0..8 {
                s.spawn(|| {
                    for _ in 0..100 {
                        pool.get().queries += 1; // a temporary handle: returned at the `;`
                    }
                });
            }
        });
        let mut conns = vec![pool.get(), pool.get()];
        conns.sort_by_key(|c| c.id);
        assert_eq!(conns[0].queries + conns[1].queries, 800);
    }
    // ANCHOR_END: tests
}
