struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    // ANCHOR: here
    // Known only at run time: false when the program is started without arguments.
    let hand_over = std::env::args().count() > 1;

    let ticket = Noisy("ticket");
    if hand_over {
        drop(ticket); // moved on this path only
    }
    println!("end of main: was the ticket moved? {hand_over}");
    // ANCHOR_END: here
} // a hidden flag, set when `ticket` moved, decides whether to drop it here
