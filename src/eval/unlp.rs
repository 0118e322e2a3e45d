//! The UNLP 2025 corpus of Ukrainian and Russian Telegram posts (`posts.jsonl`: `id`, `lang`,
//! `text`, `manipulative`, `techniques`, `spans`): reading it, scoring slant's language
//! detection against its `lang` field, and the posts as units of the tone model (a post is
//! positive when the annotators found any technique in it, as a PTC sentence is when it holds
//! any technique span).

use std::collections::BTreeMap;
use std::path::Path;

use crate::error::SlantError;

/// One post.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct Post {
    pub id: String,
    pub lang: String,
    pub text: String,
    #[serde(default)]
    pub techniques: Vec<String>,
    /// Whether the annotators found any technique.
    #[serde(default)]
    pub manipulative: bool,
    /// The manipulative words of any technique, `[start, end)` in code points.
    #[serde(default)]
    pub spans: Vec<[usize; 2]>,
}

/// Reads `DIR/posts.jsonl` (or a `posts.jsonl` file given directly).
pub fn read_posts(path: &Path) -> Result<Vec<Post>, SlantError> {
    let file = if path.is_dir() { path.join("posts.jsonl") } else { path.to_path_buf() };
    let text = std::fs::read_to_string(&file).map_err(|e| SlantError::Config(format!("{}: {e}", file.display())))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| SlantError::Config(format!("{}:{}: {e}", file.display(), i + 1)))
        })
        .collect()
}

/// How the detected languages compare with the gold ones.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct LangScore {
    pub posts: usize,
    pub correct: usize,
    /// Posts left undecided.
    pub undecided: usize,
    /// Counts of (gold, detected) pairs; detected `-` for undecided.
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
}

impl LangScore {
    pub fn accuracy(&self) -> f64 {
        if self.posts == 0 {
            0.0
        } else {
            self.correct as f64 / self.posts as f64
        }
    }
}

/// Scores [`crate::text::detect::detect`] on `posts`.
pub fn score_language(posts: &[Post]) -> LangScore {
    let mut s = LangScore::default();
    for p in posts {
        let got = crate::text::detect::detect(&p.text);
        s.posts += 1;
        s.correct += usize::from(got == Some(p.lang.as_str()));
        s.undecided += usize::from(got.is_none());
        *s.confusion.entry(p.lang.clone()).or_default().entry(got.unwrap_or("-").to_string()).or_default() += 1;
    }
    s
}

/// Which label of a post a tone model learns, or is scored against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PostLabel {
    /// The annotators found any of the ten techniques.
    Manipulative,
    /// The annotators found loaded language.
    LoadedLanguage,
}

impl PostLabel {
    pub fn of(self, p: &Post) -> bool {
        match self {
            PostLabel::Manipulative => p.manipulative,
            PostLabel::LoadedLanguage => p.techniques.iter().any(|t| t == "loaded_language"),
        }
    }
}

/// The embedded lexicons' matchers of the three languages a post may be detected in.
pub struct PostMatchers {
    ru: crate::lexicon::Matcher,
    uk: crate::lexicon::Matcher,
    en: crate::lexicon::Matcher,
}

impl PostMatchers {
    pub fn embedded() -> PostMatchers {
        use crate::lexicon::{Lexicon, Matcher};
        use crate::text::Lang;
        let m = |code: &str| {
            Matcher::new(&Lexicon::embedded(code), Lang::parse(code).expect("ru, uk and en are languages slant knows"))
        };
        PostMatchers { ru: m("ru"), uk: m("uk"), en: m("en") }
    }

    /// The matcher of the language detected in `text` (as `slant analyze --lang auto` picks
    /// it), English when none is.
    pub fn for_text(&self, text: &str) -> &crate::lexicon::Matcher {
        match crate::text::detect::detect(text) {
            Some("ru") => &self.ru,
            Some("uk") => &self.uk,
            _ => &self.en,
        }
    }
}

/// The posts as units of a post tone model: each post one unit (its whole text, read with
/// the lexicon of the language detected in it), labelled by `label`, each post its own fold
/// unit (the `article` index).
pub fn tone_examples(posts: &[Post], matchers: &PostMatchers, label: PostLabel) -> Vec<crate::tone::train::Example> {
    units(posts, label, true, |text| matchers.for_text(text))
}

/// The posts as units of a sentence model (the embedded English one): each post one
/// sentence of stemmed word n-grams with the English lexicon's counts, labelled
/// `manipulative`; what an English model makes of Russian and Ukrainian text.
pub fn sentence_examples(posts: &[Post], matcher: &crate::lexicon::Matcher) -> Vec<crate::tone::train::Example> {
    units(posts, PostLabel::Manipulative, false, |_| matcher)
}

/// Each post as one unit of a post model's features (`post_model`) or a sentence model's,
/// its hits from the matcher `matcher_for` gives for its text.
fn units<'m>(
    posts: &[Post],
    label: PostLabel,
    post_model: bool,
    matcher_for: impl Fn(&str) -> &'m crate::lexicon::Matcher + Sync,
) -> Vec<crate::tone::train::Example> {
    use crate::tone::features::{bag, post_bag, SentenceInput};
    use rayon::prelude::*;
    posts
        .par_iter()
        .enumerate()
        .map(|(k, p)| {
            let analysis = crate::eval::loaded::analyze_plain(&p.text);
            let matcher = matcher_for(&p.text);
            let (hits, caps) = matcher.find(&p.text, &analysis);
            let range = 0..p.text.len();
            let (bag, inside) = if post_model {
                let input = SentenceInput::for_posts(&p.text, &analysis, matcher, &hits, &caps);
                (post_bag(&input, range.clone()), marked_words(p, &input))
            } else {
                (bag(&SentenceInput::new(&p.text, &analysis, matcher, &hits, &caps), range.clone()), Vec::new())
            };
            crate::tone::train::Example { article: k, label: label.of(p), bag, range, inside }
        })
        .collect()
}

/// Each lower-case word of a post's input with whether it overlaps an annotated span.
fn marked_words(p: &Post, input: &crate::tone::SentenceInput) -> Vec<(String, bool)> {
    let offsets = crate::text::Offsets::new(&p.text);
    input
        .tokens
        .iter()
        .zip(&input.stems)
        .map(|(t, w)| {
            let (s, e) = (offsets.char_index(t.start), offsets.char_index(t.end));
            (w.to_string(), p.spans.iter().any(|g| g[0] < e && s < g[1]))
        })
        .collect()
}

/// Lexicon hits on the posts of one language (or all) against the annotators' spans: the
/// figures of all hits (at the top level of the JSON) and of the hits outside quotation marks.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LoadedGroup {
    /// `ru`, `uk` (the posts' `lang`) or `all`.
    pub group: String,
    pub posts: usize,
    /// Posts labelled `loaded_language`.
    pub loaded_posts: usize,
    #[serde(flatten)]
    pub all: HitFigures,
    /// The same figures for the hits outside quotation marks (the post's own words, as the
    /// news gate's `loaded_unquoted`): a channel quoting the other side's words to refute them
    /// does not use them itself.
    pub unquoted: HitFigures,
}

/// Lexicon hits (capitals emphasis left out) of a group of posts against the gold spans.
#[derive(Debug, Clone, serde::Serialize)]
pub struct HitFigures {
    pub hits: usize,
    /// Hits that overlap a gold span of any technique.
    pub hits_in_gold: usize,
    /// `hits_in_gold / hits`, with its 95% bootstrap interval over posts.
    pub precision: Option<f64>,
    pub precision_ci95: Option<[f64; 2]>,
    /// Share of the `loaded_language` posts holding a hit, and of the other posts.
    pub hit_rate_loaded: Option<f64>,
    pub hit_rate_other: Option<f64>,
    /// `hit_rate_loaded / hit_rate_other`, with its 95% bootstrap interval over posts.
    pub ratio: Option<f64>,
    pub ratio_ci95: Option<[f64; 2]>,
}

/// One post's outcome: its language, label, hits and hits inside a gold span, of all its hits
/// (`[0]`) and of those outside quotation marks (`[1]`).
struct PostHits {
    lang: String,
    loaded: bool,
    hits: [usize; 2],
    in_gold: [usize; 2],
}

/// Precision, the two hit rates and their ratio, of all hits (`v` 0) or the unquoted (`v` 1).
fn group_figures(posts: &[&PostHits], v: usize) -> [Option<f64>; 4] {
    let hits: usize = posts.iter().map(|p| p.hits[v]).sum();
    let in_gold: usize = posts.iter().map(|p| p.in_gold[v]).sum();
    let rate = |loaded: bool| {
        let n = posts.iter().filter(|p| p.loaded == loaded).count();
        (n > 0).then(|| posts.iter().filter(|p| p.loaded == loaded && p.hits[v] > 0).count() as f64 / n as f64)
    };
    let (a, b) = (rate(true), rate(false));
    let ratio = a.zip(b).and_then(|(a, b)| (b > 0.0).then_some(a / b));
    [(hits > 0).then(|| in_gold as f64 / hits as f64), a, b, ratio]
}

/// The figures of all hits (`v` 0) or of the unquoted (`v` 1) of a group, with intervals.
fn hit_figures(group: &[&PostHits], v: usize) -> HitFigures {
    let [precision, a, b, ratio] = group_figures(group, v);
    let [p_ci, _, _, r_ci] = crate::stats::bootstrap_ci(group, |s| {
        let s: Vec<&PostHits> = s.iter().map(|x| **x).collect();
        group_figures(&s, v)
    });
    HitFigures {
        hits: group.iter().map(|p| p.hits[v]).sum(),
        hits_in_gold: group.iter().map(|p| p.in_gold[v]).sum(),
        precision,
        precision_ci95: p_ci,
        hit_rate_loaded: a,
        hit_rate_other: b,
        ratio,
        ratio_ci95: r_ci,
    }
}

/// Scores lexicon hits on `posts`, each post read with the matcher `matcher_for` gives for
/// the language detected in it (as `slant analyze --lang auto` does): per gold language and
/// overall.
pub fn score_loaded<'m>(
    posts: &[Post],
    matcher_for: impl Fn(Option<&str>) -> &'m crate::lexicon::Matcher + Sync,
) -> Vec<LoadedGroup> {
    use rayon::prelude::*;
    let outcomes: Vec<PostHits> = posts
        .par_iter()
        .map(|p| {
            let matcher = matcher_for(crate::text::detect::detect(&p.text));
            let analysis = crate::eval::loaded::analyze_plain(&p.text);
            let (hits, _) = matcher.find(&p.text, &analysis);
            let offsets = crate::text::Offsets::new(&p.text);
            let gold = |h: &&crate::lexicon::Hit| {
                let (s, e) = (offsets.char_index(h.start), offsets.char_index(h.end));
                p.spans.iter().any(|g| g[0] < e && s < g[1])
            };
            let unquoted = |h: &&crate::lexicon::Hit| h.voice != crate::lexicon::Voice::Quoted;
            PostHits {
                lang: p.lang.clone(),
                loaded: p.techniques.iter().any(|t| t == "loaded_language"),
                hits: [hits.len(), hits.iter().filter(unquoted).count()],
                in_gold: [hits.iter().filter(gold).count(), hits.iter().filter(unquoted).filter(gold).count()],
            }
        })
        .collect();
    let mut langs: Vec<String> = outcomes.iter().map(|o| o.lang.clone()).collect();
    langs.sort();
    langs.dedup();
    langs.push("all".into());
    langs
        .into_iter()
        .map(|g| {
            let group: Vec<&PostHits> = outcomes.iter().filter(|o| g == "all" || o.lang == g).collect();
            LoadedGroup {
                posts: group.len(),
                loaded_posts: group.iter().filter(|p| p.loaded).count(),
                all: hit_figures(&group, 0),
                unquoted: hit_figures(&group, 1),
                group: g,
            }
        })
        .collect()
}

/// How well a tone model's post scores rank the posts of one language (or all) by each label.
#[derive(Debug, Clone, serde::Serialize)]
pub struct ToneGroup {
    /// `ru`, `uk` (the posts' `lang`) or `all`.
    pub group: String,
    pub posts: usize,
    pub manipulative_posts: usize,
    pub loaded_posts: usize,
    /// ROC AUC of the scores against `manipulative`, with its 95% bootstrap interval over posts.
    pub auc_manipulative: Option<f64>,
    pub auc_manipulative_ci95: Option<[f64; 2]>,
    /// The same against `loaded_language`.
    pub auc_loaded_language: Option<f64>,
    pub auc_loaded_language_ci95: Option<[f64; 2]>,
}

/// ROC AUC of `scored` (score, label) pairs; `None` without both labels.
fn auc_of(scored: &[&(f32, bool)]) -> Option<f64> {
    let labels: Vec<bool> = scored.iter().map(|s| s.1).collect();
    (labels.contains(&true) && labels.contains(&false)).then(|| {
        let probs: Vec<f32> = scored.iter().map(|s| s.0).collect();
        crate::tone::train::roc_auc(&probs, &labels)
    })
}

/// Scores one probability per post (`probs[i]` of `posts[i]`) against both labels, per
/// language and overall.
pub fn score_tone(posts: &[Post], probs: &[f32]) -> Vec<ToneGroup> {
    let mut langs: Vec<String> = posts.iter().map(|p| p.lang.clone()).collect();
    langs.sort();
    langs.dedup();
    langs.push("all".into());
    langs
        .into_iter()
        .map(|g| {
            let members: Vec<usize> = (0..posts.len()).filter(|&i| g == "all" || posts[i].lang == g).collect();
            let figures = |label: PostLabel| {
                let scored: Vec<(f32, bool)> = members.iter().map(|&i| (probs[i], label.of(&posts[i]))).collect();
                let all: Vec<&(f32, bool)> = scored.iter().collect();
                let [ci] = crate::stats::bootstrap_ci(&scored, |s| [auc_of(s)]);
                (auc_of(&all), ci, scored.iter().filter(|s| s.1).count())
            };
            let (m, m_ci, m_n) = figures(PostLabel::Manipulative);
            let (l, l_ci, l_n) = figures(PostLabel::LoadedLanguage);
            ToneGroup {
                posts: members.len(),
                manipulative_posts: m_n,
                loaded_posts: l_n,
                auc_manipulative: m,
                auc_manipulative_ci95: m_ci,
                auc_loaded_language: l,
                auc_loaded_language_ci95: l_ci,
                group: g,
            }
        })
        .collect()
}
