use std::sync::Mutex;

fn main() {
    let counter = Mutex::new(0);

    // Written the C way: lock, touch the data, (unlock).
    counter.lock().unwrap();
    *counter += 1;
}
