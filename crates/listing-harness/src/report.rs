//! The review report of a run that changed snapshots or met toolchain drift (`BOOK_REPORT`,
//! written by `cargo xtask upgrade-rust`): per listing, the class of each change and its diff,
//! and every page line that mentions what changed — an error code, a lint name, a message the
//! old snapshot quoted — so a reviewer reads one report instead of every diff and every page.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::LazyLock;

use regex::Regex;

use crate::failure::Failure;
use crate::toolchain::{Class, Versions};

/// One snapshot that differs from the run: rewritten (bless), or let pass (rendering drift).
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub check: String,
    pub file: PathBuf,
    pub class: Class,
    pub diff: String,
    /// Whether bless wrote the new text.
    pub blessed: bool,
}

/// What the report is made of.
#[derive(Debug, Default)]
pub struct Report {
    pub verified_with: Option<Versions>,
    pub this_run: Option<Versions>,
    pub changes: Vec<Change>,
    /// Checks that failed, by name: outcome changes bless cannot accept (other error codes, a
    /// panic that no longer happens) and anything else that failed.
    pub failures: Vec<(String, Failure)>,
}

/// A page: its name (`src/ch03-box.md`) and text.
pub type PageText = (String, String);

static CODE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\bE\d{4}\b").unwrap());
static LINT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\bclippy::[a-z0-9_]+").unwrap());
/// The message of a diagnostic's headline: `error[E0391]: cycle detected when ...`.
static MESSAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:error|warning)(?:\[[^\]]+\])?: (.+)$").unwrap());

/// What a page may say about a difference: the error codes and lint names on changed lines,
/// and the messages of the headlines that went away (which a page may quote).
pub fn terms_of_diff(diff: &str) -> BTreeSet<String> {
    let mut terms = BTreeSet::new();
    for line in diff.lines() {
        if line.starts_with("---") || line.starts_with("+++") {
            continue;
        }
        let Some(changed) = line.strip_prefix('-').or_else(|| line.strip_prefix('+')) else {
            continue;
        };
        terms.extend(CODE.find_iter(changed).map(|m| m.as_str().to_string()));
        terms.extend(LINT.find_iter(changed).map(|m| m.as_str().to_string()));
        if line.starts_with('-')
            && let Some(c) = MESSAGE.captures(changed)
        {
            terms.insert(c[1].trim().to_string());
        }
    }
    terms
}

/// For a failure: the codes or lints that appeared or went away.
pub fn terms_of_failure(failure: &Failure) -> BTreeSet<String> {
    let changed = |a: &[String], b: &[String]| -> BTreeSet<String> {
        let (a, b): (BTreeSet<&String>, BTreeSet<&String>) =
            (a.iter().collect(), b.iter().collect());
        a.symmetric_difference(&b).map(|s| s.to_string()).collect()
    };
    match failure {
        Failure::WrongCodes { expected, got, .. } => changed(expected, got),
        Failure::WrongLints { expected, got, .. } => changed(expected, got),
        Failure::Compiled { errors, .. } => errors.iter().cloned().collect(),
        Failure::Differs { diff, .. } => terms_of_diff(diff),
        Failure::Drift { failure, .. } => terms_of_failure(failure),
        Failure::Many(all) => all.iter().flat_map(terms_of_failure).collect(),
        _ => BTreeSet::new(),
    }
}

/// Every line of a page (an include directive aside) that mentions a term: `src/x.md:12`.
pub fn mentions(terms: &BTreeSet<String>, pages: &[PageText]) -> Vec<String> {
    let mut found = Vec::new();
    for (name, text) in pages {
        for (number, line) in text.lines().enumerate() {
            if line.trim_start().starts_with("{{#") {
                continue;
            }
            let hits: Vec<&str> = terms
                .iter()
                .filter(|t| {
                    // A short message ("oops") would match everywhere: only codes, lints and
                    // messages long enough to be quoted on purpose.
                    (t.len() >= 12 || CODE.is_match(t) || t.starts_with("clippy::"))
                        && contains_word(line, t)
                })
                .map(String::as_str)
                .collect();
            if !hits.is_empty() {
                let shown: String = line.trim().chars().take(160).collect();
                found.push(format!("{name}:{}: ({}) {shown}", number + 1, hits.join(", ")));
            }
        }
    }
    found
}

/// `E0391` in "reports E0391," but not in "E03911": a term is a whole word of the line.
fn contains_word(line: &str, term: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    line.match_indices(term).any(|(at, _)| {
        !word(line[..at].chars().next_back()) && !word(line[at + term.len()..].chars().next())
    })
}

impl Report {
    pub fn render(&self, pages: &[PageText]) -> String {
        let name = |v: &Option<Versions>| {
            v.as_ref().map_or("(not recorded)".to_string(), |v| format!("rustc {}", v.rustc))
        };
        let mut text = format!(
            "# Snapshot review: {} → {}\n\n",
            name(&self.verified_with),
            name(&self.this_run)
        );
        let count = |class| self.changes.iter().filter(|c| c.class == class).count();
        text += &format!(
            "{} snapshot changes ({} outcome, {} rendering); {} failed checks.\n\n\
             *Outcome*: what the program or the compiler did changed (error codes, program \
             output, panic message, leak or no leak): read the page lines listed, the prose may \
             now be wrong. *Rendering*: only how the tools print it changed (wording, std line \
             numbers, valgrind frames, Clippy's text).\n",
            self.changes.len(),
            count(Class::Outcome),
            count(Class::Rendering),
            self.failures.len()
        );
        if !self.failures.is_empty() {
            text += "\n## Failed checks (bless cannot accept these: fix the listing or the page)\n";
            for (check, failure) in &self.failures {
                text += &format!("\n### {check}\n\n```text\n{failure}\n```\n");
                text += &mentions_section(&terms_of_failure(failure), pages);
            }
        }
        let mut changes: Vec<&Change> = self.changes.iter().collect();
        // Outcome first: the changes that can make the prose wrong.
        changes.sort_by(|a, b| (a.class, &a.check, &a.file).cmp(&(b.class, &b.check, &b.file)));
        if !changes.is_empty() {
            text += "\n## Changed snapshots\n";
        }
        for change in changes {
            text += &format!(
                "\n### {} — {}{}\n\n`{}`\n\n```diff\n{}```\n",
                change.check,
                change.class.name(),
                if change.blessed { " (blessed)" } else { " (not failed)" },
                change.file.display(),
                change.diff
            );
            text += &mentions_section(&terms_of_diff(&change.diff), pages);
        }
        text
    }
}

fn mentions_section(terms: &BTreeSet<String>, pages: &[PageText]) -> String {
    let lines = mentions(terms, pages);
    if lines.is_empty() {
        return String::new();
    }
    let mut text = String::from("\nPage lines that mention what changed:\n\n");
    for line in lines {
        text += &format!("- {line}\n");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    const DIFF: &str = "--- output.txt\n+++ actual run\n@@ -1,3 +1,2 @@\n error[E0072]: recursive type `List` has infinite size\n-error[E0391]: cycle detected when computing when `List` needs drop\n+  = help: clippy::needless_borrow says hi\n";

    #[test]
    fn a_diff_names_its_codes_lints_and_lost_messages() {
        let terms: Vec<String> = terms_of_diff(DIFF).into_iter().collect();
        assert_eq!(
            terms,
            [
                "E0391",
                "clippy::needless_borrow",
                "cycle detected when computing when `List` needs drop"
            ]
        );
    }

    #[test]
    fn page_lines_that_mention_a_term_are_found_includes_are_not() {
        let pages = vec![(
            "src/ch03.md".to_string(),
            "# Box\n\nRust also reports E0391, a cycle.\n{{#include ../listings/x/output.txt}} E0391\nE03911 is no code.\n"
                .to_string(),
        )];
        assert_eq!(
            mentions(&terms_of_diff(DIFF), &pages),
            ["src/ch03.md:3: (E0391) Rust also reports E0391, a cycle."]
        );
    }

    #[test]
    fn wrong_codes_name_the_codes_that_changed() {
        let failure = Failure::WrongCodes {
            expected: vec!["E0072".into(), "E0391".into()],
            got: vec!["E0072".into()],
            diagnostics: String::new(),
        };
        assert_eq!(terms_of_failure(&failure).into_iter().collect::<Vec<_>>(), ["E0391"]);
    }
}
