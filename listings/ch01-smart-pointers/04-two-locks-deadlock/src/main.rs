use std::sync::{Barrier, Mutex};
use std::thread;

fn main() {
    let account_a = Mutex::new(100);
    let account_b = Mutex::new(50);
    // Two barriers make the deadlock certain instead of a matter of timing:
    // `printed` orders the output, `both_hold_one` lets neither thread go on
    // until each holds its first lock.
    let printed = Barrier::new(2);
    let both_hold_one = Barrier::new(2);

    thread::scope(|s| {
        s.spawn(|| {
            let a = account_a.lock().unwrap();
            println!("thread 1 holds A, wants B");
            printed.wait();
            both_hold_one.wait();
            let b = account_b.lock().unwrap(); // waits for thread 2 forever
            println!("thread 1 moves money: {} {}", *a, *b);
        });
        s.spawn(|| {
            printed.wait();
            let b = account_b.lock().unwrap();
            println!("thread 2 holds B, wants A");
            both_hold_one.wait();
            let a = account_a.lock().unwrap(); // waits for thread 1 forever
            println!("thread 2 moves money: {} {}", *a, *b);
        });
    });
}
