//! Word lists, built into the binary from `assets/` and parsed once.
//!
//! Every list is data: the engine asks "is this a speech verb", "is this a
//! country", never compares against literals scattered through code.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

/// Gender evidence for pronoun resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

/// A country with its alternative names, demonyms and capital.
#[derive(Debug, Clone)]
pub struct Country {
    pub name: String,
    pub aliases: Vec<String>,
    pub demonyms: Vec<String>,
    pub capital: Option<String>,
}

/// A well-known organization and its aliases.
#[derive(Debug, Clone)]
pub struct KnownOrg {
    pub name: String,
    pub aliases: Vec<String>,
}

/// All word lists, lowercased where matching is case-insensitive.
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Inflected speech verb form -> base form.
    pub speech_verbs: FxHashMap<String, String>,
    pub abbreviations: FxHashSet<String>,
    pub function_words: FxHashSet<String>,
    pub calendar: FxHashSet<String>,
    pub titles: FxHashSet<String>,
    pub honorifics: FxHashMap<String, Gender>,
    pub org_words: FxHashSet<String>,
    pub event_words: FxHashSet<String>,
    pub document_words: FxHashSet<String>,
    pub place_words: FxHashSet<String>,
    /// First words that make a name a place ("Port", "Lake", "Mount").
    pub place_prefixes: FxHashSet<String>,
    /// Abbreviations that name no organization ("PhD", "DNA", "GDP").
    pub concept_acronyms: FxHashSet<String>,
    /// Capitalized adjectives that are not entities ("Asian", "Muslim").
    pub adjectives: FxHashSet<String>,
    pub boilerplate: Vec<String>,
    /// Two-word speech cues ("shot back", "went on"): first word -> second words.
    pub speech_phrases: FxHashMap<String, Vec<String>>,
    /// Given names (lowercase) and surnames: the two large lists, compiled
    /// into perfect-hash tables at build time (`build.rs`).
    pub first_names: FirstNames,
    pub surnames: Surnames,
    /// Everyday English words (lowercase, from a spelling dictionary): a
    /// capitalized word that is none of them is probably a name.
    pub common_words: SortedLines,
    /// Short forms of given names ("bill william"), one pair a line.
    pub nicknames: SortedLines,
    pub countries: Vec<Country>,
    /// Lowercase key (country name or alias, periods removed) -> country index.
    pub country_index: FxHashMap<String, usize>,
    /// Lowercase demonym -> country index.
    pub demonym_index: FxHashMap<String, usize>,
    /// Lowercase capital -> country index.
    pub capital_index: FxHashMap<String, usize>,
    /// Lowercase place name (cities, states, regions) -> place kind.
    pub places: FxHashMap<String, String>,
    /// Lowercase key of another name of a place ("calif" for "Calif.",
    /// "montreal") -> the place's main name, and whether it is an
    /// abbreviation written with a period.
    pub place_aliases: FxHashMap<String, (String, bool)>,
    pub orgs: Vec<KnownOrg>,
    /// Lowercase key (name or alias, periods removed) -> org index.
    pub org_index: FxHashMap<String, usize>,
    /// Pledge cue lists by kind (verb-to, verb-obj, noun, modal, not).
    pub pledge_cues: FxHashMap<String, FxHashSet<String>>,
    /// Small word classes the rules use (`assets/word_classes.txt`).
    pub classes: Classes,
}

/// The lines of `assets/word_classes.txt`: `name: word word ...`.
fn class_lines(src: &str) -> impl Iterator<Item = (&str, &str)> {
    lines(src).filter_map(|l| l.split_once(':')).map(|(name, words)| (name.trim(), words))
}

/// Declares the small word classes: one field per class, filled from the
/// line of `assets/word_classes.txt` that names it.
macro_rules! word_classes {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {
        /// Small word classes the rules use, each a named line of
        /// `assets/word_classes.txt`.
        #[derive(Debug, Default)]
        pub struct Classes {
            $($(#[$doc])* pub $name: FxHashSet<String>,)*
        }

        impl Classes {
            /// The classes in `src`, and the names of lines that name no class.
            fn parse(src: &str) -> (Classes, Vec<String>) {
                let mut classes = Classes::default();
                let mut unknown = Vec::new();
                for (name, words) in class_lines(src) {
                    let set = match name {
                        $(stringify!($name) => &mut classes.$name,)*
                        other => {
                            unknown.push(other.to_string());
                            continue;
                        }
                    };
                    set.extend(words.split_whitespace().map(str::to_lowercase));
                }
                (classes, unknown)
            }
        }
    };
}

word_classes! {
    /// Caption labels before a credit ("Image: ...", "Photo: ...").
    credit_labels,
    /// Words that end no name: dropped from the end of a capitalized run
    /// ("Norvia On" in a headline).
    trailing_joiners,
    /// Prepositions of place before a capital city that keep it a place
    /// ("in Seoul"), not its government ("Seoul said").
    locatives,
    /// Caption labels before a person credited for a picture ("Image: ...").
    photo_labels,
    /// Words after which a lone capitalized everyday word may be a name
    /// ("the Times", "his Beacon account", "a drink called Thunder").
    name_introducers,
    /// Verbs whose object is the listener ("told X"), not the speaker.
    listener_verbs,
    /// Lowercase words that join a name ("Bank of Canada", "van der").
    name_connectors,
    /// Words that make a region of the known place after them ("Northern Ontario").
    region_words,
    /// Surname endings ("-ov", "-escu", "-opoulos", "-yan", "-stein").
    surname_endings,
    /// Words before a storm's name ("Hurricane Maren").
    storm_words,
    /// Endings of host names that make a bare word a web address ("rentals.ca").
    web_endings,
    /// Last words of a byline ("..., The Associated Press", "staff writer").
    press_words,
    /// The writer's trade in an author's note ("X is a staff reporter ...").
    author_roles,
    /// "I" and interjections, never part of a name ("Actually I", "Hey").
    interjections,
    /// Lowercase particles joined to a capitalized name ("al-", "d’").
    name_particles,
    /// Prepositions of place before a name ("in X", "across the X").
    place_prepositions,
    /// Settlement nouns before "of" and a place ("the town of X").
    settlement_nouns,
    /// Jurisdictions before "of" and a place ("the premier of X").
    jurisdiction_nouns,
    /// Title words that describe a position rather than a role of its own.
    not_roles,
    /// Nouns that stand for a company named before ("the firm").
    company_nouns,
    /// Determiners before a role ("the mayor", "its chair").
    possessive_determiners,
    /// Conjunctions that open a clause before the main one ("When the mill
    /// closed, Ada Brisk said ...": the subject is after the comma).
    subordinators,
    /// Nouns for a written statement that speaks for its issuer ("the statement said").
    statement_nouns,
    /// Words that make a cue's subject an unnamed description ("officials said").
    unnamed_speakers,
    /// Possessive pronouns: the name after one is not the speaker ("his aide, Ben Oduya, wrote").
    possessives,
    /// Object pronouns: never in subject position.
    object_pronouns,
    /// Pronouns that are the subject of their clause.
    subject_pronouns,
    /// Plural nouns for groups of people that speak as one ("protesters
    /// chanted", "the students said").
    group_nouns,
}

/// The built-in word classes.
const WORD_CLASSES: &str = include_str!("../../assets/word_classes.txt");

fn lines(src: &str) -> impl Iterator<Item = &str> {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn words(src: &str) -> FxHashSet<String> {
    let mut set = FxHashSet::with_capacity_and_hasher(src.lines().count(), Default::default());
    set.extend(lines(src).flat_map(|l| l.split_whitespace()).map(str::to_lowercase));
    set
}

/// A sorted list of words, one a line, searched where it lies in the
/// binary: no table to build at start, a binary search a lookup.
#[derive(Debug, Default)]
pub struct SortedLines {
    text: &'static str,
}

impl SortedLines {
    /// The list in `src` (lines in byte order), after its `#` comment lines.
    pub fn new(mut src: &'static str) -> SortedLines {
        while src.starts_with('#') {
            src = src.split_once('\n').map_or("", |(_, rest)| rest);
        }
        SortedLines { text: src }
    }

    /// True when `word` is one of the lines.
    pub fn contains(&self, word: &str) -> bool {
        let b = self.text.as_bytes();
        // `lo` is always a line start; `hi` a line start or the end.
        let (mut lo, mut hi) = (0, b.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let start = b[lo..mid].iter().rposition(|&c| c == b'\n').map_or(lo, |p| lo + p + 1);
            let end = b[start..].iter().position(|&c| c == b'\n').map_or(b.len(), |p| start + p);
            match self.text[start..end].cmp(word) {
                std::cmp::Ordering::Equal => return true,
                std::cmp::Ordering::Less => lo = end + 1,
                std::cmp::Ordering::Greater => hi = start,
            }
        }
        false
    }

    /// The lines in order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> {
        self.text.lines()
    }
}

/// The tables `build.rs` compiles from the name lists.
mod compiled {
    use super::Gender;
    include!(concat!(env!("OUT_DIR"), "/names.rs"));
}

/// Given names (lowercase) -> gender (`assets/first_names.tsv`), a
/// perfect-hash table in the binary: nothing to build at start.
#[derive(Debug, Clone, Copy)]
pub struct FirstNames(&'static phf::Map<&'static str, Gender>);

impl Default for FirstNames {
    fn default() -> Self {
        FirstNames(&compiled::FIRST_NAMES)
    }
}

impl FirstNames {
    /// The gender a given name suggests, if it is one.
    pub fn get(&self, name: &str) -> Option<&'static Gender> {
        self.0.get(name)
    }

    /// True when `name` is a given name.
    pub fn contains_key(&self, name: &str) -> bool {
        self.0.contains_key(name)
    }
}

/// Surnames (lowercase, `assets/surnames.txt`), a perfect-hash set in the binary.
#[derive(Debug, Clone, Copy)]
pub struct Surnames(&'static phf::Set<&'static str>);

impl Default for Surnames {
    fn default() -> Self {
        Surnames(&compiled::SURNAMES)
    }
}

impl Surnames {
    /// True when `name` is a listed surname.
    pub fn contains(&self, name: &str) -> bool {
        self.0.contains(name)
    }
}

/// The key used to look names up: lowercase, periods dropped, curly
/// apostrophes straightened.
pub fn key(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    key_into(s, &mut out);
    out
}

/// [`key`] of `s`, written into `buf` (no new string a lookup).
pub fn key_into(s: &str, buf: &mut String) {
    buf.clear();
    if s.is_ascii() {
        buf.push_str(s);
        buf.make_ascii_lowercase();
        if s.contains('.') {
            buf.retain(|c| c != '.');
        }
        return;
    }
    for c in s.chars() {
        match c {
            '.' => {}
            '\u{2019}' | '\u{2018}' => buf.push('\''),
            c => buf.extend(c.to_lowercase()),
        }
    }
}

impl Lexicon {
    /// The built-in lexicon (parsed on first use).
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    /// Every list but the given names and surnames (compiled in already).
    fn build() -> Lexicon {
        let mut lx = Lexicon::default();
        for l in lines(include_str!("../../assets/speech_verbs.txt")) {
            let mut it = l.split_whitespace();
            if let Some(base) = it.next() {
                lx.speech_verbs.insert(base.to_string(), base.to_string());
                for form in it {
                    lx.speech_verbs.insert(form.to_string(), base.to_string());
                }
            }
        }
        for l in lines(include_str!("../../assets/speech_phrases.txt")) {
            let mut it = l.split_whitespace();
            if let (Some(a), Some(b)) = (it.next(), it.next()) {
                lx.speech_phrases.entry(a.to_lowercase()).or_default().push(b.to_lowercase());
            }
        }
        lx.abbreviations = words(include_str!("../../assets/abbreviations.txt"));
        lx.function_words = words(include_str!("../../assets/function_words.txt"));
        lx.calendar = words(include_str!("../../assets/calendar.txt"));
        lx.titles = words(include_str!("../../assets/titles.txt"));
        for l in lines(include_str!("../../assets/honorifics.txt")) {
            if let Some((w, g)) = l.split_once('\t') {
                lx.honorifics.insert(w.trim().to_string(), if g.trim() == "f" { Gender::Female } else { Gender::Male });
            }
        }
        lx.org_words = words(include_str!("../../assets/org_words.txt"));
        lx.event_words = words(include_str!("../../assets/event_words.txt"));
        lx.document_words = words(include_str!("../../assets/document_words.txt"));
        lx.place_words = words(include_str!("../../assets/place_words.txt"));
        lx.place_prefixes = words(include_str!("../../assets/place_prefixes.txt"));
        lx.adjectives = words(include_str!("../../assets/adjectives.txt"));
        lx.concept_acronyms = words(include_str!("../../assets/concept_acronyms.txt"));
        lx.common_words = SortedLines::new(include_str!("../../assets/common_words.txt"));
        lx.nicknames = SortedLines::new(include_str!("../../assets/nicknames.txt"));
        lx.classes = Classes::parse(WORD_CLASSES).0;
        lx.boilerplate = lines(include_str!("../../assets/boilerplate.txt")).map(str::to_lowercase).collect();
        for l in lines(include_str!("../../assets/countries.tsv")) {
            let cols: Vec<&str> = l.split('\t').collect();
            let split = |i: usize| -> Vec<String> {
                cols.get(i)
                    .map(|c| c.split('|').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect())
                    .unwrap_or_default()
            };
            let name = cols[0].trim().to_string();
            if name.is_empty() {
                continue;
            }
            let idx = lx.countries.len();
            let c = Country {
                name: name.clone(),
                aliases: split(1),
                demonyms: split(2),
                capital: cols.get(3).map(|s| s.trim().to_string()).filter(|s| !s.is_empty()),
            };
            lx.country_index.entry(key(&name)).or_insert(idx);
            for a in &c.aliases {
                lx.country_index.entry(key(a)).or_insert(idx);
            }
            for d in &c.demonyms {
                lx.demonym_index.entry(key(d)).or_insert(idx);
            }
            if let Some(cap) = &c.capital {
                lx.capital_index.entry(key(cap)).or_insert(idx);
            }
            lx.countries.push(c);
        }
        for l in lines(include_str!("../../assets/places.tsv")) {
            let mut it = l.split('\t');
            if let Some(n) = it.next() {
                let kind = it.next().unwrap_or("place").trim().to_string();
                lx.places.entry(key(n.trim())).or_insert(kind);
                if let Some(main) = it.next().map(str::trim).filter(|m| !m.is_empty()) {
                    let abbreviation = n.trim().ends_with('.');
                    lx.place_aliases.entry(key(n.trim())).or_insert((main.to_string(), abbreviation));
                }
            }
        }
        for l in lines(include_str!("../../assets/orgs.tsv")) {
            let mut it = l.split('\t');
            let Some(name) = it.next() else { continue };
            let aliases: Vec<String> =
                it.next().unwrap_or("").split('|').map(str::trim).filter(|s| !s.is_empty()).map(String::from).collect();
            let idx = lx.orgs.len();
            lx.org_index.entry(key(name)).or_insert(idx);
            for a in &aliases {
                lx.org_index.entry(key(a)).or_insert(idx);
            }
            lx.orgs.push(KnownOrg { name: name.trim().to_string(), aliases });
        }
        for l in lines(include_str!("../../assets/pledge_cues.txt")) {
            if let Some((kind, ws)) = l.split_once('\t') {
                lx.pledge_cues
                    .entry(kind.trim().to_string())
                    .or_default()
                    .extend(ws.split_whitespace().map(String::from));
            }
        }
        lx
    }

    /// The base form of a speech verb (lowercase input), if it is one.
    pub fn speech_verb(&self, lower: &str) -> Option<&str> {
        self.speech_verbs.get(lower).map(String::as_str)
    }

    /// True when `word`, in any case, is a speech verb (lowercased without
    /// allocating when short).
    pub fn is_speech_verb_any_case(&self, word: &str) -> bool {
        let mut buf = [0u8; 24];
        if word.is_ascii() && word.len() <= buf.len() {
            let b = &mut buf[..word.len()];
            b.copy_from_slice(word.as_bytes());
            b.make_ascii_lowercase();
            return std::str::from_utf8(b).is_ok_and(|l| self.speech_verb(l).is_some());
        }
        self.speech_verb(&word.to_lowercase()).is_some()
    }

    /// True when `lower` is in the pledge cue list of `kind`.
    pub fn pledge_cue(&self, kind: &str, lower: &str) -> bool {
        self.pledge_cues.get(kind).is_some_and(|s| s.contains(lower))
    }

    /// Word -> the cue lists among `kinds` that hold it, as bits (bit `i`
    /// for `kinds[i]`): one lookup a word instead of one per list.
    pub fn pledge_cue_bits(&self, kinds: &[&str]) -> FxHashMap<&str, u8> {
        let mut bits: FxHashMap<&str, u8> = FxHashMap::default();
        for (i, kind) in kinds.iter().enumerate() {
            for w in self.pledge_cues.get(*kind).into_iter().flatten() {
                *bits.entry(w.as_str()).or_default() |= 1 << i;
            }
        }
        bits
    }

    /// True when the (lowercase) line is scraped boilerplate.
    pub fn is_boilerplate(&self, line: &str) -> bool {
        // ("(Article continues after graphic.)": the same inside brackets.)
        let line = line.trim().trim_start_matches(['(', '[']).trim_end_matches([')', ']', '.']);
        // (A video caption, "WATCH: ...", may run longer than other lines.)
        let caption = line.get(..5).is_some_and(|w| w.eq_ignore_ascii_case("watch"));
        if line.len() >= if caption { 400 } else { 200 } {
            return false;
        }
        let l = line.to_lowercase();
        if l.is_empty() {
            return false;
        }
        self.boilerplate.iter().any(|b| {
            if b.len() <= 3 || !b.contains(' ') && !b.ends_with(':') {
                // Short single words ("ad", "advertisement") must be the whole line.
                l == *b
            } else {
                l.starts_with(b.as_str())
            }
        })
    }

    /// True when `lower` is an everyday English word.
    pub fn is_common_word(&self, lower: &str) -> bool {
        self.common_words.contains(lower)
    }

    /// True when the given name `short` is a short form of `formal`
    /// ("larry", "lawrence"), both lowercase.
    pub fn is_nickname(&self, short: &str, formal: &str) -> bool {
        self.nicknames.contains(&format!("{short} {formal}"))
    }

    /// The gender a first name suggests.
    pub fn first_name_gender(&self, name: &str) -> Option<Gender> {
        self.first_names.get(name.to_lowercase().as_str()).copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_class_line_names_a_class() {
        let (classes, unknown) = Classes::parse(WORD_CLASSES);
        assert!(unknown.is_empty(), "assets/word_classes.txt: unknown classes {unknown:?}");
        assert!(classes.credit_labels.contains("photo"));
    }

    #[test]
    fn every_common_word_is_found_and_the_list_is_sorted() {
        let lx = Lexicon::get();
        let words: Vec<&str> = lx.common_words.iter().collect();
        assert!(words.len() > 60_000);
        assert!(words.windows(2).all(|w| w[0] < w[1]), "common_words.txt must be sorted and unique");
        assert!(words.iter().all(|w| lx.is_common_word(w)));
        for not in ["", "a0", "aa", "zzzz", "korvanta", "galaxyy", "Galaxy", "wikinews"] {
            assert!(!lx.is_common_word(not), "{not}");
        }
    }

    #[test]
    fn nicknames_sorted_and_found() {
        let lx = Lexicon::get();
        let pairs: Vec<&str> = lx.nicknames.iter().collect();
        assert!(pairs.windows(2).all(|w| w[0] < w[1]), "nicknames.txt must be sorted and unique");
        assert!(lx.is_nickname("bill", "william") && lx.is_nickname("larry", "lawrence"));
        assert!(!lx.is_nickname("william", "bill") && !lx.is_nickname("bill", "robert"));
    }

    #[test]
    fn attribution_lists_all_filled() {
        let a = &Lexicon::get().classes;
        let lists = [
            &a.subordinators,
            &a.statement_nouns,
            &a.unnamed_speakers,
            &a.possessives,
            &a.object_pronouns,
            &a.subject_pronouns,
        ];
        assert!(lists.iter().all(|l| !l.is_empty()));
        assert!(a.subordinators.contains("whereas") && a.subject_pronouns.contains("they"));
    }

    #[test]
    fn sorted_lines_edges() {
        let list = SortedLines::new("# comment\n# more\nb\nd\nf");
        assert!(["b", "d", "f"].iter().all(|w| list.contains(w)));
        assert!(["a", "c", "e", "g", "", "bb"].iter().all(|w| !list.contains(w)));
        assert!(!SortedLines::new("").contains("a"));
    }
}
