//! Attribution: who said each direct quote, and with which cue.
//!
//! A small discourse model walks the sentences in order. It keeps who was
//! in focus (sentence subjects over names inside possessives or
//! prepositional phrases, and quote speakers), resolves he/she pronouns to
//! the most salient person of matching gender, and reads the attribution
//! around each quote: `"...," X said`, `"...," said X, a ...`, `X said:
//! "..."`, `according to X`, a pronoun, or no attribution at all (the quote
//! continues the current speaker).

use super::entities::{pronoun_gender, Entities, Found};
use super::lexicon::{Gender, Lexicon};
use super::quotes::RawKind;
use super::text::{
    first_char, is_determiner, is_double_quote, token_at, word_before, Lower, TokKind, Token, PREPOSITIONS,
};
use super::Context;
use crate::model::{EntityKind, MentionForm, Span};

/// A quote's speaker and cue.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attribution {
    pub speaker: Option<usize>,
    pub cue: Option<String>,
}

/// One person or organization in focus.
#[derive(Debug, Clone, Copy)]
struct Focus {
    entity: u32,
    sent: u32,
    subject: bool,
    /// The subject of a speech verb ("X said the plan ...").
    speaks: bool,
}

impl Focus {
    fn new(entity: usize, sent: usize, subject: bool, speaks: bool) -> Self {
        Focus { entity: entity as u32, sent: sent as u32, subject, speaks }
    }

    fn entity(&self) -> usize {
        self.entity as usize
    }

    fn sent(&self) -> usize {
        self.sent as usize
    }
}

struct Ctx<'a> {
    text: &'a str,
    toks: &'a [Token],
    lower: &'a Lower<'a>,
    lx: &'a Lexicon,
    /// Token lies inside the content of a direct quote.
    in_direct: &'a [bool],
    /// Token lies inside parentheses (an aside, never the subject).
    in_parens: &'a [bool],
}

/// Attributes every quote; adds resolved pronoun mentions to `ents`.
pub fn attribute(layers: &Context, ents: &mut Entities, lx: &Lexicon) -> Vec<Attribution> {
    let Context { text, tokens: toks, lower, paras, sentences, quotes, .. } = *layers;
    let (in_direct, in_parens) = (&layers.masks.in_direct, &layers.masks.in_parens);
    let cx = Ctx { text, toks, lower, lx, in_direct, in_parens };
    let mut out = vec![Attribution::default(); quotes.len()];
    let mut focus: Vec<Focus> = Vec::new();
    let mut last_speaker: Option<(usize, usize)> = None; // (entity, paragraph)
                                                         // Each direct quote is attributed in the sentence where it ends.
    let mut ends_in: Vec<Vec<usize>> = vec![Vec::new(); sentences.len()];
    // Resolved pronouns, kept apart until the end so `ents.mentions` stays
    // sorted for range lookups.
    let mut pronouns: Vec<Found> = Vec::new();
    // People named together ("X and Y"), by sentence: the first of them.
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    // Every mention by its first token, pronouns added as they resolve.
    // Every mention by its first token (index + 1 into `known`; 0 = none),
    // pronouns added as they resolve.
    // (`known` is `ents.mentions` then `pronouns`, not a copy of them.)
    let named = ents.mentions.len();
    let mut by_tok: Vec<u32> = vec![0; toks.len()];
    for (i, m) in ents.mentions.iter().enumerate() {
        by_tok[m.tok] = i as u32 + 1;
    }
    let sentence_of = |pos: usize| sentences.partition_point(|s| s.end <= pos).min(sentences.len().saturating_sub(1));
    if !sentences.is_empty() {
        for (qi, q) in quotes.iter().enumerate().filter(|(_, q)| q.kind == RawKind::Direct) {
            ends_in[sentence_of(q.outer.end.saturating_sub(1))].push(qi);
        }
    }

    for (si, s) in sentences.iter().enumerate() {
        let t0 = token_at(toks, s.start);
        let t1 = token_at(toks, s.end);
        // 1. Names and pronouns of this sentence, outside quotes, in order.
        let mut new_mentions: Vec<Found> = Vec::new();
        let mut subject_taken = false;
        let sentence_mentions: Vec<Found> = ents.in_range(s.start, s.end).to_vec();
        let mut mi = 0;
        let main_from = main_clause_start(&cx, t0, t1);
        for k in t0..t1 {
            if cx.in_direct[k] {
                continue;
            }
            // Name mention starting here.
            while mi < sentence_mentions.len() && sentence_mentions[mi].tok < k {
                mi += 1;
            }
            if let Some(m) = sentence_mentions.get(mi).filter(|m| m.tok == k) {
                let kind = ents.entities[m.entity].kind;
                if matches!(
                    kind,
                    EntityKind::Person | EntityKind::Organization | EntityKind::Place | EntityKind::Document
                ) {
                    let subj = !subject_taken && m.tok >= main_from && is_subject_position(&cx, m.tok, m.tok_end);
                    if subj {
                        subject_taken = true;
                    }
                    focus.push(Focus::new(m.entity, si, subj, false));
                    // "X and Y": two people named together.
                    let and_next = cx.lower.get(m.tok_end).is_some_and(|w| w == "and");
                    if kind == EntityKind::Person && and_next {
                        if let Some(n) = sentence_mentions.iter().find(|n| n.tok == m.tok_end + 1) {
                            if ents.entities[n.entity].kind == EntityKind::Person {
                                pairs.push((si, m.entity));
                            }
                        }
                    }
                }
                continue;
            }
            // "they": two people named together ("X and Y said"), else an
            // organization that was the subject just before.
            let resolved = if cx.lower[k] == "they" {
                let recent = |f: &&Focus| f.sent() + 2 >= si;
                let pair = pairs.iter().rev().find(|(s, _)| s + 2 >= si).map(|&(_, e)| e);
                let org = focus
                    .iter()
                    .rev()
                    .take_while(recent)
                    .find(|f| f.subject && ents.entities[f.entity()].kind == EntityKind::Organization)
                    .map(|f| f.entity());
                pair.or(org)
            } else {
                pronoun_gender(&cx.lower[k]).and_then(|g| resolve(&focus, ents, g, si))
            };
            if let Some(id) = resolved {
                let subj = !subject_taken && matches!(cx.lower[k].as_str(), "he" | "she" | "they");
                subject_taken |= subj;
                focus.push(Focus::new(id, si, subj, false));
                new_mentions.push(Found {
                    span: toks[k].span(),
                    entity: id,
                    form: MentionForm::Pronoun,
                    tok: k,
                    tok_end: k + 1,
                });
            }
        }
        for m in &new_mentions {
            pronouns.push(*m);
            by_tok[m.tok] = (named + pronouns.len()) as u32;
        }
        let known = |i: usize| if i < named { ents.mentions[i] } else { pronouns[i - named] };
        let mention_here =
            |k: usize| -> Option<Found> { by_tok.get(k).filter(|&&i| i > 0).map(|&i| known(i as usize - 1)) };
        // Speech verbs of the reporter's text: who speaks in this sentence.
        for v in t0..t1 {
            if cx.in_direct[v] || !cx.toks[v].is_word() || cue(&cx, v).is_none() {
                continue;
            }
            let from = v.saturating_sub(8).max(t0);
            let before: Vec<Found> = (from..v).filter_map(mention_here).collect();
            let after: Vec<Found> = (v + 1..(v + 9).min(t1)).filter_map(mention_here).collect();
            // The name right before the verb when it is a subject ("Or
            // could lead it, consultant Y says"), else the first head before it.
            let last = before.last().filter(|m| m.tok_end + 2 >= v);
            let who = last
                .filter(|m| {
                    ents.entities[m.entity].kind == EntityKind::Person && is_subject_position(&cx, m.tok, m.tok_end)
                })
                .map(|m| m.entity)
                .or_else(|| last.and_then(|_| pick_speaker(&cx, &before, ents)))
                .or_else(|| pick_speaker(&cx, &after, ents));
            if let Some(e) = who {
                focus.push(Focus::new(e, si, false, true));
            }
        }

        // 2. Quotes that close or open in this sentence.
        for &qi in &ends_in[si] {
            let q = &quotes[qi];
            let mut a = Attribution::default();
            // The sentence the quote opens in (it may close several later).
            let open_si = sentence_of(q.outer.start);
            let open_t0 = token_at(toks, sentences[open_si].start.min(q.outer.start));
            if a.speaker.is_none() && a.cue.is_none() {
                let after = token_at(toks, q.outer.end);
                let before = token_at(toks, q.outer.start);
                // The speaker of the quote just before, for "the statement said".
                let earlier = (0..qi)
                    .rev()
                    .find(|&j| quotes[j].kind == RawKind::Direct)
                    .filter(|&j| q.para <= quotes[j].para + 2)
                    .and_then(|j| out[j].speaker);
                a = post_attribution(&cx, after, t1, &mention_here, ents, earlier)
                    .or_else(|| pre_attribution(&cx, open_t0, before, &mention_here, ents))
                    .or_else(|| according_to(&cx, t0, t1, &mention_here))
                    .or_else(|| {
                        // "Cruz continued:" ending the paragraph before.
                        let para = paras[q.para];
                        if q.outer.start != para.start || before == 0 {
                            return None;
                        }
                        let colon = toks[before - 1];
                        if colon.is_word() || first_char(&colon, text) != ':' {
                            return None;
                        }
                        let from = token_at(toks, sentences[sentence_of(colon.start())].start);
                        pre_attribution(&cx, from, before, &mention_here, ents)
                    })
                    .unwrap_or_default();
            }
            if a.speaker.is_none() && a.cue.as_deref().is_some_and(|c| c.ends_with("ing")) {
                // "..., adding, “...”" with no subject in its sentence: the
                // speaker of the quote before it in the paragraph.
                let prev = (0..qi).rev().find(|&j| quotes[j].kind == RawKind::Direct && quotes[j].para == q.para);
                a.speaker = prev.and_then(|j| out[j].speaker);
            }
            if let (None, None, Some(prev)) = (a.speaker, &a.cue, q.continues) {
                // A quote running on from the previous paragraph.
                a = out[prev].clone();
            }
            if a.speaker.is_none() && a.cue.is_none() {
                // A signature line after the quote's paragraph: "Jane Doe,
                // Institute of Things."
                if let Some(e) = signature_after(&cx, paras, q.para, &mention_here, ents) {
                    a = Attribution { speaker: Some(e), cue: None };
                }
            }
            if a.speaker.is_none() && a.cue.is_none() {
                // No attribution in the sentence: the speaker of the quote
                // just before (same or previous paragraph), else the subject
                // in focus in the previous sentence.
                let prev_q = (0..qi).rev().find(|&j| quotes[j].kind == RawKind::Direct);
                let recent_quote = prev_q.filter(|&j| q.para <= quotes[j].para + 1);
                let from = focus.partition_point(|f| f.sent() + 1 < open_si);
                let prev: Vec<&Focus> = focus[from..].iter().filter(|f| f.sent() + 1 == open_si).collect();
                let is_person = |f: &&&Focus| ents.entities[f.entity()].kind == EntityKind::Person;
                let prev_subject = prev
                    .iter()
                    .find(|f| f.speaks && is_person(f))
                    .or_else(|| prev.iter().find(|f| f.subject && is_person(f)))
                    .or_else(|| prev.iter().find(is_person))
                    .or_else(|| {
                        prev.iter().find(|f| f.subject && ents.entities[f.entity()].kind == EntityKind::Organization)
                    })
                    .map(|f| f.entity());
                if let Some(j) = recent_quote.filter(|&j| out[j].speaker.is_some() && quotes[j].para == q.para) {
                    a = Attribution { speaker: out[j].speaker, cue: out[j].cue.clone() };
                } else if let Some(e) = prev_subject {
                    a = Attribution { speaker: Some(e), cue: None };
                } else if let Some(j) = recent_quote.filter(|&j| out[j].speaker.is_some()) {
                    a = Attribution { speaker: out[j].speaker, cue: out[j].cue.clone() };
                } else if let Some((e, p)) = last_speaker {
                    if q.para <= p + 1 {
                        a = Attribution { speaker: Some(e), cue: None };
                    }
                }
            }
            if let Some(e) = a.speaker {
                last_speaker = Some((e, q.para));
                focus.push(Focus::new(e, si, true, true));
            }
            out[qi] = a;
        }
    }
    // (The per-token tables go before the sort takes its scratch space.)
    drop((cx, by_tok, focus, ends_in));
    ents.mentions.extend(pronouns);
    ents.mentions.sort_by_key(|m| (m.span.start, m.span.end));
    out
}

/// "Jane Doe, Institute of Things." alone on the line after a quote's
/// paragraph: the quote is signed.
fn signature_after(
    cx: &Ctx,
    paras: &[Span],
    pi: usize,
    mention_at: &dyn Fn(usize) -> Option<Found>,
    ents: &Entities,
) -> Option<usize> {
    let next = paras.get(pi + 1)?;
    let mut a = token_at(cx.toks, next.start);
    let b = token_at(cx.toks, next.end);
    // "- Jane Doe." / "—President Doe, tweeting": a dash opens the line.
    if a < b && matches!(first_char(&cx.toks[a], cx.text), '-' | '\u{2014}' | '\u{2013}' | '\u{2015}') {
        a += 1;
        while a < b && cx.toks[a].is_word() && cx.lx.titles.contains(cx.lower[a].trim_end_matches('.')) {
            a += 1;
        }
        while a < b && !cx.toks[a].is_word() {
            a += 1;
        }
    }
    let words = (a..b).filter(|&k| cx.toks[k].is_word()).count();
    let m = mention_at(a)?;
    if words > 15 || ents.entities[m.entity].kind != EntityKind::Person {
        return None;
    }
    let after = cx.toks.get(m.tok_end).filter(|t| t.start() < next.end).map(|t| first_char(t, cx.text));
    let has_verb = (m.tok_end..b).any(|k| cx.toks[k].is_word() && !cx.toks[k].cap() && cue(cx, k).is_some());
    (matches!(after, None | Some(',' | '.' | '"' | '\u{201d}')) && !has_verb).then_some(m.entity)
}

/// Subordinating conjunctions that open a clause before the main one.
const SUBORDINATORS: [&str; 13] = [
    "when", "after", "before", "while", "although", "though", "if", "since", "because", "once", "until", "as",
    "whereas",
];

/// Where the main clause of the sentence [t0, t1) starts: after the comma
/// closing a leading subordinate clause ("When X died, Y said"), else t0.
fn main_clause_start(cx: &Ctx, t0: usize, t1: usize) -> usize {
    if t0 >= t1 || !SUBORDINATORS.contains(&cx.lower[t0].as_str()) {
        return t0;
    }
    (t0 + 2..t1)
        .find(|&k| !cx.in_direct[k] && !cx.toks[k].is_word() && first_char(&cx.toks[k], cx.text) == ',')
        .map_or(t0, |k| k + 1)
}

/// True when the mention at tokens [a, b) is not inside a prepositional
/// phrase and not a possessive ("Seoul's top diplomat Chung").
fn is_subject_position(cx: &Ctx, a: usize, b: usize) -> bool {
    if cx.in_parens[a]
        || cx.toks[b - 1].possessive()
        || matches!(cx.lower[a].as_str(), "his" | "her" | "its" | "their" | "him" | "them")
    {
        return false;
    }
    // A modifier of the name that follows ("U.N. Secretary-General X").
    if cx.toks.get(b).is_some_and(|n| n.is_word() && n.cap() && !n.newline_before()) {
        return false;
    }
    // Walk back over determiners, adjectives and titles to the previous
    // function word: a preposition there puts the name in a phrase.
    let skip = |k: usize| {
        let w = cx.lower[k].as_str();
        !PREPOSITIONS.contains(&w)
            && (cx.toks[k].cap() || w == "the" || w == "a" || cx.lx.titles.contains(w) || w.ends_with("-general"))
    };
    !word_before(cx.toks, a, skip).is_some_and(|k| PREPOSITIONS.contains(&cx.lower[k].as_str()))
}

/// The most salient person of gender `g` in focus.
fn resolve(focus: &[Focus], ents: &Entities, g: Gender, si: usize) -> Option<usize> {
    let compatible = |id: usize| {
        ents.entities[id].kind == EntityKind::Person && (ents.gender[id] == g || ents.gender[id] == Gender::Unknown)
    };
    // Sentences most recent first (this one included), up to 5 back: the
    // subject if it fits, else the first fitting person, left to right.
    // Entries are in sentence order: look only at the last few sentences.
    let recent = &focus[focus.partition_point(|f| f.sent() + 8 < si)..];
    for back in 0..=5 {
        let Some(target) = si.checked_sub(back) else { break };
        let here = recent.iter().filter(|f| f.sent() == target && compatible(f.entity()));
        if let Some(f) = here.clone().find(|f| f.subject).or_else(|| here.clone().next()) {
            return Some(f.entity());
        }
    }
    recent.iter().rev().find(|f| compatible(f.entity())).map(|f| f.entity())
}

fn cue(cx: &Ctx, k: usize) -> Option<String> {
    let w = cx.lower[k].as_str();
    if let (Some(seconds), Some(next)) = (cx.lx.speech_phrases.get(w), cx.lower.get(k + 1)) {
        if seconds.iter().any(|s| s == next) {
            return Some(format!("{w} {next}"));
        }
    }
    cx.lx.speech_verb(w)?;
    // A capitalized word after "of" or another capitalized word is part of
    // a name ("Secretary of State", "Valley News Report").
    if cx.toks[k].cap() && k > 0 && cx.toks[k - 1].is_word() && (cx.toks[k - 1].cap() || cx.lower[k - 1] == "of") {
        return None;
    }
    // A noun after a determiner or a possessive ("his comments", "the mayor's
    // comments") is no cue.
    if k > 0 && (cx.toks[k - 1].possessive() || is_determiner(&cx.lower[k - 1])) {
        return None;
    }
    // "saying" attributes only in "quoted as saying"; other -ing forms never.
    if w.ends_with("ing") && !(w == "saying" && k >= 1 && cx.lower[k - 1] == "as") {
        return None;
    }
    Some(w.to_string())
}

/// After the closing mark: `, X said`, `, said X`, `, he added`, `X wrote`.
fn post_attribution(
    cx: &Ctx,
    from: usize,
    to: usize,
    mention_at: &dyn Fn(usize) -> Option<Found>,
    ents: &Entities,
    earlier: Option<usize>,
) -> Option<Attribution> {
    let mut k = from;
    // Skip a comma or dash right after the mark.
    while k < to
        && !cx.toks[k].is_word()
        && matches!(first_char(&cx.toks[k], cx.text), ',' | '\u{2014}' | '\u{2013}' | '\u{2015}' | '-')
    {
        k += 1;
    }
    // A name with an appositive before the verb ("X, director of ..., said")
    // gets a wider window.
    let appositive =
        mention_at(k).is_some_and(|m| cx.toks.get(m.tok_end).is_some_and(|t| first_char(t, cx.text) == ','));
    let window_end = (k + if appositive { 32 } else { 14 }).min(to);
    // "..." ― Jane Doe: a signature after a dash.
    let dash = from < to && matches!(first_char(&cx.toks[from], cx.text), '\u{2015}' | '\u{2014}' | '\u{2013}' | '-');
    if dash {
        if let Some(m) = mention_at(k).filter(|m| ents.entities[m.entity].kind == EntityKind::Person) {
            return Some(Attribution { speaker: Some(m.entity), cue: None });
        }
    }
    // Find the speech verb.
    let verb = (k..window_end)
        .find(|&j| cx.toks[j].is_word() && cue(cx, j).is_some() && !cx.in_direct[j] && !opens_quote(cx, j))?;
    // Stop at an opening quote mark before the verb (another quote).
    if (k..verb).any(|j| opens_quote(cx, j)) {
        return None;
    }
    let c = cue(cx, verb);
    // Subject before the verb ("X said", "X, a spokesperson for Y, said"),
    // else the name after it ("said Jane Doe", "said X's colleague, Y").
    let before: Vec<Found> = (k..verb).filter_map(mention_at).collect();
    let speaker = match pick_speaker(cx, &before, ents) {
        Some(e) => Some(e),
        None => {
            if starts_with_indefinite(cx, k, verb) {
                None
            } else if (k..verb).any(|j| {
                cx.lower[j] == "the" && cx.lower.get(j + 1).is_some_and(|w| STATEMENT_WORDS.contains(&w.as_str()))
            }) {
                // "the statement said": the statement introduced before.
                earlier
            } else {
                let after: Vec<Found> = (verb + 1..(verb + 8).min(to.max(verb + 1))).filter_map(mention_at).collect();
                pick_speaker(cx, &after, ents)
            }
        }
    };
    Some(Attribution { speaker, cue: c })
}

/// The speaker among mentions near a speech verb: not a possessive, not a
/// modifier of the next name ("U.N. Secretary-General X"); a person first,
/// else an organization or document, left to right.
fn pick_speaker(cx: &Ctx, ms: &[Found], ents: &Entities) -> Option<usize> {
    let heads: Vec<&Found> = ms
        .iter()
        .enumerate()
        .filter(|(i, m)| {
            // "Harbour Watch volunteer coordinator Tom Ferris": a name
            // followed by words and then another name (no punctuation
            // between) only modifies that name.
            // "his wife, X, wrote": a possessive pronoun before another name is
            // no speaker ("her statement read": it is).
            let determiner = matches!(cx.lower[m.tok].as_str(), "his" | "her" | "its" | "their");
            if determiner && ms.len() > i + 1 {
                return false;
            }
            let modifies_next = ms.get(i + 1).is_some_and(|n| {
                ents.entities[n.entity].kind == EntityKind::Person
                    && (m.tok_end..n.tok).all(|j| {
                        let t = cx.toks[j];
                        (t.is_word()
                            && (!t.cap() || cx.lx.titles.contains(cx.lower[j].as_str()))
                            && !PREPOSITIONS.contains(&cx.lower[j].as_str()))
                            || (!t.is_word() && t.text(cx.text) == "." && !t.space_before())
                    })
                    && n.tok > m.tok_end
            });
            !cx.toks[m.tok_end - 1].possessive()
                && !cx.toks.get(m.tok_end).is_some_and(|n| n.is_word() && n.cap() && !n.newline_before())
                && !modifies_next
        })
        .map(|(_, m)| m)
        .collect();
    let kind = |m: &&Found| ents.entities[m.entity].kind;
    heads
        .iter()
        .find(|m| kind(m) == EntityKind::Person)
        .or_else(|| heads.iter().find(|m| matches!(kind(m), EntityKind::Organization | EntityKind::Document)))
        .or_else(|| heads.first())
        .map(|m| m.entity)
}

/// Nouns for a written statement that speaks for whoever issued it.
const STATEMENT_WORDS: [&str; 6] = ["statement", "release", "letter", "email", "e-mail", "memo"];

/// An unnamed description ("a police spokesperson said"): speaker unknown.
fn starts_with_indefinite(cx: &Ctx, from: usize, to: usize) -> bool {
    (from..to)
        .any(|j| matches!(cx.lower[j].as_str(), "a" | "an" | "one" | "another" | "some" | "officials" | "sources"))
}

fn opens_quote(cx: &Ctx, j: usize) -> bool {
    let t = cx.toks[j];
    t.kind == TokKind::Punct && is_double_quote(first_char(&t, cx.text)) && t.space_before()
}

/// Before the opening mark: `X said: "`, `X said, "`, `X joked, "`.
fn pre_attribution(
    cx: &Ctx,
    from: usize,
    to: usize,
    mention_at: &dyn Fn(usize) -> Option<Found>,
    ents: &Entities,
) -> Option<Attribution> {
    if to <= from {
        return None;
    }
    // The punctuation right before the mark must introduce speech.
    let last = cx.toks[to - 1];
    let intro = !last.is_word() && matches!(first_char(&last, cx.text), ':' | ',' | '\u{2014}');
    // Any speech verb before the mark; a participle only right before it
    // ("..., saying, “...”").
    // ("..., telling reporters, “...”": an object of up to three words.)
    let participle = |j: usize| {
        cx.lower[j].ends_with("ing")
            && cx.lx.speech_verb(&cx.lower[j]).is_some()
            && (j + 2 >= to || j + 5 >= to && (j + 1..to - 1).all(|k| cx.toks[k].is_word()))
    };
    let verb =
        (from..to).rev().find(|&j| cx.toks[j].is_word() && !cx.in_direct[j] && (cue(cx, j).is_some() || participle(j)));
    let verb_adjacent = verb.is_some_and(|v| v + 1 == to || v + 2 == to && !cx.toks[to - 1].is_word());
    if !(intro || verb_adjacent) {
        return None;
    }
    if verb.is_none() && first_char(&last, cx.text) != ':' {
        return None;
    }
    let subjects: Vec<Found> = (from..to)
        .filter(|&k| !cx.in_direct[k])
        .filter_map(mention_at)
        .filter(|m| {
            matches!(ents.entities[m.entity].kind, EntityKind::Person | EntityKind::Organization | EntityKind::Document)
                && is_subject_position(cx, m.tok, m.tok_end)
        })
        .collect();
    // The name right before the verb ("..., Kessler said, "), else the first
    // person in subject position, else the first subject.
    // (A participle "..., saying" belongs to the sentence's subject.)
    // (A participle right after a name, "has Kessler saying", is that
    // name's; after a comma, "..., saying", it is the subject's.)
    // ("... and said, “...”" has no subject of its own: not the name
    // before "and".)
    let adjacent = verb.filter(|&v| !cx.lower[v].ends_with("ing") || cx.toks[v - 1].is_word()).and_then(|v| {
        let near: Vec<Found> = (from..v)
            .filter(|&k| !cx.in_direct[k])
            .filter_map(mention_at)
            .filter(|m| m.tok_end == v || m.tok_end + 1 == v && !cx.toks[m.tok_end].is_word())
            .collect();
        near.iter().copied().find(|m| ents.entities[m.entity].kind == EntityKind::Person).or_else(|| {
            // "As the Ledger reported, “...”": whoever is named right before.
            let as_clause = cx.lower[from] == "as" && near.first().is_some_and(|m| m.tok <= from + 3);
            near.first().copied().filter(|m| as_clause && ents.entities[m.entity].kind != EntityKind::Place)
        })
    });
    // Subjects of the main clause first ("When X died, Y released this
    // statement:").
    let main_from = main_clause_start(cx, from, to);
    let subjects: Vec<Found> = if subjects.iter().any(|m| m.tok >= main_from) {
        subjects.into_iter().filter(|m| m.tok >= main_from).collect()
    } else {
        subjects
    };
    // "X said, adding, “...”": a participle after a comma belongs to the
    // subject of the speech verb before it.
    let participle_of =
        verb.filter(|&v| cx.lower[v].ends_with("ing") && v > from && !cx.toks[v - 1].is_word()).and_then(|v| {
            let v2 = (from..v - 1).rev().find(|&j| {
                cx.toks[j].is_word() && !cx.in_direct[j] && !cx.lower[j].ends_with("ing") && cue(cx, j).is_some()
            })?;
            let person = |m: &Found| ents.entities[m.entity].kind == EntityKind::Person;
            (from..v2)
                .filter_map(mention_at)
                .filter(|m| m.tok_end == v2 || m.tok_end + 1 == v2 && !cx.toks[m.tok_end].is_word())
                .find(person)
                .or_else(|| mention_at(v2 + 1).filter(person))
        });
    let subject = adjacent
        .or(participle_of)
        .or_else(|| subjects.iter().find(|m| ents.entities[m.entity].kind == EntityKind::Person).copied())
        .or_else(|| subjects.first().copied())
        .map(|m| m.entity);
    let subject = subject
        .or_else(|| {
            let v = verb?;
            (v + 1..to).find_map(mention_at).map(|m| m.entity)
        })
        .or_else(|| {
            // "A statement by X said: ...": the person named in the phrase.
            (from..to)
                .filter_map(mention_at)
                .find(|m| ents.entities[m.entity].kind == EntityKind::Person)
                .map(|m| m.entity)
        });
    if subject.is_none() && verb.is_none() {
        return None;
    }
    Some(Attribution { speaker: subject, cue: verb.map(|v| cue(cx, v).unwrap_or_else(|| cx.lower[v].to_string())) })
}

/// `according to X` anywhere in the sentence, outside quotes.
fn according_to(cx: &Ctx, from: usize, to: usize, mention_at: &dyn Fn(usize) -> Option<Found>) -> Option<Attribution> {
    let k = (from..to.saturating_sub(1))
        .find(|&j| !cx.in_direct[j] && cx.lower[j] == "according" && cx.lower[j + 1] == "to")?;
    let m = (k + 2..(k + 8).min(to)).find_map(mention_at)?;
    Some(Attribution { speaker: Some(m.entity), cue: Some("according to".into()) })
}
