//! `panic`: exits with 101 after a panic whose message holds the declared text; the page shows
//! stdout, then the panic message.

use book_listings::Kind;

use super::{Observed, exited};
use crate::failure::Failure;

pub fn judge(kind: &Kind, message: &str, seen: &Observed) -> Result<String, Failure> {
    if !(exited(&seen.ran, 101) && seen.stderr.contains("panicked at")) {
        return Err(seen.unexpected(kind, format!("{} without a panic", seen.ran.ended.describe())));
    }
    if !seen.stderr.contains(message) {
        return Err(seen.unexpected(kind, format!("panicked, but not with {message:?},")));
    }
    Ok(format!("{}{}", seen.stdout, seen.stderr))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::process::Ended;
    use crate::verdict::observed;

    #[test]
    fn a_panic_with_its_message() {
        let kind = Kind::Panic { message: "boom".into() };
        let stderr = "thread 'main' (TID) panicked at src/main.rs:1:13:\nboom\n";
        assert_eq!(
            judge(&kind, "boom", &observed(Ended::Exited(101), "a\n", stderr)),
            Ok(format!("a\n{stderr}"))
        );
        let other = judge(&kind, "fizz", &observed(Ended::Exited(101), "", stderr)).unwrap_err();
        assert!(other.to_string().contains("panicked, but not with \"fizz\""));
        let calm = judge(&kind, "boom", &observed(Ended::Exited(0), "", "")).unwrap_err();
        assert!(calm.to_string().contains("exited with status 0 without a panic"));
        let exit101 =
            judge(&kind, "boom", &observed(Ended::Exited(101), "", "boom\n")).unwrap_err();
        assert!(exit101.to_string().contains("without a panic"), "101 alone is not a panic");
    }
}
