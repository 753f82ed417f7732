use std::sync::{Arc, Condvar, Mutex};
use std::thread;

fn main() {
    let pair = Arc::new((Mutex::new(false), Condvar::new()));
    let pair_for_worker = Arc::clone(&pair);

    let worker = thread::spawn(move || {
        let (lock, cvar) = &*pair_for_worker;
        let mut started = lock.lock().unwrap();
        while !*started {
            started = cvar.wait(started).unwrap();
        }
        println!("worker: started");
    });

    let (lock, cvar) = &*pair;
    let mut started = lock.lock().unwrap();
    *started = true;
    cvar.notify_one();
    println!("main: signalled the worker, now waiting for it to finish");

    worker.join().unwrap();
    println!("main: done");
}
