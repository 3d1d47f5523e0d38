//! Property tests for page extraction: any mix of tags, text, entities and
//! broken markup gives an article or a clean error, never a panic; an
//! article's paragraphs are single lines and its document is valid.

use proptest::prelude::*;

/// Pieces of pages: open and close tags of every role, text, references,
/// broken markup, control characters and wide text.
fn piece() -> impl Strategy<Value = String> {
    let tags = [
        "p",
        "div",
        "article",
        "section",
        "nav",
        "aside",
        "footer",
        "header",
        "h1",
        "h2",
        "blockquote",
        "ul",
        "li",
        "figure",
        "figcaption",
        "script",
        "style",
        "q",
        "time",
        "table",
        "td",
        "br",
        "b",
        "a",
    ];
    prop_oneof![
        proptest::sample::select(tags.to_vec()).prop_map(|t| format!("<{t}>")),
        proptest::sample::select(tags.to_vec()).prop_map(|t| format!("</{t}>")),
        Just("<div class=\"ad-slot\">".to_string()),
        Just("<title>Tide | Coast Times</title>".to_string()),
        Just("<meta charset=\"windows-1252\">".to_string()),
        Just("&ldquo;We will,&rdquo; said Ana Ruiz. ".to_string()),
        Just("&amp;&#x1F600;&bogus;&#0;".to_string()),
        Just("<!-- <div> -->".to_string()),
        Just("<".to_string()),
        Just("\u{1b}[31m\u{202e}".to_string()),
        Just("\u{5317}\u{4eac} ".to_string()),
        "[A-Za-z ,.]{0,60}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_page_extracts_or_fails_cleanly(pieces in proptest::collection::vec(piece(), 0..80)) {
        let html = format!("<html><body>{}</body></html>", pieces.concat());
        if let Ok(page) = byline::source::html::extract(&html, None) {
            let (text, headline) = page.text();
            prop_assert!(headline <= text.len() && text.is_char_boundary(headline));
            prop_assert!(!page.paragraphs.iter().any(|p| p.is_empty() || p.contains('\n')));
            let mut doc = byline::annotate(&text);
            doc.captions = page.captions;
            prop_assert!(doc.validate().is_ok());
        }
    }
}
