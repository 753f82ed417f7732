// ANCHOR: noisy
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}
// ANCHOR_END: noisy

fn main() {
    // ANCHOR: main
    let _first = Noisy("first");
    let _second = Noisy("second");
    let name = Noisy("name #1");
    println!("using {}", name.0);
    let name = Noisy("name #2"); // shadows `name #1`, which stays alive to the end
    let _ = Noisy("bound to _"); // `_` does not bind: dropped at once
    let _kept = Noisy("bound to _kept"); // a real binding, lives to the end
    // A temporary lives until the end of its statement, the `;`:
    println!("len of a temporary: {}", Noisy("temporary").0.len());
    println!("end of main, using {}", name.0);
    // ANCHOR_END: main
}
