//! The discourse focus: who is named, who is the subject, who speaks, by
//! sentence; pronouns resolved against it.

use std::ops::Range;

use rustc_hash::FxHashMap;

use super::{cues, speaker, Reading};
use crate::engine::context::Bits;
use crate::engine::entities::{pronoun_gender, Found};
use crate::engine::lexicon::Gender;
use crate::engine::text::{is_preposition, word_before};
use crate::engine::trace;
use crate::model::{EntityKind, MentionForm, Span};

/// One person or organization in focus.
#[derive(Debug, Clone, Copy)]
struct Focus {
    entity: u32,
    sentence: u32,
    subject: bool,
    /// The subject of a speech verb ("X said the plan ...").
    speaks: bool,
}

impl Focus {
    fn new(entity: usize, sentence: usize, subject: bool, speaks: bool) -> Self {
        Focus { entity: entity as u32, sentence: sentence as u32, subject, speaks }
    }

    fn entity(&self) -> usize {
        self.entity as usize
    }

    fn sentence(&self) -> usize {
        self.sentence as usize
    }
}

/// What is in focus, in sentence order: from the earliest sentence a
/// lookup may still reach (see [`Discourse::forget_before`]) on.
#[derive(Debug, Default)]
pub(super) struct Discourse {
    entries: Vec<Focus>,
    /// People named together ("X and Y"): (sentence, the first of them).
    pairs: Vec<(usize, usize)>,
    /// How many entries there may be before the old ones are dropped.
    forget_at: usize,
    /// The speech cues of the sentence being read, and the mentions before
    /// and after one of them (kept for the next, as their room).
    verbs: Vec<usize>,
    near: (Vec<Found>, Vec<Found>),
}

/// Every mention by its first token: the entities' own and the pronouns
/// resolved so far.
pub(super) struct Mentions<'a> {
    named: &'a [Found],
    pronouns: Vec<Found>,
    /// First token -> index into `named` then `pronouns` (the last one
    /// added wins); a map, not a table of 4 bytes a token.
    by_token: FxHashMap<u32, u32>,
    /// One bit a token: a mention starts there (most tokens start none,
    /// and a bit turns them away before a probe of the map, which misses
    /// the cache on a long article).
    starts: Bits,
}

impl<'a> Mentions<'a> {
    /// The mentions of a text of `tokens` tokens.
    pub(super) fn new(named: &'a [Found], tokens: usize) -> Self {
        let mut by_token = FxHashMap::default();
        by_token.reserve(named.len());
        let mut starts = Bits::new(tokens);
        for (i, m) in named.iter().enumerate() {
            by_token.insert(m.tok() as u32, i as u32);
            starts.set(m.tok(), true);
        }
        Mentions { named, pronouns: Vec::new(), by_token, starts }
    }

    /// The mention starting at token `k`.
    #[inline]
    pub(super) fn at(&self, k: usize) -> Option<Found> {
        if k >= self.starts.len() || !self.starts.get(k) {
            return None;
        }
        let i = *self.by_token.get(&u32::try_from(k).ok()?)? as usize;
        Some(if i < self.named.len() { self.named[i] } else { self.pronouns[i - self.named.len()] })
    }

    fn add_pronoun(&mut self, found: Found) {
        self.starts.set(found.tok(), true);
        self.by_token.insert(found.tok() as u32, (self.named.len() + self.pronouns.len()) as u32);
        self.pronouns.push(found);
    }

    pub(super) fn into_pronouns(self) -> Vec<Found> {
        self.pronouns
    }
}

impl Discourse {
    /// Reads one sentence outside its quotes: names and pronouns in order
    /// (pronouns resolved into `mentions`), then who speaks in it.
    pub(super) fn read_sentence(
        &mut self,
        reading: &Reading,
        mentions: &mut Mentions,
        sentence: usize,
        span: Span,
        tokens: Range<usize>,
    ) {
        let named = reading.ents.in_range(span.start, span.end);
        let main_from = main_clause_start(reading, tokens.clone());
        let mut subject_taken = false;
        let mut next = 0;
        let mut verbs = std::mem::take(&mut self.verbs);
        verbs.clear();
        for k in tokens.clone() {
            if reading.in_quote(k) {
                continue;
            }
            // (Who speaks is noted after the names and pronouns, below.)
            let word = reading.word(k);
            if reading.tokens()[k].is_word() && cues::is_cue_word(reading, k, word) {
                verbs.push(k);
            }
            while next < named.len() && named[next].tok() < k {
                next += 1;
            }
            if let Some(m) = named.get(next).filter(|m| m.tok() == k) {
                let subject =
                    !subject_taken && m.tok() >= main_from && is_subject_position(reading, m.tok(), m.tok_end());
                subject_taken |= self.note_name(reading, m, named, sentence, subject);
                continue;
            }
            if let Some(entity) = self.resolve_pronoun(reading, k, word, sentence) {
                let subject = !subject_taken && reading.lexicon.classes.subject_pronouns.contains(word);
                subject_taken |= subject;
                self.entries.push(Focus::new(entity, sentence, subject, false));
                let span = reading.tokens()[k].span();
                mentions.add_pronoun(Found::new(span, entity, MentionForm::Pronoun, k, k + 1));
            }
        }
        self.note_speech_subjects(reading, mentions, sentence, tokens, &verbs);
        self.verbs = verbs;
    }

    /// A name comes into focus when it can speak or be spoken of; returns
    /// true when it took the sentence's subject.
    fn note_name(&mut self, reading: &Reading, m: &Found, named: &[Found], sentence: usize, subject: bool) -> bool {
        let kind = reading.kind(m.entity());
        if !matches!(kind, EntityKind::Person | EntityKind::Organization | EntityKind::Place | EntityKind::Document) {
            return false;
        }
        self.entries.push(Focus::new(m.entity(), sentence, subject, false));
        // "X and Y": two people named together.
        let and_next = reading.ctx.lower.get(m.tok_end()).is_some_and(|w| w == "and");
        if kind == EntityKind::Person && and_next {
            if let Some(n) = named.iter().find(|n| n.tok() == m.tok_end() + 1) {
                if reading.is_person(n.entity()) {
                    self.pairs.push((sentence, m.entity()));
                }
            }
        }
        subject
    }

    /// Speech verbs of the reporter's text (`verbs`, the cues of the
    /// sentence of `tokens` outside quotes): their subject comes into focus
    /// as speaking.
    fn note_speech_subjects(
        &mut self,
        reading: &Reading,
        mentions: &Mentions,
        sentence: usize,
        tokens: Range<usize>,
        verbs: &[usize],
    ) {
        let (first, end) = (tokens.start, tokens.end);
        let (mut before, mut after) = std::mem::take(&mut self.near);
        for &verb in verbs {
            let from = verb.saturating_sub(8).max(first);
            before.clear();
            before.extend((from..verb).filter_map(|k| mentions.at(k)));
            after.clear();
            after.extend((verb + 1..(verb + 9).min(end)).filter_map(|k| mentions.at(k)));
            // The name right before the verb when it is a subject ("Or could
            // lead it, consultant Y says"), else the first head before it.
            let last = before.last().filter(|m| m.tok_end() + 2 >= verb);
            let who = last
                .filter(|m| reading.is_person(m.entity()) && is_subject_position(reading, m.tok(), m.tok_end()))
                .map(|m| m.entity())
                .or_else(|| last.and_then(|_| speaker::pick_speaker(reading, &before, verb)))
                .or_else(|| speaker::pick_speaker(reading, &after, verb));
            if let Some(entity) = who {
                self.entries.push(Focus::new(entity, sentence, false, true));
            }
        }
        self.near = (before, after);
    }

    /// Drops what no later lookup reaches, before sentence `sentence` is
    /// read: lookups look 8 sentences back at most, and a quote opened in
    /// sentence `opened` (the earliest of those still to be attributed)
    /// at the sentence before it that is not boilerplate. (Now and then:
    /// a long article has hundreds of thousands of entries.)
    pub(super) fn forget_before(&mut self, reading: &Reading, sentence: usize, opened: usize) {
        if self.entries.len() < self.forget_at {
            return;
        }
        let before_opened = (0..opened.min(sentence)).rev().find(|&s| !reading.boilerplate_sentence(s)).unwrap_or(0);
        let keep_from = sentence.saturating_sub(8).min(before_opened);
        let n = self.entries.partition_point(|f| f.sentence() < keep_from);
        self.entries.drain(..n);
        let n = self.pairs.partition_point(|&(s, _)| s < keep_from);
        self.pairs.drain(..n);
        self.forget_at = 2 * self.entries.len() + 4096;
    }

    /// A quote's speaker is the subject of its sentence, and speaks.
    pub(super) fn note_speaker(&mut self, entity: usize, sentence: usize) {
        self.entries.push(Focus::new(entity, sentence, true, true));
    }

    /// The entity a pronoun at token `k` (its word `word`) stands for
    /// (traced under `pronouns`).
    fn resolve_pronoun(&self, reading: &Reading, k: usize, word: &str, sentence: usize) -> Option<usize> {
        let (entity, rule) = if word == "they" {
            self.resolve_they(reading, sentence)?
        } else {
            self.resolve_gendered(reading, pronoun_gender(word)?, sentence)?
        };
        trace::fire("pronouns", rule, reading.tokens()[k].span());
        Some(entity)
    }

    /// "they": two people named together ("X and Y said") within two
    /// sentences, else an organization that was the subject just before.
    fn resolve_they(&self, reading: &Reading, sentence: usize) -> Option<(usize, &'static str)> {
        if let Some(&(_, first)) = self.pairs.iter().rev().find(|(s, _)| s + 2 >= sentence) {
            return Some((first, "they_pair"));
        }
        let organization = self
            .entries
            .iter()
            .rev()
            .take_while(|f| f.sentence() + 2 >= sentence)
            .find(|f| f.subject && reading.kind(f.entity()) == EntityKind::Organization)?;
        Some((organization.entity(), "they_organization"))
    }

    /// The most salient person of gender `gender` in focus: in this sentence
    /// or up to 5 back (most recent first), the subject if it fits, else the
    /// first fitting person; else the last fitting person of the 8 before.
    fn resolve_gendered(&self, reading: &Reading, gender: Gender, sentence: usize) -> Option<(usize, &'static str)> {
        let fits = |id: usize| {
            let known = reading.ents.gender[id];
            reading.is_person(id) && (known == gender || known == Gender::Unknown)
        };
        self.most_salient(fits, sentence)
    }

    /// The person a description stands for ("the 44-year-old said"): the
    /// most salient person in focus, of either gender.
    pub(super) fn described(&self, reading: &Reading, sentence: usize) -> Option<usize> {
        self.most_salient(|id| reading.is_person(id), sentence).map(|(entity, _)| entity)
    }

    /// The most salient entity that `fits`, by the order of [`Self::resolve_gendered`].
    fn most_salient(&self, fits: impl Fn(usize) -> bool, sentence: usize) -> Option<(usize, &'static str)> {
        // Entries are in sentence order: look only at the last few sentences.
        let recent = &self.entries[self.entries.partition_point(|f| f.sentence() + 8 < sentence)..];
        for back in 0..=5 {
            let Some(target) = sentence.checked_sub(back) else { break };
            let mut here = recent.iter().filter(|f| f.sentence() == target && fits(f.entity()));
            if let Some(f) = here.clone().find(|f| f.subject) {
                return Some((f.entity(), "gendered_subject"));
            }
            if let Some(f) = here.next() {
                return Some((f.entity(), "gendered_person_named"));
            }
        }
        let f = recent.iter().rev().find(|f| fits(f.entity()))?;
        Some((f.entity(), "gendered_most_recent"))
    }

    /// Who was in focus in the sentence before `sentence`: a person who
    /// spoke, else the person subject, else any person, else the
    /// organization subject.
    pub(super) fn previous_subject(&self, reading: &Reading, sentence: usize) -> Option<usize> {
        // (A boilerplate line between, "WATCH: ...", does not count.)
        let target = (0..sentence).rev().find(|&s| !reading.boilerplate_sentence(s))?;
        let from = self.entries.partition_point(|f| f.sentence() < target);
        let previous: Vec<&Focus> = self.entries[from..].iter().filter(|f| f.sentence() == target).collect();
        let person = |f: &&&Focus| reading.is_person(f.entity());
        previous
            .iter()
            .find(|f| f.speaks && person(f))
            .or_else(|| previous.iter().find(|f| f.subject && person(f)))
            .or_else(|| previous.iter().find(person))
            .or_else(|| previous.iter().find(|f| f.subject && reading.kind(f.entity()) == EntityKind::Organization))
            .map(|f| f.entity())
    }
}

/// Where the main clause of the sentence starts: after the comma closing
/// a leading subordinate clause ("When X died, Y said"), else at its start.
pub(super) fn main_clause_start(reading: &Reading, tokens: Range<usize>) -> usize {
    let (first, end) = (tokens.start, tokens.end);
    if first >= end || !reading.lexicon.classes.subordinators.contains(reading.word(first)) {
        return first;
    }
    (first + 2..end)
        .find(|&k| !reading.in_quote(k) && !reading.tokens()[k].is_word() && reading.mark(k) == ',')
        .map_or(first, |k| k + 1)
}

/// True when the mention at tokens [start, end) is not inside a
/// prepositional phrase, parentheses or a possessive ("the council's
/// chair Ada Brisk").
pub(super) fn is_subject_position(reading: &Reading, start: usize, end: usize) -> bool {
    let tokens = reading.tokens();
    let words = &reading.lexicon.classes;
    let first = reading.word(start);
    if reading.ctx.masks.in_parens[start]
        || tokens[end - 1].possessive()
        || words.possessives.contains(first)
        || words.object_pronouns.contains(first)
    {
        return false;
    }
    // A modifier of the name that follows ("Harbor Board chair Ada Brisk").
    if tokens.get(end).is_some_and(|n| n.is_word() && n.cap() && !n.newline_before()) {
        return false;
    }
    // Walk back over determiners, adjectives and titles to the previous
    // function word: a preposition there puts the name in a phrase.
    let skip = |k: usize| {
        let w = reading.word(k);
        (tokens[k].cap() || w == "the" || w == "a" || reading.lexicon.titles.contains(w) || w.ends_with("-general"))
            && !is_preposition(w)
    };
    !word_before(tokens, start, skip).is_some_and(|k| is_preposition(reading.word(k)))
}
