//! Arbitrary article text, terminal sizes and keys: the reader App built
//! over `byline::annotate(text)`, resized, driven and drawn into a
//! `TestBackend` must never panic, and no cell may hold a control character.
#![no_main]

use arbitrary::Arbitrary;
use byline::reader::{self, Action};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use libfuzzer_sys::fuzz_target;
use ratatui::backend::TestBackend;
use ratatui::Terminal;

#[derive(Debug, Arbitrary)]
enum Step {
    Resize(u16, u16),
    Char(char),
    Key(u8),
    Ctrl(char),
}

#[derive(Debug, Arbitrary)]
struct Input {
    text: String,
    width: u16,
    height: u16,
    steps: Vec<Step>,
}

const KEYS: [KeyCode; 12] = [
    KeyCode::Enter,
    KeyCode::Esc,
    KeyCode::Tab,
    KeyCode::BackTab,
    KeyCode::Up,
    KeyCode::Down,
    KeyCode::Left,
    KeyCode::Right,
    KeyCode::PageUp,
    KeyCode::PageDown,
    KeyCode::Home,
    KeyCode::End,
];

/// Sizes from 1x1 up to 500x200 (and 0 now and then).
fn size(w: u16, h: u16) -> (u16, u16) {
    (w % 501, h % 201)
}

fn draw(app: &reader::App) {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| reader::view::render(app, f)).unwrap();
    for cell in t.backend().buffer().content() {
        assert!(
            !cell.symbol().chars().any(|c| byline::sanitize::is_unsafe(c) || c == '\t'),
            "control character on screen: {:?}",
            cell.symbol()
        );
    }
}

fuzz_target!(|input: Input| {
    let doc = byline::annotate(&input.text);
    let (w, h) = size(input.width, input.height);
    let mut app = reader::headless(vec![doc], w, h);
    draw(&app);
    for step in input.steps.into_iter().take(64) {
        let action = match step {
            Step::Resize(w, h) => {
                let (w, h) = size(w, h);
                Action::Resize(w, h)
            }
            Step::Char(c) => Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)),
            Step::Ctrl(c) => Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)),
            Step::Key(k) => Action::Key(KeyEvent::new(KEYS[k as usize % KEYS.len()], KeyModifiers::NONE)),
        };
        app.update(action);
        let _ = app.take_effects();
        if app.quit {
            break;
        }
        draw(&app);
    }
});
