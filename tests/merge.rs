//! `slant merge`: output folders of runs over parts of a corpus, merged, give the folder of
//! one run over all the articles, byte for byte, whether the parts wrote CSV, Parquet, or a
//! folder of Parquet parts as Spark does.

mod common;

use common::*;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

/// The example files, in the order of the whole run. The tabloid story and the content farm's
/// copy of it go to different parts, so text shared across folders must be found by merge.
const FIRST: &[&str] = &["blaze-01.txt", "blaze-02.html", "wire-feed.jsonl"];
const SECOND: &[&str] = &["farm-01.txt"];
const THIRD: &[&str] = &["vcna-03.txt"];
const FOURTH: &[&str] = &["state-media.csv", "wire-01.txt"];

fn run_in(dir: &Path, files: &[&str], out: &Path, more: &[&str]) -> Output {
    bin()
        .current_dir(dir)
        .arg("analyze")
        .args(files)
        .args(["--fingerprints", "-q", "--out"])
        .arg(out)
        .args(more)
        .output()
        .expect("run slant")
}

fn ok(o: &Output) {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

fn merge(dirs: &[&Path], out: &Path) -> Output {
    bin().arg("merge").args(dirs).arg("--out").arg(out).arg("-q").output().expect("run slant merge")
}

/// Every CSV file of `a` (charts' data included) has the bytes of the same file in `b`.
fn same_csv_files(a: &Path, b: &Path) -> usize {
    let mut n = 0;
    for sub in ["", "charts"] {
        for f in fs::read_dir(a.join(sub)).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "csv") {
                let other = b.join(sub).join(f.file_name().unwrap());
                let (x, y) = (fs::read(&f).unwrap(), fs::read(&other).unwrap_or_default());
                assert!(x == y, "{} differs from {}", other.display(), f.display());
                n += 1;
            }
        }
    }
    n
}

/// Keeps only the Parquet form of each table of `dir` (as a user who asked for Parquet might:
/// the run's marker accepts a table kept in one of its two forms).
fn parquet_only(dir: &Path) {
    for f in fs::read_dir(dir).unwrap() {
        let f = f.unwrap().path();
        if f.extension().is_some_and(|e| e == "csv") && f.with_extension("parquet").is_file() {
            fs::remove_file(f).unwrap();
        }
    }
}

/// A folder laid out as Spark's `write.parquet` leaves a dataset: `<table>/part-0000N.parquet`
/// for each folder of `parts`, with Spark's `_SUCCESS` marker.
fn spark_layout(parts: &[&Path], out: &Path) {
    for (k, p) in parts.iter().enumerate() {
        for f in fs::read_dir(p).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "parquet") {
                let table = out.join(f.file_stem().unwrap());
                fs::create_dir_all(&table).unwrap();
                fs::copy(&f, table.join(format!("part-{k:05}.parquet"))).unwrap();
                fs::write(table.join("_SUCCESS"), "").unwrap();
            }
        }
    }
}

fn examples() -> PathBuf {
    root().join("data/examples")
}

#[test]
fn merged_parts_equal_one_run_over_all_the_articles() {
    let t = tempfile::tempdir().unwrap();
    let whole = t.path().join("whole");
    let all: Vec<&str> = FIRST.iter().chain(SECOND).chain(THIRD).chain(FOURTH).copied().collect();
    ok(&run_in(&examples(), &all, &whole, &[]));
    let shared = read_csv(&whole.join("shared_text.csv")).1;
    assert!(
        shared.iter().any(|r| r[0] == "farm-01" && r[1] == "blaze-01"),
        "the copy pair spans two parts: {shared:?}"
    );

    // the first and last parts as CSV; the second and third as Parquet alone, laid out as
    // Spark does (one dataset, whose parts have the same columns)
    let (p1, p2, p3, p4) = (t.path().join("p1"), t.path().join("p2"), t.path().join("p3"), t.path().join("p4"));
    ok(&run_in(&examples(), FIRST, &p1, &[]));
    ok(&run_in(&examples(), FOURTH, &p4, &[]));
    ok(&run_in(&examples(), SECOND, &p2, &["--format", "csv,parquet"]));
    ok(&run_in(&examples(), THIRD, &p3, &["--format", "csv,parquet"]));
    parquet_only(&p2);
    parquet_only(&p3);
    let spark = t.path().join("spark");
    spark_layout(&[&p2, &p3], &spark);

    let merged = t.path().join("merged");
    let o = merge(&[&p1, &spark, &p4], &merged);
    ok(&o);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("have no run.json"), "the Spark folder has no run.json: {stderr}");
    let n = same_csv_files(&whole, &merged);
    assert!(n >= 20, "tables, groups, compare and the charts' data: {n} files");
    // a Spark job's tables come without the report's article sections: the report says so
    let report = fs::read_to_string(merged.join("report.html")).unwrap();
    assert!(report.contains("Showing the first 7 of 9 articles"), "the two Spark articles have no section");

    // four plain folders give the same, and the merged run.json adds their counts up
    let merged3 = t.path().join("merged3");
    ok(&merge(&[&p1, &p2, &p3, &p4], &merged3));
    same_csv_files(&whole, &merged3);
    let same_report = fs::read(whole.join("report.html")).unwrap() == fs::read(merged3.join("report.html")).unwrap();
    assert!(same_report, "report.html of the merged folders differs from the one run's");
    let run: serde_json::Value = serde_json::from_str(&fs::read_to_string(merged3.join("run.json")).unwrap()).unwrap();
    let one: serde_json::Value = serde_json::from_str(&fs::read_to_string(whole.join("run.json")).unwrap()).unwrap();
    for k in ["articles", "words", "errors", "warnings", "bytes_read"] {
        assert_eq!(run["counts"][k], one["counts"][k], "{k}");
    }
    assert_eq!(run["resources"], one["resources"]);
    assert_eq!(run["merged"].as_array().map(Vec::len), Some(4));
    // and `slant cite` reads it
    let cite = bin().arg("cite").arg(&merged3).output().unwrap();
    ok(&cite);
    assert!(String::from_utf8_lossy(&cite.stdout).contains(&format!("{} articles", run["counts"]["articles"])));
}

#[test]
fn folders_that_cannot_be_merged_are_refused_with_the_reason() {
    let t = tempfile::tempdir().unwrap();
    let (p1, p2) = (t.path().join("p1"), t.path().join("p2"));
    ok(&run_in(&examples(), FIRST, &p1, &[]));
    ok(&run_in(&examples(), SECOND, &p2, &[]));
    let err = |o: Output| {
        assert_eq!(o.status.code(), Some(1));
        String::from_utf8_lossy(&o.stderr).to_string()
    };
    let out = t.path().join("out");

    // an article in two folders
    let e = err(merge(&[&p1, &p1], &out));
    assert!(e.contains("is in both") && e.contains("blaze-01"), "{e}");
    // a folder without fingerprints
    let bare = t.path().join("bare");
    ok(&analyze(&[examples().join("vcna-03.txt").to_str().unwrap()], &bare));
    let e = err(merge(&[&p1, &bare], &out));
    assert!(e.contains("--fingerprints"), "{e}");
    // another count rule: the counts would mix methods
    let flagged = t.path().join("flagged");
    ok(&run_in(&examples(), THIRD, &flagged, &["--count-hits", "flagged"]));
    let e = err(merge(&[&p1, &flagged], &out));
    assert!(e.contains("other settings") && e.contains("count rule"), "{e}");
    // slant's own columns differ (another lexicon's categories)
    let lex = t.path().join("lex.csv");
    fs::write(&lex, "woeful\n").unwrap();
    let other = t.path().join("other");
    ok(&run_in(&examples(), THIRD, &other, &["--lexicon", lex.to_str().unwrap(), "--lexicon-mode", "replace"]));
    fs::remove_file(other.join("run.json")).unwrap();
    let e = err(merge(&[&p1, &other], &out));
    assert!(e.contains("columns differ") && e.contains("loaded_lex"), "{e}");
    // the merged folder may not be one of the folders
    let e = err(merge(&[&p1, &p2], &p2));
    assert!(e.contains("cannot be one of the folders"), "{e}");
    // a broken fingerprint row names its line
    let fp = p2.join("fingerprints.csv");
    let text = fs::read_to_string(&fp).unwrap();
    let mut lines: Vec<&str> = text.lines().collect();
    lines[2] = "farm-01,not-hex,1,2,false";
    fs::write(&fp, lines.join("\n") + "\n").unwrap();
    // an edited folder is refused unless the edit is accepted
    let e = err(merge(&[&p1, &p2], &out));
    assert!(e.contains("fingerprints.csv does not match the run's marker"), "{e}");
    let o =
        bin().arg("merge").args([&p1, &p2]).arg("--out").arg(&out).args(["-q", "--accept-changes"]).output().unwrap();
    let e = err(o);
    assert!(e.contains("line 3") && e.contains("hash 'not-hex'"), "{e}");
    assert!(!out.join("run.json").exists(), "nothing half-merged is presented as a run");
}
