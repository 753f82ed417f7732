use std::sync::Arc;
use std::thread;

fn main() {
    // ANCHOR: here
    let numbers = Arc::new(vec![1, 2, 3, 4, 5]);

    // One owner per thread, made before any thread starts.
    let owners: Vec<Arc<Vec<i32>>> =
        (0..3).map(|_| Arc::clone(&numbers)).collect();
    println!("before spawning: strong = {}", Arc::strong_count(&numbers));

    let handles: Vec<_> = owners
        .into_iter()
        .enumerate()
        .map(|(id, numbers)| {
            thread::spawn(move || {
                let factor = id as i32 + 1;
                let sum: i32 = numbers.iter().map(|n| n * factor).sum();
                format!("thread {id}: sum of its view times {factor} = {sum}")
            }) // the thread's Arc is dropped when its closure returns
        })
        .collect();

    // Join in order and print here: the output does not depend on scheduling.
    for handle in handles {
        println!("{}", handle.join().unwrap());
    }
    println!("after join: strong = {}", Arc::strong_count(&numbers));
    // ANCHOR_END: here
}
