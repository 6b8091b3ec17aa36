//! Lookup: the quality of `faq` against the query sets in this folder, and the `faq`/`search` commands.
//!
//! One test binary for these modules, so the program is linked once for all of them.

mod asked;
mod lookup_cli;
mod lookup_quality;
