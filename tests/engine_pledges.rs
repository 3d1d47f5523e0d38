//! Pledges: one small invented article per construction and per
//! look-alike that must stay out, and the built-in weights.

use byline::model::Document;

fn doc(text: &str) -> Document {
    byline::annotate(text)
}

/// The pledge whose text holds `key`, with its actor's name.
fn pledge<'a>(d: &'a Document, key: &str) -> Option<(&'a byline::model::Pledge, Option<&'a str>)> {
    d.pledges.iter().find(|p| p.text.contains(key)).map(|p| (p, p.actor.map(|a| d.entities[a].name.as_str())))
}

#[track_caller]
fn assert_pledge(text: &str, key: &str, actor: &str) {
    let d = doc(text);
    let all: Vec<&str> = d.pledges.iter().map(|p| p.text.as_str()).collect();
    let Some((_, got)) = pledge(&d, key) else { panic!("no pledge holding {key:?}; pledges: {all:?}") };
    assert_eq!(got, Some(actor), "actor of {key:?}");
}

#[track_caller]
fn assert_no_pledge(text: &str, key: &str) {
    let d = doc(text);
    let found: Vec<&str> = d.pledges.iter().filter(|p| p.text.contains(key)).map(|p| p.text.as_str()).collect();
    assert!(found.is_empty(), "not a pledge, but found: {found:?}");
}

const DATELINE: &str = "Harbor news\n\nTARVIK -- ";

fn article(body: &str) -> String {
    format!("{DATELINE}{body}\n")
}

#[test]
fn weights_file_loads_with_every_feature_known() {
    let model = byline::engine::pledges::model();
    assert_eq!(model.names().len(), byline::engine::pledges::FEATURE_COUNT);
    assert!(model.weights().iter().any(|w| *w != 0.0), "the weights are fitted");
}

#[test]
fn commitment_verb_with_to() {
    let t = article("Mayor Ola Brenn pledged on Monday to rebuild the old ferry pier by next spring.");
    assert_pledge(&t, "rebuild the old ferry pier", "Ola Brenn");
}

#[test]
fn announced_will_of_an_organization() {
    let t = article(
        "The Tarvik Port Authority will send its two retired tugboats to a museum in Hollen, a spokesperson said.",
    );
    assert_pledge(&t, "send its two retired tugboats", "Tarvik Port Authority");
}

#[test]
fn first_person_quote_is_the_speakers() {
    let t = article("\"We will build the new pier before winter,\" said Mayor Ola Brenn at the council meeting.");
    assert_pledge(&t, "build the new pier before winter", "Ola Brenn");
}

#[test]
fn going_to_in_a_quote() {
    let t = article(
        "Mayor Ola Brenn spoke to dock workers on Friday.\n\n\"I am going to bring the shipyard jobs back to this town,\" Brenn said.",
    );
    assert_pledge(&t, "bring the shipyard jobs back", "Ola Brenn");
}

#[test]
fn negative_commitment_in_a_quote() {
    let t = article(
        "Mayor Ola Brenn met ferry owners on Friday.\n\n\"We will not raise the harbor fees this year,\" Brenn said.",
    );
    assert_pledge(&t, "raise the harbor fees", "Ola Brenn");
}

#[test]
fn agreed_to_with_an_amount() {
    let t = article("The Hollen Ferry Company agreed to pay $3 million to repair the damaged docks.");
    let d = doc(&t);
    let (p, actor) = pledge(&d, "$3 million").expect("the agreement is a pledge");
    assert_eq!(actor, Some("Hollen Ferry Company"));
    assert_eq!(p.amount.as_deref(), Some("$3 million"));
}

#[test]
fn threat_is_a_pledge() {
    let t = article("The Tarvik Dockworkers Union threatened to walk out of the talks unless the fee was cut.");
    assert_pledge(&t, "walk out of the talks", "Tarvik Dockworkers Union");
}

#[test]
fn platform_list_gives_one_pledge_per_item() {
    let t = article(
        "Mayor Ola Brenn won the race on a platform of building a new pier, hiring forty harbor guards and cutting ferry fares.",
    );
    let d = doc(&t);
    for key in ["building a new pier", "hiring forty harbor guards", "cutting ferry fares"] {
        assert!(pledge(&d, key).is_some(), "item {key:?}: {:?}", d.pledges);
    }
}

#[test]
fn attack_on_a_rival_is_not_her_pledge() {
    let t = article(
        "Mayor Ola Brenn faces Councillor Ines Varga in the race.\n\n\"Varga will raise your taxes,\" Brenn told supporters.",
    );
    let d = doc(&t);
    let about_varga = d
        .pledges
        .iter()
        .filter(|p| p.text.contains("raise your taxes"))
        .any(|p| p.actor.is_some_and(|a| d.entities[a].name.contains("Varga")));
    assert!(!about_varga, "an attack is not the rival's commitment: {:?}", d.pledges);
}

#[test]
fn forecasts_hopes_and_possibilities_stay_out() {
    let t = article(
        "The harbor bill is expected to pass next week. Councillor Ines Varga said she hopes the port can reopen soon. \
         The council may consider a new toll. \"We must fix the breakwater,\" Varga said.",
    );
    for key in ["pass next week", "reopen soon", "a new toll", "fix the breakwater"] {
        assert_no_pledge(&t, key);
    }
}

#[test]
fn a_done_deed_stays_out() {
    let t = article("Last year the Tarvik council closed the old ferry terminal and sold the land.");
    assert_no_pledge(&t, "closed the old ferry terminal");
}

#[test]
fn conditional_hypothetical_stays_out() {
    let t = article("If the new breakwater were built, it would cost more than $40 million, the study found.");
    assert_no_pledge(&t, "cost more than");
}

#[test]
fn restatement_is_shown_once() {
    let t = article(
        "Mayor Ola Brenn pledged to rebuild the old ferry pier. Residents cheered.\n\n\
         Later, Brenn again pledged to rebuild the old ferry pier.",
    );
    let d = doc(&t);
    let n = d.pledges.iter().filter(|p| p.text.contains("rebuild the old ferry pier")).count();
    assert_eq!(n, 1, "{:?}", d.pledges);
}

#[test]
fn every_candidate_and_decision_is_traced() {
    let (doc, fired) = byline::engine::explain("\u{201c}We will not raise taxes,\u{201d} Mayor Ana Ruiz said.");
    let rules: Vec<&str> = fired.iter().filter(|f| f.stage == "pledges").map(|f| f.rule).collect();
    assert!(rules.contains(&"construction.first_person_quote"), "{rules:?}");
    assert!(rules.contains(&"decide.pledge"), "{rules:?}");
    assert_eq!(doc.pledges.len(), 1);
}
