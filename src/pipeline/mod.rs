//! The `analyze` pipeline: read → prepare (decode, flatten, find the body, infer
//! metadata) → text analysis → sinks.
//!
//! Reading runs on its own thread and hands bounded batches of documents to the
//! main thread, which analyses each batch in parallel with rayon and passes the
//! results, in input order, to the sinks. At most two batches are in flight, so
//! memory does not grow with the corpus beyond the `articles.csv` rows.

use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::mpsc;

use rayon::prelude::*;
use serde::Serialize;

use crate::attribution::classify::SourceList;
use crate::attribution::cues::CueClasses;
use crate::attribution::{AttrRow, AttrStage};
use crate::encoder::{EncoderOptions, EncoderStage};
use crate::error::{DocError, ErrorKind, SlantError};
use crate::ingest::boilerplate::{self, Layout, LineIn};
use crate::ingest::decode::{self, DecodeError};
use crate::ingest::html::{self, HtmlMeta};
use crate::ingest::infer;
use crate::ingest::{Content, Format, InputRecord, Item, RawDoc, ReadOptions, Reader};
use crate::lexicon::{CountRule, Lexicon, LexiconMode, Matcher, Voice};
use crate::output::{self, Article, CaptionRow, ValueSource};
use crate::output::{HitRow, LoadedCounts, SentenceRow, ENCODER_CATEGORY};
use crate::text::{self, Lang, Offsets};
use crate::tone::ToneStage;

mod config;
mod folder;
mod ids;
mod manifest;
mod prepare;
mod section;

pub(crate) use ids::safe_file_name;
use ids::{claim_unique_id, TakenIds};

pub use config::AnalyzeConfig;
pub use folder::{analyze_folder, Called, FolderRun};
pub use manifest::{Invocation, Manifest, Resource};
pub use prepare::{prepare, Prepared};
use section::{report_section, HitsView};

/// Everything one document produced.
#[derive(Debug, Clone)]
pub struct DocResult {
    /// The input path and, for a record of a CSV/TSV/JSONL file, its 1-based line.
    pub origin: (String, Option<u64>),
    pub article: Article,
    pub captions: Vec<CaptionRow>,
    /// Loaded-language hits, then capitals-emphasis rows, in text order.
    pub hits: Vec<HitRow>,
    pub attributions: Vec<AttrRow>,
    pub sentences: Vec<SentenceRow>,
    /// The body's shingles, to find text shared with other articles of the run.
    pub fingerprint: crate::copies::Fingerprint,
    /// The article's section of `report.html` (when the report shows article texts).
    pub report: Option<String>,
    pub warnings: Vec<DocError>,
    /// The text all offsets refer to (kept only when `--save-text` is on).
    pub text: Option<String>,
}

/// The stages every document goes through, built once per run.
pub struct Stages {
    pub keep_boilerplate: bool,
    /// Keep each document's text in its result (for `--save-text`).
    pub keep_text: bool,
    pub lexicon: Lexicon,
    pub matcher: Matcher,
    /// With `--lang auto`: the lexicons of the other languages an article may be detected in
    /// (Russian, Ukrainian), each with its matcher.
    pub others: Vec<LangLexicon>,
    pub attribution: AttrStage,
    /// Attribution rules and sources for articles in Russian or Ukrainian (with `--lang auto`,
    /// `ru` or `uk`).
    pub cyrillic: Option<crate::attribution::cyrillic::CyrillicSources>,
    pub tone: ToneStage,
    /// The tone model of the articles detected as Russian or Ukrainian (`--tone-model-ru-uk`);
    /// none: [`Stages::tone`] scores them too.
    pub tone_ru_uk: Option<ToneStage>,
    /// The encoder stage, when `--encoder` is given.
    pub encoder: Option<EncoderStage>,
    /// The loaded-language categories counted per article: the lexicon's, then
    /// [`ENCODER_CATEGORY`] with an encoder.
    pub categories: Vec<String>,
    pub count: CountRule,
    /// Whether to build each article's report section.
    pub report: bool,
}

/// The lexicon of one language besides the run's main one, for `--lang auto`.
pub struct LangLexicon {
    /// The language's code, as detected (`ru`, `uk`).
    pub code: &'static str,
    pub lexicon: Lexicon,
    pub matcher: Matcher,
    /// Index in [`Stages::categories`] of each of the matcher's categories.
    pub categories: Vec<usize>,
}

impl Stages {
    /// Builds the stages for a configuration (loads and compiles the lexicon).
    pub fn new(cfg: &AnalyzeConfig) -> Result<Stages, SlantError> {
        let lang = cfg.validate()?;
        // each --lexicon file read once, for every language's lexicon
        let lexicon_error = |e: crate::lexicon::LexiconError| SlantError::Lexicon(e.to_string());
        let users =
            cfg.lexicon.iter().map(|p| Lexicon::user_file(p)).collect::<Result<Vec<_>, _>>().map_err(lexicon_error)?;
        let build =
            |code: &str| Lexicon::build_with(Lexicon::embedded(code), &users, cfg.lexicon_mode).map_err(lexicon_error);
        // the other languages' lexicons and the source list are compiled beside the main
        // lexicon when the run may use more than one thread (the same stages either way)
        let others_of = || -> Result<Vec<(&'static str, Lexicon, Matcher)>, SlantError> {
            let mut others = Vec::new();
            if cfg.auto_language() {
                for code in ["ru", "uk"] {
                    let other_lexicon = build(code)?;
                    let other = Matcher::new(&other_lexicon, Lang::parse(code)?);
                    others.push((code, other_lexicon, other));
                }
            }
            Ok(others)
        };
        let sources_of = || match &cfg.sources {
            Some(p) => SourceList::with_file(p).map_err(|e| SlantError::Config(format!("--sources: {e}"))),
            None => Ok(SourceList::default_list()),
        };
        let main_of = || build(lang.code()).map(|l| (Matcher::new(&l, lang), l));
        let (main, others, sources) = if cfg.threads == 1 {
            (main_of(), others_of(), sources_of())
        } else {
            std::thread::scope(|scope| {
                let others = scope.spawn(others_of);
                let sources = scope.spawn(sources_of);
                let main = main_of();
                let others = others.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                let sources = sources.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (main, others, sources)
            })
        };
        // errors in the order the stages were built in one after the other
        let (matcher, lexicon) = main?;
        let mut other_stages = Vec::new();
        for (code, other_lexicon, other) in others? {
            let categories = other
                .categories
                .iter()
                .map(|c| {
                    matcher.categories.iter().position(|x| x == c).ok_or_else(|| {
                        SlantError::Lexicon(format!(
                            "the {code} lexicon has a category, '{c}', the English one lacks: with --lang auto \
                             every language's lexicon must use the same categories"
                        ))
                    })
                })
                .collect::<Result<Vec<_>, _>>()?;
            other_stages.push(LangLexicon { code, lexicon: other_lexicon, matcher: other, categories });
        }
        let others = other_stages;
        let sources = sources?;
        let attribution = AttrStage { sources, cues: CueClasses::default_table(lang) };
        let tone = match &cfg.model {
            Some(p) => ToneStage::from_file(p).map_err(|e| SlantError::Config(format!("--model: {e}")))?,
            None => ToneStage::default_stage(),
        };
        let tone_ru_uk = match &cfg.tone_model_ru_uk {
            Some(p) => {
                Some(ToneStage::from_file(p).map_err(|e| SlantError::Config(format!("--tone-model-ru-uk: {e}")))?)
            }
            None => None,
        };
        let encoder = match &cfg.encoder {
            Some(opts) => {
                Some(EncoderStage::from_options(opts).map_err(|e| SlantError::Config(format!("--encoder: {e}")))?)
            }
            None => None,
        };
        let mut categories = matcher.categories.clone();
        if encoder.is_some() {
            categories.push(ENCODER_CATEGORY.to_string());
        }
        Ok(Stages {
            keep_boilerplate: cfg.keep_boilerplate,
            keep_text: cfg.save_text.is_some(),
            lexicon,
            matcher,
            others,
            attribution,
            cyrillic: cfg.cyrillic_rules().then(crate::attribution::cyrillic::CyrillicSources::embedded),
            tone,
            tone_ru_uk,
            encoder,
            categories,
            count: cfg.count,
            report: cfg.report_articles > 0,
        })
    }
}

const CONTEXT_CHARS: usize = 60;

/// About `CONTEXT_CHARS` characters each side of a byte range, on one line.
fn context(text: &str, start: usize, end: usize) -> String {
    let before: String =
        text[..start].chars().rev().take(CONTEXT_CHARS).collect::<Vec<_>>().into_iter().rev().collect();
    let after: String = text[end..].chars().take(CONTEXT_CHARS).collect();
    let joined = format!("{before}[{}]{after}", &text[start..end]);
    joined.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs every per-document stage on one raw document.
pub fn process(raw: RawDoc, stages: &Stages) -> Result<DocResult, DocError> {
    process_with(raw, stages, stages.report)
}

/// [`process`], building the article's report section only when `report` is set (a run stops
/// building them once `--report-articles` sections are in hand).
pub fn process_with(raw: RawDoc, stages: &Stages, report: bool) -> Result<DocResult, DocError> {
    let origin = (raw.path.clone(), raw.line);
    let Prepared { text, layout, mut article, warnings } = prepare(raw, stages.keep_boilerplate)?;
    // the headline and the body: what the analysis reads
    let read = layout.read(&text);
    let analysis = text::analyze(&text, &read);
    article.words = analysis.words();
    article.sentences = analysis.sentences.len();
    let body: Vec<&str> = read.iter().filter_map(|r| text.get(r.clone())).collect();
    article.language = crate::text::detect::detect_parts(&body);
    article.quoted_words = analysis.quoted_words();
    let offsets = Offsets::new(&text);
    let captions = layout
        .captions
        .iter()
        .enumerate()
        .map(|(i, c)| CaptionRow {
            article_id: article.id.clone(),
            n: i + 1,
            start: offsets.char_index(c.span.start),
            end: offsets.char_index(c.span.end),
            credit: c.credit.as_ref().map(|r| text[r.clone()].to_string()).unwrap_or_default(),
            text: text[c.span.clone()].to_string(),
        })
        .collect();

    // the lexicon of the article's language (with --lang auto), its categories mapped to the run's
    let other = stages.others.iter().find(|o| Some(o.code) == article.language);
    let m = other.map_or(&stages.matcher, |o| &o.matcher);
    let category_of = |k: usize| other.map_or(k, |o| o.categories[k]);
    let (mut hits, mut caps) = m.find(&text, &analysis);
    // Attribution before the counts: a hit outside quotation marks inside an attribution's
    // content is reported speech, not the outlet's own voice.
    let attr = match (&stages.cyrillic, article.language) {
        (Some(sources), Some("ru" | "uk")) => crate::attribution::cyrillic::run(sources, &article.id, &text, &analysis),
        _ => stages.attribution.run(&article.id, &text, &analysis),
    };
    let reported = |at: usize, v: Voice| if v == Voice::Own { Voice::outside_quotes(at, &attr.contents) } else { v };
    for h in hits.iter_mut() {
        h.voice = reported(h.start, h.voice);
    }
    for c in caps.iter_mut() {
        c.voice = reported(c.start, c.voice);
    }
    // Tone first: whether a hit is counted depends on its sentence being flagged.
    let tone_stage = match (&stages.tone_ru_uk, article.language) {
        (Some(t), Some("ru" | "uk")) => t,
        _ => &stages.tone,
    };
    let input = tone_stage.input(&text, &analysis, m, &hits, &caps);
    let tone = tone_stage.score(&input, &analysis.sentences);
    let flagged = |sentence: u32| tone.sentences.get(sentence as usize).is_some_and(|s| s.flagged);
    let counted = counted_hits(&hits, &tone, stages.count);
    let mut loaded = LoadedCounts { per_category: vec![0; stages.categories.len()], ..Default::default() };
    let offsets = Offsets::new(&text);
    let mut rows: Vec<HitRow> = Vec::with_capacity(hits.len() + caps.len());
    // a counted row of a byte range; the callers fill in what the hit says
    let row_at = |start: usize, end: usize, sentence: u32, voice: Voice| HitRow {
        article_id: article.id.clone(),
        start: offsets.char_index(start),
        end: offsets.char_index(end),
        text: text[start..end].to_string(),
        term: String::new(),
        category: String::new(),
        weight: 0.0,
        voice,
        negated: false,
        sentence: sentence as usize + 1,
        context: context(&text, start, end),
        speaker: String::new(),
        counted: true,
        byte_start: start,
    };
    for (h, &counted) in hits.iter().zip(&counted) {
        let e = &m.entries[h.entry];
        loaded.add(h.voice, category_of(m.entry_category[h.entry]), counted, flagged(h.sentence));
        rows.push(HitRow {
            term: e.term.clone(),
            category: e.category.clone(),
            weight: e.weight,
            negated: h.negated,
            counted,
            ..row_at(h.start, h.end, h.sentence, h.voice)
        });
    }
    let encoded = match &stages.encoder {
        Some(enc) => {
            let taken: Vec<std::ops::Range<usize>> =
                hits.iter().zip(&counted).filter(|(_, &c)| c).map(|(h, _)| h.start..h.end).collect();
            crate::encoder::beyond(enc.hits(&text, &analysis), &taken)
        }
        None => Vec::new(),
    };
    for h in &encoded {
        let voice = reported(h.start, h.voice);
        loaded.add(voice, stages.matcher.categories.len(), true, flagged(h.sentence));
        rows.push(HitRow {
            term: text::normalize(&text[h.start..h.end]),
            category: ENCODER_CATEGORY.to_string(),
            weight: (h.prob * 1000.0).round() / 1000.0,
            negated: h.negated,
            ..row_at(h.start, h.end, h.sentence, voice)
        });
    }
    for c in &caps {
        loaded.caps += 1;
        rows.push(HitRow {
            term: text::normalize(&text[c.start..c.end]),
            category: crate::output::CAPS_CATEGORY.to_string(),
            ..row_at(c.start, c.end, c.sentence, c.voice)
        });
    }
    rows.sort_by(|a, b| a.start.cmp(&b.start).then(a.end.cmp(&b.end)).then(a.category.cmp(&b.category)));
    loaded.reported_words = analysis
        .tokens
        .iter()
        .filter(|t| !t.quoted && Voice::outside_quotes(t.start, &attr.contents) == Voice::Reported)
        .count();
    loaded.own_words = article.words - article.quoted_words - loaded.reported_words;
    article.loaded = loaded;

    // A hit's speaker: the resolved source of the attribution whose content holds it, in a
    // quotation, or in reported speech (`the opposition says the election was a sham`) when
    // the source is a recognised one (reported speech is found less surely than quotations).
    // The innermost content holding the hit decides (`The opposition says X, Reuters reported`:
    // X is the opposition's, not Reuters').
    let ranges: Vec<std::ops::Range<usize>> = attr.speakers.iter().map(|s| s.0.clone()).collect();
    let holders = innermost_holders(&ranges, rows.iter().map(|r| r.byte_start));
    for (row, holder) in rows.iter_mut().zip(holders) {
        let quoted = row.voice == Voice::Quoted;
        let holder = holder.map(|k| &attr.speakers[k]);
        if let Some((_, who, _)) = holder.filter(|(_, _, known)| quoted || *known) {
            row.speaker = who.clone();
        }
    }
    article.attr = attr.counts.clone();

    article.tone = tone.tone;
    article.tone_max = tone.tone_max;
    article.flagged_sentences = tone.flagged;
    article.flagged_share = tone.flagged_share;
    let offsets = Offsets::new(&text);
    let sentences = tone
        .sentences
        .iter()
        .enumerate()
        .map(|(i, s)| SentenceRow {
            article_id: article.id.clone(),
            sentence: i + 1,
            start: offsets.char_index(s.range.start),
            end: offsets.char_index(s.range.end),
            words: s.words,
            quoted_share: s.quoted_share,
            prob: s.prob,
            flagged: s.flagged,
        })
        .collect();
    article.credits = layout.captions.iter().filter(|c| c.credit.is_some()).count();
    let report = report.then(|| {
        let view = HitsView { hits: &hits, counted: &counted, caps: &caps, encoded: &encoded };
        report_section(&text, &read, &analysis, &article, view, &attr, m)
    });
    let fingerprint = crate::copies::Fingerprint::new(&text, &analysis);
    Ok(DocResult {
        origin,
        article,
        captions,
        hits: rows,
        report,
        attributions: attr.rows,
        sentences,
        fingerprint,
        warnings,
        text: stages.keep_text.then_some(text),
    })
}

/// For each of `points` (in increasing order), the shortest of `ranges` holding it (the first
/// such range on a tie), in one sweep: ranges enter as the points pass their start and leave
/// once a point passes their end, so the time grows with points plus ranges, not their product.
pub fn innermost_holders(ranges: &[std::ops::Range<usize>], points: impl Iterator<Item = usize>) -> Vec<Option<usize>> {
    use std::cmp::Reverse;
    let mut by_start: Vec<usize> = (0..ranges.len()).collect();
    by_start.sort_by_key(|&k| (ranges[k].start, k));
    let mut next = 0;
    let mut open: std::collections::BTreeSet<(usize, usize)> = Default::default();
    let mut ends: std::collections::BinaryHeap<Reverse<(usize, usize)>> = Default::default();
    points
        .map(|at| {
            while next < by_start.len() && ranges[by_start[next]].start <= at {
                let k = by_start[next];
                open.insert((ranges[k].len(), k));
                ends.push(Reverse((ranges[k].end, k)));
                next += 1;
            }
            while let Some(&Reverse((end, k))) = ends.peek() {
                if end > at {
                    break;
                }
                ends.pop();
                open.remove(&(ranges[k].len(), k));
            }
            open.first().map(|&(_, k)| k)
        })
        .collect()
}

/// Which lexicon hits of `hits` are counted under `rule`, given the article's sentence tones.
pub fn counted_hits(hits: &[crate::lexicon::Hit], tone: &crate::tone::ArticleTone, rule: CountRule) -> Vec<bool> {
    hits.iter().map(|h| rule.counts(tone.sentences.get(h.sentence as usize).is_some_and(|s| s.flagged))).collect()
}

/// Counts and records of a finished run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    pub articles: usize,
    /// Articles with no outlet (none given, none inferred).
    pub articles_without_outlet: usize,
    /// Articles by detected language (`en`, `ru`, `uk`, `undecided`).
    pub articles_by_language: std::collections::BTreeMap<String, usize>,
    pub words: usize,
    /// Documents or records that failed (errors.csv rows that are not warnings).
    pub errors: usize,
    pub warnings: usize,
    pub bytes_read: u64,
    #[serde(skip)]
    pub inputs: Vec<InputRecord>,
    /// Output files written, relative to the output folder.
    pub outputs: Vec<String>,
}

impl Summary {
    /// A warning for the screen when most articles (of two or more) have no outlet: outlet
    /// charts would show one `(no outlet)` group.
    pub fn outlet_warning(&self) -> Option<String> {
        (self.articles >= 2 && self.articles_without_outlet * 2 > self.articles).then(|| {
            format!(
                "{} of {} articles have no outlet (none given, none found in the page): name the column \
                 with --outlet-col NAME or --preset mediacloud|gdelt, or give a --meta sidecar",
                self.articles_without_outlet, self.articles
            )
        })
    }

    /// A warning for the screen when articles are in Russian or Ukrainian: it says where their
    /// figures come from. The loaded-language counts come from the language's own lexicon when
    /// `lexicon` says where (`--lang auto`, `ru`, `uk`, or a user's lexicon), and are English
    /// otherwise; attribution from slant's Russian and Ukrainian rules when `cyrillic_rules`;
    /// tone from a model of those languages when `tone_ru_uk` (`--tone-model-ru-uk`).
    pub fn language_warning(&self, lexicon: Option<&str>, cyrillic_rules: bool, tone_ru_uk: bool) -> Option<String> {
        let n: usize = ["ru", "uk"].iter().filter_map(|l| self.articles_by_language.get(*l)).sum();
        let tone = if tone_ru_uk {
            "their tone from your --tone-model-ru-uk"
        } else {
            "slant's tone model is English, so their tone figures say nothing (see --tone-model-ru-uk)"
        };
        let what = match lexicon {
            Some(from) if !cyrillic_rules => format!(
                "slant's attribution cues and source list are English, so those articles' attribution figures are \
                 near zero and say nothing; their loaded-language counts come from {from}; {tone}"
            ),
            Some(from) => format!(
                "their loaded-language counts come from {from}, their attributions from slant's first rules for \
                 Russian and Ukrainian (see the README's accuracy table); {tone}"
            ),
            None => format!(
                "slant's embedded lexicon, cues and sources are English, so those articles' loaded-language and \
                 attribution figures are near zero and say nothing; run with --lang auto (the default) or --lang \
                 ru|uk for slant's Russian and Ukrainian lexicons; {tone}"
            ),
        };
        (n > 0).then(|| {
            format!(
                "{n} of {} articles are in Russian or Ukrainian (articles.csv's language column): {what}",
                self.articles
            )
        })
    }

    /// The process exit code: 0 all well, 2 some inputs failed, 1 nothing analysed.
    pub fn exit_code(&self) -> i32 {
        if self.articles == 0 {
            1
        } else if self.errors > 0 {
            2
        } else {
            0
        }
    }
}

/// Something the pipeline reports while it runs.
#[derive(Debug, Clone, Copy)]
pub enum Progress {
    /// Total bytes of file inputs, known after inputs are resolved.
    Total(u64),
    /// Bytes of input handled so far, and articles done.
    Done { bytes: u64, articles: usize },
}

fn raw_size(item: &Item) -> u64 {
    match item {
        Item::Doc(d) => match &d.content {
            Content::Bytes(b) => b.len() as u64,
            Content::Text(t) => t.len() as u64,
        },
        Item::Error(_) => 0,
    }
}

/// The streaming mode: reads the inputs and writes one JSON object per article or failed
/// record to `out`, in input order ([`crate::sink::JsonLinesSink`]); no output folder.
pub fn stream<W: std::io::Write + Send>(
    cfg: &AnalyzeConfig,
    out: W,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<(Summary, W), SlantError> {
    let stages = Stages::new(cfg)?;
    let opts = ReadOptions {
        text_col: cfg.text_col.clone(),
        fields: cfg.fields.clone(),
        max_bytes: cfg.max_bytes,
        skip_dir: None,
    };
    let reader = Reader::new(&cfg.inputs, cfg.meta.as_deref(), opts)?;
    progress(Progress::Total(reader.total_bytes));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(cfg.threads)
        .build()
        .map_err(|e| SlantError::Config(format!("cannot start worker threads: {e}")))?;
    let mut sink = crate::sink::JsonLinesSink::new(out, &stages.categories, cfg.fingerprints);
    let summary = drive(reader, &pool, &stages, cfg.batch, &mut sink, progress)?;
    Ok((summary, sink.finish()?))
}

/// Reads the inputs on a thread of their own, analyses them in bounded batches on `pool` and
/// hands the results to `sink` in input order, on a writer thread of their own (so the workers
/// go on with the next batch while one is written); returns the run's counts and input records.
fn drive(
    mut reader: Reader,
    pool: &rayon::ThreadPool,
    stages: &Stages,
    batch_size: usize,
    sink: &mut (dyn crate::sink::Sink + Send),
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<Summary, SlantError> {
    let mut summary = Summary::default();
    let count = |e: &DocError, summary: &mut Summary| {
        if e.kind.is_warning() {
            summary.warnings += 1;
        } else {
            summary.errors += 1;
        }
    };
    // report sections are built while the sink still wants some, batch by batch (counted
    // here, not by the sink, so the same ones whatever the thread count and the writer's pace)
    let sections_wanted = sink.report_sections();
    let mut sections = 0usize;
    let (tx, rx) = mpsc::sync_channel::<Vec<Item>>(1);
    // a rendezvous: one batch written while the next is analysed, no third one waiting
    let (done_tx, done_rx) = mpsc::sync_channel::<Vec<Result<DocResult, DocError>>>(0);
    let records = std::thread::scope(|scope| -> Result<Vec<InputRecord>, SlantError> {
        let handle = scope.spawn(move || {
            let mut batch = Vec::with_capacity(batch_size);
            let mut bytes = 0u64;
            let mut ids = TakenIds::default();
            reader.run(|mut item| {
                if let Item::Doc(raw) = &mut item {
                    if let Some(warning) = claim_unique_id(&mut ids, raw) {
                        batch.push(Item::Error(warning));
                    }
                }
                bytes += raw_size(&item);
                batch.push(item);
                if batch.len() >= batch_size || bytes >= 32 * 1024 * 1024 {
                    bytes = 0;
                    // A closed channel means the consumer failed; keep reading to finish hashes.
                    let _ = tx.send(std::mem::replace(&mut batch, Vec::with_capacity(batch_size)));
                }
            });
            if !batch.is_empty() {
                let _ = tx.send(batch);
            }
            drop(tx);
            reader.records
        });
        let writer = scope.spawn(move || -> Result<(), SlantError> {
            for results in done_rx {
                for r in results {
                    match r {
                        Ok(doc) => sink.doc(doc)?,
                        Err(e) => sink.error(e)?,
                    }
                }
            }
            Ok(())
        });
        for batch in rx {
            let bytes: u64 = batch.iter().map(raw_size).sum();
            let report = stages.report && sections < sections_wanted;
            let results: Vec<Result<DocResult, DocError>> = pool.install(|| {
                batch
                    .into_par_iter()
                    .map(|item| match item {
                        Item::Doc(raw) => process_with(*raw, stages, report),
                        Item::Error(e) => Err(e),
                    })
                    .collect()
            });
            for r in &results {
                match r {
                    Ok(doc) => {
                        for w in &doc.warnings {
                            count(w, &mut summary);
                        }
                        summary.words += doc.article.words;
                        summary.articles += 1;
                        summary.articles_without_outlet += doc.article.outlet.is_empty() as usize;
                        let lang = doc.article.language.unwrap_or("undecided").to_string();
                        *summary.articles_by_language.entry(lang).or_default() += 1;
                        sections += doc.report.is_some() as usize;
                    }
                    Err(e) => count(e, &mut summary),
                }
            }
            // a closed channel means the writer failed: its error is returned below
            if done_tx.send(results).is_err() {
                break;
            }
            summary.bytes_read += bytes;
            progress(Progress::Done { bytes: summary.bytes_read, articles: summary.articles });
        }
        drop(done_tx);
        // a panic of the writer is raised here again, with its message
        writer.join().unwrap_or_else(|p| std::panic::resume_unwind(p))?;
        handle.join().map_err(|_| SlantError::Config("the input reader thread failed".into()))
    })?;
    summary.inputs = records;
    Ok(summary)
}

#[cfg(test)]
mod tests;
