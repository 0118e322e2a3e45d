//! A prepared document: the words of a text with what every step of extraction asks of them
//! (lower case, sentence bounds, the punctuation around each word, quotations, the nearest
//! reporting verbs), and small helpers over it.

use std::borrow::Cow;
use std::ops::Range;

use crate::text::{TextAnalysis, Token};

use super::words::{
    in_bits, is_pronoun, list_bits_of, Words, AUXILIARIES, BODY_WORDS, BOUNDARY, CORE_REPORTING, DETERMINERS,
    IRREGULAR_PAST, LY_NOUNS, PRONOUNS, SKIPPABLE, TIME_WORDS, TITLES,
};

pub(crate) fn is_quote_char(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»' | '‘' | '’' | '\'' | '`' | '‹' | '›')
}

pub(super) fn is_dash(c: char) -> bool {
    matches!(c, '—' | '–' | '―' | '-')
}

/// Compact signature of the punctuation between two words (whitespace dropped, quotes as `"`,
/// dashes as `-`, other symbols as `*`, runs of one mark as one, at most four marks): ASCII,
/// held inline.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Sig {
    bytes: [u8; 4],
    len: u8,
}

impl Sig {
    pub(super) fn as_str(&self) -> &str {
        // only ASCII marks are ever pushed
        std::str::from_utf8(&self.bytes[..usize::from(self.len)]).unwrap_or("")
    }

    fn push(&mut self, b: u8) {
        self.bytes[usize::from(self.len)] = b;
        self.len += 1;
    }
}

impl std::ops::Deref for Sig {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<&str> for Sig {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// The [`Sig`] of the punctuation in `gap`.
fn signature(gap: &str) -> Sig {
    let mut s = Sig::default();
    for c in gap.chars() {
        if c.is_whitespace() {
            continue;
        }
        let m = if is_quote_char(c) {
            b'"'
        } else if is_dash(c) {
            b'-'
        } else if matches!(c, ',' | '.' | ':' | ';' | '(' | ')' | '?' | '!' | '[' | ']') {
            c as u8
        } else {
            b'*'
        };
        if s.len > 0 && s.bytes[usize::from(s.len) - 1] == m {
            continue;
        }
        s.push(m);
        if s.len >= 4 {
            break;
        }
    }
    s
}

pub(super) struct Doc<'a> {
    pub(super) text: &'a str,
    pub(super) toks: &'a [Token],
    /// The analysis the document was made from (its words' normal forms and stems).
    pub(super) analysis: &'a TextAnalysis,
    /// Each word in lower case (borrowed from the analysis's normal forms where they agree).
    pub(super) lower: Vec<Cow<'a, str>>,
    /// First / last word of its sentence.
    pub(super) first: Vec<bool>,
    pub(super) last: Vec<bool>,
    /// Word shape: `pron`, `det`, `num`, `cap` or `low`.
    pub(super) shapes: Vec<&'static str>,
    /// Index of the first / last word of the word's sentence.
    pub(super) sent_first: Vec<usize>,
    pub(super) sent_last: Vec<usize>,
    /// Punctuation signature of the text before the word (from the previous word, or from the
    /// sentence start for a first word).
    pub(super) gap: Vec<Sig>,
    /// Punctuation signature of the text after the word up to the next word (or to the
    /// sentence end for a last word).
    pub(super) after: Vec<Sig>,
    /// Whether a quoted word precedes / follows the word in its sentence.
    pub(super) quote_before: Vec<bool>,
    pub(super) quote_after: Vec<bool>,
    /// How the word relates to the closest earlier core reporting verb of its sentence.
    pub(super) rep_before: Vec<&'static str>,
    /// How the word relates to the closest later core reporting verb of its sentence.
    pub(super) rep_after: Vec<&'static str>,
    /// Words of a relative clause without `who` that ends a noun phrase (`Voters | we spoke to`,
    /// `the people | we interviewed`): part of that phrase, never a cue.
    pub(super) relative: Vec<bool>,
    /// The word lists that hold each word (lower-cased), looked up once: see [`Doc::is`].
    list_bits: Vec<u32>,
}

pub(super) fn slice(text: &str, a: usize, b: usize) -> &str {
    if a <= b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b) {
        &text[a..b]
    } else {
        ""
    }
}

impl<'a> Doc<'a> {
    pub(super) fn new(text: &'a str, analysis: &'a TextAnalysis) -> Doc<'a> {
        let toks: &[Token] = &analysis.tokens;
        let n = toks.len();
        let lower: Vec<Cow<'a, str>> = toks
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let w = slice(text, t.start, t.end);
                // an ASCII word's normal form is its lower case
                match analysis.norm.get(i) {
                    Some(norm) if w.is_ascii() && norm.len() == w.len() => Cow::Borrowed(norm),
                    _ => Cow::Owned(w.to_lowercase()),
                }
            })
            .collect();
        // the word lists holding each word, looked up once
        let list_bits: Vec<u32> = lower.iter().map(|w| list_bits_of(w)).collect();
        let sent = |i: usize| analysis.sentences.get(toks[i].sentence as usize).cloned();
        let first: Vec<bool> = (0..n).map(|i| i == 0 || toks[i - 1].sentence != toks[i].sentence).collect();
        let last: Vec<bool> = (0..n).map(|i| i + 1 == n || toks[i + 1].sentence != toks[i].sentence).collect();
        let gap: Vec<Sig> = (0..n)
            .map(|i| {
                let from = if first[i] { sent(i).map_or(toks[i].start, |s| s.start) } else { toks[i - 1].end };
                signature(slice(text, from, toks[i].start))
            })
            .collect();
        let after: Vec<Sig> = (0..n)
            .map(|i| {
                let to = if last[i] { sent(i).map_or(toks[i].end, |s| s.end) } else { toks[i + 1].start };
                signature(slice(text, toks[i].end, to))
            })
            .collect();
        let mut sent_first = vec![0; n];
        for i in 1..n {
            sent_first[i] = if first[i] { i } else { sent_first[i - 1] };
        }
        let mut sent_last = vec![n.saturating_sub(1); n];
        for i in (0..n.saturating_sub(1)).rev() {
            sent_last[i] = if last[i] { i } else { sent_last[i + 1] };
        }
        let mut quote_before = vec![false; n];
        let mut quote_after = vec![false; n];
        let mut seen = false;
        for i in 0..n {
            if first[i] {
                seen = false;
            }
            quote_before[i] = seen;
            seen |= toks[i].quoted;
        }
        seen = false;
        for i in (0..n).rev() {
            if last[i] {
                seen = false;
            }
            quote_after[i] = seen;
            seen |= toks[i].quoted;
        }
        let mut rep_before = vec!["none"; n];
        let mut state = "none";
        for i in 0..n {
            if first[i] {
                state = "none";
            } else if state != "none" {
                let g = &gap[i];
                if g.contains('"') {
                    state = "quote";
                } else if g.contains(',') || g.contains(';') || g.contains('-') {
                    state = "comma";
                } else if lower[i - 1] == "that" && state == "plain" {
                    state = "that";
                }
            }
            rep_before[i] = state;
            if !toks[i].quoted && in_bits(CORE_REPORTING, list_bits[i]) {
                state = "plain";
            }
        }
        let mut rep_after = vec!["none"; n];
        state = "none";
        for i in (0..n).rev() {
            if last[i] {
                state = "none";
            } else if state != "none" {
                let g = &after[i];
                if g.contains('"') {
                    state = "quote";
                } else if g.contains(',') || g.contains(';') || g.contains('-') {
                    state = "comma";
                }
            }
            rep_after[i] = state;
            if !toks[i].quoted && in_bits(CORE_REPORTING, list_bits[i]) {
                state = "plain";
            }
        }
        let mut doc = Doc {
            text,
            toks,
            analysis,
            lower,
            first,
            last,
            shapes: Vec::new(),
            sent_first,
            sent_last,
            gap,
            after,
            quote_before,
            quote_after,
            rep_before,
            rep_after,
            relative: Vec::new(),
            list_bits,
        };
        doc.shapes = (0..n).map(|i| doc.compute_shape(i)).collect();
        doc.relative = doc.relative_clauses();
        doc
    }

    pub(super) fn len(&self) -> usize {
        self.toks.len()
    }

    /// Whether word `i`, lower-cased, is in `list` (as [`in_list`] of `lower[i]`).
    pub(super) fn is(&self, list: Words, i: usize) -> bool {
        in_bits(list, self.list_bits[i])
    }

    /// See [`Doc::relative`]: a personal pronoun after a noun, then `spoke to`, `talked with`,
    /// `interviewed` and the like, then another word of the sentence.
    fn relative_clauses(&self) -> Vec<bool> {
        let n = self.len();
        let mut out = vec![false; n];
        for p in 1..n.saturating_sub(2) {
            if !matches!(&*self.lower[p], "we" | "i" | "they" | "you" | "he" | "she") {
                continue;
            }
            let verb = &*self.lower[p + 1];
            let with_prep =
                matches!(verb, "spoke" | "spoken" | "talked") && matches!(&*self.lower[p + 2], "to" | "with");
            let bare = matches!(verb, "interviewed" | "surveyed" | "contacted" | "polled");
            let last = if with_prep { p + 2 } else { p + 1 };
            let noun = &self.lower[p - 1];
            let noun_like = !self.toks[p - 1].quoted
                && noun.chars().all(char::is_alphabetic)
                && ![BOUNDARY, DETERMINERS, PRONOUNS, AUXILIARIES, CORE_REPORTING].iter().any(|&l| self.is(l, p - 1))
                && !is_verbish(self, p - 1);
            if (with_prep || bare) && noun_like && (p - 1..=last).all(|k| self.tight(k)) {
                out[p..=last].iter_mut().for_each(|r| *r = true);
            }
        }
        out
    }

    pub(super) fn word(&self, i: usize) -> &str {
        slice(self.text, self.toks[i].start, self.toks[i].end)
    }

    pub(super) fn capitalised(&self, i: usize) -> bool {
        self.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Word `i` and word `i + 1` are in one sentence with only whitespace (or the dot of an
    /// abbreviation or initial: `Mr. Trump`, `George W. Bush`) between them.
    pub(super) fn tight(&self, i: usize) -> bool {
        i + 1 < self.len()
            && !self.last[i]
            && (self.gap[i + 1].is_empty() || (self.gap[i + 1] == "." && self.abbreviation(i)))
    }

    /// An initial (`W`), an abbreviated title (`Mr`) or capitals with dots before a lower-case
    /// word (`U.S. officials`, `U.N. inspectors`) or a body or title (`U.S. Embassy`, `U.S.
    /// Secretary of State`), whose final dot is part of the name, not the end of a sentence
    /// (`imposed by the U.S. Officials said ...` ends one; `a.m.` is no name).
    fn abbreviation(&self, i: usize) -> bool {
        let w = self.word(i);
        let dotted = w.contains('.')
            && w.split('.').all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
            && i + 1 < self.len()
            && (!self.capitalised(i + 1) || self.is(BODY_WORDS, i + 1));
        (w.chars().count() == 1 && self.capitalised(i)) || dotted || self.is(TITLES, i)
    }

    /// Whether word `i` is a pronoun as written (`WHO`, the World Health Organization, is not).
    pub(super) fn pronoun(&self, i: usize) -> bool {
        self.is(PRONOUNS, i) && is_pronoun(self.word(i))
    }

    pub(super) fn shape(&self, i: usize) -> &'static str {
        self.shapes[i]
    }

    fn compute_shape(&self, i: usize) -> &'static str {
        let w = &self.lower[i];
        if self.is(PRONOUNS, i) {
            "pron"
        } else if self.is(DETERMINERS, i) {
            "det"
        } else if w.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            "num"
        } else if self.capitalised(i) {
            "cap"
        } else {
            "low"
        }
    }

    /// What stands before word `i`: sentence start (with its punctuation), punctuation, or
    /// the previous word.
    pub(super) fn prev_symbol(&self, i: usize) -> std::borrow::Cow<'_, str> {
        if self.first[i] {
            format!("<s>{}", self.gap[i].as_str()).into()
        } else if !self.gap[i].is_empty() {
            self.gap[i].as_str().into()
        } else {
            Cow::Borrowed(&*self.lower[i - 1])
        }
    }

    pub(super) fn next_symbol(&self, i: usize) -> std::borrow::Cow<'_, str> {
        if self.last[i] {
            format!("</s>{}", self.after[i].as_str()).into()
        } else if !self.after[i].is_empty() {
            self.after[i].as_str().into()
        } else {
            Cow::Borrowed(&*self.lower[i + 1])
        }
    }
}

pub(super) fn range_of(d: &Doc, a: usize, b: usize) -> Range<usize> {
    d.toks[a].start..d.toks[b].end
}

/// Byte just after the first `c` in the gap after word `i` (to take a closing comma or bracket).
pub(super) fn through(d: &Doc, i: usize, c: char) -> usize {
    let end = if i + 1 < d.len() { d.toks[i + 1].start } else { d.text.len() };
    let gap = slice(d.text, d.toks[i].end, end);
    gap.find(c).map_or(d.toks[i].end, |k| d.toks[i].end + k + c.len_utf8())
}

pub(super) fn is_verbish(d: &Doc, i: usize) -> bool {
    let w = &*d.lower[i];
    d.is(AUXILIARIES, i) || (!d.capitalised(i) && (w.ends_with("ed") || d.is(IRREGULAR_PAST, i)))
}

/// Whether word `k`, between a source and its cue, belongs to neither: an adverb (`also`,
/// `publicly`) or a time phrase (`on Thursday evening`, `last week`).
pub(super) fn skippable(d: &Doc, k: usize) -> bool {
    let w = &*d.lower[k];
    if d.is(SKIPPABLE, k) || d.is(TIME_WORDS, k) {
        return true;
    }
    if w == "on" || w == "this" {
        return d.tight(k) && d.is(TIME_WORDS, k + 1);
    }
    !d.capitalised(k) && w.len() >= 6 && w.ends_with("ly") && !d.is(LY_NOUNS, k)
}

/// Word index of the first word of the sentence holding word `i`.
pub(super) fn sentence_first(d: &Doc, i: usize) -> usize {
    d.sent_first.get(i).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures() {
        assert_eq!(signature(" ,” "), ",\"");
        assert_eq!(signature(" — "), "-");
        assert_eq!(signature("  "), "");
        assert_eq!(signature(" ,, — ... «» ) "), ",-.\"");
        assert_eq!(signature("|#"), "*");
        assert_eq!(signature(":)"), ":)");
    }
}
