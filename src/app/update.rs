//! `update`: applies one action to the reader's state.

use super::mouse;
use super::{Action, App, Effect, Focus, ListKind, ListView, Modal, Overlay, Update};
use crate::document::HeadingKind;
use crate::strings;

/// Applies `action` to `app`. Returns whether anything visible changed (and so whether the
/// screen must be drawn again), and what the loop must do outside the state.
pub fn update(app: &mut App, action: Action) -> Update {
    let redraw = apply(app, action);
    Update { redraw, effects: app.take_effects() }
}

/// Types `text` into the open prompt or note editor in one go: a paste, or a burst of keys
/// that arrived together. The editor keeps line ends; a one-line prompt gets spaces instead.
/// Anywhere else pasted text is not taken as keys: nothing happens.
pub fn type_text(app: &mut App, text: &str) -> Update {
    if !app.accepts_text() {
        return Update::default();
    }
    app.clear_message();
    let one_line = || text.replace("\r\n", " ").replace(['\r', '\n'], " ");
    let width = usize::from(app.area.width.saturating_sub(6)).max(20);
    match &mut app.modal {
        Modal::Editor(e) => {
            e.input.insert_str(text.replace("\r\n", "\n").replace('\r', "\n"));
        }
        Modal::Palette(p) => {
            p.input.insert_str(one_line());
            app.refresh_palette();
        }
        Modal::Search(s) => {
            s.input.insert_str(one_line());
            app.refresh_search(width);
        }
        Modal::Find(input) => {
            input.insert_str(one_line());
            let phrase = input.lines().join(" ");
            app.find_phrase(&phrase);
        }
        Modal::Decide(d) => {
            d.input.insert_str(one_line());
        }
        _ => {}
    }
    Update { redraw: true, effects: app.take_effects() }
}

fn apply(app: &mut App, action: Action) -> bool {
    if let Action::Resize(w, h) = action {
        return app.resize(w, h);
    }
    if action == Action::Exit {
        app.ask(Effect::Quit);
        return true;
    }
    let had_message = app.clear_message();
    // After the old message goes, so that a parse that fails can say so.
    app.ensure_parsed();
    // The open window takes the keys; only with none do they reach the panes.
    let changed = match &app.modal {
        Modal::Editor(_) => in_editor(app, action),
        Modal::List(view) => in_list(app, *view, action),
        Modal::Palette(_) | Modal::Search(_) => in_list_prompt(app, action),
        Modal::Find(_) => in_find_prompt(app, action),
        Modal::Overlay(overlay) => in_overlay(app, *overlay, action),
        Modal::Links(_) => super::links::in_links(app, action),
        Modal::Decide(_) => app.in_decide(action),
        Modal::Diff(_) => in_diff(app, action),
        Modal::None => in_panes(app, action),
    };
    changed || had_message || app.message.is_some()
}

/// Types `key` into a field, with the line-editing keys of a shell: Ctrl-u deletes to the
/// start of the line, Ctrl-w the word before the cursor. Whether the text changed.
pub(super) fn shell_input(
    input: &mut ratatui_textarea::TextArea<'static>,
    key: crossterm::event::KeyEvent,
) -> bool {
    use crossterm::event::{KeyCode, KeyModifiers};
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL) && !key.modifiers.contains(KeyModifiers::ALT);
    match key.code {
        KeyCode::Char('u') if ctrl => input.delete_line_by_head(),
        KeyCode::Char('w') if ctrl => input.delete_word(),
        _ => input.input(key),
    }
}

/// Whether a typed key says yes (y, or j for ja).
fn yes(action: Action) -> bool {
    matches!(action, Action::Type(k) if matches!(k.code, crossterm::event::KeyCode::Char('y' | 'Y' | 'j' | 'J')))
}

/// Whether `key` is Ctrl-j: a new line, as a terminal sends it (LF) and as Enter is, never
/// the text field's own Ctrl-j (delete to the start of the line, which loses what was typed).
fn new_line(key: crossterm::event::KeyEvent) -> bool {
    use crossterm::event::{KeyCode, KeyModifiers};
    key.code == KeyCode::Char('j') && key.modifiers == KeyModifiers::CONTROL
}

/// The note editor: keys type; Ctrl-s saves, Esc closes (asking first if it changed).
fn in_editor(app: &mut App, action: Action) -> bool {
    let Some(editor) = app.editor_mut() else { return false };
    if editor.confirm_discard {
        if yes(action) {
            app.discard_note();
        } else {
            editor.confirm_discard = false;
        }
        return true;
    }
    match action {
        Action::Type(key) if new_line(key) => {
            editor.input.insert_newline();
            true
        }
        Action::Type(key) => {
            shell_input(&mut editor.input, key);
            true
        }
        Action::Save => app.save_note(),
        Action::Close | Action::Quit => app.close_editor(),
        _ => false,
    }
}

/// The notes or bookmarks list.
fn in_list(app: &mut App, view: ListView, action: Action) -> bool {
    let rows = app.list_rows(view.kind);
    if view.confirm_delete {
        let mut selected = view.selected;
        if yes(action) && app.delete_comment(view.selected) {
            // The row below moves up into the place of the deleted one; the last stays last.
            selected = selected.min(rows.len().saturating_sub(2));
        }
        app.modal = Modal::List(ListView { confirm_delete: false, selected, ..view });
        return true;
    }
    let page = app.page() as isize;
    let delta = match action {
        Action::Activate => {
            app.close_modal();
            if view.kind == ListKind::Bookmarks {
                return app.open_bookmark(view.selected);
            }
            if let Some(&(article, heading, _)) = rows.get(view.selected) {
                app.jumping(|app| app.go_to(article, heading));
            }
            return true;
        }
        Action::Edit if view.kind == ListKind::Notes => return app.edit_comment(view.selected),
        Action::Resolve if view.kind == ListKind::Notes => return app.toggle_resolved(view.selected),
        Action::ReadComment if view.kind == ListKind::Notes => return app.read_comment(view),
        Action::ShowResolved if view.kind == ListKind::Notes => {
            app.team.show_resolved = !app.team.show_resolved;
            app.modal = Modal::List(ListView { selected: 0, ..view });
            return true;
        }
        Action::Delete if view.kind == ListKind::Notes && !rows.is_empty() => {
            app.modal = Modal::List(ListView { confirm_delete: true, ..view });
            return true;
        }
        Action::Close | Action::Quit | Action::Notes | Action::Bookmarks => {
            app.close_modal();
            return true;
        }
        other => match list_step(other, page) {
            Some(delta) => delta,
            None => return false,
        },
    };
    let selected = view.selected.saturating_add_signed(delta).min(rows.len().saturating_sub(1));
    app.modal = Modal::List(ListView { selected, ..view });
    true
}

/// What changed since an approval: keys scroll it; Esc, q or `D` again close it.
fn in_diff(app: &mut App, action: Action) -> bool {
    let (width, height) = super::diff_view::inner(app.area);
    let Modal::Diff(view) = &mut app.modal else { return false };
    let rows = super::diff_view::rows(view, width).len();
    let page = height.max(1) as isize;
    if matches!(action, Action::Close | Action::Quit | Action::Diff | Action::ReadComment) {
        // A comment read whole goes back to its list.
        if let Modal::Diff(view) = app.close_modal()
            && let Some(list) = view.back
        {
            app.modal = Modal::List(list);
        }
        return true;
    }
    let Some(delta) = list_step(action, page) else { return false };
    view.scroll = view.scroll.saturating_add_signed(delta).min(rows.saturating_sub(height));
    true
}

/// How far a key moves a list's selection or scrolls a window, `page` rows high, if it does.
pub(super) fn list_step(action: Action, page: isize) -> Option<isize> {
    Some(match action {
        Action::Down | Action::Wheel { down: true, .. } => 1,
        Action::Up | Action::Wheel { down: false, .. } => -1,
        Action::PageDown => page,
        Action::PageUp => -page,
        Action::HalfDown => page / 2,
        Action::HalfUp => -page / 2,
        Action::Top => isize::MIN / 2,
        Action::Bottom => isize::MAX / 2,
        _ => return None,
    })
}

/// The palette or library search: keys type the query or move in the list.
fn in_list_prompt(app: &mut App, action: Action) -> bool {
    let page = (app.page() / 2).max(1) as isize;
    match action {
        Action::Type(key) => {
            let width = usize::from(app.area.width.saturating_sub(6)).max(20);
            if let Some(p) = app.palette_mut() {
                if shell_input(&mut p.input, key) {
                    app.refresh_palette();
                }
            } else if let Some(s) = app.search_mut()
                && shell_input(&mut s.input, key)
            {
                app.refresh_search(width);
            }
            true
        }
        Action::Down => app.move_in_list(1),
        Action::Up => app.move_in_list(-1),
        Action::PageDown => app.move_in_list(page),
        Action::PageUp => app.move_in_list(-page),
        Action::Activate if app.palette().is_some() => app.accept_palette(),
        Action::Activate => app.accept_search(),
        Action::Close | Action::Quit => {
            app.close_modal();
            true
        }
        _ => false,
    }
}

/// Typing the phrase to find: each key finds anew; Enter keeps it, Esc goes back.
fn in_find_prompt(app: &mut App, action: Action) -> bool {
    match action {
        Action::Type(key) => {
            let Modal::Find(input) = &mut app.modal else { return false };
            if shell_input(input, key) {
                let text = input.lines().join(" ");
                app.find_phrase(&text);
            }
            true
        }
        Action::Activate => {
            app.close_modal();
            if !app.find.active() {
                app.clear_find();
            }
            true
        }
        Action::Close | Action::Quit => {
            app.close_modal();
            app.scroll = app.find.origin;
            app.clear_find();
            true
        }
        _ => false,
    }
}

fn in_overlay(app: &mut App, overlay: Overlay, action: Action) -> bool {
    let step = |n: usize, delta: isize| n.saturating_add_signed(delta);
    let page = app.page() as isize;
    let close = matches!(action, Action::Close | Action::Quit)
        || matches!((overlay, action), (Overlay::Help(_), Action::Help))
        || matches!((overlay, action), (Overlay::Warnings(_), Action::Warnings))
        || matches!((overlay, action), (Overlay::Contents, Action::ToggleContents))
        || matches!((overlay, action), (Overlay::Library, Action::Library));
    if close {
        app.close_modal();
        return true;
    }
    let delta = match action {
        _ if let Some(delta) = list_step(action, page) => delta,
        Action::Activate if overlay == Overlay::Contents => {
            app.close_modal();
            app.jump_to_heading(app.contents_sel);
            return true;
        }
        Action::Activate if overlay == Overlay::Library => {
            app.close_modal();
            let chosen = app.library_sel;
            if chosen != app.current {
                app.jumping(|app| {
                    app.open(chosen);
                    true
                });
            }
            return true;
        }
        _ => return false,
    };
    match overlay {
        Overlay::Help(s) => {
            // The window is at most the screen's height, less its border.
            let last = super::help::last_scroll(&app.keys, app.stale_months, app.area.width, app.area.height);
            app.modal = Modal::Overlay(Overlay::Help(step(s, delta).min(last)));
        }
        Overlay::Warnings(s) => {
            let len = app.problems().len();
            app.modal = Modal::Overlay(Overlay::Warnings(step(s, delta).min(len.saturating_sub(1))))
        }
        Overlay::Contents | Overlay::Library => return app.select_by(delta),
    }
    true
}

fn in_panes(app: &mut App, action: Action) -> bool {
    let page = app.page() as isize;
    let moved = |app: &mut App, delta: isize| match app.focus {
        Focus::Reader => app.scroll_by(delta),
        Focus::Library | Focus::Contents => app.select_by(delta),
    };
    match action {
        Action::Down => moved(app, 1),
        Action::Up => moved(app, -1),
        Action::PageDown => moved(app, page.saturating_sub(1).max(1)),
        Action::PageUp => moved(app, -page.saturating_sub(1).max(1)),
        Action::HalfDown => moved(app, (page / 2).max(1)),
        Action::HalfUp => moved(app, -(page / 2).max(1)),
        Action::Top => app.jumping(|app| moved(app, isize::MIN / 2)),
        Action::Bottom => app.jumping(|app| moved(app, isize::MAX / 2)),
        Action::NextQuestion => app.jumping(|app| app.jump(true, is_question, &strings::NO_NEXT_QUESTION)),
        Action::PrevQuestion => app.jumping(|app| app.jump(false, is_question, &strings::NO_PREV_QUESTION)),
        Action::NextAnswer => app.jumping(|app| app.jump(true, is_answer, &strings::NO_NEXT_ANSWER)),
        Action::PrevAnswer => app.jumping(|app| app.jump(false, is_answer, &strings::NO_PREV_ANSWER)),
        Action::Faq => app.jumping(App::jump_faq),
        Action::Palette => app.open_palette(),
        Action::Find => app.start_find(),
        Action::FindNext => app.jumping(|app| app.find_step(true)),
        Action::FindPrev => app.jumping(|app| app.find_step(false)),
        Action::LibrarySearch => app.open_search(),
        Action::Back => app.go_back(),
        Action::Note => app.start_note(),
        Action::Notes => {
            app.modal = Modal::List(ListView { kind: ListKind::Notes, selected: 0, confirm_delete: false });
            true
        }
        Action::Bookmark => app.toggle_bookmark(),
        Action::Bookmarks => {
            app.modal =
                Modal::List(ListView { kind: ListKind::Bookmarks, selected: 0, confirm_delete: false });
            true
        }
        Action::Review => app.start_decision(),
        Action::Diff => app.open_diff(),
        Action::Edit
        | Action::Delete
        | Action::Save
        | Action::Resolve
        | Action::ShowResolved
        | Action::ReadComment => false,
        Action::Copy => {
            let (title, text) = app.section_text();
            app.message = Some(strings::copied(&title, text.chars().count()));
            app.ask(Effect::Copy(text));
            true
        }
        Action::ToggleMouse => {
            app.mouse = !app.mouse;
            app.message = Some(if app.mouse { strings::MOUSE_ON } else { strings::MOUSE_OFF }.to_string());
            app.ask(Effect::SetMouse(app.mouse));
            true
        }
        Action::Suspend => {
            app.ask(Effect::Suspend);
            true
        }
        Action::Type(_) => false,
        Action::FocusNext => cycle_focus(app, true),
        Action::FocusPrev => cycle_focus(app, false),
        Action::Activate => app.jumping(activate),
        Action::ToggleContents => toggle_contents(app),
        Action::Help => {
            app.modal = Modal::Overlay(Overlay::Help(0));
            true
        }
        Action::Warnings => {
            app.modal = Modal::Overlay(Overlay::Warnings(0));
            true
        }
        Action::Library if app.sidebar_shown() => {
            app.library_sel = app.current;
            app.focus = Focus::Library;
            true
        }
        Action::Library => {
            app.library_sel = app.current;
            app.modal = Modal::Overlay(Overlay::Library);
            true
        }
        Action::DismissHint if app.first_run_hint => {
            app.first_run_hint = false;
            app.ask(Effect::DismissHint);
            let (w, h) = (app.area.width, app.area.height);
            app.resize(w, h);
            true
        }
        Action::DismissHint => false,
        Action::Close if app.find.active() => {
            app.clear_find();
            true
        }
        Action::Close => false,
        Action::Quit | Action::Exit => {
            app.ask(Effect::Quit);
            true
        }
        Action::Wheel { col, row, down } => mouse::wheel(app, col, row, down),
        Action::Click { col, row } => app.jumping(|app| mouse::click(app, col, row)),
        Action::Resize(..) => false,
        Action::Links => app.open_links(),
    }
}

fn is_question(kind: HeadingKind) -> bool {
    matches!(kind, HeadingKind::Question | HeadingKind::FaqQuestion)
}

fn is_answer(kind: HeadingKind) -> bool {
    kind == HeadingKind::FaqQuestion
}

fn cycle_focus(app: &mut App, forward: bool) -> bool {
    if !app.sidebar_shown() {
        return false;
    }
    app.focus = match (app.focus, forward) {
        (Focus::Library, true) | (Focus::Reader, false) => Focus::Contents,
        (Focus::Contents, true) | (Focus::Library, false) => Focus::Reader,
        (Focus::Reader, true) | (Focus::Contents, false) => Focus::Library,
    };
    if app.focus == Focus::Contents {
        app.contents_sel = app.section().unwrap_or(0);
    }
    true
}

pub(super) fn activate(app: &mut App) -> bool {
    match app.focus {
        Focus::Library => {
            if app.library_sel != app.current {
                app.open(app.library_sel);
            }
            app.focus = Focus::Reader;
        }
        Focus::Contents => {
            app.jump_to_heading(app.contents_sel);
            app.focus = Focus::Reader;
        }
        Focus::Reader => return false,
    }
    true
}

fn toggle_contents(app: &mut App) -> bool {
    if crate::screen::sidebar_fits(app.area.width) {
        app.sidebar = !app.sidebar;
        if !app.sidebar {
            app.focus = Focus::Reader;
        }
        let (w, h) = (app.area.width, app.area.height);
        app.resize(w, h);
    } else {
        app.contents_sel = app.section().unwrap_or(0);
        app.modal = Modal::Overlay(Overlay::Contents);
    }
    true
}
