//! Asking whether a text mentions many terms (`check`'s medicines, in every section) without
//! looking through the text for each.

/// Lower-case text with its words sorted, to ask [`mentions`] of many terms: a term none of
/// whose text's words starts with the term's first word is not looked for in the text (what
/// `check` asks of each section for every name of every medicine).
pub struct Mentioned<'a> {
    text: &'a str,
    words: Vec<&'a str>,
}

impl<'a> Mentioned<'a> {
    /// `text_lower` and its words.
    pub fn new(text_lower: &'a str) -> Mentioned<'a> {
        let mut words: Vec<&str> =
            text_lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        words.sort_unstable();
        words.dedup();
        Mentioned { text: text_lower, words }
    }

    /// [`mentions`] of the text.
    pub fn mentions(&self, term: &str) -> bool {
        let bare = term.strip_suffix('*').unwrap_or(term);
        let bare = lower(bare.trim());
        // A mention starts a word of the text (nothing alphanumeric before it), and that word
        // starts with the term's letters up to its first that is not a letter or digit.
        let head = bare.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        if !head.is_empty() {
            let i = self.words.partition_point(|w| *w < head);
            if !self.words.get(i).is_some_and(|w| w.starts_with(head)) {
                return false;
            }
        }
        mentions(self.text, term)
    }
}

/// The first letters (two, or three when it has them) of the first word of each of some
/// terms: what a text's words must start with for it to mention one (what `check` asks of
/// every paragraph for every region and medicine).
#[derive(Debug, Clone, Default)]
pub struct Heads {
    keys: std::collections::HashSet<u64, std::hash::BuildHasherDefault<super::quick::Quick>>,
}

impl Heads {
    /// The heads of `terms`.
    pub fn of<'a>(terms: impl IntoIterator<Item = &'a String>) -> Heads {
        let keys = terms.into_iter().filter_map(|t| head_key(t)).collect();
        Heads { keys }
    }

    /// Which of the heads the words of `text_lower` start with.
    pub fn starts(&self, text_lower: &str) -> Starts {
        self.starts_by(text_lower, |c| c)
    }

    /// [`Heads::starts`] of the lower case of `text`, read from `text` itself when its letters
    /// allow (`None` when they do not): where every character outside ASCII is æ, ø, å or é
    /// (of either case) or is neither a letter nor a digit and its own lower case, lower
    /// case is one character for one and moves no word's bounds, so each word's first
    /// letters are lowered alone and the text is not copied.
    pub fn starts_plain(&self, text: &str) -> Option<Starts> {
        let plain = |c: char| {
            c.is_ascii()
                || matches!(c, 'æ' | 'ø' | 'å' | 'é' | 'Æ' | 'Ø' | 'Å' | 'É')
                || (!c.is_alphanumeric() && c.to_lowercase().eq(std::iter::once(c)))
        };
        if !text.chars().all(plain) {
            return None;
        }
        let lower = |c: char| match c {
            'Æ' => 'æ',
            'Ø' => 'ø',
            'Å' => 'å',
            'É' => 'é',
            c => c.to_ascii_lowercase(),
        };
        Some(self.starts_by(text, lower))
    }

    /// Which of the heads the words of `text` start with, each letter taken as `lower` makes it.
    fn starts_by(&self, text: &str, lower: impl Fn(char) -> char) -> Starts {
        let mut keys = Vec::new();
        if self.keys.is_empty() {
            return Starts(keys);
        }
        for (_, word) in crate::search::analyze::word_spans(text) {
            let mut chars = word.chars().map(&lower);
            let (Some(a), Some(b)) = (chars.next(), chars.next()) else { continue };
            let mut both = [key(a, b, None), 0];
            if let Some(c) = chars.next() {
                both[1] = key(a, b, Some(c));
            }
            keys.extend(both.into_iter().filter(|k| self.keys.contains(k)));
        }
        keys.sort_unstable();
        keys.dedup();
        Starts(keys)
    }
}

/// Which of some terms' heads (see [`Heads`]) a text's words start with: a term whose head
/// none does is not mentioned there, and is not looked for.
#[derive(Debug, Clone, Default)]
pub struct Starts(Vec<u64>);

impl Starts {
    /// Those of several texts: of the texts one after another, a line end between each two.
    pub fn union<'a>(all: impl IntoIterator<Item = &'a Starts>) -> Starts {
        let mut keys: Vec<u64> = all.into_iter().flat_map(|s| s.0.iter().copied()).collect();
        keys.sort_unstable();
        keys.dedup();
        Starts(keys)
    }

    /// Whether the text may mention `term` ([`mentions`]), one of the terms of the heads
    /// these starts were found with: false only when it does not.
    #[cfg(test)]
    pub fn may_mention(&self, term: &str) -> bool {
        self.may_mention_head(Head::of(term))
    }

    /// [`Starts::may_mention`] of the term whose head is `head`.
    pub fn may_mention_head(&self, head: Head) -> bool {
        head.0.is_none_or(|k| self.0.binary_search(&k).is_ok())
    }
}

/// A term's head as [`Starts::may_mention`] compares it, found once for a rule file's term
/// rather than for every paragraph that is asked about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Head(Option<u64>);

impl Head {
    /// The head of `term`.
    pub fn of(term: &str) -> Head {
        Head(head_key(term))
    }
}

/// The key of `term`'s head: none when it has fewer than two letters (it is always looked for).
fn head_key(term: &str) -> Option<u64> {
    let bare = term.strip_suffix('*').unwrap_or(term);
    let bare = lower(bare.trim());
    // A mention starts a word of the text with the term's letters up to its first that is
    // not a letter or digit (see `Mentioned::mentions`).
    let mut head = bare.chars().take_while(|c| c.is_alphanumeric());
    match (head.next(), head.next(), head.next()) {
        (Some(a), Some(b), c) => Some(key(a, b, c)),
        _ => None,
    }
}

/// The key of a word that starts with `a`, `b` (and `c`): 21 bits for each letter.
fn key(a: char, b: char, c: Option<char>) -> u64 {
    u64::from(a) << 42 | u64::from(b) << 21 | c.map_or(0x1f_ffff, u64::from)
}

/// `text` in lower case, borrowed when it is already (a rule file's terms are, and `check`
/// asks about each of them in every section).
pub(super) fn lower(text: &str) -> std::borrow::Cow<'_, str> {
    let unchanged = |c: char| match c {
        'a'..='z' | 'æ' | 'ø' | 'å' => true,
        c if c.is_ascii() => !c.is_ascii_uppercase(),
        c => {
            let mut l = c.to_lowercase();
            l.next() == Some(c) && l.next().is_none()
        }
    };
    if text.chars().all(unchanged) { std::borrow::Cow::Borrowed(text) } else { text.to_lowercase().into() }
}

/// Whether lower-case `text` mentions `term` as whole words (case-insensitive); a term
/// ending in `*` matches any word that begins with it (`lægevagt*`).
pub fn mentions(text_lower: &str, term: &str) -> bool {
    let (term, prefix) = match term.strip_suffix('*') {
        Some(t) => (lower(t.trim()), true),
        None => (lower(term.trim()), false),
    };
    let term = term.as_ref();
    if term.is_empty() {
        return false;
    }
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    // The matches that do not overlap, left to right, as `match_indices` finds them.
    memchr::memmem::find_iter(text_lower.as_bytes(), term.as_bytes()).any(|at| {
        let before = text_lower[..at].chars().next_back();
        let after = text_lower[at + term.len()..].chars().next();
        !word(before) && (prefix || !word(after))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_is_looked_for_only_where_a_word_starts_with_its_letters() {
        let texts =
            ["tag panodil eller ipren", "en patient med ondt", "65 år og ældre", "ø", "", "nsaid-typen"];
        let terms: Vec<String> = [
            "panodil",
            "pamol",
            "ipren*",
            "Ipren",
            "pa",
            "65",
            "ældre",
            "ø",
            "nsaid-typen",
            "nsaid",
            " ib*",
            "-x",
        ]
        .map(String::from)
        .to_vec();
        let heads = Heads::of(&terms);
        for text in texts {
            let starts = heads.starts(text);
            for term in &terms {
                if mentions(text, term) {
                    assert!(starts.may_mention(term), "{term} in {text}");
                }
            }
        }
        let starts = heads.starts("en patient med ondt");
        assert!(
            !starts.may_mention("panodil") && !starts.may_mention("pamol") && !starts.may_mention("ipren")
        );
        assert!(starts.may_mention("pa") && starts.may_mention("ø"), "two letters, and one");
        // Read from the text itself, the same as from its lower case; or not at all.
        for text in
            ["Tag PANODIL eller Ipren", "ÆLDRE over 65 år", "Øm – “Pamol”…", "Ødem\u{a0}Ib", "PAracetamol"]
        {
            let plain = heads.starts_plain(text).expect("plain letters");
            assert_eq!(plain.0, heads.starts(&text.to_lowercase()).0, "{text}");
        }
        assert!(heads.starts_plain("ΠΑΝΟΔΙΛ").is_none() && heads.starts_plain("İpren").is_none());
        assert!(heads.starts_plain("Straße").is_none() && heads.starts_plain("ǅ").is_none());
        let both = Starts::union([&heads.starts("en patient"), &heads.starts("tag panodil")]);
        assert!(both.may_mention("panodil") && !both.may_mention("pamol"));
    }
}
