//! `slant analyze INPUT... --out DIR`

use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use slant::output::now_rfc3339;
use slant::pipeline::{self, AnalyzeConfig, Progress};

/// Arguments of `slant analyze`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Outputs in DIR: articles.csv (one row per article), hits.csv (every loaded-language \
hit with offsets), categories_long.csv (article, category, count, rate), attributions.csv (who said what, \
classified), sentences.csv (tone of every sentence), captions.csv (photo captions \
kept out of the body), shared_text.csv (articles whose text is largely another's), charts/ (PNG and SVG), report.html (self-contained), errors.csv (only when something failed or was repaired), run.json (manifest).\n\
Exit code: 0 all inputs analysed, 2 some inputs failed (see errors.csv), 1 nothing could be analysed.")]
pub struct Args {
    /// Files, folders (read recursively) or `-` for JSON Lines on standard input.
    #[arg(required = true, value_name = "INPUT")]
    pub inputs: Vec<String>,
    /// Output folder (created if missing).
    #[arg(long, short, value_name = "DIR", required_unless_present = "stream")]
    pub out: Option<PathBuf>,
    /// Stream: write one JSON object per article (its row, hits, attributions, sentences,
    /// captions and warnings) or per failed record (`{"error": ...}`) to standard output, in
    /// input order, instead of an output folder (for Unix pipes and Spark's RDD.pipe).
    #[arg(long, conflicts_with_all = ["out", "save_text", "format"])]
    pub stream: bool,
    /// Table formats, comma-separated: csv (always; `slant chart` reads it) and parquet (each
    /// table also as a typed Parquet file: integers, numbers, booleans, dates, lists).
    #[arg(long, default_value = "csv", value_name = "LIST", value_parser = parse_formats)]
    pub format: TableFormats,
    /// Also write fingerprints.csv (with --stream: a `fingerprints` list in each object),
    /// every article's kept word shingles, so that `slant merge` can find text shared between
    /// articles of different output folders.
    #[arg(long)]
    pub fingerprints: bool,
    /// Neutralise CSV cells a spreadsheet would run as formulas (text starting with = + - @):
    /// they get a leading apostrophe; numbers and the Parquet files stay as they are. Default:
    /// every cell verbatim.
    #[arg(long)]
    pub spreadsheet_safe: bool,
    /// Metadata sidecar CSV for plain files: a `file` column plus id, outlet, date, title, url and any other columns.
    #[arg(long, value_name = "FILE.csv")]
    pub meta: Option<PathBuf>,
    /// Name of the text column (CSV/TSV) or field (JSONL); default: text, body, content or article.
    #[arg(long, value_name = "NAME")]
    pub text_col: Option<String>,
    /// Columns (CSV/TSV) or fields (JSONL) that give the id, outlet, date, title and url
    /// under other names; with --preset, these flags win.
    #[command(flatten)]
    pub columns: ColumnArgs,
    /// Language: `auto` (each article's lexicon and stemmer by the language detected in it:
    /// English, Russian or Ukrainian), or one for every article: `en`, `ru`, `uk` (slant's
    /// lexicons of those), or another Snowball stemmer's (with the English lexicon).
    #[arg(long, default_value = "auto")]
    pub lang: String,
    /// Treat every non-blank line as article text (no boilerplate or caption removal).
    #[arg(long)]
    pub keep_boilerplate: bool,
    /// Write the text each article's offsets refer to into DIR/<id>.txt (useful for HTML input).
    #[arg(long, value_name = "DIR")]
    pub save_text: Option<PathBuf>,
    /// A lexicon file to add (repeatable): slant TSV, LIWC .dic, VADER TSV or a word list.
    #[arg(long, value_name = "FILE")]
    pub lexicon: Vec<PathBuf>,
    /// `extend` adds user lexicons to the default as LIWC does (a term you list counts in your
    /// category and keeps its embedded ones; your entry replaces an embedded one only for the
    /// same term and category); `replace` uses only yours.
    #[arg(long, value_enum, default_value = "extend")]
    pub lexicon_mode: super::eval::ModeArg,
    /// A source list that extends the embedded one (same TSV format as data/sources/sources.tsv; its
    /// rows are added to the embedded rows).
    #[arg(long, value_name = "FILE")]
    pub sources: Option<PathBuf>,
    /// A tone model file to use instead of the embedded one (made by `slant train tone`).
    #[arg(long, value_name = "FILE")]
    pub model: Option<PathBuf>,
    /// A tone model for the articles detected as Russian or Ukrainian, made by `slant train
    /// tone --unlp` (slant embeds none: the corpus it learns from may not be redistributed).
    #[arg(long, value_name = "FILE")]
    pub tone_model_ru_uk: Option<PathBuf>,
    /// Add the encoder stage (a fine-tuned transformer that marks loaded words beyond the
    /// lexicon; about a hundred times slower): the folder of its base model, fetched once with
    /// `scripts/fetch-encoder.sh`. Its hits have category `encoder`.
    #[arg(long, value_name = "DIR")]
    pub encoder: Option<PathBuf>,
    #[command(flatten)]
    pub encoder_opts: EncoderArgs,
    /// Which lexicon hits the loaded counts include: `all` (a dictionary count) or `flagged`
    /// (hits in sentences the tone model flags). hits.csv lists every hit with its `counted`
    /// flag either way, and `loaded_flagged` holds the tone-filtered count under both.
    #[arg(long, value_enum, default_value = "all", value_name = "RULE")]
    pub count_hits: CountArg,
    /// Articles shown with their text in report.html (0: none; charts and summary are always made).
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub report_articles: usize,
    /// Unit of the charts, groups.csv, compare.csv and report: outlet, article, or any column of articles.csv.
    #[arg(long, default_value = "outlet", value_name = "UNIT")]
    pub group_by: String,
    /// Groups shown in charts and report, and compared in compare.csv; the rest are merged into `others` (groups.csv lists all).
    #[arg(long, default_value_t = 12, value_name = "N")]
    pub top: usize,
    /// Refuse documents larger than this many bytes.
    #[arg(long, default_value_t = 16 * 1024 * 1024, value_name = "BYTES")]
    pub max_bytes: u64,
    /// Worker threads (default: one per core). Outputs are identical for any value.
    #[arg(long, short = 'j', default_value_t = 0)]
    pub threads: usize,
    /// No progress bar and no summary.
    #[arg(long, short)]
    pub quiet: bool,
}

/// Flags naming the columns of the known fields.
#[derive(Debug, Clone, clap::Args)]
pub struct ColumnArgs {
    /// Column of the article id.
    #[arg(long, value_name = "NAME")]
    pub id_col: Option<String>,
    /// Column of the outlet's name.
    #[arg(long, value_name = "NAME")]
    pub outlet_col: Option<String>,
    /// Column of the publication date.
    #[arg(long, value_name = "NAME")]
    pub date_col: Option<String>,
    /// Column of the title.
    #[arg(long, value_name = "NAME")]
    pub title_col: Option<String>,
    /// Column of the URL.
    #[arg(long, value_name = "NAME")]
    pub url_col: Option<String>,
    /// The column names of an export: `mediacloud` (stories_id, media_name, publish_date,
    /// title, url) or `gdelt` (domain, seendate, title, url).
    #[arg(long, value_enum, value_name = "NAME")]
    pub preset: Option<PresetArg>,
}

/// `--format`: the table formats (CSV is always written).
#[derive(Debug, Clone, Copy)]
pub struct TableFormats {
    pub parquet: bool,
}

pub fn parse_formats(s: &str) -> Result<TableFormats, String> {
    let mut parquet = false;
    let mut csv = false;
    for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        match part {
            "csv" => csv = true,
            "parquet" => parquet = true,
            other => return Err(format!("unknown table format '{other}' (csv or parquet)")),
        }
    }
    if !csv {
        return Err("csv is always written (slant chart reads it): use csv or csv,parquet".into());
    }
    Ok(TableFormats { parquet })
}

/// `--preset` values.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum PresetArg {
    Mediacloud,
    Gdelt,
}

impl ColumnArgs {
    /// The field map: the preset's columns, then the flags over them.
    pub fn fields(&self) -> slant::ingest::meta::FieldMap {
        let preset = match self.preset {
            Some(PresetArg::Mediacloud) => slant::ingest::meta::FieldMap::preset("mediacloud"),
            Some(PresetArg::Gdelt) => slant::ingest::meta::FieldMap::preset("gdelt"),
            None => None,
        };
        preset.unwrap_or_default().over(slant::ingest::meta::FieldMap {
            id: self.id_col.clone(),
            outlet: self.outlet_col.clone(),
            date: self.date_col.clone(),
            title: self.title_col.clone(),
            url: self.url_col.clone(),
        })
    }
}

/// `--count-hits` values.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
pub enum CountArg {
    Flagged,
    All,
}

impl From<CountArg> for slant::lexicon::CountRule {
    fn from(c: CountArg) -> Self {
        match c {
            CountArg::Flagged => slant::lexicon::CountRule::Flagged,
            CountArg::All => slant::lexicon::CountRule::All,
        }
    }
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let started = now_rfc3339();
    let clock = Instant::now();
    let mut cfg = AnalyzeConfig::new(args.inputs, args.out.clone().unwrap_or_default());
    cfg.meta = args.meta;
    cfg.text_col = args.text_col;
    cfg.fields = args.columns.fields();
    cfg.lang = args.lang;
    cfg.keep_boilerplate = args.keep_boilerplate;
    cfg.save_text = args.save_text;
    cfg.max_bytes = args.max_bytes;
    cfg.lexicon = args.lexicon;
    cfg.lexicon_mode = args.lexicon_mode.into();
    cfg.sources = args.sources;
    cfg.model = args.model;
    cfg.tone_model_ru_uk = args.tone_model_ru_uk;
    cfg.encoder = args.encoder.map(|dir| args.encoder_opts.options(dir));
    cfg.count = args.count_hits.into();
    cfg.report_articles = args.report_articles;
    cfg.threads = args.threads;
    cfg.parquet = args.format.parquet;
    cfg.fingerprints = args.fingerprints;
    cfg.spreadsheet_safe = args.spreadsheet_safe;
    cfg.validate()?;
    for w in cfg.warnings() {
        eprintln!("slant analyze: warning: {w}");
    }

    let bar = if !args.quiet && std::io::stderr().is_terminal() {
        let b = ProgressBar::new(0);
        b.set_style(
            ProgressStyle::with_template("{spinner} [{elapsed_precise}] {wide_bar} {bytes}/{total_bytes} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Some(b)
    } else {
        None
    };
    let on_progress = |p: Progress| {
        if let Some(b) = &bar {
            match p {
                Progress::Total(t) => b.set_length(t),
                Progress::Done { bytes, articles } => {
                    b.set_position(bytes);
                    b.set_message(format!("{articles} articles"));
                }
            }
        }
    };
    if args.stream {
        let (summary, _) = pipeline::stream(&cfg, std::io::BufWriter::new(std::io::stdout()), &on_progress)
            .context("analyze failed")?;
        if let Some(b) = &bar {
            b.finish_and_clear();
        }
        if !args.quiet {
            eprintln!(
                "slant analyze --stream: {} articles, {} words; errors: {}, warnings: {}",
                summary.articles, summary.words, summary.errors, summary.warnings
            );
        }
        return Ok(summary.exit_code() as u8);
    }
    let report_opts = slant::report::ReportOptions {
        group_by: slant::report::GroupBy::parse(&args.group_by),
        top: args.top,
        ..Default::default()
    };
    let called = pipeline::Called { command_line: std::env::args().collect(), started };
    let done = pipeline::analyze_folder(&cfg, Some(&report_opts), called, &on_progress).context("analyze failed")?;
    let summary = done.summary;
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    if let Some(w) = summary.outlet_warning() {
        eprintln!("slant analyze: warning: {w}");
    }
    if let Some(w) =
        summary.language_warning(cfg.lexicon_for_cyrillic(), cfg.cyrillic_rules(), cfg.tone_model_ru_uk.is_some())
    {
        eprintln!("slant analyze: warning: {w}");
    }
    if !args.quiet {
        let secs = clock.elapsed().as_secs_f64();
        out!("slant analyze: {} articles, {} words", summary.articles, summary.words);
        out!(
            "  inputs: {} ({:.1} MB) in {:.2} s ({:.1} MB/s)",
            summary.inputs.len(),
            summary.bytes_read as f64 / 1e6,
            secs,
            summary.bytes_read as f64 / 1e6 / secs.max(1e-9)
        );
        out!("  errors: {}   warnings: {}", summary.errors, summary.warnings);
        out!(
            "  wrote:  {}",
            summary.outputs.iter().map(|o| cfg.out.join(o).display().to_string()).collect::<Vec<_>>().join(", ")
        );
        out!(
            "  charts: {} files in {}, report: {}, groups: {}, comparisons: {}",
            done.charts,
            cfg.out.join("charts").display(),
            cfg.out.join("report.html").display(),
            cfg.out.join("groups.csv").display(),
            cfg.out.join("compare.csv").display()
        );
        if summary.errors + summary.warnings > 0 {
            out!("  see {} for details", cfg.out.join("errors.csv").display());
        }
    }
    Ok(summary.exit_code() as u8)
}

/// Options of the encoder stage, shared by `analyze` and `eval loaded`.
#[derive(Debug, Clone, clap::Args)]
pub struct EncoderArgs {
    /// With --encoder: an adapter file made by scripts/train_encoder.py instead of the embedded one.
    #[arg(long, value_name = "FILE", requires = "encoder")]
    pub encoder_adapter: Option<PathBuf>,
    /// With --encoder: the word probability at which the encoder marks a word loaded (default:
    /// the one chosen in training, see data/encoder/encoder.json).
    #[arg(long, value_name = "P", requires = "encoder")]
    pub encoder_threshold: Option<f32>,
}

impl EncoderArgs {
    pub fn options(self, dir: PathBuf) -> slant::encoder::EncoderOptions {
        slant::encoder::EncoderOptions { dir, adapter: self.encoder_adapter, threshold: self.encoder_threshold }
    }
}
