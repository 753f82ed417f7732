use std::sync::{Barrier, Mutex};
use std::thread;

// ANCHOR: helper
/// Locks `a` and `b` in the order of their addresses, whatever order the caller
/// names them in, runs `f` on both values, and unlocks both when `f` returns.
fn with_both<T, R>(
    a: &Mutex<T>,
    b: &Mutex<T>,
    f: impl FnOnce(&mut T, &mut T) -> R,
) -> R {
    assert!(!std::ptr::eq(a, b), "with_both needs two different mutexes");
    let (mut guard_a, mut guard_b);
    if std::ptr::from_ref(a) < std::ptr::from_ref(b) {
        guard_a = a.lock().unwrap();
        guard_b = b.lock().unwrap();
    } else {
        guard_b = b.lock().unwrap();
        guard_a = a.lock().unwrap();
    }
    f(&mut guard_a, &mut guard_b)
} // both guards are dropped here, after `f`
// ANCHOR_END: helper

fn main() {
    // ANCHOR: main
    let alice = Mutex::new(5000_i64);
    let bob = Mutex::new(5000_i64);
    let start = Barrier::new(2);
    thread::scope(|s| {
        s.spawn(|| {
            start.wait();
            for _ in 0..1000 {
                with_both(&alice, &bob, |from, to| {
                    *from -= 3;
                    *to += 3;
                });
            }
        });
        s.spawn(|| {
            start.wait();
            for _ in 0..1000 {
                with_both(&bob, &alice, |from, to| {
                    *from -= 2;
                    *to += 2;
                });
            }
        });
    });
    let (a, b) = (alice.into_inner().unwrap(), bob.into_inner().unwrap());
    println!("alice = {a}, bob = {b}, total = {}", a + b);
    // ANCHOR_END: main
}
