//! Entities: capitalized names spotted, each decided by an ordered table of
//! named rules (rejected, linked to an entity already known, or typed from
//! evidence as a new one), merged, and given their descriptive aliases.
//!
//! - `spot`: candidates (capitalized runs, quoted titles, web addresses,
//!   names written apart), titles split off, credit lines dropped.
//! - `link`: the full-name pass, rule by rule (`reject` filters,
//!   lookups, then `kind` from `evidence`).
//! - `lone`: lone capitalized words, once every full name is known.
//! - `merge`: short forms and variants of one name joined.
//! - `aliases`: epithets, "the `<head word>`" and roles.
//! - `registry`: the entity records and their lookups.
//!
//! Every decision calls [`crate::engine::trace::fire`] with its rule's name.

mod aliases;
mod apart;
mod credits;
pub mod decide;
mod evidence;
mod kind;
mod link;
mod lone;
mod merge;
mod registry;
mod reject;
mod spot;
mod words;

use rustc_hash::{FxHashMap, FxHashSet};

use super::lexicon::{key, Gender, Lexicon};
use super::quotes::RawKind;
use super::Context;
use crate::engine::text::{first_char, partition_near, Lower, TokKind, Token, Word};
use crate::model::{Entity, EntityKind, Mention, MentionForm, Span};
use aliases::*;
use apart::*;
use credits::*;
use evidence::*;
use link::*;
use merge::*;
use registry::*;
pub use registry::{fill_mentions, finish, pronoun_gender, Entities, Found};
use spot::*;
use words::*;

/// Runs the entity stage: spots candidates and decides each by the rules.
/// The kinds of things are settled later, by [`settle_kinds`], once the
/// quotes and pledges are known.
/// `seen_lower`: the words of the text seen lowercase ([`seen_lowercase`]).
pub fn find(ctx: &Context, lexicon: &Lexicon, seen_lower: &FxHashSet<&str>) -> Entities {
    let cands = spot::candidates(ctx, lexicon, seen_lower);
    let mut ents = link::build(ctx, lexicon, seen_lower, cands);
    link::finish_aliases(ctx, lexicon, &mut ents);
    ents
}

/// One entity as the kind model sees it, before it decides (for fitting).
pub struct KindRow {
    /// The entity's name and the text of its name and alias mentions.
    pub names: Vec<String>,
    /// The model's features (see [`decide::feature_names`]).
    pub features: Vec<f64>,
    /// The kind the rules gave it.
    pub rule_kind: EntityKind,
    /// The rules are sure it is an organization, if they typed it one: it
    /// speaks a quote, is named in a firm's context ("shares of X"), or an
    /// apposition says what it is ("X, the law firm that ...").
    pub sure: bool,
}

/// Settles the kind of every entity that is no person with the fitted
/// model (`decide`), given which entities speak a quote (`speaks`); or,
/// for fitting, hands each entity's row to `rows` and decides nothing.
pub fn settle_kinds(
    ctx: &Context,
    lexicon: &Lexicon,
    seen_lower: &FxHashSet<&str>,
    ents: &mut Entities,
    speaks: &[bool],
    rows: Option<&mut Vec<KindRow>>,
) {
    let (order, starts) = named_by_entity(ents);
    let named = |id: usize| order[starts[id]..starts[id + 1]].iter().map(|&i| &ents.mentions[i as usize]);
    let mut buf: Vec<&Found> = Vec::new();
    // (People stay as the rules typed them, whatever their features: none
    // are made for them but for a fitting program.)
    let fitting = rows.is_some();
    let features: Vec<Vec<f64>> = (0..ents.entities.len())
        .map(|id| {
            if !fitting && ents.entities[id].kind == EntityKind::Person {
                return Vec::new();
            }
            buf.clear();
            buf.extend(named(id));
            decide::features(ctx, lexicon, seen_lower, ents, id, &buf)
        })
        .collect();
    let sure: Vec<bool> = (0..ents.entities.len())
        .map(|id| {
            speaks[id]
                || matches!(
                    ents.origin[id],
                    "kind.organization_by_business_context" | "kind.organization_by_apposition"
                )
        })
        .collect();
    if let Some(rows) = rows {
        rows.extend(features.iter().enumerate().map(|(id, f)| {
            let mut names = vec![ents.entities[id].name.clone()];
            names.extend(named(id).map(|m| m.span().slice(ctx.text).to_string()));
            KindRow { names, features: f.clone(), rule_kind: ents.entities[id].kind, sure: sure[id] }
        }));
        return;
    }
    decide::apply(ents, &features, &sure, decide::KindModel::builtin());
}

/// Every entity's mentions but pronouns (as indices into
/// `ents.mentions`), in text order, one entity after another: entity
/// `id`'s are `order[starts[id]..starts[id + 1]]` (one list, not a growing
/// list for each entity).
fn named_by_entity(ents: &Entities) -> (Vec<u32>, Vec<usize>) {
    let named = || ents.mentions.iter().enumerate().filter(|(_, m)| m.form() != MentionForm::Pronoun);
    let mut starts = vec![0; ents.entities.len() + 1];
    named().for_each(|(_, m)| starts[m.entity() + 1] += 1);
    for id in 1..starts.len() {
        starts[id] += starts[id - 1];
    }
    let mut order = vec![0; starts.last().copied().unwrap_or(0)];
    let mut next = starts.clone();
    for (i, m) in named() {
        order[next[m.entity()]] = i as u32;
        next[m.entity()] += 1;
    }
    (order, starts)
}

/// Words seen lowercase somewhere in the text: a capitalized one of them
/// that starts a sentence is probably just a word.
pub fn seen_lowercase<'a>(ctx: &Context<'a>) -> FxHashSet<&'a str> {
    // (Room for a short article's words at once, not grown from nothing;
    // a long one's set grows as before, to the same size.)
    let mut seen = FxHashSet::with_capacity_and_hasher((ctx.tokens.len() / 2).min(2048), Default::default());
    for (i, t) in ctx.tokens.iter().enumerate() {
        if t.is_word() && !t.cap() {
            seen.insert(ctx.lower[i].as_str());
        }
    }
    seen
}

/// Records that the entity rule `rule` decided on tokens `a..b`.
fn fire(tokens: &[Token], rule: &'static str, a: usize, b: usize) {
    if a < b && b <= tokens.len() {
        crate::engine::trace::fire("entities", rule, Span::new(tokens[a].start(), tokens[b - 1].end()));
    }
}

/// Records that the entity rule `rule` decided on entity `id` (traced at
/// its first mention).
fn fire_entity(ents: &Entities, rule: &'static str, id: usize) {
    if crate::engine::trace::enabled() {
        if let Some(m) = ents.mentions.iter().find(|m| m.entity() == id) {
            crate::engine::trace::fire("entities", rule, m.span());
        }
    }
}
