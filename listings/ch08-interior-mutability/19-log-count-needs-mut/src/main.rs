/// A trait from a library: its method takes `&self`.
trait Log {
    fn log(&self, message: &str);
}

struct CountingLog {
    count: u32,
}

impl Log for CountingLog {
    fn log(&self, message: &str) {
        self.count += 1; // (1) a change through `&self`
        println!("#{}: {message}", self.count);
    }
}

fn run_job(log: &impl Log) {
    log.log("job started");
    log.log("job done");
}

fn main() {
    let log = CountingLog { count: 0 };
    run_job(&log);
    run_job(&log);
}
