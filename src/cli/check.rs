//! `artikel check`: the content checks and the house rules, printed for editors or as JSON.
//!
//! Each article is checked with the house rules of the nearest `house-rules.yaml` in its
//! folder or a parent folder (up to the articles folder it was loaded from), else with the
//! bundled rules. The synonym files lookup uses (`synonyms.yaml`) are checked too.

use super::check_cache::{Cache, Keys, default_dir};
use super::{Cli, Failure, print::write_out};
use crate::check::{Checker, Finding, Parsed, RuleError, RuleSet, Severity, is_stale, rules};
use crate::library::{Library, Source, Warning};
use crate::search::check_synonyms;
use crate::strings;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// The largest rule or synonym file read, so that a mistaken link to something huge cannot stall `check`.
const MAX_RULES_BYTES: u64 = 1 << 20;

/// The name of a synonym file in an articles folder.
const SYNONYMS_FILE: &str = "synonyms.yaml";

/// The bundled synonym file, checked with the whole library.
const BUNDLED_SYNONYMS: &str = include_str!("../../articles/synonyms.yaml");

/// The warning-sign table that comes with artikel.
const BUNDLED_SIGNS: &str = include_str!("../../articles/warning-signs.yaml");

/// Checks the whole library, or the articles in `dirs`; exit 1 if any error was found. With
/// `cache`, the findings of articles checked before, unchanged, are taken from the cache.
pub fn run(cli: &Cli, library: &Library, dirs: &[PathBuf], json: bool, cache: bool) -> Result<i32, Failure> {
    let cache = Cache::open(default_dir().filter(|_| cache).as_deref());
    let (files, found) = if dirs.is_empty() {
        // The whole library as loaded, with its loading problems.
        findings(library, cli, &super::article_dirs(cli), true, |_| true, cache)
    } else {
        // These folders (with the bundled articles, so links to them resolve).
        let lib = Library::load(dirs);
        let within =
            |source: &Source| matches!(source, Source::File(p) if dirs.iter().any(|d| p.starts_with(d)));
        findings(&lib, cli, dirs, false, within, cache)
    };
    let errors = found.iter().filter(|f| f.severity == Severity::Error).count();
    if json {
        let text = serde_json::to_string_pretty(&found).map_err(|e| Failure::failed(e.to_string()))?;
        write_out(&format!("{text}\n"))?;
    } else {
        write_out(&human(&found, files))?;
    }
    Ok(i32::from(errors > 0))
}

fn findings(
    library: &Library,
    cli: &Cli,
    roots: &[PathBuf],
    bundled: bool,
    wanted: impl Fn(&Source) -> bool,
    mut cache: Cache,
) -> (usize, Vec<Finding>) {
    let (today, stale_months) = (cli.clock.today(), cli.settings.stale_months.value);
    let checker = Checker::new(library, today, stale_months);
    // The loading problems by file, gathered once: not a scan of them all for each article.
    let mut by_file: HashMap<&str, Vec<Warning>> = HashMap::new();
    for w in &library.warnings {
        by_file.entry(w.file.as_str()).or_default().push(w.clone());
    }
    let warnings_of = |place: &str| by_file.get(place).map_or(&[][..], Vec::as_slice);
    let mut rule_files = RuleFiles::default();
    let mut all = Vec::new();
    let mut files = 0;
    let which: Vec<usize> =
        (0..library.articles.len()).filter(|&i| wanted(&library.articles[i].source)).collect();
    // Each article's rule file, read once; then the articles checked on two threads.
    let files_of: Vec<Option<PathBuf>> =
        which.iter().map(|&i| rule_files.load(&library.articles[i].source, roots)).collect();
    // Each article's key in the cache, and those not found there, which are checked.
    let signs = || format!("{:?}", library.signs.iter().collect::<Vec<_>>());
    let keys: Vec<Option<String>> = match cache.is_on().then(|| Keys::new(stale_months, &signs())) {
        Some(k) => (0..which.len())
            .map(|n| {
                let a = &library.articles[which[n]];
                let place = a.source.describe(&a.slug);
                let (line, meta) = (a.body_line.to_string(), format!("{:?}", a.meta));
                let warnings = format!("{:?}", warnings_of(&place));
                // The day matters only to whether the article is stale.
                let stale = format!("{:?}", a.meta.last_updated.map(|u| is_stale(u, today, stale_months)));
                let parts = [&place, &a.slug, &line, &meta, &warnings, &stale, &*a.body].map(str::as_bytes);
                Some(k.key(&parts, rule_files.identity(&files_of[n])))
            })
            .collect(),
        None => vec![None; which.len()],
    };
    let missed: Vec<usize> =
        (0..which.len()).filter(|&n| keys[n].as_ref().is_none_or(|k| cache.get(k).is_none())).collect();
    let missed_articles: Vec<usize> = missed.iter().map(|&n| which[n]).collect();
    let found = checker.check_each(&missed_articles, |m| {
        let article = &library.articles[missed_articles[m]];
        (warnings_of(&article.source.describe(&article.slug)), rule_files.get(&files_of[missed[m]]))
    });
    let mut found = missed.iter().zip(found).peekable();
    for (n, key) in keys.into_iter().enumerate() {
        let findings = match found.next_if(|(m, _)| **m == n) {
            Some((_, findings)) => {
                // An article that links to another is checked again every time.
                if let Some(key) = key.filter(|_| !checker.links_elsewhere(which[n])) {
                    cache.keep(key, findings.clone(), true);
                }
                findings
            }
            None => cache.hit(key.unwrap_or_default(), !missed.is_empty()),
        };
        all.extend(findings);
    }
    cache.save();
    files += which.len();
    // Files hidden by another of the same slug in the same folder tree: linted too.
    for article in library.hidden.iter().filter(|a| wanted(&a.source)) {
        files += 1;
        let place = article.source.describe(&article.slug);
        let rules = rule_files.for_source(&article.source, roots);
        let parsed = Parsed::of(&article.body, article.body_line);
        all.extend(checker.check_parsed(article, &parsed, warnings_of(&place), rules));
    }
    // Files that could not be read at all.
    let known: HashSet<String> =
        library.articles.iter().chain(&library.hidden).map(|a| a.source.describe(&a.slug)).collect();
    // (An editors' data file's problems are reported below, by its own checker.)
    let data_file = |w: &&Warning| matches!(w.kind, crate::library::WarningKind::DataFile { .. });
    for w in library.warnings.iter().filter(|w| !known.contains(&w.file) && !data_file(w)) {
        all.push(Finding::new(&w.file, w.line, Severity::Error, "file", &w.message()));
    }
    let mut broken = rule_files.broken();
    broken.extend(data_findings(roots, bundled, SYNONYMS_FILE, BUNDLED_SYNONYMS, "synonyms", &|text| {
        check_synonyms(text).into_iter().map(|p| (p.line, p.message, p.fatal)).collect()
    }));
    let signs_file = crate::library::SIGNS;
    broken.extend(data_findings(roots, bundled, signs_file, BUNDLED_SIGNS, "warning-signs", &|text| {
        crate::signs::check_signs(text).into_iter().map(|p| (p.line, p.message, p.fatal)).collect()
    }));
    broken.append(&mut all);
    (files, broken)
}

/// Rule files, each read and validated once.
#[derive(Default)]
struct RuleFiles {
    bundled: Option<Result<RuleSet, RuleError>>,
    by_path: HashMap<PathBuf, Result<RuleSet, RuleError>>,
    /// A digest of each file's name and text (or why it could not be read), `None` for the
    /// bundled rules: what its rules are made of.
    digests: HashMap<Option<PathBuf>, Vec<u8>>,
    /// Which folder has which rule file (or none), so each folder is looked at once.
    folders: HashMap<PathBuf, Option<PathBuf>>,
}

impl RuleFiles {
    /// The rules for an article from `source`: the nearest rule file from its folder up to
    /// the root it was loaded from, else the bundled one. `None` when that file is broken.
    fn for_source(&mut self, source: &Source, roots: &[PathBuf]) -> Option<&RuleSet> {
        let file = self.load(source, roots);
        self.get(&file)
    }

    /// Reads the rule file for an article from `source` (see [`RuleFiles::for_source`]) if
    /// it is not read yet, and says which it is (`None`: the bundled one).
    fn load(&mut self, source: &Source, roots: &[PathBuf]) -> Option<PathBuf> {
        let file = match source {
            Source::File(path) => self.nearest(path, roots),
            Source::Bundled => None,
        };
        match &file {
            Some(file) => {
                if !self.by_path.contains_key(file) {
                    let text = read_small(file);
                    let rules = text.clone().map_err(|message| RuleError { line: None, message });
                    self.by_path.insert(file.clone(), rules.and_then(|text| RuleSet::parse(&text)));
                    let text = text.unwrap_or_else(|e| format!("\0{e}"));
                    self.digests.insert(Some(file.clone()), digest(&file.display().to_string(), &text));
                }
            }
            None => {
                self.bundled.get_or_insert_with(RuleSet::bundled);
                self.digests.entry(None).or_insert_with(|| digest("", rules::BUNDLED));
            }
        }
        file
    }

    /// What the rules of a file [`RuleFiles::load`] read are made of: a digest of its name
    /// and text (the bundled rules' when `None`).
    fn identity(&self, file: &Option<PathBuf>) -> &[u8] {
        self.digests.get(file).map_or(&[], Vec::as_slice)
    }

    /// The rules of a file [`RuleFiles::load`] read; `None` when it is broken.
    fn get(&self, file: &Option<PathBuf>) -> Option<&RuleSet> {
        match file {
            Some(file) => self.by_path.get(file).and_then(|r| r.as_ref().ok()),
            None => self.bundled.as_ref().and_then(|r| r.as_ref().ok()),
        }
    }

    fn nearest(&mut self, article: &Path, roots: &[PathBuf]) -> Option<PathBuf> {
        let root = roots.iter().filter(|r| article.starts_with(r)).max_by_key(|r| r.components().count())?;
        let mut folder = article.parent();
        while let Some(dir) = folder.filter(|d| d.starts_with(root)) {
            let found = self
                .folders
                .entry(dir.to_path_buf())
                .or_insert_with(|| Some(dir.join(rules::FILE_NAME)).filter(|f| f.is_file()));
            if let Some(file) = found {
                return Some(file.clone());
            }
            folder = dir.parent();
        }
        None
    }

    /// One finding for each rule file that cannot be used.
    fn broken(&self) -> Vec<Finding> {
        let bundled =
            self.bundled.iter().map(|r| (format!("{} ({})", rules::FILE_NAME, crate::strings::BUNDLED), r));
        let mut files: Vec<(String, &Result<RuleSet, RuleError>)> =
            self.by_path.iter().map(|(p, r)| (p.display().to_string(), r)).chain(bundled).collect();
        files.sort_by(|a, b| a.0.cmp(&b.0));
        files
            .into_iter()
            .filter_map(|(file, r)| {
                let e = r.as_ref().err()?;
                let message = strings::rules_unusable(&e.message);
                Some(Finding::new(&file, e.line, Severity::Error, "house-rules", &message))
            })
            .collect()
    }
}

/// The SHA-256 of a rule file's name and text.
fn digest(name: &str, text: &str) -> Vec<u8> {
    use sha2::Digest;
    let mut h = sha2::Sha256::new();
    h.update((name.len() as u64).to_le_bytes());
    h.update(name.as_bytes());
    h.update(text.as_bytes());
    h.finalize().to_vec()
}

/// Reads an editor's data file: only a regular file of reasonable size (a FIFO would block
/// forever, a link to a device would never end).
fn read_small(path: &Path) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| strings::warning_cannot_read(&e.to_string()))?;
    if !meta.is_file() || meta.len() > MAX_RULES_BYTES {
        return Err(strings::data_file_not_regular(MAX_RULES_BYTES));
    }
    std::fs::read_to_string(path).map_err(|e| strings::warning_cannot_read(&e.to_string()))
}

/// A data file's problems: (line, message, whether nothing of it could be used).
type DataProblems = Vec<(Option<usize>, String, bool)>;

/// What is wrong with an editors' data file (`synonyms.yaml`, `warning-signs.yaml`): the
/// bundled one when the whole library is checked, and each checked folder's own, as
/// `check` (the file's own checker) says, under the rule id `rule`.
fn data_findings(
    roots: &[PathBuf],
    bundled: bool,
    name: &str,
    bundled_text: &str,
    rule: &str,
    check: &dyn Fn(&str) -> DataProblems,
) -> Vec<Finding> {
    let mut found = Vec::new();
    let mut report = |file: &str, problems: DataProblems| {
        for (line, message, fatal) in problems {
            let severity = if fatal { Severity::Error } else { Severity::Warning };
            found.push(Finding::new(file, line, severity, rule, &message));
        }
    };
    if bundled {
        report(&format!("{name} ({})", crate::strings::BUNDLED), check(bundled_text));
    }
    for file in roots.iter().map(|r| r.join(name)).filter(|f| f.exists()) {
        let problems = match read_small(&file) {
            Ok(text) => check(&text),
            Err(message) => vec![(None, message, true)],
        };
        report(&file.display().to_string(), problems);
    }
    found
}

fn human(found: &[Finding], files: usize) -> String {
    let mut out = String::new();
    // The severities line up, however long their words are in the language in force.
    let (e, w, n) =
        (crate::strings::SEVERITY_ERROR, crate::strings::SEVERITY_WARNING, crate::strings::SEVERITY_NOTE);
    let wide = [e, w, n].iter().map(|s| s.chars().count()).max().unwrap_or(0);
    let mut current: Option<&str> = None;
    for f in found {
        if current != Some(f.file.as_str()) {
            out.push_str(&format!("{}\n", f.file));
            current = Some(&f.file);
        }
        let place = match (f.line, f.column) {
            (Some(l), Some(c)) => format!("{l}:{c}"),
            (Some(l), None) => l.to_string(),
            (None, _) => "-".to_string(),
        };
        let severity = match f.severity {
            Severity::Error => crate::strings::SEVERITY_ERROR,
            Severity::Warning => crate::strings::SEVERITY_WARNING,
            Severity::Note => crate::strings::SEVERITY_NOTE,
        };
        out.push_str(&format!("  {place:>4}  {severity:<wide$} {}  [{}]\n", f.message, f.rule));
    }
    let count = |s: Severity| found.iter().filter(|f| f.severity == s).count();
    let summary = crate::strings::check_summary(
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Note),
        files,
    );
    out.push_str(&format!("{summary}\n"));
    out
}
