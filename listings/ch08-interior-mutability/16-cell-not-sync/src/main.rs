use std::cell::Cell;
use std::thread;

fn main() {
    let hits = Cell::new(0);
    thread::scope(|s| {
        s.spawn(|| hits.set(hits.get() + 1)); // two threads would share &Cell...
        s.spawn(|| hits.set(hits.get() + 1)); // ...and race on the unsynchronised value
    });
    println!("{}", hits.get());
}
