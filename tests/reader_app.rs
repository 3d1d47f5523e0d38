//! Action/state tests: a headless `App` driven by key, mouse and resize
//! actions, asserting on its state. One test per key of the contract
//! (PRODUCT.md section 2), on hand-built documents.

mod reader_common;

use byline::model::Document;
use byline::reader::app::Overlay;
use byline::reader::keymap::Command;
use byline::reader::layout::Focus;
use byline::reader::{Action, Effect};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
use reader_common::*;

fn quote_text(a: &byline::reader::App) -> Option<String> {
    let v = a.view();
    v.quote.map(|q| v.doc.quotes[q].text.clone())
}

#[test]
fn j_k_and_arrows_scroll_a_line() {
    let mut a = app(vec![small_doc()], 80, 12);
    assert_eq!(a.view().top, 0);
    a.update(ch('j'));
    a.update(key(KeyCode::Down));
    assert_eq!(a.view().top, 2);
    let row2 = a.view().current_wrap().unwrap().rows[2].start();
    assert_eq!(a.view().anchor, row2, "the anchor is the top row's byte offset");
    a.update(ch('k'));
    assert_eq!(a.view().top, 1);
    a.update(key(KeyCode::Up));
    a.update(key(KeyCode::Up));
    assert_eq!(a.view().top, 0, "clamped at the top");
}

#[test]
fn space_pagedown_b_pageup_page() {
    let mut a = app(vec![small_doc()], 80, 12);
    let h = a.text_height();
    a.update(ch(' '));
    assert_eq!(a.view().top, h - 2);
    a.update(key(KeyCode::PageDown));
    assert_eq!(a.view().top, 2 * (h - 2));
    a.update(ch('b'));
    assert_eq!(a.view().top, h - 2);
    a.update(key(KeyCode::PageUp));
    assert_eq!(a.view().top, 0);
}

#[test]
fn ctrl_d_ctrl_u_half_page() {
    let mut a = app(vec![small_doc()], 80, 12);
    let h = a.text_height();
    a.update(ctrl('d'));
    assert_eq!(a.view().top, h / 2);
    a.update(ctrl('u'));
    assert_eq!(a.view().top, 0);
}

#[test]
fn g_home_top_and_shift_g_end_bottom() {
    let mut a = app(vec![small_doc()], 80, 12);
    let rows = a.view().current_wrap().unwrap().len();
    let h = a.text_height();
    a.update(ch('G'));
    assert_eq!(a.view().top, rows - h);
    a.update(ch('g'));
    assert_eq!(a.view().top, 0);
    a.update(key(KeyCode::End));
    assert_eq!(a.view().top, rows - h);
    a.update(key(KeyCode::Home));
    assert_eq!(a.view().top, 0);
}

#[test]
fn brackets_visit_direct_quotes_only() {
    let mut a = app(vec![small_doc()], 80, 12);
    a.update(ch(']'));
    assert_eq!(a.view().quote_position(), (1, 3));
    a.update(ch(']'));
    a.update(ch(']'));
    assert_eq!(a.view().quote_position(), (3, 3));
    assert_eq!(quote_text(&a).as_deref(), Some("It is a good first step,"), "the partial quote is skipped");
    a.update(ch(']'));
    assert_eq!(a.view().quote_position(), (3, 3), "no wrap past the last quote");
    assert_eq!(a.message.as_deref(), Some("last quote"));
    a.update(ch('['));
    assert_eq!(a.view().quote_position(), (2, 3));
}

#[test]
fn selecting_a_quote_scrolls_it_into_view() {
    let mut a = app(vec![small_doc()], 80, 8);
    let h = a.text_height();
    for _ in 0..3 {
        a.update(ch(']'));
    }
    let v = a.view();
    let q = &v.doc.quotes[v.quote.unwrap()];
    let row = v.current_wrap().unwrap().row_of(q.start);
    assert!(row >= v.top && row < v.top + h, "row {row} not in {}..{}", v.top, v.top + h);
}

#[test]
fn seed_has_eight_direct_quotes() {
    let mut a = app(vec![seed_doc()], 120, 40);
    for i in 1..=8 {
        a.update(ch(']'));
        assert_eq!(a.view().quote_position(), (i, 8));
    }
    a.update(ch('['));
    assert_eq!(a.view().quote_position(), (7, 8));
}

#[test]
fn s_opens_picker_typing_narrows_enter_picks_esc_cancels() {
    let mut a = app(vec![small_doc()], 80, 24);
    a.update(ch('s'));
    assert!(matches!(a.overlay, Some(Overlay::Picker { .. })));
    assert_eq!(a.picker_matches(""), vec![0, 1], "most quoted first");
    a.update(key(KeyCode::Esc));
    assert!(a.overlay.is_none());
    assert_eq!(a.view().filter, None, "Esc cancels");

    a.update(ch('s'));
    type_str(&mut a, "OKA");
    let Some(Overlay::Picker { query, .. }) = &a.overlay else { panic!() };
    assert_eq!(query, "OKA");
    assert_eq!(a.picker_matches(query), vec![1]);
    a.update(key(KeyCode::Backspace));
    a.update(key(KeyCode::Backspace));
    a.update(key(KeyCode::Backspace));
    a.update(key(KeyCode::Down));
    a.update(key(KeyCode::Down));
    a.update(key(KeyCode::Up));
    a.update(key(KeyCode::Down));
    a.update(key(KeyCode::Enter));
    assert!(a.overlay.is_none());
    assert_eq!(a.view().filter, Some(1));
    a.update(ch(']'));
    assert_eq!(a.view().quote_position(), (1, 1));
    assert_eq!(quote_text(&a).as_deref(), Some("It is a good first step,"));
}

#[test]
fn picker_keys_are_text_not_commands() {
    let mut a = app(vec![small_doc()], 80, 24);
    a.update(ch('s'));
    type_str(&mut a, "jq");
    assert!(!a.quit && matches!(a.overlay, Some(Overlay::Picker { .. })));
    assert_eq!(a.view().top, 0);
}

#[test]
fn filter_deselects_other_speakers_quote_and_a_clears() {
    let mut a = app(vec![small_doc()], 80, 24);
    a.update(ch(']'));
    a.update(ch('s'));
    type_str(&mut a, "tom");
    a.update(key(KeyCode::Enter));
    assert_eq!(a.view().quote, None);
    a.update(ch('a'));
    assert_eq!(a.view().filter, None);
    a.update(ch(']'));
    assert_eq!(a.view().quote_position().1, 3);
}

#[test]
fn tab_and_shift_tab_cycle_focus() {
    let mut a = app(vec![small_doc()], 120, 40);
    assert_eq!(a.focus, Focus::Article);
    a.update(key(KeyCode::Tab));
    assert_eq!(a.focus, Focus::Entities);
    assert_eq!(a.view().entity, Some(0), "focusing the list highlights its entity");
    a.update(key(KeyCode::Tab));
    assert_eq!(a.focus, Focus::Pledges);
    a.update(key(KeyCode::Tab));
    assert_eq!(a.focus, Focus::Article);
    a.update(Action::Key(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)));
    assert_eq!(a.focus, Focus::Pledges);
}

#[test]
fn lists_move_with_j_k_and_leave_the_article_alone() {
    let mut a = app(vec![small_doc()], 120, 40);
    a.update(key(KeyCode::Tab));
    a.update(ch('j'));
    assert_eq!(a.view().entity_cursor, 1);
    assert_eq!(a.view().entity, Some(1));
    a.update(ch('G'));
    assert_eq!(a.view().entity_cursor, 3);
    a.update(ch('g'));
    a.update(ch('k'));
    assert_eq!(a.view().entity_cursor, 0);
    assert_eq!(a.view().top, 0);
}

#[test]
fn enter_on_entity_filters_and_walks_mentions() {
    let mut a = app(vec![small_doc()], 120, 40);
    a.update(key(KeyCode::Tab));
    a.update(key(KeyCode::Enter));
    assert_eq!(a.view().filter, Some(0), "a speaker's Enter sets the filter");
    assert_eq!(a.view().mention, Some(0));
    assert!(a.message.as_deref().unwrap().contains("mention 1/2"));
    a.update(key(KeyCode::Enter));
    assert_eq!(a.view().mention, Some(1));
    a.update(key(KeyCode::Enter));
    assert_eq!(a.view().mention, Some(0), "cycles");
    // An entity without quotes highlights but does not filter.
    a.update(ch('G'));
    a.update(key(KeyCode::Enter));
    assert_eq!(a.view().entity, Some(2));
    assert_eq!(a.view().filter, Some(0));
}

#[test]
fn enter_on_pledge_jumps_to_it() {
    let mut a = app(vec![small_doc()], 120, 40);
    a.update(ch('G'));
    a.update(key(KeyCode::Tab));
    a.update(key(KeyCode::Tab));
    a.update(ch('j'));
    a.update(key(KeyCode::Enter));
    let v = a.view();
    let row = v.current_wrap().unwrap().row_of(v.doc.pledges[1].start);
    assert!(row >= v.top && row < v.top + a.text_height());
    a.update(ctrl('o'));
    assert!(a.view().top > 0, "Ctrl-O goes back to the bottom");
}

#[test]
fn x_and_space_tick_and_queue_a_save() {
    let mut a = app(vec![small_doc()], 120, 40);
    a.update(ch('x'));
    assert!(a.view().is_ticked(0), "x ticks from any pane");
    let key0 = a.view().index.pledge_keys[0].clone();
    let effects = a.take_effects();
    assert_eq!(
        effects,
        vec![Effect::SaveTick { doc: 0, key: a.view().key().to_string(), pledge: key0.clone(), ticked: true }]
    );
    a.update(key(KeyCode::Tab));
    a.update(key(KeyCode::Tab));
    a.update(ch(' '));
    assert!(!a.view().is_ticked(0), "Space in the pledge pane unticks");
    assert_eq!(a.view().top, 0, "Space did not page the article");
    a.update(ch('j'));
    a.update(ch(' '));
    assert!(a.view().is_ticked(1));
    assert_eq!(a.take_effects().len(), 2);
    let s = screen(&draw(&a));
    assert!(s.contains("[ ] Ana Ruiz: repair 40 bridges") && s.contains("[x] Ana Ruiz: spend $2 million"), "{s}");
}

#[test]
fn slash_searches_with_count_and_n_n_step() {
    let mut a = app(vec![small_doc()], 80, 12);
    a.update(ch('/'));
    assert_eq!(a.prompt.as_deref(), Some(""));
    type_str(&mut a, "roads");
    a.update(key(KeyCode::Enter));
    assert!(a.prompt.is_none());
    let s = a.view().search.clone().unwrap();
    assert_eq!(s.matches.len(), 31);
    assert_eq!(s.current, Some(0));
    assert!(status(&a).contains("/roads: 1/31 matches"), "{}", status(&a));
    a.update(ch('n'));
    a.update(ch('n'));
    assert_eq!(a.view().search.as_ref().unwrap().current, Some(2));
    let v = a.view();
    let row = v.current_wrap().unwrap().row_of(v.search.as_ref().unwrap().matches[2].start);
    assert!(row >= v.top && row < v.top + a.text_height());
    a.update(ch('N'));
    assert_eq!(a.view().search.as_ref().unwrap().current, Some(1));
    a.update(key(KeyCode::Esc));
    assert!(a.view().search.is_none(), "Esc clears the search highlight");
    // Esc in the prompt cancels without searching.
    a.update(ch('/'));
    type_str(&mut a, "zebra");
    a.update(key(KeyCode::Esc));
    assert!(a.prompt.is_none() && a.view().search.is_none());
}

#[test]
fn search_finds_the_end_of_the_seed() {
    let mut a = app(vec![seed_doc()], 120, 40);
    a.update(ch('/'));
    type_str(&mut a, "anniversary");
    a.update(key(KeyCode::Enter));
    assert!(screen(&draw(&a)).contains("accession"));
}

#[test]
fn ctrl_o_goes_back_before_the_last_jump() {
    let mut a = app(vec![small_doc()], 80, 12);
    a.update(ch('j'));
    let before = a.view().anchor;
    a.update(ch('G'));
    assert_ne!(a.view().anchor, before);
    a.update(ctrl('o'));
    assert_eq!(a.view().anchor, before);
    a.update(ctrl('o'));
    assert_eq!(a.view().anchor, before, "nothing left to go back to");
}

#[test]
fn y_copies_the_quote_with_attribution_sanitized() {
    let mut doc = small_doc();
    doc.quotes[0].text = "We will \u{1b}]52;c;evil\u{7} start".into();
    let mut a = app(vec![doc], 80, 12);
    a.update(ch('y'));
    assert!(a.take_effects().is_empty(), "nothing selected, nothing copied");
    a.update(ch(']'));
    a.update(ch('y'));
    let e = a.take_effects();
    assert_eq!(
        e,
        vec![Effect::Copy(
            "\u{201c}We will \u{241b}]52;c;evil\u{2407} start\u{201d} \u{2014} Ana Ruiz, in \u{201c}Mayor vows to fix roads\u{201d}"
                .into()
        )]
    );
}

#[test]
fn y_copies_the_quote_with_its_speaker_title_and_source() {
    let mut doc = small_doc();
    doc.source = Some("news/roads \u{1b}[31m.txt".into());
    let mut a = app(vec![doc], 80, 12);
    a.update(ch(']'));
    a.update(ch('y'));
    let Some(Effect::Copy(text)) = a.take_effects().pop() else { panic!("y copies") };
    assert_eq!(
        text,
        "\u{201c}We will start in spring,\u{201d} \u{2014} Ana Ruiz, in \u{201c}Mayor vows to fix roads\u{201d} (news/roads \u{241b}[31m.txt)"
    );
    assert!(a.message.as_deref().is_some_and(|m| m.contains("source")));
}

#[test]
fn m_toggles_mouse_capture() {
    let mut a = app(vec![small_doc()], 80, 12);
    assert!(a.mouse);
    a.update(ch('m'));
    assert!(!a.mouse);
    assert_eq!(a.take_effects(), vec![Effect::SetMouse(false)]);
    a.update(Action::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 5,
        row: 5,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(a.view().top, 0, "no mouse while capture is off");
    a.update(ch('m'));
    assert_eq!(a.take_effects(), vec![Effect::SetMouse(true)]);
}

#[test]
fn question_mark_opens_help_and_esc_closes_topmost() {
    let mut a = app(vec![small_doc()], 80, 12);
    a.update(ch('?'));
    assert_eq!(a.overlay, Some(Overlay::Help { scroll: 0 }));
    a.update(ch('j'));
    assert_eq!(a.overlay, Some(Overlay::Help { scroll: 1 }));
    assert_eq!(a.view().top, 0, "keys go to the overlay, not the article");
    a.update(ch('q'));
    assert!(a.overlay.is_none() && !a.quit, "q closes the help first");
    a.update(ch('?'));
    a.update(key(KeyCode::Esc));
    assert!(a.overlay.is_none());
}

#[test]
fn q_and_ctrl_c_quit() {
    let mut a = app(vec![small_doc()], 80, 12);
    a.update(ch('q'));
    assert!(a.quit);
    let mut a = app(vec![small_doc()], 80, 12);
    a.update(ch('s'));
    a.update(ctrl('c'));
    assert!(a.quit, "Ctrl-C quits from anywhere");
}

#[test]
fn braces_switch_articles_each_with_its_own_view() {
    let mut a = app(vec![small_doc(), seed_doc()], 120, 40);
    a.update(ch(']'));
    a.update(ch('}'));
    assert_eq!(a.current, 1);
    assert_eq!(a.view().quote, None);
    assert_eq!(a.view().quote_position().1, 8);
    a.update(ch('}'));
    assert_eq!(a.current, 0);
    assert_eq!(a.view().quote_position(), (1, 3));
    a.update(ch('{'));
    assert_eq!(a.current, 1);
}

#[test]
fn t_toggles_sidebars() {
    let mut a = app(vec![small_doc()], 120, 40);
    assert!(a.screen.entities.is_some());
    a.update(ch('t'));
    assert!(a.screen.entities.is_none() && a.screen.pledges.is_none());
    a.update(ch('t'));
    assert!(a.screen.entities.is_some());
}

#[test]
fn resize_keeps_the_reading_position() {
    let mut a = app(vec![seed_doc()], 120, 40);
    for _ in 0..20 {
        a.update(ch('j'));
    }
    let anchor = a.view().anchor;
    for (w, h) in [(80, 24), (20, 6), (1, 1), (0, 0), (200, 60), (120, 40)] {
        a.update(Action::Resize(w, h));
        draw(&a);
    }
    assert_eq!(a.view().anchor, anchor);
    assert_eq!(a.view().top, 20);
    a.update(Action::Resize(60, 40));
    let v = a.view();
    let row = v.current_wrap().unwrap().rows[v.top];
    assert!(row.start() <= anchor && anchor <= row.end() + 1, "the top row still holds the anchor");
}

#[test]
fn mouse_wheel_scrolls_the_pane_under_the_pointer() {
    let mut a = app(vec![small_doc()], 120, 40);
    let wheel = |col, row| {
        Action::Mouse(MouseEvent { kind: MouseEventKind::ScrollDown, column: col, row, modifiers: KeyModifiers::NONE })
    };
    a.update(wheel(10, 10));
    assert_eq!(a.view().top, 3);
    let ent = a.screen.entities.unwrap();
    a.update(wheel(ent.x + 2, ent.y + 2));
    assert_eq!(a.view().entity_cursor, 1);
    assert_eq!(a.view().top, 3);
}

#[test]
fn mouse_click_selects_quote_entity_and_pledge() {
    let mut a = app(vec![small_doc()], 120, 40);
    let click = |col, row| {
        Action::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: col,
            row,
            modifiers: KeyModifiers::NONE,
        })
    };
    // Row 6 of the text holds `"We will start in spring," Ruiz said.`
    let t = a.screen.text;
    a.update(click(t.x + 3, t.y + 6));
    assert_eq!(quote_text(&a).as_deref(), Some("We will start in spring,"));
    // Clicking a mention highlights its entity.
    a.update(click(t.x + 28, t.y + 6));
    assert_eq!(a.view().entity, Some(0));
    // Entities: row 0 is the "person" heading, row 2 is Tom Okafor.
    let ent = a.screen.entities.unwrap();
    a.update(click(ent.x + 4, ent.y + 3));
    assert_eq!(a.focus, Focus::Entities);
    assert_eq!(a.view().cursor_entity(), Some(1));
    // Pledges: clicking the checkbox ticks (the selected pledge is wrapped
    // in full, so the second pledge is below its rows).
    let pl = a.screen.pledges.unwrap();
    let inner = byline::reader::layout::list_inner(pl);
    let rows = byline::reader::view::pledge_rows(a.view(), usize::from(inner.width), usize::from(inner.height));
    assert_eq!(rows[1].0, 1);
    a.update(click(pl.x + 2, inner.y + rows[0].1.len() as u16));
    assert_eq!(a.focus, Focus::Pledges);
    assert_eq!(a.view().pledge_cursor, 1);
    assert!(a.view().is_ticked(1));
}

#[test]
fn commands_can_be_sent_directly() {
    let mut a = app(vec![small_doc()], 80, 12);
    a.update(Action::Command(Command::NextQuote));
    assert_eq!(a.view().quote_position(), (1, 3));
}

#[test]
fn empty_document_is_harmless() {
    let mut a = app(vec![Document::empty(String::new())], 80, 24);
    for act in [ch(']'), ch('['), ch('s'), ch('x'), ch('y'), ch('/'), key(KeyCode::Enter), ch('n'), ch('G'), ctrl('o')]
    {
        a.update(act);
        draw(&a);
    }
    a.update(key(KeyCode::Tab));
    a.update(key(KeyCode::Enter));
    assert!(status(&a).contains("Quotes: 0"));
}

#[test]
fn nothing_is_wrapped_until_there_is_room() {
    let mut a = byline::reader::App::new(
        vec![small_doc()],
        byline::reader::Options::default(),
        byline::reader::theme::Theme::monochrome(),
    );
    assert!(a.view().current_wrap().is_none());
    a.update(Action::Resize(1, 1));
    assert!(a.view().current_wrap().is_none(), "a 1x1 terminal shows no text, so nothing is wrapped");
    a.update(Action::Resize(80, 24));
    assert_eq!(a.view().current_wrap().unwrap().width, usize::from(a.screen.text.width));
}

// ----- the config file and the one input router ---------------------------

#[test]
fn a_remapped_key_works_and_the_help_and_hints_show_it() {
    let mut a = configured("[keys]\nnext_quote = [\"J\"]\n", vec![small_doc()], 120, 40, true);
    a.update(ch(']'));
    assert_eq!(a.view().quote, None, "] is no longer bound");
    a.update(ch('J'));
    assert_eq!(a.view().quote_position(), (1, 3));
    let help = a.keymap.help_lines();
    assert!(help.iter().any(|(_, k, d)| k == "J" && d.starts_with("next direct quote")), "{help:?}");
    assert!(status(&a).contains("J quote"), "{}", status(&a));
    a.update(ch('[')); // prev_quote keeps its key
    assert_eq!(a.view().quote_position().0, 1, "first quote");
}

#[test]
fn the_vim_preset_goes_to_the_top_with_gg() {
    let mut a = configured("preset = \"vim\"\n", vec![small_doc()], 80, 12, true);
    a.update(ch('G'));
    let bottom = a.view().top;
    assert!(bottom > 0);
    a.update(ch('g'));
    assert_eq!(a.view().top, bottom, "g waits for the second key");
    a.update(ch('g'));
    assert_eq!(a.view().top, 0);
    // g then another key: the pair means nothing, so the key acts alone.
    a.update(ch('g'));
    a.update(ch('j'));
    assert_eq!(a.view().top, 1);
    a.update(ctrl('e'));
    assert_eq!(a.view().top, 2, "Ctrl-E scrolls a line in vim");
}

#[test]
fn commands_take_the_same_route_as_keys() {
    let mut a = app(vec![small_doc()], 80, 12);
    assert_eq!(a.layers(), vec![byline::reader::app::Layer::Global]);
    a.update(ch('?'));
    assert_eq!(a.layers(), vec![byline::reader::app::Layer::Help]);
    a.update(Action::Command(Command::NextQuote));
    assert_eq!(a.view().quote, None, "the help overlay keeps what it does not use");
    a.update(key(KeyCode::Esc));
    a.update(Action::Command(Command::NextQuote));
    assert_eq!(a.view().quote_position(), (1, 3));
    a.update(key(KeyCode::Tab));
    a.update(key(KeyCode::Tab));
    let layers = a.layers();
    assert_eq!(layers.first(), Some(&byline::reader::app::Layer::Pledges), "{layers:?}");
}

#[test]
fn reader_settings_set_the_start() {
    let a = configured("[reader]\nmouse = false\nsidebars = false\nwidth = 40\n", vec![small_doc()], 120, 40, true);
    assert!(!a.mouse);
    assert!(a.screen.entities.is_none() && a.screen.pledges.is_none());
    assert!(a.screen.text.width <= 40);
}

#[test]
fn a_broken_config_keeps_the_default_keys() {
    let mut a = configured("[keys\nnext_quote = [\"J\"]\n", vec![small_doc()], 120, 40, true);
    assert!(a.config_warning.as_deref().is_some_and(|w| w.starts_with("config test.toml, line 1:")));
    a.update(ch(']'));
    assert_eq!(a.view().quote_position(), (1, 3));
}

#[test]
fn a_long_article_is_wrapped_as_far_as_shown_then_when_idle() {
    let para = "The harbour board said the ferry would run again in May. \u{201c}We will,\u{201d} it said.\n\n";
    let text = format!("Ferry news\n\n{}", para.repeat(4000));
    let mut a = app(vec![Document::empty(text.clone())], 80, 12);
    let whole = byline::reader::wrap::wrap(&text, &a.view().doc.meta, usize::from(a.screen.text.width));
    let w = a.view().current_wrap().unwrap();
    assert!(!w.complete() && w.len() < whole.len() / 2, "only the start is wrapped: {} rows", w.len());
    assert_eq!(w.rows[..], whole.rows[..w.len()]);
    let shown = a.view().top..a.view().top + a.text_height();
    assert!(w.len() >= shown.end);
    // Idle work finishes the wrap; the view does not move.
    while a.wants_idle() {
        a.update(Action::Idle);
    }
    assert_eq!(a.view().current_wrap().unwrap(), &whole);
    assert_eq!(a.view().top, 0);
    // `G` before the idle work is done wraps to the end at once.
    let mut b = app(vec![Document::empty(text)], 80, 12);
    b.update(ch('G'));
    assert_eq!(b.view().top, whole.len() - b.text_height());
    assert!(!b.wants_idle());
}
