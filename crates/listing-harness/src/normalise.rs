//! Turns raw compiler and program output into the text the reader sees: the same on every
//! machine and every run, with every location in the reader's numbering. Each step is a named
//! function with its own tests (trybuild's way).

use std::path::Path;
use std::sync::LazyLock;

use book_listings::lines::{FRAME_LOCATION, ReaderView, SOURCE_LOCATION};
use regex::Regex;

/// The files of one listing as the page shows them: (`src/main.rs`, view).
pub type Views = [(String, ReaderView)];

/// What differs between machines or runs: paths (replaced like trybuild does), ids, timings.
static VOLATILE: LazyLock<Vec<(Regex, &'static str)>> = LazyLock::new(|| {
    vec![
        // std sources, as seen in panics and in notes that point into std.
        (Regex::new(r"/rustc/[0-9a-f]{40}/").unwrap(), "$$RUST/"),
        (Regex::new(r"(/[^\s:]+)?/lib/rustlib/src/rust/").unwrap(), "$$RUST/"),
        // Dependencies' sources in cargo's registry.
        (Regex::new(r"(/[^\s:]+)?/registry/src/[^/\s]+/").unwrap(), "$$CARGO/"),
        // Thread ids in panic messages and libtest's timings change on every run.
        (Regex::new(r"(thread '[^']*') \(\d+\)").unwrap(), "$1 (TID)"),
        (Regex::new(r"finished in \d+\.\d+s").unwrap(), "finished in [time]"),
        // rustc writes very long type names to a file with a random number in its name.
        (Regex::new(r"'[^'\s]*\.long-type-\d+\.txt'").unwrap(), "'[long type file]'"),
    ]
});

/// Paths as a reader sees them running cargo in the listing's own folder: `src/main.rs:4:5`,
/// not the path from the workspace root; the root itself becomes `$DIR`.
pub fn paths(text: &str, listing_dir: &Path, root: &Path) -> String {
    let from_root = listing_dir.strip_prefix(root).unwrap_or(listing_dir);
    let from_root = format!("{}/", from_root.display());
    let mut text = text
        .replace(&format!("{}/", listing_dir.display()), "")
        .replace(&from_root, "")
        .replace(&root.display().to_string(), "$DIR");
    for (regex, with) in VOLATILE.iter() {
        text = regex.replace_all(&text, *with).into_owned();
    }
    text
}

static GUTTER_LOCATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\s*)(-->|:::) (\S+?):(\d+):(\d+)").unwrap());
/// A quoted source line: rustc right-aligns its number in the gutter (` 4 | code`).
static GUTTER_LINE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^( *)(\d+) \|").unwrap());

fn view<'a>(views: &'a Views, file: &str) -> Option<&'a ReaderView> {
    views.iter().find(|(f, _)| f == file).map(|(_, v)| v)
}

/// `src/main.rs:L` and `(main.rs:L)` in the reader's numbering.
pub fn reader_locations(text: &str, views: &Views) -> String {
    let text = SOURCE_LOCATION.replace_all(text, |c: &regex::Captures| {
        let line: usize = c[3].parse().unwrap_or(0);
        match view(views, &c[2]) {
            Some(v) => format!("{}{}:{}", &c[1], &c[2], v.reader_line(line)),
            None => c[0].to_string(),
        }
    });
    FRAME_LOCATION
        .replace_all(&text, |c: &regex::Captures| {
            let line: usize = c[2].parse().unwrap_or(0);
            let file =
                views.iter().find(|(f, _)| Path::new(f).file_name().is_some_and(|n| *n == c[1]));
            match file {
                Some((_, v)) => format!("({}:{})", &c[1], v.reader_line(line)),
                None => c[0].to_string(),
            }
        })
        .into_owned()
}

/// One rendered rustc diagnostic with its source gutters in the reader's numbering: the line
/// numbers of the listing's own files change, and when their width changes, the gutter too.
pub fn reader_gutters(diagnostic: &str, views: &Views) -> String {
    let mut current: Option<&ReaderView> = None;
    let mut old_width = None;
    let mut lines: Vec<String> = Vec::new();
    let mut numbers: Vec<usize> = Vec::new();
    let mut old_digits = 0;
    for line in diagnostic.lines() {
        if let Some(c) = GUTTER_LOCATION.captures(line) {
            old_width.get_or_insert(c[1].len());
            current = view(views, &c[3]);
            lines.push(line.to_string());
        } else if let Some(c) = GUTTER_LINE.captures(line) {
            let n: usize = c[2].parse().unwrap_or(0);
            old_digits = old_digits.max(c[2].len());
            let n = current.map_or(n, |v| v.reader_line(n));
            numbers.push(n);
            let rest = &line[c.get(2).map_or(0, |m| m.end())..]; // from " |"
            lines.push(format!("\u{0}{n}\u{0}{rest}"));
        } else {
            lines.push(line.to_string());
        }
    }
    let old_width = old_width.unwrap_or(0);
    // rustc sizes the gutter for the widest line number it shows; keep any other width as is.
    let new_digits = numbers.iter().map(|n| n.to_string().len()).max().unwrap_or(0);
    let width = if old_digits == old_width && new_digits > 0 { new_digits } else { old_width };
    let pad = |line: &str| -> String {
        if let Some(rest) = line.strip_prefix('\u{0}') {
            let (n, rest) = rest.split_once('\u{0}').unwrap_or((rest, ""));
            return format!("{n:>width$}{rest}");
        }
        // rustc indents `-->` and `:::` by the width, `|` and `= note` by one more.
        let spaces = line.len() - line.trim_start_matches(' ').len();
        let after = &line[spaces..];
        let location = after.starts_with("-->") || after.starts_with(":::");
        let bar = after.starts_with('|') || after.starts_with("= ");
        if width == old_width {
            line.to_string()
        } else if location && spaces == old_width {
            format!("{}{after}", " ".repeat(width))
        } else if bar && spaces == old_width + 1 {
            format!("{}{after}", " ".repeat(width + 1))
        } else {
            line.to_string()
        }
    };
    let mut out: Vec<String> = lines.iter().map(|l| pad(l)).collect();
    if diagnostic.ends_with('\n') {
        out.push(String::new());
    }
    out.join("\n")
}

/// Compiler diagnostics as the reader would see them: paths, gutters, locations, tidied.
pub fn diagnostics(rendered: &[String], listing_dir: &Path, root: &Path, views: &Views) -> String {
    let joined: String = rendered
        .iter()
        .map(|d| {
            reader_gutters(&paths(d, listing_dir, root), views).trim_end().to_string() + "\n\n"
        })
        .collect();
    tidy(&reader_locations(&joined, views))
}

/// A program's output: machine paths, the reader's line numbers, then the listing's redactions.
pub fn output(
    text: &str,
    listing_dir: &Path,
    root: &Path,
    views: &Views,
    redact: &[(Regex, String)],
) -> String {
    let mut text = reader_locations(&paths(text, listing_dir, root), views);
    for (regex, with) in redact {
        text = regex.replace_all(&text, with.as_str()).into_owned();
    }
    tidy(&text)
}

/// Trailing spaces and blank lines at the end carry no meaning and make diffs noisy.
pub fn tidy(text: &str) -> String {
    let lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    let body = lines.join("\n");
    let body = body.trim_end_matches('\n');
    if body.is_empty() { String::new() } else { format!("{body}\n") }
}

pub use book_listings::lines::cited_lines;

/// Every source line a rustc diagnostic quotes in its gutter: (file, line), where the file is
/// the one the nearest `-->`/`:::` above names.
pub fn quoted_lines(text: &str) -> Vec<(String, usize)> {
    let mut quoted = Vec::new();
    let mut file: Option<String> = None;
    for line in text.lines() {
        if let Some(c) = GUTTER_LOCATION.captures(line) {
            file = Some(c[3].to_string());
        } else if let (Some(c), Some(f)) = (GUTTER_LINE.captures(line), &file) {
            if let Ok(n) = c[2].parse() {
                quoted.push((f.clone(), n));
            }
        } else if !line.starts_with(' ') {
            // A line of text or a blank line: the snippet is over.
            file = None;
        }
    }
    quoted
}

#[cfg(test)]
mod tests {
    use super::*;
    use book_listings::markdown::Part;

    const SOURCE: &str = "use std::cell::RefCell;\n// ANCHOR: here\nfn main() {\n    let c = RefCell::new(1);\n    let a = c.borrow_mut();\n    let b = c.borrow_mut();\n}\n// ANCHOR_END: here\n";

    fn views() -> Vec<(String, ReaderView)> {
        vec![("src/main.rs".into(), ReaderView::new(SOURCE, &Part::Anchor("here".into()), true))]
    }

    #[test]
    fn paths_become_the_listings_own() {
        let root = Path::new("/home/me/book");
        let dir = root.join("listings/ch/01-x");
        let text = "error at /home/me/book/listings/ch/01-x/src/main.rs:3:5 and listings/ch/01-x/src/lib.rs \
                    in /home/me/book/other, /rustc/0123456789012345678901234567890123456789/library/std/src/rt.rs \
                    /root/.cargo/registry/src/index.crates.io-1949cf8c6b5b557f/url-2.5.8/src/lib.rs \
                    thread 'main' (12345) panicked; finished in 0.02s '/t/x.long-type-42.txt'";
        assert_eq!(
            paths(text, &dir, root),
            "error at src/main.rs:3:5 and src/lib.rs in $DIR/other, $RUST/library/std/src/rt.rs \
             $CARGO/url-2.5.8/src/lib.rs thread 'main' (TID) panicked; finished in [time] '[long type file]'"
        );
    }

    #[test]
    fn locations_follow_the_readers_numbering() {
        let text = "thread 'main' panicked at src/main.rs:6:15:\nalready borrowed\n   by 0x1: x::main (main.rs:6)\nsrc/lib.rs:6 stays\n$RUST/std/src/main.rs:6 is std's\n";
        assert_eq!(
            reader_locations(text, &views()),
            "thread 'main' panicked at src/main.rs:5:15:\nalready borrowed\n   by 0x1: x::main (main.rs:5)\nsrc/lib.rs:6 stays\n$RUST/std/src/main.rs:6 is std's\n"
        );
        assert_eq!(reader_locations(text, &[]), text, "no view: nothing changes");
    }

    #[test]
    fn gutters_are_renumbered() {
        let diagnostic = "error[E0499]: cannot borrow\n --> src/main.rs:6:13\n  |\n5 |     let a = c.borrow_mut();\n  |             - first\n6 |     let b = c.borrow_mut();\n  |             ^ second\n  = note: see\n";
        assert_eq!(
            reader_gutters(diagnostic, &views()),
            "error[E0499]: cannot borrow\n --> src/main.rs:6:13\n  |\n4 |     let a = c.borrow_mut();\n  |             - first\n5 |     let b = c.borrow_mut();\n  |             ^ second\n  = note: see\n"
        );
        let mixed = "error: z\n  --> src/main.rs:6:1\n   |\n 6 | x\n   |\n  ::: $RUST/std/src/lib.rs:10:1\n   |\n10 | fn x() {}\n";
        assert_eq!(
            reader_gutters(mixed, &views()),
            "error: z\n  --> src/main.rs:6:1\n   |\n 5 | x\n   |\n  ::: $RUST/std/src/lib.rs:10:1\n   |\n10 | fn x() {}\n",
            "right-aligned under a wider std line"
        );
        let std_only = "  --> $RUST/std/src/lib.rs:10:1\n   |\n10 | fn x() {}\n";
        assert_eq!(reader_gutters(std_only, &views()), std_only, "std's lines keep their numbers");
    }

    /// `src/main.rs` with an ANCHOR line above twelve lines: file line 10 is the reader's 9.
    fn twelve_lines_under_an_anchor() -> Vec<(String, ReaderView)> {
        let mut source = String::from("// ANCHOR: here\n");
        for i in 1..=12 {
            source += &format!("// line {i}\n");
        }
        vec![(
            "src/main.rs".to_string(),
            ReaderView::new(&source, &Part::Anchor("here".into()), true),
        )]
    }

    #[test]
    fn a_gutter_that_narrows_is_padded_again() {
        let views = twelve_lines_under_an_anchor();
        let diagnostic =
            "error: x\n  --> src/main.rs:10:1\n   |\n10 | // line 9\n   | ^^\n   = help: y";
        assert_eq!(
            reader_gutters(diagnostic, &views),
            "error: x\n --> src/main.rs:10:1\n  |\n9 | // line 9\n  | ^^\n  = help: y"
        );
        assert_eq!(
            diagnostics(&[diagnostic.to_string()], Path::new("/b/l/x"), Path::new("/b"), &views),
            "error: x\n --> src/main.rs:9:1\n  |\n9 | // line 9\n  | ^^\n  = help: y\n"
        );
    }

    #[test]
    fn output_redacts_after_paths_and_tidies() {
        let redact = vec![(Regex::new(r"0x[0-9a-f]+").unwrap(), "0x[addr]".to_string())];
        let got = output("at 0x7ffd12  \n\n\n", Path::new("/b/l/x"), Path::new("/b"), &[], &redact);
        assert_eq!(got, "at 0x[addr]\n");
        assert_eq!(tidy("\n\n"), "");
    }

    #[test]
    fn a_gutter_keeps_a_width_it_did_not_get_from_its_numbers() {
        // Width 3 for two-digit numbers: not rustc's own sizing, so left alone.
        let odd = "error: x\n   --> src/main.rs:10:1\n    |\n 10 | // line 9\n";
        let views = twelve_lines_under_an_anchor();
        assert_eq!(
            reader_gutters(odd, &views),
            "error: x\n   --> src/main.rs:10:1\n    |\n  9 | // line 9\n"
        );
        // No quoted line at all: nothing to size the gutter by.
        let bare = "error: x\n --> src/main.rs:10:1\n  = note: y\n";
        assert_eq!(reader_gutters(bare, &views), bare);
    }

    #[test]
    fn a_narrowed_gutter_moves_every_kind_of_gutter_line() {
        let views = twelve_lines_under_an_anchor();
        let diagnostic = "error: x\n  --> src/main.rs:10:1\n   |\n10 | // line 9\n   |\n  ::: src/main.rs:9:1\n   |\n 9 | // line 8\n   = note: z\n  not a gutter line\n   nor this";
        assert_eq!(
            reader_gutters(diagnostic, &views),
            "error: x\n --> src/main.rs:10:1\n  |\n9 | // line 9\n  |\n ::: src/main.rs:9:1\n  |\n8 | // line 8\n  = note: z\n  not a gutter line\n   nor this"
        );
    }

    #[test]
    fn quoted_lines_belong_to_their_file() {
        let text = "error[E1]: x\n  --> src/main.rs:4:5\n   |\n 4 |     a\n   |\nnote: y\n  --> $RUST/std/src/lib.rs:12:1\n   |\n12 | b\n\nthread panicked at src/main.rs:9:1\n10 | not a gutter\n";
        assert_eq!(
            quoted_lines(text),
            [("src/main.rs".to_string(), 4), ("$RUST/std/src/lib.rs".to_string(), 12)]
        );
        // A line of text ends the snippet even without a blank line before it.
        let run_on = "  --> src/main.rs:4:5\n   |\n 4 | a\nthen text\n 5 | not quoted\n";
        assert_eq!(quoted_lines(run_on), [("src/main.rs".to_string(), 4)]);
    }
}
