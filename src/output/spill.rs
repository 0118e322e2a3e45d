//! `articles.csv` rows kept on disk until the end of a run: their shared-text columns need
//! every article, and holding a million articles in memory would make memory grow with the
//! corpus. Each row's cells (the shared-text ones left empty) and carried columns go to a
//! temporary file beside the outputs; [`ArticleSpill::write`] reads them back once, fills in
//! the shared-text cells and writes `articles.csv` (and its Parquet file).

use std::fs::File;
use std::io::{BufReader, BufWriter};
use std::path::{Path, PathBuf};

use super::{article_columns, article_header_of, Article};
use crate::error::SlantError;

/// Name of the temporary file, in the folder being written.
const SPILL: &str = ".articles.spill.csv";

/// The rows of `articles.csv` so far, on disk, with the ids and carried column names in memory.
pub(crate) struct ArticleSpill {
    path: PathBuf,
    out: csv::Writer<BufWriter<File>>,
    n_categories: usize,
    /// Each article's id, in order (`shared_text.csv` and `same_text_as` name other articles).
    ids: Vec<String>,
    /// Carried input columns, in order of first appearance.
    extra: Vec<String>,
}

impl ArticleSpill {
    pub(crate) fn create(dir: &Path, n_categories: usize) -> Result<ArticleSpill, SlantError> {
        let path = dir.join(SPILL);
        let file = File::create(&path).map_err(|source| SlantError::Write { path: path.clone(), source })?;
        // every field quoted: the file never starts with a byte-order mark the reader would drop
        let out = csv::WriterBuilder::new()
            .flexible(true)
            .quote_style(csv::QuoteStyle::Always)
            .from_writer(BufWriter::new(file));
        Ok(ArticleSpill { path, out, n_categories, ids: Vec::new(), extra: Vec::new() })
    }

    /// Keeps one article's row: its cells, then its carried columns as name, value pairs.
    pub(crate) fn push(&mut self, a: &Article) -> Result<(), SlantError> {
        for (k, _) in &a.extra {
            if !self.extra.contains(k) {
                self.extra.push(k.clone());
            }
        }
        let cells = article_columns::values(a, self.n_categories);
        let pairs = a.extra.iter().flat_map(|(k, v)| [k.as_str(), v.as_str()]);
        self.out
            .write_record(cells.iter().map(String::as_str).chain(pairs))
            .map_err(|source| SlantError::Csv { path: self.path.clone(), source })?;
        self.ids.push(a.id.clone());
        Ok(())
    }

    pub(crate) fn ids(&self) -> &[String] {
        &self.ids
    }

    /// Writes `articles.csv` into `table` (header included), each article's shared-text cells
    /// from `same` (the other article's index and the share, by article), and removes the
    /// temporary file.
    pub(crate) fn write(
        self,
        categories: &[String],
        same: &[Option<(usize, f64)>],
        table: impl FnOnce(&[String]) -> Result<crate::sink::Table, SlantError>,
    ) -> Result<(), SlantError> {
        let ArticleSpill { path, out, ids, extra, .. } = self;
        let cerr = |source| SlantError::Csv { path: path.clone(), source };
        let werr = |source| SlantError::Write { path: path.clone(), source };
        out.into_inner().map_err(|e| werr(std::io::Error::other(e.to_string())))?;
        let names = article_columns::names(categories);
        let n = names.len();
        let column = |name: &str| names.iter().position(|c| c == name).expect("a column of articles.csv");
        let (as_col, share_col) = (column("same_text_as"), column("same_text_share"));
        let decimals = article_columns::decimals("same_text_share").unwrap_or(2);
        let (_, shown) = article_header_of(extra.clone(), categories);
        let header: Vec<String> = names.iter().cloned().chain(shown).collect();
        let mut table = table(&header)?;
        let file = File::open(&path).map_err(werr)?;
        let mut rows = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(BufReader::new(file));
        let mut record = csv::StringRecord::new();
        let mut k = 0;
        while rows.read_record(&mut record).map_err(cerr)? {
            let mut cells: Vec<String> = record.iter().take(n).map(String::from).collect();
            if cells.len() != n {
                return Err(werr(std::io::Error::other("a row of the temporary articles file is short")));
            }
            if let Some(Some((other, share))) = same.get(k) {
                cells[as_col] = ids.get(*other).cloned().unwrap_or_default();
                cells[share_col] = format!("{share:.decimals$}");
            }
            let pairs: Vec<&str> = record.iter().skip(n).collect();
            for key in &extra {
                let v =
                    pairs.chunks(2).find(|p| p[0] == key.as_str()).and_then(|p| p.get(1)).copied().unwrap_or_default();
                cells.push(v.to_string());
            }
            table.write(&cells)?;
            k += 1;
        }
        table.finish()?;
        std::fs::remove_file(&path).map_err(werr)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::{article_rows, write_csv_rows, LoadedCounts, ValueSource};

    fn article(id: &str, extra: &[(&str, &str)]) -> Article {
        Article {
            id: id.into(),
            outlet: "Daily, \"Quoted\"".into(),
            date: "2025-01-02".into(),
            title: "A title\nover two lines".into(),
            url: String::new(),
            path: format!("{id}.txt"),
            words: 120,
            sentences: 6,
            quoted_words: 10,
            captions: 0,
            decode_errors: 0,
            date_source: ValueSource::None,
            outlet_source: ValueSource::None,
            language: Some("en"),
            loaded: LoadedCounts { total: 3, own: 2, own_words: 100, per_category: vec![1, 2], ..Default::default() },
            attr: Default::default(),
            credits: 0,
            tone: 0.25,
            tone_max: 0.5,
            flagged_sentences: 1,
            flagged_share: 1.0 / 6.0,
            same_text: None,
            extra: extra.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect(),
        }
    }

    #[test]
    fn rows_read_back_from_disk_are_the_rows_kept_in_memory() {
        let categories = vec!["insult".to_string(), "fear".to_string()];
        let mut articles = vec![
            article("a", &[]),
            article("b", &[("desk", "world"), ("words", "clash")]),
            article("c", &[("region", "east, north"), ("desk", "")]),
            article("d", &[("desk", "home"), ("desk", "second")]),
        ];
        let dir = tempfile::tempdir().unwrap();
        let mut spill = ArticleSpill::create(dir.path(), categories.len()).unwrap();
        for a in &articles {
            spill.push(a).unwrap();
        }
        assert_eq!(spill.ids(), ["a", "b", "c", "d"]);
        // the shared-text cells come at the end, as the pipeline sets them
        let same = vec![Some((2, 0.875)), None, Some((0, 1.0)), None];
        articles[0].same_text = Some(("c".into(), 0.875));
        articles[2].same_text = Some(("a".into(), 1.0));
        let out = dir.path().join("articles.csv");
        spill
            .write(&categories, &same, |header| crate::sink::Table::create(dir.path(), "articles.csv", header, false))
            .unwrap();
        let expected = dir.path().join("expected.csv");
        write_csv_rows(&expected, &article_rows(&articles, &categories)).unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), std::fs::read_to_string(&expected).unwrap());
        assert!(!dir.path().join(SPILL).exists(), "the temporary file is removed");
    }
}
