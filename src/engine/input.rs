//! Input normalization: bytes in, article text out.
//!
//! Rules (PRODUCT.md section 5): a UTF-8 BOM is dropped, CRLF and lone CR
//! become LF, and binary data is refused. Bytes that are not UTF-8 are an
//! error in strict mode; otherwise they are decoded in the encoding the
//! page declares or, failing that, the one `chardetng` detects, with a
//! warning naming it ("decoded as windows-1252"). Text that is mostly
//! UTF-8 with a few bad bytes keeps UTF-8, the bad bytes replaced.

use std::fmt;

/// Why bytes could not be read as an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputError {
    /// NUL bytes or mostly non-text bytes.
    Binary,
    /// Invalid UTF-8 in strict mode; the byte offset of the first bad byte.
    InvalidUtf8 { offset: usize },
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Binary => write!(f, "not a text file (binary data)"),
            InputError::InvalidUtf8 { offset } => write!(f, "invalid UTF-8 at byte {offset}"),
        }
    }
}

impl std::error::Error for InputError {}

/// Decoded article text and notes about what was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
}

/// How much of the start of the input is sampled for the binary check.
const SAMPLE: usize = 64 * 1024;

/// True when the bytes look like binary data rather than text: a NUL byte
/// anywhere (text never has one; checking the whole input also catches a
/// binary file behind a long text header), more than a tenth of the
/// sample in C0 controls other than whitespace and ESC, or mostly invalid
/// UTF-8 with more than a hundredth in such controls.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let sample = &bytes[..bytes.len().min(SAMPLE)];
    if sample.is_empty() {
        return false;
    }
    if bytes.contains(&0) {
        return true;
    }
    let controls = sample.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c | 0x1b)).count();
    if controls * 10 > sample.len() {
        return true;
    }
    // Mostly invalid UTF-8 (more than a third of the sample) with control
    // bytes in it is not text either; without any, it is a legacy encoding
    // (Cyrillic or Greek text is mostly bytes above 0x7F). (The cheap tests
    // first: almost no text has that many controls.)
    if sample.len() <= 16 || controls * 100 <= sample.len() {
        return false;
    }
    let lossy = String::from_utf8_lossy(sample);
    let bad = lossy.chars().filter(|&c| c == '\u{fffd}').count();
    bad * 3 > sample.len().max(1)
}

/// Decodes article bytes. `strict` turns bytes that are not UTF-8 into an
/// error.
pub fn decode(bytes: &[u8], strict: bool) -> Result<Decoded, InputError> {
    decode_declared(bytes, None, strict)
}

/// [`decode_declared`] taking the bytes over: UTF-8 without a BOM or a CR
/// (almost every article) becomes the text without a copy; anything else
/// is decoded as [`decode_declared`] does.
pub fn decode_owned(bytes: Vec<u8>, declared: Option<&str>, strict: bool) -> Result<Decoded, InputError> {
    let plain = !bytes.starts_with(b"\xef\xbb\xbf") && memchr::memchr(b'\r', &bytes).is_none();
    if !plain || looks_binary(&bytes) {
        return decode_declared(&bytes, declared, strict);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(Decoded { text, warnings: Vec::new() }),
        Err(e) => decode_declared(e.as_bytes(), declared, strict),
    }
}

/// Decodes article bytes whose source may declare an encoding (`declared`:
/// a label such as an HTML `charset` or an HTTP header's). Valid UTF-8 is
/// always read as UTF-8 (a page that says "iso-8859-1" but is UTF-8 is a
/// common mistake); other bytes use the declared encoding, else the
/// detected one.
pub fn decode_declared(bytes: &[u8], declared: Option<&str>, strict: bool) -> Result<Decoded, InputError> {
    if looks_binary(bytes) {
        return Err(InputError::Binary);
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let e = match std::str::from_utf8(bytes) {
        Ok(s) => return Ok(Decoded { text: normalize_newlines(s), warnings: Vec::new() }),
        Err(e) => e,
    };
    if strict {
        return Err(InputError::InvalidUtf8 { offset: e.valid_up_to() });
    }
    // UTF-16 labels are wrong for bytes that are not UTF-16 (browsers read them as UTF-8).
    let declared =
        declared.and_then(|l| encoding_rs::Encoding::for_label(l.trim().as_bytes())).map(|e| e.output_encoding());
    let encoding = match declared {
        Some(enc) => enc,
        None if mostly_utf8(bytes) => encoding_rs::UTF_8,
        None => detect(bytes),
    };
    if encoding == encoding_rs::UTF_8 {
        let warning = format!("invalid UTF-8 replaced with \u{fffd} (first at byte {})", e.valid_up_to());
        return Ok(Decoded { text: normalize_newlines(&String::from_utf8_lossy(bytes)), warnings: vec![warning] });
    }
    let (text, _, had_errors) = encoding.decode(bytes);
    let mut warning = format!("decoded as {}", encoding.name().to_ascii_lowercase());
    if had_errors {
        warning.push_str(" (some bytes replaced with \u{fffd})");
    }
    Ok(Decoded { text: normalize_newlines(&text), warnings: vec![warning] })
}

/// True when the bytes hold more valid multi-byte UTF-8 characters than
/// invalid sequences: UTF-8 with a few damaged bytes, not a legacy encoding.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    good > bad
}

/// Below this many non-ASCII bytes a guess has too little to go on, and
/// windows-1252 (the commonest legacy encoding) is taken when it fits.
const LITTLE_EVIDENCE: usize = 16;

/// The legacy encoding `chardetng` guesses for bytes that are not UTF-8.
fn detect(bytes: &[u8]) -> &'static encoding_rs::Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, chardetng::Utf8Detection::Deny);
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
    // The five bytes windows-1252 leaves undefined.
    let fits_1252 = !bytes.iter().any(|b| matches!(b, 0x81 | 0x8d | 0x8f | 0x90 | 0x9d));
    if non_ascii < LITTLE_EVIDENCE && fits_1252 {
        return encoding_rs::WINDOWS_1252;
    }
    guess
}

/// Decodes text that is already a `str` (BOM and line ends only).
pub fn normalize_str(s: &str) -> String {
    normalize_newlines(s.strip_prefix('\u{feff}').unwrap_or(s))
}

fn normalize_newlines(s: &str) -> String {
    if !s.contains('\r') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\r' {
            if chars.peek() == Some(&'\n') {
                chars.next();
            }
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_and_line_ends() {
        let d = decode(b"\xef\xbb\xbfa\r\nb\rc\n", false).unwrap();
        assert_eq!(d.text, "a\nb\nc\n");
        assert!(d.warnings.is_empty());
    }

    #[test]
    fn taking_the_bytes_over_decodes_the_same() {
        let inputs: [&[u8]; 7] = [
            b"plain text\n",
            b"\xef\xbb\xbfa\r\nb",
            b"caf\xe9 \x93quoted\x94",
            b"Gda\xf1sk",
            b"nul\0byte",
            b"",
            "\u{201c}Yes,\u{201d} she said.".as_bytes(),
        ];
        for bytes in inputs {
            for (declared, strict) in [(None, false), (None, true), (Some("iso-8859-2"), false)] {
                let want = decode_declared(bytes, declared, strict);
                assert_eq!(decode_owned(bytes.to_vec(), declared, strict), want, "{bytes:?}");
            }
        }
    }

    #[test]
    fn legacy_bytes_are_detected_or_strict() {
        let d = decode(b"The caf\xe9 on the quay \x93reopened\x94 today, caf\xe9 owners said.", false).unwrap();
        assert_eq!(d.text, "The caf\u{e9} on the quay \u{201c}reopened\u{201d} today, caf\u{e9} owners said.");
        assert_eq!(d.warnings, vec!["decoded as windows-1252".to_string()]);
        assert_eq!(decode(b"caf\xe9", true), Err(InputError::InvalidUtf8 { offset: 3 }));
    }

    #[test]
    fn a_declared_encoding_comes_first_but_not_over_utf8() {
        let d = decode_declared(b"Gda\xf1sk", Some("iso-8859-2"), false).unwrap();
        assert_eq!(d.text, "Gda\u{144}sk");
        assert_eq!(d.warnings, vec!["decoded as iso-8859-2".to_string()]);
        let d = decode_declared("Caf\u{e9}".as_bytes(), Some("windows-1252"), true).unwrap();
        assert_eq!((d.text.as_str(), d.warnings.len()), ("Caf\u{e9}", 0));
        // A UTF-16 label on single-byte text means UTF-8, as in browsers.
        let d = decode_declared(b"caf\xe9", Some("utf-16"), false).unwrap();
        assert_eq!(d.text, "caf\u{fffd}");
    }

    #[test]
    fn short_text_leans_to_windows_1252_long_text_is_detected() {
        let d = decode(b"\xabCa va\xbb, dit Ren\xe9.", false).unwrap();
        assert_eq!(d.text, "\u{ab}Ca va\u{bb}, dit Ren\u{e9}.");
        let czech = b"P\xf8\xedli\xb9 \xbelu\xbbou\xe8k\xfd k\xf9\xf2 \xfap\xecl \xef\xe1belsk\xe9 \xf3dy. ".repeat(4);
        let d = decode(&czech, false).unwrap();
        assert_eq!(d.warnings, vec!["decoded as iso-8859-2".to_string()]);
        assert!(d.text.starts_with("P\u{159}\u{ed}li\u{161} \u{17e}lu\u{165}ou\u{10d}k\u{fd}"), "{}", d.text);
    }

    #[test]
    fn mostly_utf8_keeps_utf8_and_replaces_the_bad_byte() {
        let mut bytes = "Caf\u{e9} cr\u{e8}me, na\u{ef}ve ".as_bytes().to_vec();
        bytes.extend_from_slice(b"\xff end");
        let d = decode(&bytes, false).unwrap();
        assert_eq!(d.text, "Caf\u{e9} cr\u{e8}me, na\u{ef}ve \u{fffd} end");
        assert!(d.warnings[0].starts_with("invalid UTF-8 replaced"), "{:?}", d.warnings);
    }

    #[test]
    fn binary_is_refused() {
        assert_eq!(decode(b"abc\0def", false), Err(InputError::Binary));
        assert_eq!(decode(&[1u8, 2, 3, 4, 5, 6, 7, 8, b'a'], false), Err(InputError::Binary));
        assert!(decode(b"", false).unwrap().text.is_empty());
        assert!(decode("\u{1b}[31mred".as_bytes(), false).is_ok());
        let mut late_nul = "Plain text. ".repeat(10_000).into_bytes();
        late_nul.extend_from_slice(b"\0\0\x01binary tail");
        assert_eq!(decode(&late_nul, false), Err(InputError::Binary), "a NUL after the sample");
    }
}
