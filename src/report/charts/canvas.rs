//! Figure sizes, fonts and the pieces every chart shares: the title, a legend that flows below
//! the plot, and text fitted to the room it has.
//!
//! Sizes are in inches at 300 dpi and fonts in points at that size, so a figure printed at its
//! width keeps its text at 8 to 9.5 pt, and never under [`MIN_PT`]. Text that would not fit
//! is first set smaller (down to [`MIN_PT`]) and only then shortened with an ellipsis; nothing is
//! drawn past the figure's edges.

use std::sync::Once;

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::{e, Drawn};

/// Dots per inch of the PNG files; SVG and PDF files are this size in pixels.
pub const DPI: f64 = 300.0;
/// The smallest text of any chart, in points at the figure's size.
pub const MIN_PT: f64 = 7.0;
pub const FONT: &str = "sans-serif";

static FONT_BYTES: &[u8] = include_bytes!("../../../data/fonts/DejaVuSans.ttf");

/// The embedded font (DejaVu Sans), for the PDF files.
pub fn font_bytes() -> &'static [u8] {
    FONT_BYTES
}

pub fn register_font() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        // The font is embedded and tested; a failure would only mean missing text in charts.
        let _ = plotters::style::register_font(FONT, FontStyle::Normal, FONT_BYTES);
        let _ = plotters::style::register_font(FONT, FontStyle::Bold, FONT_BYTES);
    });
}

/// The size a figure is made for.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Size {
    /// A page's text width: 6.5 x 4 in.
    #[default]
    Page,
    /// One column of a two-column page: 3.5 x 3.2 in.
    Column,
}

impl Size {
    pub fn parse(s: &str) -> Option<Size> {
        match s {
            "page" => Some(Size::Page),
            "column" => Some(Size::Column),
            _ => None,
        }
    }

    /// Width and height in inches.
    pub fn inches(self) -> (f64, f64) {
        match self {
            Size::Page => (6.5, 4.0),
            Size::Column => (3.5, 3.2),
        }
    }

    /// Width and height in pixels at [`DPI`].
    pub fn pixels(self) -> (u32, u32) {
        let (w, h) = self.inches();
        ((w * DPI).round() as u32, (h * DPI).round() as u32)
    }

    /// How many characters a group's name keeps on an axis.
    pub fn label_chars(self) -> usize {
        match self {
            Size::Page => 26,
            Size::Column => 16,
        }
    }

    /// Panels side by side in a grid of small multiples.
    pub fn columns(self) -> usize {
        match self {
            Size::Page => 4,
            Size::Column => 2,
        }
    }
}

/// Pixels of `pt` points at [`DPI`].
pub fn px(pt: f64) -> f64 {
    pt * DPI / 72.0
}

/// plotters draws a font of size `s` at `s / 1.24` pixels per em: the size that draws `pt`
/// points.
fn plotters_size(pt: f64) -> f64 {
    px(pt) * 1.24
}

/// The text sizes of every chart, in points.
pub const TITLE_PT: f64 = 9.5;
pub const LABEL_PT: f64 = 8.0;
pub const DESC_PT: f64 = 8.5;

pub fn font(pt: f64) -> TextStyle<'static> {
    (FONT, plotters_size(pt)).into_font().color(&BLACK)
}

/// Width in pixels of `text` at `pt` points, as plotters lays it out (a little wider than
/// drawn, so what fits here fits on the figure).
pub fn width<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, text: &str, pt: f64) -> u32 {
    area.estimate_text_size(text, &font(pt)).map(|s| s.0).unwrap_or((text.chars().count() as f64 * px(pt)) as u32)
}

/// `text` at `pt` points, set smaller (down to [`MIN_PT`]) and then shortened until it is at
/// most `room` pixels wide.
pub fn fit<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, text: &str, pt: f64, room: u32) -> (String, f64) {
    let mut size = pt;
    while size > MIN_PT && width(area, text, size) > room {
        size = (size - 0.5).max(MIN_PT);
    }
    (shorten(area, text, size, room), size)
}

/// `text` shortened with an ellipsis until it is at most `room` pixels wide at `pt` points.
pub fn shorten<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, text: &str, pt: f64, room: u32) -> String {
    let mut t = text.to_string();
    let mut keep = text.chars().count();
    while keep > 1 && width(area, &t, pt) > room {
        keep -= 1;
        t = super::super::short(text, keep);
    }
    t
}

/// `text` broken into at most `max_lines` lines of at most `room` pixels at `pt` points (the
/// last line fitted by [`fit`] if words remain).
pub fn wrap<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
    pt: f64,
    room: u32,
    max_lines: usize,
) -> (Vec<String>, f64) {
    let mut lines: Vec<String> = Vec::new();
    let mut words = text.split_whitespace().peekable();
    while words.peek().is_some() {
        if lines.len() + 1 == max_lines {
            let rest: Vec<&str> = words.by_ref().collect();
            let (last, size) = fit(area, &rest.join(" "), pt, room);
            lines.push(last);
            return (lines, size);
        }
        let mut line = String::new();
        while let Some(w) = words.peek() {
            let next = if line.is_empty() { w.to_string() } else { format!("{line} {w}") };
            if !line.is_empty() && width(area, &next, pt) > room {
                break;
            }
            line = next;
            words.next();
        }
        lines.push(line);
    }
    if let Some(last) = lines.pop() {
        // a single word wider than the room
        let (last, size) = fit(area, &last, pt, room);
        lines.push(last);
        return (lines, size);
    }
    (lines, pt)
}

/// Lines of text centred in `area` from `top`, `line` pixels apart.
fn centred_lines<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, lines: &[String], pt: f64, top: i32) -> Drawn {
    let (w, _) = area.dim_in_pixel();
    let line = (px(pt) * 1.3) as i32;
    for (i, l) in lines.iter().enumerate() {
        let style = font(pt).pos(Pos::new(HPos::Center, VPos::Top));
        area.draw_text(l, &style, (w as i32 / 2, top + i as i32 * line)).map_err(e)?;
    }
    Ok(())
}

/// Fills the figure and writes its title (on two lines if need be): returns the area below it.
pub fn titled<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    title: &str,
) -> Result<DrawingArea<DB, Shift>, String> {
    root.fill(&WHITE).map_err(e)?;
    let (w, _) = root.dim_in_pixel();
    let margin = px(4.0) as u32;
    let (lines, pt) = wrap(root, title, TITLE_PT, w.saturating_sub(2 * margin), 2);
    centred_lines(root, &lines, pt, margin as i32)?;
    let top = (px(pt) * 1.3) as u32 * lines.len() as u32 + margin * 2;
    Ok(root.margin(top, 0, 0, 0))
}

/// A legend of coloured marks in rows below the plot: splits `area` into the plot and the
/// legend (none when `items` is empty).
pub fn legend_below<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    items: &[(String, RGBColor)],
) -> Result<DrawingArea<DB, Shift>, String> {
    if items.is_empty() {
        return Ok(area.clone());
    }
    let (w, h) = area.dim_in_pixel();
    let line = (px(LABEL_PT) * 1.5) as i32;
    let mark = (px(LABEL_PT) * 0.9) as i32;
    let gap = (px(LABEL_PT) * 1.2) as i32;
    let pad = px(4.0) as i32;
    // lay the items out in rows first, to know the legend's height
    let mut placed: Vec<(i32, i32, String, RGBColor)> = Vec::new();
    let (mut x, mut y) = (pad, 0);
    let room = w as i32 - 2 * pad;
    for (name, c) in items {
        let (text, _) = fit(area, name, LABEL_PT, (room - mark - gap / 2).max(1) as u32);
        let item_w = mark + gap / 3 + width(area, &text, LABEL_PT) as i32;
        if x > pad && x + item_w > pad + room {
            x = pad;
            y += line;
        }
        placed.push((x, y, text, *c));
        x += item_w + gap;
    }
    let height = (y + line + pad) as u32;
    let (plot, leg) = area.split_vertically(h.saturating_sub(height));
    for (x, y, text, c) in placed {
        let top = y + pad / 2 + (line - mark) / 2;
        leg.draw(&Rectangle::new([(x, top), (x + mark, top + mark)], c.filled())).map_err(e)?;
        let style = font(LABEL_PT).pos(Pos::new(HPos::Left, VPos::Center));
        leg.draw_text(&text, &style, (x + mark + gap / 3, top + mark / 2)).map_err(e)?;
    }
    Ok(plot)
}

/// A line of text centred at the bottom of `area` (an axis's unit): returns the area above it.
pub fn footnote<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    text: &str,
) -> Result<DrawingArea<DB, Shift>, String> {
    if text.is_empty() {
        return Ok(area.clone());
    }
    let (w, h) = area.dim_in_pixel();
    let (lines, pt) = wrap(area, text, DESC_PT, w.saturating_sub(px(8.0) as u32), 3);
    let height = (px(pt) * 1.3) as u32 * lines.len() as u32 + px(4.0) as u32;
    let (rest, foot) = area.split_vertically(h.saturating_sub(height));
    centred_lines(&foot, &lines, pt, px(2.0) as i32)?;
    Ok(rest)
}

/// "no ... in these articles", centred.
pub fn no_data<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, what: &str) -> Drawn {
    let (w, h) = area.dim_in_pixel();
    let (text, pt) = fit(area, &format!("no {what} in these articles"), DESC_PT, w.saturating_sub(20));
    let style = font(pt).pos(Pos::new(HPos::Center, VPos::Center));
    area.draw_text(&text, &style, (w as i32 / 2, h as i32 / 2)).map_err(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_font_loads() {
        assert!(plotters::style::register_font("slant-test", FontStyle::Normal, FONT_BYTES).is_ok());
    }

    #[test]
    fn sizes_are_print_sizes_at_300_dpi() {
        assert_eq!(Size::Page.pixels(), (1950, 1200));
        assert_eq!(Size::Column.pixels(), (1050, 960));
        assert!((px(8.0) - 33.333).abs() < 0.01);
        assert_eq!(Size::parse("column"), Some(Size::Column));
        assert_eq!(Size::parse("poster"), None);
    }
}
