//! Arbitrary bytes in, a valid document (or a clean input error) out.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The first byte picks strict or lossy decoding.
    let (strict, bytes) = match data.split_first() {
        Some((b, rest)) => (b & 1 == 1, rest),
        None => (false, data),
    };
    let Ok(doc) = byline::engine::annotate_bytes(bytes, strict) else { return };
    if let Err(e) = doc.validate() {
        panic!("invalid document: {e}");
    }
    for s in doc.all_spans() {
        assert!(s.start <= s.end && s.end <= doc.text.len(), "span {s:?} out of bounds");
        assert!(doc.text.is_char_boundary(s.start) && doc.text.is_char_boundary(s.end), "span {s:?} splits a char");
    }
});
