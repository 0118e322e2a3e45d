//! The time series: loaded language per outlet and period (day, week or month), each point
//! with its 95% interval over the period's articles, joined only between adjacent periods.

use std::collections::BTreeMap;

use plotters::coord::Shift;
use plotters::prelude::*;

use super::canvas::{font, px, width, LABEL_PT};
use super::figures::TableRow;
use super::panels::Point;
use super::{colour, e, Drawn};
use crate::report::ReportData;
use crate::stats::ratio_ci;

/// Days since 1970-01-01 of a `YYYY-MM-DD` date; none for a day the month does not have
/// (`2025-02-29`, `2026-04-31`).
pub fn day_number(s: &str) -> Option<i32> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i32 = s[0..4].parse().ok()?;
    let m: u32 = s[5..7].parse().ok()?;
    let d: u32 = s[8..10].parse().ok()?;
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days_in_month = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if !(1..=days_in_month).contains(&d) {
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

/// The period a time series sums articles over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Day,
    /// Weeks from Monday.
    Week,
    Month,
}

impl Period {
    pub fn parse(s: &str) -> Option<Period> {
        match s {
            "day" => Some(Period::Day),
            "week" => Some(Period::Week),
            "month" => Some(Period::Month),
            _ => None,
        }
    }

    /// The period for dates spanning `days`: days up to two months, weeks up to a year,
    /// months beyond.
    pub fn for_span(days: i32) -> Period {
        if days <= 62 {
            Period::Day
        } else if days <= 366 {
            Period::Week
        } else {
            Period::Month
        }
    }

    pub fn noun(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Period::Day => "daily",
            Period::Week => "weekly",
            Period::Month => "monthly",
        }
    }

    /// The period's index (consecutive periods differ by 1) of a day number.
    pub fn index(self, day: i32) -> i32 {
        match self {
            Period::Day => day,
            // 1970-01-01 was a Thursday: day 4 is the first Monday
            Period::Week => (day - 4).div_euclid(7),
            Period::Month => {
                let (y, m, _) = crate::output::civil_from_days(day as i64);
                y as i32 * 12 + m as i32 - 1
            }
        }
    }

    /// The first day of period `i`, written as the axis and the CSV name it.
    pub fn name(self, i: i32) -> String {
        match self {
            Period::Day => date_of(i),
            Period::Week => date_of(i * 7 + 4),
            Period::Month => format!("{:04}-{:02}", i.div_euclid(12), i.rem_euclid(12) + 1),
        }
    }
}

/// One outlet's points: (period index, articles, point).
#[derive(Debug, Clone)]
pub struct Line {
    pub outlet: String,
    pub points: Vec<(i32, usize, Point)>,
}

/// The series of the largest outlets.
#[derive(Debug, Clone)]
pub struct TimeSeries {
    pub period: Period,
    pub lines: Vec<Line>,
}

impl TimeSeries {
    pub fn table_rows(&self) -> Vec<TableRow> {
        self.lines
            .iter()
            .flat_map(|l| {
                l.points.iter().map(|(i, n, p)| TableRow {
                    group: l.outlet.clone(),
                    articles: *n,
                    panel: self.period.name(*i),
                    series: "loaded per 1,000 words".into(),
                    value: p.value,
                    ci: p.ci,
                })
            })
            .collect()
    }
}

/// Each period's articles as (hits, words).
type Periods = BTreeMap<i32, Vec<(f64, f64)>>;

/// The series of the 8 outlets with most dated articles, by `period` (or one chosen from the
/// dates' span); `None` with fewer than two distinct dates.
pub fn series(d: &ReportData, period: Option<Period>) -> Option<TimeSeries> {
    let days: Vec<i32> = d.articles.iter().filter_map(|a| day_number(&a.date)).collect();
    let (lo, hi) = (days.iter().min()?, days.iter().max()?);
    if lo == hi {
        return None;
    }
    let period = period.unwrap_or_else(|| Period::for_span(hi - lo));
    // per outlet and period: each article's (hits, words)
    let mut per: BTreeMap<&str, Periods> = BTreeMap::new();
    for a in &d.articles {
        let Some(day) = day_number(&a.date) else { continue };
        let outlet = if a.outlet.is_empty() { "(no outlet)" } else { &a.outlet };
        per.entry(outlet)
            .or_default()
            .entry(period.index(day))
            .or_default()
            .push((a.loaded_own + a.loaded_quoted + a.loaded_reported, a.words));
    }
    let mut outlets: Vec<(&str, usize)> = per.iter().map(|(o, m)| (*o, m.values().map(Vec::len).sum())).collect();
    outlets.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    outlets.truncate(8);
    let lines = outlets
        .iter()
        .map(|(o, _)| Line {
            outlet: o.to_string(),
            points: per[o]
                .iter()
                .map(|(i, units)| {
                    let (n, w) = units.iter().fold((0.0, 0.0), |(a, b), (x, y)| (a + x, b + y));
                    let value = if w > 0.0 { Some(n * 1000.0 / w) } else { None };
                    (*i, units.len(), Point { value, ci: ratio_ci(units, 1000.0) })
                })
                .collect(),
        })
        .collect();
    Some(TimeSeries { period, lines })
}

pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, t: &TimeSeries) -> Drawn {
    let idx: Vec<i32> = t.lines.iter().flat_map(|l| l.points.iter().map(|p| p.0)).collect();
    let (lo, hi) = (idx.iter().copied().min().unwrap_or(0), idx.iter().copied().max().unwrap_or(1));
    let pad = ((hi - lo) / 30).max(1);
    let ymax = t
        .lines
        .iter()
        .flat_map(|l| l.points.iter().map(|p| p.2.ci.map_or(p.2.value.unwrap_or(0.0), |c| c[1])))
        .fold(0.0, f64::max)
        .max(1.0)
        * 1.08;
    let (w, _) = area.dim_in_pixel();
    // as many date labels as fit side by side
    let label_w = width(area, &t.period.name(hi), LABEL_PT) as f64 + px(10.0);
    let y_area = width(area, &format!("{ymax:.0}"), LABEL_PT) + px(6.0) as u32;
    let fit = (((w as f64 - y_area as f64 - px(10.0)) / label_w).floor() as usize).clamp(2, 12);
    let span = (hi - lo + 1) as usize;
    // half a date label of room past both ends of the axis
    let mut chart = ChartBuilder::on(area)
        .margin_right((label_w / 2.0) as u32)
        .margin_left((label_w / 2.0 - y_area as f64).max(0.0) as u32)
        .margin_top(px(3.0) as u32)
        .x_label_area_size((px(LABEL_PT) * 1.9) as u32)
        .y_label_area_size(y_area)
        .build_cartesian_2d(lo - pad..hi + pad, 0f64..ymax)
        .map_err(e)?;
    let period = t.period;
    // no label on the padding past the first and last periods
    let label = move |v: &i32| if (lo..=hi).contains(v) { period.name(*v) } else { String::new() };
    chart
        .configure_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(BLACK.mix(0.12))
        .x_labels(fit.min(span))
        .y_labels(6)
        .x_label_formatter(&label)
        .y_label_formatter(&|v| format!("{v:.0}"))
        .label_style(font(LABEL_PT))
        .draw()
        .map_err(e)?;
    let stroke = px(0.8).max(1.0) as u32;
    for (k, line) in t.lines.iter().enumerate() {
        let c = colour(k);
        let pts: Vec<(i32, f64, Option<[f64; 2]>)> =
            line.points.iter().filter_map(|(i, _, p)| p.value.map(|v| (*i, v, p.ci))).collect();
        // joined only where periods are adjacent: a gap in the dates is a gap in the line
        for pair in pts.windows(2) {
            if pair[1].0 - pair[0].0 == 1 {
                let seg = vec![(pair[0].0, pair[0].1), (pair[1].0, pair[1].1)];
                chart.draw_series(std::iter::once(PathElement::new(seg, c.stroke_width(stroke)))).map_err(e)?;
            }
        }
        for (i, v, ci) in &pts {
            if let Some([l, h]) = ci {
                let bar = PathElement::new(vec![(*i, *l), (*i, *h)], c.mix(0.6).stroke_width(stroke));
                chart.draw_series(std::iter::once(bar)).map_err(e)?;
            }
            chart.draw_series(std::iter::once(Circle::new((*i, *v), px(1.8) as i32, c.filled()))).map_err(e)?;
        }
    }
    Ok(())
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
        assert_eq!(day_number("2026-13-45"), None);
        assert_eq!(day_number("2025-02-29"), None);
        assert_eq!(day_number("2026-04-31"), None);
        assert_eq!(day_number("2024-02-29").map(date_of).as_deref(), Some("2024-02-29"));
        assert_eq!(day_number("2000-02-29").map(date_of).as_deref(), Some("2000-02-29"));
        assert_eq!(day_number("1900-02-29"), None);
        assert_eq!(day_number("yesterday"), None);
    }

    #[test]
    fn periods_start_on_mondays_and_first_days() {
        let day = |s: &str| day_number(s).unwrap();
        // 2026-03-09 is a Monday; the 15th a Sunday of the same week
        let w = Period::Week.index(day("2026-03-09"));
        assert_eq!(Period::Week.index(day("2026-03-15")), w);
        assert_eq!(Period::Week.index(day("2026-03-16")), w + 1);
        assert_eq!(Period::Week.name(w), "2026-03-09");
        let m = Period::Month.index(day("2025-12-31"));
        assert_eq!(Period::Month.index(day("2026-01-01")), m + 1);
        assert_eq!(Period::Month.name(m + 1), "2026-01");
        assert_eq!(Period::for_span(30), Period::Day);
        assert_eq!(Period::for_span(200), Period::Week);
        assert_eq!(Period::for_span(900), Period::Month);
    }
}
