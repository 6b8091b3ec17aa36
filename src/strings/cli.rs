//! What the printing commands say around what they print: `list`, `check`'s summary, the
//! review commands' status words, and the errors of writing out.

use super::{Lang, Phrase, lang, plural};

/// The terminal failed under the reader.
pub fn terminal_error(why: &str) -> String {
    match lang() {
        Lang::En => format!("artikel: terminal error: {why}"),
        Lang::Da => format!("artikel: fejl i terminalen: {why}"),
    }
}

/// Printing to stdout failed.
pub fn cannot_write(why: &str) -> String {
    match lang() {
        Lang::En => format!("artikel: cannot write: {why}"),
        Lang::Da => format!("artikel: kan ikke skrive: {why}"),
    }
}

/// A loading problem, as the printing commands say it on stderr.
pub fn warning_line(warning: &str) -> String {
    match lang() {
        Lang::En => format!("warning: {warning}"),
        Lang::Da => format!("advarsel: {warning}"),
    }
}

/// `list`'s counts of an article's questions and FAQ questions, aligned.
pub fn list_counts(questions: usize, faq: usize) -> String {
    match lang() {
        Lang::En => {
            let word = if questions == 1 { "question " } else { "questions" };
            format!("{questions:>2} {word}  {faq:>2} FAQ")
        }
        Lang::Da => format!("{questions:>2} spørgsmål  {faq:>2} FAQ"),
    }
}

/// A finding that stops an article from being published.
pub const SEVERITY_ERROR: Phrase = Phrase::new("error", "fejl");
/// A finding that should be fixed.
pub const SEVERITY_WARNING: Phrase = Phrase::new("warning", "advarsel");
/// A finding worth knowing.
pub const SEVERITY_NOTE: Phrase = Phrase::new("note", "note");
/// Marks the house rules or synonyms that come with artikel.
pub const BUNDLED: Phrase = Phrase::new("bundled", "medfølger");

/// `check`'s last line: how many of each finding, in how many files.
pub fn check_summary(errors: usize, warnings: usize, notes: usize, files: usize) -> String {
    let count = |n: usize, one: Phrase, many: Phrase| format!("{n} {}", plural(n, one, many));
    let errors = count(errors, Phrase::new("error", "fejl"), Phrase::new("errors", "fejl"));
    let warnings = count(warnings, Phrase::new("warning", "advarsel"), Phrase::new("warnings", "advarsler"));
    let notes = count(notes, Phrase::new("note", "note"), Phrase::new("notes", "noter"));
    let files = count(files, Phrase::new("file", "fil"), Phrase::new("files", "filer"));
    match lang() {
        Lang::En => format!("{errors}, {warnings}, {notes} in {files}"),
        Lang::Da => format!("{errors}, {warnings}, {notes} i {files}"),
    }
}

/// The word for a review status or verdict, as the reader and the text output say it; the
/// label itself stays in JSON and on the command line.
pub fn status_word(label: &str) -> &str {
    let word = match label {
        "unreviewed" => Phrase::new("unreviewed", "ikke gennemgået"),
        "reviewed" => Phrase::new("reviewed", "gennemgået"),
        "needs-changes" => Phrase::new("needs-changes", "skal rettes"),
        "approved" => Phrase::new("approved", "godkendt"),
        "approved-earlier-version" => {
            Phrase::new("approved-earlier-version", "godkendt i en tidligere version")
        }
        "changes-requested" => Phrase::new("changes-requested", "ændringer ønsket"),
        "partly-approved" => Phrase::new("partly-approved", "delvist godkendt"),
        _ => return label,
    };
    word.as_str()
}

/// The word for a kind of heading in `toc`'s brackets.
pub fn kind_word(label: &str) -> &str {
    let word = match label {
        "question" => Phrase::new("question", "spørgsmål"),
        "faq" => Phrase::new("faq", "faq-afsnit"),
        "faq-question" => Phrase::new("faq-question", "faq-spørgsmål"),
        "section" => Phrase::new("section", "afsnit"),
        _ => return label,
    };
    word.as_str()
}
