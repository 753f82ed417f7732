//! `mdbook-listings [supports <renderer>]`: the preprocessor protocol around
//! [`mdbook_listings::mark`] (book.toml: `[preprocessor.listing-markers]`).

use std::io::Read;
use std::process::ExitCode;

use book_listings::Layout;
use mdbook_preprocessor::book::{Book, BookItem};

fn main() -> ExitCode {
    match run(&std::env::args().skip(1).collect::<Vec<_>>()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    // `lazy-quiz` selects the second job (book.toml runs it after mdbook-quiz).
    let (lazy, args) = match args.split_first() {
        Some((first, rest)) if first == "lazy-quiz" => (true, rest),
        _ => (false, args),
    };
    match args.first().map(String::as_str) {
        // Markers are plain HTML: every renderer that shows HTML can use them.
        Some("supports") => return Ok(()),
        // The kind table, for the browser suite.
        Some("kinds") => {
            println!("{}", mdbook_listings::kinds_json());
            return Ok(());
        }
        Some(other) => {
            return Err(format!(
                "unknown argument {other:?}: expected `supports RENDERER` or `kinds`"
            ));
        }
        None => {}
    }
    let mut input = String::new();
    std::io::stdin().read_to_string(&mut input).map_err(|e| e.to_string())?;
    let (ctx, mut book): (_, Book) =
        mdbook_preprocessor::parse_input(input.as_bytes()).map_err(|e| format!("{e:#}"))?;
    if lazy {
        book.for_each_mut(|item| {
            if let BookItem::Chapter(chapter) = item {
                chapter.content = mdbook_listings::lazy_quiz(&chapter.content);
            }
        });
        return serde_json::to_writer(std::io::stdout(), &book).map_err(|e| e.to_string());
    }
    let layout = Layout::load(&ctx.root)?;
    let mut problems = Vec::new();
    book.for_each_mut(|item| {
        if let BookItem::Chapter(chapter) = item {
            let folder = chapter
                .path
                .as_ref()
                .and_then(|p| p.parent())
                .map_or(layout.src.clone(), |p| layout.src.join(p));
            let page = mdbook_listings::PageInfo {
                chapter: chapter.number.as_ref().and_then(|n| n.first().copied()),
                to_root: "../".repeat(
                    chapter.path.as_ref().map_or(0, |p| p.components().count().saturating_sub(1)),
                ),
            };
            match mdbook_listings::mark(&chapter.content, &folder, &layout, &page) {
                Ok(marked) => chapter.content = mdbook_listings::inline_code::breakable(&marked),
                Err(e) => problems.push(e),
            }
        }
    });
    if !problems.is_empty() {
        return Err(problems.join("\n"));
    }
    serde_json::to_writer(std::io::stdout(), &book).map_err(|e| e.to_string())
}
