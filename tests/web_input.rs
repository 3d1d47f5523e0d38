//! Web pages, URLs and legacy encodings, run as a user would: saved pages
//! extract to their expected text, the seed article wrapped in a page
//! annotates as the text file does (from a file, standard input and a
//! loopback HTTP server), Windows-1252 decodes with a warning.

mod web_common;

use byline::Document;
use web_common::{byline, ok, serve, Reply};

const SEED: &str = "seeds/000_95e916f942a66a19.txt";
const SEED_PAGE: &str = "tests/pages/seed_page.html";

fn document(out: &std::process::Output) -> Document {
    assert!(out.status.success(), "stderr: {}", String::from_utf8_lossy(&out.stderr));
    let doc = Document::from_json(std::str::from_utf8(&out.stdout).unwrap()).unwrap();
    doc.validate().unwrap();
    doc
}

fn annotate(arg: &str) -> Document {
    document(&byline().args(["annotate", "--format", "json", arg]).output().unwrap())
}

/// Words of menus, banners, comments, ads and footers in the fixtures.
const CLUTTER: [&str; 16] = [
    "cookie",
    "Accept",
    "Subscribe",
    "Sign up",
    "Share",
    "Advertisement",
    "Comments",
    "wrote:",
    "Most read",
    "Related",
    "Copyright",
    "\u{a9}",
    "Privacy",
    "Sections",
    "<",
    "&",
];

#[test]
fn saved_pages_extract_to_their_expected_text() {
    for name in ["harbor_daily", "valley_courier", "northern_post"] {
        let doc = annotate(&format!("tests/pages/{name}.html"));
        let expected = std::fs::read_to_string(format!("tests/pages/{name}.expected.txt")).unwrap();
        assert_eq!(doc.text, expected, "{name}");
        for junk in CLUTTER {
            assert!(!doc.text.contains(junk), "{name}: {junk:?} in the text");
        }
        assert!(doc.meta.headline.is_some(), "{name}");
        assert_eq!(doc.source.as_deref(), Some(format!("tests/pages/{name}.html").as_str()));
    }
}

#[test]
fn page_meta_and_captions_are_kept_apart() {
    let doc = annotate("tests/pages/harbor_daily.html");
    assert_eq!(doc.slice(doc.meta.headline.unwrap()), "Ferry board freezes winter fares after packed meeting");
    assert_eq!(doc.meta.author.as_deref(), Some("Mira Castell"));
    assert_eq!(doc.meta.published.as_deref(), Some("2026-11-03T08:15:00Z"));
    assert_eq!(doc.captions, vec!["The 7:40 ferry leaves Pier Four in Lowmoor. Photo: Tomas Wren"]);
    assert!(!doc.text.contains("Pier Four"), "the caption is not a paragraph");
    // Character references are decoded; the quote is found with its speaker.
    let q = doc.quotes.iter().find(|q| q.text.starts_with("Nobody on this island")).unwrap();
    assert_eq!(doc.speaker_name(q), Some("Ines Marlow"));
    let again = Document::from_json(&doc.to_json()).unwrap();
    assert_eq!(again, doc);
    let out = byline().args(["annotate", "--format", "text", "tests/pages/harbor_daily.html"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("author: Mira Castell\npublished: 2026-11-03T08:15:00Z\ncaption: The 7:40 ferry"), "{text}");
}

/// Quotes (text, kind, speaker), speakers and pledges (text, actor, action,
/// amount) of a document, for comparing two readings of one article.
fn annotations(doc: &Document) -> (Vec<String>, Vec<String>) {
    let name = |id: Option<usize>| id.and_then(|i| doc.entity(i)).map(|e| e.name.clone()).unwrap_or_default();
    let quotes = doc.quotes.iter().map(|q| format!("{:?} {} | {}", q.kind, q.text, name(q.speaker))).collect();
    let pledges =
        doc.pledges.iter().map(|p| format!("{} | {} | {} | {:?}", p.text, name(p.actor), p.action, p.amount)).collect();
    (quotes, pledges)
}

fn assert_like_the_seed(doc: &Document, how: &str) {
    let seed = annotate(SEED);
    let (quotes, pledges) = annotations(doc);
    let (seed_quotes, seed_pledges) = annotations(&seed);
    assert_eq!(quotes, seed_quotes, "{how}");
    assert_eq!(pledges, seed_pledges, "{how}");
    let direct = doc.quotes.iter().filter(|q| q.kind == byline::model::QuoteKind::Direct).count();
    assert_eq!((direct, doc.pledges.len()), (8, 5), "{how}");
    assert_eq!(doc.slice(doc.meta.headline.unwrap()), seed.slice(seed.meta.headline.unwrap()), "{how}");
}

#[test]
fn the_seed_page_annotates_like_the_seed_from_a_file_and_stdin() {
    assert_like_the_seed(&annotate(SEED_PAGE), "file");
    let page = std::fs::read(SEED_PAGE).unwrap();
    let out = byline().args(["annotate", "--format", "json", "-"]).write_stdin(page).output().unwrap();
    let doc = document(&out);
    assert_eq!(doc.source, None);
    assert_like_the_seed(&doc, "stdin");
}

#[test]
fn the_seed_page_annotates_like_the_seed_over_http() {
    let page = std::fs::read(SEED_PAGE).unwrap();
    let base = serve(move |path| match path {
        "/world/pko-forum" => ok("text/html; charset=utf-8", page.clone()),
        _ => Reply::Page(404, Some("text/html"), b"<h1>Not found</h1>".to_vec()),
    });
    let url = format!("{base}/world/pko-forum");
    let doc = annotate(&url);
    assert_eq!(doc.source.as_deref(), Some(url.as_str()));
    assert_like_the_seed(&doc, "http");
    // `byline quotes URL` prints the seed's eight direct quotes.
    let out = byline().args(["quotes", &url]).output().unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 8);
}

#[test]
fn a_plain_text_url_is_read_as_text() {
    let base = serve(|_| ok("text/plain", std::fs::read(SEED).unwrap()));
    let doc = annotate(&format!("{base}/seed.txt"));
    assert_eq!(doc.text, std::fs::read_to_string(SEED).unwrap());
}

/// An invented Windows-1252 article: accents, curly quotes, a euro sign.
const CP1252_TEXT: &[u8] = b"Caf\xe9 owners welcome the new market hall\n\n\
The market hall on Rue Vall\xe9e opened on Saturday after two years of work. \x93We finally have a roof over the stalls,\x94 said baker Ren\xe9 Fournier, who sells cr\xe8me br\xfbl\xe9e there. Rent will be \x8050 a week.\n";

fn cp1252_page() -> Vec<u8> {
    let mut page = b"<!DOCTYPE html><html><head><meta charset=\"windows-1252\"><title>Caf\xe9 owners welcome the new market hall</title></head><body><nav><a href=\"/\">Accueil</a></nav><article><h1>Caf\xe9 owners welcome the new market hall</h1>".to_vec();
    let body = b"<p>The market hall on Rue Vall\xe9e opened on Saturday after two years of work, and the first stalls were full by eight in the morning.</p><p>\x93We finally have a roof over the stalls,\x94 said baker Ren\xe9 Fournier, who sells cr\xe8me br\xfbl\xe9e there. Rent will be \x8050 a week, the town said.</p>";
    page.extend_from_slice(body);
    page.extend_from_slice(b"</article></body></html>");
    page
}

#[test]
fn windows_1252_text_and_page_decode_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("cafe.txt");
    std::fs::write(&text, CP1252_TEXT).unwrap();
    let page = dir.path().join("cafe.html");
    std::fs::write(&page, cp1252_page()).unwrap();
    for path in [&text, &page] {
        let out = byline().args(["annotate", "--format", "json"]).arg(path).output().unwrap();
        let stderr = String::from_utf8(out.stderr.clone()).unwrap();
        assert!(stderr.starts_with("warning: ") && stderr.contains("decoded as windows-1252"), "{stderr}");
        let doc = document(&out);
        assert!(!doc.text.contains('\u{fffd}'), "{:?}", doc.text);
        assert!(doc.text.starts_with("Caf\u{e9} owners welcome"), "{:?}", doc.text);
        assert!(doc.text.contains("\u{201c}We finally have a roof") && doc.text.contains("\u{20ac}50"));
        assert_eq!(doc.warnings, vec!["decoded as windows-1252".to_string()]);
        assert_eq!(doc.quotes.len(), 1);
        let out = byline().args(["annotate", "--strict"]).arg(path).output().unwrap();
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.starts_with("error: ") && err.contains("invalid UTF-8") && err.lines().count() == 1, "{err}");
    }
    // `quotes` warns on stderr too; so does a page served without a charset header.
    let out = byline().args(["quotes"]).arg(&text).output().unwrap();
    assert!(String::from_utf8(out.stderr).unwrap().contains("decoded as windows-1252"));
    let base = serve(|_| ok("text/html", cp1252_page()));
    let out = byline().args(["annotate", "--format", "json", &format!("{base}/cafe")]).output().unwrap();
    assert!(String::from_utf8(out.stderr.clone()).unwrap().contains("decoded as windows-1252"));
    assert!(!document(&out).text.contains('\u{fffd}'));
}

#[test]
fn a_folder_takes_its_pages_too() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("tests/pages/harbor_daily.html", dir.path().join("a.html")).unwrap();
    std::fs::write(dir.path().join("b.txt"), "Plain.\n").unwrap();
    let out = byline().args(["annotate", "--format", "jsonl"]).arg(dir.path()).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let docs: Vec<Document> = text.lines().map(|l| Document::from_json(l).unwrap()).collect();
    assert_eq!(docs.len(), 2);
    assert!(docs[0].text.starts_with("Ferry board freezes winter fares"));
}
