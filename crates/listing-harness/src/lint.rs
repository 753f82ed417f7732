//! Checks what Clippy says about a listing: each `[[package.metadata.listing.clippy]]` run
//! declares its lint flags and exactly which lints must fire. What the reader sees (every
//! command and its findings) is the listing's Clippy snapshot.

use std::path::Path;

use book_listings::ClippyRun;
use cargo_metadata::Message;

use crate::failure::Failure;
use crate::normalise::{self, Views};

pub struct Target<'a> {
    pub package: &'a str,
    pub id: &'a str,
    pub dir: &'a Path,
    pub root: &'a Path,
    pub views: &'a Views,
    /// The rustc Clippy's cargo compiles dependencies with (None: the toolchain's).
    pub rustc: Option<&'a Path>,
}

/// The text of the Clippy snapshot, after checking every run's lints.
pub fn check(target: &Target, runs: &[ClippyRun]) -> Result<String, Failure> {
    let mut shown = String::new();
    for run in runs {
        let command = command_line(run);
        let (lints, rendered) = clippy(target, &run.args)?;
        let diagnostics = normalise::diagnostics(&rendered, target.dir, target.root, target.views);
        if lints != run.lints {
            return Err(Failure::WrongLints {
                command,
                expected: run.lints.clone(),
                got: lints,
                diagnostics,
            });
        }
        if !shown.is_empty() {
            shown.push('\n');
        }
        shown += &format!(
            "$ {command}\n{}",
            if diagnostics.is_empty() { "(no findings)\n" } else { &diagnostics }
        );
    }
    Ok(shown)
}

/// The command as a reader types it in the listing's folder.
fn command_line(run: &ClippyRun) -> String {
    if run.args.is_empty() {
        "cargo clippy".into()
    } else {
        format!("cargo clippy -- {}", run.args.join(" "))
    }
}

/// Runs Clippy on one listing; returns the sorted names of the lints that fired, and the
/// rendered diagnostics in the order Clippy emitted them.
fn clippy(target: &Target, args: &[String]) -> Result<(Vec<String>, Vec<String>), Failure> {
    let mut cmd = crate::cargo::command(target.root, &["clippy", "--quiet"]);
    crate::cargo::with_rustc(&mut cmd, target.rustc);
    let output = cmd
        .args(["--package", target.package, "--"])
        .args(args)
        .output()
        .map_err(|e| Failure::Infra(format!("could not start cargo clippy: {e}")))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if stderr.contains("no such command: `clippy`") || stderr.contains("is not installed") {
        return Err(Failure::Infra(
            "Clippy is needed to check this listing but is not installed (rustup component add clippy)".into(),
        ));
    }
    let mut lints = Vec::new();
    let mut rendered = Vec::new();
    let mut finished = false;
    for message in Message::parse_stream(output.stdout.as_slice()) {
        match message.map_err(|e| Failure::Infra(format!("unreadable cargo JSON message: {e}")))? {
            Message::CompilerMessage(msg) if msg.package_id.repr == target.id => {
                // Lints carry their name as the code; the closing "N warnings emitted" has none.
                let Some(code) = msg.message.code else { continue };
                lints.push(code.code);
                rendered.extend(msg.message.rendered);
            }
            Message::BuildFinished(_) => finished = true,
            _ => {}
        }
    }
    if !finished {
        return Err(Failure::Infra(format!("`cargo clippy` did not run:\n{stderr}")));
    }
    lints.sort();
    lints.dedup();
    Ok((lints, rendered))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_read_as_typed() {
        let plain = ClippyRun { args: vec![], lints: vec![] };
        assert_eq!(command_line(&plain), "cargo clippy");
        let flags =
            ClippyRun { args: vec!["-W".into(), "clippy::mem_forget".into()], lints: vec![] };
        assert_eq!(command_line(&flags), "cargo clippy -- -W clippy::mem_forget");
    }
}
