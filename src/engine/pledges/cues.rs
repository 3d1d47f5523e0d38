//! Cue kinds: the word lists of `assets/pledge_cues.txt`, one kind each,
//! and the set of kinds each word belongs to.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::engine::lexicon::{filter_bit, Lexicon, FILTER_BITS};

/// One list of `assets/pledge_cues.txt`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// `pledged to`, `plans to`, `threatened to`.
    VerbTo,
    /// `pledged $5 million`, `promised a review`.
    VerbObject,
    /// `a plan to`, `the pledges include`.
    Noun,
    /// `will`, `would`, `shall`, `'ll`.
    Modal,
    /// Plural nouns that announce a counted list (`three goals:`).
    List,
    /// `campaigned on`.
    VerbOn,
    /// `urged`, `called`, `asked`: a demand on others.
    Appeal,
    /// `hopes`, `wants`.
    Hope,
    /// `expected`, `likely`.
    Forecast,
    /// `may`, `could`, `should`.
    Hedge,
    /// `considering`.
    Deliberate,
    /// `if`, `unless`, `whether`.
    Condition,
    /// `refused`, `declined`.
    Refuse,
}

impl CueKind {
    /// Every kind, in bit order.
    pub const ALL: [CueKind; 13] = [
        CueKind::VerbTo,
        CueKind::VerbObject,
        CueKind::Noun,
        CueKind::Modal,
        CueKind::List,
        CueKind::VerbOn,
        CueKind::Appeal,
        CueKind::Hope,
        CueKind::Forecast,
        CueKind::Hedge,
        CueKind::Deliberate,
        CueKind::Condition,
        CueKind::Refuse,
    ];

    /// The kind's label in the word-list file.
    pub const fn label(self) -> &'static str {
        match self {
            CueKind::VerbTo => "verb-to",
            CueKind::VerbObject => "verb-obj",
            CueKind::Noun => "noun",
            CueKind::Modal => "modal",
            CueKind::List => "list",
            CueKind::VerbOn => "verb-on",
            CueKind::Appeal => "appeal",
            CueKind::Hope => "hope",
            CueKind::Forecast => "forecast",
            CueKind::Hedge => "hedge",
            CueKind::Deliberate => "deliberate",
            CueKind::Condition => "condition",
            CueKind::Refuse => "refuse",
        }
    }

    /// The kinds that turn a cue into an appeal, hope, forecast,
    /// possibility, deliberation, condition or refusal.
    pub const GOVERNING: [CueKind; 7] = [
        CueKind::Appeal,
        CueKind::Hope,
        CueKind::Forecast,
        CueKind::Hedge,
        CueKind::Deliberate,
        CueKind::Condition,
        CueKind::Refuse,
    ];

    const fn bit(self) -> u16 {
        1 << self as u16
    }
}

/// The cue kinds one word belongs to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Cues(u16);

impl Cues {
    /// The word is in the list of `kind`.
    pub const fn has(self, kind: CueKind) -> bool {
        self.0 & kind.bit() != 0
    }

    /// The word is in any of `kinds`.
    pub fn any(self, kinds: &[CueKind]) -> bool {
        kinds.iter().any(|k| self.has(*k))
    }

    /// The word governs a cue (see [`CueKind::GOVERNING`]).
    pub fn governs(self) -> bool {
        self.any(&CueKind::GOVERNING)
    }

    /// A commitment verb or modal that may start a second commitment
    /// ("... and intends to", "... and will extend").
    pub fn starts_commitment(self) -> bool {
        self.any(&[CueKind::VerbTo, CueKind::VerbObject, CueKind::Modal])
    }

    /// The kinds of both.
    pub const fn union(self, other: Cues) -> Cues {
        Cues(self.0 | other.0)
    }

    fn with(self, kind: CueKind) -> Cues {
        Cues(self.0 | kind.bit())
    }
}

/// Small closed classes of words the rules ask about, looked up with the
/// cue kinds (one lookup a token).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// A word a precise rule starts at that is no cue ("we", "preparing").
    RuleStart,
    /// A word a broad construction starts at that is no cue ("going", "is").
    BroadStart,
    /// A word that ends a clause ("because", "which").
    ClauseBreak,
    /// "and", "or".
    AndOr,
    /// "i", "we", "he", "she", "they".
    SubjectPronoun,
    /// A speech verb of the lexicon ("said", "tells").
    SpeechVerb,
    /// A number or count word ("three", "dozens").
    NumberWord,
}

impl Class {
    /// Every class with its words (the speech verbs aside: the lexicon's).
    const WORDS: [(Class, &'static [&'static str]); 6] = [
        (Class::RuleStart, &super::candidates::RULE_START_WORDS),
        (Class::NumberWord, &super::amount::NUMBER_WORDS),
        (Class::BroadStart, &super::broad::BROAD_START_WORDS),
        (Class::ClauseBreak, &super::clause::CLAUSE_BREAKS),
        (Class::AndOr, &["and", "or"]),
        (Class::SubjectPronoun, &["i", "we", "he", "she", "they"]),
    ];

    const fn bit(self) -> u8 {
        1 << self as u8
    }
}

/// The classes one word belongs to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Classes(u8);

impl Classes {
    /// The word is of class `class`.
    pub const fn has(self, class: Class) -> bool {
        self.0 & class.bit() != 0
    }
}

/// What [`CueTable`] knows of a word: its cue kinds and classes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Entry {
    pub cues: Cues,
    pub classes: Classes,
}

/// Word -> its cue kinds and classes, with the filter of the word tables
/// (see [`filter_bit`]): most words, in none, are turned away before the
/// hash.
pub struct CueTable {
    map: FxHashMap<String, Entry>,
    filter: Vec<u64>,
}

impl CueTable {
    /// The cue kinds and classes of `word` (none for most words).
    #[inline]
    pub fn entry(&self, word: &str) -> Entry {
        if !self.may_hold(word.as_bytes()) {
            return Entry::default();
        }
        self.lookup(word)
    }

    /// The filter lets `word` pass.
    #[inline]
    fn may_hold(&self, word: &[u8]) -> bool {
        let b = filter_bit(word);
        self.filter[b / 64] >> (b % 64) & 1 != 0
    }

    /// [`CueTable::entry`] past the filter (out of line: the filter,
    /// inlined, turns most words away).
    #[inline(never)]
    fn lookup(&self, word: &str) -> Entry {
        self.map.get(word).copied().unwrap_or_default()
    }

    fn add(&mut self, word: &str, add: impl FnOnce(&mut Entry)) {
        add(self.map.entry(word.to_string()).or_default());
        let b = filter_bit(word.as_bytes());
        self.filter[b / 64] |= 1 << (b % 64);
    }
}

/// Word -> its cue kinds (from the lexicon's lists) and classes, built once.
pub fn table(lexicon: &Lexicon) -> &'static CueTable {
    static TABLE: OnceLock<CueTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = CueTable { map: FxHashMap::default(), filter: vec![0u64; FILTER_BITS / 64] };
        for kind in CueKind::ALL {
            for word in lexicon.pledge_cues.get(kind.label()).into_iter().flatten() {
                table.add(word, |e| e.cues = e.cues.with(kind));
            }
        }
        let in_class = |class: Class| move |e: &mut Entry| e.classes = Classes(e.classes.0 | class.bit());
        for (class, words) in Class::WORDS {
            for word in words {
                table.add(word, in_class(class));
            }
        }
        for word in lexicon.speech_verbs.keys() {
            table.add(word, in_class(Class::SpeechVerb));
        }
        table
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_words() {
        let lexicon = Lexicon::get();
        for kind in CueKind::ALL {
            assert!(lexicon.pledge_cues.get(kind.label()).is_some_and(|s| !s.is_empty()), "{}", kind.label());
        }
        let table = table(lexicon);
        assert!(
            table.entry("pledged").cues.has(CueKind::VerbTo) && table.entry("pledged").cues.has(CueKind::VerbObject)
        );
        assert!(table.entry("urged").cues.governs() && !table.entry("urged").cues.has(CueKind::Modal));
        // (The filter turns away words that are no cue, never one that is.)
        assert_eq!(table.entry("harbor"), Entry::default());
        assert!(table.map.keys().all(|w| table.entry(w) == table.map[w]));
        assert!(
            table.entry("because").classes.has(Class::ClauseBreak) && !table.entry("because").classes.has(Class::AndOr)
        );
    }
}
