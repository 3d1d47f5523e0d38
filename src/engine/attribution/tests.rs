//! One test per named rule of attribution, each on a small invented article.

use crate::engine::{annotate, trace};
use crate::model::{Document, MentionForm};

/// The article `body` under a headline, annotated with tracing on.
fn explained(body: &str) -> (Document, Vec<trace::Fired>) {
    let text = format!("Town news\n\n{body}");
    trace::collect(|| annotate(&text))
}

fn name(doc: &Document, entity: Option<usize>) -> Option<&str> {
    entity.map(|id| doc.entities.iter().find(|e| e.id == id).expect("speaker entity").name.as_str())
}

/// Rule `rule` of stage `speakers` fires, and the quote holding `fragment`
/// goes to `speaker`.
fn speaker_rule(rule: &str, body: &str, fragment: &str, speaker: Option<&str>) {
    let (doc, fired) = explained(body);
    assert!(fired.iter().any(|f| f.stage == "speakers" && f.rule == rule), "{rule} did not fire: {fired:?}");
    let quote = doc.quotes.iter().find(|q| q.text.contains(fragment)).expect("the quote");
    assert_eq!(name(&doc, quote.speaker), speaker, "{rule}");
}

/// Rule `rule` of stage `pronouns` fires, and the last pronoun `pronoun`
/// is a mention of `entity`.
fn pronoun_rule(rule: &str, body: &str, pronoun: &str, entity: &str) {
    let (doc, fired) = explained(body);
    assert!(fired.iter().any(|f| f.stage == "pronouns" && f.rule == rule), "{rule} did not fire: {fired:?}");
    let start = doc.text.rfind(&format!(" {pronoun} ")).expect("the pronoun") + 1;
    let holder =
        doc.entities.iter().find(|e| e.mentions.iter().any(|m| m.start == start && m.form == MentionForm::Pronoun));
    assert_eq!(holder.map(|e| e.name.as_str()), Some(entity), "{rule}");
}

#[test]
fn dash_signature() {
    speaker_rule(
        "dash_signature",
        "“The new bridge is a waste of money.” — Orla Fenwick",
        "bridge",
        Some("Orla Fenwick"),
    );
}

#[test]
fn cue_after_subject() {
    speaker_rule("cue_after_subject", "“We will open the mill in May,” Tavi Orrin said.", "mill", Some("Tavi Orrin"));
}

#[test]
fn cue_after_unnamed() {
    speaker_rule("cue_after_unnamed", "“The roads are closed,” a county spokesperson said.", "roads", None);
}

#[test]
fn cue_after_statement() {
    speaker_rule(
        "cue_after_statement",
        "“Service will continue,” Brenmoor Transit said in a statement. “Costs have grown,” the statement said.",
        "Costs",
        Some("Brenmoor Transit"),
    );
}

#[test]
fn cue_after_name_following() {
    speaker_rule(
        "cue_after_name_following",
        "“The vote is final,” said Ilse Varga, the council clerk.",
        "vote",
        Some("Ilse Varga"),
    );
}

#[test]
fn cue_after_no_name() {
    speaker_rule("cue_after_no_name", "“Nobody came to the hearing,” said the clerk.", "Nobody", None);
}

#[test]
fn possessive_pronoun_before_a_noun() {
    // "his lawyer said": the lawyer speaks, unnamed, not the man named.
    let body = "Tavi Orrin lost the case on Monday.\n\n“We will appeal,” his lawyer said.";
    speaker_rule("cue_after_no_name", body, "appeal", None);
    // "her statement read": the statement's owner does.
    let body = "Ilse Varga resigned on Monday.\n\n“I leave with pride,” her statement read.";
    speaker_rule("cue_after_subject", body, "pride", Some("Ilse Varga"));
}

#[test]
fn cue_before_name_at_verb() {
    speaker_rule("cue_before_name_at_verb", "Ilse Varga said, “The vote is final.”", "vote", Some("Ilse Varga"));
}

#[test]
fn cue_before_as_clause() {
    speaker_rule(
        "cue_before_as_clause",
        "As the Brenmoor Times reported, “the mill will close in June.”",
        "mill",
        Some("Brenmoor Times"),
    );
}

#[test]
fn cue_before_participle_subject() {
    speaker_rule(
        "cue_before_participle_subject",
        "Tavi Orrin said the plan was sound, adding, “We are ready.”",
        "ready",
        Some("Tavi Orrin"),
    );
}

#[test]
fn cue_before_subject_person() {
    speaker_rule(
        "cue_before_subject_person",
        "Tavi Orrin, who runs the mill, told the crowd: “We are ready.”",
        "ready",
        Some("Tavi Orrin"),
    );
}

#[test]
fn cue_before_first_subject() {
    speaker_rule(
        "cue_before_first_subject",
        "Brenmoor Transit, in a notice on Friday, announced: “The pier is closed.”",
        "pier",
        Some("Brenmoor Transit"),
    );
}

#[test]
fn cue_before_name_after_verb() {
    speaker_rule(
        "cue_before_name_after_verb",
        "Later it was said by Brenmoor Transit: “The mill stays.”",
        "mill",
        Some("Brenmoor Transit"),
    );
}

#[test]
fn cue_before_person_in_phrase() {
    speaker_rule(
        "cue_before_person_in_phrase",
        "A note from Tavi Orrin to the board: “We are ready.”",
        "ready",
        Some("Tavi Orrin"),
    );
}

#[test]
fn cue_before_no_name() {
    speaker_rule("cue_before_no_name", "The sign on the door also said: “Closed for the season.”", "Closed", None);
}

#[test]
fn according_to() {
    speaker_rule("according_to", "“The dam is safe,” according to Ilse Varga.", "dam", Some("Ilse Varga"));
}

#[test]
fn colon_paragraph_before() {
    speaker_rule(
        "colon_paragraph_before",
        "Tavi Orrin read the letter aloud:\n\n“We will stay in Dunmore.”",
        "stay",
        Some("Tavi Orrin"),
    );
}

#[test]
fn participle_previous_speaker() {
    speaker_rule(
        "participle_previous_speaker",
        "“We are ready,” Tavi Orrin said. The mill reopened on Monday, adding, “It took a year.”",
        "year",
        Some("Tavi Orrin"),
    );
}

#[test]
fn runs_on() {
    speaker_rule("runs_on", "“We will build the pier this year,” Tavi Orrin said. “It will have room for ten boats.\n\n“And the ferry will come back.”", "ferry", Some("Tavi Orrin"));
}

#[test]
fn signature_line() {
    speaker_rule(
        "signature_line",
        "“Keep the library open.”\n\nAda Brisk, Friends of the Library.",
        "library",
        Some("Ada Brisk"),
    );
}

#[test]
fn same_paragraph_speaker() {
    speaker_rule(
        "same_paragraph_speaker",
        "“We are ready,” Tavi Orrin said. “The boats are waiting.”",
        "boats",
        Some("Tavi Orrin"),
    );
}

#[test]
fn focus_previous_sentence() {
    speaker_rule(
        "focus_previous_sentence",
        "Tavi Orrin stood up at the meeting. “We are ready.”",
        "ready",
        Some("Tavi Orrin"),
    );
}

#[test]
fn previous_quote_speaker() {
    speaker_rule(
        "previous_quote_speaker",
        "“We are ready,” Tavi Orrin said. The weather was calm.\n\n“The boats are waiting.”",
        "boats",
        Some("Tavi Orrin"),
    );
}

#[test]
fn last_speaker() {
    speaker_rule("last_speaker", "“We are ready,” Tavi Orrin said. “The roads are clear,” a county spokesperson said. The weather was calm.\n\n“The boats are waiting.”", "boats", Some("Tavi Orrin"));
}

#[test]
fn they_pair() {
    pronoun_rule(
        "they_pair",
        "Ilse Varga and Tavi Orrin met on Friday. They said the pier would open.",
        "They",
        "Ilse Varga",
    );
}

#[test]
fn they_organization() {
    pronoun_rule(
        "they_organization",
        "Brenmoor Transit raised fares on Monday. They said costs had grown.",
        "They",
        "Brenmoor Transit",
    );
}

#[test]
fn gendered_subject() {
    pronoun_rule("gendered_subject", "Tavi Orrin opened the pier. He thanked the crew.", "He", "Tavi Orrin");
}

#[test]
fn gendered_person_named() {
    pronoun_rule(
        "gendered_person_named",
        "The prize went to Ilse Varga on Friday. She thanked the town.",
        "She",
        "Ilse Varga",
    );
}

#[test]
fn gendered_most_recent() {
    pronoun_rule("gendered_most_recent", "Ilse Varga spoke first. The hall was full. The lights were low. The band played. The rain stopped. The doors opened. Then she left.", "she", "Ilse Varga");
}

#[test]
fn cannot_speak() {
    // A place that is not the cue's own subject is no speaker; one that is
    // speaks for its government.
    speaker_rule("cannot_speak", "“The water is rising,” Lake Morrow residents said.", "water", None);
    speaker_rule("cue_after_subject", "“We will send crews,” Canada said.", "crews", Some("Canada"));
}

#[test]
fn built_in_weights_name_every_feature() {
    // The shipped file is fitted (examples/fit_speakers.rs --write): it
    // names every feature, so none is left at 0 by accident.
    let text = include_str!("../../../assets/speaker_weights.txt");
    for name in super::FEATURE_NAMES {
        assert!(text.lines().any(|l| l.split('\t').next() == Some(name)), "{name} not in the weights file");
    }
    assert!(text.contains("fitted by examples/fit_speakers.rs"));
}

#[test]
fn cannot_speak_in_any_rule() {
    // A place named inside a possessive after "according to" is no speaker.
    speaker_rule(
        "cannot_speak",
        "Buses run late, according to a Lake Morrow school's report: “Half the routes miss the bell.”",
        "routes",
        None,
    );
}

#[test]
fn discourse_rules_follow_the_cue_rules() {
    assert_eq!(super::RULES[super::speaker::FIRST_DISCOURSE_RULE], "runs_on");
}

#[test]
fn reported_speaker() {
    // The issuer of a statement two paragraphs back, with the reporter's
    // own paragraph between.
    speaker_rule(
        "reported_speaker",
        "Brenmoor Transit said in a statement that buses would run all night.\n\nThe town has four routes.\n\n“Night riders deserve a bus.”",
        "riders",
        Some("Brenmoor Transit"),
    );
}

#[test]
fn named_nearby() {
    // No cue: the organization named just before, when the weights prefer
    // it to no speaker (a person there would be the salient one).
    speaker_rule(
        "named_nearby",
        "The bakery on Main Street was bought by the Lusk Bread Company in 1998. It has never closed for a day.\n\n“Bread does not wait for anyone.”",
        "Bread",
        Some("Lusk Bread Company"),
    );
}

#[test]
fn cue_decides() {
    // "a county spokesperson said": the cue's own (unnamed) subject, not
    // the speaker of the quote before in the paragraph.
    speaker_rule(
        "cue_decides",
        "“We are ready,” Tavi Orrin said. “The roads are clear,” a county spokesperson said.",
        "roads",
        None,
    );
}

#[test]
fn joint_speakers() {
    let (doc, fired) = explained("“The dam must go,” said Lise Arno and Piet Vander.");
    assert!(fired.iter().any(|f| f.rule == "joint_speakers"), "{fired:?}");
    let quote = &doc.quotes[0];
    assert_eq!(name(&doc, quote.speaker), Some("Lise Arno"));
    assert_eq!(quote.with.iter().map(|&w| name(&doc, Some(w))).collect::<Vec<_>>(), [Some("Piet Vander")]);
    assert_eq!(doc.speakers_label(quote).as_deref(), Some("Lise Arno and Piet Vander"));
}

#[test]
fn headline_role() {
    let text =
        "Mayor slams rival: “He cannot count”\n\nTOWNVILLE — Mayor Dana Pryce spoke on Monday about the budget.\n";
    let (doc, fired) = trace::collect(|| annotate(text));
    assert!(fired.iter().any(|f| f.rule == "headline_role"), "{fired:?}");
    assert_eq!(name(&doc, doc.quotes[0].speaker), Some("Dana Pryce"));
}

#[test]
fn cue_before_unnamed() {
    // A description as the subject before the colon names no one; the
    // person quoted before does not take the quote.
    speaker_rule(
        "cue_before_unnamed",
        "“The rink is full,” said Oda Brandt.\n\nCity staff explained the numbers this way: “The waitlist is long.”",
        "waitlist",
        None,
    );
}

#[test]
fn no_cue() {
    speaker_rule("no_cue", "The bakery opened in 1998.\n\n“Bread does not wait for anyone.”", "Bread", None);
}

#[test]
fn fitting_ranks_by_the_given_weights_and_returns_the_choices() {
    let text = "Town news\n\nTavi Orrin stood up at the meeting.\n\n“We are ready.”\n";
    let order = super::model().clone();
    let (doc, choices) = super::fitting(order, || annotate(text));
    assert_eq!(choices.len(), 1);
    let choice = &choices[0];
    assert_eq!(choice.candidates[choice.chosen].speaker, doc.quotes[0].speaker);
    assert_eq!(name(&doc, doc.quotes[0].speaker), Some("Tavi Orrin"));
    // Weights that prefer no speaker when no cue names one.
    let names = &super::FEATURE_NAMES;
    let weights = names.iter().map(|n| if *n == "no_cue" { 1.0 } else { 0.0 }).collect();
    let silent = crate::engine::fit::LinearModel::new(names, 0.0, weights);
    let (doc, _) = super::fitting(silent, || annotate(text));
    assert_eq!(name(&doc, doc.quotes[0].speaker), None);
}

#[test]
fn repeated_quote() {
    let text = "Pier chief on repairs: “We will fix every plank”\n\n“We will fix every plank,” Oren Vale said.\n";
    let (doc, fired) = trace::collect(|| annotate(text));
    assert!(fired.iter().any(|f| f.rule == "repeated_quote"), "{fired:?}");
    assert_eq!(name(&doc, doc.quotes[0].speaker), Some("Oren Vale"));
}

#[test]
fn transcript_label() {
    // A surname label, and a role label linked to the person the text names with it.
    let body = "Host Lena Brisco spoke with her guest, miller Tobin Ardal.\n\n\"ARDAL: The wheel turns again.\n\n\"HOST: When did it stop?";
    speaker_rule("transcript_label", body, "wheel", Some("Tobin Ardal"));
    speaker_rule("transcript_label", body, "stop", Some("Lena Brisco"));
}

#[test]
fn statement_issuer() {
    // "the statement read": the issuer of the statement introduced after
    // the quote before, not that quote's speaker.
    speaker_rule(
        "statement_issuer",
        "“The pier is unsafe,” Mira Holt said.\n\nIn a statement on Friday, the Keswater Port Authority said it would close the pier.\n\n“Repairs begin in May,” the statement read.",
        "Repairs",
        Some("Keswater Port Authority"),
    );
}

#[test]
fn described_person() {
    // "the 61-year-old said": the person in focus; no name at the verb.
    speaker_rule(
        "described_person",
        "Edda Varr opened the bakery in 1990.\n\n“I still bake every loaf,” the 61-year-old said.",
        "loaf",
        Some("Edda Varr"),
    );
}

#[test]
fn cue_next_paragraph() {
    speaker_rule(
        "cue_next_paragraph",
        "“The river gave us everything.”\n\nThat was how Oskar Lind described the valley before the dam.",
        "river",
        Some("Oskar Lind"),
    );
    // With no verb: the one a speech noun names.
    speaker_rule(
        "cue_next_paragraph",
        "“The river gave us everything.”\n\nThose were the words of Oskar Lind, a miller.",
        "river",
        Some("Oskar Lind"),
    );
}

#[test]
fn cue_before_statement() {
    // "A statement from X reads:": X, an organization named in the phrase.
    speaker_rule(
        "cue_before_statement",
        "A statement from Brenmoor Transit reads: “Night buses return in May.”",
        "Night",
        Some("Brenmoor Transit"),
    );
    // "The statement added:": the issuer of the statement named before.
    speaker_rule(
        "cue_before_statement",
        "Brenmoor Transit released a statement saying fares would rise.\n\nThe statement added: “Seniors ride free.”",
        "Seniors",
        Some("Brenmoor Transit"),
    );
}

#[test]
fn salient_person() {
    // Two paragraphs after her quote, the reporter's paragraph between
    // speaks of her ("She is not alone."): the person in focus.
    speaker_rule(
        "salient_person",
        "For Edda Varr, the flood is personal. Her bakery sits by the river.\n\n“The water came up to the ovens.”\n\nShe is not alone. Along the river, shops are closed.\n\n“We will open again in May.”",
        "May",
        Some("Edda Varr"),
    );
}

#[test]
fn interview_question() {
    // A quoted question after a "Q:" label is the interviewer's: no one named.
    speaker_rule(
        "interview_question",
        "Edda Varr spoke with the Ledger.\n\nQ: “Why bread?”\n\nA: “Because everyone eats it.”",
        "Why",
        None,
    );
}

#[test]
fn interview_answer() {
    // After an "A." label, and after a bare question paragraph: the interviewee.
    let body = "Edda Varr spoke with the Ledger.\n\nQ. Why bread?\n\nA. “Because everyone eats it.”\n\nWhat comes next?\n\n“A second oven.”";
    speaker_rule("interview_answer", body, "everyone", Some("Edda Varr"));
    speaker_rule("interview_answer", body, "oven", Some("Edda Varr"));
}

#[test]
fn cue_role() {
    // A bare role at the cue, after the quote or before it: the one person
    // the text gives that role.
    for (text, speaker) in [
        ("“The pier stays,” says mayor\n\nMayor Dana Pryce spoke on Monday. Oren Vale, a fisher, agreed.\n", "Dana Pryce"),
        ("Pier chief says: “We will fix every plank”\n\nThe work starts in May, pier chief Oren Vale told the council.\n", "Oren Vale"),
    ] {
        let (doc, fired) = trace::collect(|| annotate(text));
        assert!(fired.iter().any(|f| f.rule == "cue_role"), "{fired:?}");
        assert_eq!(name(&doc, doc.quotes[0].speaker), Some(speaker), "{text}");
    }
}

#[test]
fn statement_issuer_owner() {
    // "Okafor's statement said:": its owner, not the issuer of the statement before.
    speaker_rule(
        "statement_issuer",
        "“Fares will rise,” Brenmoor Transit said in a statement.\n\nMira Holt inspected the pier. Holt's statement said: “The pier is unsafe.”",
        "pier",
        Some("Mira Holt"),
    );
}
