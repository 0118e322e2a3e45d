//! Rule-based sentence splitting for article body text.
//!
//! Works on byte ranges into the original text so callers can map sentences
//! back to the source. Sentences never cross the given body segments.

use std::ops::Range;

/// Titles and similar forms that never end a sentence.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Gen", "Gens", "Lt", "Col", "Maj", "Sgt", "Cpl", "Pvt", "Capt", "Cmdr", "Adm",
    "Brig", "Gov", "Govs", "Sen", "Sens", "Rep", "Reps", "Prof", "Rev", "Fr", "St", "Hon", "Pres", "Amb", "Mt", "Ft",
    "Det", "Supt", "vs", "Vs",
];

/// Forms that do not end a sentence when a digit follows (`Dec. 12`, `No. 10`).
const BEFORE_DIGIT: &[&str] =
    &["Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "Nos", "Vol", "Art"];

/// Forms that end a sentence only when a common sentence starter follows.
const SUFFIXES: &[&str] = &["Inc", "Corp", "Co", "Cos", "Ltd", "Plc", "Bros", "Jr", "Sr", "etc"];

/// Capitalised words that usually begin a new sentence (space-separated).
const STARTERS: &str = "The A An He She It They We I You In But And Or So Yet This That These Those There Then \
     His Her Its Their Our My On At For As After Before When While If Although However \
     Meanwhile Now Some Many Most What Why How Who Where";

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉')
}

fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | '›' | ')' | ']' | '}')
}

/// Splits the body `segments` of `text` into sentence byte ranges.
///
/// Returned ranges are sorted, non-overlapping, non-empty, trimmed of
/// surrounding whitespace and each lies inside one segment. Invalid segments
/// (out of range, off char boundaries, overlapping) are clamped or skipped.
pub fn split_sentences(text: &str, segments: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for seg in clean_segments(text, segments) {
        let mut cuts = vec![seg.start];
        let mut prev_line: Option<&str> = None;
        let mut pos = seg.start;
        for raw in text[seg.clone()].split('\n') {
            let line = raw.strip_suffix('\r').unwrap_or(raw);
            if let Some(prev) = prev_line {
                if line_break(prev, line) {
                    cuts.push(pos);
                }
            }
            scan_line(line, pos, &mut cuts);
            prev_line = Some(line);
            pos += raw.len() + 1;
        }
        cuts.push(seg.end);
        for w in cuts.windows(2) {
            let piece = &text[w[0]..w[1]];
            let trimmed = piece.trim_start();
            let start = w[0] + (piece.len() - trimmed.len());
            let end = start + trimmed.trim_end().len();
            if start < end {
                out.push(start..end);
            }
        }
    }
    out
}

/// Whether a single line break between `prev` and `next` ends a sentence.
fn line_break(prev: &str, next: &str) -> bool {
    let prev = prev.trim_end();
    let next = next.trim_start();
    prev.is_empty()
        || next.is_empty()
        || prev.trim_end_matches(is_closer).ends_with(is_terminal)
        || !next.starts_with(char::is_lowercase)
}

/// Byte offset of the first char at or after `from` that fails `f`.
fn skip(s: &str, from: usize, f: impl Fn(char) -> bool) -> usize {
    s[from..].char_indices().find(|&(_, c)| !f(c)).map_or(s.len(), |(o, _)| from + o)
}

/// Finds in-line boundaries; pushes absolute cut offsets (`base` + index).
fn scan_line(line: &str, base: usize, cuts: &mut Vec<usize>) {
    let mut i = 0;
    while let Some(c) = line[i..].chars().next() {
        if !is_terminal(c) {
            i += c.len_utf8();
            continue;
        }
        let run_end = skip(line, i, is_terminal);
        let j = skip(line, run_end, is_closer);
        let k = skip(line, j, char::is_whitespace);
        if (k > j && k < line.len() && is_break(line, i, run_end, j, k)) || (k == j && glued_stop(line, i, j)) {
            cuts.push(base + j);
        }
        i = j;
    }
}

/// Decides a candidate: terminal run `i..run_end`, closers to `j`, next word at `k`.
fn is_break(line: &str, i: usize, run_end: usize, j: usize, k: usize) -> bool {
    let next = &line[k..];
    let Some(nc) = next.chars().next() else {
        return false;
    };
    if nc.is_lowercase() {
        return false;
    }
    if &line[i..run_end] != "." || j > run_end {
        return true;
    }
    let token = line[..i].rsplit(char::is_whitespace).next().unwrap_or("");
    if !token.ends_with(char::is_alphanumeric) {
        return true;
    }
    let token = token.trim_start_matches(|c: char| !c.is_alphanumeric());
    let word_len = next.find(|c: char| !c.is_alphabetic()).unwrap_or(next.len());
    let starter = STARTERS.split_whitespace().any(|w| w == &next[..word_len]) && !next[word_len..].starts_with('.');
    if TITLES.contains(&token) {
        false
    } else if BEFORE_DIGIT.contains(&token) {
        !nc.is_ascii_digit()
    } else if SUFFIXES.contains(&token) || is_initialism(token) {
        starter
    } else {
        true
    }
}

/// A sentence end a scrape glued to the next sentence (`the party.Zoom out`, `a nightmare."On
/// Monday`): after a lower-case word of two letters or more, a terminal run and its closers are
/// followed at once by a capitalised word (a capital, then a lower-case letter), maybe after an
/// opening quotation mark. `U.S.Army`,
/// `e.g.The`, `axios.com` and `Ph.D` stay whole.
fn glued_stop(line: &str, i: usize, j: usize) -> bool {
    let before = line[..i].rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let mut next = line[j..].trim_start_matches(['“', '‘', '«']).chars();
    before.chars().count() >= 2
        && before.chars().all(char::is_lowercase)
        && line[..i].ends_with(before)
        && next.next().is_some_and(char::is_uppercase)
        && next.next().is_some_and(char::is_lowercase)
}

/// `J`, `U.S`, `a.m`, `Ph.D`: a single capital, or dotted parts of 1-2 letters.
fn is_initialism(token: &str) -> bool {
    let mut chars = token.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return c.is_uppercase();
    }
    token.contains('.')
        && token.split('.').all(|p| (1..=2).contains(&p.chars().count()) && p.chars().all(char::is_alphabetic))
}

/// Clamps segments to `text` and char boundaries, sorts them, drops empty
/// and overlapping ones.
fn clean_segments(text: &str, segments: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut segs: Vec<Range<usize>> = segments
        .iter()
        .filter_map(|r| {
            let mut end = r.end.min(text.len());
            let mut start = r.start.min(end);
            while !text.is_char_boundary(start) {
                start += 1;
            }
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            (start < end).then_some(start..end)
        })
        .collect();
    segs.sort_by_key(|r| (r.start, r.end));
    let mut last = 0;
    segs.retain(|r| {
        let keep = r.start >= last;
        if keep {
            last = r.end;
        }
        keep
    });
    segs
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (text, segments as (start, end), expected strings)
    type SegCase = (&'static str, &'static [(usize, usize)], &'static [&'static str]);

    fn whole(text: &str) -> Vec<&str> {
        split_sentences(text, std::slice::from_ref(&(0..text.len()))).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn splits_single_segment() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Officials met on Dec. 12 in Seoul. They agreed.",
                &["Officials met on Dec. 12 in Seoul.", "They agreed."],
            ),
            (
                "Talks with U.S. officials stalled. Mr. Kim left.",
                &["Talks with U.S. officials stalled.", "Mr. Kim left."],
            ),
            ("He moved to the U.S. The visa came later.", &["He moved to the U.S.", "The visa came later."]),
            ("U.S. Army units moved in.", &["U.S. Army units moved in."]),
            // sentences a scrape glued together come apart; initials, domains and degrees do not
            (
                "Voters went to the polls.Zoom out: the mayor won.“We did it.”Then he left.",
                &["Voters went to the polls.", "Zoom out: the mayor won.", "“We did it.”", "Then he left."],
            ),
            (
                "The U.S.Army, see axios.com or e.g.The Ph.D.Thesis here.",
                &["The U.S.Army, see axios.com or e.g.The Ph.D.Thesis here."],
            ),
            (
                "He met Gen. Park at dawn. Dr. Lee and Mrs. Cho came.",
                &["He met Gen. Park at dawn.", "Dr. Lee and Mrs. Cho came."],
            ),
            (
                "Justice John M. Harlan dissented. J. A. Smith agreed.",
                &["Justice John M. Harlan dissented.", "J. A. Smith agreed."],
            ),
            ("So did I. Then we left.", &["So did I.", "Then we left."]),
            (
                "Growth was 3.5 percent. Prices rose on 03.10.1998 too.",
                &["Growth was 3.5 percent.", "Prices rose on 03.10.1998 too."],
            ),
            (
                "“We held the trench.” Kim added that it was hard.",
                &["“We held the trench.”", "Kim added that it was hard."],
            ),
            ("“We held the trench”. Next came rain.", &["“We held the trench”.", "Next came rain."]),
            ("“Help!” he shouted. Nobody came.", &["“Help!” he shouted.", "Nobody came."]),
            ("\"Why?\" she asked quietly.", &["\"Why?\" she asked quietly."]),
            ("Really?! Yes. (Maybe.) Fine.", &["Really?!", "Yes.", "(Maybe.)", "Fine."]),
            (
                "He paused… then went on. Wait... What happened?",
                &["He paused… then went on.", "Wait...", "What happened?"],
            ),
            ("It was late... and cold.", &["It was late... and cold."]),
            (
                "Shares of Acme Inc. The firm said. Acme Corp. Chief Bob quit.",
                &["Shares of Acme Inc.", "The firm said.", "Acme Corp. Chief Bob quit."],
            ),
            (
                "Guns, tanks, etc. The list grew. Rifles etc. Officials said so.",
                &["Guns, tanks, etc.", "The list grew.", "Rifles etc. Officials said so."],
            ),
            (
                "It began at 5 p.m. The crowd grew. At 6 p.m. Tuesday it ended.",
                &["It began at 5 p.m.", "The crowd grew.", "At 6 p.m. Tuesday it ended."],
            ),
            ("No. 10 said no. Then it said yes.", &["No. 10 said no.", "Then it said yes."]),
            ("Born in Jan. Then he left.", &["Born in Jan.", "Then he left."]),
            ("In 2023. The end", &["In 2023.", "The end"]),
            // Headlines without final punctuation, hard wraps, blank lines.
            (
                "Troops advance near Kharkiv\nThe army said it moved.",
                &["Troops advance near Kharkiv", "The army said it moved."],
            ),
            ("Headline\r\nBody text here.\r\n", &["Headline", "Body text here."]),
            (
                "The army said it had\nadvanced ten miles. Reporters\nwere not allowed.",
                &["The army said it had\nadvanced ten miles.", "Reporters\nwere not allowed."],
            ),
            ("It ended.\nand then more.", &["It ended.", "and then more."]),
            ("First part\n\nsecond part lower", &["First part", "second part lower"]),
            ("  \n  \t ", &[]),
            ("", &[]),
            ("?!...", &["?!..."]),
            ("\u{301}. \u{301}!", &["\u{301}.", "\u{301}!"]),
            ("🙂. 🙂! Ok", &["🙂.", "🙂!", "Ok"]),
        ];
        for (text, want) in cases {
            assert_eq!(whole(text), *want, "input: {text:?}");
        }
    }

    #[test]
    fn respects_segments() {
        let cases: &[SegCase] = &[
            ("Title\nAdvertisement\nBody one. Body two.", &[(0, 5), (20, 39)], &["Title", "Body one.", "Body two."]),
            ("The army said it had\nadvanced", &[(0, 20), (21, 29)], &["The army said it had", "advanced"]),
            ("abc", &[], &[]),
            ("abc", &[(1, 1), (2, 1), (5, 9)], &[]),
            ("é. Ok", &[(1, 6)], &[".", "Ok"]),
            ("ab. Cd", &[(3, 6), (0, 3)], &["ab.", "Cd"]),
        ];
        for (text, segs, want) in cases {
            let segs: Vec<Range<usize>> = segs.iter().map(|&(a, b)| a..b).collect();
            let got: Vec<&str> = split_sentences(text, &segs).into_iter().map(|r| &text[r]).collect();
            assert_eq!(got, *want, "input: {text:?} {segs:?}");
        }
    }

    #[test]
    fn fuzz_invariants() {
        const ALPHABET: &[char] = &[
            'a', 'b', 'Q', 'Z', '3', ' ', ' ', '\n', '\r', '\t', '.', '.', '!', '?', '"', '\'', '“', '”', '‘', '’',
            '…', 'é', '🙂', '\u{301}', '«', '»', '(', ')',
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut rand = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for iter in 0..4000 {
            let len = rand(48);
            let text: String = (0..len).map(|_| ALPHABET[rand(ALPHABET.len())]).collect();
            let mut segs = Vec::new();
            let bounds: Vec<usize> =
                text.char_indices().map(|(i, _)| i).chain([text.len()]).filter(|_| rand(3) == 0).collect();
            for pair in bounds.chunks(2) {
                if let [a, b] = pair {
                    segs.push(*a..*b);
                }
            }
            if iter % 5 == 0 {
                segs.push(rand(len + 3)..rand(len + 3));
            }
            let got = split_sentences(&text, &segs);
            let mut last = 0;
            for r in &got {
                assert!(r.start < r.end && r.end <= text.len(), "{text:?} {r:?}");
                assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                assert!(r.start >= last, "unsorted or overlapping: {text:?} {got:?}");
                assert_eq!(text[r.clone()].trim(), &text[r.clone()]);
                if iter % 5 != 0 {
                    assert!(segs.iter().any(|s| s.start <= r.start && r.end <= s.end));
                }
                last = r.end;
            }
        }
    }
}
