//! `cargo test`: builds and runs every listing of the book and checks it against what the
//! book shows. See README.md ("Writing a listing") for the format.

mod harness;

use std::path::Path;
use std::process::ExitCode;

use libtest_mimic::{Arguments, Failed, Trial};

fn main() -> ExitCode {
    let mut args = Arguments::from_args();
    // Most of a listing's time is spent waiting (deadlocks, valgrind start-up, sleeps), so
    // run more of them at once than there are cores. `--test-threads` still overrides this.
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    args.test_threads.get_or_insert(cores * 4);
    let checks = match harness::checks(
        Path::new(env!("CARGO_MANIFEST_DIR")),
        harness::Options::from_env(),
    ) {
        Ok(checks) => checks,
        Err(error) => {
            eprintln!("error: {error}");
            return ExitCode::FAILURE;
        }
    };
    // `BOOK_ONLY=a,b,c`: exactly these checks (the flake hunt picks the threaded listings).
    let only: Option<Vec<String>> =
        std::env::var("BOOK_ONLY").ok().map(|v| v.split(',').map(str::to_string).collect());
    let trials: Vec<Trial> = checks
        .into_iter()
        .filter(|check| only.as_ref().is_none_or(|names| names.contains(&check.name)))
        .map(|check| {
            let ignored = check.ignored.is_some();
            let run = check.run;
            Trial::test(check.name, move || run().map_err(Failed::from)).with_ignored_flag(ignored)
        })
        .collect();
    if let Some(filter) = &args.filter {
        let matches =
            |name: &str| if args.exact { name == filter } else { name.contains(filter.as_str()) };
        if !trials.iter().any(|t| matches(t.name())) {
            // A package name (`ch03-07-jemalloc`) is the natural guess, and it matches nothing.
            eprintln!(
                "note: no check of the book matches `{filter}`. Checks are named after a \
                 listing's folder (`ch03-box/07-jemalloc`), a page (`src/ch03-box.md`) or a quiz \
                 file; `cargo test -- --list` lists them all."
            );
        }
    }
    libtest_mimic::run(&args, trials).exit_code()
}
