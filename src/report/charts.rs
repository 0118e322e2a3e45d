//! The comparison charts, each written as PNG (1600x900) and SVG.
//!
//! plotters draws text with an embedded DejaVu Sans through `ab_glyph`, so nothing depends on
//! system fonts. Colours come from the Okabe-Ito palette (safe for the common forms of colour
//! blindness), extended with Paul Tol's muted colours. Groups are listed largest first; long
//! names are cut with an ellipsis; past `--top` groups the rest are merged into `others`.

use std::path::{Path, PathBuf};
use std::sync::Once;

use plotters::coord::ranged1d::SegmentedCoord;
use plotters::coord::types::{RangedCoordf64, RangedCoordi32};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{short, Group, ReportData, ReportError};

pub const WIDTH: u32 = 1600;
pub const HEIGHT: u32 = 900;
const FONT: &str = "sans-serif";
const LABEL_CHARS: usize = 30;

static FONT_BYTES: &[u8] = include_bytes!("../../data/fonts/DejaVuSans.ttf");

fn register_font() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The font is embedded and tested; a failure would only mean missing text in charts.
        let _ = plotters::style::register_font(FONT, FontStyle::Normal, FONT_BYTES);
        let _ = plotters::style::register_font(FONT, FontStyle::Bold, FONT_BYTES);
    });
}

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

/// A chart written in both formats.
#[derive(Debug, Clone)]
pub struct Chart {
    pub name: &'static str,
    pub title: String,
    pub png: PathBuf,
    pub svg: PathBuf,
}

type Drawn = Result<(), String>;

fn e<E: std::fmt::Debug>(err: E) -> String {
    format!("{err:?}")
}

/// Draws a chart file the way every slant file is written ([`crate::output::write_atomic_with`]).
fn atomically(path: &Path, draw: impl FnOnce(&Path) -> Drawn) -> Result<(), ReportError> {
    crate::output::write_atomic_with(path, |tmp| draw(tmp).map_err(std::io::Error::other)).map_err(|x| {
        let message = match x {
            crate::SlantError::Write { source, .. } => source.to_string(),
            other => other.to_string(),
        };
        ReportError::Draw { path: path.display().to_string(), message }
    })
}

macro_rules! both {
    ($dir:expr, $name:expr, $title:expr, $f:ident, $($arg:expr),*) => {{
        let png = $dir.join(format!("{}.png", $name));
        let svg = $dir.join(format!("{}.svg", $name));
        atomically(&png, |p| {
            let root = BitMapBackend::new(p, (WIDTH, HEIGHT)).into_drawing_area();
            $f(&root, $($arg),*)?;
            root.present().map_err(e)
        })?;
        atomically(&svg, |p| {
            let root = SVGBackend::new(p, (WIDTH, HEIGHT)).into_drawing_area();
            $f(&root, $($arg),*)?;
            root.present().map_err(e)
        })?;
        Chart { name: $name, title: $title, png, svg }
    }};
}

/// Draws every chart that has data into `dir`.
pub fn draw_all(d: &ReportData, dir: &Path) -> Result<Vec<Chart>, ReportError> {
    register_font();
    let by = d.group_by.clone();
    let mut out = vec![
        both!(
            dir,
            "loaded_voice",
            format!("Loaded language per 1,000 words by {by}: own voice, quoted and reported"),
            voice,
            d
        ),
        both!(
            dir,
            "loaded_own_intervals",
            format!("Own-voice loaded language per 1,000 own-voice words by {by}, with 95% intervals"),
            own_intervals,
            d
        ),
        both!(dir, "loaded_categories", format!("Loaded language by category and {by}"), heatmap, d),
        both!(dir, "attribution_categories", format!("Who is quoted: sources by category and {by}"), attr_mix, d),
        both!(dir, "attribution_countries", format!("Who is quoted: sources by country and {by}"), countries, d),
        both!(dir, "tone", format!("Tone of sentences by {by}"), tone, d),
    ];
    if d.dates().len() >= 2 {
        out.push(both!(
            dir,
            "loaded_over_time",
            "Loaded language per 1,000 words over time, by outlet".into(),
            over_time,
            d
        ));
    } else {
        // Not drawn this time: a chart left from an earlier run would no longer match the CSVs.
        for ext in ["png", "svg"] {
            let stale = dir.join(format!("loaded_over_time.{ext}"));
            if stale.is_file() {
                std::fs::remove_file(&stale)
                    .map_err(|e| ReportError::Write { path: stale.display().to_string(), source: e })?;
            }
        }
    }
    Ok(out)
}

fn title_font(size: u32) -> TextStyle<'static> {
    (FONT, size).into_font().color(&BLACK)
}

/// A plot area and, for charts with a legend, the legend's area.
type Framed<DB> = (DrawingArea<DB, Shift>, Option<DrawingArea<DB, Shift>>);

/// The plot and legend areas, with a title on top.
fn frame<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, title: &str, legend: bool) -> Result<Framed<DB>, String> {
    root.fill(&WHITE).map_err(e)?;
    let body = root.titled(title, title_font(34)).map_err(e)?;
    if legend {
        let (plot, leg) = body.split_horizontally(WIDTH as i32 - 300);
        Ok((plot, Some(leg)))
    } else {
        Ok((body, None))
    }
}

/// A legend of coloured boxes, top to bottom.
fn legend<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, heading: &str, items: &[(String, RGBColor)]) -> Drawn {
    area.draw_text(heading, &title_font(24), (10, 60)).map_err(e)?;
    for (i, (name, c)) in items.iter().enumerate() {
        let y = 100 + 36 * i as i32;
        area.draw(&Rectangle::new([(10, y), (36, y + 24)], c.filled())).map_err(e)?;
        area.draw_text(&short(name, 20), &title_font(22), (46, y + 2)).map_err(e)?;
    }
    Ok(())
}

fn no_data<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, what: &str) -> Drawn {
    let style = title_font(28).pos(Pos::new(HPos::Center, VPos::Center));
    area.draw_text(&format!("no {what} in these articles"), &style, (WIDTH as i32 / 2, HEIGHT as i32 / 2)).map_err(e)
}

/// Names of the groups, top to bottom (largest group at the top).
fn labels(groups: &[Group]) -> Vec<String> {
    groups.iter().map(|g| format!("{} (n={})", short(&g.name, LABEL_CHARS), g.articles)).collect()
}

/// The range of a segmented axis with `n` bands (plotters adds one band past the range's
/// end, so `0..n - 1` gives `n`; a single band needs at least `0..1`).
fn seg(n: usize) -> std::ops::Range<i32> {
    0..(n as i32 - 1).max(1)
}

/// Row of group `k` on a segmented y axis, so the first group is drawn at the top.
fn row(n: usize, k: usize) -> i32 {
    (n - 1 - k) as i32
}

fn y_label(names: &[String]) -> impl Fn(&SegmentValue<i32>) -> String + '_ {
    move |v| match v {
        SegmentValue::CenterOf(i) if *i >= 0 && (*i as usize) < names.len() => {
            names[names.len() - 1 - *i as usize].clone()
        }
        _ => String::new(),
    }
}

/// A chart with one row per group (the first at the top), x from 0 to a maximum.
type GroupRows<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, SegmentedCoord<RangedCoordi32>>>;

/// The axes of a [`GroupRows`] chart on `area`: x from 0 to `xmax` described by `x_desc` (in
/// `desc_size` type), the groups' names on y.
fn group_axes<'a, DB: DrawingBackend>(
    area: &'a DrawingArea<DB, Shift>,
    groups: &[Group],
    xmax: f64,
    x_desc: &str,
    desc_size: u32,
) -> Result<GroupRows<'a, DB>, String> {
    let n = groups.len();
    let names = labels(groups);
    let fmt = y_label(&names);
    let mut chart = ChartBuilder::on(area)
        .margin(20)
        .x_label_area_size(70)
        .y_label_area_size(360)
        .build_cartesian_2d(0f64..xmax, seg(n).into_segmented())
        .map_err(e)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .x_desc(x_desc)
        .y_labels(n.min(40))
        .y_label_formatter(&fmt)
        .label_style((FONT, 20))
        .axis_desc_style((FONT, desc_size))
        .draw()
        .map_err(e)?;
    Ok(chart)
}

/// Horizontal stacked bars: each group's values, from 0 to their sum.
fn stacked_bars<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    groups: &[Group],
    values: &[Vec<f64>],
    xmax: f64,
    x_desc: &str,
) -> Drawn {
    let n = groups.len();
    let mut chart = group_axes(area, groups, xmax, x_desc, 24)?;
    for (k, vals) in values.iter().enumerate() {
        let y = row(n, k);
        let mut x = 0.0;
        for (j, v) in vals.iter().enumerate() {
            if *v <= 0.0 {
                continue;
            }
            let rect = [(x, SegmentValue::Exact(y)), (x + v, SegmentValue::Exact(y + 1))];
            chart.draw_series(std::iter::once(Rectangle::new(rect.clone(), colour(j).filled()))).map_err(e)?;
            chart.draw_series(std::iter::once(Rectangle::new(rect, WHITE.stroke_width(3)))).map_err(e)?;
            x += v;
        }
    }
    Ok(())
}

fn voice<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, d: &ReportData) -> Drawn {
    let (plot, leg) = frame(root, &format!("Loaded language by voice, per 1,000 words, by {}", d.group_by), true)?;
    // each voice's part of `loaded_per_1k` (hits per 1,000 of all words, so the parts add up);
    // the own-voice rate on its own base is in groups.csv and the report's table
    let values: Vec<Vec<f64>> = d
        .groups
        .iter()
        .map(|g| vec![g.per_1k(g.loaded_own), g.per_1k(g.loaded_quoted), g.per_1k(g.loaded_reported)])
        .collect();
    let xmax = values.iter().map(|v| v.iter().sum::<f64>()).fold(0.0, f64::max).max(1.0) * 1.1;
    if d.groups.is_empty() {
        return no_data(&plot, "articles");
    }
    stacked_bars(
        &plot,
        &d.groups,
        &values,
        xmax,
        "hits per 1,000 words (all words; the parts add up to loaded_per_1k)",
    )?;
    let items =
        [("own voice".to_string(), colour(0)), ("quoted".to_string(), colour(1)), ("reported".to_string(), colour(2))];
    legend(&leg.expect("legend area"), "voice", &items)
}

/// Dot and whisker: each group's own-voice rate (per 1,000 own-voice words, as in groups.csv)
/// with its 95% interval over the group's articles; a group of one article has a dot only.
fn own_intervals<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, d: &ReportData) -> Drawn {
    let (plot, _) = frame(
        root,
        &format!("Own-voice loaded language per 1,000 own-voice words by {}, 95% intervals", d.group_by),
        false,
    )?;
    if d.groups.is_empty() {
        return no_data(&plot, "articles");
    }
    let n = d.groups.len();
    let values: Vec<(f64, Option<[f64; 2]>)> =
        d.groups.iter().map(|g| (Group::rate(g.loaded_own, g.own_words()), g.ci.own)).collect();
    let xmax = values.iter().map(|(v, ci)| ci.map_or(*v, |[_, hi]| hi.max(*v))).fold(0.0, f64::max).max(1.0) * 1.1;
    let x_desc =
        "own-voice hits per 1,000 own-voice words (dot: pooled rate; line: 95% interval over the group's articles)";
    let mut chart = group_axes(&plot, &d.groups, xmax, x_desc, 21)?;
    let style = colour(0).stroke_width(3);
    for (k, (v, ci)) in values.iter().enumerate() {
        let y = SegmentValue::CenterOf(row(n, k));
        if let Some([lo, hi]) = ci {
            chart
                .draw_series(std::iter::once(PathElement::new(vec![(*lo, y.clone()), (*hi, y.clone())], style)))
                .map_err(e)?;
            for x in [*lo, *hi] {
                let tick = EmptyElement::at((x, y.clone())) + PathElement::new(vec![(0, -10), (0, 10)], style);
                chart.draw_series(std::iter::once(tick)).map_err(e)?;
            }
        }
        chart.draw_series(std::iter::once(Circle::new((*v, y.clone()), 8, colour(0).filled()))).map_err(e)?;
    }
    Ok(())
}

/// Shares (summing to 100) of `counts`, or zeros.
fn shares(counts: &[f64]) -> Vec<f64> {
    let total: f64 = counts.iter().sum();
    counts.iter().map(|c| if total > 0.0 { 100.0 * c / total } else { 0.0 }).collect()
}

fn attr_mix<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, d: &ReportData) -> Drawn {
    let (plot, leg) = frame(root, &format!("Who is quoted: attributions by source category and {}", d.group_by), true)?;
    if d.groups.iter().all(|g| g.attr.iter().sum::<f64>() == 0.0) {
        return no_data(&plot, "attributions");
    }
    let values: Vec<Vec<f64>> = d.groups.iter().map(|g| shares(&g.attr)).collect();
    stacked_bars(&plot, &d.groups, &values, 100.0, "share of the group's attributions (%)")?;
    let items: Vec<(String, RGBColor)> =
        d.attr_categories.iter().enumerate().map(|(i, c)| (c.replace('_', " "), colour(i))).collect();
    legend(&leg.expect("legend area"), "source category", &items)
}

fn countries<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, d: &ReportData) -> Drawn {
    let (plot, leg) = frame(root, &format!("Who is quoted: attributions by source country and {}", d.group_by), true)?;
    // the most frequent countries overall, the rest as `other`
    let mut totals: std::collections::BTreeMap<&str, f64> = std::collections::BTreeMap::new();
    for g in &d.groups {
        for (c, n) in &g.countries {
            *totals.entry(c.as_str()).or_default() += n;
        }
    }
    if totals.is_empty() {
        return no_data(&plot, "attributions with a known country");
    }
    let mut order: Vec<(&str, f64)> = totals.into_iter().collect();
    order.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
    let shown: Vec<&str> = order.iter().take(PALETTE.len() - 1).map(|x| x.0).collect();
    let values: Vec<Vec<f64>> = d
        .groups
        .iter()
        .map(|g| {
            let mut v: Vec<f64> = shown.iter().map(|c| g.countries.get(*c).copied().unwrap_or(0.0)).collect();
            v.push(g.countries.iter().filter(|(c, _)| !shown.contains(&c.as_str())).map(|x| x.1).sum());
            shares(&v)
        })
        .collect();
    stacked_bars(&plot, &d.groups, &values, 100.0, "share of the group's attributions with a known country (%)")?;
    let mut items: Vec<(String, RGBColor)> =
        shown.iter().enumerate().map(|(i, c)| (c.to_string(), colour(i))).collect();
    if order.len() > shown.len() {
        items.push(("other".into(), colour(shown.len())));
    }
    legend(&leg.expect("legend area"), "country", &items)
}

/// White to dark blue.
fn blues(t: f64) -> RGBColor {
    let t = t.clamp(0.0, 1.0);
    let mix = |a: f64, b: f64| (a + (b - a) * t).round() as u8;
    RGBColor(mix(247.0, 8.0), mix(251.0, 48.0), mix(255.0, 107.0))
}

fn heatmap<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, d: &ReportData) -> Drawn {
    let (plot, _) = frame(root, &format!("Loaded language per 1,000 words by category and {}", d.group_by), false)?;
    if d.groups.is_empty() || d.categories.is_empty() {
        return no_data(&plot, "loaded language");
    }
    let n = d.groups.len();
    let m = d.categories.len();
    let rates: Vec<Vec<f64>> = d.groups.iter().map(|g| g.categories.iter().map(|c| g.per_1k(*c)).collect()).collect();
    let max = rates.iter().flatten().cloned().fold(0.0, f64::max).max(1e-9);
    let names = labels(&d.groups);
    let fmt = y_label(&names);
    let cats: Vec<String> = d.categories.iter().map(|c| c.replace('_', " ")).collect();
    let xfmt = |v: &SegmentValue<i32>| match v {
        SegmentValue::CenterOf(i) if *i >= 0 && (*i as usize) < cats.len() => cats[*i as usize].clone(),
        _ => String::new(),
    };
    let mut chart = ChartBuilder::on(&plot)
        .margin(20)
        .x_label_area_size(80)
        .y_label_area_size(360)
        .build_cartesian_2d(seg(m).into_segmented(), seg(n).into_segmented())
        .map_err(e)?;
    chart
        .configure_mesh()
        .disable_mesh()
        .x_labels(m)
        .y_labels(n.min(40))
        .x_label_formatter(&xfmt)
        .y_label_formatter(&fmt)
        .x_desc("lexicon category (cell: hits per 1,000 words; darker = more)")
        .label_style((FONT, 19))
        .axis_desc_style((FONT, 24))
        .draw()
        .map_err(e)?;
    let show_values = n * m <= 200;
    for (k, r) in rates.iter().enumerate() {
        let y = row(n, k);
        for (c, v) in r.iter().enumerate() {
            let t = v / max;
            let rect = [
                (SegmentValue::Exact(c as i32), SegmentValue::Exact(y)),
                (SegmentValue::Exact(c as i32 + 1), SegmentValue::Exact(y + 1)),
            ];
            chart.draw_series(std::iter::once(Rectangle::new(rect.clone(), blues(t).filled()))).map_err(e)?;
            chart.draw_series(std::iter::once(Rectangle::new(rect, WHITE.stroke_width(2)))).map_err(e)?;
            if show_values {
                let ink = if t > 0.55 { WHITE } else { BLACK };
                let style = (FONT, 20).into_font().color(&ink).pos(Pos::new(HPos::Center, VPos::Center));
                let at = (SegmentValue::CenterOf(c as i32), SegmentValue::CenterOf(y));
                chart.draw_series(std::iter::once(Text::new(format!("{v:.1}"), at, style))).map_err(e)?;
            }
        }
    }
    Ok(())
}

fn tone<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, d: &ReportData) -> Drawn {
    let (plot, leg) = frame(root, &format!("Tone of sentences by {}", d.group_by), true)?;
    if d.groups.iter().all(|g| g.probs.is_empty()) {
        return no_data(&plot, "scored sentences");
    }
    let n = d.groups.len();
    let names = labels(&d.groups);
    let fmt = y_label(&names);
    let mut chart = ChartBuilder::on(&plot)
        .margin(20)
        .x_label_area_size(70)
        .y_label_area_size(360)
        .build_cartesian_2d(0f32..1f32, seg(n).into_segmented())
        .map_err(e)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .x_desc("sentence probability of propaganda techniques (box: quartiles; whiskers: furthest sentences within 1.5 IQR; dot: tone)")
        .y_labels(n.min(40))
        .y_label_formatter(&fmt)
        .label_style((FONT, 20))
        .axis_desc_style((FONT, 21))
        .draw()
        .map_err(e)?;
    for (k, g) in d.groups.iter().enumerate() {
        if g.probs.is_empty() {
            continue;
        }
        let y = SegmentValue::CenterOf(row(n, k));
        // Tukey box plot drawn by hand: plotters' whiskers end at the fences (q1 - 1.5 IQR,
        // q3 + 1.5 IQR) even where no sentence lies, which for probabilities runs past 0 and 1.
        // Here they end at the most extreme sentences inside the fences.
        let [fence_lo, q1, q2, q3, fence_hi] = Quartiles::new(&g.probs).values();
        let inside = g.probs.iter().map(|&p| p as f32).filter(|&p| p >= fence_lo && p <= fence_hi);
        let lo = inside.clone().fold(q1, f32::min);
        let hi = inside.fold(q3, f32::max);
        let style = colour(0).stroke_width(2);
        let box_px = chart.backend_coord(&(q3, y.clone())).0 - chart.backend_coord(&(q1, y.clone())).0;
        let at = |x: f32| EmptyElement::at((x, y.clone()));
        chart.draw_series(std::iter::once(at(q1) + Rectangle::new([(0, -12), (box_px, 12)], style))).map_err(e)?;
        chart.draw_series(std::iter::once(at(q2) + PathElement::new(vec![(0, -12), (0, 12)], style))).map_err(e)?;
        for (from, to) in [(lo, q1), (q3, hi)] {
            chart
                .draw_series(std::iter::once(PathElement::new(vec![(from, y.clone()), (to, y.clone())], style)))
                .map_err(e)?;
        }
        for x in [lo, hi] {
            chart.draw_series(std::iter::once(at(x) + PathElement::new(vec![(0, -8), (0, 8)], style))).map_err(e)?;
        }
        chart.draw_series(std::iter::once(Circle::new((g.tone as f32, y), 8, colour(5).filled()))).map_err(e)?;
    }
    let items = [("sentences (box plot)".to_string(), colour(0)), ("tone (word-weighted mean)".to_string(), colour(5))];
    legend(&leg.expect("legend area"), "marks", &items)
}

/// Days since 1970-01-01 of a `YYYY-MM-DD` date.
pub fn day_number(s: &str) -> Option<i32> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i32 = s[0..4].parse().ok()?;
    let m: u32 = s[5..7].parse().ok()?;
    let d: u32 = s[8..10].parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // days from civil (proleptic Gregorian)
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i32 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146097 + doe - 719468)
}

/// `YYYY-MM-DD` of a day number.
pub fn date_of(z: i32) -> String {
    let (y, m, d) = crate::output::civil_from_days(z as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

fn over_time<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, d: &ReportData) -> Drawn {
    let (plot, leg) = frame(root, "Loaded language per 1,000 words over time, by outlet", true)?;
    // per outlet and day: (hits, words)
    let mut per: std::collections::BTreeMap<&str, std::collections::BTreeMap<i32, (f64, f64)>> = Default::default();
    let mut sizes: std::collections::BTreeMap<&str, usize> = Default::default();
    for a in &d.articles {
        let Some(day) = day_number(&a.date) else { continue };
        let outlet = if a.outlet.is_empty() { "(no outlet)" } else { a.outlet.as_str() };
        let e = per.entry(outlet).or_default().entry(day).or_default();
        e.0 += a.loaded_own + a.loaded_quoted + a.loaded_reported;
        e.1 += a.words;
        *sizes.entry(outlet).or_default() += 1;
    }
    let mut outlets: Vec<(&str, usize)> = sizes.into_iter().collect();
    outlets.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    outlets.truncate(8);
    let days: Vec<i32> = per.values().flat_map(|m| m.keys().copied()).collect();
    let (lo, hi) = (days.iter().copied().min().unwrap_or(0), days.iter().copied().max().unwrap_or(1));
    let series: Vec<(&str, Vec<(i32, f64)>)> = outlets
        .iter()
        .map(|(o, _)| {
            let pts = per[o].iter().map(|(day, (h, w))| (*day, if *w > 0.0 { h * 1000.0 / w } else { 0.0 })).collect();
            (*o, pts)
        })
        .collect();
    let ymax = series.iter().flat_map(|s| s.1.iter().map(|p| p.1)).fold(0.0, f64::max).max(1.0) * 1.15;
    let pad = ((hi - lo) / 20).max(1);
    let mut chart = ChartBuilder::on(&plot)
        .margin(20)
        .x_label_area_size(70)
        .y_label_area_size(100)
        .build_cartesian_2d(lo - pad..hi + pad, 0f64..ymax)
        .map_err(e)?;
    chart
        .configure_mesh()
        .x_labels(8)
        .x_label_formatter(&|v| date_of(*v))
        .x_desc("date")
        .y_desc("hits per 1,000 words")
        .label_style((FONT, 20))
        .axis_desc_style((FONT, 24))
        .draw()
        .map_err(e)?;
    for (i, (_, pts)) in series.iter().enumerate() {
        let c = colour(i);
        chart.draw_series(LineSeries::new(pts.iter().copied(), c.stroke_width(3))).map_err(e)?;
        chart.draw_series(pts.iter().map(|p| Circle::new(*p, 7, c.filled()))).map_err(e)?;
    }
    let items: Vec<(String, RGBColor)> =
        series.iter().enumerate().map(|(i, (o, _))| (o.to_string(), colour(i))).collect();
    legend(&leg.expect("legend area"), "outlet", &items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_round_trip() {
        for d in ["1970-01-01", "2000-02-29", "2025-12-27", "2026-03-14"] {
            assert_eq!(date_of(day_number(d).unwrap()), d);
        }
        assert_eq!(day_number("1970-01-02"), Some(1));
        assert_eq!(day_number("2026-13-01"), None);
        assert_eq!(day_number("yesterday"), None);
    }

    #[test]
    fn embedded_font_loads() {
        assert!(plotters::style::register_font("slant-test", FontStyle::Normal, FONT_BYTES).is_ok());
    }
}
