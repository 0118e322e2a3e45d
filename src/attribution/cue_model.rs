//! The cue model (step 1 of extraction): a logistic regression over the features of every word
//! outside quotations, the embedded model, and its training ([`train_cue_model`]).

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use crate::text::Stemmer;

use crate::text::TextAnalysis;

use super::doc::Doc;

/// The embedded cue model.
pub const CUE_MODEL_TSV: &str = include_str!("../../data/attribution/cue_words.tsv");

/// Logistic-regression cue model: feature weights plus the two probability thresholds.
#[derive(Debug, Clone, PartialEq)]
pub struct CueModel {
    weights: HashMap<String, f32>,
    /// The same weights keyed by template and the hashes of the parts ([`feature_key`]).
    hashed: HashedWeights,
    /// The hashes of every stem a feature of a stem template (`s=`, `sp=`, ...) holds: a word
    /// whose stem is not among them skips those templates' lookups (their weights are 0).
    stems: StemSet,
    /// A cue needs one word at or above this probability.
    pub threshold: f32,
    /// Words at or above this probability next to a cue word join it.
    pub low: f32,
}

/// The embedded default cue model.
pub fn default_model() -> &'static CueModel {
    static MODEL: OnceLock<CueModel> = OnceLock::new();
    MODEL.get_or_init(|| CueModel::parse(CUE_MODEL_TSV).expect("embedded cue model is valid (tested)"))
}

impl CueModel {
    /// Parses `feature<TAB>weight[<TAB>...]` rows after a `feature<TAB>weight` header; comment
    /// lines `# threshold: X` and `# low: X` set the thresholds.
    pub fn parse(tsv: &str) -> Result<CueModel, String> {
        let mut m = CueModel::new(HashMap::new(), 0.5, 0.5);
        let mut header = false;
        for item in crate::datafile::lines(tsv) {
            use crate::datafile::Line;
            let num = |n: usize, v: &str| v.parse::<f32>().map_err(|_| format!("line {n}: bad number"));
            let (n, line) = match item {
                Line::Setting { number, key: "threshold", value } => {
                    m.threshold = num(number, value)?;
                    continue;
                }
                Line::Setting { number, key: "low", value } => {
                    m.low = num(number, value)?;
                    continue;
                }
                Line::Setting { .. } => continue,
                Line::Row { number, text } => (number, text),
            };
            let mut f = line.split('\t');
            let (Some(name), Some(w)) = (f.next(), f.next()) else {
                return Err(format!("line {}: expected feature<TAB>weight", n));
            };
            if !header {
                if name != "feature" || w != "weight" {
                    return Err(format!("line {}: expected the header feature<TAB>weight", n));
                }
                header = true;
                continue;
            }
            let w = w.parse::<f32>().map_err(|_| format!("line {}: bad weight '{w}'", n))?;
            m.weights.insert(name.to_string(), w);
            for key in keys_of_name(name) {
                m.hashed.insert(key, w);
            }
            for stem in stems_of_name(name) {
                m.stems.insert(stem);
            }
        }
        if !header {
            return Err("no header row".into());
        }
        Ok(m)
    }

    /// Number of weighted features.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// The model as TSV, features sorted by name, each with its weight and the training
    /// `support` (words that had it) when known; `comment` lines go first, prefixed with `#`.
    pub fn to_tsv(&self, comment: &str, support: &HashMap<String, u32>) -> String {
        let mut s = String::new();
        for line in comment.lines() {
            s.push_str(&format!("# {line}\n"));
        }
        s.push_str(&format!("# threshold: {}\n# low: {}\n", self.threshold, self.low));
        s.push_str("feature\tweight\tsupport\n");
        let mut names: Vec<&String> = self.weights.keys().collect();
        names.sort();
        for n in names {
            let sup = support.get(n).copied().unwrap_or(0);
            s.push_str(&format!("{n}\t{:.4}\t{sup}\n", self.weights[n]));
        }
        s
    }

    fn new(weights: HashMap<String, f32>, threshold: f32, low: f32) -> CueModel {
        let hashed = weights.iter().flat_map(|(k, &w)| keys_of_name(k).into_iter().map(move |key| (key, w))).collect();
        let stems = weights.keys().flat_map(|k| stems_of_name(k)).collect();
        CueModel { weights, hashed, stems, threshold, low }
    }
}

fn stemmer() -> Stemmer {
    crate::text::Lang::english().stemmer()
}

/// What the parts of a feature are made of (see [`TEMPLATES`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// The word, lower-cased.
    W,
    /// Its stem.
    S,
    /// What stands before / after it ([`Doc::prev_symbol`], [`Doc::next_symbol`]).
    P,
    N,
    /// What stands before the previous word / after the next one (`<s>`, `</s>` at the ends).
    P2,
    N2,
    /// The shape of the previous / next word (`<s>`, `</s>` at the ends).
    Ps,
    Ns,
    /// Quotations before / after the word in its sentence.
    Q,
    /// Position in the sentence.
    Pos,
    /// The last three letters.
    Suf,
    /// Relation to the closest earlier / later core reporting verb.
    Rep,
    Ra,
    /// Capitalised inside a sentence.
    Cap,
}

const PARTS: usize = 14;

use Part::*;

/// The feature templates: a feature's name is its prefix, then its parts joined by `|`.
const TEMPLATES: [(&str, &[Part]); 22] = [
    ("bias", &[]),
    ("w=", &[W]),
    ("s=", &[S]),
    ("p=", &[P]),
    ("n=", &[N]),
    ("p2=", &[P2]),
    ("n2=", &[N2]),
    ("sp=", &[S, P]),
    ("sn=", &[S, N]),
    ("sns=", &[S, Ns]),
    ("pns=", &[Ps, Ns]),
    ("q=", &[Q]),
    ("sq=", &[S, Q]),
    ("pos=", &[Pos]),
    ("spos=", &[S, Pos]),
    ("suf=", &[Suf]),
    ("sufq=", &[Suf, Q, Ps]),
    ("rep=", &[Rep]),
    ("srep=", &[S, Rep]),
    ("ra=", &[Ra]),
    ("sra=", &[S, Ra]),
    ("cap=", &[Cap]),
];

/// The parts of word `i` (which is outside quotations) that are the same for every text of
/// a kind, or a slice of the word.
fn quote_part(d: &Doc, i: usize) -> &'static str {
    match (d.quote_before[i], d.quote_after[i]) {
        (false, false) => "none",
        (true, false) => "before",
        (false, true) => "after",
        (true, true) => "both",
    }
}

fn pos_part(d: &Doc, i: usize) -> &'static str {
    match i - d.sent_first[i] {
        0 => "0",
        1 => "1",
        2 | 3 => "2-3",
        _ => "4+",
    }
}

fn suffix_part(w: &str) -> &str {
    &w[w.char_indices().rev().nth(2).map_or(0, |(k, _)| k)..]
}

fn cap_part(d: &Doc, i: usize) -> &'static str {
    if d.capitalised(i) && !d.first[i] {
        "true"
    } else {
        "false"
    }
}

fn prev_shape(d: &Doc, i: usize) -> &'static str {
    if d.first[i] {
        "<s>"
    } else {
        d.shape(i - 1)
    }
}

fn next_shape(d: &Doc, i: usize) -> &'static str {
    if d.last[i] {
        "</s>"
    } else {
        d.shape(i + 1)
    }
}

/// The names of the features of word `i` (which is outside quotations), in template order,
/// for training.
fn feature_names(d: &Doc, i: usize, s: &str, out: &mut Vec<String>) {
    let p2 = if d.first[i] { "<s>".into() } else { d.prev_symbol(i - 1) };
    let n2 = if d.last[i] { "</s>".into() } else { d.next_symbol(i + 1) };
    let w = &*d.lower[i];
    let parts: [std::borrow::Cow<str>; PARTS] = [
        w.into(),
        s.into(),
        d.prev_symbol(i),
        d.next_symbol(i),
        p2,
        n2,
        prev_shape(d, i).into(),
        next_shape(d, i).into(),
        quote_part(d, i).into(),
        pos_part(d, i).into(),
        suffix_part(w).into(),
        d.rep_before[i].into(),
        d.rep_after[i].into(),
        cap_part(d, i).into(),
    ];
    for (prefix, of) in TEMPLATES {
        let mut name = prefix.to_string();
        for (k, part) in of.iter().enumerate() {
            if k > 0 {
                name.push('|');
            }
            name.push_str(&parts[*part as usize]);
        }
        out.push(name);
    }
}

/// 64-bit FNV-1a hash of a string given in pieces (the same as of the joined string).
fn hash_str(pieces: &[&str]) -> u64 {
    let mut h = crate::text::Fnv::default();
    for p in pieces {
        std::hash::Hasher::write(&mut h, p.as_bytes());
    }
    h.raw()
}

/// The key of a feature: its template's index mixed with the hash of each part in turn.
fn feature_key(template: usize, parts: impl IntoIterator<Item = u64>) -> u64 {
    let mut h = crate::text::mix64(0x9e37_79b9_7f4a_7c15 ^ template as u64);
    for p in parts {
        h = crate::text::mix64(h.rotate_left(23) ^ p);
    }
    h
}

/// Every key a feature name can stand for: a part may itself hold `|`, so each way of cutting
/// the name into its template's parts gets the weight (two features whose joined names are
/// equal were one feature in training too). None for a name of no template.
fn keys_of_name(name: &str) -> Vec<u64> {
    cuts_of_name(name).into_iter().map(|(t, parts)| feature_key(t, parts)).collect()
}

/// The hashes a feature name of a stem template can give its stem (its first part), one for
/// each way of cutting it ([`keys_of_name`]); none for other templates.
fn stems_of_name(name: &str) -> Vec<u64> {
    cuts_of_name(name)
        .into_iter()
        .filter(|(t, _)| TEMPLATES[*t].1.first() == Some(&S))
        .filter_map(|(_, parts)| parts.first().copied())
        .collect()
}

/// Every way of cutting a feature name into its template's parts: the template's index and
/// the hash of each part.
fn cuts_of_name(name: &str) -> Vec<(usize, Vec<u64>)> {
    let Some((t, (prefix, of))) = TEMPLATES.iter().enumerate().find(|(_, (prefix, of))| {
        if of.is_empty() {
            name == *prefix
        } else {
            name.find('=').is_some_and(|k| &name[..=k] == *prefix)
        }
    }) else {
        return Vec::new();
    };
    let rest = &name[prefix.len()..];
    let bars: Vec<usize> = rest.match_indices('|').map(|(k, _)| k).collect();
    let mut keys = Vec::new();
    // choose len - 1 of the bars as the cuts, in order
    let cuts = of.len().saturating_sub(1);
    let mut chosen: Vec<usize> = (0..cuts).collect();
    if cuts > bars.len() {
        return keys;
    }
    loop {
        let mut parts = Vec::with_capacity(of.len());
        let mut from = 0;
        for &c in &chosen {
            parts.push(hash_str(&[&rest[from..bars[c]]]));
            from = bars[c] + 1;
        }
        if !of.is_empty() {
            parts.push(hash_str(&[&rest[from..]]));
        }
        keys.push((t, parts));
        // next combination of `cuts` bars
        let Some(k) = (0..cuts).rev().find(|&k| chosen[k] < bars.len() - cuts + k) else {
            break;
        };
        chosen[k] += 1;
        for j in k + 1..cuts {
            chosen[j] = chosen[j - 1] + 1;
        }
    }
    keys
}

/// The hashes of what stands before and after every word (`p=`, `n=`), each made once.
struct Symbols {
    word: Vec<u64>,
    prev: Vec<u64>,
    next: Vec<u64>,
}

impl Symbols {
    fn new(d: &Doc) -> Symbols {
        let n = d.len();
        let word: Vec<u64> = (0..n).map(|i| hash_str(&[&d.lower[i]])).collect();
        let prev = (0..n)
            .map(|i| {
                if d.first[i] {
                    hash_str(&["<s>", &d.gap[i]])
                } else if !d.gap[i].is_empty() {
                    hash_str(&[&d.gap[i]])
                } else {
                    word[i - 1]
                }
            })
            .collect();
        let next = (0..n)
            .map(|i| {
                if d.last[i] {
                    hash_str(&["</s>", &d.after[i]])
                } else if !d.after[i].is_empty() {
                    hash_str(&[&d.after[i]])
                } else {
                    word[i + 1]
                }
            })
            .collect();
        Symbols { word, prev, next }
    }

    /// The hash of each part of word `i`, whose stem is `s`, in [`Part`] order.
    fn parts(&self, d: &Doc, i: usize, s: &str) -> [u64; PARTS] {
        [
            self.word[i],
            hash_str(&[s]),
            self.prev[i],
            self.next[i],
            if d.first[i] { hash_str(&["<s>"]) } else { self.prev[i - 1] },
            if d.last[i] { hash_str(&["</s>"]) } else { self.next[i + 1] },
            hash_str(&[prev_shape(d, i)]),
            hash_str(&[next_shape(d, i)]),
            hash_str(&[quote_part(d, i)]),
            hash_str(&[pos_part(d, i)]),
            hash_str(&[suffix_part(&d.lower[i])]),
            hash_str(&[d.rep_before[i]]),
            hash_str(&[d.rep_after[i]]),
            hash_str(&[cap_part(d, i)]),
        ]
    }
}

/// A hasher for keys that are already mixed hashes ([`feature_key`]).
#[derive(Default)]
struct PassHasher(u64);

impl std::hash::Hasher for PassHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

type HashedWeights = HashMap<u64, f32, std::hash::BuildHasherDefault<PassHasher>>;
type StemSet = std::collections::HashSet<u64, std::hash::BuildHasherDefault<PassHasher>>;

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z.clamp(-30.0, 30.0)).exp())
}

/// Cue probability of every word of `analysis` under `model` (0 for quoted words), in token
/// order: the first step of [`extract_with`](super::extract::extract_with), for inspection.
pub fn cue_probabilities(text: &str, analysis: &TextAnalysis, model: &CueModel) -> Vec<f32> {
    if analysis.tokens.iter().any(|t| t.start > t.end || t.end > text.len()) {
        return vec![0.0; analysis.tokens.len()];
    }
    word_probabilities(&Doc::new(text, analysis), model)
}

pub(super) fn word_probabilities(d: &Doc, model: &CueModel) -> Vec<f32> {
    let stem = stemmer();
    let english = crate::text::Lang::english();
    let symbols = Symbols::new(d);
    let mut s = String::new();
    (0..d.len())
        .map(|i| {
            if d.toks[i].quoted {
                return 0.0;
            }
            // the stem the analysis computed once, when its normal form is this lower case
            let st = match d.analysis.forms(i) {
                Some((norm, st)) if norm == &*d.lower[i] => st,
                _ => {
                    s.clear();
                    english.stem_into(&stem, &d.lower[i], &mut s);
                    s.as_str()
                }
            };
            let parts = symbols.parts(d, i, st);
            let mut z = 0f32;
            let known_stem = model.stems.contains(&parts[S as usize]);
            for (t, (_, of)) in TEMPLATES.iter().enumerate() {
                if !known_stem && of.first() == Some(&S) {
                    continue;
                }
                let key = feature_key(t, of.iter().map(|p| parts[*p as usize]));
                z += model.hashed.get(&key).copied().unwrap_or(0.0);
            }
            sigmoid(z)
        })
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Training.

/// One training article: its text, analysis and gold cue byte ranges (fragments).
pub struct CueExample<'a> {
    pub text: &'a str,
    pub analysis: &'a TextAnalysis,
    pub gold_cues: &'a [Range<usize>],
}

/// Words this deep inside a gold cue (counted from its first word) are left out of training.
const SKIP_DEEP: usize = 3;

/// Settings of [`train_cue_model`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainOptions {
    pub epochs: usize,
    pub learning_rate: f32,
    pub l2: f32,
    /// Features seen on fewer training words are dropped.
    pub min_support: u32,
    /// Features whose trained weight is smaller in magnitude are dropped.
    pub min_weight: f32,
    pub threshold: f32,
    pub low: f32,
}

impl Default for TrainOptions {
    fn default() -> Self {
        TrainOptions {
            epochs: 4,
            learning_rate: 0.2,
            l2: 1e-6,
            min_support: 3,
            min_weight: 0.25,
            threshold: 0.45,
            low: 0.1,
        }
    }
}

/// Trains a cue model on `examples` (a word is positive when it starts inside a gold cue).
/// Returns the model and each kept feature's support. Deterministic.
pub fn train_cue_model(examples: &[CueExample], opts: &TrainOptions) -> (CueModel, HashMap<String, u32>) {
    let stem = stemmer();
    let mut index: HashMap<String, u32> = HashMap::new();
    let mut support: Vec<u32> = Vec::new();
    let mut rows: Vec<(Vec<u32>, f32)> = Vec::new();
    let mut feats = Vec::new();
    for ex in examples {
        let d = Doc::new(ex.text, ex.analysis);
        for i in 0..d.len() {
            if d.toks[i].quoted {
                continue;
            }
            let s = stem.stem(&d.lower[i]);
            feature_names(&d, i, &s, &mut feats);
            let ids: Vec<u32> = feats
                .drain(..)
                .map(|f| {
                    let next = index.len() as u32;
                    let id = *index.entry(f).or_insert(next);
                    if id as usize == support.len() {
                        support.push(0);
                    }
                    support[id as usize] += 1;
                    id
                })
                .collect();
            let start = d.toks[i].start;
            let inside = ex.gold_cues.iter().find(|g| g.start <= start && start < g.end);
            // deep inside a long cue (`reserved his most eloquent passion for`) a word says
            // little: it is left out rather than taught as a cue
            if let Some(g) = inside {
                let before = (0..i).rev().take_while(|&k| d.toks[k].start >= g.start).count();
                if before >= SKIP_DEEP {
                    continue;
                }
            }
            rows.push((ids, if inside.is_some() { 1.0 } else { 0.0 }));
        }
    }
    let bias = index.get("bias").copied();
    let mut keep: Vec<bool> = support.iter().map(|&s| s >= opts.min_support).collect();
    for (ids, _) in rows.iter_mut() {
        ids.retain(|&f| keep[f as usize]);
    }
    let mut w = sgd(&rows, support.len(), opts);
    // Drop the weak features and fit again without them: a smaller model, as good.
    if opts.min_weight > 0.0 {
        for (k, wk) in w.iter().enumerate() {
            keep[k] &= wk.abs() >= opts.min_weight || Some(k as u32) == bias;
        }
        for (ids, _) in rows.iter_mut() {
            ids.retain(|&f| keep[f as usize]);
        }
        w = sgd(&rows, support.len(), opts);
    }
    let mut weights = HashMap::new();
    let mut sup = HashMap::new();
    for (name, id) in index {
        let id = id as usize;
        if keep[id] {
            weights.insert(name.clone(), w[id]);
            sup.insert(name, support[id]);
        }
    }
    (CueModel::new(weights, opts.threshold, opts.low), sup)
}

/// Averaged stochastic gradient descent on the logistic loss over `rows` (feature ids, label).
fn sgd(rows: &[(Vec<u32>, f32)], features: usize, opts: &TrainOptions) -> Vec<f32> {
    // `u` accumulates step-weighted updates so that `w - u / steps` is the mean of the weights
    // over all steps.
    let mut w = vec![0f64; features];
    let mut u = vec![0f64; features];
    let mut steps = 1f64;
    let mut order: Vec<usize> = (0..rows.len()).collect();
    let mut rng = 0x9E37_79B9_7F4A_7C15u64;
    for epoch in 0..opts.epochs {
        // Fisher-Yates with xorshift: the same order on every run.
        for k in (1..order.len()).rev() {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            order.swap(k, (rng % (k as u64 + 1)) as usize);
        }
        let lr = f64::from(opts.learning_rate) / (1.0 + epoch as f64).sqrt();
        for &r in &order {
            let (ids, y) = &rows[r];
            let z: f64 = ids.iter().map(|&f| w[f as usize]).sum();
            let g = f64::from(sigmoid(z as f32)) - f64::from(*y);
            for &f in ids {
                let f = f as usize;
                let delta = lr * (g + f64::from(opts.l2) * w[f]);
                w[f] -= delta;
                u[f] -= steps * delta;
            }
            steps += 1.0;
        }
    }
    w.iter().zip(&u).map(|(a, b)| (a - b / steps) as f32).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::extract::extract_with;

    #[test]
    fn embedded_model_parses_and_round_trips() {
        let m = default_model();
        assert!(m.len() > 1000);
        assert!(m.threshold > 0.0 && m.threshold < 1.0 && m.low <= m.threshold);
        let again = CueModel::parse(&m.to_tsv("a comment\nover two lines", &HashMap::new())).unwrap();
        assert_eq!(again.len(), m.len());
        assert_eq!((again.threshold, again.low), (m.threshold, m.low));
        for (k, w) in &m.weights {
            assert!((again.weights[k] - w).abs() < 1e-3, "{k}");
        }
        assert!(CueModel::parse("feature\tweight\nbias\tx\n").is_err());
        assert!(CueModel::parse("bias\t1\n").is_err());
        assert!(CueModel::parse("# threshold: nope\nfeature\tweight\n").is_err());
    }

    #[test]
    fn keys_from_part_hashes_are_keys_of_the_feature_names() {
        // the extraction's keys (hashes of parts) and the model's keys (from names) agree on
        // every word: sentence ends, quotations, punctuation, a `|` inside a word, non-ASCII
        let texts = [
            "\u{201c}We will not stop,\u{201d} the minister said on Monday. Officials -- who declined -- said a|b.",
            "Kim said it rained; Lee added: \"no\". (Park) told reporters | that Zo\u{eb} was there!",
            "Сказал он. x",
        ];
        let stem = stemmer();
        for t in texts {
            let a = crate::eval::loaded::analyze_plain(t);
            let d = Doc::new(t, &a);
            let symbols = Symbols::new(&d);
            for i in 0..d.len() {
                if d.toks[i].quoted {
                    continue;
                }
                let s = stem.stem(&d.lower[i]).into_owned();
                let mut names = Vec::new();
                feature_names(&d, i, &s, &mut names);
                assert_eq!(names.len(), TEMPLATES.len());
                let parts = symbols.parts(&d, i, &s);
                for (k, (name, (_, of))) in names.iter().zip(TEMPLATES.iter()).enumerate() {
                    let key = feature_key(k, of.iter().map(|p| parts[*p as usize]));
                    assert!(keys_of_name(name).contains(&key), "{t:?} word {i}: {name}");
                }
            }
        }
        assert_eq!(keys_of_name("sufq=a|b|c|d").len(), 3);
        assert!(keys_of_name("unknown=x").is_empty());
        assert!(keys_of_name("sp=nobar").is_empty());
        assert_eq!(keys_of_name("bias").len(), 1);
        // the stems a model's stem templates hold, by which a word skips their lookups
        assert_eq!(stems_of_name("sp=said|<s>"), [hash_str(&["said"])]);
        assert_eq!(stems_of_name("sq=a|b|c").len(), 2, "each cut gives its stem");
        assert!(stems_of_name("w=said").is_empty() && stems_of_name("pns=a|b").is_empty());
    }

    #[test]
    fn training_learns_a_tiny_corpus_deterministically() {
        let texts = ["Kim said it rained.", "Lee said no.", "The rain fell.", "Park said yes, and it fell."];
        let analyses: Vec<TextAnalysis> = texts.iter().map(|t| crate::eval::loaded::analyze_plain(t)).collect();
        let golds: Vec<Vec<Range<usize>>> =
            texts.iter().map(|t| t.match_indices("said").map(|(i, w)| i..i + w.len()).collect()).collect();
        let ex: Vec<CueExample> = texts
            .iter()
            .zip(&analyses)
            .zip(&golds)
            .map(|((t, a), g)| CueExample { text: t, analysis: a, gold_cues: g })
            .collect();
        let opts = TrainOptions { epochs: 20, min_support: 1, min_weight: 0.0, ..TrainOptions::default() };
        let (m1, support) = train_cue_model(&ex, &opts);
        let (m2, _) = train_cue_model(&ex, &opts);
        assert_eq!(m1, m2);
        assert_eq!(support["w=said"], 3);
        let t = "Choi said so.";
        let got = extract_with(t, &crate::eval::loaded::analyze_plain(t), &m1);
        assert_eq!(got.len(), 1);
        assert_eq!(&t[got[0].cue.clone()], "said");
        assert_eq!(&t[got[0].source.clone().unwrap()], "Choi");
    }
}
