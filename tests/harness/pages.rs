//! Reads the book's pages for what the harness must check against the listings: which files
//! each page includes, and how the code block around each include is annotated.

use std::path::{Component, Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

use super::discover::Kind;

pub struct Page {
    /// Relative to the book root, e.g. `src/ch01-smart-pointers.md`.
    pub name: String,
    pub includes: Vec<Include>,
    pub quizzes: Vec<Include>,
    /// Whether `src/SUMMARY.md` links to it: a page it does not list is not in the book.
    pub in_summary: bool,
}

pub struct Include {
    pub line: usize,
    /// The path as written, and resolved against the page's folder.
    pub written: String,
    pub path: PathBuf,
    /// `here` in `main.rs:here`; line ranges like `main.rs:3:7` are not anchors.
    pub anchor: Option<String>,
    /// Info string of the fenced code block the include sits in (`rust,compile_fail`).
    pub fence: Option<String>,
}

static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\{\{#(include|rustdoc_include|playground|quiz)\s+([^}:\s]+)(?::([^}:\s]*))?[^}]*\}\}",
    )
    .unwrap()
});

/// A chapter link in SUMMARY.md: `[Title](ch01-smart-pointers.md)`.
static SUMMARY_LINK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\]\(([^)#\s]+\.md)(?:#[^)]*)?\)").unwrap());

pub fn pages(root: &Path) -> Result<Vec<Page>, String> {
    let summary_path = root.join("src/SUMMARY.md");
    let summary = std::fs::read_to_string(&summary_path)
        .map_err(|e| format!("cannot read {}: {e}", summary_path.display()))?;
    let listed: Vec<PathBuf> = SUMMARY_LINK
        .captures_iter(&summary)
        .map(|c| clean(&root.join("src").join(&c[1])))
        .collect();
    let mut pages = Vec::new();
    for entry in walkdir::WalkDir::new(root.join("src")).sort_by_file_name() {
        let entry = entry.map_err(|e| format!("reading src/: {e}"))?;
        if entry.path().extension().is_none_or(|ext| ext != "md") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path())
            .map_err(|e| format!("cannot read {}: {e}", entry.path().display()))?;
        let name = entry.path().strip_prefix(root).unwrap_or(entry.path()).display().to_string();
        let in_summary = entry.path() == summary_path || listed.contains(&clean(entry.path()));
        pages.push(scan(&name, entry.path().parent().unwrap_or(root), &text, in_summary));
    }
    Ok(pages)
}

fn scan(name: &str, folder: &Path, text: &str, in_summary: bool) -> Page {
    let mut page =
        Page { name: name.to_string(), includes: Vec::new(), quizzes: Vec::new(), in_summary };
    let mut fence: Option<(String, String)> = None; // (marker, info)
    for (index, line) in text.lines().enumerate() {
        // Code blocks may sit inside block quotes and admonitions (`> ```rust`).
        let trimmed = line.trim_start().trim_start_matches(|c: char| c == '>' || c.is_whitespace());
        let marker: String = trimmed.chars().take_while(|c| *c == '`' || *c == '~').collect();
        if marker.len() >= 3 {
            match &fence {
                Some((open, _))
                    if marker.starts_with(open.as_str()) && trimmed.trim() == marker =>
                {
                    fence = None
                }
                Some(_) => {}
                None => fence = Some((marker.clone(), trimmed[marker.len()..].trim().to_string())),
            }
            continue;
        }
        for found in DIRECTIVE.captures_iter(line) {
            let include = Include {
                line: index + 1,
                written: found[2].to_string(),
                path: clean(&folder.join(&found[2])),
                anchor: found
                    .get(3)
                    .map(|a| a.as_str())
                    .filter(|a| !a.is_empty() && !a.chars().all(|c| c.is_ascii_digit()))
                    .map(str::to_string),
                fence: fence.as_ref().map(|(_, info)| info.clone()),
            };
            if &found[1] == "quiz" {
                page.quizzes.push(include);
            } else {
                page.includes.push(include);
            }
        }
    }
    page
}

/// `a/b/../c` → `a/c` without touching the file system (the file may not exist).
fn clean(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// The rustdoc attribute a page must put on a listing's code block, so that skeptic and the
/// playground treat it as the harness does.
pub fn required_attribute(kind: &Kind) -> Option<&'static str> {
    match kind {
        Kind::Run => None,
        Kind::CompileFail { .. } => Some("compile_fail"),
        Kind::Panic { .. } => Some("should_panic"),
        Kind::Deadlock | Kind::Leak | Kind::Crash { .. } => Some("no_run"),
        // A library's #[test]s are not a program skeptic or the playground can run.
        Kind::Test => Some("ignore"),
    }
}

const ATTRIBUTES: [&str; 4] = ["compile_fail", "should_panic", "no_run", "ignore"];

/// Checks one code block holding a listing's source against the listing's kind.
pub fn check_fence(fence: Option<&str>, kind: &Kind) -> Result<(), String> {
    let Some(info) = fence else {
        return Err("is included outside a code block; put it in a ```rust block".into());
    };
    let tokens: Vec<&str> =
        info.split(|c: char| c == ',' || c.is_whitespace()).filter(|t| !t.is_empty()).collect();
    if tokens.first() != Some(&"rust") {
        return Err(format!(
            "sits in a ```{info} block; a listing's source goes in a ```rust block"
        ));
    }
    let required = required_attribute(kind);
    if let Some(attr) = required
        && !tokens.contains(&attr)
    {
        return Err(format!(
            "is a {} listing, so its block must be ```rust,{attr} (it is ```{info})",
            kind.label()
        ));
    }
    if let Some(wrong) = ATTRIBUTES.iter().find(|a| tokens.contains(a) && Some(**a) != required) {
        return Err(format!(
            "is a {} listing, but its block is marked `{wrong}` (```{info})",
            kind.label()
        ));
    }
    Ok(())
}
