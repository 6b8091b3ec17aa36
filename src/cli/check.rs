//! `artikel check`: the content checks, printed for editors or as JSON.

use super::{Cli, Failure, print::write_out};
use crate::check::{Finding, Severity, check};
use crate::library::{Library, Source, Warning};
use std::path::PathBuf;

/// Checks the whole library, or the articles in `dirs`; exit 1 if any error was found.
pub fn run(cli: &Cli, library: &Library, dirs: &[PathBuf], json: bool) -> Result<i32, Failure> {
    let checked = if dirs.is_empty() {
        // The whole library as loaded, with its loading problems.
        findings(library, cli.stale_months, |_| true)
    } else {
        // These folders (with the bundled articles, so links to them resolve).
        let lib = Library::load(dirs);
        let within =
            |source: &Source| matches!(source, Source::File(p) if dirs.iter().any(|d| p.starts_with(d)));
        findings(&lib, cli.stale_months, within)
    };
    let (files, found) = checked;
    let errors = found.iter().filter(|f| f.severity == Severity::Error).count();
    if json {
        let text = serde_json::to_string_pretty(&found).map_err(|e| (1, e.to_string()))?;
        write_out(&format!("{text}\n"))?;
    } else {
        write_out(&human(&found, files))?;
    }
    Ok(i32::from(errors > 0))
}

fn findings(library: &Library, stale_months: u16, wanted: impl Fn(&Source) -> bool) -> (usize, Vec<Finding>) {
    let today = crate::store::today();
    let mut all = Vec::new();
    let mut files = 0;
    for article in library.articles.iter().filter(|a| wanted(&a.source)) {
        files += 1;
        let place = article.source.describe(&article.slug);
        let warnings: Vec<Warning> = library.warnings.iter().filter(|w| w.file == place).cloned().collect();
        all.extend(check(article, &warnings, library, today, stale_months));
    }
    // Files that could not be read at all.
    let known: Vec<String> = library.articles.iter().map(|a| a.source.describe(&a.slug)).collect();
    for w in library.warnings.iter().filter(|w| !known.contains(&w.file)) {
        all.push(Finding {
            file: w.file.clone(),
            line: w.line,
            severity: Severity::Error,
            rule: "file",
            message: w.message(),
        });
    }
    (files, all)
}

fn human(found: &[Finding], files: usize) -> String {
    let mut out = String::new();
    let mut current: Option<&str> = None;
    for f in found {
        if current != Some(f.file.as_str()) {
            out.push_str(&format!("{}\n", f.file));
            current = Some(&f.file);
        }
        let line = f.line.map_or("-".to_string(), |l| l.to_string());
        let severity = match f.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        };
        out.push_str(&format!("  {line:>4}  {severity:<7} {}  [{}]\n", f.message, f.rule));
    }
    let count = |s: Severity| found.iter().filter(|f| f.severity == s).count();
    let plural = |n: usize, word: &str| format!("{n} {word}{}", if n == 1 { "" } else { "s" });
    out.push_str(&format!(
        "{}, {}, {} in {}\n",
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        plural(count(Severity::Note), "note"),
        plural(files, "file")
    ));
    out
}
