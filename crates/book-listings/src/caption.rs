//! A listing's caption ("Listing 3-2: A cons list that keeps the rest in a `Box`"): its text is
//! the standard cargo key `description` of the listing's `[package]`, read here with its line
//! so a bad one is reported where it is written.

use std::ops::Range;
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;

/// The longest description a caption holds: one line on a phone.
pub const MAX_CHARS: usize = 100;

#[derive(Deserialize)]
struct Manifest {
    package: Option<Package>,
}

#[derive(Deserialize)]
struct Package {
    description: Option<Spanned<toml::Value>>,
}

/// The `description` of the manifest at `manifest` whose text is `text`: `Ok(None)` when it
/// has none, an error naming the file and line when it breaks a caption's rules (one line, no
/// trailing period, at most [`MAX_CHARS`] characters, backticks in pairs).
pub fn description(manifest: &Path, text: &str) -> Result<Option<String>, String> {
    let line_of = |span: Range<usize>| text[..span.start.min(text.len())].matches('\n').count() + 1;
    let at = |span: Option<Range<usize>>| match span {
        Some(span) => format!("{}:{}", manifest.display(), line_of(span)),
        None => manifest.display().to_string(),
    };
    let parsed: Manifest = toml::from_str(text)
        .map_err(|e| format!("{}: {}", at(e.span()), e.message().trim_end().replace('\n', " ")))?;
    let Some(value) = parsed.package.and_then(|p| p.description) else { return Ok(None) };
    let span = value.span();
    let problem = |message: &str| {
        Err(format!("{}: [package] description: {message}", at(Some(span.clone()))))
    };
    let Some(text) = value.get_ref().as_str() else {
        return problem(
            "must be a string written here (the listing's caption), not inherited or another type",
        );
    };
    if text.trim().is_empty() {
        return problem("is empty; it is the listing's caption on the page");
    }
    if text.contains('\n') || text.contains('\r') {
        return problem("spans several lines; a caption is one line");
    }
    if text != text.trim() {
        return problem("starts or ends with spaces");
    }
    if text.ends_with('.') {
        return problem("ends with a period; a caption does not");
    }
    let chars = text.chars().count();
    if chars > MAX_CHARS {
        return problem(&format!("has {chars} characters; a caption has at most {MAX_CHARS}"));
    }
    if text.matches('`').count() % 2 == 1 {
        return problem("has an unpaired backtick");
    }
    Ok(Some(text.to_string()))
}

/// The caption's text as HTML: escaped, with each `code` span in `<code>`, breakable as
/// inline code on a page is ([`crate::inline_code`]), and the quotes of its words curled as
/// mdBook's smart punctuation curls the prose's (the caption is HTML, which it leaves alone).
pub fn to_html(description: &str) -> String {
    let mut out = String::with_capacity(description.len() + 16);
    // Whether the character before is a space (or the start): a quote there opens.
    let mut after_space = true;
    for (index, part) in description.split('`').enumerate() {
        if index % 2 == 1 {
            out.push_str(&crate::inline_code::html(part));
            after_space = false;
            continue;
        }
        for c in part.chars() {
            match c {
                '\'' => out.push(if after_space { '‘' } else { '’' }),
                '"' => out.push(if after_space { '“' } else { '”' }),
                '&' | '<' | '>' => out.push_str(&escape(&c.to_string())),
                _ => out.push(c),
            }
            after_space = c.is_whitespace() || c == '(';
        }
    }
    out
}

/// Where a listing's download is, from the book's root: `listings/ch03-box/02-cons-list.zip`
/// for the listing `ch03-box/02-cons-list` (an exercise's solution: `...-solution.zip`).
pub fn download_path(listing: &str, solution: bool) -> String {
    format!("listings/{listing}{}.zip", if solution { "-solution" } else { "" })
}

pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(description: &str) -> Result<Option<String>, String> {
        let text = format!("[package]\nname = \"x\"\ndescription = {description}\n");
        super::description(Path::new("listings/ch/01-x/Cargo.toml"), &text)
    }

    #[test]
    fn a_description_is_read_and_rendered() {
        let text = read("\"Storing an `i32` in a `Box<i32>`\"").unwrap().unwrap();
        assert_eq!(to_html(&text), "Storing an <code>i32</code> in a <code>Box&lt;i32&gt;</code>");
        assert_eq!(
            to_html("The map's lock, `url`'s pairs, `&'static` and a \"quoted\" or 'quoted' word"),
            "The map’s lock, <code>url</code>’s pairs, <code>&amp;'static</code> and a “quoted” or \
             ‘quoted’ word",
            "quotes curled as in the prose, code left alone"
        );
        let none = super::description(Path::new("C.toml"), "[package]\nname = \"x\"\n");
        assert_eq!(none, Ok(None));
    }

    #[test]
    fn the_rules_are_enforced_with_the_line() {
        for (value, message) in [
            ("\"Ends with a period.\"", "ends with a period"),
            ("\"\"\"two\nlines\"\"\"", "spans several lines"),
            ("\"  \"", "is empty"),
            ("\" padded\"", "starts or ends with spaces"),
            ("\"one `tick\"", "unpaired backtick"),
            ("{ workspace = true }", "must be a string"),
            (&format!("\"{}\"", "a".repeat(101)), "has 101 characters; a caption has at most 100"),
        ] {
            let e = read(value).unwrap_err();
            assert!(e.starts_with("listings/ch/01-x/Cargo.toml:3: [package] description: "), "{e}");
            assert!(e.contains(message), "{value}: {e}");
        }
        assert!(read(&format!("\"{}\"", "é".repeat(100))).is_ok(), "characters, not bytes");
    }
}
