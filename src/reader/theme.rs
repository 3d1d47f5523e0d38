//! Named style roles. Panes ask for a role, never for a colour. Every role
//! that marks a selection also carries BOLD or REVERSED, so it still shows
//! when `NO_COLOR` takes the colours away.

use ratatui::style::{Color, Modifier, Style};

/// True when `NO_COLOR` is set to anything non-empty (<https://no-color.org>):
/// then no colour is drawn, whatever the config file says.
pub fn no_color() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// The styles the panes draw with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// True when colours are in use (`NO_COLOR` unset).
    pub color: bool,
    pub text: Style,
    pub heading: Style,
    pub dateline: Style,
    pub quote: Style,
    pub partial_quote: Style,
    pub selected_quote: Style,
    pub speaker: Style,
    pub mention: Style,
    pub selected_mention: Style,
    pub search_match: Style,
    pub current_match: Style,
    pub selected_pledge: Style,
    pub dim: Style,
    pub border: Style,
    pub border_focused: Style,
    pub list_cursor: Style,
    pub list_cursor_unfocused: Style,
    pub ticked: Style,
    pub status: Style,
    pub warning: Style,
    pub key: Style,
}

impl Theme {
    /// The default, coloured theme.
    pub fn colored() -> Self {
        let s = Style::new();
        Theme {
            color: true,
            text: s,
            heading: s.fg(Color::LightCyan).add_modifier(Modifier::BOLD),
            dateline: s.add_modifier(Modifier::BOLD),
            quote: s.fg(Color::Yellow),
            partial_quote: s.fg(Color::LightYellow).add_modifier(Modifier::ITALIC),
            selected_quote: s.fg(Color::Black).bg(Color::Yellow).add_modifier(Modifier::BOLD),
            speaker: s.fg(Color::LightGreen).add_modifier(Modifier::BOLD),
            mention: s.fg(Color::LightGreen),
            selected_mention: s
                .fg(Color::Black)
                .bg(Color::LightGreen)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            search_match: s.fg(Color::Black).bg(Color::LightMagenta),
            current_match: s.fg(Color::Black).bg(Color::Magenta).add_modifier(Modifier::BOLD | Modifier::REVERSED),
            selected_pledge: s.add_modifier(Modifier::UNDERLINED),
            dim: s.fg(Color::DarkGray),
            border: s.fg(Color::DarkGray),
            border_focused: s.fg(Color::LightCyan).add_modifier(Modifier::BOLD),
            list_cursor: s.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            list_cursor_unfocused: s.add_modifier(Modifier::BOLD),
            ticked: s.fg(Color::Green),
            status: s.bg(Color::DarkGray).fg(Color::White),
            warning: s.fg(Color::LightRed).add_modifier(Modifier::BOLD),
            key: s.fg(Color::LightCyan).add_modifier(Modifier::BOLD),
        }
    }

    /// The theme without any colour: modifiers only.
    pub fn monochrome() -> Self {
        let s = Style::new();
        Theme {
            color: false,
            text: s,
            heading: s.add_modifier(Modifier::BOLD),
            dateline: s.add_modifier(Modifier::BOLD),
            quote: s.add_modifier(Modifier::ITALIC),
            partial_quote: s.add_modifier(Modifier::ITALIC),
            selected_quote: s.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            speaker: s.add_modifier(Modifier::BOLD),
            mention: s.add_modifier(Modifier::UNDERLINED),
            selected_mention: s.add_modifier(Modifier::BOLD | Modifier::UNDERLINED | Modifier::REVERSED),
            search_match: s.add_modifier(Modifier::REVERSED),
            current_match: s.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selected_pledge: s.add_modifier(Modifier::UNDERLINED),
            dim: s.add_modifier(Modifier::DIM),
            border: s,
            border_focused: s.add_modifier(Modifier::BOLD),
            list_cursor: s.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            list_cursor_unfocused: s.add_modifier(Modifier::BOLD),
            ticked: s,
            status: s.add_modifier(Modifier::REVERSED),
            warning: s.add_modifier(Modifier::BOLD),
            key: s.add_modifier(Modifier::BOLD),
        }
    }
}

/// The roles a config file may restyle, in the order of `--print-config`.
pub const ROLES: [&str; 21] = [
    "text",
    "heading",
    "dateline",
    "quote",
    "partial_quote",
    "selected_quote",
    "speaker",
    "mention",
    "selected_mention",
    "search_match",
    "current_match",
    "selected_pledge",
    "dim",
    "border",
    "border_focused",
    "list_cursor",
    "list_cursor_unfocused",
    "ticked",
    "status",
    "warning",
    "key",
];

/// Modifier names in the config file.
const MODIFIERS: [(&str, Modifier); 9] = [
    ("bold", Modifier::BOLD),
    ("dim", Modifier::DIM),
    ("italic", Modifier::ITALIC),
    ("underlined", Modifier::UNDERLINED),
    ("slow_blink", Modifier::SLOW_BLINK),
    ("rapid_blink", Modifier::RAPID_BLINK),
    ("reversed", Modifier::REVERSED),
    ("hidden", Modifier::HIDDEN),
    ("crossed_out", Modifier::CROSSED_OUT),
];

impl Theme {
    /// The style of the role named `name` (see [`ROLES`]).
    pub fn role_mut(&mut self, name: &str) -> Option<&mut Style> {
        Some(match name {
            "text" => &mut self.text,
            "heading" => &mut self.heading,
            "dateline" => &mut self.dateline,
            "quote" => &mut self.quote,
            "partial_quote" => &mut self.partial_quote,
            "selected_quote" => &mut self.selected_quote,
            "speaker" => &mut self.speaker,
            "mention" => &mut self.mention,
            "selected_mention" => &mut self.selected_mention,
            "search_match" => &mut self.search_match,
            "current_match" => &mut self.current_match,
            "selected_pledge" => &mut self.selected_pledge,
            "dim" => &mut self.dim,
            "border" => &mut self.border,
            "border_focused" => &mut self.border_focused,
            "list_cursor" => &mut self.list_cursor,
            "list_cursor_unfocused" => &mut self.list_cursor_unfocused,
            "ticked" => &mut self.ticked,
            "status" => &mut self.status,
            "warning" => &mut self.warning,
            "key" => &mut self.key,
            _ => return None,
        })
    }

    /// A copy of the role named `name`.
    pub fn role(&self, name: &str) -> Option<Style> {
        let mut t = *self;
        t.role_mut(name).copied()
    }
}

/// A colour as written in the config file: `light-cyan`, `#ffaa00`, `208`.
pub fn color_name(c: Color) -> String {
    let name = c.to_string();
    if !name.starts_with(|ch: char| ch.is_ascii_alphabetic()) {
        return name.to_ascii_lowercase();
    }
    let mut out = String::new();
    for (i, ch) in name.chars().enumerate() {
        if ch.is_ascii_uppercase() && i > 0 {
            out.push('-');
        }
        out.push(ch.to_ascii_lowercase());
    }
    out
}

/// Parses a colour name (ratatui's names, `#rrggbb`, or a 0-255 index).
pub fn parse_color(s: &str) -> Option<Color> {
    s.parse().ok()
}

/// The names of a modifier set, in a fixed order.
pub fn modifier_names(m: Modifier) -> Vec<&'static str> {
    MODIFIERS.iter().filter(|(_, f)| m.contains(*f)).map(|(n, _)| *n).collect()
}

/// Parses one modifier name (`bold`, `reversed`, ...).
pub fn parse_modifier(s: &str) -> Option<Modifier> {
    MODIFIERS.iter().find(|(n, _)| n.eq_ignore_ascii_case(s)).map(|(_, m)| *m)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monochrome_has_no_colour_and_marks_selection() {
        let t = Theme::monochrome();
        for st in [t.text, t.quote, t.selected_quote, t.mention, t.selected_mention, t.search_match, t.status] {
            assert_eq!(st.fg, None);
            assert_eq!(st.bg, None);
        }
        assert!(t.selected_quote.add_modifier.contains(Modifier::REVERSED));
        assert!(Theme::colored().selected_quote.add_modifier.contains(Modifier::BOLD));
    }

    #[test]
    fn every_role_has_a_name_and_colours_round_trip() {
        let t = Theme::colored();
        for name in ROLES {
            assert!(t.role(name).is_some(), "{name}");
        }
        for c in [Color::LightCyan, Color::DarkGray, Color::Rgb(1, 2, 255), Color::Indexed(208), Color::Reset] {
            assert_eq!(parse_color(&color_name(c)), Some(c), "{}", color_name(c));
        }
        assert_eq!(color_name(Color::LightCyan), "light-cyan");
        assert_eq!(parse_modifier("Reversed"), Some(Modifier::REVERSED));
        assert_eq!(modifier_names(Modifier::BOLD | Modifier::ITALIC), ["bold", "italic"]);
    }
}
