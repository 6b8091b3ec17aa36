//! What live reload, the pager and the shell commands say.

use super::{Lang, Phrase, lang};

/// Said on the status line when a changed article file was loaded again.
pub fn reloaded(file: &str) -> String {
    match lang() {
        Lang::En => format!("Reloaded {file}"),
        Lang::Da => format!("{file} er indlæst igen"),
    }
}

/// Said when several article files changed at once and were loaded again.
pub fn reloaded_many(n: usize) -> String {
    match lang() {
        Lang::En => format!("Reloaded {n} articles"),
        Lang::Da => format!("{n} artikler er indlæst igen"),
    }
}

/// Said when a new article file appeared in a watched folder.
pub fn article_added(file: &str) -> String {
    match lang() {
        Lang::En => format!("New in the library: {file}"),
        Lang::Da => format!("Nyt i biblioteket: {file}"),
    }
}

/// Said when the open article's file was deleted: the reader closed it.
pub fn open_article_deleted(file: &str) -> String {
    match lang() {
        Lang::En => format!("{file} was deleted, so it is closed"),
        Lang::Da => format!("{file} er slettet og er derfor lukket"),
    }
}

/// Said when an article file that was not open was deleted.
pub fn article_deleted(file: &str) -> String {
    match lang() {
        Lang::En => format!("{file} was deleted and has left the library"),
        Lang::Da => format!("{file} er slettet og er ikke længere i biblioteket"),
    }
}

/// Said when the article folders cannot be watched: changes need a restart to show.
pub fn watch_failed(why: &str) -> String {
    match lang() {
        Lang::En => format!("Live reload is off (the article folders cannot be watched: {why})"),
        Lang::Da => {
            format!("Automatisk genindlæsning er slået fra (artikelmapperne kan ikke overvåges: {why})")
        }
    }
}

/// Said on stderr when `$PAGER` would not start: the text is printed instead.
pub fn pager_failed(pager: &str, why: &str) -> String {
    match lang() {
        Lang::En => format!("artikel: could not start the pager `{pager}` ({why}); printing instead"),
        Lang::Da => format!(
            "artikel: kunne ikke starte visningsprogrammet `{pager}` ({why}); skriver teksten ud i stedet"
        ),
    }
}

/// Why a pager run through the shell did not start.
pub const PAGER_NOT_FOUND: Phrase = Phrase::new("the shell could not run it", "skallen kunne ikke køre det");

/// Said when the man page cannot be written.
pub fn man_failed(why: &str) -> String {
    match lang() {
        Lang::En => format!("artikel: cannot write the man page: {why}"),
        Lang::Da => format!("artikel: kan ikke skrive manualsiden: {why}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::strings::set_thread_lang;

    #[test]
    fn each_sentence_is_said_in_english_and_in_danish() {
        let all = || {
            [
                reloaded("ryg.md"),
                reloaded_many(3),
                article_added("ryg.md"),
                open_article_deleted("ryg.md"),
                article_deleted("ryg.md"),
                watch_failed("x"),
                pager_failed("less", "x"),
                PAGER_NOT_FOUND.to_string(),
                man_failed("x"),
            ]
        };
        set_thread_lang(Some(Lang::En));
        let en = all();
        set_thread_lang(Some(Lang::Da));
        let da = all();
        set_thread_lang(None);
        assert_eq!(en[0], "Reloaded ryg.md");
        assert_eq!(da[0], "ryg.md er indlæst igen");
        assert_eq!(da[3], "ryg.md er slettet og er derfor lukket");
        for (en, da) in en.iter().zip(&da) {
            assert_ne!(en, da, "said in Danish too");
        }
    }
}
