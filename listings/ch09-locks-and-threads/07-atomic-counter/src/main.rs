use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;

fn main() {
    // ANCHOR: here
    let hits = AtomicU32::new(0);
    thread::scope(|s| {
        for _ in 0..10 {
            s.spawn(|| {
                for _ in 0..100 {
                    // One indivisible read-modify-write instruction: no lock, no guard.
                    hits.fetch_add(1, Ordering::Relaxed);
                }
            });
        }
    });
    // The scope joined the threads, and joining makes all their writes visible here.
    println!("hits = {}", hits.load(Ordering::Relaxed));
    // ANCHOR_END: here
}
