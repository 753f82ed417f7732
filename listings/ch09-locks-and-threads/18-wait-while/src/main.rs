use std::collections::VecDeque;
use std::sync::{Condvar, Mutex};
use std::thread;

struct Queue {
    items: VecDeque<u32>,
    waiting: usize,
}

fn main() {
    let queue = Mutex::new(Queue { items: VecDeque::new(), waiting: 0 });
    let item_ready = Condvar::new();
    let consumer_waiting = Condvar::new();

    let mut got: Vec<u32> = thread::scope(|s| {
        let consumers: Vec<_> = (0..2)
            .map(|_| {
                s.spawn(|| {
                    // ANCHOR: consumer
                    let mut q = queue.lock().unwrap();
                    q.waiting += 1;
                    consumer_waiting.notify_one();
                    // Re-checks the condition after every wake-up, expected or not.
                    q = item_ready
                        .wait_while(q, |q| q.items.is_empty())
                        .unwrap();
                    q.items.pop_front().unwrap() // cannot fail: the queue is not empty
                    // ANCHOR_END: consumer
                })
            })
            .collect();

        // ANCHOR: producer
        let q = queue.lock().unwrap();
        let mut q = consumer_waiting.wait_while(q, |q| q.waiting < 2).unwrap();
        q.items.push_back(1);
        item_ready.notify_all(); // both wake; the loser goes back to sleep
        drop(q);

        queue.lock().unwrap().items.push_back(2);
        item_ready.notify_one();
        // ANCHOR_END: producer

        consumers.into_iter().map(|c| c.join().unwrap()).collect()
    });
    got.sort(); // which consumer got which item depends on timing
    println!("the consumers got items {got:?}");
}
