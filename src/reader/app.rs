//! The reader's state and the one function that changes it.
//!
//! [`App`] owns the view state over the opened documents. Every input (key,
//! mouse, resize, a saved-state result) arrives as an [`Action`];
//! [`App::update`] is the only place state changes. Side effects (clipboard,
//! mouse capture, saving a tick) are queued as [`Effect`]s for the runtime,
//! so a headless `App` is fully testable.

use std::collections::BTreeSet;

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::config::Config;
use super::index::{DocIndex, SidebarRow};
use super::keymap::{Command, Context, Key, Keymap, Match};
use super::layout::{list_inner, list_offset, Focus, Screen};
use super::library::{EntryState, Library, Summary};
use super::search;
use super::store::{self, ArticleState};
use super::theme::Theme;
use super::wrap::{self, Wrapped};
use super::Options;
use crate::across::{ArticleSpeakers, At};
use crate::model::{Document, QuoteKind, Span};
use crate::sanitize::inert;

/// Everything that can happen to the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Key(KeyEvent),
    Mouse(MouseEvent),
    /// The terminal's new size (columns, rows).
    Resize(u16, u16),
    /// A command, as a key would send it.
    Command(Command),
    /// Saved state read at startup for document `doc`.
    Restored {
        doc: usize,
        state: ArticleState,
        warning: Option<String>,
    },
    /// The ticks now on disk after a save (other readers' ticks included).
    Synced {
        doc: usize,
        ticks: BTreeSet<String>,
        warning: Option<String>,
    },
    /// Saving or loading state failed.
    StateProblem {
        doc: usize,
        message: String,
    },
    /// Article `doc` of the article list has been annotated.
    Loaded {
        doc: usize,
        document: Box<Document>,
    },
    /// Article `doc` of the article list could not be read or annotated.
    LoadFailed {
        doc: usize,
        message: String,
    },
    /// Nothing else to do: wrap more of the article on screen (see
    /// [`App::idle_work`]).
    Idle,
}

/// Work for the runtime to do outside `update`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put this (already inert) text on the clipboard (OSC 52).
    Copy(String),
    /// Turn mouse capture on or off.
    SetMouse(bool),
    /// Save one tick change of document `doc`.
    SaveTick { doc: usize, key: String, pledge: String, ticked: bool },
}

/// The topmost layer, when open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    Help { scroll: usize },
    Picker { query: String, cursor: usize },
}

/// A layer of the input router (see [`App::layers`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layer {
    Help,
    Picker,
    /// The article list of a folder.
    Folder,
    /// The search prompt.
    Prompt,
    /// The focused pledge list (then [`Layer::List`]).
    Pledges,
    /// The focused entities or pledges list.
    List,
    Global,
}

impl Layer {
    /// The keymap context the layer looks its keys up in.
    pub fn context(self) -> Context {
        match self {
            Layer::Help => Context::Help,
            Layer::Picker => Context::Picker,
            Layer::Folder => Context::Articles,
            Layer::Prompt => Context::Search,
            Layer::Pledges => Context::Pledges,
            Layer::List => Context::List,
            Layer::Global => Context::Global,
        }
    }

    /// A modal layer keeps the keys it does not use: nothing below sees them.
    fn modal(self) -> bool {
        matches!(self, Layer::Help | Layer::Picker | Layer::Folder | Layer::Prompt)
    }
}

/// A layer's answer to an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Consumed,
    Ignored,
}

/// What goes through the router: keys (with the character typed, for
/// prompts) or a command sent directly.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Input {
    Keys(Vec<Key>, Option<char>),
    Command(Command),
}

/// An active search.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    pub query: String,
    pub matches: Vec<Span>,
    pub current: Option<usize>,
}

/// The note for quote keys while an article is still being annotated.
const ANNOTATING: &str = "annotating\u{2026} quotes, speakers and entities come in a moment";

/// How many wrap widths are kept per document.
const WRAP_CACHE: usize = 4;
/// Text wrapped beyond what is on screen whenever the wrap has to grow: a
/// short article is wrapped whole at once.
const WRAP_AHEAD: usize = 64 << 10;
/// Text wrapped by one [`Action::Idle`] (a few milliseconds).
const WRAP_STEP: usize = 1 << 20;
/// How many jump-list entries are kept.
const MAX_JUMPS: usize = 100;
/// Rows of context kept above a jump target.
const JUMP_CONTEXT: usize = 2;
/// Rows one mouse wheel notch scrolls.
const WHEEL_ROWS: usize = 3;

/// View state over one document.
#[derive(Debug, Clone)]
pub struct DocView {
    pub doc: Document,
    pub index: DocIndex,
    /// Saved-state key (hash of the text), made when first asked for: a
    /// long article's first frame does not wait for it.
    key: std::cell::OnceCell<String>,
    /// Wraps by width, most recently used first.
    wraps: Vec<Wrapped>,
    /// First visible row in the current wrap (derived from `anchor`).
    pub top: usize,
    /// Byte offset of the top row: what a resize keeps in view.
    pub anchor: usize,
    /// Selected quote (index into `doc.quotes`).
    pub quote: Option<usize>,
    /// Speaker filter (entity id).
    pub filter: Option<usize>,
    /// Cursor in the entities list (index into `index.entity_order`).
    pub entity_cursor: usize,
    /// Cursor in the pledges list.
    pub pledge_cursor: usize,
    /// The entity whose mentions are highlighted.
    pub entity: Option<usize>,
    /// The mention of `entity` last jumped to.
    pub mention: Option<usize>,
    /// Ticked pledges, by pledge key.
    pub ticks: BTreeSet<String>,
    pub search: Option<Search>,
    /// Anchors to go back to (Ctrl-O).
    pub jumps: Vec<usize>,
    /// Problems to show in the status bar (input, saved state).
    pub warnings: Vec<String>,
    /// The anchor as restored from saved state: nothing to save while the
    /// anchor is still there.
    pub saved_anchor: usize,
    /// True while the text is shown but its annotations are still coming.
    pub pending: bool,
}

impl DocView {
    /// A view at the top of `doc`.
    pub fn new(doc: Document) -> Self {
        let index = DocIndex::new(&doc);
        let warnings = doc.warnings.clone();
        DocView {
            doc,
            index,
            key: std::cell::OnceCell::new(),
            wraps: Vec::new(),
            top: 0,
            anchor: 0,
            quote: None,
            filter: None,
            entity_cursor: 0,
            pledge_cursor: 0,
            entity: None,
            mention: None,
            ticks: BTreeSet::new(),
            search: None,
            jumps: Vec::new(),
            warnings,
            saved_anchor: 0,
            pending: false,
        }
    }

    /// The wrap at `width`, if it has been computed.
    pub fn wrapped(&self, width: usize) -> Option<&Wrapped> {
        self.wraps.iter().find(|w| w.width == width.max(1))
    }

    /// The saved-state key: the hash of the text, made on first use.
    pub fn key(&self) -> &str {
        self.key.get_or_init(|| store::article_key(&self.doc.text))
    }

    /// Makes the wrap at `width` the current one (kept once made; it grows
    /// with [`DocView::wrap_to`]).
    fn ensure_wrap(&mut self, width: usize) {
        let width = width.max(1);
        if let Some(i) = self.wraps.iter().position(|w| w.width == width) {
            let w = self.wraps.remove(i);
            self.wraps.insert(0, w);
        } else {
            self.wraps.insert(0, Wrapped::new(width));
            self.wraps.truncate(WRAP_CACHE);
        }
    }

    /// Grows the current wrap until byte `pos` is wrapped and it has `rows`
    /// rows (or the text is done), wrapping [`WRAP_AHEAD`] more when it grows.
    fn wrap_to(&mut self, pos: usize, rows: usize) {
        let Some(w) = self.wraps.first_mut() else { return };
        if w.complete() || (w.wrapped_bytes() > pos && w.len() >= rows) {
            return;
        }
        w.extend(&self.doc.text, &self.doc.meta, pos.saturating_add(WRAP_AHEAD), rows);
    }

    /// True while the current wrap does not reach the end of the text.
    pub fn wrap_pending(&self) -> bool {
        self.wraps.first().is_some_and(|w| !w.complete())
    }

    /// The current wrap (the most recently ensured one).
    pub fn current_wrap(&self) -> Option<&Wrapped> {
        self.wraps.first()
    }

    /// The direct quotes that `]`/`[` visit: those of the filtered speaker,
    /// in text order (an index lookup, not a scan).
    pub fn quote_list(&self) -> &[usize] {
        self.index.quote_list(self.filter)
    }

    /// `(i, n)` for the status bar's `Quote i/N` (`i` 0 when none selected).
    pub fn quote_position(&self) -> (usize, usize) {
        let i = self.quote.and_then(|q| self.index.quote_pos(self.filter, q)).map_or(0, |p| p + 1);
        (i, self.quote_list().len())
    }

    /// The entity under the entities cursor.
    pub fn cursor_entity(&self) -> Option<usize> {
        self.index.entity_order.get(self.entity_cursor).copied()
    }

    /// Whether pledge `i` is ticked.
    pub fn is_ticked(&self, i: usize) -> bool {
        self.index.pledge_keys.get(i).is_some_and(|k| self.ticks.contains(k))
    }

    /// A name for the entity, made inert.
    pub fn entity_name(&self, id: usize) -> String {
        self.doc.entity(id).map_or_else(|| "?".to_string(), |e| inert(&e.name).into_owned())
    }
}

/// The reader's whole state.
#[derive(Debug, Clone)]
pub struct App {
    pub docs: Vec<DocView>,
    pub current: usize,
    pub focus: Focus,
    pub overlay: Option<Overlay>,
    /// The search prompt's text while it is open.
    pub prompt: Option<String>,
    pub size: (u16, u16),
    pub screen: Screen,
    pub options: Options,
    pub theme: Theme,
    pub mouse: bool,
    /// User override for the sidebars (`t`); `None` = automatic.
    pub sidebars: Option<bool>,
    /// A one-shot note for the status bar, cleared by the next key.
    pub message: Option<String>,
    pub effects: Vec<Effect>,
    pub quit: bool,
    /// The article list, when a folder was opened (`docs[i]` is row `i`).
    pub library: Option<Library>,
    /// The keymap in effect (built-in, preset, user's file).
    pub keymap: Keymap,
    /// The keys typed so far of a longer binding (`g` of `gg`).
    pub pending: Vec<Key>,
    /// The problem with the config file, shown in the status bar.
    pub config_warning: Option<String>,
}

impl App {
    /// A reader over `docs` (an empty list gets one empty document).
    pub fn new(docs: Vec<Document>, options: Options, theme: Theme) -> Self {
        let mut docs: Vec<DocView> = docs.into_iter().map(DocView::new).collect();
        if docs.is_empty() {
            docs.push(DocView::new(Document::empty(String::new())));
        }
        let mut app = App {
            docs,
            current: 0,
            focus: Focus::Article,
            overlay: None,
            prompt: None,
            size: (0, 0),
            screen: Screen::default(),
            options,
            theme,
            mouse: options.mouse,
            sidebars: if options.sidebars { None } else { Some(false) },
            message: None,
            effects: Vec::new(),
            quit: false,
            library: None,
            keymap: Keymap::default(),
            pending: Vec::new(),
            config_warning: None,
        };
        app.relayout();
        app
    }

    /// A reader over a folder's articles: the article list first, each
    /// article annotating until its [`Action::Loaded`] arrives.
    pub fn with_library(paths: &[String], options: Options, theme: Theme) -> Self {
        let docs = paths.iter().map(|_| Document::empty(String::new())).collect();
        let mut app = App::new(docs, options, theme);
        app.library = Some(Library::new(paths));
        app
    }

    /// Takes the keymap and the warning of a config file (its options and
    /// theme are given to [`App::new`]).
    pub fn with_config(mut self, config: &Config) -> Self {
        self.keymap = config.keymap.clone();
        self.config_warning.clone_from(&config.warning);
        self
    }

    /// True while the article list is on screen.
    pub fn list_showing(&self) -> bool {
        self.library.as_ref().is_some_and(|l| l.showing)
    }

    /// Rows of the article list on screen (see [`super::library::list_rows`]).
    pub fn list_height(&self) -> usize {
        usize::from(super::library::list_rows(Rect::new(0, 0, self.size.0, self.size.1)).height)
    }

    /// The current document's view.
    pub fn view(&self) -> &DocView {
        &self.docs[self.current]
    }

    fn view_mut(&mut self) -> &mut DocView {
        &mut self.docs[self.current]
    }

    /// Takes the queued effects.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Rows of article text on screen.
    pub fn text_height(&self) -> usize {
        usize::from(self.screen.text.height)
    }

    /// Applies one action. The only place state changes.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Key(ev) => {
                if ev.kind != KeyEventKind::Release {
                    self.message = None;
                    self.key(ev);
                }
            }
            Action::Mouse(ev) => self.mouse_event(ev),
            Action::Resize(w, h) => self.size = (w, h),
            Action::Command(c) => {
                self.message = None;
                self.pending.clear();
                self.route(&Input::Command(c));
            }
            Action::Restored { doc, state, warning } => {
                if let Some(v) = self.docs.get_mut(doc) {
                    v.ticks = state.ticks;
                    v.anchor = floor_boundary(&v.doc.text, state.position);
                    v.saved_anchor = v.anchor;
                    v.warnings.extend(warning);
                }
            }
            Action::Synced { doc, ticks, warning } => {
                if let Some(v) = self.docs.get_mut(doc) {
                    v.ticks = ticks;
                    v.warnings.extend(warning);
                }
            }
            Action::StateProblem { doc, message } => {
                if let Some(v) = self.docs.get_mut(doc) {
                    let m = format!("saved state: {message}");
                    if !v.warnings.contains(&m) {
                        v.warnings.push(m);
                    }
                }
            }
            Action::Loaded { doc, document } => self.loaded(doc, Ok(*document)),
            Action::LoadFailed { doc, message } => self.loaded(doc, Err(message)),
            Action::Idle => self.idle_work(),
        }
        self.relayout();
    }

    /// True while [`Action::Idle`] has work: the article on screen is not
    /// wrapped to its end yet.
    pub fn wants_idle(&self) -> bool {
        !self.list_showing() && self.view().wrap_pending()
    }

    /// Wraps [`WRAP_STEP`] more bytes of the article on screen (rows only
    /// grow at the end, so what is on screen does not move).
    fn idle_work(&mut self) {
        if self.list_showing() {
            return;
        }
        let v = self.view_mut();
        if let Some(w) = v.wraps.first() {
            let pos = w.wrapped_bytes().saturating_add(WRAP_STEP);
            v.wrap_to(pos.saturating_sub(WRAP_AHEAD), 0);
        }
    }

    // ----- the article list -------------------------------------------------

    /// Article `i` arrived from the loader: a row of the article list, or
    /// the annotations of an article already shown as plain text (the view
    /// keeps its place, ticks and search).
    fn loaded(&mut self, i: usize, result: Result<Document, String>) {
        let Some(lib) = &mut self.library else {
            let (Some(old), Ok(doc)) = (self.docs.get_mut(i), result) else { return };
            if !old.pending || doc.text != old.doc.text {
                return;
            }
            let old = std::mem::replace(old, DocView::new(doc));
            let v = &mut self.docs[i];
            // The same text: the same key (the headline may differ, so the
            // wrap is made again, from the top, as it is needed).
            v.key = old.key;
            v.anchor = old.anchor;
            v.saved_anchor = old.saved_anchor;
            v.ticks = old.ticks;
            v.search = old.search;
            v.jumps = old.jumps;
            for w in old.warnings {
                if !v.warnings.contains(&w) {
                    v.warnings.push(w);
                }
            }
            return;
        };
        let Some(entry) = lib.entries.get_mut(i) else { return };
        if entry.state == EntryState::Annotating {
            lib.done += 1;
        }
        match result {
            Ok(doc) => {
                entry.state = EntryState::Ready(Summary::of(&doc, &entry.name));
                lib.speakers[i] = Some(ArticleSpeakers::of(&doc));
                self.docs[i] = DocView::new(doc);
            }
            Err(m) => entry.state = EntryState::Failed(inert(&m).into_owned()),
        }
        // The folder's speakers, while someone looks at them: counts grow
        // (rejoined every fiftieth of the folder, and at the end).
        let picking = matches!(self.overlay, Some(Overlay::Picker { .. })) && lib.showing;
        let step = (lib.entries.len() / 50).max(1);
        if (picking || lib.across.is_some()) && (lib.done % step == 0 || !lib.loading()) {
            lib.refresh_index();
        }
        if lib.pending_open == Some(i) {
            lib.pending_open = None;
            if lib.showing {
                self.open_entry(i);
            }
        }
    }

    /// Opens row `i` of the list: the reader when it is annotated, a note otherwise.
    fn open_entry(&mut self, i: usize) {
        let Some(lib) = &mut self.library else { return };
        let Some(entry) = lib.entries.get(i) else { return };
        match &entry.state {
            EntryState::Ready(_) => {
                lib.showing = false;
                lib.cursor = i;
                self.current = i;
                self.focus = Focus::Article;
                let n = lib.entries.len();
                let list = self.keymap.key_for(Context::Global, Command::ArticleList);
                self.message = Some(format!("article {}/{n}: {}; {list} lists the articles", i + 1, entry.path));
            }
            EntryState::Annotating => {
                self.message = Some(format!("{}: annotating\u{2026} it opens when ready", entry.name));
                lib.pending_open = Some(i);
            }
            EntryState::Failed(m) => self.message = Some(format!("{}: {m}", entry.name)),
        }
    }

    /// Keys while the article list (or a speaker's quotes) is on screen.
    fn list_screen_command(&mut self, c: Command) -> Outcome {
        let page = self.list_height().saturating_sub(1).max(1);
        let Some(lib) = &mut self.library else { return Outcome::Ignored };
        let last = lib.row_count().saturating_sub(1);
        let cur = lib.row_cursor();
        let to = match c {
            Command::LineDown => (cur + 1).min(last),
            Command::LineUp => cur.saturating_sub(1),
            Command::PageDown | Command::HalfDown => (cur + page).min(last),
            Command::PageUp | Command::HalfUp => cur.saturating_sub(page),
            Command::Top => 0,
            Command::Bottom => last,
            Command::Activate if lib.across.is_some() => {
                let at = lib.across.as_ref().and_then(|a| a.quotes.get(cur).copied());
                if let Some(at) = at {
                    self.open_at(at);
                }
                return Outcome::Consumed;
            }
            Command::Activate => {
                self.open_entry(cur);
                return Outcome::Consumed;
            }
            Command::SpeakerPicker => {
                self.folder_picker();
                return Outcome::Consumed;
            }
            Command::ClearFilter | Command::Close if lib.across.is_some() && lib.pending_open.is_none() => {
                lib.across = None;
                self.message = Some("all articles".into());
                return Outcome::Consumed;
            }
            Command::ClearFilter => {
                self.message = Some("no speaker chosen: the list shows every article".into());
                return Outcome::Consumed;
            }
            Command::Close => {
                lib.pending_open = None;
                cur
            }
            Command::Help => {
                self.overlay = Some(Overlay::Help { scroll: 0 });
                cur
            }
            Command::Quit => {
                self.quit = true;
                cur
            }
            _ => return Outcome::Ignored,
        };
        lib.set_row_cursor(to);
        Outcome::Consumed
    }

    /// Opens the speaker picker over the whole folder (`s` in the list):
    /// it works while articles are still annotating, and its counts grow.
    fn folder_picker(&mut self) {
        let Some(lib) = &mut self.library else { return };
        lib.refresh_index();
        if !lib.loading() && lib.speaker_matches("").is_empty() {
            self.message = Some("no attributed quotes in these articles".into());
            return;
        }
        self.overlay = Some(Overlay::Picker { query: String::new(), cursor: 0 });
    }

    /// Opens the article of `at` at that quote, with its speaker as the filter.
    fn open_at(&mut self, at: At) {
        let Some(lib) = &mut self.library else { return };
        if !lib.entries.get(at.article).is_some_and(|e| e.is_ready()) {
            return;
        }
        lib.showing = false;
        lib.cursor = at.article;
        if let Some(a) = &mut lib.across {
            a.cursor = a.row_of(at.article, at.quote).unwrap_or(a.cursor);
        }
        let (row, n, name) =
            lib.across.as_ref().map_or((0, 0, String::new()), |a| (a.cursor + 1, a.quotes.len(), a.name.clone()));
        self.current = at.article;
        self.focus = Focus::Article;
        self.prompt = None;
        let v = self.view_mut();
        v.filter = Some(at.entity);
        v.quote = Some(at.quote);
        let outer = v.doc.quotes.get(at.quote).map(|q| q.outer);
        self.relayout();
        if let Some(outer) = outer {
            self.jump_to(outer);
        }
        let next = self.keymap.key_for(Context::Global, Command::NextQuote);
        let list = self.keymap.key_for(Context::Global, Command::ArticleList);
        self.message = Some(format!("{name}: quote {row}/{n} across the folder; {next} goes on, {list} lists them"));
    }

    /// `]` past the last quote (or `[` before the first) of the folder's
    /// chosen speaker in this article: on to their next (previous) quote in
    /// the folder. False when there is none, or no speaker chosen.
    fn cross(&mut self, forward: bool) -> bool {
        let cur = self.current;
        let (filter, quote) = (self.view().filter, self.view().quote);
        let Some(a) = self.library.as_ref().and_then(|l| l.across.as_ref()) else { return false };
        let Some(row) = quote.and_then(|q| a.row_of(cur, q)).filter(|&r| Some(a.quotes[r].entity) == filter) else {
            return false;
        };
        // The next quote of theirs outside this filter: another article, or
        // another name of theirs in this one ("Halvorsen" beside "Renée Halvorsen").
        let elsewhere = |at: &&At| at.article != cur || Some(at.entity) != filter;
        let next = if forward {
            a.quotes[row + 1..].iter().find(elsewhere)
        } else {
            a.quotes[..row].iter().rev().find(elsewhere)
        };
        match next.copied() {
            Some(at) => {
                self.open_at(at);
                true
            }
            None => false,
        }
    }

    /// Back to the article list (from the reader).
    fn show_list(&mut self) {
        let current = self.current;
        match &mut self.library {
            Some(lib) => {
                lib.showing = true;
                lib.cursor = current;
                lib.pending_open = None;
                self.prompt = None;
                let quote = self.docs[current].quote;
                if let (Some(a), Some(q)) = (&mut lib.across, quote) {
                    a.cursor = a.row_of(current, q).unwrap_or(a.cursor);
                }
            }
            None => self.message = Some("no article list: byline FOLDER opens one".into()),
        }
    }

    /// Recomputes the panes for the stored size, makes sure the article is
    /// wrapped at the pane width, and clamps the scroll position.
    fn relayout(&mut self) {
        let area = Rect::new(0, 0, self.size.0, self.size.1);
        self.screen = Screen::compute(area, self.sidebars, self.focus, self.options.width_cap);
        let width = usize::from(self.screen.text.width);
        let height = self.text_height();
        if self.list_showing() {
            return;
        }
        let v = &mut self.docs[self.current];
        if width == 0 || height == 0 {
            // Nothing of the article is on screen (too small, or before the
            // first resize): keep the wrap we have rather than wrap for nothing.
            return;
        }
        v.ensure_wrap(width);
        // Only what is on screen has to be wrapped (the rest comes with `Idle`).
        v.wrap_to(v.anchor, 0);
        let top = v.current_wrap().map_or(0, |w| w.row_of(v.anchor));
        v.wrap_to(0, top.saturating_add(height + 1));
        let rows = v.current_wrap().map_or(0, Wrapped::len);
        v.top = top.min(max_top(rows, height));
    }

    // ----- keys: the one input router ---------------------------------------

    /// The layers an input passes through, topmost first: the overlay (help,
    /// picker) or the article list, the search prompt, the focused pane,
    /// then the global keys.
    pub fn layers(&self) -> Vec<Layer> {
        match self.overlay {
            Some(Overlay::Help { .. }) => return vec![Layer::Help],
            Some(Overlay::Picker { .. }) => return vec![Layer::Picker],
            None => {}
        }
        if self.list_showing() {
            return vec![Layer::Folder];
        }
        if self.prompt.is_some() {
            return vec![Layer::Prompt];
        }
        match self.focus {
            Focus::Pledges => vec![Layer::Pledges, Layer::List, Layer::Global],
            Focus::Entities => vec![Layer::List, Layer::Global],
            Focus::Article => vec![Layer::Global],
        }
    }

    /// A key press: Ctrl-C always quits; a key after the start of a longer
    /// binding (`g` of `gg`) is tried with it first, then alone.
    fn key(&mut self, ev: KeyEvent) {
        let key = Key::from_event(&ev);
        if key == (Key { code: KeyCode::Char('c'), mods: KeyModifiers::CONTROL }) {
            self.quit = true;
            return;
        }
        let typed = match ev.code {
            KeyCode::Char(c) if !ev.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) => Some(c),
            _ => None,
        };
        let mut seq = std::mem::take(&mut self.pending);
        if !seq.is_empty() {
            seq.push(key);
            if self.route(&Input::Keys(seq, None)) == Outcome::Consumed {
                return;
            }
        }
        self.route(&Input::Keys(vec![key], typed));
    }

    /// The one routing path: `input` goes down the layers until one consumes it.
    fn route(&mut self, input: &Input) -> Outcome {
        for layer in self.layers() {
            if self.handle(layer, input) == Outcome::Consumed {
                return Outcome::Consumed;
            }
        }
        Outcome::Ignored
    }

    /// One layer's answer: its binding for the keys (one keymap, looked up in
    /// the layer's context), typing in a prompt, or nothing. Modal layers
    /// keep the single keys they do not use.
    fn handle(&mut self, layer: Layer, input: &Input) -> Outcome {
        let command = match input {
            Input::Command(c) => Some(*c),
            Input::Keys(seq, _) => match self.keymap.lookup(layer.context(), seq) {
                Match::Exact(c) => Some(c),
                Match::Prefix => {
                    self.pending.clone_from(seq);
                    return Outcome::Consumed;
                }
                Match::None => None,
            },
        };
        if let Some(c) = command {
            if self.run(layer, c) == Outcome::Consumed {
                return Outcome::Consumed;
            }
        }
        match input {
            Input::Keys(_, Some(ch)) if self.type_char(layer, *ch) => Outcome::Consumed,
            Input::Keys(seq, _) if seq.len() > 1 => Outcome::Ignored,
            _ if layer.modal() => Outcome::Consumed,
            _ => Outcome::Ignored,
        }
    }

    /// Carries out `c` in `layer`.
    fn run(&mut self, layer: Layer, c: Command) -> Outcome {
        match layer {
            Layer::Help => self.help_command(c),
            Layer::Picker => self.picker_command(c),
            Layer::Folder => self.list_screen_command(c),
            Layer::Prompt => self.prompt_command(c),
            Layer::Pledges | Layer::List => self.list_command(c),
            Layer::Global => {
                self.global_command(c);
                Outcome::Consumed
            }
        }
    }

    /// A typed character in the picker or the search prompt.
    fn type_char(&mut self, layer: Layer, ch: char) -> bool {
        match (layer, &mut self.overlay, &mut self.prompt) {
            (Layer::Picker, Some(Overlay::Picker { query, cursor }), _) => {
                query.push(ch);
                *cursor = 0;
                true
            }
            (Layer::Prompt, _, Some(q)) => {
                q.push(ch);
                true
            }
            _ => false,
        }
    }

    fn help_command(&mut self, c: Command) -> Outcome {
        let Some(Overlay::Help { scroll }) = self.overlay else { return Outcome::Ignored };
        match c {
            Command::LineDown => {
                let max = self.keymap.help_lines().len().saturating_sub(1);
                self.overlay = Some(Overlay::Help { scroll: (scroll + 1).min(max) });
            }
            Command::LineUp => self.overlay = Some(Overlay::Help { scroll: scroll.saturating_sub(1) }),
            Command::Close | Command::Help | Command::Quit => self.overlay = None,
            _ => return Outcome::Ignored,
        }
        Outcome::Consumed
    }

    fn picker_command(&mut self, c: Command) -> Outcome {
        let Some(Overlay::Picker { mut query, cursor }) = self.overlay.clone() else { return Outcome::Ignored };
        let n = self.picker_len(&query);
        match c {
            Command::LineDown => {
                self.overlay = Some(Overlay::Picker { query, cursor: (cursor + 1).min(n.saturating_sub(1)) })
            }
            Command::LineUp => self.overlay = Some(Overlay::Picker { query, cursor: cursor.saturating_sub(1) }),
            Command::DeleteChar => {
                query.pop();
                self.overlay = Some(Overlay::Picker { query, cursor: 0 });
            }
            Command::Close => self.overlay = None,
            Command::Accept if self.list_showing() => {
                let Some(lib) = &mut self.library else { return Outcome::Ignored };
                if let Some(&s) = lib.speaker_matches(&query).get(cursor) {
                    self.overlay = None;
                    lib.choose(s);
                    let a = lib.across.as_ref().expect("chosen");
                    let q = if a.quotes.len() == 1 { "quote" } else { "quotes" };
                    let clear = self.keymap.key_for(Context::Articles, Command::ClearFilter);
                    let msg = format!(
                        "{}: {} {q} in {} articles; {clear} lists all articles",
                        a.name,
                        a.quotes.len(),
                        a.articles
                    );
                    self.message = Some(msg);
                } else {
                    let esc = self.keymap.key_for(Context::Picker, Command::Close);
                    self.message = Some(format!("no speaker matches; {esc} cancels"));
                }
            }
            Command::Accept => {
                if let Some(&id) = self.picker_matches(&query).get(cursor) {
                    self.overlay = None;
                    self.set_filter(Some(id));
                } else {
                    let esc = self.keymap.key_for(Context::Picker, Command::Close);
                    self.message = Some(format!("no speaker matches; {esc} cancels"));
                }
            }
            _ => return Outcome::Ignored,
        }
        Outcome::Consumed
    }

    /// How many speakers the picker lists for `query`: the folder's on the
    /// article list, else the article's.
    fn picker_len(&self, query: &str) -> usize {
        match self.library.as_ref().filter(|l| l.showing) {
            Some(lib) => lib.speaker_matches(query).len(),
            None => self.picker_matches(query).len(),
        }
    }

    /// The speakers the picker lists for `query`: case-insensitive substring
    /// of the name, most quoted first.
    pub fn picker_matches(&self, query: &str) -> Vec<usize> {
        let v = self.view();
        let q = query.to_lowercase();
        let mut ids: Vec<usize> = v
            .index
            .speakers
            .iter()
            .copied()
            .filter(|&id| v.doc.entity(id).is_some_and(|e| e.name.to_lowercase().contains(&q)))
            .collect();
        ids.sort_by_key(|&id| std::cmp::Reverse(v.index.quote_count.get(id).copied().unwrap_or(0)));
        ids
    }

    fn prompt_command(&mut self, c: Command) -> Outcome {
        match c {
            Command::DeleteChar => {
                if let Some(q) = &mut self.prompt {
                    q.pop();
                }
            }
            Command::Close => self.prompt = None,
            Command::Accept => {
                let query = self.prompt.take().unwrap_or_default();
                let query = if query.is_empty() {
                    match &self.view().search {
                        Some(s) => s.query.clone(),
                        None => return Outcome::Consumed,
                    }
                } else {
                    query
                };
                self.start_search(query);
            }
            _ => return Outcome::Ignored,
        }
        Outcome::Consumed
    }

    fn start_search(&mut self, query: String) {
        let matches = search::find_all(&self.view().doc.text, &query);
        let anchor = self.view().anchor;
        let first = matches.iter().position(|m| m.start >= anchor).or(if matches.is_empty() { None } else { Some(0) });
        let shown = inert(&query).into_owned();
        if matches.is_empty() {
            self.message = Some(format!("no match for {shown}"));
        }
        self.view_mut().search = Some(Search { query, matches, current: None });
        if let Some(i) = first {
            self.goto_match(i);
        }
    }

    fn goto_match(&mut self, i: usize) {
        let Some(span) = self.view().search.as_ref().and_then(|s| s.matches.get(i).copied()) else { return };
        if let Some(s) = &mut self.view_mut().search {
            s.current = Some(i);
        }
        self.jump_to(span);
    }

    fn step_match(&mut self, forward: bool) {
        let Some(s) = &self.view().search else {
            let key = self.keymap.key_for(Context::Global, Command::Search);
            self.message = Some(format!("no search yet: {key} searches"));
            return;
        };
        let n = s.matches.len();
        if n == 0 {
            self.message = Some(format!("no match for {}", inert(&s.query)));
            return;
        }
        let next = match (s.current, forward) {
            (None, true) => 0,
            (None, false) => n - 1,
            (Some(i), true) if i + 1 < n => i + 1,
            (Some(_), true) => {
                self.message = Some("search wrapped to the top".into());
                0
            }
            (Some(i), false) if i > 0 => i - 1,
            (Some(_), false) => {
                self.message = Some("search wrapped to the bottom".into());
                n - 1
            }
        };
        self.goto_match(next);
    }

    /// Keys of a focused list; ignored ones go on to the global keys.
    fn list_command(&mut self, c: Command) -> Outcome {
        let len = match self.focus {
            Focus::Entities => self.view().index.entity_order.len(),
            Focus::Pledges => self.view().doc.pledges.len(),
            Focus::Article => return Outcome::Ignored,
        };
        let cur = match self.focus {
            Focus::Entities => self.view().entity_cursor,
            _ => self.view().pledge_cursor,
        };
        let last = len.saturating_sub(1);
        let to = match c {
            Command::LineDown => (cur + 1).min(last),
            Command::LineUp => cur.saturating_sub(1),
            Command::Top => 0,
            Command::Bottom => last,
            Command::Activate => {
                self.activate();
                return Outcome::Consumed;
            }
            Command::Tick if self.focus == Focus::Pledges => {
                self.tick();
                return Outcome::Consumed;
            }
            _ => return Outcome::Ignored,
        };
        self.set_list_cursor(to);
        Outcome::Consumed
    }

    fn set_list_cursor(&mut self, to: usize) {
        let focus = self.focus;
        let v = self.view_mut();
        match focus {
            Focus::Entities => {
                if v.entity_cursor != to || v.entity.is_none() {
                    v.entity_cursor = to;
                    v.entity = v.cursor_entity();
                    v.mention = None;
                }
            }
            Focus::Pledges => v.pledge_cursor = to,
            Focus::Article => {}
        }
    }

    fn activate(&mut self) {
        match self.focus {
            Focus::Entities => {
                let Some(id) = self.view().cursor_entity() else { return };
                if self.view().index.speakers.contains(&id) && self.view().filter != Some(id) {
                    self.set_filter(Some(id));
                }
                let v = self.view_mut();
                if v.entity != Some(id) {
                    v.entity = Some(id);
                    v.mention = None;
                }
                self.next_mention();
            }
            Focus::Pledges => {
                let v = self.view();
                let Some(p) = v.doc.pledges.get(v.pledge_cursor) else { return };
                let span = p.span();
                self.jump_to(span);
            }
            Focus::Article => {}
        }
    }

    /// Jumps to the highlighted entity's next mention (cycling).
    fn next_mention(&mut self) {
        let v = self.view();
        let Some(e) = v.entity.and_then(|id| v.doc.entity(id)) else { return };
        let n = e.mentions.len();
        if n == 0 {
            self.message = Some(format!("{}: no mentions", v.entity_name(e.id)));
            return;
        }
        let pos = v.mention.map_or(0, |m| (v.index.mention_rank(e.id, m) + 1) % n);
        let m = v.index.mention_in_order(e.id, pos);
        let span = e.mentions[m].span();
        let msg = format!("{}: mention {}/{}", v.entity_name(e.id), pos + 1, n);
        self.view_mut().mention = Some(m);
        self.jump_to(span);
        self.message = Some(msg);
    }

    fn set_filter(&mut self, filter: Option<usize>) {
        let clear = self.keymap.key_for(Context::Global, Command::ClearFilter);
        let v = self.view_mut();
        v.filter = filter;
        if let (Some(f), Some(q)) = (filter, v.quote) {
            if !v.doc.quotes.get(q).is_some_and(|q| q.speakers().any(|s| s == f)) {
                v.quote = None;
            }
        }
        let msg = match filter {
            Some(id) => {
                format!("speaker filter: {} ({} quotes); {clear} clears it", v.entity_name(id), v.quote_list().len())
            }
            None => "speaker filter cleared".into(),
        };
        self.message = Some(msg);
    }

    fn tick(&mut self) {
        let doc = self.current;
        let v = self.view_mut();
        let i = v.pledge_cursor;
        let Some(pledge) = v.index.pledge_keys.get(i).cloned() else {
            self.message = Some("no pledge to tick".into());
            return;
        };
        let ticked = !v.ticks.contains(&pledge);
        if ticked {
            v.ticks.insert(pledge.clone());
        } else {
            v.ticks.remove(&pledge);
        }
        let key = v.key().to_string();
        self.effects.push(Effect::SaveTick { doc, key, pledge, ticked });
    }

    fn global_command(&mut self, c: Command) {
        let h = self.text_height();
        match c {
            Command::LineDown => self.scroll_by(1),
            Command::LineUp => self.scroll_by(-1),
            Command::PageDown => self.scroll_by(page(h) as isize),
            Command::PageUp => self.scroll_by(-(page(h) as isize)),
            Command::HalfDown => self.scroll_by((h / 2).max(1) as isize),
            Command::HalfUp => self.scroll_by(-((h / 2).max(1) as isize)),
            Command::Top => {
                self.push_jump();
                self.scroll_to_row(0);
            }
            Command::Bottom => {
                self.push_jump();
                self.scroll_to_row(usize::MAX);
            }
            Command::NextQuote => self.step_quote(true),
            Command::PrevQuote => self.step_quote(false),
            Command::SpeakerPicker => {
                if self.view().pending {
                    self.message = Some(ANNOTATING.into());
                } else if self.view().index.speakers.is_empty() {
                    self.message = Some("no attributed quotes in this article".into());
                } else {
                    self.overlay = Some(Overlay::Picker { query: String::new(), cursor: 0 });
                }
            }
            Command::ClearFilter => {
                self.set_filter(None);
                if let Some(lib) = &mut self.library {
                    lib.across = None;
                }
            }
            Command::FocusNext => self.set_focus(self.focus.next()),
            Command::FocusPrev => self.set_focus(self.focus.prev()),
            Command::Activate => {}
            Command::Tick => self.tick(),
            Command::Search => self.prompt = Some(String::new()),
            Command::NextMatch => self.step_match(true),
            Command::PrevMatch => self.step_match(false),
            Command::JumpBack => match self.view_mut().jumps.pop() {
                Some(a) => {
                    self.view_mut().anchor = a;
                    self.message = Some("back".into());
                }
                None => self.message = Some("no earlier jump".into()),
            },
            Command::Copy => self.copy_quote(),
            Command::ToggleMouse => {
                self.mouse = !self.mouse;
                self.effects.push(Effect::SetMouse(self.mouse));
                let key = self.keymap.key_for(Context::Global, Command::ToggleMouse);
                self.message = Some(if self.mouse {
                    "mouse capture on".into()
                } else {
                    format!("mouse capture off: the terminal's own selection works; {key} turns it back on")
                });
            }
            Command::ToggleSidebars => {
                let both = self.screen.entities.is_some() && self.screen.pledges.is_some();
                self.sidebars = Some(!both);
                if both {
                    self.focus = Focus::Article;
                }
            }
            Command::ArticleList => self.show_list(),
            Command::NextDoc | Command::PrevDoc => {
                let n = self.docs.len();
                // With an article list, the articles still annotating are skipped.
                let ready = |i: usize| self.library.as_ref().is_none_or(|l| l.entries[i].is_ready());
                let step = |i: usize| if c == Command::NextDoc { (i + 1) % n } else { (i + n - 1) % n };
                let mut next = step(self.current);
                while next != self.current && !ready(next) {
                    next = step(next);
                }
                if n < 2 || next == self.current {
                    self.message = Some("only one article is open".into());
                } else {
                    self.current = next;
                    if let Some(lib) = &mut self.library {
                        lib.cursor = next;
                    }
                    let v = self.view();
                    let name = v
                        .doc
                        .source
                        .as_deref()
                        .map(|s| inert(s).into_owned())
                        .unwrap_or_else(|| "standard input".into());
                    self.message = Some(format!("article {}/{}: {name}", self.current + 1, n));
                }
            }
            Command::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Command::Close => {
                // Esc peels one layer: the search highlight, then the entity's.
                let in_list = self.library.is_some();
                let v = self.view_mut();
                if v.search.take().is_none() {
                    if v.entity.is_none() && in_list {
                        self.show_list();
                        return;
                    }
                    v.entity = None;
                    v.mention = None;
                }
            }
            Command::Quit => self.quit = true,
            Command::DeleteChar | Command::Accept => {}
        }
    }

    fn set_focus(&mut self, f: Focus) {
        self.focus = f;
        if f == Focus::Entities {
            let v = self.view_mut();
            if v.entity.is_none() {
                v.entity = v.cursor_entity();
            }
        }
    }

    fn step_quote(&mut self, forward: bool) {
        if self.view().pending {
            self.message = Some(ANNOTATING.into());
            return;
        }
        let v = self.view();
        let list = v.quote_list();
        if list.is_empty() {
            self.message = Some(match v.filter {
                Some(id) => format!("no quotes by {}", v.entity_name(id)),
                None => "no direct quotes in this article".into(),
            });
            return;
        }
        let start = |q: usize| v.doc.quotes[q].start;
        let pos = v.quote.and_then(|q| v.index.quote_pos(v.filter, q));
        // The list is in text order: the first quote at or after the anchor.
        let after = list.partition_point(|&q| start(q) < v.anchor);
        let target = match (pos, forward) {
            (Some(p), true) if p + 1 < list.len() => p + 1,
            (Some(_), true) => {
                if !self.cross(true) {
                    self.message = Some("last quote".into());
                }
                return;
            }
            (Some(p), false) if p > 0 => p - 1,
            (Some(_), false) => {
                if !self.cross(false) {
                    self.message = Some("first quote".into());
                }
                return;
            }
            (None, true) => after % list.len(),
            (None, false) => after.saturating_sub(1),
        };
        let q = list[target];
        let outer = v.doc.quotes[q].outer;
        self.view_mut().quote = Some(q);
        self.jump_to(outer);
        let cur = self.current;
        if let Some(a) = self.library.as_mut().and_then(|l| l.across.as_mut()) {
            a.cursor = a.row_of(cur, q).unwrap_or(a.cursor);
        }
    }

    /// Selects the quote (by index) without scrolling (a click).
    pub fn select_quote(&mut self, q: usize) {
        let v = self.view_mut();
        if q < v.doc.quotes.len() {
            v.quote = Some(q);
        }
    }

    /// Copies the selected quote with its speaker and its source: the
    /// article's title and its file or URL.
    fn copy_quote(&mut self) {
        let v = self.view();
        let Some(q) = v.quote.and_then(|q| v.doc.quotes.get(q)) else {
            let key = self.keymap.key_for(Context::Global, Command::NextQuote);
            self.message = Some(format!("no quote selected: {key} selects one"));
            return;
        };
        let text = inert(&quote_citation(&v.doc, q)).into_owned();
        self.effects.push(Effect::Copy(text));
        self.message = Some("copied the quote, its speaker and its source (OSC 52)".into());
    }

    // ----- scrolling and jumps ---------------------------------------------

    fn rows(&self) -> usize {
        self.view().current_wrap().map_or(0, Wrapped::len)
    }

    fn scroll_by(&mut self, delta: isize) {
        let top = self.view().top;
        let to = if delta < 0 { top.saturating_sub(delta.unsigned_abs()) } else { top.saturating_add(delta as usize) };
        self.scroll_to_row(to);
    }

    /// Scrolls so `row` is on top (clamped); the anchor follows.
    fn scroll_to_row(&mut self, row: usize) {
        let h = self.text_height();
        self.view_mut().wrap_to(0, row.saturating_add(h + 1));
        let rows = self.rows();
        let row = row.min(max_top(rows, h));
        let v = self.view_mut();
        if let Some(r) = v.current_wrap().and_then(|w| w.rows.get(row)) {
            v.anchor = r.start();
            v.top = row;
        }
    }

    fn push_jump(&mut self) {
        let v = self.view_mut();
        let a = v.anchor;
        if v.jumps.last() != Some(&a) {
            v.jumps.push(a);
            if v.jumps.len() > MAX_JUMPS {
                v.jumps.remove(0);
            }
        }
    }

    /// Remembers where we are, then scrolls so `span` is visible (not moving
    /// when it already is).
    fn jump_to(&mut self, span: Span) {
        self.push_jump();
        let h = self.text_height();
        self.view_mut().wrap_to(span.end, 0);
        let v = self.view();
        let Some(w) = v.current_wrap() else { return };
        let first = w.row_of(span.start);
        let last = w.row_of(span.end.saturating_sub(1).max(span.start));
        let visible = first >= v.top && last < v.top + h;
        if !visible {
            self.scroll_to_row(first.saturating_sub(JUMP_CONTEXT.min(h / 4)));
        }
    }

    // ----- mouse ------------------------------------------------------------

    fn mouse_event(&mut self, ev: MouseEvent) {
        if !self.mouse || self.overlay.is_some() || self.prompt.is_some() {
            return;
        }
        if self.list_showing() {
            self.list_mouse(ev);
            return;
        }
        let pos = Position::new(ev.column, ev.row);
        let s = self.screen;
        let pane = if s.article.contains(pos) {
            Focus::Article
        } else if s.entities.is_some_and(|r| r.contains(pos)) {
            Focus::Entities
        } else if s.pledges.is_some_and(|r| r.contains(pos)) {
            Focus::Pledges
        } else {
            return;
        };
        match ev.kind {
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp => {
                let down = ev.kind == MouseEventKind::ScrollDown;
                if pane == Focus::Article {
                    self.scroll_by(if down { WHEEL_ROWS as isize } else { -(WHEEL_ROWS as isize) });
                } else {
                    let saved = self.focus;
                    self.focus = pane;
                    let _ = self.list_command(if down { Command::LineDown } else { Command::LineUp });
                    self.focus = saved;
                }
            }
            MouseEventKind::Down(MouseButton::Left) => {
                self.message = None;
                match pane {
                    Focus::Article => self.click_article(pos),
                    Focus::Entities | Focus::Pledges => self.click_list(pane, pos),
                }
            }
            _ => {}
        }
    }

    /// The wheel moves the list's selection; a click selects a row, a click
    /// on the selected row opens it.
    fn list_mouse(&mut self, ev: MouseEvent) {
        let rows = super::library::list_rows(Rect::new(0, 0, self.size.0, self.size.1));
        match ev.kind {
            MouseEventKind::ScrollDown => (0..WHEEL_ROWS).for_each(|_| {
                self.list_screen_command(Command::LineDown);
            }),
            MouseEventKind::ScrollUp => (0..WHEEL_ROWS).for_each(|_| {
                self.list_screen_command(Command::LineUp);
            }),
            MouseEventKind::Down(MouseButton::Left) if rows.contains(Position::new(ev.column, ev.row)) => {
                let Some(lib) = &mut self.library else { return };
                let off = list_offset(lib.row_cursor(), lib.row_count(), usize::from(rows.height));
                let i = off + usize::from(ev.row - rows.y);
                if i < lib.row_count() {
                    self.message = None;
                    if i == lib.row_cursor() {
                        self.list_screen_command(Command::Activate);
                    } else {
                        lib.set_row_cursor(i);
                    }
                }
            }
            _ => {}
        }
    }

    fn click_article(&mut self, pos: Position) {
        self.focus = Focus::Article;
        let t = self.screen.text;
        if !t.contains(pos) {
            return;
        }
        let v = self.view();
        let Some(w) = v.current_wrap() else { return };
        let Some(row) = w.rows.get(v.top + usize::from(pos.y - t.y)) else { return };
        let col = usize::from(pos.x - t.x);
        let Some(byte) = byte_at_column(&v.doc.text, row.start(), row.end(), col) else { return };
        let quote = v.index.quotes.at(byte).into_iter().map(|(_, q)| q).next_back();
        // The innermost mention: "Lisbon" in "University of Lisbon" is the place.
        let mention = v.index.mentions.at(byte).into_iter().rev().min_by_key(|(s, _)| s.len()).map(|(_, m)| m.entity);
        if let Some(q) = quote {
            self.select_quote(q);
        }
        if let Some(id) = mention {
            let v = self.view_mut();
            v.entity = Some(id);
            v.mention = None;
            if let Some(&(_, i)) = v.index.entity_place.get(id) {
                v.entity_cursor = i;
            }
        }
    }

    fn click_list(&mut self, pane: Focus, pos: Position) {
        self.focus = pane;
        let rect = if pane == Focus::Entities { self.screen.entities } else { self.screen.pledges };
        let Some(inner) = rect.map(list_inner) else { return };
        if !inner.contains(pos) {
            return;
        }
        let h = usize::from(inner.height);
        let line = usize::from(pos.y - inner.y);
        let v = self.view();
        if pane == Focus::Entities {
            let cursor_row = entity_row(&v.index, v.entity_cursor);
            let off = list_offset(cursor_row, v.index.sidebar.len(), h);
            if let Some(SidebarRow::Entity(id)) = v.index.sidebar.get(off + line) {
                if let Some(&(_, i)) = v.index.entity_place.get(*id) {
                    self.set_list_cursor(i);
                }
            }
        } else {
            // The rows as drawn: the selected pledge takes several.
            let mut y = 0;
            for (i, rows) in super::view::pledge_rows(v, usize::from(inner.width), h) {
                if line < y + rows.len() {
                    self.set_list_cursor(i);
                    if line == y && pos.x < inner.x + 3 {
                        self.tick();
                    }
                    return;
                }
                y += rows.len();
            }
        }
    }
}

/// The sidebar row of the entity at `cursor` in the entity order.
pub fn entity_row(index: &DocIndex, cursor: usize) -> usize {
    let Some(&id) = index.entity_order.get(cursor) else { return 0 };
    index.entity_place.get(id).map_or(0, |p| p.0)
}

/// The largest useful top row.
fn max_top(rows: usize, height: usize) -> usize {
    rows.saturating_sub(height.max(1))
}

/// A page: the viewport less two rows of overlap.
fn page(h: usize) -> usize {
    h.saturating_sub(2).max(1)
}

/// The greatest character boundary at or before `pos`.
fn floor_boundary(text: &str, pos: usize) -> usize {
    let mut p = pos.min(text.len());
    while !text.is_char_boundary(p) {
        p -= 1;
    }
    p
}

/// The byte under screen column `col` of the row `[start, end)`.
pub fn byte_at_column(text: &str, start: usize, end: usize, col: usize) -> Option<usize> {
    let mut x = 0;
    for (i, c) in text.get(start..end)?.char_indices() {
        let w = wrap::glyph(c).width();
        if col < x + w.max(1) {
            return Some(start + i);
        }
        x += w;
    }
    None
}

/// True for quotes the reader treats as partial (lighter, not visited).
pub fn is_partial(doc: &Document, q: usize) -> bool {
    doc.quotes.get(q).is_some_and(|q| q.kind == QuoteKind::Partial)
}

/// A quote as copied, on one line: `“text” — speaker, in “title” (file or URL)`,
/// the title and the source when known.
pub fn quote_citation(doc: &Document, q: &crate::model::Quote) -> String {
    let who = doc.speakers_label(q).unwrap_or_else(|| "unattributed".to_string());
    let mut text = format!("\u{201c}{}\u{201d} \u{2014} {}", q.text.trim(), who);
    if let Some(title) = doc.meta.headline.map(|h| doc.slice(h).trim()).filter(|t| !t.is_empty()) {
        text.push_str(&format!(", in \u{201c}{title}\u{201d}"));
    }
    if let Some(source) = doc.source.as_deref().filter(|s| !s.is_empty() && *s != "-") {
        text.push_str(&format!(" ({source})"));
    }
    text
}
