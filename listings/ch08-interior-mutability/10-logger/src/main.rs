use std::cell::{Ref, RefCell};

// ANCHOR: here
struct Logger {
    lines: RefCell<Vec<String>>,
}

impl Logger {
    fn new() -> Self {
        Logger { lines: RefCell::new(Vec::new()) }
    }

    /// Takes `&self`: anyone holding a shared reference can log.
    fn log(&self, message: &str) {
        self.lines.borrow_mut().push(message.to_string());
    }

    /// Lends the lines out without cloning them. The caller must drop the
    /// returned guard before the next `log`, or that `log` panics.
    fn lines(&self) -> Ref<'_, [String]> {
        Ref::map(self.lines.borrow(), |v| v.as_slice())
    }
}

struct Parser<'a> {
    log: &'a Logger,
}

struct Database<'a> {
    log: &'a Logger,
}

fn main() {
    let logger = Logger::new();
    let parser = Parser { log: &logger };
    let db = Database { log: &logger }; // two components share one logger

    parser.log.log("parsed 3 records");
    db.log.log("stored 3 records");
    logger.log("done");

    for (i, line) in logger.lines().iter().enumerate() {
        println!("{i}: {line}");
    }
}
// ANCHOR_END: here
