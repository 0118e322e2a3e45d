//! The report's data: `articles.csv`, `sentences.csv` and the other CSV files of an output
//! folder read back strictly (an edited number is an error naming file, line and column), and
//! the articles summed into groups.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use super::tally::Tally;
use super::{charts, GroupBy, ReportError, ReportOptions};
use crate::stats::ratio_ci;

/// One row of `articles.csv`, as the charts need it. A large corpus holds hundreds of
/// thousands: text is held in boxed slices (no spare capacity), names once ([`Names`]), counts
/// from `hits.csv` as integers.
#[derive(Debug, Clone, Default)]
pub struct ArticleData {
    pub id: Box<str>,
    /// Outlet, date, group and `same_text_share` repeat across articles: each held once
    /// ([`Names`]).
    pub outlet: Arc<str>,
    pub date: Arc<str>,
    pub group: Arc<str>,
    pub words: f64,
    /// Body words inside quotations (`quoted_words`).
    pub quoted_words: f64,
    /// Body words in reported speech (`reported_words`; 0 in a folder written before it).
    pub reported_words: f64,
    pub loaded_own: f64,
    pub loaded_quoted: f64,
    /// Hits in reported speech (`loaded_reported`; 0 in a folder written before it).
    pub loaded_reported: f64,
    /// Hits per lexicon category, in column order.
    pub categories: Box<[f64]>,
    /// Attributions per source category, in column order.
    pub attr: Box<[f64]>,
    /// Attributions by source country (names held once, [`Names`]).
    pub countries: Box<[(Arc<str>, f64)]>,
    pub tone: f64,
    pub flagged: f64,
    pub sentences: f64,
    /// `same_text_as` and `same_text_share` as written (empty when none, or in an older folder);
    /// held once ([`Names`]): in a syndicated corpus many articles name the same one.
    pub same_text_as: Arc<str>,
    pub same_text_share: Arc<str>,
    /// Counted hits of each lexicon category (in column order) by voice: own, quoted, reported
    /// (from `hits.csv`; empty without it).
    pub voice_categories: Box<[[u32; 3]]>,
    /// Counted own-voice hits by term (from `hits.csv`): the term's index in
    /// [`ReportData::terms`] and its count, by index.
    pub own_terms: Box<[(u32, u32)]>,
    /// Attributions by (source category, country) (from `countries_long.csv`; the country
    /// empty when unknown).
    pub sources: Box<[SourceCount]>,
}

/// Attributions of one (source category, country) in an article.
pub type SourceCount = (Arc<str>, Arc<str>, f64);

/// Each distinct name (a country, a source category) held once, shared by the articles.
#[derive(Default)]
struct Names(std::collections::HashSet<Arc<str>>);

impl Names {
    fn get(&mut self, name: &str) -> Arc<str> {
        if let Some(n) = self.0.get(name) {
            return n.clone();
        }
        let n: Arc<str> = name.into();
        self.0.insert(n.clone());
        n
    }
}

/// A group of articles with its sums.
#[derive(Debug, Clone, Default)]
pub struct Group {
    pub name: String,
    pub articles: usize,
    pub words: f64,
    pub quoted_words: f64,
    pub reported_words: f64,
    pub loaded_own: f64,
    pub loaded_quoted: f64,
    pub loaded_reported: f64,
    /// 95% intervals of its rates over its articles.
    pub ci: RateIntervals,
    /// Its articles: their indices in [`ReportData::articles`], in input order.
    pub members: Vec<usize>,
    pub categories: Vec<f64>,
    pub attr: Vec<f64>,
    pub countries: BTreeMap<String, f64>,
    /// Sentence tone probabilities of the group's articles (a sorted multiset).
    pub probs: Tally,
    /// Word-weighted mean tone of its articles.
    pub tone: f64,
    pub flagged: f64,
    pub sentences: f64,
}

/// 95% intervals of a group's pooled rates over its articles ([`ratio_ci`]): how far the rate
/// of the outlet's (or group's) writing could lie from the one measured, were other articles of
/// the same kind sampled. `None` for a group with fewer than two articles with words.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct RateIntervals {
    /// Hits per 1,000 body words.
    pub loaded: Option<[f64; 2]>,
    /// Own-voice hits per 1,000 own-voice words (`loaded_own_per_1k`'s base).
    pub own: Option<[f64; 2]>,
}

impl RateIntervals {
    fn of(units: &[Units]) -> RateIntervals {
        let ci = |f: Measure| ratio_ci(&units.iter().map(f).collect::<Vec<_>>(), 1000.0);
        RateIntervals { loaded: ci(Units::loaded), own: ci(Units::own_voice) }
    }
}

/// A rate's (count, base) in an article's [`Units`].
pub(crate) type Measure = fn(&Units) -> (f64, f64);

/// One article's loaded-language counts and word bases, as its group's rates use them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Units {
    /// Hits of every voice.
    pub hits: f64,
    /// Own-voice hits.
    pub own: f64,
    pub words: f64,
    /// Words in the outlet's own voice: outside quotations and reported speech.
    pub own_words: f64,
}

impl Units {
    pub(crate) fn of(a: &ArticleData) -> Units {
        Units {
            hits: a.loaded_own + a.loaded_quoted + a.loaded_reported,
            own: a.loaded_own,
            words: a.words,
            own_words: a.own_words(),
        }
    }

    /// (hits, words): `loaded_per_1k`'s count and base.
    pub(crate) fn loaded(&self) -> (f64, f64) {
        (self.hits, self.words)
    }

    /// (own-voice hits, own-voice words): `loaded_own_per_1k`'s count and base.
    pub(crate) fn own_voice(&self) -> (f64, f64) {
        (self.own, self.own_words)
    }
}

/// Words in the outlet's own voice: outside quotations and reported speech, the one base of
/// every own-voice rate.
fn own_words(words: f64, quoted: f64, reported: f64) -> f64 {
    (words - quoted - reported).max(0.0)
}

impl ArticleData {
    /// Its words in the outlet's own voice (see [`own_words`]).
    pub fn own_words(&self) -> f64 {
        own_words(self.words, self.quoted_words, self.reported_words)
    }
}

impl Group {
    /// Its words in the outlet's own voice (see [`own_words`]).
    pub fn own_words(&self) -> f64 {
        own_words(self.words, self.quoted_words, self.reported_words)
    }

    /// Hits of every voice.
    pub fn loaded(&self) -> f64 {
        self.loaded_own + self.loaded_quoted + self.loaded_reported
    }

    /// `n` per 1,000 of `base` words (0 without words).
    pub fn rate(n: f64, base: f64) -> f64 {
        if base > 0.0 {
            n * 1000.0 / base
        } else {
            0.0
        }
    }

    /// `n` per 1,000 of the group's words.
    pub fn per_1k(&self, n: f64) -> f64 {
        Group::rate(n, self.words)
    }
}

/// What the charts and the report are drawn from.
#[derive(Debug, Clone, Default)]
pub struct ReportData {
    pub articles: Vec<ArticleData>,
    /// Lexicon category names (from the `loaded_<category>` columns).
    pub categories: Vec<String>,
    /// Source category names (from the `attr_<category>` columns).
    pub attr_categories: Vec<String>,
    /// Groups in display order (largest first), `others` last.
    pub groups: Vec<Group>,
    pub group_by: String,
    /// Groups merged into `others`.
    pub merged: usize,
    /// Every group, none merged, in the same order (for `groups.csv`; no sentence tones).
    pub all_groups: Vec<Group>,
    /// The own-voice terms of [`ArticleData::own_terms`], each held once.
    pub terms: Vec<String>,
}

const LOADED_FIXED: &[&str] = &crate::output::LOADED_COLUMNS;

/// What a number in an output CSV may be.
#[derive(Clone, Copy)]
enum Kind {
    /// A count or rate: finite, not negative.
    Count,
    /// A probability or share: from 0 to 1.
    Share,
}

fn line_at(path: &Path, byte: u64) -> usize {
    crate::tables::line_of(path, byte)
}

/// A number of column `column` in the record starting at byte `byte` of `path`, checked against
/// its kind: a value edited into something else is an error naming the line, never a silent zero.
/// Whether a cell is a missing value as R (`NA`) or pandas (`NaN`) write one back.
fn is_missing(v: &str) -> bool {
    matches!(v.trim(), "NA" | "NaN" | "nan")
}

fn num(path: &Path, byte: u64, column: &str, value: &str, kind: Kind) -> Result<f64, ReportError> {
    let fits = |x: &f64| match kind {
        Kind::Count => x.is_finite() && *x >= 0.0,
        Kind::Share => (0.0..=1.0).contains(x),
    };
    match value.trim().parse::<f64>().ok().filter(fits) {
        Some(x) => Ok(x),
        None => Err(ReportError::Input {
            path: path.display().to_string(),
            message: format!(
                "line {}, column {column}: '{value}' is not {}",
                line_at(path, byte),
                match kind {
                    Kind::Count => "a number of 0 or more",
                    Kind::Share => "a number from 0 to 1",
                }
            ),
        }),
    }
}

/// Truncates a label to `max` characters with an ellipsis.
pub fn short(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

impl ReportData {
    /// Reads `DIR/articles.csv` and (if present) `DIR/sentences.csv`.
    pub fn load(dir: &Path, opts: &ReportOptions) -> Result<ReportData, ReportError> {
        let path = table(dir, "articles");
        let h = crate::tables::header(&path)
            .map_err(|m| ReportError::Input { path: path.display().to_string(), message: m })?;
        let col = |name: &str| h.iter().position(|c| c == name);
        let need = |name: &str| {
            col(name).ok_or_else(|| ReportError::Input {
                path: path.display().to_string(),
                message: format!("no column '{name}' (is this a slant output folder?)"),
            })
        };
        let (id_c, words_c, own_c, quoted_c) = (
            col("article_id").map_or_else(|| need("id"), Ok)?,
            need("words")?,
            need("loaded_own")?,
            need("loaded_quoted")?,
        );
        let quoted_words_c = need("quoted_words")?;
        let (tone_c, flagged_c, sentences_c) = (need("tone")?, need("flagged_sentences")?, need("sentences")?);
        let cat_cols: Vec<(String, usize)> = h
            .iter()
            .enumerate()
            .filter(|(_, c)| c.starts_with("loaded_") && !LOADED_FIXED.contains(&c.as_str()))
            .map(|(i, c)| (c["loaded_".len()..].to_string(), i))
            .collect();
        let attr_cols: Vec<(String, usize)> = h
            .iter()
            .enumerate()
            .filter(|(_, c)| c.starts_with("attr_") && c.as_str() != "attr_countries")
            .map(|(i, c)| (c["attr_".len()..].to_string(), i))
            .collect();
        let group_c = match &opts.group_by {
            GroupBy::Outlet => need("outlet")?,
            GroupBy::Article => id_c,
            GroupBy::Column(c) => col(c).ok_or_else(|| ReportError::NoColumn(c.clone()))?,
        };
        // a cell slant leaves empty (no date, no outlet, no copy) comes back from R as `NA`
        // and from pandas as `NaN`: read as empty
        let get = |r: &[String], c: Option<usize>| {
            c.and_then(|i| r.get(i)).filter(|v| !is_missing(v)).cloned().unwrap_or_default()
        };
        // one row at a time: a large corpus's rows are not all held as text
        let read_articles = || -> Result<Vec<ArticleData>, ReportError> {
            let mut articles: Vec<ArticleData> = Vec::with_capacity(crate::tables::rows_hint(&path));
            let mut names = Names::default();
            each_row(&path, |byte, r| {
                let at = |c: usize, kind: Kind| num(&path, byte, &h[c], r.get(c).map_or("", String::as_str), kind);
                let group = get(r, Some(group_c));
                let mut countries = Vec::new();
                for (c, n) in get(r, col("attr_countries")).split(';').filter_map(|p| p.split_once(':')) {
                    if !c.trim().is_empty() {
                        countries.push((names.get(c.trim()), num(&path, byte, "attr_countries", n, Kind::Count)?));
                    }
                }
                let (words, quoted_words) = (at(words_c, Kind::Count)?, at(quoted_words_c, Kind::Count)?);
                let optional = |name: &str| col(name).map_or(Ok(0.0), |c| at(c, Kind::Count));
                let (reported_words, loaded_reported) = (optional("reported_words")?, optional("loaded_reported")?);
                if quoted_words + reported_words > words {
                    return Err(ReportError::Input {
                        path: path.display().to_string(),
                        message: format!(
                        "line {}, columns quoted_words and reported_words: {} is more than the article's {words} words",
                        line_at(&path, byte),
                        quoted_words + reported_words
                    ),
                    });
                }
                let same_text_share = get(r, col("same_text_share"));
                if !same_text_share.trim().is_empty() {
                    num(&path, byte, "same_text_share", &same_text_share, Kind::Share)?;
                }
                articles.push(ArticleData {
                    id: get(r, Some(id_c)).into(),
                    outlet: names.get(&get(r, col("outlet"))),
                    date: names.get(&get(r, col("date"))),
                    group: names.get(&if group.trim().is_empty() {
                        format!("(no {})", opts.group_by.label())
                    } else {
                        group
                    }),
                    words,
                    quoted_words,
                    reported_words,
                    loaded_own: at(own_c, Kind::Count)?,
                    loaded_quoted: at(quoted_c, Kind::Count)?,
                    loaded_reported,
                    categories: cat_cols.iter().map(|(_, i)| at(*i, Kind::Count)).collect::<Result<_, _>>()?,
                    attr: attr_cols.iter().map(|(_, i)| at(*i, Kind::Count)).collect::<Result<_, _>>()?,
                    countries: countries.into(),
                    tone: at(tone_c, Kind::Share)?,
                    flagged: at(flagged_c, Kind::Count)?,
                    sentences: at(sentences_c, Kind::Count)?,
                    same_text_as: names.get(&get(r, col("same_text_as"))),
                    same_text_share: names.get(&same_text_share),
                    ..Default::default()
                });
                Ok(())
            })?;
            articles.shrink_to_fit();
            Ok(articles)
        };
        let mut articles = read_articles()?;
        let categories = cat_cols.iter().map(|c| c.0.clone()).collect::<Vec<_>>();
        let attr_categories = attr_cols.iter().map(|c| c.0.clone()).collect::<Vec<_>>();
        let (all_groups, _) = group(&mut articles, usize::MAX, categories.len(), attr_categories.len());
        let (mut groups, merged) = group(&mut articles, opts.top, categories.len(), attr_categories.len());
        // each id's first and last article: under a repeated id (reported in errors.csv) the
        // last takes its hits, as before, and the first its sentences
        let mut ids: std::collections::HashMap<&str, [u32; 2]> =
            std::collections::HashMap::with_capacity(articles.len());
        for (i, a) in articles.iter().enumerate() {
            ids.entry(&*a.id).and_modify(|e| e[1] = i as u32).or_insert([i as u32; 2]);
        }
        let index = |id: &str| ids.get(id).map(|e| e[1] as usize);
        // Sentence probabilities go straight to their group's tally (streamed: a large corpus
        // has millions of sentences); under a repeated id (reported in errors.csv) to the first
        // article of that id, so that they count once.
        let read_probs = |groups: &mut [Group]| -> Result<(), ReportError> {
            let mut group_of = vec![0u32; articles.len()];
            for (k, g) in groups.iter().enumerate() {
                for &i in &g.members {
                    group_of[i] = k as u32;
                }
            }
            let sp = table(dir, "sentences");
            stream(&sp, &["article_id", "prob"], |byte, v| {
                let prob = num(&sp, byte, "prob", v[1], Kind::Share)?;
                if let Some(e) = ids.get(v[0]) {
                    groups[group_of[e[0] as usize] as usize].probs.add(prob);
                }
                Ok(())
            })?;
            groups.iter_mut().for_each(|g| g.probs.finish());
            Ok(())
        };
        // counted hits by category and voice, own-voice terms, and attributions by source
        // category and country, read while the sentences are
        let read_hits = || -> Result<PerArticle, ReportError> {
            let category_index: BTreeMap<&str, usize> =
                cat_cols.iter().enumerate().map(|(k, (c, _))| (c.as_str(), k)).collect();
            let mut voices = vec![vec![[0u32; 3]; cat_cols.len()]; articles.len()];
            let mut terms: Vec<Vec<(u32, u32)>> = vec![Vec::new(); articles.len()];
            let mut term_ids: std::collections::HashMap<String, u32> = std::collections::HashMap::new();
            let mut term_names: Vec<String> = Vec::new();
            let mut last: Option<usize> = None;
            let hp = table(dir, "hits");
            stream(&hp, &["article_id", "term", "category", "voice", "counted"], |_, v| {
                let (Some(i), Some(&k)) = (index(v[0]), category_index.get(v[2])) else { return Ok(()) };
                if v[4] == "false" {
                    return Ok(());
                }
                let voice = match v[3] {
                    "quoted" => 1,
                    "reported" => 2,
                    _ => 0,
                };
                voices[i][k][voice] += 1;
                if voice == 0 {
                    let id = match term_ids.get(v[1]) {
                        Some(&id) => id,
                        None => {
                            let id = term_names.len() as u32;
                            term_ids.insert(v[1].to_string(), id);
                            term_names.push(v[1].to_string());
                            id
                        }
                    };
                    // an article's rows come together: its terms are summed when the next
                    // article's start (and all again at the end, for rows out of order)
                    if last.is_some_and(|l| l != i) {
                        sum_terms(&mut terms[last.unwrap_or(i)]);
                    }
                    last = Some(i);
                    terms[i].push((id, 1));
                }
                Ok(())
            })?;
            terms.iter_mut().for_each(sum_terms);
            let mut sources: Vec<Vec<SourceCount>> = vec![Vec::new(); articles.len()];
            let mut names = Names::default();
            let cp = table(dir, "countries_long");
            stream(&cp, &["article_id", "country", "category", "attributions"], |byte, v| {
                if let Some(i) = index(v[0]) {
                    let n = num(&cp, byte, "attributions", v[3], Kind::Count)?;
                    sources[i].push((names.get(v[2]), names.get(v[1]), n));
                }
                Ok(())
            })?;
            Ok(PerArticle { voices, terms, term_names, sources })
        };
        let (probs, hits) = rayon::join(|| read_probs(&mut groups), read_hits);
        // an error in sentences.csv first, then in hits.csv, as when they were read one after
        // the other
        probs?;
        let PerArticle { voices, terms, term_names, sources } = hits?;
        for (((a, v), t), s) in articles.iter_mut().zip(voices).zip(terms).zip(sources) {
            a.voice_categories = v.into();
            a.own_terms = t.into();
            a.sources = s.into();
        }
        Ok(ReportData {
            articles,
            categories,
            attr_categories,
            groups,
            group_by: opts.group_by.label(),
            merged,
            all_groups,
            terms: term_names,
        })
    }

    /// Source countries of the articles' attributions, most attributions first (then by code).
    pub fn countries_by_total(&self) -> Vec<String> {
        let mut totals: BTreeMap<&str, f64> = BTreeMap::new();
        for a in &self.articles {
            for (c, n) in &a.countries {
                *totals.entry(c).or_default() += n;
            }
        }
        let mut order: Vec<(&str, f64)> = totals.into_iter().collect();
        order.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        order.into_iter().map(|c| c.0.to_string()).collect()
    }

    /// Distinct valid dates (`YYYY-MM-DD`) among the articles.
    pub fn dates(&self) -> Vec<&str> {
        let mut d: Vec<&str> =
            self.articles.iter().map(|a| &*a.date).filter(|d| charts::day_number(d).is_some()).collect();
        d.sort_unstable();
        d.dedup();
        d
    }
}

/// `DIR/<stem>.csv`, or its Parquet form when only that exists ([`crate::tables::locate`]).
pub(crate) fn table(dir: &Path, stem: &str) -> std::path::PathBuf {
    crate::tables::locate(dir, stem)
}

/// Streams the rows of `path` (nothing when it does not exist), giving `f` each row's place
/// ([`crate::tables::Place`]) and its values of `columns` (a missing column is an error naming it).
fn stream(
    path: &Path,
    columns: &[&str],
    mut f: impl FnMut(u64, &[&str]) -> Result<(), ReportError>,
) -> Result<(), ReportError> {
    if !path.exists() {
        return Ok(());
    }
    let err = |m: String| ReportError::Input { path: path.display().to_string(), message: m };
    let header = crate::tables::header(path).map_err(err)?;
    let at: Vec<usize> = columns
        .iter()
        .map(|name| header.iter().position(|c| c == name).ok_or_else(|| err(format!("no column '{name}'"))))
        .collect::<Result<_, _>>()?;
    each_row(path, |place, v| {
        let values: Vec<&str> = at.iter().map(|&k| v.get(k).map_or("", String::as_str)).collect();
        f(place, &values)
    })
}

/// Every row of `path` with its place ([`crate::tables::Place`]), one at a time; the first error
/// `f` gives, or the reader's, ends the reading and is returned.
fn each_row(path: &Path, mut f: impl FnMut(u64, &[String]) -> Result<(), ReportError>) -> Result<(), ReportError> {
    let mut failed: Option<ReportError> = None;
    let result = crate::tables::for_each_row(path, |place, v| {
        f(place, v).map_err(|e| {
            let m = e.to_string();
            failed = Some(e);
            m
        })
    });
    match (failed, result) {
        (Some(e), _) => Err(e),
        (None, r) => r.map_err(|m| ReportError::Input { path: path.display().to_string(), message: m }),
    }
}

/// What `hits.csv` and `countries_long.csv` hold by article, in the order of `articles.csv`.
struct PerArticle {
    voices: Vec<Vec<[u32; 3]>>,
    terms: Vec<Vec<(u32, u32)>>,
    term_names: Vec<String>,
    sources: Vec<Vec<SourceCount>>,
}

/// Sums an article's own-voice terms `(term, count)`: one entry a term, by term.
fn sum_terms(terms: &mut Vec<(u32, u32)>) {
    terms.sort_by_key(|t| t.0);
    terms.dedup_by(|b, a| {
        let same = a.0 == b.0;
        if same {
            a.1 += b.1;
        }
        same
    });
    terms.shrink_to_fit();
}

/// Sums articles into groups; keeps the `top` largest (by articles, then name) and merges the
/// rest into `others`.
fn group(articles: &mut [ArticleData], top: usize, n_cat: usize, n_attr: usize) -> (Vec<Group>, usize) {
    let mut sizes: BTreeMap<&str, usize> = BTreeMap::new();
    for a in articles.iter() {
        *sizes.entry(&a.group).or_default() += 1;
    }
    let mut order: Vec<(&str, usize)> = sizes.into_iter().collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let top = top.max(1);
    let merged = order.len().saturating_sub(top);
    let keep: Vec<String> = order.iter().take(top).map(|(g, _)| g.to_string()).collect();
    let others: Arc<str> = "others".into();
    let mut groups: Vec<Group> = keep
        .iter()
        .map(|g| Group { name: g.clone(), categories: vec![0.0; n_cat], attr: vec![0.0; n_attr], ..Default::default() })
        .collect();
    if merged > 0 {
        groups.push(Group {
            name: format!("others ({merged})"),
            categories: vec![0.0; n_cat],
            attr: vec![0.0; n_attr],
            ..Default::default()
        });
    }
    let index: BTreeMap<String, usize> = keep.iter().enumerate().map(|(i, g)| (g.clone(), i)).collect();
    let mut tone_words = vec![0.0; groups.len()];
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for (i, a) in articles.iter_mut().enumerate() {
        let k = index.get(&*a.group).copied().unwrap_or(groups.len() - 1);
        if k == keep.len() {
            a.group = others.clone();
        }
        members[k].push(i);
        let g = &mut groups[k];
        g.articles += 1;
        g.words += a.words;
        g.quoted_words += a.quoted_words;
        g.reported_words += a.reported_words;
        g.loaded_own += a.loaded_own;
        g.loaded_quoted += a.loaded_quoted;
        g.loaded_reported += a.loaded_reported;
        for (s, v) in g.categories.iter_mut().zip(&a.categories) {
            *s += v;
        }
        for (s, v) in g.attr.iter_mut().zip(&a.attr) {
            *s += v;
        }
        for (c, n) in &a.countries {
            *g.countries.entry(c.to_string()).or_default() += n;
        }
        g.tone += a.tone * a.words;
        tone_words[k] += a.words;
        g.flagged += a.flagged;
        g.sentences += a.sentences;
    }
    for ((g, w), m) in groups.iter_mut().zip(tone_words).zip(members) {
        g.tone = if w > 0.0 { g.tone / w } else { 0.0 };
        g.ci = RateIntervals::of(&m.iter().map(|&i| Units::of(&articles[i])).collect::<Vec<_>>());
        g.members = m;
    }
    (groups, merged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_sum_articles_and_take_each_articles_sentences_once() {
        let art = |id: &str, group: &str, words: f64| ArticleData {
            id: id.into(),
            group: group.into(),
            words,
            loaded_own: 2.0,
            categories: vec![1.0].into(),
            attr: vec![1.0, 0.0].into(),
            tone: 0.5,
            ..Default::default()
        };
        let mut arts = vec![art("a", "X", 100.0), art("a", "X", 100.0), art("b", "Y", 50.0), art("c", "Z", 10.0)];
        let (groups, merged) = group(&mut arts, 2, 1, 2);
        assert_eq!(merged, 1);
        let names: Vec<&str> = groups.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(names, ["X", "Y", "others (1)"]);
        assert_eq!((groups[0].articles, groups[0].words, groups[0].loaded_own), (2, 200.0, 4.0));
        assert!((groups[0].per_1k(groups[0].loaded_own) - 20.0).abs() < 1e-9);
        assert_eq!(&*arts[3].group, "others");
        assert_eq!(short("Varania Central News Agency", 10), "Varania C…");
    }

    /// A group's sentences are those of its articles; under a repeated id (reported in
    /// errors.csv by analyze) they count once, and sentences of no article are left out.
    #[test]
    fn sentences_go_to_their_articles_group_once() {
        let dir = tempfile::tempdir().unwrap();
        let header = "article_id,outlet,words,quoted_words,loaded_own,loaded_quoted,tone,flagged_sentences,sentences";
        let rows = ["a,X,100,0,2,0,0.5,1,2", "a,X,100,0,2,0,0.5,1,2", "b,Y,50,0,0,0,0.9,1,1", "c,Z,10,0,0,0,0,0,0"];
        std::fs::write(dir.path().join("articles.csv"), format!("{header}\n{}\n", rows.join("\n"))).unwrap();
        let sentences = "article_id,sentence,prob\na,0,0.2000\na,1,0.1000\nb,0,0.9000\nq,0,0.5000\n";
        std::fs::write(dir.path().join("sentences.csv"), sentences).unwrap();
        let opts = ReportOptions { top: 2, ..ReportOptions::default() };
        let d = ReportData::load(dir.path(), &opts).unwrap();
        let probs = |g: &Group| (0..g.probs.len()).map(|i| g.probs.nth(i)).collect::<Vec<_>>();
        assert_eq!(d.groups.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(), ["X", "Y", "others (1)"]);
        assert_eq!(probs(&d.groups[0]), [0.1, 0.2]);
        assert_eq!(probs(&d.groups[1]), [0.9]);
        assert!(d.groups[2].probs.is_empty());
        assert!(d.all_groups.iter().all(|g| g.probs.is_empty()));
    }

    /// A number edited into something else is an error naming file, line and column, with
    /// `\n` or `\r\n` line breaks; the values slant writes load.
    #[test]
    fn edited_numbers_are_errors_naming_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let header =
            "id,outlet,words,quoted_words,loaded_own,loaded_quoted,loaded_x,attr_y,attr_countries,tone,flagged_sentences,sentences,\
             same_text_as,same_text_share";
        let good = ["a,O,100,0,2,1,3,1,RU:2;UA:1,0.25,1,4,b,0.90", "b,O,50,0,0,0,0,0,,0,0,2,,"];
        let load = |rows: &[&str], nl: &str| {
            let text = std::iter::once(header).chain(rows.iter().copied()).collect::<Vec<_>>().join(nl) + nl;
            std::fs::write(dir.path().join("articles.csv"), text).unwrap();
            ReportData::load(dir.path(), &ReportOptions::default()).map(|d| d.articles.len()).map_err(|e| e.to_string())
        };
        assert_eq!(load(&good, "\n"), Ok(2));
        // written back from R or pandas: missing values in the cells slant leaves empty
        assert_eq!(
            load(&[good[0], "b,NA,50,0,0,0,0,0,NA,0,0,2,NA,NA", "c,O,50,0,0,0,0,0,NaN,0,0,2,NaN,NaN"], "\n"),
            Ok(3)
        );
        let cases = [
            ("b,O,1.5e3x,0,0,0,0,0,,0,0,2,,", "column words: '1.5e3x'"),
            ("b,O,50,0,-1,0,0,0,,0,0,2,,", "column loaded_own: '-1'"),
            (
                "b,O,50,60,0,0,0,0,,0,0,2,,",
                "columns quoted_words and reported_words: 60 is more than the article's 50 words",
            ),
            ("b,O,50,0,0,0,abc,0,,0,0,2,,", "column loaded_x: 'abc'"),
            ("b,O,50,0,0,0,0,inf,,0,0,2,,", "column attr_y: 'inf'"),
            ("b,O,50,0,0,0,0,0,RU:x,0,0,2,,", "column attr_countries: 'x'"),
            ("b,O,50,0,0,0,0,0,,1.5,0,2,,", "column tone: '1.5' is not a number from 0 to 1"),
            ("b,O,50,0,0,0,0,0,,NaN,0,2,,", "column tone: 'NaN'"),
            ("b,O,50,0,0,0,0,0,,0,0,2,a,n/a", "column same_text_share: 'n/a'"),
            ("b,O,50,0,0,0,0,0,,0,0,2,a,1.7", "column same_text_share: '1.7' is not a number from 0 to 1"),
        ];
        for (row, want) in cases {
            for nl in ["\n", "\r\n"] {
                let e = load(&[good[0], good[1], row], nl).unwrap_err();
                assert!(e.contains(&format!("line 4, {want}")), "{nl:?} {row}: {e}");
            }
        }
        std::fs::write(dir.path().join("sentences.csv"), "article_id,sentence,prob\na,1,0.2\na,2,high\n").unwrap();
        assert!(load(&good, "\n").unwrap_err().contains("sentences.csv: line 3, column prob: 'high'"));
        std::fs::write(dir.path().join("sentences.csv"), "article_id,sentence\na,1\n").unwrap();
        assert!(load(&good, "\n").unwrap_err().contains("sentences.csv: no column 'prob'"));
    }
}
