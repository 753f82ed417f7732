//! Exercise 4.2: a guard whose `Drop` restores the indentation.

// Delete this line when you start: it silences the warnings about unused
// parameters and imports in the unfinished code.
#![allow(unused)]

use std::marker::PhantomData;
use std::ops::{Deref, DerefMut};

/// Collects lines of text, each indented by two spaces per level.
#[derive(Default)]
pub struct Printer {
    indent: usize,
    lines: Vec<String>,
}

impl Printer {
    pub fn new() -> Self {
        Printer::default()
    }

    /// Adds one line at the current indentation.
    pub fn line(&mut self, text: &str) {
        let spaces = " ".repeat(2 * self.indent);
        self.lines.push(format!("{spaces}{text}"));
    }

    pub fn indent(&self) -> usize {
        self.indent
    }

    pub fn set_indent(&mut self, indent: usize) {
        self.indent = indent;
    }

    pub fn lines(&self) -> &[String] {
        &self.lines
    }

    /// Indents by `by` more levels until the returned guard is dropped.
    pub fn indented(&mut self, by: usize) -> Indented<'_> {
        todo!()
    }
}

/// Gives access to the printer while it is indented. When the guard is
/// dropped, the printer's indentation is what it was before.
pub struct Indented<'p> {
    // Replace this field with the ones your guard needs.
    todo: PhantomData<&'p mut Printer>,
}

impl Deref for Indented<'_> {
    type Target = Printer;

    fn deref(&self) -> &Printer {
        todo!()
    }
}

impl DerefMut for Indented<'_> {
    fn deref_mut(&mut self) -> &mut Printer {
        todo!()
    }
}

impl Drop for Indented<'_> {
    fn drop(&mut self) {
        todo!()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::panic::{self, AssertUnwindSafe};

    #[test]
    fn guards_nest() {
        let mut printer = Printer::new();
        printer.line("fn main() {");
        {
            let mut body = printer.indented(1);
            body.line("loop {"); // DerefMut: the guard writes to the printer
            {
                let mut inner = body.indented(2);
                inner.line("work();");
            }
            body.line("}");
        }
        printer.line("}");
        assert_eq!(
            printer.lines(),
            ["fn main() {", "  loop {", "      work();", "  }", "}"]
        );
        assert_eq!(printer.indent(), 0);
    }

    #[test]
    fn the_guard_reads_the_printer() {
        let mut printer = Printer::new();
        printer.set_indent(1);
        let guard = printer.indented(2);
        assert_eq!(guard.indent(), 3, "Deref reaches the printer");
    }

    #[test]
    fn the_old_indentation_comes_back_even_if_changed_inside() {
        let mut printer = Printer::new();
        printer.set_indent(1);
        {
            let mut guard = printer.indented(2);
            guard.set_indent(7);
            guard.line("deep");
        }
        assert_eq!(printer.indent(), 1, "what it was before the guard");
    }

    #[test]
    fn an_early_return_restores_it() {
        fn section(printer: &mut Printer, stop_early: bool) {
            let mut section = printer.indented(1);
            section.line("start");
            if stop_early {
                return;
            }
            section.line("end");
        }
        let mut printer = Printer::new();
        section(&mut printer, true);
        section(&mut printer, false);
        printer.line("after");
        assert_eq!(printer.lines(), ["  start", "  start", "  end", "after"]);
    }

    #[test]
    fn a_panic_restores_it() {
        let mut printer = Printer::new();
        let result = panic::catch_unwind(AssertUnwindSafe(|| {
            let mut guard = printer.indented(3);
            guard.line("about to fail");
            panic!("failed");
        }));
        let payload = result.expect_err("the closure panicked");
        assert_eq!(payload.downcast_ref::<&str>(), Some(&"failed"));
        assert_eq!(printer.indent(), 0, "unwinding dropped the guard");
        assert_eq!(printer.lines(), ["      about to fail"]);
    }

    #[test]
    fn a_forgotten_guard_restores_nothing() {
        let mut printer = Printer::new();
        std::mem::forget(printer.indented(4)); // its `drop` never runs
        assert_eq!(printer.indent(), 4);
    }
}
