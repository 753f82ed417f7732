use std::rc::Rc;
use std::thread;

fn main() {
    let names = Rc::new(vec!["ada", "grace"]);
    let for_thread = Rc::clone(&names);

    let handle = thread::spawn(move || {
        println!("{} names", for_thread.len());
    });
    handle.join().unwrap();
}
