use std::collections::VecDeque;
use std::sync::{Condvar, Mutex};
use std::thread;

struct Queue {
    items: VecDeque<u32>,
    waiting: usize, // consumers asleep on `item_ready` (lets the demo wait for both)
}

fn main() {
    let queue = Mutex::new(Queue { items: VecDeque::new(), waiting: 0 });
    let item_ready = Condvar::new();
    let consumer_waiting = Condvar::new();

    thread::scope(|s| {
        for _ in 0..2 {
            s.spawn(|| {
                let mut q = queue.lock().unwrap();
                if q.items.is_empty() {
                    // BUG: `if` checks the condition once, before sleeping.
                    q.waiting += 1;
                    consumer_waiting.notify_one();
                    q = item_ready.wait(q).unwrap();
                }
                let item =
                    q.items.pop_front().expect("woke up to an empty queue");
                println!("a consumer got item {item}");
            });
        }

        // Wait until both consumers sleep, then publish ONE item and wake them ALL.
        let q = queue.lock().unwrap();
        let mut q = consumer_waiting.wait_while(q, |q| q.waiting < 2).unwrap();
        q.items.push_back(1);
        item_ready.notify_all();
    });
}
