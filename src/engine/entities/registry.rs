//! The registry of entities: records, their mentions, and the lookups that
//! linking uses (name words, initials); merging and compaction.

use super::*;
use crate::engine::lexicon::key_into;

/// A mention found in the text, before it is gathered into entities.
///
/// 20 bytes (a 5 MB article has 110,000): offsets, token indices and the
/// entity as `u32`, as token offsets are, the form in the entity's top two
/// bits; read through the methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    start: u32,
    end: u32,
    /// `form << 30 | entity`.
    entity: u32,
    /// Index of the first token of the mention.
    tok: u32,
    /// Index one past the last token.
    tok_end: u32,
}

/// The entity's bits in [`Found::entity`] (the form has the two above).
const ENTITY_BITS: u32 = (1 << 30) - 1;

impl Found {
    /// A mention of `entity` over `span`, tokens `tok..tok_end`.
    pub fn new(span: Span, entity: usize, form: MentionForm, tok: usize, tok_end: usize) -> Found {
        let small = |n: usize| u32::try_from(n).expect("offsets below 4 GiB, as tokens are");
        let mut found = Found {
            start: small(span.start),
            end: small(span.end),
            entity: 0,
            tok: small(tok),
            tok_end: small(tok_end),
        };
        found.set_entity(entity);
        found.set_form(form);
        found
    }
    /// The mention's byte span.
    #[inline]
    pub const fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
    /// The entity it refers to.
    #[inline]
    pub const fn entity(&self) -> usize {
        (self.entity & ENTITY_BITS) as usize
    }
    /// Refers it to entity `id` instead.
    pub fn set_entity(&mut self, id: usize) {
        let id = u32::try_from(id).ok().filter(|&id| id <= ENTITY_BITS).expect("fewer than 2^30 entities");
        self.entity = self.entity & !ENTITY_BITS | id;
    }
    /// How it refers to its entity.
    #[inline]
    pub const fn form(&self) -> MentionForm {
        match self.entity >> 30 {
            0 => MentionForm::Name,
            1 => MentionForm::Alias,
            _ => MentionForm::Pronoun,
        }
    }
    /// Makes it refer to its entity as `form`.
    pub fn set_form(&mut self, form: MentionForm) {
        let bits = match form {
            MentionForm::Name => 0,
            MentionForm::Alias => 1,
            MentionForm::Pronoun => 2,
        };
        self.entity = self.entity & ENTITY_BITS | bits << 30;
    }
    /// Index of the first token of the mention.
    #[inline]
    pub const fn tok(&self) -> usize {
        self.tok as usize
    }
    /// Index one past the last token.
    #[inline]
    pub const fn tok_end(&self) -> usize {
        self.tok_end as usize
    }
}

/// The entity stage's result: entities plus every mention in text order.
#[derive(Debug, Default)]
pub struct Entities {
    pub entities: Vec<Entity>,
    /// Gender evidence per entity (people only).
    pub gender: Vec<Gender>,
    /// The rule that made each entity (a feature of the kind decision).
    pub(super) origin: Vec<&'static str>,
    /// All mentions, sorted by start.
    pub mentions: Vec<Found>,
    /// Each entity's name as lookup keys, word by word.
    pub(super) words: Vec<Vec<String>>,
    /// Name word -> entities whose name holds it.
    pub(super) word_index: FxHashMap<String, Vec<usize>>,
    /// Initials of each multi-word name ("un" for United Nations) -> entity.
    pub(super) initials_index: FxHashMap<String, usize>,
    /// Where the last mention search ended; the next one starts there.
    pub(super) cursor: std::cell::Cell<usize>,
    /// Each entity's mention starts in text order, from [`finish`] until
    /// [`fill_mentions`] makes `Entity::mentions` (4 bytes a mention, not 24).
    starts: Vec<Vec<u32>>,
}

impl Entities {
    /// Mentions whose start lies in `[from, to)`.
    pub fn in_range(&self, from: usize, to: usize) -> &[Found] {
        let a = partition_near(&self.mentions, self.cursor.get(), |m| m.span().start < from);
        let b = partition_near(&self.mentions, a, |m| m.span().start < to);
        self.cursor.set(a);
        &self.mentions[a..b]
    }

    /// How many mentions entity `id` has (once [`finish`]ed).
    pub fn mention_count(&self, id: usize) -> usize {
        self.starts[id].len()
    }

    /// Where the last mention of entity `id` before byte `pos` starts.
    pub fn last_mention_before(&self, id: usize, pos: usize) -> Option<usize> {
        let s = &self.starts[id];
        let i = s.partition_point(|&p| (p as usize) < pos);
        i.checked_sub(1).map(|i| s[i] as usize)
    }

    /// The mention covering byte `pos`, if any.
    pub fn at(&self, pos: usize) -> Option<&Found> {
        let i = partition_near(&self.mentions, self.cursor.get(), |m| m.span().start <= pos);
        self.cursor.set(i);
        self.mentions[..i].iter().rev().take(3).find(|m| m.span().contains_pos(pos))
    }

    pub(super) fn add_entity(&mut self, kind: EntityKind, name: String, origin: &'static str) -> usize {
        let id = self.entities.len();
        let words: Vec<String> = name.split_whitespace().map(key).collect();
        for w in &words {
            index_word(&mut self.word_index, w, |ids| {
                if ids.last() != Some(&id) {
                    ids.push(id);
                }
            });
        }
        if words.len() >= 2 {
            self.initials_index.entry(initials(&name)).or_insert(id);
        }
        self.words.push(words);
        self.entities.push(Entity { id, kind, name, titles: Vec::new(), mentions: Vec::new() });
        self.gender.push(Gender::Unknown);
        self.origin.push(origin);
        id
    }

    /// Entities whose name holds the word (a lookup key).
    pub(super) fn with_word(&self, word: &str) -> &[usize] {
        self.word_index.get(word).map_or(&[], Vec::as_slice)
    }

    /// The one entity whose name holds `word` and `fits` (its kind and name
    /// words), if exactly one does.
    pub(super) fn only_one(&self, word: &str, fits: impl Fn(EntityKind, &[String]) -> bool) -> Option<usize> {
        let mut hits = self.with_word(word).iter().copied().filter(|&id| fits(self.entities[id].kind, &self.words[id]));
        match (hits.next(), hits.next()) {
            (Some(id), None) => Some(id),
            _ => None,
        }
    }
}

pub(super) fn merge_titles(ents: &mut Entities, id: usize, c: &Cand) {
    if let Some(t) = c.title() {
        if !ents.entities[id].titles.contains(t) {
            ents.entities[id].titles.push(t.clone());
        }
    }
    if c.gender != Gender::Unknown {
        ents.gender[id] = c.gender;
    }
}

/// Points the mentions and lookup keys of each entity `moved` names at the
/// entity it is merged into.
pub(super) fn move_entities(
    ents: &mut Entities,
    moved: &FxHashMap<usize, usize>,
    by_key: &mut FxHashMap<String, usize>,
) {
    if moved.is_empty() {
        return;
    }
    for m in &mut ents.mentions {
        if let Some(&to) = moved.get(&m.entity()) {
            m.set_entity(to);
        }
    }
    for v in by_key.values_mut() {
        if let Some(&to) = moved.get(v) {
            *v = to;
        }
    }
}

/// Adds to the ids `index` holds under the word `w` (none yet for a new
/// word; a word already indexed keeps its key: no copy of it).
fn index_word(index: &mut FxHashMap<String, Vec<usize>>, w: &str, add: impl FnOnce(&mut Vec<usize>)) {
    match index.get_mut(w) {
        Some(ids) => add(ids),
        None => {
            let mut ids = Vec::new();
            add(&mut ids);
            index.insert(w.to_string(), ids);
        }
    }
}

/// Drops entities left without mentions and renumbers ids.
pub(super) fn compact(ents: &mut Entities) {
    let n = ents.entities.len();
    let mut used = vec![false; n];
    for m in &ents.mentions {
        used[m.entity()] = true;
    }
    let mut new_id = vec![usize::MAX; n];
    let mut kept = Vec::new();
    let mut genders = Vec::new();
    let mut origins = Vec::new();
    for (i, e) in ents.entities.drain(..).enumerate() {
        if used[i] {
            new_id[i] = kept.len();
            let mut e = e;
            e.id = kept.len();
            kept.push(e);
            genders.push(ents.gender[i]);
            origins.push(ents.origin[i]);
        }
    }
    ents.entities = kept;
    ents.gender = genders;
    ents.origin = origins;
    // (The name words of the entities kept, as `add_entity` split them:
    // names change only in `finish`, after the last compaction.)
    let words = std::mem::take(&mut ents.words);
    ents.words = words.into_iter().zip(used).filter_map(|(w, used)| used.then_some(w)).collect();
    debug_assert!(ents.entities.iter().zip(&ents.words).all(|(e, w)| e
        .name
        .split_whitespace()
        .map(key)
        .eq(w.iter().cloned())));
    // The index made anew, each word's ids in order, its keys kept.
    ents.word_index.values_mut().for_each(Vec::clear);
    for (id, ws) in ents.words.iter().enumerate() {
        for w in ws {
            index_word(&mut ents.word_index, w, |ids| ids.push(id));
        }
    }
    ents.word_index.retain(|_, ids| !ids.is_empty());
    ents.initials_index.clear();
    for m in &mut ents.mentions {
        m.set_entity(new_id[m.entity()]);
    }
}

/// Personal pronouns and their gender.
pub fn pronoun_gender(lower: &str) -> Option<Gender> {
    match lower {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// Sorts the found mentions, notes each entity's mention starts (see
/// [`Entities::mention_count`]), and makes each canonical name a form the
/// text itself uses (the fullest one): a lexicon name such as
/// "International Monetary Fund" stays only if it appears.
/// `Entity::mentions` is made later, by [`fill_mentions`].
pub fn finish(ents: &mut Entities, text: &str) {
    ents.mentions.sort_by_key(|m| (m.span().start, m.span().end));
    // Each entity's mentions, as indices into the sorted list.
    let mut of_entity: Vec<Vec<u32>> = vec![Vec::new(); ents.entities.len()];
    for (i, m) in ents.mentions.iter().enumerate() {
        of_entity[m.entity()].push(i as u32);
    }
    let found = &ents.mentions;
    // (One buffer for the keys of the forms: no string a mention.)
    let mut buf = String::new();
    for ((e, origin), own) in ents.entities.iter_mut().zip(&ents.origin).zip(&of_entity) {
        let forms = own
            .iter()
            .map(|&i| found[i as usize])
            .filter(|m| m.form() != MentionForm::Pronoun)
            .map(|m| m.span().slice(text))
            .filter(|f| f.chars().next().is_some_and(char::is_uppercase));
        let name_key = key(&e.name);
        // (A name put together from its parts, "Jane Austen" from "Austen,
        // Jane.", stays.)
        // (Nor does a known place named by its abbreviation, "Calif." for
        // California.)
        let put_together = *origin == "link.place_by_abbreviation"
            || e.kind == EntityKind::Person
                && e.name.split_whitespace().count() >= 2
                && words_named(forms.clone(), &name_key, &mut buf);
        if put_together {
            continue;
        }
        // Else the fullest form, unless one is the name itself.
        let mut fullest: Option<&str> = None;
        for f in forms {
            key_into(f, &mut buf);
            if buf == name_key {
                fullest = None;
                break;
            }
            if fullest.is_none_or(|b| f.chars().count() > b.chars().count()) {
                fullest = Some(f);
            }
        }
        if let Some(f) = fullest {
            e.name = f.to_string();
        }
    }
    for own in &mut of_entity {
        own.iter_mut().for_each(|i| *i = found[*i as usize].span().start as u32);
    }
    ents.starts = of_entity;
}

/// True when every word of `name_key` is the key of a word of one of
/// `forms` (`buf`: room for those keys).
fn words_named<'t>(forms: impl Iterator<Item = &'t str>, name_key: &str, buf: &mut String) -> bool {
    let words: Vec<&str> = name_key.split(' ').collect();
    let mut named = vec![false; words.len()];
    for x in forms.flat_map(str::split_whitespace) {
        key_into(x, buf);
        words.iter().zip(&mut named).for_each(|(w, n)| *n |= *w == buf.as_str());
        if named.iter().all(|&n| n) {
            return true;
        }
    }
    false
}

/// Fills `Entity::mentions` from the found mentions (sorted by [`finish`]),
/// each list at its final size (they are kept in the document).
pub fn fill_mentions(ents: &mut Entities) {
    let mut counts = vec![0usize; ents.entities.len()];
    ents.mentions.iter().for_each(|m| counts[m.entity()] += 1);
    for (e, n) in ents.entities.iter_mut().zip(counts) {
        e.mentions.clear();
        e.mentions.reserve_exact(n);
    }
    ents.starts = Vec::new();
    for m in &ents.mentions {
        ents.entities[m.entity()].mentions.push(Mention { start: m.span().start, end: m.span().end, form: m.form() });
    }
}
