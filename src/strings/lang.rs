//! The interface language: Danish or English, chosen once per process (or per served
//! session, which runs on a thread of its own), and the two-language sentence type.

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;
use std::sync::atomic::{AtomicU8, Ordering};

/// A language the interface speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// English, the default when nothing asks for Danish.
    #[default]
    En,
    /// Danish.
    Da,
}

impl Lang {
    /// The language a locale string names: `da`, `da_DK.UTF-8`, `da-DK` … are Danish;
    /// `en…`, `C` and `POSIX` are English; anything else names none.
    pub fn from_locale(locale: &str) -> Option<Lang> {
        let code = locale.split(['_', '-', '.', '@']).next().unwrap_or("").to_ascii_lowercase();
        match code.as_str() {
            "da" | "dansk" | "danish" => Some(Lang::Da),
            "en" | "english" | "c" | "posix" => Some(Lang::En),
            _ => None,
        }
    }

    /// The short code: `da` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Da => "da",
        }
    }
}

/// The language a locale's variables ask for: the first of `LC_ALL`, `LC_MESSAGES`, `LANG`
/// (in that order) that is set and not empty decides, `da*` being Danish and anything else
/// English; none set, none asked for.
pub fn from_locale_vars(locale: [Option<&str>; 3]) -> Option<Lang> {
    let first = locale.into_iter().flatten().find(|v| !v.is_empty())?;
    Some(Lang::from_locale(first).unwrap_or(Lang::En))
}

/// The language to speak, first that says: `--lang`, then `ARTIKEL_LANG` (when it names
/// a language: `da`, `en`, `da_DK.UTF-8` …), then the settings file, then the locale
/// (`[LC_ALL, LC_MESSAGES, LANG]`, see [`from_locale_vars`]), else English.
pub fn choose(
    flag: Option<Lang>,
    env: Option<&str>,
    setting: Option<Lang>,
    locale: [Option<&str>; 3],
) -> Lang {
    flag.or_else(|| env.and_then(Lang::from_locale))
        .or(setting)
        .or_else(|| from_locale_vars(locale))
        .unwrap_or_default()
}

/// [`choose`] with `ARTIKEL_LANG` and the locale read from this process's environment.
pub fn choose_from_env(flag: Option<Lang>, setting: Option<Lang>) -> Lang {
    let var = |name: &str| std::env::var(name).ok();
    let (env, all, messages, lang) = (var("ARTIKEL_LANG"), var("LC_ALL"), var("LC_MESSAGES"), var("LANG"));
    choose(flag, env.as_deref(), setting, [all.as_deref(), messages.as_deref(), lang.as_deref()])
}

/// The process's language; a thread may speak another (see [`set_thread_lang`]).
static PROCESS: AtomicU8 = AtomicU8::new(0);

thread_local! {
    static THREAD: Cell<Option<Lang>> = const { Cell::new(None) };
}

/// Sets the language of the whole process (the local reader and the commands).
pub fn set_lang(lang: Lang) {
    PROCESS.store(lang as u8, Ordering::Relaxed);
}

/// Sets the language of this thread only (a served session), or back to the process's.
pub fn set_thread_lang(lang: Option<Lang>) {
    THREAD.with(|t| t.set(lang));
}

/// `f`, to run on another thread in the language in force here: a thread a served session
/// starts (to parse, index, reload) speaks its client's language, not the process's.
pub fn speaking_here<T>(f: impl FnOnce() -> T) -> impl FnOnce() -> T {
    let here = lang();
    move || {
        set_thread_lang(Some(here));
        f()
    }
}

/// The language in force on this thread.
pub fn lang() -> Lang {
    THREAD.with(Cell::get).unwrap_or(match PROCESS.load(Ordering::Relaxed) {
        1 => Lang::Da,
        _ => Lang::En,
    })
}

/// Picks the English or Danish of two values by the language in force.
pub fn pick<T>(en: T, da: T) -> T {
    match lang() {
        Lang::En => en,
        Lang::Da => da,
    }
}

/// The singular or plural of a noun by `n`, in the language in force: "1 problem",
/// "2 problemer".
pub fn plural(n: usize, one: Phrase, many: Phrase) -> &'static str {
    if n == 1 { one.as_str() } else { many.as_str() }
}

/// A sentence in both languages; it reads as the one in force wherever it is used
/// (`&*X` or `X.as_str()` for a `&str`, `format!("{X}")`, `Span::raw(X)`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phrase {
    /// The English.
    pub en: &'static str,
    /// The Danish.
    pub da: &'static str,
}

impl Phrase {
    /// A sentence: English first, then Danish.
    pub const fn new(en: &'static str, da: &'static str) -> Phrase {
        Phrase { en, da }
    }

    /// The sentence in the language in force.
    pub fn as_str(&self) -> &'static str {
        pick(self.en, self.da)
    }

    /// The sentence in a given language.
    pub fn is(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Da => self.da,
        }
    }
}

impl std::ops::Deref for Phrase {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Phrase {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Display for Phrase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

impl From<Phrase> for Cow<'static, str> {
    fn from(p: Phrase) -> Self {
        Cow::Borrowed(p.as_str())
    }
}

impl From<Phrase> for String {
    fn from(p: Phrase) -> Self {
        p.as_str().to_string()
    }
}

impl From<Phrase> for ratatui::text::Line<'static> {
    fn from(p: Phrase) -> Self {
        ratatui::text::Line::from(p.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flag_beats_artikel_lang_beats_the_setting_beats_the_locale() {
        let da_locale = [None, None, Some("da_DK.UTF-8")];
        assert_eq!(choose(Some(Lang::En), Some("da"), Some(Lang::Da), da_locale), Lang::En);
        assert_eq!(choose(Some(Lang::Da), Some("en"), None, [None; 3]), Lang::Da);
        assert_eq!(choose(None, Some("da"), Some(Lang::En), [Some("en_US.UTF-8"), None, None]), Lang::Da);
        assert_eq!(choose(None, Some("en"), Some(Lang::Da), da_locale), Lang::En);
        assert_eq!(choose(None, None, Some(Lang::Da), [Some("C"), None, None]), Lang::Da);
        assert_eq!(choose(None, None, Some(Lang::En), da_locale), Lang::En);
        assert_eq!(choose(None, None, None, da_locale), Lang::Da);
        // An ARTIKEL_LANG that names no language, or is empty, is passed over.
        assert_eq!(choose(None, Some("klingon"), None, da_locale), Lang::Da);
        assert_eq!(choose(None, Some(""), None, da_locale), Lang::Da);
        assert_eq!(choose(None, None, None, [None; 3]), Lang::En);
    }

    #[test]
    fn the_first_locale_variable_set_and_not_empty_decides() {
        // LC_ALL beats LC_MESSAGES beats LANG.
        assert_eq!(choose(None, None, None, [Some("en_GB.UTF-8"), None, Some("da_DK.UTF-8")]), Lang::En);
        assert_eq!(choose(None, None, None, [None, Some("da_DK"), Some("en_US")]), Lang::Da);
        assert_eq!(choose(None, None, None, [Some(""), Some(""), Some("da_DK.UTF-8")]), Lang::Da);
        // A locale of another language is not Danish, and does not fall through to LANG.
        assert_eq!(choose(None, None, None, [Some("de_DE.UTF-8"), None, Some("da_DK.UTF-8")]), Lang::En);
        assert_eq!(from_locale_vars([None, None, None]), None);
    }

    #[test]
    fn plurals_agree_with_their_number_in_both_languages() {
        const ONE: Phrase = Phrase::new("note", "note");
        const MANY: Phrase = Phrase::new("notes", "noter");
        std::thread::spawn(|| {
            set_thread_lang(Some(Lang::Da));
            assert_eq!(
                (plural(1, ONE, MANY), plural(3, ONE, MANY), plural(0, ONE, MANY)),
                ("note", "noter", "noter")
            );
            set_thread_lang(Some(Lang::En));
            assert_eq!(
                (plural(1, ONE, MANY), plural(3, ONE, MANY), plural(0, ONE, MANY)),
                ("note", "notes", "notes")
            );
        })
        .join()
        .expect("thread");
    }

    #[test]
    fn a_thread_started_speaking_here_speaks_this_threads_language() {
        const HELLO: Phrase = Phrase::new("Hello", "Hej");
        set_thread_lang(Some(Lang::Da));
        let started = std::thread::spawn(speaking_here(|| HELLO.as_str()));
        let plain = std::thread::spawn(lang);
        set_thread_lang(None);
        assert_eq!(started.join().expect("thread"), "Hej");
        assert_eq!(plain.join().expect("thread"), lang(), "a thread started plainly speaks the process's");
    }

    #[test]
    fn locales_name_their_language() {
        assert_eq!(Lang::from_locale("da_DK.UTF-8"), Some(Lang::Da));
        assert_eq!(Lang::from_locale("da"), Some(Lang::Da));
        assert_eq!(Lang::from_locale("en_GB.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_locale("C.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_locale("de_DE.UTF-8"), None);
        assert_eq!(Lang::from_locale(""), None);
    }

    #[test]
    fn a_thread_speaks_its_own_language_and_falls_back_to_the_process() {
        const HELLO: Phrase = Phrase::new("Hello", "Hej");
        std::thread::spawn(|| {
            set_thread_lang(Some(Lang::Da));
            assert_eq!(HELLO.as_str(), "Hej");
            assert_eq!(format!("{HELLO}!"), "Hej!");
            set_thread_lang(None);
            assert_eq!(&*HELLO, pick("Hello", "Hej"));
            let line: ratatui::text::Line = HELLO.into();
            let span = ratatui::text::Span::raw(HELLO);
            assert_eq!((line.to_string(), span.content.as_ref()), ("Hello".to_string(), "Hello"));
        })
        .join()
        .expect("thread");
    }
}
