//! `slant train tone`, `slant train cues`: every embedded model is made by one of these

use std::path::PathBuf;

use slant::lexicon::{Lexicon, Matcher};
use slant::text::Lang;
use slant::tone::train::{examples, train, TrainOptions};
use slant::tone::{ToneModel, TrainInfo};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: TrainCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum TrainCommand {
    /// Train the sentence tone model on PTC (all 14 techniques) and write it as JSON.
    Tone(ToneArgs),
    /// Train the attribution cue model on brat (PolNeAR) gold and write it as TSV.
    Cues(CuesArgs),
}

#[derive(Debug, clap::Args)]
#[command(after_help = "Example (how data/attribution/cue_words.tsv was made):\n  slant train cues --brat \
../shared/corpus/polnear/train --out data/attribution/cue_words.tsv")]
pub struct CuesArgs {
    /// A brat folder with text/ and attributions/ (PolNeAR layout).
    #[arg(long, value_name = "DIR")]
    pub brat: PathBuf,
    /// Where to write the model.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Cross-validation folds (over articles) that choose the thresholds.
    #[arg(long, default_value_t = 5)]
    pub folds: usize,
}

fn cues(a: CuesArgs) -> anyhow::Result<u8> {
    let clock = std::time::Instant::now();
    check_out(&a.out)?;
    let set = slant::eval::brat::load_dir(&a.brat)?;
    super::warn(&set.warnings);
    anyhow::ensure!(!set.docs.is_empty(), "{}: no documents", a.brat.display());
    let folds = a.folds.max(2);
    let progress = |f: usize| eprintln!("fold {}/{folds} done ({:.0} s)", f + 1, clock.elapsed().as_secs_f64());
    let mined = slant::eval::cue_cv::mine(&set.docs, folds, &progress)
        .ok_or_else(|| anyhow::anyhow!("no threshold setting to choose from"))?;
    std::fs::write(&a.out, mined.to_tsv()).map_err(|e| anyhow::anyhow!("--out {}: {e}", a.out.display()))?;
    eprintln!(
        "wrote {}: {} features, threshold {} low {}; {folds}-fold CV cue overlap F1 {:.3}, source overlap F1 {:.3} ({:.0} s)",
        a.out.display(),
        mined.model.len(),
        mined.model.threshold,
        mined.model.low,
        mined.cv.cue_overlap.f1,
        mined.cv.source_overlap.f1,
        clock.elapsed().as_secs_f64()
    );
    Ok(0)
}

/// Fails before training, not after, when the model cannot be written.
fn check_out(out: &std::path::Path) -> anyhow::Result<()> {
    let folder = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    anyhow::ensure!(folder.is_dir(), "--out {}: folder {} does not exist", out.display(), folder.display());
    anyhow::ensure!(!out.is_dir(), "--out {} is a folder; give a file name", out.display());
    Ok(())
}

#[derive(Debug, clap::Args)]
#[command(after_help = "Example (how data/models/tone.json was made):\n  slant train tone --ptc \
../shared/corpus/ptc/train/articles ../shared/corpus/ptc/train/train-task2-TC.labels --out data/models/tone.json")]
pub struct ToneArgs {
    /// PTC articles folder and TC (or SI) labels file.
    #[arg(long, num_args = 2, value_names = ["ARTICLES_DIR", "LABELS_FILE"], required_unless_present = "unlp")]
    pub ptc: Vec<PathBuf>,
    /// Instead of PTC: UNLP 2025 posts (a folder holding posts.jsonl), each post a unit: a
    /// post model for Russian and Ukrainian text (TF-IDF over words and character n-grams, the
    /// language's lexicon counts), for `slant analyze --tone-model-ru-uk`. Its licence
    /// (CC BY-NC-SA) keeps such a model out of slant's embedded resources: make it here.
    #[arg(long, value_name = "DIR", conflicts_with = "ptc")]
    pub unlp: Option<PathBuf>,
    /// With --unlp: the label the model learns.
    #[arg(long, value_enum, default_value_t = Label::Manipulative, requires = "unlp")]
    pub label: Label,
    /// Where to write the model.
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// Vocabulary size (word n-grams kept by document frequency) [default: 2000; with --unlp 5000].
    #[arg(long)]
    pub max_features: Option<usize>,
    /// With --unlp: character n-grams kept by document frequency [default: 15000].
    #[arg(long, requires = "unlp")]
    pub max_char_features: Option<usize>,
    /// With --unlp: key the span prior's words by this many leading characters, 0 for no
    /// span prior [default: 5].
    #[arg(long, requires = "unlp")]
    pub span_prior_chars: Option<usize>,
    /// Minimum number of training units an n-gram must occur in [default: 3; with --unlp 2].
    #[arg(long)]
    pub min_df: Option<usize>,
    /// Cross-validation folds (over articles or posts) [default: 3; with --unlp 5].
    #[arg(long)]
    pub folds: Option<usize>,
    /// Iteration cap of the L-BFGS solver [default: 30; with --unlp 100].
    #[arg(long)]
    pub max_iterations: Option<u64>,
    /// L2 penalties to try, comma-separated [default: 10,30,100; with --unlp 0.3,1,3].
    #[arg(long, value_delimiter = ',')]
    pub alpha: Option<Vec<f32>>,
}

/// The label of a UNLP post a tone model learns.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Label {
    /// Any of the ten manipulation techniques.
    Manipulative,
    /// Loaded language.
    LoadedLanguage,
}

impl Label {
    pub fn post_label(self) -> slant::eval::unlp::PostLabel {
        match self {
            Label::Manipulative => slant::eval::unlp::PostLabel::Manipulative,
            Label::LoadedLanguage => slant::eval::unlp::PostLabel::LoadedLanguage,
        }
    }
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    match args.command {
        TrainCommand::Tone(a) => tone(a),
        TrainCommand::Cues(a) => cues(a),
    }
}

fn tone(a: ToneArgs) -> anyhow::Result<u8> {
    let clock = std::time::Instant::now();
    check_out(&a.out)?;
    let lexicon = Lexicon::default_lexicon();
    let matcher = Matcher::new(&lexicon, Lang::english());
    let (units, ex, labels, data) = match &a.unlp {
        Some(dir) => {
            let posts = slant::eval::unlp::read_posts(dir)?;
            let file = if dir.is_dir() { dir.join("posts.jsonl") } else { dir.clone() };
            let matchers = slant::eval::unlp::PostMatchers::embedded();
            let ex = slant::eval::unlp::tone_examples(&posts, &matchers, a.label.post_label());
            let label = match a.label {
                Label::Manipulative => "",
                Label::LoadedLanguage => " --label loaded-language",
            };
            (posts.len(), ex, std::fs::read(&file)?, format!("--unlp {}{label}", dir.display()))
        }
        None => {
            let articles = super::load_ptc(&a.ptc, &[])?;
            let data = format!(
                "--ptc {} {}",
                a.ptc[0].file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default(),
                a.ptc[1].file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default()
            );
            (articles.len(), examples(&articles, &matcher), std::fs::read(&a.ptc[1])?, data)
        }
    };
    let base = if a.unlp.is_some() { TrainOptions::posts() } else { TrainOptions::default() };
    anyhow::ensure!(
        a.max_char_features != Some(0),
        "--max-char-features 0: a post model needs character n-grams (give at least 1)"
    );
    let opts = TrainOptions {
        max_features: a.max_features.unwrap_or(base.max_features),
        min_df: a.min_df.unwrap_or(base.min_df),
        folds: a.folds.unwrap_or(base.folds),
        alphas: a.alpha.clone().unwrap_or(base.alphas),
        max_iterations: a.max_iterations.unwrap_or(base.max_iterations),
        max_char_features: a.max_char_features.unwrap_or(base.max_char_features),
        span_prior_chars: a.span_prior_chars.unwrap_or(base.span_prior_chars),
    };
    eprintln!("training on {units} articles or posts ({} cross-validation folds)", opts.folds);
    let t = train(&ex, &opts, &|m| eprintln!("{m}"))?;
    let positives = ex.iter().filter(|e| e.label).count();
    let model = ToneModel {
        name: if a.unlp.is_some() { "slant-tone-unlp" } else { "slant-tone" }.into(),
        version: 2,
        description: if a.unlp.is_some() {
            format!(
                "Probability that a Russian or Ukrainian post is manipulative (or holds loaded language, as \
                 the command says) as UNLP 2025's annotators marked them; logistic regression \
                 (linfa-logistic) over TF-IDF word and character n-grams, {}counts of the language's \
                 lexicon, quotation, punctuation, capitals and length",
                if t.model.span_prior.is_some() { "a word prior from the annotated spans, " } else { "" }
            )
        } else {
            "Probability that a sentence uses any of the 14 PTC propaganda techniques; \
             logistic regression (linfa-logistic) over stemmed n-grams, lexicon counts, \
             quotation, punctuation, capitals and length"
                .into()
        },
        train: TrainInfo {
            articles: units,
            sentences: ex.len(),
            positives,
            labels_sha256: slant::ingest::sha256_hex(&labels),
            folds: opts.folds,
            min_df: opts.min_df,
            max_features: opts.max_features,
            cv: t.cv,
            baseline_cv: t.baseline_cv,
            command: format!(
                "slant train tone {data} --max-features {}{} --min-df {} --folds {} --max-iterations {} --alpha {}",
                opts.max_features,
                if opts.post_model() {
                    format!(
                        " --max-char-features {} --span-prior-chars {}",
                        opts.max_char_features, opts.span_prior_chars
                    )
                } else {
                    String::new()
                },
                opts.min_df,
                opts.folds,
                opts.max_iterations,
                opts.alphas.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(",")
            ),
        },
        lexicon: if a.unlp.is_some() {
            ["ru", "uk"]
                .map(|c| {
                    let l = Lexicon::embedded(c);
                    format!("{} v{}", l.name, l.version)
                })
                .join(" + ")
        } else {
            format!("{} v{}", lexicon.name, lexicon.version)
        },
        model: t.model,
        baseline: t.baseline,
    };
    let json = model.to_json();
    slant::output::write_atomic(&a.out, |w| std::io::Write::write_all(w, json.as_bytes()))?;
    let best = model.train.cv.iter().find(|c| c.alpha == model.model.alpha).expect("chosen alpha was cross-validated");
    eprintln!(
        "chosen alpha {} (CV F1 {:.3}, AUC {:.3}), threshold {:.3}; length-only baseline CV F1 {:.3}, AUC {:.3}",
        model.model.alpha,
        best.f1,
        best.auc,
        model.model.threshold,
        model.train.baseline_cv.f1,
        model.train.baseline_cv.auc
    );
    eprintln!("wrote {} ({:.1} s)", a.out.display(), clock.elapsed().as_secs_f64());
    Ok(0)
}
