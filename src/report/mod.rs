//! Charts, `groups.csv`, `compare.csv` and the HTML report, drawn from the CSV files of an
//! output folder.
//!
//! Everything here reads `articles.csv` and `sentences.csv` back (not the in-memory run), so
//! `slant chart DIR` redraws exactly what `slant analyze` drew, and a user can filter or edit
//! the CSVs and redraw.

pub mod charts;
mod data;
pub mod html;
mod tables;
mod tally;

use std::path::{Path, PathBuf};

pub use data::{short, ArticleData, Group, RateIntervals, ReportData, Units};
pub use tables::{compare_rows, comparisons, group_rows, Comparison, COMPARE_COLUMNS, GROUP_COLUMNS};
pub use tally::Tally;

/// A problem reading an output folder or writing a chart.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("{path}: {message}")]
    Input { path: String, message: String },
    #[error("{path}: cannot draw chart: {message}")]
    Draw { path: String, message: String },
    #[error("{path}: {source}")]
    Write { path: String, source: std::io::Error },
    #[error("--group-by {0}: articles.csv has no such column (use outlet, article or a column name)")]
    NoColumn(String),
}

/// How articles are grouped: by outlet, one group per article, or by any column of
/// `articles.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GroupBy {
    Outlet,
    Article,
    Column(String),
}

impl GroupBy {
    pub fn parse(s: &str) -> GroupBy {
        match s {
            "outlet" => GroupBy::Outlet,
            "article" | "id" | "article_id" => GroupBy::Article,
            other => GroupBy::Column(other.to_string()),
        }
    }

    pub fn label(&self) -> String {
        match self {
            GroupBy::Outlet => "outlet".into(),
            GroupBy::Article => "article".into(),
            GroupBy::Column(c) => c.clone(),
        }
    }
}

/// Chart and report options.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    pub group_by: GroupBy,
    /// Groups shown; the rest are merged into `others` (by article count, then name).
    pub top: usize,
    /// Figure size, file formats, row order and time period of the charts.
    pub chart: charts::ChartOptions,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions { group_by: GroupBy::Outlet, top: 12, chart: charts::ChartOptions::default() }
    }
}
/// What [`render`] did: the files it wrote, and how many articles they show.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// Every file written: the charts' images and data, `groups.csv`, `compare.csv` and
    /// `report.html`.
    pub files: Vec<PathBuf>,
    /// Chart files (images and data) among them.
    pub charts: usize,
    pub articles: usize,
}

/// Writes every chart, `groups.csv`, `compare.csv` and `report.html` into `dir` from its CSVs;
/// the report's article texts come from the section file written by `slant analyze` (if any).
pub fn render(dir: &Path, opts: &ReportOptions) -> Result<Rendered, ReportError> {
    render_to(dir, dir, opts)
}

/// [`render`], reading the CSV files of `dir` and writing the charts, `groups.csv`,
/// `compare.csv` and `report.html` into `out` (made if missing), so that another grouping
/// does not replace the first one's files.
pub fn render_to(dir: &Path, out: &Path, opts: &ReportOptions) -> Result<Rendered, ReportError> {
    // every article's figures are read: what is freed on the way goes back at once
    crate::memory::give_back_freed_memory_at_once();
    let data = ReportData::load(dir, opts)?;
    let chart_dir = out.join("charts");
    std::fs::create_dir_all(&chart_dir)
        .map_err(|e| ReportError::Write { path: chart_dir.display().to_string(), source: e })?;
    let charts = charts::draw_all(&data, &chart_dir, &opts.chart)?;
    let mut written: Vec<PathBuf> = charts.iter().flat_map(|c| c.files.iter().cloned()).collect();
    let chart_files = written.len();
    let path = out.join("groups.csv");
    write_rows(&path, &group_rows(&data))?;
    written.push(path);
    let compared = comparisons(&data);
    let path = out.join("compare.csv");
    write_rows(&path, &compare_rows(&data, &compared))?;
    written.push(path);
    let part = std::fs::read_to_string(dir.join(html::ARTICLES_PART)).ok();
    let page = html::page(&data, &compared, &charts, part.as_deref())?;
    let path = out.join("report.html");
    crate::output::write_atomic(&path, |w| std::io::Write::write_all(w, page.as_bytes()))
        .map_err(|e| ReportError::Write { path: path.display().to_string(), source: std::io::Error::other(e) })?;
    written.push(path);
    Ok(Rendered { files: written, charts: chart_files, articles: data.articles.len() })
}

/// Writes CSV rows to `path` (atomically).
fn write_rows(path: &Path, rows: &[Vec<String>]) -> Result<(), ReportError> {
    crate::output::write_atomic(path, |w| {
        let mut out = csv::Writer::from_writer(w);
        for r in rows {
            out.write_record(r)?;
        }
        out.flush()
    })
    .map_err(|e| ReportError::Write { path: path.display().to_string(), source: std::io::Error::other(e) })
}
