//! The book's listings as `cargo metadata` reports them (folder, name, declared kind).

use std::path::{Path, PathBuf};

pub struct Listing {
    pub dir: PathBuf,
    /// Path below `listings/`: the harness's name for its check.
    pub name: String,
    pub kind: String,
    pub timeout_secs: f64,
}

impl Listing {
    /// Threads or locks in play: where scheduling could make output or outcome differ.
    pub fn is_threaded(&self) -> bool {
        let source = std::fs::read_to_string(self.dir.join("src/main.rs"))
            .or_else(|_| std::fs::read_to_string(self.dir.join("src/lib.rs")))
            .unwrap_or_default();
        self.kind == "deadlock"
            || ["thread::", "Condvar", "Barrier", "Mutex", "RwLock"]
                .iter()
                .any(|w| source.contains(w))
    }
}

pub fn listings(root: &Path) -> Result<Vec<Listing>, String> {
    let output = crate::cargo()
        .args(["metadata", "--no-deps", "--format-version", "1"])
        .current_dir(root)
        .output()
        .map_err(|e| e.to_string())?;
    if !output.status.success() {
        return Err(format!("cargo metadata failed:\n{}", String::from_utf8_lossy(&output.stderr)));
    }
    let metadata: serde_json::Value =
        serde_json::from_slice(&output.stdout).map_err(|e| e.to_string())?;
    let listings_dir = root.join("listings");
    let mut found: Vec<Listing> = metadata["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|package| {
            let spec = package["metadata"].get("listing")?;
            let dir = Path::new(package["manifest_path"].as_str()?).parent()?.to_path_buf();
            Some(Listing {
                name: dir.strip_prefix(&listings_dir).ok()?.display().to_string(),
                kind: spec["kind"].as_str().unwrap_or("run").to_string(),
                timeout_secs: spec["timeout-secs"].as_f64().unwrap_or(2.0),
                dir,
            })
        })
        .collect();
    found.sort_by(|a, b| a.dir.cmp(&b.dir));
    Ok(found)
}
