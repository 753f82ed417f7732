use std::sync::LazyLock;

use counter::Counter;

// ANCHOR: main
static COUNTER: LazyLock<Counter> = LazyLock::new(Counter::new);

fn main() {
    COUNTER.on_threshold(1, |n| {
        println!("callback at {n}: registering a follow-up for 2");
        COUNTER.on_threshold(2, |n| println!("follow-up at {n}"));
        println!("registered");
    });
    COUNTER.increment();
    COUNTER.increment();
}
// ANCHOR_END: main
