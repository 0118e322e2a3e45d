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

/// Block containers whose end tag a page must write (so their depth can be counted without a
/// parser); elements with optional end tags (`p`, `li`, `td`) are not counted, nor inline
/// ones, which the parser nests in linear time.
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
fn deep_tags(html: &str, max: usize) -> Vec<std::ops::Range<usize>> {
    let b = html.as_bytes();
    let mut deep = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(off) = b[i..].iter().position(|&c| c == b'<') {
        let lt = i + off;
        if b[lt..].starts_with(b"<!--") {
            i = find(b, lt + 4, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        let closing = b.get(lt + 1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_end = name_start + b[name_start..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
        if name_end == name_start || !b[name_start].is_ascii_alphabetic() {
            i = lt + 1;
            continue;
        }
        let name = html[name_start..name_end].to_ascii_lowercase();
        let Some(gt) = tag_end(b, name_end) else { break };
        let tag = lt..gt + 1;
        i = gt + 1;
        if closing {
            if CONTAINERS.contains(&name.as_str()) {
                if depth > max {
                    deep.push(tag);
                }
                depth = depth.saturating_sub(1);
            }
        } else if RAW.contains(&name.as_str()) {
            // on to the element's end tag (or the end of the page)
            let close = format!("</{name}");
            i = find_ascii_ci(b, i, close.as_bytes()).unwrap_or(b.len());
        } else if CONTAINERS.contains(&name.as_str()) && b[gt - 1] != b'/' {
            depth += 1;
            if depth > max {
                deep.push(tag);
            }
        }
    }
    deep
}

/// The `>` that ends a tag whose name ends at `from`, past quoted attribute values.
fn tag_end(b: &[u8], from: usize) -> Option<usize> {
    let mut quote: Option<u8> = None;
    for (k, &c) in b[from..].iter().enumerate() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(c),
            (None, b'>') => return Some(from + k),
            _ => {}
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
    fn a_page_nested_a_hundred_thousand_deep_keeps_its_text() {
        let n = 100_000;
        let page = format!("<html><body>{}Deep text{}</body></html>", "<div>".repeat(n), "</div>".repeat(n));
        let capped = shallow(&page, MAX_DEPTH);
        assert_eq!(capped.matches("<div>").count(), MAX_DEPTH);
        assert_eq!(capped.matches("<br>").count(), 2 * (n - MAX_DEPTH));
        assert!(crate::ingest::html::flatten(&page).text.contains("Deep text"));
    }
}
