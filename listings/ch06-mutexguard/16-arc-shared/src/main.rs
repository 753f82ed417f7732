use std::sync::{Arc, Mutex};
use std::thread;

fn main() {
    // ANCHOR: here
    let hits = Arc::new(Mutex::new(0)); // (1) one Mutex on the heap

    let mut workers = Vec::new();
    for _ in 0..4 {
        let hits = Arc::clone(&hits); // (2) a second pointer to the same Mutex
        workers.push(thread::spawn(move || {
            *hits.lock().unwrap() += 1; // (3) the thread owns its clone
        }));
    }

    for worker in workers {
        worker.join().unwrap(); // (4) wait until this thread has finished
    }

    println!("hits: {}", *hits.lock().unwrap()); // (5) main still has its Arc
    // ANCHOR_END: here
}
