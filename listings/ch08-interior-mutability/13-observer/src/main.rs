use std::cell::{Cell, RefCell};
use std::rc::Rc;

// ANCHOR: subject
struct Thermometer {
    listeners: RefCell<Vec<Box<dyn FnMut(i32)>>>,
}

impl Thermometer {
    fn subscribe(&self, listener: impl FnMut(i32) + 'static) {
        self.listeners.borrow_mut().push(Box::new(listener));
    }

    fn notify(&self, degrees: i32) {
        // FnMut needs &mut to be called: borrow the list mutably for the loop.
        for listener in self.listeners.borrow_mut().iter_mut() {
            listener(degrees);
        }
    }
}
// ANCHOR_END: subject

fn main() {
    // ANCHOR: main
    let thermometer = Thermometer { listeners: RefCell::new(Vec::new()) };

    // The listeners' state is shared with main through Rc, so main can read it.
    let readings = Rc::new(Cell::new(0));
    let history = Rc::new(RefCell::new(Vec::new()));

    let counter = Rc::clone(&readings);
    thermometer.subscribe(move |_| counter.set(counter.get() + 1));
    let recorder = Rc::clone(&history);
    thermometer.subscribe(move |d| recorder.borrow_mut().push(d));

    for degrees in [18, 21, 19] {
        thermometer.notify(degrees);
    }
    println!("{} readings: {:?}", readings.get(), history.borrow());
    // ANCHOR_END: main
}
