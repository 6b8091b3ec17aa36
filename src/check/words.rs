//! Danish words `check` looks for in the articles' text: matched, never shown to a user.

/// What after an amount says it is one dose.
pub const SINGLE_DOSE: &[&str] = &["ad gangen", "pr. gang", "per gang", "dosis", "hver gang", "enkeltdosis"];

/// What after an amount says it is a day's dose.
pub const DAILY_DOSE: &[&str] = &["døgn", "om dagen", "dagligt", "pr. dag", "per dag", "daglig"];

/// Ways an article names the reader's own doctor.
pub const OWN_DOCTOR: &[&str] = &["egen læge", "din læge", "praktiserende læge"];
