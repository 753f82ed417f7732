use std::sync::{Arc, Mutex};
use std::thread;

use counter::Counter;

const WORKERS: usize = 5;
const STEPS: usize = 25;

fn main() {
    // ANCHOR: here
    let counter = Counter::new();

    // Callbacks run on whichever worker thread reaches the value, in whatever
    // order the threads happen to run: record, and report after the join.
    let milestones = Arc::new(Mutex::new(Vec::new()));
    for threshold in [10, 50, 100] {
        let milestones = Arc::clone(&milestones);
        counter.once_at(threshold, move |count| {
            milestones.lock().unwrap().push(count)
        });
    }

    let reports: Vec<(usize, usize)> = thread::scope(|s| {
        let workers: Vec<_> = (0..WORKERS)
            .map(|_| {
                s.spawn(|| {
                    let (mut up, mut down) = (0, 0);
                    for step in 0..STEPS {
                        counter.increment();
                        up += 1;
                        if step % 10 == 0 {
                            counter.decrement(); // steps 0, 10 and 20
                            down += 1;
                        }
                    }
                    (up, down)
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().unwrap()).collect()
    });

    for (id, (up, down)) in reports.iter().enumerate() {
        println!("worker {id}: {up} increments, {down} decrements");
    }
    let mut reached = milestones.lock().unwrap().clone();
    reached.sort();
    for count in reached {
        println!("milestone: the count reached {count} for the first time");
    }
    let up: usize = reports.iter().map(|r| r.0).sum();
    let down: usize = reports.iter().map(|r| r.1).sum();
    println!(
        "final count: {} = {up} increments - {down} decrements",
        counter.get()
    );
    // ANCHOR_END: here
}
