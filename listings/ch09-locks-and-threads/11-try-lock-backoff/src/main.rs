use std::sync::{Barrier, Mutex, TryLockError};
use std::thread;
use std::time::Duration;

struct Account {
    name: &'static str,
    balance: Mutex<i64>,
}

// ANCHOR: transfer
/// Returns how many attempts the transfer took.
fn transfer(
    from: &Account,
    to: &Account,
    amount: i64,
    both_locked_one: &Barrier,
) -> u32 {
    let mut attempts = 0;
    loop {
        attempts += 1;
        let mut source = from.balance.lock().unwrap();
        if attempts == 1 {
            both_locked_one.wait(); // demo only: make the first attempts collide
        }
        match to.balance.try_lock() {
            Ok(mut target) => {
                *source -= amount;
                *target += amount;
                return attempts;
            }
            Err(TryLockError::WouldBlock) => {
                drop(source); // give up what we hold, so the other thread can finish
                // Back off for a while that differs per thread and grows with each
                // attempt, so the two threads do not retry in lockstep forever.
                let pause = from.name.len() as u64 * u64::from(attempts);
                thread::sleep(Duration::from_micros(pause * 100));
            }
            Err(TryLockError::Poisoned(e)) => panic!("{e}"),
        }
    }
}
// ANCHOR_END: transfer

fn main() {
    // ANCHOR: main
    let alice = Account { name: "alice", balance: Mutex::new(100) };
    let bob = Account { name: "bob", balance: Mutex::new(100) };
    let barrier = Barrier::new(2);
    let attempts = thread::scope(|s| {
        let one = s.spawn(|| transfer(&alice, &bob, 10, &barrier));
        let two = s.spawn(|| transfer(&bob, &alice, 20, &barrier));
        [one.join().unwrap(), two.join().unwrap()]
    });
    println!(
        "at least one thread had to back off: {}",
        attempts.iter().any(|&n| n > 1)
    );
    let (a, b) = (*alice.balance.lock().unwrap(), *bob.balance.lock().unwrap());
    println!("alice = {a}, bob = {b}, total = {}", a + b);
    // ANCHOR_END: main
}
