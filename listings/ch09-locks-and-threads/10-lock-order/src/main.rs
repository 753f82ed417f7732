use std::sync::{Barrier, Mutex};
use std::thread;

struct Account {
    id: u32, // the global lock order: lower id first
    balance: Mutex<i64>,
}

// ANCHOR: transfer
fn transfer(from: &Account, to: &Account, amount: i64) {
    // Whatever the direction of the transfer, lock the lower id first.
    let (first, second) = if from.id < to.id { (from, to) } else { (to, from) };
    let mut first_balance = first.balance.lock().unwrap();
    let mut second_balance = second.balance.lock().unwrap();
    if first.id == from.id {
        *first_balance -= amount;
        *second_balance += amount;
    } else {
        *second_balance -= amount;
        *first_balance += amount;
    }
}
// ANCHOR_END: transfer

fn main() {
    // ANCHOR: main
    let alice = Account { id: 1, balance: Mutex::new(5000) };
    let bob = Account { id: 2, balance: Mutex::new(5000) };
    let start = Barrier::new(2);
    thread::scope(|s| {
        s.spawn(|| {
            start.wait();
            for _ in 0..1000 {
                transfer(&alice, &bob, 3);
            }
        });
        s.spawn(|| {
            start.wait();
            for _ in 0..1000 {
                transfer(&bob, &alice, 2);
            }
        });
    });
    let (a, b) = (*alice.balance.lock().unwrap(), *bob.balance.lock().unwrap());
    println!("alice = {a}, bob = {b}, total = {}", a + b);
    // ANCHOR_END: main
}
