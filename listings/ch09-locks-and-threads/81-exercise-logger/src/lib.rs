//! A logger that many threads share through `&self`.

// Delete this line when you start: it hides the warnings about unused names.
#![allow(unused)]

use std::sync::Mutex;
use std::sync::atomic::{AtomicU8, AtomicUsize, Ordering};

/// How important a message is. A logger keeps the messages at or above its
/// minimum level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Debug = 0,
    Info = 1,
    Warn = 2,
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Level::Debug => "DEBUG",
            Level::Info => "INFO",
            Level::Warn => "WARN",
        }
    }
}

pub struct Logger {
    // Your fields. Every method takes `&self`, and threads share the logger.
}

impl Logger {
    /// A logger that keeps the messages at `min` or above.
    pub fn new(min: Level) -> Logger {
        todo!()
    }

    /// Changes the minimum level, for every thread.
    pub fn set_min_level(&self, min: Level) {
        todo!()
    }

    /// Keeps the line `#N LABEL: message`, where N is the line's number,
    /// counting from 0, and returns `Some(N)`. A message below the minimum
    /// level is not kept: it is counted as suppressed, and `log` returns
    /// `None`.
    pub fn log(&self, level: Level, message: &str) -> Option<usize> {
        todo!()
    }

    /// A copy of the lines kept so far, line 0 first.
    pub fn lines(&self) -> Vec<String> {
        todo!()
    }

    /// How many messages were below the minimum level.
    pub fn suppressed(&self) -> usize {
        todo!()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Barrier;
    use std::thread;

    #[test]
    fn keeps_numbered_lines_at_or_above_the_level() {
        let logger = Logger::new(Level::Info);
        assert_eq!(logger.log(Level::Info, "started"), Some(0));
        assert_eq!(logger.log(Level::Debug, "details"), None);
        assert_eq!(logger.log(Level::Warn, "disk full"), Some(1));
        assert_eq!(logger.lines(), ["#0 INFO: started", "#1 WARN: disk full"]);
        assert_eq!(logger.suppressed(), 1);
    }

    #[test]
    fn the_level_changes_through_a_shared_reference() {
        let logger = Logger::new(Level::Warn);
        let shared: &Logger = &logger;
        assert_eq!(shared.log(Level::Info, "hidden"), None);
        shared.set_min_level(Level::Debug);
        assert_eq!(shared.log(Level::Debug, "shown"), Some(0));
        assert_eq!(logger.lines(), ["#0 DEBUG: shown"]);
    }

    #[test]
    fn a_logger_can_be_shared_between_threads() {
        fn shareable<T: Send + Sync>(_: &T) {}
        shareable(&Logger::new(Level::Info));
    }

    #[test]
    fn threads_get_the_numbers_of_their_own_lines() {
        let logger = Logger::new(Level::Info);
        let start = Barrier::new(4); // all four threads log at the same time
        thread::scope(|s| {
            for t in 0..4 {
                let (logger, start) = (&logger, &start);
                s.spawn(move || {
                    start.wait();
                    let mut mine = Vec::new();
                    for i in 0..500 {
                        let message = format!("thread {t} message {i}");
                        mine.push((logger.log(Level::Info, &message), message));
                        logger.log(Level::Debug, "not kept");
                    }
                    let lines = logger.lines();
                    for (number, message) in mine {
                        let number = number.expect("an INFO line is kept");
                        let wanted = format!("#{number} INFO: {message}");
                        assert_eq!(
                            lines[number], wanted,
                            "not the line logged"
                        );
                    }
                });
            }
        });
        let lines = logger.lines();
        assert_eq!(lines.len(), 2000);
        for (number, line) in lines.iter().enumerate() {
            let prefix = format!("#{number} ");
            assert!(line.starts_with(&prefix), "line {number} is {line:?}");
        }
        assert_eq!(logger.suppressed(), 2000);
    }
}
