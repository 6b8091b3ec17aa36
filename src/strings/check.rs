//! What `artikel check` reports: the house format and the house rules.

use super::{Lang, Phrase, lang};

/// A frontmatter key the house format requires is missing.
pub fn check_missing_key(key: &str) -> String {
    match lang() {
        Lang::En => format!("the frontmatter has no `{key}`"),
        Lang::Da => format!("frontmatter mangler `{key}`"),
    }
}

/// The dates are the wrong way round.
pub const CHECK_DATE_ORDER: Phrase =
    Phrase::new("`lastUpdated` is before `datePublished`", "`lastUpdated` ligger før `datePublished`");

/// An article not updated for a while.
pub fn check_stale(months: u16, last: &str) -> String {
    match lang() {
        Lang::En => format!("not updated for more than {months} months (last {last})"),
        Lang::Da => format!("ikke opdateret i mere end {months} måneder (sidst {last})"),
    }
}

/// An H2 heading that is not a question.
pub fn check_not_a_question(heading: &str) -> String {
    match lang() {
        Lang::En => format!("“{heading}” is not phrased as a question (end it with `?`)"),
        Lang::Da => format!("“{heading}” er ikke formuleret som et spørgsmål (slut med `?`)"),
    }
}

/// A heading with nothing under it.
pub fn check_empty_section(heading: &str) -> String {
    match lang() {
        Lang::En => format!("“{heading}” has nothing under it"),
        Lang::Da => format!("der står intet under “{heading}”"),
    }
}

/// An FAQ question without an answer.
pub fn check_no_answer(heading: &str) -> String {
    match lang() {
        Lang::En => format!("the FAQ question “{heading}” has no answer"),
        Lang::Da => format!("FAQ-spørgsmålet “{heading}” har intet svar"),
    }
}

/// An article without an FAQ section.
pub const CHECK_NO_FAQ: Phrase = Phrase::new(
    "there is no FAQ section (“Ofte stillede spørgsmål om …”)",
    "der er intet FAQ-afsnit (“Ofte stillede spørgsmål om …”)",
);

/// An FAQ section without questions.
pub const CHECK_FAQ_EMPTY: Phrase =
    Phrase::new("the FAQ section has no questions", "FAQ-afsnittet har ingen spørgsmål");

/// A question asked twice.
pub fn check_asked_twice(heading: &str, first_line: usize) -> String {
    match lang() {
        Lang::En => format!("“{heading}” is asked twice (first on line {first_line})"),
        Lang::Da => format!("“{heading}” stilles to gange (første gang i linje {first_line})"),
    }
}

/// An internal link to no article.
pub fn check_link_no_article(target: &str) -> String {
    match lang() {
        Lang::En => format!("the link to `{target}` names no article"),
        Lang::Da => format!("linket til `{target}` peger ikke på nogen artikel"),
    }
}

/// An internal link to no heading.
pub fn check_link_no_heading(target: &str) -> String {
    match lang() {
        Lang::En => format!("the link to `{target}` names no heading"),
        Lang::Da => format!("linket til `{target}` peger ikke på nogen overskrift"),
    }
}

/// A rule file that is not YAML of the right shape.
pub fn rules_not_yaml(problem: &str) -> String {
    match lang() {
        Lang::En => format!("the house rules are not valid YAML of the expected shape: {problem}"),
        Lang::Da => format!("husreglerne er ikke gyldig YAML i den forventede form: {problem}"),
    }
}

/// A rule file of a version this artikel does not know.
pub fn rules_version(version: u32) -> String {
    match lang() {
        Lang::En => format!("the house rules are version {version}; this artikel reads version 1"),
        Lang::Da => format!("husreglerne er version {version}; denne artikel læser version 1"),
    }
}

/// A rule id that is not lower-case letters, digits and `-`.
pub fn rules_bad_id(id: &str) -> String {
    match lang() {
        Lang::En => format!("the rule id `{id}` must be lower-case letters, digits and `-`"),
        Lang::Da => format!("regel-id'et `{id}` må kun bestå af små bogstaver, cifre og `-`"),
    }
}

/// A rule id used twice, or one of check's own.
pub fn rules_id_taken(id: &str) -> String {
    match lang() {
        Lang::En => format!("the rule id `{id}` is used twice or is one of check's own"),
        Lang::Da => format!("regel-id'et `{id}` er brugt to gange eller er et af checks egne"),
    }
}

/// A substitution whose `find` does not begin and end with a letter or digit.
pub fn rules_find_not_words(id: &str) -> String {
    match lang() {
        Lang::En => {
            format!("substitution `{id}`: `find` must begin and end with a letter or digit (whole words)")
        }
        Lang::Da => {
            format!("erstatning `{id}`: `find` skal begynde og slutte med et bogstav eller ciffer (hele ord)")
        }
    }
}

/// A substitution with nothing to use instead, or no reason.
pub fn rules_substitution_empty(id: &str) -> String {
    match lang() {
        Lang::En => format!(
            "substitution `{id}`: `use` and `reason` must be written, and `use` must differ from `find`"
        ),
        Lang::Da => format!(
            "erstatning `{id}`: `use` og `reason` skal udfyldes, og `use` skal være forskellig fra `find`"
        ),
    }
}

/// A required-mention rule that asks for nothing.
pub fn rules_required_empty(id: &str) -> String {
    match lang() {
        Lang::En => format!(
            "required `{id}`: needs a `heading`, a `message` and words in `all_of` or `one_of` (none blank)"
        ),
        Lang::Da => format!(
            "krav `{id}`: skal have en `heading`, en `message` og ord i `all_of` eller `one_of` (ingen tomme)"
        ),
    }
}

/// A voice rule that cannot work.
pub fn rules_voice_invalid(id: &str) -> String {
    match lang() {
        Lang::En => {
            format!("voice `{id}`: needs words in `prefer` and `avoid`, and `mostly` above 0 and at most 1")
        }
        Lang::Da => {
            format!("tone `{id}`: skal have ord i `prefer` og `avoid` og en `mostly` over 0 og højst 1")
        }
    }
}

/// A length rule with a limit of nothing.
pub fn rules_length_invalid(id: &str) -> String {
    match lang() {
        Lang::En => format!("length `{id}`: `section_words` and `faq_words` must be above 0"),
        Lang::Da => format!("længde `{id}`: `section_words` og `faq_words` skal være over 0"),
    }
}

/// An editor's data file (house rules, synonyms) that is not a regular file or is too large.
pub fn data_file_not_regular(max: u64) -> String {
    match lang() {
        Lang::En => format!("is not a regular file of at most {max} bytes"),
        Lang::Da => format!("er ikke en almindelig fil på højst {max} byte"),
    }
}

/// The finding for a rule file that cannot be used.
pub fn rules_unusable(problem: &str) -> String {
    match lang() {
        Lang::En => format!("{problem} (the articles it governs are checked without house rules)"),
        Lang::Da => format!("{problem} (de artikler, den gælder for, tjekkes uden husregler)"),
    }
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
    match lang() {
        Lang::En => {
            let w = if words == 1 { "word" } else { "words" };
            format!("the answer to “{heading}” is {words} {w} (the house keeps to {limit})")
        }
        Lang::Da => format!("svaret på “{heading}” er på {words} ord (husets grænse er {limit})"),
    }
}

/// A section that does not mention what it must.
pub fn rule_required(heading: &str, message: &str, missing: &[&str]) -> String {
    let missing = missing.join(", ");
    match lang() {
        Lang::En => format!("“{heading}”: {message} (missing: {missing})"),
        Lang::Da => format!("“{heading}”: {message} (mangler: {missing})"),
    }
}

/// How many findings of one rule were left out.
pub fn rule_more(n: usize) -> String {
    match lang() {
        Lang::En => format!("… and {n} more like this"),
        Lang::Da => format!("… og {n} til af samme slags"),
    }
}

/// A level of care, in a few words.
pub fn level_short(level: crate::care::Level) -> &'static str {
    use crate::care::Level;
    match (lang(), level) {
        (_, Level::Call112) => "112",
        (Lang::En, Level::Now) => "right away",
        (Lang::En, Level::SameDay) => "the same day",
        (Lang::En, Level::Days) => "within days",
        (Lang::Da, Level::Now) => "med det samme",
        (Lang::Da, Level::SameDay) => "samme dag",
        (Lang::Da, Level::Days) => "inden for få dage",
    }
}

/// A warning sign under a lead of a lower level of care than it needs (or of none).
pub fn sign_level(sign: &str, needs: &str, lead: &str, message: &str) -> String {
    match lang() {
        Lang::En => format!("“{sign}” needs {needs}, but stands under “{lead}”: {message}"),
        Lang::Da => format!("“{sign}” kræver {needs}, men står under “{lead}”: {message}"),
    }
}

/// A medicine named in a section without some of its cautions.
pub fn medicine_cautions(name: &str, missing: &str) -> String {
    match lang() {
        Lang::En => format!("{name} is named without its cautions in the same section (missing: {missing})"),
        Lang::Da => {
            format!("{name} nævnes uden sine forsigtighedsregler i samme afsnit (mangler: {missing})")
        }
    }
}

/// A dose above a medicine's limit for one dose (or, `daily`, for a day).
pub fn medicine_dose(name: &str, dose: &str, daily: bool, limit: &str) -> String {
    match (lang(), daily) {
        (Lang::En, false) => {
            format!("{dose} at a time: above the adult limit for {name} ({limit} at a time)")
        }
        (Lang::En, true) => format!("{dose} a day: above the adult limit for {name} ({limit} a day)"),
        (Lang::Da, false) => {
            format!("{dose} ad gangen: over grænsen for voksne for {name} ({limit} ad gangen)")
        }
        (Lang::Da, true) => format!("{dose} i døgnet: over grænsen for voksne for {name} ({limit} i døgnet)"),
    }
}

/// Too few hours between doses.
pub fn medicine_interval(name: &str, hours: f64, min: f64) -> String {
    match lang() {
        Lang::En => format!("{hours} hours between doses of {name}: at least {min}"),
        Lang::Da => format!("{hours} timer mellem doserne af {name}: mindst {min}"),
    }
}

/// A region given another region's number.
pub fn region_number(region: &str, number: &str, right: &str, message: &str) -> String {
    match lang() {
        Lang::En => format!("{region} with {number}: its number is {right}; {message}"),
        Lang::Da => format!("{region} med {number}: regionens nummer er {right}; {message}"),
    }
}

/// A warning sign the table gives an article, not named where it says when to seek help.
pub fn sign_not_named(sign: &str, level: &str, message: &str) -> String {
    match lang() {
        Lang::En => format!("“{sign}” ({level}) is not named: {message}"),
        Lang::Da => format!("“{sign}” ({level}) nævnes ikke: {message}"),
    }
}
