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
}

impl Tmux {
    /// A detached 100x30 session running `sh` with a known prompt, or None
    /// when tmux is missing.
    fn start(name: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            eprintln!("note: tmux is not installed; skipping the real-terminal test {name}");
            return None;
        }
        let t =
            Tmux { socket: format!("byline-test-{}-{name}", std::process::id()), state: tempfile::tempdir().unwrap() };
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

    /// After the program exited: the shell prompt is back on the main
    /// screen and the tty is in cooked mode with echo.
    fn assert_terminal_restored(&self) {
        self.run("clear; stty -a | tr ' ;' '\\n\\n' | grep -c -x -e icanon -e echo -e isig; echo restored-check");
        let s = self
            .wait_for(|s| s.contains("restored-check\n") || s.lines().any(|l| l == "restored-check"), "stty output");
        let lines: Vec<&str> = s.lines().collect();
        let i = lines.iter().position(|l| *l == "restored-check").unwrap();
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

#[test]
fn sigterm_restores_the_terminal() {
    let Some(t) = Tmux::start("term") else { return };
    t.run(bin());
    t.wait_text("S. Korea pledges leading role");
    let pid = t.tmux(&["display", "-p", "-t", "t", "#{pane_pid}"]);
    let shell = String::from_utf8_lossy(&pid.stdout).trim().to_string();
    // The reader is the shell's child.
    let out = Command::new("pgrep").args(["-P", &shell]).output().expect("pgrep runs");
    let child = String::from_utf8_lossy(&out.stdout).lines().next().unwrap_or_default().to_string();
    assert!(!child.is_empty(), "found the reader's pid");
    Command::new("kill").args(["-TERM", &child]).status().unwrap();
    t.wait_for(|s| s.trim_end().ends_with(PROMPT.trim_end()), "the prompt after SIGTERM");
    t.assert_terminal_restored();
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
