//! Lone capitalized words, decided once every full name is known: a
//! person's surname or given name, the short name of a thing named in
//! full, a new name of its own, or nothing. An ordered table of named
//! rules, as for full names.

use super::link::Linker;
use super::*;

/// What the lone-word rules know besides the registry.
pub(super) struct LonePass<'l, 'c, 'a> {
    pub(super) linker: &'l mut Linker<'c, 'a>,
    /// People merged into another record (never linked again).
    merged_away: &'l [usize],
    /// Mentions per entity so far, for ranking ambiguous surnames.
    mention_count: FxHashMap<usize, usize>,
    /// Where each entity was named before the lone words, in order.
    named_at: FxHashMap<usize, Vec<usize>>,
    /// How often each lone word is capitalized mid-sentence.
    cap_count: FxHashMap<String, usize>,
    /// Scratch list of people, kept between words (no allocation a word).
    people: Vec<usize>,
}

/// A lone word as the rules see it.
pub(super) struct Lone<'n> {
    pub(super) cand: &'n Cand,
    pub(super) word: &'n str,
    pub(super) span: Span,
}

/// A named rule: true when it decided the word.
type Rule = (&'static str, fn(&mut LonePass, &Lone) -> bool);

/// The lone-word rules, in order: the first that decides wins.
const LONE_RULES: &[Rule] = &[
    ("link.known_key", known_key),
    ("reject.concept_acronym", |p, w| p.linker.concept_acronyms.contains(w.word)),
    ("link.person_by_name_word", person_by_name_word),
    ("link.storm_by_name", storm_by_name),
    ("link.event_by_head_word", event_by_head_word),
    ("link.organization_by_head_word", organization_by_head_word),
    ("link.acronym_ending_name", acronym_ending_name),
    ("link.thing_by_first_word", thing_by_first_word),
    ("reject.headline_everyday_word", headline_everyday_word),
    ("kind.outlet_speaking", outlet_speaking),
    ("reject.sentence_initial_word", sentence_initial_word),
    ("reject.function_title_or_calendar_word", |p, w| {
        let lx = p.linker.lx;
        lx.function_words.contains(w.word) || lx.titles.contains(w.word) || lx.calendar.contains(w.word)
    }),
    ("reject.contraction", contraction),
    ("reject.sentence_initial_everyday_word", sentence_initial_everyday_word),
    ("kind.new_lone_name", new_lone_name),
];

/// Decides every lone word (`pending`), in text order.
pub(super) fn decide_all(linker: &mut Linker, merged_away: &[usize], pending: &[Cand]) {
    let (text, toks) = (linker.ctx.text, linker.ctx.tokens);
    let word_key = |c: &Cand| key(&text[toks[c.t0()].start()..toks[c.t1() - 1].end()]);
    let mut pass = LonePass::new(linker, merged_away, pending.iter().map(|c| (c, word_key(c))));
    for c in pending {
        let word = word_key(c);
        let lone = Lone { cand: c, word: &word, span: Span::new(toks[c.t0()].start(), toks[c.t1() - 1].end()) };
        if let Some((rule, _)) = LONE_RULES.iter().find(|(_, decide)| decide(&mut pass, &lone)) {
            fire(toks, rule, c.t0(), c.t1());
        }
    }
}

impl<'l, 'c, 'a> LonePass<'l, 'c, 'a> {
    /// `pending`: each lone word with its key.
    fn new<'p>(
        linker: &'l mut Linker<'c, 'a>,
        merged_away: &'l [usize],
        pending: impl Iterator<Item = (&'p Cand, String)>,
    ) -> Self {
        let mut mention_count: FxHashMap<usize, usize> = FxHashMap::default();
        let mut named_at: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
        for m in &linker.ents.mentions {
            *mention_count.entry(m.entity()).or_default() += 1;
            named_at.entry(m.entity()).or_default().push(m.span().start);
        }
        named_at.values_mut().for_each(|v| v.sort_unstable());
        let mut cap_count: FxHashMap<String, usize> = FxHashMap::default();
        for (c, k) in pending {
            // (At a sentence start only a word that is no everyday word counts.)
            if !c.sentence_initial || !linker.lx.is_common_word(&k) {
                *cap_count.entry(k).or_default() += 1;
            }
        }
        LonePass { linker, merged_away, mention_count, named_at, cap_count, people: Vec::new() }
    }

    fn mention(&mut self, w: &Lone, id: usize, form: MentionForm) {
        self.linker.ents.mentions.push(Found::new(w.span, id, form, w.cand.t0(), w.cand.t1()));
    }

    /// How often the word is capitalized mid-sentence.
    pub(super) fn cap_count(&self, word: &str) -> usize {
        self.cap_count.get(word).copied().unwrap_or(0)
    }
}

fn known_key(p: &mut LonePass, w: &Lone) -> bool {
    let Some(&id) = p.linker.by_key.get(w.word) else { return false };
    p.mention(w, id, MentionForm::Name);
    true
}

/// A surname or given name of people named in full: the one person (of the
/// word's gender, if several), else the one whose surname it is, else the
/// principal (named clearly more often), else the one named last before.
/// Several people and no pick: left unlinked.
fn person_by_name_word(p: &mut LonePass, w: &Lone) -> bool {
    let mut people = std::mem::take(&mut p.people);
    people.clear();
    let ents = &p.linker.ents;
    let c = w.cand;
    let fits =
        |id: usize| c.gender == Gender::Unknown || ents.gender[id] == Gender::Unknown || ents.gender[id] == c.gender;
    people.extend(
        ents.with_word(w.word)
            .iter()
            .copied()
            .filter(|&id| ents.entities[id].kind == EntityKind::Person && !p.merged_away.contains(&id)),
    );
    if people.len() > 1 {
        // "Ms. Brennan" between a brother and a sister.
        let by_gender = people.iter().filter(|&&id| fits(id)).count();
        if by_gender == 1 || c.gender != Gender::Unknown && by_gender > 0 {
            people.retain(|&id| fits(id));
        }
    }
    let decided = link_person_word(p, w, &people);
    p.people = people;
    decided
}

/// Links the lone word to one of `people` (see [`person_by_name_word`]).
fn link_person_word(p: &mut LonePass, w: &Lone, people: &[usize]) -> bool {
    let c = w.cand;
    match people[..] {
        [] => false,
        [id] => {
            p.mention(w, id, MentionForm::Name);
            merge_titles(&mut p.linker.ents, id, c);
            true
        }
        _ => {
            if let Some(id) = pick_among_people(p, w, people) {
                p.mention(w, id, MentionForm::Name);
            }
            true
        }
    }
}

/// Several people hold the word: the one whose surname it is, else the
/// principal, else the one named last before it.
fn pick_among_people(p: &mut LonePass, w: &Lone, people: &[usize]) -> Option<usize> {
    let ents = &p.linker.ents;
    let toks = p.linker.ctx.tokens;
    let by_last: Vec<usize> =
        people.iter().copied().filter(|&id| ents.words[id].last().is_some_and(|x| x == w.word)).collect();
    if let [id] = by_last[..] {
        fire(toks, "link.person_by_surname", w.cand.t0(), w.cand.t1());
        return Some(id);
    }
    let count = |id: usize| p.mention_count.get(&id).copied().unwrap_or(0);
    // The two named most often, as (mentions, id), greatest first (no sort
    // of them all).
    let (mut first, mut second) = (None, None);
    for r in people.iter().map(|&id| (count(id), id)) {
        if first.is_none_or(|f| r > f) {
            (first, second) = (Some(r), first);
        } else if second.is_none_or(|s| r > s) {
            second = Some(r);
        }
    }
    let principal = match (first, second) {
        (Some(f), Some(s)) if f.0 >= 2 * s.0.max(1) => Some(f.1),
        _ => None,
    };
    let pick = if principal.is_some() {
        fire(toks, "link.principal_person", w.cand.t0(), w.cand.t1());
        principal
    } else {
        let last_before = |id: usize| {
            let at = p.named_at.get(&id)?;
            at.partition_point(|&x| x < w.span.start).checked_sub(1).map(|i| at[i])
        };
        let pick = people.iter().filter_map(|&id| last_before(id).map(|x| (x, id))).max().map(|(_, id)| id);
        fire(
            toks,
            if pick.is_some() { "link.person_named_last" } else { "link.ambiguous_person_left" },
            w.cand.t0(),
            w.cand.t1(),
        );
        pick
    };
    if let Some(id) = pick {
        *p.mention_count.entry(id).or_default() += 1;
    }
    pick
}

/// A storm by its own name ("Marnie" for Cyclone Marnie), or "the Cyclone"
/// for the one storm named.
fn storm_by_name(p: &mut LonePass, w: &Lone) -> bool {
    let Some(id) = storm_named(&p.linker.ents, w.word) else { return false };
    p.mention(w, id, MentionForm::Name);
    true
}

/// "the Games": the head word of the one event of that kind named in full
/// ("Harbour Games"), not of one edition ("the 2012 Summer Games").
fn event_by_head_word(p: &mut LonePass, w: &Lone) -> bool {
    let word = w.word;
    let event = p.linker.ents.only_one(word, |kind, x| {
        kind == EntityKind::Event && x.len() >= 2 && x[x.len() - 1] == word && !is_year(&x[0])
    });
    let Some(id) = event else { return false };
    p.mention(w, id, MentionForm::Alias);
    true
}

/// "the Council" after "Dover City Council": the head word (its last word,
/// or the word before "of") of the one organization named in full with it.
fn organization_by_head_word(p: &mut LonePass, w: &Lone) -> bool {
    let c = w.cand;
    if c.t0() == 0 || p.linker.ctx.lower[c.t0() - 1] != "the" || c.sentence_initial {
        return false;
    }
    let word = w.word;
    let org = p.linker.ents.only_one(word, |kind, x| {
        let head = x.iter().position(|y| y == "of").filter(|&k| k > 0).map_or(x.len() - 1, |k| k - 1);
        kind == EntityKind::Organization && x.len() >= 2 && x[head] == word
    });
    let Some(id) = org else { return false };
    p.mention(w, id, MentionForm::Alias);
    true
}

/// "ROTC" after "Harbour College ROTC": an acronym that ends the name of
/// one thing named before or after is a short name for it.
fn acronym_ending_name(p: &mut LonePass, w: &Lone) -> bool {
    let (lx, word) = (p.linker.lx, w.word);
    let raw = p.linker.ctx.tokens[w.cand.t0()].text(p.linker.ctx.text);
    // (Not a word in capitals, "MIAMI", "NEWS", nor a known place.)
    if !is_acronym(raw) || w.cand.kind.is_some() || lx.is_place_or_country(word) || lx.is_common_word(word) {
        return false;
    }
    let thing = p
        .linker
        .ents
        .only_one(word, |kind, x| kind != EntityKind::Person && x.len() >= 2 && x.last().is_some_and(|y| y == word));
    let Some(id) = thing else { return false };
    p.mention(w, id, MentionForm::Alias);
    true
}

/// The first word of one organization's name ("Velden" for Velden Motors),
/// else of one place's ("Calvera" for Calvera Baths, not an everyday word
/// like "Port"), is a short name for it; not a known place itself, a word
/// after a place preposition, or a sentence's everyday first word.
fn thing_by_first_word(p: &mut LonePass, w: &Lone) -> bool {
    let (ctx, lx, ents) = (p.linker.ctx, p.linker.lx, &p.linker.ents);
    let (word, c) = (w.word, w.cand);
    let known_place = lx.places.contains_key(word)
        || lx.country_index.contains_key(word)
        || comma_place_after(ctx.text, ctx.tokens, ctx.lower, c.t1(), lx);
    let plain_opener = c.sentence_initial && lx.is_common_word(word);
    let first_word_of = |kind: EntityKind| -> Vec<usize> {
        ents.with_word(word)
            .iter()
            .copied()
            .filter(|&id| ents.entities[id].kind == kind && ents.words[id].len() >= 2 && ents.words[id][0] == word)
            .collect()
    };
    let orgs = if place_context(ctx.text, ctx.tokens, ctx.lower, c.t0(), lx) || known_place || plain_opener {
        Vec::new()
    } else {
        first_word_of(EntityKind::Organization)
    };
    let things = if orgs.is_empty() && !known_place && !lx.is_common_word(word) {
        first_word_of(EntityKind::Place)
    } else {
        orgs
    };
    let [id] = things[..] else { return false };
    p.mention(w, id, MentionForm::Alias);
    true
}

/// A lone capitalized everyday word or given name of a headline names
/// nothing by itself.
fn headline_everyday_word(p: &mut LonePass, w: &Lone) -> bool {
    let lx = p.linker.lx;
    let word = w.word;
    let common = lx.is_common_word(word);
    let given_only = lx.first_names.contains_key(word) && !lx.surnames.contains(word);
    w.cand.headline && (common || given_only) && !lx.places.contains_key(word) && lexicon_entity(word, lx).is_none()
}

/// "The Beacon reported", "the Ledger said": a publication speaking.
fn outlet_speaking(p: &mut LonePass, w: &Lone) -> bool {
    let (ctx, lx, c) = (p.linker.ctx, p.linker.lx, w.cand);
    let (toks, lower) = (ctx.tokens, ctx.lower);
    // ("Leaders in the West said": the object of a preposition is no subject.)
    let after_preposition = c.t0() > 1 && lx.classes.prepositions.contains(lower[c.t0() - 2].as_str());
    let outlet = c.t0() > 0
        && lower[c.t0() - 1] == "the"
        && !after_preposition
        && speech_verb_at(toks, lower, c.t1(), lx)
        && !lx.titles.contains(w.word)
        && !lx.function_words.contains(w.word)
        && !plural_common_noun(w.word, lx)
        && !is_acronym(toks[c.t0()].text(ctx.text));
    if outlet {
        let id = p.linker.ents.add_entity(
            EntityKind::Organization,
            span_text(ctx.text, toks, c.t0(), c.t1()).into_owned(),
            "kind.outlet_speaking",
        );
        p.linker.by_key.insert(w.word.to_string(), id);
        p.mention(w, id, MentionForm::Name);
    }
    outlet
}

/// A sentence's first word used lowercase elsewhere, or a function word.
fn sentence_initial_word(p: &mut LonePass, w: &Lone) -> bool {
    let lx = p.linker.lx;
    w.cand.sentence_initial && (p.linker.seen_lower.contains(w.word) || lx.function_words.contains(w.word))
}

/// A sentence's first word is a name only when it is no everyday word
/// ("Zentrix announced"), a known name, or a speaker ("Brennan said").
fn sentence_initial_everyday_word(p: &mut LonePass, w: &Lone) -> bool {
    let (ctx, lx, c, word) = (p.linker.ctx, p.linker.lx, w.cand, w.word);
    c.sentence_initial
        && lx.is_common_word(word)
        && !lx.surnames.contains(word)
        && !lx.first_names.contains_key(word)
        && (!followed_by_speech(ctx.tokens, ctx.lower, c.t0(), c.t1(), lx) || plural_common_noun(word, lx))
}

/// A contraction opening a sentence is no name: "Y'all", "Ain't", or one
/// written without its apostrophe ("Theres", "Dont").
fn contraction(p: &mut LonePass, w: &Lone) -> bool {
    let lx = p.linker.lx;
    let word = w.word.replace('\u{2019}', "'");
    let clipped =
        word.split_once('\'').is_some_and(|(_, rest)| matches!(rest, "ll" | "t" | "ve" | "re" | "d" | "m" | "all"));
    w.cand.sentence_initial && (clipped || lx.classes.bare_contractions.contains(word.as_str()))
}

/// A new entity of the kind the word's evidence shows (see
/// [`super::kind::lone_word`]), or no name.
fn new_lone_name(p: &mut LonePass, w: &Lone) -> bool {
    let toks = p.linker.ctx.tokens;
    let c = w.cand;
    let (kind, origin) = match kind::lone_word(p, w) {
        kind::Choice::Kind(kind, rule) => {
            fire(toks, rule, c.t0(), c.t1());
            (kind, rule)
        }
        kind::Choice::NotAName(rule) | kind::Choice::Lone(_, rule) => {
            fire(toks, rule, c.t0(), c.t1());
            return true;
        }
    };
    let l = &mut *p.linker;
    let id = l.ents.add_entity(kind, span_text(l.ctx.text, toks, c.t0(), c.t1()).into_owned(), origin);
    merge_titles(&mut l.ents, id, c);
    if c.gender != Gender::Unknown {
        l.ents.gender[id] = c.gender;
    } else if kind == EntityKind::Person {
        l.ents.gender[id] = l.lx.first_name_gender(w.word).unwrap_or(Gender::Unknown);
    }
    l.by_key.insert(w.word.to_string(), id);
    p.mention(w, id, MentionForm::Name);
    true
}
