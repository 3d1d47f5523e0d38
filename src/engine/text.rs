//! Tokens: words and punctuation with their byte spans, shared by the
//! stages so the text is scanned once.

use std::cell::Cell;

use compact_str::CompactString;

use crate::model::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokKind {
    /// Letters/digits with inner `.`, `-`, `'`, `&` ("U.N.", "Eui-yong", "don't").
    Word,
    /// Any other visible character (one per token): `,` `.` `"` `“` ...
    Punct,
}

/// One token of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokKind,
    /// First character is uppercase.
    pub cap: bool,
    /// Followed directly by a possessive `'s` / `’s` (not part of the token).
    pub possessive: bool,
    /// Whitespace precedes the token (or it starts the text).
    pub space_before: bool,
    /// A newline lies between this token and the previous one.
    pub newline_before: bool,
}

impl Token {
    /// The token's span.
    pub const fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
    /// The token text.
    pub fn text<'a>(&self, src: &'a str) -> &'a str {
        &src[self.start..self.end]
    }
    /// True for a word token.
    pub fn is_word(&self) -> bool {
        self.kind == TokKind::Word
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// True for the apostrophes that may sit inside a word.
pub fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// Splits `text` into tokens. Linear, one pass.
pub fn tokenize(text: &str) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut toks = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    let mut space_before = true;
    let mut newline_before = false;
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            space_before = true;
            if c == '\n' {
                newline_before = true;
            }
            continue;
        }
        if is_word_char(c) {
            let mut end = i + c.len_utf8();
            // Extend over word chars and inner connectors followed by a word char.
            loop {
                match chars.peek() {
                    Some(&(_, d)) if is_word_char(d) => {
                        end += d.len_utf8();
                        chars.next();
                    }
                    // "10,000": a thousands separator between digits.
                    Some(&(j, ','))
                        if text[i..j].ends_with(|c: char| c.is_ascii_digit())
                            && text[j + 1..].len() >= 3
                            && text.as_bytes()[j + 1..j + 4].iter().all(u8::is_ascii_digit)
                            && !text.as_bytes().get(j + 4).is_some_and(u8::is_ascii_digit) =>
                    {
                        end = j + 1;
                        chars.next();
                    }
                    Some(&(j, d)) if matches!(d, '.' | '-' | '&' | '\u{2010}' | '\u{2011}') || is_apostrophe(d) => {
                        let after = text[j + d.len_utf8()..].chars().next();
                        if after.is_some_and(is_word_char) {
                            // A possessive 's ends the word: "Chung's".
                            if is_apostrophe(d) {
                                let rest = &text[j + d.len_utf8()..];
                                let mut rc = rest.chars();
                                if matches!(rc.next(), Some('s')) && !rc.next().is_some_and(is_word_char) {
                                    break;
                                }
                            }
                            end = j + d.len_utf8();
                            chars.next();
                        } else if d == '.' && is_dotted_abbrev(&text[i..j]) {
                            // "U.N." keeps its final period.
                            end = j + 1;
                            chars.next();
                            break;
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
            let word = &text[i..end];
            let cap = c.is_uppercase();
            let mut possessive = false;
            // Possessive 's or s' after the word.
            let rest = &text[end..];
            let mut rc = rest.char_indices();
            if let Some((_, a)) = rc.next() {
                if is_apostrophe(a) {
                    let alen = a.len_utf8();
                    let next = rest[alen..].chars().next();
                    if next == Some('s') && !rest[alen + 1..].chars().next().is_some_and(is_word_char) {
                        possessive = true;
                        // Consume the 's so it does not become tokens.
                        chars.next();
                        chars.next();
                    } else if word.ends_with('s') && !next.is_some_and(is_word_char) {
                        possessive = true;
                        chars.next();
                    }
                }
            }
            toks.push(Token { start: i, end, kind: TokKind::Word, cap, possessive, space_before, newline_before });
        } else {
            let _ = bytes;
            toks.push(Token {
                start: i,
                end: i + c.len_utf8(),
                kind: TokKind::Punct,
                cap: false,
                possessive: false,
                space_before,
                newline_before,
            });
        }
        space_before = false;
        newline_before = false;
    }
    toks
}

/// "U.N", "U.S", "S" (before its period): letters separated by periods,
/// each part one or two letters, all uppercase.
fn is_dotted_abbrev(s: &str) -> bool {
    let parts = s.split('.').count();
    !s.is_empty()
        && (parts >= 2 || s.chars().count() == 1)
        && s.split('.').all(|p| {
            let n = p.chars().count();
            (1..=2).contains(&n) && p.chars().all(|c| c.is_uppercase())
        })
}

/// True when the character is a double quote mark of any style.
pub fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{ab}' | '\u{bb}' | '\u{2033}')
}

/// True for the quote marks that can only open a quote.
pub fn is_opening_only(c: char) -> bool {
    matches!(c, '\u{201c}' | '\u{201e}' | '\u{201f}' | '\u{ab}')
}

/// True for the quote marks that can only close a quote.
pub fn is_closing_only(c: char) -> bool {
    matches!(c, '\u{201d}' | '\u{bb}')
}

/// The lowercase form of every word token (empty for punctuation), computed
/// once and shared by the stages.
///
/// Words are stored inline (no allocation for words up to 24 bytes).
pub fn lowercase(text: &str, tokens: &[Token]) -> Vec<CompactString> {
    tokens
        .iter()
        .map(|t| {
            let w = t.text(text);
            if !t.is_word() {
                CompactString::default()
            } else if w.is_ascii() {
                let mut s = CompactString::from(w);
                s.make_ascii_lowercase();
                s
            } else {
                CompactString::from(w.to_lowercase())
            }
        })
        .collect()
}

/// Walks back from token `k` over the words `skip` accepts and returns the
/// first word it does not skip; `None` at punctuation or the text's start.
pub fn word_before(tokens: &[Token], k: usize, skip: impl Fn(usize) -> bool) -> Option<usize> {
    let mut j = k;
    while j > 0 {
        j -= 1;
        if !tokens[j].is_word() {
            return None;
        }
        if !skip(j) {
            return Some(j);
        }
    }
    None
}

/// The first character of a token.
pub fn first_char(tok: &Token, text: &str) -> char {
    text[tok.start..].chars().next().unwrap_or(' ')
}

thread_local! {
    /// The last answer of [`token_at`] on this thread, where the next search starts.
    static LAST_TOKEN_AT: Cell<usize> = const { Cell::new(0) };
}

/// Index of the first token whose start is `>= pos`.
///
/// The stages ask for positions in text order, mostly near the previous
/// one, so the search starts from the last answer (on this thread) and
/// widens from there: a few probes in memory already cached, instead of a
/// binary search over a million tokens. The answer does not depend on where
/// the search starts.
pub fn token_at(tokens: &[Token], pos: usize) -> usize {
    LAST_TOKEN_AT.with(|last| {
        let at = partition_near(tokens, last.get(), |t| t.start < pos);
        last.set(at);
        at
    })
}

/// `v.partition_point(pred)`, searched outward from `hint`: galloping
/// (steps 1, 2, 4, ...) to bracket the answer, then a binary search inside
/// the bracket. O(log d) for an answer d places from the hint; any hint
/// gives the same answer.
pub fn partition_near<T>(v: &[T], hint: usize, pred: impl Fn(&T) -> bool) -> usize {
    let n = v.len();
    let h = hint.min(n);
    let (lo, hi) = if h < n && pred(&v[h]) {
        // The answer lies right of `h`.
        let (mut lo, mut step) = (h + 1, 1);
        loop {
            let probe = h + step;
            if probe >= n {
                break (lo, n);
            }
            if !pred(&v[probe]) {
                break (lo, probe);
            }
            lo = probe + 1;
            step *= 2;
        }
    } else {
        // The answer is `h` or left of it.
        let (mut hi, mut step) = (h, 1);
        loop {
            if step > h {
                break (0, hi);
            }
            let probe = h - step;
            if pred(&v[probe]) {
                break (probe + 1, hi);
            }
            hi = probe;
            step *= 2;
        }
    };
    lo + v[lo..hi].partition_point(pred)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        tokenize(s).iter().map(|t| t.text(s)).collect()
    }

    #[test]
    fn partition_near_matches_partition_point_from_any_hint() {
        let v: Vec<usize> = (0..50).map(|i| i * 3 / 2).collect();
        for x in 0..80 {
            let want = v.partition_point(|&e| e < x);
            for hint in 0..60 {
                assert_eq!(partition_near(&v, hint, |&e| e < x), want, "x {x} hint {hint}");
            }
        }
        assert_eq!(partition_near(&[] as &[usize], 3, |&e| e < 1), 0);
    }

    #[test]
    fn words_keep_inner_marks() {
        assert_eq!(words("U.N. peacekeepers"), ["U.N.", "peacekeepers"]);
        assert_eq!(words("Chung Eui-yong said."), ["Chung", "Eui-yong", "said", "."]);
        assert_eq!(words("don't stop"), ["don't", "stop"]);
        assert_eq!(words("Korea's rise"), ["Korea", "rise"]);
        assert!(tokenize("Korea's rise")[0].possessive);
        assert_eq!(words("“Hi,” he said"), ["“", "Hi", ",", "”", "he", "said"]);
        assert_eq!(words("S. Korea"), ["S.", "Korea"]);
        assert_eq!(words("end. Next"), ["end", ".", "Next"]);
        assert_eq!(words("$1 million"), ["$", "1", "million"]);
    }
}
