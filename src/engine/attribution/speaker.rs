//! Choosing a quote's speaker: every rule proposes a speaker (or none), the
//! cues around the quote and the discourse (the quote before, the subject
//! in focus, the last speaker); the candidates are ranked by named weights
//! (`assets/speaker_weights.txt`, see `examples/fit_speakers.rs`).

use std::ops::Range;

use super::cues::{self, Decided};
use super::features::{self, extra, str_eq, Around, EXTRA_FEATURES};
use super::transcript::{self, Exchange};
use super::{Attribution, Reading, Said, Walk};
use crate::engine::entities::Found;
use crate::engine::fit::LinearModel;
use crate::engine::text::{is_preposition, token_at};
use crate::engine::trace;
use crate::model::{EntityKind, Span};

/// The speaker rules, highest priority first. Each is a feature of the
/// candidates it proposes; the built-in weights give each rule more than
/// all the rules after it together, so the first rule that proposes wins.
pub const RULES: [&str; 36] = [
    "transcript_label",
    "interview_question",
    "interview_answer",
    "participle_previous_speaker",
    "dash_signature",
    "cue_after_subject",
    "cue_after_unnamed",
    "cue_after_statement",
    "cue_after_name_following",
    "cue_after_no_name",
    "described_person",
    "cue_role",
    "cue_before_name_at_verb",
    "cue_before_as_clause",
    "cue_before_participle_subject",
    "cue_before_subject_person",
    "cue_before_first_subject",
    "cue_before_name_after_verb",
    "cue_before_statement",
    "cue_before_person_in_phrase",
    "cue_before_no_name",
    "cue_before_unnamed",
    "according_to",
    "colon_paragraph_before",
    "cue_next_paragraph",
    "runs_on",
    "signature_line",
    "same_paragraph_speaker",
    "focus_previous_sentence",
    "previous_quote_speaker",
    "last_speaker",
    "salient_person",
    "reported_speaker",
    "headline_role",
    "named_nearby",
    "no_cue",
];

/// The rules from here on carry the discourse on (no cue of the quote's own).
pub(super) const FIRST_DISCOURSE_RULE: usize = 25;

/// Every feature name, in weight order: the rules, then the extras.
pub static FEATURE_NAMES: [&str; RULES.len() + EXTRA_FEATURES.len()] = {
    let mut names = [""; RULES.len() + EXTRA_FEATURES.len()];
    let mut i = 0;
    while i < names.len() {
        names[i] = if i < RULES.len() { RULES[i] } else { EXTRA_FEATURES[i - RULES.len()] };
        i += 1;
    }
    names
};

/// The index of rule `rule` in [`RULES`] (past the end for no rule).
const fn rule_index(rule: &str) -> usize {
    let mut i = 0;
    while i < RULES.len() && !str_eq(RULES[i], rule) {
        i += 1;
    }
    i
}

/// The index in [`RULES`] of a rule the code names, found when compiling
/// (a name not there does not compile).
macro_rules! rule {
    ($name:literal) => {
        const {
            let i = rule_index($name);
            assert!(i < RULES.len(), "no such rule");
            i
        }
    };
}

/// One speaker (or none) a rule proposes for a quote, with its cue.
struct Proposal {
    speaker: Option<usize>,
    cue: Option<String>,
    /// The rule's index in [`RULES`].
    rule: usize,
}

impl From<Decided> for Proposal {
    fn from(d: Decided) -> Self {
        Proposal { speaker: d.attribution.speaker, cue: d.attribution.cue, rule: rule_index(d.rule) }
    }
}

/// A quote's candidates as the ranking saw them (for fitting).
#[derive(Debug, Clone)]
pub struct SpeakerChoice {
    /// The quote, marks included.
    pub quote: Span,
    pub candidates: Vec<SpeakerCandidate>,
    /// The index of the chosen candidate.
    pub chosen: usize,
}

/// A possible speaker (an entity, or none) with its features, one value
/// per name of [`FEATURE_NAMES`].
#[derive(Debug, Clone)]
pub struct SpeakerCandidate {
    pub speaker: Option<usize>,
    pub features: Vec<f64>,
}

/// The attribution of direct quote `quote`, which closes in the sentence
/// of tokens `tokens`: every rule proposes, the candidates are ranked by
/// `model`; the winning rule is traced under `speakers`. The choice is
/// added to `choices` when given.
pub(super) fn choose(
    reading: &Reading,
    walk: &Walk,
    quote: usize,
    tokens: Range<usize>,
    model: &LinearModel,
    choices: Option<&mut Vec<SpeakerChoice>>,
) -> Attribution {
    let around = Around::new(reading, quote);
    let proposals = propose(reading, walk, &around, quote, tokens);
    let candidates = candidates(reading, walk, &around, quote, &proposals);
    let scores: Vec<f64> = candidates.iter().map(|c| model.score(&c.features)).collect();
    let Some(chosen) = (0..candidates.len()).reduce(|best, i| if scores[i] > scores[best] { i } else { best }) else {
        return Attribution::default();
    };
    let speaker = candidates[chosen].speaker;
    // The cue of the first (highest) rule that proposed the chosen speaker.
    let first = proposals.iter().find(|p| p.speaker == speaker).expect("a proposal per candidate");
    let span = reading.ctx.quotes[quote].outer();
    trace::fire("speakers", RULES[first.rule], span);
    let mut found = Attribution { speaker, cue: first.cue.clone(), with: Vec::new() };
    if let Some((one, other)) = speaker.filter(|_| first.cue.is_some()).and_then(|s| joint(reading, walk, &around, s)) {
        trace::fire("speakers", "joint_speakers", span);
        (found.speaker, found.with) = (Some(one), vec![other]);
    }
    if let Some(choices) = choices {
        choices.push(SpeakerChoice { quote: span, candidates, chosen });
    }
    found
}

/// Rule `joint_speakers`: two people joined by "and" right at a speech
/// verb in the quote's sentences ("reply Ana Morel and Joe Tamsin", "Ana
/// and Joe said"), one of them `speaker`, speak together: the first and
/// the other.
fn joint(reading: &Reading, walk: &Walk, around: &Around, speaker: usize) -> Option<(usize, usize)> {
    let tokens = reading.token_range(around.sentences);
    let person = |k: usize| walk.mentions.at(k).filter(|m| reading.is_person(m.entity()) && !reading.in_quote(k));
    let cue_at = |k: usize| k < reading.tokens().len() && !reading.in_quote(k) && cues::is_cue(reading, k);
    tokens.clone().filter_map(person).find_map(|a| {
        let and = a.tok_end();
        if and + 1 >= tokens.end || !matches!(reading.word(and), "and" | "&") {
            return None;
        }
        let b = person(and + 1)?;
        let at_cue = cue_at(b.tok_end()) || a.tok() > tokens.start && cue_at(a.tok() - 1);
        (at_cue && a.entity() != b.entity() && (a.entity() == speaker || b.entity() == speaker))
            .then_some((a.entity(), b.entity()))
    })
}

/// Every rule's proposal, highest priority first (the order of [`RULES`]).
fn propose(reading: &Reading, walk: &Walk, around: &Around, quote: usize, tokens: Range<usize>) -> Vec<Proposal> {
    let q = &reading.ctx.quotes[quote];
    let mut cues: Vec<Proposal> =
        from_cues(reading, walk, quote, tokens).into_iter().flatten().map(Proposal::from).collect();
    // "the 44-year-old said": the person in focus.
    for p in cues.iter_mut().filter(|p| p.rule == rule!("described_person")) {
        p.speaker = walk.discourse.described(reading, reading.sentence_of(q.outer().end.saturating_sub(1)));
    }
    let mut out = Vec::new();
    if let Some(speaker) = transcript::transcript_label(reading, q) {
        out.push(Proposal { speaker, cue: None, rule: rule!("transcript_label") });
    }
    // "..., adding, “...”" with no subject in its sentence: the speaker of
    // the quote before it in the paragraph.
    if let Some(first) = cues.first().filter(|c| c.speaker.is_none()) {
        if first.cue.as_deref().is_some_and(|c| c.ends_with("ing")) {
            if let Some(speaker) = previous_in_paragraph(reading, walk, quote) {
                out.push(Proposal {
                    speaker: Some(speaker),
                    cue: first.cue.clone(),
                    rule: rule!("participle_previous_speaker"),
                });
            }
        }
    }
    if cues.is_empty() {
        out.extend(interview(reading, walk, quote));
        if let Some(entity) = cues::next_paragraph(reading, &walk.mentions, q) {
            out.push(Proposal { speaker: Some(entity), cue: None, rule: rule!("cue_next_paragraph") });
        }
    }
    out.extend(cues);
    // A quote running on from the previous paragraph.
    if let Some(previous) = q.continues().map(|j| walk.quotes.get(j)) {
        if previous.speaker.is_some() || previous.cue.is_some() {
            out.push(Proposal { speaker: previous.speaker, cue: previous.cue, rule: rule!("runs_on") });
        }
    }
    if let Some(entity) = cues::signature_after(reading, &walk.mentions, q.para()) {
        out.push(Proposal { speaker: Some(entity), cue: None, rule: rule!("signature_line") });
    }
    out.extend(from_discourse(reading, walk, quote));
    // The nearest person (else organization) named before the quote in its
    // paragraph or the one before, and no speaker at all: the fitted
    // weights choose between them when no cue speaks.
    if let Some(entity) = around.reported_speaker(reading) {
        out.push(Proposal { speaker: Some(entity), cue: None, rule: rule!("reported_speaker") });
    }
    if let Some(entity) = cues::headline_role(reading, q) {
        out.push(Proposal { speaker: Some(entity), cue: None, rule: rule!("headline_role") });
    }
    if let Some(entity) = around.named_nearby(reading) {
        out.push(Proposal { speaker: Some(entity), cue: None, rule: rule!("named_nearby") });
    }
    out.push(Proposal { speaker: None, cue: None, rule: rule!("no_cue") });
    // Rule `cue_decides`: the quote's own cue names its subject (or says
    // "a spokesperson"): the discourse does not compete with it.
    if out.iter().any(names_subject) {
        let before = out.len();
        out.retain(|p| p.rule < FIRST_DISCOURSE_RULE);
        if out.len() < before {
            trace::fire("speakers", "cue_decides", q.outer());
        }
    }
    let before = out.len();
    out.retain(|p| p.speaker.is_none_or(|e| may_speak(reading, e, p.rule)));
    if out.len() < before {
        trace::fire("speakers", "cannot_speak", q.outer());
    }
    out
}

/// Rules `interview_question` and `interview_answer`: in a
/// question-and-answer layout a question is the interviewer's (no one
/// named), an answer the interviewee's: the speaker of the answer before
/// (up to three paragraphs back), else the person in focus.
fn interview(reading: &Reading, walk: &Walk, quote: usize) -> Option<Proposal> {
    let quotes = reading.ctx.quotes;
    let q = &quotes[quote];
    let answer = match transcript::exchange(reading, q)? {
        Exchange::Question => return Some(Proposal { speaker: None, cue: None, rule: rule!("interview_question") }),
        Exchange::Answer => rule!("interview_answer"),
    };
    let before = (0..quote).rev().filter(|&j| quotes[j].kind == crate::engine::quotes::RawKind::Direct);
    let previous = before
        .take_while(|&j| reading.paras_between(quotes[j].para(), q.para()) <= 3)
        .find(|&j| {
            walk.quotes.speaker(j).is_some() && transcript::exchange(reading, &quotes[j]) == Some(Exchange::Answer)
        })
        .and_then(|j| walk.quotes.speaker(j));
    let speaker = previous.or_else(|| walk.discourse.described(reading, reading.sentence_of(q.outer().start)))?;
    Some(Proposal { speaker: Some(speaker), cue: None, rule: answer })
}

/// A cue rule that found the cue's subject, named or unnamed (a statement
/// whose issuer was not found names no one).
fn names_subject(p: &Proposal) -> bool {
    let statement = p.rule == rule!("cue_after_statement") || p.rule == rule!("cue_before_statement");
    p.rule < FIRST_DISCOURSE_RULE && p.rule != rule!("cue_before_no_name") && !(statement && p.speaker.is_none())
}

/// Rule `cannot_speak` over every proposal: a person, an organization, a
/// document or a group may speak; an event or another thing (a product,
/// an index, a work) never; a place only as the cue's own subject (the cue
/// rules check that at the verb) or as a speaker carried on from a quote
/// before, never as the subject in focus.
fn may_speak(reading: &Reading, entity: usize, rule: usize) -> bool {
    match reading.kind(entity) {
        EntityKind::Person | EntityKind::Organization | EntityKind::Document => true,
        EntityKind::Other => is_group(&reading.ents.entities[entity].name),
        EntityKind::Event => false,
        EntityKind::Place => {
            ![rule!("focus_previous_sentence"), rule!("signature_line"), rule!("named_nearby")].contains(&rule)
        }
    }
}

/// The proposals grouped by speaker, in order of first proposal, with
/// their features.
fn candidates(
    reading: &Reading,
    walk: &Walk,
    around: &Around,
    quote: usize,
    proposals: &[Proposal],
) -> Vec<SpeakerCandidate> {
    let mut out: Vec<SpeakerCandidate> = Vec::new();
    let layout = (RULES.len(), FEATURE_NAMES.len());
    for p in proposals {
        let at = match out.iter().position(|c| c.speaker == p.speaker) {
            Some(at) => at,
            None => {
                let features = features::describe(reading, walk, around, quote, p.speaker, layout);
                out.push(SpeakerCandidate { speaker: p.speaker, features });
                out.len() - 1
            }
        };
        let features = &mut out[at].features;
        if p.rule < RULES.len() {
            features[p.rule] = 1.0;
        }
        // A cue (not the discourse) names this speaker, or no one.
        if p.rule < FIRST_DISCOURSE_RULE {
            features[RULES.len() + const { extra("cue_speaks") }] = 1.0;
        }
        let agree = proposals.iter().filter(|q| q.speaker == p.speaker && q.rule != rule!("no_cue")).count();
        features[RULES.len() + const { extra("more_rules_agree") }] = f64::from(u8::from(agree > 1));
    }
    // Only the discourse proposes this speaker, while a cue names another
    // (or says "a spokesperson").
    let cued = RULES.len() + const { extra("cue_speaks") };
    if out.iter().any(|c| c.features[cued] == 1.0) {
        for c in out.iter_mut().filter(|c| c.features[cued] == 0.0) {
            c.features[RULES.len() + const { extra("cue_names_another") }] = 1.0;
        }
    }
    // The rule order's choice: the speaker of the first proposal.
    if let Some(first) = out.first_mut() {
        first.features[RULES.len() + const { extra("first_proposal") }] = 1.0;
    }
    out
}

/// The cues around the quote: after it, before it (from the sentence it
/// opens in), `according to` in its sentence, an introduction ending the
/// paragraph before.
fn from_cues(reading: &Reading, walk: &Walk, quote: usize, tokens: Range<usize>) -> [Option<Decided>; 4] {
    let ctx = &reading.ctx;
    let q = &ctx.quotes[quote];
    let opened = reading.sentence_of(q.outer().start);
    let open_first = token_at(ctx.tokens, ctx.sentences.at(opened).start.min(q.outer().start));
    let after = token_at(ctx.tokens, q.outer().end);
    let before = token_at(ctx.tokens, q.outer().start);
    // The speaker of the quote just before, for "the statement said".
    let previous =
        reading.previous_direct(quote).filter(|&j| reading.paras_between(ctx.quotes[j].para(), q.para()) <= 2);
    let earlier = cues::Earlier {
        speaker: previous.and_then(|j| walk.quotes.speaker(j)),
        since: match previous {
            Some(j) => token_at(ctx.tokens, ctx.quotes[j].outer().end),
            None => token_at(ctx.tokens, ctx.paras.at(q.para().saturating_sub(2)).start),
        },
    };
    let mentions = &walk.mentions;
    [
        cues::after_quote(reading, mentions, after..tokens.end, earlier),
        cues::before_quote(reading, mentions, open_first..before, earlier),
        cues::according_to(reading, mentions, tokens),
        cues::colon_paragraph_before(reading, mentions, q, before, earlier),
    ]
}

/// The speaker of the nearest direct quote before `quote` in its paragraph.
fn previous_in_paragraph(reading: &Reading, walk: &Walk, quote: usize) -> Option<usize> {
    let quotes = reading.ctx.quotes;
    let para = quotes[quote].para();
    (0..quote)
        .rev()
        .find(|&j| quotes[j].kind == crate::engine::quotes::RawKind::Direct && quotes[j].para() == para)
        .and_then(|j| walk.quotes.speaker(j))
}

/// The discourse: the speaker of the quote just before in the same
/// paragraph, who was in focus in the sentence before, the speaker of the
/// quote before in the previous paragraph, the last speaker when one
/// paragraph back at most, the most salient person (in that order).
fn from_discourse(reading: &Reading, walk: &Walk, quote: usize) -> Vec<Proposal> {
    let quotes = reading.ctx.quotes;
    let q = &quotes[quote];
    let mut out = Vec::new();
    let recent = reading.previous_direct(quote).filter(|&j| reading.paras_between(quotes[j].para(), q.para()) <= 1);
    let spoken = recent.filter(|&j| walk.quotes.speaker(j).is_some());
    let copy = |j: usize, rule| Proposal {
        speaker: walk.quotes.speaker(j),
        cue: walk.quotes.cue(j).map(str::to_string),
        rule,
    };
    if let Some(j) = spoken.filter(|&j| quotes[j].para() == q.para()) {
        out.push(copy(j, rule!("same_paragraph_speaker")));
    }
    let opened = reading.sentence_of(q.outer().start);
    if let Some(entity) = walk.discourse.previous_subject(reading, opened) {
        out.push(Proposal { speaker: Some(entity), cue: None, rule: rule!("focus_previous_sentence") });
    }
    if let Some(j) = spoken {
        out.push(copy(j, rule!("previous_quote_speaker")));
    }
    if let Some((entity, _)) = walk.last_speaker.filter(|&(_, para)| reading.paras_between(para, q.para()) <= 1) {
        out.push(Proposal { speaker: Some(entity), cue: None, rule: rule!("last_speaker") });
    }
    // Rule `salient_person`: the person a pronoun here would stand for (the
    // subject of the last few sentences, "He is not alone. ... “...”").
    if let Some(entity) = walk.discourse.described(reading, opened) {
        out.push(Proposal { speaker: Some(entity), cue: None, rule: rule!("salient_person") });
    }
    out
}

/// The speaker among mentions near the speech verb at token `verb`: a head
/// (not a possessive, not a modifier of the next name, not after "his" when
/// another name follows) that can speak there; a person first, else an
/// organization or document, else the first head.
pub(super) fn pick_speaker(reading: &Reading, mentions: &[Found], verb: usize) -> Option<usize> {
    let heads: Vec<&Found> = mentions
        .iter()
        .enumerate()
        .filter(|(i, m)| is_head(reading, mentions, *i, m) && can_speak(reading, m, verb))
        .map(|(_, m)| m)
        .collect();
    heads
        .iter()
        .find(|m| reading.is_person(m.entity()))
        .or_else(|| {
            heads.iter().find(|m| matches!(reading.kind(m.entity()), EntityKind::Organization | EntityKind::Document))
        })
        .or_else(|| heads.first())
        .map(|m| m.entity())
}

/// Rule `cannot_speak`: people, organizations and documents speak, and
/// groups named by one plural word ("the Velmarians said"); a place only as
/// the subject right at its cue ("Ottawa said", "said Ottawa": its
/// government); an event or any other thing never.
pub(super) fn can_speak(reading: &Reading, m: &Found, verb: usize) -> bool {
    let speaks = match reading.kind(m.entity()) {
        EntityKind::Person | EntityKind::Organization | EntityKind::Document => true,
        EntityKind::Place => m.tok_end() == verb || m.tok() == verb + 1,
        EntityKind::Other => is_group(&reading.ents.entities[m.entity()].name),
        EntityKind::Event => false,
    };
    if !speaks {
        trace::fire("speakers", "cannot_speak", m.span());
    }
    speaks
}

/// A name of one plural word: a group of people ("Velmarians").
pub(super) fn is_group(name: &str) -> bool {
    !name.contains(' ') && name.ends_with('s') && !name.ends_with("ss")
}

/// Mention `index` of `mentions` can be a cue's subject.
fn is_head(reading: &Reading, mentions: &[Found], index: usize, m: &Found) -> bool {
    let tokens = reading.tokens();
    // "his wife, X, wrote": a possessive pronoun before another name is no
    // speaker ("her statement read": it is).
    let classes = &reading.lexicon.classes;
    let possessive = classes.possessives.contains(reading.word(m.tok()));
    if possessive && mentions.len() > index + 1 {
        return false;
    }
    // "his lawyer said", "her campaign said": the one it describes speaks,
    // unnamed ("her statement read": its owner does).
    let noun_after = m.tok_end() == m.tok() + 1
        && tokens.get(m.tok_end()).is_some_and(|t| t.is_word() && !t.cap())
        && !classes.statement_nouns.contains(reading.word(m.tok_end()));
    if possessive && noun_after {
        return false;
    }
    // "Harbour Watch volunteer coordinator Tom Ferris": a name followed by
    // words and then another name (no punctuation between) only modifies it.
    let modifies_next = mentions.get(index + 1).is_some_and(|n| {
        reading.is_person(n.entity())
            && (m.tok_end()..n.tok()).all(|j| {
                let t = tokens[j];
                (t.is_word()
                    && (!t.cap() || reading.lexicon.titles.contains(reading.word(j)))
                    && !is_preposition(reading.word(j)))
                    || (!t.is_word() && t.text(reading.ctx.text) == "." && !t.space_before())
            })
            && n.tok() > m.tok_end()
    });
    !tokens[m.tok_end() - 1].possessive()
        && !tokens.get(m.tok_end()).is_some_and(|n| n.is_word() && n.cap() && !n.newline_before())
        && !modifies_next
}

/// Rule `repeated_quote`: a quote with no cue of its own that a later
/// quote repeats (a headline, "Port chief on dredging: ‘We will listen’",
/// or a pull quote) is the speaker's of that later quote.
pub(super) fn repeated_quotes(reading: &Reading, found: &mut Said) {
    let quotes = reading.ctx.quotes;
    let direct = |j: usize| quotes[j].kind == crate::engine::quotes::RawKind::Direct;
    for i in 0..quotes.len() {
        if !direct(i) || found.speaker(i).is_some() || found.cue(i).is_some() {
            continue;
        }
        let words = quote_words(reading, quotes[i].content());
        if words.len() < 3 {
            continue;
        }
        let repeated = (i + 1..quotes.len()).find(|&j| {
            direct(j)
                && found.speaker(j).is_some()
                && quote_words(reading, quotes[j].content()).windows(words.len()).any(|w| w == words.as_slice())
        });
        if let Some(j) = repeated {
            found.set_speaker(i, found.speaker(j));
            trace::fire("speakers", "repeated_quote", quotes[i].outer());
        }
    }
}

/// The lowercase words of a quote's content.
fn quote_words<'a>(reading: &'a Reading, content: Span) -> Vec<&'a str> {
    reading.token_range(content).filter(|&k| reading.tokens()[k].is_word()).map(|k| reading.word(k)).collect()
}
