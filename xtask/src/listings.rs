//! The book's listings, read through the same model the harness uses (book-listings).

use std::path::{Path, PathBuf};

use book_listings::{Kind, Layout};

pub struct Listing {
    pub dir: PathBuf,
    /// Path below the listings folder: the harness's name for its check.
    pub name: String,
    pub kind: Kind,
    /// For a deadlock, how long it must stay blocked.
    pub timeout: std::time::Duration,
}

impl Listing {
    /// Threads or locks in play: where scheduling could make output or outcome differ.
    pub fn is_threaded(&self) -> bool {
        let source = std::fs::read_to_string(self.dir.join("src/main.rs"))
            .or_else(|_| std::fs::read_to_string(self.dir.join("src/lib.rs")))
            .unwrap_or_default();
        self.kind == Kind::Deadlock
            || ["thread::", "Condvar", "Barrier", "Mutex", "RwLock"]
                .iter()
                .any(|w| source.contains(w))
    }
}

/// Every listing with a valid declaration; a broken one is an error naming its Cargo.toml line.
pub fn listings(root: &Path) -> Result<Vec<Listing>, String> {
    let layout = Layout::load(root)?;
    layout
        .listing_dirs()
        .into_iter()
        .map(|l| {
            let manifest = l.dir.join("Cargo.toml");
            let text = std::fs::read_to_string(&manifest)
                .map_err(|e| format!("cannot read {}: {e}", manifest.display()))?;
            let spec = book_listings::spec::parse(&manifest, &text).map_err(|e| e.to_string())?;
            Ok(Listing { dir: l.dir, name: l.name, kind: spec.kind, timeout: spec.timeout })
        })
        .collect()
}
