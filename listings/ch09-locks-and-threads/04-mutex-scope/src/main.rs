use std::sync::Mutex;
use std::thread;

fn main() {
    // ANCHOR: here
    let counter = Mutex::new(0); // no Arc: a plain local variable
    thread::scope(|s| {
        for _ in 0..10 {
            // Scoped threads may borrow `counter`: the scope joins them all
            // before it returns, so the borrow cannot outlive the Mutex.
            s.spawn(|| {
                for _ in 0..100 {
                    *counter.lock().unwrap() += 1;
                }
            });
        }
    }); // every thread has been joined here
    println!("final count: {}", counter.into_inner().unwrap());
    // ANCHOR_END: here
}
