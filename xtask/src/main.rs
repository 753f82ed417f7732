//! `cargo xtask serve` and `cargo xtask test`: the book's two entry points (see README.md).

mod bench;
mod book;
mod browser;
mod cpu;
mod diagrams;
mod exercise;
mod kept;
mod listings;
mod prose;
mod serve;
mod tools;
mod upgrade;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

const USAGE: &str =
    "usage: cargo xtask <serve|test|exercise|shots|tools|bench|mutants|flakes|upgrade-rust|prose>
  serve [--port N]
          install mdbook-quiz if missing, build the book, and serve it on
          http://127.0.0.1:3000 (or port N), rebuilding and reloading the pages as you edit
  test    install what is missing, then run every test (listings, harness self-test, page code
          blocks, book build and links, the book in headless chromium) and print a time per phase
  exercise [NAME] [--once] [--solution] [--list]
          copy an exercise's starter into exercises/NAME/, run its tests, and run them again
          on every save, with your progress (`3 of 19 solved`)
  shots [PAGE...]
          screenshots of the built book (every page, or those named) at 1280 and 390 px, light
          and navy, into target/browser-shots/, to look at
  tools   only install the pinned book tools into .tools/: mdbook-quiz, and the mdbook CLI
          and mdbook-mermaid for authors who want them (no command here needs them)
  bench   time what readers and authors wait for (first served page and CI on a fresh clone,
          warm and one-listing cargo test, the harness against the naive way, page weights);
          writes BENCHMARKS.md
  mutants [ARGS]
          mutation testing of the model and the harness with the pinned cargo-mutants
          (installed into .tools/ on first use); ARGS go to cargo mutants
  flakes [N] [--threaded]
          run every listing (or only the threaded and deadlock ones) N times (default 20) and
          report any whose outcome or output differs between runs
  upgrade-rust
          (as `cargo +<toolchain> xtask upgrade-rust`) bless every listing under that toolchain,
          write the review report target/upgrade-report.md, and pin the toolchain if all pass
  prose [PAGE...]
          per page: sentences, the share chaining two or more of `:` `;` `—` `(`, banned words;
          with pages named, every such sentence with its line";

fn main() -> ExitCode {
    let root = workspace_root();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => serve_port(&args[1..]).and_then(|port| book::serve(&root, port)),
        Some("test") => test(&root),
        Some("tools") => tools::install(&root, &tools::ALL),
        Some("bench") => bench::bench(&root),
        Some("flakes") => flakes(&root, &args[1..], false),
        Some("mutants") => mutants(&root, &args[1..]),
        Some("upgrade-rust") => upgrade::upgrade(&root),
        Some("prose") => prose::report(&root, &args[1..]),
        Some("exercise") => exercise::run(&root, &args[1..]),
        Some("shots") => browser::shots(&root, &args[1..]),
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// `serve [--port N]`; 3000 without.
fn serve_port(args: &[String]) -> Result<u16, String> {
    match args {
        [] => Ok(3000),
        [flag, port] if flag == "--port" => {
            port.parse().map_err(|_| format!("serve: --port {port:?} is not a port number"))
        }
        _ => Err(format!("serve: unexpected arguments {args:?}; expected `--port N` or none")),
    }
}

fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace root")
        .to_path_buf()
}

type Phase = fn(&Path) -> Result<(), String>;

/// Every phase runs even when an earlier one failed, so one run reports everything.
fn test(root: &Path) -> Result<(), String> {
    let started = cpu::Ticks::now();
    let mut results = Vec::new();
    std::thread::scope(|s| {
        // Only the book phase needs the pinned tools. On a fresh machine compiling them takes
        // minutes, so it runs beside format and build instead of before them (niced: the
        // build comes first).
        let tools = s.spawn(|| {
            run_phase("tools", |root| tools::install_in_background(root, &tools::FOR_BOOK), root)
        });
        results.push(run_phase("format", format, root));
        // The book's builder too, so that the book phase needs no cargo (book.rs).
        let build =
            |root: &Path| cargo_test(root, &["--no-run"]).and_then(|()| book::compile(root, true));
        results.push(run_phase("build", build, root));
        results.insert(0, tools.join().expect("the tools phase does not panic"));
    });
    // The book and what happens in a browser need no cargo (the build phase compiled the
    // book's programs; the kind table is handed to the browser suite), so they run beside the
    // listing phases: their deadlock and timing listings leave the cores idle for seconds at a
    // time. Their output goes to a log, shown when they are done, so that the two do not
    // interleave.
    let log = root.join("target/browser-phases.log");
    let _ = std::fs::remove_file(&log);
    let kinds = browser::kinds(root);
    std::thread::scope(|s| {
        let browser = s.spawn(|| {
            let book = run_phase_logged("book", &log, book::build, root);
            let build = run_phase_logged("postbuild", &log, diagrams::render, root);
            let suite = run_phase_logged(
                "browser",
                &log,
                |root, out| browser::test(root, kinds.as_deref().map_err(Clone::clone)?, out),
                root,
            );
            [book, build, suite]
        });
        results.push(run_phase("listings", |root| cargo_test(root, &[]), root));
        results.push(run_phase(
            "flakes",
            |root| flakes(root, &["3".into(), "--threaded".into()], true),
            root,
        ));
        let browser = browser.join().expect("the browser phases do not panic");
        eprintln!(
            "\n==> book, postbuild, browser (they ran beside listings and flakes: {})",
            log.display()
        );
        match std::fs::read_to_string(&log) {
            Ok(text) => eprint!("{text}"),
            Err(error) => eprintln!("cannot read {}: {error}", log.display()),
        }
        results.extend(browser);
    });
    eprintln!(
        "\nphase          time      result   (tools ran beside format and build; book, postbuild and browser beside listings and flakes)"
    );
    for (name, took, ok) in &results {
        eprintln!(
            "{name:<13} {:>6.1} s  {}",
            took.as_secs_f64(),
            if *ok { "ok" } else { "FAILED" }
        );
    }
    // Whether the run waited for work (cores busy) or for something else.
    if let Some(busy) = cpu::report(started) {
        eprintln!("{busy}");
    }
    let failed = results.iter().filter(|(_, _, ok)| !ok).count();
    println!("phases: {} passed, {failed} failed", results.len() - failed);
    if failed == 0 { Ok(()) } else { Err(format!("{failed} phase(s) failed")) }
}

/// A phase whose commands write to `log` (appended), with its header and error there too.
fn run_phase_logged<'a>(
    name: &'a str,
    log: &Path,
    phase: impl FnOnce(&Path, &std::fs::File) -> Result<(), String>,
    root: &Path,
) -> (&'a str, Duration, bool) {
    let started = Instant::now();
    let outcome = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(log)
        .map_err(|e| format!("cannot write {}: {e}", log.display()))
        .and_then(|mut out| {
            use std::io::Write;
            let _ = writeln!(out, "\n==> {name}");
            let outcome = phase(root, &out);
            if let Err(error) = &outcome {
                let _ = writeln!(out, "error in phase {name}: {error}");
            }
            outcome
        });
    if let Err(error) = &outcome {
        eprintln!("error in phase {name}: {error}");
    }
    (name, started.elapsed(), outcome.is_ok())
}

fn run_phase<'a>(name: &'a str, phase: Phase, root: &Path) -> (&'a str, Duration, bool) {
    eprintln!("\n==> {name}");
    let started = Instant::now();
    let outcome = phase(root);
    if let Err(error) = &outcome {
        eprintln!("error in phase {name}: {error}");
    }
    (name, started.elapsed(), outcome.is_ok())
}

/// Readers copy the listings: they are laid out the way `cargo fmt` lays out their code (the
/// harness and xtask too, with the same rustfmt.toml).
fn format(root: &Path) -> Result<(), String> {
    let status = cargo()
        .current_dir(root)
        .args(["fmt", "--all", "--check"])
        .status()
        .map_err(|e| format!("could not start cargo fmt: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err("not laid out as `cargo fmt` would (run `cargo fmt`, then re-bless snapshots whose line numbers moved)".into())
    }
}

pub fn cargo() -> Command {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
}

/// The book's `cargo test` (exactly the one a developer runs, so the two never rebuild each
/// other's binaries) and, beside it, the harness crates with their fault-injection self-test
/// and xtask, and the page code blocks (skeptic). cargo runs one command's test binaries one
/// after another: on a warm checkout the three commands took 19 s in a row, 11 s side by side.
/// The two beside the book's hold their output and show it when it is done, so nothing
/// interleaves. Listing packages are not `cargo test`ed directly: some must not compile.
fn cargo_test(root: &Path, extra: &[&str]) -> Result<(), String> {
    let mut others = cargo();
    others
        .current_dir(root)
        .args(["test", "--no-fail-fast", "--package", "xtask", "--package", "book-listings"])
        .args(["--package", "listing-harness"])
        .args(extra);
    let mut pages = with_listing_flags(cargo());
    pages
        .current_dir(root)
        .args(["test", "--no-fail-fast"])
        .args(book::PAGES)
        .args(extra)
        // skeptic's workers run one block's freshly linked binary while another worker forks a
        // compiler; a fork that inherits the binary's still-open write handle makes the exec
        // fail with "Text file busy" (seen in CI). One worker avoids the race.
        .env("SKEPTIC_JOBS", "1");
    std::thread::scope(|s| {
        let others = s.spawn(|| held_output(&mut others));
        let pages = s.spawn(|| held_output(&mut pages));
        let harness = cargo()
            .current_dir(root)
            .args(["test", "--no-fail-fast"])
            .args(extra)
            .status()
            .map_err(|e| format!("could not start cargo: {e}"));
        let mut ok = harness?.success();
        for held in [others, pages] {
            let (success, output) =
                held.join().expect("reading a command's output does not panic")?;
            eprint!("{output}");
            ok &= success;
        }
        if ok { Ok(()) } else { Err("cargo test failed".into()) }
    })
}

/// Runs `cmd` with its standard output and error into one pipe, and returns whether it
/// succeeded and what it wrote, in the order it wrote it.
fn held_output(cmd: &mut Command) -> Result<(bool, String), String> {
    use std::io::Read;
    let (mut reader, writer) = std::io::pipe().map_err(|e| format!("cannot make a pipe: {e}"))?;
    let copy = writer.try_clone().map_err(|e| format!("cannot make a pipe: {e}"))?;
    let mut child = cmd
        .stdout(copy)
        .stderr(writer)
        .spawn()
        .map_err(|e| format!("could not start cargo: {e}"))?;
    // The command's copies of the pipe's writing end must close, or the read below never ends.
    cmd.stdout(Stdio::null()).stderr(Stdio::null());
    let mut output = Vec::new();
    reader.read_to_end(&mut output).map_err(|e| format!("cannot read cargo's output: {e}"))?;
    let status = child.wait().map_err(|e| format!("cargo: {e}"))?;
    Ok((status.success(), String::from_utf8_lossy(&output).into_owned()))
}

/// The rustc flags the listing harness builds every listing with (`RUSTFLAGS` in
/// crates/listing-harness/src/cargo.rs). Flags are part of every compiled crate's identity, so
/// skeptic's dependencies built without them would be compiled a second time for the listings
/// that use the same crates: jemalloc's C library alone is two minutes of CPU on a cold build.
pub const LISTING_RUSTFLAGS: &str = "--diagnostic-width=140";

/// A cargo command that builds with the harness's flags (skeptic, and the book builder that
/// shares skeptic's mdbook-driver); cargo's own variable, which wins over any other flags.
pub fn with_listing_flags(mut cmd: Command) -> Command {
    cmd.env_remove("RUSTFLAGS").env("CARGO_ENCODED_RUSTFLAGS", LISTING_RUSTFLAGS);
    cmd
}

/// `cargo mutants` over the model (book-listings, mdbook-listings) and the harness's pure
/// modules, whose unit tests run in seconds; the rest of the harness is covered by its
/// fault-injection suite, which takes too long to run once per mutant (README, "Mutation
/// testing").
fn mutants(root: &Path, args: &[String]) -> Result<(), String> {
    tools::install(root, &tools::MUTANTS)?;
    let mut cmd = Command::new(root.join(tools::DIR).join("bin/cargo-mutants"));
    cmd.current_dir(root).arg("mutants").env("PATH", tools::path_with_tools(root));
    if args.is_empty() {
        cmd.args(["--package", "book-listings", "--package", "mdbook-listings"]);
        cmd.args(["--package", "listing-harness"]);
        for file in PURE_HARNESS_MODULES {
            cmd.args(["--file", file]);
        }
        cmd.args([
            "--file",
            "crates/book-listings/src/*.rs",
            "--file",
            "crates/mdbook-listings/src/*.rs",
        ]);
        cmd.args(["--", "--lib"]);
    } else {
        cmd.args(args);
    }
    let status = cmd.status().map_err(|e| format!("could not start cargo mutants: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err("cargo mutants found surviving mutants (mutants.out/missed.txt)".into())
    }
}

/// The harness modules that are pure functions over data, killed by unit tests.
const PURE_HARNESS_MODULES: [&str; 8] = [
    "crates/listing-harness/src/normalise.rs",
    "crates/listing-harness/src/valgrind.rs",
    "crates/listing-harness/src/snapshot.rs",
    "crates/listing-harness/src/options.rs",
    "crates/listing-harness/src/failure.rs",
    "crates/listing-harness/src/cargo.rs",
    "crates/listing-harness/src/verdict/*.rs",
    "crates/listing-harness/src/process.rs",
];

/// Runs listings N times each, in the harness's repeat mode: a listing whose outcome or
/// normalised output differs between runs fails with both runs shown.
/// Runs listings `N` times each. The test command's phase (`remember`) skips a listing whose
/// `N` runs passed before with the same inputs, as the listing phase does for one run; a flake
/// hunt from the command line always runs them, for every run is another chance to see a flake.
fn flakes(root: &Path, args: &[String], remember: bool) -> Result<(), String> {
    let times: usize = match args.iter().find(|a| !a.starts_with("--")) {
        Some(n) => n.parse().map_err(|_| format!("flakes: {n:?} is not a number of runs"))?,
        None => 20,
    };
    let mut cmd = cargo();
    cmd.current_dir(root)
        .args(["test", "--test", "listings"])
        .env("BOOK_REPEAT", times.to_string());
    if !remember {
        cmd.env("BOOK_NO_CACHE", "1");
    }
    if args.iter().any(|a| a == "--threaded") {
        let names: Vec<String> = listings::listings(root)?
            .into_iter()
            .filter(|l| l.is_threaded())
            .map(|l| l.name)
            .collect();
        eprintln!("flakes: {} threaded or deadlock listings, {times} runs each", names.len());
        cmd.env("BOOK_ONLY", names.join(","));
    } else {
        eprintln!("flakes: every listing, {times} runs each");
    }
    let status = cmd.status().map_err(|e| format!("could not start cargo: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err("some listings are flaky or failing (see above)".into())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn skeptic_builds_with_the_harness_s_flags() {
        let harness = include_str!("../../crates/listing-harness/src/cargo.rs");
        let constant = format!("pub const RUSTFLAGS: &str = \"{}\";", super::LISTING_RUSTFLAGS);
        assert!(harness.contains(&constant), "listing-harness's RUSTFLAGS changed: {constant}");
    }

    #[test]
    fn everything_else_builds_with_the_harness_s_flags_too() {
        let config: toml::Table = include_str!("../../.cargo/config.toml").parse().unwrap();
        let flags =
            config["build"]["rustflags"].as_array().expect(".cargo/config.toml: build.rustflags");
        let flags: Vec<&str> = flags.iter().filter_map(|f| f.as_str()).collect();
        assert_eq!(
            flags.join(" "),
            super::LISTING_RUSTFLAGS,
            ".cargo/config.toml's build.rustflags"
        );
    }
}
