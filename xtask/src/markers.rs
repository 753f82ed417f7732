//! An mdBook preprocessor (`[preprocessor.listing-markers]` in book.toml) that labels every
//! listing on a page with its kind — "Does not compile", "Deadlocks", ... — and every verified
//! output with what it is — "Compiler error", "Deadlock — killed after 2 s", ... The labels are
//! read from the same `[package.metadata.listing]` the harness verifies, so they cannot drift.

use std::io::Read;
use std::path::{Path, PathBuf};

use mdbook_preprocessor::book::{Book, BookItem};

/// `cargo xtask mdbook-listings [supports <renderer>]`, speaking mdBook's preprocessor protocol.
pub fn preprocess(args: &[String]) -> Result<(), String> {
    if args.first().map(String::as_str) == Some("supports") {
        return Ok(()); // Markers are plain HTML: every renderer that shows HTML can use them.
    }
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).map_err(|e| e.to_string())?;
    let (ctx, mut book): (_, Book) =
        mdbook_preprocessor::parse_input(input.as_bytes()).map_err(|e| format!("{e:#}"))?;
    let src = ctx.root.join(&ctx.config.book.src);
    let mut problems = Vec::new();
    book.for_each_mut(|item| {
        if let BookItem::Chapter(chapter) = item {
            let folder =
                chapter.path.as_ref().and_then(|p| p.parent()).map_or(src.clone(), |p| src.join(p));
            match mark(&chapter.content, &folder) {
                Ok(marked) => chapter.content = marked,
                Err(e) => problems.push(e),
            }
        }
    });
    if !problems.is_empty() {
        return Err(problems.join("\n"));
    }
    serde_json::to_writer(std::io::stdout(), &book).map_err(|e| e.to_string())
}

struct Kind {
    name: String,
    timeout_secs: f64,
}

/// Inserts an HTML label before each fenced block that includes a listing's source or output.
pub fn mark(markdown: &str, folder: &Path) -> Result<String, String> {
    let lines: Vec<&str> = markdown.lines().collect();
    let mut out = String::with_capacity(markdown.len() + 1024);
    let mut in_fence = false;
    for (i, line) in lines.iter().enumerate() {
        let is_fence = unquoted(line).starts_with("```");
        if is_fence
            && !in_fence
            && let Some(label) = label_for_block(&lines[i + 1..], folder)?
        {
            // Inside an admonition the label must carry the same `> ` prefix.
            let quote = &line[..line.len() - unquoted(line).len()];
            out.push_str(&format!("{quote}{label}\n{}\n", quote.trim_end()));
        }
        if is_fence {
            in_fence = !in_fence;
        }
        out.push_str(line);
        out.push('\n');
    }
    Ok(out)
}

/// Looks inside the block (up to its closing fence) for an include of a listing's file.
fn label_for_block(body: &[&str], folder: &Path) -> Result<Option<String>, String> {
    for line in body.iter().take_while(|l| !unquoted(l).starts_with("```")) {
        let Some(target) = included_path(line) else { continue };
        let Some(dir) = listing_dir(&folder.join(&target)) else { continue };
        let kind = read_kind(&dir)?;
        return Ok(Some(if target.ends_with("clippy.txt") {
            "<div class=\"output-label label-clippy\">Clippy's findings</div>".to_string()
        } else if target.ends_with("output.txt") {
            output_label(&kind)
        } else {
            source_marker(&kind)
        }));
    }
    Ok(None)
}

/// A line without the `> ` of the block quotes (admonitions) it sits in.
fn unquoted(line: &str) -> &str {
    line.trim_start_matches(|c: char| c == '>' || c.is_whitespace())
}

fn included_path(line: &str) -> Option<String> {
    let start = line
        .find("{{#include ")
        .map(|i| i + 11)
        .or_else(|| line.find("{{#rustdoc_include ").map(|i| i + 19))?;
    let rest = &line[start..];
    let end = rest.find(['}', ':', ' '])?;
    Some(rest[..end].to_string())
}

/// The listing folder is the nearest ancestor with a Cargo.toml.
fn listing_dir(file: &Path) -> Option<PathBuf> {
    file.ancestors().skip(1).take(3).find(|d| d.join("Cargo.toml").is_file()).map(Path::to_path_buf)
}

fn read_kind(dir: &Path) -> Result<Kind, String> {
    let manifest = dir.join("Cargo.toml");
    let text =
        std::fs::read_to_string(&manifest).map_err(|e| format!("{}: {e}", manifest.display()))?;
    let value: toml::Table =
        toml::from_str(&text).map_err(|e| format!("{}: {e}", manifest.display()))?;
    let listing = value
        .get("package")
        .and_then(|p| p.get("metadata"))
        .and_then(|m| m.get("listing"))
        .ok_or_else(|| format!("{}: no [package.metadata.listing]", manifest.display()))?;
    let name = listing.get("kind").and_then(|k| k.as_str()).unwrap_or("run").to_string();
    let timeout_secs = listing
        .get("timeout-secs")
        .and_then(|t| t.as_float().or_else(|| t.as_integer().map(|i| i as f64)))
        .unwrap_or(2.0);
    Ok(Kind { name, timeout_secs })
}

fn source_marker(kind: &Kind) -> String {
    let text = match kind.name.as_str() {
        "compile-fail" => "Does not compile",
        "panic" => "Panics",
        "deadlock" => "Deadlocks",
        "leak" => "Leaks memory",
        "crash" => "Crashes",
        "test" => "Library with tests",
        _ => return String::new(),
    };
    format!("<div class=\"listing-marker marker-{}\">{text}</div>", kind.name)
}

fn output_label(kind: &Kind) -> String {
    let text = match kind.name.as_str() {
        "compile-fail" => "Compiler error".to_string(),
        "panic" => "Panic".to_string(),
        "deadlock" => format!("Deadlock — killed after {} s", kind.timeout_secs),
        "leak" => "Leak report".to_string(),
        "crash" => "Crash".to_string(),
        "test" => "Test report".to_string(),
        _ => "Output".to_string(),
    };
    format!("<div class=\"output-label label-{}\">{text}</div>", kind.name)
}

#[cfg(test)]
mod tests {
    use super::mark;

    #[test]
    fn labels_a_deadlock_listing_and_its_output() {
        let dir = tempfile::tempdir().unwrap();
        let listing = dir.path().join("listings/ch/01-x");
        std::fs::create_dir_all(listing.join("src")).unwrap();
        std::fs::create_dir_all(dir.path().join("src")).unwrap();
        std::fs::write(
            listing.join("Cargo.toml"),
            "[package]\nname = \"x\"\n[package.metadata.listing]\nkind = \"deadlock\"\ntimeout-secs = 1\n",
        )
        .unwrap();
        let page = "Text\n\n```rust,no_run\n{{#rustdoc_include ../listings/ch/01-x/src/main.rs:here}}\n```\n\n\
                    ```text\n{{#include ../listings/ch/01-x/output.txt}}\n```\n\n```text\nplain\n```\n\n\
                    ```text\n{{#include ../listings/ch/01-x/clippy.txt}}\n```\n";
        let marked = mark(page, &dir.path().join("src")).unwrap();
        assert!(marked.contains(
            "<div class=\"listing-marker marker-deadlock\">Deadlocks</div>\n\n```rust,no_run"
        ));
        assert!(marked.contains("<div class=\"output-label label-deadlock\">Deadlock — killed after 1 s</div>\n\n```text\n{{#include"));
        assert!(marked.contains("<div class=\"output-label label-clippy\">Clippy's findings</div>\n\n```text\n{{#include"));
        assert_eq!(marked.matches("<div").count(), 3, "a plain text block gets no label");
    }
}
