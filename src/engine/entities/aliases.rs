//! Descriptions that stand for an entity already named: epithets, "the
//! `<head word>`", roles.

use super::*;

/// Lowercase descriptions that stand for an entity already named: stock
/// epithets from the lexicon ("the world body") and "the <head word>" for a
/// document, event or organization named before ("the initiative").
pub(super) fn descriptive_aliases(inp: &Context, lx: &Lexicon, ents: &mut Entities) {
    lexicon_epithets(inp, lx, ents);
    head_word_aliases(inp, lx, ents);
}

/// Epithets from `assets/orgs.tsv` ("the world body" for the United
/// Nations), where the organization is named.
fn lexicon_epithets(inp: &Context, lx: &Lexicon, ents: &mut Entities) {
    let (text, toks) = (inp.text, inp.tokens);
    let name_keys: FxHashMap<String, usize> = ents.entities.iter().map(|e| (key(&e.name), e.id)).collect();
    for org in lx.orgs {
        let Some(&id) = name_keys.get(&key(org.name)) else { continue };
        for alias in org.aliases.iter().filter(|a| a.starts_with("the ")) {
            let phrase = &alias[4..];
            let mut from = 0;
            while let Some(k) = text[from..].find(phrase) {
                let s = from + k;
                let e = s + phrase.len();
                from = e;
                let bounded = !text[..s].chars().next_back().is_some_and(char::is_alphanumeric)
                    && !text[e..].chars().next().is_some_and(char::is_alphanumeric);
                let the_before = s >= 4 && text.get(s - 4..s).is_some_and(|b| b.eq_ignore_ascii_case("the "));
                if bounded && the_before {
                    crate::engine::trace::fire("entities", "alias.lexicon_epithet", Span::new(s, e));
                    let t0 = crate::engine::text::token_at(toks, s);
                    ents.mentions.push(Found::new(
                        Span::new(s, e),
                        id,
                        MentionForm::Alias,
                        t0,
                        t0 + phrase.split_whitespace().count(),
                    ));
                }
            }
        }
    }
}

/// "the initiative", "the report", "the firm", "the city": the latest
/// document, event, organization or place named before whose head word it
/// is, else the latest organization or document for a class noun.
fn head_word_aliases(inp: &Context, lx: &Lexicon, ents: &mut Entities) {
    let toks = inp.tokens;
    // Head word -> (position, entity) of the mentions of non-people whose
    // name holds that word, in text order; the same by kind for the classes
    // looked up. (Only the words and kinds asked for below: a word such as
    // "of" had a list of every mention of a "Ministry of ...".)
    let head_word = |w: &str| {
        lx.document_words.contains(w)
            || lx.event_words.contains(w)
            || lx.org_words.contains(w)
            || lx.classes.company_nouns.contains(w)
            || lx.classes.settlement_nouns.contains(w)
    };
    let heads: Vec<Vec<&str>> =
        ents.words.iter().map(|ws| ws.iter().map(String::as_str).filter(|w| head_word(w)).collect()).collect();
    let mut named: FxHashMap<&str, Vec<(usize, usize)>> = FxHashMap::default();
    let mut by_kind: FxHashMap<EntityKind, Vec<(usize, usize)>> = FxHashMap::default();
    let mut sorted: Vec<&Found> = ents.mentions.iter().collect();
    sorted.sort_by_key(|m| m.span().start);
    for m in sorted {
        let kind = ents.entities[m.entity()].kind;
        if matches!(kind, EntityKind::Document | EntityKind::Organization) {
            by_kind.entry(kind).or_default().push((m.span().start, m.entity()));
        }
        if kind != EntityKind::Person {
            for w in &heads[m.entity()] {
                named.entry(w).or_default().push((m.span().start, m.entity()));
            }
        }
    }
    let lower = inp.lower;
    let mut extra = Vec::new();
    for k in words_after_the(inp, lx) {
        let t = toks[k];
        let w = lower[k].as_str();
        let company = lx.classes.company_nouns.contains(w);
        let settlement = lx.classes.settlement_nouns.contains(w);
        let heads = [&lx.document_words, &lx.event_words, &lx.org_words].iter().any(|l| l.contains(w));
        if !(heads || company || settlement) {
            continue;
        }
        // ("the city": only a name whose head word it is, "City of Tarrow",
        // not "City Council".)
        let fits = |id: usize| !settlement || heads || self::head_word(&ents.words[id]) == w;
        let found = named.get(w).and_then(|list| {
            let before = list.partition_point(|&(s, _)| s < t.start());
            before.checked_sub(1).map(|i| list[i].1).filter(|&id| fits(id))
        });
        // Else "the company", "the report": the latest organization or
        // document named shortly before.
        let class = if lx.document_words.contains(w) {
            Some(EntityKind::Document)
        } else if company {
            // (Only a generic class noun: "the council" is no alias of the
            // last organization named unless that is a council.)
            Some(EntityKind::Organization)
        } else {
            None
        };
        let found = found.or_else(|| {
            let list = by_kind.get(&class?)?;
            let before = list.partition_point(|&(s, _)| s < t.start());
            let (pos, id) = *list.get(before.checked_sub(1)?)?;
            (t.start() - pos < CLASS_NOUN_REACH).then_some(id)
        });
        if let Some(id) = found {
            crate::engine::trace::fire("entities", "alias.the_head_word", t.span());
            extra.push(Found::new(t.span(), id, MentionForm::Alias, k, k + 1));
        }
    }
    ents.mentions.extend(extra);
}

/// The lowercase words after "the", in order: "the firm", "the security
/// firm", "the Ottawa-based tech company" (up to two modifiers between "the"
/// and the word). Found from each "the", not by looking back from every word.
fn words_after_the<'c>(inp: &'c Context, lx: &'c Lexicon) -> impl Iterator<Item = usize> + 'c {
    let (text, toks, lower) = (inp.text, inp.tokens, inp.lower);
    let modifier = move |j: usize| {
        toks[j].is_word()
            && (!toks[j].cap() || lower[j].ends_with("-based"))
            && !lx.function_words.contains(lower[j].as_str())
    };
    let the = move |j: &usize| {
        let t = toks[*j];
        t.end() - t.start() == 3 && t.text(text).eq_ignore_ascii_case("the")
    };
    // (A word two "the"s reach is taken once.)
    let mut last = 0;
    (0..toks.len())
        .filter(the)
        .flat_map(move |j| (j + 1..(j + 4).min(toks.len())).take_while(move |&k| k == j + 1 || modifier(k - 1)))
        .filter(move |&k| toks[k].is_word() && !toks[k].cap())
        .filter(move |&k| {
            let new = k > last;
            last = last.max(k);
            new
        })
}

/// The head word of a name's words: the one before "of", else the last.
fn head_word(words: &[String]) -> &str {
    let of = words.iter().position(|w| w == "of").filter(|&i| i > 0);
    of.map_or_else(|| words.last().map_or("", String::as_str), |i| words[i - 1].as_str())
}

/// How far back (bytes) "the company" may reach for the organization it
/// stands for.
pub(super) const CLASS_NOUN_REACH: usize = 1500;

/// Who holds one role, for "the mayor": where it is first held and by
/// whom, and where someone else first holds it. That is all "the one
/// holder before a point" needs: three numbers a role, not a list of
/// every holding (a long article has hundreds of thousands).
#[derive(Clone, Copy)]
struct RoleHolders {
    /// Where the role is first held, and by whom (of several there, any:
    /// `other_from` is then `first` too).
    first: u32,
    holder: u32,
    /// Where someone other than `holder` first holds it (`u32::MAX`: nowhere).
    other_from: u32,
}

impl RoleHolders {
    fn new(pos: u32, id: u32) -> RoleHolders {
        RoleHolders { first: pos, holder: id, other_from: u32::MAX }
    }

    /// Records that entity `id` holds the role at `pos` (holdings come in
    /// any order).
    fn add(&mut self, pos: u32, id: u32) {
        if id == self.holder {
            self.first = self.first.min(pos);
        } else if pos < self.first {
            // (Every holding so far is at the old first or after it.)
            *self = RoleHolders { first: pos, holder: id, other_from: self.first };
        } else {
            self.other_from = self.other_from.min(pos);
        }
    }

    /// The one person holding the role before `pos`, if exactly one does.
    fn sole_before(&self, pos: u32) -> Option<usize> {
        (self.first < pos && self.other_from >= pos).then_some(self.holder as usize)
    }
}

/// "the mayor", "the senator": a role named before for exactly one person
/// ("Mayor Dora Kessler", "union president X", "X, director of ...")
/// refers back to the most recent person holding it.
pub(super) fn role_aliases(inp: &Context, lx: &Lexicon, ents: &mut Entities) {
    let toks = inp.tokens;
    let lower = |k: usize| inp.lower[k].as_str();
    let is_role =
        |w: &str| lx.titles.contains(w) && !lx.classes.not_roles.contains(w) && !lx.honorifics.contains_key(w);
    let holders = role_holders(inp, lx, ents, &is_role);
    if holders.is_empty() {
        return;
    }
    let mut extra = Vec::new();
    for k in 0..toks.len() {
        // (Read from the text: no lowercase lookup for every token.)
        let t = toks[k];
        if t.end() - t.start() != 3 || !t.text(inp.text).eq_ignore_ascii_case("the") {
            continue;
        }
        // "the mayor", "the former mayor", "the city's mayor".
        for r in k + 1..(k + 4).min(toks.len()) {
            let t = toks[r];
            if !t.is_word() || t.cap() {
                break;
            }
            let w = lower(r);
            if !is_role(w) {
                continue;
            }
            if toks.get(r + 1).is_some_and(|n| n.is_word() && !n.cap() && lx.titles.contains(lower(r + 1))) {
                break; // "the union president": the role is the next word
            }
            if let Some(id) = holders.get(w).and_then(|h| h.sole_before(t.start() as u32)) {
                crate::engine::trace::fire("entities", "alias.role_of_named", Span::new(toks[k].start(), t.end()));
                extra.push(Found::new(Span::new(toks[k].start(), t.end()), id, MentionForm::Alias, k, r + 1));
            }
            break;
        }
    }
    ents.mentions.extend(extra);
}

/// Who holds each role: the roles of every person's name mention, from its
/// titles, lowercase role words right before it and an appositive after it.
fn role_holders<'a>(
    inp: &Context<'a>,
    lx: &'a Lexicon,
    ents: &Entities,
    is_role: &dyn Fn(&str) -> bool,
) -> FxHashMap<&'a str, RoleHolders> {
    let (text, toks, lower): (_, _, &'a Lower<'a>) = (inp.text, inp.tokens, inp.lower);
    let lower = |k: usize| lower[k].as_str();
    let mut holders: FxHashMap<&str, RoleHolders> = FxHashMap::default();
    // The roles in each entity's titles, as the lexicon spells them (once per entity).
    let mut title_roles: Vec<Option<Vec<&str>>> = vec![None; ents.entities.len()];
    for m in &ents.mentions {
        if ents.entities[m.entity()].kind != EntityKind::Person || m.form() != MentionForm::Name {
            continue;
        }
        let mut roles: Vec<&str> = title_roles[m.entity()]
            .get_or_insert_with(|| {
                ents.entities[m.entity()]
                    .titles
                    .iter()
                    .flat_map(|t| {
                        t.split(|c: char| c.is_whitespace() || c == '.').map(str::to_lowercase).collect::<Vec<_>>()
                    })
                    .filter(|w| is_role(w))
                    .filter_map(|w| lx.titles.stored(&w))
                    .collect()
            })
            .clone();
        // Lowercase role words right before: "union president X".
        let mut k = m.tok();
        while k > 0 && m.tok() - k < 3 {
            k -= 1;
            if !toks[k].is_word() || toks[k].cap() {
                break;
            }
            let w = lower(k);
            if is_role(w) {
                roles.push(w);
            }
        }
        // An appositive: "X, director of ...", "X, the city's mayor".
        if toks.get(m.tok_end()).is_some_and(|t| t.text(text) == ",") {
            for k in m.tok_end() + 1..(m.tok_end() + 5).min(toks.len()) {
                if !toks[k].is_word() {
                    break;
                }
                let w = lower(k);
                if is_role(w) {
                    roles.push(w);
                    break;
                }
            }
        }
        let (pos, id) = (m.span().start as u32, m.entity() as u32);
        for r in roles {
            holders.entry(r).and_modify(|h| h.add(pos, id)).or_insert(RoleHolders::new(pos, id));
        }
    }
    holders
}
