//! Issue 30, defect 10: cells a spreadsheet would run as formulas. The default keeps every
//! cell verbatim; `--spreadsheet-safe` gives such cells a leading apostrophe in every CSV file
//! (numbers and Parquet files stay as they are), and `slant chart` and `slant merge` keep to
//! the folder's choice.

mod common;

use std::fs;

use common::*;

const INPUT: &str = "id,outlet,title,text\n\
=HYPERLINK(\"http://x\"),@Wire,-Breaking: talks,\"Officials said the brutal regime fell.\"\n\
plain,+Desk,A calm day,\"The council agreed the budget.\"\n";

#[test]
fn formula_cells_verbatim_by_default_and_neutralised_with_spreadsheet_safe() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in.csv");
    fs::write(&input, INPUT).unwrap();
    let plain = dir.path().join("plain");
    assert_eq!(analyze(&[input.to_str().unwrap()], &plain).status.code(), Some(0));
    let ids = column(&plain.join("articles.csv"), "article_id");
    assert_eq!(ids[0], "=HYPERLINK(\"http://x\")", "verbatim by default");

    let safe = dir.path().join("safe");
    let o = analyze(&[input.to_str().unwrap(), "--spreadsheet-safe", "--format", "csv,parquet"], &safe);
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    let a = safe.join("articles.csv");
    assert_eq!(column(&a, "article_id"), ["'=HYPERLINK(\"http://x\")", "plain"]);
    assert_eq!(column(&a, "outlet"), ["'@Wire", "'+Desk"]);
    assert_eq!(column(&a, "title"), ["'-Breaking: talks", "A calm day"]);
    // no cell of any CSV file starts as a formula; numbers such as -0.25 stay numbers
    for e in walkdir::WalkDir::new(&safe) {
        let e = e.unwrap();
        if e.path().extension().is_some_and(|x| x == "csv") {
            let (_, rows) = read_csv(e.path());
            for c in rows.iter().flatten() {
                assert!(!slant::output::formulas::is_formula(c), "{}: {c}", e.path().display());
            }
        }
    }
    let tone = column(&a, "tone");
    assert!(tone.iter().all(|t| t.parse::<f64>().is_ok()), "{tone:?}");
    assert!(column(&safe.join("groups.csv"), "group").contains(&"'@Wire".to_string()));
    // the chart command keeps the folder's choice
    let o = bin().arg("chart").arg(&safe).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(column(&safe.join("groups.csv"), "group").contains(&"'@Wire".to_string()));
    let run: serde_json::Value = serde_json::from_str(&fs::read_to_string(safe.join("run.json")).unwrap()).unwrap();
    assert_eq!(run["options"]["spreadsheet_safe"], serde_json::Value::Bool(true));
}
