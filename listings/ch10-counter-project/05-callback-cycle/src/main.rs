use std::sync::Arc;

use counter::Counter;

fn main() {
    // ANCHOR: here
    let counter = Arc::new(Counter::new());
    let for_callback = Arc::clone(&counter);
    counter.on_threshold(3, move |n| {
        // The callback owns an Arc of the counter, and the counter owns the callback.
        println!("at {n} the counter reads {}", for_callback.get());
    });
    for _ in 0..3 {
        counter.increment();
    }
    println!(
        "strong count before main's drop: {}",
        Arc::strong_count(&counter)
    );
    let watcher = Arc::downgrade(&counter); // a Weak, to look without keeping it alive
    drop(counter); // 2 -> 1: the callback's own Arc keeps the counter alive, forever
    println!("strong count after main's drop: {}", watcher.strong_count());
    // ANCHOR_END: here
}
