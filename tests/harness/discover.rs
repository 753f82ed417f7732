//! Finds the listings (workspace members under `listings/`) and reads the outcome each one
//! declares in `[package.metadata.listing]` of its `Cargo.toml`.

use std::path::{Path, PathBuf};
use std::sync::LazyLock;
use std::time::Duration;

use regex::Regex;
use serde::Deserialize;

/// How long a listing may run before it counts as hung (or, for `deadlock`, as blocked).
const DEFAULT_RUN_LIMIT: Duration = Duration::from_secs(10);
const DEFAULT_DEADLOCK_WAIT: Duration = Duration::from_secs(2);

pub struct Listing {
    /// Path below `listings/`, e.g. `ch01-smart-pointers/01-box`: the test's name.
    pub name: String,
    pub dir: PathBuf,
    /// Cargo package name, for `cargo build --package`.
    pub package: String,
    /// Cargo package id, which build messages and artifacts are attributed to.
    pub id: String,
    /// A broken declaration fails this listing's own test, not the whole suite.
    pub spec: Result<Spec, String>,
}

impl Listing {
    pub fn snapshot(&self) -> PathBuf {
        self.dir.join("output.txt")
    }

    /// What Clippy said, when the listing declares Clippy runs.
    pub fn clippy_snapshot(&self) -> PathBuf {
        self.dir.join("clippy.txt")
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    Run,
    CompileFail { errors: Vec<String> },
    Panic { message: String },
    Deadlock,
    Leak,
    Crash { message: String },
    Test,
}

impl Kind {
    pub fn label(&self) -> &'static str {
        match self {
            Kind::Run => "run",
            Kind::CompileFail { .. } => "compile-fail",
            Kind::Panic { .. } => "panic",
            Kind::Deadlock => "deadlock",
            Kind::Leak => "leak",
            Kind::Crash { .. } => "crash",
            Kind::Test => "test",
        }
    }
}

pub struct Spec {
    pub kind: Kind,
    /// For `deadlock`: how long it must stay blocked; for the rest: how long it may run.
    pub timeout: Duration,
    /// `run` listings that promise not to leak, proven with valgrind.
    pub check_leaks: bool,
    /// `leak` listings whose page shows where each lost block was allocated.
    pub loss_records: bool,
    /// Listings under valgrind whose page shows every line of its leak summary, "possibly lost"
    /// and "still reachable" too.
    pub full_leak_summary: bool,
    /// Output lines may come in any order (threads): compare them sorted.
    pub unordered: bool,
    pub redact: Vec<(Regex, String)>,
    /// Clippy runs whose findings the book reports.
    pub clippy: Vec<ClippyRun>,
}

/// One `cargo clippy -- ARGS` and the lints it must report: no more, no fewer.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClippyRun {
    #[serde(default)]
    pub args: Vec<String>,
    pub lints: Vec<String>,
}

/// `[package.metadata.listing]` exactly as written; `deny_unknown_fields` turns typos into errors.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Declared {
    kind: String,
    errors: Option<Vec<String>>,
    message: Option<String>,
    timeout_secs: Option<f64>,
    #[serde(default)]
    check_leaks: bool,
    #[serde(default)]
    loss_records: bool,
    #[serde(default)]
    full_leak_summary: bool,
    #[serde(default)]
    unordered: bool,
    #[serde(default)]
    redact: Vec<Redaction>,
    #[serde(default)]
    clippy: Vec<ClippyRun>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Redaction {
    regex: String,
    with: String,
}

pub fn listings(metadata: &cargo_metadata::Metadata, root: &Path) -> Vec<Listing> {
    let listings_dir = root.join("listings");
    let mut found: Vec<Listing> = metadata
        .workspace_packages()
        .into_iter()
        .filter_map(|package| {
            let manifest = package.manifest_path.clone().into_std_path_buf();
            let dir = manifest.parent()?.to_path_buf();
            let name = dir.strip_prefix(&listings_dir).ok()?.to_string_lossy().into_owned();
            Some(Listing {
                spec: parse_spec(&package.metadata).map_err(|why| {
                    format!("{}: [package.metadata.listing]: {why}", manifest.display())
                }),
                name,
                dir,
                package: package.name.to_string(),
                id: package.id.repr.clone(),
            })
        })
        .collect();
    found.sort_by(|a, b| a.name.cmp(&b.name));
    found
}

fn parse_spec(metadata: &serde_json::Value) -> Result<Spec, String> {
    let Some(table) = metadata.get("listing") else {
        let found = metadata.as_object().into_iter().flat_map(|o| o.keys()).next();
        let hint = found
            .map(|key| format!(" (found [package.metadata.{key}]: the table is named `listing`)"))
            .unwrap_or_default();
        return Err(format!(
            "missing: every listing declares its expected outcome, e.g. `kind = \"run\"`{hint}"
        ));
    };
    let declared: Declared = serde_json::from_value(table.clone()).map_err(|e| e.to_string())?;
    let kind = match declared.kind.as_str() {
        "run" => Kind::Run,
        "compile-fail" => match &declared.errors {
            Some(errors) if !errors.is_empty() => {
                // An error code, or the name of a lint that denies by default (these have no code).
                let code = Regex::new(r"^(E\d{4}|[a-z][a-z_]*(::[a-z_]+)?)$").unwrap();
                if let Some(bad) = errors.iter().find(|e| !code.is_match(e)) {
                    return Err(format!(
                        "`errors` holds {bad:?}, which is neither an error code like \"E0502\" nor a lint name"
                    ));
                }
                let mut errors = errors.clone();
                errors.sort();
                errors.dedup();
                Kind::CompileFail { errors }
            }
            _ => return Err("a compile-fail listing needs `errors = [\"E....\"]`, the error codes (or deny-by-default lint names) it must fail with".into()),
        },
        "panic" => Kind::Panic { message: required_message(&declared)? },
        "deadlock" => Kind::Deadlock,
        "leak" => Kind::Leak,
        "crash" => Kind::Crash { message: required_message(&declared)? },
        "test" => Kind::Test,
        other => {
            return Err(format!(
                "unknown kind {other:?}; expected one of run, compile-fail, panic, deadlock, leak, crash, test"
            ));
        }
    };
    if declared.errors.is_some() && !matches!(kind, Kind::CompileFail { .. }) {
        return Err("`errors` only applies to kind = \"compile-fail\"".into());
    }
    if declared.message.is_some() && !matches!(kind, Kind::Panic { .. } | Kind::Crash { .. }) {
        return Err("`message` only applies to kind = \"panic\" or \"crash\"".into());
    }
    if declared.check_leaks && kind != Kind::Run {
        return Err(
            "`check-leaks` only applies to kind = \"run\" (a leak listing is always checked)"
                .into(),
        );
    }
    if declared.loss_records && kind != Kind::Leak {
        return Err("`loss-records` only applies to kind = \"leak\"".into());
    }
    if declared.full_leak_summary && !(kind == Kind::Leak || declared.check_leaks) {
        return Err("`full-leak-summary` needs a run under valgrind: kind = \"leak\", or \
                    `check-leaks = true`"
            .into());
    }
    let timeout = match declared.timeout_secs {
        Some(secs) if !(secs > 0.0 && secs <= 120.0) => {
            return Err(format!("`timeout-secs = {secs}` must be between 0 and 120"));
        }
        Some(secs) => Duration::from_secs_f64(secs),
        None if kind == Kind::Deadlock => DEFAULT_DEADLOCK_WAIT,
        None => DEFAULT_RUN_LIMIT,
    };
    let redact = declared
        .redact
        .into_iter()
        .map(|r| {
            Regex::new(&r.regex)
                .map(|re| (re, r.with))
                .map_err(|e| format!("`redact` regex {:?} does not compile: {e}", r.regex))
        })
        .collect::<Result<_, _>>()?;
    let mut clippy = declared.clippy;
    for run in &mut clippy {
        if let Some(bad) = run.lints.iter().find(|l| !LINT_NAME.is_match(l)) {
            return Err(format!(
                "a `clippy` run's `lints` holds {bad:?}, which is not a lint name like \"clippy::needless_borrow\""
            ));
        }
        run.lints.sort();
        run.lints.dedup();
    }
    if matches!(kind, Kind::CompileFail { .. }) && !clippy.is_empty() {
        return Err("`clippy` runs need a listing that compiles".into());
    }
    Ok(Spec {
        kind,
        timeout,
        check_leaks: declared.check_leaks,
        loss_records: declared.loss_records,
        full_leak_summary: declared.full_leak_summary,
        unordered: declared.unordered,
        redact,
        clippy,
    })
}

static LINT_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(clippy::)?[a-z][a-z_]*$").unwrap());

fn required_message(declared: &Declared) -> Result<String, String> {
    match &declared.message {
        Some(m) if !m.is_empty() => Ok(m.clone()),
        _ => Err(format!(
            "a {} listing needs `message = \"...\"`, text its stderr must contain",
            declared.kind
        )),
    }
}
