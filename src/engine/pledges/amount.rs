//! The amount tied to a pledge (money or a count, as printed) and its
//! short normalized action.

use std::borrow::Cow;

use super::clause::span_of;
use super::cues::Class;
use super::Ctx;
use crate::engine::lexicon::with_lowercase;
use crate::engine::text::{first_char, token_at, SCALES};
use crate::model::Span;

pub(super) const NUMBER_WORDS: [&str; 22] = [
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "dozens",
];

/// Money or a count inside the span, as printed.
pub(super) fn amount(ctx: &Ctx, span: Span) -> Option<Span> {
    let a = token_at(ctx.toks, span.start);
    let b = token_at(ctx.toks, span.end);
    let is_num = |j: usize| {
        let t = ctx.toks[j];
        t.is_word() && t.text(ctx.text).chars().next().is_some_and(|c| c.is_ascii_digit())
    };
    for j in a..b {
        let t = ctx.toks[j];
        let c = first_char(&t, ctx.text);
        // Money: a currency sign (possibly after a country prefix like C$) and a number.
        if matches!(c, '$' | '\u{20ac}' | '\u{a3}' | '\u{a5}' | '\u{20a9}') && j + 1 < b && is_num(j + 1) {
            let mut end = j + 2;
            while end < b && SCALES.contains(&ctx.lower[end].as_str()) {
                end += 1;
            }
            let start =
                if j > a && ctx.toks[j - 1].is_word() && ctx.toks[j - 1].end() == t.start() { j - 1 } else { j };
            return Some(span_of(ctx, start, end));
        }
        // A count: number (+ scale) + up to two words ending in a plural noun.
        if is_num(j) || ctx.tag(j).classes.has(Class::NumberWord) {
            let w = t.text(ctx.text);
            if w.len() == 4 && w.starts_with("20") || w.len() == 4 && w.starts_with("19") {
                continue; // a year
            }
            let mut end = j + 1;
            while end < b && SCALES.contains(&ctx.lower[end].as_str()) {
                end += 1;
            }
            if end < b
                && matches!(
                    ctx.lower[end].as_str(),
                    "dollars" | "euros" | "pounds" | "yen" | "yuan" | "won" | "percent" | "cent"
                )
            {
                return Some(span_of(ctx, j, end + 1));
            }
            for n in end..(end + 3).min(b) {
                let tn = ctx.toks[n];
                if !tn.is_word() {
                    break;
                }
                let lw = ctx.lower[n].as_str();
                if lw.ends_with('s')
                    && lw.len() > 3
                    && tn.text(ctx.text).chars().all(|c| c.is_alphabetic())
                    && !lw.ends_with("ss")
                {
                    return Some(span_of(ctx, j, n + 1));
                }
            }
        }
    }
    None
}

/// A short normalized action: the span's first words, gerund made base
/// form, cut before a trailing prepositional phrase.
pub(super) fn action(ptext: &str) -> String {
    let quote = |c: char| matches!(c, '"' | '\u{201c}' | '\u{201d}' | '\u{2018}' | '\u{2019}');
    // (Each quote mark is `"` or starts with the byte E2.)
    let may_quote = |w: &str| w.bytes().any(|b| b == b'"' || b == 0xe2);
    // (One allocation, fitted at the end.)
    let mut out = String::with_capacity(ptext.len());
    let mut words = 0;
    // (Words are read only as far as the action goes, and made anew only
    // when they hold a quote mark.)
    for (i, w) in ptext.split_whitespace().enumerate() {
        let clean: Cow<str> =
            if may_quote(w) && w.contains(quote) { w.chars().filter(|&c| !quote(c)).collect() } else { w.into() };
        if i >= 3 && ends_action(&clean) {
            break;
        }
        if words > 0 {
            out.push(' ');
        }
        if i == 0 {
            with_lowercase(&clean, |w| {
                let (stem, e) = base_parts(w);
                out.push_str(stem);
                out.push_str(e);
            });
        } else {
            out.push_str(&clean);
        }
        words += 1;
        if words >= 8 {
            break;
        }
    }
    out.shrink_to_fit();
    out
}

/// A word after which an action's words stop ("for", "to", "which" ...).
fn ends_action(w: &str) -> bool {
    const ENDS: [&str; 12] = ["for", "to", "in", "on", "at", "with", "by", "from", "aimed", "that", "which", "of"];
    if w.is_ascii() {
        ENDS.iter().any(|e| w.eq_ignore_ascii_case(e))
    } else {
        ENDS.contains(&w.to_lowercase().as_str())
    }
}

/// The base form of `w` as a part of it and the "e" to add, if any:
/// "promoting" -> "promote", "hosting" -> "host", "equipping" -> "equip".
fn base_parts(w: &str) -> (&str, &'static str) {
    let Some(stem) = w.strip_suffix("ing").filter(|s| s.len() >= 3) else { return (w, "") };
    let b = stem.as_bytes();
    let n = b.len();
    let vowel = |c: u8| b"aeiou".contains(&c);
    if n >= 2 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z' | b'f') {
        return (&stem[..n - 1], "");
    }
    if n >= 3
        && !vowel(b[n - 1])
        && vowel(b[n - 2])
        && !vowel(b[n - 3])
        && matches!(b[n - 1], b't' | b'k' | b'v' | b'z' | b'c' | b'g' | b'd' | b's' | b'r')
        && !stem.ends_with("er")
        && !stem.ends_with("it")
        && !stem.ends_with("en")
    {
        return (stem, "e");
    }
    (stem, "")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base_form(w: &str) -> String {
        let (stem, e) = base_parts(w);
        format!("{stem}{e}")
    }

    #[test]
    fn base_forms() {
        assert_eq!(base_form("promoting"), "promote");
        assert_eq!(base_form("hosting"), "host");
        assert_eq!(base_form("allocating"), "allocate");
        assert_eq!(base_form("equipping"), "equip");
        assert_eq!(base_form("offering"), "offer");
        assert_eq!(base_form("building"), "build");
    }
}
