//! Whether a listing did what it declares. `check` builds and runs what the kind needs; the
//! judgement itself is one pure function per kind (compiletest's `runtest/<mode>.rs`), over
//! what was observed, so each can be unit-tested on a synthetic run.

mod compile_fail;
pub use compile_fail::rust_src_note as compile_fail_note;
mod crash;
mod deadlock;
mod exercise;
mod leak;
mod panic;
mod run;
mod test;

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use book_listings::{Kind, Spec};

use crate::build::{self, Built};
use crate::failure::Failure;
use crate::normalise::{self, Views};
use crate::process::{self, Ended, Limit, Ran};
use crate::valgrind;

/// Valgrind needs CPU of its own on top of what the listing itself may use.
const VALGRIND_EXTRA: Duration = Duration::from_secs(30);

pub struct Context<'a> {
    pub package: &'a str,
    pub dir: &'a Path,
    pub root: &'a Path,
    pub spec: &'a Spec,
    pub built: &'a Built,
    pub views: &'a Views,
    pub bless: bool,
}

/// A run, with its output normalised as the reader sees it.
pub struct Observed {
    pub ran: Ran,
    pub stdout: String,
    /// The program's own stderr (valgrind's lines removed).
    pub stderr: String,
    /// Everything on stderr, valgrind's report included, with paths and locations normalised.
    pub raw_stderr: String,
}

impl Observed {
    /// "expected: KIND / actual: it WHAT after N s", with both streams.
    pub fn unexpected(&self, kind: &Kind, what: impl Into<String>) -> Failure {
        Failure::WrongEnding {
            kind: kind.name(),
            what: what.into(),
            elapsed: self.ran.elapsed,
            stdout: self.stdout.clone(),
            stderr: self.stderr.clone(),
        }
    }
}

/// The text the page must show under the listing, from a real build and run.
pub fn check(cx: &Context) -> Result<String, Failure> {
    let spec = cx.spec;
    let built = cx.built;
    let diagnostics = || normalise::diagnostics(&built.diagnostics, cx.dir, cx.root, cx.views);
    if built.nothing() {
        return Err(Failure::NothingBuilt {
            command: built.command.clone(),
            expected: expected_artifact(spec),
            stderr: cargo_said(cx),
        });
    }
    if let Kind::CompileFail { errors } = &spec.kind {
        return compile_fail::judge(errors, built, diagnostics(), cx.bless);
    }
    if built.failed {
        return Err(Failure::DoesNotCompile { kind: spec.kind.name(), diagnostics: diagnostics() });
    }
    let tests = matches!(spec.kind, Kind::Test | Kind::Exercise { .. });
    let exe = if tests { &built.test_executable } else { &built.executable };
    let exe = exe.as_deref().ok_or_else(|| Failure::NothingBuilt {
        command: built.command.clone(),
        expected: expected_artifact(spec),
        stderr: cargo_said(cx),
    })?;
    // An exercise's starter is unfinished: valgrind (`check-leaks`) is for its solution.
    let valgrind = spec.under_valgrind() && !matches!(spec.kind, Kind::Exercise { .. });
    let seen = observe(cx, exe, valgrind)?;
    judge(spec, cx.package, &seen)
}

/// Runs the built program (or libtest binary) under the kind's limit and normalises what it
/// printed as the reader sees it.
fn observe(cx: &Context, exe: &Path, valgrind: bool) -> Result<Observed, Failure> {
    let spec = cx.spec;
    let mut cmd = if valgrind { valgrind::command(exe)? } else { Command::new(exe) };
    if matches!(spec.kind, Kind::Test | Kind::Exercise { .. }) {
        // One thread: libtest then reports the tests in a stable (alphabetical) order.
        cmd.arg("--test-threads=1");
    }
    cmd.current_dir(cx.dir);
    let limit = match spec.kind {
        Kind::Deadlock => Limit::Wait(spec.timeout),
        _ if valgrind => Limit::cpu(spec.timeout + VALGRIND_EXTRA),
        _ => Limit::cpu(spec.timeout),
    };
    let ran = process::run(cmd, limit).map_err(Failure::Infra)?;
    let normal = |text: &str| normalise::output(text, cx.dir, cx.root, cx.views, &spec.redact);
    let stderr = if valgrind { valgrind::program_stderr(&ran.stderr) } else { ran.stderr.clone() };
    Ok(Observed {
        stdout: normal(&ran.stdout),
        stderr: normal(&stderr),
        // Valgrind's report keeps its lines, but its frames (`main.rs:13`) get the reader's
        // numbering like every other location.
        raw_stderr: normalise::output(&ran.stderr, cx.dir, cx.root, cx.views, &[]),
        ran,
    })
}

/// An exercise's solution: built from its own package, run `runs` times, every run passing
/// with the same report (and, with `check-leaks`, leaking nothing); the report to show.
pub fn solution(cx: &Context) -> Result<String, Failure> {
    let built = cx.built;
    if built.failed {
        return Err(Failure::DoesNotCompile {
            kind: "exercise (its solution)",
            diagnostics: normalise::diagnostics(&built.diagnostics, cx.dir, cx.root, cx.views),
        });
    }
    let exe = built.test_executable.as_deref().ok_or_else(|| Failure::NothingBuilt {
        command: built.command.clone(),
        expected: "the solution's library (solution/src/lib.rs) with the starter's #[test]s".into(),
        stderr: cargo_said(cx),
    })?;
    let mut first: Option<String> = None;
    for run in 1..=cx.spec.runs {
        let seen = observe(cx, exe, cx.spec.check_leaks)?;
        let report = exercise::solution(cx.spec, &seen, run)?;
        match &first {
            None => first = Some(report),
            Some(earlier) if *earlier != report => {
                return Err(Failure::Flaky {
                    first: None,
                    run: run as usize,
                    again: Some(Box::new(Failure::Differs {
                        path: cx.dir.join("output.txt"),
                        check: cx.package.into(),
                        diff: crate::snapshot::diff(&cx.dir.join("output.txt"), earlier, &report),
                        note: Some("the solution's test report changed between runs".into()),
                    })),
                });
            }
            Some(_) => {}
        }
    }
    Ok(first.unwrap_or_default())
}

/// What cargo said about the package, with paths and thread ids made stable as in any output.
fn cargo_said(cx: &Context) -> String {
    normalise::paths(&build::stderr_about(&cx.built.stderr, cx.package), cx.dir, cx.root)
}

/// The verdict of one run, by kind.
pub fn judge(spec: &Spec, package: &str, seen: &Observed) -> Result<String, Failure> {
    match &spec.kind {
        Kind::Run => run::judge(spec, seen),
        Kind::Test => test::judge(spec, seen),
        Kind::Panic { message } => panic::judge(&spec.kind, message, seen),
        Kind::Deadlock => deadlock::judge(spec, seen),
        Kind::Leak => leak::judge(spec, package, seen),
        Kind::Crash { message } => crash::judge(&spec.kind, message, seen),
        Kind::Exercise { starter_fails } => exercise::starter(&spec.kind, starter_fails, seen),
        Kind::CompileFail { .. } => unreachable!("compile-fail listings are judged without a run"),
    }
}

fn expected_artifact(spec: &Spec) -> String {
    match &spec.kind {
        Kind::Test => "a library (src/lib.rs) with #[test]s".into(),
        Kind::Exercise { .. } => "the starter, a library (src/lib.rs) with #[test]s".into(),
        Kind::CompileFail { errors } if spec.in_tests => {
            format!("a library whose #[cfg(test)] code fails with {errors:?}")
        }
        Kind::CompileFail { errors } => format!(
            "a program (src/main.rs) that fails with {errors:?} (for an error in a library's \
             tests, declare `in-tests = true`)"
        ),
        kind => format!("a program (src/main.rs) for a {} listing", kind.name()),
    }
}

/// Whether a run ended with `code`.
fn exited(ran: &Ran, code: i32) -> bool {
    ran.ended == Ended::Exited(code)
}

#[cfg(test)]
pub(crate) fn observed(ended: Ended, stdout: &str, stderr: &str) -> Observed {
    Observed {
        ran: Ran {
            stdout: stdout.into(),
            stderr: stderr.into(),
            ended,
            elapsed: Duration::from_millis(300),
            cpu: Duration::ZERO,
            busy_at_end: false,
        },
        stdout: stdout.into(),
        stderr: stderr.into(),
        raw_stderr: stderr.into(),
    }
}

#[cfg(test)]
pub(crate) fn spec(table: &str) -> Spec {
    let text = format!("[package]\nname = \"x\"\n[package.metadata.listing]\n{table}\n");
    book_listings::spec::parse(Path::new("Cargo.toml"), &text).unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn judge_asks_each_kind_its_own_question() {
        let ok = observed(Ended::Exited(0), "out\n", "");
        assert_eq!(judge(&spec("kind = \"run\""), "x", &ok), Ok("out\n".into()));
        assert_eq!(judge(&spec("kind = \"test\""), "x", &ok), Ok("out\n".into()));
        let panicked =
            observed(Ended::Exited(101), "", "thread 'main' panicked at src/main.rs:1:1:\nboom\n");
        let panic = spec("kind = \"panic\"\nmessage = \"boom\"");
        assert!(judge(&panic, "x", &panicked).unwrap().ends_with("boom\n"));
        assert!(judge(&panic, "x", &ok).is_err());
        let blocked = observed(Ended::StillRunning, "", "");
        let deadlock = spec("kind = \"deadlock\"");
        assert!(judge(&deadlock, "x", &blocked).unwrap().contains("still blocked after 2 s"));
        assert!(judge(&deadlock, "x", &ok).is_err());
        let crashed = observed(Ended::Signalled(6), "", "overflowed\n");
        let crash = spec("kind = \"crash\"\nmessage = \"overflowed\"");
        assert!(judge(&crash, "x", &crashed).unwrap().contains("SIGABRT"));
        let leaky = observed(
            Ended::Exited(0),
            "",
            "==1== LEAK SUMMARY:\n==1==    definitely lost: 8 bytes in 1 blocks\n",
        );
        assert!(
            judge(&spec("kind = \"leak\""), "x", &leaky)
                .unwrap()
                .contains("definitely lost: 8 bytes")
        );
        assert!(judge(&spec("kind = \"leak\""), "x", &ok).is_err());
    }

    #[test]
    fn the_expected_artifact_is_named() {
        assert_eq!(
            expected_artifact(&spec("kind = \"test\"")),
            "a library (src/lib.rs) with #[test]s"
        );
        assert_eq!(
            expected_artifact(&spec("kind = \"run\"")),
            "a program (src/main.rs) for a run listing"
        );
        let program = spec("kind = \"compile-fail\"\nerrors = [\"E0308\"]");
        assert!(
            expected_artifact(&program)
                .starts_with("a program (src/main.rs) that fails with [\"E0308\"]")
        );
        let library = spec("kind = \"compile-fail\"\nerrors = [\"E0308\"]\nin-tests = true");
        assert_eq!(
            expected_artifact(&library),
            "a library whose #[cfg(test)] code fails with [\"E0308\"]"
        );
    }
}
