//! What the environment asks of a run, read once and checked: a bad value is an error naming
//! the variable, never a silent default.
//!
//! | variable | meaning |
//! |---|---|
//! | `BLESS=1` | rewrite snapshots from the real runs |
//! | `BOOK_NO_CACHE=1` | run every listing even if it passed unchanged before |
//! | `BOOK_REPEAT=N` | run each listing N times; any difference between runs fails (a pass of N runs is remembered as such) |
//! | `BOOK_ONLY=a,b` | exactly these checks; a name that matches no check is an error |
//! | `BOOK_SKIP_VALGRIND=1` | report listings that need valgrind as ignored when it is missing |
//! | `BOOK_UPGRADE=1` | with `BLESS=1`: bless on another toolchain than the one recorded (`cargo xtask upgrade-rust`) |
//! | `BOOK_REPORT=path` | write a review of every snapshot change and drift (Markdown) there |

use std::ffi::OsString;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub bless: bool,
    /// Skip listings whose inputs are unchanged since they last passed.
    pub cache: bool,
    pub repeat: usize,
    pub only: Option<Vec<String>>,
    pub skip_valgrind: bool,
    /// Bless may move the book to another toolchain than the recorded one.
    pub upgrade: bool,
    /// Where to write the review report of snapshot changes (`cargo xtask upgrade-rust`).
    pub report: Option<PathBuf>,
    /// The rustc cargo builds the listings with (`RUSTC` on the harness's cargo commands
    /// only); None: the one rustup picks. For the self-test's fake compiler.
    pub rustc: Option<PathBuf>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            bless: false,
            cache: true,
            repeat: 1,
            only: None,
            skip_valgrind: false,
            upgrade: false,
            report: None,
            rustc: None,
        }
    }
}

impl Options {
    pub fn from_env() -> Result<Options, String> {
        Options::from_lookup(|name| std::env::var_os(name))
    }

    /// `lookup` reads one variable (the real environment, or a test's).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<OsString>) -> Result<Options, String> {
        let text = |name: &str| -> Result<Option<String>, String> {
            match lookup(name) {
                None => Ok(None),
                Some(v) => {
                    v.into_string().map(Some).map_err(|v| format!("{name}={v:?} is not UTF-8"))
                }
            }
        };
        let switch = |name: &str| -> Result<bool, String> {
            book_listings::env::parse_switch(name, text(name)?.as_deref())
        };
        let bless = switch("BLESS")?;
        let repeat = match text("BOOK_REPEAT")?.as_deref() {
            None | Some("") => 1,
            Some(n) => match n.parse::<usize>() {
                Ok(n) if n >= 1 => n,
                _ => {
                    return Err(format!("BOOK_REPEAT={n:?}: expected a number of runs, 1 or more"));
                }
            },
        };
        let only = match text("BOOK_ONLY")? {
            None => None,
            Some(list) => {
                let names: Vec<String> = list
                    .split(',')
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(String::from)
                    .collect();
                if names.is_empty() {
                    return Err("BOOK_ONLY is set but names no check (a comma-separated list of check names)".into());
                }
                Some(names)
            }
        };
        if bless && repeat > 1 {
            return Err("BLESS=1 and BOOK_REPEAT: bless from one run, then hunt flakes".into());
        }
        let no_cache = switch("BOOK_NO_CACHE")?;
        Ok(Options {
            bless,
            cache: !bless && !no_cache,
            repeat,
            only,
            skip_valgrind: switch("BOOK_SKIP_VALGRIND")?,
            upgrade: switch("BOOK_UPGRADE")?,
            report: match text("BOOK_REPORT")? {
                None => None,
                Some(path) if path.is_empty() => {
                    return Err("BOOK_REPORT is set but empty: expected a file to write".into());
                }
                Some(path) => Some(PathBuf::from(path)),
            },
            rustc: None,
        })
    }
}

/// The book's root, found at run time: cargo sets `CARGO_MANIFEST_DIR` for the test binary it
/// runs. Baking it in at compile time would make a binary in a shared target dir check the
/// clone that built it, not the one it runs for.
pub fn book_root(lookup: impl Fn(&str) -> Option<OsString>) -> Result<PathBuf, String> {
    match lookup("CARGO_MANIFEST_DIR") {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => std::env::current_dir().map_err(|e| {
            format!("CARGO_MANIFEST_DIR is not set and the current folder is unreadable: {e}")
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(vars: &[(&str, &str)]) -> Result<Options, String> {
        let vars: Vec<(String, String)> =
            vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        Options::from_lookup(|name| {
            vars.iter().find(|(k, _)| k == name).map(|(_, v)| OsString::from(v))
        })
    }

    #[test]
    fn defaults() {
        assert_eq!(with(&[]).unwrap(), Options::default());
    }

    #[test]
    fn switches_take_1_or_0() {
        assert!(with(&[("BLESS", "1")]).unwrap().bless);
        assert!(!with(&[("BLESS", "0")]).unwrap().bless);
        assert!(!with(&[("BLESS", "1")]).unwrap().cache, "bless runs everything");
        assert!(!with(&[("BOOK_NO_CACHE", "1")]).unwrap().cache);
        assert_eq!(
            with(&[("BLESS", "yes")]).unwrap_err(),
            "BLESS=\"yes\": expected 1 (on) or 0 (off)"
        );
        assert!(with(&[("BOOK_SKIP_VALGRIND", "1")]).unwrap().skip_valgrind);
        assert!(with(&[("BOOK_NO_CACHE", "true")]).unwrap_err().starts_with("BOOK_NO_CACHE="));
    }

    #[test]
    fn repeat_must_be_a_positive_number() {
        let o = with(&[("BOOK_REPEAT", "3")]).unwrap();
        assert_eq!((o.repeat, o.cache), (3, true));
        assert!(!with(&[("BOOK_REPEAT", "3"), ("BOOK_NO_CACHE", "1")]).unwrap().cache);
        assert_eq!(with(&[("BOOK_REPEAT", "1")]).unwrap().repeat, 1);
        for bad in ["abc", "0", "-2", "2.5"] {
            let e = with(&[("BOOK_REPEAT", bad)]).unwrap_err();
            assert!(e.starts_with(&format!("BOOK_REPEAT=\"{bad}\"")), "{e}");
        }
        assert!(with(&[("BLESS", "1"), ("BOOK_REPEAT", "2")]).is_err());
    }

    #[test]
    fn report_names_a_file() {
        assert_eq!(with(&[("BOOK_REPORT", "t/r.md")]).unwrap().report, Some("t/r.md".into()));
        assert!(with(&[("BOOK_REPORT", "")]).unwrap_err().contains("BOOK_REPORT is set but empty"));
    }

    #[test]
    fn only_names_checks() {
        let o = with(&[("BOOK_ONLY", "a/b, c/d,")]).unwrap();
        assert_eq!(o.only, Some(vec!["a/b".to_string(), "c/d".to_string()]));
        assert!(with(&[("BOOK_ONLY", " , ")]).unwrap_err().contains("names no check"));
    }

    #[test]
    fn the_root_comes_from_the_run_not_the_build() {
        let root =
            book_root(|n| (n == "CARGO_MANIFEST_DIR").then(|| OsString::from("/other/clone")));
        assert_eq!(root.unwrap(), PathBuf::from("/other/clone"));
        assert_eq!(book_root(|_| None).unwrap(), std::env::current_dir().unwrap());
        let empty = book_root(|_| Some(OsString::new())).unwrap();
        assert_eq!(empty, std::env::current_dir().unwrap(), "an empty value is no folder");
    }
}
