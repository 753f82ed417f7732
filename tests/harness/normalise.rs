//! Turns raw compiler and program output into text that is the same on every machine and
//! every run, so it can be compared with the snapshot the book shows.

use std::path::Path;
use std::sync::LazyLock;

use regex::Regex;

use super::discover::{Listing, Spec};

/// What differs between machines or runs: paths (replaced like trybuild does), ids, timings.
static VOLATILE: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    vec![
        // std sources, as seen in panics and in notes that point into std.
        (Regex::new(r"/rustc/[0-9a-f]{40}/").unwrap(), "$$RUST/"),
        (Regex::new(r"(/[^\s:]+)?/lib/rustlib/src/rust/").unwrap(), "$$RUST/"),
        // Dependencies' sources in cargo's registry.
        (Regex::new(r"(/[^\s:]+)?/registry/src/[^/\s]+/").unwrap(), "$$CARGO/"),
        // Thread ids in panic messages and libtest's timings change on every run.
        (Regex::new(r"(thread '[^']*') \(\d+\)").unwrap(), "$1 (TID)"),
        (Regex::new(r"finished in \d+\.\d+s").unwrap(), "finished in [time]"),
        // rustc writes very long type names to a file with a random number in its name.
        (Regex::new(r"'[^'\s]*\.long-type-\d+\.txt'").unwrap(), "'[long type file]'"),
    ]
});

/// Compiler diagnostics, as a reader would see them running `cargo build` in the listing's
/// own directory: `src/main.rs:4:5`, not the path from the workspace root.
pub fn diagnostics(rendered: &[String], listing: &Listing, root: &Path) -> String {
    let joined: String = rendered.iter().map(|d| d.trim_end().to_string() + "\n\n").collect();
    tidy(&paths(&joined, listing, root))
}

/// A program's output: machine paths, then the listing's own redactions, then its ordering rule.
pub fn output(text: &str, listing: &Listing, spec: &Spec, root: &Path) -> String {
    let mut text = paths(text, listing, root);
    for (regex, with) in &spec.redact {
        text = regex.replace_all(&text, with.as_str()).into_owned();
    }
    let text = tidy(&text);
    if spec.unordered {
        let mut lines: Vec<&str> = text.lines().collect();
        lines.sort();
        lines.iter().map(|l| format!("{l}\n")).collect()
    } else {
        text
    }
}

fn paths(text: &str, listing: &Listing, root: &Path) -> String {
    let from_root = format!("listings/{}/", listing.name);
    let mut text = text
        .replace(&format!("{}/{from_root}", root.display()), "")
        .replace(&from_root, "")
        .replace(&root.display().to_string(), "$DIR");
    for (regex, with) in VOLATILE.iter() {
        text = regex.replace_all(&text, *with).into_owned();
    }
    text
}

/// Trailing spaces and blank lines at the end carry no meaning and make diffs noisy.
fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let body = lines.join("\n");
    let body = body.trim_end_matches('\n');
    if body.is_empty() { String::new() } else { format!("{body}\n") }
}
