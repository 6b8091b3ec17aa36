//! What the help window says: the reading keys in groups (moving, jumping, looking up,
//! reviewing, the rest), the prompt and editor keys, the mouse, and a legend of every mark
//! and style on screen. The keys are read from the key tables; which group an action
//! belongs to is the table here, so the key rows stay as they are.

use super::Action;
use super::keymap::{BINDINGS, Binding, EDITOR_BINDINGS, Keymap, PROMPT_BINDINGS};
use crate::layout::{Span, Tone, display_width, wrap};
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
    // A link takes you to another place (Enter follows it, Back returns), as the keys
    // beside it do; it is not a lookup of words.
    (Action::Links, Group::Jumping),
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
    (Action::Diff, Group::Reviewing),
    (Action::Delete, Group::Reviewing),
    (Action::Resolve, Group::Reviewing),
    (Action::ShowResolved, Group::Reviewing),
    (Action::ReadComment, Group::Reviewing),
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

fn key(map: &Keymap, b: &Binding) -> Line {
    Line::Key { keys: super::keymap::label(map, b).into_owned(), what: b.help.to_string() }
}

fn keys<'a>(map: &'a Keymap, table: &'a [Binding]) -> impl Iterator<Item = Line> + 'a {
    table.iter().map(move |b| key(map, b))
}

/// Every line of the help, in order, naming the keys as `map` binds them; dates older than
/// `stale_months` are marked stale.
pub fn lines(map: &Keymap, stale_months: u16) -> Vec<Line> {
    let mut out = Vec::new();
    for g in ORDER {
        if !out.is_empty() {
            out.push(Line::Blank);
        }
        out.push(Line::Heading(g.title().to_string()));
        out.extend(BINDINGS.iter().filter(|b| group(b.action) == g).map(|b| key(map, b)));
    }
    out.push(Line::Blank);
    out.push(Line::Heading(strings::PROMPT_KEYS.to_string()));
    out.extend(keys(map, PROMPT_BINDINGS));
    out.push(Line::Blank);
    out.push(Line::Heading(strings::EDITOR_KEYS.to_string()));
    out.extend(keys(map, EDITOR_BINDINGS));
    out.push(Line::Blank);
    out.push(Line::Heading(strings::DECIDE_KEYS_HEADING.to_string()));
    out.extend(
        super::CHOICES.iter().map(|k| Line::Key { keys: k.key.to_string(), what: k.help.to_string() }),
    );
    out.push(Line::Blank);
    out.push(Line::Key { keys: strings::MOUSE.to_string(), what: strings::MOUSE_HELP.to_string() });
    // The reader holds the mouse: say how to take it back for selecting text.
    let toggle = BINDINGS.iter().find(|b| b.action == Action::ToggleMouse);
    let toggle = toggle.map(|b| super::keymap::label(map, b).into_owned()).unwrap_or_default();
    out.push(Line::Key {
        keys: strings::HELP_SHIFT_DRAG.to_string(),
        what: strings::help_select_text(&toggle),
    });
    out.push(Line::Blank);
    out.push(Line::Heading(strings::LEGEND.to_string()));
    let stale = strings::legend_stale(stale_months);
    // Display, so a sentence reads the same whether it is one language or two.
    let pending = super::PENDING;
    let marks: [(&dyn std::fmt::Display, Look, &dyn std::fmt::Display); 21] = [
        (&"✓", Look::Plain, &strings::LEGEND_APPROVED),
        (&"+", Look::Plain, &strings::LEGEND_PARTLY),
        (&"~", Look::Plain, &strings::LEGEND_STALE_APPROVAL),
        (&"!", Look::Plain, &strings::LEGEND_CHANGES),
        (&pending, Look::Plain, &strings::LEGEND_PENDING),
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
        (&"→", Look::Link, &strings::LEGEND_LINK_MARK),
        (&"✗", Look::Dim, &strings::LEGEND_BROKEN_LINK),
        (&"⚠ 2 (w)", Look::Plain, &strings::LEGEND_WARNINGS),
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

/// The help laid out for one screen's width: its window's width (border included), the
/// width of its column of keys and marks, and its rows. A line too long for the window goes
/// on in the rows below it, under its own text (a hanging indent), so nothing is cut.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The window's width, border included: its widest line's, at most the screen's.
    pub width: usize,
    /// The width of the keys' and marks' column.
    pub label_w: usize,
    /// The rows, in order: a continued line's rows have no keys (or sample) of their own.
    pub rows: Vec<Line>,
}

/// The help on a screen `screen_w` columns wide, each line wrapped to its window.
pub fn page(map: &Keymap, stale_months: u16, screen_w: u16) -> Page {
    let all = lines(map, stale_months);
    let label_w = all
        .iter()
        .map(|l| match l {
            Line::Key { keys, .. } => display_width(keys),
            Line::Mark { sample, .. } => display_width(sample),
            _ => 0,
        })
        .max()
        .unwrap_or(0);
    // A row is a space, the label, two spaces, the text and a space; a heading a space, its
    // text and a space; then the border.
    let text_w = |l: &Line| match l {
        Line::Heading(t) => display_width(t) + 1,
        Line::Key { what, .. } | Line::Mark { what, .. } => label_w + 3 + display_width(what),
        Line::Blank => 0,
    };
    let width = (all.iter().map(text_w).max().unwrap_or(0) + 3).min(usize::from(screen_w));
    let inner = width.saturating_sub(2);
    let what_room = inner.saturating_sub(label_w + 4).max(1);
    let heading_room = inner.saturating_sub(2).max(1);
    let mut rows = Vec::with_capacity(all.len());
    for line in all {
        match line {
            Line::Heading(t) => rows.extend(wrapped(&t, heading_room).into_iter().map(Line::Heading)),
            Line::Key { keys, what } => {
                for (i, what) in wrapped(&what, what_room).into_iter().enumerate() {
                    let keys = if i == 0 { keys.clone() } else { String::new() };
                    rows.push(Line::Key { keys, what });
                }
            }
            Line::Mark { sample, look, what } => {
                for (i, what) in wrapped(&what, what_room).into_iter().enumerate() {
                    let (sample, look) =
                        if i == 0 { (sample.clone(), look) } else { (String::new(), Look::Plain) };
                    rows.push(Line::Mark { sample, look, what });
                }
            }
            Line::Blank => rows.push(Line::Blank),
        }
    }
    Page { width, label_w, rows }
}

/// `text` word-wrapped to `width` columns: at least one row.
fn wrapped(text: &str, width: usize) -> Vec<String> {
    let rows: Vec<String> = wrap(&[Span::new(text, Tone::default())], width)
        .iter()
        .map(|row| row.iter().map(|s| s.text.as_str()).collect())
        .collect();
    if rows.is_empty() { vec![String::new()] } else { rows }
}

/// The furthest the help scrolls on a screen `width`×`height`: its last row at the bottom
/// of the window (which is the screen's height less its border, at most).
pub fn last_scroll(map: &Keymap, stale_months: u16, width: u16, height: u16) -> usize {
    page(map, stale_months, width).rows.len().saturating_sub(usize::from(height.saturating_sub(2)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reading_key_is_in_exactly_one_group_in_table_order() {
        let all = lines(&Keymap::default(), 12);
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
        let samples: Vec<String> = lines(&Keymap::default(), 12)
            .into_iter()
            .filter_map(|l| match l {
                Line::Mark { sample, .. } => Some(sample),
                _ => None,
            })
            .collect();
        for mark in ["✓", "~", "!", "★", "✎", "▶", "?", "≡", "·", "19/02/2025", "→", "✗", "⚠ 2 (w)"]
        {
            assert!(samples.iter().any(|s| s == mark), "{mark} is explained");
        }
    }

    #[test]
    fn the_comment_keys_and_the_diff_are_reviewing_and_links_are_jumping() {
        for action in [Action::Diff, Action::Edit, Action::Delete, Action::Resolve, Action::ShowResolved] {
            assert_eq!(group(action), Group::Reviewing, "{action:?}");
        }
        assert_eq!(group(Action::Links), Group::Jumping);
        // The table lists the keys group by group, so the docs' keys table (in its order) does too.
        let groups: Vec<Group> = BINDINGS.iter().map(|b| group(b.action)).collect();
        let mut sorted = groups.clone();
        sorted.sort_by_key(|g| ORDER.iter().position(|o| o == g));
        assert_eq!(groups, sorted);
    }

    /// The words of `lines`, in order.
    fn words(lines: &[Line]) -> Vec<String> {
        let text = |l: &Line| match l {
            Line::Heading(t) => t.clone(),
            Line::Key { keys, what } => format!("{keys} {what}"),
            Line::Mark { sample, what, .. } => format!("{sample} {what}"),
            Line::Blank => String::new(),
        };
        lines
            .iter()
            .flat_map(|l| text(l).split_whitespace().map(str::to_string).collect::<Vec<_>>())
            .collect()
    }

    #[test]
    fn a_line_too_wide_for_the_screen_goes_on_below_and_loses_no_word() {
        crate::strings::set_thread_lang(Some(crate::strings::Lang::Da));
        let (whole, at_80, at_40) = (
            lines(&Keymap::default(), 12),
            page(&Keymap::default(), 12, 80),
            page(&Keymap::default(), 12, 40),
        );
        crate::strings::set_thread_lang(None);
        for page in [&at_80, &at_40] {
            let inner = page.width - 2;
            for row in &page.rows {
                let used = match row {
                    Line::Heading(t) => display_width(t) + 2,
                    Line::Key { what, .. } | Line::Mark { what, .. } => {
                        page.label_w + 4 + display_width(what)
                    }
                    Line::Blank => 0,
                };
                assert!(used <= inner, "{row:?} fits {inner} columns");
            }
            assert_eq!(words(&page.rows), words(&whole), "every word, in order");
        }
        assert_eq!(at_80.width, 80, "the Danish help takes the screen's width");
        assert!(at_80.rows.len() > whole.len(), "and some lines go on below");
        // A continued row has no key of its own, so it reads under its line's text.
        let link = at_80
            .rows
            .iter()
            .position(|r| matches!(r, Line::Mark { what, .. } if what.starts_with("et link:")));
        let next = link.and_then(|i| at_80.rows.get(i + 1));
        assert!(
            matches!(next, Some(Line::Mark { sample, what, .. }) if sample.is_empty() && what == "webadresse"),
            "{next:?}"
        );
    }

    #[test]
    fn the_groups_and_the_legend_speak_danish_too() {
        crate::strings::set_thread_lang(Some(crate::strings::Lang::Da));
        let all = lines(&Keymap::default(), 18);
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
