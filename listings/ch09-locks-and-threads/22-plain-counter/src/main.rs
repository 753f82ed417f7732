use std::thread;

fn main() {
    // ANCHOR: here
    let mut hits = 0;
    thread::scope(|s| {
        for _ in 0..10 {
            s.spawn(|| {
                for _ in 0..100 {
                    hits += 1; // every thread wants &mut hits
                }
            });
        }
    });
    println!("hits = {hits}");
    // ANCHOR_END: here
}
