//! Detection of quoted speech in article body text.
//!
//! Finds the byte ranges between double quotation marks (curly, straight,
//! guillemets, German low-high) and of top-level single-quoted passages that
//! close within their segment. Apostrophes and contractions are not quotes.

use std::ops::Range;

/// Returns sorted, non-overlapping, non-empty byte ranges of quoted content
/// (marks excluded) inside the body `segments` of `text`.
///
/// Single quotes nested in a double-quoted region are part of that region.
/// A double quote left open at the end of a segment continues into the next
/// segment when that one starts with an opening double quote (the region then
/// spans the text between the segments); otherwise it ends at the end of the
/// segment, trailing whitespace trimmed.
pub fn quote_regions(text: &str, segments: &[Range<usize>]) -> Vec<Range<usize>> {
    let segs = clean_segments(text, segments);
    let mut out = Vec::new();
    let mut push = |r: Range<usize>| {
        if r.start < r.end {
            out.push(r);
        }
    };
    // Content start and opening mark of the current double-quoted region.
    let mut open: Option<(usize, char)> = None;
    for (n, seg) in segs.iter().enumerate() {
        let body = &text[seg.clone()];
        let mut pos = seg.start;
        if let Some((start, _)) = open {
            // Continuation: skip the paragraph's leading opening mark, which
            // now decides the expected closer.
            let rest = body.trim_start();
            if let Some(mark) = rest.chars().next() {
                pos += body.len() - rest.len() + mark.len_utf8();
                open = Some((start, mark));
            }
        }
        while let Some(c) = text[pos..seg.end].chars().next() {
            let after = pos + c.len_utf8();
            let prev = text[seg.start..pos].chars().next_back();
            let rest = &text[after..seg.end];
            match open {
                Some((start, mark)) if closes_double(mark, c) => {
                    push(start..pos);
                    open = None;
                }
                Some(_) => {}
                None if opens_double(c, prev, rest.chars().next()) => open = Some((after, c)),
                None if opens_single(c, prev, rest) => {
                    if let Some(close) = find_single_close(text, seg, after) {
                        push(after..close);
                        pos = close + text[close..].chars().next().map_or(1, char::len_utf8);
                        continue;
                    }
                }
                None => {}
            }
            pos = after;
        }
        if let Some((start, _)) = open {
            let continues = segs.get(n + 1).is_some_and(|next| {
                let mut chars = text[next.clone()].trim_start().chars();
                chars.next().is_some_and(|c| opens_double(c, None, chars.next()))
            });
            if !continues {
                push(start..(seg.start + body.trim_end().len()).max(start));
                open = None;
            }
        }
    }
    out
}

fn is_open_punct(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '"' | '\'' | '“' | '‘' | '„' | '«' | '—' | '–')
}

fn is_close_punct(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | '…' | ')' | ']' | '}' | '”' | '’' | '\'' | '"')
}

/// Whether `c` opens a double-quoted region when none is open.
fn opens_double(c: char, prev: Option<char>, next: Option<char>) -> bool {
    match c {
        '“' | '„' | '«' => true,
        // A straight quote glued to the preceding word and followed by a
        // space or punctuation looks like a stray closer (or inches): skip.
        '"' => {
            let glued = prev.is_some_and(|p| !p.is_whitespace() && !is_open_punct(p));
            !(glued && next.is_none_or(|n| n.is_whitespace() || is_close_punct(n)))
        }
        // German style »…«: only when clearly attached to the following word.
        '»' => prev.is_none_or(char::is_whitespace) && next.is_some_and(|n| !n.is_whitespace()),
        _ => false,
    }
}

/// Whether `c` closes a double-quoted region opened by `mark`.
fn closes_double(mark: char, c: char) -> bool {
    match (mark, c) {
        ('«', '»') | ('»', '«') | ('„', '“') => true,
        ('«' | '»', _) => false,
        (_, '”' | '"') => true,
        _ => false,
    }
}

/// Contractions and decades after a leading mark: `'s`, `'t`, `'re`, `'90s`.
fn is_elision(rest: &str) -> bool {
    let end = rest.find(|c: char| !c.is_alphanumeric());
    let word = &rest[..end.unwrap_or(rest.len())];
    let b = word.as_bytes();
    let decade = (2..=3).contains(&b.len()) && b[..2].iter().all(u8::is_ascii_digit) && (b.len() == 2 || b[2] == b's');
    decade || ["s", "t", "re", "ll", "d", "ve", "m", "em", "n"].contains(&word)
}

/// Whether `c` opens a (top-level) single-quoted passage. `’` never opens.
fn opens_single(c: char, prev: Option<char>, rest: &str) -> bool {
    match c {
        '‘' => !is_elision(rest),
        '\'' => {
            prev.is_none_or(|p| p.is_whitespace() || is_open_punct(p))
                && rest.starts_with(|n: char| !n.is_whitespace())
                && !is_elision(rest)
        }
        _ => false,
    }
}

/// `Some(strong)` if `c` can close a single-quoted passage. Strong closers
/// touch punctuation (`,’` or `’.`); weak ones sit between a word and a space
/// and may be plural possessives (`soldiers’ coffins`).
fn closes_single(c: char, prev: Option<char>, next: Option<char>) -> Option<bool> {
    let p = prev?;
    if !matches!(c, '’' | '\'') || p.is_whitespace() || is_open_punct(p) || next.is_some_and(char::is_alphanumeric) {
        return None;
    }
    Some(!p.is_alphanumeric() || next.is_none_or(|n| !n.is_whitespace()))
}

/// Finds the closing single mark for a passage whose content starts at
/// `from`, within `seg` and before the next single opener. Prefers the first
/// strong closer, else the first weak one.
fn find_single_close(text: &str, seg: &Range<usize>, from: usize) -> Option<usize> {
    let mut weak = None;
    let mut pos = from;
    while let Some(c) = text[pos..seg.end].chars().next() {
        let after = pos + c.len_utf8();
        let prev = text[seg.start..pos].chars().next_back();
        match closes_single(c, prev, text[after..seg.end].chars().next()) {
            Some(true) => return Some(pos),
            Some(false) => weak = weak.or(Some(pos)),
            None if opens_single(c, prev, &text[after..seg.end]) => break,
            None => {}
        }
        pos = after;
    }
    weak
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

    /// Segments are the `\n\n`-separated paragraphs of `text`.
    fn paragraphs(text: &str) -> Vec<Range<usize>> {
        let mut segs = Vec::new();
        let mut pos = 0;
        for p in text.split("\n\n") {
            segs.push(pos..pos + p.len());
            pos += p.len() + 2;
        }
        segs
    }

    fn quotes(text: &str) -> Vec<&str> {
        quote_regions(text, &paragraphs(text)).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn finds_quotes() {
        let cases: &[(&str, &[&str])] = &[
            ("He said \"we won\" and \"they lost\".", &["we won", "they lost"]),
            ("“We won,” he said. “They lost.”", &["We won,", "They lost."]),
            ("“He told me ‘run’ now,” she said.", &["He told me ‘run’ now,"]),
            ("\"He said 'go' and don't stop,\" she said.", &["He said 'go' and don't stop,"]),
            ("It was no-man ’s-land. Don't go. The soldiers’ coffins. The '90s. Rock 'n' roll.", &[]),
            ("The ‘90s and the ’80s were loud.", &[]),
            ("“Don’t go,” he said of the soldiers’ coffins.", &["Don’t go,"]),
            ("'We will win,' he said, 'no doubt.'", &["We will win,", "no doubt."]),
            ("He called it ‘a disaster’ today.", &["a disaster"]),
            ("‘The soldiers’ coffins came home,’ he said.", &["The soldiers’ coffins came home,"]),
            ("He said ‘maybe and left.", &[]),
            ("He said ‘maybe\n\nand left’.", &[]),
            ("He won.” Then “yes” came.", &["yes"]),
            ("He is 5'10\" tall and \"fit\".", &["fit"]),
            ("Er sagte „Ja“ und »Nein«.", &["Ja", "Nein"]),
            ("Il a dit « Oui » hier.", &[" Oui "]),
            ("Empty \"\" quote.", &[]),
            ("“First para.\n\n“Second para,” he said.", &["First para.\n\n“Second para,"]),
            ("“One.\n\n“Two.\n\n\"Three.\" Done.", &["One.\n\n“Two.\n\n\"Three."]),
            ("He said “we will win   \n\nNext para “ok”.", &["we will win", "ok"]),
            ("\"Open at the end\n\nplain text", &["Open at the end"]),
            ("Trailing opener “", &[]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(quotes(text), *want, "input: {text:?}");
        }
    }

    #[test]
    fn odd_segments() {
        let cases: &[SegCase] = &[
            ("", &[], &[]),
            ("", &[(0, 0)], &[]),
            ("\"abc\"", &[], &[]),
            ("\"abc\"", &[(0, 99)], &["abc"]),
            ("“a”", &[(1, 7), (0, 1)], &[]),
            // Boilerplate between segments is inside a continued region.
            ("« a\n\n“b” c »", &[(0, 4), (6, 18)], &[" a\n\n“b"]),
            ("“a\nAD\n“b”", &[(0, 4), (8, 15)], &["a\nAD\n“b"]),
        ];
        for (text, segs, want) in cases {
            let segs: Vec<Range<usize>> = segs.iter().map(|&(a, b)| a..b).collect();
            let got: Vec<&str> = quote_regions(text, &segs).into_iter().map(|r| &text[r]).collect();
            assert_eq!(got, *want, "input: {text:?} {segs:?}");
        }
    }

    #[test]
    fn fuzz_invariants() {
        const ALPHABET: &[char] = &[
            'a', 'b', 'Q', 'Z', '3', ' ', ' ', '\n', '.', '!', '?', '"', '"', '\'', '\'', '“', '”', '‘', '’', '„', '«',
            '»', 'é', '🙂', '\u{301}', '…',
        ];
        let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut rand = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for iter in 0..4000 {
            let len = rand(48);
            let text: String = (0..len).map(|_| ALPHABET[rand(ALPHABET.len())]).collect();
            let bounds: Vec<usize> =
                text.char_indices().map(|(i, _)| i).chain([text.len()]).filter(|_| rand(3) == 0).collect();
            let mut segs: Vec<Range<usize>> =
                bounds.chunks(2).filter_map(|p| if let [a, b] = p { Some(*a..*b) } else { None }).collect();
            if iter % 5 == 0 {
                segs.push(rand(len + 3)..rand(len + 3));
            }
            let got = quote_regions(&text, &segs);
            let mut last = 0;
            for r in &got {
                assert!(r.start < r.end && r.end <= text.len(), "{text:?} {r:?}");
                assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                assert!(r.start >= last, "unsorted or overlapping: {text:?} {got:?}");
                last = r.end;
            }
        }
    }
}
