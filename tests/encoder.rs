//! The encoder stage with its real base model: the forward pass against PyTorch (word pieces and
//! unit probabilities of the cases in tests/fixtures/encoder_reference.json, written by
//! scripts/encoder_reference.py with the embedded adapter) and `slant analyze --encoder` end to
//! end. Needs the base model: set SLANT_ENCODER_DIR to its folder
//! (scripts/fetch-encoder.sh prints it); without it the test says so and passes, unless
//! SLANT_REQUIRE_ENCODER=1 (as `.ci/run` sets after fetching the model). To check another
//! adapter, set SLANT_ENCODER_ADAPTER to its file and SLANT_ENCODER_REFERENCE to the JSON that
//! scripts/encoder_reference.py wrote for it.

mod common;

use common::*;
use std::path::PathBuf;

use slant::encoder::{EncoderSettings, EncoderStage, DEFAULT_ADAPTER, DEFAULT_SETTINGS};

/// The base model's folder, or None (with a note) when the test should skip.
fn encoder_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("SLANT_ENCODER_DIR").map(PathBuf::from);
    if dir.is_none() {
        assert!(
            std::env::var("SLANT_REQUIRE_ENCODER").map_or(true, |v| v != "1"),
            "SLANT_REQUIRE_ENCODER=1 but SLANT_ENCODER_DIR is not set"
        );
        eprintln!("SLANT_ENCODER_DIR is not set: encoder check skipped");
    }
    dir
}

/// `slant analyze --encoder` on the example corpus: encoder rows in hits.csv are traceable to
/// the text and counted in `loaded_encoder`, run.json names the stage, and one thread or two
/// give the same bytes.
#[test]
fn analyze_with_the_encoder_writes_traceable_rows() {
    let Some(dir) = encoder_dir() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let examples = root().join("data/examples");
    let mut outs = Vec::new();
    for threads in ["1", "2"] {
        let out = tmp.path().join(threads);
        let o = analyze(&[examples.to_str().unwrap(), "--encoder", dir.to_str().unwrap(), "-j", threads], &out);
        assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
        outs.push(out);
    }
    for f in ["articles.csv", "hits.csv", "categories_long.csv"] {
        assert_eq!(std::fs::read(outs[0].join(f)).unwrap(), std::fs::read(outs[1].join(f)).unwrap(), "{f}");
    }
    let (h, rows) = read_csv(&outs[0].join("hits.csv"));
    let col = |name: &str| h.iter().position(|c| c == name).unwrap();
    let enc: Vec<&Vec<String>> = rows.iter().filter(|r| r[col("category")] == "encoder").collect();
    assert!(!enc.is_empty(), "the encoder finds something in the tabloid and state-media articles");
    let per_article: usize =
        column(&outs[0].join("articles.csv"), "loaded_encoder").iter().map(|v| v.parse::<usize>().unwrap()).sum();
    assert_eq!(per_article, enc.len());
    for r in &enc {
        let p: f64 = r[col("weight")].parse().unwrap();
        assert!((0.29..=1.0).contains(&p), "weight is the span's mean probability, about the threshold or more: {p}");
        assert_eq!(r[col("counted")], "true");
        assert!(r[col("context")].contains(&format!("[{}]", r[col("text")])));
    }
    let run = std::fs::read_to_string(outs[0].join("run.json")).unwrap();
    assert!(run.contains("encoder:sentence-transformers/all-MiniLM-L6-v2"), "run.json names the encoder stage");
}

#[test]
fn forward_pass_matches_pytorch() {
    let Some(dir) = encoder_dir() else { return };
    let settings: EncoderSettings = serde_json::from_str(DEFAULT_SETTINGS).unwrap();
    let (adapter, reference) = match std::env::var_os("SLANT_ENCODER_ADAPTER") {
        Some(p) => (
            std::fs::read(&p).unwrap(),
            std::env::var("SLANT_ENCODER_REFERENCE").expect(
                "SLANT_ENCODER_ADAPTER needs SLANT_ENCODER_REFERENCE: the JSON encoder_reference.py wrote for it",
            ),
        ),
        None => (
            DEFAULT_ADAPTER.to_vec(),
            concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/encoder_reference.json").to_string(),
        ),
    };
    let stage = EncoderStage::load_with(&dir, &adapter, settings).unwrap();
    let reference: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(reference).unwrap()).unwrap();
    let mut worst = 0f32;
    for case in reference["cases"].as_array().unwrap() {
        let units: Vec<&str> = case["units"].as_array().unwrap().iter().map(|u| u.as_str().unwrap()).collect();
        let text = units.join(" ");
        let mut ranges = Vec::new();
        let mut pos = 0;
        for u in &units {
            ranges.push(pos..pos + u.len());
            pos += u.len() + 1;
        }
        let want_pieces: Vec<u32> =
            case["pieces"].as_array().unwrap().iter().map(|p| p.as_u64().unwrap() as u32).collect();
        assert_eq!(stage.pieces(&text, &ranges).0, want_pieces, "word pieces of {text}");
        let got = stage.unit_probs(&text, &ranges);
        for (g, w) in got.iter().zip(case["probs"].as_array().unwrap()) {
            worst = worst.max((g - w.as_f64().unwrap() as f32).abs());
        }
    }
    eprintln!("largest difference from PyTorch: {worst:.2e}");
    assert!(worst < 1e-4, "unit probabilities differ from PyTorch by {worst}");
}
