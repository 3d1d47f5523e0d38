//! The word tables `build.rs` compiles from `assets/`: every key in one
//! string, entries as `u32` offsets into it, an open-addressing slot array
//! of `u32` entry numbers, a value per entry and, for a small table, a
//! filter that turns most absent words away before the hash. Nothing is built at start
//! and, as they hold no pointers, the loader relocates nothing in them.

use super::keys::{filter_bit, hash, wide_filter_bit, ENTRY_BITS, FILTER_BITS, WIDE_FILTER_BITS};

/// The length of a small filter, in words (a wide one is longer).
const SMALL_WORDS: usize = FILTER_BITS / 64;
const _: () = assert!(WIDE_FILTER_BITS > FILTER_BITS);

/// A table of string keys, each with a value (`()` for a set). Looked up
/// by anything that is a `str` (`&str`, `&String`, `&&str`), as the hash
/// maps it replaces were.
pub struct Table<V: 'static> {
    /// Every key, one after another.
    text: &'static str,
    /// Entry `i` is `text[ends[i]..ends[i + 1]]` (`ends[0]` is 0).
    ends: &'static [u32],
    /// A power of two long; 0 is empty, else an entry number + 1 in the low
    /// [`ENTRY_BITS`] and a tag from the key's hash above them. At most
    /// 5/8 full, probed linearly from the key's hash.
    slots: &'static [u32],
    values: &'static [V],
    /// [`super::keys::FILTER_BITS`] bits, the [`filter_bit`] of each key
    /// set; for a table that would set most of them,
    /// [`super::keys::WIDE_FILTER_BITS`] bits, the [`wide_filter_bit`] of
    /// each key set; else empty (no filter).
    filter: &'static [u64],
}

/// A set of words.
pub type StrSet = Table<()>;

impl<V> Clone for Table<V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<V> Copy for Table<V> {}

impl<V> std::fmt::Debug for Table<V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Table({} keys)", self.len())
    }
}

impl<V> Default for Table<V> {
    fn default() -> Self {
        Table { text: "", ends: &[0], slots: &[0], values: &[], filter: &[] }
    }
}

impl<V> Table<V> {
    /// The table as `build.rs` writes it.
    pub const fn new(
        text: &'static str,
        ends: &'static [u32],
        slots: &'static [u32],
        values: &'static [V],
        filter: &'static [u64],
    ) -> Self {
        Table { text, ends, slots, values, filter }
    }

    /// The entry number of `key`, if it is in the table.
    #[inline]
    pub fn find<Q: AsRef<str> + ?Sized>(&self, key: &Q) -> Option<usize> {
        let key = key.as_ref().as_bytes();
        let f = self.filter;
        let b = match f.len() {
            0 => return self.probe(key),
            SMALL_WORDS => filter_bit(key),
            _ => wide_filter_bit(key),
        };
        if f[b / 64] >> (b % 64) & 1 == 0 {
            return None;
        }
        self.probe(key)
    }

    /// [`Table::find`] past the filter: the key's slots from its hash.
    #[inline(never)]
    fn probe(&self, key: &[u8]) -> Option<usize> {
        let h = hash(key);
        let (mask, tag) = (self.slots.len() - 1, h >> ENTRY_BITS);
        let mut i = h as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                return None;
            }
            let n = (slot & ((1 << ENTRY_BITS) - 1)) as usize - 1;
            if slot >> ENTRY_BITS == tag && self.key_bytes(n) == key {
                return Some(n);
            }
            i = (i + 1) & mask;
        }
    }

    /// The bytes of entry `i`'s key (no check of char boundaries).
    #[inline]
    fn key_bytes(&self, i: usize) -> &'static [u8] {
        &self.text.as_bytes()[self.ends[i] as usize..self.ends[i + 1] as usize]
    }

    /// The key of entry `i`.
    #[inline]
    pub fn key(&self, i: usize) -> &'static str {
        &self.text[self.ends[i] as usize..self.ends[i + 1] as usize]
    }

    /// The value of `key`.
    #[inline]
    pub fn get<Q: AsRef<str> + ?Sized>(&self, key: &Q) -> Option<&'static V> {
        self.find(key).map(|i| &self.values[i])
    }

    /// True when `key` is in the table.
    #[inline]
    pub fn contains_key<Q: AsRef<str> + ?Sized>(&self, key: &Q) -> bool {
        self.find(key).is_some()
    }

    /// True when `key` is in the table (for sets).
    #[inline]
    pub fn contains<Q: AsRef<str> + ?Sized>(&self, key: &Q) -> bool {
        self.find(key).is_some()
    }

    /// The key as stored, when `key` is in the table.
    #[inline]
    pub fn stored<Q: AsRef<str> + ?Sized>(&self, key: &Q) -> Option<&'static str> {
        self.find(key).map(|i| self.key(i))
    }

    /// The keys, in the order of their first line in the list.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> + '_ {
        (0..self.len()).map(|i| self.key(i))
    }

    /// The keys (for sets: [`Table::keys`]).
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.keys()
    }

    pub fn len(&self) -> usize {
        self.ends.len() - 1
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}
