use std::collections::VecDeque;
use std::sync::{Condvar, Mutex};
use std::thread;

struct Queue {
    items: VecDeque<u32>,
    waiting: usize,
}

struct Shared {
    queue: Mutex<Queue>,
    item_ready: Condvar,
    consumer_waiting: Condvar,
}

// ANCHOR: consumer
fn consume(shared: &Shared) -> u32 {
    let mut q = shared.queue.lock().unwrap();
    q.waiting += 1;
    shared.consumer_waiting.notify_one();
    // Re-checks the condition after every wake-up, expected or not.
    q = shared.item_ready.wait_while(q, |q| q.items.is_empty()).unwrap();
    q.items.pop_front().unwrap() // cannot fail: the queue is not empty
}
// ANCHOR_END: consumer

// ANCHOR: producer
fn produce(shared: &Shared) {
    let q = shared.queue.lock().unwrap();
    let mut q =
        shared.consumer_waiting.wait_while(q, |q| q.waiting < 2).unwrap();
    q.items.push_back(1);
    shared.item_ready.notify_all(); // both wake; the loser goes back to sleep
    drop(q);

    shared.queue.lock().unwrap().items.push_back(2);
    shared.item_ready.notify_one();
}
// ANCHOR_END: producer

fn main() {
    let shared = Shared {
        queue: Mutex::new(Queue { items: VecDeque::new(), waiting: 0 }),
        item_ready: Condvar::new(),
        consumer_waiting: Condvar::new(),
    };
    let mut got: Vec<u32> = thread::scope(|s| {
        let consumers: Vec<_> =
            (0..2).map(|_| s.spawn(|| consume(&shared))).collect();
        produce(&shared);
        consumers.into_iter().map(|c| c.join().unwrap()).collect()
    });
    got.sort(); // which consumer got which item depends on timing
    println!("the consumers got items {got:?}");
}
