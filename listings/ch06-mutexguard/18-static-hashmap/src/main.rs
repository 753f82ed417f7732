use std::collections::HashMap;
use std::sync::Mutex;

// One map for the whole program, reachable from every thread.
static METRICS: Mutex<HashMap<&str, usize>> = Mutex::new(HashMap::new());

fn main() {
    *METRICS.lock().unwrap().entry("hello").or_insert(0) += 1;
    println!("{:?}", METRICS.lock().unwrap());
}
