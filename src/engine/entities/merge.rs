//! Merges after the first pass: short forms of a person's name, names
//! that begin longer ones, descriptors before a name.

use super::*;

/// "AG Kessler").
pub(super) fn merge_surname_variants(
    ents: &mut Entities,
    lx: &Lexicon,
    by_key: &mut FxHashMap<String, usize>,
) -> Vec<usize> {
    let mut merged = Vec::new();
    let n = ents.entities.len();
    let mut moved: FxHashMap<usize, usize> = FxHashMap::default();
    for p in 0..n {
        let pw = &ents.words[p];
        if ents.entities[p].kind != EntityKind::Person || pw.len() != 2 || pw[0].chars().count() == 1 {
            continue;
        }
        if let Some(q) = with_middle_name(ents, p, &moved) {
            // "Jason Orrin" in a caption before "Jason Tavi Orrin": the
            // same person, named first without the middle name.
            fire_entity(ents, "merge.middle_name_left_out", p);
            moved.insert(p, q);
            merged.push(p);
            continue;
        }
        if lx.first_names.contains_key(pw[0].as_str()) {
            // "Ron Balton" beside "Ronald Balton", "Bill Balton" beside
            // "William Balton": a short form of the same first name and the
            // same surname.
            let longer: Vec<usize> = ents
                .with_word(&pw[1])
                .iter()
                .copied()
                .filter(|&q| q != p && ents.entities[q].kind == EntityKind::Person && !moved.contains_key(&q))
                .filter(|&q| {
                    let qw = &ents.words[q];
                    qw.len() == 2
                        && qw[1] == pw[1]
                        && (qw[0].len() > pw[0].len()
                            && pw[0].chars().count() >= 3
                            && qw[0].starts_with(pw[0].as_str())
                            || lx.is_nickname(&pw[0], &qw[0]))
                })
                .collect();
            if let [q] = longer[..] {
                fire_entity(ents, "merge.short_given_name", p);
                moved.insert(p, q);
                merged.push(p);
            }
            continue;
        }
        let targets: Vec<usize> = ents
            .with_word(&pw[1])
            .iter()
            .copied()
            .filter(|&q| q != p && ents.entities[q].kind == EntityKind::Person)
            .filter(|&q| {
                let qw = &ents.words[q];
                qw.len() >= 2 && qw.last() == pw.last() && lx.first_names.contains_key(qw[0].as_str())
            })
            .collect();
        if let [q] = targets[..] {
            fire_entity(ents, "merge.title_or_verb_before_surname", p);
            moved.insert(p, q);
            merged.push(p);
        }
    }
    move_entities(ents, &moved, by_key);
    merged
}

/// The one other person named by `p`'s two words with one more between
/// them (a middle name), not merged away already.
fn with_middle_name(ents: &Entities, p: usize, moved: &FxHashMap<usize, usize>) -> Option<usize> {
    let pw = &ents.words[p];
    let mut longer = ents.with_word(&pw[1]).iter().copied().filter(|&q| {
        let qw = &ents.words[q];
        q != p
            && ents.entities[q].kind == EntityKind::Person
            && !moved.contains_key(&q)
            && qw.len() == 3
            && qw[0] == pw[0]
            && qw[2] == pw[1]
    });
    let q = longer.next()?;
    longer.next().is_none().then_some(q)
}

/// A shorter name that begins a longer one of the same non-person kind is
/// the same thing ("Seoul Initiative" and "Seoul Initiative on ...").
/// "Probe Wayfarer" beside "Wayfarer": an everyday noun before a name
/// used alone elsewhere describes it; both are the one thing.
pub(super) fn link_descriptor_names(ents: &mut Entities, lx: &Lexicon) {
    let thing = |k: EntityKind| matches!(k, EntityKind::Organization | EntityKind::Other | EntityKind::Event);
    let mut remap: FxHashMap<usize, usize> = FxHashMap::default();
    for long in 0..ents.entities.len() {
        let lw = &ents.words[long];
        if lw.len() != 2 || !thing(ents.entities[long].kind) {
            continue;
        }
        let d = lw[0].as_str();
        let describes = lx.is_common_word(d)
            && !lx.org_words.contains(d)
            && !lx.place_words.contains(d)
            && !lx.event_words.contains(d)
            && !lx.adjectives.contains(d)
            && !lx.function_words.contains(d)
            && !lx.first_names.contains_key(d);
        if !describes {
            continue;
        }
        if let Some(short) = ents.only_one(&lw[1], |kind, w| w.len() == 1 && thing(kind)) {
            fire_entity(ents, "merge.descriptor_before_name", long);
            remap.insert(long, short);
        }
    }
    if remap.is_empty() {
        return;
    }
    for m in &mut ents.mentions {
        if let Some(&s) = remap.get(&m.entity()) {
            m.set_entity(s);
            m.set_form(MentionForm::Alias);
        }
    }
    compact(ents);
}

/// "Cyclone Marnee" in a headline beside "Cyclone Marnie" in the text: a
/// thing's name misspelt by one letter in its last word (same kind, same
/// other words, both spellings of five letters or more) is the same thing.
/// People are left alone ("Jon Ames" and "Joan Ames" are two).
pub(super) fn merge_misspelt_names(ents: &mut Entities, by_key: &mut FxHashMap<String, usize>) {
    let n = ents.entities.len();
    let mut moved: FxHashMap<usize, usize> = FxHashMap::default();
    for a in 0..n {
        let aw = &ents.words[a];
        if ents.entities[a].kind == EntityKind::Person || aw.len() < 2 || moved.contains_key(&a) {
            continue;
        }
        let target = ents.with_word(&aw[0]).iter().copied().find(|&b| {
            let bw = &ents.words[b];
            b != a
                && !moved.contains_key(&b)
                && ents.entities[b].kind == ents.entities[a].kind
                && bw.len() == aw.len()
                && bw[..bw.len() - 1] == aw[..aw.len() - 1]
                && one_letter_apart(&aw[aw.len() - 1], &bw[bw.len() - 1])
        });
        if let Some(b) = target {
            // The spelling named more often stays.
            let count = |id: usize| ents.mentions.iter().filter(|m| m.entity() == id).count();
            let (from, to) = if count(a) > count(b) { (b, a) } else { (a, b) };
            fire_entity(ents, "merge.misspelt_name", from);
            moved.insert(from, to);
        }
    }
    move_entities(ents, &moved, by_key);
    // (Later lookups by word see only the spelling kept.)
    for &from in moved.keys() {
        for w in ents.words[from].clone() {
            if let Some(ids) = ents.word_index.get_mut(&w) {
                ids.retain(|&id| id != from);
            }
        }
    }
}

/// "U.S. Harbor Patrol Board" beside "Harbor Patrol Board", "United States
/// Coast Guard" beside "Coast Guard": a thing's name of two words or more after
/// its country's name is the same thing (a province or a city before it
/// may name another: "Ontario Liberal Party").
pub(super) fn link_country_qualified_names(ents: &mut Entities, lx: &Lexicon) {
    let thing = |k: EntityKind| {
        matches!(k, EntityKind::Organization | EntityKind::Other | EntityKind::Event | EntityKind::Document)
    };
    let n = ents.entities.len();
    let mut remap: Vec<usize> = (0..n).collect();
    for long in 0..n {
        let lw = &ents.words[long];
        if !thing(ents.entities[long].kind) || remap[long] != long {
            continue;
        }
        let Some(p) =
            (1..=3.min(lw.len().saturating_sub(2))).find(|&p| lx.country_index.contains_key(&lw[..p].join(" ")))
        else {
            continue;
        };
        let rest = &lw[p..];
        let short = ents.only_one(&rest[0], |kind, w| thing(kind) && w == rest).filter(|&s| s != long);
        if let Some(short) = short.filter(|&s| remap[s] == s) {
            fire_entity(ents, "merge.country_before_name", short);
            remap[short] = long;
        }
    }
    alias_into(ents, &remap);
}

/// Every mention of an entity that `remap` sends elsewhere becomes an alias
/// of the entity it is sent to; the entities left without mentions go.
fn alias_into(ents: &mut Entities, remap: &[usize]) {
    for m in &mut ents.mentions {
        if remap[m.entity()] != m.entity() {
            m.set_entity(remap[m.entity()]);
            m.set_form(MentionForm::Alias);
        }
    }
    compact(ents);
}

/// "Seoul Initiative" beside "Seoul Initiative on ...": a thing's name
/// that begins a longer one of the same kind is that thing.
pub(super) fn link_name_prefixes(ents: &mut Entities) {
    let n = ents.entities.len();
    let mut remap: Vec<usize> = (0..n).collect();
    for short in 0..n {
        let kind = ents.entities[short].kind;
        let sw = &ents.words[short];
        if kind == EntityKind::Person || sw.len() < 2 {
            continue;
        }
        if let Some(&long) = ents.with_word(&sw[0]).iter().find(|&&long| {
            let lw = &ents.words[long];
            long != short && ents.entities[long].kind == kind && lw.len() > sw.len() && lw[..sw.len()] == sw[..]
        }) {
            fire_entity(ents, "merge.name_begins_longer_name", short);
            remap[short] = long;
        }
    }
    alias_into(ents, &remap);
}
