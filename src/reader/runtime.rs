//! The terminal side: raw mode and the alternate screen, the event loop, the
//! effects `update` asks for, and restoring the terminal on every path
//! (quit, error, panic, SIGTERM/SIGHUP/SIGINT).

use std::io::{self, BufWriter, Stdout, Write};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError};
use std::sync::{Arc, Once};
use std::time::Duration;

use anyhow::Context as _;
use crossterm::clipboard::CopyToClipboard;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::terminal::{
    self, BeginSynchronizedUpdate, EndSynchronizedUpdate, EnterAlternateScreen, LeaveAlternateScreen,
};
use crossterm::{cursor, execute, queue};
use ratatui::backend::CrosstermBackend;
use ratatui::Terminal;

use super::app::{Action, App, Effect};
use super::backend::BottomUp;
use super::config::Config;
use super::library::Loaded;
use super::store::Store;
use super::view::render;
use crate::model::Document;

/// Test hook: when this environment variable is set, the reader panics right
/// after its first frame, so a test can check the panic hook restores the
/// terminal. Never set it otherwise.
pub const TEST_PANIC_ENV: &str = "BYLINE_TEST_PANIC";

/// How often the loop wakes without input to check for signals. Nothing is
/// redrawn on these wake-ups.
const SIGNAL_POLL: Duration = Duration::from_millis(200);

/// Bytes buffered before a write to the terminal (more than a full frame).
const FRAME_BUFFER: usize = 1 << 18;

/// The terminal the reader draws on.
type Term = Terminal<BottomUp<CrosstermBackend<BufWriter<Stdout>>>>;

/// True while the terminal is in raw mode / the alternate screen.
static ACTIVE: AtomicBool = AtomicBool::new(false);
static PANIC_HOOK: Once = Once::new();

/// Puts the terminal back: mouse capture off, main screen, cursor shown,
/// cooked mode. Safe to call more than once and from the panic hook.
pub fn restore_terminal() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let mut out = io::stdout();
        let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, cursor::Show);
        let _ = terminal::disable_raw_mode();
        let _ = out.flush();
    }
}

/// How long the event loop gets to stop by itself after a signal before the
/// watchdog restores the terminal and exits.
const SIGNAL_GRACE: Duration = Duration::from_millis(600);

/// Watches for SIGTERM/SIGHUP/SIGINT and for a terminal that hung up.
///
/// On a signal it asks the event loop to stop (so the reading position is
/// saved); if the loop does not stop within [`SIGNAL_GRACE`], or the terminal
/// is gone (crossterm then spins on end-of-file and never returns), it
/// restores what it can and exits. Ticks are saved as they are made, so
/// nothing the user did is lost.
fn spawn_watchdog(stop: Arc<AtomicBool>) -> anyhow::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals =
        signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT]).context("cannot watch for signals")?;
    let tty = TtyWatch::open();
    std::thread::Builder::new()
        .name("byline-watchdog".into())
        .spawn(move || {
            let mut signalled: Option<(i32, std::time::Instant)> = None;
            loop {
                if let Some(sig) = signals.pending().next() {
                    stop.store(true, Ordering::SeqCst);
                    signalled.get_or_insert((sig, std::time::Instant::now()));
                }
                let hung_up = tty.as_ref().is_some_and(TtyWatch::hung_up);
                let overdue = signalled.is_some_and(|(_, at)| at.elapsed() > SIGNAL_GRACE);
                if hung_up || overdue {
                    restore_terminal();
                    std::process::exit(128 + signalled.map_or(SIGHUP, |(s, _)| s));
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        })
        .context("cannot start the signal watchdog")?;
    Ok(())
}

/// The terminal the keys come from, watched for a hang-up.
struct TtyWatch(std::os::fd::OwnedFd);

impl TtyWatch {
    /// Standard input when it is the terminal, else `/dev/tty`.
    fn open() -> Option<TtyWatch> {
        use std::io::IsTerminal;
        use std::os::fd::AsFd;
        if io::stdin().is_terminal() {
            return io::stdin().as_fd().try_clone_to_owned().ok().map(TtyWatch);
        }
        std::fs::File::open("/dev/tty").ok().map(|f| TtyWatch(f.into()))
    }

    /// True once the terminal has hung up (its window closed).
    fn hung_up(&self) -> bool {
        use std::os::fd::AsRawFd;
        let mut pfd = libc::pollfd { fd: self.0.as_raw_fd(), events: libc::POLLIN, revents: 0 };
        // SAFETY: one valid pollfd, zero timeout.
        let n = unsafe { libc::poll(&mut pfd, 1, 0) };
        n > 0 && pfd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
    }
}

/// Restores the terminal when dropped (normal return and errors).
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

fn enter_terminal(mouse: bool) -> anyhow::Result<Guard> {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore_terminal();
            previous(info);
        }));
    });
    terminal::enable_raw_mode().context("cannot put the terminal in raw mode")?;
    ACTIVE.store(true, Ordering::SeqCst);
    let guard = Guard;
    let mut out = io::stdout();
    execute!(out, EnterAlternateScreen, cursor::Hide).context("cannot set up the terminal")?;
    if mouse {
        execute!(out, EnableMouseCapture)?;
    }
    Ok(guard)
}

/// Runs the interactive reader until the user quits.
pub fn run(docs: Vec<Document>, config: &Config) -> anyhow::Result<()> {
    let mut app = App::new(docs, config.options, config.theme_from_env()).with_config(config);
    let store = Store::from_env();
    restore_saved(&mut app, store.as_ref());
    event_loop(app, store, None, None, false)
}

/// How often the loop wakes, while articles are being annotated, to take
/// the finished ones (and redraw once for all of them).
const LOAD_TICK: Duration = Duration::from_millis(40);

/// Runs the reader over a folder's articles: the article list shows at once
/// and fills in as a worker thread annotates the files (with `load`), in order.
pub fn run_library<F>(paths: Vec<std::path::PathBuf>, load: F, config: &Config) -> anyhow::Result<()>
where
    F: Fn(&std::path::Path) -> Result<Document, String> + Send + 'static,
{
    let shown: Vec<String> = paths.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let app = App::with_library(&shown, config.options, config.theme_from_env()).with_config(config);
    let store = Store::from_env();
    let loader = super::library::spawn_loader(paths, move |p: std::path::PathBuf| load(&p))
        .context("cannot start the article loader")?;
    event_loop(app, store, Some(loader), None, false)
}

/// Runs the reader over articles not annotated yet (large ones): their text
/// shows at once, and each article's quotes, entities and pledges appear when
/// a worker thread has annotated it (with `annotate`).
pub fn run_progressive<F>(plain: Vec<Document>, annotate: F, config: &Config) -> anyhow::Result<()>
where
    F: Fn(Document) -> Document + Send + 'static,
{
    let mut app = App::new(plain, config.options, config.theme_from_env()).with_config(config);
    for v in &mut app.docs {
        v.pending = true;
    }
    let store = Store::from_env();
    // Once the first frame is up: the annotating thread, on a copy of the
    // texts, then the saved state (keyed by the text's hash).
    let after_first: AfterFirst = Box::new(move |app, store| {
        let copies: Vec<Document> = app.docs.iter().map(|v| v.doc.clone()).collect();
        let loader = super::library::spawn_loader(copies, move |d: Document| Ok(annotate(d)))
            .context("cannot start the annotation thread")?;
        restore_saved(app, store);
        Ok(Some(loader))
    });
    event_loop(app, store, None, Some(after_first), false)
}

/// Runs the reader over short articles annotated while the terminal is set
/// up: a worker thread annotates them, started first. The first frame waits
/// for it up to [`FIRST_WAIT`] (a short article takes milliseconds), else
/// shows the text and the annotations fill in; either way no key is read
/// before they are there, so every key acts on the annotated articles.
pub fn run_text_first<F>(plain: Vec<Document>, annotate: F, config: &Config) -> anyhow::Result<()>
where
    F: Fn(Document) -> Document + Send + 'static,
{
    let loader = super::library::spawn_loader(plain.clone(), move |d: Document| Ok(annotate(d)))
        .context("cannot start the annotation thread")?;
    let mut app = App::new(plain, config.options, config.theme_from_env()).with_config(config);
    for v in &mut app.docs {
        v.pending = true;
    }
    let store = Store::from_env();
    restore_saved(&mut app, store.as_ref());
    event_loop(app, store, Some(loader), None, true)
}

/// How long the first frame of short articles waits for their annotations.
pub const FIRST_WAIT: Duration = Duration::from_millis(100);

/// Takes the loader's articles until it is done (it ends after the last
/// one) or, with a deadline, until then. Drops the loader when done.
fn wait_loaded(
    app: &mut App,
    store: Option<&Store>,
    loader: &mut Option<Receiver<Loaded>>,
    until: Option<std::time::Instant>,
) {
    while let Some(rx) = loader {
        let got = match until {
            None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
            Some(t) => rx.recv_timeout(t.saturating_duration_since(std::time::Instant::now())),
        };
        match got {
            Ok(loaded) => feed(app, store, loaded),
            Err(RecvTimeoutError::Disconnected) => *loader = None,
            Err(RecvTimeoutError::Timeout) => return,
        }
    }
}

/// Gives the app one article from the loader (with its saved state, in a folder).
fn feed(app: &mut App, store: Option<&Store>, Loaded { index, result }: Loaded) {
    match result {
        Ok(doc) => {
            app.update(Action::Loaded { doc: index, document: Box::new(doc) });
            // (An article shown while it was annotated has its saved state already.)
            if app.library.is_some() {
                restore_one(app, store, index);
            }
        }
        Err(message) => app.update(Action::LoadFailed { doc: index, message }),
    }
}

/// Feeds the loader's finished articles to the app (with their saved
/// state); returns whether anything arrived. Drops the loader when done.
fn take_loaded(app: &mut App, store: Option<&Store>, loader: &mut Option<Receiver<Loaded>>) -> bool {
    let Some(rx) = loader else { return false };
    let mut any = false;
    loop {
        match rx.try_recv() {
            Ok(loaded) => {
                any = true;
                feed(app, store, loaded);
            }
            Err(TryRecvError::Empty) => break,
            Err(TryRecvError::Disconnected) => {
                *loader = None;
                break;
            }
        }
    }
    any
}

/// Work the event loop does right after its first frame (what that frame
/// need not wait for); it may start the loader.
type AfterFirst = Box<dyn FnOnce(&mut App, Option<&Store>) -> anyhow::Result<Option<Receiver<Loaded>>>>;

/// The loop: draws, then takes input, finished articles and idle work
/// (wrapping the rest of a long article) until the user quits. With
/// `settle`, the loader's articles are waited for before any key is read
/// (the first frame waits [`FIRST_WAIT`] at most).
fn event_loop(
    mut app: App,
    store: Option<Store>,
    mut loader: Option<Receiver<Loaded>>,
    after_first: Option<AfterFirst>,
    settle: bool,
) -> anyhow::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    spawn_watchdog(Arc::clone(&stop))?;

    let guard = enter_terminal(app.mouse)?;
    // One buffer for a whole frame: the terminal gets each frame in one write.
    let mut terminal =
        Terminal::new(BottomUp(CrosstermBackend::new(BufWriter::with_capacity(FRAME_BUFFER, io::stdout()))))?;
    let size = terminal.size()?;
    app.update(Action::Resize(size.width, size.height));
    if settle {
        wait_loaded(&mut app, store.as_ref(), &mut loader, Some(std::time::Instant::now() + FIRST_WAIT));
    }
    draw(&mut terminal, &app)?;
    if std::env::var_os(TEST_PANIC_ENV).is_some() {
        panic!("{TEST_PANIC_ENV} is set: panicking after the first frame (test hook)");
    }
    if let Some(work) = after_first {
        loader = loader.or(work(&mut app, store.as_ref())?);
        draw(&mut terminal, &app)?;
    }
    if settle && loader.is_some() {
        wait_loaded(&mut app, store.as_ref(), &mut loader, None);
        draw(&mut terminal, &app)?;
    }

    while !app.quit && !stop.load(Ordering::SeqCst) {
        let wait = if app.wants_idle() {
            Duration::ZERO
        } else if loader.is_some() {
            LOAD_TICK
        } else {
            SIGNAL_POLL
        };
        let mut changed = take_loaded(&mut app, store.as_ref(), &mut loader);
        if wait.is_zero() && !event::poll(wait)? {
            // Idle: wrap more of the article; redraw once it is whole (the
            // position in percent is then exact).
            app.update(Action::Idle);
            changed |= !app.wants_idle();
        } else if event::poll(wait)? {
            // Take everything that is waiting, then draw once.
            loop {
                if let Some(action) = to_action(event::read()?) {
                    app.update(action);
                    run_effects(&mut app, store.as_ref(), &mut terminal)?;
                }
                if app.quit || !event::poll(Duration::ZERO)? {
                    break;
                }
            }
            changed = true;
        }
        changed |= take_loaded(&mut app, store.as_ref(), &mut loader);
        if changed && !app.quit {
            draw(&mut terminal, &app)?;
        }
    }
    save_positions(&app, store.as_ref());
    drop(terminal);
    drop(guard);
    // The process ends right after: freeing thousands of documents one
    // allocation at a time would only delay the shell prompt.
    std::mem::forget(app);
    Ok(())
}

/// Draws one frame inside synchronized-update marks (ignored by terminals
/// that do not know them).
fn draw(terminal: &mut Term, app: &App) -> io::Result<()> {
    queue!(terminal.backend_mut().0, BeginSynchronizedUpdate)?;
    terminal.draw(|f| render(app, f))?;
    execute!(terminal.backend_mut().0, EndSynchronizedUpdate)?;
    Ok(())
}

/// The action for a terminal event (focus and paste events are ignored).
pub fn to_action(ev: Event) -> Option<Action> {
    match ev {
        Event::Key(k) => Some(Action::Key(k)),
        Event::Mouse(m) => Some(Action::Mouse(m)),
        Event::Resize(w, h) => Some(Action::Resize(w, h)),
        _ => None,
    }
}

/// Reads each document's saved ticks and position into the app.
pub fn restore_saved(app: &mut App, store: Option<&Store>) {
    for doc in 0..app.docs.len() {
        restore_one(app, store, doc);
    }
}

/// Reads document `doc`'s saved ticks and position into the app.
fn restore_one(app: &mut App, store: Option<&Store>, doc: usize) {
    let action = match store {
        None => Action::StateProblem { doc, message: "no home folder: ticks are not saved".into() },
        Some(s) => match s.load(app.docs[doc].key()) {
            Ok(l) => Action::Restored { doc, state: l.state, warning: l.warning },
            Err(e) => Action::StateProblem { doc, message: format!("cannot read {}: {e}", s.dir().display()) },
        },
    };
    app.update(action);
}

/// Saves a tick change and feeds the merged state back into the app.
pub fn save_tick(app: &mut App, store: Option<&Store>, effect: &Effect) {
    let Effect::SaveTick { doc, key, pledge, ticked } = effect else { return };
    let Some(s) = store else { return };
    let action = match s.set_tick(key, pledge, *ticked) {
        Ok(l) => Action::Synced { doc: *doc, ticks: l.state.ticks, warning: l.warning },
        Err(e) => Action::StateProblem { doc: *doc, message: format!("cannot save in {}: {e}", s.dir().display()) },
    };
    app.update(action);
}

fn run_effects(app: &mut App, store: Option<&Store>, terminal: &mut Term) -> io::Result<()> {
    for effect in app.take_effects() {
        match &effect {
            Effect::Copy(text) => {
                execute!(&mut terminal.backend_mut().0, CopyToClipboard::to_clipboard_from(text.as_bytes()))?
            }
            Effect::SetMouse(true) => execute!(&mut terminal.backend_mut().0, EnableMouseCapture)?,
            Effect::SetMouse(false) => execute!(&mut terminal.backend_mut().0, DisableMouseCapture)?,
            Effect::SaveTick { .. } => save_tick(app, store, &effect),
        }
    }
    Ok(())
}

fn save_positions(app: &App, store: Option<&Store>) {
    let Some(s) = store else { return };
    // Only the articles read somewhere new (a folder may hold thousands).
    for v in app.docs.iter().filter(|v| v.anchor != v.saved_anchor) {
        let _ = s.set_position(v.key(), v.anchor);
    }
}
