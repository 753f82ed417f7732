//! The book's on/off environment variables (`BLESS`, `BOOK_NO_CACHE`, ...), read the same way
//! by the harness and by xtask: unset, empty or `0` is off, `1` is on, anything else an error
//! naming the variable.

/// Reads the switch `name` from the environment.
pub fn switch(name: &str) -> Result<bool, String> {
    match std::env::var(name) {
        Ok(value) => parse_switch(name, Some(&value)),
        Err(std::env::VarError::NotPresent) => Ok(false),
        Err(std::env::VarError::NotUnicode(v)) => Err(format!("{name}={v:?} is not UTF-8")),
    }
}

/// `value` is the variable's text, `None` when unset.
pub fn parse_switch(name: &str, value: Option<&str>) -> Result<bool, String> {
    match value {
        None | Some("") | Some("0") => Ok(false),
        Some("1") => Ok(true),
        Some(other) => Err(format!("{name}={other:?}: expected 1 (on) or 0 (off)")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn switches_are_read_from_the_environment() {
        // Cargo sets these for the test binary: this crate is version 0.1.0.
        assert_eq!(switch("CARGO_PKG_VERSION_MINOR"), Ok(true));
        assert_eq!(switch("CARGO_PKG_VERSION_MAJOR"), Ok(false));
        assert_eq!(switch("BOOK_LISTINGS_NEVER_SET_IN_ANY_ENVIRONMENT"), Ok(false));
        assert!(
            switch("CARGO_PKG_NAME").unwrap_err().starts_with("CARGO_PKG_NAME=\"book-listings\"")
        );
    }

    #[test]
    fn switches_are_1_or_0() {
        assert_eq!(parse_switch("BLESS", None), Ok(false));
        assert_eq!(parse_switch("BLESS", Some("")), Ok(false));
        assert_eq!(parse_switch("BLESS", Some("0")), Ok(false));
        assert_eq!(parse_switch("BLESS", Some("1")), Ok(true));
        assert_eq!(
            parse_switch("BOOK_NO_CACHE", Some("yes")),
            Err("BOOK_NO_CACHE=\"yes\": expected 1 (on) or 0 (off)".into())
        );
    }
}
