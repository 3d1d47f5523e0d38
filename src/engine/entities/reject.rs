//! Rejection rules: capitalized words that name nothing. Each is a rule of
//! the full-name table in [`super::link`]; true when it rejects.

use super::link::{Linker, Name};
use super::*;

/// One word that only looks like a name: an abbreviation of a thing ("PhD",
/// "DNA", "GDP"), a word shouted in capitals ("HUGE"), a contraction or an
/// interjection ("Don't", "Hmmm"), a compound adjective ("Open-minded");
/// unless a lexicon knows it.
pub(super) fn not_a_name_word(l: &mut Linker, n: &Name) -> bool {
    if n.len != 1 || n.cand.kind.is_some() {
        return false;
    }
    let lx = l.lx;
    let raw = l.ctx.tokens[n.cand.t0()].text(l.ctx.text);
    let capitals = || raw.chars().filter(|ch| ch.is_uppercase()).count();
    let shouted_word = is_acronym(raw) && n.key.len() >= 4 && lx.is_common_word(&n.key);
    (lx.concept_acronyms.contains(&n.key) && capitals() >= 2
        || shouted_word
        || !name_like_word(raw, &l.ctx.lower[n.cand.t0()], lx))
        && lexicon_entity(&n.key, lx).is_none()
        && !lx.places.contains_key(&n.key)
}

/// "I’m", "It's": a pronoun with a contraction.
pub(super) fn contraction(l: &mut Linker, n: &Name) -> bool {
    if n.len != 1 || n.cand.kind.is_some() {
        return false;
    }
    let raw = l.ctx.tokens[n.cand.t0()].text(l.ctx.text);
    let base = crate::engine::text::before_apostrophe(raw);
    base.len() < raw.len() && l.lx.function_words.contains(&base.to_lowercase())
}

/// A one-word line (a section heading) names nothing by itself.
pub(super) fn one_word_line(l: &mut Linker, n: &Name) -> bool {
    if n.len != 1 || n.cand.kind.is_some() {
        return false;
    }
    let toks = l.ctx.tokens;
    let alone = toks[n.cand.t0()].newline_before() && toks.get(n.cand.t1()).is_none_or(|t| t.newline_before());
    alone && lexicon_entity(&n.key, l.lx).is_none() && !l.lx.places.contains_key(&n.key)
}

/// "Tarsonia velmorensis", "Mycelia orrinae": a genus before its species, a
/// lowercase word of Latin form that is no English word, names a kind of
/// living thing, no entity.
pub(super) fn species_name(l: &mut Linker, n: &Name) -> bool {
    let (lx, toks, lower, c) = (l.lx, l.ctx.tokens, l.ctx.lower, n.cand);
    if n.len != 1 || c.kind.is_some() || lx.first_names.contains_key(&n.key) || lx.surnames.contains(&n.key) {
        return false;
    }
    let Some(next) = toks.get(c.t1()).filter(|t| t.is_word() && !t.cap() && t.space_before()) else { return false };
    let epithet = lower[c.t1()].as_str();
    let latin = ["a", "ae", "i", "us", "um", "is", "ens", "ensis"].iter().any(|e| epithet.ends_with(e));
    next.text(l.ctx.text).len() >= 5
        && epithet.bytes().all(|b| b.is_ascii_lowercase())
        && latin
        && !lx.is_common_word(epithet)
        && !lx.function_words.contains(epithet)
        && lx.speech_verb(epithet).is_none()
        && lexicon_entity(&n.key, lx).is_none()
        && !lx.is_place_or_country(&n.key)
}

/// A plural of a demonym or adjective ("Americans"), not an event's name
/// ("Paralympics").
pub(super) fn plural_demonym(lx: &Lexicon, name_key: &str) -> bool {
    !lx.event_words.contains(name_key)
        && name_key.strip_suffix('s').is_some_and(|k| lx.demonym_index.contains_key(k) || lx.adjectives.contains(k))
}

/// Adjectives ("COVID-19" among them), demonyms ("Korean") and plurals of
/// countries ("the two Koreas") are not names on their own.
pub(super) fn adjective_or_demonym(l: &mut Linker, n: &Name) -> bool {
    if n.len != 1 || n.cand.kind.is_some() {
        return false;
    }
    let lx = l.lx;
    let plural_country =
        plural_demonym(lx, &n.key) || n.key.strip_suffix('s').is_some_and(|k| lx.country_index.contains_key(k));
    lx.adjectives.contains(&n.key) || lx.demonym_index.contains_key(&n.key) || plural_country
}

/// Adjectives only ("Libertarian Socialist", "South Korean"): a
/// description, no name.
pub(super) fn adjectives_only(l: &mut Linker, n: &Name) -> bool {
    let lx = l.lx;
    n.len >= 2
        && n.cand.kind.is_none()
        && (n.cand.t0()..n.cand.t1()).all(|k| {
            let w = l.ctx.lower[k].as_str();
            lx.adjectives.contains(w) || lx.demonym_index.contains_key(w)
        })
}

/// "a Tax System", "an Oath": everyday words after an indefinite article,
/// capitalized for emphasis (not "a Royal Bank economist", which has a head
/// word).
pub(super) fn emphasis_after_indefinite(l: &mut Linker, n: &Name) -> bool {
    let (c, lx, toks) = (n.cand, l.lx, l.ctx.tokens);
    let after_indefinite =
        c.t0() > 0 && toks[c.t0() - 1].is_word() && matches!(toks[c.t0() - 1].text(l.ctx.text), "a" | "an");
    if c.kind.is_some() || !after_indefinite {
        return false;
    }
    (c.t0()..c.t1()).all(|k| everyday_word(l, k)) && lexicon_entity(&n.key, lx).is_none()
}

/// Token `k` is an everyday word with no name's head or name in it: no
/// head word of a thing, no place, given name or surname.
fn everyday_word(l: &Linker, k: usize) -> bool {
    let (lx, toks) = (l.lx, l.ctx.tokens);
    let w = l.ctx.lower[k].as_str();
    toks[k].is_word()
        && !toks[k].inner_cap()
        && lx.is_common_word(w)
        && !lx.org_words.contains(w)
        && !lx.place_words.contains(w)
        && !lx.event_words.contains(w)
        && !lx.document_words.contains(w)
        && !lx.places.contains_key(w)
        && !lx.first_names.contains_key(w)
        && !lx.surnames.contains(w)
}

/// A title-case line of three words or more, all everyday words
/// ("Recent Storms Leave Towns Reeling", "Cleanup Crews Arrive"): a
/// headline or a section heading, not a name.
pub(super) fn title_case_line(l: &mut Linker, n: &Name) -> bool {
    let (toks, c) = (l.ctx.tokens, n.cand);
    let line_end =
        |k: usize| toks.get(k).is_none_or(|t| t.newline_before() || (!t.is_word() && line_end_at(toks, k + 1)));
    n.len >= 3
        && c.kind.is_none()
        && toks[c.t0()].newline_before() | (c.t0() == 0)
        && line_end(c.t1())
        && (c.t0()..c.t1()).all(|k| {
            // (A surname that is also a word counts as a word: "Storms".)
            let w = l.ctx.lower[k].as_str();
            everyday_word(l, k)
                || l.lx.function_words.contains(w)
                || l.lx.surnames.contains(w) && l.lx.is_common_word(w) && !given_name(w, l.lx) && !toks[k].inner_cap()
        })
        && lexicon_entity(&n.key, l.lx).is_none()
}

/// Nothing but punctuation from token `k` to the end of its line.
fn line_end_at(toks: &[Token], k: usize) -> bool {
    toks[k.min(toks.len())..].iter().take_while(|t| !t.newline_before()).all(|t| !t.is_word())
}

/// A party-and-state tag ("D-Wis.", "R-Pa.") is no name; nor is a
/// currency's country ("US$ 10 billion").
pub(super) fn party_tag_or_currency(l: &mut Linker, n: &Name) -> bool {
    let (text, toks) = (l.ctx.text, l.ctx.tokens);
    n.len == 1
        && (is_party_tag(toks[n.cand.t0()].text(text))
            || toks.get(n.cand.t1()).is_some_and(|t| !t.space_before() && t.text(text) == "$"))
}

/// A run of words all in capitals outside the dateline ("DRY SUMMER
/// STRAINS WELLS"): a shouted heading, not a name.
pub(super) fn shouted_heading(l: &mut Linker, n: &Name) -> bool {
    let (text, toks, c) = (l.ctx.text, l.ctx.tokens, n.cand);
    let shouted = |k: usize| {
        let w = toks[k].text(text);
        // (The lowercase test first: it fails at a name's second letter.)
        toks[k].is_word()
            && !w.chars().any(char::is_lowercase)
            && w.chars().filter(|ch| ch.is_alphabetic()).count() >= 2
    };
    let shouted_nearby = (c.t0() > 0 && !toks[c.t0()].newline_before() && shouted(c.t0() - 1))
        || toks.get(c.t1()).is_some_and(|t| !t.newline_before()) && c.t1() < toks.len() && shouted(c.t1());
    (n.len >= 2 || shouted_nearby)
        && !n.in_dateline
        && (c.t0()..c.t1()).all(|k| !toks[k].is_word() || shouted(k))
        && lexicon_entity(&n.key, l.lx).is_none()
        && !l.lx.places.contains_key(&n.key)
}
