use std::sync::Mutex;
use std::thread;

fn main() {
    let jobs = Mutex::new(vec!["build", "test"]);

    thread::scope(|s| {
        let guard = jobs.lock().unwrap(); // locked on the main thread...
        s.spawn(move || {
            println!("worker sees {:?}", *guard);
        }); // ...and would be unlocked on the worker, when the closure drops `guard`
    });
}
