//! Labels each fenced block that includes a listing's source ("Does not compile", "Deadlocks",
//! ...) or output ("Compiler error", "No further output — the program is stuck; stopped after 2 s", ...). Pages are read with
//! the harness's own scanner and listings with its own parser, so the labels cannot drift from
//! what was verified.

pub mod inline_code;

use std::path::{Path, PathBuf};

use book_listings::lines::{self, ReaderView};
use book_listings::markdown::{self, Directive};
use book_listings::{Kind, Layout, caption, kind, spec};

/// The HTML class of a kind's marker and label: `marker-deadlock`, `label-deadlock`.
pub fn css_class(kind: &Kind) -> &'static str {
    kind.name()
}

/// The kind table as JSON, for the browser suite (`mdbook-listings kinds`): each kind's name,
/// CSS class, rustdoc attribute, source marker and output label, so the suite checks the same
/// list the pages are labelled from.
pub fn kinds_json() -> String {
    let rows: Vec<serde_json::Value> = Kind::every()
        .iter()
        .map(|kind| {
            serde_json::json!({
                "name": kind.name(),
                "class": css_class(kind),
                "attribute": kind.rustdoc_attribute(),
                "marker": kind.source_marker(),
                "label": kind.output_label(std::time::Duration::from_secs(2)),
            })
        })
        .collect();
    serde_json::Value::Array(rows).to_string()
}

/// mdbook-quiz links its 1.4 MB bundle from every chapter's content with a plain `<script
/// src>`, which the browser fetches with the page. This turns it into an inert tag that
/// `theme/lazy-quiz.js` loads when the quiz comes near the screen (run after `quiz`).
pub fn lazy_quiz(content: &str) -> String {
    const EAGER: &str = "<script type=\"text/javascript\" src=\"";
    let mut out = String::with_capacity(content.len());
    let mut rest = content;
    while let Some(start) = rest.find(EAGER) {
        let after = &rest[start + EAGER.len()..];
        let Some(end) = after.find("\"></script>") else { break };
        let src = &after[..end];
        out.push_str(&rest[..start]);
        if src.ends_with("quiz-embed.iife.js") {
            out.push_str(&format!(
                "<script type=\"text/plain\" class=\"lazy-quiz\" data-src=\"{src}\"></script>"
            ));
        } else {
            out.push_str(&rest[start..start + EAGER.len() + end + "\"></script>".len()]);
        }
        rest = &after[end + "\"></script>".len()..];
    }
    out.push_str(rest);
    out
}

/// Where a page sits in the book, for its captions: "Listing 3-2" and the download's address.
#[derive(Debug, Clone, Default)]
pub struct PageInfo {
    /// The chapter's number (`ch03-box.md` and its `ch03-exercises.md` → 3); None for an
    /// unnumbered page, whose listings are "Listing 1", "Listing 2".
    pub chapter: Option<u32>,
    /// From the page's HTML to the book's root: "" or "../".
    pub to_root: String,
}

/// Numbers the listings of one page in the order they first appear.
#[derive(Default)]
struct Numbering {
    /// (listing folder, its number on the page)
    listings: Vec<(PathBuf, usize)>,
    /// (exercise folder, its number on the page)
    exercises: Vec<(PathBuf, usize)>,
}

impl Numbering {
    /// The listing's number, and whether an earlier block already showed a part of it.
    fn number(list: &mut Vec<(PathBuf, usize)>, dir: &Path) -> (usize, bool) {
        match list.iter().find(|(d, _)| d == dir) {
            Some((_, n)) => (*n, true),
            None => {
                let n = list.len() + 1;
                list.push((dir.to_path_buf(), n));
                (n, false)
            }
        }
    }
}

/// The caption above a block that shows a listing's file: "Listing 3-2: TEXT", the file and a
/// download of its cargo project; a later part of the same listing says "(continued)". An
/// exercise's starter is "Exercise 3.1: TEXT" (the numbering of the page's headings) and its
/// solution "Solution to Exercise 3.1".
#[allow(clippy::too_many_arguments)]
fn caption(
    numbering: &mut Numbering,
    page: &PageInfo,
    layout: &Layout,
    dir: &Path,
    manifest: &Path,
    manifest_text: &str,
    file: &str,
    exercise: bool,
    solution: bool,
) -> Result<String, String> {
    let listing = dir.strip_prefix(&layout.listings).unwrap_or(dir).display().to_string();
    let (list, word, separator) = if exercise {
        (&mut numbering.exercises, "Exercise", '.')
    } else {
        (&mut numbering.listings, "Listing", '-')
    };
    let (number, continued) = Numbering::number(list, dir);
    let slug = word.to_lowercase();
    let (label, id) = match page.chapter {
        Some(c) => (format!("{word} {c}{separator}{number}"), format!("{slug}-{c}-{number}")),
        None => (format!("{word} {number}"), format!("{slug}-{number}")),
    };
    let file = caption::escape(file);
    let file = format!("<span class=\"listing-file\">{file}</span>");
    if solution {
        let href = format!("{}{}", page.to_root, caption::download_path(&listing, true));
        return Ok(format!(
            "<div class=\"listing-caption\" id=\"solution-{}\"><b>Solution to {label}</b> \
             {file}<a href=\"{href}\" download>Download</a></div>",
            id.trim_start_matches("exercise-")
        ));
    }
    if continued {
        return Ok(format!(
            "<div class=\"listing-caption\"><b>{label} (continued)</b> {file}</div>"
        ));
    }
    // The harness's page check reports a missing description; the book still builds without it.
    let text = caption::description(manifest, manifest_text)?
        .map(|d| format!(" {}", caption::to_html(&d)))
        .unwrap_or_default();
    let href = format!("{}{}", page.to_root, caption::download_path(&listing, false));
    Ok(format!(
        "<div class=\"listing-caption\" id=\"{id}\"><b>{label}:</b>{text} {file}<a href=\"{href}\" \
         download>Download</a></div>"
    ))
}

/// Inserts an HTML label before each fenced block that includes a listing's file, and a
/// caption before each that shows its source.
pub fn mark(
    markdown: &str,
    folder: &Path,
    layout: &Layout,
    page: &PageInfo,
) -> Result<String, String> {
    let mut labels: Vec<(usize, String)> = Vec::new();
    let mut numbering = Numbering::default();
    for include in markdown::scan(markdown) {
        let Some(fence) = &include.fence else { continue };
        if include.directive == Directive::Quiz
            || labels.iter().any(|(line, _)| *line == fence.open_line)
        {
            continue;
        }
        let path = include.path(folder);
        let Some(dir) = listing_dir(&path, layout) else { continue };
        // An exercise's solution is a package inside the exercise's folder: the exercise
        // declares it, and its blocks get the solution's labels.
        let solution = dir.file_name().is_some_and(|n| n == kind::SOLUTION_DIR)
            && dir.parent().is_some_and(|p| p.join("Cargo.toml").is_file());
        let dir = if solution { dir.parent().unwrap_or(&dir).to_path_buf() } else { dir };
        let manifest = dir.join("Cargo.toml");
        let text = std::fs::read_to_string(&manifest)
            .map_err(|e| format!("{}: {e}", manifest.display()))?;
        let spec = spec::parse(&manifest, &text).map_err(|e| e.to_string())?;
        let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let class = css_class(&spec.kind);
        let exercise = matches!(spec.kind, Kind::Exercise { .. });
        let shown = path.strip_prefix(&dir).unwrap_or(&path);
        let shown =
            if solution { shown.strip_prefix(kind::SOLUTION_DIR).unwrap_or(shown) } else { shown };
        let mut caption = |solution: bool| {
            caption(
                &mut numbering,
                page,
                layout,
                &dir,
                &manifest,
                &text,
                &shown.display().to_string(),
                exercise,
                solution,
            )
        };
        let label = if solution && file == layout.output_file {
            format!("<div class=\"output-label label-solution\">{}</div>", kind::SOLUTION_LABEL)
        } else if solution {
            format!(
                "{}<div class=\"listing-marker marker-solution\">{}</div>",
                caption(true)?,
                kind::SOLUTION_MARKER
            )
        } else if file == layout.clippy_file {
            "<div class=\"output-label label-clippy\">Clippy’s findings</div>".to_string()
        } else if file == layout.output_file {
            format!("<div class=\"output-label label-{class}\">{}</div>", spec.output_label())
        } else {
            // An exercise's starter names the exercise, for the Run button's local hint.
            let data = match spec.kind {
                Kind::Exercise { .. } => {
                    let folder = dir.file_name().unwrap_or_default().to_string_lossy();
                    format!(" data-exercise=\"{}\"", book_listings::exercise::slug(&folder))
                }
                _ => String::new(),
            };
            let marker = spec
                .kind
                .source_marker()
                .map(|m| format!("<div class=\"listing-marker marker-{class}\"{data}>{m}</div>"))
                .unwrap_or_default();
            let numbers = line_numbers(&path, &dir, &include, layout);
            format!("{}{numbers}{marker}", caption(false)?)
        };
        // Inside an admonition the label must carry the same `> ` prefix.
        let quote = &fence.prefix;
        labels.push((fence.open_line, format!("{quote}{label}\n{}\n", quote.trim_end())));
    }
    let mut out = String::with_capacity(markdown.len() + 1024);
    for (index, line) in markdown.lines().enumerate() {
        if let Some((_, label)) = labels.iter().find(|(at, _)| *at == index) {
            out.push_str(label);
        }
        out.push_str(line);
        out.push('\n');
    }
    Ok(out)
}

/// For a source file whose verified output cites its lines (`src/main.rs:14`): an empty
/// element telling `theme/line-numbers.js` to number the block's lines as the reader's program
/// numbers them, hidden lines counted, so the cited line can be found.
fn line_numbers(path: &Path, dir: &Path, include: &markdown::Include, layout: &Layout) -> String {
    let Ok(source) = std::fs::read_to_string(path) else { return String::new() };
    let file = path.strip_prefix(dir).unwrap_or(path).display().to_string();
    let cites = [&layout.output_file, &layout.clippy_file].iter().any(|snapshot| {
        std::fs::read_to_string(dir.join(snapshot))
            .is_ok_and(|text| lines::cited_lines(&text).iter().any(|(f, _)| *f == file))
    });
    if !cites {
        return String::new();
    }
    let rustdoc = matches!(include.directive, Directive::RustdocInclude | Directive::Playground);
    let view = ReaderView::new(&source, &include.part, rustdoc);
    format!(
        "<div class=\"listing-lines\" data-shown=\"{}\" data-total=\"{}\"></div>",
        view.shown_ranges(),
        view.len()
    )
}

/// The listing folder a file belongs to: the nearest folder under the listings folder that
/// holds a Cargo.toml.
fn listing_dir(file: &Path, layout: &Layout) -> Option<PathBuf> {
    file.ancestors()
        .skip(1)
        .take_while(|d| d.starts_with(&layout.listings) && *d != layout.listings)
        .find(|d| d.join("Cargo.toml").is_file())
        .map(Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_every_form_mdbook_accepts() {
        let dir = tempfile::tempdir().unwrap();
        let listing = dir.path().join("listings/ch/01-x");
        std::fs::create_dir_all(listing.join("src")).unwrap();
        std::fs::create_dir_all(dir.path().join("src")).unwrap();
        std::fs::write(
            listing.join("Cargo.toml"),
            "[package]\nname = \"x\"\n[package.metadata.listing]\nkind = \"deadlock\"\ntimeout-secs = 1\n",
        )
        .unwrap();
        let layout = Layout::load(dir.path()).unwrap();
        let page = "Text\n\n```rust,no_run\n{{#rustdoc_include ../listings/ch/01-x/src/main.rs:here}}\n```\n\n\
                    ~~~text\n{{#include  ../listings/ch/01-x/output.txt}}\n~~~\n\n```text\nplain\n```\n\n\
                    > ```text\n> {{ #include ../listings/ch/01-x/clippy.txt }}\n> ```\n";
        let marked = mark(page, &dir.path().join("src"), &layout, &PageInfo::default()).unwrap();
        assert!(
            marked.contains(
                "<div class=\"listing-marker marker-deadlock\">Deadlocks</div>\n\n```rust,no_run"
            ),
            "{marked}"
        );
        assert!(
            marked.contains("<div class=\"output-label label-deadlock\">No further output — the program is stuck; stopped after 1 s</div>\n\n~~~text\n{{#include  "),
            "a ~~~ fence and two spaces are labelled too: {marked}"
        );
        assert!(
            marked.contains(
                "> <div class=\"output-label label-clippy\">Clippy’s findings</div>\n>\n> ```text"
            ),
            "{marked}"
        );
        assert_eq!(
            marked.matches("<div").count(),
            4,
            "a caption, two labels, and a plain text block gets none"
        );
    }

    #[test]
    fn an_exercise_labels_its_starter_and_its_solution() {
        let dir = tempfile::tempdir().unwrap();
        let exercise = dir.path().join("listings/ch/80-exercise-x");
        std::fs::create_dir_all(exercise.join("solution/src")).unwrap();
        std::fs::create_dir_all(dir.path().join("src")).unwrap();
        std::fs::write(
            exercise.join("Cargo.toml"),
            "[package]\nname = \"x\"\n[package.metadata.listing]\nkind = \"exercise\"\nstarter-fails = \"not yet\"\n",
        )
        .unwrap();
        std::fs::write(exercise.join("solution/Cargo.toml"), "[package]\nname = \"x-solution\"\n")
            .unwrap();
        let layout = Layout::load(dir.path()).unwrap();
        let page = "```rust,ignore,editable\n{{#include ../listings/ch/80-exercise-x/src/lib.rs}}\n```\n\n\
                    ```text\n{{#include ../listings/ch/80-exercise-x/output.txt}}\n```\n\n<details>\n\n\
                    ```rust,ignore\n{{#include ../listings/ch/80-exercise-x/solution/src/lib.rs}}\n```\n\n\
                    ```text\n{{#include ../listings/ch/80-exercise-x/solution/output.txt}}\n```\n\n</details>\n";
        let marked = mark(page, &dir.path().join("src"), &layout, &PageInfo::default()).unwrap();
        let labels: Vec<&str> = marked
            .lines()
            .filter(|l| l.starts_with("<div"))
            .map(|l| l.rsplit_once("</div><div").map_or(l, |(_, marker)| marker))
            .collect();
        assert_eq!(
            labels,
            [
                " class=\"listing-marker marker-exercise\" data-exercise=\"x\">Exercise: starter code and its tests</div>",
                "<div class=\"output-label label-exercise\">Test report of the starter</div>",
                " class=\"listing-marker marker-solution\">Solution</div>",
                "<div class=\"output-label label-solution\">Test report of the solution</div>",
            ]
        );
    }

    #[test]
    fn captions_number_listings_in_order_of_first_appearance() {
        let dir = tempfile::tempdir().unwrap();
        let describe = |folder: &str, description: &str, kind: &str| {
            let listing = dir.path().join("listings/ch03-box").join(folder);
            std::fs::create_dir_all(listing.join("src")).unwrap();
            std::fs::write(
                listing.join("Cargo.toml"),
                format!(
                    "[package]\nname = \"x\"\n{description}\n[package.metadata.listing]\n{kind}\n"
                ),
            )
            .unwrap();
        };
        describe("01-box", "description = \"A `Box<i32>` & a value\"", "kind = \"run\"");
        describe(
            "02-list",
            "description = \"A cons list\"",
            "kind = \"compile-fail\"\nerrors = [\"E0072\"]",
        );
        describe(
            "80-exercise-e",
            "description = \"Starter for a tree\"",
            "kind = \"exercise\"\nstarter-fails = \"x\"",
        );
        std::fs::create_dir_all(dir.path().join("listings/ch03-box/80-exercise-e/solution"))
            .unwrap();
        std::fs::write(
            dir.path().join("listings/ch03-box/80-exercise-e/solution/Cargo.toml"),
            "[package]\nname = \"s\"\n",
        )
        .unwrap();
        let layout = Layout::load(dir.path()).unwrap();
        let block = |file: &str| {
            format!("```rust\n{{{{#rustdoc_include ../listings/ch03-box/{file}}}}}\n```\n\n")
        };
        let page = [
            block("02-list/src/main.rs:a"),
            block("01-box/src/main.rs"),
            block("02-list/src/main.rs:b"),
            block("02-list/output.txt"),
            block("80-exercise-e/src/lib.rs"),
            block("80-exercise-e/solution/src/lib.rs"),
        ]
        .concat();
        let info = PageInfo { chapter: Some(3), to_root: "../".into() };
        let marked = mark(&page, &dir.path().join("src"), &layout, &info).unwrap();
        let captions: Vec<&str> = marked
            .lines()
            .filter(|l| l.starts_with("<div class=\"listing-caption"))
            .map(|l| l.split_once("</div>").unwrap().0)
            .collect();
        assert_eq!(
            captions,
            [
                "<div class=\"listing-caption\" id=\"listing-3-1\"><b>Listing 3-1:</b> A cons list \
                 <span class=\"listing-file\">src/main.rs</span><a href=\"../listings/ch03-box/02-list.zip\" download>Download</a>",
                "<div class=\"listing-caption\" id=\"listing-3-2\"><b>Listing 3-2:</b> A <code>Box&lt;i32&gt;</code> &amp; a value \
                 <span class=\"listing-file\">src/main.rs</span><a href=\"../listings/ch03-box/01-box.zip\" download>Download</a>",
                "<div class=\"listing-caption\"><b>Listing 3-1 (continued)</b> <span class=\"listing-file\">src/main.rs</span>",
                "<div class=\"listing-caption\" id=\"exercise-3-1\"><b>Exercise 3.1:</b> Starter for a tree \
                 <span class=\"listing-file\">src/lib.rs</span><a href=\"../listings/ch03-box/80-exercise-e.zip\" download>Download</a>",
                "<div class=\"listing-caption\" id=\"solution-3-1\"><b>Solution to Exercise 3.1</b> \
                 <span class=\"listing-file\">src/lib.rs</span><a href=\"../listings/ch03-box/80-exercise-e-solution.zip\" download>Download</a>",
            ],
            "{marked}"
        );
        assert!(
            marked.contains("Download</a></div><div class=\"listing-marker marker-compile-fail\">"),
            "the caption comes first, then the marker: {marked}"
        );
        // A description that breaks the rules is an error naming the manifest's line.
        describe("01-box", "description = \"Ends with a period.\"", "kind = \"run\"");
        let e = mark(&page, &dir.path().join("src"), &layout, &info).unwrap_err();
        assert!(
            e.contains("01-box/Cargo.toml:3: [package] description: ends with a period"),
            "{e}"
        );
    }

    #[test]
    fn a_listing_whose_output_cites_lines_gets_numbered() {
        let dir = tempfile::tempdir().unwrap();
        let listing = dir.path().join("listings/ch/02-p");
        std::fs::create_dir_all(listing.join("src")).unwrap();
        std::fs::write(
            listing.join("Cargo.toml"),
            "[package]\nname = \"p\"\n[package.metadata.listing]\nkind = \"panic\"\nmessage = \"boom\"\n",
        )
        .unwrap();
        std::fs::write(listing.join("src/main.rs"), "use std::fmt;\n// ANCHOR: here\nfn main() {\n    panic!(\"boom\");\n}\n// ANCHOR_END: here\n").unwrap();
        std::fs::write(
            listing.join("output.txt"),
            "thread 'main' (TID) panicked at src/main.rs:3:5:\nboom\n",
        )
        .unwrap();
        let layout = Layout::load(dir.path()).unwrap();
        let page = "```rust,should_panic\n{{#rustdoc_include ../listings/ch/02-p/src/main.rs:here}}\n```\n";
        let marked = mark(page, &dir.path().join("src"), &layout, &PageInfo::default()).unwrap();
        assert!(
            marked.contains("<div class=\"listing-lines\" data-shown=\"2-4\" data-total=\"4\"></div><div class=\"listing-marker marker-panic\">Panics</div>\n\n```rust"),
            "{marked}"
        );
        std::fs::write(listing.join("output.txt"), "boom\n").unwrap();
        let plain = mark(page, &dir.path().join("src"), &layout, &PageInfo::default()).unwrap();
        assert!(!plain.contains("listing-lines"), "no citation, no numbers: {plain}");
    }

    #[test]
    fn the_quiz_bundle_is_deferred_and_other_scripts_are_not() {
        let page = "<p>x</p>\n<script type=\"text/javascript\" src=\"quiz/quiz-embed.iife.js\"></script>\n\
                    <script type=\"text/javascript\" src=\"other.js\"></script>\n";
        assert_eq!(
            lazy_quiz(page),
            "<p>x</p>\n<script type=\"text/plain\" class=\"lazy-quiz\" data-src=\"quiz/quiz-embed.iife.js\"></script>\n\
             <script type=\"text/javascript\" src=\"other.js\"></script>\n"
        );
        assert_eq!(lazy_quiz("no scripts"), "no scripts");
    }

    #[test]
    fn the_kind_table_is_json() {
        let json: serde_json::Value = serde_json::from_str(&kinds_json()).unwrap();
        let rows = json.as_array().unwrap();
        assert_eq!(rows.len(), 8);
        assert_eq!(rows[0]["name"], "run");
        assert_eq!(rows[0]["marker"], serde_json::Value::Null);
        assert_eq!(rows[3]["class"], "deadlock");
        assert_eq!(rows[3]["attribute"], "no_run");
        assert_eq!(rows[3]["label"], "No further output — the program is stuck; stopped after 2 s");
    }

    #[test]
    fn one_label_per_block_and_none_outside_the_listings() {
        let dir = tempfile::tempdir().unwrap();
        let listing = dir.path().join("listings/ch/03-two");
        std::fs::create_dir_all(listing.join("src")).unwrap();
        std::fs::write(
            listing.join("Cargo.toml"),
            "[package]\nname = \"t\"\n[package.metadata.listing]\nkind = \"leak\"\n",
        )
        .unwrap();
        // The book's own Cargo.toml is no listing's: a stray file under it gets no label.
        std::fs::write(dir.path().join("Cargo.toml"), "[workspace]\n").unwrap();
        std::fs::create_dir_all(dir.path().join("stray")).unwrap();
        let layout = Layout::load(dir.path()).unwrap();
        let page = "```rust,no_run\n{{#rustdoc_include ../listings/ch/03-two/src/main.rs:a}}\n\
                    {{#rustdoc_include ../listings/ch/03-two/src/main.rs:b}}\n```\n\n\
                    ```rust\n{{#include ../stray/notes.rs}}\n```\n";
        let marked = mark(page, &dir.path().join("src"), &layout, &PageInfo::default()).unwrap();
        assert_eq!(marked.matches("Leaks memory").count(), 1, "{marked}");
        assert_eq!(marked.matches("listing-caption").count(), 1, "{marked}");
        assert_eq!(marked.matches("<div").count(), 2, "{marked}");
    }

    #[test]
    fn a_broken_declaration_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let listing = dir.path().join("listings/ch/01-x");
        std::fs::create_dir_all(&listing).unwrap();
        std::fs::write(
            listing.join("Cargo.toml"),
            "[package]\nname = \"x\"\n[package.metadata.listing]\nkind = \"explode\"\n",
        )
        .unwrap();
        let layout = Layout::load(dir.path()).unwrap();
        let e = mark(
            "```rust\n{{#include ../listings/ch/01-x/src/main.rs}}\n```\n",
            &dir.path().join("src"),
            &layout,
            &PageInfo::default(),
        )
        .unwrap_err();
        assert!(e.contains("Cargo.toml:4: [package.metadata.listing]: unknown kind"), "{e}");
    }
}
