//! Issue 30, defect 5: a `--meta` sidecar with an open quotation, in UTF-16 or with bad bytes,
//! and the line numbers of its unused rows.

mod common;

use std::fs;

use common::*;

fn two_files(dir: &std::path::Path) -> (String, String) {
    let a = dir.join("a.txt");
    let b = dir.join("b.txt");
    fs::write(&a, "Officials said the talks would resume.").unwrap();
    fs::write(&b, "The council agreed the budget.").unwrap();
    (a.to_string_lossy().into_owned(), b.to_string_lossy().into_owned())
}

#[test]
fn sidecar_with_an_unterminated_quote_is_an_error_naming_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = two_files(dir.path());
    let meta = dir.path().join("meta.csv");
    // the open quotation takes in the next row whole: the column counts still agree
    fs::write(&meta, "file,id\na.txt,\"first\nb.txt,second\n").unwrap();
    let out = dir.path().join("out");
    let o = analyze(&[&a, &b, "--meta", meta.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(1));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("line 2") && e.contains("never closed"), "{e}");
    assert!(!out.exists(), "stopped before anything was written");
    // a quoted line break that is closed is data, not an error
    fs::write(&meta, "file,id,title\na.txt,first,\"two\nlines\"\nb.txt,second,\"plain\"\n").unwrap();
    let o = analyze(&[&a, &b, "--meta", meta.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(column(&out.join("articles.csv"), "article_id"), ["first", "second"]);
}

#[test]
fn sidecar_in_utf16_or_with_bad_bytes_is_read_as_inputs_are() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = two_files(dir.path());
    let out = dir.path().join("out");
    // UTF-16 with its byte-order mark
    let meta = dir.path().join("meta16.csv");
    let text = "file,outlet\na.txt,Wire\u{e9}\nb.txt,Desk\n";
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
    fs::write(&meta, bytes).unwrap();
    let o = analyze(&[&a, &b, "--meta", meta.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(column(&out.join("articles.csv"), "outlet"), ["Wire\u{e9}", "Desk"]);
    // a bad byte: replaced, the run goes on, a decode warning names the file
    let meta = dir.path().join("bad.csv");
    fs::write(&meta, b"file,outlet\na.txt,Wire\xff\nb.txt,Desk\n").unwrap();
    let o = analyze(&[&a, &b, "--meta", meta.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(0), "a warning: {}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(column(&out.join("articles.csv"), "outlet"), ["Wire\u{fffd}", "Desk"]);
    let (_, errors) = read_csv(&out.join("errors.csv"));
    assert!(errors.iter().any(|r| r[0].ends_with("bad.csv") && r[2] == "decode"), "{errors:?}");
}

#[test]
fn sidecar_rows_that_match_no_input_give_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _) = two_files(dir.path());
    let meta = dir.path().join("meta.csv");
    fs::write(&meta, "file,outlet\na.txt,Wire\nmissing.txt,Desk\n").unwrap();
    let out = dir.path().join("out");
    let o = analyze(&[&a, "--meta", meta.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(0), "a warning: {}", String::from_utf8_lossy(&o.stderr));
    let (h, errors) = read_csv(&out.join("errors.csv"));
    let line = h.iter().position(|c| c == "line").unwrap();
    let row = errors.iter().find(|r| r[2] == "meta_unused").unwrap();
    assert_eq!(row[line], "3", "{row:?}");
}

#[test]
fn source_list_in_latin1_is_read_and_one_without_a_header_names_line_1() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _) = two_files(dir.path());
    let out = dir.path().join("out");
    let list = dir.path().join("sources.tsv");
    fs::write(&list, b"Reuters\tagency\tGB\tnamed\n").unwrap();
    let o = analyze(&[&a, "--sources", list.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(1));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("sources.tsv:1:") && e.contains("header"), "{e}");
    // Latin-1 bytes (as a spreadsheet may save): read as Latin-1, as lexicons are
    fs::write(&list, b"name\tcategory\tcountry\tkind\nAg\xe8ncia Lusa\tmedia\tPT\tnamed\n").unwrap();
    let o = analyze(&[&a, "--sources", list.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
}

/// A sidecar row naming only a file name that two inputs share gives neither of them its
/// metadata, and says why; a row naming a unique file name still applies.
#[test]
fn a_sidecar_file_name_shared_by_two_inputs_matches_neither() {
    let dir = tempfile::tempdir().unwrap();
    let [x, y] = folders_with_one_name(
        dir.path(),
        "s.txt",
        ["The council met today in the town hall.\n", "A brutal despot spoke yesterday in the capital.\n"],
    );
    let other = dir.path().join("other.txt");
    fs::write(&other, "The budget was approved on Monday.\n").unwrap();
    let meta = dir.path().join("m.csv");
    fs::write(&meta, "file,id,outlet\ns.txt,S1,Out1\nother.txt,O1,Out2\n").unwrap();
    let out = dir.path().join("out");
    let args = [x.to_str().unwrap(), y.to_str().unwrap(), other.to_str().unwrap(), "--meta", meta.to_str().unwrap()];
    let o = analyze(&args, &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert_eq!(column(&out.join("articles.csv"), "article_id"), ["s", "s~2", "O1"]);
    assert_eq!(column(&out.join("articles.csv"), "outlet_source"), ["none", "none", "given"]);
    let (_, errs) = read_csv(&out.join("errors.csv"));
    let unused: Vec<&Vec<String>> = errs.iter().filter(|r| r[2] == "meta_unused").collect();
    assert_eq!(unused.len(), 1, "{errs:?}");
    assert!(unused[0][3].contains("several input files are named 's.txt'"), "{:?}", unused[0]);
}

#[test]
fn meta_sidecar_and_inference() {
    let dir = tempfile::tempdir().unwrap();
    let inp = dir.path().join("in");
    fs::create_dir(&inp).unwrap();
    fs::write(
        inp.join("one.txt"),
        "Menu\n  • Home\n  • World\n\nBy Staff | June 3, 2025\n\nKESTRA (Meridian Wire) - The river rose by two metres overnight, officials said.\n\nResidents left their homes before dawn.\n\n© 2025 Example Pages. All rights reserved.\n",
    )
    .unwrap();
    fs::write(inp.join("two.txt"), "date 2024-02-01 The board met on Thursday and agreed the plan.\n").unwrap();
    let meta = dir.path().join("meta.csv");
    fs::write(&meta, "file,id,outlet,topic\ntwo.txt,second,Given Outlet,economy\nghost.txt,g,,x\n").unwrap();
    let out = dir.path().join("out");
    let o = analyze(&[inp.to_str().unwrap(), "--meta", meta.to_str().unwrap()], &out);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let (h, rows) = read_csv(&out.join("articles.csv"));
    let get = |r: usize, c: &str| rows[r][h.iter().position(|x| x == c).unwrap()].clone();
    assert_eq!(get(0, "article_id"), "one");
    assert_eq!((get(0, "outlet"), get(0, "outlet_source")), ("Meridian Wire".into(), "inferred".into()));
    assert_eq!((get(0, "date"), get(0, "date_source")), ("2025-06-03".into(), "inferred".into()));
    assert_eq!(get(0, "words"), "18");
    assert_eq!(get(1, "article_id"), "second");
    assert_eq!((get(1, "outlet"), get(1, "outlet_source")), ("Given Outlet".into(), "given".into()));
    assert_eq!((get(1, "date"), get(1, "date_source")), ("2024-02-01".into(), "inferred".into()));
    assert_eq!(get(1, "topic"), "economy");
    assert_eq!(get(1, "words"), "9", "the date header is not counted");
    let (_, errs) = read_csv(&out.join("errors.csv"));
    assert_eq!(errs.len(), 1);
    assert_eq!(errs[0][2], "meta_unused");
}
