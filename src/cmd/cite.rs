//! `slant cite [DIR]`: how to cite slant, and, for an output folder, a methods paragraph made
//! from its `run.json`.

use std::path::PathBuf;

use anyhow::Context;
use slant::cite::{methods_paragraph, RunRecord};

/// The software citation, as in the repository's CITATION.cff.
const CITATION_CFF: &str = include_str!("../../CITATION.cff");

#[derive(Debug, clap::Args)]
#[command(after_help = "Example: slant cite reports/example\n\
Prints a methods paragraph made from DIR/run.json (the lexicon, source list and models of the run, \
with their versions and SHA-256, and how hits were counted), then the citation of slant itself \
(CITATION.cff). Without DIR, only the citation.")]
pub struct Args {
    /// An output folder of `slant analyze`.
    #[arg(value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

pub fn run(a: Args) -> anyhow::Result<u8> {
    if let Some(dir) = &a.dir {
        let path = dir.join("run.json");
        let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let run = RunRecord::parse(&text)
            .with_context(|| format!("{} is not a run.json of slant analyze", path.display()))?;
        out!("{}\n", methods_paragraph(&run));
    }
    out!("Cite slant as (CITATION.cff):\n\n{}", CITATION_CFF.trim_end());
    Ok(0)
}
