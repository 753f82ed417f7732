use std::rc::{Rc, Weak};

fn main() {
    // ANCHOR: here
    let strong = Rc::new(String::from("session #1"));
    let weak: Weak<String> = Rc::downgrade(&strong);
    println!(
        "strong = {}, weak = {}",
        Rc::strong_count(&strong),
        Rc::weak_count(&strong)
    );

    // upgrade() makes a temporary strong owner, if the value still exists.
    if let Some(alive) = weak.upgrade() {
        println!("upgraded: {alive}, strong = {}", Rc::strong_count(&strong));
    }
    println!(
        "after the upgrade is dropped: strong = {}",
        Rc::strong_count(&strong)
    );

    drop(strong); // the last strong owner: the String is dropped now
    println!("after drop: upgrade() = {:?}", weak.upgrade());
    // With no strong owner left, weak_count() reports 0 too (see the text).
    println!(
        "dangling Weak: strong_count = {}, weak_count = {}",
        weak.strong_count(),
        weak.weak_count()
    );
    // ANCHOR_END: here
}
