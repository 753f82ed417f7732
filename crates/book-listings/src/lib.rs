//! The model of a listing, shared by the harness (`listing-harness`), the mdBook preprocessor
//! (`mdbook-listings`) and `xtask`: one parser, one scanner, one table per kind, so the three
//! cannot disagree about what a listing is.

pub mod caption;
pub mod env;
pub mod exercise;
pub mod inline_code;
pub mod kind;
pub mod layout;
pub mod lines;
pub mod markdown;
pub mod prose;
pub mod spec;
pub mod standalone;

pub use kind::Kind;
pub use layout::{Layout, ListingDir};
pub use spec::{ClippyRun, Spec, SpecError};
