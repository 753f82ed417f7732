use std::rc::Rc;

fn main() {
    // ANCHOR: here
    let mut config = Rc::new(vec![1, 2, 3]);

    // The only owner: get_mut hands out a &mut, no copy.
    Rc::get_mut(&mut config).unwrap().push(4);
    println!("sole owner, get_mut: {config:?}");

    let snapshot = Rc::clone(&config);
    println!("shared, get_mut is {:?}", Rc::get_mut(&mut config));

    // Shared: make_mut clones the Vec so that `snapshot` keeps seeing the old one.
    Rc::make_mut(&mut config).push(5);
    println!("config   = {config:?}");
    println!("snapshot = {snapshot:?}");
    println!("same allocation? {}", Rc::ptr_eq(&config, &snapshot));
    // ANCHOR_END: here
}
