use std::sync::Mutex;
use std::thread;

fn main() {
    let hits = Mutex::new(0);

    let worker = thread::spawn(|| {
        *hits.lock().unwrap() += 1; // borrows `hits` from `main`
    });
    worker.join().unwrap();

    println!("hits: {}", *hits.lock().unwrap());
}
