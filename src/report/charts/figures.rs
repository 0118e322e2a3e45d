//! What each chart shows, computed once from the report's data: the same values are drawn and
//! written to the chart's CSV file.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::canvas::{font, footnote, legend_below, no_data, px, titled, Size, DESC_PT, LABEL_PT, TITLE_PT};
use super::panels::{self, Panel, Point, Series};
use super::time::{self, TimeSeries};
use super::{colour, e, ChartOptions, Drawn, Sort};
use crate::report::{short, ArticleData, Group, ReportData, Tally};
use crate::stats::ratio_ci;

/// The columns of every chart's CSV file.
pub const TABLE_COLUMNS: &[&str] = &["group", "articles", "panel", "series", "value", "lo", "hi"];

/// One row of a chart's data: a group's value of one measure (`series`) in one `panel`.
#[derive(Debug, Clone, PartialEq)]
pub struct TableRow {
    pub group: String,
    pub articles: usize,
    pub panel: String,
    pub series: String,
    pub value: Option<f64>,
    pub ci: Option<[f64; 2]>,
}

/// The data a chart draws, as written beside it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChartTable {
    pub rows: Vec<TableRow>,
}

impl ChartTable {
    /// Header, then one row per value (empty cells where there is no value or interval).
    pub fn rows(&self) -> Vec<Vec<String>> {
        let num = |v: Option<f64>| v.map(|x| format!("{x:.4}")).unwrap_or_default();
        let mut out = vec![TABLE_COLUMNS.iter().map(|c| c.to_string()).collect::<Vec<_>>()];
        for r in &self.rows {
            out.push(vec![
                r.group.clone(),
                r.articles.to_string(),
                r.panel.clone(),
                r.series.clone(),
                num(r.value),
                num(r.ci.map(|c| c[0])),
                num(r.ci.map(|c| c[1])),
            ]);
        }
        out
    }
}

/// A group's tone: its sentences' quartiles and whisker ends, and its word-weighted tone.
#[derive(Debug, Clone, Copy, PartialEq)]
struct ToneBox {
    lo: f64,
    q1: f64,
    median: f64,
    q3: f64,
    hi: f64,
}

enum Body {
    Panels { rows: Vec<String>, panels: Vec<Panel>, xmax: f64, missing: &'static str },
    Tone { rows: Vec<String>, boxes: Vec<Option<ToneBox>>, tones: Vec<f64> },
    Time(TimeSeries),
    Empty(&'static str),
}

/// A chart ready to draw.
pub struct Figure {
    pub title: String,
    unit: String,
    legend: Vec<(String, RGBColor)>,
    size: Size,
    body: Body,
    table: ChartTable,
}

impl Figure {
    /// The figure's height in pixels: its size's, or more when its rows need more room (at
    /// most three times as much).
    pub fn height(&self) -> u32 {
        let (_, base) = self.size.pixels();
        let frame = px(TITLE_PT) * 1.3 * 2.0
            + px(8.0)
            + px(DESC_PT) * 1.3 * 2.0
            + px(4.0)
            + if self.legend.is_empty() { 0.0 } else { px(LABEL_PT) * 1.5 * 2.0 + px(4.0) };
        let body = match &self.body {
            Body::Panels { rows, panels, .. } => {
                let captions = panels.iter().any(|p| !p.title.is_empty());
                match panels.iter().filter_map(|p| p.rows.as_ref().map(Vec::len)).max() {
                    Some(own) => panels::needed_height(panels.len(), (self.size.columns() / 2).max(1), own, captions),
                    None => panels::needed_height(panels.len(), self.size.columns(), rows.len(), captions),
                }
            }
            Body::Tone { rows, .. } => panels::needed_height(1, 1, rows.len(), false),
            Body::Time(_) | Body::Empty(_) => 0.0,
        };
        ((frame + body).ceil() as u32).clamp(base, base * 3)
    }

    pub fn table(&self) -> ChartTable {
        self.table.clone()
    }

    pub fn draw<DB: DrawingBackend>(&self, root: &DrawingArea<DB, Shift>) -> Drawn {
        let area = titled(root, &self.title)?;
        let area = legend_below(&area, &self.legend)?;
        let area = footnote(&area, &self.unit)?;
        let area = area.margin(0, 0, px(2.0) as u32, 0);
        match &self.body {
            Body::Panels { rows, panels, xmax, missing } => {
                panels::draw(&area, rows, panels, *xmax, self.size, missing)
            }
            Body::Tone { rows, boxes, tones } => draw_tone(&area, rows, boxes, tones),
            Body::Time(t) => time::draw(&area, t),
            Body::Empty(what) => no_data(&area, what),
        }
    }
}

/// The figure `name` (see [`super::NAMES`]), or `None` when there is nothing to draw it from.
pub fn build(name: &str, d: &ReportData, opts: &ChartOptions) -> Option<Figure> {
    let by = d.group_by.as_str();
    match name {
        "loaded_own_intervals" => Some(rates(
            d,
            opts,
            format!("Own-voice loaded language by {by}"),
            "own-voice hits per 1,000 own-voice words (dot: pooled rate; line: 95% interval)",
            vec![(String::new(), vec![Measure::per_1k(|a| (a.loaded_own, a.own_words()))])],
            false,
        )),
        "loaded_voice" => Some(rates(
            d,
            opts,
            format!("Loaded language by voice and {by}"),
            "hits per 1,000 words of each voice (dot: pooled rate; line: 95% interval)",
            vec![(
                String::new(),
                vec![
                    Measure::per_1k(|a| (a.loaded_own, a.own_words())),
                    Measure::per_1k(|a| (a.loaded_quoted, a.quoted_words)),
                    Measure::per_1k(|a| (a.loaded_reported, a.reported_words)),
                ],
            )],
            true,
        )),
        "loaded_categories" => {
            if d.categories.is_empty() {
                return None;
            }
            let panels = (0..d.categories.len())
                .map(|k| {
                    let m =
                        Measure::per_1k(move |a: &ArticleData| (a.categories.get(k).copied().unwrap_or(0.0), a.words));
                    (d.categories[k].replace('_', " "), vec![m])
                })
                .collect();
            Some(rates(
                d,
                opts,
                format!("Loaded language by category and {by}"),
                "hits per 1,000 words (dot: pooled rate; line: 95% interval)",
                panels,
                false,
            ))
        }
        "attribution_categories" => {
            let totals: Vec<f64> =
                (0..d.attr_categories.len()).map(|k| d.articles.iter().map(|a| a.attr[k]).sum()).collect();
            let mut kinds: Vec<usize> = (0..totals.len()).filter(|&k| totals[k] > 0.0).collect();
            if kinds.is_empty() {
                return Some(empty(d, opts, format!("Who is quoted, by {by}"), "attributions"));
            }
            kinds.sort_by(|a, b| totals[*b].total_cmp(&totals[*a]).then(a.cmp(b)));
            kinds.truncate(8);
            let panels = kinds
                .iter()
                .map(|&k| {
                    let m = Measure::share(move |a: &ArticleData| (a.attr[k], a.attr.iter().sum()));
                    (d.attr_categories[k].replace('_', " "), vec![m])
                })
                .collect();
            let mut f = rates(
                d,
                opts,
                format!("Who is quoted: sources by category and {by}"),
                "% of the group's attributions (dot: pooled share; line: 95% interval)",
                panels,
                false,
            );
            if let Body::Panels { missing, .. } = &mut f.body {
                *missing = "no attributions";
            }
            Some(f)
        }
        "attribution_countries" => {
            let countries = d.countries_by_total();
            if countries.is_empty() {
                return Some(empty(
                    d,
                    opts,
                    format!("Sources by country and {by}"),
                    "attributions with a known country",
                ));
            }
            let panels = countries
                .into_iter()
                .take(8)
                .map(|c| {
                    let name = c.clone();
                    let m = Measure::share(move |a: &ArticleData| {
                        let n = a.countries.iter().filter(|x| *x.0 == *c).map(|x| x.1).sum();
                        (n, a.countries.iter().map(|x| x.1).sum())
                    });
                    (name, vec![m])
                })
                .collect();
            let mut f = rates(
                d,
                opts,
                format!("Sources by country and {by}"),
                "% of the group's attributions with a known country (dot: pooled share; line: 95% interval)",
                panels,
                false,
            );
            if let Body::Panels { missing, .. } = &mut f.body {
                *missing = "no country known";
            }
            Some(f)
        }
        "loaded_categories_by_voice" => {
            if d.categories.is_empty() || d.articles.iter().all(|a| a.voice_categories.is_empty()) {
                return None;
            }
            let vc = |a: &ArticleData, k: usize, v: usize| a.voice_categories.get(k).map_or(0.0, |c| f64::from(c[v]));
            let panels = (0..d.categories.len())
                .map(|k| {
                    let measures = vec![
                        Measure::per_1k(move |a: &ArticleData| (vc(a, k, 0), a.own_words())),
                        Measure::per_1k(move |a: &ArticleData| (vc(a, k, 1), a.quoted_words)),
                        Measure::per_1k(move |a: &ArticleData| (vc(a, k, 2), a.reported_words)),
                    ];
                    (d.categories[k].replace('_', " "), measures)
                })
                .collect();
            Some(rates(
                d,
                opts,
                format!("Loaded language by category, voice and {by}"),
                "hits per 1,000 words of each voice (dot: pooled rate; line: 95% interval)",
                panels,
                true,
            ))
        }
        "attribution_official_sources" => {
            let mut totals: std::collections::BTreeMap<(&str, &str), f64> = Default::default();
            for a in &d.articles {
                for (kind, country, n) in &a.sources {
                    if OFFICIAL.contains(&&**kind) && !country.is_empty() {
                        *totals.entry((&**kind, &**country)).or_default() += n;
                    }
                }
            }
            let title = format!("State media and officials by country and {by}");
            if totals.is_empty() {
                return Some(empty(d, opts, title, "official or state sources with a known country"));
            }
            let mut pairs: Vec<((&str, &str), f64)> = totals.into_iter().collect();
            pairs.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            let panels = pairs
                .iter()
                .take(8)
                .map(|((kind, country), _)| {
                    let (k, c) = (kind.to_string(), country.to_string());
                    let name = format!("{}, {c}", k.replace('_', " "));
                    let m = Measure::share(move |a: &ArticleData| {
                        let n = a.sources.iter().filter(|s| *s.0 == *k && *s.1 == *c).map(|s| s.2).sum();
                        (n, a.attr.iter().sum())
                    });
                    (name, vec![m])
                })
                .collect();
            let mut f = rates(
                d,
                opts,
                title,
                "% of the group's attributions (dot: pooled share; line: 95% interval)",
                panels,
                false,
            );
            if let Body::Panels { missing, .. } = &mut f.body {
                *missing = "no attributions";
            }
            Some(f)
        }
        "top_terms" => top_terms(d, opts),
        "tone" => Some(tone(d, opts)),
        "loaded_over_time" => {
            let t = time::series(d, opts.period)?;
            let legend = t.lines.iter().enumerate().map(|(i, l)| (l.outlet.clone(), colour(i))).collect();
            let table = ChartTable { rows: t.table_rows() };
            Some(Figure {
                title: format!("Loaded language over time, by outlet ({})", t.period.label()),
                unit: format!(
                    "hits per 1,000 words, per {} (dot: pooled rate; line: 95% interval over the {}'s articles)",
                    t.period.noun(),
                    t.period.noun()
                ),
                legend,
                size: opts.size,
                body: Body::Time(t),
                table,
            })
        }
        _ => None,
    }
}

/// An article's (count, base) of a measure.
type PerArticle = Box<dyn Fn(&ArticleData) -> (f64, f64)>;

/// A measure of a group: per article a (count, base), pooled over the group's articles.
struct Measure {
    of: PerArticle,
    /// The pooled ratio's multiplier: 1,000 for rates per 1,000 words, 100 for shares in %.
    scale: f64,
}

impl Measure {
    fn per_1k(f: impl Fn(&ArticleData) -> (f64, f64) + 'static) -> Measure {
        Measure { of: Box::new(f), scale: 1000.0 }
    }

    fn share(f: impl Fn(&ArticleData) -> (f64, f64) + 'static) -> Measure {
        Measure { of: Box::new(f), scale: 100.0 }
    }

    /// The group's pooled value and its 95% interval over its articles ([`ratio_ci`]); a share's
    /// interval stays within 0 to 100.
    fn point(&self, d: &ReportData, g: &Group) -> Point {
        let units: Vec<(f64, f64)> = g.members.iter().map(|&i| (self.of)(&d.articles[i])).collect();
        let (n, base) = units.iter().fold((0.0, 0.0), |(a, b), (x, y)| (a + x, b + y));
        if base <= 0.0 {
            return Point::default();
        }
        let ci =
            ratio_ci(&units, self.scale).map(
                |[lo, hi]| {
                    if self.scale == 100.0 {
                        [lo.max(0.0), hi.min(100.0)]
                    } else {
                        [lo, hi]
                    }
                },
            );
        Point { value: Some(n / base * self.scale), ci }
    }
}

/// The groups' row order for `sort`, by the values `key` gives (others last).
fn order(d: &ReportData, sort: Sort, key: impl Fn(usize) -> Option<f64>) -> Vec<usize> {
    let n = d.groups.len();
    let others = if d.merged > 0 { Some(n - 1) } else { None };
    let mut idx: Vec<usize> = (0..n).filter(|i| Some(*i) != others).collect();
    match sort {
        Sort::Size => {}
        Sort::Name => idx.sort_by(|a, b| d.groups[*a].name.cmp(&d.groups[*b].name)),
        Sort::Value => idx.sort_by(|a, b| {
            let (x, y) = (key(*a).unwrap_or(f64::NEG_INFINITY), key(*b).unwrap_or(f64::NEG_INFINITY));
            y.total_cmp(&x).then(a.cmp(b))
        }),
    }
    idx.extend(others);
    idx
}

fn row_names(d: &ReportData, order: &[usize], size: Size) -> Vec<String> {
    order
        .iter()
        .map(|&i| {
            let g = &d.groups[i];
            format!("{} (n={})", short(&g.name, size.label_chars()), g.articles)
        })
        .collect()
}

const VOICES: [&str; 3] = ["own voice", "quoted", "reported"];

/// The kinds of source that speak for a state.
const OFFICIAL: [&str; 5] = ["state_media", "government", "military", "leader", "intelligence"];

/// Each of the first six groups' eight most frequent own-voice terms, per 1,000 own-voice
/// words with 95% intervals; `None` without `hits.csv`.
fn top_terms(d: &ReportData, opts: &ChartOptions) -> Option<Figure> {
    if d.articles.iter().all(|a| a.voice_categories.is_empty()) {
        return None;
    }
    let title = format!("Most frequent loaded terms in the own voice, by {}", d.group_by);
    let rate = |g: &Group| Group::rate(g.loaded_own, g.own_words());
    let groups: Vec<usize> = order(d, opts.sort, |i| Some(rate(&d.groups[i]))).into_iter().take(6).collect();
    let mut table = ChartTable::default();
    let mut panels = Vec::new();
    for &i in &groups {
        let g = &d.groups[i];
        let mut counts: std::collections::BTreeMap<u32, f64> = Default::default();
        for &m in &g.members {
            for (t, n) in &d.articles[m].own_terms {
                *counts.entry(*t).or_default() += f64::from(*n);
            }
        }
        let name = |t: u32| d.terms[t as usize].as_str();
        let mut terms: Vec<(u32, f64)> = counts.into_iter().collect();
        terms.sort_by(|a, b| b.1.total_cmp(&a.1).then(name(a.0).cmp(name(b.0))));
        terms.truncate(8);
        if terms.is_empty() {
            continue;
        }
        let points: Vec<Point> = terms
            .iter()
            .map(|&(t, _)| {
                let m = Measure::per_1k(move |a: &ArticleData| {
                    let n = a.own_terms.iter().find(|x| x.0 == t).map_or(0.0, |x| f64::from(x.1));
                    (n, a.own_words())
                });
                m.point(d, g)
            })
            .collect();
        for ((t, _), p) in terms.iter().zip(&points) {
            table.rows.push(TableRow {
                group: g.name.clone(),
                articles: g.articles,
                panel: g.name.clone(),
                series: name(*t).to_string(),
                value: p.value,
                ci: p.ci,
            });
        }
        panels.push(Panel {
            title: format!("{} (n={})", g.name, g.articles),
            series: vec![Series { name: "own voice".into(), colour: colour(0), points }],
            rows: Some(terms.iter().map(|(t, _)| name(*t).to_string()).collect()),
        });
    }
    if panels.is_empty() {
        return Some(empty(d, opts, title, "own-voice hits"));
    }
    let xmax = panels::x_max(&panels, 1.0);
    Some(Figure {
        title,
        unit: "own-voice hits of the term per 1,000 own-voice words (dot: pooled rate; line: 95% interval)".into(),
        legend: Vec::new(),
        size: opts.size,
        body: Body::Panels { rows: Vec::new(), panels, xmax, missing: "" },
        table,
    })
}

/// Panels of pooled rates or shares, one per (name, measures); several measures in one panel
/// are told apart by colour (`legend`).
fn rates(
    d: &ReportData,
    opts: &ChartOptions,
    title: String,
    unit: &str,
    spec: Vec<(String, Vec<Measure>)>,
    legend: bool,
) -> Figure {
    if d.groups.is_empty() {
        return empty(d, opts, title, "articles");
    }
    let points: Vec<Vec<Vec<Point>>> = spec
        .iter()
        .map(|(_, ms)| ms.iter().map(|m| d.groups.iter().map(|g| m.point(d, g)).collect()).collect())
        .collect();
    let rows = order(d, opts.sort, |i| points[0][0][i].value);
    let default_series = unit.split(" (").next().unwrap_or(unit);
    let mut table = ChartTable::default();
    let panels: Vec<Panel> = spec
        .iter()
        .zip(&points)
        .map(|((title, _), pts)| Panel {
            title: title.clone(),
            rows: None,
            series: pts
                .iter()
                .enumerate()
                .map(|(s, p)| {
                    // the measure: a voice, or the panel's own name (a single panel's is the figure's)
                    let series = match (legend, title.is_empty()) {
                        (true, _) => VOICES.get(s).copied().unwrap_or("").to_string(),
                        (false, true) => default_series.to_string(),
                        (false, false) => title.clone(),
                    };
                    for &i in &rows {
                        table.rows.push(TableRow {
                            group: d.groups[i].name.clone(),
                            articles: d.groups[i].articles,
                            panel: title.clone(),
                            series: series.clone(),
                            value: p[i].value,
                            ci: p[i].ci,
                        });
                    }
                    Series {
                        name: series,
                        colour: if legend { colour(s) } else { colour(0) },
                        points: rows.iter().map(|&i| p[i]).collect(),
                    }
                })
                .collect(),
        })
        .collect();
    let shares = spec.iter().all(|(_, ms)| ms.iter().all(|m| m.scale == 100.0));
    let xmax = if shares { panels::x_max(&panels, 10.0).min(100.0) } else { panels::x_max(&panels, 1.0) };
    let legend_items =
        if legend { (0..VOICES.len()).map(|s| (VOICES[s].to_string(), colour(s))).collect() } else { Vec::new() };
    Figure {
        title,
        unit: unit.to_string(),
        legend: legend_items,
        size: opts.size,
        body: Body::Panels { rows: row_names(d, &rows, opts.size), panels, xmax, missing: "no words" },
        table,
    }
}

fn empty(_d: &ReportData, opts: &ChartOptions, title: String, what: &'static str) -> Figure {
    Figure {
        title,
        unit: String::new(),
        legend: Vec::new(),
        size: opts.size,
        body: Body::Empty(what),
        table: ChartTable::default(),
    }
}

/// Quartiles and whisker ends (the furthest values within 1.5 IQR of the box).
fn tone_box(probs: &Tally) -> Option<ToneBox> {
    if probs.is_empty() {
        return None;
    }
    let n = probs.len();
    let q = |p: f64| {
        let x = p * (n - 1) as f64;
        let (i, f) = (x.floor() as usize, x.fract());
        let v = probs.nth(i);
        v + (probs.nth((i + 1).min(n - 1)) - v) * f
    };
    let (q1, median, q3) = (q(0.25), q(0.5), q(0.75));
    let fence = 1.5 * (q3 - q1);
    let inside = probs.distinct().filter(|&p| p >= q1 - fence && p <= q3 + fence);
    let lo = inside.clone().fold(q1, f64::min);
    let hi = inside.fold(q3, f64::max);
    Some(ToneBox { lo, q1, median, q3, hi })
}

fn tone(d: &ReportData, opts: &ChartOptions) -> Figure {
    let title = format!("Tone of sentences by {}", d.group_by);
    if d.groups.iter().all(|g| g.probs.is_empty()) {
        return empty(d, opts, title, "scored sentences");
    }
    let rows = order(d, opts.sort, |i| Some(d.groups[i].tone));
    let boxes: Vec<Option<ToneBox>> = rows.iter().map(|&i| tone_box(&d.groups[i].probs)).collect();
    let tones: Vec<f64> = rows.iter().map(|&i| d.groups[i].tone).collect();
    let mut table = ChartTable::default();
    for (k, &i) in rows.iter().enumerate() {
        let g = &d.groups[i];
        let mut push = |series: &str, value: Option<f64>| {
            table.rows.push(TableRow {
                group: g.name.clone(),
                articles: g.articles,
                panel: "tone".into(),
                series: series.into(),
                value,
                ci: None,
            })
        };
        let b = boxes[k];
        push("whisker_lo", b.map(|b| b.lo));
        push("q1", b.map(|b| b.q1));
        push("median", b.map(|b| b.median));
        push("q3", b.map(|b| b.q3));
        push("whisker_hi", b.map(|b| b.hi));
        push("tone", Some(g.tone));
    }
    Figure {
        title,
        unit: "sentence probability of propaganda techniques (box: quartiles; whiskers: within 1.5 IQR)".into(),
        legend: vec![("sentences".into(), colour(0)), ("tone (word-weighted mean)".into(), colour(5))],
        size: opts.size,
        body: Body::Tone { rows: row_names(d, &rows, opts.size), boxes, tones },
        table,
    }
}

fn draw_tone<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    rows: &[String],
    boxes: &[Option<ToneBox>],
    tones: &[f64],
) -> Drawn {
    let n = rows.len().max(1);
    let (w, _) = area.dim_in_pixel();
    let (rows, label_w) = panels::row_labels(area, rows, w * 2 / 5);
    let names = |v: &SegmentValue<i32>| match v {
        SegmentValue::CenterOf(k) if *k >= 0 && (*k as usize) < n => {
            rows.get(n - 1 - *k as usize).cloned().unwrap_or_default()
        }
        _ => String::new(),
    };
    let mut chart = ChartBuilder::on(area)
        .margin_right(px(8.0) as u32)
        .margin_top(px(3.0) as u32)
        .x_label_area_size((px(LABEL_PT) * 1.9) as u32)
        .y_label_area_size(label_w)
        .build_cartesian_2d(0f64..1f64, (0..n as i32 - 1).into_segmented())
        .map_err(e)?;
    chart
        .configure_mesh()
        .disable_y_mesh()
        .light_line_style(TRANSPARENT)
        .bold_line_style(BLACK.mix(0.12))
        .x_labels(6)
        .y_labels(n)
        .x_label_formatter(&|v| format!("{v:.1}"))
        .y_label_formatter(&names)
        .label_style(font(LABEL_PT))
        .draw()
        .map_err(e)?;
    let band = (chart.backend_coord(&(0.0, SegmentValue::Exact(0))).1
        - chart.backend_coord(&(0.0, SegmentValue::Exact(1))).1)
        .abs();
    let half = (band as f64 * 0.3).min(px(4.0)) as i32;
    let style = colour(0).stroke_width(px(0.8) as u32);
    for (k, b) in boxes.iter().enumerate() {
        let y = SegmentValue::CenterOf((n - 1 - k) as i32);
        let at = |x: f64| EmptyElement::at((x, y.clone()));
        if let Some(b) = b {
            let box_px = chart.backend_coord(&(b.q3, y.clone())).0 - chart.backend_coord(&(b.q1, y.clone())).0;
            chart
                .draw_series(std::iter::once(at(b.q1) + Rectangle::new([(0, -half), (box_px, half)], style)))
                .map_err(e)?;
            chart
                .draw_series(std::iter::once(at(b.median) + PathElement::new(vec![(0, -half), (0, half)], style)))
                .map_err(e)?;
            for (from, to) in [(b.lo, b.q1), (b.q3, b.hi)] {
                chart
                    .draw_series(std::iter::once(PathElement::new(vec![(from, y.clone()), (to, y.clone())], style)))
                    .map_err(e)?;
            }
            for x in [b.lo, b.hi] {
                let tick = at(x) + PathElement::new(vec![(0, -half / 2), (0, half / 2)], style);
                chart.draw_series(std::iter::once(tick)).map_err(e)?;
            }
        }
        let dot = at(tones[k]) + Circle::new((0, 0), (half / 2).max(3), colour(5).filled());
        chart.draw_series(std::iter::once(dot)).map_err(e)?;
    }
    Ok(())
}
