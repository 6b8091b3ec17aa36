//! Frontmatter written as plain `key: text` lines, read without the YAML parser when
//! nothing in it could mean more than text.
//!
//! The house frontmatter is three lines such as `metaTitle: Nervesmerter – …` and
//! `lastUpdated: 19/02/2025`. Reading them through the full YAML parser costs more than
//! the rest of loading an article, so such lines are read here. Anything YAML could read
//! differently (quotes, flow brackets, comments, anchors and tags, block scalars,
//! indentation, a value that could be a number, a boolean or null, a repeated key …) makes
//! [`plain_map`] give up, and the YAML parser reads the frontmatter as before. A property
//! test holds every answer of [`plain_map`] against the parser's.

use super::frontmatter::FrontValue;
use std::collections::BTreeMap;

/// The frontmatter `yaml` as a map of keys to text, when every line is a plain
/// `key: text` line (or blank); `None` when the YAML parser must read it.
pub(super) fn plain_map(yaml: &str) -> Option<BTreeMap<String, FrontValue>> {
    let mut map = BTreeMap::new();
    for line in yaml.split('\n') {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.bytes().all(|b| b == b' ') {
            continue;
        }
        let (key, value) = line.split_once(": ")?;
        if !plain_key(key) {
            return None;
        }
        let value = value.trim_matches(' ');
        if !plain_text(value) {
            return None;
        }
        if map.insert(key.to_string(), FrontValue::Text(value.to_string())).is_some() {
            return None;
        }
    }
    Some(map)
}

/// A key of ASCII letters, digits and `_` that starts with a letter and is no word YAML
/// reads as a boolean or null.
fn plain_key(key: &str) -> bool {
    let mut bytes = key.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
        && !special_word(key)
}

/// Text that YAML reads as this very string: no character that starts or ends a construct
/// anywhere in it, no indicator first, and not something a number, a boolean or null is
/// written as.
fn plain_text(value: &str) -> bool {
    let Some(first) = value.chars().next() else { return false };
    if "-?:,[]{}#&*!|>'\"%@`~.+=".contains(first) {
        return false;
    }
    let safe = value.chars().all(|c| match c {
        ' ' => true,
        ':' | '#' | '[' | ']' | '{' | '}' | '"' | '\'' | '\\' => false,
        c if c.is_ascii() => !c.is_ascii_control(),
        // Line breaks YAML knows beyond ASCII, a byte-order mark, and anything it does not
        // print.
        '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}' => false,
        c => !c.is_control() && !c.is_whitespace(),
    });
    // Digits, signs, points and the letters of hex, octal, binary and exponent notation
    // may spell a number; text with any other character cannot.
    let numeric = value.bytes().all(|b| b.is_ascii_hexdigit() || b"+-._xXoO".contains(&b));
    safe && !numeric && !special_word(value)
}

/// Whether YAML (1.1 or 1.2) may read `word` as a boolean, null, infinity or not-a-number.
fn special_word(word: &str) -> bool {
    const WORDS: [&str; 13] =
        ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "inf", "nan", "infinity", "none"];
    let word = word.trim_start_matches(['+', '-', '.']);
    WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn yaml_parser(yaml: &str) -> Option<BTreeMap<String, FrontValue>> {
        serde_saphyr::from_str(yaml).ok()
    }

    #[test]
    fn the_house_frontmatter_is_read_without_the_parser_and_as_the_parser_reads_it() {
        let yaml =
            "\nlastUpdated: 19/02/2025\nmetaTitle: Nervesmerter – Hvad er det?\ndatePublished: 08/01/2024\n";
        let plain = plain_map(yaml).expect("read the plain way");
        assert_eq!(plain["metaTitle"], FrontValue::Text("Nervesmerter – Hvad er det?".into()));
        assert_eq!(Some(plain), yaml_parser(yaml));
        let crlf = "lastUpdated: 19/02/2025\r\nkeywords: hold i ryggen, lumbago  \r\n";
        assert_eq!(plain_map(crlf), yaml_parser(crlf));
        assert!(plain_map(crlf).is_some());
    }

    #[test]
    fn what_yaml_could_read_otherwise_is_left_to_the_parser() {
        for yaml in [
            "keywords: [ryg, lænd]\n",
            "metaTitle: \"Citeret\"\n",
            "metaTitle: Ryg # kommentar\n",
            "metaTitle: Ryg: en guide\n",
            "udgave: 12\n",
            "pris: 1.5e3\n",
            "kode: 0x1F\n",
            "aktiv: yes\n",
            "aktiv: Off\n",
            "tom: ~\n",
            "tal: .inf\n",
            "y: ryg\n",
            "metaTitle: &a Ryg\n",
            "metaTitle: |\n  Ryg\n",
            "metaTitle: Ryg\n  fortsat\n",
            "metaTitle: Ryg\nmetaTitle: Nakke\n",
            "metaTitle:\n",
            "metaTitle:\tRyg\n",
            "metaTitle: Ryg\u{2028}Nakke\n",
            "- ryg\n",
            "# kommentar\n",
        ] {
            assert_eq!(plain_map(yaml), None, "{yaml:?}");
        }
    }

    /// Pieces frontmatter lines are made of: the house's own, and what YAML reads specially.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "Ryg", "smerter", "æøå", "ÆØÅ", "é", "19", "/", "02", "2025", "-", "–", " ", "  ", ",", ".", ":",
            ": ", "#", " #", "\"", "'", "[", "]", "{", "}", "&", "*", "!", "|", ">", "%", "@", "`", "?", "~",
            "true", "yes", "No", "null", "0x1F", "1e3", ".inf", "NaN", "0o17", "+", "_", "\\", "\t", "\r",
            "\u{85}", "\u{a0}", "\u{2028}", "\u{feff}", "\u{1b}", "\u{7f}", "🦴",
        ])
    }

    fn key() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "metaTitle",
            "lastUpdated",
            "keywords",
            "a_b",
            "Key9",
            "true",
            "y",
            "null",
            "9x",
            "-k",
            "k k",
            "",
        ])
    }

    fn line() -> impl Strategy<Value = String> {
        prop_oneof![
            8 => (key(), prop::sample::select(vec![": ", ":", ":  ", ": \t"]), prop::collection::vec(piece(), 0..6))
                .prop_map(|(k, sep, value)| format!("{k}{sep}{}", value.concat())),
            1 => prop::sample::select(vec!["", "  ", "  indrykket", "# note", "- punkt", "\r"]).prop_map(String::from),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]
        #[test]
        fn whatever_is_read_the_plain_way_the_yaml_parser_reads_alike(lines in prop::collection::vec(line(), 0..5)) {
            let yaml = format!("\n{}\n", lines.join("\n"));
            if let Some(plain) = plain_map(&yaml) {
                prop_assert_eq!(Some(plain), yaml_parser(&yaml), "{:?}", yaml);
            }
        }
    }
}
