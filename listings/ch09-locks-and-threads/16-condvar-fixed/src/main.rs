use std::sync::{Condvar, Mutex};
use std::thread;

fn main() {
    // ANCHOR: here
    let started = Mutex::new(false);
    let cvar = Condvar::new();

    thread::scope(|s| {
        let worker = s.spawn(|| {
            let mut go = started.lock().unwrap();
            while !*go {
                go = cvar.wait(go).unwrap(); // unlocks, sleeps, relocks before returning
            }
            "worker: started"
        });

        {
            let mut go = started.lock().unwrap();
            *go = true;
            cvar.notify_one();
        } // the guard is dropped here, before join: the worker can relock the mutex

        println!("{}", worker.join().unwrap());
    });
    println!("main: done");
    // ANCHOR_END: here
}
