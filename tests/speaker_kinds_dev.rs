//! Over the shared dev sets (`../shared/dev/*.jsonl`, internal data that
//! CI does not have): no quote's speaker is a thing that cannot speak. A
//! speaker is a person, an organization, a group (a plural word: "the
//! protesters"), a document that is no law, or a place only as the cue's
//! own subject ("Ottawa said", "said Ottawa"). Skipped, with a message,
//! when the dev files are absent.

use std::path::{Path, PathBuf};

use byline::model::{Document, Entity, EntityKind, QuoteKind};
use rayon::prelude::*;
use serde_json::Value;

/// Last words of a law's name ("the Clean Rivers Act").
const LAW_WORDS: &[&str] = &["act", "law", "bill", "code", "charter", "treaty", "constitution", "amendment"];

fn dev_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/dev");
    let mut files: Vec<PathBuf> =
        std::fs::read_dir(&dir).map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect()).unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "jsonl"));
    files.sort();
    files
}

fn is_group(name: &str) -> bool {
    !name.contains(' ') && name.ends_with('s') && !name.ends_with("ss")
}

/// A mention of `e` right before or right after the word `cue` near the quote.
fn subject_of_cue(doc: &Document, e: &Entity, cue: &str, near: (usize, usize)) -> bool {
    e.mentions.iter().filter(|m| m.end + 300 >= near.0 && m.start <= near.1 + 300).any(|m| {
        let after = doc.text[m.end..].trim_start().to_lowercase();
        let before = doc.text[..m.start].trim_end().to_lowercase();
        after.starts_with(cue) || before.ends_with(cue)
    })
}

/// The speakers of `doc` that cannot speak, described.
fn wrong_speakers(doc: &Document) -> Vec<String> {
    let mut out = Vec::new();
    for q in doc.quotes.iter().filter(|q| q.kind == QuoteKind::Direct) {
        let Some(e) = q.speaker.map(|s| &doc.entities[s]) else { continue };
        let last = e.name.rsplit(' ').next().unwrap_or_default().to_lowercase();
        let ok = match e.kind {
            EntityKind::Person | EntityKind::Organization => true,
            EntityKind::Document => !LAW_WORDS.contains(&last.as_str()),
            EntityKind::Other => is_group(&e.name),
            EntityKind::Event => false,
            EntityKind::Place => {
                q.cue.as_deref().is_some_and(|c| subject_of_cue(doc, e, c, (q.outer.start, q.outer.end)))
            }
        };
        if !ok {
            out.push(format!("{} {:?} speaks {:?}", e.kind.as_str(), e.name, q.text));
        }
    }
    out
}

#[test]
fn no_speaker_is_a_thing_that_cannot_speak() {
    let files = dev_files();
    if files.is_empty() {
        eprintln!("skipped: no dev files in ../shared/dev (internal data, not in CI)");
        return;
    }
    let mut texts = Vec::new();
    for f in &files {
        for line in std::fs::read_to_string(f).expect("readable dev file").lines().filter(|l| !l.trim().is_empty()) {
            let v: Value = serde_json::from_str(line).expect("a JSON article a line");
            if let Some(t) = v["text"].as_str() {
                texts.push((f.file_name().unwrap_or_default().to_string_lossy().into_owned(), t.to_string()));
            }
        }
    }
    let wrong: Vec<String> = texts
        .par_iter()
        .map(|(file, text)| {
            wrong_speakers(&byline::annotate(text)).into_iter().map(|w| format!("{file}: {w}")).collect::<Vec<_>>()
        })
        .flatten_iter()
        .collect();
    eprintln!("checked {} dev articles", texts.len());
    assert!(wrong.is_empty(), "{} speakers that cannot speak:\n{}", wrong.len(), wrong.join("\n"));
}
