//! Sentence features for the tone model.
//!
//! A sentence (a byte range of an analysed text) becomes a [`FeatureBag`]:
//! - `ngrams`: distinct `w:STEM` unigrams and `b:STEM_STEM` bigrams of its words (lower case,
//!   stemmed; numbers folded to `#`);
//! - `dense`: named numeric features: `lex:CATEGORY` and `lex:all` (log 1 + loaded-language
//!   hits), `lex:own` (hits in the outlet's own voice), `caps` (log 1 + ALL-CAPS emphasis
//!   words), `quoted_share`, `punct:!`, `punct:?`, `punct:quote`, `len:log` (log of the word
//!   count), one `len:BIN` indicator, and `art:lex` (log 1 + loaded-language hits per 100
//!   words of the whole article: the context the sentence is read in).
//!
//! Only the names a model knows are used; everything else is ignored.

use std::borrow::Cow;
use std::ops::Range;

use crate::text::Stemmer;

use crate::lexicon::{CapsHit, Hit, Matcher, Voice};
use crate::text::{normalize_into, TextAnalysis, Token};

/// Features of one sentence before they meet a model's vocabulary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FeatureBag {
    pub ngrams: Vec<String>,
    pub dense: Vec<(String, f32)>,
    pub words: usize,
    pub quoted_share: f32,
}

/// An analysed article with its lexicon hits, the input of [`bag`].
pub struct SentenceInput<'a> {
    pub text: &'a str,
    pub tokens: &'a [Token],
    /// (byte start, category name, own voice) of each loaded-language hit, sorted by start.
    pub hits: Vec<(usize, &'a str, bool)>,
    /// Byte starts of ALL-CAPS emphasis words, sorted.
    pub caps: Vec<usize>,
    /// Stem of every token (`#` for numbers), in token order (the lower-case words for a post
    /// model).
    pub stems: Vec<Cow<'a, str>>,
}

impl SentenceInput<'_> {
    /// Loaded-language hits per 100 words over the whole article: the context a sentence
    /// is read in.
    fn article_rate(&self) -> f32 {
        if self.tokens.is_empty() {
            0.0
        } else {
            100.0 * self.hits.len() as f32 / self.tokens.len() as f32
        }
    }
}

impl<'a> SentenceInput<'a> {
    /// The input of a post model ([`post_bag`]): as [`SentenceInput::new`], with the tokens'
    /// lower-case words in place of their stems.
    pub fn for_posts(
        text: &'a str,
        analysis: &'a TextAnalysis,
        matcher: &'a Matcher,
        hits: &[Hit],
        caps: &[CapsHit],
    ) -> SentenceInput<'a> {
        SentenceInput::new_with(text, analysis, matcher, hits, caps, lower_words(text, analysis))
    }

    pub fn new(
        text: &'a str,
        analysis: &'a TextAnalysis,
        matcher: &'a Matcher,
        hits: &[Hit],
        caps: &[CapsHit],
    ) -> SentenceInput<'a> {
        SentenceInput::new_with(text, analysis, matcher, hits, caps, stems(text, analysis))
    }

    fn new_with(
        text: &'a str,
        analysis: &'a TextAnalysis,
        matcher: &'a Matcher,
        hits: &[Hit],
        caps: &[CapsHit],
        stems: Vec<Cow<'a, str>>,
    ) -> SentenceInput<'a> {
        let mut h: Vec<(usize, &str, bool)> = hits
            .iter()
            .map(|x| (x.start, matcher.categories[matcher.entry_category[x.entry]].as_str(), x.voice == Voice::Own))
            .collect();
        h.sort_by_key(|x| x.0);
        let mut c: Vec<usize> = caps.iter().map(|x| x.start).collect();
        c.sort_unstable();
        SentenceInput { text, tokens: &analysis.tokens, hits: h, caps: c, stems }
    }
}

pub fn stemmer() -> Stemmer {
    crate::text::Lang::english().stemmer()
}

/// The stem of every token (`#` for numbers): the English stems the analysis computed once
/// (through the per-thread stem cache when it holds none for a token).
pub fn stems<'a>(text: &str, analysis: &'a TextAnalysis) -> Vec<Cow<'a, str>> {
    let stem = stemmer();
    let english = crate::text::Lang::english();
    let mut buf = String::new();
    let number = |w: &str| w.chars().all(|c| c.is_ascii_digit() || c == '.' || c == ',');
    (0..analysis.tokens.len())
        .map(|i| match analysis.forms(i) {
            Some((norm, _)) if number(norm) => Cow::Borrowed("#"),
            Some((_, s)) => Cow::Borrowed(s),
            None => {
                normalize_into(analysis.tokens[i].text(text), &mut buf);
                let mut out = String::new();
                if number(&buf) {
                    out.push('#');
                } else {
                    english.stem_into(&stem, &buf, &mut out);
                }
                Cow::Owned(out)
            }
        })
        .collect()
}

/// Length bins of the `len:BIN` indicator (upper bounds, inclusive).
const LEN_BINS: &[(usize, &str)] =
    &[(5, "len:1-5"), (10, "len:6-10"), (20, "len:11-20"), (35, "len:21-35"), (usize::MAX, "len:36+")];

/// Names of the length-only features (the baseline model's features).
pub fn length_features() -> Vec<String> {
    let mut v = vec!["len:log".to_string()];
    v.extend(LEN_BINS.iter().map(|(_, n)| n.to_string()));
    v
}

/// Calls `f` with the name of every n-gram of `stems` (repeats included), built in `buf`.
pub fn for_each_ngram<S: AsRef<str>>(stems: &[S], buf: &mut String, f: &mut dyn FnMut(&str)) {
    for s in stems {
        buf.clear();
        buf.push_str("w:");
        buf.push_str(s.as_ref());
        f(buf);
    }
    for w in stems.windows(2) {
        buf.clear();
        buf.push_str("b:");
        buf.push_str(w[0].as_ref());
        buf.push('_');
        buf.push_str(w[1].as_ref());
        f(buf);
    }
}

/// Longest character n-gram of a post model's `c:` features.
pub const CHAR_GRAMS: std::ops::RangeInclusive<usize> = 2..=5;

/// Calls `f` with the name of every feature n-gram of a post model (repeats included), built
/// in `buf`: `w:WORD` unigrams and `b:WORD_WORD` bigrams of the lower-case words, then
/// `c:GRAM` character n-grams (2 to 5 characters) of each word padded with a space each side,
/// which catch the endings and roots of inflected Russian and Ukrainian words.
pub fn for_each_post_gram<S: AsRef<str>>(words: &[S], buf: &mut String, f: &mut dyn FnMut(&str)) {
    for_each_ngram(words, buf, f);
    let mut padded: Vec<char> = Vec::new();
    for w in words {
        padded.clear();
        padded.push(' ');
        padded.extend(w.as_ref().chars());
        padded.push(' ');
        for n in CHAR_GRAMS {
            for gram in padded.windows(n) {
                buf.clear();
                buf.push_str("c:");
                buf.extend(gram.iter());
                f(buf);
            }
        }
    }
}

/// The lower-case words of a post model's bag (its `w:` unigrams, repeats included).
pub fn bag_words(bag: &FeatureBag) -> impl Iterator<Item = &str> {
    bag.ngrams.iter().filter_map(|g| g.strip_prefix("w:"))
}

/// The lower-case form of every token (no stemming): the words of a post model.
pub fn lower_words<'a>(text: &str, analysis: &'a TextAnalysis) -> Vec<Cow<'a, str>> {
    let mut buf = String::new();
    (0..analysis.tokens.len())
        .map(|i| match analysis.norm.get(i) {
            Some(norm) => Cow::Borrowed(norm),
            None => {
                normalize_into(analysis.tokens[i].text(text), &mut buf);
                Cow::Owned(buf.clone())
            }
        })
        .collect()
}

/// Features of the text `range` of `input` for a post model: its n-grams with repeats (their
/// counts are weighed by the model) and the dense features. `input.stems` must hold
/// [`lower_words`].
pub fn post_bag(input: &SentenceInput, range: Range<usize>) -> FeatureBag {
    let (a, b) = token_span(input, &range);
    let mut ngrams: Vec<String> = Vec::new();
    for_each_post_gram(&input.stems[a..b], &mut String::new(), &mut |g| ngrams.push(g.to_string()));
    ngrams.sort_unstable();
    let mut out = dense_bag(input, range);
    out.ngrams = ngrams;
    out
}

/// Token index range of the sentence `range`.
pub fn token_span(input: &SentenceInput, range: &Range<usize>) -> (usize, usize) {
    let a = input.tokens.partition_point(|t| t.start < range.start);
    let b = input.tokens.partition_point(|t| t.start < range.end);
    (a, b.min(input.stems.len()).max(a))
}

/// Features of the sentence `range` of `input`.
pub fn bag(input: &SentenceInput, range: Range<usize>) -> FeatureBag {
    let (a, b) = token_span(input, &range);
    let mut ngrams: Vec<String> = Vec::new();
    for_each_ngram(&input.stems[a..b], &mut String::new(), &mut |g| ngrams.push(g.to_string()));
    ngrams.sort_unstable();
    ngrams.dedup();
    let mut out = dense_bag(input, range);
    out.ngrams = ngrams;
    out
}

/// The dense features, word count and quotation share of a sentence (no n-grams).
pub fn dense_bag(input: &SentenceInput, range: Range<usize>) -> FeatureBag {
    let (a, b) = token_span(input, &range);
    let toks = &input.tokens[a..b];
    let words = toks.len();
    let quoted = toks.iter().filter(|t| t.quoted).count();
    let quoted_share = if words == 0 { 0.0 } else { quoted as f32 / words as f32 };
    let mut dense: Vec<(String, f32)> = Vec::new();
    let hits = {
        let a = input.hits.partition_point(|h| h.0 < range.start);
        let b = input.hits.partition_point(|h| h.0 < range.end);
        &input.hits[a..b]
    };
    if !hits.is_empty() {
        let mut cats: Vec<&str> = hits.iter().map(|h| h.1).collect();
        cats.sort_unstable();
        for chunk in cats.chunk_by(|a, b| a == b) {
            dense.push((format!("lex:{}", chunk[0]), (1.0 + chunk.len() as f32).ln()));
        }
        dense.push(("lex:all".into(), (1.0 + hits.len() as f32).ln()));
        let own = hits.iter().filter(|h| h.2).count();
        if own > 0 {
            dense.push(("lex:own".into(), (1.0 + own as f32).ln()));
        }
    }
    let caps = input.caps.partition_point(|&c| c < range.end) - input.caps.partition_point(|&c| c < range.start);
    if caps > 0 {
        dense.push(("caps".into(), (1.0 + caps as f32).ln()));
    }
    if quoted_share > 0.0 {
        dense.push(("quoted_share".into(), quoted_share));
    }
    let s = input.text.get(range.clone()).unwrap_or("");
    for (c, name) in [('!', "punct:!"), ('?', "punct:?")] {
        if s.contains(c) {
            dense.push((name.into(), 1.0));
        }
    }
    if s.contains(['"', '“', '”', '«', '»']) {
        dense.push(("punct:quote".into(), 1.0));
    }
    dense.extend(length_bag(words));
    let rate = input.article_rate();
    if rate > 0.0 {
        dense.push(("art:lex".into(), (1.0 + rate).ln()));
    }
    FeatureBag { ngrams: Vec::new(), dense, words, quoted_share }
}

/// The length features of a sentence of `words` words.
pub fn length_bag(words: usize) -> Vec<(String, f32)> {
    let bin = LEN_BINS.iter().find(|(max, _)| words <= *max).map_or("len:36+", |(_, n)| n);
    vec![("len:log".into(), (1.0 + words as f32).ln() / 4.0), (bin.into(), 1.0)]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::text::Lang;

    #[test]
    fn features_of_a_loaded_sentence() {
        let text = "The despot's regime is EVIL! Analysts said 3 things.";
        let a = crate::eval::loaded::analyze_plain(text);
        let m = Matcher::new(&Lexicon::default_lexicon(), Lang::english());
        let (hits, caps) = m.find(text, &a);
        let input = SentenceInput::new(text, &a, &m, &hits, &caps);
        let b = bag(&input, a.sentences[0].clone());
        assert_eq!(b.words, 5);
        assert!(b.ngrams.contains(&"w:despot".to_string()), "{:?}", b.ngrams);
        assert!(b.ngrams.contains(&"b:despot_regim".to_string()), "{:?}", b.ngrams);
        let names: Vec<&str> = b.dense.iter().map(|d| d.0.as_str()).collect();
        for n in ["lex:all", "lex:own", "punct:!", "len:1-5", "len:log"] {
            assert!(names.contains(&n), "{n} missing from {names:?}");
        }
        assert!(!names.contains(&"quoted_share"));
        let second = bag(&input, a.sentences[1].clone());
        assert!(second.ngrams.contains(&"w:#".to_string()));
        assert!(!second.dense.iter().any(|d| d.0 == "punct:!"));
    }

    #[test]
    fn an_empty_range_has_no_words() {
        let text = "Nothing here.";
        let a = crate::eval::loaded::analyze_plain(text);
        let input = SentenceInput { text, tokens: &a.tokens, hits: vec![], caps: vec![], stems: stems(text, &a) };
        let b = bag(&input, 5..5);
        assert_eq!((b.words, b.ngrams.len()), (0, 0));
    }
}
