use std::sync::Mutex;
use std::thread;

fn main() {
    let m = Mutex::new(5);
    thread::scope(|s| {
        let _ = s
            .spawn(|| {
                let mut guard = m.lock().unwrap();
                *guard += 1;
                panic!("oops");
            })
            .join();
    });
    let value = match m.lock() {
        Ok(guard) => *guard,
        Err(poisoned) => *poisoned.into_inner() * 10,
    };
    println!("{value}");
}
