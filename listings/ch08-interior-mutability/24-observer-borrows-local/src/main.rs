use std::cell::RefCell;

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
    // ANCHOR: here
    let thermometer = Thermometer { listeners: RefCell::new(Vec::new()) };

    let mut readings = 0;
    thermometer.subscribe(|_| readings += 1); // borrows a local

    for degrees in [18, 21, 19] {
        thermometer.notify(degrees);
    }
    println!("{readings} readings");
    // ANCHOR_END: here
}
