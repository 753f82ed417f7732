//! Building the book (in-process, crates/book-build) and serving it with the pinned mdbook.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::tools;

/// A command of the book with `.tools/bin` first on its PATH, where mdbook and the
/// preprocessors and renderers it starts find each other.
fn with_tools(mut cmd: Command, root: &Path) -> Command {
    // Unset: a caller's RUST_LOG or RUST_BACKTRACE would add lines to the log that the book
    // phase reads for problems.
    cmd.current_dir(root)
        .env("PATH", tools::path_with_tools(root))
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LOG");
    cmd
}

/// Installs what serving runs, then `mdbook serve`. The listing preprocessor (`cargo run` of
/// mdbook-listings, book.toml) is compiled meanwhile, so the first build does not wait for it.
pub fn serve(root: &Path, port: u16) -> Result<(), String> {
    let preprocessor = crate::cargo()
        .current_dir(root)
        .args(["build", "--quiet", "--package", "mdbook-listings"])
        .spawn()
        .map_err(|e| format!("could not start cargo build: {e}"));
    let installed = tools::install(root, &tools::FOR_SERVE);
    let built = preprocessor.and_then(|mut c| c.wait().map_err(|e| e.to_string()));
    installed?;
    match built {
        Ok(status) if status.success() => {}
        Ok(status) => {
            return Err(format!("cargo build --package mdbook-listings failed ({status})"));
        }
        Err(error) => return Err(error),
    }
    eprintln!("Serving the book on http://127.0.0.1:{port} (Ctrl-C to stop)");
    let mut mdbook = with_tools(Command::new(root.join(tools::DIR).join("bin/mdbook")), root);
    let status = mdbook
        .args(["serve", "--hostname", "127.0.0.1", "--port", &port.to_string()])
        .status()
        .map_err(|e| format!("could not start mdbook: {e}"))?;
    if status.success() { Ok(()) } else { Err("mdbook serve failed".into()) }
}

/// What `mdbook build` does, and the link check, by crates/book-build. mdBook carries on after
/// some errors — a bad book.toml key is reported and then silently dropped — so any ERROR or
/// WARN line fails the build.
pub fn build(root: &Path) -> Result<(), String> {
    // With skeptic's flags, so the build phase has compiled it already (main.rs).
    let mut cargo = crate::with_listing_flags(crate::cargo());
    cargo.args(["run", "--quiet", "--package", "book-build", "--"]).arg(root);
    let output = with_tools(cargo, root)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("could not start cargo run --package book-build: {e}"))?;
    let log = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    eprint!("{log}");
    let bad = problems(&log);
    if !output.status.success() {
        return Err(format!("the book build (crates/book-build) exited with {}", output.status));
    }
    if !bad.is_empty() {
        return Err(format!("mdbook build reported problems:\n{}", bad.join("\n")));
    }
    Ok(())
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
    use super::problems;

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
}
