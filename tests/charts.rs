//! Charts for print: at the size they are made for, no text under 7 pt and none past the
//! figure's edges; PDF files with the font embedded; each chart's data beside it; the time
//! series by week or month; rows sorted by value or name.

mod common;

use ab_glyph::{Font, FontRef};
use common::*;
use std::fs;
use std::path::{Path, PathBuf};

/// Charts drawn for the example corpus: all of them (it has dates, hits and attributions).
const CHARTS: usize = 10;

static FONT: &[u8] = include_bytes!("../data/fonts/DejaVuSans.ttf");

/// One `<text>` element of a plotters SVG.
#[derive(Debug)]
struct Text {
    x: f64,
    y: f64,
    size: f64,
    anchor: String,
    dy: String,
    text: String,
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = tag[start..].find('"')? + start;
    Some(tag[start..end].to_string())
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'").replace("&amp;", "&")
}

/// The width, height and text elements of an SVG file.
fn svg_texts(svg: &str) -> (f64, f64, Vec<Text>) {
    let head = &svg[..svg.find('>').unwrap()];
    let w: f64 = attr(head, "width").unwrap().parse().unwrap();
    let h: f64 = attr(head, "height").unwrap().parse().unwrap();
    let mut out = Vec::new();
    let mut rest = svg;
    while let Some(i) = rest.find("<text") {
        let tag_end = rest[i..].find('>').unwrap() + i;
        let tag = &rest[i..tag_end];
        let close = rest[tag_end..].find("</text>").unwrap() + tag_end;
        assert!(attr(tag, "transform").is_none(), "no rotated text: {tag}");
        out.push(Text {
            x: attr(tag, "x").unwrap().parse().unwrap(),
            y: attr(tag, "y").unwrap().parse().unwrap(),
            size: attr(tag, "font-size").unwrap().parse().unwrap(),
            anchor: attr(tag, "text-anchor").unwrap_or_else(|| "start".into()),
            dy: attr(tag, "dy").unwrap_or_default(),
            text: unescape(rest[tag_end + 1..close].trim()),
        });
        rest = &rest[close..];
    }
    (w, h, out)
}

/// Width of `text` drawn at `size` pixels per em in DejaVu Sans.
fn text_width(font: &FontRef, text: &str, size: f64) -> f64 {
    let units: f32 = text.chars().map(|c| font.h_advance_unscaled(font.glyph_id(c))).sum();
    units as f64 / font.units_per_em().unwrap() as f64 * size
}

/// Checks every SVG chart in `dir` printed `inches` wide: text at least 7 pt, inside the figure.
fn check_print(dir: &Path, inches: f64) -> usize {
    let font = FontRef::try_from_slice(FONT).unwrap();
    let mut checked = 0;
    for f in fs::read_dir(dir).unwrap() {
        let f = f.unwrap().path();
        if f.extension().is_none_or(|x| x != "svg") {
            continue;
        }
        let svg = fs::read_to_string(&f).unwrap();
        let (w, h, texts) = svg_texts(&svg);
        assert!((w - inches * 300.0).abs() < 1.0, "{}: {w} px wide, made for {inches} in at 300 dpi", f.display());
        // points per pixel when the figure is printed `inches` wide
        let pt = inches * 72.0 / w;
        assert!(!texts.is_empty(), "{}: has text", f.display());
        for t in &texts {
            if t.text.is_empty() {
                continue;
            }
            assert!(t.size * pt >= 7.0 - 1e-9, "{}: {:?} is {:.2} pt", f.display(), t.text, t.size * pt);
            let tw = text_width(&font, &t.text, t.size);
            let (left, right) = match t.anchor.as_str() {
                "middle" => (t.x - tw / 2.0, t.x + tw / 2.0),
                "end" => (t.x - tw, t.x),
                _ => (t.x, t.x + tw),
            };
            let (top, bottom) = match t.dy.as_str() {
                "0.76em" => (t.y, t.y + t.size),
                "-0.5ex" => (t.y - t.size, t.y),
                _ => (t.y - t.size / 2.0, t.y + t.size / 2.0),
            };
            let slack = 1.0;
            assert!(
                left >= -slack && right <= w + slack && top >= -slack && bottom <= h + slack,
                "{}: {:?} at {left:.0}..{right:.0} x {top:.0}..{bottom:.0} is outside {w} x {h}",
                f.display(),
                t.text
            );
        }
        checked += 1;
    }
    checked
}

fn analyzed(dir: &Path) -> PathBuf {
    let out = dir.join("out");
    let o = bin().current_dir(root()).args(["analyze", "data/examples", "-q", "--out"]).arg(&out).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

fn chart(out: &Path, args: &[&str]) {
    let o = bin().arg("chart").arg(out).args(args).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", String::from_utf8_lossy(&o.stderr));
}

#[test]
fn every_chart_prints_at_7_pt_or_more_with_nothing_clipped() {
    let dir = tempfile::tempdir().unwrap();
    let out = analyzed(dir.path());
    assert_eq!(check_print(&out.join("charts"), 6.5), CHARTS, "the page-size charts analyze draws");
    for (size, inches) in [("page", 6.5), ("column", 3.5)] {
        for group_by in ["outlet", "article"] {
            let to = dir.path().join(format!("{size}-{group_by}"));
            let to_s = to.to_str().unwrap();
            chart(&out, &["--size", size, "--group-by", group_by, "--format", "svg", "--out", to_s]);
            assert_eq!(check_print(&to.join("charts"), inches), CHARTS, "{size}, by {group_by}");
        }
    }
    // the long names of many groups
    let by_title = dir.path().join("title");
    chart(&out, &["--group-by", "title", "--size", "column", "--format", "svg", "--out", by_title.to_str().unwrap()]);
    assert_eq!(check_print(&by_title.join("charts"), 3.5), CHARTS);
}

#[test]
fn pdf_files_embed_the_font_and_each_chart_writes_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let out = analyzed(dir.path());
    let to = dir.path().join("pdf");
    chart(&out, &["--format", "pdf", "--out", to.to_str().unwrap()]);
    let charts = to.join("charts");
    for name in ["loaded_own_intervals", "attribution_categories", "top_terms", "tone", "loaded_over_time"] {
        let pdf = fs::read(charts.join(format!("{name}.pdf"))).unwrap();
        assert!(pdf.starts_with(b"%PDF-"), "{name}.pdf is a PDF");
        let has = |s: &[u8]| pdf.windows(s.len()).any(|w| w == s);
        assert!(has(b"FontFile2") && has(b"DejaVuSans"), "{name}.pdf embeds DejaVu Sans");
        assert!(!charts.join(format!("{name}.png")).exists(), "only the formats asked for");
        let (h, rows) = read_csv(&charts.join(format!("{name}.csv")));
        assert_eq!(h, ["group", "articles", "panel", "series", "value", "lo", "hi"]);
        assert!(!rows.is_empty(), "{name}.csv has rows");
    }
    // the own-voice chart's data are groups.csv's own-voice rates and intervals
    let (_, rows) = read_csv(&charts.join("loaded_own_intervals.csv"));
    let groups = column(&to.join("groups.csv"), "group");
    let own = column(&to.join("groups.csv"), "loaded_own_per_1k");
    let lo = column(&to.join("groups.csv"), "loaded_own_per_1k_lo");
    for r in &rows {
        let k = groups.iter().position(|g| *g == r[0]).unwrap();
        let near = |a: &str, b: &str| match (a.parse::<f64>(), b.parse::<f64>()) {
            (Ok(x), Ok(y)) => (x - y).abs() < 0.006,
            _ => a.is_empty() && b.is_empty(),
        };
        assert!(near(&r[4], &own[k]) && near(&r[5], &lo[k]), "{r:?} vs groups.csv {} {}", own[k], lo[k]);
    }
    // asking for PNG again removes the PDF files of the earlier run
    chart(&out, &["--format", "png", "--out", to.to_str().unwrap()]);
    assert!(charts.join("tone.png").is_file() && !charts.join("tone.pdf").exists());
    // an unknown format is an error on the screen
    let o = bin().arg("chart").arg(&out).args(["--format", "png,eps"]).output().unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("unknown chart format 'eps'"));
}

#[test]
fn the_time_series_sums_by_week_or_month_and_rows_sort_by_value_or_name() {
    let dir = tempfile::tempdir().unwrap();
    let out = analyzed(dir.path());
    let to = dir.path().join("weekly");
    chart(&out, &["--by", "week", "--sort", "value", "--format", "svg", "--out", to.to_str().unwrap()]);
    let (_, rows) = read_csv(&to.join("charts/loaded_over_time.csv"));
    // the examples are dated 2026-03-14 to 2026-03-17: the weeks from Monday 03-09 and 03-16
    let mut weeks: Vec<&str> = rows.iter().map(|r| r[2].as_str()).collect();
    weeks.sort_unstable();
    weeks.dedup();
    assert_eq!(weeks, ["2026-03-09", "2026-03-16"]);
    let (_, own) = read_csv(&to.join("charts/loaded_own_intervals.csv"));
    let values: Vec<f64> = own.iter().map(|r| r[4].parse().unwrap()).collect();
    assert!(values.windows(2).all(|w| w[0] >= w[1]), "sorted by value: {values:?}");
    let monthly = dir.path().join("monthly");
    chart(&out, &["--by", "month", "--sort", "name", "--format", "svg", "--out", monthly.to_str().unwrap()]);
    let (_, rows) = read_csv(&monthly.join("charts/loaded_over_time.csv"));
    assert!(rows.iter().all(|r| r[2] == "2026-03"), "one month");
    let (_, own) = read_csv(&monthly.join("charts/loaded_own_intervals.csv"));
    let names: Vec<&str> = own.iter().map(|r| r[0].as_str()).collect();
    let mut sorted = names.clone();
    sorted.sort_unstable();
    assert_eq!(names, sorted, "sorted by name");
}
