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
#[pyo3(signature = (inputs, out, *, lexicons=Vec::new(), lexicon_mode="extend", sources=None, model=None, count_hits="all", lang="english", text_col=None, threads=0, report_articles=100, charts=true))]
#[allow(clippy::too_many_arguments)]
fn analyze_folder<'py>(
    py: Python<'py>,
    inputs: Vec<String>,
    out: PathBuf,
    lexicons: Vec<PathBuf>,
    lexicon_mode: &str,
    sources: Option<PathBuf>,
    model: Option<PathBuf>,
    count_hits: &str,
    lang: &str,
    text_col: Option<String>,
    threads: usize,
    report_articles: usize,
    charts: bool,
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
    cfg.validate().map_err(|e| PyValueError::new_err(e.to_string()))?;
    let started = slant::output::now_rfc3339();
    let (summary, stages) =
        py.allow_threads(|| pipeline::run_with(&cfg, &|_| {})).map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
    let invocation = pipeline::Invocation {
        command_line: vec!["python".into(), "slant.analyze".into()],
        out: out.display().to_string(),
        threads: if threads == 0 { std::thread::available_parallelism().map_or(1, |n| n.get()) } else { threads },
        started,
        finished: slant::output::now_rfc3339(),
    };
    pipeline::write_manifest(&cfg, &summary, &stages, invocation)
        .map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
    if charts {
        let opts = slant::report::ReportOptions::default();
        py.allow_threads(|| slant::report::render(&out, &opts)).map_err(|e| PyRuntimeError::new_err(e.to_string()))?;
    }
    let d = PyDict::new(py);
    d.set_item("articles", summary.articles)?;
    d.set_item("words", summary.words)?;
    d.set_item("errors", summary.errors)?;
    d.set_item("warnings", summary.warnings)?;
    d.set_item("exit_code", summary.exit_code())?;
    Ok(d)
}

/// The version of the slant library this module was built from.
#[pyfunction]
fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

#[pymodule]
fn _slant(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze_folder, m)?)?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    Ok(())
}
