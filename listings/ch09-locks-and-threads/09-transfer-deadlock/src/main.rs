use std::sync::{Barrier, Mutex};
use std::thread;

struct Account {
    name: &'static str,
    balance: Mutex<i64>,
}

// ANCHOR: transfer
fn transfer(
    from: &Account,
    to: &Account,
    amount: i64,
    both_locked_one: &Barrier,
) {
    let mut source = from.balance.lock().unwrap();
    println!(
        "{} -> {}: holds {}, wants {}",
        from.name, to.name, from.name, to.name
    );
    both_locked_one.wait(); // demo only: wait until the other thread holds its first lock
    let mut target = to.balance.lock().unwrap(); // never returns
    *source -= amount;
    *target += amount;
}
// ANCHOR_END: transfer

fn main() {
    // ANCHOR: main
    let alice = Account { name: "alice", balance: Mutex::new(100) };
    let bob = Account { name: "bob", balance: Mutex::new(100) };
    let barrier = Barrier::new(2);
    thread::scope(|s| {
        s.spawn(|| transfer(&alice, &bob, 10, &barrier));
        s.spawn(|| transfer(&bob, &alice, 20, &barrier));
    });
    println!("never printed");
    // ANCHOR_END: main
}
