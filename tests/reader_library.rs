//! The article list of a folder (`byline DIR`): the list model (title,
//! speakers, quote counts), documents arriving in the background in any
//! order, opening an article, and the loader's order. Hand-built documents
//! and a fake loader keep these fast and deterministic.

mod reader_common;

use std::path::PathBuf;
use std::time::Duration;

use byline::model::Document;
use byline::reader::library::{spawn_loader, EntryState, Summary};
use byline::reader::theme::Theme;
use byline::reader::{Action, App, Options};
use crossterm::event::KeyCode;
use reader_common::*;

fn list_app(paths: &[&str]) -> App {
    let paths: Vec<String> = paths.iter().map(|p| p.to_string()).collect();
    let mut a = App::with_library(&paths, Options::default(), Theme::monochrome());
    a.update(Action::Resize(120, 20));
    a
}

fn loaded(doc: usize, d: Document) -> Action {
    Action::Loaded { doc, document: Box::new(d) }
}

#[test]
fn summary_has_headline_speakers_by_quote_count_and_counts() {
    let s = Summary::of(&seed_doc(), "seed.txt");
    assert_eq!(s.title, "S. Korea pledges leading role in supporting U.N. PKO missions");
    assert_eq!(s.quotes, 8);
    assert_eq!(s.partial, 3);
    assert_eq!(s.speakers[0], ("Chung Eui-yong".to_string(), 4));
    assert_eq!(s.speakers.iter().map(|(_, n)| n).sum::<usize>(), 8);
    assert!(s.speakers.windows(2).all(|w| w[0].1 >= w[1].1), "most quoted first: {:?}", s.speakers);

    let small = Summary::of(&small_doc(), "small.txt");
    assert_eq!(small.title, SMALL_HEADLINE);
    assert_eq!(small.speakers, vec![("Ana Ruiz".to_string(), 2), ("Tom Okafor".to_string(), 1)]);
    assert_eq!((small.quotes, small.partial), (3, 1));
}

#[test]
fn summary_without_headline_uses_the_file_name() {
    let s = Summary::of(&Document::empty("No quotes at all.".into()), "plain.txt");
    assert_eq!(s.title, "plain.txt");
    assert!(s.speakers.is_empty());
    assert_eq!(s.quotes, 0);
}

#[test]
fn list_shows_annotating_rows_until_documents_arrive_in_any_order() {
    let mut a = list_app(&["news/a.txt", "news/b.txt", "news/c.md"]);
    assert!(a.list_showing());
    let s = screen(&draw(&a));
    assert!(s.contains("Articles (3): annotating 0/3"), "{s}");
    assert_eq!(s.matches("annotating\u{2026}").count(), 3, "{s}");
    assert!(s.contains("a.txt") && s.contains("c.md"), "{s}");

    // The third arrives first, then the first; the second fails.
    a.update(loaded(2, small_doc()));
    a.update(loaded(0, seed_doc()));
    let lib = a.library.as_ref().unwrap();
    assert_eq!(lib.done, 2);
    assert!(lib.entries[0].is_ready() && !lib.entries[1].is_ready() && lib.entries[2].is_ready());
    let s = screen(&draw(&a));
    assert!(s.contains("annotating 2/3"), "{s}");
    assert!(s.contains("S. Korea pledges leading role"), "{s}");
    assert!(s.contains(SMALL_HEADLINE), "{s}");
    assert!(s.contains("Chung Eui-yong (4)"), "{s}");
    assert!(s.contains("Ana Ruiz (2), Tom Okafor (1)"), "{s}");
    assert_eq!(s.matches("annotating\u{2026}").count(), 1, "{s}");

    a.update(Action::LoadFailed { doc: 1, message: "news/b.txt: binary".into() });
    let lib = a.library.as_ref().unwrap();
    assert!(!lib.loading());
    assert!(matches!(&lib.entries[1].state, EntryState::Failed(m) if m.contains("binary")));
    let s = screen(&draw(&a));
    assert!(s.contains("Articles (3) ") && s.contains("3 articles"), "{s}");
    assert!(s.contains("error: news/b.txt: binary"), "{s}");
}

#[test]
fn enter_opens_the_reader_and_l_or_esc_go_back() {
    let mut a = list_app(&["a.txt", "b.txt"]);
    a.update(loaded(0, small_doc()));
    a.update(loaded(1, seed_doc()));
    a.update(ch('j'));
    a.update(key(KeyCode::Enter));
    assert!(!a.list_showing());
    assert_eq!(a.current, 1);
    let s = screen(&draw(&a));
    assert!(s.contains("Entities (18)") && s.contains("[2/2]"), "the reader for the seed:\n{s}");
    a.update(ch('l'));
    assert!(a.list_showing());
    assert_eq!(a.library.as_ref().unwrap().cursor, 1);
    a.update(ch('k'));
    a.update(key(KeyCode::Enter));
    assert_eq!(a.current, 0);
    a.update(key(KeyCode::Esc));
    assert!(a.list_showing(), "Esc with nothing to clear goes back to the list");
}

#[test]
fn an_article_asked_for_while_annotating_opens_when_it_arrives() {
    let mut a = list_app(&["a.txt", "b.txt"]);
    a.update(key(KeyCode::Enter));
    assert!(a.list_showing());
    assert!(a.message.as_deref().unwrap().contains("annotating"));
    a.update(loaded(1, seed_doc()));
    assert!(a.list_showing(), "another article arriving does not open");
    a.update(loaded(0, small_doc()));
    assert!(!a.list_showing());
    assert_eq!(a.current, 0);
    assert_eq!(a.view().doc.meta.headline.map(|h| a.view().doc.slice(h).to_string()).as_deref(), Some(SMALL_HEADLINE));
}

#[test]
fn next_article_skips_those_still_annotating() {
    let mut a = list_app(&["a.txt", "b.txt", "c.txt"]);
    a.update(loaded(0, small_doc()));
    a.update(loaded(2, seed_doc()));
    a.update(key(KeyCode::Enter));
    a.update(ch('}'));
    assert_eq!(a.current, 2);
    a.update(ch('}'));
    assert_eq!(a.current, 0);
    a.update(ch('{'));
    assert_eq!(a.current, 2);
}

#[test]
fn list_moves_by_page_and_to_the_ends() {
    let paths: Vec<String> = (0..100).map(|i| format!("f{i:03}.txt")).collect();
    let refs: Vec<&str> = paths.iter().map(String::as_str).collect();
    let mut a = list_app(&refs);
    a.update(ch('G'));
    assert_eq!(a.library.as_ref().unwrap().cursor, 99);
    let s = screen(&draw(&a));
    assert!(s.contains("f099.txt") && !s.contains("f000.txt"), "{s}");
    a.update(ch('g'));
    a.update(key(KeyCode::PageDown));
    assert_eq!(a.library.as_ref().unwrap().cursor, a.list_height() - 1);
}

#[test]
fn loader_sends_documents_in_path_order() {
    let paths: Vec<PathBuf> = (0..20).map(|i| PathBuf::from(format!("doc{i:02}.txt"))).collect();
    // Earlier files take longer: the order must still be the path order.
    let load = |p: PathBuf| -> Result<Document, String> {
        let i: u64 = p.to_string_lossy()[3..5].parse().unwrap();
        std::thread::sleep(Duration::from_micros(200 * (20 - i)));
        if i == 7 {
            return Err(format!("{}: binary", p.display()));
        }
        let mut d = Document::empty(format!("Article {i}."));
        d.source = Some(p.to_string_lossy().into_owned());
        Ok(d)
    };
    let rx = spawn_loader(paths, load).unwrap();
    let got: Vec<(usize, Result<Option<String>, String>)> =
        rx.iter().map(|l| (l.index, l.result.map(|d| d.source))).collect();
    assert_eq!(got.len(), 20);
    for (i, (index, r)) in got.iter().enumerate() {
        assert_eq!(*index, i);
        if i == 7 {
            assert_eq!(r.as_ref().unwrap_err(), "doc07.txt: binary");
        } else {
            assert_eq!(r.as_ref().unwrap().as_deref(), Some(format!("doc{i:02}.txt").as_str()));
        }
    }
}

#[test]
fn a_large_article_shows_as_text_first_and_its_annotations_fill_in() {
    let full = small_doc();
    let mut plain = Document::empty(full.text.clone());
    plain.source = Some("big.txt".into());
    let mut a = App::new(vec![plain], Options::default(), Theme::monochrome());
    a.docs[0].pending = true;
    a.update(Action::Resize(120, 20));
    assert!(status(&a).contains("annotating\u{2026}"), "{}", status(&a));
    a.update(ch(']'));
    assert!(a.message.as_deref().unwrap().contains("annotating"));
    a.update(ch('s'));
    assert!(a.overlay.is_none());
    // Scroll while it works: the place is kept when the annotations arrive.
    a.update(ctrl('d'));
    let anchor = a.view().anchor;
    assert!(anchor > 0);
    let mut done = full.clone();
    done.source = Some("big.txt".into());
    a.update(loaded(0, done));
    assert!(!a.view().pending);
    assert_eq!(a.view().anchor, anchor);
    assert_eq!(a.view().doc.quotes.len(), 4);
    assert!(status(&a).contains("Quotes: 3"), "{}", status(&a));
    a.update(ch(']'));
    assert_eq!(a.view().quote_position().1, 3);
    // A stale result (another text) is ignored.
    a.update(loaded(0, Document::empty("other".into())));
    assert_eq!(a.view().doc.quotes.len(), 4);
}

#[test]
fn a_byline_line_is_not_the_title_in_the_list() {
    let text = "Priya Lindqvist, The Marrowdale Ledger\n\nMARROWDALE -- The council voted on Monday to close the library.\n\n\"We did what we could,\" said Oskar Venn.\n";
    let doc = byline::annotate(text);
    assert_eq!(Summary::of(&doc, "library.txt").title, "library.txt", "the file name, not the byline");
    let titled = byline::annotate(&format!("Library to close\n\n{text}"));
    assert_eq!(Summary::of(&titled, "library.txt").title, "Library to close");
}
