//! The review report (`notes export`) in Markdown, JSON and CSV, written so that it cannot
//! attack its reader: CSV cells that a spreadsheet would evaluate are neutralised, and note
//! text in Markdown is quoted and escaped so it can never become the report's structure.

use serde::Serialize;
use serde_json::json;

/// The whole report: the policy in force, and every article of the library (unreviewed too),
/// then those only the ledger still knows.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// How many approvals a version needs.
    pub approvals_needed: usize,
    /// The leads' accounts.
    pub leads: Vec<String>,
    /// The articles.
    pub articles: Vec<ArticleRow>,
}

/// One article in the report.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ArticleRow {
    /// The article's slug.
    pub slug: String,
    /// Its title (empty when the article is no longer in the library).
    pub article: String,
    /// Set when the article is no longer in the library.
    pub detached: bool,
    /// Its current version (short; empty when detached).
    pub version: String,
    /// Its state now, under the policy.
    pub status: String,
    /// How many reviewers approved its current version.
    pub approvals: usize,
    /// Each reviewer's current decision, the latest first.
    pub decisions: Vec<DecisionRow>,
    /// The requests for changes that block its current version.
    pub outstanding: Vec<DecisionRow>,
    /// The slugs whose history it carries.
    pub renamed_from: Vec<String>,
    /// Its comments, replies after the comment they answer.
    pub notes: Vec<NoteRow>,
}

/// A reviewer's current decision.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DecisionRow {
    /// Who.
    pub reviewer: String,
    /// approved or changes-requested.
    pub decision: String,
    /// On which version (short; empty when unknown).
    pub version: String,
    /// Whether that is the article's current version.
    pub current: bool,
    /// Why.
    pub reason: String,
    /// When.
    pub at: String,
}

/// A comment.
#[derive(Debug, Clone, Default, Serialize)]
pub struct NoteRow {
    /// Its id (short).
    pub id: String,
    /// The comment it answers (short id), if a reply.
    pub reply_to: String,
    /// Its section (empty for the introduction).
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
}

/// The CSV header: a row per article (kind `status`), per reviewer's current decision
/// (`decision`, or `request` for one that blocks), per comment (`comment`); the policy
/// first (`policy`).
pub const CSV_HEADER: &str = "slug,article,detached,kind,status,version,approvals,reviewer,decision,decided_version,current,reason,at,note_id,reply_to,section,note,author,written,note_version,resolved\n";

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

fn flag(b: bool) -> &'static str {
    if b { "yes" } else { "" }
}

/// The report as CSV.
pub fn csv(report: &Report) -> String {
    let mut out = String::from(CSV_HEADER);
    let mut line = |cells: [&str; 21]| {
        out.push_str(&cells.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(","));
        out.push('\n');
    };
    let needed = report.approvals_needed.to_string();
    let leads = report.leads.join(" ");
    line(["", "", "", "policy", "", "", &needed, &leads, "", "", "", "", "", "", "", "", "", "", "", "", ""]);
    for a in &report.articles {
        let approvals = format!("{} / {}", a.approvals, report.approvals_needed);
        let head = [a.slug.as_str(), &a.article, flag(a.detached)];
        line([
            head[0], head[1], head[2], "status", &a.status, &a.version, &approvals, "", "", "", "", "", "",
            "", "", "", "", "", "", "", "",
        ]);
        let blocking = |d: &DecisionRow| a.outstanding.iter().any(|o| o.reviewer == d.reviewer);
        for d in &a.decisions {
            let kind = if blocking(d) { "request" } else { "decision" };
            line([
                head[0],
                head[1],
                head[2],
                kind,
                &a.status,
                &a.version,
                "",
                &d.reviewer,
                &d.decision,
                &d.version,
                flag(d.current),
                &d.reason,
                &d.at,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
            ]);
        }
        for n in &a.notes {
            line([
                head[0],
                head[1],
                head[2],
                "comment",
                &a.status,
                &a.version,
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                &n.id,
                &n.reply_to,
                &n.section,
                &n.note,
                &n.author,
                &n.written,
                &n.note_version,
                flag(n.resolved),
            ]);
        }
    }
    out
}

/// The report as JSON: the policy and the articles.
pub fn json(report: &Report) -> String {
    format!("{}\n", json!(report))
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

/// The report as Markdown: the policy, then an article per heading: its status, each
/// reviewer's current decision with its reason, the requests outstanding, its comments quoted.
pub fn markdown(report: &Report) -> String {
    use crate::strings as s;
    let mut out = format!(
        "# {}\n\n{}\n",
        s::REPORT_TITLE,
        md_inline(&s::report_policy(report.approvals_needed, &report.leads))
    );
    for a in &report.articles {
        let title = if a.detached {
            format!("{} ({})", md_inline(&a.slug), s::REPORT_DETACHED)
        } else {
            format!("{} ({})", md_inline(&a.article), md_inline(&a.slug))
        };
        out.push_str(&format!("\n## {title}\n\n{}: **{}**", s::REPORT_STATUS, md_inline(&a.status)));
        if !a.detached {
            out.push_str(&format!(
                " — {}",
                md_inline(&s::report_version(&a.version, a.approvals, report.approvals_needed))
            ));
        }
        out.push_str("\n\n");
        for old in &a.renamed_from {
            out.push_str(&format!("{}\n\n", md_inline(&s::renamed_from(old, true))));
        }
        for d in &a.decisions {
            let date = d.at.get(..10).unwrap_or(&d.at);
            let line =
                s::report_decision(&d.reviewer, s::status_word(&d.decision), date, &d.version, d.current);
            out.push_str(&format!("- {}\n", md_inline(&line)));
            if !d.reason.is_empty() {
                out.push_str(&md_quote(&d.reason, "  "));
            }
        }
        if !a.decisions.is_empty() {
            out.push('\n');
        }
        for d in &a.outstanding {
            out.push_str(&format!("{}\n\n", md_inline(&s::blocked_by(&d.reviewer, &d.reason))));
        }
        for n in &a.notes {
            let section = if n.section.is_empty() { s::INTRO.as_str() } else { &n.section };
            let date = n.written.get(..10).unwrap_or(&n.written);
            let mut about = vec![n.author.as_str(), date];
            about.extend([n.note_version.as_str()].into_iter().filter(|v| !v.is_empty()));
            about.extend([s::RESOLVED.as_str()].into_iter().filter(|_| n.resolved));
            let indent = if n.reply_to.is_empty() { "" } else { "  " };
            out.push_str(&format!(
                "{indent}- *{}* — {} #{}\n\n",
                md_inline(section),
                md_inline(&about.join(", ")),
                md_inline(&n.id)
            ));
            out.push_str(&md_quote(&n.note, &format!("{indent}  ")));
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
        let article = ArticleRow {
            slug: "knae".into(),
            article: "Knæ".into(),
            status: "changes-requested".into(),
            notes: vec![NoteRow {
                note: "ok\n## Fake (slug)\n\nStatus: **reviewed**".into(),
                ..NoteRow::default()
            }],
            decisions: vec![DecisionRow {
                reason: "# Approved\nStatus: ok".into(),
                ..DecisionRow::default()
            }],
            ..ArticleRow::default()
        };
        let md = markdown(&Report { approvals_needed: 1, articles: vec![article], ..Report::default() });
        let headings: Vec<&str> = md.lines().filter(|l| l.starts_with('#')).collect();
        assert_eq!(headings, ["# Review report", "## Knæ (knae)"], "{md}");
        let statuses: Vec<&str> = md.lines().filter(|l| l.starts_with("Status")).collect();
        assert_eq!(statuses.len(), 1, "{md}");
        assert!(statuses[0].starts_with("Status: **changes-requested**"), "{md}");
        assert!(md.contains("  > \\#\\# Fake (slug)\n"), "{md}");
        assert_eq!(md_inline("- 1. x"), "\\- 1. x");
        assert_eq!(md_inline("12) x"), "12\\) x");
    }
}
