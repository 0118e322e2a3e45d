//! Finding the content of a cue (step 4 of extraction): the adjacent quotation, the clause after
//! or before the cue, the second part of a quotation split by its attribution, and the end of a
//! clause without its trailing punctuation.

use std::ops::Range;

use crate::text::TextAnalysis;

use super::doc::{is_quote_char, is_verbish, sentence_first, skippable, slice, Doc};
use super::span::CueSpan;
use super::words::{
    in_list, is_article, ADDRESSEES, BOUNDARY, DETERMINERS, INTRODUCERS, MEDIUMS, PREPOSITIONS, TIME_WORDS,
};

/// Where the medium named right after cue `c` ends (`said in | a speech`, `said in a |
/// statement`, `wrote on | its Telegram channel`): the word after the medium's noun (perhaps
/// past its sentence's end), when the words from `k` are a preposition (or the cue ends in
/// one, with its determiner), determiners and at most two more words, and a noun of
/// [`MEDIUMS`]. Without the preposition, `said the report was false` names no medium.
fn medium_end(d: &Doc, c: &CueSpan, k: usize) -> Option<usize> {
    let prep = |w: &str| matches!(w, "in" | "on" | "via" | "through" | "during");
    let cue_prep = (c.first..c.end).rev().take(2).any(|m| prep(&d.lower[m]));
    let mut m = k;
    if m < d.len() && prep(&d.lower[m]) {
        m += 1;
    } else if !cue_prep {
        return None;
    }
    while m < d.len() && !d.last[m] && d.is(DETERMINERS, m) {
        m += 1;
    }
    // `its Telegram | channel`, `a follow-up | interview`; not `the senator to | release`
    let modifier = |j: usize| !d.last[j] && !d.is(BOUNDARY, j);
    (m..(m + 3).min(d.len())).find(|&j| d.is(MEDIUMS, j) && (m..j).all(modifier)).map(|j| j + 1)
}

/// Whether the content found after cue `c` is mostly the medium it was said in (`..., Kim said
/// in | a speech on December 12 marking the day.`): the medium, then at most eight words to
/// the end of the sentence, which say where and when, not what.
pub(super) fn names_medium(d: &Doc, c: &CueSpan, content: Option<&Range<usize>>) -> bool {
    content.is_some_and(|r| {
        let k = d.toks.partition_point(|t| t.start < r.start);
        k == c.end && medium_end(d, c, k).is_some_and(|t| t > d.sent_last[k] || d.sent_last[k] - t < 8)
    })
}

/// Whether a reported clause found after a cue is no content: none, the source itself
/// (`said KCNA`), or only a time or a channel (`said on Monday`, `said in a statement`).
pub(super) fn says_nothing(d: &Doc, content: Option<&Range<usize>>, source: Option<&Range<usize>>) -> bool {
    let Some(r) = content else { return true };
    if source.is_some_and(|s| s.start < r.end && r.start < s.end) {
        return true;
    }
    let words = d.toks.partition_point(|t| t.start < r.start)..d.toks.partition_point(|t| t.start < r.end);
    // in a headline in capitals (`Trump Calls Obama To Resign`) a capital marks no name
    let headline = words.start < d.len() && title_case(d, words.start);
    // `said on Monday`, `said in a statement`, `said in its evening report`, `said on
    // Telegram`, `told Reuters`: when, where and to whom, but no claim
    words.len() <= 6
        && words.clone().all(|k| {
            let w = &*d.lower[k];
            skippable(d, k)
                || in_list(TIME_WORDS, w)
                || in_list(DETERMINERS, w)
                || in_list(MEDIUMS, w)
                || matches!(w, "on" | "in" | "at" | "to" | "last" | "late" | "early" | "its" | "their")
                || (d.capitalised(k) && !d.first[k] && !d.pronoun(k) && !headline)
        })
}

/// Whether the sentence of word `k` is written in title case, as headlines are: at least three
/// words, every one capitalised but short function words (`Senator Says Vote Was Rigged`,
/// `Rubio Endorses Cruz`, `Trump Calls on Obama to Resign`; not `Kim Jong Un told Reuters`).
fn title_case(d: &Doc, k: usize) -> bool {
    let (first, last) = (sentence_first(d, k), d.sent_last[k]);
    let minor = |m: usize| {
        matches!(
            &*d.lower[m],
            "a" | "an"
                | "the"
                | "and"
                | "but"
                | "or"
                | "for"
                | "nor"
                | "to"
                | "of"
                | "in"
                | "on"
                | "at"
                | "by"
                | "up"
                | "as"
                | "over"
                | "with"
                | "from"
                | "into"
                | "vs"
        )
    };
    last >= first + 2 && (first..=last).all(|m| d.capitalised(m) || minor(m))
}

/// Where the words of `r` begin after a dateline that opens them (`KYIV (Reuters) - `,
/// `VALMORA, March 16 (VCNA) — `): after its dash and the spaces that follow; else `r.start`.
pub(super) fn past_dateline(text: &str, r: Range<usize>) -> usize {
    let head = slice(text, r.start, (r.start + 80).min(r.end));
    let found = head
        .find(") - ")
        .or_else(|| head.find(") — "))
        .or_else(|| head.find(") – "))
        .or_else(|| head.find(") -- "))
        .map(|k| k + 2)
        .or_else(|| caps_dateline(head));
    let Some(k) = found else {
        return r.start;
    };
    let dash = &head[k..];
    let start = r.start + k + dash.find(char::is_whitespace).unwrap_or(0);
    let rest = slice(text, start, text.len());
    (start + rest.len() - rest.trim_start().len()).min(r.end)
}

/// `BEIJING, DEC 29: `, `LONDON, Nov 2 -- `: a place in capitals, a comma, and words in
/// capitals or digits up to a colon or a dash; where the colon or dash is.
fn caps_dateline(head: &str) -> Option<usize> {
    let place = head.split([',', ' ']).next()?;
    if place.chars().filter(|c| c.is_alphabetic()).count() < 3 || place.chars().any(char::is_lowercase) {
        return None;
    }
    let k = [": ", " -- ", " — ", " – ", " - "].iter().filter_map(|m| head.find(m)).min()?;
    let prefix = &head[..k];
    let words_ok =
        prefix.split_whitespace().all(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit() || c == '('));
    (k <= 40 && prefix.contains(',') && words_ok).then_some(k + 1)
}

/// The clause before a source or cue that ends its sentence, up to a comma or dash
/// (`The test was a success, | said KCNA.`).
pub(super) fn clause_before(
    d: &Doc,
    c: &CueSpan,
    source: Option<&Range<usize>>,
    analysis: &TextAnalysis,
) -> Option<Range<usize>> {
    let sentence = d.toks.get(c.first)?.sentence as usize;
    let sr = analysis.sentences.get(sentence)?;
    let cut = source.map_or(c.bytes.start, |s| s.start.min(c.bytes.start));
    let before = slice(d.text, sr.start, cut).trim_end();
    if !before.ends_with([',', '—', '–']) || !before.chars().any(char::is_alphanumeric) {
        return None;
    }
    let mut start = sr.start + (before.len() - before.trim_start().len());
    // a dateline is no part of the claim: `KYIV (Reuters) - Troops advanced, officials said.`
    start = past_dateline(d.text, start..sr.start + before.len());
    if !slice(d.text, start, sr.start + before.len()).chars().any(char::is_alphanumeric) {
        return None;
    }
    // `In Seoul, officials said on Monday.`: an introductory phrase is no clause; after it
    // (`With most votes counted, Halden led, the commission said.`) the clause begins
    let first = d.toks.partition_point(|t| t.end <= start);
    // (`At least nine died, ...` opens with a number, not with a phrase of place or time)
    let at_least = first + 1 < d.len() && d.lower[first] == "at" && matches!(&*d.lower[first + 1], "least" | "most");
    if first < d.len() && !at_least && (d.is(INTRODUCERS, first) || d.is(PREPOSITIONS, first)) {
        let end = sr.start + before.len() - 1; // the comma before the source
        let comma = slice(d.text, start, end).find(',')?;
        start += comma + 1;
        start += slice(d.text, start, end).len() - slice(d.text, start, end).trim_start().len();
        if !slice(d.text, start, end).chars().any(char::is_alphanumeric) {
            return None;
        }
    }
    Some(start..trim_content(d.text, start, sr.start + before.len()))
}

/// The content of `according to X` (or `a message published by X`): the rest of the sentence after `X,` when the cue opens the
/// sentence, else the sentence before the cue.
pub(super) fn according_to_content(
    d: &Doc,
    c: &CueSpan,
    source: Option<&Range<usize>>,
    analysis: &TextAnalysis,
) -> Option<Range<usize>> {
    let sentence = d.toks.get(c.first)?.sentence as usize;
    let sr = analysis.sentences.get(sentence)?;
    let before = slice(d.text, sr.start, c.bytes.start);
    if before.chars().any(char::is_alphanumeric) {
        let start = sr.start + (before.len() - before.trim_start().len());
        return Some(start..trim_content(d.text, start, c.bytes.start));
    }
    let from = source.map_or(c.bytes.end, |s| s.end);
    let rest = slice(d.text, from, sr.end);
    let skip = rest.find(',').map_or(0, |k| k + 1);
    let tail = &rest[skip..];
    let start = from + skip + (tail.len() - tail.trim_start().len());
    (start < sr.end).then(|| start..trim_content(d.text, start, sr.end).max(start))
}

/// Where the words `r` go on after a time closed by a comma that opens them (`Monday, has
/// withdrawn`, `last week, ...`): the start of the word after the comma.
pub(super) fn past_time(d: &Doc, r: &Range<usize>) -> Option<usize> {
    let first = d.toks.partition_point(|t| t.start < r.start);
    let timeish = |k: usize| d.is(TIME_WORDS, k) || matches!(&*d.lower[k], "on" | "last" | "this" | "late" | "early");
    let last = (first..(first + 4).min(d.len())).take_while(|&k| timeish(k) && !d.last[k]).last()?;
    let time = (first..=last).any(|k| d.is(TIME_WORDS, k));
    (time && d.toks[last + 1].start < r.end && d.gap[last + 1].starts_with(',')).then(|| d.toks[last + 1].start)
}

/// Whether the words `r` after an aside go on with the clause before it: they hold a verb
/// (`may be`, `has withdrawn`) or open with `to` (`it is his job, he said, to talk ...`), and
/// open with no conjunction or relative pronoun, which would begin a clause of the writer's
/// (`..., diplomats said, which surprised nobody`).
pub(super) fn goes_on(d: &Doc, r: &Range<usize>) -> bool {
    let words = d.toks.partition_point(|t| t.start < r.start)..d.toks.partition_point(|t| t.start < r.end);
    let Some(first) = words.clone().next() else { return false };
    !matches!(
        &*d.lower[first],
        "and"
            | "but"
            | "or"
            | "so"
            | "yet"
            | "as"
            | "while"
            | "although"
            | "though"
            | "which"
            | "who"
            | "whom"
            | "whose"
    ) && (d.lower[first] == "to" || words.take(8).any(|k| is_verbish(d, k)))
}

/// A quotation with the quotation marks around it.
fn with_marks(text: &str, q: &Range<usize>) -> Range<usize> {
    let mut s = q.start;
    let mut e = q.end;
    if let Some(ch) = slice(text, 0, s).chars().next_back() {
        if is_quote_char(ch) {
            s -= ch.len_utf8();
        }
    }
    if let Some(ch) = slice(text, e, text.len()).chars().next() {
        if is_quote_char(ch) {
            e += ch.len_utf8();
        }
    }
    s..e
}

/// The quotation (in `quotes`, without marks) ending just before the cue or its source, when it
/// is the cue's: near, in the cue's sentence or the one before, and closed by a comma, `?`,
/// `!` or dash (`"...," he said`).
fn quote_before<'q>(d: &Doc, c: &CueSpan, analysis: &'q TextAnalysis) -> Option<&'q Range<usize>> {
    let (text, qs, before) = (d.text, &analysis.quotes, c.bytes.start);
    let q = qs.partition_point(|q| q.end <= before).checked_sub(1).and_then(|k| qs.get(k))?;
    let gap = slice(text, q.end, before);
    let sentence_ok = c.first < d.len() && c.first > 0 && d.toks[c.first].sentence == d.toks[c.first - 1].sentence;
    let closes = slice(text, q.start, q.end).trim_end().ends_with(SPLIT_MARKS);
    let cue_sentence =
        d.toks.get(c.first.min(d.len().saturating_sub(1))).and_then(|t| analysis.sentences.get(t.sentence as usize));
    // a quotation closing the sentence before is the cue's when nothing but the source stands
    // between; a comma before a cue with words after it (`“...” The army, officials said, has
    // ...`) means the cue's sentence has a clause of its own (not so `“...” That, at least, is
    // what residents said.`)
    let more = c.end < d.len() && c.end > 0 && !d.last[c.end - 1];
    let near = cue_sentence.is_some_and(|sr| {
        q.end > sr.start
            || slice(text, q.end, sr.start)
                .chars()
                .all(|ch| ch.is_whitespace() || is_quote_char(ch) || ".,!?".contains(ch))
                && !(more && slice(text, sr.start, before).contains(','))
    });
    // a quotation closing the paragraph before belongs to that paragraph's speaker
    let lines: Vec<&str> = gap.split('\n').collect();
    let paragraph_break = lines.len() > 2 && lines[1..lines.len() - 1].iter().any(|l| l.trim().is_empty());
    let mine = near
        && !paragraph_break
        && gap.chars().filter(|ch| ch.is_alphanumeric()).count() <= 40
        && (closes || gap.contains([',', '?', '!', '—']))
        || (sentence_ok && gap.trim().chars().all(|ch| is_quote_char(ch) || ",.?!—–-".contains(ch)));
    mine.then_some(q)
}

/// Marks that end the first part of a quotation split by its attribution, inside or after it.
const SPLIT_MARKS: [char; 5] = [',', '?', '!', '—', '–'];

/// Whether the quotation `q` (with or without its marks) can be the first part of a split one:
/// it ends as a first part does and opens its sentence or follows a colon (not a scare quote
/// inside narration, `When asked about the “special operation,” Peskov said: ...`).
fn opens_split(d: &Doc, analysis: &TextAnalysis, q: &Range<usize>) -> bool {
    let sentences = &analysis.sentences;
    let opens = sentences.get(sentences.partition_point(|s| s.end <= q.start)).filter(|s| s.start <= q.start);
    let first = opens.is_some_and(|s| {
        let lead = slice(d.text, s.start, q.start).trim_end_matches(|ch: char| ch.is_whitespace() || is_quote_char(ch));
        lead.is_empty() || lead.ends_with(':')
    });
    first && slice(d.text, q.start, q.end).trim_end_matches(is_quote_char).trim_end().ends_with(SPLIT_MARKS)
}

/// The second part of a quotation split by an attribution whose source stands after the cue or
/// whose cue takes a listener (`"...," said Zoe Kowalski, "and ..."`, `"...," she told
/// reporters, "..."`): a quotation right after the source or cue, at most two words and a
/// comma, colon or dash between, when `first`, the content, is a quotation before the cue
/// that ends as a first part does.
pub(super) fn split_rest(
    d: &Doc,
    c: &CueSpan,
    first: &Range<usize>,
    source: Option<&Range<usize>>,
    analysis: &TextAnalysis,
) -> Option<Range<usize>> {
    if first.end > c.bytes.start || !opens_split(d, analysis, first) {
        return None;
    }
    let from = c.bytes.end.max(source.map_or(0, |s| s.end));
    let qs = &analysis.quotes;
    let q = qs.get(qs.partition_point(|q| q.start < from))?;
    let gap = slice(d.text, from, q.start);
    let words = gap.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count();
    let joined = gap.contains([',', ':', '—', '–']) && !gap.contains(['.', '!', '?', '\n']);
    (words <= 2 && joined).then(|| with_marks(d.text, q))
}

/// The content of cue `c`, whether it is a quotation, and the rest of a quotation split by the
/// cue (`"We will win," Peskov said, "because the West will tire."`: the first part is the
/// content, the second the rest).
pub(super) fn find_content(
    d: &Doc,
    c: &CueSpan,
    analysis: &TextAnalysis,
) -> (Option<Range<usize>>, bool, Option<Range<usize>>) {
    let text = d.text;
    let after = c.bytes.end;
    // the clause after the cue opens with `that` (`"...," he said, adding that talks were over`)
    let own_clause = c.end < d.len() && c.end > 0 && d.tight(c.end - 1) && d.lower[c.end] == "that";
    // quotation starting within a few punctuation chars after the cue
    let qs = &analysis.quotes;
    if let Some(q) = qs.get(qs.partition_point(|q| q.start < after)) {
        if slice(text, after, q.start)
            .chars()
            .all(|ch| ch.is_whitespace() || ",:;—–-".contains(ch) || is_quote_char(ch))
        {
            // a quotation ending in a comma (`?`, `!`, dash) right before the cue is its first part
            let split = quote_before(d, c, analysis).filter(|b| opens_split(d, analysis, b));
            return match split {
                Some(b) if slice(text, after, q.start).contains([',', ':', '—', '–']) => {
                    (Some(with_marks(text, b)), true, Some(with_marks(text, q)))
                }
                _ => (Some(with_marks(text, q)), true, None),
            };
        }
    }
    // quotation ending just before the cue (or before its source), unless the cue introduces
    // its own clause
    if let Some(q) = quote_before(d, c, analysis).filter(|_| !own_clause) {
        return (Some(with_marks(text, q)), true, None);
    }
    // the clause after the cue, to the end of its sentence
    if c.end < d.len() && c.end > 0 && !d.last[c.end - 1] {
        let mut k = c.end;
        // `told reporters (that) ...`, `told him ...`: the listener is not the content
        let listener = matches!(
            &*d.lower[k],
            "reporters" | "journalists" | "me" | "us" | "him" | "her" | "them" | "lawmakers" | "parliament"
        );
        if c.lemma == "tell" && listener && !d.last[k] {
            k += 1;
        } else if c.lemma == "tell" {
            k = past_addressee(d, k);
        }
        // `said on Monday that ...`: the time is not the content
        let mut t = k;
        while !d.last[t] && (d.is(TIME_WORDS, t) || matches!(&*d.lower[t], "on" | "last" | "this")) {
            t += 1;
        }
        if t > k && d.lower[t] == "that" {
            k = t;
        }
        // `said in a statement on Monday that ...`, `said in an interview with the AP last week
        // that ...`: the medium is not the content either (with no `that` after it, the caller
        // may take the clause before the cue instead)
        if let Some(t) = medium_end(d, c, k) {
            let words = t..(t + 10).min(d.len());
            // (not over a comma: `said in an interview, that ...` is an aside, handled as such)
            if let Some(t) =
                words.take_while(|&m| !d.last[m - 1] && !d.gap[m].contains(',')).find(|&m| d.lower[m] == "that")
            {
                k = t;
            }
        }
        // `said after casting | his ballot that ...`: a cue ending in a participle of time
        // reaches over its object to the `that` that opens the content
        let timed = c.end >= c.first + 3
            && d.lower[c.end - 1].ends_with("ing")
            && matches!(&*d.lower[c.end - 2], "after" | "before" | "while" | "when" | "upon");
        if timed {
            if let Some(t) =
                (k..(k + 6).min(d.len())).take_while(|&m| m == k || d.tight(m - 1)).find(|&m| d.lower[m] == "that")
            {
                k = t;
            }
        }
        if d.lower[k] == "that" && !d.last[k] {
            k += 1;
        }
        let sentence = d.toks[k].sentence as usize;
        let e = d.sent_last[k];
        let s = d.toks[k].start;
        let end = analysis.sentences.get(sentence).map_or(d.toks[e].end, |sr| sr.end.max(d.toks[e].end));
        return (Some(s..trim_content(text, s, end)), false, None);
    }
    (None, false, None)
}

/// The first word after the addressee of `told` starting at word `k`: a name (`told Reuters`,
/// `told the Associated Press`) or a listener noun (`told the newspaper`, `told a press
/// conference`); `k` itself when neither stands there or nothing would be left of the sentence.
fn past_addressee(d: &Doc, k: usize) -> usize {
    let mut m = k;
    if is_article(&d.lower[m]) && d.tight(m) {
        m += 1;
    }
    let mut end = m;
    if d.capitalised(m) && !d.toks[m].quoted {
        while d.tight(end) && d.capitalised(end + 1) {
            end += 1;
        }
    } else {
        while matches!(&*d.lower[end], "news" | "press") && d.tight(end) {
            end += 1;
        }
        if !d.is(ADDRESSEES, end) {
            return k;
        }
    }
    if d.last[end] {
        k
    } else {
        end + 1
    }
}

/// End of `text[start..end]` without trailing spaces, a final period, commas, dashes or a dangling
/// conjunction (`..., and`).
pub(super) fn trim_content(text: &str, start: usize, end: usize) -> usize {
    let mut t = slice(text, start, end);
    loop {
        let before = t.len();
        t = t.trim_end().trim_end_matches([',', ';', ':', '—', '–', '-', '(']);
        if let Some(x) = t.strip_suffix('.') {
            t = x;
        }
        if let Some((rest, last)) = t.rsplit_once(char::is_whitespace) {
            if matches!(last.to_lowercase().as_str(), "and" | "but" | "or" | "while" | "as" | "although" | "though") {
                t = rest;
            }
        }
        if t.len() == before {
            break;
        }
    }
    start + t.len()
}
