//! Sentence rules: a sentence that says something wrong (every word of one of its ways),
//! and the verb in second place after an opening adverbial.

use super::Severity;
use super::editor::{Editor, Ways, found};
use super::house::Found;
use super::quick::QuickMap;
use super::rules::in_lang;
use super::sentence_words::{self, Lexicon, Memo};
use super::text::{Kind, Unit, folded_words, skeleton_key, token_key};
use crate::search::fold;
use crate::signs::{TokenWay, Tokens, Words, way, words_of};
use serde::Deserialize;

/// A sentence that says something wrong: every word of one of its ways (the `says` syntax).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SentenceRule {
    /// The rule's id (`--json` carries it).
    pub id: String,
    /// The words that say it (whole words, `*` any ending); any one will do.
    pub says: Vec<String>,
    /// Ways that make the sentence right ("ikke").
    #[serde(default)]
    pub unless: Vec<String>,
    /// Ways one of which the sentence's paragraph must say (a medicine named).
    #[serde(default)]
    pub in_paragraph: Vec<String>,
    /// What is wrong, in a sentence.
    pub message: String,
    /// The message in English, shown under `--lang en` (else `message`).
    #[serde(default)]
    pub message_en: Option<String>,
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

/// The verb in second place: a main clause that opens with an adverbial ("Under en episode")
/// puts its verb next ("kan en rolig gåtur lindre"), not after the subject.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WordOrder {
    /// The rule's id (`--json` carries it).
    pub id: String,
    /// Prepositions that open an adverbial ("under", "efter").
    pub openers: Vec<String>,
    /// Words that open a noun phrase ("en", "den", "din").
    pub determiners: Vec<String>,
    /// Words that open a subject ("du", "en", "lægen").
    pub subjects: Vec<String>,
    /// Finite verbs ("kan", "er", "hjælper").
    pub verbs: Vec<String>,
    /// Words that open a clause of their own, after which nothing is judged ("hvor", "som").
    pub stops: Vec<String>,
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
    /// The subordinate clause's order, judged with the same subjects and verbs.
    #[serde(default)]
    pub clause: Option<ClauseOrder>,
}

/// A subordinate clause puts its sentence adverbial before its verb: "hvis du ikke kan", not
/// "hvis du kan ikke" (a slip of writers whose first language is not Danish).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClauseOrder {
    /// The rule's id (`--json` carries it).
    pub id: String,
    /// Words that open a subordinate clause ("hvis", "fordi").
    pub subordinators: Vec<String>,
    /// Sentence adverbials ("ikke", "aldrig").
    pub adverbs: Vec<String>,
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

impl WordOrder {
    /// Whether a sentence has a subordinate clause whose adverbial follows its verb:
    /// subordinator, subject, verb, adverbial ("hvis du kan ikke"). The sentence is folded
    /// into `buf` (kept from one sentence to the next), its words not copied.
    fn clause_misplaced(folded: &OrderWords, sentence: &str, buf: &mut String) -> bool {
        buf.clear();
        crate::search::fold_into(buf, sentence);
        let w: Vec<&str> = crate::search::analyze::words(buf).collect();
        let is = |list: &[String], i: usize| w.get(i).is_some_and(|x| list.iter().any(|l| l == x));
        (0..w.len().saturating_sub(3)).any(|i| {
            is(&folded.subordinators, i)
                && is(&folded.subjects, i + 1)
                && is(&folded.verbs, i + 2)
                && is(&folded.adverbs, i + 3)
        })
    }

    /// Whether a sentence opens with an adverbial and puts its subject before its verb
    /// (`folded`: this rule's lists, folded).
    fn inverted(&self, folded: &OrderWords, sentence: &str) -> bool {
        let first = sentence.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        if !self.openers.iter().any(|o| o.eq_ignore_ascii_case(first)) {
            return false;
        }
        let head = sentence.split([',', ';', ':', '–']).next().unwrap_or("");
        let w = folded_words(head);
        let is = |list: &[String], i: usize| w.get(i).is_some_and(|x| list.iter().any(|l| l == x));
        let f = folded;
        if !is(&f.openers, 0) {
            return false;
        }
        let noun = if is(&f.determiners, 1) { 2 } else { 1 };
        if w.len() <= noun || is(&f.verbs, noun) || is(&f.subjects, noun) || is(&f.stops, noun) {
            return false;
        }
        for k in noun + 1..(noun + 4).min(w.len()) {
            if is(&f.verbs, k) || is(&f.stops, k) {
                return false;
            }
            if is(&f.subjects, k) {
                for m in k + 1..(k + 4).min(w.len()) {
                    if is(&f.verbs, m) {
                        return true;
                    }
                    if is(&f.stops, m) {
                        return false;
                    }
                }
                return false;
            }
        }
        false
    }
}

/// The verb-second rule's lists, folded once.
#[derive(Debug, Clone, Default)]
struct OrderWords {
    openers: Vec<String>,
    determiners: Vec<String>,
    subjects: Vec<String>,
    verbs: Vec<String>,
    stops: Vec<String>,
    subordinators: Vec<String>,
    adverbs: Vec<String>,
}

impl OrderWords {
    fn of(order: &WordOrder) -> OrderWords {
        let folded = |list: &[String]| list.iter().map(|w| fold(w)).collect();
        OrderWords {
            openers: folded(&order.openers),
            determiners: folded(&order.determiners),
            subjects: folded(&order.subjects),
            verbs: folded(&order.verbs),
            stops: folded(&order.stops),
            subordinators: order.clause.as_ref().map(|c| folded(&c.subordinators)).unwrap_or_default(),
            adverbs: order.clause.as_ref().map(|c| folded(&c.adverbs)).unwrap_or_default(),
        }
    }
}

/// The sentence rules as they are compared: their ways parsed, and the rules by the key of
/// the first word of each of their ways (those whose first word is a part of a word are
/// always tried).
#[derive(Debug, Clone, Default)]
pub(super) struct SentenceIndex {
    /// The tokens of every rule's ways, and each rule's `says`, `unless` and `in_paragraph`
    /// written with them: what a paragraph or sentence says is found once for all rules.
    lexicon: Lexicon,
    ways: Vec<(Vec<TokenWay>, Vec<TokenWay>, Vec<TokenWay>)>,
    starts: QuickMap<(char, char), Vec<usize>>,
    always: Vec<usize>,
    order_words: OrderWords,
}

impl SentenceIndex {
    /// The rules' ways parsed and indexed, and the verb-second rule's lists folded.
    pub(super) fn new(sentences: &[SentenceRule], word_order: Option<&WordOrder>) -> SentenceIndex {
        let ways = |list: &[String]| list.iter().map(|w| way(w)).filter(|w| !w.is_empty()).collect();
        let sentence_ways: Vec<(Vec<Ways>, Vec<Ways>, Vec<Ways>)> =
            sentences.iter().map(|r| (ways(&r.says), ways(&r.unless), ways(&r.in_paragraph))).collect();
        let mut sentence_starts: QuickMap<(char, char), Vec<usize>> = QuickMap::default();
        let mut sentence_always = Vec::new();
        for (i, (says, ..)) in sentence_ways.iter().enumerate() {
            for alt in says.iter().filter_map(|w| w.first()).flatten() {
                match alt.strip_prefix('~') {
                    Some(_) => sentence_always.push(i),
                    None => {
                        sentence_starts.entry(token_key(alt.trim_start_matches('='))).or_default().push(i)
                    }
                }
            }
        }
        let order_words = word_order.map(OrderWords::of).unwrap_or_default();
        let listed: Vec<&[Ways]> = sentence_ways
            .iter()
            .flat_map(|(says, unless, in_paragraph)| {
                [says.as_slice(), unless.as_slice(), in_paragraph.as_slice()]
            })
            .collect();
        let (tokens, written) = Tokens::of(&listed);
        let lexicon = Lexicon::new(tokens, &written);
        let mut written = written.into_iter();
        let mut ways = Vec::new();
        while let (Some(says), Some(unless), Some(in_paragraph)) =
            (written.next(), written.next(), written.next())
        {
            ways.push((says, unless, in_paragraph));
        }
        SentenceIndex { lexicon, ways, starts: sentence_starts, always: sentence_always, order_words }
    }
}

impl Editor {
    pub(super) fn sentence_checks(&self, units: &[Unit], memo: &mut Memo, out: &mut Vec<Found>) {
        let index = &self.sentence_index;
        let lexicon = &index.lexicon;
        let (mut buf, mut folded) = (String::new(), String::new());
        for unit in units.iter().filter(|u| !matches!(u.kind, Kind::Heading(_))) {
            // Its words met one by one, when its letters allow.
            let read = lexicon.read(&unit.text, memo);
            // Only the rules one of whose ways could start with a word of the paragraph.
            let mut tried = index.always.clone();
            let mut add = |key: (char, char)| {
                if let Some(rules) = index.starts.get(&key) {
                    tried.extend(rules);
                }
            };
            match &read {
                Some(read) => lexicon.keys(read, memo, add),
                None => {
                    super::house::words(&unit.text).for_each(|(_, word)| add(skeleton_key(word, &mut buf)))
                }
            }
            tried.sort_unstable();
            tried.dedup();
            if tried.is_empty() {
                continue;
            }
            // What the paragraph says; a way a sentence says, its paragraph says: the rules
            // the paragraph does not say are not tried sentence by sentence.
            let (para, para_words) = match &read {
                Some(read) => (lexicon.said(read, memo, 0..unit.text.len()), None),
                None => (lexicon.tokens().said(unit.words()), Some(unit.words())),
            };
            let said_in = |way: &TokenWay, said: &[bool], words: Option<&Words>| match words {
                Some(words) => Tokens::way_said(way, said, words),
                None => sentence_words::way_said(way, said),
            };
            tried.retain(|&i| index.ways[i].0.iter().any(|w| said_in(w, &para, para_words)));
            for (at, sentence) in unit.sentences() {
                if let Some(clause) = self.word_order.as_ref().and_then(|o| o.clause.as_ref())
                    && WordOrder::clause_misplaced(&index.order_words, sentence, &mut folded)
                {
                    out.push(found(
                        unit.line_at(at),
                        clause.severity,
                        &clause.id,
                        in_lang(&clause.message, &clause.message_en).to_string(),
                        &clause.source,
                    ));
                }
                if let Some(order) = &self.word_order
                    && order.inverted(&index.order_words, sentence)
                {
                    let line = unit.line_at(at);
                    out.push(found(
                        line,
                        order.severity,
                        &order.id,
                        in_lang(&order.message, &order.message_en).to_string(),
                        &order.source,
                    ));
                }
                if tried.is_empty() {
                    continue;
                }
                let (said, words) = match &read {
                    Some(read) => {
                        // The sentence is a slice of the paragraph's text.
                        let start = sentence.as_ptr() as usize - unit.text.as_ptr() as usize;
                        (lexicon.said(read, memo, start..start + sentence.len()), None)
                    }
                    None => {
                        let words = words_of(sentence);
                        (lexicon.tokens().said(&words), Some(words))
                    }
                };
                for &i in &tried {
                    let (rule, (ways, unless, in_paragraph)) = (&self.sentences[i], &index.ways[i]);
                    let said_here = |w: &TokenWay| said_in(w, &said, words.as_ref());
                    if !ways.iter().any(said_here) || unless.iter().any(said_here) {
                        continue;
                    }
                    if !in_paragraph.is_empty() && !in_paragraph.iter().any(|w| said_in(w, &para, para_words))
                    {
                        continue;
                    }
                    let line = unit.line_at(at);
                    out.push(found(
                        line,
                        rule.severity,
                        &rule.id,
                        in_lang(&rule.message, &rule.message_en).to_string(),
                        &rule.source,
                    ));
                }
            }
        }
    }
}
