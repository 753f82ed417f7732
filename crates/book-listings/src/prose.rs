//! How readable a page's prose is, measured the way the pedagogy review measured it: the share of
//! sentences that chain two or more joiners (`:` `;` `—` `(`), and the words a chapter must not
//! use (the book's own machinery, "harness", belongs in the introduction, not in every chapter).
//!
//! Prose is what the reader reads as running text: paragraphs, list items and admonition bodies.
//! Code blocks, includes, headings, tables and HTML are not prose; inline code and link targets
//! are removed first, so `Rc::clone(&a)` or a URL's `:` never count as joiners.

/// The punctuation that joins clauses; `(` stands for the whole parenthesis.
pub const JOINERS: [char; 4] = [':', ';', '—', '('];

#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// 1-based line of the page where the sentence starts.
    pub line: usize,
    /// The sentence as measured: inline code is `…`, links are their text.
    pub text: String,
    pub joiners: usize,
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Prose {
    pub sentences: Vec<Sentence>,
    /// (line, word) for every use of a banned word in prose.
    pub banned: Vec<(usize, String)>,
}

impl Prose {
    /// The sentences with two or more joiners.
    pub fn chained(&self) -> impl Iterator<Item = &Sentence> {
        self.sentences.iter().filter(|s| s.joiners >= 2)
    }

    /// The share of chained sentences, in percent (0 for a page without prose).
    pub fn chained_percent(&self) -> f64 {
        if self.sentences.is_empty() {
            return 0.0;
        }
        100.0 * self.chained().count() as f64 / self.sentences.len() as f64
    }
}

/// Measures the prose of a Markdown page; `banned` words are matched case-insensitively as
/// whole words (or word prefixes: "harness" also finds "harness's").
pub fn measure(markdown: &str, banned: &[String]) -> Prose {
    let mut prose = Prose::default();
    for (line, paragraph) in paragraphs(markdown) {
        let text = plain(&paragraph);
        for word in banned {
            if contains_word(&text, word) {
                prose.banned.push((line, word.clone()));
            }
        }
        prose.sentences.extend(sentences(&text).into_iter().map(|text| Sentence {
            line,
            joiners: text.chars().filter(|c| JOINERS.contains(c)).count(),
            text,
        }));
    }
    prose
}

/// The page's prose as (first line, text) units: a paragraph, a list item or the body of an
/// admonition, joined into one line.
fn paragraphs(markdown: &str) -> Vec<(usize, String)> {
    let mut units = Vec::new();
    let mut current: Option<(usize, String)> = None;
    let mut fence: Option<String> = None;
    let mut in_html = false;
    let end = |current: &mut Option<(usize, String)>, units: &mut Vec<(usize, String)>| {
        if let Some(unit) = current.take() {
            units.push(unit);
        }
    };
    for (index, raw) in markdown.lines().enumerate() {
        let number = index + 1;
        // Admonitions and quotes are prose too: read them without their `>`.
        let line = raw.trim_start().trim_start_matches('>').trim_start();
        if let Some(marker) = &fence {
            if line.starts_with(marker.as_str()) {
                fence = None;
            }
            continue;
        }
        if line.starts_with("```") || line.starts_with("~~~") {
            end(&mut current, &mut units);
            fence = Some(line[..3].to_string());
            continue;
        }
        if in_html {
            in_html = !line.starts_with("</");
            continue;
        }
        let structural = line.is_empty()
            || line.starts_with('#')
            || line.starts_with('|')
            || line.starts_with("{{")
            || line.starts_with("[!")
            || line.starts_with("<!--");
        if structural {
            end(&mut current, &mut units);
            continue;
        }
        if line.starts_with('<') {
            // Markdown inside `<details>` (an exercise's solution) is prose the reader reads;
            // any other HTML block (a quiz container) is markup up to its closing tag, and a
            // one-line element ends on its line.
            end(&mut current, &mut units);
            let wrapper = ["<details", "</details", "<summary"].iter().any(|t| line.starts_with(t));
            in_html = !wrapper && !line.contains("</") && !line.ends_with("/>");
            continue;
        }
        let item = list_item(line);
        if item.is_some() {
            end(&mut current, &mut units);
        }
        let text = item.unwrap_or(line);
        match &mut current {
            Some((_, paragraph)) => {
                paragraph.push(' ');
                paragraph.push_str(text);
            }
            None => current = Some((number, text.to_string())),
        }
    }
    end(&mut current, &mut units);
    units
}

/// The text of a list item line without its bullet or number, if it is one.
fn list_item(line: &str) -> Option<&str> {
    if let Some(rest) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) {
        return Some(rest);
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    line[digits..].strip_prefix(". ")
}

/// Inline code becomes `…`, links and images their text, emphasis markers go.
fn plain(paragraph: &str) -> String {
    let mut out = String::new();
    let mut rest = paragraph;
    while let Some(c) = rest.chars().next() {
        if c == '`' {
            let ticks = rest.bytes().take_while(|&b| b == b'`').count();
            let fence = &rest[..ticks];
            if let Some(close) = rest[ticks..].find(fence) {
                out.push('…');
                rest = &rest[ticks + close + ticks..];
                continue;
            }
        }
        if c == ']'
            && rest[1..].starts_with('(')
            && let Some(close) = rest.find(')')
        {
            rest = &rest[close + 1..];
            continue;
        }
        let image = c == '!' && rest[1..].starts_with('[');
        if !(matches!(c, '[' | ']' | '*') || image) {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// Splits running text after `.`, `?` or `!` followed by a space and a capital, a digit or an
/// opening mark; "e.g." and "i.e." do not end sentences.
fn sentences(text: &str) -> Vec<String> {
    let text = text.replace("e.g.", "eg").replace("i.e.", "ie").replace("etc.)", "etc)");
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut start = 0;
    for i in 0..chars.len() {
        let ends = matches!(chars[i], '.' | '?' | '!')
            && chars.get(i + 1) == Some(&' ')
            && chars
                .get(i + 2)
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "…\"“(".contains(*c));
        if ends {
            found.push(chars[start..=i].iter().collect::<String>());
            start = i + 2;
        }
    }
    found.push(chars[start..].iter().collect::<String>());
    found
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| s.chars().any(char::is_alphabetic))
        .collect()
}

fn contains_word(text: &str, word: &str) -> bool {
    let text = text.to_lowercase();
    let word = word.to_lowercase();
    text.match_indices(&word)
        .any(|(at, _)| !text[..at].chars().next_back().is_some_and(char::is_alphanumeric))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn banned() -> Vec<String> {
        vec!["harness".to_string()]
    }

    #[test]
    fn counts_joiners_per_sentence_outside_code_and_links() {
        let page = "A box owns its value. It frees it: on drop; always.\n\
                    Call `Rc::clone(&a)` (cheap) here. See [the docs](https://x.org/a:b).\n";
        let prose = measure(page, &[]);
        let joiners: Vec<usize> = prose.sentences.iter().map(|s| s.joiners).collect();
        assert_eq!(joiners, [0, 2, 1, 0]);
        assert_eq!(prose.chained().count(), 1);
        assert_eq!(prose.chained_percent(), 25.0);
        let half = measure("One: a; b. Two: c (d). Three. Four.\n", &[]);
        assert_eq!(half.chained_percent(), 50.0);
    }

    #[test]
    fn code_links_images_and_emphasis_are_reduced_to_what_is_read() {
        let texts = |page: &str| -> Vec<String> {
            measure(page, &[]).sentences.into_iter().map(|s| s.text).collect()
        };
        assert_eq!(texts("Call `Rc::clone(&a)` and ``a`b`` here.\n"), ["Call … and … here."]);
        assert_eq!(texts("See [the docs](https://x.org/a:b) now.\n"), ["See the docs now."]);
        assert_eq!(texts("An ![alt](img.png) *image* **here**!\n"), ["An alt image here!"]);
    }

    #[test]
    fn sentences_start_with_a_capital_a_digit_code_or_a_quote() {
        let page = "It is done. 2 threads run. `x` is code. \"Quoted\" too. and not this.\n";
        let texts: Vec<String> = measure(page, &[]).sentences.into_iter().map(|s| s.text).collect();
        assert_eq!(
            texts,
            ["It is done.", "2 threads run.", "… is code.", "\"Quoted\" too. and not this."]
        );
    }

    #[test]
    fn code_headings_tables_includes_and_html_are_not_prose() {
        let page = "# Title: with (joiners)\n\n```rust\nlet a: (i32; 2);\n```\n\n\
                    ~~~text\nx: (y)\n~~~\n| a: b | (c) |\n{{#include x.rs:anchor}}\n\
                    <div class=\"quiz\">\ninside: (html)\nstill: (inside).\n</div>\n\nThe only sentence.\n";
        let prose = measure(page, &[]);
        assert_eq!(prose.sentences.len(), 1, "{prose:?}");
        assert_eq!(prose.sentences[0].line, 17);
    }

    #[test]
    fn a_solution_inside_details_and_text_after_a_one_line_element_are_prose() {
        let page = "<details class=\"solution\">\n<summary>Solution</summary>\n\nWhy it works.\n\n\
                    </details>\n<br/>\nAfter a break.\n<img src=\"a.svg\">\nHidden: (markup).\n";
        let texts: Vec<String> = measure(page, &[]).sentences.into_iter().map(|s| s.text).collect();
        assert_eq!(texts, ["Why it works.", "After a break."]);
    }

    #[test]
    fn list_items_and_admonitions_are_prose_units_with_their_line() {
        let page = "Intro.\n\n- one: a; b\n- two\n  continues.\n1. three\n\n> [!NOTE]\n> Note text (a): b.\n";
        let prose = measure(page, &[]);
        let lines: Vec<(usize, &str)> =
            prose.sentences.iter().map(|s| (s.line, s.text.as_str())).collect();
        assert_eq!(
            lines,
            [
                (1, "Intro."),
                (3, "one: a; b"),
                (4, "two continues."),
                (6, "three"),
                (9, "Note text (a): b.")
            ]
        );
    }

    #[test]
    fn abbreviations_and_lowercase_do_not_split() {
        let page = "Use a lock, e.g. a Mutex. Version 1.95 is pinned. it goes on.\n";
        let prose = measure(page, &[]);
        let texts: Vec<&str> = prose.sentences.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(texts, ["Use a lock, eg a Mutex.", "Version 1.95 is pinned. it goes on."]);
    }

    #[test]
    fn banned_words_are_whole_words_in_prose_only() {
        let page =
            "The harness checks it. The Harness's run.\n\n```\nharness\n```\n\nUnharnessed.\n";
        let prose = measure(page, &banned());
        assert_eq!(prose.banned, [(1, "harness".to_string())]);
    }

    #[test]
    fn an_empty_page_has_no_share() {
        assert_eq!(measure("# Only a title\n", &[]).chained_percent(), 0.0);
    }
}
