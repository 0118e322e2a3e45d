//! A table of an output folder, in whichever form it was written: `DIR/<stem>.csv`,
//! `DIR/<stem>.parquet`, or a folder `DIR/<stem>/` of Parquet parts (a dataset as Spark's
//! `write.parquet` leaves it, read part by part in name order). Readers get each row's cells
//! as the CSV file writes them, so a Parquet table reads as its CSV file does.

use std::path::{Path, PathBuf};

/// Where table `stem` of `dir` is: `DIR/<stem>.csv` when it exists, else `DIR/<stem>.parquet`,
/// else the folder `DIR/<stem>/`; the CSV path when there is none (a reader says it is missing).
pub fn locate(dir: &Path, stem: &str) -> PathBuf {
    let csv = dir.join(format!("{stem}.csv"));
    if csv.exists() {
        return csv;
    }
    let parquet = dir.join(format!("{stem}.parquet"));
    if parquet.exists() {
        return parquet;
    }
    let folder = dir.join(stem);
    if folder.is_dir() {
        return folder;
    }
    csv
}

/// Whether `path` ([`locate`]) holds Parquet: a `.parquet` file or a folder of parts.
pub fn is_parquet(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "parquet") || path.is_dir()
}

/// The CSV file name a table's rows are typed by (`hits.csv` for `DIR/hits.parquet` or
/// `DIR/hits/`): the codebook's name for it.
pub fn file_name(path: &Path) -> String {
    let stem = if path.is_dir() { path.file_name() } else { path.file_stem() };
    format!("{}.csv", stem.map(|s| s.to_string_lossy()).unwrap_or_default())
}

/// The column names of the table at `path`.
pub fn header(path: &Path) -> Result<Vec<String>, String> {
    if is_parquet(path) {
        return crate::columnar::header(path);
    }
    let mut r = csv::Reader::from_path(path).map_err(|e| e.to_string())?;
    Ok(r.headers().map_err(|e| e.to_string())?.iter().map(String::from).collect())
}

/// About how many rows the table at `path` has (its line breaks, for a CSV file; 0 for a
/// Parquet table or an unreadable file): a capacity hint, never a count.
pub fn rows_hint(path: &Path) -> usize {
    use std::io::Read;
    if is_parquet(path) {
        return 0;
    }
    let Ok(mut f) = std::fs::File::open(path) else { return 0 };
    let (mut buf, mut n) = (vec![0u8; 1 << 16], 0usize);
    while let Ok(k) = f.read(&mut buf) {
        if k == 0 {
            break;
        }
        n += buf[..k].iter().filter(|&&b| b == b'\n').count();
    }
    n.saturating_sub(1)
}

/// Where a row is, for messages: the byte its record starts at in a CSV file, or the line the
/// row would have in the CSV file of a Parquet table (the header being line 1).
pub type Place = u64;

/// Reads every row of the table at `path` in order: `f` gets its [`Place`] and its cells as
/// the CSV file writes them. Memory stays flat.
pub fn for_each_row(path: &Path, mut f: impl FnMut(Place, &[String]) -> Result<(), String>) -> Result<(), String> {
    if is_parquet(path) {
        return crate::columnar::read_rows(path, &file_name(path), |i, v| f(i as u64 + 2, v));
    }
    let mut r = csv::Reader::from_path(path).map_err(|e| e.to_string())?;
    let mut rec = csv::StringRecord::new();
    let mut values: Vec<String> = Vec::new();
    while r.read_record(&mut rec).map_err(|e| e.to_string())? {
        values.clear();
        values.extend(rec.iter().map(String::from));
        f(rec.position().map_or(0, |p| p.byte()), &values)?;
    }
    Ok(())
}

/// The 1-based line of the row at `place` ([`Place`]) of the table at `path` (a CSV file is
/// read again, only to report an error). With `\r\n` breaks the csv crate puts a record's
/// start on the `\n` before it, which is why that byte itself is counted.
pub fn line_of(path: &Path, place: Place) -> usize {
    if is_parquet(path) {
        return place as usize;
    }
    let bytes = std::fs::read(path).unwrap_or_default();
    crate::text::line_of_byte(&bytes, usize::try_from(place).unwrap_or(usize::MAX).saturating_add(1))
}
