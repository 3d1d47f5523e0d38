//! Hostile articles against the reader, headless: every class of control
//! character and escape sequence is drawn as a visible placeholder (in the
//! article pane, the side panes, the status bar, the picker), never as a raw
//! control; the bytes a real backend would send carry no OSC/DCS/BEL/C1;
//! and any terminal size from 0x0 to 500x200, any resize sequence and any
//! key sequence draws without a panic (property tests, modest case counts).

mod reader_common;

use byline::model::{Document, Entity, EntityKind, Mention, MentionForm, Meta, Pledge, Quote, QuoteKind, Span};
use byline::reader::{self, Action, App};
use byline::sanitize::{is_unsafe, placeholder};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use ratatui::backend::{CrosstermBackend, TestBackend};
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::{Terminal, TerminalOptions, Viewport};
use reader_common::*;
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

/// Panics when any cell holds a character that must not reach a terminal
/// (tabs and CR included: they are expanded or folded before drawing).
fn assert_inert(t: &Terminal<TestBackend>) {
    for (i, cell) in t.backend().buffer().content().iter().enumerate() {
        let bad = cell.symbol().chars().find(|&c| is_unsafe(c) || c == '\t' || c == '\r');
        assert!(bad.is_none(), "cell {i} holds raw {bad:?} ({:?})", cell.symbol());
    }
}

/// A writer whose bytes stay readable after the backend took it.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The bytes a real crossterm backend sends for one frame of `app`.
fn terminal_bytes(app: &App) -> Vec<u8> {
    let (w, h) = app.size;
    let out = Shared::default();
    let options = TerminalOptions { viewport: Viewport::Fixed(Rect::new(0, 0, w, h)) };
    let mut t = Terminal::with_options(CrosstermBackend::new(out.clone()), options).unwrap();
    t.draw(|f| reader::view::render(app, f)).unwrap();
    drop(t);
    let bytes = out.0.borrow().clone();
    bytes
}

/// Every escape in the byte stream is one ratatui wrote itself: a CSI
/// (`ESC [`) for cursor moves and styles. No OSC (clipboard, title), DCS,
/// APC, BEL, backspace, CR, C1 control or bidi control is ever sent.
fn assert_bytes_inert(bytes: &[u8]) {
    for (i, w) in bytes.windows(2).enumerate() {
        if w[0] == 0x1b {
            assert_eq!(w[1], b'[', "ESC not followed by [ at byte {i}: {:?}", String::from_utf8_lossy(&bytes[i..]));
        }
    }
    let s = std::str::from_utf8(bytes).expect("the terminal gets UTF-8");
    for c in s.chars() {
        assert!(c == '\u{1b}' || !is_unsafe(c) && c != '\t' && c != '\r', "raw {c:?} sent to the terminal");
    }
    // The only ESC-introduced sequences are CSI with ratatui's finals.
    let mut rest = s;
    while let Some(at) = rest.find('\u{1b}') {
        let seq = &rest[at + 2..];
        let end = seq.find(|c: char| c.is_ascii_alphabetic()).expect("a CSI final");
        let final_char = seq.as_bytes()[end];
        assert!(matches!(final_char, b'H' | b'm' | b'J' | b'K' | b'l' | b'h'), "unexpected CSI {:?}", &seq[..=end]);
        rest = &seq[end + 1..];
    }
}

/// One article per class from the issue, with the placeholder text the
/// reader must show for it.
fn classes() -> Vec<(&'static str, String, String)> {
    let mut v: Vec<(&'static str, String, String)> = vec![
        ("ESC + CSI colour", "a \u{1b}[31mred\u{1b}[0m b".into(), "a \u{241b}[31mred\u{241b}[0m b".into()),
        ("CSI cursor move", "x \u{1b}[10;10H\u{1b}[2J y".into(), "x \u{241b}[10;10H\u{241b}[2J y".into()),
        ("OSC 52 clipboard", "c \u{1b}]52;c;cHduZWQ=\u{7} d".into(), "c \u{241b}]52;c;cHduZWQ=\u{2407} d".into()),
        ("OSC 0 title", "t \u{1b}]0;pwned\u{1b}\\ u".into(), "t \u{241b}]0;pwned\u{241b}\\ u".into()),
        ("DCS", "e \u{1b}P+q544e\u{1b}\\ f".into(), "e \u{241b}P+q544e\u{241b}\\ f".into()),
        ("C1 CSI and OSC", "g \u{9b}31m \u{9d}2;t\u{9c} h".into(), "g ¿31m ¿2;t¿ h".into()),
        ("BEL", "bell\u{7}here".into(), "bell\u{2407}here".into()),
        ("backspace", "over\u{8}\u{8}write".into(), "over\u{2408}\u{2408}write".into()),
        ("DEL", "del\u{7f}ete".into(), "del\u{2421}ete".into()),
        ("bidi override", "abc \u{202e}evil\u{202c} def".into(), "abc \u{a6}evil\u{a6} def".into()),
        ("bidi isolates", "\u{2066}i\u{2067}j\u{2068}k\u{2069}".into(), "\u{a6}i\u{a6}j\u{a6}k\u{a6}".into()),
        ("bidi embeddings", "\u{202a}l\u{202b}m\u{202d}n".into(), "\u{a6}l\u{a6}m\u{a6}n".into()),
    ];
    // Every other C0 control: its control picture (newline, tab and CR are
    // line structure and whitespace: see the tests below).
    for b in (0u32..0x20).filter(|b| ![0x0a, 0x09, 0x0d].contains(b)) {
        let c = char::from_u32(b).unwrap();
        v.push(("C0", format!("c0 <{c}> end"), format!("c0 <{}> end", placeholder(c).unwrap())));
    }
    for b in 0x80u32..=0x9f {
        let c = char::from_u32(b).unwrap();
        v.push(("C1", format!("c1 <{c}> end"), "c1 <¿> end".to_string()));
    }
    v
}

#[test]
fn every_control_class_is_a_visible_placeholder() {
    for (class, text, want) in classes() {
        // Through the engine, as a file would come in.
        let doc = byline::annotate(&format!("Headline here\n\n{text}\n"));
        let a = app(vec![doc], 100, 12);
        let t = draw(&a);
        let s = screen(&t);
        assert!(s.contains(&want), "{class}: {want:?} not on screen:\n{s}");
        assert_inert(&t);
        assert_bytes_inert(&terminal_bytes(&a));
    }
}

#[test]
fn article_escapes_set_no_colour() {
    // Monochrome theme: any colour in the buffer could only come from the article.
    let all: String = classes().into_iter().map(|(_, t, _)| t + "\n\n").collect();
    let a = app(vec![byline::annotate(&all)], 120, 60);
    for cell in draw(&a).backend().buffer().content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{:?}", cell.symbol());
    }
}

#[test]
fn tabs_cr_and_crlf_are_whitespace_and_line_ends() {
    let doc = byline::annotate("Head\r\n\r\none\ttab\rtwo\r\nthree\n");
    assert!(!doc.text.contains('\r'));
    let a = app(vec![doc], 80, 10);
    let t = draw(&a);
    let s = screen(&t);
    assert!(s.lines().any(|l| l.contains("one  ") && l.contains("  tab")), "tab drawn as spaces:\n{s}");
    assert!(s.lines().any(|l| l.contains("two")) && s.lines().any(|l| l.contains("three")), "{s}");
    assert_inert(&t);
    // A CR that bypasses input normalisation (a hand-built document) is shown.
    let a = app(vec![Document::empty("cr\rhere".into())], 80, 10);
    assert!(screen(&draw(&a)).contains("cr\u{240d}here"));
}

/// A document whose names, quote, pledge and warning all carry escapes, so
/// the side panes, the status bar and the picker get hostile text too.
fn hostile_names_doc() -> Document {
    let text = "Evil\u{1b}]0;T\u{7} Corp said \"give \u{1b}[2J me\" loudly.\n\nEvil\u{1b}]0;T\u{7} Corp pledged to pay \u{9b}5 now.\n";
    let name_end = text.find(" Corp").unwrap() + 5;
    let q = text.find("give").unwrap();
    let q_end = text.find(" me\"").unwrap() + 3;
    let p = text.find("pay").unwrap();
    let p_end = text.find(" now").unwrap() + 4;
    let second = text.rfind("Evil").unwrap();
    let entity = Entity {
        id: 0,
        kind: EntityKind::Organization,
        name: "Evil\u{1b}]0;T\u{7} Corp\u{202e}".into(),
        titles: vec!["\u{1b}[5mboss".into()],
        mentions: vec![
            Mention { start: 0, end: name_end, form: MentionForm::Name },
            Mention { start: second, end: second + name_end, form: MentionForm::Name },
        ],
    };
    let doc = Document {
        meta: Meta::default(),
        entities: vec![entity],
        quotes: vec![Quote {
            id: 0,
            start: q,
            end: q_end,
            outer: Span::new(q - 1, q_end + 1),
            text: text[q..q_end].into(),
            speaker: Some(0),
            cue: Some("said\u{7}".into()),
            kind: QuoteKind::Direct,
            with: Vec::new(),
        }],
        pledges: vec![Pledge {
            id: 0,
            start: p,
            end: p_end,
            text: text[p..p_end].into(),
            actor: Some(0),
            action: "pay \u{9b}5\u{1b}]52;c;eA==\u{7}".into(),
            amount: Some("\u{1b}[31m5".into()),
        }],
        warnings: vec!["bad \u{1b}]2;title\u{7} warning".into()],
        source: Some("dir/\u{1b}]0;x\u{7}name.txt".into()),
        ..Document::empty(text.into())
    };
    doc.validate().unwrap();
    doc
}

#[test]
fn panes_status_bar_and_picker_show_placeholders() {
    let mut a = app(vec![hostile_names_doc()], 120, 30);
    a.update(ch(']'));
    let t = draw(&a);
    let s = screen(&t);
    assert_inert(&t);
    assert_bytes_inert(&terminal_bytes(&a));
    // Entities pane and the status bar's speaker.
    assert!(s.contains("Evil\u{241b}]0;T\u{2407} Corp\u{a6}"), "{s}");
    // Pledges pane (the selected pledge wraps in full).
    assert!(s.contains(": pay") && s.contains("¿5\u{241b}]52;c;eA==\u{2407} [\u{241b}[31m5]"), "{s}");
    // The source label in the frame's title.
    assert!(s.contains("\u{241b}]0;x\u{2407}name.txt"), "{s}");
    let st = status(&a);
    assert!(st.contains("Quote 1/1 Evil\u{241b}]0;T"), "{st}");
    assert!(st.contains("bad \u{241b}]2;title\u{2407} warning"), "{st}");

    // The speaker picker, with control characters typed into its query.
    a.update(ch('s'));
    let t = draw(&a);
    assert!(screen(&t).contains("Evil\u{241b}]0;T\u{2407} Corp"), "{}", screen(&t));
    assert_inert(&t);
    a.update(Action::Key(KeyEvent::new(KeyCode::Char('\u{1b}'), KeyModifiers::NONE)));
    a.update(ch('\u{7}'));
    let t = draw(&a);
    assert!(screen(&t).contains("> \u{241b}\u{2407}"), "{}", screen(&t));
    assert_inert(&t);
    assert_bytes_inert(&terminal_bytes(&a));
    a.update(key(KeyCode::Esc));

    // A search prompt and its result line with control characters in the query.
    a.update(ch('/'));
    type_str(&mut a, "\u{1b}[2J");
    let t = draw(&a);
    assert!(status(&a).contains("/\u{241b}[2J"), "{}", status(&a));
    assert_inert(&t);
    a.update(key(KeyCode::Enter));
    let st = status(&a);
    assert!(st.contains("/\u{241b}[2J: 1/1 matches"), "{st}");
    assert_inert(&draw(&a));
}

#[test]
fn state_problem_messages_are_inert() {
    let mut a = app(vec![small_doc()], 120, 30);
    a.update(Action::StateProblem { doc: 0, message: "cannot save in /tmp/\u{1b}]52;c;eA==\u{7}: denied".into() });
    let st = status(&a);
    assert!(st.contains("/tmp/\u{241b}]52;c;eA==\u{2407}"), "{st}");
    assert_inert(&draw(&a));
    assert_bytes_inert(&terminal_bytes(&a));
}

#[test]
fn decoding_warning_shows_in_the_status_bar() {
    let doc = byline::engine::annotate_bytes(b"Caf\xe9 owner Jean Roy said it was fine.\n", false).unwrap();
    let a = app(vec![doc], 120, 20);
    let st = status(&a);
    assert!(st.contains("decoded as windows-1252"), "{st}");
    assert!(screen(&draw(&a)).contains("Caf\u{e9} owner"));
}

#[test]
fn bom_cjk_and_emoji_render_in_their_columns() {
    let doc = byline::annotate("\u{feff}東京の記者\n\n「こんにちは」と田中さんは言った。😀👍🏽 emoji\n");
    assert!(!doc.text.starts_with('\u{feff}'), "the BOM is dropped");
    let a = app(vec![doc], 60, 12);
    let t = draw(&a);
    let s = screen(&t);
    assert!(s.contains("「こんにちは」と田中さんは言った。😀"), "{s}");
    assert_inert(&t);
    // Wide characters stay whole even when the column is odd and narrow.
    for w in [1u16, 2, 3, 5, 31, 33, 41] {
        let a = app(vec![byline::annotate(&"東京😀".repeat(50))], w, 12);
        assert_inert(&draw(&a));
    }
}

#[test]
fn every_small_size_and_a_rapid_resize_storm() {
    let docs = || vec![seed_doc(), small_doc(), hostile_names_doc(), Document::empty(String::new())];
    let mut a = app(docs(), 1, 1);
    for h in 0..=14u16 {
        for w in 0..=45u16 {
            a.update(Action::Resize(w, h));
            draw(&a);
        }
    }
    // Sizes jumping between extremes, with keys in between.
    for (i, (w, h)) in [(500, 200), (1, 1), (500, 1), (1, 200), (0, 0), (80, 24), (499, 199), (2, 2)]
        .into_iter()
        .cycle()
        .take(40)
        .enumerate()
    {
        a.update(Action::Resize(w, h));
        a.update([ch('G'), ch(']'), key(KeyCode::Tab), ch('}'), ch('s'), key(KeyCode::Esc)][i % 6].clone());
        assert_inert(&draw(&a));
    }
}

/// One step a user (or a terminal) can send.
fn step() -> impl Strategy<Value = Action> {
    let keys: Vec<Action> = vec![
        ch('j'),
        ch('k'),
        ch(' '),
        ch('b'),
        ch('g'),
        ch('G'),
        ch(']'),
        ch('['),
        ch('s'),
        ch('a'),
        ch('x'),
        ch('/'),
        ch('n'),
        ch('N'),
        ch('t'),
        ch('}'),
        ch('{'),
        ch('?'),
        ch('m'),
        ch('y'),
        ch('\u{1b}'),
        ctrl('d'),
        ctrl('u'),
        ctrl('o'),
        key(KeyCode::Tab),
        key(KeyCode::BackTab),
        key(KeyCode::Enter),
        key(KeyCode::Esc),
        key(KeyCode::Backspace),
        key(KeyCode::Down),
        key(KeyCode::Up),
        key(KeyCode::PageDown),
        key(KeyCode::End),
    ];
    prop_oneof![
        2 => (0u16..=500, 0u16..=200).prop_map(|(w, h)| Action::Resize(w, h)),
        1 => (1u16..=12, 1u16..=8).prop_map(|(w, h)| Action::Resize(w, h)),
        5 => prop::sample::select(keys),
        1 => any::<char>().prop_map(ch),
    ]
}

/// Pieces of hostile article text.
fn hostile_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\u{1b}[31m".to_string()),
        Just("\u{1b}]52;c;cHduZWQ=\u{7}".to_string()),
        Just("\u{1b}]0;title\u{1b}\\".to_string()),
        Just("\u{1b}P+q\u{1b}\\".to_string()),
        Just("\u{9b}2J".to_string()),
        Just("\u{8}\u{7f}\u{0}\u{7}".to_string()),
        Just("\r\n".to_string()),
        Just("\r".to_string()),
        Just("\t".to_string()),
        Just("\u{202e}\u{2066}\u{2069}".to_string()),
        Just("\u{feff}".to_string()),
        Just("東京😀👍🏽".to_string()),
        Just("\u{301}\u{200d}".to_string()),
        Just("\n\n".to_string()),
        Just("\"We will pay $5 million,\" Jane Doe said. ".to_string()),
        Just("Mr. Lee pledged to build 3 schools. ".to_string()),
        "[A-Za-z]{1,12} ",
        "[a-z]{30,90}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
}

fn run_steps(mut a: App, steps: Vec<Action>) {
    let t = draw(&a);
    assert_inert(&t);
    for s in steps {
        a.update(s);
        let _ = a.take_effects();
        if a.quit {
            break;
        }
        assert_inert(&draw(&a));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Sizes from 0x0 to 500x200, resizes and keys in any order, over the
    /// hand-built documents: no panic, nothing raw on screen.
    #[test]
    fn any_size_and_key_sequence_draws(
        w in 0u16..=500,
        h in 0u16..=200,
        steps in prop::collection::vec(step(), 0..24),
    ) {
        let a = app(vec![small_doc(), hostile_names_doc(), Document::empty(String::new())], w, h);
        run_steps(a, steps);
    }

    /// The renderer over whatever the engine makes of hostile text (the
    /// proptest twin of the `render` fuzz target).
    #[test]
    fn engine_output_of_hostile_text_draws(
        text in hostile_text(),
        w in 1u16..=200,
        h in 1u16..=60,
        steps in prop::collection::vec(step(), 0..12),
    ) {
        let doc = byline::annotate(&text);
        doc.validate().unwrap();
        run_steps(app(vec![doc], w, h), steps);
    }

    /// The bytes a real backend sends never carry an article escape.
    #[test]
    fn terminal_bytes_never_carry_article_escapes(text in hostile_text(), w in 20u16..=160, h in 8u16..=50) {
        let mut a = app(vec![byline::annotate(&text)], w, h);
        assert_bytes_inert(&terminal_bytes(&a));
        a.update(ch(']'));
        a.update(ch('G'));
        assert_bytes_inert(&terminal_bytes(&a));
    }
}

#[test]
#[should_panic(expected = "ESC not followed by [")]
fn the_byte_check_catches_a_raw_osc() {
    // The checker itself: raw article bytes would fail it.
    assert_bytes_inert(b"\x1b[1;1Hok \x1b]52;c;eA==\x07");
}

#[test]
fn ten_megabyte_line_in_the_reader() {
    let doc = byline::engine::annotate_bytes(&vec![b'x'; 10 * 1024 * 1024], false).unwrap();
    let mut a = app(vec![doc], 120, 40);
    assert_inert(&draw(&a));
    a.update(ch('G'));
    let s = screen(&draw(&a));
    assert!(s.contains("100%"), "{s}");
    a.update(Action::Resize(33, 9));
    a.update(ch('g'));
    assert!(screen(&draw(&a)).contains("xxxxxxxx"));
}
