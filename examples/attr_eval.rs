//! Attribution extraction scored on a brat folder (PolNeAR layout: `text/`, `attributions/`).
//!
//! ```text
//! cargo run --release --example attr_eval -- DIR              # slant (embedded model) and baseline
//! cargo run --release --example attr_eval -- --cv K DIR       # K-fold CV of the mined cue model
//! cargo run --release --example attr_eval -- --mine DIR OUT   # mine the cue model on all of DIR
//! ```
//!
//! `--cv` trains the cue model on K-1 folds of articles (fold = position mod K), scores the
//! held-out fold for every threshold pair of the grid, and prints the pooled scores; `--mine`
//! trains on every article with the thresholds that `--cv` picks (best cue plus source overlap F1,
//! near-ties broken by exact F1) and writes the model TSV.

use std::ops::Range;
use std::path::Path;
use std::time::Instant;

use slant::attribution::extract::{extract_with, train_cue_model, CueExample, CueModel, TrainOptions};
use slant::eval::attribution::{baseline_extract, score, AttrScore, PrF};
use slant::eval::brat::{load_dir, BratDoc};
use slant::eval::loaded::analyze_plain;
use slant::text::TextAnalysis;

fn row(name: &str, p: &PrF) {
    println!(
        "  {name:<15} P {:.3}  R {:.3}  F1 {:.3}   (pred {} / {} matched, gold {} / {} matched)",
        p.precision, p.recall, p.f1, p.predicted, p.matched_predicted, p.gold, p.matched_gold
    );
}

fn print(title: &str, s: &AttrScore) {
    println!("{title} ({} documents)", s.documents);
    row("cue exact", &s.cue_exact);
    row("cue overlap", &s.cue_overlap);
    row("source exact", &s.source_exact);
    row("source overlap", &s.source_overlap);
}

fn gold_cues(d: &BratDoc) -> Vec<Range<usize>> {
    d.relations.iter().filter_map(|r| r.cue.as_ref()).flatten().cloned().collect()
}

fn train(docs: &[&BratDoc], analyses: &[&TextAnalysis], opts: &TrainOptions) -> CueModel {
    let golds: Vec<Vec<Range<usize>>> = docs.iter().map(|d| gold_cues(d)).collect();
    let examples: Vec<CueExample> = docs
        .iter()
        .zip(analyses)
        .zip(&golds)
        .map(|((d, a), g)| CueExample { text: &d.text, analysis: a, gold_cues: g })
        .collect();
    train_cue_model(&examples, opts).0
}

fn grid() -> Vec<(f32, f32)> {
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

fn add(a: &mut PrF, b: &PrF) {
    a.predicted += b.predicted;
    a.gold += b.gold;
    a.matched_predicted += b.matched_predicted;
    a.matched_gold += b.matched_gold;
}

fn finish(p: &mut PrF) {
    p.precision = p.matched_predicted as f64 / p.predicted.max(1) as f64;
    p.recall = p.matched_gold as f64 / p.gold.max(1) as f64;
    p.f1 = slant::eval::f1(p.precision, p.recall);
}

/// One grid setting's cross-validated scores: pooled over folds, and per fold.
struct CvResult {
    setting: (f32, f32),
    pooled: AttrScore,
    folds: Vec<AttrScore>,
}

/// K-fold CV over articles (fold = position mod K): trains on K-1 folds, scores the held-out
/// fold for every grid setting.
fn cross_validate(docs: &[BratDoc], analyses: &[TextAnalysis], k: usize) -> Vec<CvResult> {
    let settings = grid();
    let mut results: Vec<CvResult> =
        settings.iter().map(|&setting| CvResult { setting, pooled: AttrScore::default(), folds: Vec::new() }).collect();
    for f in 0..k {
        let t0 = Instant::now();
        let (tr_docs, tr_an): (Vec<&BratDoc>, Vec<&TextAnalysis>) =
            docs.iter().zip(analyses).enumerate().filter(|(i, _)| i % k != f).map(|(_, x)| x).unzip();
        let test: Vec<BratDoc> = docs.iter().enumerate().filter(|(i, _)| i % k == f).map(|(_, d)| d.clone()).collect();
        let mut model = train(&tr_docs, &tr_an, &TrainOptions::default());
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
        eprintln!("fold {f}: {:.1}s", t0.elapsed().as_secs_f64());
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

fn best(results: &[CvResult]) -> &CvResult {
    results.iter().max_by(|a, b| key(&a.pooled).total_cmp(&key(&b.pooled))).expect("a non-empty grid")
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: attr_eval DIR | --cv K DIR | --mine DIR OUT";
    match args.first().map(String::as_str) {
        Some("--cv") => {
            let k: usize = args.get(1).and_then(|x| x.parse().ok()).expect(usage);
            let docs = load_dir(Path::new(args.get(2).expect(usage))).expect("load").docs;
            let analyses: Vec<TextAnalysis> = docs.iter().map(|d| analyze_plain(&d.text)).collect();
            let results = cross_validate(&docs, &analyses, k.max(2));
            for r in &results {
                let s = &r.pooled;
                println!(
                    "threshold {:.2} low {:.2}: cue overlap F1 {:.3} (P {:.3} R {:.3}) exact {:.3} | source overlap F1 {:.3} (P {:.3} R {:.3}) exact {:.3}",
                    r.setting.0, r.setting.1, s.cue_overlap.f1, s.cue_overlap.precision, s.cue_overlap.recall, s.cue_exact.f1,
                    s.source_overlap.f1, s.source_overlap.precision, s.source_overlap.recall, s.source_exact.f1
                );
            }
            let b = best(&results);
            print(&format!("best: threshold {} low {} ({k}-fold CV, pooled)", b.setting.0, b.setting.1), &b.pooled);
            for (f, s) in b.folds.iter().enumerate() {
                println!(
                    "  fold {f}: cue overlap F1 {:.3}, source overlap F1 {:.3}, cue exact F1 {:.3}, source exact F1 {:.3}",
                    s.cue_overlap.f1, s.source_overlap.f1, s.cue_exact.f1, s.source_exact.f1
                );
            }
            let base = score(&docs, &baseline_extract);
            print("baseline", &base);
        }
        Some("--mine") => {
            let dir = Path::new(args.get(1).expect(usage));
            let out = args.get(2).expect(usage);
            let docs = load_dir(dir).expect("load").docs;
            let analyses: Vec<TextAnalysis> = docs.iter().map(|d| analyze_plain(&d.text)).collect();
            let results = cross_validate(&docs, &analyses, 5);
            let b = best(&results);
            let ((t, l), s) = (b.setting, &b.pooled);
            let opts = TrainOptions { threshold: t, low: l, ..TrainOptions::default() };
            let golds: Vec<Vec<Range<usize>>> = docs.iter().map(gold_cues).collect();
            let examples: Vec<CueExample> = docs
                .iter()
                .zip(&analyses)
                .zip(&golds)
                .map(|((d, a), g)| CueExample { text: &d.text, analysis: a, gold_cues: g })
                .collect();
            let (model, support) = train_cue_model(&examples, &opts);
            let comment = format!(
                "Attribution cue model of slant: logistic-regression weights over word features (w= word form,\n\
                 s= Snowball stem, p=/n= previous/next word or punctuation, and combinations; see\n\
                 src/attribution/extract.rs). The w= rows are the mined cue word list.\n\
                 Mined from the PolNeAR train split ({} articles, first annotator file of each) by\n\
                 `cargo run --release --example attr_eval -- --mine DIR OUT`; a word is positive when it\n\
                 starts inside a gold Cue span (words 4+ of a long cue are left out). Thresholds chosen\n\
                 by 5-fold cross-validation over train articles (best cue + source overlap F1, near-ties\n\
                 broken by exact F1; pooled CV: cue overlap F1 {:.3}, source overlap F1 {:.3}).\n\
                 support = training words that had the feature. Derived statistics only; no corpus text.",
                docs.len(),
                s.cue_overlap.f1,
                s.source_overlap.f1
            );
            std::fs::write(out, model.to_tsv(&comment, &support)).expect("write");
            eprintln!("wrote {out}: {} features, threshold {t} low {l}", model.len());
        }
        Some(dir) => {
            let docs = load_dir(Path::new(dir)).expect("load").docs;
            let t0 = Instant::now();
            let s = score(&docs, &|text: &str| slant::attribution::extract::extract(text, &analyze_plain(text)));
            let dt = t0.elapsed().as_secs_f64();
            print("slant", &s);
            println!("  time: {dt:.2}s");
            let b = score(&docs, &baseline_extract);
            print("baseline", &b);
        }
        None => eprintln!("{usage}"),
    }
}
