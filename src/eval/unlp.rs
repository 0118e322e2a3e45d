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

/// The posts as tone examples: each post one unit (its whole text), labelled `manipulative`,
/// each post its own fold unit (the `article` index).
pub fn tone_examples(posts: &[Post], matcher: &crate::lexicon::Matcher) -> Vec<crate::tone::train::Example> {
    use rayon::prelude::*;
    posts
        .par_iter()
        .enumerate()
        .map(|(k, p)| {
            let analysis = crate::eval::loaded::analyze_plain(&p.text);
            let (hits, caps) = matcher.find(&p.text, &analysis);
            let input = crate::tone::features::SentenceInput::new(&p.text, &analysis, matcher, &hits, &caps);
            let range = 0..p.text.len();
            crate::tone::train::Example {
                article: k,
                label: p.manipulative,
                bag: crate::tone::features::bag(&input, range.clone()),
                range,
            }
        })
        .collect()
}

/// Lexicon hits on the posts of one language (or all) against the annotators' spans.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LoadedGroup {
    /// `ru`, `uk` (the posts' `lang`) or `all`.
    pub group: String,
    pub posts: usize,
    /// Posts labelled `loaded_language`.
    pub loaded_posts: usize,
    /// Lexicon hits (capitals emphasis left out).
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

/// One post's outcome: its language, label, hits and hits inside a gold span.
struct PostHits {
    lang: String,
    loaded: bool,
    hits: usize,
    in_gold: usize,
}

fn group_figures(posts: &[&PostHits]) -> [Option<f64>; 4] {
    let hits: usize = posts.iter().map(|p| p.hits).sum();
    let in_gold: usize = posts.iter().map(|p| p.in_gold).sum();
    let rate = |loaded: bool| {
        let n = posts.iter().filter(|p| p.loaded == loaded).count();
        (n > 0).then(|| posts.iter().filter(|p| p.loaded == loaded && p.hits > 0).count() as f64 / n as f64)
    };
    let (a, b) = (rate(true), rate(false));
    let ratio = a.zip(b).and_then(|(a, b)| (b > 0.0).then_some(a / b));
    [(hits > 0).then(|| in_gold as f64 / hits as f64), a, b, ratio]
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
            let in_gold = hits
                .iter()
                .filter(|h| {
                    let (s, e) = (offsets.char_index(h.start), offsets.char_index(h.end));
                    p.spans.iter().any(|g| g[0] < e && s < g[1])
                })
                .count();
            PostHits {
                lang: p.lang.clone(),
                loaded: p.techniques.iter().any(|t| t == "loaded_language"),
                hits: hits.len(),
                in_gold,
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
            let [precision, a, b, ratio] = group_figures(&group);
            let [p_ci, _, _, r_ci] = crate::stats::bootstrap_ci(&group, |s| {
                let s: Vec<&PostHits> = s.iter().map(|x| **x).collect();
                group_figures(&s)
            });
            LoadedGroup {
                posts: group.len(),
                loaded_posts: group.iter().filter(|p| p.loaded).count(),
                hits: group.iter().map(|p| p.hits).sum(),
                hits_in_gold: group.iter().map(|p| p.in_gold).sum(),
                precision,
                precision_ci95: p_ci,
                hit_rate_loaded: a,
                hit_rate_other: b,
                ratio,
                ratio_ci95: r_ci,
                group: g,
            }
        })
        .collect()
}
