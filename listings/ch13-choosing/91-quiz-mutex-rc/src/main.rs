use std::rc::Rc;
use std::sync::Mutex;
use std::thread;

fn main() {
    let m = Mutex::new(Rc::new(1));
    thread::scope(|s| {
        s.spawn(|| println!("{}", m.lock().unwrap()));
    });
}
