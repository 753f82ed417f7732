use std::sync::Mutex;
use std::thread;

fn main() {
    let hits = Mutex::new(0);
    let mut handles = Vec::new();
    for _ in 0..10 {
        let hits_ref = &hits; // (1) a borrow of a local variable of main...
        handles.push(thread::spawn(move || {
            // (2) ...moved into a thread that may outlive main
            for _ in 0..100 {
                *hits_ref.lock().unwrap() += 1;
            }
        }));
    }
    for handle in handles {
        handle.join().unwrap();
    }
    println!("hits = {}", hits.lock().unwrap());
}
