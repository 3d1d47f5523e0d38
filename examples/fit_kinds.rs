//! Fits the entity-kind model (`assets/entity_kind_weights.txt`) on an
//! entity gold set and prints cross-validated and whole-fit scores.
//!
//! ```sh
//! cargo run --release --example fit_kinds -- ../shared/dev/entities-dev.jsonl           # fit, write the weights
//! cargo run --release --example fit_kinds -- ../shared/dev/entities-dev.jsonl --check   # refit, compare with the file
//! cargo run --release --example fit_kinds -- ../shared/dev/entities-dev.jsonl --check --l2 0.01 --errors
//!     # another penalty; list the rows each cross-validation fold types wrong
//! ```
//!
//! Every entity the rules make is a row (its features before the model
//! decides). The model types things, not people: a row the rules did not
//! make a person, matched to a gold entity that is no person by name (one
//! to one, greedy by shared names, as the scorer matches), is labelled with
//! the gold kind. One logistic regression per class (one against the rest),
//! L2-penalized, full-batch gradient descent from zero: deterministic.
//! Folds: 5, by a stable hash of the article id (`fit::fold_of`); each fold
//! is scored with weights fitted on the other four.

use std::collections::BTreeSet;
use std::process::ExitCode;

use byline::engine::entities::decide::{feature_names, settled, KindModel, CLASSES};
use byline::engine::entities::KindRow;
use byline::engine::fit::{train_logistic, LinearModel};
use byline::model::EntityKind;
use serde_json::Value;

const FOLDS: u64 = 5;
/// The L2 penalty: the best cross-validated kind accuracy of 0.001, 0.003,
/// 0.01, 0.03, 0.1 (`--l2 X` tries another).
const L2: f64 = 0.001;
const STEPS: usize = 1500;
const RATE: f64 = 0.5;
const WEIGHTS: &str = "assets/entity_kind_weights.txt";

/// A gold entity: its kind and its normalized names.
struct Gold {
    kind: &'static str,
    names: BTreeSet<String>,
}

/// An article: its gold entities, the kinds its gold annotates, and the
/// rows the rules make, each with its normalized names and label.
struct Article {
    id: String,
    gold: Vec<Gold>,
    people_only: bool,
    rows: Vec<(KindRow, BTreeSet<String>, Option<usize>)>,
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.iter().find(|a| a.ends_with(".jsonl")) else {
        eprintln!("usage: fit_kinds GOLD.jsonl [--check]");
        return ExitCode::from(2);
    };
    let articles = match load(path) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    };
    let l2 = match args.iter().position(|a| a == "--l2").map(|i| args.get(i + 1).and_then(|v| v.parse::<f64>().ok())) {
        None => L2,
        Some(Some(v)) => v,
        Some(None) => {
            eprintln!("error: --l2 needs a number");
            return ExitCode::from(2);
        }
    };
    let mut cv = Score::default();
    for fold in 0..FOLDS {
        let train: Vec<&Article> = articles.iter().filter(|a| fold_of(&a.id) != fold).collect();
        let model = fit(&train, l2);
        articles.iter().filter(|a| fold_of(&a.id) == fold).for_each(|a| cv.add(a, &model));
        if args.iter().any(|a| a == "--errors") {
            for a in articles.iter().filter(|a| fold_of(&a.id) == fold) {
                for (row, _, label) in &a.rows {
                    let Some(l) = label else { continue };
                    let got = model.classify(&row.features);
                    if got != *l {
                        let on: Vec<&str> = feature_names()
                            .iter()
                            .zip(&row.features)
                            .filter(|(_, v)| **v != 0.0)
                            .map(|(n, _)| *n)
                            .collect();
                        println!("ERR gold={} got={} {:?} {:?}", CLASSES[*l], CLASSES[got], row.names.first(), on);
                    }
                }
            }
        }
    }
    let all: Vec<&Article> = articles.iter().collect();
    let model = fit(&all, l2);
    let mut whole = Score::default();
    articles.iter().for_each(|a| whole.add(a, &model));
    let mut rules = Score::default();
    articles.iter().for_each(|a| rules.add_rules(a));
    println!("rules alone     {}", rules.line());
    println!("cross-validated {}", cv.line());
    println!("whole fit       {}", whole.line());
    let header = format!(
        "Entity-kind weights: one logistic regression per class (L2 {l2}, {STEPS} steps of {RATE}),\n\
         fitted by examples/fit_kinds.rs on {} articles. Lines: class, feature, weight.",
        articles.len()
    );
    let text = model.to_text(&header);
    if args.iter().any(|a| a == "--check") {
        let committed = std::fs::read_to_string(WEIGHTS).unwrap_or_default();
        if committed == text {
            println!("{WEIGHTS}: reproduced byte for byte");
            return ExitCode::SUCCESS;
        }
        eprintln!("error: {WEIGHTS} differs from the refit weights");
        return ExitCode::FAILURE;
    }
    if let Err(e) = std::fs::write(WEIGHTS, text) {
        eprintln!("error: {WEIGHTS}: {e}");
        return ExitCode::FAILURE;
    }
    println!("wrote {WEIGHTS}");
    ExitCode::SUCCESS
}

/// The fold of an article (the shared fold hash).
fn fold_of(id: &str) -> u64 {
    byline::engine::fit::fold_of(id, FOLDS)
}

/// One model per class, fitted on the labelled rows of `articles`.
fn fit(articles: &[&Article], l2: f64) -> KindModel {
    let labelled: Vec<(&Vec<f64>, usize)> = articles
        .iter()
        .flat_map(|a| a.rows.iter().filter_map(|(row, _, label)| label.map(|l| (&row.features, l))))
        .collect();
    let rows: Vec<Vec<f64>> = labelled.iter().map(|(f, _)| (*f).clone()).collect();
    let models = (0..CLASSES.len())
        .map(|class| {
            let labels: Vec<bool> = labelled.iter().map(|(_, l)| *l == class).collect();
            let (bias, weights) = train_logistic(&rows, &labels, l2, STEPS, RATE);
            // Six decimals, as the file holds them: the fit and the file agree.
            let round = |x: f64| (x * 1e6).round() / 1e6;
            LinearModel::new(feature_names(), round(bias), weights.into_iter().map(round).collect())
        })
        .collect();
    KindModel::new(models)
}

fn load(path: &str) -> Result<Vec<Article>, String> {
    let src = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut out = Vec::new();
    for line in src.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).map_err(|e| format!("{path}: {e}"))?;
        let gold: Vec<Gold> = v["entities"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|e| {
                let mut names: BTreeSet<String> = BTreeSet::new();
                names.insert(norm(e["name"].as_str().unwrap_or("")));
                for a in e["aliases"].as_array().into_iter().flatten().filter_map(Value::as_str) {
                    names.insert(norm(a));
                }
                names.remove("");
                Gold { kind: kind_name(e["kind"].as_str().unwrap_or("other")), names }
            })
            .collect();
        let people_only = v["annotated_kinds"].as_array().is_some_and(|k| k.len() == 1 && k[0] == "person");
        let text = v["text"].as_str().unwrap_or("");
        let rows = byline::engine::entity_kind_rows(text);
        let names: Vec<BTreeSet<String>> =
            rows.iter().map(|r| r.names.iter().map(|n| norm(n)).filter(|n| !n.is_empty()).collect()).collect();
        let matched = match_greedy(&gold, &names, |_, _| true);
        let rows = rows
            .into_iter()
            .zip(names)
            .enumerate()
            .map(|(j, (row, names))| {
                let gold_kind = matched.iter().find(|&&(_, pj)| pj == j).map(|&(gi, _)| gold[gi].kind);
                let label = gold_kind
                    .filter(|_| row.rule_kind != EntityKind::Person)
                    .and_then(|k| CLASSES.iter().position(|c| *c == k));
                (row, names, label)
            })
            .collect();
        out.push(Article { id: v["id"].as_str().unwrap_or("").to_string(), gold, people_only, rows });
    }
    Ok(out)
}

/// Gold kinds as the scorer counts them (document and event are other).
fn kind_name(kind: &str) -> &'static str {
    match kind {
        "person" => "person",
        "organization" => "organization",
        "place" => "place",
        _ => "other",
    }
}

fn kind_of(kind: EntityKind) -> &'static str {
    kind_name(kind.as_str())
}

/// Names normalized as the scorer does (case, quotes, periods, hyphens, a
/// leading "the", a trailing "'s", leading titles).
fn norm(s: &str) -> String {
    let s = s.to_lowercase().replace(['\u{2019}', '\u{2018}', '`'], "'").replace('.', "");
    let s = s.replace(['-', '\u{2013}', '_'], " ");
    let s = s.trim().strip_suffix("'s").unwrap_or(s.trim()).to_string();
    let s = s.replace(['"', '\u{201c}', '\u{201d}', ',', ';', ':', '(', ')', '[', ']'], " ");
    let mut words: Vec<&str> = s.split_whitespace().collect();
    if words.first() == Some(&"the") {
        words.remove(0);
    }
    let all = words.clone();
    while words.len() > 1 && TITLES.split_whitespace().any(|t| t == words[0]) {
        words.remove(0);
    }
    if words.is_empty() {
        all.join(" ")
    } else {
        words.join(" ")
    }
}

/// Leading titles the scorer drops (`../shared/tools/score_entities.py`).
const TITLES: &str = concat!(
    "mr mrs ms miss dr prof professor sir dame lord lady sen senator rep gov governor rev ",
    "president premier minister mayor chief coach judge justice king queen prince princess pope ",
    "general gen col capt sgt lt secretary chancellor chairman chairwoman ceo mp mla mpp st ",
    "saint major colonel ",
);

/// One-to-one matches (gold index, prediction index), greedy by shared names.
fn match_greedy(gold: &[Gold], pred: &[BTreeSet<String>], fits: impl Fn(usize, usize) -> bool) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        for (j, p) in pred.iter().enumerate() {
            let shared = g.names.intersection(p).count();
            if shared > 0 && fits(i, j) {
                pairs.push((usize::MAX - shared, i, j));
            }
        }
    }
    pairs.sort_unstable();
    let (mut used_g, mut used_p, mut out) = (BTreeSet::new(), BTreeSet::new(), Vec::new());
    for (_, i, j) in pairs {
        if !used_g.contains(&i) && !used_p.contains(&j) {
            used_g.insert(i);
            used_p.insert(j);
            out.push((i, j));
        }
    }
    out
}

/// Counts for entity F1 overall and per kind, and kind accuracy.
#[derive(Default)]
struct Score {
    tp: usize,
    pred: usize,
    gold: usize,
    kinds: [(usize, usize, usize); 4],
    kind_right: usize,
}

impl Score {
    /// Scores an article with the model's decisions.
    fn add(&mut self, a: &Article, model: &KindModel) {
        let decided: Vec<Option<&'static str>> = a
            .rows
            .iter()
            .map(|(row, _, _)| Some(kind_of(settled(row.rule_kind, model.classify(&row.features), row.sure))))
            .collect();
        self.count(a, &decided);
    }

    /// Scores an article with the rules' kinds (no model).
    fn add_rules(&mut self, a: &Article) {
        let decided: Vec<Option<&'static str>> =
            a.rows.iter().map(|(row, _, _)| Some(kind_of(row.rule_kind))).collect();
        self.count(a, &decided);
    }

    fn count(&mut self, a: &Article, decided: &[Option<&'static str>]) {
        let counted: Vec<usize> = (0..a.rows.len()).filter(|&j| decided[j].is_some()).collect();
        let names: Vec<BTreeSet<String>> = counted.iter().map(|&j| a.rows[j].1.clone()).collect();
        let overall = match_greedy(&a.gold, &names, |_, _| true);
        self.tp += overall.len();
        // A people-only gold counts predicted people, and others it names.
        let matched = |pj: usize| overall.iter().any(|&(_, x)| x == pj);
        self.pred += (0..counted.len())
            .filter(|&pj| !a.people_only || decided[counted[pj]] == Some("person") || matched(pj))
            .count();
        self.gold += a.gold.len();
        for &(gi, pj) in &overall {
            self.kind_right += usize::from(decided[counted[pj]] == Some(a.gold[gi].kind));
        }
        for (k, kind) in ["person", "organization", "place", "other"].iter().enumerate() {
            if a.people_only && *kind != "person" {
                continue;
            }
            let same =
                match_greedy(&a.gold, &names, |gi, pj| a.gold[gi].kind == *kind && decided[counted[pj]] == Some(kind));
            let slot = &mut self.kinds[k];
            slot.0 += same.len();
            slot.1 += counted.iter().filter(|&&j| decided[j] == Some(kind)).count();
            slot.2 += a.gold.iter().filter(|g| g.kind == *kind).count();
        }
    }

    fn line(&self) -> String {
        let f1 = |tp: usize, pred: usize, gold: usize| {
            let (p, r) = (tp as f64 / pred.max(1) as f64, tp as f64 / gold.max(1) as f64);
            if p + r == 0.0 {
                0.0
            } else {
                2.0 * p * r / (p + r)
            }
        };
        let kinds: Vec<String> = ["person", "org", "place", "other"]
            .iter()
            .zip(&self.kinds)
            .map(|(name, &(tp, pred, gold))| format!("{name}={:.3}", f1(tp, pred, gold)))
            .collect();
        format!(
            "entity_f1={:.3} {} kind_acc={:.3}",
            f1(self.tp, self.pred, self.gold),
            kinds.join(" "),
            self.kind_right as f64 / self.tp.max(1) as f64
        )
    }
}
