//! The `mermaid` preprocessor, in-process: each ```` ```mermaid ```` block of a chapter becomes
//! `<pre class="mermaid">` with its source escaped, which theme/diagrams.js draws in the
//! browser and `cargo xtask test`'s postbuild step draws into the page.
//!
//! mdbook-mermaid's library does the same, but it brings what only its binary uses (clap,
//! env_logger, toml_edit 0.15 with combine): 39.5 of the 138.5 unit-seconds of compiling the book
//! builder on a fresh machine, and toml_edit alone 17.8 s, on the way to the first page
//! `cargo xtask serve` answers. So this module does it, with the pulldown-cmark the workspace
//! compiles anyway, and a test holds it to mdbook-mermaid's own output (pinned as a
//! dev-dependency) on every page of the book and on the cases mdbook-mermaid tests.

use std::fmt::Write;

use mdbook_driver::book::{Book, BookItem};
use mdbook_driver::errors::Result;
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};

/// Registered under mdbook-mermaid's name, so it takes the place of book.toml's
/// `[preprocessor.mermaid]` command, in its order.
pub struct Mermaid;

impl Preprocessor for Mermaid {
    fn name(&self) -> &str {
        "mermaid"
    }

    fn run(&self, _: &PreprocessorContext, mut book: Book) -> Result<Book> {
        book.for_each_mut(|item| {
            if let BookItem::Chapter(chapter) = item {
                chapter.content = with_diagrams(&chapter.content);
            }
        });
        Ok(book)
    }

    /// Only HTML can show a diagram; other renderers see the fenced source.
    fn supports_renderer(&self, renderer: &str) -> Result<bool> {
        Ok(renderer == "html")
    }
}

/// `markdown` with every ```` ```mermaid ```` block replaced by a blank line and
/// `<pre class="mermaid">…</pre>` followed by a blank line, as mdbook-mermaid writes it: HTML
/// that Markdown leaves alone, its source escaped so that `A --> B` stays text.
pub fn with_diagrams(markdown: &str) -> String {
    // The extensions mdBook parses chapters with that change where a code block starts or ends.
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS;
    let mut out = String::with_capacity(markdown.len());
    let mut copied = 0;
    // The source of the diagram being read, and where its block starts.
    let mut diagram: Option<(usize, String)> = None;
    for (event, span) in Parser::new_ext(markdown, options).into_offset_iter() {
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info))) if &*info == "mermaid" => {
                diagram = Some((span.start, String::new()));
            }
            Event::Text(text) => {
                if let Some((_, source)) = &mut diagram {
                    source.push_str(&text);
                }
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some((start, source)) = diagram.take() {
                    out.push_str(&markdown[copied..start]);
                    let _ = write!(out, "\n<pre class=\"mermaid\">{}</pre>\n\n", escaped(&source));
                    copied = span.end;
                }
            }
            _ => {}
        }
    }
    out.push_str(&markdown[copied..]);
    out
}

/// The diagram's source as HTML text, with Windows line ends made Unix ones.
fn escaped(source: &str) -> String {
    let mut out = String::with_capacity(source.len());
    for c in source.replace("\r\n", "\n").chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '&' => out.push_str("&amp;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::with_diagrams;

    /// mdbook-mermaid's own function, through its preprocessor on a one-chapter book.
    fn theirs(markdown: &str) -> String {
        use mdbook_driver::book::{Book, BookItem, Chapter};
        use mdbook_preprocessor::{Preprocessor, PreprocessorContext};
        let mut book = Book::new();
        book.push_item(BookItem::Chapter(Chapter::new("c", markdown.into(), "c.md", vec![])));
        let context = PreprocessorContext::new(".".into(), Default::default(), "html".into());
        let book = mdbook_mermaid::Mermaid.run(&context, book).expect("mdbook-mermaid runs");
        match book.iter().next() {
            Some(BookItem::Chapter(chapter)) => chapter.content.clone(),
            _ => unreachable!("the book has its one chapter"),
        }
    }

    #[test]
    fn a_diagram_becomes_escaped_html_and_the_rest_is_left_as_it_was() {
        let markdown = "# Title\n\n```mermaid\ngraph LR\n  A[\"Box<T>\"] --> B & C\n```\n\n```rust\nlet a = 1 < 2;\n```\n";
        assert_eq!(
            with_diagrams(markdown),
            "# Title\n\n\n<pre class=\"mermaid\">graph LR\n  A[&quot;Box&lt;T&gt;&quot;] --&gt; B &amp; C\n</pre>\n\n\n\n```rust\nlet a = 1 < 2;\n```\n"
        );
    }

    #[test]
    fn only_blocks_fenced_as_mermaid_change() {
        for untouched in [
            "```rust\ngraph LR\n```\n",
            "    mermaid indented code\n",
            "```mermaid,ignore\ngraph\n```\n",
            "| a | b |\n|---|---|\n| `mermaid` | x |\n",
            "<pre class=\"x\">\n```mermaid\n</pre>\n",
        ] {
            assert_eq!(with_diagrams(untouched), untouched);
        }
    }

    /// The block ends at its closing fence: the line end after it is the page's, left as it is.
    #[test]
    fn windows_line_ends_become_unix_ones_in_the_diagram() {
        assert_eq!(
            with_diagrams("```mermaid\r\ngraph TD\r\n  A --> B\r\n```\r\n"),
            "\n<pre class=\"mermaid\">graph TD\n  A --&gt; B\n</pre>\n\n\r\n"
        );
    }

    /// Diagrams are replaced from the last to the first by mdbook-mermaid; the offsets here
    /// are of the source, so several diagrams must land where each one was.
    #[test]
    fn several_diagrams_each_replace_their_own_block() {
        let out = with_diagrams("a\n\n```mermaid\none\n```\nb\n\n~~~mermaid\ntwo\n~~~\nc\n");
        assert_eq!(
            out,
            "a\n\n\n<pre class=\"mermaid\">one\n</pre>\n\n\nb\n\n\n<pre class=\"mermaid\">two\n</pre>\n\n\nc\n"
        );
    }

    /// The cases mdbook-mermaid's own tests cover, and every page of this book: the same
    /// Markdown as mdbook-mermaid's preprocessor gives, byte for byte.
    #[test]
    fn the_same_as_mdbook_mermaid_on_every_page_and_its_own_cases() {
        let mut cases: Vec<(String, String)> = [
            "Text\n\n```mermaid\ngraph TD\nA --> B\n```\n\nHello world\n",
            "|Col1|Col2|\n|----|----|\n|Row1|Row2|\n\n```mermaid\ngraph\n```\n",
            "<div>\n```mermaid\ngraph\n```\n</div>\n",
            "* item\n\n  ```mermaid\n  graph TD\n  ```\n",
            "````mermaid\ngraph\n```\n````\n",
            "```mermaid\nA --> B\n\"a\" & <b>\n```\n",
            "```mermaid\r\ngraph TD\r\n```\r\n",
        ]
        .iter()
        .map(|case| (format!("{case:?}"), case.to_string()))
        .collect();
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src");
        for entry in std::fs::read_dir(&src).expect("the book's src/") {
            let path = entry.expect("an entry of src/").path();
            if path.extension().is_some_and(|e| e == "md") {
                let text = std::fs::read_to_string(&path).expect("a page");
                cases.push((path.display().to_string(), text));
            }
        }
        let with = cases.iter().filter(|(_, text)| text.contains("```mermaid")).count();
        assert!(with >= 10, "the book's pages with diagrams were found: {with}");
        for (name, markdown) in &cases {
            assert_eq!(with_diagrams(markdown), theirs(markdown), "{name}");
        }
    }
}
