//! `cargo xtask prose [PAGE...]`: the readability measures the page checks enforce, per page,
//! and with pages named, every chained sentence and banned word with its line, to edit by.

use std::path::Path;

use book_listings::{Layout, prose};

pub fn report(root: &Path, pages: &[String]) -> Result<(), String> {
    let layout = Layout::load(root)?;
    let rules = layout.prose.clone();
    let banned = rules.as_ref().map(|r| r.banned_words.clone()).unwrap_or_default();
    let mut files: Vec<_> = std::fs::read_dir(&layout.src)
        .map_err(|e| format!("cannot read {}: {e}", layout.src.display()))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md") && !p.ends_with("SUMMARY.md"))
        .collect();
    files.sort();
    let named = |file: &Path| {
        pages.iter().any(|p| file.ends_with(p) || file.file_name().is_some_and(|n| n == p.as_str()))
    };
    if let Some(unknown) = pages.iter().find(|p| !files.iter().any(|f| f.ends_with(p.as_str()))) {
        return Err(format!("prose: no page {unknown} in {}", layout.src.display()));
    }
    if let Some(rules) = &rules {
        println!(
            "limits for pages starting with {:?}: at most {} % chained sentences, no {:?}",
            rules.pages, rules.max_chained_percent, rules.banned_words
        );
    }
    println!("{:<40} {:>9} {:>8} {:>7}", "page", "sentences", "chained", "banned");
    for file in &files {
        if !pages.is_empty() && !named(file) {
            continue;
        }
        let text = std::fs::read_to_string(file)
            .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        let measured = prose::measure(&text, &banned);
        let name = file.file_name().unwrap_or_default().to_string_lossy();
        println!(
            "{name:<40} {:>9} {:>7.1}% {:>7}",
            measured.sentences.len(),
            measured.chained_percent(),
            measured.banned.len()
        );
        if !pages.is_empty() {
            for sentence in measured.chained() {
                println!("  {name}:{}: {}", sentence.line, sentence.text);
            }
            for (line, word) in &measured.banned {
                println!("  {name}:{line}: uses {word:?}");
            }
        }
    }
    Ok(())
}
