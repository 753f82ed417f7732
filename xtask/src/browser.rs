//! The end-to-end tests of the built book in headless chromium (tests/browser, node's test
//! runner with playwright-core). Chromium comes from the system (`apt-get install chromium`):
//! a browser download is not possible here, and a missing chromium is an error, not a skip.

use std::path::Path;
use std::process::Command;

const CHROMIUM: &str = "/usr/bin/chromium";

pub fn test(root: &Path) -> Result<(), String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| CHROMIUM.into());
    if !Path::new(&chromium).is_file() {
        return Err(format!("{chromium} is missing: install it with `apt-get install chromium`"));
    }
    let dir = root.join("tests/browser");
    if !dir.join("node_modules/playwright-core").is_dir() {
        eprintln!(
            "Installing the browser tests' npm packages (playwright-core, axe-core) from package-lock.json"
        );
        run(
            Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&dir),
            "npm ci",
        )?;
    }
    run(
        Command::new("node")
            .args(["--test", "--test-concurrency=1", "book.test.mjs"])
            .env("CHROMIUM", &chromium)
            .current_dir(&dir),
        "the browser tests",
    )
}

fn run(cmd: &mut Command, what: &str) -> Result<(), String> {
    let status = cmd.status().map_err(|e| format!("could not start {what}: {e}"))?;
    if status.success() { Ok(()) } else { Err(format!("{what} failed ({status})")) }
}
