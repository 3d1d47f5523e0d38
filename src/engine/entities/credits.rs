//! Credits: bylines, photo credits, "contributed to this report" and
//! author notes name the press, not the people the story is about; their
//! candidates go before linking.

use super::*;

/// Bylines and photo credits name the press, not the story: the people and
/// unknown names in them go ("(Jo Pell/AP)", "X contributed to this
/// report", "Follow X on Twitter"). A slash with spaces outside brackets
/// ("Harbor / Delta poll") joins two names.
pub(super) fn drop_credits(ctx: &Context, lx: &Lexicon, cands: &mut Vec<Cand>) {
    let (text, toks) = (ctx.text, ctx.tokens);
    let credit = credit_tokens(text, toks, ctx.lower, ctx.sentences, lx);
    cands.retain(|c| {
        // "(Ana Ruiz / Wire)", "(Photo: Ana Ruiz / Wire)": a credit in brackets.
        let labelled = c.t0() >= 3
            && toks[c.t0() - 1].text(text) == ":"
            && lx.classes.credit_labels.contains(ctx.lower[c.t0() - 2].as_str())
            && toks[c.t0() - 3].text(text) == "(";
        let bracketed = labelled
            || c.t0().checked_sub(1).is_some_and(|k| toks[k].text(text) == "(")
            || toks.get(c.t1()).is_some_and(|t| t.text(text) == ")");
        let slash = |k: usize, glued: bool| {
            toks.get(k).is_some_and(|t| t.text(text) == "|" || t.text(text) == "/" && (glued || bracketed))
        };
        let in_credit = credit[c.t0()]
            || slash(c.t1(), toks.get(c.t1()).is_some_and(|t| !t.space_before()))
            || c.t0().checked_sub(1).is_some_and(|k| slash(k, !toks[c.t0()].space_before()));
        let keep = !in_credit || lexicon_entity(&key(&span_text(text, toks, c.t0(), c.t1())), lx).is_some();
        if !keep {
            fire(toks, "reject.credit_line", c.t0(), c.t1());
        }
        keep
    });
}

/// A byline near the top: "Jane Doe and John Roe, The Associated Press"
/// (a comma before the press, or no full stop: not "The index fell on the
/// news.").
pub(super) fn byline(words: &[&str], sentence: &str, start: usize, lx: &Lexicon) -> bool {
    let shape = sentence.contains(',') || !sentence.trim_end().ends_with(['.', '!', '?']);
    start < 600 && words.len() <= 12 && shape && words.last().is_some_and(|w| lx.classes.press_words.contains(*w))
}

/// An author's note among the last sentences: the writer named, then "is
/// a", "an" or "the" and the writer's trade ("X is a deputy editor and a
/// contributor to ...").
fn author_note(words: &[&str], lx: &Lexicon) -> bool {
    let Some(is) = words.iter().take(6).position(|w| *w == "is").filter(|&p| p > 0) else { return false };
    words.get(is + 1).is_some_and(|w| matches!(*w, "a" | "an" | "the"))
        && words.iter().skip(is + 2).take(6).any(|w| lx.classes.author_roles.contains(*w))
}

/// Tokens of credit lines: bylines, contributor notes, photo credits,
/// author's notes.
pub(super) fn credit_tokens(
    text: &str,
    toks: &[Token],
    lower: &Lower,
    sentences: &crate::engine::context::Spans,
    lx: &Lexicon,
) -> Vec<bool> {
    let mut out = vec![false; toks.len()];
    // (One list of words, refilled for each sentence.)
    let mut words: Vec<&str> = Vec::new();
    for (i, s) in sentences.iter().enumerate() {
        let a = crate::engine::text::token_at(toks, s.start);
        let b = crate::engine::text::token_at(toks, s.end);
        words.clear();
        words.extend(lower.words(a..b).iter().map(Word::as_str).filter(|w| !w.is_empty()));
        let has = |seq: &[&str]| words.windows(seq.len()).any(|w| w == seq);
        let credit = (0..words.len()).any(|j| credit_phrase(&words, j))
            || (words.first() == Some(&"follow") && has(&["on", "twitter"]))
            || (words.first() == Some(&"by") && words.len() <= 8)
            || byline(&words, s.slice(text), s.start, lx)
            || (i + 3 >= sentences.len() && author_note(&words, lx));
        if credit {
            out[a..b].iter_mut().for_each(|x| *x = true);
        }
    }
    out
}

/// A credit's phrase starts at word `j`: "contributed to this report",
/// "contributed reporting", "reporting by", "photo courtesy", "with files
/// from" ... (one look at each word, not one pass a phrase).
fn credit_phrase(words: &[&str], j: usize) -> bool {
    let at = |seq: &[&str]| words[j..].starts_with(seq);
    match words[j] {
        "contributed" => {
            at(&["contributed", "to", "this", "report"])
                || at(&["contributed", "reporting"])
                || at(&["contributed", "to", "this", "story"])
        }
        "reporting" | "editing" | "photos" | "photograph" | "illustration" | "video" => words.get(j + 1) == Some(&"by"),
        "photo" => matches!(words.get(j + 1), Some(&"by" | &"courtesy")),
        "with" => at(&["with", "files", "from"]),
        _ => false,
    }
}
