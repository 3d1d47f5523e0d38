//! Pledges: commitments the article reports, each with its actor, a short
//! action and the amount tied to it.
//!
//! Three steps. Candidates come from general grammar (`broad`: every
//! modal with a verb, "going to", "is to", every commitment verb or noun,
//! in narration, reported speech and quotes) and from today's precise
//! constructions (`candidates`: `pledged to`, `a plan to`, list items,
//! an announced `will`, the speaker's own quoted `"We will ..."`). Each
//! candidate gets named features (`features`); a logistic model with
//! weights fitted on annotated articles (`assets/pledge_weights.txt`, see
//! `examples/fit_pledges.rs`) decides. Kept candidates that overlap or
//! restate an earlier one are shown once.

mod actor;
mod amount;
mod broad;
mod candidates;
mod clause;
mod cues;
mod features;

use std::cell::{Cell, OnceCell, RefCell};
use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::engine::attribution::Said;

pub use broad::SubjectKind;
pub use candidates::Construction;
pub use features::{Vector, COUNT as FEATURE_COUNT, NAMES as FEATURE_NAMES};

use self::actor::first_subject;
use self::amount::{action, amount};
use self::candidates::Sentence;
use self::clause::span_of;
use self::cues::{Class, Classes, Cues, Entry};
use self::features::Place;
use super::context::Bits;
use super::entities::{Entities, Found};
use super::fit::LinearModel;
use super::lexicon::Lexicon;
use super::quotes::RawKind;
use super::text::{first_char, is_double_quote, sort_stable_in_place, token_at, Lower, Token};
use super::Context;
use crate::model::{EntityKind, MentionForm, Pledge, Span};

/// Organization ids with the keys of their name words, by last word.
type OrgsByHead = FxHashMap<String, Vec<(usize, Vec<String>)>>;

/// What the pledge stage reads, built once a document.
struct Ctx<'a> {
    text: &'a str,
    toks: &'a [Token],
    lower: &'a Lower<'a>,
    lexicon: &'a Lexicon,
    ents: &'a Entities,
    /// The direct quote containing a token, if any (see [`Ctx::quote_of`]).
    quotes: QuoteRanges,
    /// Inside any quote marks (direct, partial or title).
    in_marks: &'a Bits,
    /// Word -> its cue kinds.
    cue_table: &'static cues::CueTable,
    /// The current sentence's tokens as the rules first see them: (first
    /// token, tags) (see [`Ctx::cue`], [`Ctx::next_tagged`]).
    tags: RefCell<(usize, Vec<Tag>)>,
    /// In an interview, the answer paragraphs speak for the interviewee:
    /// (answer paragraph spans, the interviewee).
    interview: Option<(Vec<Span>, Option<usize>)>,
    /// The subject of the previous sentence, for "they" and "it".
    prev_subject: Cell<Option<usize>>,
    /// The article's home place word (see [`actor::home_word`]), found once.
    home: OnceCell<Option<String>>,
    /// Organizations of two words or more by the key of their last word,
    /// with the keys of all their words (built once, for [`actor::describe`]).
    orgs_by_head: OnceCell<OrgsByHead>,
    /// The jurisdiction the article is about (see [`actor::main_jurisdiction`]).
    jurisdiction: OnceCell<Option<usize>>,
}

/// One candidate pledge with its evidence and the model's score.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub span: Span,
    pub actor: Option<usize>,
    pub construction: Construction,
    /// Feature values, in the order of [`FEATURE_NAMES`]; kept only for a
    /// trace (empty otherwise: a long document has many candidates).
    pub features: Vec<f64>,
    /// The money or count tied to it, as printed.
    pub amount: Option<String>,
    /// In the headline.
    pub headline: bool,
    /// The model's score (a pledge when above 0).
    pub score: f64,
}

/// A candidate as [`gather`] keeps it: a [`Candidate`] in 40 bytes (a long
/// document keeps tens of thousands): offsets, the actor and the feature
/// values' place as `u32` (token offsets have 32 bits), [`NONE`] for none.
struct Kept {
    start: u32,
    end: u32,
    score: f64,
    /// The amount's bytes.
    amount: [u32; 2],
    actor: u32,
    /// Where its feature values are among those [`gather`] returns (kept
    /// only for a trace).
    features: u32,
    construction: Construction,
    headline: bool,
}

/// No actor, amount or feature values.
const NONE: u32 = u32::MAX;

/// `n` as a [`Kept`] field (below 4 GiB, as token offsets are).
fn small(n: usize) -> u32 {
    u32::try_from(n).ok().filter(|&n| n != NONE).expect("offsets and ids below 4 GiB, as tokens are")
}

impl Kept {
    fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    fn actor(&self) -> Option<usize> {
        (self.actor != NONE).then_some(self.actor as usize)
    }

    fn chosen(&self) -> Chosen {
        Chosen { start: self.start, end: self.end, actor: self.actor, amount: self.amount }
    }

    /// The candidate as a trace gives it (`features`: those [`gather`]
    /// returned).
    fn candidate(self, text: &str, features: &mut [Box<[f64]>]) -> Candidate {
        let [a, b] = self.amount;
        Candidate {
            span: self.span(),
            actor: self.actor(),
            construction: self.construction,
            features: features.get_mut(self.features as usize).map(std::mem::take).unwrap_or_default().into_vec(),
            amount: (a != NONE).then(|| text[a as usize..b as usize].to_string()),
            headline: self.headline,
            score: self.score,
        }
    }
}

/// The built-in decision weights (`assets/pledge_weights.txt`), parsed once.
pub fn model() -> &'static LinearModel {
    static MODEL: OnceLock<LinearModel> = OnceLock::new();
    MODEL.get_or_init(|| {
        LinearModel::from_pairs(FEATURE_NAMES, crate::engine::lexicon::weights::PLEDGES)
            .unwrap_or_else(|e| panic!("assets/pledge_weights.txt: {e}"))
    })
}

/// A pledge as [`find_with`] chooses it; [`Chosen::pledge`] makes it a
/// [`Pledge`] (its text and action) once the stages' tables are gone.
///
/// 20 bytes: its offsets, actor and amount as in [`Kept`].
pub struct Chosen {
    start: u32,
    end: u32,
    actor: u32,
    amount: [u32; 2],
}

impl Chosen {
    /// The document's pledge number `id`.
    pub fn pledge(self, id: usize, doc_text: &str) -> Pledge {
        let (start, end) = (self.start as usize, self.end as usize);
        let text = doc_text[start..end].to_string();
        let [a, b] = self.amount;
        Pledge {
            id,
            start,
            end,
            action: action(&text),
            amount: (a != NONE).then(|| doc_text[a as usize..b as usize].to_string()),
            text,
            actor: (self.actor != NONE).then_some(self.actor as usize),
        }
    }
}

/// Finds the pledges of a document, decided by the built-in weights.
pub fn find(layers: &Context, speakers: &Said, ents: &Entities, lexicon: &Lexicon) -> Vec<Pledge> {
    let chosen = find_with(layers, speakers, ents, lexicon, model(), None);
    chosen.into_iter().enumerate().map(|(id, c)| c.pledge(id, layers.text)).collect()
}

/// Finds the pledges of a document decided by `model`; when `trace` is
/// given, every candidate with its features and score is added to it.
pub fn find_with(
    layers: &Context,
    speakers: &Said,
    ents: &Entities,
    lexicon: &Lexicon,
    model: &LinearModel,
    trace: Option<&mut Vec<Candidate>>,
) -> Vec<Chosen> {
    let ctx = context(layers, ents, lexicon);
    // (Without a trace only the kept ones are read: the others are not kept.)
    let all = trace.is_some() || crate::engine::trace::enabled();
    let (candidates, mut features) = gather(&ctx, layers, speakers, all, |features| {
        let score = model.score(features);
        (score, if trace.is_some() { features.to_vec().into_boxed_slice() } else { Box::default() })
    });
    for c in &candidates {
        // The construction that proposed it, then the fitted decision.
        let construction = Construction::ALL.iter().position(|k| *k == c.construction).map_or("", |i| FEATURE_NAMES[i]);
        crate::engine::trace::fire("pledges", construction, c.span());
        let decision = if c.score > 0.0 { "decide.pledge" } else { "decide.not_a_pledge" };
        crate::engine::trace::fire("pledges", decision, c.span());
    }
    let order = select(&ctx, &candidates);
    let pledges = order.iter().map(|&i| candidates[i].chosen()).collect();
    let Some(trace) = trace else { return pledges };
    trace.extend(candidates.into_iter().map(|c| c.candidate(layers.text, &mut features)));
    pledges
}

fn context<'a>(layers: &Context<'a>, ents: &'a Entities, lexicon: &'a Lexicon) -> Ctx<'a> {
    let toks = layers.tokens;
    Ctx {
        text: layers.text,
        toks,
        lower: layers.lower,
        lexicon,
        ents,
        quotes: QuoteRanges::build(layers),
        in_marks: &layers.masks.in_marks,
        cue_table: cues::table(lexicon),
        tags: RefCell::default(),
        interview: interview(layers, ents),
        prev_subject: Cell::default(),
        home: OnceCell::default(),
        orgs_by_head: OnceCell::default(),
        jurisdiction: OnceCell::default(),
    }
}

impl Ctx<'_> {
    /// The index of the direct quote containing token `k`, if any.
    #[inline]
    fn quote_of(&self, k: usize) -> Option<usize> {
        self.quotes.get(k)
    }

    /// Token `k`'s tag: from the current sentence's tags, else made.
    #[inline]
    fn tag(&self, k: usize) -> Tag {
        let (first, ref tags) = *self.tags.borrow();
        match k.checked_sub(first).and_then(|i| tags.get(i)) {
            Some(t) => *t,
            None => Tag::of(self, k),
        }
    }

    /// The cue kinds of token `k`'s word.
    #[inline]
    fn cue(&self, k: usize) -> Cues {
        self.tag(k).cues
    }

    /// The cue kinds of the words in `range`, joined.
    fn cues_in(&self, range: Range<usize>) -> Cues {
        let (first, ref tags) = *self.tags.borrow();
        let cue = |j: usize| j.checked_sub(first).and_then(|i| tags.get(i)).map_or_else(|| self.cue(j), |t| t.cues);
        range.map(cue).fold(Cues::default(), Cues::union)
    }

    /// The first token from `k` on, before `end` (in the current
    /// sentence), whose tag `wanted` accepts; else `end` (`k` from `end` on).
    fn next_tagged(&self, k: usize, end: usize, wanted: impl Fn(&Tag) -> bool) -> usize {
        let (first, ref tags) = *self.tags.borrow();
        if k >= end {
            return k;
        }
        tags[k - first..end - first].iter().position(wanted).map_or(end, |i| k + i)
    }

    /// Tags tokens [start, end) (one sentence).
    fn tags_for(&self, start: usize, end: usize) {
        let mut tags = self.tags.borrow_mut();
        tags.0 = start;
        tags.1.clear();
        tags.1.extend((start..end).map(|j| Tag::of(self, j)));
    }
}

/// What the rules first look at in a token: its cue kinds and word
/// classes, and a few bits of the token.
#[derive(Debug, Clone, Copy, Default)]
struct Tag {
    cues: Cues,
    classes: Classes,
    /// [`Tag::WORD`], [`Tag::JOINED`], [`Tag::IN_MARKS`], [`Tag::ENDS_CLAUSE`].
    bits: u8,
}

impl Tag {
    const WORD: u8 = 1;
    /// A word with an apostrophe or hyphen inside.
    const JOINED: u8 = 2;
    const IN_MARKS: u8 = 4;
    /// A mark that ends a clause: `.` `;` `:` `,` `?` `!` `(` or a dash.
    const ENDS_CLAUSE: u8 = 8;

    /// Token `k`'s tag.
    #[inline]
    fn of(ctx: &Ctx, k: usize) -> Tag {
        let t = ctx.toks[k];
        let in_marks = if ctx.in_marks[k] { Tag::IN_MARKS } else { 0 };
        if !t.is_word() {
            let ends = matches!(first_char(&t, ctx.text), '.' | ';' | ':' | ',' | '?' | '!' | '(' | '\u{2014}');
            return Tag { bits: in_marks | if ends { Tag::ENDS_CLAUSE } else { 0 }, ..Tag::default() };
        }
        let Entry { cues, classes } = ctx.cue_table.entry(ctx.lower[k].as_str());
        let joined = if t.joined() { Tag::JOINED } else { 0 };
        Tag { cues, classes, bits: Tag::WORD | joined | in_marks }
    }

    fn is_word(&self) -> bool {
        self.bits & Tag::WORD != 0
    }

    fn in_marks(&self) -> bool {
        self.bits & Tag::IN_MARKS != 0
    }

    fn ends_clause(&self) -> bool {
        self.bits & Tag::ENDS_CLAUSE != 0
    }

    /// A precise rule may start here (the rules check again).
    fn precise(&self) -> bool {
        self.cues != Cues::default() || self.classes.has(Class::RuleStart)
    }

    /// A broad construction may start here (see [`broad::broad`]).
    fn broad(&self) -> bool {
        self.cues != Cues::default() || self.bits & Tag::JOINED != 0 || self.classes.has(Class::BroadStart)
    }
}

/// The direct quotes as token ranges (start, end, quote index), sorted and
/// disjoint as paired quotes are: a few per paragraph instead of a table
/// of 4 bytes a token.
struct QuoteRanges {
    ranges: Vec<(u32, u32, u32)>,
    /// The range of the last lookup (lookups go mostly forward).
    last: Cell<usize>,
}

impl QuoteRanges {
    fn build(layers: &Context) -> QuoteRanges {
        let toks = layers.tokens;
        let mut ranges: Vec<(u32, u32, u32)> = Vec::new();
        for (qi, q) in layers.quotes.iter().enumerate().filter(|(_, q)| q.kind == RawKind::Direct) {
            let (a, b) = (token_at(toks, q.content().start), token_at(toks, q.content().end));
            if a < b {
                paint(&mut ranges, (a as u32, b as u32, qi as u32));
            }
        }
        QuoteRanges { ranges, last: Cell::new(0) }
    }

    /// The quote index of the range holding token `k`.
    #[inline]
    fn get(&self, k: usize) -> Option<usize> {
        let r = &self.ranges;
        let h = self.last.get();
        let holds = |i: usize| r.get(i).is_some_and(|x| x.0 as usize <= k && k < x.1 as usize);
        if holds(h) {
            return Some(r[h].2 as usize);
        }
        // (Most tokens lie between quotes: in the gap after the last range.)
        let in_gap = r.get(h).is_some_and(|x| x.1 as usize <= k) && r.get(h + 1).is_none_or(|y| k < y.0 as usize);
        if in_gap {
            return None;
        }
        let i = r.partition_point(|x| x.0 as usize <= k).checked_sub(1)?;
        self.last.set(i);
        holds(i).then(|| r[i].2 as usize)
    }
}

/// Adds range `r` to the sorted, disjoint `ranges`; where it overlaps
/// earlier ones (paired quotes do not), it wins, as a later quote did in a
/// per-token table.
fn paint(ranges: &mut Vec<(u32, u32, u32)>, r: (u32, u32, u32)) {
    if ranges.last().is_none_or(|x| x.1 <= r.0) {
        ranges.push(r);
        return;
    }
    let mut out = Vec::with_capacity(ranges.len() + 2);
    for x in ranges.drain(..) {
        if x.0 < r.0 {
            out.push((x.0, x.1.min(r.0), x.2));
        }
        if x.1 > r.1 {
            out.push((x.0.max(r.1), x.1, x.2));
        }
    }
    out.push(r);
    out.sort_unstable_by_key(|x| x.0);
    *ranges = out;
}

/// Every candidate of the document (`all`), else those scored above 0,
/// sentence by sentence, with its score and the features to keep, as
/// `score` gives them from its features.
fn gather(
    ctx: &Ctx,
    layers: &Context,
    speakers: &Said,
    all: bool,
    score: impl Fn(&Vector) -> (f64, Box<[f64]>),
) -> (Vec<Kept>, Vec<Box<[f64]>>) {
    let mut out = Vec::new();
    let mut feature_values = Vec::new();
    let mut last_actor: Option<usize> = None;
    // A list announced with a colon ("three pledges: A. B. C.") whose items
    // are the next sentences of the paragraph: (actor, items left, paragraph end).
    let mut open_list: Option<(Option<usize>, usize, usize)> = None;
    let mut prev_subject: Option<usize> = None;
    for s in layers.sentences.iter() {
        let place =
            Place { headline: layers.meta.headline.is_some_and(|h| h.overlaps(s)), question: is_question(ctx.text, s) };
        let start = token_at(ctx.toks, s.start);
        let end = token_at(ctx.toks, s.end);
        ctx.tags_for(start, end);
        let mut sent = Sentence::new(start, end, speakers, last_actor);
        match open_list {
            Some((actor, left, para_end)) if left > 0 && s.start < para_end && end > start => {
                sent.found.push(candidates::Spotted {
                    span: span_of(ctx, start, end),
                    actor,
                    construction: Construction::ListContinued,
                    cue: start,
                });
                open_list = Some((actor, left - 1, para_end));
            }
            _ => {
                open_list = None;
                ctx.prev_subject.set(prev_subject);
                candidates::precise(ctx, &mut sent);
                broad::broad(ctx, &mut sent);
                if let Some((actor, left)) = sent.opened {
                    let p = layers.paras.partition_point(|p| p.start <= s.start);
                    let para_end = p.checked_sub(1).map_or(s.end, |p| layers.paras.at(p).end);
                    open_list = Some((actor, left, para_end));
                }
            }
        }
        prev_subject = first_subject(ctx, start, end);
        for found in &sent.found {
            if found.construction.precise() && found.actor.is_some() {
                last_actor = found.actor;
            }
            let amount = amount(ctx, found.span);
            let (score, features) = score(&features::extract(ctx, &sent, found, place, amount.is_some()));
            if !all && score <= 0.0 {
                continue;
            }
            let at = if features.is_empty() { NONE } else { small(feature_values.len()) };
            if !features.is_empty() {
                feature_values.push(features);
            }
            out.push(Kept {
                start: small(found.span.start),
                end: small(found.span.end),
                actor: found.actor.map_or(NONE, small),
                construction: found.construction,
                features: at,
                amount: amount.map_or([NONE; 2], |a| [small(a.start), small(a.end)]),
                headline: place.headline,
                score,
            });
        }
    }
    // (Without the stable sort's scratch copy of all of them.)
    sort_stable_in_place(&mut out, |c| (c.start, c.end));
    out.shrink_to_fit();
    (out, feature_values)
}

/// How many earlier kept pledges a candidate is compared with (overlap,
/// restatement): restatements come close together, and a long document
/// must not cost quadratic time.
const LOOK_BACK: usize = 48;

/// How far back (bytes) a restatement is looked for: about a long
/// article; text further apart (another article in one file, a text
/// repeated) gets its pledges listed again.
const RESTATE_WITHIN: usize = 20_000;

/// The kept candidates as pledges: score above 0; of overlapping ones the
/// higher score; a restatement of a recent pledge of the same actor once.
/// Returns the indices of the pledges among `candidates`, in order.
fn select(ctx: &Ctx, candidates: &[Kept]) -> Vec<usize> {
    // Each kept candidate (its index); the content words of those still
    // compared (the last LOOK_BACK kept, and the headline's) by index.
    let mut kept: Vec<usize> = Vec::new();
    let mut words: FxHashMap<usize, Vec<&str>> = FxHashMap::default();
    let of = |i: usize| &candidates[i];
    for (ci, c) in candidates.iter().enumerate().filter(|(_, c)| c.score > 0.0) {
        let from = kept.len().saturating_sub(LOOK_BACK);
        if let Some(i) = kept[from..].iter().rposition(|&k| of(k).span().overlaps(c.span())) {
            let k = kept[from + i];
            if of(k).score < c.score {
                words.remove(&k);
                words.insert(ci, content_words(ctx, c.span()));
                kept[from + i] = ci;
            }
            continue;
        }
        let new = content_words(ctx, c.span());
        let seen = |k: usize| words.get(&k).map_or(&[][..], |w| &w[..]);
        let near = |k: &Kept| c.start - k.start.min(c.start) <= RESTATE_WITHIN as u32;
        if kept[from..].iter().any(|&k| near(of(k)) && of(k).actor == c.actor && restates(seen(k), &new)) {
            continue;
        }
        // A headline says in short what the body says: the body's is shown.
        let summarized = |&k: &usize| of(k).headline && of(k).actor == c.actor && summarizes(seen(k), &new);
        if let Some(i) = kept.iter().take(4).position(summarized) {
            words.remove(&kept.remove(i));
        }
        kept.push(ci);
        words.insert(ci, new);
        // The one that left the window is compared no more (but as a
        // headline, see above).
        if let Some(&k) = kept.len().checked_sub(LOOK_BACK + 1).map(|i| &kept[i]) {
            if !of(k).headline {
                words.remove(&k);
            }
        }
    }
    kept
}

/// The lowercase words of four letters or more in a span.
fn content_words<'a>(ctx: &Ctx<'a>, span: Span) -> Vec<&'a str> {
    let lower: &'a Lower<'a> = ctx.lower;
    let tokens = token_at(ctx.toks, span.start)..token_at(ctx.toks, span.end);
    // (At most one word a token: one allocation.)
    let mut words = Vec::with_capacity(tokens.len());
    words.extend(tokens.filter(|&j| ctx.toks[j].is_word()).map(|j| lower[j].as_str()).filter(|w| w.len() >= 4));
    words
}

/// A headline's words are at least half in the body's (two or more).
fn summarizes(headline: &[&str], body: &[&str]) -> bool {
    let shared = headline.iter().filter(|w| body.contains(w)).count();
    shared >= 2 && shared * 2 >= headline.len()
}

/// The later words say again what the earlier said: two thirds of each
/// shared.
fn restates(earlier: &[&str], later: &[&str]) -> bool {
    // (Counted only until the words shared reach two thirds, or no longer can.)
    let need = (later.len() * 2).max(earlier.len() * 2).div_ceil(3);
    if later.is_empty() || need > later.len() {
        return false;
    }
    let mut shared = 0;
    for (i, w) in later.iter().enumerate() {
        if earlier.contains(w) {
            shared += 1;
            if shared == need {
                return true;
            }
        } else if shared + (later.len() - i - 1) < need {
            return false;
        }
    }
    false
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
    for p in layers.paras.iter() {
        if is_q(&p) {
            after_q = true;
        } else if after_q
            && !layers.boiler_spans.contains(&p)
            && !p.slice(text).trim_start().starts_with(is_double_quote)
        {
            answers.push(p);
        }
    }
    let person = |m: &&Found| ents.entities[m.entity()].kind == EntityKind::Person && m.form() != MentionForm::Pronoun;
    let who = layers
        .meta
        .headline
        .and_then(|h| ents.in_range(h.start, h.end).iter().find(person).map(|m| m.entity()))
        .or_else(|| {
            ents.entities
                .iter()
                .filter(|e| e.kind == EntityKind::Person)
                .max_by_key(|e| ents.mention_count(e.id))
                .map(|e| e.id)
        });
    Some((answers, who))
}

/// The interviewee, when token `k` lies in an answer of an interview.
fn answer_of(ctx: &Ctx, k: usize) -> Option<Option<usize>> {
    let (answers, who) = ctx.interview.as_ref()?;
    let pos = ctx.toks[k].start();
    answers.iter().any(|p| p.contains_pos(pos)).then_some(*who)
}

#[cfg(test)]
mod tests {
    use super::restates;

    #[test]
    fn restates_counts_two_thirds_of_each() {
        let words = ["city", "build", "tram", "line", "north", "park"];
        for a in 0..words.len() {
            for b in 0..words.len() {
                for n in 0..4 {
                    let (earlier, later) = (&words[a.min(b)..a.max(b)], &words[n.min(a)..]);
                    let shared = later.iter().filter(|w| earlier.contains(w)).count();
                    let expected =
                        !later.is_empty() && shared * 3 >= later.len() * 2 && shared * 3 >= earlier.len() * 2;
                    assert_eq!(restates(earlier, later), expected, "{earlier:?} {later:?}");
                }
            }
        }
    }
}
