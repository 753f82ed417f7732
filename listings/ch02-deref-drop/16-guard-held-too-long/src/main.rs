use std::sync::Mutex;

fn main() {
    let balance = Mutex::new(100);
    let mut guard = balance.lock().unwrap();
    *guard -= 30;
    println!("withdrew 30");

    // `guard` lives to the end of `main`, so the mutex is still locked here.
    // This second lock waits for the first to be released: forever.
    let again = balance.lock().unwrap();
    println!("balance = {}", *again);
}
