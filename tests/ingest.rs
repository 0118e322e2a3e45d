//! End-to-end tests of how `slant analyze` reads its inputs: formats, presets, stdin, bad
//! inputs as error rows, record lines, ids of files that share a name, on fixtures written
//! for these tests.

mod common;

use common::*;
use std::fs;
use std::io::Write;
use std::process::Stdio;

#[test]
fn same_article_in_four_formats_gives_the_same_row() {
    let dir = tempfile::tempdir().unwrap();
    let fx = root().join("tests/fixtures/same");
    let mut rows = Vec::new();
    for f in ["story.txt", "story.html", "story.csv", "story.jsonl"] {
        let out = dir.path().join(f);
        let o = analyze(&[fx.join(f).to_str().unwrap()], &out);
        assert_eq!(o.status.code(), Some(0), "{f}: {}", String::from_utf8_lossy(&o.stderr));
        let (h, r) = read_csv(&out.join("articles.csv"));
        assert_eq!(r.len(), 1, "{f}");
        let pick = |name: &str| r[0][h.iter().position(|c| c == name).unwrap()].clone();
        rows.push((
            f,
            ["outlet", "title", "words", "sentences", "quoted_words", "captions", "decode_errors", "outlet_source"]
                .map(pick),
        ));
    }
    let first = &rows[0].1;
    assert_eq!(first[0], "Coastline Post");
    assert_eq!(first[1], "Harbour Strike Enters Third Day");
    assert_eq!(first[2], "86", "words of story.txt (headline and body)");
    for (f, r) in &rows[1..] {
        assert_eq!(r, first, "{f} differs from story.txt");
    }
}

/// Exports with their own column names: a preset or the column flags name them.
#[test]
fn media_cloud_and_gdelt_exports_are_read_with_a_preset() {
    let dir = tempfile::tempdir().unwrap();
    let mc = dir.path().join("mc.csv");
    fs::write(
        &mc,
        "stories_id,publish_date,title,url,media_name,text\n\
         101,2025-12-29 14:03:00,Drills begin,https://a.example/1,Wire One,The army began drills on Monday.\n\
         102,2025-12-30 09:00:00,Drills end,https://b.example/2,Daily Two,\"The drills ended on Tuesday, officials said.\"\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    // without the preset, no outlet: a warning on the screen says how to name the column
    let o = analyze(&[mc.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("2 of 2 articles have no outlet") && err.contains("--preset"), "{err}");
    let o = analyze(&[mc.to_str().unwrap(), "--preset", "mediacloud"], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(!String::from_utf8_lossy(&o.stderr).contains("no outlet"));
    assert_eq!(column(&out.join("articles.csv"), "article_id"), vec!["101", "102"]);
    assert_eq!(column(&out.join("articles.csv"), "outlet"), vec!["Wire One", "Daily Two"]);
    assert_eq!(column(&out.join("articles.csv"), "date"), vec!["2025-12-29", "2025-12-30"]);
    assert_eq!(column(&out.join("articles.csv"), "date_source"), vec!["given", "given"]);
    // GDELT's names and compact dates; a flag wins over the preset
    let gd = dir.path().join("gd.jsonl");
    fs::write(
        &gd,
        "{\"url\":\"https://c.example/3\",\"title\":\"Talks\",\"seendate\":\"20251231T120000Z\",\"domain\":\"c.example\",\"site\":\"C News\",\"text\":\"The talks resumed, a spokesperson said.\"}\n",
    )
    .unwrap();
    let o = analyze(&[gd.to_str().unwrap(), "--preset", "gdelt"], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(column(&out.join("articles.csv"), "outlet"), vec!["c.example"]);
    assert_eq!(column(&out.join("articles.csv"), "date"), vec!["2025-12-31"]);
    let o = analyze(&[gd.to_str().unwrap(), "--preset", "gdelt", "--outlet-col", "site"], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(column(&out.join("articles.csv"), "outlet"), vec!["C News"]);
}

/// A mistyped path, or a sidecar naming none of the files, is a mistake on the command line:
/// said on the screen with exit 1, and no output folder is made.
#[test]
fn a_mistyped_path_or_a_sidecar_for_other_files_stops_before_any_output() {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("a.txt");
    fs::write(&good, "The council voted on Monday to close the old bridge.\n").unwrap();
    let out = dir.path().join("out");
    let missing = dir.path().join("mising.txt");
    let o = analyze(&[good.to_str().unwrap(), missing.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("mising.txt") && err.contains("no such file"), "{err}");
    assert!(!out.exists(), "no half-made output folder");
    let side = dir.path().join("side.csv");
    fs::write(&side, "file,outlet\nother.txt,Wire\nthird.txt,Wire\n").unwrap();
    let o = analyze(&[good.to_str().unwrap(), "--meta", side.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("side.csv") && err.contains("none of its 2 rows"), "{err}");
    assert!(!out.exists(), "no half-made output folder");
    // a sidecar naming one of the files is used, its other rows reported
    fs::write(&side, "file,outlet\na.txt,Wire\nthird.txt,Wire\n").unwrap();
    let o = analyze(&[good.to_str().unwrap(), "--meta", side.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(column(&out.join("articles.csv"), "outlet"), vec!["Wire"]);
    assert_eq!(column(&out.join("errors.csv"), "kind"), vec!["meta_unused"]);
}

#[test]
fn bad_inputs_become_error_rows_and_good_articles_survive() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    fs::create_dir(&inp).unwrap();
    fs::write(inp.join("a_good.txt"), "The council voted on Monday to close the old bridge.\n").unwrap();
    fs::write(inp.join("b_empty.txt"), "").unwrap();
    fs::write(inp.join("c_image.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    fs::write(inp.join("d_latin1.txt"), b"The caf\xe9 owner said the rent had doubled since May.\n").unwrap();
    fs::write(
        inp.join("e_rows.csv"),
        "id,text\nr1,\"The mayor said the budget was balanced.\"\nr2,too,many,fields\nr3,The police said two men were arrested.\n",
    )
    .unwrap();
    fs::write(
        inp.join("f_lines.jsonl"),
        "{\"id\":\"j1\",\"text\":\"The minister resigned after the vote.\"}\nnot json at all\n[1,2]\n{\"id\":\"j4\",\"title\":\"no text\"}\n",
    )
    .unwrap();
    let big = inp.join("g_big.txt");
    let mut f = fs::File::create(&big).unwrap();
    let para = "The committee said the report would be published next week. ".repeat(1000);
    while f.metadata().unwrap().len() < 50 * 1024 * 1024 {
        f.write_all(para.as_bytes()).unwrap();
        f.write_all(b"\n\n").unwrap();
    }
    drop(f);
    fs::write(inp.join("h_picture.png"), b"\x89PNG\r\n\x1a\n").unwrap();
    let out = dir.path().join("out");
    let o = analyze(&[inp.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(2), "partial failure exits 2: {}", String::from_utf8_lossy(&o.stderr));
    let ids = column(&out.join("articles.csv"), "article_id");
    assert_eq!(ids, vec!["a_good", "d_latin1", "r1", "r3", "j1"]);
    let decode = column(&out.join("articles.csv"), "decode_errors");
    assert_eq!(decode, vec!["0", "1", "0", "0", "0"]);
    let (_, errs) = read_csv(&out.join("errors.csv"));
    let kinds: Vec<(String, String, String)> =
        errs.iter().map(|r| (r[0].rsplit('/').next().unwrap().to_string(), r[1].clone(), r[2].clone())).collect();
    let want = [
        ("b_empty.txt", "", "empty"),
        ("c_image.txt", "", "binary"),
        ("d_latin1.txt", "", "decode"),
        ("e_rows.csv", "3", "csv"),
        ("f_lines.jsonl", "2", "json"),
        ("f_lines.jsonl", "3", "json"),
        ("f_lines.jsonl", "4", "no_text"),
        ("g_big.txt", "", "too_large"),
        ("h_picture.png", "", "skipped"),
    ];
    let want: Vec<(String, String, String)> =
        want.iter().map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string())).collect();
    assert_eq!(kinds, want);
    for r in &errs {
        assert!(r[3].len() > 10, "message should explain: {r:?}");
    }
    let msg = &errs[3][3];
    assert!(msg.contains("4 fields") && msg.contains("2"), "{msg}");
}

#[test]
fn record_lines_hold_with_crlf_and_duplicate_ids_name_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    fs::create_dir(&inp).unwrap();
    fs::write(inp.join("crlf.csv"), "text\r\nThe mayor spoke.\r\n\"Two\r\nlines.\"\r\nThe end.\r\n").unwrap();
    fs::write(inp.join("dup.csv"), "id,text\nd1,The council met.\nd1,The council met again.\n").unwrap();
    let out = dir.path().join("out");
    let o = analyze(&[inp.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(0), "warnings only: {}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(column(&out.join("articles.csv"), "article_id"), ["crlf:2", "crlf:3", "crlf:5", "d1", "d1~2"]);
    let (_, errs) = read_csv(&out.join("errors.csv"));
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0][0].ends_with("dup.csv"), "path without the line: {:?}", errs[0]);
    assert_eq!((errs[0][1].as_str(), errs[0][2].as_str()), ("3", "duplicate_id"));
    assert!(errs[0][3].contains("'d1~2'"), "{:?}", errs[0]);
}

/// Two articles that would share an id (same file name in two folders) get distinct ids, so
/// their rows in every file and their saved texts stay apart.
#[test]
fn same_file_names_in_two_folders_stay_two_articles() {
    let dir = tempfile::tempdir().unwrap();
    let [a, b] = folders_with_one_name(
        dir.path(),
        "same.txt",
        ["The despot spoke on Monday.\n", "On Tuesday the council met and a brutal tyrant was named.\n"],
    );
    let out = dir.path().join("out");
    let texts = dir.path().join("texts");
    // the first file named a second time is read once
    let again = a.join("same.txt");
    let args =
        [a.to_str().unwrap(), b.to_str().unwrap(), again.to_str().unwrap(), "--save-text", texts.to_str().unwrap()];
    let o = analyze(&args, &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(column(&out.join("articles.csv"), "article_id"), ["same", "same~2"]);
    let (h, hits) = read_csv(&out.join("hits.csv"));
    let col = |n: &str| h.iter().position(|c| c == n).unwrap();
    assert!(!hits.is_empty());
    for row in &hits {
        let saved = fs::read_to_string(texts.join(format!("{}.txt", row[col("article_id")]))).unwrap();
        let chars: Vec<char> = saved.chars().collect();
        let (s, e): (usize, usize) = (row[col("start")].parse().unwrap(), row[col("end")].parse().unwrap());
        assert_eq!(chars[s..e].iter().collect::<String>(), row[col("text")], "{row:?}");
    }
    assert!(hits.iter().any(|r| r[col("article_id")] == "same~2"));
    assert_eq!(column(&out.join("errors.csv"), "kind"), ["duplicate_id", "skipped"]);
}

/// Carried input columns named like the category columns `slant chart` reads are renamed, so
/// analyze can chart its own output; an over-size JSON line is reported once, as too large.
#[test]
fn carried_category_like_columns_are_renamed_and_big_lines_reported_once() {
    let dir = tempfile::tempdir().unwrap();
    let jsonl = dir.path().join("a.jsonl");
    fs::write(
        &jsonl,
        "{\"id\": \"a\", \"text\": \"The despot spoke.\", \"attr_source\": \"Reuters\", \"Loaded_By\": \"x\"}\n\
         {\"id\": \"b\", \"text\": \"The council met.\"}\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = analyze(&[jsonl.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(column(&out.join("articles.csv"), "input_attr_source"), ["Reuters", ""]);
    assert_eq!(column(&out.join("articles.csv"), "input_Loaded_By"), ["x", ""]);
    let big = dir.path().join("big.jsonl");
    fs::write(&big, format!("{{\"text\": \"{}\"}}\n", "word ".repeat(40))).unwrap();
    let out = dir.path().join("out2");
    let o = analyze(&[big.to_str().unwrap(), "--max-bytes", "100"], &out);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(column(&out.join("errors.csv"), "kind"), ["too_large"]);
}

#[test]
fn nothing_analysed_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    fs::write(&empty, "  \n").unwrap();
    let o = analyze(&[empty.to_str().unwrap()], &dir.path().join("out"));
    assert_eq!(o.status.code(), Some(1));
    // an empty folder and a JSON Lines file of blank lines say why nothing was analysed
    let folder = dir.path().join("nothing");
    fs::create_dir(&folder).unwrap();
    fs::write(folder.join(".hidden.txt"), "The council met.").unwrap();
    let blank = dir.path().join("blank.jsonl");
    fs::write(&blank, "\n  \n\n").unwrap();
    let out = dir.path().join("out2");
    let o = analyze(&[folder.to_str().unwrap(), blank.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(1));
    let (_, errs) = read_csv(&out.join("errors.csv"));
    let got: Vec<(&str, &str)> = errs.iter().map(|r| (r[2].as_str(), r[3].as_str())).collect();
    assert_eq!(
        got,
        [
            ("empty", "folder has no files to analyse (hidden files and _meta.csv are not read)"),
            ("empty", "no JSON lines: its 3 lines are blank")
        ]
    );
    let o = bin().args(["analyze", "--out", "x", "--lang", "klingon", "y.txt"]).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown language 'klingon'"));
    let o = bin().args(["analyze"]).output().unwrap();
    assert_eq!(o.status.code(), Some(1), "usage errors exit 1");
}

#[test]
fn stdin_jsonl_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let mut child = bin().args(["analyze", "-", "-q", "--out"]).arg(&out).stdin(Stdio::piped()).spawn().unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(
            "{\"id\":\"s1\",\"outlet\":\"Wire\",\"text\":\"Officials said the talks “went well”.\"}\n".as_bytes(),
        )
        .unwrap();
    assert!(child.wait().unwrap().success());
    let (h, rows) = read_csv(&out.join("articles.csv"));
    assert_eq!(
        h[..15].join(","),
        "article_id,outlet,date,title,url,path,words,sentences,quoted_words,reported_words,own_words,captions,decode_errors,\
         date_source,outlet_source"
    );
    assert_eq!(rows[0][..11].join(","), "s1,Wire,,,,-:1,6,1,2,2,2");
    let run: serde_json::Value = serde_json::from_str(&fs::read_to_string(out.join("run.json")).unwrap()).unwrap();
    assert_eq!(run["inputs"][0]["path"], "-");
    assert_eq!(run["inputs"][0]["sha256"].as_str().unwrap().len(), 64);
}
