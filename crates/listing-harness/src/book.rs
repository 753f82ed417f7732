//! The book as the checks see it, and the checks that tie listings to pages: every listing is
//! shown with its verified output, in a block annotated for its kind, numbered as the reader
//! sees it; every include resolves; no snapshot is stale or orphaned.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{LazyLock, Mutex, OnceLock};

use book_listings::layout::ProseRules;
use book_listings::lines::{self, ReaderView};
use book_listings::markdown::{self, Directive, Include, Part};
use book_listings::{Kind, Layout, Spec, kind, prose};
use regex::Regex;

use crate::build::{self, Built, Invocation};
use crate::cache::Cache;
use crate::failure::Failure;
use crate::normalise::{self, Views};
use crate::report::{Change, Report};
use crate::snapshot::{self, Order};
use crate::toolchain::{self, Class, Mismatch, Snapshot, Versions};
use crate::verdict::{self, compile_fail_note};
use crate::{Listing, Options, built_as_tests, lint};

pub struct Page {
    /// Relative to the book root, e.g. `src/ch01-smart-pointers.md`.
    pub name: String,
    pub folder: PathBuf,
    pub includes: Vec<Include>,
    /// Prose that names a line by its number: (page line, phrase).
    pub line_refs: Vec<(usize, String)>,
    /// Code blocks written on the page whose every line is indented: (fence line, spaces).
    pub indented: Vec<(usize, usize)>,
    /// Whether the summary links to it: a page it does not list is not in the book.
    pub in_summary: bool,
    /// Its prose measured, when the book's readability limits apply to it.
    pub prose: Option<prose::Prose>,
}

impl Page {
    pub fn quizzes(&self) -> Vec<PathBuf> {
        self.includes
            .iter()
            .filter(|i| i.directive == Directive::Quiz)
            .map(|i| i.path(&self.folder))
            .collect()
    }

    fn at(&self, include: &Include) -> String {
        format!("{}:{}", self.name, include.line)
    }
}

/// A chapter link in SUMMARY.md: `[Title](ch01-smart-pointers.md)`.
static SUMMARY_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)").unwrap());

pub fn pages(layout: &Layout) -> Result<Vec<Page>, Failure> {
    let summary_path = layout.src.join("SUMMARY.md");
    let summary = std::fs::read_to_string(&summary_path)
        .map_err(|e| Failure::Load(format!("cannot read {}: {e}", summary_path.display())))?;
    let listed: Vec<PathBuf> = SUMMARY_LINK
        .captures_iter(&summary)
        .map(|c| markdown::clean(&layout.src.join(&c[1])))
        .collect();
    let mut pages = Vec::new();
    for entry in walkdir::WalkDir::new(&layout.src).sort_by_file_name() {
        let entry =
            entry.map_err(|e| Failure::Load(format!("reading {}: {e}", layout.src.display())))?;
        if entry.path().extension().is_none_or(|ext| ext != "md") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path())
            .map_err(|e| Failure::Load(format!("cannot read {}: {e}", entry.path().display())))?;
        let path = markdown::clean(entry.path());
        pages.push(Page {
            name: path.strip_prefix(&layout.root).unwrap_or(&path).display().to_string(),
            folder: path.parent().unwrap_or(&layout.root).to_path_buf(),
            includes: markdown::scan(&text),
            line_refs: markdown::line_numbers_in_prose(&text),
            indented: markdown::indented_blocks(&text),
            in_summary: path == summary_path || listed.contains(&path),
            prose: layout
                .prose
                .as_ref()
                .filter(|rules| rules.applies_to(&entry.file_name().to_string_lossy()))
                .map(|rules| prose::measure(&text, &rules.banned_words)),
        });
    }
    Ok(pages)
}

pub struct Book {
    pub root: PathBuf,
    pub layout: Layout,
    pub listings: Vec<Listing>,
    pub pages: Vec<Page>,
    /// The programs of every quiz's Tracing questions: those listings count as shown.
    pub quiz_programs: Vec<String>,
    pub options: Options,
    pub cache: Option<Cache>,
    /// Built once, by whichever listing check runs first, so `--list` and filters that
    /// select no listing cost nothing.
    pub builds: OnceLock<Result<std::collections::HashMap<String, Built>, Failure>>,
    pub toolchain: Tracking,
    /// Made once, by whichever check needs it first (`included_in`).
    pub included: OnceLock<Included>,
}

/// Every include of every page, its file resolved once, filed under the folder of the listing
/// it is in: for each, the page's index in `pages`, the include's in the page's `includes`, and
/// the file. In page order, then in the page's. Resolving and comparing every include of the
/// book for each of 278 listings, three times, was most of a warm `cargo test` (0.7 of 1.6 s).
#[derive(Debug, Default)]
pub struct Included(HashMap<PathBuf, Vec<(usize, usize, PathBuf)>>);

/// The toolchain side of a run: what verified the snapshots, what runs now, and what changed.
#[derive(Debug, Default)]
pub struct Tracking {
    pub recorded: Option<Versions>,
    pub current: Versions,
    /// Some when they differ: snapshot differences are then classified and labelled.
    pub mismatch: Option<Mismatch>,
    /// Listing checks still to finish: the last one writes the record and the report.
    pub pending: AtomicUsize,
    pub failed: AtomicBool,
    pub changes: Mutex<Vec<Change>>,
    pub failures: Mutex<Vec<(String, Failure)>>,
}

/// A source file of a listing shown on a page: where, and as the reader sees it.
struct Shown<'a> {
    page: &'a Page,
    include: &'a Include,
    /// The file relative to the listing: `src/main.rs`.
    file: String,
    view: ReaderView,
}

impl Book {
    pub fn check_listing(&self, listing: &Listing) -> Result<(), Failure> {
        let spec = listing.spec.as_ref().map_err(Clone::clone)?;
        let shown = self.sources_shown(listing);
        let views = views(&shown)?;
        // Report both kinds of problem at once: an author fixing one should not discover the
        // other only on the next run.
        let ran = self.run_listing(listing, spec, &views);
        let on_pages = self.shown_in_book(listing, spec, &shown);
        let mut failures = Vec::new();
        if let Err(e) = on_pages {
            failures.push(e);
        }
        if let Err(e) = ran {
            failures.push(self.drift(e));
        }
        Failure::all(failures)
    }

    /// On another toolchain, a failure of the listing's run that the change of toolchain can
    /// explain is labelled as drift of outcome (rendering differences never get here: they
    /// pass, see `compare`). Declarations, pages and the harness's own trouble are not drift.
    fn drift(&self, failure: Failure) -> Failure {
        let Some(mismatch) = &self.toolchain.mismatch else { return failure };
        match failure {
            Failure::Many(all) => Failure::Many(all.into_iter().map(|f| self.drift(f)).collect()),
            f @ (Failure::Differs { .. }
            | Failure::Compiled { .. }
            | Failure::WrongCodes { .. }
            | Failure::DoesNotCompile { .. }
            | Failure::WrongEnding { .. }
            | Failure::Busy { .. }
            | Failure::Leaked { .. }
            | Failure::NoLeak { .. }
            | Failure::WrongLints { .. }
            | Failure::NothingBuilt { .. }) => Failure::Drift {
                class: Class::Outcome,
                pinned: mismatch.pinned.clone(),
                failure: Box::new(f),
            },
            other => other,
        }
    }

    /// A listing check finished. The last one writes what a run of every listing produces:
    /// the record of the toolchain (bless, all passed) and the review report.
    pub fn finished(&self, name: &str, result: &Result<(), Failure>) {
        let tracking = &self.toolchain;
        if let Err(e) = result {
            tracking.failed.store(true, Ordering::SeqCst);
            tracking.failures.lock().unwrap().push((name.to_string(), e.clone()));
        }
        if tracking.pending.fetch_sub(1, Ordering::SeqCst) != 1 {
            return;
        }
        if self.options.bless && !tracking.failed.load(Ordering::SeqCst) {
            let path = &self.layout.verified_with;
            let text = tracking.current.to_toml();
            if std::fs::read_to_string(path).ok().as_deref() != Some(text.as_str()) {
                match std::fs::write(path, &text) {
                    Ok(()) => eprintln!(
                        "recorded rustc {} as the toolchain that verified every snapshot in {}",
                        tracking.current.rustc,
                        path.display()
                    ),
                    Err(e) => eprintln!("error: cannot write {}: {e}", path.display()),
                }
            }
        }
        if let Some(path) = &self.options.report {
            let pages: Vec<(String, String)> = self
                .pages
                .iter()
                .map(|p| (p.name.clone(), std::fs::read_to_string(self.root.join(&p.name))))
                .filter_map(|(name, text)| text.ok().map(|t| (name, t)))
                .collect();
            let mut failures = tracking.failures.lock().unwrap().clone();
            failures.sort_by(|a, b| a.0.cmp(&b.0));
            let report = Report {
                verified_with: tracking.recorded.clone(),
                this_run: Some(tracking.current.clone()),
                changes: tracking.changes.lock().unwrap().clone(),
                failures,
            };
            let written = path
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::write(path, report.render(&pages)));
            match written {
                Ok(()) => eprintln!("review report: {}", path.display()),
                Err(e) => eprintln!("error: cannot write the report {}: {e}", path.display()),
            }
        }
    }

    /// One snapshot against the run: strict, except that on another toolchain a difference of
    /// rendering only passes (said on stderr and in the report). Bless records what it rewrote.
    fn compare(
        &self,
        listing: &Listing,
        path: &Path,
        actual: &str,
        order: Order,
        snapshot: Snapshot,
    ) -> Result<(), Failure> {
        let before = std::fs::read_to_string(path).ok();
        let relative = path.strip_prefix(&self.root).unwrap_or(path);
        let change = |class, blessed| Change {
            check: listing.name.clone(),
            file: relative.to_path_buf(),
            class,
            diff: snapshot::diff(relative, before.as_deref().unwrap_or_default(), actual),
            blessed,
        };
        match snapshot::compare(path, actual, &listing.name, self.options.bless, order) {
            Ok(true) => {
                if let Some(old) = &before {
                    let class = toolchain::classify(snapshot, old, actual);
                    self.toolchain.changes.lock().unwrap().push(change(class, true));
                }
                Ok(())
            }
            Ok(false) => Ok(()),
            Err(Failure::Differs { path: p, check, diff, note: _ })
                if self.excused(snapshot)
                    && toolchain::classify(
                        snapshot,
                        before.as_deref().unwrap_or_default(),
                        actual,
                    ) == Class::Rendering =>
            {
                let pinned = self.toolchain.mismatch.as_ref().map(|m| m.pinned.clone());
                // Without rust-src the difference may be std's missing quotes, not the compiler.
                let note =
                    if snapshot == Snapshot::Diagnostics { compile_fail_note() } else { None };
                let differs = Failure::Differs { path: p, check, diff, note };
                let note = Failure::Drift {
                    class: Class::Rendering,
                    pinned: pinned.unwrap_or_default(),
                    failure: Box::new(differs),
                };
                eprintln!("{note}");
                self.toolchain.changes.lock().unwrap().push(change(Class::Rendering, false));
                Ok(())
            }
            Err(e) => Err(e),
        }
    }

    /// Whether the toolchain in use differs in a tool that renders this snapshot.
    fn excused(&self, snapshot: Snapshot) -> bool {
        let Some(m) = &self.toolchain.mismatch else { return false };
        match snapshot {
            Snapshot::Program { .. } => m.rustc || m.valgrind,
            Snapshot::Diagnostics => m.rustc,
            Snapshot::Clippy => m.rustc || m.clippy,
        }
    }

    /// Whether this check let a rendering difference pass: such a pass is not remembered, so
    /// every run says what differs.
    fn drifted(&self, name: &str) -> bool {
        self.toolchain.changes.lock().unwrap().iter().any(|c| c.check == name && !c.blessed)
    }

    /// Builds every listing, except compile-fail listings that failed the same way last time:
    /// cargo remembers successful builds, but recompiles a failing one on every run.
    fn build(&self) -> Result<std::collections::HashMap<String, Built>, Failure> {
        let unchanged: HashSet<&str> = match &self.cache {
            Some(cache) => self
                .listings
                .iter()
                .filter(|l| matches!(&l.spec, Ok(spec) if !spec.kind.runs()))
                .filter(|l| {
                    let views = views(&self.sources_shown(l)).unwrap_or_default();
                    cache.passed(&l.name, &cache.key(l.fingerprint, None, &format!("{views:?}")))
                })
                .map(|l| l.name.as_str())
                .collect(),
            None => HashSet::new(),
        };
        let mut programs = Invocation { subcommand: &["build", "--bins"], packages: Vec::new() };
        let mut tests =
            Invocation { subcommand: &["build", "--lib", "--tests"], packages: Vec::new() };
        for listing in &self.listings {
            let Ok(spec) = &listing.spec else { continue };
            if unchanged.contains(listing.name.as_str()) {
                continue;
            }
            // `BOOK_ONLY` is the fast loop of an author working on a few listings: building the
            // other listings too would cost a cold checkout minutes and run none of them.
            if self.options.only.as_ref().is_some_and(|only| !only.contains(&listing.name)) {
                continue;
            }
            let into = if built_as_tests(spec) { &mut tests } else { &mut programs };
            into.packages.push((listing.package.as_str(), listing.id.as_str()));
            if let Some(solution) = &listing.solution {
                tests.packages.push((solution.package.as_str(), solution.id.as_str()));
            }
        }
        build::build_all_with(&self.root, &[programs, tests], self.options.rustc.as_deref())
    }

    fn run_listing(&self, listing: &Listing, spec: &Spec, views: &Views) -> Result<(), Failure> {
        let builds = self.builds.get_or_init(|| self.build()).as_ref().map_err(Clone::clone)?;
        let built = builds.get(&listing.id);
        let solution = listing.solution.as_ref().and_then(|s| builds.get(&s.id));
        let once = || self.verify(listing, spec, built, solution, views);
        let check = || match self.options.repeat {
            1 => once(),
            times => repeated(times, once),
        };
        let Some(cache) = &self.cache else { return check() };
        let executable = match spec.kind {
            Kind::CompileFail { .. } => None,
            Kind::Test | Kind::Exercise { .. } => built.and_then(|b| b.test_executable.as_deref()),
            _ => built.and_then(|b| b.executable.as_deref()),
        };
        // An exercise passes as a pair: its solution's program is part of the key.
        let solution_key = solution
            .and_then(|b| b.test_executable.as_deref())
            .map(|exe| cache.key(0, Some(exe), ""))
            .unwrap_or_default();
        // The pages' numbering changes the snapshots too: it is part of the key.
        let key = cache.key(listing.fingerprint, executable, &format!("{views:?}{solution_key}"));
        if cache.passed(&listing.name, &key) {
            return Ok(());
        }
        check()?;
        if self.drifted(&listing.name) {
            return Ok(());
        }
        // Edited while the suite ran: what passed (its declaration read and its program built
        // before the edit) is not what the key now describes.
        if crate::cache::folder_hash(&listing.dir) != listing.fingerprint {
            return Err(Failure::Infra(format!(
                "{} changed while the suite ran, so this run checked the listing as it was before: \
                 run the tests again",
                listing.dir.display()
            )));
        }
        cache.remember(&listing.name, &key);
        Ok(())
    }

    /// One real build and run of the listing, compared with its snapshots.
    fn verify(
        &self,
        listing: &Listing,
        spec: &Spec,
        built: Option<&Built>,
        solution: Option<&Built>,
        views: &Views,
    ) -> Result<(), Failure> {
        if matches!(spec.kind, Kind::Exercise { .. }) {
            self.same_tests(listing)?;
        }
        let Some(built) = built else {
            // Left out of the build because it passed unchanged, then found changed: only when
            // it was edited while the suite ran.
            return Err(Failure::Infra(
                "the listing was left out of the build as unchanged, but changed while the suite \
                 ran: run the tests again"
                    .into(),
            ));
        };
        let cx = verdict::Context {
            package: &listing.package,
            dir: &listing.dir,
            root: &self.root,
            spec,
            built,
            views,
            bless: self.options.bless,
        };
        let shown = verdict::check(&cx)?;
        let order = if spec.unordered { Order::AnyLineOrder } else { Order::Exact };
        let output = if spec.kind.runs() {
            Snapshot::Program { unordered: spec.unordered }
        } else {
            Snapshot::Diagnostics
        };
        self.compare(listing, &listing.output_snapshot(), &shown, order, output).map_err(|e| {
            match e {
                Failure::Differs { path, check, diff, note: None } if !spec.kind.runs() => {
                    Failure::Differs { path, check, diff, note: compile_fail_note() }
                }
                other => other,
            }
        })?;
        if !spec.clippy.is_empty() {
            let target = lint::Target {
                package: &listing.package,
                id: &listing.id,
                dir: &listing.dir,
                root: &self.root,
                views,
                rustc: self.options.rustc.as_deref(),
            };
            let findings = lint::check(&target, &spec.clippy)?;
            self.compare(
                listing,
                &listing.clippy_snapshot(),
                &findings,
                Order::Exact,
                Snapshot::Clippy,
            )?;
        }
        if matches!(spec.kind, Kind::Exercise { .. }) {
            self.verify_solution(listing, spec, solution, views)?;
        }
        Ok(())
    }

    /// An exercise's starter and solution end in the same tests, byte for byte.
    fn same_tests(&self, listing: &Listing) -> Result<(), Failure> {
        let solution = self.solution_of(listing)?;
        let starter_path = listing.dir.join("src/lib.rs");
        let solution_path = solution.dir.join("src/lib.rs");
        let read = |path: &Path| {
            std::fs::read_to_string(path)
                .map_err(|e| Failure::Load(format!("cannot read {}: {e}", path.display())))
        };
        book_listings::exercise::same_tests(&read(&starter_path)?, &read(&solution_path)?).map_err(
            |mismatch| Failure::TestsDiffer {
                starter: self.relative(&starter_path),
                solution: self.relative(&solution_path),
                mismatch,
            },
        )
    }

    fn solution_of<'a>(&self, listing: &'a Listing) -> Result<&'a crate::Solution, Failure> {
        listing.solution.as_ref().ok_or_else(|| {
            let dir = listing.dir.join(kind::SOLUTION_DIR);
            Failure::NoSolution {
                not_member: dir.join("Cargo.toml").is_file(),
                dir: self.relative(&dir),
            }
        })
    }

    fn relative(&self, path: &Path) -> PathBuf {
        path.strip_prefix(&self.root).unwrap_or(path).to_path_buf()
    }

    /// The solution's tests, built from its own package, pass (every one of `runs` runs, the
    /// same report each time), and the report matches `solution/output.txt`.
    fn verify_solution(
        &self,
        listing: &Listing,
        spec: &Spec,
        built: Option<&Built>,
        views: &Views,
    ) -> Result<(), Failure> {
        let solution = self.solution_of(listing)?;
        let Some(built) = built else {
            return Err(Failure::Infra(format!(
                "{}: the solution was not built (was it added while the suite ran?): run the tests again",
                solution.dir.display()
            )));
        };
        let cx = verdict::Context {
            package: &solution.package,
            dir: &solution.dir,
            root: &self.root,
            spec,
            built,
            views,
            bless: self.options.bless,
        };
        let report = verdict::solution(&cx)?;
        self.compare(
            listing,
            &solution.dir.join(&self.layout.output_file),
            &report,
            Order::Exact,
            Snapshot::Program { unordered: false },
        )
    }

    /// The includes of files in the listing folder `dir` (`Included`), with their pages.
    fn included_in(&self, dir: &Path) -> impl Iterator<Item = (&Page, &Include, &Path)> {
        let index = self.included.get_or_init(|| {
            let dirs: HashSet<&Path> = self.listings.iter().map(|l| l.dir.as_path()).collect();
            let mut index: HashMap<PathBuf, Vec<(usize, usize, PathBuf)>> = HashMap::new();
            for (p, page) in self.pages.iter().enumerate() {
                for (i, include) in page.includes.iter().enumerate() {
                    let path = include.path(&page.folder);
                    // Every listing folder the file is in, as `starts_with` would find them.
                    for dir in path.ancestors().filter(|a| dirs.contains(a)) {
                        index.entry(dir.to_path_buf()).or_default().push((p, i, path.clone()));
                    }
                }
            }
            Included(index)
        });
        index.0.get(dir).into_iter().flatten().map(|(p, i, path)| {
            let page = &self.pages[*p];
            (page, &page.includes[*i], path.as_path())
        })
    }

    /// Every include of one of the listing's Rust files, with the reader's view of it.
    fn sources_shown(&self, listing: &Listing) -> Vec<Shown<'_>> {
        let mut shown = Vec::new();
        for (page, include, path) in self.included_in(&listing.dir) {
            if include.directive == Directive::Quiz || path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(path) else { continue };
            let rustdoc =
                matches!(include.directive, Directive::RustdocInclude | Directive::Playground);
            shown.push(Shown {
                page,
                include,
                file: path.strip_prefix(&listing.dir).unwrap_or(path).display().to_string(),
                view: ReaderView::new(&text, &include.part, rustdoc),
            });
        }
        shown
    }

    /// A listing belongs to the book only if a page shows its source in a block annotated for
    /// its kind, and its verified output; and every line its output cites is one the page shows.
    fn shown_in_book(
        &self,
        listing: &Listing,
        spec: &Spec,
        sources: &[Shown],
    ) -> Result<(), Failure> {
        let output = listing.output_snapshot();
        let clippy = listing.clippy_snapshot();
        let solution_output =
            listing.solution.as_ref().map(|s| s.dir.join(&self.layout.output_file));
        let mut problems = Vec::new();
        let mut output_shown: Option<String> = None;
        let mut clippy_shown = false;
        let mut solution_output_shown = false;
        // Snapshots are files of the listing's folder: only its includes can show them.
        for (page, include, path) in self.included_in(&listing.dir) {
            let of_solution = solution_output.as_deref() == Some(path);
            if path != output && path != clippy && !of_solution {
                continue;
            }
            let at = page.at(include);
            if include.fence.as_ref().is_none_or(|f| f.info.starts_with("rust")) {
                problems.push(Failure::Page {
                    at: at.clone(),
                    message: "the output is not inside a ```text block".into(),
                });
            }
            if of_solution {
                solution_output_shown = true;
                problems.extend(exercise_block(
                    page,
                    include,
                    "its solution's test report",
                    true,
                    false,
                ));
                continue;
            }
            if path == output {
                output_shown = Some(at);
            } else if spec.clippy.is_empty() {
                problems.push(Failure::Page {
                        at,
                        message: format!(
                            "shows {}, but the listing declares no Clippy runs, so nothing verifies it: \
                             declare them ([[package.metadata.listing.clippy]]) or remove the include",
                            self.layout.clippy_file
                        ),
                    });
            } else {
                clippy_shown = true;
            }
        }
        for source in sources {
            if let Err(why) =
                check_fence(source.include.fence.as_ref().map(|f| f.info.as_str()), &spec.kind)
            {
                problems.push(Failure::Page {
                    at: source.page.at(source.include),
                    message: format!("the source {why}"),
                });
            }
        }
        if spec.clippy.is_empty() && clippy.is_file() {
            problems.push(Failure::Unreferenced {
                path: clippy.clone(),
                why: "the listing declares no Clippy runs; delete the file, or declare the runs that produce it".into(),
            });
        }
        if !spec.clippy.is_empty() && !clippy_shown {
            problems.push(Failure::Page {
                at: listing.name.clone(),
                message: format!(
                    "the listing declares Clippy runs but no page shows what Clippy said: add \
                     {{{{#include .../{}/{}}}}} in a ```text block",
                    listing.name, self.layout.clippy_file
                ),
            });
        }
        if matches!(spec.kind, Kind::Exercise { .. }) {
            problems.extend(self.exercise_shown(listing, sources, solution_output_shown));
        }
        problems.extend(self.cited_lines_hidden(listing, sources));
        let in_quiz = || {
            let source =
                std::fs::read_to_string(listing.dir.join("src/main.rs")).unwrap_or_default();
            self.quiz_programs.iter().any(|program| *program == source.trim())
        };
        let main = listing.main_source();
        let main_rel = main
            .strip_prefix(&listing.dir)
            .unwrap_or(Path::new("src/main.rs"))
            .display()
            .to_string();
        match (sources.first(), output_shown) {
            (Some(_), Some(_)) => {}
            // A "what does this print?" quiz question shows the program and checks the answer.
            (None, None) if in_quiz() => {}
            (None, None) => problems.push(Failure::Page {
                at: listing.name.clone(),
                message: format!(
                    "orphan listing: no page in {} includes it; show it with {{{{#rustdoc_include}}}} of {}",
                    self.layout.src.strip_prefix(&self.root).unwrap_or(&self.layout.src).display(),
                    main.strip_prefix(&self.root).unwrap_or(&main).display()
                ),
            }),
            (None, Some(at)) => problems.push(Failure::Page {
                at,
                message: format!(
                    "the page shows the output, but no page shows the source: add \
                     {{{{#rustdoc_include .../{}/{main_rel}}}}} above it",
                    listing.name
                ),
            }),
            (Some(source), None) => problems.push(Failure::Page {
                at: source.page.at(source.include),
                message: format!(
                    "the page shows the source, but not its verified output: add \
                     {{{{#include .../{}/{}}}}} under it",
                    listing.name, self.layout.output_file
                ),
            }),
        }
        Failure::all(problems)
    }

    /// An exercise's page gives the reader the whole starter (tests included) in an editable
    /// block, and its solution and the solution's report hidden until asked for.
    fn exercise_shown(
        &self,
        listing: &Listing,
        sources: &[Shown],
        solution_output_shown: bool,
    ) -> Vec<Failure> {
        let solution_file = format!("{}/src/lib.rs", kind::SOLUTION_DIR);
        let mut problems = Vec::new();
        let starters: Vec<&Shown> = sources.iter().filter(|s| s.file == "src/lib.rs").collect();
        let solutions: Vec<&Shown> = sources.iter().filter(|s| s.file == solution_file).collect();
        for starter in &starters {
            problems.extend(exercise_block(
                starter.page,
                starter.include,
                "its starter",
                false,
                true,
            ));
            if starter.include.part != Part::Whole {
                problems.push(Failure::Page {
                    at: starter.page.at(starter.include),
                    message:
                        "shows part of the starter: the reader needs all of it, tests included \
                              (`{{#include .../src/lib.rs}}` without an anchor)"
                            .into(),
                });
            }
        }
        for solution in &solutions {
            problems.extend(exercise_block(
                solution.page,
                solution.include,
                "its solution",
                true,
                false,
            ));
        }
        let missing = [
            (
                starters.is_empty(),
                "its starter (src/lib.rs), whole, in a ```rust,ignore,editable block",
            ),
            (solutions.is_empty(), "its solution (solution/src/lib.rs) inside <details>"),
            (
                !solution_output_shown,
                "its solution's test report (solution/output.txt) inside <details>",
            ),
        ];
        for (_, what) in missing.iter().filter(|(missing, _)| *missing) {
            problems.push(Failure::Page {
                at: listing.name.clone(),
                message: format!("the exercise's page does not show {what}"),
            });
        }
        problems
    }

    /// An output that cites `src/main.rs:16` under a page that hides line 16 sends the reader
    /// looking for a line they cannot see. A line counts as shown when some include of the file
    /// shows it, or when the output quotes it itself (rustc's `16 |` gutter lines).
    fn cited_lines_hidden(&self, listing: &Listing, sources: &[Shown]) -> Vec<Failure> {
        let mut problems = Vec::new();
        for snapshot in [listing.output_snapshot(), listing.clippy_snapshot()] {
            let Ok(text) = std::fs::read_to_string(&snapshot) else { continue };
            let name =
                snapshot.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let quoted = normalise::quoted_lines(&text);
            for (file, line) in normalise::cited_lines(&text) {
                let includes: Vec<&Shown> = sources.iter().filter(|s| s.file == file).collect();
                let Some(first) = includes.first() else { continue };
                if quoted.contains(&(file.clone(), line))
                    || includes.iter().any(|s| s.view.shows(line))
                {
                    continue;
                }
                let shown: Vec<String> = includes.iter().map(|s| s.view.shown_ranges()).collect();
                problems.push(Failure::Page {
                    at: first.page.at(first.include),
                    message: format!(
                        "{name} cites {file}:{line}, a line no page shows (they show lines {} of \
                         the program): widen the part shown, or cite another line",
                        shown.join("; ")
                    ),
                });
            }
        }
        problems
    }

    pub fn check_page(&self, page: &Page) -> Result<(), Failure> {
        let mut problems = Vec::new();
        if let (Some(measured), Some(rules)) = (&page.prose, &self.layout.prose) {
            problems.extend(prose_problems(&page.name, measured, rules));
        }
        if !page.in_summary {
            problems.push(Failure::Page {
                at: page.name.clone(),
                message: "src/SUMMARY.md does not list it, so it is not in the book: add it there, or delete it".into(),
            });
        }
        for (line, phrase) in &page.line_refs {
            problems.push(Failure::Page {
                at: format!("{}:{line}", page.name),
                message: format!(
                    "the prose names {phrase:?}: a listing's lines on the page are not numbered as \
                     in its file (anchors drop lines, hidden lines are not counted), so name the \
                     code itself (\"the `borrow_mut` call\")"
                ),
            });
        }
        for (line, spaces) in &page.indented {
            problems.push(Failure::Page {
                at: format!("{}:{line}", page.name),
                message: format!(
                    "every line of this code block is indented by {spaces} spaces, as the \
                     excerpt sat in its file: nothing on the page shows what it is inside, so \
                     remove those {spaces} spaces from each line"
                ),
            });
        }
        let mut captioned: Vec<&Path> = Vec::new();
        for include in &page.includes {
            let at = page.at(include);
            let path = include.path(&page.folder);
            let listing = self.listings.iter().find(|l| path.starts_with(&l.dir));
            if let Some(listing) = listing
                && include.directive != Directive::Quiz
                && !captioned.contains(&listing.dir.as_path())
            {
                captioned.push(&listing.dir);
                // A solution is captioned from its exercise ("Solution to Exercise 3.1").
                let solution = listing.solution.as_ref().is_some_and(|s| path.starts_with(&s.dir));
                if !solution && let Some(problem) = self.caption_problem(listing) {
                    problems.push(Failure::Page { at: at.clone(), message: problem });
                }
            }
            if !path.is_file() {
                // Bless writes a new listing's snapshot in this same run; its check reports
                // it if it cannot.
                let blessed = self.options.bless
                    && listing.is_some_and(|l| {
                        path == l.output_snapshot() || path == l.clippy_snapshot()
                    });
                if !blessed {
                    problems.push(Failure::Page {
                        at,
                        message: format!("includes {}, which does not exist", include.written),
                    });
                }
                continue;
            }
            if path.extension().is_some_and(|e| e == "rs") && listing.is_none() {
                problems.push(Failure::Page {
                    at: at.clone(),
                    message: format!(
                        "includes {}, which belongs to no listing, so nothing compiles or runs it: \
                         make it a listing under {}",
                        include.written,
                        self.layout
                            .listings
                            .strip_prefix(&self.root)
                            .unwrap_or(&self.layout.listings)
                            .display()
                    ),
                });
            }
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            if let Some((n, line)) = lines::shown_anchor_line(&text, &include.part) {
                problems.push(Failure::Page {
                    at: at.clone(),
                    message: format!(
                        "includes {} {}, so the reader sees its ANCHOR lines (line {n}: `{}`): \
                         include it through an anchor, which drops them, or remove them",
                        include.written,
                        if include.part == Part::Whole { "whole" } else { "by line numbers" },
                        line.trim()
                    ),
                });
            }
            if let Some(problem) = indented_excerpt(&text, include) {
                problems.push(Failure::Page { at: at.clone(), message: problem });
            }
            // mdBook shows nothing for an anchor it cannot find: the reader would get an empty block.
            let Part::Anchor(anchor) = &include.part else { continue };
            if !lines::has_anchor(&text, anchor) {
                problems.push(Failure::Page {
                    at,
                    message: format!(
                        "includes {}:{anchor}, but that file has no `ANCHOR: {anchor}` line",
                        include.written
                    ),
                });
            }
        }
        Failure::all(problems)
    }
}

impl Book {
    /// Why a listing a page shows cannot be captioned: no `description`, or one that breaks the
    /// caption rules (the model's message names the line).
    fn caption_problem(&self, listing: &Listing) -> Option<String> {
        let manifest = listing.dir.join("Cargo.toml");
        let shown = self.relative(&manifest);
        let text = match std::fs::read_to_string(&manifest) {
            Ok(text) => text,
            Err(e) => return Some(format!("cannot read {}: {e}", shown.display())),
        };
        match book_listings::caption::description(&shown, &text) {
            Ok(Some(_)) => None,
            Ok(None) => Some(format!(
                "shows {}, whose {} has no `description`: add `description = \"...\"` to its \
                 [package], the listing's caption on the page: one line of at most {} characters, \
                 no trailing period, `code` in backticks",
                listing.name,
                shown.display(),
                book_listings::caption::MAX_CHARS
            )),
            Err(problem) => Some(problem),
        }
    }
}

/// Why the part of a source file an include shows sits too far right: its visible lines are all
/// indented more than the one level (4 spaces) a `{{#rustdoc_include}}` excerpt of a function's
/// body has, whose hidden lines give the reader the context; a plain include hides nothing, so
/// its excerpt must start at the margin. Outputs are shown as the program printed them.
fn indented_excerpt(text: &str, include: &Include) -> Option<String> {
    if include.fence.is_none() || include.part == Part::Whole || !include.written.ends_with(".rs") {
        return None;
    }
    let rustdoc = include.directive == Directive::RustdocInclude;
    let indent =
        markdown::common_indent(ReaderView::new(text, &include.part, rustdoc).shown_lines(text));
    let allowed = if rustdoc { 4 } else { 0 };
    (indent > allowed).then(|| {
        format!(
            "includes {}{}, whose shown lines are all indented by {indent} spaces (at most \
             {allowed} here): move that code into a function of its own, or anchor the lines \
             around it too",
            include.written,
            match &include.part {
                Part::Anchor(name) => format!(":{name}"),
                _ => " by line numbers".to_string(),
            }
        )
    })
}

/// The reader's view of each of the listing's files; one numbering per file, or the page
/// snapshots cannot match every page.
fn views(shown: &[Shown]) -> Result<Vec<(String, ReaderView)>, Failure> {
    let mut views: Vec<(String, ReaderView)> = Vec::new();
    for s in shown {
        match views.iter().find(|(f, _)| *f == s.file) {
            Some((_, v)) if v.renumbers() != s.view.renumbers() => {
                return Err(Failure::Page {
                    at: s.page.at(s.include),
                    message: format!(
                        "shows {} numbered differently from another include of it (one through an \
                         anchor, which drops the ANCHOR lines, one without): its output can match \
                         only one; include it the same way everywhere",
                        s.file
                    ),
                });
            }
            Some(_) => {}
            None => views.push((s.file.clone(), s.view.clone())),
        }
    }
    Ok(views)
}

/// Flake hunting: the same listing, run again and again, must do the same thing every time.
fn repeated(times: usize, check: impl Fn() -> Result<(), Failure>) -> Result<(), Failure> {
    let first = check();
    let same = |r: &Result<(), Failure>| r.as_ref().err().map(Failure::without_timings);
    for run in 2..=times {
        let again = check();
        if same(&again) != same(&first) {
            return Err(Failure::Flaky {
                first: first.err().map(Box::new),
                run,
                again: again.err().map(Box::new),
            });
        }
    }
    first.map_err(|failure| Failure::EveryRun { times, failure: Box::new(failure) })
}

/// Where one part of an exercise sits: a solution (and its report) inside `<details>`, the
/// starter outside it and editable.
fn exercise_block(
    page: &Page,
    include: &Include,
    what: &str,
    hidden: bool,
    editable: bool,
) -> Option<Failure> {
    let message = if hidden && !include.in_details {
        format!(
            "shows {what} openly: put it inside <details><summary>Solution</summary> … </details>, so the reader sees it only when asking for it"
        )
    } else if !hidden && include.in_details {
        format!("hides {what} inside <details>: the reader needs it to start")
    } else if editable
        && !include
            .fence
            .as_ref()
            .is_some_and(|f| markdown::info_tokens(&f.info).contains(&"editable"))
    {
        format!("shows {what} in a block the reader cannot edit: mark it ```rust,ignore,editable")
    } else {
        return None;
    };
    Some(Failure::Page { at: page.at(include), message })
}

/// Checks one code block holding a listing's source against the listing's kind.
pub fn check_fence(info: Option<&str>, kind: &Kind) -> Result<(), String> {
    let Some(info) = info else {
        return Err("is included outside a code block; put it in a ```rust block".into());
    };
    let tokens = markdown::info_tokens(info);
    if tokens.first() != Some(&"rust") {
        return Err(format!(
            "sits in a ```{info} block; a listing's source goes in a ```rust block"
        ));
    }
    let required = kind.rustdoc_attribute();
    if let Some(attr) = required
        && !tokens.contains(&attr)
    {
        return Err(format!(
            "is a {} listing, so its block must be ```rust,{attr} (it is ```{info})",
            kind.name()
        ));
    }
    if let Some(wrong) =
        kind::ATTRIBUTES.iter().find(|a| tokens.contains(a) && Some(**a) != required)
    {
        return Err(format!(
            "is a {} listing, but its block is marked `{wrong}` (```{info})",
            kind.name()
        ));
    }
    Ok(())
}

/// A page over the book's readability limits: the share and the sentences to rewrite first (the
/// most joiners), and every use of a banned word, each with its line.
fn prose_problems(page: &str, measured: &prose::Prose, rules: &ProseRules) -> Vec<Failure> {
    let mut problems = Vec::new();
    let share = measured.chained_percent();
    if share > rules.max_chained_percent {
        let mut worst: Vec<&prose::Sentence> = measured.chained().collect();
        worst.sort_by_key(|s| std::cmp::Reverse(s.joiners));
        let examples: Vec<String> =
            worst.iter().take(3).map(|s| format!("\n  line {}: {}", s.line, s.text)).collect();
        problems.push(Failure::Page {
            at: page.to_string(),
            message: format!(
                "{share:.1} % of its {} sentences chain two or more of `:` `;` `—` `(` (the \
                 limit is {} %): give each claim its own sentence. `cargo xtask prose {}` lists \
                 them all; the worst:{}",
                measured.sentences.len(),
                rules.max_chained_percent,
                page.rsplit('/').next().unwrap_or(page),
                examples.concat()
            ),
        });
    }
    for (line, word) in &measured.banned {
        problems.push(Failure::Page {
            at: format!("{page}:{line}"),
            message: format!(
                "the prose says {word:?}: say what is true for the reader (\"this program \
                 deadlocks\"), not how the book checks it"
            ),
        });
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn fences_match_kinds() {
        assert!(check_fence(Some("rust"), &Kind::Run).is_ok());
        assert!(check_fence(Some("rust,no_run"), &Kind::Deadlock).is_ok());
        assert!(check_fence(None, &Kind::Run).unwrap_err().contains("outside a code block"));
        assert!(check_fence(Some("text"), &Kind::Run).unwrap_err().contains("```rust block"));
        let panic = Kind::Panic { message: "m".into() };
        assert_eq!(
            check_fence(Some("rust"), &panic).unwrap_err(),
            "is a panic listing, so its block must be ```rust,should_panic (it is ```rust)"
        );
        assert!(
            check_fence(Some("rust,ignore"), &Kind::Run).unwrap_err().contains("marked `ignore`")
        );
    }

    #[test]
    fn repeated_runs_compare_without_timings() {
        let slow = |secs: u64| Failure::WrongEnding {
            kind: "run",
            what: "exited with status 1".into(),
            elapsed: std::time::Duration::from_secs(secs),
            stdout: String::new(),
            stderr: String::new(),
        };
        let n = Cell::new(0);
        let constant = repeated(3, || {
            n.set(n.get() + 1);
            Err(slow(n.get()))
        });
        assert!(matches!(constant, Err(Failure::EveryRun { times: 3, .. })), "{constant:?}");
        let m = Cell::new(0);
        let flaky = repeated(3, || {
            m.set(m.get() + 1);
            if m.get() == 2 { Err(slow(1)) } else { Ok(()) }
        });
        assert!(matches!(flaky, Err(Failure::Flaky { run: 2, first: None, .. })), "{flaky:?}");
        assert_eq!(repeated(3, || Ok(())), Ok(()));
    }

    #[test]
    fn prose_over_the_limits_names_the_worst_sentences_and_banned_words() {
        let rules = ProseRules {
            pages: "ch".into(),
            max_chained_percent: 40.0,
            banned_words: vec!["harness".into()],
        };
        let text = "Plain. Also plain.\n\nOne: two; three (four).\n\nThe harness: ran (it).\n";
        let measured = prose::measure(text, &rules.banned_words);
        let messages: Vec<String> = prose_problems("src/ch01.md", &measured, &rules)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(
            messages[0].starts_with("src/ch01.md: 50.0 % of its 4 sentences"),
            "{}",
            messages[0]
        );
        assert!(messages[0].contains("line 3: One: two; three (four)."), "{}", messages[0]);
        assert!(
            messages[1].starts_with("src/ch01.md:5: the prose says \"harness\""),
            "{}",
            messages[1]
        );
        let lenient = ProseRules { max_chained_percent: 50.0, banned_words: vec![], ..rules };
        assert!(prose_problems("src/ch01.md", &prose::measure(text, &[]), &lenient).is_empty());
    }
}
