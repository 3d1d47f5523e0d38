//! Word lists, built into the binary from `assets/`: compiled into tables
//! by `build.rs` (`table`), but for a few small lists parsed once.
//!
//! Every list is data: the engine asks "is this a speech verb", "is this a
//! country", never compares against literals scattered through code.

mod keys;
mod table;

pub use keys::{filter_bit, key, key_into, FILTER_BITS};
use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;
pub use table::{StrSet, Table};

/// Gender evidence for pronoun resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

/// A country with its alternative names, demonyms and capital.
#[derive(Debug)]
pub struct Country {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub demonyms: &'static [&'static str],
    pub capital: Option<&'static str>,
}

/// A well-known organization and its aliases.
#[derive(Debug)]
pub struct KnownOrg {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
}

/// The kind of a place ("city", "state", "province", "region", ...), as
/// `assets/places.tsv` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlaceKind(u8);

impl PlaceKind {
    pub fn as_str(&self) -> &'static str {
        compiled::PLACE_KINDS[usize::from(self.0)]
    }
}

/// All word lists, lowercased where matching is case-insensitive. Most are
/// tables compiled from `assets/` by `build.rs` (nothing built at start).
#[derive(Debug, Default)]
pub struct Lexicon {
    /// Inflected speech verb form -> the entry of its base form.
    pub speech_verbs: Table<usize>,
    pub abbreviations: StrSet,
    pub function_words: StrSet,
    pub calendar: StrSet,
    pub titles: StrSet,
    pub honorifics: Table<Gender>,
    pub org_words: StrSet,
    pub event_words: StrSet,
    pub document_words: StrSet,
    pub place_words: StrSet,
    /// First words that make a name a place ("Port", "Lake", "Mount").
    pub place_prefixes: StrSet,
    /// Abbreviations that name no organization ("PhD", "DNA", "GDP").
    pub concept_acronyms: StrSet,
    /// Capitalized adjectives that are not entities ("Asian", "Muslim").
    pub adjectives: StrSet,
    /// Lowercase starts of scraped boilerplate lines, each with whether it
    /// must be the whole line (short single words: "ad", "advertisement").
    pub boilerplate: Vec<(String, bool)>,
    /// The longest entry of `boilerplate`, in bytes, and the first bytes
    /// its entries start with (a bit each).
    boilerplate_longest: usize,
    boilerplate_firsts: [u64; 4],
    /// Two-word speech cues ("shot back", "went on"): first word -> second words.
    pub speech_phrases: Table<&'static [&'static str]>,
    /// [`keys::CUE_FILTER_BITS`] bits: the [`keys::cue_filter_bit`] of each
    /// speech verb and two-word cue's first word.
    speech_cue_filter: &'static [u64],
    /// Given names (lowercase) -> gender, and surnames: the two large lists.
    pub first_names: Table<Gender>,
    pub surnames: StrSet,
    /// Surnames that are everyday words too ("Young", "Major"), left out of
    /// `surnames`.
    pub word_surnames: StrSet,
    /// Everyday English words (lowercase, from a spelling dictionary): a
    /// capitalized word that is none of them is probably a name.
    pub common_words: StrSet,
    /// Short forms of given names ("bill william"), one pair a line.
    pub nicknames: StrSet,
    pub countries: &'static [Country],
    /// Lowercase key (country name or alias, periods removed) -> country index.
    pub country_index: Table<usize>,
    /// Lowercase demonym -> country index.
    pub demonym_index: Table<usize>,
    /// Lowercase capital -> country index.
    pub capital_index: Table<usize>,
    /// Lowercase place name (cities, states, regions) -> place kind.
    pub places: Table<PlaceKind>,
    /// Lowercase key of another name of a place ("calif" for "Calif.",
    /// "montreal") -> the place's main name, and whether it is an
    /// abbreviation written with a period.
    pub place_aliases: Table<(&'static str, bool)>,
    pub orgs: &'static [KnownOrg],
    /// Lowercase key (name or alias, periods removed) -> org index.
    pub org_index: Table<usize>,
    /// First word of each known place or country name of several words ->
    /// the most words such a name has ("new" -> 3 for "New York City").
    pub long_places: Table<usize>,
    /// Pledge cue lists by kind (verb-to, verb-obj, noun, modal, not).
    pub pledge_cues: FxHashMap<String, FxHashSet<String>>,
    /// Small word classes the rules use (`assets/word_classes.txt`).
    pub classes: Classes,
}

/// The lines of `assets/word_classes.txt`: `name: word word ...`.
#[cfg(test)]
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
            $($(#[$doc])* pub $name: StrSet,)*
        }

        impl Classes {
            /// The classes, compiled from `assets/word_classes.txt`.
            fn compiled() -> Classes {
                Classes { $($name: compiled::classes::$name,)* }
            }

            /// The names of lines of `src` that name no class.
            #[cfg(test)]
            fn unknown(src: &str) -> Vec<String> {
                let known = [$(stringify!($name)),*];
                class_lines(src).map(|(name, _)| name).filter(|n| !known.contains(n)).map(String::from).collect()
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
    /// Contractions written without their apostrophe ("theres", "dont").
    bare_contractions,
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
    /// Head nouns of a description that stands for a person in focus
    /// ("the 44-year-old said", "the Liberal MPP said").
    described_people,
    /// Verbs of a market index's move ("the Nikkei fell 2 per cent").
    market_verbs,
    /// State and province abbreviations that are also words ("in Mass."
    /// is a church service): placed only after a comma.
    word_abbreviations,
    /// Market trades before "at" and a firm ("analysts at X").
    market_roles,
    /// Nouns for a firm's stock ("shares of X", "X shares fell").
    stock_nouns,
    /// Head words of a market index ("the Harbor Composite Index", "the
    /// Dow Jones Industrial Average"): a thing of kind other.
    index_heads,
    /// Prepositions: the noun phrase after one is not a verb's subject.
    prepositions,
    /// Compass points that name a region after "the" ("the West", "the Midwest").
    compass_regions,
    /// Ordinals that begin names when capitalized ("First Alvenians",
    /// "Second Harbour College").
    ordinals,
    /// Words that with a number give a grade on a scale, no name ("a
    /// Category 3 storm", "Level 4 restrictions").
    rank_words,
}

/// The built-in word classes.
#[cfg(test)]
const WORD_CLASSES: &str = include_str!("../../assets/word_classes.txt");

/// `f` of `word` lowercased (ASCII words of up to 24 bytes on the stack).
pub(crate) fn with_lowercase<T>(word: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; 24];
    if word.is_ascii() && word.len() <= buf.len() {
        let b = &mut buf[..word.len()];
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        // (ASCII stays valid UTF-8.)
        if let Ok(l) = std::str::from_utf8(b) {
            return f(l);
        }
    }
    f(&word.to_lowercase())
}

fn lines(src: &str) -> impl Iterator<Item = &str> {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The tables `build.rs` compiles from `assets/`.
mod compiled {
    use super::{Country, Gender, KnownOrg, PlaceKind, Table};
    include!(concat!(env!("OUT_DIR"), "/lexicon_tables.rs"));
}

pub(crate) use compiled::weights;

impl Lexicon {
    /// The built-in lexicon (parsed on first use).
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::build)
    }

    /// The compiled tables, and the few small lists read at start.
    fn build() -> Lexicon {
        let mut lx = Lexicon {
            speech_verbs: compiled::SPEECH_VERBS,
            speech_phrases: compiled::SPEECH_PHRASES,
            speech_cue_filter: &compiled::SPEECH_CUE_FILTER,
            abbreviations: compiled::ABBREVIATIONS,
            function_words: compiled::FUNCTION_WORDS,
            calendar: compiled::CALENDAR,
            titles: compiled::TITLES,
            honorifics: compiled::HONORIFICS,
            org_words: compiled::ORG_WORDS,
            event_words: compiled::EVENT_WORDS,
            document_words: compiled::DOCUMENT_WORDS,
            place_words: compiled::PLACE_WORDS,
            place_prefixes: compiled::PLACE_PREFIXES,
            concept_acronyms: compiled::CONCEPT_ACRONYMS,
            adjectives: compiled::ADJECTIVES,
            first_names: compiled::FIRST_NAMES,
            surnames: compiled::SURNAMES,
            word_surnames: compiled::WORD_SURNAMES,
            common_words: compiled::COMMON_WORDS,
            nicknames: compiled::NICKNAMES,
            countries: &compiled::COUNTRIES,
            country_index: compiled::COUNTRY_INDEX,
            demonym_index: compiled::DEMONYM_INDEX,
            capital_index: compiled::CAPITAL_INDEX,
            places: compiled::PLACES,
            place_aliases: compiled::PLACE_ALIASES,
            orgs: &compiled::ORGS,
            org_index: compiled::ORG_INDEX,
            long_places: compiled::LONG_PLACES,
            classes: Classes::compiled(),
            ..Lexicon::default()
        };
        lx.boilerplate = lines(include_str!("../../assets/boilerplate.txt"))
            .map(str::to_lowercase)
            .map(|b| {
                let whole = b.len() <= 3 || !b.contains(' ') && !b.ends_with(':');
                (b, whole)
            })
            .collect();
        lx.boilerplate_longest = lx.boilerplate.iter().map(|(b, _)| b.len()).max().unwrap_or(0);
        for b in lx.boilerplate.iter().filter_map(|(b, _)| b.as_bytes().first()) {
            lx.boilerplate_firsts[usize::from(*b / 64)] |= 1 << (b % 64);
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

    /// The base form of a speech verb (lowercase input), if it is one
    /// (most words turned away by the speech cue filter).
    #[inline]
    pub fn speech_verb(&self, lower: &str) -> Option<&str> {
        if !self.may_start_speech_cue(lower) {
            return None;
        }
        self.speech_verbs.get(lower).map(|&base| self.speech_verbs.key(base))
    }

    /// True when `word`, in any case, is a speech verb (lowercased without
    /// allocating when short).
    pub fn is_speech_verb_any_case(&self, word: &str) -> bool {
        with_lowercase(word, |l| self.speech_verb(l).is_some())
    }

    /// False when `lower` is certainly no speech verb and no two-word cue's
    /// first word: one bit of a filter over its first and last two bytes.
    #[inline]
    pub fn may_start_speech_cue(&self, lower: &str) -> bool {
        const _: () = assert!(compiled::SPEECH_CUE_FILTER.len() == keys::CUE_FILTER_BITS / 64);
        let b = keys::cue_filter_bit(lower.as_bytes());
        // (An empty lexicon has no filter, and no cue.)
        self.speech_cue_filter.get(b / 64).is_some_and(|w| w >> (b % 64) & 1 != 0)
    }

    /// The second words of the two-word speech cues that start with `lower`
    /// ("shot" -> "back"), if any (most words turned away by the speech cue
    /// filter before the hash).
    #[inline]
    pub fn speech_phrase(&self, lower: &str) -> Option<&'static [&'static str]> {
        if !self.may_start_speech_cue(lower) {
            return None;
        }
        self.speech_phrases.get(lower).copied()
    }

    /// [`Lexicon::speech_phrase`] of `word` in any case (lowercased without
    /// allocating when short).
    pub fn speech_phrase_any_case(&self, word: &str) -> Option<&'static [&'static str]> {
        with_lowercase(word, |l| self.speech_phrase(l))
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
        // (Most lines start with a letter no entry starts with.)
        if let Some(&b) = line.as_bytes().first().filter(|b| b.is_ascii()) {
            let b = b.to_ascii_lowercase();
            if self.boilerplate_firsts[usize::from(b / 64)] >> (b % 64) & 1 == 0 {
                return false;
            }
        }
        let entries =
            |first: Option<u8>| self.boilerplate.iter().filter(move |(b, _)| b.as_bytes().first().copied() == first);
        // An ASCII line is compared as it is, its case aside (the entries
        // are lowercase, and lowercase keeps an ASCII line's length).
        if line.is_ascii() {
            let (line, first) = (line.as_bytes(), line.as_bytes().first().map(u8::to_ascii_lowercase));
            return entries(first).any(|(b, whole_line)| {
                let b = b.as_bytes();
                let n = if *whole_line { line.len() } else { b.len() };
                line.len() >= b.len() && n == b.len() && line[..n].eq_ignore_ascii_case(b)
            });
        }
        // Only as much of the lowercase line as the longest entry can match
        // (and a character more): `whole` when that is all of it.
        let most = self.boilerplate_longest;
        let mut l = String::with_capacity(most + 8);
        let mut chars = line.chars();
        while l.len() <= most {
            let Some(c) = chars.next() else { break };
            if c.is_ascii() {
                l.push(c.to_ascii_lowercase());
            } else {
                l.extend(c.to_lowercase());
            }
        }
        let whole = chars.next().is_none();
        if whole && l.is_empty() {
            return false;
        }
        entries(l.as_bytes().first().copied()).any(|(b, whole_line)| {
            if *whole_line {
                whole && l == *b
            } else {
                l.starts_with(b.as_str())
            }
        })
    }

    /// True when `key` is a known place or country (a name key, lowercase).
    pub fn is_place_or_country(&self, key: &str) -> bool {
        self.places.contains_key(key) || self.country_index.contains_key(key)
    }

    /// True when `lower` is an everyday English word.
    pub fn is_common_word(&self, lower: &str) -> bool {
        self.common_words.contains(lower)
    }

    /// True when the given name `short` is a short form of `formal`
    /// ("larry", "lawrence"), both lowercase.
    pub fn is_nickname(&self, short: &str, formal: &str) -> bool {
        // ("short formal", on the stack when short.)
        let mut buf = [0u8; 48];
        let n = short.len() + 1 + formal.len();
        if n > buf.len() {
            return self.nicknames.contains(&format!("{short} {formal}"));
        }
        buf[..short.len()].copy_from_slice(short.as_bytes());
        buf[short.len()] = b' ';
        buf[short.len() + 1..n].copy_from_slice(formal.as_bytes());
        std::str::from_utf8(&buf[..n]).is_ok_and(|pair| self.nicknames.contains(pair))
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
        let unknown = Classes::unknown(WORD_CLASSES);
        assert!(unknown.is_empty(), "assets/word_classes.txt: unknown classes {unknown:?}");
        assert!(Classes::compiled().credit_labels.contains("photo"));
    }

    #[test]
    fn every_common_word_is_found() {
        let lx = Lexicon::get();
        let words: Vec<&str> = lx.common_words.iter().collect();
        assert!(words.len() > 60_000);
        assert!(words.iter().all(|w| lx.is_common_word(w)));
        for not in ["", "a0", "aa", "zzzz", "korvanta", "galaxyy", "Galaxy", "wikinews"] {
            assert!(!lx.is_common_word(not), "{not}");
        }
    }

    #[test]
    fn nicknames_found() {
        let lx = Lexicon::get();
        assert!(lx.is_nickname("bill", "william") && lx.is_nickname("larry", "lawrence"));
        assert!(!lx.is_nickname("william", "bill") && !lx.is_nickname("bill", "robert"));
    }

    #[test]
    fn compiled_tables_find_every_key_and_their_values() {
        let lx = Lexicon::get();
        assert!(lx.places.len() > 4_000 && lx.places.keys().all(|k| lx.places.contains_key(k)));
        assert!(lx.first_names.len() > 30_000 && lx.first_names.keys().all(|k| lx.first_names.contains_key(k)));
        assert_eq!(lx.speech_verb("said"), Some("say"));
        assert_eq!(lx.speech_verb("say"), Some("say"));
        assert_eq!(lx.honorifics.get("mr"), Some(&Gender::Male));
        let china = lx.country_index.get("prc").copied();
        assert_eq!(china.map(|c| lx.countries[c].name), Some("China"));
        assert!(!lx.places.contains_key("") && !lx.surnames.contains("not a surname"));
        assert!(StrSet::default().is_empty() && !StrSet::default().contains("a"));
        // (Small tables turn words away by their filter first, never a key.)
        for t in [&lx.titles, &lx.function_words, &lx.org_words, &lx.calendar, &lx.abbreviations] {
            assert!(!t.is_empty() && t.keys().all(|k| t.contains(k)));
        }
        assert!(lx.speech_verbs.keys().all(|k| lx.speech_verb(k).is_some()));
    }

    #[test]
    fn speech_cue_filter_lets_every_cue_pass() {
        let lx = Lexicon::get();
        assert!(lx.speech_verbs.keys().chain(lx.speech_phrases.keys()).all(|w| lx.may_start_speech_cue(w)));
        assert!(!lx.may_start_speech_cue("harbor"));
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
}
