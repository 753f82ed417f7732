use std::sync::{Mutex, MutexGuard};

fn is_locked<T>(mutex: &Mutex<T>) -> bool {
    mutex.try_lock().is_err()
}

fn main() {
    // ANCHOR: here
    let scores = Mutex::new(vec![10, 20]);

    {
        // `lock` blocks until the mutex is ours, then hands back a guard.
        let mut guard: MutexGuard<'_, Vec<i32>> = scores.lock().unwrap();
        guard.push(30); // DerefMut: `guard` acts as a `&mut Vec<i32>`
        println!(
            "inside:  len {} (Deref), locked: {}",
            guard.len(),
            is_locked(&scores)
        );
    } // the guard is dropped here, and its Drop unlocks the mutex

    println!("after:   locked: {}", is_locked(&scores));

    let guard = scores.lock().unwrap();
    println!("again:   {:?}, locked: {}", *guard, is_locked(&scores));
    drop(guard); // unlocking early is just dropping early
    println!("dropped: locked: {}", is_locked(&scores));
    // ANCHOR_END: here
}
