//! Word tokenizer that keeps byte offsets.
//!
//! A *word* is a maximal run of letters, digits and combining marks, where an
//! apostrophe (`'`, `’`) or hyphen (`-`, `‐`, `‑`) joins two such runs
//! (`don’t`, `long-range`), a `.` or `,` joins two digits (`3.5`, `14,000`),
//! and a `.` joins single-letter initials (`U.S`). Everything else separates
//! words. Offsets are byte offsets into the text and always lie on char
//! boundaries.

use std::ops::Range;

/// One word of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    /// Byte offset of the first char.
    pub start: usize,
    /// Byte offset one past the last char.
    pub end: usize,
    /// Index of the sentence the word belongs to.
    pub sentence: u32,
    /// Whether the word lies inside a quotation.
    pub quoted: bool,
}

impl Token {
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn is_apostrophe_or_hyphen(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '‐' | '‑')
}

/// Calls `f(start, end)` for every word inside `range` of `text`.
pub fn for_each_word(text: &str, range: Range<usize>, mut f: impl FnMut(usize, usize)) {
    let slice = &text[range.clone()];
    let base = range.start;
    let mut it = slice.char_indices().peekable();
    // start of the current word, and length in chars of the current alnum run
    let mut cur: Option<usize> = None;
    let mut run_len = 0usize;
    let mut run_all_digits = true;
    let mut prev_run_single_letter = false;
    while let Some((i, c)) = it.next() {
        if is_word_char(c) {
            if let Some(s) = cur {
                let title_follows = it.peek().is_some_and(|&(_, n)| n.is_lowercase());
                let after_capital = slice[..i].chars().next_back().is_some_and(char::is_uppercase);
                if (c.is_uppercase() && title_follows && glued(slice, s, i))
                    || (c.is_lowercase() && after_capital && acronym_glued(slice, s, i))
                {
                    f(base + s, base + i);
                    cur = None;
                }
            }
            if cur.is_none() {
                cur = Some(i);
                run_len = 0;
                run_all_digits = true;
                prev_run_single_letter = false;
            }
            run_len += 1;
            run_all_digits &= c.is_ascii_digit();
            continue;
        }
        if let Some(s) = cur {
            let next = it.peek().map(|&(_, n)| n);
            let joins = match next {
                Some(n) if is_word_char(n) => {
                    if is_apostrophe_or_hyphen(c) {
                        true
                    } else if c == '.' || c == ',' {
                        let digits = run_all_digits && n.is_ascii_digit();
                        let initial = c == '.'
                            && run_len == 1
                            && !run_all_digits
                            && n.is_alphabetic()
                            && (prev_run_single_letter || single_letter_follows(&slice[i + 1..]));
                        digits || initial
                    } else {
                        false
                    }
                }
                _ => false,
            };
            if joins {
                prev_run_single_letter = run_len == 1 && !run_all_digits;
                run_len = 0;
                run_all_digits = true;
                continue;
            }
            f(base + s, base + i);
            cur = None;
        }
    }
    if let Some(s) = cur {
        f(base + s, base + slice.len());
    }
}

/// Whether the lower-case word `slice[s..i]` and the capitalised word at `i` were glued
/// together by a scrape (`theRussians`, `peacefulOstland`): the first has two letters or more
/// and is no name particle (`diGenova`, `deBlasio`), and the word is no handle or hashtag
/// (`@realDonaldTrump`). `iPhone` and `eBay` have one letter before the capital.
fn glued(slice: &str, s: usize, i: usize) -> bool {
    let first = &slice[s..i];
    let handle = slice[..s].ends_with(['@', '#']);
    first.chars().count() >= 2
        && first.chars().all(char::is_lowercase)
        && !handle
        && !matches!(
            first,
            "de" | "di" | "da" | "du" | "al" | "el" | "la" | "le" | "mc" | "mac" | "van" | "von" | "del"
        )
}

/// Whether the capitals `slice[s..i]` (three or more: an acronym) and the lower-case word at `i`
/// were glued together by a scrape, read where that word is a reporting verb in the past tense
/// (`KCNAreported`, `FBIraided`, `NATOsaid`): a word of five letters or more ending in `ed`, or
/// `said`, `says`, `told`. `JPMorgan`, `USAToday` and `NASCARed` stay whole.
fn acronym_glued(slice: &str, s: usize, i: usize) -> bool {
    let head = &slice[s..i];
    if head.chars().count() < 3 || !head.chars().all(char::is_uppercase) {
        return false;
    }
    let len = slice[i..].find(|c: char| !c.is_lowercase()).unwrap_or(slice.len() - i);
    let tail = &slice[i..i + len];
    let ends_word = slice[i + len..].chars().next().is_none_or(|c| !is_word_char(c));
    ends_word && ((tail.len() >= 5 && tail.ends_with("ed")) || matches!(tail, "said" | "says" | "told"))
}

/// `U.S`: after a single letter and a dot, the next run is also a single letter.
fn single_letter_follows(rest: &str) -> bool {
    let mut cs = rest.chars();
    matches!((cs.next(), cs.next()), (Some(a), Some('.')) if a.is_alphabetic())
}

/// Tokenizes each sentence, marking words inside any of the sorted `quotes` ranges.
pub fn tokenize(text: &str, sentences: &[Range<usize>], quotes: &[Range<usize>]) -> Vec<Token> {
    let mut out = Vec::new();
    let mut q = 0usize;
    for (si, s) in sentences.iter().enumerate() {
        for_each_word(text, s.clone(), |start, end| {
            while q < quotes.len() && quotes[q].end <= start {
                q += 1;
            }
            let quoted = q < quotes.len() && quotes[q].start <= start && end <= quotes[q].end;
            out.push(Token { start, end, sentence: si as u32, quoted });
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        let mut v = Vec::new();
        for_each_word(s, 0..s.len(), |a, b| v.push(&s[a..b]));
        v
    }

    #[test]
    fn word_table() {
        let cases: &[(&str, &[&str])] = &[
            ("", &[]),
            ("Hello, world!", &["Hello", "world"]),
            ("don’t can't", &["don’t", "can't"]),
            ("long-range rocket", &["long-range", "rocket"]),
            ("14,000 troops, 3.5 km", &["14,000", "troops", "3.5", "km"]),
            ("the U.S. and U.K.", &["the", "U.S", "and", "U.K"]),
            ("no-man ’s-land", &["no-man", "s-land"]),
            ("born 03.10.1998 in", &["born", "03.10.1998", "in"]),
            ("end.Next", &["end", "Next"]),
            ("soldiers’ coffins", &["soldiers", "coffins"]),
            ("— dash —", &["dash"]),
            ("Kyiv’s troops", &["Kyiv’s", "troops"]),
            ("Ünïcödé naïve café", &["Ünïcödé", "naïve", "café"]),
            ("a,b 1,a", &["a", "b", "1", "a"]),
            ("J. Harlan", &["J", "Harlan"]),
            // words a scrape glued together come apart; names, brands and handles do not
            ("help theRussians flush out", &["help", "the", "Russians", "flush", "out"]),
            ("KCNA reported thatNorth Korean", &["KCNA", "reported", "that", "North", "Korean"]),
            ("iPhone eBay McCain diGenova anti-Russian", &["iPhone", "eBay", "McCain", "diGenova", "anti-Russian"]),
            ("@realDonaldTrump macOS o’Neill", &["realDonaldTrump", "macOS", "o’Neill"]),
            // an acronym glued to a reporting verb comes apart; names and brands in capitals do not
            ("KCNAreported thatNorth", &["KCNA", "reported", "that", "North"]),
            ("FBIraided NATOsaid", &["FBI", "raided", "NATO", "said"]),
            ("JPMorgan USAToday NASCARed OKCupid CNNs", &["JPMorgan", "USAToday", "NASCARed", "OKCupid", "CNNs"]),
        ];
        for (input, want) in cases {
            assert_eq!(&words(input), want, "input {input:?}");
        }
    }

    #[test]
    fn quoted_flag_follows_regions() {
        let t = "He said “no way” today.";
        let q0 = t.find("no").unwrap();
        let q1 = t.find('”').unwrap();
        let toks = tokenize(t, &[0..t.len()], &[q0..q1]);
        let flags: Vec<(&str, bool)> = toks.iter().map(|k| (k.text(t), k.quoted)).collect();
        assert_eq!(flags, vec![("He", false), ("said", false), ("no", true), ("way", true), ("today", false)]);
    }
}
