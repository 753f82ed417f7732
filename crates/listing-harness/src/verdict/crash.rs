//! `crash`: killed by a signal, with the declared text on stderr; the page shows stdout,
//! stderr and the signal.

use book_listings::Kind;

use super::Observed;
use crate::failure::Failure;
use crate::process::{Ended, signal_name};

pub fn judge(kind: &Kind, message: &str, seen: &Observed) -> Result<String, Failure> {
    let Ended::Signalled(sig) = seen.ran.ended else {
        return Err(
            seen.unexpected(kind, format!("{} instead of crashing", seen.ran.ended.describe()))
        );
    };
    if !seen.stderr.contains(message) {
        return Err(seen.unexpected(kind, format!("crashed, but without {message:?} on stderr,")));
    }
    Ok(format!(
        "{}{}[process killed by signal {sig} ({})]\n",
        seen.stdout,
        seen.stderr,
        signal_name(sig)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::verdict::observed;

    #[test]
    fn a_signal_with_its_message() {
        let kind = Kind::Crash { message: "overflowed".into() };
        let stderr = "thread 'main' has overflowed its stack\n";
        assert_eq!(
            judge(&kind, "overflowed", &observed(Ended::Signalled(6), "", stderr)),
            Ok(format!("{stderr}[process killed by signal 6 (SIGABRT)]\n"))
        );
        assert!(judge(&kind, "overflowed", &observed(Ended::Signalled(6), "", "")).is_err());
        let fine = judge(&kind, "overflowed", &observed(Ended::Exited(0), "", stderr)).unwrap_err();
        assert!(fine.to_string().contains("instead of crashing"));
    }
}
