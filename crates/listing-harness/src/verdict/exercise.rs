//! `exercise`: the starter's tests fail, and every one that fails reports the declared text
//! (`todo!()`'s "not yet implemented"): the starter is unfinished, not broken. The solution's
//! tests, the same bytes (checked by the model's `exercise::same_tests`), pass on every run.
//! The page shows both reports.

use book_listings::{Kind, Spec};

use super::{Observed, exited};
use crate::failure::Failure;

pub fn starter(kind: &Kind, starter_fails: &str, seen: &Observed) -> Result<String, Failure> {
    if exited(&seen.ran, 0) {
        return Err(Failure::StarterPasses { report: seen.stdout.clone() });
    }
    let failed = failed_tests(&seen.stdout);
    // libtest exits 101 when tests fail; anything else (a crash, the time limit) is not a
    // report of unfinished parts.
    if !exited(&seen.ran, 101) || failed.is_empty() {
        return Err(seen.unexpected(
            kind,
            format!("{} (its starter's tests were to fail)", seen.ran.ended.describe()),
        ));
    }
    let otherwise: Vec<(String, String)> =
        failed.into_iter().filter(|(_, report)| !report.contains(starter_fails)).collect();
    if !otherwise.is_empty() {
        return Err(Failure::StarterFailsOtherwise {
            expected: starter_fails.to_string(),
            tests: otherwise,
        });
    }
    Ok(seen.stdout.clone())
}

/// One run of the solution's tests (`run` counts from 1, for the message).
pub fn solution(spec: &Spec, seen: &Observed, run: u32) -> Result<String, Failure> {
    if !exited(&seen.ran, 0) {
        let of =
            if spec.runs > 1 { format!(", run {run} of {}", spec.runs) } else { String::new() };
        return Err(seen.unexpected(
            &spec.kind,
            format!("{} (its solution's tests{of})", seen.ran.ended.describe()),
        ));
    }
    if spec.check_leaks {
        let lost = crate::valgrind::leak_summary(&seen.raw_stderr, false)?;
        if lost.bytes > 0 {
            return Err(Failure::Leaked { report: lost.report });
        }
    }
    Ok(seen.stdout.clone())
}

/// The failed tests of a libtest report, each with the text libtest printed for it (its
/// captured output and panic message, between `---- NAME stdout ----` and the next section).
fn failed_tests(report: &str) -> Vec<(String, String)> {
    let names: Vec<&str> = report
        .lines()
        .filter_map(|l| l.strip_prefix("test ")?.strip_suffix(" ... FAILED"))
        .collect();
    names
        .into_iter()
        .map(|name| {
            let header = format!("---- {name} stdout ----\n");
            let text = report.find(&header).map_or("", |at| {
                let body = &report[at + header.len()..];
                let end = [body.find("\n---- "), body.find("\nfailures:\n")]
                    .into_iter()
                    .flatten()
                    .min()
                    .unwrap_or(body.len());
                &body[..end]
            });
            (name.to_string(), text.to_string())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::process::Ended;
    use crate::verdict::{observed, spec};

    const REPORT: &str = "\nrunning 3 tests\ntest tests::a ... FAILED\ntest tests::b ... ok\n\
        test tests::c ... FAILED\n\nfailures:\n\n---- tests::a stdout ----\n\nthread 'tests::a' \
        panicked at src/lib.rs:3:5:\nnot yet implemented\n\n---- tests::c stdout ----\n\nthread \
        'tests::c' panicked at src/lib.rs:9:5:\nassertion `left == right` failed\n\n\nfailures:\n\
        \x20   tests::a\n    tests::c\n\ntest result: FAILED. 1 passed; 2 failed\n";

    fn exercise() -> Spec {
        spec("kind = \"exercise\"\nstarter-fails = \"not yet implemented\"\nruns = 3")
    }

    #[test]
    fn each_failed_test_comes_with_its_own_report() {
        let failed = failed_tests(REPORT);
        let names: Vec<&str> = failed.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, ["tests::a", "tests::c"]);
        assert!(failed[0].1.ends_with("not yet implemented\n"), "{:?}", failed[0].1);
        assert!(failed[1].1.contains("left == right") && !failed[1].1.contains("not yet"));
    }

    #[test]
    fn a_starter_fails_only_for_the_declared_reason() {
        let s = exercise();
        let unfinished = REPORT.replace("assertion `left == right` failed", "not yet implemented");
        let seen = observed(Ended::Exited(101), &unfinished, "");
        assert_eq!(starter(&s.kind, "not yet implemented", &seen), Ok(unfinished.clone()));
        let broken =
            starter(&s.kind, "not yet implemented", &observed(Ended::Exited(101), REPORT, ""));
        match broken {
            Err(Failure::StarterFailsOtherwise { tests, .. }) => {
                assert_eq!(tests.len(), 1);
                assert_eq!(tests[0].0, "tests::c");
            }
            other => panic!("{other:?}"),
        }
        let passes = starter(&s.kind, "x", &observed(Ended::Exited(0), "test result: ok\n", ""));
        assert!(matches!(passes, Err(Failure::StarterPasses { .. })));
        let hung = starter(&s.kind, "x", &observed(Ended::CpuLimit, REPORT, "")).unwrap_err();
        assert!(hung.to_string().contains("its starter's tests were to fail"), "{hung}");
    }

    #[test]
    fn a_solution_passes_and_says_which_run_failed() {
        let s = exercise();
        assert_eq!(solution(&s, &observed(Ended::Exited(0), "ok\n", ""), 1), Ok("ok\n".into()));
        let failed = solution(&s, &observed(Ended::Exited(101), REPORT, ""), 2).unwrap_err();
        assert!(
            failed
                .to_string()
                .contains("exited with status 101 (its solution's tests, run 2 of 3)"),
            "{failed}"
        );
        let leaky = spec("kind = \"exercise\"\nstarter-fails = \"x\"\ncheck-leaks = true");
        let lost = "==1== LEAK SUMMARY:\n==1==    definitely lost: 8 bytes in 1 blocks\n";
        let seen = observed(Ended::Exited(0), "ok\n", lost);
        assert!(matches!(solution(&leaky, &seen, 1), Err(Failure::Leaked { .. })));
    }
}
