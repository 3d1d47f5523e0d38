//! The one context every stage after tokenization reads: the text, its
//! tokens and lowercase forms, segments, quote marks, the lexicon, and the
//! per-token masks the stages share. Built once per article; no stage
//! changes it.

use super::lexicon::Lexicon;
use super::quotes::{RawKind, RawQuote};
use super::text::{token_at, Lower, Token};
use crate::model::{Meta, Span};

/// What the early stages found, read by the later ones.
#[derive(Clone, Copy)]
pub struct Context<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// Lowercase word of each token (see [`super::text::lowercase`]).
    pub lower: &'a Lower<'a>,
    pub paras: &'a Spans,
    pub sentences: &'a Spans,
    pub quotes: &'a [RawQuote],
    pub meta: &'a Meta,
    pub boiler_spans: &'a [Span],
    pub lexicon: &'a Lexicon,
    pub masks: &'a Masks,
}

/// Spans in 8 bytes each instead of 16 (offsets as `u32`, as token offsets
/// are): the paragraphs and sentences every later stage reads (a 5 MB
/// article has 90,000). Read by value: `spans.at(i)`, `spans.iter()`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Spans(Vec<[u32; 2]>);

impl Spans {
    /// The spans of `spans`, which lie below 4 GiB.
    pub fn new(spans: &[Span]) -> Spans {
        let small = |n: usize| u32::try_from(n).expect("offsets below 4 GiB, as tokens are");
        Spans(spans.iter().map(|s| [small(s.start), small(s.end)]).collect())
    }

    /// How many there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Span `i` (panics past the end, as a slice does).
    #[inline]
    pub fn at(&self, i: usize) -> Span {
        let [a, b] = self.0[i];
        Span::new(a as usize, b as usize)
    }

    /// Span `i`, if there is one.
    pub fn get(&self, i: usize) -> Option<Span> {
        (i < self.len()).then(|| self.at(i))
    }

    /// The first span, if any.
    pub fn first(&self) -> Option<Span> {
        self.get(0)
    }

    /// The spans in order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = Span> + ExactSizeIterator + Clone + '_ {
        self.0.iter().map(|&[a, b]| Span::new(a as usize, b as usize))
    }

    /// The number of leading spans for which `pred` holds (see
    /// [`slice::partition_point`]).
    pub fn partition_point(&self, mut pred: impl FnMut(Span) -> bool) -> usize {
        self.0.partition_point(|&[a, b]| pred(Span::new(a as usize, b as usize)))
    }

    /// The spans as a vector (for the document).
    pub fn to_vec(&self) -> Vec<Span> {
        self.iter().collect()
    }
}

/// One flag per token, a bit each (a million-token article has seven such
/// masks: 7 MB as `Vec<bool>`, under 1 MB as bits). Read like a slice:
/// `mask[k]`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Bits {
    words: Vec<u64>,
    len: usize,
}

impl Bits {
    /// `len` flags, all false.
    pub fn new(len: usize) -> Bits {
        Bits { words: vec![0; len.div_ceil(64)], len }
    }

    /// The flags' count.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when there are no flags.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Flag `i` (panics past the end, as a slice does).
    #[inline]
    pub fn get(&self, i: usize) -> bool {
        assert!(i < self.len, "flag {i} of {}", self.len);
        self.words[i / 64] >> (i % 64) & 1 == 1
    }

    /// Sets flag `i` to `on`.
    #[inline]
    pub fn set(&mut self, i: usize, on: bool) {
        assert!(i < self.len, "flag {i} of {}", self.len);
        let bit = 1u64 << (i % 64);
        if on {
            self.words[i / 64] |= bit;
        } else {
            self.words[i / 64] &= !bit;
        }
    }

    /// Sets flags `a..b` (panics on a range a slice would refuse).
    pub fn set_range(&mut self, a: usize, b: usize) {
        assert!(a <= b && b <= self.len, "flags {a}..{b} of {}", self.len);
        if a == b {
            return;
        }
        // (A word of 64 flags at a time: the first and last in part.)
        let (first, last) = (a / 64, (b - 1) / 64);
        let (low, high) = (!0u64 << (a % 64), !0u64 >> (63 - (b - 1) % 64));
        if first == last {
            self.words[first] |= low & high;
            return;
        }
        self.words[first] |= low;
        self.words[first + 1..last].fill(!0);
        self.words[last] |= high;
    }
}

impl std::ops::Index<usize> for Bits {
    type Output = bool;
    #[inline]
    fn index(&self, i: usize) -> &bool {
        if self.get(i) {
            &true
        } else {
            &false
        }
    }
}

/// Per-token facts several stages need, each computed once.
#[derive(Debug, Default)]
pub struct Masks {
    /// The first word of a sentence (after opening quotes or brackets).
    pub sentence_start: Bits,
    /// Inside a quoted name (a title in quote marks).
    pub in_title_quote: Bits,
    /// Inside a direct quote.
    pub in_direct: Bits,
    /// Inside any pair of quote marks.
    pub in_marks: Bits,
    /// On a boilerplate line.
    pub in_boiler: Bits,
    /// Inside parentheses (which close at the end of a line).
    pub in_parens: Bits,
    /// On a line written in Title Case (most words capitalized: a headline).
    pub title_line: Bits,
}

impl Masks {
    /// Computes every mask over `tokens`.
    pub fn build(text: &str, tokens: &[Token], sentences: &[Span], quotes: &[RawQuote], boiler: &[Span]) -> Masks {
        let n = tokens.len();
        let mut masks = Masks {
            sentence_start: sentence_starts(tokens, sentences),
            in_title_quote: Bits::new(n),
            in_direct: Bits::new(n),
            in_marks: Bits::new(n),
            in_boiler: Bits::new(n),
            in_parens: in_parens(text, tokens),
            title_line: title_case_lines(text, tokens),
        };
        for q in quotes {
            let (a, b) = (token_at(tokens, q.content().start), token_at(tokens, q.content().end));
            masks.in_marks.set_range(a, b);
            match q.kind {
                RawKind::Title => masks.in_title_quote.set_range(a, b),
                RawKind::Direct => masks.in_direct.set_range(a, b),
                RawKind::Partial => {}
            }
        }
        for sp in boiler {
            let (a, b) = (token_at(tokens, sp.start), token_at(tokens, sp.end));
            masks.in_boiler.set_range(a, b);
        }
        masks
    }
}

/// The first word of each sentence, skipping opening quotes and brackets
/// (one slot past the last token, for a sentence with no word).
fn sentence_starts(tokens: &[Token], sentences: &[Span]) -> Bits {
    let mut out = Bits::new(tokens.len() + 1);
    for s in sentences {
        let mut k = token_at(tokens, s.start);
        while k < tokens.len() && tokens[k].start() < s.end && !tokens[k].is_word() {
            k += 1;
        }
        out.set(k, true);
    }
    out
}

/// Inside parentheses; an unclosed one ends with its line.
fn in_parens(text: &str, tokens: &[Token]) -> Bits {
    let mut out = Bits::new(tokens.len());
    let mut depth = 0usize;
    for (k, t) in tokens.iter().enumerate() {
        if t.newline_before() {
            depth = 0;
        }
        // (A bracket is a one-byte token: the first byte tells.)
        let one = t.end() - t.start() == 1;
        match text.as_bytes()[t.start()] {
            b'(' if one => depth += 1,
            b')' if one => depth = depth.saturating_sub(1),
            _ if depth > 0 => out.set(k, true),
            _ => {}
        }
    }
    out
}

/// On a line written in Title Case: at least four words, seven in ten
/// capitalized.
fn title_case_lines(text: &str, tokens: &[Token]) -> Bits {
    let mut out = Bits::new(tokens.len());
    let mut start = 0;
    while start < tokens.len() {
        let mut end = start + 1;
        while end < tokens.len() && !tokens[end].newline_before() {
            end += 1;
        }
        let (mut caps, mut letters) = (0, 0);
        for t in tokens[start..end].iter().filter(|t| t.is_word()) {
            caps += t.cap() as usize;
            // (An ASCII first letter read as a byte.)
            letters += match text.as_bytes()[t.start()] {
                b if b.is_ascii() => b.is_ascii_alphabetic(),
                _ => t.text(text).chars().next().is_some_and(char::is_alphabetic),
            } as usize;
        }
        if letters >= 4 && caps * 10 >= letters * 7 {
            out.set_range(start, end);
        }
        start = end;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_range_of_flags_set_as_one_at_a_time() {
        for len in [0, 1, 63, 64, 65, 130, 200] {
            for a in 0..=len {
                for b in (a..=len).step_by(7).chain([len]) {
                    let (mut fast, mut slow) = (Bits::new(len), Bits::new(len));
                    if len > 0 {
                        // (A flag set before, kept.)
                        fast.set(a.saturating_sub(3).min(len - 1), true);
                        slow.set(a.saturating_sub(3).min(len - 1), true);
                    }
                    fast.set_range(a, b);
                    (a..b).for_each(|i| slow.set(i, true));
                    assert_eq!(fast, slow, "{a}..{b} of {len}");
                }
            }
        }
    }
}
