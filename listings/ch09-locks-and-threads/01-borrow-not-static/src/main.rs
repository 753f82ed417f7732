use std::sync::atomic::{AtomicU32, Ordering};
use std::thread;

fn main() {
    let hits = AtomicU32::new(0);
    let mut handles = Vec::new();
    for _ in 0..10 {
        let hits_ref = &hits; // a borrow of a local variable of main...
        handles.push(thread::spawn(move || {
            // ...moved into a thread that may outlive main
            for _ in 0..100 {
                hits_ref.fetch_add(1, Ordering::Relaxed);
            }
        }));
    }
    for handle in handles {
        handle.join().unwrap();
    }
    println!("hits = {}", hits.load(Ordering::Relaxed));
}
