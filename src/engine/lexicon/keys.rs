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

/// The hash of a table key (64-bit FNV-1a, folded to 32 bits): the same
/// when `build.rs` places a key and when a lookup probes for it.
#[inline]
pub fn hash(key: &[u8]) -> u32 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in key {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    (h ^ (h >> 29) ^ (h >> 47)) as u32
}
