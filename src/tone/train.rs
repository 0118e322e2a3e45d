//! Training and evaluating the tone model on the Propaganda Techniques Corpus.
//!
//! Unit: a non-empty line of a PTC article after its title line (PTC articles hold one
//! sentence per line), positive when it overlaps any gold technique span (the NLP4IF-2019
//! sentence-level task). The vocabulary is the `max_features` n-grams with the highest
//! document frequency (at least `min_df` sentences) on the training sentences, each a 0/1
//! feature. The L2
//! penalty and the decision threshold are chosen by k-fold cross-validation over articles
//! (fold = article index mod k, articles sorted by id): the penalty with the best pooled
//! out-of-fold F1, the threshold that gives it. Same data and options, same model file.

use std::collections::HashMap;
use std::ops::Range;

use linfa::prelude::*;
use linfa_logistic::LogisticRegression;
use ndarray::{Array1, Array2};
use rayon::prelude::*;
use serde::Serialize;

use super::features::{self, FeatureBag, SentenceInput};
use super::{CvFigures, LinearModel, Scorer, ToneError};
use crate::eval::loaded::analyze_plain;
use crate::eval::ptc::{overlaps_any, PtcArticle};
use crate::lexicon::Matcher;

/// One PTC sentence with its features and gold label.
#[derive(Debug, Clone)]
pub struct Example {
    pub article: usize,
    pub range: Range<usize>,
    pub bag: FeatureBag,
    pub label: bool,
    /// The unit's lower-case words, each with whether it lies inside an annotated span (for
    /// a [`super::prior::SpanPrior`]); empty when the corpus marks no words.
    pub inside: Vec<(String, bool)>,
}

/// The sentence units of PTC articles with their features (in parallel, in order).
pub fn examples(articles: &[PtcArticle], matcher: &Matcher) -> Vec<Example> {
    let per: Vec<Vec<Example>> = articles
        .par_iter()
        .enumerate()
        .map(|(k, a)| {
            let analysis = analyze_plain(&a.text);
            let (hits, caps) = matcher.find(&a.text, &analysis);
            let input = SentenceInput::new(&a.text, &analysis, matcher, &hits, &caps);
            line_units(&a.text)
                .into_iter()
                .map(|r| Example {
                    article: k,
                    label: overlaps_any(&a.spans, &r),
                    bag: features::bag(&input, r.clone()),
                    range: r,
                    inside: Vec::new(),
                })
                .collect()
        })
        .collect();
    per.into_iter().flatten().collect()
}

/// Byte ranges of the non-blank lines after the first (title) line, trimmed.
pub fn line_units(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, line) in text.split('\n').enumerate() {
        let end = start + line.len();
        let trimmed = line.trim();
        if i > 0 && !trimmed.is_empty() {
            let lead = line.len() - line.trim_start().len();
            out.push(start + lead..start + lead + trimmed.len());
        }
        start = end + 1;
    }
    out
}

/// Training options.
#[derive(Debug, Clone, Serialize)]
pub struct TrainOptions {
    pub max_features: usize,
    pub min_df: usize,
    pub folds: usize,
    pub alphas: Vec<f32>,
    pub max_iterations: u64,
    /// A post model (TF-IDF over words and character n-grams, see
    /// [`super::LinearModel::idf`]) keeping this many character n-grams besides the
    /// `max_features` word n-grams; 0 for a sentence model.
    pub max_char_features: usize,
    /// A post model with a span prior keying words by this many characters; 0 for none.
    #[serde(default)]
    pub span_prior_chars: usize,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            max_features: 2000,
            min_df: 3,
            folds: 3,
            alphas: vec![10.0, 30.0, 100.0],
            max_iterations: 30,
            max_char_features: 0,
            span_prior_chars: 0,
        }
    }
}

impl TrainOptions {
    /// The settings of a post model (`slant train tone --unlp`): 5,000 word and 15,000
    /// character n-grams seen in at least 2 posts, 5 folds, penalties 0.3, 1 and 3, and up to
    /// 100 solver iterations, with a span prior keyed by 5 characters.
    pub fn posts() -> TrainOptions {
        TrainOptions {
            max_features: 5000,
            min_df: 2,
            folds: 5,
            alphas: vec![0.3, 1.0, 3.0],
            max_iterations: 100,
            max_char_features: 15000,
            span_prior_chars: 5,
        }
    }

    pub fn post_model(&self) -> bool {
        self.max_char_features > 0
    }

    /// Whether the model gets a span prior: a post model whose units mark their words.
    fn span_prior(&self, examples: &[Example]) -> bool {
        self.post_model() && self.span_prior_chars > 0 && examples.iter().any(|e| e.inside.iter().any(|w| w.1))
    }
}

/// The n-gram vocabulary (highest document frequency first, ties by name; for a post model
/// the word and the character n-grams each up to their own number) sorted by name, plus every
/// dense feature name seen, sorted; with each name's document frequency (0 for the dense
/// features).
pub fn vocabulary(examples: &[Example], opts: &TrainOptions) -> (Vec<String>, Vec<usize>) {
    let mut df: HashMap<&str, usize> = HashMap::new();
    let mut dense: Vec<&str> = Vec::new();
    let mut distinct: Vec<&str> = Vec::new();
    for e in examples {
        distinct.clear();
        distinct.extend(e.bag.ngrams.iter().map(String::as_str));
        distinct.sort_unstable();
        distinct.dedup();
        for g in &distinct {
            *df.entry(g).or_default() += 1;
        }
        for (n, _) in &e.bag.dense {
            dense.push(n.as_str());
        }
    }
    let mut grams: Vec<(&str, usize)> = df.into_iter().filter(|(_, c)| *c >= opts.min_df).collect();
    grams.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let mut kept: Vec<(&str, usize)> = if opts.post_model() {
        let (chars, words): (Vec<_>, Vec<_>) = grams.into_iter().partition(|(g, _)| g.starts_with("c:"));
        words.into_iter().take(opts.max_features).chain(chars.into_iter().take(opts.max_char_features)).collect()
    } else {
        grams.truncate(opts.max_features);
        grams
    };
    kept.sort_by(|a, b| a.0.cmp(b.0));
    dense.sort_unstable();
    dense.dedup();
    let df = kept.iter().map(|g| g.1).chain(dense.iter().map(|_| 0)).collect();
    let names = kept.into_iter().map(|(g, _)| g.to_string()).chain(dense.into_iter().map(String::from)).collect();
    (names, df)
}

/// Smoothed inverse document frequency of each feature among `n` units, as TF-IDF computes
/// it: `ln((1 + n) / (1 + df)) + 1`; 1 for the dense features (which are not weighed).
fn idf(df: &[usize], n: usize) -> Vec<f32> {
    df.iter().map(|&d| if d == 0 { 1.0 } else { (((1 + n) as f64 / (1 + d) as f64).ln() + 1.0) as f32 }).collect()
}

/// Dense f32 training matrix of sparse rows over `features` features.
fn matrix(rows: &[Vec<(u32, f32)>], features: usize) -> Array2<f32> {
    let mut x = Array2::<f32>::zeros((rows.len(), features));
    for (r, row) in rows.iter().enumerate() {
        for &(i, v) in row {
            x[[r, i as usize]] = v;
        }
    }
    x
}

/// The sparse rows of a model's units: `rows(train, held)` gives the rows of the units
/// `train` (to fit on) and `held` (to predict), which may differ with the split (a span
/// prior is fitted on `train` only).
type Design<'a> = dyn Fn(&[usize], &[usize]) -> SplitRows + Sync + 'a;

/// The sparse rows of the units to fit on and of the units to predict.
type SplitRows = (Vec<Vec<(u32, f32)>>, Vec<Vec<(u32, f32)>>);

/// Rows as the scorer gives them, the same in every split.
fn plain_design<'a>(
    bags: &'a [&'a FeatureBag],
    scorer: &'a Scorer,
) -> impl Fn(&[usize], &[usize]) -> SplitRows + Sync + 'a {
    move |train: &[usize], held: &[usize]| {
        let rows = |ids: &[usize]| ids.iter().map(|&i| scorer.sparse(bags[i])).collect();
        (rows(train), rows(held))
    }
}

/// Words seen fewer times than this get no span-prior value.
const PRIOR_MIN_COUNT: usize = 2;

/// Rows with the span prior's features: a held-out unit's from a prior fitted on the `train`
/// units; a `train` unit's from a prior fitted on the `train` units outside its inner fold
/// (the rank of its article among the `train` articles, modulo the folds), so that no unit's
/// features have seen its own spans.
fn prior_design<'a>(
    examples: &'a [Example],
    bags: &'a [&'a FeatureBag],
    scorer: &'a Scorer,
    opts: &'a TrainOptions,
) -> impl Fn(&[usize], &[usize]) -> SplitRows + Sync + 'a {
    let idx = super::prior::SPAN_FEATURES.map(|n| scorer.feature(n).expect("span features are in the vocabulary"));
    let fit = move |ids: &mut dyn Iterator<Item = usize>| {
        super::prior::SpanPrior::fit(ids.map(|i| examples[i].inside.as_slice()), opts.span_prior_chars, PRIOR_MIN_COUNT)
            .compile()
    };
    let row = move |i: usize, p: &super::prior::CompiledPrior| {
        let mut r = scorer.sparse(bags[i]);
        r.extend(idx.iter().copied().zip(p.features(features::bag_words(bags[i]))));
        r
    };
    move |train: &[usize], held: &[usize]| {
        // the held-out units' prior (none to fit for the final model, which holds none out)
        let outer = (!held.is_empty()).then(|| fit(&mut train.iter().copied()));
        let mut articles: Vec<usize> = train.iter().map(|&i| examples[i].article).collect();
        articles.sort_unstable();
        articles.dedup();
        let inner_fold = |i: usize| articles.binary_search(&examples[i].article).unwrap_or(0) % opts.folds;
        let inner: Vec<_> =
            (0..opts.folds).map(|g| fit(&mut train.iter().copied().filter(|&i| inner_fold(i) != g))).collect();
        let train_rows = train.iter().map(|&i| row(i, &inner[inner_fold(i)])).collect();
        let held_rows = match &outer {
            Some(outer) => held.iter().map(|&i| row(i, outer)).collect(),
            None => Vec::new(),
        };
        (train_rows, held_rows)
    }
}

/// Fits a logistic regression; returns (weights, intercept) for the positive (`true`) class.
fn fit(x: Array2<f32>, y: Array1<bool>, alpha: f32, max_iterations: u64) -> Result<(Vec<f32>, f32), ToneError> {
    let ds = Dataset::new(x, y);
    let fitted = LogisticRegression::default()
        .alpha(alpha)
        .max_iterations(max_iterations)
        .gradient_tolerance(1e-4)
        .fit(&ds)
        .map_err(|e| ToneError::Train(e.to_string()))?;
    // linfa labels the larger class as positive: flip when that is `false`.
    let sign = if fitted.labels().pos.class { 1.0 } else { -1.0 };
    Ok((fitted.params().iter().map(|w| sign * w).collect(), sign * fitted.intercept()))
}

/// Ranks-based ROC AUC (ties get half credit).
pub fn roc_auc(probs: &[f32], labels: &[bool]) -> f64 {
    let mut idx: Vec<usize> = (0..probs.len()).collect();
    idx.sort_by(|&a, &b| probs[a].total_cmp(&probs[b]));
    let (mut rank_sum, mut i) = (0f64, 0usize);
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && probs[idx[j + 1]] == probs[idx[i]] {
            j += 1;
        }
        let avg = (i + j) as f64 / 2.0 + 1.0;
        rank_sum += (i..=j).filter(|&k| labels[idx[k]]).count() as f64 * avg;
        i = j + 1;
    }
    let pos = labels.iter().filter(|&&l| l).count() as f64;
    let neg = labels.len() as f64 - pos;
    if pos == 0.0 || neg == 0.0 {
        return 0.5;
    }
    (rank_sum - pos * (pos + 1.0) / 2.0) / (pos * neg)
}

/// Precision, recall and F1 of `probs >= threshold`.
pub fn prf(probs: &[f32], labels: &[bool], threshold: f32) -> (f64, f64, f64) {
    let tp = probs.iter().zip(labels).filter(|(p, &l)| **p >= threshold && l).count() as f64;
    let pp = probs.iter().filter(|p| **p >= threshold).count() as f64;
    let gp = labels.iter().filter(|&&l| l).count() as f64;
    let p = if pp == 0.0 { 0.0 } else { tp / pp };
    let r = if gp == 0.0 { 0.0 } else { tp / gp };
    (p, r, crate::eval::f1(p, r))
}

/// The threshold (among the predicted probabilities) with the best F1.
fn best_threshold(probs: &[f32], labels: &[bool]) -> (f32, f64, f64, f64) {
    let mut order: Vec<usize> = (0..probs.len()).collect();
    order.sort_by(|&a, &b| probs[b].total_cmp(&probs[a]));
    let gp = labels.iter().filter(|&&l| l).count() as f64;
    let mut best = (1.0f32, 0.0, 0.0, 0.0);
    let mut tp = 0f64;
    for (k, &i) in order.iter().enumerate() {
        if labels[i] {
            tp += 1.0;
        }
        // only cut between distinct probabilities
        if k + 1 < order.len() && probs[order[k + 1]] == probs[i] {
            continue;
        }
        let p = tp / (k + 1) as f64;
        let r = if gp == 0.0 { 0.0 } else { tp / gp };
        let f = crate::eval::f1(p, r);
        if f > best.3 {
            best = (probs[i], p, r, f);
        }
    }
    best
}

fn cv_figures(alpha: f32, probs: &[f32], labels: &[bool]) -> CvFigures {
    let (threshold, precision, recall, f1) = best_threshold(probs, labels);
    CvFigures { alpha, auc: roc_auc(probs, labels), f1, threshold, precision, recall }
}

/// Out-of-fold probabilities of a model over the scorer's features (rows from `design`),
/// one vector per penalty in `alphas`. Each fold's rows are built once (in parallel), then
/// every (penalty, fold) fit runs as its own parallel job.
fn cross_validate(
    examples: &[Example],
    design: &Design,
    scorer: &Scorer,
    alphas: &[f32],
    opts: &TrainOptions,
) -> Result<Vec<Vec<f32>>, ToneError> {
    let folds: Vec<(Vec<usize>, Vec<usize>, SplitRows)> = (0..opts.folds)
        .into_par_iter()
        .map(|f| {
            let (train, held): (Vec<usize>, Vec<usize>) =
                (0..examples.len()).partition(|&i| examples[i].article % opts.folds != f);
            let rows = design(&train, &held);
            (train, held, rows)
        })
        .collect();
    let jobs: Vec<(usize, usize)> = (0..alphas.len()).flat_map(|a| (0..opts.folds).map(move |f| (a, f))).collect();
    let per_job: Vec<Result<Vec<(usize, f32)>, ToneError>> = jobs
        .par_iter()
        .map(|&(a, f)| {
            let (train, held, (train_rows, held_rows)) = &folds[f];
            let x = matrix(train_rows, scorer.model.features.len());
            let y: Array1<bool> = train.iter().map(|&i| examples[i].label).collect();
            let (w, b) = fit(x, y, alphas[a], opts.max_iterations)?;
            let lm = LinearModel { weights: w, intercept: b, ..scorer.model.clone() };
            let s = Scorer::new(&lm);
            Ok(held.iter().zip(held_rows).map(|(&i, r)| (i, s.prob_sparse(r))).collect())
        })
        .collect();
    let mut probs = vec![vec![0f32; examples.len()]; alphas.len()];
    for (&(a, _), r) in jobs.iter().zip(per_job) {
        for (i, p) in r? {
            probs[a][i] = p;
        }
    }
    Ok(probs)
}

/// What [`train`] returns: the model, its baseline, and cross-validation figures.
pub struct Trained {
    pub model: LinearModel,
    pub baseline: LinearModel,
    pub cv: Vec<CvFigures>,
    pub baseline_cv: CvFigures,
}

fn length_only(e: &Example) -> FeatureBag {
    FeatureBag { ngrams: vec![], dense: features::length_bag(e.bag.words), ..Default::default() }
}

/// Trains the tone model and the length-only baseline on `examples`.
pub fn train(examples: &[Example], opts: &TrainOptions, log: &(dyn Fn(&str) + Sync)) -> Result<Trained, ToneError> {
    if opts.folds < 2 || opts.alphas.is_empty() {
        return Err(ToneError::Train("need at least 2 folds and one alpha".into()));
    }
    if let Some(a) = opts.alphas.iter().find(|a| !(a.is_finite() && **a > 0.0)) {
        return Err(ToneError::Train(format!("alpha {a}: an L2 penalty must be a positive, finite number")));
    }
    let articles = examples.iter().map(|e| e.article).collect::<std::collections::BTreeSet<_>>().len();
    if articles < opts.folds {
        return Err(ToneError::Train(format!(
            "{articles} articles cannot make {} cross-validation folds (folds are sets of articles)",
            opts.folds
        )));
    }
    let labels: Vec<bool> = examples.iter().map(|e| e.label).collect();
    if labels.iter().all(|&l| l) || labels.iter().all(|&l| !l) {
        return Err(ToneError::Train("the training sentences need both labels".into()));
    }
    let (mut names, mut df) = vocabulary(examples, opts);
    let with_prior = opts.span_prior(examples);
    if with_prior {
        names.extend(super::prior::SPAN_FEATURES.map(String::from));
        df.extend([0; 6]);
    }
    log(&format!("{} units, {} features", examples.len(), names.len()));
    let weights = if opts.post_model() { idf(&df, examples.len()) } else { Vec::new() };
    let blank = |features: Vec<String>, alpha: f32| LinearModel {
        weights: vec![0.0; features.len()],
        features,
        intercept: 0.0,
        threshold: 0.5,
        alpha,
        idf: Vec::new(),
        span_prior: None,
    };
    let scorer = Scorer::new(&LinearModel { idf: weights.clone(), ..blank(names.clone(), 0.0) });
    let bags: Vec<&FeatureBag> = examples.iter().map(|e| &e.bag).collect();
    let design: Box<Design> = if with_prior {
        Box::new(prior_design(examples, &bags, &scorer, opts))
    } else {
        Box::new(plain_design(&bags, &scorer))
    };
    let mut cv = Vec::new();
    for (&alpha, probs) in opts.alphas.iter().zip(cross_validate(examples, &design, &scorer, &opts.alphas, opts)?) {
        let f = cv_figures(alpha, &probs, &labels);
        log(&format!(
            "  alpha {alpha:>6}: CV AUC {:.3}, F1 {:.3} at threshold {:.3} (P {:.3}, R {:.3})",
            f.auc, f.f1, f.threshold, f.precision, f.recall
        ));
        cv.push(f);
    }
    // a sentence model flags sentences: the penalty with the best F1; a post model ranks
    // posts: the best ROC AUC
    let key = |f: &CvFigures| if opts.post_model() { f.auc } else { f.f1 };
    let best = cv.iter().max_by(|a, b| key(a).total_cmp(&key(b)).then(b.alpha.total_cmp(&a.alpha))).cloned().unwrap();
    let all: Vec<usize> = (0..examples.len()).collect();
    let x = matrix(&design(&all, &[]).0, names.len());
    let (w, b) = fit(x, labels.iter().copied().collect(), best.alpha, opts.max_iterations)?;
    let span_prior = with_prior.then(|| {
        super::prior::SpanPrior::fit(
            examples.iter().map(|e| e.inside.as_slice()),
            opts.span_prior_chars,
            PRIOR_MIN_COUNT,
        )
    });
    let model = LinearModel {
        weights: w,
        intercept: b,
        threshold: best.threshold,
        idf: weights,
        span_prior,
        ..blank(names, best.alpha)
    };

    // baseline: sentence length only
    let base_scorer = Scorer::new(&blank(features::length_features(), 1.0));
    let length_bags: Vec<FeatureBag> = examples.iter().map(length_only).collect();
    let bags: Vec<&FeatureBag> = length_bags.iter().collect();
    let design = plain_design(&bags, &base_scorer);
    let probs = cross_validate(examples, &design, &base_scorer, &[1.0], opts)?.remove(0);
    let baseline_cv = cv_figures(1.0, &probs, &labels);
    let x = matrix(&design(&all, &[]).0, base_scorer.model.features.len());
    let (w, b) = fit(x, labels.iter().copied().collect(), 1.0, opts.max_iterations)?;
    let baseline = LinearModel {
        weights: w,
        intercept: b,
        threshold: baseline_cv.threshold,
        ..blank(features::length_features(), 1.0)
    };
    Ok(Trained { model, baseline, cv, baseline_cv })
}

/// Scores of a model on labelled examples.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct ToneScore {
    pub sentences: usize,
    pub positives: usize,
    pub threshold: f32,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub auc: f64,
}

/// Scores `model` on `examples` at its own threshold; `length_only` scores it on sentence
/// length features alone (for the baseline).
pub fn evaluate(examples: &[Example], model: &LinearModel, length: bool) -> ToneScore {
    let s = Scorer::new(model);
    let probs: Vec<f32> =
        examples.iter().map(|e| if length { s.prob(&length_only(e)) } else { s.prob(&e.bag) }).collect();
    let labels: Vec<bool> = examples.iter().map(|e| e.label).collect();
    let (precision, recall, f1) = prf(&probs, &labels, model.threshold);
    ToneScore {
        sentences: examples.len(),
        positives: labels.iter().filter(|&&l| l).count(),
        threshold: model.threshold,
        precision,
        recall,
        f1,
        auc: roc_auc(&probs, &labels),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auc_and_thresholds() {
        assert_eq!(roc_auc(&[0.1, 0.2, 0.8, 0.9], &[false, false, true, true]), 1.0);
        assert_eq!(roc_auc(&[0.9, 0.8, 0.2, 0.1], &[false, false, true, true]), 0.0);
        assert_eq!(roc_auc(&[0.5, 0.5], &[false, true]), 0.5);
        let (t, p, r, f) = best_threshold(&[0.1, 0.4, 0.6, 0.9], &[false, true, true, true]);
        assert_eq!((t, p, r), (0.4, 1.0, 1.0));
        assert_eq!(f, 1.0);
        assert_eq!(prf(&[0.1, 0.9], &[true, true], 0.5), (1.0, 0.5, 2.0 / 3.0));
    }

    #[test]
    fn line_units_skip_title_and_blank_lines() {
        let t = "Title\n\n  First line.  \nSecond.\n";
        let u = line_units(t);
        assert_eq!(u.iter().map(|r| &t[r.clone()]).collect::<Vec<_>>(), ["First line.", "Second."]);
    }

    #[test]
    fn training_learns_a_separable_toy_task_deterministically() {
        let mk = |article: usize, words: &[&str], label: bool| Example {
            article,
            range: 0..0,
            bag: FeatureBag {
                ngrams: words.iter().map(|w| format!("w:{w}")).collect(),
                dense: features::length_bag(words.len()),
                words: words.len(),
                quoted_share: 0.0,
            },
            label,
            inside: Vec::new(),
        };
        let mut ex = Vec::new();
        for a in 0..20 {
            ex.push(mk(a, &["evil", "regime", "lies"], true));
            ex.push(mk(a, &["the", "minister", "met"], false));
            ex.push(mk(a, &["talks", "met", "the"], false));
        }
        let opts = TrainOptions { min_df: 2, folds: 4, alphas: vec![1.0], ..Default::default() };
        let t = train(&ex, &opts, &|_| {}).unwrap();
        let t2 = train(&ex, &opts, &|_| {}).unwrap();
        assert_eq!(t.model, t2.model, "deterministic");
        let s = evaluate(&ex, &t.model, false);
        assert_eq!(s.f1, 1.0, "{s:?}");
        assert!(t.cv[0].auc > 0.99);
        let w = |n: &str| t.model.weights[t.model.features.iter().position(|f| f == n).unwrap()];
        assert!(w("w:evil") > 0.0 && w("w:minister") < 0.0);
        // settings that cannot train are refused before any fitting
        let err = |o: TrainOptions| train(&ex, &o, &|_| {}).err().expect("refused").to_string();
        assert!(err(TrainOptions { alphas: vec![0.0], ..opts.clone() }).contains("alpha 0: an L2 penalty"));
        assert!(err(TrainOptions { alphas: vec![f32::NAN], ..opts.clone() }).contains("alpha NaN"));
        // a post model: TF-IDF weights kept with the model, one per feature
        let post = TrainOptions { max_char_features: 10, ..opts.clone() };
        let t = train(&ex, &post, &|_| {}).unwrap();
        assert_eq!(t.model.idf.len(), t.model.features.len());
        assert!(t.model.idf[t.model.features.iter().position(|f| f == "w:met").unwrap()] > 1.0);
        assert_eq!(evaluate(&ex, &t.model, false).f1, 1.0);
        assert!(TrainOptions::posts().post_model() && !TrainOptions::default().post_model());
        let e = err(TrainOptions { folds: 21, ..opts.clone() });
        assert!(e.contains("20 articles cannot make 21 cross-validation folds"), "{e}");
    }

    #[test]
    fn a_post_model_learns_a_span_prior_from_marked_words() {
        // the label follows the marked words (inflected forms of one root), which are rare
        // enough that no n-gram of them passes min_df alone
        let roots = ["злобн", "подл"];
        let mut ex = Vec::new();
        for a in 0..40usize {
            let marked = a % 2 == 0;
            let mut words: Vec<(String, bool)> =
                ["влада", "заявила", "про", "нове", "рішення"].iter().map(|w| (w.to_string(), false)).collect();
            if marked {
                words.push((format!("{}{}", roots[a % 4 / 2], ["ий", "ого", "ому", "им", "их"][a % 5]), true));
            }
            let bag = FeatureBag {
                ngrams: words.iter().map(|(w, _)| format!("w:{w}")).collect(),
                dense: features::length_bag(words.len()),
                words: words.len(),
                quoted_share: 0.0,
            };
            ex.push(Example { article: a, range: 0..0, bag, label: marked, inside: words });
        }
        let opts = TrainOptions {
            min_df: 30,
            folds: 4,
            alphas: vec![1.0],
            max_char_features: 1,
            span_prior_chars: 4,
            ..Default::default()
        };
        let t = train(&ex, &opts, &|_| {}).unwrap();
        assert_eq!(t.model, train(&ex, &opts, &|_| {}).unwrap().model, "deterministic");
        let prior = t.model.span_prior.as_ref().expect("a span prior");
        assert!(prior.terms.iter().any(|(k, v)| k == "злоб" && *v > 1.0), "{prior:?}");
        for n in super::super::prior::SPAN_FEATURES {
            assert!(t.model.features.iter().any(|f| f == n), "{n}");
        }
        assert!(t.cv[0].auc > 0.9, "{:?}", t.cv);
        // the model file keeps the prior and scores alike after a round trip
        let s = Scorer::new(&t.model);
        let json = serde_json::to_string(&t.model).unwrap();
        let back: LinearModel = serde_json::from_str(&json).unwrap();
        assert_eq!(back, t.model);
        let unseen =
            FeatureBag { ngrams: vec!["w:злобними".into(), "w:влада".into()], ..Default::default() };
        let plain = FeatureBag { ngrams: vec!["w:нове".into(), "w:влада".into()], ..Default::default() };
        assert!(s.prob(&unseen) > s.prob(&plain), "an unseen form of a marked root scores higher");
        assert_eq!(Scorer::new(&back).prob(&unseen), s.prob(&unseen));
        // without marked words, or with the prior off, no prior
        let off = train(&ex, &TrainOptions { span_prior_chars: 0, ..opts.clone() }, &|_| {}).unwrap();
        assert!(off.model.span_prior.is_none() && !off.model.features.iter().any(|f| f.starts_with("span:")));
    }
}
