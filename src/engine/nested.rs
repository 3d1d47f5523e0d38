//! Names inside names: a longer name often holds another one, and news
//! readers count both. A place inside an organization's or an event's name
//! ("Lisbon" in "University of Lisbon", "Korea" in "Korea Trade Forum") and
//! an acronym that begins a longer name ("NATO" in "NATO Harbour Command")
//! become mentions of their own entities: the one the article already has,
//! else a new one. The inner mentions overlap the outer one, which stays as
//! it is.
//!
//! This stage runs last, on the final entity list, so the stages that look
//! mentions up by position (quote attribution, pledge actors) only ever see
//! the outer names. Each distinct name text is read once, so a long article
//! that repeats its names costs one table lookup a mention.

use rustc_hash::{FxHashMap, FxHashSet};

use super::lexicon::{key, key_into, Lexicon};
use super::text::{is_double_quote, Lower, Token};
use crate::model::{Entity, EntityKind, Mention, MentionForm, Span};

/// What a run of words inside a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// A country (index into [`Lexicon::countries`]).
    Country(usize),
    /// A city, state or region of [`Lexicon::places`].
    Place,
    /// An organization's acronym, with its [`Lexicon::orgs`] index when known.
    Acronym(Option<usize>),
}

/// A name found inside a name: byte offsets into the outer name.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Inner {
    start: usize,
    end: usize,
    /// The lookup key of the inner name ([`key`]).
    key: String,
    target: Target,
}

/// One word of a name, split at hyphens too ("Korea" and "Japan" in
/// "Korea-Japan Summit"): byte offsets into the name.
#[derive(Debug, Clone, Copy)]
struct Piece {
    start: usize,
    end: usize,
    /// Joined to the piece before by a hyphen (not a space).
    hyphen: bool,
}

/// Longest run of words tried as a place ("Democratic Republic of the Congo").
const MAX_RUN: usize = 5;

/// Lowercase words after which a place at the end of a name is the place
/// the name is about ("University of Lisbon", "Bank of the Philippines"),
/// not the name's own last word ("Air Canada", "Team Canada").
const BEFORE_PLACE: [&str; 14] =
    ["of", "for", "in", "at", "on", "and", "the", "de", "del", "du", "da", "di", "la", "le"];

/// Adds the names inside names to `entities` (see the module doc). `text`
/// is the document text the mentions point into.
pub fn find(text: &str, entities: &mut Vec<Entity>, lx: &Lexicon) {
    // Every name mention of a non-person, non-place entity of two words or
    // more, read once per distinct text.
    let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
    let mut inners: Vec<Vec<Inner>> = Vec::new();
    // (outer entity, outer mention start, which text, which inner).
    let mut hits: Vec<(usize, usize, usize, usize)> = Vec::new();
    for (id, e) in entities.iter().enumerate() {
        let outer =
            matches!(e.kind, EntityKind::Organization | EntityKind::Event | EntityKind::Document | EntityKind::Other);
        if !outer || e.name.split_whitespace().nth(1).is_none() {
            continue;
        }
        for m in e.mentions.iter().filter(|m| m.form == MentionForm::Name) {
            let s = m.span().slice(text);
            if !s.contains([' ', '-']) || e.kind == EntityKind::Other && quoted(text, m.span()) {
                continue;
            }
            let ti = *seen.entry(s).or_insert_with(|| {
                inners.push(analyze(s, lx));
                inners.len() - 1
            });
            hits.extend((0..inners[ti].len()).map(|ii| (id, m.start, ti, ii)));
        }
    }
    if hits.is_empty() {
        return;
    }
    let mut links = Links::new(entities, text, lx, &inners);
    // The spans some entity already holds: the earlier stages decided those.
    let wanted: FxHashSet<Span> =
        hits.iter().map(|&(_, at, ti, ii)| Span::new(at + inners[ti][ii].start, at + inners[ti][ii].end)).collect();
    let mut taken: FxHashSet<Span> = FxHashSet::default();
    for e in entities.iter() {
        taken.extend(e.mentions.iter().map(Mention::span).filter(|s| wanted.contains(s)));
    }
    let mut added: Vec<(usize, Mention)> = Vec::with_capacity(hits.len());
    let mut name_keys: FxHashMap<usize, String> = FxHashMap::default();
    for &(outer, at, ti, ii) in &hits {
        let inner = &inners[ti][ii];
        let span = Span::new(at + inner.start, at + inner.end);
        if taken.contains(&span) {
            continue;
        }
        let id = links.resolve(entities, inner, span.slice(text), lx);
        if id == outer {
            continue;
        }
        let name_key = name_keys.entry(id).or_insert_with(|| key(&entities[id].name));
        let form = if *name_key == inner.key { MentionForm::Name } else { MentionForm::Alias };
        added.push((id, Mention { start: span.start, end: span.end, form }));
    }
    let mut touched: Vec<usize> = added.iter().map(|&(id, _)| id).collect();
    for (id, m) in added {
        entities[id].mentions.push(m);
    }
    touched.sort_unstable();
    touched.dedup();
    for id in touched {
        let ms = &mut entities[id].mentions;
        ms.sort_by_key(|m| (m.start, m.end));
        ms.dedup_by_key(|m| m.span());
    }
}

/// True when the mention is in quote marks: a work's title, which names no
/// place ("a film called “Morning in Lisbon”").
fn quoted(text: &str, span: Span) -> bool {
    let before = text[..span.start].chars().next_back();
    before.is_some_and(|c| is_double_quote(c) || c == '\u{2018}' || c == '\'')
}

/// What the entity named by a key would be to the inner names: the place
/// or the acronym.
#[derive(Debug, Default, Clone, Copy)]
struct Wanted {
    place: bool,
    acronym: bool,
}

/// One of the links [`Links`] keeps (a place or an acronym by its key's
/// slot, a country or a known organization by its lexicon index).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Link {
    Place(usize),
    Country(usize),
    Acronym(usize),
    Org(usize),
}

/// The entities the inner names link to: those the document already has
/// (by the keys of their names and name/alias mentions), and those this
/// stage adds.
struct Links {
    /// Place key -> a place (or unknown-kind) entity.
    place: FxHashMap<String, usize>,
    /// Country index -> its place entity.
    country: FxHashMap<usize, usize>,
    /// Acronym key -> an organization (or other non-person, non-place) entity.
    acronym: FxHashMap<String, usize>,
    /// Known organization index -> its entity.
    org: FxHashMap<usize, usize>,
}

impl Links {
    /// Indexes the existing entities, looking only for the keys `inners` need.
    fn new(entities: &[Entity], text: &str, lx: &Lexicon, inners: &[Vec<Inner>]) -> Links {
        let mut links = Links {
            place: FxHashMap::default(),
            country: FxHashMap::default(),
            acronym: FxHashMap::default(),
            org: FxHashMap::default(),
        };
        // The keys the inner names need, each with a slot, and the countries
        // and known organizations they are (found under any of their names).
        let mut slot_of: FxHashMap<&str, usize> = FxHashMap::default();
        let mut slots: Vec<(&str, Wanted)> = Vec::new();
        let (mut countries, mut orgs) = (FxHashSet::default(), FxHashSet::default());
        for i in inners.iter().flatten() {
            let slot = *slot_of.entry(i.key.as_str()).or_insert(slots.len());
            if slot == slots.len() {
                slots.push((i.key.as_str(), Wanted::default()));
            }
            match i.target {
                Target::Country(ci) => {
                    countries.insert(ci);
                }
                Target::Place => slots[slot].1.place = true,
                Target::Acronym(oi) => {
                    slots[slot].1.acronym = true;
                    orgs.extend(oi);
                }
            }
        }
        // Each wanted key goes to the entity most of the text's own uses of
        // it name (a capital that stands for its country, "Seoul pledged",
        // stays with the country), a tie to the one named so.
        let mut uses: FxHashMap<(Link, usize), (usize, usize)> = FxHashMap::default();
        let mut buf = String::new();
        let things = || entities.iter().enumerate().filter(|(_, e)| e.kind != EntityKind::Person);
        let names = things().map(|(id, e)| (id, e.kind, e.name.as_str()));
        let forms = things().flat_map(|(id, e)| {
            let forms = e.mentions.iter().filter(|m| m.form != MentionForm::Pronoun);
            forms.map(move |m| (id, e.kind, m.span().slice(text)))
        });
        // (Lowercase forms, "the world body", are neither places nor acronyms.)
        for (order, (id, kind, form)) in names.chain(forms).filter(|(_, _, f)| capitalized(f)).enumerate() {
            key_into(form, &mut buf);
            let slot = slot_of.get(buf.as_str()).copied();
            let w = slot.map_or(Wanted::default(), |s| slots[s].1);
            let country = if countries.is_empty() { None } else { lx.country_index.get(&buf) };
            let org = if orgs.is_empty() { None } else { lx.org_index.get(&buf) };
            let mut count = |link: Link| uses.entry((link, id)).or_insert((0, order)).0 += 1;
            if matches!(kind, EntityKind::Place | EntityKind::Other) {
                if let (true, Some(s)) = (w.place, slot) {
                    count(Link::Place(s));
                }
                if let Some(&ci) = country.filter(|ci| countries.contains(ci)) {
                    count(Link::Country(ci));
                }
            }
            if kind != EntityKind::Place {
                if let (true, Some(s)) = (w.acronym, slot) {
                    count(Link::Acronym(s));
                }
                if let Some(&oi) = org.filter(|oi| orgs.contains(oi)) {
                    count(Link::Org(oi));
                }
            }
        }
        let mut best: FxHashMap<Link, (usize, usize, usize)> = FxHashMap::default();
        for ((link, id), (n, first)) in uses {
            let b = best.entry(link).or_insert((id, n, first));
            if (n, std::cmp::Reverse(first)) > (b.1, std::cmp::Reverse(b.2)) {
                *b = (id, n, first);
            }
        }
        for (link, (id, ..)) in best {
            match link {
                Link::Place(slot) => links.place.insert(slots[slot].0.to_string(), id),
                Link::Country(ci) => links.country.insert(ci, id),
                Link::Acronym(slot) => links.acronym.insert(slots[slot].0.to_string(), id),
                Link::Org(oi) => links.org.insert(oi, id),
            };
        }
        links
    }

    /// The entity `inner` (written `written` in the text) refers to, added
    /// when the document has none yet.
    fn resolve(&mut self, entities: &mut Vec<Entity>, inner: &Inner, written: &str, lx: &Lexicon) -> usize {
        let mut add = |kind: EntityKind, name: String| {
            let id = entities.len();
            entities.push(Entity { id, kind, name, titles: Vec::new(), mentions: Vec::new() });
            id
        };
        match inner.target {
            Target::Country(ci) => match self.country.get(&ci) {
                Some(&id) => id,
                None => {
                    let id = add(EntityKind::Place, lx.countries[ci].name.to_string());
                    self.country.insert(ci, id);
                    id
                }
            },
            Target::Place => match self.place.get(&inner.key) {
                Some(&id) => id,
                None => {
                    let id = add(EntityKind::Place, written.to_string());
                    self.place.insert(inner.key.clone(), id);
                    id
                }
            },
            Target::Acronym(oi) => {
                if let Some(&id) = self.acronym.get(&inner.key).or_else(|| oi.and_then(|oi| self.org.get(&oi))) {
                    return id;
                }
                let name = oi.map_or_else(|| written.to_string(), |oi| lx.orgs[oi].name.to_string());
                let id = add(EntityKind::Organization, name);
                self.acronym.insert(inner.key.clone(), id);
                if let Some(oi) = oi {
                    self.org.insert(oi, id);
                }
                id
            }
        }
    }
}

/// The end (a token index) of the known place that starts at token `k`
/// and ends before `end`: up to three capitalized words, longest first
/// ("Ohio" in "Ohio Senator", "Utah" in "Utah Gov."). For the
/// entity stage, which makes a place before a title a name of its own.
pub fn place_at(text: &str, toks: &[Token], lower: &Lower, k: usize, end: usize, lx: &Lexicon) -> Option<usize> {
    let words = toks[k..end.min(toks.len())]
        .iter()
        .zip(k..)
        .take(3)
        .take_while(|&(t, j)| t.is_word() && t.cap() && !lx.titles.contains(lower[j].trim_end_matches('.')))
        .count();
    let known = |k: &str| lx.is_place_or_country(k) && !generic(k, lx);
    (k + 1..=k + words).rev().find(|&j| {
        if j == k + 1 {
            known(lower[k].trim_end_matches('.'))
        } else {
            known(&key(&text[toks[k].start()..toks[j - 1].end()]))
        }
    })
}

/// The words of a name, split at spaces and hyphens; a possessive "'s" and
/// punctuation around a word are left out.
fn pieces(name: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut pos = 0;
    for word in name.split(' ') {
        let at = pos;
        pos += word.len() + 1;
        let mut hyphen = false;
        let mut from = at;
        for part in word.split(['-', '\u{2010}', '\u{2011}']) {
            let (s, e) = (from, from + part.len());
            from = e + name[e..].chars().next().map_or(0, char::len_utf8);
            let trimmed = part.trim_start_matches(|c: char| !c.is_alphanumeric());
            let lead = part.len() - trimmed.len();
            let trimmed = trimmed
                .strip_suffix("'s")
                .or_else(|| trimmed.strip_suffix("\u{2019}s"))
                .unwrap_or(trimmed)
                .trim_end_matches(|c: char| !c.is_alphanumeric() && c != '.');
            if !trimmed.is_empty() {
                out.push(Piece { start: s + lead, end: s + lead + trimmed.len(), hyphen });
            }
            hyphen = true;
        }
    }
    out
}

fn capitalized(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// An acronym: two to eight letters, all capitals, with optional periods
/// or an ampersand ("NATO", "U.N.", "AT&T").
fn acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=8).contains(&letters) && w.chars().all(|c| c.is_uppercase() || matches!(c, '.' | '&'))
}

/// Words that name no thing of their own: head and class words, titles,
/// function and calendar words, adjectives, Roman numerals.
fn generic(k: &str, lx: &Lexicon) -> bool {
    lx.org_words.contains(k)
        || lx.event_words.contains(k)
        || lx.document_words.contains(k)
        || lx.place_words.contains(k)
        || lx.titles.contains(k)
        || lx.honorifics.contains_key(k)
        || lx.function_words.contains(k)
        || lx.calendar.contains(k)
        || lx.adjectives.contains(k)
        || lx.demonym_index.contains_key(k)
        || k.chars().all(|c| matches!(c, 'i' | 'v' | 'x' | 'l'))
}

/// A name that is itself a place: a known place or country, a place's
/// first word and one more ("Port Alder"), or a place's head word at the
/// end ("Harbour Street", "Lisbon Heights").
fn place_like(keys: &[String], whole: &str, lx: &Lexicon) -> bool {
    lx.places.contains_key(whole)
        || lx.country_index.contains_key(whole)
        || (keys.len() == 2 && lx.place_prefixes.contains(keys[0].as_str()))
        || keys.last().is_some_and(|k| lx.place_words.contains(k.as_str()))
}

/// The names inside the name `name` (a mention's text), in text order.
fn analyze(name: &str, lx: &Lexicon) -> Vec<Inner> {
    let ps = pieces(name);
    let n = ps.len();
    let mut out = Vec::new();
    if n < 2 {
        return out;
    }
    let word = |i: usize| &name[ps[i].start..ps[i].end];
    let keys: Vec<String> = (0..n).map(|i| key(word(i))).collect();
    // Could [a, b) be a known place? Only when a place of that many words
    // begins with its first word.
    let long = &lx.long_places;
    let most: Vec<usize> = keys.iter().map(|k| long.get(k.as_str()).copied().unwrap_or(1)).collect();
    let may_be_place = |a: usize, b: usize| most[a] >= b - a;
    // The key of the run of pieces [a, b), joined as written, into `buf`.
    let mut buf = String::new();
    let run_key = |a: usize, b: usize, buf: &mut String| {
        buf.clear();
        buf.push_str(&keys[a]);
        for i in a + 1..b {
            buf.push(if ps[i].hyphen { '-' } else { ' ' });
            buf.push_str(&keys[i]);
        }
    };
    if may_be_place(0, n) {
        run_key(0, n, &mut buf);
    }
    if place_like(&keys, &buf, lx) {
        return out;
    }
    let mut used = vec![false; n];
    // A leading acronym before more of the name: "NATO Harbour Command". (A
    // country's, "U.S. Army", is a place, below; a shouted line of capitals
    // is no name.)
    let goes_on = !ps[1].hyphen && capitalized(word(1)) && (1..n).any(|i| word(i).chars().any(char::is_lowercase));
    if goes_on && acronym(word(0)) {
        let k = &keys[0];
        // (Unknown letters with periods are a person's initials: "J.D.
        // Marlow Institute".)
        let initials = word(0).contains('.') && !lx.org_index.contains_key(k);
        if !initials && !lx.country_index.contains_key(k) && !lx.places.contains_key(k) && !generic(k, lx) {
            out.push(Inner {
                start: ps[0].start,
                end: ps[0].end,
                key: k.clone(),
                target: Target::Acronym(lx.org_index.get(k).copied()),
            });
            used[0] = true;
        }
    }
    // Known places, longest run first, never the whole name.
    let given_name = |k: &str| lx.first_names.contains_key(k) && !lx.places.contains_key(k);
    for len in (1..n.min(MAX_RUN + 1)).rev() {
        for a in 0..=n - len {
            let b = a + len;
            if used[a..b].iter().any(|&u| u) || !capitalized(word(a)) || !capitalized(word(b - 1)) {
                continue;
            }
            if !may_be_place(a, b) {
                continue;
            }
            run_key(a, b, &mut buf);
            let target = match lx.country_index.get(&buf) {
                Some(&ci) => Target::Country(ci),
                None if lx.places.contains_key(&buf) => Target::Place,
                None => continue,
            };
            let k = buf.clone();
            // ("US" is a country's alias, "us" a word; "Ri" and "Ga." are
            // no state, inside a name.)
            let short = k.chars().count() <= 2 || word(a).ends_with('.');
            if len == 1 && !acronym(word(a)) && (short || generic(&k, lx)) {
                continue;
            }
            // The name's own last word ("Air Canada"), unless the name says
            // "of" (or the like) before it: "Bank of Canada".
            if b == n && !ps[a].hyphen && !BEFORE_PLACE.contains(&keys[a - 1].as_str()) {
                continue;
            }
            // Named after a person: "Martin Lincoln Institute" (a given
            // name before), "Florence Hale Hospital" (a surname after).
            if a > 0 && capitalized(word(a - 1)) && given_name(&keys[a - 1]) {
                continue;
            }
            if len == 1 && b < n && lx.first_names.contains_key(k.as_str()) && lx.surnames.contains(keys[b].as_str()) {
                continue;
            }
            used[a..b].iter_mut().for_each(|u| *u = true);
            out.push(Inner { start: ps[a].start, end: ps[b - 1].end, key: k, target });
        }
    }
    out.sort_by_key(|i| i.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The inner names of `name` as (text, kind of target).
    fn inner(name: &str) -> Vec<(String, &'static str)> {
        analyze(name, Lexicon::get())
            .into_iter()
            .map(|i| {
                let t = match i.target {
                    Target::Country(_) => "country",
                    Target::Place => "place",
                    Target::Acronym(_) => "acronym",
                };
                (name[i.start..i.end].to_string(), t)
            })
            .collect()
    }

    fn pairs(v: &[(&str, &'static str)]) -> Vec<(String, &'static str)> {
        v.iter().map(|(a, b)| (a.to_string(), *b)).collect()
    }

    #[test]
    fn places_inside_names() {
        assert_eq!(inner("University of Lisbon"), pairs(&[("Lisbon", "place")]));
        assert_eq!(inner("Korea Trade Forum"), pairs(&[("Korea", "country")]));
        assert_eq!(inner("New York City Ballet Society"), pairs(&[("New York City", "place")]));
        assert_eq!(inner("U.S. Army"), pairs(&[("U.S.", "country")]));
        assert_eq!(inner("Japan-Korea Summit"), pairs(&[("Japan", "country"), ("Korea", "country")]));
        assert_eq!(inner("Central Bank of the Philippines"), pairs(&[("Philippines", "country")]));
    }

    #[test]
    fn no_place_from_heads_people_demonyms_or_places() {
        // The place is the name's own last word.
        assert!(inner("Air Canada").is_empty());
        // Demonyms and adjectives name no place.
        assert!(inner("Korean War").is_empty());
        assert!(inner("Pacific Rim Council").is_empty());
        // Named after a person.
        assert!(inner("Martha Houston University").is_empty());
        // A place-like name, and a place's own name.
        assert!(inner("Lisbon Heights").is_empty());
        assert!(inner("New York").is_empty());
        // A state's abbreviation only in capitals.
        assert!(inner("Ri Harbor Society").is_empty());
        // Lowercase as written.
        assert!(inner("Friends of the earth").is_empty());
    }

    #[test]
    fn leading_acronyms() {
        assert_eq!(inner("NATO Harbour Command"), pairs(&[("NATO", "acronym")]));
        assert_eq!(inner("U.N. Security Council"), pairs(&[("U.N.", "acronym")]));
        assert_eq!(inner("WXA Tour"), pairs(&[("WXA", "acronym")]));
        // Not shouted lines, titles, hyphenated words or the last word.
        assert!(inner("NATO JOINT COMMAND").is_empty());
        assert!(inner("CEO Forum").is_empty());
        assert!(inner("COVID-19 Task Force").is_empty());
        assert!(inner("Harbor Authority").is_empty());
        // Initials of a person, not an acronym.
        assert!(inner("J.D. Marlow Institute").is_empty());
    }

    #[test]
    fn pieces_skip_possessives_and_punctuation() {
        let name = "St. Brendan's Hospital";
        let got: Vec<&str> = pieces(name).iter().map(|p| &name[p.start..p.end]).collect();
        assert_eq!(got, ["St.", "Brendan", "Hospital"]);
        let name = "U.S.-Korea Council";
        let got: Vec<&str> = pieces(name).iter().map(|p| &name[p.start..p.end]).collect();
        assert_eq!(got, ["U.S.", "Korea", "Council"]);
    }
}
