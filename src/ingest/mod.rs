//! Ingest: turning inputs (files, folders, standard input) into raw documents.
//!
//! Supported formats, chosen by extension:
//!
//! | extension | one document per | text from |
//! |---|---|---|
//! | `.txt`, `.md`, `.text` | file | the whole file |
//! | `.html`, `.htm`, `.xhtml` | file | the flattened page ([`html`]) |
//! | `.csv`, `.tsv` | row | column `text`/`body`/`content`/`article` or `--text-col` |
//! | `.jsonl`, `.ndjson`, `-` (stdin) | line | the same field names |
//!
//! A file given explicitly with another extension is read as text (or HTML when it
//! starts like an HTML document). Inside folders, other extensions are skipped with a
//! `skipped` warning, and so are README/LICENSE/CHANGELOG files (a corpus's own
//! documentation); hidden files and `_meta.csv` sidecars are not articles.
//! Reading is sequential and streaming: the [`Reader`] hands documents one at a time
//! to a callback, and computes the SHA-256 of every input as it reads it.

pub mod boilerplate;
pub mod decode;
mod digest;
pub mod html;
pub mod html_depth;
pub mod infer;
pub mod meta;
mod records;

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufReader, Read};
use std::path::{Path, PathBuf};

use crate::error::{DocError, ErrorKind, SlantError};
pub use digest::{hex, sha256_hex, Digest256, HashingReader, InputRecord};
use meta::{Meta, MetaTable};
use records::{read_csv, read_jsonl};

/// Input format of a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Html,
    Csv,
    Tsv,
    Jsonl,
}

impl Format {
    /// The format implied by a file extension.
    pub fn from_path(path: &Path) -> Option<Format> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        Some(match ext.as_str() {
            "txt" | "md" | "text" => Format::Text,
            "html" | "htm" | "xhtml" => Format::Html,
            "csv" => Format::Csv,
            "tsv" | "tab" => Format::Tsv,
            "jsonl" | "ndjson" => Format::Jsonl,
            _ => return None,
        })
    }
}

/// The document content as read.
#[derive(Debug, Clone)]
pub enum Content {
    /// Raw file bytes, to be decoded (text and HTML files).
    Bytes(Vec<u8>),
    /// A text field of a CSV row or JSON line, already decoded.
    Text(String),
}

/// One document before analysis.
#[derive(Debug, Clone)]
pub struct RawDoc {
    /// Input path as given (`-` for stdin).
    pub path: String,
    /// 1-based line of the record, for CSV/TSV/JSONL.
    pub line: Option<u64>,
    pub format: Format,
    pub content: Content,
    pub meta: Meta,
    /// Id used when the metadata has none: the file stem, or `stem:line` for records.
    pub default_id: String,
    /// Invalid UTF-8 sequences already replaced while reading the record.
    pub decode_errors: usize,
}

impl RawDoc {
    /// Where the document comes from: its path, or `path:line` for a record.
    pub fn origin(&self) -> String {
        match self.line {
            Some(l) => format!("{}:{l}", self.path),
            None => self.path.clone(),
        }
    }
}

/// What the reader hands on: a document or a problem.
#[derive(Debug)]
pub enum Item {
    Doc(Box<RawDoc>),
    Error(DocError),
}

/// Reading options.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// Name of the text column/field; `None` looks for text, body, content, article.
    pub text_col: Option<String>,
    /// Columns/fields that give the id, outlet, date, title and url under other names.
    pub fields: meta::FieldMap,
    /// Documents (or records' text fields) larger than this are refused.
    pub max_bytes: u64,
    /// A folder never read as input (the run's output folder, when it lies inside an input
    /// folder: its CSV files would be read back as articles by the next run).
    pub skip_dir: Option<PathBuf>,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions { text_col: None, fields: meta::FieldMap::default(), max_bytes: 16 * 1024 * 1024, skip_dir: None }
    }
}

const TEXT_FIELDS: &[&str] = &["text", "body", "content", "article"];

/// One resolved input.
#[derive(Debug, Clone)]
enum Source {
    Stdin,
    File { path: PathBuf, format: Option<Format>, sidecar: Option<usize>, base: Option<PathBuf> },
    Problem(DocError),
}

/// Streams documents from a list of inputs, in input order.
pub struct Reader {
    sources: Vec<Source>,
    sidecars: Vec<MetaTable>,
    explicit_meta: Option<MetaTable>,
    opts: ReadOptions,
    /// How many input files have each file name (a sidecar row keyed by a bare file name
    /// matches only a name one file has).
    file_names: BTreeMap<std::ffi::OsString, usize>,
    /// Sum of the sizes of all file inputs (for progress).
    pub total_bytes: u64,
    pub records: Vec<InputRecord>,
}

/// A path as text. A name that is not valid UTF-8 (an old Latin-1 file name on Linux) keeps
/// each invalid byte as `%XX`, so that two names that differ only there (`caf\xe9`,
/// `caf\xe8`) stay apart in `path` and in the ids made from them, where U+FFFD would make them
/// look alike.
fn display(p: &Path) -> String {
    os_text(p.as_os_str())
}

/// [`display`] for any part of a path.
fn os_text(s: &std::ffi::OsStr) -> String {
    if let Some(t) = s.to_str() {
        return t.to_string();
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in s.as_bytes().utf8_chunks() {
            out.push_str(chunk.valid());
            for b in chunk.invalid() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        s.to_string_lossy().into_owned()
    }
}

impl Reader {
    /// Whether a record of these inputs could carry a column named `name` into `articles.csv`:
    /// `false` only when no input is a table or a stream (CSV, TSV, JSON Lines, standard
    /// input, a file of unknown format) and no metadata file has such a column, so that a
    /// `--group-by` naming no column stops the run before it reads anything.
    pub fn may_carry(&self, name: &str) -> bool {
        let tables = self.sources.iter().any(|s| match s {
            Source::Stdin => true,
            Source::File { format, .. } => !matches!(format, Some(Format::Text | Format::Html)),
            Source::Problem(_) => false,
        });
        tables || self.sidecars.iter().chain(self.explicit_meta.as_ref()).any(|m| m.has_column(name))
    }

    /// Resolves inputs: folders are walked recursively in name order.
    pub fn new(inputs: &[String], meta: Option<&Path>, opts: ReadOptions) -> Result<Reader, SlantError> {
        if inputs.is_empty() {
            return Err(SlantError::NoInput);
        }
        let explicit_meta = meta.map(MetaTable::load).transpose()?;
        let mut r = Reader {
            sources: Vec::new(),
            sidecars: Vec::new(),
            explicit_meta,
            opts,
            file_names: BTreeMap::new(),
            total_bytes: 0,
            records: Vec::new(),
        };
        for input in inputs {
            if input == "-" {
                r.sources.push(Source::Stdin);
                continue;
            }
            let path = PathBuf::from(input);
            match std::fs::metadata(&path) {
                // a path given on the command line that is not there is a mistake to fix
                // before anything is written, not a row of errors.csv
                Err(e) if e.kind() == io::ErrorKind::NotFound => {
                    return Err(SlantError::MissingInput {
                        path: input.clone(),
                        message: "no such file or folder (check the path)".into(),
                    })
                }
                Err(e) => {
                    r.sources.push(Source::Problem(DocError::new(input.clone(), None, ErrorKind::Io, io_message(&e))))
                }
                Ok(md) if md.is_dir() => r.walk(&path)?,
                Ok(md) => {
                    r.total_bytes += md.len();
                    r.sources.push(Source::File { format: Format::from_path(&path), path, sidecar: None, base: None });
                }
            }
        }
        // A file reached twice (named, and inside a named folder; or through a link) is read
        // once; the names of the files read are counted for sidecar matching.
        let mut seen: BTreeMap<PathBuf, String> = BTreeMap::new();
        for source in &mut r.sources {
            let Source::File { path, .. } = source else { continue };
            if let Ok(real) = std::fs::canonicalize(&*path) {
                if let Some(first) = seen.get(&real) {
                    r.total_bytes = r.total_bytes.saturating_sub(std::fs::metadata(&real).map_or(0, |m| m.len()));
                    let message = format!("the same file as {first}, which is read once");
                    *source = Source::Problem(DocError::new(display(path), None, ErrorKind::Skipped, message));
                    continue;
                }
                seen.insert(real, display(path));
            }
            if let Some(name) = path.file_name() {
                *r.file_names.entry(name.to_os_string()).or_default() += 1;
            }
        }
        // a --meta sidecar that names none of the files read is a mistake (a sidecar for
        // another folder, paths written another way): said before anything is written
        if let Some(table) = &r.explicit_meta {
            let files: Vec<&Path> = r
                .sources
                .iter()
                .filter_map(|s| if let Source::File { path, .. } = s { Some(path.as_path()) } else { None })
                .collect();
            if table.rows() > 0 && !files.iter().any(|p| table.names(p, None)) {
                return Err(SlantError::Meta {
                    path: PathBuf::from(&table.source),
                    message: format!(
                        "none of its {} rows names one of the {} input files (a row matches a file by its path \
                         as given, its path relative to the sidecar's folder, or its file name)",
                        table.rows(),
                        files.len()
                    ),
                });
            }
        }
        Ok(r)
    }

    fn walk(&mut self, dir: &Path) -> Result<(), SlantError> {
        let before = self.sources.len();
        self.walk_inner(dir)?;
        if self.sources.len() == before {
            self.sources.push(Source::Problem(DocError::new(
                display(dir),
                None,
                ErrorKind::Empty,
                "folder has no files to analyse (hidden files and _meta.csv are not read)",
            )));
        }
        Ok(())
    }

    fn walk_inner(&mut self, dir: &Path) -> Result<(), SlantError> {
        let mut sidecar_of_dir: Vec<(PathBuf, usize)> = Vec::new();
        let skip = self.opts.skip_dir.as_ref().and_then(|d| std::fs::canonicalize(d).ok());
        let mut skipped_out: Vec<PathBuf> = Vec::new();
        let walker = walkdir::WalkDir::new(dir).sort_by_file_name().into_iter().filter_entry(|e| {
            if e.depth() > 0 && e.file_name().to_string_lossy().starts_with('.') {
                return false;
            }
            let is_out = e.file_type().is_dir()
                && skip.as_ref().is_some_and(|s| std::fs::canonicalize(e.path()).is_ok_and(|p| p == *s));
            if is_out {
                skipped_out.push(e.path().to_path_buf());
            }
            !is_out
        });
        let mut entries = Vec::new();
        for entry in walker {
            entries.push(entry);
        }
        for out in skipped_out {
            self.sources.push(Source::Problem(DocError::new(
                display(&out),
                None,
                ErrorKind::Skipped,
                "the output folder lies inside an input folder: it is not read as input",
            )));
        }
        for entry in entries {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let p = e.path().map(display).unwrap_or_else(|| display(dir));
                    self.sources.push(Source::Problem(DocError::new(p, None, ErrorKind::Io, e.to_string())));
                    continue;
                }
            };
            let path = entry.path().to_path_buf();
            if entry.file_type().is_dir() {
                let side = path.join("_meta.csv");
                if side.is_file() {
                    self.sidecars.push(MetaTable::load(&side)?);
                    sidecar_of_dir.push((path.clone(), self.sidecars.len() - 1));
                }
                continue;
            }
            if entry.file_name() == "_meta.csv" {
                continue;
            }
            // a named pipe, socket or device inside a folder is no document: opening a pipe
            // would wait for a writer for ever
            if !std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
                self.sources.push(Source::Problem(DocError::new(
                    display(&path),
                    None,
                    ErrorKind::Skipped,
                    "not a regular file (a named pipe, socket or device, or a broken link); skipped",
                )));
                continue;
            }
            let (sidecar, base) = sidecar_of_dir
                .iter()
                .rev()
                .find(|(d, _)| path.starts_with(d))
                .map(|(d, i)| (Some(*i), Some(d.clone())))
                .unwrap_or((None, None));
            if is_project_doc(&path) {
                self.sources.push(Source::Problem(DocError::new(
                    display(&path),
                    None,
                    ErrorKind::Skipped,
                    "looks like a corpus's own documentation (README, LICENSE, CHANGELOG); skipped",
                )));
                continue;
            }
            match Format::from_path(&path) {
                Some(format) => {
                    self.total_bytes += entry.metadata().map(|m| m.len()).unwrap_or(0);
                    self.sources.push(Source::File { path, format: Some(format), sidecar, base });
                }
                None => self.sources.push(Source::Problem(DocError::new(
                    display(&path),
                    None,
                    ErrorKind::Skipped,
                    "not a supported format (.txt .text .md .html .htm .xhtml .csv .tsv .tab .jsonl .ndjson); skipped",
                ))),
            }
        }
        Ok(())
    }

    /// Reads every input in order, handing each document or error to `emit`.
    pub fn run(&mut self, mut emit: impl FnMut(Item)) {
        let sources = std::mem::take(&mut self.sources);
        for source in sources {
            match source {
                Source::Problem(e) => emit(Item::Error(e)),
                Source::Stdin => {
                    let stdin = io::stdin();
                    let mut hr = HashingReader::new(stdin.lock());
                    match decode::utf8_stream(&mut hr) {
                        Ok(mut r) => read_jsonl(&mut r, "-", "stdin", &self.opts, &mut emit),
                        Err(e) => emit(Item::Error(DocError::new("-", None, ErrorKind::Io, io_message(&e)))),
                    }
                    self.records.push(hr.finish("-"));
                }
                Source::File { path, format, sidecar, base } => {
                    let mut meta = Meta::default();
                    let unique = path.file_name().is_none_or(|n| self.file_names.get(n) == Some(&1));
                    if let Some(m) = self.explicit_meta.as_mut().and_then(|t| t.lookup(&path, None, unique)) {
                        meta = m;
                    }
                    if let Some(m) = sidecar.and_then(|i| self.sidecars[i].lookup(&path, base.as_deref(), unique)) {
                        meta.fill_from(&m);
                    }
                    if let Some(rec) = self.read_file(&path, format, meta, &mut emit) {
                        self.records.push(rec);
                    }
                }
            }
        }
        for table in self.explicit_meta.iter().chain(&self.sidecars) {
            if table.decode_errors() > 0 {
                let message = format!(
                    "{} invalid byte sequences in the metadata file were replaced by U+FFFD; save it as UTF-8",
                    table.decode_errors()
                );
                emit(Item::Error(DocError::new(table.source.clone(), None, ErrorKind::Decode, message)));
            }
            for (key, line, ambiguous) in table.unused() {
                let message = if ambiguous {
                    format!(
                        "metadata row for '{key}' was not used: several input files are named '{key}'; \
                         name the file by its path (or its path relative to the sidecar's folder)"
                    )
                } else {
                    format!("metadata row for '{key}' matched no input file")
                };
                emit(Item::Error(DocError::new(table.source.clone(), Some(line), ErrorKind::MetaUnused, message)));
            }
        }
    }

    fn read_file(
        &self,
        path: &Path,
        format: Option<Format>,
        meta: Meta,
        emit: &mut impl FnMut(Item),
    ) -> Option<InputRecord> {
        let shown = display(path);
        let stem = path.file_stem().map(os_text).unwrap_or_else(|| shown.clone());
        let fail = |kind, msg: String| Item::Error(DocError::new(shown.clone(), None, kind, msg));
        let file = match File::open(path) {
            Ok(f) => f,
            Err(e) => {
                emit(fail(ErrorKind::Io, io_message(&e)));
                return None;
            }
        };
        let mut hr = HashingReader::new(BufReader::new(file));
        match format {
            Some(Format::Csv) | Some(Format::Tsv) | Some(Format::Jsonl) => {
                let mut r = match decode::utf8_stream(&mut hr) {
                    Ok(r) => r,
                    Err(e) => {
                        emit(fail(ErrorKind::Io, io_message(&e)));
                        return None;
                    }
                };
                match format {
                    Some(Format::Jsonl) => read_jsonl(&mut r, &shown, &stem, &self.opts, emit),
                    _ => {
                        let delim = if format == Some(Format::Tsv) { b'\t' } else { b',' };
                        read_csv(&mut r, &shown, &stem, delim, &meta, &self.opts, emit);
                    }
                }
            }
            _ => {
                let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
                if size > self.opts.max_bytes {
                    emit(fail(ErrorKind::TooLarge, too_large(size, self.opts.max_bytes)));
                    let _ = io::copy(&mut hr, &mut io::sink());
                    return Some(hr.finish(&shown));
                }
                // a pipe or device reports no size: read at most one byte past the limit
                let mut bytes = Vec::with_capacity(size as usize);
                if let Err(e) = (&mut hr).take(self.opts.max_bytes.saturating_add(1)).read_to_end(&mut bytes) {
                    emit(fail(ErrorKind::Io, io_message(&e)));
                    return None;
                }
                if bytes.len() as u64 > self.opts.max_bytes {
                    let message = format!(
                        "more than {} bytes (--max-bytes) from a file that is not a regular file; not read further",
                        self.opts.max_bytes
                    );
                    emit(fail(ErrorKind::TooLarge, message));
                    return None;
                }
                let format = format.unwrap_or_else(|| {
                    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(512)]);
                    if html::looks_like_html(&head) {
                        Format::Html
                    } else {
                        Format::Text
                    }
                });
                emit(Item::Doc(Box::new(RawDoc {
                    path: shown.clone(),
                    line: None,
                    format,
                    content: Content::Bytes(bytes),
                    meta,
                    default_id: stem,
                    decode_errors: 0,
                })));
            }
        }
        Some(hr.finish(&shown))
    }
}

/// README, LICENSE, CHANGELOG... files inside input folders document the corpus; they are not articles.
fn is_project_doc(path: &Path) -> bool {
    let stem = path.file_stem().map(|s| s.to_string_lossy().to_ascii_uppercase()).unwrap_or_default();
    ["README", "LICENSE", "LICENCE", "CHANGELOG", "COPYING", "NOTICE"].contains(&stem.as_str())
}

fn io_message(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or folder".to_string(),
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => e.to_string(),
    }
}

fn too_large(size: u64, max: u64) -> String {
    format!("{size} bytes is larger than --max-bytes ({max} bytes); raise the limit to analyse it")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A header naming a column twice keeps both columns' values, with a warning.
    #[test]
    fn repeated_header_names_keep_every_column() {
        let (mut metas, mut warnings) = (Vec::new(), Vec::new());
        let text = "id,text,Section,section,section_2,SECTION\na,Some text.,s1,s2,s3,s4\n";
        read_csv(&mut text.as_bytes(), "t.csv", "t", b',', &Meta::default(), &ReadOptions::default(), &mut |item| {
            match item {
                Item::Doc(d) => metas.push(d.meta.extra),
                Item::Error(e) => warnings.push((e.kind, e.message)),
            }
        });
        let pair = |k: &str, v: &str| (k.to_string(), v.to_string());
        assert_eq!(
            metas,
            [vec![pair("Section", "s1"), pair("section_3", "s2"), pair("section_2", "s3"), pair("SECTION_4", "s4")]]
        );
        assert_eq!(warnings.len(), 2);
        assert!(warnings.iter().all(|(k, _)| *k == ErrorKind::DuplicateColumn && k.is_warning()));
        assert!(warnings[0].1.contains("column 'section' appears more than once; this one is read as 'section_3'"));
    }

    /// A line number with a default id or an error message.
    type Lines = Vec<(Option<u64>, String)>;

    /// (line, default id) of every record and (line, message) of every error of a CSV text.
    fn csv_lines(text: &str) -> (Lines, Lines) {
        let (mut docs, mut errors) = (Vec::new(), Vec::new());
        read_csv(&mut text.as_bytes(), "t.csv", "t", b',', &Meta::default(), &ReadOptions::default(), &mut |item| {
            match item {
                Item::Doc(d) => docs.push((d.line, d.default_id)),
                Item::Error(e) => errors.push((e.line, e.message)),
            }
        });
        (docs, errors)
    }

    #[test]
    fn csv_records_keep_their_line_with_any_line_break() {
        for nl in ["\n", "\r\n"] {
            let t = format!("id,text{nl}a,one{nl}b,\"two{nl}lines\"{nl}c{nl}d,four{nl}");
            let (docs, errors) = csv_lines(&t);
            let lines: Vec<Option<u64>> = docs.iter().map(|d| d.0).collect();
            assert_eq!(lines, [Some(2), Some(3), Some(6)], "{nl:?}");
            assert_eq!(docs[0].1, "t:2");
            assert_eq!(errors.len(), 1, "{errors:?}");
            assert_eq!(errors[0].0, Some(5), "{nl:?}: the short row is on line 5");
        }
        // a byte-order mark does not shift the count
        let (docs, _) = csv_lines("\u{feff}id,text\r\na,one\r\n");
        assert_eq!(docs[0].0, Some(2));
    }
}
