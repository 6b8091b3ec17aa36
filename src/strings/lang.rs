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
        f.write_str(self.as_str())
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
