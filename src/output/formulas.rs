//! `--spreadsheet-safe`: CSV cells that a spreadsheet would run as a formula are neutralised.
//!
//! By default slant writes every cell verbatim: ids, titles and outlets scraped from pages are
//! data, and R, pandas and Parquet readers take them as text. A spreadsheet does not: a cell
//! starting with `=`, `+`, `-` or `@` (or a tab or carriage return before one) is run as a
//! formula when the file is opened, which can call out to the network or show a false value
//! (OWASP's "CSV injection"). With `--spreadsheet-safe`, such a cell gets a leading apostrophe
//! (`'=HYPERLINK(...)`), which spreadsheets show as text; a cell that is a number (`-0.25`,
//! `+3`) is left as it is. Parquet files are typed and stay verbatim.

use std::path::Path;

use crate::error::SlantError;

/// Whether a spreadsheet would take `cell` as a formula: it starts with one of `= + - @`, a
/// tab or a carriage return, and is not a plain number.
pub fn is_formula(cell: &str) -> bool {
    let Some(first) = cell.chars().next() else { return false };
    matches!(first, '=' | '+' | '-' | '@' | '\t' | '\r') && cell.trim().parse::<f64>().map_or(true, |x| !x.is_finite())
}

/// `cell` as a spreadsheet shows it as text.
pub fn neutralise(cell: &str) -> std::borrow::Cow<'_, str> {
    if is_formula(cell) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// Rewrites every CSV file under `dir` (a staging folder) with its formula cells neutralised;
/// returns how many cells changed.
pub fn neutralise_folder(dir: &Path) -> Result<usize, SlantError> {
    let mut changed = 0;
    for e in walkdir::WalkDir::new(dir).min_depth(1).sort_by_file_name() {
        let e = e.map_err(|e| SlantError::Write { path: dir.to_path_buf(), source: e.into() })?;
        let path = e.path();
        if !e.file_type().is_file() || path.extension().is_none_or(|x| x != "csv") {
            continue;
        }
        let csv_err = |source| SlantError::Csv { path: path.to_path_buf(), source };
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut any = false;
        let mut r = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_path(path).map_err(csv_err)?;
        for rec in r.records() {
            let rec = rec.map_err(csv_err)?;
            let row: Vec<String> = rec
                .iter()
                .map(|c| {
                    let n = neutralise(c);
                    if let std::borrow::Cow::Owned(_) = n {
                        changed += 1;
                        any = true;
                    }
                    n.into_owned()
                })
                .collect();
            rows.push(row);
        }
        if any {
            crate::output::write_csv_rows(path, &rows)?;
        }
    }
    Ok(changed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_and_numbers_are_not() {
        for f in ["=1+2", "+cmd", "-2+3", "@SUM(A1)", "=HYPERLINK(\"http://x\")", "\t=1", "-", "+"] {
            assert!(is_formula(f), "{f}");
            assert_eq!(neutralise(f), format!("'{f}"));
        }
        for n in ["-0.25", "+3", "-1e3", "12", "", "a=b", "Reuters", " =1"] {
            assert!(!is_formula(n), "{n}");
        }
        assert!(is_formula("-inf") && is_formula("-NaN"), "not a finite number: a spreadsheet takes it as a formula");
    }

    #[test]
    fn a_folder_is_rewritten_with_its_formula_cells_quoted() {
        let t = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(t.path().join("charts")).unwrap();
        std::fs::write(t.path().join("a.csv"), "id,x\n=cmd,-0.5\nok,1\n").unwrap();
        std::fs::write(t.path().join("charts/c.csv"), "group,v\n@evil,2\n").unwrap();
        std::fs::write(t.path().join("b.csv"), "id\nplain\n").unwrap();
        assert_eq!(neutralise_folder(t.path()).unwrap(), 2);
        assert_eq!(std::fs::read_to_string(t.path().join("a.csv")).unwrap(), "id,x\n'=cmd,-0.5\nok,1\n");
        assert_eq!(std::fs::read_to_string(t.path().join("charts/c.csv")).unwrap(), "group,v\n'@evil,2\n");
        assert_eq!(std::fs::read_to_string(t.path().join("b.csv")).unwrap(), "id\nplain\n");
    }
}
