use std::sync::Mutex;
use std::thread;

fn main() {
    // ANCHOR: here
    let total = Mutex::new(0); // one owner: main. No Arc anywhere.
    thread::scope(|s| {
        for i in 1..=4 {
            let total = &total; // each thread gets a shared reference: Mutex<i32> is Sync
            s.spawn(move || *total.lock().unwrap() += i);
        }
    }); // every scoped thread is joined here, so the borrows end here
    println!("total = {}", total.into_inner().unwrap());
    // ANCHOR_END: here
}
