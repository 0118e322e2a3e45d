//! Error types shared by the library stages.
//!
//! Two levels: [`DocError`] is about one input document (it becomes a row of
//! `errors.csv` and the batch goes on); [`SlantError`] stops a whole command
//! (bad options, an output folder that cannot be written).

use std::fmt;
use std::path::PathBuf;

/// What went wrong with one document, as written to the `kind` column of `errors.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ErrorKind {
    /// The path could not be opened or read.
    Io,
    /// The file or text field holds no text.
    Empty,
    /// The file is binary (an image, an archive, a PDF, or it holds NUL bytes).
    Binary,
    /// Larger than `--max-bytes`.
    TooLarge,
    /// A CSV/TSV record that could not be parsed (wrong number of fields, bad quoting).
    Csv,
    /// A JSON Lines line that is not a JSON object.
    Json,
    /// No text column or field could be found.
    NoText,
    /// Warning: invalid UTF-8 was replaced by U+FFFD; the article was kept.
    Decode,
    /// Warning: a file in a folder was skipped because its extension is not a supported format.
    Skipped,
    /// Warning: an id occurred more than once.
    DuplicateId,
    /// Warning: a row of the metadata sidecar matched no input file.
    MetaUnused,
    /// Warning: a table column shares its name with an earlier one and is read under another.
    DuplicateColumn,
    /// Warning: a paragraph the page repeats was read once.
    RepeatedText,
    /// Warning: more than a third of the page's prose lies outside the body found.
    ProseLeftOut,
    /// Warning: a date given with the article is no valid date (`2026-13-45`); left empty.
    BadDate,
}

impl ErrorKind {
    /// Every kind, in the enum's order.
    pub const ALL: [ErrorKind; 15] = [
        ErrorKind::Io,
        ErrorKind::Empty,
        ErrorKind::Binary,
        ErrorKind::TooLarge,
        ErrorKind::Csv,
        ErrorKind::Json,
        ErrorKind::NoText,
        ErrorKind::Decode,
        ErrorKind::Skipped,
        ErrorKind::DuplicateId,
        ErrorKind::MetaUnused,
        ErrorKind::DuplicateColumn,
        ErrorKind::RepeatedText,
        ErrorKind::ProseLeftOut,
        ErrorKind::BadDate,
    ];

    /// The kind of an `errors.csv` label ([`ErrorKind::as_str`]).
    pub fn parse(label: &str) -> Option<ErrorKind> {
        ErrorKind::ALL.into_iter().find(|k| k.as_str() == label)
    }

    /// The label written to `errors.csv`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Io => "io",
            ErrorKind::Empty => "empty",
            ErrorKind::Binary => "binary",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::Csv => "csv",
            ErrorKind::Json => "json",
            ErrorKind::NoText => "no_text",
            ErrorKind::Decode => "decode",
            ErrorKind::Skipped => "skipped",
            ErrorKind::DuplicateId => "duplicate_id",
            ErrorKind::MetaUnused => "meta_unused",
            ErrorKind::DuplicateColumn => "duplicate_column",
            ErrorKind::RepeatedText => "repeated_text",
            ErrorKind::ProseLeftOut => "prose_left_out",
            ErrorKind::BadDate => "bad_date",
        }
    }

    /// Warnings are reported but do not make the run partial: the article (if any) was kept.
    pub fn is_warning(self) -> bool {
        matches!(
            self,
            ErrorKind::Decode
                | ErrorKind::Skipped
                | ErrorKind::DuplicateId
                | ErrorKind::MetaUnused
                | ErrorKind::DuplicateColumn
                | ErrorKind::RepeatedText
                | ErrorKind::ProseLeftOut
                | ErrorKind::BadDate
        )
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A problem with one input document or record: one row of `errors.csv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocError {
    /// The input path as given (or `-` for standard input).
    pub path: String,
    /// 1-based line of the record in its file, when the file holds many records.
    pub line: Option<u64>,
    pub kind: ErrorKind,
    pub message: String,
}

impl DocError {
    pub fn new(path: impl Into<String>, line: Option<u64>, kind: ErrorKind, message: impl Into<String>) -> Self {
        DocError { path: path.into(), line, kind, message: message.into() }
    }
}

impl fmt::Display for DocError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: {}: {}", self.path, l, self.kind, self.message),
            None => write!(f, "{}: {}: {}", self.path, self.kind, self.message),
        }
    }
}

impl std::error::Error for DocError {}

/// An error that stops a whole command.
#[derive(Debug, thiserror::Error)]
pub enum SlantError {
    #[error("unknown language '{0}' (known: {1})")]
    UnknownLanguage(String, String),
    #[error("cannot read metadata file {path}: {message}")]
    Meta { path: PathBuf, message: String },
    #[error("cannot write {path}: {source}")]
    Write { path: PathBuf, source: std::io::Error },
    #[error("cannot write CSV {path}: {source}")]
    Csv { path: PathBuf, source: csv::Error },
    #[error("invalid option: {0}")]
    Config(String),
    #[error("lexicon: {0}")]
    Lexicon(String),
    #[error("no input given")]
    NoInput,
    #[error("input {path}: {message}")]
    MissingInput { path: String, message: String },
    #[error("charts and report: {0}")]
    Report(#[from] crate::report::ReportError),
}

pub type Result<T, E = SlantError> = std::result::Result<T, E>;
