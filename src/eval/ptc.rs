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

/// A PTC folder with its gold spans, and what in the labels file did not fit it.
#[derive(Debug, Clone)]
pub struct PtcSet {
    pub articles: Vec<PtcArticle>,
    /// Labels that were left out, one line each (labels of articles not in the folder).
    pub warnings: Vec<String>,
}

/// Loads every `article*.txt` of `dir` (sorted by id) with the spans from `labels` whose
/// technique is in `techniques` (all spans when `techniques` is empty or the file is SI).
/// A label with an empty or reversed span, or one that ends past its article's end, is an
/// error naming its line. Labels of articles not in `dir` are left out with a warning, and a
/// labels file none of whose labels names an article of `dir` (another split's labels, say)
/// gets a warning of its own.
pub fn load(dir: &Path, labels: &Path, techniques: &[&str]) -> Result<PtcSet, EvalError> {
    let input = |p: &Path, m: String| EvalError::Input { path: p.display().to_string(), message: m };
    let label_text = std::fs::read_to_string(labels).map_err(|e| input(labels, e.to_string()))?;
    let label_text = label_text.strip_prefix('\u{feff}').unwrap_or(&label_text);
    // article id -> (start, end, technique, line)
    let mut by_id: BTreeMap<String, Vec<(usize, usize, String, usize)>> = BTreeMap::new();
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
        if s >= e {
            return Err(input(labels, format!("line {}: span {s}-{e} is empty or reversed", i + 1)));
        }
        if tech != "*" && !techniques.is_empty() && !techniques.contains(&tech) {
            continue;
        }
        by_id.entry(id.trim().to_string()).or_default().push((s, e, tech.to_string(), i + 1));
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
    let labelled = by_id.len();
    let mut articles = Vec::with_capacity(files.len());
    for (id, path) in files {
        let text = std::fs::read_to_string(&path).map_err(|e| input(&path, e.to_string()))?;
        let chars = text.chars().count();
        let mut spans = Vec::new();
        for (s, e, technique, line) in by_id.remove(&id).unwrap_or_default() {
            if e > chars {
                return Err(input(
                    labels,
                    format!("line {line}: span {s}-{e} ends past the end of article {id} ({chars} characters)"),
                ));
            }
            spans.push(GoldSpan { bytes: byte_of_char(&text, s)..byte_of_char(&text, e), technique });
        }
        spans.sort_by(|a, b| a.bytes.start.cmp(&b.bytes.start).then(a.bytes.end.cmp(&b.bytes.end)));
        articles.push(PtcArticle { id, text, spans });
    }
    let mut warnings = Vec::new();
    if labelled > 0 && by_id.len() == labelled {
        warnings.push(format!(
            "{}: none of its labels names an article of {}, so every article has 0 gold spans: \
             is it the labels file of another folder?",
            labels.display(),
            dir.display()
        ));
    }
    if labelled == 0 {
        let which = if techniques.is_empty() { "any technique".to_string() } else { techniques.join(" or ") };
        warnings.push(format!("{}: no labels of {which}: every article has 0 gold spans", labels.display()));
    }
    if !by_id.is_empty() {
        let n: usize = by_id.values().map(Vec::len).sum();
        let ids: Vec<&str> = by_id.keys().take(3).map(String::as_str).collect();
        warnings.push(format!(
            "{}: {n} labels of {} articles not in {} were left out ({}{})",
            labels.display(),
            by_id.len(),
            dir.display(),
            ids.join(", "),
            if by_id.len() > 3 { ", ..." } else { "" }
        ));
    }
    Ok(PtcSet { articles, warnings })
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
        let arts = load(dir.path(), &dir.path().join("labels.tsv"), LOADED_TECHNIQUES).unwrap().articles;
        assert_eq!(arts.len(), 1);
        assert_eq!(arts[0].spans.len(), 1);
        assert_eq!(&arts[0].text[arts[0].spans[0].bytes.clone()], "tyrant");
    }

    #[test]
    fn labels_that_do_not_fit_the_articles_are_refused_or_reported() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("article1.txt"), "The évil tyrant.\n").unwrap();
        let labels = dir.path().join("labels.tsv");
        let try_load = |text: &str| {
            std::fs::write(&labels, text).unwrap();
            load(dir.path(), &labels, LOADED_TECHNIQUES)
        };
        let err = |text: &str| try_load(text).unwrap_err().to_string();
        let e = err("1\tLoaded_Language\t4\t8\n1\tLoaded_Language\t9\t9\n");
        assert!(e.contains("line 2: span 9-9 is empty or reversed"), "{e}");
        let e = err("1\tLoaded_Language\t10\t4\n");
        assert!(e.contains("line 1: span 10-4"), "{e}");
        let e = err("1\tName_Calling,Labeling\t4\t99999\n");
        assert!(e.contains("line 1: span 4-99999 ends past the end of article 1 (17 characters)"), "{e}");
        let set = try_load("7\tLoaded_Language\t0\t3\n8\tLoaded_Language\t0\t3\n").unwrap();
        assert!(set.warnings[0].contains("none of its labels names an article"), "{:?}", set.warnings);
        assert!(set.warnings[1].contains("2 labels of 2 articles not in") && set.warnings[1].contains("7, 8"));
        let set = try_load("1\tLoaded_Language\t4\t8\n7\tLoaded_Language\t0\t3\n7\tLoaded_Language\t4\t5\n").unwrap();
        assert_eq!(set.articles[0].spans.len(), 1);
        assert_eq!(set.warnings.len(), 1);
        assert!(set.warnings[0].contains("2 labels of 1 articles not in"), "{:?}", set.warnings);
        let set = try_load("\u{feff}1\tLoaded_Language\t4\t8\n").unwrap();
        assert_eq!(
            (set.articles[0].spans.len(), set.warnings.len()),
            (1, 0),
            "a byte order mark is not part of the id"
        );
        let set = try_load("1\tDoubt\t0\t3\n").unwrap();
        assert!(
            set.warnings[0].contains("no labels of Loaded_Language or Name_Calling,Labeling"),
            "{:?}",
            set.warnings
        );
    }
}
