//! What the help window says: the reading keys in groups (moving, jumping, looking up,
//! reviewing, the rest), the prompt and editor keys, the mouse, and a legend of every mark
//! and style on screen. The keys are read from the key tables; which group an action
//! belongs to is the table here, so the key rows stay as they are.

use super::Action;
use super::keymap::{BINDINGS, Binding, EDITOR_BINDINGS, PROMPT_BINDINGS};
use crate::strings;

/// A group of keys in the help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// Through the text and between panes.
    Moving,
    /// To a question, an answer, a place.
    Jumping,
    /// Palette, find, search.
    LookingUp,
    /// Notes, bookmarks, review status.
    Reviewing,
    /// Everything else (and any action the table here does not name).
    Other,
}

/// The groups in the order help shows them.
pub const ORDER: [Group; 5] =
    [Group::Moving, Group::Jumping, Group::LookingUp, Group::Reviewing, Group::Other];

/// Which group each reading action belongs to; an action not named here is in
/// [`Group::Other`].
pub const GROUPS: &[(Action, Group)] = &[
    (Action::Down, Group::Moving),
    (Action::Up, Group::Moving),
    (Action::PageDown, Group::Moving),
    (Action::PageUp, Group::Moving),
    (Action::HalfDown, Group::Moving),
    (Action::HalfUp, Group::Moving),
    (Action::Top, Group::Moving),
    (Action::Bottom, Group::Moving),
    (Action::FocusNext, Group::Moving),
    (Action::FocusPrev, Group::Moving),
    (Action::ToggleContents, Group::Moving),
    (Action::Library, Group::Moving),
    (Action::NextQuestion, Group::Jumping),
    (Action::PrevQuestion, Group::Jumping),
    (Action::NextAnswer, Group::Jumping),
    (Action::PrevAnswer, Group::Jumping),
    (Action::Faq, Group::Jumping),
    (Action::Activate, Group::Jumping),
    (Action::Back, Group::Jumping),
    (Action::Palette, Group::LookingUp),
    (Action::Find, Group::LookingUp),
    (Action::FindNext, Group::LookingUp),
    (Action::FindPrev, Group::LookingUp),
    (Action::LibrarySearch, Group::LookingUp),
    (Action::Note, Group::Reviewing),
    (Action::Notes, Group::Reviewing),
    (Action::Bookmark, Group::Reviewing),
    (Action::Bookmarks, Group::Reviewing),
    (Action::Review, Group::Reviewing),
    (Action::Edit, Group::Reviewing),
    (Action::Delete, Group::Reviewing),
    (Action::Copy, Group::Reviewing),
];

/// The group of `action`.
pub fn group(action: Action) -> Group {
    GROUPS.iter().find(|(a, _)| *a == action).map_or(Group::Other, |(_, g)| *g)
}

impl Group {
    /// The group's heading.
    pub fn title(self) -> &'static str {
        match self {
            Group::Moving => strings::GROUP_MOVING.as_str(),
            Group::Jumping => strings::GROUP_JUMPING.as_str(),
            Group::LookingUp => strings::GROUP_LOOKING_UP.as_str(),
            Group::Reviewing => strings::GROUP_REVIEWING.as_str(),
            Group::Other => strings::GROUP_OTHER.as_str(),
        }
    }
}

/// How a legend's sample looks on screen (the drawing gives each its style).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Look {
    /// As plain text.
    Plain,
    /// The section being read (bold).
    Current,
    /// A question marker.
    Question,
    /// The FAQ marker.
    Faq,
    /// Dim text.
    Dim,
    /// A note or bookmark mark.
    Note,
    /// A stale date.
    Stale,
    /// A find hit.
    Hit,
    /// The current find hit.
    CurrentHit,
    /// A link in the text.
    Link,
    /// The selected entry of a focused list.
    Selected,
    /// The title of the focused pane.
    Focus,
}

/// One line of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// A group's heading.
    Heading(String),
    /// Keys and what they do.
    Key {
        /// The keys, as the table labels them.
        keys: String,
        /// What they do.
        what: String,
    },
    /// A mark or style and what it means.
    Mark {
        /// What it looks like.
        sample: String,
        /// In which style.
        look: Look,
        /// What it means.
        what: String,
    },
    /// Space between groups.
    Blank,
}

fn key(b: &Binding) -> Line {
    Line::Key { keys: super::keymap::label(b).into_owned(), what: b.help.to_string() }
}

fn keys(table: &[Binding]) -> impl Iterator<Item = Line> + '_ {
    table.iter().map(key)
}

/// Every line of the help, in order; dates older than `stale_months` are marked stale.
pub fn lines(stale_months: u16) -> Vec<Line> {
    let mut out = Vec::new();
    for g in ORDER {
        if !out.is_empty() {
            out.push(Line::Blank);
        }
        out.push(Line::Heading(g.title().to_string()));
        out.extend(BINDINGS.iter().filter(|b| group(b.action) == g).map(key));
    }
    out.push(Line::Blank);
    out.push(Line::Heading(strings::PROMPT_KEYS.to_string()));
    out.extend(keys(PROMPT_BINDINGS));
    out.push(Line::Blank);
    out.push(Line::Heading(strings::EDITOR_KEYS.to_string()));
    out.extend(keys(EDITOR_BINDINGS));
    out.push(Line::Blank);
    out.push(Line::Key { keys: strings::MOUSE.to_string(), what: strings::MOUSE_HELP.to_string() });
    out.push(Line::Blank);
    out.push(Line::Heading(strings::LEGEND.to_string()));
    let stale = strings::legend_stale(stale_months);
    // Display, so a sentence reads the same whether it is one language or two.
    let marks: [(&dyn std::fmt::Display, Look, &dyn std::fmt::Display); 16] = [
        (&"✓", Look::Plain, &strings::LEGEND_APPROVED),
        (&"~", Look::Plain, &strings::LEGEND_STALE_APPROVAL),
        (&"!", Look::Plain, &strings::LEGEND_CHANGES),
        (&"▶", Look::Current, &strings::LEGEND_CURRENT),
        (&"?", Look::Question, &strings::LEGEND_QUESTION),
        (&"≡", Look::Faq, &strings::LEGEND_FAQ),
        (&"·", Look::Dim, &strings::LEGEND_SECTION),
        (&"★", Look::Note, &strings::LEGEND_BOOKMARK),
        (&"✎", Look::Note, &strings::LEGEND_NOTE),
        (&"19/02/2025", Look::Stale, &stale),
        (&strings::SAMPLE_WORD, Look::Hit, &strings::LEGEND_HIT),
        (&strings::SAMPLE_WORD, Look::CurrentHit, &strings::LEGEND_CURRENT_HIT),
        (&strings::SAMPLE_DIM, Look::Dim, &strings::LEGEND_DIM),
        (&strings::SAMPLE_LINK, Look::Link, &strings::LEGEND_LINK),
        (&strings::SAMPLE_SELECTED, Look::Selected, &strings::LEGEND_SELECTED),
        (&strings::CONTENTS, Look::Focus, &strings::LEGEND_FOCUS),
    ];
    out.extend(marks.iter().map(|(sample, look, what)| Line::Mark {
        sample: sample.to_string(),
        look: *look,
        what: what.to_string(),
    }));
    out
}

/// The furthest the help scrolls on a screen `height` rows tall: its last line at the
/// bottom of the window (which is the screen's height less its border, at most).
pub fn last_scroll(stale_months: u16, height: u16) -> usize {
    lines(stale_months).len().saturating_sub(usize::from(height.saturating_sub(2)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reading_key_is_in_exactly_one_group_in_table_order() {
        let all = lines(12);
        // The reading keys come before the prompt's (which bind Esc, Enter … again).
        let prompt = Line::Heading(strings::PROMPT_KEYS.to_string());
        let shown: Vec<&str> = all
            .iter()
            .take_while(|l| **l != prompt)
            .filter_map(|l| match l {
                Line::Key { keys, .. } => Some(keys.as_str()),
                _ => None,
            })
            .collect();
        for b in BINDINGS {
            assert_eq!(shown.iter().filter(|k| **k == b.label).count(), 1, "{} shows once", b.label);
        }
        // Moving comes first, with j and k; the Library key is there too.
        let moving: Vec<&Line> = all.iter().skip(1).take_while(|l| **l != Line::Blank).collect();
        assert!(moving.iter().any(|l| matches!(l, Line::Key { keys, .. } if keys == "j ↓")));
        assert!(moving.iter().any(|l| matches!(l, Line::Key { keys, .. } if keys == "L")));
        assert_eq!(group(Action::Palette), Group::LookingUp);
        assert_eq!(group(Action::Help), Group::Other, "not named: the rest");
    }

    #[test]
    fn the_legend_names_every_mark_the_screen_uses() {
        let samples: Vec<String> = lines(12)
            .into_iter()
            .filter_map(|l| match l {
                Line::Mark { sample, .. } => Some(sample),
                _ => None,
            })
            .collect();
        for mark in ["✓", "~", "!", "★", "✎", "▶", "?", "≡", "·", "19/02/2025"] {
            assert!(samples.iter().any(|s| s == mark), "{mark} is explained");
        }
    }

    #[test]
    fn the_groups_and_the_legend_speak_danish_too() {
        crate::strings::set_thread_lang(Some(crate::strings::Lang::Da));
        let all = lines(18);
        crate::strings::set_thread_lang(None);
        assert_eq!(all.first(), Some(&Line::Heading("Flyt dig".into())));
        assert!(all.contains(&Line::Heading("Hvad mærkerne betyder".into())));
        assert!(
            all.iter().any(
                |l| matches!(l, Line::Mark { what, .. } if what.contains("ikke opdateret i 18 måneder"))
            )
        );
    }
}
