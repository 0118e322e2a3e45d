//! Helpers for end-to-end tests that run the real binary in a temporary folder.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

pub fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_slant"))
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `slant analyze ARGS --out OUT -q` and returns the process output.
pub fn analyze(args: &[&str], out: &Path) -> Output {
    bin().arg("analyze").args(args).arg("--out").arg(out).arg("-q").stdin(Stdio::null()).output().expect("run slant")
}

/// Reads a CSV file into header + rows.
pub fn read_csv(path: &Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::Reader::from_path(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r.records().map(|x| x.unwrap().iter().map(String::from).collect()).collect();
    (header, rows)
}

/// Column `name` of every row.
pub fn column(path: &Path, name: &str) -> Vec<String> {
    let (h, rows) = read_csv(path);
    let i = h.iter().position(|c| c == name).unwrap_or_else(|| panic!("no column {name} in {h:?}"));
    rows.into_iter().map(|r| r[i].clone()).collect()
}

/// Copies the example corpus into `dir/in` and returns that folder.
pub fn copy_examples(dir: &Path) -> PathBuf {
    let inp = dir.join("in");
    std::fs::create_dir(&inp).unwrap();
    for f in std::fs::read_dir(root().join("data/examples")).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, inp.join(f.file_name().unwrap())).unwrap();
    }
    inp
}

/// Folders `f0` and `f1` under `root`, each holding a file `name` with its own text.
pub fn folders_with_one_name(root: &std::path::Path, name: &str, texts: [&str; 2]) -> [std::path::PathBuf; 2] {
    [0, 1].map(|k| {
        let d = root.join(format!("f{k}"));
        std::fs::create_dir(&d).unwrap();
        std::fs::write(d.join(name), texts[k]).unwrap();
        d
    })
}
