//! Checks on the three seed articles in `../shared/corpus/seeds`. The seeds are not
//! part of this repository; when the folder is absent the test says so and passes.

mod common;

use common::*;
use std::path::PathBuf;

fn seeds() -> Option<PathBuf> {
    let p = root().join("../shared/corpus/seeds");
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipped: {} not found", p.display());
        None
    }
}

#[test]
fn content_farm_body_is_the_tabloid_article() {
    let Some(dir) = seeds() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let texts = tmp.path().join("text");
    let o = analyze(&[dir.to_str().unwrap(), "--save-text", texts.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let (h, rows) = read_csv(&out.join("articles.csv"));
    assert_eq!(rows.len(), 3, "three seed articles");
    let col = |name: &str| h.iter().position(|c| c == name).unwrap();
    let words: Vec<f64> = rows.iter().map(|r| r[col("words")].parse().unwrap()).collect();
    let ratio = words[2] / words[1];
    assert!((0.9..=1.1).contains(&ratio), "004 has {} words, 001 has {}", words[2], words[1]);
    assert_eq!(rows[0][col("outlet")], "Kurdistan24");
    assert_eq!(rows[0][col("date")], "2025-12-27");
    assert_eq!(rows[2][col("date")], "2025-12-28");
    assert_eq!(rows[2][col("outlet")], "Global Hublet");
    assert_eq!(rows[2][col("captions")], "7");
    let credits = column(&out.join("captions.csv"), "credit");
    assert_eq!(credits, ["AP", "Rex", "Reuters", "X", "AFP", "East2West", "East2West"]);
}

#[test]
fn content_farm_body_starts_at_the_first_sentence() {
    let Some(dir) = seeds() else { return };
    let path = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with("004_"))
        .unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    let (lines, header) = slant::ingest::boilerplate::text_lines(&text);
    let layout = slant::ingest::boilerplate::layout(&text, &lines, header, false);
    let first = &text[layout.body[0].clone()];
    assert!(first.starts_with("KIM Jong-un has hailed his bond"), "body starts with: {first}");
    let last = &text[layout.body.last().unwrap().clone()];
    assert!(last.starts_with("Images have shown a line of dead"), "body ends with: {last}");
}

#[test]
fn tabloid_own_voice_is_far_more_loaded_than_the_wire() {
    let Some(dir) = seeds() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = analyze(&[dir.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let (h, rows) = read_csv(&out.join("articles.csv"));
    let col = |r: usize, name: &str| -> f64 { rows[r][h.iter().position(|c| c == name).unwrap()].parse().unwrap() };
    let (wire, tabloid, farm) = (col(0, "loaded_own_per_1k"), col(1, "loaded_own_per_1k"), col(2, "loaded_own_per_1k"));
    eprintln!("loaded_own_per_1k: wire {wire:.2}, tabloid {tabloid:.2}, farm {farm:.2}");
    assert!(tabloid >= 3.0 * wire.max(1.0), "tabloid {tabloid} should be several times the wire {wire}");
    assert!((farm - tabloid).abs() <= 0.25 * tabloid, "farm copy {farm} should score like the tabloid {tabloid}");
    // The wire's loaded language sits mostly in Kim's quoted words.
    assert!(
        col(0, "loaded_quoted") >= col(0, "loaded_own"),
        "wire: quoted {} own {}",
        col(0, "loaded_quoted"),
        col(0, "loaded_own")
    );
    let terms = column(&out.join("hits.csv"), "term");
    for t in ["despot", "tyrant", "meat-grinder", "pariah"] {
        assert!(terms.iter().any(|x| x == t), "'{t}' not found in the seeds");
    }
}
