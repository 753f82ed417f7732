//! The one Markdown scanner: which files a page includes, how, and inside which fenced code
//! block. The harness's page checks and the mdBook preprocessor both read pages through it, so a
//! form mdBook accepts (`~~~` fences, `{{#include  path}}`, `{{ #include path }}`) is seen by both.

use std::path::{Component, Path, PathBuf};
use std::sync::LazyLock;

use regex::Regex;

/// mdBook's directive syntax: whitespace is allowed after `{{` and around the argument.
static DIRECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(\\)?\{\{\s*#(include|rustdoc_include|playground|quiz)\s+([^}]*?)\s*\}\}").unwrap()
});

#[derive(Debug, Clone, PartialEq)]
pub enum Directive {
    Include,
    RustdocInclude,
    Playground,
    Quiz,
}

/// Which part of the file an include takes.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Whole,
    /// `main.rs:here`: the lines between `ANCHOR: here` and `ANCHOR_END: here`.
    Anchor(String),
    /// `main.rs:3:7`, `main.rs:3`, `main.rs::7`, `main.rs:3:`, as 1-based inclusive line numbers.
    Lines {
        first: Option<usize>,
        last: Option<usize>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Fence {
    /// Info string: `rust,compile_fail`.
    pub info: String,
    /// 0-based index of the line that opens the block.
    pub open_line: usize,
    /// What precedes the fence on its line (`> ` inside an admonition).
    pub prefix: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Include {
    /// 1-based line of the page.
    pub line: usize,
    pub directive: Directive,
    /// The path as written.
    pub written: String,
    pub part: Part,
    pub fence: Option<Fence>,
    /// Inside a `<details>` element: hidden until the reader opens it (an exercise's solution).
    pub in_details: bool,
}

impl Include {
    /// The included file, resolved against the page's folder without touching the disk.
    pub fn path(&self, page_folder: &Path) -> PathBuf {
        clean(&page_folder.join(&self.written))
    }
}

/// Each line of a page with the fenced code block it sits in (`None` for prose); fence lines
/// themselves are left out.
fn lines_in_fences(text: &str) -> Vec<(usize, &str, Option<Fence>)> {
    let mut out = Vec::new();
    let mut fence: Option<(String, Fence)> = None; // (marker, fence)
    for (index, line) in text.lines().enumerate() {
        // Code blocks may sit inside block quotes and admonitions (`> ```rust`).
        let trimmed = unquoted(line);
        let marker: String = match trimmed.chars().next() {
            Some(c @ ('`' | '~')) => trimmed.chars().take_while(|x| *x == c).collect(),
            _ => String::new(),
        };
        if marker.len() >= 3 {
            match &fence {
                // A block closes with a fence of the same character, at least as long, alone.
                Some((open, _))
                    if marker.starts_with(open.as_str()) && trimmed.trim() == marker =>
                {
                    fence = None;
                }
                Some(_) => {}
                None => {
                    let info = trimmed[marker.len()..].trim().to_string();
                    let prefix = line[..line.len() - trimmed.len()].to_string();
                    fence = Some((marker, Fence { info, open_line: index, prefix }));
                }
            }
            continue;
        }
        out.push((index, line, fence.as_ref().map(|(_, f)| f.clone())));
    }
    out
}

/// Every directive of a page, in order.
pub fn scan(text: &str) -> Vec<Include> {
    let mut found = Vec::new();
    let mut details = 0usize;
    for (index, line, fence) in lines_in_fences(text) {
        if fence.is_none() {
            let prose = unquoted(line).trim_start();
            if prose.starts_with("<details") {
                details += 1;
            }
            if prose.contains("</details>") {
                details = details.saturating_sub(1);
            }
        }
        // Most lines hold no directive: the regex is only run where one may be.
        if !line.contains("{{") {
            continue;
        }
        for captures in DIRECTIVE.captures_iter(line) {
            if captures.get(1).is_some() {
                continue; // `\{{#include}}` is mdBook's escape: shown as written.
            }
            let directive = match &captures[2] {
                "include" => Directive::Include,
                "rustdoc_include" => Directive::RustdocInclude,
                "playground" => Directive::Playground,
                _ => Directive::Quiz,
            };
            let argument = captures[3].split_whitespace().next().unwrap_or("");
            let (written, part) = split_part(argument);
            found.push(Include {
                line: index + 1,
                directive,
                written,
                part,
                fence: fence.clone(),
                in_details: details > 0,
            });
        }
    }
    found
}

/// The spaces every visible line of `lines` starts with (blank lines do not count).
pub fn common_indent<'a>(lines: impl IntoIterator<Item = &'a str>) -> usize {
    lines
        .into_iter()
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.len() - line.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0)
}

/// Code blocks written on the page itself (no include) whose every line is indented, as an
/// excerpt keeps the depth it had in its file: (1-based line of the opening fence, spaces).
/// Nothing around such a block shows what it is indented inside, and on a phone each column is
/// one less for the code. In a `rust` block the lines mdBook hides (`# `) do not count.
pub fn indented_blocks(text: &str) -> Vec<(usize, usize)> {
    let mut blocks: Vec<(Fence, Vec<&str>)> = Vec::new();
    for (_, line, fence) in lines_in_fences(text) {
        let Some(fence) = fence else { continue };
        if blocks.last().is_none_or(|(f, _)| f.open_line != fence.open_line) {
            blocks.push((fence.clone(), Vec::new()));
        }
        let (fence, body) = blocks.last_mut().expect("pushed above");
        let line = line.strip_prefix(fence.prefix.as_str()).unwrap_or(line);
        let hidden = info_tokens(&fence.info).first() == Some(&"rust")
            && line
                .trim_start()
                .strip_prefix('#')
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '));
        if !hidden {
            body.push(line);
        }
    }
    blocks
        .into_iter()
        .filter(|(_, body)| !body.iter().any(|line| DIRECTIVE.is_match(line)))
        .map(|(fence, body)| (fence.open_line + 1, common_indent(body)))
        .filter(|(_, indent)| *indent > 0)
        .collect()
}

static LINE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b[Ll]ines? \d+(?:\s*(?:-|–|to|and)\s*\d+)?\b").unwrap());

/// Prose that points at a line by its number ("line 11"): (1-based page line, the phrase).
/// The page's numbering and the file's differ under anchors, and a reader counting visible
/// lines miscounts: prose names the code instead.
pub fn line_numbers_in_prose(text: &str) -> Vec<(usize, String)> {
    lines_in_fences(text)
        .into_iter()
        .filter(|(_, _, fence)| fence.is_none())
        .flat_map(|(index, line, _)| {
            // Inline code (`x`) is code, not prose.
            let prose: String =
                line.split('`').enumerate().filter(|(i, _)| i % 2 == 0).map(|(_, p)| p).collect();
            LINE_NUMBER
                .find_iter(&prose)
                .map(|m| (index + 1, m.as_str().to_string()))
                .collect::<Vec<_>>()
        })
        .collect()
}

/// `main.rs:here` → (`main.rs`, anchor); `main.rs:3:7` → line range (mdBook's own rules).
fn split_part(argument: &str) -> (String, Part) {
    let mut pieces = argument.splitn(3, ':');
    let path = pieces.next().unwrap_or("").to_string();
    let first = pieces.next();
    let second = pieces.next();
    let number = |s: Option<&str>| s.and_then(|s| s.trim().parse::<usize>().ok());
    let part = match (first, second) {
        (None, _) => Part::Whole,
        (Some(a), None) if !a.is_empty() && number(Some(a)).is_none() => {
            Part::Anchor(a.to_string())
        }
        (Some(a), None) => Part::Lines { first: number(Some(a)), last: number(Some(a)) },
        (Some(a), Some(b)) => Part::Lines { first: number(Some(a)), last: number(Some(b)) },
    };
    (path, part)
}

/// A line without the `> ` of the block quotes (admonitions) it sits in, nor its indentation.
pub fn unquoted(line: &str) -> &str {
    line.trim_start_matches(|c: char| c == '>' || c.is_whitespace())
}

/// `a/b/../c` → `a/c` without touching the file system (the file may not exist).
pub fn clean(path: &Path) -> PathBuf {
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

/// The tokens of a code block's info string: `rust,compile_fail` → [`rust`, `compile_fail`].
pub fn info_tokens(info: &str) -> Vec<&str> {
    info.split(|c: char| c == ',' || c.is_whitespace()).filter(|t| !t.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn includes_with_their_fences() {
        let page = "# T\n\n```rust,no_run\n{{#rustdoc_include ../l/a/src/main.rs:here}}\n```\n\n\
                    ~~~text\n{{#include  ../l/a/output.txt}}\n~~~\n\n> ```rust\n> {{ #include x.rs:3:5 }}\n> ```\n\
                    \n{{#include outside.txt}} and \\{{#include escaped.txt}}\n{{#quiz q.toml}}\n";
        let found = scan(page);
        assert_eq!(found.len(), 5, "{found:#?}");
        assert_eq!(found[0].line, 4);
        assert_eq!(found[0].directive, Directive::RustdocInclude);
        assert_eq!(found[0].written, "../l/a/src/main.rs");
        assert_eq!(found[0].part, Part::Anchor("here".into()));
        let fence = found[0].fence.as_ref().unwrap();
        assert_eq!(
            (fence.info.as_str(), fence.open_line, fence.prefix.as_str()),
            ("rust,no_run", 2, "")
        );
        // `~~~` fences and two spaces: mdBook accepts both.
        assert_eq!(found[1].written, "../l/a/output.txt");
        assert_eq!(found[1].directive, Directive::Include);
        assert_eq!(found[2].directive, Directive::Include);
        assert_eq!(found[1].fence.as_ref().unwrap().info, "text");
        assert_eq!(found[1].part, Part::Whole);
        assert_eq!(found[2].part, Part::Lines { first: Some(3), last: Some(5) });
        assert_eq!(found[2].fence.as_ref().unwrap().prefix, "> ");
        assert_eq!(found[3].fence, None);
        assert_eq!(found[3].written, "outside.txt");
        assert_eq!(found[4].directive, Directive::Quiz);
    }

    #[test]
    fn includes_inside_details_are_hidden_ones() {
        let page = "```rust\n{{#include a.rs}}\n```\n\n<details class=\"solution\">\n<summary>Solution</summary>\n\n\
                    ```rust\n{{#include b.rs}}\n```\n\n</details>\n\n```text\n{{#include c.txt}}\n```\n";
        let found = scan(page);
        let hidden: Vec<(&str, bool)> =
            found.iter().map(|i| (i.written.as_str(), i.in_details)).collect();
        assert_eq!(hidden, [("a.rs", false), ("b.rs", true), ("c.txt", false)]);
    }

    #[test]
    fn blocks_indented_on_the_page_are_found() {
        let page = "```rust,ignore\n    pub fn new() {}\n\n    fn two() {}\n```\n\n\
                    > ```rust\n>         nested();\n> ```\n\n\
                    ```rust\n# fn main() {\nlet x = 1;\n# }\n```\n\n\
                    ```rust\n    {{#rustdoc_include a.rs:here}}\n```\n\n\
                    ```text\n  a\n b\n```\n\n```rust\nfn f() {\n    x();\n}\n```\n";
        // The hidden `# fn main() {` lines, an include, and a block with one line at the
        // margin are not indented for the reader.
        assert_eq!(indented_blocks(page), [(1, 4), (7, 8), (21, 1)]);
        assert_eq!(common_indent(["", "  a", "    b"]), 2);
    }

    #[test]
    fn prose_naming_a_line_is_found() {
        let page = "The borrow on line 11 conflicts.\n\n```rust\n// line 3 of code\n```\n\nSee `line 4` and lines 2-5.\n";
        assert_eq!(
            line_numbers_in_prose(page),
            [(1, "line 11".to_string()), (7, "lines 2-5".to_string())]
        );
        assert!(line_numbers_in_prose("The first line and a newline 5 times.\n").is_empty());
    }

    #[test]
    fn playground_directives_are_includes_too() {
        let found = scan("```rust\n{{#playground ../l/a/src/main.rs}}\n```\n");
        assert_eq!(found[0].directive, Directive::Playground);
        assert_eq!(found[0].written, "../l/a/src/main.rs");
    }

    #[test]
    fn a_fence_closes_only_with_its_own_marker() {
        let page = "````markdown\n```rust\n{{#include a.rs}}\n```\n````\n{{#include b.txt}}\n";
        let found = scan(page);
        assert_eq!(found[0].fence.as_ref().unwrap().info, "markdown");
        assert_eq!(found[1].fence, None);
        let tilde = "~~~\n```\n~~~\n{{#include c.txt}}\n";
        assert_eq!(scan(tilde)[0].fence, None, "``` does not close ~~~");
    }

    #[test]
    fn line_ranges_follow_mdbook() {
        assert_eq!(split_part("a.rs:2").1, Part::Lines { first: Some(2), last: Some(2) });
        assert_eq!(split_part("a.rs::10").1, Part::Lines { first: None, last: Some(10) });
        assert_eq!(split_part("a.rs:2:").1, Part::Lines { first: Some(2), last: None });
        assert_eq!(split_part("a.rs").1, Part::Whole);
        assert_eq!(split_part("a.rs:x_y-z").1, Part::Anchor("x_y-z".into()));
    }

    #[test]
    fn paths_are_cleaned() {
        assert_eq!(
            clean(Path::new("/b/src/../listings/./x.rs")),
            PathBuf::from("/b/listings/x.rs")
        );
        let include = &scan("{{#include ../l/x.txt}}")[0];
        assert_eq!(include.path(Path::new("/b/src")), PathBuf::from("/b/l/x.txt"));
    }

    #[test]
    fn info_strings_split_on_commas_and_spaces() {
        assert_eq!(
            info_tokens("rust, compile_fail,edition2021"),
            ["rust", "compile_fail", "edition2021"]
        );
    }
}
