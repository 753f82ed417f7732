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

    // The guard was dropped during the unwind: the mutex is unlocked, but poisoned.
    println!("poisoned: {}", balance.is_poisoned());
    match balance.lock() {
        Ok(_) => println!("lock() succeeded"),
        Err(poisoned) => {
            let guard = poisoned.into_inner(); // the data is still there, take it anyway
            println!("lock() returned Err; the value inside is {}", *guard);
        }
    }
    balance.clear_poison();
    println!("after clear_poison: poisoned = {}", balance.is_poisoned());
    // ANCHOR_END: here
}
