use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

// ANCHOR: subject
struct Thermometer {
    listeners: RefCell<Vec<Box<dyn FnMut(i32)>>>,
    pending: RefCell<VecDeque<i32>>,
    dispatching: Cell<bool>,
}

impl Thermometer {
    fn notify(&self, degrees: i32) {
        self.pending.borrow_mut().push_back(degrees); // a short borrow, always free
        if self.dispatching.replace(true) {
            return; // re-entrant call: the loop below will deliver it
        }
        // Pop in its own statement, so the `pending` borrow ends before the body.
        loop {
            let Some(next) = self.pending.borrow_mut().pop_front() else {
                break;
            };
            for listener in self.listeners.borrow_mut().iter_mut() {
                listener(next); // may call notify: that only touches `pending`
            }
        }
        self.dispatching.set(false);
    }
}
// ANCHOR_END: subject

impl Thermometer {
    fn subscribe(&self, listener: impl FnMut(i32) + 'static) {
        self.listeners.borrow_mut().push(Box::new(listener));
    }
}

fn main() {
    let thermometer = Rc::new(Thermometer {
        listeners: RefCell::new(Vec::new()),
        pending: RefCell::new(VecDeque::new()),
        dispatching: Cell::new(false),
    });
    let source: Weak<Thermometer> = Rc::downgrade(&thermometer);
    thermometer.subscribe(move |degrees| {
        println!("listener got {degrees}");
        if degrees > 30 {
            if let Some(t) = source.upgrade() {
                t.notify(30);
            }
        }
    });

    thermometer.notify(20);
    thermometer.notify(35);
    println!("no panic");
}
