//! The comparison charts: each drawn for print ([`Size`]), written as PNG (300 dpi), SVG
//! and, on request, PDF (the font embedded), with the data it draws beside it as CSV.
//!
//! plotters draws text with an embedded DejaVu Sans through `ab_glyph`, so nothing depends on
//! system fonts. Colours come from the Okabe-Ito palette (safe for the common forms of colour
//! blindness), extended with Paul Tol's muted colours. Rates and shares are dots with their 95%
//! intervals over the group's articles ([`panels`]); groups are listed largest first, by value
//! or by name ([`Sort`]); past `--top` groups the rest are merged into `others`, always last.

pub mod canvas;
mod figures;
pub mod panels;
mod pdf;
pub mod time;

use std::path::{Path, PathBuf};

use plotters::prelude::*;

pub use canvas::Size;
pub use figures::{ChartTable, Figure};
pub use time::{date_of, day_number, Period};

use super::{ReportData, ReportError};

/// Okabe-Ito, then Paul Tol's muted colours, then grey (for `other`).
pub const PALETTE: &[(u8, u8, u8)] = &[
    (0, 114, 178),
    (230, 159, 0),
    (0, 158, 115),
    (204, 121, 167),
    (86, 180, 233),
    (213, 94, 0),
    (240, 228, 66),
    (0, 0, 0),
    (136, 34, 85),
    (68, 170, 153),
    (221, 204, 119),
    (153, 153, 153),
];

pub fn colour(i: usize) -> RGBColor {
    let (r, g, b) = PALETTE[i % PALETTE.len()];
    RGBColor(r, g, b)
}

/// The files a chart is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    pub png: bool,
    pub svg: bool,
    pub pdf: bool,
}

impl Default for Formats {
    fn default() -> Self {
        Formats { png: true, svg: true, pdf: false }
    }
}

impl Formats {
    /// `png,svg,pdf` or any of them.
    pub fn parse(s: &str) -> Result<Formats, String> {
        let mut f = Formats { png: false, svg: false, pdf: false };
        for part in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            match part {
                "png" => f.png = true,
                "svg" => f.svg = true,
                "pdf" => f.pdf = true,
                other => return Err(format!("unknown chart format '{other}' (png, svg or pdf)")),
            }
        }
        if !(f.png || f.svg || f.pdf) {
            return Err("no chart format given (png, svg or pdf)".into());
        }
        Ok(f)
    }
}

/// The order of a chart's rows (`others` stays last).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Largest group (most articles) first.
    #[default]
    Size,
    /// Largest value of the chart's first measure first.
    Value,
    /// By name.
    Name,
}

impl Sort {
    pub fn parse(s: &str) -> Option<Sort> {
        match s {
            "size" | "articles" => Some(Sort::Size),
            "value" => Some(Sort::Value),
            "name" => Some(Sort::Name),
            _ => None,
        }
    }
}

/// How charts are drawn and written.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ChartOptions {
    pub size: Size,
    pub formats: Formats,
    pub sort: Sort,
    /// The time series' period (`None`: chosen from the span of the dates).
    pub period: Option<Period>,
}

/// A chart as written.
#[derive(Debug, Clone)]
pub struct Chart {
    pub name: &'static str,
    pub title: String,
    /// The SVG drawing (inlined in the report whether or not an SVG file is written).
    pub svg: String,
    /// The files written: images, then the data CSV.
    pub files: Vec<PathBuf>,
}

/// Every chart's name, in the order drawn.
pub const NAMES: &[&str] = &[
    "loaded_own_intervals",
    "loaded_voice",
    "loaded_categories",
    "loaded_categories_by_voice",
    "top_terms",
    "attribution_categories",
    "attribution_countries",
    "attribution_official_sources",
    "tone",
    "loaded_over_time",
];

pub(crate) type Drawn = Result<(), String>;

pub(crate) fn e<E: std::fmt::Debug>(err: E) -> String {
    format!("{err:?}")
}

fn draw_error(path: &Path, message: String) -> ReportError {
    ReportError::Draw { path: path.display().to_string(), message }
}

/// Draws one chart into SVG text and, as asked, PNG, SVG and PDF files, and writes its data.
fn write_chart(
    dir: &Path,
    name: &'static str,
    opts: &ChartOptions,
    fig: &figures::Figure,
) -> Result<Chart, ReportError> {
    let (w, h) = (opts.size.pixels().0, fig.height());
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        fig.draw(&root).map_err(|m| draw_error(&dir.join(format!("{name}.svg")), m))?;
        root.present().map_err(|x| draw_error(&dir.join(format!("{name}.svg")), e(x)))?;
    }
    // a group name or term may hold a character XML forbids (U+0001, U+FFFE): the SVG and the
    // PDF made from it must stay well-formed
    if svg.chars().any(crate::text::forbidden_in_xml) {
        svg = svg.chars().map(|c| if crate::text::forbidden_in_xml(c) { '\u{FFFD}' } else { c }).collect();
    }
    let mut files = Vec::new();
    if opts.formats.png {
        let path = dir.join(format!("{name}.png"));
        crate::output::write_atomic_with(&path, |tmp| {
            let root = BitMapBackend::new(tmp, (w, h)).into_drawing_area();
            fig.draw(&root).map_err(std::io::Error::other)?;
            root.present().map_err(|x| std::io::Error::other(e(x)))
        })
        .map_err(|x| draw_error(&path, x.to_string()))?;
        files.push(path);
    }
    if opts.formats.svg {
        let path = dir.join(format!("{name}.svg"));
        crate::output::write_atomic(&path, |f| std::io::Write::write_all(f, svg.as_bytes()))
            .map_err(|x| draw_error(&path, x.to_string()))?;
        files.push(path);
    }
    if opts.formats.pdf {
        let path = dir.join(format!("{name}.pdf"));
        let bytes = pdf::from_svg(&svg).map_err(|m| draw_error(&path, m))?;
        crate::output::write_atomic(&path, |f| std::io::Write::write_all(f, &bytes))
            .map_err(|x| draw_error(&path, x.to_string()))?;
        files.push(path);
    }
    let path = dir.join(format!("{name}.csv"));
    super::write_rows(&path, &fig.table().rows())?;
    files.push(path);
    // a format not asked for this time: a file left from an earlier run would no longer match
    for (ext, on) in [("png", opts.formats.png), ("svg", opts.formats.svg), ("pdf", opts.formats.pdf)] {
        if !on {
            remove_stale(&dir.join(format!("{name}.{ext}")))?;
        }
    }
    Ok(Chart { name, title: fig.title.clone(), svg, files })
}

fn remove_stale(path: &Path) -> Result<(), ReportError> {
    if path.is_file() {
        std::fs::remove_file(path).map_err(|x| ReportError::Write { path: path.display().to_string(), source: x })?;
    }
    Ok(())
}

/// Draws every chart that has data into `dir`, several at once on the current rayon pool
/// (each chart's files are its own); the charts come back in [`NAMES`] order, and the first
/// error in that order is the one returned.
pub fn draw_all(d: &ReportData, dir: &Path, opts: &ChartOptions) -> Result<Vec<Chart>, ReportError> {
    use rayon::prelude::*;
    canvas::register_font();
    let drawn: Vec<Result<Option<Chart>, ReportError>> = NAMES
        .par_iter()
        .map(|&name| match figures::build(name, d, opts) {
            Some(fig) => write_chart(dir, name, opts, &fig).map(Some),
            None => {
                // Not drawn this time: files left from an earlier run would no longer match the CSVs.
                for ext in ["png", "svg", "pdf", "csv"] {
                    remove_stale(&dir.join(format!("{name}.{ext}")))?;
                }
                Ok(None)
            }
        })
        .collect();
    let mut out = Vec::new();
    for chart in drawn {
        out.extend(chart?);
    }
    Ok(out)
}
