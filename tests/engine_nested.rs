//! Names inside names (src/engine/nested.rs): inner mentions overlap the
//! outer one, link to the entity the article already has, and leave the
//! outer names, the quotes and the pledges as they were. Invented text.

use byline::model::{Document, EntityKind, Mention, MentionForm};

const TEXT: &str = "Researchers honored at harbor gala

Scientists at the Lisbon Maritime Institute and the NATO Ocean Survey Office shared the prize on Friday.

\"We only measured what the sea told us,\" said Ilse Varga, who has worked in Lisbon for a decade.

The Lisbon Maritime Institute pledged to open two new labs by 2027. Nebraska Senator Dana Whitcombe presented the award.
";

fn doc() -> Document {
    let d = byline::annotate(TEXT);
    d.validate().unwrap();
    d
}

fn entity<'a>(doc: &'a Document, name: &str) -> &'a byline::model::Entity {
    doc.entities.iter().find(|e| e.name == name).unwrap_or_else(|| panic!("no entity {name:?}"))
}

fn texts<'a>(doc: &'a Document, ms: &[Mention]) -> Vec<&'a str> {
    ms.iter().map(|m| doc.slice(m.span())).collect()
}

#[test]
fn a_place_inside_a_name_is_the_place_named_alone() {
    let d = doc();
    let lisbon = entity(&d, "Lisbon");
    assert_eq!(lisbon.kind, EntityKind::Place);
    // Two inside the institute's name, one alone, in text order.
    assert_eq!(texts(&d, &lisbon.mentions), ["Lisbon"; 3]);
    let inst = entity(&d, "Lisbon Maritime Institute");
    let outer: Vec<_> = inst.mentions.iter().filter(|m| m.form == MentionForm::Name).collect();
    assert_eq!(outer.len(), 2);
    for o in outer {
        assert!(lisbon.mentions.iter().any(|m| o.span().contains(m.span()) && m.start == o.start));
    }
}

#[test]
fn a_leading_acronym_is_the_known_organization() {
    let d = doc();
    let nato = entity(&d, "North Atlantic Treaty Organization");
    assert_eq!(nato.kind, EntityKind::Organization);
    assert_eq!(texts(&d, &nato.mentions), ["NATO"]);
    assert_eq!(nato.mentions[0].form, MentionForm::Alias);
    assert_eq!(entity(&d, "NATO Ocean Survey Office").kind, EntityKind::Organization);
}

#[test]
fn a_state_before_a_title_is_a_place() {
    let d = doc();
    assert_eq!(entity(&d, "Nebraska").kind, EntityKind::Place);
    let p = entity(&d, "Dana Whitcombe");
    assert_eq!(p.kind, EntityKind::Person);
    assert_eq!(p.titles, ["Senator"]);
}

#[test]
fn quotes_and_pledges_keep_the_outer_names() {
    let d = doc();
    assert_eq!(d.quotes.len(), 1);
    assert_eq!(d.speaker_name(&d.quotes[0]), Some("Ilse Varga"));
    let p = d.pledges.iter().find(|p| p.text.contains("two new labs")).expect("the pledge");
    assert_eq!(p.actor.map(|a| d.entities[a].name.as_str()), Some("Lisbon Maritime Institute"));
}

#[test]
fn ids_are_positions_and_mentions_sorted_without_duplicates() {
    let d = doc();
    for (i, e) in d.entities.iter().enumerate() {
        assert_eq!(e.id, i);
        assert!(e.mentions.windows(2).all(|w| (w[0].start, w[0].end) < (w[1].start, w[1].end)), "{}", e.name);
    }
    // Every annotation is the same after a round trip through JSON.
    assert_eq!(Document::from_json(&d.to_json()).unwrap(), d);
}
