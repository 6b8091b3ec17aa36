//! The links of a document: what each says, where it points, and where in the text it is.
//!
//! A target is classed by how it is written (an article, an anchor in this article, an
//! address outside); whether an article or heading it names exists is for the library to
//! say (see `App::resolve_link`).

use std::borrow::Cow;

/// Where a link points, as it is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkKind {
    /// Another article: `other.md`, `./other.md#anchor`, `../x/other.md` or a bare slug.
    /// The slug and anchor are percent-decoded (`%C3%A6` is `æ`).
    Article {
        /// The article's slug: the last part of the path, without `.md`.
        slug: String,
        /// The heading's anchor, if one is named.
        anchor: Option<String>,
    },
    /// A heading of this article: `#anchor`.
    Anchor(String),
    /// An address outside the library: anything with a scheme (`https:`, `mailto:` …) or
    /// starting with `//`.
    External,
}

/// One link of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    /// Its text as shown, on one line (the target when the text is empty).
    pub text: String,
    /// Its target as written, safe to print.
    pub target: String,
    /// What the target names.
    pub kind: LinkKind,
    /// The heading whose own text holds it (the last heading at or before its block), if
    /// past the introduction.
    pub section: Option<usize>,
    /// The top-level block that holds it.
    pub block: usize,
    /// Its byte offset in the Markdown.
    pub offset: usize,
}

/// Classes a link target as written.
pub fn classify(target: &str) -> LinkKind {
    let target = target.trim();
    if has_scheme(target) || target.starts_with("//") {
        return LinkKind::External;
    }
    let (path, anchor) = match target.split_once('#') {
        Some((path, anchor)) => (path, Some(decode(anchor).into_owned())),
        None => (target, None),
    };
    match (path, anchor) {
        ("", Some(anchor)) => LinkKind::Anchor(anchor),
        (path, anchor) => {
            // A query (`?x=1`) is no part of the file's name.
            let path = path.split('?').next().unwrap_or(path);
            let last = path.trim_end_matches('/').rsplit('/').next().unwrap_or(path);
            let slug = decode(last.strip_suffix(".md").unwrap_or(last)).into_owned();
            LinkKind::Article { slug, anchor }
        }
    }
}

/// Whether `target` starts with a URI scheme (`https:`, `mailto:`, `tel:` …): a letter,
/// then letters, digits, `+`, `-` or `.`, then `:`. A Windows drive (`C:`) is one letter: not
/// taken for a scheme.
fn has_scheme(target: &str) -> bool {
    let Some((scheme, _)) = target.split_once(':') else { return false };
    scheme.len() > 1
        && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// `text` with `%XX` escapes decoded, when they decode to UTF-8; otherwise as it is.
pub fn decode(text: &str) -> Cow<'_, str> {
    if !text.contains('%') {
        return Cow::Borrowed(text);
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| char::from(b).to_digit(16);
        match (bytes[i], bytes.get(i + 1).and_then(|&b| hex(b)), bytes.get(i + 2).and_then(|&b| hex(b))) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    match String::from_utf8(out) {
        Ok(decoded) => Cow::Owned(decoded),
        Err(_) => Cow::Borrowed(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(slug: &str, anchor: Option<&str>) -> LinkKind {
        LinkKind::Article { slug: slug.into(), anchor: anchor.map(str::to_string) }
    }

    #[test]
    fn targets_are_classed_by_how_they_are_written() {
        assert_eq!(classify("nakkesmerter.md"), article("nakkesmerter", None));
        assert_eq!(classify("./nakkesmerter.md"), article("nakkesmerter", None));
        assert_eq!(
            classify("../andre/nakkesmerter.md#hvad-er-det"),
            article("nakkesmerter", Some("hvad-er-det"))
        );
        assert_eq!(classify("nakkesmerter"), article("nakkesmerter", None), "a bare slug");
        assert_eq!(classify("#hvad-er-årsagerne"), LinkKind::Anchor("hvad-er-årsagerne".into()));
        assert_eq!(classify("#hvad-er-%C3%A5rsagerne"), LinkKind::Anchor("hvad-er-årsagerne".into()));
        assert_eq!(classify("kn%C3%A6.md#%C3%B8"), article("knæ", Some("ø")));
        for external in ["https://fysfinder.dk", "http://x.dk/a.md", "mailto:a@b.dk", "tel:+4512", "//x.dk"] {
            assert_eq!(classify(external), LinkKind::External, "{external}");
        }
        assert_eq!(classify("C:/noter/knae.md"), article("knae", None), "a drive letter is no scheme");
        assert_eq!(classify(""), article("", None));
    }

    fn links(md: &str) -> Vec<Link> {
        crate::document::Document::parse(md).links
    }

    #[test]
    fn each_link_is_kept_with_its_text_target_kind_section_and_place() {
        let md = "Intro med [knæ](knaesmerter.md).\n\n## Hvad er årsagerne?\n\nSe [årsagerne](#hvad-er-årsagerne) og [FysFinder](https://fysfinder.dk).\n\n### Under\n\n[**fed** nakke](./nakkesmerter.md#hvad-er-det)\n";
        let found = links(md);
        let summary: Vec<(&str, &str, Option<usize>, usize)> =
            found.iter().map(|l| (l.text.as_str(), l.target.as_str(), l.section, l.block)).collect();
        assert_eq!(
            summary,
            [
                ("knæ", "knaesmerter.md", None, 0),
                ("årsagerne", "#hvad-er-årsagerne", Some(0), 2),
                ("FysFinder", "https://fysfinder.dk", Some(0), 2),
                ("fed nakke", "./nakkesmerter.md#hvad-er-det", Some(1), 4),
            ]
        );
        assert_eq!(found[1].kind, LinkKind::Anchor("hvad-er-årsagerne".into()));
        assert_eq!(found[2].kind, LinkKind::External);
        assert_eq!(found[3].kind, article("nakkesmerter", Some("hvad-er-det")));
        assert!(md[found[1].offset..].starts_with("[årsagerne](#"));
    }

    #[test]
    fn links_inside_lists_tables_quotes_and_headings_belong_to_their_top_level_block() {
        let md = "## Se [knæ](knaesmerter.md)\n\n- en\n  - [nakke](nakkesmerter.md)\n\n| a | b |\n|---|---|\n| [ryg](laendesmerter.md) | x |\n\n> [skulder](skuldersmerter.md)\n";
        let found = links(md);
        let places: Vec<(&str, usize, Option<usize>)> =
            found.iter().map(|l| (l.text.as_str(), l.block, l.section)).collect();
        assert_eq!(
            places,
            [("knæ", 0, Some(0)), ("nakke", 1, Some(0)), ("ryg", 2, Some(0)), ("skulder", 3, Some(0))]
        );
        let doc = crate::document::Document::parse(md);
        assert_eq!(doc.outline.headings[0].text, "Se knæ", "a link in a heading keeps its text");
        assert_eq!(doc.outline.headings[0].anchor, "se-knæ");
        let numbers: Vec<u32> = doc.links_in(1..3).map(|(n, _)| n as u32).collect();
        assert_eq!(numbers, [1, 2]);
    }

    #[test]
    fn a_link_without_text_is_named_by_its_target_and_its_target_made_safe() {
        let found = links("[](nakke.md) og [x](knae&#27;.md)\n");
        assert_eq!(found[0].text, "nakke.md");
        assert!(!found[1].target.chars().any(char::is_control), "{:?}", found[1].target);
    }

    #[test]
    fn bad_escapes_are_kept_as_written() {
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz%C3"), "%zz%C3");
        assert_eq!(decode("a%20b"), "a b");
    }
}
