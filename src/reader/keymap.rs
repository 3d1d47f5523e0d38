//! The default keymap: every binding with its description. The help overlay
//! and the status-bar hints are generated from this table, so they never
//! disagree with what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key asks for. Key events are looked up here; tests may also send
/// commands directly (`Action::Command`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    LineDown,
    LineUp,
    PageDown,
    PageUp,
    HalfDown,
    HalfUp,
    Top,
    Bottom,
    NextQuote,
    PrevQuote,
    SpeakerPicker,
    ClearFilter,
    FocusNext,
    FocusPrev,
    Activate,
    Tick,
    Search,
    NextMatch,
    PrevMatch,
    JumpBack,
    Copy,
    ToggleMouse,
    ToggleSidebars,
    NextDoc,
    PrevDoc,
    /// Back to the article list (when a folder was opened).
    ArticleList,
    Help,
    Close,
    Quit,
    /// In a prompt or the picker: delete the last typed character.
    DeleteChar,
    /// In a prompt or the picker: accept.
    Accept,
}

/// Where a binding applies. Keys are tried from the topmost layer down:
/// overlay (help, picker), prompt (search), focused pane, global.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    Global,
    /// The entities or the pledges list, when focused.
    List,
    /// The pledge list only, when focused.
    Pledges,
    Help,
    Picker,
    Search,
    /// The article list of a folder.
    Articles,
}

impl Context {
    /// Heading for the help overlay.
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "Reading",
            Context::List => "Entities and pledges lists (when focused)",
            Context::Pledges => "Pledges list (when focused)",
            Context::Help => "Help",
            Context::Picker => "Speaker picker",
            Context::Search => "Search prompt",
            Context::Articles => "Article list (byline FOLDER)",
        }
    }
}

/// One key, as matched: a code and its modifiers (Shift is ignored for
/// characters, whose case already says it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn k(c: char) -> Key {
    Key { code: KeyCode::Char(c), mods: KeyModifiers::NONE }
}
const fn ctrl(c: char) -> Key {
    Key { code: KeyCode::Char(c), mods: KeyModifiers::CONTROL }
}
const fn code(code: KeyCode) -> Key {
    Key { code, mods: KeyModifiers::NONE }
}

impl Key {
    /// The key of an event, normalized for lookup.
    pub fn from_event(ev: &KeyEvent) -> Key {
        let mut mods = ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        if matches!(ev.code, KeyCode::Char(_) | KeyCode::BackTab) {
            mods.remove(KeyModifiers::SHIFT);
        }
        Key { code: ev.code, mods }
    }

    /// How the key is written in help and hints.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "Shift-Tab".into(),
            KeyCode::Backspace => "Backspace".into(),
            KeyCode::Up => "Up".into(),
            KeyCode::Down => "Down".into(),
            KeyCode::Left => "Left".into(),
            KeyCode::Right => "Right".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::PageUp => "PageUp".into(),
            KeyCode::PageDown => "PageDown".into(),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{}", base.to_uppercase())
        } else {
            base
        }
    }
}

/// A binding: keys, the command, where it applies, what it does.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub keys: &'static [Key],
    pub command: Command,
    pub context: Context,
    pub desc: &'static str,
    /// A short form for the status-bar hint and its priority (0 first),
    /// for the few bindings shown there.
    pub hint: Option<(&'static str, u8)>,
}

const fn b(keys: &'static [Key], command: Command, context: Context, desc: &'static str) -> Binding {
    Binding { keys, command, context, desc, hint: None }
}
const fn h(
    keys: &'static [Key],
    command: Command,
    context: Context,
    desc: &'static str,
    hint: &'static str,
    priority: u8,
) -> Binding {
    Binding { keys, command, context, desc, hint: Some((hint, priority)) }
}

use Command as C;
use Context as X;

/// The default keymap (the contract of PRODUCT.md section 2, plus aliases).
pub static KEYMAP: &[Binding] = &[
    // Overlays and prompts come first: they are tried first.
    b(&[code(KeyCode::Esc), k('?'), k('q')], C::Close, X::Help, "close the help"),
    b(&[k('j'), code(KeyCode::Down)], C::LineDown, X::Help, "scroll the help down"),
    b(&[k('k'), code(KeyCode::Up)], C::LineUp, X::Help, "scroll the help up"),
    b(&[code(KeyCode::Down), ctrl('n')], C::LineDown, X::Picker, "next speaker"),
    b(&[code(KeyCode::Up), ctrl('p')], C::LineUp, X::Picker, "previous speaker"),
    b(&[code(KeyCode::Enter)], C::Accept, X::Picker, "filter quotes by the chosen speaker"),
    b(&[code(KeyCode::Backspace)], C::DeleteChar, X::Picker, "delete a typed character (typing narrows the list)"),
    b(&[code(KeyCode::Esc)], C::Close, X::Picker, "cancel"),
    b(&[code(KeyCode::Enter)], C::Accept, X::Search, "search and jump to the first match"),
    b(&[code(KeyCode::Backspace)], C::DeleteChar, X::Search, "delete a typed character"),
    b(&[code(KeyCode::Esc)], C::Close, X::Search, "cancel the search"),
    // The article list of a folder.
    b(&[k('j'), code(KeyCode::Down)], C::LineDown, X::Articles, "next article"),
    b(&[k('k'), code(KeyCode::Up)], C::LineUp, X::Articles, "previous article"),
    b(&[k(' '), code(KeyCode::PageDown), ctrl('f')], C::PageDown, X::Articles, "a page of articles down"),
    b(&[k('b'), code(KeyCode::PageUp), ctrl('b')], C::PageUp, X::Articles, "a page of articles up"),
    b(&[k('g'), code(KeyCode::Home)], C::Top, X::Articles, "first article"),
    b(&[k('G'), code(KeyCode::End)], C::Bottom, X::Articles, "last article"),
    b(&[code(KeyCode::Enter)], C::Activate, X::Articles, "read the article (once annotated)"),
    b(&[code(KeyCode::Esc)], C::Close, X::Articles, "do not open the article asked for after all"),
    // Focused list panes.
    b(&[k('j'), code(KeyCode::Down)], C::LineDown, X::List, "next item"),
    b(&[k('k'), code(KeyCode::Up)], C::LineUp, X::List, "previous item"),
    b(&[k('g'), code(KeyCode::Home)], C::Top, X::List, "first item"),
    b(&[k('G'), code(KeyCode::End)], C::Bottom, X::List, "last item"),
    b(
        &[code(KeyCode::Enter)],
        C::Activate,
        X::List,
        "entity: filter quotes by it and jump to its next mention; pledge: jump to it",
    ),
    b(&[k(' ')], C::Tick, X::Pledges, "tick / untick the pledge"),
    // Global keys.
    b(&[k('j'), code(KeyCode::Down)], C::LineDown, X::Global, "scroll down a line"),
    b(&[k('k'), code(KeyCode::Up)], C::LineUp, X::Global, "scroll up a line"),
    b(&[k(' '), code(KeyCode::PageDown), ctrl('f')], C::PageDown, X::Global, "page down"),
    b(&[k('b'), code(KeyCode::PageUp), ctrl('b')], C::PageUp, X::Global, "page up"),
    b(&[ctrl('d')], C::HalfDown, X::Global, "half a page down"),
    b(&[ctrl('u')], C::HalfUp, X::Global, "half a page up"),
    b(&[k('g'), code(KeyCode::Home)], C::Top, X::Global, "top of the article"),
    b(&[k('G'), code(KeyCode::End)], C::Bottom, X::Global, "bottom of the article"),
    h(&[k(']')], C::NextQuote, X::Global, "next direct quote (within the speaker filter)", "quote", 1),
    b(&[k('[')], C::PrevQuote, X::Global, "previous direct quote (within the speaker filter)"),
    h(&[k('s')], C::SpeakerPicker, X::Global, "speaker filter: pick a speaker", "speaker", 3),
    b(&[k('a')], C::ClearFilter, X::Global, "clear the speaker filter (all speakers)"),
    h(&[code(KeyCode::Tab)], C::FocusNext, X::Global, "focus the next pane: article, entities, pledges", "pane", 5),
    b(&[code(KeyCode::BackTab)], C::FocusPrev, X::Global, "focus the previous pane"),
    b(&[k('x')], C::Tick, X::Global, "tick / untick the selected pledge"),
    h(&[k('/')], C::Search, X::Global, "search the article (shows the match count)", "search", 4),
    b(&[k('n')], C::NextMatch, X::Global, "next search match"),
    b(&[k('N')], C::PrevMatch, X::Global, "previous search match"),
    b(&[ctrl('o')], C::JumpBack, X::Global, "back to where you were before the last jump"),
    b(&[k('y')], C::Copy, X::Global, "copy the selected quote with its speaker (OSC 52 clipboard)"),
    b(&[k('m')], C::ToggleMouse, X::Global, "mouse capture on/off (off: the terminal's own text selection)"),
    b(&[k('t')], C::ToggleSidebars, X::Global, "show / hide the entities and pledges panes"),
    b(&[k('}')], C::NextDoc, X::Global, "next article (when several are open)"),
    b(&[k('{')], C::PrevDoc, X::Global, "previous article"),
    b(&[k('l'), code(KeyCode::Backspace)], C::ArticleList, X::Global, "back to the article list (a folder was opened)"),
    h(&[k('?')], C::Help, X::Global, "this help", "help", 0),
    b(&[code(KeyCode::Esc)], C::Close, X::Global, "close the topmost overlay; clear search and entity highlights"),
    h(&[k('q'), ctrl('c')], C::Quit, X::Global, "quit", "quit", 2),
];

/// The command bound to `key` in `context`, if any.
pub fn lookup(context: Context, key: Key) -> Option<Command> {
    KEYMAP.iter().find(|b| b.context == context && b.keys.contains(&key)).map(|b| b.command)
}

/// The keys of a binding, written for people ("j Down").
pub fn keys_label(b: &Binding) -> String {
    b.keys.iter().map(Key::label).collect::<Vec<_>>().join(" ")
}

/// The help text: one heading per context, one line per binding.
pub fn help_lines() -> Vec<(Option<&'static str>, String, &'static str)> {
    let order = [X::Global, X::List, X::Pledges, X::Picker, X::Search, X::Articles, X::Help];
    let mut out = Vec::new();
    for ctx in order {
        out.push((Some(ctx.title()), String::new(), ""));
        for bnd in KEYMAP.iter().filter(|b| b.context == ctx) {
            out.push((None, keys_label(bnd), bnd.desc));
        }
    }
    out.push((Some("Mouse"), String::new(), ""));
    out.push((None, "wheel".into(), "scroll the pane under the pointer"));
    out.push((None, "click".into(), "select a quote, an entity or a pledge ([ ] ticks)"));
    out
}

/// The status-bar hints: `(key, word, priority)` for the bindings that have one.
pub fn hints() -> Vec<(String, &'static str, u8)> {
    KEYMAP.iter().filter_map(|b| b.hint.map(|(h, p)| (b.keys[0].label(), h, p))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventKind;

    #[test]
    fn every_command_key_is_unique_within_a_context() {
        for (i, a) in KEYMAP.iter().enumerate() {
            for bnd in &KEYMAP[i + 1..] {
                if a.context == bnd.context {
                    for key in a.keys {
                        assert!(!bnd.keys.contains(key), "{key:?} bound twice in {:?}", a.context);
                    }
                }
            }
        }
    }

    #[test]
    fn shift_is_ignored_for_characters() {
        let ev = KeyEvent::new_with_kind(KeyCode::Char('G'), KeyModifiers::SHIFT, KeyEventKind::Press);
        assert_eq!(lookup(Context::Global, Key::from_event(&ev)), Some(Command::Bottom));
        let ev = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(lookup(Context::Global, Key::from_event(&ev)), Some(Command::FocusPrev));
    }

    #[test]
    fn help_mentions_every_binding() {
        let lines = help_lines();
        for bnd in KEYMAP {
            assert!(lines.iter().any(|(_, _, d)| *d == bnd.desc));
        }
        assert!(lines.iter().any(|(_, _, d)| d.contains("mouse capture")));
    }
}
