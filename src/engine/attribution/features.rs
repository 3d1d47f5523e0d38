//! The features of a speaker candidate that do not depend on which rules
//! propose it: its kind, where the text last names it (sentence, paragraph,
//! paragraphs back), whether it spoke last or takes its turn again in an
//! exchange.

use super::{Reading, Walk};
use crate::engine::entities::Found;
use crate::engine::quotes::RawKind;
use crate::model::{EntityKind, Span};

/// How many paragraphs back the names around a quote are read.
pub(super) const PARAGRAPHS_BACK: usize = 3;

/// The candidate features, after the rules (see `speaker::FEATURE_NAMES`).
pub(super) const EXTRA_FEATURES: [&str; 17] = [
    "kind_person",
    "kind_organization",
    "kind_place",
    "kind_document",
    "kind_other",
    "no_speaker",
    "is_last_speaker",
    "more_rules_agree",
    "first_proposal",
    "group",
    "named_in_sentence",
    "named_in_paragraph",
    "named_paragraph_before",
    "paragraphs_back",
    "turn_taking",
    "cue_speaks",
    "cue_names_another",
];

/// The offset of an extra feature among [`EXTRA_FEATURES`].
pub(super) const fn extra(name: &str) -> usize {
    let mut i = 0;
    while i < EXTRA_FEATURES.len() {
        if str_eq(EXTRA_FEATURES[i], name) {
            return i;
        }
        i += 1;
    }
    panic!("no such feature")
}

/// `a == b`, in a const.
pub(super) const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// What the features of all of a quote's candidates read: the quote's
/// paragraph and sentences, and the names outside quotes from
/// [`PARAGRAPHS_BACK`] paragraphs before it to the end of its paragraph.
pub(super) struct Around<'a> {
    pub para: usize,
    pub start: usize,
    /// From the start of the sentence the quote opens in to the end of the
    /// one it closes in.
    pub sentences: Span,
    pub names: Vec<&'a Found>,
}

impl<'a> Around<'a> {
    pub(super) fn new(reading: &'a Reading, quote: usize) -> Self {
        let ctx = &reading.ctx;
        let q = &ctx.quotes[quote];
        let back = (0..=q.para()).rev().take_while(|&p| reading.paras_between(p, q.para()) <= PARAGRAPHS_BACK).last();
        let back = back.unwrap_or(q.para());
        let first = ctx.paras.at(back).start;
        let last = ctx.paras.at(q.para()).end.max(q.outer().end);
        let opened = ctx.sentences.at(reading.sentence_of(q.outer().start)).start;
        let closed = ctx.sentences.at(reading.sentence_of(q.outer().end.saturating_sub(1))).end;
        let all = &reading.ents.mentions;
        let from = all.partition_point(|m| m.span().start < first);
        let names = all[from..]
            .iter()
            .take_while(|m| m.span().start < last)
            .filter(|m| m.form() != crate::model::MentionForm::Pronoun && !reading.in_quote(m.tok()))
            .collect();
        Around {
            para: q.para(),
            start: q.outer().start,
            sentences: Span::new(opened.min(q.outer().start), closed),
            names,
        }
    }

    /// The paragraph of a mention.
    fn para_of(reading: &Reading, m: &Found) -> usize {
        reading.ctx.paras.partition_point(|p| p.end <= m.span().start)
    }

    /// The nearest person or organization named before the quote in its
    /// paragraph or the one before.
    pub(super) fn named_nearby(&self, reading: &Reading) -> Option<usize> {
        let near = |m: &&&Found| {
            m.span().start < self.start && reading.paras_between(Self::para_of(reading, m), self.para) <= 1
        };
        let nearest = |kind: EntityKind| {
            self.names.iter().rev().filter(near).find(|m| reading.kind(m.entity()) == kind).map(|m| m.entity())
        };
        nearest(EntityKind::Person).or_else(|| nearest(EntityKind::Organization))
    }
}

impl Around<'_> {
    /// The latest person or organization named as the subject of a speech
    /// verb outside quotes before the quote ("Harbor Rail said in a
    /// statement that ...", "said Ada Brisk"), within [`PARAGRAPHS_BACK`]
    /// paragraphs: the issuer of quotes that follow with no cue.
    pub(super) fn reported_speaker(&self, reading: &Reading) -> Option<usize> {
        let speaks = |k: usize| {
            k < reading.tokens().len()
                && reading.tokens()[k].is_word()
                && !reading.in_quote(k)
                && super::cues::is_cue(reading, k)
        };
        self.names
            .iter()
            .rev()
            .filter(|m| m.span().start < self.start)
            .filter(|m| matches!(reading.kind(m.entity()), EntityKind::Person | EntityKind::Organization))
            .find(|m| speaks(m.tok_end()) || m.tok() > 0 && speaks(m.tok() - 1))
            .map(|m| m.entity())
    }
}

/// The features of candidate `speaker` of quote `quote` besides the rules
/// that propose it; `offset` is where the extras begin, `len` the count of
/// all features.
pub(super) fn describe(
    reading: &Reading,
    walk: &Walk,
    around: &Around,
    quote: usize,
    speaker: Option<usize>,
    (offset, len): (usize, usize),
) -> Vec<f64> {
    let mut features = vec![0.0; len];
    let mut set = |i: usize, value: f64| features[offset + i] = value;
    let Some(entity) = speaker else {
        set(const { extra("no_speaker") }, 1.0);
        return features;
    };
    let kind = match reading.kind(entity) {
        EntityKind::Person => const { extra("kind_person") },
        EntityKind::Organization => const { extra("kind_organization") },
        EntityKind::Place => const { extra("kind_place") },
        EntityKind::Document => const { extra("kind_document") },
        EntityKind::Event | EntityKind::Other => const { extra("kind_other") },
    };
    set(kind, 1.0);
    if reading.kind(entity) == EntityKind::Other {
        set(const { extra("group") }, 1.0);
    }
    if walk.last_speaker.map(|(e, _)| e) == Some(entity) {
        set(const { extra("is_last_speaker") }, 1.0);
    }
    if takes_turn(reading, walk, quote, entity) {
        set(const { extra("turn_taking") }, 1.0);
    }
    let mine: Vec<&&Found> = around.names.iter().filter(|m| m.entity() == entity).collect();
    let inside = |s: Span, m: &Found| s.start <= m.span().start && m.span().end <= s.end;
    set(const { extra("named_in_sentence") }, f64::from(u8::from(mine.iter().any(|m| inside(around.sentences, m)))));
    let paras: Vec<usize> = mine.iter().map(|m| Around::para_of(reading, m)).collect();
    set(const { extra("named_in_paragraph") }, f64::from(u8::from(paras.contains(&around.para))));
    let before = paras.iter().any(|&p| p < around.para && reading.paras_between(p, around.para) == 1);
    set(const { extra("named_paragraph_before") }, f64::from(u8::from(before)));
    let back = mine
        .iter()
        .zip(&paras)
        .filter(|(m, _)| m.span().start < around.start)
        .map(|(_, &p)| reading.paras_between(p.min(around.para), around.para))
        .min()
        .unwrap_or(PARAGRAPHS_BACK + 1);
    set(const { extra("paragraphs_back") }, back as f64 / (PARAGRAPHS_BACK + 1) as f64);
    features
}

/// Turn-taking in an exchange: `entity` spoke the direct quote before the
/// last one, someone else the last, all within two paragraphs.
fn takes_turn(reading: &Reading, walk: &Walk, quote: usize, entity: usize) -> bool {
    let quotes = reading.ctx.quotes;
    let direct = |j: &usize| quotes[*j].kind == RawKind::Direct;
    let mut before = (0..quote).rev().filter(direct);
    let (Some(last), Some(second)) = (before.next(), before.next()) else { return false };
    reading.paras_between(quotes[second].para(), quotes[quote].para()) <= 2
        && walk.quotes.speaker(second) == Some(entity)
        && walk.quotes.speaker(last).is_some_and(|e| e != entity)
}
