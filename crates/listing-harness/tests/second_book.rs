//! The harness on a second book with another layout (`tests/fixtures/second-book`): listings
//! in `examples/`, pages in `pages/`, snapshots named `expected.txt`, and the outcomes another
//! book needs: tests that must fail, an error in a library's tests, a lint the listing denies.
//! `BLESS=1 cargo test -p listing-harness --test second_book` rewrites its snapshots.

use std::path::Path;

use listing_harness::{Failure, Options};

#[test]
fn every_check_of_the_second_book_passes() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/second-book");
    let bless = Options::from_env().expect("valid environment").bless;
    let options = Options { bless, cache: false, ..Options::default() };
    let checks = listing_harness::checks(&root, options).expect("the second book loads");
    let mut names: Vec<String> = checks.iter().map(|c| c.name.clone()).collect();
    names.sort();
    assert_eq!(
        names,
        [
            "basics/error-in-tests",
            "basics/hello",
            "basics/lint-denied",
            "basics/tested-lib",
            "pages/SUMMARY.md",
            "pages/basics.md"
        ]
    );
    let results: Vec<(String, Result<(), Failure>)> =
        checks.into_iter().map(|c| (c.name, (c.run)())).collect();
    for (name, result) in &results {
        if let Err(e) = result {
            panic!("{name}:\n{e}");
        }
    }
}
