//! Entities: capitalized names found, typed from evidence (titles,
//! lexicons, head words, context), linked into one record per real-world
//! thing (surnames, acronyms, aliases), and pronouns resolved to people.

use rustc_hash::{FxHashMap, FxHashSet};

use super::lexicon::{key, Gender, Lexicon};
use super::quotes::RawKind;
use super::text::{first_char, partition_near, Lower, TokKind, Token, Word};
use super::Context;
use crate::model::{Entity, EntityKind, Mention, MentionForm, Span};

/// A mention found in the text, before it is gathered into entities.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Found {
    pub span: Span,
    pub entity: usize,
    pub form: MentionForm,
    /// Index of the first token of the mention.
    pub tok: usize,
    /// Index one past the last token.
    pub tok_end: usize,
}

/// The entity stage's result: entities plus every mention in text order.
#[derive(Debug, Default)]
pub struct Entities {
    pub entities: Vec<Entity>,
    /// Gender evidence per entity (people only).
    pub gender: Vec<Gender>,
    /// All mentions, sorted by start.
    pub mentions: Vec<Found>,
    /// Each entity's name as lookup keys, word by word.
    words: Vec<Vec<String>>,
    /// Name word -> entities whose name holds it.
    word_index: FxHashMap<String, Vec<usize>>,
    /// Initials of each multi-word name ("un" for United Nations) -> entity.
    initials_index: FxHashMap<String, usize>,
    /// Where the last mention search ended; the next one starts there.
    cursor: std::cell::Cell<usize>,
}

impl Entities {
    /// Mentions whose start lies in `[from, to)`.
    pub fn in_range(&self, from: usize, to: usize) -> &[Found] {
        let a = partition_near(&self.mentions, self.cursor.get(), |m| m.span.start < from);
        let b = partition_near(&self.mentions, a, |m| m.span.start < to);
        self.cursor.set(a);
        &self.mentions[a..b]
    }

    /// The mention covering byte `pos`, if any.
    pub fn at(&self, pos: usize) -> Option<&Found> {
        let i = partition_near(&self.mentions, self.cursor.get(), |m| m.span.start <= pos);
        self.cursor.set(i);
        self.mentions[..i].iter().rev().take(3).find(|m| m.span.contains_pos(pos))
    }

    fn add_entity(&mut self, kind: EntityKind, name: String) -> usize {
        let id = self.entities.len();
        let words: Vec<String> = name.split_whitespace().map(key).collect();
        for w in &words {
            let ids = self.word_index.entry(w.clone()).or_default();
            if ids.last() != Some(&id) {
                ids.push(id);
            }
        }
        if words.len() >= 2 {
            self.initials_index.entry(initials(&name)).or_insert(id);
        } else if let Some(caps) = camel_initials(&name) {
            // "LibriVox" -> "lv", "PlayStation" -> "ps".
            self.initials_index.entry(caps).or_insert(id);
        }
        self.words.push(words);
        self.entities.push(Entity { id, kind, name, titles: Vec::new(), mentions: Vec::new() });
        self.gender.push(Gender::Unknown);
        id
    }

    /// Entities whose name holds the word (a lookup key).
    fn with_word(&self, word: &str) -> &[usize] {
        self.word_index.get(word).map_or(&[], Vec::as_slice)
    }

    /// The one entity whose name holds `word` and `fits` (its kind and name
    /// words), if exactly one does.
    fn only_one(&self, word: &str, fits: impl Fn(EntityKind, &[String]) -> bool) -> Option<usize> {
        let mut hits = self.with_word(word).iter().copied().filter(|&id| fits(self.entities[id].kind, &self.words[id]));
        match (hits.next(), hits.next()) {
            (Some(id), None) => Some(id),
            _ => None,
        }
    }
}

/// A capitalized run before typing.
#[derive(Debug, Clone)]
struct Cand {
    /// Token range of the name proper (titles stripped).
    t0: usize,
    t1: usize,
    kind: Option<EntityKind>,
    titles: Vec<String>,
    gender: Gender,
    /// Starts a sentence (so its capital may just be the sentence's).
    sentence_initial: bool,
    /// A quoted name (a title in quote marks).
    quoted: bool,
    /// On a Title Case line (a headline), where capitals prove little.
    headline: bool,
    /// The given names of a surname written first ("Austen, Jane."), as a
    /// token range.
    given: Option<(usize, usize)>,
}

impl Cand {
    /// A candidate over `t0..t1` of the given kind, with no titles, gender
    /// or flags.
    fn new(t0: usize, t1: usize, kind: Option<EntityKind>) -> Cand {
        Cand {
            t0,
            t1,
            kind,
            titles: Vec::new(),
            gender: Gender::Unknown,
            sentence_initial: false,
            quoted: false,
            headline: false,
            given: None,
        }
    }
}

const CONNECTORS: [&str; 16] =
    ["of", "for", "de", "du", "da", "dos", "van", "von", "der", "den", "la", "le", "al", "bin", "ibn", "del"];

/// Words that make a region of the known place after them ("Upstate New
/// York", "Northern Ontario").
const REGION_WORDS: [&str; 14] = [
    "upstate",
    "downstate",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "greater",
    "rural",
    "coastal",
    "northwestern",
    "northeastern",
    "southwestern",
    "southeastern",
];

/// "D-Wis", "R-Pa", "I-VT": a US party letter and a state abbreviation.
fn is_party_tag(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    let mut parts = w.splitn(2, '-');
    let (Some(p), Some(s)) = (parts.next(), parts.next()) else { return false };
    matches!(p, "D" | "R" | "I")
        && (2..=5).contains(&s.len())
        && s.chars().next().is_some_and(|ch| ch.is_ascii_uppercase())
        && s.chars().all(|ch| ch.is_ascii_alphabetic() || ch == '.')
}

fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| *c != '.' && *c != '&');
    (2..=6).contains(&letters.clone().count())
        && letters.clone().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && letters.clone().any(|c| c.is_uppercase())
}

/// Runs the entity stage.
pub fn find(inp: &Context, lx: &Lexicon) -> Entities {
    let text = inp.text;
    let toks = inp.tokens;
    let masks = inp.masks;
    let (sent_starts, in_quote_title, in_boiler) = (&masks.sentence_start, &masks.in_title_quote, &masks.in_boiler);
    let lower = inp.lower;

    // Words seen lowercase somewhere: a capitalized one of them that starts a
    // sentence is probably just a word.
    let mut seen_lower: FxHashSet<&str> = FxHashSet::default();
    for (i, t) in toks.iter().enumerate() {
        if t.is_word() && !t.cap() {
            seen_lower.insert(lower[i].as_str());
        }
    }

    let title_line = &masks.title_line;
    let mut cands: Vec<Cand> = Vec::new();
    // Web addresses are names of their own, and no capitalized word inside
    // one names anything.
    let mut in_url = vec![false; toks.len()];
    for (t0, t1, named) in web_addresses(text, toks, lower) {
        in_url[t0..t1].iter_mut().for_each(|x| *x = true);
        if named {
            cands.push(Cand::new(t0, t1, Some(EntityKind::Other)));
        }
    }
    // Quoted names first: the whole quoted title is one name.
    for q in inp.quotes.iter().filter(|q| q.kind == RawKind::Title) {
        let c = q.content;
        let t0 = super::text::token_at(toks, c.start);
        let mut t1 = t0;
        while t1 < toks.len() && toks[t1].end() <= c.end {
            t1 += 1;
        }
        while t1 > t0 && !toks[t1 - 1].is_word() {
            t1 -= 1;
        }
        if t1 > t0 {
            let head = lower[t1 - 1].as_str();
            let words = lower.words(t0..t1);
            let kind = if words.iter().any(|w| lx.document_words.contains(w.as_str())) {
                EntityKind::Document
            } else if lx.event_words.contains(head) {
                EntityKind::Event
            } else if lx.org_words.contains(head) {
                EntityKind::Organization
            } else if t0 >= 2
                && lower.words(t0.saturating_sub(8)..t0 - 1).iter().any(|w| lx.document_words.contains(w.as_str()))
            {
                // "a report ..., titled “Waiting for Repairs”": named by the noun before.
                EntityKind::Document
            } else {
                EntityKind::Other
            };
            cands.push(Cand { quoted: true, ..Cand::new(t0, t1, Some(kind)) });
        }
    }

    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        let startable = t.is_word()
            && (name_cap(&toks[i], text) || is_year(t.text(text)) && next_cap(toks, i))
            && !in_quote_title[i];
        if !startable || in_boiler[i] || in_url[i] {
            i += 1;
            continue;
        }
        // Extend the run.
        let mut j = i + 1;
        let mut last_cap = i;
        if !t.possessive() {
            while j < toks.len() {
                let n = toks[j];
                // "Gov. Jo Balton": a title abbreviation's period stays inside.
                let title_dot = !n.is_word()
                    && !n.space_before()
                    && first_char(&n, text) == '.'
                    && lx.abbreviations.contains(lower[j - 1].as_str())
                    && (lx.titles.contains(lower[j - 1].as_str()) || lx.place_prefixes.contains(lower[j - 1].as_str()))
                    && toks.get(j + 1).is_some_and(|x| x.is_word() && x.cap());
                if title_dot {
                    j += 1;
                    continue;
                }
                if !n.is_word() || n.newline_before() || sent_starts[j] || in_url[j] {
                    break;
                }
                // A caption's credit label ("... Wayfarer Image: NASA").
                if toks.get(j + 1).is_some_and(|t| t.text(text) == ":")
                    && matches!(lower[j].as_str(), "image" | "photo" | "credit" | "source")
                {
                    break;
                }
                // In a Title Case line (a headline), common words are not
                // part of names ("Okafor Says She ...").
                if title_line[j]
                    && (lx.function_words.contains(lower[j].as_str())
                        || lx.speech_verb(&lower[j]).is_some()
                        || seen_lower.contains(lower[j].as_str()) && !lower[j].bytes().all(|b| b.is_ascii_digit())
                        || (j >= i + 2
                            && lx.first_names.contains_key(lower[i].as_str())
                            && !lx.surnames.contains(lower[j].as_str())))
                {
                    break;
                }
                // "I", "I'm", "Hey" never belong to a name ("Actually I").
                if is_pronoun_like(&lower[j]) {
                    break;
                }
                // "Dover State University Ana Ruiz": an organization
                // head word followed by a first name ends the name.
                if lx.org_words.contains(lower[j - 1].as_str())
                    && lx.first_names.contains_key(lower[j].as_str())
                    && toks.get(j + 1).is_some_and(|x| x.is_word() && x.cap())
                {
                    break;
                }
                if name_cap(&n, text) {
                    last_cap = j;
                    j += 1;
                    // A possessive inside a name ("St. Brendan's Regional
                    // Hospital") when the name goes on to an organization word.
                    if n.possessive() && !possessive_inside_name(toks, lower, i, j - 1, lx) {
                        break;
                    }
                    continue;
                }
                // A number ends a name that it counts ("Building 31", "Flight
                // 752", "Expo 2030"), not a score ("Hawks 3, Owls 2"), a date
                // or a person's number.
                let number = n.text(text);
                if (1..=4).contains(&number.len())
                    && number.bytes().all(|b| b.is_ascii_digit())
                    && !lx.calendar.contains(lower[j - 1].as_str())
                    && !lx.first_names.contains_key(lower[j - 1].as_str())
                    && !lx.surnames.contains(lower[j - 1].as_str())
                    && !lx.places.contains_key(lower[j - 1].as_str())
                    && !lx.country_index.contains_key(lower[j - 1].as_str())
                    && toks.get(j + 1).is_none_or(|x| {
                        x.newline_before() || !matches!(x.text(text), "," | "-" | "\u{2013}" | ":" | "/" | "%")
                    })
                    // (Not a quantity: "fined Acme 9 million pounds", "5 goals".)
                    && toks.get(j + 1).is_none_or(|x| {
                        let w = lower[j + 1].as_str();
                        !x.is_word()
                            || x.cap()
                            || !(super::text::SCALES.contains(&w)
                                || (w.ends_with('s') && lx.is_common_word(w))
                                || matches!(w, "people" | "percent"))
                    })
                    && !(i >= 2
                        && toks[i - 1].text(text) == ","
                        && toks[i - 2].text(text).bytes().all(|b| b.is_ascii_digit()))
                {
                    last_cap = j;
                    break;
                }
                // "of" joins only after a head word that takes it ("Bank of
                // Canada", "Secretary of State"), not a person and a place
                // ("Rita Shelton of Vermont").
                let of_ok = !matches!(lower[j].as_str(), "of" | "for") || {
                    let h = lower[j - 1].trim_end_matches('.');
                    lx.org_words.contains(h)
                        || lx.document_words.contains(h)
                        || lx.event_words.contains(h)
                        || lx.place_words.contains(h)
                        || lx.titles.contains(h)
                        || common_head_takes_of(text, toks, lower, i, j, lx)
                };
                if (CONNECTORS.contains(&lower[j].as_str()) && of_ok)
                    || (lower[j] == "the" && j > 0 && lower[j - 1] == "of")
                {
                    j += 1;
                    continue;
                }
                break;
            }
        }
        let mut end = last_cap + 1;
        // Two acronyms side by side are two names ("U.N. PKO").
        if let Some(split) =
            (i + 1..end).find(|&k| is_acronym(toks[k].text(text)) && is_acronym(toks[k - 1].text(text)))
        {
            end = split;
        }
        // A year starts a name only when it names an event ("2021 Summit").
        let mut start = i;
        if is_year(t.text(text)) && !lx.event_words.contains(lower[end - 1].as_str()) {
            start += 1;
        }
        if start < end {
            push_run(text, toks, lower, start, end, sent_starts, lx, &mut cands);
        }
        i = end.max(i + 1);
    }
    cands.sort_by_key(|c| c.t0);
    for c in &mut cands {
        c.headline = title_line[c.t0];
    }
    inverted_names(text, toks, lower, lx, &mut cands);
    bracketed_names(text, toks, lower, lx, &mut cands);
    // Bylines and photo credits name the press, not the story: drop the
    // people and unknown names in them ("(Jo Pell/AP)", "X contributed
    // to this report", "Follow X on Twitter").
    let credit = credit_tokens(toks, lower, inp.sentences);
    cands.retain(|c| {
        // ("Newsmax / Zogby poll": a slash with spaces, outside brackets,
        // joins two names.)
        let bracketed = c.t0.checked_sub(1).is_some_and(|k| toks[k].text(text) == "(")
            || toks.get(c.t1).is_some_and(|t| t.text(text) == ")");
        let slash = |k: usize, glued: bool| {
            toks.get(k).is_some_and(|t| t.text(text) == "|" || t.text(text) == "/" && (glued || bracketed))
        };
        let in_credit = credit[c.t0]
            || slash(c.t1, toks.get(c.t1).is_some_and(|t| !t.space_before()))
            || c.t0.checked_sub(1).is_some_and(|k| slash(k, !toks[c.t0].space_before()));
        !in_credit || lexicon_entity(&key(&span_text(text, toks, c.t0, c.t1)), lx).is_some()
    });

    drop((in_url, credit));
    build(inp, lx, lower, &seen_lower, cands)
}

/// Capitalized, or a lowercase name particle joined to a capitalized name
/// ("al-Mansouri", "el-Sisi", "bin-Salman").
fn name_cap(t: &Token, text: &str) -> bool {
    if t.cap() {
        return true;
    }
    // (Most words have neither an inner capital nor a joiner.)
    if !t.inner_cap() && !t.joined() {
        return false;
    }
    let w = t.text(text);
    // A brand written with a lowercase head ("eBay", "iPhone", "wikiHow"),
    // not a unit or a molecule ("kWh", "mRNA").
    if let Some(i) = w.find(|c: char| c.is_ascii_uppercase()) {
        let (head, tail) = w.split_at(i);
        if (1..=5).contains(&head.len())
            && head.bytes().all(|b| b.is_ascii_lowercase())
            && tail.len() >= 3
            && tail[1..].bytes().all(|b| b.is_ascii_lowercase())
        {
            return true;
        }
    }
    // Every particle ends in a hyphen or an apostrophe.
    if !t.joined() {
        return false;
    }
    [
        "al-",
        "el-",
        "bin-",
        "ibn-",
        "abu-",
        "ad-",
        "as-",
        "ash-",
        "at-",
        "d'",
        "d\u{2019}",
        "l'",
        "l\u{2019}",
        "o'",
        "o\u{2019}",
    ]
    .iter()
    .any(|p| w.strip_prefix(p).is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase)))
}

/// A byline near the top: "Jane Doe and John Roe, The Associated Press".
fn byline(words: &[&str], start: usize) -> bool {
    const PRESS: [&str; 10] =
        ["press", "news", "reuters", "agency", "wire", "postmedia", "staff", "correspondent", "reporter", "writer"];
    start < 600 && words.len() <= 12 && words.last().is_some_and(|w| PRESS.contains(w))
}

/// Tokens of credit lines: bylines, contributor notes, photo credits.
fn credit_tokens(toks: &[Token], lower: &Lower, sentences: &[Span]) -> Vec<bool> {
    let mut out = vec![false; toks.len()];
    for s in sentences {
        let a = super::text::token_at(toks, s.start);
        let b = super::text::token_at(toks, s.end);
        let words: Vec<&str> = lower.words(a..b).iter().map(Word::as_str).filter(|w| !w.is_empty()).collect();
        let has = |seq: &[&str]| words.windows(seq.len()).any(|w| w == seq);
        let credit = has(&["contributed", "to", "this", "report"])
            || has(&["contributed", "reporting"])
            || has(&["contributed", "to", "this", "story"])
            || has(&["reporting", "by"])
            || has(&["editing", "by"])
            || (words.first() == Some(&"follow") && has(&["on", "twitter"]))
            || (words.first() == Some(&"by") && words.len() <= 8)
            || has(&["photo", "by"])
            || has(&["photos", "by"])
            || has(&["photograph", "by"])
            || has(&["photo", "courtesy"])
            || has(&["illustration", "by"])
            || has(&["video", "by"])
            || has(&["with", "files", "from"])
            || byline(&words, s.start);
        if credit {
            out[a..b].iter_mut().for_each(|x| *x = true);
        }
    }
    out
}

/// The pronoun I (and its contractions) and interjections.
fn is_pronoun_like(w: &str) -> bool {
    let base = w.split(['\'', '\u{2019}']).next().unwrap_or(w);
    matches!(base, "i" | "hey" | "hi" | "hello" | "oh" | "yes" | "no" | "ok" | "okay" | "thanks" | "please" | "dear")
}

/// True when the possessive at token `k` is followed by capitalized words
/// that end in an organization or place head word.
fn possessive_inside_name(toks: &[Token], lower: &Lower, start: usize, k: usize, lx: &Lexicon) -> bool {
    // Not after a complete organization or place ("University of
    // Dover's Hale Institute" is two names).
    let head = |w: &str| lx.org_words.contains(w) || lx.place_words.contains(w) || lx.places.contains_key(w);
    if (start..=k).any(|j| head(lower[j].as_str())) {
        return false;
    }
    let mut j = k + 1;
    while j < toks.len() && j <= k + 4 && toks[j].is_word() && toks[j].cap() && !toks[j].newline_before() {
        if lx.org_words.contains(lower[j].as_str()) || lx.place_words.contains(lower[j].as_str()) {
            return true;
        }
        if toks[j].possessive() {
            break;
        }
        j += 1;
    }
    false
}

/// False for a capitalized word that only looks like a name: a contraction
/// ("Don't", "Isn't"), an interjection ("Hmmm", "Nah") or a compound
/// adjective ("Open-minded", "DNA-based").
fn name_like_word(raw: &str, lower: &str, lx: &Lexicon) -> bool {
    // A letter three times over ("Hmmm", "Sooo", not an abbreviation like
    // "FFFA"), or a listed interjection.
    let stretched = !is_acronym(raw)
        && lower.as_bytes().windows(3).any(|w| w[0] == w[1] && w[1] == w[2] && w[0].is_ascii_alphabetic());
    if stretched || lx.function_words.contains(lower) {
        return false;
    }
    if raw.contains(['\'', '\u{2019}']) {
        let plain = lower.replace('\u{2019}', "'");
        let contraction = ["n't", "'s", "'re", "'ll", "'ve", "'m", "'d"].iter().any(|suffix| {
            plain.strip_suffix(suffix).is_some_and(|stem| lx.is_common_word(stem) || lx.function_words.contains(stem))
        });
        if contraction {
            return false;
        }
    }
    // "Open-minded": a lowercase everyday word after the last hyphen.
    !raw.rsplit_once('-')
        .is_some_and(|(_, tail)| !tail.is_empty() && tail.chars().all(char::is_lowercase) && lx.is_common_word(tail))
}

/// "Officials", "Prosecutors": a plural word, not a name (unless the name
/// lists know it).
fn plural_common_noun(word: &str, lx: &Lexicon) -> bool {
    word.ends_with('s') && !word.ends_with("ss") && !lx.surnames.contains(word) && !lx.first_names.contains_key(word)
}

fn raw_has_digit(w: &str) -> bool {
    w.chars().any(|c| c.is_ascii_digit())
}

fn is_year(w: &str) -> bool {
    w.len() == 4 && w.chars().all(|c| c.is_ascii_digit()) && (w.starts_with("19") || w.starts_with("20"))
}

fn next_cap(toks: &[Token], i: usize) -> bool {
    toks.get(i + 1).is_some_and(|t| t.is_word() && t.cap())
}

/// Splits a capitalized run into titles and name, drops sentence-initial
/// function words and calendar words, and pushes the candidate(s).
#[allow(clippy::too_many_arguments)]
fn push_run(
    text: &str,
    toks: &[Token],
    lower: &Lower,
    mut a: usize,
    b: usize,
    sent_starts: &[bool],
    lx: &Lexicon,
    cands: &mut Vec<Cand>,
) {
    let sentence_initial = sent_starts[a] || a == 0 || after_open_quote(text, toks, a);
    // Leading function words ("During", "The", "In"), but not a given name
    // before a surname ("Will Abernethy").
    let given_before_surname = |k: usize| {
        b == k + 2
            && lx.first_names.contains_key(lower[k].as_str())
            && (lx.surnames.contains(lower[k + 1].as_str()) || !lx.is_common_word(&lower[k + 1]))
    };
    while a < b
        && !is_acronym(toks[a].text(text))
        && (lx.function_words.contains(lower[a].as_str()) || is_pronoun_like(&lower[a]))
        && !given_before_surname(a)
    {
        a += 1;
    }
    // A participle opening the sentence ("Visiting Toronto last week, ...",
    // "Thanking Shah, ..."): a verb, not part of the name.
    if sentence_initial
        && b - a >= 2
        && lower[a].ends_with("ing")
        && lx.is_common_word(&lower[a])
        && !lx.places.contains_key(lower[a].as_str())
        && !lx.surnames.contains(lower[a].as_str())
        && !lx.first_names.contains_key(lower[a].as_str())
    {
        a += 1;
    }
    // A month before an acronym ("an August RTA report") dates it.
    if b - a >= 2 && lx.calendar.contains(lower[a].as_str()) && is_acronym(toks[a + 1].text(text)) {
        a += 1;
    }
    if a >= b {
        return;
    }
    // Leading titles: everything up to the last title word of the prefix.
    let mut title_end = None;
    let mut k = a;
    while k < b.saturating_sub(1) {
        let w = lower[k].trim_end_matches('.');
        if is_title_word(w, lx) {
            title_end = Some(k + 1);
        } else if w == "of" && title_end == Some(k) && !lx.function_words.contains(lower[k + 1].as_str()) {
            // "Secretary of State Jane Doe", "Minister of Health Ana Ruiz":
            // the title's domain, up to a known first name (or the last two
            // words when there are just three left).
            let d = (1..=3)
                .find(|&d| k + 1 + d + 1 < b && lx.first_names.contains_key(lower[k + 1 + d].as_str()))
                .or_else(|| (b == k + 4).then_some(1));
            if let Some(d) = d {
                title_end = Some(k + 1 + d);
                break;
            }
        } else if title_end.is_some()
            && !(is_acronym(toks[k].text(text)) || lx.function_words.contains(lower[k].as_str()))
        {
            // A name after the title: stop (but "Defense Minister" keeps both).
            if !next_is_title(lower, k + 1, b, lx) {
                break;
            }
        }
        k += 1;
    }
    let mut titles = Vec::new();
    let mut gender = Gender::Unknown;
    let mut kind = None;
    // A "title" before a name that is itself an organization, document or
    // event ("General Capital Program", "Chief Medical Office") is no title.
    let head_thing = (title_end.unwrap_or(b)..b).any(|k| {
        let w = lower[k].trim_end_matches('.');
        lx.org_words.contains(w)
            || lx.document_words.contains(w)
            || lx.event_words.contains(w)
            || lx.place_words.contains(w)
    });
    let title_end = if head_thing { None } else { title_end };
    if let Some(te) = title_end {
        // An organization, a country or a place before the title is its own
        // mention: "U.N. Secretary-General", "Ohio Senator", "Utah Gov.".
        let mut title_start = a;
        for k in a..te {
            let w = lower[k].trim_end_matches('.');
            if is_title_word(w, lx) {
                break;
            }
            if k < title_start {
                continue; // inside a place of several words
            }
            let tk = key(toks[k].text(text));
            let end = if lx.org_index.contains_key(&tk)
                || lx.country_index.contains_key(&tk)
                || is_acronym(toks[k].text(text))
            {
                Some(k + 1)
            } else {
                super::nested::place_at(text, toks, lower, k, te, lx)
            };
            if let Some(end) = end {
                cands.push(Cand::new(k, end, None));
                title_start = end;
            } else {
                break;
            }
        }
        let title = span_text(text, toks, title_start, te);
        for k in title_start..te {
            if let Some(g) = lx.honorifics.get(lower[k].trim_end_matches('.')) {
                gender = *g;
            }
        }
        if !title.is_empty() {
            titles.push(title);
        }
        a = te;
        while a < b && !toks[a].is_word() {
            a += 1;
        }
        kind = Some(EntityKind::Person);
        // "Chair of the Harbour Anglers Society": a role of what
        // follows, which is no person.
        if a < b && lower[a] == "of" {
            a += 1;
            while a < b && matches!(lower[a].as_str(), "the" | "a" | "an") {
                a += 1;
            }
            kind = None;
            titles.clear();
            gender = Gender::Unknown;
        }
        if a >= b {
            return;
        }
    }
    // Calendar words alone are not names ("Tuesday", "Sept.").
    let all_calendar = (a..b).all(|k| {
        lx.calendar.contains(lower[k].trim_end_matches('.'))
            || lx.abbreviations.contains(lower[k].trim_end_matches('.'))
    });
    if all_calendar && kind.is_none() {
        return;
    }
    // Trailing function words ("Norvia On" in a headline): drop them.
    let mut b = b;
    while b > a + 1
        && matches!(
            lower[b - 1].as_str(),
            "on" | "in" | "of" | "the" | "a" | "an" | "and" | "to" | "for" | "at" | "by" | "with"
        )
        && !is_acronym(toks[b - 1].text(text))
    {
        b -= 1;
    }
    // A trailing title with no name after it describes the name before it
    // ("the Tarrow Governor race", "a Tarrow Mayor"): drop it (not in
    // "Ministry of Justice", where it is part of the name).
    // (A surname that is also a title stays: "Carole King".)
    if title_end.is_none()
        && !(a..b).any(|k| lower[k] == "of")
        && !lx.first_names.contains_key(lower[a].as_str())
        && !lx.surnames.contains(lower[b - 1].as_str())
    {
        let mut e = b;
        while e > a + 1
            && is_title_word(lower[e - 1].trim_end_matches('.'), lx)
            && !lx.org_words.contains(lower[e - 2].as_str())
        {
            e -= 1;
        }
        if e > a && !is_title_word(lower[e - 1].trim_end_matches('.'), lx) {
            b = e;
        }
    }
    // Trailing calendar word ("Seoul Tuesday") and a next sentence's
    // opening word run on from a line with no period ("Preston, Australia
    // On Saturday, ..."): drop them.
    while b > a + 1
        && (lx.calendar.contains(lower[b - 1].as_str())
            && (lower[b - 1].ends_with("day") || !lx.first_names.contains_key(lower[b - 2].as_str()))
            || toks.get(b).is_some_and(|t| t.is_word())
                && lx.function_words.contains(lower[b - 1].as_str())
                && !is_acronym(toks[b - 1].text(text))
                && !lx.calendar.contains(lower[b - 1].as_str())
                && !lx.first_names.contains_key(lower[b - 1].as_str())
                && !lx.surnames.contains(lower[b - 1].as_str()))
    {
        b -= 1;
    }
    cands.push(Cand {
        titles,
        gender,
        sentence_initial: sentence_initial && title_end.is_none(),
        ..Cand::new(a, b, kind)
    });
}

/// "Winter Carnival of Magic", "Grand Order of Foresters": a name of two or
/// more capitalized words whose last is an everyday noun (no given name or
/// surname) takes an "of" and the capitalized name after it, unless that is
/// a known place ("Acme Carpets of Ohio" stays apart).
fn common_head_takes_of(text: &str, toks: &[Token], lower: &Lower, i: usize, j: usize, lx: &Lexicon) -> bool {
    let h = lower[j - 1].as_str();
    if lower[j] != "of" || j < i + 2 || !lx.is_common_word(h) || !toks[j - 1].cap() {
        return false;
    }
    if lx.surnames.contains(h) || lx.first_names.contains_key(h) || lx.calendar.contains(h) {
        return false;
    }
    let mut k = j + 1;
    if toks.get(k).is_some_and(|t| t.is_word()) && lower[k] == "the" {
        k += 1;
    }
    if !toks.get(k).is_some_and(|t| t.is_word() && name_cap(t, text)) {
        return false;
    }
    let w = lower[k].as_str();
    !(lx.places.contains_key(w) || lx.country_index.contains_key(w) || lx.first_names.contains_key(w))
}

/// Endings of host names that mark a bare word as a web address
/// ("example.com", "rentals.ca").
const WEB_ENDINGS: [&str; 19] = [
    "com", "org", "net", "edu", "gov", "mil", "int", "info", "biz", "io", "tv", "ca", "us", "uk", "au", "nz", "ie",
    "de", "fr",
];

/// Web addresses as token ranges: "http://…", "www.…" and bare host names
/// ("podcasts.example.com"), with what follows them up to a space, a
/// bracket or a quote mark, less trailing punctuation. The flag is false for
/// an e-mail address (no name, but no capitals inside it count either).
fn web_addresses(text: &str, toks: &[Token], lower: &Lower) -> Vec<(usize, usize, bool)> {
    let mut out = Vec::new();
    let mut k = 0;
    while k < toks.len() {
        let t = toks[k];
        // (Most tokens are neither: look at the raw text before the
        // lowercase table.)
        let raw = t.text(text);
        let maybe_scheme = raw.len() <= 5 && raw.bytes().next().is_some_and(|b| b == b'h' || b == b'H');
        if !t.is_word() || !(maybe_scheme || t.dotted()) {
            k += 1;
            continue;
        }
        let w = lower[k].as_str();
        let glued = |i: usize| toks.get(i).is_some_and(|t| !t.space_before());
        let scheme = matches!(w, "http" | "https")
            && (1..=3).all(|d| glued(k + d))
            && toks[k + 1].text(text) == ":"
            && toks[k + 2].text(text) == "/";
        let host = w.contains('.')
            && (w.starts_with("www.")
                || w.rsplit_once('.').is_some_and(|(head, tld)| {
                    WEB_ENDINGS.contains(&tld) && head.split('.').all(|l| l.chars().count() >= 2)
                }));
        if !(scheme || host) || k > 0 && !t.space_before() && toks[k - 1].text(text) != "(" {
            // (Inside a word or after "@": an e-mail's host, handled below.)
            let email = host && k > 0 && toks[k - 1].text(text) == "@" && !t.space_before();
            if email {
                let mut a = k - 1;
                while a > 0 && !toks[a].space_before() && !toks[a - 1].text(text).starts_with(['(', '<']) {
                    a -= 1;
                }
                out.push((a, k + 1, false));
            }
            k += 1;
            continue;
        }
        let mut end = k + 1;
        while end < toks.len() && !toks[end].space_before() {
            let s = toks[end].text(text);
            if !toks[end].is_word()
                && s.starts_with([
                    '(', ')', '[', ']', '<', '>', '"', '\'', ',', '\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}',
                ])
            {
                break;
            }
            end += 1;
        }
        while end > k + 1 && !toks[end - 1].is_word() && toks[end - 1].text(text) != "/" {
            end -= 1;
        }
        out.push((k, end, true));
        k = end;
    }
    out
}

/// "Austen, Jane. Pride and Prejudice", "Marx, Karl and Engels, Friedrich.":
/// the entries of a reading list, surname first. The surname's candidate
/// takes the given names (whose own candidate goes); a lone such line counts
/// only when its surname is no everyday word ("Thanks, John.").
fn inverted_names(text: &str, toks: &[Token], lower: &Lower, lx: &Lexicon, cands: &mut Vec<Cand>) {
    // (index of the surname's candidate, given name known, surname no everyday word)
    let mut found: Vec<(usize, bool, bool)> = Vec::new();
    let mut chain_end = usize::MAX;
    for n in 0..cands.len().saturating_sub(1) {
        let (a, b) = (&cands[n], &cands[n + 1]);
        // (The shape first: one word, a comma, the next candidate.)
        if a.t1 != a.t0 + 1 || b.t0 != a.t1 + 1 || toks[a.t1].text(text) != "," {
            continue;
        }
        let starts_entry = a.t0 == 0
            || toks[a.t0].newline_before()
            || (chain_end.checked_add(1) == Some(a.t0) && lower[chain_end] == "and" && !toks[a.t0].newline_before());
        if !starts_entry {
            continue;
        }
        let sur = lower[a.t0].as_str();
        let given = lower[b.t0].as_str();
        let fits = starts_entry
            && a.t1 == a.t0 + 1
            && a.kind.is_none_or(|k| k == EntityKind::Person)
            && b.kind.is_none_or(|k| k == EntityKind::Person)
            && !a.quoted
            && !b.quoted
            && b.t0 == a.t1 + 1
            && toks[a.t1].text(text) == ","
            && (1..=2).contains(&(b.t1 - b.t0))
            && !lx.function_words.contains(sur)
            && !lx.calendar.contains(sur)
            && !lx.places.contains_key(given)
            && !lx.country_index.contains_key(given)
            && !lx.function_words.contains(given)
            && toks.get(b.t1).is_some_and(|t| !t.newline_before() && (t.text(text) == "." || lower[b.t1] == "and"));
        if fits {
            let known = matches!(lx.first_names.get(given), Some(Gender::Male | Gender::Female));
            if known || !lx.is_common_word(given) {
                found.push((n, known, !lx.is_common_word(sur) || lx.surnames.contains(sur)));
                chain_end = b.t1;
            }
        }
    }
    // A list (two entries with known given names) vouches for all of its
    // entries; a lone entry needs a known given name and a surname that is
    // no everyday word.
    let list = found.iter().filter(|f| f.1).count() >= 2;
    found.retain(|&(_, known, plain)| list || known && plain);
    for &(n, _, _) in found.iter().rev() {
        let g = (cands[n + 1].t0, cands[n + 1].t1);
        let a = &mut cands[n];
        a.kind = Some(EntityKind::Person);
        a.given = Some(g);
        a.sentence_initial = false;
        cands.remove(n + 1);
    }
}

/// "[Phil] Gramm", "Jeff [Drake]": an editor's bracket completes a name in
/// a quote or a transcript. The surname's candidate takes the given names,
/// as in a reading list, so each part stays a mention of one person.
fn bracketed_names(text: &str, toks: &[Token], lower: &Lower, lx: &Lexicon, cands: &mut Vec<Cand>) {
    let is = |k: usize, s: &str| toks.get(k).is_some_and(|t| t.text(text) == s);
    let mut n = 0;
    while n + 1 < cands.len() {
        let (a, b) = (&cands[n], &cands[n + 1]);
        let plain = |c: &Cand| c.kind.is_none_or(|k| k == EntityKind::Person) && !c.quoted && c.given.is_none();
        // (The brackets first; the word lists only for the few that have them.)
        let shape = b.t0 == a.t1 + 1
            && b.t1 == b.t0 + 1
            && ((a.t0 > 0 && is(a.t0 - 1, "[") && is(a.t1, "]")) || (is(a.t1, "[") && is(b.t1, "]")));
        if shape
            && a.t1 - a.t0 <= 3
            && plain(a)
            && plain(b)
            && lx.first_names.contains_key(lower[a.t0].as_str())
            && !lx.function_words.contains(lower[b.t0].as_str())
        {
            let g = (a.t0, a.t1);
            let b = &mut cands[n + 1];
            b.kind = Some(EntityKind::Person);
            b.given = Some(g);
            b.sentence_initial = false;
            cands.remove(n);
        }
        n += 1;
    }
}

/// A title word, or a hyphenated compound of one ("Editor-in-Chief",
/// "Secretary-General").
fn is_title_word(w: &str, lx: &Lexicon) -> bool {
    lx.titles.contains(w) || (w.contains('-') && w.split('-').next().is_some_and(|p| lx.titles.contains(p)))
}

fn next_is_title(lower: &Lower, k: usize, b: usize, lx: &Lexicon) -> bool {
    (k..b.saturating_sub(1)).any(|j| lx.titles.contains(lower[j].trim_end_matches('.')))
        && (k..b).take(2).any(|j| lx.titles.contains(lower[j].trim_end_matches('.')))
}

fn after_open_quote(text: &str, toks: &[Token], a: usize) -> bool {
    a > 0 && {
        let p = toks[a - 1];
        p.kind == TokKind::Punct && super::text::is_double_quote(first_char(&p, text)) && !toks[a].space_before()
    }
}

fn span_text(text: &str, toks: &[Token], a: usize, b: usize) -> String {
    if a >= b {
        return String::new();
    }
    text[toks[a].start()..toks[b - 1].end()].to_string()
}

/// The entity a mention text refers to via the lexicons: a known country or
/// organization (canonical name and kind).
fn lexicon_entity(name_key: &str, lx: &Lexicon) -> Option<(String, EntityKind)> {
    if let Some(&ci) = lx.country_index.get(name_key) {
        return Some((lx.countries[ci].name.clone(), EntityKind::Place));
    }
    if let Some(&oi) = lx.org_index.get(name_key) {
        return Some((lx.orgs[oi].name.clone(), EntityKind::Organization));
    }
    None
}

fn head_kind(last: &str, lx: &Lexicon) -> Option<EntityKind> {
    let l = last.trim_end_matches('.');
    if lx.org_words.contains(l) {
        Some(EntityKind::Organization)
    } else if lx.event_words.contains(l) {
        Some(EntityKind::Event)
    } else if lx.document_words.contains(l) {
        Some(EntityKind::Document)
    } else if lx.place_words.contains(l) {
        Some(EntityKind::Place)
    } else {
        None
    }
}

/// Types candidates, links them into entities and resolves pronouns.
fn build(inp: &Context, lx: &Lexicon, lower: &Lower, seen_lower: &FxHashSet<&str>, cands: Vec<Cand>) -> Entities {
    let text = inp.text;
    let toks = inp.tokens;
    let mut ents = Entities::default();
    // Lookup tables for linking.
    let mut by_key: FxHashMap<String, usize> = FxHashMap::default();
    let mut acronym_of: FxHashMap<String, usize> = FxHashMap::default();
    let mut pending_single: Vec<(Cand, String)> = Vec::new();
    let dateline = inp.meta.dateline;
    // Acronyms defined by a lowercase phrase ("peacekeeping operations
    // (PKO)") are concepts, not named things.
    let concept_acronyms = lowercase_defined_acronyms(text, toks);
    let person_words = person_words(inp, lx, lower, &cands);

    for c in &cands {
        if let Some((g0, g1)) = c.given {
            inverted_person(&mut ents, &mut by_key, text, toks, lx, lower, c, g0, g1);
            continue;
        }
        let name = span_text(text, toks, c.t0, c.t1);
        let nkey = key(&name);
        let ntok = c.t1 - c.t0;
        let first_lower = lower[c.t0].as_str();
        let last_lower = lower[c.t1 - 1].as_str();
        let span = Span::new(toks[c.t0].start(), toks[c.t1 - 1].end());
        let is_dateline = dateline.is_some_and(|d| d.contains(span));
        let mention = |ents: &mut Entities, id: usize, form: MentionForm| {
            ents.mentions.push(Found { span, entity: id, form, tok: c.t0, tok_end: c.t1 });
        };

        // Adjectives ("COVID-19" among them) and plurals of countries ("the
        // two Koreas") are not names on their own; a name may hold digits
        // ("U2", "G7").
        if ntok == 1 && c.kind.is_none() {
            let raw1 = toks[c.t0].text(text);
            // An abbreviation of a thing ("PhD", "DNA", "GDP"), or a word
            // shouted in capitals ("HUGE"): no organization.
            let capitals = raw1.chars().filter(|ch| ch.is_uppercase()).count();
            let shouted_word = is_acronym(raw1) && nkey.len() >= 4 && lx.is_common_word(&nkey);
            if (capitals >= 2 && lx.concept_acronyms.contains(&nkey)
                || shouted_word
                || !name_like_word(raw1, &lower[c.t0], lx))
                && lexicon_entity(&nkey, lx).is_none()
                && !lx.places.contains_key(&nkey)
            {
                continue;
            }
            // "I’m", "It's": a pronoun with a contraction.
            if raw1.split(['\'', '\u{2019}']).next().is_some_and(|p| lx.function_words.contains(&p.to_lowercase()))
                && raw1.contains(['\'', '\u{2019}'])
            {
                continue;
            }
            // A one-word line (a section heading) names nothing by itself.
            let alone = toks[c.t0].newline_before() && toks.get(c.t1).is_none_or(|n| n.newline_before());
            if alone && lexicon_entity(&nkey, lx).is_none() && !lx.places.contains_key(&nkey) {
                continue;
            }
            // ("Paralympics" is an event.)
            let plural_demonym = !lx.event_words.contains(&nkey)
                && nkey
                    .strip_suffix('s')
                    .is_some_and(|k| lx.demonym_index.contains_key(k) || lx.adjectives.contains(k));
            let plural_country =
                plural_demonym || nkey.strip_suffix('s').is_some_and(|k| lx.country_index.contains_key(k));
            // "Americans", "Palestinians": a people, named as a group.
            if plural_demonym && !lx.adjectives.contains(&nkey) {
                let id = match by_key.get(&nkey) {
                    Some(&id) => id,
                    None => {
                        let id = ents.add_entity(EntityKind::Other, name.clone());
                        by_key.insert(nkey.clone(), id);
                        id
                    }
                };
                mention(&mut ents, id, MentionForm::Name);
                continue;
            }
            if lx.adjectives.contains(&nkey) || lx.demonym_index.contains_key(&nkey) || plural_country {
                continue;
            }
        }
        // Adjectives only ("Libertarian Socialist", "South Korean"): a
        // description, no name.
        if ntok >= 2
            && c.kind.is_none()
            && (c.t0..c.t1).all(|k| {
                let w = lower[k].as_str();
                lx.adjectives.contains(w) || lx.demonym_index.contains_key(w)
            })
        {
            continue;
        }
        // "a Tax System", "an Oath": everyday words after an indefinite
        // article, capitalized for emphasis (not "a Royal Bank economist",
        // which has a head word).
        if c.kind.is_none()
            && c.t0 > 0
            && toks[c.t0 - 1].is_word()
            && matches!(toks[c.t0 - 1].text(text), "a" | "an")
            && (c.t0..c.t1).all(|k| {
                let w = lower[k].as_str();
                toks[k].is_word()
                    && !toks[k].inner_cap()
                    && lx.is_common_word(w)
                    && !lx.org_words.contains(w)
                    && !lx.place_words.contains(w)
                    && !lx.event_words.contains(w)
                    && !lx.document_words.contains(w)
                    && !lx.places.contains_key(w)
                    && !lx.first_names.contains_key(w)
                    && !lx.surnames.contains(w)
            })
            && lexicon_entity(&nkey, lx).is_none()
        {
            continue;
        }
        // A party-and-state tag ("D-Wis.", "R-Pa.", "I-Vt.") is no name;
        // nor is a currency's country ("US$ 10 billion").
        if ntok == 1
            && (is_party_tag(toks[c.t0].text(text))
                || toks.get(c.t1).is_some_and(|t| !t.space_before() && t.text(text) == "$"))
        {
            continue;
        }
        // A run of words all in capitals outside the dateline ("DRY SUMMER
        // STRAINS WELLS"): a shouted heading, not a name.
        let shouted = |k: usize| {
            let w = toks[k].text(text);
            toks[k].is_word()
                && w.chars().filter(|ch| ch.is_alphabetic()).count() >= 2
                && !w.chars().any(char::is_lowercase)
        };
        let shouted_nearby = (c.t0 > 0 && !toks[c.t0].newline_before() && shouted(c.t0 - 1))
            || toks.get(c.t1).is_some_and(|t| !t.newline_before()) && c.t1 < toks.len() && shouted(c.t1);
        if (ntok >= 2 || shouted_nearby)
            && !is_dateline
            && (c.t0..c.t1).all(|k| !toks[k].is_word() || shouted(k))
            && lexicon_entity(&nkey, lx).is_none()
            && !lx.places.contains_key(&nkey)
        {
            continue;
        }
        // A capital city standing for its government ("Seoul has pursued",
        // "Seoul's pledges"): not in the dateline, not after "in"/"at"/"to".
        if ntok == 1 && !is_dateline {
            if let Some(&ci) = lx.capital_index.get(&nkey) {
                let prev = c.t0.checked_sub(1).map(|k| lower[k].as_str()).unwrap_or("");
                let locative = matches!(prev, "in" | "at" | "to" | "from" | "near" | "into" | "outside" | "across");
                let country_key = key(&lx.countries[ci].name);
                if let (false, Some(&id)) = (locative, by_key.get(&country_key)) {
                    mention(&mut ents, id, MentionForm::Alias);
                    continue;
                }
            }
        }
        // 1. Already known under this key.
        if let Some(&id) = by_key.get(&nkey) {
            if !(is_dateline && ents.entities[id].kind != EntityKind::Place) {
                mention(&mut ents, id, MentionForm::Name);
                merge_titles(&mut ents, id, c);
                continue;
            }
        }
        // 2. Lexicon countries and organizations (aliases and capitals).
        if c.kind.is_none() || c.quoted {
            let lex = lexicon_entity(&nkey, lx);
            if let Some((canon, kind)) = lex {
                let ckey = key(&canon);
                let id = match by_key.get(&ckey) {
                    Some(&id) => id,
                    None => {
                        let id = ents.add_entity(kind, canon.clone());
                        by_key.insert(ckey, id);
                        id
                    }
                };
                by_key.insert(nkey.clone(), id);
                let form = if key(&canon) == nkey { MentionForm::Name } else { MentionForm::Alias };
                mention(&mut ents, id, form);
                continue;
            }
        }
        if concept_acronyms.contains(&nkey) {
            continue;
        }
        // 3. Acronym defined earlier ("peacekeeping operations (PKO)") or
        // matching the initials of an entity already named.
        let raw = toks[c.t0].text(text);
        if ntok == 1 && is_acronym(raw) {
            if let Some(&id) = acronym_of.get(&nkey) {
                by_key.insert(nkey.clone(), id);
                mention(&mut ents, id, MentionForm::Alias);
                continue;
            }
            if let Some(id) = ents.initials_index.get(&nkey).copied().filter(|&id| {
                matches!(
                    ents.entities[id].kind,
                    EntityKind::Organization | EntityKind::Place | EntityKind::Event | EntityKind::Other
                )
            }) {
                by_key.insert(nkey.clone(), id);
                mention(&mut ents, id, MentionForm::Alias);
                continue;
            }
        }
        // Single words (and titled surnames: "Ms. Brennan") are linked once
        // every full name is known.
        if ntok == 1 && !c.quoted && !is_dateline && (c.kind.is_none() || c.kind == Some(EntityKind::Person)) {
            pending_single.push((c.clone(), nkey.clone()));
            continue;
        }
        // A shorter form of a person named before ("Van der Molen").
        if ntok >= 2 && c.kind.is_none_or(|k| k == EntityKind::Person) {
            if let Some(id) = unique_person_containing(&ents, &nkey, c.gender) {
                mention(&mut ents, id, MentionForm::Name);
                continue;
            }
        }
        // "T C Marnie" after "Cyclone Marnie": the storm again.
        if ntok >= 2 && c.kind.is_none() {
            if let Some(id) = storm_named(&ents, last_lower) {
                mention(&mut ents, id, MentionForm::Name);
                continue;
            }
        }
        // "the 2010 World Cup" after "the World Cup": an edition of it.
        if ntok >= 3 && is_year(toks[c.t0].text(text)) {
            let rest = key(&span_text(text, toks, c.t0 + 1, c.t1));
            if let Some(&id) = by_key.get(&rest).filter(|&&id| ents.entities[id].kind == EntityKind::Event) {
                mention(&mut ents, id, MentionForm::Alias);
                continue;
            }
        }
        // 4. Type from evidence.
        let of_head =
            (c.t0..c.t1).find(|&k| lower[k] == "of").filter(|&k| k > c.t0).and_then(|k| head_kind(&lower[k - 1], lx));
        let head = if ntok >= 2 {
            of_head
                .or_else(|| head_kind(last_lower, lx))
                .or_else(|| place_prefix(first_lower, lx))
                .or_else(|| STORM_WORDS.contains(&lower[c.t1 - 2].as_str()).then_some(EntityKind::Event))
        } else {
            None
        };
        let mut kind = c.kind;
        if kind.is_none() {
            kind = if c.quoted {
                Some(EntityKind::Other)
            } else if let Some(h) = head {
                Some(h)
            } else if lx.places.contains_key(&nkey) {
                Some(EntityKind::Place)
            } else if ntok == 1 && is_acronym(raw) {
                Some(EntityKind::Organization)
            } else if lx.demonym_index.contains_key(&nkey) {
                None // "Korean": an adjective, not an entity
            } else if (2..=4).contains(&ntok) {
                // Sentence-initial role word before a name: "Agronomist Yuki Tanabe".
                if c.sentence_initial
                    && ntok >= 3
                    && !lx.first_names.contains_key(first_lower)
                    && lx.first_names.contains_key(lower[c.t0 + 1].as_str())
                {
                    let mut c2 = c.clone();
                    c2.t0 += 1;
                    c2.sentence_initial = false;
                    c2.kind = Some(EntityKind::Person);
                    // Re-run this candidate alone through the pipeline by pushing it to the single queue.
                    pending_single.push((c2, key(&span_text(text, toks, c.t0 + 1, c.t1))));
                    continue;
                }
                let no_given_name = !lx.first_names.contains_key(first_lower);
                // ("foreign minister Pak Sun-hi, North Korea's ...": a role
                // before it makes a person of it.)
                let role_before = c.t0 > 0 && toks[c.t0 - 1].is_word() && lx.titles.contains(lower[c.t0 - 1].as_str());
                let in_place = place_context(toks, lower, c.t0);
                if (no_given_name || in_place && comma_place_after(text, toks, lower, c.t1, lx))
                    && !role_before
                    && (in_place || coordinated_with_place(text, toks, lower, c.t0, c.t1, lx))
                {
                    Some(EntityKind::Place)
                } else if REGION_WORDS.contains(&first_lower) && {
                    let rest = key(&span_text(text, toks, c.t0 + 1, c.t1));
                    lx.places.contains_key(&rest) || lx.country_index.contains_key(&rest)
                } {
                    // "Upstate New York", "Northern Ontario": part of a place.
                    Some(EntityKind::Place)
                } else if person_evidence(text, toks, lower, c, lx, seen_lower)
                    || (ntok <= 3 && person_words.contains(last_lower) && !lx.places.contains_key(last_lower))
                {
                    Some(EntityKind::Person)
                } else if coordinated_with_place(text, toks, lower, c.t0, c.t1, lx) {
                    Some(EntityKind::Place)
                } else if !raw_has_digit(toks[c.t1 - 1].text(text))
                    && (c.t0..c.t1).all(|k| !toks[k].is_word() || seen_lower.contains(lower[k].as_str()))
                {
                    // Every word is used lowercase elsewhere in the text
                    // ("a Water Plan that ...", "Open Doors"): common nouns
                    // capitalized for emphasis, not a name.
                    None
                } else {
                    Some(EntityKind::Organization)
                }
            } else if ntok == 1 && is_dateline {
                Some(EntityKind::Place)
            } else if ntok == 1 {
                // A lone capitalized word: a surname of someone named, or
                // decided after all full names are known.
                pending_single.push((c.clone(), nkey.clone()));
                continue;
            } else {
                Some(EntityKind::Other)
            };
        }
        let Some(mut kind) = kind else { continue };
        let mut name = name;
        if is_dateline {
            // "SEOUL--": the place the report was filed from.
            kind = EntityKind::Place;
            name = title_case(&name);
        }
        if c.sentence_initial && ntok == 1 && seen_lower.contains(first_lower) {
            continue;
        }
        let id = ents.add_entity(kind, name);
        by_key.insert(nkey.clone(), id);
        merge_titles(&mut ents, id, c);
        if kind == EntityKind::Person {
            let g = if c.gender != Gender::Unknown {
                c.gender
            } else {
                lx.first_name_gender(first_lower).unwrap_or(Gender::Unknown)
            };
            ents.gender[id] = g;
        }
        mention(&mut ents, id, MentionForm::Name);
        // "Full Name (ABC)": the acronym is an alias.
        if let (Some(p), Some(a), Some(q)) = (toks.get(c.t1), toks.get(c.t1 + 1), toks.get(c.t1 + 2)) {
            if p.text(text) == "(" && q.text(text) == ")" && is_acronym(a.text(text)) {
                acronym_of.insert(key(a.text(text)), id);
            }
        }
    }
    drop(cands);

    let merged_away = merge_surname_variants(&mut ents, lx, &mut by_key);
    merge_misspelt_names(&mut ents, &mut by_key);
    // Mentions per entity so far, for ranking ambiguous surnames.
    let mut mention_count: FxHashMap<usize, usize> = FxHashMap::default();
    // Where each entity was named before the lone words are linked, in order.
    let mut named_at: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for m in &ents.mentions {
        *mention_count.entry(m.entity).or_default() += 1;
        named_at.entry(m.entity).or_default().push(m.span.start);
    }
    named_at.values_mut().for_each(|v| v.sort_unstable());
    // Single capitalized words: surnames / first names of people named in
    // full, parts of longer names, or things of their own.
    // How often each lone word is capitalized mid-sentence.
    let mut cap_count: FxHashMap<String, usize> = FxHashMap::default();
    for (c, k) in &pending_single {
        // (At a sentence start only a word that is no everyday word counts.)
        if !c.sentence_initial || !lx.is_common_word(k) {
            *cap_count.entry(k.clone()).or_default() += 1;
        }
    }
    for (c, nkey) in pending_single {
        let span = Span::new(toks[c.t0].start(), toks[c.t1 - 1].end());
        let found = |id: usize, form| Found { span, entity: id, form, tok: c.t0, tok_end: c.t1 };
        if let Some(&id) = by_key.get(&nkey) {
            ents.mentions.push(found(id, MentionForm::Name));
            continue;
        }
        if concept_acronyms.contains(&nkey) {
            continue;
        }
        let word = nkey.as_str();
        let fits = |id: usize| {
            c.gender == Gender::Unknown || ents.gender[id] == Gender::Unknown || ents.gender[id] == c.gender
        };
        let mut people: Vec<usize> = ents
            .with_word(word)
            .iter()
            .copied()
            .filter(|&id| ents.entities[id].kind == EntityKind::Person && !merged_away.contains(&id))
            .collect();
        if people.len() > 1 {
            // "Ms. Brennan" between a brother and a sister.
            let by_gender: Vec<usize> = people.iter().copied().filter(|&id| fits(id)).collect();
            if by_gender.len() == 1 || c.gender != Gender::Unknown && !by_gender.is_empty() {
                people = by_gender;
            }
        }
        if people.len() == 1 {
            ents.mentions.push(found(people[0], MentionForm::Name));
            merge_titles(&mut ents, people[0], &c);
            continue;
        }
        if people.len() > 1 {
            // Ambiguous: prefer a unique surname (last word) match, else leave it.
            let by_last: Vec<usize> =
                people.iter().copied().filter(|&id| ents.words[id].last().is_some_and(|w| w == word)).collect();
            if by_last.len() == 1 {
                ents.mentions.push(found(by_last[0], MentionForm::Name));
                continue;
            }
            // Still ambiguous: a bare surname in news means the principal,
            // the one named clearly more often; otherwise leave it unlinked.
            let count = |id: usize| mention_count.get(&id).copied().unwrap_or(0);
            let mut ranked: Vec<(usize, usize)> = people.iter().map(|&id| (count(id), id)).collect();
            ranked.sort_unstable_by(|a, b| b.cmp(a));
            let pick = if ranked.len() >= 2 && ranked[0].0 >= 2 * ranked[1].0.max(1) {
                Some(ranked[0].1)
            } else {
                // Else the one named most recently before ("Jo Balton
                // said ... Balton added").
                let last_before = |id: usize| {
                    let at = named_at.get(&id)?;
                    at.partition_point(|&p| p < span.start).checked_sub(1).map(|i| at[i])
                };
                people.iter().filter_map(|&id| last_before(id).map(|p| (p, id))).max().map(|(_, id)| id)
            };
            if let Some(id) = pick {
                ents.mentions.push(found(id, MentionForm::Name));
                *mention_count.entry(id).or_default() += 1;
            }
            continue;
        }
        // A storm by its own name ("Marnie" for Cyclone Marnie).
        // ("the Cyclone": the one storm named.)
        if let Some(id) = storm_named(&ents, word) {
            ents.mentions.push(found(id, MentionForm::Name));
            continue;
        }
        // "the Games", "the Paralympics": the head word of the one event
        // of that kind named in full ("Harbour Games", "Winter
        // Paralympics").
        // (Not one edition: "the Paralympics" is not "the 2012 Summer
        // Paralympics".)
        let event = ents.only_one(word, |kind, w| {
            kind == EntityKind::Event && w.len() >= 2 && w[w.len() - 1] == word && !is_year(&w[0])
        });
        if let Some(id) = event {
            ents.mentions.push(found(id, MentionForm::Alias));
            continue;
        }
        // An abbreviation of a one-word name named before ("LV" after
        // "LibriVox").
        if is_acronym(toks[c.t0].text(text)) {
            if let Some(id) = ents
                .initials_index
                .get(word)
                .copied()
                .filter(|&id| ents.entities[id].kind != EntityKind::Person && ents.words[id].len() == 1)
            {
                ents.mentions.push(found(id, MentionForm::Alias));
                continue;
            }
        }
        // "the Press" after "Harbour Press", "the Council" after "Dover
        // City Council": the head word of the one organization named in
        // full with it (its last word, or the word before "of").
        if c.t0 > 0 && lower[c.t0 - 1] == "the" && !c.sentence_initial {
            let org = ents.only_one(word, |kind, w| {
                let head = w.iter().position(|x| x == "of").filter(|&k| k > 0).map_or(w.len() - 1, |k| k - 1);
                kind == EntityKind::Organization && w.len() >= 2 && w[head] == word
            });
            if let Some(id) = org {
                ents.mentions.push(found(id, MentionForm::Alias));
                continue;
            }
        }
        // The first word of one organization's name ("Velden" for Velden
        // Motors) is a short name for it (not "the city of Westbrook").
        // (A known place is itself: "Dover, Vermont" is no short name for
        // the Vermont Institute of Art.)
        // (Nor is a sentence's everyday first word: "Satellite view of ...".)
        let known_place = lx.places.contains_key(word)
            || lx.country_index.contains_key(word)
            || comma_place_after(text, toks, lower, c.t1, lx);
        let plain_opener = c.sentence_initial && lx.is_common_word(word);
        let orgs: Vec<usize> = if place_context(toks, lower, c.t0) || known_place || plain_opener {
            Vec::new()
        } else {
            ents.with_word(word).to_vec()
        };
        let orgs: Vec<usize> = orgs
            .into_iter()
            .filter(|&id| ents.entities[id].kind == EntityKind::Organization && ents.words[id].len() >= 2)
            .filter(|&id| ents.words[id][0] == word)
            .collect();
        // (Else of one place: "Calvera" for Calvera Baths, but not a word like
        // "Port" for Port Alder.)
        let orgs: Vec<usize> = if orgs.is_empty() && !known_place && !lx.is_common_word(word) {
            ents.with_word(word)
                .iter()
                .copied()
                .filter(|&id| ents.entities[id].kind == EntityKind::Place && ents.words[id].len() >= 2)
                .filter(|&id| ents.words[id][0] == word)
                .collect()
        } else {
            orgs
        };
        if let [id] = orgs[..] {
            ents.mentions.push(found(id, MentionForm::Alias));
            continue;
        }
        // A lone capitalized everyday word of a headline names nothing by itself.
        let common = lx.is_common_word(word);
        let given_only = lx.first_names.contains_key(word) && !lx.surnames.contains(word);
        if c.headline && (common || given_only) && !lx.places.contains_key(word) && lexicon_entity(word, lx).is_none() {
            continue;
        }
        // "The Beacon reported", "the Ledger said": a publication speaking.
        let outlet = c.t0 > 0
            && lower[c.t0 - 1] == "the"
            && toks.get(c.t1).is_some_and(|t| t.is_word() && lx.speech_verb(&lower[c.t1]).is_some())
            && !lx.titles.contains(word)
            && !lx.function_words.contains(word)
            && !plural_common_noun(word, lx)
            && !is_acronym(toks[c.t0].text(text));
        if outlet {
            let id = ents.add_entity(EntityKind::Organization, span_text(text, toks, c.t0, c.t1));
            by_key.insert(nkey.clone(), id);
            ents.mentions.push(found(id, MentionForm::Name));
            continue;
        }
        // A word of a longer non-person name ("Initiative" alone is not a thing).
        if c.sentence_initial && (seen_lower.contains(word) || lx.function_words.contains(word)) {
            continue;
        }
        if lx.function_words.contains(word) || lx.titles.contains(word) || lx.calendar.contains(word) {
            continue;
        }
        // A sentence's first word is a name only when it is no everyday word
        // ("Zentrix announced"), a known name, or a speaker ("Brennan said").
        if c.sentence_initial
            && common
            && !lx.surnames.contains(word)
            && !lx.first_names.contains_key(word)
            && (!followed_by_speech(toks, lower, c.t0, c.t1, lx) || plural_common_noun(word, lx))
        {
            continue;
        }

        let raw1 = toks[c.t0].text(text);
        let camel = raw1.chars().skip(1).any(char::is_uppercase) && raw1.chars().any(char::is_lowercase);
        // "Image: Kvarnholm": a caption credits a person (a photographer, an
        // uploader) unless the name is an abbreviation or a known place.
        let credited = c.t0 >= 2
            && toks[c.t0 - 1].text(text) == ":"
            && matches!(lower[c.t0 - 2].as_str(), "image" | "photo" | "photograph")
            && !is_acronym(raw1)
            && !lx.places.contains_key(word)
            && !lx.country_index.contains_key(word);
        let kind = if credited {
            EntityKind::Person
        } else if camel && c.kind.is_none() {
            // "YouTube", "TransLink": brands and organizations.
            EntityKind::Organization
        } else if c.kind == Some(EntityKind::Person)
            || (followed_by_speech(toks, lower, c.t0, c.t1, lx) && !plural_common_noun(word, lx) && !is_acronym(raw1))
            || person_words.contains(word)
        {
            EntityKind::Person
        } else if lx.places.contains_key(word) || lx.country_index.contains_key(word) {
            EntityKind::Place
        } else if (place_context(toks, lower, c.t0)
            && (!common || name_word(word, lx) || cap_count.get(nkey.as_str()).copied().unwrap_or(0) >= 2))
            || toks.get(c.t1).is_some_and(|t| t.text(text).starts_with("-based"))
        {
            // "in Westbrook", "the village of Cressley": a place by its context.
            EntityKind::Place
        } else if !is_acronym(raw1)
            && !c.sentence_initial
            && !seen_lower.contains(word)
            && name_word(word, lx)
            && (!toks[c.t0].possessive() || !next_cap(toks, c.t0))
        {
            // A known given name or surname, or a surname by its form
            // ("Dravoski"), capitalized mid-sentence and never used as a word.
            EntityKind::Person
        } else if c.kind.is_none()
            && (coordinated_with_place(text, toks, lower, c.t0, c.t1, lx)
                || comma_place_after(text, toks, lower, c.t1, lx))
        {
            EntityKind::Place
        } else if is_acronym(raw1) || cap_count.get(nkey.as_str()).copied().unwrap_or(0) >= 2 {
            // An acronym, or a word capitalized mid-sentence more than once:
            // a brand or an organization.
            EntityKind::Organization
        } else if common && lx.org_words.contains(word) && !c.sentence_initial {
            // "Congress", "Parliament": an institution by its head word.
            EntityKind::Organization
        } else if common
            && !(c.t0 > 0
                && matches!(
                    lower[c.t0 - 1].as_str(),
                    "the"
                        | "on"
                        | "at"
                        | "via"
                        | "by"
                        | "with"
                        | "his"
                        | "her"
                        | "their"
                        | "its"
                        | "our"
                        | "my"
                        | "your"
                        | "called"
                        | "named"
                        | "dubbed"
                        | "nicknamed"
                        | "titled"
                        | "entitled"
                ))
        {
            // An everyday word capitalized once, for emphasis ("a state of
            // Peace and Security"), is no name; after "the", a possessive, a
            // preposition of place or a naming verb it may be one ("the
            // Times", "posted on Beacon", "his Beacon account", "a drink
            // called Thunder").
            continue;
        } else {
            // One capitalized word seen once: a name, but of what is unclear.
            EntityKind::Other
        };
        let name = span_text(text, toks, c.t0, c.t1);
        let id = ents.add_entity(kind, name);
        merge_titles(&mut ents, id, &c);
        if c.gender != Gender::Unknown {
            ents.gender[id] = c.gender;
        } else if kind == EntityKind::Person {
            ents.gender[id] = lx.first_name_gender(word).unwrap_or(Gender::Unknown);
        }
        by_key.insert(nkey.clone(), id);
        ents.mentions.push(found(id, MentionForm::Name));
    }

    link_name_prefixes(&mut ents);
    link_descriptor_names(&mut ents, lx);
    descriptive_aliases(inp, lx, &mut ents);
    role_aliases(inp, lx, &mut ents);
    ents.mentions.sort_by_key(|m| (m.span.start, m.span.end));
    ents.mentions.dedup_by_key(|m| m.span);
    ents
}

/// A surname with its given names written apart ("Austen, Jane.", "[Phil]
/// Gramm"): one person named "Jane Austen", with both parts as mentions.
#[allow(clippy::too_many_arguments)]
fn inverted_person(
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
    let surname = span_text(text, toks, c.t0, c.t1);
    let full = format!("{} {surname}", span_text(text, toks, g0, g1));
    // (By the full name only: "[George W.] Bush" is not "[George H. W.] Bush".)
    let id = match by_key.get(&key(&full)) {
        Some(&id) if ents.entities[id].kind == EntityKind::Person => id,
        _ => {
            let id = ents.add_entity(EntityKind::Person, full.clone());
            ents.gender[id] = lx.first_name_gender(&lower[g0]).unwrap_or(Gender::Unknown);
            id
        }
    };
    by_key.insert(key(&full), id);
    by_key.entry(key(&surname)).or_insert(id);
    for (a, b) in [(c.t0, c.t1), (g0, g1)] {
        let span = Span::new(toks[a].start(), toks[b - 1].end());
        ents.mentions.push(Found { span, entity: id, form: MentionForm::Name, tok: a, tok_end: b });
    }
}

/// The one person whose name holds `nkey` as a run of whole words
/// ("van der molen" in "Pieter van der Molen"), if exactly one does.
fn unique_person_containing(ents: &Entities, nkey: &str, g: Gender) -> Option<usize> {
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
            words.len() > want.len() && words.windows(want.len()).any(|w| w.iter().zip(&want).all(|(a, b)| a == b))
        })
        .collect();
    (hits.len() == 1).then(|| hits[0])
}

/// The name [t0, t1) is followed by a speech verb ("Brennan said"), not as
/// the modifier of a noun ("a Twitter comment", "the Reuters report").
fn followed_by_speech(toks: &[Token], lower: &Lower, t0: usize, t1: usize, lx: &Lexicon) -> bool {
    let determiner = t0 > 0 && toks[t0 - 1].is_word() && super::text::is_determiner(&lower[t0 - 1]);
    !determiner && toks.get(t1).is_some_and(|t| t.is_word() && lx.speech_verb(&lower[t1]).is_some())
}

/// "Halifax or Wexbury", "Winnipeg, Elk Hollow and Sundby": a name listed
/// next to a known place is a place too.
fn coordinated_with_place(text: &str, toks: &[Token], lower: &Lower, t0: usize, t1: usize, lx: &Lexicon) -> bool {
    let known_key = |k: &str| lx.places.contains_key(k) || lx.country_index.contains_key(k);
    let joins =
        |k: usize| toks.get(k).is_some_and(|t| matches!(t.text(text), "and" | "or" | ",") && !t.newline_before());
    let known = |a: usize, b: usize| {
        a < b && b <= toks.len() && (a..b).all(|k| toks[k].is_word() && toks[k].cap()) && {
            if b == a + 1 && !toks[a].text(text).contains('.') {
                known_key(lower[a].as_str())
            } else {
                known_key(&key(&span_text(text, toks, a, b)))
            }
        }
    };
    let item = |k: usize| toks[k].is_word() && toks[k].cap() && !toks[k].newline_before();
    // The other items of the list, up to a dozen tokens either way.
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
    items.into_iter().any(|(a, b)| (b > a && b - a <= 3) && known(a, b))
}

/// ", Arkansas", ", Portugal": a known region or country after a comma,
/// the way a town is placed ("in Eureka Springs, Arkansas").
fn comma_place_after(text: &str, toks: &[Token], lower: &Lower, t1: usize, lx: &Lexicon) -> bool {
    if toks.get(t1).is_none_or(|t| t.text(text) != ",") {
        return false;
    }
    (1..=2).any(|n| {
        let (a, b) = (t1 + 1, t1 + 1 + n);
        b <= toks.len()
            && (a..b).all(|k| toks[k].is_word() && toks[k].cap())
            && toks.get(b).is_none_or(|t| !t.is_word() || !t.cap() || lx.function_words.contains(lower[b].as_str()))
            && {
                let known = |k: &str| lx.places.contains_key(k) || lx.country_index.contains_key(k);
                if n == 1 {
                    known(lower[a].as_str())
                } else {
                    known(&key(&span_text(text, toks, a, b)))
                }
            }
    })
}

/// Words before a name that make it a place: a locative preposition ("in
/// X", "across the X") or a settlement noun with "of" ("the city of X").
fn place_context(toks: &[Token], lower: &Lower, t0: usize) -> bool {
    let at = |back: usize| t0.checked_sub(back).filter(|&k| toks[k].is_word()).map(|k| lower[k].as_str());
    let locative = |w: Option<&str>| {
        matches!(
            w,
            Some(
                "in" | "near" | "outside" | "from" | "across" | "around" | "throughout" | "into" | "toward" | "towards"
            )
        )
    };
    let settlement = |w: Option<&str>| {
        matches!(
            w,
            Some(
                "city"
                    | "town"
                    | "village"
                    | "province"
                    | "state"
                    | "county"
                    | "region"
                    | "island"
                    | "islands"
                    | "district"
                    | "municipality"
                    | "hamlet"
                    | "community"
                    | "suburb"
                    | "capital"
            )
        )
    };
    // "the premier of X", "residents of X": a jurisdiction.
    let jurisdiction = |w: Option<&str>| {
        matches!(
            w,
            Some(
                "premier"
                    | "mayor"
                    | "governor"
                    | "president"
                    | "minister"
                    | "king"
                    | "queen"
                    | "residents"
                    | "people"
                    | "citizens"
                    | "government"
                    | "capital"
                    | "mps"
                    | "mlas"
            )
        )
    };
    locative(at(1))
        || (at(1) == Some("the") && locative(at(2)))
        || (at(1) == Some("of") && (settlement(at(2)) || jurisdiction(at(2))))
}

/// Evidence that a run of 2-4 capitalized words not otherwise typed is a
/// person's name: a known first name, a known surname at the end, a title
/// or role word before it, a speech verb or an age (", 52,") after it.
fn person_evidence(
    text: &str,
    toks: &[Token],
    lower: &Lower,
    c: &Cand,
    lx: &Lexicon,
    seen_lower: &FxHashSet<&str>,
) -> bool {
    let is_place = |w: &str| lx.places.contains_key(w) || lx.country_index.contains_key(w);
    let first = lower[c.t0].as_str();
    if c.kind == Some(EntityKind::Person) {
        return true;
    }
    // "Florida-based Republican": a place-derived description.
    if first.ends_with("-based") {
        return false;
    }
    // Context first: a role word before ("party boss X", "the minister,
    // X,"), a speech verb before ("said X") or after ("X said"), an age
    // after (", 52,").
    let role_at = |k: usize| toks[k].is_word() && lx.titles.contains(lower[k].as_str());
    // ("told X", "asked X": X is the listener, often a newspaper.)
    let to_listener = |w: &str| matches!(w, "told" | "tell" | "tells" | "asked" | "ask" | "asks");
    let prev_role = c.t0 > 0
        && ((toks[c.t0 - 1].is_word()
            && (role_at(c.t0 - 1)
                || lx
                    .speech_verb(&lower[c.t0 - 1])
                    .is_some_and(|_| !lower[c.t0 - 1].ends_with("ing") && !to_listener(&lower[c.t0 - 1]))))
            || (c.t0 > 1 && toks[c.t0 - 1].text(text) == "," && role_at(c.t0 - 2)));
    // "the head of the alliance, X,": an appositive after a role phrase.
    let role_phrase_before = c.t0 > 2
        && toks[c.t0 - 1].text(text) == ","
        && toks.get(c.t1).is_some_and(|t| matches!(t.text(text), "," | "."))
        && (c.t0.saturating_sub(6)..c.t0 - 1)
            .rev()
            .take_while(|&k| toks[k].is_word())
            .any(|k| role_at(k) && k > 0 && matches!(lower[k - 1].as_str(), "the" | "its" | "his" | "her" | "their"));
    let prev_role = prev_role || role_phrase_before;
    let next_speech = toks.get(c.t1).is_some_and(|t| t.is_word() && lx.speech_verb(&lower[c.t1]).is_some());
    let age = toks.get(c.t1).is_some_and(|t| matches!(t.text(text), "," | "("))
        && toks.get(c.t1 + 1).is_some_and(|t| {
            t.is_word() && lower[c.t1 + 1].len() <= 3 && lower[c.t1 + 1].chars().all(|ch| ch.is_ascii_digit())
        })
        && toks.get(c.t1 + 2).is_none_or(|t| !t.is_word());
    // Any head word inside ("Harbour Street Rosa") makes it no simple name.
    // (A first name that is also a word, "Rose Kessler", is still a name.)
    let from = if lx.first_names.contains_key(first) { c.t0 + 1 } else { c.t0 };
    let thing_word = (from..c.t1).any(|k| {
        let w = lower[k].as_str();
        lx.org_words.contains(w)
            || lx.place_words.contains(w)
            || lx.event_words.contains(w)
            || lx.document_words.contains(w)
    });
    if thing_word {
        // Only a head word at the end outweighs the context ("said Acme Corp").
        let head = lower[c.t1 - 1].as_str();
        let thing_head = lx.org_words.contains(head) || lx.place_words.contains(head) || lx.event_words.contains(head);
        return !thing_head && (prev_role || next_speech || age);
    }
    // "AM New York": a name ending in a known place of two words or more
    // is no person's.
    let n = c.t1 - c.t0;
    if n >= 3
        && (2..n).any(|k| {
            let tail = key(&span_text(text, toks, c.t1 - k, c.t1));
            lx.places.contains_key(&tail) || lx.country_index.contains_key(&tail)
        })
    {
        return prev_role || next_speech;
    }
    // "Langley SkyTrain", "Metro TransLink": a word with a capital inside
    // that is no surname form ("McKay", "DeSantis", "LeBlanc") is a brand.
    let brand = (c.t0..c.t1).any(|k| {
        let w = toks[k].text(text);
        let inner = w.char_indices().skip(1).find(|(_, ch)| ch.is_uppercase()).map(|(i, _)| i);
        inner.is_some_and(|i| {
            let head = &w[..i];
            w.chars().any(char::is_lowercase)
                && !matches!(
                    head,
                    "Mc" | "Mac"
                        | "De"
                        | "Di"
                        | "Da"
                        | "Du"
                        | "Le"
                        | "La"
                        | "Van"
                        | "Von"
                        | "O'"
                        | "O\u{2019}"
                        | "Fitz"
                        | "St"
                )
                && !head.ends_with('-')
        })
    });
    if brand && !(prev_role || next_speech) {
        return false;
    }
    // (A given name that is also a word, before another word that is no
    // surname, is weak evidence: "Heaven Sent", "Hope Springs".)
    let last = lower[c.t1 - 1].as_str();
    let word_pair = lx.is_common_word(first) && lx.is_common_word(last) && !lx.surnames.contains(last);
    // (Nor does one before "of": "Loyal Order of Moose".)
    let of_name = (c.t0..c.t1).any(|k| matches!(lower[k].as_str(), "of" | "for"));
    // (Nor a nationality: "Welsh Almanac".)
    let nationality = lx.adjectives.contains(first) || lx.demonym_index.contains_key(first);
    if lx.first_names.contains_key(first) && !is_place(first) && !word_pair && !of_name && !nationality {
        return true;
    }
    // "Jean-Luc Marchand": a hyphenated given name; "R. Saravanan", "Ana
    // G. Ruiz": an initial before the last word.
    let given = |p: &str| matches!(lx.first_names.get(p), Some(Gender::Male | Gender::Female));
    if first.contains('-') && first.split('-').all(|p| p.len() >= 2 && given(p)) {
        return true;
    }
    // "Pak Sun-hi", "Yoon Tae-min": a one-syllable family name before a
    // Korean given name of two hyphenated syllables, the second lowercase.
    let syllable = |p: &str| (2..=5).contains(&p.len()) && p.chars().all(|ch| ch.is_ascii_alphabetic());
    let korean_given = |w: &str| {
        w.split_once('-').is_some_and(|(x, y)| {
            syllable(x) && syllable(y) && y.chars().all(|ch| ch.is_ascii_lowercase()) && !y.contains('-')
        })
    };
    if c.t1 - c.t0 == 2 && syllable(toks[c.t0].text(text)) && korean_given(toks[c.t0 + 1].text(text)) {
        return true;
    }
    let initial = (c.t0..c.t1 - 1).any(|k| {
        let w = toks[k].text(text);
        toks[k].is_word() && w.chars().count() == 1 && w.chars().all(char::is_uppercase)
    });
    if initial && !lx.org_words.contains(lower[c.t1 - 1].as_str()) {
        return true;
    }
    // (A surname that is also a word of this text, "Open Harbour", is
    // no evidence.)
    if lx.surnames.contains(last)
        && !lx.org_words.contains(last)
        && !is_place(last)
        && !is_place(first)
        && !seen_lower.contains(first)
        && !seen_lower.contains(last)
    {
        return true;
    }
    prev_role || next_speech || age
}

/// Lone capitalized words used as a person somewhere in the text: after an
/// honorific or title ("Ms. Brennan"), or as the subject of a speech verb
/// ("Brennan said"). Evidence gathered over the whole text, so the first
/// mention of "Ilkan Brennan" is a person even when only a later "Brennan
/// said" shows it.
fn person_words(inp: &Context, lx: &Lexicon, lower: &Lower, cands: &[Cand]) -> FxHashSet<String> {
    let toks = inp.tokens;
    let mut out = FxHashSet::default();
    for c in cands.iter().filter(|c| c.t1 == c.t0 + 1 && !c.quoted && !c.headline) {
        let w = lower[c.t0].as_str();
        let titled = c.kind == Some(EntityKind::Person) && !c.titles.is_empty();
        let speaks = c.kind.is_none()
            && followed_by_speech(toks, lower, c.t0, c.t1, lx)
            && !plural_common_noun(w, lx)
            && !is_acronym(toks[c.t0].text(inp.text));
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

/// Surname endings of Slavic, Baltic, Romanian, Greek, Armenian and
/// Germanic-Jewish names ("-ov", "-escu", "-opoulos", "-yan", "-stein").
const SURNAME_ENDINGS: [&str; 20] = [
    "ovich", "evich", "ovic", "evic", "sky", "ski", "skaya", "ska", "enko", "escu", "opoulos", "idis", "wicz", "czyk",
    "ov", "ev", "ova", "yan", "stein", "shvili",
];

/// A lone word that names a person by itself: a given name with a known
/// gender, a listed surname, or a surname by its ending.
fn name_word(word: &str, lx: &Lexicon) -> bool {
    if lx.places.contains_key(word) || lx.country_index.contains_key(word) || lx.function_words.contains(word) {
        return false;
    }
    if lx.titles.contains(word) || lx.calendar.contains(word) || lx.org_words.contains(word) {
        return false;
    }
    matches!(lx.first_names.get(word), Some(Gender::Male | Gender::Female))
        || lx.surnames.contains(word)
        || (word.len() >= 5 && word.is_ascii() && SURNAME_ENDINGS.iter().any(|e| word.ends_with(e)))
}

/// Words before a storm's name ("Hurricane Maren", "Tropical Storm Ilse"):
/// the name is an event.
const STORM_WORDS: [&str; 5] = ["hurricane", "typhoon", "cyclone", "storm", "superstorm"];

/// The one storm ("Hurricane Maren") named by `word`: its own name
/// ("Maren") or, when it is the only storm, its storm word ("the Hurricane").
fn storm_named(ents: &Entities, word: &str) -> Option<usize> {
    let storm = |kind: EntityKind, w: &[String]| {
        kind == EntityKind::Event && w.len() >= 2 && STORM_WORDS.contains(&w[w.len() - 2].as_str())
    };
    ents.only_one(word, |kind, w| storm(kind, w) && w[w.len() - 1] == word).or_else(|| {
        if STORM_WORDS.contains(&word) {
            ents.only_one(word, storm)
        } else {
            None
        }
    })
}

/// "Port Alder", "Lake Orrin", "New Westbrook": a place by its first word.
fn place_prefix(first: &str, lx: &Lexicon) -> Option<EntityKind> {
    lx.place_prefixes.contains(first.trim_end_matches('.')).then_some(EntityKind::Place)
}

fn merge_titles(ents: &mut Entities, id: usize, c: &Cand) {
    for t in &c.titles {
        if !ents.entities[id].titles.contains(t) {
            ents.entities[id].titles.push(t.clone());
        }
    }
    if c.gender != Gender::Unknown {
        ents.gender[id] = c.gender;
    }
}

/// "SEOUL" -> "Seoul", "NEW HAVEN" -> "New Haven".
fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(f) => f.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Initials of a name's significant words, lowercase ("United Nations" -> "un").
/// The capitals of one word written in camel case ("LibriVox" -> "lv"),
/// when there are two or more, each followed by lowercase letters.
fn camel_initials(word: &str) -> Option<String> {
    let chars: Vec<char> = word.chars().collect();
    let humps: Vec<usize> = (0..chars.len()).filter(|&i| chars[i].is_uppercase()).collect();
    let humped = humps.len() >= 2
        && chars.first().is_some_and(|c| c.is_uppercase())
        && humps.iter().all(|&i| chars.get(i + 1).is_some_and(|c| c.is_lowercase()));
    humped.then(|| humps.iter().flat_map(|&i| chars[i].to_lowercase()).collect())
}

fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter(|w| {
            !CONNECTORS.contains(&w.to_lowercase().as_str()) && w.to_lowercase() != "and" && w.to_lowercase() != "the"
        })
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_lowercase)
        .collect()
}

fn lowercase_defined_acronyms(text: &str, toks: &[Token]) -> FxHashSet<String> {
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

/// "AG Kessler").
fn merge_surname_variants(ents: &mut Entities, lx: &Lexicon, by_key: &mut FxHashMap<String, usize>) -> Vec<usize> {
    let mut merged = Vec::new();
    let n = ents.entities.len();
    let mut moved: FxHashMap<usize, usize> = FxHashMap::default();
    for p in 0..n {
        let pw = &ents.words[p];
        if ents.entities[p].kind != EntityKind::Person || pw.len() != 2 || pw[0].chars().count() == 1 {
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
            moved.insert(p, q);
            merged.push(p);
        }
    }
    move_entities(ents, &moved, by_key);
    merged
}

/// A shorter name that begins a longer one of the same non-person kind is
/// the same thing ("Seoul Initiative" and "Seoul Initiative on ...").
/// "Probe Wayfarer" beside "Wayfarer": an everyday noun before a name
/// used alone elsewhere describes it; both are the one thing.
fn link_descriptor_names(ents: &mut Entities, lx: &Lexicon) {
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
            remap.insert(long, short);
        }
    }
    if remap.is_empty() {
        return;
    }
    for m in &mut ents.mentions {
        if let Some(&s) = remap.get(&m.entity) {
            m.entity = s;
            m.form = MentionForm::Alias;
        }
    }
    compact(ents);
}

/// Points the mentions and lookup keys of each entity `moved` names at the
/// entity it is merged into.
fn move_entities(ents: &mut Entities, moved: &FxHashMap<usize, usize>, by_key: &mut FxHashMap<String, usize>) {
    if moved.is_empty() {
        return;
    }
    for m in &mut ents.mentions {
        if let Some(&to) = moved.get(&m.entity) {
            m.entity = to;
        }
    }
    for v in by_key.values_mut() {
        if let Some(&to) = moved.get(v) {
            *v = to;
        }
    }
}

/// "Cyclone Marnee" in a headline beside "Cyclone Marnie" in the text: a
/// thing's name misspelt by one letter in its last word (same kind, same
/// other words, both spellings of five letters or more) is the same thing.
/// People are left alone ("Jon Ames" and "Joan Ames" are two).
fn merge_misspelt_names(ents: &mut Entities, by_key: &mut FxHashMap<String, usize>) {
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
            let count = |id: usize| ents.mentions.iter().filter(|m| m.entity == id).count();
            let (from, to) = if count(a) > count(b) { (b, a) } else { (a, b) };
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

/// Two spellings one letter apart (one substituted, inserted or dropped),
/// each of five letters or more.
fn one_letter_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b || a.len().min(b.len()) < 5 || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let pre = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let suf = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    pre + suf >= a.len().max(b.len()) - 1
}

fn link_name_prefixes(ents: &mut Entities) {
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
            remap[short] = long;
        }
    }
    for m in &mut ents.mentions {
        if remap[m.entity] != m.entity {
            m.entity = remap[m.entity];
            m.form = MentionForm::Alias;
        }
    }
    compact(ents);
}

/// Drops entities left without mentions and renumbers ids.
fn compact(ents: &mut Entities) {
    let n = ents.entities.len();
    let mut used = vec![false; n];
    for m in &ents.mentions {
        used[m.entity] = true;
    }
    let mut new_id = vec![usize::MAX; n];
    let mut kept = Vec::new();
    let mut genders = Vec::new();
    for (i, e) in ents.entities.drain(..).enumerate() {
        if used[i] {
            new_id[i] = kept.len();
            let mut e = e;
            e.id = kept.len();
            kept.push(e);
            genders.push(ents.gender[i]);
        }
    }
    ents.entities = kept;
    ents.gender = genders;
    ents.words = ents.entities.iter().map(|e| e.name.split_whitespace().map(key).collect()).collect();
    ents.word_index.clear();
    for (id, ws) in ents.words.iter().enumerate() {
        for w in ws {
            ents.word_index.entry(w.clone()).or_default().push(id);
        }
    }
    ents.initials_index.clear();
    for m in &mut ents.mentions {
        m.entity = new_id[m.entity];
    }
}

/// Lowercase descriptions that stand for an entity already named: stock
/// epithets from the lexicon ("the world body") and "the <head word>" for a
/// document, event or organization named before ("the initiative").
fn descriptive_aliases(inp: &Context, lx: &Lexicon, ents: &mut Entities) {
    let text = inp.text;
    let toks = inp.tokens;
    // Epithets from orgs.tsv.
    let name_keys: FxHashMap<String, usize> = ents.entities.iter().map(|e| (key(&e.name), e.id)).collect();
    for org in &lx.orgs {
        let Some(&id) = name_keys.get(&key(&org.name)) else { continue };
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
                    let t0 = super::text::token_at(toks, s);
                    ents.mentions.push(Found {
                        span: Span::new(s, e),
                        entity: id,
                        form: MentionForm::Alias,
                        tok: t0,
                        tok_end: t0 + phrase.split_whitespace().count(),
                    });
                }
            }
        }
    }
    // "the initiative", "the report": the latest document/event/org named
    // before whose head word it is.
    // Name word -> (position, entity) of the mentions of non-people whose
    // name holds that word, in text order.
    let mut named: FxHashMap<&str, Vec<(usize, usize)>> = FxHashMap::default();
    let mut by_kind: FxHashMap<EntityKind, Vec<(usize, usize)>> = FxHashMap::default();
    let mut sorted: Vec<&Found> = ents.mentions.iter().collect();
    sorted.sort_by_key(|m| m.span.start);
    for m in sorted {
        by_kind.entry(ents.entities[m.entity].kind).or_default().push((m.span.start, m.entity));
        if ents.entities[m.entity].kind != EntityKind::Person {
            for w in &ents.words[m.entity] {
                named.entry(w.as_str()).or_default().push((m.span.start, m.entity));
            }
        }
    }
    let lower = inp.lower;
    let mut extra = Vec::new();
    // "the firm", "the security firm", "the Ottawa-based tech company": up
    // to two modifiers between "the" and the class noun.
    let after_the = |k: usize| {
        (1..=3).any(|back| {
            k >= back
                && toks[k - back].text(text).eq_ignore_ascii_case("the")
                && (k - back + 1..k).all(|j| {
                    toks[j].is_word()
                        && (!toks[j].cap() || lower[j].ends_with("-based"))
                        && !lx.function_words.contains(lower[j].as_str())
                })
        })
    };
    for k in 1..toks.len() {
        let t = toks[k];
        if !t.is_word() || t.cap() || !after_the(k) {
            continue;
        }
        let w = lower[k].as_str();
        if !(lx.document_words.contains(w) || lx.event_words.contains(w) || lx.org_words.contains(w)) {
            continue;
        }
        let found = named.get(w).and_then(|list| {
            let before = list.partition_point(|&(s, _)| s < t.start());
            before.checked_sub(1).map(|i| list[i].1)
        });
        // Else "the company", "the report": the latest organization or
        // document named shortly before.
        let class = if lx.document_words.contains(w) {
            Some(EntityKind::Document)
        } else if lx.org_words.contains(w)
            && matches!(w, "company" | "firm" | "group" | "organization" | "organisation" | "business" | "corporation")
        {
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
            extra.push(Found { span: t.span(), entity: id, form: MentionForm::Alias, tok: k, tok_end: k + 1 });
        }
    }
    ents.mentions.extend(extra);
}

/// How far back (bytes) "the company" may reach for the organization it
/// stands for.
const CLASS_NOUN_REACH: usize = 1500;

/// Title words that describe a position rather than a role of its own.
const NOT_ROLES: [&str; 16] = [
    "former",
    "acting",
    "interim",
    "late",
    "deputy",
    "assistant",
    "associate",
    "then-",
    "vice",
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "chief",
];

/// "the mayor", "the senator": a role named before for exactly one person
/// ("Mayor Dora Kessler", "union president X", "X, director of ...")
/// refers back to the most recent person holding it.
fn role_aliases(inp: &Context, lx: &Lexicon, ents: &mut Entities) {
    let text = inp.text;
    let toks = inp.tokens;
    let lower = |k: usize| inp.lower[k].as_str();
    let is_role = |w: &str| lx.titles.contains(w) && !NOT_ROLES.contains(&w) && !lx.honorifics.contains_key(w);
    // Where each person holds which roles: (position, entity, role).
    let mut held: Vec<(usize, usize, &str)> = Vec::new();
    // The roles in each entity's titles, as the lexicon spells them (once per entity).
    let mut title_roles: Vec<Option<Vec<&str>>> = vec![None; ents.entities.len()];
    for m in &ents.mentions {
        if ents.entities[m.entity].kind != EntityKind::Person || m.form != MentionForm::Name {
            continue;
        }
        let mut roles: Vec<&str> = title_roles[m.entity]
            .get_or_insert_with(|| {
                ents.entities[m.entity]
                    .titles
                    .iter()
                    .flat_map(|t| {
                        t.split(|c: char| c.is_whitespace() || c == '.').map(str::to_lowercase).collect::<Vec<_>>()
                    })
                    .filter(|w| is_role(w))
                    .filter_map(|w| lx.titles.get(&w).map(String::as_str))
                    .collect()
            })
            .clone();
        // Lowercase role words right before: "union president X".
        let mut k = m.tok;
        while k > 0 && m.tok - k < 3 {
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
        if toks.get(m.tok_end).is_some_and(|t| t.text(text) == ",") {
            for k in m.tok_end + 1..(m.tok_end + 5).min(toks.len()) {
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
        for r in roles {
            held.push((m.span.start, m.entity, r));
        }
    }
    if held.is_empty() {
        return;
    }
    // Per role, in text order: (position, holder, more than one holder so far).
    held.sort_unstable_by_key(|h| h.0);
    let mut by_role: FxHashMap<&str, Vec<(usize, usize, bool)>> = FxHashMap::default();
    for (pos, id, role) in held {
        let list = by_role.entry(role).or_default();
        let several = list.last().is_some_and(|&(_, first, several)| several || first != id);
        let first = list.first().map_or(id, |f| f.1);
        let entry = (pos, if several { id } else { first }, several);
        // An entry like the one before adds nothing to "the last holder before".
        if list.last().is_none_or(|l| (l.1, l.2) != (entry.1, entry.2)) {
            list.push(entry);
        }
    }
    let mut extra = Vec::new();
    for k in 0..toks.len() {
        if !toks[k].is_word() || lower(k) != "the" {
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
            let before = by_role.get(w).and_then(|list| {
                let n = list.partition_point(|h| h.0 < t.start());
                n.checked_sub(1).map(|i| list[i])
            });
            if let Some((_, id, false)) = before {
                extra.push(Found {
                    span: Span::new(toks[k].start(), t.end()),
                    entity: id,
                    form: MentionForm::Alias,
                    tok: k,
                    tok_end: r + 1,
                });
            }
            break;
        }
    }
    ents.mentions.extend(extra);
}

/// Personal pronouns and their gender.
pub fn pronoun_gender(lower: &str) -> Option<Gender> {
    match lower {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// Fills `Entity::mentions` from the found mentions, and makes each
/// canonical name a form the text itself uses (the fullest one): a lexicon
/// name such as "International Monetary Fund" stays only if it appears.
pub fn finish(ents: &mut Entities, text: &str) {
    for e in &mut ents.entities {
        e.mentions.clear();
    }
    ents.mentions.sort_by_key(|m| (m.span.start, m.span.end));
    for m in &ents.mentions {
        ents.entities[m.entity].mentions.push(Mention { start: m.span.start, end: m.span.end, form: m.form });
    }
    for e in &mut ents.entities {
        let forms = e
            .mentions
            .iter()
            .filter(|m| m.form != MentionForm::Pronoun)
            .map(|m| m.span().slice(text))
            .filter(|f| f.chars().next().is_some_and(char::is_uppercase));
        let name_key = key(&e.name);
        // (A name put together from its parts, "Jane Austen" from "Austen,
        // Jane.", stays.)
        let mut in_text = e.kind == EntityKind::Person && e.name.split_whitespace().count() >= 2 && {
            let parts: Vec<String> = forms.clone().flat_map(|f| f.split_whitespace().map(key)).collect();
            name_key.split(' ').all(|w| parts.iter().any(|p| p == w))
        };
        let mut fullest: Option<&str> = None;
        for f in forms {
            in_text |= key(f) == name_key;
            if fullest.is_none_or(|b| f.chars().count() > b.chars().count()) {
                fullest = Some(f);
            }
        }
        if let (false, Some(f)) = (in_text, fullest) {
            e.name = f.to_string();
        }
    }
}
