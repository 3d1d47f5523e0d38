//! The user's config file: keys, looks and reader settings.
//!
//! `$XDG_CONFIG_HOME/byline/config.toml` (default `~/.config/byline/config.toml`)
//! or the file named by `--config`. A bad file never stops the reader: each
//! entry that cannot be read keeps its default, and the first problem (file,
//! line, what) becomes one warning. `byline --print-config` prints
//! [`default_text`], which parses back to exactly the built-in defaults.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

use ratatui::style::Style;
use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Deserialize;
use toml::{Spanned, Value};

use super::keymap::{parse_seq, seq_label, Command, Context, Keymap, Seq};
use super::theme::{self, Theme, ROLES};
use super::Options;

/// The vim preset: the keys it changes, as a `[keys]` table.
const VIM_PRESET: &str = include_str!("../../assets/presets/vim.toml");

/// Key presets: `less` (the default) and `vim`.
pub const PRESETS: [&str; 2] = ["less", "vim"];

/// Everything the config file sets, with the defaults for the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub keymap: Keymap,
    /// The coloured theme with the file's roles applied (`NO_COLOR` still
    /// takes every colour away: see [`Config::theme`]).
    pub colors: Theme,
    pub options: Options,
    /// The one warning about the file: the first problem and how many more.
    pub warning: Option<String>,
}

impl Default for Config {
    fn default() -> Self {
        Config { keymap: Keymap::default(), colors: Theme::colored(), options: Options::default(), warning: None }
    }
}

impl Config {
    /// The theme to draw with: monochrome when `no_color`, else the file's colours.
    pub fn theme(&self, no_color: bool) -> Theme {
        if no_color {
            Theme::monochrome()
        } else {
            self.colors
        }
    }

    /// The theme for this environment (`NO_COLOR` set and non-empty wins).
    pub fn theme_from_env(&self) -> Theme {
        self.theme(theme::no_color())
    }
}

/// `$XDG_CONFIG_HOME/byline/config.toml`, else `$HOME/.config/byline/config.toml`.
pub fn default_path() -> Option<PathBuf> {
    let abs = |v: &str| std::env::var_os(v).map(PathBuf::from).filter(|p| p.is_absolute());
    let base = abs("XDG_CONFIG_HOME").or_else(|| abs("HOME").map(|h| h.join(".config")))?;
    Some(base.join("byline").join("config.toml"))
}

/// Reads the config: the named file (`--config`), else the default one. A
/// missing default file is no problem; a missing named one is.
pub fn load(named: Option<&Path>) -> Config {
    let Some(path) = named.map(Path::to_path_buf).or_else(default_path) else { return Config::default() };
    let shown = crate::sanitize::inert(&path.to_string_lossy()).into_owned();
    match std::fs::read_to_string(&path) {
        Ok(src) => parse(&src, &shown),
        Err(e) if named.is_none() && e.kind() == std::io::ErrorKind::NotFound => Config::default(),
        Err(e) => {
            let warning = Some(format!("config {shown}: cannot read it ({e}); using the defaults"));
            Config { warning, ..Config::default() }
        }
    }
}

/// One thing the file got wrong, at a byte range of it.
#[derive(Debug)]
struct Problem {
    at: Option<Range<usize>>,
    what: String,
}

fn problem(at: Option<Range<usize>>, what: impl Into<String>) -> Problem {
    Problem { at, what: what.into() }
}

/// Parses a config file's text (`file` names it in the warning).
pub fn parse(src: &str, file: &str) -> Config {
    let mut config = Config::default();
    let mut problems = Vec::new();
    match toml::from_str::<Raw>(src) {
        Ok(raw) => raw.apply(&mut config, &mut problems),
        Err(e) => problems.push(problem(e.span(), format!("{}; using the defaults", e.message().trim()))),
    }
    config.warning = warning(src, file, &problems);
    config
}

/// The one warning for `problems`: the first, with its line, and a count of the rest.
fn warning(src: &str, file: &str, problems: &[Problem]) -> Option<String> {
    let first = problems.first()?;
    let mut w = format!("config {file}");
    if let Some(at) = &first.at {
        let line = src[..at.start.min(src.len())].matches('\n').count() + 1;
        let _ = write!(w, ", line {line}");
    }
    let _ = write!(w, ": {}", crate::sanitize::inert(&first.what));
    if problems.len() > 1 {
        let _ = write!(w, " (and {} more)", problems.len() - 1);
    }
    Some(w)
}

/// The file as read, before its names are checked.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct Raw {
    preset: Option<Spanned<String>>,
    keys: BTreeMap<Spanned<String>, Spanned<KeysEntry>>,
    theme: BTreeMap<Spanned<String>, Spanned<Value>>,
    reader: BTreeMap<Spanned<String>, Spanned<Value>>,
}

/// A value under `[keys]`: the keys of an action, or a context's table.
#[derive(Debug)]
enum KeysEntry {
    One(String),
    Many(Vec<Spanned<Value>>),
    Table(BTreeMap<Spanned<String>, Spanned<KeysEntry>>),
    Other(&'static str),
}

impl<'de> Deserialize<'de> for KeysEntry {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(KeysVisitor)
    }
}

struct KeysVisitor;

impl<'de> Visitor<'de> for KeysVisitor {
    type Value = KeysEntry;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a key, a list of keys, or a table of actions")
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<KeysEntry, E> {
        Ok(KeysEntry::One(v.to_string()))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<KeysEntry, E> {
        Ok(KeysEntry::Other("a boolean"))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<KeysEntry, E> {
        Ok(KeysEntry::Other("a number"))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<KeysEntry, E> {
        Ok(KeysEntry::Other("a number"))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<KeysEntry, E> {
        Ok(KeysEntry::Other("a number"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<KeysEntry, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = seq.next_element()? {
            out.push(v);
        }
        Ok(KeysEntry::Many(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<KeysEntry, A::Error> {
        let mut out = BTreeMap::new();
        while let Some((k, v)) = map.next_entry()? {
            out.insert(k, v);
        }
        Ok(KeysEntry::Table(out))
    }
}

/// A style as written under `[theme]`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStyle {
    fg: Option<String>,
    bg: Option<String>,
    #[serde(default)]
    modifiers: Vec<String>,
}

impl Raw {
    fn apply(self, config: &mut Config, problems: &mut Vec<Problem>) {
        if let Some(p) = &self.preset {
            match p.get_ref().as_str() {
                "less" | "default" => {}
                "vim" => apply_preset(&mut config.keymap, VIM_PRESET),
                other => problems.push(problem(
                    Some(p.span()),
                    format!("unknown preset \"{other}\" (one of {}); using less", PRESETS.join(", ")),
                )),
            }
        }
        apply_keys(&mut config.keymap, self.keys, problems);
        for (role, value) in self.theme {
            apply_role(&mut config.colors, &role, value, problems);
        }
        for (name, value) in self.reader {
            apply_reader(&mut config.options, &name, value, problems);
        }
    }
}

/// Applies a preset's `[keys]` (built in, so a problem there is a bug: the tests read every preset).
fn apply_preset(keymap: &mut Keymap, src: &str) {
    if let Ok(raw) = toml::from_str::<Raw>(src) {
        apply_keys(keymap, raw.keys, &mut Vec::new());
    }
}

fn apply_keys(keymap: &mut Keymap, keys: BTreeMap<Spanned<String>, Spanned<KeysEntry>>, problems: &mut Vec<Problem>) {
    for (name, entry) in keys {
        let span = entry.span();
        match entry.into_inner() {
            KeysEntry::Table(table) => {
                let Some(ctx) = Context::from_name(name.get_ref()) else {
                    let names: Vec<&str> = Context::ALL.iter().map(|c| c.name()).collect();
                    let what = format!("unknown key context [keys.{}] (one of {})", name.get_ref(), names.join(", "));
                    problems.push(problem(Some(name.span()), what));
                    continue;
                };
                for (action, entry) in table {
                    bind_action(keymap, ctx, &action, entry, problems);
                }
            }
            other => bind_action(keymap, Context::Global, &name, Spanned::new(span, other), problems),
        }
    }
}

/// Binds one `action = [keys]` line; the action keeps its keys when none can be read.
fn bind_action(
    keymap: &mut Keymap,
    ctx: Context,
    action: &Spanned<String>,
    entry: Spanned<KeysEntry>,
    problems: &mut Vec<Problem>,
) {
    let Some(command) = Command::from_name(action.get_ref()) else {
        problems.push(problem(Some(action.span()), format!("unknown action \"{}\" in [keys]", action.get_ref())));
        return;
    };
    if !ctx.accepts(command) {
        let what = format!("{} does nothing in [keys.{}]", command.name(), ctx.name());
        problems.push(problem(Some(action.span()), what));
        return;
    }
    let span = entry.span();
    let written: Vec<(Option<Range<usize>>, Option<String>)> = match entry.into_inner() {
        KeysEntry::One(s) => vec![(Some(span), Some(s))],
        KeysEntry::Many(list) => {
            list.into_iter().map(|v| (Some(v.span()), v.get_ref().as_str().map(str::to_string))).collect()
        }
        KeysEntry::Table(_) => vec![(Some(span), None)],
        KeysEntry::Other(what) => {
            problems
                .push(problem(Some(span), format!("{}: expected a key or a list of keys, not {what}", command.name())));
            return;
        }
    };
    let mut seqs: Vec<Seq> = Vec::new();
    let given = written.len();
    for (at, s) in written {
        match s.as_deref().and_then(parse_seq) {
            Some(seq) if !seqs.contains(&seq) => seqs.push(seq),
            Some(_) => {}
            None => {
                let shown = s.unwrap_or_else(|| "(not a string)".into());
                problems.push(problem(at, format!("cannot read the key \"{shown}\" for {}", command.name())));
            }
        }
    }
    if seqs.is_empty() && given > 0 {
        return;
    }
    keymap.bind(ctx, command, seqs);
}

fn apply_role(colors: &mut Theme, role: &Spanned<String>, value: Spanned<Value>, problems: &mut Vec<Problem>) {
    let Some(style) = colors.role_mut(role.get_ref()) else {
        problems.push(problem(Some(role.span()), format!("unknown theme role \"{}\"", role.get_ref())));
        return;
    };
    let span = value.span();
    let raw = match value.into_inner() {
        Value::String(fg) => Ok(RawStyle { fg: Some(fg), bg: None, modifiers: Vec::new() }),
        other => other.try_into::<RawStyle>().map_err(|e| e.message().to_string()),
    };
    match raw.and_then(|r| to_style(&r)) {
        Ok(s) => *style = s,
        Err(e) => problems.push(problem(Some(span), format!("theme {}: {e}", role.get_ref()))),
    }
}

fn to_style(raw: &RawStyle) -> Result<Style, String> {
    let color = |c: &Option<String>| match c {
        None => Ok(None),
        Some(name) => theme::parse_color(name).map(Some).ok_or_else(|| format!("unknown colour \"{name}\"")),
    };
    let mut style = Style::new();
    style.fg = color(&raw.fg)?;
    style.bg = color(&raw.bg)?;
    for m in &raw.modifiers {
        style = style.add_modifier(theme::parse_modifier(m).ok_or_else(|| format!("unknown modifier \"{m}\""))?);
    }
    Ok(style)
}

fn apply_reader(options: &mut Options, name: &Spanned<String>, value: Spanned<Value>, problems: &mut Vec<Problem>) {
    let (span, v) = (value.span(), value.get_ref());
    let bad = |what: &str| problem(Some(span.clone()), format!("reader {}: expected {what}", name.get_ref()));
    match name.get_ref().as_str() {
        "width" => match v.as_integer().and_then(|w| u16::try_from(w).ok()).filter(|w| *w >= 20) {
            Some(w) => options.width_cap = w,
            None => problems.push(bad("a number of columns, 20 or more")),
        },
        "mouse" => match v.as_bool() {
            Some(b) => options.mouse = b,
            None => problems.push(bad("true or false")),
        },
        "sidebars" => match v.as_bool() {
            Some(b) => options.sidebars = b,
            None => problems.push(bad("true or false")),
        },
        other => problems.push(problem(Some(name.span()), format!("unknown reader setting \"{other}\""))),
    }
}

/// The full default config, commented: what `byline --print-config` prints.
pub fn default_text() -> String {
    let mut out = String::from(HEADER);
    let o = Options::default();
    let _ = writeln!(out, "[reader]\n# Reading width cap of the article pane, in columns (--width overrides it).");
    let _ = writeln!(out, "width = {}\n# Mouse capture at start (m toggles it).\nmouse = {}", o.width_cap, o.mouse);
    let _ = writeln!(out, "# Entities and pledges panes at start, when there is room (t toggles them).");
    let _ = writeln!(out, "sidebars = {}\n", o.sidebars);
    out.push_str(KEYS_HEADER);
    let keymap = Keymap::default();
    for ctx in Context::ALL {
        if ctx == Context::Global {
            out.push_str("[keys]\n");
        } else {
            let _ = writeln!(out, "\n[keys.{}]", ctx.name());
        }
        let _ = writeln!(out, "# {}", ctx.title());
        for b in keymap.bindings.iter().filter(|b| b.context == ctx) {
            let keys: Vec<String> = b.keys.iter().map(|s| toml_string(&seq_label(s))).collect();
            let _ = writeln!(out, "# {}\n{} = [{}]", b.desc, b.command.name(), keys.join(", "));
        }
    }
    out.push_str(THEME_HEADER);
    let colors = Theme::colored();
    for role in ROLES {
        let s = colors.role(role).unwrap_or_default();
        let mut parts = Vec::new();
        for (k, c) in [("fg", s.fg), ("bg", s.bg)] {
            if let Some(c) = c {
                parts.push(format!("{k} = \"{}\"", theme::color_name(c)));
            }
        }
        let mods: Vec<String> = theme::modifier_names(s.add_modifier).iter().map(|m| format!("\"{m}\"")).collect();
        if !mods.is_empty() {
            parts.push(format!("modifiers = [{}]", mods.join(", ")));
        }
        let _ = writeln!(out, "{role} = {{ {} }}", parts.join(", "));
    }
    out
}

/// A TOML basic string.
fn toml_string(s: &str) -> String {
    let mut out = String::from('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

const HEADER: &str = "\
# byline config: $XDG_CONFIG_HOME/byline/config.toml (default ~/.config/byline/config.toml),
# or the file given with --config FILE. These are the built-in defaults: delete what you
# do not change. A line byline cannot read keeps its default and is reported in the
# status bar (file, line, problem).

# Key preset: \"less\" (the default, below) or \"vim\" (gg for the top, Ctrl-E/Ctrl-Y for a
# line, no one-letter d/u/f paging). Your [keys] apply over the preset.
preset = \"less\"

";

const KEYS_HEADER: &str = "\
# Keys: action = [keys]. A key is a character (\"]\", \"J\"), a name (Enter, Esc, Tab,
# Shift-Tab, Space, Backspace, Up, Down, Left, Right, Home, End, PageUp, PageDown,
# Delete, F1..F24), Ctrl-X or Alt-X; \"gg\" or \"g g\" is two keys in a row. An empty list
# unbinds the action. A key given to one action is taken from the others of its table.
# Ctrl-C always quits. The help (?) and the status-bar hints show the keys in effect.

";

const THEME_HEADER: &str = "
# Looks: role = { fg, bg, modifiers }. Colours: black, red, green, yellow, blue, magenta,
# cyan, gray, dark-gray, light-red, light-green, light-yellow, light-blue, light-magenta,
# light-cyan, white, reset, \"#rrggbb\", or a 0-255 index. Modifiers: bold, dim, italic,
# underlined, reversed, crossed_out, ... NO_COLOR (set and not empty) takes every colour away.
[theme]
";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reader::keymap::Match;
    use ratatui::style::{Color, Modifier};

    #[test]
    fn the_printed_default_parses_back_to_the_built_in_defaults() {
        let printed = parse(&default_text(), "default");
        assert_eq!(printed.warning, None);
        assert_eq!(printed, Config::default());
        assert_eq!(printed.keymap, Keymap::default());
        assert_eq!(printed.colors, Theme::colored());
        assert_eq!(printed.options, Options::default());
    }

    #[test]
    fn an_empty_file_is_the_default() {
        assert_eq!(parse("", "empty"), Config::default());
    }

    #[test]
    fn keys_remap_an_action_and_free_its_old_key() {
        let c = parse("[keys]\nnext_quote = [\"J\"]\n[keys.list]\ntop = \"Home\"\n", "c");
        assert_eq!(c.warning, None);
        let j = parse_seq("J").unwrap();
        assert_eq!(c.keymap.lookup(Context::Global, &j), Match::Exact(Command::NextQuote));
        assert_eq!(c.keymap.lookup(Context::Global, &parse_seq("]").unwrap()), Match::None);
        assert_eq!(c.keymap.lookup(Context::List, &parse_seq("g").unwrap()), Match::None);
    }

    #[test]
    fn the_vim_preset_reads_and_binds_gg() {
        let raw: Raw = toml::from_str(VIM_PRESET).expect("the vim preset parses");
        let mut problems = Vec::new();
        apply_keys(&mut Keymap::default(), raw.keys, &mut problems);
        assert!(problems.is_empty(), "{problems:?}");
        let c = parse("preset = \"vim\"", "c");
        assert_eq!(c.warning, None);
        assert_eq!(c.keymap.lookup(Context::Global, &parse_seq("g").unwrap()), Match::Prefix);
        assert_eq!(c.keymap.lookup(Context::Global, &parse_seq("gg").unwrap()), Match::Exact(Command::Top));
        assert_eq!(c.keymap.lookup(Context::Global, &parse_seq("Ctrl-e").unwrap()), Match::Exact(Command::LineDown));
    }

    #[test]
    fn a_broken_file_gives_one_warning_and_the_defaults() {
        let c = parse("[keys]\nnext_quote = [\"J\"\n", "broken.toml");
        let w = c.warning.expect("a warning");
        assert!(w.starts_with("config broken.toml, line 2: "), "{w}");
        assert!(w.ends_with("using the defaults"), "{w}");
        assert_eq!(c.keymap, Keymap::default());
    }

    #[test]
    fn bad_entries_are_reported_and_the_rest_applies() {
        let src = "[keys]\nnext_qoute = [\"J\"]\nprev_quote = [\"Hyper-x\"]\nnext_quote = [\"J\"]\n\n[theme]\nquote = { fg = \"blurple\" }\nspeaker = { fg = \"red\" }\n[reader]\nwidth = 5\nmouse = false\n";
        let c = parse(src, "f.toml");
        let w = c.warning.expect("a warning");
        assert_eq!(w, "config f.toml, line 2: unknown action \"next_qoute\" in [keys] (and 3 more)");
        assert_eq!(c.keymap.key_for(Context::Global, Command::NextQuote), "J");
        assert_eq!(c.keymap.key_for(Context::Global, Command::PrevQuote), "[");
        assert_eq!(c.colors.quote, Theme::colored().quote);
        assert_eq!(c.colors.speaker, Style::new().fg(Color::Red));
        assert_eq!(c.options.width_cap, Options::default().width_cap);
        assert!(!c.options.mouse);
    }

    #[test]
    fn theme_roles_take_colours_and_modifiers() {
        let c = parse("[theme]\nselected_quote = { fg = \"#102030\", bg = \"blue\", modifiers = [\"bold\"] }\n", "t");
        assert_eq!(c.warning, None);
        let want = Style::new().fg(Color::Rgb(16, 32, 48)).bg(Color::Blue).add_modifier(Modifier::BOLD);
        assert_eq!(c.colors.selected_quote, want);
        assert_eq!(c.theme(true), Theme::monochrome(), "NO_COLOR wins over the file");
    }

    #[test]
    fn the_readme_example_reads_without_a_warning() {
        let readme = include_str!("../../README.md");
        let section = &readme[readme.find("## Configuration").expect("the section")..];
        let start = section.find("```toml\n").expect("an example") + 8;
        let example = &section[start..start + section[start..].find("```").unwrap()];
        let c = parse(example, "README");
        assert_eq!(c.warning, None);
        assert_eq!(c.keymap.key_for(Context::Global, Command::Top), "gg");
        assert_eq!(c.options.width_cap, 88);
    }

    #[test]
    fn an_unknown_top_level_table_is_reported() {
        let c = parse("[colours]\nquote = \"red\"\n", "u");
        assert!(c.warning.is_some_and(|w| w.contains("line 1") && w.contains("colours")));
    }
}
