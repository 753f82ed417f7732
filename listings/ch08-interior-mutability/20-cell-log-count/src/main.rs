use std::cell::Cell;

/// A trait from a library: its method takes `&self`.
trait Log {
    fn log(&self, message: &str);
}

// ANCHOR: here
struct CountingLog {
    count: Cell<u32>, // (1) the field that changes
}

impl Log for CountingLog {
    fn log(&self, message: &str) {
        let n = self.count.get() + 1; // (2) copy the number out
        self.count.set(n); // (3) put the new number in
        println!("#{n}: {message}");
    }
}
// ANCHOR_END: here

fn run_job(log: &impl Log) {
    log.log("job started");
    log.log("job done");
}

fn main() {
    let log = CountingLog { count: Cell::new(0) };
    run_job(&log);
    run_job(&log);
}
