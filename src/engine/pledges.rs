//! Pledges: commitments the article reports, each with its actor, a short
//! action and the amount tied to it.
//!
//! Constructions: a commitment verb with `to` (`pledged to`, `vowed not
//! to`, `plans to`), a commitment verb with an object (`pledged $5
//! million`), a commitment noun (`a plan to offer`, `Seoul's pledges to`),
//! a list (`the pledges include A, B and C`: one pledge per item), an
//! announced `will` of a named actor, and the speaker's own quoted
//! first-person commitment (`"We will build ..."`). Appeals, hopes,
//! forecasts, deliberation and refusals are excluded by the words that
//! govern the cue.

use std::num::NonZeroU32;

use super::attribution::Attribution;
use super::entities::Entities;
use super::lexicon::Lexicon;
use super::quotes::{RawKind, RawQuote};
use super::text::{first_char, is_double_quote, token_at, word_before, Lower, Token, Word};
use super::Layers;
use crate::model::{EntityKind, MentionForm, Pledge, Span};

struct Ctx<'a> {
    text: &'a str,
    toks: &'a [Token],
    lower: &'a Lower<'a>,
    lx: &'a Lexicon,
    ents: &'a Entities,
    /// Index + 1 of the direct quote containing each token, if any (4 bytes a token).
    quote_of: Vec<Option<NonZeroU32>>,
    /// Inside any quote marks (direct, partial or title).
    in_marks: Vec<bool>,
    /// Which cue lists each token is in (bits, see [`CUE_KINDS`]).
    cues: Vec<u8>,
}

/// The cue lists of `assets/pledge_cues.txt`, one bit each.
const CUE_KINDS: [&str; 5] = ["verb-to", "verb-obj", "noun", "modal", "not"];

/// Finds the pledges of a document.
pub fn find(layers: &Layers, attributions: &[Attribution], ents: &Entities, lx: &Lexicon) -> Vec<Pledge> {
    let Layers { text, tokens: toks, lower, sentences, quotes, .. } = *layers;
    let headline = layers.meta.headline;
    let mut quote_of = vec![None; toks.len()];
    let mut in_marks = vec![false; toks.len()];
    for (qi, q) in quotes.iter().enumerate() {
        let a = token_at(toks, q.content.start);
        let b = token_at(toks, q.content.end);
        for k in a..b {
            in_marks[k] = true;
            if q.kind == RawKind::Direct {
                quote_of[k] = NonZeroU32::new(qi as u32 + 1);
            }
        }
    }
    let bits = lx.pledge_cue_bits(&CUE_KINDS);
    let cues: Vec<u8> = lower.iter().map(|w| bits.get(w.as_str()).copied().unwrap_or(0)).collect();
    let cx = Ctx { text, toks, lower, lx, ents, quote_of, in_marks, cues };
    let mut out: Vec<Pledge> = Vec::new();
    let mut last_actor: Option<usize> = None;
    for s in sentences {
        if headline.is_some_and(|h| h.overlaps(*s)) {
            continue;
        }
        let t0 = token_at(toks, s.start);
        let t1 = token_at(toks, s.end);
        let found = sentence_pledges(&cx, t0, t1, quotes, attributions, &mut last_actor);
        for (span, actor) in found {
            if out.iter().rev().take(8).any(|p| p.span().overlaps(span)) {
                continue;
            }
            let ptext = span.slice(text).to_string();
            let amount = amount(&cx, span);
            let action = action(&ptext);
            if actor.is_some() {
                last_actor = actor;
            }
            out.push(Pledge { id: out.len(), start: span.start, end: span.end, text: ptext, actor, action, amount });
        }
    }
    out
}

fn is_cue(cx: &Ctx, kind: &str, k: usize) -> bool {
    let bit = CUE_KINDS.iter().position(|c| *c == kind).map_or(0, |i| 1u8 << i);
    cx.cues[k] & bit != 0
}

fn is_excluder(cx: &Ctx, k: usize) -> bool {
    is_cue(cx, "not", k)
}

/// The pledges of one sentence: (span, actor).
fn sentence_pledges(
    cx: &Ctx,
    t0: usize,
    t1: usize,
    quotes: &[RawQuote],
    attributions: &[Attribution],
    last_actor: &mut Option<usize>,
) -> Vec<(Span, Option<usize>)> {
    let mut out = Vec::new();
    let mut k = t0;
    while k < t1 {
        let t = cx.toks[k];
        if !t.is_word() {
            k += 1;
            continue;
        }
        let quoted = cx.quote_of[k].map(|q| q.get() as usize - 1);
        // Inside a direct quote only the speaker's own first-person
        // commitments count ("We will build", "I promise to").
        if let Some(qi) = quoted {
            if let Some(p) = first_person_commitment(cx, k, t1) {
                let actor = attributions.get(qi).and_then(|a| a.speaker);
                out.push((p, actor));
                k = token_at(cx.toks, p.end).max(k + 1);
                continue;
            }
            let _ = quotes;
            k += 1;
            continue;
        }
        if cx.in_marks[k] {
            k += 1;
            continue;
        }
        // Governing words that turn a cue into an appeal, hope or refusal.
        let governed = (k.saturating_sub(3).max(t0)..k).any(|j| is_excluder(cx, j));
        // 1. Verb + to: "pledged (Tuesday) to play", "vowed not to"
        // (not the noun: "Seoul's pledges to", "the plans to").
        let noun_use = k > t0 && (cx.toks[k - 1].possessive || is_determiner(&cx.lower[k - 1]));
        if is_cue(cx, "verb-to", k) && !governed && !noun_use {
            if let Some(to) = next_to(cx, k, t1) {
                let start = to + 1;
                if start < t1 && cx.toks[start].is_word() && !is_noun_after_to(cx, start) && looks_like_verb(cx, start)
                {
                    let actor = actor_before(cx, t0, k, *last_actor);
                    // "vowed not to raise": the negation is part of the pledge.
                    let from = if to > k + 1 && cx.lower[to - 1] == "not" { to - 1 } else { start };
                    let items = list_items(cx, start, t1);
                    let last_end = items.last().map_or(t1, |s| token_at(cx.toks, s.end));
                    for (n, it) in items.into_iter().enumerate() {
                        let it = if n == 0 { Span::new(cx.toks[from].start(), it.end) } else { it };
                        out.push((it, actor));
                    }
                    k = last_end.max(k + 1);
                    continue;
                }
            }
        }
        // 2. Noun + to: "a plan to offer", "Seoul's pledges to contribute".
        if is_cue(cx, "noun", k)
            && !governed
            && !unnamed_owner(cx, k)
            && k + 2 < t1
            && cx.lower[k + 1] == "to"
            && cx.toks[k + 2].is_word()
            && looks_like_verb(cx, k + 2)
        {
            let start = k + 2;
            let end = clause_end(cx, start, t1);
            let actor = possessor(cx, k).or_else(|| actor_before(cx, t0, k, *last_actor));
            // "..., including a plan to ...": the specific items replace the general one.
            if let Some(inc) = (start..t1).find(|&j| cx.lower[j] == "including") {
                if (inc..t1).any(|j| is_cue(cx, "noun", j) && cx.lower.get(j + 1).is_some_and(|w| w == "to")) {
                    *last_actor = actor.or(*last_actor);
                    k = inc + 1;
                    continue;
                }
            }
            out.push((span_of(cx, start, end), actor));
            k = end.max(k + 1);
            continue;
        }
        // 3. A list of commitments: "The pledges (also) include A, B and C".
        if is_cue(cx, "noun", k) && !governed && !unnamed_owner(cx, k) {
            let mut j = k + 1;
            if j < t1 && cx.lower[j] == "also" {
                j += 1;
            }
            if j < t1
                && matches!(cx.lower[j].as_str(), "include" | "includes" | "included" | "are" | "were")
                && j + 1 < t1
            {
                let actor = possessor(cx, k).or(*last_actor).or_else(|| actor_before(cx, t0, k, None));
                for it in list_items(cx, j + 1, t1) {
                    out.push((it, actor));
                }
                k = t1;
                continue;
            }
            // "McCallum's two big-ticket promises, SkyTrain and a police
            // force": the items named right after a plural commitment noun.
            let owner = possessor(cx, k);
            let comma = j < t1 && cx.toks[j].text(cx.text) == "," && cx.lower[k].ends_with('s');
            if comma && owner.is_some() && j + 1 < t1 && cx.toks[j + 1].is_word() {
                let end = (j + 1..t1)
                    .find(|&m| {
                        !cx.toks[m].is_word()
                            && matches!(first_char(&cx.toks[m], cx.text), '.' | ';' | ':' | '\u{2014}' | '(')
                            || cx.toks[m].is_word() && cx.cues[m] & 0b1011 != 0
                    })
                    .unwrap_or(t1);
                for it in split_items(cx, j + 1, end) {
                    out.push((it, owner));
                }
                k = end.max(k + 1);
                continue;
            }
        }
        // 4. Verb + object: "pledged $5 million", "promised a review".
        if is_cue(cx, "verb-obj", k) && !governed && k + 1 < t1 {
            let n = k + 1;
            let w = cx.lower[n].as_str();
            let obj = cx.toks[n].is_word()
                && (matches!(
                    w,
                    "a" | "an" | "the" | "its" | "their" | "his" | "her" | "another" | "more" | "additional"
                ) || w.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.'))
                || first_char(&cx.toks[n], cx.text) == '$';
            let subject_ok = actor_before(cx, t0, k, None).is_some();
            if obj && subject_ok && (!is_cue(cx, "noun", k) || cx.lower[k].ends_with("ed")) {
                let actor = actor_before(cx, t0, k, *last_actor);
                let end = clause_end(cx, n, t1);
                out.push((span_of(cx, k, end), actor));
                k = end.max(k + 1);
                continue;
            }
        }
        // 5. Announced "will": a named actor right before it.
        if is_cue(cx, "modal", k) && k + 1 < t1 && !governed {
            let mut v = k + 1;
            while v + 1 < t1
                && matches!(cx.lower[v].as_str(), "also" | "still" | "soon" | "now" | "then" | "immediately")
            {
                v += 1;
            }
            let verb = cx.lower[v].as_str();
            let passive = matches!(verb, "be" | "have" | "not" | "likely" | "probably" | "also");
            if !passive && cx.toks[v].is_word() && !(t0..k).any(|j| cx.lower[j] == "if") {
                let named = if cx.lower[k] == "would" { None } else { named_subject_right_before(cx, t0, k) };
                // "... plans to add X and will extend Y": the same actor.
                let coordinated = (k > t0 && cx.lower[k - 1] == "and").then(|| out.last().and_then(|p| p.1)).flatten();
                let actor = named.or_else(|| reported_will(cx, t0, k)).or(coordinated);
                if let Some(actor) = actor {
                    let end = clause_end(cx, v, t1);
                    out.push((span_of(cx, v, end), Some(actor)));
                    k = end.max(k + 1);
                    continue;
                }
            }
        }
        k += 1;
    }
    out
}

/// "X said it will ...", "X has said they would ...": an announced future
/// action reported with a pronoun; the actor is who announced it.
fn reported_will(cx: &Ctx, t0: usize, k: usize) -> Option<usize> {
    let p = k.checked_sub(1).filter(|&p| p > t0)?;
    let pronoun = cx.lower[p].as_str();
    if !matches!(pronoun, "it" | "they" | "he" | "she") {
        return None;
    }
    let mut v = p - 1;
    if cx.lower[v] == "that" && v > t0 {
        v -= 1;
    }
    let announced = matches!(
        cx.lower[v].as_str(),
        "said"
            | "says"
            | "announced"
            | "announces"
            | "confirmed"
            | "promised"
            | "promises"
            | "vowed"
            | "pledged"
            | "insisted"
            | "stated"
    );
    if !announced {
        return None;
    }
    if matches!(pronoun, "he" | "she") {
        return cx.ents.at(cx.toks[p].start()).map(|m| m.entity);
    }
    // The announcer is named right before the verb ("the union said
    // Sunday"), not somewhere earlier in the sentence.
    let near = v.saturating_sub(6).max(t0);
    let ms = cx.ents.in_range(cx.toks[near].start(), cx.toks[v].start());
    let kind = |m: &&super::entities::Found| cx.ents.entities[m.entity].kind;
    ms.iter()
        .rev()
        .find(|m| matches!(kind(m), EntityKind::Organization | EntityKind::Place) && m.form != MentionForm::Pronoun)
        .or_else(|| ms.iter().rev().find(|m| kind(m) == EntityKind::Person))
        .map(|m| m.entity)
}

/// The "to" after a commitment verb, allowing a few words between
/// ("pledged Tuesday to", "vowed not to", "committed itself to").
fn next_to(cx: &Ctx, k: usize, t1: usize) -> Option<usize> {
    (k + 1..(k + 4).min(t1)).find(|&j| cx.lower[j] == "to").filter(|&j| {
        (k + 1..j).all(|m| {
            cx.toks[m].is_word()
                && (cx.toks[m].cap
                    || matches!(
                        cx.lower[m].as_str(),
                        "not"
                            | "never"
                            | "itself"
                            | "themselves"
                            | "himself"
                            | "herself"
                            | "also"
                            | "on"
                            | "again"
                            | "publicly"
                            | "formally"
                    ))
        })
    })
}

fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "my"
            | "your"
            | "this"
            | "these"
            | "those"
            | "new"
    )
}

/// The word after "to" reads as a verb: not a determiner, not capitalized,
/// not an obvious noun or adjective form ("to global peace").
fn looks_like_verb(cx: &Ctx, k: usize) -> bool {
    let w = cx.lower[k].as_str();
    let noun_like = ["ic", "ous", "ful", "ity", "ness", "tion", "sion"].iter().any(|suf| w.ends_with(suf))
        || (w.ends_with("al") && !w.ends_with("eal"));
    let starts_digit = w.chars().next().is_some_and(|c| c.is_ascii_digit());
    !(is_determiner(w) || cx.toks[k].cap || noun_like || starts_digit)
}

/// "committed to the plan" (noun after to) is not "to + verb".
fn is_noun_after_to(cx: &Ctx, k: usize) -> bool {
    matches!(cx.lower[k].as_str(), "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "that" | "these")
        || cx.toks[k].cap
}

/// The span between two token indices (end exclusive), trimmed of
/// trailing punctuation.
fn span_of(cx: &Ctx, a: usize, mut b: usize) -> Span {
    while b > a + 1 && !cx.toks[b - 1].is_word() && !is_double_quote(first_char(&cx.toks[b - 1], cx.text)) {
        b -= 1;
    }
    Span::new(cx.toks[a].start(), cx.toks[b.max(a + 1) - 1].end())
}

/// Where the clause that starts at `a` ends: a sentence mark, a semicolon,
/// a comma or a subordinating word outside quote marks.
fn clause_end(cx: &Ctx, a: usize, t1: usize) -> usize {
    let mut k = a + 1;
    while k < t1 {
        let t = cx.toks[k];
        if !cx.in_marks[k] {
            if t.is_word() {
                if matches!(
                    cx.lower[k].as_str(),
                    "as" | "while"
                        | "because"
                        | "but"
                        | "which"
                        | "who"
                        | "when"
                        | "amid"
                        | "although"
                        | "though"
                        | "after"
                        | "since"
                        | "whereas"
                        | "including"
                        | "according"
                ) {
                    return k;
                }
                // "... and intends to", "... and will extend": a second
                // commitment of the same actor starts here.
                let next_cue = k + 1 < t1 && (cx.cues[k + 1] & 0b1011) != 0;
                if matches!(cx.lower[k].as_str(), "and" | "or") && next_cue {
                    return k;
                }
            } else {
                let c = first_char(&t, cx.text);
                if matches!(c, '.' | ';' | ':' | ',' | '?' | '!' | '(' | '\u{2014}') {
                    return k;
                }
            }
        }
        k += 1;
    }
    t1
}

/// The items of a list starting at `a`: "promoting X, allocating Y and
/// hosting Z" (split before each item's first word) or a single clause.
fn list_items(cx: &Ctx, a: usize, t1: usize) -> Vec<Span> {
    // The list runs to the sentence end (commas included).
    let mut end = t1;
    for k in a..t1 {
        if !cx.in_marks[k] && !cx.toks[k].is_word() && matches!(first_char(&cx.toks[k], cx.text), '.' | ';' | '?' | '!')
        {
            end = k;
            break;
        }
    }
    let gerund = cx.lower[a].ends_with("ing");
    if !gerund {
        return vec![span_of(cx, a, clause_end(cx, a, t1))];
    }
    let mut items = Vec::new();
    let mut start = a;
    let mut k = a + 1;
    while k < end {
        let sep = !cx.in_marks[k]
            && ((!cx.toks[k].is_word() && first_char(&cx.toks[k], cx.text) == ',') || cx.lower[k] == "and");
        if sep {
            let mut n = k + 1;
            if n < end && cx.lower[n] == "and" {
                n += 1;
            }
            if n < end && cx.lower[n].ends_with("ing") && cx.toks[n].is_word() {
                items.push(span_of(cx, start, k));
                start = n;
                k = n + 1;
                continue;
            }
        }
        k += 1;
    }
    items.push(span_of(cx, start, end));
    items
}

/// Noun-phrase items "A, B and C" in tokens [a, end): split at commas and
/// "and" outside quote marks; an item that is a whole clause (it holds a
/// lowercase verb-like word after its first word) ends the list.
fn split_items(cx: &Ctx, a: usize, end: usize) -> Vec<Span> {
    let mut items = Vec::new();
    let mut start = a;
    let mut last_item = false;
    for m in a..=end {
        let is_and = m < end && (cx.lower[m] == "and" || cx.lower[m] == "or");
        let sep =
            m == end || (!cx.in_marks[m] && ((!cx.toks[m].is_word() && cx.toks[m].text(cx.text) == ",") || is_and));
        if sep {
            if m > start {
                items.push(span_of(cx, start, m));
            }
            // The item after "and" is the last one.
            if last_item {
                break;
            }
            last_item |= is_and;
            start = m + 1;
        }
    }
    items.truncate(6);
    items
}

/// The entity owning a commitment noun: "Seoul's pledges", "its plan".
fn possessor(cx: &Ctx, k: usize) -> Option<usize> {
    possessive_before(cx, k).and_then(|t| cx.ents.at(t.start()).map(|m| m.entity))
}

/// The possessive word owning the noun at `k` ("Seoul's new pledges"), if any.
fn possessive_before(cx: &Ctx, k: usize) -> Option<Token> {
    let mut j = k;
    while j > 0 {
        j -= 1;
        let t = cx.toks[j];
        if t.possessive {
            return Some(t);
        }
        // Up to three modifiers between: "Seoul's two big-ticket pledges".
        let stop = matches!(
            cx.lower[j].as_str(),
            "the" | "a" | "an" | "this" | "that" | "of" | "to" | "in" | "for" | "on" | "with" | "by" | "and" | "or"
        );
        if !t.is_word() || k - j > 3 || stop {
            return None;
        }
    }
    None
}

/// "the global community's commitments": owned by no one the text names.
fn unnamed_owner(cx: &Ctx, k: usize) -> bool {
    possessive_before(cx, k).is_some() && possessor(cx, k).is_none()
}

/// The first name in subject position in tokens [a, k).
fn actor_in(cx: &Ctx, a: usize, k: usize) -> Option<usize> {
    let ms = cx.ents.in_range(cx.toks[a].start(), cx.toks[k].start());
    ms.iter()
        .find(|m| {
            matches!(cx.ents.entities[m.entity].kind, EntityKind::Person | EntityKind::Organization | EntityKind::Place)
                && cx.quote_of[m.tok].is_none()
                && !cx.in_marks[m.tok]
                && !after_preposition(cx, m.tok)
        })
        .map(|m| m.entity)
}

/// The committing actor: the subject of the clause before the cue (a
/// person, organization or country), a pronoun resolved earlier, or a
/// description ("the country", "the government") of the last actor.
fn actor_before(cx: &Ctx, t0: usize, k: usize, last: Option<usize>) -> Option<usize> {
    // The clause the cue is in: after the last ", and" / ";" before it
    // ("Croatia agreed to ..., and Hungary pledged to ...").
    let clause = (t0..k)
        .rev()
        .find(|&j| {
            let semi = !cx.toks[j].is_word() && matches!(cx.toks[j].text(cx.text), ";" | ":" | "\u{2014}");
            let comma_and = cx.lower[j] == "and" && j > t0 && cx.toks[j - 1].text(cx.text) == ",";
            semi || comma_and
        })
        .map_or(t0, |j| j + 1);
    let clause_actor = (clause > t0).then(|| actor_in(cx, clause, k)).flatten();
    if clause_actor.is_some() {
        return clause_actor;
    }
    let ms = cx.ents.in_range(cx.toks[t0].start(), cx.toks[k].start());
    let subject = ms.iter().find(|m| {
        let kind = cx.ents.entities[m.entity].kind;
        matches!(kind, EntityKind::Person | EntityKind::Organization | EntityKind::Place)
            && cx.quote_of[m.tok].is_none()
            && !cx.in_marks[m.tok]
            && !after_preposition(cx, m.tok)
            && !(m.form == MentionForm::Pronoun && cx.toks[m.tok].possessive)
    });
    if let Some(m) = subject {
        return Some(m.entity);
    }
    // "it", "the country", "the government": the last actor.
    let descr = (t0..k).any(|j| {
        matches!(
            cx.lower[j].as_str(),
            "it" | "they"
                | "country"
                | "government"
                | "nation"
                | "company"
                | "city"
                | "province"
                | "ministry"
                | "party"
        )
    });
    if descr {
        return last.or_else(|| {
            // "The government plans to ...": the government of the place the
            // article is about (the country, state or province named most).
            let governed =
                (t0..k).any(|j| matches!(cx.lower[j].as_str(), "government" | "province" | "country" | "nation"));
            governed.then(|| main_jurisdiction(cx)).flatten()
        });
    }
    None
}

/// The country, state or province the article names most often.
fn main_jurisdiction(cx: &Ctx) -> Option<usize> {
    cx.ents
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Place)
        .filter(|e| {
            let k = super::lexicon::key(&e.name);
            cx.lx.country_index.contains_key(&k)
                || cx.lx.places.get(&k).is_some_and(|kind| matches!(kind.as_str(), "state" | "province"))
        })
        .max_by_key(|e| e.mentions.len())
        .map(|e| e.id)
}

fn after_preposition(cx: &Ctx, tok: usize) -> bool {
    const PREPOSITIONS: [&str; 15] = [
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "from",
        "of",
        "to",
        "during",
        "among",
        "including",
        "into",
        "than",
        "like",
    ];
    let skip = |j: usize| {
        let w = cx.lower[j].as_str();
        !PREPOSITIONS.contains(&w) && (cx.toks[j].cap || w == "the" || cx.lx.titles.contains(w))
    };
    word_before(cx.toks, tok, skip).is_some_and(|j| PREPOSITIONS.contains(&cx.lower[j].as_str()))
}

/// A name directly before "will" ("The ministry will", "Canada will").
fn named_subject_right_before(cx: &Ctx, t0: usize, k: usize) -> Option<usize> {
    if k == t0 {
        return None;
    }
    let prev = cx.toks[k - 1];
    let m = cx.ents.at(prev.start())?;
    let kind = cx.ents.entities[m.entity].kind;
    let ok = matches!(kind, EntityKind::Person | EntityKind::Organization | EntityKind::Place)
        && m.form != MentionForm::Pronoun
        && !after_preposition(cx, m.tok)
        && m.tok == t0.max(first_word(cx, t0, k));
    ok.then_some(m.entity)
}

fn first_word(cx: &Ctx, t0: usize, k: usize) -> usize {
    let mut j = t0;
    while j < k && (!cx.toks[j].is_word() || matches!(cx.lower[j].as_str(), "the" | "but" | "and" | "now")) {
        j += 1;
    }
    j
}

/// "We will build", "I promise to", "we are going to" inside a quote.
fn first_person_commitment(cx: &Ctx, k: usize, t1: usize) -> Option<Span> {
    let w = cx.lower[k].as_str();
    if !matches!(w, "we" | "i" | "we'll" | "i'll") {
        return None;
    }
    let v;
    if w.ends_with("'ll") {
        v = k + 1;
    } else {
        let next = cx.lower.get(k + 1)?.as_str();
        match next {
            "will" | "shall" => v = k + 2,
            "promise" | "pledge" | "vow" | "commit" | "intend" | "plan" => {
                let to = next_to(cx, k + 1, t1)?;
                v = to + 1;
            }
            "are" | "am" => {
                let third = cx.lower.get(k + 3).map(Word::as_str);
                if matches!(cx.lower.get(k + 2).map(Word::as_str), Some("going" | "committed")) && third == Some("to") {
                    v = k + 4;
                } else {
                    return None;
                }
            }
            _ => return None,
        }
    }
    // "We will not ask ...": a negative commitment.
    let negated = cx.lower.get(v).is_some_and(|w| w == "not") && v + 1 < t1;
    let verb = if negated { v + 1 } else { v };
    if verb >= t1
        || !cx.toks[verb].is_word()
        || matches!(cx.lower[verb].as_str(), "be" | "have" | "see" | "need" | "try" | "continue" | "not")
    {
        return None;
    }
    if cx.quote_of.get(v).copied().flatten() != cx.quote_of[k] {
        return None;
    }
    let end = clause_end(cx, v, t1);
    Some(span_of(cx, v, end))
}

const NUMBER_WORDS: [&str; 22] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "dozens",
];
const SCALES: [&str; 6] = ["million", "billion", "trillion", "thousand", "hundred", "per"];

/// Money or a count inside the span, as printed.
fn amount(cx: &Ctx, span: Span) -> Option<String> {
    let a = token_at(cx.toks, span.start);
    let b = token_at(cx.toks, span.end);
    let is_num = |j: usize| {
        let t = cx.toks[j];
        t.is_word() && t.text(cx.text).chars().next().is_some_and(|c| c.is_ascii_digit())
    };
    for j in a..b {
        let t = cx.toks[j];
        let c = first_char(&t, cx.text);
        // Money: a currency sign (possibly after a country prefix like C$) and a number.
        if matches!(c, '$' | '\u{20ac}' | '\u{a3}' | '\u{a5}' | '\u{20a9}') && j + 1 < b && is_num(j + 1) {
            let mut end = j + 2;
            while end < b && SCALES.contains(&cx.lower[end].as_str()) {
                end += 1;
            }
            let start = if j > a && cx.toks[j - 1].is_word() && cx.toks[j - 1].end() == t.start() { j - 1 } else { j };
            return Some(span_of(cx, start, end).slice(cx.text).to_string());
        }
        // A count: number (+ scale) + up to two words ending in a plural noun.
        if is_num(j) || NUMBER_WORDS.contains(&cx.lower[j].as_str()) && cx.toks[j].is_word() {
            let w = t.text(cx.text);
            if w.len() == 4 && w.starts_with("20") || w.len() == 4 && w.starts_with("19") {
                continue; // a year
            }
            let mut end = j + 1;
            while end < b && SCALES.contains(&cx.lower[end].as_str()) {
                end += 1;
            }
            if end < b
                && matches!(
                    cx.lower[end].as_str(),
                    "dollars" | "euros" | "pounds" | "yen" | "yuan" | "won" | "percent" | "cent"
                )
            {
                return Some(span_of(cx, j, end + 1).slice(cx.text).to_string());
            }
            for n in end..(end + 3).min(b) {
                let tn = cx.toks[n];
                if !tn.is_word() {
                    break;
                }
                let lw = cx.lower[n].as_str();
                if lw.ends_with('s')
                    && lw.len() > 3
                    && tn.text(cx.text).chars().all(|c| c.is_alphabetic())
                    && !lw.ends_with("ss")
                {
                    return Some(span_of(cx, j, n + 1).slice(cx.text).to_string());
                }
            }
        }
    }
    None
}

/// A short normalized action: the span's first words, gerund made base
/// form, cut before a trailing prepositional phrase.
fn action(ptext: &str) -> String {
    let words: Vec<&str> = ptext.split_whitespace().collect();
    let mut out: Vec<String> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let clean: String =
            w.chars().filter(|c| !matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}')).collect();
        let lw = clean.to_lowercase();
        if i >= 3
            && matches!(
                lw.as_str(),
                "for" | "to" | "in" | "on" | "at" | "with" | "by" | "from" | "aimed" | "that" | "which" | "of"
            )
        {
            break;
        }
        if i == 0 {
            out.push(base_form(&lw));
        } else {
            out.push(clean);
        }
        if out.len() >= 8 {
            break;
        }
    }
    out.join(" ")
}

/// "promoting" -> "promote", "hosting" -> "host", "equipping" -> "equip".
fn base_form(w: &str) -> String {
    let Some(stem) = w.strip_suffix("ing").filter(|s| s.len() >= 3) else { return w.to_string() };
    let b = stem.as_bytes();
    let n = b.len();
    let vowel = |c: u8| b"aeiou".contains(&c);
    if n >= 2 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z' | b'f') {
        return stem[..n - 1].to_string();
    }
    if n >= 3
        && !vowel(b[n - 1])
        && vowel(b[n - 2])
        && !vowel(b[n - 3])
        && matches!(b[n - 1], b't' | b'k' | b'v' | b'z' | b'c' | b'g' | b'd' | b's' | b'r')
        && !stem.ends_with("er")
        && !stem.ends_with("it")
        && !stem.ends_with("en")
    {
        return format!("{stem}e");
    }
    stem.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_forms() {
        assert_eq!(base_form("promoting"), "promote");
        assert_eq!(base_form("hosting"), "host");
        assert_eq!(base_form("allocating"), "allocate");
        assert_eq!(base_form("equipping"), "equip");
        assert_eq!(base_form("offering"), "offer");
        assert_eq!(base_form("building"), "build");
    }
}
