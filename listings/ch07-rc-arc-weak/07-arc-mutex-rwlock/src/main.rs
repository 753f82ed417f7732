use std::sync::{Arc, Mutex, RwLock};
use std::thread;

fn main() {
    // ANCHOR: mutex
    let log = Arc::new(Mutex::new(Vec::new()));
    let handles: Vec<_> = (0..3)
        .map(|id| {
            let log = Arc::clone(&log);
            thread::spawn(move || log.lock().unwrap().push(id * 10))
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
    let mut entries = log.lock().unwrap().clone();
    entries.sort(); // the threads pushed in whatever order they ran
    println!("mutex: {entries:?}");
    // ANCHOR_END: mutex

    // ANCHOR: rwlock
    let settings = Arc::new(RwLock::new(String::from("dark mode")));
    let readers: Vec<_> = (0..2)
        .map(|_| {
            let settings = Arc::clone(&settings);
            thread::spawn(move || settings.read().unwrap().len()) // many readers at once
        })
        .collect();
    let lengths: Vec<usize> =
        readers.into_iter().map(|h| h.join().unwrap()).collect();
    settings.write().unwrap().push_str(", large font"); // one writer, no readers
    println!(
        "rwlock: readers saw {lengths:?}, now {:?}",
        settings.read().unwrap()
    );
    // ANCHOR_END: rwlock
}
