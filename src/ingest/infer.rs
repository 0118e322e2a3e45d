//! Metadata inference from the text itself: publication date and outlet.
//!
//! Dates, in order of trust:
//! 1. a collector's header line `date YYYY-MM-DD` at the top;
//! 2. a date in the lines just above the article body (a byline such as
//!    `By Admin December 28, 2025`), nearest first;
//! 3. the first date in the first lines of the document.
//!
//! Recognised date forms: ISO `2025-12-28` (with or without time), `December 28, 2025`,
//! `Dec. 28, 2025`, `28 December 2025`, and numeric `25-12-2025`, `25/12/2025` and
//! `12/25/2025`: a numeric date is read day first unless its first number cannot be a day
//! of that reading (`12/25/2025` is month first), so `02/11/2025` is 2 November. Dates glued
//! to a word (`Updated2025-12-28`) are found too.
//!
//! Outlets: a wire dateline at the start of the body (`ERBIL (Kurdistan24) -`, `KYIV, March 3
//! (Reuters) -`), else a copyright footer near the end (`© 2026 Site Name.`).

use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

const MONTHS: &[&str] = &["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

fn month_number(name: &str) -> Option<u32> {
    let l = name.to_ascii_lowercase();
    MONTHS.iter().position(|m| l.starts_with(m)).map(|i| i as u32 + 1)
}

fn re_iso() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| Regex::new(r"(?:^|[^0-9])(\d{4})-(\d{2})-(\d{2})").expect("valid regex"))
}

const MONTH_ALT: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?";

fn re_mdy() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(&format!(r"({MONTH_ALT})\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?:[^0-9]|$)"))
            .expect("valid regex")
    })
}

fn re_dmy() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(&format!(r"\b(\d{{1,2}})\s+({MONTH_ALT})\s+(\d{{4}})(?:[^0-9]|$)")).expect("valid regex")
    })
}

fn re_numeric() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?:^|[^0-9./-])(\d{1,2})([/-])(\d{1,2})[/-](\d{4})(?:[^0-9]|$)").expect("valid regex")
    })
}

fn valid(y: u32, m: u32, d: u32) -> Option<String> {
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400) => 29,
        2 => 28,
        _ => return None,
    };
    ((1000..=2999).contains(&y) && (1..=days).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// A given date written compactly, as GDELT does (`20251229`, `20251229T120000Z`), as
/// `YYYY-MM-DD`.
pub fn compact_date(s: &str) -> Option<String> {
    let t = s.trim();
    let (day, rest) = t.split_at_checked(8)?;
    let time_ok =
        rest.is_empty() || (rest.len() >= 7 && rest.starts_with('T') && rest[1..7].bytes().all(|b| b.is_ascii_digit()));
    if !day.bytes().all(|b| b.is_ascii_digit()) || !time_ok {
        return None;
    }
    let n = |r: std::ops::Range<usize>| day[r].parse::<u32>().ok();
    valid(n(0..4)?, n(4..6)?, n(6..8)?)
}

/// The first date in `s`, as `YYYY-MM-DD`, with its byte range in `s`.
pub fn find_date(s: &str) -> Option<(String, Range<usize>)> {
    let mut best: Option<(String, Range<usize>)> = None;
    let mut consider = |date: Option<String>, r: Range<usize>| {
        if let Some(d) = date {
            if best.as_ref().is_none_or(|(_, b)| r.start < b.start) {
                best = Some((d, r));
            }
        }
    };
    if let Some(c) = re_iso().captures(s) {
        let p = |i: usize| c[i].parse::<u32>().unwrap_or(0);
        consider(valid(p(1), p(2), p(3)), c.get(0).map_or(0..0, |m| m.range()));
    }
    if let Some(c) = re_mdy().captures(s) {
        let date = month_number(&c[1]).and_then(|m| valid(c[3].parse().unwrap_or(0), m, c[2].parse().unwrap_or(0)));
        consider(date, c.get(0).map_or(0, |m| m.start())..c.get(3).map_or(0, |m| m.end()));
    }
    if let Some(c) = re_dmy().captures(s) {
        let date = month_number(&c[2]).and_then(|m| valid(c[3].parse().unwrap_or(0), m, c[1].parse().unwrap_or(0)));
        consider(date, c.get(0).map_or(0, |m| m.start())..c.get(3).map_or(0, |m| m.end()));
    }
    if let Some(c) = re_numeric().captures(s) {
        let (a, b, y) = (c[1].parse().unwrap_or(0), c[3].parse().unwrap_or(0), c[4].parse().unwrap_or(0));
        // (the separators must match: `12/25-2025` is no date)
        let same = s[c.get(2).map_or(0..0, |m| m.range())].len() == 1
            && c.get(0).is_some_and(|m| m.as_str().matches(&c[2]).count() == 2);
        let date = if same { valid(y, b, a).or_else(|| valid(y, a, b)) } else { None };
        consider(date, c.get(1).map_or(0, |m| m.start())..c.get(4).map_or(0, |m| m.end()));
    }
    best
}

/// Parses a collector's header `date YYYY-MM-DD` at the start of a line; returns the date
/// and the byte length of the header (including following spaces).
pub fn header_date(line: &str) -> Option<(String, usize)> {
    let rest = line.strip_prefix("date").or_else(|| line.strip_prefix("Date"))?;
    let rest_trim = rest.trim_start_matches([':', ' ', '\t']);
    if rest_trim.len() == rest.len() {
        return None;
    }
    let cand = rest_trim.get(..10)?;
    let c = re_iso().captures(cand)?;
    let p = |i: usize| c[i].parse::<u32>().unwrap_or(0);
    let date = valid(p(1), p(2), p(3))?;
    let after = &rest_trim[10..];
    if after.chars().next().is_some_and(|ch| !ch.is_whitespace()) {
        return None;
    }
    let consumed = line.len() - after.trim_start().len();
    Some((date, consumed))
}

fn re_dateline() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^\s*[A-Z][A-Z\.'’ \-]{1,40}(?:,\s*[A-Za-z0-9\. ]{2,30}){0,3},?\s*\(([^()\n]{2,40})\)\s*[-–—:]")
            .expect("valid regex")
    })
}

fn re_copyright() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"(?:©|\([cC]\)|Copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*([A-Z][^\n|]{1,80})")
            .expect("valid regex")
    })
}

fn re_slash_dateline() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    R.get_or_init(|| {
        Regex::new(r"^\s*[A-Z][A-Z\.'’ \-]{1,40}(?:,\s*[A-Za-z0-9\. ]{2,30}){0,3}[.,]?\s*/([A-Z][A-Za-z\- ]{1,30})/")
            .expect("valid regex")
    })
}

/// An outlet named in a wire dateline at the start of `line` (`ERBIL (Kurdistan24) - ...`,
/// `LONDON, Nov 2, (AP): ...`, `MOSCOW, November 2. /TASS/. ...`).
pub fn dateline_outlet(line: &str) -> Option<String> {
    if let Some(c) = re_slash_dateline().captures(line) {
        return Some(c[1].trim().to_string());
    }
    let c = re_dateline().captures(line)?;
    let name = c[1].trim().to_string();
    // A dateline's parenthesis names an agency or outlet, not a date or a number.
    (!name.chars().next().is_some_and(|ch| ch.is_ascii_digit())).then_some(name)
}

/// An outlet named in a copyright footer (`© 2026 Global Hublet. Designed by ...`).
pub fn copyright_outlet(line: &str) -> Option<String> {
    let c = re_copyright().captures(line)?;
    let raw = &c[1];
    let mut end = raw.len();
    for pat in [". ", " All rights", " all rights", " - ", " – ", " — ", " |"] {
        if let Some(i) = raw.find(pat) {
            end = end.min(i);
        }
    }
    let name = raw[..end].trim().trim_end_matches(['.', ',', ';']).trim();
    let words = name.split_whitespace().count();
    (words > 0 && words <= 6).then(|| name.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_table() {
        let cases: &[(&str, Option<&str>)] = &[
            ("AdminBy AdminDecember 28, 2025Updated:December 28, 2025No Comments", Some("2025-12-28")),
            ("Published 2026-01-03T10:00:00Z", Some("2026-01-03")),
            ("on Dec. 12, 2025 in Pyongyang", Some("2025-12-12")),
            ("28 December 2025", Some("2025-12-28")),
            ("February 30, 2025", None),
            ("2 hours ago", None),
            ("born 03.10.1998", None),
            // numeric dates, day first unless that cannot be; dates glued to a word
            ("Posted 02/11/2025 by staff", Some("2025-11-02")),
            ("Posted 12/25/2025", Some("2025-12-25")),
            ("on 25-12-2025 at noon", Some("2025-12-25")),
            ("Updated2025-12-28", Some("2025-12-28")),
            ("page 12/25-2025", None),
            ("ratio 1/2/3", None),
        ];
        for (s, want) in cases {
            assert_eq!(find_date(s).map(|d| d.0), want.map(String::from), "{s}");
        }
    }

    #[test]
    fn header() {
        assert_eq!(header_date("date 2025-12-27 Kim said"), Some(("2025-12-27".into(), 16)));
        assert_eq!(header_date("Date: 2025-12-27"), Some(("2025-12-27".into(), 16)));
        assert_eq!(header_date("dated 2025"), None);
        assert_eq!(header_date("date 2025-12-27x"), None);
    }

    #[test]
    fn outlets() {
        assert_eq!(dateline_outlet("ERBIL (Kurdistan24) - North Korean").as_deref(), Some("Kurdistan24"));
        assert_eq!(dateline_outlet("WASHINGTON, D.C. (Reuters) — Officials").as_deref(), Some("Reuters"));
        assert_eq!(dateline_outlet("The (big) deal - x"), None);
        // a dated dateline, with a country too
        assert_eq!(dateline_outlet("KYIV, March 3 (Reuters) - Russia").as_deref(), Some("Reuters"));
        assert_eq!(dateline_outlet("KYIV, Ukraine, March 3 (AP) — Russia").as_deref(), Some("AP"));
        assert_eq!(dateline_outlet("SEOUL, Dec. 30 (Yonhap) -- North Korea").as_deref(), Some("Yonhap"));
        assert_eq!(dateline_outlet("KYIV, Ukraine, March 3, 2026 (AP) — Russia").as_deref(), Some("AP"));
        assert_eq!(dateline_outlet("LONDON, Nov 2, (AP): The prince").as_deref(), Some("AP"));
        assert_eq!(dateline_outlet("MOSCOW, November 2. /TASS/. The Kremlin").as_deref(), Some("TASS"));
        assert_eq!(dateline_outlet("Prices rose 3/4 of a point"), None);
        assert_eq!(compact_date("20251229T120000Z").as_deref(), Some("2025-12-29"));
        assert_eq!(compact_date(" 20251229 ").as_deref(), Some("2025-12-29"));
        assert_eq!(compact_date("20251329"), None);
        assert_eq!(compact_date("2025122"), None);
        assert_eq!(compact_date("20251229 and more"), None);
        assert_eq!(
            copyright_outlet("© 2026 Global Hublet. Designed by Global Hublet.").as_deref(),
            Some("Global Hublet")
        );
        assert_eq!(
            copyright_outlet("Copyright 2020-2026 The Daily Blaze. All rights reserved").as_deref(),
            Some("The Daily Blaze")
        );
        assert_eq!(copyright_outlet("no footer here"), None);
    }
}
