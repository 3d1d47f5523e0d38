//! The terminal reader: an Elm-like loop over annotated documents.
//!
//! - [`app`]: `App` (view state over the documents), `Action`, `update`,
//!   the only place state changes; side effects are queued as `Effect`s.
//!   Keys and commands take one route, `App::route`: down the layers
//!   (`App::layers`: overlay or article list, search prompt, focused pane,
//!   global), each consuming or ignoring, looked up in the one keymap.
//! - [`keymap`]: every binding with its description; help and hints come
//!   from the effective keymap. [`config`]: the user's file (keys, theme,
//!   reader settings) and `--print-config`.
//! - [`view`]: `render(&App, &mut Frame)`, which only reads.
//! - [`layout`]: pane rectangles for a terminal size (wide, narrow, tiny).
//! - [`wrap`]: the article wrapped into rows that keep their byte ranges.
//! - [`index`]: per-document lookups (spans by position, counts, order).
//! - [`library`]: a folder's article list and its background loader.
//! - [`search`]: in-article search. [`theme`]: named style roles.
//! - [`store`]: saved ticks and reading position (locked, atomic).
//! - [`backend`]: frames drawn bottom row first (never a finished-looking half frame).
//! - [`runtime`]: the terminal, the event loop, effects, restore on every path.

pub mod app;
pub mod backend;
pub mod config;
pub mod index;
pub mod keymap;
pub mod layout;
pub mod library;
pub mod runtime;
pub mod search;
pub mod store;
pub mod theme;
pub mod view;
pub mod wrap;

pub use app::{Action, App, Effect};
pub use runtime::{run, run_library, run_progressive, run_text_first};

use crate::model::Document;

/// Reader settings (config file `[reader]`, `--width`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// The article pane's maximum width, in columns.
    pub width_cap: u16,
    /// Mouse capture at start.
    pub mouse: bool,
    /// The entities and pledges panes at start (when there is room).
    pub sidebars: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { width_cap: 100, mouse: true, sidebars: true }
    }
}

/// A headless reader for tests and tools: `docs` at the given terminal size,
/// without colours.
pub fn headless(docs: Vec<Document>, width: u16, height: u16) -> App {
    let mut app = App::new(docs, Options::default(), theme::Theme::monochrome());
    app.update(Action::Resize(width, height));
    app
}
