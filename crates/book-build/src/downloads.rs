//! Each listing's download (the link in its caption): a zip of its cargo project that builds
//! anywhere, written into the built book at `listings/<chapter>/<listing>.zip`. The manifest
//! is made standalone (`book_listings::standalone`): nothing inherited from the book's
//! workspace, its own `[workspace]`; a path dependency (`counter = { path = "../01-counter" }`)
//! is packed inside it. Stored, not compressed: the folders are a few KB, and deflate would
//! cost CPU on every build and a dependency to compile.

use std::io::Write;
use std::path::{Path, PathBuf};

use book_listings::{Layout, caption, kind, standalone};
use zip::write::SimpleFileOptions;

/// Writes every listing's zip (and each exercise solution's) under `html`; returns how many.
pub fn write_all(root: &Path, html: &Path) -> Result<usize, String> {
    let layout = Layout::load(root)?;
    let workspace = read(&root.join("Cargo.toml"))?;
    let mut written = 0;
    for listing in layout.listing_dirs() {
        let mut packages = vec![(listing.dir.clone(), false)];
        let solution = listing.dir.join(kind::SOLUTION_DIR);
        if solution.join("Cargo.toml").is_file() {
            packages.push((solution, true));
        }
        for (dir, is_solution) in packages {
            let zip = html.join(caption::download_path(&listing.name, is_solution));
            let folder = zip.file_stem().unwrap_or_default().to_string_lossy().into_owned();
            let bytes = project_zip(&dir, &workspace, &folder)?;
            if let Some(parent) = zip.parent() {
                std::fs::create_dir_all(parent)
                    .map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
            }
            std::fs::write(&zip, bytes)
                .map_err(|e| format!("cannot write {}: {e}", zip.display()))?;
            written += 1;
        }
    }
    Ok(written)
}

/// The zip of the package in `dir`, unpacking into the folder `folder`: its files (not
/// `target/`, nor a package inside it such as an exercise's solution), a standalone
/// `Cargo.toml`, and its path dependencies inside it.
pub fn project_zip(dir: &Path, workspace: &str, folder: &str) -> Result<Vec<u8>, String> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    // The path dependencies to pack, as the manifest's rewrite meets them.
    let path_deps = std::cell::RefCell::new(Vec::<PathBuf>::new());
    let manifest_path = dir.join("Cargo.toml");
    let moved = |path: &str| -> Result<String, String> {
        let dep = dir.join(path);
        let name = dep.file_name().map(|n| n.to_string_lossy().into_owned());
        match name {
            Some(name) if dep.join("Cargo.toml").is_file() => {
                path_deps.borrow_mut().push(dep);
                Ok(name)
            }
            _ => Err(format!("the path dependency {path} is not a package")),
        }
    };
    let manifest = standalone::manifest(&read(&manifest_path)?, workspace, None, true, &moved)
        .map_err(|e| format!("{}: {e}", manifest_path.display()))?;
    add_package(&mut zip, dir, folder, &manifest)?;
    for dep in path_deps.into_inner() {
        let dep_manifest = dep.join("Cargo.toml");
        let text = standalone::manifest(&read(&dep_manifest)?, workspace, None, false, &|path| {
            Err(format!("a path dependency's own path dependency ({path}) is not packed"))
        })
        .map_err(|e| format!("{}: {e}", dep_manifest.display()))?;
        let name = dep.file_name().unwrap_or_default().to_string_lossy();
        add_package(&mut zip, &dep, &format!("{folder}/{name}"), &text)?;
    }
    let cursor = zip.finish().map_err(|e| format!("{}: {e}", dir.display()))?;
    Ok(cursor.into_inner())
}

fn add_package(
    zip: &mut zip::ZipWriter<std::io::Cursor<Vec<u8>>>,
    dir: &Path,
    folder: &str,
    manifest: &str,
) -> Result<(), String> {
    let options = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let error = |e: &dyn std::fmt::Display| format!("zipping {}: {e}", dir.display());
    let mut add = |name: &str, bytes: &[u8]| -> Result<(), String> {
        zip.start_file(format!("{folder}/{name}"), options).map_err(|e| error(&e))?;
        zip.write_all(bytes).map_err(|e| error(&e))
    };
    add("Cargo.toml", manifest.as_bytes())?;
    let walk = walkdir::WalkDir::new(dir).sort_by_file_name().into_iter().filter_entry(|e| {
        let inner_package = e.depth() > 0 && e.path().join("Cargo.toml").is_file();
        !(inner_package || e.depth() == 1 && e.file_name() == "target")
    });
    for entry in walk {
        let entry = entry.map_err(|e| error(&e))?;
        let relative = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        if !entry.file_type().is_file() || relative == Path::new("Cargo.toml") {
            continue;
        }
        let name = relative.to_string_lossy().replace('\\', "/");
        add(&name, &std::fs::read(entry.path()).map_err(|e| error(&e))?)?;
    }
    Ok(())
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn book_root() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    fn unzip(bytes: Vec<u8>, into: &Path) -> Vec<String> {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let names = archive.file_names().map(|n| n.unwrap().into_owned()).collect();
        archive.extract(into).unwrap();
        names
    }

    /// A reader unpacks a listing's download anywhere and builds it: here a listing with a
    /// path dependency, outside the book's folder, with nothing from the book's workspace.
    #[test]
    fn a_download_builds_on_its_own() {
        let root = book_root();
        let workspace = read(&root.join("Cargo.toml")).unwrap();
        let dir = root.join("listings/ch10-counter-project/03-demo");
        let bytes = project_zip(&dir, &workspace, "03-demo").unwrap();
        assert!(bytes.starts_with(b"PK"));
        let unpacked = tempfile::tempdir().unwrap();
        let names = unzip(bytes, unpacked.path());
        assert!(names.contains(&"03-demo/Cargo.toml".to_string()), "{names:?}");
        assert!(names.contains(&"03-demo/src/main.rs".to_string()), "{names:?}");
        assert!(names.contains(&"03-demo/output.txt".to_string()), "{names:?}");
        assert!(names.contains(&"03-demo/01-counter/src/lib.rs".to_string()), "{names:?}");
        let project = unpacked.path().join("03-demo");
        let manifest = std::fs::read_to_string(project.join("Cargo.toml")).unwrap();
        assert!(!manifest.contains("workspace = true"), "{manifest}");
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let output = std::process::Command::new(cargo)
            .args(["build", "--offline", "--quiet"])
            .current_dir(&project)
            .env("CARGO_TARGET_DIR", unpacked.path().join("target"))
            // The test runs inside the book: nothing of its settings may leak into the build.
            .env_remove("RUSTFLAGS")
            .env_remove("CARGO_ENCODED_RUSTFLAGS")
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "cargo build of the unpacked download failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }

    #[test]
    fn an_exercise_zip_holds_its_starter_and_the_solution_its_own() {
        let root = book_root();
        let workspace = read(&root.join("Cargo.toml")).unwrap();
        let dir = root.join("listings/ch03-box/80-exercise-expr");
        let (starter, solution) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let names =
            unzip(project_zip(&dir, &workspace, "80-exercise-expr").unwrap(), starter.path());
        assert!(names.contains(&"80-exercise-expr/src/lib.rs".to_string()), "{names:?}");
        assert!(names.iter().all(|n| !n.contains("solution")), "{names:?}");
        let zip = project_zip(&dir.join("solution"), &workspace, "80-exercise-expr-solution");
        let names = unzip(zip.unwrap(), solution.path());
        assert!(names.contains(&"80-exercise-expr-solution/src/lib.rs".to_string()), "{names:?}");
    }
}
