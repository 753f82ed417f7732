//! Builds every listing with as few cargo invocations as possible (one, plus one more when
//! there are `test` listings) and sorts cargo's JSON messages by package.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use cargo_metadata::Message;
use cargo_metadata::diagnostic::DiagnosticLevel;

use super::discover::{Kind, Listing};

#[derive(Default)]
pub struct Built {
    pub executable: Option<PathBuf>,
    /// The libtest binary of a `test` listing.
    pub test_executable: Option<PathBuf>,
    /// Rendered diagnostics in the order rustc emitted them.
    pub diagnostics: Vec<String>,
    pub error_codes: Vec<String>,
    pub failed: bool,
}

pub struct Builds {
    /// Keyed by cargo's package id.
    pub by_package: HashMap<String, Built>,
}

pub fn build_all(root: &Path, listings: &[&Listing]) -> Result<Builds, String> {
    let mut by_package: HashMap<String, Built> = HashMap::new();
    let all: Vec<&str> = listings.iter().map(|l| l.package.as_str()).collect();
    if !all.is_empty() {
        cargo(root, &["build", "--bins"], &all, &mut by_package)?;
    }
    let tested: Vec<&str> = listings
        .iter()
        .filter(|l| matches!(&l.spec, Ok(spec) if spec.kind == Kind::Test))
        .map(|l| l.package.as_str())
        .collect();
    if !tested.is_empty() {
        cargo(root, &["build", "--lib", "--tests"], &tested, &mut by_package)?;
    }
    Ok(Builds { by_package })
}

fn cargo(
    root: &Path,
    subcommand: &[&str],
    packages: &[&str],
    by_package: &mut HashMap<String, Built>,
) -> Result<(), String> {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.args(subcommand)
        .args(["--keep-going", "--message-format=json", "--color=never", "--manifest-path"])
        .arg(root.join("Cargo.toml"))
        // Each listing is built once, whole: incremental caches and full debug info would be
        // written for nothing. Line tables stay, for valgrind's loss records (`main.rs:13`).
        // The cold build of every listing takes 27 s instead of 38 s.
        .args([
            "--config",
            "profile.dev.incremental=false",
            "--config",
            "profile.dev.debug=\"line-tables-only\"",
        ]);
    for package in packages {
        cmd.args(["--package", package]);
    }
    // Diagnostics must not depend on the caller's terminal or backtrace settings.
    cmd.env_remove("RUST_BACKTRACE")
        .env_remove("CARGO_TERM_COLOR")
        .env_remove("CARGO_BUILD_TARGET");
    let output = cmd
        .stdin(Stdio::null())
        .stderr(Stdio::piped())
        .stdout(Stdio::piped())
        .output()
        .map_err(|e| format!("could not start cargo: {e}"))?;

    let mut saw_finish = false;
    for message in Message::parse_stream(output.stdout.as_slice()) {
        let message = message.map_err(|e| format!("unreadable cargo JSON message: {e}"))?;
        match message {
            Message::CompilerArtifact(artifact) => {
                let Some(exe) = artifact.executable else { continue };
                let built = by_package.entry(artifact.package_id.repr).or_default();
                if artifact.profile.test {
                    // The #[test]s of the library are what a `test` listing promises.
                    if !artifact.target.is_lib() {
                        continue;
                    }
                    built.test_executable = Some(exe.into_std_path_buf());
                } else {
                    built.executable = Some(exe.into_std_path_buf());
                }
            }
            Message::CompilerMessage(msg) => {
                let built = by_package.entry(msg.package_id.repr).or_default();
                let diag = msg.message;
                let summary = diag.message.starts_with("aborting due to")
                    || diag.message.starts_with("Some errors have detailed explanations")
                    || diag.message.starts_with("For more information about");
                if summary {
                    continue;
                }
                if diag.level == DiagnosticLevel::Error {
                    built.failed = true;
                    if let Some(code) = &diag.code {
                        built.error_codes.push(code.code.clone());
                    }
                }
                if let Some(rendered) = diag.rendered {
                    built.diagnostics.push(rendered);
                }
            }
            Message::BuildFinished(_) => saw_finish = true,
            _ => {}
        }
    }
    if !saw_finish {
        // Cargo stopped before building anything: a broken manifest, a lock it could not take...
        return Err(format!(
            "`cargo {}` did not run:\n{}",
            subcommand.join(" "),
            String::from_utf8_lossy(&output.stderr)
        ));
    }
    Ok(())
}
