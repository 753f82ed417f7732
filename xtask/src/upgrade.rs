//! `cargo +<toolchain> xtask upgrade-rust`: moves the book to the toolchain it runs under.
//!
//! The harness does the work (it has the classifier, the pages and the diffs): xtask runs the
//! book's suite under this toolchain with `BLESS=1 BOOK_UPGRADE=1 BOOK_REPORT=<report>`, so every
//! snapshot is rewritten from a real run, the harness records the new versions in
//! `verified-with.toml` when every listing passed, and writes the review report. Then, only if
//! the suite passed, xtask pins the toolchain in `rust-toolchain.toml`. xtask does not link the
//! harness: it would then be compiled twice, and its report would miss the run's own results.

use std::path::Path;
use std::process::Command;

use crate::cargo;

/// Where the review report goes, relative to the book's root.
pub const REPORT: &str = "target/upgrade-report.md";

pub fn upgrade(root: &Path) -> Result<(), String> {
    let toml_path = root.join("rust-toolchain.toml");
    let pinned_text = std::fs::read_to_string(&toml_path)
        .map_err(|e| format!("cannot read {}: {e}", toml_path.display()))?;
    let pinned = channel(&pinned_text)
        .ok_or_else(|| format!("{}: no `channel = \"...\"` line", toml_path.display()))?;
    let host = rustc_field("host:")?;
    let active = active_toolchain(&host)?;
    if active == pinned {
        return Err(format!(
            "this is the pinned toolchain ({pinned}, rust-toolchain.toml): run the upgrade under \
             the one to move to, e.g. `rustup toolchain install 1.96.0`, then \
             `cargo +1.96.0 xtask upgrade-rust`"
        ));
    }
    missing_components(&active)?;
    let release = rustc_field("release:")?;
    eprintln!(
        "upgrade-rust: {pinned} → {active} (rustc {release}): blessing every listing, report in {REPORT}"
    );
    let report = root.join(REPORT);
    let _ = std::fs::remove_file(&report);
    let status = cargo()
        .current_dir(root)
        .args(["test", "--test", "listings"])
        .env("RUSTUP_TOOLCHAIN", &active)
        .env("BLESS", "1")
        .env("BOOK_UPGRADE", "1")
        .env("BOOK_REPORT", &report)
        .status()
        .map_err(|e| format!("could not start cargo: {e}"))?;
    let shown = report.strip_prefix(root).unwrap_or(&report).display().to_string();
    if !report.is_file() {
        return Err("the suite wrote no report (did it run every listing?)".into());
    }
    eprintln!("review report: {shown}");
    if !status.success() {
        return Err(format!(
            "not pinned: some checks fail on {active} even after bless (outcome changes: other \
             error codes, panics, leaks; they are first in {shown}). Fix the listings or pages, \
             then run `cargo +{active} xtask upgrade-rust` again; the snapshots blessed so far \
             are in the working tree (`git diff`)"
        ));
    }
    if is_moving(&active) {
        return Err(format!(
            "not pinned: `{active}` is a channel that moves, not a toolchain; install a fixed one \
             (`rustup toolchain install 1.96.0`, or a dated nightly) and run the upgrade with it"
        ));
    }
    std::fs::write(&toml_path, set_channel(&pinned_text, &active))
        .map_err(|e| format!("cannot write {}: {e}", toml_path.display()))?;
    eprintln!(
        "pinned {active} in rust-toolchain.toml; review {shown} and `git diff` (snapshots, \
         verified-with.toml), then commit them together"
    );
    Ok(())
}

/// The harness refuses to bless compile-fail snapshots without rust-src, and the Clippy
/// listings need Clippy: say so before a ten-minute run, not after it.
fn missing_components(active: &str) -> Result<(), String> {
    let sysroot = Command::new("rustc")
        .args(["--print", "sysroot"])
        .output()
        .map_err(|e| format!("could not run `rustc --print sysroot`: {e}"))?;
    let sysroot = std::path::PathBuf::from(String::from_utf8_lossy(&sysroot.stdout).trim());
    let mut missing = Vec::new();
    if !sysroot.join("lib/rustlib/src/rust/library/std").is_dir() {
        missing.push("rust-src");
    }
    if !sysroot.join("bin/clippy-driver").is_file() {
        missing.push("clippy");
    }
    if missing.is_empty() {
        return Ok(());
    }
    Err(format!(
        "{active} lacks {} (the snapshots need them): `rustup component add --toolchain {active} {}`",
        missing.join(" and "),
        missing.join(" ")
    ))
}

/// The toolchain rustup runs this command with, without the host suffix: `1.97.0`, `nightly`.
fn active_toolchain(host: &str) -> Result<String, String> {
    let out = Command::new("rustup")
        .args(["show", "active-toolchain"])
        .output()
        .map_err(|e| format!("could not run `rustup show active-toolchain`: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let name = text.split_whitespace().next().ok_or("rustup names no active toolchain")?;
    Ok(name.strip_suffix(&format!("-{host}")).unwrap_or(name).to_string())
}

fn rustc_field(field: &str) -> Result<String, String> {
    let out = Command::new("rustc")
        .arg("-vV")
        .output()
        .map_err(|e| format!("could not run `rustc -vV`: {e}"))?;
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix(field))
        .map(|v| v.trim().to_string())
        .ok_or_else(|| format!("`rustc -vV` printed no `{field}` line"))
}

/// `stable`, `beta`, `nightly`: names that mean another compiler next month.
fn is_moving(name: &str) -> bool {
    matches!(name, "stable" | "beta" | "nightly")
}

fn channel(text: &str) -> Option<String> {
    text.lines().find_map(|l| {
        let value = l.trim().strip_prefix("channel")?.trim_start().strip_prefix('=')?;
        Some(value.trim().trim_matches('"').to_string())
    })
}

/// The file with its channel line replaced; its comments and components stay.
fn set_channel(text: &str, to: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        if line.trim_start().starts_with("channel") {
            out += &format!("channel = \"{to}\"\n");
        } else {
            out += line;
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_channel_line_is_read_and_replaced_alone() {
        let text = "# why\n[toolchain]\nchannel = \"1.95.0\"\ncomponents = [\"clippy\"]\n";
        assert_eq!(channel(text).as_deref(), Some("1.95.0"));
        assert_eq!(
            set_channel(text, "1.97.0"),
            "# why\n[toolchain]\nchannel = \"1.97.0\"\ncomponents = [\"clippy\"]\n"
        );
        assert_eq!(channel("[toolchain]\n"), None);
        assert!(is_moving("nightly") && !is_moving("nightly-2026-05-19") && !is_moving("1.97.0"));
    }
}
