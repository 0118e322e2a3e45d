//! A word prior learned from annotated spans: for a post model trained on a corpus whose
//! annotators marked the manipulative words (UNLP 2025), how much more often than an average
//! word each word (by its first few letters) lies inside a marked span.
//!
//! The post-level labels say only *that* a post is manipulative; the spans say *which words*
//! made it so. The prior carries that word-level evidence into six dense features of a unit
//! ([`SPAN_FEATURES`]): the mean of its words' values, the mean of its top 1, 3 and 10 values,
//! the share of its words above 1 and the number above 0.5 (divided by 10). A word's value is
//! the log-odds of being inside a span, smoothed toward the corpus rate with the weight of two
//! words and taken relative to that rate:
//!
//! `ln((inside + 2r) / (outside + 2(1 - r))) - ln(r / (1 - r))`, `r` = share of all words inside
//! a span.
//!
//! Words (the text layer's normalised tokens) are keyed by their first `prefix_chars`
//! characters, a truncation stemmer that groups the inflected forms of Russian and Ukrainian
//! words; words seen fewer than `min_count` times are left out (value 0). Training computes the
//! features of each training unit from a prior fitted without its fold (see [`super::train`]),
//! so the model learns how far to trust the prior on units it has not seen.

use serde::{Deserialize, Serialize};

use crate::text::FnvMap;

/// The dense features the prior gives a unit, by name (sorted).
pub const SPAN_FEATURES: [&str; 6] = ["span:mean", "span:over05", "span:over1", "span:top1", "span:top10", "span:top3"];

/// The prior as a model file holds it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SpanPrior {
    /// Words are keyed by this many leading characters.
    pub prefix_chars: usize,
    /// (key, value) of every word kept, sorted by key.
    pub terms: Vec<(String, f32)>,
}

/// The key of a lower-case word: its first `n` characters.
pub fn key(word: &str, n: usize) -> &str {
    match word.char_indices().nth(n) {
        Some((i, _)) => &word[..i],
        None => word,
    }
}

impl SpanPrior {
    /// Fits the prior on units of (lower-case word, inside a span) pairs.
    pub fn fit<'a>(
        units: impl IntoIterator<Item = &'a [(String, bool)]>,
        prefix_chars: usize,
        min_count: usize,
    ) -> SpanPrior {
        let mut counts: FnvMap<&str, (u32, u32)> = FnvMap::default();
        let (mut inside, mut all) = (0u64, 0u64);
        for unit in units {
            for (w, ins) in unit {
                let c = counts.entry(key(w, prefix_chars)).or_default();
                c.0 += 1;
                c.1 += u32::from(*ins);
                all += 1;
                inside += u64::from(*ins);
            }
        }
        if all == 0 || inside == 0 || inside == all {
            return SpanPrior { prefix_chars, terms: Vec::new() };
        }
        let r = inside as f64 / all as f64;
        let base = (r / (1.0 - r)).ln();
        let mut terms: Vec<(String, f32)> = counts
            .into_iter()
            .filter(|(_, (n, _))| *n as usize >= min_count.max(1))
            .map(|(k, (n, a))| {
                let (n, a) = (n as f64, a as f64);
                (k.to_string(), (((a + 2.0 * r) / (n - a + 2.0 * (1.0 - r))).ln() - base) as f32)
            })
            .collect();
        terms.sort_by(|a, b| a.0.cmp(&b.0));
        SpanPrior { prefix_chars, terms }
    }

    pub fn compile(&self) -> CompiledPrior {
        CompiledPrior { prefix_chars: self.prefix_chars, values: self.terms.iter().cloned().collect() }
    }
}

/// A prior ready to score: key -> value.
#[derive(Debug, Clone, Default)]
pub struct CompiledPrior {
    prefix_chars: usize,
    values: FnvMap<String, f32>,
}

impl CompiledPrior {
    /// The [`SPAN_FEATURES`] of a unit's lower-case words, in that order.
    pub fn features<'w>(&self, words: impl Iterator<Item = &'w str>) -> [f32; 6] {
        let mut v: Vec<f32> =
            words.map(|w| self.values.get(key(w, self.prefix_chars)).copied().unwrap_or(0.0)).collect();
        if v.is_empty() {
            v.push(0.0);
        }
        // sorted before summing: the same words in any order give the same bits
        v.sort_by(|a, b| b.total_cmp(a));
        let n = v.len() as f32;
        let mean = v.iter().sum::<f32>() / n;
        let over05 = v.iter().filter(|&&x| x > 0.5).count() as f32 / 10.0;
        let over1 = v.iter().filter(|&&x| x > 1.0).count() as f32 / n;
        let top = |k: usize| v[..k.min(v.len())].iter().sum::<f32>() / k.min(v.len()) as f32;
        [mean, over05, over1, top(1), top(10), top(3)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(words: &[(&str, bool)]) -> Vec<(String, bool)> {
        words.iter().map(|(w, b)| (w.to_string(), *b)).collect()
    }

    #[test]
    fn words_inside_spans_get_positive_values_and_keys_group_inflections() {
        let units = [
            unit(&[("рашисти", true), ("обстріляли", false), ("місто", false)]),
            unit(&[("рашистів", true), ("знову", false), ("місто", false)]),
            unit(&[("мер", false), ("міста", false), ("рашистами", true)]),
        ];
        let p = SpanPrior::fit(units.iter().map(Vec::as_slice), 5, 2);
        let get = |k: &str| p.terms.iter().find(|t| t.0 == k).map(|t| t.1);
        assert!(get("рашис").unwrap() > 1.0, "{p:?}");
        assert!(get("місто").unwrap() < 0.0, "{p:?}");
        assert_eq!(get("знову"), None, "seen once: left out");
        assert!(p.terms.windows(2).all(|w| w[0].0 < w[1].0), "sorted");
        let c = p.compile();
        let f = c.features(["рашистське", "знову", "місто"].into_iter());
        let (hi, lo) = (get("рашис").unwrap(), get("місто").unwrap());
        assert!((f[0] - (hi + lo) / 3.0).abs() < 1e-6, "mean {f:?}");
        assert_eq!(f[3], hi, "top 1");
        assert!((f[5] - (hi + lo) / 3.0).abs() < 1e-6, "top 3 of three words");
        assert_eq!((f[1], f[2]), (0.1, 1.0 / 3.0));
        assert_eq!(c.features(std::iter::empty()), [0.0; 6], "no words: zeros");
    }

    #[test]
    fn a_prior_without_both_kinds_of_word_is_empty() {
        let units = [unit(&[("a", false), ("a", false)])];
        assert!(SpanPrior::fit(units.iter().map(Vec::as_slice), 5, 1).terms.is_empty());
        assert_eq!(key("абвгдеж", 5), "абвгд");
        assert_eq!(key("ab", 5), "ab");
    }
}
