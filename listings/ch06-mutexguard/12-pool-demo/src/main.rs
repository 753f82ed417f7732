// The pool of the previous listing, without its tests.
use std::ops::{Deref, DerefMut};
use std::sync::{Condvar, Mutex, PoisonError};

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

struct Connection {
    id: u32,
}

fn main() {
    // ANCHOR: here
    let pool = Pool::new(vec![Connection { id: 1 }, Connection { id: 2 }]);
    println!("idle at start: {}", pool.idle());

    let a = pool.get();
    let b = pool.get();
    println!("checked out {} and {}; idle: {}", a.id, b.id, pool.idle());

    drop(a);
    println!("dropped one handle; idle: {}", pool.idle());

    {
        let c = pool.get();
        println!("checked out {} again; idle: {}", c.id, pool.idle());
    } // `c` goes back here
    drop(b);
    println!("all handles dropped; idle: {}", pool.idle());
    // ANCHOR_END: here
}
