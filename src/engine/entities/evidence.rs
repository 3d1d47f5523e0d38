//! Evidence from a name's surroundings: speech after it, places listed
//! with it or named after it, words that make it a place or a person.

use super::*;

/// The name [t0, t1) is followed by a speech verb ("Brennan said"), not as
/// the modifier of a noun ("a Twitter comment", "the Reuters report").
pub(super) fn followed_by_speech(toks: &[Token], lower: &Lower, t0: usize, t1: usize, lx: &Lexicon) -> bool {
    !determiner_before(toks, lower, t0) && speech_verb_at(toks, lower, t1, lx) && !base_form_noun(lower, t1, lx)
}

/// "(the 2017 Hatch report)", "a Dunmore note": the bare base form of a
/// speech verb after one name is the noun the name modifies (a singular
/// subject takes "reports" or "reported"); "Republicans say" keeps it.
fn base_form_noun(lower: &Lower, k: usize, lx: &Lexicon) -> bool {
    let w = lower[k].as_str();
    lx.speech_verb(w) == Some(w) && k > 0 && !lower[k - 1].ends_with('s')
}

/// "Halifax or Wexbury", "Winnipeg, Elk Hollow and Sundby": a name listed
/// next to a known place is a place too.
pub(super) fn coordinated_with_place(
    text: &str,
    toks: &[Token],
    lower: &Lower,
    t0: usize,
    t1: usize,
    lx: &Lexicon,
) -> bool {
    let known_key = |k: &str| lx.is_place_or_country(k);
    let known = |a: usize, b: usize| {
        if b == a + 1 && !toks[a].text(text).contains('.') {
            // ("Florence", "Austin": a given name too proves no place.)
            known_key(lower[a].as_str()) && !given_name(lower[a].as_str(), lx)
        } else {
            known_key(&key(&span_text(text, toks, a, b)))
        }
    };
    listed_with(text, toks, t0, t1).into_iter().any(|(a, b)| b - a <= 3 && known(a, b))
}

/// "Ines Okafor and Tam Brisk each scored", "Amara, Tovah and Keelin":
/// a name listed next to a person's full name (a given name of known
/// gender, then words that are no everyday words), or next to two given
/// names that are no places, is a person too.
pub(super) fn listed_with_people(
    text: &str,
    toks: &[Token],
    lower: &Lower,
    t0: usize,
    t1: usize,
    lx: &Lexicon,
) -> bool {
    let full_name = |a: usize, b: usize| {
        (2..=3).contains(&(b - a))
            && given_name(lower[a].as_str(), lx)
            && (a + 1..b).all(|k| !lx.is_common_word(lower[k].as_str()) && !lx.org_words.contains(lower[k].as_str()))
    };
    let given_only = |a: usize, b: usize| {
        let w = lower[a].as_str();
        b == a + 1 && given_name(w, lx) && !lx.places.contains_key(w) && !lx.country_index.contains_key(w)
    };
    // A list has "and" or "or" ("Northmarch, Elaine Carrow," is an apposition).
    let span = |(a, b): (usize, usize)| (a.min(t0).saturating_sub(1)..b.max(t1) + 1).filter(|&k| k < toks.len());
    let items = listed_with(text, toks, t0, t1);
    let conjunction = items.iter().any(|&r| span(r).any(|k| matches!(lower[k].as_str(), "and" | "or")));
    // Nor a list that also names things ("Fox News, Ana Ruiz and ...").
    let thing = |(a, b): (usize, usize)| {
        (a..b).any(|k| {
            let w = lower[k].as_str();
            lx.org_words.contains(w)
                || lx.place_words.contains(w)
                || lx.event_words.contains(w)
                || lx.document_words.contains(w)
        }) || {
            let whole = key(&span_text(text, toks, a, b));
            !given_name(&whole, lx) && lx.is_place_or_country(&whole) || lx.org_index.contains_key(&whole)
        }
    };
    conjunction
        && !items.iter().any(|&r| thing(r))
        && (items.iter().any(|&(a, b)| full_name(a, b))
            || items.iter().filter(|&&(a, b)| given_only(a, b)).count() >= 2)
}

/// Lone words listed with people's names somewhere in the text (see
/// [`listed_with_people`]): not in quotes or headlines, no acronym, no
/// everyday word unless a given name.
pub(super) fn listed_people_words(inp: &Context, lx: &Lexicon, cands: &[Cand]) -> FxHashSet<String> {
    let (text, toks, lower) = (inp.text, inp.tokens, inp.lower);
    let mut out = FxHashSet::default();
    for c in cands.iter().filter(|c| c.t1() == c.t0() + 1 && c.kind.is_none() && !c.quoted && !c.headline) {
        let w = lower[c.t0()].as_str();
        if !is_acronym(toks[c.t0()].text(text))
            && (!lx.is_common_word(w) || given_name(w, lx))
            && listable_as_person(w, lx)
            && listed_with_people(text, toks, lower, c.t0(), c.t1(), lx)
        {
            out.insert(w.to_string());
        }
    }
    out
}

/// A lone word that a list of people's names may make a person: no plural
/// ("Dems"), no country, no state or region; a town only when it is also
/// a given name ("Sydney").
fn listable_as_person(word: &str, lx: &Lexicon) -> bool {
    let given = given_name(word, lx);
    (given || !word.ends_with('s'))
        && !lx.country_index.contains_key(word)
        && lx.places.get(word).is_none_or(|kind| given && kind.as_str() == "city")
}

/// The other items of a list that [t0, t1) is an item of ("A, B and C",
/// "A or B"): runs of capitalized words on the same line, up to a dozen
/// tokens either way, each as a token range.
fn listed_with(text: &str, toks: &[Token], t0: usize, t1: usize) -> Vec<(usize, usize)> {
    let joins =
        |k: usize| toks.get(k).is_some_and(|t| matches!(t.text(text), "and" | "or" | ",") && !t.newline_before());
    let item = |k: usize| toks[k].is_word() && toks[k].cap() && !toks[k].newline_before();
    let mut items: Vec<(usize, usize)> = Vec::new();
    if t0 >= 2 && joins(t0 - 1) {
        let mut k = t0 - 1;
        let mut end = k;
        while k > 0 && t0 - k < 12 && (item(k - 1) || joins(k - 1)) {
            k -= 1;
            if joins(k) {
                items.push((k + 1, end));
                end = k;
            }
        }
        items.push((k, end));
    }
    if joins(t1) {
        let mut k = t1 + 1;
        let mut start = k;
        while k < toks.len() && k - t1 < 12 && (item(k) || joins(k)) {
            if joins(k) {
                items.push((start, k));
                start = k + 1;
            }
            k += 1;
        }
        items.push((start, k));
    }
    // Every item is a run of capitalized words.
    items.retain(|&(a, b)| a < b && b <= toks.len() && (a..b).all(|k| toks[k].is_word() && toks[k].cap()));
    items
}

/// ", Arkansas", ", Portugal": a known region or country after a comma,
/// the way a town is placed ("in Eureka Springs, Arkansas").
pub(super) fn comma_place_after(text: &str, toks: &[Token], lower: &Lower, t1: usize, lx: &Lexicon) -> bool {
    if toks.get(t1).is_none_or(|t| t.text(text) != ",") {
        return false;
    }
    (1..=2).any(|n| {
        let (a, b) = (t1 + 1, t1 + 1 + n);
        b <= toks.len()
            && (a..b).all(|k| toks[k].is_word() && toks[k].cap())
            && toks.get(b).is_none_or(|t| !t.is_word() || !t.cap() || lx.function_words.contains(lower[b].as_str()))
            && {
                let known = |k: &str| lx.is_place_or_country(k);
                if n == 1 {
                    // ("Amara, Austin and Tovah": a given name in a list.)
                    let listed = lower.get(b).is_some_and(|w| w == "and" || w == "or");
                    known(lower[a].as_str()) && !(listed && given_name(lower[a].as_str(), lx))
                } else {
                    known(&key(&span_text(text, toks, a, b)))
                }
            }
    })
}

/// "in Ottawa" or ", Ottawa" right after the name (one or two capitalized
/// words naming a known place or country).
pub(super) fn in_known_place_after(text: &str, toks: &[Token], lower: &Lower, t1: usize, lx: &Lexicon) -> bool {
    if comma_place_after(text, toks, lower, t1, lx) {
        return true;
    }
    lower.get(t1).is_some_and(|w| w == "in")
        && (1..=2).any(|n| {
            let (a, b) = (t1 + 1, t1 + 1 + n);
            b <= toks.len()
                && (a..b).all(|k| toks[k].is_word() && toks[k].cap())
                && toks.get(b).is_none_or(|t| !t.is_word() || !t.cap())
                && lx.is_place_or_country(&key(&span_text(text, toks, a, b)))
        })
}

/// Words before a name that make it a place: a locative preposition ("in
/// X", "across the X") or a settlement noun with "of" ("the city of X").
pub(super) fn place_context(text: &str, toks: &[Token], lower: &Lower, t0: usize, lx: &Lexicon) -> bool {
    let at = |back: usize| t0.checked_sub(back).filter(|&k| toks[k].is_word()).map(|k| lower[k].as_str());
    let locative = |w: Option<&str>| w.is_some_and(|w| lx.classes.place_prepositions.contains(w));
    let settlement = |w: Option<&str>| w.is_some_and(|w| lx.classes.settlement_nouns.contains(w));
    // "the premier of X", "residents of X": a jurisdiction.
    let jurisdiction = |w: Option<&str>| w.is_some_and(|w| lx.classes.jurisdiction_nouns.contains(w));
    locative(at(1))
        || (at(1) == Some("the") && locative(at(2)))
        || (at(1) == Some("of") && (settlement(at(2)) || jurisdiction(at(2))))
        || settlements_listed(text, toks, lower, t0, lx)
}

/// "communities like Richmond or Delta", "towns such as Elk Hollow and
/// Sundby", "cities including ...": a name in a list that a settlement
/// noun introduces.
fn settlements_listed(text: &str, toks: &[Token], lower: &Lower, t0: usize, lx: &Lexicon) -> bool {
    let item = |k: usize| {
        toks[k].is_word() && toks[k].cap() || toks[k].text(text) == "," || matches!(lower[k].as_str(), "and" | "or")
    };
    let first = (t0.saturating_sub(16)..t0).rev().take_while(|&k| item(k)).last().unwrap_or(t0);
    let word = |k: Option<usize>| k.filter(|&k| toks[k].is_word()).map(|k| lower[k].as_str());
    let noun_at = match word(first.checked_sub(1)) {
        Some("like" | "including") => first.checked_sub(2),
        Some("as") if word(first.checked_sub(2)) == Some("such") => first.checked_sub(3),
        _ => None,
    };
    word(noun_at).is_some_and(|w| {
        let singular =
            w.strip_suffix("ies").map(|s| format!("{s}y")).or_else(|| w.strip_suffix('s').map(str::to_string));
        singular.is_some_and(|s| lx.classes.settlement_nouns.contains(s.as_str()))
    })
}

/// Evidence that a run of 2-4 capitalized words not otherwise typed is a
/// person's name: a known first name, a known surname at the end, a title
/// or role word before it, a speech verb or an age (", 52,") after it.
pub(super) fn person_evidence(
    text: &str,
    toks: &[Token],
    lower: &Lower,
    c: &Cand,
    lx: &Lexicon,
    seen_lower: &FxHashSet<&str>,
) -> bool {
    if c.kind == Some(EntityKind::Person) {
        return true;
    }
    // "Florida-based Republican", "Los Angeles-based": a place-derived
    // description.
    if (c.t0()..c.t1()).any(|k| lower[k].ends_with("-based")) {
        return false;
    }
    // "the Queen Adela": a thing named for a royal (see `title_prefix_end`).
    if c.t0() > 0 && lower[c.t0() - 1] == "the" && ROYAL_TITLES.contains(&lower[c.t0()].as_str()) {
        return false;
    }
    let role = role_before(text, toks, lower, c, lx);
    // ("the Geological Survey said": a name after an article that speaks is
    // a body.)
    let speaks = speech_verb_at(toks, lower, c.t1(), lx) && !determiner_before(toks, lower, c.t0());
    let context = role || speaks || age_after(text, toks, lower, c.t1());
    match thing_in_name(lower, c, lx) {
        Some(outweighs) => !outweighs && context,
        None if ends_in_known_place(text, toks, c, lx) => role || speaks,
        None if brand_word(text, toks, c) && !(role || speaks) => false,
        None => name_form_is_personal(text, toks, lower, c, lx, seen_lower) || context,
    }
}

/// A role word before the name ("party boss X", "the minister, X,"), a
/// speech verb before it ("said X"; not "told X", "asked X": the listener,
/// often a newspaper), or an appositive after a role phrase ("the head of
/// the alliance, X,").
pub(super) fn role_before(text: &str, toks: &[Token], lower: &Lower, c: &Cand, lx: &Lexicon) -> bool {
    let role_at = |k: usize| toks[k].is_word() && lx.titles.contains(lower[k].as_str());
    let speech_before = |k: usize| {
        let w = lower[k].as_str();
        lx.speech_verb(w).is_some() && !w.ends_with("ing") && !lx.classes.listener_verbs.contains(w)
    };
    let direct = c.t0() > 0
        && ((toks[c.t0() - 1].is_word() && (role_at(c.t0() - 1) || speech_before(c.t0() - 1)))
            || (c.t0() > 1 && toks[c.t0() - 1].text(text) == "," && role_at(c.t0() - 2)));
    let appositive = c.t0() > 2
        && toks[c.t0() - 1].text(text) == ","
        && toks.get(c.t1()).is_some_and(|t| matches!(t.text(text), "," | "."))
        && (c.t0().saturating_sub(6)..c.t0() - 1)
            .rev()
            .take_while(|&k| toks[k].is_word())
            .any(|k| role_at(k) && k > 0 && lx.classes.possessive_determiners.contains(lower[k - 1].as_str()));
    direct || appositive
}

/// An apposition whose head noun names an organization: ", the law firm",
/// ", a club league", ", the farmers' union" (not ", a former union
/// leader": its head is "leader").
pub(super) fn organization_apposition(text: &str, toks: &[Token], lower: &Lower, t1: usize, lx: &Lexicon) -> bool {
    if toks.get(t1).is_none_or(|t| t.text(text) != ",")
        || lower.get(t1 + 1).is_none_or(|w| !matches!(w.as_str(), "a" | "an" | "the"))
    {
        return false;
    }
    let phrase = (t1 + 2..(t1 + 6).min(toks.len()))
        .take_while(|&k| toks[k].is_word() && !toks[k].cap() && !lx.function_words.contains(lower[k].as_str()));
    // (Not "a group of ...": the head is what follows "of"; not a place
    // noun that is also a firm's, "the former capital".)
    phrase.last().is_some_and(|k| {
        let head = lower[k].as_str();
        (lx.classes.company_nouns.contains(head) || lx.org_words.contains(head))
            && !toks[k].possessive()
            && !lx.classes.settlement_nouns.contains(head)
            && !lx.place_words.contains(head)
            && lower.get(k + 1).is_none_or(|w| w != "of")
    })
}

/// A market index's move after the name: "fell 2 per cent", "gained 31
/// points", "gave up 0.2 per cent", "closed at 20,333.17", "closed lower",
/// also after a clause set off by commas ("X, reopening after a holiday,
/// fell 2 per cent"). A stock index, not a person; a poll's "Ana Ruiz
/// gained 5 points" has a given name first, which the caller checks.
pub(super) fn market_move_after(text: &str, toks: &[Token], lower: &Lower, t1: usize, lx: &Lexicon) -> bool {
    let mut v = t1;
    if toks.get(v).is_some_and(|t| t.text(text) == ",") {
        let Some(close) = (v + 1..(v + 12).min(toks.len())).find(|&k| !toks[k].is_word()) else { return false };
        if toks[close].text(text) != "," {
            return false;
        }
        v = close + 1;
    }
    if lower.get(v).is_some_and(|w| w == "gave") && lower.get(v + 1).is_some_and(|w| w == "up") {
        v += 1;
    } else if toks.get(v).is_none_or(|t| !t.is_word() || !lx.classes.market_verbs.contains(lower[v].as_str())) {
        return false;
    }
    let number = |k: usize| toks.get(k).is_some_and(|t| t.text(text).starts_with(|ch: char| ch.is_ascii_digit()));
    let unit = |k: usize| {
        toks.get(k).is_some_and(|t| t.text(text).ends_with('%'))
            || lower.get(k).is_some_and(|w| matches!(w.as_str(), "per" | "percent" | "%" | "points" | "pts"))
    };
    let closing = matches!(lower[v].as_str(), "closed" | "finished" | "ended");
    let level =
        lower.get(v + 1).is_some_and(|w| matches!(w.as_str(), "at" | "higher" | "lower" | "flat" | "up" | "down"));
    (v + 1..(v + 4).min(toks.len())).any(|k| number(k) && (unit(k) || unit(k + 1))) || (closing && level)
}

/// Names of two words or more used as a firm somewhere in the text (see
/// [`business_context`]), and the names listed with them, by key: a firm even when its name reads like a
/// person's ("Marlow Pritchard").
pub(super) fn business_names(inp: &Context, lx: &Lexicon, cands: &[Cand]) -> FxHashSet<String> {
    let (text, toks, lower) = (inp.text, inp.tokens, inp.lower);
    let mut out = FxHashSet::default();
    for c in cands.iter().filter(|c| c.kind.is_none() && c.t1() - c.t0() >= 2 && !c.quoted) {
        if business_context(toks, lower, c.t0(), c.t1(), lx) {
            out.insert(key(&span_text(text, toks, c.t0(), c.t1())));
            // "analysts at Kessel Brandt and Marlow Pritchard": the list too.
            for (a, b) in listed_with(text, toks, c.t0(), c.t1()).into_iter().filter(|&(a, b)| b - a >= 2) {
                out.insert(key(&span_text(text, toks, a, b)));
            }
        }
    }
    out
}

/// The name [t0, t1) in a firm's context: "analysts at X", "shares of X",
/// "X shares fell", "X's stock".
fn business_context(toks: &[Token], lower: &Lower, t0: usize, t1: usize, lx: &Lexicon) -> bool {
    let word = |k: usize| toks.get(k).filter(|t| t.is_word()).map(|_| lower[k].as_str());
    let start = if t0 > 0 && lower[t0 - 1] == "the" { t0 - 1 } else { t0 };
    let before = |n: usize| start.checked_sub(n).and_then(word);
    let stock = |w: Option<&str>| w.is_some_and(|w| lx.classes.stock_nouns.contains(w));
    let analysts_at = before(1) == Some("at") && before(2).is_some_and(|w| lx.classes.market_roles.contains(w));
    let shares_of = matches!(before(1), Some("of" | "in")) && stock(before(2));
    let moved = |k: usize| word(k).is_some_and(|w| lx.classes.market_verbs.contains(w));
    let shares_after = stock(word(t1)) && (toks[t1 - 1].possessive() || moved(t1 + 1));
    analysts_at || shares_of || shares_after
}

/// An age after the name (", 52," or "(52)").
pub(super) fn age_after(text: &str, toks: &[Token], lower: &Lower, t1: usize) -> bool {
    toks.get(t1).is_some_and(|t| matches!(t.text(text), "," | "("))
        && toks.get(t1 + 1).is_some_and(|t| {
            t.is_word() && lower[t1 + 1].len() <= 3 && lower[t1 + 1].chars().all(|ch| ch.is_ascii_digit())
        })
        && toks.get(t1 + 2).is_none_or(|t| !t.is_word())
}

/// A price after the name, past the rest of its capitalized words ("Harlow
/// Beard Balm, $24,", "Tarn + Wick Soap, €9"): a product in a shopping
/// list, not a person.
pub(super) fn priced_after(text: &str, toks: &[Token], t1: usize) -> bool {
    let joiner = |t: &Token| matches!(t.text(text), "&" | "+" | "-");
    let mut k = t1;
    while k < (t1 + 8).min(toks.len()) && (toks[k].is_word() && toks[k].cap() || joiner(&toks[k])) {
        k += 1;
    }
    let currency = |k: usize| {
        toks.get(k).is_some_and(|t| matches!(t.text(text), "$" | "\u{20ac}" | "\u{a3}" | "\u{a5}"))
            && toks.get(k + 1).is_some_and(|t| t.text(text).starts_with(|ch: char| ch.is_ascii_digit()))
    };
    toks.get(k).is_some_and(|t| t.text(text) == ",") && currency(k + 1)
}

/// A head word of a thing inside the name ("Harbour Street Rosa"; a first
/// name that is also a word, "Rose Kessler", does not count): `Some(true)`
/// when it ends the name, which outweighs any context ("said Acme Corp").
fn thing_in_name(lower: &Lower, c: &Cand, lx: &Lexicon) -> Option<bool> {
    let thing = |w: &str| {
        lx.org_words.contains(w)
            || lx.place_words.contains(w)
            || lx.event_words.contains(w)
            || lx.document_words.contains(w)
    };
    let from = if lx.first_names.contains_key(lower[c.t0()].as_str()) { c.t0() + 1 } else { c.t0() };
    if !(from..c.t1()).any(|k| thing(lower[k].as_str())) {
        return None;
    }
    let head = lower[c.t1() - 1].as_str();
    Some(lx.org_words.contains(head) || lx.place_words.contains(head) || lx.event_words.contains(head))
}

/// "AM New York": a name of three words or more ending in a known place of
/// two words or more.
fn ends_in_known_place(text: &str, toks: &[Token], c: &Cand, lx: &Lexicon) -> bool {
    let n = c.t1() - c.t0();
    n >= 3
        && (2..n).any(|k| {
            let tail = key(&span_text(text, toks, c.t1() - k, c.t1()));
            lx.is_place_or_country(&tail)
        })
}

/// "Langley SkyTrain", "Metro TransLink": a word with a capital inside that
/// is no surname form ("McKay", "DeSantis", "LeBlanc") is a brand.
fn brand_word(text: &str, toks: &[Token], c: &Cand) -> bool {
    (c.t0()..c.t1()).any(|k| {
        let w = toks[k].text(text);
        let inner = w.char_indices().skip(1).find(|(_, ch)| ch.is_uppercase()).map(|(i, _)| i);
        inner.is_some_and(|i| {
            let head = &w[..i];
            w.chars().any(char::is_lowercase) && !SURNAME_PREFIXES.contains(&head) && !head.ends_with('-')
        })
    })
}

/// Surname prefixes written with a capital after them ("McKay", "DeSantis").
const SURNAME_PREFIXES: [&str; 14] =
    ["Mc", "Mac", "De", "Di", "Da", "Du", "Le", "La", "Van", "Von", "O'", "O\u{2019}", "Fitz", "St"];

/// The name's own form is a person's: a known given name first (not a
/// word pair like "Hope Springs", a name before "of", a nationality), a
/// hyphenated given name, a Korean given name, an initial, or a listed
/// surname at the end that is no word of this text.
fn name_form_is_personal(
    text: &str,
    toks: &[Token],
    lower: &Lower,
    c: &Cand,
    lx: &Lexicon,
    seen_lower: &FxHashSet<&str>,
) -> bool {
    let is_place = |w: &str| lx.is_place_or_country(w);
    let (first, last) = (lower[c.t0()].as_str(), lower[c.t1() - 1].as_str());
    let word_pair = lx.is_common_word(first) && lx.is_common_word(last) && !lx.surnames.contains(last);
    let of_name = (c.t0()..c.t1()).any(|k| matches!(lower[k].as_str(), "of" | "for"));
    let nationality = lx.adjectives.contains(first) || lx.demonym_index.contains_key(first);
    // ("Vladimir Orlov", "Sydney Brandt": a given name that is a city too,
    // then a surname, or a plain word that is no everyday word, place or
    // nationality; not "Aurora Courier", "Madison Ave.".)
    let surname_after_city = is_place(first)
        && given_name(first, lx)
        && c.t1() - c.t0() == 2
        && !is_place(last)
        && !lx.org_words.contains(last)
        && !lx.adjectives.contains(last)
        && !lx.demonym_index.contains_key(last)
        && toks[c.t1() - 1].text(text).chars().skip(1).all(|ch| ch.is_lowercase())
        && (lx.surnames.contains(last) || !lx.is_common_word(last));
    if lx.first_names.contains_key(first)
        && (!is_place(first) || surname_after_city)
        && !word_pair
        && !of_name
        && !nationality
    {
        return true;
    }
    if first.contains('-') && first.split('-').all(|p| p.len() >= 2 && given_name(p, lx)) {
        return true;
    }
    if c.t1() - c.t0() == 2 && korean_name(toks[c.t0()].text(text), toks[c.t0() + 1].text(text)) {
        return true;
    }
    let initial = (c.t0()..c.t1() - 1).any(|k| {
        let w = toks[k].text(text);
        toks[k].is_word() && w.chars().count() == 1 && w.chars().all(char::is_uppercase)
    });
    if initial && !lx.org_words.contains(last) {
        return true;
    }
    // ("Capitol Hill", "Elks Lodge": two everyday words, neither a given
    // name, make no person even when the last is a surname too.)
    let everyday = |w: &str| lx.is_common_word(w) && !lx.first_names.contains_key(w);
    let everyday_pair = everyday(first) && everyday(last);
    lx.surnames.contains(last)
        && !everyday_pair
        && !lx.org_words.contains(last)
        && !is_place(last)
        && !is_place(first)
        && !seen_lower.contains(first)
        && !seen_lower.contains(last)
}

/// "Pak Sun-hi", "Yoon Tae-min": a one-syllable family name before a given
/// name of two hyphenated syllables, the second lowercase.
fn korean_name(family: &str, given: &str) -> bool {
    let syllable = |p: &str| (2..=5).contains(&p.len()) && p.chars().all(|ch| ch.is_ascii_alphabetic());
    syllable(family)
        && given.split_once('-').is_some_and(|(x, y)| {
            syllable(x) && syllable(y) && y.chars().all(|ch| ch.is_ascii_lowercase()) && !y.contains('-')
        })
}

/// Lone capitalized words used as a person somewhere in the text: after an
/// honorific or title ("Ms. Brennan"), or as the subject of a speech verb
/// ("Brennan said"). Evidence gathered over the whole text, so the first
/// mention of "Ilkan Brennan" is a person even when only a later "Brennan
/// said" shows it.
pub(super) fn person_words(inp: &Context, lx: &Lexicon, lower: &Lower, cands: &[Cand]) -> FxHashSet<String> {
    let toks = inp.tokens;
    let mut out = FxHashSet::default();
    for c in cands.iter().filter(|c| c.t1() == c.t0() + 1 && !c.quoted && !c.headline) {
        let w = lower[c.t0()].as_str();
        let titled = c.kind == Some(EntityKind::Person) && c.title().is_some();
        let speaks = c.kind.is_none()
            && followed_by_speech(toks, lower, c.t0(), c.t1(), lx)
            && !plural_common_noun(w, lx)
            && !is_acronym(toks[c.t0()].text(inp.text));
        if (titled || speaks)
            && !lx.function_words.contains(w)
            && !lx.places.contains_key(w)
            && !lx.country_index.contains_key(w)
            && !lx.org_index.contains_key(w)
            && !lx.org_words.contains(w)
        {
            out.insert(w.to_string());
        }
    }
    out
}
