//! What each kind of listing means, in one table: its name in `Cargo.toml`, the rustdoc
//! attribute its code block carries, the marker above its source and the label above its output.
//! Adding a kind means a variant here, its verdict file in the harness, and the README.

use std::time::Duration;

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// Exits 0; the snapshot is its stdout.
    Run,
    /// rustc fails with exactly these error codes (or deny-by-default lint names), sorted.
    CompileFail { errors: Vec<String> },
    /// Panics with a message containing `message`.
    Panic { message: String },
    /// Still running, and using no CPU, after the wait.
    Deadlock,
    /// Exits 0 and valgrind reports definitely or indirectly lost bytes.
    Leak,
    /// Killed by a signal; stderr contains `message`.
    Crash { message: String },
    /// Its `#[test]`s pass.
    Test,
    /// A starter (`src/lib.rs`) whose tests fail, every failure with `starter_fails` in its
    /// report, and a solution (`solution/`) whose identical tests pass.
    Exercise { starter_fails: String },
}

/// An exercise's solution: a package of its own in this folder of the exercise.
pub const SOLUTION_DIR: &str = "solution";
/// The marker above an exercise's solution, and the label above the solution's test report.
pub const SOLUTION_MARKER: &str = "Solution";
pub const SOLUTION_LABEL: &str = "Test report of the solution";

/// Every kind's name as written in `kind = "..."`, in the order the README lists them.
pub const NAMES: [&str; 8] =
    ["run", "compile-fail", "panic", "deadlock", "leak", "crash", "test", "exercise"];

impl Kind {
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Run => "run",
            Kind::CompileFail { .. } => "compile-fail",
            Kind::Panic { .. } => "panic",
            Kind::Deadlock => "deadlock",
            Kind::Leak => "leak",
            Kind::Crash { .. } => "crash",
            Kind::Test => "test",
            Kind::Exercise { .. } => "exercise",
        }
    }

    /// The rustdoc attribute a page puts on the listing's code block, so that skeptic and the
    /// playground treat it as the harness does.
    pub fn rustdoc_attribute(&self) -> Option<&'static str> {
        match self {
            Kind::Run => None,
            Kind::CompileFail { .. } => Some("compile_fail"),
            Kind::Panic { .. } => Some("should_panic"),
            // Nobody wants to run these by accident.
            Kind::Deadlock | Kind::Leak | Kind::Crash { .. } => Some("no_run"),
            // A library's #[test]s are not a program skeptic or the playground can run (an
            // exercise's Run button sends them to the playground's test mode itself).
            Kind::Test | Kind::Exercise { .. } => Some("ignore"),
        }
    }

    /// The words above a listing's source on the page; `run` listings carry none.
    pub fn source_marker(&self) -> Option<&'static str> {
        match self {
            Kind::Run => None,
            Kind::CompileFail { .. } => Some("Does not compile"),
            Kind::Panic { .. } => Some("Panics"),
            Kind::Deadlock => Some("Deadlocks"),
            Kind::Leak => Some("Leaks memory"),
            Kind::Crash { .. } => Some("Crashes"),
            Kind::Test => Some("Library with tests"),
            Kind::Exercise { .. } => Some("Exercise: starter code and its tests"),
        }
    }

    /// The words above a listing's verified output; `wait` is a deadlock's wait.
    pub fn output_label(&self, wait: Duration) -> String {
        match self {
            Kind::Run => "Output".into(),
            Kind::CompileFail { .. } => "Compiler error".into(),
            Kind::Panic { .. } => "Panic".into(),
            Kind::Deadlock => {
                format!(
                    "No further output — the program is stuck; stopped after {} s",
                    wait.as_secs_f64()
                )
            }
            Kind::Leak => "Leak report".into(),
            Kind::Crash { .. } => "Crash".into(),
            Kind::Test => "Test report".into(),
            Kind::Exercise { .. } => "Test report of the starter".into(),
        }
    }

    /// Whether the harness runs a program (every kind but compile-fail).
    pub fn runs(&self) -> bool {
        !matches!(self, Kind::CompileFail { .. })
    }
}

impl Kind {
    /// One kind per name, with placeholder data: for tables of what every kind means.
    pub fn every() -> Vec<Kind> {
        vec![
            Kind::Run,
            Kind::CompileFail { errors: Vec::new() },
            Kind::Panic { message: String::new() },
            Kind::Deadlock,
            Kind::Leak,
            Kind::Crash { message: String::new() },
            Kind::Test,
            Kind::Exercise { starter_fails: String::new() },
        ]
    }
}

/// The attributes that say how to treat a block; a listing's block carries exactly its own.
pub const ATTRIBUTES: [&str; 4] = ["compile_fail", "should_panic", "no_run", "ignore"];

#[cfg(test)]
mod tests {
    use super::*;

    fn every_kind() -> Vec<Kind> {
        Kind::every()
    }

    #[test]
    fn names_are_the_table_in_order() {
        let names: Vec<&str> = every_kind().iter().map(Kind::name).collect();
        assert_eq!(names, NAMES);
    }

    #[test]
    fn attributes_markers_and_labels() {
        let attributes: Vec<_> = every_kind().iter().map(Kind::rustdoc_attribute).collect();
        assert_eq!(
            attributes,
            [
                None,
                Some("compile_fail"),
                Some("should_panic"),
                Some("no_run"),
                Some("no_run"),
                Some("no_run"),
                Some("ignore"),
                Some("ignore")
            ]
        );
        let markers: Vec<_> = every_kind().iter().map(Kind::source_marker).collect();
        assert_eq!(
            markers,
            [
                None,
                Some("Does not compile"),
                Some("Panics"),
                Some("Deadlocks"),
                Some("Leaks memory"),
                Some("Crashes"),
                Some("Library with tests"),
                Some("Exercise: starter code and its tests")
            ]
        );
        let wait = Duration::from_millis(1500);
        let labels: Vec<_> = every_kind().iter().map(|k| k.output_label(wait)).collect();
        assert_eq!(
            labels,
            [
                "Output",
                "Compiler error",
                "Panic",
                "No further output — the program is stuck; stopped after 1.5 s",
                "Leak report",
                "Crash",
                "Test report",
                "Test report of the starter"
            ]
        );
        let runs: Vec<bool> = every_kind().iter().map(Kind::runs).collect();
        assert_eq!(runs, [true, false, true, true, true, true, true, true]);
    }
}
