//! Reader tests on the seed article as the engine annotates it (the user's
//! walkthrough of `shared/tools/probes/reader.json`, headless).

mod reader_common;

use crossterm::event::KeyCode;
use reader_common::*;

fn seed() -> byline::Document {
    let mut d = byline::annotate(byline::SEED_ARTICLE);
    d.source = Some(byline::SEED_NAME.into());
    d
}

#[test]
fn seed_walkthrough() {
    let mut a = app(vec![seed()], 120, 40);
    let s = screen(&draw(&a));
    for want in ["S. Korea pledges leading role", "Suh Wook", "Antonio Guterres", "Catherine Pollard", "[ ]"] {
        assert!(s.contains(want), "first screen lacks {want:?}:\n{s}");
    }
    a.update(ch(']'));
    assert!(status(&a).contains("Quote 1/8"), "{}", status(&a));
    for _ in 0..7 {
        a.update(ch(']'));
    }
    assert!(status(&a).contains("Quote 8/8"));
    a.update(ch('['));
    assert!(status(&a).contains("Quote 7/8"));

    a.update(ch('s'));
    type_str(&mut a, "Suh");
    a.update(key(KeyCode::Enter));
    a.update(ch(']'));
    assert!(status(&a).contains("Quote 1/1"), "{}", status(&a));
    a.update(ch(']'));
    assert!(status(&a).contains("Quote 1/1"));
    a.update(ch('a'));
    a.update(ch(']'));
    assert!(status(&a).contains("/8"));

    a.update(ch('g'));
    a.update(ch('/'));
    type_str(&mut a, "anniversary");
    a.update(key(KeyCode::Enter));
    let s = screen(&draw(&a));
    assert!(s.contains("accession"), "{s}");
    assert!(
        s.lines().last().unwrap().contains("/anniversary: 1/1 matches"),
        "the search stays visible in the status bar"
    );
    a.update(key(KeyCode::Esc));
    a.update(key(KeyCode::Tab));
    a.update(key(KeyCode::Tab));
    a.update(ch('x'));
    assert!(screen(&draw(&a)).contains("[x]"));
}

#[test]
fn seed_first_quote_speaker_is_shown() {
    let mut a = app(vec![seed()], 120, 40);
    a.update(ch(']'));
    a.update(ch(']'));
    assert!(status(&a).contains("Quote 2/8 Chung Eui-yong"), "{}", status(&a));
}
