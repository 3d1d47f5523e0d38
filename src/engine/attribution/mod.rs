//! Attribution: who said each direct quote, and with which cue.
//!
//! A small discourse model walks the sentences in order (`focus`). It keeps
//! who is in focus (sentence subjects over names inside possessives or
//! prepositional phrases, and quote speakers) and resolves he/she/they to
//! the most salient fitting entity. Each quote is then read for its cue
//! (`cues`): `"...," X said`, `"...," said X, a ...`, `X said: "..."`,
//! `according to X`, a signature line; without one, `speaker` carries the
//! discourse on (the speaker before, the subject in focus).
//!
//! Every decision is a named rule, traced under the stages `speakers` and
//! `pronouns` (see [`super::trace`]). The stage reads the entities and does
//! not change them: it returns the speakers and the pronoun mentions it
//! resolved, which the caller merges into the entities' mentions.

mod cues;
mod features;
mod focus;
mod speaker;
mod transcript;

use std::cell::RefCell;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::entities::{Entities, Found};
use super::fit::LinearModel;
use super::lexicon::Lexicon;
use super::quotes::RawKind;
use super::text::{first_char, token_at, Token};
use super::Context;
use crate::model::{EntityKind, Span};
use focus::{Discourse, Mentions};
pub use speaker::{SpeakerCandidate, SpeakerChoice, FEATURE_NAMES, RULES};

/// A quote's speaker and cue.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attribution {
    pub speaker: Option<usize>,
    pub cue: Option<String>,
    /// Others who speak with `speaker` ("reply Ana and Joe").
    pub with: Vec<usize>,
}

/// No speaker, in [`Said`].
const NO_SPEAKER: u32 = u32::MAX;

/// The attributions as the walk makes them and the later stages and the
/// document keep them, in fewer bytes than an [`Attribution`] each (a long
/// article has tens of thousands of quotes): each quote's speaker, its cue
/// as a number into the distinct cue words, and the co-speakers of the few
/// quotes that have them.
#[derive(Debug, Clone, Default)]
pub struct Said {
    /// Each quote's speaker ([`NO_SPEAKER`]: none).
    speakers: Vec<u32>,
    /// Each quote's cue: 0 for none, else 1 + its index in `cue_words`.
    cues: Vec<u32>,
    cue_words: Vec<String>,
    /// Cue word -> its number in `cues`.
    known: FxHashMap<String, u32>,
    /// (quote, its co-speakers), by quote.
    with: Vec<(usize, Vec<usize>)>,
}

impl Said {
    /// No speaker or cue yet for each of `n` quotes.
    pub fn new(n: usize) -> Said {
        Said { speakers: vec![NO_SPEAKER; n], cues: vec![0; n], ..Said::default() }
    }

    /// Keeps `a` as quote `q`'s attribution.
    pub fn set(&mut self, q: usize, a: Attribution) {
        self.set_speaker(q, a.speaker);
        let words = &mut self.cue_words;
        self.cues[q] = a.cue.map_or(0, |c| {
            *self.known.entry(c).or_insert_with_key(|c| {
                words.push(c.clone());
                words.len() as u32
            })
        });
        match (self.with.binary_search_by_key(&q, |(k, _)| *k), a.with.is_empty()) {
            (Ok(i), true) => drop(self.with.remove(i)),
            (Ok(i), false) => self.with[i].1 = a.with,
            (Err(i), false) => self.with.insert(i, (q, a.with)),
            (Err(_), true) => {}
        }
    }

    /// Quote `q`'s attribution.
    pub fn get(&self, q: usize) -> Attribution {
        Attribution { speaker: self.speaker(q), cue: self.cue(q).map(str::to_string), with: self.with(q).to_vec() }
    }

    /// Quote `q`'s speaker (none past the last quote).
    pub fn speaker(&self, q: usize) -> Option<usize> {
        self.speakers.get(q).filter(|&&s| s != NO_SPEAKER).map(|&s| s as usize)
    }

    /// Makes `speaker` quote `q`'s speaker.
    pub fn set_speaker(&mut self, q: usize, speaker: Option<usize>) {
        self.speakers[q] = speaker.map_or(NO_SPEAKER, |s| {
            u32::try_from(s).ok().filter(|&s| s != NO_SPEAKER).expect("fewer entities than tokens")
        });
    }

    /// Every quote's speaker, in quote order.
    pub fn speakers(&self) -> impl Iterator<Item = Option<usize>> + '_ {
        (0..self.speakers.len()).map(|q| self.speaker(q))
    }

    /// Quote `q`'s cue.
    pub fn cue(&self, q: usize) -> Option<&str> {
        self.cues[q].checked_sub(1).map(|i| self.cue_words[i as usize].as_str())
    }

    /// Quote `q`'s co-speakers.
    pub fn with(&self, q: usize) -> &[usize] {
        self.with.binary_search_by_key(&q, |(k, _)| *k).map_or(&[], |i| &self.with[i].1)
    }
}

/// What attribution found: one attribution per raw quote (in the order
/// of [`Context::quotes`]; empty for quotes that are not direct) and the
/// pronoun mentions it resolved, in text order.
#[derive(Debug, Clone, Default)]
pub struct Attributions {
    pub said: Said,
    pub pronouns: Vec<Found>,
}

/// The built-in speaker weights (`assets/speaker_weights.txt`), parsed once.
pub fn model() -> &'static LinearModel {
    static MODEL: OnceLock<LinearModel> = OnceLock::new();
    MODEL.get_or_init(|| {
        LinearModel::from_pairs(&FEATURE_NAMES, crate::engine::lexicon::weights::SPEAKERS)
            .unwrap_or_else(|e| panic!("assets/speaker_weights.txt: {e}"))
    })
}

/// Weights to rank speakers by instead of the built-in ones, and the
/// choices made with them (see [`fitting`]).
struct Fitting {
    model: LinearModel,
    choices: Vec<SpeakerChoice>,
}

thread_local! {
    static FITTING: RefCell<Option<Fitting>> = const { RefCell::new(None) };
}

/// Runs `work` (which annotates) with speakers ranked by `model` on this
/// thread, and returns its result with every speaker choice made, in order
/// (for fitting the weights, see `examples/fit_speakers.rs`).
pub fn fitting<T>(model: LinearModel, work: impl FnOnce() -> T) -> (T, Vec<SpeakerChoice>) {
    let outer = FITTING.with(|f| f.borrow_mut().replace(Fitting { model, choices: Vec::new() }));
    let result = work();
    let done = FITTING.with(|f| std::mem::replace(&mut *f.borrow_mut(), outer));
    (result, done.map(|f| f.choices).unwrap_or_default())
}

/// Attributes every direct quote of `ctx`.
pub fn attribute(ctx: &Context, ents: &Entities, lexicon: &Lexicon) -> Attributions {
    let mut fitting = FITTING.with(|f| f.borrow_mut().take());
    let found = attribute_with(ctx, ents, lexicon, fitting.as_mut());
    FITTING.with(|f| *f.borrow_mut() = fitting);
    found
}

/// [`attribute`], ranking by the weights of `fitting` when given (and
/// keeping its choices), else by the built-in ones.
fn attribute_with(
    ctx: &Context,
    ents: &Entities,
    lexicon: &Lexicon,
    mut fitting: Option<&mut Fitting>,
) -> Attributions {
    let reading = Reading { ctx: *ctx, ents, lexicon, ranks: paragraph_ranks(ctx) };
    let mut walk = Walk {
        discourse: Discourse::default(),
        mentions: Mentions::new(&ents.mentions, ctx.tokens.len()),
        quotes: Said::new(ctx.quotes.len()),
        last_speaker: None,
    };
    let ends_in = quotes_by_closing_sentence(&reading);
    let opened = earliest_opened(&reading, &ends_in);
    let mut next = 0;
    for (sentence, span) in ctx.sentences.iter().enumerate() {
        let pending = opened.get(next).map_or(sentence, |&s| s as usize);
        walk.discourse.forget_before(&reading, sentence, pending);
        let tokens = reading.token_range(span);
        walk.discourse.read_sentence(&reading, &mut walk.mentions, sentence, span, tokens.clone());
        let from = next;
        while ends_in.get(next).is_some_and(|&(s, _)| s as usize == sentence) {
            next += 1;
        }
        for quote in ends_in[from..next].iter().map(|&(_, q)| q as usize) {
            let found = match fitting.as_deref_mut() {
                Some(f) => speaker::choose(&reading, &walk, quote, tokens.clone(), &f.model, Some(&mut f.choices)),
                None => speaker::choose(&reading, &walk, quote, tokens.clone(), model(), None),
            };
            walk.record(quote, sentence, found, ctx.quotes[quote].para());
        }
    }
    speaker::repeated_quotes(&reading, &mut walk.quotes);
    Attributions { said: walk.quotes, pronouns: walk.mentions.into_pronouns() }
}

/// For each entry of `ends_in`, the earliest sentence where it or one
/// after it opens (what the quotes still to be attributed look back from).
fn earliest_opened(reading: &Reading, ends_in: &[(u32, u32)]) -> Vec<u32> {
    let mut out = vec![0; ends_in.len()];
    let mut earliest = u32::MAX;
    for (i, &(_, quote)) in ends_in.iter().enumerate().rev() {
        earliest = earliest.min(reading.sentence_of(reading.ctx.quotes[quote as usize].outer().start) as u32);
        out[i] = earliest;
    }
    out
}

/// Each direct quote is attributed in the sentence where it closes:
/// (sentence, quote) pairs by sentence, quotes in order within one (a
/// list, not a vector per sentence).
fn quotes_by_closing_sentence(reading: &Reading) -> Vec<(u32, u32)> {
    let ctx = &reading.ctx;
    if ctx.sentences.is_empty() {
        return Vec::new();
    }
    let mut ends_in: Vec<(u32, u32)> = (ctx.quotes.iter().enumerate())
        .filter(|(_, q)| q.kind == RawKind::Direct)
        .map(|(index, quote)| (reading.sentence_of(quote.outer().end.saturating_sub(1)) as u32, index as u32))
        .collect();
    ends_in.sort_by_key(|&(s, _)| s);
    ends_in
}

/// Each paragraph's place among the paragraphs that are no boilerplate
/// ("READ MORE: ...", "WATCH: ..." lines do not count between a speaker and
/// the quotes after).
fn paragraph_ranks(ctx: &Context) -> Vec<usize> {
    let (mut rank, mut boiler) = (0, ctx.boiler_spans.iter().peekable());
    ctx.paras
        .iter()
        .map(|p| {
            let here = rank;
            while boiler.next_if(|b| b.start < p.start).is_some() {}
            rank += usize::from(boiler.next_if(|b| b.start == p.start).is_none());
            here
        })
        .collect()
}

/// What every part of attribution reads: the context, the entities found
/// before it and the lexicon.
pub(super) struct Reading<'a> {
    ctx: Context<'a>,
    ents: &'a Entities,
    lexicon: &'a Lexicon,
    /// See [`paragraph_ranks`].
    ranks: Vec<usize>,
}

impl Reading<'_> {
    /// How many paragraphs (boilerplate lines not counted) lie from
    /// paragraph `from` on to paragraph `to`.
    fn paras_between(&self, from: usize, to: usize) -> usize {
        self.ranks[to].saturating_sub(self.ranks[from])
    }

    fn tokens(&self) -> &[Token] {
        self.ctx.tokens
    }

    /// Sentence `s` lies in a boilerplate line.
    fn boilerplate_sentence(&self, s: usize) -> bool {
        let k = token_at(self.ctx.tokens, self.ctx.sentences.at(s).start);
        k < self.ctx.masks.in_boiler.len() && self.ctx.masks.in_boiler.get(k)
    }

    /// The lowercase word of token `k` (empty for punctuation).
    #[inline]
    fn word(&self, k: usize) -> &str {
        self.ctx.lower[k].as_str()
    }

    /// The first character of token `k`.
    fn mark(&self, k: usize) -> char {
        first_char(&self.ctx.tokens[k], self.ctx.text)
    }

    /// Token `k` lies inside the content of a direct quote.
    fn in_quote(&self, k: usize) -> bool {
        self.ctx.masks.in_direct[k]
    }

    fn kind(&self, entity: usize) -> EntityKind {
        self.ents.entities[entity].kind
    }

    fn is_person(&self, entity: usize) -> bool {
        self.kind(entity) == EntityKind::Person
    }

    /// The tokens of a span.
    fn token_range(&self, span: Span) -> std::ops::Range<usize> {
        token_at(self.ctx.tokens, span.start)..token_at(self.ctx.tokens, span.end)
    }

    /// The sentence holding byte `pos` (the last one past the end).
    fn sentence_of(&self, pos: usize) -> usize {
        let sentences = self.ctx.sentences;
        sentences.partition_point(|s| s.end <= pos).min(sentences.len().saturating_sub(1))
    }

    /// The direct quote before quote `quote`, if any.
    fn previous_direct(&self, quote: usize) -> Option<usize> {
        (0..quote).rev().find(|&j| self.ctx.quotes[j].kind == RawKind::Direct)
    }
}

/// The state of the walk over the sentences.
pub(super) struct Walk<'a> {
    discourse: Discourse,
    mentions: Mentions<'a>,
    /// The attributions so far, by quote.
    quotes: Said,
    /// The last quote speaker and the paragraph of that quote.
    last_speaker: Option<(usize, usize)>,
}

impl Walk<'_> {
    /// Keeps quote `quote`'s attribution; its speaker comes into focus.
    fn record(&mut self, quote: usize, sentence: usize, found: Attribution, para: usize) {
        if let Some(entity) = found.speaker {
            self.last_speaker = Some((entity, para));
            self.discourse.note_speaker(entity, sentence);
        }
        self.quotes.set(quote, found);
    }
}

#[cfg(test)]
mod tests;
