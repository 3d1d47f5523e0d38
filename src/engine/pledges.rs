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

use rustc_hash::FxHashMap;
use std::num::NonZeroU32;

use super::attribution::Attribution;
use super::entities::Entities;
use super::lexicon::Lexicon;
use super::quotes::RawKind;
use super::text::{first_char, is_double_quote, token_at, word_before, Lower, Token, Word, PREPOSITIONS};
use super::Context;
use crate::model::{EntityKind, MentionForm, Pledge, Span};

/// Organization ids with the keys of their name words, by last word.
type OrgsByHead = FxHashMap<String, Vec<(usize, Vec<String>)>>;

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
    /// In an interview, the answer paragraphs speak for the interviewee:
    /// (answer paragraph spans, the interviewee).
    interview: Option<(Vec<Span>, Option<usize>)>,
    /// The subject of the previous sentence, for "they" and "it".
    prev_subject: std::cell::Cell<Option<usize>>,
    /// The article's home place word (see [`home_word`]), found once.
    home: std::cell::OnceCell<Option<String>>,
    /// Organizations of two words or more by the key of their last word,
    /// with the keys of all their words (built once, for [`describe`]).
    orgs_by_head: std::cell::OnceCell<OrgsByHead>,
    /// The jurisdiction the article is about (see [`main_jurisdiction`]).
    jurisdiction: std::cell::OnceCell<Option<usize>>,
}

/// The cue lists of `assets/pledge_cues.txt`, one bit each.
const CUE_KINDS: [&str; 7] = ["verb-to", "verb-obj", "noun", "modal", "not", "list", "verb-on"];

/// Finds the pledges of a document.
pub fn find(layers: &Context, attributions: &[Attribution], ents: &Entities, lx: &Lexicon) -> Vec<Pledge> {
    let Context { text, tokens: toks, lower, sentences, quotes, .. } = *layers;
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
    let interview = interview(layers, ents);
    let cx = Ctx {
        text,
        toks,
        lower,
        lx,
        ents,
        quote_of,
        in_marks,
        cues,
        interview,
        prev_subject: Default::default(),
        home: Default::default(),
        orgs_by_head: Default::default(),
        jurisdiction: Default::default(),
    };
    let mut out: Vec<Pledge> = Vec::new();
    let mut last_actor: Option<usize> = None;
    // A list announced with a colon ("three pledges: A. B. C.") whose items
    // are the next sentences of the paragraph: (actor, items left, paragraph end).
    let mut open_list: Option<(Option<usize>, usize, usize)> = None;
    let mut prev_subject: Option<usize> = None;
    for s in sentences {
        if headline.is_some_and(|h| h.overlaps(*s)) {
            continue;
        }
        let t0 = token_at(toks, s.start);
        let t1 = token_at(toks, s.end);
        let mut found = Vec::new();
        match open_list {
            Some((actor, left, para_end)) if left > 0 && s.start < para_end && t1 > t0 => {
                found.push((span_of(&cx, t0, t1), actor));
                open_list = Some((actor, left - 1, para_end));
            }
            _ if is_question(text, *s) => continue,
            _ => {
                open_list = None;
                let mut opened = None;
                cx.prev_subject.set(prev_subject);
                found = sentence_pledges(&cx, t0, t1, attributions, &mut last_actor, &mut opened);
                if let Some((actor, left)) = opened {
                    let p = layers.paras.partition_point(|p| p.start <= s.start);
                    let para_end = p.checked_sub(1).map_or(s.end, |p| layers.paras[p].end);
                    open_list = Some((actor, left, para_end));
                }
            }
        }
        prev_subject = first_subject(&cx, t0, t1);
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

/// A sentence that asks (it ends with a question mark, closing quote marks
/// aside) commits no one.
fn is_question(text: &str, s: Span) -> bool {
    s.slice(text).trim_end().trim_end_matches(|c: char| is_double_quote(c) || c == '\'' || c == ')').ends_with('?')
}

/// An interview: at least two paragraphs that are a bare question, each
/// followed by the interviewee's answer in the first person without quote
/// marks. Returns the answer paragraphs and the interviewee: the first
/// person the headline names, else the person named most.
fn interview(layers: &Context, ents: &Entities) -> Option<(Vec<Span>, Option<usize>)> {
    let text = layers.text;
    let is_q = |p: &Span| {
        let t = p.slice(text).trim();
        t.ends_with('?') && !t.starts_with(is_double_quote) && t.len() < 400
    };
    if layers.paras.iter().filter(|p| is_q(p)).count() < 2 {
        return None;
    }
    let mut answers = Vec::new();
    let mut after_q = false;
    for p in layers.paras {
        if is_q(p) {
            after_q = true;
        } else if after_q
            && !layers.boiler_spans.contains(p)
            && !p.slice(text).trim_start().starts_with(is_double_quote)
        {
            answers.push(*p);
        }
    }
    let person = |m: &&super::entities::Found| {
        ents.entities[m.entity].kind == EntityKind::Person && m.form != MentionForm::Pronoun
    };
    let who = layers
        .meta
        .headline
        .and_then(|h| ents.in_range(h.start, h.end).iter().find(person).map(|m| m.entity))
        .or_else(|| {
            ents.entities.iter().filter(|e| e.kind == EntityKind::Person).max_by_key(|e| e.mentions.len()).map(|e| e.id)
        });
    Some((answers, who))
}

/// The interviewee, when token `k` lies in an answer of an interview.
fn answer_of(cx: &Ctx, k: usize) -> Option<Option<usize>> {
    let (answers, who) = cx.interview.as_ref()?;
    let pos = cx.toks[k].start();
    answers.iter().any(|p| p.contains_pos(pos)).then_some(*who)
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
    attributions: &[Attribution],
    last_actor: &mut Option<usize>,
    open_list: &mut Option<(Option<usize>, usize)>,
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
            k += 1;
            continue;
        }
        if cx.in_marks[k] {
            k += 1;
            continue;
        }
        // An interview answer is the interviewee's own word.
        if let Some(who) = answer_of(cx, k) {
            if let Some(p) = first_person_commitment(cx, k, t1) {
                out.push((p, who));
                k = token_at(cx.toks, p.end).max(k + 1);
                continue;
            }
        }
        // Governing words that turn a cue into an appeal, hope or refusal.
        let governed = (k.saturating_sub(3).max(t0)..k).any(|j| is_excluder(cx, j)) || passive(cx, k);
        // 0. A counted list after a colon: "Achieving three goals: A. B.
        // C.", "The plan has two pledges: A; B": the rest of the sentence
        // and the next sentences of the paragraph are the items.
        if is_cue(cx, "list", k) && k > t0 && k + 1 < t1 && cx.toks[k + 1].text(cx.text) == ":" && !governed {
            if let Some(n) = count_value(&cx.lower[k - 1]) {
                let actor = answer_of(cx, k)
                    .flatten()
                    .or_else(|| possessor(cx, k))
                    .or_else(|| actor_before(cx, t0, k, *last_actor));
                if actor.is_some() && n >= 2 {
                    let mut items = 0;
                    let mut a = k + 2;
                    while a < t1 {
                        let b = (a..t1).find(|&j| cx.toks[j].text(cx.text) == ";").unwrap_or(t1);
                        if b > a && cx.toks[a].is_word() {
                            out.push((span_of(cx, a, b), actor));
                            items += 1;
                        }
                        a = b + 1;
                    }
                    // A count is approximate in speech: allow one item more.
                    *open_list = Some((actor, (n + 1).saturating_sub(items).min(8)));
                    return out;
                }
            }
        }
        // 1. Verb + to: "pledged (Tuesday) to play", "vowed not to"
        // (not the noun: "Seoul's pledges to", "the plans to").
        let noun_use = k > t0 && (cx.toks[k - 1].possessive() || is_determiner(&cx.lower[k - 1]));
        // "did not promise to", "no plans to": a refusal.
        let denied = k > t0 && is_negation(&cx.lower[k - 1]);
        if is_cue(cx, "verb-to", k) && !governed && !noun_use && !denied {
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
            && !denied
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
            // "Kessler's two big-ticket promises, a tram line and a police
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
        // 4b. "campaigned on cutting taxes": the platform the actor ran on.
        if is_cue(cx, "verb-on", k) && !governed && k + 2 < t1 && cx.lower[k + 1] == "on" && cx.toks[k + 2].is_word() {
            let actor = actor_before(cx, t0, k, *last_actor);
            if actor.is_some() && !cx.toks[k + 2].cap() {
                let end = clause_end(cx, k + 2, t1);
                out.push((span_of(cx, k + 2, end), actor));
                k = end.max(k + 1);
                continue;
            }
        }
        // 4c. "are planning early moves on X", "is preparing a bill to":
        // a plan under way, its object a noun phrase.
        let progressive = k > t0
            && matches!(cx.lower[k].as_str(), "planning" | "preparing")
            && word_before(cx.toks, k, |j| matches!(cx.lower[j].as_str(), "also" | "now" | "already" | "still"))
                .is_some_and(|j| {
                    let w = cx.lower[j].as_str();
                    matches!(w, "is" | "are" | "was" | "were") || w.ends_with("'re") || w.ends_with("\u{2019}re")
                });
        if progressive && !governed && k + 1 < t1 && cx.toks[k + 1].is_word() && cx.lower[k + 1] != "to" {
            let actor = actor_before(cx, t0, k, *last_actor);
            let obj = cx.lower[k + 1].as_str();
            let np = !cx.toks[k + 1].cap() && !matches!(obj, "for" | "on" | "with" | "ahead" | "against");
            if actor.is_some() && np {
                let end = clause_end(cx, k + 1, t1);
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
                let actor = named
                    .or_else(|| reported_will(cx, t0, k))
                    .or(coordinated)
                    .or_else(|| modal_subject(cx, t0, k, *last_actor));
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

/// The subject of an announced "will" at `k` when it is not a name right
/// before it: a description ("the authority will", "X said the government
/// will"), a name the entity stage linked only in part ("The ACME will"),
/// or the subject of the clause a coordinated "... and will" belongs to.
fn modal_subject(cx: &Ctx, t0: usize, k: usize, last: Option<usize>) -> Option<usize> {
    if cx.lower[k] != "will" || k == t0 {
        return None;
    }
    let said = announcer(cx, t0, k);
    let start = said.map_or(t0, |(_, after)| after);
    if start >= k || (start..k).any(|j| cx.quote_of[j].is_some() || is_excluder(cx, j)) {
        return None;
    }
    // The clause must be one subject and its verbs: no second subject
    // before "will" other than after "and".
    let coordinated = cx.lower[k - 1] == "and";
    let h = subject_description(cx, start, k)?;
    let adjacent = h + 1 == k || coordinated;
    if !adjacent {
        return None;
    }
    if actor_in(cx, start, h).is_some() {
        return None;
    }
    describe(cx, h).or(said.and_then(|(who, _)| who)).or(last)
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
    // "has not said he would": no announcement.
    let negated = word_before(cx.toks, v, |j| matches!(cx.lower[j].as_str(), "has" | "have" | "had" | "yet"))
        .is_some_and(|j| is_negation(&cx.lower[j]));
    if !announced || negated {
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
                && (cx.toks[m].cap()
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

fn is_negation(w: &str) -> bool {
    matches!(w, "not" | "never" | "no") || w.ends_with("n't") || w.ends_with("n\u{2019}t")
}

/// "were promised", "was offered": a passive cue names no committing
/// subject ("is committed to" is an adjective: the subject's commitment).
fn passive(cx: &Ctx, k: usize) -> bool {
    if cx.lower[k] == "committed" || !cx.lower[k].ends_with("ed") {
        return false;
    }
    let adverb = |j: usize| cx.lower[j].ends_with("ly") || matches!(cx.lower[j].as_str(), "also" | "already" | "not");
    word_before(cx.toks, k, adverb)
        .is_some_and(|j| matches!(cx.lower[j].as_str(), "is" | "are" | "was" | "were" | "be" | "been" | "being"))
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
    let pronoun = matches!(w, "us" | "them" | "him" | "me" | "it" | "you");
    !(is_determiner(w) || cx.toks[k].cap() || noun_like || starts_digit || pronoun)
}

/// "committed to the plan" (noun after to) is not "to + verb".
fn is_noun_after_to(cx: &Ctx, k: usize) -> bool {
    matches!(cx.lower[k].as_str(), "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "that" | "these")
        || cx.toks[k].cap()
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
        if t.possessive() {
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

/// The actor a subject mention stands for: the entity itself, or for a
/// possessive before a description ("Kessler's council", "Canada's
/// government") the organization the description names, if the article
/// names it.
fn owner_or_owned(cx: &Ctx, m: &super::entities::Found) -> usize {
    let owner = m.tok_end.checked_sub(1).is_some_and(|e| cx.toks[e].possessive());
    if !owner {
        return m.entity;
    }
    (m.tok_end..(m.tok_end + 4).min(cx.toks.len()))
        .take_while(|&j| cx.toks[j].is_word() && !cx.lx.function_words.contains(cx.lower[j].as_str()))
        .find(|&j| is_description(cx, j))
        .and_then(|h| describe(cx, h).filter(|&e| cx.ents.entities[e].kind == EntityKind::Organization))
        .unwrap_or(m.entity)
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
        .map(|m| owner_or_owned(cx, m))
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
    // "X said the union plans to ...": the institution the description
    // stands for, else X speaking for it; "X said Y plans to": Y.
    if let Some((who, after)) = announcer(cx, t0, k) {
        // (A lowercase description linked as an alias is resolved below.)
        let named = (after < k && subject_description(cx, after, k).is_none()).then(|| actor_in(cx, after, k));
        if let Some(y) = named.flatten() {
            return Some(y);
        }
        if let Some(h) = subject_description(cx, after, k) {
            if actor_in(cx, after, k).is_none() {
                return describe(cx, h).or(who);
            }
        }
    } else if let Some(h) = subject_description(cx, clause, k) {
        if let Some(e) = describe(cx, h) {
            if actor_in(cx, clause, h).is_none() {
                return Some(e);
            }
        }
    }
    let ms = cx.ents.in_range(cx.toks[t0].start(), cx.toks[k].start());
    let subject = ms.iter().find(|m| {
        let kind = cx.ents.entities[m.entity].kind;
        matches!(kind, EntityKind::Person | EntityKind::Organization | EntityKind::Place)
            && cx.quote_of[m.tok].is_none()
            && !cx.in_marks[m.tok]
            && !after_preposition(cx, m.tok)
            && !(m.form == MentionForm::Pronoun
                && (cx.toks[m.tok].possessive() || matches!(cx.lower[m.tok].as_str(), "her" | "his" | "its" | "their")))
    });
    if let Some(m) = subject {
        return Some(owner_or_owned(cx, m));
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
    // "They are also planning ...": the organization the previous sentence
    // was about.
    let pronoun = matches!(cx.lower[first_word(cx, t0, k)].as_str(), "they" | "it" | "they're" | "they\u{2019}re");
    if pronoun && cx.prev_subject.get().is_some() {
        return cx.prev_subject.get();
    }
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

/// A description of an actor ("the government", "the union", "its board",
/// "Kessler's council") headed by the word at `h`.
fn is_description(cx: &Ctx, h: usize) -> bool {
    let w = cx.lower[h].as_str();
    cx.toks[h].is_word()
        && !cx.toks[h].cap()
        && (cx.lx.org_words.contains(w) || matches!(w, "country" | "nation" | "province" | "state" | "city"))
}

/// The entity a description headed at `h` stands for: an organization
/// whose name ends in the head word (sharing most words with the noun
/// phrase, then named last before it), or for a government, country or
/// province the jurisdiction the article is about.
fn describe(cx: &Ctx, h: usize) -> Option<usize> {
    let head = cx.lower[h].as_str();
    // The noun phrase's other words: "Safe Dover council" -> safe, dover.
    let mut a = h;
    while a > 0 && h - a < 4 && cx.toks[a - 1].is_word() && !cx.toks[a - 1].possessive() {
        let w = cx.lower[a - 1].as_str();
        if is_determiner(w) || cx.lx.function_words.contains(w) {
            break;
        }
        a -= 1;
    }
    let np: Vec<&str> = (a..h).map(|j| cx.lower[j].as_str()).collect();
    let before = cx.toks[h].start();
    let last_seen = |id: usize| {
        cx.ents.entities[id].mentions.iter().map(|m| m.start).filter(|&s| s < before).max().map_or(0, |s| s + 1)
    };
    // The place the article is about: its council, its government.
    let home = cx.home.get_or_init(|| home_word(cx));
    // ("Council" alone is itself only a description.)
    let by_head = cx.orgs_by_head.get_or_init(|| {
        let mut map = OrgsByHead::default();
        for e in cx.ents.entities.iter().filter(|e| e.kind == EntityKind::Organization && e.name.contains(' ')) {
            let words: Vec<String> = e.name.split_whitespace().map(super::lexicon::key).collect();
            if let Some(last) = words.last() {
                map.entry(last.clone()).or_default().push((e.id, words));
            }
        }
        map
    });
    let org = by_head
        .get(head)
        .into_iter()
        .flatten()
        .max_by_key(|(id, words)| {
            let shared = np.iter().filter(|w| words.iter().any(|x| x == *w)).count();
            let local = home.as_ref().is_some_and(|h| words.contains(h));
            (shared, local, last_seen(*id))
        })
        .map(|(id, _)| *id);
    org.or_else(|| {
        matches!(head, "government" | "country" | "nation" | "province" | "state" | "administration")
            .then(|| main_jurisdiction(cx))
            .flatten()
    })
}

/// The word naming the place an article is about: the place-name word
/// with the most mentions over all places ("Dover" in City of Dover,
/// Dover, South Dover).
fn home_word(cx: &Ctx) -> Option<String> {
    let mut counts: FxHashMap<String, usize> = Default::default();
    for e in cx.ents.entities.iter().filter(|e| e.kind == EntityKind::Place) {
        for w in e.name.split_whitespace().map(super::lexicon::key) {
            let generic = cx.lx.function_words.contains(&w)
                || cx.lx.place_words.contains(&w)
                || cx.lx.place_prefixes.contains(&w)
                || w.len() < 3;
            if !generic {
                *counts.entry(w).or_default() += e.mentions.len();
            }
        }
    }
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0))).map(|(w, _)| w)
}

/// The description heading the subject of the clause that starts at `a`
/// and runs to `k` ("the government", "the union's board"): its head.
fn subject_description(cx: &Ctx, a: usize, k: usize) -> Option<usize> {
    let mut j = a;
    while j < k && matches!(cx.lower[j].as_str(), "but" | "and" | "so" | "now" | "that") {
        j += 1;
    }
    let first = cx.lower.get(j)?.as_str();
    let owned = cx.toks.get(j).is_some_and(|t| t.possessive());
    if !(is_determiner(first) || owned) {
        return None;
    }
    (j + 1..(j + 5).min(k)).take_while(|&m| cx.toks[m].is_word()).find(|&m| is_description(cx, m))
}

/// The person or organization named as the subject of the last speech
/// verb before `k` in the sentence ("Kessler stated the government ..."):
/// who announced what follows.
fn announcer(cx: &Ctx, t0: usize, k: usize) -> Option<(Option<usize>, usize)> {
    let v = (t0..k).rev().find(|&j| cx.lx.speech_verb(&cx.lower[j]).is_some())?;
    let near = v.saturating_sub(8).max(t0);
    let ms = cx.ents.in_range(cx.toks[near].start(), cx.toks[v].start());
    // "a spokesperson for X said": X, the institution spoken for.
    let spoken_for = |tok: usize| {
        tok >= 2
            && cx.lower[tok - 1] == "for"
            && matches!(cx.lower[tok - 2].as_str(), "spokesperson" | "spokesman" | "spokeswoman" | "representative")
    };
    let who = ms
        .iter()
        .rev()
        .find(|m| {
            matches!(cx.ents.entities[m.entity].kind, EntityKind::Person | EntityKind::Organization)
                && (!after_preposition(cx, m.tok) || spoken_for(m.tok))
                && !cx.in_marks[m.tok]
        })
        .map(|m| m.entity);
    let after = if cx.lower.get(v + 1).is_some_and(|w| w == "that") { v + 2 } else { v + 1 };
    Some((who, after))
}

/// The country, state or province the article names most often.
fn main_jurisdiction(cx: &Ctx) -> Option<usize> {
    *cx.jurisdiction.get_or_init(|| {
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
    })
}

fn after_preposition(cx: &Ctx, tok: usize) -> bool {
    let skip = |j: usize| {
        let w = cx.lower[j].as_str();
        !PREPOSITIONS.contains(&w) && (cx.toks[j].cap() || w == "the" || cx.lx.titles.contains(w))
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

/// The value of a small count word or number ("three", "4").
fn count_value(w: &str) -> Option<usize> {
    let words = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    words.iter().position(|x| *x == w).map(|i| i + 2).or_else(|| w.parse().ok().filter(|n| (2..=10).contains(n)))
}

/// The first name in subject position of a sentence (for "they" and "it"
/// in the next one).
fn first_subject(cx: &Ctx, t0: usize, t1: usize) -> Option<usize> {
    if t1 <= t0 {
        return None;
    }
    cx.ents
        .in_range(cx.toks[t0].start(), cx.toks[t1 - 1].end())
        .iter()
        .find(|m| {
            m.form != MentionForm::Pronoun
                && !cx.in_marks[m.tok]
                && !after_preposition(cx, m.tok)
                && matches!(cx.ents.entities[m.entity].kind, EntityKind::Organization | EntityKind::Place)
        })
        .filter(|m| m.tok <= first_word(cx, t0, t1) + 1)
        .map(|m| m.entity)
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
            while end < b && super::text::SCALES.contains(&cx.lower[end].as_str()) {
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
            while end < b && super::text::SCALES.contains(&cx.lower[end].as_str()) {
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
