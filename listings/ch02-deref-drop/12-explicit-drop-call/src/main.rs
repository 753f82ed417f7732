struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    let mut report = Noisy("report");
    report.drop(); // would free once here...
    println!("report is still in scope: {}", report.0);
} // ...and the compiler's own drop would run again here
