use std::cell::RefCell;
use std::rc::Rc;

struct Track {
    title: &'static str,
    next: Option<Rc<RefCell<Track>>>,
    prev: Option<Rc<RefCell<Track>>>,
}

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
    let intro = Track::new("intro");
    let outro = Track::new("outro");

    intro.borrow_mut().next = Some(Rc::clone(&outro)); // intro -> outro
    outro.borrow_mut().prev = Some(Rc::clone(&intro)); // outro -> intro: a cycle

    println!("intro: strong = {}", Rc::strong_count(&intro));
    println!("outro: strong = {}", Rc::strong_count(&outro));
    println!("leaving main");
}
