//! Remembers which listings passed, keyed by everything their result depends on, so that a
//! warm run re-runs only what changed. Only passes are remembered. Bless mode, repeated runs
//! (flake hunting) and `BOOK_NO_CACHE=1` bypass it; CI starts with an empty target dir anyway.

use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};

pub struct Cache {
    dir: PathBuf,
    /// The harness binary itself and `Cargo.lock`, read once per run: a changed harness (or a
    /// new rustc, which rebuilds it) or a changed dependency invalidates every entry.
    salt: u64,
}

impl Cache {
    pub fn new(target_dir: &Path, root: &Path) -> Cache {
        let mut salt = DefaultHasher::new();
        if let Ok(exe) = std::env::current_exe() {
            file_identity(&exe, &mut salt);
        }
        salt.write(&std::fs::read(root.join("Cargo.lock")).unwrap_or_default());
        Cache { dir: target_dir.join("listing-cache"), salt: salt.finish() }
    }

    /// Also keys every entry by `toolchain` (the versions of the tools in use): a listing that
    /// passed under one compiler has not passed under another, even when the harness binary
    /// is the same (a `RUSTC` override).
    pub fn salted(mut self, toolchain: &str) -> Cache {
        let mut salt = DefaultHasher::new();
        salt.write_u64(self.salt);
        salt.write(toolchain.as_bytes());
        self.salt = salt.finish();
        self
    }

    /// The listing's folder as it was read (`folder`, its `folder_hash`), the salt and, for a
    /// built listing, the identity of its executable (cargo rewrites it whenever anything it
    /// was built from changed).
    pub fn key(&self, folder: u64, executable: Option<&Path>, extra: &str) -> String {
        let mut hash = DefaultHasher::new();
        hash.write_u64(self.salt);
        hash.write(extra.as_bytes());
        hash.write_u64(folder);
        if let Some(exe) = executable {
            file_identity(exe, &mut hash);
        }
        format!("{:016x}", hash.finish())
    }

    pub fn passed(&self, name: &str, key: &str) -> bool {
        std::fs::read_to_string(self.entry(name)).is_ok_and(|stored| stored == key)
    }

    pub fn remember(&self, name: &str, key: &str) {
        let entry = self.entry(name);
        let _ = std::fs::create_dir_all(entry.parent().unwrap_or(&self.dir));
        let _ = std::fs::write(entry, key);
    }

    fn entry(&self, name: &str) -> PathBuf {
        self.dir.join(name.replace('/', "__"))
    }
}

/// Every file of a listing's folder, by path and content. Taken when the listing is read and
/// again before a pass is remembered: an edit made while the suite ran (after its declaration
/// was parsed or its program built) must not be remembered as a pass of the edited listing.
pub fn folder_hash(dir: &Path) -> u64 {
    let mut hash = DefaultHasher::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name().into_iter().flatten() {
        if entry.file_type().is_file() {
            hash.write(entry.path().as_os_str().as_encoded_bytes());
            hash.write(&std::fs::read(entry.path()).unwrap_or_default());
        }
    }
    hash.finish()
}

fn file_identity(path: &Path, hash: &mut DefaultHasher) {
    hash.write(path.as_os_str().as_encoded_bytes());
    if let Ok(meta) = std::fs::metadata(path) {
        hash.write_u64(meta.len());
        if let Ok(modified) = meta.modified() {
            hash.write(format!("{modified:?}").as_bytes());
        }
    }
}
