// Turn the `must_use` warning into an error, so that the book can show its exact text.
#![deny(unused_must_use)]

use std::sync::Mutex;

fn main() {
    let config = Mutex::new("v1");
    config.lock().unwrap();
    let _ = config.lock().unwrap();
}
