//! `book-build [BOOK_ROOT]`: what `mdbook build` does (load `book.toml`, run the preprocessors,
//! render with every renderer), with mdbook-mermaid's preprocessor called in-process instead of
//! as a command. The other preprocessors and renderers of book.toml run as their commands, as
//! under mdbook (mdbook-quiz and mdbook-linkcheck2 from `.tools/bin`, on the PATH xtask gives).
//! Then each listing's download is written into the HTML (`downloads`).

mod downloads;

use std::path::PathBuf;
use std::process::ExitCode;

use mdbook_driver::MDBook;
use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::prelude::*;

fn main() -> ExitCode {
    // mdbook's own levels: info, with handlebars and html5ever's chatter only from warn up.
    let filter = Targets::new()
        .with_default(LevelFilter::INFO)
        .with_target("handlebars", LevelFilter::WARN)
        .with_target("html5ever", LevelFilter::WARN);
    let format = tracing_subscriber::fmt::layer()
        .without_time()
        .with_ansi(false)
        .with_target(false)
        .with_writer(std::io::stderr);
    tracing_subscriber::registry().with(format.with_filter(filter)).init();

    let root = std::env::args_os().nth(1).map_or_else(|| PathBuf::from("."), PathBuf::from);
    match build(root) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("ERROR {error:#}");
            ExitCode::FAILURE
        }
    }
}

fn build(root: PathBuf) -> mdbook_driver::errors::Result<()> {
    let mut book = MDBook::load(&root)?;
    // Replaces the command preprocessor of the same name in place (same order), and only if
    // book.toml asks for mermaid at all.
    if book.config.contains_key("preprocessor.mermaid") {
        book.with_preprocessor(mdbook_mermaid::Mermaid);
    }
    book.build()?;
    // After the build: the HTML renderer empties its folder first.
    let html = book.build_dir_for("html");
    let started = std::time::Instant::now();
    let written = downloads::write_all(&root, &html).map_err(mdbook_driver::errors::Error::msg)?;
    tracing::info!(
        "wrote {written} listing downloads into {} in {} ms",
        html.join("listings").display(),
        started.elapsed().as_millis()
    );
    Ok(())
}
