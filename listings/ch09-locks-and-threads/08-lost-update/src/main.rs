use std::sync::Barrier;
use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;

fn main() {
    // ANCHOR: here
    let visits = AtomicU32::new(0);
    let both_have_read = Barrier::new(2);
    thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                let seen = visits.load(Ordering::Relaxed); // step 1: read
                both_have_read.wait(); // (forces the unlucky interleaving every time)
                visits.store(seen + 1, Ordering::Relaxed); // step 2: write
            });
        }
    });
    println!("load + store from 2 threads: {}", visits.load(Ordering::Relaxed));

    let visits = AtomicU32::new(0);
    let both_ready = Barrier::new(2);
    thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                both_ready.wait();
                visits.fetch_add(1, Ordering::Relaxed); // read and write in one step
            });
        }
    });
    println!("fetch_add from 2 threads:    {}", visits.load(Ordering::Relaxed));
    // ANCHOR_END: here
}
