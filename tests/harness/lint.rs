//! Checks what Clippy says about a listing: each `[[package.metadata.listing.clippy]]` run
//! declares its command-line lint flags and exactly which lints must fire. What the reader sees
//! (every command and its warnings) is the listing's `clippy.txt` snapshot.

use std::path::Path;
use std::process::{Command, Stdio};

use cargo_metadata::Message;

use super::discover::{ClippyRun, Listing};
use super::{compare, normalise};

pub fn check(
    listing: &Listing,
    runs: &[ClippyRun],
    root: &Path,
    bless: bool,
) -> Result<(), String> {
    let mut shown = String::new();
    for run in runs {
        let command = command_line(run);
        let (lints, rendered) = clippy(listing, &run.args, root)?;
        let diagnostics = normalise::diagnostics(&rendered, listing, root);
        if lints != run.lints {
            return Err(format!(
                "expected: `{command}` reports {:?}\nactual: it reports {lints:?}\n{diagnostics}",
                run.lints
            ));
        }
        if !shown.is_empty() {
            shown.push('\n');
        }
        shown += &format!(
            "$ {command}\n{}",
            if diagnostics.is_empty() { "(no findings)\n" } else { &diagnostics }
        );
    }
    compare::snapshot(&listing.clippy_snapshot(), &shown, &listing.name, bless)
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
fn clippy(
    listing: &Listing,
    args: &[String],
    root: &Path,
) -> Result<(Vec<String>, Vec<String>), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args(["clippy", "--message-format=json", "--color=never", "--quiet", "--manifest-path"])
        .arg(root.join("Cargo.toml"))
        .args(["--package", &listing.package, "--"])
        .args(args)
        .env_remove("RUST_BACKTRACE")
        .env_remove("CARGO_TERM_COLOR")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("could not start cargo clippy: {e}"))?;
    let stderr = String::from_utf8_lossy(&output.stderr);
    if stderr.contains("no such command: `clippy`") || stderr.contains("is not installed") {
        return Err("Clippy is needed to check this listing but is not installed (rustup component add clippy)".into());
    }
    let mut lints = Vec::new();
    let mut rendered = Vec::new();
    let mut finished = false;
    for message in Message::parse_stream(output.stdout.as_slice()) {
        match message.map_err(|e| format!("unreadable cargo JSON message: {e}"))? {
            Message::CompilerMessage(msg) if msg.package_id.repr == listing.id => {
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
        return Err(format!("`cargo clippy` did not run:\n{stderr}"));
    }
    lints.sort();
    lints.dedup();
    Ok((lints, rendered))
}
