//! `review verify`, whichever engine keeps the ledger: the trail checked against itself (each
//! row's hash, by [`super::trail::hash`]) and the tables against the state the trail left.
//! Each engine reads what it holds into a [`Found`]; the checking is here, once.

use super::trail::{Lift, Row, comment_row, decision_row, hash, lift_row, rename_row};
use super::{Comment, Decision};
use serde_json::{Value, json};
use std::collections::{BTreeMap, HashMap};

/// Everything a ledger holds that `review verify` checks, as read from its engine: also what
/// `review migrate` copies from one engine to another.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Found {
    /// The trail in order of `seq`, each row with its stored hash.
    pub rows: Vec<(Row, String)>,
    /// Each decision, by uid, in the order made.
    pub decisions: Vec<(String, Decision)>,
    /// Each comment, and whether it is marked deleted.
    pub comments: Vec<(Comment, bool)>,
    /// The policy's keys and values.
    pub policy: Vec<(String, String)>,
    /// The lifted requests for changes.
    pub lifts: Vec<Lift>,
    /// Renames: old, new, by, reason, at.
    pub renames: Vec<(String, String, String, String, String)>,
    /// Replies: id, parent.
    pub replies: Vec<(String, String)>,
    /// Kept texts: slug, version, text.
    pub texts: Vec<(String, String, String)>,
}

/// What `review verify` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    /// How many rows the trail has.
    pub rows: i64,
    /// The last row's hash (empty for an empty trail).
    pub head: String,
    /// What does not hold, the first first: the trail row it concerns (if any) and what.
    pub problems: Vec<(Option<Row>, Problem)>,
}

/// A way in which the ledger does not hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The row's hash is not the hash of its fields and the row before it (the row was
    /// changed, or one before it removed).
    Hash,
    /// The row is not numbered on from the one before it (a row was removed).
    Gap(i64),
    /// The row's state is not readable.
    State,
    /// The table's row differs from the state the trail row left.
    Differs(&'static str, String),
    /// The trail row's state is missing from the table.
    Missing(&'static str, String),
    /// A row of the table that no trail row made.
    Unrecorded(&'static str, String),
    /// A kept text does not hash to its version.
    Text(String, String),
    /// A decision's kept text is missing.
    NoText(String, String),
}

impl Problem {
    /// What does not hold about a row of the trail or a table.
    pub fn say(&self) -> String {
        use crate::strings::{Lang, lang};
        use Problem as P;
        let short = |v: &str| v.get(..8).unwrap_or(v).to_string();
        match (lang(), self) {
            (Lang::En, P::Hash) => {
                "its hash is not that of its fields and the row before it: it or a row before it was changed"
                    .into()
            }
            (Lang::Da, P::Hash) => {
                "dens hash passer ikke til dens felter og rækken før: den eller en række før den er ændret"
                    .into()
            }
            (Lang::En, P::Gap(n)) => format!("row {n} before it is gone"),
            (Lang::Da, P::Gap(n)) => format!("række {n} før den mangler"),
            (Lang::En, P::State) => "the state it recorded cannot be read".into(),
            (Lang::Da, P::State) => "den tilstand, den registrerede, kan ikke læses".into(),
            (Lang::En, P::Differs(t, k)) => {
                format!("the {t} row {} differs from what this row recorded", short(k))
            }
            (Lang::Da, P::Differs(t, k)) => {
                format!("rækken {} i {t} afviger fra det, denne række registrerede", short(k))
            }
            (Lang::En, P::Missing(t, k)) => format!("the {t} row {} it recorded is gone", short(k)),
            (Lang::Da, P::Missing(t, k)) => {
                format!("rækken {} i {t}, som den registrerede, mangler", short(k))
            }
            (Lang::En, P::Unrecorded(t, k)) => {
                format!("the {t} row {} is in the ledger but no row of the trail made it", short(k))
            }
            (Lang::Da, P::Unrecorded(t, k)) => {
                format!(
                    "rækken {} i {t} står i protokollen, men ingen række i sporet har lavet den",
                    short(k)
                )
            }
            (Lang::En, P::Text(s, v)) => {
                format!("the kept text of {s} {} does not match its version", short(v))
            }
            (Lang::Da, P::Text(s, v)) => {
                format!("den gemte tekst af {s} {} passer ikke til sin version", short(v))
            }
            (Lang::En, P::NoText(s, v)) => format!("the kept text of {s} {} is gone", short(v)),
            (Lang::Da, P::NoText(s, v)) => format!("den gemte tekst af {s} {} mangler", short(v)),
        }
    }
}

const TABLES: [&str; 6] = ["decisions", "comments", "policy", "lifts", "renames", "replies"];

/// What `found` says of itself: its rows, its head, and every problem (a row whose hash, or
/// whose table, does not hold).
pub fn check(found: Found) -> Verified {
    let Found { rows, decisions, comments, policy, lifts, renames, replies, texts } = found;
    let mut problems: Vec<(Option<Row>, Problem)> = Vec::new();
    let mut prev = String::new();
    let mut last_seq = 0;
    let mut count = 0;
    // The state each table should be in, by key: the trail row that left it, and the state.
    let mut expected: HashMap<&'static str, BTreeMap<String, (Row, Value)>> = HashMap::new();
    for (row, stored) in rows {
        count += 1;
        if row.seq != last_seq + 1 {
            problems.push((Some(row.clone()), Problem::Gap(last_seq + 1)));
        }
        last_seq = row.seq;
        if hash(&prev, &row) != stored {
            problems.push((Some(row.clone()), Problem::Hash));
        }
        prev = stored;
        if row.state.is_empty() {
            continue;
        }
        let Some((table, key, value)) = parse_state(&row.state) else {
            problems.push((Some(row), Problem::State));
            continue;
        };
        expected.entry(table).or_default().insert(key, (row, value));
    }
    let mut unrecorded = Vec::new();
    let mut check = |table: &'static str, key: String, now: Value| match expected
        .get_mut(table)
        .and_then(|t| t.remove(&key))
    {
        Some((row, want)) if want != now => problems.push((Some(row), Problem::Differs(table, key))),
        Some(_) => {}
        None => unrecorded.push((None, Problem::Unrecorded(table, key))),
    };
    for (uid, d) in &decisions {
        check("decisions", uid.clone(), decision_row(d));
    }
    for (c, deleted) in comments {
        let id = c.id.clone();
        check("comments", id, comment_row(&c, deleted));
    }
    for (key, value) in policy {
        check("policy", key, json!({"value": value}));
    }
    for l in lifts {
        check("lifts", l.uid.clone(), lift_row(&l));
    }
    for (old, new, by, reason, at) in renames {
        check("renames", old, rename_row(&new, &by, &reason, &at));
    }
    for (id, parent) in replies {
        check("replies", id, json!({"parent": parent}));
    }
    for table in TABLES {
        for (key, (row, _)) in expected.remove(table).unwrap_or_default() {
            problems.push((Some(row), Problem::Missing(table, key)));
        }
    }
    // The kept texts: each hashes to its version, and each decision's is there.
    // Hashed on as many threads as there are cores: most of the time is here.
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8);
    let chunk = texts.len().div_ceil(threads).max(256);
    let wrong: Vec<usize> = std::thread::scope(|s| {
        let parts: Vec<_> = texts
            .chunks(chunk)
            .enumerate()
            .map(|(n, part)| {
                s.spawn(move || {
                    part.iter()
                        .enumerate()
                        .filter(|(_, (_, version, text))| super::version_of(text) != *version)
                        .map(|(i, _)| n * chunk + i)
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        // A thread that panicked proves nothing: its texts count as not matching.
        parts
            .into_iter()
            .enumerate()
            .flat_map(|(n, h)| {
                h.join().unwrap_or_else(|_| (n * chunk..((n + 1) * chunk).min(texts.len())).collect())
            })
            .collect()
    });
    for i in wrong {
        let (slug, version, _) = &texts[i];
        unrecorded.push((None, Problem::Text(slug.clone(), version.clone())));
    }
    let kept: std::collections::HashSet<(String, String)> =
        texts.into_iter().map(|(slug, version, _)| (slug, version)).collect();
    for (uid, d) in decisions {
        if !d.version.is_empty() && !kept.contains(&(d.slug.clone(), d.version.clone())) {
            let row = problems.iter().find_map(|(r, _)| r.clone().filter(|r| r.target == uid));
            unrecorded.push((row, Problem::NoText(d.slug, d.version)));
        }
    }
    problems.sort_by_key(|(row, _)| row.as_ref().map_or(i64::MAX, |r| r.seq));
    problems.extend(unrecorded);
    Verified { rows: count, head: prev, problems }
}

fn parse_state(state: &str) -> Option<(&'static str, String, Value)> {
    let mut v: Value = serde_json::from_str(state).ok()?;
    let table = TABLES.into_iter().find(|t| v["table"] == *t)?;
    let key = v["key"].as_str()?.to_string();
    Some((table, key, v.get_mut("row")?.take()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_problem_says_it_in_english_and_differently_in_danish() {
        let key = || "0123456789abcdef".to_string();
        let all = [
            Problem::Hash,
            Problem::Gap(3),
            Problem::State,
            Problem::Differs("decisions", key()),
            Problem::Missing("comments", key()),
            Problem::Unrecorded("decisions", key()),
            Problem::Text("knaesmerter".into(), key()),
            Problem::NoText("knaesmerter".into(), key()),
        ];
        for problem in all {
            let say = |lang| {
                crate::strings::set_thread_lang(Some(lang));
                let said = problem.say();
                crate::strings::set_thread_lang(None);
                said
            };
            let (en, da) = (say(crate::strings::Lang::En), say(crate::strings::Lang::Da));
            assert!(!en.is_empty() && !da.is_empty() && en != da, "{problem:?}: {en} / {da}");
            assert!(!en.contains("0123456789a"), "a key is shortened: {en}");
        }
    }
}
