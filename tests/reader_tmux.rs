//! Real-terminal tests: run the `byline` binary inside tmux (a private
//! server socket per test), send keys, read the screen with
//! `tmux capture-pane -p`. Skipped, with a note, when tmux is not installed
//! (CI installs it). Waiting polls the screen until text appears; nothing
//! asserts on timing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

const PROMPT: &str = "byline-test$ ";
const WAIT: Duration = Duration::from_secs(20);

struct Tmux {
    socket: String,
    state: tempfile::TempDir,
    /// One real terminal at a time: on a small machine, many tmux servers
    /// and readers at once make first frames slow enough to time out.
    _serial: std::sync::MutexGuard<'static, ()>,
}

static SERIAL: std::sync::Mutex<()> = std::sync::Mutex::new(());

impl Tmux {
    /// A detached 100x30 session running `sh` with a known prompt, or None
    /// when tmux is missing.
    fn start(name: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("note: tmux is not installed; skipping the real-terminal test {name}");
            return None;
        }
        let t = Tmux {
            socket: format!("byline-test-{}-{name}", std::process::id()),
            state: tempfile::tempdir().unwrap(),
            _serial: SERIAL.lock().unwrap_or_else(|e| e.into_inner()),
        };
        let st = t.state.path().display().to_string();
        let out = t.tmux(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "t",
            "-x",
            "100",
            "-y",
            "30",
            "env",
            &format!("PS1={PROMPT}"),
            &format!("HOME={st}"),
            &format!("XDG_STATE_HOME={st}"),
            // No config file of the machine's user: the built-in keys.
            &format!("XDG_CONFIG_HOME={st}"),
            "TERM=xterm-256color",
            "LANG=C.UTF-8",
            "sh",
        ]);
        assert!(out.status.success(), "tmux new-session: {}", String::from_utf8_lossy(&out.stderr));
        t.wait_for(|s| s.contains(PROMPT.trim_end()), "the shell prompt");
        Some(t)
    }

    fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux").arg("-L").arg(&self.socket).args(args).output().expect("tmux runs")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "t"]).stdout).into_owned()
    }

    /// Types a shell command line and presses Enter.
    fn run(&self, line: &str) {
        self.tmux(&["send-keys", "-t", "t", "-l", line]);
        self.tmux(&["send-keys", "-t", "t", "Enter"]);
    }

    /// Sends tmux key names (`q`, `Escape`, `]`).
    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", "t", k]);
        }
    }

    fn wait_for(&self, ok: impl Fn(&str) -> bool, what: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            assert!(start.elapsed() < WAIT, "waited for {what}; the screen is:\n{s}");
            sleep(Duration::from_millis(30));
        }
    }

    fn wait_text(&self, text: &str) -> String {
        self.wait_for(|s| s.contains(text), text)
    }

    /// Waits for the `exit=N` line that `...; echo exit=$?` prints (not
    /// the typed command line) and returns the screen.
    fn wait_exit(&self) -> String {
        self.wait_for(|s| s.lines().any(|l| l.starts_with("exit=")), "the exit=N line")
    }

    /// After the program exited: the shell prompt is back on the main
    /// screen and the tty is in cooked mode with echo.
    fn assert_terminal_restored(&self) {
        // A fresh marker each time, so an earlier check's output on the
        // screen is never taken for this one.
        static CHECKS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
        let marker = format!("restored-check-{}", CHECKS.fetch_add(1, std::sync::atomic::Ordering::SeqCst));
        self.run(&format!("clear; stty -a | tr ' ;' '\\n\\n' | grep -c -x -e icanon -e echo -e isig; echo {marker}"));
        let s = self.wait_for(|s| s.lines().any(|l| l == marker), "stty output");
        let lines: Vec<&str> = s.lines().collect();
        let i = lines.iter().position(|l| *l == marker).unwrap();
        assert_eq!(lines[i - 1].trim(), "3", "icanon, echo and isig are on again:\n{s}");
        assert_eq!(
            self.tmux(&["display", "-p", "-t", "t", "#{alternate_on}"]).stdout,
            b"0\n",
            "left the alternate screen"
        );
        assert_eq!(self.tmux(&["display", "-p", "-t", "t", "#{cursor_flag}"]).stdout, b"1\n", "cursor visible");
        assert_eq!(self.tmux(&["display", "-p", "-t", "t", "#{mouse_any_flag}"]).stdout, b"0\n", "mouse reporting off");
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_byline")
}

fn seed_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(byline::SEED_NAME)
}

/// Whether the engine finds direct quotes in the seed (the reader test
/// follows the engine: `]` shows `Quote 1/N` or says there are none).
fn engine_finds_quotes() -> bool {
    !byline::annotate(byline::SEED_ARTICLE).quotes.iter().all(|q| q.kind == byline::model::QuoteKind::Partial)
}

#[test]
fn reader_end_to_end() {
    let Some(t) = Tmux::start("e2e") else { return };
    t.run(bin());
    t.wait_text("S. Korea pledges leading role");
    let s = t.wait_text("? help");
    assert!(s.contains("Entities") && s.contains("Pledges"), "{s}");
    t.keys(&["]"]);
    if engine_finds_quotes() {
        t.wait_text("Quote 1/");
    } else {
        t.wait_text("no direct quotes in this article");
    }
    t.keys(&["?"]);
    t.wait_text("mouse capture on/off");
    t.keys(&["Escape"]);
    // (Esc then another key at once would read as Alt-key: wait for the close.)
    t.wait_for(|s| !s.contains("Help: keys"), "the help to close");
    t.keys(&["/"]);
    t.run("anniversary");
    t.wait_text("/anniversary: 1/1 matches");
    assert_eq!(
        t.tmux(&["display", "-p", "-t", "t", "#{alternate_on}"]).stdout,
        b"1\n",
        "reader on the alternate screen"
    );
    assert_eq!(t.tmux(&["display", "-p", "-t", "t", "#{mouse_any_flag}"]).stdout, b"1\n", "mouse captured");
    t.keys(&["m"]);
    t.wait_text("mouse capture off");
    assert_eq!(t.tmux(&["display", "-p", "-t", "t", "#{mouse_any_flag}"]).stdout, b"0\n", "m releases the mouse");
    t.keys(&["q"]);
    t.wait_for(|s| s.trim_end().ends_with(PROMPT.trim_end()), "the prompt after q");
    t.assert_terminal_restored();
}

#[test]
fn a_remapped_key_from_the_config_file_works_and_the_help_shows_it() {
    let Some(t) = Tmux::start("config") else { return };
    let config = article(&t, "config.toml", b"[keys]\nnext_quote = [\"J\"]\n");
    t.run(&format!("{} --config {config}", bin()));
    t.wait_text("S. Korea pledges leading role");
    let s = t.wait_text("J quote");
    assert!(!s.contains("] quote"), "the hint shows the new key:\n{s}");
    t.keys(&["]"]);
    t.keys(&["J"]);
    if engine_finds_quotes() {
        t.wait_text("Quote 1/8");
    } else {
        t.wait_text("no direct quotes in this article");
    }
    t.keys(&["?"]);
    let s = t.wait_text("next direct quote");
    let line = s.lines().find(|l| l.contains("next direct quote")).unwrap_or_default();
    assert!(line.contains(" J ") && !line.contains(']'), "the help lists J for next_quote:\n{s}");
    t.keys(&["Escape"]);
    t.wait_for(|s| !s.contains("Help: keys"), "the help to close");
    t.keys(&["q"]);
    t.wait_for(|s| s.trim_end().ends_with(PROMPT.trim_end()), "the prompt after q");
    t.assert_terminal_restored();
}

#[test]
fn the_config_theme_colours_the_screen_and_no_color_wins() {
    let Some(t) = Tmux::start("theme") else { return };
    let config = article(&t, "config.toml", b"[theme]\nstatus = { fg = \"226\", bg = \"196\" }\n");
    let status_sgr = || {
        let out = t.tmux(&["capture-pane", "-p", "-e", "-t", "t"]).stdout;
        let s = String::from_utf8_lossy(&out).into_owned();
        s.lines().rev().find(|l| l.contains("Quotes")).unwrap_or_default().to_string()
    };
    for (env, coloured) in [("", true), ("NO_COLOR=1 ", false)] {
        t.run(&format!("clear; {env}{} --config {config}", bin()));
        t.wait_text("? help");
        let line = status_sgr();
        assert_eq!(line.contains("48;5;196"), coloured, "{env}status bar: {line:?}");
        assert!(line.contains('\u{1b}'), "bold and reverse stay: {line:?}");
        t.keys(&["q"]);
        t.wait_for(|s| s.trim_end().ends_with(PROMPT.trim_end()), "the prompt after q");
    }
    t.assert_terminal_restored();
}

#[test]
fn reader_reads_the_article_from_stdin_and_keys_from_the_terminal() {
    let Some(t) = Tmux::start("stdin") else { return };
    t.run(&format!("cat '{}' | {} -", seed_path().display(), bin()));
    t.wait_text("S. Korea pledges leading role");
    t.wait_text("standard input");
    t.keys(&["G"]);
    t.wait_text("Source: Yonhap News Agency");
    t.keys(&["q"]);
    t.wait_for(|s| s.trim_end().ends_with(PROMPT.trim_end()), "the prompt after q");
    t.assert_terminal_restored();
}

#[test]
fn panic_restores_the_terminal() {
    let Some(t) = Tmux::start("panic") else { return };
    // BYLINE_TEST_PANIC: the reader's test hook, panics after the first frame.
    t.run(&format!("BYLINE_TEST_PANIC=1 {}; echo exit=$?", bin()));
    let s = t.wait_text("exit=101");
    assert!(s.contains("BYLINE_TEST_PANIC is set"), "the panic message is printed on the main screen:\n{s}");
    t.assert_terminal_restored();
}

/// The pid of the program the pane's shell is running (the reader).
fn reader_pid(t: &Tmux) -> String {
    let pid = t.tmux(&["display", "-p", "-t", "t", "#{pane_pid}"]);
    let shell = String::from_utf8_lossy(&pid.stdout).trim().to_string();
    // The reader is the shell's child.
    let out = Command::new("pgrep").args(["-P", &shell]).output().expect("pgrep runs");
    let child = String::from_utf8_lossy(&out.stdout).lines().next().unwrap_or_default().to_string();
    assert!(!child.is_empty(), "found the reader's pid");
    child
}

/// Opens the seed, sends `signal` to the reader, expects the prompt back,
/// the exit status 128 + signal number (or 0 when the loop stopped by itself
/// first) and the terminal restored.
fn signal_restores_the_terminal(name: &str, signal: &str, number: i32) {
    let Some(t) = Tmux::start(name) else { return };
    t.run(&format!("{}; echo exit=$?", bin()));
    t.wait_text("S. Korea pledges leading role");
    Command::new("kill").args([&format!("-{signal}"), &reader_pid(&t)]).status().unwrap();
    let s = t.wait_exit();
    assert!(s.contains("exit=0\n") || s.contains(&format!("exit={}\n", 128 + number)), "exit status:\n{s}");
    assert!(!s.contains("panicked"), "{s}");
    t.wait_for(|s| s.trim_end().ends_with(PROMPT.trim_end()), "the prompt after the signal");
    t.assert_terminal_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    signal_restores_the_terminal("term", "TERM", 15);
}

#[test]
fn sighup_restores_the_terminal() {
    signal_restores_the_terminal("hup", "HUP", 1);
}

/// Writes `bytes` to a file in the session's temporary folder.
fn article(t: &Tmux, name: &str, bytes: &[u8]) -> String {
    let p = t.state.path().join(name);
    std::fs::write(&p, bytes).unwrap();
    p.display().to_string()
}

#[test]
fn hostile_article_cannot_set_clipboard_title_or_window_name() {
    let Some(t) = Tmux::start("hostile") else { return };
    // tmux takes OSC 52 into its paste buffers, OSC 0/2 as the pane title
    // and ESC k as the window name when these are on.
    t.tmux(&["set", "-g", "set-clipboard", "on"]);
    t.tmux(&["set", "-g", "allow-rename", "on"]);
    t.tmux(&["set", "-g", "automatic-rename", "off"]);
    t.tmux(&["rename-window", "-t", "t", "orig-window"]);
    t.tmux(&["select-pane", "-t", "t", "-T", "orig-title"]);
    t.tmux(&["set-buffer", "-b", "sentinel", "keep-me"]);
    let state = || {
        let title = t.tmux(&["display", "-p", "-t", "t", "#{pane_title}|#{window_name}"]).stdout;
        let buffers = t.tmux(&["list-buffers", "-F", "#{buffer_name}=#{buffer_sample}"]).stdout;
        (String::from_utf8_lossy(&title).into_owned(), String::from_utf8_lossy(&buffers).into_owned())
    };
    let before = state();
    assert_eq!(before, ("orig-title|orig-window\n".to_string(), "sentinel=keep-me\n".to_string()));
    let path = article(
        &t,
        "evil.txt",
        b"Evil headline \x1b]0;pwned-title\x07\n\nClip \x1b]52;c;cHduZWQ=\x07 title \x1b]2;pwned2\x1b\\ \
          win \x1bkpwned-win\x1b\\ dcs \x1bPtmux;\x1b\x1b]52;c;ZGNz\x07\x1b\\ c1 \xc2\x9d0;c1title\xc2\x9c \
          move \x1b[1;1H\x1b[2J\x1b[31m red \xe2\x80\xae bidi end-of-article\n",
    );
    t.run(&format!("{} {path}", bin()));
    // Frames are drawn bottom row first: the top border (the file name) last.
    let s = t.wait_for(
        |s| s.contains("end-of-article") && s.lines().next().is_some_and(|l| l.contains("evil.txt")),
        "the whole first frame",
    );
    assert!(s.contains("Clip \u{241b}]52;c;cHduZWQ=\u{2407}"), "placeholders on screen:\n{s}");
    assert!(s.contains("\u{241b}[1;1H\u{241b}[2J\u{241b}[31m red") && s.contains("\u{a6} bidi"), "{s}");
    // Move around so the hostile text is drawn again in other places.
    t.keys(&["G", "g", "/"]);
    t.run("pwned");
    t.wait_text("/pwned:");
    assert_eq!(state(), before, "no clipboard, title or window name change while reading");
    t.keys(&["q"]);
    t.wait_for(|s| s.trim_end().ends_with(PROMPT.trim_end()), "the prompt after q");
    t.assert_terminal_restored();
    assert_eq!(state(), before, "no clipboard, title or window name change after quitting");
    // Control: the same bytes sent raw do change them, so the test can fail.
    t.run(&format!("cat {path}; echo raw-done"));
    t.wait_for(|s| s.lines().any(|l| l == "raw-done"), "the raw-done line");
    let raw = state();
    assert!(raw.0.contains("pwned") && raw.1.contains("pwned"), "tmux honours the raw escapes: {raw:?}");
}

#[test]
fn bad_files_in_the_reader_print_one_error_line() {
    let Some(t) = Tmux::start("badfiles") else { return };
    let missing = t.state.path().join("missing.txt").display().to_string();
    t.run(&format!("clear; {} {missing}; echo exit=$?", bin()));
    let s = t.wait_exit();
    assert!(s.contains(&format!("error: {missing}: no such file")) && s.contains("\nexit=1\n"), "{s}");
    t.assert_terminal_restored();

    let binary = article(&t, "data.txt", b"\x7fELF\x02\x01\x01\x00\x00\x00binary");
    t.run(&format!("clear; {} {binary}; echo exit=$?", bin()));
    let s = t.wait_exit();
    assert!(s.contains("data.txt: not a text file (binary data)") && s.contains("\nexit=1\n"), "{s}");
    t.assert_terminal_restored();

    let folder = t.state.path().join("no-articles");
    std::fs::create_dir(&folder).unwrap();
    t.run(&format!("clear; {} {}; echo exit=$?", bin(), folder.display()));
    let s = t.wait_exit();
    assert!(s.contains("no articles (.txt, .md or .html) in this folder") && s.contains("\nexit=1\n"), "{s}");
    t.assert_terminal_restored();

    // A legacy encoding opens decoded, with the warning in the status bar;
    // --strict refuses it with one error line.
    let latin1 = article(&t, "latin1.txt", b"Caf\xe9 news\n\nThe caf\xe9 reopened.\n");
    t.run(&format!("{} {latin1}; echo exit=$?", bin()));
    // Frames are drawn bottom row first: the top row last.
    let s = t.wait_text("Caf\u{e9} news");
    assert!(s.contains("decoded as windows-1252"), "{s}");
    t.keys(&["q"]);
    assert!(t.wait_exit().contains("\nexit=0\n"));
    t.assert_terminal_restored();
    t.run(&format!("clear; {} --strict {latin1}; echo exit=$?", bin()));
    let s = t.wait_exit();
    assert!(s.contains("latin1.txt: invalid UTF-8 at byte 3") && s.contains("\nexit=1\n"), "{s}");
    t.assert_terminal_restored();

    // An empty file opens as an empty article.
    let empty = article(&t, "empty.txt", b"");
    t.run(&format!("{} {empty}; echo exit=$?", bin()));
    t.wait_text("Quotes: 0");
    t.keys(&["q"]);
    assert!(t.wait_exit().contains("\nexit=0\n"));
    t.assert_terminal_restored();
}

#[test]
fn closing_the_window_ends_the_reader() {
    let Some(t) = Tmux::start("hangup") else { return };
    // The reader alone in a second window; closing it hangs up its terminal.
    let st = t.state.path().display().to_string();
    let cmd = format!("exec env HOME={st} XDG_STATE_HOME={st} TERM=xterm-256color {}", bin());
    t.tmux(&["new-window", "-d", "-t", "t", "-n", "r", &cmd]);
    let pid =
        String::from_utf8_lossy(&t.tmux(&["display", "-p", "-t", "t:r", "#{pane_pid}"]).stdout).trim().to_string();
    let proc_dir = PathBuf::from(format!("/proc/{pid}"));
    let start = Instant::now();
    loop {
        let s = String::from_utf8_lossy(&t.tmux(&["capture-pane", "-p", "-t", "t:r"]).stdout).into_owned();
        if s.contains("S. Korea pledges") {
            break;
        }
        assert!(start.elapsed() < WAIT, "the reader drew its first frame; the window shows:\n{s}");
        sleep(Duration::from_millis(30));
    }
    t.tmux(&["kill-window", "-t", "t:r"]);
    let start = Instant::now();
    // Not a zombie either: tmux reaps its children.
    while proc_dir.exists() {
        assert!(start.elapsed() < WAIT, "the reader (pid {pid}) exits after the hang-up instead of spinning");
        sleep(Duration::from_millis(30));
    }
}

#[test]
fn reader_on_a_folder_lists_then_opens_an_article() {
    let Some(t) = Tmux::start("folder") else { return };
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::copy(seed_path(), dir.path().join("sub/seed.txt")).unwrap();
    std::fs::write(dir.path().join("a.txt"), "Plain story\n\nNothing quoted here at all.\n").unwrap();
    t.run(&format!("{} '{}'", bin(), dir.path().display()));
    let s = t.wait_text("2 articles");
    assert!(s.contains("Plain story") && s.contains("Title"), "{s}");
    t.wait_text("S. Korea pledges leading role");
    t.keys(&["j", "Enter"]);
    let s = t.wait_text("Entities");
    assert!(s.contains("[2/2]"), "{s}");
    t.keys(&["l"]);
    t.wait_text("2 articles");
    t.keys(&["q"]);
    t.wait_for(|s| s.trim_end().ends_with(PROMPT.trim_end()), "the prompt after q");
    t.assert_terminal_restored();
}

#[test]
fn reader_on_a_large_article_fills_in_its_annotations() {
    let Some(t) = Tmux::start("large") else { return };
    let dir = tempfile::tempdir().unwrap();
    let mut text = String::from("Council backs the long plan\n\n");
    for i in 0..4_500 {
        text.push_str(&format!("\u{201c}We will build {i} bridges,\u{201d} Mayor Ana Ruiz said on Monday.\n\n"));
    }
    assert!(text.len() > 256 << 10, "large enough for the text to come first");
    let path = dir.path().join("large.txt");
    std::fs::write(&path, &text).unwrap();
    t.run(&format!("{} '{}'", bin(), path.display()));
    t.wait_text("Council backs the long plan");
    t.wait_text("Quotes: 4500");
    t.keys(&["]"]);
    t.wait_text("Quote 1/4500");
    t.keys(&["q"]);
    t.wait_for(|s| s.trim_end().ends_with(PROMPT.trim_end()), "the prompt after q");
    t.assert_terminal_restored();
}

#[test]
fn reader_follows_one_speaker_across_a_folder() {
    let Some(t) = Tmux::start("across") else { return };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/folders/harbour");
    t.run(&format!("{} '{}'", bin(), dir.display()));
    t.wait_text("3 articles");
    // Pick her from the folder's speakers: counts over the three articles.
    t.keys(&["s"]);
    t.wait_text("4 quotes, 3 articles");
    t.keys(&["r", "e", "n", "e", "e"]);
    t.wait_for(|s| !s.contains("Piet Halvorsen  "), "typing to narrow the picker");
    t.keys(&["Enter"]);
    let s = t.wait_text("Renée Halvorsen: 4 quotes in 3 of 3 articles");
    for q in ["We have repaired both ramps", "The first crossing leaves", "Nobody sails until", "A second tug means"] {
        assert!(s.contains(q), "{q}:\n{s}");
    }
    assert!(s.contains("Ferry service to resume") && s.contains("Storm closes") && s.contains("Harbour budget"), "{s}");
    // Enter on the third row: the storm article, at that quote.
    t.keys(&["j", "j", "Enter"]);
    let s = t.wait_text("02_storm.txt [2/3]");
    t.wait_text("(folder 3/4)");
    assert!(s.contains("Nobody sails until"), "{s}");
    // `]` past her last quote there: the budget article, at her quote.
    t.keys(&["]"]);
    let s = t.wait_text("03_budget.txt [3/3]");
    t.wait_text("(folder 4/4)");
    assert!(s.contains("A second tug means"), "{s}");
    t.keys(&["q"]);
    t.wait_for(|s| s.trim_end().ends_with(PROMPT.trim_end()), "the prompt after q");
    t.assert_terminal_restored();
}
