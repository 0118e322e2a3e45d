//! One module per subcommand, each owning its arguments and `run`.

/// `println!` that returns the write error instead of panicking (a closed pipe, as in
/// `slant eval news DIR | head`, ends the command quietly: see `main`).
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($arg)*)?
    }};
}

/// `print!` that returns the write error instead of panicking, as [`out!`].
macro_rules! out_part {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        write!(std::io::stdout().lock(), $($arg)*)?
    }};
}

pub mod analyze;
pub mod chart;
pub mod cite;
pub mod codebook;
pub mod eval;
pub mod lexicon;
pub mod merge;
pub mod train;

use clap::{Parser, Subcommand};
use std::path::Path;

use slant::eval::ptc::{self, PtcArticle};

/// slant: measure how news articles frame a story.
#[derive(Debug, Parser)]
#[command(name = "slant", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse articles (files, folders, or JSON Lines on stdin) and write CSV outputs, charts,
    /// groups.csv, compare.csv and report.html.
    Analyze(Box<analyze::Args>),
    /// Redraw the charts, groups.csv, compare.csv and report.html of an output folder from its CSV files.
    Chart(chart::Args),
    /// Merge output folders of runs over parts of one corpus (cluster partitions, batches)
    /// into the folder one run over all their articles would have written.
    Merge(merge::Args),
    /// Build and check lexicons.
    Lexicon(lexicon::Args),
    /// Measure accuracy against gold corpora.
    Eval(eval::Args),
    /// Train the embedded models (the tone model, the attribution cue model).
    Train(train::Args),
    /// How to cite slant, and a methods paragraph for an output folder (from its run.json).
    Cite(cite::Args),
    /// Every column of every CSV file slant writes (the codebook.csv of every output folder).
    Codebook(codebook::Args),
}

/// Runs the chosen subcommand; returns the process exit code.
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Analyze(args) => analyze::run(*args),
        Command::Lexicon(args) => lexicon::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Chart(args) => chart::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Train(args) => train::run(args),
        Command::Cite(args) => cite::run(args),
        Command::Codebook(args) => codebook::run(args),
    }
}

/// Prints a gold loader's warnings to stderr.
fn warn(warnings: &[String]) {
    for w in warnings {
        eprintln!("warning: {w}");
    }
}

/// Loads a PTC folder and its labels (`[ARTICLES_DIR, LABELS_FILE]`), printing to stderr what
/// in the labels was left out.
fn load_ptc(paths: &[impl AsRef<Path>], techniques: &[&str]) -> anyhow::Result<Vec<PtcArticle>> {
    let set = ptc::load(paths[0].as_ref(), paths[1].as_ref(), techniques)?;
    warn(&set.warnings);
    Ok(set.articles)
}
