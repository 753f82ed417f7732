use std::cell::RefCell;
use std::rc::{Rc, Weak};

struct Thermometer {
    listeners: RefCell<Vec<Box<dyn FnMut(i32)>>>,
}

impl Thermometer {
    fn subscribe(&self, listener: impl FnMut(i32) + 'static) {
        self.listeners.borrow_mut().push(Box::new(listener));
    }

    fn notify(&self, degrees: i32) {
        for listener in self.listeners.borrow_mut().iter_mut() {
            listener(degrees);
        }
    }
}

fn main() {
    let thermometer =
        Rc::new(Thermometer { listeners: RefCell::new(Vec::new()) });

    // A listener that reacts to heat by publishing a corrected reading itself.
    // It holds a Weak, not an Rc: the thermometer owns the listener, not the other way.
    let source: Weak<Thermometer> = Rc::downgrade(&thermometer);
    thermometer.subscribe(move |degrees| {
        println!("listener got {degrees}");
        if degrees > 30 {
            if let Some(t) = source.upgrade() {
                t.notify(30); // re-enters notify while the outer notify holds borrow_mut
            }
        }
    });

    thermometer.notify(20);
    thermometer.notify(35);
}
