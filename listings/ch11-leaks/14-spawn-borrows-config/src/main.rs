use std::thread;

struct Config {
    name: String,
    workers: usize,
}

fn main() {
    // ANCHOR: here
    let owned = Config { name: format!("server-{}", 7), workers: 2 };
    let config = &owned; // a plain borrow of a local
    let handles: Vec<_> = (0..config.workers)
        .map(|i| {
            thread::spawn(move || format!("worker {i} of {}", config.name))
        })
        .collect();
    for handle in handles {
        println!("{}", handle.join().unwrap());
    }
    // ANCHOR_END: here
}
