//! Reading the Propaganda Techniques Corpus.
//!
//! Articles are `article<ID>.txt` files; labels are tab-separated
//! `article_id technique start end` (TC) or `article_id start end` (SI) with
//! code-point offsets into the whole file. Offsets are converted to byte ranges
//! here, so the rest of slant works in bytes as usual.

use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

use super::EvalError;
use crate::text::byte_of_char;

/// A gold span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldSpan {
    /// Byte range in the article text.
    pub bytes: Range<usize>,
    /// Technique name (`*` for SI labels, which name none).
    pub technique: String,
}

/// One PTC article with its gold spans.
#[derive(Debug, Clone)]
pub struct PtcArticle {
    pub id: String,
    pub text: String,
    pub spans: Vec<GoldSpan>,
}

/// The two techniques that loaded-language hits are scored against.
pub const LOADED_TECHNIQUES: &[&str] = &["Loaded_Language", "Name_Calling,Labeling"];

/// Loads every `article*.txt` of `dir` (sorted by id) with the spans from `labels` whose
/// technique is in `techniques` (all spans when `techniques` is empty or the file is SI).
pub fn load(dir: &Path, labels: &Path, techniques: &[&str]) -> Result<Vec<PtcArticle>, EvalError> {
    let input = |p: &Path, m: String| EvalError::Input { path: p.display().to_string(), message: m };
    let label_text = std::fs::read_to_string(labels).map_err(|e| input(labels, e.to_string()))?;
    let mut by_id: BTreeMap<String, Vec<(usize, usize, String)>> = BTreeMap::new();
    for (i, line) in label_text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let (id, tech, s, e) = match f.len() {
            4 => (f[0], f[1], f[2], f[3]),
            3 => (f[0], "*", f[1], f[2]),
            _ => return Err(input(labels, format!("line {}: expected 3 or 4 tab-separated fields", i + 1))),
        };
        let parse =
            |x: &str| x.trim().parse::<usize>().map_err(|_| input(labels, format!("line {}: bad offset '{x}'", i + 1)));
        let (s, e) = (parse(s)?, parse(e)?);
        if tech != "*" && !techniques.is_empty() && !techniques.contains(&tech) {
            continue;
        }
        by_id.entry(id.trim().to_string()).or_default().push((s, e, tech.to_string()));
    }
    let mut files: Vec<(String, std::path::PathBuf)> = std::fs::read_dir(dir)
        .map_err(|e| input(dir, e.to_string()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter_map(|p| {
            let name = p.file_name()?.to_str()?.to_string();
            let id = name.strip_prefix("article")?.strip_suffix(".txt")?.to_string();
            Some((id, p))
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(input(dir, "no article<ID>.txt files".into()));
    }
    let mut out = Vec::with_capacity(files.len());
    for (id, path) in files {
        let text = std::fs::read_to_string(&path).map_err(|e| input(&path, e.to_string()))?;
        let mut spans: Vec<GoldSpan> = by_id
            .remove(&id)
            .unwrap_or_default()
            .into_iter()
            .filter(|(s, e, _)| s < e)
            .map(|(s, e, t)| GoldSpan { bytes: byte_of_char(&text, s)..byte_of_char(&text, e), technique: t })
            .collect();
        spans.sort_by(|a, b| a.bytes.start.cmp(&b.bytes.start).then(a.bytes.end.cmp(&b.bytes.end)));
        out.push(PtcArticle { id, text, spans });
    }
    Ok(out)
}

/// Whether byte range `r` overlaps any of the (start-sorted) spans.
pub fn overlaps_any(spans: &[GoldSpan], r: &Range<usize>) -> bool {
    spans.iter().take_while(|s| s.bytes.start < r.end).any(|s| s.bytes.end > r.start)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads_code_point_offsets() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("article1.txt"), "Title “x”\n\nThe évil tyrant.\n").unwrap();
        std::fs::write(dir.path().join("labels.tsv"), "1\tName_Calling,Labeling\t20\t26\n1\tDoubt\t0\t5\n").unwrap();
        let arts = load(dir.path(), &dir.path().join("labels.tsv"), LOADED_TECHNIQUES).unwrap();
        assert_eq!(arts.len(), 1);
        assert_eq!(arts[0].spans.len(), 1);
        assert_eq!(&arts[0].text[arts[0].spans[0].bytes.clone()], "tyrant");
    }
}
