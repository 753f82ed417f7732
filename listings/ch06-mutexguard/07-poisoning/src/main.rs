use std::sync::Mutex;
use std::thread;

fn main() {
    // ANCHOR: panic
    // Invariant: the two halves of a transfer always add up to 100.
    let ledger = Mutex::new((60, 40));

    thread::scope(|s| {
        let result = s
            .spawn(|| {
                let mut books = ledger.lock().unwrap();
                books.0 -= 25; // first half of a transfer...
                panic!("crashed in the middle of a transfer"); // ...and never the second
            })
            .join();
        println!("worker finished with a panic: {}", result.is_err());
    });
    // ANCHOR_END: panic

    // ANCHOR: recover
    // The guard was dropped during unwinding: the mutex is unlocked, but poisoned.
    println!("poisoned: {}", ledger.is_poisoned());
    match ledger.lock() {
        Ok(_) => println!("lock() succeeded"),
        Err(poisoned) => {
            // The error still carries the guard: the data is reachable, and may be broken.
            let mut books = poisoned.into_inner();
            println!(
                "lock() returned PoisonError; data is {:?}, sum {}",
                *books,
                books.0 + books.1
            );
            // Repair the invariant, then say so.
            books.1 += 25;
            ledger.clear_poison();
            println!("repaired to {:?}", *books);
        }
    }
    println!(
        "poisoned: {}; lock() is ok: {}",
        ledger.is_poisoned(),
        ledger.lock().is_ok()
    );
    // ANCHOR_END: recover
}
