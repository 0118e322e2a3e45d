//! `slant merge DIR... --out DIR2`: output folders of runs over parts of one corpus combined
//! into the folder one run over all their articles would have written.

use std::path::PathBuf;

use anyhow::Context;
use slant::merge::{merge, MergeOptions};

#[derive(Debug, clap::Args)]
#[command(after_help = "Example: slant analyze part1/ --out out/1 --fingerprints\n\
         slant analyze part2/ --out out/2 --fingerprints\n\
         slant merge out/1 out/2 --out out/all\n\
Each DIR is an output folder of `slant analyze --fingerprints` (tables as CSV, Parquet, or folders of \
Parquet parts as Spark writes them). The tables are joined in the order given; text shared between \
articles of different folders is found again from the fingerprints; groups.csv, compare.csv, the charts \
and report.html are drawn over all the articles.")]
pub struct Args {
    /// Output folders to merge, in order.
    #[arg(value_name = "DIR", required = true)]
    pub dirs: Vec<PathBuf>,
    /// The merged folder (made if missing; not one of DIR).
    #[arg(long, value_name = "DIR2")]
    pub out: PathBuf,
    /// Table formats, comma-separated: csv (always) and parquet.
    #[arg(long, default_value = "csv", value_name = "LIST", value_parser = super::analyze::parse_formats)]
    pub format: super::analyze::TableFormats,
    /// Articles shown with their text in report.html, from the folders' reports (0: none).
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub report_articles: usize,
    /// Merge folders whose tables were changed after their run: without it, a folder whose
    /// files do not match its run.json is refused.
    #[arg(long)]
    pub accept_changes: bool,
    /// Print nothing but errors.
    #[arg(short, long)]
    pub quiet: bool,
}

pub fn run(a: Args) -> anyhow::Result<u8> {
    let opts = MergeOptions {
        parquet: a.format.parquet,
        report_articles: a.report_articles,
        accept_changes: a.accept_changes,
    };
    let merged = merge(&a.dirs, &a.out, &opts, std::env::args().collect())
        .with_context(|| format!("cannot merge into {}", a.out.display()))?;
    for w in &merged.warnings {
        eprintln!("slant merge: warning: {w}");
    }
    if !a.quiet {
        eprintln!("slant merge: {} articles from {} folders into {}", merged.articles, merged.folders, a.out.display());
        for o in &merged.outputs {
            out!("{}", a.out.join(o).display());
        }
    }
    Ok(0)
}
