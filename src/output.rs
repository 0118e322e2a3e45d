//! Output records and files: `articles.csv`, `captions.csv`, `errors.csv`, `run.json`.
//!
//! Every file is written to a temporary name in the output folder and renamed into
//! place when complete, so a reader never sees half a file and an interrupted run
//! leaves the previous outputs intact. Rows come out in input order and numbers are
//! formatted the same way on every run, so the files are byte-identical whatever
//! the thread count.

use std::collections::BTreeSet;
use std::fs::{self, File};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::attribution::Category;
use crate::error::{DocError, SlantError};
use crate::rows::{number, text, Col, Row};

pub mod article_columns;
pub mod formulas;
pub(crate) mod spill;

/// Where a metadata value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ValueSource {
    /// From the input's own metadata: a CSV/JSONL field, the `--meta` sidecar, or HTML meta tags.
    Given,
    /// Inferred from the text (header line, byline, dateline, copyright footer).
    Inferred,
    /// Not found.
    None,
}

impl ValueSource {
    pub fn as_str(self) -> &'static str {
        match self {
            ValueSource::Given => "given",
            ValueSource::Inferred => "inferred",
            ValueSource::None => "none",
        }
    }
}

/// One row of `articles.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct Article {
    pub id: String,
    pub outlet: String,
    pub date: String,
    pub title: String,
    pub url: String,
    /// Input path; `path:line` for a record of a CSV/TSV/JSONL file.
    pub path: String,
    pub words: usize,
    pub sentences: usize,
    pub quoted_words: usize,
    pub captions: usize,
    pub decode_errors: usize,
    pub date_source: ValueSource,
    pub outlet_source: ValueSource,
    /// The body's language as detected (`en`, `ru`, `uk`; none when undecided).
    pub language: Option<&'static str>,
    /// Loaded-language counts.
    pub loaded: LoadedCounts,
    /// Attribution counts.
    pub attr: crate::attribution::AttrCounts,
    /// Photo captions with a `Credit:` (credits are not attributions of claims).
    pub credits: usize,
    /// Tone summaries (see [`crate::tone::ArticleTone`]).
    pub tone: f64,
    pub tone_max: f64,
    pub flagged_sentences: usize,
    pub flagged_share: f64,
    /// The article whose body holds the most of this one's (see [`crate::copies`]) and the
    /// share it holds, when that is at least [`crate::copies::MIN_SHARE`].
    pub same_text: Option<(String, f64)>,
    /// Carried input columns, in input order.
    pub extra: Vec<(String, String)>,
}

/// Loaded-language counts of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LoadedCounts {
    /// Counted lexicon hits (all voices; see [`crate::lexicon::CountRule`]) and encoder hits.
    pub total: usize,
    /// Every lexicon and encoder hit, counted or not.
    pub all: usize,
    /// Lexicon and encoder hits in sentences the tone model flags (the tone-filtered count,
    /// whatever the count rule).
    pub flagged: usize,
    /// Counted hits in the outlet's own voice.
    pub own: usize,
    /// Counted hits inside quotations.
    pub quoted: usize,
    /// Counted hits in reported speech (attribution contents outside quotation marks).
    pub reported: usize,
    /// Body words in the outlet's own voice: outside quotations and reported speech (the
    /// base of `loaded_own_per_1k`).
    pub own_words: usize,
    /// Body words in reported speech (the base of `loaded_reported_per_1k`).
    pub reported_words: usize,
    /// Counted hits per category, in the lexicon's category order (then `encoder`, with one).
    pub per_category: Vec<usize>,
    /// Words written in capitals for emphasis.
    pub caps: usize,
}

impl LoadedCounts {
    /// Counts one hit of category index `category` in `all` (and `flagged` when its sentence
    /// is flagged), and when `counted` in the totals.
    pub fn add(&mut self, voice: crate::lexicon::Voice, category: usize, counted: bool, flagged: bool) {
        self.all += 1;
        self.flagged += flagged as usize;
        if counted {
            self.total += 1;
            match voice {
                crate::lexicon::Voice::Own => self.own += 1,
                crate::lexicon::Voice::Quoted => self.quoted += 1,
                crate::lexicon::Voice::Reported => self.reported += 1,
            }
            self.per_category[category] += 1;
        }
    }
}

/// Category name of capitals-emphasis rows in `hits.csv`.
pub const CAPS_CATEGORY: &str = "caps_emphasis";
/// Category of the hits the encoder stage (`--encoder`) finds beyond the lexicon's.
pub const ENCODER_CATEGORY: &str = "encoder";

/// A rate per 1,000, formatted with two decimals (empty when the base is 0).
pub fn per_1k(count: usize, base: usize) -> String {
    rate_per_1k(count, base).map_or_else(String::new, |x| format!("{x:.2}"))
}

/// `count` per 1,000 of `base` (none when the base is 0).
pub fn rate_per_1k(count: usize, base: usize) -> Option<f64> {
    (base > 0).then(|| count as f64 * 1000.0 / base as f64)
}

/// One row of `hits.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct HitRow {
    pub article_id: String,
    /// Char offsets in the article text.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub term: String,
    pub category: String,
    pub weight: f32,
    pub voice: crate::lexicon::Voice,
    pub negated: bool,
    /// 1-based sentence number in the article.
    pub sentence: usize,
    pub context: String,
    /// For a quoted hit: the resolved source of the attribution whose content holds it.
    pub speaker: String,
    /// Whether the hit is in the article's loaded-language counts.
    pub counted: bool,
    /// Byte offset of the hit (not written).
    pub byte_start: usize,
}

/// One row of `sentences.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceRow {
    pub article_id: String,
    /// 1-based sentence number in the article.
    pub sentence: usize,
    /// Char offsets in the article text.
    pub start: usize,
    pub end: usize,
    pub words: usize,
    pub quoted_share: f32,
    pub prob: f32,
    pub flagged: bool,
}

impl Row for SentenceRow {
    const FILE: &'static str = "sentences.csv";
    const COLUMNS: &'static [Col<Self>] = &[
        text("article_id", |r| r.article_id.clone()),
        text("sentence", |r| r.sentence.to_string()),
        text("start", |r| r.start.to_string()),
        text("end", |r| r.end.to_string()),
        text("words", |r| r.words.to_string()),
        number("quoted_share", |r| Some(f64::from(r.quoted_share)), 3),
        number("prob", |r| Some(f64::from(r.prob)), 4),
        text("flagged", |r| r.flagged.to_string()),
    ];
}

impl Row for HitRow {
    const FILE: &'static str = "hits.csv";
    const COLUMNS: &'static [Col<Self>] = &[
        text("article_id", |h| h.article_id.clone()),
        text("start", |h| h.start.to_string()),
        text("end", |h| h.end.to_string()),
        text("text", |h| h.text.clone()),
        text("term", |h| h.term.clone()),
        text("category", |h| h.category.clone()),
        number("weight", |h| Some(f64::from(h.weight)), 2),
        text("voice", |h| h.voice.as_str().to_string()),
        text("negated", |h| h.negated.to_string()),
        text("sentence", |h| h.sentence.to_string()),
        text("context", |h| h.context.clone()),
        text("speaker", |h| h.speaker.clone()),
        text("counted", |h| h.counted.to_string()),
    ];
}

/// One row of `categories_long.csv`: an article's hits in one lexicon category.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryRow {
    pub article_id: String,
    pub category: String,
    pub count: usize,
    pub words: usize,
}

impl Row for CategoryRow {
    const FILE: &'static str = "categories_long.csv";
    const COLUMNS: &'static [Col<Self>] = &[
        text("article_id", |r| r.article_id.clone()),
        text("category", |r| r.category.clone()),
        text("count", |r| r.count.to_string()),
        number("rate_per_1k", |r| rate_per_1k(r.count, r.words), 2),
    ];
}

/// One row of `countries_long.csv`: an article's attributions to one country and category.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryRow {
    pub article_id: String,
    pub country: String,
    pub category: &'static str,
    pub attributions: usize,
}

impl Row for CountryRow {
    const FILE: &'static str = "countries_long.csv";
    const COLUMNS: &'static [Col<Self>] = &[
        text("article_id", |r| r.article_id.clone()),
        text("country", |r| r.country.clone()),
        text("category", |r| r.category.to_string()),
        text("attributions", |r| r.attributions.to_string()),
    ];
}

/// Rows of `countries_long.csv` for one article: attributions (refusals left out) per source
/// country and category, one row per pair that has any (an attribution to two countries
/// counts for each; `country` is empty for those with no country).
pub fn country_rows(a: &Article) -> Vec<CountryRow> {
    a.attr
        .by_country
        .iter()
        .map(|((country, cat), n)| CountryRow {
            article_id: a.id.clone(),
            country: country.clone(),
            category: Category::ALL.get(*cat).map_or("", |c| c.as_str()),
            attributions: *n,
        })
        .collect()
}

/// Rows of `categories_long.csv` for one article: every lexicon category, zeros included.
pub fn category_rows(a: &Article, categories: &[String]) -> Vec<CategoryRow> {
    categories
        .iter()
        .enumerate()
        .map(|(i, c)| CategoryRow {
            article_id: a.id.clone(),
            category: c.clone(),
            count: a.loaded.per_category.get(i).copied().unwrap_or(0),
            words: a.words,
        })
        .collect()
}

/// One row of `captions.csv`: a photo caption kept out of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptionRow {
    pub article_id: String,
    /// 1-based number of the caption in its article.
    pub n: usize,
    /// Char offsets of the caption line in the article text.
    pub start: usize,
    pub end: usize,
    /// The credited name (`AP` for `... Credit: AP`), empty when there is none.
    pub credit: String,
    pub text: String,
}

impl Row for CaptionRow {
    const FILE: &'static str = "captions.csv";
    const COLUMNS: &'static [Col<Self>] = &[
        text("article_id", |r| r.article_id.clone()),
        text("n", |r| r.n.to_string()),
        text("start", |r| r.start.to_string()),
        text("end", |r| r.end.to_string()),
        text("credit", |r| r.credit.clone()),
        text("text", |r| r.text.clone()),
    ];
}

/// Where a file for `path` is written: `path` itself when nothing is there or a regular file is,
/// the file a symbolic link points to (so the link stays a link), and an error for anything
/// else (a folder, a FIFO, a device), which renaming a file over would destroy.
pub fn output_target(path: &Path) -> Result<PathBuf, SlantError> {
    let werr = |source| SlantError::Write { path: path.to_path_buf(), source };
    let mut target = path.to_path_buf();
    // A chain of links is followed a few steps; a loop ends in the error below.
    for _ in 0..8 {
        match fs::symlink_metadata(&target) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(target),
            Err(e) => return Err(werr(e)),
            Ok(m) if m.file_type().is_symlink() => {
                let link = fs::read_link(&target).map_err(werr)?;
                target = target.parent().map_or(link.clone(), |d| d.join(&link));
            }
            Ok(m) if m.is_file() => return Ok(target),
            Ok(_) => {
                return Err(werr(std::io::Error::other(format!(
                    "{} is not a regular file; slant writes regular files only",
                    target.display()
                ))))
            }
        }
    }
    Err(werr(std::io::Error::other("too many levels of symbolic links")))
}

/// Writes a file atomically: `write` fills a temporary file next to the target (see
/// [`output_target`]), which is then renamed over it.
pub fn write_atomic(
    path: &Path,
    write: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
) -> Result<(), SlantError> {
    write_atomic_with(path, |tmp| {
        let mut w = BufWriter::new(File::create(tmp)?);
        write(&mut w)?;
        w.flush()?;
        w.get_ref().sync_all()
    })
}

/// Writes a file atomically through a writer of the caller's (a chart backend, say): `fill`
/// writes the temporary file it is given ([`temp_path`] of the target), which is renamed over
/// the target when `fill` succeeds and removed when it fails.
pub fn write_atomic_with(path: &Path, fill: impl FnOnce(&Path) -> std::io::Result<()>) -> Result<(), SlantError> {
    let werr = |source| SlantError::Write { path: path.to_path_buf(), source };
    let target = output_target(path)?;
    let tmp = temp_path(&target);
    if let Err(e) = fill(&tmp) {
        let _ = fs::remove_file(&tmp);
        return Err(werr(e));
    }
    fs::rename(&tmp, &target).map_err(werr)
}

/// The temporary name used while `path` is being written: hidden, and keeping the extension
/// last (`.tone.tmp.png`), from which some writers take the format.
pub fn temp_path(path: &Path) -> PathBuf {
    let text = |s: &std::ffi::OsStr| s.to_string_lossy().into_owned();
    match (path.file_stem(), path.extension()) {
        (Some(stem), Some(ext)) => path.with_file_name(format!(".{}.tmp.{}", text(stem), text(ext))),
        _ => path.with_file_name(format!(".{}.tmp", path.file_name().map(text).unwrap_or_default())),
    }
}

fn csv_err(path: &Path) -> impl Fn(csv::Error) -> std::io::Error + '_ {
    move |e| std::io::Error::other(format!("{}: {e}", path.display()))
}

/// The loaded-language columns of `articles.csv` before the per-category counts.
pub const LOADED_COLUMNS: [&str; 10] = [
    "loaded",
    "loaded_per_1k",
    "loaded_own",
    "loaded_own_per_1k",
    "loaded_quoted",
    "loaded_quoted_per_1k",
    "loaded_reported",
    "loaded_reported_per_1k",
    "loaded_flagged",
    "loaded_all",
];

/// Carried columns of `articles.csv` for these rows, in order of first appearance,
/// and the names they are written under: a carried column whose name clashes with a
/// slant column is written as `input_<name>`.
pub fn article_header(rows: &[Article], categories: &[String]) -> (Vec<String>, Vec<String>) {
    let mut extra: Vec<String> = Vec::new();
    for r in rows {
        for (k, _) in &r.extra {
            if !extra.contains(k) {
                extra.push(k.clone());
            }
        }
    }
    article_header_of(extra, categories)
}

/// [`article_header`] for the carried column names `extra` (in order of first appearance).
pub fn article_header_of(extra: Vec<String>, categories: &[String]) -> (Vec<String>, Vec<String>) {
    let mut taken: BTreeSet<String> =
        article_columns::names(categories).iter().map(|c| c.to_ascii_lowercase()).collect();
    // Carried names as written come first, so a renamed column does not take one of them.
    let written: BTreeSet<String> = extra.iter().map(|k| k.trim().to_ascii_lowercase()).collect();
    let shown = extra
        .iter()
        .map(|k| {
            // `loaded_*` and `attr_*` columns are read back as categories by `slant chart`.
            let lower = k.trim().to_ascii_lowercase();
            let mut name = k.clone();
            if taken.contains(&lower) || lower.starts_with("loaded_") || lower.starts_with("attr_") {
                name = format!("input_{k}");
                while taken.contains(&name.trim().to_ascii_lowercase())
                    || written.contains(&name.trim().to_ascii_lowercase())
                {
                    name = format!("input_{name}");
                }
            }
            taken.insert(name.trim().to_ascii_lowercase());
            name
        })
        .collect();
    (extra, shown)
}

/// The rows of `articles.csv`, header first: fixed columns, measures, then carried columns (a
/// run writes them through [`spill::ArticleSpill`], which is tested against this).
pub fn article_rows(rows: &[Article], categories: &[String]) -> Vec<Vec<String>> {
    let (extra, shown) = article_header(rows, categories);
    let header: Vec<String> = article_columns::names(categories).into_iter().chain(shown).collect();
    let mut out = Vec::with_capacity(rows.len() + 1);
    out.push(header);
    for r in rows {
        let mut vals = article_columns::values(r, categories.len());
        for k in &extra {
            vals.push(r.extra.iter().find(|(ek, _)| ek == k).map(|(_, v)| v.clone()).unwrap_or_default());
        }
        out.push(vals);
    }
    out
}

/// Writes a whole CSV table (header first) atomically.
pub fn write_csv_rows(path: &Path, rows: &[Vec<String>]) -> Result<(), SlantError> {
    write_atomic(path, |w| {
        let mut out = csv::Writer::from_writer(w);
        let e = csv_err(path);
        for r in rows {
            out.write_record(r).map_err(&e)?;
        }
        out.flush()
    })
}

/// One row of `shared_text.csv`: an article whose body is largely found in another's.
#[derive(Debug, Clone, PartialEq)]
pub struct SharedRow {
    pub article_id: String,
    pub other_id: String,
    pub shared: crate::copies::Shared,
}

impl Row for SharedRow {
    const FILE: &'static str = "shared_text.csv";
    const COLUMNS: &'static [Col<Self>] = &[
        text("article_id", |r| r.article_id.clone()),
        text("other_id", |r| r.other_id.clone()),
        number("share", |r| Some(r.shared.share), 4),
        number("other_share", |r| Some(r.shared.other_share), 4),
        text("shingles", |r| r.shared.shingles.to_string()),
        text("shared", |r| r.shared.shared.to_string()),
        text("shared_own", |r| r.shared.shared_own.to_string()),
        number("own_share", |r| Some(r.shared.own_share), 4),
        text("start", |r| r.shared.span.start.to_string()),
        text("end", |r| r.shared.span.end.to_string()),
        text("other_start", |r| r.shared.other_span.start.to_string()),
        text("other_end", |r| r.shared.other_span.end.to_string()),
    ];
}

/// The rows of `shared_text.csv` for `shared`, the articles named by `ids` (in the order given
/// to [`crate::copies::find`]).
pub fn shared_rows<'a>(shared: &'a [crate::copies::Shared], ids: &'a [&str]) -> impl Iterator<Item = SharedRow> + 'a {
    shared.iter().map(|s| SharedRow {
        article_id: ids[s.article].to_string(),
        other_id: ids[s.other].to_string(),
        shared: s.clone(),
    })
}

/// `articles.csv`'s `same_text_as` and `same_text_share` cells for the article whose body is
/// largely found in article `id` with that share (empty when none).
pub fn same_text_cells(same: Option<(&str, f64)>) -> [String; 2] {
    match same {
        Some((id, share)) => [id.to_string(), format!("{share:.2}")],
        None => [String::new(), String::new()],
    }
}

impl Row for DocError {
    const FILE: &'static str = "errors.csv";
    const COLUMNS: &'static [Col<Self>] = &[
        text("path", |e| e.path.clone()),
        text("line", |e| e.line.map(|l| l.to_string()).unwrap_or_default()),
        text("kind", |e| e.kind.as_str().to_string()),
        text("message", |e| e.message.clone()),
    ];
}

/// A CSV table written row by row to a temporary file and renamed into place by
/// [`StreamingCsv::finish`]. Memory does not grow with the number of rows.
pub struct StreamingCsv {
    path: PathBuf,
    out: csv::Writer<BufWriter<File>>,
}

impl StreamingCsv {
    pub fn create<S: AsRef<str>>(path: &Path, header: &[S]) -> Result<Self, SlantError> {
        let werr = |source| SlantError::Write { path: path.to_path_buf(), source };
        let target = output_target(path)?;
        let file = File::create(temp_path(&target)).map_err(werr)?;
        let mut out = csv::Writer::from_writer(BufWriter::new(file));
        out.write_record(header.iter().map(|h| h.as_ref().as_bytes()))
            .map_err(|source| SlantError::Csv { path: path.to_path_buf(), source })?;
        Ok(StreamingCsv { path: target, out })
    }

    pub fn write<I, T>(&mut self, record: I) -> Result<(), SlantError>
    where
        I: IntoIterator<Item = T>,
        T: AsRef<[u8]>,
    {
        self.out.write_record(record).map_err(|source| SlantError::Csv { path: self.path.clone(), source })
    }

    pub fn finish(self) -> Result<(), SlantError> {
        let path = self.path;
        let werr = |source| SlantError::Write { path: path.clone(), source };
        let inner = self.out.into_inner().map_err(|e| werr(std::io::Error::other(e.to_string())))?;
        let file = inner.into_inner().map_err(|e| werr(std::io::Error::other(e.to_string())))?;
        file.sync_all().map_err(werr)?;
        fs::rename(temp_path(&path), &path).map_err(werr)
    }
}

/// Writes pretty JSON atomically, with a final newline.
pub fn write_json<T: Serialize>(path: &Path, value: &T) -> Result<(), SlantError> {
    write_atomic(path, |w| {
        serde_json::to_writer_pretty(&mut *w, value).map_err(std::io::Error::other)?;
        w.write_all(b"\n")
    })
}

/// The current UTC time as RFC 3339 (`2026-11-22T08:12:32Z`).
pub fn now_rfc3339() -> String {
    let secs =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z", rem / 3600, rem % 3600 / 60, rem % 60)
}

/// (year, month, day) of a day number counted from 1970-01-01 (Howard Hinnant's algorithm).
pub fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.csv");
        fs::write(&p, "old").unwrap();
        write_atomic(&p, |w| w.write_all(b"new")).unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
        assert!(!temp_path(&p).exists());
    }

    /// A link stays a link (its target is written) and what is not a regular file is refused.
    #[cfg(unix)]
    #[test]
    fn links_are_followed_and_special_files_refused() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("target.tsv");
        fs::write(&target, "old").unwrap();
        let link = dir.path().join("link.tsv");
        std::os::unix::fs::symlink("target.tsv", &link).unwrap();
        write_atomic(&link, |w| w.write_all(b"new")).unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        let mut csv = StreamingCsv::create(&link, &["a"]).unwrap();
        csv.write(["1"]).unwrap();
        csv.finish().unwrap();
        assert!(fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(fs::read_to_string(&target).unwrap(), "a\n1\n");
        let folder = dir.path().join("folder");
        fs::create_dir(&folder).unwrap();
        let e = write_atomic(&folder, |w| w.write_all(b"x")).unwrap_err().to_string();
        assert!(e.contains("is not a regular file"), "{e}");
        let e = StreamingCsv::create(Path::new("/dev/null"), &["a"]).err().expect("refused").to_string();
        assert!(e.contains("is not a regular file"), "{e}");
        let looped = dir.path().join("loop");
        std::os::unix::fs::symlink("loop", &looped).unwrap();
        assert!(write_atomic(&looped, |w| w.write_all(b"x")).unwrap_err().to_string().contains("symbolic links"));
    }

    #[test]
    fn rfc3339_shape() {
        let t = now_rfc3339();
        assert_eq!(t.len(), 20, "{t}");
        assert!(t.starts_with("20") && t.ends_with('Z'));
    }

    #[test]
    fn clashing_extra_columns_are_renamed() {
        let a = Article {
            id: "a".into(),
            outlet: String::new(),
            date: String::new(),
            title: String::new(),
            url: String::new(),
            path: "p".into(),
            words: 1,
            sentences: 1,
            quoted_words: 0,
            captions: 0,
            decode_errors: 0,
            date_source: ValueSource::None,
            outlet_source: ValueSource::None,
            language: None,
            loaded: LoadedCounts::default(),
            attr: Default::default(),
            credits: 0,
            tone: 0.0,
            tone_max: 0.0,
            flagged_sentences: 0,
            flagged_share: 0.0,
            same_text: None,
            extra: vec![
                ("words".into(), "9".into()),
                ("desk".into(), "x".into()),
                ("loaded_x".into(), "1".into()),
                ("input_loaded_x".into(), "2".into()),
                ("Input_Words".into(), "3".into()),
            ],
        };
        let (_, shown) = article_header(&[a], &[]);
        // renamed columns never take a name already in the input or the output
        assert_eq!(shown, ["input_input_words", "desk", "input_input_loaded_x", "input_loaded_x", "Input_Words"]);
    }
}
