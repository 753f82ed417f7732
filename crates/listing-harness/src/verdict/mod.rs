//! Whether a listing did what it declares. `check` builds and runs what the kind needs; the
//! judgement itself is one pure function per kind (compiletest's `runtest/<mode>.rs`), over
//! what was observed, so each can be unit-tested on a synthetic run.

mod compile_fail;
pub use compile_fail::rust_src_note as compile_fail_note;
mod crash;
mod deadlock;
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
    /// Everything on stderr, valgrind's report included.
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
            stderr: build::stderr_about(&built.stderr, cx.package),
        });
    }
    if let Kind::CompileFail { errors } = &spec.kind {
        return compile_fail::judge(errors, built, diagnostics(), cx.bless);
    }
    if built.failed {
        return Err(Failure::DoesNotCompile { kind: spec.kind.name(), diagnostics: diagnostics() });
    }
    let exe = if spec.kind == Kind::Test { &built.test_executable } else { &built.executable };
    let exe = exe.as_deref().ok_or_else(|| Failure::NothingBuilt {
        command: built.command.clone(),
        expected: expected_artifact(spec),
        stderr: build::stderr_about(&built.stderr, cx.package),
    })?;
    let mut cmd = if spec.under_valgrind() { valgrind::command(exe)? } else { Command::new(exe) };
    if spec.kind == Kind::Test {
        // One thread: libtest then reports the tests in a stable (alphabetical) order.
        cmd.arg("--test-threads=1");
    }
    cmd.current_dir(cx.dir);
    let limit = match spec.kind {
        Kind::Deadlock => Limit::Wait(spec.timeout),
        _ if spec.under_valgrind() => Limit::cpu(spec.timeout + VALGRIND_EXTRA),
        _ => Limit::cpu(spec.timeout),
    };
    let ran = process::run(cmd, limit).map_err(Failure::Infra)?;
    let normal = |text: &str| normalise::output(text, cx.dir, cx.root, cx.views, &spec.redact);
    let stderr = if spec.under_valgrind() {
        valgrind::program_stderr(&ran.stderr)
    } else {
        ran.stderr.clone()
    };
    let seen = Observed {
        stdout: normal(&ran.stdout),
        stderr: normal(&stderr),
        raw_stderr: ran.stderr.clone(),
        ran,
    };
    judge(spec, cx.package, &seen)
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
        Kind::CompileFail { .. } => unreachable!("compile-fail listings are judged without a run"),
    }
}

fn expected_artifact(spec: &Spec) -> String {
    match &spec.kind {
        Kind::Test => "a library (src/lib.rs) with #[test]s".into(),
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
