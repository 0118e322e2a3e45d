//! The encoder stage (opt-in, `--encoder DIR`): a fine-tuned transformer that marks loaded
//! words in context, beside the lexicon.
//!
//! The base model is sentence-transformers' all-MiniLM-L6-v2 (Apache-2.0; 6 layers, 384
//! dimensions), which the user downloads once (`scripts/fetch-encoder.sh`); slant embeds only what
//! fine-tuning on PTC train changed (`data/encoder/adapter.safetensors`, made by
//! `scripts/train_encoder.py`): every linear layer's change as low-rank factors, and whole the
//! biases, layer norms, position embeddings and a two-class word head; and the settings in
//! `data/encoder/encoder.json` (the word threshold, chosen on a held-out block of PTC train). The
//! base file's SHA-256 is checked at load: the adapter was trained for those exact weights.
//!
//! Each body line is cut into chunks of at most [`EncoderSettings::chunk_units`] units (words
//! and punctuation marks; training cut lines the same way, with a regular expression that
//! splits `3.5` and `U.S` into three units where slant keeps one word); every unit's probability is the mean over its
//! word pieces; runs of adjacent units of a line at or above the threshold, trimmed to words,
//! are the encoder's hits.

pub mod bert;
mod gemm;
pub mod wordpiece;

use std::ops::Range;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::lexicon::Voice;
use crate::text::TextAnalysis;
use bert::{read_tensors, Bert, BertConfig};
use wordpiece::Vocab;

/// The trained adapter embedded in the binary.
pub const DEFAULT_ADAPTER: &[u8] = include_bytes!("../../data/encoder/adapter.safetensors");
/// Its settings.
pub const DEFAULT_SETTINGS: &str = include_str!("../../data/encoder/encoder.json");

/// Why the encoder could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum EncoderError {
    #[error("cannot read {path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{0}")]
    Format(String),
    #[error(
        "{path} has SHA-256 {found}, but the adapter was trained on {expected} ({base}); fetch that model with scripts/fetch-encoder.sh"
    )]
    WrongBase { path: PathBuf, found: String, expected: String, base: String },
}

/// How the user asked for the encoder stage (`--encoder`, `--encoder-adapter`,
/// `--encoder-threshold`).
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct EncoderOptions {
    /// Folder of the base model.
    pub dir: PathBuf,
    /// An adapter file (from `scripts/train_encoder.py`) instead of the embedded one.
    pub adapter: Option<PathBuf>,
    /// A word threshold instead of the settings' one.
    pub threshold: Option<f32>,
}

/// The settings the adapter was trained and tuned with (`data/encoder/encoder.json`).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct EncoderSettings {
    /// Name of the base model.
    pub base: String,
    /// SHA-256 of the base model's `model.safetensors`.
    pub base_sha256: String,
    /// A unit at or above this probability is loaded.
    pub threshold: f32,
    /// Units (words and punctuation marks) per chunk, at most.
    pub chunk_units: usize,
    /// Word pieces per chunk, `[CLS]` and `[SEP]` included, at most; pieces past it are dropped.
    pub max_pieces: usize,
    /// How the adapter was made (free text for run.json).
    pub trained: String,
}

/// One span the encoder marks as loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct EncoderHit {
    /// Byte range, from the first word's start to the last word's end.
    pub start: usize,
    pub end: usize,
    /// Mean probability of the span's words.
    pub prob: f32,
    /// Sentence of the first word.
    pub sentence: u32,
    pub voice: Voice,
    /// A negator among the three words before, in the same sentence (as for lexicon hits).
    pub negated: bool,
}

/// The loaded model, ready to run (immutable, shared across threads).
pub struct EncoderStage {
    bert: Bert,
    vocab: Vocab,
    pub settings: EncoderSettings,
    /// Where the base model was read from.
    pub dir: PathBuf,
    /// SHA-256 of the adapter's bytes (what `sha256sum` gives for its file).
    pub sha256: String,
}

fn read(path: &Path) -> Result<Vec<u8>, EncoderError> {
    std::fs::read(path).map_err(|source| EncoderError::Io { path: path.to_path_buf(), source })
}

impl EncoderStage {
    /// Loads the base model from `dir` (`config.json`, `vocab.txt`, `model.safetensors`) with the
    /// embedded adapter.
    pub fn load(dir: &Path) -> Result<EncoderStage, EncoderError> {
        let settings: EncoderSettings = serde_json::from_str(DEFAULT_SETTINGS)
            .map_err(|e| EncoderError::Format(format!("data/encoder/encoder.json: {e}")))?;
        Self::load_with(dir, DEFAULT_ADAPTER, settings)
    }

    /// Loads the stage as `opts` asks: the embedded adapter and settings unless overridden.
    pub fn from_options(opts: &EncoderOptions) -> Result<EncoderStage, EncoderError> {
        let mut settings: EncoderSettings = serde_json::from_str(DEFAULT_SETTINGS)
            .map_err(|e| EncoderError::Format(format!("data/encoder/encoder.json: {e}")))?;
        if let Some(t) = opts.threshold {
            if !(t > 0.0 && t < 1.0) {
                return Err(EncoderError::Format(format!("the encoder threshold must lie between 0 and 1, not {t}")));
            }
            settings.threshold = t;
        }
        match &opts.adapter {
            Some(path) => {
                settings.trained = format!("adapter {}", path.display());
                Self::load_with(&opts.dir, &read(path)?, settings)
            }
            None => Self::load_with(&opts.dir, DEFAULT_ADAPTER, settings),
        }
    }

    /// Loads the base model from `dir` with the given adapter bytes and settings.
    pub fn load_with(dir: &Path, adapter: &[u8], settings: EncoderSettings) -> Result<EncoderStage, EncoderError> {
        if settings.chunk_units == 0 || settings.max_pieces < 3 {
            return Err(EncoderError::Format("chunk_units must be above 0 and max_pieces above 2".into()));
        }
        let cfg_path = dir.join("config.json");
        let cfg: BertConfig = serde_json::from_slice(&read(&cfg_path)?)
            .map_err(|e| EncoderError::Format(format!("{}: {e}", cfg_path.display())))?;
        let vocab_path = dir.join("vocab.txt");
        let vocab_text = String::from_utf8(read(&vocab_path)?)
            .map_err(|_| EncoderError::Format(format!("{} is not UTF-8", vocab_path.display())))?;
        let vocab = Vocab::parse(&vocab_text)?;
        if vocab.len != cfg.vocab_size {
            return Err(EncoderError::Format(format!(
                "vocab.txt has {} pieces but config.json says {}",
                vocab.len, cfg.vocab_size
            )));
        }
        let model_path = dir.join("model.safetensors");
        let bytes = read(&model_path)?;
        let found = crate::ingest::sha256_hex(&bytes);
        if !settings.base_sha256.is_empty() && found != settings.base_sha256 {
            return Err(EncoderError::WrongBase {
                path: model_path,
                found,
                expected: settings.base_sha256.clone(),
                base: settings.base.clone(),
            });
        }
        let (base, _) = read_tensors(&bytes, &model_path.display().to_string())?;
        drop(bytes);
        let (adapter_tensors, meta) = read_tensors(adapter, "adapter")?;
        let number = |key: &str| -> Result<f32, EncoderError> {
            meta.get(key)
                .and_then(|v| v.parse::<f32>().ok())
                .ok_or_else(|| EncoderError::Format(format!("adapter metadata has no number `{key}`")))
        };
        let scale = number("alpha")? / number("rank")?.max(1.0);
        let bert = Bert::new(cfg, &base, &adapter_tensors, scale)?;
        let sha256 = crate::ingest::sha256_hex(adapter);
        Ok(EncoderStage { bert, vocab, settings, dir: dir.to_path_buf(), sha256 })
    }

    /// The word pieces of one chunk of units (byte ranges into `text`, in order), `[CLS]` and
    /// `[SEP]` around, at most `max_pieces` in all; with each piece's unit (`usize::MAX` for the
    /// two markers).
    pub fn pieces(&self, text: &str, units: &[Range<usize>]) -> (Vec<u32>, Vec<usize>) {
        let limit = self.settings.max_pieces.min(self.bert.max_len());
        let mut ids = vec![self.vocab.cls];
        let mut owner = vec![usize::MAX];
        let mut pieces = Vec::new();
        'units: for (u, r) in units.iter().enumerate() {
            pieces.clear();
            self.vocab.pieces(&text[r.clone()], &mut pieces);
            for &p in &pieces {
                if ids.len() + 1 >= limit {
                    break 'units;
                }
                ids.push(if (p as usize) < self.bert.vocab_size() { p } else { self.vocab.unk });
                owner.push(u);
            }
        }
        ids.push(self.vocab.sep);
        owner.push(usize::MAX);
        (ids, owner)
    }

    /// Probability of each unit of one chunk: the mean over the unit's word pieces, 0 for a
    /// unit with no piece or past the piece limit.
    pub fn unit_probs(&self, text: &str, units: &[Range<usize>]) -> Vec<f32> {
        self.chunks_probs(text, &[units]).pop().unwrap_or_default()
    }

    /// [`EncoderStage::unit_probs`] of several chunks, run through the model together.
    fn chunks_probs(&self, text: &str, chunks: &[&[Range<usize>]]) -> Vec<Vec<f32>> {
        let pieces: Vec<(Vec<u32>, Vec<usize>)> = chunks.iter().map(|c| self.pieces(text, c)).collect();
        let ids: Vec<&[u32]> = pieces.iter().map(|(ids, _)| ids.as_slice()).collect();
        let probs = self.bert.batch_probs(&ids);
        chunks
            .iter()
            .zip(&pieces)
            .zip(probs)
            .map(|((units, (_, owner)), probs)| {
                let mut sum = vec![0f32; units.len()];
                let mut n = vec![0u32; units.len()];
                for (&u, p) in owner.iter().zip(probs) {
                    if u != usize::MAX {
                        sum[u] += p;
                        n[u] += 1;
                    }
                }
                sum.iter().zip(&n).map(|(s, &k)| if k == 0 { 0.0 } else { s / k as f32 }).collect()
            })
            .collect()
    }

    /// The article's loaded spans, in text order. Chunks go through the model in batches of
    /// about `BATCH_PIECES` (512) pieces.
    pub fn hits(&self, text: &str, analysis: &TextAnalysis) -> Vec<EncoderHit> {
        let lines = lines(text, analysis);
        // (line, chunk ranges) of every chunk, in order
        let chunks: Vec<(usize, Vec<Range<usize>>)> = lines
            .iter()
            .enumerate()
            .flat_map(|(li, line)| {
                line.chunks(self.settings.chunk_units).map(move |c| (li, c.iter().map(|u| u.range.clone()).collect()))
            })
            .collect();
        let mut probs: Vec<Vec<f32>> = vec![Vec::new(); lines.len()];
        let mut start = 0;
        while start < chunks.len() {
            let mut end = start;
            let mut size = 0;
            while end < chunks.len() && (end == start || size + chunks[end].1.len() * 2 <= BATCH_PIECES) {
                size += chunks[end].1.len() * 2;
                end += 1;
            }
            let batch: Vec<&[Range<usize>]> = chunks[start..end].iter().map(|(_, c)| c.as_slice()).collect();
            for ((li, _), p) in chunks[start..end].iter().zip(self.chunks_probs(text, &batch)) {
                probs[*li].extend(p);
            }
            start = end;
        }
        let mut out = Vec::new();
        for (line, p) in lines.iter().zip(&probs) {
            runs(line, p, self.settings.threshold, analysis, text, &mut out);
        }
        out
    }
}

/// Word pieces per model batch, roughly (two pieces a unit are assumed): enough rows for the
/// matrix products to pay for packing the weights, few enough to stay in cache.
const BATCH_PIECES: usize = 512;

/// The encoder hits that overlap none of `taken` (the counted lexicon hits' byte ranges, sorted
/// by start): a span both find is one hit, the lexicon's, which names its term and category.
pub fn beyond(hits: Vec<EncoderHit>, taken: &[Range<usize>]) -> Vec<EncoderHit> {
    hits.into_iter().filter(|h| !taken.iter().any(|r| r.start < h.end && h.start < r.end)).collect()
}

/// A word (with its index in the analysis) or a punctuation mark.
#[derive(Debug, Clone, PartialEq)]
struct Unit {
    range: Range<usize>,
    token: Option<usize>,
}

/// The body's units, one list per text line, in order.
fn lines(text: &str, analysis: &TextAnalysis) -> Vec<Vec<Unit>> {
    let mut out: Vec<Vec<Unit>> = Vec::new();
    let mut last_line_start = usize::MAX;
    // start of the line holding `scanned`, found by scanning forward once over the text
    let (mut scanned, mut line_start) = (0usize, 0usize);
    let mut t = 0usize;
    let tokens = &analysis.tokens;
    for s in &analysis.sentences {
        let mut seg_start = s.start;
        for seg_end in text[s.clone()].match_indices('\n').map(|(i, _)| s.start + i).chain([s.end]) {
            let seg = seg_start..seg_end;
            seg_start = seg_end + 1;
            if seg.is_empty() {
                continue;
            }
            if let Some(i) = text[scanned..seg.start].rfind('\n') {
                line_start = scanned + i + 1;
            }
            scanned = seg.start;
            if line_start != last_line_start {
                out.push(Vec::new());
                last_line_start = line_start;
            }
            let units = out.last_mut().expect("pushed above");
            while t < tokens.len() && tokens[t].end <= seg.start {
                t += 1;
            }
            let mut pos = seg.start;
            while pos < seg.end {
                if t < tokens.len() && tokens[t].start <= pos && tokens[t].start < seg.end {
                    let end = tokens[t].end.min(seg.end);
                    units.push(Unit { range: tokens[t].start.max(pos)..end, token: Some(t) });
                    pos = end;
                    t += 1;
                    continue;
                }
                let next = if t < tokens.len() { tokens[t].start.clamp(pos, seg.end) } else { seg.end };
                for (i, c) in text[pos..next].char_indices() {
                    if !c.is_whitespace() {
                        units.push(Unit { range: pos + i..pos + i + c.len_utf8(), token: None });
                    }
                }
                if next == pos {
                    break;
                }
                pos = next;
            }
        }
    }
    out.retain(|l| !l.is_empty());
    out
}

/// Appends the runs of units at or above `threshold`, trimmed to their first and last word. A run
/// made only of function words ("the", "so", "it": [`crate::text::is_stopword`]) is no hit: no
/// researcher could defend it as loaded language.
fn runs(line: &[Unit], probs: &[f32], threshold: f32, analysis: &TextAnalysis, text: &str, out: &mut Vec<EncoderHit>) {
    let mut i = 0;
    while i < line.len() {
        if probs[i] < threshold {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < line.len() && probs[j + 1] >= threshold {
            j += 1;
        }
        let words: Vec<(usize, f32)> = (i..=j).filter_map(|k| line[k].token.map(|t| (t, probs[k]))).collect();
        let content =
            words.iter().any(|&(t, _)| !crate::text::is_stopword(&analysis.tokens[t].text(text).to_lowercase()));
        if let (true, Some(&(first, _)), Some(&(last, _))) = (content, words.first(), words.last()) {
            let tok = &analysis.tokens[first];
            let negated = (first.saturating_sub(3)..first).any(|k| {
                let w = &analysis.tokens[k];
                w.sentence == tok.sentence && crate::lexicon::is_negator(&text[w.start..w.end])
            });
            out.push(EncoderHit {
                start: tok.start,
                end: analysis.tokens[last].end,
                prob: words.iter().map(|w| w.1).sum::<f32>() / words.len() as f32,
                sentence: tok.sentence,
                voice: if tok.quoted { Voice::Quoted } else { Voice::Own },
                negated,
            });
        }
        i = j + 1;
    }
}

#[cfg(test)]
pub(crate) mod testing {
    use super::bert::testing::tiny_parts;
    use super::*;

    /// Safetensors bytes of named f32 tensors.
    pub(crate) fn safetensors_bytes(t: &bert::Tensors, meta: &[(&str, &str)]) -> Vec<u8> {
        let bytes: Vec<(String, Vec<usize>, Vec<u8>)> = t
            .iter()
            .map(|(k, (shape, v))| (k.clone(), shape.clone(), v.iter().flat_map(|x| x.to_le_bytes()).collect()))
            .collect();
        let views: Vec<(String, safetensors::tensor::TensorView)> = bytes
            .iter()
            .map(|(k, shape, b)| {
                (k.clone(), safetensors::tensor::TensorView::new(safetensors::Dtype::F32, shape.clone(), b).unwrap())
            })
            .collect();
        let meta = meta.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        safetensors::serialize(views, Some(meta)).unwrap()
    }

    /// A folder with a tiny random base model (20 pieces, 2 layers) and a stage on it whose
    /// adapter is just a head.
    pub(crate) fn tiny_stage(threshold: f32) -> (tempfile::TempDir, EncoderStage) {
        let dir = tempfile::tempdir().unwrap();
        let (_, base) = tiny_parts();
        std::fs::write(
            dir.path().join("config.json"),
            r#"{"hidden_size": 8, "num_attention_heads": 2, "num_hidden_layers": 2, "intermediate_size": 16,
                "max_position_embeddings": 32, "vocab_size": 20, "hidden_act": "gelu"}"#,
        )
        .unwrap();
        let vocab = [
            "[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "despot", "war", "regime", "said", ",", ".", "a", "brutal",
            "##s", "council", "budget", "\"", "kim", "it", "was",
        ];
        std::fs::write(dir.path().join("vocab.txt"), vocab.join("\n")).unwrap();
        std::fs::write(dir.path().join("model.safetensors"), safetensors_bytes(&base, &[])).unwrap();
        let mut head = bert::Tensors::new();
        head.insert("classifier.weight".into(), (vec![2, 8], (0..16).map(|i| (i as f32 - 8.0) / 10.0).collect()));
        head.insert("classifier.bias".into(), (vec![2], vec![0.1, -0.1]));
        let adapter = safetensors_bytes(&head, &[("rank", "8"), ("alpha", "16")]);
        let settings = EncoderSettings {
            base: "tiny".into(),
            base_sha256: String::new(),
            threshold,
            chunk_units: 4,
            max_pieces: 12,
            trained: "test".into(),
        };
        let stage = EncoderStage::load_with(dir.path(), &adapter, settings).unwrap();
        (dir, stage)
    }
}

#[cfg(test)]
mod tests {
    use super::testing::tiny_stage;
    use super::*;
    use crate::text::analyze;

    #[test]
    fn a_stage_marks_spans_inside_the_text_and_the_threshold_decides_how_many() {
        let text = "The despot said a brutal war, \"the regime\" was brutal.\nThe council budget was said.";
        let a = analyze(text, &[0..text.len()]);
        let (_dir, low) = tiny_stage(0.001);
        let (_dir2, high) = tiny_stage(0.999);
        let many = low.hits(text, &a);
        assert!(!many.is_empty());
        for h in &many {
            assert!(h.start < h.end && h.end <= text.len());
            assert!(!text[h.start..h.end].contains('\n'), "a hit never crosses a line");
            assert!(text[h.start..h.end].chars().next().unwrap().is_alphanumeric());
        }
        assert!(high.hits(text, &a).is_empty());
        assert_eq!(low.hits(text, &a), many, "deterministic");
        // more units than one chunk and more pieces than max_pieces: every unit still has a value
        let units: Vec<Range<usize>> = a.tokens.iter().map(|t| t.range()).collect();
        let probs = low.unit_probs(text, &units);
        assert_eq!(probs.len(), units.len());
        assert!(probs[units.len() - 1] == 0.0, "units past the piece limit get 0");
    }

    #[test]
    fn loading_errors_name_the_file() {
        let (dir, _) = tiny_stage(0.5);
        let mut settings: EncoderSettings = serde_json::from_str(DEFAULT_SETTINGS).unwrap();
        let err = EncoderStage::load_with(dir.path(), DEFAULT_ADAPTER, settings.clone()).err().unwrap().to_string();
        assert!(err.contains("model.safetensors") && err.contains("fetch-encoder.sh"), "{err}");
        settings.base_sha256.clear();
        let err =
            EncoderStage::load_with(Path::new("/no/such/dir"), DEFAULT_ADAPTER, settings).err().unwrap().to_string();
        assert!(err.contains("config.json"), "{err}");
        let opts = EncoderOptions { dir: dir.path().into(), adapter: None, threshold: Some(1.5) };
        let err = EncoderStage::from_options(&opts).err().unwrap().to_string();
        assert!(err.contains("between 0 and 1"), "{err}");
    }

    #[test]
    fn hits_the_lexicon_already_has_are_left_to_it() {
        let h = |start, end| EncoderHit { start, end, prob: 0.9, sentence: 0, voice: Voice::Own, negated: false };
        let kept = beyond(vec![h(0, 5), h(6, 10), h(20, 30)], &[4..7, 30..35]);
        assert_eq!(kept, vec![h(20, 30)]);
    }

    #[test]
    fn units_are_words_and_marks_one_list_per_line() {
        let text = "Title here\n\nThe despot's \"war\" goes on. It ends.\nNext line, too.";
        let a = analyze(text, &[0..10, 12..text.len()]);
        let ls = lines(text, &a);
        let shown: Vec<Vec<&str>> = ls.iter().map(|l| l.iter().map(|u| &text[u.range.clone()]).collect()).collect();
        assert_eq!(
            shown,
            vec![
                vec!["Title", "here"],
                vec!["The", "despot's", "\"", "war", "\"", "goes", "on", ".", "It", "ends", "."],
                vec!["Next", "line", ",", "too", "."],
            ]
        );
        let words: usize = ls.iter().flatten().filter(|u| u.token.is_some()).count();
        assert_eq!(words, a.words());
    }

    #[test]
    fn runs_are_trimmed_to_words_and_broken_by_low_units() {
        let text = "a brutal, evil regime \"here\" x";
        let a = analyze(text, &[0..text.len()]);
        let l = &lines(text, &a)[0];
        let shown: Vec<&str> = l.iter().map(|u| &text[u.range.clone()]).collect();
        assert_eq!(shown, vec!["a", "brutal", ",", "evil", "regime", "\"", "here", "\"", "x"]);
        let probs = [0.1, 0.9, 0.8, 0.7, 0.6, 0.9, 0.2, 0.9, 0.0];
        let mut out = Vec::new();
        runs(l, &probs, 0.5, &a, text, &mut out);
        let spans: Vec<&str> = out.iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(spans, vec!["brutal, evil regime"], "marks alone make no hit; a low word breaks a run");
        assert!((out[0].prob - 2.2 / 3.0).abs() < 1e-6, "mean of the words only: {}", out[0].prob);
    }

    #[test]
    fn runs_of_function_words_alone_are_no_hits() {
        let text = "So it was the brutal end of it";
        let a = analyze(text, &[0..text.len()]);
        let l = &lines(text, &a)[0];
        let probs = [0.9, 0.9, 0.1, 0.9, 0.9, 0.9, 0.1, 0.9];
        let mut out = Vec::new();
        runs(l, &probs, 0.5, &a, text, &mut out);
        let spans: Vec<&str> = out.iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(spans, vec!["the brutal end"], "\"So it\" and \"it\" are function words only");
    }

    proptest::proptest! {
        /// Any text: units lie inside the text on char boundaries, every body word is a unit,
        /// and the stage's hits start and end on words of one line.
        #[test]
        fn units_and_hits_stay_inside_any_text(text in "(\\PC|[ \n\"“”.,—-]|despot|war){0,80}") {
            static STAGE: std::sync::OnceLock<(tempfile::TempDir, EncoderStage)> = std::sync::OnceLock::new();
            let (_, stage) = STAGE.get_or_init(|| super::testing::tiny_stage(0.4));
            let a = analyze(&text, &[0..text.len()]);
            let ls = lines(&text, &a);
            for u in ls.iter().flatten() {
                proptest::prop_assert!(u.range.start < u.range.end && u.range.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(u.range.start) && text.is_char_boundary(u.range.end));
            }
            proptest::prop_assert_eq!(ls.iter().flatten().filter(|u| u.token.is_some()).count(), a.words());
            for h in stage.hits(&text, &a) {
                proptest::prop_assert!(h.start < h.end && h.end <= text.len());
                proptest::prop_assert!(a.tokens.iter().any(|t| t.start == h.start));
                proptest::prop_assert!(a.tokens.iter().any(|t| t.end == h.end));
                proptest::prop_assert!(!text[h.start..h.end].contains('\n'));
            }
        }
    }
}
