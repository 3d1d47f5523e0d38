//! Candidate pledges of one sentence, from two sources: the precise
//! constructions (a table of rules, each named by a [`Construction`]) and
//! the broad ones of [`super::broad`]. Every candidate is decided later by
//! the fitted model; a precise rule firing is one of its features.

use std::cell::OnceCell;

use crate::engine::attribution::Said;

use super::actor::{actor_before, modal_subject, named_subject_right_before, possessor, reported_will, unnamed_owner};
use super::clause::{
    clause_end, count_value, is_determiner, is_negation, is_noun_after_to, list_items, looks_like_verb, next_to,
    passive, span_of, split_items,
};
use super::cues::{CueKind, Cues};
use super::{answer_of, Ctx, Tag};
use crate::engine::text::{first_char, token_at, word_before, Word};
use crate::model::Span;

/// The grammatical construction a candidate came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Construction {
    /// "three goals: A; B; C" (a count, a list noun, a colon).
    CountedList,
    /// The next sentences of a counted list.
    ListContinued,
    /// "pledged (Tuesday) to play", "vowed not to".
    VerbTo,
    /// "a plan to offer", "her pledge to cut".
    NounTo,
    /// "the pledges include A, B and C", "his two promises, A and B".
    NounList,
    /// "pledged $5 million", "promised a review".
    VerbObject,
    /// "campaigned on cutting taxes".
    CampaignedOn,
    /// "is preparing a bill", "are planning new rules".
    PlanUnderWay,
    /// "The ministry will scrap ...", "X said it will ...".
    AnnouncedWill,
    /// "We will build ..." in the speaker's quote.
    FirstPersonQuote,
    /// "I will ..." in an interview answer.
    InterviewAnswer,
    /// Any "will", "would", "shall" or "'ll" with a verb (broad).
    Modal,
    /// "is going to", "are going to" with a verb (broad).
    GoingTo,
    /// "is to begin", "are to pay" (broad).
    IsTo,
    /// A commitment verb or noun with "to" that no precise rule took (broad).
    CueTo,
    /// A commitment verb with an object that no precise rule took (broad).
    CueObject,
    /// "a platform of cutting X, hiring Y": one per gerund item (broad).
    NounGerunds,
}

impl Construction {
    /// Every construction, in feature order.
    pub const ALL: [Construction; 17] = [
        Construction::CountedList,
        Construction::ListContinued,
        Construction::VerbTo,
        Construction::NounTo,
        Construction::NounList,
        Construction::VerbObject,
        Construction::CampaignedOn,
        Construction::PlanUnderWay,
        Construction::AnnouncedWill,
        Construction::FirstPersonQuote,
        Construction::InterviewAnswer,
        Construction::Modal,
        Construction::GoingTo,
        Construction::IsTo,
        Construction::CueTo,
        Construction::CueObject,
        Construction::NounGerunds,
    ];

    /// True for the constructions of today's precise rules.
    pub fn precise(self) -> bool {
        !matches!(
            self,
            Construction::Modal
                | Construction::GoingTo
                | Construction::IsTo
                | Construction::CueTo
                | Construction::CueObject
                | Construction::NounGerunds
        )
    }
}

/// A candidate found in a sentence, before its features.
#[derive(Debug, Clone, Copy)]
pub struct Spotted {
    pub span: Span,
    pub actor: Option<usize>,
    pub construction: Construction,
    /// The cue token (the verb, noun or modal).
    pub cue: usize,
}

/// One sentence being read: its token range, what its rules found and the
/// state they share.
pub(super) struct Sentence<'a> {
    pub start: usize,
    pub end: usize,
    /// Each quote's speaker (see [`crate::engine::attribution::Said`]).
    pub speakers: &'a Said,
    /// The actor of the last candidate with one (for "it", "the country").
    pub last_actor: Option<usize>,
    /// A counted list this sentence opened: (actor, items still to come).
    pub opened: Option<(Option<usize>, usize)>,
    pub found: Vec<Spotted>,
    /// At the current token: a governing word just before, or a passive.
    governed: bool,
    /// At the current token: a negation right before ("did not promise").
    denied: bool,
    /// The tense of the sentence's reporting verb (past or not), once found.
    pub reporting: OnceCell<Option<bool>>,
}

impl<'a> Sentence<'a> {
    pub fn new(start: usize, end: usize, speakers: &'a Said, last_actor: Option<usize>) -> Self {
        Sentence {
            start,
            end,
            speakers,
            last_actor,
            opened: None,
            found: Vec::new(),
            governed: false,
            denied: false,
            reporting: OnceCell::new(),
        }
    }

    fn push(&mut self, span: Span, actor: Option<usize>, construction: Construction, cue: usize) {
        self.found.push(Spotted { span, actor, construction, cue });
    }
}

/// A precise rule at token `k`: pushes what it finds and returns the token
/// to go on from, or `None` when it does not apply.
type Rule = fn(&Ctx, &mut Sentence, usize) -> Option<usize>;

/// The precise constructions, tried in this order at each token.
const RULES: [Rule; 8] =
    [counted_list, verb_to, noun_to, noun_list, verb_object, campaigned_on, plan_under_way, announced_will];

/// The words besides cue words a precise rule may start at: the first
/// person of a commitment in a quote or an answer, and "preparing".
pub(super) const RULE_START_WORDS: [&str; 5] = ["we", "i", "we'll", "i'll", "preparing"];

/// Runs the precise rules over the sentence.
pub(super) fn precise(ctx: &Ctx, sent: &mut Sentence) {
    let mut k = sent.start;
    while k < sent.end {
        // (Every other token is passed over by the steps below.)
        k = ctx.next_tagged(k, sent.end, Tag::precise);
        if k >= sent.end {
            break;
        }
        // Inside a direct quote only the speaker's own first-person
        // commitments count ("We will build", "I promise to").
        if let Some(qi) = ctx.quote_of(k) {
            if let Some(p) = first_person_commitment(ctx, k, sent.end) {
                let actor = sent.speakers.speaker(qi);
                sent.push(p, actor, Construction::FirstPersonQuote, k);
                k = token_at(ctx.toks, p.end).max(k + 1);
            } else {
                k += 1;
            }
            continue;
        }
        if ctx.in_marks[k] {
            k += 1;
            continue;
        }
        // An interview answer is the interviewee's own word.
        if let Some(who) = answer_of(ctx, k) {
            if let Some(p) = first_person_commitment(ctx, k, sent.end) {
                sent.push(p, who, Construction::InterviewAnswer, k);
                k = token_at(ctx.toks, p.end).max(k + 1);
                continue;
            }
        }
        // Every rule below starts at a cue word ("preparing" aside).
        if ctx.cue(k) == Cues::default() && !is_preparing(ctx, k) {
            k += 1;
            continue;
        }
        sent.governed = ctx.cues_in(k.saturating_sub(3).max(sent.start)..k).governs() || passive(ctx, k);
        sent.denied = k > sent.start && is_negation(&ctx.lower[k - 1]);
        k = RULES.iter().find_map(|rule| rule(ctx, sent, k)).unwrap_or(k + 1);
    }
}

/// "preparing" (a plan under way), the one rule word that is no cue.
fn is_preparing(ctx: &Ctx, k: usize) -> bool {
    ctx.toks[k].end() - ctx.toks[k].start() == "preparing".len() && ctx.lower[k] == "preparing"
}

/// A counted list after a colon: "Achieving three goals: A. B. C.", "The
/// plan has two pledges: A; B": the rest of the sentence and the next
/// sentences of the paragraph are the items.
fn counted_list(ctx: &Ctx, sent: &mut Sentence, k: usize) -> Option<usize> {
    let opens = ctx.cue(k).has(CueKind::List)
        && k > sent.start
        && k + 1 < sent.end
        && ctx.toks[k + 1].text(ctx.text) == ":"
        && !sent.governed;
    let n = count_value(&ctx.lower[k.checked_sub(1)?]).filter(|_| opens)?;
    let actor = answer_of(ctx, k)
        .flatten()
        .or_else(|| possessor(ctx, k))
        .or_else(|| actor_before(ctx, sent.start, k, sent.last_actor));
    if actor.is_none() || n < 2 {
        return None;
    }
    let mut items = 0;
    let mut a = k + 2;
    while a < sent.end {
        let b = (a..sent.end).find(|&j| ctx.toks[j].text(ctx.text) == ";").unwrap_or(sent.end);
        if b > a && ctx.toks[a].is_word() {
            sent.push(span_of(ctx, a, b), actor, Construction::CountedList, k);
            items += 1;
        }
        a = b + 1;
    }
    // A count is approximate in speech: allow one item more.
    sent.opened = Some((actor, (n + 1).saturating_sub(items).min(8)));
    Some(sent.end)
}

/// Verb + to: "pledged (Tuesday) to play", "vowed not to" (not the noun:
/// "her pledges to", "the plans to"); a gerund list gives one per item.
fn verb_to(ctx: &Ctx, sent: &mut Sentence, k: usize) -> Option<usize> {
    let noun_use = k > sent.start && (ctx.toks[k - 1].possessive() || is_determiner(&ctx.lower[k - 1]));
    if !ctx.cue(k).has(CueKind::VerbTo) || sent.governed || noun_use || sent.denied {
        return None;
    }
    let to = next_to(ctx, k, sent.end)?;
    let start = to + 1;
    let verb_follows =
        start < sent.end && ctx.toks[start].is_word() && !is_noun_after_to(ctx, start) && looks_like_verb(ctx, start);
    if !verb_follows {
        return None;
    }
    let actor = actor_before(ctx, sent.start, k, sent.last_actor);
    // "vowed not to raise": the negation is part of the pledge.
    let from = if to > k + 1 && ctx.lower[to - 1] == "not" { to - 1 } else { start };
    let items = list_items(ctx, start, sent.end);
    let last_end = items.last().map_or(sent.end, |s| token_at(ctx.toks, s.end));
    for (n, it) in items.into_iter().enumerate() {
        let it = if n == 0 { Span::new(ctx.toks[from].start(), it.end) } else { it };
        sent.push(it, actor, Construction::VerbTo, k);
    }
    Some(last_end.max(k + 1))
}

/// Noun + to: "a plan to offer", "her pledges to contribute".
fn noun_to(ctx: &Ctx, sent: &mut Sentence, k: usize) -> Option<usize> {
    let applies = ctx.cue(k).has(CueKind::Noun)
        && !sent.governed
        && !sent.denied
        && !unnamed_owner(ctx, k)
        && k + 2 < sent.end
        && ctx.lower[k + 1] == "to"
        && ctx.toks[k + 2].is_word()
        && looks_like_verb(ctx, k + 2);
    if !applies {
        return None;
    }
    let start = k + 2;
    let end = clause_end(ctx, start, sent.end);
    let actor = possessor(ctx, k).or_else(|| actor_before(ctx, sent.start, k, sent.last_actor));
    // "..., including a plan to ...": the specific items replace the general one.
    if let Some(inc) = (start..sent.end).find(|&j| ctx.lower[j] == "including") {
        let specific =
            (inc..sent.end).any(|j| ctx.cue(j).has(CueKind::Noun) && ctx.lower.get(j + 1).is_some_and(|w| w == "to"));
        if specific {
            sent.last_actor = actor.or(sent.last_actor);
            return Some(inc + 1);
        }
    }
    sent.push(span_of(ctx, start, end), actor, Construction::NounTo, k);
    Some(end.max(k + 1))
}

/// A list of commitments: "The pledges (also) include A, B and C", or the
/// items named right after an owned plural commitment noun ("her two
/// costly promises, a tram line and a night bus").
fn noun_list(ctx: &Ctx, sent: &mut Sentence, k: usize) -> Option<usize> {
    if !ctx.cue(k).has(CueKind::Noun) || sent.governed || unnamed_owner(ctx, k) {
        return None;
    }
    let mut j = k + 1;
    if j < sent.end && ctx.lower[j] == "also" {
        j += 1;
    }
    let include =
        j + 1 < sent.end && matches!(ctx.lower[j].as_str(), "include" | "includes" | "included" | "are" | "were");
    if include {
        let actor = possessor(ctx, k).or(sent.last_actor).or_else(|| actor_before(ctx, sent.start, k, None));
        for it in list_items(ctx, j + 1, sent.end) {
            sent.push(it, actor, Construction::NounList, k);
        }
        return Some(sent.end);
    }
    let owner = possessor(ctx, k);
    let comma = j < sent.end && ctx.toks[j].text(ctx.text) == "," && ctx.lower[k].ends_with('s');
    if !(comma && owner.is_some() && j + 1 < sent.end && ctx.toks[j + 1].is_word()) {
        return None;
    }
    let end = (j + 1..sent.end)
        .find(|&m| {
            !ctx.toks[m].is_word() && matches!(first_char(&ctx.toks[m], ctx.text), '.' | ';' | ':' | '\u{2014}' | '(')
                || ctx.toks[m].is_word() && ctx.cue(m).starts_commitment()
        })
        .unwrap_or(sent.end);
    for it in split_items(ctx, j + 1, end) {
        sent.push(it, owner, Construction::NounList, k);
    }
    Some(end.max(k + 1))
}

/// Verb + object: "pledged $5 million", "promised a review".
fn verb_object(ctx: &Ctx, sent: &mut Sentence, k: usize) -> Option<usize> {
    if !ctx.cue(k).has(CueKind::VerbObject) || sent.governed || k + 1 >= sent.end {
        return None;
    }
    let n = k + 1;
    let w = ctx.lower[n].as_str();
    let determiner =
        matches!(w, "a" | "an" | "the" | "its" | "their" | "his" | "her" | "another" | "more" | "additional");
    let number = w.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.');
    let obj = ctx.toks[n].is_word() && (determiner || number) || first_char(&ctx.toks[n], ctx.text) == '$';
    let subject_ok = actor_before(ctx, sent.start, k, None).is_some();
    if !(obj && subject_ok && (!ctx.cue(k).has(CueKind::Noun) || ctx.lower[k].ends_with("ed"))) {
        return None;
    }
    let actor = actor_before(ctx, sent.start, k, sent.last_actor);
    let end = clause_end(ctx, n, sent.end);
    sent.push(span_of(ctx, k, end), actor, Construction::VerbObject, k);
    Some(end.max(k + 1))
}

/// "campaigned on cutting taxes": the platform the actor ran on.
fn campaigned_on(ctx: &Ctx, sent: &mut Sentence, k: usize) -> Option<usize> {
    let applies = ctx.cue(k).has(CueKind::VerbOn)
        && !sent.governed
        && k + 2 < sent.end
        && ctx.lower[k + 1] == "on"
        && ctx.toks[k + 2].is_word();
    if !applies {
        return None;
    }
    let actor = actor_before(ctx, sent.start, k, sent.last_actor);
    if actor.is_none() || ctx.toks[k + 2].cap() {
        return None;
    }
    let end = clause_end(ctx, k + 2, sent.end);
    sent.push(span_of(ctx, k + 2, end), actor, Construction::CampaignedOn, k);
    Some(end.max(k + 1))
}

/// "are planning new steps on X", "is preparing a bill to": a plan under
/// way, its object a noun phrase.
fn plan_under_way(ctx: &Ctx, sent: &mut Sentence, k: usize) -> Option<usize> {
    let progressive = k > sent.start
        && matches!(ctx.lower[k].as_str(), "planning" | "preparing")
        && word_before(ctx.toks, k, |j| matches!(ctx.lower[j].as_str(), "also" | "now" | "already" | "still"))
            .is_some_and(|j| {
                let w = ctx.lower[j].as_str();
                matches!(w, "is" | "are" | "was" | "were") || w.ends_with("'re") || w.ends_with("\u{2019}re")
            });
    if !progressive || sent.governed || k + 1 >= sent.end || !ctx.toks[k + 1].is_word() || ctx.lower[k + 1] == "to" {
        return None;
    }
    let actor = actor_before(ctx, sent.start, k, sent.last_actor);
    let obj = ctx.lower[k + 1].as_str();
    let np = !ctx.toks[k + 1].cap() && !matches!(obj, "for" | "on" | "with" | "ahead" | "against");
    if actor.is_none() || !np {
        return None;
    }
    let end = clause_end(ctx, k + 1, sent.end);
    sent.push(span_of(ctx, k, end), actor, Construction::PlanUnderWay, k);
    Some(end.max(k + 1))
}

/// Announced "will": a named actor right before it, a pronoun after "said",
/// a description, or the subject of a coordinated clause.
fn announced_will(ctx: &Ctx, sent: &mut Sentence, k: usize) -> Option<usize> {
    if !ctx.cue(k).has(CueKind::Modal) || k + 1 >= sent.end || sent.governed {
        return None;
    }
    let mut v = k + 1;
    while v + 1 < sent.end
        && matches!(ctx.lower[v].as_str(), "also" | "still" | "soon" | "now" | "then" | "immediately")
    {
        v += 1;
    }
    let verb = ctx.lower[v].as_str();
    let auxiliary = matches!(verb, "be" | "have" | "not" | "likely" | "probably" | "also");
    if auxiliary || !ctx.toks[v].is_word() || (sent.start..k).any(|j| ctx.lower[j] == "if") {
        return None;
    }
    let named = if ctx.lower[k] == "would" { None } else { named_subject_right_before(ctx, sent.start, k) };
    // "... plans to add X and will extend Y": the same actor.
    let coordinated =
        (k > sent.start && ctx.lower[k - 1] == "and").then(|| sent.found.last().and_then(|p| p.actor)).flatten();
    let actor = named
        .or_else(|| reported_will(ctx, sent.start, k))
        .or(coordinated)
        .or_else(|| modal_subject(ctx, sent.start, k, sent.last_actor))?;
    let end = clause_end(ctx, v, sent.end);
    sent.push(span_of(ctx, v, end), Some(actor), Construction::AnnouncedWill, k);
    Some(end.max(k + 1))
}

/// "We will build", "I promise to", "we are going to" inside a quote.
pub(super) fn first_person_commitment(ctx: &Ctx, k: usize, sent_end: usize) -> Option<Span> {
    let w = ctx.lower[k].as_str();
    if !matches!(w, "we" | "i" | "we'll" | "i'll") {
        return None;
    }
    let v = if w.ends_with("'ll") {
        k + 1
    } else {
        match ctx.lower.get(k + 1)?.as_str() {
            "will" | "shall" => k + 2,
            "promise" | "pledge" | "vow" | "commit" | "intend" | "plan" => next_to(ctx, k + 1, sent_end)? + 1,
            "are" | "am" => {
                let going = matches!(ctx.lower.get(k + 2).map(Word::as_str), Some("going" | "committed"));
                if !(going && ctx.lower.get(k + 3).map(Word::as_str) == Some("to")) {
                    return None;
                }
                k + 4
            }
            _ => return None,
        }
    };
    // "We will not ask ...": a negative commitment.
    let negated = ctx.lower.get(v).is_some_and(|w| w == "not") && v + 1 < sent_end;
    let verb = if negated { v + 1 } else { v };
    if verb >= sent_end
        || !ctx.toks[verb].is_word()
        || matches!(ctx.lower[verb].as_str(), "be" | "have" | "see" | "need" | "try" | "continue" | "not")
    {
        return None;
    }
    if ctx.quote_of(v) != ctx.quote_of(k) {
        return None;
    }
    let end = clause_end(ctx, v, sent_end);
    Some(span_of(ctx, v, end))
}
