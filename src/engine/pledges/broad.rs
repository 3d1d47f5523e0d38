//! Broad candidates from general grammar: every modal with a verb, "going
//! to", "is to", and every commitment verb or noun with "to" or an object,
//! in narration, reported speech and quotes alike, whoever the subject.
//! The fitted model decides which of them are pledges.

use super::actor::{actor_before, actor_in, describe, is_description, owner_or_owned, possessor};
use super::candidates::{Construction, Sentence, Spotted};
use super::clause::{clause_end, is_negation, list_items, looks_like_verb, next_to, span_of};
use super::cues::{CueKind, Cues};
use super::{answer_of, Ctx, Tag};
use crate::engine::text::{before_apostrophe, token_at};
use crate::model::{EntityKind, MentionForm};

/// Who or what the subject of a candidate is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SubjectKind {
    /// "I", "we".
    FirstPerson,
    /// "you".
    SecondPerson,
    /// "he", "she", "they", "it".
    Pronoun,
    Person,
    Organization,
    Place,
    /// A name of another kind (an event, a document).
    OtherName,
    /// "the government", "the union": a description of an institution.
    Description,
    /// Any other noun ("the bill", "the storm", "there").
    Common,
    /// "who", "which", "that": a relative clause.
    Relative,
    /// No word before the cue in its clause.
    Missing,
}

impl SubjectKind {
    /// Every kind, in feature order.
    pub const ALL: [SubjectKind; 11] = [
        SubjectKind::FirstPerson,
        SubjectKind::SecondPerson,
        SubjectKind::Pronoun,
        SubjectKind::Person,
        SubjectKind::Organization,
        SubjectKind::Place,
        SubjectKind::OtherName,
        SubjectKind::Description,
        SubjectKind::Common,
        SubjectKind::Relative,
        SubjectKind::Missing,
    ];
}

/// The subject of the clause of a cue, and the actor it stands for.
#[derive(Debug, Clone, Copy)]
pub struct Subject {
    pub kind: SubjectKind,
    pub actor: Option<usize>,
}

/// Adverbs that may stand between a subject, an auxiliary and the verb.
fn is_adverb(word: &str) -> bool {
    matches!(
        word,
        "also" | "still" | "soon" | "now" | "then" | "immediately" | "never" | "not" | "already" | "ever" | "finally"
    ) || word.len() > 4 && word.ends_with("ly")
}

fn is_be(word: &str) -> bool {
    matches!(word, "is" | "are" | "am" | "was" | "were" | "be" | "been")
}

/// The word ends with a contracted form ("we'll", "they’re").
fn contracted(word: &str, suffix: &str) -> bool {
    word.strip_suffix(suffix).is_some_and(|w| w.ends_with('\'') || w.ends_with('\u{2019}'))
}

/// The words besides cue words and contractions a broad construction may
/// start at.
pub(super) const BROAD_START_WORDS: [&str; 3] = ["going", "is", "are"];

/// Runs the broad constructions over the sentence; a candidate overlapping
/// one the precise rules found is left out.
pub(super) fn broad(ctx: &Ctx, sent: &mut Sentence) {
    let precise_found = sent.found.len();
    let mut k = sent.start;
    while k < sent.end {
        // Only cue words, "going", "is", "are" and contractions start one.
        k = ctx.next_tagged(k, sent.end, Tag::broad);
        if k >= sent.end {
            break;
        }
        let t = ctx.toks[k];
        let short = matches!(t.end() - t.start(), 2 | 3 | 5);
        let may_start = ctx.cue(k) != Cues::default()
            || t.joined()
            || short && matches!(ctx.lower[k].as_str(), "going" | "is" | "are");
        if !may_start {
            k += 1;
            continue;
        }
        let Some((construction, verb)) = construction_at(ctx, sent, k) else {
            k += 1;
            continue;
        };
        let end = clause_end(ctx, verb, sent.end);
        let span = span_of(ctx, verb, end);
        if sent.found[..precise_found].iter().any(|p| p.span.overlaps(span)) {
            k = end.max(k + 1);
            continue;
        }
        let subject = subject_of(ctx, sent, k);
        let actor = subject.actor.or_else(|| actor_before(ctx, sent.start, k, sent.last_actor));
        if construction == Construction::NounGerunds {
            let actor = possessor(ctx, k).or(actor);
            let items = list_items(ctx, verb, sent.end);
            let last = items.last().map_or(end, |s| token_at(ctx.toks, s.end));
            for span in items {
                sent.found.push(Spotted { span, actor, construction, cue: k });
            }
            k = last.max(k + 1);
            continue;
        }
        sent.found.push(Spotted { span, actor, construction, cue: k });
        k = end.max(k + 1);
    }
}

/// The broad construction whose cue is at `k`, with the token its action
/// starts at (a leading "not" included).
fn construction_at(ctx: &Ctx, sent: &Sentence, k: usize) -> Option<(Construction, usize)> {
    let w = ctx.lower[k].as_str();
    let cues = ctx.cue(k);
    let next = |j: usize| ctx.lower.get(j).map(|w| w.as_str()).filter(|_| j < sent.end);
    let mut starts: Vec<(Construction, usize)> = Vec::new();
    if cues.has(CueKind::Modal) || contracted(w, "ll") || is_negated_modal(w) {
        starts.push((Construction::Modal, k + 1));
    }
    if w == "going" && next(k + 1) == Some("to") && k > sent.start && is_be_before(ctx, sent, k) {
        starts.push((Construction::GoingTo, k + 2));
    }
    if matches!(w, "is" | "are") && next(k + 1) == Some("to") {
        starts.push((Construction::IsTo, k + 2));
    }
    if cues.any(&[CueKind::VerbTo, CueKind::Noun]) {
        if let Some(to) = next_to(ctx, k, sent.end).or((next(k + 1) == Some("to")).then_some(k + 1)) {
            starts.push((Construction::CueTo, to + 1));
        }
    }
    if cues.has(CueKind::VerbObject) && next(k + 1).is_some() {
        starts.push((Construction::CueObject, k + 1));
    }
    if cues.has(CueKind::Noun) {
        if let Some(v) = gerund_after_noun(ctx, sent, k) {
            starts.push((Construction::NounGerunds, v));
        }
    }
    starts.into_iter().find_map(|(construction, v)| action_start(ctx, sent, construction, v).map(|v| (construction, v)))
}

/// Where the action after a cue starts: past adverbs and an opening quote
/// mark, at a verb (or "not" and a verb); a noun phrase only after a
/// commitment verb or noun ("agreed to a deal", "promised a review").
fn action_start(ctx: &Ctx, sent: &Sentence, construction: Construction, mut v: usize) -> Option<usize> {
    while v + 1 < sent.end
        && (is_adverb(&ctx.lower[v]) && ctx.lower[v] != "not" || !ctx.toks[v].is_word() && ctx.in_marks[v + 1])
    {
        v += 1;
    }
    if v >= sent.end || !ctx.toks[v].is_word() {
        return None;
    }
    let verb = if ctx.lower[v] == "not" { v + 1 } else { v };
    let verb_like = verb < sent.end && ctx.toks[verb].is_word() && looks_like_verb(ctx, verb);
    let noun_ok = matches!(construction, Construction::CueObject | Construction::CueTo | Construction::NounGerunds);
    (verb_like || noun_ok).then_some(v)
}

/// "a platform of cutting ...", "proposals, which include building ...":
/// the first gerund of a list that a commitment noun owns.
fn gerund_after_noun(ctx: &Ctx, sent: &Sentence, k: usize) -> Option<usize> {
    let end = (k + 12).min(sent.end);
    let link = (k + 1..end).find(|&j| {
        matches!(ctx.lower[j].as_str(), "of" | "include" | "includes" | "including" | "included")
            || ctx.toks[j].text(ctx.text) == ":"
    })?;
    let v = link + 1;
    (v < sent.end && ctx.toks[v].is_word() && ctx.lower[v].ends_with("ing") && ctx.lower[v].len() > 5).then_some(v)
}

/// "won't", "wouldn't", "shan't".
fn is_negated_modal(word: &str) -> bool {
    matches!(before_apostrophe(word), "won" | "wouldn" | "shan") && is_negation(word)
}

/// A form of "be" before `k`, adverbs aside ("is going", "they're not going").
fn is_be_before(ctx: &Ctx, sent: &Sentence, k: usize) -> bool {
    let mut j = k - 1;
    while j > sent.start && is_adverb(&ctx.lower[j]) {
        j -= 1;
    }
    let w = ctx.lower[j].as_str();
    is_be(w) || contracted(w, "re") || contracted(w, "m") || contracted(w, "s")
}

/// The subject of the clause whose cue is at `k`: the word before the cue
/// (past adverbs and auxiliaries), and the actor it stands for.
pub(super) fn subject_of(ctx: &Ctx, sent: &Sentence, k: usize) -> Subject {
    let w = ctx.lower[k].as_str();
    // A contraction holds its subject: "we'll", "they're going".
    let mut j = if contracted(w, "ll") {
        Some(k)
    } else {
        let mut j = k;
        loop {
            if j <= sent.start {
                break None;
            }
            j -= 1;
            let word = ctx.lower[j].as_str();
            let auxiliary = is_be(word) || matches!(word, "has" | "have" | "had" | "did" | "does" | "do");
            if !ctx.toks[j].is_word() || !(is_adverb(word) || auxiliary) {
                break Some(j);
            }
            if contracted(word, "re") || contracted(word, "m") || contracted(word, "s") || contracted(word, "ve") {
                break Some(j);
            }
        }
    };
    // "The mayor, who took office in May, will ...": the name that opens
    // the sentence, past the inserted clause.
    let inserted = j.is_some_and(|j| matches!(ctx.toks[j].text(ctx.text), "," | ")" | "\u{2014}"));
    if inserted {
        if let Some(actor) = actor_in(ctx, sent.start, k) {
            return Subject { kind: entity_subject(ctx.ents.entities[actor].kind), actor: Some(actor) };
        }
    }
    j = j.filter(|&j| ctx.toks[j].is_word());
    let Some(j) = j else { return Subject { kind: SubjectKind::Missing, actor: None } };
    let word = before_apostrophe(ctx.lower[j].as_str());
    let speaker = || ctx.quote_of(j).map(|q| sent.speakers.speaker(q)).or_else(|| answer_of(ctx, j)).flatten();
    match word {
        // "X plans to A and intends to B": the subject of the clause before.
        "and" | "or" | "but" => {
            let actor = sent.found.last().and_then(|p| p.actor);
            let kind = actor.map_or(SubjectKind::Missing, |e| entity_subject(ctx.ents.entities[e].kind));
            return Subject { kind, actor };
        }
        "i" | "we" => return Subject { kind: SubjectKind::FirstPerson, actor: speaker() },
        "you" => return Subject { kind: SubjectKind::SecondPerson, actor: None },
        "who" | "which" | "that" => return Subject { kind: SubjectKind::Relative, actor: None },
        "he" | "she" | "they" | "it" => {
            let resolved = ctx.ents.at(ctx.toks[j].start()).map(|m| m.entity());
            let actor = resolved.or_else(|| matches!(word, "they" | "it").then(|| ctx.prev_subject.get()).flatten());
            return Subject { kind: SubjectKind::Pronoun, actor };
        }
        _ => {}
    }
    if let Some(m) = ctx.ents.at(ctx.toks[j].start()).filter(|m| m.form() != MentionForm::Pronoun) {
        let kind = entity_subject(ctx.ents.entities[m.entity()].kind);
        return Subject { kind, actor: Some(owner_or_owned(ctx, m)) };
    }
    if is_description(ctx, j) {
        return Subject { kind: SubjectKind::Description, actor: describe(ctx, j) };
    }
    Subject { kind: SubjectKind::Common, actor: None }
}

/// The subject kind of a named entity.
fn entity_subject(kind: EntityKind) -> SubjectKind {
    match kind {
        EntityKind::Person => SubjectKind::Person,
        EntityKind::Organization => SubjectKind::Organization,
        EntityKind::Place => SubjectKind::Place,
        _ => SubjectKind::OtherName,
    }
}
