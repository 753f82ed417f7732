use std::sync::Mutex;
use std::thread;

fn main() {
    // ANCHOR: here
    let hits = Mutex::new(0); // no Arc: the threads only borrow it

    thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| {
                *hits.lock().unwrap() += 1;
            });
        }
    }); // every thread spawned on `s` has finished here

    println!("hits: {}", *hits.lock().unwrap());
    // ANCHOR_END: here
}
