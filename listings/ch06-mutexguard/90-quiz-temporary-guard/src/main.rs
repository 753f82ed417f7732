use std::sync::Mutex;

fn main() {
    let m = Mutex::new(1);
    *m.lock().unwrap() += 1;
    let held = m.lock().unwrap();
    println!("{} {}", *held, m.try_lock().is_ok());
}
