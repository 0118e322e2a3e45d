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
    // seven credited captions, and a video's caption without credit under the second
    assert_eq!(rows[2][col("captions")], "8");
    let credits = column(&out.join("captions.csv"), "credit");
    assert_eq!(credits, ["AP", "Rex", "", "Reuters", "X", "AFP", "East2West", "East2West"]);
    let caption = column(&out.join("captions.csv"), "text");
    assert!(caption[2].starts_with("Leaked footage showed"), "{caption:?}");
    // the farm page and the tabloid name each other as sharing their text; the wire, telling
    // the same story in its own words, shares too little with either
    let same: Vec<String> = rows.iter().map(|r| r[col("same_text_as")].clone()).collect();
    assert_eq!(same, ["", "004_b294593ff27a6f91", "001_2f1f1da0377aa34d"]);
    let share: f64 = rows[2][col("same_text_share")].parse().unwrap();
    assert!(share >= 0.8, "004 shares {share} of its text with 001");
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

#[test]
fn seed_sources_are_found_and_classified() {
    let Some(dir) = seeds() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = analyze(&[dir.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let (h, rows) = read_csv(&out.join("attributions.csv"));
    let col = |name: &str| h.iter().position(|c| c == name).unwrap();
    let of = |prefix: &str| -> Vec<(String, String, String, String)> {
        rows.iter()
            .filter(|r| r[col("article_id")].starts_with(prefix))
            .map(|r| {
                (
                    r[col("source")].clone(),
                    r[col("category")].clone(),
                    r[col("cue_class")].clone(),
                    r[col("resolved_source")].clone(),
                )
            })
            .collect()
    };
    let has = |rows: &[(String, String, String, String)], source: &str, category: &str| {
        assert!(
            rows.iter().any(|r| r.0.contains(source) && r.1 == category),
            "no {source:?} as {category} in {rows:#?}"
        );
    };
    let wire = of("000");
    has(&wire, "Korean Central News Agency (KCNA)", "state_media");
    has(&wire, "South Korean and Western intelligence agencies", "intelligence");
    has(&wire, "Kim", "leader");
    has(&wire, "Analysts", "expert");
    let tabloid = of("001");
    has(&tabloid, "KCNA", "state_media");
    has(&tabloid, "Ukrainian officials", "government");
    has(&tabloid, "SBU", "intelligence");
    has(&tabloid, "analysts", "expert");
    assert!(
        tabloid.iter().any(|r| r.0 == "Ukraine" && r.2 == "distancing"),
        "`Ukraine claimed` with a distancing cue: {tabloid:#?}"
    );
    // the farm copy's photo credits are credits, not sources
    let farm = of("004");
    // and its glued words (`KCNAreported`) do not hide the tabloid's state-media sourcing
    let state = |rows: &[(String, String, String, String)]| rows.iter().filter(|r| r.1 == "state_media").count();
    assert_eq!(state(&farm), state(&tabloid), "farm {farm:#?} tabloid {tabloid:#?}");
    for credit in ["AP", "Rex", "Reuters", "East2West"] {
        assert!(!farm.iter().any(|r| r.0 == credit), "credit {credit} taken as a source");
    }
    let credits = column(&out.join("articles.csv"), "credits");
    assert_eq!(credits[2], "7");
}

#[test]
fn tabloid_tone_is_higher_than_the_wire_and_the_farm_copy_scores_like_the_tabloid() {
    let Some(dir) = seeds() else { return };
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    let o = analyze(&[dir.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let tone: Vec<f64> = column(&out.join("articles.csv"), "tone").iter().map(|t| t.parse().unwrap()).collect();
    eprintln!("tone: wire {:.3}, tabloid {:.3}, farm {:.3}", tone[0], tone[1], tone[2]);
    assert!(tone[1] > tone[0], "tabloid {} should exceed the wire {}", tone[1], tone[0]);
    assert!((tone[2] - tone[1]).abs() <= 0.15 * tone[1], "farm {} should score like the tabloid {}", tone[2], tone[1]);
}
