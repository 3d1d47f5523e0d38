//! Choosing a quote's speaker: the cues around it first, then the
//! discourse (the quote before, the subject in focus, the last speaker).

use std::ops::Range;

use super::cues::{self, Decided};
use super::{Attribution, Reading, Walk};
use crate::engine::entities::Found;
use crate::engine::text::{token_at, PREPOSITIONS};
use crate::engine::trace;
use crate::model::EntityKind;

/// The attribution of direct quote `quote`, which closes in the sentence
/// of tokens `tokens`. Each rule that decides is traced under
/// `speakers`.
pub(super) fn choose(reading: &Reading, walk: &Walk, quote: usize, tokens: Range<usize>) -> Attribution {
    let span = reading.ctx.quotes[quote].outer;
    let fire = |rule: &'static str| trace::fire("speakers", rule, span);
    let mut found = match from_cues(reading, walk, quote, tokens) {
        Some(decided) => {
            fire(decided.rule);
            decided.attribution
        }
        None => Attribution::default(),
    };
    if found.speaker.is_none() && found.cue.as_deref().is_some_and(|c| c.ends_with("ing")) {
        // "..., adding, “...”" with no subject in its sentence: the speaker
        // of the quote before it in the paragraph.
        found.speaker = previous_in_paragraph(reading, walk, quote);
        if found.speaker.is_some() {
            fire("participle_previous_speaker");
        }
    }
    let quiet = |found: &Attribution| found.speaker.is_none() && found.cue.is_none();
    if let (true, Some(previous)) = (quiet(&found), reading.ctx.quotes[quote].continues) {
        // A quote running on from the previous paragraph.
        found = walk.quotes[previous].clone();
        fire("runs_on");
    }
    if quiet(&found) {
        if let Some(entity) = cues::signature_after(reading, &walk.mentions, reading.ctx.quotes[quote].para) {
            fire("signature_line");
            return Attribution { speaker: Some(entity), cue: None };
        }
        if let Some(decided) = from_discourse(reading, walk, quote) {
            fire(decided.rule);
            return decided.attribution;
        }
    }
    found
}

/// The cues around the quote: after it, before it (from the sentence it
/// opens in), `according to` in its sentence, an introduction ending the
/// paragraph before.
fn from_cues(reading: &Reading, walk: &Walk, quote: usize, tokens: Range<usize>) -> Option<Decided> {
    let ctx = &reading.ctx;
    let q = &ctx.quotes[quote];
    let opened = reading.sentence_of(q.outer.start);
    let open_first = token_at(ctx.tokens, ctx.sentences[opened].start.min(q.outer.start));
    let after = token_at(ctx.tokens, q.outer.end);
    let before = token_at(ctx.tokens, q.outer.start);
    // The speaker of the quote just before, for "the statement said".
    let earlier = reading
        .previous_direct(quote)
        .filter(|&j| q.para <= ctx.quotes[j].para + 2)
        .and_then(|j| walk.quotes[j].speaker);
    let mentions = &walk.mentions;
    cues::after_quote(reading, mentions, after..tokens.end, earlier)
        .or_else(|| cues::before_quote(reading, mentions, open_first..before))
        .or_else(|| cues::according_to(reading, mentions, tokens))
        .or_else(|| cues::colon_paragraph_before(reading, mentions, q, before))
}

/// The speaker of the nearest direct quote before `quote` in its paragraph.
fn previous_in_paragraph(reading: &Reading, walk: &Walk, quote: usize) -> Option<usize> {
    let quotes = reading.ctx.quotes;
    let para = quotes[quote].para;
    (0..quote)
        .rev()
        .find(|&j| quotes[j].kind == crate::engine::quotes::RawKind::Direct && quotes[j].para == para)
        .and_then(|j| walk.quotes[j].speaker)
}

/// No cue: the speaker of the quote just before in the same paragraph,
/// else who was in focus in the sentence before, else the speaker of the
/// quote before in the previous paragraph, else the last speaker when one
/// paragraph back at most.
fn from_discourse(reading: &Reading, walk: &Walk, quote: usize) -> Option<Decided> {
    let quotes = reading.ctx.quotes;
    let q = &quotes[quote];
    let recent = reading.previous_direct(quote).filter(|&j| q.para <= quotes[j].para + 1);
    let spoken = recent.filter(|&j| walk.quotes[j].speaker.is_some());
    if let Some(j) = spoken.filter(|&j| quotes[j].para == q.para) {
        return Some(Decided { attribution: walk.quotes[j].clone(), rule: "same_paragraph_speaker" });
    }
    let opened = reading.sentence_of(q.outer.start);
    if let Some(entity) = walk.discourse.previous_subject(reading, opened) {
        let attribution = Attribution { speaker: Some(entity), cue: None };
        return Some(Decided { attribution, rule: "focus_previous_sentence" });
    }
    if let Some(j) = spoken {
        return Some(Decided { attribution: walk.quotes[j].clone(), rule: "previous_quote_speaker" });
    }
    let (entity, para) = walk.last_speaker?;
    let attribution = Attribution { speaker: Some(entity), cue: None };
    (q.para <= para + 1).then_some(Decided { attribution, rule: "last_speaker" })
}

/// The speaker among mentions near the speech verb at token `verb`: a head
/// (not a possessive, not a modifier of the next name, not after "his" when
/// another name follows) that can speak there; a person first, else an
/// organization or document, else the first head.
pub(super) fn pick_speaker(reading: &Reading, mentions: &[Found], verb: usize) -> Option<usize> {
    let heads: Vec<&Found> = mentions
        .iter()
        .enumerate()
        .filter(|(i, m)| is_head(reading, mentions, *i, m) && can_speak(reading, m, verb))
        .map(|(_, m)| m)
        .collect();
    heads
        .iter()
        .find(|m| reading.is_person(m.entity))
        .or_else(|| {
            heads.iter().find(|m| matches!(reading.kind(m.entity), EntityKind::Organization | EntityKind::Document))
        })
        .or_else(|| heads.first())
        .map(|m| m.entity)
}

/// Rule `cannot_speak`: people, organizations and documents speak, and
/// groups named by one plural word ("the Velmarians said"); a place only as
/// the subject right at its cue ("Ottawa said", "said Ottawa": its
/// government); an event or any other thing never.
pub(super) fn can_speak(reading: &Reading, m: &Found, verb: usize) -> bool {
    let speaks = match reading.kind(m.entity) {
        EntityKind::Person | EntityKind::Organization | EntityKind::Document => true,
        EntityKind::Place => m.tok_end == verb || m.tok == verb + 1,
        EntityKind::Other => is_group(&reading.ents.entities[m.entity].name),
        EntityKind::Event => false,
    };
    if !speaks {
        trace::fire("speakers", "cannot_speak", m.span);
    }
    speaks
}

/// A name of one plural word: a group of people ("Velmarians").
fn is_group(name: &str) -> bool {
    !name.contains(' ') && name.ends_with('s') && !name.ends_with("ss")
}

/// Mention `index` of `mentions` can be a cue's subject.
fn is_head(reading: &Reading, mentions: &[Found], index: usize, m: &Found) -> bool {
    let tokens = reading.tokens();
    // "his wife, X, wrote": a possessive pronoun before another name is no
    // speaker ("her statement read": it is).
    if reading.lexicon.attribution.possessives.contains(reading.word(m.tok)) && mentions.len() > index + 1 {
        return false;
    }
    // "Harbour Watch volunteer coordinator Tom Ferris": a name followed by
    // words and then another name (no punctuation between) only modifies it.
    let modifies_next = mentions.get(index + 1).is_some_and(|n| {
        reading.is_person(n.entity)
            && (m.tok_end..n.tok).all(|j| {
                let t = tokens[j];
                (t.is_word()
                    && (!t.cap() || reading.lexicon.titles.contains(reading.word(j)))
                    && !PREPOSITIONS.contains(&reading.word(j)))
                    || (!t.is_word() && t.text(reading.ctx.text) == "." && !t.space_before())
            })
            && n.tok > m.tok_end
    });
    !tokens[m.tok_end - 1].possessive()
        && !tokens.get(m.tok_end).is_some_and(|n| n.is_word() && n.cap() && !n.newline_before())
        && !modifies_next
}
