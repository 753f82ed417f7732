//! Expands every page with mdBook's link preprocessor (so `{{#rustdoc_include}}` becomes the
//! code the reader sees), then hands the pages to skeptic, which writes one test per block.

use std::path::{Path, PathBuf};

use mdbook_driver::book::BookItem;
use mdbook_driver::builtin_preprocessors::LinkPreprocessor;
use mdbook_driver::MDBook;
use mdbook_preprocessor::{Preprocessor, PreprocessorContext};

fn main() {
    let manifest_dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap());
    let root = manifest_dir.join("../..").canonicalize().unwrap();
    for watched in ["src", "listings", "README.md", "book.toml"] {
        println!("cargo:rerun-if-changed={}", root.join(watched).display());
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap()).join("pages");
    std::fs::create_dir_all(&out).unwrap();

    let mdbook = MDBook::load(&root)
        .unwrap_or_else(|e| panic!("cannot load the book at {}: {e:#}", root.display()));
    let ctx = PreprocessorContext::new(root.clone(), mdbook.config.clone(), "html".into());
    let book = LinkPreprocessor::new()
        .run(&ctx, mdbook.book.clone())
        .unwrap_or_else(|e| panic!("cannot expand the book's includes: {e:#}"));

    let mut pages =
        vec![write(&out, "README.md", &std::fs::read_to_string(root.join("README.md")).unwrap())];
    for item in book.iter() {
        if let BookItem::Chapter(chapter) = item {
            if let Some(path) = &chapter.path {
                pages.push(write(&out, &path.display().to_string(), &chapter.content));
            }
        }
    }
    skeptic::generate_doc_tests(&pages);
}

/// skeptic has no `compile_fail`: it would expect those blocks to compile. The listing harness
/// checks them (exact error codes and message), so here they are skipped.
fn write(out: &Path, name: &str, markdown: &str) -> PathBuf {
    let text: String = markdown
        .lines()
        .map(|line| {
            let fence =
                line.trim_start().starts_with("```") || line.trim_start().starts_with("~~~");
            if fence && line.contains("compile_fail") {
                line.replace("compile_fail", "ignore")
            } else {
                line.to_string()
            }
        })
        .map(|line| line + "\n")
        .collect();
    let path = out.join(name.replace('/', "__"));
    if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
        std::fs::write(&path, text).unwrap();
    }
    path
}
