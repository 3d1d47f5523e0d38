//! The reader over web pages: the page's headline and source (a URL without
//! its scheme) in the title bar, decoding warnings in the status bar, and
//! a folder's list titled by the pages' headlines.

mod reader_common;

use byline::reader::library::Summary;
use reader_common::*;
use std::path::Path;

fn page_doc(source: &str) -> byline::Document {
    let plain = byline::cli::read_plain(Path::new("tests/pages/northern_post.html"), false).unwrap();
    let mut doc = byline::cli::annotate_plain(plain);
    doc.source = Some(source.to_string());
    doc
}

#[test]
fn the_title_bar_shows_the_headline_and_the_url() {
    let doc = page_doc("https://northern-post.example/coast/lifeboat-crew");
    let a = app(vec![doc], 120, 30);
    let s = screen(&draw(&a));
    let top = s.lines().next().unwrap();
    assert!(top.contains("northern-post.example/coast/lifeboat-crew"), "{top}");
    assert!(!top.contains("https://"), "{top}");
    assert!(s.contains("Lifeboat crew trains its youngest volunteers for winter"), "{s}");
    // Scrolled past the headline, the title bar shows it, the source below.
    let mut a = a;
    for _ in 0..6 {
        a.update(ch('j'));
    }
    let s = screen(&draw(&a));
    assert!(s.lines().next().unwrap().contains("Lifeboat crew trains its youngest"), "{s}");
}

#[test]
fn a_decoded_page_warns_in_the_status_bar() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("cafe.html");
    let page = b"<html><head><meta charset=windows-1252><title>Caf\xe9 reopens on the quay</title></head><body><article><p>The caf\xe9 on the quay reopened on Friday after a winter of repairs, its owner said, and the first customers came at seven.</p></article></body></html>";
    std::fs::write(&p, page).unwrap();
    let doc = byline::cli::annotate_plain(byline::cli::read_plain(&p, false).unwrap());
    let a = app(vec![doc], 120, 20);
    assert!(status(&a).contains("decoded as windows-1252"), "{}", status(&a));
    assert!(screen(&draw(&a)).contains("Caf\u{e9} reopens on the quay"));
}

#[test]
fn the_folder_list_shows_a_page_headline() {
    let doc = page_doc("news/harbor.html");
    let s = Summary::of(&doc, "harbor.html");
    assert_eq!(s.title, "Lifeboat crew trains its youngest volunteers for winter");
    assert!(s.speakers.iter().any(|(name, _)| name == "Bram Ellery"), "{:?}", s.speakers);
}
