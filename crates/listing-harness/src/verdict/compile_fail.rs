//! `compile-fail`: rustc fails with exactly the declared codes; the page shows its diagnostics.

use std::path::Path;
use std::process::Command;
use std::sync::LazyLock;

use crate::build::Built;
use crate::failure::Failure;

pub fn judge(
    errors: &[String],
    built: &Built,
    diagnostics: String,
    bless: bool,
) -> Result<String, Failure> {
    if !built.failed {
        return Err(Failure::Compiled { errors: errors.to_vec(), diagnostics });
    }
    let mut got = built.error_codes.clone();
    got.sort();
    got.dedup();
    if got != errors {
        return Err(Failure::WrongCodes { expected: errors.to_vec(), got, diagnostics });
    }
    if bless && !std_sources_installed() {
        // The snapshot would lack std's code that rustc quotes with rust-src, and CI has it.
        return Err(Failure::Infra(format!(
            "not blessing a compile-fail snapshot without rustup's rust-src component: rustc then \
             quotes no std code in its notes, and CI (which has it) would reject the snapshot. \
             `rustup component add rust-src`, then bless again.\n{diagnostics}"
        )));
    }
    Ok(diagnostics)
}

/// Said under a compile-fail mismatch on a machine without rust-src.
pub fn rust_src_note() -> Option<String> {
    (!std_sources_installed()).then(|| {
        "rustup's rust-src component is not installed, so rustc quotes no std code in its \
         notes, and the snapshots quote it: `rustup component add rust-src` (CI installs it)"
            .to_string()
    })
}

/// Whether rustc can show std's source in diagnostics that point into std.
fn std_sources_installed() -> bool {
    static INSTALLED: LazyLock<bool> = LazyLock::new(|| {
        let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
        Command::new(rustc).args(["--print", "sysroot"]).output().is_ok_and(|o| {
            let sysroot = String::from_utf8_lossy(&o.stdout).trim().to_string();
            Path::new(&sysroot).join("lib/rustlib/src/rust/library/std").is_dir()
        })
    });
    *INSTALLED
}

#[cfg(test)]
mod tests {
    use super::*;

    fn built(failed: bool, codes: &[&str]) -> Built {
        Built {
            failed,
            error_codes: codes.iter().map(|c| c.to_string()).collect(),
            ..Built::default()
        }
    }

    #[test]
    fn exact_codes_pass() {
        let codes = vec!["E0499".to_string(), "E0502".to_string()];
        let b = built(true, &["E0502", "E0499", "E0502"]);
        assert_eq!(judge(&codes, &b, "diag\n".into(), false), Ok("diag\n".into()));
    }

    /// What this machine really has, found without the code under test.
    fn rust_src_here() -> bool {
        let out = Command::new("rustc").args(["--print", "sysroot"]).output().unwrap();
        let sysroot = String::from_utf8_lossy(&out.stdout).trim().to_string();
        Path::new(&sysroot).join("lib/rustlib/src/rust/library/std").is_dir()
    }

    #[test]
    fn rust_src_is_found_and_bless_needs_it() {
        let here = rust_src_here();
        assert_eq!(std_sources_installed(), here);
        let note = rust_src_note();
        assert_eq!(note.is_none(), here);
        assert!(note.is_none_or(|n| n.contains("rustup component add rust-src")));
        let codes = vec!["E0502".to_string()];
        let blessed = judge(&codes, &built(true, &["E0502"]), "d\n".into(), true);
        assert_eq!(blessed.is_ok(), here, "{blessed:?}");
        if let Err(e) = blessed {
            assert!(matches!(e, Failure::Infra(_)) && e.to_string().contains("not blessing"));
        }
    }

    #[test]
    fn compiling_or_other_codes_fail() {
        let codes = vec!["E0502".to_string()];
        assert!(matches!(
            judge(&codes, &built(false, &[]), String::new(), false),
            Err(Failure::Compiled { .. })
        ));
        let wrong = judge(&codes, &built(true, &["E0499"]), String::new(), false).unwrap_err();
        assert!(matches!(&wrong, Failure::WrongCodes { got, .. } if got == &["E0499"]));
        let more = judge(&codes, &built(true, &["E0502", "E0499"]), String::new(), false);
        assert!(matches!(more, Err(Failure::WrongCodes { .. })), "an extra code is wrong too");
    }
}
