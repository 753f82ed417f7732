//! `run`: exits 0; the page shows its stdout (and, with `full-leak-summary`, valgrind's summary).

use book_listings::Spec;

use super::{Observed, exited};
use crate::failure::Failure;
use crate::valgrind;

pub fn judge(spec: &Spec, seen: &Observed) -> Result<String, Failure> {
    if !exited(&seen.ran, 0) {
        return Err(seen.unexpected(&spec.kind, seen.ran.ended.describe()));
    }
    let mut shown = seen.stdout.clone();
    if spec.check_leaks {
        let lost = valgrind::leak_summary(&seen.raw_stderr, spec.full_leak_summary)?;
        if lost.bytes > 0 {
            return Err(Failure::Leaked { report: lost.report });
        }
        if spec.full_leak_summary {
            shown += &lost.report;
        }
    }
    Ok(shown)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::process::Ended;
    use crate::verdict::{observed, spec};

    #[test]
    fn exit_zero_shows_stdout() {
        let s = spec("kind = \"run\"");
        assert_eq!(judge(&s, &observed(Ended::Exited(0), "hi\n", "")), Ok("hi\n".into()));
        let e = judge(&s, &observed(Ended::Exited(1), "hi\n", "oops\n")).unwrap_err();
        assert_eq!(
            e.to_string(),
            "expected: run\nactual: it exited with status 1 after 0.3 s\n--- stdout\nhi\n--- stderr\noops\n"
        );
        assert!(
            judge(&s, &observed(Ended::CpuLimit, "", ""))
                .unwrap_err()
                .to_string()
                .contains("CPU time limit")
        );
    }

    #[test]
    fn check_leaks_reads_valgrind() {
        let s = spec("kind = \"run\"\ncheck-leaks = true\nfull-leak-summary = true");
        let clean = "==1== LEAK SUMMARY:\n==1==    definitely lost: 0 bytes in 0 blocks\n==1==    still reachable: 544 bytes in 1 blocks\n";
        let shown = judge(&s, &observed(Ended::Exited(0), "out\n", clean)).unwrap();
        assert!(
            shown.starts_with("out\n==PID== LEAK SUMMARY:\n")
                && shown.ends_with("still reachable: 544 bytes in 1 blocks\n"),
            "{shown}"
        );
        let leaky = "==1== LEAK SUMMARY:\n==1==    definitely lost: 8 bytes in 1 blocks\n";
        assert!(matches!(
            judge(&s, &observed(Ended::Exited(0), "", leaky)),
            Err(Failure::Leaked { .. })
        ));
    }
}
