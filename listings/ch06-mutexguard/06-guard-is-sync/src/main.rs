use std::sync::Mutex;
use std::thread;

fn main() {
    // ANCHOR: here
    let jobs = Mutex::new(vec!["build", "test", "deploy"]);

    let guard = jobs.lock().unwrap(); // locked on the main thread
    let lengths: Vec<usize> = thread::scope(|s| {
        // Each worker gets a `&MutexGuard`: allowed, because the guard is `Sync`.
        let handles: Vec<_> = (0..guard.len())
            .map(|i| {
                let guard = &guard;
                s.spawn(move || guard[i].len())
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    drop(guard); // ...and unlocked on the main thread, which still owns the guard

    println!("job name lengths: {lengths:?}");
    // ANCHOR_END: here
}
