//! The pinned book tools, installed into `.tools/` (never globally) and only when missing.
//!
//! Each command installs only the tools it runs: `serve` and the `book` phase of `test` build
//! the book in-process with mdBook's own library crates (crates/book-build), which also
//! checks its links, and need only mdbook-quiz, which has no library to call.

use std::path::Path;

/// A crate installed with `cargo install --locked NAME@VERSION`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tool {
    pub name: &'static str,
    pub version: &'static str,
}

const fn tool(name: &'static str, version: &'static str) -> Tool {
    Tool { name, version }
}

// The versions verified to work together on Rust 1.95. crates/book-build pins the same
// mdbook (as mdbook-driver and mdbook-html) and mdbook-mermaid in Cargo.toml; the binaries
// are only for `cargo xtask tools`.
pub const MDBOOK: Tool = tool("mdbook", "0.5.4");
pub const MERMAID: Tool = tool("mdbook-mermaid", "0.17.1");
pub const QUIZ: Tool = tool("mdbook-quiz", "0.5.0");

/// `cargo xtask serve`: it builds with crates/book-build too, and serves the book itself.
pub const FOR_SERVE: [Tool; 1] = [QUIZ];
/// The `book` phase: mdbook and mdbook-mermaid run in-process (crates/book-build), and so
/// does the link check that replaced mdbook-linkcheck2 (crates/book-build/src/links.rs).
pub const FOR_BOOK: [Tool; 1] = [QUIZ];
/// `cargo xtask tools`: mdbook-quiz, and the mdbook CLI and mdbook-mermaid for an author who
/// wants `mdbook serve` or `mdbook build` themselves (`.tools/bin`); no command here runs them.
pub const ALL: [Tool; 3] = [MDBOOK, MERMAID, QUIZ];

pub const DIR: &str = ".tools";

/// Mutation testing of the harness (`cargo xtask mutants`): installed on first use only, not
/// by `cargo xtask test`.
pub const MUTANTS: [Tool; 1] = [tool("cargo-mutants", "27.1.0")];

pub fn install(root: &Path, tools: &[Tool]) -> Result<(), String> {
    install_at(root, tools, 0)
}

/// `install` at a lower CPU priority (niceness +10, inherited by cargo's rustc processes), for
/// an install that runs beside a build someone is waiting for: on 2 cores that build then
/// gets the cores it can use, and the install the rest.
pub fn install_in_background(root: &Path, tools: &[Tool]) -> Result<(), String> {
    install_at(root, tools, 10)
}

fn install_at(root: &Path, tools: &[Tool], niceness: i32) -> Result<(), String> {
    let missing = missing(root, tools);
    if missing.is_empty() {
        return Ok(());
    }
    let names: Vec<String> = missing.iter().map(|t| format!("{}@{}", t.name, t.version)).collect();
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
         This compiles them from source (unoptimised), once; later runs start at once.",
        names.join(", "),
        log_path.strip_prefix(root).unwrap_or(&log_path).display()
    );
    let mut cargo = crate::cargo();
    if niceness != 0 {
        use std::os::unix::process::CommandExt;
        // SAFETY: nice is async-signal-safe and touches only the child being started.
        // Relative: under a caller that is niced itself, the install still comes after the
        // build beside it.
        unsafe {
            cargo.pre_exec(move || {
                libc::nice(niceness);
                Ok(())
            });
        }
    }
    let status = cargo
        .args(["install", "--locked", "--root"])
        .arg(root.join(DIR))
        .args(&names)
        // One build dir and one cargo for all of them, one after the other: what their locked
        // dependencies share (mdbook and mdbook-quiz: 95 crates) compiles once. Side by side,
        // each in its own dir, they would compile it twice, and on 2 cores CPU time decides.
        .env("CARGO_TARGET_DIR", &build_dir)
        // Unoptimised, the four tools of that time (with mdbook-linkcheck2) installed in 4
        // minutes instead of 7 (opt-level 1) or about 9 (release) on 2 cores; this book then
        // built in 5.7 s instead of 3.9 s.
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
            names.join(" "),
            log_path.display(),
            tail.join("\n")
        ));
    }
    eprintln!("Installed {} into {DIR}/.", names.join(", "));
    match self::missing(root, tools).as_slice() {
        [] => Ok(()),
        still => Err(format!("after cargo install, still missing: {still:?}")),
    }
}

/// Reads cargo's own record of what it installed (`.crates.toml`), so checking costs no process.
pub fn missing(root: &Path, tools: &[Tool]) -> Vec<Tool> {
    let record = std::fs::read_to_string(root.join(DIR).join(".crates.toml")).unwrap_or_default();
    tools
        .iter()
        .copied()
        .filter(|tool| {
            let installed = record.contains(&format!("\"{} {} (", tool.name, tool.version));
            !installed || !root.join(DIR).join("bin").join(tool.name).is_file()
        })
        .collect()
}

/// PATH with the tools first, so mdbook finds its preprocessors and renderers there.
pub fn path_with_tools(root: &Path) -> std::ffi::OsString {
    let mut paths = vec![root.join(DIR).join("bin")];
    paths.extend(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default()));
    std::env::join_paths(paths).expect("PATH entries contain no separator")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tool_counts_as_installed_only_with_its_record_and_its_binary() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join(DIR);
        std::fs::create_dir_all(dir.join("bin")).unwrap();
        let both = [MERMAID, QUIZ];
        assert_eq!(missing(root.path(), &both), both, "nothing installed");
        std::fs::write(
            dir.join(".crates.toml"),
            "[v1]\n\"mdbook-quiz 0.5.0 (registry+https://github.com/rust-lang/crates.io-index)\" = [\"mdbook-quiz\"]\n\
             \"mdbook-mermaid 0.17.0 (registry+https://github.com/rust-lang/crates.io-index)\" = [\"mdbook-mermaid\"]\n",
        )
        .unwrap();
        assert_eq!(missing(root.path(), &both), both, "recorded, but no binaries");
        std::fs::write(dir.join("bin/mdbook-quiz"), "").unwrap();
        std::fs::write(dir.join("bin/mdbook-mermaid"), "").unwrap();
        assert_eq!(missing(root.path(), &both), [MERMAID], "another version of mdbook-mermaid");
    }
}
