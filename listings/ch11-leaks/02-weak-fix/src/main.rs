use std::cell::RefCell;
use std::rc::{Rc, Weak};

// ANCHOR: node
struct Track {
    title: &'static str,
    next: Option<Rc<RefCell<Track>>>,
    prev: Option<Weak<RefCell<Track>>>, // does not own: no cycle of owners
}
// ANCHOR_END: node

impl Drop for Track {
    fn drop(&mut self) {
        println!("freeing {}", self.title);
    }
}

fn main() {
    // ANCHOR: links
    let intro = Rc::new(RefCell::new(Track { title: "intro", next: None, prev: None }));
    let outro = Rc::new(RefCell::new(Track { title: "outro", next: None, prev: None }));

    intro.borrow_mut().next = Some(Rc::clone(&outro)); // strong: intro owns outro
    outro.borrow_mut().prev = Some(Rc::downgrade(&intro)); // weak: outro only knows intro

    println!("intro: strong = {}, weak = {}", Rc::strong_count(&intro), Rc::weak_count(&intro));
    println!("outro: strong = {}, weak = {}", Rc::strong_count(&outro), Rc::weak_count(&outro));

    // Going back needs an upgrade, which fails once intro is gone.
    if let Some(prev) = outro.borrow().prev.as_ref().and_then(Weak::upgrade) {
        println!("outro.prev = {}", prev.borrow().title);
    }
    println!("leaving main");
    // ANCHOR_END: links
}
