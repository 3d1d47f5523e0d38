//! Fits the pledge decision weights (`assets/pledge_weights.txt`) on a set
//! of articles annotated with pledges, and prints cross-validated and
//! whole-fit scores:
//!
//! ```sh
//! cargo run --release --example fit_pledges -- GOLD.jsonl           # fit, score, write the weights
//! cargo run --release --example fit_pledges -- GOLD.jsonl --check   # fit, score, compare with the file
//! cargo run --release --example fit_pledges -- GOLD.jsonl --dump    # also list every candidate, label, features
//! ```
//!
//! GOLD.jsonl holds one article a line: `{"id", "text", "pledges": [{"start",
//! "end", "actor", "actor_aliases", "amount", "optional"}]}`. Every candidate
//! the engine finds is labelled by the gold spans (the scorer's rule: an
//! overlap of at least half the shorter span): 1 when it matches a
//! required pledge, 0 when it matches none; a candidate matching only an
//! optional pledge (a restatement, a borderline case) is left out of
//! training, as the scorer neither credits nor penalises it.
//!
//! The model is an L2-regularized logistic regression fitted by full-batch
//! gradient descent: fixed order, fixed step and iteration count, no
//! randomness, so the same data gives the same file byte for byte.
//! Cross-validation: 5 folds by article (fold = FNV-1a of the id, mod 5);
//! each fold is scored by annotating its articles with weights fitted on
//! the other four. Scores follow `score_pledges.py`: pledge precision,
//! recall and F1 (optional gold neither credited nor penalised, extra
//! predictions inside a matched gold span ignored), actor and amount
//! accuracy on matched required pledges.

use std::process::ExitCode;

use byline::engine::annotate_for_fitting;
use byline::engine::fit::{fold_of, LinearModel};
use byline::engine::pledges::{Candidate, FEATURE_COUNT, FEATURE_NAMES};
use byline::model::{Document, Span};
use serde_json::Value;

const WEIGHTS_PATH: &str = "assets/pledge_weights.txt";
const FOLDS: u64 = 5;
const ITERATIONS: usize = 3000;
const STEP: f64 = 0.5;
const L2: f64 = 0.005;

/// One gold pledge.
struct GoldPledge {
    span: Span,
    optional: bool,
    names: Vec<String>,
    amount: String,
}

/// One article of the gold set.
struct Article {
    text: String,
    gold: Vec<GoldPledge>,
    fold: u64,
}

/// Counts over scored articles (see `score_pledges.py`).
#[derive(Default, Clone, Copy)]
struct Score {
    true_positives: usize,
    predicted: usize,
    gold: usize,
    actor_right: usize,
    amount_right: usize,
    amount_gold: usize,
}

impl Score {
    fn add(&mut self, other: Score) {
        self.true_positives += other.true_positives;
        self.predicted += other.predicted;
        self.gold += other.gold;
        self.actor_right += other.actor_right;
        self.amount_right += other.amount_right;
        self.amount_gold += other.amount_gold;
    }

    fn line(&self) -> String {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let p = ratio(self.true_positives, self.predicted);
        let r = ratio(self.true_positives, self.gold);
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        format!(
            "pledge_f1={f:.3} precision={p:.3} recall={r:.3} tp={} pred={} gold={} actor_acc={:.3} amount_acc={:.3} ({} with gold amount)",
            self.true_positives,
            self.predicted,
            self.gold,
            ratio(self.actor_right, self.true_positives),
            ratio(self.amount_right, self.amount_gold),
            self.amount_gold
        )
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check = args.iter().any(|a| a == "--check");
    let dump = args.iter().any(|a| a == "--dump");
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: fit_pledges GOLD.jsonl [--check] [--dump]");
        return ExitCode::from(2);
    };
    let articles = match load(path) {
        Ok(a) => a,
        Err(e) => {
            eprintln!("error: {path}: {e}");
            return ExitCode::from(1);
        }
    };
    // Candidates and their features do not depend on the weights.
    let zero = LinearModel::zero(FEATURE_NAMES);
    let labelled: Vec<Vec<(Candidate, Option<bool>)>> = articles
        .iter()
        .map(|a| {
            let candidates = annotate_for_fitting(&a.text, &zero).1;
            candidates
                .into_iter()
                .map(|c| {
                    let l = label(&c, a);
                    (c, l)
                })
                .collect()
        })
        .collect();
    if dump {
        for (a, cs) in articles.iter().zip(&labelled) {
            for (c, l) in cs {
                let on: Vec<&str> =
                    FEATURE_NAMES.iter().zip(&c.features).filter(|(_, v)| **v != 0.0).map(|(n, _)| *n).collect();
                println!(
                    "{}\t{l:?}\t{:?}\t{}\t{}\t{}\t{}",
                    a.fold,
                    c.construction,
                    c.span.start,
                    c.span.end,
                    c.span.slice(&a.text).replace('\n', " "),
                    on.join(",")
                );
            }
        }
    }
    let examples = labelled.iter().flatten().filter(|(_, l)| l.is_some()).count();
    let positives = labelled.iter().flatten().filter(|(_, l)| *l == Some(true)).count();
    println!(
        "articles={} candidates={} trained_on={examples} positive={positives}",
        articles.len(),
        labelled.iter().map(Vec::len).sum::<usize>()
    );

    let mut cross = Score::default();
    for fold in 0..FOLDS {
        let model = fit(&articles, &labelled, |a| a.fold != fold);
        let mut s = Score::default();
        for a in articles.iter().filter(|a| a.fold == fold) {
            s.add(score_article(a, &annotate_for_fitting(&a.text, &model).0));
        }
        println!("fold {fold}: {}", s.line());
        cross.add(s);
    }
    println!("cross-validated (5 folds by article): {}", cross.line());

    let model = fit(&articles, &labelled, |_| true);
    let mut whole = Score::default();
    for a in &articles {
        whole.add(score_article(a, &annotate_for_fitting(&a.text, &model).0));
    }
    println!("whole fit: {}", whole.line());

    let header = format!(
        "Pledge decision weights: logistic regression (L2 {L2}, {ITERATIONS} gradient steps of {STEP}),\n\
         fitted by examples/fit_pledges.rs on {} articles, {examples} labelled candidates.\n\
         Refit: cargo run --release --example fit_pledges -- GOLD.jsonl (--check compares).\n\
         A candidate is a pledge when bias + sum of weight x feature > 0.",
        articles.len()
    );
    let text = model.to_text(&header);
    if check {
        let committed = std::fs::read_to_string(WEIGHTS_PATH).unwrap_or_default();
        if committed == text {
            println!("check: {WEIGHTS_PATH} is reproduced byte for byte");
            return ExitCode::SUCCESS;
        }
        eprintln!("check failed: the refitted weights differ from {WEIGHTS_PATH}");
        return ExitCode::from(1);
    }
    if let Err(e) = std::fs::write(WEIGHTS_PATH, text) {
        eprintln!("error: {WEIGHTS_PATH}: {e}");
        return ExitCode::from(1);
    }
    println!("wrote {WEIGHTS_PATH}");
    ExitCode::SUCCESS
}

fn load(path: &str) -> Result<Vec<Article>, String> {
    let src = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    for (n, line) in src.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        let id = v["id"].as_str().unwrap_or_default().to_string();
        let text = v["text"].as_str().unwrap_or_default().to_string();
        let gold = v["pledges"].as_array().into_iter().flatten().filter_map(|p| gold_pledge(p, &text)).collect();
        out.push(Article { fold: fold_of(&id, FOLDS), text, gold });
    }
    Ok(out)
}

fn gold_pledge(p: &Value, text: &str) -> Option<GoldPledge> {
    let offset = |k: &str| p[k].as_u64().map(|x| x as usize);
    let span = match (offset("start"), offset("end")) {
        (Some(s), Some(e)) if e > s => Span::new(s, e),
        _ => {
            let t = p["text"].as_str().filter(|t| !t.is_empty())?;
            let s = text.find(t)?;
            Span::new(s, s + t.len())
        }
    };
    let mut names = vec![norm(p["actor"].as_str().unwrap_or(""))];
    names.extend(p["actor_aliases"].as_array().into_iter().flatten().filter_map(Value::as_str).map(norm));
    names.retain(|n| !n.is_empty());
    let optional = p["optional"].as_bool().unwrap_or(false);
    Some(GoldPledge { span, optional, names, amount: norm(p["amount"].as_str().unwrap_or("")) })
}

/// The scorer's normal form: lowercase, curly apostrophe straightened,
/// other marks than `$ % '` made spaces, spaces collapsed.
fn norm(s: &str) -> String {
    let mapped: String = s
        .chars()
        .map(|c| if c == '\u{2019}' { '\'' } else { c })
        .flat_map(char::to_lowercase)
        .map(|c| if c.is_alphanumeric() || matches!(c, '_' | '$' | '%' | '\'') { c } else { ' ' })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// How much two spans overlap, relative to the shorter.
fn overlap(a: Span, b: Span) -> f64 {
    let o = a.end.min(b.end) as f64 - a.start.max(b.start) as f64;
    let shorter = (a.end - a.start).min(b.end - b.start) as f64;
    if o > 0.0 && shorter > 0.0 {
        o / shorter
    } else {
        0.0
    }
}

/// A candidate's training label: required gold matched, none matched, or
/// (only an optional one matched) no label.
fn label(c: &Candidate, a: &Article) -> Option<bool> {
    let matched: Vec<&GoldPledge> = a.gold.iter().filter(|g| overlap(g.span, c.span) >= 0.5).collect();
    if matched.iter().any(|g| !g.optional) {
        Some(true)
    } else if matched.is_empty() {
        Some(false)
    } else {
        None
    }
}

/// Fits the weights on the labelled candidates of the articles `take` keeps.
fn fit(
    articles: &[Article],
    labelled: &[Vec<(Candidate, Option<bool>)>],
    take: impl Fn(&Article) -> bool,
) -> LinearModel {
    let data: Vec<(&[f64], f64)> = articles
        .iter()
        .zip(labelled)
        .filter(|(a, _)| take(a))
        .flat_map(|(_, cs)| cs.iter())
        .filter_map(|(c, l)| l.map(|l| (&c.features[..], if l { 1.0 } else { 0.0 })))
        .collect();
    let n = data.len().max(1) as f64;
    let mut bias = 0.0;
    let mut weights = vec![0.0; FEATURE_COUNT];
    let mut gradient = vec![0.0; FEATURE_COUNT];
    for _ in 0..ITERATIONS {
        gradient.iter_mut().for_each(|g| *g = 0.0);
        let mut bias_gradient = 0.0;
        for (x, y) in &data {
            let z = bias + weights.iter().zip(x.iter()).map(|(w, v)| w * v).sum::<f64>();
            let err = 1.0 / (1.0 + (-z).exp()) - y;
            bias_gradient += err;
            for (g, v) in gradient.iter_mut().zip(x.iter()) {
                *g += err * v;
            }
        }
        bias -= STEP * bias_gradient / n;
        for (w, g) in weights.iter_mut().zip(&gradient) {
            *w -= STEP * (g / n + L2 * *w);
        }
    }
    // Six decimals, as the file keeps them: the model scored is the one written.
    let round = |w: f64| (w * 1e6).round() / 1e6;
    LinearModel::new(FEATURE_NAMES, round(bias), weights.into_iter().map(round).collect())
}

/// Scores one annotated article against its gold, as `score_pledges.py` does.
fn score_article(a: &Article, doc: &Document) -> Score {
    let preds: Vec<Span> = doc.pledges.iter().map(|p| p.span()).collect();
    let mut pairs: Vec<(bool, f64, usize, usize)> = Vec::new();
    for (i, g) in a.gold.iter().enumerate() {
        for (j, p) in preds.iter().enumerate() {
            let o = overlap(g.span, *p);
            if o >= 0.5 {
                pairs.push((g.optional, -o, i, j));
            }
        }
    }
    pairs.sort_by(|x, y| x.partial_cmp(y).unwrap_or(std::cmp::Ordering::Equal));
    let (mut used_gold, mut used_pred) = (vec![false; a.gold.len()], vec![false; preds.len()]);
    let mut matched = Vec::new();
    for (_, _, i, j) in pairs {
        if !used_gold[i] && !used_pred[j] {
            used_gold[i] = true;
            used_pred[j] = true;
            matched.push((i, j));
        }
    }
    let ignored = (0..preds.len())
        .filter(|&j| !used_pred[j] && matched.iter().any(|&(i, _)| overlap(a.gold[i].span, preds[j]) >= 0.5))
        .count();
    let optional_hits = matched.iter().filter(|(i, _)| a.gold[*i].optional).count();
    let mut s = Score {
        predicted: preds.len() - ignored - optional_hits,
        gold: a.gold.iter().filter(|g| !g.optional).count(),
        ..Score::default()
    };
    for (i, j) in matched.into_iter().filter(|(i, _)| !a.gold[*i].optional) {
        let (g, p) = (&a.gold[i], &doc.pledges[j]);
        s.true_positives += 1;
        if let Some(e) = p.actor.and_then(|id| doc.entities.get(id)) {
            let mut forms = vec![norm(&e.name)];
            forms.extend(e.mentions.iter().map(|m| norm(doc.slice(m.span()))));
            s.actor_right += usize::from(forms.iter().any(|f| g.names.contains(f)));
        }
        if !g.amount.is_empty() {
            s.amount_gold += 1;
            let got = norm(p.amount.as_deref().unwrap_or(""));
            s.amount_right += usize::from(!got.is_empty() && (got == g.amount || got.contains(&g.amount)));
        }
    }
    s
}
