//! An output folder written as one set: every file of a run is written into a staging folder
//! inside the output folder, then moved into place, and `run.json` is written last, holding
//! the SHA-256 of every file of the set (its `files` map). A run cut short (killed, Ctrl-C, a
//! full disk) leaves either the earlier set whole or a folder without its marker; readers
//! ([`verify`]: `slant chart`, `slant merge`, the Python reader) refuse a folder whose files do
//! not match their marker.
//!
//! - [`Staging::begin`] sweeps what an earlier run cut short left (staging folders and
//!   temporary files) and makes a fresh staging folder; dropped without [`Staging::commit`]
//!   (an error), it removes the staging folder, and Ctrl-C removes it too ([`on_interrupt`]).
//! - [`Staging::commit`] checks every target, takes the old marker away, removes the old set's
//!   files the new one does not have, moves the staged files into place and writes the marker.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::error::SlantError;

/// The marker file, written last.
pub const MARKER: &str = "run.json";
/// The marker's map of file (relative, `/`-separated) to SHA-256.
pub const FILES_KEY: &str = "files";
/// Staging folders are named this, then the process id.
pub const STAGING_PREFIX: &str = ".slant-staging-";

/// Files earlier versions wrote and a new set may lack: removed when the new set does not have
/// them, so that an old `errors.csv` does not sit beside a run without errors.
const OPTIONAL_FILES: &[&str] =
    &["errors.csv", "errors.parquet", "fingerprints.csv", "fingerprints.parquet", crate::report::html::ARTICLES_PART];

/// Every file a chart may have: `charts/<name>.<png|svg|pdf|csv>`.
fn chart_files() -> Vec<String> {
    let names = crate::report::charts::NAMES;
    names.iter().flat_map(|n| ["png", "svg", "pdf", "csv"].map(|e| format!("charts/{n}.{e}"))).collect()
}

/// Staging folders of this process, removed by [`on_interrupt`].
static ACTIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// A folder whose files do not match its marker.
#[derive(Debug, thiserror::Error)]
pub enum SetError {
    #[error(
        "{dir}: {file} does not match the run's marker ({marker}): the file was changed after the run, or the run \
         was cut short while moving its files into place; run the command again (or, to use edited files \
         knowingly, pass --accept-changes)"
    )]
    Changed { dir: PathBuf, file: String, marker: PathBuf },
    #[error(
        "{dir}: {file} is missing, though the run's marker ({marker}) lists it: the run was cut short or the file \
         was removed; run the command again"
    )]
    Missing { dir: PathBuf, file: String, marker: PathBuf },
    #[error(
        "{dir}: the run that wrote this folder was cut short ({staging} remains and {MARKER} is missing): run the \
         command again"
    )]
    CutShort { dir: PathBuf, staging: PathBuf },
    #[error("{path}: {message}")]
    Marker { path: PathBuf, message: String },
    #[error("cannot read {path}: {source}")]
    Read { path: PathBuf, source: std::io::Error },
    #[error(transparent)]
    Report(#[from] crate::report::ReportError),
    #[error(transparent)]
    Slant(#[from] SlantError),
}

/// SHA-256 of a file, in hex.
pub fn file_sha256(path: &Path) -> std::io::Result<String> {
    let mut f = std::fs::File::open(path)?;
    let mut h = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = f.read(&mut buf)?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(crate::ingest::hex(&h.finalize()))
}

/// The marker's `files` map of `dir`, when it has a marker that holds one.
pub fn marked_files(dir: &Path) -> Result<Option<BTreeMap<String, String>>, SetError> {
    let path = dir.join(MARKER);
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(SetError::Read { path, source: e }),
    };
    let v: Value =
        serde_json::from_str(&text).map_err(|e| SetError::Marker { path: path.clone(), message: e.to_string() })?;
    let Some(files) = v.get(FILES_KEY) else { return Ok(None) };
    let Some(map) = files.as_object() else {
        return Err(SetError::Marker { path, message: format!("'{FILES_KEY}' is not an object") });
    };
    let mut out = BTreeMap::new();
    for (k, v) in map {
        let Some(h) = v.as_str() else {
            return Err(SetError::Marker { path, message: format!("'{FILES_KEY}': the hash of {k} is not a string") });
        };
        if k.split('/').any(|part| part.is_empty() || part == "." || part == "..") {
            return Err(SetError::Marker {
                path,
                message: format!("'{FILES_KEY}': {k} is not a file inside the folder"),
            });
        }
        out.insert(k.clone(), h.to_string());
    }
    Ok(Some(out))
}

/// Checks that every file `dir`'s marker lists is there with the hash it lists; a folder without
/// a marker passes (a Spark job's tables, a folder of an earlier version) unless a staging
/// folder shows a run was cut short while moving its files.
pub fn verify(dir: &Path) -> Result<(), SetError> {
    let marker = dir.join(MARKER);
    let Some(files) = marked_files(dir)? else {
        if !marker.exists() {
            if let Some(staging) = leftovers(dir).into_iter().find(|p| p.is_dir()) {
                return Err(SetError::CutShort { dir: dir.to_path_buf(), staging });
            }
        }
        return Ok(());
    };
    for (file, hash) in files {
        let path = dir.join(&file);
        match file_sha256(&path) {
            Ok(h) if h == hash => {}
            Ok(_) => return Err(SetError::Changed { dir: dir.to_path_buf(), file, marker }),
            // a table kept in one of its two formats only (CSV files removed to save space)
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && other_format(dir, &file) => {}
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(SetError::Missing { dir: dir.to_path_buf(), file, marker })
            }
            Err(e) => return Err(SetError::Read { path, source: e }),
        }
    }
    Ok(())
}

/// Whether the table `file` (`x.csv` or `x.parquet`) is in `dir` in its other format.
fn other_format(dir: &Path, file: &str) -> bool {
    let other = if let Some(stem) = file.strip_suffix(".csv") {
        format!("{stem}.parquet")
    } else if let Some(stem) = file.strip_suffix(".parquet") {
        format!("{stem}.csv")
    } else {
        return false;
    };
    !file.contains('/') && dir.join(other).is_file()
}

/// What a run cut short left in `dir`: staging folders, and temporary files (`.name.tmp.ext`)
/// at the top level and in `charts/`.
pub fn leftovers(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for d in [dir.to_path_buf(), dir.join("charts")] {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            let staging = d == dir && name.starts_with(STAGING_PREFIX);
            let temp = name.starts_with('.') && (name.contains(".tmp.") || name.ends_with(".tmp"));
            if staging || temp {
                found.push(e.path());
            }
        }
    }
    found.sort();
    found
}

/// Removes what [`leftovers`] finds; returns how many it removed.
pub fn sweep(dir: &Path) -> Result<usize, SlantError> {
    let found = leftovers(dir);
    for p in &found {
        let r = if p.is_dir() { std::fs::remove_dir_all(p) } else { std::fs::remove_file(p) };
        match r {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                return Err(SlantError::Write { path: p.clone(), source: e })
            }
            _ => {}
        }
    }
    Ok(found.len())
}

/// Removes the staging folders of this process (called on Ctrl-C, before the process exits).
pub fn on_interrupt() {
    let dirs = ACTIVE.lock().map(|v| v.clone()).unwrap_or_default();
    for d in dirs {
        // a writer may still add a file while the folder goes: try a few times
        for _ in 0..5 {
            if std::fs::remove_dir_all(&d).is_ok() || !d.exists() {
                break;
            }
        }
    }
}

/// The files `slant chart` draws (those of [`crate::report::render_to`]): the charts,
/// `groups.csv`, `compare.csv` and `report.html`.
fn drawn_by_chart(file: &str) -> bool {
    file.starts_with("charts/") || matches!(file, "groups.csv" | "compare.csv" | "report.html")
}

/// `slant chart DIR [--out DIR2]`: checks `dir` against its marker (unless `accept_changes`),
/// draws the charts, `groups.csv`, `compare.csv` and `report.html` from its tables into a
/// staging folder and moves them into `out` (default `dir`); in `dir` itself, the marker is
/// written again with the new files (the tables keep the hashes the run gave them).
pub fn redraw(
    dir: &Path,
    out: Option<&Path>,
    opts: &crate::report::ReportOptions,
    accept_changes: bool,
) -> Result<crate::report::Rendered, SetError> {
    if !accept_changes {
        verify(dir)?;
    }
    let out = out.unwrap_or(dir);
    let in_place =
        out == dir || std::fs::canonicalize(out).ok().zip(std::fs::canonicalize(dir).ok()).is_some_and(|(a, b)| a == b);
    let staging = Staging::begin(out)?;
    let mut drawn = crate::report::render_to(dir, staging.dir(), opts)?;
    let (marker, carried) = match (in_place, marked_files(dir)?) {
        (true, Some(old)) => {
            let path = dir.join(MARKER);
            let text =
                std::fs::read_to_string(&path).map_err(|source| SetError::Read { path: path.clone(), source })?;
            let marker: Value =
                serde_json::from_str(&text).map_err(|e| SetError::Marker { path, message: e.to_string() })?;
            let carried = old.into_iter().filter(|(f, _)| !drawn_by_chart(f)).collect();
            (Some(marker), carried)
        }
        _ => (None, BTreeMap::new()),
    };
    if spreadsheet_safe(dir) {
        crate::output::formulas::neutralise_folder(staging.dir())?;
    }
    let staged = staging.dir().to_path_buf();
    staging.commit_with(marker, carried)?;
    // the files where they are now, in `out` rather than in the staging folder
    for p in &mut drawn.files {
        if let Ok(rel) = p.strip_prefix(&staged) {
            *p = out.join(rel);
        }
    }
    Ok(drawn)
}

/// Whether the run that wrote `dir` neutralised spreadsheet formulas (`--spreadsheet-safe`,
/// in its `run.json`): the files drawn from it again are written the same way.
pub fn spreadsheet_safe(dir: &Path) -> bool {
    let Ok(text) = std::fs::read_to_string(dir.join(MARKER)) else { return false };
    serde_json::from_str::<Value>(&text).is_ok_and(|v| v["options"]["spreadsheet_safe"] == Value::Bool(true))
}

/// A staging folder inside an output folder.
#[derive(Debug)]
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    committed: bool,
    /// Files are being moved and the folder has no marker: a failure from here keeps the
    /// staging folder, so readers see the run was cut short.
    moving: bool,
}

impl Staging {
    /// Makes `out` when missing, sweeps what an earlier run cut short left there, and makes a
    /// fresh staging folder inside it.
    pub fn begin(out: &Path) -> Result<Staging, SlantError> {
        let werr = |p: &Path| {
            let p = p.to_path_buf();
            move |source| SlantError::Write { path: p.clone(), source }
        };
        std::fs::create_dir_all(out).map_err(werr(out))?;
        sweep(out)?;
        let dir = out.join(format!("{STAGING_PREFIX}{}", std::process::id()));
        std::fs::create_dir(&dir).map_err(werr(&dir))?;
        if let Ok(mut v) = ACTIVE.lock() {
            v.push(dir.clone());
        }
        Ok(Staging { out: out.to_path_buf(), dir, committed: false, moving: false })
    }

    /// Where the set is written.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The staged files, relative and `/`-separated, sorted.
    fn staged(&self) -> Result<Vec<String>, SlantError> {
        let mut files = Vec::new();
        for e in walkdir::WalkDir::new(&self.dir).min_depth(1) {
            let e = e.map_err(|e| SlantError::Write { path: self.dir.clone(), source: e.into() })?;
            if e.file_type().is_file() {
                let rel = e.path().strip_prefix(&self.dir).unwrap_or(e.path());
                let parts: Vec<String> =
                    rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect();
                files.push(parts.join("/"));
            }
        }
        files.sort();
        Ok(files)
    }

    /// Moves the staged files into the output folder as one set, sealed by the staged marker
    /// (`run.json`). Returns the set's files.
    pub fn commit(self) -> Result<Vec<String>, SlantError> {
        let path = self.dir.join(MARKER);
        let text = std::fs::read_to_string(&path).map_err(|source| SlantError::Write { path: path.clone(), source })?;
        let marker = serde_json::from_str(&text)
            .map_err(|e| SlantError::Write { path: path.clone(), source: std::io::Error::other(e) })?;
        self.commit_with(Some(marker), BTreeMap::new())
    }

    /// Moves the staged files into the output folder: with `marker` (the marker's content), as
    /// one set sealed by it, `carried` being the files of the folder's earlier set that stay in
    /// the new one, with the hashes the earlier marker gave them; without, file by file and
    /// unsealed (a folder of charts apart, a folder that had no marker). Returns the files.
    pub fn commit_with(
        mut self,
        marker: Option<Value>,
        carried: BTreeMap<String, String>,
    ) -> Result<Vec<String>, SlantError> {
        let werr = |p: &Path| {
            let p = p.to_path_buf();
            move |source| SlantError::Write { path: p.clone(), source }
        };
        let staged: Vec<String> = self.staged()?.into_iter().filter(|f| f != MARKER).collect();
        // every target first: a folder or a pipe in the way stops the commit before any move
        for f in staged.iter().map(String::as_str).chain([MARKER]) {
            crate::output::output_target(&self.out.join(f))?;
        }
        let mut files = carried;
        for f in &staged {
            let h = file_sha256(&self.dir.join(f)).map_err(werr(&self.dir.join(f)))?;
            files.insert(f.clone(), h);
        }
        // the earlier set's files the new one lacks: those its marker lists, the optional
        // files of a run, and the charts not drawn this time (in any case)
        let mut stale = chart_files();
        if marker.is_some() {
            stale.extend(marked_files(&self.out).ok().flatten().into_iter().flat_map(|m| m.into_keys()));
            stale.extend(OPTIONAL_FILES.iter().map(|f| f.to_string()));
            // from here until the new marker is written the folder has none; a failure or an
            // interruption leaves the staging folder, and readers refuse the folder as cut short
            self.moving = true;
            if let Ok(mut v) = ACTIVE.lock() {
                v.retain(|d| d != &self.dir);
            }
            crate::sink::remove_if_present(&self.out.join(MARKER))?;
        }
        for f in &stale {
            if !files.contains_key(f) {
                crate::sink::remove_if_present(&self.out.join(f))?;
            }
        }
        for f in &staged {
            let to = self.out.join(f);
            if let Some(parent) = to.parent() {
                std::fs::create_dir_all(parent).map_err(werr(parent))?;
            }
            std::fs::rename(self.dir.join(f), &to).map_err(werr(&to))?;
        }
        if let Some(mut marker) = marker {
            if let Value::Object(m) = &mut marker {
                m.remove(FILES_KEY);
                let map: Map<String, Value> =
                    files.iter().map(|(k, v)| (k.clone(), Value::String(v.clone()))).collect();
                m.insert(FILES_KEY.into(), Value::Object(map));
            }
            crate::output::write_json(&self.out.join(MARKER), &marker)?;
        }
        let _ = std::fs::remove_dir_all(&self.dir);
        self.committed = true;
        Ok(files.into_keys().collect())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if let Ok(mut v) = ACTIVE.lock() {
            v.retain(|d| d != &self.dir);
        }
        if !self.committed && !self.moving {
            let _ = std::fs::remove_dir_all(&self.dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(p: &Path, s: &str) {
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, s).unwrap();
    }

    #[test]
    fn a_committed_set_verifies_and_an_edit_is_refused() {
        let t = tempfile::tempdir().unwrap();
        let out = t.path().join("out");
        let s = Staging::begin(&out).unwrap();
        write(&s.dir().join("a.csv"), "x\n1\n");
        write(&s.dir().join("charts/c.svg"), "<svg/>");
        write(&s.dir().join(MARKER), "{\"tool\": \"slant\"}");
        let files = s.commit().unwrap();
        assert_eq!(files, vec!["a.csv".to_string(), "charts/c.svg".to_string()]);
        verify(&out).unwrap();
        assert!(leftovers(&out).is_empty());
        std::fs::write(out.join("a.csv"), "x\n2\n").unwrap();
        assert!(matches!(verify(&out), Err(SetError::Changed { ref file, .. }) if file == "a.csv"));
        std::fs::write(out.join("a.csv"), "x\n1\n").unwrap();
        // a table kept as Parquet only passes; a file removed otherwise does not
        let s = Staging::begin(&out).unwrap();
        write(&s.dir().join("t.csv"), "x\n");
        write(&s.dir().join("t.parquet"), "PAR1");
        write(&s.dir().join("charts/c.svg"), "<svg/>");
        write(&s.dir().join(MARKER), "{}");
        s.commit().unwrap();
        std::fs::remove_file(out.join("t.csv")).unwrap();
        verify(&out).unwrap();
        std::fs::remove_file(out.join("charts/c.svg")).unwrap();
        assert!(matches!(verify(&out), Err(SetError::Missing { ref file, .. }) if file == "charts/c.svg"));
    }

    #[test]
    fn a_dropped_staging_leaves_the_old_set_and_nothing_else() {
        let t = tempfile::tempdir().unwrap();
        let out = t.path().to_path_buf();
        write(&out.join("a.csv"), "old\n");
        {
            let s = Staging::begin(&out).unwrap();
            write(&s.dir().join("a.csv"), "new\n");
        }
        assert_eq!(std::fs::read_to_string(out.join("a.csv")).unwrap(), "old\n");
        assert!(leftovers(&out).is_empty());
    }

    #[test]
    fn the_next_run_sweeps_what_a_killed_one_left_and_removes_the_old_sets_extra_files() {
        let t = tempfile::tempdir().unwrap();
        let out = t.path().to_path_buf();
        let s = Staging::begin(&out).unwrap();
        write(&s.dir().join("errors.csv"), "e\n");
        write(&s.dir().join("a.csv"), "a\n");
        write(&s.dir().join(MARKER), "{}");
        s.commit().unwrap();
        // a killed run: its staging folder and a temporary file stay
        write(&out.join(".slant-staging-999999/a.csv"), "half");
        write(&out.join("charts/.tone.tmp.png"), "half");
        assert!(matches!(verify(&out), Ok(())));
        std::fs::remove_file(out.join(MARKER)).unwrap();
        assert!(matches!(verify(&out), Err(SetError::CutShort { .. })));
        let s = Staging::begin(&out).unwrap();
        assert_eq!(leftovers(&out), vec![s.dir().to_path_buf()]);
        write(&s.dir().join("a.csv"), "b\n");
        write(&s.dir().join(MARKER), "{}");
        s.commit().unwrap();
        assert!(!out.join("errors.csv").exists(), "the old set's errors.csv is not part of the new one");
        // a file the old marker lists and the new set lacks goes too; files outside the set stay
        write(&out.join("notes.txt"), "mine");
        let s = Staging::begin(&out).unwrap();
        write(&s.dir().join("b.csv"), "b\n");
        write(&s.dir().join(MARKER), "{}");
        s.commit().unwrap();
        assert!(!out.join("a.csv").exists() && out.join("b.csv").exists() && out.join("notes.txt").exists());
        assert!(leftovers(&out).is_empty());
        verify(&out).unwrap();
    }

    #[test]
    fn a_folder_in_the_way_stops_the_commit_before_any_move() {
        let t = tempfile::tempdir().unwrap();
        let out = t.path().to_path_buf();
        write(&out.join("a.csv"), "old\n");
        std::fs::create_dir_all(out.join("b.csv")).unwrap();
        let s = Staging::begin(&out).unwrap();
        write(&s.dir().join("a.csv"), "new\n");
        write(&s.dir().join("b.csv"), "new\n");
        write(&s.dir().join(MARKER), "{}");
        assert!(s.commit().is_err());
        assert_eq!(std::fs::read_to_string(out.join("a.csv")).unwrap(), "old\n");
        assert!(leftovers(&out).is_empty());
    }

    #[test]
    fn a_marker_naming_a_path_outside_the_folder_is_refused() {
        let t = tempfile::tempdir().unwrap();
        write(&t.path().join(MARKER), "{\"files\": {\"../x\": \"00\"}}");
        assert!(matches!(verify(t.path()), Err(SetError::Marker { .. })));
    }
}
