use std::sync::Mutex;

fn main() {
    // ANCHOR: here
    let log = Mutex::new(vec![String::from("started")]);

    // Copy out what we need; the guard is dropped at the end of this statement.
    let last = log.lock().unwrap().last().cloned();
    match last {
        Some(last) => {
            println!("last entry: {last}; appending another");
            log.lock().unwrap().push(String::from("checked")); // the only lock held now
        }
        None => println!("empty log"),
    }
    println!("log: {:?}", log.lock().unwrap());
    // ANCHOR_END: here
}
