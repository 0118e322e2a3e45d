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
