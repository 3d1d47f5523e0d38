//! Linking: each candidate, by an ordered table of named rules, becomes a
//! mention of a known entity, a new entity of a decided kind, a lone word
//! decided later, or nothing.

use std::borrow::Cow;

use super::*;

/// The state of linking: the registry so far and the lookups built with it.
pub(super) struct Linker<'c, 'a> {
    pub(super) ctx: &'c Context<'a>,
    pub(super) lx: &'a Lexicon,
    pub(super) seen_lower: &'c FxHashSet<&'a str>,
    pub(super) ents: Entities,
    /// Name key -> entity.
    pub(super) by_key: FxHashMap<String, usize>,
    /// Acronyms defined in brackets after a full name -> its entity.
    pub(super) acronym_of: FxHashMap<String, usize>,
    /// Lone words, decided once every full name is known: candidate
    /// indices (4 bytes each, not a copy of the candidate and its key).
    pub(super) pending: Vec<u32>,
    /// Lone words made from a candidate (the name after a role word), by
    /// its index: they stand for it.
    pub(super) made: Vec<(u32, Cand)>,
    /// Acronyms defined by a lowercase phrase ("peacekeeping operations
    /// (PKO)"): concepts, not named things.
    pub(super) concept_acronyms: FxHashSet<String>,
    /// Lone words used as a person somewhere in the text.
    pub(super) person_words: FxHashSet<String>,
    /// Lone words listed with people's names somewhere in the text.
    pub(super) listed_people: FxHashSet<String>,
    /// Names of firms by their business context somewhere in the text.
    pub(super) business_names: FxHashSet<String>,
}

/// One candidate as the full-name rules see it.
pub(super) struct Name<'n> {
    pub(super) cand: &'n Cand,
    /// Its index among the candidates.
    pub(super) at: usize,
    pub(super) text: Cow<'n, str>,
    pub(super) key: String,
    /// Its number of tokens.
    pub(super) len: usize,
    pub(super) in_dateline: bool,
}

/// A named rule: true when it decided the candidate.
type Rule = (&'static str, fn(&mut Linker, &Name) -> bool);

/// The full-name rules, in order: the first that decides wins.
const FULL_NAME_RULES: &[Rule] = &[
    ("reject.not_a_name_word", reject::not_a_name_word),
    ("reject.contraction", reject::contraction),
    ("reject.one_word_line", reject::one_word_line),
    ("reject.species_name", reject::species_name),
    ("link.people_by_plural_demonym", people_by_plural_demonym),
    ("reject.adjective_or_demonym", reject::adjective_or_demonym),
    ("reject.adjectives_only", reject::adjectives_only),
    ("reject.emphasis_after_indefinite", reject::emphasis_after_indefinite),
    ("reject.party_tag_or_currency", reject::party_tag_or_currency),
    ("reject.shouted_heading", reject::shouted_heading),
    ("reject.title_case_line", reject::title_case_line),
    ("link.capital_for_government", capital_for_government),
    ("link.known_key", known_key),
    ("link.person_name_plural", person_name_plural),
    ("link.lexicon_entity", known_to_lexicon),
    ("link.place_by_other_name", place_by_other_name),
    ("reject.concept_acronym", |l, n| l.concept_acronyms.contains(&n.key)),
    ("link.defined_acronym", defined_acronym),
    ("link.initials_of_named", initials_of_named),
    ("defer.lone_word", defer_lone_word),
    ("link.shorter_person_name", shorter_person_name),
    ("link.event_edition", event_edition),
    ("kind.new_entity", new_entity),
];

/// Decides every candidate: full names first, then the lone words; then
/// merges and aliases.
pub(super) fn build(ctx: &Context, lx: &Lexicon, seen_lower: &FxHashSet<&str>, cands: Vec<Cand>) -> Entities {
    let mut linker = Linker {
        ctx,
        lx,
        seen_lower,
        ents: Entities::default(),
        by_key: FxHashMap::default(),
        acronym_of: FxHashMap::default(),
        pending: Vec::new(),
        made: Vec::new(),
        concept_acronyms: lowercase_defined_acronyms(ctx.text, ctx.tokens),
        person_words: person_words(ctx, lx, ctx.lower, &cands),
        listed_people: listed_people_words(ctx, lx, &cands),
        business_names: business_names(ctx, lx, &cands),
    };
    // About one name mention per candidate: no doubling at the peak.
    linker.ents.mentions.reserve_exact(cands.len());
    for (at, c) in cands.iter().enumerate() {
        if let Some((g0, g1)) = c.given() {
            fire(ctx.tokens, "link.name_written_apart", c.t0(), c.t1());
            let l = &mut linker;
            inverted_person(
                &mut l.ents,
                &mut l.by_key,
                ctx.text,
                ctx.tokens,
                lx,
                ctx.lower,
                c,
                g0 as usize,
                g1 as usize,
            );
            continue;
        }
        let name = linker.name(c, at);
        if let Some((rule, _)) = FULL_NAME_RULES.iter().find(|(_, decide)| decide(&mut linker, &name)) {
            fire(ctx.tokens, rule, c.t0(), c.t1());
        }
    }
    let mut lone_words = cands;
    keep_lone_words(&mut lone_words, &std::mem::take(&mut linker.pending), std::mem::take(&mut linker.made));
    let merged_away = merge_surname_variants(&mut linker.ents, lx, &mut linker.by_key);
    merge_misspelt_names(&mut linker.ents, &mut linker.by_key);
    lone::decide_all(&mut linker, &merged_away, &lone_words);
    drop(lone_words);
    let mut ents = linker.ents;
    link_name_prefixes(&mut ents);
    link_country_qualified_names(&mut ents, lx);
    link_descriptor_names(&mut ents, lx);
    ents
}

/// Keeps only the lone words of `cands` (the others are decided), in the
/// order they were deferred, `made` ones in place of their candidates:
/// moved to the front, the rest of the room given back.
fn keep_lone_words(cands: &mut Vec<Cand>, pending: &[u32], made: Vec<(u32, Cand)>) {
    let mut made = made.into_iter().peekable();
    for (j, &at) in pending.iter().enumerate() {
        // (Deferred at most once each, in candidate order: `at >= j`, and
        // what lies at `j` now is decided.)
        match made.next_if(|(m, _)| *m == at) {
            Some((_, c)) => cands[j] = c,
            None => cands.swap(j, at as usize),
        }
    }
    cands.truncate(pending.len());
    cands.shrink_to_fit();
}

/// The aliases that depend on kinds (epithets, "the <head word>", roles),
/// once the kinds are settled; mentions in text order.
pub(super) fn finish_aliases(ctx: &Context, lx: &Lexicon, ents: &mut Entities) {
    descriptive_aliases(ctx, lx, ents);
    role_aliases(ctx, lx, ents);
    ents.mentions.sort_by_key(|m| (m.span().start, m.span().end));
    ents.mentions.dedup_by_key(|m| m.span());
}

impl<'a> Linker<'_, 'a> {
    /// The candidate as the rules see it.
    fn name<'n>(&self, c: &'n Cand, at: usize) -> Name<'n>
    where
        'a: 'n,
    {
        let toks = self.ctx.tokens;
        let text = span_text(self.ctx.text, toks, c.t0(), c.t1());
        let span = Span::new(toks[c.t0()].start(), toks[c.t1() - 1].end());
        Name {
            cand: c,
            at,
            key: key(&text),
            text,
            len: c.t1() - c.t0(),
            in_dateline: self.ctx.meta.dateline.is_some_and(|d| d.contains(span)),
        }
    }

    /// Records a mention of entity `id` over the candidate.
    pub(super) fn mention(&mut self, c: &Cand, id: usize, form: MentionForm) {
        let toks = self.ctx.tokens;
        let span = Span::new(toks[c.t0()].start(), toks[c.t1() - 1].end());
        self.ents.mentions.push(Found::new(span, id, form, c.t0(), c.t1()));
    }

    /// Defers candidate `at` as a lone word, or the lone word `made` from it.
    pub(super) fn defer(&mut self, at: usize, made: Option<Cand>) {
        self.pending.push(at as u32);
        if let Some(c) = made {
            self.made.push((at as u32, c));
        }
    }

    /// The entity named by `key`, made (of `kind`, named `name`) if new.
    pub(super) fn entity_for(&mut self, key: String, kind: EntityKind, name: String, origin: &'static str) -> usize {
        if let Some(&id) = self.by_key.get(&key) {
            return id;
        }
        let id = self.ents.add_entity(kind, name, origin);
        self.by_key.insert(key, id);
        id
    }
}

/// "Americans", "Palestinians": a people, named as a group (kind other).
fn people_by_plural_demonym(l: &mut Linker, n: &Name) -> bool {
    if n.len != 1 || n.cand.kind.is_some() || !reject::plural_demonym(l.lx, &n.key) || l.lx.adjectives.contains(&n.key)
    {
        return false;
    }
    let id = l.entity_for(n.key.clone(), EntityKind::Other, n.text.to_string(), "link.people_by_plural_demonym");
    l.mention(n.cand, id, MentionForm::Name);
    true
}

/// A capital city standing for its government ("Seoul has pursued",
/// "Seoul's pledges") once its country is named: not in the dateline, not
/// after "in", "at", "to" ...
fn capital_for_government(l: &mut Linker, n: &Name) -> bool {
    if n.len != 1 || n.in_dateline {
        return false;
    }
    let Some(&country) = l.lx.capital_index.get(&n.key) else { return false };
    let before = n.cand.t0().checked_sub(1).map(|k| l.ctx.lower[k].as_str()).unwrap_or("");
    let locative = l.lx.classes.locatives.contains(before);
    let country_key = key(l.lx.countries[country].name);
    match (locative, l.by_key.get(&country_key)) {
        (false, Some(&id)) => {
            l.mention(n.cand, id, MentionForm::Alias);
            true
        }
        _ => false,
    }
}

/// The name is known already under this key (but a dateline names a place).
fn known_key(l: &mut Linker, n: &Name) -> bool {
    let Some(&id) = l.by_key.get(&n.key) else { return false };
    if n.in_dateline && l.ents.entities[id].kind != EntityKind::Place {
        return false;
    }
    l.mention(n.cand, id, MentionForm::Name);
    merge_titles(&mut l.ents, id, n.cand);
    true
}

/// "more Ada Brennans": a person's full name made plural stands for the
/// person (the kind of person she is), not for someone new.
fn person_name_plural(l: &mut Linker, n: &Name) -> bool {
    let Some(singular) = n.key.strip_suffix('s').filter(|_| n.len >= 2) else { return false };
    let Some(&id) = l.by_key.get(singular).filter(|&&id| l.ents.entities[id].kind == EntityKind::Person) else {
        return false;
    };
    l.mention(n.cand, id, MentionForm::Alias);
    true
}

/// A country or organization of the lexicon, by its name or an alias.
fn known_to_lexicon(l: &mut Linker, n: &Name) -> bool {
    if n.cand.kind.is_some() && !n.cand.quoted {
        return false;
    }
    let Some((canon, kind)) = lexicon_entity(&n.key, l.lx) else { return false };
    let canon_key = key(&canon);
    let form = if canon_key == n.key { MentionForm::Name } else { MentionForm::Alias };
    let id = l.entity_for(canon_key, kind, canon, "link.lexicon_entity");
    l.by_key.insert(n.key.clone(), id);
    l.mention(n.cand, id, form);
    true
}

/// Another name of a known place: an accent-free or "St." spelling, or a
/// state's abbreviation where a place is placed (", Calif." or "in
/// Calif.", with its period; not "Wash" or "Mass" as words, nor "in Mass.").
fn place_by_other_name(l: &mut Linker, n: &Name) -> bool {
    let Some((main, abbreviation)) = l.lx.place_aliases.get(&n.key) else { return false };
    let (text, toks, c) = (l.ctx.text, l.ctx.tokens, n.cand);
    let after_comma = c.t0() > 0 && toks[c.t0() - 1].text(text) == ",";
    let after_preposition = c.t0() > 0
        && l.lx.classes.place_prepositions.contains(l.ctx.lower[c.t0() - 1].as_str())
        && !l.lx.classes.word_abbreviations.contains(n.key.as_str());
    let period = text[toks[c.t1() - 1].end()..].starts_with('.');
    let placed = (after_comma || after_preposition) && period;
    if *abbreviation && !placed {
        return false;
    }
    let rule = if *abbreviation { "link.place_by_abbreviation" } else { "link.place_by_other_name" };
    if *abbreviation {
        // (Named by the place's own name, "California", not "Calif.".)
        fire(toks, rule, c.t0(), c.t1());
    }
    let id = l.entity_for(key(main), EntityKind::Place, main.to_string(), rule);
    l.by_key.insert(n.key.clone(), id);
    l.mention(c, id, MentionForm::Alias);
    true
}

/// An acronym defined earlier in brackets after a full name.
fn defined_acronym(l: &mut Linker, n: &Name) -> bool {
    let raw = l.ctx.tokens[n.cand.t0()].text(l.ctx.text);
    let Some(&id) = l.acronym_of.get(&n.key).filter(|_| n.len == 1 && is_acronym(raw)) else { return false };
    l.by_key.insert(n.key.clone(), id);
    l.mention(n.cand, id, MentionForm::Alias);
    true
}

/// An acronym matching the initials of a thing named before ("UN" after
/// "United Nations").
fn initials_of_named(l: &mut Linker, n: &Name) -> bool {
    let raw = l.ctx.tokens[n.cand.t0()].text(l.ctx.text);
    if n.len != 1 || !is_acronym(raw) {
        return false;
    }
    let thing = |k: EntityKind| {
        matches!(k, EntityKind::Organization | EntityKind::Place | EntityKind::Event | EntityKind::Other)
    };
    let Some(id) = l.ents.initials_index.get(&n.key).copied().filter(|&id| thing(l.ents.entities[id].kind)) else {
        return false;
    };
    l.by_key.insert(n.key.clone(), id);
    l.mention(n.cand, id, MentionForm::Alias);
    true
}

/// Single words (and titled surnames: "Ms. Brennan") are linked once every
/// full name is known.
fn defer_lone_word(l: &mut Linker, n: &Name) -> bool {
    let c = n.cand;
    let lone = n.len == 1 && !c.quoted && !n.in_dateline && c.kind.is_none_or(|k| k == EntityKind::Person);
    if lone {
        l.defer(n.at, None);
    }
    lone
}

/// A shorter form of one person named before ("Van der Molen").
fn shorter_person_name(l: &mut Linker, n: &Name) -> bool {
    if n.len < 2 || n.cand.kind.is_some_and(|k| k != EntityKind::Person) {
        return false;
    }
    let Some(id) = unique_person_containing(&l.ents, &n.key, n.cand.gender) else { return false };
    l.mention(n.cand, id, MentionForm::Name);
    true
}

/// "the 2010 World Cup" after "the World Cup": an edition of the event.
fn event_edition(l: &mut Linker, n: &Name) -> bool {
    let (text, toks) = (l.ctx.text, l.ctx.tokens);
    if n.len < 3 || !is_year(toks[n.cand.t0()].text(text)) {
        return false;
    }
    let rest = key(&span_text(text, toks, n.cand.t0() + 1, n.cand.t1()));
    let Some(&id) = l.by_key.get(&rest).filter(|&&id| l.ents.entities[id].kind == EntityKind::Event) else {
        return false;
    };
    l.mention(n.cand, id, MentionForm::Alias);
    true
}

/// A new entity, of the kind its evidence shows (see [`kind::full_name`]);
/// or a lone word after all, or no name.
fn new_entity(l: &mut Linker, n: &Name) -> bool {
    let c = n.cand;
    let toks = l.ctx.tokens;
    let (mut kind, origin) = match c.kind {
        _ if priced_after(l.ctx.text, toks, c.t1()) => {
            fire(toks, "kind.product_by_price", c.t0(), c.t1());
            (EntityKind::Other, "kind.product_by_price")
        }
        Some(kind) => (kind, c.origin()),
        None => match kind::full_name(l, n) {
            kind::Choice::Kind(kind, rule) => {
                fire(toks, rule, c.t0(), c.t1());
                (kind, rule)
            }
            kind::Choice::NotAName(rule) => {
                fire(toks, rule, c.t0(), c.t1());
                return true;
            }
            kind::Choice::Lone(made, rule) => {
                let cand = made.as_ref().unwrap_or(c);
                fire(toks, rule, cand.t0(), cand.t1());
                l.defer(n.at, made);
                return true;
            }
        },
    };
    let mut name = n.text.to_string();
    if n.in_dateline {
        // "SEOUL--": the place the report was filed from.
        fire(toks, "kind.dateline_place", c.t0(), c.t1());
        kind = EntityKind::Place;
        name = title_case(&name);
    }
    let first_lower = l.ctx.lower[c.t0()].as_str();
    if c.sentence_initial && n.len == 1 && l.seen_lower.contains(first_lower) {
        fire(toks, "reject.sentence_initial_word", c.t0(), c.t1());
        return true;
    }
    let id = l.ents.add_entity(kind, name, origin);
    l.by_key.insert(n.key.clone(), id);
    merge_titles(&mut l.ents, id, c);
    if kind == EntityKind::Person {
        let gender = if c.gender != Gender::Unknown {
            c.gender
        } else {
            l.lx.first_name_gender(first_lower).unwrap_or(Gender::Unknown)
        };
        l.ents.gender[id] = gender;
    }
    l.mention(c, id, MentionForm::Name);
    // "Full Name (ABC)": the acronym is an alias.
    let text = l.ctx.text;
    if let (Some(p), Some(a), Some(q)) = (toks.get(c.t1()), toks.get(c.t1() + 1), toks.get(c.t1() + 2)) {
        if p.text(text) == "(" && q.text(text) == ")" && is_acronym(a.text(text)) {
            fire(toks, "link.acronym_defined_after_name", c.t1() + 1, c.t1() + 2);
            l.acronym_of.insert(key(a.text(text)), id);
        }
    }
    true
}

/// A surname with its given names written apart ("Austen, Jane.", "[Phil]
/// Gramm"): one person named "Jane Austen", with both parts as mentions.
#[allow(clippy::too_many_arguments)]
pub(super) fn inverted_person(
    ents: &mut Entities,
    by_key: &mut FxHashMap<String, usize>,
    text: &str,
    toks: &[Token],
    lx: &Lexicon,
    lower: &Lower,
    c: &Cand,
    g0: usize,
    g1: usize,
) {
    let surname = span_text(text, toks, c.t0(), c.t1());
    let full = format!("{} {surname}", span_text(text, toks, g0, g1));
    // (By the full name only: "[George W.] Bush" is not "[George H. W.] Bush".)
    let id = match by_key.get(&key(&full)) {
        Some(&id) if ents.entities[id].kind == EntityKind::Person => id,
        _ => {
            let id = ents.add_entity(EntityKind::Person, full.clone(), "link.name_written_apart");
            ents.gender[id] = lx.first_name_gender(&lower[g0]).unwrap_or(Gender::Unknown);
            id
        }
    };
    by_key.insert(key(&full), id);
    by_key.entry(key(&surname)).or_insert(id);
    let nickname = c.nickname().map(|(a, b)| (a as usize, b as usize, MentionForm::Alias));
    for (a, b, form) in [(c.t0(), c.t1(), MentionForm::Name), (g0, g1, MentionForm::Name)].into_iter().chain(nickname) {
        let span = Span::new(toks[a].start(), toks[b - 1].end());
        ents.mentions.push(Found::new(span, id, form, a, b));
    }
}

/// The one person whose name holds `nkey` as a run of whole words
/// ("van der molen" in "Pieter van der Molen"), or as its first and last
/// words with middle names left out ("tomas brevik" in "Tomas Adair
/// Brevik"), if exactly one does.
pub(super) fn unique_person_containing(ents: &Entities, nkey: &str, g: Gender) -> Option<usize> {
    let want: Vec<&str> = nkey.split_whitespace().collect();
    let first = want.first()?;
    let hits: Vec<usize> = ents
        .with_word(first)
        .iter()
        .copied()
        .filter(|&id| ents.entities[id].kind == EntityKind::Person)
        .filter(|&id| g == Gender::Unknown || ents.gender[id] == Gender::Unknown || ents.gender[id] == g)
        .filter(|&id| {
            let words = &ents.words[id];
            words.len() > want.len()
                && (words.windows(want.len()).any(|w| w.iter().zip(&want).all(|(a, b)| a == b))
                    || want.len() >= 2
                        && words[0] == *first
                        && words.last().map(String::as_str) == want.last().copied())
        })
        .collect();
    (hits.len() == 1).then(|| hits[0])
}

/// The one storm ("Hurricane Maren") named by `word`: its own name
/// ("Maren") or, when it is the only storm, its storm word ("the Hurricane").
pub(super) fn storm_named(ents: &Entities, word: &str) -> Option<usize> {
    let storm_words = &Lexicon::get().classes.storm_words;
    let storm = |kind: EntityKind, w: &[String]| {
        kind == EntityKind::Event && w.len() >= 2 && storm_words.contains(w[w.len() - 2].as_str())
    };
    ents.only_one(word, |kind, w| storm(kind, w) && w[w.len() - 1] == word).or_else(|| {
        if storm_words.contains(word) {
            ents.only_one(word, storm)
        } else {
            None
        }
    })
}

pub(super) fn lowercase_defined_acronyms(text: &str, toks: &[Token]) -> FxHashSet<String> {
    let mut out = FxHashSet::default();
    for k in 2..toks.len().saturating_sub(1) {
        if toks[k - 1].text(text) == "(" && toks.get(k + 1).is_some_and(|t| t.text(text) == ")") {
            let a = toks[k].text(text);
            if is_acronym(a) && toks[k - 2].is_word() && !toks[k - 2].cap() {
                out.insert(key(a));
            }
        }
    }
    out
}
