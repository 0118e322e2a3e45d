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

use std::collections::{BTreeMap, BTreeSet, HashMap};
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
        if s >= e {
            return Err(format!("span {s}..{e} is empty or reversed"));
        }
        if e >= table.len() {
            return Err(format!("offsets {s}..{e} outside the text ({} chars)", table.len() - 1));
        }
        ranges.push(table[s]..table[e]);
    }
    Ok((label.to_string(), ranges))
}

/// Whether `id` is a brat id of kind `kind` (`T12`, `E3`).
fn is_id(id: &str, kind: char) -> bool {
    id.len() > 1 && id.starts_with(kind) && id[1..].bytes().all(|b| b.is_ascii_digit())
}

/// Parses one `.ann` file against its article text. A span that is empty, reversed or outside
/// the text, an id defined twice, a relation naming an undefined id, and a `T` or `E` line whose
/// fields are not tab-separated are errors naming the line.
pub fn parse_ann(ann: &str, text: &str) -> Result<Vec<BratRelation>, String> {
    let table = char_to_byte_table(text);
    let mut spans: HashMap<&str, Vec<Range<usize>>> = HashMap::new();
    let mut events: Vec<(usize, &str)> = Vec::new();
    let mut event_ids: BTreeSet<&str> = BTreeSet::new();
    for (i, line) in ann.lines().enumerate() {
        let at = |m: String| format!("line {}: {m}", i + 1);
        let mut fields = line.split('\t');
        let (Some(id), Some(body)) = (fields.next(), fields.next()) else {
            // A line without a tab continues a span text that held a line break, unless it
            // starts like an annotation.
            let first = line.split_whitespace().next().unwrap_or("");
            if is_id(first, 'T') || is_id(first, 'E') {
                return Err(at(format!("'{first}' line without tabs (brat separates its fields with tabs)")));
            }
            continue;
        };
        if is_id(id, 'T') {
            let (_, ranges) = parse_span(body, &table).map_err(at)?;
            if spans.insert(id, ranges).is_some() {
                return Err(at(format!("{id} is defined twice")));
            }
        } else if is_id(id, 'E') {
            if !event_ids.insert(id) {
                return Err(at(format!("{id} is defined twice")));
            }
            events.push((i + 1, body));
        }
    }
    let mut out = Vec::with_capacity(events.len());
    for (line, body) in events {
        let mut rel = BratRelation::default();
        for arg in body.split_whitespace() {
            let Some((role, tid)) = arg.split_once(':') else { continue };
            let Some(ranges) = spans.get(tid) else {
                if event_ids.contains(tid) {
                    continue;
                }
                return Err(format!("line {line}: {role}:{tid} names {tid}, which is not defined"));
            };
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

/// A file's text; bytes that are not UTF-8 are an error saying where.
fn read_utf8(path: &Path) -> Result<String, EvalError> {
    let bytes = std::fs::read(path).map_err(|e| input_err(path, e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = crate::text::line_of_byte(e.as_bytes(), at);
        input_err(path, format!("not UTF-8: invalid bytes at byte {at} (line {line})"))
    })
}

/// A PolNeAR-style folder: its articles with their gold relations, and what did not pair up.
#[derive(Debug, Clone, Default)]
pub struct BratSet {
    pub docs: Vec<BratDoc>,
    /// Texts without an annotation file and annotation files without a text, one line each.
    pub warnings: Vec<String>,
}

/// Loads `dir/text/*.txt` with the relations of `dir/attributions/<stem>_<annotator>.ann`
/// (or `<stem>.ann`; the first annotator file in sorted order), sorted by id. A text without
/// an annotation file has no relations and an annotation file without a text is left out,
/// each with a warning.
pub fn load_dir(dir: &Path) -> Result<BratSet, EvalError> {
    let texts = list(&dir.join("text"), "txt")?;
    if texts.is_empty() {
        return Err(input_err(&dir.join("text"), "no .txt files".into()));
    }
    let ids: BTreeSet<String> =
        texts.iter().filter_map(|p| p.file_stem().and_then(|s| s.to_str())).map(String::from).collect();
    let mut anns: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut orphans: Vec<String> = Vec::new();
    for p in list(&dir.join("attributions"), "ann")? {
        let Some(stem) = p.file_stem().and_then(|s| s.to_str()) else { continue };
        let article = if ids.contains(stem) { stem } else { stem.rsplit_once('_').map_or(stem, |(a, _)| a) };
        if ids.contains(article) {
            anns.entry(article.to_string()).or_insert(p);
        } else {
            orphans.push(p.display().to_string());
        }
    }
    let mut warnings = Vec::new();
    let unannotated: Vec<&str> = ids.iter().filter(|id| !anns.contains_key(*id)).map(String::as_str).collect();
    if !unannotated.is_empty() {
        warnings.push(format!(
            "{} texts have no .ann file and are scored as holding no attribution: {}",
            unannotated.len(),
            unannotated.join(", ")
        ));
    }
    if !orphans.is_empty() {
        warnings.push(format!("{} .ann files have no text and were left out: {}", orphans.len(), orphans.join(", ")));
    }
    let mut docs = Vec::with_capacity(texts.len());
    for path in texts {
        let id = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_string();
        let text = read_utf8(&path)?;
        let relations = match anns.get(&id) {
            Some(ann_path) => parse_ann(&read_utf8(ann_path)?, &text).map_err(|m| input_err(ann_path, m))?,
            None => Vec::new(),
        };
        docs.push(BratDoc { id, text, relations });
    }
    docs.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(BratSet { docs, warnings })
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
        let set = load_dir(dir.path()).unwrap();
        assert_eq!(set.warnings.len(), 1, "y has no .ann: {:?}", set.warnings);
        let docs = set.docs;
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
        let err = |ann: &str| parse_ann(ann, "short text").unwrap_err();
        assert_eq!(err("T1\tCue 1 2\tx\nE1\tCue:T9\n"), "line 2: Cue:T9 names T9, which is not defined");
        assert_eq!(err("T1\tCue 3 3\tx\n"), "line 1: span 3..3 is empty or reversed");
        assert_eq!(err("T1\tCue 3 1\tx\n"), "line 1: span 3..1 is empty or reversed");
        assert_eq!(err("T1\tCue 0 1\tx\nT1\tCue 2 3\ty\n"), "line 2: T1 is defined twice");
        assert!(err("T1 Cue 0 5 short\n").contains("line 1: 'T1' line without tabs"));
        // a span text holding a line break continues on a line without tabs; events may name events
        let ok = parse_ann("T1\tCue 0 5\tshort\nnext\nE1\tCue:T1\nE2\tCue:T1 Attribution:E1\n", "short text");
        assert_eq!(ok.unwrap().len(), 2);
    }
}
