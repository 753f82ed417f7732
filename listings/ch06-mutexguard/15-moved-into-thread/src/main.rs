use std::sync::Mutex;
use std::thread;

fn main() {
    let hits = Mutex::new(0);

    let worker = thread::spawn(move || {
        *hits.lock().unwrap() += 1; // `hits` now belongs to the thread
    });
    worker.join().unwrap();

    println!("hits: {}", *hits.lock().unwrap());
}
