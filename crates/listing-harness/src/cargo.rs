//! Every cargo command the harness starts, made in one place, so that the caller's environment
//! cannot leak into what the book shows: no colours, no backtraces, no cross-compilation target,
//! and exactly the harness's own rustc flags. `CARGO_ENCODED_RUSTFLAGS` wins over `RUSTFLAGS`
//! and over every `rustflags` of a config file (cargo takes the first source it finds), so a
//! developer's `-D warnings`, in the environment or in `~/.cargo/config.toml`, cannot change a
//! compile-fail snapshot; and the diagnostic width is pinned instead of left to rustc's default.

use std::path::Path;
use std::process::{Command, Stdio};

/// The rustc flags of every listing build: the width rustc renders diagnostics at.
pub const RUSTFLAGS: &str = "--diagnostic-width=140";

/// Variables a developer may have set that would change what a listing prints or how it builds.
pub const SCRUBBED: [&str; 8] = [
    "RUSTFLAGS",
    "CARGO_BUILD_RUSTFLAGS",
    "RUSTDOCFLAGS",
    "RUST_BACKTRACE",
    "RUST_LIB_BACKTRACE",
    "CARGO_TERM_COLOR",
    "CARGO_BUILD_TARGET",
    "CARGO_TERM_QUIET",
];

/// `cargo <subcommand>` for the workspace at `root`, JSON messages on stdout.
pub fn command(root: &Path, subcommand: &[&str]) -> Command {
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.args(subcommand)
        .args(["--message-format=json", "--color=never", "--manifest-path"])
        .arg(root.join("Cargo.toml"))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for name in SCRUBBED {
        cmd.env_remove(name);
    }
    cmd.env("CARGO_ENCODED_RUSTFLAGS", RUSTFLAGS);
    cmd
}

/// Makes cargo compile with `rustc` instead of the toolchain's (the self-test's fake compiler).
/// Set on the harness's own commands only: the test binary itself was built by the real one.
pub fn with_rustc(cmd: &mut Command, rustc: Option<&Path>) {
    if let Some(rustc) = rustc {
        cmd.env("RUSTC", rustc);
    }
}

/// The command as a person would type it (for messages).
pub fn describe(cmd: &Command) -> String {
    let args: Vec<String> = cmd
        .get_args()
        .map(|a| a.to_string_lossy().into_owned())
        .filter(|a| !a.contains('/'))
        .collect();
    format!("cargo {}", args.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_environment_is_scrubbed() {
        let cmd = command(Path::new("/book"), &["build"]);
        let removed: Vec<String> = cmd
            .get_envs()
            .filter(|(_, v)| v.is_none())
            .map(|(k, _)| k.to_string_lossy().into_owned())
            .collect();
        for name in SCRUBBED {
            assert!(removed.iter().any(|r| r == name), "{name} is not removed");
        }
        let flags =
            cmd.get_envs().find(|(k, _)| *k == "CARGO_ENCODED_RUSTFLAGS").and_then(|(_, v)| v);
        assert_eq!(flags, Some(std::ffi::OsStr::new("--diagnostic-width=140")));
        assert!(cmd.get_args().any(|a| a == "--message-format=json"));
        assert_eq!(
            describe(&cmd),
            "cargo build --message-format=json --color=never --manifest-path"
        );
    }
}
