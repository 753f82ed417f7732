use std::sync::Mutex;

fn main() {
    let m = Mutex::new(0);
    let guard = m.lock().unwrap();
    print!("{} ", m.try_lock().is_ok());
    drop(guard);
    println!("{}", m.try_lock().is_ok());
}
