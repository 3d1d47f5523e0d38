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
    pub paras: &'a [Span],
    pub sentences: &'a [Span],
    pub quotes: &'a [RawQuote],
    pub meta: &'a Meta,
    pub boiler_spans: &'a [Span],
    pub lexicon: &'a Lexicon,
    pub masks: &'a Masks,
}

/// Per-token facts several stages need, each computed once.
#[derive(Debug, Default)]
pub struct Masks {
    /// The first word of a sentence (after opening quotes or brackets).
    pub sentence_start: Vec<bool>,
    /// Inside a quoted name (a title in quote marks).
    pub in_title_quote: Vec<bool>,
    /// Inside a direct quote.
    pub in_direct: Vec<bool>,
    /// Inside any pair of quote marks.
    pub in_marks: Vec<bool>,
    /// On a boilerplate line.
    pub in_boiler: Vec<bool>,
    /// Inside parentheses (which close at the end of a line).
    pub in_parens: Vec<bool>,
    /// On a line written in Title Case (most words capitalized: a headline).
    pub title_line: Vec<bool>,
}

impl Masks {
    /// Computes every mask over `tokens`.
    pub fn build(text: &str, tokens: &[Token], sentences: &[Span], quotes: &[RawQuote], boiler: &[Span]) -> Masks {
        let n = tokens.len();
        let mut masks = Masks {
            sentence_start: sentence_starts(tokens, sentences),
            in_title_quote: vec![false; n],
            in_direct: vec![false; n],
            in_marks: vec![false; n],
            in_boiler: vec![false; n],
            in_parens: in_parens(text, tokens),
            title_line: title_case_lines(text, tokens),
        };
        for q in quotes {
            let (a, b) = (token_at(tokens, q.content.start), token_at(tokens, q.content.end));
            masks.in_marks[a..b].iter_mut().for_each(|x| *x = true);
            match q.kind {
                RawKind::Title => masks.in_title_quote[a..b].iter_mut().for_each(|x| *x = true),
                RawKind::Direct => masks.in_direct[a..b].iter_mut().for_each(|x| *x = true),
                RawKind::Partial => {}
            }
        }
        for sp in boiler {
            let (a, b) = (token_at(tokens, sp.start), token_at(tokens, sp.end));
            masks.in_boiler[a..b].iter_mut().for_each(|x| *x = true);
        }
        masks
    }
}

/// The first word of each sentence, skipping opening quotes and brackets
/// (one slot past the last token, for a sentence with no word).
fn sentence_starts(tokens: &[Token], sentences: &[Span]) -> Vec<bool> {
    let mut out = vec![false; tokens.len() + 1];
    for s in sentences {
        let mut k = token_at(tokens, s.start);
        while k < tokens.len() && tokens[k].start() < s.end && !tokens[k].is_word() {
            k += 1;
        }
        out[k] = true;
    }
    out
}

/// Inside parentheses; an unclosed one ends with its line.
fn in_parens(text: &str, tokens: &[Token]) -> Vec<bool> {
    let mut out = vec![false; tokens.len()];
    let mut depth = 0usize;
    for (k, t) in tokens.iter().enumerate() {
        if t.newline_before() {
            depth = 0;
        }
        match t.text(text) {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            _ => out[k] = depth > 0,
        }
    }
    out
}

/// On a line written in Title Case: at least four words, seven in ten
/// capitalized.
fn title_case_lines(text: &str, tokens: &[Token]) -> Vec<bool> {
    let mut out = vec![false; tokens.len()];
    let mut start = 0;
    while start < tokens.len() {
        let mut end = start + 1;
        while end < tokens.len() && !tokens[end].newline_before() {
            end += 1;
        }
        let words: Vec<&Token> = tokens[start..end].iter().filter(|t| t.is_word()).collect();
        let caps = words.iter().filter(|t| t.cap()).count();
        let letters = words.iter().filter(|t| t.text(text).chars().next().is_some_and(char::is_alphabetic)).count();
        if letters >= 4 && caps * 10 >= letters * 7 {
            out[start..end].iter_mut().for_each(|x| *x = true);
        }
        start = end;
    }
    out
}
