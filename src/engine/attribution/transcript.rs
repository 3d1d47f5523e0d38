//! Transcripts: a quoted paragraph that opens with a speaker's label in
//! capitals and a colon ("REYES: Why ...?", "HOST: ...") is that speaker's;
//! in a question-and-answer layout ("Q: ...", "A: ...", or a bare question
//! paragraph and then the quoted answer) the answers are the interviewee's.

use super::Reading;
use crate::engine::quotes::RawQuote;
use crate::engine::text::token_at;
use crate::model::EntityKind;

/// Labels that name a part in the exchange, not a person: the person the
/// text names with that role ("host Dana Reyes", "her guest, Omar Haddad").
const ROLE_LABELS: [&str; 6] = ["host", "guest", "moderator", "interviewer", "anchor", "panelist"];

/// Rule `transcript_label`: the person the label opening the quote names,
/// by surname ("REYES:" is Dana Reyes) or by role ("HOST:"); no one for a
/// label that names no one the text knows, when the quote opens its
/// paragraph (`Some(None)`).
pub(super) fn transcript_label(reading: &Reading, quote: &RawQuote) -> Option<Option<usize>> {
    let tokens = reading.tokens();
    let first = token_at(tokens, quote.content().start);
    let label: Vec<usize> = (first..tokens.len().min(first + 3)).take_while(|&k| is_label_word(reading, k)).collect();
    let colon = first + label.len();
    if label.is_empty() || colon >= tokens.len() || tokens[colon].is_word() || reading.mark(colon) != ':' {
        return None;
    }
    let last = reading.word(*label.last()?);
    let named = if label.len() == 1 && ROLE_LABELS.contains(&last) {
        with_role(reading, last)
    } else {
        let mut people = reading.ents.entities.iter().enumerate().filter(|(_, e)| e.kind == EntityKind::Person);
        people.find(|(_, e)| e.name.rsplit(' ').next().is_some_and(|w| w.to_lowercase() == last)).map(|(i, _)| i)
    };
    let opens_paragraph = quote.outer().start == reading.ctx.paras.at(quote.para()).start;
    (named.is_some() || opens_paragraph).then_some(named)
}

/// A word of two letters or more in capitals, inside a quote.
fn is_label_word(reading: &Reading, k: usize) -> bool {
    let t = reading.tokens()[k];
    let text = t.text(reading.ctx.text);
    t.is_word()
        && reading.in_quote(k)
        && text.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !text.chars().any(char::is_lowercase)
}

/// The person named right after `role` ("host Dana Reyes", "her guest,
/// harbour master Omar Haddad": lowercase words and commas between),
/// outside quotes.
fn with_role(reading: &Reading, role: &str) -> Option<usize> {
    let tokens = reading.tokens();
    let before = |m: &&crate::engine::entities::Found| {
        let between = |k: &usize| !tokens[*k].cap() && (tokens[*k].is_word() || reading.mark(*k) == ',');
        let from = (m.tok().saturating_sub(4)..m.tok()).rev().find(|k| !between(k));
        from.is_some_and(|k| reading.word(k) == role)
            || (m.tok().saturating_sub(4)..m.tok()).rev().take_while(between).any(|k| reading.word(k) == role)
    };
    reading
        .ents
        .mentions
        .iter()
        .filter(|m| reading.is_person(m.entity()) && !reading.in_quote(m.tok()))
        .find(before)
        .map(|m| m.entity())
}

/// A quote's part in a question-and-answer layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Exchange {
    /// After a "Q" label: the interviewer's (the outlet, named by no one).
    Question,
    /// After an "A" label, or opening the paragraph after a paragraph that
    /// is one question of the reporter's own (no quote marks, ends in "?").
    Answer,
}

/// The part of `quote` in a question-and-answer layout, if it has one: a
/// label "Q" or "A" and a colon, period or dash opening the paragraph,
/// just before the quote or just inside it.
pub(super) fn exchange(reading: &Reading, quote: &RawQuote) -> Option<Exchange> {
    let (tokens, para) = (reading.tokens(), reading.ctx.paras.at(quote.para()));
    let first = token_at(tokens, para.start);
    let inside = token_at(tokens, quote.content().start);
    let label = if quote.outer().start == para.start { inside } else { first };
    let text = tokens.get(label).map_or("", |t| t.text(reading.ctx.text));
    // "A." may be one token (an initial), else the mark follows the letter.
    let mark = usize::from(!text.ends_with('.'));
    let marked = mark == 0
        || label + 1 < tokens.len()
            && !tokens[label + 1].is_word()
            && matches!(reading.mark(label + 1), ':' | '.' | '-' | '\u{2014}' | '\u{2013}');
    let placed = label == inside || label + 1 + mark == token_at(tokens, quote.outer().start);
    match text.trim_end_matches('.') {
        "Q" if marked && placed => return Some(Exchange::Question),
        "A" if marked && placed => return Some(Exchange::Answer),
        _ => {}
    }
    (quote.outer().start == para.start && quote.para() > 0 && asks(reading, quote.para() - 1))
        .then_some(Exchange::Answer)
}

/// Paragraph `para` is one short question of the reporter's own: no quote
/// marks, a few words, ending in "?".
fn asks(reading: &Reading, para: usize) -> bool {
    let span = reading.ctx.paras.at(para);
    let text = &reading.ctx.text[span.start..span.end];
    let words = reading.token_range(span).filter(|&k| reading.tokens()[k].is_word()).count();
    text.trim_end().ends_with('?') && words <= 40 && !text.chars().any(crate::engine::text::is_double_quote)
}
