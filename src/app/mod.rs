//! The reader's state and the one function that changes it.

mod action;
mod decide;
pub mod diff_view;
mod docs;
mod effect;
mod find;
pub mod help;
mod history;
pub mod keymap;
mod lazy;
mod links;
mod lookup;
mod modal;
mod mouse;
mod navigate;
mod place;
mod reload;
mod review;
mod sidebar;
mod team;
mod theme;
mod update;

pub use action::Action;
pub use docs::Docs;

/// A search index shared by the readers of one library: empty until the first needs it.
pub type SharedIndex = std::sync::Arc<std::sync::OnceLock<std::sync::Arc<crate::search::Index>>>;
pub use decide::{CHOICES, Choice, ChoiceKey, Decide, PENDING, choose_hint};
pub use effect::{Effect, SaveError, SaveErrorKind, Update};
pub use find::{Find, FindHit};
pub use history::Place;
pub use links::{LinksView, Resolved};
pub use lookup::{LibrarySearch, Palette, PreviewLayout, ResultRow};
pub use place::Mark;
pub use reload::Changes;
pub use review::{Editor, ListKind, ListView};
pub use sidebar::ContentsRows;
pub use team::{DiffView, Team};
pub use theme::Theme;
pub use update::{type_text, update};

use crate::document::{Document, HeadingKind, prefix_end};
use crate::layout::Layout;
use crate::library::Library;
use crate::screen::{self, Panes};
use ratatui::layout::Rect;

/// Columns the status line keeps for its right part (percentage, help hint) beside a message.
const STATUS_RIGHT: usize = 16;

/// Which pane keys go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The list of articles.
    Library,
    /// The outline of the open article.
    Contents,
    /// The article's text.
    Reader,
}

/// A window drawn over the panes, which takes the keys while it is open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The key help, scrolled by this many lines.
    Help(usize),
    /// The problems met while loading, scrolled by this many lines.
    Warnings(usize),
    /// The contents, on screens too narrow for the pane.
    Contents,
    /// The Library, on screens too narrow for the pane.
    Library,
}

/// What takes the keys over the panes. At most one is open; this one place says which, so
/// `update` sends keys to it, `mode` picks its key table and `ui` draws it on top.
#[derive(Debug, Default)]
pub enum Modal {
    /// Nothing: keys go to the panes.
    #[default]
    None,
    /// Help, the loading problems, or the contents on a narrow screen.
    Overlay(Overlay),
    /// The question palette.
    Palette(Box<Palette>),
    /// Library search.
    Search(Box<LibrarySearch>),
    /// The phrase to find, being typed (the find itself lives on in [`App::find`]).
    Find(Box<ratatui_textarea::TextArea<'static>>),
    /// The note editor.
    Editor(Box<Editor>),
    /// The notes or bookmarks list.
    List(ListView),
    /// The links of a section or article.
    Links(Box<LinksView>),
    /// A decision being made on the open article (`r`).
    Decide(Box<Decide>),
    /// What changed since an approval (`D`).
    Diff(Box<DiffView>),
}

/// Everything the reader shows, and nothing it does not.
#[derive(Debug)]
pub struct App {
    /// The articles.
    pub library: Library,
    /// The open article's index in the library.
    pub current: usize,
    /// The open article, parsed.
    pub doc: Document,
    /// The open article laid out for the reader's text width.
    pub layout: Layout,
    /// The first laid-out line on screen.
    pub scroll: usize,
    /// Where keys go.
    pub focus: Focus,
    /// The selected entry of the Library list.
    pub library_sel: usize,
    /// The selected heading of the Contents tree (when it has focus or is an overlay).
    pub contents_sel: usize,
    /// Whether the user wants the left panes (they hide anyway on narrow screens).
    pub sidebar: bool,
    /// The window over the panes that takes the keys, if one is open.
    pub modal: Modal,
    /// The terminal's size.
    pub area: Rect,
    /// A one-off message for the status line.
    pub message: Option<String>,
    /// The messages of this session too long for the status line, listed under `w`.
    pub said: Vec<String>,
    /// While only the start of a long article is parsed: how many bytes of it.
    pub parsed_prefix: Option<usize>,
    /// Counts the articles opened, so a late parse of an earlier one is recognised.
    pub generation: u64,
    /// Parses the whole of a long article (a field so that tests can make it fail).
    pub parse: fn(&str) -> Document,
    /// The search index of the library, once built.
    pub index: Option<std::sync::Arc<crate::search::Index>>,
    /// The index this library shares with other readers of it (a server's sessions and
    /// commands): built once, by whoever needs it first; taken instead of building one.
    pub shared_index: Option<SharedIndex>,
    /// The articles parsed for lookup (previews, snippets), each once (and once for all the
    /// sessions of a server).
    pub docs: std::sync::Arc<Docs>,
    /// Set once lookup has asked for the index to be built on a thread.
    pub want_index: bool,
    /// Set when building the index failed: lookup is off for the session.
    pub index_failed: bool,
    /// Find in the open article.
    pub find: Find,
    /// Where the jumps came from, the latest last.
    pub history: Vec<Place>,
    /// Whether the mouse is captured (off lets the terminal select text).
    pub mouse: bool,
    /// What the last actions asked of the world outside, for [`update`] to hand back.
    effects: Vec<Effect>,
    /// Today, as the clock the reader was started with said; drawing reads it.
    pub today: jiff::civil::Date,
    /// Notes, bookmarks, reviews, positions: as last read or written, with the changes
    /// still queued applied (what the reader shows).
    store: crate::store::Store,
    /// The store as last read or written.
    saved: crate::store::Store,
    /// Set when the store must not be written (a newer version wrote it).
    pub store_read_only: bool,
    /// Changes to the store, queued until a write of them succeeds.
    changes: Vec<crate::store::Change>,
    /// Set when changes were queued that the loop has not yet been asked to write.
    unsent: bool,
    /// Set while another artikel holds the store's lock and a save waits for it.
    waiting: bool,
    /// Articles whose lastUpdated is older than this many months are marked stale.
    pub stale_months: u16,
    /// Each article's state in the team's review ledger (✓ ~ ! in the Library).
    pub reviews: crate::ledger::Desk,
    /// Who reviews: the account decisions and comments are recorded under (the operating
    /// system's; over `serve`, the key's name).
    pub reviewer: String,
    /// Search indexes being built from a library since reloaded: dropped when they come.
    stale_indexes: usize,
    /// Whether external links are also terminal hyperlinks (OSC 8); off unless asked for.
    pub hyperlinks: bool,
    /// The ledger's comments and approvals of the open article, and writes queued for it.
    pub team: Team,
    /// How wide the left panes are.
    pub sidebar_width: screen::SidebarWidth,
    /// Whether the first-run hint shows under the reader (until dismissed).
    pub first_run_hint: bool,
    /// The reading keys in force (the table's, or as the settings bind them).
    pub keys: std::sync::Arc<keymap::Keymap>,
    /// How the reader looks (this reader's own: a served session has its own).
    pub theme: Theme,
    /// The widest the reader's text gets, in columns.
    pub reading_width: u16,
}

impl App {
    /// A reader on `library` with article `index` open, for an 80×24 screen until told
    /// otherwise, dating what it shows by `clock`. The library must not be empty (the
    /// bundled articles are always there).
    pub fn new(library: Library, index: usize, clock: crate::clock::Clock) -> App {
        let mut app = App {
            library,
            current: 0,
            doc: Document::default(),
            layout: Layout::default(),
            scroll: 0,
            focus: Focus::Reader,
            library_sel: 0,
            contents_sel: 0,
            sidebar: true,
            modal: Modal::None,
            area: Rect::new(0, 0, 80, 24),
            message: None,
            said: Vec::new(),
            parsed_prefix: None,
            generation: 0,
            parse: Document::parse,
            index: None,
            shared_index: None,
            docs: std::sync::Arc::default(),
            want_index: false,
            index_failed: false,
            find: Find::default(),
            history: Vec::new(),
            mouse: true,
            effects: Vec::new(),
            today: clock.today(),
            store: crate::store::Store::default(),
            saved: crate::store::Store::default(),
            store_read_only: false,
            changes: Vec::new(),
            unsent: false,
            waiting: false,
            stale_months: crate::check::STALE_MONTHS,
            reviews: crate::ledger::Desk::default(),
            reviewer: crate::store::account(),
            stale_indexes: 0,
            hyperlinks: false,
            team: Team::default(),
            sidebar_width: screen::SidebarWidth::Auto,
            first_run_hint: false,
            keys: std::sync::Arc::default(),
            theme: Theme::default(),
            reading_width: screen::MAX_TEXT_WIDTH,
        };
        if !app.library.warnings.is_empty() {
            app.message = Some(crate::strings::warnings_found(app.library.warnings.len()));
        }
        app.open(index);
        app
    }

    /// Opens article `index` where it was left (or at its top). A long article is parsed
    /// only as far as the first screens need; the rest follows (see [`App::parse_job`]).
    pub fn open(&mut self, index: usize) {
        if index >= self.library.articles.len() {
            return;
        }
        if index != self.current && !self.doc.blocks.is_empty() {
            self.remember_position();
        }
        let article = &self.library.articles[index];
        self.current = index;
        self.library_sel = index;
        self.generation += 1;
        let body = std::sync::Arc::clone(&article.body);
        self.parsed_prefix = if self.eager() { None } else { prefix_end(&body, lazy::PREFIX_BYTES) };
        self.doc = Document::parse(&body[..self.parsed_prefix.unwrap_or(body.len())]);
        if self.parsed_prefix.is_some() {
            self.ask(Effect::Parse(self.generation, std::sync::Arc::clone(&body)));
        }
        self.layout = Layout::start(usize::from(self.panes().text.width));
        self.scroll = 0;
        self.contents_sel = 0;
        self.clear_find();
        self.lay_out_lines(if self.eager() { usize::MAX } else { self.page() * 3 });
        self.restore_position();
        self.ask(Effect::ReadLedger(self.library.articles[index].slug.clone()));
    }

    /// Jumps to the heading of the open article that best matches `text` (folded, typos
    /// forgiven, as search ranks it); false if none does.
    pub fn jump_to_section(&mut self, text: &str) -> bool {
        self.ensure_parsed();
        let article = &self.library.articles[self.current];
        let mut index = crate::search::Index::build(&[(article.title.as_str(), &*article.body)]);
        index.set_synonyms(self.library.synonyms.clone());
        let query = crate::search::Query::new(text);
        let best = index.answers(&query, 1).first().and_then(|h| h.target.heading);
        best.map(|i| self.jump_to_heading(i as usize)).is_some()
    }

    /// Scrolls so heading `i` is the top line.
    pub fn jump_to_heading(&mut self, i: usize) {
        self.lay_out_heading(i);
        if let Some(&row) = self.layout.heading_rows.get(i) {
            self.scroll = row;
            self.contents_sel = i;
            self.lay_out_lines(row + self.page() * 2);
        }
    }

    /// Sets whether external links are also terminal hyperlinks (OSC 8).
    pub fn with_hyperlinks(mut self, on: bool) -> App {
        self.hyperlinks = on;
        self
    }

    /// Sets whether the mouse starts captured.
    pub fn with_mouse(mut self, on: bool) -> App {
        self.mouse = on;
        self
    }

    /// Asks the world outside for `effect`; [`update`] hands it to the loop.
    pub(crate) fn ask(&mut self, effect: Effect) {
        self.effects.push(effect);
    }

    /// What was asked since this was last called (what [`update`] returns): store changes
    /// newly queued are asked to be written last, all in one write.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        if std::mem::take(&mut self.unsent) && !self.changes.is_empty() && !self.waiting {
            self.effects.push(Effect::WriteStore(self.changes.clone()));
        }
        if let Some(write) = self.ledger_effect() {
            self.effects.push(write);
        }
        std::mem::take(&mut self.effects)
    }

    /// The section under the top line, as text to copy: its heading and what it says.
    pub fn section_text(&self) -> (String, String) {
        let (title, blocks) = match self.section() {
            Some(i) => {
                let h = &self.doc.outline.headings[i];
                (h.text.clone(), h.block..h.section.end)
            }
            None => {
                let end = self.doc.outline.headings.first().map_or(self.doc.blocks.len(), |h| h.block);
                (self.library.articles[self.current].title.clone(), 0..end)
            }
        };
        let parts: Vec<String> = self.doc.blocks[blocks]
            .iter()
            .map(|b| {
                let mut text = String::new();
                crate::document::push_block_text(&mut text, b);
                text
            })
            .filter(|t| !t.is_empty())
            .collect();
        (title, parts.join("\n\n"))
    }

    /// Which key table applies: a prompt's while one is open.
    pub fn mode(&self) -> keymap::Mode {
        match &self.modal {
            Modal::Editor(_) => keymap::Mode::Editor,
            Modal::Palette(_) | Modal::Search(_) | Modal::Find(_) => keymap::Mode::Prompt,
            Modal::List(l) if l.confirm_delete => keymap::Mode::Prompt,
            Modal::Decide(_) => keymap::Mode::Prompt,
            _ => keymap::Mode::Normal,
        }
    }

    /// Whether `message` fits on the status line beside its right part; a longer one is
    /// drawn wrapped above it, and kept under `w` once it goes.
    pub fn fits_status(&self, message: &str) -> bool {
        crate::layout::display_width(message) + STATUS_RIGHT <= usize::from(self.area.width)
    }

    /// Clears the message (a key was pressed); a long one is kept under `w`. Whether there
    /// was one.
    pub fn clear_message(&mut self) -> bool {
        let Some(message) = self.message.take() else { return false };
        if !self.fits_status(&message) && !self.said.contains(&message) {
            self.said.push(message);
        }
        true
    }

    /// What `w` lists: the problems met loading articles, then the long messages of the
    /// session (the one on screen included).
    pub fn problems(&self) -> Vec<String> {
        let mut rows: Vec<String> = self.library.warnings.iter().map(|w| w.to_string()).collect();
        rows.extend(self.said.iter().cloned());
        if let Some(m) = self.message.as_ref().filter(|m| !self.fits_status(m) && !self.said.contains(m)) {
            rows.push(m.clone());
        }
        rows
    }

    /// Whether typed text goes into a field: the note editor (unless it asks a question), the
    /// palette, search, or the find prompt.
    pub fn accepts_text(&self) -> bool {
        match &self.modal {
            Modal::Editor(e) => !e.confirm_discard,
            Modal::Decide(d) => d.choice.is_some(),
            Modal::Palette(_) | Modal::Search(_) | Modal::Find(_) => true,
            _ => false,
        }
    }

    /// Where the top line is, as a reviewer cites it: `slug#anchor` (or `slug` in the
    /// introduction).
    pub fn location(&self) -> String {
        let slug = &self.library.articles[self.current].slug;
        match self.section().and_then(|i| self.doc.outline.headings.get(i)) {
            Some(h) => format!("{slug}#{}", h.anchor),
            None => slug.clone(),
        }
    }

    /// The panes for the current screen size and settings.
    pub fn panes(&self) -> Panes {
        let shape =
            screen::Shape { sidebar: self.sidebar, width: self.sidebar_width, hint: self.first_run_hint };
        let panes =
            screen::panes(self.area, shape, |width, enough| self.library_rows(usize::from(width), enough));
        // The text as wide as the reading width allows.
        Panes { text: screen::text_in(panes.reader, self.reading_width), ..panes }
    }

    /// Whether the left panes are on screen.
    pub fn sidebar_shown(&self) -> bool {
        self.panes().library.is_some()
    }

    /// Rows of text the reader shows.
    pub fn page(&self) -> usize {
        usize::from(self.panes().text.height).max(1)
    }

    /// The heading whose section is at the top of the reader.
    pub fn section(&self) -> Option<usize> {
        self.layout.section_at(self.scroll)
    }

    /// The heading the Contents tree highlights: the selection while it has focus, else
    /// the section being read.
    pub fn contents_highlight(&self) -> usize {
        if self.focus == Focus::Contents || self.overlay() == Some(Overlay::Contents) {
            self.contents_sel
        } else {
            self.section().unwrap_or(0)
        }
    }

    /// The last first-line that still fills the screen.
    pub fn max_scroll(&self) -> usize {
        self.layout.lines.len().saturating_sub(self.page())
    }

    /// How far through the article the reader is, in percent: 0 with the top line on
    /// screen, 100 with the last, in step with the scrolling between. While the layout is
    /// still being built, its total length is estimated from the blocks done.
    pub fn percent(&self) -> usize {
        let done = self.layout.lines.len();
        let mut total = if self.layout_pending() {
            done * self.doc.blocks.len() / self.layout.blocks_done.max(1)
        } else {
            done
        };
        if let Some(prefix) = self.parsed_prefix {
            let whole = self.library.articles[self.current].body.len();
            total = total * whole / prefix.max(1);
        }
        let complete = self.parsed_prefix.is_none() && !self.layout_pending();
        place::percent(self.scroll, total, self.page(), complete)
    }

    /// How many headings of `kind` the open article has.
    pub fn count(&self, kind: HeadingKind) -> usize {
        self.doc.outline.count(kind)
    }
}
