//! Remembers which listings passed, keyed by everything their result depends on, so that a
//! warm run re-runs only what changed. Only passes are remembered. Bless mode and
//! `BOOK_NO_CACHE=1` bypass it; CI starts with an empty target dir anyway. A pass of N repeated
//! runs (`BOOK_REPEAT`, the test command's flake phase) is remembered apart from a pass of one:
//! neither stands for the other.

use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};

pub struct Cache {
    dir: PathBuf,
    /// The harness binary itself and `Cargo.lock`, read once per run: a changed harness (or a
    /// new rustc, which rebuilds it) or a changed dependency invalidates every entry.
    salt: u64,
    /// How many runs a pass stands for (`BOOK_REPEAT`); entries of other counts are apart.
    runs: usize,
}

impl Cache {
    pub fn new(target_dir: &Path, root: &Path) -> Cache {
        let mut salt = DefaultHasher::new();
        if let Ok(exe) = std::env::current_exe() {
            file_identity(&exe, &mut salt);
        }
        salt.write(&std::fs::read(root.join("Cargo.lock")).unwrap_or_default());
        Cache { dir: target_dir.join("listing-cache"), salt: salt.finish(), runs: 1 }
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

    /// Passes of `runs` repeated runs each (flake hunting), kept apart from single runs.
    pub fn repeated(mut self, runs: usize) -> Cache {
        self.runs = runs;
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
        let file = name.replace('/', "__");
        self.dir.join(if self.runs > 1 { format!("{file}@{}runs", self.runs) } else { file })
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

#[cfg(test)]
mod tests {
    use super::Cache;

    #[test]
    fn a_pass_of_repeated_runs_is_remembered_apart_from_a_pass_of_one() {
        let dir = tempfile::tempdir().unwrap();
        let once = Cache::new(dir.path(), dir.path());
        let thrice = Cache::new(dir.path(), dir.path()).repeated(3);
        let key = once.key(7, None, "");
        once.remember("ch01-x/01-a", &key);
        assert!(once.passed("ch01-x/01-a", &key));
        assert!(!thrice.passed("ch01-x/01-a", &key), "one run passed is not three");
        thrice.remember("ch01-x/01-a", &key);
        assert!(thrice.passed("ch01-x/01-a", &key));
        assert!(
            once.passed("ch01-x/01-a", &key),
            "remembering three runs kept the single run's pass"
        );
        assert!(!Cache::new(dir.path(), dir.path()).repeated(2).passed("ch01-x/01-a", &key));
    }
}
