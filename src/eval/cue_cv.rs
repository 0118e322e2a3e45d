//! Training the attribution cue model on brat gold (PolNeAR train): the thresholds by K-fold
//! cross-validation over articles, then the weights on every article (`slant train cues`).
//!
//! A word is a positive example when it starts inside a gold Cue span (see
//! [`crate::attribution::extract::train_cue_model`]). Each fold trains on the other folds and
//! scores the held-out one at every (threshold, low) pair of [`grid`]; the pair with the best
//! pooled cue plus source overlap F1 (a tenth of the exact F1s breaking near-ties) is kept.

use std::collections::HashMap;
use std::ops::Range;

use super::attribution::{score, AttrScore, PrF};
use super::brat::BratDoc;
use super::loaded::analyze_plain;
use crate::attribution::extract::{extract_with, train_cue_model, CueExample, CueModel, TrainOptions};
use crate::text::TextAnalysis;

/// Threshold pairs tried: (threshold, low), `low <= threshold`.
pub fn grid() -> Vec<(f32, f32)> {
    let mut g = Vec::new();
    for t in [0.3f32, 0.35, 0.4, 0.45, 0.5, 0.55] {
        for l in [0.05f32, 0.1, 0.2] {
            if l <= t {
                g.push((t, l));
            }
        }
    }
    g
}

fn gold_cues(d: &BratDoc) -> Vec<Range<usize>> {
    d.relations.iter().filter_map(|r| r.cue.as_ref()).flatten().cloned().collect()
}

fn examples<'a>(
    docs: &[&'a BratDoc],
    analyses: &[&'a TextAnalysis],
    golds: &'a [Vec<Range<usize>>],
) -> Vec<CueExample<'a>> {
    docs.iter()
        .zip(analyses)
        .zip(golds)
        .map(|((d, a), g)| CueExample { text: &d.text, analysis: a, gold_cues: g })
        .collect()
}

fn add(a: &mut PrF, b: &PrF) {
    a.predicted += b.predicted;
    a.gold += b.gold;
    a.matched_predicted += b.matched_predicted;
    a.matched_gold += b.matched_gold;
}

fn finish(p: &mut PrF) {
    p.precision = p.matched_predicted as f64 / p.predicted.max(1) as f64;
    p.recall = p.matched_gold as f64 / p.gold.max(1) as f64;
    p.f1 = super::f1(p.precision, p.recall);
}

/// One grid setting's cross-validated scores: pooled over folds, and per fold.
#[derive(Debug, Clone)]
pub struct CvResult {
    pub setting: (f32, f32),
    pub pooled: AttrScore,
    pub folds: Vec<AttrScore>,
}

/// K-fold CV over articles (fold = position mod K): trains on K-1 folds, scores the held-out
/// fold for every grid setting. `progress` hears each finished fold.
pub fn cross_validate(docs: &[BratDoc], k: usize, progress: &dyn Fn(usize)) -> Vec<CvResult> {
    let analyses: Vec<TextAnalysis> = docs.iter().map(|d| analyze_plain(&d.text)).collect();
    let golds: Vec<Vec<Range<usize>>> = docs.iter().map(gold_cues).collect();
    let mut results: Vec<CvResult> = grid()
        .into_iter()
        .map(|setting| CvResult { setting, pooled: AttrScore::default(), folds: Vec::new() })
        .collect();
    for f in 0..k {
        let keep = |i: &usize| i % k != f;
        let tr_docs: Vec<&BratDoc> = docs.iter().enumerate().filter(|(i, _)| keep(i)).map(|(_, d)| d).collect();
        let tr_an: Vec<&TextAnalysis> = analyses.iter().enumerate().filter(|(i, _)| keep(i)).map(|(_, a)| a).collect();
        let tr_gold: Vec<Vec<Range<usize>>> =
            golds.iter().enumerate().filter(|(i, _)| keep(i)).map(|(_, g)| g.clone()).collect();
        let test: Vec<BratDoc> = docs.iter().enumerate().filter(|(i, _)| !keep(i)).map(|(_, d)| d.clone()).collect();
        let mut model = train_cue_model(&examples(&tr_docs, &tr_an, &tr_gold), &TrainOptions::default()).0;
        for r in results.iter_mut() {
            (model.threshold, model.low) = r.setting;
            let m = &model;
            let s = score(&test, &|text: &str| extract_with(text, &analyze_plain(text), m));
            let p = &mut r.pooled;
            p.documents += s.documents;
            add(&mut p.cue_exact, &s.cue_exact);
            add(&mut p.cue_overlap, &s.cue_overlap);
            add(&mut p.source_exact, &s.source_exact);
            add(&mut p.source_overlap, &s.source_overlap);
            r.folds.push(s);
        }
        progress(f);
    }
    for r in results.iter_mut() {
        let p = &mut r.pooled;
        for x in [&mut p.cue_exact, &mut p.cue_overlap, &mut p.source_exact, &mut p.source_overlap] {
            finish(x);
        }
    }
    results
}

/// Selection key: cue plus source overlap F1, with a tenth of the exact F1s to break near-ties.
fn key(s: &AttrScore) -> f64 {
    s.cue_overlap.f1 + s.source_overlap.f1 + 0.1 * (s.cue_exact.f1 + s.source_exact.f1)
}

/// The best setting of a cross-validation (`None` for an empty one).
pub fn best(results: &[CvResult]) -> Option<&CvResult> {
    results.iter().max_by(|a, b| key(&a.pooled).total_cmp(&key(&b.pooled)))
}

/// A mined cue model with what it was chosen by.
pub struct Mined {
    pub model: CueModel,
    /// Training words that had each feature.
    pub support: HashMap<String, u32>,
    /// The chosen setting's pooled cross-validation scores.
    pub cv: AttrScore,
    pub articles: usize,
}

/// Chooses the thresholds by `folds`-fold CV on `docs`, then trains on all of them.
pub fn mine(docs: &[BratDoc], folds: usize, progress: &dyn Fn(usize)) -> Option<Mined> {
    let results = cross_validate(docs, folds.max(2), progress);
    let b = best(&results)?;
    let (threshold, low) = b.setting;
    let opts = TrainOptions { threshold, low, ..TrainOptions::default() };
    let analyses: Vec<TextAnalysis> = docs.iter().map(|d| analyze_plain(&d.text)).collect();
    let golds: Vec<Vec<Range<usize>>> = docs.iter().map(gold_cues).collect();
    let refs: Vec<&BratDoc> = docs.iter().collect();
    let an: Vec<&TextAnalysis> = analyses.iter().collect();
    let (model, support) = train_cue_model(&examples(&refs, &an, &golds), &opts);
    Some(Mined { model, support, cv: b.pooled.clone(), articles: docs.len() })
}

impl Mined {
    /// The model file: its provenance as comments, then the weights.
    pub fn to_tsv(&self) -> String {
        let comment = format!(
            "Attribution cue model of slant: logistic-regression weights over word features (w= word form,\n\
             s= Snowball stem, p=/n= previous/next word or punctuation, and combinations; see\n\
             src/attribution/cue_model.rs). The w= rows are the mined cue word list.\n\
             Mined from the PolNeAR train split ({} articles, first annotator file of each) by\n\
             `slant train cues --brat DIR --out FILE`; a word is positive when it\n\
             starts inside a gold Cue span (words 4+ of a long cue are left out). Thresholds chosen\n\
             by 5-fold cross-validation over train articles (best cue + source overlap F1, near-ties\n\
             broken by exact F1; pooled CV: cue overlap F1 {:.3}, source overlap F1 {:.3}).\n\
             support = training words that had the feature. Derived statistics only; no corpus text.",
            self.articles, self.cv.cue_overlap.f1, self.cv.source_overlap.f1
        );
        self.model.to_tsv(&comment, &self.support)
    }
}
