use std::cell::RefCell;
use std::rc::{Rc, Weak};

// ANCHOR: node
struct Track {
    title: &'static str,
    next: Option<Rc<RefCell<Track>>>,
    prev: Option<Weak<RefCell<Track>>>, // does not own: no cycle of owners
}
// ANCHOR_END: node

impl Track {
    fn new(title: &'static str) -> Rc<RefCell<Track>> {
        Rc::new(RefCell::new(Track { title, next: None, prev: None }))
    }
}

impl Drop for Track {
    fn drop(&mut self) {
        println!("freeing {}", self.title);
    }
}

fn main() {
    // ANCHOR: links
    let intro = Track::new("intro");
    let outro = Track::new("outro");

    intro.borrow_mut().next = Some(Rc::clone(&outro)); // strong: intro owns outro
    outro.borrow_mut().prev = Some(Rc::downgrade(&intro)); // weak: outro only refers

    for track in [&intro, &outro] {
        let (strong, weak) = (Rc::strong_count(track), Rc::weak_count(track));
        println!("{}: strong = {strong}, weak = {weak}", track.borrow().title);
    }

    // Going back needs an upgrade, which fails once intro is gone.
    if let Some(prev) = outro.borrow().prev.as_ref().and_then(Weak::upgrade) {
        println!("outro.prev = {}", prev.borrow().title);
    }
    println!("leaving main");
    // ANCHOR_END: links
}
