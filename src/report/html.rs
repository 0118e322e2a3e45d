//! `report.html`: one self-contained page (inline CSS and SVG, no scripts, no network) with a
//! summary table per group, the charts, and each article's body with its evidence marked:
//! loaded-language hits highlighted by category, quotations shaded, attribution sources
//! underlined with their category and cue on hover.
//!
//! All article text, titles and names are escaped: text scraped from the web can neither run
//! code nor break the page.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::ops::Range;

use super::charts::{colour, Chart, PALETTE};
use super::{Comparison, Group, ReportData, ReportError};

/// The article section written by `slant analyze`, read back by `slant chart`.
pub const ARTICLES_PART: &str = "report_articles.part.html";

/// Escapes text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    escape_into(s, &mut out);
    out
}

fn escape_into(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // control characters other than tab and newline, and noncharacters, cannot appear in
            // HTML text
            c if crate::text::forbidden_in_xml(c) || c == '\r' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// A marked span of an article (byte range) for the report.
#[derive(Debug, Clone)]
pub struct Mark {
    pub range: Range<usize>,
    pub kind: MarkKind,
    /// Hover text.
    pub title: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum MarkKind {
    /// A loaded-language hit of the category with this index, and whether it is counted.
    Hit { category: usize, counted: bool },
    /// A word in capitals for emphasis.
    Caps,
    /// A quotation.
    Quote,
    /// Reported speech: an attribution's content outside quotation marks.
    Reported,
    /// An attribution source of this category name.
    Source(String),
}

/// What the report shows of one article.
pub struct ArticleView<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub outlet: &'a str,
    pub date: &'a str,
    pub summary: String,
    pub text: &'a str,
    /// Body segments (byte ranges), one paragraph each.
    pub body: &'a [Range<usize>],
    pub marks: Vec<Mark>,
}

/// The HTML section of one article: each body paragraph cut at every mark boundary, each
/// piece wrapped in one `<span>` carrying the classes of the marks that cover it.
pub fn article_section(v: &ArticleView) -> String {
    let mut out = String::with_capacity(v.text.len() * 2);
    let _ = write!(out, "{SECTION_START}{}\"><h3>", escape(v.id));
    escape_into(if v.title.is_empty() { v.id } else { v.title }, &mut out);
    out.push_str("</h3><p class=\"meta\">");
    let meta: Vec<&str> = [v.id, v.outlet, v.date].into_iter().filter(|s| !s.is_empty()).collect();
    escape_into(&meta.join(" · "), &mut out);
    out.push_str(" — ");
    escape_into(&v.summary, &mut out);
    out.push_str("</p>");
    let mut marks: Vec<&Mark> = v
        .marks
        .iter()
        .filter(|m| m.range.start < m.range.end && m.range.end <= v.text.len())
        .filter(|m| v.text.is_char_boundary(m.range.start) && v.text.is_char_boundary(m.range.end))
        .collect();
    marks.sort_by_key(|m| (m.range.start, m.range.end));
    for pieces in paragraph_pieces(v.text.len(), v.body, &marks) {
        out.push_str("<p>");
        for (range, covering) in pieces {
            let piece = &v.text[range];
            if covering.is_empty() {
                escape_into(piece, &mut out);
                continue;
            }
            let mut classes: Vec<String> = Vec::new();
            let mut titles: Vec<&str> = Vec::new();
            let mut cat = None;
            for m in covering.iter().map(|&k| marks[k]) {
                match &m.kind {
                    MarkKind::Hit { category: c, counted } => {
                        classes.push(format!("hit c{}", c % PALETTE.len()));
                        if !counted {
                            classes.push("uncounted".into());
                        }
                        cat = Some(m.title.as_str());
                    }
                    MarkKind::Caps => classes.push("caps".into()),
                    MarkKind::Quote => classes.push("q".into()),
                    MarkKind::Reported => classes.push("rep".into()),
                    MarkKind::Source(category) => classes.push(format!("src s-{}", css_name(category))),
                }
                if !m.title.is_empty() {
                    titles.push(&m.title);
                }
            }
            classes.sort();
            classes.dedup();
            let _ = write!(out, "<span class=\"{}\"", escape(&classes.join(" ")));
            if let Some(c) = cat {
                let _ = write!(out, " data-hit=\"{}\"", escape(c));
            }
            if !titles.is_empty() {
                let _ = write!(out, " title=\"{}\"", escape(&titles.join(" | ")));
            }
            out.push('>');
            escape_into(piece, &mut out);
            out.push_str("</span>");
        }
        out.push_str("</p>\n");
    }
    out.push_str(SECTION_END);
    out
}

/// The body segments (in order, those inside `0..len` and not empty) cut at every mark boundary:
/// for each segment its pieces, each with the marks covering it (indices into `marks`, which
/// must be sorted by start, in that order). One sweep over the marks, so a long article with
/// many marks costs time in proportion to its pieces, not pieces times marks.
fn paragraph_pieces(len: usize, body: &[Range<usize>], marks: &[&Mark]) -> Vec<Vec<(Range<usize>, Vec<usize>)>> {
    let mut bounds: Vec<usize> = marks.iter().flat_map(|m| [m.range.start, m.range.end]).collect();
    bounds.sort_unstable();
    // `active`: the marks that started at or before the sweep's position and have not ended;
    // `next`: the first mark not yet started.
    let mut active: Vec<usize> = Vec::new();
    let mut next = 0usize;
    let mut pos = 0usize;
    let mut out = Vec::new();
    for seg in body.iter().filter(|s| s.start < s.end && s.end <= len) {
        if seg.start < pos {
            // A segment before the previous one: sweep again from the start.
            active.clear();
            next = 0;
        }
        let inside = bounds.partition_point(|&b| b <= seg.start)..bounds.partition_point(|&b| b < seg.end);
        let mut cuts: Vec<usize> = std::iter::once(seg.start).chain(bounds[inside].iter().copied()).collect();
        cuts.push(seg.end);
        cuts.dedup();
        let mut pieces = Vec::with_capacity(cuts.len() - 1);
        for w in cuts.windows(2) {
            pos = w[0];
            while next < marks.len() && marks[next].range.start <= pos {
                active.push(next);
                next += 1;
            }
            active.retain(|&k| marks[k].range.end > pos);
            // No mark boundary lies inside the piece, so every mark active at its start covers it.
            pieces.push((w[0]..w[1], active.clone()));
        }
        out.push(pieces);
    }
    out
}

const SECTION_START: &str = "<section class=\"article\" id=\"a-";
const SECTION_END: &str = "</section>\n";

fn count_sections(part: &str) -> usize {
    part.matches(SECTION_START).count()
}

/// The (escaped) id a section of a report part ([`sections`]) opens with.
fn section_id(section: &str) -> &str {
    let id = &section[SECTION_START.len()..];
    &id[..id.find('"').unwrap_or(0)]
}

/// The article sections of `part` whose (escaped) id is in `ids`, in order.
fn kept_sections<'a>(part: &'a str, ids: &BTreeSet<String>) -> Vec<&'a str> {
    sections(part).into_iter().filter(|section| ids.contains(section_id(section))).collect()
}

/// The article sections of a report part ([`ARTICLES_PART`]), in order, without the notes
/// between them. Article text is escaped inside a section, so a section runs from its opening
/// tag to the next `</section>`.
pub fn sections(part: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = part;
    while let Some(at) = rest.find(SECTION_START) {
        let section = &rest[at..];
        let len = section.find(SECTION_END).map_or(section.len(), |e| e + SECTION_END.len());
        out.push(&section[..len]);
        rest = &section[len..];
    }
    out
}

fn css_name(s: &str) -> String {
    s.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' }).collect()
}

fn hex(i: usize) -> String {
    let c = colour(i);
    format!("#{:02x}{:02x}{:02x}", c.0, c.1, c.2)
}

fn css(categories: &[String]) -> String {
    let mut s = String::from(
        "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:0 auto;max-width:1200px;\
         padding:1rem 2rem;color:#111;line-height:1.5}\
         table{border-collapse:collapse;font-size:.9rem;margin:1rem 0}\
         th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:right}\
         th:first-child,td:first-child{text-align:left}th{background:#f3f3f3}\
         figure{margin:1.5rem 0}figure svg{width:100%;height:auto;border:1px solid #eee}\
         figcaption{font-size:.9rem;color:#444}\
         .article{border-top:2px solid #ddd;margin-top:1.5rem}.meta{color:#555;font-size:.9rem}\
         .rep{background:#efe9f7}.q{background:#ececec}\
         .src{text-decoration:underline;text-decoration-style:dotted;text-decoration-thickness:2px;\
         text-underline-offset:3px;cursor:help}\
         .caps{font-weight:bold;outline:1px dashed #999}\
         .hit{border-radius:3px;padding:0 1px;cursor:help}.uncounted{opacity:.5}.ci{color:#666;font-size:.8rem;white-space:nowrap}\
         .legend span{display:inline-block;margin:.2rem .6rem .2rem 0;padding:0 .3rem;border-radius:3px}\
         .note{background:#fff8e1;padding:.5rem 1rem;border-left:4px solid #E69F00}\n",
    );
    for i in 0..PALETTE.len().min(categories.len().max(1)) {
        // light tint of the category colour, dark text
        let c = colour(i);
        let _ =
            writeln!(s, ".c{i}{{background:rgba({},{},{},0.28);box-shadow:inset 0 -2px 0 {}}}", c.0, c.1, c.2, hex(i));
    }
    s
}

/// The pairs of groups that `compare.csv` finds apart after Holm's adjustment, and how many
/// pairs it tested.
fn differences_table(comparisons: &[Comparison], h: &mut String) {
    h.push_str("<h2>Differences between groups</h2>\n");
    if comparisons.is_empty() {
        h.push_str("<p>No two groups shown have two articles or more, so none are compared.</p>\n");
        return;
    }
    let tested = comparisons.iter().filter(|c| c.test.is_some()).count();
    let apart: Vec<&Comparison> =
        comparisons.iter().filter(|c| c.test.as_ref().is_some_and(|(_, holm)| *holm < 0.05)).collect();
    let _ = writeln!(
        h,
        "<p>{} of {tested} tested pairs of groups and measures differ at p &lt; 0.05 after Holm's \
         adjustment within each measure (loaded-language rates per 1,000 words, shares of flagged \
         sentences and of each kind of source). A pair not listed is one the corpus cannot tell \
         apart, which is not the same as alike. Every pair, with its unadjusted p-value: \
         <code>compare.csv</code>.</p>",
        apart.len()
    );
    if apart.is_empty() {
        return;
    }
    h.push_str("<table><thead><tr>");
    for c in ["measure", "group a", "group b", "a", "b", "difference (95% interval)", "p (Holm)"] {
        let _ = write!(h, "<th>{c}</th>");
    }
    h.push_str("</tr></thead><tbody>\n");
    for c in apart {
        let Some((t, holm)) = &c.test else { continue };
        let value = |x: Option<f64>| x.map_or(String::new(), |x| fmt(x, c.decimals));
        let _ = writeln!(
            h,
            "<tr><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{} \
             <span class=\"ci\">({}–{})</span></td><td>{}</td></tr>",
            escape(&c.measure),
            escape(&c.groups[0].0),
            escape(&c.groups[1].0),
            value(c.values[0]),
            value(c.values[1]),
            fmt(t.difference, c.decimals),
            fmt(t.interval[0], c.decimals),
            fmt(t.interval[1], c.decimals),
            super::tables::p_value(*holm)
        );
    }
    h.push_str("</tbody></table>\n");
}

/// Articles whose body is largely another's (`same_text_as`), when there are any.
fn shared_text_table(d: &ReportData, h: &mut String) {
    let total = d.articles.iter().filter(|a| !a.same_text_as.is_empty()).count();
    if total == 0 {
        return;
    }
    let shared = d.articles.iter().filter(|a| !a.same_text_as.is_empty()).take(SHARED_ROWS_SHOWN);
    h.push_str(
        "<h2>Shared text</h2>\n<p>Articles whose body is largely found in another article of the run \
         (a copy, or one wire story run twice): the share is of the article's sampled 7-word runs. \
         Passages with offsets: <code>shared_text.csv</code>.</p>\n<table><thead><tr>",
    );
    for c in ["article", "outlet", "text found in", "its outlet", "share"] {
        let _ = write!(h, "<th>{c}</th>");
    }
    h.push_str("</tr></thead><tbody>\n");
    // the first row of each id, as a search from the top would find it (for the rows shown)
    let wanted: std::collections::HashSet<&str> = shared.clone().map(|a| &*a.same_text_as).collect();
    let mut outlets: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    for o in d.articles.iter().filter(|o| wanted.contains(&*o.id)) {
        outlets.entry(&o.id).or_insert(&o.outlet);
    }
    for a in shared {
        let other = outlets.get(&*a.same_text_as).copied().unwrap_or("");
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&a.id),
            escape(&a.outlet),
            escape(&a.same_text_as),
            escape(other),
            escape(&a.same_text_share)
        );
    }
    h.push_str("</tbody></table>\n");
    if total > SHARED_ROWS_SHOWN {
        let _ = writeln!(
            h,
            "<p class=\"note\">The first {SHARED_ROWS_SHOWN} of {total} articles are listed; every one is in \
             <code>articles.csv</code> (<code>same_text_as</code>) and <code>shared_text.csv</code>.</p>"
        );
    }
}

/// Rows of the report's shared-text table: a syndicated corpus has one for nearly every
/// article, which the CSV files hold.
const SHARED_ROWS_SHOWN: usize = 500;

/// A rate with two decimals and, when there is one, its 95% interval in smaller type.
fn with_ci(x: f64, ci: Option<[f64; 2]>) -> String {
    match ci {
        Some([lo, hi]) => format!("{} <span class=\"ci\">({}–{})</span>", fmt(x, 2), fmt(lo, 2), fmt(hi, 2)),
        None => fmt(x, 2),
    }
}

fn fmt(x: f64, digits: usize) -> String {
    format!("{x:.digits$}")
}

/// The whole page.
pub fn page(
    d: &ReportData,
    comparisons: &[Comparison],
    charts: &[Chart],
    articles_part: Option<&str>,
) -> Result<String, ReportError> {
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    h.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">");
    h.push_str(
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>slant report</title><style>",
    );
    h.push_str(&css(&d.categories));
    h.push_str("</style></head><body>\n<h1>slant report</h1>\n");
    let _ = writeln!(
        h,
        "<p>{} articles in {} groups by <b>{}</b>{}. Every number is traceable: counts come from \
         <code>articles.csv</code>, the words behind them from <code>hits.csv</code>, \
         <code>attributions.csv</code> and <code>sentences.csv</code>.</p>",
        d.articles.len(),
        d.groups.len(),
        escape(&d.group_by),
        if d.merged > 0 { format!(" ({} smaller groups merged into “others”)", d.merged) } else { String::new() }
    );

    // summary table
    h.push_str("<h2>Summary</h2>\n<table><thead><tr>");
    for c in [
        &d.group_by as &str,
        "articles",
        "words",
        "loaded / 1k words",
        "own voice / 1k own-voice words",
        "quoted / 1k quoted words",
        "reported / 1k reported words",
        "attributions",
        "top source category",
        "tone",
        "flagged sentences",
    ] {
        let _ = write!(h, "<th>{}</th>", escape(c));
    }
    h.push_str("</tr></thead><tbody>\n");
    for g in &d.groups {
        let attr: f64 = g.attr.iter().sum();
        let top = g
            .attr
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0.0)
            .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))
            .map(|(i, n)| format!("{} ({:.0}%)", d.attr_categories[i].replace('_', " "), 100.0 * n / attr))
            .unwrap_or_default();
        let flagged = if g.sentences > 0.0 { 100.0 * g.flagged / g.sentences } else { 0.0 };
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}%</td></tr>",
            escape(&g.name),
            g.articles,
            fmt(g.words, 0),
            with_ci(g.per_1k(g.loaded()), g.ci.loaded),
            with_ci(Group::rate(g.loaded_own, g.own_words()), g.ci.own),
            fmt(Group::rate(g.loaded_quoted, g.quoted_words), 2),
            fmt(Group::rate(g.loaded_reported, g.reported_words), 2),
            fmt(attr, 0),
            escape(&top),
            fmt(g.tone, 3),
            fmt(flagged, 1)
        );
    }
    h.push_str(
        "</tbody></table>\n<p class=\"meta\">In parentheses: 95% intervals over the group's articles \
         (none for a group with fewer than two articles with words; see “Intervals of a group's rates” \
         in the README). Each voice's rate is per 1,000 words of that voice: own-voice hits per 1,000 \
         words outside quotations and reported speech, quoted hits per 1,000 quoted words, reported \
         hits per 1,000 words of reported speech, as in <code>articles.csv</code> and \
         <code>groups.csv</code>; the voice chart instead splits the total rate (per 1,000 of all \
         words) into its parts. Whether two groups shown here differ is tested in \
         <code>compare.csv</code> (difference of their rates, their shares of flagged sentences and \
         of each kind of source, with intervals and p-values adjusted for the number of pairs).</p>\n",
    );
    differences_table(comparisons, &mut h);
    shared_text_table(d, &mut h);

    // charts, inlined
    h.push_str("<h2>Charts</h2>\n");
    for c in charts {
        let svg = match c.svg.find("<svg") {
            Some(i) => &c.svg[i..],
            None => c.svg.as_str(),
        };
        let files: Vec<String> = c
            .files
            .iter()
            .filter_map(|p| p.file_name())
            .map(|f| format!("<code>charts/{}</code>", escape(&f.to_string_lossy())))
            .collect();
        let _ = writeln!(
            h,
            "<figure id=\"chart-{}\">{}<figcaption>{} ({})</figcaption></figure>",
            c.name,
            svg,
            escape(&c.title),
            files.join(", ")
        );
    }

    // articles
    h.push_str("<h2>Articles</h2>\n<p class=\"legend\">Loaded language by category: ");
    for (i, c) in d.categories.iter().enumerate() {
        let _ = write!(h, "<span class=\"c{}\">{}</span>", i % PALETTE.len(), escape(&c.replace('_', " ")));
    }
    h.push_str(
        "<span class=\"q\">quotation</span><span class=\"rep\">reported speech</span><span class=\"src\">attribution source</span>\
         <span class=\"caps\">CAPITALS</span><span class=\"q uncounted\">faded: a hit not counted \
         (its sentence is not flagged)</span> — hover a mark for its term, category or cue.</p>\n",
    );
    match articles_part {
        Some(part) => {
            // the part's (escaped) ids that name an article: at most the sections written, never
            // a set of every article's id
            let written_ids: BTreeSet<&str> = sections(part).into_iter().map(section_id).collect();
            let ids: BTreeSet<String> =
                d.articles.iter().map(|a| escape(&a.id)).filter(|e| written_ids.contains(e.as_str())).collect();
            let (kept, written) = (kept_sections(part, &ids), count_sections(part));
            if kept.len() == written {
                h.push_str(part);
            } else {
                kept.iter().for_each(|s| h.push_str(s));
                let _ = writeln!(
                    h,
                    "<p class=\"note\">{} of the {} sections <code>slant analyze</code> wrote are shown: \
                     the others are of articles no longer in <code>articles.csv</code>.</p>",
                    kept.len(),
                    written
                );
            }
        }
        None => h.push_str(
            "<p class=\"note\">The article texts are written by <code>slant analyze</code> \
             (see <code>--report-articles</code>); this folder has none.</p>\n",
        ),
    }
    h.push_str("</body></html>\n");
    Ok(h)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shared-text table lists its first rows and says where the rest are; every row of a
    /// short list is shown.
    #[test]
    fn the_shared_text_table_is_capped_with_a_note() {
        let article = |i: usize| crate::report::ArticleData {
            id: format!("a{i}").into(),
            outlet: "O".into(),
            same_text_as: "a0".into(),
            same_text_share: "0.90".into(),
            ..Default::default()
        };
        let table = |n: usize| {
            let d = ReportData { articles: (1..=n).map(article).collect(), ..Default::default() };
            let mut h = String::new();
            shared_text_table(&d, &mut h);
            h
        };
        let long = table(SHARED_ROWS_SHOWN + 2);
        assert_eq!(long.matches("<tr><td>a").count(), SHARED_ROWS_SHOWN);
        assert!(long.contains(&format!("The first {SHARED_ROWS_SHOWN} of {} articles", SHARED_ROWS_SHOWN + 2)));
        let short = table(3);
        assert_eq!(short.matches("<tr><td>a").count(), 3);
        assert!(!short.contains("class=\"note\""));
    }

    #[test]
    fn escaping() {
        assert_eq!(
            escape("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
        assert_eq!(escape("a\u{0}b"), "a\u{FFFD}b");
    }

    #[test]
    fn overlapping_marks_become_flat_spans() {
        let text = "He said \"the despot <b>lies</b>\" today.";
        let q = text.find("the").unwrap()..text.find("\" today").unwrap();
        let hit = text.find("despot").unwrap()..text.find("despot").unwrap() + 6;
        let v = ArticleView {
            id: "x<1>",
            title: "T & <i>t</i>",
            outlet: "O",
            date: "",
            summary: "1 hit".into(),
            text,
            body: &[0..text.len()],
            marks: vec![
                Mark { range: q, kind: MarkKind::Quote, title: "quoted: He".into() },
                Mark {
                    range: hit,
                    kind: MarkKind::Hit { category: 1, counted: true },
                    title: "despot (name_calling)".into(),
                },
                Mark { range: 0..2, kind: MarkKind::Source("leader".into()), title: "leader, cue said".into() },
            ],
        };
        let s = article_section(&v);
        assert!(s.contains("id=\"a-x&lt;1&gt;\""), "{s}");
        assert!(s.contains("<h3>T &amp; &lt;i&gt;t&lt;/i&gt;</h3>"), "{s}");
        assert!(s.contains("<span class=\"hit c1 q\" data-hit=\"despot (name_calling)\""), "{s}");
        assert!(s.contains("&lt;b&gt;lies&lt;/b&gt;"), "{s}");
        assert!(s.contains("<span class=\"src s-leader\" title=\"leader, cue said\">He</span>"), "{s}");
        assert!(!s.contains("<b>"));
        assert_eq!(s.matches("<span").count(), s.matches("</span>").count());
    }

    /// The definition `paragraph_pieces` must agree with: cut each segment at every mark boundary
    /// inside it; a piece is covered by every mark that contains it.
    fn pieces_by_definition(
        len: usize,
        body: &[Range<usize>],
        marks: &[&Mark],
    ) -> Vec<Vec<(Range<usize>, Vec<usize>)>> {
        body.iter()
            .filter(|s| s.start < s.end && s.end <= len)
            .map(|seg| {
                let mut cuts = vec![seg.start, seg.end];
                cuts.extend(
                    marks.iter().flat_map(|m| [m.range.start, m.range.end]).filter(|&b| b > seg.start && b < seg.end),
                );
                cuts.sort_unstable();
                cuts.dedup();
                cuts.windows(2)
                    .map(|w| {
                        let covering = (0..marks.len())
                            .filter(|&k| marks[k].range.start <= w[0] && w[1] <= marks[k].range.end)
                            .collect();
                        (w[0]..w[1], covering)
                    })
                    .collect()
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn pieces_match_their_definition(
            raw_marks in proptest::collection::vec((0usize..60, 1usize..25), 0..30),
            raw_body in proptest::collection::vec((0usize..70, 0usize..40), 0..6),
        ) {
            let len = 64;
            let owned: Vec<Mark> = raw_marks
                .iter()
                .map(|&(s, l)| Mark { range: s..(s + l).min(len), kind: MarkKind::Quote, title: String::new() })
                .collect();
            let mut marks: Vec<&Mark> = owned.iter().collect();
            marks.sort_by_key(|m| (m.range.start, m.range.end));
            let body: Vec<Range<usize>> = raw_body.iter().map(|&(s, l)| s..s + l).collect();
            proptest::prop_assert_eq!(paragraph_pieces(len, &body, &marks), pieces_by_definition(len, &body, &marks));
        }
    }

    #[test]
    fn sections_are_kept_by_article_id() {
        let section = |id: &str, text: &'static str| {
            let body = [0..text.len()];
            article_section(&ArticleView {
                id,
                title: "",
                outlet: "",
                date: "",
                summary: String::new(),
                text,
                body: &body,
                marks: Vec::new(),
            })
        };
        let part = [section("a&b", "One </section> two."), section("c", "Three."), section("d\"e", "Four.")].concat()
            + "<p class=\"note\">Showing the first 3 of 9 articles</p>\n";
        assert_eq!(count_sections(&part), 3);
        let ids: BTreeSet<String> = ["a&b", "d\"e"].iter().map(|i| escape(i)).collect();
        let kept = kept_sections(&part, &ids);
        assert_eq!(kept.len(), 2);
        assert!(kept[0].contains("One &lt;/section&gt; two.") && kept[0].ends_with(SECTION_END), "{}", kept[0]);
        assert!(kept[1].contains("Four.") && !kept[1].contains("Showing"), "{}", kept[1]);
        assert_eq!(kept_sections(&part, &BTreeSet::new()).len(), 0);
    }

    #[test]
    fn uncounted_hits_are_faded() {
        let text = "A despot.";
        let v = ArticleView {
            id: "u",
            title: "T",
            outlet: "O",
            date: "",
            summary: String::new(),
            text,
            body: &[0..text.len()],
            marks: vec![Mark {
                range: 2..8,
                kind: MarkKind::Hit { category: 0, counted: false },
                title: "despot (name_calling, own); not counted".into(),
            }],
        };
        let s = article_section(&v);
        assert!(
            s.contains("<span class=\"hit c0 uncounted\" data-hit=\"despot (name_calling, own); not counted\""),
            "{s}"
        );
    }
}
