//! `[package.metadata.listing]` of a listing's `Cargo.toml`: what the listing must do. Read
//! from the manifest's text (not from `cargo metadata`), so every error names its line.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Duration;

use regex::Regex;
use serde::Deserialize;
use toml::Spanned;

use crate::kind::{Kind, NAMES};

/// For `run`-like kinds: the CPU time a listing may use. Wall time only decides "blocked".
pub const DEFAULT_CPU_LIMIT: Duration = Duration::from_secs(10);
/// For `deadlock`: how long it must stay blocked.
pub const DEFAULT_DEADLOCK_WAIT: Duration = Duration::from_secs(2);

#[derive(Debug)]
pub struct Spec {
    pub kind: Kind,
    /// For `deadlock`: how long it must stay blocked; for the rest: the CPU time it may use.
    pub timeout: Duration,
    /// `run` listings that promise not to leak, proven with valgrind.
    pub check_leaks: bool,
    /// `leak` listings whose page shows where each lost block was allocated.
    pub loss_records: bool,
    /// Listings under valgrind whose page shows every line of the leak summary.
    pub full_leak_summary: bool,
    /// Output lines may come in any order (threads): compared as a multiset of lines.
    pub unordered: bool,
    pub redact: Vec<(Regex, String)>,
    /// Clippy runs whose findings the book reports.
    pub clippy: Vec<ClippyRun>,
    /// A `test` listing whose tests must fail, with this text in the report.
    pub failing_tests: Option<String>,
    /// A `compile-fail` library whose error is in its `#[cfg(test)]` code.
    pub in_tests: bool,
    /// An `exercise`: how many times its solution's tests run, each run passing.
    pub runs: u32,
}

impl Spec {
    /// Whether the program runs under valgrind (for an exercise: its solution, with
    /// `check-leaks`; the starter is unfinished and never is).
    pub fn under_valgrind(&self) -> bool {
        self.kind == Kind::Leak || self.check_leaks
    }

    /// The words above the listing's verified output: its kind's, and, where the output ends
    /// with valgrind's whole summary of a program that must not leak, that too (the program
    /// did not print it).
    pub fn output_label(&self) -> String {
        let label = self.kind.output_label(self.timeout);
        if self.full_leak_summary && self.kind != Kind::Leak {
            format!("{label}, then valgrind’s leak summary")
        } else {
            label
        }
    }
}

/// One `cargo clippy -- ARGS` and the lints it must report: no more, no fewer.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClippyRun {
    #[serde(default)]
    pub args: Vec<String>,
    pub lints: Vec<String>,
}

/// A declaration the harness cannot accept: the manifest, the line, and what is wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct SpecError {
    pub manifest: PathBuf,
    /// 1-based; `None` when the problem is the table's absence.
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for SpecError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{line}: ", self.manifest.display())?,
            None => write!(f, "{}: ", self.manifest.display())?,
        }
        write!(f, "[package.metadata.listing]: {}", self.message)
    }
}

/// First pass: which tables `[package.metadata]` holds (for the hint when `listing` is missing).
#[derive(Deserialize)]
struct Manifest<M> {
    package: Option<Package<M>>,
}

#[derive(Deserialize)]
struct Package<M> {
    metadata: Option<M>,
}

/// Second pass: the listing table, with its fields' spans (the other tables are ignored).
#[derive(Deserialize)]
struct Metadata {
    listing: Option<Declared>,
}

/// `[package.metadata.listing]` exactly as written; `deny_unknown_fields` turns typos into errors.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Declared {
    kind: Spanned<String>,
    errors: Option<Spanned<Vec<String>>>,
    message: Option<Spanned<String>>,
    timeout_secs: Option<Spanned<f64>>,
    check_leaks: Option<Spanned<bool>>,
    loss_records: Option<Spanned<bool>>,
    full_leak_summary: Option<Spanned<bool>>,
    unordered: Option<Spanned<bool>>,
    #[serde(default)]
    redact: Vec<Spanned<Redaction>>,
    #[serde(default)]
    clippy: Vec<Spanned<ClippyRun>>,
    failing_tests: Option<Spanned<String>>,
    in_tests: Option<Spanned<bool>>,
    starter_fails: Option<Spanned<String>>,
    runs: Option<Spanned<i64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Redaction {
    regex: String,
    with: String,
}

static CODE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(E\d{4}|[a-z][a-z_]*(::[a-z_]+)?)$").unwrap());
static LINT_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(clippy::)?[a-z][a-z_]*$").unwrap());

/// Parses the listing table of the manifest at `manifest` whose text is `text`.
pub fn parse(manifest: &Path, text: &str) -> Result<Spec, SpecError> {
    let line_of = |span: Range<usize>| {
        let start = span.start.min(text.len());
        text[..start].matches('\n').count() + 1
    };
    let error = |span: Option<Range<usize>>, message: String| SpecError {
        manifest: manifest.to_path_buf(),
        line: span.map(line_of),
        message,
    };
    let toml_error =
        |e: toml::de::Error| error(e.span(), e.message().trim_end().replace('\n', " "));
    let tables: Manifest<toml::Table> = toml::from_str(text).map_err(toml_error)?;
    let metadata = tables.package.and_then(|p| p.metadata).unwrap_or_default();
    if !metadata.contains_key("listing") {
        let hint = metadata
            .keys()
            .next()
            .map(|key| format!(" (found [package.metadata.{key}]: the table is named `listing`)"))
            .unwrap_or_default();
        return Err(error(
            None,
            format!(
                "missing: every listing declares its expected outcome, e.g. `kind = \"run\"`{hint}"
            ),
        ));
    }
    let parsed: Manifest<Metadata> = toml::from_str(text).map_err(toml_error)?;
    let declared = parsed
        .package
        .and_then(|p| p.metadata)
        .and_then(|m| m.listing)
        .ok_or_else(|| error(None, "cannot be read".into()))?;
    from_declared(declared, &error)
}

fn from_declared(
    declared: Declared,
    error: &dyn Fn(Option<Range<usize>>, String) -> SpecError,
) -> Result<Spec, SpecError> {
    let at = |s: &Range<usize>| Some(s.clone());
    let kind_span = declared.kind.span();
    let kind = match declared.kind.get_ref().as_str() {
        "run" => Kind::Run,
        "compile-fail" => match &declared.errors {
            Some(errors) if !errors.get_ref().is_empty() => {
                if let Some(bad) = errors.get_ref().iter().find(|e| !CODE.is_match(e)) {
                    return Err(error(
                        at(&errors.span()),
                        format!("`errors` holds {bad:?}, which is neither an error code like \"E0502\" nor a lint name"),
                    ));
                }
                let mut errors = errors.get_ref().clone();
                errors.sort();
                errors.dedup();
                Kind::CompileFail { errors }
            }
            _ => return Err(error(
                at(&kind_span),
                "a compile-fail listing needs `errors = [\"E....\"]`, the error codes (or deny-by-default lint names) it must fail with".into(),
            )),
        },
        "panic" => Kind::Panic { message: required_message(&declared, error)? },
        "deadlock" => Kind::Deadlock,
        "leak" => Kind::Leak,
        "crash" => Kind::Crash { message: required_message(&declared, error)? },
        "test" => Kind::Test,
        "exercise" => match &declared.starter_fails {
            Some(text) if !text.get_ref().trim().is_empty() => {
                Kind::Exercise { starter_fails: text.get_ref().clone() }
            }
            _ => return Err(error(
                at(&kind_span),
                "an exercise needs `starter-fails = \"...\"`, the text every failing test of the starter must report (`todo!()` says \"not yet implemented\")".into(),
            )),
        },
        other => {
            return Err(error(
                at(&kind_span),
                format!("unknown kind {other:?}; expected one of {}", NAMES.join(", ")),
            ));
        }
    };
    let only = |key: &str, span: Option<Range<usize>>, applies: bool, to: &str| {
        if span.is_some() && !applies {
            Err(error(span, format!("`{key}` only applies to {to}")))
        } else {
            Ok(())
        }
    };
    let span = |o: &Option<Spanned<bool>>| o.as_ref().map(Spanned::span);
    let flag = |o: &Option<Spanned<bool>>| o.as_ref().is_some_and(|s| *s.get_ref());
    let is_compile_fail = matches!(kind, Kind::CompileFail { .. });
    only(
        "errors",
        declared.errors.as_ref().map(Spanned::span),
        is_compile_fail,
        "kind = \"compile-fail\"",
    )?;
    only(
        "message",
        declared.message.as_ref().map(Spanned::span),
        matches!(kind, Kind::Panic { .. } | Kind::Crash { .. }),
        "kind = \"panic\" or \"crash\"",
    )?;
    let is_exercise = matches!(kind, Kind::Exercise { .. });
    only(
        "check-leaks",
        span(&declared.check_leaks),
        kind == Kind::Run || is_exercise,
        "kind = \"run\" or \"exercise\" (a leak listing is always checked)",
    )?;
    only(
        "starter-fails",
        declared.starter_fails.as_ref().map(Spanned::span),
        is_exercise,
        "kind = \"exercise\"",
    )?;
    only("runs", declared.runs.as_ref().map(Spanned::span), is_exercise, "kind = \"exercise\"")?;
    let runs = match &declared.runs {
        Some(n) if !(1..=20).contains(n.get_ref()) => {
            return Err(error(
                at(&n.span()),
                format!("`runs = {}` must be between 1 and 20", n.get_ref()),
            ));
        }
        Some(n) => *n.get_ref() as u32,
        None => 1,
    };
    only("loss-records", span(&declared.loss_records), kind == Kind::Leak, "kind = \"leak\"")?;
    if declared.full_leak_summary.is_some() && !(kind == Kind::Leak || flag(&declared.check_leaks))
    {
        return Err(error(
            span(&declared.full_leak_summary),
            "`full-leak-summary` needs a run under valgrind: kind = \"leak\", or `check-leaks = true`"
                .into(),
        ));
    }
    // A compile-fail listing produces no program output: these would be silently ignored.
    let no_program = "listings that run (not kind = \"compile-fail\", whose diagnostics are shown as rustc renders them)";
    only("unordered", span(&declared.unordered), !is_compile_fail, no_program)?;
    only("redact", declared.redact.first().map(Spanned::span), !is_compile_fail, no_program)?;
    only(
        "timeout-secs",
        declared.timeout_secs.as_ref().map(Spanned::span),
        !is_compile_fail,
        no_program,
    )?;
    only(
        "failing-tests",
        declared.failing_tests.as_ref().map(Spanned::span),
        kind == Kind::Test,
        "kind = \"test\"",
    )?;
    only("in-tests", span(&declared.in_tests), is_compile_fail, "kind = \"compile-fail\"")?;
    let timeout = match &declared.timeout_secs {
        Some(secs) if !(*secs.get_ref() > 0.0 && *secs.get_ref() <= 120.0) => {
            return Err(error(
                at(&secs.span()),
                format!("`timeout-secs = {}` must be between 0 and 120", secs.get_ref()),
            ));
        }
        Some(secs) => Duration::from_secs_f64(*secs.get_ref()),
        None if kind == Kind::Deadlock => DEFAULT_DEADLOCK_WAIT,
        None => DEFAULT_CPU_LIMIT,
    };
    let mut redact = Vec::new();
    for r in declared.redact {
        let span = r.span();
        let r = r.into_inner();
        let regex = Regex::new(&r.regex).map_err(|e| {
            error(at(&span), format!("`redact` regex {:?} does not compile: {e}", r.regex))
        })?;
        redact.push((regex, r.with));
    }
    let mut clippy = Vec::new();
    for run in declared.clippy {
        let span = run.span();
        let mut run = run.into_inner();
        if let Some(bad) = run.lints.iter().find(|l| !LINT_NAME.is_match(l)) {
            return Err(error(
                at(&span),
                format!(
                    "a `clippy` run's `lints` holds {bad:?}, which is not a lint name like \"clippy::needless_borrow\""
                ),
            ));
        }
        if is_compile_fail {
            return Err(error(at(&span), "`clippy` runs need a listing that compiles".into()));
        }
        run.lints.sort();
        run.lints.dedup();
        clippy.push(run);
    }
    let failing_tests = match declared.failing_tests {
        Some(m) if m.get_ref().is_empty() => {
            return Err(error(
                at(&m.span()),
                "`failing-tests` is the text the failing tests' report must contain; it is empty"
                    .into(),
            ));
        }
        other => other.map(Spanned::into_inner),
    };
    Ok(Spec {
        kind,
        timeout,
        check_leaks: flag(&declared.check_leaks),
        loss_records: flag(&declared.loss_records),
        full_leak_summary: flag(&declared.full_leak_summary),
        unordered: flag(&declared.unordered),
        redact,
        clippy,
        failing_tests,
        in_tests: flag(&declared.in_tests),
        runs,
    })
}

fn required_message(
    declared: &Declared,
    error: &dyn Fn(Option<Range<usize>>, String) -> SpecError,
) -> Result<String, SpecError> {
    match &declared.message {
        Some(m) if !m.get_ref().is_empty() => Ok(m.get_ref().clone()),
        _ => Err(error(
            Some(declared.kind.span()),
            format!(
                "a {} listing needs `message = \"...\"`, text its stderr must contain",
                declared.kind.get_ref()
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(table: &str) -> Result<Spec, SpecError> {
        let text = format!(
            "[package]\nname = \"x\"\nversion = \"0.1.0\"\n\n[package.metadata.listing]\n{table}\n"
        );
        parse(Path::new("listings/ch/01-x/Cargo.toml"), &text)
    }

    fn fails(table: &str) -> String {
        spec(table).expect_err("must be rejected").to_string()
    }

    #[test]
    fn a_run_listing_gets_the_defaults() {
        let s = spec("kind = \"run\"").unwrap();
        assert_eq!(s.kind, Kind::Run);
        assert_eq!(s.timeout, DEFAULT_CPU_LIMIT);
        assert!(!s.check_leaks && !s.unordered && s.redact.is_empty() && s.clippy.is_empty());
        assert!(!s.under_valgrind());
    }

    #[test]
    fn a_shown_leak_summary_of_a_program_that_must_not_leak_is_named_in_its_label() {
        let shown = spec("kind = \"run\"\ncheck-leaks = true\nfull-leak-summary = true").unwrap();
        assert_eq!(shown.output_label(), "Output, then valgrind’s leak summary");
        assert_eq!(spec("kind = \"run\"\ncheck-leaks = true").unwrap().output_label(), "Output");
        let leak = spec("kind = \"leak\"\nfull-leak-summary = true").unwrap();
        assert_eq!(leak.output_label(), "Leak report");
    }

    #[test]
    fn an_exercise_declares_why_its_starter_fails_and_how_often_its_solution_runs() {
        let s = spec("kind = \"exercise\"\nstarter-fails = \"not yet implemented\"").unwrap();
        assert_eq!(s.kind, Kind::Exercise { starter_fails: "not yet implemented".into() });
        assert_eq!((s.runs, s.check_leaks), (1, false));
        let s = spec("kind = \"exercise\"\nstarter-fails = \"x\"\nruns = 5\ncheck-leaks = true")
            .unwrap();
        assert_eq!((s.runs, s.under_valgrind()), (5, true));
        assert!(fails("kind = \"exercise\"").contains("needs `starter-fails"));
        assert!(
            fails("kind = \"exercise\"\nstarter-fails = \" \"").contains("needs `starter-fails")
        );
        let zero = fails("kind = \"exercise\"\nstarter-fails = \"x\"\nruns = 0");
        assert!(zero.contains(":8: ") && zero.contains("between 1 and 20"), "{zero}");
        assert!(
            fails("kind = \"test\"\nruns = 3")
                .contains("`runs` only applies to kind = \"exercise\"")
        );
        assert!(
            fails("kind = \"run\"\nstarter-fails = \"x\"")
                .contains("`starter-fails` only applies to kind = \"exercise\"")
        );
    }

    #[test]
    fn a_deadlock_waits_two_seconds_unless_told() {
        assert_eq!(spec("kind = \"deadlock\"").unwrap().timeout, Duration::from_secs(2));
        let s = spec("kind = \"deadlock\"\ntimeout-secs = 1.5").unwrap();
        assert_eq!(s.timeout, Duration::from_millis(1500));
    }

    #[test]
    fn compile_fail_codes_are_sorted_and_deduplicated() {
        let s =
            spec("kind = \"compile-fail\"\nerrors = [\"E0502\", \"E0499\", \"E0502\"]").unwrap();
        assert_eq!(s.kind, Kind::CompileFail { errors: vec!["E0499".into(), "E0502".into()] });
        let s = spec("kind = \"compile-fail\"\nerrors = [\"let_underscore_lock\"]").unwrap();
        assert_eq!(s.kind, Kind::CompileFail { errors: vec!["let_underscore_lock".into()] });
    }

    #[test]
    fn errors_name_the_manifest_and_the_line() {
        assert_eq!(
            fails("kind = \"explode\""),
            "listings/ch/01-x/Cargo.toml:6: [package.metadata.listing]: unknown kind \"explode\"; \
             expected one of run, compile-fail, panic, deadlock, leak, crash, test, exercise"
        );
        let typo = fails("kind = \"run\"\ntimeout-sec = 3");
        assert!(typo.starts_with("listings/ch/01-x/Cargo.toml:7: "), "{typo}");
        assert!(typo.contains("unknown field `timeout-sec`"), "{typo}");
        let bad_type = fails("kind = \"run\"\nunordered = \"yes\"");
        assert!(bad_type.starts_with("listings/ch/01-x/Cargo.toml:7: "), "{bad_type}");
    }

    #[test]
    fn a_missing_table_is_named_with_a_hint() {
        let text = "[package]\nname = \"x\"\n\n[package.metadata.listings]\nkind = \"run\"\n";
        let e = parse(Path::new("C.toml"), text).unwrap_err().to_string();
        assert!(e.contains("missing: every listing declares"), "{e}");
        assert!(e.contains("found [package.metadata.listings]: the table is named `listing`"));
        let e = parse(Path::new("C.toml"), "[package]\nname = \"x\"\n").unwrap_err();
        assert_eq!(e.line, None);
        assert!(!e.message.contains("found"));
    }

    #[test]
    fn keys_are_rejected_where_they_have_no_effect() {
        let cf = "kind = \"compile-fail\"\nerrors = [\"E0502\"]\n";
        for (extra, key) in [
            ("unordered = true", "`unordered` only applies"),
            ("redact = [{ regex = \"a\", with = \"b\" }]", "`redact` only applies"),
            ("timeout-secs = 3", "`timeout-secs` only applies"),
            ("message = \"m\"", "`message` only applies"),
            ("check-leaks = true", "`check-leaks` only applies"),
            ("failing-tests = \"m\"", "`failing-tests` only applies"),
            (
                "[[package.metadata.listing.clippy]]\nlints = []",
                "`clippy` runs need a listing that compiles",
            ),
        ] {
            let e = fails(&format!("{cf}{extra}"));
            assert!(e.contains(key), "{extra}: {e}");
            assert!(e.starts_with("listings/ch/01-x/Cargo.toml:8: "), "{extra}: {e}");
        }
        assert!(fails("kind = \"run\"\nerrors = [\"E0502\"]").contains("`errors` only applies"));
        assert!(fails("kind = \"run\"\nloss-records = true").contains("`loss-records` only"));
        assert!(fails("kind = \"run\"\nin-tests = true").contains("`in-tests` only applies"));
        assert!(fails("kind = \"run\"\nfull-leak-summary = true").contains("needs a run under"));
        // check-leaks = false still says the key is out of place: it would be read as a promise.
        assert!(fails("kind = \"leak\"\ncheck-leaks = false").contains("`check-leaks` only"));
    }

    #[test]
    fn values_are_checked() {
        assert!(fails("kind = \"compile-fail\"").contains("needs `errors"));
        assert!(fails("kind = \"compile-fail\"\nerrors = []").contains("needs `errors"));
        assert!(
            fails("kind = \"compile-fail\"\nerrors = [\"e502\"]").contains("neither an error code")
        );
        assert!(fails("kind = \"panic\"").contains("needs `message"));
        assert!(fails("kind = \"crash\"\nmessage = \"\"").contains("needs `message"));
        assert!(fails("kind = \"run\"\ntimeout-secs = 0").contains("must be between 0 and 120"));
        assert!(fails("kind = \"run\"\ntimeout-secs = 121").contains("must be between 0 and 120"));
        assert!(spec("kind = \"run\"\ntimeout-secs = 120").is_ok());
        assert!(
            fails("kind = \"run\"\nredact = [{ regex = \"(\", with = \"\" }]")
                .contains("does not compile")
        );
        assert!(fails("kind = \"test\"\nfailing-tests = \"\"").contains("it is empty"));
        let lint = fails(
            "kind = \"run\"\n[[package.metadata.listing.clippy]]\nlints = [\"needless borrow\"]",
        );
        assert!(lint.contains("not a lint name"), "{lint}");
    }

    #[test]
    fn clippy_runs_and_flags_are_read() {
        let s = spec(
            "kind = \"run\"\ncheck-leaks = true\nfull-leak-summary = true\nunordered = true\n\
             redact = [{ regex = \"0x[0-9a-f]+\", with = \"0x[addr]\" }]\n\
             [[package.metadata.listing.clippy]]\nargs = [\"-W\", \"clippy::mem_forget\"]\n\
             lints = [\"clippy::mem_forget\", \"clippy::a\", \"clippy::a\"]",
        )
        .unwrap();
        assert!(s.check_leaks && s.full_leak_summary && s.unordered && s.under_valgrind());
        assert_eq!(s.redact[0].0.replace_all("at 0x1f", s.redact[0].1.as_str()), "at 0x[addr]");
        assert_eq!(s.clippy[0].args, ["-W", "clippy::mem_forget"]);
        assert_eq!(s.clippy[0].lints, ["clippy::a", "clippy::mem_forget"]);
        let p = spec("kind = \"panic\"\nmessage = \"boom\"").unwrap();
        assert_eq!(p.kind, Kind::Panic { message: "boom".into() });
        let c = spec("kind = \"crash\"\nmessage = \"overflow\"").unwrap();
        assert_eq!(c.kind, Kind::Crash { message: "overflow".into() });
        let t = spec("kind = \"test\"\nfailing-tests = \"assertion\"").unwrap();
        assert_eq!(t.failing_tests.as_deref(), Some("assertion"));
        let c = spec("kind = \"compile-fail\"\nerrors = [\"E0308\"]\nin-tests = true").unwrap();
        assert!(c.in_tests);
        assert!(spec("kind = \"leak\"").unwrap().under_valgrind());
    }
}
