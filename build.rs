//! Compiles the two largest word lists into perfect-hash tables, so that
//! start-up builds nothing for them: `assets/first_names.tsv` (given name
//! -> gender) and `assets/surnames.txt`. The lists stay plain text in
//! `assets/` for people to edit; the tables are written to `OUT_DIR` and
//! included by `src/engine/lexicon.rs`.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::Path;

/// The lines that carry data: trimmed, not empty, not a `#` comment.
fn lines(src: &str) -> impl Iterator<Item = &str> {
    src.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn main() {
    println!("cargo:rerun-if-changed=assets/first_names.tsv");
    println!("cargo:rerun-if-changed=assets/surnames.txt");
    let read = |path: &str| std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));

    // A name listed twice keeps its last gender (as a map insert would).
    let mut first_names: BTreeMap<String, &str> = BTreeMap::new();
    for l in lines(&read("assets/first_names.tsv")) {
        let mut it = l.split('\t');
        if let (Some(name), Some(gender)) = (it.next(), it.next()) {
            let gender = match gender.trim() {
                "m" => "Gender::Male",
                "f" => "Gender::Female",
                _ => "Gender::Unknown",
            };
            first_names.insert(name.trim().to_lowercase(), gender);
        }
    }
    let surnames: BTreeSet<String> =
        lines(&read("assets/surnames.txt")).flat_map(str::split_whitespace).map(str::to_lowercase).collect();

    let mut names = phf_codegen::Map::new();
    for (name, gender) in &first_names {
        names.entry(name.as_str(), gender);
    }
    let mut family = phf_codegen::Set::new();
    for name in &surnames {
        family.entry(name.as_str());
    }
    let out = Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("names.rs");
    let mut f = std::io::BufWriter::new(std::fs::File::create(&out).expect("names.rs"));
    writeln!(f, "/// Given names (lowercase) -> gender, from `assets/first_names.tsv`.").unwrap();
    writeln!(f, "pub static FIRST_NAMES: phf::Map<&'static str, Gender> = {};", names.build()).unwrap();
    writeln!(f, "/// Surnames (lowercase), from `assets/surnames.txt`.").unwrap();
    writeln!(f, "pub static SURNAMES: phf::Set<&'static str> = {};", family.build()).unwrap();
}
