//! Replays the inputs in `tests/data/fuzz_regressions/` (see its README):
//! each must decode (or be refused cleanly), give a valid document, and draw
//! in the reader at a few sizes without a panic.

use std::path::Path;

#[test]
fn fuzz_regressions_stay_fixed() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fuzz_regressions");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().is_some_and(|f| f == "README.md") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        for strict in [false, true] {
            let Ok(doc) = byline::engine::annotate_bytes(&bytes, strict) else { continue };
            doc.validate().unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            for (w, h) in [(1, 1), (40, 10), (120, 40), (500, 200)] {
                let app = byline::reader::headless(vec![doc.clone()], w, h);
                let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(w, h)).unwrap();
                t.draw(|f| byline::reader::view::render(&app, f)).unwrap();
            }
        }
        n += 1;
    }
    assert!(n > 0, "no fuzz regression inputs in {}", dir.display());
    eprintln!("{n} fuzz regression inputs replayed");
}
