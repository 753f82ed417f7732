//! Toolchain drift without a second toolchain: books whose record names another rustc than
//! the one running, and a fake rustc (a script that reports another version and rewords or
//! renumbers diagnostics) given to the harness's cargo commands only.

use listing_harness::toolchain::{Class, Versions};
use listing_harness::{self as harness, Failure, Options};

use std::fs;
use std::path::{Path, PathBuf};

fn write(path: &Path, text: &str) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    // Unchanged files keep their mtime, so a warm rerun rebuilds nothing.
    if fs::read_to_string(path).ok().as_deref() != Some(text) {
        fs::write(path, text).unwrap();
    }
}

/// One listing shown on one page: `(name, Cargo.toml's listing table, main.rs, fence)`.
type Listing<'a> = (&'a str, &'a str, &'a str, &'a str);

/// A book at `<tmp>/toolchain-drift/<name>` with its own target dir (a fake rustc rebuilds
/// everything it touches), holding `listings` in chapter `ch`.
fn book(name: &str, listings: &[Listing]) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("toolchain-drift").join(name);
    write(
        &root.join("Cargo.toml"),
        "[workspace]\nresolver = \"3\"\nmembers = [\"listings/*/*\"]\n",
    );
    write(&root.join(".cargo/config.toml"), "[build]\ntarget-dir = \"target\"\n");
    write(&root.join("src/SUMMARY.md"), "# Summary\n\n- [Page](page.md)\n");
    let mut page = String::from("# Page\n\nThe compiler reports E0308 here.\n\n");
    for (listing, table, main_rs, fence) in listings {
        let dir = root.join("listings/ch").join(listing);
        write(
            &dir.join("Cargo.toml"),
            &format!(
                "[package]\nname = \"ch-{listing}\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n\
                 [package.metadata.listing]\n{table}\n"
            ),
        );
        write(&dir.join("src/main.rs"), main_rs);
        page += &format!(
            "```{fence}\n{{{{#rustdoc_include ../listings/ch/{listing}/src/main.rs}}}}\n```\n\n\
             ```text\n{{{{#include ../listings/ch/{listing}/output.txt}}}}\n```\n\n"
        );
    }
    write(&root.join("src/page.md"), &page);
    root
}

/// Runs every check of the book; returns each listing check's result by name.
fn run(root: &Path, options: Options) -> Vec<(String, Result<(), Failure>)> {
    let checks = harness::checks(root, options).expect("the book loads");
    checks.into_iter().map(|c| (c.name, (c.run)())).filter(|(n, _)| !n.ends_with(".md")).collect()
}

fn result<'a>(results: &'a [(String, Result<(), Failure>)], name: &str) -> &'a Result<(), Failure> {
    &results.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("no check {name}")).1
}

fn recorded(rustc: &str) -> String {
    format!("rustc = \"{rustc}\"\nrustc-commit-hash = \"0000\"\n")
}

const MISMATCH: Listing = (
    "01-mismatch",
    "kind = \"compile-fail\"\nerrors = [\"E0308\"]",
    "fn main() {\n    let n: i32 = \"one\";\n    println!(\"{n}\");\n}\n",
    "rust,compile_fail",
);
const PRINTS: Listing =
    ("02-prints", "kind = \"run\"", "fn main() {\n    println!(\"two\");\n}\n", "rust");

/// On another rustc than the recorded one: the headline names both, a difference of wording
/// alone passes (and is in the report), a difference of program output fails labelled as drift
/// with the two next steps, never bless.
#[test]
fn a_recorded_version_that_differs_classifies_the_differences() {
    let root = book("recorded", &[MISMATCH, PRINTS]);
    write(&root.join("verified-with.toml"), &recorded("1.0.0"));
    write(&root.join("listings/ch/01-mismatch/output.txt"), "error[E0308]: type mismatch\n");
    write(&root.join("listings/ch/02-prints/output.txt"), "one\n");
    let report = root.join("target/report.md");
    let _ = fs::remove_file(&report);
    let options = Options { cache: false, report: Some(report.clone()), ..Options::default() };

    let current = Versions::current(None).unwrap();
    let (_, mismatch) = harness::checks_and_drift(&root, options.clone()).unwrap();
    let mismatch = mismatch.expect("1.0.0 is not this rustc");
    assert_eq!(
        mismatch.headlines[0],
        format!(
            "snapshots verified with rustc 1.0.0; this is rustc {} — compiler messages, std line \
             numbers, valgrind frames and Clippy output may differ",
            current.rustc
        )
    );

    let results = run(&root, options);
    assert_eq!(result(&results, "ch/01-mismatch"), &Ok(()), "wording alone does not fail");
    let outcome = result(&results, "ch/02-prints").as_ref().unwrap_err();
    assert!(
        matches!(outcome, Failure::Drift { class: Class::Outcome, failure, .. }
            if matches!(**failure, Failure::Differs { .. })),
        "{outcome:?}"
    );
    let text = outcome.to_string();
    for part in [
        "toolchain drift (outcome): the book's prose may now be wrong",
        "-one\n+two",
        "`rustup toolchain install 1.0.0`",
        "`cargo xtask upgrade-rust`",
    ] {
        assert!(text.contains(part), "lacks {part:?}:\n{text}");
    }
    assert!(!text.contains("BLESS"), "{text}");

    let report = fs::read_to_string(&report).expect("the last listing check writes the report");
    for part in [
        "# Snapshot review: rustc 1.0.0 → rustc ",
        "1 snapshot changes (0 outcome, 1 rendering); 1 failed checks.",
        "### ch/01-mismatch — rendering (not failed)",
        "-error[E0308]: type mismatch",
        "+error[E0308]: mismatched types",
        "- src/page.md:3: (E0308) The compiler reports E0308 here.",
        "### ch/02-prints\n",
    ] {
        assert!(report.contains(part), "the report lacks {part:?}:\n{report}");
    }
}

/// The same differences on the recorded toolchain (no record at all here) stay strict.
#[test]
fn without_a_mismatch_every_difference_fails_as_before() {
    let root = book("strict", &[MISMATCH]);
    write(&root.join("listings/ch/01-mismatch/output.txt"), "error[E0308]: type mismatch\n");
    let options = Options { cache: false, ..Options::default() };
    assert_eq!(harness::checks_and_drift(&root, options.clone()).unwrap().1, None);
    let results = run(&root, options);
    let failure = result(&results, "ch/01-mismatch").as_ref().unwrap_err();
    assert!(matches!(failure, Failure::Differs { .. }), "{failure:?}");
    assert!(failure.to_string().contains("`BLESS=1 cargo test ch/01-mismatch`"));
}

/// Bless on another toolchain would rewrite the book to it one listing at a time: refused,
/// with the way to do it whole.
#[test]
fn bless_on_another_toolchain_is_refused_without_upgrade() {
    let root = book("refused", &[PRINTS]);
    write(&root.join("verified-with.toml"), &recorded("1.0.0"));
    let bless = Options { bless: true, cache: false, ..Options::default() };
    let Err(refused) = harness::checks(&root, bless) else { panic!("bless was not refused") };
    let text = refused.to_string();
    assert!(text.starts_with("snapshots verified with rustc 1.0.0; this is rustc"), "{text}");
    assert!(text.contains("BLESS=1 would write snapshots of this toolchain"), "{text}");
    assert!(text.contains("`cargo xtask upgrade-rust`"), "{text}");
}

/// A script that stands for another rustc: `-vV` reports 1.99.0, and its diagnostics say
/// "types that do not match" for "mismatched types" and E0999 for E0384.
fn fake_rustc(dir: &Path) -> PathBuf {
    let sysroot =
        std::process::Command::new("rustc").args(["--print", "sysroot"]).output().unwrap();
    let real = Path::new(String::from_utf8(sysroot.stdout).unwrap().trim()).join("bin/rustc");
    let path = dir.join("fake-rustc");
    write(
        &path,
        &format!(
            "#!/usr/bin/env bash\n\
             real={real:?}\n\
             if [ \"$1\" = -vV ]; then\n\
             \"$real\" -vV | sed -e 's/^release: .*/release: 1.99.0/' -e 's/^rustc [^ ]*/rustc 1.99.0/' \
             -e 's/^commit-hash: .*/commit-hash: 9999999999999999999999999999999999999999/'\n\
             exit 0\n\
             fi\n\
             # Diagnostics are on stderr (JSON, whose text the edit keeps valid).\n\
             exec 3>&1\n\
             \"$real\" \"$@\" 2>&1 1>&3 | sed -e 's/mismatched types/types that do not match/g' \
             -e 's/E0384/E0999/g' >&2\n\
             exit \"${{PIPESTATUS[0]}}\"\n",
            real = real.display().to_string()
        ),
    );
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
    path
}

/// Bless with the real rustc records it; the fake one is then another toolchain: the headline
/// says so, its new wording passes as rendering, its other error code fails as outcome, and the
/// report shows both with the page line that mentions the code.
#[test]
fn a_fake_rustc_is_another_toolchain() {
    const ASSIGNS: Listing = (
        "03-assigns-twice",
        "kind = \"compile-fail\"\nerrors = [\"E0384\"]",
        "fn main() {\n    let x = 1;\n    x = 2;\n    println!(\"{x}\");\n}\n",
        "rust,compile_fail",
    );
    let root = book("fake-rustc", &[MISMATCH, PRINTS, ASSIGNS]);
    write(&root.join("src/page.md"), &{
        let page = fs::read_to_string(root.join("src/page.md")).unwrap();
        page.replace("here.\n", "here, and E0384 when a binding is assigned twice.\n")
    });
    let _ = fs::remove_file(root.join("verified-with.toml"));
    let real = Versions::current(None).unwrap();
    let blessed = run(&root, Options { bless: true, cache: false, ..Options::default() });
    assert!(blessed.iter().all(|(_, r)| r.is_ok()), "{blessed:?}");
    let record = fs::read_to_string(root.join("verified-with.toml")).expect("bless records");
    assert!(record.contains(&format!("rustc = \"{}\"\n", real.rustc)), "{record}");
    assert!(record.contains(&format!("rustc-commit-hash = \"{}\"\n", real.rustc_commit)));

    let fake = fake_rustc(&root);
    let report = root.join("target/report.md");
    let _ = fs::remove_file(&report);
    let options = Options {
        cache: false,
        rustc: Some(fake),
        report: Some(report.clone()),
        ..Options::default()
    };
    let (_, mismatch) = harness::checks_and_drift(&root, options.clone()).unwrap();
    assert_eq!(
        mismatch.expect("the fake is another rustc").headlines,
        [format!(
            "snapshots verified with rustc {}; this is rustc 1.99.0 — compiler messages, std \
             line numbers, valgrind frames and Clippy output may differ",
            real.rustc
        )]
    );
    let results = run(&root, options);
    assert_eq!(result(&results, "ch/01-mismatch"), &Ok(()), "new wording is rendering");
    assert_eq!(result(&results, "ch/02-prints"), &Ok(()), "the same program prints the same");
    let outcome = result(&results, "ch/03-assigns-twice").as_ref().unwrap_err();
    assert!(
        matches!(outcome, Failure::Drift { class: Class::Outcome, failure, .. }
            if matches!(**failure, Failure::WrongCodes { .. })),
        "{outcome:?}"
    );
    let text = outcome.to_string();
    assert!(text.starts_with("toolchain drift (outcome): the book's prose may now be wrong\n"));
    assert!(text.contains("actual: failed with [\"E0999\"]"), "{text}");
    assert!(text.contains(&format!("`rustup toolchain install {}`", real.rustc)), "{text}");

    let report = fs::read_to_string(&report).unwrap();
    for part in [
        "1 snapshot changes (0 outcome, 1 rendering); 1 failed checks.",
        "### ch/03-assigns-twice\n",
        "(E0384) The compiler reports E0308 here, and E0384 when",
        "### ch/01-mismatch — rendering (not failed)",
        "-error[E0308]: mismatched types",
        "+error[E0308]: types that do not match",
    ] {
        assert!(report.contains(part), "the report lacks {part:?}:\n{report}");
    }
    // The record is the real rustc's still: only bless of every listing writes it.
    assert_eq!(fs::read_to_string(root.join("verified-with.toml")).unwrap(), record);
}
