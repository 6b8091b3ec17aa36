//! The title line (the article's title and dates) and the status line (where you are).

use crate::app::{App, keymap};
use crate::layout::{display_width, truncate};
use crate::library::format_date;
use crate::strings;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

/// Draws the title line.
pub fn title(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let article = &app.library.articles[app.current];
    let meta = &article.meta;
    let mut dates: Vec<String> = Vec::new();
    if let Some(d) = meta.last_updated {
        dates.push(crate::strings::updated(&format_date(d)));
    }
    if let Some(d) = meta.date_published {
        dates.push(crate::strings::published(&format_date(d)));
    }
    let width = usize::from(area.width);
    let title_w = display_width(&article.title) + 2;
    // Both dates while the whole title fits beside them; then only the update, as long as
    // the title keeps 30 columns; then the title alone.
    while dates.len() > 1 && title_w + display_width(&dates.join(" · ")) + 2 > width {
        dates.pop();
    }
    if !dates.is_empty() && title_w.min(30) + display_width(&dates[0]) + 1 > width {
        dates.clear();
    }
    let right = if dates.is_empty() { String::new() } else { format!("{} ", dates.join(" · ")) };
    let right_w = display_width(&right);
    let left = truncate(&format!(" {}", article.title), width.saturating_sub(right_w + 2));
    buf.set_style(area, app.theme.title());
    buf.set_stringn(area.x, area.y, &left, width, app.theme.title());
    if right_w > 0 {
        let x = area.x + u16::try_from(width - right_w).unwrap_or(0);
        buf.set_stringn(x, area.y, &right, right_w, app.theme.dim());
    }
}

/// Draws the status line: the find prompt, a message, or where the reader is (`slug#anchor`,
/// citable); then the find counter, problems, the percentage and the help hint.
pub fn status(app: &App, area: Rect, buf: &mut Buffer) {
    if area.height == 0 {
        return;
    }
    let width = usize::from(area.width);
    let mut right = format!("{:>3}% ", app.percent());
    if app.find.active() {
        right = format!("{}  {right}", app.find.counter());
    }
    let warnings = app.library.warnings.len();
    if warnings > 0 {
        right = format!("⚠ {warnings} (w)  {right}");
    }
    right.push_str(&format!("· {} ", keymap::hints::help(&app.keys)));
    if display_width(&right) + 10 > width {
        right = format!("{:>3}% ", app.percent());
    }
    let right_w = display_width(&right).min(width);
    buf.set_style(area, app.theme.status());
    let room = width.saturating_sub(right_w + 1);
    if let Some(input) = app.find_typing() {
        buf.set_stringn(area.x, area.y, " /", room, app.theme.status());
        let field = Rect { x: area.x + 2, width: u16::try_from(room.saturating_sub(2)).unwrap_or(0), ..area };
        // The prompt sits in the reversed status line, so its cursor is the unreversed cell.
        let mut input = input.clone();
        input.set_style(app.theme.status());
        input.set_cursor_style(
            app.theme.status().remove_modifier(Modifier::REVERSED).add_modifier(Modifier::UNDERLINED),
        );
        input.render(field, buf);
    } else {
        // While a save waits for another artikel's lock, the status line keeps saying so.
        let waiting = app.waiting_for_lock().then_some(strings::WAITING_FOR_LOCK.as_str());
        // A message too long for this line is drawn whole above it (see `long_message`).
        let message = app.message.as_deref().filter(|m| app.fits_status(m));
        let (left, style) = match message.or(waiting) {
            Some(m) => (format!(" {m}"), app.theme.message()),
            None => (format!(" {}", app.location()), app.theme.status()),
        };
        buf.set_stringn(area.x, area.y, truncate(&left, room), width, style);
    }
    let x = area.x + u16::try_from(width - right_w).unwrap_or(0);
    buf.set_stringn(x, area.y, &right, right_w, Style::default());
}

/// A message too long for the status line, wrapped on the rows just above it (over the
/// panes), so none of it is cut off.
pub fn long_message(app: &App, status: Rect, buf: &mut Buffer) {
    let Some(message) = app.message.as_deref().filter(|m| !app.fits_status(m)) else { return };
    let width = usize::from(status.width.saturating_sub(2)).max(1);
    let lines =
        crate::layout::wrap(&[crate::layout::Span::new(message.to_string(), Default::default())], width);
    let rows = u16::try_from(lines.len()).unwrap_or(u16::MAX).min(status.y);
    let skip = lines.len() - usize::from(rows);
    for (i, line) in lines.iter().skip(skip).enumerate() {
        let y = status.y - rows + u16::try_from(i).unwrap_or(0);
        let row = Rect { y, height: 1, ..status };
        buf.set_style(row, app.theme.message());
        for x in row.x..row.x + row.width {
            buf[(x, y)].set_symbol(" ");
        }
        let text: String = line.iter().map(|s| s.text.as_str()).collect();
        buf.set_stringn(row.x + 1, y, text, width, app.theme.message());
    }
}

/// The hint under the reader on the first runs: the six keys that matter most, as the key
/// table binds them, and the key that hides it for good.
pub fn first_run_hint(app: &App, area: Rect, buf: &mut Buffer) {
    let theme = app.theme;
    use crate::app::Action;
    let parts: [(&[Action], strings::Phrase); 7] = [
        (&[Action::Palette], strings::HINT_QUESTIONS),
        (&[Action::Find], strings::HINT_FIND),
        (&[Action::LibrarySearch], strings::HINT_SEARCH),
        (&[Action::NextQuestion], strings::HINT_NEXT_QUESTION),
        (&[Action::Review], strings::HINT_REVIEW),
        (&[Action::Help], strings::HINT_ALL_KEYS),
        (&[Action::DismissHint], strings::HINT_HIDE),
    ];
    let mut parts: Vec<Option<String>> = parts
        .iter()
        .map(|p| Some(keymap::hint(&app.keys, keymap::BINDINGS, std::slice::from_ref(p))))
        .collect();
    let width = usize::from(area.width);
    let shown = |parts: &[Option<String>]| parts.iter().flatten().cloned().collect::<Vec<_>>().join(" · ");
    // On a narrow screen the help and the key that hides the hint stay; the others go, the
    // least needed first (library search, the next question, review, find, the palette).
    for drop in [2, 3, 4, 1, 0] {
        if display_width(&shown(&parts)) < width {
            break;
        }
        parts[drop] = None;
    }
    let parts: Vec<String> = parts.into_iter().flatten().collect();
    let whole = parts.join(" · ");
    let mut x = area.x;
    let mut put = |text: &str, style: Style| {
        let room = usize::from((area.x + area.width).saturating_sub(x));
        let (end, _) = buf.set_stringn(x, area.y, text, room, style);
        x = end;
    };
    put(" ", Style::new());
    if display_width(&whole) + display_width(&strings::HINT_NEW_HERE) + 3 <= width {
        put(&format!("{} ", strings::HINT_NEW_HERE), theme.current());
    }
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            put(" · ", theme.dim());
        }
        let (key, words) = part.split_once(' ').unwrap_or((part, ""));
        put(key, theme.current());
        put(&format!(" {words}"), Style::new());
    }
}
