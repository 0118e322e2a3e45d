//! Source attribution: who each article lets speak.
//!
//! [`extract`] finds attributions (cue, source mention, content) in the text;
//! [`classify`] gives each source a category and countries from the source list and
//! resolves pronouns and short references ("he", "the agency") to the most recent
//! compatible named source; [`cues`] gives each cue its class (neutral, distancing,
//! conceding, emphatic, according_to, belief).

pub mod classify;
pub mod cues;
pub mod extract;

use std::collections::BTreeMap;
use std::ops::Range;

use crate::text::{Offsets, TextAnalysis};
use classify::{SourceList, CATEGORIES};
use cues::CueClasses;

/// Longest content written to `attributions.csv`, in characters.
pub const CONTENT_MAX_CHARS: usize = 300;
/// Appended to content cut at [`CONTENT_MAX_CHARS`].
pub const TRUNCATION_MARK: &str = " [...]";

/// One row of `attributions.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct AttrRow {
    pub article_id: String,
    /// 1-based number of the attribution in its article.
    pub n: usize,
    /// 1-based sentence number of the cue.
    pub sentence: usize,
    pub cue: String,
    pub cue_class: &'static str,
    pub source: String,
    /// Char offsets of the source mention (empty when there is none).
    pub source_start: Option<usize>,
    pub source_end: Option<usize>,
    pub resolved_source: String,
    pub category: &'static str,
    pub country: String,
    /// `direct`, `indirect` or `mixed`.
    pub kind: &'static str,
    pub content_start: Option<usize>,
    pub content_end: Option<usize>,
    pub content: String,
    /// Byte range of the source mention (not written; for the report).
    pub source_bytes: Option<std::ops::Range<usize>>,
}

pub const ATTR_COLUMNS: &[&str] = &[
    "article_id",
    "n",
    "sentence",
    "cue",
    "cue_class",
    "source",
    "source_start",
    "source_end",
    "resolved_source",
    "category",
    "country",
    "kind",
    "content_start",
    "content_end",
    "content",
];

fn opt(v: Option<usize>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

impl AttrRow {
    pub fn values(&self) -> [String; 15] {
        [
            self.article_id.clone(),
            self.n.to_string(),
            self.sentence.to_string(),
            self.cue.clone(),
            self.cue_class.to_string(),
            self.source.clone(),
            opt(self.source_start),
            opt(self.source_end),
            self.resolved_source.clone(),
            self.category.to_string(),
            self.country.clone(),
            self.kind.to_string(),
            opt(self.content_start),
            opt(self.content_end),
            self.content.clone(),
        ]
    }
}

/// Attribution counts of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttrCounts {
    pub total: usize,
    pub direct: usize,
    /// Per source category, in [`CATEGORIES`] order.
    pub per_category: Vec<usize>,
    /// Attributions per country code.
    pub countries: BTreeMap<String, usize>,
}

impl AttrCounts {
    /// `KP:4;UA:2`: by count, then code.
    pub fn countries_string(&self) -> String {
        let mut v: Vec<(&String, &usize)> = self.countries.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        v.iter().map(|(c, n)| format!("{c}:{n}")).collect::<Vec<_>>().join(";")
    }
}

/// The attribution stage: extraction plus classification.
pub struct AttrStage {
    pub sources: SourceList,
    pub cues: CueClasses,
}

/// What the stage found in one article.
#[derive(Debug, Clone, Default)]
pub struct AttrResult {
    pub rows: Vec<AttrRow>,
    pub counts: AttrCounts,
    /// Byte ranges of contents with their resolved speaker, for quoted loaded hits.
    pub speakers: Vec<(Range<usize>, String)>,
}

fn kind_of(content: &Option<Range<usize>>, direct: bool, quotes: &[Range<usize>]) -> &'static str {
    let Some(c) = content else { return if direct { "direct" } else { "indirect" } };
    let mut quoted = 0usize;
    for q in quotes {
        let (s, e) = (q.start.max(c.start), q.end.min(c.end));
        if s < e {
            quoted += e - s;
        }
    }
    let len = c.len().max(1);
    if direct || quoted * 10 >= len * 9 {
        "direct"
    } else if quoted > 0 {
        "mixed"
    } else {
        "indirect"
    }
}

fn truncate(s: &str) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= CONTENT_MAX_CHARS {
        flat
    } else {
        let cut: String = flat.chars().take(CONTENT_MAX_CHARS).collect();
        format!("{cut}{TRUNCATION_MARK}")
    }
}

impl AttrStage {
    /// Finds and classifies the attributions of one analysed article.
    pub fn run(&self, article_id: &str, text: &str, analysis: &TextAnalysis) -> AttrResult {
        let found = extract::extract(text, analysis);
        let offsets = Offsets::new(text);
        let mentions: Vec<(String, classify::SourceClass)> = found
            .iter()
            .map(|a| {
                let s = a.source.as_ref().map(|r| text[r.clone()].to_string()).unwrap_or_default();
                let c = self.sources.classify(&s);
                (s, c)
            })
            .collect();
        let resolved = classify::resolve(&mentions);
        let mut out = AttrResult {
            counts: AttrCounts { per_category: vec![0; CATEGORIES.len()], ..Default::default() },
            ..Default::default()
        };
        for (i, a) in found.iter().enumerate() {
            let (mention, _) = &mentions[i];
            let (resolved_text, class) = &mentions[resolved[i]];
            let category = if mention.is_empty() { "other" } else { CATEGORIES[class.category] };
            let kind = kind_of(&a.content, a.direct, &analysis.quotes);
            out.counts.total += 1;
            if kind == "direct" {
                out.counts.direct += 1;
            }
            if let Some(ci) = CATEGORIES.iter().position(|c| *c == category) {
                out.counts.per_category[ci] += 1;
            }
            for c in class.country.split(';').filter(|c| !c.is_empty()) {
                *out.counts.countries.entry(c.to_string()).or_default() += 1;
            }
            let cue_text = &text[a.cue.clone()];
            if let Some(c) = &a.content {
                out.speakers.push((c.clone(), resolved_text.clone()));
            }
            out.rows.push(AttrRow {
                article_id: article_id.to_string(),
                n: i + 1,
                sentence: a.sentence as usize + 1,
                cue: cue_text.to_string(),
                cue_class: self.cues.class_of(cue_text),
                source: mention.clone(),
                source_start: a.source.as_ref().map(|r| offsets.char_index(r.start)),
                source_end: a.source.as_ref().map(|r| offsets.char_index(r.end)),
                resolved_source: resolved_text.clone(),
                category,
                country: class.country.clone(),
                kind,
                content_start: a.content.as_ref().map(|r| offsets.char_index(r.start)),
                content_end: a.content.as_ref().map(|r| offsets.char_index(r.end)),
                content: a.content.as_ref().map(|r| truncate(&text[r.clone()])).unwrap_or_default(),
                source_bytes: a.source.clone(),
            });
        }
        out
    }
}
