//! The pinned book tools, installed into `.tools/` (never globally) and only when missing.

use std::path::Path;

/// (crate, version): the versions verified to work together on Rust 1.95.
pub const PINNED: [(&str, &str); 4] = [
    ("mdbook", "0.5.4"),
    ("mdbook-mermaid", "0.17.1"),
    ("mdbook-quiz", "0.5.0"),
    ("mdbook-linkcheck2", "0.13.0"),
];

pub const DIR: &str = ".tools";

/// Mutation testing of the harness (`cargo xtask mutants`): installed on first use only, not
/// by `cargo xtask test`.
pub const MUTANTS: [(&str, &str); 1] = [("cargo-mutants", "27.1.0")];

pub fn ensure(root: &Path) -> Result<(), String> {
    install(root, &PINNED)
}

pub fn install(root: &Path, tools: &[(&'static str, &'static str)]) -> Result<(), String> {
    let missing: Vec<String> = missing(root, tools)
        .into_iter()
        .map(|(name, version)| format!("{name}@{version}"))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    // `cargo xtask test` installs beside the other phases: its compile lines would be mixed
    // into theirs, so they go to a log, shown only if the install fails.
    let build_dir = root.join("target/tools-build");
    std::fs::create_dir_all(&build_dir).map_err(|e| format!("{}: {e}", build_dir.display()))?;
    let log_path = build_dir.join("install.log");
    let log = std::fs::File::create(&log_path)
        .map_err(|e| format!("cannot write {}: {e}", log_path.display()))?;
    let log_err = log.try_clone().map_err(|e| e.to_string())?;
    eprintln!(
        "Installing {} into {DIR}/ with `cargo install --locked` (log: {}).\n\
         This compiles them from source (unoptimised): 4 to 7 minutes on 2 cores, once. \
         Later runs start at once.",
        missing.join(", "),
        log_path.strip_prefix(root).unwrap_or(&log_path).display()
    );
    let status = crate::cargo()
        .args(["install", "--locked", "--root"])
        .arg(root.join(DIR))
        .args(&missing)
        // One build dir for all four: the dependencies they share compile once, not four times.
        .env("CARGO_TARGET_DIR", &build_dir)
        // Unoptimised, the four install in 4 minutes instead of 7 (opt-level 1) or about 9
        // (release) on 2 cores; this book then builds in 5.7 s instead of 3.9 s.
        .env("CARGO_PROFILE_RELEASE_OPT_LEVEL", "0")
        .env("CARGO_PROFILE_RELEASE_DEBUG", "false")
        .stdout(log)
        .stderr(log_err)
        .status()
        .map_err(|e| format!("could not start cargo install: {e}"))?;
    if !status.success() {
        let text = std::fs::read_to_string(&log_path).unwrap_or_default();
        let lines: Vec<&str> = text.lines().collect();
        let tail = &lines[lines.len().saturating_sub(30)..];
        return Err(format!(
            "cargo install {} failed; the end of {}:\n{}",
            missing.join(" "),
            log_path.display(),
            tail.join("\n")
        ));
    }
    eprintln!("Installed {} into {DIR}/.", missing.join(", "));
    match self::missing(root, tools).as_slice() {
        [] => Ok(()),
        still => Err(format!("after cargo install, still missing: {still:?}")),
    }
}

/// Reads cargo's own record of what it installed (`.crates.toml`), so checking costs no process.
fn missing(
    root: &Path,
    tools: &[(&'static str, &'static str)],
) -> Vec<(&'static str, &'static str)> {
    let record = std::fs::read_to_string(root.join(DIR).join(".crates.toml")).unwrap_or_default();
    tools
        .iter()
        .copied()
        .filter(|(name, version)| {
            let installed = record.contains(&format!("\"{name} {version} ("));
            !installed || !root.join(DIR).join("bin").join(name).is_file()
        })
        .collect()
}

/// PATH with the tools first, so mdbook finds its preprocessors and renderers there.
pub fn path_with_tools(root: &Path) -> std::ffi::OsString {
    let mut paths = vec![root.join(DIR).join("bin")];
    paths.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    std::env::join_paths(paths).expect("PATH entries contain no separator")
}
