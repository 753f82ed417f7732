//! Compares what a listing really did with its snapshot, or (in bless mode) rewrites the
//! snapshot from the real run.

use std::path::Path;

use similar::TextDiff;

/// `check` is the listing's check name, for the command that re-blesses just this one.
pub fn snapshot(path: &Path, actual: &str, check: &str, bless: bool) -> Result<(), String> {
    if bless {
        let old = std::fs::read_to_string(path).ok();
        if old.as_deref() != Some(actual) {
            std::fs::write(path, actual)
                .map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        }
        return Ok(());
    }
    let expected = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(_) => {
            return Err(format!(
                "missing snapshot {}: review the output below, then create it from the real run \
                 with `BLESS=1 cargo test {check}`\n{actual}",
                path.display()
            ));
        }
    };
    if expected == actual {
        return Ok(());
    }
    let diff = TextDiff::from_lines(&expected, actual)
        .unified_diff()
        .context_radius(3)
        .header(&path.display().to_string(), "actual run")
        .to_string();
    Err(format!(
        "output differs from the snapshot (fix the listing, or accept the new output with \
         `BLESS=1 cargo test {check}`):\n{diff}"
    ))
}
