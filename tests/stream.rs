//! `slant analyze --stream`: JSON Lines in, one JSON object per article or failed line out, in
//! input order, with the same values as the output folder's CSV files.

mod common;

use common::*;
use std::io::Write;
use std::process::Stdio;

const INPUT: &str = concat!(
    r#"{"id":"a","outlet":"Wire","date":"2026-03-14","text":"The brutal regime said it would never surrender. Officials said the tyrant was losing. \"It is a disgrace,\" the minister said."}"#,
    "\n",
    "this line is not JSON\n",
    r#"{"id":"b","outlet":"Blaze","desk":"world","text":"A calm report of a meeting of the council, which agreed the budget."}"#,
    "\n",
);

fn stream(args: &[&str]) -> (Option<i32>, String) {
    let mut child = bin()
        .args(["analyze", "-", "--stream", "-q"])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(INPUT.as_bytes()).unwrap();
    let o = child.wait_with_output().unwrap();
    (o.status.code(), String::from_utf8(o.stdout).unwrap())
}

/// A JSON value as the CSV cell it stands for (null as empty).
fn cell(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn same(a: &str, b: &str) -> bool {
    match (a.parse::<f64>(), b.parse::<f64>()) {
        (Ok(x), Ok(y)) => (x - y).abs() < 1e-9,
        _ => a == b,
    }
}

#[test]
fn a_broken_line_gives_its_error_object_and_every_other_article_in_order() {
    let (code, out) = stream(&[]);
    assert_eq!(code, Some(2), "one line failed, the rest were analysed");
    let lines: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 3, "{out}");
    assert_eq!(lines[0]["article"]["article_id"], "a");
    assert_eq!(lines[1]["error"]["line"], 2);
    assert_eq!(lines[1]["error"]["kind"], "json");
    assert_eq!(lines[2]["article"]["article_id"], "b");
    // typed by the codebook
    assert!(lines[0]["article"]["words"].is_u64() && lines[0]["article"]["tone"].is_f64());
    assert!(lines[0]["hits"][0]["negated"].is_boolean());
    assert_eq!(lines[2]["article"]["desk"], "world", "carried columns are kept");

    // the same values as the output folder's files
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.jsonl");
    std::fs::write(&input, INPUT).unwrap();
    let folder = dir.path().join("out");
    let o = analyze(&[input.to_str().unwrap()], &folder);
    assert_eq!(o.status.code(), Some(2));
    let (header, rows) = read_csv(&folder.join("articles.csv"));
    for (row, line) in rows.iter().zip([&lines[0], &lines[2]]) {
        for (c, v) in header.iter().zip(row) {
            if c == "path" {
                continue; // `-:1` on standard input, `in.jsonl:1` from the file
            }
            let streamed = cell(&line["article"][c.as_str()]);
            assert!(same(&streamed, v), "{c}: stream {streamed:?}, articles.csv {v:?}");
        }
    }
    let (hh, hits) = read_csv(&folder.join("hits.csv"));
    let streamed: Vec<&serde_json::Value> =
        [&lines[0], &lines[2]].iter().flat_map(|l| l["hits"].as_array().unwrap().iter()).collect();
    assert_eq!(streamed.len(), hits.len());
    assert!(!hits.is_empty());
    for (h, s) in hits.iter().zip(streamed) {
        for (c, v) in hh.iter().zip(h) {
            assert!(same(&cell(&s[c.as_str()]), v), "hits {c}: {:?} vs {v:?}", s[c.as_str()]);
        }
    }
    let (_, attrs) = read_csv(&folder.join("attributions.csv"));
    let n: usize = [&lines[0], &lines[2]].iter().map(|l| l["attributions"].as_array().unwrap().len()).sum();
    assert_eq!(n, attrs.len());
}

#[test]
fn the_stream_is_the_same_bytes_whatever_the_thread_count() {
    let (_, one) = stream(&["-j", "1"]);
    let (_, four) = stream(&["-j", "4"]);
    assert_eq!(one, four);
}

#[test]
fn stream_and_out_are_exclusive() {
    let o = bin().args(["analyze", "-", "--stream", "--out", "x"]).stdin(Stdio::null()).output().unwrap();
    assert_ne!(o.status.code(), Some(0));
    let o = bin().args(["analyze", "-"]).stdin(Stdio::null()).output().unwrap();
    assert!(String::from_utf8_lossy(&o.stderr).contains("--out"), "one of the two is needed");
}
