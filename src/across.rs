//! Speakers across articles: one person (or organization) however each
//! article names them, with every quote of theirs in every article.
//!
//! Built in two steps, so a folder's index costs no second pass over the
//! text: [`ArticleSpeakers::of`] reads one annotated [`Document`] once (its
//! speakers, their normalized names, their quotes), and [`Index::build`]
//! joins those records across articles. It reads only `Document`s: the CLI
//! (`byline quotes`, `byline speakers`) and the reader's folder mode share it.
//!
//! The rules: full names match after normalization (case, accents, titles,
//! initials); a surname-only speaker joins its own article's full name
//! first, then the folder's one full name with that surname, and stays
//! apart when two people share it; organizations join through their names
//! and their entities' alias mentions ("CWB" for "Coastal Water Board").

use rustc_hash::FxHashMap as HashMap;

use crate::model::{Document, EntityKind, MentionForm, QuoteKind};

/// One speaker of one article, as that article names them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Local {
    /// The entity id in its document.
    pub entity: usize,
    pub kind: EntityKind,
    /// The entity's name as the article gives it.
    pub name: String,
    /// The normalized name (see [`person_key`], [`org_key`]).
    pub key: String,
    /// Normalized alias mentions (organizations and other non-persons).
    pub aliases: Vec<String>,
    /// Words in the entity's own name, normalized ("Halvorsen" has one,
    /// though its key may be its article's full name).
    pub words: usize,
    /// Direct quotes (indices into `doc.quotes`), in text order.
    pub quotes: Vec<usize>,
    /// Partial quotes, in text order.
    pub partial: Vec<usize>,
}

/// What the index needs of one article: its speakers, read once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleSpeakers {
    pub locals: Vec<Local>,
}

impl ArticleSpeakers {
    /// The speakers of `doc` (entities with at least one quote).
    pub fn of(doc: &Document) -> ArticleSpeakers {
        let mut locals: Vec<Local> = Vec::new();
        // Everyone who speaks a quote, those speaking together too.
        for (i, q) in doc.quotes.iter().enumerate() {
            for id in q.speakers() {
                let at = match locals.iter().position(|l| l.entity == id) {
                    Some(at) => at,
                    None => {
                        let Some(local) = local_of(doc, id) else { continue };
                        locals.push(local);
                        locals.len() - 1
                    }
                };
                let l = &mut locals[at];
                if q.kind == QuoteKind::Partial {
                    l.partial.push(i);
                } else {
                    l.quotes.push(i);
                }
            }
        }
        ArticleSpeakers { locals }
    }
}

/// The record of entity `id` of `doc`, before its quotes.
fn local_of(doc: &Document, id: usize) -> Option<Local> {
    let e = doc.entity(id)?;
    let (key, aliases, words) = if e.kind == EntityKind::Person {
        let own = person_key(&e.name);
        let words = own.split(' ').count();
        (own_full_name(doc, own), Vec::new(), words)
    } else {
        let mut raw: Vec<&str> = e
            .mentions
            .iter()
            .filter(|m| m.form == MentionForm::Alias)
            .map(|m| doc.slice(m.span()))
            .filter(|s| s.chars().any(char::is_uppercase))
            .collect();
        raw.sort_unstable();
        raw.dedup();
        let mut aliases: Vec<String> = raw.into_iter().map(org_key).filter(|k| !k.is_empty()).collect();
        aliases.sort_unstable();
        aliases.dedup();
        let own = org_key(&e.name);
        let words = own.split(' ').count();
        (own, aliases, words)
    };
    let (quotes, partial) = (Vec::new(), Vec::new());
    Some(Local { entity: id, kind: e.kind, name: e.name.clone(), key, aliases, words, quotes, partial })
}

/// A surname-only (or initial-and-surname) key replaced by the one full
/// name of a person of the same article that it fits, when there is one.
fn own_full_name(doc: &Document, key: String) -> String {
    if !is_short(&key) {
        return key;
    }
    let mut found: Option<String> = None;
    for e in doc.entities.iter().filter(|e| e.kind == EntityKind::Person) {
        let full = person_key(&e.name);
        if is_short(&full) || !fits(&key, &full) || found.as_ref() == Some(&full) {
            continue;
        }
        if found.is_some() {
            return key; // two people of this article fit: it stays apart
        }
        found = Some(full);
    }
    found.unwrap_or(key)
}

/// True for a person key that is no full name: one word, or an initial
/// and a surname.
fn is_short(key: &str) -> bool {
    let words: Vec<&str> = key.split(' ').collect();
    words.len() < 2 || words[..words.len() - 1].iter().all(|w| w.chars().count() == 1)
}

/// True when the short key `short` can name the full name `full`: the same
/// surname, and the same first initial when it has one.
fn fits(short: &str, full: &str) -> bool {
    let (s, f): (Vec<&str>, Vec<&str>) = (short.split(' ').collect(), full.split(' ').collect());
    if s.last() != f.last() {
        return false;
    }
    s.len() < 2 || f[0].chars().next() == s[0].chars().next()
}

/// Titles and honorifics dropped from the front of a person's name.
const TITLES: &[&str] = &[
    "dr",
    "mr",
    "mrs",
    "ms",
    "mx",
    "miss",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "rev",
    "fr",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "president",
    "minister",
    "mayor",
    "judge",
    "justice",
    "gen",
    "general",
    "col",
    "capt",
    "captain",
    "lt",
    "sgt",
    "hon",
    "chief",
    "dean",
    "pastor",
    "rabbi",
    "imam",
    "sheikh",
];

/// A person's name, normalized: lowercase, accents folded, titles dropped
/// from the front, dotted initials split ("J.R." is "j r"), middle initials
/// dropped ("Ana M. Ruiz" is "ana ruiz").
pub fn person_key(name: &str) -> String {
    let folded = fold(name).replace('.', " ");
    let mut words: Vec<&str> = folded.split(|c: char| !word_char(c)).filter(|w| !w.is_empty()).collect();
    while words.len() > 1 && TITLES.contains(&words[0]) {
        words.remove(0);
    }
    if words.len() > 2 {
        let last = words.len() - 1;
        let mut i = 0;
        words.retain(|w| {
            i += 1;
            i == 1 || i - 1 == last || w.chars().count() > 1
        });
    }
    words.join(" ")
}

/// An organization's (or any non-person's) name, normalized: lowercase,
/// accents folded, a leading "the" dropped, dots removed ("U.N." is "un").
pub fn org_key(name: &str) -> String {
    let folded = fold(name).replace('.', "");
    let mut words: Vec<&str> = folded.split(|c: char| !word_char(c)).filter(|w| !w.is_empty()).collect();
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    words.join(" ")
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '\''
}

/// Lowercase with Latin accents folded ("Renée" is "renee"); curly
/// apostrophes become straight ones.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars().flat_map(char::to_lowercase) {
        match c {
            '\u{2019}' | '\u{2018}' => out.push('\''),
            'ß' => out.push_str("ss"),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            _ => out.push(base_letter(c)),
        }
    }
    out
}

/// The unaccented letter of a lowercase Latin letter with a diacritic.
fn base_letter(c: char) -> char {
    const GROUPS: &[(&str, char)] = &[
        ("àáâãäåāăą", 'a'),
        ("çćĉċč", 'c'),
        ("ďđ", 'd'),
        ("èéêëēĕėęě", 'e'),
        ("ĝğġģ", 'g'),
        ("ĥħ", 'h'),
        ("ìíîïĩīĭįı", 'i'),
        ("ĵ", 'j'),
        ("ķ", 'k'),
        ("ĺļľŀł", 'l'),
        ("ñńņňŉ", 'n'),
        ("òóôõöøōŏő", 'o'),
        ("ŕŗř", 'r'),
        ("śŝşšș", 's'),
        ("ţťŧț", 't'),
        ("ùúûüũūŭůűų", 'u'),
        ("ŵ", 'w'),
        ("ýÿŷ", 'y'),
        ("źżž", 'z'),
    ];
    if c.is_ascii() {
        return c;
    }
    GROUPS.iter().find(|(set, _)| set.contains(c)).map_or(c, |&(_, b)| b)
}

/// A quote of the folder: article `article`'s quote `quote`, by its entity `entity`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct At {
    pub article: usize,
    pub quote: usize,
    pub entity: usize,
}

/// One speaker across the folder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// The name shown: the fullest, most quoted of the names seen.
    pub name: String,
    pub kind: EntityKind,
    /// Every name the articles give them, first seen first.
    pub names: Vec<String>,
    /// Direct quotes, in folder order, then text order.
    pub quotes: Vec<At>,
    /// Partial quotes, in the same order.
    pub partial: Vec<At>,
    /// The articles that quote them (directly or partially).
    pub articles: usize,
    /// Every `(article, entity)` that is this speaker.
    pub members: Vec<(usize, usize)>,
    /// Their normalized names and aliases.
    pub keys: Vec<String>,
}

/// The speakers of a folder, joined across its articles.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Index {
    /// Most quoted first (ties: first quoted first).
    pub speakers: Vec<Speaker>,
    member: HashMap<(usize, usize), usize>,
}

impl Index {
    /// Joins the articles' speakers; `articles` gives each article's
    /// position in the folder (in folder order) and its record.
    pub fn build<'a>(articles: impl IntoIterator<Item = (usize, &'a ArticleSpeakers)>) -> Index {
        let members: Vec<(usize, &Local)> =
            articles.into_iter().flat_map(|(a, s)| s.locals.iter().map(move |l| (a, l))).collect();
        let mut sets = UnionFind::new(members.len());
        join_by_keys(&members, &mut sets);
        join_short_names(&members, &mut sets);
        let mut classes: HashMap<usize, Vec<usize>> = HashMap::default();
        for i in 0..members.len() {
            classes.entry(sets.find(i)).or_default().push(i);
        }
        let mut speakers: Vec<Speaker> = classes.into_values().map(|m| speaker_of(&members, &m)).collect();
        speakers.sort_by_key(|s| {
            let first = s.quotes.first().or(s.partial.first()).copied();
            (std::cmp::Reverse(s.quotes.len()), first)
        });
        let member = speakers.iter().enumerate().flat_map(|(i, s)| s.members.iter().map(move |&m| (m, i))).collect();
        Index { speakers, member }
    }

    /// The speaker that entity `entity` of article `article` is.
    pub fn speaker_of(&self, article: usize, entity: usize) -> Option<usize> {
        self.member.get(&(article, entity)).copied()
    }

    /// The speakers `name` names: a full name or an organization's name or
    /// alias (normalized), one word of a person's name ("halvorsen" names
    /// every Halvorsen) or an initial and surname ("R. Halvorsen").
    pub fn find(&self, name: &str) -> Vec<usize> {
        let (p, o) = (person_key(name), org_key(name));
        if p.is_empty() && o.is_empty() {
            return Vec::new();
        }
        let one_word = !p.contains(' ');
        let initial = !one_word && is_short(&p);
        let names = |s: &Speaker| {
            s.keys.iter().any(|k| {
                if s.kind == EntityKind::Person {
                    *k == p || (one_word && k.split(' ').any(|w| w == p)) || (initial && fits(&p, k))
                } else {
                    *k == o
                }
            })
        };
        (0..self.speakers.len()).filter(|&i| names(&self.speakers[i])).collect()
    }
}

/// Joins members whose full names (persons) or names and aliases
/// (others) are the same.
fn join_by_keys(members: &[(usize, &Local)], sets: &mut UnionFind) {
    let mut seen: HashMap<(bool, &str), usize> = HashMap::default();
    for (i, (_, l)) in members.iter().enumerate() {
        let person = l.kind == EntityKind::Person;
        if l.key.is_empty() || (person && is_short(&l.key)) {
            continue;
        }
        let keys = std::iter::once(l.key.as_str()).chain(l.aliases.iter().map(String::as_str));
        for k in keys {
            match seen.get(&(person, k)) {
                Some(&j) => sets.union(i, j),
                None => {
                    seen.insert((person, k), i);
                }
            }
        }
    }
}

/// Joins each short person name (surname, or initial and surname) to the
/// one full name of the folder it fits; short names that fit none, or
/// several people, join only the same short name.
fn join_short_names(members: &[(usize, &Local)], sets: &mut UnionFind) {
    let mut full_by_surname: HashMap<&str, Vec<(&str, usize)>> = HashMap::default();
    for (i, (_, l)) in members.iter().enumerate() {
        if l.kind == EntityKind::Person && !l.key.is_empty() && !is_short(&l.key) {
            let surname = l.key.rsplit(' ').next().unwrap_or("");
            let list = full_by_surname.entry(surname).or_default();
            if !list.iter().any(|(k, _)| *k == l.key) {
                list.push((l.key.as_str(), i));
            }
        }
    }
    let mut alone: HashMap<&str, usize> = HashMap::default();
    for (i, (_, l)) in members.iter().enumerate() {
        if l.kind != EntityKind::Person || l.key.is_empty() || !is_short(&l.key) {
            continue;
        }
        let surname = l.key.rsplit(' ').next().unwrap_or("");
        let fitting: Vec<usize> = full_by_surname
            .get(surname)
            .map(|v| v.iter().filter(|(k, _)| fits(&l.key, k)).map(|&(_, j)| j).collect())
            .unwrap_or_default();
        if let [j] = fitting[..] {
            sets.union(i, j);
        } else if let Some(&j) = alone.get(l.key.as_str()) {
            sets.union(i, j);
        } else {
            alone.insert(l.key.as_str(), i);
        }
    }
}

/// The speaker made of the members `class` (indices into `members`).
fn speaker_of(members: &[(usize, &Local)], class: &[usize]) -> Speaker {
    let mut quotes = Vec::new();
    let mut partial = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut articles: Vec<usize> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for &i in class {
        let (a, l) = members[i];
        quotes.extend(l.quotes.iter().map(|&q| At { article: a, quote: q, entity: l.entity }));
        partial.extend(l.partial.iter().map(|&q| At { article: a, quote: q, entity: l.entity }));
        if !names.contains(&l.name) {
            names.push(l.name.clone());
        }
        articles.push(a);
        keys.extend(
            std::iter::once(&l.key).chain(&l.aliases).filter(|k| !keys.contains(k)).cloned().collect::<Vec<_>>(),
        );
    }
    quotes.sort();
    partial.sort();
    articles.sort_unstable();
    articles.dedup();
    // The fullest name (most words once normalized), then the most quoted,
    // then the first seen.
    let best = class
        .iter()
        .rev()
        .map(|&i| members[i].1)
        .max_by_key(|l| (l.words, l.quotes.len() + l.partial.len(), std::cmp::Reverse(l.name.len())))
        .expect("a class has a member");
    Speaker {
        name: best.name.clone(),
        kind: best.kind,
        names,
        quotes,
        partial,
        articles: articles.len(),
        members: class.iter().map(|&i| (members[i].0, members[i].1.entity)).collect(),
        keys,
    }
}

/// Disjoint sets over `0..n` (path halving, union by size).
struct UnionFind {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl UnionFind {
    fn new(n: usize) -> Self {
        UnionFind { parent: (0..n).collect(), size: vec![1; n] }
    }

    fn find(&mut self, mut i: usize) -> usize {
        while self.parent[i] != i {
            self.parent[i] = self.parent[self.parent[i]];
            i = self.parent[i];
        }
        i
    }

    fn union(&mut self, a: usize, b: usize) {
        let (mut a, mut b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        if self.size[a] < self.size[b] {
            std::mem::swap(&mut a, &mut b);
        }
        self.parent[b] = a;
        self.size[a] += self.size[b];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Entity, Mention, Quote};

    /// A document whose entities are `(name, kind, aliases)` and whose
    /// quotes are `(text, speaker)`; the aliases are appended to the text.
    fn doc(entities: &[(&str, EntityKind, &[&str])], quotes: &[(&str, usize)]) -> Document {
        let mut d = Document::empty(String::new());
        for (id, (name, kind, aliases)) in entities.iter().enumerate() {
            let mut mentions = Vec::new();
            for a in *aliases {
                let start = d.text.len();
                d.text.push_str(a);
                mentions.push(Mention { start, end: d.text.len(), form: MentionForm::Alias });
                d.text.push(' ');
            }
            d.entities.push(Entity { id, kind: *kind, name: name.to_string(), titles: vec![], mentions });
        }
        for (id, (text, speaker)) in quotes.iter().enumerate() {
            let start = d.text.len();
            d.text.push_str(text);
            let end = d.text.len();
            d.quotes.push(Quote {
                id,
                start,
                end,
                outer: crate::model::Span::new(start, end),
                text: text.to_string(),
                speaker: Some(*speaker),
                cue: None,
                kind: QuoteKind::Direct,
                with: Vec::new(),
            });
        }
        d
    }

    fn index(docs: &[Document]) -> Index {
        let recs: Vec<ArticleSpeakers> = docs.iter().map(ArticleSpeakers::of).collect();
        Index::build(recs.iter().enumerate())
    }

    fn quotes_of(ix: &Index, name: &str) -> Vec<(usize, usize)> {
        let found = ix.find(name);
        assert_eq!(found.len(), 1, "{name}: {found:?} in {:?}", ix.speakers);
        ix.speakers[found[0]].quotes.iter().map(|a| (a.article, a.quote)).collect()
    }

    const P: EntityKind = EntityKind::Person;
    const O: EntityKind = EntityKind::Organization;

    #[test]
    fn joint_speakers_each_count_the_quote() {
        let mut a = doc(&[("Ana Morel", P, &[]), ("Joe Tamsin", P, &[])], &[("We love cats!", 0)]);
        a.quotes[0].with = vec![1];
        let ix = index(&[a]);
        assert_eq!(quotes_of(&ix, "Ana Morel"), [(0, 0)]);
        assert_eq!(quotes_of(&ix, "Joe Tamsin"), [(0, 0)]);
    }

    #[test]
    fn names_normalize() {
        assert_eq!(person_key("Dr. Renée  Halvorsen"), "renee halvorsen");
        assert_eq!(person_key("RENEE HALVORSEN"), "renee halvorsen");
        assert_eq!(person_key("Renée M. Halvorsen"), "renee halvorsen");
        assert_eq!(person_key("J.R. Okonkwo"), "j okonkwo");
        assert_eq!(person_key("Dr"), "dr");
        assert_eq!(person_key("Seán O\u{2019}Dowd"), "sean o'dowd");
        assert_eq!(org_key("the U.N."), "un");
        assert_eq!(org_key("The Coastal Water Board"), "coastal water board");
    }

    #[test]
    fn one_person_under_full_titled_and_surname_forms() {
        let a = doc(&[("Renée Halvorsen", P, &[]), ("Piet Halvorsen", P, &[])], &[("one", 0), ("two", 1)]);
        let b = doc(&[("Dr. Renee Halvorsen", P, &[])], &[("three", 0)]);
        // The surname-only speaker joins its own article's full name first.
        let c = doc(&[("Halvorsen", P, &[]), ("Renée Halvorsen", P, &[])], &[("four", 0)]);
        let ix = index(&[a, b, c]);
        assert_eq!(quotes_of(&ix, "Renee Halvorsen"), vec![(0, 0), (1, 0), (2, 0)]);
        assert_eq!(quotes_of(&ix, "dr. renée halvorsen"), vec![(0, 0), (1, 0), (2, 0)]);
        assert_eq!(quotes_of(&ix, "Piet Halvorsen"), vec![(0, 1)]);
        assert_eq!(ix.find("halvorsen").len(), 2, "one word names both Halvorsens");
        let s = &ix.speakers[ix.find("Renee Halvorsen")[0]];
        assert_eq!((s.name.as_str(), s.articles), ("Renée Halvorsen", 3));
    }

    #[test]
    fn a_shared_surname_alone_stays_apart() {
        let a = doc(&[("Renée Halvorsen", P, &[]), ("Piet Halvorsen", P, &[])], &[("one", 0), ("two", 1)]);
        let b = doc(&[("Halvorsen", P, &[])], &[("three", 0)]);
        let ix = index(&[a.clone(), b.clone()]);
        assert_eq!(ix.speakers.len(), 3, "{:?}", ix.speakers);
        // With one Halvorsen in the folder, the surname joins her.
        let a = doc(&[("Renée Halvorsen", P, &[])], &[("one", 0)]);
        let ix = index(&[a, b]);
        assert_eq!(quotes_of(&ix, "Renée Halvorsen"), vec![(0, 0), (1, 0)]);
    }

    #[test]
    fn an_initial_joins_the_full_name_it_fits() {
        let a = doc(&[("Renée Halvorsen", P, &[]), ("Piet Halvorsen", P, &[])], &[("one", 0), ("two", 1)]);
        let b = doc(&[("R. Halvorsen", P, &[])], &[("three", 0)]);
        let ix = index(&[a, b]);
        assert_eq!(quotes_of(&ix, "Renée Halvorsen"), vec![(0, 0), (1, 0)]);
    }

    #[test]
    fn organizations_join_through_their_aliases() {
        let a = doc(&[("Coastal Water Board", O, &["CWB", "the board"])], &[("one", 0)]);
        let b = doc(&[("CWB", O, &[])], &[("two", 0)]);
        let c = doc(&[("Board", O, &[])], &[("three", 0)]);
        let ix = index(&[a, b, c]);
        assert_eq!(quotes_of(&ix, "the CWB"), vec![(0, 0), (1, 0)]);
        assert_eq!(quotes_of(&ix, "Coastal Water Board"), vec![(0, 0), (1, 0)]);
        assert_eq!(ix.speakers.len(), 2, "a lowercase epithet joins nothing");
        assert_eq!(ix.speaker_of(1, 0), ix.find("cwb").first().copied());
    }
}
