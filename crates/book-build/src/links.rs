//! The link check of the rendered book (it replaced mdbook-linkcheck2, README "The book phase").
//!
//! It reads what the reader gets, `book/html`, not the Markdown: every relative `href` and
//! `src` of every page must name a file of the book, and every `#fragment` an `id` (or an
//! `<a name>`) on the page it points at, so a link into a renamed heading or listing fails too.
//! linkcheck2 checked no fragments at all. What linkcheck2 checked in the Markdown that the
//! HTML cannot show is checked here too: absolute links (`/ch01.html` works under a server but
//! not from the files), links that leave the book, and reference links with no definition
//! (`[Box][box]` with no `[box]: …`), which mdBook renders as plain text.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, StartTag, Tag, TagToken, Token, TokenSink, TokenSinkResult, Tokenizer,
};

/// Where a rendered page comes from, to name it in an error: `src/ch03-box.md` and its text
/// (to find the link's line), or nothing for pages mdBook makes itself (print.html, toc.html).
#[derive(Clone, Debug, Default)]
pub struct Source {
    pub name: String,
    pub markdown: String,
}

/// What one check found.
#[derive(Debug, Default, PartialEq)]
pub struct Report {
    pub pages: usize,
    /// Relative links to files (each `href`/`src`, not each distinct target).
    pub links: usize,
    /// `#fragment`s checked against the ids of their page.
    pub anchors: usize,
    /// One line per broken link, naming its source page.
    pub broken: Vec<String>,
}

/// A link as it appears in a page: the attribute's value and the HTML line it is on.
#[derive(Debug)]
struct Link {
    value: String,
    line: u64,
}

#[derive(Debug, Default)]
struct Page {
    ids: BTreeSet<String>,
    links: Vec<Link>,
    /// `<base href>`: mdBook's 404 page has `<base href="/">` (its `site-url`), so that it
    /// works at any depth; its relative links start at the book's root.
    base: Option<String>,
}

/// Checks every `.html` file under `out`; `sources` maps a page's path relative to `out`
/// (`ch03-box.html`) to where it comes from.
/// (`shown` is how errors name `out`, e.g. `book/html`.)
pub fn check(
    out: &Path,
    shown: &Path,
    sources: &BTreeMap<String, Source>,
) -> Result<Report, String> {
    let files = html_files(out)?;
    // Parsing is most of the time (3 MB of HTML, print.html 1.3 MB of it, in a debug build):
    // one share of the pages per core.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let shares: Vec<Vec<String>> =
        (0..threads).map(|i| files.iter().skip(i).step_by(threads).cloned().collect()).collect();
    let parsed: Vec<Result<Vec<(String, Page)>, String>> = std::thread::scope(|scope| {
        let handles: Vec<_> =
            shares.into_iter().map(|share| scope.spawn(move || parse_files(out, share))).collect();
        handles.into_iter().map(|h| h.join().expect("a page parser panicked")).collect()
    });
    let mut pages = BTreeMap::new();
    for share in parsed {
        pages.extend(share?);
    }
    let mut report = Report { pages: pages.len(), ..Report::default() };
    for (name, page) in &pages {
        let source = sources.get(name);
        for link in &page.links {
            let Some(problem) = check_link(out, &pages, name, page, &link.value, &mut report)
            else {
                continue;
            };
            report.broken.push(format!(
                "{}: link \"{}\" {problem}",
                place(shown, name, source, link),
                link.value
            ));
        }
    }
    Ok(report)
}

/// `src/ch03-box.md:42` if the link's text is on one line of the page's Markdown (so the
/// author can jump to it), else `src/ch03-box.md (book/html/ch03-box.html line 812)`.
fn place(shown: &Path, page: &str, source: Option<&Source>, link: &Link) -> String {
    let html = format!("{} line {}", shown.join(page).display(), link.line);
    let Some(source) = source else { return html };
    // mdBook rewrites `ch02.md#x` to `ch02.html#x`; the Markdown has either.
    let as_md = link.value.replace(".html", ".md");
    let line = source.markdown.lines().position(|l| l.contains(&link.value) || l.contains(&as_md));
    match line {
        Some(n) => format!("{}:{}", source.name, n + 1),
        None => format!("{} ({html})", source.name),
    }
}

/// None if the link is fine (or not ours to check: web, mail, `javascript:`, `data:`).
fn check_link(
    out: &Path,
    pages: &BTreeMap<String, Page>,
    name: &str,
    page: &Page,
    value: &str,
    report: &mut Report,
) -> Option<String> {
    if value.starts_with("//") || has_scheme(value) {
        return None;
    }
    let (rest, fragment) = value.split_once('#').map_or((value, None), |(r, f)| (r, Some(f)));
    let path = rest.split_once('?').map_or(rest, |(p, _)| p);
    let target = if path.is_empty() {
        name.to_string()
    } else {
        report.links += 1;
        let from = match (&page.base, path.starts_with('/')) {
            (Some(base), _) if base.starts_with('/') => base.trim_start_matches('/').to_string(),
            (_, true) => {
                return Some(
                    "is absolute: it works under a web server but not from the files; \
                     make it relative"
                        .into(),
                );
            }
            (base, false) => {
                let dir = Path::new(name).parent().unwrap_or(Path::new(""));
                let dir = dir.to_string_lossy().into_owned();
                match base {
                    Some(base) => format!("{dir}/{base}"),
                    None => dir + "/",
                }
            }
        };
        let joined = format!("{}{}", dir_of(&from), percent_decode(path.trim_start_matches('/')));
        let Some(target) = normalise(&joined) else {
            return Some("points outside the book".into());
        };
        let file = out.join(&target);
        if file.is_dir() && file.join("index.html").is_file() {
            format!("{}/index.html", target.trim_end_matches('/'))
        } else if file.is_file() {
            target
        } else {
            return Some(format!("points at {target}, which does not exist"));
        }
    };
    let fragment = percent_decode(fragment.unwrap_or(""));
    if fragment.is_empty() || !target.ends_with(".html") {
        return None;
    }
    report.anchors += 1;
    match pages.get(&target) {
        Some(p) if p.ids.contains(&fragment) => None,
        _ => Some(format!("points at #{fragment}, but {target} has no such id")),
    }
}

/// The directory part of `a/b/c.html` (`a/b/`), or all of `a/b/` if it ends in a slash.
fn dir_of(path: &str) -> &str {
    path.rfind('/').map_or("", |i| &path[..=i])
}

/// `a/./b/../c` as `a/c`; None if `..` climbs out of the book.
fn normalise(path: &str) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    for component in PathBuf::from(path).components() {
        match component {
            Component::Normal(part) => parts.push(part.to_string_lossy().into_owned()),
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::CurDir | Component::RootDir | Component::Prefix(_) => {}
        }
    }
    Some(parts.join("/"))
}

/// `http:`, `mailto:`, `javascript:`: a scheme is letters before a colon that comes before
/// any `/`, `?` or `#`.
fn has_scheme(value: &str) -> bool {
    let end = value.find(['/', '?', '#']).unwrap_or(value.len());
    value[..end].find(':').is_some_and(|i| i > 0)
}

/// `%C3%A9` as `é` (a malformed escape stays as it is).
fn percent_decode(text: &str) -> String {
    percent_encoding::percent_decode_str(text).decode_utf8_lossy().into_owned()
}

fn parse_files(out: &Path, files: Vec<String>) -> Result<Vec<(String, Page)>, String> {
    files
        .into_iter()
        .map(|file| {
            let path = out.join(&file);
            let text = std::fs::read_to_string(&path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            Ok((file, parse(&text)))
        })
        .collect()
}

fn html_files(out: &Path) -> Result<Vec<String>, String> {
    let mut found = Vec::new();
    let mut dirs = vec![PathBuf::new()];
    while let Some(dir) = dirs.pop() {
        let entries = std::fs::read_dir(out.join(&dir))
            .map_err(|e| format!("cannot list {}: {e}", out.join(&dir).display()))?;
        for entry in entries {
            let entry = entry.map_err(|e| e.to_string())?;
            let path = dir.join(entry.file_name());
            if entry.file_type().map_err(|e| e.to_string())?.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "html") {
                found.push(path.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    found.sort();
    Ok(found)
}

/// The ids, links and base of one page, by html5ever's tokenizer (which decodes `&amp;` in
/// attributes and knows that `<script>` text holds no tags).
fn parse(text: &str) -> Page {
    let sink = Sink::default();
    let input = BufferQueue::default();
    input.push_back(StrTendril::from_slice(text));
    let tokenizer = Tokenizer::new(sink, Default::default());
    let _ = tokenizer.feed(&input);
    tokenizer.end();
    tokenizer.sink.page.into_inner()
}

#[derive(Default)]
struct Sink {
    page: std::cell::RefCell<Page>,
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<()> {
        let TagToken(tag) = token else { return TokenSinkResult::Continue };
        if tag.kind != StartTag {
            return TokenSinkResult::Continue;
        }
        self.tag(&tag, line);
        // A tokenizer alone does not switch to these states, as a tree builder would.
        match &*tag.name {
            "script" => TokenSinkResult::RawData(RawKind::ScriptData),
            "style" | "noscript" | "xmp" | "iframe" | "noembed" | "noframes" => {
                TokenSinkResult::RawData(RawKind::Rawtext)
            }
            "textarea" | "title" => TokenSinkResult::RawData(RawKind::Rcdata),
            _ => TokenSinkResult::Continue,
        }
    }
}

impl Sink {
    fn tag(&self, tag: &Tag, line: u64) {
        let mut page = self.page.borrow_mut();
        for attr in &tag.attrs {
            let value = attr.value.to_string();
            match (&*tag.name, &*attr.name.local) {
                (_, "id") | ("a", "name") => {
                    page.ids.insert(value);
                }
                ("base", "href") => page.base = Some(value),
                ("a" | "link" | "area", "href") | (_, "src") => {
                    page.links.push(Link { value, line })
                }
                _ => {}
            }
        }
    }
}

/// Reference links with no definition in one page's Markdown (`[text][ref]`, `[ref][]`, or
/// `[ref]` alone when it looks like one), parsed with mdBook's Markdown options: mdBook
/// renders them as the bracketed text, so the HTML has no link to check.
pub fn undefined_references(source: &Source) -> Vec<String> {
    use pulldown_cmark::{Options, Parser};
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_GFM;
    let text = &source.markdown;
    let mut found = Vec::new();
    let mut callback = |broken: pulldown_cmark::BrokenLink<'_>| {
        let line = text[..broken.span.start].matches('\n').count() + 1;
        found.push(format!(
            "{}:{line}: reference link [{}] has no definition (`[{}]: URL`)",
            source.name, broken.reference, broken.reference
        ));
        None
    };
    Parser::new_with_broken_link_callback(text, options, Some(&mut callback)).for_each(drop);
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site(pages: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in pages {
            let path = dir.path().join(name);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    fn source(name: &str, markdown: &str) -> Source {
        Source { name: name.into(), markdown: markdown.into() }
    }

    #[test]
    fn a_broken_page_link_and_a_broken_anchor_name_their_markdown_line() {
        let out = site(&[
            (
                "ch01.html",
                "<h1 id=\"intro\">Intro</h1>\n<p>\n<a href=\"ch02.html#boxt\">ok</a>\n\
                 <a href=\"ch03.html\">gone</a>\n<a href=\"ch02.html#box-t\">renamed</a>\n\
                 <a href=\"#intro\">up</a> <a href=\"#nowhere\">nowhere</a></p>",
            ),
            ("ch02.html", "<h2 id=\"boxt\">Box</h2><a href=\"ch01.html\">back</a>"),
        ]);
        let sources = BTreeMap::from([(
            "ch01.html".to_string(),
            source(
                "src/ch01.md",
                "# Intro\n\nSee [Box](ch02.md#boxt),\n[gone](ch03.md),\n\
                 [renamed](ch02.md#box-t),\n[up](#intro) and [nowhere](#nowhere).\n",
            ),
        )]);
        let report = check(out.path(), Path::new("book/html"), &sources).unwrap();
        assert_eq!(
            report.broken,
            [
                "src/ch01.md:4: link \"ch03.html\" points at ch03.html, which does not exist",
                "src/ch01.md:5: link \"ch02.html#box-t\" points at #box-t, but ch02.html has \
                 no such id",
                "src/ch01.md:6: link \"#nowhere\" points at #nowhere, but ch01.html has no \
                 such id",
            ]
        );
        assert_eq!((report.pages, report.links, report.anchors), (2, 4, 4));
    }

    #[test]
    fn assets_in_subdirectories_resolve_from_their_page_and_may_not_leave_the_book() {
        let out = site(&[
            ("css/a.css", ""),
            ("img/b.svg", ""),
            (
                "sub/page.html",
                "<link rel=\"stylesheet\" href=\"../css/a.css\"><img src=\"../img/b.svg\">\
                 <script src=\"../js/missing.js\"></script><img src=\"../../etc/passwd\">",
            ),
        ]);
        let broken = check(out.path(), Path::new("book/html"), &BTreeMap::new()).unwrap().broken;
        assert_eq!(broken.len(), 2, "{broken:#?}");
        assert!(broken[0].contains("\"../js/missing.js\" points at"), "{}", broken[0]);
        assert!(broken[0].starts_with("book/html/sub/page.html line 1: "), "{}", broken[0]);
        assert!(broken[1].ends_with("\"../../etc/passwd\" points outside the book"));
    }

    #[test]
    fn web_links_script_text_and_encoded_names_are_not_mistaken_for_broken_links() {
        let out = site(&[(
            "p.html",
            "<a href=\"https://doc.rust-lang.org/std/\">std</a><a href=\"mailto:a@b.c\">m</a>\
             <a href=\"javascript:void(0)\">j</a><a href=\"//cdn.example/x.js\">c</a>\
             <a href=\"#\">top</a><a name=\"old\"></a><a href=\"#old\">old</a>\
             <a href=\"p.html?x=1&amp;y=2#caf%C3%A9\">q</a><span id=\"café\"></span>\
             <script>var s = '<a href=\"nope.html\">';</script>\
             <a href=\"quiz/\">dir</a><a href=\"quiz/index.html\">index</a>",
        )]);
        std::fs::create_dir(out.path().join("quiz")).unwrap();
        std::fs::write(out.path().join("quiz/index.html"), "").unwrap();
        let report = check(out.path(), Path::new("book/html"), &BTreeMap::new()).unwrap();
        assert_eq!(report.broken, Vec::<String>::new());
        assert_eq!((report.pages, report.links, report.anchors), (2, 3, 2));
    }

    #[test]
    fn absolute_links_fail_except_under_the_404_pages_base() {
        let out = site(&[
            ("ch01.html", "<a href=\"/ch01.html\">self</a>"),
            ("404.html", "<base href=\"/\"><a href=\"ch01.html\">home</a><a href=\"x.html\">x</a>"),
        ]);
        let broken = check(out.path(), Path::new("book/html"), &BTreeMap::new()).unwrap().broken;
        assert_eq!(broken.len(), 2, "{broken:#?}");
        assert!(broken[0].contains("404.html line 1: link \"x.html\" points at"), "{}", broken[0]);
        assert!(broken[1].contains("\"/ch01.html\" is absolute"), "{}", broken[1]);
    }

    #[test]
    fn an_undefined_reference_link_is_found_with_its_line_but_footnotes_and_tasks_are_not() {
        let page = source(
            "src/ch01.md",
            "# T\n\nSee [the box][bx] and [Rc][].\n\n[box]: ch03.md\n\n\
             - [x] done\n\nA note[^1].\n\n[^1]: Yes.\n\n> [!NOTE]\n> fine\n\n\
             `v[i]` and\n\n```rust\nlet a = v[i];\n```\n",
        );
        assert_eq!(
            undefined_references(&page),
            [
                "src/ch01.md:3: reference link [bx] has no definition (`[bx]: URL`)",
                "src/ch01.md:3: reference link [Rc] has no definition (`[Rc]: URL`)",
            ]
        );
    }
}
