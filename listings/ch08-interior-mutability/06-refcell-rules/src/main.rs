use std::cell::RefCell;

fn main() {
    // ANCHOR: here
    let data = RefCell::new(vec![1, 2, 3]);

    data.borrow_mut().push(4); // the RefMut is a temporary: dropped at the `;`
    println!("after push: {:?}", data.borrow());

    let r1 = data.borrow();
    let r2 = data.borrow(); // any number of shared borrows at once
    println!("two readers: len {} first {}", r1.len(), r2[0]);

    // A mutable borrow now would break the rules: try_ asks instead of panicking.
    match data.try_borrow_mut() {
        Ok(_) => println!("unexpected"),
        Err(e) => println!("try_borrow_mut while read: Err({e})"),
    }

    drop(r1);
    drop(r2); // no borrows left
    if let Ok(mut writer) = data.try_borrow_mut() {
        writer.push(5);
        println!("try_borrow_mut after drop: Ok, pushed 5");
        // ...and while `writer` lives, even reading is refused:
        match data.try_borrow() {
            Ok(_) => println!("unexpected"),
            Err(e) => println!("try_borrow while written: Err({e})"),
        }
    }
    println!("final: {:?}", data.borrow());
    // ANCHOR_END: here
}
