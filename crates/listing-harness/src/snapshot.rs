//! Compares what a listing really did with its snapshot, or (bless) rewrites the snapshot from
//! the real run and says so.

use std::path::Path;

use similar::TextDiff;

use crate::failure::Failure;

/// How a snapshot is compared with a run.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Order {
    Exact,
    /// Lines may come in any order (threads): equal as a multiset of lines. The snapshot holds
    /// one real run's output, in the order that run produced.
    AnyLineOrder,
}

fn same(expected: &str, actual: &str, order: Order) -> bool {
    match order {
        Order::Exact => expected == actual,
        Order::AnyLineOrder => {
            fn sorted(t: &str) -> Vec<&str> {
                let mut lines: Vec<&str> = t.lines().collect();
                lines.sort_unstable();
                lines
            }
            expected.ends_with('\n') == actual.ends_with('\n') && sorted(expected) == sorted(actual)
        }
    }
}

/// `check` is the listing's check name, for the command that re-blesses just this one.
/// Returns whether bless rewrote the file.
pub fn compare(
    path: &Path,
    actual: &str,
    check: &str,
    bless: bool,
    order: Order,
) -> Result<bool, Failure> {
    let expected = std::fs::read_to_string(path).ok();
    if bless {
        if expected.as_deref().is_some_and(|e| same(e, actual, order)) {
            return Ok(false);
        }
        std::fs::write(path, actual)
            .map_err(|e| Failure::Infra(format!("cannot write {}: {e}", path.display())))?;
        eprintln!("blessed {} ({check})", path.display());
        return Ok(true);
    }
    let Some(expected) = expected else {
        return Err(Failure::MissingSnapshot {
            path: path.to_path_buf(),
            check: check.to_string(),
            actual: actual.to_string(),
        });
    };
    if same(&expected, actual, order) {
        return Ok(false);
    }
    let diff = diff(path, &expected, actual);
    Err(Failure::Differs { path: path.to_path_buf(), check: check.to_string(), diff, note: None })
}

/// The snapshot at `path` against a run, as a unified diff.
pub fn diff(path: &Path, expected: &str, actual: &str) -> String {
    TextDiff::from_lines(expected, actual)
        .unified_diff()
        .context_radius(3)
        .header(&path.display().to_string(), "actual run")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_line_order_is_a_multiset() {
        assert!(same("a\nb\n", "b\na\n", Order::AnyLineOrder));
        assert!(!same("a\nb\n", "b\na\n", Order::Exact));
        assert!(!same("a\na\nb\n", "a\nb\nb\n", Order::AnyLineOrder), "counts matter");
        assert!(!same("a\nb", "b\na\n", Order::AnyLineOrder));
    }

    #[test]
    fn compare_reports_and_bless_writes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("output.txt");
        let missing = compare(&path, "new\n", "ch/01", false, Order::Exact).unwrap_err();
        assert!(matches!(missing, Failure::MissingSnapshot { .. }));
        assert!(missing.to_string().contains("`BLESS=1 cargo test ch/01`"));
        assert_eq!(compare(&path, "new\n", "ch/01", true, Order::Exact), Ok(true));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new\n");
        assert_eq!(
            compare(&path, "new\n", "ch/01", true, Order::Exact),
            Ok(false),
            "unchanged: not rewritten"
        );
        assert_eq!(compare(&path, "new\n", "ch/01", false, Order::Exact), Ok(false));
        let differs = compare(&path, "old\n", "ch/01", false, Order::Exact).unwrap_err();
        let text = differs.to_string();
        assert!(text.contains("-new\n+old"), "{text}");
        // A run in another order leaves a multiset snapshot as the real run wrote it.
        std::fs::write(&path, "b\na\n").unwrap();
        assert_eq!(compare(&path, "a\nb\n", "ch/01", true, Order::AnyLineOrder), Ok(false));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "b\na\n");
    }
}
