use std::rc::Rc;

fn on_threshold(callback: impl Fn(usize) + Send + Sync + 'static) {
    callback(10);
}

fn main() {
    let label = Rc::new(String::from("reached"));
    on_threshold(move |n| println!("{label} {n}"));
}
