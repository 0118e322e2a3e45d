//! A BERT encoder's forward pass on the CPU (ndarray, f32), with low-rank adapters merged into
//! its linear layers at load time and a two-class token head on top.
//!
//! Post-layer-norm BERT as in the base model's `config.json`: embeddings (word + position +
//! token type 0, layer norm), then per layer self-attention, residual and layer norm, a GELU
//! feed-forward block, residual and layer norm. Sequences of a batch are stacked row-wise and
//! attend only within themselves, so no padding mask.

use std::collections::BTreeMap;

use ndarray::{s, Array1, Array2, ArrayView2, Axis};
use safetensors::{Dtype, SafeTensors};
use serde::Deserialize;

use super::gemm::Weights;
use super::EncoderError;

/// The fields of the base model's `config.json` the forward pass needs.
#[derive(Debug, Clone, Deserialize)]
pub struct BertConfig {
    pub hidden_size: usize,
    pub num_attention_heads: usize,
    pub num_hidden_layers: usize,
    pub intermediate_size: usize,
    pub max_position_embeddings: usize,
    pub vocab_size: usize,
    #[serde(default = "default_eps")]
    pub layer_norm_eps: f32,
    #[serde(default = "default_act")]
    pub hidden_act: String,
}

fn default_eps() -> f32 {
    1e-12
}
fn default_act() -> String {
    "gelu".into()
}

/// A linear layer stored as `in x out` so that `x.dot(w)` applies it.
#[derive(Debug, Clone)]
struct Linear {
    w: Weights,
    b: Array1<f32>,
}

impl Linear {
    fn apply(&self, x: &ArrayView2<f32>) -> Array2<f32> {
        self.w.apply(x, &self.b)
    }
}

#[derive(Debug, Clone)]
struct LayerNorm {
    g: Array1<f32>,
    b: Array1<f32>,
    eps: f32,
}

impl LayerNorm {
    fn apply(&self, x: &mut Array2<f32>) {
        for mut row in x.rows_mut() {
            let n = row.len() as f32;
            let mean = row.sum() / n;
            let var = row.iter().map(|v| (v - mean) * (v - mean)).sum::<f32>() / n;
            let inv = 1.0 / (var + self.eps).sqrt();
            for ((v, g), b) in row.iter_mut().zip(&self.g).zip(&self.b) {
                *v = (*v - mean) * inv * g + b;
            }
        }
    }
}

#[derive(Debug, Clone)]
struct Layer {
    q: Linear,
    k: Linear,
    v: Linear,
    o: Linear,
    ln1: LayerNorm,
    up: Linear,
    down: Linear,
    ln2: LayerNorm,
}

/// The encoder with its token head.
#[derive(Debug, Clone)]
pub struct Bert {
    cfg: BertConfig,
    word: Array2<f32>,
    position: Array2<f32>,
    token_type: Array1<f32>,
    ln: LayerNorm,
    layers: Vec<Layer>,
    head: Linear,
}

/// Named f32 tensors gathered from one or more safetensors files.
pub type Tensors = BTreeMap<String, (Vec<usize>, Vec<f32>)>;

/// Reads every f32 tensor of a safetensors file (other types are skipped) and its metadata.
pub fn read_tensors(bytes: &[u8], what: &str) -> Result<(Tensors, BTreeMap<String, String>), EncoderError> {
    let st = SafeTensors::deserialize(bytes).map_err(|e| EncoderError::Format(format!("{what}: {e}")))?;
    let (_, meta) = SafeTensors::read_metadata(bytes).map_err(|e| EncoderError::Format(format!("{what}: {e}")))?;
    let mut out = Tensors::new();
    for (name, view) in st.tensors() {
        if view.dtype() != Dtype::F32 {
            continue;
        }
        let data = view.data().chunks_exact(4).map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
        out.insert(name, (view.shape().to_vec(), data));
    }
    let meta = meta.metadata().clone().unwrap_or_default().into_iter().collect();
    Ok((out, meta))
}

struct Loader<'a> {
    base: &'a Tensors,
    adapter: &'a Tensors,
    scale: f32,
}

impl Loader<'_> {
    /// A tensor of the adapter if it has it (trained layer norms, the head), else of the base.
    fn get(&self, name: &str, shape: &[usize]) -> Result<Vec<f32>, EncoderError> {
        let (s, data) = self
            .adapter
            .get(name)
            .or_else(|| self.base.get(name))
            .ok_or_else(|| EncoderError::Format(format!("tensor {name} is missing")))?;
        if s != shape {
            return Err(EncoderError::Format(format!("tensor {name} has shape {s:?}, expected {shape:?}")));
        }
        Ok(data.clone())
    }

    fn matrix(&self, name: &str, rows: usize, cols: usize) -> Result<Array2<f32>, EncoderError> {
        Ok(Array2::from_shape_vec((rows, cols), self.get(name, &[rows, cols])?).expect("shape checked"))
    }

    fn vector(&self, name: &str, n: usize) -> Result<Array1<f32>, EncoderError> {
        Ok(Array1::from(self.get(name, &[n])?))
    }

    /// `prefix.weight` (out x in) plus the adapter's scale * B A when it has one, transposed.
    fn linear(&self, prefix: &str, input: usize, output: usize) -> Result<Linear, EncoderError> {
        let mut w = self.matrix(&format!("{prefix}.weight"), output, input)?;
        let a_name = format!("{prefix}.lora_a");
        if let Some((shape, _)) = self.adapter.get(&a_name) {
            let rank = shape.first().copied().unwrap_or(0);
            let a = self.matrix(&a_name, rank, input)?;
            let b = self.matrix(&format!("{prefix}.lora_b"), output, rank)?;
            w.scaled_add(self.scale, &b.dot(&a));
        }
        Ok(Linear {
            w: Weights::new(w.reversed_axes().as_standard_layout().to_owned()),
            b: self.vector(&format!("{prefix}.bias"), output)?,
        })
    }

    fn layer_norm(&self, prefix: &str, n: usize, eps: f32) -> Result<LayerNorm, EncoderError> {
        Ok(LayerNorm {
            g: self.vector(&format!("{prefix}.weight"), n)?,
            b: self.vector(&format!("{prefix}.bias"), n)?,
            eps,
        })
    }
}

impl Bert {
    /// Builds the model from the base weights, the adapter (low-rank factors `*.lora_a` /
    /// `*.lora_b` added to a layer's weights; any other tensor, such as a layer norm, a bias or
    /// `classifier.*`, replaces the base one) and the adapter's scale (alpha / rank).
    pub fn new(cfg: BertConfig, base: &Tensors, adapter: &Tensors, scale: f32) -> Result<Bert, EncoderError> {
        if cfg.hidden_act != "gelu" {
            return Err(EncoderError::Format(format!("activation {} is not supported (gelu only)", cfg.hidden_act)));
        }
        if cfg.max_position_embeddings < 3 || cfg.vocab_size < 3 {
            return Err(EncoderError::Format("config.json: too few positions or pieces for [CLS] x [SEP]".into()));
        }
        if cfg.num_attention_heads == 0 || !cfg.hidden_size.is_multiple_of(cfg.num_attention_heads) {
            return Err(EncoderError::Format("hidden size is not a multiple of the attention heads".into()));
        }
        let l = Loader { base, adapter, scale };
        let (h, eps) = (cfg.hidden_size, cfg.layer_norm_eps);
        let token_types = l.matrix("embeddings.token_type_embeddings.weight", 2, h)?;
        let mut layers = Vec::with_capacity(cfg.num_hidden_layers);
        for i in 0..cfg.num_hidden_layers {
            let p = format!("encoder.layer.{i}");
            layers.push(Layer {
                q: l.linear(&format!("{p}.attention.self.query"), h, h)?,
                k: l.linear(&format!("{p}.attention.self.key"), h, h)?,
                v: l.linear(&format!("{p}.attention.self.value"), h, h)?,
                o: l.linear(&format!("{p}.attention.output.dense"), h, h)?,
                ln1: l.layer_norm(&format!("{p}.attention.output.LayerNorm"), h, eps)?,
                up: l.linear(&format!("{p}.intermediate.dense"), h, cfg.intermediate_size)?,
                down: l.linear(&format!("{p}.output.dense"), cfg.intermediate_size, h)?,
                ln2: l.layer_norm(&format!("{p}.output.LayerNorm"), h, eps)?,
            });
        }
        Ok(Bert {
            word: l.matrix("embeddings.word_embeddings.weight", cfg.vocab_size, h)?,
            position: l.matrix("embeddings.position_embeddings.weight", cfg.max_position_embeddings, h)?,
            token_type: token_types.row(0).to_owned(),
            ln: l.layer_norm("embeddings.LayerNorm", h, eps)?,
            head: l.linear("classifier", h, 2)?,
            layers,
            cfg,
        })
    }

    /// The longest sequence the position embeddings allow.
    pub fn max_len(&self) -> usize {
        self.cfg.max_position_embeddings
    }

    pub fn vocab_size(&self) -> usize {
        self.cfg.vocab_size
    }

    /// Probability of the positive class for each piece of `ids` (at most [`Bert::max_len`],
    /// every id below the vocabulary size).
    pub fn token_probs(&self, ids: &[u32]) -> Vec<f32> {
        self.batch_probs(&[ids]).pop().unwrap_or_default()
    }

    /// [`Bert::token_probs`] of several sequences at once: their rows are stacked for the
    /// position-wise layers (one matrix product per layer instead of one per sequence) and
    /// attend only within their own sequence. Each sequence gets the values it would alone.
    pub fn batch_probs(&self, seqs: &[&[u32]]) -> Vec<Vec<f32>> {
        let h = self.cfg.hidden_size;
        let mut bounds = Vec::with_capacity(seqs.len());
        let mut n = 0;
        for s in seqs {
            bounds.push(n..n + s.len());
            n += s.len();
        }
        let mut x = Array2::<f32>::zeros((n, h));
        for (seq, r) in seqs.iter().zip(&bounds) {
            for (i, &id) in seq.iter().enumerate() {
                let mut row = x.row_mut(r.start + i);
                row += &self.word.row(id as usize);
                row += &self.position.row(i);
                row += &self.token_type;
            }
        }
        self.ln.apply(&mut x);
        let heads = self.cfg.num_attention_heads;
        let dh = h / heads;
        let scale = 1.0 / (dh as f32).sqrt();
        for layer in &self.layers {
            let q = layer.q.apply(&x.view());
            let k = layer.k.apply(&x.view());
            let v = layer.v.apply(&x.view());
            let mut ctx = Array2::<f32>::zeros((n, h));
            for r in &bounds {
                for hd in 0..heads {
                    let cols = s![r.clone(), hd * dh..(hd + 1) * dh];
                    let mut scores = q.slice(cols).dot(&k.slice(cols).t()) * scale;
                    for mut row in scores.rows_mut() {
                        let max = row.fold(f32::NEG_INFINITY, |m, &v| m.max(v));
                        row.mapv_inplace(|v| (v - max).exp());
                        let sum = row.sum();
                        row /= sum;
                    }
                    ctx.slice_mut(cols).assign(&scores.dot(&v.slice(cols)));
                }
            }
            let mut attn = layer.o.apply(&ctx.view()) + &x;
            layer.ln1.apply(&mut attn);
            let mut up = layer.up.apply(&attn.view());
            gelu_all(up.as_slice_mut().expect("a new array is contiguous"));
            let mut out = layer.down.apply(&up.view()) + &attn;
            layer.ln2.apply(&mut out);
            x = out;
        }
        let logits = self.head.apply(&x.view());
        let probs: Vec<f32> = logits.axis_iter(Axis(0)).map(|r| 1.0 / (1.0 + (r[0] - r[1]).exp())).collect();
        bounds.into_iter().map(|r| probs[r].to_vec()).collect()
    }
}

/// GELU of every value, in place: `x * Phi(x)` with the normal distribution's `Phi` written
/// through the complementary error function, `Phi(x) = erfc(-x / sqrt 2) / 2`.
///
/// `erfc(z)` for `z >= 0` is Abramowitz and Stegun's formula 7.1.26 (Handbook of Mathematical
/// Functions, 1964: `erfc(z) = (a1 t + ... + a5 t^5) exp(-z^2)`, `t = 1 / (1 + p z)`, absolute
/// error under 1.5e-7), and `exp` a polynomial after reduction by powers of two: no branch and
/// no call, so the loop runs on the CPU's vector units. Within 4e-7 of the exact GELU times
/// `max(1, |x|)` (tested against `libm::erff` over a dense grid).
fn gelu_all(values: &mut [f32]) {
    for v in values.iter_mut() {
        *v = gelu(*v);
    }
}

#[inline(always)]
fn gelu(x: f32) -> f32 {
    const P: f32 = 0.327_591_1;
    const A: [f32; 5] = [0.254_829_6, -0.284_496_74, 1.421_413_8, -1.453_152_1, 1.061_405_4];
    // beyond 9, erfc(z) is below 1e-36: taken as 0, and exp's argument stays in range
    let z = (x.abs() * std::f32::consts::FRAC_1_SQRT_2).min(9.0);
    let t = 1.0 / (1.0 + P * z);
    let poly = t * (A[0] + t * (A[1] + t * (A[2] + t * (A[3] + t * A[4]))));
    // erfc(|x| / sqrt 2), then Phi(x) = 1 - erfc / 2 for x >= 0 and erfc / 2 below
    let tail = if z < 9.0 { 0.5 * poly * exp_small(-z * z) } else { 0.0 };
    let phi = if x >= 0.0 { 1.0 - tail } else { tail };
    x * phi
}

/// `e^x` for `x` in [-81, 0]: `x = n ln 2 + r` with `|r| <= ln 2 / 2`, `e^r` by its Taylor
/// polynomial to `r^6 / 6!` (relative error under 2e-7), times `2^n` built from its bits.
#[inline(always)]
fn exp_small(x: f32) -> f32 {
    const LN2_HI: f32 = 0.693_145_75;
    const LN2_LO: f32 = 1.428_606_8e-6;
    // the nearest integer, for x <= 0 (truncation towards zero after subtracting a half;
    // no call to `floor`, which baseline x86-64 has no instruction for)
    let k = (x * std::f32::consts::LOG2_E - 0.5) as i32;
    let n = k as f32;
    let r = x - n * LN2_HI - n * LN2_LO;
    let p = 1.0 + r * (1.0 + r * (0.5 + r * (1.0 / 6.0 + r * (1.0 / 24.0 + r * (1.0 / 120.0 + r * (1.0 / 720.0))))));
    p * f32::from_bits(((k + 127) as u32) << 23)
}

/// A tiny random BERT for tests, in the base model's tensor layout.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    pub(crate) fn tiny_parts() -> (BertConfig, Tensors) {
        let cfg = BertConfig {
            hidden_size: 8,
            num_attention_heads: 2,
            num_hidden_layers: 2,
            intermediate_size: 16,
            max_position_embeddings: 32,
            vocab_size: 20,
            layer_norm_eps: 1e-12,
            hidden_act: "gelu".into(),
        };
        let mut seed = 7u64;
        let mut rand = |n: usize| -> Vec<f32> {
            (0..n)
                .map(|_| {
                    seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                    ((seed >> 33) as f32 / (1u64 << 31) as f32 - 0.5) * 0.4
                })
                .collect()
        };
        let mut base = Tensors::new();
        let mut put = |name: String, shape: Vec<usize>| {
            let n = shape.iter().product();
            base.insert(name, (shape, rand(n)));
        };
        put("embeddings.word_embeddings.weight".into(), vec![20, 8]);
        put("embeddings.position_embeddings.weight".into(), vec![32, 8]);
        put("embeddings.token_type_embeddings.weight".into(), vec![2, 8]);
        put("embeddings.LayerNorm.weight".into(), vec![8]);
        put("embeddings.LayerNorm.bias".into(), vec![8]);
        for i in 0..2 {
            let p = format!("encoder.layer.{i}");
            for (name, o, inp) in [
                ("attention.self.query", 8, 8),
                ("attention.self.key", 8, 8),
                ("attention.self.value", 8, 8),
                ("attention.output.dense", 8, 8),
                ("intermediate.dense", 16, 8),
                ("output.dense", 8, 16),
            ] {
                put(format!("{p}.{name}.weight"), vec![o, inp]);
                put(format!("{p}.{name}.bias"), vec![o]);
            }
            for ln in ["attention.output.LayerNorm", "output.LayerNorm"] {
                put(format!("{p}.{ln}.weight"), vec![8]);
                put(format!("{p}.{ln}.bias"), vec![8]);
            }
        }
        put("classifier.weight".into(), vec![2, 8]);
        put("classifier.bias".into(), vec![2]);
        (cfg, base)
    }
}

#[cfg(test)]
mod tests {
    use super::testing::tiny_parts;

    #[test]
    fn gelu_is_within_a_few_ulps_of_the_exact_one() {
        let exact = |x: f32| {
            let x = f64::from(x);
            0.5 * x * (1.0 + libm::erf(x / std::f64::consts::SQRT_2))
        };
        let mut worst = 0f64;
        let mut xs: Vec<f32> = (-12_000..=12_000).map(|k| k as f32 * 1e-3).collect();
        xs.extend([-1e30, -100.0, -40.0, 40.0, 100.0, 1e30, 0.0, -0.0, f32::MIN_POSITIVE, 1e-20]);
        for &x in &xs {
            let err = (f64::from(gelu(x)) - exact(x)).abs() / f64::from(x.abs()).max(1.0);
            worst = worst.max(err);
        }
        eprintln!("gelu worst scaled error {worst:e}");
        assert!(worst < 4e-7, "worst scaled error {worst}");
        let mut v = xs.clone();
        gelu_all(&mut v);
        assert!(v.iter().zip(&xs).all(|(g, &x)| *g == gelu(x)));
        assert_eq!(gelu(-1e30), 0.0);
        assert_eq!(gelu(1e30), 1e30);
    }
    use super::*;

    /// A tiny random BERT in the base model's tensor layout.
    fn tiny(adapter: &Tensors) -> Bert {
        let (cfg, base) = tiny_parts();
        Bert::new(cfg, &base, adapter, 2.0).unwrap()
    }

    #[test]
    fn probabilities_are_finite_and_depend_on_context() {
        let m = tiny(&Tensors::new());
        let a = m.token_probs(&[1, 5, 6, 2]);
        let b = m.token_probs(&[1, 5, 7, 2]);
        assert_eq!(a.len(), 4);
        assert!(a.iter().all(|p| p.is_finite() && (0.0..=1.0).contains(p)));
        assert_ne!(a[1], b[1], "attention lets a later piece change an earlier one");
        assert_eq!(a, m.token_probs(&[1, 5, 6, 2]), "deterministic");
        let batch = m.batch_probs(&[&[1, 5, 6, 2], &[3], &[1, 5, 7, 2]]);
        assert_eq!(batch.len(), 3);
        for (got, want) in batch[0].iter().chain(&batch[2]).zip(a.iter().chain(&b)) {
            assert!((got - want).abs() < 1e-6, "a sequence in a batch gets its values alone");
        }
    }

    #[test]
    fn an_adapter_changes_the_layers_it_names_and_a_zero_one_does_not() {
        let plain = tiny(&Tensors::new());
        let mut zero = Tensors::new();
        zero.insert("encoder.layer.0.attention.self.query.lora_a".into(), (vec![1, 8], vec![0.5; 8]));
        zero.insert("encoder.layer.0.attention.self.query.lora_b".into(), (vec![8, 1], vec![0.0; 8]));
        assert_eq!(tiny(&zero).token_probs(&[3, 4]), plain.token_probs(&[3, 4]));
        let mut some = zero.clone();
        some.insert(
            "encoder.layer.1.output.dense.lora_a".into(),
            (vec![1, 16], (0..16).map(|i| i as f32 / 8.0 - 1.0).collect()),
        );
        some.insert(
            "encoder.layer.1.output.dense.lora_b".into(),
            (vec![8, 1], (0..8).map(|i| 1.0 - i as f32 / 4.0).collect()),
        );
        assert_ne!(tiny(&some).token_probs(&[3, 4]), plain.token_probs(&[3, 4]));
    }

    #[test]
    fn a_wrong_shape_is_an_error_not_a_panic() {
        let (cfg, base) = tiny_parts();
        let mut bad = Tensors::new();
        bad.insert("classifier.weight".into(), (vec![3, 8], vec![0.0; 24]));
        let err = Bert::new(cfg, &base, &bad, 1.0).unwrap_err();
        assert!(err.to_string().contains("classifier.weight"), "{err}");
    }
}
