//! The listing harness: one check per listing, per page and per quiz of a book rooted at a
//! folder. `tests/listings.rs` runs them for this book; `tests/fault_injection.rs` runs them
//! on deliberately broken books to prove every mistake is caught.

// Two test binaries compile this module and each uses only part of it.
#![allow(dead_code)]

pub mod build;
pub mod cache;
pub mod compare;
pub mod discover;
pub mod lint;
pub mod normalise;
pub mod outcome;
pub mod pages;
pub mod quiz;
pub mod run;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use build::Builds;
use cache::Cache;
use discover::{Kind, Listing};
use pages::Page;

pub struct Check {
    /// A path: `ch01-smart-pointers/01-box` (a listing), `src/ch01.md` (a page), or a quiz file.
    pub name: String,
    /// Why the check cannot run on this machine; it is then reported as ignored, never as passed.
    pub ignored: Option<String>,
    pub run: Box<dyn FnOnce() -> Result<(), String> + Send>,
}

pub struct Options {
    /// Rewrite snapshots from the real runs instead of comparing (`BLESS=1`).
    pub bless: bool,
    /// Skip listings whose inputs are unchanged since they last passed (off: `BOOK_NO_CACHE=1`).
    pub cache: bool,
    /// Run each listing this many times and fail if the runs disagree (`BOOK_REPEAT=20`).
    pub repeat: usize,
}

impl Options {
    pub fn from_env() -> Options {
        let set = |name| std::env::var(name).is_ok_and(|v| !v.is_empty() && v != "0");
        let repeat =
            std::env::var("BOOK_REPEAT").ok().and_then(|n| n.parse().ok()).unwrap_or(1usize).max(1);
        let bless = set("BLESS");
        Options { bless, cache: !bless && repeat == 1 && !set("BOOK_NO_CACHE"), repeat }
    }
}

struct Book {
    root: PathBuf,
    listings: Vec<Listing>,
    pages: Vec<Page>,
    /// The programs of every quiz's Tracing questions: those listings count as shown.
    quiz_programs: Vec<String>,
    options: Options,
    cache: Option<Cache>,
    /// Built once, by whichever listing check runs first, so `--list` and filters that
    /// select no listing cost nothing.
    builds: OnceLock<Result<Builds, String>>,
}

pub fn checks(root: &Path, options: Options) -> Result<Vec<Check>, String> {
    let metadata = cargo_metadata::MetadataCommand::new()
        .manifest_path(root.join("Cargo.toml"))
        .no_deps()
        .exec()
        .map_err(|e| {
            format!("cannot read the workspace {}: {e}", root.join("Cargo.toml").display())
        })?;
    let pages = pages::pages(root)?;
    let quiz_programs =
        pages.iter().flat_map(|p| &p.quizzes).flat_map(|q| quiz::programs(&q.path)).collect();
    let book = Arc::new(Book {
        root: root.to_path_buf(),
        listings: discover::listings(&metadata, root),
        pages,
        quiz_programs,
        cache: options.cache.then(|| Cache::new(metadata.target_directory.as_std_path(), root)),
        options,
        builds: OnceLock::new(),
    });
    let skip_valgrind =
        std::env::var_os("BOOK_SKIP_VALGRIND").is_some() && !outcome::valgrind_installed();

    let mut checks = Vec::new();
    for (index, listing) in book.listings.iter().enumerate() {
        let needs_valgrind =
            matches!(&listing.spec, Ok(spec) if spec.kind == Kind::Leak || spec.check_leaks);
        let shared = Arc::clone(&book);
        checks.push(Check {
            name: listing.name.clone(),
            ignored: (needs_valgrind && skip_valgrind).then(|| "valgrind is not installed".into()),
            run: Box::new(move || check_listing(&shared, &shared.listings[index])),
        });
    }
    for (index, page) in book.pages.iter().enumerate() {
        let shared = Arc::clone(&book);
        checks.push(Check {
            name: page.name.clone(),
            ignored: None,
            run: Box::new(move || check_page(&shared.pages[index])),
        });
        for quiz in &page.quizzes {
            let shared = Arc::clone(&book);
            let path = quiz.path.clone();
            checks.push(Check {
                name: path.strip_prefix(root).unwrap_or(&path).display().to_string(),
                ignored: None,
                run: Box::new(move || quiz::check(&path, &shared.listings)),
            });
        }
    }
    Ok(checks)
}

fn check_listing(book: &Book, listing: &Listing) -> Result<(), String> {
    let spec = listing.spec.as_ref().map_err(Clone::clone)?;
    let builds = book.builds.get_or_init(|| build(book)).as_ref().map_err(Clone::clone)?;
    // Report both kinds of problem at once: an author fixing one should not discover the other
    // only on the next run.
    let ran = run_listing(book, listing, spec, builds);
    let shown = shown_in_book(book, listing, spec);
    match (ran, shown) {
        (Ok(()), Ok(())) => Ok(()),
        (Err(e), Ok(())) | (Ok(()), Err(e)) => Err(e),
        (Err(ran), Err(shown)) => Err(format!("{shown}\n\n{ran}")),
    }
}

/// Builds every listing, except compile-fail listings that failed the same way last time:
/// cargo remembers successful builds, but recompiles a failing one on every run.
fn build(book: &Book) -> Result<Builds, String> {
    let unchanged: HashSet<&str> = match &book.cache {
        Some(cache) => book
            .listings
            .iter()
            .filter(
                |l| matches!(&l.spec, Ok(spec) if matches!(spec.kind, Kind::CompileFail { .. })),
            )
            .filter(|l| cache.passed(&l.name, &cache.key(&l.dir, None)))
            .map(|l| l.name.as_str())
            .collect(),
        None => HashSet::new(),
    };
    let to_build: Vec<&Listing> =
        book.listings.iter().filter(|l| !unchanged.contains(l.name.as_str())).collect();
    build::build_all(&book.root, &to_build)
}

fn run_listing(
    book: &Book,
    listing: &Listing,
    spec: &discover::Spec,
    builds: &Builds,
) -> Result<(), String> {
    let built = builds.by_package.get(&listing.id);
    let check = || {
        outcome::check(listing, spec, built, &book.root, book.options.bless)?;
        if spec.clippy.is_empty() {
            Ok(())
        } else {
            lint::check(listing, &spec.clippy, &book.root, book.options.bless)
        }
    };
    if book.options.repeat > 1 {
        return repeated(book.options.repeat, check);
    }
    let Some(cache) = &book.cache else { return check() };
    let executable = match spec.kind {
        Kind::CompileFail { .. } => None,
        Kind::Test => built.and_then(|b| b.test_executable.as_deref()),
        _ => built.and_then(|b| b.executable.as_deref()),
    };
    let key = cache.key(&listing.dir, executable);
    if cache.passed(&listing.name, &key) {
        return Ok(());
    }
    check()?;
    cache.remember(&listing.name, &key);
    Ok(())
}

/// Flake hunting: the same listing, run again and again, must do the same thing every time.
fn repeated(times: usize, check: impl Fn() -> Result<(), String>) -> Result<(), String> {
    let first = check();
    for run in 2..=times {
        let again = check();
        if again != first {
            let describe = |r: &Result<(), String>| match r {
                Ok(()) => "passed".to_string(),
                Err(e) => format!("failed:\n{e}"),
            };
            return Err(format!(
                "flaky: run 1 {}\n\nbut run {run} {}",
                describe(&first),
                describe(&again)
            ));
        }
    }
    first.map_err(|e| format!("failed all {times} runs the same way:\n{e}"))
}

/// A listing belongs to the book only if a page shows its source in a block annotated for its
/// kind, and shows its verified output.
fn shown_in_book(book: &Book, listing: &Listing, spec: &discover::Spec) -> Result<(), String> {
    let snapshot = listing.snapshot();
    let clippy_snapshot = listing.clippy_snapshot();
    // Where the page shows them (`src/ch03-box.md:12`), for the messages below.
    let mut source_shown: Option<String> = None;
    let mut output_shown: Option<String> = None;
    let mut clippy_shown = false;
    for page in &book.pages {
        for include in page.includes.iter().filter(|i| i.path.starts_with(&listing.dir)) {
            let at = format!("{}:{}", page.name, include.line);
            if include.path == snapshot || include.path == clippy_snapshot {
                if include.fence.as_deref().is_none_or(|info| info.starts_with("rust")) {
                    return Err(format!("{at}: the output is not inside a ```text block"));
                }
                if include.path == snapshot {
                    output_shown = Some(at);
                } else {
                    clippy_shown = true;
                }
            } else if include.path.extension().is_some_and(|e| e == "rs") {
                pages::check_fence(include.fence.as_deref(), &spec.kind)
                    .map_err(|why| format!("{at}: the source {why}"))?;
                source_shown = Some(at);
            }
        }
    }
    if !spec.clippy.is_empty() && !clippy_shown {
        return Err(format!(
            "the listing declares Clippy runs but no page shows what Clippy said: add \
             {{{{#include .../{}/clippy.txt}}}} in a ```text block",
            listing.name
        ));
    }
    let in_quiz = || {
        let source = std::fs::read_to_string(listing.dir.join("src/main.rs")).unwrap_or_default();
        book.quiz_programs.iter().any(|program| *program == source.trim())
    };
    match (source_shown, output_shown) {
        (Some(_), Some(_)) => Ok(()),
        // A "what does this print?" quiz question shows the program and checks the answer.
        (None, None) if in_quiz() => Ok(()),
        (None, None) => Err(format!(
            "orphan listing: no page in src/ includes it; show it with {{{{#rustdoc_include}}}} of {}",
            main_source(listing).strip_prefix(&book.root).unwrap_or(&snapshot).display()
        )),
        (None, Some(at)) => Err(format!(
            "{at}: the page shows the output, but no page shows the source: add \
             {{{{#rustdoc_include .../{}/{}}}}} above it",
            listing.name,
            main_source(listing)
                .strip_prefix(&listing.dir)
                .unwrap_or(Path::new("src/main.rs"))
                .display()
        )),
        (Some(at), None) => Err(format!(
            "{at}: the page shows the source, but not its verified output: add \
             {{{{#include .../{}/output.txt}}}} under it",
            listing.name
        )),
    }
}

/// `src/main.rs`, or `src/lib.rs` for a library listing.
fn main_source(listing: &Listing) -> PathBuf {
    let main = listing.dir.join("src/main.rs");
    if main.is_file() { main } else { listing.dir.join("src/lib.rs") }
}

fn check_page(page: &Page) -> Result<(), String> {
    let mut problems = Vec::new();
    if !page.in_summary {
        problems.push(format!(
            "{}: src/SUMMARY.md does not list it, so it is not in the book: add it there, or delete it",
            page.name
        ));
    }
    for include in page.includes.iter().chain(&page.quizzes) {
        let at = format!("{}:{}", page.name, include.line);
        if !include.path.is_file() {
            problems.push(format!("{at}: includes {}, which does not exist", include.written));
            continue;
        }
        // mdBook shows nothing for an anchor it cannot find: the reader would get an empty block.
        let Some(anchor) = &include.anchor else { continue };
        let text = std::fs::read_to_string(&include.path).unwrap_or_default();
        let has_anchor = text.lines().any(|l| {
            l.split_once("ANCHOR:")
                .is_some_and(|(_, rest)| rest.split_whitespace().next() == Some(anchor))
        });
        if !has_anchor {
            problems.push(format!(
                "{at}: includes {}:{anchor}, but that file has no `ANCHOR: {anchor}` line",
                include.written
            ));
        }
    }
    if problems.is_empty() { Ok(()) } else { Err(problems.join("\n")) }
}
