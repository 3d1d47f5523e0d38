//! Word shapes and word-list checks the entity rules share.

use std::borrow::Cow;

use super::*;

/// "D-Wis", "R-Pa", "I-VT": a US party letter and a state abbreviation.
pub(super) fn is_party_tag(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    let mut parts = w.splitn(2, '-');
    let (Some(p), Some(s)) = (parts.next(), parts.next()) else { return false };
    matches!(p, "D" | "R" | "I")
        && (2..=5).contains(&s.len())
        && s.chars().next().is_some_and(|ch| ch.is_ascii_uppercase())
        && s.chars().all(|ch| ch.is_ascii_alphabetic() || ch == '.')
}

pub(super) fn is_acronym(w: &str) -> bool {
    // (One pass, stopped at the first letter that rules it out.)
    let (mut n, mut upper) = (0, false);
    for c in w.chars().filter(|c| *c != '.' && *c != '&') {
        let cap = c.is_uppercase();
        if !(cap || c.is_ascii_digit()) || n == 6 {
            return false;
        }
        (n, upper) = (n + 1, upper | cap);
    }
    n >= 2 && upper
}

/// Capitalized, or a lowercase name particle joined to a capitalized name
/// ("al-Mansouri", "el-Sisi", "bin-Salman").
/// (The flags decide most words where the call is made.)
#[inline]
pub(super) fn name_cap(t: &Token, text: &str, lx: &Lexicon) -> bool {
    t.cap() || (t.inner_cap() || t.joined()) && lowercase_head_name(t, text, lx)
}

/// [`name_cap`] of a word with an inner capital or a joiner.
fn lowercase_head_name(t: &Token, text: &str, lx: &Lexicon) -> bool {
    let w = t.text(text);
    // A brand written with a lowercase head ("eBay", "iPhone", "wikiHow"),
    // not a unit or a molecule ("kWh", "mRNA").
    if let Some(i) = w.find(|c: char| c.is_ascii_uppercase()) {
        let (head, tail) = w.split_at(i);
        if (1..=5).contains(&head.len())
            && head.bytes().all(|b| b.is_ascii_lowercase())
            && tail.len() >= 3
            && tail[1..].bytes().all(|b| b.is_ascii_lowercase())
        {
            return true;
        }
    }
    // Every particle ends in a hyphen or an apostrophe.
    if !t.joined() {
        return false;
    }
    lx.classes
        .name_particles
        .iter()
        .any(|p| w.strip_prefix(p).is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase)))
}

/// The pronoun I (and its contractions) and interjections.
pub(super) fn is_pronoun_like(w: &str, lx: &Lexicon) -> bool {
    lx.classes.interjections.contains(crate::engine::text::before_apostrophe(w))
}

/// False for a capitalized word that only looks like a name: a contraction
/// ("Don't", "Isn't"), an interjection ("Hmmm", "Nah") or a compound
/// adjective ("Open-minded", "DNA-based").
pub(super) fn name_like_word(raw: &str, lower: &str, lx: &Lexicon) -> bool {
    // A letter three times over ("Hmmm", "Sooo", not an abbreviation like
    // "FFFA"), or a listed interjection.
    let stretched = !is_acronym(raw)
        && lower.as_bytes().windows(3).any(|w| w[0] == w[1] && w[1] == w[2] && w[0].is_ascii_alphabetic());
    if stretched || lx.function_words.contains(lower) {
        return false;
    }
    if raw.contains(['\'', '\u{2019}']) {
        let plain = lower.replace('\u{2019}', "'");
        let contraction = ["n't", "'s", "'re", "'ll", "'ve", "'m", "'d"].iter().any(|suffix| {
            plain.strip_suffix(suffix).is_some_and(|stem| lx.is_common_word(stem) || lx.function_words.contains(stem))
        });
        if contraction {
            return false;
        }
    }
    // "Open-minded": a lowercase everyday word after the last hyphen.
    !raw.rsplit_once('-')
        .is_some_and(|(_, tail)| !tail.is_empty() && tail.chars().all(char::is_lowercase) && lx.is_common_word(tail))
}

/// "Officials", "Prosecutors": a plural word, not a name (unless the name
/// lists know it).
pub(super) fn plural_common_noun(word: &str, lx: &Lexicon) -> bool {
    word.ends_with('s') && !word.ends_with("ss") && !lx.surnames.contains(word) && !lx.first_names.contains_key(word)
}

pub(super) fn raw_has_digit(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit())
}

pub(super) fn is_year(w: &str) -> bool {
    w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()) && (w.starts_with("19") || w.starts_with("20"))
}

pub(super) fn next_cap(toks: &[Token], i: usize) -> bool {
    toks.get(i + 1).is_some_and(|t| t.is_word() && t.cap())
}

/// A title word, or a hyphenated compound of one ("Editor-in-Chief",
/// "Secretary-General").
pub(super) fn is_title_word(w: &str, lx: &Lexicon) -> bool {
    // (A byte loop: a short word, no call to a search.)
    lx.titles.contains(w) || w.bytes().position(|b| b == b'-').is_some_and(|at| lx.titles.contains(&w[..at]))
}

pub(super) fn next_is_title(lower: &Lower, k: usize, b: usize, lx: &Lexicon) -> bool {
    (k..b.saturating_sub(1)).any(|j| lx.titles.contains(lower[j].trim_end_matches('.')))
        && (k..b).take(2).any(|j| lx.titles.contains(lower[j].trim_end_matches('.')))
}

pub(super) fn after_open_quote(text: &str, toks: &[Token], a: usize) -> bool {
    a > 0 && {
        let p = toks[a - 1];
        p.kind() == TokKind::Punct
            && crate::engine::text::is_double_quote(first_char(&p, text))
            && !toks[a].space_before()
    }
}

pub(super) fn span_text<'t>(text: &'t str, toks: &[Token], a: usize, b: usize) -> Cow<'t, str> {
    if a >= b {
        return Cow::Borrowed("");
    }
    let raw = &text[toks[a].start()..toks[b - 1].end()];
    if single_spaced(raw) {
        return Cow::Borrowed(raw);
    }
    // "Donald\u{a0}Trump", a name broken over a line: one space between words.
    let mut out = String::with_capacity(raw.len());
    for (i, word) in raw.split(char::is_whitespace).filter(|w| !w.is_empty()).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
    Cow::Owned(out)
}

/// No whitespace in `raw` but single spaces.
fn single_spaced(raw: &str) -> bool {
    if !raw.is_ascii() {
        return !raw.contains("  ") && !raw.chars().any(|ch| ch.is_whitespace() && ch != ' ');
    }
    // (The ASCII whitespace of `char::is_whitespace`, vertical tab included.)
    let mut space = false;
    raw.bytes().all(|b| {
        let ok = !(matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r') || space && b == b' ');
        space = b == b' ';
        ok
    })
}

/// The entity a mention text refers to via the lexicons: a known country or
/// organization (canonical name and kind).
pub(super) fn lexicon_entity(name_key: &str, lx: &Lexicon) -> Option<(String, EntityKind)> {
    if let Some(&ci) = lx.country_index.get(name_key) {
        return Some((lx.countries[ci].name.to_string(), EntityKind::Place));
    }
    if let Some(&oi) = lx.org_index.get(name_key) {
        return Some((lx.orgs[oi].name.to_string(), EntityKind::Organization));
    }
    None
}

pub(super) fn head_kind(last: &str, lx: &Lexicon) -> Option<EntityKind> {
    let l = last.trim_end_matches('.');
    if lx.org_words.contains(l) {
        Some(EntityKind::Organization)
    } else if lx.event_words.contains(l) {
        Some(EntityKind::Event)
    } else if lx.document_words.contains(l) {
        Some(EntityKind::Document)
    } else if lx.place_words.contains(l) {
        Some(EntityKind::Place)
    } else if lx.classes.index_heads.contains(l) {
        Some(EntityKind::Other)
    } else {
        None
    }
}

/// "Ottawa-based", "Ohio-born": a description made of a place.
pub(super) fn place_derived(word: &str) -> bool {
    word.ends_with("-based") || word.ends_with("-born")
}

/// A determiner right before token `t0` ("the", "a", "this").
pub(super) fn determiner_before(toks: &[Token], lower: &Lower, t0: usize) -> bool {
    t0 > 0 && toks[t0 - 1].is_word() && crate::engine::text::is_determiner(&lower[t0 - 1])
}

/// Token `k` is a speech verb ("said", "told"), if it exists.
pub(super) fn speech_verb_at(toks: &[Token], lower: &Lower, k: usize, lx: &Lexicon) -> bool {
    toks.get(k).is_some_and(|t| t.is_word() && lx.speech_verb(&lower[k]).is_some())
}

/// A given name with a known gender ("Ana", not "Lee" of either).
pub(super) fn given_name(word: &str, lx: &Lexicon) -> bool {
    matches!(lx.first_names.get(word), Some(Gender::Male | Gender::Female))
}

/// A lone word that names a person by itself: a given name with a known
/// gender, a listed surname, or a surname by its ending.
pub(super) fn name_word(word: &str, lx: &Lexicon) -> bool {
    if lx.is_place_or_country(word) || lx.function_words.contains(word) {
        return false;
    }
    if lx.titles.contains(word) || lx.calendar.contains(word) || lx.org_words.contains(word) {
        return false;
    }
    given_name(word, lx)
        || lx.surnames.contains(word)
        || (word.len() >= 5 && word.is_ascii() && lx.classes.surname_endings.iter().any(|e| word.ends_with(e)))
}

/// "Port Alder", "Lake Orrin", "New Westbrook": a place by its first word.
pub(super) fn place_prefix(first: &str, lx: &Lexicon) -> Option<EntityKind> {
    lx.place_prefixes.contains(first.trim_end_matches('.')).then_some(EntityKind::Place)
}

/// "SEOUL" -> "Seoul", "NEW HAVEN" -> "New Haven".
pub(super) fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Initials of a name's significant words, lowercase ("United Nations" -> "un").
pub(super) fn initials(name: &str) -> String {
    let connectors = &Lexicon::get().classes.name_connectors;
    name.split_whitespace()
        .filter(|w| {
            let w = w.to_lowercase();
            !connectors.contains(&w) && w != "and" && w != "the"
        })
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Two spellings one letter apart (one substituted, inserted or dropped),
/// each of five letters or more.
pub(super) fn one_letter_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b || a.len().min(b.len()) < 5 || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let pre = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suf = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    pre + suf >= a.len().max(b.len()) - 1
}
