//! `leak`: exits 0 and valgrind reports definitely or indirectly lost bytes; the page shows
//! stdout, the loss records if asked for, and the leak summary.

use book_listings::Spec;

use super::{Observed, exited};
use crate::failure::Failure;
use crate::valgrind;

pub fn judge(spec: &Spec, package: &str, seen: &Observed) -> Result<String, Failure> {
    if !exited(&seen.ran, 0) {
        return Err(seen.unexpected(&spec.kind, seen.ran.ended.describe()));
    }
    let lost = valgrind::leak_summary(&seen.raw_stderr, spec.full_leak_summary)?;
    if lost.bytes == 0 {
        return Err(Failure::NoLeak { report: lost.report });
    }
    let records = if spec.loss_records {
        valgrind::loss_records(&seen.raw_stderr, package)?
    } else {
        String::new()
    };
    Ok(format!("{}{records}{}", seen.stdout, lost.report))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::process::Ended;
    use crate::verdict::{observed, spec};

    #[test]
    fn lost_bytes_are_a_leak() {
        let s = spec("kind = \"leak\"");
        let leaky = "==1== LEAK SUMMARY:\n==1==    definitely lost: 8 bytes in 1 blocks\n";
        assert_eq!(
            judge(&s, "x", &observed(Ended::Exited(0), "out\n", leaky)),
            Ok("out\n==PID== LEAK SUMMARY:\n==PID==    definitely lost: 8 bytes in 1 blocks\n"
                .into())
        );
        let freed = "==1== All heap blocks were freed -- no leaks are possible\n";
        assert!(matches!(
            judge(&s, "x", &observed(Ended::Exited(0), "", freed)),
            Err(Failure::NoLeak { .. })
        ));
        assert!(judge(&s, "x", &observed(Ended::Exited(1), "", leaky)).is_err());
    }
}
