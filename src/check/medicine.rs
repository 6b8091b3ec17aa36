//! Medicines: a dose above the adult single or daily limit, too few hours between doses,
//! and a medicine named in a section without the cautions that must stand beside it.

use super::Severity;
use super::editor::{Editor, found, sections};
use super::house::Found;
use super::mentioned::{Mentioned, Starts};
use super::rules::mentions;
use super::text::{Kind, Unit};
use crate::strings;
use serde::Deserialize;

/// The words that say what an amount is: one dose, or a day's.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DoseWords {
    /// One dose ("ad gangen").
    pub single: Vec<String>,
    /// A day's ("i døgnet").
    pub daily: Vec<String>,
}

/// A medicine: its names, adult limits and the cautions that must stand in the same section.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Medicine {
    /// The rule's id (`--json` carries it).
    pub id: String,
    /// Its names and brands (whole words, `*` any ending).
    pub names: Vec<String>,
    /// The most for an adult at one time, in mg.
    #[serde(default)]
    pub single_max_mg: Option<f64>,
    /// The most for an adult in a day, in mg.
    #[serde(default)]
    pub daily_max_mg: Option<f64>,
    /// The fewest hours between doses.
    #[serde(default)]
    pub min_hours: Option<f64>,
    /// What must be said wherever it is named.
    #[serde(default)]
    pub cautions: Vec<Caution>,
    /// How much it matters.
    pub severity: Severity,
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

/// A caution: what it is about, and the words that say it (any one).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Caution {
    /// What the caution is about ("leveren").
    pub about: String,
    /// The words that say it (whole words, `*` any ending); any one will do.
    pub says: Vec<String>,
}

impl Editor {
    pub(super) fn medicine_checks(&self, units: &[Unit], out: &mut Vec<Found>) {
        if self.medicines.is_empty() {
            return;
        }
        for section in sections(units) {
            // The words' first letters say which names the section may mention: its text is
            // looked through only for those.
            let starts = Starts::union(section.iter().map(|u| u.starts(&self.heads)));
            let names = |m: usize, text: &str, starts: &Starts| {
                let heads = self.medicines[m].names.iter().zip(&self.name_heads[m]);
                heads.into_iter().any(|(n, h)| starts.may_mention_head(*h) && mentions(text, n))
            };
            if !self.name_heads.iter().flatten().any(|h| starts.may_mention_head(*h)) {
                continue;
            }
            let lower = super::care::lines_lower(section);
            if !(0..self.medicines.len()).any(|m| names(m, &lower, &starts)) {
                continue;
            }
            let mut last: Option<usize> = None;
            let mut first_named: Vec<Option<usize>> = vec![None; self.medicines.len()];
            for unit in section.iter().filter(|u| !matches!(u.kind, Kind::Heading(_))) {
                // Which medicines the paragraph names; one that names none and has no number
                // is passed over.
                let u_lower = unit.lower();
                let u_starts = unit.starts(&self.heads);
                let named: Vec<usize> =
                    (0..self.medicines.len()).filter(|&m| names(m, u_lower, u_starts)).collect();
                if named.is_empty() && !u_lower.bytes().any(|b| b.is_ascii_digit()) {
                    continue;
                }
                for (at, sentence) in unit.sentences() {
                    let s_lower = super::text::lower_case(sentence);
                    for &m in &named {
                        if first_named[m].is_none()
                            && self.medicines[m].names.iter().any(|n| mentions(&s_lower, n))
                        {
                            first_named[m] = Some(unit.line_at(at));
                        }
                    }
                    if s_lower.bytes().any(|b| b.is_ascii_digit()) {
                        self.doses(&s_lower, &mut last, unit.line_at(at), out);
                    }
                    // The medicine named last in the sentence is the one a later dose is of.
                    let latest = named
                        .iter()
                        .filter_map(|&m| {
                            self.medicines[m]
                                .names
                                .iter()
                                .filter_map(|n| last_mention(&s_lower, n))
                                .max()
                                .map(|p| (p, m))
                        })
                        .max();
                    if let Some((_, m)) = latest {
                        last = Some(m);
                    }
                }
            }
            // The section's words sorted, when a medicine named in it needs its cautions.
            let mut said: Option<Mentioned> = None;
            for (med, line) in self.medicines.iter().zip(&first_named) {
                let Some(line) = *line else { continue };
                let said = said.get_or_insert_with(|| Mentioned::new(&lower));
                let missing: Vec<&str> = med
                    .cautions
                    .iter()
                    .filter(|c| !c.says.iter().any(|t| said.mentions(t)))
                    .map(|c| c.about.as_str())
                    .collect();
                if !missing.is_empty() {
                    let message = strings::medicine_cautions(&med.names[0], &missing.join(", "));
                    out.push(found(line, med.severity, &med.id, message, &med.source));
                }
            }
        }
    }

    /// The medicine named at or nearest before byte `at` of `lower`, else the one named last.
    fn medicine_near(&self, lower: &str, at: usize, last: &mut Option<usize>) -> Option<usize> {
        let after = lower[at..].split_whitespace().take(4).collect::<Vec<_>>().join(" ");
        let named =
            |text: &str| self.medicines.iter().position(|m| m.names.iter().any(|n| mentions(text, n)));
        if let Some(m) = named(&after) {
            return Some(m);
        }
        let before = &lower[..at];
        let nearest = self
            .medicines
            .iter()
            .enumerate()
            .filter_map(|(i, m)| m.names.iter().filter_map(|n| last_mention(before, n)).max().map(|p| (p, i)))
            .max()
            .map(|(_, i)| i);
        nearest.or(*last)
    }

    /// Doses and intervals in one sentence (lower case) above a medicine's limits.
    fn doses(&self, lower: &str, last: &mut Option<usize>, line: usize, out: &mut Vec<Found>) {
        let amounts = amounts(lower);
        for (n, a) in amounts.iter().enumerate() {
            let Some(m) = self.medicine_near(lower, a.end, last) else { continue };
            let med = &self.medicines[m];
            let until = amounts.get(n + 1).map_or(lower.len(), |b| b.start);
            // An amount says what it is before the next one, or, in a list of amounts
            // ("1 g paracetamol eller 400 mg ibuprofen som en enkelt dosis"), after the last.
            let kind = self.dose_words.as_ref().map_or(DoseKind::Unsaid, |w| {
                let between = &lower[a.end..until];
                let listed =
                    until < lower.len() && [" eller ", " og ", ","].iter().any(|j| between.contains(j));
                match dose_kind(between, w) {
                    DoseKind::Unsaid if listed => dose_kind(&lower[a.end..], w),
                    said => said,
                }
            });
            let limit = match kind {
                DoseKind::Single => med.single_max_mg.map(|l| (l, false)),
                _ => med.daily_max_mg.map(|l| (l, true)),
            };
            if let Some((limit, daily)) = limit
                && a.mg > limit
            {
                let message = strings::medicine_dose(&med.names[0], &a.text, daily, &mg_text(limit));
                out.push(found(line, med.severity, &med.id, message, &med.source));
            }
        }
        if let Some((at, hours)) = interval(lower)
            && let Some(m) = self.medicine_near(lower, at, last)
            && let Some(min) = self.medicines[m].min_hours
            && hours < min
        {
            let med = &self.medicines[m];
            let message = strings::medicine_interval(&med.names[0], hours, min);
            out.push(found(line, med.severity, &med.id, message, &med.source));
        }
    }
}

/// Where the last whole-word mention of `term` begins in `lower`.
fn last_mention(lower: &str, term: &str) -> Option<usize> {
    let t = super::mentioned::lower(term.trim_end_matches('*'));
    if t.is_empty() {
        // (Every place matches the empty text, as `match_indices` finds it; none is a mention.)
        return None;
    }
    // The matches that do not overlap, left to right, as `match_indices` finds them.
    let found = memchr::memmem::find_iter(lower.as_bytes(), t.as_bytes());
    found.filter(|&i| mentions(&lower[i..], term)).last()
}

/// An amount of a medicine in a sentence.
#[derive(Debug)]
struct Amount {
    start: usize,
    end: usize,
    mg: f64,
    text: String,
}

/// The amounts in g or mg in lower-case `text` ("1.200 mg", "0,5 g", "200–400 mg": the larger).
fn amounts(text: &str) -> Vec<Amount> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let starts = bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric());
        if !starts {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < bytes.len() && (bytes[end].is_ascii_digit() || matches!(bytes[end], b'.' | b',')) {
            end += 1;
        }
        let number = text[i..end].trim_end_matches(['.', ',']);
        let after = &text[i + number.len()..];
        let unit_len = ["mg", "milligram", "gram", "g"]
            .iter()
            .map(|u| (u, after.trim_start()))
            .find(|(u, rest)| {
                rest.starts_with(**u) && !rest[u.len()..].starts_with(|c: char| c.is_alphanumeric())
            })
            .map(|(u, rest)| (u, after.len() - rest.len() + u.len()));
        if let (Some((u, len)), Some(value)) = (unit_len, number_value(number)) {
            let mg = if u.starts_with('m') { value } else { value * 1000.0 };
            let stop = i + number.len() + len;
            out.push(Amount { start: i, end: stop, mg, text: text[i..stop].to_string() });
            i = stop;
        } else {
            i = end.max(i + 1);
        }
    }
    out
}

/// A Danish number: `1.200` is twelve hundred, `0,5` a half.
fn number_value(text: &str) -> Option<f64> {
    let thousands = text.split('.').skip(1).all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    let plain = if thousands { text.replace('.', "") } else { text.to_string() };
    plain.replace(',', ".").parse().ok()
}

#[derive(Debug, PartialEq)]
enum DoseKind {
    Single,
    Daily,
    Unsaid,
}

/// Whether the text after an amount says it is one dose or a day's, in the words of `words`.
fn dose_kind(after: &str, words: &DoseWords) -> DoseKind {
    let first = |list: &[String]| list.iter().filter_map(|p| after.find(p.as_str())).min();
    let (single, daily) = (first(&words.single), first(&words.daily));
    match (single, daily) {
        (Some(s), Some(d)) if s < d => DoseKind::Single,
        (Some(_), None) => DoseKind::Single,
        (_, Some(_)) => DoseKind::Daily,
        _ => DoseKind::Unsaid,
    }
}

/// The hours a sentence puts between doses ("mindst 4 timer mellem", "hver 2. time").
fn interval(lower: &str) -> Option<(usize, f64)> {
    let words: Vec<(usize, &str)> = super::house::words(lower).collect();
    for (n, &(at, w)) in words.iter().enumerate() {
        let Some(value) = number_value(w) else { continue };
        let next = words.get(n + 1).map(|(_, w)| *w);
        let after = words.get(n + 2).map(|(_, w)| *w);
        let hours = matches!(next, Some("timer" | "time" | "timers"));
        let between = matches!(after, Some("mellem")) || n > 0 && words[n - 1].1 == "mindst";
        let every = n > 0 && words[n - 1].1 == "hver" && hours;
        if hours && (between || every) {
            return Some((at, value));
        }
    }
    None
}

fn mg_text(mg: f64) -> String {
    if mg >= 1000.0 && (mg / 1000.0).fract() == 0.0 {
        format!("{} g", mg / 1000.0)
    } else {
        format!("{mg} mg")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_read_the_danish_way() {
        let a = amounts("højst 1.200 mg i døgnet, 0,5 g eller 200–400 mg, 50 kg og 2 gange");
        let mg: Vec<f64> = a.iter().map(|a| a.mg).collect();
        assert_eq!(mg, [1200.0, 500.0, 400.0], "a range counts by its upper end");
        let words = DoseWords { single: vec!["ad gangen".into()], daily: vec!["døgn".into()] };
        assert_eq!(dose_kind(" ad gangen og 4 g i døgnet", &words), DoseKind::Single);
        assert_eq!(dose_kind(" i døgnet", &words), DoseKind::Daily);
        assert_eq!(interval("med mindst 2 timer mellem doserne").map(|(_, h)| h), Some(2.0));
        assert_eq!(interval("hver 3. time").map(|(_, h)| h), Some(3.0));
    }
}
