use std::thread;

#[derive(Debug)]
struct Config {
    name: String,
    workers: usize,
}

fn main() {
    // ANCHOR: leak
    // Built once at start-up from run-time data...
    let config = Box::new(Config { name: format!("server-{}", 7), workers: 2 });
    // ...and never freed: in exchange we get a reference that lives forever.
    let config: &'static Config = Box::leak(config);

    // `thread::spawn` needs 'static data; a `&'static Config` is Copy and qualifies.
    let handles: Vec<_> = (0..config.workers)
        .map(|i| {
            thread::spawn(move || format!("worker {i} of {}", config.name))
        })
        .collect();
    for handle in handles {
        println!("{}", handle.join().unwrap());
    }
    println!("{config:?}");
    // ANCHOR_END: leak
}
