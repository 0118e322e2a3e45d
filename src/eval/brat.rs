//! Reading brat standoff attribution annotations (PolNeAR).
//!
//! A corpus folder holds `text/<stem>.txt` and `attributions/<stem>_<annotator>.ann`. Offsets in
//! `.ann` files count Unicode code points; they are converted to byte ranges here so the rest of
//! slant works in bytes. A discontinuous span (`start end;start end`) keeps one range per
//! fragment. When an article has several annotator files, the first in sorted file-name order is
//! used.
//!
//! Only `T` (text-bound span) and `E` (event: one attribution relation) lines are read; span
//! text is ignored (it may hold a newline, which breaks the line) and recovered from the `.txt`.
//! The roles `Source`, `Cue`, `Content` and `Content2` are kept; the anchor roles `Attribution`
//! and `Attribution-no-source` duplicate the cue and are not.

use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};

use super::EvalError;

/// One gold attribution relation. Every span is a list of byte ranges (one per fragment).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BratRelation {
    pub source: Option<Vec<Range<usize>>>,
    pub cue: Option<Vec<Range<usize>>>,
    pub content: Vec<Vec<Range<usize>>>,
}

/// One article with its gold relations.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BratDoc {
    /// The text file's stem.
    pub id: String,
    pub text: String,
    pub relations: Vec<BratRelation>,
}

fn input_err(path: &Path, message: String) -> EvalError {
    EvalError::Input { path: path.display().to_string(), message }
}

/// Byte offset of every char index of `text`, plus `text.len()` at the end.
fn char_to_byte_table(text: &str) -> Vec<usize> {
    let mut t: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    t.push(text.len());
    t
}

/// Parses `label s e[;s e...]` (the middle field of a `T` line) into a label and byte ranges.
fn parse_span(field: &str, table: &[usize]) -> Result<(String, Vec<Range<usize>>), String> {
    let (label, offsets) = field.split_once(' ').ok_or_else(|| format!("no offsets in '{field}'"))?;
    let mut ranges = Vec::new();
    for frag in offsets.split(';') {
        let mut it = frag.split_whitespace();
        let (Some(s), Some(e), None) = (it.next(), it.next(), it.next()) else {
            return Err(format!("bad fragment '{frag}'"));
        };
        let parse = |x: &str| x.parse::<usize>().map_err(|_| format!("bad offset '{x}'"));
        let (s, e) = (parse(s)?, parse(e)?);
        if s > e || e >= table.len() {
            return Err(format!("offsets {s}..{e} outside the text ({} chars)", table.len() - 1));
        }
        ranges.push(table[s]..table[e]);
    }
    Ok((label.to_string(), ranges))
}

/// Parses one `.ann` file against its article text.
pub fn parse_ann(ann: &str, text: &str) -> Result<Vec<BratRelation>, String> {
    let table = char_to_byte_table(text);
    let mut spans: HashMap<&str, Vec<Range<usize>>> = HashMap::new();
    let mut events: Vec<&str> = Vec::new();
    for (i, line) in ann.lines().enumerate() {
        let mut fields = line.split('\t');
        let (Some(id), Some(body)) = (fields.next(), fields.next()) else { continue };
        let is_id = |p: char| id.len() > 1 && id.starts_with(p) && id[1..].bytes().all(|b| b.is_ascii_digit());
        if is_id('T') {
            let (_, ranges) = parse_span(body, &table).map_err(|m| format!("line {}: {m}", i + 1))?;
            spans.insert(id, ranges);
        } else if is_id('E') {
            events.push(body);
        }
    }
    let mut out = Vec::with_capacity(events.len());
    for body in events {
        let mut rel = BratRelation::default();
        for arg in body.split_whitespace() {
            let Some((role, tid)) = arg.split_once(':') else { continue };
            let Some(ranges) = spans.get(tid) else { continue };
            match role {
                "Source" => rel.source = Some(ranges.clone()),
                "Cue" => rel.cue = Some(ranges.clone()),
                r if r.starts_with("Content") => rel.content.push(ranges.clone()),
                _ => {}
            }
        }
        out.push(rel);
    }
    Ok(out)
}

fn list(dir: &Path, ext: &str) -> Result<Vec<PathBuf>, EvalError> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| input_err(dir, e.to_string()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().and_then(|x| x.to_str()) == Some(ext))
        .collect();
    v.sort();
    Ok(v)
}

/// Loads `dir/text/*.txt` with the relations of `dir/attributions/<stem>_<annotator>.ann`
/// (the first annotator file in sorted order), sorted by id. An article without any
/// annotation file has no relations.
pub fn load_dir(dir: &Path) -> Result<Vec<BratDoc>, EvalError> {
    let texts = list(&dir.join("text"), "txt")?;
    if texts.is_empty() {
        return Err(input_err(&dir.join("text"), "no .txt files".into()));
    }
    let mut anns: BTreeMap<String, PathBuf> = BTreeMap::new();
    for p in list(&dir.join("attributions"), "ann")? {
        let Some(stem) = p.file_stem().and_then(|s| s.to_str()) else { continue };
        let article = stem.rsplit_once('_').map_or(stem, |(a, _)| a).to_string();
        anns.entry(article).or_insert(p);
    }
    let mut docs = Vec::with_capacity(texts.len());
    for path in texts {
        let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let text = std::fs::read_to_string(&path).map_err(|e| input_err(&path, e.to_string()))?;
        let relations = match anns.get(&id) {
            Some(ann_path) => {
                let ann = std::fs::read_to_string(ann_path).map_err(|e| input_err(ann_path, e.to_string()))?;
                parse_ann(&ann, &text).map_err(|m| input_err(ann_path, m))?
            }
            None => Vec::new(),
        };
        docs.push(BratDoc { id, text, relations });
    }
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_code_points_split_spans_and_first_annotator() {
        let dir = tempfile::tempdir().unwrap();
        let (t, a) = (dir.path().join("text"), dir.path().join("attributions"));
        std::fs::create_dir_all(&t).unwrap();
        std::fs::create_dir_all(&a).unwrap();
        let text = "“Nö way,” Kim said, “not\nnow.”\n";
        std::fs::write(t.join("x_2016_a.txt"), text).unwrap();
        std::fs::write(t.join("y.txt"), "Nothing here.\n").unwrap();
        // In code points: “Nö way,” is 0..9, Kim 10..13, said 14..18, “not\nnow.” 20..30.
        let ann = "T1\tSource 10 13\tKim\nT2\tCue 14 18\tsaid\nT3\tContent 0 9;20 30\t“Nö way,” “not\nnow.”\nT4\tAttribution 14 18\tsaid\nE1\tAttribution:T4 Source:T1 Cue:T2 Content:T3\n#1\tAnnotatorNotes T1\tnote\nnow.”\n";
        std::fs::write(a.join("x_2016_a_4b22.ann"), ann).unwrap();
        std::fs::write(a.join("x_2016_a_d473.ann"), "T1\tCue 0 1\t“\nE1\tCue:T1\n").unwrap();
        let docs = load_dir(dir.path()).unwrap();
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].id, "x_2016_a");
        assert!(docs[1].relations.is_empty());
        let d = &docs[0];
        assert_eq!(d.relations.len(), 1);
        let r = &d.relations[0];
        assert_eq!(&d.text[r.source.as_ref().unwrap()[0].clone()], "Kim");
        assert_eq!(&d.text[r.cue.as_ref().unwrap()[0].clone()], "said");
        assert_eq!(r.content.len(), 1);
        assert_eq!(&d.text[r.content[0][0].clone()], "“Nö way,”");
        assert_eq!(&d.text[r.content[0][1].clone()], "“not\nnow.”");
    }

    #[test]
    fn bad_offsets_are_errors() {
        assert!(parse_ann("T1\tCue 0 99\tx\n", "short").is_err());
        assert!(parse_ann("T1\tCue 3 1\tx\n", "short").is_err());
        assert!(parse_ann("T1\tCue x 1\tx\n", "short").is_err());
        assert_eq!(parse_ann("E1\tCue:T9\n", "short").unwrap(), vec![BratRelation::default()]);
    }
}
