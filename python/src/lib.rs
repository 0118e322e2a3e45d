//! `slant._slant`: the Rust side of the Python package. One function runs `slant analyze` from
//! the same library as the command line; the Python side (`slant/__init__.py`) prepares the
//! input and reads the Parquet tables back as Arrow.

use std::path::PathBuf;

use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use slant::lexicon::{CountRule, LexiconMode};
use slant::pipeline::{self, AnalyzeConfig};

/// Runs `slant analyze` on `inputs` into the folder `out` (CSV and Parquet tables, charts and
/// report), with the command line's options; returns the run's counts as a dict.
#[pyfunction]
#[pyo3(signature = (inputs, out, *, lexicons=Vec::new(), lexicon_mode="extend", sources=None, model=None, tone_model_ru_uk=None, count_hits="all", lang="auto", text_col=None, threads=0, report_articles=100, charts=true, fingerprints=false))]
#[allow(clippy::too_many_arguments)]
fn analyze_folder<'py>(
    py: Python<'py>,
    inputs: Vec<String>,
    out: PathBuf,
    lexicons: Vec<PathBuf>,
    lexicon_mode: &str,
    sources: Option<PathBuf>,
    model: Option<PathBuf>,
    tone_model_ru_uk: Option<PathBuf>,
    count_hits: &str,
    lang: &str,
    text_col: Option<String>,
    threads: usize,
    report_articles: usize,
    charts: bool,
    fingerprints: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let mut cfg = AnalyzeConfig::new(inputs, out.clone());
    cfg.lexicon = lexicons;
    cfg.lexicon_mode = match lexicon_mode {
        "extend" => LexiconMode::Extend,
        "replace" => LexiconMode::Replace,
        other => return Err(PyValueError::new_err(format!("lexicon_mode '{other}': extend or replace"))),
    };
    cfg.sources = sources;
    cfg.model = model;
    cfg.tone_model_ru_uk = tone_model_ru_uk;
    cfg.count = match count_hits {
        "all" => CountRule::All,
        "flagged" => CountRule::Flagged,
        other => return Err(PyValueError::new_err(format!("count_hits '{other}': all or flagged"))),
    };
    cfg.lang = lang.to_string();
    cfg.text_col = text_col;
    cfg.threads = threads;
    cfg.report_articles = report_articles;
    cfg.parquet = true;
    cfg.fingerprints = fingerprints;
    cfg.validate().map_err(|e| PyValueError::new_err(e.to_string()))?;
    let called = pipeline::Called {
        command_line: vec!["python".into(), "slant.analyze".into()],
        started: slant::output::now_rfc3339(),
    };
    let opts = slant::report::ReportOptions::default();
    let report = charts.then_some(&opts);
    let done = py.allow_threads(|| pipeline::analyze_folder(&cfg, report, called, &|_| {})).map_err(|e| match e {
        // an option or user file that is wrong (a missing model, a bad lexicon) is the
        // caller's error, as on the command line (exit code 1)
        slant::error::SlantError::Config(_)
        | slant::error::SlantError::Lexicon(_)
        | slant::error::SlantError::UnknownLanguage(..)
        | slant::error::SlantError::Meta { .. }
        | slant::error::SlantError::NoInput
        | slant::error::SlantError::MissingInput { .. } => PyValueError::new_err(e.to_string()),
        _ => PyRuntimeError::new_err(e.to_string()),
    })?;
    let summary = done.summary;
    let d = PyDict::new(py);
    d.set_item("articles", summary.articles)?;
    d.set_item("words", summary.words)?;
    d.set_item("errors", summary.errors)?;
    d.set_item("warnings", summary.warnings)?;
    d.set_item("exit_code", summary.exit_code())?;
    Ok(d)
}

/// Runs `slant merge DIRS --out OUT --format csv,parquet`: output folders of runs over parts
/// of one corpus (or a Spark job's Parquet datasets) into one folder, with its groups,
/// comparisons, charts and report; returns the merged articles' count and any warnings.
#[pyfunction]
#[pyo3(signature = (dirs, out, *, report_articles=100, accept_changes=false))]
fn merge<'py>(
    py: Python<'py>,
    dirs: Vec<PathBuf>,
    out: PathBuf,
    report_articles: usize,
    accept_changes: bool,
) -> PyResult<Bound<'py, PyDict>> {
    let opts = slant::merge::MergeOptions { parquet: true, report_articles, accept_changes };
    let command_line = vec!["python".to_string(), "slant.merge".to_string()];
    let merged = py
        .allow_threads(|| slant::merge::merge(&dirs, &out, &opts, command_line))
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    let d = PyDict::new(py);
    d.set_item("articles", merged.articles)?;
    d.set_item("folders", merged.folders)?;
    d.set_item("warnings", merged.warnings)?;
    Ok(d)
}

/// Runs `slant chart DIR`: redraws the charts, groups.csv, compare.csv and report.html of an
/// output folder (CSV or Parquet tables) into `out` (default: DIR), grouped by `group_by`.
#[pyfunction]
#[pyo3(signature = (dir, *, out=None, group_by="outlet", top=12, accept_changes=false))]
fn chart(
    py: Python<'_>,
    dir: PathBuf,
    out: Option<PathBuf>,
    group_by: &str,
    top: usize,
    accept_changes: bool,
) -> PyResult<usize> {
    let opts = slant::report::ReportOptions {
        group_by: slant::report::GroupBy::parse(group_by),
        top,
        chart: Default::default(),
    };
    let drawn = py
        .allow_threads(|| slant::outset::redraw(&dir, out.as_deref(), &opts, accept_changes))
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(drawn.articles)
}

/// Checks an output folder against its marker (`run.json`'s `files`): raises ValueError naming
/// the first file that was changed, is missing, or shows the run was cut short.
#[pyfunction]
fn verify(dir: PathBuf) -> PyResult<()> {
    slant::outset::verify(&dir).map_err(|e| PyValueError::new_err(e.to_string()))
}

/// The version of the slant library this module was built from.
#[pyfunction]
fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

#[pymodule]
fn _slant(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze_folder, m)?)?;
    m.add_function(wrap_pyfunction!(verify, m)?)?;
    m.add_function(wrap_pyfunction!(merge, m)?)?;
    m.add_function(wrap_pyfunction!(chart, m)?)?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    Ok(())
}
