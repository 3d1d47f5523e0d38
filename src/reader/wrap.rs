//! Wrapping the article into screen rows that remember their byte ranges.
//!
//! Each row is a `[start, end)` range of `doc.text`, so a quote, a mention,
//! a search match or a mouse click maps exactly between text and screen.
//! Widths are our own (see [`glyph`]): control characters show as one-column
//! placeholders, tabs as [`TAB_WIDTH`] spaces, CJK and emoji as two columns.
//! The line breaking itself is textwrap's first-fit algorithm over our
//! fragments.

use textwrap::core::Fragment;
use textwrap::wrap_algorithms::wrap_first_fit;
use unicode_width::UnicodeWidthChar;

use crate::model::Meta;
use crate::sanitize;

/// Columns a tab takes in the article.
pub const TAB_WIDTH: usize = 4;

/// How a character of the article is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Glyph {
    /// Drawn as this character, `width` columns wide.
    Char(char, usize),
    /// Drawn as this many spaces (a tab).
    Spaces(usize),
}

impl Glyph {
    /// Columns taken on screen.
    pub fn width(self) -> usize {
        match self {
            Glyph::Char(_, w) | Glyph::Spaces(w) => w,
        }
    }
}

/// What `c` looks like on screen: never a raw control character.
pub fn glyph(c: char) -> Glyph {
    if c == '\t' {
        return Glyph::Spaces(TAB_WIDTH);
    }
    if let Some(p) = sanitize::placeholder(c) {
        return Glyph::Char(p, 1);
    }
    Glyph::Char(c, c.width().unwrap_or(0))
}

/// Screen width of `s` as the article draws it.
pub fn text_width(s: &str) -> usize {
    s.chars().map(|c| glyph(c).width()).sum()
}

/// What a row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// Article text.
    Body,
    /// Part of the headline.
    Headline,
    /// The rule under the headline (no text).
    Rule,
}

/// One screen row: text bytes `[start, end)` (trailing spaces excluded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub start: usize,
    pub end: usize,
    pub kind: RowKind,
}

/// The article wrapped at one width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wrapped {
    pub width: usize,
    pub rows: Vec<Row>,
}

impl Wrapped {
    /// The row showing byte `pos` (the last row starting at or before it).
    pub fn row_of(&self, pos: usize) -> usize {
        self.rows.partition_point(|r| r.start <= pos).saturating_sub(1)
    }

    /// The rows' count.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when there are no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

/// A word (or a piece of a long word) and the whitespace after it.
#[derive(Debug, Clone, Copy)]
struct Frag {
    start: usize,
    word_end: usize,
    width: usize,
    ws_width: usize,
}

impl Fragment for Frag {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.ws_width as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

/// Fragments are wrapped in batches so a huge paragraph needs little memory;
/// first-fit is greedy, so batching gives the same rows.
const BATCH: usize = 4096;

/// Wraps `text` at `width` columns (at least 1).
pub fn wrap(text: &str, meta: &Meta, width: usize) -> Wrapped {
    let width = width.max(1);
    let mut rows = Vec::new();
    let headline = meta.headline.filter(|h| !h.is_empty() && h.end <= text.len());
    let mut offset = 0;
    for line in text.split('\n') {
        let start = offset;
        offset += line.len() + 1;
        let kind = if headline.is_some_and(|h| h.contains_pos(start) || (start < h.start && h.start < offset)) {
            RowKind::Headline
        } else {
            RowKind::Body
        };
        if line.is_empty() {
            rows.push(Row { start, end: start, kind });
        } else {
            wrap_line(line, start, width, kind, &mut rows);
        }
        if kind == RowKind::Headline && headline.is_some_and(|h| h.end <= offset) {
            let end = (start + line.len()).min(text.len());
            rows.push(Row { start: end, end, kind: RowKind::Rule });
        }
    }
    Wrapped { width, rows }
}

fn wrap_line(line: &str, base: usize, width: usize, kind: RowKind, rows: &mut Vec<Row>) {
    let mut frags: Vec<Frag> = Vec::new();
    let mut word_start = 0;
    let mut word_w = 0;
    let mut ws_start: Option<usize> = None;
    let mut ws_w = 0;
    for (i, c) in line.char_indices() {
        let is_space = c == ' ' || c == '\t';
        if is_space {
            if ws_start.is_none() {
                ws_start = Some(i);
            }
            ws_w += glyph(c).width();
        } else {
            if let Some(ws) = ws_start.take() {
                push_frags(line, base, word_start, ws, word_w, ws_w, width, &mut frags);
                word_start = i;
                word_w = 0;
                ws_w = 0;
                if frags.len() >= BATCH {
                    flush(&mut frags, false, width, kind, rows);
                }
            }
            word_w += glyph(c).width();
        }
    }
    let word_end = ws_start.unwrap_or(line.len());
    push_frags(line, base, word_start, word_end, word_w, ws_w, width, &mut frags);
    flush(&mut frags, true, width, kind, rows);
}

/// Adds the word `line[start..end)` (with `ws_w` columns of whitespace after
/// it), broken into pieces no wider than `width` when it is too long.
#[allow(clippy::too_many_arguments)]
fn push_frags(
    line: &str,
    base: usize,
    start: usize,
    end: usize,
    w: usize,
    ws_w: usize,
    width: usize,
    out: &mut Vec<Frag>,
) {
    if w <= width {
        out.push(Frag { start: base + start, word_end: base + end, width: w, ws_width: ws_w });
        return;
    }
    let mut piece_start = start;
    let mut piece_w = 0;
    for (i, c) in line[start..end].char_indices() {
        let cw = glyph(c).width();
        if piece_w + cw > width && piece_w > 0 {
            out.push(Frag { start: base + piece_start, word_end: base + start + i, width: piece_w, ws_width: 0 });
            piece_start = start + i;
            piece_w = 0;
        }
        piece_w += cw;
    }
    out.push(Frag { start: base + piece_start, word_end: base + end, width: piece_w, ws_width: ws_w });
}

/// Wraps the pending fragments into rows; unless `last`, the final
/// (possibly unfinished) row's fragments stay pending.
fn flush(frags: &mut Vec<Frag>, last: bool, width: usize, kind: RowKind, rows: &mut Vec<Row>) {
    if frags.is_empty() {
        return;
    }
    let lines = wrap_first_fit(frags, &[width as f64]);
    let keep = if last { lines.len() } else { lines.len().saturating_sub(1) };
    let mut used = 0;
    for l in &lines[..keep] {
        if let (Some(first), Some(last)) = (l.first(), l.last()) {
            rows.push(Row { start: first.start, end: last.word_end, kind });
        }
        used += l.len();
    }
    frags.drain(..used);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn texts<'a>(text: &'a str, w: &Wrapped) -> Vec<&'a str> {
        w.rows.iter().map(|r| &text[r.start..r.end]).collect()
    }

    #[test]
    fn wraps_words_and_keeps_offsets() {
        let t = "one two three four\n\nfive";
        let w = wrap(t, &Meta::default(), 9);
        assert_eq!(texts(t, &w), vec!["one two", "three", "four", "", "five"]);
        assert_eq!(w.rows[3].start, 19);
        assert_eq!(w.row_of(20), 4);
        assert_eq!(w.row_of(9), 1);
    }

    #[test]
    fn breaks_long_words_and_wide_chars() {
        let t = "abcdefghij";
        assert_eq!(texts(t, &wrap(t, &Meta::default(), 4)), vec!["abcd", "efgh", "ij"]);
        let t = "日本語のテキスト";
        let w = wrap(t, &Meta::default(), 5);
        assert_eq!(texts(t, &w), vec!["日本", "語の", "テキ", "スト"]);
        // A double-width char in a one-column pane still makes progress.
        assert_eq!(wrap(t, &Meta::default(), 1).len(), 8);
    }

    #[test]
    fn control_chars_and_tabs_have_fixed_widths() {
        assert_eq!(text_width("a\u{1b}[31m"), 6);
        assert_eq!(text_width("\tx"), TAB_WIDTH + 1);
        assert_eq!(text_width("😀"), 2);
    }

    #[test]
    fn headline_rows_and_rule() {
        let t = "Big news here\n\nBody text.";
        let meta = Meta { headline: Some(Span::new(0, 13)), ..Meta::default() };
        let w = wrap(t, &meta, 8);
        let kinds: Vec<RowKind> = w.rows.iter().map(|r| r.kind).collect();
        assert_eq!(
            kinds,
            vec![RowKind::Headline, RowKind::Headline, RowKind::Rule, RowKind::Body, RowKind::Body, RowKind::Body]
        );
    }

    #[test]
    fn huge_line_batches_like_one_pass() {
        let t = "word ".repeat(20_000);
        let w = wrap(&t, &Meta::default(), 37);
        let mut cursor = 0;
        for r in &w.rows {
            assert!(text_width(&t[r.start..r.end]) <= 37);
            assert!(r.start >= cursor);
            cursor = r.end;
        }
        assert_eq!(w.rows.len(), 20_000usize.div_ceil(7));
    }
}
