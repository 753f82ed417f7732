use std::thread;

// ANCHOR: here
struct Counter {
    count: usize,
}

impl Counter {
    fn increment(&mut self) -> usize {
        self.count += 1;
        self.count
    }
}

fn main() {
    let mut counter = Counter { count: 0 };
    thread::scope(|s| {
        for _ in 0..4 {
            s.spawn(|| counter.increment()); // each thread wants `&mut counter`
        }
    });
    println!("count = {}", counter.count);
}
// ANCHOR_END: here
