//! Input normalization: bytes in, article text out.
//!
//! Rules (PRODUCT.md section 5): a UTF-8 BOM is dropped, CRLF and lone CR
//! become LF, invalid UTF-8 is replaced (with a warning, or an error in
//! strict mode), and binary data is refused.

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
/// binary file behind a long text header), or more than a tenth of the
/// sample in C0 controls other than whitespace and ESC.
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
    // Mostly invalid UTF-8 (more than a third of the sample) is not text either.
    let lossy = String::from_utf8_lossy(sample);
    let bad = lossy.chars().filter(|&c| c == '\u{fffd}').count();
    bad * 3 > sample.len().max(1) && sample.len() > 16
}

/// Decodes article bytes. `strict` turns invalid UTF-8 into an error.
pub fn decode(bytes: &[u8], strict: bool) -> Result<Decoded, InputError> {
    if looks_binary(bytes) {
        return Err(InputError::Binary);
    }
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let mut warnings = Vec::new();
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => normalize_newlines(s),
        Err(e) => {
            if strict {
                return Err(InputError::InvalidUtf8 { offset: e.valid_up_to() });
            }
            warnings.push(format!("invalid UTF-8 replaced with \u{fffd} (first at byte {})", e.valid_up_to()));
            normalize_newlines(&String::from_utf8_lossy(bytes))
        }
    };
    Ok(Decoded { text, warnings })
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
    fn invalid_utf8_is_lossy_or_strict() {
        let d = decode(b"caf\xe9 au lait", false).unwrap();
        assert_eq!(d.text, "caf\u{fffd} au lait");
        assert_eq!(d.warnings.len(), 1);
        assert_eq!(decode(b"caf\xe9", true), Err(InputError::InvalidUtf8 { offset: 3 }));
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
