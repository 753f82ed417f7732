use std::sync::{Arc, Weak};

use counter::Counter;

fn main() {
    // ANCHOR: here
    let counter = Arc::new(Counter::new());
    let for_callback: Weak<Counter> = Arc::downgrade(&counter);
    counter.on_threshold(3, move |n| {
        // upgrade() gives a strong Arc only while someone else still owns the counter.
        if let Some(counter) = for_callback.upgrade() {
            println!("at {n} the counter reads {}", counter.get());
        }
    });
    for _ in 0..3 {
        counter.increment();
    }
    println!(
        "strong = {}, weak = {}",
        Arc::strong_count(&counter),
        Arc::weak_count(&counter)
    );
    drop(counter); // 1 -> 0: the counter and its callbacks are freed
    // ANCHOR_END: here
}
