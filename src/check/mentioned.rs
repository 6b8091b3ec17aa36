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

/// Which first letters the words of a lower-case text start with (their first two, and their
/// first three), sorted: a term whose first word starts with letters no word of the text
/// starts with is not mentioned there, and is not looked for (what `check` asks of every
/// paragraph for every region and medicine).
#[derive(Debug, Clone, Default)]
pub struct Starts(Vec<u64>);

impl Starts {
    /// The starts of the words of `text_lower`.
    pub fn of(text_lower: &str) -> Starts {
        let mut keys = Vec::new();
        for word in text_lower.split(|c: char| !c.is_alphanumeric()) {
            let mut chars = word.chars();
            let (Some(a), Some(b)) = (chars.next(), chars.next()) else { continue };
            keys.push(key(a, b, None));
            if let Some(c) = chars.next() {
                keys.push(key(a, b, Some(c)));
            }
        }
        keys.sort_unstable();
        keys.dedup();
        Starts(keys)
    }

    /// The starts of several texts: those of the texts one after another, a line end
    /// between each two.
    pub fn union<'a>(all: impl IntoIterator<Item = &'a Starts>) -> Starts {
        let mut keys: Vec<u64> = all.into_iter().flat_map(|s| s.0.iter().copied()).collect();
        keys.sort_unstable();
        keys.dedup();
        Starts(keys)
    }

    /// Whether the text may mention `term` ([`mentions`]): false only when it does not.
    pub fn may_mention(&self, term: &str) -> bool {
        let bare = term.strip_suffix('*').unwrap_or(term);
        let bare = lower(bare.trim());
        // A mention starts a word of the text with the term's letters up to its first that
        // is not a letter or digit (see `Mentioned::mentions`).
        let mut head = bare.chars().take_while(|c| c.is_alphanumeric());
        match (head.next(), head.next(), head.next()) {
            (Some(a), Some(b), c) => self.0.binary_search(&key(a, b, c)).is_ok(),
            _ => true,
        }
    }
}

/// The key of a word that starts with `a`, `b` (and `c`): 21 bits for each letter.
fn key(a: char, b: char, c: Option<char>) -> u64 {
    u64::from(a) << 42 | u64::from(b) << 21 | c.map_or(0x1f_ffff, u64::from)
}

/// `text` in lower case, borrowed when it is already (a rule file's terms are, and `check`
/// asks about each of them in every section).
fn lower(text: &str) -> std::borrow::Cow<'_, str> {
    let unchanged = |c: char| {
        let mut l = c.to_lowercase();
        l.next() == Some(c) && l.next().is_none()
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
    text_lower.match_indices(term).any(|(at, found)| {
        let before = text_lower[..at].chars().next_back();
        let after = text_lower[at + found.len()..].chars().next();
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
        let terms = [
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
        ];
        for text in texts {
            let starts = Starts::of(text);
            for term in terms {
                if mentions(text, term) {
                    assert!(starts.may_mention(term), "{term} in {text}");
                }
            }
        }
        let starts = Starts::of("en patient med ondt");
        assert!(!starts.may_mention("panodil") && !starts.may_mention("pamol") && !starts.may_mention("ab"));
        let both = Starts::union([&Starts::of("en patient"), &Starts::of("tag panodil")]);
        assert!(both.may_mention("panodil*") && both.may_mention("patient") && !both.may_mention("pamol"));
    }
}
