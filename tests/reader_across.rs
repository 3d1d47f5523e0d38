//! The reader's folder mode across articles, headless: `s` in the article
//! list picks a speaker over every article (while articles still arrive),
//! the list shows their quotes from each article, Enter opens the right
//! article at the right quote with the filter set, `]`/`[` cross to the
//! next/previous article, `a` clears. The folder is `tests/folders/harbour/`
//! (small invented articles), annotated by the engine.

mod reader_common;

use byline::reader::theme::Theme;
use byline::reader::{Action, App, Options};
use crossterm::event::KeyCode;
use reader_common::*;

const DIR: &str = "tests/folders/harbour";
const FILES: [&str; 3] = ["01_ferry.txt", "02_storm.txt", "03_budget.txt"];

fn paths() -> Vec<String> {
    FILES.iter().map(|f| format!("{DIR}/{f}")).collect()
}

fn load(i: usize) -> Action {
    let path = &paths()[i];
    let mut doc = byline::annotate(&std::fs::read_to_string(path).unwrap());
    doc.source = Some(path.clone());
    Action::Loaded { doc: i, document: Box::new(doc) }
}

fn folder(loaded: &[usize]) -> App {
    let mut a = App::with_library(&paths(), Options::default(), Theme::monochrome());
    a.update(Action::Resize(120, 24));
    for &i in loaded {
        a.update(load(i));
    }
    a
}

/// Opens the picker, types `name`, picks the first match.
fn pick(a: &mut App, name: &str) {
    a.update(ch('s'));
    type_str(a, name);
    a.update(key(KeyCode::Enter));
}

fn selected_quote(a: &App) -> String {
    let v = a.view();
    v.quote.map(|q| v.doc.quotes[q].text.clone()).unwrap_or_default()
}

#[test]
fn the_picker_counts_over_the_folder_and_grows_while_annotating() {
    let mut a = folder(&[0]);
    a.update(ch('s'));
    let s = screen(&draw(&a));
    assert!(s.contains("Speakers in 3 articles, annotating 1/3"), "{s}");
    assert!(s.contains("Renée Halvorsen") && s.contains("2 quotes, 1 article"), "{s}");
    a.update(load(1));
    a.update(load(2));
    let s = screen(&draw(&a));
    assert!(s.contains("Renée Halvorsen") && s.contains("4 quotes, 3 articles"), "{s}");
    assert!(s.contains("Piet Halvorsen") && s.contains("2 quotes, 2 articles"), "{s}");
    assert!(s.contains("Coastal Water Board"), "{s}");
    // Typing narrows (accents and case aside).
    type_str(&mut a, "PIET");
    let s = screen(&draw(&a));
    assert!(s.contains("2 quotes, 2 articles") && !s.contains("4 quotes, 3 articles"), "{s}");
    a.update(key(KeyCode::Esc));
    assert!(a.overlay.is_none() && a.list_showing());
}

#[test]
fn the_list_shows_the_speakers_quotes_from_each_article() {
    let mut a = folder(&[0, 1, 2]);
    pick(&mut a, "renee");
    let s = screen(&draw(&a));
    assert!(s.contains("Renée Halvorsen: 4 quotes in 3 of 3 articles"), "{s}");
    for q in ["We have repaired both ramps", "The first crossing leaves", "Nobody sails until", "A second tug means"] {
        assert!(s.contains(q), "{q}:\n{s}");
    }
    assert!(s.contains("Ferry service to resume") && s.contains("Storm closes") && s.contains("Harbour budget"), "{s}");
    assert!(!s.contains("Storms are good for soup"), "Piet stays apart:\n{s}");
    a.update(ch('a'));
    let s = screen(&draw(&a));
    assert!(s.contains("Articles (3)") && !s.contains("A second tug means"), "{s}");
}

#[test]
fn enter_opens_the_article_at_the_quote_and_brackets_cross_articles() {
    let mut a = folder(&[0, 1, 2]);
    pick(&mut a, "halvorsen"); // Renée: the most quoted Halvorsen comes first
    a.update(ch('j'));
    a.update(ch('j'));
    a.update(key(KeyCode::Enter));
    assert!(!a.list_showing());
    assert_eq!(a.current, 1, "the storm article");
    assert_eq!(selected_quote(&a), "Nobody sails until the wind drops below forty knots,");
    let v = a.view();
    assert_eq!(v.filter.map(|f| v.entity_name(f)).as_deref(), Some("Renee Halvorsen"));
    let st = status(&a);
    assert!(st.contains("Quote 1/1") && st.contains("(folder 3/4)"), "{st}");
    assert!(screen(&draw(&a)).contains("Nobody sails until"), "the quote is on screen");

    // `]` past her last quote here: the next article, at her first quote there.
    a.update(ch(']'));
    assert_eq!(a.current, 2);
    assert_eq!(selected_quote(&a), "A second tug means no more waiting in bad weather,");
    assert!(status(&a).contains("(folder 4/4)"), "{}", status(&a));
    a.update(ch(']'));
    assert_eq!(a.current, 2, "no article after the last");
    assert_eq!(a.message.as_deref(), Some("last quote"));
    // `[` goes back: the storm article, then the ferry article's last quote of hers.
    a.update(ch('['));
    assert_eq!(a.current, 1);
    a.update(ch('['));
    assert_eq!(a.current, 0);
    assert_eq!(selected_quote(&a), "The first crossing leaves at seven,");
    a.update(ch('['));
    assert_eq!(selected_quote(&a), "We have repaired both ramps and tested the engines,");
    // Back to the list: on the quote being read.
    a.update(ch('l'));
    assert!(a.list_showing());
    assert_eq!(a.library.as_ref().unwrap().row_cursor(), 0);
}

#[test]
fn an_organization_under_two_names_is_one_speaker_in_the_reader() {
    let mut a = folder(&[0, 1, 2]);
    pick(&mut a, "CWB");
    let s = screen(&draw(&a));
    assert!(s.contains("Coastal Water Board: 2 quotes in 2 of 3 articles"), "{s}");
    a.update(ch('G'));
    a.update(key(KeyCode::Enter));
    assert_eq!(a.current, 2);
    assert_eq!(selected_quote(&a), "We are glad to share the bill,");
}

#[test]
fn a_in_the_article_clears_the_filter_and_the_crossing() {
    let mut a = folder(&[0, 1, 2]);
    pick(&mut a, "renee");
    a.update(key(KeyCode::Enter));
    a.update(ch('a'));
    assert!(a.view().filter.is_none());
    assert!(a.library.as_ref().unwrap().across.is_none());
    a.update(ch('G'));
    a.update(ch(']'));
    assert_eq!(a.current, 0, "no crossing without a folder speaker");
}

#[test]
fn the_help_lists_the_folder_keys() {
    let mut a = folder(&[0]);
    a.update(ch('?'));
    let lines = a.keymap.help_lines();
    assert!(lines.iter().any(|(_, k, d)| k == "s" && d.contains("speakers across the folder")));
    assert!(lines.iter().any(|(_, k, d)| k == "a" && d.contains("back to all articles")));
}

#[test]
fn hostile_quotes_and_names_stay_inert_in_the_picker_and_the_list() {
    let text = "Pier \u{1b}]52;c;aGk=\u{7} news\n\nTALLOW BAY -- Calm.\n\n\"Hello \u{1b}[31mred\u{9b}2J \u{202e}back,\" said Renée Halvorsen.\n";
    let mut doc = byline::annotate(text);
    doc.source = Some("x\u{1b}[2J.txt".into());
    let mut a = App::with_library(&["x\u{1b}[2J.txt".to_string()], Options::default(), Theme::monochrome());
    a.update(Action::Resize(100, 20));
    a.update(Action::Loaded { doc: 0, document: Box::new(doc) });
    a.update(ch('s'));
    let picker = screen(&draw(&a));
    a.update(key(KeyCode::Enter));
    let list = screen(&draw(&a));
    assert!(list.contains("Hello \u{241b}[31mred"), "{list}");
    for s in [picker, list] {
        assert!(!s.chars().any(byline::sanitize::is_unsafe), "{s}");
    }
}

#[test]
fn the_picker_and_the_quotes_list_draw_at_any_size() {
    let mut a = folder(&[0, 1, 2]);
    for (w, h) in [(1, 1), (20, 6), (40, 10), (60, 12), (300, 80)] {
        a.update(Action::Resize(w, h));
        a.update(ch('s'));
        draw(&a);
        a.update(key(KeyCode::Enter));
        draw(&a);
        a.update(ch('a'));
    }
}
