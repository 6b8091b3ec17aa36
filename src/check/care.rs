//! The level of care in the "when to seek help" section: each warning sign under a lead of
//! the level it needs, one level to a sentence, 112, egen læge and the out-of-hours route
//! present, and each region given its own number.

use super::Severity;
use super::editor::{Ways, found, sections};
use super::house::Found;
use super::mentioned::{Head, Heads};
use super::rules::{in_lang, mentions};
use super::scratch::Scratch;
use super::text::{Kind, Unit, sentences};
use crate::signs::{Level, Signs, way, way_said, words_of};
use crate::strings;
use serde::Deserialize;
use std::borrow::Cow;

/// The rule file's `care` part: levels of care, the section on when to seek help, the regions.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Care {
    /// How a bold lead says each level of care (whole words, `*` any ending).
    pub levels: Levels,
    /// Ways a heading asks when to seek help (the `says` syntax of `warning-signs.yaml`).
    pub section: Vec<String>,
    /// Ways a heading sends the reader elsewhere first (a physiotherapist): not that section.
    #[serde(default)]
    pub not_section: Vec<String>,
    /// How the section names one's own doctor ("egen læge").
    pub own_doctor: Vec<String>,
    /// The regions' out-of-hours routes.
    pub regions: Vec<Region>,
    /// The checks, each with its id, severity, message, source and examples.
    pub rules: Vec<CareRule>,
}

/// The words of each level of care.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Levels {
    /// Ring 112.
    #[serde(rename = "112")]
    call112: Vec<String>,
    /// Right away.
    akut: Vec<String>,
    /// The same day.
    #[serde(rename = "samme-dag")]
    same_day: Vec<String>,
    /// Within a few days.
    dage: Vec<String>,
}

impl Levels {
    /// The most urgent level `lower` (lower-case text) says; a "112" it denies ("ring ikke
    /// 112 – bestil tid") is not 112.
    fn of(&self, lower: &str) -> Option<Level> {
        let lists = [&self.call112, &self.akut, &self.same_day, &self.dage];
        let denied_112 = lower.contains("112") && !calls_112(lower);
        Level::ALL
            .into_iter()
            .zip(lists)
            .filter(|(level, _)| !(denied_112 && *level == Level::Call112))
            .find(|(_, l)| l.iter().any(|t| mentions(lower, t)))
            .map(|(l, _)| l)
    }
}

/// A region's out-of-hours route.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// Its name ("Region Hovedstaden").
    pub name: String,
    /// How a text names it (whole words, `*` any ending): `hovedstade*`.
    pub says: String,
    /// Its number.
    pub number: String,
    /// Where and when the number was checked.
    pub checked: String,
}

/// Which of the care checks a rule is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CareCheck {
    /// A warning sign under a lower level of care than the table gives it.
    SignLevel,
    /// One sentence offering 112 or a lower level.
    TwoLevels,
    /// No section on when to seek help.
    Section,
    /// The section does not say when to ring 112.
    Section112,
    /// The section does not name one's own doctor.
    SectionOwnDoctor,
    /// The section does not give the out-of-hours route of every region.
    SectionOutOfHours,
    /// The section's heading does not ask when to seek help.
    SectionHeading,
    /// A warning sign the table gives to this article, not named in its section.
    SignMissing,
    /// 1813 named without saying it is the Capital Region's.
    CapitalOnly,
    /// A region given another region's number.
    RegionNumber,
}

/// One care check.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CareRule {
    /// The rule's id (`--json` carries it).
    pub id: String,
    /// Which check it is.
    pub check: CareCheck,
    /// How much it matters.
    pub severity: Severity,
    /// What is wrong, in a sentence.
    pub message: String,
    /// The message in English, shown under `--lang en` (else `message`).
    #[serde(default)]
    pub message_en: Option<String>,
    /// Where the rule comes from (Sundhedsstyrelsen, a region, a product summary), and when it was checked.
    #[serde(default)]
    pub source: String,
    /// Text the rule must report.
    #[serde(default)]
    pub trigger: String,
    /// Text the rule must let pass.
    #[serde(default)]
    pub pass: String,
}

/// The care checks.
pub(super) fn care_checks(
    care: &Care,
    (signs, scratch): (&Signs, &mut Scratch),
    slug: &str,
    units: &[Unit],
    first: usize,
    (heads, region_heads): (&Heads, &[Head]),
    out: &mut Vec<Found>,
) {
    let rule = |check: CareCheck| care.rules.iter().find(|r| r.check == check);
    let mut push = |r: &CareRule, line: usize, message: String| {
        out.push(found(line, r.severity, &r.id, message, &r.source));
    };
    let section_ways: Vec<Ways> = care.section.iter().map(|w| way(w)).collect();
    let not_ways: Vec<Ways> = care.not_section.iter().map(|w| way(w)).collect();
    // The section, found by meaning: a heading that asks when to seek help, or one with 112 under it.
    let mut section: Option<&[Unit]> = None;
    let mut elsewhere: Option<usize> = None;
    let mut asked = false;
    for part in sections(units) {
        let Some(head) = part.first().filter(|u| u.kind == Kind::Heading(2)) else { continue };
        let said = head.words();
        let asks = section_ways.iter().any(|w| way_said(w, said));
        let away = not_ways.iter().any(|w| way_said(w, said));
        let calls = part.iter().any(|u| {
            u.lead
                .as_deref()
                .is_some_and(|l| care.levels.of(&super::text::lower_case(l)) == Some(Level::Call112))
        });
        if (asks && !away) || calls {
            section = Some(part);
            asked = asks && !away;
            break;
        }
        if asks && away {
            elsewhere = Some(head.line());
        }
    }
    match section {
        None => {
            if let Some(r) = rule(CareCheck::Section) {
                push(r, elsewhere.unwrap_or(first), rule_message(r));
            }
        }
        Some(part) => {
            let line = part[0].line();
            let lower = lines_lower(part);
            let ring = sentences(&lower).iter().any(|(_, s)| calls_112(s));
            if let Some(r) = rule(CareCheck::Section112).filter(|_| !ring) {
                push(r, line, rule_message(r));
            }
            let own = care.own_doctor.iter().any(|t| mentions(&lower, t));
            if let Some(r) = rule(CareCheck::SectionOwnDoctor).filter(|_| !own) {
                push(r, line, rule_message(r));
            }
            let digits = compact(&lower);
            let missing: Vec<&str> = care
                .regions
                .iter()
                .filter(|g| !digits.contains(&compact(&g.number)))
                .map(|g| g.name.as_str())
                .collect();
            if let Some(r) = rule(CareCheck::SectionOutOfHours)
                && (!mentions(&lower, "lægevagt*") || !missing.is_empty())
            {
                let message = format!("{} ({})", rule_message(r), missing.join(", "));
                push(r, line, if missing.is_empty() { rule_message(r) } else { message });
            }
            if let Some(r) = rule(CareCheck::SectionHeading).filter(|_| !asked) {
                push(r, line, rule_message(r));
            }
            if let Some(r) = rule(CareCheck::SignMissing) {
                // Paragraph by paragraph, as the levels are judged (a milder case's words in
                // one paragraph do not hide the sign in another).
                // A list item is read with the paragraph that leads it ("… lændesmerter sammen
                // med et af disse tegn:" above "- feber").
                // (Read only when the table gives the article a sign.)
                let mine = |s: &crate::signs::Sign| s.articles.iter().any(|a| a == slug);
                let named: Vec<Vec<bool>> = if signs.iter().any(mine) {
                    let mut above = "";
                    let said: Vec<Cow<crate::signs::Words>> = part
                        .iter()
                        .map(|u| {
                            if u.lead.is_some() || u.kind != Kind::Item {
                                above = &u.text;
                                Cow::Borrowed(u.words())
                            } else {
                                Cow::Owned(words_of(&format!("{above} {}", u.text)))
                            }
                        })
                        .collect();
                    // Which signs each paragraph names, the paragraph's words walked once for all.
                    said.iter().map(|w| signs.named_each(w)).collect()
                } else {
                    Vec::new()
                };
                for (i, sign) in signs.iter().enumerate().filter(|(_, s)| mine(s)) {
                    if !named.iter().any(|n| n[i]) {
                        let message = strings::sign_not_named(
                            &sign.da,
                            strings::level_short(sign.level),
                            &rule_message(r),
                        );
                        out.push(found(line, r.severity, &r.id, message, &sign.source));
                    }
                }
            }
            if let Some(r) = rule(CareCheck::SignLevel) {
                sign_levels(care, (signs, scratch), part, r, out);
            }
        }
    }
    for unit in units.iter().filter(|u| !matches!(u.kind, Kind::Heading(_))) {
        // Only paragraphs that name 112 or a region are read sentence by sentence. (Lower
        // case changes no digit, and makes none: the numbers are looked for as written.)
        let starts = unit.starts(heads);
        if !unit.text.contains("112")
            && !unit.text.contains("1813")
            && !care
                .regions
                .iter()
                .zip(region_heads)
                .any(|(g, h)| starts.may_mention_head(*h) && mentions(unit.lower(), &g.says))
        {
            continue;
        }
        for (at, sentence) in unit.sentences() {
            let lower = super::text::lower_case(sentence);
            if let Some(r) = rule(CareCheck::TwoLevels)
                && two_levels(&lower)
            {
                out.push(found(unit.line_at(at), r.severity, &r.id, rule_message(r), &r.source));
            }
            regions(care, &lower, unit.line_at(at), out);
        }
    }
}

/// A care rule's message in the language in force.
fn rule_message(r: &CareRule) -> String {
    in_lang(&r.message, &r.message_en).to_string()
}

/// The units' texts in lower case, a line each.
pub(super) fn lines_lower(units: &[Unit]) -> String {
    let mut lower = String::new();
    for u in units {
        lower.push_str(u.lower());
        lower.push('\n');
    }
    lower
}

/// Digits only.
fn compact(text: &str) -> String {
    text.chars().filter(char::is_ascii_digit).collect()
}

/// Whether a lower-case sentence tells the reader to ring 112 (not "ring ikke 112").
fn calls_112(lower: &str) -> bool {
    let words: Vec<&str> = crate::search::analyze::words(lower).collect();
    words.iter().enumerate().any(|(i, w)| {
        *w == "112"
            && !words[i.saturating_sub(3)..i].iter().any(|b| matches!(*b, "ikke" | "aldrig" | "ingen"))
    })
}

/// The words of a lower level of care than 112.
fn lower_route(word: &str) -> bool {
    ["lægevagt", "1813", "1818", "skadestue", "akuttelefon", "læge", "lægen", "fødested", "bestil"]
        .iter()
        .any(|r| word.starts_with(r))
}

/// Whether a sentence offers 112 or a lower level for the same thing ("ring 112 eller lægevagten").
fn two_levels(lower: &str) -> bool {
    let words: Vec<&str> = crate::search::analyze::words(lower).collect();
    let near = |from: usize, to: usize, f: &dyn Fn(&str) -> bool| {
        words.iter().take(to.min(words.len())).skip(from).any(|w| f(w))
    };
    words.iter().enumerate().any(|(i, w)| {
        let eller = |at: usize| words.get(at) == Some(&"eller");
        if *w == "112" {
            (1..=2).any(|d| eller(i + d) && near(i + d + 1, i + d + 4, &lower_route))
        } else if lower_route(w) {
            (1..=3).any(|d| eller(i + d) && near(i + d + 1, i + d + 3, &|x| x == "112"))
        } else {
            false
        }
    })
}

/// The out-of-hours numbers in a sentence, each with its region.
fn regions(care: &Care, lower: &str, line: usize, out: &mut Vec<Found>) {
    let rule = |check: CareCheck| care.rules.iter().find(|r| r.check == check);
    if !lower.contains("1813") && !care.regions.iter().any(|g| mentions(lower, &g.says)) {
        return;
    }
    let capital = care.regions.iter().find(|g| compact(&g.number) == "1813");
    if let (Some(r), Some(capital)) = (rule(CareCheck::CapitalOnly), capital)
        && crate::search::analyze::words(lower).any(|w| w == "1813")
        && !mentions(lower, &capital.says)
    {
        out.push(found(line, r.severity, &r.id, rule_message(r), &r.source));
    }
    let Some(r) = rule(CareCheck::RegionNumber) else { return };
    for clause in lower.split([',', ';', ':']).flat_map(|c| c.split(" og ")) {
        let named: Vec<&Region> = care.regions.iter().filter(|g| mentions(clause, &g.says)).collect();
        let digits = number_runs(clause);
        let numbers: Vec<&Region> =
            care.regions.iter().filter(|g| digits.contains(&compact(&g.number))).collect();
        if let ([region], [number]) = (named.as_slice(), numbers.as_slice())
            && region.name != number.name
        {
            let message =
                strings::region_number(&region.name, &number.number, &region.number, &rule_message(r));
            out.push(found(line, r.severity, &r.id, message, &region.checked));
        }
    }
}

/// The runs of digits (with the spaces between their groups taken out) in a text.
fn number_runs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut run = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            run.push(c);
        } else if c == ' ' && !run.is_empty() && chars.peek().is_some_and(char::is_ascii_digit) {
            continue;
        } else if !run.is_empty() {
            out.push(std::mem::take(&mut run));
        }
    }
    if !run.is_empty() {
        out.push(run);
    }
    out
}

/// Each warning sign named in the section, against the level of care of the lead it stands under.
fn sign_levels(
    care: &Care,
    (signs, scratch): (&Signs, &mut Scratch),
    part: &[Unit],
    r: &CareRule,
    out: &mut Vec<Found>,
) {
    // The lead in force: its text and level (None: a lead that says no level).
    let mut current: Option<(String, Option<Level>)> = None;
    for unit in &part[1..] {
        if let Some(lead) = &unit.lead {
            current = Some((lead.clone(), care.levels.of(&super::text::lower_case(lead))));
        } else if unit.kind == Kind::Heading(3) {
            current = None;
        }
        let Some((lead, level)) = &current else { continue };
        // No sign needs more than 112: under its lead none stands too low, and none is looked for.
        if *level == Some(Level::Call112) {
            continue;
        }
        for sign in scratch.signs_named(signs, unit) {
            let low = match level {
                Some(l) => *l > sign.level,
                None => true,
            };
            if low {
                let message =
                    strings::sign_level(&sign.da, strings::level_short(sign.level), lead, &rule_message(r));
                out.push(found(unit.line(), r.severity, &r.id, message, &sign.source));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_levels_in_one_sentence_are_found_and_one_level_twice_is_not() {
        assert!(two_levels("ring 112 eller lægevagten, hvis du får lammelser"));
        assert!(two_levels("kontakt lægevagten eller ring 112"));
        assert!(two_levels("**ring 112** eller bestil tid hos egen læge, hvis du har nakkesmerter"));
        assert!(!two_levels("kontakt egen læge med det samme, eller lægevagten uden for lægens åbningstid"));
        assert!(!two_levels("ring 112, hvis du bliver bleg, eller hvis du ikke kan bevæge benene"));
    }

    #[test]
    fn ring_ikke_112_is_no_call() {
        assert!(calls_112("ring 112, hvis du får lammelser"));
        assert!(!calls_112("ring ikke 112 for lette smerter"));
    }
}
