//! Document metadata, and the `--meta` sidecar that supplies it for plain files.
//!
//! A sidecar is a CSV file with a `file` column (also accepted: `path`, `filename`)
//! naming an input file, and any of `id, outlet, date, title, url`; every other
//! column is carried through to `articles.csv`. A row matches an input file by its
//! path as given, its path relative to the sidecar's folder, or its file name.
//! A file named `_meta.csv` inside an input folder is used as that folder's sidecar.

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::SlantError;

/// The metadata fields slant knows, plus carried columns in input order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub id: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub extra: Vec<(String, String)>,
}

impl Meta {
    /// Sets a known field (case-insensitive name) or carries the column.
    /// Empty values leave known fields unset but are carried as empty cells.
    pub fn set(&mut self, name: &str, value: String) {
        let v = value.trim();
        let slot = match name.trim().to_ascii_lowercase().as_str() {
            "id" => &mut self.id,
            "outlet" => &mut self.outlet,
            "date" => &mut self.date,
            "title" => &mut self.title,
            "url" => &mut self.url,
            _ => {
                self.extra.push((name.to_string(), value));
                return;
            }
        };
        if !v.is_empty() {
            *slot = Some(v.to_string());
        }
    }

    /// Fills unset fields from `other`; carried columns of `other` come first.
    pub fn fill_from(&mut self, other: &Meta) {
        for (mine, theirs) in [
            (&mut self.id, &other.id),
            (&mut self.outlet, &other.outlet),
            (&mut self.date, &other.date),
            (&mut self.title, &other.title),
            (&mut self.url, &other.url),
        ] {
            if mine.is_none() {
                mine.clone_from(theirs);
            }
        }
        let mut extra = other.extra.clone();
        for (k, v) in self.extra.drain(..) {
            if !extra.iter().any(|(ek, _)| *ek == k) {
                extra.push((k, v));
            }
        }
        self.extra = extra;
    }
}

/// Which input columns give the known fields, when they are named otherwise (`--outlet-col
/// media_name`, or a `--preset` for an export's names). A column mapped to a field is read
/// as that field; a column named like a field that is mapped elsewhere is carried.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct FieldMap {
    pub id: Option<String>,
    pub outlet: Option<String>,
    pub date: Option<String>,
    pub title: Option<String>,
    pub url: Option<String>,
}

/// The column names of exports researchers bring, by preset name.
pub const PRESETS: &[(&str, [&str; 5])] = &[
    // Media Cloud story lists: stories_id, publish_date, title, url, media_name, ...
    ("mediacloud", ["stories_id", "media_name", "publish_date", "title", "url"]),
    // GDELT DOC API article lists: url, title, seendate, domain, language, sourcecountry
    ("gdelt", ["", "domain", "seendate", "title", "url"]),
];

impl FieldMap {
    /// The column names of a preset (see [`PRESETS`]).
    pub fn preset(name: &str) -> Option<FieldMap> {
        let (_, cols) = PRESETS.iter().find(|(n, _)| n.eq_ignore_ascii_case(name.trim()))?;
        let col = |c: &str| (!c.is_empty()).then(|| c.to_string());
        Some(FieldMap {
            id: col(cols[0]),
            outlet: col(cols[1]),
            date: col(cols[2]),
            title: col(cols[3]),
            url: col(cols[4]),
        })
    }

    /// `other`'s columns where it names one, these otherwise (flags over a preset).
    pub fn over(self, other: FieldMap) -> FieldMap {
        FieldMap {
            id: other.id.or(self.id),
            outlet: other.outlet.or(self.outlet),
            date: other.date.or(self.date),
            title: other.title.or(self.title),
            url: other.url.or(self.url),
        }
    }

    fn pairs(&self) -> [(&'static str, Option<&String>); 5] {
        [
            ("id", self.id.as_ref()),
            ("outlet", self.outlet.as_ref()),
            ("date", self.date.as_ref()),
            ("title", self.title.as_ref()),
            ("url", self.url.as_ref()),
        ]
    }

    /// Whether no column is mapped.
    pub fn is_empty(&self) -> bool {
        self.pairs().iter().all(|(_, c)| c.is_none())
    }

    /// Sets the field a column of this name gives in `meta` (or carries the column).
    pub fn set(&self, meta: &mut Meta, name: &str, value: String) {
        let lower = name.trim().to_ascii_lowercase();
        for (field, col) in self.pairs() {
            if col.is_some_and(|c| c.trim().eq_ignore_ascii_case(&lower)) {
                meta.set(field, value);
                return;
            }
        }
        // `outlet` when --outlet-col names another column: kept, as a carried column
        if self.pairs().iter().any(|(field, col)| col.is_some() && *field == lower) {
            meta.extra.push((name.to_string(), value));
            return;
        }
        meta.set(name, value);
    }
}

/// Is this column one of the known metadata fields?
pub fn is_known_field(name: &str) -> bool {
    matches!(name.trim().to_ascii_lowercase().as_str(), "id" | "outlet" | "date" | "title" | "url")
}

/// A loaded sidecar.
#[derive(Debug, Clone, Default)]
pub struct MetaTable {
    /// The sidecar's own path as given.
    pub source: String,
    rows: Vec<(String, Meta)>,
    /// Each row's line in the file.
    lines: Vec<u64>,
    decode_errors: usize,
    by_key: BTreeMap<String, usize>,
    used: Vec<bool>,
    /// Rows keyed by a bare file name that several inputs share (so matched by none of them).
    ambiguous: Vec<bool>,
}

impl MetaTable {
    /// Whether a row of the table carries a column that `articles.csv` would name `name`
    /// (as given, or `input_<name>` when slant's own column has that name).
    pub fn has_column(&self, name: &str) -> bool {
        let carried = |c: &str| c == name || name.strip_prefix("input_") == Some(c);
        self.rows.iter().any(|(_, m)| m.extra.iter().any(|(c, _)| carried(c)))
    }
}

fn normalize_key(s: &str) -> String {
    s.trim().replace('\\', "/").trim_start_matches("./").to_string()
}

impl MetaTable {
    /// Reads a sidecar CSV, decoded as inputs are (UTF-8, or UTF-16 with its byte-order mark;
    /// invalid bytes replaced by U+FFFD and counted in `decode_errors`).
    pub fn load(path: &Path) -> Result<MetaTable, SlantError> {
        let err = |message: String| SlantError::Meta { path: path.to_path_buf(), message };
        let bytes = std::fs::read(path).map_err(|e| err(e.to_string()))?;
        let decoded = super::decode::decode(&bytes)
            .map_err(|super::decode::DecodeError::Binary(what)| err(format!("is not a CSV file: {what}")))?;
        let text = decoded.text;
        let mut rdr = csv::ReaderBuilder::new().flexible(false).from_reader(text.as_bytes());
        let headers = rdr.headers().map_err(|e| err(e.to_string()))?.clone();
        let key_col = headers
            .iter()
            .position(|h| matches!(h.trim().to_ascii_lowercase().as_str(), "file" | "path" | "filename"))
            .ok_or_else(|| {
                err(format!("no 'file' column (columns: {})", headers.iter().collect::<Vec<_>>().join(", ")))
            })?;
        let mut table =
            MetaTable { source: path.display().to_string(), decode_errors: decoded.errors, ..Default::default() };
        let mut last: Option<(u64, bool)> = None;
        for rec in rdr.records() {
            let rec = rec.map_err(|e| err(e.to_string()))?;
            let line = rec.position().map_or(0, |p| p.line());
            // a record holding a line break: fine when quoted on purpose, but when the file
            // does not end with its closing quote, a quotation was left open and took in the
            // rows after it
            last = Some((line, rec.iter().any(|f| f.contains('\n'))));
            let mut meta = Meta::default();
            for (i, (h, v)) in headers.iter().zip(rec.iter()).enumerate() {
                if i != key_col {
                    meta.set(h, v.to_string());
                }
            }
            let key = normalize_key(&rec[key_col]);
            if key.is_empty() {
                continue;
            }
            if table.by_key.insert(key.clone(), table.rows.len()).is_some() {
                return Err(err(format!("file '{key}' is listed twice")));
            }
            table.rows.push((key, meta));
            table.lines.push(line);
            table.used.push(false);
            table.ambiguous.push(false);
        }
        if let Some((line, true)) = last {
            if !text.trim_end().ends_with('"') {
                return Err(err(format!(
                    "line {line}: a quotation opened in this row is never closed, so it takes in every row \
                     after it; close it (a quotation mark inside a cell is written twice: \"\")"
                )));
            }
        }
        Ok(table)
    }

    /// Metadata for an input file: tried by the path as given, the path relative to
    /// `base` (the sidecar's folder), then the file name, but the file name only when
    /// `name_is_unique` (no other input file has it): a row naming `s.txt` must not give two
    /// different articles the same metadata.
    pub fn lookup(&mut self, path: &Path, base: Option<&Path>, name_is_unique: bool) -> Option<Meta> {
        let name = path.file_name().map(|n| n.to_string_lossy().to_string());
        let idx = self.by_path(path, base);
        let idx = match (idx, name) {
            (Some(i), _) => i,
            (None, Some(name)) => {
                let i = self.by_key.get(&name).copied()?;
                if !name_is_unique {
                    self.ambiguous[i] = true;
                    return None;
                }
                i
            }
            (None, None) => return None,
        };
        self.used[idx] = true;
        Some(self.rows[idx].1.clone())
    }

    /// The row naming `path` by its path as given or relative to `base`.
    fn by_path(&self, path: &Path, base: Option<&Path>) -> Option<usize> {
        let mut keys = vec![normalize_key(&path.to_string_lossy())];
        if let Some(rel) = base.and_then(|b| path.strip_prefix(b).ok()) {
            keys.push(normalize_key(&rel.to_string_lossy()));
        }
        keys.iter().find_map(|k| self.by_key.get(k).copied())
    }

    /// Whether a row names `path` (by path, or by file name), without marking it used.
    pub fn names(&self, path: &Path, base: Option<&Path>) -> bool {
        self.by_path(path, base).is_some()
            || path.file_name().is_some_and(|n| self.by_key.contains_key(n.to_string_lossy().as_ref()))
    }

    /// Number of rows.
    pub fn rows(&self) -> usize {
        self.rows.len()
    }

    /// Invalid byte sequences replaced by U+FFFD when the file was read.
    pub fn decode_errors(&self) -> usize {
        self.decode_errors
    }

    /// Rows that matched no input file, each with why: its key, its line in the file, and
    /// whether it names a file name that several inputs share.
    pub fn unused(&self) -> Vec<(String, u64, bool)> {
        (0..self.rows.len())
            .filter(|&i| !self.used[i])
            .map(|i| (self.rows[i].0.clone(), self.lines[i], self.ambiguous[i]))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_and_fill() {
        let mut m = Meta::default();
        m.set("Outlet", " Wire ".into());
        m.set("section", "world".into());
        m.set("date", "".into());
        let mut other = Meta::default();
        other.set("date", "2026-01-01".into());
        other.set("outlet", "Other".into());
        other.set("desk", "x".into());
        m.fill_from(&other);
        assert_eq!(m.outlet.as_deref(), Some("Wire"));
        assert_eq!(m.date.as_deref(), Some("2026-01-01"));
        assert_eq!(m.extra, vec![("desk".into(), "x".into()), ("section".into(), "world".into())]);
    }
}
