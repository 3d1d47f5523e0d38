//! Tokens: words and punctuation with their byte spans, shared by the
//! stages so the text is scanned once.

use std::cell::Cell;
use std::fmt;
use std::ops::{Deref, Index, Range};

use rustc_hash::FxHashMap;

use crate::model::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum TokKind {
    /// Letters/digits with inner `.`, `-`, `'`, `&` ("U.N.", "Eui-yong", "don't").
    Word,
    /// Any other visible character (one per token): `,` `.` `"` `“` ...
    Punct,
}

/// One token of the text.
///
/// 7 bytes a token, packed (a 5 MB article has a million): the start as a
/// `u32`, the length as a `u16` and the kind and flags in a byte;
/// [`Token::start`] and [`Token::end`] give the offsets as `usize`. Text
/// past 4 GiB is not tokenized, and a word longer than [`MAX_TOKEN_LEN`]
/// bytes is cut into several.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(C, packed)]
pub struct Token {
    start: u32,
    len: u16,
    /// `CAP`, `POSSESSIVE`, `SPACE_BEFORE`, `NEWLINE_BEFORE`, the
    /// word-shape bits `INNER_CAP`, `JOINED`, `DOTTED`, and `PUNCT` for the
    /// kind.
    flags: u8,
}

/// The longest token, in bytes (its length has 16 bits).
pub const MAX_TOKEN_LEN: usize = (1 << 16) - 1;

const CAP: u8 = 1;
const POSSESSIVE: u8 = 2;
const SPACE_BEFORE: u8 = 4;
const NEWLINE_BEFORE: u8 = 8;
const INNER_CAP: u8 = 16;
const JOINED: u8 = 32;
const DOTTED: u8 = 64;
const PUNCT: u8 = 128;

impl Token {
    /// `shape`: the word-shape bits (`INNER_CAP`, `JOINED`, `DOTTED`).
    #[allow(clippy::too_many_arguments)]
    fn new(
        start: u32,
        end: u32,
        kind: TokKind,
        cap: bool,
        possessive: bool,
        space: bool,
        newline: bool,
        shape: u8,
    ) -> Self {
        let bit = |on: bool, b: u8| if on { b } else { 0 };
        let flags = bit(cap, CAP)
            | bit(possessive, POSSESSIVE)
            | bit(space, SPACE_BEFORE)
            | bit(newline, NEWLINE_BEFORE)
            | bit(kind == TokKind::Punct, PUNCT)
            | shape;
        debug_assert!((end - start) as usize <= MAX_TOKEN_LEN);
        Token { start, len: (end - start) as u16, flags }
    }
    #[inline]
    const fn flags(&self) -> u8 {
        self.flags
    }
    /// What the token is.
    #[inline]
    pub const fn kind(&self) -> TokKind {
        if self.flags() & PUNCT != 0 {
            TokKind::Punct
        } else {
            TokKind::Word
        }
    }
    /// First character is uppercase.
    #[inline]
    pub const fn cap(&self) -> bool {
        self.flags() & CAP != 0
    }
    /// Followed directly by a possessive `'s` / `’s` (not part of the token).
    #[inline]
    pub const fn possessive(&self) -> bool {
        self.flags() & POSSESSIVE != 0
    }
    /// A capital after the first character ("eBay", "McKay", "NATO").
    #[inline]
    pub const fn inner_cap(&self) -> bool {
        self.flags() & INNER_CAP != 0
    }
    /// A hyphen or an apostrophe inside the word ("al-Sadr", "O'Neil").
    #[inline]
    pub const fn joined(&self) -> bool {
        self.flags() & JOINED != 0
    }
    /// A period inside the word ("U.N", "example.com").
    #[inline]
    pub const fn dotted(&self) -> bool {
        self.flags() & DOTTED != 0
    }
    /// Whitespace precedes the token (or it starts the text).
    #[inline]
    pub const fn space_before(&self) -> bool {
        self.flags() & SPACE_BEFORE != 0
    }
    /// A newline lies between this token and the previous one.
    #[inline]
    pub const fn newline_before(&self) -> bool {
        self.flags() & NEWLINE_BEFORE != 0
    }
    /// Byte offset of the token's first byte.
    #[inline]
    pub const fn start(&self) -> usize {
        self.start as usize
    }
    /// Byte offset one past the token's last byte.
    #[inline]
    pub const fn end(&self) -> usize {
        self.start as usize + self.len as usize
    }
    /// The token's span.
    pub const fn span(&self) -> Span {
        Span::new(self.start(), self.end())
    }
    /// The token text.
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start()..self.end()]
    }
    /// True for a word token.
    pub fn is_word(&self) -> bool {
        self.flags() & PUNCT == 0
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// True for the apostrophes that may sit inside a word.
pub fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Splits `text` into tokens. Linear, one pass.
pub fn tokenize(text: &str) -> Vec<Token> {
    tokenize_with(text, true)
}

/// [`tokenize`]; `plain_words`: plain ASCII words taken at once (off, every
/// word goes the general way: the same tokens, for the tests).
#[inline(always)]
fn tokenize_with(text: &str, plain_words: bool) -> Vec<Token> {
    let mut toks = Vec::with_capacity(text.len() / 5);
    let mut chars = Chars { text, pos: 0 };
    let mut space_before = true;
    let mut newline_before = false;
    loop {
        // (A plain space between words: nothing else to decide.)
        if text.as_bytes().get(chars.pos) == Some(&b' ') {
            chars.pos += 1;
            space_before = true;
            continue;
        }
        // (Most words: ASCII letters and digits up to a space or a plain mark.)
        if let Some((start, len, upper)) = plain_words.then(|| chars.plain_ascii_word()).flatten() {
            let shape = if upper { INNER_CAP } else { 0 };
            let cap = text.as_bytes()[start as usize].is_ascii_uppercase();
            toks.push(Token::new(start, start + len, TokKind::Word, cap, false, space_before, newline_before, shape));
            (space_before, newline_before) = (false, false);
            continue;
        }
        let Some((i, c)) = chars.next() else { break };
        if c.is_whitespace() {
            space_before = true;
            if c == '\n' {
                newline_before = true;
            }
            continue;
        }
        if is_word_char(c) {
            let mut end = i + c.len_utf8();
            let mut shape = 0u8;
            // Extend over word chars and inner connectors followed by a word char.
            // (A step adds at most 4 bytes.)
            while end - i <= MAX_TOKEN_LEN - 4 {
                // (ASCII letters and digits, most of a word, a byte at a time.)
                if let Some((n, upper)) = chars.ascii_run(MAX_TOKEN_LEN - 3 - (end - i)) {
                    (end, shape) = (end + n, shape | if upper { INNER_CAP } else { 0 });
                    continue;
                }
                match chars.peek() {
                    Some((_, d)) if is_word_char(d) => {
                        end += d.len_utf8();
                        if d.is_uppercase() {
                            shape |= INNER_CAP;
                        }
                        chars.next();
                    }
                    // "10,000": a thousands separator between digits.
                    Some((j, ','))
                        if text[i..j].ends_with(|c: char| c.is_ascii_digit())
                            && text[j + 1..].len() >= 3
                            && text.as_bytes()[j + 1..j + 4].iter().all(u8::is_ascii_digit)
                            && !text.as_bytes().get(j + 4).is_some_and(u8::is_ascii_digit) =>
                    {
                        end = j + 1;
                        chars.next();
                    }
                    Some((j, d)) if matches!(d, '.' | '-' | '&' | '\u{2010}' | '\u{2011}') || is_apostrophe(d) => {
                        let after = text[j + d.len_utf8()..].chars().next();
                        if after.is_some_and(is_word_char) {
                            // A possessive 's ends the word: "Chung's".
                            if is_apostrophe(d) {
                                let rest = &text[j + d.len_utf8()..];
                                let mut rc = rest.chars();
                                if matches!(rc.next(), Some('s')) && !rc.next().is_some_and(is_word_char) {
                                    break;
                                }
                            }
                            end = j + d.len_utf8();
                            shape |= if d == '.' {
                                DOTTED
                            } else if d == '&' {
                                0
                            } else {
                                JOINED
                            };
                            chars.next();
                        } else if d == '.' && is_dotted_abbrev(&text[i..j]) {
                            // "U.N." keeps its final period.
                            end = j + 1;
                            chars.next();
                            break;
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            let cap = c.is_uppercase();
            let possessive = chars.possessive(&text[i..end]);
            let (Ok(start), Ok(end)) = (u32::try_from(i), u32::try_from(end)) else { break };
            toks.push(Token::new(start, end, TokKind::Word, cap, possessive, space_before, newline_before, shape));
        } else {
            let (Ok(start), Ok(end)) = (u32::try_from(i), u32::try_from(i + c.len_utf8())) else { break };
            toks.push(Token::new(start, end, TokKind::Punct, false, false, space_before, newline_before, 0));
        }
        space_before = false;
        newline_before = false;
    }
    toks
}

/// [`ASCII_WORD`]'s mark of an uppercase letter.
const UPPER: u8 = 2;

/// Per byte: 0 but for ASCII letters and digits, which are 1, or 1 |
/// [`UPPER`] for an uppercase letter (one load a byte in a word).
const ASCII_WORD: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = if c.is_ascii_uppercase() { 1 | UPPER } else { 1 };
        }
        b += 1;
    }
    t
};

/// The characters of a text with their offsets, from `pos` on: a peekable
/// `char_indices` that can also take a run of ASCII bytes at once.
struct Chars<'a> {
    text: &'a str,
    pos: usize,
}

impl Chars<'_> {
    #[inline]
    fn peek(&self) -> Option<(usize, char)> {
        match self.text.as_bytes().get(self.pos) {
            Some(&b) if b.is_ascii() => Some((self.pos, b as char)),
            Some(_) => self.text[self.pos..].chars().next().map(|c| (self.pos, c)),
            None => None,
        }
    }

    #[inline]
    fn next(&mut self) -> Option<(usize, char)> {
        let at = self.pos;
        let c = match self.text.as_bytes().get(at) {
            Some(&b) if b.is_ascii() => b as char,
            Some(_) => self.text[at..].chars().next()?,
            None => return None,
        };
        self.pos += c.len_utf8();
        Some((at, c))
    }

    /// Takes a plain ASCII word next, if one is: ASCII letters and digits
    /// (fewer than 256) up to the text's end or an ASCII byte that neither
    /// joins a word nor starts a possessive (not `,` `.` `-` `&` `'`),
    /// which [`tokenize`]'s general path would take whole, with no
    /// possessive: its start, its length and whether a letter after the
    /// first is uppercase.
    #[inline]
    fn plain_ascii_word(&mut self) -> Option<(u32, u32, bool)> {
        let bytes = self.text.as_bytes();
        let rest = &bytes[self.pos..bytes.len().min(self.pos + 256)];
        let (n, _, seen) = ascii_word_run(rest);
        let plain_end = match rest.get(n) {
            None => self.pos + n == bytes.len(),
            Some(&b) => b.is_ascii() && !matches!(b, b',' | b'.' | b'-' | b'&' | b'\''),
        };
        if n == 0 || !plain_end {
            return None;
        }
        let start = u32::try_from(self.pos).ok()?;
        let len = u32::try_from(n).ok()?;
        start.checked_add(len)?;
        self.pos += n;
        Some((start, len, seen & UPPER != 0))
    }

    /// Takes a possessive `'s` (or the `'` of `s'`) after `word`, which
    /// ends where the characters are, if one is next: true when it did (it
    /// becomes no tokens).
    fn possessive(&mut self, word: &str) -> bool {
        let rest = &self.text[self.pos..];
        // (An apostrophe's first byte first: most words end at a space or a mark.)
        if !matches!(rest.as_bytes().first(), Some(b'\'' | 0xE2)) {
            return false;
        }
        let Some(a) = rest.chars().next().filter(|&a| is_apostrophe(a)) else { return false };
        let alen = a.len_utf8();
        let next = rest[alen..].chars().next();
        if next == Some('s') && !rest[alen + 1..].chars().next().is_some_and(is_word_char) {
            self.pos += alen + 1;
            true
        } else if word.ends_with('s') && !next.is_some_and(is_word_char) {
            self.pos += alen;
            true
        } else {
            false
        }
    }

    /// Takes the ASCII letters and digits next (at most `room`), if any:
    /// how many, and whether one is uppercase.
    #[inline]
    fn ascii_run(&mut self, room: usize) -> Option<(usize, bool)> {
        let rest = &self.text.as_bytes()[self.pos..];
        let (n, first, seen) = ascii_word_run(&rest[..room.min(rest.len())]);
        self.pos += n;
        (n > 0).then_some((n, (first | seen) & UPPER != 0))
    }
}

/// The ASCII letters and digits that `rest` starts with: how many, the
/// [`ASCII_WORD`] class of the first and the classes of the others, joined.
#[inline(always)]
fn ascii_word_run(rest: &[u8]) -> (usize, u8, u8) {
    let first = match rest.first() {
        Some(&b) => ASCII_WORD[b as usize],
        None => 0,
    };
    if first == 0 {
        return (0, 0, 0);
    }
    let (mut n, mut seen) = (1, 0);
    for &b in &rest[1..] {
        let class = ASCII_WORD[b as usize];
        if class == 0 {
            break;
        }
        seen |= class;
        n += 1;
    }
    (n, first, seen)
}

/// "U.N", "U.S", "S" (before its period): letters separated by periods,
/// each part one or two letters, all uppercase.
fn is_dotted_abbrev(s: &str) -> bool {
    let parts = s.split('.').count();
    !s.is_empty()
        && (parts >= 2 || s.chars().count() == 1)
        && s.split('.').all(|p| {
            let n = p.chars().count();
            (1..=2).contains(&n) && p.chars().all(|c| c.is_uppercase())
        })
}

/// True when the character is a double quote mark of any style.
pub fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{ab}' | '\u{bb}' | '\u{2033}')
}

/// True for the quote marks that can only open a quote.
pub fn is_opening_only(c: char) -> bool {
    matches!(c, '\u{201c}' | '\u{201e}' | '\u{201f}' | '\u{ab}')
}

/// True for the quote marks that can only close a quote.
pub fn is_closing_only(c: char) -> bool {
    matches!(c, '\u{201d}' | '\u{bb}')
}

/// The lowercase form of every word token (empty for punctuation), computed
/// once and shared by the stages: `lower[i]` is token `i`'s word.
///
/// Most words are lowercase already and are read from the text itself; the
/// others (capitalized words, acronyms) are kept lowercased one after the
/// other in token order, found through one bit per token (counted per block
/// of 64 tokens). The few words whose lowercase changes length in
/// bytes ("İ") are kept apart. For a news article this is about a fifth of
/// the text, against a string per token before.
pub struct Lower<'a> {
    tokens: &'a [Token],
    text: &'a str,
    /// One bit per token: its lowercase differs from it and is in `changed`.
    differs: Vec<u64>,
    /// The lowercase forms of those words, each once (a name recurs), and
    /// where each changed token's form starts (below 4 GiB, as token offsets
    /// are).
    changed: String,
    changed_at: Vec<u32>,
    /// How many such words come before each block of 64 tokens.
    block_rank: Vec<usize>,
    /// (token index, lowercase word) for the words whose lowercase changes
    /// length, by index.
    other: Vec<(usize, Box<str>)>,
    /// The last changed words read, as (token index + 1, form start), by
    /// token index mod 4: the rules read a name's words again and again.
    recent: [Cell<(usize, u32)>; 4],
}

/// Sorts `v` by `key`, equal ones in their order (as a stable sort would,
/// without its scratch copy of the whole slice: a long article has tens of
/// thousands of candidates): an order of indices is sorted, then applied
/// in place.
pub fn sort_stable_in_place<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    if v.is_sorted_by_key(&key) {
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    order.sort_by_key(|&i| key(&v[i]));
    // Position j takes the element at order[j]: each cycle of the
    // permutation by swaps.
    for i in 0..v.len() {
        let mut j = i;
        while order[j] != usize::MAX {
            let k = std::mem::replace(&mut order[j], usize::MAX);
            if k == i {
                break;
            }
            v.swap(j, k);
            j = k;
        }
    }
}

/// The lowercase words of a document (see [`Lower`]).
pub fn lowercase<'a>(text: &'a str, tokens: &'a [Token]) -> Lower<'a> {
    let blocks = tokens.len().div_ceil(64);
    let mut differs = vec![0u64; blocks];
    let mut block_rank = Vec::with_capacity(blocks);
    let mut changed = String::new();
    let mut changed_at = Vec::new();
    let mut other = Vec::new();
    // Each changed word's form in `changed`, by the word as written.
    let mut stored: FxHashMap<&str, u32> = FxHashMap::default();
    for (i, t) in tokens.iter().enumerate() {
        if i % 64 == 0 {
            block_rank.push(changed_at.len());
        }
        if !t.is_word() {
            continue;
        }
        let w = t.text(text);
        if w.is_ascii() {
            // (An ASCII word has a capital just when `tokenize` marked its
            // first letter or an inner one.)
            if t.cap() || t.inner_cap() {
                differs[i / 64] |= 1 << (i % 64);
                changed_at.push(*stored.entry(w).or_insert_with(|| {
                    let from = changed.len();
                    changed.push_str(w);
                    changed[from..].make_ascii_lowercase();
                    from as u32
                }));
            }
        } else {
            let l = w.to_lowercase();
            if l == w {
                continue;
            }
            if l.len() == w.len() {
                differs[i / 64] |= 1 << (i % 64);
                changed_at.push(*stored.entry(w).or_insert_with(|| {
                    changed.push_str(&l);
                    (changed.len() - l.len()) as u32
                }));
            } else {
                other.push((i, l.into_boxed_str()));
            }
        }
    }
    changed.shrink_to_fit();
    changed_at.shrink_to_fit();
    Lower { tokens, text, differs, changed, changed_at, block_rank, other, recent: Default::default() }
}

impl<'a> Lower<'a> {
    /// The lowercase word of token `i`, if there is a token `i`.
    pub fn get(&self, i: usize) -> Option<&Word> {
        (i < self.tokens.len()).then(|| &self[i])
    }

    /// Every token's lowercase word, in order.
    pub fn iter(&self) -> impl Iterator<Item = &Word> + '_ {
        (0..self.tokens.len()).map(|i| &self[i])
    }

    /// The lowercase words of the tokens in `range`.
    pub fn words(&self, range: Range<usize>) -> Words<'_, 'a> {
        assert!(range.start <= range.end && range.end <= self.tokens.len(), "token range out of bounds");
        Words { lower: self, range }
    }
}

impl Index<usize> for Lower<'_> {
    type Output = Word;

    #[inline(always)]
    fn index(&self, i: usize) -> &Word {
        let t = &self.tokens[i];
        if !t.is_word() {
            return Word::new("");
        }
        let (block, bit) = (i / 64, i % 64);
        let differs = self.differs[block];
        if differs & 1 << bit != 0 {
            let recent = &self.recent[i % 4];
            let at = match recent.get() {
                (j, at) if j == i + 1 => at,
                _ => {
                    let rank = self.block_rank[block] + (differs & ((1 << bit) - 1)).count_ones() as usize;
                    let at = self.changed_at[rank];
                    recent.set((i + 1, at));
                    at
                }
            } as usize;
            let form = at..at + (t.end() - t.start());
            assert!(form.end <= self.changed.len());
            // SAFETY: in bounds (checked above), and `changed` holds this
            // word's lowercase form, as long as the word, from `at`: both
            // ends are char boundaries.
            debug_assert!(self.changed.is_char_boundary(form.start) && self.changed.is_char_boundary(form.end));
            return Word::new(unsafe { self.changed.get_unchecked(form) });
        }
        if !self.other.is_empty() {
            if let Ok(k) = self.other.binary_search_by_key(&i, |o| o.0) {
                return Word::new(&self.other[k].1);
            }
        }
        // SAFETY: `lowercase` sliced `text` at every word token's range
        // (which panics unless it lies in the text on char boundaries), and
        // `Lower` borrows both unchanged: the range is a valid `str` range.
        debug_assert!(self.text.get(t.start()..t.end()).is_some());
        Word::new(unsafe { self.text.get_unchecked(t.start()..t.end()) })
    }
}

/// The lowercase words of a range of tokens (see [`Lower::words`]).
pub struct Words<'l, 'a> {
    lower: &'l Lower<'a>,
    range: Range<usize>,
}

impl<'l> Words<'l, '_> {
    /// The words in order.
    pub fn iter(&self) -> impl Iterator<Item = &'l Word> + '_ {
        self.range.clone().map(|i| &self.lower[i])
    }
}

/// A lowercase word (see [`Lower`]): a `str` that compares with `&str`.
#[derive(Debug, PartialEq, Eq, Hash)]
#[repr(transparent)]
pub struct Word(str);

impl Word {
    fn new(s: &str) -> &Word {
        // SAFETY: `Word` is a `repr(transparent)` wrapper of `str`, so the
        // pointer cast keeps the layout and the length (as `Path::new` does).
        unsafe { &*(s as *const str as *const Word) }
    }

    /// The word as a `str`.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Word {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Word {
    fn eq(&self, other: &str) -> bool {
        &self.0 == other
    }
}

impl PartialEq<&str> for Word {
    fn eq(&self, other: &&str) -> bool {
        &self.0 == *other
    }
}

impl PartialEq<Word> for String {
    fn eq(&self, other: &Word) -> bool {
        self.as_str() == &other.0
    }
}

impl fmt::Display for Word {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

/// Walks back from token `k` over the words `skip` accepts and returns the
/// first word it does not skip; `None` at punctuation or the text's start.
pub fn word_before(tokens: &[Token], k: usize, skip: impl Fn(usize) -> bool) -> Option<usize> {
    let mut j = k;
    while j > 0 {
        j -= 1;
        if !tokens[j].is_word() {
            return None;
        }
        if !skip(j) {
            return Some(j);
        }
    }
    None
}

/// Words that scale or divide the number before them ("5 million", "3 per").
pub const SCALES: [&str; 6] = ["million", "billion", "trillion", "thousand", "hundred", "per"];

/// Prepositions: a name right after one is not a sentence subject.
pub const PREPOSITIONS: [&str; 30] = [
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "of",
    "to",
    "about",
    "against",
    "among",
    "between",
    "during",
    "under",
    "over",
    "after",
    "before",
    "through",
    "including",
    "like",
    "toward",
    "towards",
    "into",
    "without",
    "within",
    "than",
    "per",
    "via",
    "as",
];

/// For each word length below 16, the first letters of the prepositions
/// of that length (a bit for the five low bits of each).
const PREPOSITION_STARTS: [u32; 16] = {
    let mut starts = [0u32; 16];
    let mut i = 0;
    while i < PREPOSITIONS.len() {
        let w = PREPOSITIONS[i].as_bytes();
        starts[w.len()] |= 1 << (w[0] & 31);
        i += 1;
    }
    starts
};

/// `w` is one of [`PREPOSITIONS`] (most words turned away by their length
/// and first letter before the list is read).
#[inline]
pub fn is_preposition(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() < 16 && !b.is_empty() && PREPOSITION_STARTS[b.len()] >> (b[0] & 31) & 1 != 0 && PREPOSITIONS.contains(&w)
}

/// An article, demonstrative or possessive determiner ("the", "this",
/// "their"): the word after it is a noun, not a verb or a name's head.
pub fn is_determiner(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
    )
}

/// The part of `word` before its first apostrophe (`'` or `’`), or all of
/// it ("I'm" -> "I"). One pass over the bytes: most words have none.
pub fn before_apostrophe(word: &str) -> &str {
    let b = word.as_bytes();
    for (i, &x) in b.iter().enumerate() {
        // ('’' is E2 80 99 in UTF-8.)
        if x == b'\'' || x == 0xE2 && b.get(i + 1..i + 3) == Some(&[0x80, 0x99]) {
            return &word[..i];
        }
    }
    word
}

/// The first character of a token.
pub fn first_char(tok: &Token, text: &str) -> char {
    match text.as_bytes().get(tok.start()) {
        Some(&b) if b.is_ascii() => b as char,
        _ => text[tok.start()..].chars().next().unwrap_or(' '),
    }
}

thread_local! {
    /// The last answer of [`token_at`] on this thread, where the next search starts.
    static LAST_TOKEN_AT: Cell<usize> = const { Cell::new(0) };
}

/// Index of the first token whose start is `>= pos`.
///
/// The stages ask for positions in text order, mostly near the previous
/// one, so the search starts from the last answer (on this thread) and
/// widens from there: a few probes in memory already cached, instead of a
/// binary search over a million tokens. The answer does not depend on where
/// the search starts.
pub fn token_at(tokens: &[Token], pos: usize) -> usize {
    LAST_TOKEN_AT.with(|last| {
        let at = partition_near(tokens, last.get(), |t| t.start() < pos);
        last.set(at);
        at
    })
}

/// `v.partition_point(pred)`, searched outward from `hint`: galloping
/// (steps 1, 2, 4, ...) to bracket the answer, then a binary search inside
/// the bracket. O(log d) for an answer d places from the hint; any hint
/// gives the same answer.
pub fn partition_near<T>(v: &[T], hint: usize, pred: impl Fn(&T) -> bool) -> usize {
    let n = v.len();
    let h = hint.min(n);
    let (lo, hi) = if h < n && pred(&v[h]) {
        // The answer lies right of `h`.
        let (mut lo, mut step) = (h + 1, 1);
        loop {
            let probe = h + step;
            if probe >= n {
                break (lo, n);
            }
            if !pred(&v[probe]) {
                break (lo, probe);
            }
            lo = probe + 1;
            step *= 2;
        }
    } else {
        // The answer is `h` or left of it.
        let (mut hi, mut step) = (h, 1);
        loop {
            if step > h {
                break (0, hi);
            }
            let probe = h - step;
            if pred(&v[probe]) {
                break (probe + 1, hi);
            }
            hi = probe;
            step *= 2;
        }
    };
    lo + v[lo..hi].partition_point(pred)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn before_apostrophe_as_split() {
        for w in ["I'm", "we\u{2019}ll", "plain", "'tis", "rock\u{2014}n\u{2019}roll", "a\u{2019}", "caf\u{e9}'s", ""] {
            assert_eq!(before_apostrophe(w), w.split(['\'', '\u{2019}']).next().unwrap_or(w), "{w}");
        }
    }

    #[test]
    fn prepositions_as_listed() {
        let others = ["", "the", "said", "Of", "inside", "a", "towardsx", "including"];
        for w in PREPOSITIONS.iter().chain(&others) {
            assert_eq!(is_preposition(w), PREPOSITIONS.contains(w), "{w}");
        }
    }

    fn words(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn partition_near_matches_partition_point_from_any_hint() {
        let v: Vec<usize> = (0..50).map(|i| i * 3 / 2).collect();
        for x in 0..80 {
            let want = v.partition_point(|&e| e < x);
            for hint in 0..60 {
                assert_eq!(partition_near(&v, hint, |&e| e < x), want, "x {x} hint {hint}");
            }
        }
        assert_eq!(partition_near(&[] as &[usize], 3, |&e| e < 1), 0);
    }

    #[test]
    fn lowercase_words_as_each_word_lowercased_alone() {
        let s = "İstanbul, ÉCOLE und STRAẞE: “Hi” Ⱥb DON'T";
        let toks = tokenize(s);
        let lower = lowercase(s, &toks);
        for (i, t) in toks.iter().enumerate() {
            let want = if t.is_word() { t.text(s).to_lowercase() } else { String::new() };
            assert_eq!(lower[i], *want.as_str(), "token {i}");
            assert_eq!(lower.get(i).map(Word::as_str), Some(want.as_str()));
        }
        assert!(lower.get(toks.len()).is_none());
        assert_eq!(lower.words(0..3).iter().map(Word::as_str).collect::<Vec<_>>(), ["i̇stanbul", "", "école"]);
        assert_eq!(lower.iter().count(), toks.len());
        // Many blocks of 64 tokens, changed words anywhere in them.
        let long: String =
            (0..500).map(|i| ["Ünal", "said", "UN", "x", "İz", "Éa", ",", "Ok"][i % 8]).collect::<Vec<_>>().join(" ");
        let toks = tokenize(&long);
        let lower = lowercase(&long, &toks);
        for (i, t) in toks.iter().enumerate() {
            let want = if t.is_word() { t.text(&long).to_lowercase() } else { String::new() };
            assert_eq!(lower[i], *want.as_str(), "token {i}");
        }
        // Read again out of order, each word more than once, so that the
        // words remembered as recent are both found and replaced.
        let n = toks.len();
        for i in (0..3 * n).map(|j| (j * 7919 + j / n) % n) {
            let want = if toks[i].is_word() { toks[i].text(&long).to_lowercase() } else { String::new() };
            assert_eq!(lower[i], *want.as_str(), "token {i} again");
        }
    }

    #[test]
    fn a_word_past_the_longest_token_is_cut() {
        let s = format!("{} b", "a".repeat(MAX_TOKEN_LEN + 10));
        let toks = tokenize(&s);
        let lens: Vec<usize> = toks.iter().map(|t| t.end() - t.start()).collect();
        assert_eq!(lens, [MAX_TOKEN_LEN - 3, 13, 1]);
        assert!(toks.iter().all(|t| t.kind() == TokKind::Word) && toks[2].space_before() && !toks[1].space_before());
    }

    #[test]
    fn plain_words_taken_at_once_as_the_general_way_takes_them() {
        let parts = [
            "Ana", "said", " ", "\n", ",", ".", "-", "&", "'", "\u{2019}", "s", "U", "N", "10", "000", "é", "İ", "“",
            "”", "(", ")", ":", "eBay", "x", "\t", "$", "%",
        ];
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..3000 {
            let mut s = String::new();
            for _ in 0..(seed % 12) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(parts[(seed % parts.len() as u64) as usize]);
            }
            seed = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15).wrapping_add(1);
            assert_eq!(tokenize_with(&s, true), tokenize_with(&s, false), "{s:?}");
        }
        let long = format!("{} b {}", "a".repeat(300), "c".repeat(MAX_TOKEN_LEN + 5));
        assert_eq!(tokenize_with(&long, true), tokenize_with(&long, false));
    }

    #[test]
    fn words_keep_inner_marks() {
        assert_eq!(words("U.N. peacekeepers"), ["U.N.", "peacekeepers"]);
        assert_eq!(words("Chung Eui-yong said."), ["Chung", "Eui-yong", "said", "."]);
        assert_eq!(words("don't stop"), ["don't", "stop"]);
        assert_eq!(words("Korea's rise"), ["Korea", "rise"]);
        assert!(tokenize("Korea's rise")[0].possessive());
        assert_eq!(words("“Hi,” he said"), ["“", "Hi", ",", "”", "he", "said"]);
        assert_eq!(words("S. Korea"), ["S.", "Korea"]);
        assert_eq!(words("end. Next"), ["end", ".", "Next"]);
        assert_eq!(words("$1 million"), ["$", "1", "million"]);
    }
}
