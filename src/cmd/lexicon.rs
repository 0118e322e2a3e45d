//! `slant lexicon mine|check`

use std::path::PathBuf;

use anyhow::Context;
use slant::eval::ptc::LOADED_TECHNIQUES;
use slant::lexicon::mine::{self, Thresholds};
use slant::lexicon::{Lexicon, Matcher};
use slant::text::Lang;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    pub command: LexiconCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum LexiconCommand {
    /// Rank candidate words and phrases from PTC Loaded_Language and Name_Calling,Labeling spans.
    Mine(MineArgs),
    /// Validate a lexicon file and print its statistics (`default` checks the embedded one).
    Check(CheckArgs),
}

#[derive(Debug, clap::Args)]
#[command(after_help = "Example: slant lexicon mine --ptc ../shared/corpus/ptc/train/articles \
../shared/corpus/ptc/train/train-task2-TC.labels --cv 5 --base data/lexicon/curated.tsv --out data/lexicon/mined.tsv")]
pub struct MineArgs {
    /// PTC articles folder and TC labels file.
    #[arg(long, num_args = 2, value_names = ["ARTICLES", "LABELS"], required = true)]
    pub ptc: Vec<PathBuf>,
    /// Minimum occurrences on the training articles.
    #[arg(long, default_value_t = Thresholds::default().min_support)]
    pub min_support: u32,
    /// Minimum share of occurrences inside gold spans.
    #[arg(long, default_value_t = Thresholds::default().min_precision, value_parser = share)]
    pub min_precision: f64,
    /// Minimum number of articles where the candidate occurs inside a gold span.
    #[arg(long, default_value_t = Thresholds::default().min_docs)]
    pub min_docs: u32,
    /// Drop base entries with a precision below this on the articles (chosen by --cv when given).
    #[arg(long, default_value_t = 0.0, value_parser = share)]
    pub prune_below: f64,
    /// Write the base entries dropped by pruning here.
    #[arg(long, value_name = "FILE")]
    pub pruned_out: Option<PathBuf>,
    /// Longest n-gram.
    #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u16).range(1..=8))]
    pub max_n: u16,
    /// Choose the thresholds (support, precision, articles, pruning cut) by K-fold
    /// cross-validation over contiguous blocks of the given articles.
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u16).range(2..))]
    pub cv: Option<u16>,
    /// Name written into the mined lexicon's header.
    #[arg(long, default_value = "slant-mined")]
    pub name: String,
    /// Lexicon that mined entries are added to when cross-validating (e.g. the curated list).
    #[arg(long, value_name = "FILE")]
    pub base: Option<PathBuf>,
    /// Write the mined lexicon here (default: standard output).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Snowball language.
    #[arg(long, default_value = "english")]
    pub lang: String,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// A lexicon file (slant TSV, LIWC .dic, VADER TSV or word list), or `default`.
    pub file: String,
    /// Print JSON.
    #[arg(long)]
    pub json: bool,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    match args.command {
        LexiconCommand::Mine(a) => mine_cmd(a),
        LexiconCommand::Check(a) => check_cmd(a),
    }
}

/// A share: a number from 0 to 1.
fn share(s: &str) -> Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(x) if (0.0..=1.0).contains(&x) => Ok(x),
        Ok(_) => Err(format!("{s} is not between 0 and 1")),
        Err(e) => Err(format!("{s}: {e}")),
    }
}

fn mine_cmd(a: MineArgs) -> anyhow::Result<u8> {
    let lang = Lang::parse(&a.lang)?;
    let articles = super::load_ptc(&a.ptc, LOADED_TECHNIQUES)?;
    eprintln!(
        "mining {} articles, {} gold spans",
        articles.len(),
        articles.iter().map(|x| x.spans.len()).sum::<usize>()
    );
    let mut t = Thresholds {
        min_support: a.min_support,
        min_precision: a.min_precision,
        min_docs: a.min_docs,
        prune_below: a.prune_below,
    };
    let mut cv_note = String::new();
    let base = match &a.base {
        Some(p) => Lexicon::from_file(p)?,
        None => Lexicon { name: "none".into(), version: String::new(), sha256: String::new(), entries: Vec::new() },
    };
    let max_n = usize::from(a.max_n);
    if let Some(k) = a.cv.map(usize::from) {
        if k > articles.len() {
            anyhow::bail!("--cv {k} needs at least {k} articles; {} has {}", a.ptc[0].display(), articles.len());
        }
        let results = mine::cross_validate(&articles, &base, lang, k, max_n);
        eprintln!("{k}-fold cross-validation (base: {} entries)", base.entries.len());
        eprintln!("prune_below  min_support  min_precision  min_docs  mean_f1  mean_rho  mined_entries");
        for r in &results {
            eprintln!(
                "{:>11.2}  {:>11}  {:>13.2}  {:>8}  {:>7.3}  {:>8.3}  {:>13.0}",
                r.thresholds.prune_below,
                r.thresholds.min_support,
                r.thresholds.min_precision,
                r.thresholds.min_docs,
                r.mean_f1,
                r.mean_rho,
                r.mean_entries
            );
        }
        // Both figures matter to the issue (span F1 and article rho): the best sum wins,
        // the first in grid order on a tie.
        let best = results
            .iter()
            .rev()
            .max_by(|x, y| (x.mean_f1 + x.mean_rho).total_cmp(&(y.mean_f1 + y.mean_rho)))
            .context("cross-validation produced no result")?;
        t = best.thresholds;
        cv_note = format!(
            "thresholds chosen by {k}-fold cross-validation over contiguous blocks of these articles (best mean span F1 + rho: F1 {:.3}, rho {:.3})\n",
            best.mean_f1, best.mean_rho
        );
        eprintln!(
            "chosen: prune_below {:.2} min_support {} min_precision {:.2} min_docs {}",
            t.prune_below, t.min_support, t.min_precision, t.min_docs
        );
    }
    if let Some(p) = &a.pruned_out {
        let drop = mine::pruned(&mine::entry_stats(&articles, &base, lang), t.prune_below);
        let mut tsv = format!(
            "# entries dropped from the base lexicon {}: at least {} hits and a precision below {:.2}\n\
             # on {} ({} articles), measured by `slant lexicon mine`\n# name: slant-pruned\n# version: 2\n\
             term\tcategory\tweight\tsource\tprecision\tsupport\n",
            base.name,
            mine::PRUNE_MIN_HITS,
            t.prune_below,
            a.ptc[0].display(),
            articles.len()
        );
        for (i, n, g) in &drop {
            let e = &base.entries[*i];
            tsv.push_str(&format!(
                "{}\t{}\t{:.2}\t{}\t{:.3}\t{}\n",
                e.written_term(),
                e.category,
                e.weight,
                e.source,
                *g as f64 / *n as f64,
                n
            ));
        }
        slant::output::write_atomic(p, |w| std::io::Write::write_all(w, tsv.as_bytes()))?;
        eprintln!("wrote {} pruned base entries to {}", drop.len(), p.display());
    }
    let cands = mine::collect(&articles, lang, max_n);
    let entries = mine::select(&cands, t);
    anyhow::ensure!(
        !entries.is_empty(),
        "no candidate passed the thresholds (min_support {}, min_precision {:.2}, min_docs {}) on {} articles with {} gold spans; nothing written",
        t.min_support,
        t.min_precision,
        t.min_docs,
        articles.len(),
        articles.iter().map(|x| x.spans.len()).sum::<usize>()
    );
    let header = format!(
        "slant lexicon: entries mined from PTC gold spans by `slant lexicon mine`\n\
         name: {}\nversion: 2\n\
         data: {} ({} articles), labels {}, techniques Loaded_Language + Name_Calling,Labeling\n\
         thresholds: min_support {}, min_precision {:.2}, min_docs {}, n-grams up to {}, prune_below {:.2}\n{}\
         precision = share of occurrences overlapping a gold span; support = occurrences",
        a.name,
        a.ptc[0].display(),
        articles.len(),
        a.ptc[1].file_name().map(|f| f.to_string_lossy().into_owned()).unwrap_or_default(),
        t.min_support,
        t.min_precision,
        t.min_docs,
        max_n,
        t.prune_below,
        cv_note
    );
    let tsv = mine::to_tsv(&entries, &header);
    match &a.out {
        Some(p) => {
            slant::output::write_atomic(p, |w| std::io::Write::write_all(w, tsv.as_bytes()))?;
            eprintln!("wrote {} entries to {}", entries.len(), p.display());
        }
        None => out_part!("{tsv}"),
    }
    // Sanity: the written file must load back.
    let back = slant::lexicon::formats::parse_slant("mined", &tsv, "mined")?;
    let _ = Matcher::new(&back, lang);
    Ok(0)
}

fn check_cmd(a: CheckArgs) -> anyhow::Result<u8> {
    let lex = if a.file == "default" {
        Lexicon::default_lexicon()
    } else {
        Lexicon::user_file(std::path::Path::new(&a.file))?
    };
    let st = lex.stats();
    if a.json {
        out!("{}", serde_json::to_string_pretty(&st)?);
        return Ok(0);
    }
    out!("lexicon {} version {} (sha256 {})", st.name, st.version, st.sha256);
    out!("  entries: {} ({} phrases, {} wildcards)", st.entries, st.phrases, st.wildcards);
    out!("  categories:");
    for (c, n) in &st.categories {
        out!("    {c:<24} {n:>6}");
    }
    out!("  sources:");
    for (s, n) in &st.sources {
        out!("    {s:<24} {n:>6}");
    }
    Ok(0)
}
