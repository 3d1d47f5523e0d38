//! Fits the speaker ranking weights (`assets/speaker_weights.txt`) on
//! articles with gold quotes and speakers, and prints cross-validated
//! speaker accuracy:
//!
//! ```sh
//! cargo run --release --example fit_speakers -- GOLD.jsonl...           # fit and score; write nothing
//! cargo run --release --example fit_speakers -- GOLD.jsonl... --write   # ... and write the fitted weights
//! cargo run --release --example fit_speakers -- GOLD.jsonl... --check   # ... and compare them with the file
//! cargo run --release --example fit_speakers -- --order                 # write the rule-order weights
//! ```
//!
//! GOLD.jsonl holds one article a line (the format of the dev sets:
//! `{"id", "text", "quotes": [{"text", "speaker", "speaker_aliases",
//! "speaker_named", "meta"}]}`). Every direct quote the engine finds is
//! matched to a gold quote (word overlap of at least half the longer, one
//! to one, best first); its candidates are labelled by the gold speaker
//! (the scorer's name rules, simplified: no accent folding). A quote whose
//! gold speaker is not judged, or with no right candidate, is left out.
//!
//! The model is a conditional logit over each quote's candidates (the
//! chosen speaker is the best scored), L2-regularized, fitted by full-batch
//! gradient descent from zero: fixed order, step and iteration count, so
//! the same data gives the same file. Cross-validation: 5 folds by article
//! (fold = FNV-1a of the id, mod 5); each fold is annotated with weights
//! fitted on the other four (speakers depend on earlier speakers, so the
//! whole article is annotated again) and scored against its gold, next to
//! the rule-order weights on the same folds.

use std::process::ExitCode;

use byline::engine::attribution::{self, SpeakerChoice, FEATURE_NAMES, RULES};
use byline::engine::fit::{fold_of, LinearModel};
use byline::model::{Document, QuoteKind};
use rayon::prelude::*;
use serde_json::Value;

const WEIGHTS_PATH: &str = "assets/speaker_weights.txt";
const FOLDS: u64 = 5;
const ITERATIONS: usize = 2000;
const STEP: f64 = 1.0;
const L2: f64 = 0.0001;

/// Last words that never make a surname match (the scorer's list).
const GENERIC_LAST: &[&str] = &[
    "police",
    "government",
    "canada",
    "department",
    "office",
    "ministry",
    "service",
    "services",
    "inc",
    "ltd",
    "corp",
    "co",
    "company",
    "association",
    "union",
    "council",
    "committee",
    "commission",
    "board",
    "party",
    "group",
    "team",
    "university",
    "school",
    "news",
    "press",
    "officials",
    "official",
    "staff",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "minister",
    "mayor",
    "court",
    "agency",
    "authority",
    "bank",
    "city",
    "province",
    "state",
    "house",
    "report",
    "statement",
    "release",
    "family",
    "friends",
    "members",
    "people",
    "students",
];
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev", "hon"];

/// One gold quote.
struct GoldQuote {
    words: Vec<String>,
    /// The speaker's name forms as name tokens; empty when null.
    forms: Vec<Vec<String>>,
    named: bool,
    judged: bool,
}

/// One article of the gold sets.
struct Article {
    set: usize,
    text: String,
    gold: Vec<GoldQuote>,
    fold: u64,
}

/// Right speakers over judged matched quotes.
#[derive(Default, Clone, Copy)]
struct Score {
    right: usize,
    judged: usize,
}

impl Score {
    fn add(&mut self, other: Score) {
        self.right += other.right;
        self.judged += other.judged;
    }

    fn accuracy(&self) -> f64 {
        self.right as f64 / self.judged.max(1) as f64
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |f: &str| args.iter().any(|a| a == f);
    if flag("--order") {
        return write(
            &rule_order(),
            "Rule order: each rule outweighs all the rules after it together.",
            flag("--check"),
        );
    }
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if paths.is_empty() {
        eprintln!("usage: fit_speakers GOLD.jsonl... [--write] | --order");
        return ExitCode::from(2);
    }
    let mut articles = Vec::new();
    for (set, path) in paths.iter().enumerate() {
        match load(path, set) {
            Ok(a) => articles.extend(a),
            Err(e) => {
                eprintln!("error: {path}: {e}");
                return ExitCode::from(1);
            }
        }
    }
    // Candidates as the rule order sees them (earlier speakers as it chose).
    let order = rule_order();
    let groups: Vec<Vec<Group>> = articles.par_iter().map(|a| groups(a, &order)).collect();
    let quotes: usize = groups.iter().map(Vec::len).sum();
    if flag("--errors") {
        // The quotes the rule order gets wrong though a right candidate exists.
        for group in groups.iter().flatten().filter(|g| !g.right[0]) {
            for (x, r) in group.features.iter().zip(&group.right) {
                let on: Vec<&str> = FEATURE_NAMES.iter().zip(x).filter(|(_, v)| **v != 0.0).map(|(n, _)| *n).collect();
                println!("  {} {}", if *r { "right" } else { "wrong" }, on.join(","));
            }
            println!();
        }
    }
    println!("articles={} quotes_with_a_right_candidate={quotes}", articles.len());

    let (mut fitted, mut ordered) = (vec![Score::default(); paths.len() + 1], vec![Score::default(); paths.len() + 1]);
    for fold in 0..FOLDS {
        let model = fit(&articles, &groups, |a| a.fold != fold);
        let held: Vec<&Article> = articles.iter().filter(|a| a.fold == fold).collect();
        let scores: Vec<(usize, Score, Score)> =
            held.par_iter().map(|a| (a.set, score(a, &model), score(a, &order))).collect();
        let (mut f, mut o) = (Score::default(), Score::default());
        for (set, s, r) in scores {
            fitted[set].add(s);
            ordered[set].add(r);
            f.add(s);
            o.add(r);
        }
        println!(
            "fold {fold}: speaker_acc fitted={:.3} rule_order={:.3} (judged {})",
            f.accuracy(),
            o.accuracy(),
            f.judged
        );
    }
    for (set, path) in paths.iter().enumerate() {
        let (f, o) = (fitted[set], ordered[set]);
        println!("{path}: speaker_acc fitted={:.4} rule_order={:.4} (judged {})", f.accuracy(), o.accuracy(), f.judged);
        fitted[paths.len()].add(f);
        ordered[paths.len()].add(o);
    }
    let (f, o) = (fitted[paths.len()], ordered[paths.len()]);
    println!(
        "cross-validated (5 folds by article): speaker_acc fitted={:.4} rule_order={:.4} (judged {})",
        f.accuracy(),
        o.accuracy(),
        f.judged
    );
    let model = fit(&articles, &groups, |_| true);
    let mut whole = Score::default();
    articles.par_iter().map(|a| score(a, &model)).collect::<Vec<_>>().into_iter().for_each(|s| whole.add(s));
    println!("fitted on all articles, scored on them: speaker_acc={:.4}", whole.accuracy());
    for (name, w) in FEATURE_NAMES.iter().zip(model.weights()) {
        println!("  {name:32} {w:9.3}");
    }
    if !flag("--write") && !flag("--check") {
        return ExitCode::SUCCESS;
    }
    let header = format!(
        "Speaker ranking weights: conditional logit (L2 {L2}, {ITERATIONS} gradient steps of {STEP}),\n\
         fitted by examples/fit_speakers.rs on {} articles, {quotes} quotes.\n\
         Cross-validated speaker accuracy (5 folds by article): {:.4}.",
        articles.len(),
        f.accuracy()
    );
    write(&model, &header, flag("--check"))
}

/// Writes the weights file, or with `check` compares it with the file.
fn write(model: &LinearModel, header: &str, check: bool) -> ExitCode {
    let header = format!(
        "Speaker ranking weights (src/engine/attribution/speaker.rs).\n{header}\n\
         Regenerate: cargo run --release --example fit_speakers -- GOLD.jsonl... --write (or --order)."
    );
    if check {
        if std::fs::read_to_string(WEIGHTS_PATH).ok() == Some(model.to_text(&header)) {
            println!("{WEIGHTS_PATH}: reproduced byte for byte");
            return ExitCode::SUCCESS;
        }
        eprintln!("error: {WEIGHTS_PATH} differs from the refit weights");
        return ExitCode::from(1);
    }
    if let Err(e) = std::fs::write(WEIGHTS_PATH, model.to_text(&header)) {
        eprintln!("error: {WEIGHTS_PATH}: {e}");
        return ExitCode::from(1);
    }
    println!("wrote {WEIGHTS_PATH}");
    ExitCode::SUCCESS
}

/// The weights that keep the rule order: rule `i` of `n` weighs 2^(n-1-i).
fn rule_order() -> LinearModel {
    let n = RULES.len();
    let weights = (0..FEATURE_NAMES.len()).map(|i| if i < n { (1u64 << (n - 1 - i)) as f64 } else { 0.0 }).collect();
    LinearModel::new(&FEATURE_NAMES, 0.0, weights)
}

fn load(path: &str, set: usize) -> Result<Vec<Article>, String> {
    let src = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for (n, line) in src.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        let id = v["id"].as_str().unwrap_or_default();
        let text = v["text"].as_str().unwrap_or_default().to_string();
        let gold = v["quotes"].as_array().into_iter().flatten().map(gold_quote).collect();
        out.push(Article { set, fold: fold_of(id, FOLDS), text, gold });
    }
    Ok(out)
}

fn gold_quote(q: &Value) -> GoldQuote {
    let speaker = q["speaker"].as_str().unwrap_or_default();
    let mut forms: Vec<String> = Vec::new();
    if !speaker.is_empty() {
        forms.push(speaker.to_string());
        forms.extend(q["speaker_aliases"].as_array().into_iter().flatten().filter_map(Value::as_str).map(String::from));
        // "A and B" matches either part.
        let parts: Vec<String> = forms
            .iter()
            .flat_map(|f| f.split([',', '&']).flat_map(|p| p.split(" and ")).map(str::trim).map(String::from))
            .filter(|p| !p.is_empty())
            .collect();
        forms.extend(parts);
    }
    let unjudged =
        q["speaker_unknown"].as_bool().unwrap_or(false) || q["meta"]["unresolved_pronoun"].as_bool().unwrap_or(false);
    GoldQuote {
        words: words(q["text"].as_str().unwrap_or_default()),
        forms: forms.iter().map(|f| name_tokens(f)).filter(|t| !t.is_empty()).collect(),
        named: q["speaker_named"].as_bool().unwrap_or(true),
        judged: !unjudged,
    }
}

/// Quote words: lowercase, apostrophes inside words dropped.
fn words(s: &str) -> Vec<String> {
    let s: String = s.chars().flat_map(char::to_lowercase).collect();
    let chars: Vec<char> = s.chars().collect();
    let mut kept = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let inside = i > 0 && i + 1 < chars.len() && chars[i - 1].is_alphanumeric() && chars[i + 1].is_alphanumeric();
        if matches!(c, '\'' | '\u{2019}' | '\u{2018}' | '`') && inside {
            continue;
        }
        kept.push(if c.is_alphanumeric() || c == '_' { c } else { ' ' });
    }
    kept.split_whitespace().map(String::from).collect()
}

/// Name tokens: lowercase, possessive and periods dropped, a leading
/// article or honorific dropped.
fn name_tokens(s: &str) -> Vec<String> {
    let s = s.to_lowercase().replace('\u{2019}', "'").replace("'s ", " ");
    let s = s.strip_suffix("'s").unwrap_or(&s).replace(['.', '\''], " ");
    let mut toks: Vec<String> =
        s.split(|c: char| !c.is_alphanumeric() && c != '_').filter(|t| !t.is_empty()).map(String::from).collect();
    while toks.len() > 1 && (HONORIFICS.contains(&toks[0].as_str()) || matches!(toks[0].as_str(), "a" | "an" | "the")) {
        toks.remove(0);
    }
    toks
}

/// The scorer's name rule: equal, a given name or family name alone, or
/// the same surname with the shorter name covered by the longer.
fn names_match(p: &[String], g: &[String]) -> bool {
    if p.is_empty() || g.is_empty() {
        return false;
    }
    if p == g {
        return true;
    }
    let single = if p.len() == 1 {
        Some((p, g))
    } else if g.len() == 1 {
        Some((g, p))
    } else {
        None
    };
    if let Some((one, other)) = single {
        if other.len() > 1 && one[0] == other[0] && one[0].len() > 2 && !GENERIC_LAST.contains(&one[0].as_str()) {
            return true;
        }
    }
    let last = p.last().expect("not empty");
    if last != g.last().expect("not empty")
        || GENERIC_LAST.contains(&last.as_str())
        || last.chars().count() < 2
        || last.chars().all(|c| c.is_ascii_digit())
    {
        return false;
    }
    if p.len() == 1 || g.len() == 1 {
        return true;
    }
    let (short, long) = if p.len() <= g.len() { (p, g) } else { (g, p) };
    let mut j = 0;
    for t in short {
        while j < long.len() && !(long[j] == *t || t.chars().count() == 1 && long[j].starts_with(t.as_str())) {
            j += 1;
        }
        if j == long.len() {
            return false;
        }
        j += 1;
    }
    true
}

fn speaker_right(g: &GoldQuote, predicted: Option<&str>) -> bool {
    match predicted {
        _ if g.forms.is_empty() => predicted.is_none(),
        None => !g.named,
        Some(name) => {
            let p = name_tokens(name);
            g.forms.iter().any(|f| names_match(&p, f))
        }
    }
}

/// Longest common subsequence of two word lists, relative to the longer.
fn overlap(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut row = vec![0usize; b.len() + 1];
    for x in a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diagonal + 1 } else { up.max(row[j]) };
            diagonal = up;
        }
    }
    row[b.len()] as f64 / a.len().max(b.len()) as f64
}

/// Each direct quote of `doc` (by index) with the gold quote it matches.
fn matches(a: &Article, doc: &Document) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
    for (j, q) in doc.quotes.iter().enumerate().filter(|(_, q)| q.kind == QuoteKind::Direct) {
        let w = words(&q.text);
        for (i, g) in a.gold.iter().enumerate() {
            let o = overlap(&g.words, &w);
            if o >= 0.5 {
                pairs.push((-o, i, j));
            }
        }
    }
    pairs.sort_by(|x, y| x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal));
    let (mut used_gold, mut used_pred) = (vec![false; a.gold.len()], vec![false; doc.quotes.len()]);
    let mut out = Vec::new();
    for (_, i, j) in pairs {
        if !used_gold[i] && !used_pred[j] {
            used_gold[i] = true;
            used_pred[j] = true;
            out.push((j, i));
        }
    }
    out
}

fn speaker_name(doc: &Document, speaker: Option<usize>) -> Option<&str> {
    speaker.and_then(|id| doc.entities.iter().find(|e| e.id == id)).map(|e| e.name.as_str())
}

/// Speaker accuracy of one article annotated with `model`.
fn score(a: &Article, model: &LinearModel) -> Score {
    let (doc, _) = attribution::fitting(model.clone(), || byline::annotate(&a.text));
    let mut s = Score::default();
    for (j, i) in matches(a, &doc) {
        let g = &a.gold[i];
        if g.judged {
            s.judged += 1;
            s.right += usize::from(speaker_right(g, speaker_name(&doc, doc.quotes[j].speaker)));
        }
    }
    s
}

/// A quote's candidates' features, and which are right.
struct Group {
    features: Vec<Vec<f64>>,
    right: Vec<bool>,
}

/// The labelled candidates of an article's judged, matched quotes.
fn groups(a: &Article, model: &LinearModel) -> Vec<Group> {
    let (doc, choices) = attribution::fitting(model.clone(), || byline::annotate(&a.text));
    let matched = matches(a, &doc);
    let mut out = Vec::new();
    for SpeakerChoice { quote, candidates, .. } in choices {
        let Some(j) = doc.quotes.iter().position(|q| q.outer == quote) else { continue };
        let Some(&(_, i)) = matched.iter().find(|(k, _)| *k == j) else { continue };
        let g = &a.gold[i];
        if !g.judged {
            continue;
        }
        let right: Vec<bool> = candidates.iter().map(|c| speaker_right(g, speaker_name(&doc, c.speaker))).collect();
        if right.iter().any(|r| *r) {
            out.push(Group { features: candidates.into_iter().map(|c| c.features).collect(), right });
        }
    }
    out
}

/// Fits a conditional logit on the groups of the articles `take` keeps.
fn fit(articles: &[Article], groups: &[Vec<Group>], take: impl Fn(&Article) -> bool) -> LinearModel {
    let data: Vec<&Group> = articles.iter().zip(groups).filter(|(a, _)| take(a)).flat_map(|(_, g)| g.iter()).collect();
    let n = data.len().max(1) as f64;
    let mut weights = vec![0.0; FEATURE_NAMES.len()];
    let mut gradient = vec![0.0; FEATURE_NAMES.len()];
    for _ in 0..ITERATIONS {
        gradient.iter_mut().for_each(|g| *g = 0.0);
        for group in &data {
            let scores: Vec<f64> =
                group.features.iter().map(|x| x.iter().zip(&weights).map(|(v, w)| v * w).sum::<f64>()).collect();
            let top = scores.iter().cloned().fold(f64::MIN, f64::max);
            let exp: Vec<f64> = scores.iter().map(|s| (s - top).exp()).collect();
            let total: f64 = exp.iter().sum();
            let rights = group.right.iter().filter(|r| **r).count() as f64;
            for ((x, e), r) in group.features.iter().zip(&exp).zip(&group.right) {
                let target = if *r { 1.0 / rights } else { 0.0 };
                let err = e / total - target;
                for (g, v) in gradient.iter_mut().zip(x) {
                    *g += err * v;
                }
            }
        }
        for (w, g) in weights.iter_mut().zip(&gradient) {
            *w -= STEP * (g / n + L2 * *w);
        }
    }
    // Six decimals, as the file keeps them: the model scored is the one written.
    let round = |w: f64| (w * 1e6).round() / 1e6;
    LinearModel::new(&FEATURE_NAMES, 0.0, weights.into_iter().map(round).collect())
}
