//! The listing harness: one check per listing, per page and per quiz of a book. A book's
//! `tests/listings.rs` (`harness = false`) is a shim over [`main`]; the self-test drives
//! [`checks`] on broken books. See README.md ("Writing a listing", "Adopting the harness").

pub mod book;
pub mod build;
pub mod cache;
pub mod cargo;
pub mod failure;
pub mod lint;
pub mod normalise;
pub mod options;
pub mod process;
pub mod quiz;
pub mod report;
pub mod snapshot;
pub mod toolchain;
pub mod valgrind;
pub mod verdict;

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, OnceLock};

use book_listings::{Kind, Layout, Spec};
use libtest_mimic::{Arguments, Failed, Trial};

pub use failure::Failure;
pub use options::Options;

/// One listing: a cargo package in a folder under the book's listings folder.
pub struct Listing {
    /// Path below the listings folder, e.g. `ch01-smart-pointers/01-box`: the check's name.
    pub name: String,
    pub dir: PathBuf,
    /// Cargo package name, for `cargo build --package`.
    pub package: String,
    /// Cargo package id, which build messages and artifacts are attributed to.
    pub id: String,
    /// A broken declaration fails this listing's own check, not the whole suite.
    pub spec: Result<Spec, Failure>,
    /// The folder's content when the listing was read (`cache::folder_hash`).
    pub fingerprint: u64,
    /// An exercise's solution package, when its folder holds one that is a workspace member.
    pub solution: Option<Solution>,
    output_file: String,
    clippy_file: String,
}

/// The package in an exercise's `solution/` folder: the starter's tests, completed code.
#[derive(Debug, Clone)]
pub struct Solution {
    pub dir: PathBuf,
    pub package: String,
    pub id: String,
}

impl Listing {
    pub fn output_snapshot(&self) -> PathBuf {
        self.dir.join(&self.output_file)
    }

    pub fn clippy_snapshot(&self) -> PathBuf {
        self.dir.join(&self.clippy_file)
    }

    /// `src/main.rs`, or `src/lib.rs` for a library listing.
    pub fn main_source(&self) -> PathBuf {
        let main = self.dir.join("src/main.rs");
        if main.is_file() { main } else { self.dir.join("src/lib.rs") }
    }
}

pub struct Check {
    /// A path: `ch01-smart-pointers/01-box` (a listing), `src/ch01.md` (a page), or a quiz file.
    pub name: String,
    /// Why the check cannot run on this machine; it is then reported as ignored, never as passed.
    pub ignored: Option<String>,
    pub run: Box<dyn FnOnce() -> Result<(), Failure> + Send>,
}

/// The listings of the book at `root`, from its layout and `cargo metadata`.
pub fn listings(root: &Path, layout: &Layout) -> Result<(Vec<Listing>, PathBuf), Failure> {
    let metadata = cargo_metadata::MetadataCommand::new()
        .manifest_path(root.join("Cargo.toml"))
        .no_deps()
        .exec()
        .map_err(|e| {
            Failure::Load(format!(
                "cannot read the workspace {}: {e}",
                root.join("Cargo.toml").display()
            ))
        })?;
    // By manifest: a listing and its solution are each looked up once.
    let packages: std::collections::HashMap<&Path, &cargo_metadata::Package> = metadata
        .workspace_packages()
        .into_iter()
        .map(|p| (p.manifest_path.as_std_path(), p))
        .collect();
    let mut found = Vec::new();
    for listing in layout.listing_dirs() {
        let manifest = listing.dir.join("Cargo.toml");
        let package = packages.get(manifest.as_path());
        let (package_name, id, spec) = match package {
            Some(p) => {
                let spec = std::fs::read_to_string(&manifest)
                    .map_err(|e| Failure::Load(format!("cannot read {}: {e}", manifest.display())))
                    .and_then(|text| {
                        book_listings::spec::parse(&manifest, &text).map_err(Failure::from)
                    });
                (p.name.to_string(), p.id.repr.clone(), spec)
            }
            None => (
                String::new(),
                String::new(),
                Err(Failure::Load(format!(
                    "{}: not a member of the workspace, so nothing builds it: add its folder to \
                     [workspace] members in {}",
                    manifest.display(),
                    root.join("Cargo.toml").display()
                ))),
            ),
        };
        let fingerprint = cache::folder_hash(&listing.dir);
        let solution_dir = listing.dir.join(book_listings::kind::SOLUTION_DIR);
        let solution = packages.get(solution_dir.join("Cargo.toml").as_path()).map(|p| Solution {
            dir: solution_dir.clone(),
            package: p.name.to_string(),
            id: p.id.repr.clone(),
        });
        found.push(Listing {
            fingerprint,
            solution,
            name: listing.name,
            dir: listing.dir,
            package: package_name,
            id,
            spec,
            output_file: layout.output_file.clone(),
            clippy_file: layout.clippy_file.clone(),
        });
    }
    Ok((found, metadata.target_directory.into_std_path_buf()))
}

/// Every check of the book at `root`.
pub fn checks(root: &Path, options: Options) -> Result<Vec<Check>, Failure> {
    checks_and_drift(root, options).map(|(checks, _)| checks)
}

/// Every check of the book at `root`, and how the toolchain in use differs from the one that
/// verified its snapshots (one headline per differing tool, to say before any check runs).
pub fn checks_and_drift(
    root: &Path,
    options: Options,
) -> Result<(Vec<Check>, Option<toolchain::Mismatch>), Failure> {
    let layout = Layout::load(root).map_err(Failure::Load)?;
    let recorded = toolchain::Versions::load(&layout.verified_with).map_err(Failure::Load)?;
    // Asking the tools their versions is mostly waiting for them to start: meanwhile cargo
    // metadata runs and the listings and pages are read.
    let (current, read) = std::thread::scope(|s| {
        let current = s.spawn(|| toolchain::Versions::current(options.rustc.as_deref()));
        let pages = s.spawn(|| book::pages(&layout));
        let listings = listings(root, &layout);
        let pages = pages.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        let current = current.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (current, listings.and_then(|listings| Ok((listings, pages?))))
    });
    let current = current.map_err(Failure::Load)?;
    let mismatch = recorded.as_ref().and_then(|r| toolchain::compare(r, &current));
    if let Some(m) = &mismatch
        && options.bless
        && !options.upgrade
    {
        // Blessing here would rewrite the book's snapshots to this reader's toolchain, one
        // listing at a time, under a record that still names the old one.
        return Err(Failure::Load(format!(
            "{}\nBLESS=1 would write snapshots of this toolchain into a book verified with \
             another: bless with the pinned toolchain (`rustup toolchain install {}`), or move \
             the whole book to this one with `cargo xtask upgrade-rust`",
            m.headlines.join("\n"),
            m.pinned
        )));
    }
    let ((listings, target_dir), pages) = read?;
    let quiz_programs =
        pages.iter().flat_map(|p| p.quizzes()).flat_map(|path| quiz::programs(&path)).collect();
    let skip_valgrind = options.skip_valgrind && !valgrind::installed();
    let toolchain = book::Tracking {
        pending: listings.len().into(),
        recorded,
        current,
        mismatch: mismatch.clone(),
        ..book::Tracking::default()
    };
    let salt = format!("{:?}", toolchain.current);
    let book = Arc::new(book::Book {
        cache: options
            .cache
            .then(|| cache::Cache::new(&target_dir, root).salted(&salt).repeated(options.repeat)),
        toolchain,
        root: root.to_path_buf(),
        layout,
        listings,
        pages,
        quiz_programs,
        options,
        builds: OnceLock::new(),
        included: OnceLock::new(),
    });

    let mut checks = Vec::new();
    for (index, listing) in book.listings.iter().enumerate() {
        let needs_valgrind = matches!(&listing.spec, Ok(spec) if spec.under_valgrind());
        let shared = Arc::clone(&book);
        checks.push(Check {
            name: listing.name.clone(),
            ignored: (needs_valgrind && skip_valgrind).then(|| "valgrind is not installed".into()),
            run: Box::new(move || {
                let listing = &shared.listings[index];
                let result = shared.check_listing(listing);
                shared.finished(&listing.name, &result);
                result
            }),
        });
    }
    for (index, page) in book.pages.iter().enumerate() {
        let shared = Arc::clone(&book);
        checks.push(Check {
            name: page.name.clone(),
            ignored: None,
            run: Box::new(move || shared.check_page(&shared.pages[index])),
        });
        for path in page.quizzes() {
            let shared = Arc::clone(&book);
            checks.push(Check {
                name: path.strip_prefix(root).unwrap_or(&path).display().to_string(),
                ignored: None,
                run: Box::new(move || quiz::check(&path, &shared.listings, &shared.layout)),
            });
        }
    }
    Ok((checks, mismatch))
}

/// `fn main` of a book's `tests/listings.rs`: every check as a libtest-mimic test.
pub fn main() -> ExitCode {
    match run_main() {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

fn run_main() -> Result<ExitCode, String> {
    let mut args = Arguments::from_args();
    // Most of a listing's time is spent waiting (deadlocks, valgrind start-up, sleeps), so
    // run more of them at once than there are cores. `--test-threads` still overrides this.
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    args.test_threads.get_or_insert(cores * 4);
    let options = Options::from_env()?;
    let root = options::book_root(|name| std::env::var_os(name))?;
    let only = options.only.clone();
    let (checks, mismatch) = checks_and_drift(&root, options).map_err(|e| e.to_string())?;
    // Said first: every difference below is to be read in its light.
    for headline in mismatch.iter().flat_map(|m| &m.headlines) {
        eprintln!("{headline}");
    }
    if let Some(names) = &only {
        let known: Vec<&str> = checks.iter().map(|c| c.name.as_str()).collect();
        unknown_names(names, &known)?;
    }
    let trials: Vec<Trial> = checks
        .into_iter()
        .filter(|check| only.as_ref().is_none_or(|names| names.contains(&check.name)))
        .map(|check| {
            let ignored = check.ignored.is_some();
            let run = check.run;
            Trial::test(check.name, move || run().map_err(|e| Failed::from(e.to_string())))
                .with_ignored_flag(ignored)
        })
        .collect();
    if let Some(filter) = &args.filter {
        let matches =
            |name: &str| if args.exact { name == filter } else { name.contains(filter.as_str()) };
        if !trials.iter().any(|t| matches(t.name())) {
            // A package name (`ch03-07-jemalloc`) is the natural guess, and it matches nothing.
            eprintln!(
                "note: no check of the book matches `{filter}`. Checks are named after a \
                 listing's folder (`ch03-box/07-jemalloc`), a page (`src/ch03-box.md`) or a quiz \
                 file; `cargo test -- --list` lists them all."
            );
        }
    }
    Ok(libtest_mimic::run(&args, trials).exit_code())
}

/// `BOOK_ONLY` must name checks that exist: a flake hunt over names that match nothing would
/// pass having run nothing.
pub fn unknown_names(names: &[String], known: &[&str]) -> Result<(), String> {
    let unknown: Vec<String> =
        names.iter().filter(|n| !known.contains(&n.as_str())).map(|n| format!("`{n}`")).collect();
    if unknown.is_empty() {
        return Ok(());
    }
    Err(format!(
        "BOOK_ONLY names {} which match no check (`cargo test -- --list` lists them)",
        unknown.join(", ")
    ))
}

/// Whether the kind's program is the library's tests build (`cargo build --lib --tests`).
pub fn built_as_tests(spec: &Spec) -> bool {
    matches!(spec.kind, Kind::Test | Kind::Exercise { .. })
        || (matches!(spec.kind, Kind::CompileFail { .. }) && spec.in_tests)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn book_only_rejects_names_that_match_nothing() {
        let known = ["ch01/01-a", "ch01/02-b"];
        assert_eq!(unknown_names(&["ch01/01-a".into()], &known), Ok(()));
        assert_eq!(
            unknown_names(&["ch01/01-a".into(), "ch01/does-not-exist".into()], &known).unwrap_err(),
            "BOOK_ONLY names `ch01/does-not-exist` which match no check (`cargo test -- --list` lists them)"
        );
    }
}
