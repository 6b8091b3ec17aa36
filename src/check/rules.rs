//! House rules as data: the rule file editors write (`house-rules.yaml`), read and validated.
//!
//! A rule file holds four kinds of rule: substitutions (a wrong word → the right one),
//! required mentions (sections whose heading matches a pattern must name certain things),
//! voice (an article that mostly says *du* is warned where it says *man*) and length
//! (answers longer than a number of words). Each has an id, a severity and a message.
//! A broken file is one [`RuleError`], never a panic.

use super::Severity;
use super::editor::{Care, DoseWords, Editor, Medicine, SentenceRule, WordOrder, WordRule};
pub use super::mentioned::mentions;
use super::quick::QuickMap;
use crate::strings;
use serde::Deserialize;
use std::collections::HashSet;

/// The rule file bundled with the articles.
pub const BUNDLED: &str = include_str!("../../articles/house-rules.yaml");

/// The name of a rule file in an articles folder.
pub const FILE_NAME: &str = "house-rules.yaml";

/// The rule ids `check` itself uses; a house rule may not take one.
pub const BUILT_IN: &[&str] = &[
    "encoding",
    "frontmatter",
    "required-key",
    "date",
    "date-order",
    "stale",
    "question",
    "faq",
    "faq-answer",
    "duplicate-question",
    "empty-section",
    "link",
    "file",
    "duplicate-slug",
    "house-rules",
    "synonyms",
];

/// Why a rule file cannot be used: what is wrong, and on which line when that is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// The 1-based line of the rule file, when the YAML parser named one.
    pub line: Option<usize>,
    /// What is wrong, in a sentence.
    pub message: String,
}

/// A validated set of house rules, ready to apply.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    /// Substitutions, in file order.
    pub substitutions: Vec<Substitution>,
    /// Substitutions by the lower-case first word of what they find: one lookup per word of text.
    pub by_first_word: QuickMap<String, Vec<usize>>,
    /// Required mentions, in file order.
    pub required: Vec<Required>,
    /// The voice rule, if any.
    pub voice: Option<Voice>,
    /// The length rule, if any.
    pub length: Option<Length>,
    /// Levels of care, medicines, word forms and sentences.
    pub editor: Editor,
}

/// A wrong word or phrase and the right one.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Substitution {
    /// The rule's id (`--json` carries it).
    pub id: String,
    /// What to look for: whole words; a space matches any run of spaces or line ends. All
    /// lower case matches any case; with a capital it matches exactly as written.
    pub find: String,
    /// What to write instead.
    #[serde(rename = "use")]
    pub replace: String,
    /// Why, in a sentence.
    pub reason: String,
    /// The reason in English, shown under `--lang en` (else `reason`).
    #[serde(default)]
    pub reason_en: Option<String>,
    /// How much it matters.
    pub severity: Severity,
    /// Where the rule comes from.
    #[serde(default)]
    pub source: String,
    /// Text the rule must report.
    #[serde(default)]
    pub trigger: String,
    /// Text the rule must let pass.
    #[serde(default)]
    pub pass: String,
}

/// Sections whose heading matches must mention all of one set and one of another.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Required {
    /// The rule's id.
    pub id: String,
    /// Which headings: their text, case-insensitive, `*` standing for any text.
    pub heading: String,
    /// The rule applies only where the section mentions one of these (empty: always).
    #[serde(default)]
    pub if_mentions: Vec<String>,
    /// The section must mention every one of these.
    #[serde(default)]
    pub all_of: Vec<String>,
    /// The section must mention at least one of these.
    #[serde(default)]
    pub one_of: Vec<String>,
    /// What is wrong when it does not, in a sentence.
    pub message: String,
    /// The message in English, shown under `--lang en` (else `message`).
    #[serde(default)]
    pub message_en: Option<String>,
    /// How much it matters.
    pub severity: Severity,
    /// Where the rule comes from.
    #[serde(default)]
    pub source: String,
    /// Text the rule must report.
    #[serde(default)]
    pub trigger: String,
    /// Text the rule must let pass.
    #[serde(default)]
    pub pass: String,
}

/// The voice an article keeps to.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Voice {
    /// The rule's id.
    pub id: String,
    /// The words of the house voice (`du`, `dig`, `din` …).
    pub prefer: Vec<String>,
    /// The words to avoid where the article mostly keeps to the house voice (`man`).
    pub avoid: Vec<String>,
    /// From which share of `prefer` among all counted words an article "mostly" keeps the voice.
    pub mostly: f64,
    /// What is wrong, in a sentence.
    pub message: String,
    /// The message in English, shown under `--lang en` (else `message`).
    #[serde(default)]
    pub message_en: Option<String>,
    /// How much it matters.
    pub severity: Severity,
    /// Where the rule comes from.
    #[serde(default)]
    pub source: String,
    /// Text the rule must report.
    #[serde(default)]
    pub trigger: String,
    /// Text the rule must let pass.
    #[serde(default)]
    pub pass: String,
}

/// How long an answer may be.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Length {
    /// The rule's id.
    pub id: String,
    /// The most words under an H2 heading (up to the next heading).
    pub section_words: usize,
    /// The most words in an FAQ answer.
    pub faq_words: usize,
    /// How much it matters.
    pub severity: Severity,
    /// Where the rule comes from.
    #[serde(default)]
    pub source: String,
    /// Text the rule must report.
    #[serde(default)]
    pub trigger: String,
    /// Text the rule must let pass.
    #[serde(default)]
    pub pass: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    version: u32,
    #[serde(default)]
    substitutions: Vec<Substitution>,
    #[serde(default)]
    required: Vec<Required>,
    #[serde(default)]
    voice: Option<Voice>,
    #[serde(default)]
    length: Option<Length>,
    #[serde(default)]
    care: Option<Care>,
    #[serde(default)]
    medicines: Vec<Medicine>,
    #[serde(default)]
    words: Vec<WordRule>,
    #[serde(default)]
    sentences: Vec<SentenceRule>,
    #[serde(default)]
    word_order: Option<WordOrder>,
    #[serde(default)]
    dose_words: Option<DoseWords>,
}

impl RuleSet {
    /// The bundled rules. They are tested to be valid; should they not be, no rules.
    pub fn bundled() -> Result<RuleSet, RuleError> {
        RuleSet::parse(BUNDLED)
    }

    /// Reads and validates a rule file's text.
    pub fn parse(text: &str) -> Result<RuleSet, RuleError> {
        let file: File = serde_saphyr::from_str(text).map_err(|e| RuleError {
            line: e.location().and_then(|l| usize::try_from(l.line()).ok()).filter(|&l| l > 0),
            message: strings::rules_not_yaml(first_line(&e.to_string())),
        })?;
        let invalid = |message: String| RuleError { line: None, message };
        if file.version != 1 {
            return Err(invalid(strings::rules_version(file.version)));
        }
        let editor = Editor::new(
            file.care,
            file.medicines,
            file.words,
            file.sentences,
            file.word_order,
            file.dose_words,
        );
        let mut ids = HashSet::new();
        let all_ids = file
            .substitutions
            .iter()
            .map(|s| &s.id)
            .chain(file.required.iter().map(|r| &r.id))
            .chain(file.voice.iter().map(|v| &v.id))
            .chain(file.length.iter().map(|l| &l.id))
            .chain(editor.ids());
        for id in all_ids {
            let well_formed = !id.is_empty()
                && id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if !well_formed {
                return Err(invalid(strings::rules_bad_id(id)));
            }
            if BUILT_IN.contains(&id.as_str()) || !ids.insert(id.as_str()) {
                return Err(invalid(strings::rules_id_taken(id)));
            }
        }
        let mut by_first_word: QuickMap<String, Vec<usize>> = QuickMap::default();
        for (i, s) in file.substitutions.iter().enumerate() {
            let whole = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            if !whole(s.find.chars().next()) || !whole(s.find.chars().last()) {
                return Err(invalid(strings::rules_find_not_words(&s.id)));
            }
            if s.replace.trim().is_empty() || s.replace == s.find || s.reason.trim().is_empty() {
                return Err(invalid(strings::rules_substitution_empty(&s.id)));
            }
            by_first_word.entry(first_word(&s.find)).or_default().push(i);
        }
        for r in &file.required {
            let terms = r.if_mentions.iter().chain(&r.all_of).chain(&r.one_of);
            let blank_term = terms.clone().any(|t| t.trim_end_matches('*').trim().is_empty());
            if r.heading.trim().is_empty()
                || (r.all_of.is_empty() && r.one_of.is_empty())
                || blank_term
                || r.message.trim().is_empty()
            {
                return Err(invalid(strings::rules_required_empty(&r.id)));
            }
        }
        if let Some(v) = &file.voice {
            let blank = v.prefer.iter().chain(&v.avoid).any(|w| w.trim().is_empty());
            if v.prefer.is_empty() || v.avoid.is_empty() || blank || !(v.mostly > 0.0 && v.mostly <= 1.0) {
                return Err(invalid(strings::rules_voice_invalid(&v.id)));
            }
        }
        if let Some(l) = &file.length
            && (l.section_words == 0 || l.faq_words == 0)
        {
            return Err(invalid(strings::rules_length_invalid(&l.id)));
        }
        Ok(RuleSet {
            substitutions: file.substitutions,
            by_first_word,
            required: file.required,
            voice: file.voice,
            length: file.length,
            editor,
        })
    }
}

/// A rule's text in the language in force: `en` under English when the rule file gives it,
/// else the rule file's own (Danish) text.
pub fn in_lang<'a>(da: &'a str, en: &'a Option<String>) -> &'a str {
    match (strings::lang(), en) {
        (strings::Lang::En, Some(en)) if !en.trim().is_empty() => en,
        _ => da,
    }
}

/// One rule's id, source and examples, as the rule file gives them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Example {
    /// The rule's id.
    pub id: String,
    /// Where it comes from.
    pub source: String,
    /// Text it must report.
    pub trigger: String,
    /// Text it must let pass.
    pub pass: String,
}

impl RuleSet {
    /// Every rule's id, source and examples, in file order.
    pub fn examples(&self) -> Vec<Example> {
        let e = |id: &str, source: &str, trigger: &str, pass: &str| Example {
            id: id.to_string(),
            source: source.to_string(),
            trigger: trigger.to_string(),
            pass: pass.to_string(),
        };
        let ed = &self.editor;
        let care = ed.care.iter().flat_map(|c| &c.rules);
        std::iter::empty()
            .chain(self.substitutions.iter().map(|r| e(&r.id, &r.source, &r.trigger, &r.pass)))
            .chain(self.required.iter().map(|r| e(&r.id, &r.source, &r.trigger, &r.pass)))
            .chain(self.voice.iter().map(|r| e(&r.id, &r.source, &r.trigger, &r.pass)))
            .chain(self.length.iter().map(|r| e(&r.id, &r.source, &r.trigger, &r.pass)))
            .chain(care.map(|r| e(&r.id, &r.source, &r.trigger, &r.pass)))
            .chain(ed.medicines.iter().map(|r| e(&r.id, &r.source, &r.trigger, &r.pass)))
            .chain(ed.words.iter().map(|r| e(&r.id, &r.source, &r.trigger, &r.pass)))
            .chain(ed.sentences.iter().map(|r| e(&r.id, &r.source, &r.trigger, &r.pass)))
            .chain(ed.word_order.iter().map(|r| e(&r.id, &r.source, &r.trigger, &r.pass)))
            .chain(
                ed.word_order
                    .iter()
                    .flat_map(|r| &r.clause)
                    .map(|r| e(&r.id, &r.source, &r.trigger, &r.pass)),
            )
            .collect()
    }
}

/// The lower-case first word of `text` (up to its first character that is not a letter or digit).
pub fn first_word(text: &str) -> String {
    text.chars().take_while(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The first line of a parser's message, without the snippet of the file it quotes.
fn first_line(message: &str) -> &str {
    let first = message.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or(message);
    first.trim_start_matches("error:").trim()
}

/// Whether `heading` matches `pattern`: case-insensitive, `*` standing for any text.
pub fn heading_matches(pattern: &str, heading: &str) -> bool {
    matches_lowered(&lowered(pattern), &lowered(heading))
}

/// A pattern's or heading's characters as [`heading_matches`] compares them: trimmed, in lower case.
pub fn lowered(text: &str) -> Vec<char> {
    text.trim().chars().flat_map(char::to_lowercase).collect()
}

/// [`heading_matches`] of a [`lowered`] pattern and heading (each lowered once, not once a pair).
pub fn matches_lowered(p: &[char], t: &[char]) -> bool {
    // The classic wildcard walk: remember the last `*` and where the text stood, and
    // on a mismatch let that `*` swallow one more character.
    let (mut i, mut j) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while j < t.len() {
        if i < p.len() && p[i] == '*' {
            star = Some((i, j));
            i += 1;
        } else if i < p.len() && p[i] == t[j] {
            i += 1;
            j += 1;
        } else if let Some((si, sj)) = star {
            i = si + 1;
            j = sj + 1;
            star = Some((si, sj + 1));
        } else {
            return false;
        }
    }
    p[i..].iter().all(|&c| c == '*')
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = "version: 1\n";

    #[test]
    fn the_bundled_rule_file_is_valid_and_has_every_kind_of_rule() {
        let rules = RuleSet::bundled().expect("the bundled rules are valid");
        assert!(!rules.substitutions.is_empty());
        assert!(!rules.required.is_empty());
        assert!(rules.voice.is_some() && rules.length.is_some());
    }

    #[test]
    fn a_minimal_file_has_no_rules() {
        let rules = RuleSet::parse(MINIMAL).expect("valid");
        assert!(rules.substitutions.is_empty() && rules.required.is_empty() && rules.voice.is_none());
    }

    #[test]
    fn broken_yaml_is_one_error_with_its_line() {
        let e = RuleSet::parse("version: 1\nsubstitutions:\n  - id: [x\n").expect_err("broken");
        assert_eq!(e.line, Some(3), "{e:?}");
        assert!(e.message.contains("not valid YAML"), "{e:?}");
    }

    #[test]
    fn unknown_keys_wrong_types_and_unknown_severities_are_errors() {
        let unknown = "version: 1\nsubstitutions:\n  - id: a\n    find: x\n    use: y\n    reason: z\n    severity: error\n    colour: red\n";
        assert!(RuleSet::parse(unknown).is_err());
        let severity = unknown.replace("    colour: red\n", "").replace("error", "fatal");
        assert!(RuleSet::parse(&severity).is_err());
        assert!(RuleSet::parse("version: one\n").is_err());
        assert!(RuleSet::parse("- a list\n").is_err());
        assert!(RuleSet::parse("").is_err(), "an empty file says nothing, not even its version");
    }

    #[test]
    fn rules_that_cannot_work_are_refused_with_their_id() {
        let sub = |id: &str, find: &str, to: &str| {
            format!(
                "version: 1\nsubstitutions:\n  - id: {id}\n    find: \"{find}\"\n    use: \"{to}\"\n    reason: r\n    severity: warning\n"
            )
        };
        assert!(RuleSet::parse(&sub("ok", "sitter", "sidder")).is_ok());
        let e = RuleSet::parse(&sub("blank", " ", "x")).expect_err("blank find");
        assert!(e.message.contains("`blank`"), "{e:?}");
        assert!(RuleSet::parse(&sub("same", "x", "x")).is_err());
        assert!(RuleSet::parse(&sub("Bad Id", "x", "y")).is_err());
        assert!(RuleSet::parse(&sub("link", "x", "y")).is_err(), "a built-in rule's id");
        let twice = format!(
            "{}{}",
            sub("a", "x", "y"),
            sub("a", "z", "w").replace("version: 1\nsubstitutions:\n", "")
        );
        assert!(RuleSet::parse(&twice).expect_err("an id twice").message.contains("`a`"));
        let required =
            "version: 1\nrequired:\n  - id: r\n    heading: \"*\"\n    message: m\n    severity: error\n";
        assert!(RuleSet::parse(required).is_err(), "neither all_of nor one_of");
        let voice = "version: 1\nvoice:\n  id: v\n  prefer: [du]\n  avoid: [man]\n  mostly: 1.5\n  message: m\n  severity: warning\n";
        assert!(RuleSet::parse(voice).is_err(), "a share above 1");
        let length = "version: 1\nlength:\n  id: l\n  section_words: 0\n  faq_words: 10\n  severity: note\n";
        assert!(RuleSet::parse(length).is_err());
    }

    #[test]
    fn headings_match_with_stars_in_any_case() {
        let p = "Hvornår skal * søge læge*";
        assert!(heading_matches(p, "Hvornår skal du søge læge ved knæsmerter?"));
        assert!(heading_matches(p, "hvornår skal jeg søge læge?"));
        assert!(!heading_matches(p, "Hvornår skal man søge hjælp fra en fysioterapeut?"));
        assert!(heading_matches("*", "Alt"));
        assert!(!heading_matches("Om knæ", "Om knæet"));
    }

    #[test]
    fn mentions_are_whole_words_or_prefixes() {
        let text = "ring 112, eller kontakt lægevagten eller din egen læge.";
        assert!(mentions(text, "112"));
        assert!(!mentions("ring 1120", "112"));
        assert!(mentions(text, "Egen læge"));
        assert!(!mentions(text, "lægevagt"));
        assert!(mentions(text, "lægevagt*"));
    }
}
