//! Attribution extraction scored on a brat folder (PolNeAR layout: `text/`, `attributions/`).
//!
//! ```text
//! cargo run --release --example attr_eval -- DIR              # slant (embedded model) and baseline
//! cargo run --release --example attr_eval -- --cv K DIR       # K-fold CV of the mined cue model
//! ```
//!
//! `--cv` trains the cue model on K-1 folds of articles (fold = position mod K), scores the
//! held-out fold for every threshold pair of the grid, and prints the pooled scores. The model
//! itself is made by `slant train cues` (see `slant::eval::cue_cv`).

use std::path::Path;
use std::time::Instant;

use slant::eval::attribution::{baseline_extract, score, AttrScore, PrF};
use slant::eval::brat::load_dir;
use slant::eval::cue_cv::{best, cross_validate};
use slant::eval::loaded::analyze_plain;

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

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let usage = "usage: attr_eval DIR | --cv K DIR";
    match args.first().map(String::as_str) {
        Some("--cv") => {
            let k: usize = args.get(1).and_then(|x| x.parse().ok()).expect(usage);
            let docs = load_dir(Path::new(args.get(2).expect(usage))).expect("load").docs;
            let results = cross_validate(&docs, k.max(2), &|f| eprintln!("fold {f} done"));
            for r in &results {
                let s = &r.pooled;
                println!(
                    "threshold {:.2} low {:.2}: cue overlap F1 {:.3} (P {:.3} R {:.3}) exact {:.3} | source overlap F1 {:.3} (P {:.3} R {:.3}) exact {:.3}",
                    r.setting.0, r.setting.1, s.cue_overlap.f1, s.cue_overlap.precision, s.cue_overlap.recall, s.cue_exact.f1,
                    s.source_overlap.f1, s.source_overlap.precision, s.source_overlap.recall, s.source_exact.f1
                );
            }
            let b = best(&results).expect("a non-empty grid");
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
