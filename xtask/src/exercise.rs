//! `cargo xtask exercise [NAME]`: the book's exercises on the reader's own machine, in the way
//! of Rustlings. The starter is copied once into `exercises/NAME/` (git-ignored, its own cargo
//! workspace), its tests run, and run again on every save; progress is kept in
//! `exercises/.solved`. The book's listings are only ever read.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

use book_listings::exercise::slug;
use book_listings::{Kind, Layout, kind};

const USAGE: &str = "usage: cargo xtask exercise [NAME] [--once] [--solution] [--list]
  NAME        an exercise (`tree`, or its folder `ch07-rc-arc-weak/80-exercise-tree`);
              without it, the first one not yet solved
  --once      run the tests once instead of re-running them on every save
  --solution  show the solution (asks first)
  --list      every exercise, and which you solved";

/// One exercise of the book, found through the listing model.
#[derive(Debug, Clone, PartialEq)]
pub struct Exercise {
    /// The short name the reader types: the folder's name after `NN-exercise-`.
    pub slug: String,
    /// The listing's name, `ch07-rc-arc-weak/80-exercise-tree`.
    pub listing: String,
    pub dir: PathBuf,
}

impl Exercise {
    fn matches(&self, name: &str) -> bool {
        self.slug == name || self.listing == name || self.listing.rsplit('/').next() == Some(name)
    }
}

/// Every exercise of the book, in the book's order (chapter, then number).
pub fn exercises(root: &Path) -> Result<Vec<Exercise>, String> {
    let layout = Layout::load(root)?;
    let mut found = Vec::new();
    for listing in layout.listing_dirs() {
        let manifest = listing.dir.join("Cargo.toml");
        let text = std::fs::read_to_string(&manifest)
            .map_err(|e| format!("cannot read {}: {e}", manifest.display()))?;
        let spec = book_listings::spec::parse(&manifest, &text).map_err(|e| e.to_string())?;
        if matches!(spec.kind, Kind::Exercise { .. }) {
            let folder = listing.name.rsplit('/').next().unwrap_or(&listing.name);
            found.push(Exercise { slug: slug(folder), listing: listing.name, dir: listing.dir });
        }
    }
    unique(&found)?;
    Ok(found)
}

/// The short name is what the reader types: two exercises must not share one.
fn unique(all: &[Exercise]) -> Result<(), String> {
    for (i, a) in all.iter().enumerate() {
        if let Some(b) = all[..i].iter().find(|b| b.slug == a.slug) {
            return Err(format!(
                "the exercises {} and {} share the short name `{}`: rename one folder",
                b.listing, a.listing, a.slug
            ));
        }
    }
    Ok(())
}

/// The reader's copy of a starter: its own package and workspace (it sits inside the book's
/// folder but is no member of it), with nothing inherited from the book's workspace.
pub fn standalone_manifest(root: &Path, exercise: &Exercise) -> Result<String, String> {
    let read = |path: PathBuf| {
        std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
    };
    let manifest = exercise.dir.join("Cargo.toml");
    book_listings::standalone::manifest(
        &read(manifest.clone())?,
        &read(root.join("Cargo.toml"))?,
        Some(&exercise.slug),
        true,
        &|path| {
            Err(format!(
                "an exercise's starter has a path dependency ({path}), which its copy cannot follow"
            ))
        },
    )
    .map_err(|e| format!("{}: {e}", manifest.display()))
}

/// The exercises solved so far, from `exercises/.solved` (one short name per line).
pub fn solved(work: &Path) -> Vec<String> {
    std::fs::read_to_string(work.join(".solved"))
        .unwrap_or_default()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

fn set_solved(work: &Path, slug: &str, is_solved: bool) -> Result<(), String> {
    let mut all = solved(work);
    all.retain(|s| s != slug);
    if is_solved {
        all.push(slug.to_string());
    }
    let text: String = all.iter().map(|s| format!("{s}\n")).collect();
    std::fs::write(work.join(".solved"), text)
        .map_err(|e| format!("cannot write {}: {e}", work.join(".solved").display()))
}

/// "3 of 19 solved", counting only exercises the book still has.
pub fn progress(all: &[Exercise], solved: &[String]) -> String {
    let done = all.iter().filter(|e| solved.contains(&e.slug)).count();
    format!("{done} of {} solved", all.len())
}

pub fn run(root: &Path, args: &[String]) -> Result<(), String> {
    let mut name = None;
    let (mut once, mut solution, mut list) = (false, false, false);
    for arg in args {
        match arg.as_str() {
            "--once" => once = true,
            "--solution" => solution = true,
            "--list" => list = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            flag if flag.starts_with('-') => {
                return Err(format!("exercise: unknown option {flag}\n{USAGE}"));
            }
            other if name.is_none() => name = Some(other.to_string()),
            other => {
                return Err(format!(
                    "exercise: one exercise at a time (also got {other})\n{USAGE}"
                ));
            }
        }
    }
    let all = exercises(root)?;
    if all.is_empty() {
        return Err("the book has no exercises (listings with kind = \"exercise\")".into());
    }
    let work = root.join("exercises");
    std::fs::create_dir_all(&work).map_err(|e| format!("cannot create {}: {e}", work.display()))?;
    let done = solved(&work);
    if list {
        for e in &all {
            let mark = if done.contains(&e.slug) {
                "solved "
            } else if work.join(&e.slug).is_dir() {
                "started"
            } else {
                "       "
            };
            println!("{mark}  {:<28} {}", e.slug, e.listing);
        }
        println!("{}", progress(&all, &done));
        return Ok(());
    }
    let exercise = match &name {
        Some(n) => all.iter().find(|e| e.matches(n)).ok_or_else(|| {
            let names: Vec<&str> = all.iter().map(|e| e.slug.as_str()).collect();
            format!("exercise: no exercise named {n:?}; the book has: {}", names.join(", "))
        })?,
        None => match all.iter().find(|e| !done.contains(&e.slug)) {
            Some(e) => e,
            None => {
                println!("All {} exercises solved.", all.len());
                return Ok(());
            }
        },
    };
    if solution {
        return show_solution(exercise);
    }
    let copy = work.join(&exercise.slug);
    let source = copy.join("src/lib.rs");
    if !source.is_file() {
        std::fs::create_dir_all(copy.join("src"))
            .map_err(|e| format!("cannot create {}: {e}", copy.display()))?;
        std::fs::write(copy.join("Cargo.toml"), standalone_manifest(root, exercise)?)
            .map_err(|e| format!("cannot write {}: {e}", copy.join("Cargo.toml").display()))?;
        std::fs::copy(exercise.dir.join("src/lib.rs"), &source)
            .map_err(|e| format!("cannot copy the starter to {}: {e}", source.display()))?;
        println!("Copied the starter of `{}` to {}.", exercise.slug, relative(root, &source));
    }
    println!(
        "Edit {} until its tests pass{}",
        relative(root, &source),
        if once { "." } else { "; they run again every time you save (Ctrl-C to stop)." }
    );
    let target = root.join("target/exercises");
    let is_solved = test(&copy, &target, &exercise.slug, &work, &all)?;
    if once {
        return if is_solved { Ok(()) } else { Err("not solved yet".into()) };
    }
    // Polling, not file-system events: an editor's save (rename, write, truncate) always
    // changes the newest modification time, and nothing needs installing.
    let mut seen = modified(&copy.join("src"));
    loop {
        std::thread::sleep(Duration::from_millis(400));
        let now = modified(&copy.join("src"));
        if now != seen {
            seen = now;
            test(&copy, &target, &exercise.slug, &work, &all)?;
        }
    }
}

/// Runs the copy's tests, records the result, and says where the reader stands.
fn test(
    copy: &Path,
    target: &Path,
    slug: &str,
    work: &Path,
    all: &[Exercise],
) -> Result<bool, String> {
    println!("\n==> cargo test ({slug})");
    let status = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args(["test", "--quiet"])
        .current_dir(copy)
        .env("CARGO_TARGET_DIR", target)
        .status()
        .map_err(|e| format!("cannot run cargo: {e}"))?;
    let is_solved = status.success();
    set_solved(work, slug, is_solved)?;
    let done = solved(work);
    let progress = progress(all, &done);
    if is_solved {
        let next = all.iter().find(|e| !done.contains(&e.slug));
        let next =
            next.map(|e| format!(" Next: cargo xtask exercise {}", e.slug)).unwrap_or_default();
        println!("\n✓ `{slug}` solved ({progress}).{next}");
    } else {
        println!("\n✗ `{slug}` not solved yet ({progress}). Save the file to run the tests again.");
    }
    Ok(is_solved)
}

/// The newest modification time under a folder: what a save changes.
fn modified(dir: &Path) -> Option<SystemTime> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.metadata().ok()?.modified().ok())
        .max()
}

fn show_solution(exercise: &Exercise) -> Result<(), String> {
    use std::io::{BufRead, Write};
    print!("Show the solution of `{}`? Seeing it first spoils the exercise. [y/N] ", exercise.slug);
    let _ = std::io::stdout().flush();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| format!("cannot read the answer: {e}"))?;
    if !matches!(answer.trim(), "y" | "Y" | "yes") {
        println!("Not shown.");
        return Ok(());
    }
    let path = exercise.dir.join(kind::SOLUTION_DIR).join("src/lib.rs");
    let text = std::fs::read_to_string(&path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    println!("\n{text}");
    Ok(())
}

fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root).unwrap_or(path).display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exercise(slug: &str, listing: &str) -> Exercise {
        Exercise { slug: slug.into(), listing: listing.into(), dir: PathBuf::from(listing) }
    }

    #[test]
    fn an_exercise_answers_to_its_slug_listing_or_folder() {
        let e = exercise("tree", "ch07-rc-arc-weak/80-exercise-tree");
        assert!(e.matches("tree") && e.matches("80-exercise-tree"));
        assert!(e.matches("ch07-rc-arc-weak/80-exercise-tree") && !e.matches("tre"));
    }

    #[test]
    fn two_exercises_may_not_share_a_short_name() {
        let all =
            [exercise("pool", "ch06/80-exercise-pool"), exercise("pool", "ch09/81-exercise-pool")];
        let error = unique(&all).unwrap_err();
        assert!(
            error.contains(
                "ch06/80-exercise-pool and ch09/81-exercise-pool share the short name `pool`"
            ),
            "{error}"
        );
        assert_eq!(unique(&all[..1]), Ok(()));
    }

    #[test]
    fn the_copy_is_its_own_workspace() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("listings/ch/80-exercise-rc_that counts");
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            root.path().join("Cargo.toml"),
            "[workspace]\n[workspace.package]\nedition = \"2024\"\npublish = false\n",
        )
        .unwrap();
        std::fs::write(
            dir.join("Cargo.toml"),
            "[package]\nname = \"ch-80\"\nversion = \"0.1.0\"\nedition.workspace = true\n\
             publish.workspace = true\n[package.metadata.listing]\nkind = \"exercise\"\n",
        )
        .unwrap();
        let exercise = Exercise { slug: "rc_that counts".into(), listing: "ch/80".into(), dir };
        let text = standalone_manifest(root.path(), &exercise).unwrap();
        let manifest: toml::Table = toml::from_str(&text).unwrap();
        assert_eq!(manifest["package"]["name"].as_str(), Some("rc-that-counts"));
        assert_eq!(manifest["package"]["edition"].as_str(), Some("2024"));
        assert!(manifest["package"].get("metadata").is_none(), "{text}");
        assert!(manifest["workspace"].as_table().is_some_and(|t| t.is_empty()));
    }

    #[test]
    fn progress_counts_solved_exercises_the_book_still_has() {
        let all = [exercise("a", "c/80-exercise-a"), exercise("b", "c/81-exercise-b")];
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(progress(&all, &solved(dir.path())), "0 of 2 solved");
        set_solved(dir.path(), "b", true).unwrap();
        set_solved(dir.path(), "gone", true).unwrap();
        assert_eq!(progress(&all, &solved(dir.path())), "1 of 2 solved");
        set_solved(dir.path(), "b", false).unwrap();
        assert_eq!(solved(dir.path()), ["gone"]);
    }
}
