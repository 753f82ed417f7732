//! Every way a check can fail, as data. `Display` renders the one message an author reads;
//! the flake hunter compares failures without their timings; the self-test matches variants.

use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

use book_listings::SpecError;

use crate::toolchain::Class;

#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The listing's declaration cannot be accepted.
    Spec(SpecError),
    /// The book cannot be loaded at all (workspace, layout, SUMMARY.md).
    Load(String),
    /// Something the harness needs is missing or broke (valgrind, Clippy, a process).
    Infra(String),
    /// Cargo produced neither an artifact nor a diagnostic for the package: its own error
    /// (a build script, a dependency, no target of the expected kind) is in `stderr`.
    NothingBuilt {
        command: String,
        expected: String,
        stderr: String,
    },
    /// A compile-fail listing compiled.
    Compiled {
        errors: Vec<String>,
        diagnostics: String,
    },
    /// A compile-fail listing failed with other codes.
    WrongCodes {
        expected: Vec<String>,
        got: Vec<String>,
        diagnostics: String,
    },
    /// A listing that must compile does not.
    DoesNotCompile {
        kind: &'static str,
        diagnostics: String,
    },
    /// The program ended in a way its kind does not allow.
    WrongEnding {
        kind: &'static str,
        what: String,
        elapsed: Duration,
        stdout: String,
        stderr: String,
    },
    /// A deadlock listing was still running, but working, not blocked.
    Busy {
        cpu: Duration,
        wait: Duration,
        stdout: String,
    },
    /// `check-leaks`: valgrind found lost bytes.
    Leaked {
        report: String,
    },
    /// A leak listing leaked nothing.
    NoLeak {
        report: String,
    },
    /// Clippy reported other lints than declared.
    WrongLints {
        command: String,
        expected: Vec<String>,
        got: Vec<String>,
        diagnostics: String,
    },
    MissingSnapshot {
        path: PathBuf,
        check: String,
        actual: String,
    },
    Differs {
        path: PathBuf,
        check: String,
        diff: String,
        note: Option<String>,
    },
    /// An exercise's starter passes its tests: nothing is left for the reader to do.
    StarterPasses {
        report: String,
    },
    /// Starter tests that fail without the declared reason: broken, not unfinished.
    StarterFailsOtherwise {
        expected: String,
        /// (test name, what it reported).
        tests: Vec<(String, String)>,
    },
    /// An exercise without a solution package.
    NoSolution {
        dir: PathBuf,
        /// The folder exists, but is not a member of the workspace.
        not_member: bool,
    },
    /// The starter's and the solution's tests are not the same bytes.
    TestsDiffer {
        starter: PathBuf,
        solution: PathBuf,
        mismatch: book_listings::exercise::TestsMismatch,
    },
    /// A snapshot file that no declaration produces (a stale `clippy.txt`, ...).
    Unreferenced {
        path: PathBuf,
        why: String,
    },
    /// A problem on a page, at `page.md:LINE`.
    Page {
        at: String,
        message: String,
    },
    /// A quiz file's problems, one per line.
    Quiz {
        path: PathBuf,
        problems: Vec<String>,
    },
    /// Flake hunting: run `run` did not do what run 1 did.
    Flaky {
        first: Option<Box<Failure>>,
        run: usize,
        again: Option<Box<Failure>>,
    },
    /// Flake hunting: every run failed the same way.
    EveryRun {
        times: usize,
        failure: Box<Failure>,
    },
    /// Several problems of one check, reported together.
    Many(Vec<Failure>),
    /// On a toolchain other than the one that verified the snapshots (`pinned`), a failure
    /// that the change of toolchain can explain. Only outcome changes fail; rendering changes
    /// are reported beside the run.
    Drift {
        class: Class,
        pinned: String,
        failure: Box<Failure>,
    },
}

impl Failure {
    /// The failure with its timings zeroed: what must be the same in every run.
    pub fn without_timings(&self) -> Failure {
        let mut copy = self.clone();
        match &mut copy {
            Failure::WrongEnding { elapsed, .. } => *elapsed = Duration::ZERO,
            Failure::Busy { cpu, .. } => *cpu = Duration::ZERO,
            Failure::Many(all) => *all = all.iter().map(Failure::without_timings).collect(),
            Failure::Drift { failure, .. } => **failure = failure.without_timings(),
            _ => {}
        }
        copy
    }

    /// Joins the failures of one check; `None` when there are none.
    pub fn all(mut failures: Vec<Failure>) -> Result<(), Failure> {
        match failures.len() {
            0 => Ok(()),
            1 => Err(failures.remove(0)),
            _ => Err(Failure::Many(failures)),
        }
    }
}

impl From<SpecError> for Failure {
    fn from(e: SpecError) -> Failure {
        Failure::Spec(e)
    }
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::Spec(e) => write!(f, "{e}"),
            Failure::Load(why) | Failure::Infra(why) => write!(f, "{why}"),
            Failure::NothingBuilt { command, expected, stderr } if stderr.is_empty() => write!(
                f,
                "expected: {expected}\nactual: `{command}` built nothing for this package, and \
                 neither rustc nor cargo said anything about it: the package has no target of \
                 that kind"
            ),
            Failure::NothingBuilt { command, expected, stderr } => write!(
                f,
                "expected: {expected}\nactual: `{command}` built nothing for this package and \
                 reported no compiler message; cargo said:\n{stderr}"
            ),
            Failure::Compiled { errors, diagnostics } => {
                write!(
                    f,
                    "expected: compile-fail with {errors:?}\nactual: it compiled\n{diagnostics}"
                )
            }
            Failure::WrongCodes { expected, got, diagnostics } => write!(
                f,
                "expected: compile-fail with {expected:?}\nactual: failed with {got:?} (if those \
                 are the errors the page means to show, change `errors` in Cargo.toml)\n{diagnostics}"
            ),
            Failure::DoesNotCompile { kind, diagnostics } => {
                write!(f, "expected: {kind}\nactual: it does not compile\n{diagnostics}")
            }
            Failure::WrongEnding { kind, what, elapsed, stdout, stderr } => write!(
                f,
                "expected: {kind}\nactual: it {what} after {:.1} s\n--- stdout\n{stdout}--- stderr\n{stderr}",
                elapsed.as_secs_f64()
            ),
            Failure::Busy { cpu, wait, stdout } => write!(
                f,
                "expected: deadlock\nactual: busy, not blocked: {:.1} s of CPU, and still running \
                 rather than waiting at the end of the {} s wait (a deadlocked program waits \
                 without using the CPU)\n--- stdout\n{stdout}",
                cpu.as_secs_f64(),
                wait.as_secs_f64()
            ),
            Failure::Leaked { report } => {
                write!(f, "expected: no leak\nactual: valgrind reports\n{report}")
            }
            Failure::NoLeak { report } => {
                write!(f, "expected: leak\nactual: valgrind found no leak\n{report}")
            }
            Failure::WrongLints { command, expected, got, diagnostics } => write!(
                f,
                "expected: `{command}` reports {expected:?}\nactual: it reports {got:?}\n{diagnostics}"
            ),
            Failure::MissingSnapshot { path, check, actual } => write!(
                f,
                "missing snapshot {}: review the output below, then create it from the real run \
                 with `BLESS=1 cargo test {check}`\n{actual}",
                path.display()
            ),
            Failure::Differs { path: _, check, diff, note } => {
                write!(
                    f,
                    "output differs from the snapshot (fix the listing, or accept the new output \
                     with `BLESS=1 cargo test {check}`):\n{diff}"
                )?;
                if let Some(note) = note {
                    write!(f, "\nnote: {note}")?;
                }
                Ok(())
            }
            Failure::StarterPasses { report } => write!(
                f,
                "expected: exercise (its starter's tests fail)\nactual: the starter's tests pass, \
                 so the reader has nothing to do: leave the parts to write as `todo!()`\n{report}"
            ),
            Failure::StarterFailsOtherwise { expected, tests } => {
                write!(
                    f,
                    "expected: exercise (every failing starter test reports {expected:?})\n\
                     actual: these fail for another reason, so the starter is broken, not \
                     unfinished (or `starter-fails` is not the text they report):"
                )?;
                for (name, report) in tests {
                    write!(f, "\n--- {name}\n{}", report.trim_end())?;
                }
                Ok(())
            }
            Failure::NoSolution { dir, not_member: true } => write!(
                f,
                "{}: the solution is not a member of the workspace, so nothing builds it: add \
                 \"listings/*/*/solution\" to [workspace] members",
                dir.display()
            ),
            Failure::NoSolution { dir, not_member: false } => write!(
                f,
                "{}: missing: an exercise's solution is a package in this folder (Cargo.toml, \
                 src/lib.rs) with the starter's tests",
                dir.display()
            ),
            Failure::TestsDiffer { starter, solution, mismatch } => {
                use book_listings::exercise::{TESTS_START, TestsMismatch};
                match mismatch {
                    TestsMismatch::Missing { in_starter } => write!(
                        f,
                        "{}: has no line `{TESTS_START}`: an exercise's tests are the end of \
                         src/lib.rs from that line, the same in starter and solution",
                        if *in_starter { starter } else { solution }.display()
                    ),
                    TestsMismatch::Differ { starter_line, solution_line } => write!(
                        f,
                        "the solution's tests are not the starter's: {}:{starter_line} and \
                         {}:{solution_line} differ (the solution must pass exactly the tests the \
                         reader gets; copy the tests from `{TESTS_START}` to the end of the file)",
                        starter.display(),
                        solution.display()
                    ),
                }
            }
            Failure::Unreferenced { path, why } => {
                write!(f, "{}: no declaration produces this snapshot: {why}", path.display())
            }
            Failure::Page { at, message } => write!(f, "{at}: {message}"),
            Failure::Quiz { path, problems } => {
                write!(f, "{}:\n{}", path.display(), problems.join("\n"))
            }
            Failure::Flaky { first, run, again } => {
                let describe = |r: &Option<Box<Failure>>| match r {
                    None => "passed".to_string(),
                    Some(e) => format!("failed:\n{e}"),
                };
                write!(f, "flaky: run 1 {}\n\nbut run {run} {}", describe(first), describe(again))
            }
            Failure::EveryRun { times, failure } => {
                write!(f, "failed all {times} runs the same way:\n{failure}")
            }
            Failure::Many(all) => {
                let texts: Vec<String> = all.iter().map(ToString::to_string).collect();
                write!(f, "{}", texts.join("\n\n"))
            }
            Failure::Drift { class: Class::Rendering, failure, .. } => match &**failure {
                // Said beside the run, which passes: what differs, and that it was let pass.
                Failure::Differs { path, check, diff, note } => {
                    write!(
                        f,
                        "toolchain drift (rendering): {check}: {} differs only in how the tools \
                         print it; not failed:\n{diff}",
                        path.display()
                    )?;
                    if let Some(note) = note {
                        write!(f, "\nnote: {note}")?;
                    }
                    Ok(())
                }
                other => write!(f, "toolchain drift (rendering): {other}"),
            },
            Failure::Drift { class: Class::Outcome, pinned, failure } => {
                writeln!(f, "toolchain drift (outcome): the book's prose may now be wrong")?;
                match &**failure {
                    // Blessing would rewrite the book to this reader's compiler: not the advice.
                    Failure::Differs { diff, .. } => {
                        writeln!(f, "output differs from the snapshot:\n{diff}")?
                    }
                    other => writeln!(f, "{other}")?,
                }
                write!(
                    f,
                    "next steps: check the book with the toolchain that verified it \
                     (`rustup toolchain install {pinned}`; rust-toolchain.toml makes `cargo test` \
                     here use it), or move the book to this toolchain and review what changed \
                     (`cargo xtask upgrade-rust`, README \"Upgrading Rust\")"
                )
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timings_do_not_make_two_failures_different() {
        let ending = |secs| Failure::WrongEnding {
            kind: "run",
            what: "exited with status 1".into(),
            elapsed: Duration::from_secs_f64(secs),
            stdout: String::new(),
            stderr: String::new(),
        };
        assert_ne!(ending(0.5), ending(0.7));
        assert_eq!(ending(0.5).without_timings(), ending(0.7).without_timings());
        assert_eq!(
            Failure::Many(vec![ending(0.1)]).without_timings(),
            Failure::Many(vec![ending(0.9)]).without_timings()
        );
        let busy = |s| Failure::Busy {
            cpu: Duration::from_secs(s),
            wait: Duration::ZERO,
            stdout: String::new(),
        };
        assert_eq!(busy(1).without_timings(), busy(2).without_timings());
        assert_eq!(
            ending(0.5).to_string(),
            "expected: run\nactual: it exited with status 1 after 0.5 s\n--- stdout\n--- stderr\n"
        );
    }

    #[test]
    fn drift_is_labelled_and_never_advises_bless() {
        let differs = Failure::Differs {
            path: "out.txt".into(),
            check: "ch/01".into(),
            diff: "-a\n+b\n".into(),
            note: None,
        };
        assert!(differs.to_string().contains("BLESS=1"));
        let drift = Failure::Drift {
            class: Class::Outcome,
            pinned: "1.95.0".into(),
            failure: differs.into(),
        };
        let text = drift.to_string();
        assert!(!text.contains("BLESS"), "{text}");
        let Failure::Drift { failure: differs, .. } = drift else { unreachable!() };
        let rendering =
            Failure::Drift { class: Class::Rendering, pinned: "1.95.0".into(), failure: differs };
        assert_eq!(
            rendering.to_string(),
            "toolchain drift (rendering): ch/01: out.txt differs only in how the tools print it; \
             not failed:\n-a\n+b\n"
        );
        assert_eq!(
            text,
            "toolchain drift (outcome): the book's prose may now be wrong\noutput differs from the \
             snapshot:\n-a\n+b\n\nnext steps: check the book with the toolchain that verified it \
             (`rustup toolchain install 1.95.0`; rust-toolchain.toml makes `cargo test` here use \
             it), or move the book to this toolchain and review what changed (`cargo xtask \
             upgrade-rust`, README \"Upgrading Rust\")"
        );
    }

    #[test]
    fn all_joins_failures() {
        assert_eq!(Failure::all(vec![]), Ok(()));
        let a = Failure::Infra("a".into());
        assert_eq!(Failure::all(vec![a.clone()]), Err(a.clone()));
        let both = Failure::all(vec![a.clone(), Failure::Infra("b".into())]).unwrap_err();
        assert_eq!(both.to_string(), "a\n\nb");
    }
}
