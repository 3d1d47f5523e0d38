//! Compiles the word lists of `assets/` into tables in the binary, so that
//! start-up parses and builds nothing for them: the given names, surnames,
//! everyday words, places, countries, organizations, speech verbs, the word
//! classes and the other small lists. The lists stay plain text in `assets/`
//! for people to edit; the tables (`src/engine/lexicon/table.rs`: one string
//! of keys, `u32` offsets, a `u32` slot array; no pointers, so nothing for
//! the loader to relocate) are written to `OUT_DIR` and included by
//! `src/engine/lexicon.rs`. Each list keeps the meaning its parser had: a
//! key listed twice keeps its first or its last value as noted.

#[path = "src/engine/lexicon/keys.rs"]
mod keys;

use keys::{cue_filter_bit, hash, key, CUE_FILTER_BITS};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

/// The lines that carry data: trimmed, not empty, not a `#` comment.
fn lines(src: &str) -> impl Iterator<Item = &str> {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Keys in the order first listed, each with a value.
struct Builder<V> {
    keys: Vec<String>,
    values: Vec<V>,
    index: HashMap<String, usize>,
}

impl<V> Builder<V> {
    fn new() -> Self {
        Builder { keys: Vec::new(), values: Vec::new(), index: HashMap::new() }
    }

    /// Adds `key`, or gives it the new value (a map's insert: the last wins).
    fn insert(&mut self, key: String, value: V) -> usize {
        if let Some(&i) = self.index.get(&key) {
            self.values[i] = value;
            return i;
        }
        self.or_insert(key, value)
    }

    /// Adds `key` unless present (a map's `entry().or_insert`: the first wins).
    fn or_insert(&mut self, key: String, value: V) -> usize {
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        self.index.insert(key.clone(), self.keys.len());
        self.keys.push(key);
        self.values.push(value);
        self.keys.len() - 1
    }

    /// The Rust expression of the table; `value` writes one value.
    fn emit(&self, value: impl Fn(&V) -> String) -> String {
        let mut text = String::new();
        let mut ends = vec![0u32];
        for k in &self.keys {
            text.push_str(k);
            ends.push(u32::try_from(text.len()).expect("lists under 4 GB"));
        }
        // At most 5/8 full: the given names fit 64 Ki slots (half full, 128 Ki).
        let mut slots = vec![0u32; (self.keys.len() * 8 / 5 + 1).next_power_of_two().max(2)];
        let mask = slots.len() - 1;
        for (n, k) in self.keys.iter().enumerate() {
            let h = hash(k.as_bytes());
            let mut i = h as usize & mask;
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = keys::slot(n, h);
        }
        let join = |v: &[u32]| v.iter().map(u32::to_string).collect::<Vec<_>>().join(",");
        let values: Vec<String> = self.values.iter().map(value).collect();
        let filter =
            filter(&self.keys).map_or(String::new(), |f| f.iter().map(u64::to_string).collect::<Vec<_>>().join(","));
        format!("Table::new({text:?}, &[{}], &[{}], &[{}], &[{filter}])", join(&ends), join(&slots), values.join(","))
    }
}

/// The filter of a table's keys (see `keys::filter_bit`), or for a large
/// table the wide one (`keys::wide_filter_bit`), or none when it would pass
/// most words (more than a quarter of its bits set).
fn filter(keys: &[String]) -> Option<Vec<u64>> {
    let small = bits(keys, keys::FILTER_BITS, keys::filter_bit);
    small.or_else(|| bits(keys, keys::WIDE_FILTER_BITS, keys::wide_filter_bit))
}

/// The `n` filter bits `bit` sets for the keys, unless more than a quarter.
fn bits(keys: &[String], n: usize, bit: fn(&[u8]) -> usize) -> Option<Vec<u64>> {
    let mut bits = vec![0u64; n / 64];
    for k in keys {
        let b = bit(k.as_bytes());
        bits[b / 64] |= 1 << (b % 64);
    }
    let set: u32 = bits.iter().map(|w| w.count_ones()).sum();
    (set as usize * 4 <= n).then_some(bits)
}

/// A set of words.
type Set = Builder<()>;

fn set_emit(s: &Set) -> String {
    s.emit(|_| "()".to_string())
}

/// Every whitespace-separated word of the lines, lowercased.
fn words(src: &str) -> Set {
    let mut set = Set::new();
    for w in lines(src).flat_map(str::split_whitespace) {
        set.or_insert(w.to_lowercase(), ());
    }
    set
}

/// A sorted list searched as it lies: every line after the leading `#`
/// comment lines, exactly as written.
fn exact_lines(mut src: &str) -> Set {
    while src.starts_with('#') {
        src = src.split_once('\n').map_or("", |(_, rest)| rest);
    }
    let mut set = Set::new();
    for l in src.lines() {
        set.or_insert(l.to_string(), ());
    }
    set
}

fn gender(g: &str) -> &'static str {
    match g {
        "m" => "Gender::Male",
        "f" => "Gender::Female",
        _ => "Gender::Unknown",
    }
}

struct Out {
    code: String,
    dir: String,
    /// The keys of places and countries.
    long_names: Vec<String>,
}

impl Out {
    fn read(&self, name: &str) -> String {
        println!("cargo:rerun-if-changed=assets/{name}");
        std::fs::read_to_string(Path::new(&self.dir).join("assets").join(name))
            .unwrap_or_else(|e| panic!("{name}: {e}"))
    }

    fn table(&mut self, doc: &str, name: &str, ty: &str, expr: String) {
        writeln!(self.code, "/// {doc}\npub static {name}: Table<{ty}> = {expr};").unwrap();
    }
}

/// Given names (last gender wins), surnames, everyday words, nicknames.
fn names(out: &mut Out) {
    let mut first = Builder::new();
    for l in lines(&out.read("first_names.tsv")) {
        let mut it = l.split('\t');
        if let (Some(name), Some(g)) = (it.next(), it.next()) {
            first.insert(name.trim().to_lowercase(), gender(g.trim()));
        }
    }
    let mut surnames = Set::new();
    for w in lines(&out.read("surnames.txt")).flat_map(str::split_whitespace) {
        surnames.or_insert(w.to_lowercase(), ());
    }
    let first = first.emit(|g| g.to_string());
    out.table("Given names (lowercase) -> gender, `assets/first_names.tsv`.", "FIRST_NAMES", "Gender", first);
    out.table("Surnames (lowercase), `assets/surnames.txt`.", "SURNAMES", "()", set_emit(&surnames));
    let word_surnames = set_emit(&exact_lines(&out.read("surnames_common_words.txt")));
    out.table(
        "Surnames that are everyday words, `assets/surnames_common_words.txt`.",
        "WORD_SURNAMES",
        "()",
        word_surnames,
    );
    let common = set_emit(&exact_lines(&out.read("common_words.txt")));
    out.table("Everyday words, `assets/common_words.txt`.", "COMMON_WORDS", "()", common);
    let nick = set_emit(&exact_lines(&out.read("nicknames.txt")));
    out.table("Short and formal given name pairs, `assets/nicknames.txt`.", "NICKNAMES", "()", nick);
}

/// The lists of words, one set each.
fn word_sets(out: &mut Out) {
    for (name, file) in [
        ("ABBREVIATIONS", "abbreviations.txt"),
        ("FUNCTION_WORDS", "function_words.txt"),
        ("CALENDAR", "calendar.txt"),
        ("TITLES", "titles.txt"),
        ("ORG_WORDS", "org_words.txt"),
        ("EVENT_WORDS", "event_words.txt"),
        ("DOCUMENT_WORDS", "document_words.txt"),
        ("PLACE_WORDS", "place_words.txt"),
        ("PLACE_PREFIXES", "place_prefixes.txt"),
        ("ADJECTIVES", "adjectives.txt"),
        ("CONCEPT_ACRONYMS", "concept_acronyms.txt"),
    ] {
        let set = set_emit(&words(&out.read(file)));
        out.table(&format!("The words of `assets/{file}`, lowercase."), name, "()", set);
    }
    // Honorific -> gender (the last wins), as written.
    let mut honorifics = Builder::new();
    for l in lines(&out.read("honorifics.txt")) {
        if let Some((w, g)) = l.split_once('\t') {
            honorifics.insert(w.trim().to_string(), if g.trim() == "f" { "Gender::Female" } else { "Gender::Male" });
        }
    }
    let honorifics = honorifics.emit(|g| g.to_string());
    out.table("Honorifics -> gender, `assets/honorifics.txt`.", "HONORIFICS", "Gender", honorifics);
    // Speech verb form -> entry of its base form (the last line listing a form wins).
    let mut verbs = Builder::new();
    for l in lines(&out.read("speech_verbs.txt")) {
        let mut it = l.split_whitespace();
        if let Some(base) = it.next() {
            let b = verbs.insert(base.to_string(), 0);
            verbs.values[b] = b;
            for form in it {
                verbs.insert(form.to_string(), b);
            }
        }
    }
    let mut cue_filter = vec![0u64; CUE_FILTER_BITS / 64];
    let mut cue_word = |w: &str| {
        let b = cue_filter_bit(w.as_bytes());
        cue_filter[b / 64] |= 1 << (b % 64);
    };
    verbs.keys.iter().for_each(|k| cue_word(k));
    let verbs = verbs.emit(usize::to_string);
    out.table("Speech verb form -> the entry of its base form.", "SPEECH_VERBS", "usize", verbs);
    let mut phrases: Builder<Vec<String>> = Builder::new();
    for l in lines(&out.read("speech_phrases.txt")) {
        let mut it = l.split_whitespace();
        if let (Some(a), Some(b)) = (it.next(), it.next()) {
            let i = phrases.or_insert(a.to_lowercase(), Vec::new());
            phrases.values[i].push(b.to_lowercase());
        }
    }
    phrases.keys.iter().for_each(|k| cue_word(k));
    let phrases = phrases.emit(|seconds| format!("&{seconds:?}"));
    let doc = "Two-word speech cues, `assets/speech_phrases.txt`: first word -> second words.";
    out.table(doc, "SPEECH_PHRASES", "&[&str]", phrases);
    writeln!(
        out.code,
        "/// The speech cue filter: the `keys::cue_filter_bit` of each speech verb and two-word cue's first word.\npub static SPEECH_CUE_FILTER: [u64; {}] = {cue_filter:?};",
        cue_filter.len()
    )
    .unwrap();
}

/// The word classes of `assets/word_classes.txt`, one set per named line
/// (lines naming the same class join), in a module `classes`.
fn word_classes(out: &mut Out) {
    let src = out.read("word_classes.txt");
    let mut classes: Vec<(String, Set)> = Vec::new();
    for (name, ws) in lines(&src).filter_map(|l| l.split_once(':')) {
        let name = name.trim();
        let at = classes.iter().position(|(n, _)| n == name).unwrap_or_else(|| {
            classes.push((name.to_string(), Set::new()));
            classes.len() - 1
        });
        for w in ws.split_whitespace() {
            classes[at].1.or_insert(w.to_lowercase(), ());
        }
    }
    out.code.push_str("/// The word classes, one per line name of `assets/word_classes.txt`.\n");
    out.code.push_str("#[allow(non_upper_case_globals, dead_code)]\npub mod classes {\n    use super::*;\n");
    for (name, set) in &classes {
        writeln!(out.code, "    pub static {name}: Table<()> = {};", set_emit(set)).unwrap();
    }
    out.code.push_str("}\n");
}

/// Places (cities, states, regions) and their other names.
fn places(out: &mut Out) {
    let mut kinds: Vec<String> = Vec::new();
    let mut places = Builder::new();
    let mut aliases = Builder::new();
    for l in lines(&out.read("places.tsv")) {
        let mut it = l.split('\t');
        let Some(n) = it.next() else { continue };
        let kind = it.next().unwrap_or("place").trim().to_string();
        let k = kinds.iter().position(|x| *x == kind).unwrap_or_else(|| {
            kinds.push(kind);
            kinds.len() - 1
        });
        places.or_insert(key(n.trim()), k);
        if let Some(main) = it.next().map(str::trim).filter(|m| !m.is_empty()) {
            aliases.or_insert(key(n.trim()), (main.to_string(), n.trim().ends_with('.')));
        }
    }
    out.long_names.extend(places.keys.iter().cloned());
    writeln!(
        out.code,
        "/// The kinds of place, as `assets/places.tsv` names them.\npub static PLACE_KINDS: [&str; {}] = {kinds:?};",
        kinds.len()
    )
    .unwrap();
    let places = places.emit(|k| format!("PlaceKind({k})"));
    out.table("Place key -> its kind, `assets/places.tsv` (the first line wins).", "PLACES", "PlaceKind", places);
    let aliases = aliases.emit(|(main, abbr)| format!("({main:?}, {abbr})"));
    out.table("Another name of a place -> its main name, abbreviation.", "PLACE_ALIASES", "(&str, bool)", aliases);
}

/// Splits a column of `|`-separated names.
fn split_names(col: Option<&&str>) -> Vec<String> {
    col.map(|c| c.split('|').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect()).unwrap_or_default()
}

/// Countries (name, aliases, demonyms, capital) and their indexes.
fn countries(out: &mut Out) {
    let (mut by_name, mut by_demonym, mut by_capital) = (Builder::new(), Builder::new(), Builder::new());
    let mut list = String::new();
    let mut n = 0;
    for l in lines(&out.read("countries.tsv")) {
        let cols: Vec<&str> = l.split('\t').collect();
        let name = cols[0].trim();
        if name.is_empty() {
            continue;
        }
        let (aliases, demonyms) = (split_names(cols.get(1)), split_names(cols.get(2)));
        let capital = cols.get(3).map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
        by_name.or_insert(key(name), n);
        for a in &aliases {
            by_name.or_insert(key(a), n);
        }
        for d in &demonyms {
            by_demonym.or_insert(key(d), n);
        }
        if let Some(cap) = &capital {
            by_capital.or_insert(key(cap), n);
        }
        writeln!(
            list,
            "    Country {{ name: {name:?}, aliases: &{aliases:?}, demonyms: &{demonyms:?}, capital: {capital:?} }},"
        )
        .unwrap();
        n += 1;
    }
    out.long_names.extend(by_name.keys.iter().cloned());
    writeln!(
        out.code,
        "/// The countries of `assets/countries.tsv`.\npub static COUNTRIES: [Country; {n}] = [\n{list}];"
    )
    .unwrap();
    let doc = "Country key (name or alias, periods removed) -> country.";
    out.table(doc, "COUNTRY_INDEX", "usize", by_name.emit(usize::to_string));
    out.table("Demonym key -> country.", "DEMONYM_INDEX", "usize", by_demonym.emit(usize::to_string));
    out.table("Capital key -> country.", "CAPITAL_INDEX", "usize", by_capital.emit(usize::to_string));
}

/// Well-known organizations and their aliases.
fn orgs(out: &mut Out) {
    let mut index = Builder::new();
    let mut list = String::new();
    let mut n = 0;
    for l in lines(&out.read("orgs.tsv")) {
        let mut it = l.split('\t');
        let Some(name) = it.next() else { continue };
        let aliases = split_names(it.next().as_ref());
        index.or_insert(key(name), n);
        for a in &aliases {
            index.or_insert(key(a), n);
        }
        writeln!(list, "    KnownOrg {{ name: {:?}, aliases: &{aliases:?} }},", name.trim()).unwrap();
        n += 1;
    }
    writeln!(out.code, "/// The organizations of `assets/orgs.tsv`.\npub static ORGS: [KnownOrg; {n}] = [\n{list}];")
        .unwrap();
    out.table(
        "Organization key (name or alias, periods removed) -> org.",
        "ORG_INDEX",
        "usize",
        index.emit(usize::to_string),
    );
}

/// First word of each place or country name of several words -> the most
/// words such a name has ("new" -> 3 for "New York City").
fn long_places(out: &mut Out) {
    let mut long: Builder<usize> = Builder::new();
    for name in out.long_names.iter().filter(|n| n.bytes().any(|b| b == b' ' || b == b'-')) {
        let mut words = name.split([' ', '-']);
        let (Some(first), n) = (words.next(), 1 + words.count()) else { continue };
        let i = long.or_insert(first.to_string(), 0);
        long.values[i] = long.values[i].max(n);
    }
    let doc = "First word of a place or country name of several words -> its most words.";
    out.table(doc, "LONG_PLACES", "usize", long.emit(usize::to_string));
}

/// The fitted weights files, `(name, weight)` in file order ("class\tname"
/// for the entity kinds), so that start-up parses no numbers. The engine
/// checks the names against its features when it first uses a model.
fn weights(out: &mut Out) {
    out.code.push_str("/// Fitted weights from `assets/*_weights.txt`, in file order.\npub mod weights {\n");
    for (file, name) in [
        ("pledge_weights.txt", "PLEDGES"),
        ("speaker_weights.txt", "SPEAKERS"),
        ("entity_kind_weights.txt", "ENTITY_KINDS"),
    ] {
        let src = out.read(file);
        let mut items = String::new();
        for line in lines(&src) {
            let (key, value) = line.rsplit_once('\t').unwrap_or_else(|| panic!("{file}: no tab in {line:?}"));
            let value: f64 = value.trim().parse().unwrap_or_else(|_| panic!("{file}: bad weight in {line:?}"));
            write!(items, "({key:?}, {value:?}), ").unwrap();
        }
        writeln!(out.code, "    pub static {name}: &[(&str, f64)] = &[{items}];").unwrap();
    }
    out.code.push_str("}\n");
}

fn main() {
    println!("cargo:rerun-if-changed=src/engine/lexicon/keys.rs");
    let dir = std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR");
    let mut out = Out { code: String::new(), dir, long_names: Vec::new() };
    names(&mut out);
    word_sets(&mut out);
    word_classes(&mut out);
    places(&mut out);
    countries(&mut out);
    orgs(&mut out);
    long_places(&mut out);
    weights(&mut out);
    let path = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("lexicon_tables.rs");
    std::fs::write(&path, out.code).expect("lexicon_tables.rs");
}
