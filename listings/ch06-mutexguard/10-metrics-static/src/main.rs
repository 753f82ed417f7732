use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::thread;

// ANCHOR: here
// A static lives for the whole program, so no Arc is needed to share it.
// `HashMap::new` is not a `const fn`: LazyLock builds the map on first use.
static METRICS: LazyLock<Mutex<HashMap<Cow<'static, str>, usize>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

fn count(name: impl Into<Cow<'static, str>>) {
    *METRICS.lock().unwrap().entry(name.into()).or_insert(0) += 1;
}

fn main() {
    // Scoped threads are joined when the scope ends.
    thread::scope(|s| {
        for i in 0..32 {
            s.spawn(move || {
                count("hello"); //                          &'static str -> Cow::Borrowed
                count(format!("worker-{}", i % 4)); //      String       -> Cow::Owned
            });
        }
    });

    let map = METRICS.lock().unwrap();
    let mut entries: Vec<_> = map.iter().collect();
    entries.sort();
    println!("metrics: {entries:?}");
}
// ANCHOR_END: here
