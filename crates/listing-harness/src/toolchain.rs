//! Which toolchain verified the snapshots, which one is running now, and what a difference
//! between the two may explain.
//!
//! Bless records the versions (rustc `-vV` release and commit, Clippy, valgrind) in the book's
//! `verified-with` file when it has run every listing. At start the harness compares them with
//! the tools it is about to use: on the same toolchain every check is strict; on another one a
//! snapshot difference is classified ([`classify`]) as *outcome* (what the program or compiler
//! did: the book's prose may now be wrong) or *rendering* (how the tools print it), and only
//! outcome differences fail.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::LazyLock;

use regex::Regex;

/// The versions of the tools a run uses, or that verified the snapshots.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Versions {
    /// `release:` of `rustc -vV`, e.g. `1.95.0` or `1.97.0-nightly`.
    pub rustc: String,
    /// `commit-hash:` of `rustc -vV`: two nightlies share a release.
    pub rustc_commit: String,
    /// `clippy-driver -V`, e.g. `clippy 0.1.95 (59807616e1 2026-04-14)`; None without Clippy.
    pub clippy: Option<String>,
    /// `valgrind --version`, e.g. `valgrind-3.19.0`; None without valgrind.
    pub valgrind: Option<String>,
}

const HEADER: &str =
    "# The toolchain that verified every snapshot of this book, written by `BLESS=1 cargo test`
# when it ran every listing (never by hand). A run on other versions says so first, and reports
# snapshot differences as toolchain drift (README, \"Upgrading Rust\").
";

impl Versions {
    /// The tools this run uses: `rustc` (the book's own override, else `$RUSTC`, else the
    /// `rustc` rustup picks), and the Clippy and valgrind on the PATH.
    pub fn current(rustc: Option<&Path>) -> Result<Versions, String> {
        let rustc = match rustc {
            Some(path) => path.as_os_str().to_owned(),
            None => std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into()),
        };
        // Three programs that each take 15-30 ms to start: asked at once.
        let (output, clippy, valgrind) = std::thread::scope(|s| {
            let clippy = s.spawn(|| first_line("clippy-driver", "-V"));
            let valgrind = s.spawn(|| first_line("valgrind", "--version"));
            let output = Command::new(&rustc).arg("-vV").stdin(Stdio::null()).output();
            let joined = |probe: std::thread::ScopedJoinHandle<'_, Option<String>>| {
                probe.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            };
            (output, joined(clippy), joined(valgrind))
        });
        let output =
            output.map_err(|e| format!("cannot run `{} -vV`: {e}", rustc.to_string_lossy()))?;
        let text = String::from_utf8_lossy(&output.stdout);
        let (release, commit) = parse_rustc(&text).ok_or_else(|| {
            format!(
                "`{} -vV` printed no `release:` line:\n{text}{}",
                rustc.to_string_lossy(),
                String::from_utf8_lossy(&output.stderr)
            )
        })?;
        Ok(Versions { rustc: release, rustc_commit: commit, clippy, valgrind })
    }

    /// The committed record, `None` if the book has none yet.
    pub fn load(path: &Path) -> Result<Option<Versions>, String> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
        };
        let table: BTreeMap<String, String> = toml::from_str(&text)
            .map_err(|e| format!("{}: {}", path.display(), e.message().trim_end()))?;
        let mut versions = Versions::default();
        for (key, value) in table {
            match key.as_str() {
                "rustc" => versions.rustc = value,
                "rustc-commit-hash" => versions.rustc_commit = value,
                "clippy" => versions.clippy = Some(value),
                "valgrind" => versions.valgrind = Some(value),
                other => {
                    return Err(format!(
                        "{}: unknown key `{other}` (rustc, rustc-commit-hash, clippy, valgrind)",
                        path.display()
                    ));
                }
            }
        }
        if versions.rustc.is_empty() {
            return Err(format!("{}: no `rustc` version recorded", path.display()));
        }
        Ok(Some(versions))
    }

    pub fn to_toml(&self) -> String {
        let mut text = format!(
            "{HEADER}rustc = {:?}\nrustc-commit-hash = {:?}\n",
            self.rustc, self.rustc_commit
        );
        for (key, value) in [("clippy", &self.clippy), ("valgrind", &self.valgrind)] {
            if let Some(value) = value {
                text += &format!("{key} = {value:?}\n");
            }
        }
        text
    }

    /// `rustc 1.95.0`, with the commit when two builds share a release (nightlies).
    fn rustc_named(&self, other: &Versions) -> String {
        if self.rustc == other.rustc {
            format!(
                "rustc {} ({})",
                self.rustc,
                &self.rustc_commit[..self.rustc_commit.len().min(9)]
            )
        } else {
            format!("rustc {}", self.rustc)
        }
    }
}

fn parse_rustc(text: &str) -> Option<(String, String)> {
    let field =
        |name: &str| text.lines().find_map(|l| l.strip_prefix(name)).map(|v| v.trim().to_string());
    Some((field("release:")?, field("commit-hash:").unwrap_or_default()))
}

fn first_line(program: &str, flag: &str) -> Option<String> {
    let output = Command::new(program).arg(flag).stdin(Stdio::null()).output().ok()?;
    let text = String::from_utf8_lossy(&output.stdout);
    let line = text.lines().next()?.trim();
    (output.status.success() && !line.is_empty()).then(|| line.to_string())
}

/// Recorded and current differ: what a snapshot difference can then be blamed on.
#[derive(Debug, Clone, PartialEq)]
pub struct Mismatch {
    /// One line per differing tool, said before any check runs.
    pub headlines: Vec<String>,
    /// The rustc release that verified the snapshots: the toolchain to install.
    pub pinned: String,
    pub rustc: bool,
    pub clippy: bool,
    pub valgrind: bool,
}

/// `None` when every tool that both sides know is the same. A tool missing on either side
/// (valgrind not installed) is not compared: its checks are ignored or fail on their own.
pub fn compare(recorded: &Versions, current: &Versions) -> Option<Mismatch> {
    let rustc = recorded.rustc != current.rustc || recorded.rustc_commit != current.rustc_commit;
    let differs =
        |a: &Option<String>, b: &Option<String>| matches!((a, b), (Some(a), Some(b)) if a != b);
    let clippy = differs(&recorded.clippy, &current.clippy);
    let valgrind = differs(&recorded.valgrind, &current.valgrind);
    let mut headlines = Vec::new();
    if rustc {
        headlines.push(format!(
            "snapshots verified with {}; this is {} — compiler messages, std line numbers, \
             valgrind frames and Clippy output may differ",
            recorded.rustc_named(current),
            current.rustc_named(recorded)
        ));
    }
    if clippy {
        headlines.push(format!(
            "snapshots verified with {}; this is {} — Clippy output may differ",
            recorded.clippy.as_deref().unwrap_or_default(),
            current.clippy.as_deref().unwrap_or_default()
        ));
    }
    if valgrind {
        headlines.push(format!(
            "snapshots verified with {}; this is {} — valgrind frames and leak reports may differ",
            recorded.valgrind.as_deref().unwrap_or_default(),
            current.valgrind.as_deref().unwrap_or_default()
        ));
    }
    (!headlines.is_empty()).then(|| Mismatch {
        headlines,
        pinned: recorded.rustc.clone(),
        rustc,
        clippy,
        valgrind,
    })
}

/// What a snapshot difference means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// What happened changed (error codes, program output, panic message, leak or no leak):
    /// the book's prose may now be wrong.
    Outcome,
    /// Only how the tools print it changed (diagnostic wording, std line numbers, valgrind
    /// frames, Clippy's text).
    Rendering,
}

impl Class {
    pub fn name(self) -> &'static str {
        match self {
            Class::Outcome => "outcome",
            Class::Rendering => "rendering",
        }
    }
}

/// Which snapshot differs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Snapshot {
    /// The output of a listing that runs: its stdout, panic message, valgrind summary, libtest
    /// report. `unordered`: lines compare as a multiset.
    Program { unordered: bool },
    /// A compile-fail listing's diagnostics.
    Diagnostics,
    /// Clippy's findings (the harness has already checked that the same lints fired).
    Clippy,
}

/// `error[E0308]`, `warning[...]`: the headline of a diagnostic, and its code if any.
static HEADLINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(error|warning)(\[([^\]]+)\])?: ").unwrap());
/// `$RUST/std/src/rt.rs:10:5`: where in std, which moves between releases.
static STD_LOCATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\$RUST/[^\s:)]+(:\d+)*").unwrap());
/// valgrind's stack frames (`==PID==    at 0x…: name (file:line)`, `by 0x…`): std's function
/// names and inlining change between releases.
static VALGRIND_FRAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^==PID==\s+(at|by) 0x").unwrap());

/// Whether the difference between a snapshot and a run is one of outcome or of rendering.
/// Pure: the texts are the normalised snapshot and run.
pub fn classify(snapshot: Snapshot, expected: &str, actual: &str) -> Class {
    let same = match snapshot {
        // The declared codes matched (or the check would have failed before comparing): the
        // same diagnostics, in the same number, worded or laid out anew.
        Snapshot::Diagnostics | Snapshot::Clippy => headlines(expected) == headlines(actual),
        Snapshot::Program { unordered } => {
            let (mut a, mut b) = (program_lines(expected), program_lines(actual));
            if unordered {
                a.sort();
                b.sort();
            }
            a == b
        }
    };
    if same { Class::Rendering } else { Class::Outcome }
}

/// The diagnostics' headlines by code, sorted (Clippy's carry none, so they count as many
/// `warning`s): a code that appears, disappears or fires another number of times is outcome.
fn headlines(text: &str) -> Vec<String> {
    let mut codes: Vec<String> = text
        .lines()
        .filter_map(|l| HEADLINE.captures(l))
        .map(|c| format!("{}{}", &c[1], c.get(2).map_or("", |m| m.as_str())))
        .collect();
    codes.sort();
    codes
}

/// A program's output without what the toolchain renders: valgrind's frames, std's lines.
fn program_lines(text: &str) -> Vec<String> {
    text.lines()
        .filter(|l| !VALGRIND_FRAME.is_match(l))
        .map(|l| STD_LOCATION.replace_all(l, "$$RUST/…").into_owned())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const RUSTC_195: &str = "rustc 1.95.0 (59807616e 2026-04-14)\nbinary: rustc\ncommit-hash: 59807616e1fa2540724bfbac14d7976d7e4a3860\ncommit-date: 2026-04-14\nhost: x86_64-unknown-linux-gnu\nrelease: 1.95.0\nLLVM version: 22.1.2\n";

    fn versions(rustc: &str, commit: &str) -> Versions {
        Versions {
            rustc: rustc.into(),
            rustc_commit: commit.into(),
            clippy: Some("clippy 0.1.95 (59807616e1 2026-04-14)".into()),
            valgrind: Some("valgrind-3.19.0".into()),
        }
    }

    #[test]
    fn rustc_vv_gives_release_and_commit() {
        assert_eq!(
            parse_rustc(RUSTC_195),
            Some(("1.95.0".into(), "59807616e1fa2540724bfbac14d7976d7e4a3860".into()))
        );
        assert_eq!(parse_rustc("rustc 1.95.0\n"), None);
    }

    #[test]
    fn the_record_round_trips_and_rejects_unknown_keys() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("verified-with.toml");
        assert_eq!(Versions::load(&path), Ok(None));
        let v = versions("1.95.0", "5980");
        std::fs::write(&path, v.to_toml()).unwrap();
        assert_eq!(Versions::load(&path), Ok(Some(v)));
        std::fs::write(&path, "rustc = \"1.95.0\"\ncargo = \"1\"\n").unwrap();
        assert!(Versions::load(&path).unwrap_err().contains("unknown key `cargo`"));
        std::fs::write(&path, "clippy = \"x\"\n").unwrap();
        assert!(Versions::load(&path).unwrap_err().contains("no `rustc` version recorded"));
    }

    #[test]
    fn a_mismatch_has_one_headline_per_tool() {
        let old = versions("1.95.0", "59807616e1fa");
        assert_eq!(compare(&old, &old), None);
        let mut new = versions("1.97.0-nightly", "e50aa6fba4e6");
        new.valgrind = None;
        let m = compare(&old, &new).unwrap();
        assert_eq!(
            m.headlines,
            ["snapshots verified with rustc 1.95.0; this is rustc 1.97.0-nightly — compiler \
              messages, std line numbers, valgrind frames and Clippy output may differ"]
        );
        assert_eq!(
            (m.rustc, m.clippy, m.valgrind, m.pinned.as_str()),
            (true, false, false, "1.95.0")
        );
        // Two nightlies of one release are told apart by their commits.
        let a = versions("1.97.0-nightly", "e50aa6fba4e6");
        let b = versions("1.97.0-nightly", "0123456789ab");
        assert!(compare(&a, &b).unwrap().headlines[0].starts_with(
            "snapshots verified with rustc 1.97.0-nightly (e50aa6fba); this is rustc 1.97.0-nightly (012345678)"
        ));
        let mut grind = old.clone();
        grind.valgrind = Some("valgrind-3.22.0".into());
        let m = compare(&old, &grind).unwrap();
        assert_eq!((m.rustc, m.valgrind), (false, true));
        assert_eq!(
            m.headlines,
            ["snapshots verified with valgrind-3.19.0; this is valgrind-3.22.0 — valgrind frames \
              and leak reports may differ"]
        );
    }

    #[test]
    fn new_wording_with_the_same_codes_is_rendering() {
        let old = "error[E0308]: mismatched types\n --> src/main.rs:2:18\n";
        let new = "error[E0308]: types differ\n --> src/main.rs:2:18\n  = help: try this\n";
        assert_eq!(classify(Snapshot::Diagnostics, old, new), Class::Rendering);
        let lost = "error[E0072]: recursive type\n\nerror[E0391]: cycle detected\n";
        let only = "error[E0072]: recursive type has infinite size\n";
        assert_eq!(classify(Snapshot::Diagnostics, lost, only), Class::Outcome);
        let twice = "warning: needless borrow\nwarning: needless borrow\n";
        assert_eq!(
            classify(Snapshot::Clippy, twice, "warning: this borrow\nwarning: this borrow\n"),
            Class::Rendering
        );
        assert_eq!(classify(Snapshot::Clippy, twice, "warning: this borrow\n"), Class::Outcome);
    }

    #[test]
    fn std_lines_and_valgrind_frames_are_rendering_stdout_is_outcome() {
        let program = Snapshot::Program { unordered: false };
        let old = "1\n\nthread 'main' (TID) panicked at $RUST/core/src/cell.rs:1010:9:\nalready borrowed\n";
        let moved = old.replace("cell.rs:1010:9", "cell.rs:1122:5");
        assert_eq!(classify(program, old, &moved), Class::Rendering);
        assert_eq!(classify(program, old, &old.replace("already", "now")), Class::Outcome);
        assert_eq!(classify(program, old, &old.replace("1\n", "2\n")), Class::Outcome);
        let leak = "==PID==    at 0x…: malloc (vg_replace_malloc.c:381)\n==PID==    by 0x…: alloc::alloc::alloc (alloc.rs:95)\n==PID==    definitely lost: 4 bytes in 1 blocks\n";
        let renamed = leak.replace("alloc::alloc::alloc (alloc.rs:95)", "alloc::raw (alloc.rs:90)");
        assert_eq!(classify(program, leak, &renamed), Class::Rendering);
        let more = leak.replace("4 bytes", "8 bytes");
        assert_eq!(classify(program, leak, &more), Class::Outcome, "how much leaks is outcome");
        let unordered = Snapshot::Program { unordered: true };
        assert_eq!(classify(unordered, "a\nb\n", "b\na\n"), Class::Rendering);
        assert_eq!(classify(program, "a\nb\n", "b\na\n"), Class::Outcome);
    }
}
