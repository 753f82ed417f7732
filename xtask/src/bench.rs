//! `cargo xtask bench`: how much faster the harness is than building every listing as its own
//! project (the way books usually do it), cold and warm, on this machine. Writes BENCHMARKS.md.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use book_listings::Kind;

use crate::listings::{Listing, listings};

pub fn bench(root: &Path) -> Result<(), String> {
    let listings = listings(root)?;
    let runnable: Vec<&Listing> = listings.iter().filter(|l| l.kind.runs()).collect();
    let scratch = root.join("target/bench");
    let _ = std::fs::remove_dir_all(&scratch);
    eprintln!(
        "bench: (a) the naive way: {} runnable listings, each its own cargo project and target dir",
        runnable.len()
    );
    let mut each = Vec::new();
    let naive = timed(|| {
        for (i, listing) in runnable.iter().enumerate() {
            let alone = timed(|| naive_run(listing, &scratch.join(format!("naive-{i}"))))?;
            each.push((alone, listing.name.as_str()));
        }
        Ok(())
    })?;
    let harness_target = scratch.join("harness");
    eprintln!("bench: (b) the harness, cold (empty target dir)");
    let cold = timed(|| harness(root, &harness_target))?;
    eprintln!("bench: (c) the harness, warm, nothing changed");
    let warm = timed(|| harness(root, &harness_target))?;
    let touched = runnable.first().ok_or("no runnable listing")?.dir.join("src/main.rs");
    eprintln!("bench: (d) the harness after touching {}", touched.display());
    let file = std::fs::File::options().append(true).open(&touched).map_err(|e| e.to_string())?;
    file.set_modified(std::time::SystemTime::now()).map_err(|e| e.to_string())?;
    let one = timed(|| harness(root, &harness_target))?;

    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let row = |name: &str, t: &Timed| {
        format!("| {name} | {:.1} | {:.1} | {:.3} |\n", t.wall, t.cpu, t.wall / naive.wall)
    };
    let table = [
        "| run | seconds | CPU seconds | vs. naive |\n|---|---:|---:|---:|\n".to_string(),
        row("(a) naive: `cargo run` per listing, own target dir, cold", &naive),
        row("(b) harness, cold (empty target dir)", &cold),
        row("(c) harness, warm, nothing changed", &warm),
        row("(d) harness, one listing touched", &one),
    ]
    .concat();
    // Where the naive time goes: a listing with heavy dependencies costs the same in (a) and (b),
    // because the naive way builds them once too; its CPU time bounds how fast (b) can get.
    each.sort_by(|a, b| b.0.wall.total_cmp(&a.0.wall));
    let slowest = each
        .iter()
        .take(3)
        .map(|(t, name)| {
            format!(
                "`{name}` {:.1} s, {:.0} CPU-s ({:.0} %)",
                t.wall,
                t.cpu,
                100.0 * t.wall / naive.wall
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let (heaviest, name) = each.first().ok_or("no runnable listing")?;
    let floor = heaviest.cpu / cores as f64;
    let table = format!(
        "{table}\nSlowest listings in (a): {slowest}.\n\n\
         Even if everything else were free, (b) has to build what `{name}` built in (a), \
         about {:.0} CPU-s: on {cores} cores at least {floor:.0} s, {:.2} of (a).\n",
        heaviest.cpu,
        floor / naive.wall
    );
    println!("{table}");
    let report = format!(
        "# Benchmarks\n\nWritten by `cargo xtask bench` (do not edit by hand). Machine: {cores} cores, {}. \
         {} listings, {} of them runnable. The naive way builds and runs only the runnable ones; \
         the harness also compiles every compile-fail listing and checks every output, page and quiz.\n\n\
         Targets: (b) ≤ 1/3 of (a), (c) ≤ 5 s, (d) ≤ 10 s.\n\n{table}",
        rustc_version(),
        listings.len(),
        runnable.len()
    );
    std::fs::write(root.join("BENCHMARKS.md"), report).map_err(|e| e.to_string())
}

struct Timed {
    wall: f64,
    /// User and system time of the processes started meanwhile: wall time close to CPU time
    /// divided by the core count means the run was CPU-bound.
    cpu: f64,
}

fn timed(f: impl FnOnce() -> Result<(), String>) -> Result<Timed, String> {
    let (started, cpu_before) = (Instant::now(), children_cpu());
    f()?;
    Ok(Timed { wall: started.elapsed().as_secs_f64(), cpu: children_cpu() - cpu_before })
}

/// CPU seconds of every child process waited for so far, and of their waited-for children.
fn children_cpu() -> f64 {
    // SAFETY: getrusage only writes into the zeroed struct it is given.
    let usage = unsafe {
        let mut usage: libc::rusage = std::mem::zeroed();
        libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage);
        usage
    };
    let secs = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    secs(usage.ru_utime) + secs(usage.ru_stime)
}

/// What a book without a harness does: `cargo run` (or `cargo test`) in the listing's folder,
/// with a target dir of its own, killed if it outlives its time limit.
fn naive_run(listing: &Listing, target: &Path) -> Result<(), String> {
    let cargo = |args: &[&str], limit_secs: f64| {
        Command::new("timeout")
            .args(["-s", "KILL", &format!("{limit_secs}"), "cargo"])
            .args(args)
            .current_dir(&listing.dir)
            .env("CARGO_TARGET_DIR", target)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .map(drop)
            .map_err(|e| format!("{}: {e}", listing.dir.display()))
    };
    const BUILD_LIMIT: f64 = 600.0;
    match listing.kind {
        Kind::Test => cargo(&["test", "--quiet"], BUILD_LIMIT),
        // It never ends by itself: build it, then give it its time before killing it.
        Kind::Deadlock => cargo(&["build", "--quiet"], BUILD_LIMIT)
            .and_then(|()| cargo(&["run", "--quiet"], listing.timeout.as_secs_f64())),
        _ => cargo(&["run", "--quiet"], BUILD_LIMIT),
    }
}

fn harness(root: &Path, target: &Path) -> Result<(), String> {
    let status = crate::cargo()
        .args(["test", "--quiet", "--test", "listings"])
        .current_dir(root)
        .env("CARGO_TARGET_DIR", target)
        .stdout(Stdio::null())
        .status()
        .map_err(|e| e.to_string())?;
    if status.success() {
        Ok(())
    } else {
        Err("the harness failed; fix the book before benchmarking".into())
    }
}

fn rustc_version() -> String {
    Command::new("rustc")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}
