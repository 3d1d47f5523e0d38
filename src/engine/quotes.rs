//! Quote marks paired into quotes, and each quote classified as direct,
//! partial, or a quoted name (not a quote at all).
//!
//! Handles curly and straight marks, nested single quotes (left inside
//! their quote), a closing mark that never comes (the quote ends with its
//! paragraph), and quotes that run across paragraphs (a paragraph that ends
//! inside a quote and a next paragraph that opens with a mark).

use std::borrow::Cow;
use std::cell::OnceCell;

use super::lexicon::{with_lowercase, Lexicon};
use super::text::{is_apostrophe, is_closing_only, is_double_quote, is_opening_only};
use crate::model::Span;

/// How a quote-marked stretch reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RawKind {
    /// A quoted sentence or clause.
    Direct,
    /// A quoted word or phrase inside the reporter's own sentence.
    Partial,
    /// A name in quote marks ("the “Seoul Initiative”"): not a quote.
    Title,
}

/// A quote-marked stretch before attribution.
///
/// 28 bytes (a long article has tens of thousands): offsets, paragraph and
/// quote numbers as `u32` (token offsets have 32 bits); read through the
/// methods.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawQuote {
    /// Inside the marks (trimmed).
    content: [u32; 2],
    /// With the marks (the closing one may be missing).
    outer: [u32; 2],
    para: u32,
    /// See [`RawQuote::continues`] (`u32::MAX`: none).
    continues: u32,
    /// The closing mark was found.
    pub closed: bool,
    pub kind: RawKind,
}

impl RawQuote {
    /// A partial quote of paragraph `para` (its kind is set later).
    pub fn new(content: Span, outer: Span, para: usize, closed: bool) -> RawQuote {
        let small = |n: usize| u32::try_from(n).ok().filter(|&n| n != u32::MAX).expect("offsets below 4 GiB");
        RawQuote {
            content: [small(content.start), small(content.end)],
            outer: [small(outer.start), small(outer.end)],
            para: small(para),
            continues: u32::MAX,
            closed,
            kind: RawKind::Partial,
        }
    }
    /// Inside the marks (trimmed).
    #[inline]
    pub const fn content(&self) -> Span {
        Span::new(self.content[0] as usize, self.content[1] as usize)
    }
    /// With the marks (the closing one may be missing).
    #[inline]
    pub const fn outer(&self) -> Span {
        Span::new(self.outer[0] as usize, self.outer[1] as usize)
    }
    /// The paragraph's index.
    #[inline]
    pub const fn para(&self) -> usize {
        self.para as usize
    }
    /// Index of the quote (in the list [`find`] returns) this one
    /// continues: the previous paragraph ended inside it.
    pub fn continues(&self) -> Option<usize> {
        (self.continues != u32::MAX).then_some(self.continues as usize)
    }
}

/// Finds every quote in the paragraphs (boilerplate paragraphs skipped).
pub fn find(text: &str, paras: &[Span], boiler: &[bool], lx: &Lexicon) -> Vec<RawQuote> {
    let mut out: Vec<RawQuote> = Vec::new();
    let mut open_from_prev: Option<usize> = None;
    for (pi, p) in paras.iter().enumerate() {
        if boiler.get(pi).copied().unwrap_or(false) {
            continue;
        }
        let first_new = out.len();
        let spans = pair_marks(text, *p, true);
        let mut dq_regions: Vec<Span> = Vec::new();
        for (outer, content, closed) in spans {
            dq_regions.push(outer);
            out.push(RawQuote::new(content, outer, pi, closed));
        }
        // Single-quote style (headlines, some outlets), outside double quotes.
        for (outer, content, closed) in pair_marks(text, *p, false) {
            if !closed || dq_regions.iter().any(|r| r.overlaps(outer)) {
                continue;
            }
            out.push(RawQuote::new(content, outer, pi, closed));
        }
        out[first_new..].sort_by_key(|q| q.outer().start);
        // A quote left open at the end of the previous paragraph continues
        // here if this paragraph opens with a quote mark.
        if let Some(prev) = open_from_prev.take() {
            if let Some(q) = out.get_mut(first_new) {
                if q.outer().start == p.start {
                    q.continues = prev as u32;
                }
            }
        }
        if let Some(last) = out[first_new..].last() {
            if !last.closed {
                open_from_prev = Some(out.len() - 1);
            }
        }
    }
    for i in 0..out.len() {
        out[i].kind = classify(text, paras, &out, i, lx);
    }
    out
}

/// Pairs the double (or single) quote marks of one paragraph. Returns
/// (outer, content, closed) triples.
fn pair_marks(text: &str, para: Span, double: bool) -> Vec<(Span, Span, bool)> {
    let s = para.slice(text);
    let mut out = Vec::new();
    let mut open: Option<usize> = None; // byte offset of the opening mark in text
                                        // Only where a mark may start: `"` or `'`, or the first byte of a mark
                                        // beyond ASCII (« » are C2 xx, the curly marks E2 80 xx and E2 80 B3).
    let b = s.as_bytes();
    let mut from = 0;
    while let Some(k) =
        if double { memchr::memchr3(b'"', 0xc2, 0xe2, &b[from..]) } else { memchr::memchr2(b'\'', 0xe2, &b[from..]) }
    {
        let i = from + k;
        from = i + 1;
        let Some(c) = s[i..].chars().next() else { break };
        let is_mark = if double { is_double_quote(c) } else { matches!(c, '\'' | '\u{2018}' | '\u{2019}') };
        if !is_mark {
            continue;
        }
        // The characters just before and after the mark.
        let prev = s[..i].chars().next_back();
        let next = s[i + c.len_utf8()..].chars().next();
        let at = para.start + i;
        let before_space = prev.is_none_or(|p| p.is_whitespace() || "([{\u{2014}\u{2013}-/".contains(p));
        let after_space = next.is_none_or(|n| n.is_whitespace() || ",.;:!?)]}\u{2014}\u{2013}".contains(n));
        if !double {
            // An apostrophe inside or at the end of a word is not a mark.
            let word_before = prev.is_some_and(|p| p.is_alphanumeric());
            let word_after = next.is_some_and(|n| n.is_alphanumeric());
            if word_before && word_after {
                continue;
            }
            if open.is_none() && !(before_space && word_after) {
                continue;
            }
            if open.is_some() && is_apostrophe(c) && word_before && !after_space {
                continue;
            }
            // "the '90s", "rock 'n' roll": an opener that never closes is dropped below.
        }
        let looks_open = before_space && !after_space;
        let looks_close = !before_space && after_space;
        let opening = match open {
            None => {
                if is_closing_only(c) || c == '\u{2019}' {
                    // A closer at a word start is a misused opener.
                    looks_open
                } else {
                    !looks_close || prev.is_none()
                }
            }
            Some(_) => {
                if is_opening_only(c) || c == '\u{2018}' {
                    // An opener after a word and before a space is a misused closer.
                    !looks_close
                } else {
                    false
                }
            }
        };
        if opening {
            if let Some(o) = open.take() {
                // A new quote opens while one is open: the earlier one was never closed.
                let content = trim(text, Span::new(o + mark_len(text, o), at));
                out.push((Span::new(o, content.end), content, false));
            }
            open = Some(at);
        } else if let Some(o) = open.take() {
            let content = trim(text, Span::new(o + mark_len(text, o), at));
            out.push((Span::new(o, at + c.len_utf8()), content, true));
        }
    }
    if let Some(o) = open {
        let content = trim(text, Span::new(o + mark_len(text, o), para.end));
        out.push((Span::new(o, para.end.max(content.end)), content, false));
    }
    out.retain(|(_, c, _)| !c.is_empty() && c.slice(text).chars().any(char::is_alphanumeric));
    out
}

fn mark_len(text: &str, at: usize) -> usize {
    text[at..].chars().next().map_or(1, char::len_utf8)
}

fn trim(text: &str, s: Span) -> Span {
    if s.end <= s.start {
        return Span::new(s.start, s.start);
    }
    let slice = &text[s.start..s.end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    Span::new(s.start + lead, (s.end - trail).max(s.start + lead))
}

/// The most words [`classify`] tells apart (15 and more read alike).
const MAX_WORDS: usize = 15;

/// The words of `s` that hold a letter or digit, counted up to [`MAX_WORDS`]
/// (bytewise when `s` is ASCII).
fn word_count(s: &str) -> usize {
    if !s.is_ascii() {
        return s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).take(MAX_WORDS).count();
    }
    let words = s.as_bytes().split(|b| matches!(b, b'\t'..=b'\r' | b' '));
    words.filter(|w| w.iter().any(u8::is_ascii_alphanumeric)).take(MAX_WORDS).count()
}

/// The last word before `pos` in the paragraph, and the character right
/// before the mark (skipping spaces).
fn context_before(text: &str, para: Span, pos: usize) -> (Option<char>, &str) {
    let before = &text[para.start..pos];
    let trimmed = before.trim_end();
    let prev_char = trimmed.chars().next_back();
    let word = trimmed.rsplit(|c: char| !(c.is_alphanumeric() || c == '-' || is_apostrophe(c))).next().unwrap_or("");
    (prev_char, word)
}

/// True when the text right after the closing mark attributes the quote:
/// `," he said`, `," said Jane`, `," the minister added`.
fn followed_by_attribution(text: &str, end: usize, lx: &Lexicon) -> bool {
    // The first `n` characters after the quote, as a slice.
    let ahead = |n: usize| first_chars(&text[end..], n);
    let after = ahead(80).trim_start_matches([',', ' ']);
    let verb_in = |s: &str, n: usize| {
        s.split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .filter(|w| !w.is_empty())
            .take(n)
            .any(|w| !w.ends_with("ing") && lx.is_speech_verb_any_case(w))
    };
    if verb_in(after, 5) {
        return true;
    }
    // A name with an appositive, then the verb: `"...," Doe, the head of
    // the group, wrote`.
    let wide = ahead(200).trim_start_matches([',', ' ']);
    let Some(c1) = wide.find(',').filter(|&c| c <= 40) else { return false };
    let name_like = wide[..c1].split_whitespace().all(|w| w.chars().next().is_some_and(char::is_uppercase));
    let rest = &wide[c1 + 1..];
    name_like
        && rest.find(',').is_some_and(|c2| !rest[..c2].contains(['.', '"', '\u{201c}']) && verb_in(&rest[c2 + 1..], 2))
}

/// The first `n` characters of `s` (all of it when shorter).
fn first_chars(s: &str, n: usize) -> &str {
    // (Mostly ASCII: then the first `n` bytes.)
    if s.len() <= n || s.as_bytes()[..n].is_ascii() {
        return &s[..n.min(s.len())];
    }
    &s[..s.char_indices().nth(n).map_or(s.len(), |(i, _)| i)]
}

fn is_title_case(s: &str, lx: &Lexicon) -> bool {
    // (Counted only up to 15 words: a quote is read no further.)
    let n = s.split_whitespace().take(15).count();
    if n == 0 || n > 14 {
        return false;
    }
    let words = s.split_whitespace();
    let first_cap = words.clone().next().is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
    let all = words.clone().all(|w| {
        let c = w.chars().next().unwrap_or(' ');
        c.is_uppercase() || c.is_ascii_digit() || w.len() <= 4 && with_lowercase(w, |l| lx.function_words.contains(l))
    });
    let caps = words.filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    first_cap && all && caps >= 1 && !s.trim_end().ends_with(['.', '!', '?'])
}

fn classify(text: &str, paras: &[Span], quotes: &[RawQuote], i: usize, lx: &Lexicon) -> RawKind {
    let q = &quotes[i];
    if q.continues().is_some() {
        return RawKind::Direct;
    }
    let content = q.content().slice(text);
    let wc = word_count(content);
    let stripped = content.trim_end_matches([',', '.', ';', ':', ' ']);
    let para = paras[q.para()];
    let (prev_char, prev_word) = context_before(text, para, q.outer().start);
    // (Lowercased anew only when it has a capital or is not ASCII.)
    let prev_lower: Cow<str> = if prev_word.bytes().any(|b| !b.is_ascii() || b.is_ascii_uppercase()) {
        Cow::Owned(prev_word.to_lowercase())
    } else {
        Cow::Borrowed(prev_word)
    };
    let ends_punct = content.trim_end().ends_with([',', '.', '!', '?', '\u{2026}', ';', ':', '\u{2014}', '-']);
    let ends_terminal = content.trim_end().ends_with(['.', '!', '?', '\u{2026}']);
    let starts_upper = content.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || c == '[');
    // (Read only when the tests below need it.)
    let after = OnceCell::new();
    let after_attr = || *after.get_or_init(|| q.closed && followed_by_attribution(text, q.outer().end, lx));
    let clause_start = match prev_char {
        None => true,
        Some(':' | '.' | '!' | '?' | '\u{2014}') => true,
        Some(c) if is_double_quote(c) => true,
        Some(',') => wc >= 3 || after_attr(),
        Some(_) => lx.speech_verb(&prev_lower).is_some() && starts_upper,
    };
    // A name in quote marks: Title Case, no sentence punctuation, after
    // "the"/"a" or a naming verb, or standing alone as a noun.
    if !ends_terminal && wc <= 14 && is_title_case(stripped, lx) {
        let named = matches!(&*prev_lower, "the" | "a" | "an" | "called" | "named" | "titled" | "dubbed" | "entitled");
        // A short Title Case stretch opening a sentence with no speech verb
        // after it ("“Tides of Bellhaven,” directed by ...") is a title too.
        let short_title = clause_start && (2..=6).contains(&wc) && q.closed && !after_attr();
        if named || (!clause_start && wc >= 2 && !after_attr()) || short_title {
            return RawKind::Title;
        }
    }
    if clause_start && (wc >= 3 || ends_punct || after_attr()) && (starts_upper || wc >= 3) {
        return RawKind::Direct;
    }
    if wc >= 3 && starts_upper && after_attr() {
        return RawKind::Direct;
    }
    RawKind::Partial
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::segment::{boilerplate, paragraphs};

    fn quotes(text: &str) -> Vec<(String, RawKind, bool)> {
        let lx = Lexicon::get();
        let p = paragraphs(text);
        let b = boilerplate(text, &p, lx);
        find(text, &p, &b, lx).into_iter().map(|q| (q.content().slice(text).to_string(), q.kind, q.closed)).collect()
    }

    #[test]
    fn words_counted_as_split() {
        for s in ["", " a - b\tc\x0bd\n", "We will, win", "x\u{a0}y z", &"w ".repeat(20)] {
            let words = s.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
            assert_eq!(word_count(s), words.min(MAX_WORDS), "{s:?}");
        }
    }

    #[test]
    fn curly_and_straight() {
        let q = quotes("“We will win,” she said. \"It is done,\" he added.");
        assert_eq!(q[0], ("We will win,".into(), RawKind::Direct, true));
        assert_eq!(q[1], ("It is done,".into(), RawKind::Direct, true));
    }

    #[test]
    fn nested_single_stays_inside() {
        let q = quotes("“We want an ‘agile, data driven’ force,” the report reads.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].0, "We want an ‘agile, data driven’ force,");
    }

    #[test]
    fn unclosed_ends_with_paragraph() {
        let q = quotes("“It ends here,” he said. “I believe it.\n\nNext paragraph.");
        assert_eq!(q.len(), 2);
        assert_eq!(q[1], ("I believe it.".into(), RawKind::Direct, false));
    }

    #[test]
    fn partial_and_title() {
        let q = quotes("It promised a \"leading\" role and unveiled the “Green Future Initiative,” officials said.");
        assert_eq!(q[0].1, RawKind::Partial);
        assert_eq!(q[1].1, RawKind::Title);
    }

    #[test]
    fn across_paragraphs() {
        let lx = Lexicon::get();
        let t = "“First part of it.\n\n“Second part,” she said.";
        let p = paragraphs(t);
        let b = boilerplate(t, &p, lx);
        let q = find(t, &p, &b, lx);
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].continues(), Some(0));
    }
}
