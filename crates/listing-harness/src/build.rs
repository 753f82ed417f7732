//! Builds every listing with as few cargo invocations as possible (one for programs, one more
//! for libraries with tests) and sorts cargo's JSON messages by package. Cargo's own stderr is
//! kept: when it builds nothing for a package, that is where the reason is.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use cargo_metadata::Message;
use cargo_metadata::diagnostic::DiagnosticLevel;

use crate::failure::Failure;

#[derive(Debug, Default, Clone)]
pub struct Built {
    pub executable: Option<PathBuf>,
    /// The libtest binary of a library's `#[test]`s.
    pub test_executable: Option<PathBuf>,
    /// Rendered diagnostics in the order rustc emitted them.
    pub diagnostics: Vec<String>,
    pub error_codes: Vec<String>,
    pub failed: bool,
    /// The command that built it, and what cargo wrote on stderr.
    pub command: String,
    pub stderr: String,
}

impl Built {
    /// Neither an artifact nor a message: cargo's stderr says why.
    pub fn nothing(&self) -> bool {
        self.executable.is_none()
            && self.test_executable.is_none()
            && self.diagnostics.is_empty()
            && !self.failed
    }
}

/// One cargo invocation over some packages.
pub struct Invocation<'a> {
    pub subcommand: &'a [&'a str],
    /// (package name, package id)
    pub packages: Vec<(&'a str, &'a str)>,
}

/// Runs the invocations (each package is in one of them); the result is keyed by package id.
pub fn build_all(
    root: &Path,
    invocations: &[Invocation],
) -> Result<HashMap<String, Built>, Failure> {
    build_all_with(root, invocations, None)
}

/// [`build_all`], compiling with `rustc` instead of the toolchain's when given.
pub fn build_all_with(
    root: &Path,
    invocations: &[Invocation],
    rustc: Option<&Path>,
) -> Result<HashMap<String, Built>, Failure> {
    let mut by_package = HashMap::new();
    for invocation in invocations.iter().filter(|i| !i.packages.is_empty()) {
        cargo(root, invocation, rustc, &mut by_package)?;
    }
    Ok(by_package)
}

fn cargo(
    root: &Path,
    invocation: &Invocation,
    rustc: Option<&Path>,
    by_package: &mut HashMap<String, Built>,
) -> Result<(), Failure> {
    let mut cmd = crate::cargo::command(root, invocation.subcommand);
    crate::cargo::with_rustc(&mut cmd, rustc);
    // Each listing is built once, whole: incremental caches and full debug info would be
    // written for nothing. Line tables stay, for valgrind's loss records (`main.rs:13`).
    // The cold build of every listing takes 27 s instead of 38 s.
    cmd.args([
        "--keep-going",
        "--config",
        "profile.dev.incremental=false",
        "--config",
        "profile.dev.debug=\"line-tables-only\"",
    ]);
    for (package, _) in &invocation.packages {
        cmd.args(["--package", package]);
    }
    let command = format!("cargo {}", invocation.subcommand.join(" "));
    let output = cmd.output().map_err(|e| Failure::Infra(format!("could not start cargo: {e}")))?;
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    for (_, id) in &invocation.packages {
        by_package.insert(
            id.to_string(),
            Built { command: command.clone(), stderr: stderr.clone(), ..Built::default() },
        );
    }
    let mut saw_finish = false;
    for message in Message::parse_stream(output.stdout.as_slice()) {
        let message =
            message.map_err(|e| Failure::Infra(format!("unreadable cargo JSON message: {e}")))?;
        match message {
            Message::CompilerArtifact(artifact) => {
                let Some(exe) = artifact.executable else { continue };
                let Some(built) = by_package.get_mut(&artifact.package_id.repr) else {
                    continue;
                };
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
                let Some(built) = by_package.get_mut(&msg.package_id.repr) else {
                    continue;
                };
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
        return Err(Failure::Infra(format!("`{command}` did not run:\n{stderr}")));
    }
    Ok(())
}

/// The lines of cargo's stderr about one package (`error: failed to run custom build command
/// for `x v0.1.0``), with what follows them; nothing when no error or warning names it (the
/// rest is about other packages, in an order that changes from run to run).
pub fn stderr_about(stderr: &str, package: &str) -> String {
    let mut out = String::new();
    let mut taking = false;
    // Cargo's progress lines for other packages land anywhere, in an order that changes.
    let progress = |line: &str| {
        let word = line.trim_start().split(' ').next().unwrap_or("");
        line.starts_with("  ")
            && [
                "Compiling",
                "Checking",
                "Downloaded",
                "Downloading",
                "Finished",
                "Blocking",
                "Fresh",
                "Locking",
                "Updating",
                "Adding",
            ]
            .contains(&word)
    };
    for line in stderr.lines().filter(|l| !progress(l)) {
        if line.starts_with("error") || line.starts_with("warning") {
            taking =
                line.contains(&format!("`{package} v")) || line.contains(&format!("{package} v"));
        }
        if taking {
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
    fn stderr_is_narrowed_to_the_package() {
        let stderr = "   Compiling a v0.1.0\nerror: failed to run custom build command for `fault-x v0.1.0 (/b)`\n\
                      Caused by:\n   Compiling b v0.1.0\n  boom\nwarning: build failed, waiting for other jobs\nerror: other `y v0.1.0`\n";
        assert_eq!(
            stderr_about(stderr, "fault-x"),
            "error: failed to run custom build command for `fault-x v0.1.0 (/b)`\nCaused by:\n  boom\n"
        );
        assert_eq!(stderr_about("error: about `y v0.1.0`\n  y's trouble\n", "fault-x"), "");
    }

    #[test]
    fn nothing_means_no_artifact_and_no_message() {
        assert!(Built::default().nothing());
        assert!(!Built { failed: true, ..Built::default() }.nothing());
        assert!(!Built { executable: Some("x".into()), ..Built::default() }.nothing());
        assert!(!Built { diagnostics: vec!["w".into()], ..Built::default() }.nothing());
    }
}
