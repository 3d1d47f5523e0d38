//! The keymap: every binding with its description. The built-in table is
//! the default (less habits); a preset and the user's `[keys]` change it
//! (see [`super::config`]). The help overlay and the status-bar hints are
//! generated from the effective [`Keymap`], so they show the user's keys.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What a key asks for. Key events are looked up here; tests may also send
/// commands directly (`Action::Command`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
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

impl Command {
    /// Every command, in the order of the config file.
    pub const ALL: [Command; 31] = {
        use Command::*;
        [
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
            ArticleList,
            Help,
            Close,
            Quit,
            DeleteChar,
            Accept,
        ]
    };

    /// The action's name in the config file (`next_quote`).
    pub fn name(self) -> &'static str {
        use Command::*;
        match self {
            LineDown => "line_down",
            LineUp => "line_up",
            PageDown => "page_down",
            PageUp => "page_up",
            HalfDown => "half_page_down",
            HalfUp => "half_page_up",
            Top => "top",
            Bottom => "bottom",
            NextQuote => "next_quote",
            PrevQuote => "prev_quote",
            SpeakerPicker => "speaker_filter",
            ClearFilter => "clear_filter",
            FocusNext => "focus_next",
            FocusPrev => "focus_prev",
            Activate => "activate",
            Tick => "tick",
            Search => "search",
            NextMatch => "next_match",
            PrevMatch => "prev_match",
            JumpBack => "jump_back",
            Copy => "copy",
            ToggleMouse => "toggle_mouse",
            ToggleSidebars => "toggle_sidebars",
            NextDoc => "next_article",
            PrevDoc => "prev_article",
            ArticleList => "article_list",
            Help => "help",
            Close => "close",
            Quit => "quit",
            DeleteChar => "delete_char",
            Accept => "accept",
        }
    }

    /// The command named `name` in the config file.
    pub fn from_name(name: &str) -> Option<Command> {
        Command::ALL.into_iter().find(|c| c.name() == name)
    }
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
    /// Every context, in the order of the help overlay and the config file.
    pub const ALL: [Context; 7] = [
        Context::Global,
        Context::List,
        Context::Pledges,
        Context::Picker,
        Context::Search,
        Context::Articles,
        Context::Help,
    ];

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

    /// The context's table in the config file (`[keys.list]`); the reading
    /// keys may also sit in `[keys]` itself.
    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "reading",
            Context::List => "list",
            Context::Pledges => "pledges",
            Context::Help => "help_screen",
            Context::Picker => "picker",
            Context::Search => "search_prompt",
            Context::Articles => "folder",
        }
    }

    /// The context named `name` in the config file (`article` is also the reading keys).
    pub fn from_name(name: &str) -> Option<Context> {
        if name == "article" {
            return Some(Context::Global);
        }
        Context::ALL.into_iter().find(|c| c.name() == name)
    }

    /// Whether `command` does something in this context.
    pub fn accepts(self, command: Command) -> bool {
        use Command::*;
        let moves = matches!(command, LineDown | LineUp | Top | Bottom);
        match self {
            Context::Global => !matches!(command, DeleteChar | Accept | Activate),
            Context::List => moves || command == Activate,
            Context::Pledges => moves || matches!(command, Activate | Tick),
            Context::Help => matches!(command, LineDown | LineUp | Close | Help | Quit),
            Context::Picker => matches!(command, LineDown | LineUp | DeleteChar | Close | Accept),
            Context::Search => matches!(command, DeleteChar | Close | Accept),
            Context::Articles => {
                moves
                    || matches!(
                        command,
                        PageDown
                            | PageUp
                            | HalfDown
                            | HalfUp
                            | Activate
                            | SpeakerPicker
                            | ClearFilter
                            | Close
                            | Help
                            | Quit
                    )
            }
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

/// Named keys, as written in help, hints and the config file.
const NAMED: [(&str, KeyCode); 15] = [
    ("Space", KeyCode::Char(' ')),
    ("Enter", KeyCode::Enter),
    ("Esc", KeyCode::Esc),
    ("Tab", KeyCode::Tab),
    ("Shift-Tab", KeyCode::BackTab),
    ("Backspace", KeyCode::Backspace),
    ("Up", KeyCode::Up),
    ("Down", KeyCode::Down),
    ("Left", KeyCode::Left),
    ("Right", KeyCode::Right),
    ("Home", KeyCode::Home),
    ("End", KeyCode::End),
    ("PageUp", KeyCode::PageUp),
    ("PageDown", KeyCode::PageDown),
    ("Delete", KeyCode::Delete),
];

impl Key {
    /// The key of an event, normalized for lookup.
    pub fn from_event(ev: &KeyEvent) -> Key {
        let mut mods = ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        if matches!(ev.code, KeyCode::Char(_) | KeyCode::BackTab) {
            mods.remove(KeyModifiers::SHIFT);
        }
        Key { code: ev.code, mods }
    }

    /// How the key is written in help, hints and the config file.
    pub fn label(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::F(n) => format!("F{n}"),
            code => NAMED.iter().find(|(_, c)| *c == code).map_or_else(|| format!("{code:?}"), |(n, _)| n.to_string()),
        };
        let mut out = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            out.push_str("Ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            out.push_str("Alt-");
        }
        if self.mods.contains(KeyModifiers::SHIFT) {
            out.push_str("Shift-");
        }
        if self.mods.contains(KeyModifiers::CONTROL) {
            out.push_str(&base.to_uppercase());
        } else {
            out.push_str(&base);
        }
        out
    }

    /// One key as written in the config file: a character (`]`, `J`), a
    /// name (`Enter`, `PageDown`, `F1`), or `Ctrl-`/`Alt-`/`Shift-` and a key.
    pub fn parse(s: &str) -> Option<Key> {
        let mut chars = s.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return (!c.is_control()).then_some(k(c));
        }
        if let Some((_, code)) = NAMED.iter().find(|(n, _)| n.eq_ignore_ascii_case(s)) {
            return Some(self::code(*code));
        }
        if let Some(n) = s.strip_prefix(['F', 'f']).and_then(|n| n.parse::<u8>().ok()).filter(|n| (1..=24).contains(n))
        {
            return Some(code(KeyCode::F(n)));
        }
        let (prefix, rest) = s.split_once('-')?;
        let mut key = Key::parse(rest)?;
        let m = match prefix.to_ascii_lowercase().as_str() {
            "ctrl" | "c" => KeyModifiers::CONTROL,
            "alt" | "a" | "m" => KeyModifiers::ALT,
            "shift" | "s" => KeyModifiers::SHIFT,
            _ => return None,
        };
        if let KeyCode::Char(c) = key.code {
            if m == KeyModifiers::SHIFT {
                return None;
            }
            if m == KeyModifiers::CONTROL {
                key.code = KeyCode::Char(c.to_ascii_lowercase());
            }
        }
        key.mods |= m;
        Some(key)
    }
}

/// Keys pressed one after the other (`gg`); most bindings are one key.
pub type Seq = Vec<Key>;

/// A key sequence as written in the config file: keys separated by spaces
/// (`g g`), or plain characters run together (`gg`; not starting with a
/// capital, so that a misspelt name such as `Entr` is an error).
pub fn parse_seq(s: &str) -> Option<Seq> {
    // Keys are shown in the help: nothing that the terminal would act on.
    if crate::sanitize::inert(s) != s {
        return None;
    }
    if let Some(key) = Key::parse(s) {
        return Some(vec![key]);
    }
    let mut seq = Vec::new();
    for token in s.split_whitespace() {
        match Key::parse(token) {
            Some(key) => seq.push(key),
            None if !token.contains('-') && !token.starts_with(|c: char| c.is_ascii_uppercase()) => {
                seq.extend(token.chars().map(k))
            }
            None => return None,
        }
    }
    (!seq.is_empty()).then_some(seq)
}

/// How a sequence is written: `gg`, `Ctrl-W j`.
pub fn seq_label(seq: &[Key]) -> String {
    let plain =
        seq.len() > 1 && seq.iter().all(|key| key.mods.is_empty() && matches!(key.code, KeyCode::Char(c) if c != ' '));
    let labels: Vec<String> = seq.iter().map(Key::label).collect();
    labels.join(if plain { "" } else { " " })
}

/// A built-in binding: keys, the command, where it applies, what it does.
#[derive(Debug, Clone, Copy)]
struct Builtin {
    keys: &'static [Key],
    command: Command,
    context: Context,
    desc: &'static str,
    hint: Option<(&'static str, u8)>,
}

const fn b(keys: &'static [Key], command: Command, context: Context, desc: &'static str) -> Builtin {
    Builtin { keys, command, context, desc, hint: None }
}
const fn h(
    keys: &'static [Key],
    command: Command,
    context: Context,
    desc: &'static str,
    hint: &'static str,
    priority: u8,
) -> Builtin {
    Builtin { keys, command, context, desc, hint: Some((hint, priority)) }
}

use Command as C;
use Context as X;

/// The built-in keymap, less habits (the contract of PRODUCT.md section 2,
/// plus aliases).
static DEFAULTS: &[Builtin] = &[
    // Overlays and prompts come first: they are tried first.
    b(&[code(KeyCode::Esc), k('?'), k('q')], C::Close, X::Help, "close the help"),
    b(&[k('j'), code(KeyCode::Down)], C::LineDown, X::Help, "scroll the help down"),
    b(&[k('k'), code(KeyCode::Up)], C::LineUp, X::Help, "scroll the help up"),
    b(&[code(KeyCode::Down), ctrl('n')], C::LineDown, X::Picker, "next speaker"),
    b(&[code(KeyCode::Up), ctrl('p')], C::LineUp, X::Picker, "previous speaker"),
    b(
        &[code(KeyCode::Enter)],
        C::Accept,
        X::Picker,
        "filter quotes by the chosen speaker (article list: their quotes across the folder)",
    ),
    b(&[code(KeyCode::Backspace)], C::DeleteChar, X::Picker, "delete a typed character (typing narrows the list)"),
    b(&[code(KeyCode::Esc)], C::Close, X::Picker, "cancel"),
    b(&[code(KeyCode::Enter)], C::Accept, X::Search, "search and jump to the first match"),
    b(&[code(KeyCode::Backspace)], C::DeleteChar, X::Search, "delete a typed character"),
    b(&[code(KeyCode::Esc)], C::Close, X::Search, "cancel the search"),
    // The article list of a folder.
    h(&[k('j'), code(KeyCode::Down)], C::LineDown, X::Articles, "next article", "next", 3),
    b(&[k('k'), code(KeyCode::Up)], C::LineUp, X::Articles, "previous article"),
    b(&[k(' '), code(KeyCode::PageDown), ctrl('f')], C::PageDown, X::Articles, "a page of articles down"),
    b(&[k('b'), code(KeyCode::PageUp), ctrl('b')], C::PageUp, X::Articles, "a page of articles up"),
    b(&[k('g'), code(KeyCode::Home)], C::Top, X::Articles, "first article"),
    b(&[k('G'), code(KeyCode::End)], C::Bottom, X::Articles, "last article"),
    h(
        &[code(KeyCode::Enter)],
        C::Activate,
        X::Articles,
        "read the article (once annotated); on a speaker's quote: the article at that quote",
        "read",
        0,
    ),
    h(
        &[k('s')],
        C::SpeakerPicker,
        X::Articles,
        "speakers across the folder: pick one to list what they said in every article",
        "speakers",
        3,
    ),
    b(&[k('a')], C::ClearFilter, X::Articles, "back to all articles (from a speaker's quotes)"),
    b(&[code(KeyCode::Esc)], C::Close, X::Articles, "do not open the article asked for; back to all articles"),
    h(&[k('?')], C::Help, X::Articles, "this help", "help", 1),
    h(&[k('q'), ctrl('c')], C::Quit, X::Articles, "quit", "quit", 2),
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
    b(&[k(' '), code(KeyCode::PageDown), ctrl('f'), k('f')], C::PageDown, X::Global, "page down"),
    b(&[k('b'), code(KeyCode::PageUp), ctrl('b')], C::PageUp, X::Global, "page up"),
    b(&[ctrl('d'), k('d')], C::HalfDown, X::Global, "half a page down"),
    b(&[ctrl('u'), k('u')], C::HalfUp, X::Global, "half a page up"),
    b(&[k('g'), code(KeyCode::Home), k('<')], C::Top, X::Global, "top of the article"),
    b(&[k('G'), code(KeyCode::End), k('>')], C::Bottom, X::Global, "bottom of the article"),
    h(
        &[k(']')],
        C::NextQuote,
        X::Global,
        "next direct quote (within the speaker filter; past the last, a folder speaker's next article)",
        "quote",
        1,
    ),
    b(&[k('[')], C::PrevQuote, X::Global, "previous direct quote (before the first, the previous article's)"),
    h(&[k('s')], C::SpeakerPicker, X::Global, "speaker filter: pick a speaker", "speaker", 3),
    b(&[k('a')], C::ClearFilter, X::Global, "clear the speaker filter (all speakers; also the folder's speaker)"),
    h(&[code(KeyCode::Tab)], C::FocusNext, X::Global, "focus the next pane: article, entities, pledges", "pane", 5),
    b(&[code(KeyCode::BackTab)], C::FocusPrev, X::Global, "focus the previous pane"),
    b(&[k('x')], C::Tick, X::Global, "tick / untick the selected pledge"),
    h(&[k('/')], C::Search, X::Global, "search the article (shows the match count)", "search", 4),
    b(&[k('n')], C::NextMatch, X::Global, "next search match"),
    b(&[k('N')], C::PrevMatch, X::Global, "previous search match"),
    b(&[ctrl('o')], C::JumpBack, X::Global, "back to where you were before the last jump"),
    b(&[k('y')], C::Copy, X::Global, "copy the selected quote with its speaker and source (OSC 52 clipboard)"),
    b(&[k('m')], C::ToggleMouse, X::Global, "mouse capture on/off (off: the terminal's own text selection)"),
    b(&[k('t')], C::ToggleSidebars, X::Global, "show / hide the entities and pledges panes"),
    b(&[k('}')], C::NextDoc, X::Global, "next article (when several are open)"),
    b(&[k('{')], C::PrevDoc, X::Global, "previous article"),
    b(&[k('l'), code(KeyCode::Backspace)], C::ArticleList, X::Global, "back to the article list (a folder was opened)"),
    h(&[k('?')], C::Help, X::Global, "this help", "help", 0),
    b(&[code(KeyCode::Esc)], C::Close, X::Global, "close the topmost overlay; clear search and entity highlights"),
    h(&[k('q'), ctrl('c')], C::Quit, X::Global, "quit", "quit", 2),
];

/// A binding of the effective keymap: its key sequences, the command,
/// where it applies, what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    pub keys: Vec<Seq>,
    pub command: Command,
    pub context: Context,
    pub desc: &'static str,
    /// A short form for the status-bar hint and its priority (0 first),
    /// for the few bindings shown there.
    pub hint: Option<(&'static str, u8)>,
}

/// What a key sequence means in a context.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    Exact(Command),
    /// The start of a longer binding (`g` of `gg`): wait for the next key.
    Prefix,
    None,
}

/// The keymap in effect: the built-in table changed by a preset and the
/// user's file. One `(context, command)` pair has one binding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    pub bindings: Vec<Binding>,
}

impl Default for Keymap {
    /// The built-in keymap (less habits).
    fn default() -> Self {
        let bindings = DEFAULTS
            .iter()
            .map(|d| Binding {
                keys: d.keys.iter().map(|key| vec![*key]).collect(),
                command: d.command,
                context: d.context,
                desc: d.desc,
                hint: d.hint,
            })
            .collect();
        Keymap { bindings }
    }
}

impl Keymap {
    /// What `seq` means in `context`: a whole binding first, then the start of one.
    pub fn lookup(&self, context: Context, seq: &[Key]) -> Match {
        let here = || self.bindings.iter().filter(|b| b.context == context);
        if let Some(b) = here().find(|b| b.keys.iter().any(|s| s == seq)) {
            return Match::Exact(b.command);
        }
        if here().any(|b| b.keys.iter().any(|s| s.len() > seq.len() && s.starts_with(seq))) {
            return Match::Prefix;
        }
        Match::None
    }

    /// The binding of `command` in `context`.
    pub fn binding(&self, context: Context, command: Command) -> Option<&Binding> {
        self.bindings.iter().find(|b| b.context == context && b.command == command)
    }

    /// The first key of `command` in `context`, as written for people
    /// (for notes such as "] selects one"); `:name` when it has no key.
    pub fn key_for(&self, context: Context, command: Command) -> String {
        match self.binding(context, command).and_then(|b| b.keys.first()) {
            Some(seq) => seq_label(seq),
            None => format!(":{}", command.name()),
        }
    }

    /// Binds `command` in `context` to `keys` (none: unbound). The keys are
    /// taken from any other command of that context.
    pub fn bind(&mut self, context: Context, command: Command, keys: Vec<Seq>) {
        for b in self.bindings.iter_mut().filter(|b| b.context == context && b.command != command) {
            b.keys.retain(|s| !keys.contains(s));
        }
        if let Some(b) = self.bindings.iter_mut().find(|b| b.context == context && b.command == command) {
            b.keys = keys;
            return;
        }
        let desc = self.bindings.iter().find(|b| b.command == command).map_or(command.name(), |b| b.desc);
        self.bindings.push(Binding { keys, command, context, desc, hint: None });
    }

    /// The help text: one heading per context, one line per binding.
    pub fn help_lines(&self) -> Vec<(Option<&'static str>, String, &'static str)> {
        let mut out = Vec::new();
        for ctx in Context::ALL {
            out.push((Some(ctx.title()), String::new(), ""));
            for bnd in self.bindings.iter().filter(|b| b.context == ctx) {
                out.push((None, keys_label(bnd), bnd.desc));
            }
        }
        out.push((Some("Mouse"), String::new(), ""));
        out.push((None, "wheel".into(), "scroll the pane under the pointer"));
        out.push((None, "click".into(), "select a quote, an entity or a pledge ([ ] ticks)"));
        out
    }

    /// The status-bar hints of `context`: `(key, word, priority)` for the
    /// bound commands that have one.
    pub fn hints(&self, context: Context) -> Vec<(String, &'static str, u8)> {
        self.bindings
            .iter()
            .filter(|b| b.context == context)
            .filter_map(|b| Some((seq_label(b.keys.first()?), b.hint?.0, b.hint?.1)))
            .collect()
    }
}

/// The keys of a binding, written for people ("j Down"); "(none)" when unbound.
pub fn keys_label(b: &Binding) -> String {
    if b.keys.is_empty() {
        return "(none)".into();
    }
    b.keys.iter().map(|s| seq_label(s)).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::KeyEventKind;

    fn one(km: &Keymap, ctx: Context, key: Key) -> Option<Command> {
        match km.lookup(ctx, &[key]) {
            Match::Exact(c) => Some(c),
            _ => None,
        }
    }

    #[test]
    fn every_key_and_every_command_is_unique_within_a_context() {
        let km = Keymap::default();
        for (i, a) in km.bindings.iter().enumerate() {
            for bnd in &km.bindings[i + 1..] {
                if a.context == bnd.context {
                    assert_ne!(a.command, bnd.command, "{:?} bound twice in {:?}", a.command, a.context);
                    for key in &a.keys {
                        assert!(!bnd.keys.contains(key), "{key:?} bound twice in {:?}", a.context);
                    }
                }
            }
        }
    }

    #[test]
    fn every_default_binding_does_something_where_it_is() {
        for b in Keymap::default().bindings {
            assert!(b.context.accepts(b.command), "{:?} in {:?}", b.command, b.context);
        }
    }

    #[test]
    fn shift_is_ignored_for_characters() {
        let km = Keymap::default();
        let ev = KeyEvent::new_with_kind(KeyCode::Char('G'), KeyModifiers::SHIFT, KeyEventKind::Press);
        assert_eq!(one(&km, Context::Global, Key::from_event(&ev)), Some(Command::Bottom));
        let ev = KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(one(&km, Context::Global, Key::from_event(&ev)), Some(Command::FocusPrev));
    }

    #[test]
    fn help_mentions_every_binding() {
        let km = Keymap::default();
        let lines = km.help_lines();
        for bnd in &km.bindings {
            assert!(lines.iter().any(|(_, _, d)| *d == bnd.desc));
        }
        assert!(lines.iter().any(|(_, _, d)| d.contains("mouse capture")));
    }

    #[test]
    fn every_label_parses_back_to_its_key() {
        for bnd in Keymap::default().bindings {
            for seq in &bnd.keys {
                assert_eq!(parse_seq(&seq_label(seq)).as_ref(), Some(seq), "{}", seq_label(seq));
            }
        }
        for s in ["gg", "g g", "Ctrl-W j", "F5", "Alt-x", "Ctrl--", "-", "Shift-Up"] {
            let seq = parse_seq(s).unwrap_or_else(|| panic!("{s} parses"));
            assert_eq!(parse_seq(&seq_label(&seq)), Some(seq), "{s}");
        }
        assert_eq!(parse_seq("gg"), Some(vec![k('g'), k('g')]));
        assert_eq!(parse_seq("Ctrl-f"), Some(vec![ctrl('f')]));
        assert_eq!(parse_seq("space"), Some(vec![k(' ')]));
        for bad in ["", "Hyper-x", "Ctrl-Foo", "Shift-a", "F99", "Entr", "\u{1b}", "g\u{7}"] {
            assert_eq!(parse_seq(bad), None, "{bad}");
        }
    }

    #[test]
    fn sequences_wait_for_their_second_key() {
        let mut km = Keymap::default();
        km.bind(Context::Global, Command::Top, vec![vec![k('g'), k('g')]]);
        assert_eq!(km.lookup(Context::Global, &[k('g')]), Match::Prefix);
        assert_eq!(km.lookup(Context::Global, &[k('g'), k('g')]), Match::Exact(Command::Top));
        assert_eq!(km.key_for(Context::Global, Command::Top), "gg");
    }

    #[test]
    fn binding_a_key_takes_it_from_the_other_command() {
        let mut km = Keymap::default();
        km.bind(Context::Global, Command::NextQuote, vec![vec![k('j')]]);
        assert_eq!(one(&km, Context::Global, k('j')), Some(Command::NextQuote));
        assert_eq!(one(&km, Context::Global, code(KeyCode::Down)), Some(Command::LineDown));
        assert_eq!(one(&km, Context::Global, k(']')), None);
        assert_eq!(km.hints(Context::Global).iter().find(|h| h.1 == "quote").map(|h| h.0.as_str()), Some("j"));
    }
}
