//! The fitted kind decision for things: every entity the rules made that is
//! no person gets features (the rule that made it, its name's form, the
//! word lists, the context of its mentions), and a linear model per class
//! (organization, place, other) scores them; the best class wins. People
//! stay as the rules decided (the model, fitted and cross-validated, made
//! person F1 worse). The weights (`assets/entity_kind_weights.txt`) are
//! fitted by `examples/fit_kinds.rs` on the entity dev set.

use std::sync::OnceLock;

use super::*;
use crate::engine::fit::LinearModel;

/// The classes the model chooses between, in weights-file order.
pub const CLASSES: [&str; 3] = ["organization", "place", "other"];

/// The rules that make entities, each a feature (one-hot).
const ORIGINS: [&str; 44] = [
    "run",
    "spot.web_address",
    "spot.role_word_opens_sentence",
    "link.name_written_apart",
    "link.people_by_plural_demonym",
    "link.lexicon_entity",
    "kind.person_by_title",
    "kind.quoted_title_document_word",
    "kind.quoted_title_event_head",
    "kind.quoted_title_org_head",
    "kind.quoted_title_after_document_noun",
    "kind.quoted_title_other",
    "kind.head_word",
    "kind.known_place",
    "kind.acronym_organization",
    "kind.long_name_other",
    "kind.place_by_context",
    "kind.region_of_known_place",
    "kind.person_by_evidence",
    "kind.person_by_surname_used_alone",
    "kind.place_listed_with_places",
    "kind.organization_by_default",
    "kind.person_credited_in_caption",
    "kind.camel_case_brand",
    "kind.person_titled_or_speaking",
    "kind.person_by_name_form",
    "kind.organization_acronym_or_repeated",
    "kind.institution_by_head_word",
    "kind.lone_name_other",
    "kind.outlet_speaking",
    "kind.bill_number",
    "kind.dateline_place",
    "kind.organization_by_apposition",
    "link.place_by_other_name",
    "kind.person_by_age",
    "link.place_by_abbreviation",
    "kind.person_listed_with_people",
    "kind.index_by_market_move",
    "kind.organization_name_after_the",
    "kind.organization_by_business_context",
    "kind.organization_named_for_place",
    "kind.compass_region",
    "kind.names_joined_by_ampersand",
    "kind.product_by_price",
];

/// The other features, after the origins.
const EVIDENCE: [&str; 49] = [
    "rule_person",
    "rule_organization",
    "rule_place",
    "rule_other",
    "one_word",
    "two_words",
    "three_words_or_more",
    "acronym",
    "has_digit",
    "inner_capital",
    "given_name_first",
    "surname_last",
    "org_head_word",
    "place_head_word",
    "event_or_document_head_word",
    "known_place",
    "known_country",
    "known_organization",
    "everyday_word",
    "words_used_lowercase",
    "titled",
    "mentions_log",
    "speech_after",
    "locative_before",
    "the_before",
    "all_sentence_initial",
    "all_in_headline",
    "possessive",
    "of_inside",
    "gendered",
    "preposition_before",
    "given_name_only",
    "plural_word",
    "demonym_first",
    "all_capitals",
    "person_one_word",
    "person_given_name",
    "organization_one_word",
    "event_head_word",
    "document_head_word",
    "camel_case",
    "web_name",
    "role_of_before",
    "role_after",
    "in_before",
    "listed_with_places",
    "according_to_before",
    "noun_after",
    "owner_before",
];

/// Every feature name, in weight order.
pub fn feature_names() -> &'static [&'static str] {
    static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| ORIGINS.iter().chain(EVIDENCE.iter()).copied().collect())
}

/// Feature name -> its place in [`feature_names`] (one hash a feature
/// instead of a search through the names). No name is both an origin and
/// evidence; an origin listed twice keeps its first place, as a search
/// would.
fn feature_slots() -> &'static FxHashMap<&'static str, usize> {
    static SLOTS: OnceLock<FxHashMap<&'static str, usize>> = OnceLock::new();
    SLOTS.get_or_init(|| {
        let mut slots = FxHashMap::default();
        for (i, name) in feature_names().iter().enumerate() {
            slots.entry(*name).or_insert(i);
        }
        slots
    })
}

/// One linear model per class.
pub struct KindModel {
    models: Vec<LinearModel>,
}

impl KindModel {
    /// Reads a weights file: lines `class<TAB>feature<TAB>weight`.
    pub fn parse(src: &str) -> Result<KindModel, String> {
        let mut rows = Vec::new();
        for (n, line) in src.lines().map(str::trim).enumerate() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (key, value) = line.rsplit_once('\t').ok_or_else(|| format!("line {}: no tab", n + 1))?;
            let value: f64 = value.trim().parse().map_err(|_| format!("line {}: bad weight {value:?}", n + 1))?;
            rows.push((key, value));
        }
        KindModel::from_pairs(&rows)
    }

    /// A model from `("class<TAB>feature", weight)` pairs in file order.
    pub fn from_pairs(pairs: &[(&str, f64)]) -> Result<KindModel, String> {
        let mut per_class: Vec<Vec<(&str, f64)>> = vec![Vec::new(); CLASSES.len()];
        for &(key, value) in pairs {
            let (class, feature) = key.split_once('\t').ok_or_else(|| format!("{key:?}: no class"))?;
            let slot = CLASSES.iter().position(|c| *c == class).ok_or_else(|| format!("unknown class {class:?}"))?;
            per_class[slot].push((feature, value));
        }
        let models =
            per_class.iter().map(|pairs| LinearModel::from_pairs(feature_names(), pairs)).collect::<Result<_, _>>()?;
        Ok(KindModel { models })
    }

    /// A model from one linear model per class (in [`CLASSES`] order).
    pub fn new(models: Vec<LinearModel>) -> KindModel {
        assert_eq!(models.len(), CLASSES.len(), "one model per class");
        KindModel { models }
    }

    /// The weights file text (the inverse of [`KindModel::parse`]).
    pub fn to_text(&self, header: &str) -> String {
        let mut out: String = header.lines().map(|l| format!("# {l}\n")).collect();
        for (class, model) in CLASSES.iter().zip(&self.models) {
            for line in model.to_text("").lines() {
                out.push_str(&format!("{class}\t{line}\n"));
            }
        }
        out
    }

    /// The class (index into [`CLASSES`]) with the best score.
    pub fn classify(&self, features: &[f64]) -> usize {
        let scores = self.models.iter().map(|m| m.score(features));
        scores.enumerate().fold((0, f64::NEG_INFINITY), |best, (i, s)| if s > best.1 { (i, s) } else { best }).0
    }

    /// The built-in model (`assets/entity_kind_weights.txt`).
    pub fn builtin() -> &'static KindModel {
        static MODEL: OnceLock<KindModel> = OnceLock::new();
        MODEL.get_or_init(|| {
            KindModel::from_pairs(crate::engine::lexicon::weights::ENTITY_KINDS)
                .unwrap_or_else(|e| panic!("assets/entity_kind_weights.txt: {e}"))
        })
    }
}

/// The features of entity `id`, in [`feature_names`] order.
/// `mentions`: the entity's own name and alias mentions.
pub fn features(
    ctx: &Context,
    lx: &Lexicon,
    seen_lower: &FxHashSet<&str>,
    ents: &Entities,
    id: usize,
    mentions: &[&Found],
) -> Vec<f64> {
    let mut f = vec![0.0; ORIGINS.len() + EVIDENCE.len()];
    let slots = feature_slots();
    if let Some(&slot) = slots.get(ents.origin[id]).filter(|&&slot| slot < ORIGINS.len()) {
        f[slot] = 1.0;
    }
    let mut set = |name: &str, value: f64| {
        let slot = *slots.get(name).filter(|&&slot| slot >= ORIGINS.len()).expect("a feature name");
        f[slot] = value;
    };
    let e = &ents.entities[id];
    let rule = match e.kind {
        EntityKind::Person => "rule_person",
        EntityKind::Organization => "rule_organization",
        EntityKind::Place => "rule_place",
        _ => "rule_other",
    };
    set(rule, 1.0);
    for (name, value) in name_form(lx, seen_lower, &ents.words[id], &e.name) {
        set(name, value);
    }
    for (name, value) in mention_context(ctx, lx, mentions) {
        set(name, value);
    }
    set("titled", f64::from(u8::from(!e.titles.is_empty())));
    set("gendered", f64::from(u8::from(ents.gender[id] != Gender::Unknown)));
    // Two interactions a linear model cannot form itself.
    let one_word = ents.words[id].len() == 1;
    let given = ents.words[id].first().is_some_and(|w| lx.first_names.contains_key(w.as_str()));
    set("person_one_word", f64::from(u8::from(e.kind == EntityKind::Person && one_word)));
    set("person_given_name", f64::from(u8::from(e.kind == EntityKind::Person && given)));
    set("organization_one_word", f64::from(u8::from(e.kind == EntityKind::Organization && one_word)));
    f
}

/// Features of the name itself: its length and shape, and what the word
/// lists know of its words.
fn name_form(lx: &Lexicon, seen_lower: &FxHashSet<&str>, words: &[String], name: &str) -> Vec<(&'static str, f64)> {
    let flag = |b: bool| f64::from(u8::from(b));
    let (first, last) = (words.first().map_or("", String::as_str), words.last().map_or("", String::as_str));
    let whole = key(name);
    // Head words: the last, and the one before "of" or "for" ("Bank of ...").
    let of_head = words.iter().position(|w| w == "of" || w == "for").filter(|&i| i > 0).map(|i| words[i - 1].as_str());
    let heads: Vec<&str> = of_head.into_iter().chain((words.len() > 1).then_some(last)).collect();
    let length = match words.len() {
        0 | 1 => "one_word",
        2 => "two_words",
        _ => "three_words_or_more",
    };
    vec![
        (length, 1.0),
        ("acronym", flag(words.len() == 1 && is_acronym(name))),
        ("has_digit", flag(name.chars().any(|c| c.is_ascii_digit()))),
        ("inner_capital", flag(name.split_whitespace().any(|w| w.chars().skip(1).any(char::is_uppercase)))),
        (
            "camel_case",
            flag(
                name.split_whitespace()
                    .any(|w| w.chars().skip(1).any(char::is_uppercase) && w.chars().any(char::is_lowercase)),
            ),
        ),
        (
            "web_name",
            flag(name.contains('.') && !name.ends_with('.') || first.starts_with("wiki") || last.contains("wiki")),
        ),
        ("event_head_word", flag(heads.iter().any(|h| lx.event_words.contains(*h)))),
        ("document_head_word", flag(heads.iter().any(|h| lx.document_words.contains(*h)))),
        ("given_name_first", flag(words.len() >= 2 && lx.first_names.contains_key(first))),
        ("surname_last", flag(lx.surnames.contains(last))),
        ("org_head_word", flag(heads.iter().any(|h| lx.org_words.contains(*h)))),
        ("place_head_word", flag(lx.place_words.contains(last) || lx.place_prefixes.contains(first))),
        ("event_or_document_head_word", flag(lx.event_words.contains(last) || lx.document_words.contains(last))),
        ("known_place", flag(lx.places.contains_key(&whole))),
        ("known_country", flag(lx.country_index.contains_key(&whole))),
        ("known_organization", flag(lx.org_index.contains_key(&whole))),
        ("everyday_word", flag(words.iter().all(|w| lx.is_common_word(w)))),
        ("words_used_lowercase", flag(words.iter().all(|w| seen_lower.contains(w.as_str())))),
        ("of_inside", flag(words.iter().any(|w| w == "of"))),
        (
            "given_name_only",
            flag(words.len() == 1 && lx.first_names.contains_key(first) && !lx.surnames.contains(first)),
        ),
        ("plural_word", flag(words.len() == 1 && first.ends_with('s') && !first.ends_with("ss"))),
        ("demonym_first", flag(lx.demonym_index.contains_key(first) || lx.adjectives.contains(first))),
        (
            "all_capitals",
            flag(name.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !name.chars().any(char::is_lowercase)),
        ),
    ]
}

/// Features of the places the entity is named: how often, a speech verb
/// after, a locative or "the" before, all at sentence starts or in
/// headlines, a possessive.
fn mention_context(ctx: &Context, lx: &Lexicon, mentions: &[&Found]) -> Vec<(&'static str, f64)> {
    let (toks, lower, masks) = (ctx.tokens, ctx.lower, ctx.masks);
    let any = |test: &dyn Fn(&Found) -> bool| f64::from(u8::from(mentions.iter().any(|m| test(m))));
    let all =
        |test: &dyn Fn(&Found) -> bool| f64::from(u8::from(!mentions.is_empty() && mentions.iter().all(|m| test(m))));
    let before = |m: &Found| m.tok().checked_sub(1).map(|k| lower[k].as_str());
    vec![
        ("mentions_log", (1.0 + mentions.len() as f64).ln()),
        ("speech_after", any(&|m| speech_verb_at(toks, lower, m.tok_end(), lx))),
        ("locative_before", any(&|m| before(m).is_some_and(|w| lx.classes.locatives.contains(w)))),
        ("the_before", any(&|m| before(m) == Some("the"))),
        ("all_sentence_initial", all(&|m| masks.sentence_start[m.tok()])),
        ("all_in_headline", all(&|m| masks.title_line[m.tok()])),
        ("possessive", any(&|m| toks[m.tok_end() - 1].possessive())),
        ("in_before", any(&|m| before(m) == Some("in"))),
        ("role_of_before", any(&|m| role_of_before(ctx, lx, m.tok()))),
        ("role_after", any(&|m| role_after(ctx, lx, m.tok_end()))),
        ("listed_with_places", any(&|m| coordinated_with_place(ctx.text, toks, lower, m.tok(), m.tok_end(), lx))),
        ("according_to_before", any(&|m| m.tok() >= 2 && lower[m.tok() - 2] == "according" && before(m) == Some("to"))),
        ("noun_after", any(&|m| noun_after(ctx, lx, m.tok_end()))),
        ("owner_before", any(&|m| before(m).is_some_and(|w| lx.classes.possessives.contains(w)))),
        (
            "preposition_before",
            any(&|m| before(m).is_some_and(|w| matches!(w, "at" | "for" | "by" | "with" | "from" | "of"))),
        ),
    ]
}

/// A lowercase everyday word right after that is no function word, verb
/// form or preposition ("a X poll", "X chocolate"), also after a partner
/// joined by a slash ("the X / Y poll"): the name modifies a noun, as a
/// brand's or an institution's does.
fn noun_after(ctx: &Context, lx: &Lexicon, tok_end: usize) -> bool {
    let (toks, lower) = (ctx.tokens, ctx.lower);
    let mut k = tok_end;
    if toks.get(k).is_some_and(|t| t.text(ctx.text) == "/") {
        k += 1;
        while toks.get(k).is_some_and(|t| t.is_word() && t.text(ctx.text).starts_with(char::is_uppercase)) {
            k += 1;
        }
    }
    let Some(t) = toks.get(k) else { return false };
    let w = lower[k].as_str();
    t.is_word()
        && t.text(ctx.text).starts_with(|c: char| c.is_lowercase())
        && lx.is_common_word(w)
        && !lx.function_words.contains(w)
        && !lx.classes.prepositions.contains(w)
        && !lx.speech_verbs.contains_key(w)
        && !w.ends_with("ed")
        && (!w.ends_with('s') || w.ends_with("ss"))
}

/// A role word and "of", "at" or "for" just before ("the chief executive
/// of X", "a professor at the X"): an institution's name.
fn role_of_before(ctx: &Context, lx: &Lexicon, tok: usize) -> bool {
    let (toks, lower) = (ctx.tokens, ctx.lower);
    let mut k = tok;
    if k > 0 && lower[k - 1] == "the" {
        k -= 1;
    }
    k >= 2
        && matches!(lower[k - 1].as_str(), "of" | "at" | "for")
        && toks[k - 2].is_word()
        && lx.titles.contains(lower[k - 2].as_str())
}

/// A role word right after ("X spokesperson", "X's president"): the
/// name of an institution that has the role.
fn role_after(ctx: &Context, lx: &Lexicon, tok_end: usize) -> bool {
    let (toks, lower) = (ctx.tokens, ctx.lower);
    toks.get(tok_end).is_some_and(|t| t.is_word()) && lx.titles.contains(lower[tok_end].as_str())
}

/// The kind of an entity the rules typed `rule_kind` and the model puts in
/// `class`: people, the events and documents named by their head words
/// ("Hurricane Maren", "the Harbour Safety Act") and the organizations
/// the rules are `sure` of (one that speaks a quote, or is named in a
/// firm's context, "shares of X") stay as the rules typed them; any other
/// thing takes the model's class.
pub fn settled(rule_kind: EntityKind, class: usize, sure: bool) -> EntityKind {
    match (rule_kind, CLASSES[class]) {
        (EntityKind::Person | EntityKind::Event | EntityKind::Document, _) => rule_kind,
        (EntityKind::Organization, _) if sure => rule_kind,
        (_, "organization") => EntityKind::Organization,
        (_, "place") => EntityKind::Place,
        _ => EntityKind::Other,
    }
}

/// Applies `model` to every entity that is no person, given each
/// entity's `features` and whether the rules are sure of it (see [`settled`]).
pub fn apply(ents: &mut Entities, features: &[Vec<f64>], sure: &[bool], model: &KindModel) {
    for (id, f) in features.iter().enumerate() {
        let rule_kind = ents.entities[id].kind;
        if rule_kind == EntityKind::Person {
            continue;
        }
        let kind = settled(rule_kind, model.classify(f), sure[id]);
        if kind != rule_kind {
            fire_entity(ents, "decide.thing_kind_changed", id);
            ents.entities[id].kind = kind;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_weights_load_and_write_back() {
        let model = KindModel::builtin();
        let text = model.to_text("header");
        let again = KindModel::parse(&text).expect("round trip");
        let features = vec![1.0; feature_names().len()];
        assert_eq!(model.classify(&features), again.classify(&features));
        assert!(KindModel::parse("person\tbias\t1\n").is_err(), "people are no class of the model");
    }

    #[test]
    fn people_stay_people_and_things_stay_things() {
        let doc = crate::engine::annotate(
            "Mayor Ana Ruiz said on Monday that the Harbour Safety Act would pass. The Quarry Works will reopen.",
        );
        let kind = |name: &str| doc.entities.iter().find(|e| e.name == name).map(|e| e.kind);
        assert_eq!(kind("Ana Ruiz"), Some(EntityKind::Person));
        assert!(kind("Harbour Safety Act").is_some_and(|k| k != EntityKind::Person));
    }
}
