use std::sync::Arc;
use std::thread;

fn main() {
    // ANCHOR: here
    let numbers = Arc::new(vec![1, 2, 3, 4, 5]);

    let mut handles = Vec::new();
    for factor in 1..=3 {
        let numbers = Arc::clone(&numbers); // (1) one owner per thread
        handles.push(thread::spawn(move || {
            let sum: i32 = numbers.iter().map(|n| n * factor).sum();
            (factor, sum) // (2) the thread's Arc is dropped here
        }));
    }

    for handle in handles {
        let (factor, sum) = handle.join().unwrap();
        println!("sum times {factor} = {sum}");
    }
    println!("owners after the joins: {}", Arc::strong_count(&numbers));
    // ANCHOR_END: here
}
