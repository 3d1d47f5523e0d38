//! Property tests: the engine never panics and every span it returns is in
//! bounds, ordered and on character boundaries, whatever the input.

use proptest::prelude::*;

fn check(text: &str) {
    let doc = byline::annotate(text);
    if let Err(e) = doc.validate() {
        panic!("invalid document for {text:?}: {e}");
    }
    // Mentions may nest ("Lisbon" in "University of Lisbon"), but each
    // entity's are in text order, each span once.
    for e in &doc.entities {
        assert!(
            e.mentions.windows(2).all(|w| (w[0].start, w[0].end) < (w[1].start, w[1].end)),
            "mentions of {:?} unsorted or repeated for {text:?}",
            e.name
        );
    }
    let back = byline::Document::from_json(&doc.to_json()).unwrap();
    assert_eq!(back, doc);
}

/// Pieces that exercise the engine's edges: quote marks of every style,
/// abbreviations, names (and names inside names), speech verbs, pledges,
/// control characters, wide text.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_string()),
        Just("\u{201c}".to_string()),
        Just("\u{201d}".to_string()),
        Just("\u{2018}".to_string()),
        Just("\u{2019}".to_string()),
        Just("'".to_string()),
        Just(" said ".to_string()),
        Just(", he said. ".to_string()),
        Just("U.N. ".to_string()),
        Just("Mr. ".to_string()),
        Just("Jane Doe ".to_string()),
        Just("Doe's ".to_string()),
        Just("pledged to offer $5 million ".to_string()),
        Just("The pledges include hosting a course, building 3 schools and ".to_string()),
        Just("\n\n".to_string()),
        Just("\n".to_string()),
        Just("\r\n".to_string()),
        Just("SEOUL-- ".to_string()),
        Just("(ABC) ".to_string()),
        Just("University of Lisbon ".to_string()),
        Just("NATO Harbour Command ".to_string()),
        Just("Ohio Senator ".to_string()),
        Just("U.S.-Kenya Trade Summit ".to_string()),
        Just(". ".to_string()),
        Just("\u{1b}[31m".to_string()),
        Just("\u{0}".to_string()),
        Just("\u{feff}".to_string()),
        Just("\u{202e}".to_string()),
        Just("\u{4e2d}\u{6587} ".to_string()),
        Just("\u{1f600}".to_string()),
        "[A-Za-z]{1,8} ",
        "[a-z ,.]{0,12}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_gives_a_valid_document(s in any::<String>()) {
        check(&s);
    }

    #[test]
    fn newsy_text_gives_a_valid_document(s in newsy()) {
        check(&s);
    }

    #[test]
    fn arbitrary_bytes_never_panic(b in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(doc) = byline::engine::annotate_bytes(&b, false) {
            doc.validate().unwrap();
        }
    }
}
