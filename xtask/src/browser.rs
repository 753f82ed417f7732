//! The end-to-end tests of the built book in headless chromium (tests/browser, node's test
//! runner with playwright-core). Chromium comes from the system (Debian's old headless shell,
//! tests/browser/chromium.mjs): a browser download is not possible here, and a missing chromium
//! is an error, not a skip.

use std::fs::File;
use std::hash::{DefaultHasher, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const CHROMIUM: &str = "/usr/bin/chromium-headless-shell";

/// The chromium to use, and the suite's npm packages installed (the book's build needs them
/// too: xtask/src/diagrams.rs).
pub fn ready(root: &Path, out: &File) -> Result<String, String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| CHROMIUM.into());
    if !Path::new(&chromium).is_file() {
        return Err(format!(
            "{chromium} is missing: install it with `apt-get install chromium-headless-shell fonts-liberation fonts-noto-color-emoji`"
        ));
    }
    let dir = root.join("tests/browser");
    if !dir.join("node_modules/playwright-core").is_dir() {
        eprintln!(
            "Installing the browser tests' npm packages (playwright-core, axe-core) from package-lock.json"
        );
        run(
            Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&dir),
            "npm ci",
            out,
        )?;
    }
    Ok(chromium)
}

/// The model's kind table as JSON (`mdbook-listings kinds`), which the suite checks the pages
/// against. xtask asks for it before the listing phases start, so that the suite, running beside
/// them, need not wait for cargo.
pub fn kinds(root: &Path) -> Result<String, String> {
    let output = crate::cargo()
        .current_dir(root)
        .args(["run", "--quiet", "--package", "mdbook-listings", "--", "kinds"])
        .output()
        .map_err(|e| format!("could not start cargo run --package mdbook-listings: {e}"))?;
    if output.status.success() {
        String::from_utf8(output.stdout).map_err(|e| format!("mdbook-listings kinds: {e}"))
    } else {
        Err(format!(
            "cargo run --package mdbook-listings -- kinds failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ))
    }
}

/// The suite, with the kind table `kinds`, its output to `out`.
pub fn test(root: &Path, kinds: &str, out: &File) -> Result<(), String> {
    let chromium = ready(root, out)?;
    let dir = root.join("tests/browser");
    // Like the listing harness: a pass is remembered under a key over everything the suite
    // looks at, and a failure never is. The suite takes over a minute; an unchanged book need
    // not pay it again.
    let key = pass_key(root, &chromium)?;
    let record = root.join("target/browser-pass");
    let use_cache = !book_listings::env::switch("BOOK_NO_CACHE")?;
    if use_cache && std::fs::read_to_string(&record).ok() == Some(key.clone()) {
        let mut log = out;
        let _ = writeln!(
            log,
            "browser: book/html, the tests and chromium are as they were at the last pass, so \
             the suite is not run again (BOOK_NO_CACHE=1 runs it)"
        );
        return Ok(());
    }
    let _ = std::fs::remove_file(&record);
    run(
        Command::new("node")
            // One file: it imports every part of the suite (checks/), so one process and one
            // chromium run them all, in parallel (support.mjs).
            .args(["--test", "book.test.mjs"])
            .env("CHROMIUM", &chromium)
            .env("LISTING_KINDS", kinds)
            .current_dir(&dir),
        "the browser tests",
        out,
    )?;
    std::fs::write(&record, key).map_err(|e| format!("cannot write {}: {e}", record.display()))
}

/// Screenshots of the built book for people to look at (tests/browser/shots.mjs).
pub fn shots(root: &Path, pages: &[String]) -> Result<(), String> {
    if !root.join("book/html/index.html").is_file() {
        return Err("book/html has no built book: run `cargo xtask test` first".into());
    }
    let chromium = ready(root, &stderr_file()?)?;
    run(
        Command::new("node")
            .arg("shots.mjs")
            .args(pages)
            .env("CHROMIUM", &chromium)
            .current_dir(root.join("tests/browser")),
        "tests/browser/shots.mjs",
        &stderr_file()?,
    )
}

/// This process's standard error as a file, for a command that reports straight to the terminal.
pub fn stderr_file() -> Result<File, String> {
    use std::os::fd::AsFd;
    std::io::stderr()
        .as_fd()
        .try_clone_to_owned()
        .map(File::from)
        .map_err(|e| format!("cannot use standard error: {e}"))
}

/// A hash of the built book, the suite (every file of tests/browser but its installed
/// packages, whose versions package-lock.json holds) and chromium's version.
pub fn pass_key(root: &Path, chromium: &str) -> Result<String, String> {
    let mut hash = DefaultHasher::new();
    let version = Command::new(chromium)
        .arg("--version")
        .output()
        .map_err(|e| format!("could not start {chromium}: {e}"))?;
    hash.write(&version.stdout);
    let walk = |dir: PathBuf| {
        walkdir::WalkDir::new(dir)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.file_name() != "node_modules")
            .filter_map(Result::ok)
            .map(|e| e.into_path())
    };
    let files = walk(root.join("tests/browser")).chain(walk(root.join("book/html")));
    for path in files.filter(|p| p.is_file()) {
        crate::kept::hash_file(&mut hash, &path)?;
    }
    Ok(format!("{:016x}\n", hash.finish()))
}

/// Runs `cmd`, its output (stdout and stderr) to `out`.
pub fn run(cmd: &mut Command, what: &str, out: &File) -> Result<(), String> {
    let stdio = || out.try_clone().map(Stdio::from).map_err(|e| format!("{what}: {e}"));
    let status = cmd
        .stdout(stdio()?)
        .stderr(stdio()?)
        .status()
        .map_err(|e| format!("could not start {what}: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("{what} failed ({status})")) }
}

#[cfg(test)]
mod tests {
    use super::pass_key;

    #[test]
    fn the_pass_key_follows_every_file_of_the_built_book_and_the_suite() {
        let root = tempfile::tempdir().unwrap();
        let write = |file: &str, text: &str| {
            let path = root.path().join(file);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("book/html/ch01.html", "<p>one</p>");
        write("tests/browser/book.test.mjs", "test()");
        // Any program that answers `--version` stands in for chromium.
        let key = || pass_key(root.path(), "/bin/echo").unwrap();
        let first = key();
        assert_eq!(key(), first, "the same files give the same key");
        write("book/html/ch01.html", "<p>two</p>");
        assert_ne!(key(), first, "a changed page");
        write("book/html/ch01.html", "<p>one</p>");
        write("book/html/new.html", "");
        assert_ne!(key(), first, "a new page");
        std::fs::remove_file(root.path().join("book/html/new.html")).unwrap();
        assert_eq!(key(), first);
        write("tests/browser/book.test.mjs", "test(); test()");
        assert_ne!(key(), first, "a changed suite");
        let second = key();
        write("tests/browser/checks/pages.mjs", "test()");
        assert_ne!(key(), second, "a new part of the suite");
        let third = key();
        write("tests/browser/node_modules/playwright-core/index.js", "x");
        assert_eq!(key(), third, "installed packages are known by package-lock.json");
    }
}
