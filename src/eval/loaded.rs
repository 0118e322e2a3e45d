//! Scoring loaded-language hits against gold PTC spans.
//!
//! - hit precision: share of hits that overlap a gold span;
//! - span recall: share of gold spans overlapped by at least one hit;
//! - span F1: their harmonic mean;
//! - article rho: Spearman correlation across articles between hits per 1,000 words
//!   and gold spans per 1,000 words;
//! - beside F1 and rho, 95% bootstrap intervals over articles, and each article's counts
//!   ([`ArticleScore`]) so that rho can be traced to the articles.
//!
//! With a tone stage, only the hits `slant analyze` counts are scored (those in
//! sentences the tone model flags, [`CountRule::Flagged`]); without, every hit.
//!
//! PTC articles are clean text (title line, blank line, one sentence per line), so
//! every non-blank line is analysed (no boilerplate removal).

use rayon::prelude::*;
use serde::Serialize;

use super::ptc::{overlaps_any, PtcArticle};
use super::{bootstrap_ci, f1, spearman};
use std::ops::Range;

use crate::encoder::{EncoderHit, EncoderStage};
use crate::ingest::boilerplate;
use crate::lexicon::{CountRule, Matcher};
use crate::text::{self, TextAnalysis};
use crate::tone::ToneStage;

/// Scores of one lexicon on one set of articles.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct LoadedScore {
    pub articles: usize,
    pub words: usize,
    pub hits: usize,
    pub hits_in_gold: usize,
    pub gold_spans: usize,
    pub gold_found: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    /// `None` when it cannot be computed (fewer than 3 articles or a constant side).
    pub rho: Option<f64>,
    /// 95% bootstrap intervals over articles ([`bootstrap_ci`]) of span F1 and article rho:
    /// how far the figures could move on another sample of as many articles.
    pub f1_ci95: Option<[f64; 2]>,
    pub rho_ci95: Option<[f64; 2]>,
    /// The figures of each article, in input order: what rho correlates (not in the JSON).
    #[serde(skip)]
    pub per_article: Vec<ArticleScore>,
}

/// One article's counts: rho is the rank correlation of `hits_per_1k` with `gold_per_1k`
/// across articles with words.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct ArticleScore {
    pub article_id: String,
    pub words: usize,
    pub gold_spans: usize,
    pub hits: usize,
    pub hits_in_gold: usize,
    pub gold_found: usize,
}

impl ArticleScore {
    /// Gold spans per 1,000 words (`None` for an article without words).
    pub fn gold_per_1k(&self) -> Option<f64> {
        (self.words > 0).then(|| self.gold_spans as f64 * 1000.0 / self.words as f64)
    }

    /// Hits per 1,000 words (`None` for an article without words).
    pub fn hits_per_1k(&self) -> Option<f64> {
        (self.words > 0).then(|| self.hits as f64 * 1000.0 / self.words as f64)
    }
}

/// Sentences, quotes and words of a clean text, every non-blank line being body.
pub fn analyze_plain(text: &str) -> TextAnalysis {
    let (lines, header) = boilerplate::text_lines(text);
    let layout = boilerplate::layout(text, &lines, header, true);
    text::analyze(text, &layout.body)
}

/// The counted lexicon hits' ranges (one per span) and the encoder's hits of one article.
fn article_hits(
    a: &PtcArticle,
    m: &Matcher,
    tone: Option<&ToneStage>,
    encoder: Option<&EncoderStage>,
) -> (usize, Vec<Range<usize>>, Vec<EncoderHit>) {
    let analysis = analyze_plain(&a.text);
    let (hits, caps) = m.find(&a.text, &analysis);
    let counted = match tone {
        Some(stage) => {
            let scored = stage.score(&stage.input(&a.text, &analysis, m, &hits, &caps), &analysis.sentences);
            crate::pipeline::counted_hits(&hits, &scored, CountRule::Flagged)
        }
        None => vec![true; hits.len()],
    };
    // One hit per span, whatever the number of categories it carries.
    let mut ranges: Vec<Range<usize>> =
        hits.iter().zip(&counted).filter(|(_, &c)| c).map(|(h, _)| h.start..h.end).collect();
    ranges.dedup();
    let encoded = encoder.map(|e| e.hits(&a.text, &analysis)).unwrap_or_default();
    (analysis.words(), ranges, encoded)
}

fn per_article(a: &PtcArticle, words: usize, ranges: &[Range<usize>]) -> ArticleScore {
    let hits_in_gold = ranges.iter().filter(|r| overlaps_any(&a.spans, r)).count();
    let gold_found =
        a.spans.iter().filter(|g| ranges.iter().any(|r| r.start < g.bytes.end && g.bytes.start < r.end)).count();
    ArticleScore {
        article_id: a.id.clone(),
        words,
        gold_spans: a.spans.len(),
        hits: ranges.len(),
        hits_in_gold,
        gold_found,
    }
}

/// Scores every hit of `matcher` on `articles`.
pub fn score(articles: &[PtcArticle], matcher: &Matcher) -> LoadedScore {
    score_with(articles, matcher, None)
}

/// Scores the hits of `matcher` on `articles` that are counted: all of them without a tone
/// stage, those in flagged sentences with one.
pub fn score_with(articles: &[PtcArticle], matcher: &Matcher, tone: Option<&ToneStage>) -> LoadedScore {
    let per: Vec<ArticleScore> = articles
        .par_iter()
        .map(|a| {
            let (words, ranges, _) = article_hits(a, matcher, tone, None);
            per_article(a, words, &ranges)
        })
        .collect();
    aggregate(per)
}

/// Scores with the encoder stage, which runs once per article: the counted hits of `matcher`
/// plus the encoder's beyond them (as `slant analyze --encoder` counts them), and the encoder's
/// hits alone.
pub fn score_encoder(
    articles: &[PtcArticle],
    matcher: &Matcher,
    tone: Option<&ToneStage>,
    encoder: &EncoderStage,
) -> (LoadedScore, LoadedScore) {
    let per: Vec<(ArticleScore, ArticleScore)> = articles
        .par_iter()
        .map(|a| {
            let (words, mut ranges, encoded) = article_hits(a, matcher, tone, Some(encoder));
            let alone: Vec<Range<usize>> = encoded.iter().map(|h| h.start..h.end).collect();
            ranges.extend(crate::encoder::beyond(encoded, &ranges).iter().map(|h| h.start..h.end));
            (per_article(a, words, &ranges), per_article(a, words, &alone))
        })
        .collect();
    let (both, alone): (Vec<ArticleScore>, Vec<ArticleScore>) = per.into_iter().unzip();
    (aggregate(both), aggregate(alone))
}

fn aggregate(per: Vec<ArticleScore>) -> LoadedScore {
    let all: Vec<&ArticleScore> = per.iter().collect();
    let mut s = totals(&all);
    [s.f1_ci95, s.rho_ci95] = bootstrap_ci(&per, |sample| {
        let t = totals(sample);
        [Some(t.f1), t.rho]
    });
    s.per_article = per;
    s
}

/// The scores of some articles, without intervals or per-article rows.
fn totals(per: &[&ArticleScore]) -> LoadedScore {
    let mut s = LoadedScore { articles: per.len(), ..Default::default() };
    let (mut xs, mut ys) = (Vec::new(), Vec::new());
    for p in per {
        s.words += p.words;
        s.hits += p.hits;
        s.hits_in_gold += p.hits_in_gold;
        s.gold_spans += p.gold_spans;
        s.gold_found += p.gold_found;
        if let (Some(x), Some(y)) = (p.hits_per_1k(), p.gold_per_1k()) {
            xs.push(x);
            ys.push(y);
        }
    }
    s.precision = if s.hits == 0 { 0.0 } else { s.hits_in_gold as f64 / s.hits as f64 };
    s.recall = if s.gold_spans == 0 { 0.0 } else { s.gold_found as f64 / s.gold_spans as f64 };
    s.f1 = f1(s.precision, s.recall);
    s.rho = spearman(&xs, &ys);
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::ptc::GoldSpan;
    use crate::lexicon::Lexicon;
    use crate::text::Lang;

    /// A loaded word in a sentence the tone model does not flag is scored under
    /// `--count-hits all` but not under the default rule.
    #[test]
    fn the_count_rule_drops_hits_in_unflagged_sentences() {
        let text = "Council budget\n\nThe council approved the budget on Tuesday after a two-hour meeting, the clerk said.\n\
                    The budget sets aside 4.2 million for roads and 1.1 million for the library.\n\
                    The meeting was held in the town hall and lasted two hours.\n\
                    Officials said the unprecedented number of applications, 1,200 in total, would be processed by the end of the month.\n\
                    The next meeting is on 4 May.\n";
        let at = text.find("unprecedented").unwrap();
        let span = GoldSpan { bytes: at..at + "unprecedented".len(), technique: "Loaded_Language".into() };
        let arts = vec![PtcArticle { id: "1".into(), text: text.into(), spans: vec![span] }];
        let m = Matcher::new(&Lexicon::default_lexicon(), Lang::english());
        let all = score(&arts, &m);
        assert_eq!((all.hits, all.hits_in_gold, all.gold_found), (1, 1, 1));
        let flagged = score_with(&arts, &m, Some(&ToneStage::default_stage()));
        assert_eq!((flagged.hits, flagged.gold_found), (0, 0));
        assert_eq!((all.f1_ci95, all.rho_ci95), (None, None), "one article has no interval");
    }

    /// Over several articles the scores carry bootstrap intervals that hold the estimates, and
    /// scoring twice gives the same intervals.
    #[test]
    fn scores_carry_reproducible_intervals() {
        let words = ["despot", "tyrant", "regime", "thug", "barbaric", "evil"];
        let arts: Vec<PtcArticle> = (0..12)
            .map(|i| {
                let loaded: Vec<&str> = words.iter().take(i % 6).copied().collect();
                let text = format!(
                    "Report {i}\n\nThe council met on Monday to discuss the budget and the roads.\nCritics called him a {} leader.\n",
                    loaded.join(" and ")
                );
                // gold: every loaded word but, in odd articles, the first
                let spans = loaded
                    .iter()
                    .skip(i % 2)
                    .map(|w| {
                        let at = text.find(w).unwrap();
                        GoldSpan { bytes: at..at + w.len(), technique: "Name_Calling,Labeling".into() }
                    })
                    .collect();
                PtcArticle { id: i.to_string(), text, spans }
            })
            .collect();
        let m = Matcher::new(&Lexicon::default_lexicon(), Lang::english());
        let s = score(&arts, &m);
        let ([f_lo, f_hi], [r_lo, r_hi]) = (s.f1_ci95.unwrap(), s.rho_ci95.unwrap());
        assert!(f_lo <= s.f1 && s.f1 <= f_hi && f_lo < f_hi, "F1 {} in [{f_lo}, {f_hi}]", s.f1);
        let rho = s.rho.unwrap();
        assert!(r_lo <= rho && rho <= r_hi, "rho {rho} in [{r_lo}, {r_hi}]");
        assert_eq!(score(&arts, &m), s);
    }
}
