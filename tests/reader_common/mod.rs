//! Shared fixtures for the reader tests: hand-built documents (so the tests
//! do not depend on the engine's accuracy) and key helpers.
#![allow(dead_code)]

use byline::model::{Document, Entity, EntityKind, Mention, MentionForm, Meta, Pledge, Quote, QuoteKind, Span};
use byline::reader::{self, Action, App};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

/// The `n`th (0-based) occurrence of `needle` in `text`.
pub fn span_of(text: &str, needle: &str, n: usize) -> Span {
    let start = text.match_indices(needle).nth(n).unwrap_or_else(|| panic!("{needle:?} #{n} not in text")).0;
    Span::new(start, start + needle.len())
}

fn entity(id: usize, kind: EntityKind, name: &str, text: &str, forms: &[&str]) -> Entity {
    let mut mentions: Vec<Mention> = Vec::new();
    for form in forms {
        for (i, _) in text.match_indices(form) {
            let s = Span::new(i, i + form.len());
            let bounded = |p: usize| text[p..].chars().next().is_none_or(|c| !c.is_alphanumeric());
            let before_ok = i == 0 || !text[..i].chars().next_back().unwrap().is_alphanumeric();
            if before_ok && bounded(s.end) && !mentions.iter().any(|m| m.span().overlaps(s)) {
                mentions.push(Mention { start: s.start, end: s.end, form: MentionForm::Name });
            }
        }
    }
    mentions.sort_by_key(|m| m.start);
    Entity { id, kind, name: name.to_string(), titles: Vec::new(), mentions }
}

/// A quote whose content is `content` (the `n`th occurrence), with its marks.
fn quote(id: usize, text: &str, content: &str, n: usize, speaker: Option<usize>, kind: QuoteKind) -> Quote {
    let s = span_of(text, content, n);
    let open = text[..s.start].chars().next_back().filter(|c| matches!(c, '"' | '\u{201c}')).map_or(0, char::len_utf8);
    let close = text[s.end..].chars().next().filter(|c| matches!(c, '"' | '\u{201d}')).map_or(0, char::len_utf8);
    Quote {
        id,
        start: s.start,
        end: s.end,
        outer: Span::new(s.start - open, s.end + close),
        text: content.to_string(),
        speaker,
        cue: Some("said".into()),
        kind,
        with: Vec::new(),
    }
}

fn pledge(id: usize, text: &str, phrase: &str, actor: Option<usize>, amount: Option<&str>) -> Pledge {
    let s = span_of(text, phrase, 0);
    Pledge {
        id,
        start: s.start,
        end: s.end,
        text: phrase.to_string(),
        actor,
        action: phrase.to_string(),
        amount: amount.map(str::to_string),
    }
}

pub const SMALL_HEADLINE: &str = "Mayor vows to fix roads";

/// A small article: 3 direct quotes (2 by Ruiz, 1 by Okafor), 1 partial
/// quote, 4 entities, 2 pledges, and filler so it scrolls.
pub fn small_doc() -> Document {
    let mut text = String::from(
        "Mayor vows to fix roads\n\nBRIDGETON-- Mayor Ana Ruiz pledged Monday to repair 40 bridges and to spend $2 million on bike lanes.\n\n\"We will start in spring,\" Ruiz said. \"Nobody should wait another year.\"\n\nCouncil member Tom Okafor called the plan \"ambitious\" but welcomed it.\n\n\"It is a good first step,\" Okafor said.\n",
    );
    for i in 1..=30 {
        text.push_str(&format!("\nFiller paragraph number {i} talks about roads, lanes and the weather in general.\n"));
    }
    text.push_str("\nThe last line mentions zebra crossings.");
    let t = text.as_str();
    let entities = vec![
        entity(0, EntityKind::Person, "Ana Ruiz", t, &["Ana Ruiz", "Ruiz"]),
        entity(1, EntityKind::Person, "Tom Okafor", t, &["Tom Okafor", "Okafor"]),
        entity(2, EntityKind::Place, "Bridgeton", t, &["BRIDGETON"]),
        entity(3, EntityKind::Organization, "City Council", t, &["Council"]),
    ];
    let quotes = vec![
        quote(0, t, "We will start in spring,", 0, Some(0), QuoteKind::Direct),
        quote(1, t, "Nobody should wait another year.", 0, Some(0), QuoteKind::Direct),
        quote(2, t, "ambitious", 0, Some(1), QuoteKind::Partial),
        quote(3, t, "It is a good first step,", 0, Some(1), QuoteKind::Direct),
    ];
    let pledges = vec![
        pledge(0, t, "repair 40 bridges", Some(0), Some("40 bridges")),
        pledge(1, t, "spend $2 million on bike lanes", Some(0), Some("$2 million")),
    ];
    let meta = Meta {
        headline: Some(span_of(t, SMALL_HEADLINE, 0)),
        dateline: Some(span_of(t, "BRIDGETON", 0)),
        credit: None,
        ..Meta::default()
    };
    let doc = Document { meta, entities, quotes, pledges, ..Document::empty(text.clone()) };
    doc.validate().expect("fixture is valid");
    doc
}

/// The seed article annotated by hand from `tests/data/seed_gold.json`
/// (8 direct quotes, 3 partial, the gold entities and pledges).
pub fn seed_doc() -> Document {
    let text = byline::SEED_ARTICLE.to_string();
    let t = text.as_str();
    let gold: serde_json::Value =
        serde_json::from_str(include_str!("../data/seed_gold.json")).expect("gold json parses");
    let kind = |k: &str| match k {
        "person" => EntityKind::Person,
        "organization" => EntityKind::Organization,
        "place" => EntityKind::Place,
        "document" => EntityKind::Document,
        "event" => EntityKind::Event,
        _ => EntityKind::Other,
    };
    let mut entities = Vec::new();
    let mut names = Vec::new();
    for (id, e) in gold["entities"].as_array().unwrap().iter().enumerate() {
        let name = e["name"].as_str().unwrap();
        let mut forms: Vec<&str> = vec![name];
        forms.extend(e["aliases_in_text"].as_array().unwrap().iter().map(|a| a.as_str().unwrap()));
        forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
        entities.push(entity(id, kind(e["kind"].as_str().unwrap()), name, t, &forms));
        names.push(name.to_string());
    }
    // Longer names win: drop mentions that overlap one of a longer form.
    let all: Vec<(usize, Span)> =
        entities.iter().flat_map(|e| e.mentions.iter().map(move |m| (e.id, m.span()))).collect();
    for e in &mut entities {
        e.mentions
            .retain(|m| !all.iter().any(|(id, s)| *id != e.id && s.overlaps(m.span()) && s.len() > m.span().len()));
    }
    let id_of = |n: &str| names.iter().position(|x| x == n);
    let mut quotes = Vec::new();
    for q in gold["quotes"].as_array().unwrap() {
        let sp = q["span"].as_array().unwrap();
        let (s, e) = (sp[0].as_u64().unwrap() as usize, sp[1].as_u64().unwrap() as usize);
        let n = t.match_indices(&t[s..e]).position(|(i, _)| i == s).unwrap();
        let mut qq = quote(quotes.len(), t, &t[s..e], n, id_of(q["speaker"].as_str().unwrap()), QuoteKind::Direct);
        qq.cue = q["cue"].as_str().map(str::to_string);
        quotes.push(qq);
    }
    for q in gold["partial_quotes"].as_array().unwrap() {
        let sp = q["span"].as_array().unwrap();
        let (s, e) = (sp[0].as_u64().unwrap() as usize, sp[1].as_u64().unwrap() as usize);
        // Gold partial spans include the marks.
        quotes.push(Quote {
            id: quotes.len(),
            start: s + 1,
            end: e - 1,
            outer: Span::new(s, e),
            text: t[s + 1..e - 1].to_string(),
            speaker: id_of(q["attributed_to"].as_str().unwrap()),
            cue: None,
            kind: QuoteKind::Partial,
            with: Vec::new(),
        });
    }
    quotes.sort_by_key(|q| q.start);
    for (i, q) in quotes.iter_mut().enumerate() {
        q.id = i;
    }
    let pledges = gold["pledges"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let sp = p["span"].as_array().unwrap();
            let (s, e) = (sp[0].as_u64().unwrap() as usize, sp[1].as_u64().unwrap() as usize);
            Pledge {
                id: i,
                start: s,
                end: e,
                text: t[s..e].to_string(),
                actor: id_of(p["actor"].as_str().unwrap()),
                action: p["key_phrase"].as_str().unwrap().to_string(),
                amount: p["amount"].as_str().map(str::to_string),
            }
        })
        .collect();
    let meta = Meta {
        headline: Some(span_of(t, "S. Korea pledges leading role in supporting U.N. PKO missions", 0)),
        dateline: Some(span_of(t, "SEOUL", 0)),
        credit: Some(span_of(t, "Yonhap News Agency", 0)),
        ..Meta::default()
    };
    let doc = Document {
        source: Some(byline::SEED_NAME.to_string()),
        meta,
        entities,
        quotes,
        pledges,
        ..Document::empty(text.clone())
    };
    doc.validate().expect("seed fixture is valid");
    doc
}

/// A headless app over `docs` at `w` x `h`.
pub fn app(docs: Vec<Document>, w: u16, h: u16) -> App {
    reader::headless(docs, w, h)
}

/// A key event for a plain character.
pub fn ch(c: char) -> Action {
    Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

/// A key event for a named key.
pub fn key(code: KeyCode) -> Action {
    Action::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// Ctrl + a character.
pub fn ctrl(c: char) -> Action {
    Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL))
}

/// Types `s` one character at a time.
pub fn type_str(app: &mut App, s: &str) {
    for c in s.chars() {
        app.update(ch(c));
    }
}

/// Draws the app into a test terminal of its size.
pub fn draw(app: &App) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap();
    t.draw(|f| reader::view::render(app, f)).unwrap();
    t
}

/// The screen as text, one line per row (trailing spaces trimmed).
pub fn screen(t: &Terminal<TestBackend>) -> String {
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut line = String::new();
        let mut skip = 0;
        for x in 0..buf.area.width {
            if skip > 0 {
                skip -= 1;
                continue;
            }
            let sym = buf[(x, y)].symbol();
            skip = unicode_width::UnicodeWidthStr::width(sym).saturating_sub(1);
            line.push_str(sym);
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

/// The status bar (last row) as text.
pub fn status(app: &App) -> String {
    screen(&draw(app)).lines().last().unwrap_or("").to_string()
}

/// A headless app at `w` x `h` configured by the config text `src` (read
/// as `test.toml`), drawn with its theme (`no_color` as `NO_COLOR` would).
pub fn configured(src: &str, docs: Vec<Document>, w: u16, h: u16, no_color: bool) -> App {
    let cfg = reader::config::parse(src, "test.toml");
    let mut a = App::new(docs, cfg.options, cfg.theme(no_color)).with_config(&cfg);
    a.update(Action::Resize(w, h));
    a
}
