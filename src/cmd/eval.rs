//! `slant eval loaded|attribution|tone|news`

use std::path::PathBuf;

use slant::eval::loaded::{score, score_encoder, score_with, LoadedScore};
use slant::eval::ptc::LOADED_TECHNIQUES;
use slant::lexicon::{Lexicon, LexiconMode, Matcher};
use slant::text::Lang;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: EvalCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum EvalCommand {
    /// Score loaded-language hits against PTC Loaded_Language and Name_Calling,Labeling spans.
    Loaded(LoadedArgs),
    /// Score attribution cues and sources against brat (PolNeAR) relations.
    Attribution(AttributionArgs),
    /// Score sentence tone against PTC sentences that hold any technique span.
    Tone(ToneArgs),
    /// Score source categories, countries, cue classes and loadedness on an annotated news set.
    News(NewsArgs),
    /// Score language detection (en, ru, uk) against the UNLP 2025 posts' `lang` field.
    Lang(LangArgs),
}

#[derive(Debug, clap::Args)]
#[command(after_help = "Example: slant eval lang --unlp ../shared/corpus/unlp2025/dev")]
pub struct LangArgs {
    /// A folder holding posts.jsonl (UNLP 2025: id, lang, text), or the file itself.
    #[arg(long, value_name = "DIR")]
    pub unlp: PathBuf,
    /// Print the scores as JSON.
    #[arg(long)]
    pub json: bool,
}

fn lang(a: LangArgs) -> anyhow::Result<u8> {
    let posts = slant::eval::unlp::read_posts(&a.unlp)?;
    let s = slant::eval::unlp::score_language(&posts);
    if a.json {
        out!("{}", serde_json::to_string_pretty(&s)?);
        return Ok(0);
    }
    out!("language detection on {} posts: accuracy {:.3}, undecided {}", s.posts, s.accuracy(), s.undecided);
    for (gold, got) in &s.confusion {
        let row: Vec<String> = got.iter().map(|(k, n)| format!("{k} {n}")).collect();
        out!("  gold {gold}: detected {}", row.join(", "));
    }
    Ok(0)
}

#[derive(Debug, clap::Args)]
#[command(after_help = "Example: slant eval tone --ptc ../shared/corpus/ptc/dev/articles \
../shared/corpus/ptc/dev/dev-task-TC.trimmed.labels")]
pub struct ToneArgs {
    /// PTC articles folder and TC (or SI) labels file.
    #[arg(long, num_args = 2, value_names = ["ARTICLES_DIR", "LABELS_FILE"], required_unless_present = "unlp")]
    pub ptc: Vec<PathBuf>,
    /// Instead of PTC: UNLP 2025 posts (a folder holding posts.jsonl), each post a unit,
    /// positive when manipulative (use with --model from `slant train tone --unlp`).
    #[arg(long, value_name = "DIR", conflicts_with = "ptc")]
    pub unlp: Option<PathBuf>,
    /// A tone model file instead of the embedded one.
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(serde::Serialize)]
struct ToneReport {
    data: String,
    labels: String,
    model: String,
    slant: slant::tone::train::ToneScore,
    length_only_baseline: slant::tone::train::ToneScore,
    /// With --unlp: the model's ROC AUC per language and overall, against both labels.
    #[serde(skip_serializing_if = "Option::is_none")]
    groups: Option<Vec<slant::eval::unlp::ToneGroup>>,
}

fn tone(a: ToneArgs) -> anyhow::Result<u8> {
    use slant::tone::{train as tt, ToneModel};
    let model = match &a.model {
        Some(p) => ToneModel::from_file(p)?,
        None => ToneModel::default_model(),
    };
    let matcher = Matcher::new(&Lexicon::default_lexicon(), Lang::english());
    let mut groups = None;
    let (units, ex, data, labels) = match &a.unlp {
        Some(dir) => {
            use slant::eval::unlp;
            let posts = unlp::read_posts(dir)?;
            let ex = if model.model.is_post_model() {
                unlp::tone_examples(&posts, &unlp::PostMatchers::embedded(), unlp::PostLabel::Manipulative)
            } else {
                // a sentence model (the embedded English one) reads each post as one sentence
                unlp::sentence_examples(&posts, &matcher)
            };
            let scorer = slant::tone::Scorer::new(&model.model);
            let probs: Vec<f32> = ex.iter().map(|e| scorer.prob(&e.bag)).collect();
            groups = Some(unlp::score_tone(&posts, &probs));
            (posts.len(), ex, dir.display().to_string(), String::new())
        }
        None => {
            let articles = super::load_ptc(&a.ptc, &[])?;
            let ex = tt::examples(&articles, &matcher);
            (articles.len(), ex, a.ptc[0].display().to_string(), a.ptc[1].display().to_string())
        }
    };
    let positives = ex.iter().filter(|e| e.label).count();
    anyhow::ensure!(
        positives > 0 && positives < ex.len(),
        "{} of the {} sentences hold a gold span: with one class only, F1 and ROC AUC are undefined",
        positives,
        ex.len()
    );
    let r = ToneReport {
        data,
        labels,
        model: format!("{} v{}", model.name, model.version),
        slant: tt::evaluate(&ex, &model.model, false),
        length_only_baseline: tt::evaluate(&ex, &model.baseline, true),
        groups,
    };
    if a.json {
        out!("{}", serde_json::to_string_pretty(&r)?);
        return Ok(0);
    }
    if a.unlp.is_some() {
        out!("tone vs gold: {} posts, {} manipulative", units, r.slant.positives);
    } else {
        out!(
            "tone vs gold: {} sentences of {} articles, {} with a technique span",
            r.slant.sentences,
            units,
            r.slant.positives
        );
    }
    out!("{:<24} {:>9} {:>9} {:>7} {:>7} {:>7}", "model", "threshold", "precision", "recall", "F1", "AUC");
    for (name, s) in [(r.model.as_str(), &r.slant), ("length-only baseline", &r.length_only_baseline)] {
        out!("{:<24} {:>9.3} {:>9.3} {:>7.3} {:>7.3} {:>7.3}", name, s.threshold, s.precision, s.recall, s.f1, s.auc);
    }
    if let Some(groups) = &r.groups {
        let fmt = |v: Option<f64>, ci: Option<[f64; 2]>| match (v, ci) {
            (Some(v), Some([lo, hi])) => format!("{v:.3} [{lo:.3}, {hi:.3}]"),
            (Some(v), None) => format!("{v:.3}"),
            _ => "-".into(),
        };
        out!("ROC AUC of the model's post score, per language (95%: bootstrap over posts, 1000 resamples, fixed seed)");
        out!("{:<6} {:>6} {:>13} {:>24} {:>7} {:>24}", "group", "posts", "manipulative", "AUC", "loaded", "AUC");
        for g in groups {
            out!(
                "{:<6} {:>6} {:>13} {:>24} {:>7} {:>24}",
                g.group,
                g.posts,
                g.manipulative_posts,
                fmt(g.auc_manipulative, g.auc_manipulative_ci95),
                g.loaded_posts,
                fmt(g.auc_loaded_language, g.auc_loaded_language_ci95)
            );
        }
    }
    Ok(0)
}

#[derive(Debug, clap::Args)]
#[command(after_help = "Example: slant eval attribution --brat ../shared/corpus/polnear/dev")]
pub struct AttributionArgs {
    /// A brat folder with text/ and attributions/ (PolNeAR layout).
    #[arg(long, value_name = "DIR")]
    pub brat: PathBuf,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(serde::Serialize)]
struct AttrReport {
    data: String,
    slant: slant::eval::attribution::AttrScore,
    /// The attributions the analysis makes rows of: without stances and wishes (`supported
    /// Cuomo`, `wants to`), which PolNeAR counts as attributions but cite no one.
    slant_rows: slant::eval::attribution::AttrScore,
    regex_baseline: slant::eval::attribution::AttrScore,
    seconds: f64,
}

fn attribution(a: AttributionArgs) -> anyhow::Result<u8> {
    use slant::eval::{attribution as ea, brat};
    let set = brat::load_dir(&a.brat)?;
    super::warn(&set.warnings);
    let docs = set.docs;
    let clock = std::time::Instant::now();
    // the attributions the analysis makes rows of (sources that could speak)
    let stage = slant::attribution::AttrStage {
        sources: slant::attribution::classify::SourceList::default_list(),
        cues: slant::attribution::cues::CueClasses::default_table(slant::text::Lang::english()),
    };
    let extract = |text: &str| {
        let analysis = slant::eval::loaded::analyze_plain(text);
        stage.speaking(text, &analysis).0
    };
    let main = ea::score(&docs, &extract);
    let seconds = clock.elapsed().as_secs_f64();
    let rows = ea::score(&docs, &|text: &str| extract(text).into_iter().filter(|a| !a.stance).collect());
    let base = ea::score(&docs, &ea::baseline_extract);
    let r =
        AttrReport { data: a.brat.display().to_string(), slant: main, slant_rows: rows, regex_baseline: base, seconds };
    if a.json {
        out!("{}", serde_json::to_string_pretty(&r)?);
        return Ok(0);
    }
    out!("attribution vs gold relations: {} documents ({:.2} s)", r.slant.documents, r.seconds);
    out!("(content, chars: non-space characters, not spans; the baseline finds no contents)");
    out!("(slant rows: without stances and wishes, as attributions.csv; PolNeAR counts those as attributions)");
    out!(
        "{:<16} {:<16} {:>7} {:>7} {:>9} {:>7} {:>7}",
        "extractor",
        "span, match",
        "pred",
        "gold",
        "precision",
        "recall",
        "F1"
    );
    // (the baseline finds no contents: its rows stop at the sources)
    for (name, s, rows) in
        [("slant", &r.slant, 6), ("slant rows", &r.slant_rows, 4), ("regex baseline", &r.regex_baseline, 4)]
    {
        for (what, p) in [
            ("cue, overlap", &s.cue_overlap),
            ("cue, exact", &s.cue_exact),
            ("source, overlap", &s.source_overlap),
            ("source, exact", &s.source_exact),
            ("content, overlap", &s.content_overlap),
            ("content, chars", &s.content_chars),
        ]
        .into_iter()
        .take(rows)
        {
            out!(
                "{:<16} {:<16} {:>7} {:>7} {:>9.3} {:>7.3} {:>7.3}",
                name,
                what,
                p.predicted,
                p.gold,
                p.precision,
                p.recall,
                p.f1
            );
        }
    }
    Ok(0)
}

#[derive(Debug, clap::Args)]
#[command(after_help = "Example: slant eval loaded --ptc ../shared/corpus/ptc/dev/articles \
../shared/corpus/ptc/dev/dev-task-TC.trimmed.labels\n\
         slant eval loaded --unlp ../shared/corpus/unlp2025/dev")]
#[command(group(clap::ArgGroup::new("gold").required(true).args(["ptc", "unlp"])))]
pub struct LoadedArgs {
    /// PTC articles folder and TC labels file.
    #[arg(long, num_args = 2, value_names = ["ARTICLES_DIR", "LABELS_FILE"])]
    pub ptc: Vec<PathBuf>,
    /// Instead of PTC: a folder of UNLP 2025 posts (posts.jsonl): lexicon hits of Russian and
    /// Ukrainian posts, each read with the lexicon of the language detected in it, against the
    /// annotators' spans (hit precision), and how much more often the posts labelled
    /// loaded_language hold a hit than the others; per language and overall.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["ptc", "encoder", "model", "articles_out"])]
    pub unlp: Option<PathBuf>,
    /// Extra or replacement lexicon files.
    #[arg(long)]
    pub lexicon: Vec<PathBuf>,
    #[arg(long, value_enum, default_value = "extend")]
    pub lexicon_mode: ModeArg,
    /// Which hits are scored: `all` (those `slant analyze` counts by default) or `flagged`
    /// (in sentences the tone model flags).
    #[arg(long, value_enum, default_value = "all", value_name = "RULE")]
    pub count_hits: super::analyze::CountArg,
    /// A tone model file instead of the embedded one (for `--count-hits flagged`).
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
    /// Add the encoder stage: the folder of its base model (see `scripts/fetch-encoder.sh`).
    #[arg(long, value_name = "DIR")]
    pub encoder: Option<PathBuf>,
    #[command(flatten)]
    pub encoder_opts: super::analyze::EncoderArgs,
    /// Also write each article's counts behind slant's row (words, gold spans, hits and their
    /// rates per 1,000 words) to this CSV file.
    #[arg(long, value_name = "FILE")]
    pub articles_out: Option<PathBuf>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
    #[arg(long, default_value = "english")]
    pub lang: String,
}

/// Writes one row per article of `s` (see `--articles-out`).
fn write_article_scores(path: &std::path::Path, s: &LoadedScore) -> Result<(), slant::SlantError> {
    let rate = |r: Option<f64>| r.map(|x| format!("{x:.3}")).unwrap_or_default();
    let header =
        ["article_id", "words", "gold_spans", "gold_per_1k", "hits", "hits_per_1k", "hits_in_gold", "gold_found"];
    let mut out = slant::output::StreamingCsv::create(path, &header)?;
    for a in &s.per_article {
        out.write([
            a.article_id.clone(),
            a.words.to_string(),
            a.gold_spans.to_string(),
            rate(a.gold_per_1k()),
            a.hits.to_string(),
            rate(a.hits_per_1k()),
            a.hits_in_gold.to_string(),
            a.gold_found.to_string(),
        ])?;
    }
    out.finish()
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum ModeArg {
    Extend,
    Replace,
}

impl From<ModeArg> for LexiconMode {
    fn from(m: ModeArg) -> Self {
        match m {
            ModeArg::Extend => LexiconMode::Extend,
            ModeArg::Replace => LexiconMode::Replace,
        }
    }
}

#[derive(serde::Serialize)]
struct Report {
    data: String,
    labels: String,
    lexicon: String,
    lexicon_entries: usize,
    count_hits: &'static str,
    /// The encoder stage's base model and settings, when it was on.
    #[serde(skip_serializing_if = "Option::is_none")]
    encoder: Option<String>,
    /// The hits `slant analyze` counts under `count_hits` (with the encoder's, when it is on).
    slant: LoadedScore,
    /// With the encoder on: the lexicon's counted hits alone, and the encoder's alone.
    #[serde(skip_serializing_if = "Option::is_none")]
    lexicon_only: Option<LoadedScore>,
    #[serde(skip_serializing_if = "Option::is_none")]
    encoder_only: Option<LoadedScore>,
    /// Every lexicon hit.
    slant_all_hits: LoadedScore,
    /// The mined-only lexicon, every hit.
    mined_only_baseline: LoadedScore,
    mined_entries: usize,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    match args.command {
        EvalCommand::Loaded(a) => loaded(a),
        EvalCommand::Attribution(a) => attribution(a),
        EvalCommand::Tone(a) => tone(a),
        EvalCommand::News(a) => news(a),
        EvalCommand::Lang(a) => lang(a),
    }
}

fn fmt_rho(r: Option<f64>) -> String {
    r.map(|x| format!("{x:.3}")).unwrap_or_else(|| "n/a".into())
}

/// A 95% interval as `[0.412, 0.503]`, or `n/a`.
fn fmt_ci(ci: Option<[f64; 2]>) -> String {
    ci.map(|[lo, hi]| format!("[{lo:.3}, {hi:.3}]")).unwrap_or_else(|| "n/a".into())
}

/// `slant eval loaded --unlp DIR`.
fn loaded_unlp(dir: &std::path::Path, a: &LoadedArgs) -> anyhow::Result<u8> {
    let posts = slant::eval::unlp::read_posts(dir)?;
    let mode = a.lexicon_mode.into();
    let users = a.lexicon.iter().map(|p| Lexicon::user_file(p)).collect::<Result<Vec<_>, _>>()?;
    let matchers = ["en", "ru", "uk"]
        .map(|code| -> anyhow::Result<Matcher> {
            let lex = Lexicon::build_with(Lexicon::embedded(code), &users, mode)?;
            Ok(Matcher::new(&lex, Lang::parse(code)?))
        })
        .into_iter()
        .collect::<anyhow::Result<Vec<_>>>()?;
    let groups = slant::eval::unlp::score_loaded(&posts, |lang| match lang {
        Some("ru") => &matchers[1],
        Some("uk") => &matchers[2],
        _ => &matchers[0],
    });
    if a.json {
        out!(
            "{}",
            serde_json::to_string_pretty(&serde_json::json!({ "data": dir.display().to_string(), "groups": groups }))?
        );
        return Ok(0);
    }
    out!("lexicon hits on {} posts, each read with the lexicon of its detected language", posts.len());
    out!(
        "{:<6} {:>6} {:>7} {:>6} {:>9} {:>16} {:>9} {:>9} {:>6} {:>16}",
        "group",
        "posts",
        "loaded",
        "hits",
        "precision",
        "precision 95%",
        "hit rate",
        "others",
        "ratio",
        "ratio 95%"
    );
    let f = |x: Option<f64>| x.map_or("-".to_string(), |v| format!("{v:.3}"));
    let ci = |x: Option<[f64; 2]>| x.map_or("-".to_string(), |[lo, hi]| format!("[{lo:.3}, {hi:.3}]"));
    for unquoted in [false, true] {
        out!("{}", if unquoted { "hits outside quotation marks (the post's own words):" } else { "all hits:" });
        for g in &groups {
            let h = if unquoted { &g.unquoted } else { &g.all };
            out!(
                "{:<6} {:>6} {:>7} {:>6} {:>9} {:>16} {:>9} {:>9} {:>6} {:>16}",
                g.group,
                g.posts,
                g.loaded_posts,
                h.hits,
                f(h.precision),
                ci(h.precision_ci95),
                f(h.hit_rate_loaded),
                f(h.hit_rate_other),
                f(h.ratio),
                ci(h.ratio_ci95)
            );
        }
    }
    out!("precision: share of hits inside a gold span (of any technique); hit rate: share of the posts labelled");
    out!("loaded_language holding a hit, others: of the other posts; ratio: the two rates' quotient.");
    Ok(0)
}

fn loaded(a: LoadedArgs) -> anyhow::Result<u8> {
    if let Some(dir) = &a.unlp {
        return loaded_unlp(dir, &a);
    }
    let lang = Lang::parse(&a.lang)?;
    let articles = super::load_ptc(&a.ptc, LOADED_TECHNIQUES)?;
    let lex = Lexicon::build(&a.lexicon, a.lexicon_mode.into())?;
    let mined = Lexicon::baseline_mined();
    let rule: slant::lexicon::CountRule = a.count_hits.into();
    let tone = match &a.model {
        Some(p) => slant::tone::ToneStage::from_file(p)?,
        None => slant::tone::ToneStage::default_stage(),
    };
    let encoder = match a.encoder {
        Some(dir) => Some(slant::encoder::EncoderStage::from_options(&a.encoder_opts.options(dir))?),
        None => None,
    };
    let matcher = Matcher::new(&lex, lang);
    let all = score(&articles, &matcher);
    let lexicon = match rule {
        slant::lexicon::CountRule::Flagged => score_with(&articles, &matcher, Some(&tone)),
        slant::lexicon::CountRule::All => all.clone(),
    };
    let tone_rule = (rule == slant::lexicon::CountRule::Flagged).then_some(&tone);
    let (main, lexicon_only, encoder_only) = match &encoder {
        Some(enc) => {
            let (both, alone) = score_encoder(&articles, &matcher, tone_rule, enc);
            (both, Some(lexicon), Some(alone))
        }
        None => (lexicon, None, None),
    };
    let base = score(&articles, &Matcher::new(&mined, lang));
    let report = Report {
        data: a.ptc[0].display().to_string(),
        labels: a.ptc[1].display().to_string(),
        lexicon: lex.name.clone(),
        lexicon_entries: lex.entries.len(),
        count_hits: rule.as_str(),
        encoder: encoder
            .as_ref()
            .map(|e| format!("{} from {}, threshold {}", e.settings.base, e.dir.display(), e.settings.threshold)),
        slant: main,
        lexicon_only,
        encoder_only,
        slant_all_hits: all,
        mined_only_baseline: base,
        mined_entries: mined.entries.len(),
    };
    if let Some(path) = &a.articles_out {
        write_article_scores(path, &report.slant)?;
    }
    if a.json {
        out!("{}", serde_json::to_string_pretty(&report)?);
        return Ok(0);
    }
    out!(
        "loaded language vs gold Loaded_Language + Name_Calling,Labeling: {} articles, {} gold spans",
        report.slant.articles,
        report.slant.gold_spans
    );
    out!(
        "{:<36} {:>8} {:>9} {:>7} {:>7} {:>16} {:>7} {:>16}",
        "lexicon, hits scored",
        "hits",
        "precision",
        "recall",
        "F1",
        "F1 95%",
        "rho",
        "rho 95%"
    );
    let mut rows = Vec::new();
    if let (Some(lex), Some(enc)) = (&report.lexicon_only, &report.encoder_only) {
        rows.push((format!("slant + encoder, {}", rule.as_str()), &report.slant));
        rows.push((format!("slant ({} entries), {}", report.lexicon_entries, rule.as_str()), lex));
        rows.push(("encoder alone".to_string(), enc));
    } else {
        rows.push((format!("slant ({} entries), {}", report.lexicon_entries, rule.as_str()), &report.slant));
    }
    if rule != slant::lexicon::CountRule::All {
        rows.push((format!("slant ({} entries), all", report.lexicon_entries), &report.slant_all_hits));
    }
    rows.push((format!("mined only ({} entries), all", report.mined_entries), &report.mined_only_baseline));
    for (name, s) in rows {
        out!(
            "{:<36} {:>8} {:>9.3} {:>7.3} {:>7.3} {:>16} {:>7} {:>16}",
            name,
            s.hits,
            s.precision,
            s.recall,
            s.f1,
            fmt_ci(s.f1_ci95),
            fmt_rho(s.rho),
            fmt_ci(s.rho_ci95)
        );
    }
    out!("95%: bootstrap intervals over articles ({} resamples, fixed seed)", slant::eval::BOOTSTRAP_ROUNDS);
    Ok(0)
}

#[derive(Debug, clap::Args)]
#[command(after_help = "Example: slant eval news ../shared/corpus/news-dev")]
pub struct NewsArgs {
    /// An annotated news set: texts/, manifest.csv, expected.tsv, loaded.tsv (news-dev's layout).
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// A source list added to the embedded ones (same format as data/sources/sources.tsv).
    #[arg(long, value_name = "FILE")]
    pub sources: Option<PathBuf>,
    /// Also write every gold attribution with slant's answer to it to this TSV file.
    #[arg(long, value_name = "FILE")]
    pub outcomes: Option<PathBuf>,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

fn news(a: NewsArgs) -> anyhow::Result<u8> {
    use slant::eval::news as en;
    use slant::ingest::{Item, ReadOptions, Reader};
    use slant::pipeline::{self, AnalyzeConfig, Stages};
    use std::collections::BTreeMap;
    let set = en::load(&a.dir)?;
    let inputs: Vec<String> = set.files.iter().map(|f| set.text_path(f).display().to_string()).collect();
    let mut cfg = AnalyzeConfig::new(inputs.clone(), PathBuf::new());
    cfg.sources = a.sources.clone();
    cfg.report_articles = 0;
    let stages = Stages::new(&cfg)?;
    let mut reader = Reader::new(&inputs, None, ReadOptions::default())?;
    let mut predicted: BTreeMap<String, en::Predicted> = BTreeMap::new();
    let mut problems = Vec::new();
    reader.run(|item| match item {
        Item::Doc(raw) => {
            let file = std::path::Path::new(&raw.path).file_name().map(|f| f.to_string_lossy().into_owned());
            match (file, pipeline::process(*raw, &stages)) {
                (Some(file), Ok(r)) => {
                    let l = &r.article.loaded;
                    let attrs = r
                        .attributions
                        .iter()
                        .map(|x| en::PredictedAttr {
                            source: x.source.clone(),
                            resolved_source: x.resolved_source.clone(),
                            category: x.category.to_string(),
                            country: x.country.clone(),
                            cue: x.cue.clone(),
                            cue_class: x.cue_class.to_string(),
                        })
                        .collect();
                    let rate = |n: usize, base: usize| (base > 0).then(|| n as f64 * 1000.0 / base as f64);
                    predicted.insert(
                        file,
                        en::Predicted {
                            attrs,
                            loaded_own_per_1k: rate(l.own, l.own_words),
                            loaded_unquoted_per_1k: rate(l.own + l.reported, l.own_words + l.reported_words),
                        },
                    );
                }
                (_, Err(e)) => problems.push(e.to_string()),
                (None, Ok(_)) => {}
            }
        }
        Item::Error(e) => problems.push(e.to_string()),
    });
    anyhow::ensure!(problems.is_empty(), "the news set's texts could not all be read: {}", problems.join("; "));
    let s = en::score(&set, &predicted);
    if let Some(path) = &a.outcomes {
        let header = [
            "file",
            "line",
            "source",
            "cue",
            "category",
            "country",
            "cue_class",
            "row",
            "slant_source",
            "slant_resolved",
            "slant_category",
            "slant_country",
            "slant_cue_class",
        ];
        let mut w = csv::WriterBuilder::new().delimiter(b'\t').from_path(path)?;
        w.write_record(header)?;
        for o in &s.outcomes {
            w.write_record([
                o.file.as_str(),
                &o.line.to_string(),
                &o.source,
                &o.cue,
                &o.category,
                &o.country,
                &o.cue_class,
                &o.row.map(|r| r.to_string()).unwrap_or_default(),
                &o.slant_source,
                &o.slant_resolved,
                &o.slant_category,
                &o.slant_country,
                &o.slant_cue_class,
            ])?;
        }
        w.flush()?;
    }
    if a.json {
        out!("{}", serde_json::to_string_pretty(&s)?);
        return Ok(0);
    }
    out!(
        "news set {}: {} articles, {} gold attributions, {} slant rows",
        a.dir.display(),
        s.articles,
        s.gold,
        s.predicted
    );
    let show = |name: &str, f: &en::Figure| {
        let v = f.value.map(|v| format!("{v:.3}")).unwrap_or_else(|| "n/a".into());
        let ci = f.ci95.map(|[l, h]| format!("[{l:.3}, {h:.3}]")).unwrap_or_else(|| "n/a".into());
        out!("{name:<38} {v:>6} {ci:<16} of {}", f.n);
        Ok::<(), std::io::Error>(())
    };
    show("found", &s.found)?;
    show("category (of found)", &s.category)?;
    show("category or alt_category", &s.category_alt)?;
    show("country set (of found)", &s.country)?;
    show("cue class (of found)", &s.cue_class)?;
    show("own-voice loaded/1k vs level (rho)", &s.loaded_own_rho)?;
    show("own+reported loaded/1k vs level (rho)", &s.loaded_unquoted_rho)?;
    out!("\ncategory confusion (rows: gold, columns: slant; found rows)");
    let cols: Vec<&str> = slant::attribution::Category::ALL.map(|c| c.as_str()).to_vec();
    let short = |c: &str| c.chars().take(6).collect::<String>();
    out_part!("{:<13}", "");
    for c in &cols {
        out_part!("{:>7}", short(c));
    }
    out!();
    for (g, row) in &s.confusion {
        out_part!("{g:<13}");
        for c in &cols {
            out_part!("{:>7}", row.get(*c).copied().unwrap_or(0));
        }
        out!();
    }
    Ok(0)
}
