//! Speech cues and the attributions they make: after the quote (`"...," X
//! said`), before it (`X said: "..."`), `according to X`, an introduction
//! closing the paragraph before, and signature lines.

use std::ops::Range;

use super::focus::{is_subject_position, main_clause_start, Mentions};
use super::speaker::{can_speak, is_group, pick_speaker};
use super::{Attribution, Reading};
use crate::engine::entities::Found;
use crate::engine::quotes::RawQuote;
use crate::engine::text::{is_determiner, is_double_quote, token_at, TokKind};
use crate::model::{EntityKind, Span};

/// An attribution and the name of the rule that made it.
pub(super) struct Decided {
    pub attribution: Attribution,
    pub rule: &'static str,
}

impl Decided {
    fn new(speaker: Option<usize>, cue: Option<String>, rule: &'static str) -> Self {
        Decided { attribution: Attribution { speaker, cue, with: Vec::new() }, rule }
    }
}

/// True for a dash of any width.
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2014}' | '\u{2013}' | '\u{2015}')
}

/// The speech cue at token `k` ("said", "shot back"), if it is one here.
pub(super) fn cue(reading: &Reading, k: usize) -> Option<String> {
    cue_words(reading, k).map(|(w, next)| match next {
        Some(next) => format!("{w} {next}"),
        None => w.to_string(),
    })
}

/// True when token `k` is a speech cue ([`cue`] without making its string).
pub(super) fn is_cue(reading: &Reading, k: usize) -> bool {
    cue_words(reading, k).is_some()
}

/// [`is_cue`] given token `k`'s word `w`.
pub(super) fn is_cue_word(reading: &Reading, k: usize, w: &str) -> bool {
    cue_words_of(reading, k, w).is_some()
}

/// The cue at token `k` as its word and, for a phrase, the word after.
fn cue_words<'r>(reading: &'r Reading, k: usize) -> Option<(&'r str, Option<&'r str>)> {
    cue_words_of(reading, k, reading.word(k))
}

/// [`cue_words`] given token `k`'s word `w`.
#[inline]
fn cue_words_of<'r>(reading: &'r Reading, k: usize, w: &'r str) -> Option<(&'r str, Option<&'r str>)> {
    let tokens = reading.tokens();
    // (Most words are turned away by the filter, before the tables.)
    if !reading.lexicon.may_start_speech_cue(w) {
        return None;
    }
    // (The word after is read only for a phrase's first word.)
    if let Some(seconds) = reading.lexicon.speech_phrase(w) {
        if let Some(next) = reading.ctx.lower.get(k + 1).filter(|next| seconds.iter().any(|s| next.as_str() == *s)) {
            return Some((w, Some(next.as_str())));
        }
    }
    if !reading.lexicon.speech_verbs.contains_key(w) {
        return None;
    }
    // A capitalized word after "of" or another capitalized word is part of
    // a name ("Secretary of State", "Valley News Report").
    if tokens[k].cap() && k > 0 && tokens[k - 1].is_word() && (tokens[k - 1].cap() || reading.word(k - 1) == "of") {
        return None;
    }
    // A noun after a determiner or a possessive ("his comments", "the mayor's
    // comments") is no cue.
    if k > 0 && (tokens[k - 1].possessive() || is_determiner(reading.word(k - 1))) {
        return None;
    }
    // "saying" attributes only in "quoted as saying"; other -ing forms never.
    if w.ends_with("ing") && !(w == "saying" && k >= 1 && reading.word(k - 1) == "as") {
        return None;
    }
    Some((w, None))
}

/// An opening quote mark at token `k`.
fn opens_quote(reading: &Reading, k: usize) -> bool {
    let t = reading.tokens()[k];
    t.kind() == TokKind::Punct && is_double_quote(reading.mark(k)) && t.space_before()
}

/// After the closing mark, up to the end of the sentence: `, X said`,
/// `, said X`, `, he added`, `X wrote`, `― Jane Doe`. `earlier` is the
/// quote before, for "the statement said".
pub(super) fn after_quote(
    reading: &Reading,
    mentions: &Mentions,
    tokens: Range<usize>,
    earlier: Earlier,
) -> Option<Decided> {
    let (from, to) = (tokens.start, tokens.end);
    let mut k = from;
    // Skip a comma or dash right after the mark.
    while k < to && !reading.tokens()[k].is_word() && (reading.mark(k) == ',' || is_dash(reading.mark(k))) {
        k += 1;
    }
    // "..." ― Jane Doe: a signature after a dash.
    if from < to && is_dash(reading.mark(from)) {
        if let Some(m) = mentions.at(k).filter(|m| reading.is_person(m.entity())) {
            return Some(Decided::new(Some(m.entity()), None, "dash_signature"));
        }
    }
    // A name with an appositive before the verb ("X, director of ..., said")
    // gets a wider window.
    let appositive =
        mentions.at(k).is_some_and(|m| m.tok_end() < reading.tokens().len() && reading.mark(m.tok_end()) == ',');
    let window_end = (k + if appositive { 32 } else { 14 }).min(to);
    let verb = (k..window_end).find(|&j| {
        reading.tokens()[j].is_word() && is_cue(reading, j) && !reading.in_quote(j) && !opens_quote(reading, j)
    })?;
    // Stop at an opening quote mark before the verb (another quote).
    if (k..verb).any(|j| opens_quote(reading, j)) {
        return None;
    }
    let (speaker, rule) = subject_after(reading, mentions, k..verb, to, earlier);
    Some(Decided::new(speaker, cue(reading, verb), rule))
}

/// The speaker of a cue after the quote: the subject before the verb ("X
/// said", "X, a spokesperson for Y, said"), else the name after it ("said
/// Jane Doe"); none for an unnamed description; the statement's issuer.
fn subject_after(
    reading: &Reading,
    mentions: &Mentions,
    before_verb: Range<usize>,
    to: usize,
    earlier: Earlier,
) -> (Option<usize>, &'static str) {
    let (k, verb) = (before_verb.start, before_verb.end);
    let before: Vec<Found> = before_verb.clone().filter_map(|j| mentions.at(j)).collect();
    if let Some(entity) = pick_speaker(reading, &before, verb) {
        return (Some(entity), "cue_after_subject");
    }
    let words = &reading.lexicon.classes;
    if before_verb.clone().any(|j| words.unnamed_speakers.contains(reading.word(j))) {
        return (None, "cue_after_unnamed");
    }
    if the_statement(reading, k, verb) {
        // "the statement said": the statement introduced before.
        let issuer = statement_issuer(reading, mentions, earlier.since..k);
        return (issuer.or(earlier.speaker), "cue_after_statement");
    }
    if describes_person(reading, k, verb) {
        return (None, "described_person");
    }
    let after: Vec<Found> = (verb + 1..(verb + 8).min(to.max(verb + 1))).filter_map(|j| mentions.at(j)).collect();
    if let Some(entity) = pick_speaker(reading, &after, verb) {
        return (Some(entity), "cue_after_name_following");
    }
    // "“...,” says mayor": the words after the verb up to the sentence's end.
    let run = verb + 1..(verb + 1..to).find(|&j| !reading.tokens()[j].is_word()).unwrap_or(to);
    match bare_role(reading, run).and_then(|role| role_person(reading, role)) {
        Some(entity) => (Some(entity), "cue_role"),
        None => (None, "cue_after_no_name"),
    }
}

/// The role word ending `run` when the run is a bare role of one to three
/// words, "the" before it at most ("mayor", "the port chief"): its last word.
fn bare_role(reading: &Reading, run: Range<usize>) -> Option<usize> {
    let from = run.start + usize::from(run.start < run.end && reading.word(run.start) == "the");
    let words = from..run.end;
    let plain = words.clone().all(|j| reading.tokens()[j].is_word() && !reading.in_quote(j));
    (plain && (1..=3).contains(&words.len()) && !reading.lexicon.function_words.contains(reading.word(run.end - 1)))
        .then(|| run.end - 1)
}

/// Rule `cue_role`: a bare role as the cue's subject ("“...,” says mayor",
/// "Port chief says: “...”"): the one person the text gives that role, by
/// title ("Mayor Dana Okafor") or named right after it ("port chief Mara
/// Quill"); no one when two people have it.
fn role_person(reading: &Reading, role: usize) -> Option<usize> {
    let (word, ents) = (reading.word(role), reading.ents);
    let titled = |id: usize| {
        let last = |t: &String| t.rsplit(' ').next().is_some_and(|w| w.eq_ignore_ascii_case(word));
        ents.entities[id].kind == EntityKind::Person && ents.entities[id].titles.iter().any(last)
    };
    let mut people: Vec<usize> = (0..ents.entities.len()).filter(|&id| titled(id)).collect();
    let named_after =
        ents.mentions.iter().filter(|m| m.tok() > 0 && m.tok() != role + 1 && reading.word(m.tok() - 1) == word);
    people.extend(named_after.filter(|m| reading.is_person(m.entity())).map(|m| m.entity()));
    people.sort_unstable();
    people.dedup();
    (people.len() == 1).then(|| people[0])
}

/// The quote before a quote, for "the statement said": its speaker, and
/// the token after it (or two paragraphs back when there is none).
#[derive(Clone, Copy)]
pub(super) struct Earlier {
    pub speaker: Option<usize>,
    pub since: usize,
}

/// The statement noun that is the subject of the verb ending `tokens`:
/// right before it ("The statement added:") or before "from X" or "by X"
/// right before it ("A statement from X reads:").
fn statement_subject(reading: &Reading, mentions: &Mentions, tokens: Range<usize>) -> Option<usize> {
    let verb = tokens.end;
    tokens.clone().filter(|&k| statement_noun(reading, k)).find(|&k| {
        k + 1 == verb
            || k + 1 < verb
                && matches!(reading.word(k + 1), "from" | "by")
                && (k + 2..verb.min(k + 4)).filter_map(|j| mentions.at(j)).any(|m| m.tok_end() == verb)
    })
}

/// "the statement", "the report" (a statement noun after "the") in
/// `from..verb`.
fn the_statement(reading: &Reading, from: usize, verb: usize) -> bool {
    (from..verb).any(|j| reading.word(j) == "the" && j + 1 < verb && statement_noun(reading, j + 1))
}

/// Token `k` is a statement noun outside quotes ("statement", "release",
/// "report"), not a verb ("to report", "will release").
fn statement_noun(reading: &Reading, k: usize) -> bool {
    let words = &reading.lexicon;
    let before = k.checked_sub(1).map_or("", |j| reading.word(j));
    !reading.in_quote(k)
        && !reading.tokens()[k].cap()
        && words.classes.statement_nouns.contains(reading.word(k))
        && (is_determiner(before) || !words.function_words.contains(before))
}

/// Rule `statement_issuer`: who issued the latest statement named outside
/// quotes in `tokens` that names its issuer (see [`issuer_of`]).
fn statement_issuer(reading: &Reading, mentions: &Mentions, tokens: Range<usize>) -> Option<usize> {
    let (at, issuer) = tokens
        .rev()
        .filter(|&k| statement_noun(reading, k))
        .find_map(|k| issuer_of(reading, mentions, k).map(|issuer| (k, issuer)))?;
    crate::engine::trace::fire("speakers", "statement_issuer", reading.tokens()[at].span());
    Some(issuer)
}

/// The person or organization that issued the statement named at token
/// `at`: its owner ("Okafor's statement"), the one named right after "from" or "by" ("a statement from X",
/// "a study released by X"), else the speaker at the speech verb of its
/// sentence ("In a statement released Friday, the council said ..."), else
/// the sentence's subject before it ("X released a statement saying ...").
fn issuer_of(reading: &Reading, mentions: &Mentions, at: usize) -> Option<usize> {
    let tokens = reading.tokens();
    let words = reading.token_range(reading.ctx.sentences.at(reading.sentence_of(tokens[at].start())));
    let issues = |m: &Found| {
        !reading.in_quote(m.tok()) && matches!(reading.kind(m.entity()), EntityKind::Person | EntityKind::Organization)
    };
    // "Okafor's statement", "the board's written statement": its owner,
    // unless someone speaks of it first ("X wrote in the company's post").
    let spoken = (words.start..at).any(|k| !reading.in_quote(k) && tokens[k].is_word() && is_cue(reading, k));
    let owner = (words.start..at)
        .filter(|_| !spoken)
        .filter_map(|k| mentions.at(k))
        .filter(|m| tokens[m.tok_end() - 1].possessive() && m.tok_end() + 2 >= at)
        .find(|m| (m.tok_end()..at).all(|k| tokens[k].is_word() && !tokens[k].cap()));
    if let Some(m) = owner.filter(|m| issues(m)) {
        return Some(m.entity());
    }
    let end = (at + 5).min(words.end);
    let by = (at + 1..end)
        .take_while(|&k| tokens[k].is_word() && !tokens[k].cap())
        .find(|&k| matches!(reading.word(k), "from" | "by"));
    if let Some(mut m) = by.and_then(|b| (b + 1..(b + 4).min(words.end)).find_map(|k| mentions.at(k))) {
        // "a study by the University of Calgary's School of Policy": the school.
        while tokens[m.tok_end() - 1].possessive() {
            match mentions.at(m.tok_end()) {
                Some(next) => m = next,
                None => break,
            }
        }
        if issues(&m) {
            return Some(m.entity());
        }
    }
    let named: Vec<Found> = words.clone().filter_map(|k| mentions.at(k)).filter(issues).collect();
    match words.clone().find(|&k| !reading.in_quote(k) && is_cue(reading, k)) {
        Some(verb) => pick_speaker(reading, &named, verb),
        None => {
            let before: Vec<Found> = named.into_iter().filter(|m| m.tok_end() <= at).collect();
            pick_speaker(reading, &before, at)
        }
    }
}

/// Before the opening mark, from the start of its sentence: `X said: "`,
/// `X said, "`, `X joked, "`, `..., saying, "`, `X released this statement:`.
pub(super) fn before_quote(
    reading: &Reading,
    mentions: &Mentions,
    tokens: Range<usize>,
    earlier: Earlier,
) -> Option<Decided> {
    let (from, to) = (tokens.start, tokens.end);
    if to <= from {
        return None;
    }
    // The punctuation right before the mark must introduce speech.
    let last = reading.tokens()[to - 1];
    let intro = !last.is_word() && matches!(reading.mark(to - 1), ':' | ',' | '\u{2014}');
    let verb = verb_before_mark(reading, tokens.clone());
    let verb_adjacent = verb.is_some_and(|v| v + 1 == to || v + 2 == to && !last.is_word());
    if !(intro || verb_adjacent) || (verb.is_none() && reading.mark(to - 1) != ':') {
        return None;
    }
    let (speaker, mut rule) = subject_before(reading, mentions, tokens, verb, earlier);
    if speaker.is_none() && verb.is_none() {
        return None;
    }
    let role = verb.and_then(|v| bare_role(reading, from..v)).and_then(|role| role_person(reading, role));
    if rule == "cue_before_no_name" && role.is_some() {
        return Some(Decided::new(role, verb.and_then(|v| cue(reading, v)), "cue_role"));
    }
    if rule == "cue_before_no_name" && verb.is_some_and(|v| describes_person(reading, from, v)) {
        rule = "described_person";
    } else if rule == "cue_before_no_name" && verb.is_some_and(|v| described_subject(reading, from, v)) {
        rule = "cue_before_unnamed";
    }
    let cue = verb.map(|v| cue(reading, v).unwrap_or_else(|| reading.word(v).to_string()));
    Some(Decided::new(speaker, cue, rule))
}

/// Rule `described_person`: right before the verb at `verb`, "the", up to
/// three words and a noun that describes a person (`described_people`, an
/// age): "the 44-year-old said", "the Liberal MPP said". The speaker is the
/// person in focus (see `speaker`).
fn describes_person(reading: &Reading, from: usize, verb: usize) -> bool {
    let tokens = reading.tokens();
    let Some(the) = (from.max(verb.saturating_sub(8))..verb).rev().find(|&j| reading.word(j) == "the") else {
        return false;
    };
    let between = the + 1..verb;
    let words = between.clone().filter(|&j| tokens[j].is_word()).count();
    let plain = between.clone().all(|j| !reading.in_quote(j) && (tokens[j].is_word() || reading.mark(j) == '-'));
    let head = reading.word(verb - 1);
    let person = reading.lexicon.classes.described_people.contains(head) || head.ends_with("year-old");
    plain && (1..=4).contains(&words) && person
}

/// Rule `cue_before_unnamed`: the word right before the verb is a noun of
/// a description, no name ("City staff explained:", "Police said:"): not a
/// function word, an adverb or a participle.
fn described_subject(reading: &Reading, from: usize, verb: usize) -> bool {
    if verb <= from || !reading.tokens()[verb - 1].is_word() || reading.in_quote(verb - 1) {
        return false;
    }
    let w = reading.word(verb - 1);
    !reading.lexicon.function_words.contains(w) && !w.ends_with("ly") && !w.ends_with("ing") && !w.ends_with("ed")
}

/// The last speech verb before the mark; a participle only right before
/// it ("..., saying, “...”", "..., telling reporters, “...”": an object of
/// up to three words).
fn verb_before_mark(reading: &Reading, tokens: Range<usize>) -> Option<usize> {
    let to = tokens.end;
    let participle = |j: usize| {
        reading.word(j).ends_with("ing")
            && reading.lexicon.speech_verb(reading.word(j)).is_some()
            && (j + 2 >= to || j + 5 >= to && (j + 1..to - 1).all(|k| reading.tokens()[k].is_word()))
    };
    tokens
        .rev()
        .find(|&j| reading.tokens()[j].is_word() && !reading.in_quote(j) && (is_cue(reading, j) || participle(j)))
}

/// The speaker of a cue before the quote, in order: the name right before
/// the verb, the subject of an earlier verb for a participle after a comma,
/// the first person in subject position (main clause first), the first
/// subject, the name after the verb, a person named anywhere before.
fn subject_before(
    reading: &Reading,
    mentions: &Mentions,
    tokens: Range<usize>,
    verb: Option<usize>,
    earlier: Earlier,
) -> (Option<usize>, &'static str) {
    if let Some(decided) = verb.and_then(|v| name_at_verb(reading, mentions, tokens.start, v)) {
        return decided;
    }
    if let Some(entity) = verb.and_then(|v| participle_subject(reading, mentions, tokens.start, v)) {
        return (Some(entity), "cue_before_participle_subject");
    }
    let subjects = subjects_before(reading, mentions, tokens.clone());
    if let Some(m) = subjects.iter().find(|m| reading.is_person(m.entity())) {
        return (Some(m.entity()), "cue_before_subject_person");
    }
    if let Some(m) = subjects.first() {
        return (Some(m.entity()), "cue_before_first_subject");
    }
    let after_verb =
        verb.and_then(|v| (v + 1..tokens.end).find_map(|k| mentions.at(k)).filter(|m| can_speak(reading, m, v)));
    if let Some(m) = after_verb {
        return (Some(m.entity()), "cue_before_name_after_verb");
    }
    // "A statement from X reads:", "The statement added:": its issuer.
    if let Some(noun) = verb.and_then(|v| statement_subject(reading, mentions, tokens.start..v)) {
        let issuer = statement_issuer(reading, mentions, noun..noun + 1)
            .or_else(|| statement_issuer(reading, mentions, earlier.since..tokens.start));
        return (issuer.or(earlier.speaker), "cue_before_statement");
    }
    // "A statement by X said: ...": the person named in the phrase.
    if let Some(m) = tokens.filter_map(|k| mentions.at(k)).find(|m| reading.is_person(m.entity())) {
        return (Some(m.entity()), "cue_before_person_in_phrase");
    }
    (None, "cue_before_no_name")
}

/// The name right before the verb ("..., Kessler said, "): a person or a
/// group, or
/// whoever is named in an as-clause ("As the Ledger reported, “...”"). A
/// participle after a comma ("..., saying") and "... and said" have none.
fn name_at_verb(
    reading: &Reading,
    mentions: &Mentions,
    from: usize,
    verb: usize,
) -> Option<(Option<usize>, &'static str)> {
    if reading.word(verb).ends_with("ing") && !reading.tokens()[verb - 1].is_word() {
        return None;
    }
    let near: Vec<Found> = (from..verb)
        .filter(|&k| !reading.in_quote(k))
        .filter_map(|k| mentions.at(k))
        .filter(|m| m.tok_end() == verb || m.tok_end() + 1 == verb && !reading.tokens()[m.tok_end()].is_word())
        .collect();
    // A person, else a group named by a plural noun ("Protesters chanted “...”").
    let group =
        |m: &&Found| reading.kind(m.entity()) == EntityKind::Other && is_group(&reading.ents.entities[m.entity()].name);
    if let Some(m) = near.iter().find(|m| reading.is_person(m.entity())).or_else(|| near.iter().find(group)) {
        return Some((Some(m.entity()), "cue_before_name_at_verb"));
    }
    // (After a conjunction too: "But as the Ledger reported, “...”".)
    let from =
        from + usize::from(matches!(reading.word(from), "but" | "and" | "yet") && reading.word(from + 1) == "as");
    let as_clause = reading.word(from) == "as" && near.first().is_some_and(|m| m.tok() <= from + 3);
    let m = near.first().filter(|m| as_clause && reading.kind(m.entity()) != EntityKind::Place)?;
    Some((Some(m.entity()), "cue_before_as_clause"))
}

/// "X said, adding, “...”": a participle after a comma belongs to the
/// person subject of the speech verb before it.
fn participle_subject(reading: &Reading, mentions: &Mentions, from: usize, verb: usize) -> Option<usize> {
    if !reading.word(verb).ends_with("ing") || verb <= from || reading.tokens()[verb - 1].is_word() {
        return None;
    }
    let earlier = (from..verb - 1).rev().find(|&j| {
        reading.tokens()[j].is_word() && !reading.in_quote(j) && !reading.word(j).ends_with("ing") && is_cue(reading, j)
    })?;
    let person = |m: &Found| reading.is_person(m.entity());
    (from..earlier)
        .filter_map(|k| mentions.at(k))
        .filter(|m| m.tok_end() == earlier || m.tok_end() + 1 == earlier && !reading.tokens()[m.tok_end()].is_word())
        .find(person)
        .or_else(|| mentions.at(earlier + 1).filter(person))
        .map(|m| m.entity())
}

/// People, organizations and documents in subject position before the
/// mark; those of the main clause only, when it has any ("When X died, Y
/// released this statement:").
fn subjects_before(reading: &Reading, mentions: &Mentions, tokens: Range<usize>) -> Vec<Found> {
    let subjects: Vec<Found> = tokens
        .clone()
        .filter(|&k| !reading.in_quote(k))
        .filter_map(|k| mentions.at(k))
        .filter(|m| {
            matches!(reading.kind(m.entity()), EntityKind::Person | EntityKind::Organization | EntityKind::Document)
                && is_subject_position(reading, m.tok(), m.tok_end())
        })
        .collect();
    let main_from = main_clause_start(reading, tokens);
    if subjects.iter().any(|m| m.tok() >= main_from) {
        subjects.into_iter().filter(|m| m.tok() >= main_from).collect()
    } else {
        subjects
    }
}

/// `according to X` anywhere in the sentence, outside quotes.
pub(super) fn according_to(reading: &Reading, mentions: &Mentions, tokens: Range<usize>) -> Option<Decided> {
    let (from, to) = (tokens.start, tokens.end);
    let k = (from..to.saturating_sub(1))
        .find(|&j| !reading.in_quote(j) && reading.word(j) == "according" && reading.word(j + 1) == "to")?;
    // The head of the phrase: not a name inside a possessive ("according
    // to a Lakeview school's report"), and one that can speak right there.
    let m = (k + 2..(k + 8).min(to))
        .find_map(|j| mentions.at(j))
        .filter(|m| !reading.tokens()[m.tok_end() - 1].possessive() && can_speak(reading, m, k + 1))?;
    Some(Decided::new(Some(m.entity()), Some("according to".into()), "according_to"))
}

/// A quote opening its paragraph after a colon that ends the paragraph
/// before ("Ada Brisk continued:"): the cue before that colon.
pub(super) fn colon_paragraph_before(
    reading: &Reading,
    mentions: &Mentions,
    quote: &RawQuote,
    before: usize,
    earlier: Earlier,
) -> Option<Decided> {
    let para = reading.ctx.paras.at(quote.para());
    if quote.outer().start != para.start || before == 0 {
        return None;
    }
    if reading.tokens()[before - 1].is_word() || reading.mark(before - 1) != ':' {
        return None;
    }
    let colon_sentence = reading.sentence_of(reading.tokens()[before - 1].start());
    let from = token_at(reading.tokens(), reading.ctx.sentences.at(colon_sentence).start);
    let found = before_quote(reading, mentions, from..before, earlier)?;
    Some(Decided { rule: "colon_paragraph_before", ..found })
}

/// Rule `cue_next_paragraph`: a quote alone in its paragraph, and the next
/// paragraph opens by pointing back at it with a speech verb ("That was
/// how X described ...", "Those were the words X wrote ..."): the subject
/// of that verb; with no verb, the one a speech noun names ("Those were
/// the words of X").
pub(super) fn next_paragraph(reading: &Reading, mentions: &Mentions, quote: &RawQuote) -> Option<usize> {
    let (paras, tokens) = (reading.ctx.paras, reading.tokens());
    let own = paras.at(quote.para());
    if quote.outer().start != own.start || quote.outer().end < own.end {
        return None;
    }
    let next = reading.token_range(paras.get(quote.para() + 1)?);
    let first = next.start;
    let points_back = first < next.end && matches!(reading.word(first), "that" | "those" | "this" | "such");
    let copula = first + 1 < next.end && matches!(reading.word(first + 1), "was" | "is" | "were" | "are" | "'s" | "’s");
    if !(points_back && copula) {
        return None;
    }
    let sentence = reading.ctx.sentences.at(reading.sentence_of(tokens[first].start()));
    let words = first..reading.token_range(sentence).end.min(first + 16);
    let Some(verb) = words.clone().find(|&k| tokens[k].is_word() && is_cue(reading, k)) else {
        return words_of(reading, mentions, words);
    };
    let named: Vec<Found> = words.filter_map(|k| mentions.at(k)).collect();
    pick_speaker(reading, &named, verb)
}

/// Nouns of what someone said ("Those were the words of X").
const SPEECH_NOUNS: [&str; 8] = ["words", "message", "comments", "remarks", "advice", "verdict", "warning", "response"];

/// The one who said what a speech noun in `words` names: "the words of
/// X", "X's message".
fn words_of(reading: &Reading, mentions: &Mentions, words: Range<usize>) -> Option<usize> {
    let noun = words.clone().find(|&k| SPEECH_NOUNS.contains(&reading.word(k)))?;
    let owner = (words.start..noun)
        .filter_map(|k| mentions.at(k))
        .find(|m| m.tok_end() == noun && reading.tokens()[noun - 1].possessive());
    let of = (noun + 1 < words.end && reading.word(noun + 1) == "of").then(|| mentions.at(noun + 2)).flatten();
    let m = owner.or(of)?;
    matches!(reading.kind(m.entity()), EntityKind::Person | EntityKind::Organization).then(|| m.entity())
}

/// "Jane Doe, Institute of Things." alone on the line after the quote's
/// paragraph `para` (or "- Jane Doe." / "—President Doe, tweeting"): the
/// quote is signed by that person.
pub(super) fn signature_after(reading: &Reading, mentions: &Mentions, para: usize) -> Option<usize> {
    let next = reading.ctx.paras.get(para + 1)?;
    let tokens = reading.tokens();
    let lines = reading.token_range(next);
    let (mut a, b) = (lines.start, lines.end);
    if a < b && is_dash(reading.mark(a)) {
        a += 1;
        while a < b && tokens[a].is_word() && reading.lexicon.titles.contains(reading.word(a).trim_end_matches('.')) {
            a += 1;
        }
        while a < b && !tokens[a].is_word() {
            a += 1;
        }
    }
    let words = (a..b).filter(|&k| tokens[k].is_word()).count();
    let m = mentions.at(a)?;
    if words > 15 || !reading.is_person(m.entity()) {
        return None;
    }
    let after = tokens.get(m.tok_end()).filter(|t| t.start() < next.end).map(|_| reading.mark(m.tok_end()));
    let has_verb = (m.tok_end()..b).any(|k| tokens[k].is_word() && !tokens[k].cap() && is_cue(reading, k));
    (matches!(after, None | Some(',' | '.' | '"' | '\u{201d}')) && !has_verb).then_some(m.entity())
}

/// A quote in the headline after a role and no name ("Port chief on
/// dredging: “...”", "Mayor slams rival: “...”"): the person the body
/// names with that role ("port chief Mara Quill"), the role's last word
/// right before the name.
pub(super) fn headline_role(reading: &Reading, quote: &RawQuote) -> Option<usize> {
    let para = reading.ctx.paras.first()?;
    if quote.para() != 0 || quote.outer().start <= para.start {
        return None;
    }
    // "ROLE on TOPIC:" or "ROLE:", the role one or two words.
    let prefix: Vec<usize> = reading
        .token_range(Span::new(para.start, quote.outer().start))
        .filter(|&k| reading.tokens()[k].is_word())
        .collect();
    let on = prefix.iter().position(|&k| matches!(reading.word(k), "on" | "about")).unwrap_or(prefix.len());
    let all = &reading.ents.mentions;
    // Else a title opening the headline ("Mayor slams rival: “...”").
    let titled = prefix.first().filter(|&&k| reading.lexicon.titles.contains(reading.word(k)));
    let role = *if on <= 2 { prefix[..on].last() } else { titled }?;
    if all.iter().any(|m| m.tok() <= role && role < m.tok_end()) {
        return None;
    }
    let role = reading.word(role);
    all.iter()
        .filter(|m| m.span().start >= para.end && m.tok() > 0 && reading.is_person(m.entity()))
        .find(|m| reading.word(m.tok() - 1) == role)
        .map(|m| m.entity())
}
