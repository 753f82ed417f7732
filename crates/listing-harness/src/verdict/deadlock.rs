//! `deadlock`: still running at the end of the wait, and using no CPU: blocked, not busy. The
//! page shows what it printed until it was killed.

use book_listings::Spec;

use super::Observed;
use crate::failure::Failure;
use crate::process::Ended;

pub fn judge(spec: &Spec, seen: &Observed) -> Result<String, Failure> {
    if seen.ran.ended != Ended::StillRunning {
        return Err(seen.unexpected(
            &spec.kind,
            format!("{} instead of staying blocked", seen.ran.ended.describe()),
        ));
    }
    if seen.ran.busy_at_end {
        return Err(Failure::Busy {
            cpu: seen.ran.cpu,
            wait: spec.timeout,
            stdout: seen.stdout.clone(),
        });
    }
    Ok(format!(
        "{}{}[still blocked after {} s, so the program was stopped]\n",
        seen.stdout,
        seen.stderr,
        spec.timeout.as_secs_f64()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verdict::{observed, spec};
    use std::time::Duration;

    #[test]
    fn blocked_passes_busy_and_finished_fail() {
        let s = spec("kind = \"deadlock\"\ntimeout-secs = 1");
        assert_eq!(
            judge(&s, &observed(Ended::StillRunning, "locked\n", "")),
            Ok("locked\n[still blocked after 1 s, so the program was stopped]\n".into())
        );
        let mut busy = observed(Ended::StillRunning, "spin\n", "");
        busy.ran.cpu = Duration::from_millis(990);
        busy.ran.busy_at_end = true;
        let e = judge(&s, &busy).unwrap_err();
        assert_eq!(
            e.to_string(),
            "expected: deadlock\nactual: busy, not blocked: 1.0 s of CPU, and still running rather than waiting at the end of the 1 s wait (a deadlocked program waits without using the CPU)\n--- stdout\nspin\n"
        );
        let done = judge(&s, &observed(Ended::Exited(0), "", "")).unwrap_err();
        assert!(done.to_string().contains("exited with status 0 instead of staying blocked"));
    }
}
