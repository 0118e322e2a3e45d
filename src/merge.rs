//! `slant merge`: output folders of runs over parts of one corpus (the partitions of a cluster
//! job, the batches of a long crawl) combined into the folder a single run over all their
//! articles would have written.
//!
//! The row tables are read in the order the folders are given (CSV, Parquet, or a folder of
//! Parquet parts as Spark writes it) and written out again, row for row. Text shared between
//! articles needs every article, so `same_text_as`, `same_text_share` and `shared_text.csv` are
//! found again from the folders' `fingerprints.csv` (`slant analyze --fingerprints`); groups,
//! comparisons, charts and the report are then drawn from the merged tables.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::{json, Value};

use crate::copies::{Fingerprint, FingerprintRow};
use crate::error::{ErrorKind, SlantError};
use crate::rows::Row;
use crate::sink::{parquet_name, Table};

/// The tables copied row for row, in the order they are written.
pub const ROW_TABLES: &[&str] =
    &["hits", "attributions", "sentences", "categories_long", "countries_long", "captions", "fingerprints"];

/// What `slant merge` was asked for.
#[derive(Debug, Clone)]
pub struct MergeOptions {
    /// Write each table as Parquet too.
    pub parquet: bool,
    /// Articles shown with their text in `report.html` (taken from the folders' report parts).
    pub report_articles: usize,
    /// Merge folders whose files were changed after their run (see [`crate::outset::verify`]).
    pub accept_changes: bool,
}

impl Default for MergeOptions {
    fn default() -> Self {
        MergeOptions { parquet: false, report_articles: 100, accept_changes: false }
    }
}

/// Why folders could not be merged.
#[derive(Debug, thiserror::Error)]
pub enum MergeError {
    #[error("give at least one output folder to merge")]
    NoInput,
    #[error("{0}: the merged folder cannot be one of the folders merged")]
    OutIsInput(PathBuf),
    #[error("{path}: {message}")]
    Input { path: PathBuf, message: String },
    #[error(
        "{path}: no fingerprints table: analyse with `slant analyze --fingerprints` (slant merge needs each \
         article's word shingles to find text shared across folders)"
    )]
    NoFingerprints { path: PathBuf },
    #[error("{path}: its columns differ from those of {first}: {detail}")]
    Columns { path: PathBuf, first: PathBuf, detail: String },
    #[error("article '{id}' is in both {first} and {second}: each article must be in one folder")]
    DuplicateId { id: String, first: PathBuf, second: PathBuf },
    #[error("{path} was analysed with other settings than {first} ({detail}): merged counts would mix methods")]
    Settings { path: PathBuf, first: PathBuf, detail: String },
    #[error(transparent)]
    Write(#[from] SlantError),
    #[error(transparent)]
    Report(#[from] crate::report::ReportError),
    #[error(transparent)]
    Set(#[from] crate::outset::SetError),
}

/// What [`merge`] wrote.
#[derive(Debug, Clone, Default)]
pub struct Merged {
    pub folders: usize,
    pub articles: usize,
    /// Output files, relative to the merged folder.
    pub outputs: Vec<String>,
    /// Notes for the screen (a folder without `run.json`, ...).
    pub warnings: Vec<String>,
}

fn input_err(path: &Path) -> impl Fn(String) -> MergeError + '_ {
    move |message| MergeError::Input { path: path.to_path_buf(), message }
}

/// Merges the output folders `inputs` into `out` (made if missing) and draws its groups,
/// comparisons, charts and report. `command_line` goes into the merged `run.json`.
pub fn merge(
    inputs: &[PathBuf],
    out: &Path,
    opts: &MergeOptions,
    command_line: Vec<String>,
) -> Result<Merged, MergeError> {
    let started = crate::output::now_rfc3339();
    if inputs.is_empty() {
        return Err(MergeError::NoInput);
    }
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    };
    if let Some(i) = inputs.iter().find(|i| same(i, out)) {
        return Err(MergeError::OutIsInput(i.clone()));
    }
    if !opts.accept_changes {
        for dir in inputs {
            crate::outset::verify(dir)?;
        }
    }
    for dir in inputs {
        let articles = crate::tables::locate(dir, "articles");
        if !articles.exists() {
            return Err(input_err(dir)("no articles table (is this an output folder of slant analyze?)".into()));
        }
        if !crate::tables::locate(dir, "fingerprints").exists() {
            return Err(MergeError::NoFingerprints { path: dir.clone() });
        }
    }
    let runs = read_runs(inputs)?;
    // written into a staging folder, moved into place as one set at the end
    let staging = crate::outset::Staging::begin(out)?;
    let (final_out, out) = (out, staging.dir());

    // articles.csv: every folder's rows in order, ids once in all
    let (header, mut rows) = read_articles(inputs)?;
    let id_col = column(&header, "article_id", &inputs[0])?;
    let mut seen: HashMap<String, usize> = HashMap::with_capacity(rows.len());
    for (folder, row) in &rows {
        let id = row[id_col].clone();
        if let Some(first) = seen.insert(id.clone(), *folder) {
            return Err(MergeError::DuplicateId { id, first: inputs[first].clone(), second: inputs[*folder].clone() });
        }
    }

    // the row tables, and the fingerprints read on the way
    let mut shingles: Vec<Vec<(u64, u32, u32, bool)>> = vec![Vec::new(); rows.len()];
    let index: HashMap<&str, usize> = rows.iter().enumerate().map(|(i, (_, r))| (r[id_col].as_str(), i)).collect();
    let mut outputs = vec!["articles.csv".to_string()];
    for stem in ROW_TABLES {
        let file = format!("{stem}.csv");
        let mut table: Option<(Table, Vec<String>, PathBuf)> = None;
        for dir in inputs {
            let path = crate::tables::locate(dir, stem);
            if !path.exists() {
                return Err(input_err(dir)(format!("no {stem} table")));
            }
            let h = crate::tables::header(&path).map_err(input_err(&path))?;
            match &table {
                None if !fp_header_ok(stem, &h) => {
                    return Err(input_err(&path)(format!("unexpected columns {}", h.join(","))));
                }
                None => table = Some((Table::create(out, &file, &h, opts.parquet)?, h, dir.clone())),
                Some((_, first, first_dir)) => {
                    if *first != h {
                        return Err(columns_differ(dir, first_dir, first, &h));
                    }
                }
            }
            let Some((t, _, _)) = table.as_mut() else { continue };
            let fp = *stem == "fingerprints";
            let mut failed: Option<MergeError> = None;
            crate::tables::for_each_row(&path, |place, v| {
                if fp {
                    let id = v.first().map_or("", String::as_str);
                    let rest: Vec<&str> = v.iter().skip(1).map(String::as_str).collect();
                    let line = crate::tables::line_of(&path, place);
                    let at = index.get(id).ok_or_else(|| format!("line {line}: article '{id}' is not in articles"))?;
                    let row = crate::copies::parse_fingerprint_row(&rest).map_err(|m| format!("line {line}: {m}"))?;
                    shingles[*at].push(row);
                }
                t.write(v).map_err(|e| {
                    let m = e.to_string();
                    failed = Some(e.into());
                    m
                })
            })
            .map_err(|m| failed.take().unwrap_or_else(|| input_err(&path)(m)))?;
        }
        if let Some((t, _, _)) = table {
            t.finish()?;
            outputs.push(file);
        }
    }

    // text shared between articles, over all of them
    let fps: Vec<Fingerprint> = shingles.into_iter().map(Fingerprint::from_rows).collect();
    let shared = crate::copies::find(&fps, crate::copies::MIN_SHARE);
    drop(fps);
    let (as_col, share_col) =
        (column(&header, "same_text_as", &inputs[0])?, column(&header, "same_text_share", &inputs[0])?);
    let ids: Vec<String> = rows.iter().map(|(_, r)| r[id_col].clone()).collect();
    for (_, r) in rows.iter_mut() {
        r[as_col].clear();
        r[share_col].clear();
    }
    for s in &shared {
        let [other, share] = crate::output::same_text_cells(Some((&ids[s.other], s.share)));
        let r = &mut rows[s.article].1;
        r[as_col] = other;
        r[share_col] = share;
    }
    let id_refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let whole = |file: &str, table: Vec<Vec<String>>| -> Result<(), SlantError> {
        crate::output::write_csv_rows(&out.join(file), &table)?;
        if opts.parquet {
            crate::columnar::write_rows(&out.join(parquet_name(file)), file, &table)?;
        }
        Ok(())
    };
    whole("shared_text.csv", crate::rows::table(&crate::output::shared_rows(&shared, &id_refs).collect::<Vec<_>>()))?;
    outputs.push("shared_text.csv".into());
    let words_col = column(&header, "words", &inputs[0])?;
    let outlet_col = column(&header, "outlet", &inputs[0])?;
    let summary_articles = rows.len();
    let words: usize = rows.iter().map(|(_, r)| r[words_col].parse::<usize>().unwrap_or(0)).sum();
    let without_outlet = rows.iter().filter(|(_, r)| r[outlet_col].is_empty()).count();
    let mut article_table = Vec::with_capacity(rows.len() + 1);
    article_table.push(header.clone());
    article_table.extend(rows.into_iter().map(|(_, r)| r));
    whole("articles.csv", article_table)?;

    // errors.csv, when a folder has one
    let (errors, warnings) = merge_errors(inputs, out, opts, &mut outputs)?;
    crate::codebook::write(&out.join("codebook.csv"))?;
    outputs.push("codebook.csv".into());
    merge_report_part(inputs, out, opts.report_articles, summary_articles)?;
    if opts.parquet {
        let tables: Vec<String> = outputs.iter().filter(|o| *o != "codebook.csv").map(|o| parquet_name(o)).collect();
        outputs.extend(tables);
    }
    outputs.push("run.json".into());
    let counts = json!({
        "articles": summary_articles,
        "articles_without_outlet": without_outlet,
        "words": words,
        "errors": errors,
        "warnings": warnings,
        "bytes_read": runs.bytes_read,
        "outputs": outputs,
    });
    let manifest = json!({
        "tool": "slant",
        "version": env!("CARGO_PKG_VERSION"),
        "invocation": {
            "command_line": command_line,
            "out": final_out.display().to_string(),
            "started": started,
            "finished": crate::output::now_rfc3339(),
        },
        "merged": inputs.iter().map(|p| p.display().to_string()).collect::<Vec<_>>(),
        "options": runs.options,
        "inputs": runs.inputs,
        "counts": counts,
        "resources": runs.resources,
        "warnings": runs.warnings,
    });
    crate::output::write_json(&out.join("run.json"), &manifest)?;
    crate::report::render(out, &crate::report::ReportOptions::default())?;
    if crate::outset::spreadsheet_safe(out) {
        crate::output::formulas::neutralise_folder(out)?;
    }
    staging.commit()?;
    Ok(Merged { folders: inputs.len(), articles: summary_articles, outputs, warnings: runs.notes })
}

fn fp_header_ok(stem: &str, h: &[String]) -> bool {
    stem != "fingerprints" || h.iter().map(String::as_str).eq(FingerprintRow::names())
}

fn column(header: &[String], name: &str, dir: &Path) -> Result<usize, MergeError> {
    header.iter().position(|c| c == name).ok_or_else(|| input_err(dir)(format!("articles has no column '{name}'")))
}

fn columns_differ(dir: &Path, first_dir: &Path, first: &[String], h: &[String]) -> MergeError {
    let missing: Vec<&str> = first.iter().filter(|c| !h.contains(c)).map(String::as_str).collect();
    let extra: Vec<&str> = h.iter().filter(|c| !first.contains(c)).map(String::as_str).collect();
    let detail = if missing.is_empty() && extra.is_empty() {
        "the same columns in another order".to_string()
    } else {
        format!("missing [{}], extra [{}]", missing.join(", "), extra.join(", "))
    };
    MergeError::Columns { path: dir.to_path_buf(), first: first_dir.to_path_buf(), detail }
}

/// Table `stem` of every folder: the header (the same in all) and the rows, each with the
/// index of its folder.
type Rows = Vec<(usize, Vec<String>)>;

fn read_whole(inputs: &[PathBuf], stem: &str) -> Result<(Vec<String>, Rows), MergeError> {
    let mut header: Option<Vec<String>> = None;
    let mut rows = Vec::new();
    for (k, dir) in inputs.iter().enumerate() {
        let path = crate::tables::locate(dir, stem);
        let h = crate::tables::header(&path).map_err(input_err(&path))?;
        match &header {
            None => header = Some(h.clone()),
            Some(first) if *first != h => return Err(columns_differ(dir, &inputs[0], first, &h)),
            Some(_) => {}
        }
        let width = h.len();
        crate::tables::for_each_row(&path, |place, v| {
            if v.len() != width {
                let line = crate::tables::line_of(&path, place);
                return Err(format!("line {line}: {} values for {width} columns", v.len()));
            }
            rows.push((k, v.to_vec()));
            Ok(())
        })
        .map_err(input_err(&path))?;
    }
    Ok((header.unwrap_or_default(), rows))
}

/// `articles.csv` of every folder: slant's columns must be the same in all; the columns
/// carried from the input (after `same_text_share`) are those of any folder, in order of
/// first appearance, as one run over all the inputs gives them, empty where a folder had none.
fn read_articles(inputs: &[PathBuf]) -> Result<(Vec<String>, Rows), MergeError> {
    const LAST: &str = "same_text_share";
    let mut fixed: Option<Vec<String>> = None;
    let mut header: Vec<String> = Vec::new();
    let mut rows = Vec::new();
    for (k, dir) in inputs.iter().enumerate() {
        let path = crate::tables::locate(dir, "articles");
        let h = crate::tables::header(&path).map_err(input_err(&path))?;
        let end = h.iter().position(|c| c == LAST).map(|i| i + 1).ok_or_else(|| {
            input_err(&path)(format!("no column '{LAST}' (is this an output folder of slant analyze?)"))
        })?;
        match &fixed {
            None => {
                fixed = Some(h[..end].to_vec());
                header = h[..end].to_vec();
            }
            Some(first) if first[..] != h[..end] => {
                return Err(columns_differ(dir, &inputs[0], first, &h[..end]));
            }
            Some(_) => {}
        }
        for c in &h[end..] {
            if !header.contains(c) {
                header.push(c.clone());
            }
        }
        let at: Vec<usize> = h.iter().map(|c| header.iter().position(|x| x == c).unwrap_or(0)).collect();
        let width = h.len();
        crate::tables::for_each_row(&path, |place, v| {
            if v.len() != width {
                let line = crate::tables::line_of(&path, place);
                return Err(format!("line {line}: {} values for {width} columns", v.len()));
            }
            let mut row = vec![String::new(); at.len().max(end)];
            for (value, &i) in v.iter().zip(&at) {
                if i >= row.len() {
                    row.resize(i + 1, String::new());
                }
                row[i] = value.clone();
            }
            rows.push((k, row));
            Ok(())
        })
        .map_err(input_err(&path))?;
    }
    for (_, r) in rows.iter_mut() {
        r.resize(header.len(), String::new());
    }
    Ok((header, rows))
}

/// `errors.csv` of every folder that has one, in order; returns the errors and warnings.
fn merge_errors(
    inputs: &[PathBuf],
    out: &Path,
    opts: &MergeOptions,
    outputs: &mut Vec<String>,
) -> Result<(usize, usize), MergeError> {
    let with: Vec<PathBuf> = inputs.iter().filter(|d| crate::tables::locate(d, "errors").exists()).cloned().collect();
    if with.is_empty() {
        return Ok((0, 0));
    }
    let (header, rows) = read_whole(&with, "errors")?;
    let kind = column(&header, "kind", &with[0])?;
    let warnings = rows.iter().filter(|(_, r)| ErrorKind::parse(&r[kind]).is_some_and(ErrorKind::is_warning)).count();
    let mut table = Table::create(out, "errors.csv", &header, opts.parquet)?;
    for (_, r) in &rows {
        table.write(r)?;
    }
    table.finish()?;
    outputs.push("errors.csv".into());
    Ok((rows.len() - warnings, warnings))
}

/// The report's article sections: the folders' sections in order, up to `cap`.
fn merge_report_part(inputs: &[PathBuf], out: &Path, cap: usize, articles: usize) -> Result<(), MergeError> {
    let path = out.join(crate::report::html::ARTICLES_PART);
    if cap == 0 {
        return Ok(());
    }
    let mut part = String::new();
    let mut shown = 0;
    for dir in inputs {
        let Ok(text) = std::fs::read_to_string(dir.join(crate::report::html::ARTICLES_PART)) else { continue };
        for s in crate::report::html::sections(&text) {
            if shown < cap {
                part.push_str(s);
                shown += 1;
            }
        }
    }
    if articles > shown {
        part.push_str(&format!(
            "<p class=\"note\">Showing the first {shown} of {articles} articles \
             (<code>--report-articles</code> sets the cap); every article is in the CSV files.</p>\n"
        ));
    }
    crate::output::write_atomic(&path, |w| std::io::Write::write_all(w, part.as_bytes()))?;
    Ok(())
}

/// What the folders' `run.json` files give the merged one.
struct Runs {
    options: Value,
    inputs: Value,
    resources: Value,
    warnings: Value,
    bytes_read: Value,
    notes: Vec<String>,
}

/// Reads the folders' `run.json` files (a folder may have none: a Spark job's tables) and
/// checks that they were analysed with the same resources and counting settings.
fn read_runs(inputs: &[PathBuf]) -> Result<Runs, MergeError> {
    let mut first: Option<(Value, &PathBuf)> = None;
    let mut all_inputs = Vec::new();
    let mut given: Vec<Value> = Vec::new();
    let mut warnings: Vec<Value> = Vec::new();
    let mut bytes: Option<u64> = Some(0);
    let mut without = Vec::new();
    for dir in inputs {
        let path = dir.join("run.json");
        let Ok(text) = std::fs::read_to_string(&path) else {
            without.push(dir.display().to_string());
            bytes = None;
            continue;
        };
        let run: Value = serde_json::from_str(&text).map_err(|e| input_err(&path)(e.to_string()))?;
        if let Some((f, fdir)) = &first {
            for (what, a, b) in [
                ("resources", &f["resources"], &run["resources"]),
                ("count rule", &f["options"]["count"], &run["options"]["count"]),
                ("language", &f["options"]["lang"], &run["options"]["lang"]),
                ("boilerplate", &f["options"]["keep_boilerplate"], &run["options"]["keep_boilerplate"]),
                ("encoder", &f["options"]["encoder"], &run["options"]["encoder"]),
                ("--spreadsheet-safe", &f["options"]["spreadsheet_safe"], &run["options"]["spreadsheet_safe"]),
            ] {
                if a != b {
                    return Err(MergeError::Settings {
                        path: dir.clone(),
                        first: (*fdir).clone(),
                        detail: format!("{what}: {b} against {a}"),
                    });
                }
            }
        }
        if let Some(list) = run["inputs"].as_array() {
            all_inputs.extend(list.iter().cloned());
        }
        if let Some(list) = run["options"]["inputs"].as_array() {
            given.extend(list.iter().cloned());
        }
        for w in run["warnings"].as_array().into_iter().flatten() {
            if !warnings.contains(w) {
                warnings.push(w.clone());
            }
        }
        bytes = bytes.and_then(|b| run["counts"]["bytes_read"].as_u64().map(|x| b + x));
        if first.is_none() {
            first = Some((run, dir));
        }
    }
    let mut notes = Vec::new();
    if !without.is_empty() {
        notes.push(format!(
            "{} of {} folders have no run.json ({}): the merged run.json lists no inputs or resources for them",
            without.len(),
            inputs.len(),
            without.join(", ")
        ));
    }
    let (options, resources) = match first {
        Some((mut run, _)) => {
            // the inputs given to every folder's run; each folder's own output folder is left out
            let mut options = run["options"].take();
            if let Some(o) = options.as_object_mut() {
                o.insert("inputs".into(), Value::Array(given));
                o.remove("out");
            }
            (options, run["resources"].take())
        }
        None => (Value::Null, Value::Null),
    };
    Ok(Runs {
        options,
        inputs: Value::Array(all_inputs),
        resources,
        warnings: Value::Array(warnings),
        bytes_read: bytes.map_or(Value::Null, Value::from),
        notes,
    })
}
