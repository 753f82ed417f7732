use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    // ANCHOR: here
    let counter = Arc::new(Mutex::new(0));
    let mut handles = Vec::new();

    for _ in 0..10 {
        // Each thread owns its own Arc: a second pointer to the same Mutex.
        let counter = Arc::clone(&counter);
        handles.push(thread::spawn(move || {
            for _ in 0..100 {
                let mut count = counter.lock().unwrap(); // blocks while another thread holds it
                *count += 1;
            } // `count`, the MutexGuard, is dropped here: the mutex is unlocked
        }));
    }

    for handle in handles {
        handle.join().unwrap();
    }
    println!("final count: {}", *counter.lock().unwrap());
    println!("Arc owners left: {}", Arc::strong_count(&counter));
    // ANCHOR_END: here
}
