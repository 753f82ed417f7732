use std::panic;
use std::sync::Mutex;

// ANCHOR: withdraw
#[derive(Debug)]
struct Insufficient;

/// Takes `amount` from the balance. Every way out of this function drops `balance`.
fn withdraw(account: &Mutex<u32>, amount: u32) -> Result<u32, Insufficient> {
    let mut balance = account.lock().unwrap();
    if amount == 0 {
        return Ok(*balance); // early return
    }
    let left = balance.checked_sub(amount).ok_or(Insufficient)?; // `?` returns the error
    if left == 13 {
        panic!("unlucky balance"); // a panic unwinds through here
    }
    *balance = left;
    Ok(left) // the normal way out
}
// ANCHOR_END: withdraw

fn main() {
    // ANCHOR: main
    // Keep the default panic message out of the way: we report the panic ourselves.
    panic::set_hook(Box::new(|_| {}));
    let account = Mutex::new(100);

    for amount in [0, 500, 30, 57] {
        let outcome = panic::catch_unwind(|| withdraw(&account, amount));
        let outcome = match outcome {
            Ok(Ok(left)) => format!("Ok({left})"),
            Ok(Err(e)) => format!("Err({e:?})"),
            Err(_) => "panicked".to_string(),
        };
        // If the guard had survived, `try_lock` would fail with WouldBlock.
        let unlocked = match account.try_lock() {
            Ok(_) => "unlocked",
            Err(std::sync::TryLockError::Poisoned(_)) => {
                "unlocked (and poisoned)"
            }
            Err(std::sync::TryLockError::WouldBlock) => "STILL LOCKED",
        };
        println!("withdraw {amount:>3}: {outcome:<9} -> mutex {unlocked}");
    }
    // ANCHOR_END: main
}
