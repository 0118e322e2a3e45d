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
/// Articles with the same kept shingles are one *text* (exact copies); a shingle held by more
/// texts than this (a site's footer, a standard formula, a wire story run by hundreds of sites)
/// puts only the earliest this many texts forward as candidates for the articles that hold it.
/// The winner's count is made exact (a candidate is recounted from the fingerprints while it can
/// still win), so text shared with a frequent passage is still found (the earlier version skipped
/// such shingles and never reported heavily syndicated text).
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
/// `u32`, which holds any text slant reads, to keep a large run's fingerprints small: 16 bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Shingle {
    hash: u64,
    start: u32,
    /// The end (31 bits) and, in the top bit, whether a word of the run is inside a quotation
    /// (not the outlet's own text).
    end_quoted: u32,
}

/// The largest end a [`Shingle`] holds (2^31 - 1 chars, far beyond any input slant reads).
const END_MAX: u32 = u32::MAX >> 1;

impl Shingle {
    fn new(hash: u64, start: u32, end: u32, quoted: bool) -> Shingle {
        Shingle { hash, start, end_quoted: end.min(END_MAX) | (u32::from(quoted) << 31) }
    }

    fn end(&self) -> u32 {
        self.end_quoted & END_MAX
    }

    fn quoted(&self) -> bool {
        self.end_quoted >> 31 == 1
    }
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
            .map(|(hash, i)| {
                Shingle::new(
                    hash,
                    char_u32(starts.char_index(toks[i].start)),
                    char_u32(ends.char_index(toks[i + SHINGLE_WORDS - 1].end)),
                    toks[i..i + SHINGLE_WORDS].iter().any(|t| t.quoted),
                )
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
        self.shingles.iter().map(|s| (s.hash, s.start, s.end(), s.quoted()))
    }

    /// The fingerprint of [`Fingerprint::rows`] (in any order; a hash given twice keeps its
    /// first place, as [`Fingerprint::new`] does).
    pub fn from_rows(rows: impl IntoIterator<Item = (u64, u32, u32, bool)>) -> Fingerprint {
        let mut shingles: Vec<Shingle> =
            rows.into_iter().map(|(hash, start, end, quoted)| Shingle::new(hash, start, end, quoted)).collect();
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
        self.shingles.iter().filter(|s| !s.quoted()).count()
    }

    pub fn is_empty(&self) -> bool {
        self.shingles.is_empty()
    }

    /// Whether `other` has exactly the same kept shingle hashes.
    fn same_hashes(&self, other: &Fingerprint) -> bool {
        self.len() == other.len() && self.shingles.iter().zip(&other.shingles).all(|(x, y)| x.hash == y.hash)
    }

    /// How many kept shingle hashes `self` and `other` share (both are sorted by hash).
    fn shared_hashes(&self, other: &Fingerprint) -> usize {
        let (mut i, mut j, mut n) = (0, 0, 0);
        let (x, y) = (&self.shingles, &other.shingles);
        while i < x.len() && j < y.len() {
            match x[i].hash.cmp(&y[j].hash) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    n += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        n
    }

    fn get(&self, hash: u64) -> Option<&Shingle> {
        self.shingles.binary_search_by_key(&hash, |s| s.hash).ok().map(|k| &self.shingles[k])
    }
}

/// Every article's fingerprint for the end of a run, each distinct fingerprint held once (exact
/// copies, the same text at the same places, share one): a corpus of many copies keeps the
/// memory of one.
#[derive(Debug, Default)]
pub struct FingerprintStore {
    distinct: Vec<Fingerprint>,
    by_digest: FnvMap<u64, Vec<u32>>,
    of_article: Vec<u32>,
}

impl FingerprintStore {
    pub fn push(&mut self, fp: Fingerprint) {
        let digest = fp.shingles.iter().fold(fp.len() as u64, |h, s| {
            crate::text::mix64(h ^ s.hash ^ (u64::from(s.start) << 32 | u64::from(s.end_quoted)))
        });
        let same = self.by_digest.entry(digest).or_default();
        let k = match same.iter().copied().find(|&k| self.distinct[k as usize] == fp) {
            Some(k) => k,
            None => {
                let k = u32::try_from(self.distinct.len()).unwrap_or(u32::MAX);
                same.push(k);
                self.distinct.push(fp);
                k
            }
        };
        self.of_article.push(k);
    }

    /// Number of articles.
    pub fn len(&self) -> usize {
        self.of_article.len()
    }

    pub fn is_empty(&self) -> bool {
        self.of_article.is_empty()
    }

    /// [`find`] over the articles, in the order they were pushed.
    pub fn find(&self, min_share: f64) -> Vec<Shared> {
        let fps: Vec<&Fingerprint> = self.of_article.iter().map(|&k| &self.distinct[k as usize]).collect();
        find(&fps, min_share)
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
/// the most of them, when that is at least `min_share` of them (the earlier one on a tie). In
/// article order (texts are compared in parallel on the current rayon pool; the result does not
/// depend on it).
///
/// Exact copies are compared once, as one text; see [`MAX_HOLDERS`] for the one bound on the
/// candidates a very frequent shingle brings.
pub fn find<F: std::borrow::Borrow<Fingerprint> + Sync>(fps: &[F], min_share: f64) -> Vec<Shared> {
    let fps: Vec<&Fingerprint> = fps.iter().map(|f| f.borrow()).collect();
    let fps = fps.as_slice();
    let texts = Texts::new(fps);
    let index = HolderIndex::new(fps, &texts);
    let best: Vec<Option<(u32, usize)>> =
        (0..texts.members.len()).into_par_iter().map(|t| best_other(fps, &texts, &index, t)).collect();
    (0..fps.len())
        .into_par_iter()
        .filter_map(|a| {
            let t = texts.text_of[a] as usize;
            if fps[a].len() < MIN_SHINGLES {
                return None;
            }
            // the other article holding the most, the earliest on a tie: another member of
            // `a`'s own text holds all of it; the best other text's first member holds `count`
            let own = texts.members[t].iter().copied().find(|&m| m != a).map(|b| (b, fps[a].len()));
            let other = best[t].map(|(u, count)| (texts.members[u as usize][0], count));
            let (b, shared) = [own, other].into_iter().flatten().max_by(|x, y| x.1.cmp(&y.1).then(y.0.cmp(&x.0)))?;
            shared_with(fps, a, b, shared, min_share)
        })
        .collect()
}

/// The articles of a run grouped by their kept shingles: articles with the same hashes are one
/// text, numbered in the order of their first article.
struct Texts {
    /// Each text's articles, in article order.
    members: Vec<Vec<usize>>,
    text_of: Vec<u32>,
}

impl Texts {
    fn new(fps: &[&Fingerprint]) -> Texts {
        let mut by_digest: FnvMap<u64, Vec<u32>> = FnvMap::default();
        let mut members: Vec<Vec<usize>> = Vec::new();
        let mut text_of = Vec::with_capacity(fps.len());
        for (a, fp) in fps.iter().enumerate() {
            let digest = crate::text::mix64(fp.shingles.iter().fold(fp.len() as u64, |h, s| h.rotate_left(7) ^ s.hash));
            let same = by_digest.entry(digest).or_default();
            let found = same.iter().copied().find(|&t| fps[members[t as usize][0]].same_hashes(fp));
            let t = found.unwrap_or_else(|| {
                members.push(Vec::new());
                same.push((members.len() - 1) as u32);
                (members.len() - 1) as u32
            });
            members[t as usize].push(a);
            text_of.push(t);
        }
        Texts { members, text_of }
    }
}

/// Which texts hold a shingle: `(hash, text)` sorted, with a table of where each range of hash
/// values starts (hashes are mixed, so each slot holds about one entry: constant time).
struct HolderIndex {
    entries: Vec<(u64, u32)>,
    starts: Vec<u32>,
    shift: u32,
}

impl HolderIndex {
    fn new(fps: &[&Fingerprint], texts: &Texts) -> HolderIndex {
        let mut entries: Vec<(u64, u32)> = texts
            .members
            .iter()
            .enumerate()
            .flat_map(|(t, m)| fps[m[0]].shingles.iter().map(move |s| (s.hash, t as u32)))
            .collect();
        entries.par_sort_unstable();
        let bits = (usize::BITS - entries.len().leading_zeros()).clamp(1, 32);
        let shift = 64 - bits;
        let mut starts = vec![0u32; (1usize << bits) + 1];
        for &(h, _) in &entries {
            starts[(h >> shift) as usize + 1] += 1;
        }
        for k in 1..starts.len() {
            starts[k] += starts[k - 1];
        }
        HolderIndex { entries, starts, shift }
    }

    /// The texts holding `hash`, in text order.
    fn holders(&self, hash: u64) -> impl Iterator<Item = u32> + '_ {
        let slot = (hash >> self.shift) as usize;
        let bucket = &self.entries[self.starts[slot] as usize..self.starts[slot + 1] as usize];
        let from = bucket.partition_point(|&(h, _)| h < hash);
        bucket[from..].iter().take_while(move |&&(h, _)| h == hash).map(|&(_, t)| t)
    }
}

/// The other text holding the most of text `t`'s kept shingles, with how many (the earliest on
/// a tie; texts are numbered in the order of their first article); none when `t` is too short
/// to compare or shares none.
fn best_other(fps: &[&Fingerprint], texts: &Texts, index: &HolderIndex, t: usize) -> Option<(u32, usize)> {
    let fp = fps[texts.members[t][0]];
    if fp.len() < MIN_SHINGLES {
        return None;
    }
    // each candidate's count so far, and in how many capped shingles it was among those counted
    let mut counts: FnvMap<u32, (usize, usize)> = FnvMap::default();
    let mut capped = 0;
    for s in &fp.shingles {
        let over = index.holders(s.hash).nth(MAX_HOLDERS).is_some();
        capped += usize::from(over);
        for u in index.holders(s.hash).take(MAX_HOLDERS) {
            let c = counts.entry(u).or_insert((0, 0));
            c.0 += 1;
            c.1 += usize::from(over);
        }
    }
    counts.remove(&(t as u32));
    // a candidate left out of `capped - c.1` capped shingles may hold that many more: the
    // largest possible count first, made exact (from the two fingerprints) only when it can
    // still win
    let mut order: Vec<(usize, usize, u32)> =
        counts.into_iter().map(|(u, (n, hits))| (n + capped - hits, n, u)).collect();
    order.sort_unstable_by(|x, y| y.0.cmp(&x.0).then(x.2.cmp(&y.2)));
    let mut best: Option<(u32, usize)> = None;
    for (most, known, u) in order {
        if best.is_some_and(|(_, c)| most < c) {
            break;
        }
        let count = if most == known { known } else { fp.shared_hashes(fps[texts.members[u as usize][0]]) };
        if best.is_none_or(|(bu, c)| count > c || (count == c && u < bu)) {
            best = Some((u, count));
        }
    }
    best.filter(|&(_, c)| c > 0)
}

/// The [`Shared`] row of article `a` and its best match `b` (holding `shared` of its kept
/// shingles), when the share and the text outside quotations are enough.
fn shared_with(fps: &[&Fingerprint], a: usize, b: usize, shared: usize, min_share: f64) -> Option<Shared> {
    let fp = &fps[a];
    let share = shared as f64 / fp.len() as f64;
    if share < min_share {
        return None;
    }
    let other = &fps[b];
    let pairs: Vec<(&Shingle, &Shingle)> =
        fp.shingles.iter().filter_map(|s| other.get(s.hash).map(|o| (s, o))).collect();
    // Two pages that share only a quotation (a palace statement, a leader's letter) are no
    // copies: the pair needs shared text outside quotation marks in both.
    let shared_own = pairs.iter().filter(|(s, o)| !s.quoted() && !o.quoted()).count();
    if shared_own < MIN_OWN_SHARED {
        return None;
    }
    let own = fp.own();
    let span = |side: usize| {
        let pick = |p: &(&Shingle, &Shingle)| if side == 0 { (p.0.start, p.0.end()) } else { (p.1.start, p.1.end()) };
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
    fn capitals_match_in_greek_and_german_and_frequent_shingles_still_count() {
        let greek: String = (0..60).map(|i| format!("Λόγος{i} κόσμος{i} νόμος{i} χρόνος{i} δρόμος{i}. ")).collect();
        let german: String = (0..60).map(|i| format!("Straße{i} Fuß{i} groß{i} weiß{i} Spaß{i}. ")).collect();
        for text in [greek, german] {
            let got = find(&[fp(&text), fp(&text.to_uppercase())], MIN_SHARE);
            assert_eq!(got.len(), 2, "{text:.40}");
            assert!(got.iter().all(|s| s.share == 1.0));
        }
        // a passage held by more texts than the cap still counts: the real copy is found whole,
        // and the articles sharing only the footer are no copies
        let footer = story(9000, 5);
        let mut fps: Vec<Fingerprint> =
            (0..MAX_HOLDERS + 1).map(|k| fp(&format!("{}{footer}", story(k * 100, 20)))).collect();
        fps.push(fp(&format!("{}{footer}", story(0, 20))));
        let got = find(&fps, MIN_SHARE);
        assert_eq!(
            got.iter().map(|s| (s.article, s.other)).collect::<Vec<_>>(),
            [(0, MAX_HOLDERS + 1), (MAX_HOLDERS + 1, 0)]
        );
        assert!(got.iter().all(|s| s.share == 1.0), "{got:?}");
    }

    /// The search before texts and the holder index: every article's shingles counted in every
    /// other article, one by one.
    fn brute_force(fps: &[Fingerprint], min_share: f64) -> Vec<Shared> {
        let fps: Vec<&Fingerprint> = fps.iter().collect();
        let fps = fps.as_slice();
        (0..fps.len())
            .filter(|&a| fps[a].len() >= MIN_SHINGLES)
            .filter_map(|a| {
                let (b, shared) = (0..fps.len())
                    .filter(|&b| b != a)
                    .map(|b| (b, fps[a].shingles.iter().filter(|s| fps[b].get(s.hash).is_some()).count()))
                    .filter(|&(_, c)| c > 0)
                    .max_by(|x, y| x.1.cmp(&y.1).then(y.0.cmp(&x.0)))?;
                shared_with(fps, a, b, shared, min_share)
            })
            .collect()
    }

    #[test]
    fn texts_and_the_holder_index_find_what_a_search_of_every_pair_finds() {
        // pseudo-random articles made of a few shared passages, copies and repeats, fixed seed
        let mut state: u64 = 11;
        let mut next = |n: u64| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((state >> 33) % n) as usize
        };
        for _ in 0..30 {
            let passages: Vec<String> = (0..6).map(|p| story(p * 50, 3 + next(8))).collect();
            let mut texts: Vec<String> = Vec::new();
            for _ in 0..next(14) {
                let text = if !texts.is_empty() && next(4) == 0 {
                    texts[next(texts.len() as u64)].clone()
                } else {
                    (0..1 + next(4)).map(|_| passages[next(6)].as_str()).collect()
                };
                texts.push(text);
            }
            let fps: Vec<Fingerprint> = texts.iter().map(|t| fp(t)).collect();
            for min_share in [0.0, MIN_SHARE] {
                assert_eq!(find(&fps, min_share), brute_force(&fps, min_share), "{texts:?}");
            }
        }
    }

    #[test]
    fn a_story_run_by_hundreds_of_sites_is_found_for_every_site() {
        let wire = story(0, 40);
        let mut fps: Vec<Fingerprint> = Vec::new();
        // 300 exact copies, then 300 copies inside each site's own menu and footer
        fps.extend((0..300).map(|_| fp(&wire)));
        fps.extend((0..300).map(|k| fp(&format!("{}{wire}{}", story(10_000 + k * 10, 2), story(20_000 + k * 10, 2)))));
        fps.push(fp(&story(5_000, 40)));
        let got = find(&fps, MIN_SHARE);
        assert_eq!(got.len(), 600, "every copy but the unrelated article");
        assert_eq!((got[0].article, got[0].other, got[0].share), (0, 1, 1.0));
        assert!(got[1..].iter().all(|s| s.other == 0 && s.share > 0.8), "{:?}", &got[1..3]);
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
