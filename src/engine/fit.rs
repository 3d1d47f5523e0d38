//! Fitted decisions: a linear model whose weights are named, kept in a
//! text file in `assets/` (one `name<TAB>weight` a line, `#` comments) that
//! `build.rs` compiles into `(name, weight)` pairs, so start-up parses no
//! numbers.
//!
//! A stage lists its feature names once (in a fixed order); the model keeps
//! one weight per name in that order, so scoring is a dot product over a
//! dense feature vector. The pledge decision uses it (see
//! `engine::pledges`); speaker and entity-kind decisions can use the same
//! type with their own names and file. The weights are fitted outside the
//! engine (`examples/fit_pledges.rs`).

/// Weights for a fixed list of feature names, plus a bias.
#[derive(Debug, Clone, PartialEq)]
pub struct LinearModel {
    names: &'static [&'static str],
    bias: f64,
    weights: Vec<f64>,
}

/// The name the bias goes by in a weights file.
pub const BIAS: &str = "bias";

impl LinearModel {
    /// A model of all-zero weights over `names`.
    pub fn zero(names: &'static [&'static str]) -> LinearModel {
        LinearModel { names, bias: 0.0, weights: vec![0.0; names.len()] }
    }

    /// A model from a bias and one weight per name (in the order of `names`).
    pub fn new(names: &'static [&'static str], bias: f64, weights: Vec<f64>) -> LinearModel {
        assert_eq!(names.len(), weights.len(), "one weight per feature name");
        LinearModel { names, bias, weights }
    }

    /// Reads a weights file. Every line names a feature of `names` (or
    /// [`BIAS`]); a feature the file does not name weighs 0. An unknown
    /// name, a repeated name or a bad number is an error.
    pub fn parse(names: &'static [&'static str], src: &str) -> Result<LinearModel, String> {
        let mut filler = Filler::new(names);
        for (n, line) in src.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let at = |e: String| format!("line {}: {e}", n + 1);
            let (name, value) = line.split_once('\t').ok_or_else(|| at("no tab".into()))?;
            let value: f64 = value.trim().parse().map_err(|_| at(format!("bad weight {value:?}")))?;
            filler.set(name, value).map_err(at)?;
        }
        Ok(filler.model)
    }

    /// A model from `(name, weight)` pairs as a weights file lists them
    /// (compiled by `build.rs`); the checks of [`LinearModel::parse`].
    pub fn from_pairs(names: &'static [&'static str], pairs: &[(&str, f64)]) -> Result<LinearModel, String> {
        let mut filler = Filler::new(names);
        for (n, &(name, value)) in pairs.iter().enumerate() {
            filler.set(name, value).map_err(|e| format!("entry {}: {e}", n + 1))?;
        }
        Ok(filler.model)
    }

    /// The weights file text: `header` lines as comments, then the bias and
    /// every weight, six decimals, in the order of the names (so the same
    /// model always gives the same bytes).
    pub fn to_text(&self, header: &str) -> String {
        let mut out = String::new();
        for line in header.lines() {
            out.push_str(&format!("# {line}\n"));
        }
        out.push_str(&format!("{BIAS}\t{:.6}\n", self.bias));
        for (name, w) in self.names.iter().zip(&self.weights) {
            out.push_str(&format!("{name}\t{w:.6}\n"));
        }
        out
    }

    /// The feature names, in weight order.
    pub fn names(&self) -> &'static [&'static str] {
        self.names
    }

    /// The bias.
    pub fn bias(&self) -> f64 {
        self.bias
    }

    /// The weights, in the order of [`LinearModel::names`].
    pub fn weights(&self) -> &[f64] {
        &self.weights
    }

    /// The weight of a named feature (0 for a name the model lacks).
    pub fn weight(&self, name: &str) -> f64 {
        self.names.iter().position(|x| *x == name).map_or(0.0, |i| self.weights[i])
    }

    /// Bias plus the dot product with `features` (one value per name).
    pub fn score(&self, features: &[f64]) -> f64 {
        self.bias + self.weights.iter().zip(features).map(|(w, x)| w * x).sum::<f64>()
    }
}

/// Fills a model name by name, in the order a weights file lists them.
struct Filler {
    model: LinearModel,
    seen: Vec<bool>,
    /// Files are written in the order of the names: look there first.
    next: usize,
}

impl Filler {
    fn new(names: &'static [&'static str]) -> Filler {
        Filler { model: LinearModel::zero(names), seen: vec![false; names.len() + 1], next: 0 }
    }

    /// Sets the weight of `name` (or the bias); unknown or repeated names are errors.
    fn set(&mut self, name: &str, value: f64) -> Result<(), String> {
        let names = self.model.names;
        let slot = if name == BIAS {
            names.len()
        } else if names.get(self.next) == Some(&name) {
            self.next
        } else {
            names.iter().position(|x| *x == name).ok_or_else(|| format!("unknown feature {name:?}"))?
        };
        self.next = slot + 1;
        if std::mem::replace(&mut self.seen[slot], true) {
            return Err(format!("{name:?} given twice"));
        }
        if slot == names.len() {
            self.model.bias = value;
        } else {
            self.model.weights[slot] = value;
        }
        Ok(())
    }
}

/// The cross-validation fold of an article: FNV-1a of its id, modulo
/// `folds`. Stable across runs and machines, so the fitting programs
/// (`examples/fit_*.rs`) split every dev set the same way.
pub fn fold_of(id: &str, folds: u64) -> u64 {
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    hash % folds
}

#[cfg(test)]
mod tests {
    use super::*;

    const NAMES: &[&str] = &["alpha", "beta"];

    #[test]
    fn parses_scores_and_writes_back() {
        let m = LinearModel::parse(NAMES, "# note\nbias\t-1.5\nbeta\t2\n").unwrap();
        assert_eq!(m.weight("alpha"), 0.0);
        assert_eq!(m.score(&[1.0, 1.0]), 0.5);
        let text = m.to_text("fitted by hand");
        assert_eq!(text, "# fitted by hand\nbias\t-1.500000\nalpha\t0.000000\nbeta\t2.000000\n");
        assert_eq!(LinearModel::parse(NAMES, &text).unwrap(), m);
    }

    #[test]
    fn refuses_unknown_and_repeated_names() {
        assert!(LinearModel::parse(NAMES, "gamma\t1\n").is_err());
        assert!(LinearModel::parse(NAMES, "alpha\t1\nalpha\t2\n").is_err());
        assert!(LinearModel::parse(NAMES, "alpha 1\n").is_err());
        assert!(LinearModel::parse(NAMES, "alpha\tx\n").is_err());
    }
}

/// Fits a logistic regression (L2 penalty `l2`, full-batch gradient
/// descent: `steps` steps of size `rate`, from zero weights). Deterministic:
/// the same rows give the same weights. Returns the bias and the weights.
pub fn train_logistic(rows: &[Vec<f64>], labels: &[bool], l2: f64, steps: usize, rate: f64) -> (f64, Vec<f64>) {
    let width = rows.first().map_or(0, Vec::len);
    let (mut bias, mut weights) = (0.0, vec![0.0; width]);
    let n = rows.len().max(1) as f64;
    for _ in 0..steps {
        let mut grad_bias = 0.0;
        let mut grad = vec![0.0; width];
        for (x, &y) in rows.iter().zip(labels) {
            let z = bias + weights.iter().zip(x).map(|(w, v)| w * v).sum::<f64>();
            let err = 1.0 / (1.0 + (-z).exp()) - f64::from(u8::from(y));
            grad_bias += err;
            grad.iter_mut().zip(x).for_each(|(g, v)| *g += err * v);
        }
        bias -= rate * grad_bias / n;
        for (w, g) in weights.iter_mut().zip(&grad) {
            *w -= rate * (g / n + l2 * *w);
        }
    }
    (bias, weights)
}

#[cfg(test)]
mod train_tests {
    use super::*;

    #[test]
    fn learns_a_separable_rule_deterministically() {
        let rows = vec![vec![1.0, 0.0], vec![1.0, 1.0], vec![0.0, 1.0], vec![0.0, 0.0]];
        let labels = [true, true, false, false];
        let (b, w) = train_logistic(&rows, &labels, 0.001, 2000, 1.0);
        assert!(w[0] > 2.0 && w[1].abs() < 1.0, "{w:?}");
        assert!(b + w[0] > 0.0 && b < 0.0);
        assert_eq!(train_logistic(&rows, &labels, 0.001, 2000, 1.0), (b, w));
    }
}
