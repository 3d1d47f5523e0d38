//! Segmentation: paragraphs, boilerplate lines, meta (headline, dateline,
//! credit) and sentences.

use super::lexicon::{with_lowercase, Lexicon};
use super::text::{first_char, is_double_quote, TokKind, Token};
use crate::model::{Meta, Span};

/// Paragraph spans, trimmed of surrounding whitespace. A blank line always
/// separates paragraphs; a single line break does too, unless it only wraps
/// a long line (the next line starts in lowercase and the line before does
/// not end a sentence).
pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches('\n');
        let trimmed = content.trim();
        if trimmed.is_empty() {
            if let Some(s) = start.take() {
                out.push(trim_span(text, Span::new(s, end)));
            }
        } else {
            if let Some(s) = start {
                let prev = text[s..end].trim_end();
                let soft_wrap = trimmed.chars().next().is_some_and(char::is_lowercase)
                    && !prev.ends_with(['.', '!', '?', ':', '"', '\u{201d}']);
                if !soft_wrap {
                    out.push(trim_span(text, Span::new(s, end)));
                    start = None;
                }
            }
            if start.is_none() {
                start = Some(pos);
            }
            end = pos + content.len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        out.push(trim_span(text, Span::new(s, end)));
    }
    out.retain(|s| !s.is_empty());
    out
}

fn trim_span(text: &str, s: Span) -> Span {
    let slice = &text[s.start..s.end];
    let lead = slice.len() - slice.trim_start().len();
    let trail = slice.len() - slice.trim_end().len();
    Span::new(s.start + lead, s.end - trail)
}

/// Flags each paragraph that is scraped boilerplate ("READ MORE: ...").
pub fn boilerplate(text: &str, paras: &[Span], lx: &Lexicon) -> Vec<bool> {
    paras.iter().map(|p| !p.slice(text).contains('\n') && lx.is_boilerplate(p.slice(text))).collect()
}

/// Finds headline, dateline and credit.
pub fn meta(text: &str, paras: &[Span], boiler: &[bool]) -> Meta {
    let mut meta = Meta::default();
    let body: Vec<usize> = (0..paras.len()).filter(|&i| !boiler[i]).collect();
    if body.len() >= 2 {
        let first = paras[body[0]];
        let s = first.slice(text);
        let ends_sentence = s.trim_end().ends_with(['.', '!', '?', '"', '\u{201d}', ':', ',']);
        let one_line = !s.contains('\n') && s.chars().count() <= 200;
        if one_line && !ends_sentence && s.split_whitespace().count() >= 2 && !is_byline(s) {
            meta.headline = Some(first);
        }
    }
    // Dateline: the start of the first body paragraph, "SEOUL--",
    // "OTTAWA —", "LONDON (Reuters) -", "WASHINGTON, Jan. 3 --".
    let first_body =
        body.iter().copied().find(|&i| Some(paras[i]) != meta.headline && !is_byline(paras[i].slice(text)));
    if let Some(i) = first_body {
        meta.dateline = dateline(text, paras[i]);
    }
    // Credit: a last paragraph "Source: X" / "Credit: X" / "(Reporting by X)".
    if let Some(&last) = body.last() {
        let p = paras[last];
        let s = p.slice(text);
        for label in ["Source:", "Credit:", "Sources:", "Reporting by", "With files from", "Written by", "By "] {
            if let Some(rest) = s.strip_prefix(label) {
                if !s.contains('\n') && s.len() < 160 {
                    let lead = rest.len() - rest.trim_start().len();
                    let start = p.start + label.len() + lead;
                    let end = p.end - (s.len() - s.trim_end_matches(['.', ')']).len());
                    if end > start {
                        meta.credit = Some(Span::new(start, end));
                    }
                }
                break;
            }
        }
    }
    meta
}

/// Words of an outlet or a reporter's role after a byline's names.
const OUTLET_WORDS: [&str; 33] = [
    "press",
    "news",
    "times",
    "post",
    "herald",
    "tribune",
    "journal",
    "gazette",
    "ledger",
    "chronicle",
    "courier",
    "telegraph",
    "reuters",
    "afp",
    "ap",
    "agency",
    "wire",
    "bureau",
    "staff",
    "writer",
    "writers",
    "reporter",
    "reporters",
    "correspondent",
    "correspondents",
    "editor",
    "contributor",
    "guardian",
    "observer",
    "daily",
    "weekly",
    "radio",
    "media",
];

/// A byline (credit) line: "By Jane Roe", "Jane Roe, The Daily Ledger",
/// "Jane Roe and Sam Lee | Staff writers". Never a headline.
fn is_byline(line: &str) -> bool {
    let s = line.trim();
    if s.contains('\n') || s.chars().count() > 120 {
        return false;
    }
    let (s, by) = match s.strip_prefix("By ").or_else(|| s.strip_prefix("BY ")) {
        Some(rest) => (rest, true),
        None => (s, false),
    };
    let (names, outlet) = match s.split_once([',', '|', '\u{2014}']) {
        Some((n, o)) => (n, Some(o)),
        None => (s, None),
    };
    let word = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let from_outlet = outlet.is_some_and(|o| o.split_whitespace().any(|w| OUTLET_WORDS.contains(&word(w).as_str())));
    looks_like_names(names) && (by || from_outlet)
}

/// Two to eight capitalized words (joined by "and", "&", "de", "van", ...).
fn looks_like_names(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    let joiner = |w: &str| matches!(w, "and" | "&" | "de" | "van" | "von" | "da" | "del" | "al" | "bin");
    (2..=8).contains(&words.len())
        && words.iter().all(|w| w.starts_with(char::is_uppercase) || joiner(w))
        && !words.iter().any(|w| w.chars().any(|c| c.is_ascii_digit()))
}

fn dateline(text: &str, para: Span) -> Option<Span> {
    let s = para.slice(text);
    let head: String = s.chars().take(80).collect();
    // Leading run of uppercase words (with spaces, commas, periods, apostrophes).
    let mut end = 0;
    let mut letters = 0;
    for (i, c) in head.char_indices() {
        if c.is_uppercase() {
            letters += 1;
            end = i + c.len_utf8();
        } else if c.is_lowercase()
            || c.is_ascii_digit()
            || !matches!(c, ' ' | ',' | '.' | '\'' | '-' | '\u{2019}')
            || (c == '-' && head[i..].starts_with("--"))
        {
            break;
        }
    }
    if letters < 3 {
        return None;
    }
    let place = head[..end].trim_end_matches([',', ' ', '-']);
    let (place, mut r) = match place.rsplit_once(", ") {
        // "ELK GROVE, Calif. --": the run took the state's first letter;
        // the town ends at the comma and the state is skipped.
        Some((town, state)) if state.chars().count() == 1 => {
            let after = &s[town.len() + 2..];
            (town, after[after.find(' ').unwrap_or(after.len())..].trim_start())
        }
        _ => (place, s[place.len()..].trim_start_matches([',', ' '])),
    };
    // Optional "(Agency)", then a dash.
    if r.starts_with('(') {
        r = r.find(')').map(|k| r[k + 1..].trim_start()).unwrap_or(r);
    }
    let dash = r.starts_with("--") || r.starts_with('\u{2014}') || r.starts_with('\u{2013}') || r.starts_with("- ");
    if dash && !place.is_empty() {
        Some(Span::new(para.start, para.start + place.len()))
    } else {
        None
    }
}

/// Moves the start of the sentence holding the dateline past it and its
/// dash ("SEOUL-- South Korea pledged" starts at "South").
pub fn skip_dateline(text: &str, sentences: &mut [Span], dateline: Span) {
    if let Some(s) = sentences.iter_mut().find(|s| s.contains(dateline)) {
        let rest = &text[dateline.end..s.end];
        let skip = rest.find(|c: char| c.is_alphanumeric() || is_double_quote(c)).unwrap_or(rest.len());
        // Skip a parenthesised agency name too: "LONDON (Reuters) - ".
        let rest2 = &rest[skip..];
        let extra = if rest[..skip].contains('(') {
            rest2
                .find(')')
                .map(|k| k + 1 + rest2[k + 1..].find(|c: char| c.is_alphanumeric() || is_double_quote(c)).unwrap_or(0))
                .unwrap_or(0)
        } else {
            0
        };
        let start = dateline.end + skip + extra;
        if start < s.end {
            s.start = start;
        }
    }
}

/// Sentence spans, within paragraphs. A period, question or exclamation
/// mark ends a sentence when followed (after closing quotes or brackets) by
/// a capital, a digit or an opening quote, unless it ends an abbreviation or
/// an initial.
pub fn sentences(text: &str, paras: &[Span], tokens: &[Token], lx: &Lexicon) -> Vec<Span> {
    let mut out = Vec::new();
    let mut ti = 0;
    for p in paras {
        while ti < tokens.len() && tokens[ti].start() < p.start {
            ti += 1;
        }
        let first = ti;
        while ti < tokens.len() && tokens[ti].end() <= p.end {
            ti += 1;
        }
        let toks = &tokens[first..ti];
        let mut start = p.start;
        let mut i = 0;
        while i < toks.len() {
            if let Some(end_idx) = sentence_end(text, toks, i, lx) {
                let end = toks[end_idx].end();
                if end > start {
                    out.push(Span::new(start, end));
                }
                i = end_idx + 1;
                if i < toks.len() {
                    start = toks[i].start();
                }
                continue;
            }
            i += 1;
        }
        if start < p.end && toks.last().is_some_and(|t| t.end() > start) {
            out.push(Span::new(start, p.end));
        }
    }
    out
}

/// If token `i` ends a sentence, the index of the sentence's last token
/// (closing quotes and brackets included).
fn sentence_end(text: &str, toks: &[Token], i: usize, lx: &Lexicon) -> Option<usize> {
    let t = toks[i];
    // (A byte tells most tokens apart first: no sentence ends at them.)
    let b = text.as_bytes();
    let maybe = match t.kind() {
        TokKind::Punct => matches!(b[t.start()], b'.' | b'!' | b'?' | 0xE2),
        TokKind::Word => b[t.end() - 1] == b'.',
    };
    if !maybe {
        return None;
    }
    let c = first_char(&t, text);
    let terminal = match t.kind() {
        TokKind::Punct => matches!(c, '.' | '!' | '?' | '\u{2026}'),
        TokKind::Word => t.text(text).ends_with('.'),
    };
    if !terminal {
        return None;
    }
    // Take closing quotes/brackets that stick to the mark.
    let mut last = i;
    while let Some(n) = toks.get(last + 1) {
        let nc = first_char(n, text);
        let closing = (is_double_quote(nc) || matches!(nc, ')' | ']' | '\'' | '\u{2019}' | '.' | '!' | '?'))
            && !n.space_before()
            && !super::text::is_opening_only(nc);
        if closing {
            last += 1;
        } else {
            break;
        }
    }
    let next = toks.get(last + 1)?;
    if !next.space_before() {
        return None;
    }
    let nc = first_char(next, text);
    let starts_sentence = nc.is_uppercase() || nc.is_ascii_digit() || is_double_quote(nc) || nc == '\u{2018}';
    if !starts_sentence {
        return None;
    }
    // `"Why now?" Kessler asked.`: a quote ending in its own mark, then its
    // attribution, is one sentence.
    if last > i && !is_double_quote(nc) {
        let attribution = attribution_follows(text, toks, last + 1, lx);
        if attribution && toks[i + 1..=last].iter().any(|t| is_double_quote(first_char(t, text))) {
            return None;
        }
    }
    if c == '.' && t.kind() == TokKind::Punct && i > 0 {
        let prev = toks[i - 1];
        if prev.is_word() && prev.end() == t.start() {
            let w = prev.text(text);
            // "Mr." "Sept." never end a sentence; single initials neither.
            if with_lowercase(w, |lower| lx.abbreviations.contains(lower)) {
                return None;
            }
            if w.chars().count() == 1 && w.chars().all(char::is_uppercase) {
                return None;
            }
        }
    }
    if t.kind() == TokKind::Word {
        // Dotted abbreviations: "U.N." ends a sentence only before a word
        // that typically starts one ("The", "He").
        let w = t.text(text);
        let single = w.trim_end_matches('.').chars().count() == 1;
        if single {
            return None;
        }
        if next.is_word() {
            if !with_lowercase(next.text(text), |nl| lx.function_words.contains(nl)) {
                return None;
            }
        } else {
            return None;
        }
    }
    Some(last)
}

/// After a quote that ends in its own mark, does its attribution follow in
/// the same sentence? `said X`, `he said`, `Jane Doe said`, `Mr. Ruskin
/// went on`, `Rep. Jo Ames, R-Pa., said` (a name and an appositive). A verb
/// that opens a clause of its own (`Doe said he would ...`) starts a new
/// sentence instead.
fn attribution_follows(text: &str, toks: &[Token], from: usize, lx: &Lexicon) -> bool {
    let lw = |k: usize| toks[k].text(text).to_lowercase();
    let punct = |k: usize, c: char| toks.get(k).is_some_and(|t| !t.is_word() && first_char(t, text) == c);
    // The token after a speech verb (or a two-word cue) at `k`.
    let verb_at = |k: usize| -> Option<usize> {
        let t = toks.get(k).filter(|t| t.is_word())?;
        let w = t.text(text);
        if let Some(seconds) = lx.speech_phrase_any_case(w) {
            if toks.get(k + 1).is_some_and(|n| n.is_word() && seconds.contains(&lw(k + 1).as_str())) {
                return Some(k + 2);
            }
        }
        let participle = w.get(w.len().saturating_sub(3)..).is_some_and(|s| s.eq_ignore_ascii_case("ing"));
        (lx.is_speech_verb_any_case(w) && !participle).then_some(k + 1)
    };
    let clause_after = |k: usize| {
        toks.get(k).is_some_and(|t| {
            t.is_word()
                && matches!(lw(k).as_str(), "he" | "she" | "they" | "it" | "that" | "we" | "i" | "there" | "this")
        })
    };
    if verb_at(from).is_some() {
        return true;
    }
    if toks.get(from).is_some_and(|t| t.is_word() && matches!(lw(from).as_str(), "he" | "she" | "they")) {
        return verb_at(from + 1).is_some_and(|n| !clause_after(n));
    }
    // Up to five name words; the period of a title ("Mr.") belongs to them.
    let mut k = from;
    let mut names = 0;
    while names < 5 && k < toks.len() {
        let t = toks[k];
        let title_dot = punct(k, '.') && !t.space_before() && k > from && lx.abbreviations.contains(&lw(k - 1));
        if title_dot {
            k += 1;
        } else if t.is_word()
            && t.cap()
            && verb_at(k).is_none()
            && (!lx.function_words.contains(&lw(k))
                || t.text(text).len() >= 2 && !t.text(text).chars().any(char::is_lowercase))
        {
            names += 1;
            k += 1;
        } else {
            break;
        }
    }
    if names == 0 {
        return false;
    }
    if let Some(n) = verb_at(k) {
        return !clause_after(n);
    }
    // An appositive between commas, with no sentence end inside.
    if !punct(k, ',') {
        return false;
    }
    let end = (k + 16).min(toks.len());
    let Some(close) = (k + 1..end).find(|&j| punct(j, ',')) else { return false };
    let inert_dot = |j: usize| {
        toks[j].space_before()
            || toks.get(j + 1).is_some_and(|n| !n.space_before() || (!n.is_word() && first_char(n, text) == ','))
    };
    let clean = (k + 1..close).all(|j| {
        let t = toks[j];
        t.is_word()
            || !matches!(first_char(&t, text), '!' | '?' | '"' | '\u{201c}' | '\u{201d}')
                && (first_char(&t, text) != '.' || !t.space_before() && inert_dot(j))
    });
    clean && verb_at(close + 1).is_some_and(|n| !clause_after(n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::text::tokenize;

    fn sents(text: &str) -> Vec<&str> {
        let lx = Lexicon::get();
        let paras = paragraphs(text);
        let toks = tokenize(text);
        sentences(text, &paras, &toks, lx).iter().map(|s| s.slice(text)).collect()
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            sents("Mr. Smith went to the U.N. on Sept. 17. He spoke."),
            ["Mr. Smith went to the U.N. on Sept. 17.", "He spoke."]
        );
        assert_eq!(sents("It joined the U.N. The two sides met."), ["It joined the U.N.", "The two sides met."]);
        assert_eq!(sents("S. Korea and John F. Kennedy agreed."), ["S. Korea and John F. Kennedy agreed."]);
    }

    #[test]
    fn quotes_close_sentences() {
        assert_eq!(
            sents("\"It ends,\" he said. \"I believe.\" Then more."),
            ["\"It ends,\" he said.", "\"I believe.\"", "Then more."]
        );
    }

    #[test]
    fn paragraphs_by_blank_lines_or_lines() {
        let t = "Head\n\nOne line\ncontinues.\n\n  Two.  \nThree.\n";
        let p: Vec<&str> = paragraphs(t).iter().map(|s| s.slice(t)).collect();
        assert_eq!(p, ["Head", "One line\ncontinues.", "Two.", "Three."]);
        let t = "A.\nB.\n";
        let p: Vec<&str> = paragraphs(t).iter().map(|s| s.slice(t)).collect();
        assert_eq!(p, ["A.", "B."]);
    }

    #[test]
    fn meta_found() {
        let t = "Big news today\n\nSEOUL-- Something happened.\n\nMore.\n\nSource: Yonhap News Agency";
        let lx = Lexicon::get();
        let p = paragraphs(t);
        let b = boilerplate(t, &p, lx);
        let m = meta(t, &p, &b);
        assert_eq!(m.headline.unwrap().slice(t), "Big news today");
        assert_eq!(m.dateline.unwrap().slice(t), "SEOUL");
        assert_eq!(m.credit.unwrap().slice(t), "Yonhap News Agency");
    }

    #[test]
    fn a_byline_is_no_headline() {
        for line in
            ["Jane Roe, The Associated Press", "By Jane Roe", "BY JANE ROE AND SAM LEE", "Jane Roe | Staff writer"]
        {
            assert!(is_byline(line), "{line}");
            let t = format!("{line}\n\nOSLO -- Something happened.\n\nMore.");
            let lx = Lexicon::get();
            let p = paragraphs(&t);
            let m = meta(&t, &p, &boilerplate(&t, &p, lx));
            assert_eq!(m.headline, None, "{line}");
            assert_eq!(m.dateline.map(|d| d.slice(&t)), Some("OSLO"), "{line}");
        }
        for headline in [
            "Transit levy gains support, poll finds",
            "By the numbers: the city budget",
            "Big News Day",
            "Harbour Gazette interviews Mirela Ostrand, independent candidate",
            "Storm Ruth, 2024 Weather Review",
        ] {
            assert!(!is_byline(headline), "{headline}");
        }
    }
}
