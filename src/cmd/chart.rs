//! `slant chart DIR`: redraw the charts, groups.csv, compare.csv and report.html from an output folder's CSV
//! files.

use std::path::PathBuf;

use anyhow::Context;
use slant::report::charts::{ChartOptions, Formats, Period, Size, Sort};
use slant::report::{GroupBy, ReportOptions};

#[derive(Debug, clap::Args)]
#[command(after_help = "Example: slant chart reports/example --group-by outlet\n\
         slant chart reports/example --out reports/example/print --size column --format svg,pdf --sort value\n\
Reads DIR/articles.csv and DIR/sentences.csv (after editing or filtering them, pass --accept-changes) and writes \
DIR/charts/*.png and *.svg (and *.pdf with --format), each chart's data as DIR/charts/*.csv, DIR/groups.csv (every group's sums and rates, with 95% intervals), \
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
    /// Figure size: `page` (6.5 x 4 in) or `column` (3.5 x 3.2 in), text 8-9.5 pt at that size.
    #[arg(long, default_value = "page", value_name = "SIZE", value_parser = parse_size)]
    pub size: Size,
    /// Chart files to write, comma-separated: png (300 dpi), svg, pdf (font embedded).
    #[arg(long, default_value = "png,svg", value_name = "LIST", value_parser = Formats::parse)]
    pub format: Formats,
    /// Order of the groups in each chart: size (most articles first), value (of the chart's
    /// first measure, largest first) or name; `others` stays last.
    #[arg(long, default_value = "size", value_name = "ORDER", value_parser = parse_sort)]
    pub sort: Sort,
    /// Period of the time series: day, week or month (default: from the dates' span: days
    /// up to two months, weeks up to a year, months beyond).
    #[arg(long, value_name = "PERIOD", value_parser = parse_period)]
    pub by: Option<Period>,
    /// Chart a folder whose tables were changed after the run (edited or filtered by hand):
    /// without it, a folder whose files do not match its run.json is refused.
    #[arg(long)]
    pub accept_changes: bool,
}

fn parse_size(s: &str) -> Result<Size, String> {
    Size::parse(s).ok_or_else(|| format!("unknown size '{s}' (page or column)"))
}

fn parse_sort(s: &str) -> Result<Sort, String> {
    Sort::parse(s).ok_or_else(|| format!("unknown order '{s}' (size, value or name)"))
}

fn parse_period(s: &str) -> Result<Period, String> {
    Period::parse(s).ok_or_else(|| format!("unknown period '{s}' (day, week or month)"))
}

pub fn run(a: Args) -> anyhow::Result<u8> {
    let chart = ChartOptions { size: a.size, formats: a.format, sort: a.sort, period: a.by };
    let opts = ReportOptions { group_by: GroupBy::parse(&a.group_by), top: a.top, chart };
    let drawn = slant::outset::redraw(&a.dir, a.out.as_deref(), &opts, a.accept_changes)
        .with_context(|| format!("cannot chart {}", a.dir.display()))?;
    if drawn.articles == 0 {
        eprintln!("warning: {} has no article rows: the charts are empty", a.dir.join("articles.csv").display());
    }
    for p in &drawn.files {
        out!("{}", p.display());
    }
    Ok(0)
}
