//! An article's body as an editor reads it: headings, paragraphs, list items and table rows
//! (each with its file line and its bold lead), and their sentences and words.
//!
//! One pass over the lines, no second Markdown parse: the articles keep one paragraph or item
//! to a line, and what a check needs is the text, its line and the bold lead that opens it.

use super::mentioned::{Heads, Starts};
use crate::search::analyze::stem;
use crate::search::fold;
use crate::signs::{Words, words_of};
use std::cell::OnceCell;
use std::collections::HashMap;

/// What a unit of text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A heading of this level.
    Heading(usize),
    /// A paragraph.
    Paragraph,
    /// A list item.
    Item,
    /// A table row.
    Row,
}

/// A paragraph, list item, table row or heading.
#[derive(Debug, Clone)]
pub struct Unit {
    /// What it is.
    pub kind: Kind,
    /// Its text, without Markdown's marks (`**`, links' targets).
    pub text: String,
    /// The text of the bold lead that opens it (`**Ring 112**, hvis …`), if any.
    pub lead: Option<String>,
    /// Where each of its lines starts in `text`, and that line's number in the file.
    lines: Vec<(usize, usize)>,
    /// Its text in lower case and its words as signs compare them, made when first asked:
    /// several checks read each paragraph.
    lower: OnceCell<String>,
    words: OnceCell<Words>,
    starts: OnceCell<Starts>,
}

impl Unit {
    /// The file line of its first line.
    pub fn line(&self) -> usize {
        self.lines.first().map_or(1, |&(_, l)| l)
    }

    /// The file line of byte `at` of its text.
    pub fn line_at(&self, at: usize) -> usize {
        let i = self.lines.partition_point(|&(start, _)| start <= at).saturating_sub(1);
        self.lines.get(i).map_or(self.line(), |&(_, l)| l)
    }

    /// Its sentences: each one's byte offset in the text and its text.
    pub fn sentences(&self) -> Vec<(usize, &str)> {
        sentences(&self.text)
    }

    /// Its text in lower case.
    pub fn lower(&self) -> &str {
        self.lower.get_or_init(|| lower_case(&self.text))
    }

    /// Which of `heads` the words of its text start with: the same `heads` every time it is
    /// asked (the editor's).
    pub fn starts(&self, heads: &Heads) -> &Starts {
        self.starts
            .get_or_init(|| heads.starts_plain(&self.text).unwrap_or_else(|| heads.starts(self.lower())))
    }

    /// Its words as signs compare them ([`words_of`] its text).
    pub fn words(&self) -> &Words {
        self.words.get_or_init(|| words_of(&self.text))
    }
}

/// `text` in lower case, as [`str::to_lowercase`] makes it.
pub fn lower_case(text: &str) -> String {
    // The Greek capital sigma is the one letter whose lower case depends on its neighbours.
    if text.contains('Σ') {
        return text.to_lowercase();
    }
    let mut out = String::with_capacity(text.len());
    push_lower(&mut out, text);
    out
}

/// Appends each character of `text` in lower case ([`char::to_lowercase`]), with ASCII and
/// the Danish letters looked up first.
pub fn push_lower(out: &mut String, text: &str) {
    let mut rest = text;
    while !rest.is_empty() {
        // A run of ASCII whole, then one other letter.
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        let from = out.len();
        out.push_str(&rest[..ascii]);
        out[from..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let mut chars = rest.chars();
        match chars.next() {
            None => break,
            Some(c @ ('æ' | 'ø' | 'å' | 'é' | '–')) => out.push(c),
            Some('Æ') => out.push('æ'),
            Some('Ø') => out.push('ø'),
            Some('Å') => out.push('å'),
            Some('É') => out.push('é'),
            Some(c) => out.extend(c.to_lowercase()),
        }
        rest = chars.as_str();
    }
}

/// The units of `body`, whose first line is file line `first`.
pub fn units(body: &str, first: usize) -> Vec<Unit> {
    let mut out: Vec<Unit> = Vec::new();
    let mut open = false;
    let mut fence: Option<&str> = None;
    for (n, raw) in body.lines().enumerate() {
        let line = first + n;
        let trimmed = raw.trim();
        if let Some(f) = fence {
            if trimmed.starts_with(f) {
                fence = None;
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
            open = false;
            continue;
        }
        if trimmed.is_empty() {
            open = false;
            continue;
        }
        let hashes = trimmed.chars().take_while(|&c| c == '#').count();
        let (kind, rest) = if (1..=6).contains(&hashes) && trimmed[hashes..].starts_with(' ') {
            (Kind::Heading(hashes), &trimmed[hashes..])
        } else if let Some(rest) = item_text(trimmed) {
            (Kind::Item, rest)
        } else if trimmed.starts_with('|') {
            if trimmed.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) {
                continue;
            }
            (Kind::Row, trimmed)
        } else {
            (Kind::Paragraph, trimmed)
        };
        // A line that starts nothing new continues the paragraph or item above it.
        match out.last_mut() {
            Some(unit) if open && kind == Kind::Paragraph => {
                unit.text.push(' ');
                unit.lines.push((unit.text.len(), line));
                push_clean(&mut unit.text, rest);
            }
            _ => {
                let mut text = String::with_capacity(rest.len() + 16);
                let lead = lead_of(rest.trim());
                push_clean(&mut text, rest.trim());
                let (lower, words, starts) = (OnceCell::new(), OnceCell::new(), OnceCell::new());
                out.push(Unit { kind, text, lead, lines: vec![(0, line)], lower, words, starts });
            }
        }
        open = !matches!(kind, Kind::Heading(_) | Kind::Row);
    }
    out
}

/// The text of a list item's line, without its marker.
fn item_text(line: &str) -> Option<&str> {
    if let Some(rest) = line.strip_prefix("- ").or(line.strip_prefix("* ")).or(line.strip_prefix("+ ")) {
        return Some(rest);
    }
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && digits < 4 {
        return line[digits..].strip_prefix(". ").or(line[digits..].strip_prefix(") "));
    }
    None
}

/// The bold lead that opens a paragraph.
fn lead_of(text: &str) -> Option<String> {
    let rest = text.strip_prefix("**").or(text.strip_prefix("__"))?;
    let end = rest.find("**").or(rest.find("__"))?;
    let mut lead = String::new();
    push_clean(&mut lead, &rest[..end]);
    Some(lead)
}

/// Appends Markdown `text` without its emphasis marks, code ticks and link targets.
fn push_clean(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        // Text without a mark is copied whole.
        let plain = rest.bytes().position(|b| matches!(b, b'*' | b'_' | b'`' | b']' | b'[' | b'|'));
        if plain != Some(0) {
            let end = plain.unwrap_or(rest.len());
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        match c {
            '*' | '_' if rest[1..].starts_with(c) => rest = &rest[2..],
            '`' => rest = &rest[1..],
            ']' if rest[1..].starts_with('(') => {
                rest = rest.find(')').map_or("", |close| &rest[close + 1..]);
            }
            '[' => rest = &rest[1..],
            '|' => {
                out.push_str(" | ");
                rest = &rest[1..];
            }
            _ => {
                out.push(c);
                rest = &rest[c.len_utf8()..];
            }
        }
    }
}

/// The sentences of `text`: it is cut after `.`, `!` or `?` followed by a space and a capital
/// letter or a digit (so "fx. en" and "1.200" stay whole).
pub fn sentences(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    // The stops are ASCII, so no byte of another letter is taken for one.
    for i in memchr::memchr3_iter(b'.', b'!', b'?', bytes) {
        if bytes.get(i + 1) != Some(&b' ') {
            continue;
        }
        let next = text[i + 2..].chars().next();
        if next.is_some_and(|n| n.is_uppercase() || n.is_ascii_digit() || n == '*') {
            out.push((start, text[start..=i].trim()));
            start = i + 2;
        }
    }
    if !text[start..].trim().is_empty() {
        out.push((start, text[start..].trim()));
    }
    out
}

/// The words of `text`, folded (lower case, æ ø å spelled out), in order.
pub fn folded_words(text: &str) -> Vec<String> {
    crate::search::analyze::words(&fold(text)).map(str::to_string).collect()
}

/// The first two letters of `word` as the sign and sentence tables compare words (folded,
/// then æ, ø and å as e, o and a: see [`crate::search::skeleton`]), without allocating:
/// what a way's first word is indexed by.
pub fn skeleton_key(word: &str, buf: &mut String) -> (char, char) {
    buf.clear();
    let end = word.char_indices().nth(4).map_or(word.len(), |(i, _)| i);
    crate::search::fold_into(buf, &word[..end]);
    let mut out = ['\0'; 2];
    let mut n = 0;
    let mut chars = buf.chars().peekable();
    while let Some(c) = chars.next() {
        if n == 2 {
            break;
        }
        let one = match (c, chars.peek()) {
            ('a', Some('e')) => Some('e'),
            ('o', Some('e')) => Some('o'),
            ('a', Some('a')) => Some('a'),
            _ => None,
        };
        if let Some(letter) = one {
            chars.next();
            out[n] = letter;
        } else {
            out[n] = c;
        }
        n += 1;
    }
    (out[0], out[1])
}

/// The key of a table's word (a skeleton already).
pub fn token_key(token: &str) -> (char, char) {
    let mut chars = token.chars();
    (chars.next().unwrap_or('\0'), chars.next().unwrap_or('\0'))
}

/// Stems of folded words, each computed once per check.
#[derive(Default)]
pub struct Stems {
    cache: HashMap<String, String>,
}

impl Stems {
    /// The stem of folded `word` (Snowball's Danish stemmer, as lookup uses it).
    pub fn of(&mut self, word: &str) -> &str {
        if !self.cache.contains_key(word) {
            self.cache.insert(word.to_string(), stem(word));
        }
        self.cache.get(word).map_or("", String::as_str)
    }

    /// How many words' stems are kept.
    pub fn len(&self) -> usize {
        self.cache.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_items_and_leads_keep_their_lines() {
        let body = "Intro med [et link](a.md).\n\n## Hvornår?\n\n**Ring 112**, hvis:\n\n- du får ondt\n- du er\n  svimmel\n\n| a | b |\n|---|---|\n| c | d |\n";
        let u = units(body, 6);
        let kinds: Vec<Kind> = u.iter().map(|u| u.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Paragraph,
                Kind::Heading(2),
                Kind::Paragraph,
                Kind::Item,
                Kind::Item,
                Kind::Row,
                Kind::Row
            ]
        );
        assert_eq!(u[0].text, "Intro med et link.");
        let mut clean = String::new();
        push_clean(&mut clean, "**Ring** til _x_ `kode` [læge](a.md) | ø*b __c__");
        assert_eq!(clean, "Ring til _x_ kode læge  |  ø*b c");
        assert_eq!(u[2].lead.as_deref(), Some("Ring 112"));
        assert_eq!((u[4].line(), u[4].text.as_str()), (13, "du er svimmel"));
        assert_eq!(u[4].line_at(u[4].text.find("svimmel").unwrap_or(0)), 14);
        assert_eq!(u[6].line(), 18);
    }

    #[test]
    fn lower_case_is_what_the_standard_library_makes() {
        for text in ["", "Ærø ÅEN Øst É é – x", "ABC xyz 1.2!", "ΟΔΟΣ Σ", "İstanbul", "Straße ǅ"]
        {
            assert_eq!(lower_case(text), text.to_lowercase(), "{text}");
            let mut each = String::new();
            push_lower(&mut each, text);
            assert_eq!(each, text.chars().flat_map(char::to_lowercase).collect::<String>(), "{text}");
        }
    }

    #[test]
    fn a_words_key_is_the_start_of_its_skeleton() {
        let mut buf = String::new();
        for word in ["Ærgerlig", "sengeleje", "Øm", "Åndenød", "aeae", "i"] {
            let skeleton = crate::search::skeleton(word);
            assert_eq!(skeleton_key(word, &mut buf), token_key(&skeleton), "{word}");
        }
    }

    #[test]
    fn sentences_end_at_a_stop_before_a_capital() {
        let s: Vec<&str> = sentences("Tag 1.200 mg, fx. om aftenen. Spørg lægen! 4 g er grænsen.")
            .into_iter()
            .map(|(_, s)| s)
            .collect();
        assert_eq!(s, ["Tag 1.200 mg, fx. om aftenen.", "Spørg lægen!", "4 g er grænsen."]);
        let s: Vec<(usize, &str)> = sentences("Æh. Øv! Å? *Ja*. ok. Nej.");
        assert_eq!(s, [(0, "Æh."), (5, "Øv!"), (10, "Å?"), (14, "*Ja*. ok."), (24, "Nej.")]);
    }
}
