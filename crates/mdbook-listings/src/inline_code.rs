//! Long inline code made breakable ([`book_listings::inline_code`]): each code span of a page's
//! Markdown longer than [`LONGEST_UNBROKEN`] characters becomes its HTML, `<wbr>`s included, and
//! so does shorter code with a space in a table, which may break at its spaces there; every
//! other byte of the page is left as it was. Headings are left alone: mdBook makes their
//! ids and the table of contents from them, and none holds code that long.

use book_listings::inline_code::{self, LONGEST_UNBROKEN};
use mdbook_markdown::pulldown_cmark::{Event, Tag, TagEnd};
use mdbook_markdown::{MarkdownOptions, new_cmark_parser};

pub fn breakable(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut copied = 0;
    // Inside a heading, or an image's alt text (which is text, not HTML).
    let mut plain = 0usize;
    let mut in_table = false;
    for (event, range) in new_cmark_parser(markdown, &MarkdownOptions::default()).into_offset_iter()
    {
        match event {
            Event::Start(Tag::Heading { .. } | Tag::Image { .. }) => plain += 1,
            Event::End(TagEnd::Heading(_) | TagEnd::Image) => plain -= 1,
            Event::Start(Tag::Table(_)) => in_table = true,
            Event::End(TagEnd::Table) => in_table = false,
            Event::Code(code) if plain == 0 => {
                let html = if code.chars().count() > LONGEST_UNBROKEN {
                    inline_code::html(&code)
                } else if in_table && code.contains(' ') {
                    inline_code::wrapped(&code)
                } else {
                    continue;
                };
                out.push_str(&markdown[copied..range.start]);
                out.push_str(&html);
                copied = range.end;
            }
            _ => {}
        }
    }
    out.push_str(&markdown[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_long_code_spans_change_and_the_rest_stays_byte_for_byte() {
        let page = "# `a_very_long_heading_name_here`\n\nShort `Rc<T>`, `&mut x` and long \
                    ``a `tick` in a_long_name_x``.\n\n> [!NOTE]\n> In a note, `std::sync::atomic::Ordering`\n> \
                    too.\n\n| a | b |\n|---|---|\n| `closure_with_pipe \\| x` | `Box<T>` `&mut T` |\n\n\
                    ![`alt_text_that_is_quite_long`](x.png)\n\n```rust\nlet not_inline_code_at_all = 1;\n```\n";
        let out = breakable(page);
        let html = inline_code::html;
        assert_eq!(
            out,
            format!(
                "# `a_very_long_heading_name_here`\n\nShort `Rc<T>`, `&mut x` and long {}.\n\n> [!NOTE]\n> \
                 In a note, {}\n> too.\n\n| a | b |\n|---|---|\n| {} | `Box<T>` {} |\n\n\
                 ![`alt_text_that_is_quite_long`](x.png)\n\n```rust\nlet not_inline_code_at_all = 1;\n```\n",
                html("a `tick` in a_long_name_x"),
                html("std::sync::atomic::Ordering"),
                html("closure_with_pipe | x"),
                inline_code::wrapped("&mut T"),
            )
        );
        // What mdBook makes of it: the same code, as text.
        let rendered = |markdown: &str| {
            let mut html = String::new();
            mdbook_markdown::pulldown_cmark::html::push_html(
                &mut html,
                new_cmark_parser(markdown, &MarkdownOptions::default()),
            );
            html.replace("<wbr>", "").replace("<span class=\"nobr\">", "").replace("</span>", "")
        };
        let rendered = rendered(&out);
        assert!(
            rendered.contains("<td><code class=\"wrap\">closure_with_pipe | x</code></td>"),
            "{rendered}"
        );
        assert!(rendered.contains("long <code class=\"wrap\">a `tick` in a_long_name_x</code>."));
        assert!(breakable("no code at all").eq("no code at all"));
    }
}
