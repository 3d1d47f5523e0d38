//! Named style roles. Panes ask for a role, never for a colour. Every role
//! that marks a selection also carries BOLD or REVERSED, so it still shows
//! when `NO_COLOR` takes the colours away.

use ratatui::style::{Color, Modifier, Style};

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
    /// The theme for this environment: no colours when `NO_COLOR` is set
    /// to anything non-empty (<https://no-color.org>).
    pub fn from_env() -> Self {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        if no_color {
            Theme::monochrome()
        } else {
            Theme::colored()
        }
    }

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
}
