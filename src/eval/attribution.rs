//! Scoring attribution extraction against gold brat relations (PolNeAR).
//!
//! Cues and sources are scored as spans, each way:
//! - precision: share of predicted spans that match some gold span;
//! - recall: share of gold spans matched by some predicted span;
//! - *exact* match: same start and end; a split gold span matches either on its covering range
//!   (first fragment's start to last fragment's end) or on any one fragment;
//! - *overlap* match: at least one shared byte with a fragment of the gold span.
//!
//! Identical spans are counted once on both sides (a source shared by two cues is one span).
//! Only relations with a `Source` give gold sources, and only predictions with a source are
//! source predictions.
//!
//! Contents are scored as spans under the overlap rule (a content in parts is one span of
//! several fragments, as a gold content is), and by their characters: the
//! non-space characters inside some predicted content (precision's base) or some gold content
//! fragment (recall's base), and how many of them are inside both. The characters say how well
//! the content's ends are placed, which overlap alone does not.

use std::ops::Range;

use rayon::prelude::*;
use serde::Serialize;

use super::brat::BratDoc;
use super::f1;
use crate::attribution::extract::Attribution;

/// Precision, recall and F1 of one span type under one matching rule.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct PrF {
    pub predicted: usize,
    pub gold: usize,
    pub matched_predicted: usize,
    pub matched_gold: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl PrF {
    fn add(&mut self, o: &PrF) {
        self.predicted += o.predicted;
        self.gold += o.gold;
        self.matched_predicted += o.matched_predicted;
        self.matched_gold += o.matched_gold;
    }

    fn finish(&mut self) {
        self.precision = ratio(self.matched_predicted, self.predicted);
        self.recall = ratio(self.matched_gold, self.gold);
        self.f1 = f1(self.precision, self.recall);
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Cue, source and content scores over a set of documents.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct AttrScore {
    pub documents: usize,
    pub cue_exact: PrF,
    pub cue_overlap: PrF,
    pub source_exact: PrF,
    pub source_overlap: PrF,
    pub content_overlap: PrF,
    /// Counts are non-space characters, not spans.
    pub content_chars: PrF,
}

impl AttrScore {
    /// Every score, in the order [`score_doc`] counts them.
    fn parts(&mut self) -> [&mut PrF; 6] {
        [
            &mut self.cue_exact,
            &mut self.cue_overlap,
            &mut self.source_exact,
            &mut self.source_overlap,
            &mut self.content_overlap,
            &mut self.content_chars,
        ]
    }
}

fn exact(p: &Range<usize>, g: &[Range<usize>]) -> bool {
    let cover = g.first().map(|f| f.start).unwrap_or(0)..g.last().map(|f| f.end).unwrap_or(0);
    *p == cover || g.iter().any(|f| f == p)
}

fn overlap(p: &Range<usize>, g: &[Range<usize>]) -> bool {
    g.iter().any(|f| f.start < p.end && p.start < f.end)
}

/// Counts (without the ratios) of `pred` against `gold` under `matches`.
fn count<P>(pred: &[P], gold: &[Vec<Range<usize>>], matches: impl Fn(&P, &[Range<usize>]) -> bool) -> PrF {
    PrF {
        predicted: pred.len(),
        gold: gold.len(),
        matched_predicted: pred.iter().filter(|p| gold.iter().any(|g| matches(p, g))).count(),
        matched_gold: gold.iter().filter(|g| pred.iter().any(|p| matches(p, g))).count(),
        ..Default::default()
    }
}

fn dedup<T: Ord>(mut v: Vec<T>) -> Vec<T> {
    v.sort();
    v.dedup();
    v
}

/// Sorted, disjoint ranges covering the same bytes as `v`.
fn merged(mut v: Vec<Range<usize>>) -> Vec<Range<usize>> {
    v.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(v.len());
    for r in v.into_iter().filter(|r| r.start < r.end) {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Non-space characters of `text` inside the merged ranges `v`.
fn ink(text: &str, v: &[Range<usize>]) -> usize {
    v.iter().map(|r| text.get(r.clone()).map_or(0, |t| t.chars().filter(|c| !c.is_whitespace()).count())).sum()
}

/// Character counts of predicted against gold content (see the module's notes).
fn content_chars(text: &str, pred: &[Range<usize>], gold: &[Vec<Range<usize>>]) -> PrF {
    let p = merged(pred.to_vec());
    let g = merged(gold.iter().flatten().cloned().collect());
    let both: Vec<Range<usize>> = p
        .iter()
        .flat_map(|a| {
            g.iter().filter(|b| b.start < a.end && a.start < b.end).map(|b| a.start.max(b.start)..a.end.min(b.end))
        })
        .collect();
    let matched = ink(text, &both);
    PrF {
        predicted: ink(text, &p),
        gold: ink(text, &g),
        matched_predicted: matched,
        matched_gold: matched,
        ..Default::default()
    }
}

fn score_doc(doc: &BratDoc, extract: &(dyn Fn(&str) -> Vec<Attribution> + Sync)) -> [PrF; 6] {
    let found = extract(&doc.text);
    let pred_cues = dedup(found.iter().map(|a| a.cue.clone()).map(|r| (r.start, r.end)).collect())
        .into_iter()
        .map(|(s, e)| s..e)
        .collect::<Vec<_>>();
    let pred_sources = dedup(found.iter().filter_map(|a| a.source.clone()).map(|r| (r.start, r.end)).collect())
        .into_iter()
        .map(|(s, e)| s..e)
        .collect::<Vec<_>>();
    let key = |v: &Vec<Range<usize>>| v.iter().map(|r| (r.start, r.end)).collect::<Vec<_>>();
    let back = |v: Vec<(usize, usize)>| v.into_iter().map(|(s, e)| s..e).collect::<Vec<_>>();
    let gold_cues: Vec<Vec<Range<usize>>> =
        dedup(doc.relations.iter().filter_map(|r| r.cue.as_ref()).map(key).collect()).into_iter().map(back).collect();
    let gold_sources: Vec<Vec<Range<usize>>> =
        dedup(doc.relations.iter().filter_map(|r| r.source.as_ref()).map(key).collect())
            .into_iter()
            .map(back)
            .collect();
    // a content in parts is one span of several fragments, as gold contents are
    let pred_contents: Vec<Vec<Range<usize>>> = dedup(
        found
            .iter()
            .map(|a| a.parts().map(|r| (r.start, r.end)).collect::<Vec<_>>())
            .filter(|v| !v.is_empty())
            .collect(),
    )
    .into_iter()
    .map(back)
    .collect();
    let pred_content_chars: Vec<Range<usize>> = pred_contents.iter().flatten().cloned().collect();
    let gold_contents: Vec<Vec<Range<usize>>> =
        dedup(doc.relations.iter().flat_map(|r| r.content.iter()).map(key).collect()).into_iter().map(back).collect();
    [
        count(&pred_cues, &gold_cues, exact),
        count(&pred_cues, &gold_cues, overlap),
        count(&pred_sources, &gold_sources, exact),
        count(&pred_sources, &gold_sources, overlap),
        // (a content in parts overlaps when any of its parts does)
        count(&pred_contents, &gold_contents, |p: &Vec<Range<usize>>, g| p.iter().any(|f| overlap(f, g))),
        content_chars(&doc.text, &pred_content_chars, &gold_contents),
    ]
}

/// Scores `extract` (text in, attributions with byte ranges out) on `docs`.
pub fn score(docs: &[BratDoc], extract: &(dyn Fn(&str) -> Vec<Attribution> + Sync)) -> AttrScore {
    let per: Vec<[PrF; 6]> = docs.par_iter().map(|d| score_doc(d, extract)).collect();
    let mut s = AttrScore { documents: docs.len(), ..Default::default() };
    for p in &per {
        for (x, y) in s.parts().into_iter().zip(p) {
            x.add(y);
        }
    }
    s.parts().into_iter().for_each(PrF::finish);
    s
}

/// Reporting verbs of the baseline.
const BASELINE_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "wrote",
    "writes",
    "asked",
    "noted",
    "stated",
    "claimed",
    "claims",
    "argued",
    "explained",
    "announced",
    "reported",
    "tweeted",
    "insisted",
    "warned",
    "according",
];

/// The reference baseline: every word of a fixed verb list is a cue (`according` takes the
/// following `to`), and the run of capitalised words right before it (whitespace only between)
/// is its source.
pub fn baseline_extract(text: &str) -> Vec<Attribution> {
    let mut words: Vec<Range<usize>> = Vec::new();
    crate::text::tokens::for_each_word(text, 0..text.len(), |s, e| words.push(s..e));
    let capital = |r: &Range<usize>| text[r.clone()].chars().next().is_some_and(char::is_uppercase);
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        let lower = text[w.clone()].to_lowercase();
        if !BASELINE_VERBS.contains(&lower.as_str()) {
            continue;
        }
        let mut cue = w.clone();
        if lower == "according" {
            match words.get(i + 1) {
                Some(n) if text[n.clone()].eq_ignore_ascii_case("to") => cue.end = n.end,
                _ => continue,
            }
        }
        let mut j = i;
        while j > 0 && capital(&words[j - 1]) && text[words[j - 1].end..words[j].start].trim().is_empty() {
            j -= 1;
        }
        let source = (j < i).then(|| words[j].start..words[i - 1].end);
        let cue_lemma = if lower == "according" { "according to".to_string() } else { lower };
        out.push(Attribution { cue, cue_lemma, source, ..Default::default() });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::brat::BratRelation;

    fn attr(cue: Range<usize>, source: Option<Range<usize>>) -> Attribution {
        Attribution { cue, source, ..Default::default() }
    }

    #[test]
    fn exact_overlap_split_and_dedup() {
        // "Kim Lee said it, and he added that."
        let text = "Kim Lee said it, and he added that.".to_string();
        let relations = vec![
            BratRelation { source: Some(vec![0..7]), cue: Some(vec![8..12]), content: vec![vec![13..15]] },
            // a split gold cue: "added ... that"
            BratRelation { source: Some(vec![21..23]), cue: Some(vec![24..29, 30..34]), content: vec![] },
            BratRelation { source: None, cue: Some(vec![8..12]), content: vec![] },
        ];
        let doc = BratDoc { id: "d".into(), text, relations };
        let pred = |_: &str| {
            vec![
                attr(8..12, Some(4..7)),    // cue exact; source overlaps only
                attr(8..12, Some(4..7)),    // duplicate: counted once
                attr(24..34, Some(21..23)), // covering range of the split cue: exact; source exact
                attr(13..15, None),         // a wrong cue, no source
            ]
        };
        let s = score(std::slice::from_ref(&doc), &pred);
        assert_eq!(s.documents, 1);
        assert_eq!((s.cue_exact.predicted, s.cue_exact.gold), (3, 2));
        assert_eq!((s.cue_exact.matched_predicted, s.cue_exact.matched_gold), (2, 2));
        assert_eq!((s.cue_overlap.matched_predicted, s.cue_overlap.matched_gold), (2, 2));
        assert!((s.cue_exact.precision - 2.0 / 3.0).abs() < 1e-12);
        assert!((s.cue_exact.recall - 1.0).abs() < 1e-12);
        assert_eq!((s.source_exact.predicted, s.source_exact.gold), (2, 2));
        assert_eq!((s.source_exact.matched_predicted, s.source_exact.matched_gold), (1, 1));
        assert_eq!((s.source_overlap.matched_predicted, s.source_overlap.matched_gold), (2, 2));
        assert!((s.source_overlap.f1 - 1.0).abs() < 1e-12);
        // a single fragment of a split span matches exactly too
        let frag = |_: &str| vec![attr(30..34, None)];
        let s = score(std::slice::from_ref(&doc), &frag);
        assert_eq!(s.cue_exact.matched_predicted, 1);
        // nothing predicted: zeros, no NaN
        let none = |_: &str| Vec::new();
        let s = score(&[doc], &none);
        assert_eq!(s.cue_overlap.f1, 0.0);
        assert_eq!(s.source_overlap.precision, 0.0);
    }

    #[test]
    fn contents_by_span_and_by_character() {
        // "Kim said the deal is dead. Lee said no."
        let text = "Kim said the deal is dead. Lee said no.".to_string();
        let relations = vec![
            BratRelation { source: Some(vec![0..3]), cue: Some(vec![4..8]), content: vec![vec![9..25]] },
            BratRelation { source: Some(vec![27..30]), cue: Some(vec![31..35]), content: vec![vec![36..38]] },
        ];
        let doc = BratDoc { id: "d".into(), text, relations };
        let with = |cue: Range<usize>, content: Range<usize>| Attribution { content: Some(content), ..attr(cue, None) };
        // the first content ends early ("the deal"), the second is missed, a third is spurious
        let pred = |_: &str| vec![with(4..8, 9..17), with(4..8, 9..17), with(31..35, 26..26)];
        let s = score(std::slice::from_ref(&doc), &pred);
        // spans: the empty one matches nothing
        assert_eq!((s.content_overlap.predicted, s.content_overlap.gold), (2, 2));
        assert_eq!((s.content_overlap.matched_predicted, s.content_overlap.matched_gold), (1, 1));
        // characters: "thedeal" (7) of "thedealisdead" (13) and "no" (2)
        assert_eq!((s.content_chars.predicted, s.content_chars.gold, s.content_chars.matched_gold), (7, 15, 7));
        assert!((s.content_chars.precision - 1.0).abs() < 1e-12);
        assert!((s.content_chars.recall - 7.0 / 15.0).abs() < 1e-12);
        assert_eq!(merged(vec![5..9, 0..3, 2..4, 9..9]), vec![0..4, 5..9]);
        // a content in two parts is one predicted span, matched when either part overlaps
        let two = |_: &str| vec![Attribution { continued: vec![36..38], ..with(4..8, 13..17) }];
        let s = score(std::slice::from_ref(&doc), &two);
        assert_eq!((s.content_overlap.predicted, s.content_overlap.matched_predicted), (1, 1));
        assert_eq!(s.content_overlap.matched_gold, 2, "each part reaches its own gold content");
        assert_eq!((s.content_chars.predicted, s.content_chars.matched_gold), (6, 6), "deal + no");
    }

    #[test]
    fn baseline_finds_capitalised_sources() {
        let t = "Senator Kim Lee said the deal was dead, according to Reuters. He told me so.";
        let got = baseline_extract(t);
        let cues: Vec<&str> = got.iter().map(|a| &t[a.cue.clone()]).collect();
        assert_eq!(cues, vec!["said", "according to", "told"]);
        assert_eq!(&t[got[0].source.clone().unwrap()], "Senator Kim Lee");
        assert_eq!(got[1].source, None);
        assert_eq!(&t[got[2].source.clone().unwrap()], "He");
    }
}
