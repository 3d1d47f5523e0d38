//! Making article text inert before it reaches a terminal.
//!
//! Control characters, escape sequences and bidi controls are never written
//! to the terminal: each is replaced by a visible, one-column placeholder.
//! Since only the introducing control character is replaced, a whole escape
//! sequence (`ESC [ 3 1 m`, `ESC ] 52 ; ...`) becomes plain visible text.

use std::borrow::Cow;

/// The placeholder shown for `c`, or `None` when `c` is safe to print as is.
///
/// - C0 controls (except newline) and DEL: the Unicode control pictures
///   (`␛` for ESC, `␇` for BEL, `␈` for backspace, `␍` for CR, `␉` for tab).
/// - C1 controls U+0080..=U+009F: `¿`.
/// - Bidi embeddings, overrides and isolates (U+202A..=U+202E,
///   U+2066..=U+2069) and the marks U+200E/U+200F, U+061C: `¦`.
pub fn placeholder(c: char) -> Option<char> {
    match c {
        '\n' => None,
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' => Some('¿'),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{61c}' => Some('¦'),
        _ => None,
    }
}

/// True when `c` must not reach the terminal as is.
pub fn is_unsafe(c: char) -> bool {
    placeholder(c).is_some()
}

/// `s` with every unsafe character replaced by its placeholder; newlines too
/// become `␤` when `keep_newlines` is false (for one-line places such as the
/// status bar). Borrowed when nothing needed replacing.
pub fn inert_with(s: &str, keep_newlines: bool) -> Cow<'_, str> {
    let bad = |c: char| is_unsafe(c) || (!keep_newlines && c == '\n');
    if !s.chars().any(bad) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars().map(|c| if c == '\n' && !keep_newlines { '\u{2424}' } else { placeholder(c).unwrap_or(c) }).collect(),
    )
}

/// One-line inert form of `s` (newlines shown as `␤`).
pub fn inert(s: &str) -> Cow<'_, str> {
    inert_with(s, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_become_visible() {
        assert_eq!(inert("a\u{1b}[31mb"), "a\u{241b}[31mb");
        assert_eq!(inert("\u{7}\u{8}\r"), "\u{2407}\u{2408}\u{240d}");
        assert_eq!(inert("x\u{9b}y"), "x¿y");
        assert_eq!(inert("\u{202e}abc\u{2069}"), "¦abc¦");
        assert_eq!(inert("plain"), "plain");
        assert!(matches!(inert("plain"), Cow::Borrowed(_)));
        assert_eq!(inert_with("a\nb", true), "a\nb");
        assert_eq!(inert("a\nb"), "a\u{2424}b");
    }

    #[test]
    fn placeholders_are_one_column() {
        use unicode_width::UnicodeWidthChar;
        for c in (0u32..0x2100).filter_map(char::from_u32) {
            if let Some(p) = placeholder(c) {
                assert_eq!(p.width(), Some(1), "{:?}", c);
            }
        }
    }
}
