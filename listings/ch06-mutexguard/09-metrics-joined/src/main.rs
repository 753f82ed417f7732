use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::thread;

// ANCHOR: here
type Metrics = HashMap<Cow<'static, str>, usize>;

fn main() {
    let metrics: Arc<Mutex<Metrics>> = Arc::new(Mutex::new(HashMap::new()));

    let handles: Vec<_> = (0..32)
        .map(|i| {
            let metrics = Arc::clone(&metrics);
            thread::spawn(move || {
                let mut map = metrics.lock().unwrap();
                // A literal key is a borrowed `&'static str`: no allocation...
                *map.entry(Cow::Borrowed("hello")).or_insert(0) += 1;
                // ...a key built at run time is an owned String.
                let parity = if i % 2 == 0 { "even" } else { "odd" };
                *map.entry(Cow::Owned(format!("thread-{parity}")))
                    .or_insert(0) += 1;
            }) // the guard `map` is dropped here, unlocking the mutex
        })
        .collect();

    // Wait for every worker: after `join`, its increments are visible here.
    for handle in handles {
        handle.join().unwrap();
    }

    let map = metrics.lock().unwrap();
    let mut entries: Vec<_> = map.iter().collect();
    entries.sort(); // HashMap order is random: sort for a stable report
    println!("metrics: {entries:?}");
}
// ANCHOR_END: here
