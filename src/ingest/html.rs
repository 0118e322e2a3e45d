//! HTML to text: flattens a page into one line per block, keeping for each
//! line the share of its characters inside links and whether it sits in page
//! chrome (`nav`, `header`, `footer`, `aside`, forms) or a `figcaption`.
//!
//! The extracted text is the lines joined by blank lines; it is the text every
//! offset of an HTML input refers to (`--save-text` writes it out). Entities are
//! decoded by the HTML parser. Script, style and template content is dropped.

use scraper::{ElementRef, Html, Node, Selector};
use std::ops::Range;

/// Where a block of a page came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Hint {
    #[default]
    None,
    /// Inside `nav`, `footer`, `aside`, `form`, or a `header` outside `article`/`main`.
    Chrome,
    /// Inside `figcaption`.
    Caption,
    /// A heading `h1`..`h6`.
    Heading,
}

/// A flattened line of the page.
#[derive(Debug, Clone, PartialEq)]
pub struct HtmlLine {
    /// Byte range of the line in [`HtmlText::text`].
    pub span: Range<usize>,
    /// Share of the line's non-space chars inside `<a>` elements.
    pub link_density: f32,
    pub hint: Hint,
}

/// Metadata found in the page head.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlMeta {
    pub title: Option<String>,
    pub site_name: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
}

/// The flattened page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HtmlText {
    pub text: String,
    pub lines: Vec<HtmlLine>,
    pub meta: HtmlMeta,
}

const SKIP: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "iframe", "head", "button", "select", "textarea", "input",
    "object", "embed", "canvas", "video", "audio", "map",
];
const CHROME: &[&str] = &["nav", "footer", "aside", "form", "menu"];
const BLOCK: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "figure",
    "figcaption",
    "table",
    "tr",
    "td",
    "th",
    "pre",
    "address",
    "form",
    "hr",
    "body",
    "center",
    "details",
    "summary",
    "caption",
    "menu",
];

struct Flattener {
    text: String,
    lines: Vec<HtmlLine>,
    line: String,
    link_chars: usize,
    chars: usize,
    hint: Hint,
}

impl Flattener {
    fn flush(&mut self) {
        let trimmed = self.line.trim();
        if !trimmed.is_empty() {
            if !self.text.is_empty() {
                self.text.push_str("\n\n");
            }
            let start = self.text.len();
            self.text.push_str(trimmed);
            let density = if self.chars == 0 { 0.0 } else { self.link_chars as f32 / self.chars as f32 };
            self.lines.push(HtmlLine { span: start..self.text.len(), link_density: density.min(1.0), hint: self.hint });
        }
        self.line.clear();
        self.link_chars = 0;
        self.chars = 0;
        self.hint = Hint::None;
    }

    fn push_text(&mut self, s: &str, in_link: bool, pre: bool) {
        for c in s.chars() {
            if c.is_whitespace() && !(pre && c == '\n') {
                if !self.line.is_empty() && !self.line.ends_with(' ') {
                    self.line.push(' ');
                }
            } else if pre && c == '\n' {
                self.line.push('\n');
            } else {
                self.line.push(c);
                self.chars += 1;
                if in_link {
                    self.link_chars += 1;
                }
            }
        }
    }

    /// Walks the element tree in document order with a stack of its own, not recursion: a
    /// page nested 20,000 elements deep must not overflow the thread's stack.
    fn walk(&mut self, root: ElementRef<'_>) {
        enum Step<'a> {
            Open(ElementRef<'a>, Ctx),
            Text(&'a str, Ctx),
            Close { block: bool },
        }
        let mut stack = vec![Step::Open(root, Ctx::default())];
        while let Some(step) = stack.pop() {
            let (el, mut ctx) = match step {
                Step::Close { block } => {
                    if block {
                        self.flush();
                    }
                    continue;
                }
                Step::Text(t, ctx) => {
                    if self.line.trim().is_empty() {
                        self.hint = ctx.hint;
                    }
                    self.push_text(t, ctx.link, ctx.pre);
                    continue;
                }
                Step::Open(el, ctx) => (el, ctx),
            };
            let name = el.value().name();
            if SKIP.contains(&name) {
                continue;
            }
            match name {
                "a" => ctx.link = true,
                "pre" => ctx.pre = true,
                "figcaption" => ctx.hint = Hint::Caption,
                "h1" | "h2" | "h3" | "h4" | "h5" | "h6" if ctx.hint == Hint::None => ctx.hint = Hint::Heading,
                "article" | "main" => ctx.in_article = true,
                "header" if !ctx.in_article => ctx.hint = Hint::Chrome,
                _ if CHROME.contains(&name) => ctx.hint = Hint::Chrome,
                _ => {}
            }
            let block = BLOCK.contains(&name);
            if block || name == "br" {
                self.flush();
            }
            stack.push(Step::Close { block });
            let children: Vec<_> = el.children().collect();
            for child in children.into_iter().rev() {
                match child.value() {
                    Node::Text(t) => stack.push(Step::Text(t, ctx)),
                    Node::Element(_) => stack.extend(ElementRef::wrap(child).map(|e| Step::Open(e, ctx))),
                    _ => {}
                }
            }
        }
    }
}

#[derive(Clone, Copy, Default)]
struct Ctx {
    link: bool,
    pre: bool,
    in_article: bool,
    hint: Hint,
}

fn select_attr(doc: &Html, selector: &str, attr: &str) -> Option<String> {
    let sel = Selector::parse(selector).ok()?;
    doc.select(&sel)
        .filter_map(|e| e.value().attr(attr))
        .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|v| !v.is_empty())
}

fn select_text(doc: &Html, selector: &str) -> Option<String> {
    let sel = Selector::parse(selector).ok()?;
    doc.select(&sel)
        .map(|e| e.text().collect::<Vec<_>>().join(" ").split_whitespace().collect::<Vec<_>>().join(" "))
        .find(|v| !v.is_empty())
}

/// Flattens an HTML page.
pub fn flatten(html: &str) -> HtmlText {
    // containers nested past what browsers keep cost the parser time in the square of the depth
    let html = super::html_depth::shallow(html, super::html_depth::MAX_DEPTH);
    let doc = Html::parse_document(&html);
    let mut f = Flattener {
        text: String::new(),
        lines: Vec::new(),
        line: String::new(),
        link_chars: 0,
        chars: 0,
        hint: Hint::None,
    };
    f.walk(doc.root_element());
    f.flush();
    let meta = HtmlMeta {
        title: select_attr(&doc, r#"meta[property="og:title"]"#, "content").or_else(|| select_text(&doc, "title")),
        site_name: select_attr(&doc, r#"meta[property="og:site_name"]"#, "content")
            .or_else(|| select_attr(&doc, r#"meta[name="application-name"]"#, "content")),
        published: select_attr(&doc, r#"meta[property="article:published_time"]"#, "content")
            .or_else(|| select_attr(&doc, r#"meta[name="date"]"#, "content"))
            .or_else(|| select_attr(&doc, "time[datetime]", "datetime")),
        url: select_attr(&doc, r#"link[rel="canonical"]"#, "href")
            .or_else(|| select_attr(&doc, r#"meta[property="og:url"]"#, "content")),
    };
    HtmlText { text: f.text, lines: f.lines, meta }
}

/// Cheap check whether text looks like an HTML document (used for files without a known extension).
pub fn looks_like_html(text: &str) -> bool {
    let head: String = text.trim_start().chars().take(200).collect::<String>().to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flattens_blocks_links_and_chrome() {
        let page = r##"<html><head><title>T &amp; U</title><meta property="og:site_name" content="Site"></head>
<body><nav><a href="/">Home</a> <a href="/x">World</a></nav>
<article><h1>Big news</h1><p>First &ldquo;para&rdquo; with <a href="#">a link</a> inside.</p>
<figure><figcaption>A man waves. Credit: AP</figcaption></figure>
<script>alert(1)</script><p>Second<br>line</p></article><footer>© 2026 Site</footer></body></html>"##;
        let h = flatten(page);
        let lines: Vec<&str> = h.lines.iter().map(|l| &h.text[l.span.clone()]).collect();
        assert_eq!(
            lines,
            vec![
                "Home World",
                "Big news",
                "First “para” with a link inside.",
                "A man waves. Credit: AP",
                "Second",
                "line",
                "© 2026 Site"
            ]
        );
        assert_eq!(h.lines[0].hint, Hint::Chrome);
        assert!(h.lines[0].link_density > 0.99);
        assert_eq!(h.lines[1].hint, Hint::Heading);
        assert!(h.lines[2].link_density > 0.1 && h.lines[2].link_density < 0.5);
        assert_eq!(h.lines[3].hint, Hint::Caption);
        assert_eq!(h.lines[6].hint, Hint::Chrome);
        assert!(!h.text.contains("alert"));
        assert_eq!(h.meta.title.as_deref(), Some("T & U"));
        assert_eq!(h.meta.site_name.as_deref(), Some("Site"));
    }

    /// Pages nested thousands of elements deep (unclosed `<b>`, stacked `<div>`) are
    /// flattened on a small stack, not overflowed.
    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let unclosed = format!("<p>{}deep text", "<b>".repeat(5_000));
        let stacked = format!("{}<p>inner text</p>{}", "<div>".repeat(5_000), "</div>".repeat(5_000));
        let texts = std::thread::Builder::new()
            .stack_size(256 * 1024)
            .spawn(move || (flatten(&unclosed).text, flatten(&stacked).text))
            .unwrap()
            .join()
            .unwrap();
        assert_eq!(texts, ("deep text".to_string(), "inner text".to_string()));
    }
}
