//! `slant chart DIR`: redraw the charts, groups.csv, compare.csv and report.html from an output folder's CSV
//! files.

use std::path::PathBuf;

use anyhow::Context;
use slant::report::{render_to, GroupBy, ReportOptions};

#[derive(Debug, clap::Args)]
#[command(after_help = "Example: slant chart reports/example --group-by outlet\n\
Reads DIR/articles.csv and DIR/sentences.csv (edit or filter them first if you like) and writes \
DIR/charts/*.png, DIR/charts/*.svg, DIR/groups.csv (every group's sums and rates, with 95% intervals), \
DIR/compare.csv (each pair of the groups shown: difference of their rates and shares, interval, p-value) \
and DIR/report.html.")]
pub struct Args {
    /// An output folder of `slant analyze`.
    #[arg(value_name = "DIR")]
    pub dir: PathBuf,
    /// Unit of the charts: outlet, article, or any column of articles.csv.
    #[arg(long, default_value = "outlet", value_name = "UNIT")]
    pub group_by: String,
    /// Groups shown in the charts and report, and compared in compare.csv; the rest are merged into `others` (groups.csv lists all).
    #[arg(long, default_value_t = 12, value_name = "N")]
    pub top: usize,
    /// Write the charts, groups.csv, compare.csv and report.html into this folder instead of
    /// DIR (so another grouping keeps the first one's files).
    #[arg(long, value_name = "DIR2")]
    pub out: Option<PathBuf>,
}

pub fn run(a: Args) -> anyhow::Result<u8> {
    let opts = ReportOptions { group_by: GroupBy::parse(&a.group_by), top: a.top };
    let out = a.out.as_deref().unwrap_or(&a.dir);
    if out != a.dir.as_path() {
        std::fs::create_dir_all(out).with_context(|| format!("cannot make {}", out.display()))?;
    }
    let drawn = render_to(&a.dir, out, &opts).with_context(|| format!("cannot chart {}", a.dir.display()))?;
    if drawn.articles == 0 {
        eprintln!("warning: {} has no article rows: the charts are empty", a.dir.join("articles.csv").display());
    }
    for p in &drawn.files {
        out!("{}", p.display());
    }
    Ok(0)
}
