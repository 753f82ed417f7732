//! Building the book (in-process, crates/book-build) and serving it (serve.rs), with no
//! mdbook binary.

use std::fs::File;
use std::hash::{DefaultHasher, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use crate::{kept, serve, tools};

/// A command of the book with `.tools/bin` first on its PATH, where the preprocessors the
/// book builder starts (mdbook-quiz) are found.
fn with_tools(mut cmd: Command, root: &Path) -> Command {
    // Unset: a caller's RUST_LOG or RUST_BACKTRACE would add lines to the log that the book
    // phase reads for problems.
    cmd.current_dir(root)
        .env("PATH", tools::path_with_tools(root))
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LOG");
    cmd
}

/// Builds the book with crates/book-build and serves it with live reload (serve.rs). On a fresh
/// machine the first page waits only for the book builder and the listing preprocessor: it is
/// served without its quizzes, mdbook-quiz installs after it (at a lower priority), and the
/// pages reload with the quizzes when it is in place. No mdbook or mdbook-mermaid binary is
/// compiled.
pub fn serve(root: &Path, port: u16) -> Result<(), String> {
    let started = Instant::now();
    compile(root, false)?;
    let quiz = Arc::new(AtomicBool::new(tools::missing(root, &tools::FOR_SERVE).is_empty()));
    let out = root.join("book/html");
    let with_quizzes = quiz.load(Ordering::SeqCst);
    if !with_quizzes {
        eprintln!(
            "mdbook-quiz is not installed yet: this first build has no quizzes. It installs once \
             the book is served, and the pages reload with their quizzes then."
        );
    }
    if let Err(error) = rebuild(root, &out, with_quizzes) {
        if !out.join("index.html").is_file() {
            return Err(error);
        }
        eprintln!("{error}\nServing the book of the last build that worked.");
    }
    let site = serve::Site::new(out.clone());
    serve::listen(Arc::clone(&site), port)?;
    // Only now: niced beside the book builder's compile, the install still took a share of
    // the two cores and of their caches, and the first page waited for it.
    if !with_quizzes {
        let (root, quiz) = (root.to_path_buf(), Arc::clone(&quiz));
        std::thread::spawn(move || match tools::install_in_background(&root, &tools::FOR_SERVE) {
            Ok(()) => quiz.store(true, Ordering::SeqCst),
            Err(error) => eprintln!("error: {error}\nThe book is served without its quizzes."),
        });
    }
    eprintln!(
        "Serving the book on http://127.0.0.1:{port} ({:.0} s after start; Ctrl-C to stop).\n\
         Pages reload themselves after each rebuild; a change to src/, listings/, theme/ or \
         book.toml rebuilds.",
        started.elapsed().as_secs_f64()
    );
    // Read by both closures: whether the book being served has its quizzes.
    let served_with_quizzes = std::cell::Cell::new(with_quizzes);
    let quiz_arrived = || !served_with_quizzes.get() && quiz.load(Ordering::SeqCst);
    serve::watch(root, &site, Duration::from_millis(500), quiz_arrived, || {
        let with_quizzes = quiz.load(Ordering::SeqCst);
        eprintln!("\n==> rebuilding the book");
        match rebuild(root, &out, with_quizzes) {
            Ok(()) => {
                served_with_quizzes.set(with_quizzes);
                eprintln!("==> rebuilt; open pages reload");
                true
            }
            Err(error) => {
                eprintln!("error: {error}\n==> the book served is still the last one that built");
                false
            }
        }
    })
}

/// Builds into `book/.next` and only then puts it in place of `out`: a build that fails
/// leaves the book being read as it was.
fn rebuild(root: &Path, out: &Path, with_quizzes: bool) -> Result<(), String> {
    let next = sibling(out, ".next");
    let old = sibling(out, ".old");
    let _ = std::fs::remove_dir_all(&next);
    build_into(root, Some(&next), with_quizzes, &mut std::io::stderr())?;
    let _ = std::fs::remove_dir_all(&old);
    if out.exists() {
        std::fs::rename(out, &old).map_err(|e| format!("cannot move {}: {e}", out.display()))?;
    }
    std::fs::rename(&next, out).map_err(|e| format!("cannot move {}: {e}", next.display()))?;
    let _ = std::fs::remove_dir_all(&old);
    Ok(())
}

fn sibling(dir: &Path, name: &str) -> PathBuf {
    dir.parent().unwrap_or(Path::new(".")).join(name)
}

/// What builds and checks the pages: skeptic, the book builder and the listing preprocessor.
/// The test command tests them in one cargo command (beside skeptic's mdbook-driver), and
/// compiles the two programs with the same packages (`compile`): cargo unifies the features of
/// shared dependencies over a command's packages and dev-dependencies, so the book builder
/// built alone got other features of serde, syn and mdBook's crates than in its tests, and 171
/// units, 41.7 unit-seconds, compiled a second time in a cold build phase.
pub const PAGES: [&str; 6] =
    ["--package", "book-skeptic", "--package", "book-build", "--package", "mdbook-listings"];

/// Compiles the book builder and the listing preprocessor, with the listing harness's flags as
/// the build phase compiles what they share with skeptic, so that a build runs them without
/// cargo (`build_into`). `for_tests`: with the features of their tests (`PAGES`), whose build
/// has compiled everything else; without, only what the programs need (serve's first page,
/// which does not wait for skeptic or for mdbook-mermaid, a dev-dependency).
pub fn compile(root: &Path, for_tests: bool) -> Result<(), String> {
    let packages = if for_tests {
        [&["--bins", "--tests"][..], &PAGES].concat()
    } else {
        vec!["--package", "book-build", "--package", "mdbook-listings"]
    };
    let status = crate::with_listing_flags(crate::cargo())
        .current_dir(root)
        .arg("build")
        .arg("--quiet")
        .args(&packages)
        .status()
        .map_err(|e| format!("could not start cargo build: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("cargo build {} failed ({status})", packages.join(" ")))
    }
}

/// What `mdbook build` does, and the link check, by crates/book-build (compiled by `compile`),
/// its log to `out`. mdBook carries on after some errors — a bad book.toml key is reported and
/// then silently dropped — so any ERROR or WARN line fails the build.
///
/// A pass is kept in target/book-pass under a key over everything the build reads (`inputs_key`)
/// and put back when the key is the same, as the listing harness keeps its passes: an unchanged
/// book need not cost every `cargo xtask test` its build, most of it mdbook-quiz compiling each
/// "what does this program print" question with rustc (10.5 of the 43 CPU-seconds of a warm
/// `cargo xtask test` on 2 cores).
pub fn build(root: &Path, out: &File) -> Result<(), String> {
    let mut log = out;
    // Built elsewhere (mdBook's own override of build-dir), the book is not the one kept.
    let use_cache = !book_listings::env::switch("BOOK_NO_CACHE")?
        && std::env::var_os("MDBOOK_BUILD__BUILD_DIR").is_none();
    let key = if use_cache { Some(inputs_key(root)?) } else { None };
    let stored = root.join("target/book-pass");
    let put_back =
        kept::build_or_put_back(&root.join("book/html"), &stored, key.as_deref(), || {
            build_into(root, None, true, &mut log)
        })?;
    if put_back {
        let _ = writeln!(
            log,
            "book: its sources, the programs that build it and rustc are as at the last pass, so \
             the book built then was put back from target/book-pass (BOOK_NO_CACHE=1 builds it)"
        );
    } else if let Some(key) = key {
        // Something it reads may have changed while it built (a file saved, a snapshot blessed
        // beside it).
        if !kept::keep_if_unchanged(&stored, &key, inputs_key(root))? {
            let _ = writeln!(log, "book: its sources changed during the build, so it is not kept");
        }
    }
    Ok(())
}

/// What the checkout holds that the build does not read, or writes itself: skipped by
/// `inputs_key`, as is every folder named `target` or `node_modules` and cargo-mutants'
/// `mutants.out*`. The code of crates/ counts through the programs it is compiled into;
/// exercises/ holds a reader's copies of the starters (`cargo xtask exercise`).
const NOT_READ: [&str; 8] =
    [".git", "book", ".tools", "crates", "xtask", "tests", "src/quiz", "exercises"];

/// A hash of everything a build of the book reads: every file of the checkout but `NOT_READ`
/// (pages, quizzes, theme, listings, book.toml, the manifests), the programs it runs (book-build,
/// mdbook-listings, mdbook-quiz: size and modification time, which cargo changes with each
/// build; and xtask), the rustc that mdbook-quiz compiles questions with, the `MDBOOK_*`
/// variables (mdBook's overrides of book.toml) and mdbook-quiz's `QUIZ_DEV_MODE`.
pub fn inputs_key(root: &Path) -> Result<String, String> {
    // Asked where mdbook-quiz asks it, in a temporary folder: rust-toolchain.toml does not
    // choose it there (under `cargo xtask`, rustup's RUSTUP_TOOLCHAIN does).
    let rustc = with_tools(Command::new("rustc"), root)
        .current_dir(std::env::temp_dir())
        .arg("-vV")
        .output()
        .map_err(|e| format!("could not start rustc: {e}"))?;
    let quiz = root.join(tools::DIR).join("bin").join(tools::QUIZ.name);
    // xtask itself: it gives the build its environment and decides what is a problem.
    let xtask = std::env::current_exe().map_err(|e| format!("where is xtask: {e}"))?;
    let programs = [built(root, "book-build"), built(root, "mdbook-listings"), quiz, xtask];
    key_of(root, &target_dir(root), &programs, &rustc.stdout, std::env::vars_os())
}

/// `inputs_key`, given the target dir, the programs, what rustc says of itself and the
/// environment.
fn key_of(
    root: &Path,
    target: &Path,
    programs: &[PathBuf],
    rustc: &[u8],
    vars: impl Iterator<Item = (std::ffi::OsString, std::ffi::OsString)>,
) -> Result<String, String> {
    let mut hash = DefaultHasher::new();
    // Canonical, so that a target dir named through `..` or a symlink is still recognised.
    let canonical = |path: &Path| std::fs::canonicalize(path).unwrap_or_else(|_| path.into());
    let (root, target) = (&canonical(root), canonical(target));
    let skipped = |path: &Path| {
        let relative = path.strip_prefix(root).unwrap_or(path);
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        NOT_READ.iter().any(|dir| relative == Path::new(dir))
            || ["target", "node_modules"].contains(&name.as_ref())
            || name.starts_with("mutants.out")
            || path == target
    };
    let files = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|entry| !skipped(entry.path()));
    for entry in files {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", root.display()))?;
        if entry.path().is_file() {
            kept::hash_file(&mut hash, entry.path())?;
        }
    }
    for program in programs {
        hash.write(program.to_string_lossy().as_bytes());
        // A missing program fails the build, which is then not kept.
        if let Ok(meta) = std::fs::metadata(program) {
            hash.write_u64(meta.len());
            hash.write(format!("{:?}", meta.modified().ok()).as_bytes());
        }
    }
    hash.write(rustc);
    let mut overrides: Vec<_> = vars
        .filter(|(name, _)| {
            ["MDBOOK_", "QUIZ_"].iter().any(|p| name.to_string_lossy().starts_with(p))
        })
        .collect();
    overrides.sort();
    for (name, value) in overrides {
        hash.write(name.as_encoded_bytes());
        hash.write(value.as_encoded_bytes());
    }
    Ok(format!("{:016x}\n", hash.finish()))
}

/// A program `compile` built.
fn built(root: &Path, name: &str) -> PathBuf {
    target_dir(root).join("debug").join(name)
}

/// Absolute, as cargo reads a relative CARGO_TARGET_DIR (from the current folder), so that
/// `inputs_key` can tell it among the checkout's folders.
fn target_dir(root: &Path) -> PathBuf {
    let target =
        std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from);
    std::path::absolute(&target).unwrap_or(target)
}

/// `build`, into `out` instead of book.toml's build-dir if given, and without the quizzes if
/// mdbook-quiz is not installed yet (serve's first build on a fresh machine).
fn build_into(
    root: &Path,
    out: Option<&Path>,
    with_quizzes: bool,
    report: &mut impl Write,
) -> Result<(), String> {
    let mut builder = Command::new(built(root, "book-build"));
    builder.arg(root);
    // book.toml runs the listing preprocessor with `cargo run`, for an author's `mdbook build`.
    // Here the program is already built: without cargo, the build does not wait for the cargo
    // of the listing phases, beside which `cargo xtask test` runs it.
    let preprocessor = built(root, "mdbook-listings");
    if let Some(path) = preprocessor.to_str().filter(|p| !p.contains(char::is_whitespace)) {
        builder
            .env("MDBOOK_PREPROCESSOR__LISTING_MARKERS__COMMAND", path)
            .env("MDBOOK_PREPROCESSOR__LAZY_QUIZ__COMMAND", format!("{path} lazy-quiz"));
    }
    if let Some(out) = out {
        // mdBook's own override of book.toml's `build.build-dir`.
        builder.env("MDBOOK_BUILD__BUILD_DIR", out);
    }
    if !with_quizzes {
        // mdBook skips an optional preprocessor it cannot find, with the WARN line below.
        builder.env("MDBOOK_PREPROCESSOR__QUIZ__OPTIONAL", "true");
    }
    let output = with_tools(builder, root)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("could not start {}: {e}", built(root, "book-build").display()))?;
    let log = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    let _ = write!(report, "{log}");
    let mut bad = problems(&log);
    if !with_quizzes {
        bad.retain(|line| !is_skipped_quiz(line));
    }
    if !output.status.success() {
        return Err(format!("the book build (crates/book-build) exited with {}", output.status));
    }
    if !bad.is_empty() {
        return Err(format!("mdbook build reported problems:\n{}", bad.join("\n")));
    }
    Ok(())
}

/// mdBook's line when it skips mdbook-quiz (`build_into` without quizzes): the only
/// warning that build may have.
fn is_skipped_quiz(line: &str) -> bool {
    line.contains("`mdbook-quiz` for preprocessor `quiz` was not found, but is marked as optional")
}

fn problems(log: &str) -> Vec<String> {
    log.lines()
        .filter(|line| {
            let line = line.to_lowercase();
            line.contains("error") || line.contains("warn")
        })
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{is_skipped_quiz, key_of, problems};
    use std::ffi::OsString;
    use std::path::Path;

    #[test]
    fn the_books_key_follows_what_the_build_reads_and_nothing_it_writes() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let write = |file: &str, text: &str| {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        for file in ["book.toml", "src/ch01.md", "src/quizzes/ch01.toml", "theme/reader.css"] {
            write(file, "1");
        }
        for file in ["listings/ch01/01-a/output.txt", "target/debug/book-build"] {
            write(file, "1");
        }
        for file in ["target/debug/mdbook-listings", ".tools/bin/mdbook-quiz"] {
            write(file, "1");
        }
        let vars = |fold: &str, dev: &str| {
            [("MDBOOK_OUTPUT__HTML__FOLD", fold), ("QUIZ_DEV_MODE", dev), ("HOME", "/root")]
                .map(|(name, value)| (OsString::from(name), OsString::from(value)))
                .into_iter()
        };
        let programs = ["target/debug/book-build", "target/debug/mdbook-listings"]
            .into_iter()
            .chain([".tools/bin/mdbook-quiz", "target/debug/xtask"])
            .map(|program| root.join(program))
            .collect::<Vec<_>>();
        let key_with = |rustc: &str, fold: &str, dev: &str| {
            key_of(root, &root.join("target"), &programs, rustc.as_bytes(), vars(fold, dev))
                .unwrap()
        };
        let key = |rustc: &str, fold: &str| key_with(rustc, fold, "");
        let first = key("rustc 1.95.0", "1");
        assert_eq!(key("rustc 1.95.0", "1"), first, "the same inputs, the same key");
        assert_ne!(key("rustc 1.96.0", "1"), first, "another rustc");
        assert_ne!(key("rustc 1.95.0", "2"), first, "another MDBOOK_ override");
        assert_ne!(key_with("rustc 1.95.0", "1", "1"), first, "mdbook-quiz's QUIZ_DEV_MODE");
        let changed = |file: &str| {
            write(file, "changed");
            key("rustc 1.95.0", "1")
        };
        let mut last = first;
        for file in [
            "book.toml",
            "src/ch01.md",
            "src/quizzes/ch01.toml",
            "theme/reader.css",
            "listings/ch01/01-a/output.txt",
            "src/new-page-not-in-git.md",
            "target/debug/book-build",
            "target/debug/mdbook-listings",
            ".tools/bin/mdbook-quiz",
            "target/debug/xtask",
        ] {
            let now = changed(file);
            assert_ne!(now, last, "{file} changed the key");
            last = now;
        }
        for file in [
            "book/html/index.html",
            "src/quiz/quiz-embed.iife.js",
            "target/debug/deps/other",
            "crates/book-build/src/main.rs",
            "tests/browser/book.test.mjs",
            "exercises/ch01/src/lib.rs",
            "listings/ch01/01-a/target/debug/a",
            "tests/browser/node_modules/x/index.js",
            "mutants.out.old/src/lib.rs",
            ".git/HEAD",
        ] {
            assert_eq!(changed(file), last, "{file} is not read by the build");
        }
        let elsewhere = root.join("other-target");
        std::fs::create_dir_all(elsewhere.join("debug")).unwrap();
        let with_target =
            |target: &Path| key_of(root, target, &programs, b"rustc", vars("1", "")).unwrap();
        let before = with_target(&elsewhere);
        std::fs::write(elsewhere.join("debug/notes"), "x").unwrap();
        assert_eq!(
            with_target(&elsewhere),
            before,
            "a CARGO_TARGET_DIR in the checkout is skipped"
        );
        let roundabout = root.join("src/../other-target");
        std::fs::write(elsewhere.join("debug/more"), "x").unwrap();
        assert_eq!(with_target(&roundabout), with_target(&elsewhere), "named through `..` too");
    }

    #[test]
    fn errors_and_warnings_fail_the_build() {
        let log = " INFO Book building has started\n\
                   WARN preprocessor.lazy-quiz.before contains \"quizz\", which was not found\n\
                   ERROR unknown field `additional-jss`\n\
                    INFO Running the html backend\n\
                   ERROR src/ch01.md:3: link \"ch02.html\" points at ch02.html, which does not exist";
        assert_eq!(
            problems(log),
            [
                "WARN preprocessor.lazy-quiz.before contains \"quizz\", which was not found",
                "ERROR unknown field `additional-jss`",
                "ERROR src/ch01.md:3: link \"ch02.html\" points at ch02.html, which does not exist"
            ]
        );
    }

    #[test]
    fn only_mdbooks_line_about_the_missing_quiz_is_allowed_in_a_build_without_quizzes() {
        let skipped = " WARN The command `mdbook-quiz` for preprocessor `quiz` was not found, \
                       but is marked as optional.";
        assert!(is_skipped_quiz(skipped));
        let other = " WARN The command `mdbook-mermaid` for preprocessor `mermaid` was not \
                     found, but is marked as optional.";
        assert!(!is_skipped_quiz(other));
        assert!(!is_skipped_quiz("ERROR mdbook-quiz failed: marked as optional"));
    }
}
