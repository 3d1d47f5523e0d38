//! Clause shapes: where a commitment's clause ends, its list items, the
//! "to" after a commitment verb, negation and passive forms.

use super::cues::Class;
use super::Ctx;
use crate::engine::text::{first_char, is_double_quote, word_before};
use crate::model::Span;

/// The "to" after a commitment verb, allowing a few words between
/// ("pledged Tuesday to", "vowed not to", "committed itself to").
pub(super) fn next_to(ctx: &Ctx, k: usize, sent_end: usize) -> Option<usize> {
    (k + 1..(k + 4).min(sent_end)).find(|&j| ctx.lower[j] == "to").filter(|&j| {
        (k + 1..j).all(|m| {
            ctx.toks[m].is_word()
                && (ctx.toks[m].cap()
                    || matches!(
                        ctx.lower[m].as_str(),
                        "not"
                            | "never"
                            | "itself"
                            | "themselves"
                            | "himself"
                            | "herself"
                            | "also"
                            | "on"
                            | "again"
                            | "publicly"
                            | "formally"
                    ))
        })
    })
}

pub(super) fn is_negation(w: &str) -> bool {
    matches!(w, "not" | "never" | "no") || w.ends_with("n't") || w.ends_with("n\u{2019}t")
}

/// "were promised", "was offered": a passive cue names no committing
/// subject ("is committed to" is an adjective: the subject's commitment).
pub(super) fn passive(ctx: &Ctx, k: usize) -> bool {
    if ctx.lower[k] == "committed" || !ctx.lower[k].ends_with("ed") {
        return false;
    }
    let adverb = |j: usize| ctx.lower[j].ends_with("ly") || matches!(ctx.lower[j].as_str(), "also" | "already" | "not");
    word_before(ctx.toks, k, adverb)
        .is_some_and(|j| matches!(ctx.lower[j].as_str(), "is" | "are" | "was" | "were" | "be" | "been" | "being"))
}

pub(super) fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "my"
            | "your"
            | "this"
            | "these"
            | "those"
            | "new"
    )
}

/// The word after "to" reads as a verb: not a determiner, not capitalized,
/// not an obvious noun or adjective form ("to global peace").
pub(super) fn looks_like_verb(ctx: &Ctx, k: usize) -> bool {
    let w = ctx.lower[k].as_str();
    let noun_like = ["ic", "ous", "ful", "ity", "ness", "tion", "sion"].iter().any(|suf| w.ends_with(suf))
        || (w.ends_with("al") && !w.ends_with("eal"));
    let starts_digit = w.chars().next().is_some_and(|c| c.is_ascii_digit());
    let pronoun = matches!(w, "us" | "them" | "him" | "me" | "it" | "you");
    !(is_determiner(w) || ctx.toks[k].cap() || noun_like || starts_digit || pronoun)
}

/// "committed to the plan" (noun after to) is not "to + verb".
pub(super) fn is_noun_after_to(ctx: &Ctx, k: usize) -> bool {
    matches!(ctx.lower[k].as_str(), "the" | "a" | "an" | "its" | "their" | "his" | "her" | "this" | "that" | "these")
        || ctx.toks[k].cap()
}

/// The span between two token indices (end exclusive), trimmed of
/// trailing punctuation.
pub(super) fn span_of(ctx: &Ctx, a: usize, mut b: usize) -> Span {
    while b > a + 1 && !ctx.toks[b - 1].is_word() && !is_double_quote(first_char(&ctx.toks[b - 1], ctx.text)) {
        b -= 1;
    }
    Span::new(ctx.toks[a].start(), ctx.toks[b.max(a + 1) - 1].end())
}

/// Words that end a clause outside quote marks.
pub(super) const CLAUSE_BREAKS: [&str; 15] = [
    "as",
    "while",
    "because",
    "but",
    "which",
    "who",
    "when",
    "amid",
    "although",
    "though",
    "after",
    "since",
    "whereas",
    "including",
    "according",
];

/// Where the clause that starts at `a` ends: a sentence mark, a semicolon,
/// a comma or a subordinating word outside quote marks.
pub(super) fn clause_end(ctx: &Ctx, a: usize, sent_end: usize) -> usize {
    // A clause that starts inside quote marks ends with them.
    let quoted = ctx.in_marks[a];
    let mut k = a + 1;
    while k < sent_end {
        let t = ctx.tag(k);
        if quoted && !t.in_marks() {
            return k;
        }
        if t.in_marks() == quoted {
            // (Inside quote marks only punctuation ends a clause.)
            if t.is_word() && !quoted {
                if t.classes.has(Class::ClauseBreak) {
                    return k;
                }
                // "... and intends to", "... and will extend": a second
                // commitment of the same actor starts here.
                // (The word after is read only after "and" or "or".)
                let next_cue = || {
                    let next = || ctx.tag(k + 1);
                    k + 1 < sent_end && (next().cues.starts_commitment() || next().classes.has(Class::SubjectPronoun))
                };
                if t.classes.has(Class::AndOr) && next_cue() {
                    return k;
                }
            } else if t.ends_clause() {
                return k;
            }
        }
        k += 1;
    }
    sent_end
}

/// The items of a list starting at `a`: "promoting X, allocating Y and
/// hosting Z" (split before each item's first word) or a single clause.
pub(super) fn list_items(ctx: &Ctx, a: usize, sent_end: usize) -> Vec<Span> {
    // The list runs to the sentence end (commas included).
    let mut end = sent_end;
    for k in a..sent_end {
        if !ctx.in_marks[k]
            && !ctx.toks[k].is_word()
            && matches!(first_char(&ctx.toks[k], ctx.text), '.' | ';' | '?' | '!')
        {
            end = k;
            break;
        }
    }
    let gerund = ctx.lower[a].ends_with("ing");
    if !gerund {
        return vec![span_of(ctx, a, clause_end(ctx, a, sent_end))];
    }
    let mut items = Vec::new();
    let mut start = a;
    let mut k = a + 1;
    while k < end {
        let sep = !ctx.in_marks[k]
            && ((!ctx.toks[k].is_word() && first_char(&ctx.toks[k], ctx.text) == ',') || ctx.lower[k] == "and");
        if sep {
            let mut n = k + 1;
            if n < end && ctx.lower[n] == "and" {
                n += 1;
            }
            if n < end && ctx.lower[n].ends_with("ing") && ctx.toks[n].is_word() {
                items.push(span_of(ctx, start, k));
                start = n;
                k = n + 1;
                continue;
            }
        }
        k += 1;
    }
    items.push(span_of(ctx, start, end));
    items
}

/// Noun-phrase items "A, B and C" in tokens [a, end): split at commas and
/// "and" outside quote marks; an item that is a whole clause (it holds a
/// lowercase verb-like word after its first word) ends the list.
pub(super) fn split_items(ctx: &Ctx, a: usize, end: usize) -> Vec<Span> {
    let mut items = Vec::new();
    let mut start = a;
    let mut last_item = false;
    for m in a..=end {
        let is_and = m < end && (ctx.lower[m] == "and" || ctx.lower[m] == "or");
        let sep =
            m == end || (!ctx.in_marks[m] && ((!ctx.toks[m].is_word() && ctx.toks[m].text(ctx.text) == ",") || is_and));
        if sep {
            if m > start {
                items.push(span_of(ctx, start, m));
            }
            // The item after "and" is the last one.
            if last_item {
                break;
            }
            last_item |= is_and;
            start = m + 1;
        }
    }
    items.truncate(6);
    items
}

/// The value of a small count word or number ("three", "4").
pub(super) fn count_value(w: &str) -> Option<usize> {
    let words = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    words.iter().position(|x| *x == w).map(|i| i + 2).or_else(|| w.parse().ok().filter(|n| (2..=10).contains(n)))
}
