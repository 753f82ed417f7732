use std::sync::{Barrier, RwLock, TryLockError};
use std::thread;

fn main() {
    // ANCHOR: here
    let scores = RwLock::new(vec![1, 2, 3]);
    let all_reading = Barrier::new(3);
    let writer_tried = Barrier::new(3);

    let sums: Vec<i32> = thread::scope(|s| {
        let readers: Vec<_> = (0..3)
            .map(|id| {
                let (scores, all_reading) = (&scores, &all_reading);
                let writer_tried = &writer_tried;
                s.spawn(move || {
                    let guard = scores.read().unwrap();
                    // Nobody passes this barrier until all three readers hold a read
                    // guard at the same time. With a Mutex this would hang forever.
                    all_reading.wait();
                    if id == 0 {
                        let attempt = scores.try_write();
                        let refused = matches!(attempt, Err(TryLockError::WouldBlock));
                        println!("three readers inside; a writer is refused: {refused}");
                    }
                    writer_tried.wait();
                    guard.iter().sum()
                })
            })
            .collect();
        readers.into_iter().map(|r| r.join().unwrap()).collect()
    });
    println!("the readers computed {sums:?}");

    scores.write().unwrap().push(4); // no readers left: the writer gets in
    println!("after the write: {:?}", scores.read().unwrap());
    // ANCHOR_END: here
}
