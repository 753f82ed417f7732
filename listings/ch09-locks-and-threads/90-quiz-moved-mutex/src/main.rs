use std::sync::Mutex;
use std::thread;

fn main() {
    let a = Mutex::new(1);
    let b = Mutex::new(2);
    let t1 = thread::spawn(move || {
        let _a = a.lock().unwrap();
        let _b = b.lock().unwrap();
    });
    let t2 = thread::spawn(move || {
        let _b = b.lock().unwrap();
        let _a = a.lock().unwrap();
    });
    t1.join().unwrap();
    t2.join().unwrap();
}
