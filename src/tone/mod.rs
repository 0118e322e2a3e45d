//! Tone: the probability that a sentence uses propaganda techniques, and an article score
//! built from its sentences.
//!
//! The model is a logistic regression (fitted with linfa-logistic, see [`train`]) over
//! sparse sentence features ([`features`]): stemmed word unigrams and bigrams from a
//! vocabulary chosen on PTC train, loaded-language counts by category, quotation share,
//! punctuation, ALL-CAPS words and sentence length. Prediction never builds a dense matrix:
//! a sentence's few non-zero features are looked up and summed against the weights.
//!
//! What the score measures: how much a sentence reads like the sentences that annotators of
//! the Propaganda Techniques Corpus marked with any of its 14 techniques (loaded language,
//! name calling, exaggeration, appeals to fear, flag-waving, doubt, slogans, ...). It is not
//! positive/negative sentiment: a calm sentence about a massacre scores low, an upbeat slogan
//! scores high.

pub mod features;
pub mod prior;
pub mod train;

use serde::{Deserialize, Serialize};

pub use features::{FeatureBag, SentenceInput};

/// A problem with a tone model file.
#[derive(Debug, thiserror::Error)]
pub enum ToneError {
    #[error("{path}: {message}")]
    Model { path: String, message: String },
    #[error("training: {0}")]
    Train(String),
}

/// A linear model over named features: `p = sigmoid(intercept + sum(weight * value))`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinearModel {
    /// Feature names, in weight order.
    pub features: Vec<String>,
    pub weights: Vec<f32>,
    pub intercept: f32,
    /// Sentences at or above this probability are flagged.
    pub threshold: f32,
    /// L2 penalty it was fitted with.
    pub alpha: f32,
    /// Empty for a sentence model (each known n-gram is worth 1). Otherwise a post model's
    /// inverse document frequency of each feature, in weight order: its n-grams are those of
    /// [`features::for_each_post_gram`], each worth `(1 + ln count) * idf`, the word n-grams
    /// and the character n-grams (`c:`) each scaled to unit length, as TF-IDF does.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub idf: Vec<f32>,
    /// A post model's word prior from annotated spans, whose [`prior::SPAN_FEATURES`] are
    /// among its features (none in a model trained without spans).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span_prior: Option<prior::SpanPrior>,
}

impl LinearModel {
    /// Whether this is a post model (TF-IDF over words and character n-grams).
    pub fn is_post_model(&self) -> bool {
        !self.idf.is_empty()
    }
}

/// Cross-validation figures of one setting, on out-of-fold predictions pooled over folds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CvFigures {
    pub alpha: f32,
    pub auc: f64,
    /// Best F1 over thresholds, and that threshold.
    pub f1: f64,
    pub threshold: f32,
    pub precision: f64,
    pub recall: f64,
}

/// How a model was trained, written into the model file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TrainInfo {
    pub articles: usize,
    pub sentences: usize,
    pub positives: usize,
    /// SHA-256 of the label file.
    pub labels_sha256: String,
    pub folds: usize,
    pub min_df: usize,
    pub max_features: usize,
    /// Cross-validation of each regularisation strength tried (model), and of the baseline.
    pub cv: Vec<CvFigures>,
    pub baseline_cv: CvFigures,
    pub command: String,
}

/// The tone model file (`data/models/tone.json`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ToneModel {
    pub name: String,
    pub version: u32,
    pub description: String,
    pub train: TrainInfo,
    /// Name of the lexicon whose categories the `lex:` features count.
    pub lexicon: String,
    pub model: LinearModel,
    /// Length-only logistic baseline, for `slant eval tone`.
    pub baseline: LinearModel,
}

/// The embedded default model.
pub const TONE_JSON: &str = include_str!("../../data/models/tone.json");

impl ToneModel {
    /// Parses a model file.
    pub fn parse(path: &str, json: &str) -> Result<ToneModel, ToneError> {
        let m: ToneModel =
            serde_json::from_str(json).map_err(|e| ToneError::Model { path: path.into(), message: e.to_string() })?;
        for (what, lm) in [("model", &m.model), ("baseline", &m.baseline)] {
            if lm.features.len() != lm.weights.len() {
                return Err(ToneError::Model {
                    path: path.into(),
                    message: format!("{what}: {} features but {} weights", lm.features.len(), lm.weights.len()),
                });
            }
            if lm.is_post_model() && lm.idf.len() != lm.features.len() {
                return Err(ToneError::Model {
                    path: path.into(),
                    message: format!("{what}: {} features but {} idf values", lm.features.len(), lm.idf.len()),
                });
            }
            if !lm.weights.iter().chain(&lm.idf).chain([&lm.intercept, &lm.threshold]).all(|w| w.is_finite()) {
                return Err(ToneError::Model { path: path.into(), message: format!("{what}: a weight is not finite") });
            }
            if !(0.0..=1.0).contains(&lm.threshold) {
                return Err(ToneError::Model {
                    path: path.into(),
                    message: format!("{what}: threshold {} is not a probability between 0 and 1", lm.threshold),
                });
            }
            let mut names: Vec<&str> = lm.features.iter().map(String::as_str).collect();
            names.sort_unstable();
            if let Some(w) = names.windows(2).find(|w| w[0] == w[1]) {
                return Err(ToneError::Model {
                    path: path.into(),
                    message: format!("{what}: feature '{}' is listed twice", w[0]),
                });
            }
        }
        if m.model.features.is_empty() {
            return Err(ToneError::Model { path: path.into(), message: "model: no features".into() });
        }
        if m.baseline.span_prior.is_some() {
            return Err(ToneError::Model {
                path: path.into(),
                message: "baseline: a baseline has no span prior".into(),
            });
        }
        let span_features = m.model.features.iter().filter(|f| f.starts_with("span:")).count();
        if m.model.span_prior.is_none() && span_features > 0 {
            return Err(ToneError::Model {
                path: path.into(),
                message: "model: it has span-prior features but no span prior".into(),
            });
        }
        if let Some(p) = &m.model.span_prior {
            if let Some(w) = p.terms.windows(2).find(|w| w[0].0 >= w[1].0) {
                return Err(ToneError::Model {
                    path: path.into(),
                    message: format!("model: span prior terms not sorted or repeated at '{}'", w[1].0),
                });
            }
            let missing = prior::SPAN_FEATURES.iter().find(|n| !m.model.features.iter().any(|f| f == *n));
            if let Some(n) = missing {
                return Err(ToneError::Model {
                    path: path.into(),
                    message: format!("model: it has a span prior but not the feature '{n}'"),
                });
            }
            if !m.model.is_post_model() || p.prefix_chars == 0 || !p.terms.iter().all(|t| t.1.is_finite()) {
                return Err(ToneError::Model {
                    path: path.into(),
                    message:
                        "model: a span prior needs a post model, a prefix of at least 1 character and finite values"
                            .into(),
                });
            }
        }
        Ok(m)
    }

    /// Reads a model file.
    pub fn from_file(path: &std::path::Path) -> Result<ToneModel, ToneError> {
        ToneModel::read(path).map(|(m, _)| m)
    }

    /// Reads and parses a model file; also returns its text (whose hash names the model).
    fn read(path: &std::path::Path) -> Result<(ToneModel, String), ToneError> {
        let p = path.display().to_string();
        let json =
            std::fs::read_to_string(path).map_err(|e| ToneError::Model { path: p.clone(), message: e.to_string() })?;
        Ok((ToneModel::parse(&p, &json)?, json))
    }

    /// The embedded default model.
    pub fn default_model() -> ToneModel {
        ToneModel::parse("data/models/tone.json", TONE_JSON).expect("embedded tone model is valid (tested)")
    }

    /// The JSON text written by `slant train tone` (stable: same model, same bytes).
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("model serialises");
        s.push('\n');
        s
    }
}

/// A linear model compiled for scoring: feature name -> index.
#[derive(Debug, Clone)]
pub struct Scorer {
    pub model: LinearModel,
    index: crate::text::FnvMap<String, u32>,
    /// For a post model: whether each feature is a character n-gram (`c:`).
    is_char: Vec<bool>,
    /// The compiled span prior and the index of each of its features.
    prior: Option<(prior::CompiledPrior, [u32; 6])>,
}

impl Scorer {
    pub fn new(model: &LinearModel) -> Scorer {
        let index = model.features.iter().enumerate().map(|(i, f)| (f.clone(), i as u32)).collect();
        let is_char =
            if model.is_post_model() { model.features.iter().map(|f| f.starts_with("c:")).collect() } else { vec![] };
        let mut s = Scorer { model: model.clone(), index, is_char, prior: None };
        if let Some(p) = &model.span_prior {
            // (ToneModel::parse refuses a prior whose features the model lacks)
            let idx = prior::SPAN_FEATURES.map(|n| s.feature(n).unwrap_or(u32::MAX));
            if idx.iter().all(|&i| i != u32::MAX) {
                s.prior = Some((p.compile(), idx));
            }
        }
        s
    }

    /// The span prior's features of a unit's lower-case words (none without a prior).
    pub fn prior_features<'w>(&self, words: impl Iterator<Item = &'w str>) -> Vec<(u32, f32)> {
        match &self.prior {
            Some((p, idx)) => idx.iter().copied().zip(p.features(words)).collect(),
            None => Vec::new(),
        }
    }

    /// Index of a feature, if the model has it.
    pub fn feature(&self, name: &str) -> Option<u32> {
        self.index.get(name).copied()
    }

    /// Sparse (index, value) features of a bag: 1 for each n-gram the model knows, then the
    /// dense features it knows.
    pub fn sparse(&self, bag: &FeatureBag) -> Vec<(u32, f32)> {
        if self.model.is_post_model() {
            let idx = bag.ngrams.iter().filter_map(|g| self.feature(g)).collect();
            let mut out = self.weighed(idx, &bag.dense);
            out.extend(self.prior_features(features::bag_words(bag)));
            return out;
        }
        let mut out: Vec<(u32, f32)> = bag.ngrams.iter().filter_map(|g| self.feature(g)).map(|i| (i, 1.0)).collect();
        out.extend(bag.dense.iter().filter_map(|(n, v)| self.feature(n).map(|i| (i, *v))));
        out
    }

    /// A post model's features: the known n-grams `idx` (repeats counted) weighed by TF-IDF,
    /// word and character n-grams each scaled to unit length, then the known dense features.
    fn weighed(&self, mut idx: Vec<u32>, dense: &[(String, f32)]) -> Vec<(u32, f32)> {
        idx.sort_unstable();
        let mut out: Vec<(u32, f32)> = idx
            .chunk_by(|a, b| a == b)
            .map(|c| (c[0], (1.0 + (c.len() as f32).ln()) * self.model.idf[c[0] as usize]))
            .collect();
        let mut norms = [0f32; 2];
        for &(i, v) in &out {
            norms[usize::from(self.is_char[i as usize])] += v * v;
        }
        for (i, v) in out.iter_mut() {
            let n = norms[usize::from(self.is_char[*i as usize])].sqrt();
            if n > 0.0 {
                *v /= n;
            }
        }
        out.extend(dense.iter().filter_map(|(n, v)| self.feature(n).map(|i| (i, *v))));
        out
    }

    /// Probability of a sparse feature vector.
    pub fn prob_sparse(&self, x: &[(u32, f32)]) -> f32 {
        let z = self.model.intercept + x.iter().map(|&(i, v)| self.model.weights[i as usize] * v).sum::<f32>();
        sigmoid(z)
    }

    pub fn prob(&self, bag: &FeatureBag) -> f32 {
        self.prob_sparse(&self.sparse(bag))
    }

    /// Probability of the sentence `range` of `input`, as `prob(&bag(input, range))` but
    /// without building n-gram strings: each is looked up from a reused buffer. (Vocabulary
    /// n-grams are sorted by name, so sorting their indices sums in the same order.) Returns
    /// the dense part too, for its word count and quotation share.
    pub fn prob_sentence(&self, input: &SentenceInput, range: std::ops::Range<usize>) -> (f32, FeatureBag) {
        let dense = features::dense_bag(input, range.clone());
        let (a, b) = features::token_span(input, &range);
        if self.model.is_post_model() {
            let mut idx: Vec<u32> = Vec::new();
            features::for_each_post_gram(&input.stems[a..b], &mut String::new(), &mut |g| {
                if let Some(i) = self.feature(g) {
                    idx.push(i);
                }
            });
            let mut x = self.weighed(idx, &dense.dense);
            x.extend(self.prior_features(input.stems[a..b].iter().map(|w| w.as_ref())));
            return (self.prob_sparse(&x), dense);
        }
        let mut idx: Vec<u32> = Vec::with_capacity(2 * (b - a));
        features::for_each_ngram(&input.stems[a..b], &mut String::new(), &mut |g| {
            if let Some(i) = self.feature(g) {
                idx.push(i);
            }
        });
        idx.sort_unstable();
        idx.dedup();
        let mut x: Vec<(u32, f32)> = idx.into_iter().map(|i| (i, 1.0)).collect();
        x.extend(dense.dense.iter().filter_map(|(n, v)| self.feature(n).map(|i| (i, *v))));
        (self.prob_sparse(&x), dense)
    }
}

pub fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z.clamp(-40.0, 40.0)).exp())
}

/// The tone stage: a compiled model and its identity for `run.json`.
#[derive(Debug, Clone)]
pub struct ToneStage {
    pub scorer: Scorer,
    pub name: String,
    pub sha256: String,
}

impl ToneStage {
    pub fn new(model: &ToneModel, json: &str) -> ToneStage {
        ToneStage {
            scorer: Scorer::new(&model.model),
            name: format!("{} v{}", model.name, model.version),
            sha256: crate::ingest::sha256_hex(json.as_bytes()),
        }
    }

    pub fn default_stage() -> ToneStage {
        ToneStage::new(&ToneModel::default_model(), TONE_JSON)
    }

    pub fn from_file(path: &std::path::Path) -> Result<ToneStage, ToneError> {
        let (m, json) = ToneModel::read(path)?;
        Ok(ToneStage::new(&m, &json))
    }

    /// The input this stage's model reads: a post model's lower-case words, or a sentence
    /// model's stems (so a model is never given the other kind's features).
    pub fn input<'a>(
        &self,
        text: &'a str,
        analysis: &'a crate::text::TextAnalysis,
        matcher: &'a crate::lexicon::Matcher,
        hits: &[crate::lexicon::Hit],
        caps: &[crate::lexicon::CapsHit],
    ) -> SentenceInput<'a> {
        if self.scorer.model.is_post_model() {
            SentenceInput::for_posts(text, analysis, matcher, hits, caps)
        } else {
            SentenceInput::new(text, analysis, matcher, hits, caps)
        }
    }

    /// Scores every sentence of an analysed article.
    pub fn score(&self, input: &SentenceInput, sentences: &[std::ops::Range<usize>]) -> ArticleTone {
        let scored: Vec<SentenceTone> = sentences
            .iter()
            .map(|r| {
                let (prob, bag) = self.scorer.prob_sentence(input, r.clone());
                SentenceTone {
                    range: r.clone(),
                    words: bag.words,
                    quoted_share: bag.quoted_share,
                    prob,
                    flagged: prob >= self.scorer.model.threshold,
                }
            })
            .collect();
        ArticleTone::from_sentences(scored)
    }
}

/// One scored sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct SentenceTone {
    /// Byte range in the article text.
    pub range: std::ops::Range<usize>,
    pub words: usize,
    pub quoted_share: f32,
    pub prob: f32,
    pub flagged: bool,
}

/// An article's tone: its sentences and the summaries in `articles.csv`.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ArticleTone {
    pub sentences: Vec<SentenceTone>,
    /// Word-weighted mean sentence probability (0 when the article has no words).
    pub tone: f64,
    pub tone_max: f64,
    pub flagged: usize,
    pub flagged_share: f64,
}

impl ArticleTone {
    pub fn from_sentences(sentences: Vec<SentenceTone>) -> ArticleTone {
        let words: usize = sentences.iter().map(|s| s.words).sum();
        let tone = if words == 0 {
            0.0
        } else {
            sentences.iter().map(|s| s.prob as f64 * s.words as f64).sum::<f64>() / words as f64
        };
        let tone_max = sentences.iter().map(|s| s.prob as f64).fold(0.0, f64::max);
        let flagged = sentences.iter().filter(|s| s.flagged).count();
        let flagged_share = if sentences.is_empty() { 0.0 } else { flagged as f64 / sentences.len() as f64 };
        ArticleTone { sentences, tone, tone_max, flagged, flagged_share }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_model_round_trips_exactly() {
        let m = ToneModel::default_model();
        assert_eq!(m.to_json(), TONE_JSON, "the committed model is what to_json writes");
        assert!(m.model.features.len() > 100);
        assert!((0.0..1.0).contains(&m.model.threshold));
    }

    #[test]
    fn article_tone_is_word_weighted() {
        let s = |words, prob| SentenceTone { range: 0..1, words, quoted_share: 0.0, prob, flagged: prob >= 0.5 };
        let t = ArticleTone::from_sentences(vec![s(30, 0.9), s(10, 0.1)]);
        assert!((t.tone - (0.9 * 30.0 + 0.1 * 10.0) / 40.0).abs() < 1e-6);
        assert!((t.tone_max - 0.9).abs() < 1e-6);
        assert_eq!((t.flagged, t.flagged_share), (1, 0.5));
        assert_eq!(ArticleTone::from_sentences(vec![]).tone, 0.0);
    }

    #[test]
    fn bad_model_files_are_errors() {
        assert!(ToneModel::parse("m.json", "{").is_err());
        let mut m = ToneModel::default_model();
        m.model.weights.pop();
        let e = ToneModel::parse("m.json", &m.to_json()).unwrap_err();
        assert!(e.to_string().contains("features but"), "{e}");
        let refused = |edit: &dyn Fn(&mut ToneModel)| {
            let mut m = ToneModel::default_model();
            edit(&mut m);
            ToneModel::parse("m.json", &m.to_json()).unwrap_err().to_string()
        };
        assert!(refused(&|m| m.model.threshold = 7.0).contains("threshold 7 is not a probability"));
        assert!(refused(&|m| m.baseline.threshold = -5.0).contains("baseline: threshold -5"));
        assert!(refused(&|m| {
            m.model.features.clear();
            m.model.weights.clear();
        })
        .contains("model: no features"));
        assert!(refused(&|m| m.model.features[1] = m.model.features[0].clone()).contains("is listed twice"));
        assert!(refused(&|m| m.model.idf = vec![1.0]).contains("features but 1 idf values"));
        let prior = prior::SpanPrior { prefix_chars: 5, terms: vec![("злоб".into(), 1.0)] };
        assert!(refused(&|m| m.model.span_prior = Some(prior.clone())).contains("span prior but not the feature"));
        assert!(refused(&|m| {
            m.model.features.extend(prior::SPAN_FEATURES.map(String::from));
            m.model.weights.extend([0.0; 6]);
            m.model.span_prior = Some(prior.clone());
        })
        .contains("a span prior needs a post model"));
        assert!(refused(&|m| {
            m.model.features.push("span:top1".into());
            m.model.weights.push(0.0);
        })
        .contains("span-prior features but no span prior"));
        assert!(refused(&|m| m.baseline.span_prior = Some(prior.clone())).contains("a baseline has no span prior"));
        let twice = prior::SpanPrior { prefix_chars: 5, terms: vec![("a".into(), 1.0), ("a".into(), 2.0)] };
        assert!(refused(&|m| {
            m.model.features.extend(prior::SPAN_FEATURES.map(String::from));
            m.model.weights.extend([0.0; 6]);
            m.model.span_prior = Some(twice.clone());
        })
        .contains("not sorted or repeated at 'a'"));
        // (JSON has no NaN: serde writes null, which is refused too)
        assert!(!refused(&|m| m.model.idf = vec![f32::NAN; m.model.features.len()]).is_empty());
    }

    #[test]
    fn a_post_model_weighs_its_ngrams_by_tf_idf_per_group() {
        let lm = LinearModel {
            features: vec!["c: a".into(), "c:ab".into(), "lex:all".into(), "w:ab".into()],
            weights: vec![1.0, 2.0, 0.5, 3.0],
            intercept: -1.0,
            threshold: 0.5,
            alpha: 1.0,
            idf: vec![1.0, 2.0, 1.0, 1.5],
            span_prior: None,
        };
        let s = Scorer::new(&lm);
        let bag = FeatureBag {
            ngrams: vec!["c: a".into(), "c:ab".into(), "c:ab".into(), "unknown".into(), "w:ab".into()],
            dense: vec![("lex:all".into(), 0.7)],
            ..Default::default()
        };
        // c: grams: 1 * 1 and (1 + ln 2) * 2, scaled to unit length; w:ab alone has length 1
        let (c1, c2) = (1.0f32, (1.0 + 2f32.ln()) * 2.0);
        let n = (c1 * c1 + c2 * c2).sqrt();
        let z = -1.0 + c1 / n + 2.0 * c2 / n + 3.0 + 0.5 * 0.7;
        assert!((s.prob(&bag) - sigmoid(z)).abs() < 1e-6, "{} vs {}", s.prob(&bag), sigmoid(z));
        // the same text through prob_sentence: n-grams from the input's lower-case words
        let text = "Ab";
        let a = crate::eval::loaded::analyze_plain(text);
        let m = crate::lexicon::Matcher::new(&crate::lexicon::Lexicon::default_lexicon(), crate::text::Lang::english());
        let input = SentenceInput::for_posts(text, &a, &m, &[], &[]);
        let (p, _) = s.prob_sentence(&input, 0..text.len());
        assert!((p - s.prob(&features::post_bag(&input, 0..text.len()))).abs() < 1e-6);
        let grams = features::post_bag(&input, 0..text.len()).ngrams;
        for g in ["w:ab", "c: a", "c:ab", "c:b ", "c: ab", "c:ab ", "c: ab "] {
            assert!(grams.contains(&g.to_string()), "{g} missing from {grams:?}");
        }
        // with a span prior, both paths add the same prior features
        let mut lm = lm.clone();
        lm.features.extend(prior::SPAN_FEATURES.map(String::from));
        lm.weights.extend([0.5, 0.1, 0.2, 0.3, 0.4, 0.6]);
        lm.idf.extend([1.0; 6]);
        lm.span_prior = Some(prior::SpanPrior { prefix_chars: 2, terms: vec![("ab".into(), 1.5)] });
        let s = Scorer::new(&lm);
        let text = "Abc de";
        let a = crate::eval::loaded::analyze_plain(text);
        let input = SentenceInput::for_posts(text, &a, &m, &[], &[]);
        let bag = features::post_bag(&input, 0..text.len());
        let (p, _) = s.prob_sentence(&input, 0..text.len());
        assert_eq!(p, s.prob(&bag), "the same bits whatever the order of the words");
        let without = Scorer::new(&LinearModel { span_prior: None, ..lm.clone() });
        let f = [0.75f32, 0.1, 0.5, 1.5, 0.75, 0.75]; // mean, >0.5 / 10, share >1, top 1, 10, 3
        let z: f32 = [0.5f32, 0.1, 0.2, 0.3, 0.4, 0.6].iter().zip(f).map(|(w, v)| w * v).sum();
        let logit = |p: f32| (p / (1.0 - p)).ln();
        assert!((logit(s.prob(&bag)) - logit(without.prob(&bag)) - z).abs() < 1e-4);
    }
}
