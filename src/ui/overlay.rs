//! Windows over the panes: the key help, the loading problems, and the contents and the
//! Library on screens too narrow for their panes.

use super::popup::{Popup, centred};
use super::sidebar;
use crate::app::App;
use crate::app::Theme;
use crate::app::help::{Line, Look};
use crate::app::keymap;
use crate::layout::{Span, Tone, display_width, wrap};
use crate::screen::rows_offset;
use crate::strings;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};

/// How much a window holds beside what shows.
#[derive(Clone, Copy)]
struct Fill {
    /// It has more rows than show, so it scrolls.
    scrolls: bool,
    /// Some of them are below what shows.
    more_below: bool,
}

impl Fill {
    /// `rows` rows scrolled by `scroll` in a window `h` rows tall (border included) on `area`.
    fn of(rows: usize, scroll: usize, h: u16, area: Rect) -> Fill {
        let inner_h = usize::from(h.min(area.height).saturating_sub(2));
        Fill { scrolls: rows > inner_h, more_below: scroll + inner_h < rows }
    }
}

/// A bordered window of text to read, at most `w`×`h`, centred in `area`; returns its
/// inside. Its bottom edge says how to scroll and close, and when rows are hidden below,
/// that there is more.
fn window(app: &App, title: &str, w: u16, h: u16, fill: Fill, area: Rect, buf: &mut Buffer) -> Rect {
    let keys = if fill.scrolls { keymap::hints::scroll(&app.keys) } else { keymap::hints::close(&app.keys) };
    window_with(app, title, &keys, (w, h), fill, area, buf)
}

/// A bordered window whose bottom edge names `keys`, as [`window`] draws it.
fn window_with(
    app: &App,
    title: &str,
    keys: &str,
    (w, h): (u16, u16),
    fill: Fill,
    area: Rect,
    buf: &mut Buffer,
) -> Rect {
    let rect = centred(area, w, h);
    let w = rect.width;
    // With rows hidden below, that comes first; then as much of how to scroll and close as fits.
    let hint = if fill.more_below {
        let more = strings::MORE_BELOW.to_string();
        [format!("{more} · {keys}"), format!("{more} · {}", keymap::hints::close(&app.keys)), more]
            .into_iter()
            .find(|h| display_width(h) + 4 <= usize::from(w))
            .unwrap_or_default()
    } else {
        keys.to_string()
    };
    Popup::new(title).hint(hint).draw(rect, buf)
}

fn lines(inner: Rect, rows: &[(String, Style)], scroll: usize, buf: &mut Buffer) {
    let shown = rows.iter().skip(scroll).take(usize::from(inner.height));
    for (y, (text, style)) in (inner.y..).zip(shown) {
        buf.set_stringn(inner.x, y, text, usize::from(inner.width), *style);
    }
}

/// The style a legend's sample is drawn in.
fn look(theme: Theme, look: Look) -> Style {
    match look {
        Look::Plain => Style::new(),
        Look::Current => theme.current(),
        Look::Question => theme.question(),
        Look::Faq => theme.faq(),
        Look::Dim => theme.dim(),
        Look::Note => theme.note(),
        Look::Stale => theme.stale(),
        Look::Hit => theme.hit(),
        Look::CurrentHit => theme.current_hit(),
        Look::Link => theme.text(crate::layout::Tone { link: true, ..Default::default() }),
        Look::Selected => theme.selected(),
        Look::Focus => theme.pane_title(true),
    }
}

/// The help: the key bindings in groups, generated from the key tables, and a legend of the
/// marks and styles on screen, each drawn as it looks.
pub fn help(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let page = crate::app::help::page(&app.keys, app.stale_months, area.width);
    let label_w = page.label_w;
    let height = clamp16(page.rows.len() + 2);
    let fill = Fill::of(page.rows.len(), scroll, height, area);
    let inner = window(app, &strings::HELP_TITLE, clamp16(page.width), height, fill, area, buf);
    let room = usize::from(inner.width);
    for (y, line) in (inner.y..).zip(page.rows.iter().skip(scroll).take(usize::from(inner.height))) {
        match line {
            Line::Heading(t) => {
                buf.set_stringn(
                    inner.x + 1,
                    y,
                    t,
                    room.saturating_sub(1),
                    Style::new().add_modifier(Modifier::BOLD),
                );
            }
            Line::Key { keys, what } => {
                buf.set_stringn(inner.x, y, format!(" {keys:>label_w$}  {what}"), room, Style::new());
            }
            Line::Mark { sample, look: l, what } => {
                // The sample in its own style, right-aligned like the keys above it.
                let x = inner.x + clamp16(1 + label_w - display_width(sample)).min(inner.width);
                let (end, _) = buf.set_stringn(
                    x,
                    y,
                    sample,
                    room.saturating_sub(usize::from(x - inner.x)),
                    look(app.theme, *l),
                );
                let used = usize::from(end - inner.x);
                buf.set_stringn(end + 2, y, what, room.saturating_sub(used + 2), Style::new());
            }
            Line::Blank => {}
        }
    }
}

/// The problems met while loading, each wrapped to the window.
pub fn warnings(app: &App, scroll: usize, area: Rect, buf: &mut Buffer) {
    let inner_w = area.width.saturating_sub(4).min(100);
    let mut rows: Vec<(String, Style)> = Vec::new();
    for w in app.problems() {
        for line in wrap(&[Span::new(w, Tone::default())], usize::from(inner_w.saturating_sub(1))) {
            let text: String = line.iter().map(|s| s.text.as_str()).collect();
            rows.push((format!(" {text}"), Style::new()));
        }
    }
    if rows.is_empty() {
        rows.push((format!(" {}", strings::NO_WARNINGS), Style::new()));
    }
    let height = clamp16(rows.len() + 2);
    let fill = Fill::of(rows.len(), scroll, height, area);
    let inner = window(app, &strings::WARNINGS_TITLE, inner_w + 2, height, fill, area, buf);
    lines(inner, &rows, scroll, buf);
}

/// The contents, for screens too narrow for the Contents pane: over the whole reader pane.
pub fn contents(app: &App, buf: &mut Buffer) {
    let reader = app.panes().reader;
    let entries = app.contents_rows(usize::from(reader.width.saturating_sub(2)));
    let height = |i| entries.height(i);
    let area = list_area(reader, rows_up_to(height, 0, entries.len(), usize::from(reader.height)));
    let fill = list_fill(app.contents_sel, entries.len(), height, area);
    // A list to choose from: its keys are a list's (choose, open, close).
    let keys = keymap::hints::list(&app.keys);
    let inner = window_with(app, &strings::CONTENTS, &keys, (area.width, area.height), fill, area, buf);
    sidebar::outline(app, inner, Some(app.contents_sel), buf);
}

/// The Library, for screens too narrow for its pane: over the reader pane, the open
/// article in bold and the chosen one reversed.
pub fn library(app: &App, buf: &mut Buffer) {
    let reader = app.panes().reader;
    let width = usize::from(reader.width.saturating_sub(2));
    let height = |i| app.library_entry(i, width).height();
    let len = app.library.articles.len();
    let area = list_area(reader, rows_up_to(height, 0, len, usize::from(reader.height)));
    let fill = list_fill(app.library_sel, len, height, area);
    let keys = keymap::hints::list(&app.keys);
    let inner = window_with(app, &app.reviews.title(), &keys, (area.width, area.height), fill, area, buf);
    sidebar::articles(app, inner, Some(app.library_sel), buf);
}

/// The rows of entries `from..len` (entry `i` taking `height(i)`), counted until past `enough`.
fn rows_up_to(height: impl Fn(usize) -> usize, from: usize, len: usize, enough: usize) -> usize {
    let mut rows = 0;
    for i in from..len {
        rows += height(i);
        if rows > enough {
            break;
        }
    }
    rows
}

/// A list window over the top of `reader`, as tall as its `rows` (and border) allow.
fn list_area(reader: Rect, rows: usize) -> Rect {
    Rect { height: reader.height.min(clamp16(rows + 2)), ..reader }
}

/// Whether a list window on `area` with entry `selected` of `len` in view scrolls, and has
/// entries below the last it shows.
fn list_fill(selected: usize, len: usize, height: impl Fn(usize) -> usize, area: Rect) -> Fill {
    let inner_h = usize::from(area.height.saturating_sub(2));
    let first = rows_offset(selected, inner_h, &height);
    let below = rows_up_to(&height, first, len, inner_h) > inner_h;
    Fill { scrolls: first > 0 || below, more_below: below }
}

fn clamp16(n: usize) -> u16 {
    u16::try_from(n).unwrap_or(u16::MAX)
}
