//! Where inline code may break across lines. A browser breaks `code` where Unicode's line
//! breaking allows it, and where nothing does, mdBook's `overflow-wrap: break-word` cuts a word
//! anywhere: at 390 px a reader got `LineW` / `riter` and `threads_get_the_numbers_of_their_own_line` /
//! `s`. So short code stays on one line (theme/reader.css keeps `code` unbroken), and longer
//! code is marked `class="wrap"`, with a `<wbr>` at each point a line may break besides its
//! spaces: after `::`, after `<` that opens generics, after `_` inside a name, after `,` `/` and
//! `=` with more of the same word after them, and after `).` in a method chain.

/// Code of at most this many characters is kept on one line: 20 characters of code are about
/// half of a phone's text column.
pub const LONGEST_UNBROKEN: usize = 20;

/// The byte offsets in `code` of the characters a new line may start with, spaces aside.
pub fn break_points(code: &str) -> Vec<usize> {
    let chars: Vec<(usize, char)> = code.char_indices().collect();
    let name = |c: char| c.is_alphanumeric();
    let mut points = Vec::new();
    for i in 2..chars.len() {
        let (offset, next) = chars[i];
        let (before, last) = (chars[i - 2].1, chars[i - 1].1);
        let breaks = match last {
            // Not after a leading `::` (`::std`): nothing is before it to end a line with.
            ':' => before == ':' && next != ':' && i >= 3,
            '<' => name(before) && next != '<' && next != '=',
            '_' => name(before) && name(next),
            ',' | '/' => name(next) || next == '&' || next == '"',
            '=' => {
                !matches!(before, ' ' | '=' | '!' | '<' | '>') && !matches!(next, ' ' | '=' | '>')
            }
            '.' => before == ')' && name(next),
            _ => false,
        };
        if breaks {
            points.push(offset);
        }
    }
    points
}

/// Inline code as HTML: `<code>` for short code; longer code as `<code class="wrap">` with a
/// `<wbr>` at each break point. A browser also breaks between some punctuation (`#` / `[` of
/// `#[global_allocator]`), so each part between break points that holds punctuation is kept
/// whole in a `<span class="nobr">`. Every ASCII punctuation character of long code is written
/// as a numeric reference, so the HTML means the same in Markdown, where `*`, `_`, `\` and `[`
/// would be read as Markdown, and smart punctuation would curl its quotes.
pub fn html(code: &str) -> String {
    if code.chars().count() <= LONGEST_UNBROKEN {
        return format!("<code>{}</code>", crate::caption::escape(code));
    }
    wrapped(code)
}

/// Code as `html` writes long code, whatever its length: a table's cell takes it for short
/// code with a space, which may break there (kept whole, such code made a ch13 table that fits
/// 1280 px scroll), while its other parts stay whole (Chromium broke `#[test]` after `#`).
pub fn wrapped(code: &str) -> String {
    let points = break_points(code);
    // Spaces are break points of their own: a part ends before and after each one.
    let mut cuts = points.clone();
    cuts.extend(code.match_indices(' ').flat_map(|(at, _)| [at, at + 1]));
    cuts.extend([0, code.len()]);
    cuts.sort();
    cuts.dedup();
    let mut out = String::with_capacity(code.len() * 4);
    out.push_str("<code class=\"wrap\">");
    for part in cuts.windows(2) {
        let (start, end) = (part[0], part[1]);
        if points.contains(&start) {
            out.push_str("<wbr>");
        }
        let text = &code[start..end];
        let whole = text.chars().any(|c| c.is_ascii_punctuation() && c != '_');
        if whole {
            out.push_str("<span class=\"nobr\">");
        }
        for c in text.chars() {
            if c.is_ascii_punctuation() {
                out.push_str(&format!("&#{};", c as u32));
            } else {
                out.push(c);
            }
        }
        if whole {
            out.push_str("</span>");
        }
    }
    out.push_str("</code>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `code` with a `|` at each break point.
    fn marked(code: &str) -> String {
        let points = break_points(code);
        let mut out = String::new();
        for (offset, c) in code.char_indices() {
            if points.contains(&offset) {
                out.push('|');
            }
            out.push(c);
        }
        out
    }

    #[test]
    fn long_code_breaks_between_the_parts_of_names_paths_and_types() {
        for (code, expected) in [
            (
                "OnceLock<ReentrantLock<RefCell<LineWriter<StdoutRaw>>>>",
                "OnceLock<|ReentrantLock<|RefCell<|LineWriter<|StdoutRaw>>>>",
            ),
            (
                "threads_get_the_numbers_of_their_own_lines",
                "threads_|get_|the_|numbers_|of_|their_|own_|lines",
            ),
            ("std::sync::atomic::AtomicUsize", "std::|sync::|atomic::|AtomicUsize"),
            ("library/alloc/src/vec/mod.rs", "library/|alloc/|src/|vec/|mod.rs"),
            (
                "--errors-for-leak-kinds=definite,indirect",
                "--errors-for-leak-kinds=|definite,|indirect",
            ),
            ("RUSTFLAGS=\"-Zsanitizer=leak\"", "RUSTFLAGS=|\"-Zsanitizer=|leak\""),
            ("v.iter().map(f).sum()", "v.iter().|map(f).|sum()"),
        ] {
            assert_eq!(marked(code), expected);
        }
    }

    #[test]
    fn operators_and_leading_sigils_are_no_break_points() {
        for code in
            ["1 << 20", "a == b", "x <= y", "T: Deref<Target = U>", "::std", "_x", "a::", "0.5"]
        {
            assert_eq!(marked(code), code.replace("Deref<Target", "Deref<|Target"), "{code}");
        }
    }

    #[test]
    fn short_code_is_plain_and_long_code_is_marked_and_safe_in_markdown() {
        assert_eq!(html("Box<i32>"), "<code>Box&lt;i32&gt;</code>");
        assert_eq!(html(&"a".repeat(LONGEST_UNBROKEN)), format!("<code>{}</code>", "a".repeat(20)));
        assert_eq!(
            html("Rc::<*const T>::strong_count"),
            "<code class=\"wrap\"><span class=\"nobr\">Rc&#58;&#58;</span><wbr>\
             <span class=\"nobr\">&#60;&#42;const</span> <span class=\"nobr\">T&#62;&#58;&#58;</span>\
             <wbr>strong&#95;<wbr>count</code>"
        );
        assert_eq!(
            html("#[global_allocator] static"),
            "<code class=\"wrap\"><span class=\"nobr\">&#35;&#91;global&#95;</span><wbr>\
             <span class=\"nobr\">allocator&#93;</span> static</code>"
        );
        assert_eq!(
            html("it's \"quoted\" … `tick` [x]"),
            "<code class=\"wrap\"><span class=\"nobr\">it&#39;s</span> <span class=\"nobr\">&#34;quoted&#34;</span> \
             … <span class=\"nobr\">&#96;tick&#96;</span> <span class=\"nobr\">&#91;x&#93;</span></code>"
        );
    }
}
