use std::cell::RefCell;
use std::sync::Arc;
use std::thread;

fn main() {
    // Rc<RefCell<T>> with Rc swapped for Arc.
    let log = Arc::new(RefCell::new(Vec::new()));
    let handles: Vec<_> = (0..3)
        .map(|id| {
            let log = Arc::clone(&log);
            thread::spawn(move || log.borrow_mut().push(id * 10))
        })
        .collect();
    for handle in handles {
        handle.join().unwrap();
    }
    println!("{:?}", log.borrow());
}
