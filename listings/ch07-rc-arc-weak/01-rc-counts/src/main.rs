use std::rc::Rc;

fn main() {
    // ANCHOR: here
    let title = Rc::new(String::from("The Rust Book"));
    println!("after new:         strong = {}", Rc::strong_count(&title));

    let shelf_a = Rc::clone(&title); // a new owner; the String is not copied
    println!("after 1 clone:     strong = {}", Rc::strong_count(&title));
    {
        let shelf_b = Rc::clone(&title);
        println!("inside the block:  strong = {}", Rc::strong_count(&title));
        println!("same allocation?   {}", Rc::ptr_eq(&shelf_a, &shelf_b));
    } // shelf_b is dropped here: the count goes down, the String stays
    println!("after the block:   strong = {}", Rc::strong_count(&title));

    drop(title); // the first owner is gone, but shelf_a still keeps the String alive
    println!(
        "shelf_a still reads {shelf_a:?}, strong = {}",
        Rc::strong_count(&shelf_a)
    );
    // ANCHOR_END: here
} // shelf_a, the last owner, is dropped: the count reaches 0 and the String is freed
