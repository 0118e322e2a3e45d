//! Finding the article inside a page: boilerplate removal for HTML and for
//! page text that was already flattened (menus, share rows, "Related Posts",
//! bylines, footers, comment forms).
//!
//! # The heuristic
//! 1. The text is cut into lines. Consecutive lines are merged into one *unit*
//!    when a line has no final punctuation and the next starts in lower case
//!    (a wrapped sentence), or when the whole text is hard-wrapped.
//! 2. Each unit is classified:
//!    - **caption**: ends in `Credit: X` (or `Photo: X`), or is an HTML `figcaption`, or is
//!      an unfinished line mostly in lower case right under a credited caption;
//!    - **boilerplate**: page chrome (HTML `nav`/`footer`/`aside`/forms), link density
//!      above 0.5, a short line holding a date or "N hours ago" (bylines, date-only lines),
//!      social/share rows, bullet-menu items, breadcrumbs, and short stock phrases
//!      ("Related Posts", "Leave a Reply", "Subscribe" ...), and appeals for donations or
//!      membership of up to 40 words ("Please consider donating to keep this site running");
//!    - **content**: ends in sentence punctuation with at least 3 words and a stopword
//!      share of at least 15%, or has 20+ words with a stopword share of at least 25%;
//!    - **other**: anything else (headlines, subheadings, captions without credit).
//! 3. Each unit gets a score: content `+words`, other `-min(words, 10)` (at least 2),
//!    boilerplate `-max(words, 3)`, captions and blank lines 0. The body is the
//!    contiguous run of units with the highest total (maximum-sum subarray): long prose
//!    paragraphs bridge short in-article lines, while a menu or a list of related
//!    headlines costs more than an isolated blurb such as an "About us" paragraph earns.
//! 4. Inside that run, content and other units are body; captions are kept out of the
//!    body and reported with their credit wherever they occur in the page.
//! 5. If no unit scores positive (a very short text), every non-blank unit that is not
//!    a caption or boilerplate is body; failing that, every non-blank unit.
//!
//! The title, when not given, is taken from the nearest headline-like unit just above
//! the body. The date and outlet are inferred by [`super::infer`] from the lines above
//! the body, the first body line and the page footer.

use std::ops::Range;

use super::html::Hint;
use super::infer;
use crate::text::tokens::for_each_word;

/// One input line, for HTML with the information the markup gave.
#[derive(Debug, Clone, PartialEq)]
pub struct LineIn {
    pub span: Range<usize>,
    pub link_density: f32,
    pub hint: Hint,
}

/// A photo caption kept out of the body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Caption {
    /// Byte range of the whole caption line.
    pub span: Range<usize>,
    /// Byte range of the credited name after `Credit:`, if any.
    pub credit: Option<Range<usize>>,
}

/// Where the article is in the text.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Layout {
    /// Byte ranges of the body units, in order.
    pub body: Vec<Range<usize>>,
    pub captions: Vec<Caption>,
    /// A headline-like unit just above the body.
    pub title: Option<Range<usize>>,
    /// A `date YYYY-MM-DD` collector header, with its byte range.
    pub header_date: Option<(String, Range<usize>)>,
    /// Units just above the body, nearest first (bylines live here).
    pub before_body: Vec<Range<usize>>,
    /// The first non-blank units of the text.
    pub top: Vec<Range<usize>>,
    /// The last non-blank units of the text.
    pub bottom: Vec<Range<usize>>,
    /// Body paragraphs left out because the page had them already (a scrape that repeats a
    /// paragraph): each is read once.
    pub repeated: usize,
    /// Words of prose (units that read as sentences) in the body, and on the whole page: a
    /// body holding much less than the page's prose may have lost part of the article.
    pub prose_words: (usize, usize),
}

impl Layout {
    /// What an article's analysis reads: the page's headline (when one stands above the body and
    /// is not repeated as the body's first paragraph), then the body. A reader sees the headline
    /// first, and it is the outlet's own words.
    pub fn read(&self, text: &str) -> Vec<Range<usize>> {
        let unit = |r: &Range<usize>| text.get(r.clone()).map(str::trim);
        let headline =
            self.title.clone().filter(|t| self.body.first().is_none_or(|b| t.end <= b.start && unit(t) != unit(b)));
        headline.into_iter().chain(self.body.iter().cloned()).collect()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Content,
    Other,
    Caption,
    Boiler,
}

struct Unit {
    span: Range<usize>,
    class: Class,
    words: usize,
    credit: Option<Range<usize>>,
}

const SOCIAL: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "instagram",
    "linkedin",
    "whatsapp",
    "pinterest",
    "email",
    "share",
    "tweet",
    "reddit",
    "telegram",
    "youtube",
    "tiktok",
    "print",
    "copy",
    "link",
    "messenger",
    "threads",
    "bluesky",
    "mail",
];

const STOCK: &[&str] = &[
    "related posts",
    "related stories",
    "related articles",
    "related news",
    "top posts",
    "most popular",
    "most read",
    "featured posts",
    "recent posts",
    "recent news",
    "what's hot",
    "trending",
    "leave a reply",
    "leave a comment",
    "cancel reply",
    "post comment",
    "subscribe",
    "sign up",
    "newsletter",
    "advertisement",
    "sponsored",
    "read more",
    "read next",
    "click here",
    "all rights reserved",
    "cookie",
    "privacy policy",
    "terms & conditions",
    "terms of use",
    "type above and press enter",
    "press esc",
    "close menu",
    "skip to content",
    "you may also like",
    "share this",
    "follow us",
    "about us",
    "contact us",
    "comments",
];

/// Appeals for the reader's money or membership (donation and subscription banners): page
/// furniture wherever they stand, even written as a sentence.
const APPEALS: &[&str] = &[
    "support our journalism",
    "support independent journalism",
    "consider donating",
    "consider supporting",
    "please donate",
    "donate now",
    "donate today",
    "make a donation",
    "become a member",
    "become a patron",
    "become a subscriber",
    "support us on patreon",
    "subscribe now",
    "subscribe today",
    "keep our website running",
    "keep this site running",
];

fn is_terminal(s: &str) -> bool {
    let t = s.trim_end().trim_end_matches(['”', '"', '’', '\'', ')', ']', '»', '*']);
    t.ends_with(['.', '!', '?', '…'])
}

fn starts_lowercase(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_lowercase())
}

fn word_stats(text: &str, span: &Range<usize>) -> (usize, usize, usize) {
    let mut words = 0;
    let mut stop = 0;
    let mut social = 0;
    let mut buf = String::new();
    for_each_word(text, span.clone(), |a, b| {
        words += 1;
        if b - a > 9 {
            return;
        }
        buf.clear();
        buf.extend(text[a..b].chars().flat_map(char::to_lowercase));
        if buf.len() <= 7 && crate::text::is_stopword(&buf) {
            stop += 1;
        }
        if buf.len() <= 9 && SOCIAL.contains(&buf.as_str()) {
            social += 1;
        }
    });
    (words, stop, social)
}

/// Finds `Credit: NAME` (or `Photo: NAME`, `Picture: NAME`, `Illustration: NAME`, `Pic: NAME`)
/// at the end of a line.
fn find_credit(line: &str) -> Option<Range<usize>> {
    if !line.contains(':') {
        return None;
    }
    for key in CREDIT_KEYS {
        if let Some(i) = line.rfind(key) {
            let after = i + key.len();
            let name = line[after..].trim();
            let n_words = name.split_whitespace().count();
            if (1..=6).contains(&n_words) && !is_terminal_sentence_after(name) {
                let start = after + (line[after..].len() - line[after..].trim_start().len());
                return Some(start..start + name.len());
            }
        }
    }
    None
}

/// Labels that introduce a picture's credit at the end of a caption, or its description at
/// the start of one.
const CREDIT_KEYS: &[&str] = &[
    "Credit:",
    "Credits:",
    "CREDIT:",
    "Photo:",
    "PHOTO:",
    "Picture:",
    "Photograph:",
    "Image:",
    "IMAGE:",
    "Illustration:",
    "Pic:",
    "PIC:",
];

/// A line that opens with a picture label (`Pic: A launcher in a square`, `Photo: ...`): an
/// image description, not prose.
fn is_labelled_caption(line: &str, words: usize) -> bool {
    words <= 40 && CREDIT_KEYS.iter().any(|k| line.starts_with(k))
}

/// A line of JSON (`{"@context": ...}`, a scrape's metadata blob): not words to read.
fn is_json_line(line: &str) -> bool {
    let t = line.trim();
    ((t.starts_with('{') && t.ends_with('}')) || (t.starts_with('[') && t.ends_with(']')))
        && t.matches("\":").count() >= 2
}

fn is_terminal_sentence_after(name: &str) -> bool {
    // "Photo: the minister said this." is prose, not a credit.
    name.split_whitespace().count() > 3 && name.ends_with('.')
}

fn is_relative_time(line: &str) -> bool {
    if !line.ends_with("ago") && !line.ends_with("AGO") && !line.ends_with("Ago") {
        return false;
    }
    let l = line.to_ascii_lowercase();
    let w: Vec<&str> = l.split_whitespace().collect();
    w.len() <= 5
        && w.last().is_some_and(|x| *x == "ago")
        && w.iter()
            .any(|x| x.starts_with("min") || x.starts_with("hour") || x.starts_with("day") || x.starts_with("week"))
}

fn classify(text: &str, line: &LineIn) -> Unit {
    let s = &text[line.span.clone()];
    let (words, stop, social) = word_stats(text, &line.span);
    let credit = if line.hint == Hint::Caption || words > 1 { find_credit(s) } else { None }
        .map(|r| line.span.start + r.start..line.span.start + r.end);
    let lower = s.to_lowercase();
    let stop_share = if words == 0 { 0.0 } else { stop as f32 / words as f32 };
    let short = words <= 12;
    let class = if line.hint == Hint::Caption || credit.is_some() || is_labelled_caption(s, words) {
        Class::Caption
    } else if line.hint == Hint::Chrome
        || is_json_line(s)
        || line.link_density > 0.5
        // a short line with a date is a byline or a date line, unless it is a wire dateline's
        // lead (`LONDON, Nov 2 (AP) - The prince left.`)
        || (short && infer::find_date(s).is_some() && infer::dateline_outlet(s).is_none())
        || is_relative_time(s)
        || (words >= 2 && social * 2 >= words)
        || (words < 12 && s.starts_with(['•', '·', '*', '-', '–', '»', '|', '>']))
        || (!is_terminal(s) && (s.contains('»') || s.contains(" | ") || s.contains(" › ")))
        || (short && STOCK.iter().any(|p| lower.starts_with(p)))
        || (words <= 40 && APPEALS.iter().any(|p| lower.contains(p)))
        || (short && (s.contains('©') || lower.starts_with("copyright") || lower.contains("all rights reserved")))
        || (words <= 2 && !is_terminal(s))
    {
        Class::Boiler
    } else if (is_terminal(s) && words >= 3 && stop_share >= 0.15) || (words >= 20 && stop_share >= 0.25) {
        Class::Content
    } else {
        Class::Other
    };
    Unit { span: line.span.clone(), class, words, credit }
}

fn score(u: &Unit) -> i64 {
    match u.class {
        Class::Content => u.words as i64,
        Class::Other => -(u.words.clamp(2, 10) as i64),
        Class::Boiler => -(u.words.max(3) as i64),
        Class::Caption => 0,
    }
}

/// Splits plain text into trimmed, non-blank lines, merging wrapped lines into units.
/// A `date YYYY-MM-DD` header at the very top is cut off its line.
pub fn text_lines(text: &str) -> (Vec<LineIn>, Option<(String, Range<usize>)>) {
    let mut raw: Vec<Option<Range<usize>>> = Vec::new();
    let mut pos = 0;
    for piece in text.split_inclusive('\n') {
        let line = piece.trim_end_matches(['\n', '\r']);
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        raw.push((!trimmed.is_empty()).then(|| pos + lead..pos + lead + trimmed.len()));
        pos += piece.len();
    }
    let mut header = None;
    if let Some(Some(first)) = raw.iter_mut().find(|r| r.is_some()) {
        if let Some((date, len)) = infer::header_date(&text[first.clone()]) {
            header = Some((date, first.start..first.start + len));
            let rest = &text[first.start + len..first.end];
            let new_start = first.end - rest.trim_start().len();
            *first = new_start..first.end;
        }
    }
    let raw: Vec<Option<Range<usize>>> = raw.into_iter().map(|r| r.filter(|r| !r.is_empty())).collect();
    let wrapped = is_hard_wrapped(text, &raw);
    let mut out: Vec<LineIn> = Vec::new();
    let mut prev_blank = true;
    for r in raw {
        match r {
            None => prev_blank = true,
            Some(r) => {
                let merge = !prev_blank
                    && out.last().is_some_and(|last| {
                        let prev = &text[last.span.clone()];
                        !is_terminal(prev) && (starts_lowercase(&text[r.clone()]) || wrapped)
                    });
                if merge {
                    if let Some(last) = out.last_mut() {
                        last.span.end = r.end;
                    }
                } else {
                    out.push(LineIn { span: r, link_density: 0.0, hint: Hint::None });
                }
                prev_blank = false;
            }
        }
    }
    (out, header)
}

fn is_hard_wrapped(text: &str, raw: &[Option<Range<usize>>]) -> bool {
    let long: Vec<&Range<usize>> = raw.iter().flatten().filter(|r| r.len() >= 40).collect();
    if long.len() < 5 || long.iter().any(|r| text[(*r).clone()].chars().count() > 100) {
        return false;
    }
    let open = long.iter().filter(|r| !is_terminal(&text[(**r).clone()])).count();
    open * 2 >= long.len()
}

/// `By Maria Solberg`, `By Staff Reporter and Agencies`: a byline, not a headline.
fn is_byline(line: &str) -> bool {
    let line = line.trim();
    let lower = line.to_lowercase();
    let opener = ["by ", "published by ", "posted by ", "written by ", "reported by "]
        .iter()
        .find(|p| lower.starts_with(**p))
        .map(|p| p.len());
    let rest = opener.and_then(|n| line.get(n..));
    rest.is_some_and(|r| r.starts_with(char::is_uppercase) && r.split_whitespace().count() <= 8)
}

/// Words of a page's story labels (`DEVELOPING STORY`, `BREAKING NEWS`, `LIVE UPDATES`).
const LABEL_WORDS: &[&str] = &[
    "developing",
    "story",
    "breaking",
    "news",
    "live",
    "updates",
    "update",
    "updated",
    "exclusive",
    "watch",
    "opinion",
    "analysis",
    "editorial",
    "video",
    "just",
    "in",
];

/// A line made only of story labels, even glued together (`DEVELOPING STORYDEVELOPING
/// STORY,`): page furniture, never the title.
fn is_label_line(line: &str) -> bool {
    let letters: String = line.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
    // can the letters be cut into label words? (reach[i]: the first i letters can)
    let mut reach = vec![false; letters.len() + 1];
    reach[0] = true;
    for i in 0..letters.len() {
        if !reach[i] || !letters.is_char_boundary(i) {
            continue;
        }
        for w in LABEL_WORDS {
            if letters[i..].starts_with(w) {
                reach[i + w.len()] = true;
            }
        }
    }
    !letters.is_empty() && reach[letters.len()]
}

/// Whether a unit just after a credited caption is a caption too, one without a credit (a
/// video's, or the second line of a gallery): an unfinished sentence (no final punctuation)
/// of 4 to 30 words, mostly in lower case, so not a subheading in title case
/// (`Leaked footage showed Kim's soldiers training in Kursk`).
fn uncredited_caption(text: &str, u: &Unit) -> bool {
    let s = &text[u.span.clone()];
    if u.class != Class::Other || !(4..=30).contains(&u.words) || is_terminal(s) || s.ends_with(':') {
        return false;
    }
    let mut capitalised = 0;
    for_each_word(text, u.span.clone(), |a, _| capitalised += usize::from(text[a..].starts_with(char::is_uppercase)));
    capitalised * 2 < u.words
}

/// Locates the article body in `text`, given its lines (from [`text_lines`] or the HTML
/// flattener). With `keep_all`, every non-blank line is body.
pub fn layout(text: &str, lines: &[LineIn], header_date: Option<(String, Range<usize>)>, keep_all: bool) -> Layout {
    let mut units: Vec<Unit> = lines.iter().map(|l| classify(text, l)).collect();
    for i in 1..units.len() {
        if units[i - 1].credit.is_some() && uncredited_caption(text, &units[i]) {
            units[i].class = Class::Caption;
        }
    }
    let captions: Vec<Caption> = if keep_all {
        Vec::new()
    } else {
        units
            .iter()
            .filter(|u| u.class == Class::Caption)
            .map(|u| Caption { span: u.span.clone(), credit: u.credit.clone() })
            .collect()
    };
    let pick = |pred: &dyn Fn(&Unit) -> bool| -> Vec<usize> { (0..units.len()).filter(|&i| pred(&units[i])).collect() };
    let chosen: Vec<usize> = if keep_all {
        pick(&|_| true)
    } else {
        match best_run(&units) {
            Some((a, b)) => (a..=b).filter(|&i| matches!(units[i].class, Class::Content | Class::Other)).collect(),
            None => {
                let v = pick(&|u| matches!(u.class, Class::Content | Class::Other));
                if v.is_empty() {
                    pick(&|_| true)
                } else {
                    v
                }
            }
        }
    };
    let prose = |i: usize| if units[i].class == Class::Content { units[i].words } else { 0 };
    let prose_words = (chosen.iter().map(|&i| prose(i)).sum(), (0..units.len()).map(prose).sum());
    // a paragraph the page repeats (of six words or more) is read once
    let mut seen = std::collections::HashSet::new();
    let before_dedup = chosen.len();
    let chosen: Vec<usize> = chosen
        .into_iter()
        .filter(|&i| {
            units[i].words < 6
                || keep_all
                || seen.insert(text[units[i].span.clone()].split_whitespace().collect::<Vec<_>>())
        })
        .collect();
    let repeated = before_dedup - chosen.len();
    let first = chosen.first().copied().unwrap_or(0);
    let before: Vec<usize> = (first.saturating_sub(8)..first).rev().collect();
    let title = before
        .iter()
        .take(6)
        .find(|&&i| {
            units[i].class == Class::Other
                && (3..=30).contains(&units[i].words)
                && !is_byline(&text[units[i].span.clone()])
                && !is_label_line(&text[units[i].span.clone()])
        })
        .map(|&i| units[i].span.clone());
    let n = units.len();
    Layout {
        body: chosen.iter().map(|&i| units[i].span.clone()).collect(),
        captions,
        title,
        header_date,
        before_body: before.iter().map(|&i| units[i].span.clone()).collect(),
        top: units.iter().take(12).map(|u| u.span.clone()).collect(),
        bottom: units[n.saturating_sub(30)..].iter().map(|u| u.span.clone()).collect(),
        repeated,
        prose_words,
    }
}

/// Maximum-sum contiguous run of units; `None` when nothing scores above zero.
fn best_run(units: &[Unit]) -> Option<(usize, usize)> {
    let mut best: Option<(i64, usize, usize)> = None;
    let mut cur = 0i64;
    let mut start = 0usize;
    for (i, u) in units.iter().enumerate() {
        if cur <= 0 {
            cur = 0;
            start = i;
        }
        cur += score(u);
        if cur > 0 && best.is_none_or(|(b, _, _)| cur > b) {
            best = Some((cur, start, i));
        }
    }
    best.map(|(_, a, b)| {
        // Leading units that score nothing (captions) are not part of the run.
        let a = (a..=b).find(|&i| score(&units[i]) > 0).unwrap_or(a);
        (a, b)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body_of(text: &str) -> Vec<&str> {
        let (lines, header) = text_lines(text);
        let l = layout(text, &lines, header, false);
        l.body.iter().map(|r| &text[r.clone()]).collect()
    }

    #[test]
    fn an_unfinished_line_under_a_credited_caption_is_a_caption() {
        // (one line of over 100 characters: the page is not hard-wrapped)
        let page = "The minister said on Monday that the talks with the delegation from the north would resume next week in the capital.\n\
            Delegates arrive at the summit hall Credit: AP\n\
            Footage showed the delegates walking past the protesters\n\
            Officials from both sides said the first round had gone better than expected.\n\
            A crowd outside the hall Credit: Reuters\n\
            What Comes Next For The Talks\n\
            The second round is planned for March, a spokesman for the ministry said.\n";
        let (lines, h) = text_lines(page);
        let l = layout(page, &lines, h, false);
        let captions: Vec<&str> = l.captions.iter().map(|c| &page[c.span.clone()]).collect();
        assert_eq!(
            captions,
            [
                "Delegates arrive at the summit hall Credit: AP",
                "Footage showed the delegates walking past the protesters",
                "A crowd outside the hall Credit: Reuters"
            ]
        );
        assert_eq!(l.captions[1].credit, None);
        // a subheading in title case under a caption stays in the body
        assert!(body_of(page).contains(&"What Comes Next For The Talks"), "{:?}", body_of(page));
        assert!(!body_of(page).iter().any(|b| b.starts_with("Footage")));
    }

    #[test]
    fn drops_menus_related_and_footer() {
        let page = "Close Menu\n  • Home\n  • World\nFacebook X (Twitter) Instagram\n\nBig Storm Hits Coast Town Overnight\n\nBy Staff March 3, 2026\nA storm hit the town of Kestra overnight, and officials said the damage was heavy.\n\nResidents were told to stay indoors until the winds calmed down in the morning.\nA flooded street in Kestra Credit: AP\nThe mayor said that the town would rebuild.\n\nRelated Posts\n\nOther headline about a thing\n\nJanuary 2, 2026\n© 2026 Example Site. Designed by Someone.\n";
        assert_eq!(
            body_of(page),
            vec![
                "A storm hit the town of Kestra overnight, and officials said the damage was heavy.",
                "Residents were told to stay indoors until the winds calmed down in the morning.",
                "The mayor said that the town would rebuild."
            ]
        );
        let (lines, h) = text_lines(page);
        let l = layout(page, &lines, h, false);
        assert_eq!(l.captions.len(), 1);
        assert_eq!(&page[l.captions[0].credit.clone().unwrap()], "AP");
        assert_eq!(&page[l.title.unwrap()], "Big Storm Hits Coast Town Overnight");
        assert!(is_byline("By Maria Solberg") && is_byline("BY STAFF REPORTER") && !is_byline("By the Sea We Wait"));
        assert!(is_byline("Published by Ana Vey 29 de septiembre, 2025") && is_byline("Posted by Staff"));
        assert!(is_label_line("DEVELOPING STORYDEVELOPING STORY,") && is_label_line("Breaking news"));
        assert!(!is_label_line("Live fire drills resume") && !is_label_line(""));
        assert_eq!(&page[l.before_body[0].clone()], "By Staff March 3, 2026");
    }

    #[test]
    fn picture_labels_json_repeats_and_short_dateline_leads() {
        let page = "Rivals trade blame as talks stall\n\n\
                    ORSA, Nov 2 (Wirepress) - The talks stalled on Monday.\n\n\
                    A guard stands near the gate at dusk. Illustration: Ana Vey/The Courier\n\n\
                    The delegations met for six hours and left without a joint statement, officials said.\n\n\
                    Pic: A convoy of trucks crossing a bridge near the border\n\n\
                    The delegations met for six hours and left without a joint statement, officials said.\n\n\
                    {\"@type\":\"NewsArticle\",\"headline\":\"Rivals trade blame\",\"author\":\"Staff\"}\n\n\
                    A second round is planned for next week in the capital, a spokesperson said on Tuesday.\n";
        assert_eq!(
            body_of(page),
            vec![
                "ORSA, Nov 2 (Wirepress) - The talks stalled on Monday.",
                "The delegations met for six hours and left without a joint statement, officials said.",
                "A second round is planned for next week in the capital, a spokesperson said on Tuesday."
            ]
        );
        let (lines, h) = text_lines(page);
        let l = layout(page, &lines, h, false);
        assert_eq!(l.repeated, 1, "the repeated paragraph is read once");
        let credits: Vec<Option<&str>> = l.captions.iter().map(|c| c.credit.clone().map(|r| &page[r])).collect();
        assert_eq!(credits, [Some("Ana Vey/The Courier"), None]);
        let (kept, all) = l.prose_words;
        assert!(kept <= all && kept * 3 >= all * 2, "{kept} of {all}");
    }

    #[test]
    fn prose_outside_the_body_is_counted() {
        let prose = "The committee heard from residents who said the new road would cut the town in two.";
        let page = format!(
            "{prose}\n\nFacebook Twitter Email\nHome | News | Sport\n• Menu\n• More\n• Login\nRelated Posts\nLeave a Reply\n\
             Subscribe\nSign up\nAdvertisement\nCookie settings\nPrivacy policy\n\n\
             Engineers said the plan had been changed twice since the spring consultation ended.\n\
             Work is due to start in the autumn and last for about two years, the council said.\n\
             The mayor said the town would hold a further public meeting before any work began.\n"
        );
        let (lines, h) = text_lines(&page);
        let l = layout(&page, &lines, h, false);
        let (kept, all) = l.prose_words;
        assert!(kept < all, "the first paragraph is cut off by the menu: {kept} of {all}");
    }

    #[test]
    fn donation_appeals_are_furniture_even_as_sentences() {
        let page =
            "SUPPORT OUR WORK: Please consider donating to keep this site running and free for all - thanks!\n\n\
                    The council met on Monday and voted to close the old bridge for repairs over the winter.\n\n\
                    Engineers said the work would take about four months and cost less than planned.\n";
        assert_eq!(
            body_of(page),
            vec![
                "The council met on Monday and voted to close the old bridge for repairs over the winter.",
                "Engineers said the work would take about four months and cost less than planned."
            ]
        );
    }

    #[test]
    fn header_date_is_cut_from_first_line() {
        let t = "date 2025-12-27 The leader spoke to the nation on Saturday.\n";
        let (lines, h) = text_lines(t);
        assert_eq!(h.as_ref().map(|h| h.0.as_str()), Some("2025-12-27"));
        assert_eq!(&t[lines[0].span.clone()], "The leader spoke to the nation on Saturday.");
    }

    #[test]
    fn wrapped_lines_merge() {
        let t = "The minister said on Monday that the plan\nwould go ahead despite protests.\n";
        assert_eq!(body_of(t), vec!["The minister said on Monday that the plan\nwould go ahead despite protests."]);
    }

    #[test]
    fn short_text_is_kept() {
        assert_eq!(body_of("Breaking news"), vec!["Breaking news"]);
        assert_eq!(body_of("   \n  "), Vec::<&str>::new());
    }
}
