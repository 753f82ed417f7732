//! The build steps after `mdbook build` that need a browser (tests/browser/postbuild.mjs, with
//! the suite's chromium and npm packages): the book's mermaid diagrams are drawn and written
//! into the pages as SVG, so a reader's page loads no diagram JavaScript. `mdbook serve` skips
//! this: there theme/diagrams.js draws them in the reader's browser.

use std::fs::File;
use std::path::Path;
use std::process::Command;

use crate::browser;

/// Runs the steps, their output to `out`.
pub fn render(root: &Path, out: &File) -> Result<(), String> {
    let chromium = browser::ready(root, out)?;
    browser::run(
        Command::new("node")
            .arg("postbuild.mjs")
            .arg(root.join("book/html"))
            .env("CHROMIUM", &chromium)
            .current_dir(root.join("tests/browser")),
        "the book's browser build steps (tests/browser/postbuild.mjs)",
        out,
    )
}
