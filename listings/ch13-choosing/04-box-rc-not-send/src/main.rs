use std::rc::Rc;
use std::thread;

fn main() {
    let boxed: Box<Rc<String>> = Box::new(Rc::new(String::from("hi")));
    thread::spawn(move || println!("{boxed}")).join().unwrap();
}
