//! `cargo xtask bench`: what readers and authors wait for, on this machine, into BENCHMARKS.md.
//!
//! 1. A fresh clone and an empty cargo home: the first page `cargo xtask serve` answers, then
//!    (another clone, another empty cargo home) `bash .ci/run`, phase by phase, with the
//!    browser suite's page weights from its log.
//! 2. Here, warm: `cargo test` with nothing changed and after touching one listing, and
//!    `cargo xtask test`.
//! 3. The harness against building every listing as its own project, the way books usually
//!    do it: (a) naive, cold; (b) the harness, cold; (c) warm; (d) one listing touched.
//!
//! Wall time on a shared machine says little, so every row also has its CPU time: user and
//! system of every process it waited for, and the machine's busy time (cpu.rs), which also
//! counts chromium's processes that the first misses.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use book_listings::Kind;

use crate::listings::{Listing, listings};

/// The goals of issue 20 (2 cores, fresh clone, empty cargo home).
const FIRST_PAGE_GOAL: f64 = 100.0;
const COLD_CI_GOAL: f64 = 300.0;
const BROWSER_GOAL: f64 = 40.0;
const WARM_TEST_GOAL: f64 = 1.0;
const WARM_XTASK_TEST_GOAL: f64 = 20.0;
/// A warm run takes about a second, so one run says as much about the machine's moment as
/// about the code (the same `cargo test` took 0.86-0.99 s in five runs in a row): the warm rows
/// are the median of this many runs, each listed in BENCHMARKS.md.
const WARM_RUNS: usize = 5;
const WARM_XTASK_RUNS: usize = 3;
/// Where the bench's `cargo xtask serve` listens, away from a reader's 3000.
const BENCH_PORT: u16 = 3917;

pub fn bench(root: &Path) -> Result<(), String> {
    let machine = machine();
    eprintln!("bench on {machine}");
    let commit = git(root, &["rev-parse", "HEAD"])?;
    if !git(root, &["status", "--porcelain", "--untracked-files=no"])?.is_empty() {
        eprintln!("bench: the fresh clones measure commit {commit}, not your uncommitted changes");
    }
    let scratch = root.join("target/bench");
    let _ = std::fs::remove_dir_all(&scratch);
    std::fs::create_dir_all(&scratch).map_err(|e| format!("{}: {e}", scratch.display()))?;

    eprintln!(
        "bench: `cargo xtask serve` on a fresh clone, empty cargo home, until the first page"
    );
    // The fresh clones live outside this checkout: cargo merges the .cargo/config.toml of every
    // folder above the one it runs in, so a clone inside it would get its rustflags twice
    // (rustc refuses `--diagnostic-width` given twice).
    let outside = std::env::temp_dir().join(format!("book-bench-{}", std::process::id()));
    let (clone, home) = fresh_clone(root, &commit, &outside, "serve")?;
    let serve = timed(|| first_page(&clone, &home))?;
    remove(&clone, &home);

    eprintln!("bench: `bash .ci/run` on a fresh clone, empty cargo home");
    let (clone, home) = fresh_clone(root, &commit, &outside, "ci")?;
    let log_path = scratch.join("ci.log");
    let ci = timed(|| cold_ci(&clone, &home, &log_path))?;
    remove(&clone, &home);
    let _ = std::fs::remove_dir_all(&outside);
    let ci_log = std::fs::read_to_string(&log_path).map_err(|e| e.to_string())?;
    let phases = phase_table(&ci_log);
    let weights = page_weights(&ci_log);

    eprintln!("bench: warm `cargo test`, one listing touched, warm `cargo xtask test`");
    let listings = listings(root)?;
    let runnable: Vec<&Listing> = listings.iter().filter(|l| l.kind.runs()).collect();
    let touched = runnable.first().ok_or("no runnable listing")?.dir.join("src/main.rs");
    let cargo_test =
        || quiet(crate::cargo().current_dir(root).args(["test", "--quiet"]), "cargo test");
    cargo_test()?;
    let warm_test = median_of(WARM_RUNS, || timed(cargo_test))?;
    let touched_test = median_of(WARM_RUNS, || {
        touch(&touched)?;
        timed(cargo_test)
    })?;
    let xtask_test =
        || quiet(crate::cargo().current_dir(root).args(["xtask", "test"]), "cargo xtask test");
    xtask_test()?;
    let warm_xtask = median_of(WARM_XTASK_RUNS, || timed(xtask_test))?;

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
    // 143 target dirs hold gigabytes; removed after (a), outside its time.
    for i in 0..runnable.len() {
        let _ = std::fs::remove_dir_all(scratch.join(format!("naive-{i}")));
    }
    let harness_target = scratch.join("harness");
    eprintln!("bench: (b) the harness, cold (empty target dir)");
    let cold = timed(|| harness(root, &harness_target))?;
    eprintln!("bench: (c) the harness, warm, nothing changed");
    let warm = timed(|| harness(root, &harness_target))?;
    eprintln!("bench: (d) the harness after touching {}", touched.display());
    touch(&touched)?;
    let one = timed(|| harness(root, &harness_target))?;
    let _ = std::fs::remove_dir_all(scratch.join("harness"));

    let browser = phases.iter().find(|p| p.name == "browser").map(|p| p.seconds);
    let goal = |what: &str, measured: Option<f64>, goal: f64| match measured {
        Some(s) => format!(
            "| {what} | ≤ {goal} s | {s:.1} s | {} |\n",
            if s <= goal { "met" } else { "**missed**" }
        ),
        None => format!("| {what} | ≤ {goal} s | not measured | **missed** |\n"),
    };
    let goals = [
        "| goal | target | measured | |\n|---|---:|---:|---|\n".to_string(),
        goal("first page of `cargo xtask serve`, fresh clone", Some(serve.wall), FIRST_PAGE_GOAL),
        goal("cold `bash .ci/run`, fresh clone, green", Some(ci.wall), COLD_CI_GOAL),
        goal("browser suite (in that run)", browser, BROWSER_GOAL),
        goal("warm `cargo test`", Some(warm_test.wall), WARM_TEST_GOAL),
        goal("warm `cargo xtask test`", Some(warm_xtask.wall), WARM_XTASK_TEST_GOAL),
    ]
    .concat();

    let row = |name: &str, t: &Timed| {
        let busy = t.busy.map_or("not measured".to_string(), |b| format!("{b:.1}"));
        let name = match t.runs.as_slice() {
            [_] => name.to_string(),
            runs => format!(
                "{name}: median of {} runs ({} s)",
                runs.len(),
                runs.iter().map(|w| format!("{w:.2}")).collect::<Vec<_>>().join(", ")
            ),
        };
        format!("| {name} | {:.1} | {:.1} | {busy} |\n", t.wall, t.cpu)
    };
    let fresh = [
        "| run | seconds | CPU seconds | machine busy, CPU seconds |\n|---|---:|---:|---:|\n"
            .to_string(),
        row(
            "first page of `cargo xtask serve` (compiles the book builder; quizzes come later)",
            &serve,
        ),
        row("`bash .ci/run`, everything", &ci),
        row("`cargo test`, warm, nothing changed", &warm_test),
        row("`cargo test`, one listing touched", &touched_test),
        row("`cargo xtask test`, warm (the browser suite's pass remembered)", &warm_xtask),
    ]
    .concat();
    let phase_rows: String = phases
        .iter()
        .map(|p| format!("| {} | {:.1} | {} |\n", p.name, p.seconds, p.result))
        .collect();
    let phase_note = phases_note(&ci_log);
    let weight_rows: String = weights
        .iter()
        .map(|(page, bytes, files)| format!("| {page} | {bytes} | {files} |\n"))
        .collect();
    let weights = if weights.is_empty() {
        "The browser suite's log of that run reports no page weights.\n".to_string()
    } else {
        format!(
            "| page | bytes fetched (all of them count against the 800 KB budget) | files |\n|---|---:|---:|\n{weight_rows}"
        )
    };

    let naive_row = |name: &str, t: &Timed| {
        format!("| {name} | {:.1} | {:.1} | {:.3} |\n", t.wall, t.cpu, t.wall / naive.wall)
    };
    let versus = [
        "| run | seconds | CPU seconds | vs. naive |\n|---|---:|---:|---:|\n".to_string(),
        naive_row("(a) naive: `cargo run` per listing, own target dir, cold", &naive),
        naive_row("(b) harness, cold (empty target dir)", &cold),
        naive_row("(c) harness, warm, nothing changed", &warm),
        naive_row("(d) harness, one listing touched", &one),
    ]
    .concat();
    // Where the naive time goes: a listing with heavy dependencies costs the same in (a) and (b),
    // because the naive way builds them once too.
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

    let report = format!(
        "# Benchmarks\n\n\
         Written by `cargo xtask bench` (do not edit by hand) on {machine}, commit {commit}. \
         Fresh clone means `git clone` into a new folder and an empty `CARGO_HOME` (the crates \
         come from the registry); CPU seconds are user + system time of every process the run \
         waited for, which misses most of chromium's; the machine's busy time counts every \
         process (`/proc/stat`).\n\n\
         ## Goals\n\n{goals}\n\
         ## What readers and authors wait for\n\n{fresh}\n\
         The cold CI run by phase (its own table; the tools phase ran beside format and build, \
         postbuild and browser beside listings and flakes):\n\n\
         | phase | seconds | result |\n|---|---:|---|\n{phase_rows}\n{phase_note}\
         Page weights, as the browser suite measured them in that run:\n\n{weights}\n\
         ## The harness against the naive way\n\n\
         {} listings, {} of them runnable. The naive way builds and runs only the runnable ones; \
         the harness also compiles every compile-fail listing and checks every output, page and \
         quiz. There is no target for the ratio: these listings share almost no dependencies, \
         so a shared target dir has little to save.\n\n{versus}\n\
         Slowest listings in (a): {slowest}.\n",
        listings.len(),
        runnable.len()
    );
    println!("{report}");
    std::fs::write(root.join("BENCHMARKS.md"), report).map_err(|e| e.to_string())
}

struct Timed {
    wall: f64,
    /// User and system time of the processes waited for meanwhile: wall time close to CPU time
    /// divided by the core count means the run was CPU-bound.
    cpu: f64,
    /// The machine's busy CPU seconds meanwhile, every process's (cpu.rs); `None` without
    /// `/proc/stat`.
    busy: Option<f64>,
    /// The wall time of each run it stands for (`median_of`), in the order they ran.
    runs: Vec<f64>,
}

/// Runs `run` `n` times: the run of median wall time, with every run's wall time (`runs`).
fn median_of(n: usize, mut run: impl FnMut() -> Result<Timed, String>) -> Result<Timed, String> {
    let runs = (0..n).map(|_| run()).collect::<Result<Vec<_>, _>>()?;
    median(runs).ok_or_else(|| "median of no runs".to_string())
}

fn median(mut runs: Vec<Timed>) -> Option<Timed> {
    let walls: Vec<f64> = runs.iter().map(|t| t.wall).collect();
    runs.sort_by(|a, b| a.wall.total_cmp(&b.wall));
    let mut middle = runs.into_iter().nth(walls.len() / 2)?;
    middle.runs = walls;
    Some(middle)
}

fn timed(f: impl FnOnce() -> Result<(), String>) -> Result<Timed, String> {
    let (started, cpu_before, ticks) = (Instant::now(), children_cpu(), crate::cpu::Ticks::now());
    f()?;
    let busy = ticks.zip(crate::cpu::Ticks::now()).map(|(a, b)| a.since(b).0);
    let wall = started.elapsed().as_secs_f64();
    Ok(Timed { wall, cpu: children_cpu() - cpu_before, busy, runs: vec![wall] })
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

/// Cores, memory, processor and Rust, and how busy the machine was when the bench started.
fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name").and_then(|r| r.split_once(':')))
        .map_or("unknown processor".to_string(), |(_, m)| m.trim().to_string());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let memory_kib: f64 = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|r| r.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0.0);
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load = load.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
    let rustc = Command::new("rustc")
        .arg("--version")
        .output()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default();
    format!(
        "{cores} cores ({model}), {:.0} GiB, {rustc}, load average {load} at the start",
        memory_kib / 1024.0 / 1024.0
    )
}

fn git(root: &Path, args: &[&str]) -> Result<String, String> {
    let out = Command::new("git")
        .current_dir(root)
        .args(args)
        .output()
        .map_err(|e| format!("could not start git: {e}"))?;
    if !out.status.success() {
        return Err(format!("git {}: {}", args.join(" "), String::from_utf8_lossy(&out.stderr)));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// A new clone of `commit` and an empty cargo home for it.
fn fresh_clone(
    root: &Path,
    commit: &str,
    scratch: &Path,
    name: &str,
) -> Result<(PathBuf, PathBuf), String> {
    let clone = scratch.join(format!("clone-{name}"));
    let home = scratch.join(format!("cargo-home-{name}"));
    std::fs::create_dir_all(&home).map_err(|e| format!("{}: {e}", home.display()))?;
    let dest = clone.to_string_lossy().into_owned();
    git(root, &["clone", "--quiet", "--no-checkout", ".", &dest])?;
    git(&clone, &["checkout", "--quiet", commit])?;
    Ok((clone, home))
}

fn remove(clone: &Path, home: &Path) {
    let _ = std::fs::remove_dir_all(clone);
    let _ = std::fs::remove_dir_all(home);
}

/// A command that runs in `dir` as on a fresh machine: this cargo's variables removed (so the
/// clone's rust-toolchain.toml and its own cargo home decide), `home` as the cargo home.
fn fresh_command(program: &str, dir: &Path, home: &Path) -> Command {
    let mut cmd = Command::new(program);
    cmd.current_dir(dir);
    for (key, _) in std::env::vars_os() {
        let key = key.to_string_lossy();
        if key == "CARGO" || key.starts_with("CARGO_") || key.starts_with("RUSTUP_TOOLCHAIN") {
            cmd.env_remove(&*key);
        }
    }
    cmd.env("CARGO_HOME", home);
    cmd
}

/// `cargo xtask serve` until the book's first page answers; then it is stopped, with every
/// process it started (its own process group).
fn first_page(clone: &Path, home: &Path) -> Result<(), String> {
    let log = std::fs::File::create(clone.with_extension("log")).map_err(|e| e.to_string())?;
    let mut serve = fresh_command("cargo", clone, home)
        .args(["xtask", "serve", "--port", &BENCH_PORT.to_string()])
        .stdout(log.try_clone().map_err(|e| e.to_string())?)
        .stderr(log)
        .process_group(0)
        .spawn()
        .map_err(|e| format!("could not start cargo xtask serve: {e}"))?;
    let answered = loop {
        if answers(BENCH_PORT) {
            break Ok(());
        }
        if let Ok(Some(status)) = serve.try_wait() {
            break Err(format!(
                "cargo xtask serve ended ({status}) before serving a page; see {}",
                clone.with_extension("log").display()
            ));
        }
        std::thread::sleep(Duration::from_millis(250));
    };
    // SAFETY: kill only sends a signal, to the group this function started.
    unsafe { libc::kill(-(serve.id() as i32), libc::SIGTERM) };
    let _ = serve.wait();
    answered
}

/// Whether the book's first page is served on the port.
fn answers(port: u16) -> bool {
    let Ok(mut stream) = TcpStream::connect(("127.0.0.1", port)) else { return false };
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    if stream.write_all(b"GET / HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").is_err() {
        return false;
    }
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    answer.starts_with("HTTP/1.") && answer.contains(" 200 ") && answer.contains("<html")
}

/// `bash .ci/run`, its output to `log`; it must pass.
fn cold_ci(clone: &Path, home: &Path, log: &Path) -> Result<(), String> {
    let out = std::fs::File::create(log).map_err(|e| format!("{}: {e}", log.display()))?;
    let status = fresh_command("bash", clone, home)
        .arg(".ci/run")
        .stdout(out.try_clone().map_err(|e| e.to_string())?)
        .stderr(out)
        .status()
        .map_err(|e| format!("could not start bash .ci/run: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("bash .ci/run failed on a fresh clone ({status}); see {}", log.display()))
    }
}

#[derive(Debug, PartialEq)]
struct Phase {
    name: String,
    seconds: f64,
    result: String,
}

/// The phase table `cargo xtask test` ends with (`build      175.0 s  ok`).
fn phase_table(log: &str) -> Vec<Phase> {
    let table = log.rsplit_once("\nphase ").map_or("", |(_, t)| t);
    table
        .lines()
        .skip(1)
        .map_while(|line| {
            let mut words = line.split_whitespace();
            let name = words.next()?.to_string();
            let seconds = words.next()?.parse().ok()?;
            (words.next()? == "s").then_some(())?;
            Some(Phase { name, seconds, result: words.next()?.to_string() })
        })
        .collect()
}

/// What CI says about the time around the phases (`CI: system packages ready after 3 s`), and
/// how busy the cores were (`cores busy 99 % of the time ...`).
fn phases_note(log: &str) -> String {
    let lines: Vec<&str> =
        log.lines().filter(|l| l.starts_with("CI: ") || l.starts_with("cores busy ")).collect();
    if lines.is_empty() { String::new() } else { format!("{}\n\n", lines.join("; ")) }
}

/// The browser suite's `weight: ch03-box.html 778258 bytes in 23 files` lines (checks/pages.mjs).
fn page_weights(log: &str) -> Vec<(String, u64, u64)> {
    log.lines()
        .filter_map(|line| {
            let (_, rest) = line.split_once("weight: ")?;
            let (page, rest) = rest.split_once(' ')?;
            let (bytes, rest) = rest.split_once(" bytes in ")?;
            let files = rest.strip_suffix(" files")?;
            Some((page.to_string(), bytes.parse().ok()?, files.parse().ok()?))
        })
        .collect()
}

fn touch(file: &Path) -> Result<(), String> {
    let f = std::fs::File::options().append(true).open(file).map_err(|e| e.to_string())?;
    f.set_modified(std::time::SystemTime::now()).map_err(|e| e.to_string())
}

fn quiet(cmd: &mut Command, what: &str) -> Result<(), String> {
    let status = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map_err(|e| format!("could not start {what}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed; fix it before benchmarking"))
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_median_is_the_middle_run_and_lists_every_run_in_order() {
        let run = |wall, cpu| Timed { wall, cpu, busy: Some(cpu), runs: vec![wall] };
        let middle = median(vec![run(1.2, 1.0), run(0.8, 2.0), run(0.9, 3.0)]).unwrap();
        assert_eq!((middle.wall, middle.cpu), (0.9, 3.0), "the run of median wall time, whole");
        assert_eq!(middle.runs, [1.2, 0.8, 0.9]);
        assert!(median(Vec::new()).is_none());
    }

    #[test]
    fn the_phase_table_is_read_from_the_end_of_the_log() {
        let log = "==> build\nphase one of the build\n\nphase     time      result   (tools ran beside format, build, listings and flakes)\n\
                   tools      212.3 s  ok\nformat       0.2 s  ok\nbrowser     38.0 s  FAILED\n\
                   cores busy 98 % of the time (570 CPU-s on 2 cores, /proc/stat)\nphases: 2 passed, 1 failed\nCI: finished in 290 s\n";
        let phase = |name: &str, seconds, result: &str| Phase {
            name: name.into(),
            seconds,
            result: result.into(),
        };
        assert_eq!(
            phase_table(log),
            [
                phase("tools", 212.3, "ok"),
                phase("format", 0.2, "ok"),
                phase("browser", 38.0, "FAILED")
            ]
        );
        assert_eq!(
            phases_note(log),
            "cores busy 98 % of the time (570 CPU-s on 2 cores, /proc/stat); CI: finished in 290 s\n\n"
        );
        assert_eq!(phase_table("no table"), []);
    }

    #[test]
    fn page_weights_are_read_from_the_browser_suites_lines() {
        let log = "# weight: ch03-box.html 778258 bytes in 23 files\n\
                   weight: introduction.html 585000 bytes in 19 files\n\
                   ok 3 - ch03-box.html loads cleanly\nweight: x 12 bytes, lost\n";
        assert_eq!(
            page_weights(log),
            [
                ("ch03-box.html".to_string(), 778_258, 23),
                ("introduction.html".to_string(), 585_000, 19)
            ]
        );
    }
}
