//! Shared text between the articles of a run: which article's body is largely found in
//! another's (a content farm's copy of a tabloid story, one wire story run by several
//! outlets).
//!
//! Each body is cut into overlapping runs of [`SHINGLE_WORDS`] words (lower-cased, as the
//! tokenizer finds them) and each run is hashed; about one run in [`SAMPLE`], chosen by its
//! hash, is kept, so the same run is kept in every article that has it. An article's share
//! in another is the share of its kept runs that the other has too. Every kept run keeps its
//! char offsets, so a shared passage can be found in both texts.

use std::ops::Range;

use rayon::prelude::*;

use std::hash::Hasher;

use crate::text::{normalize_into, Fnv, FnvMap, Offsets, TextAnalysis};

/// Words in one shingle (a run of consecutive body words).
pub const SHINGLE_WORDS: usize = 7;
/// One shingle in this many is kept (those whose hash is divisible by it).
pub const SAMPLE: u64 = 8;
/// An article with fewer kept shingles is too short to compare.
pub const MIN_SHINGLES: usize = 4;
/// A pair is reported when this share of an article's kept shingles is in the other.
pub const MIN_SHARE: f64 = 0.5;
/// A pair needs at least this many shared kept shingles outside quotations (two pages that
/// share one long quotation are no copies).
pub const MIN_OWN_SHARED: usize = 2;
/// A shingle kept in more articles than this (a site's footer, a standard formula) is left
/// out of the counts: it says nothing about which article holds which, and counting it would
/// cost the square of the number of articles holding it.
pub const MAX_HOLDERS: usize = 200;

/// One row of `fingerprints.csv`: a kept shingle of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FingerprintRow {
    pub article_id: String,
    pub hash: u64,
    pub start: u32,
    pub end: u32,
    pub quoted: bool,
}

impl crate::rows::Row for FingerprintRow {
    const FILE: &'static str = "fingerprints.csv";
    const COLUMNS: &'static [crate::rows::Col<Self>] = {
        use crate::rows::text;
        &[
            text("article_id", |r| r.article_id.clone()),
            text("hash", |r| format!("{:016x}", r.hash)),
            text("start", |r| r.start.to_string()),
            text("end", |r| r.end.to_string()),
            text("quoted", |r| r.quoted.to_string()),
        ]
    };
}

/// The rows of `fingerprints.csv` for article `id`.
pub fn fingerprint_rows(id: &str, fp: &Fingerprint) -> Vec<FingerprintRow> {
    fp.rows()
        .map(|(hash, start, end, quoted)| FingerprintRow { article_id: id.to_string(), hash, start, end, quoted })
        .collect()
}

/// A row of `fingerprints.csv` without its article id (`hash`, `start`, `end`, `quoted`).
pub fn parse_fingerprint_row(v: &[&str]) -> Result<(u64, u32, u32, bool), String> {
    let [hash, start, end, quoted] = v else {
        return Err(format!("expected 4 values after the article id, found {}", v.len()));
    };
    let bad = |what: &str, v: &str| format!("{what} '{v}' is not valid");
    Ok((
        u64::from_str_radix(hash, 16).map_err(|_| bad("hash", hash))?,
        start.parse().map_err(|_| bad("start", start))?,
        end.parse().map_err(|_| bad("end", end))?,
        quoted.parse().map_err(|_| bad("quoted", quoted))?,
    ))
}

/// One kept shingle: its hash and the char range of its words in the article's text (as
/// `u32`, which holds any text slant reads, to keep a large run's fingerprints small).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Shingle {
    hash: u64,
    start: u32,
    end: u32,
    /// Whether a word of the run is inside a quotation (not the outlet's own text).
    quoted: bool,
}

fn char_u32(c: usize) -> u32 {
    u32::try_from(c).unwrap_or(u32::MAX)
}

/// The kept shingles of one article body, sorted by hash, each hash once (its first place).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Fingerprint {
    shingles: Vec<Shingle>,
}

impl Fingerprint {
    /// Kept shingles of the body words in `analysis` (byte ranges into `text`).
    pub fn new(text: &str, analysis: &TextAnalysis) -> Fingerprint {
        let mut word = String::new();
        let words: Vec<u64> = analysis
            .tokens
            .iter()
            .map(|t| {
                normalize_into(t.text(text), &mut word);
                fold_case_forms(&mut word);
                word_hash(&word)
            })
            .collect();
        let kept: Vec<(u64, usize)> = words
            .windows(SHINGLE_WORDS)
            .enumerate()
            .map(|(i, w)| (shingle_hash(w), i))
            .filter(|(h, _)| h % SAMPLE == 0)
            .collect();
        // char offsets in increasing byte order, starts and ends each through their own converter
        let starts = Offsets::new(text);
        let ends = Offsets::new(text);
        let toks = &analysis.tokens;
        let mut shingles: Vec<Shingle> = kept
            .into_iter()
            .map(|(hash, i)| Shingle {
                hash,
                start: char_u32(starts.char_index(toks[i].start)),
                end: char_u32(ends.char_index(toks[i + SHINGLE_WORDS - 1].end)),
                quoted: toks[i..i + SHINGLE_WORDS].iter().any(|t| t.quoted),
            })
            .collect();
        shingles.sort_by(|a, b| a.hash.cmp(&b.hash).then(a.start.cmp(&b.start)));
        shingles.dedup_by_key(|s| s.hash);
        Fingerprint { shingles }
    }

    /// The kept shingles as `(hash, start, end, quoted)`, sorted by hash: the rows of
    /// `fingerprints.csv` (`slant analyze --fingerprints`), from which [`Fingerprint::from_rows`]
    /// rebuilds the fingerprint (`slant merge` finds shared text across output folders).
    pub fn rows(&self) -> impl Iterator<Item = (u64, u32, u32, bool)> + '_ {
        self.shingles.iter().map(|s| (s.hash, s.start, s.end, s.quoted))
    }

    /// The fingerprint of [`Fingerprint::rows`] (in any order; a hash given twice keeps its
    /// first place, as [`Fingerprint::new`] does).
    pub fn from_rows(rows: impl IntoIterator<Item = (u64, u32, u32, bool)>) -> Fingerprint {
        let mut shingles: Vec<Shingle> =
            rows.into_iter().map(|(hash, start, end, quoted)| Shingle { hash, start, end, quoted }).collect();
        shingles.sort_by(|a, b| a.hash.cmp(&b.hash).then(a.start.cmp(&b.start)));
        shingles.dedup_by_key(|s| s.hash);
        Fingerprint { shingles }
    }

    /// Number of kept shingles.
    pub fn len(&self) -> usize {
        self.shingles.len()
    }

    /// Number of kept shingles outside quotations (the outlet's own text).
    pub fn own(&self) -> usize {
        self.shingles.iter().filter(|s| !s.quoted).count()
    }

    pub fn is_empty(&self) -> bool {
        self.shingles.is_empty()
    }

    fn get(&self, hash: u64) -> Option<&Shingle> {
        self.shingles.binary_search_by_key(&hash, |s| s.hash).ok().map(|k| &self.shingles[k])
    }
}

/// Folds the lower-case forms that upper case does not give back: a final `ς` (upper `Σ`
/// lowers to `σ`) and `ß` (written `SS` in capitals), so a copy in capitals matches.
fn fold_case_forms(word: &mut String) {
    if word.contains(['ς', 'ß']) {
        *word = word.replace('ς', "σ").replace('ß', "ss");
    }
}

fn word_hash(word: &str) -> u64 {
    let mut h = Fnv::default();
    h.write(word.as_bytes());
    h.finish()
}

fn shingle_hash(words: &[u64]) -> u64 {
    crate::text::mix64(words.iter().fold(0u64, |h, &w| h.rotate_left(5) ^ w))
}

/// An article whose body is largely found in another's.
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    /// Index of the article (in the order given to [`find`]).
    pub article: usize,
    /// Index of the article that holds the most of its kept shingles (the earlier one on a tie).
    pub other: usize,
    /// Kept shingles of the article, and how many of them the other has.
    pub shingles: usize,
    pub shared: usize,
    /// `shared` over the article's kept shingles, and over the other's.
    pub share: f64,
    pub other_share: f64,
    /// Shared shingles outside quotations in the article, and their share of the article's
    /// shingles outside quotations (0 when it has none).
    pub shared_own: usize,
    pub own_share: f64,
    /// Char range from the first to the last shared shingle, in the article and in the other.
    pub span: Range<usize>,
    pub other_span: Range<usize>,
}

/// For each article with at least [`MIN_SHINGLES`] kept shingles, the other article holding
/// the most of them, when that is at least `min_share` of them. In article order (articles are
/// compared in parallel on the current rayon pool; the result does not depend on it).
pub fn find(fps: &[Fingerprint], min_share: f64) -> Vec<Shared> {
    let mut index: Vec<(u64, usize)> =
        fps.iter().enumerate().flat_map(|(a, fp)| fp.shingles.iter().map(move |s| (s.hash, a))).collect();
    index.par_sort_unstable();
    (0..fps.len()).into_par_iter().filter_map(|a| best_match(fps, &index, a, min_share)).collect()
}

/// [`find`] for article `a`, given every article's shingles sorted by hash in `index`.
fn best_match(fps: &[Fingerprint], index: &[(u64, usize)], a: usize, min_share: f64) -> Option<Shared> {
    let fp = &fps[a];
    if fp.len() < MIN_SHINGLES {
        return None;
    }
    let mut counts: FnvMap<usize, usize> = FnvMap::default();
    for s in &fp.shingles {
        let from = index.partition_point(|&(h, _)| h < s.hash);
        let holders = index[from..].partition_point(|&(h, _)| h == s.hash);
        if holders > MAX_HOLDERS {
            continue;
        }
        for &(_, b) in &index[from..from + holders] {
            if b != a {
                *counts.entry(b).or_insert(0) += 1;
            }
        }
    }
    let (b, shared) = counts.into_iter().max_by(|x, y| x.1.cmp(&y.1).then(y.0.cmp(&x.0)))?;
    let share = shared as f64 / fp.len() as f64;
    if share < min_share {
        return None;
    }
    let other = &fps[b];
    let pairs: Vec<(&Shingle, &Shingle)> =
        fp.shingles.iter().filter_map(|s| other.get(s.hash).map(|o| (s, o))).collect();
    // Two pages that share only a quotation (a palace statement, a leader's letter) are no
    // copies: the pair needs shared text outside quotation marks in both.
    let shared_own = pairs.iter().filter(|(s, o)| !s.quoted && !o.quoted).count();
    if shared_own < MIN_OWN_SHARED {
        return None;
    }
    let own = fp.own();
    let span = |side: usize| {
        let pick = |p: &(&Shingle, &Shingle)| if side == 0 { (p.0.start, p.0.end) } else { (p.1.start, p.1.end) };
        let start = pairs.iter().map(|p| pick(p).0).min().unwrap_or(0);
        start as usize..pairs.iter().map(|p| pick(p).1).max().unwrap_or(0) as usize
    };
    Some(Shared {
        article: a,
        other: b,
        shingles: fp.len(),
        shared,
        share,
        other_share: shared as f64 / other.len() as f64,
        shared_own,
        own_share: if own == 0 { 0.0 } else { shared_own as f64 / own as f64 },
        span: span(0),
        other_span: span(1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fp(text: &str) -> Fingerprint {
        let analysis = crate::eval::loaded::analyze_plain(text);
        Fingerprint::new(text, &analysis)
    }

    /// `n` sentences of distinct words, numbered from `from`.
    fn story(from: usize, n: usize) -> String {
        (from..from + n).map(|i| format!("Word{i} alpha{i} beta{i} gamma{i} delta{i} epsilon{i}. ")).collect()
    }

    #[test]
    fn pages_sharing_only_a_quotation_are_no_copies() {
        let statement = story(0, 40);
        let a = format!("The palace issued a statement on Friday. \u{201c}{statement}\u{201d} {}", story(500, 8));
        let b = format!("Royal watchers reacted with surprise. \u{201c}{statement}\u{201d} {}", story(900, 8));
        let fps = [fp(&a), fp(&b)];
        assert!(find(&fps, MIN_SHARE).is_empty(), "one shared quotation makes no copy");
        // a copy of the framing too is a copy, with the share of the own text it holds
        let c = format!("{a} Extra line at the end.");
        let fps = [fp(&a), fp(&c)];
        let got = find(&fps, MIN_SHARE);
        assert_eq!(got.len(), 2, "{got:?}");
        assert!(got[0].shared_own >= MIN_OWN_SHARED && got[0].own_share > 0.8, "{:?}", got[0]);
    }

    #[test]
    fn a_copy_inside_other_text_is_found_with_its_place() {
        let original = story(0, 60);
        let copy = format!("Menu Home News Sport. {original}Photo credit: Agency. Share this article.");
        let other = story(1000, 60);
        let fps = [fp(&original), fp(&copy), fp(&other)];
        assert!(fps[0].len() >= MIN_SHINGLES, "{}", fps[0].len());
        let got = find(&fps, MIN_SHARE);
        assert_eq!(got.iter().map(|s| (s.article, s.other)).collect::<Vec<_>>(), [(0, 1), (1, 0)]);
        assert_eq!(got[0].share, 1.0);
        assert!(got[1].share > 0.8 && got[1].share <= 1.0, "{}", got[1].share);
        // the copy's shared passage lies inside the original's text as placed in the copy
        let offset = "Menu Home News Sport. ".chars().count();
        assert!(got[1].span.start >= offset && got[1].span.end <= offset + original.chars().count());
        assert_eq!(got[0].other_span, got[1].span);
        let a: String = original.chars().skip(got[0].span.start).take(got[0].span.len()).collect();
        let b: String = copy.chars().skip(got[1].span.start).take(got[1].span.len()).collect();
        assert_eq!(a, b);
    }

    #[test]
    fn a_fingerprint_rebuilt_from_its_rows_is_the_same_in_any_order() {
        let text = format!("{} \u{201c}{}\u{201d}", story(0, 30), story(200, 10));
        let f = fp(&text);
        assert!(f.len() >= MIN_SHINGLES && f.own() < f.len(), "{} {}", f.len(), f.own());
        let mut rows: Vec<_> = f.rows().collect();
        rows.reverse();
        rows.push(rows[0]);
        assert_eq!(Fingerprint::from_rows(rows), f);
        // and through the text of fingerprints.csv
        let parsed: Vec<_> = fingerprint_rows("a", &f)
            .iter()
            .map(|r| {
                let c = crate::rows::Row::cells(r);
                parse_fingerprint_row(&[&c[1], &c[2], &c[3], &c[4]]).unwrap()
            })
            .collect();
        assert_eq!(Fingerprint::from_rows(parsed), f);
        assert!(parse_fingerprint_row(&["zz", "1", "2", "true"]).is_err());
        assert!(parse_fingerprint_row(&["1", "2"]).is_err());
    }

    #[test]
    fn unrelated_short_and_empty_articles_have_no_match() {
        let fps = [fp(&story(0, 60)), fp(&story(500, 60)), fp("Too short to compare."), fp("")];
        assert!(find(&fps, MIN_SHARE).is_empty());
        assert!(fps[3].is_empty());
        // a share below the minimum is not reported, above it is
        let half = format!("{}{}", story(0, 30), story(2000, 30));
        let fps = [fp(&story(0, 60)), fp(&half)];
        let got = find(&fps, 0.0);
        assert_eq!(got.len(), 2);
        assert!(got[0].share > 0.3 && got[0].share < 0.7, "{}", got[0].share);
        assert_eq!(find(&fps, 0.9), []);
    }

    #[test]
    fn capitals_match_in_greek_and_german_and_common_shingles_are_left_out() {
        let greek: String = (0..60).map(|i| format!("Λόγος{i} κόσμος{i} νόμος{i} χρόνος{i} δρόμος{i}. ")).collect();
        let german: String = (0..60).map(|i| format!("Straße{i} Fuß{i} groß{i} weiß{i} Spaß{i}. ")).collect();
        for text in [greek, german] {
            let got = find(&[fp(&text), fp(&text.to_uppercase())], MIN_SHARE);
            assert_eq!(got.len(), 2, "{text:.40}");
            assert!(got.iter().all(|s| s.share == 1.0));
        }
        // a passage every article holds counts for none: only the real copy is found
        let footer = story(9000, 5);
        let mut fps: Vec<Fingerprint> =
            (0..MAX_HOLDERS + 1).map(|k| fp(&format!("{}{footer}", story(k * 100, 20)))).collect();
        fps.push(fp(&format!("{}{footer}", story(0, 20))));
        let got = find(&fps, MIN_SHARE);
        assert_eq!(
            got.iter().map(|s| (s.article, s.other)).collect::<Vec<_>>(),
            [(0, MAX_HOLDERS + 1), (MAX_HOLDERS + 1, 0)]
        );
        // the two are the same text, but the footer's shingles are not counted
        assert!(got[0].share > MIN_SHARE && got[0].share < 1.0, "{}", got[0].share);
    }

    #[test]
    fn case_and_spacing_do_not_matter_and_ties_go_to_the_earlier_article() {
        let text = story(0, 40);
        let shouted = text.to_uppercase().replace(' ', "  ");
        let fps = [fp(&text), fp(&shouted), fp(&text)];
        let got = find(&fps, MIN_SHARE);
        assert_eq!(got.iter().map(|s| (s.article, s.other)).collect::<Vec<_>>(), [(0, 1), (1, 0), (2, 0)]);
        assert!(got.iter().all(|s| s.share == 1.0 && s.other_share == 1.0));
    }
}
