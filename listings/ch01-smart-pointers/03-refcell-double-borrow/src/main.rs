use std::cell::RefCell;

fn main() {
    let log = RefCell::new(Vec::<String>::new());

    let mut writer = log.borrow_mut();
    writer.push("first entry".to_string());
    println!("one mutable borrow: fine");

    // A second mutable borrow while `writer` is alive breaks the rule at run time.
    let mut second = log.borrow_mut();
    second.push("never written".to_string());
}
