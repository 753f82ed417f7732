//! `book-build [BOOK_ROOT]`: what `mdbook build` does (load `book.toml`, run the preprocessors,
//! render), with the mermaid preprocessor run in-process (mermaid.rs) instead of as a command; then
//! each listing's download is written into the HTML (downloads.rs), and the links of the rendered
//! pages are checked, downloads included (links.rs). The other preprocessors of book.toml run as
//! their commands, as under mdbook (mdbook-quiz from `.tools/bin`, on the PATH xtask gives).

mod downloads;
mod links;
mod mermaid;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use mdbook_driver::MDBook;
use mdbook_driver::book::BookItem;
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
        Err(errors) => {
            // One line each, so xtask's list of ERROR lines shows every broken link.
            for error in errors {
                eprintln!("ERROR {error}");
            }
            ExitCode::FAILURE
        }
    }
}

fn build(root: PathBuf) -> Result<(), Vec<String>> {
    let mut book = MDBook::load(&root).map_err(|e| vec![format!("{e:#}")])?;
    // Replaces the command preprocessor of the same name in place (same order), and only if
    // book.toml asks for mermaid at all.
    if book.config.contains_key("preprocessor.mermaid") {
        book.with_preprocessor(mermaid::Mermaid);
    }
    book.build().map_err(|e| vec![format!("{e:#}")])?;
    // After the build: the HTML renderer empties its folder first.
    let html = book.build_dir_for("html");
    let started = Instant::now();
    let written = downloads::write_all(&root, &html).map_err(|e| vec![e])?;
    tracing::info!(
        "wrote {written} listing downloads into {} in {} ms",
        html.join("listings").display(),
        started.elapsed().as_millis()
    );
    check_links(&book)
}

fn check_links(book: &MDBook) -> Result<(), Vec<String>> {
    let started = Instant::now();
    let out = book.build_dir_for("html");
    let sources = sources(book);
    let shown = out.strip_prefix(&book.root).unwrap_or(&out);
    let report = links::check(&out, shown, &sources).map_err(|e| vec![e])?;
    let mut broken = report.broken;
    let chapters: Vec<&links::Source> = sources
        .iter()
        .filter(|(html, _)| *html != "index.html")
        .map(|(_, source)| source)
        .collect();
    for source in &chapters {
        broken.extend(links::undefined_references(source));
    }
    if broken.is_empty() {
        eprintln!(
            " INFO Links: {} pages, {} links to files and {} anchors resolve, no undefined \
             reference in {} chapters ({:.0} ms)",
            report.pages,
            report.links,
            report.anchors,
            chapters.len(),
            started.elapsed().as_secs_f64() * 1000.0
        );
        Ok(())
    } else {
        broken.insert(0, format!("{} broken links in the book:", broken.len()));
        Err(broken)
    }
}

/// Each chapter's page (`ch03-box.html`) and its Markdown (`src/ch03-box.md`), as loaded,
/// before the preprocessors; `index.html` is mdBook's copy of the first chapter.
fn sources(book: &MDBook) -> BTreeMap<String, links::Source> {
    let src = Path::new(&book.config.book.src);
    let mut sources = BTreeMap::new();
    for item in book.iter() {
        let BookItem::Chapter(chapter) = item else { continue };
        let Some(path) = &chapter.path else { continue };
        let source = links::Source {
            name: src.join(path).display().to_string(),
            markdown: chapter.content.clone(),
        };
        if sources.is_empty() {
            sources.insert("index.html".to_string(), source.clone());
        }
        let html = path.with_extension("html").to_string_lossy().replace('\\', "/");
        sources.insert(html, source);
    }
    sources
}
