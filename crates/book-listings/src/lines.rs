//! A listing's source as the reader gets it. Through `{{#rustdoc_include file:anchor}}`, mdBook
//! drops every `ANCHOR:`/`ANCHOR_END:` line from the page, from Copy and from what Run sends,
//! and hides the lines outside the anchor. rustc numbers the file on disk, so every location
//! the harness shows is mapped to the reader's numbering, and a page may only cite lines it shows.

use std::sync::LazyLock;

use regex::Regex;

use crate::markdown::Part;

// The patterns mdBook 0.5.4 uses (mdbook-driver, links/take_lines.rs).
static ANCHOR_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"ANCHOR:\s*(?P<name>[\w_-]+)").unwrap());
static ANCHOR_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"ANCHOR_END:\s*(?P<name>[\w_-]+)").unwrap());

/// A location in a listing's own sources, as the harness writes them: `src/main.rs:4`. Group 1
/// is what precedes it (not a path: `$RUST/std/src/rt.rs:10` is std's), 2 the file, 3 the line.
pub static SOURCE_LOCATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(^|[^/\w.$-])(src/[A-Za-z0-9_/.-]+\.rs):(\d+)").unwrap());

/// A valgrind frame, which names a file by its name alone: `(main.rs:13)`.
pub static FRAME_LOCATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([A-Za-z0-9_.-]+\.rs):(\d+)\)").unwrap());

/// Every `src/…rs:L` a text cites, and every valgrind frame `(main.rs:L)` (a file of the
/// listing's `src/`): (file, line), sorted, once each.
pub fn cited_lines(text: &str) -> Vec<(String, usize)> {
    let located = SOURCE_LOCATION.captures_iter(text).map(|c| (c[2].to_string(), c[3].to_string()));
    let framed =
        FRAME_LOCATION.captures_iter(text).map(|c| (format!("src/{}", &c[1]), c[2].to_string()));
    let mut cited: Vec<(String, usize)> =
        located.chain(framed).filter_map(|(file, line)| Some((file, line.parse().ok()?))).collect();
    cited.sort();
    cited.dedup();
    cited
}

pub fn is_anchor_line(line: &str) -> bool {
    // Both patterns start with `ANCHOR`: most lines are ruled out without a regex.
    line.contains("ANCHOR") && (ANCHOR_START.is_match(line) || ANCHOR_END.is_match(line))
}

/// The first `ANCHOR` line an include of `part` of the file shows the reader, as (1-based line,
/// line): mdBook drops them only from an anchor's include.
pub fn shown_anchor_line<'t>(text: &'t str, part: &Part) -> Option<(usize, &'t str)> {
    let (first, last) = match part {
        Part::Anchor(_) => return None,
        Part::Whole => (None, None),
        Part::Lines { first, last } => (*first, *last),
    };
    text.lines()
        .enumerate()
        .map(|(index, line)| (index + 1, line))
        .filter(|(n, _)| first.is_none_or(|f| *n >= f) && last.is_none_or(|l| *n <= l))
        .find(|(_, line)| is_anchor_line(line))
}

/// Whether the file has an `ANCHOR: name` line.
pub fn has_anchor(text: &str, name: &str) -> bool {
    text.lines()
        .filter(|l| l.contains("ANCHOR"))
        .any(|l| ANCHOR_START.captures(l).is_some_and(|c| &c["name"] == name))
}

/// How the page shows a file: for each line of the reader's program, whether it is visible.
#[derive(Debug, Clone, PartialEq)]
pub struct ReaderView {
    /// For each line of the file on disk (index 0 = line 1): its line in the reader's program,
    /// or `None` when mdBook removed it.
    to_reader: Vec<Option<usize>>,
    /// For each line of the reader's program (index 0 = line 1): shown without expanding.
    visible: Vec<bool>,
    /// Whether the page gives the reader the whole program (hidden lines included).
    pub whole_program: bool,
}

impl ReaderView {
    /// The view of `text` through an include that takes `part` of it; `rustdoc` for
    /// `{{#rustdoc_include}}`, whose lines outside the part are hidden rather than dropped.
    pub fn new(text: &str, part: &Part, rustdoc: bool) -> ReaderView {
        let lines: Vec<&str> = text.lines().collect();
        let mut to_reader = Vec::with_capacity(lines.len());
        let mut visible = Vec::new();
        let mut inside = false;
        for (index, line) in lines.iter().enumerate() {
            let (kept, shown) = match part {
                Part::Whole => (true, true),
                Part::Lines { first, last } => {
                    let n = index + 1;
                    let shown = first.is_none_or(|f| n >= f) && last.is_none_or(|l| n <= l);
                    (rustdoc || shown, shown)
                }
                Part::Anchor(_) if !line.contains("ANCHOR") => (rustdoc || inside, inside),
                Part::Anchor(name) => {
                    if let Some(c) = ANCHOR_START.captures(line) {
                        inside |= &c["name"] == name.as_str();
                        (false, false)
                    } else if let Some(c) = ANCHOR_END.captures(line) {
                        if &c["name"] == name.as_str() {
                            inside = false;
                        }
                        (false, false)
                    } else {
                        (rustdoc || inside, inside)
                    }
                }
            };
            if kept {
                visible.push(shown);
                to_reader.push(Some(visible.len()));
            } else {
                to_reader.push(None);
            }
        }
        let whole_program = rustdoc || matches!(part, Part::Whole);
        ReaderView { to_reader, visible, whole_program }
    }

    /// The reader's line for line `line` (1-based) of the file on disk. A line mdBook removed
    /// maps to the next line kept; past the end, lines keep their distance from the end.
    pub fn reader_line(&self, line: usize) -> usize {
        if line == 0 {
            return 0;
        }
        match self.to_reader.get(line - 1) {
            Some(Some(n)) => *n,
            // Line `line` itself was removed: the next kept line is at index `line` or later.
            Some(None) => self.to_reader[line..]
                .iter()
                .flatten()
                .next()
                .copied()
                .unwrap_or(self.visible.len() + 1),
            None => line - (self.to_reader.len() - self.visible.len()),
        }
    }

    /// The lines of `text` (the file this view was made of) the reader sees without expanding.
    pub fn shown_lines<'t>(&self, text: &'t str) -> impl Iterator<Item = &'t str> {
        text.lines()
            .zip(&self.to_reader)
            .filter(|(_, reader)| reader.is_some_and(|n| self.shows(n)))
            .map(|(line, _)| line)
    }

    /// Whether the reader sees line `line` of their program without expanding hidden lines.
    pub fn shows(&self, line: usize) -> bool {
        line >= 1 && self.visible.get(line - 1).copied().unwrap_or(false)
    }

    /// Whether the page's numbering differs from the file's (mdBook removed lines).
    pub fn renumbers(&self) -> bool {
        self.to_reader.iter().any(Option::is_none)
    }

    /// Whether some lines are hidden or missing: a reader counting visible lines miscounts.
    pub fn is_partial(&self) -> bool {
        self.visible.iter().any(|v| !v) || !self.whole_program
    }

    /// How many lines the reader's program has.
    pub fn len(&self) -> usize {
        self.visible.len()
    }

    pub fn is_empty(&self) -> bool {
        self.visible.is_empty()
    }

    /// The visible lines as ranges, for messages: "3-9, 12".
    pub fn shown_ranges(&self) -> String {
        let mut ranges: Vec<(usize, usize)> = Vec::new();
        for (index, shown) in self.visible.iter().enumerate() {
            let n = index + 1;
            match ranges.last_mut() {
                Some((_, end)) if *shown && *end + 1 == n => *end = n,
                _ if *shown => ranges.push((n, n)),
                _ => {}
            }
        }
        let text: Vec<String> = ranges
            .iter()
            .map(|(a, b)| if a == b { a.to_string() } else { format!("{a}-{b}") })
            .collect();
        text.join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "use std::cell::RefCell;\n\n// ANCHOR: here\nfn main() {\n    let c = RefCell::new(1);\n    // ANCHOR: inner\n    let a = c.borrow_mut();\n    // ANCHOR_END: inner\n}\n// ANCHOR_END: here\n";

    #[test]
    fn an_anchor_drops_every_anchor_line_and_hides_the_rest() {
        let view = ReaderView::new(FILE, &Part::Anchor("here".into()), true);
        // Reader's program: use, blank, fn main, let c, let a, }: 6 lines.
        assert_eq!(view.reader_line(1), 1);
        assert_eq!(view.reader_line(4), 3, "fn main moves up past the ANCHOR line");
        assert_eq!(view.reader_line(7), 5, "two anchor lines above it");
        assert_eq!(view.reader_line(9), 6);
        assert_eq!(view.reader_line(3), 3, "a removed line maps to the next kept one");
        assert_eq!(view.reader_line(10), 7, "a removed last line maps past the end");
        assert!(!view.shows(1) && !view.shows(2));
        assert!(view.shows(3) && view.shows(5) && view.shows(6));
        assert!(!view.shows(7) && !view.shows(0));
        assert!(view.renumbers() && view.is_partial() && view.whole_program);
        assert_eq!(view.shown_ranges(), "3-6");
        assert_eq!((view.len(), view.is_empty()), (6, false));
        let empty = ReaderView::new("", &Part::Whole, true);
        assert_eq!((empty.len(), empty.is_empty()), (0, true));
    }

    #[test]
    fn an_inner_anchor_shows_only_its_lines() {
        let view = ReaderView::new(FILE, &Part::Anchor("inner".into()), true);
        assert_eq!(view.shown_ranges(), "5");
        assert_eq!(view.shown_lines(FILE).collect::<Vec<_>>(), ["    let a = c.borrow_mut();"]);
        let plain = ReaderView::new(FILE, &Part::Anchor("inner".into()), false);
        assert!(!plain.whole_program, "{{#include file:anchor}} gives only the fragment");
        assert_eq!(plain.shown_ranges(), "1");
        assert_eq!(plain.shown_lines(FILE).count(), 1);
    }

    #[test]
    fn a_whole_file_keeps_its_anchor_lines_and_numbers() {
        let view = ReaderView::new(FILE, &Part::Whole, true);
        assert_eq!(view.reader_line(7), 7);
        assert!(!view.renumbers() && !view.is_partial());
        assert_eq!(view.shown_ranges(), "1-10");
    }

    #[test]
    fn line_ranges_hide_but_keep_numbers() {
        let view = ReaderView::new(FILE, &Part::Lines { first: Some(4), last: Some(9) }, true);
        assert_eq!(view.reader_line(7), 7);
        assert!(!view.shows(3) && view.shows(4) && view.shows(9) && !view.shows(10));
        assert!(view.is_partial() && !view.renumbers());
        let plain = ReaderView::new(FILE, &Part::Lines { first: Some(4), last: Some(5) }, false);
        assert_eq!(
            plain.shown_lines(FILE).collect::<Vec<_>>(),
            ["fn main() {", "    let c = RefCell::new(1);"]
        );
    }

    #[test]
    fn lines_past_the_end_keep_their_distance() {
        let view = ReaderView::new(FILE, &Part::Anchor("here".into()), true);
        assert_eq!(view.reader_line(11), 7);
        assert_eq!(view.reader_line(0), 0);
    }

    #[test]
    fn cited_lines_are_found_once() {
        let cited = cited_lines("src/main.rs:4:5 and src/main.rs:4:9, src/lib.rs:12\n");
        assert_eq!(cited, [("src/lib.rs".to_string(), 12), ("src/main.rs".to_string(), 4)]);
        assert!(cited_lines("$RUST/std/src/rt.rs:10 is std's").is_empty());
        let frames = cited_lines(
            "==PID==    by 0x…: x::main (main.rs:13)\n==PID==    by 0x…: alloc (alloc.rs:95)\n",
        );
        assert_eq!(frames, [("src/alloc.rs".to_string(), 95), ("src/main.rs".to_string(), 13)]);
    }

    #[test]
    fn anchors_are_found_by_name() {
        assert!(has_anchor(FILE, "inner"));
        assert!(!has_anchor(FILE, "inne"));
        assert!(is_anchor_line("    // ANCHOR_END: x") && !is_anchor_line("// anchor: x"));
    }

    #[test]
    fn anchor_lines_are_shown_by_every_include_but_an_anchor() {
        assert_eq!(shown_anchor_line(FILE, &Part::Whole), Some((3, "// ANCHOR: here")));
        let from_4 = Part::Lines { first: Some(4), last: None };
        assert_eq!(shown_anchor_line(FILE, &from_4), Some((6, "    // ANCHOR: inner")));
        let lines_4_to_5 = Part::Lines { first: Some(4), last: Some(5) };
        assert_eq!(shown_anchor_line(FILE, &lines_4_to_5), None);
        let up_to_3 = Part::Lines { first: None, last: Some(3) };
        assert_eq!(shown_anchor_line(FILE, &up_to_3), Some((3, "// ANCHOR: here")));
        assert_eq!(shown_anchor_line(FILE, &Part::Anchor("here".into())), None);
    }
}
