//! What `artikel check` reports: the house format and the house rules.

/// A frontmatter key the house format requires is missing.
pub fn check_missing_key(key: &str) -> String {
    format!("the frontmatter has no `{key}`")
}

/// The dates are the wrong way round.
pub const CHECK_DATE_ORDER: &str = "`lastUpdated` is before `datePublished`";

/// An article not updated for a while.
pub fn check_stale(months: u16, last: &str) -> String {
    format!("not updated for more than {months} months (last {last})")
}

/// An H2 heading that is not a question.
pub fn check_not_a_question(heading: &str) -> String {
    format!("“{heading}” is not phrased as a question (end it with `?`)")
}

/// A heading with nothing under it.
pub fn check_empty_section(heading: &str) -> String {
    format!("“{heading}” has nothing under it")
}

/// An FAQ question without an answer.
pub fn check_no_answer(heading: &str) -> String {
    format!("the FAQ question “{heading}” has no answer")
}

/// An article without an FAQ section.
pub const CHECK_NO_FAQ: &str = "there is no FAQ section (“Ofte stillede spørgsmål om …”)";

/// An FAQ section without questions.
pub const CHECK_FAQ_EMPTY: &str = "the FAQ section has no questions";

/// A question asked twice.
pub fn check_asked_twice(heading: &str, first_line: usize) -> String {
    format!("“{heading}” is asked twice (first on line {first_line})")
}

/// An internal link to no article.
pub fn check_link_no_article(target: &str) -> String {
    format!("the link to `{target}` names no article")
}

/// An internal link to no heading.
pub fn check_link_no_heading(target: &str) -> String {
    format!("the link to `{target}` names no heading")
}

/// A rule file that is not YAML of the right shape.
pub fn rules_not_yaml(problem: &str) -> String {
    format!("the house rules are not valid YAML of the expected shape: {problem}")
}

/// A rule file of a version this artikel does not know.
pub fn rules_version(version: u32) -> String {
    format!("the house rules are version {version}; this artikel reads version 1")
}

/// A rule id that is not lower-case letters, digits and `-`.
pub fn rules_bad_id(id: &str) -> String {
    format!("the rule id `{id}` must be lower-case letters, digits and `-`")
}

/// A rule id used twice, or one of check's own.
pub fn rules_id_taken(id: &str) -> String {
    format!("the rule id `{id}` is used twice or is one of check's own")
}

/// A substitution whose `find` does not begin and end with a letter or digit.
pub fn rules_find_not_words(id: &str) -> String {
    format!("substitution `{id}`: `find` must begin and end with a letter or digit (whole words)")
}

/// A substitution with nothing to use instead, or no reason.
pub fn rules_substitution_empty(id: &str) -> String {
    format!("substitution `{id}`: `use` and `reason` must be written, and `use` must differ from `find`")
}

/// A required-mention rule that asks for nothing.
pub fn rules_required_empty(id: &str) -> String {
    format!("required `{id}`: needs a `heading`, a `message` and words in `all_of` or `one_of` (none blank)")
}

/// A voice rule that cannot work.
pub fn rules_voice_invalid(id: &str) -> String {
    format!("voice `{id}`: needs words in `prefer` and `avoid`, and `mostly` above 0 and at most 1")
}

/// A length rule with a limit of nothing.
pub fn rules_length_invalid(id: &str) -> String {
    format!("length `{id}`: `section_words` and `faq_words` must be above 0")
}

/// An editor's data file (house rules, synonyms) that is not a regular file or is too large.
pub fn data_file_not_regular(max: u64) -> String {
    format!("is not a regular file of at most {max} bytes")
}

/// The finding for a rule file that cannot be used.
pub fn rules_unusable(problem: &str) -> String {
    format!("{problem} (the articles it governs are checked without house rules)")
}

/// A wrong word and the right one.
pub fn rule_substitution(found: &str, instead: &str, reason: &str) -> String {
    format!("“{found}” → “{instead}”: {reason}")
}

/// A word outside the house voice.
pub fn rule_voice(word: &str, message: &str) -> String {
    format!("“{word}”: {message}")
}

/// An answer longer than the house allows.
pub fn rule_length(heading: &str, words: usize, limit: usize) -> String {
    format!("the answer to “{heading}” is {words} words (the house keeps to {limit})")
}

/// A section that does not mention what it must.
pub fn rule_required(heading: &str, message: &str, missing: &[&str]) -> String {
    format!("“{heading}”: {message} (missing: {})", missing.join(", "))
}

/// How many findings of one rule were left out.
pub fn rule_more(n: usize) -> String {
    format!("… and {n} more like this")
}
