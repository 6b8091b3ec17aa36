//! The YAML block at the top of an article: splitting it off, reading it, reading its dates.

use jiff::civil::Date;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;

/// What an article's frontmatter says. Known keys are typed; every other key is kept as it was.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Frontmatter {
    /// `metaTitle`: the article's full title.
    pub title: Option<String>,
    /// `lastUpdated`, as a date.
    pub last_updated: Option<Date>,
    /// `datePublished`, as a date.
    pub date_published: Option<Date>,
    /// Every other key, untouched.
    pub extra: BTreeMap<String, FrontValue>,
}

impl Frontmatter {
    /// The `keywords:` an editor gave the article (a list, or words separated by commas):
    /// lookup counts them as words of its title.
    pub fn keywords(&self) -> Vec<String> {
        let text = |v: &FrontValue| match v {
            FrontValue::Text(t) => t.clone(),
            other => other.to_string(),
        };
        match self.extra.get("keywords") {
            Some(FrontValue::List(items)) => items.iter().map(text).collect(),
            Some(FrontValue::Text(t)) => t.split(',').map(|k| k.trim().to_string()).collect(),
            _ => Vec::new(),
        }
        .into_iter()
        .filter(|k| !k.trim().is_empty())
        .take(100)
        .collect()
    }
}

/// A YAML value of a key the reader does not know.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum FrontValue {
    /// `true` or `false`.
    Bool(bool),
    /// A whole number.
    Int(i64),
    /// Any other number.
    Float(f64),
    /// Text.
    Text(String),
    /// A sequence.
    List(Vec<FrontValue>),
    /// A mapping.
    Map(BTreeMap<String, FrontValue>),
    /// `~` or nothing.
    Null,
}

impl fmt::Display for FrontValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FrontValue::Bool(b) => write!(f, "{b}"),
            FrontValue::Int(i) => write!(f, "{i}"),
            FrontValue::Float(x) => write!(f, "{x}"),
            FrontValue::Text(s) => f.write_str(s),
            FrontValue::List(items) => {
                let parts: Vec<String> = items.iter().map(ToString::to_string).collect();
                write!(f, "[{}]", parts.join(", "))
            }
            FrontValue::Map(map) => {
                let parts: Vec<String> = map.iter().map(|(k, v)| format!("{k}: {v}")).collect();
                write!(f, "{{{}}}", parts.join(", "))
            }
            FrontValue::Null => Ok(()),
        }
    }
}

/// The text of a file cut into its frontmatter (if it has one) and its body.
#[derive(Debug, PartialEq)]
pub struct Split<'a> {
    /// The YAML between the `---` lines, or `None` when the file has no frontmatter.
    pub yaml: Option<&'a str>,
    /// The Markdown after it.
    pub body: &'a str,
    /// The 1-based line of the file on which the body starts.
    pub body_line: usize,
}

/// Cuts `text` into frontmatter and body. An opening `---` with no closing line is an error.
pub fn split(text: &str) -> Result<Split<'_>, &'static str> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    if first.trim_end() != "---" {
        return Ok(Split { yaml: None, body: text, body_line: 1 });
    }
    let start = first.len();
    let mut offset = start;
    for (n, line) in lines.enumerate() {
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            let body_start = offset + line.len();
            return Ok(Split {
                yaml: Some(&text[start..offset]),
                body: &text[body_start..],
                body_line: n + 3,
            });
        }
        offset += line.len();
    }
    Err("the frontmatter opened with `---` is never closed")
}

/// Why a frontmatter is not YAML, and where (1-based, in the text given to [`parse`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// The parser's reason, in one line, without its place.
    pub reason: String,
    /// The line, when the parser knows it.
    pub line: Option<usize>,
    /// The column, when the parser knows it.
    pub column: Option<usize>,
}

/// A date key whose value is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadDate {
    /// `lastUpdated` or `datePublished`.
    pub key: &'static str,
    /// What it holds, as written.
    pub value: String,
}

impl YamlError {
    fn of(e: &serde_saphyr::Error) -> YamlError {
        let text = e.without_snippet().to_string();
        let first = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or(&text);
        let first = first.trim_start_matches("error:").trim();
        let location = e.location();
        let line = location.and_then(|l| usize::try_from(l.line()).ok()).filter(|&l| l > 0);
        let column = location.and_then(|l| usize::try_from(l.column()).ok()).filter(|&c| c > 0);
        // The parser writes the place after its reason; the place is kept as numbers.
        let reason = match (line, column) {
            (Some(l), Some(c)) => first.strip_suffix(&format!(" at line {l}, column {c}")).unwrap_or(first),
            _ => first,
        };
        YamlError { reason: reason.to_string(), line, column }
    }
}

/// Reads the YAML of a frontmatter. Problems with single values come back as [`BadDate`]s;
/// a document that is not YAML at all is an error with its line and column.
pub fn parse(yaml: &str) -> Result<(Frontmatter, Vec<BadDate>), YamlError> {
    if yaml.trim().is_empty() {
        return Ok((Frontmatter::default(), Vec::new()));
    }
    let mut map: BTreeMap<String, FrontValue> = match super::plain_yaml::plain_map(yaml) {
        Some(map) => map,
        None => serde_saphyr::from_str(yaml).map_err(|e| YamlError::of(&e))?,
    };
    let mut warnings = Vec::new();
    let title = match map.remove("metaTitle") {
        Some(FrontValue::Text(t)) => Some(t),
        Some(FrontValue::Null) | None => None,
        Some(other) => Some(other.to_string()),
    };
    let mut date = |key: &'static str| match map.remove(key) {
        None | Some(FrontValue::Null) => None,
        Some(value) => {
            let raw = value.to_string();
            let parsed = parse_date(&raw);
            if parsed.is_none() {
                warnings.push(BadDate { key, value: raw });
            }
            parsed
        }
    };
    let last_updated = date("lastUpdated");
    let date_published = date("datePublished");
    Ok((Frontmatter { title, last_updated, date_published, extra: map }, warnings))
}

/// Reads a date written `DD/MM/YYYY` (the house style) or `YYYY-MM-DD`.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if let Ok(d) = s.parse::<Date>() {
        return Some(d);
    }
    let mut parts = s.split('/');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || y.len() != 4 {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?).ok()
}

/// Writes a date the house way, `DD/MM/YYYY`.
pub fn format_date(d: Date) -> String {
    format!("{:02}/{:02}/{:04}", d.day(), d.month(), d.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_in_house_style_and_iso() {
        let d = parse_date("19/02/2025").expect("house date");
        assert_eq!((d.year(), d.month(), d.day()), (2025, 2, 19));
        assert_eq!(parse_date("2025-02-19"), Some(d));
        assert_eq!(parse_date("1/2/2025").map(format_date).as_deref(), Some("01/02/2025"));
        assert_eq!(parse_date("31/02/2025"), None);
        assert_eq!(parse_date("19/02/25"), None);
        assert_eq!(parse_date("i går"), None);
    }

    #[test]
    fn split_finds_the_yaml_and_the_body_line() {
        let s = split("---\na: 1\n---\n\n# T\n").expect("closed");
        assert_eq!(s.yaml, Some("a: 1\n"));
        assert_eq!(s.body, "\n# T\n");
        assert_eq!(s.body_line, 4);
        let crlf = split("---\r\na: 1\r\n---\r\nbody").expect("crlf");
        assert_eq!(crlf.body, "body");
        assert_eq!(split("# No frontmatter\n").expect("plain").yaml, None);
        assert!(split("---\na: 1\nno end\n").is_err());
    }

    #[test]
    fn known_keys_are_typed_and_unknown_keys_kept() {
        let (fm, warnings) = parse(
            "metaTitle: Knæ\nlastUpdated: 01/03/2024\ndatePublished: 2023-05-06\nforfatter: Anne\ntags: [knæ, smerter]\n",
        )
        .expect("valid");
        assert!(warnings.is_empty());
        assert_eq!(fm.title.as_deref(), Some("Knæ"));
        assert_eq!(fm.last_updated.map(format_date).as_deref(), Some("01/03/2024"));
        assert_eq!(fm.date_published.map(format_date).as_deref(), Some("06/05/2023"));
        assert_eq!(fm.extra["forfatter"], FrontValue::Text("Anne".into()));
        assert_eq!(fm.extra["tags"].to_string(), "[knæ, smerter]");
    }

    #[test]
    fn keywords_are_a_list_or_words_separated_by_commas() {
        let (fm, _) = parse("keywords: [hekseskud, ischias]\n").expect("valid");
        assert_eq!(fm.keywords(), ["hekseskud", "ischias"]);
        let (fm, _) = parse("keywords: hold i ryggen, lumbago\n").expect("valid");
        assert_eq!(fm.keywords(), ["hold i ryggen", "lumbago"]);
        assert!(Frontmatter::default().keywords().is_empty());
    }

    #[test]
    fn a_bad_date_is_a_warning_and_broken_yaml_an_error_with_its_place() {
        let (fm, warnings) = parse("lastUpdated: snart\n").expect("valid yaml");
        assert_eq!(fm.last_updated, None);
        assert_eq!(warnings, [BadDate { key: "lastUpdated", value: "snart".into() }]);
        let err = parse("metaTitle: [unclosed\nfoo: bar\n").expect_err("broken");
        assert_eq!((err.line, err.column), (Some(2), Some(4)), "error names its place: {err:?}");
        assert!(!err.reason.contains("line 2"), "the place is not repeated in the reason: {err:?}");
    }
}
