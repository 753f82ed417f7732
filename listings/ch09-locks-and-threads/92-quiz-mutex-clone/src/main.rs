use std::sync::Mutex;
use std::thread;

fn main() {
    let counter = Mutex::new(0);
    let copy = counter.clone();
    thread::spawn(move || *copy.lock().unwrap() += 1).join().unwrap();
    println!("{}", counter.lock().unwrap());
}
