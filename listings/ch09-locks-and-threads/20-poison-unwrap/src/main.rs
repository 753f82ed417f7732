use std::sync::Mutex;
use std::thread;

fn main() {
    // ANCHOR: here
    let balance = Mutex::new(100);
    thread::scope(|s| {
        let result = s
            .spawn(|| {
                let mut guard = balance.lock().unwrap();
                *guard -= 30; // half of a two-step update...
                panic!("crashed in the middle of an update");
            })
            .join();
        println!("the thread panicked: {}", result.is_err());
    });

    let guard = balance.lock().unwrap(); // panics: the mutex is poisoned
    println!("never printed: {}", *guard);
    // ANCHOR_END: here
}
