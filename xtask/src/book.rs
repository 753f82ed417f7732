//! Building and serving the book with the pinned mdbook.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::tools;

/// mdbook-mermaid 0.17.1 was built against mdbook 0.5.0 and says so on every run; harmless.
const HARMLESS: [&str; 1] = [
    "The mdbook-mermaid preprocessor was built against version 0.5.0 of mdbook, but we're being called from version 0.5.4",
];

fn mdbook(root: &Path) -> Command {
    let mut cmd = Command::new(root.join(tools::DIR).join("bin").join("mdbook"));
    // Unset: linkcheck2 would print a Rust backtrace under every broken-link report.
    // A caller's RUST_LOG=info would make linkcheck2 print WARN lines about anchors it skips.
    cmd.current_dir(root)
        .env("PATH", tools::path_with_tools(root))
        .env_remove("RUST_BACKTRACE")
        .env_remove("RUST_LOG");
    cmd
}

pub fn serve(root: &Path) -> Result<(), String> {
    eprintln!("Serving the book on http://127.0.0.1:3000 (Ctrl-C to stop)");
    let status = mdbook(root)
        .args(["serve", "--hostname", "127.0.0.1", "--port", "3000"])
        .status()
        .map_err(|e| format!("could not start mdbook: {e}"))?;
    if status.success() { Ok(()) } else { Err("mdbook serve failed".into()) }
}

/// `mdbook build` (HTML and linkcheck2). mdbook exits 0 after some errors — a bad book.toml
/// key is reported and then silently dropped — so any ERROR or WARN line fails the build.
pub fn build(root: &Path) -> Result<(), String> {
    let output = mdbook(root)
        .arg("build")
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("could not start mdbook: {e}"))?;
    let log = String::from_utf8_lossy(&output.stdout).into_owned()
        + &String::from_utf8_lossy(&output.stderr);
    eprint!("{log}");
    let bad = problems(&log);
    if !output.status.success() {
        return Err(format!("mdbook build exited with {}", output.status));
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
        .filter(|line| !HARMLESS.iter().any(|ok| line.contains(ok)))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::problems;

    #[test]
    fn errors_and_warnings_fail_the_build_but_the_known_notice_does_not() {
        let log = " INFO Book building has started\n\
                   Warning: The mdbook-mermaid preprocessor was built against version 0.5.0 of mdbook, but we're being called from version 0.5.4\n\
                   Warning: The mdbook-mermaid preprocessor was built against version 0.4.0 of mdbook\n\
                   ERROR unknown field `additional-jss`\n\
                   WARN linkcheck: broken link";
        assert_eq!(
            problems(log),
            [
                "Warning: The mdbook-mermaid preprocessor was built against version 0.4.0 of mdbook",
                "ERROR unknown field `additional-jss`",
                "WARN linkcheck: broken link"
            ]
        );
    }
}
