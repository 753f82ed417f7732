//! `test`: the library's `#[test]`s pass, or (`failing-tests`) fail with the declared text in
//! libtest's report; the page shows the report.

use book_listings::Spec;

use super::{Observed, exited};
use crate::failure::Failure;

pub fn judge(spec: &Spec, seen: &Observed) -> Result<String, Failure> {
    match &spec.failing_tests {
        None if exited(&seen.ran, 0) => Ok(seen.stdout.clone()),
        None => Err(seen.unexpected(&spec.kind, seen.ran.ended.describe())),
        Some(text) => {
            if !exited(&seen.ran, 101) {
                return Err(seen.unexpected(
                    &spec.kind,
                    format!("{} (its tests were declared to fail)", seen.ran.ended.describe()),
                ));
            }
            let report = format!("{}{}", seen.stdout, seen.stderr);
            if !report.contains(text.as_str()) {
                return Err(seen.unexpected(
                    &spec.kind,
                    format!("failed, but without {text:?} in the report,"),
                ));
            }
            Ok(seen.stdout.clone())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::process::Ended;
    use crate::verdict::{observed, spec};

    #[test]
    fn passing_and_declared_failing_tests() {
        let s = spec("kind = \"test\"");
        assert_eq!(judge(&s, &observed(Ended::Exited(0), "ok\n", "")), Ok("ok\n".into()));
        assert!(judge(&s, &observed(Ended::Exited(101), "FAILED\n", "")).is_err());
        let f = spec("kind = \"test\"\nfailing-tests = \"left: 2\"");
        assert_eq!(
            judge(&f, &observed(Ended::Exited(101), "left: 2\n", "")),
            Ok("left: 2\n".into())
        );
        let passed = judge(&f, &observed(Ended::Exited(0), "ok\n", "")).unwrap_err();
        assert!(passed.to_string().contains("its tests were declared to fail"));
        let other = judge(&f, &observed(Ended::Exited(101), "left: 3\n", "")).unwrap_err();
        assert!(other.to_string().contains("without \"left: 2\""));
    }
}
