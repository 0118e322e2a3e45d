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
