//! The question palette and library search windows.

use super::popup::Popup;
use crate::app::Theme;
use crate::app::{App, PreviewLayout, ResultRow};
use crate::document::{Document, Outline};
use crate::layout::{Layout, display_width, truncate};
use crate::screen::list_offset;
use crate::search::Hit;
use crate::strings;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;
use ratatui_textarea::TextArea;

/// The window both use: the screen between the title and status lines.
fn window(app: &App, title: &str, area: Rect, buf: &mut Buffer) -> Rect {
    let rect = Rect { y: area.y + 1, height: area.height.saturating_sub(2), ..area };
    Popup::new(title)
        .border(app.theme.border(true))
        .hint(crate::app::keymap::hints::prompt_list(&app.keys))
        .draw(rect, buf)
}

/// The prompt line: `› ` and what is typed (or a hint); returns the rows below it.
fn prompt(theme: Theme, input: &TextArea<'_>, hint: &str, inner: Rect, buf: &mut Buffer) -> Rect {
    if inner.height == 0 {
        return inner;
    }
    buf.set_stringn(inner.x, inner.y, "› ", usize::from(inner.width), theme.current());
    let field = Rect { x: inner.x + 2, width: inner.width.saturating_sub(2), height: 1, ..inner };
    if input.is_empty() {
        buf.set_stringn(field.x, field.y, hint, usize::from(field.width), theme.dim());
        buf.set_style(Rect { width: 1.min(field.width), ..field }, theme.selected());
    } else {
        input.render(field, buf);
    }
    Rect { y: inner.y + 1, height: inner.height.saturating_sub(1), ..inner }
}

fn rule(theme: Theme, area: Rect, buf: &mut Buffer) -> Rect {
    if area.height == 0 {
        return area;
    }
    buf.set_stringn(
        area.x,
        area.y,
        "─".repeat(usize::from(area.width)),
        usize::from(area.width),
        theme.dim(),
    );
    Rect { y: area.y + 1, height: area.height - 1, ..area }
}

/// Draws the palette: prompt, the questions found, and the selected one's answer.
pub fn palette(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(p) = app.palette() else { return };
    let inner = window(app, &strings::PALETTE, area, buf);
    let below = rule(app.theme, prompt(app.theme, &p.input, &strings::PALETTE_HINT, inner, buf), buf);
    if p.hits.is_empty() {
        let says = match app.index {
            Some(_) if !p.input.is_empty() => strings::NO_QUESTION_MATCHES.as_str(),
            _ => app.lookup_status(),
        };
        buf.set_stringn(below.x, below.y, says, usize::from(below.width), app.theme.dim());
        return;
    }
    let list_h = (below.height / 2).max(below.height.min(3));
    let mut list = Rect { height: list_h, ..below };
    if p.in_text && list.height > 1 {
        buf.set_stringn(list.x, list.y, &*strings::PALETTE_IN_TEXT, usize::from(list.width), app.theme.dim());
        list = Rect { y: list.y + 1, height: list.height - 1, ..list };
    }
    let width = usize::from(list.width);
    let first = list_offset(p.selected, usize::from(list.height));
    let index = app.index.as_ref();
    for (y, (n, hit)) in (list.y..).zip(p.hits.iter().enumerate().skip(first).take(usize::from(list.height)))
    {
        let article = &app.library.articles[hit.target.article as usize];
        let heading = index.map_or("", |ix| ix.label(hit.unit));
        let source = format!(" {}", article.short_title());
        let room = width.saturating_sub(display_width(&source) + 2);
        let row = Rect { y, height: 1, ..list };
        let style = if n == p.selected { app.theme.selected() } else { Style::new() };
        buf.set_style(row, style);
        let mark = if hit.target.kind.is_question() { "? " } else { "§ " };
        buf.set_stringn(list.x, y, mark, width, app.theme.question());
        let shown = truncate(heading, room);
        buf.set_stringn(list.x + 2, y, &shown, room, Style::new());
        // The words that matched, bold, so a guess shows why it was made.
        for r in crate::search::highlights(&shown, &p.patterns) {
            let x = list.x + 2 + u16::try_from(display_width(&shown[..r.start])).unwrap_or(u16::MAX);
            let w = u16::try_from(display_width(&shown[r])).unwrap_or(0);
            let end = (x.saturating_add(w)).min(list.x + list.width);
            if x < end {
                buf.set_style(
                    Rect { x, y, width: end - x, height: 1 },
                    Style::new().add_modifier(Modifier::BOLD),
                );
            }
        }
        let x = list.x + list.width.saturating_sub(u16::try_from(display_width(&source)).unwrap_or(0));
        buf.set_stringn(x, y, &source, width, app.theme.dim());
    }
    let preview =
        rule(app.theme, Rect { y: list.y + list.height, height: below.height - list.height, ..below }, buf);
    if let (Some(hit), Some((a, doc))) = (p.hits.get(p.selected), &p.preview) {
        let mut preview = preview;
        // A warning sign's level of care, before the answer.
        // Wrapped whole (up to three rows): what to do must not be cut off.
        if let Some(care) = &p.care
            && preview.height > 1
        {
            let width = usize::from(preview.width.saturating_sub(2)).max(1);
            let said = crate::layout::Span::new(care.line(), Default::default());
            let rows = crate::layout::wrap(&[said], width);
            let shown = rows.len().min(3).min(usize::from(preview.height) - 1);
            for (y, row) in (preview.y..).zip(rows.iter().take(shown)) {
                let text: String = row.iter().map(|span| span.text.as_str()).collect();
                buf.set_stringn(preview.x + 1, y, text, width, app.theme.care());
            }
            let used = u16::try_from(shown).unwrap_or(0);
            preview = Rect { y: preview.y + used, height: preview.height - used, ..preview };
        }
        answer(app.theme, doc, &app.library.articles[*a].title, hit, &p.preview_layout, preview, buf);
    }
}

/// The question of `hit` in `doc` and its answer (or, for an article's top, its title and
/// introduction), laid out in `area` (once per question and width: the layout is kept in
/// `cache`).
fn answer(
    theme: Theme,
    doc: &Document,
    article_title: &str,
    hit: &Hit,
    cache: &PreviewLayout,
    area: Rect,
    buf: &mut Buffer,
) {
    let heading = hit.target.heading.map(|h| h as usize);
    if area.height == 0 || heading.is_some_and(|i| i >= doc.outline.headings.len()) {
        return;
    }
    let width = usize::from(area.width.saturating_sub(2)).max(1);
    let mut cache = cache.borrow_mut();
    if !cache.as_ref().is_some_and(|(u, w, _)| *u == hit.unit && *w == width) {
        let range = match heading {
            Some(i) => doc.outline.answer(i),
            None => 0..doc.outline.headings.first().map_or(doc.blocks.len(), |h| h.block),
        };
        let blocks = doc.blocks[range].to_vec();
        let answer = Document { outline: Outline::of(&blocks), blocks, ..Document::default() };
        *cache = Some((hit.unit, width, Layout::new(&answer, width)));
    }
    let Some((_, _, layout)) = cache.as_ref() else { return };
    let title = heading.and_then(|i| doc.outline.headings.get(i)).map_or(article_title, |h| h.text.as_str());
    buf.set_stringn(area.x + 1, area.y, title, usize::from(area.width.saturating_sub(1)), theme.title());
    for (y, line) in (area.y + 2..area.y + area.height).zip(layout.lines.iter()) {
        let mut x = area.x + 1;
        for (text, tone) in line.spans() {
            let (next, _) =
                buf.set_stringn(x, y, text, usize::from(area.x + area.width - x), theme.text(tone));
            x = next;
        }
    }
}

/// Draws library search: prompt, then hits grouped under their articles.
pub fn search(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(s) = app.search() else { return };
    let inner = window(app, &strings::SEARCH, area, buf);
    let list = rule(app.theme, prompt(app.theme, &s.input, &strings::SEARCH_HINT, inner, buf), buf);
    if s.rows.is_empty() {
        let says = app.lookup_status();
        if !s.input.is_empty() || app.index.is_none() {
            buf.set_stringn(list.x, list.y, says, usize::from(list.width), app.theme.dim());
        }
        return;
    }
    let width = usize::from(list.width);
    let first = list_offset(s.selected, usize::from(list.height));
    for (y, (n, row)) in (list.y..).zip(s.rows.iter().enumerate().skip(first).take(usize::from(list.height)))
    {
        match row {
            ResultRow::Article(a) => {
                buf.set_stringn(list.x, y, &app.library.articles[*a].title, width, app.theme.title());
            }
            ResultRow::Hit { section, snippet, .. } => {
                let selected = n == s.selected;
                let mark = if selected { "› " } else { "  " };
                let place = format!("{mark}{}: ", truncate(section, width * 2 / 5));
                let style = if selected { app.theme.current() } else { Style::new() };
                let (x, _) = buf.set_stringn(list.x, y, &place, width, style.patch(app.theme.dim()));
                let room = usize::from(list.x + list.width - x);
                let text = truncate(&snippet.text, room);
                buf.set_stringn(x, y, &text, room, style);
                if let Some(hit) = snippet.hit.clone().filter(|h| h.end <= text.len()) {
                    let hx = x + u16::try_from(display_width(&text[..hit.start])).unwrap_or(0);
                    let hw = u16::try_from(display_width(&text[hit])).unwrap_or(0);
                    buf.set_style(
                        Rect { x: hx, y, width: hw.min(list.x + list.width - hx), height: 1 },
                        app.theme.hit(),
                    );
                }
            }
            ResultRow::More { shown, total } => {
                buf.set_stringn(list.x, y, strings::more_hits(*shown, *total), width, app.theme.dim());
            }
        }
    }
}
