use std::sync::{Arc, Mutex};

fn main() {
    let shared = Arc::new(Mutex::new(Vec::new()));
    let weak = Arc::downgrade(&shared);
    let clone = Arc::clone(&shared);
    clone.lock().unwrap().push(1);
    drop(clone);
    println!("{} {}", Arc::strong_count(&shared), weak.upgrade().is_some());
    drop(shared);
    println!("{}", weak.upgrade().is_some());
}
