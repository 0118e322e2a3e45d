//! Issue 30, defects 6 and 8: an output folder is written as one set, sealed by `run.json`,
//! and a run that fails, is interrupted or was killed replaces nothing of the earlier set.

mod common;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use common::*;
use sha2::{Digest, Sha256};

/// Every file under `dir` (relative, `/`-separated) with its bytes.
fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    for e in walkdir::WalkDir::new(dir).min_depth(1) {
        let e = e.unwrap();
        if e.file_type().is_file() {
            let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy().replace('\\', "/");
            out.insert(rel, fs::read(e.path()).unwrap());
        }
    }
    out
}

fn examples() -> String {
    root().join("data/examples").to_string_lossy().into_owned()
}

fn marker_files(dir: &Path) -> BTreeMap<String, String> {
    let run: serde_json::Value = serde_json::from_str(&fs::read_to_string(dir.join("run.json")).unwrap()).unwrap();
    run["files"].as_object().unwrap().iter().map(|(k, v)| (k.clone(), v.as_str().unwrap().to_string())).collect()
}

#[test]
fn output_set_is_sealed_by_run_json_with_the_hash_of_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = analyze(&[&examples(), "--format", "csv,parquet"], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let files = marker_files(&out);
    let mut on_disk = snapshot(&out);
    on_disk.remove("run.json");
    assert_eq!(files.keys().collect::<Vec<_>>(), on_disk.keys().collect::<Vec<_>>(), "the marker lists every file");
    for (f, bytes) in &on_disk {
        let h: String = Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(&h, &files[f], "{f}");
    }
    assert!(
        files.contains_key("charts/tone.svg")
            && files.contains_key("hits.parquet")
            && files.contains_key("report.html")
    );
    // no staging folder or temporary file stays
    assert!(!on_disk.keys().any(|f| f.starts_with('.') || f.contains("/.")), "{:?}", on_disk.keys());
}

#[test]
fn output_set_a_run_that_fails_at_its_end_replaces_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    assert_eq!(analyze(&[&examples()], &out).status.code(), Some(0));
    let before = snapshot(&out);
    // a JSON Lines input may carry any column, so `--group-by` is checked when the charts are
    // drawn, after the analysis: the folder must still hold the first run's set, whole
    let feed = root().join("data/examples/wire-feed.jsonl");
    let o = analyze(&[feed.to_str().unwrap(), "--group-by", "nonesuch"], &out);
    assert_eq!(o.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("--group-by nonesuch: articles.csv has no such column"), "{stderr}");
    assert_eq!(snapshot(&out), before, "nothing of the earlier set was replaced, nothing was left behind");
}

#[test]
fn group_by_naming_no_column_stops_the_run_before_it_reads_anything() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let o = analyze(&[&examples(), "--group-by", "nonesuch"], &out);
    // data/examples holds a CSV file, which may carry the column: checked after the analysis
    assert_eq!(o.status.code(), Some(1));
    assert!(!out.exists() || snapshot(&out).is_empty(), "no output written");
    // text files only, and no sidecar: no article can have the column
    let txt = root().join("data/examples/wire-01.txt");
    let out = dir.path().join("out2");
    let o = analyze(&[txt.to_str().unwrap(), "--group-by", "nonesuch"], &out);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--group-by nonesuch"));
    assert!(!out.exists(), "stopped before the output folder was made");
    // slant's own columns and a sidecar's columns are known before reading
    let meta = dir.path().join("meta.csv");
    fs::write(&meta, "file,desk\nwire-01.txt,foreign\n").unwrap();
    let o = analyze(&[txt.to_str().unwrap(), "--meta", meta.to_str().unwrap(), "--group-by", "desk"], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let o = analyze(&[txt.to_str().unwrap(), "--group-by", "language"], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn output_set_leftovers_of_a_killed_run_are_swept_and_readers_refuse_a_folder_cut_short() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    assert_eq!(analyze(&[&examples()], &out).status.code(), Some(0));
    // what SIGKILL leaves: a staging folder, a temporary file
    fs::create_dir_all(out.join(".slant-staging-4242/charts")).unwrap();
    fs::write(out.join(".slant-staging-4242/hits.csv"), "half").unwrap();
    fs::write(out.join("charts/.tone.tmp.png"), "half").unwrap();
    // the set itself is whole: readers take it (and `slant chart`, writing, sweeps them)
    let o = bin().arg("chart").arg(&out).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!out.join(".slant-staging-4242").exists() && !out.join("charts/.tone.tmp.png").exists());
    // killed while moving files into place: the marker is gone first, so readers refuse
    fs::create_dir_all(out.join(".slant-staging-4242/charts")).unwrap();
    fs::write(out.join(".slant-staging-4242/hits.csv"), "half").unwrap();
    fs::remove_file(out.join("run.json")).unwrap();
    let o = bin().arg("chart").arg(&out).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("was cut short") && e.contains(".slant-staging-4242"), "{e}");
    let m = dir.path().join("merged");
    let o = bin().arg("merge").arg(&out).arg("--out").arg(&m).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("was cut short"));
    // the next run sweeps the leftovers
    assert_eq!(analyze(&[&examples()], &out).status.code(), Some(0));
    let left: Vec<String> = snapshot(&out).into_keys().filter(|f| f.starts_with('.') || f.contains("/.")).collect();
    assert!(left.is_empty(), "{left:?}");
    assert!(!out.join(".slant-staging-4242").exists());
}

#[test]
fn output_set_the_old_sets_files_the_new_one_lacks_are_removed() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let bad = dir.path().join("empty.txt");
    fs::write(&bad, b"").unwrap();
    let good = root().join("data/examples/wire-01.txt");
    let o = analyze(&[good.to_str().unwrap(), bad.to_str().unwrap(), "--fingerprints"], &out);
    assert_eq!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(out.join("errors.csv").is_file() && out.join("fingerprints.csv").is_file());
    let o = analyze(&[good.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(0));
    assert!(!out.join("errors.csv").exists() && !out.join("fingerprints.csv").exists());
    let files = marker_files(&out);
    assert!(!files.contains_key("errors.csv"));
}

#[cfg(unix)]
#[test]
fn output_set_ctrl_c_leaves_the_earlier_set_and_no_staging_folder() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    assert_eq!(analyze(&[&examples()], &out).status.code(), Some(0));
    let before = snapshot(&out);
    // an input large enough that the run is still reading when the signal comes
    let big = dir.path().join("big.jsonl");
    let line = "{\"id\": \"ID\", \"text\": \"Officials said the brutal regime would never surrender. \
                The talks, a spokesman said, would resume on Monday after a pause.\"}\n";
    let text: String = (0..200_000).map(|i| line.replace("ID", &i.to_string())).collect();
    fs::write(&big, text).unwrap();
    let child = bin()
        .arg("analyze")
        .arg(&big)
        .arg("--out")
        .arg(&out)
        .args(["-q", "-j", "1"])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // wait until its staging folder exists, then interrupt it
    let staging = || -> Option<PathBuf> {
        fs::read_dir(&out)
            .ok()?
            .flatten()
            .map(|e| e.path())
            .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(".slant-staging-")))
    };
    let t0 = std::time::Instant::now();
    while staging().is_none() && t0.elapsed().as_secs() < 20 {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(staging().is_some(), "the run made its staging folder");
    std::thread::sleep(std::time::Duration::from_millis(200));
    let kill = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(kill.success());
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(130), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(staging().is_none(), "the staging folder is gone");
    assert_eq!(snapshot(&out), before, "the earlier set is whole");
}

/// Issue 30, defect 2 (its second half): a line of standard input, or a CSV record, longer
/// than --max-bytes is refused without being held in memory, and the next records are read.
#[test]
fn max_bytes_bounds_a_line_of_standard_input_and_a_csv_record_that_never_ends() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let mut child = bin()
        .args(["analyze", "-", "--max-bytes", "1000", "-q", "--out"])
        .arg(&out)
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        let mut stdin = child.stdin.take().unwrap();
        let long = format!("{{\"id\": \"long\", \"text\": \"{}\"}}\n", "word ".repeat(4_000_000));
        stdin.write_all(long.as_bytes()).unwrap();
        stdin.write_all(b"{\"id\": \"after\", \"text\": \"Officials said the talks would resume.\"}\n").unwrap();
    }
    let o = child.wait_with_output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(column(&out.join("articles.csv"), "article_id"), ["after"]);
    let (_, errors) = read_csv(&out.join("errors.csv"));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].iter().any(|c| c == "too_large") && errors[0].iter().any(|c| c.contains("20000")), "{errors:?}");

    // a CSV file whose quotation never closes: one error row, the records before it read
    let csv = dir.path().join("open.csv");
    let text = format!("id,text\na,\"Officials said the talks would resume.\"\nb,\"{}", "word\n".repeat(100_000));
    fs::write(&csv, text).unwrap();
    let o = analyze(&[csv.to_str().unwrap(), "--max-bytes", "1000"], &out);
    assert_eq!(o.status.code(), Some(2), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(column(&out.join("articles.csv"), "article_id"), ["a"]);
    let (_, errors) = read_csv(&out.join("errors.csv"));
    assert!(errors.iter().any(|r| r.iter().any(|c| c.contains("runs on past 2000 bytes"))), "{errors:?}");
}

/// The committed example output (`reports/example`) matches its `run.json`: regenerating the
/// tables without sealing them anew would make `slant chart reports/example` refuse the folder.
#[test]
fn the_committed_example_output_matches_its_run_json() {
    let r = slant::outset::verify(&root().join("reports/example"));
    assert!(r.is_ok(), "reports/example: {:?}; run scripts/regen-golden.sh and keep run.json", r.err());
}
