//! The review report (`notes export`) in Markdown, JSON and CSV, written so that it cannot
//! attack its reader: CSV cells that a spreadsheet would evaluate are neutralised, and note
//! text in Markdown is quoted and escaped so it can never become the report's structure.

use serde::Serialize;
use serde_json::json;

/// One line of the report: a comment, or an article's status when it has no comments.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Row {
    /// The article's slug.
    pub slug: String,
    /// Its title (empty when the article is no longer in the library).
    pub article: String,
    /// Set when the article is no longer in the library.
    pub detached: bool,
    /// The comment's section (empty for the introduction or a status row).
    pub section: String,
    /// The comment.
    pub note: String,
    /// Its author.
    pub author: String,
    /// When it was last changed.
    pub written: String,
    /// The article's version it was written on (short).
    pub note_version: String,
    /// Whether it is resolved.
    pub resolved: bool,
    /// The article's state now.
    pub status: String,
    /// Who made the latest decision.
    pub reviewer: String,
    /// When.
    pub reviewed: String,
    /// On which version (short).
    pub reviewed_version: String,
}

/// The CSV header.
pub const CSV_HEADER: &str = "slug,article,detached,section,note,author,written,note_version,resolved,status,reviewer,reviewed,reviewed_version\n";

/// A CSV cell, quoted; one that a spreadsheet would read as a formula (it starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, as OWASP advises.
pub fn csv_cell(value: &str) -> String {
    let neutral = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    format!("\"{}\"", neutral.replace('"', "\"\""))
}

/// The report as CSV.
pub fn csv(rows: &[Row]) -> String {
    let mut out = String::from(CSV_HEADER);
    for r in rows {
        let flag = |b: bool| if b { "yes" } else { "" };
        let cells = [
            &r.slug,
            &r.article,
            flag(r.detached),
            &r.section,
            &r.note,
            &r.author,
            &r.written,
            &r.note_version,
            flag(r.resolved),
            &r.status,
            &r.reviewer,
            &r.reviewed,
            &r.reviewed_version,
        ];
        out.push_str(&cells.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(","));
        out.push('\n');
    }
    out
}

/// The report as JSON: an array of rows.
pub fn json(rows: &[Row]) -> String {
    format!("{}\n", json!(rows))
}

/// Text put inline into Markdown: every character Markdown could read as emphasis, a link,
/// HTML, a heading or a table is escaped, as is a list or rule marker at its start, and line
/// ends become spaces.
pub fn md_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    for (i, c) in text.chars().enumerate() {
        let leading =
            (i == 0 && matches!(c, '-' | '+' | '=')) || (i == digits && digits > 0 && matches!(c, '.' | ')'));
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' | '&' => {
                out.push('\\');
                out.push(c);
            }
            c if leading => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Text as a Markdown block quote under a list item: every line quoted and escaped, so no
/// line of it can start a heading, a list, or the report's `Status:` line.
pub fn md_quote(text: &str, indent: &str) -> String {
    text.lines().map(|l| format!("{indent}> {}\n", md_inline(l))).collect()
}

/// The report as Markdown: an article per heading, its status, then its comments quoted.
pub fn markdown(rows: &[Row]) -> String {
    use crate::strings as s;
    let mut out = format!("# {}\n", s::REPORT_TITLE);
    let mut last: Option<&str> = None;
    for r in rows {
        if last != Some(r.slug.as_str()) {
            let title = if r.detached {
                format!("{} ({})", md_inline(&r.slug), s::REPORT_DETACHED)
            } else {
                format!("{} ({})", md_inline(&r.article), md_inline(&r.slug))
            };
            out.push_str(&format!("\n## {title}\n\n{}: **{}**", s::REPORT_STATUS, md_inline(&r.status)));
            if !r.reviewer.is_empty() {
                let date = r.reviewed.get(..10).unwrap_or(&r.reviewed);
                out.push_str(&format!(
                    " {}",
                    md_inline(&s::report_by(&r.reviewer, date, &r.reviewed_version))
                ));
            }
            out.push_str("\n\n");
            last = Some(&r.slug);
        }
        if !r.note.is_empty() {
            let section = if r.section.is_empty() { s::INTRO.as_str() } else { &r.section };
            let date = r.written.get(..10).unwrap_or(&r.written);
            let mut about = vec![r.author.as_str(), date];
            about.extend([r.note_version.as_str()].into_iter().filter(|v| !v.is_empty()));
            about.extend([s::RESOLVED.as_str()].into_iter().filter(|_| r.resolved));
            out.push_str(&format!("- *{}* — {}\n\n", md_inline(section), md_inline(&about.join(", "))));
            out.push_str(&md_quote(&r.note, "  "));
            out.push('\n');
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised_and_quotes_doubled() {
        for (cell, want) in [
            ("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\""),
            ("+cmd|' /C calc'!A0", "\"'+cmd|' /C calc'!A0\""),
            ("@SUM(A1)", "\"'@SUM(A1)\""),
            ("-2+3", "\"'-2+3\""),
            ("\tx", "\"'\tx\""),
            ("plain", "\"plain\""),
        ] {
            assert_eq!(csv_cell(cell), want);
        }
    }

    #[test]
    fn a_note_cannot_forge_a_heading_or_a_status() {
        let row = Row {
            slug: "knae".into(),
            article: "Knæ".into(),
            note: "ok\n## Fake (slug)\n\nStatus: **reviewed**".into(),
            status: "changes-requested".into(),
            ..Row::default()
        };
        let md = markdown(&[row]);
        let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
        assert_eq!(headings, ["# Review report", "## Knæ (knae)"], "{md}");
        let statuses: Vec<&str> = md.lines().filter(|l| l.starts_with("Status")).collect();
        assert_eq!(statuses, ["Status: **changes-requested**"], "{md}");
        assert!(md.contains("  > \\#\\# Fake (slug)\n"), "{md}");
        assert_eq!(md_inline("- 1. x"), "\\- 1. x");
        assert_eq!(md_inline("12) x"), "12\\) x");
    }
}
