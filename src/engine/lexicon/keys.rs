//! Lookup keys and the hash of the word tables. Shared with `build.rs`
//! (which builds the tables with them), so this file uses only `std`.

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

/// The hash of a table key: eight bytes at a time, multiplied and folded
/// (the same when `build.rs` places a key and when a lookup probes for it).
#[inline]
pub fn hash(key: &[u8]) -> u32 {
    const K: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut h = (key.len() as u64).wrapping_mul(K);
    let mut chunks = key.chunks_exact(8);
    for c in &mut chunks {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        h = (h ^ u64::from_le_bytes(w)).wrapping_mul(K).rotate_left(31);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = (h ^ tail(rest)).wrapping_mul(K).rotate_left(31);
    }
    let h = (h ^ (h >> 29)).wrapping_mul(K);
    (h >> 32) as u32
}

/// The last 1 to 7 bytes of a key as a little-endian word, zero above
/// them: in at most three loads, without a call to copy a short slice.
#[inline]
fn tail(rest: &[u8]) -> u64 {
    let mut v = 0u64;
    let mut at = 0;
    if rest.len() >= 4 {
        v = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]) as u64;
        at = 4;
    }
    if rest.len() - at >= 2 {
        v |= (u16::from_le_bytes([rest[at], rest[at + 1]]) as u64) << (8 * at);
        at += 2;
    }
    if rest.len() > at {
        v |= (rest[at] as u64) << (8 * at);
    }
    v
}

/// The bits of a table's filter (see [`filter_bit`]).
pub const FILTER_BITS: usize = 4096;

/// The filter bit of a key: its first and last bytes (five bits each) and
/// its length (two bits), no hash. A table sets the bit of each of its keys,
/// so a word whose bit is clear is not in it: most lookups of a word in a
/// small list end there.
#[inline]
pub fn filter_bit(key: &[u8]) -> usize {
    let (first, last) = (key.first().copied().unwrap_or(0), key.last().copied().unwrap_or(0));
    (first as usize & 31) << 7 | (last as usize & 31) << 2 | key.len() & 3
}

/// The bits of a large table's filter (see [`wide_filter_bit`]).
pub const WIDE_FILTER_BITS: usize = 1 << 17;

/// The filter bit of a key in a large table, whose keys would set most
/// bits of the small filter: its first two bytes and its last (five bits
/// each) and its length (two bits), no hash. Most words looked up in the
/// given names or the surnames are none, and end there.
#[inline]
pub fn wide_filter_bit(key: &[u8]) -> usize {
    let at = |i: Option<&u8>| i.copied().unwrap_or(0) as usize & 31;
    at(key.first()) << 12 | at(key.get(1)) << 7 | at(key.last()) << 2 | key.len() & 3
}

/// The bits of the speech cue filter (see [`cue_filter_bit`]).
pub const CUE_FILTER_BITS: usize = 1 << 15;

/// A word's bit in the speech cue filter, which `build.rs` sets for every
/// speech verb and two-word cue's first word: the word's first and last two
/// bytes (five bits each). Tighter than a table's own filter for the
/// everyday words read at every token, most of which it turns away.
#[inline]
pub fn cue_filter_bit(w: &[u8]) -> usize {
    let at = |b: Option<&u8>| b.copied().unwrap_or(0) as usize & 31;
    at(w.first()) << 10 | at(w.len().checked_sub(2).and_then(|i| w.get(i))) << 5 | at(w.last())
}

/// Slot bits that hold an entry number + 1; the bits above hold a tag
/// from the key's hash, which most probes of other keys fail on.
pub const ENTRY_BITS: u32 = 20;

/// The slot for entry `n` of a key hashed to `h` (for `build.rs`).
#[allow(dead_code)]
pub fn slot(n: usize, h: u32) -> u32 {
    assert!(n + 1 < 1 << ENTRY_BITS, "a word table holds fewer than a million keys");
    (n as u32 + 1) | (h >> ENTRY_BITS << ENTRY_BITS)
}
