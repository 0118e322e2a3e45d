//! The encoder's forward pass against PyTorch: word pieces and unit probabilities of the cases
//! in tests/fixtures/encoder_reference.json (written by scripts/encoder_reference.py with the
//! embedded adapter). Needs the base model: set SLANT_ENCODER_DIR to its folder
//! (scripts/fetch-encoder.sh prints it); without it the test says so and passes, unless
//! SLANT_REQUIRE_ENCODER=1 (as `.ci/run` sets after fetching the model).

use std::path::PathBuf;

use slant::encoder::{EncoderSettings, EncoderStage, DEFAULT_ADAPTER, DEFAULT_SETTINGS};

#[test]
fn forward_pass_matches_pytorch() {
    let Some(dir) = std::env::var_os("SLANT_ENCODER_DIR").map(PathBuf::from) else {
        assert!(
            std::env::var("SLANT_REQUIRE_ENCODER").is_err(),
            "SLANT_REQUIRE_ENCODER is set but SLANT_ENCODER_DIR is not"
        );
        eprintln!("SLANT_ENCODER_DIR is not set: encoder check skipped");
        return;
    };
    let settings: EncoderSettings = serde_json::from_str(DEFAULT_SETTINGS).unwrap();
    let (adapter, reference) = match std::env::var_os("SLANT_ENCODER_ADAPTER") {
        Some(p) => (std::fs::read(&p).unwrap(), std::env::var("SLANT_ENCODER_REFERENCE").unwrap()),
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
