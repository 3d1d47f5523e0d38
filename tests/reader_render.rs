//! Render tests: draw a headless reader into ratatui's `TestBackend` and
//! check the buffer (text, cell styles, sizes down to 1x1).

mod reader_common;

use byline::model::{Document, Entity, EntityKind, Mention, MentionForm};
use byline::reader::Action;
use crossterm::event::{KeyCode, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use ratatui::style::{Color, Modifier};
use reader_common::*;

/// The (x, y) of the first cell showing `needle` on screen.
fn find(t: &ratatui::Terminal<ratatui::backend::TestBackend>, needle: &str) -> Option<(u16, u16)> {
    let s = screen(t);
    for (y, line) in s.lines().enumerate() {
        if let Some(byte) = line.find(needle) {
            let x = unicode_width::UnicodeWidthStr::width(&line[..byte]);
            return Some((x as u16, y as u16));
        }
    }
    None
}

#[test]
fn wide_layout_shows_all_panes() {
    let a = app(vec![seed_doc()], 120, 40);
    let s = screen(&draw(&a));
    assert!(s.contains("S. Korea pledges leading role in supporting U.N. PKO missions"));
    for want in [
        "Entities (18)",
        "Pledges 0/5",
        "person (6)",
        "Chung Eui-yong",
        "Suh Wook",
        "Antonio Guterres",
        "Catherine Pollard",
    ] {
        assert!(s.contains(want), "missing {want:?} in\n{s}");
    }
    assert!(s.contains("[ ] South Korea: offer 16 500MD"), "{s}");
    assert!(s.contains("Quotes: 8"), "{s}");
    assert!(!s.contains("anniversary"), "the end of the article is not on the first screen");
    insta::assert_snapshot!("seed_120x40", s);
}

#[test]
fn selected_quote_is_reversed_and_bold() {
    let mut a = app(vec![small_doc()], 120, 40);
    a.update(ch(']'));
    let t = draw(&a);
    let (x, y) = find(&t, "\"We will start").unwrap();
    let cell = &t.backend().buffer()[(x + 1, y)];
    assert_eq!(cell.symbol(), "W");
    assert!(cell.modifier.contains(Modifier::REVERSED | Modifier::BOLD), "{:?}", cell.modifier);
    // The next quote (not selected) is italic but not reversed.
    let (x, y) = find(&t, "Nobody").unwrap();
    let cell = &t.backend().buffer()[(x, y)];
    assert!(cell.modifier.contains(Modifier::ITALIC) && !cell.modifier.contains(Modifier::REVERSED));
    // Mentions are underlined.
    let (x, y) = find(&t, "Mayor Ana Ruiz").unwrap();
    assert!(t.backend().buffer()[(x + 6, y)].modifier.contains(Modifier::UNDERLINED));
    assert!(status(&a).contains("Quote 1/3 Ana Ruiz"), "{}", status(&a));
}

#[test]
fn monochrome_theme_draws_no_colour() {
    let mut a = app(vec![seed_doc()], 120, 40);
    a.update(ch(']'));
    let t = draw(&a);
    for cell in t.backend().buffer().content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
    }
}

#[test]
fn filter_is_shown_in_status() {
    let mut a = app(vec![seed_doc()], 120, 40);
    a.update(ch('s'));
    type_str(&mut a, "suh");
    a.update(key(KeyCode::Enter));
    a.update(ch(']'));
    let st = status(&a);
    assert!(st.contains("Quote 1/1 Suh Wook"), "{st}");
    assert!(st.contains("speaker: Suh Wook"), "{st}");
}

#[test]
fn picker_lists_speakers_with_counts() {
    let mut a = app(vec![seed_doc()], 120, 40);
    a.update(ch('s'));
    let s = screen(&draw(&a));
    assert!(s.contains("Chung Eui-yong") && s.contains("4 quotes"), "{s}");
    type_str(&mut a, "SUH");
    let s = screen(&draw(&a));
    assert!(s.contains("> SUH") && s.contains("1 quote"), "{s}");
    assert!(!s.contains("4 quotes"), "{s}");
}

#[test]
fn help_lists_every_key() {
    let mut a = app(vec![small_doc()], 120, 60);
    a.update(ch('?'));
    let s = screen(&draw(&a));
    for want in ["mouse capture", "Ctrl-O", "next direct quote", "tick / untick", "Shift-Tab", "search"] {
        assert!(s.contains(want), "help lacks {want:?}:\n{s}");
    }
}

#[test]
fn narrow_layout_hides_then_stacks_sidebars() {
    let mut a = app(vec![small_doc()], 60, 20);
    let s = screen(&draw(&a));
    assert!(s.contains(SMALL_HEADLINE) && !s.contains("Entities"), "{s}");
    insta::assert_snapshot!("small_60x20", s);
    a.update(key(KeyCode::Tab));
    a.update(key(KeyCode::Tab));
    let s = screen(&draw(&a));
    assert!(s.contains("Pledges 0/2") && s.contains("[ ] Ana Ruiz: repair 40 bridges"), "{s}");
    assert!(s.contains(SMALL_HEADLINE), "the article stays on top: {s}");
    a.update(ch('t'));
    a.update(key(KeyCode::Tab));
    let s = screen(&draw(&a));
    assert!(s.contains("Entities (4)") && s.contains("Pledges 0/2"), "t shows both: {s}");
}

#[test]
fn tiny_terminal_gets_a_note() {
    let a = app(vec![small_doc()], 20, 6);
    let s = screen(&draw(&a));
    assert!(s.contains("Terminal too"), "{s}");
}

#[test]
fn no_panic_at_any_small_size() {
    for (w, h) in [(1, 1), (0, 0), (1, 40), (200, 1), (30, 7), (31, 8), (80, 7), (79, 30), (5, 3), (120, 2)] {
        let mut a = app(vec![seed_doc(), small_doc(), Document::empty(String::new())], w, h);
        for act in
            [ch(']'), ch('G'), ch('s'), key(KeyCode::Esc), ch('?'), key(KeyCode::Esc), key(KeyCode::Tab), ch('j')]
        {
            a.update(act);
            draw(&a);
        }
        a.update(ch('}'));
        a.update(ch('}'));
        draw(&a);
    }
}

#[test]
fn control_characters_never_reach_the_screen() {
    let doc = Document::empty("Evil \u{1b}]52;c;aGk=\u{7} and \u{1b}[2J tab\there \u{202e}rev".into());
    let a = app(vec![doc], 80, 10);
    let t = draw(&a);
    let s = screen(&t);
    assert!(s.contains("Evil \u{241b}]52;c;aGk=\u{2407} and \u{241b}[2J tab    here \u{a6}rev"), "{s}");
    for cell in t.backend().buffer().content() {
        assert!(!cell.symbol().chars().any(|c| byline::sanitize::is_unsafe(c) || c == '\t'), "{:?}", cell.symbol());
    }
}

#[test]
fn wide_characters_take_two_columns() {
    let doc = Document::empty("日本語のテキストと絵文字😀をここに書きます。".repeat(3));
    let a = app(vec![doc], 40, 10);
    let s = screen(&draw(&a));
    // Article text is 36 columns wide at 40x10 (narrow layout, borders and padding).
    let first = s.lines().nth(1).unwrap();
    assert!(first.starts_with("│ 日本語のテキストと絵文字😀をここに書"), "{first}");
}

#[test]
fn width_cap_keeps_a_readable_column() {
    let a = app(vec![seed_doc()], 250, 30);
    assert_eq!(a.screen.text.width, 100);
    let s = screen(&draw(&a));
    assert!(s.lines().all(
        |l| !l.contains("equipping U.N. peacekeepers with advanced technologies and medical capacity as it hosted")
    ));
}

#[test]
fn headline_stays_in_the_title_when_scrolled() {
    let mut a = app(vec![seed_doc()], 120, 40);
    let s = screen(&draw(&a));
    assert!(s.lines().next().unwrap().contains("000_95e916f942a66a19.txt"), "at the top the title is the file");
    a.update(ch('G'));
    let s = screen(&draw(&a));
    let first = s.lines().next().unwrap();
    assert!(first.contains("S. Korea pledges leading role in supporting U.N. PKO missions"), "{first}");
    assert!(s.lines().nth(38).unwrap().contains("000_95e916f942a66a19.txt"), "the file moves to the bottom border");
}

#[test]
fn huge_line_without_spaces_renders_and_scrolls() {
    let mut a = app(vec![Document::empty("x".repeat(600_000))], 80, 24);
    a.update(ch('G'));
    let s = screen(&draw(&a));
    assert!(s.contains("100%"), "{s}");
    a.update(ch('k'));
    a.update(ch('/'));
    type_str(&mut a, "y");
    a.update(key(KeyCode::Enter));
    assert!(status(&a).contains("no match for y"));
}

/// A place named inside an organization's name: two mentions, one inside
/// the other (as the engine's names-inside-names stage makes them).
fn nested_doc() -> Document {
    let text = "Harbor news\n\nScientists at the University of Lisbon met on Friday.\n\nLisbon was warm for the NATO Survey Office.\n"
        .to_string();
    let at = |needle: &str, n: usize| span_of(&text, needle, n);
    let mention = |s: byline::model::Span| Mention { start: s.start, end: s.end, form: MentionForm::Name };
    let entity = |id: usize, kind: EntityKind, name: &str, mentions: Vec<Mention>| Entity {
        id,
        kind,
        name: name.into(),
        titles: vec![],
        mentions,
    };
    let org = entity(0, EntityKind::Organization, "University of Lisbon", vec![mention(at("University of Lisbon", 0))]);
    let place = entity(1, EntityKind::Place, "Lisbon", vec![mention(at("Lisbon", 0)), mention(at("Lisbon", 1))]);
    // An acronym that begins a name: both mentions start at the same byte.
    let office = entity(2, EntityKind::Organization, "NATO Survey Office", vec![mention(at("NATO Survey Office", 0))]);
    let nato = entity(3, EntityKind::Organization, "NATO", vec![mention(at("NATO", 0))]);
    let doc = Document { entities: vec![org, place, office, nato], ..Document::empty(text.clone()) };
    doc.validate().unwrap();
    doc
}

#[test]
fn nested_mentions_click_to_the_inner_one_and_stay_readable() {
    let mut a = app(vec![nested_doc()], 120, 30);
    a.theme = byline::reader::theme::Theme::colored();
    let click = |(x, y): (u16, u16)| {
        Action::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: x,
            row: y,
            modifiers: KeyModifiers::NONE,
        })
    };
    // (The sidebar lists the names too: find them in the article's line.)
    let (x, uy) = find(&draw(&a), "at the University of Lisbon").unwrap();
    let ux = x + 7;
    let lisbon = (ux + 14, uy);
    // A click on the inner name picks the place, not the organization.
    a.update(click(lisbon));
    assert_eq!(a.view().entity, Some(1));
    let t = draw(&a);
    let buf = t.backend().buffer();
    assert_eq!(buf[lisbon].symbol(), "L");
    assert_eq!(buf[lisbon].bg, Color::LightGreen, "the selected place");
    assert_eq!((buf[(ux, uy)].fg, buf[(ux, uy)].bg), (Color::LightGreen, Color::Reset), "the organization, plain");
    // A click on the outer name picks the organization: all of it is
    // selected, the place inside it too (dark on green, not green on green).
    a.update(click((ux, uy)));
    assert_eq!(a.view().entity, Some(0));
    let t = draw(&a);
    let buf = t.backend().buffer();
    for cell in [&buf[(ux, uy)], &buf[lisbon]] {
        assert_eq!((cell.fg, cell.bg), (Color::Black, Color::LightGreen));
    }
    // Two mentions from the same byte: the shorter, inner one.
    let (x, y) = find(&t, "for the NATO Survey").unwrap();
    a.update(click((x + 8, y)));
    assert_eq!(a.view().entity, Some(3));
    a.update(click((x + 14, y)));
    assert_eq!(a.view().entity, Some(2));
}

// ----- the config file: theme, warnings, keys -------------------------------

#[test]
fn a_theme_colour_from_the_config_shows_in_the_buffer() {
    let src = "[theme]\nselected_quote = { fg = \"black\", bg = \"#ff8800\", modifiers = [\"bold\"] }\n";
    let mut a = configured(src, vec![small_doc()], 120, 40, false);
    a.update(ch(']'));
    let t = draw(&a);
    let (x, y) = find(&t, "\"We will start").unwrap();
    let cell = &t.backend().buffer()[(x + 1, y)];
    assert_eq!((cell.symbol(), cell.bg, cell.fg), ("W", Color::Rgb(255, 136, 0), Color::Black));
    assert!(cell.modifier.contains(Modifier::BOLD));
}

#[test]
fn no_color_overrides_the_config_theme() {
    let src = "[theme]\nselected_quote = { bg = \"#ff8800\" }\nquote = { fg = \"red\" }\n";
    let mut a = configured(src, vec![small_doc()], 120, 40, true);
    a.update(ch(']'));
    let t = draw(&a);
    for cell in t.backend().buffer().content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
    }
    let (x, y) = find(&t, "\"We will start").unwrap();
    assert!(t.backend().buffer()[(x + 1, y)].modifier.contains(Modifier::REVERSED), "selection still shows");
}

#[test]
fn a_bad_config_is_one_warning_in_the_status_bar() {
    let src = "[keys]\nnext_qoute = [\"J\"]\n[theme]\nquote = { fg = \"blurple\" }\n";
    let mut a = configured(src, vec![small_doc()], 120, 40, true);
    let s = status(&a);
    assert!(s.contains("config test.toml, line 2: unknown action \"next_qoute\" in [keys] (and 1 more)"), "{s}");
    a.update(ch(']'));
    assert!(status(&a).contains("Quote 1/3"), "the defaults still work");
}

#[test]
fn the_help_shows_the_remapped_key() {
    let mut a = configured("[keys]\nnext_quote = [\"J\", \"Ctrl-n\"]\n", vec![small_doc()], 120, 40, true);
    a.update(ch('?'));
    let s = screen(&draw(&a));
    assert!(s.contains("J Ctrl-N") && s.contains("next direct quote"), "{s}");
}

#[test]
fn the_selected_pledge_shows_in_full_at_80x24() {
    let mut a = app(vec![seed_doc()], 80, 24);
    a.update(key(KeyCode::Tab));
    a.update(key(KeyCode::Tab));
    let r = a.screen.pledges.expect("a pledge pane at 80x24");
    let inner = byline::reader::layout::list_inner(r);
    let shown = |a: &byline::reader::App| {
        let t = draw(a);
        let buf = t.backend().buffer();
        let mut text = String::new();
        for y in inner.y..inner.y + inner.height {
            for x in inner.x..inner.x + inner.width {
                text.push_str(buf[(x, y)].symbol());
            }
            text.push(' ');
        }
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    for i in 0..a.view().doc.pledges.len() {
        let action = a.view().doc.pledges[i].action.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(usize::from(inner.width) < action.len() + 17, "the pane is narrower than the pledge");
        let s = shown(&a);
        assert!(s.contains(&action), "pledge {i} {action:?} in full:\n{s}");
        a.update(ch('j'));
    }
}
