//! The evidence about one candidate, as the named features the fitted
//! model weighs: its construction, whether a precise rule found it, who the
//! subject is and whether that is the one speaking, quotes, negation,
//! conditions, hedges, questions, the reporting verb's tense, the headline,
//! the verb after a modal, an amount.

use super::broad::{subject_of, SubjectKind};
use super::candidates::{Construction, Sentence, Spotted};
use super::clause::{is_negation, looks_like_verb};
use super::cues::{Class, CueKind};
use super::Ctx;
use crate::engine::text::token_at;
use crate::model::EntityKind;

/// The feature names, in weight order (see `assets/pledge_weights.txt`).
pub const NAMES: &[&str] = &[
    "construction.counted_list",
    "construction.list_continued",
    "construction.verb_to",
    "construction.noun_to",
    "construction.noun_list",
    "construction.verb_object",
    "construction.campaigned_on",
    "construction.plan_under_way",
    "construction.announced_will",
    "construction.first_person_quote",
    "construction.interview_answer",
    "construction.modal",
    "construction.going_to",
    "construction.is_to",
    "construction.cue_to",
    "construction.cue_object",
    "construction.noun_gerunds",
    "precise_rule",
    "subject.first_person",
    "subject.second_person",
    "subject.pronoun",
    "subject.person",
    "subject.organization",
    "subject.place",
    "subject.other_name",
    "subject.description",
    "subject.common_noun",
    "subject.relative",
    "subject.missing",
    "actor.none",
    "actor.person",
    "actor.organization",
    "actor.place",
    "actor.is_quote_speaker",
    "quote.direct",
    "quote.other_marks",
    "quote.third_party_subject",
    "negated",
    "governed.appeal",
    "governed.hope",
    "governed.forecast",
    "governed.hedge",
    "governed.deliberate",
    "governed.condition",
    "governed.refuse",
    "condition_after",
    "question",
    "headline",
    "reported.past",
    "reported.present",
    "modal.would",
    "verb.be",
    "verb.have",
    "verb.passive",
    "verb.progressive",
    "verb.noun_phrase",
    "amount",
    "span.short",
    "span.long",
];

/// How many features there are.
pub const COUNT: usize = NAMES.len();

/// One candidate's feature values, in the order of [`NAMES`].
pub type Vector = [f64; COUNT];

const PRECISE: usize = Construction::ALL.len();
const SUBJECT: usize = PRECISE + 1;
const ACTOR: usize = SUBJECT + SubjectKind::ALL.len();
const QUOTE: usize = ACTOR + 5;
const NEGATED: usize = QUOTE + 3;
const GOVERNED: usize = NEGATED + 1;
const CONDITION_AFTER: usize = GOVERNED + CueKind::GOVERNING.len();
const QUESTION: usize = CONDITION_AFTER + 1;
const HEADLINE: usize = QUESTION + 1;
const REPORTED: usize = HEADLINE + 1;
const WOULD: usize = REPORTED + 2;
const VERB: usize = WOULD + 1;
const AMOUNT: usize = VERB + 5;
const SPAN: usize = AMOUNT + 1;

/// Where the sentence of a candidate stands.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Place {
    pub headline: bool,
    pub question: bool,
}

/// The features of a candidate found in `sent`.
pub(super) fn extract(ctx: &Ctx, sent: &Sentence, found: &Spotted, place: Place, has_amount: bool) -> Vector {
    let mut x = [0.0; COUNT];
    let on = |x: &mut Vector, i: usize| x[i] = 1.0;
    let construction = Construction::ALL.iter().position(|c| *c == found.construction).unwrap_or(0);
    on(&mut x, construction);
    if found.construction.precise() && !place.headline && !place.question {
        on(&mut x, PRECISE);
    }
    let k = found.cue;
    let first_person = matches!(found.construction, Construction::FirstPersonQuote | Construction::InterviewAnswer);
    let subject = if first_person { SubjectKind::FirstPerson } else { subject_of(ctx, sent, k).kind };
    on(&mut x, SUBJECT + SubjectKind::ALL.iter().position(|s| *s == subject).unwrap_or(0));
    actor_features(ctx, sent, found, subject, &mut x);
    let a = token_at(ctx.toks, found.span.start);
    if a > 0 && is_negation(&ctx.lower[a]) || (k + 1 < sent.end && is_negation(&ctx.lower[k + 1])) {
        on(&mut x, NEGATED);
    }
    let (near, before) = (ctx.cues_in(k.saturating_sub(6).max(sent.start)..k), ctx.cues_in(sent.start..k));
    for (i, kind) in CueKind::GOVERNING.iter().enumerate() {
        // A condition anywhere before ("If elected, she will"), the rest close by.
        let cues = if *kind == CueKind::Condition { before } else { near };
        if cues.has(*kind) {
            on(&mut x, GOVERNED + i);
        }
    }
    // "threatened to walk out unless the fee was cut".
    if ctx.cues_in(k..sent.end).has(CueKind::Condition) {
        on(&mut x, CONDITION_AFTER);
    }
    if place.question {
        on(&mut x, QUESTION);
    }
    if place.headline {
        on(&mut x, HEADLINE);
    }
    if let Some(past) = *sent.reporting.get_or_init(|| reporting_tense(ctx, sent)) {
        on(&mut x, REPORTED + usize::from(!past));
    }
    if ctx.lower[k] == "would" || ctx.lower[k].starts_with("wouldn") {
        on(&mut x, WOULD);
    }
    verb_features(ctx, found, &mut x);
    if has_amount {
        on(&mut x, AMOUNT);
    }
    // (Counted only as far as the features tell: 21 is "over 20".)
    let words = count_words(found.span.slice(ctx.text), 21);
    if words < 4 {
        on(&mut x, SPAN);
    } else if words > 20 {
        on(&mut x, SPAN + 1);
    }
    x
}

/// The words of `s` as [`str::split_whitespace`] splits them, counted up
/// to `max` (bytes at a time while they are ASCII).
fn count_words(s: &str, max: usize) -> usize {
    let (mut n, mut in_word) = (0, false);
    for &b in s.as_bytes() {
        if !b.is_ascii() {
            return s.split_whitespace().take(max).count();
        }
        let space = matches!(b, b'\t'..=b'\r' | b' ');
        if !space && !in_word {
            n += 1;
            if n == max {
                return n;
            }
        }
        in_word = !space;
    }
    n
}

/// The actor's kind, whether it is the quote's speaker, and quote marks.
fn actor_features(ctx: &Ctx, sent: &Sentence, found: &Spotted, subject: SubjectKind, x: &mut Vector) {
    let kind = found.actor.map(|e| ctx.ents.entities[e].kind);
    let slot = match kind {
        None => 0,
        Some(EntityKind::Person) => 1,
        Some(EntityKind::Organization) => 2,
        Some(EntityKind::Place) => 3,
        Some(_) => 0,
    };
    x[ACTOR + slot] = 1.0;
    let k = found.cue;
    let quote = ctx.quote_of(k);
    let speaker = quote.and_then(|q| sent.speakers.speaker(q));
    if speaker.is_some() && speaker == found.actor {
        x[ACTOR + 4] = 1.0;
    }
    if quote.is_some() {
        x[QUOTE] = 1.0;
        let third = !matches!(subject, SubjectKind::FirstPerson | SubjectKind::Missing | SubjectKind::Common);
        if third && speaker != found.actor {
            x[QUOTE + 2] = 1.0;
        }
    } else if ctx.in_marks[k] {
        x[QUOTE + 1] = 1.0;
    }
}

/// The verb after a modal: "be", "have", a passive ("be replaced").
fn verb_features(ctx: &Ctx, found: &Spotted, x: &mut Vector) {
    let a = token_at(ctx.toks, found.span.start);
    let mut v = a;
    if ctx.lower.get(v).is_some_and(|w| w == "not") {
        v += 1;
    }
    let Some(verb) = ctx.lower.get(v).map(|w| w.as_str()) else { return };
    match verb {
        "be" => {
            x[VERB] = 1.0;
            let next = ctx.lower.get(v + 1).map(|w| w.as_str()).unwrap_or("");
            if next.ends_with("ed") || next.ends_with("en") {
                x[VERB + 2] = 1.0;
            } else if next.ends_with("ing") {
                x[VERB + 3] = 1.0;
            }
        }
        "have" => x[VERB + 1] = 1.0,
        _ if !looks_like_verb(ctx, v) || verb.ends_with("ing") => x[VERB + 4] = 1.0,
        _ => {}
    }
}

/// The tense of the sentence's reporting verb, if it has one: past
/// ("said") or present ("says").
fn reporting_tense(ctx: &Ctx, sent: &Sentence) -> Option<bool> {
    let mut j = sent.start;
    loop {
        // (Speech verbs outside quote marks.)
        j = ctx.next_tagged(j, sent.end, |t| t.classes.has(Class::SpeechVerb) && !t.in_marks());
        if j >= sent.end {
            return None;
        }
        let word = ctx.lower[j].as_str();
        if ctx.lexicon.speech_verb(word).is_some_and(|base| word != base) {
            return Some(!word.ends_with('s') || word.ends_with("ss"));
        }
        j += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_counted_as_split() {
        for s in ["", " a  b\tc\x0bd\n", "one two three", "x\u{a0}y z", "a b c d e"] {
            for max in [1, 3, 21] {
                assert_eq!(count_words(s, max), s.split_whitespace().take(max).count(), "{s:?} {max}");
            }
        }
    }

    #[test]
    fn layout_matches_names() {
        assert_eq!(SPAN + 2, COUNT);
        assert_eq!(NAMES[PRECISE], "precise_rule");
        assert_eq!(NAMES[SUBJECT], "subject.first_person");
        assert_eq!(NAMES[ACTOR], "actor.none");
        assert_eq!(NAMES[QUOTE], "quote.direct");
        assert_eq!(NAMES[GOVERNED], "governed.appeal");
        assert_eq!(NAMES[REPORTED], "reported.past");
        assert_eq!(NAMES[VERB], "verb.be");
        assert_eq!(NAMES[AMOUNT], "amount");
    }
}
