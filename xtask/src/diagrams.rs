//! The build steps after `mdbook build` that need a browser (tests/browser/postbuild.mjs, with
//! the suite's chromium and npm packages): the book's mermaid diagrams are drawn and written
//! into the pages as SVG, so a reader's page loads no diagram JavaScript; the search index is
//! rebuilt from the pages; the PDF is printed. `mdbook serve` skips this: there
//! theme/diagrams.js draws them in the reader's browser.
//!
//! The steps take most of a minute, and what they write follows from the book as mdBook wrote
//! it, the steps' code (tests/browser) and chromium, all three in `browser::pass_key`. When
//! the key is the one of the last run, that run's output is put back instead of running them
//! again (the PDF chromium prints is not the same twice, so an unchanged book would otherwise
//! never be the one the browser suite last passed).

use std::fs::File;
use std::io::Write;
use std::path::Path;
use std::process::Command;

use crate::{browser, kept};

/// Runs the steps, their output to `out`, or puts back the output of the last run.
pub fn render(root: &Path, out: &File) -> Result<(), String> {
    let chromium = browser::ready(root, out)?;
    let key = browser::pass_key(root, &chromium)?;
    let use_cache = !book_listings::env::switch("BOOK_NO_CACHE")?;
    let put_back = kept::build_or_put_back(
        &root.join("book/html"),
        &root.join("target/postbuild"),
        use_cache.then_some(key.as_str()),
        || {
            browser::run(
                Command::new("node")
                    .arg("postbuild.mjs")
                    .arg(root.join("book/html"))
                    .env("CHROMIUM", &chromium)
                    .current_dir(root.join("tests/browser")),
                "the book's browser build steps (tests/browser/postbuild.mjs)",
                out,
            )
        },
    )?;
    if put_back {
        let mut log = out;
        let _ = writeln!(
            log,
            "postbuild: book/html as mdBook wrote it, tests/browser and chromium are as at the \
             last run, so its output was put back from target/postbuild (BOOK_NO_CACHE=1 runs \
             the steps)"
        );
    }
    Ok(())
}
