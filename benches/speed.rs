//! Speed benchmarks (PRODUCT.md section 6): annotation throughput, drawing a
//! frame of a 5 MB article, the first frame after a resize, and quote jumps
//! and the speaker filter on a document with 10,000 quotes; the folder's
//! speaker index over 2,000 generated articles and the picker opening on it.
//!
//! `cargo bench --bench speed` (short measurement times are set below; add
//! `-- NAME` to run some). The inputs are generated (see `gen/`).

use std::hint::black_box;
use std::time::Duration;

use byline::model::Document;
use byline::reader::keymap::Command;
use byline::reader::store::ArticleState;
use byline::reader::{self, Action, App};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::backend::TestBackend;
use ratatui::Terminal;

mod gen;

/// The 5 MB article, annotated once for the reader benchmarks.
fn big_doc() -> Document {
    byline::annotate(&gen::article(5, 5 << 20))
}

fn key(c: char) -> Action {
    Action::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
}

fn frame(app: &App, term: &mut Terminal<TestBackend>) {
    term.draw(|f| reader::view::render(app, f)).unwrap();
}

fn term(app: &App) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(app.size.0, app.size.1)).unwrap()
}

fn annotation(c: &mut Criterion) {
    let mut g = c.benchmark_group("annotate");
    let inputs = [
        ("seed", byline::SEED_ARTICLE.to_string(), 20),
        ("news_200k", gen::article(2, 200 << 10), 10),
        ("article_5mb", gen::article(5, 5 << 20), 10),
    ];
    for (name, text, samples) in inputs {
        g.throughput(Throughput::Bytes(text.len() as u64));
        g.sample_size(samples);
        g.bench_function(name, |b| b.iter(|| byline::annotate(black_box(&text))));
    }
    g.finish();
}

fn drawing(c: &mut Criterion) {
    let doc = big_doc();
    let len = doc.text.len();
    let mut g = c.benchmark_group("draw_5mb_200x60");
    g.sample_size(50);
    // The same frame of the seed article: what a frame costs whatever the size.
    let mut seed = byline::annotate(byline::SEED_ARTICLE);
    seed.source = Some(byline::SEED_NAME.into());
    let small = reader::headless(vec![seed], 200, 60);
    let mut t = term(&small);
    g.bench_function("seed_for_reference", |b| b.iter(|| frame(&small, &mut t)));
    for (name, at) in [("top", 0), ("middle", len / 2), ("end", usize::MAX)] {
        let mut app = reader::headless(vec![doc.clone()], 200, 60);
        if at == usize::MAX {
            app.update(Action::Command(Command::Bottom));
        } else {
            let state = ArticleState { position: at, ..ArticleState::default() };
            app.update(Action::Restored { doc: 0, state, warning: None });
        }
        let mut t = term(&app);
        g.bench_function(name, |b| b.iter(|| frame(&app, &mut t)));
    }
    // A key press: scroll a line (alternating down and up) and redraw.
    let mut app = reader::headless(vec![doc.clone()], 200, 60);
    let state = ArticleState { position: len / 2, ..ArticleState::default() };
    app.update(Action::Restored { doc: 0, state, warning: None });
    let mut t = term(&app);
    let mut down = true;
    g.bench_function("key_j_k_and_frame", |b| {
        b.iter(|| {
            app.update(key(if down { 'j' } else { 'k' }));
            down = !down;
            frame(&app, &mut t);
        })
    });
    g.finish();

    // The first frame after a width change: a new wrap, as far as the screen
    // needs it (the rest is wrapped when the reader is idle). Widths cycle
    // through more than the wrap cache holds, so each is new.
    let mut g = c.benchmark_group("resize_5mb");
    g.sample_size(10);
    let mut app = reader::headless(vec![doc], 200, 60);
    let widths: Vec<u16> = (100..150).collect();
    let mut i = 0;
    g.bench_function("first_frame_after_width_change", |b| {
        b.iter(|| {
            let w = widths[i % widths.len()];
            i += 1;
            app.update(Action::Resize(w, 60));
            let mut t = Terminal::new(TestBackend::new(w, 60)).unwrap();
            frame(&app, &mut t);
        })
    });
    g.finish();
}

fn quotes(c: &mut Criterion) {
    let doc = gen::quotes_doc(10_000, 40);
    assert_eq!(doc.quotes.len(), 10_000);
    let mut g = c.benchmark_group("quotes_10k");
    g.sample_size(50);
    let mut app = reader::headless(vec![doc], 200, 60);
    let mut t = term(&app);
    // `]` through the quotes, then `[` back, and so on.
    let step = |app: &mut App, forward: &mut bool| {
        let (i, n) = app.view().quote_position();
        if i == n {
            *forward = false;
        } else if i <= 1 {
            *forward = true;
        }
        app.update(key(if *forward { ']' } else { '[' }));
    };
    let mut forward = true;
    g.bench_function("next_quote_and_frame", |b| {
        b.iter(|| {
            step(&mut app, &mut forward);
            frame(&app, &mut t);
        })
    });
    // The key alone, without drawing: the lookups a key press does.
    let mut forward = true;
    g.bench_function("next_quote_update_only", |b| b.iter(|| step(&mut app, &mut forward)));
    // s, type a name, Enter: the filter; a jump within it; a clears it.
    g.bench_function("speaker_filter_pick_and_frame", |b| {
        b.iter(|| {
            app.update(key('s'));
            for ch in "okafor1".chars() {
                app.update(key(ch));
            }
            app.update(Action::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)));
            app.update(key(']'));
            frame(&app, &mut t);
            app.update(key('a'));
        })
    });
    g.bench_function("filtered_quote_jump_and_frame", |b| {
        app.update(key('s'));
        for ch in "okafor1".chars() {
            app.update(key(ch));
        }
        app.update(Action::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)));
        let mut back = true;
        b.iter(|| {
            let (i, n) = app.view().quote_position();
            if i == n {
                back = true;
            } else if i <= 1 {
                back = false;
            }
            app.update(key(if back { '[' } else { ']' }));
            frame(&app, &mut t);
        })
    });
    g.finish();
}

/// The speakers across a folder of 2,000 generated articles (about 6 KB
/// each): reading each article's speakers (done once as it arrives), joining
/// them across the folder, and `s` in the list with its frame (the join
/// included, as when the last article has just arrived).
fn folder(c: &mut Criterion) {
    use byline::across::{ArticleSpeakers, Index};
    let docs: Vec<Document> = (0..2000).map(|i| byline::annotate(&gen::article(1000 + i, 6 << 10))).collect();
    let records: Vec<ArticleSpeakers> = docs.iter().map(ArticleSpeakers::of).collect();
    let mut g = c.benchmark_group("folder_2000");
    g.sample_size(20);
    g.bench_function("read_speakers_of_each_article", |b| {
        b.iter(|| docs.iter().map(ArticleSpeakers::of).collect::<Vec<_>>())
    });
    g.bench_function("join_across_articles", |b| b.iter(|| Index::build(black_box(&records).iter().enumerate())));
    let paths: Vec<String> = (0..docs.len()).map(|i| format!("news/{i:04}.txt")).collect();
    let mut app = App::with_library(&paths, reader::Options::default(), reader::theme::Theme::monochrome());
    app.update(Action::Resize(200, 60));
    for (i, d) in docs.into_iter().enumerate() {
        app.update(Action::Loaded { doc: i, document: Box::new(d) });
    }
    let mut t = term(&app);
    g.bench_function("picker_opens_and_frame", |b| {
        b.iter(|| {
            if let Some(lib) = &mut app.library {
                lib.indexed = None;
            }
            app.update(key('s'));
            frame(&app, &mut t);
            app.update(Action::Key(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)));
        })
    });
    let n = app.library.as_ref().map_or(0, |l| l.index.speakers.len());
    eprintln!("folder_2000: {n} speakers across the folder");
    g.finish();
}

fn config() -> Criterion {
    Criterion::default().warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(3))
}

criterion_group! {
    name = benches;
    config = config();
    targets = annotation, drawing, quotes, folder
}
criterion_main!(benches);
