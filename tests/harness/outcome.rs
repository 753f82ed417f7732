//! Decides whether a listing did what it declares, kind by kind, and builds the text the
//! book shows under it (the snapshot).

use std::path::Path;
use std::process::Command;
use std::sync::LazyLock;
use std::time::Duration;

use regex::Regex;

use super::build::Built;
use super::discover::{Kind, Listing, Spec};
use super::run::{Ended, Ran, run, signal_name};
use super::{compare, normalise};

/// Valgrind needs time to start on top of what the listing itself may take.
const VALGRIND_EXTRA: Duration = Duration::from_secs(30);

pub fn check(
    listing: &Listing,
    spec: &Spec,
    built: Option<&Built>,
    root: &Path,
    bless: bool,
) -> Result<(), String> {
    let built = built.ok_or("cargo built nothing and reported nothing for this package")?;
    let expected = spec.kind.label();
    if let Kind::CompileFail { errors } = &spec.kind {
        let diagnostics = normalise::diagnostics(&built.diagnostics, listing, root);
        if !built.failed {
            return Err(format!(
                "expected: compile-fail with {errors:?}\nactual: it compiled\n{diagnostics}"
            ));
        }
        let mut got = built.error_codes.clone();
        got.sort();
        got.dedup();
        if &got != errors {
            return Err(format!(
                "expected: compile-fail with {errors:?}\nactual: failed with {got:?} (if those are \
                 the errors the page means to show, change `errors` in Cargo.toml)\n{diagnostics}"
            ));
        }
        return compare::snapshot(&listing.snapshot(), &diagnostics, &listing.name, bless).map_err(|diff| {
            if std_sources_installed() {
                diff
            } else {
                format!(
                    "{diff}\nnote: rustup's rust-src component is not installed, so rustc quotes \
                     no std code in its notes, and the snapshots quote it: \
                     `rustup component add rust-src` (CI installs it)"
                )
            }
        });
    }
    if built.failed {
        let diagnostics = normalise::diagnostics(&built.diagnostics, listing, root);
        return Err(format!("expected: {expected}\nactual: it does not compile\n{diagnostics}"));
    }
    let exe = if spec.kind == Kind::Test { &built.test_executable } else { &built.executable };
    let exe = exe.as_deref().ok_or(if spec.kind == Kind::Test {
        "a test listing needs a library or binary with #[test]s"
    } else {
        "no executable was built: a listing needs src/main.rs"
    })?;

    let under_valgrind = spec.kind == Kind::Leak || spec.check_leaks;
    let mut cmd = if under_valgrind { valgrind()? } else { Command::new(exe) };
    if under_valgrind {
        cmd.arg(exe);
    }
    if spec.kind == Kind::Test {
        // One thread: libtest then reports the tests in a stable (alphabetical) order.
        cmd.arg("--test-threads=1");
    }
    cmd.current_dir(&listing.dir);
    let limit = if under_valgrind { spec.timeout + VALGRIND_EXTRA } else { spec.timeout };
    let ran = run(cmd, limit)?;
    let stdout = normalise::output(&ran.stdout, listing, spec, root);
    let stderr = normalise::output(&program_stderr(&ran, under_valgrind), listing, spec, root);
    let unexpected = |what: &str| {
        Err(format!(
            "expected: {expected}\nactual: it {what} after {:.1} s\n--- stdout\n{stdout}--- stderr\n{stderr}",
            ran.elapsed.as_secs_f64()
        ))
    };

    let shown = match &spec.kind {
        Kind::Run | Kind::Test => {
            if !matches!(ran.ended, Ended::Exited(0)) {
                return unexpected(&ran.ended.describe());
            }
            let mut shown = stdout;
            if spec.check_leaks {
                let lost = leak_summary(&ran.stderr, spec.full_leak_summary)?;
                if lost.bytes > 0 {
                    return Err(format!(
                        "expected: no leak\nactual: valgrind reports\n{}",
                        lost.report
                    ));
                }
                if spec.full_leak_summary {
                    shown += &lost.report;
                }
            }
            shown
        }
        Kind::Panic { message } => {
            let panicked =
                matches!(ran.ended, Ended::Exited(101)) && stderr.contains("panicked at");
            if !panicked {
                return unexpected(&format!("{} without a panic", ran.ended.describe()));
            }
            if !stderr.contains(message.as_str()) {
                return unexpected(&format!("panicked, but not with {message:?},"));
            }
            stdout + &stderr
        }
        Kind::Deadlock => {
            if !matches!(ran.ended, Ended::TimedOut) {
                return unexpected(&format!("{} instead of staying blocked", ran.ended.describe()));
            }
            format!(
                "{stdout}{stderr}[still blocked after {} s: killed by the test harness]\n",
                spec.timeout.as_secs_f64()
            )
        }
        Kind::Leak => {
            if !matches!(ran.ended, Ended::Exited(0)) {
                return unexpected(&ran.ended.describe());
            }
            let lost = leak_summary(&ran.stderr, spec.full_leak_summary)?;
            if lost.bytes == 0 {
                return Err(format!(
                    "expected: leak\nactual: valgrind found no leak\n{}",
                    lost.report
                ));
            }
            let records = if spec.loss_records {
                loss_records(&ran.stderr, &listing.package)?
            } else {
                String::new()
            };
            stdout + &records + &lost.report
        }
        Kind::Crash { message } => {
            let Ended::Signalled(sig) = ran.ended else {
                return unexpected(&format!("{} instead of crashing", ran.ended.describe()));
            };
            if !stderr.contains(message.as_str()) {
                return unexpected(&format!("crashed, but without {message:?} on stderr,"));
            }
            format!("{stdout}{stderr}[process killed by signal {sig} ({})]\n", signal_name(sig))
        }
        Kind::CompileFail { .. } => unreachable!("handled above"),
    };
    compare::snapshot(&listing.snapshot(), &shown, &listing.name, bless)
}

/// Asked once per run, not once per leak-checked listing.
pub fn valgrind_installed() -> bool {
    static INSTALLED: LazyLock<bool> = LazyLock::new(|| {
        Command::new("valgrind").arg("--version").output().is_ok_and(|o| o.status.success())
    });
    *INSTALLED
}

/// Whether rustc can show std's source in diagnostics that point into std.
fn std_sources_installed() -> bool {
    static INSTALLED: LazyLock<bool> = LazyLock::new(|| {
        let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
        Command::new(rustc).args(["--print", "sysroot"]).output().is_ok_and(|o| {
            let sysroot = String::from_utf8_lossy(&o.stdout).trim().to_string();
            Path::new(&sysroot).join("lib/rustlib/src/rust/library/std").is_dir()
        })
    });
    *INSTALLED
}

fn valgrind() -> Result<Command, String> {
    if !valgrind_installed() {
        return Err("valgrind is needed to check this listing's leaks but is not installed \
                    (apt-get install valgrind; `cargo xtask test` installs it in CI)"
            .into());
    }
    let mut cmd = Command::new("valgrind");
    cmd.args(["--leak-check=full", "--errors-for-leak-kinds=definite,indirect", "--log-fd=2"]);
    Ok(cmd)
}

/// What the reader sees on stderr: under valgrind, only the program's own lines.
fn program_stderr(ran: &Ran, under_valgrind: bool) -> String {
    if !under_valgrind {
        return ran.stderr.clone();
    }
    ran.stderr.lines().filter(|l| !VALGRIND_LINE.is_match(l)).map(|l| format!("{l}\n")).collect()
}

static VALGRIND_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^==\d+==").unwrap());
static LOST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^==\d+==\s+(definitely lost|indirectly lost|possibly lost|still reachable): ([\d,]+) bytes in")
        .unwrap()
});

static ADDRESS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"0x[0-9A-F]+").unwrap());
/// Valgrind names a std frame's file `alloc.rs` on one machine and `library/alloc/src/alloc.rs`
/// on another, depending on how std's debug info was found: keep only the file name.
static FRAME_FILE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\((?:[^()\s]*/)?([^/()\s]+\.rs:\d+)\)$").unwrap());

/// Valgrind's record of each definitely lost block: its size and the stack that allocated it,
/// down to the listing's `main` (the runtime's frames below it are the same in every program).
/// Addresses and the pid change between runs and become `0x…` and `PID`.
fn loss_records(stderr: &str, package: &str) -> Result<String, String> {
    let main = format!(" {}::main (", package.replace('-', "_"));
    let mut records = String::new();
    let mut in_record = false;
    for line in stderr.lines().filter(|l| VALGRIND_LINE.is_match(l)) {
        let text = VALGRIND_LINE.replace(line, "==PID==");
        if text.contains("are definitely lost in loss record") {
            in_record = true;
        }
        if !in_record {
            continue;
        }
        let text = FRAME_FILE.replace(&text, "($1)");
        records += &format!("{}\n", ADDRESS.replace_all(&text, "0x…"));
        if text.contains(&main) || text.trim_end() == "==PID==" {
            in_record = false;
            if !records.ends_with("==PID==\n") {
                records += "==PID==\n";
            }
        }
    }
    if records.is_empty() {
        return Err(format!(
            "`loss-records = true`, but valgrind printed no definitely lost record:\n{stderr}"
        ));
    }
    Ok(records)
}

struct Lost {
    bytes: u64,
    /// The summary lines, with valgrind's pid prefix made stable.
    report: String,
}

/// Only definitely and indirectly lost bytes count as a leak; `full` also reports the
/// "possibly lost" and "still reachable" lines.
fn leak_summary(stderr: &str, full: bool) -> Result<Lost, String> {
    if stderr.lines().any(|l| l.contains("All heap blocks were freed -- no leaks are possible")) {
        return Ok(Lost {
            bytes: 0,
            report: "==PID== All heap blocks were freed -- no leaks are possible\n".into(),
        });
    }
    let mut lost = Lost { bytes: 0, report: "==PID== LEAK SUMMARY:\n".into() };
    let mut seen = false;
    for line in stderr.lines() {
        let Some(c) = LOST.captures(line) else { continue };
        seen = true;
        let counts = matches!(&c[1], "definitely lost" | "indirectly lost");
        if counts {
            lost.bytes += c[2].replace(',', "").parse::<u64>().unwrap_or(0);
        }
        if counts || full {
            lost.report += &format!("{}\n", VALGRIND_LINE.replace(line, "==PID=="));
        }
    }
    if !seen {
        return Err(format!("valgrind printed no leak summary:\n{stderr}"));
    }
    Ok(lost)
}
