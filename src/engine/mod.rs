//! The annotation engine: text in, [`Document`] out, in clear stages.
//!
//! 1. [`input`]: bytes to normalized text (BOM, line ends, UTF-8).
//! 2. [`text`]: one tokenization shared by the later stages.
//! 3. [`segment`]: paragraphs, boilerplate lines, meta (headline, dateline,
//!    credit), sentences.
//! 4. [`quotes`]: quote marks paired into quotes, direct or partial.
//!
//! Then one [`Context`] ([`context`]: the text, tokens, lexicon and shared
//! per-token masks) is read, never changed, by:
//!
//! 5. [`entities`]: names spotted, decided by ordered tables of named rules,
//!    linked into entities.
//! 6. [`attribution`]: each direct quote's speaker (ranked candidates) and
//!    cue; resolved pronouns returned, merged into the entities' mentions.
//! 7. [`pledges`]: candidates from general grammar, decided by a fitted
//!    linear model ([`fit`]), with actor, action and amount.
//! 8. [`nested`]: names inside names (a place inside an organization's
//!    name, an acronym that begins a longer name) as mentions of their own.
//!
//! Every decision is a named rule traced by [`trace`] (`annotate
//! --explain`). Word lists come from [`lexicon`], built from `assets/` (the
//! largest compiled into tables by `build.rs`). The engine has no terminal
//! dependency.

// Token loops index several parallel arrays at once; ranges read clearer.
#![allow(clippy::needless_range_loop)]

pub mod attribution;
pub mod context;
pub mod entities;
pub mod fit;
pub mod input;
pub mod lexicon;
pub mod nested;
pub mod pledges;
pub mod quotes;
pub mod segment;
pub mod text;
pub mod trace;

use crate::model::{Document, Quote, QuoteKind, Span};
pub use context::Context;
use context::Masks;

use lexicon::Lexicon;
use quotes::RawKind;

/// Annotates an article. Line ends are folded and a BOM dropped first (see
/// [`input::normalize_str`]); all spans refer to the folded text.
pub fn annotate(text: &str) -> Document {
    annotate_owned(input::normalize_str(text))
}

/// Annotates `text`, taking it over without a copy when it is already
/// normalized (no BOM, no CR: text from [`input::decode`]); else as
/// [`annotate`] does.
pub fn annotate_string(text: String) -> Document {
    if text.starts_with('\u{feff}') || text.contains('\r') {
        annotate(&text)
    } else {
        annotate_owned(text)
    }
}

/// What the stages before the entities find: tokens, segments, quote
/// marks and the shared masks, from which a [`Context`] is made.
struct Early {
    tokens: Vec<text::Token>,
    paras: context::Spans,
    sentences: context::Spans,
    quotes: Vec<quotes::RawQuote>,
    meta: crate::model::Meta,
    boiler_spans: Vec<Span>,
    masks: Masks,
}

impl Early {
    /// Runs tokenization, segmentation and quote pairing over `text`.
    fn run(text: &str, lx: &Lexicon) -> Early {
        let tokens = text::tokenize(text);
        let paras = segment::paragraphs(text);
        let boiler = segment::boilerplate(text, &paras, lx);
        let meta = segment::meta(text, &paras, &boiler);
        let mut sentences = segment::sentences(text, &paras, &tokens, lx);
        if let Some(d) = meta.dateline {
            segment::skip_dateline(text, &mut sentences, d);
        }
        let quotes = quotes::find(text, &paras, &boiler, lx);
        let boiler_spans: Vec<Span> = paras.iter().zip(&boiler).filter(|(_, b)| **b).map(|(p, _)| *p).collect();
        let masks = Masks::build(text, &tokens, &sentences, &quotes, &boiler_spans);
        // Kept to the end, in 8 bytes a span, with no room left from their growth.
        let (paras, sentences, mut quotes) = (context::Spans::new(&paras), context::Spans::new(&sentences), quotes);
        quotes.shrink_to_fit();
        Early { tokens, paras, sentences, quotes, meta, boiler_spans, masks }
    }

    /// The context the later stages read (`lower`: the tokens' lowercase forms).
    fn context<'a>(&'a self, text: &'a str, lower: &'a text::Lower<'a>, lx: &'a Lexicon) -> Context<'a> {
        Context {
            text,
            tokens: &self.tokens,
            lower,
            paras: &self.paras,
            sentences: &self.sentences,
            quotes: &self.quotes,
            meta: &self.meta,
            boiler_spans: &self.boiler_spans,
            lexicon: lx,
            masks: &self.masks,
        }
    }
}

/// What a fitting program takes from an annotation besides the document.
#[derive(Default)]
struct Sinks<'a> {
    /// Every pledge candidate with its features.
    pledges: Option<&'a mut Vec<pledges::Candidate>>,
    /// Every entity as the kind model sees it.
    kinds: Option<&'a mut Vec<entities::KindRow>>,
}

/// The entity-kind model's features for every entity of `text`, before the
/// model decides (for fitting: `examples/fit_kinds.rs`).
pub fn entity_kind_rows(text: &str) -> Vec<entities::KindRow> {
    let mut rows = Vec::new();
    let sinks = Sinks { kinds: Some(&mut rows), ..Sinks::default() };
    annotate_with(input::normalize_str(text), pledges::model(), sinks);
    rows
}

/// Annotates text that is already normalized (see [`input::decode`]),
/// taking it over without a copy.
fn annotate_owned(text: String) -> Document {
    annotate_with(text, pledges::model(), Sinks::default())
}

/// Annotates `text` deciding pledges by `model` instead of the built-in
/// weights, and returns every pledge candidate with its features (for
/// fitting, see `examples/fit_pledges.rs`).
pub fn annotate_for_fitting(text: &str, model: &fit::LinearModel) -> (Document, Vec<pledges::Candidate>) {
    let mut candidates = Vec::new();
    let sinks = Sinks { pledges: Some(&mut candidates), ..Sinks::default() };
    let doc = annotate_with(input::normalize_str(text), model, sinks);
    (doc, candidates)
}

fn annotate_with(text: String, model: &fit::LinearModel, sinks: Sinks) -> Document {
    let lx = Lexicon::get();
    let mut doc = Document::empty(String::new());
    let early = Early::run(&text, lx);
    let lower = text::lowercase(&text, &early.tokens);
    let layers = early.context(&text, &lower, lx);
    let seen_lower = entities::seen_lowercase(&layers);
    let mut ents = entities::find(&layers, lx, &seen_lower);
    let attribution::Attributions { said, pronouns } = attribution::attribute(&layers, &ents, lx);
    // Pronoun mentions join the entities' own, in text order (pledges read them).
    // (Exact capacity: the mentions are kept through the pledge stage.)
    ents.mentions.reserve_exact(pronouns.len());
    ents.mentions.extend(pronouns);
    ents.mentions.shrink_to_fit();
    ents.mentions.sort_by_key(|m| (m.span().start, m.span().end));
    entities::finish(&mut ents, &text);
    let pledges = pledges::find_with(&layers, &said, &ents, lx, model, sinks.pledges);
    let mut speaks = vec![false; ents.entities.len()];
    said.speakers().flatten().for_each(|e| speaks[e] = true);
    entities::settle_kinds(&layers, lx, &seen_lower, &mut ents, &speaks, sinks.kinds);

    // What the document keeps; the tokens, masks, lowercase words and
    // mentions go before its quotes and pledges are made.
    drop(seen_lower);
    drop(lower);
    let Early { tokens, paras, sentences, quotes: raw, meta, boiler_spans, masks } = early;
    drop((tokens, boiler_spans, masks));
    entities::fill_mentions(&mut ents);
    let mut entities = std::mem::take(&mut ents.entities);
    drop(ents);
    doc.quotes = document_quotes(&text, &raw, &said);
    drop((raw, said));
    doc.pledges = pledges.into_iter().enumerate().map(|(id, c)| c.pledge(id, &text)).collect();
    // Last: attribution and pledges looked mentions up by position.
    nested::find(&text, &mut entities, lx);
    doc.entities = entities;
    doc.meta = meta;
    doc.paragraphs = paras.to_vec();
    doc.sentences = sentences.to_vec();
    doc.text = text;
    doc
}

/// The document's quotes: the raw quotes but titles, with their speakers.
fn document_quotes(text: &str, raw: &[quotes::RawQuote], said: &attribution::Said) -> Vec<Quote> {
    raw.iter()
        .enumerate()
        .filter(|(_, q)| q.kind != RawKind::Title)
        .enumerate()
        .map(|(id, (i, q))| Quote {
            id,
            start: q.content().start,
            end: q.content().end,
            outer: q.outer(),
            text: q.content().slice(text).to_string(),
            speaker: if q.kind == RawKind::Direct { said.speaker(i) } else { None },
            cue: if q.kind == RawKind::Direct { said.cue(i).map(str::to_string) } else { None },
            with: if q.kind == RawKind::Direct { said.with(i).to_vec() } else { Vec::new() },
            kind: if q.kind == RawKind::Direct { QuoteKind::Direct } else { QuoteKind::Partial },
        })
        .collect()
}

/// Annotates `text` and lists every named rule that fired, in firing order
/// (see [`trace`]).
pub fn explain(text: &str) -> (Document, Vec<trace::Fired>) {
    trace::collect(|| annotate(text))
}

/// Decodes bytes (see [`input::decode`]) and annotates them.
pub fn annotate_bytes(bytes: &[u8], strict: bool) -> Result<Document, input::InputError> {
    let decoded = input::decode(bytes, strict)?;
    let mut doc = annotate_owned(decoded.text);
    doc.warnings = decoded.warnings;
    Ok(doc)
}
