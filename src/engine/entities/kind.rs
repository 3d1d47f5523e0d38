//! Kind rules: the kind of a new entity from its evidence (head words,
//! lexicons, context, name forms). Each decision names its rule.

use super::link::{Linker, Name};
use super::lone::{Lone, LonePass};
use super::*;

/// What the evidence makes of a candidate with no kind yet.
pub(super) enum Choice {
    /// A new entity of this kind.
    Kind(EntityKind, &'static str),
    /// No name after all.
    NotAName(&'static str),
    /// A lone word (this candidate, or the name after a role word made
    /// from it), decided with the other lone words.
    Lone(Option<Cand>, &'static str),
}

/// The kind of a full name: its head word, the lexicons, then (for two to
/// four words) the context and the name's form.
pub(super) fn full_name(l: &Linker, n: &Name) -> Choice {
    let (lx, c) = (l.lx, n.cand);
    let raw = l.ctx.tokens[c.t0()].text(l.ctx.text);
    let last = l.ctx.lower[c.t1() - 1].as_str();
    if n.len >= 2 && place_derived(last) {
        // "Los Angeles-based": a description made of a place (the place
        // itself is found inside it).
        return Choice::NotAName("reject.place_derived_description");
    }
    if let Some(kind) = head_word_kind(l, n) {
        if kind == EntityKind::Place && person_named_like_a_place(l, n) {
            return Choice::Kind(EntityKind::Person, "kind.person_by_evidence");
        }
        Choice::Kind(kind, "kind.head_word")
    } else if bill_number(l, n) {
        Choice::Kind(EntityKind::Document, "kind.bill_number")
    } else if lx.places.contains_key(&n.key) {
        Choice::Kind(EntityKind::Place, "kind.known_place")
    } else if n.len == 1 && is_acronym(raw) {
        Choice::Kind(EntityKind::Organization, "kind.acronym_organization")
    } else if lx.demonym_index.contains_key(&n.key) {
        Choice::NotAName("reject.demonym")
    } else if n.len <= 4 && n.in_dateline {
        Choice::Kind(EntityKind::Place, "kind.dateline_place")
    } else if (2..=4).contains(&n.len) {
        short_name(l, n)
    } else if n.len == 1 {
        // A lone capitalized word: a surname of someone named, or decided
        // after all full names are known.
        Choice::Lone(None, "defer.lone_word")
    } else {
        Choice::Kind(EntityKind::Other, "kind.long_name_other")
    }
}

/// The kind a name's head word gives: the word before "of" or "for"
/// ("Bank of ...", "Centre for ..."), its last word ("... Institute"), a place prefix ("Port ..."), a
/// storm word before its last ("Hurricane Maren").
fn head_word_kind(l: &Linker, n: &Name) -> Option<EntityKind> {
    let (lx, lower, c) = (l.lx, l.ctx.lower, n.cand);
    if n.len < 2 {
        return None;
    }
    let of_head = (c.t0()..c.t1())
        .find(|&k| matches!(lower[k].as_str(), "of" | "for"))
        .filter(|&k| k > c.t0())
        .and_then(|k| head_kind(&lower[k - 1], lx));
    of_head
        .or_else(|| head_kind(&lower[c.t1() - 1], lx))
        .or_else(|| place_prefix(&lower[c.t0()], lx))
        .or_else(|| lx.classes.storm_words.contains(lower[c.t1() - 2].as_str()).then_some(EntityKind::Event))
}

/// "union president Lena Park", "Glen Atwood, 61,": a given name and one
/// more word that would make a place ("Park", "Glen ...") are a person
/// when a role comes before, a speech verb or an age after.
fn person_named_like_a_place(l: &Linker, n: &Name) -> bool {
    let (text, toks, lower, c) = (l.ctx.text, l.ctx.tokens, l.ctx.lower, n.cand);
    let speaks = speech_verb_at(toks, lower, c.t1(), l.lx);
    n.len == 2
        && given_name(&lower[c.t0()], l.lx)
        && (speaks || role_before(text, toks, lower, c, l.lx) || age_after(text, toks, lower, c.t1()))
}

/// "Statistics Canada said", "Tourism Tarrow warned": everyday words and
/// then a known place or country, speaking: an agency, not a person.
fn named_for_place_and_speaks(l: &Linker, n: &Name) -> bool {
    let (lx, toks, lower, c) = (l.lx, l.ctx.tokens, l.ctx.lower, n.cand);
    let last = lower[c.t1() - 1].as_str();
    let speaks = speech_verb_at(toks, lower, c.t1(), lx);
    let everyday = |w: &str| lx.is_common_word(w) && !lx.first_names.contains_key(w) && !lx.surnames.contains(w);
    speaks
        && lx.is_place_or_country(last)
        && (c.t0()..c.t1() - 1).all(|k| toks[k].is_word() && everyday(lower[k].as_str()))
}

/// "Bill C-90", "Bill 21": a bill by its number, not a man named Bill.
fn bill_number(l: &Linker, n: &Name) -> bool {
    let (text, toks, c) = (l.ctx.text, l.ctx.tokens, n.cand);
    n.len >= 2
        && l.ctx.lower[c.t0()] == "bill"
        && (c.t0() + 1..c.t1()).any(|k| toks[k].text(text).chars().any(|ch| ch.is_ascii_digit()))
}

/// Two to four words with no head word: a place by its context, a region
/// of a known place, a person by evidence, a place listed with places,
/// everyday words capitalized for emphasis, else an organization.
fn short_name(l: &Linker, n: &Name) -> Choice {
    let (text, toks, lower, lx, c) = (l.ctx.text, l.ctx.tokens, l.ctx.lower, l.lx, n.cand);
    let first = lower[c.t0()].as_str();
    // Sentence-initial role word before a name: "Agronomist Yuki Tanabe".
    if c.sentence_initial
        && n.len >= 3
        && !lx.first_names.contains_key(first)
        && lx.first_names.contains_key(lower[c.t0() + 1].as_str())
    {
        let mut name = c.clone();
        name.set_t0(c.t0() + 1);
        name.sentence_initial = false;
        name.kind = Some(EntityKind::Person);
        name.set_origin("spot.role_word_opens_sentence");
        return Choice::Lone(Some(name), "spot.role_word_opens_sentence");
    }
    if (c.t0()..c.t1()).any(|k| matches!(toks[k].text(text), "&" | "+")) {
        // "Harlan & Voss", "Tarn + Wick": names joined by an ampersand or a
        // plus are a firm's.
        return Choice::Kind(EntityKind::Organization, "kind.names_joined_by_ampersand");
    }
    let no_given_name = !lx.first_names.contains_key(first);
    // ("foreign minister Pak Sun-hi, ...": a role before makes a person.)
    let role_before = c.t0() > 0 && toks[c.t0() - 1].is_word() && lx.titles.contains(lower[c.t0() - 1].as_str());
    let in_place = place_context(text, toks, lower, c.t0(), lx);
    let coordinated = || coordinated_with_place(text, toks, lower, c.t0(), c.t1(), lx);
    let listed_with_person = || listed_with_people(text, toks, lower, c.t0(), c.t1(), lx);
    // "a ceremony at Bellamy Hall in Ottawa": a venue.
    let venue = || c.t0() > 0 && lower[c.t0() - 1] == "at" && in_known_place_after(text, toks, lower, c.t1(), lx);
    if (no_given_name || in_place && comma_place_after(text, toks, lower, c.t1(), lx))
        && !role_before
        && (in_place || coordinated())
        || !role_before && venue()
    {
        return Choice::Kind(EntityKind::Place, "kind.place_by_context");
    }
    if lx.classes.region_words.contains(first) && {
        let rest = key(&span_text(text, toks, c.t0() + 1, c.t1()));
        lx.is_place_or_country(&rest)
    } {
        return Choice::Kind(EntityKind::Place, "kind.region_of_known_place");
    }
    let last = lower[c.t1() - 1].as_str();
    if organization_apposition(text, toks, lower, c.t1(), lx) {
        return Choice::Kind(EntityKind::Organization, "kind.organization_by_apposition");
    }
    if !role_before && l.business_names.contains(&n.key) {
        // "analysts at Marlow Pritchard", "Kessel Brandt shares fell".
        return Choice::Kind(EntityKind::Organization, "kind.organization_by_business_context");
    }
    if !lx.first_names.contains_key(first) && market_move_after(text, toks, lower, c.t1(), lx) {
        // "Japan's Kobari fell 2 per cent": a stock index.
        return Choice::Kind(EntityKind::Other, "kind.index_by_market_move");
    }
    if named_for_place_and_speaks(l, n) {
        return Choice::Kind(EntityKind::Organization, "kind.organization_named_for_place");
    }
    if person_evidence(text, toks, lower, c, lx, l.seen_lower) {
        return Choice::Kind(EntityKind::Person, "kind.person_by_evidence");
    }
    if n.len <= 3 && l.person_words.contains(last) && !lx.places.contains_key(last) {
        return Choice::Kind(EntityKind::Person, "kind.person_by_surname_used_alone");
    }
    if coordinated() {
        return Choice::Kind(EntityKind::Place, "kind.place_listed_with_places");
    }
    if !lx.is_common_word(first) && !lx.places.contains_key(first) && listed_with_person() {
        return Choice::Kind(EntityKind::Person, "kind.person_listed_with_people");
    }
    if !raw_has_digit(toks[c.t1() - 1].text(text))
        && (c.t0()..c.t1()).all(|k| !toks[k].is_word() || l.seen_lower.contains(lower[k].as_str()))
    {
        // Every word is used lowercase elsewhere ("a Water Plan that ...").
        return Choice::NotAName("reject.everyday_words_capitalized");
    }
    Choice::Kind(EntityKind::Organization, "kind.organization_by_default")
}

/// The kind of a lone word that no rule linked: credited in a caption,
/// a brand, a speaker, a known or contextual place, a name by its form, an
/// organization by repetition or head word; an everyday word capitalized
/// once for emphasis is no name.
pub(super) fn lone_word(p: &LonePass, w: &Lone) -> Choice {
    let (ctx, lx, c, word) = (p.linker.ctx, p.linker.lx, w.cand, w.word);
    let (text, toks, lower) = (ctx.text, ctx.tokens, ctx.lower);
    let raw = toks[c.t0()].text(text);
    let common = lx.is_common_word(word);
    // "Image: Kvarnholm": a caption credits a person (a photographer, an
    // uploader) unless the name is an abbreviation or a known place.
    let credited = c.t0() >= 2
        && toks[c.t0() - 1].text(text) == ":"
        && lx.classes.photo_labels.contains(lower[c.t0() - 2].as_str())
        && !is_acronym(raw)
        && !lx.places.contains_key(word)
        && !lx.country_index.contains_key(word);
    let camel = raw.chars().skip(1).any(char::is_uppercase) && raw.chars().any(char::is_lowercase);
    // ("Ana Ruiz of Michigan said", "the Treasury said": a known place that
    // is no given name, or an institution, does not speak as a person.)
    let speaks = followed_by_speech(toks, lower, c.t0(), c.t1(), lx)
        && !plural_common_noun(word, lx)
        && !is_acronym(raw)
        && (!lx.is_place_or_country(word) || given_name(word, lx))
        && !lx.org_words.contains(word);
    if priced_after(text, toks, c.t1()) {
        Choice::Kind(EntityKind::Other, "kind.product_by_price")
    } else if credited {
        Choice::Kind(EntityKind::Person, "kind.person_credited_in_caption")
    } else if c.kind.is_none() && organization_apposition(text, toks, lower, c.t1(), lx) {
        Choice::Kind(EntityKind::Organization, "kind.organization_by_apposition")
    } else if camel && c.kind.is_none() {
        // "YouTube", "TransLink": brands and organizations.
        Choice::Kind(EntityKind::Organization, "kind.camel_case_brand")
    } else if c.kind == Some(EntityKind::Person) || speaks || p.linker.person_words.contains(word) {
        Choice::Kind(EntityKind::Person, "kind.person_titled_or_speaking")
    } else if c.kind.is_none() && !given_name(word, lx) && market_move_after(text, toks, lower, c.t1(), lx) {
        // "the Nikkei lost 1.5 per cent": a stock index.
        Choice::Kind(EntityKind::Other, "kind.index_by_market_move")
    } else if age_after(text, toks, lower, c.t1()) && !is_acronym(raw) && !common {
        // "Siti, 14, said": a person named once, by one name, with an age.
        Choice::Kind(EntityKind::Person, "kind.person_by_age")
    } else if c.kind.is_none() && lx.classes.compass_regions.contains(word) && c.t0() > 0 && lower[c.t0() - 1] == "the"
    {
        // "the West", "the Midwest": a region.
        Choice::Kind(EntityKind::Place, "kind.compass_region")
    } else if c.kind.is_none() && p.linker.listed_people.contains(word) && !place_context(text, toks, lower, c.t0(), lx)
    {
        // "Amara, Tovah and Keelin", "Ines Okafor and Sydney": a name in a
        // list of people's names (a given name that is also a town too).
        Choice::Kind(EntityKind::Person, "kind.person_listed_with_people")
    } else if lx.is_place_or_country(word) {
        Choice::Kind(EntityKind::Place, "kind.known_place")
    } else if c.kind.is_none() && coordinated_with_place(text, toks, lower, c.t0(), c.t1(), lx) {
        // "Richmond or Delta": listed with a known place, even when the
        // word is a given name too.
        Choice::Kind(EntityKind::Place, "kind.place_listed_with_places")
    } else if (place_context(text, toks, lower, c.t0(), lx)
        && (!common || name_word(word, lx) && !p.linker.seen_lower.contains(word) || p.cap_count(word) >= 2))
        || toks.get(c.t1()).is_some_and(|t| t.text(text).starts_with("-based"))
    {
        // "in Westbrook", "the village of Cressley": a place by its context
        // (not a word used lowercase too: "learning in Ants").
        Choice::Kind(EntityKind::Place, "kind.place_by_context")
    } else if !is_acronym(raw)
        && !c.sentence_initial
        && !p.linker.seen_lower.contains(word)
        && name_word(word, lx)
        && (!toks[c.t0()].possessive() || !next_cap(toks, c.t0()))
    {
        // A known given name or surname, or a surname by its form
        // ("Dravoski"), capitalized mid-sentence and never used as a word;
        // after "the", a publication or another organization ("told the
        // Banner").
        // (Not a name before a noun, "the Castro regime", "the Ruiz campaign".)
        if c.t0() > 0 && lower[c.t0() - 1] == "the" && c.kind.is_none() && !before_a_noun(toks, lower, c.t1(), lx) {
            return Choice::Kind(EntityKind::Organization, "kind.organization_name_after_the");
        }
        Choice::Kind(EntityKind::Person, "kind.person_by_name_form")
    } else {
        lone_thing(p, w, common)
    }
}

/// The word after a name is a lowercase noun it modifies ("the Ruiz
/// campaign"): an everyday word that is no verb (a speech verb, an
/// auxiliary, a past form) and no function word.
fn before_a_noun(toks: &[Token], lower: &Lower, t1: usize, lx: &Lexicon) -> bool {
    let Some(t) = toks.get(t1).filter(|t| t.is_word() && !t.cap()) else { return false };
    let w = lower[t1].as_str();
    let verb = lx.speech_verb(w).is_some()
        || w.ends_with("ed")
        || matches!(w, "has" | "have" | "had" | "is" | "was" | "will" | "would" | "can" | "could" | "may" | "might");
    !t.possessive() && lx.is_common_word(w) && !verb && !lx.function_words.contains(w)
}

/// The rest of [`lone_word`]: a place listed with places, an organization
/// by repetition or head word, no name, or a name of unclear kind.
fn lone_thing(p: &LonePass, w: &Lone, common: bool) -> Choice {
    let (ctx, lx, c, word) = (p.linker.ctx, p.linker.lx, w.cand, w.word);
    let (text, toks, lower) = (ctx.text, ctx.tokens, ctx.lower);
    let raw = toks[c.t0()].text(text);
    if c.kind.is_none()
        && (coordinated_with_place(text, toks, lower, c.t0(), c.t1(), lx)
            || comma_place_after(text, toks, lower, c.t1(), lx))
    {
        Choice::Kind(EntityKind::Place, "kind.place_listed_with_places")
    } else if is_acronym(raw) || p.cap_count(word) >= 2 {
        // An acronym, or a word capitalized mid-sentence more than once.
        Choice::Kind(EntityKind::Organization, "kind.organization_acronym_or_repeated")
    } else if common && lx.org_words.contains(word) && !c.sentence_initial {
        // "Congress", "Parliament": an institution by its head word.
        Choice::Kind(EntityKind::Organization, "kind.institution_by_head_word")
    } else if common && !(c.t0() > 0 && lx.classes.name_introducers.contains(lower[c.t0() - 1].as_str())) {
        // An everyday word capitalized once, for emphasis ("a state of
        // Peace"); after "the", a possessive, a preposition of place or a
        // naming verb it may be a name ("the Times", "a drink called Thunder").
        Choice::NotAName("reject.emphasis_word")
    } else {
        // One capitalized word seen once: a name, but of what is unclear.
        Choice::Kind(EntityKind::Other, "kind.lone_name_other")
    }
}
