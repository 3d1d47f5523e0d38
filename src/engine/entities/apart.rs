//! Names written apart: a person's given name and surname that the text
//! separates (an editor's bracket, a nickname between them, a reading
//! list's "Surname, Given."). The surname's candidate takes the given
//! names, so each part stays a mention of one person.

use super::*;

/// "[Phil] Gramm", "Jeff [Drake]": an editor's bracket completes a name in
/// a quote or a transcript. The surname's candidate takes the given names,
/// as in a reading list, so each part stays a mention of one person.
pub(super) fn bracketed_names(text: &str, toks: &[Token], lower: &Lower, lx: &Lexicon, cands: &mut Vec<Cand>) {
    let is = |k: usize, s: &str| toks.get(k).is_some_and(|t| t.text(text) == s);
    let mut n = 0;
    while n + 1 < cands.len() {
        let (a, b) = (&cands[n], &cands[n + 1]);
        let plain = |c: &Cand| c.kind.is_none_or(|k| k == EntityKind::Person) && !c.quoted && c.given().is_none();
        // (The brackets first; the word lists only for the few that have them.)
        let shape = b.t0() == a.t1() + 1
            && b.t1() == b.t0() + 1
            && ((a.t0() > 0 && is(a.t0() - 1, "[") && is(a.t1(), "]")) || (is(a.t1(), "[") && is(b.t1(), "]")));
        if shape
            && a.t1() - a.t0() <= 3
            && plain(a)
            && plain(b)
            && lx.first_names.contains_key(lower[a.t0()].as_str())
            && !lx.function_words.contains(lower[b.t0()].as_str())
        {
            let g = (a.t0() as u32, a.t1() as u32);
            fire(toks, "spot.editor_bracket_name", a.t0(), b.t1());
            let b = &mut cands[n + 1];
            b.kind = Some(EntityKind::Person);
            b.set_given(g);
            b.sentence_initial = false;
            cands.remove(n);
        }
        n += 1;
    }
}

/// Mara “Tornado” Keely: a nickname in quote marks between a given name
/// and a surname. One person, "Mara Keely", with the nickname, the given
/// name and the surname as mentions.
pub(super) fn nicknames(ctx: &Context, lx: &Lexicon, cands: &mut Vec<Cand>) {
    let (text, toks, lower) = (ctx.text, ctx.tokens, ctx.lower);
    let quote_mark = |k: usize| toks.get(k).is_some_and(|t| crate::engine::text::is_double_quote(first_char(t, text)));
    let mut n = 0;
    while n + 2 < cands.len() {
        let (given, nick, surname) = (&cands[n], &cands[n + 1], &cands[n + 2]);
        let plain = |c: &Cand| c.kind.is_none_or(|k| k == EntityKind::Person) && c.given().is_none();
        let shape = given.t1() - given.t0() == 1
            && nick.t0() == given.t1() + 1
            && quote_mark(given.t1())
            && quote_mark(nick.t1())
            && surname.t0() == nick.t1() + 1
            && nick.t1() - nick.t0() <= 2
            && surname.t1() - surname.t0() == 1;
        if shape
            && plain(given)
            && plain(surname)
            && given_name(lower[given.t0()].as_str(), lx)
            && !lx.function_words.contains(lower[surname.t0()].as_str())
        {
            fire(toks, "spot.nickname_inside_name", given.t0(), surname.t1());
            let (g, nickname) = ((given.t0() as u32, given.t1() as u32), (nick.t0() as u32, nick.t1() as u32));
            let person = &mut cands[n + 2];
            person.kind = Some(EntityKind::Person);
            person.set_given(g);
            person.set_nickname(nickname);
            person.sentence_initial = false;
            cands.drain(n..n + 2);
        }
        n += 1;
    }
}

/// "Austen, Jane.", "Marx, Karl and Engels, Friedrich.": a reading list or
/// roster line names a person surname first. A one-word name at the start
/// of a line (or after "and" in such a line), a comma, then one or two words
/// that begin with a given name and end before a period, or before "and"
/// and the next "Surname," ("Amara, Austin and Tovah" is a list of people).
pub(super) fn reading_list_names(ctx: &Context, lx: &Lexicon, cands: &mut Vec<Cand>) {
    let (text, toks, lower) = (ctx.text, ctx.tokens, ctx.lower);
    let is = |k: usize, s: &str| toks.get(k).is_some_and(|t| t.text(text) == s);
    let mut n = 0;
    while n + 1 < cands.len() {
        let (surname, given) = (&cands[n], &cands[n + 1]);
        let plain = |c: &Cand| c.kind.is_none_or(|k| k == EntityKind::Person) && !c.quoted && c.given().is_none();
        let line_start = toks[surname.t0()].newline_before()
            || surname.t0() == 0
            || surname.t0() >= 1 && lower[surname.t0() - 1] == "and" && !toks[surname.t0() - 1].newline_before();
        let shape = surname.t1() == surname.t0() + 1
            && is(surname.t1(), ",")
            && given.t0() == surname.t1() + 1
            && (1..=2).contains(&(given.t1() - given.t0()))
            && (is(given.t1(), ".") || lower.get(given.t1()).is_some_and(|w| w == "and") && is(given.t1() + 2, ","));
        if shape
            && line_start
            && plain(surname)
            && plain(given)
            && given_name(lower[given.t0()].as_str(), lx)
            && !lx.function_words.contains(lower[surname.t0()].as_str())
        {
            fire(toks, "spot.reading_list_name", surname.t0(), given.t1());
            let g = (given.t0() as u32, given.t1() as u32);
            let person = &mut cands[n];
            person.kind = Some(EntityKind::Person);
            person.set_given(g);
            person.sentence_initial = false;
            cands.remove(n + 1);
        }
        n += 1;
    }
}
