use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;

fn main() {
    // ANCHOR: here
    let ready = AtomicBool::new(false);
    thread::scope(|s| {
        let worker = s.spawn(|| {
            // park() may return without an unpark(): always re-check a condition.
            while !ready.load(Ordering::Acquire) {
                thread::park();
            }
            "worker: saw the flag"
        });
        ready.store(true, Ordering::Release); // first publish the condition...
        worker.thread().unpark(); // ...then wake the thread up
        println!("{}", worker.join().unwrap());
    });

    // An unpark() that comes first is not lost: it leaves a token behind,
    // and the next park() consumes it and returns at once.
    thread::current().unpark();
    thread::park();
    println!("park() returned at once: the token was already there");
    // ANCHOR_END: here
}
