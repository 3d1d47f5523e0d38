//! Wrapping the article into screen rows that remember their byte ranges.
//!
//! Each row is a `[start, end)` range of `doc.text`, so a quote, a mention,
//! a search match or a mouse click maps exactly between text and screen.
//! Widths are our own (see [`glyph`]): control characters show as one-column
//! placeholders, tabs as [`TAB_WIDTH`] spaces, CJK and emoji as two columns.
//! The line breaking is textwrap's first-fit over our fragments; ASCII lines
//! (almost all of a news article) take a one-pass path with the same rows
//! (checked against textwrap in the tests).

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
///
/// Offsets are kept as `u32` (12 bytes a row: a 5 MB article has 200,000
/// rows per width); [`Row::start`] and [`Row::end`] give them as `usize`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    start: u32,
    end: u32,
    pub kind: RowKind,
}

impl Row {
    /// A row of text bytes `[start, end)`; offsets past 4 GiB are clamped
    /// (the engine does not tokenize that far either).
    pub fn new(start: usize, end: usize, kind: RowKind) -> Row {
        let at = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        Row { start: at(start), end: at(end), kind }
    }
    /// Byte offset of the row's first byte.
    pub const fn start(&self) -> usize {
        self.start as usize
    }
    /// Byte offset one past the row's last byte.
    pub const fn end(&self) -> usize {
        self.end as usize
    }
}

/// The article wrapped at one width, possibly only its first lines so far.
///
/// A wrap grows a whole line at a time, from the top ([`Wrapped::extend`]):
/// the reader wraps what it shows first and the rest when it is idle, so the
/// first frame of a long article does not wait for the whole text. Rows
/// already made never change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wrapped {
    pub width: usize,
    pub rows: Vec<Row>,
    /// Byte offset of the first line not wrapped yet.
    next: usize,
    /// True once every line is wrapped.
    done: bool,
}

impl Wrapped {
    /// Nothing wrapped yet, at `width` columns (at least 1).
    pub fn new(width: usize) -> Wrapped {
        Wrapped { width: width.max(1), rows: Vec::new(), next: 0, done: false }
    }

    /// The row showing byte `pos` (the last row starting at or before it).
    pub fn row_of(&self, pos: usize) -> usize {
        self.rows.partition_point(|r| r.start() <= pos).saturating_sub(1)
    }

    /// The rows' count (so far, while not [`Wrapped::complete`]).
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when there are no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// True once the whole text is wrapped.
    pub fn complete(&self) -> bool {
        self.done
    }

    /// Bytes of the text wrapped so far (its length, or more, once complete).
    pub fn wrapped_bytes(&self) -> usize {
        self.next
    }

    /// Wraps more lines of `text` (the same text and meta each call) until
    /// the line holding byte `pos` is wrapped and there are at least `rows`
    /// rows, or the text is done.
    pub fn extend(&mut self, text: &str, meta: &Meta, pos: usize, rows: usize) {
        self.extend_with(text, meta, pos, rows, str::is_ascii);
    }

    /// [`Wrapped::extend`], with `fast(line)` choosing the one-pass path for
    /// a line (else textwrap's first-fit).
    fn extend_with(&mut self, text: &str, meta: &Meta, pos: usize, rows: usize, fast: impl Fn(&str) -> bool) {
        if self.done || (self.next > pos && self.rows.len() >= rows) {
            return;
        }
        let width = self.width;
        let headline = meta.headline.filter(|h| !h.is_empty() && h.end <= text.len());
        if self.rows.is_empty() {
            // About one row per `width` bytes of what is asked for, plus the
            // blank rows between paragraphs.
            let ask = pos.saturating_add(1).min(text.len());
            self.rows.reserve(ask / width.max(16) + rows.min(1 << 16) + 16);
        }
        let mut offset = self.next;
        while offset <= text.len() && (offset <= pos || self.rows.len() < rows) {
            let start = offset;
            let end = memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i);
            let line = &text[start..end];
            offset = end + 1;
            let kind = if headline.is_some_and(|h| h.contains_pos(start) || (start < h.start && h.start < offset)) {
                RowKind::Headline
            } else {
                RowKind::Body
            };
            if line.is_empty() {
                self.rows.push(Row::new(start, start, kind));
            } else if fast(line) {
                wrap_line(line, start, width, kind, &mut self.rows);
            } else {
                wrap_line_textwrap(line, start, width, kind, &mut self.rows);
            }
            if kind == RowKind::Headline && headline.is_some_and(|h| h.end <= offset) {
                self.rows.push(Row::new(end, end, RowKind::Rule));
            }
        }
        self.next = offset;
        self.done = offset > text.len();
    }
}

/// Wraps the whole of `text` at `width` columns (at least 1).
///
/// One pass over the bytes: ASCII (almost all of a news article) is measured
/// without decoding, and the rows are built as the words go by, with the
/// same breaks as textwrap's first-fit algorithm over our fragments (see
/// `reference` in the tests): a word goes to a new row when it does not fit
/// after the words (and their following whitespace) already on the row; a
/// word wider than the row is cut into row-wide pieces.
pub fn wrap(text: &str, meta: &Meta, width: usize) -> Wrapped {
    let mut w = Wrapped::new(width);
    w.extend(text, meta, usize::MAX, 0);
    w
}

/// Screen width of an ASCII byte as the article draws it (a tab is
/// [`TAB_WIDTH`] spaces; other controls are one-column placeholders).
#[inline]
fn ascii_width(b: u8) -> usize {
    if b == b'\t' {
        TAB_WIDTH
    } else {
        1
    }
}

/// First-fit row building, one fragment at a time.
struct Rows<'a> {
    rows: &'a mut Vec<Row>,
    width: usize,
    kind: RowKind,
    /// The current row: start, end of its last word, columns used (the
    /// whitespace after its last word included), and whether it has a word.
    start: usize,
    end: usize,
    used: usize,
    open: bool,
}

impl Rows<'_> {
    /// Adds a fragment: bytes `[start, word_end)` `w` columns wide, followed
    /// by `ws` columns of whitespace.
    #[inline]
    fn push(&mut self, start: usize, word_end: usize, w: usize, ws: usize) {
        if self.open && self.used + w > self.width {
            self.rows.push(Row::new(self.start, self.end, self.kind));
            self.open = false;
        }
        if !self.open {
            self.start = start;
            self.used = 0;
            self.open = true;
        }
        self.end = word_end;
        self.used += w + ws;
    }

    fn finish(&mut self) {
        if self.open {
            self.rows.push(Row::new(self.start, self.end, self.kind));
            self.open = false;
        }
    }
}

fn wrap_line(line: &str, base: usize, width: usize, kind: RowKind, rows: &mut Vec<Row>) {
    let mut out = Rows { rows, width, kind, start: base, end: base, used: 0, open: false };
    let bytes = line.as_bytes();
    let n = bytes.len();
    let mut i = 0;
    while i < n {
        // A word (possibly empty, for leading whitespace) ...
        let word_start = i;
        let mut word_w = 0;
        while i < n {
            let b = bytes[i];
            if b == b' ' || b == b'\t' {
                break;
            }
            if b < 0x80 {
                word_w += 1;
                i += 1;
            } else {
                let c = line[i..].chars().next().unwrap_or(' ');
                word_w += glyph(c).width();
                i += c.len_utf8();
            }
        }
        let word_end = i;
        // ... and the whitespace after it.
        let mut ws_w = 0;
        while i < n && (bytes[i] == b' ' || bytes[i] == b'\t') {
            ws_w += ascii_width(bytes[i]);
            i += 1;
        }
        if word_w <= width {
            out.push(base + word_start, base + word_end, word_w, ws_w);
        } else {
            push_pieces(line, base, word_start, word_end, ws_w, &mut out);
        }
    }
    out.finish();
}

/// Adds the too-wide word `line[start..end)` in pieces no wider than the row
/// (at least one character each); the last piece carries the whitespace.
fn push_pieces(line: &str, base: usize, start: usize, end: usize, ws_w: usize, out: &mut Rows<'_>) {
    let width = out.width;
    let mut piece_start = start;
    let mut piece_w = 0;
    for (i, c) in line[start..end].char_indices() {
        let cw = glyph(c).width();
        if piece_w + cw > width && piece_w > 0 {
            out.push(base + piece_start, base + start + i, piece_w, 0);
            piece_start = start + i;
            piece_w = 0;
        }
        piece_w += cw;
    }
    out.push(base + piece_start, base + end, piece_w, ws_w);
}

/// A word (and its trailing whitespace) as textwrap sees it.
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

/// Wraps one line with textwrap's first-fit over our fragments: used for
/// lines with non-ASCII text, where widths vary (CJK, emoji, placeholders).
fn wrap_line_textwrap(line: &str, base: usize, width: usize, kind: RowKind, rows: &mut Vec<Row>) {
    let mut frags: Vec<Frag> = Vec::new();
    let mut word_start = 0;
    let mut word_w = 0;
    let mut ws_start: Option<usize> = None;
    let mut ws_w = 0;
    for (i, c) in line.char_indices() {
        if c == ' ' || c == '\t' {
            if ws_start.is_none() {
                ws_start = Some(i);
            }
            ws_w += glyph(c).width();
        } else {
            if let Some(ws) = ws_start.take() {
                push_fragments(line, base, word_start, ws, word_w, ws_w, width, &mut frags);
                word_start = i;
                word_w = 0;
                ws_w = 0;
            }
            word_w += glyph(c).width();
        }
    }
    let word_end = ws_start.unwrap_or(line.len());
    push_fragments(line, base, word_start, word_end, word_w, ws_w, width, &mut frags);
    for l in wrap_first_fit(&frags, &[width as f64]) {
        if let (Some(first), Some(last)) = (l.first(), l.last()) {
            rows.push(Row::new(first.start, last.word_end, kind));
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn push_fragments(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    fn texts<'a>(text: &'a str, w: &Wrapped) -> Vec<&'a str> {
        w.rows.iter().map(|r| &text[r.start()..r.end()]).collect()
    }

    /// The former wrapper: textwrap's first-fit over fragments, kept as the
    /// reference the one-pass wrapper must agree with.
    mod reference {
        use super::super::*;

        pub fn wrap(text: &str, meta: &Meta, width: usize) -> Wrapped {
            let mut w = Wrapped::new(width);
            w.extend_with(text, meta, usize::MAX, 0, |_| false);
            w
        }
    }

    #[test]
    fn one_pass_wrapper_matches_textwrap_first_fit() {
        let texts = [
            "Big news here\n\nBody text with  two spaces, a\ttab and trailing spaces   \n   leading spaces\n",
            "日本語のテキスト and 😀 emoji, \u{1b}[31m escapes\u{7} and \u{202e}bidi\u{202c} marks",
            "supercalifragilisticexpialidocious antidisestablishmentarianism x\n\n\n \t \n",
            "\u{201c}We will win,\u{201d} Jane Doe said. \u{2014} Caf\u{e9} na\u{ef}ve r\u{e9}sum\u{e9}s \u{200b}zero width",
        ];
        for t in texts {
            let long = format!("{t}\n{}", t.repeat(7));
            for text in [t, long.as_str()] {
                let meta = Meta { headline: Some(Span::new(0, text.find(' ').unwrap_or(0))), ..Meta::default() };
                for width in 1..=41 {
                    for m in [&Meta::default(), &meta] {
                        assert_eq!(wrap(text, m, width), reference::wrap(text, m, width), "width {width}: {text:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn a_wrap_grown_in_steps_is_the_whole_wrap() {
        let t = "Big news here\n\nBody text with  words, \u{201c}quoted\u{201d} too.\n\n".repeat(9);
        let meta = Meta { headline: Some(Span::new(0, 13)), ..Meta::default() };
        for width in [1, 7, 30] {
            let whole = wrap(&t, &meta, width);
            for step in [1, 5, 40] {
                let mut w = Wrapped::new(width);
                let mut pos = 0;
                while !w.complete() {
                    w.extend(&t, &meta, pos, 0);
                    assert!(w.wrapped_bytes() > pos.min(t.len()));
                    pos += step;
                }
                assert_eq!(w, whole, "width {width}, step {step}");
            }
            let mut w = Wrapped::new(width);
            w.extend(&t, &meta, 0, 12);
            assert!(w.len() >= 12 && !w.complete());
            assert_eq!(w.rows[..], whole.rows[..w.len()]);
        }
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
            assert!(text_width(&t[r.start()..r.end()]) <= 37);
            assert!(r.start() >= cursor);
            cursor = r.end();
        }
        assert_eq!(w.rows.len(), 20_000usize.div_ceil(7));
    }
}
