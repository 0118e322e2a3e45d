//! A cap on how deep a page's containers nest, before the HTML parser sees it.
//!
//! The HTML parser's tree builder looks through every open element for each block start tag
//! (`<div>` closes an open `<p>` if there is one), so a page of `<div>`s nested 100,000 deep
//! takes time in the square of its depth (75 s for 1 MB). Browsers stop nesting long before
//! that (Chromium and WebKit at 512). [`shallow`] scans the page once and, only when its
//! containers nest deeper than the cap, writes each container tag below it as `<br>`: the text
//! and its line breaks stay, the structure below the cap (a `nav` or `figcaption` there) goes.
//! Pages within the cap are passed on untouched, byte for byte.

use std::borrow::Cow;

/// Nesting depth kept: Chromium's and WebKit's limit.
pub const MAX_DEPTH: usize = 512;

/// Block containers whose end tag a page must write; their depth is what is capped.
const CONTAINERS: &[&str] = &[
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "ul",
    "ol",
    "dl",
    "blockquote",
    "figure",
    "figcaption",
    "form",
    "center",
    "details",
    "menu",
    "table",
    "address",
    "fieldset",
];

/// Elements whose end tag may be left out: a new one closes the open one (and what was left
/// open inside it) when no element of its `scope` lies between them, as the parser does
/// (`<li>` closes the previous `<li>` of its list). They hold containers but add no depth.
const IMPLIED: &[(&str, &[&str])] = &[
    ("li", &["ul", "ol", "menu"]),
    ("dt", &["dl"]),
    ("dd", &["dl"]),
    ("tr", &["table"]),
    ("td", &["tr", "table"]),
    ("th", &["tr", "table"]),
];

/// Elements whose content is raw text, where `<` opens no tag.
const RAW: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed", "noframes"];

/// `html` with the container tags nested deeper than `max` written as `<br>`; unchanged (not
/// copied) when none is.
pub fn shallow(html: &str, max: usize) -> Cow<'_, str> {
    let deep = deep_tags(html, max);
    if deep.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for r in deep {
        out.push_str(&html[at..r.start]);
        out.push_str("<br>");
        at = r.end;
    }
    out.push_str(&html[at..]);
    Cow::Owned(out)
}

/// Byte ranges of the container tags (start and end) nested deeper than `max`, in order.
/// The open elements are kept as the parser keeps them, closely enough for a count: an end
/// tag closes back to the nearest open element of its name (and is ignored when none is
/// open), so containers a page leaves open inside a list item or a cell are closed with it.
fn deep_tags(html: &str, max: usize) -> Vec<std::ops::Range<usize>> {
    let b = html.as_bytes();
    let mut deep = Vec::new();
    // open containers and elements with implied ends, with whether each counts as depth and
    // whether its start tag was written as `<br>`
    let mut open: Vec<(String, bool, bool)> = Vec::new();
    let mut depth = 0usize;
    let close_to = |open: &mut Vec<(String, bool, bool)>, depth: &mut usize, k: usize| {
        for (_, counted, _) in open.drain(k..) {
            *depth -= usize::from(counted);
        }
    };
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        let lt = i + off;
        if b[lt..].starts_with(b"<!--") {
            i = find(b, lt + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        if matches!(b.get(lt + 1), Some(b'!' | b'?')) {
            // a doctype, CDATA or processing instruction: up to the first `>`
            i = b[lt..].iter().position(|&c| c == b'>').map_or(b.len(), |e| lt + e + 1);
            continue;
        }
        let closing = b.get(lt + 1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_end = name_start
            + b[name_start..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'-' || **c == b':').count();
        if name_end == name_start || !b[name_start].is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        let name = html[name_start..name_end].to_ascii_lowercase();
        let Some(gt) = tag_end(b, name_end) else { break };
        let tag = lt..gt + 1;
        i = gt + 1;
        let container = CONTAINERS.contains(&name.as_str());
        let implied = IMPLIED.iter().find(|(n, _)| *n == name);
        if closing {
            if let Some(k) = open.iter().rposition(|(n, _, _)| *n == name) {
                if open[k].2 {
                    deep.push(tag);
                }
                close_to(&mut open, &mut depth, k);
            }
        } else if RAW.contains(&name.as_str()) {
            // on to the element's end tag (or the end of the page)
            let close = format!("</{name}");
            i = find_ascii_ci(b, i, close.as_bytes()).unwrap_or(b.len());
        } else if let Some((_, scope)) = implied {
            let same = |n: &str| n == name || (name == "td" && n == "th") || (name == "th" && n == "td");
            let k = open.iter().rposition(|(n, _, _)| same(n) || scope.contains(&n.as_str()));
            if let Some(k) = k.filter(|&k| same(&open[k].0)) {
                close_to(&mut open, &mut depth, k);
            }
            open.push((name, false, false));
        } else if container {
            // (`<div/>` opens a div: HTML ignores the slash)
            depth += 1;
            let cut = depth > max;
            if cut {
                deep.push(tag);
            }
            open.push((name, true, cut));
        }
    }
    deep
}

/// The `>` that ends a tag whose name ends at `from`, past attribute values in quotes (a
/// quote opens one only right after `=`: `title=O'Brien` holds none).
fn tag_end(b: &[u8], from: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    let mut after_eq = false;
    for (k, &c) in b[from..].iter().enumerate() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') if after_eq => quote = Some(c),
            (None, b'>') => return Some(from + k),
            _ => {}
        }
        if quote.is_none() {
            after_eq = c == b'=' || (after_eq && c.is_ascii_whitespace());
        }
    }
    None
}

fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|k| from + k)
}

fn find_ascii_ci(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle)).map(|k| from + k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_within_the_cap_pass_untouched() {
        let page = "<html><body><div><p>One<div>Two</div></div><script>if (a<b) {}</script></body></html>";
        assert!(matches!(shallow(page, 2), Cow::Borrowed(p) if p == page));
    }

    #[test]
    fn containers_below_the_cap_become_line_breaks() {
        let page = "<div><div title=\"a>b\"><div>Deep</div>Mid</div></div><!-- <div> --><script>\"<div>\"</script>";
        let got = shallow(page, 2);
        assert_eq!(got, "<div><div title=\"a>b\"><br>Deep<br>Mid</div></div><!-- <div> --><script>\"<div>\"</script>");
        let flat = crate::ingest::html::flatten(&got).text;
        assert!(flat.contains("Deep") && flat.contains("Mid"), "{flat}");
    }

    #[test]
    fn containers_left_open_inside_items_and_cells_add_no_depth() {
        // the parser closes them with the item, the cell or the element they are in
        for page in [
            format!("<ul>{}</ul><nav><a href=/>Home</a></nav><p>Story</p>", "<li><div>x</li>".repeat(600)),
            format!("<ul>{}</ul><nav>Home</nav>", "<li><div>x".repeat(600)),
            format!("<table>{}</table>", "<tr><td><div>c</td></tr>".repeat(600)),
            format!("<table><tr>{}</tr></table>", "<td><div><div>c".repeat(600)),
            format!("{}<nav>Home</nav>", "<section><div>x</section>".repeat(600)),
            format!("<dl>{}</dl>", "<dt><div>t<dd><div>d".repeat(600)),
            format!("{}<p>it's</p>", "<div title=O'Brien>a</div>".repeat(600)),
            "<!DOCTYPE html><?xml x?><![CDATA[<div>]]><div-x>a</div-x>".repeat(600),
        ] {
            assert!(matches!(shallow(&page, 8), Cow::Borrowed(_)), "{}", &page[..80]);
        }
    }

    #[test]
    fn self_closing_containers_open_as_the_parser_opens_them() {
        let page = "<div/>".repeat(20);
        assert_eq!(shallow(&page, 8).matches("<br>").count(), 12);
    }

    #[test]
    fn a_page_nested_a_hundred_thousand_deep_keeps_its_text() {
        let n = 100_000;
        let page = format!("<html><body>{}Deep text{}</body></html>", "<div>".repeat(n), "</div>".repeat(n));
        let capped = shallow(&page, MAX_DEPTH);
        assert_eq!(capped.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(capped.matches("<br>").count(), 2 * (n - MAX_DEPTH));
        assert!(crate::ingest::html::flatten(&page).text.contains("Deep text"));
    }
}
