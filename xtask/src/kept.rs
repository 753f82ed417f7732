//! A step's output kept under a key over everything it depends on, and put back instead of
//! running the step again when the key is the same: the book build (book.rs) and the build
//! steps after it (diagrams.rs). Like the listing harness's cache, only a pass is kept.

use std::path::Path;

/// With the `key` of the last run in `stored`, replaces `site` by that run's output and
/// returns true; otherwise runs `steps` on `site` and, when they pass, keeps a copy of what they
/// made under `key` (`None`: run, and keep nothing). A failed run leaves nothing stored.
pub fn build_or_put_back(
    site: &Path,
    stored: &Path,
    key: Option<&str>,
    steps: impl FnOnce() -> Result<(), String>,
) -> Result<bool, String> {
    let key_file = stored.join("key");
    // A key whose copy is gone (removed by hand) counts as no key: the steps run.
    if key.is_some()
        && std::fs::read_to_string(&key_file).ok().as_deref() == key
        && stored.join("html").is_dir()
    {
        copy_tree(&stored.join("html"), site)?;
        return Ok(true);
    }
    forget(stored)?;
    steps()?;
    if let Some(key) = key {
        copy_tree(site, &stored.join("html"))?;
        std::fs::write(&key_file, key)
            .map_err(|e| format!("cannot write {}: {e}", key_file.display()))?;
    }
    Ok(false)
}

/// After steps that ran under `key` were kept: keeps them only if `now`, the key taken again
/// over the same inputs, is still `key` (else something changed while they ran, and what they
/// made may belong to neither version). Returns whether they stay kept.
pub fn keep_if_unchanged(
    stored: &Path,
    key: &str,
    now: Result<String, String>,
) -> Result<bool, String> {
    if now.as_deref() == Ok(key) {
        return Ok(true);
    }
    forget(stored)?;
    Ok(false)
}

/// Drops what `build_or_put_back` kept in `stored`: the next run runs the steps.
pub fn forget(stored: &Path) -> Result<(), String> {
    match std::fs::remove_dir_all(stored) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(format!("cannot remove {}: {e}", stored.display()))
        }
        _ => Ok(()),
    }
}

/// Adds a file of a step's inputs to a key: its path, its length and its bytes. A file gone
/// since its folder was listed (an editor's temporary file) adds nothing.
pub fn hash_file(hash: &mut impl std::hash::Hasher, path: &Path) -> Result<(), String> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    hash.write(path.to_string_lossy().as_bytes());
    hash.write_usize(bytes.len());
    hash.write(&bytes);
    Ok(())
}

/// Makes `to` a copy of the folder `from`.
fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    if to.exists() {
        std::fs::remove_dir_all(to).map_err(|e| format!("cannot remove {}: {e}", to.display()))?;
    }
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.map_err(|e| format!("cannot read {}: {e}", from.display()))?;
        let target =
            to.join(entry.path().strip_prefix(from).expect("walkdir stays under its root"));
        let done = if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target)
        } else {
            std::fs::copy(entry.path(), &target).map(drop)
        };
        done.map_err(|e| {
            format!("cannot copy {} to {}: {e}", entry.path().display(), target.display())
        })?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{build_or_put_back, keep_if_unchanged};
    use std::cell::Cell;
    use std::path::Path;

    #[test]
    fn the_steps_output_is_put_back_only_for_the_key_it_was_made_under() {
        let dir = tempfile::tempdir().unwrap();
        let (site, stored) = (dir.path().join("html"), dir.path().join("stored"));
        let raw = |text: &str| {
            let _ = std::fs::remove_dir_all(&site);
            std::fs::create_dir_all(site.join("sub")).unwrap();
            std::fs::write(site.join("sub/page.html"), text).unwrap();
        };
        let page = || std::fs::read_to_string(site.join("sub/page.html")).unwrap();
        let runs = Cell::new(0);
        // The steps append to the page, as postbuild writes diagrams into it.
        let steps = |site: &Path| {
            runs.set(runs.get() + 1);
            let path = site.join("sub/page.html");
            let text = std::fs::read_to_string(&path).unwrap();
            std::fs::write(&path, format!("{text} drawn {}", runs.get())).map_err(|e| e.to_string())
        };
        raw("one");
        assert!(!build_or_put_back(&site, &stored, Some("k1"), || steps(&site)).unwrap());
        assert_eq!((page(), runs.get()), ("one drawn 1".into(), 1));
        raw("one");
        assert!(build_or_put_back(&site, &stored, Some("k1"), || steps(&site)).unwrap());
        assert_eq!((page(), runs.get()), ("one drawn 1".into(), 1), "put back, not run");
        raw("two");
        assert!(!build_or_put_back(&site, &stored, Some("k2"), || steps(&site)).unwrap());
        assert_eq!((page(), runs.get()), ("two drawn 2".into(), 2), "another key runs the steps");
        raw("two");
        assert!(!build_or_put_back(&site, &stored, None, || steps(&site)).unwrap());
        assert_eq!(runs.get(), 3, "without a key (BOOK_NO_CACHE) the steps run");
        assert!(!stored.exists(), "and nothing is kept");
        raw("three");
        let failed = build_or_put_back(&site, &stored, Some("k3"), || Err("no chromium".into()));
        assert_eq!(failed, Err("no chromium".into()));
        assert!(!stored.join("key").exists(), "a failed run is not kept");
        assert!(!build_or_put_back(&site, &stored, Some("k3"), || steps(&site)).unwrap());
        assert_eq!(runs.get(), 4);
        std::fs::remove_dir_all(stored.join("html")).unwrap();
        raw("three");
        assert!(!build_or_put_back(&site, &stored, Some("k3"), || steps(&site)).unwrap());
        assert_eq!(
            (page(), runs.get()),
            ("three drawn 5".into(), 5),
            "a key without its copy: run again"
        );
        assert!(build_or_put_back(&site, &stored, Some("k3"), || steps(&site)).unwrap());
    }

    #[test]
    fn what_was_built_while_its_inputs_changed_is_not_kept() {
        let dir = tempfile::tempdir().unwrap();
        let stored = dir.path().join("stored");
        let store = || std::fs::create_dir_all(stored.join("html")).unwrap();
        store();
        assert_eq!(keep_if_unchanged(&stored, "k1", Ok("k1".into())), Ok(true));
        assert!(stored.exists(), "the same key: kept");
        assert_eq!(keep_if_unchanged(&stored, "k1", Ok("k2".into())), Ok(false));
        assert!(!stored.exists(), "changed meanwhile: dropped");
        store();
        assert_eq!(keep_if_unchanged(&stored, "k1", Err("unreadable".into())), Ok(false));
        assert!(!stored.exists(), "no key to compare: dropped");
        assert_eq!(keep_if_unchanged(&stored, "k1", Err("gone".into())), Ok(false), "nothing kept");
    }
}
