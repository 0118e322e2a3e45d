//! Dot and whisker small multiples: one row per group, one panel per measure (a lexicon
//! category, a kind of source, a country, a voice), each point its pooled value and 95% interval
//! over the group's articles. Every rate and share slant charts is drawn this way.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::canvas::{fit, font, px, shorten, width, Size, DESC_PT, LABEL_PT, MIN_PT};
use super::{e, Drawn};

/// A value and its 95% interval; `None` where the group has nothing to measure it on (no
/// attributions for a share of attributions, no quoted words for a quoted rate).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Point {
    pub value: Option<f64>,
    pub ci: Option<[f64; 2]>,
}

/// One measure drawn in a panel: a point per row.
#[derive(Debug, Clone)]
pub struct Series {
    pub name: String,
    pub colour: RGBColor,
    pub points: Vec<Point>,
}

/// One panel of the grid.
#[derive(Debug, Clone)]
pub struct Panel {
    pub title: String,
    pub series: Vec<Series>,
    /// The panel's own rows (top first) where panels do not share them (each outlet's top
    /// terms); `None`: the figure's rows.
    pub rows: Option<Vec<String>>,
}

/// The largest value or interval end of `panels` (at least `floor`), with some room.
pub fn x_max(panels: &[Panel], floor: f64) -> f64 {
    let top = panels
        .iter()
        .flat_map(|p| p.series.iter().flat_map(|s| s.points.iter()))
        .map(|p| p.ci.map_or(p.value.unwrap_or(0.0), |[_, hi]| hi.max(p.value.unwrap_or(0.0))))
        .fold(0.0, f64::max);
    (top * 1.08).max(floor)
}

fn tick(v: f64, xmax: f64) -> String {
    if xmax >= 10.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// `rows` fitted into at most `max` pixels each, and the width of the widest with a gap.
pub fn row_labels<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, rows: &[String], max: u32) -> (Vec<String>, u32) {
    let gap = px(4.0) as u32;
    let room = max.saturating_sub(gap);
    // a name too long is shortened, its number of articles kept
    let fitted: Vec<String> = rows
        .iter()
        .map(|r| match r.rfind(" (n=") {
            Some(i) if width(area, r, LABEL_PT) > room => {
                let rest = room.saturating_sub(width(area, &r[i..], LABEL_PT));
                shorten(area, &format!("{}{}", shorten(area, &r[..i], LABEL_PT, rest), &r[i..]), LABEL_PT, room)
            }
            _ => shorten(area, r, LABEL_PT, room),
        })
        .collect();
    let widest = fitted.iter().map(|r| width(area, r, LABEL_PT)).max().unwrap_or(0);
    (fitted, (widest + gap).min(max))
}

/// Rows of text at [`LABEL_PT`] with room between them: the pixels one row of a chart needs.
pub fn row_height() -> f64 {
    px(LABEL_PT) * 1.35
}

/// The height `panels` need in a grid of `cols` with `rows` rows each: a caption, the x axis
/// and a row height per row.
pub fn needed_height(panels: usize, cols: usize, rows: usize, captions: bool) -> f64 {
    let grid_rows = panels.div_ceil(cols.max(1)).max(1) as f64;
    let caption = if captions { px(DESC_PT) * 1.6 } else { 0.0 };
    grid_rows * (caption + px(LABEL_PT) * 1.9 + px(3.0) + rows.max(1) as f64 * row_height())
}

/// Draws `panels` in a grid on `area`, rows named by `rows` (top first), x from 0 to `xmax`;
/// a row with no value in a panel says `missing` there.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    rows: &[String],
    panels: &[Panel],
    xmax: f64,
    size: Size,
    missing: &str,
) -> Drawn {
    let own_rows = panels.iter().any(|p| p.rows.is_some());
    // panels with rows of their own need room for their labels: half as many side by side
    let cols = panels.len().clamp(1, if own_rows { (size.columns() / 2).max(1) } else { size.columns() });
    let grid_rows = panels.len().div_ceil(cols).max(1);
    let (w, h) = area.dim_in_pixel();
    let (shared, label_w) = if own_rows { (Vec::new(), 0) } else { row_labels(area, rows, w * 2 / 5) };
    // half the widest tick label past each panel's right end, so that none runs into the next
    let right = (width(area, &tick(xmax, xmax), LABEL_PT) / 2 + px(3.0) as u32).max(px(6.0) as u32);
    let panel_w = (w.saturating_sub(label_w + right)) / cols as u32;
    let xs: Vec<i32> = (1..cols).map(|c| (label_w + panel_w * c as u32) as i32).collect();
    let ys: Vec<i32> = (1..grid_rows).map(|r| (h as usize * r / grid_rows) as i32).collect();
    let cells = area.split_by_breakpoints(xs, ys);
    let x_area = (px(LABEL_PT) * 1.9) as u32;
    for (i, panel) in panels.iter().enumerate() {
        let cell = &cells[(i / cols) * cols + i % cols];
        let (cw, _) = cell.dim_in_pixel();
        let (rows, y_area, first) = match &panel.rows {
            Some(own) => {
                let (labels, lw) = row_labels(cell, own, cw * 11 / 20);
                (labels, lw, true)
            }
            None if i % cols == 0 => (shared.clone(), label_w, true),
            None => (shared.clone(), px(3.0) as u32, false),
        };
        let n = rows.len().max(1);
        let mut builder = ChartBuilder::on(cell);
        builder.margin_top(px(3.0) as u32).margin_right(right);
        if !panel.title.is_empty() {
            let (title, pt) = fit(cell, &panel.title, DESC_PT, cw.saturating_sub(y_area + px(4.0) as u32));
            builder.caption(title, font(pt));
        }
        let mut chart = builder
            .x_label_area_size(x_area)
            .y_label_area_size(y_area)
            .build_cartesian_2d(0f64..xmax, (0..n as i32 - 1).into_segmented())
            .map_err(e)?;
        let names = |v: &SegmentValue<i32>| match v {
            SegmentValue::CenterOf(k) if first && *k >= 0 && (*k as usize) < n => {
                rows.get(n - 1 - *k as usize).cloned().unwrap_or_default()
            }
            _ => String::new(),
        };
        let ticks = |v: &f64| tick(*v, xmax);
        chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(TRANSPARENT)
            .bold_line_style(BLACK.mix(0.12))
            .x_labels(if cw < px(1.6) as u32 { 3 } else { 4 })
            .y_labels(n)
            .x_label_formatter(&ticks)
            .y_label_formatter(&names)
            .label_style(font(LABEL_PT))
            .draw()
            .map_err(e)?;
        let k = panel.series.len().max(1) as f64;
        let band = (chart.backend_coord(&(0.0, SegmentValue::Exact(0))).1
            - chart.backend_coord(&(0.0, SegmentValue::Exact(1))).1)
            .abs() as f64;
        let step = (band * 0.7 / k).min(px(4.0));
        let radius = (px(2.0)).min(band * 0.3 / k.max(1.0)).max(2.0) as i32;
        for (s, series) in panel.series.iter().enumerate() {
            let dy = ((s as f64 - (k - 1.0) / 2.0) * step) as i32;
            let style = series.colour.stroke_width(px(0.8).max(1.0) as u32);
            for (row, p) in series.points.iter().enumerate().take(n) {
                let y = SegmentValue::CenterOf((n - 1 - row) as i32);
                let at = |x: f64| EmptyElement::at((x, y.clone()));
                let Some(v) = p.value else {
                    if s == 0 {
                        let grey = RGBColor(110, 110, 110);
                        let note = font(MIN_PT).color(&grey).pos(Pos::new(HPos::Left, VPos::Center));
                        chart
                            .draw_series(std::iter::once(at(0.0) + Text::new(missing.to_string(), (6, dy), note)))
                            .map_err(e)?;
                    }
                    continue;
                };
                if let Some([lo, hi]) = p.ci {
                    let len = chart.backend_coord(&(hi, y.clone())).0 - chart.backend_coord(&(lo, y.clone())).0;
                    let bar = at(lo) + PathElement::new(vec![(0, dy), (len, dy)], style);
                    chart.draw_series(std::iter::once(bar)).map_err(e)?;
                }
                chart
                    .draw_series(std::iter::once(at(v) + Circle::new((0, dy), radius, series.colour.filled())))
                    .map_err(e)?;
            }
        }
    }
    Ok(())
}
