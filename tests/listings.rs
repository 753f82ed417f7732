//! `cargo test`: builds and runs every listing of the book and checks it against what the
//! book shows (README.md, "Writing a listing"). The harness is the `listing-harness` crate; the
//! book's root is found at run time (`CARGO_MANIFEST_DIR`), never baked into the binary.

fn main() -> std::process::ExitCode {
    listing_harness::main()
}
