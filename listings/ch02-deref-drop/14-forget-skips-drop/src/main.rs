use std::mem;

struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    // ANCHOR: here
    let _kept = Noisy("kept");
    let forgotten = Noisy("forgotten");
    mem::forget(forgotten); // safe code: its Drop will never run
    println!("end of main");
    // ANCHOR_END: here
}
