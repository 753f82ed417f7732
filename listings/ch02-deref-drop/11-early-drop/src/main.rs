use std::sync::Mutex;

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    // ANCHOR: noisy
    let report = Noisy("report");
    println!("report written");
    drop(report); // `report` moves into std::mem::drop, which drops it
    println!("after drop(report), before the end of main");
    // ANCHOR_END: noisy

    // ANCHOR: guard
    let balance = Mutex::new(100);
    let mut guard = balance.lock().unwrap();
    *guard -= 30;
    drop(guard); // unlock now, not at the end of the scope

    // Had `guard` still been alive, this second lock on the same thread would
    // never return: std says it may deadlock or panic (on Linux it deadlocks).
    let again = balance.lock().unwrap();
    println!("balance = {}", *again);
    // ANCHOR_END: guard
}
