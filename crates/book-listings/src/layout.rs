//! Where a book keeps its parts. Configuration, not code: `src` comes from `book.toml`
//! (`[book] src`), the rest from `[workspace.metadata.listings]` of the root `Cargo.toml`:
//!
//! ```toml
//! [workspace.metadata.listings]
//! dir = "listings"              # where the listing packages live, one folder each
//! output = "output.txt"         # a listing's output snapshot
//! clippy = "clippy.txt"         # its Clippy snapshot
//! verified-with = "verified-with.toml"  # the toolchain that verified the snapshots
//! min-quiz-questions = 5        # the chapter standard for quizzes (0: no minimum)
//! min-tracing-questions = 2
//!
//! [workspace.metadata.listings.prose]   # optional: readability limits (see `prose.rs`)
//! pages = "ch"                  # pages whose file name starts with this
//! max-chained-percent = 5       # sentences chaining two or more of `:` `;` `—` `(`
//! banned-words = ["harness"]    # words their prose must not use
//! ```

use std::path::{Path, PathBuf};

use crate::markdown;
use serde::Deserialize;

#[derive(Debug, Clone)]
pub struct Layout {
    pub root: PathBuf,
    /// Absolute: `<root>/listings`.
    pub listings: PathBuf,
    /// Absolute: `<root>/src`.
    pub src: PathBuf,
    pub output_file: String,
    pub clippy_file: String,
    /// Absolute: the record of the toolchain that verified the snapshots, written by bless.
    pub verified_with: PathBuf,
    pub min_quiz_questions: usize,
    pub min_tracing_questions: usize,
    /// None: the book sets no readability limits.
    pub prose: Option<ProseRules>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ProseRules {
    /// The limits apply to the pages whose file name starts with this ("" for every page).
    pub pages: String,
    pub max_chained_percent: f64,
    #[serde(default)]
    pub banned_words: Vec<String>,
}

impl ProseRules {
    pub fn applies_to(&self, page_file_name: &str) -> bool {
        page_file_name.starts_with(&self.pages) && page_file_name != "SUMMARY.md"
    }
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Configured {
    dir: Option<String>,
    output: Option<String>,
    clippy: Option<String>,
    verified_with: Option<String>,
    min_quiz_questions: Option<usize>,
    min_tracing_questions: Option<usize>,
    prose: Option<ProseRules>,
}

#[derive(Deserialize)]
struct RootManifest {
    workspace: Option<Workspace>,
}
#[derive(Deserialize)]
struct Workspace {
    metadata: Option<WorkspaceMetadata>,
}
#[derive(Deserialize)]
struct WorkspaceMetadata {
    listings: Option<Configured>,
}

#[derive(Deserialize)]
struct BookToml {
    book: Option<BookSection>,
}
#[derive(Deserialize)]
struct BookSection {
    src: Option<String>,
}

/// A listing's folder, found on disk.
#[derive(Debug, Clone, PartialEq)]
pub struct ListingDir {
    /// Path below the listings folder, e.g. `ch01-smart-pointers/01-box`: the check's name.
    pub name: String,
    pub dir: PathBuf,
}

impl Layout {
    /// Reads the layout of the book rooted at `root`. A missing `book.toml` or table means
    /// the defaults; an unreadable one is an error naming the file.
    pub fn load(root: &Path) -> Result<Layout, String> {
        // Absolute and without `.` or `..`, as the page scanner resolves includes
        // (`markdown::clean`): from a root of `.`, every listing folder was `./listings/…` and
        // every include `listings/…`, so no include matched a listing and the preprocessor
        // marked and captioned nothing, silently.
        let root = &markdown::clean(
            &std::path::absolute(root)
                .map_err(|e| format!("cannot find the book's folder {}: {e}", root.display()))?,
        );
        let read = |name: &str| -> Result<Option<String>, String> {
            let path = root.join(name);
            match std::fs::read_to_string(&path) {
                Ok(text) => Ok(Some(text)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(format!("cannot read {}: {e}", path.display())),
            }
        };
        let toml_error = |name: &str, text: &str, e: toml::de::Error| {
            let line = e.span().map(|s| text[..s.start].matches('\n').count() + 1);
            format!(
                "{}{}: {}",
                root.join(name).display(),
                line.map(|l| format!(":{l}")).unwrap_or_default(),
                e.message().trim_end()
            )
        };
        let configured = match read("Cargo.toml")? {
            Some(text) => toml::from_str::<RootManifest>(&text)
                .map_err(|e| toml_error("Cargo.toml", &text, e))?
                .workspace
                .and_then(|w| w.metadata)
                .and_then(|m| m.listings)
                .unwrap_or_default(),
            None => Configured::default(),
        };
        let src = match read("book.toml")? {
            Some(text) => toml::from_str::<BookToml>(&text)
                .map_err(|e| toml_error("book.toml", &text, e))?
                .book
                .and_then(|b| b.src),
            None => None,
        };
        Ok(Layout {
            root: root.to_path_buf(),
            listings: markdown::clean(&root.join(configured.dir.as_deref().unwrap_or("listings"))),
            src: markdown::clean(&root.join(src.as_deref().unwrap_or("src"))),
            output_file: configured.output.unwrap_or_else(|| "output.txt".into()),
            clippy_file: configured.clippy.unwrap_or_else(|| "clippy.txt".into()),
            verified_with: root
                .join(configured.verified_with.as_deref().unwrap_or("verified-with.toml")),
            min_quiz_questions: configured.min_quiz_questions.unwrap_or(5),
            min_tracing_questions: configured.min_tracing_questions.unwrap_or(2),
            prose: configured.prose,
        })
    }

    /// The folder's name relative to the listings folder, if it is inside it.
    pub fn listing_name(&self, dir: &Path) -> Option<String> {
        let relative = dir.strip_prefix(&self.listings).ok()?;
        if relative.as_os_str().is_empty() {
            return None;
        }
        Some(relative.to_string_lossy().into_owned())
    }

    /// Every folder under the listings folder that holds a `Cargo.toml`, sorted by name. A
    /// listing folder is any depth below it (`chapter/listing` in this book).
    pub fn listing_dirs(&self) -> Vec<ListingDir> {
        let mut found = Vec::new();
        let mut pending = vec![self.listings.clone()];
        while let Some(dir) = pending.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            for entry in entries.flatten() {
                let path = entry.path();
                if !path.is_dir() || path.file_name().is_some_and(|n| n == "target" || n == "src") {
                    continue;
                }
                if path.join("Cargo.toml").is_file() {
                    if let Some(name) = self.listing_name(&path) {
                        found.push(ListingDir { name, dir: path });
                    }
                } else {
                    pending.push(path);
                }
            }
        }
        found.sort_by(|a, b| a.name.cmp(&b.name));
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(path: &Path, text: &str) {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    #[test]
    fn a_relative_root_gives_the_paths_includes_resolve_to() {
        // `book-build .` handed the preprocessor `.`: no include matched a listing folder.
        let layout = Layout::load(Path::new("./src/..")).unwrap();
        assert!(layout.root.is_absolute(), "{}", layout.root.display());
        assert_eq!(layout.root, std::env::current_dir().unwrap());
        assert_eq!(
            markdown::clean(&layout.src.join("../listings/ch/01-a")),
            layout.listings.join("ch/01-a")
        );
    }

    #[test]
    fn defaults_without_configuration() {
        let dir = tempfile::tempdir().unwrap();
        let layout = Layout::load(dir.path()).unwrap();
        assert_eq!(layout.listings, dir.path().join("listings"));
        assert_eq!(layout.src, dir.path().join("src"));
        assert_eq!(
            (layout.output_file.as_str(), layout.clippy_file.as_str()),
            ("output.txt", "clippy.txt")
        );
        assert_eq!((layout.min_quiz_questions, layout.min_tracing_questions), (5, 2));
        assert_eq!(layout.verified_with, dir.path().join("verified-with.toml"));
        assert_eq!(layout.prose, None);
    }

    #[test]
    fn prose_rules_are_read_and_checked() {
        let dir = tempfile::tempdir().unwrap();
        let manifest = "[workspace.metadata.listings.prose]\npages = \"ch\"\n\
                        max-chained-percent = 5\nbanned-words = [\"harness\"]\n";
        write(&dir.path().join("Cargo.toml"), manifest);
        let rules = Layout::load(dir.path()).unwrap().prose.unwrap();
        assert_eq!(rules.max_chained_percent, 5.0);
        assert_eq!(rules.banned_words, ["harness"]);
        assert!(rules.applies_to("ch03-box.md") && !rules.applies_to("introduction.md"));
        write(&dir.path().join("Cargo.toml"), &manifest.replace("pages", "page"));
        let error = Layout::load(dir.path()).unwrap_err();
        assert!(
            error.contains("Cargo.toml:2") && error.contains("unknown field `page`"),
            "{error}"
        );
    }

    #[test]
    fn configured_layout_and_discovery() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        write(
            &root.join("Cargo.toml"),
            "[workspace]\nmembers = []\n\n[workspace.metadata.listings]\ndir = \"examples\"\n\
             output = \"expected.txt\"\nmin-quiz-questions = 0\nverified-with = \"tools.toml\"\n",
        );
        write(&root.join("book.toml"), "[book]\nsrc = \"pages\"\n");
        write(&root.join("examples/intro/hello/Cargo.toml"), "");
        write(&root.join("examples/intro/hello/src/main.rs"), "");
        write(&root.join("examples/alone/Cargo.toml"), "");
        write(&root.join("examples/intro/notes.txt"), "");
        // Build output and source folders are not listings, even with a Cargo.toml inside.
        write(&root.join("examples/target/package/junk/Cargo.toml"), "");
        write(&root.join("examples/other/src/vendored/Cargo.toml"), "");
        let layout = Layout::load(root).unwrap();
        assert_eq!(layout.src, root.join("pages"));
        assert_eq!(layout.output_file, "expected.txt");
        assert_eq!(layout.min_quiz_questions, 0);
        assert_eq!(layout.verified_with, root.join("tools.toml"));
        let names: Vec<String> = layout.listing_dirs().into_iter().map(|l| l.name).collect();
        assert_eq!(names, ["alone", "intro/hello"]);
    }

    #[test]
    fn an_unreadable_file_is_an_error_not_a_default() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("book.toml")).unwrap();
        let e = Layout::load(dir.path()).unwrap_err();
        assert!(e.starts_with("cannot read ") && e.contains("book.toml"), "{e}");
    }

    #[test]
    fn a_misspelt_key_names_the_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        write(
            &dir.path().join("Cargo.toml"),
            "[workspace]\n\n[workspace.metadata.listings]\ndirs = \"x\"\n",
        );
        let e = Layout::load(dir.path()).unwrap_err();
        assert!(e.contains("Cargo.toml:4: unknown field `dirs`"), "{e}");
    }
}
