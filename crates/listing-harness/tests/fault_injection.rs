//! The harness's self-test: a throw-away book whose listings, pages and quizzes are each broken
//! in one way. Every check on it must fail, with the message that names the mistake. A harness
//! that cannot fail is worth nothing.

use listing_harness::{self as harness, Failure, Options};

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// One listing of the throw-away book.
struct Fault {
    name: &'static str,
    /// The `[package.metadata.listing]` table's body ("" for none at all; a text starting with
    /// `[` is written as it is, table header included).
    metadata: &'static str,
    main_rs: &'static str,
    /// A snapshot that the real run will not match (None: no snapshot file).
    snapshot: Option<&'static str>,
    /// How the page shows it (`{src}` and `{out}` are replaced by the include directives).
    page: &'static str,
    /// More files of the listing: (path in its folder, text).
    files: &'static [(&'static str, &'static str)],
}

const SHOWN: &str = "```rust\n{src}\n```\n\n```text\n{out}\n```\n";

const FAULTS: &[Fault] = &[
    Fault {
        name: "00-correct",
        metadata: "kind = \"run\"",
        main_rs: "fn main() { println!(\"right\"); }",
        snapshot: Some("right\n"),
        page: SHOWN,
        files: &[],
    },
    Fault {
        name: "01-wrong-stdout",
        metadata: "kind = \"run\"",
        main_rs: "fn main() { println!(\"what it really prints\"); }",
        snapshot: Some("what the book claims\n"),
        page: SHOWN,
        files: &[],
    },
    Fault {
        name: "02-compile-fail-compiles",
        metadata: "kind = \"compile-fail\"\nerrors = [\"E0502\"]",
        main_rs: "fn main() { let v = vec![1]; println!(\"{}\", v[0]); }",
        snapshot: Some(""),
        page: "```rust,compile_fail\n{src}\n```\n\n```text\n{out}\n```\n",
        files: &[],
    },
    Fault {
        name: "03-wrong-error-code",
        metadata: "kind = \"compile-fail\"\nerrors = [\"E0499\"]",
        main_rs: "fn main() { let mut v = vec![1]; let f = &v[0]; v.push(2); println!(\"{f}\"); }",
        snapshot: Some(""),
        page: "```rust,compile_fail\n{src}\n```\n\n```text\n{out}\n```\n",
        files: &[],
    },
    Fault {
        name: "04-panic-that-does-not",
        metadata: "kind = \"panic\"\nmessage = \"boom\"",
        main_rs: "fn main() { println!(\"calm\"); }",
        snapshot: Some("calm\n"),
        page: "```rust,should_panic\n{src}\n```\n\n```text\n{out}\n```\n",
        files: &[],
    },
    Fault {
        name: "05-panic-other-message",
        metadata: "kind = \"panic\"\nmessage = \"boom\"",
        main_rs: "fn main() { panic!(\"fizz\"); }",
        snapshot: Some(""),
        page: "```rust,should_panic\n{src}\n```\n\n```text\n{out}\n```\n",
        files: &[],
    },
    Fault {
        name: "06-deadlock-that-finishes",
        metadata: "kind = \"deadlock\"\ntimeout-secs = 1",
        main_rs: "fn main() { let m = std::sync::Mutex::new(0); *m.lock().unwrap() += 1; println!(\"done\"); }",
        snapshot: Some("done\n"),
        page: "```rust,no_run\n{src}\n```\n\n```text\n{out}\n```\n",
        files: &[],
    },
    Fault {
        name: "07-run-that-hangs",
        metadata: "kind = \"run\"\ntimeout-secs = 1",
        // It also starts a child that would outlive it if the harness killed only the listing.
        main_rs: "fn main() {\n    std::process::Command::new(\"sleep\").arg(\"987.654\").spawn().unwrap();\n    loop { std::thread::park(); }\n}",
        snapshot: Some(""),
        page: SHOWN,
        files: &[],
    },
    Fault {
        name: "08-leak-that-does-not",
        metadata: "kind = \"leak\"",
        main_rs: "fn main() { let b = Box::new(5); println!(\"{b}\"); }",
        snapshot: Some("5\n"),
        page: "```rust,no_run\n{src}\n```\n\n```text\n{out}\n```\n",
        files: &[],
    },
    Fault {
        name: "09-run-that-leaks",
        metadata: "kind = \"run\"\ncheck-leaks = true",
        main_rs: "fn main() { let b: &'static mut [u8] = Box::leak(vec![1u8; 100].into_boxed_slice()); println!(\"{}\", b.len()); }",
        snapshot: Some("100\n"),
        page: SHOWN,
        files: &[],
    },
    Fault {
        name: "10-crash-that-does-not",
        metadata: "kind = \"crash\"\nmessage = \"has overflowed its stack\"",
        main_rs: "fn main() { println!(\"fine\"); }",
        snapshot: Some("fine\n"),
        page: "```rust,no_run\n{src}\n```\n\n```text\n{out}\n```\n",
        files: &[],
    },
    Fault {
        name: "11-test-that-fails",
        metadata: "kind = \"test\"",
        main_rs: "",
        snapshot: Some(""),
        page: "```rust,ignore\n{lib}\n```\n\n```text\n{out}\n```\n",
        files: &[],
    },
    Fault {
        name: "12-run-that-does-not-compile",
        metadata: "kind = \"run\"",
        main_rs: "fn main() { let x: u32 = \"text\"; println!(\"{x}\"); }",
        snapshot: Some(""),
        page: SHOWN,
        files: &[],
    },
    Fault {
        name: "13-no-metadata",
        metadata: "",
        main_rs: "fn main() {}",
        snapshot: Some(""),
        page: SHOWN,
        files: &[],
    },
    Fault {
        name: "14-unknown-kind",
        metadata: "kind = \"explode\"",
        main_rs: "fn main() {}",
        snapshot: Some(""),
        page: SHOWN,
        files: &[],
    },
    Fault {
        name: "15-compile-fail-without-codes",
        metadata: "kind = \"compile-fail\"",
        main_rs: "fn main() { let x: u32 = \"text\"; }",
        snapshot: Some(""),
        page: "```rust,compile_fail\n{src}\n```\n\n```text\n{out}\n```\n",
        files: &[],
    },
    Fault {
        name: "16-misspelt-key",
        metadata: "kind = \"run\"\ntimeout-sec = 3",
        main_rs: "fn main() {}",
        snapshot: Some(""),
        page: SHOWN,
        files: &[],
    },
    Fault {
        name: "17-orphan",
        metadata: "kind = \"run\"",
        main_rs: "fn main() { println!(\"nobody reads me\"); }",
        snapshot: Some("nobody reads me\n"),
        page: "",
        files: &[],
    },
    Fault {
        name: "18-missing-snapshot",
        metadata: "kind = \"run\"",
        main_rs: "fn main() { println!(\"new\"); }",
        snapshot: None,
        page: SHOWN,
        files: &[],
    },
    Fault {
        name: "19-wrong-annotation",
        metadata: "kind = \"panic\"\nmessage = \"boom\"",
        main_rs: "fn main() { panic!(\"boom\"); }",
        snapshot: None,
        page: SHOWN,
        files: &[],
    },
    Fault {
        name: "20-output-not-shown",
        metadata: "kind = \"run\"",
        main_rs: "fn main() { println!(\"hidden\"); }",
        snapshot: Some("hidden\n"),
        page: "```rust\n{src}\n```\n",
        files: &[],
    },
    Fault {
        name: "21-quiz-program",
        metadata: "kind = \"run\"",
        main_rs: "fn main() {\n    println!(\"{}\", 1 + 1);\n}",
        snapshot: Some("2\n"),
        page: "",
        files: &[],
    },
    Fault {
        name: "22-clippy-finds-more",
        metadata: "kind = \"run\"\n\n[[package.metadata.listing.clippy]]\nlints = []",
        main_rs: "fn get(x: &i32) -> i32 { *x }\nfn main() { let x = 1; println!(\"{}\", get(&&x)); }",
        snapshot: Some("1\n"),
        page: "```rust\n{src}\n```\n\n```text\n{out}\n```\n\n```text\n{clippy}\n```\n",
        files: &[],
    },
    Fault {
        name: "23-clippy-not-shown",
        metadata: "kind = \"run\"\n\n[[package.metadata.listing.clippy]]\nlints = []",
        main_rs: "fn main() { println!(\"clean\"); }",
        snapshot: Some("clean\n"),
        page: SHOWN,
        files: &[],
    },
    Fault {
        name: "24-clippy-bad-lint-name",
        metadata: "kind = \"run\"\n\n[[package.metadata.listing.clippy]]\nlints = [\"needless borrow\"]",
        main_rs: "fn main() {}",
        snapshot: Some(""),
        page: SHOWN,
        files: &[],
    },
    Fault {
        name: "25-loss-records-of-a-run",
        metadata: "kind = \"run\"\nloss-records = true",
        main_rs: "fn main() {}",
        snapshot: Some(""),
        page: SHOWN,
        files: &[],
    },
    Fault {
        // The right error code, but the page shows a message rustc no longer prints.
        name: "26-stale-compiler-message",
        metadata: "kind = \"compile-fail\"\nerrors = [\"E0308\"]",
        main_rs: "fn main() { let n: i32 = \"one\"; println!(\"{n}\"); }",
        snapshot: Some("error[E0308]: type mismatch\n"),
        page: "```rust,compile_fail\n{src}\n```\n\n```text\n{out}\n```\n",
        files: &[],
    },
    Fault {
        // The right leak, but the page blames a line that did not allocate it.
        name: "27-stale-loss-record",
        metadata: "kind = \"leak\"\nloss-records = true",
        main_rs: "fn main() {\n    std::mem::forget(vec![0u8; 100]);\n}",
        snapshot: Some("==PID==    by 0x…: fault_27_stale_loss_record::main (main.rs:7)\n"),
        page: SHOWN,
        files: &[],
    },
    Fault {
        name: "28-full-summary-without-valgrind",
        metadata: "kind = \"run\"\nfull-leak-summary = true",
        main_rs: "fn main() {}",
        snapshot: Some(""),
        page: SHOWN,
        files: &[],
    },
    Fault {
        // The buffer is freed, but the page claims it is still reachable at exit.
        name: "29-stale-full-summary",
        metadata: "kind = \"run\"\ncheck-leaks = true\nfull-leak-summary = true",
        main_rs: "fn main() {\n    drop(vec![0u8; 100]);\n}",
        snapshot: Some("==PID==    still reachable: 100 bytes in 1 blocks\n"),
        page: SHOWN,
        files: &[],
    },
    Fault {
        name: "30-source-not-shown",
        metadata: "kind = \"run\"",
        main_rs: "fn main() { println!(\"shown\"); }",
        snapshot: Some("shown\n"),
        page: "```text\n{out}\n```\n",
        files: &[],
    },
    Fault {
        name: "31-misnamed-table",
        metadata: "[package.metadata.listings]\nkind = \"run\"",
        main_rs: "fn main() {}",
        snapshot: Some(""),
        page: SHOWN,
        files: &[],
    },
    Fault {
        // Hole 2: a busy loop is still running after the wait, but it is not blocked.
        name: "32-deadlock-that-spins",
        metadata: "kind = \"deadlock\"\ntimeout-secs = 1",
        main_rs: "fn main() {\n    println!(\"spinning\");\n    loop {\n        std::hint::spin_loop();\n    }\n}",
        snapshot: Some("spinning\n[still blocked after 1 s, so the program was stopped]\n"),
        page: "```rust,no_run\n{src}\n```\n\n```text\n{out}\n```\n",
        files: &[],
    },
    Fault {
        // Hole 4: the listing no longer declares Clippy runs; its old clippy.txt is still shown.
        name: "33-stale-clippy-snapshot",
        metadata: "kind = \"run\"",
        main_rs: "fn main() { println!(\"clean\"); }",
        snapshot: Some("clean\n"),
        page: "```rust\n{src}\n```\n\n```text\n{out}\n```\n\n```text\n{clippy}\n```\n",
        files: &[("clippy.txt", "$ cargo clippy\n(no findings)\nstale\n")],
    },
    Fault {
        // Hole 1: shown through an anchor, the reader's program has no ANCHOR line, so the
        // panic is on line 3 of what they see, not on line 4 of the file.
        name: "34-anchor-shifts-lines",
        metadata: "kind = \"panic\"\nmessage = \"boom\"",
        main_rs: "// ANCHOR: here\nfn main() {\n    let n = 1;\n    panic!(\"boom {n}\");\n}\n// ANCHOR_END: here",
        snapshot: Some(
            "\nthread 'main' (TID) panicked at src/main.rs:4:5:\nboom 1\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n",
        ),
        page: "```rust,should_panic\n{src_here}\n```\n\n```text\n{out}\n```\n",
        files: &[],
    },
    Fault {
        // Hole 1: the output cites a line the page hides.
        name: "35-cites-a-hidden-line",
        metadata: "kind = \"panic\"\nmessage = \"boom\"",
        main_rs: "fn main() {\n    // ANCHOR: here\n    println!(\"start\");\n    // ANCHOR_END: here\n    panic!(\"boom\");\n}",
        snapshot: Some(
            "start\n\nthread 'main' (TID) panicked at src/main.rs:3:5:\nboom\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n",
        ),
        page: "```rust,should_panic\n{src_here}\n```\n\n```text\n{out}\n```\n",
        files: &[],
    },
    Fault {
        // Hole 7: lines in any order are compared as a multiset, not as sorted text.
        name: "36-unordered-other-lines",
        metadata: "kind = \"run\"\nunordered = true",
        main_rs: "fn main() {\n    println!(\"b\");\n    println!(\"a\");\n}",
        snapshot: Some("a\nc\n"),
        page: SHOWN,
        files: &[],
    },
    Fault {
        // Hole 10: cargo's own error must reach the author.
        name: "37-build-script-fails",
        metadata: "kind = \"run\"",
        main_rs: "fn main() {}",
        snapshot: Some(""),
        page: SHOWN,
        files: &[("build.rs", "fn main() {\n    panic!(\"build script exploded\");\n}\n")],
    },
    Fault {
        // Hole 10: a library declared compile-fail has no program to fail.
        name: "38-library-declared-compile-fail",
        metadata: "kind = \"compile-fail\"\nerrors = [\"E0308\"]",
        main_rs: "",
        snapshot: Some(""),
        page: "```rust,compile_fail\n{lib}\n```\n\n```text\n{out}\n```\n",
        files: &[],
    },
    Fault {
        // Hole 12: a key that has no effect for the kind is rejected, not ignored.
        name: "39-redact-on-compile-fail",
        metadata: "kind = \"compile-fail\"\nerrors = [\"E0308\"]\nredact = [{ regex = \"x\", with = \"y\" }]",
        main_rs: "fn main() { let n: i32 = \"one\"; }",
        snapshot: Some(""),
        page: "```rust,compile_fail\n{src}\n```\n\n```text\n{out}\n```\n",
        files: &[],
    },
    Fault {
        // Hole 1: valgrind's frames get the reader's numbering too (a reviewer found them
        // left in the file's).
        name: "40-anchor-shifts-a-loss-record",
        metadata: "kind = \"leak\"\nloss-records = true",
        main_rs: "// ANCHOR: here\nfn main() {\n    std::mem::forget(vec![0u8; 100]);\n}\n// ANCHOR_END: here",
        snapshot: Some(
            "==PID==    by 0x…: fault_40_anchor_shifts_a_loss_record::main (main.rs:3)\n",
        ),
        page: "```rust,no_run\n{src_here}\n```\n\n```text\n{out}\n```\n",
        files: &[],
    },
    Fault {
        name: "41-exercise-correct",
        metadata: EXERCISE,
        main_rs: "",
        snapshot: Some(STARTER_REPORT),
        page: EXERCISE_PAGE,
        files: &[
            ("src/lib.rs", STARTER),
            (
                "solution/Cargo.toml",
                "[package]\nname = \"fault-41-solution\"\nversion = \"0.1.0\"\nedition = \"2024\"\n",
            ),
            ("solution/src/lib.rs", SOLUTION),
            ("solution/output.txt", SOLUTION_REPORT),
        ],
    },
    Fault {
        // An exercise whose starter leaves the reader nothing to do.
        name: "42-exercise-starter-passes",
        metadata: EXERCISE,
        main_rs: "",
        snapshot: Some(""),
        page: EXERCISE_PAGE,
        files: &[
            ("src/lib.rs", SOLUTION),
            (
                "solution/Cargo.toml",
                "[package]\nname = \"fault-42-solution\"\nversion = \"0.1.0\"\nedition = \"2024\"\n",
            ),
            ("solution/src/lib.rs", SOLUTION),
            ("solution/output.txt", SOLUTION_REPORT),
        ],
    },
    Fault {
        // A solution that does not solve it.
        name: "43-exercise-solution-fails",
        metadata: "kind = \"exercise\"\nstarter-fails = \"not yet implemented\"\nruns = 3",
        main_rs: "",
        snapshot: Some(STARTER_REPORT),
        page: EXERCISE_PAGE,
        files: &[
            ("src/lib.rs", STARTER),
            (
                "solution/Cargo.toml",
                "[package]\nname = \"fault-43-solution\"\nversion = \"0.1.0\"\nedition = \"2024\"\n",
            ),
            ("solution/src/lib.rs", WRONG_SOLUTION),
            ("solution/output.txt", SOLUTION_REPORT),
        ],
    },
    Fault {
        // A solution that passes only because its tests are not the reader's.
        name: "44-exercise-tests-differ",
        metadata: EXERCISE,
        main_rs: "",
        snapshot: Some(STARTER_REPORT),
        page: EXERCISE_PAGE,
        files: &[
            ("src/lib.rs", STARTER),
            (
                "solution/Cargo.toml",
                "[package]\nname = \"fault-44-solution\"\nversion = \"0.1.0\"\nedition = \"2024\"\n",
            ),
            ("solution/src/lib.rs", EASIER_TESTS),
            ("solution/output.txt", SOLUTION_REPORT),
        ],
    },
    Fault {
        // A starter that is broken rather than unfinished.
        name: "45-exercise-starter-broken",
        metadata: EXERCISE,
        main_rs: "",
        snapshot: Some(STARTER_REPORT),
        page: EXERCISE_PAGE,
        files: &[
            ("src/lib.rs", BROKEN_STARTER),
            (
                "solution/Cargo.toml",
                "[package]\nname = \"fault-45-solution\"\nversion = \"0.1.0\"\nedition = \"2024\"\n",
            ),
            ("solution/src/lib.rs", BROKEN_STARTER_SOLVED),
            ("solution/output.txt", SOLUTION_REPORT),
        ],
    },
    Fault {
        // The solution in plain sight, and a starter the reader cannot edit.
        name: "46-exercise-solution-shown",
        metadata: EXERCISE,
        main_rs: "",
        snapshot: Some(STARTER_REPORT),
        // ... and its report in a code block, not a text block.
        page: "```rust,ignore\n{lib}\n```\n\n```text\n{out}\n```\n\n```rust,ignore\n{sol}\n```\n\n```rust\n{solout}\n```\n",
        files: &[
            ("src/lib.rs", STARTER),
            (
                "solution/Cargo.toml",
                "[package]\nname = \"fault-46-solution\"\nversion = \"0.1.0\"\nedition = \"2024\"\n",
            ),
            ("solution/src/lib.rs", SOLUTION),
            ("solution/output.txt", SOLUTION_REPORT),
        ],
    },
    Fault {
        // A listing shown on a page with no caption text.
        name: "47-no-description",
        metadata: "kind = \"run\"",
        main_rs: "fn main() { println!(\"uncaptioned\"); }",
        snapshot: Some("uncaptioned\n"),
        page: SHOWN,
        files: &[],
    },
    Fault {
        name: "48-description-with-a-period",
        metadata: "kind = \"run\"",
        main_rs: "fn main() { println!(\"captioned\"); }",
        snapshot: Some("captioned\n"),
        page: SHOWN,
        files: &[],
    },
    Fault {
        // Included whole, so mdBook shows its ANCHOR comments to the reader (ch01 did).
        name: "49-anchor-lines-shown",
        metadata: "kind = \"run\"",
        main_rs: "fn main() {\n    // ANCHOR: here\n    println!(\"anchored\");\n    // ANCHOR_END: here\n}",
        snapshot: Some("anchored\n"),
        page: SHOWN,
        files: &[],
    },
    Fault {
        // An excerpt two levels deep: the reader sees it 8 columns right of the margin, with
        // nothing around it (ch09's consumer sat 20 deep in closures).
        name: "50-excerpt-indented",
        metadata: "kind = \"run\"",
        main_rs: "fn main() {\n    for n in 0..1 {\n        // ANCHOR: here\n        println!(\"deep {n}\");\n        // ANCHOR_END: here\n    }\n}",
        snapshot: Some("deep 0\n"),
        page: "```rust\n{src_here}\n```\n\n```text\n{out}\n```\n",
        files: &[],
    },
];

/// Each listing's caption text (`[package] description`): the two caption faults aside, a
/// plain one, so no other check fails for it.
fn description(fault: &str) -> &'static str {
    match fault {
        "47-no-description" => "",
        "48-description-with-a-period" => "description = \"Ends with a period.\"\n",
        _ => "description = \"A fault\"\n",
    }
}

const EXERCISE: &str = "kind = \"exercise\"\nstarter-fails = \"not yet implemented\"";
const EXERCISE_PAGE: &str = "```rust,ignore,editable\n{lib}\n```\n\n```text\n{out}\n```\n\n<details>\n<summary>Solution</summary>\n\n```rust,ignore\n{sol}\n```\n\n```text\n{solout}\n```\n\n</details>\n";
const STARTER: &str = concat!(
    "pub fn double(_x: u32) -> u32 {\n    todo!()\n}\n\n",
    "#[cfg(test)]\nmod tests {\n    use super::*;\n\n    #[test]\n    fn doubles() {\n        assert_eq!(double(2), 4);\n    }\n\n    #[test]\n    fn doubles_zero() {\n        assert_eq!(double(0), 0);\n    }\n}\n"
);
const SOLUTION: &str = concat!(
    "pub fn double(x: u32) -> u32 {\n    x * 2\n}\n\n",
    "#[cfg(test)]\nmod tests {\n    use super::*;\n\n    #[test]\n    fn doubles() {\n        assert_eq!(double(2), 4);\n    }\n\n    #[test]\n    fn doubles_zero() {\n        assert_eq!(double(0), 0);\n    }\n}\n"
);
const WRONG_SOLUTION: &str = concat!(
    "pub fn double(x: u32) -> u32 {\n    x + 2\n}\n\n",
    "#[cfg(test)]\nmod tests {\n    use super::*;\n\n    #[test]\n    fn doubles() {\n        assert_eq!(double(2), 4);\n    }\n\n    #[test]\n    fn doubles_zero() {\n        assert_eq!(double(0), 0);\n    }\n}\n"
);
/// The wrong solution again, passing the one test it kept.
const EASIER_TESTS: &str = "pub fn double(x: u32) -> u32 {\n    x + 2\n}\n\n#[cfg(test)]\nmod tests {\n    use super::*;\n\n    #[test]\n    fn doubles() {\n        assert_eq!(double(2), 4);\n    }\n}\n";
const BROKEN_STARTER: &str = concat!(
    "pub fn double(x: u32) -> u32 {\n    x - 100\n}\n\n",
    "#[cfg(test)]\nmod tests {\n    use super::*;\n\n    #[test]\n    fn doubles() {\n        assert_eq!(double(2), 4);\n    }\n\n    #[test]\n    fn doubles_zero() {\n        assert_eq!(double(0), 0);\n    }\n}\n"
);
const BROKEN_STARTER_SOLVED: &str = SOLUTION;
/// Real reports of the correct exercise (41), copied from its first run.
const STARTER_REPORT: &str = "\nrunning 2 tests\ntest tests::doubles ... FAILED\ntest tests::doubles_zero ... FAILED\n\nfailures:\n\n---- tests::doubles stdout ----\n\nthread 'tests::doubles' (TID) panicked at src/lib.rs:2:5:\nnot yet implemented\nnote: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n\n---- tests::doubles_zero stdout ----\n\nthread 'tests::doubles_zero' (TID) panicked at src/lib.rs:2:5:\nnot yet implemented\n\n\nfailures:\n    tests::doubles\n    tests::doubles_zero\n\ntest result: FAILED. 0 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out; finished in [time]\n";
const SOLUTION_REPORT: &str = "\nrunning 2 tests\ntest tests::doubles ... ok\ntest tests::doubles_zero ... ok\n\ntest result: ok. 2 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in [time]\n";

/// A quiz with a wrong Tracing answer, a distractor that is also the answer, and too few questions.
const QUIZ: &str = r#"
[[questions]]
type = "Tracing"
prompt.program = """
fn main() {
    println!("{}", 1 + 1);
}
"""
answer.doesCompile = true
answer.stdout = "11"

[[questions]]
type = "MultipleChoice"
prompt.prompt = "Pick one"
prompt.distractors = ["A", "B"]
answer.answer = "A"
"#;

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    // Unchanged files keep their mtime, so a warm rerun rebuilds nothing.
    if fs::read_to_string(path).ok().as_deref() != Some(text) {
        fs::write(path, text).unwrap();
    }
}

fn broken_book() -> PathBuf {
    let base = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fault-injection");
    let root = base.join("book");
    write(
        &root.join("Cargo.toml"),
        "[workspace]\nresolver = \"3\"\nmembers = [\"listings/*/*\", \"listings/*/*/solution\"]\n\n\
         [workspace.metadata.listings.prose]\npages = \"faults\"\nmax-chained-percent = 5\n\
         banned-words = [\"harness\"]\n",
    );
    write(&root.join(".cargo/config.toml"), "[build]\ntarget-dir = \"../target\"\n");
    let mut page = String::from(
        "# Faults\n\n{{#include ../listings/faults/does-not-exist.txt}}\n\n{{#quiz quiz.toml}}\n\n\
         ```rust\n{{#rustdoc_include ../listings/faults/00-correct/src/main.rs:hre}}\n```\n\n\
         ```rust\n{{#rustdoc_include ../stray/not-a-listing.rs}}\n```\n\n\
         Prose that points at line 3 of a listing.\n\n\
         The harness checks it: every claim (all of them); at once.\n\n\
         ```rust,ignore\n    pub fn excerpt() {}\n```\n\n",
    );
    // Hole 5: a page shows Rust that no listing compiles (it would not compile either).
    write(&root.join("stray/not-a-listing.rs"), "fn main() { let x: u32 = \"no\"; }\n");
    for fault in FAULTS {
        let dir = root.join("listings/faults").join(fault.name);
        let metadata = if fault.metadata.is_empty() {
            String::new()
        } else if fault.metadata.starts_with('[') {
            format!("\n{}\n", fault.metadata)
        } else {
            format!("\n[package.metadata.listing]\n{}\n", fault.metadata)
        };
        write(
            &dir.join("Cargo.toml"),
            &format!(
                "[package]\nname = \"fault-{}\"\nversion = \"0.1.0\"\nedition = \"2024\"\n{}{metadata}",
                fault.name,
                description(fault.name)
            ),
        );
        if fault.main_rs.is_empty() {
            write(&dir.join("src/lib.rs"), "#[test]\nfn fails() {\n    assert_eq!(1 + 1, 3);\n}\n");
        } else {
            write(&dir.join("src/main.rs"), &format!("{}\n", fault.main_rs));
        }
        let snapshot = dir.join("output.txt");
        match fault.snapshot {
            Some(text) => write(&snapshot, text),
            None => {
                let _ = fs::remove_file(&snapshot);
            }
        }
        for (file, text) in fault.files {
            write(&dir.join(file), text);
        }
        let rel = format!("../listings/faults/{}", fault.name);
        page += &fault
            .page
            .replace("{src_here}", &format!("{{{{#rustdoc_include {rel}/src/main.rs:here}}}}"))
            .replace("{src}", &format!("{{{{#rustdoc_include {rel}/src/main.rs}}}}"))
            .replace("{lib}", &format!("{{{{#rustdoc_include {rel}/src/lib.rs}}}}"))
            .replace("{sol}", &format!("{{{{#include {rel}/solution/src/lib.rs}}}}"))
            .replace("{solout}", &format!("{{{{#include {rel}/solution/output.txt}}}}"))
            .replace("{out}", &format!("{{{{#include {rel}/output.txt}}}}"))
            .replace("{clippy}", &format!("{{{{#include {rel}/clippy.txt}}}}"));
        page += "\n";
    }
    write(&root.join("src/faults.md"), &page);
    write(&root.join("src/SUMMARY.md"), "# Summary\n\n- [Faults](faults.md)\n");
    write(&root.join("src/unlisted.md"), "# A page SUMMARY.md forgot\n");
    write(&root.join("src/quiz.toml"), QUIZ);
    root
}

/// Every check of the broken book, run once (in parallel) and shared by the tests below.
fn results() -> &'static HashMap<String, Result<(), Failure>> {
    static RESULTS: OnceLock<HashMap<String, Result<(), Failure>>> = OnceLock::new();
    RESULTS.get_or_init(|| {
        let root = broken_book();
        let options = Options { cache: false, ..Options::default() };
        let checks = harness::checks(&root, options).expect("the broken book's workspace loads");
        std::thread::scope(|s| {
            let running: Vec<_> =
                checks.into_iter().map(|check| (check.name, s.spawn(check.run))).collect();
            running
                .into_iter()
                .map(|(name, run)| (name, run.join().expect("no check panics")))
                .collect()
        })
    })
}

/// The variant names of a failure, and of every failure it holds.
fn variants(failure: &Failure) -> Vec<String> {
    match failure {
        Failure::Many(all) => all.iter().flat_map(variants).collect(),
        other => {
            let debug = format!("{other:?}");
            vec![debug.chars().take_while(char::is_ascii_alphanumeric).collect()]
        }
    }
}

/// The check failed with a failure of `variant`, and its message holds every part.
fn fails_with(check: &str, variant: &str, expected: &[&str]) {
    let result =
        results().get(check).unwrap_or_else(|| panic!("the harness has no check named {check}"));
    let message = match result {
        Ok(()) => panic!("{check}: the harness let this mistake pass"),
        Err(failure) => {
            let found = variants(failure);
            assert!(
                found.iter().any(|v| v == variant),
                "{check}: expected a {variant} failure, got {found:?}"
            );
            failure.to_string()
        }
    };
    for part in expected {
        assert!(message.contains(part), "{check}: the failure message lacks {part:?}:\n{message}");
    }
}

macro_rules! caught {
    ($($test:ident: $check:literal => $variant:ident [$($part:literal),+];)*) => {
        $(#[test] fn $test() { fails_with($check, stringify!($variant), &[$($part),+]); })*
        /// Every check some test above asserts a failure of.
        const CAUGHT: &[&str] = &[$($check),*];
    };
}

caught! {
    wrong_stdout: "faults/01-wrong-stdout" => Differs ["differs from the snapshot", "-what the book claims", "+what it really prints"];
    compile_fail_that_compiles: "faults/02-compile-fail-compiles" => Compiled ["expected: compile-fail with [\"E0502\"]", "actual: it compiled"];
    wrong_error_code: "faults/03-wrong-error-code" => WrongCodes ["expected: compile-fail with [\"E0499\"]", "actual: failed with [\"E0502\"]", "change `errors` in Cargo.toml"];
    panic_that_does_not: "faults/04-panic-that-does-not" => WrongEnding ["expected: panic", "without a panic"];
    panic_with_other_message: "faults/05-panic-other-message" => WrongEnding ["panicked, but not with \"boom\""];
    deadlock_that_finishes: "faults/06-deadlock-that-finishes" => WrongEnding ["expected: deadlock", "instead of staying blocked"];
    run_that_hangs: "faults/07-run-that-hangs" => WrongEnding ["expected: run", "still running at the time limit"];
    leak_that_does_not: "faults/08-leak-that-does-not" => NoLeak ["expected: leak", "valgrind found no leak"];
    run_that_leaks: "faults/09-run-that-leaks" => Leaked ["expected: no leak", "definitely lost: 100 bytes"];
    crash_that_does_not: "faults/10-crash-that-does-not" => WrongEnding ["expected: crash", "instead of crashing"];
    test_that_fails: "faults/11-test-that-fails" => WrongEnding ["expected: test", "exited with status 101"];
    run_that_does_not_compile: "faults/12-run-that-does-not-compile" => DoesNotCompile ["actual: it does not compile", "E0308"];
    misnamed_table: "faults/31-misnamed-table" => Spec ["31-misnamed-table/Cargo.toml", "found [package.metadata.listings]: the table is named `listing`"];
    no_metadata: "faults/13-no-metadata" => Spec ["13-no-metadata/Cargo.toml", "missing: every listing declares"];
    unknown_kind: "faults/14-unknown-kind" => Spec ["14-unknown-kind/Cargo.toml", "unknown kind \"explode\""];
    compile_fail_without_codes: "faults/15-compile-fail-without-codes" => Spec ["needs `errors"];
    misspelt_key: "faults/16-misspelt-key" => Spec ["16-misspelt-key/Cargo.toml", "unknown field `timeout-sec`"];
    orphan: "faults/17-orphan" => Page ["orphan listing"];
    missing_snapshot: "faults/18-missing-snapshot" => MissingSnapshot ["missing snapshot", "`BLESS=1 cargo test faults/18-missing-snapshot`"];
    wrong_annotation: "faults/19-wrong-annotation" => Page ["src/faults.md:", "must be ```rust,should_panic"];
    output_not_shown: "faults/20-output-not-shown" => Page ["src/faults.md:", "the page shows the source, but not its verified output"];
    source_not_shown: "faults/30-source-not-shown" => Page ["src/faults.md:", "no page shows the source", "30-source-not-shown/src/main.rs"];
    include_of_missing_file: "src/faults.md" => Page ["src/faults.md:3", "does-not-exist.txt, which does not exist"];
    misspelt_anchor: "src/faults.md" => Page ["src/faults.md:8: includes ../listings/faults/00-correct/src/main.rs:hre", "no `ANCHOR: hre` line"];
    page_not_in_summary: "src/unlisted.md" => Page ["src/unlisted.md: src/SUMMARY.md does not list it"];
    wrong_quiz_answer: "src/quiz.toml" => Quiz ["question 1:", "\"11\" is not the verified output"];
    distractor_is_the_answer: "src/quiz.toml" => Quiz ["question 2:", "\"A\" is both a right answer and a distractor"];
    too_few_questions: "src/quiz.toml" => Quiz ["has 2 questions"];
    clippy_finds_more: "faults/22-clippy-finds-more" => WrongLints ["expected: `cargo clippy` reports []", "actual: it reports [\"clippy::needless_borrow\"]"];
    clippy_not_shown: "faults/23-clippy-not-shown" => Page ["no page shows what Clippy said", "missing snapshot", "clippy.txt"];
    loss_records_of_a_run: "faults/25-loss-records-of-a-run" => Spec ["25-loss-records-of-a-run/Cargo.toml", "`loss-records` only applies to kind = \"leak\""];
    clippy_bad_lint_name: "faults/24-clippy-bad-lint-name" => Spec ["24-clippy-bad-lint-name/Cargo.toml", "\"needless borrow\", which is not a lint name"];
    stale_compiler_message: "faults/26-stale-compiler-message" => Differs ["differs from the snapshot", "-error[E0308]: type mismatch", "+error[E0308]: mismatched types"];
    full_summary_without_valgrind: "faults/28-full-summary-without-valgrind" => Spec ["28-full-summary-without-valgrind/Cargo.toml", "`full-leak-summary` needs a run under valgrind"];
    stale_full_summary: "faults/29-stale-full-summary" => Differs ["differs from the snapshot", "-==PID==    still reachable: 100 bytes in 1 blocks", "+==PID==      possibly lost: 0 bytes in 0 blocks"];
    stale_loss_record: "faults/27-stale-loss-record" => Differs ["differs from the snapshot", "-==PID==    by 0x…: fault_27_stale_loss_record::main (main.rs:7)", "(main.rs:2)"];
    deadlock_that_spins: "faults/32-deadlock-that-spins" => Busy ["expected: deadlock", "busy, not blocked:", "still running rather than waiting at the end of the 1 s wait"];
    stale_clippy_snapshot: "faults/33-stale-clippy-snapshot" => Unreferenced ["33-stale-clippy-snapshot/clippy.txt: no declaration produces this snapshot", "src/faults.md:", "shows clippy.txt, but the listing declares no Clippy runs"];
    anchor_shifts_lines: "faults/34-anchor-shifts-lines" => Differs ["differs from the snapshot", "-thread 'main' (TID) panicked at src/main.rs:4:5:", "+thread 'main' (TID) panicked at src/main.rs:3:5:"];
    cites_a_hidden_line: "faults/35-cites-a-hidden-line" => Page ["src/faults.md:", "output.txt cites src/main.rs:3, a line no page shows (they show lines 2 of the program)"];
    unordered_other_lines: "faults/36-unordered-other-lines" => Differs ["differs from the snapshot", "+b", "-c"];
    build_script_fails: "faults/37-build-script-fails" => NothingBuilt ["built nothing for this package", "build script exploded"];
    library_declared_compile_fail: "faults/38-library-declared-compile-fail" => NothingBuilt ["expected: a program (src/main.rs) that fails with [\"E0308\"]", "in-tests = true"];
    redact_on_compile_fail: "faults/39-redact-on-compile-fail" => Spec ["39-redact-on-compile-fail/Cargo.toml:", "`redact` only applies to listings that run"];
    include_of_a_non_listing: "src/faults.md" => Page ["includes ../stray/not-a-listing.rs, which belongs to no listing"];
    anchor_shifts_a_loss_record: "faults/40-anchor-shifts-a-loss-record" => Differs ["-==PID==    by 0x…: fault_40_anchor_shifts_a_loss_record::main (main.rs:3)", "+==PID==    by 0x…: fault_40_anchor_shifts_a_loss_record::main (main.rs:2)"];
    prose_naming_a_line: "src/faults.md" => Page ["src/faults.md:15: the prose names \"line 3\""];
    prose_over_the_limits: "src/faults.md" => Page ["src/faults.md: 50.0 % of its 2 sentences chain two or more of", "line 17: The harness checks it: every claim (all of them); at once.", "src/faults.md:17: the prose says \"harness\""];
    exercise_starter_passes: "faults/42-exercise-starter-passes" => StarterPasses ["actual: the starter's tests pass", "test result: ok. 2 passed"];
    exercise_solution_fails: "faults/43-exercise-solution-fails" => WrongEnding ["expected: exercise", "exited with status 101 (its solution's tests, run 1 of 3)", "left: 2"];
    exercise_tests_differ: "faults/44-exercise-tests-differ" => TestsDiffer ["44-exercise-tests-differ/src/lib.rs:13 and listings/faults/44-exercise-tests-differ/solution/src/lib.rs:13 differ"];
    exercise_starter_broken: "faults/45-exercise-starter-broken" => StarterFailsOtherwise ["every failing starter test reports \"not yet implemented\"", "--- tests::doubles\n", "attempt to subtract with overflow"];
    exercise_solution_shown: "faults/46-exercise-solution-shown" => Page ["shows its solution openly", "shows its solution's test report openly", "shows its starter in a block the reader cannot edit", "the output is not inside a ```text block"];
    listing_without_description: "src/faults.md" => Page ["src/faults.md:", "shows faults/47-no-description, whose listings/faults/47-no-description/Cargo.toml has no `description`"];
    anchor_lines_shown: "src/faults.md" => Page ["src/faults.md:", "includes ../listings/faults/49-anchor-lines-shown/src/main.rs whole, so the reader sees its ANCHOR lines (line 2: `// ANCHOR: here`)"];
    excerpt_indented: "src/faults.md" => Page ["includes ../listings/faults/50-excerpt-indented/src/main.rs:here, whose shown lines are all indented by 8 spaces (at most 4 here)"];
    block_indented: "src/faults.md" => Page ["src/faults.md:19: every line of this code block is indented by 4 spaces"];
    description_with_a_period: "src/faults.md" => Page ["src/faults.md:", "listings/faults/48-description-with-a-period/Cargo.toml:5: [package] description: ends with a period"];
}

#[test]
fn a_correct_listing_passes() {
    assert_eq!(results().get("faults/00-correct"), Some(&Ok(())));
}

#[test]
fn a_correct_exercise_passes() {
    assert_eq!(results().get("faults/41-exercise-correct"), Some(&Ok(())));
}

#[test]
fn a_quiz_program_counts_as_shown() {
    // 21 is shown only through the quiz, whose answer is wrong: the quiz check fails, the
    // listing itself does not.
    assert_eq!(results().get("faults/21-quiz-program"), Some(&Ok(())));
}

#[test]
fn no_listing_process_outlives_its_check() {
    results();
    // This book's listings run in their own folders, and what they start inherits the folder:
    // another run of this suite elsewhere on the machine (cargo mutants) is not counted.
    let book = broken_book();
    let survivors: Vec<String> = fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .filter(|p| fs::read_link(p.path().join("cwd")).is_ok_and(|cwd| cwd.starts_with(&book)))
        .filter_map(|p| fs::read(p.path().join("cmdline")).ok())
        .map(|c| String::from_utf8_lossy(&c).replace('\0', " "))
        .collect();
    assert!(survivors.is_empty(), "still running after the checks: {survivors:?}");
}

/// A one-page book around one `run` listing `listings/<name>`, checked with `options`.
/// Returns the listing's folder and a closure that runs its check afresh each time.
fn one_listing_book(
    name: &str,
    options: fn() -> Options,
) -> (PathBuf, impl Fn() -> Result<(), Failure>) {
    let (chapter, _) = name.split_once('/').expect("chapter/listing");
    let root = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("fault-injection")
        .join(format!("{chapter}-book"));
    let listing = root.join("listings").join(name);
    write(
        &root.join("Cargo.toml"),
        "[workspace]\nresolver = \"3\"\nmembers = [\"listings/*/*\"]\n",
    );
    write(&root.join(".cargo/config.toml"), "[build]\ntarget-dir = \"../target\"\n");
    write(&root.join("src/SUMMARY.md"), "# Summary\n\n- [Page](page.md)\n");
    write(
        &root.join("src/page.md"),
        &format!(
            "```rust\n{{{{#rustdoc_include ../listings/{name}/src/main.rs}}}}\n```\n\n\
             ```text\n{{{{#include ../listings/{name}/output.txt}}}}\n```\n"
        ),
    );
    declare(&listing, "kind = \"run\"");
    let check_name = name.to_string();
    let run = move || {
        let mut checks = harness::checks(&root, options()).expect("the one-listing book loads");
        let check =
            checks.remove(checks.iter().position(|c| c.name == check_name).expect("its check"));
        (check.run)()
    };
    (listing, run)
}

/// Writes the listing's Cargo.toml: its package is named after its folder (`chapter-listing`),
/// and `table` is the body of its `[package.metadata.listing]`.
fn declare(listing: &Path, table: &str) {
    let name = |p: &Path| p.file_name().unwrap().to_string_lossy().into_owned();
    let package = format!("{}-{}", name(listing.parent().unwrap()), name(listing));
    write(
        &listing.join("Cargo.toml"),
        &format!(
            "[package]\nname = \"{package}\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\
             description = \"One listing\"\n\n[package.metadata.listing]\n{table}\n"
        ),
    );
}

/// The pass cache must never serve a listing whose source changed since it passed.
#[test]
fn a_changed_listing_is_run_again_not_served_from_the_cache() {
    let (listing, run_once) = one_listing_book("cache/01-changes", Options::default);
    write(&listing.join("output.txt"), "before\n");
    write(&listing.join("src/main.rs"), "fn main() { println!(\"before\"); }\n");
    assert_eq!(run_once(), Ok(()), "the listing passes and is remembered");
    assert_eq!(run_once(), Ok(()), "unchanged, it passes again");
    write(&listing.join("src/main.rs"), "fn main() { println!(\"after\"); }\n");
    let changed = run_once();
    assert!(
        changed.as_ref().is_err_and(|e| e.to_string().contains("+after")),
        "a changed listing must be run again and fail against the old snapshot, got {changed:?}"
    );
    write(&listing.join("src/main.rs"), "fn main() { println!(\"before\"); }\n");
}

/// A listing folder without its Cargo.toml breaks the whole workspace: the harness must say
/// which folder, in one line of its own, not panic.
#[test]
fn a_listing_folder_without_a_manifest_is_named() {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("fault-injection/no-manifest-book");
    write(
        &root.join("Cargo.toml"),
        "[workspace]\nresolver = \"3\"\nmembers = [\"listings/*/*\"]\n",
    );
    write(&root.join("listings/ch/01-half-written/src/main.rs"), "fn main() {}\n");
    write(&root.join("src/page.md"), "# Empty\n");
    let options = Options { cache: false, ..Options::default() };
    let error =
        harness::checks(&root, options).err().expect("a broken workspace is an error").to_string();
    assert!(error.contains("cannot read the workspace"), "{error}");
    assert!(error.contains("listings/ch/01-half-written"), "the message names the folder: {error}");
}

/// Flake hunting: a listing whose output differs between runs must be reported as flaky.
#[test]
fn a_listing_whose_output_changes_between_runs_is_flaky() {
    let (listing, run) = one_listing_book("flaky/01-pid", || Options {
        cache: false,
        repeat: 3,
        ..Options::default()
    });
    write(&listing.join("src/main.rs"), "fn main() { println!(\"{}\", std::process::id()); }\n");
    write(&listing.join("output.txt"), "1\n");
    let result = run();
    assert!(
        result.as_ref().is_err_and(|e| e.to_string().starts_with("flaky: run 1 failed")),
        "{result:?}"
    );
}

/// Every fault of the broken book is asserted by a test: a fault nobody checks proves nothing.
#[test]
fn every_fault_is_asserted() {
    // The two caption faults, the shown ANCHOR lines and the indented excerpt pass their own
    // checks: the page check catches them (`listing_without_description`,
    // `description_with_a_period`, `anchor_lines_shown`, `excerpt_indented`).
    let passing = [
        "faults/00-correct",
        "faults/21-quiz-program",
        "faults/41-exercise-correct",
        "faults/47-no-description",
        "faults/48-description-with-a-period",
        "faults/49-anchor-lines-shown",
        "faults/50-excerpt-indented",
    ];
    for fault in FAULTS {
        let check = format!("faults/{}", fault.name);
        assert!(
            CAUGHT.contains(&check.as_str()) || passing.contains(&check.as_str()),
            "{check} has no test asserting how it fails"
        );
    }
}

/// Hole 9: the same failure in every run, with different timings, is not flakiness.
#[test]
fn a_listing_that_fails_the_same_way_every_run_is_not_flaky() {
    let (listing, run) = one_listing_book("constant/01-exit", || Options {
        cache: false,
        repeat: 3,
        ..Options::default()
    });
    write(
        &listing.join("src/main.rs"),
        "fn main() {\n    let ms = u64::from(std::process::id() % 4) * 100;\n    \
         std::thread::sleep(std::time::Duration::from_millis(ms));\n    std::process::exit(1);\n}\n",
    );
    write(&listing.join("output.txt"), "");
    let result = run();
    assert!(
        matches!(&result, Err(Failure::EveryRun { times: 3, .. })),
        "expected one failure in all 3 runs, got {result:?}"
    );
}

/// Hole 3: a listing that gets little CPU on a loaded machine is slow, not hung. It needs
/// 0.4 s of CPU and may use 0.8 s; six spinning threads make it take longer than that in wall
/// time on two cores.
#[test]
fn a_listing_on_a_loaded_machine_is_judged_by_its_cpu_time() {
    let (listing, run) =
        one_listing_book("loaded/01-work", || Options { cache: false, ..Options::default() });
    declare(&listing, "kind = \"run\"\ntimeout-secs = 0.8");
    write(
        &listing.join("src/main.rs"),
        "fn cpu_ticks() -> u64 {\n    let stat = std::fs::read_to_string(\"/proc/self/stat\").unwrap();\n    \
         let after = stat.rsplit_once(')').unwrap().1;\n    \
         after.split_whitespace().skip(11).take(2).map(|f| f.parse::<u64>().unwrap()).sum()\n}\n\n\
         fn main() {\n    while cpu_ticks() < 40 {\n        std::hint::black_box(0);\n    }\n    println!(\"done\");\n}\n",
    );
    write(&listing.join("output.txt"), "done\n");
    let stop = std::sync::atomic::AtomicBool::new(false);
    let started = std::time::Instant::now();
    let result = std::thread::scope(|s| {
        for _ in 0..6 {
            s.spawn(|| {
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    std::hint::spin_loop();
                }
            });
        }
        let result = run();
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        result
    });
    assert_eq!(result, Ok(()), "after {:?}", started.elapsed());
}

/// Hole 3, the other side: a listing that computes forever is stopped by its CPU limit.
#[test]
fn a_runaway_listing_is_stopped_by_its_cpu_limit() {
    let (listing, run) =
        one_listing_book("runaway/01-spin", || Options { cache: false, ..Options::default() });
    declare(&listing, "kind = \"run\"\ntimeout-secs = 0.5");
    write(
        &listing.join("src/main.rs"),
        "fn main() {\n    loop {\n        std::hint::spin_loop();\n    }\n}\n",
    );
    write(&listing.join("output.txt"), "");
    let result = run().expect_err("a runaway listing fails");
    assert!(result.to_string().contains("used up its CPU time limit"), "{result}");
}

/// Holes 7 and 8: bless writes a new listing's snapshot from a real run, in the order the run
/// printed (not sorted), and the page that includes it does not fail for the file it is about
/// to get.
#[test]
fn bless_writes_a_new_snapshot_and_the_page_waits_for_it() {
    let (listing, _) = one_listing_book("bless/01-new", Options::default);
    declare(&listing, "kind = \"run\"\nunordered = true");
    write(
        &listing.join("src/main.rs"),
        "fn main() {\n    println!(\"zebra\");\n    println!(\"ant\");\n}\n",
    );
    let _ = fs::remove_file(listing.join("output.txt"));
    let book = listing.parent().unwrap().parent().unwrap().parent().unwrap().to_path_buf();
    let checks =
        harness::checks(&book, Options { bless: true, cache: false, ..Options::default() })
            .expect("the book loads");
    let results: Vec<(String, Result<(), Failure>)> = std::thread::scope(|s| {
        let running: Vec<_> = checks.into_iter().map(|c| (c.name, s.spawn(c.run))).collect();
        running.into_iter().map(|(n, h)| (n, h.join().unwrap())).collect()
    });
    for (name, result) in &results {
        assert_eq!(result, &Ok(()), "{name}");
    }
    assert_eq!(fs::read_to_string(listing.join("output.txt")).unwrap(), "zebra\nant\n");
}

/// A failure is never remembered: a failing listing fails again on the next run, with the cache on.
#[test]
fn a_failure_is_never_served_from_the_cache() {
    let (listing, run_once) = one_listing_book("cache/02-fails", Options::default);
    write(&listing.join("output.txt"), "expected\n");
    write(&listing.join("src/main.rs"), "fn main() { println!(\"actual\"); }\n");
    for run in 1..=2 {
        let result = run_once();
        assert!(matches!(&result, Err(Failure::Differs { .. })), "run {run}: {result:?}");
    }
}

/// A listing edited while the suite runs is not remembered as passing: its declaration was
/// read, and its program built, before the edit.
#[test]
fn a_listing_edited_during_the_run_is_not_remembered() {
    let (listing, _) = one_listing_book("edited/01-during", Options::default);
    write(&listing.join("src/main.rs"), "fn main() { println!(\"same\"); }\n");
    write(&listing.join("output.txt"), "same\n");
    let book = listing.parent().unwrap().parent().unwrap().parent().unwrap().to_path_buf();
    let mut checks = harness::checks(&book, Options::default()).expect("the book loads");
    let check = checks.remove(checks.iter().position(|c| c.name == "edited/01-during").unwrap());
    // The edit lands after discovery, before the check runs.
    declare(&listing, "kind = \"run\"\n# edited");
    let result = (check.run)();
    assert!(
        result.as_ref().is_err_and(|e| e.to_string().contains("changed while the suite ran")),
        "{result:?}"
    );
}

/// Every check's whole message, as the harness renders it (timings zeroed, the broken book's
/// folder as `$BOOK`, cargo's build hashes as `[hash]`), in one reviewed snapshot:
/// `tests/fault-messages.txt`. `BLESS=1 cargo test -p listing-harness --test fault_injection`
/// rewrites it from a real run; review the diff.
#[test]
fn every_message_is_the_reviewed_one() {
    let root = broken_book();
    let hash = regex::Regex::new(r"-[0-9a-f]{16}\b").unwrap();
    let mut names: Vec<&String> = results().keys().collect();
    names.sort();
    let mut text = String::new();
    for name in names {
        let message = match &results()[name] {
            Ok(()) => "passed".to_string(),
            Err(failure) => failure.without_timings().to_string(),
        };
        let message = message.replace(&root.display().to_string(), "$BOOK");
        text += &format!("=== {name}\n{}\n\n", hash.replace_all(message.trim_end(), "-[hash]"));
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fault-messages.txt");
    if Options::from_env().expect("valid environment").bless {
        fs::write(&path, &text).unwrap();
        return;
    }
    let expected = fs::read_to_string(&path).unwrap_or_default();
    if expected != text {
        let diff = similar::TextDiff::from_lines(&expected, &text)
            .unified_diff()
            .header("tests/fault-messages.txt", "this run")
            .to_string();
        panic!("the harness's messages changed (review, then bless):\n{diff}");
    }
}
