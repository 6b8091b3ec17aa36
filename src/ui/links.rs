//! The links list (`l`): each link of a section with where it leads, broken ones marked.

use super::popup::{Popup, centred};
use crate::app::{Action, keymap::BINDINGS};
use crate::app::{App, Resolved, keymap};
use crate::backend::hyperlink::Hyperlink;
use crate::document::LinkKind;
use crate::layout::truncate;
use crate::screen::list_offset;
use crate::strings;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use unicode_segmentation::UnicodeSegmentation;

/// The hint under the list, made from the key table.
fn hint(map: &keymap::Keymap) -> String {
    keymap::hint(
        map,
        BINDINGS,
        &[
            (&[Action::Down, Action::Up], strings::HINT_CHOOSE),
            (&[Action::Activate], strings::HINT_FOLLOW),
            (&[Action::Close], strings::HINT_CLOSE),
        ],
    )
}

/// Where a link leads, in words for the list; and whether it leads nowhere.
fn destination(app: &App, number: usize) -> (String, bool) {
    let Some(link) = app.doc.links.get(number) else { return (String::new(), true) };
    let heading = |doc: &crate::document::Document, h: usize| {
        doc.outline.headings.get(h).map(|h| h.text.clone()).unwrap_or_default()
    };
    match app.resolve_link(link) {
        // A heading of the article being read is named alone: its title is on screen.
        Resolved::Article { article, heading: Some(h) } if article == app.current => {
            (heading(&app.doc, h), false)
        }
        Resolved::Article { article, heading: h } => {
            let title = &app.library.articles[article].title;
            match h {
                Some(h) => {
                    let doc = app.docs.get(article, &app.library.articles[article].body);
                    (format!("{title} › {}", heading(&doc, h)), false)
                }
                None => (title.clone(), false),
            }
        }
        Resolved::Heading(h) => (heading(&app.doc, h), false),
        Resolved::External => (link.target.clone(), false),
        Resolved::Broken(why) => (why, true),
    }
}

/// Draws the links list over the reader.
pub fn list(app: &App, area: Rect, buf: &mut Buffer) {
    let Some(view) = app.links_view() else { return };
    let w = area.width.saturating_sub(4).clamp(area.width.min(20), 90);
    let rows = u16::try_from(view.links.len()).unwrap_or(u16::MAX);
    let h = rows.saturating_add(2).min(area.height.saturating_sub(2).max(area.height.min(3)));
    let rect = centred(area, w, h);
    let title = truncate(&view.title, usize::from(w.saturating_sub(4)));
    let inner = Popup::new(&title).hint(hint(&app.keys)).draw(rect, buf);
    let width = usize::from(inner.width);
    let first = list_offset(view.selected, usize::from(inner.height));
    let shown = view.links.iter().enumerate().skip(first).take(usize::from(inner.height));
    for (y, (row, &number)) in (inner.y..).zip(shown) {
        let Some(link) = app.doc.links.get(number) else { continue };
        let (whither, broken) = destination(app, number);
        let selected = row == view.selected;
        let base = if selected { app.theme.selected() } else { Style::new() };
        buf.set_style(Rect { y, height: 1, ..inner }, base);
        // A broken link is marked with a sign, so it shows without colour.
        let mark = if broken { "✗" } else { " " };
        buf.set_stringn(inner.x, y, mark, 1, base.patch(app.theme.dim()));
        let text = truncate(&link.text, (width.saturating_sub(3) / 2).max(1));
        let (x, _) = buf.set_stringn(inner.x + 2, y, &text, width.saturating_sub(2), base);
        let used = usize::from(x - inner.x);
        if used + 3 < width {
            let room = width - used - 3;
            let whither = truncate(&format!("→ {whither}"), room);
            let style = if selected { base } else { app.theme.dim() };
            buf.set_stringn(x + 1, y, &whither, room + 1, style);
        }
    }
}

/// The external links in view in the reader, as terminal hyperlinks (when they are asked
/// for): each run of a link's text that the screen still shows as the reader drew it, so
/// that no window drawn over the text is linked.
pub fn hyperlinks(app: &App, buf: &Buffer) -> Vec<Hyperlink> {
    let mut links = Vec::new();
    if !app.hyperlinks {
        return links;
    }
    let area = app.panes().text;
    let right = area.x + area.width;
    let rows = app.scroll..app.scroll.saturating_add(usize::from(area.height));
    for (y, line) in (area.y..).zip(app.layout.lines.range(rows)) {
        let mut x = area.x;
        for (text, tone) in line.spans() {
            let external = |n: u32| {
                app.doc.links.get(n as usize).filter(|l| l.kind == LinkKind::External).map(|l| &l.target)
            };
            let url = tone.target.and_then(external);
            let style = app.theme.text(tone);
            let mut run: Option<(u16, u16)> = None;
            for g in text.graphemes(true) {
                let w = u16::try_from(crate::layout::display_width(g)).unwrap_or(1);
                if x >= right {
                    break;
                }
                let cell = &buf[(x, y)];
                let as_drawn = cell.symbol() == g && cell.fg == style.fg.unwrap_or(cell.fg) && {
                    let want = style.add_modifier;
                    cell.modifier.contains(want) && !cell.modifier.contains(Modifier::REVERSED)
                };
                match (url, as_drawn, &mut run) {
                    (Some(_), true, Some((_, width))) => *width += w,
                    (Some(_), true, None) => run = Some((x, w)),
                    (Some(url), false, r @ Some(_)) => push(&mut links, r.take(), y, url),
                    _ => {}
                }
                x = x.saturating_add(w);
            }
            if let Some(url) = url {
                push(&mut links, run, y, url);
            }
        }
    }
    links
}

fn push(links: &mut Vec<Hyperlink>, run: Option<(u16, u16)>, y: u16, url: &str) {
    if let Some((x, width)) = run {
        links.push(Hyperlink { x, y, width, url: url.to_string() });
    }
}
