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

/// Word -> its cue kinds, with the filter of the word tables (see
/// [`filter_bit`]): most words, no cue, are turned away before the hash.
pub struct CueTable {
    map: FxHashMap<String, Cues>,
    filter: Vec<u64>,
}

impl CueTable {
    /// The cue kinds of `word` (none for most words).
    #[inline]
    pub fn get(&self, word: &str) -> Cues {
        let b = filter_bit(word.as_bytes());
        if self.filter[b / 64] >> (b % 64) & 1 == 0 {
            return Cues::default();
        }
        self.lookup(word)
    }

    /// [`CueTable::get`] past the filter (out of line: the filter, inlined,
    /// turns most words away).
    #[inline(never)]
    fn lookup(&self, word: &str) -> Cues {
        self.map.get(word).copied().unwrap_or_default()
    }
}

/// Word -> its cue kinds, built once from the lexicon's lists.
pub fn table(lexicon: &Lexicon) -> &'static CueTable {
    static TABLE: OnceLock<CueTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map: FxHashMap<String, Cues> = FxHashMap::default();
        let mut filter = vec![0u64; FILTER_BITS / 64];
        for kind in CueKind::ALL {
            for word in lexicon.pledge_cues.get(kind.label()).into_iter().flatten() {
                let cues = map.entry(word.clone()).or_default();
                *cues = cues.with(kind);
                let b = filter_bit(word.as_bytes());
                filter[b / 64] |= 1 << (b % 64);
            }
        }
        CueTable { map, filter }
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
        assert!(table.get("pledged").has(CueKind::VerbTo) && table.get("pledged").has(CueKind::VerbObject));
        assert!(table.get("urged").governs() && !table.get("urged").has(CueKind::Modal));
        // (The filter turns away words that are no cue, never one that is.)
        assert_eq!(table.get("harbor"), Cues::default());
        assert!(table.map.keys().all(|w| table.get(w) == table.map[w]));
    }
}
