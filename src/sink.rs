//! Where the pipeline's results go (ripgrep's `Sink`): the pipeline hands each document's
//! records, in input order, to a sink, and every output is one.
//!
//! - [`FolderSink`]: the output folder of `slant analyze` (the CSV tables, the report's article
//!   section, saved texts; at the end `articles.csv`, `shared_text.csv`, `errors.csv` and the
//!   codebook, which need every article).
//! - [`JsonLinesSink`]: the streaming mode (`slant analyze --stream`), one JSON object per
//!   article or failed record on a writer, typed by the codebook.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::error::{DocError, SlantError};
use crate::output::{self, StreamingCsv};
use crate::pipeline::DocResult;
use crate::rows::{json_array, Row};

/// Receives a run's results in input order.
pub trait Sink {
    /// One analysed document.
    fn doc(&mut self, doc: DocResult) -> Result<(), SlantError>;
    /// An input or record that was not analysed, or a warning not tied to an article.
    fn error(&mut self, e: DocError) -> Result<(), SlantError>;
    /// How many documents, the first to come, should build their section of `report.html`.
    fn report_sections(&self) -> usize {
        0
    }
}

/// One table of the folder: its CSV file and, when asked, its Parquet file.
pub(crate) struct Table {
    csv: StreamingCsv,
    parquet: Option<crate::columnar::ParquetTable>,
}

impl Table {
    pub(crate) fn create<S: AsRef<str>>(
        out: &Path,
        file: &str,
        columns: &[S],
        parquet: bool,
    ) -> Result<Table, SlantError> {
        let csv = StreamingCsv::create(&out.join(file), columns)?;
        let parquet = if parquet {
            Some(crate::columnar::ParquetTable::create(&out.join(parquet_name(file)), file, columns)?)
        } else {
            None
        };
        Ok(Table { csv, parquet })
    }

    /// The table of row type `R`.
    pub(crate) fn of<R: Row>(out: &Path, parquet: bool) -> Result<Table, SlantError> {
        Table::create(out, R::FILE, &R::names(), parquet)
    }

    /// Appends one row of the table's row type.
    pub(crate) fn row<R: Row>(&mut self, r: &R) -> Result<(), SlantError> {
        self.write(&r.cells())
    }

    pub(crate) fn write<S: AsRef<str>>(&mut self, values: &[S]) -> Result<(), SlantError> {
        self.csv.write(values.iter().map(|v| v.as_ref().as_bytes()))?;
        if let Some(p) = &mut self.parquet {
            p.write(values)?;
        }
        Ok(())
    }

    pub(crate) fn finish(self) -> Result<(), SlantError> {
        self.csv.finish()?;
        self.parquet.map_or(Ok(()), |p| p.finish())
    }
}

/// Removes `p` (a file of an earlier run that this one does not write) when it exists.
pub(crate) fn remove_if_present(p: &Path) -> Result<(), SlantError> {
    match std::fs::remove_file(p) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(SlantError::Write { path: p.to_path_buf(), source: e })
        }
        _ => Ok(()),
    }
}

/// `x.parquet` for `x.csv`.
pub fn parquet_name(csv: &str) -> String {
    format!("{}.parquet", csv.strip_suffix(".csv").unwrap_or(csv))
}

/// The files of an output folder written whole at the end of a run (after the streamed tables,
/// which are created first), and the report's files drawn after it.
const FOLDER_FILES: &[&str] = &[
    "articles.csv",
    "shared_text.csv",
    "errors.csv",
    "codebook.csv",
    "run.json",
    "groups.csv",
    "compare.csv",
    "report.html",
    crate::report::html::ARTICLES_PART,
];

/// Checks that nothing is in the way of the files an output folder's set always has (a folder
/// or a pipe named `articles.csv`), so that such a folder stops a run before it reads its
/// inputs.
pub fn check_targets(out: &Path, parquet: bool) -> Result<(), SlantError> {
    let streamed = [
        output::CaptionRow::FILE,
        output::HitRow::FILE,
        crate::attribution::AttrRow::FILE,
        output::CategoryRow::FILE,
        output::CountryRow::FILE,
        output::SentenceRow::FILE,
    ];
    for f in FOLDER_FILES.iter().chain(&streamed) {
        output::output_target(&out.join(f))?;
        if parquet && f.ends_with(".csv") && *f != "codebook.csv" {
            output::output_target(&out.join(parquet_name(f)))?;
        }
    }
    Ok(())
}

/// The output folder of `slant analyze` (its staging folder, [`crate::outset::Staging`]).
pub struct FolderSink {
    out: PathBuf,
    categories: Vec<String>,
    save_text: Option<PathBuf>,
    report_cap: usize,
    report_shown: usize,
    report_part: String,
    parquet: bool,
    captions: Table,
    hits: Table,
    attributions: Table,
    categories_long: Table,
    countries_long: Table,
    sentences: Table,
    /// `fingerprints.csv`, when asked for (`--fingerprints`).
    fingerprint_rows: Option<Table>,
    /// `articles.csv`'s rows, kept on disk until the end (see [`output::spill`]).
    articles: output::spill::ArticleSpill,
    fingerprints: crate::copies::FingerprintStore,
    /// `errors.csv`, streamed from the first error or warning on (none without one).
    errors: Option<Table>,
}

/// What [`FolderSink::finish`] wrote.
#[derive(Debug, Clone, Default)]
pub struct Written {
    /// Output files, relative to the folder.
    pub outputs: Vec<String>,
}

impl FolderSink {
    /// Starts the streamed tables in `out` (which must exist), as CSV and, with `parquet`,
    /// as Parquet too.
    pub fn create(
        out: &Path,
        categories: &[String],
        save_text: Option<&Path>,
        report_cap: usize,
        parquet: bool,
        fingerprints: bool,
    ) -> Result<FolderSink, SlantError> {
        let fingerprint_rows =
            if fingerprints { Some(Table::of::<crate::copies::FingerprintRow>(out, parquet)?) } else { None };
        Ok(FolderSink {
            out: out.to_path_buf(),
            categories: categories.to_vec(),
            save_text: save_text.map(Path::to_path_buf),
            report_cap,
            report_shown: 0,
            report_part: String::new(),
            parquet,
            captions: Table::of::<output::CaptionRow>(out, parquet)?,
            hits: Table::of::<output::HitRow>(out, parquet)?,
            attributions: Table::of::<crate::attribution::AttrRow>(out, parquet)?,
            categories_long: Table::of::<output::CategoryRow>(out, parquet)?,
            countries_long: Table::of::<output::CountryRow>(out, parquet)?,
            sentences: Table::of::<output::SentenceRow>(out, parquet)?,
            fingerprint_rows,
            articles: output::spill::ArticleSpill::create(out, categories.len())?,
            fingerprints: crate::copies::FingerprintStore::default(),
            errors: None,
        })
    }

    /// Finishes the streamed tables and writes what needs every article: the report's
    /// article section, `shared_text.csv` (text shared between articles, found on `pool`),
    /// `codebook.csv`, `articles.csv` and `errors.csv`.
    pub fn finish(mut self, pool: &rayon::ThreadPool) -> Result<Written, SlantError> {
        for t in
            [self.captions, self.hits, self.attributions, self.categories_long, self.countries_long, self.sentences]
        {
            t.finish()?;
        }
        let fingerprints_written = self.fingerprint_rows.is_some();
        if let Some(t) = self.fingerprint_rows {
            t.finish()?;
        }
        let part_path = self.out.join(crate::report::html::ARTICLES_PART);
        if self.report_cap > 0 {
            if self.fingerprints.len() > self.report_shown {
                self.report_part.push_str(&format!(
                    "<p class=\"note\">Showing the first {} of {} articles \
                     (<code>--report-articles</code> sets the cap); every article is in the CSV files.</p>\n",
                    self.report_shown,
                    self.fingerprints.len()
                ));
            }
            output::write_atomic(&part_path, |w| w.write_all(self.report_part.as_bytes()))?;
        }
        let shared = pool.install(|| self.fingerprints.find(crate::copies::MIN_SHARE));
        let mut same = vec![None; self.fingerprints.len()];
        drop(self.fingerprints);
        for s in &shared {
            same[s.article] = Some((s.other, s.share));
        }
        let ids: Vec<&str> = self.articles.ids().iter().map(String::as_str).collect();
        // row by row: a syndicated corpus has a row for nearly every article
        let mut table = Table::of::<output::SharedRow>(&self.out, self.parquet)?;
        for row in output::shared_rows(&shared, &ids) {
            table.row(&row)?;
        }
        table.finish()?;
        drop(ids);
        let (out, parquet) = (&self.out, self.parquet);
        self.articles.write(&self.categories, &same, |header| Table::create(out, "articles.csv", header, parquet))?;
        crate::codebook::write(&self.out.join("codebook.csv"))?;
        let mut outputs: Vec<String> = [
            "articles.csv",
            "hits.csv",
            "categories_long.csv",
            "countries_long.csv",
            "attributions.csv",
            "sentences.csv",
            "captions.csv",
            "shared_text.csv",
            "codebook.csv",
        ]
        .map(String::from)
        .to_vec();
        if fingerprints_written {
            outputs.push("fingerprints.csv".into());
        }
        if let Some(t) = self.errors {
            t.finish()?;
            outputs.push("errors.csv".into());
        }
        if self.parquet {
            let tables: Vec<String> =
                outputs.iter().filter(|o| *o != "codebook.csv").map(|o| parquet_name(o)).collect();
            outputs.extend(tables);
        }
        Ok(Written { outputs })
    }
}

impl FolderSink {
    /// Appends a row to `errors.csv`, which the first one starts.
    fn error_row(&mut self, e: &DocError) -> Result<(), SlantError> {
        if self.errors.is_none() {
            self.errors = Some(Table::of::<DocError>(&self.out, self.parquet)?);
        }
        self.errors.as_mut().map_or(Ok(()), |t| t.row(e))
    }
}

impl Sink for FolderSink {
    fn doc(&mut self, mut doc: DocResult) -> Result<(), SlantError> {
        for w in &doc.warnings {
            self.error_row(w)?;
        }
        for c in &doc.captions {
            self.captions.row(c)?;
        }
        for h in &doc.hits {
            self.hits.row(h)?;
        }
        for a in &doc.attributions {
            self.attributions.row(a)?;
        }
        for row in &doc.sentences {
            self.sentences.row(row)?;
        }
        if let Some(section) = doc.report.take() {
            if self.report_shown < self.report_cap {
                self.report_part.push_str(&section);
                self.report_shown += 1;
            }
        }
        for row in output::category_rows(&doc.article, &self.categories) {
            self.categories_long.row(&row)?;
        }
        for row in output::country_rows(&doc.article) {
            self.countries_long.row(&row)?;
        }
        if let (Some(dir), Some(t)) = (&self.save_text, &doc.text) {
            let p = dir.join(format!("{}.txt", crate::pipeline::safe_file_name(&doc.article.id)));
            output::write_atomic(&p, |w| w.write_all(t.as_bytes()))?;
        }
        if let Some(t) = &mut self.fingerprint_rows {
            for row in crate::copies::fingerprint_rows(&doc.article.id, &doc.fingerprint) {
                t.row(&row)?;
            }
        }
        self.articles.push(&doc.article)?;
        self.fingerprints.push(doc.fingerprint);
        Ok(())
    }

    fn error(&mut self, e: DocError) -> Result<(), SlantError> {
        self.error_row(&e)
    }

    fn report_sections(&self) -> usize {
        self.report_cap
    }
}

/// The streaming mode: one JSON object per line for each article (`{"article": {...},
/// "hits": [...], "attributions": [...], "sentences": [...], "captions": [...],
/// "categories_long": [...], "countries_long": [...], "warnings": [...]}`, and
/// `"fingerprints": [...]` when asked for) and for each input or record not analysed (`{"error": {...}}`; a warning not tied
/// to an article is `{"warning": {...}}`), in input order. Values are typed by the codebook
/// (integers, numbers and booleans as JSON's; an empty cell as null). Text shared between
/// articles needs the whole corpus, so `same_text_as` and `same_text_share` are null here.
pub struct JsonLinesSink<W: Write> {
    out: W,
    categories: Vec<String>,
    /// `articles.csv`'s fixed and measure columns (the same for every article of the run).
    columns: Vec<String>,
    /// Whether each object carries the article's `fingerprints.csv` rows.
    fingerprints: bool,
}

impl<W: Write> JsonLinesSink<W> {
    pub fn new(out: W, categories: &[String], fingerprints: bool) -> JsonLinesSink<W> {
        let columns = output::article_columns::names(categories);
        JsonLinesSink { out, categories: categories.to_vec(), columns, fingerprints }
    }

    /// Flushes and returns the writer.
    pub fn finish(mut self) -> Result<W, SlantError> {
        self.out.flush().map_err(|e| SlantError::Write { path: "standard output".into(), source: e })?;
        Ok(self.out)
    }

    fn line(&mut self, v: &Value) -> Result<(), SlantError> {
        let mut s = serde_json::to_string(v).unwrap_or_default();
        s.push('\n');
        self.out.write_all(s.as_bytes()).map_err(|e| SlantError::Write { path: "standard output".into(), source: e })
    }
}

/// A row of `file` as a JSON object, each value typed by the codebook.
pub fn typed_row<S: AsRef<str>>(file: &str, columns: &[S], values: &[String]) -> Value {
    let mut m = Map::new();
    for (c, v) in columns.iter().zip(values) {
        let c = c.as_ref();
        m.insert(c.to_string(), typed(crate::codebook::kind_of(file, c), v));
    }
    Value::Object(m)
}

/// `v` as the codebook's `kind` says: integers, numbers and booleans as JSON's, an empty cell
/// as null, anything else (or a value that does not parse) as a string.
fn typed(kind: Option<&str>, v: &str) -> Value {
    if v.is_empty() {
        return Value::Null;
    }
    let parsed = match kind {
        Some("integer") => v.parse::<i64>().ok().map(Value::from),
        Some("number") => v.parse::<f64>().ok().filter(|x| x.is_finite()).map(Value::from),
        Some("boolean") => v.parse::<bool>().ok().map(Value::from),
        _ => None,
    };
    parsed.unwrap_or_else(|| Value::String(v.to_string()))
}

impl<W: Write> Sink for JsonLinesSink<W> {
    fn doc(&mut self, doc: DocResult) -> Result<(), SlantError> {
        let (extra, shown) = output::article_header(std::slice::from_ref(&doc.article), &self.categories);
        let values = output::article_columns::values(&doc.article, self.categories.len());
        let mut article = typed_row("articles.csv", &self.columns, &values);
        if let Value::Object(m) = &mut article {
            for (k, name) in extra.iter().zip(&shown) {
                let v = doc.article.extra.iter().find(|(ek, _)| ek == k).map(|(_, v)| v.clone()).unwrap_or_default();
                m.insert(name.clone(), Value::String(v));
            }
        }
        let mut m = Map::new();
        m.insert("article".into(), article);
        m.insert("hits".into(), json_array(&doc.hits));
        m.insert("attributions".into(), json_array(&doc.attributions));
        m.insert("sentences".into(), json_array(&doc.sentences));
        m.insert("captions".into(), json_array(&doc.captions));
        m.insert("categories_long".into(), json_array(&output::category_rows(&doc.article, &self.categories)));
        m.insert("countries_long".into(), json_array(&output::country_rows(&doc.article)));
        if self.fingerprints {
            m.insert(
                "fingerprints".into(),
                json_array(&crate::copies::fingerprint_rows(&doc.article.id, &doc.fingerprint)),
            );
        }
        m.insert("warnings".into(), json_array(&doc.warnings));
        self.line(&Value::Object(m))
    }

    fn error(&mut self, e: DocError) -> Result<(), SlantError> {
        let key = if e.kind.is_warning() { "warning" } else { "error" };
        let mut m = Map::new();
        m.insert(key.into(), e.json());
        self.line(&Value::Object(m))
    }
}
