//! An exercise's two halves share one set of tests: the end of `src/lib.rs`, from a line that
//! is exactly `#[cfg(test)]`, must be the same bytes in the starter and in the solution, or the
//! solution would pass tests the reader never saw.

/// The line that opens an exercise's tests.
pub const TESTS_START: &str = "#[cfg(test)]";

/// The tests of a source file: (1-based line where they start, the text from there to the end).
pub fn tests(source: &str) -> Option<(usize, &str)> {
    let mut offset = 0;
    for (index, line) in source.split_inclusive('\n').enumerate() {
        if line.trim_end_matches(['\n', '\r']) == TESTS_START {
            return Some((index + 1, &source[offset..]));
        }
        offset += line.len();
    }
    None
}

/// The short name a reader uses for an exercise folder: `80-exercise-tree` → `tree`
/// (`cargo xtask exercise tree`, and the page's hint under its Run button).
pub fn slug(folder: &str) -> String {
    let without_number = folder.split_once('-').map_or(folder, |(n, rest)| {
        if n.chars().all(|c| c.is_ascii_digit()) { rest } else { folder }
    });
    without_number.strip_prefix("exercise-").unwrap_or(without_number).to_string()
}

/// Why the two halves' tests are not the same, with lines to look at in each.
#[derive(Debug, Clone, PartialEq)]
pub enum TestsMismatch {
    /// The starter (`true`) or the solution (`false`) has no `#[cfg(test)]` line.
    Missing { in_starter: bool },
    /// They first differ at these lines of each file (the line past the end if one is shorter).
    Differ { starter_line: usize, solution_line: usize },
}

pub fn same_tests(starter: &str, solution: &str) -> Result<(), TestsMismatch> {
    let (start, theirs) = tests(starter).ok_or(TestsMismatch::Missing { in_starter: true })?;
    let (sol_start, ours) = tests(solution).ok_or(TestsMismatch::Missing { in_starter: false })?;
    if theirs == ours {
        return Ok(());
    }
    let a: Vec<&str> = theirs.split_inclusive('\n').collect();
    let b: Vec<&str> = ours.split_inclusive('\n').collect();
    let first = (0..a.len().max(b.len())).find(|&i| a.get(i) != b.get(i)).unwrap_or(0);
    Err(TestsMismatch::Differ { starter_line: start + first, solution_line: sol_start + first })
}

#[cfg(test)]
mod tests {
    use super::*;

    const STARTER: &str = "pub fn f() -> u8 {\n    todo!()\n}\n\n#[cfg(test)]\nmod tests {\n    #[test]\n    fn one() {}\n}\n";

    #[test]
    fn short_names_drop_the_number_and_the_word_exercise() {
        assert_eq!(slug("80-exercise-tree"), "tree");
        assert_eq!(slug("81-exercise-rc-that-counts"), "rc-that-counts");
        assert_eq!(slug("tree"), "tree");
        assert_eq!(slug("x-exercise-y"), "x-exercise-y");
    }

    #[test]
    fn the_tests_start_at_their_line() {
        let (line, text) = tests(STARTER).unwrap();
        assert_eq!(line, 5);
        assert!(text.starts_with("#[cfg(test)]\nmod tests {"));
        assert_eq!(
            tests("#[cfg(test)] mod t {}\n"),
            None,
            "the line must be exactly the attribute"
        );
    }

    #[test]
    fn identical_tests_after_different_code_agree() {
        let solution = STARTER.replace("todo!()", "1\n    // more lines\n");
        assert_eq!(same_tests(STARTER, &solution), Ok(()));
    }

    #[test]
    fn a_changed_byte_or_a_missing_part_is_located() {
        let solution = STARTER.replace("fn one() {}", "fn one()  {}");
        assert_eq!(
            same_tests(STARTER, &solution),
            Err(TestsMismatch::Differ { starter_line: 8, solution_line: 8 })
        );
        let longer = format!("{STARTER}// extra\n");
        assert_eq!(
            same_tests(STARTER, &longer),
            Err(TestsMismatch::Differ { starter_line: 10, solution_line: 10 })
        );
        assert_eq!(
            same_tests("fn f() {}\n", STARTER),
            Err(TestsMismatch::Missing { in_starter: true })
        );
        assert_eq!(
            same_tests(STARTER, "fn f() {}\n"),
            Err(TestsMismatch::Missing { in_starter: false })
        );
    }
}
