use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

type Metrics = HashMap<Cow<'static, str>, usize>;

fn main() {
    let metrics: Arc<Mutex<Metrics>> = Arc::new(Mutex::new(HashMap::new()));
    // Stand-in for a busy machine: the workers cannot start until `busy` is released.
    let busy = Arc::new(Mutex::new(()));
    let busy_now = busy.lock().unwrap();

    for _ in 0..32 {
        let metrics = Arc::clone(&metrics);
        let busy = Arc::clone(&busy);
        thread::spawn(move || {
            drop(busy.lock().unwrap()); // wait until the "machine" has time for us
            *metrics.lock().unwrap().entry("hello".into()).or_insert(0) += 1;
        });
    }

    thread::sleep(Duration::from_millis(100)); // "surely they are done by now"
    println!("metrics: {:?}", metrics.lock().unwrap());
    drop(busy_now);
}
