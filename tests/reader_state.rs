//! Saved-state tests: ticks persist across restarts, a corrupt state file
//! is moved aside and reported, two readers at once lose no tick.

mod reader_common;

use byline::reader::runtime::{restore_saved, save_tick};
use byline::reader::store::{article_key, Store};
use byline::reader::App;
use crossterm::event::KeyCode;
use reader_common::*;

/// Runs the app's queued effects the way the terminal loop does.
fn flush(a: &mut App, store: &Store) {
    for e in a.take_effects() {
        save_tick(a, Some(store), &e);
    }
}

fn open(store: &Store) -> App {
    let mut a = app(vec![small_doc()], 120, 40);
    restore_saved(&mut a, Some(store));
    a
}

#[test]
fn tick_persists_across_restart() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path().join("byline"));
    let mut a = open(&store);
    a.update(key(KeyCode::Tab));
    a.update(key(KeyCode::Tab));
    a.update(ch('j'));
    a.update(ch('x'));
    flush(&mut a, &store);
    let file = store.path(&article_key(&small_doc().text));
    assert!(file.exists());
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(json["schema"], "byline.state/1");

    let b = open(&store);
    assert!(!b.view().is_ticked(0));
    assert!(b.view().is_ticked(1));
    assert!(screen(&draw(&b)).contains("[x] Ana Ruiz: spend $2 million"));
    assert!(b.view().warnings.is_empty());
}

#[test]
fn position_is_restored() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let mut a = open(&store);
    for _ in 0..7 {
        a.update(ch('j'));
    }
    store.set_position(a.view().key(), a.view().anchor).unwrap();
    let b = open(&store);
    assert_eq!(b.view().top, 7);
}

#[test]
fn corrupt_file_is_moved_aside_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::at(dir.path());
    let key = article_key(&small_doc().text);
    std::fs::write(store.path(&key), b"{\"schema\": \"byline.state/1\", \"ticks\": [tru").unwrap();
    let mut a = open(&store);
    let st = status(&a);
    assert!(st.contains("saved state was unreadable"), "{st}");
    let kept: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&format!("{key}.json.corrupt-")))
        .collect();
    assert_eq!(kept.len(), 1, "the corrupt file is kept aside");
    let backup = std::fs::read(dir.path().join(&kept[0])).unwrap();
    assert!(backup.ends_with(b"[tru"), "the backup holds the old bytes");
    // Ticking now writes a fresh file and leaves the backup alone.
    a.update(ch('x'));
    flush(&mut a, &store);
    assert!(open(&store).view().is_ticked(0));
    assert_eq!(std::fs::read(dir.path().join(&kept[0])).unwrap(), backup);
}

#[test]
fn two_readers_lose_no_tick() {
    let dir = tempfile::tempdir().unwrap();
    let store_a = Store::at(dir.path());
    let store_b = Store::at(dir.path());
    let mut a = open(&store_a);
    let mut b = open(&store_b);
    a.update(ch('x'));
    flush(&mut a, &store_a);
    b.update(key(KeyCode::Tab));
    b.update(key(KeyCode::Tab));
    b.update(ch('j'));
    b.update(ch('x'));
    flush(&mut b, &store_b);
    assert!(b.view().is_ticked(0), "b sees a's tick after its own save merged it");
    let c = open(&store_a);
    assert!(c.view().is_ticked(0) && c.view().is_ticked(1));
}

#[test]
fn concurrent_writers_from_threads_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_path_buf();
    let handles: Vec<_> = (0..4)
        .map(|t| {
            let p = path.clone();
            std::thread::spawn(move || {
                let s = Store::at(p);
                for i in 0..10 {
                    s.set_tick("k", &format!("{t}-{i}"), true).unwrap();
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    assert_eq!(Store::at(&path).load("k").unwrap().state.ticks.len(), 40);
}

#[test]
fn unwritable_state_folder_is_reported_not_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("file");
    std::fs::write(&blocker, b"x").unwrap();
    let store = Store::at(blocker.join("byline"));
    let mut a = open(&store);
    a.update(ch('x'));
    flush(&mut a, &store);
    assert!(a.view().is_ticked(0), "the tick still shows");
    assert!(status(&a).contains("saved state: cannot save"), "{}", status(&a));
}

#[test]
fn store_location_follows_xdg_state_home() {
    // The only test in this binary that reads these variables.
    let dir = tempfile::tempdir().unwrap();
    std::env::set_var("XDG_STATE_HOME", dir.path());
    assert_eq!(Store::from_env().unwrap().dir(), dir.path().join("byline"));
    std::env::remove_var("XDG_STATE_HOME");
    std::env::set_var("HOME", dir.path());
    assert_eq!(Store::from_env().unwrap().dir(), dir.path().join(".local/state/byline"));
}
