use std::sync::Mutex;

fn main() {
    // ANCHOR: here
    let log = Mutex::new(vec![String::from("started")]);

    // The guard returned by `lock()` is a temporary of the `match` scrutinee:
    // it lives until the end of the whole `match`, not just this line.
    match log.lock().unwrap().last() {
        Some(last) => {
            println!("last entry: {last}; appending another");
            log.lock().unwrap().push(String::from("checked")); // second lock, same thread
        }
        None => println!("empty log"),
    }
    println!("never printed");
    // ANCHOR_END: here
}
