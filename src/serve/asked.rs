//! What a client asks of a session channel before starting it: a terminal (its TERM and
//! size), its language and whether it wants colour.

/// What the client asked of a session channel before starting it.
#[derive(Debug, Default, Clone)]
pub struct Asked {
    /// The pseudo-terminal: TERM, columns, rows.
    pub pty: Option<(String, u16, u16)>,
    /// LANG / LC_ALL / LC_CTYPE as the client sent them (the last one sent wins).
    pub locale: Option<String>,
    /// Whether NO_COLOR was sent (and not empty).
    pub no_color: bool,
    /// ARTIKEL_LANG, LC_ALL, LC_MESSAGES and LANG as the client sent them: its language.
    pub lang_vars: [Option<String>; 4],
}

impl Asked {
    /// The language the client's variables ask for (none: the server's).
    pub fn lang(&self) -> Option<crate::strings::Lang> {
        let [env, all, messages, lang] = self.lang_vars.each_ref().map(Option::as_deref);
        env.and_then(crate::strings::Lang::from_locale)
            .or_else(|| crate::strings::from_locale_vars([all, messages, lang]))
    }
}

/// A terminal size as the reader takes it: 1 to 1000 cells (the reader draws at most
/// [`super::session::MAX_SCREEN`] of it); 0, which a client sends when it does not know (`ssh -tt`
/// with no terminal of its own), is `unknown`.
pub fn cells(cells: u32, unknown: u16) -> u16 {
    if cells == 0 { unknown } else { cells.min(1000) as u16 }
}

#[cfg(test)]
mod tests {
    use super::cells;

    #[test]
    fn a_size_the_client_does_not_know_is_the_usual_one() {
        assert_eq!((cells(0, 80), cells(0, 24)), (80, 24));
        assert_eq!((cells(1, 80), cells(132, 80), cells(70_000, 24)), (1, 132, 1000));
    }
}
