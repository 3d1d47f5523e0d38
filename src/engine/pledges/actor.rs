//! The committing actor: the subject of the clause (a name, a pronoun
//! resolved, a description such as "the government" standing for an
//! organization or the place the article is about), or who announced it.

use rustc_hash::FxHashMap;

use super::clause::{is_determiner, is_negation};
use super::cues::Class;
use super::{Ctx, OrgsByHead};
use crate::engine::entities::Found;
use crate::engine::lexicon::key;
use crate::engine::text::is_preposition;
use crate::engine::text::{word_before, Token};
use crate::model::{EntityKind, MentionForm};

/// The subject of an announced "will" at `k` when it is not a name right
/// before it: a description ("the authority will", "X said the government
/// will"), a name the entity stage linked only in part ("The ACME will"),
/// or the subject of the clause a coordinated "... and will" belongs to.
pub(super) fn modal_subject(ctx: &Ctx, sent_start: usize, k: usize, last: Option<usize>) -> Option<usize> {
    if ctx.lower[k] != "will" || k == sent_start {
        return None;
    }
    let said = announcer(ctx, sent_start, k);
    let start = said.map_or(sent_start, |(_, after)| after);
    if start >= k || (start..k).any(|j| ctx.quote_of(j).is_some() || ctx.cue(j).governs()) {
        return None;
    }
    // The clause must be one subject and its verbs: no second subject
    // before "will" other than after "and".
    let coordinated = ctx.lower[k - 1] == "and";
    let h = subject_description(ctx, start, k)?;
    let adjacent = h + 1 == k || coordinated;
    if !adjacent {
        return None;
    }
    if actor_in(ctx, start, h).is_some() {
        return None;
    }
    describe(ctx, h).or(said.and_then(|(who, _)| who)).or(last)
}

/// "X said it will ...", "X has said they would ...": an announced future
/// action reported with a pronoun; the actor is who announced it.
pub(super) fn reported_will(ctx: &Ctx, sent_start: usize, k: usize) -> Option<usize> {
    let p = k.checked_sub(1).filter(|&p| p > sent_start)?;
    let pronoun = ctx.lower[p].as_str();
    if !matches!(pronoun, "it" | "they" | "he" | "she") {
        return None;
    }
    let mut v = p - 1;
    if ctx.lower[v] == "that" && v > sent_start {
        v -= 1;
    }
    let announced = matches!(
        ctx.lower[v].as_str(),
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
    let negated = word_before(ctx.toks, v, |j| matches!(ctx.lower[j].as_str(), "has" | "have" | "had" | "yet"))
        .is_some_and(|j| is_negation(&ctx.lower[j]));
    if !announced || negated {
        return None;
    }
    if matches!(pronoun, "he" | "she") {
        return ctx.ents.at(ctx.toks[p].start()).map(|m| m.entity());
    }
    // The announcer is named right before the verb ("the union said
    // Sunday"), not somewhere earlier in the sentence.
    let near = v.saturating_sub(6).max(sent_start);
    let ms = ctx.ents.in_range(ctx.toks[near].start(), ctx.toks[v].start());
    let kind = |m: &&Found| ctx.ents.entities[m.entity()].kind;
    ms.iter()
        .rev()
        .find(|m| matches!(kind(m), EntityKind::Organization | EntityKind::Place) && m.form() != MentionForm::Pronoun)
        .or_else(|| ms.iter().rev().find(|m| kind(m) == EntityKind::Person))
        .map(|m| m.entity())
}

/// The entity owning a commitment noun: "Tarvik's pledges", "its plan".
pub(super) fn possessor(ctx: &Ctx, k: usize) -> Option<usize> {
    possessive_before(ctx, k).and_then(|t| ctx.ents.at(t.start()).map(|m| m.entity()))
}

/// The possessive word owning the noun at `k` ("Tarvik's new pledges"), if any.
pub(super) fn possessive_before(ctx: &Ctx, k: usize) -> Option<Token> {
    let mut j = k;
    while j > 0 {
        j -= 1;
        let t = ctx.toks[j];
        if t.possessive() {
            return Some(t);
        }
        // Up to three modifiers between: "Tarvik's two costly pledges".
        let stop = matches!(
            ctx.lower[j].as_str(),
            "the" | "a" | "an" | "this" | "that" | "of" | "to" | "in" | "for" | "on" | "with" | "by" | "and" | "or"
        );
        if !t.is_word() || k - j > 3 || stop {
            return None;
        }
    }
    None
}

/// "the wider world's commitments": owned by no one the text names.
pub(super) fn unnamed_owner(ctx: &Ctx, k: usize) -> bool {
    possessive_before(ctx, k).is_some() && possessor(ctx, k).is_none()
}

/// The actor a subject mention stands for: the entity itself, or for a
/// possessive before a description ("Brenn's council", "Canada's
/// government") the organization the description names, if the article
/// names it.
pub(super) fn owner_or_owned(ctx: &Ctx, m: &Found) -> usize {
    let owner = m.tok_end().checked_sub(1).is_some_and(|e| ctx.toks[e].possessive());
    if !owner {
        return m.entity();
    }
    (m.tok_end()..(m.tok_end() + 4).min(ctx.toks.len()))
        .take_while(|&j| ctx.toks[j].is_word() && !ctx.lexicon.function_words.contains(ctx.lower[j].as_str()))
        .find(|&j| is_description(ctx, j))
        .and_then(|h| describe(ctx, h).filter(|&e| ctx.ents.entities[e].kind == EntityKind::Organization))
        .unwrap_or(m.entity())
}

/// The first name in subject position in tokens [a, k).
pub(super) fn actor_in(ctx: &Ctx, a: usize, k: usize) -> Option<usize> {
    let ms = ctx.ents.in_range(ctx.toks[a].start(), ctx.toks[k].start());
    ms.iter()
        .find(|m| {
            matches!(
                ctx.ents.entities[m.entity()].kind,
                EntityKind::Person | EntityKind::Organization | EntityKind::Place
            ) && ctx.quote_of(m.tok()).is_none()
                && !ctx.in_marks[m.tok()]
                && !after_preposition(ctx, m.tok())
        })
        .map(|m| owner_or_owned(ctx, m))
}

/// The committing actor: the subject of the clause before the cue (a
/// person, organization or country), a pronoun resolved earlier, or a
/// description ("the country", "the government") of the last actor.
pub(super) fn actor_before(ctx: &Ctx, sent_start: usize, k: usize, last: Option<usize>) -> Option<usize> {
    // The clause the cue is in: after the last ", and" / ";" before it
    // ("Croatia agreed to ..., and Hungary pledged to ...").
    let clause = (sent_start..k)
        .rev()
        .find(|&j| {
            let semi = !ctx.toks[j].is_word() && matches!(ctx.toks[j].text(ctx.text), ";" | ":" | "\u{2014}");
            let comma_and = ctx.lower[j] == "and" && j > sent_start && ctx.toks[j - 1].text(ctx.text) == ",";
            semi || comma_and
        })
        .map_or(sent_start, |j| j + 1);
    let clause_actor = (clause > sent_start).then(|| actor_in(ctx, clause, k)).flatten();
    if clause_actor.is_some() {
        return clause_actor;
    }
    // "X said the union plans to ...": the institution the description
    // stands for, else X speaking for it; "X said Y plans to": Y.
    if let Some((who, after)) = announcer(ctx, sent_start, k) {
        // (A lowercase description linked as an alias is resolved below.)
        let named = (after < k && subject_description(ctx, after, k).is_none()).then(|| actor_in(ctx, after, k));
        if let Some(y) = named.flatten() {
            return Some(y);
        }
        if let Some(h) = subject_description(ctx, after, k) {
            if actor_in(ctx, after, k).is_none() {
                return describe(ctx, h).or(who);
            }
        }
    } else if let Some(h) = subject_description(ctx, clause, k) {
        if let Some(e) = describe(ctx, h) {
            if actor_in(ctx, clause, h).is_none() {
                return Some(e);
            }
        }
    }
    let ms = ctx.ents.in_range(ctx.toks[sent_start].start(), ctx.toks[k].start());
    let subject = ms.iter().find(|m| {
        let kind = ctx.ents.entities[m.entity()].kind;
        matches!(kind, EntityKind::Person | EntityKind::Organization | EntityKind::Place)
            && ctx.quote_of(m.tok()).is_none()
            && !ctx.in_marks[m.tok()]
            && !after_preposition(ctx, m.tok())
            && !(m.form() == MentionForm::Pronoun
                && (ctx.toks[m.tok()].possessive()
                    || matches!(ctx.lower[m.tok()].as_str(), "her" | "his" | "its" | "their")))
    });
    if let Some(m) = subject {
        return Some(owner_or_owned(ctx, m));
    }
    // "it", "the country", "the government": the last actor.
    let descr = (sent_start..k).any(|j| {
        matches!(
            ctx.lower[j].as_str(),
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
    let pronoun =
        matches!(ctx.lower[first_word(ctx, sent_start, k)].as_str(), "they" | "it" | "they're" | "they\u{2019}re");
    if pronoun && ctx.prev_subject.get().is_some() {
        return ctx.prev_subject.get();
    }
    if descr {
        return last.or_else(|| {
            // "The government plans to ...": the government of the place the
            // article is about (the country, state or province named most).
            let governed = (sent_start..k)
                .any(|j| matches!(ctx.lower[j].as_str(), "government" | "province" | "country" | "nation"));
            governed.then(|| main_jurisdiction(ctx)).flatten()
        });
    }
    None
}

/// A description of an actor ("the government", "the union", "its board",
/// "Brenn's council") headed by the word at `h`.
pub(super) fn is_description(ctx: &Ctx, h: usize) -> bool {
    let w = ctx.lower[h].as_str();
    ctx.toks[h].is_word()
        && !ctx.toks[h].cap()
        && (ctx.lexicon.org_words.contains(w) || matches!(w, "country" | "nation" | "province" | "state" | "city"))
}

/// The entity a description headed at `h` stands for: an organization
/// whose name ends in the head word (sharing most words with the noun
/// phrase, then named last before it), or for a government, country or
/// province the jurisdiction the article is about.
pub(super) fn describe(ctx: &Ctx, h: usize) -> Option<usize> {
    let head = ctx.lower[h].as_str();
    // The noun phrase's other words: "Old Hollen council" -> safe, hollen.
    let mut a = h;
    while a > 0 && h - a < 4 && ctx.toks[a - 1].is_word() && !ctx.toks[a - 1].possessive() {
        let w = ctx.lower[a - 1].as_str();
        if is_determiner(w) || ctx.lexicon.function_words.contains(w) {
            break;
        }
        a -= 1;
    }
    let np: Vec<&str> = (a..h).map(|j| ctx.lower[j].as_str()).collect();
    let before = ctx.toks[h].start();
    let last_seen = |id: usize| ctx.ents.last_mention_before(id, before).map_or(0, |s| s + 1);
    // The place the article is about: its council, its government.
    let home = ctx.home.get_or_init(|| home_word(ctx));
    // ("Council" alone is itself only a description.)
    let by_head = ctx.orgs_by_head.get_or_init(|| {
        let mut map = OrgsByHead::default();
        for e in ctx.ents.entities.iter().filter(|e| e.kind == EntityKind::Organization && e.name.contains(' ')) {
            let words: Vec<String> = e.name.split_whitespace().map(key).collect();
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
            .then(|| main_jurisdiction(ctx))
            .flatten()
    })
}

/// The word naming the place an article is about: the place-name word
/// with the most mentions over all places ("Hollen" in City of Hollen,
/// Hollen, South Hollen).
pub(super) fn home_word(ctx: &Ctx) -> Option<String> {
    let mut counts: FxHashMap<String, usize> = Default::default();
    for e in ctx.ents.entities.iter().filter(|e| e.kind == EntityKind::Place) {
        for w in e.name.split_whitespace().map(key) {
            let generic = ctx.lexicon.function_words.contains(&w)
                || ctx.lexicon.place_words.contains(&w)
                || ctx.lexicon.place_prefixes.contains(&w)
                || w.len() < 3;
            if !generic {
                *counts.entry(w).or_default() += ctx.ents.mention_count(e.id);
            }
        }
    }
    counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0))).map(|(w, _)| w)
}

/// The description heading the subject of the clause that starts at `a`
/// and runs to `k` ("the government", "the union's board"): its head.
pub(super) fn subject_description(ctx: &Ctx, a: usize, k: usize) -> Option<usize> {
    let mut j = a;
    while j < k && matches!(ctx.lower[j].as_str(), "but" | "and" | "so" | "now" | "that") {
        j += 1;
    }
    let first = ctx.lower.get(j)?.as_str();
    let owned = ctx.toks.get(j).is_some_and(|t| t.possessive());
    if !(is_determiner(first) || owned) {
        return None;
    }
    (j + 1..(j + 5).min(k)).take_while(|&m| ctx.toks[m].is_word()).find(|&m| is_description(ctx, m))
}

/// The person or organization named as the subject of the last speech
/// verb before `k` in the sentence ("Brenn stated the government ..."):
/// who announced what follows.
pub(super) fn announcer(ctx: &Ctx, sent_start: usize, k: usize) -> Option<(Option<usize>, usize)> {
    let v = (sent_start..k).rev().find(|&j| ctx.tag(j).classes.has(Class::SpeechVerb))?;
    let near = v.saturating_sub(8).max(sent_start);
    let ms = ctx.ents.in_range(ctx.toks[near].start(), ctx.toks[v].start());
    // "a spokesperson for X said": X, the institution spoken for.
    let spoken_for = |tok: usize| {
        tok >= 2
            && ctx.lower[tok - 1] == "for"
            && matches!(ctx.lower[tok - 2].as_str(), "spokesperson" | "spokesman" | "spokeswoman" | "representative")
    };
    let who = ms
        .iter()
        .rev()
        .find(|m| {
            matches!(ctx.ents.entities[m.entity()].kind, EntityKind::Person | EntityKind::Organization)
                && (!after_preposition(ctx, m.tok()) || spoken_for(m.tok()))
                && !ctx.in_marks[m.tok()]
        })
        .map(|m| m.entity());
    let after = if ctx.lower.get(v + 1).is_some_and(|w| w == "that") { v + 2 } else { v + 1 };
    Some((who, after))
}

/// The country, state or province the article names most often.
pub(super) fn main_jurisdiction(ctx: &Ctx) -> Option<usize> {
    *ctx.jurisdiction.get_or_init(|| {
        ctx.ents
            .entities
            .iter()
            .filter(|e| e.kind == EntityKind::Place)
            .filter(|e| {
                let k = key(&e.name);
                ctx.lexicon.country_index.contains_key(&k)
                    || ctx.lexicon.places.get(&k).is_some_and(|kind| matches!(kind.as_str(), "state" | "province"))
            })
            .max_by_key(|e| ctx.ents.mention_count(e.id))
            .map(|e| e.id)
    })
}

pub(super) fn after_preposition(ctx: &Ctx, tok: usize) -> bool {
    let skip = |j: usize| {
        let w = ctx.lower[j].as_str();
        (ctx.toks[j].cap() || w == "the" || ctx.lexicon.titles.contains(w)) && !is_preposition(w)
    };
    word_before(ctx.toks, tok, skip).is_some_and(|j| is_preposition(&ctx.lower[j]))
}

/// A name directly before "will" ("The ministry will", "Canada will").
pub(super) fn named_subject_right_before(ctx: &Ctx, sent_start: usize, k: usize) -> Option<usize> {
    if k == sent_start {
        return None;
    }
    let prev = ctx.toks[k - 1];
    let m = ctx.ents.at(prev.start())?;
    let kind = ctx.ents.entities[m.entity()].kind;
    let ok = matches!(kind, EntityKind::Person | EntityKind::Organization | EntityKind::Place)
        && m.form() != MentionForm::Pronoun
        && !after_preposition(ctx, m.tok())
        && m.tok() == sent_start.max(first_word(ctx, sent_start, k));
    ok.then_some(m.entity())
}

pub(super) fn first_word(ctx: &Ctx, sent_start: usize, k: usize) -> usize {
    let mut j = sent_start;
    while j < k && (!ctx.toks[j].is_word() || matches!(ctx.lower[j].as_str(), "the" | "but" | "and" | "now")) {
        j += 1;
    }
    j
}

/// The first name in subject position of a sentence (for "they" and "it"
/// in the next one).
pub(super) fn first_subject(ctx: &Ctx, sent_start: usize, sent_end: usize) -> Option<usize> {
    if sent_end <= sent_start {
        return None;
    }
    ctx.ents
        .in_range(ctx.toks[sent_start].start(), ctx.toks[sent_end - 1].end())
        .iter()
        .find(|m| {
            m.form() != MentionForm::Pronoun
                && !ctx.in_marks[m.tok()]
                && matches!(ctx.ents.entities[m.entity()].kind, EntityKind::Organization | EntityKind::Place)
                && !after_preposition(ctx, m.tok())
        })
        .filter(|m| m.tok() <= first_word(ctx, sent_start, sent_end) + 1)
        .map(|m| m.entity())
}
