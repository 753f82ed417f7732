use std::sync::{Barrier, Mutex};
use std::thread;

fn main() {
    // ANCHOR: here
    let scores = Mutex::new(vec![1, 2, 3]);
    let all_reading = Barrier::new(3);

    thread::scope(|s| {
        for _ in 0..3 {
            let (scores, all_reading) = (&scores, &all_reading);
            s.spawn(move || {
                let guard = scores.lock().unwrap(); // only one reader gets in
                println!("a reader is inside");
                all_reading.wait(); // waits for two readers that cannot come
                let sum: i32 = guard.iter().sum();
                println!("a reader computed {sum}");
            });
        }
    });
    println!("never printed");
    // ANCHOR_END: here
}
