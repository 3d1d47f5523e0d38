//! Saved state survives SIGKILL at any moment: a child process (this same
//! test binary, running `saver_child` with `SAVER_DIR_ENV` set) saves ticks
//! in a loop through the library's `Store`; the parent kills it with
//! SIGKILL at varying moments, many times, and after every kill finds the
//! state file complete and valid, with no tick it saw before lost. While
//! the child runs, the parent also reads the file without the lock: every
//! read sees a whole file (the rename is atomic).

use byline::reader::store::{ArticleState, Store, STATE_SCHEMA};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Test-only: when set, `saver_child` saves ticks into this folder in a loop.
const SAVER_DIR_ENV: &str = "BYLINE_TEST_SAVER_DIR";
const KEY: &str = "00000000feedf00d";
/// The child stops by itself after this many saves (in case its parent died).
const MAX_SAVES: usize = 3_000;

/// A child process killed (SIGKILL) and reaped when dropped, so a failing
/// assertion never leaves a saver running.
struct Child(std::process::Child);

impl Drop for Child {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Not a test on its own: the saving process of `sigkill_while_saving_never_corrupts`.
/// Without `SAVER_DIR_ENV` it does nothing.
#[test]
fn saver_child() {
    let Some(dir) = std::env::var_os(SAVER_DIR_ENV) else { return };
    let store = Store::at(dir);
    let loaded = store.load(KEY).unwrap();
    assert!(loaded.warning.is_none(), "the state file was corrupt: {:?}", loaded.warning);
    let first = loaded.state.ticks.len();
    for i in first..first + MAX_SAVES {
        store.set_tick(KEY, &format!("{i:08}"), true).unwrap();
        store.set_position(KEY, i + 1).unwrap();
    }
}

/// Test-only: when set (`<dir>|<prefix>`), `ticker_child` ticks
/// `<prefix>-0` .. `<prefix>-199` in that folder, one save each.
const TICKER_ENV: &str = "BYLINE_TEST_TICKER";
const TICKS_EACH: usize = 200;

/// Not a test on its own: one of the two processes of
/// `two_processes_ticking_at_once_lose_nothing`. Without `TICKER_ENV` it does nothing.
#[test]
fn ticker_child() {
    let Ok(spec) = std::env::var(TICKER_ENV) else { return };
    let (dir, prefix) = spec.split_once('|').unwrap();
    let store = Store::at(dir);
    for i in 0..TICKS_EACH {
        store.set_tick(KEY, &format!("{prefix}-{i:04}"), true).unwrap();
    }
}

#[test]
fn two_processes_ticking_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let exe = std::env::current_exe().unwrap();
    let mut children: Vec<Child> = ["a", "b"]
        .iter()
        .map(|prefix| {
            Child(
                Command::new(&exe)
                    .args(["--exact", "ticker_child", "--test-threads=1"])
                    .env(TICKER_ENV, format!("{}|{prefix}", dir.path().display()))
                    .stdout(Stdio::null())
                    .spawn()
                    .unwrap(),
            )
        })
        .collect();
    for c in &mut children {
        assert!(c.0.wait().unwrap().success());
    }
    let state = Store::at(dir.path()).load(KEY).unwrap().state;
    assert_eq!(state.ticks.len(), 2 * TICKS_EACH, "every tick of both processes is kept");
}

/// Reads and checks the state file (without the lock); returns its ticks count.
fn check(path: &Path) -> Option<usize> {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
        Err(e) => panic!("reading {}: {e}", path.display()),
    };
    let state: ArticleState = serde_json::from_slice(&bytes)
        .unwrap_or_else(|e| panic!("state file is not valid ({e}): {:?}", String::from_utf8_lossy(&bytes)));
    assert_eq!(state.schema, STATE_SCHEMA);
    // Ticks are saved in order: always exactly 0..n, no hole.
    let n = state.ticks.len();
    let want: Vec<String> = (0..n).map(|i| format!("{i:08}")).collect();
    assert!(state.ticks.iter().eq(want.iter()), "ticks are 0..{n} without a hole");
    // The position is saved after each tick: never ahead of the ticks.
    assert!(state.position <= n, "position {} with {n} ticks", state.position);
    Some(n)
}

#[test]
fn sigkill_while_saving_never_corrupts() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let path = store.path(KEY);
    let exe = std::env::current_exe().unwrap();
    let mut seen = 0;
    for round in 0..60u64 {
        let mut child = Child(
            Command::new(&exe)
                .args(["--exact", "saver_child", "--test-threads=1"])
                .env(SAVER_DIR_ENV, dir.path())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        // Let it save a few times (reading along), then kill it a varying
        // number of microseconds later, so kills land in every phase.
        let start = Instant::now();
        loop {
            if let Some(n) = check(&path) {
                assert!(n >= seen, "ticks went back from {seen} to {n}");
                if n >= seen + 3 {
                    seen = n;
                    break;
                }
            }
            assert!(start.elapsed() < Duration::from_secs(60), "the saver child makes progress");
            if let Some(status) = child.0.try_wait().unwrap() {
                panic!("the saver child stopped by itself: {status}");
            }
        }
        std::thread::sleep(Duration::from_micros((round * 7919) % 3000));
        child.0.kill().unwrap(); // SIGKILL
        child.0.wait().unwrap();
        let n = check(&path).expect("the state file is still there");
        assert!(n >= seen, "round {round}: a tick seen on disk was lost ({seen} -> {n})");
        seen = n;
    }
    // Nothing was ever moved aside as corrupt; the library still loads it.
    let names: Vec<String> =
        std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    assert!(!names.iter().any(|n| n.contains(".corrupt-")), "{names:?}");
    let temps = |dir: &Path| {
        std::fs::read_dir(dir)
            .unwrap()
            .filter(|e| e.as_ref().unwrap().file_name().to_string_lossy().contains(".tmp"))
            .count()
    };
    // Temporary files of the killed writes, never read; the next save removes them.
    eprintln!("{seen} ticks saved over 60 kills; {} interrupted writes left a temporary file", temps(dir.path()));
    let loaded = store.load(KEY).unwrap();
    assert!(loaded.warning.is_none());
    assert_eq!(loaded.state.ticks.len(), seen);
    store.set_position(KEY, 0).unwrap();
    assert_eq!(temps(dir.path()), 0, "stale temporary files are cleaned up");
}
