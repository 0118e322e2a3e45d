//! Finding the source of a cue (step 3 of extraction), and the noun phrase that a relative
//! pronoun source stands for.

use std::ops::Range;

use super::content::past_dateline;
use super::cue_model::CueModel;
use super::doc::{is_dash, is_verbish, range_of, sentence_first, skippable, slice, through, Doc};
use super::grammar::{np_left, np_right};
use super::span::{Attribution, CueKind, CueSpan};
use super::words::{
    in_list, past_form, AUXILIARIES, BE_FORMS, BOUNDARY, DETERMINERS, INTRODUCERS, IRREGULAR_PAST, REPORT_NOUNS,
    STATIVE, TIME_WORDS,
};

/// The noun phrase before `, who` (`which`, `that`) when `source` is such a relative pronoun.
pub(super) fn relative_antecedent(
    d: &Doc,
    source: &Range<usize>,
    probs: &[f32],
    model: &CueModel,
) -> Option<Range<usize>> {
    let k = d.toks.binary_search_by_key(&source.start, |t| t.start).ok()?;
    if d.toks[k].end != source.end || !d.pronoun(k) || !matches!(&*d.lower[k], "who" | "which" | "that") {
        return None;
    }
    // `, who` and `, which`; `which` also without the comma (`a ceremony which remembered`)
    let restrictive = d.lower[k] == "which" && d.gap[k].trim().is_empty();
    if k == 0 || d.first[k] || (d.gap[k] != "," && !restrictive) || d.toks[k - 1].quoted {
        return None;
    }
    Some(np_left(d, k - 1, probs, model))
}

/// Whether a would-be source is a single lower-case word in the past tense or a past
/// participle (`tried`, `went`, `proved`).
pub(super) fn lone_verb(w: &str) -> bool {
    !w.is_empty() && w.chars().all(char::is_lowercase) && past_form(w)
}

/// The subject at the start of the sentence of word `before` (after an introductory phrase
/// closed by a comma), when it reads as a noun phrase.
fn sentence_subject(d: &Doc, before: usize, probs: &[f32], model: &CueModel) -> Option<Range<usize>> {
    let mut k = sentence_first(d, before);
    if d.is(INTRODUCERS, k) {
        k = (k + 1..before.min(k + 40)).find(|&m| d.gap[m].starts_with(','))?;
    }
    if k >= before || d.toks[k].quoted {
        return None;
    }
    np_right(d, k, probs, model).filter(|r| r.end <= d.toks[before].start)
}

/// The subject of the verb before the coordinating word `k` (`..., but opposition leader Pavel
/// Orsk refused to concede and said`): the name or personal pronoun right before the nearest
/// earlier verb of the sentence (over auxiliaries and adverbs), with its noun phrase, when that
/// phrase opens a clause (at the sentence start, after punctuation, `and` or `but`). `None`
/// otherwise (`the talks failed and` after `said` opens no clause).
fn coordinated_subject(d: &Doc, k: usize, probs: &[f32], model: &CueModel) -> Option<Range<usize>> {
    let first = sentence_first(d, k);
    let v = (first + 1..k).rev().take(12).find(|&m| !d.toks[m].quoted && is_verbish(d, m) && d.tight(m - 1))?;
    let mut e = v - 1;
    while e > first && d.tight(e - 1) && (d.is(AUXILIARIES, e) || skippable(d, e)) {
        e -= 1;
    }
    let head = d.capitalised(e) || matches!(&*d.lower[e], "he" | "she" | "they" | "we" | "i");
    if !head || d.toks[e].quoted || d.is(AUXILIARIES, e) || skippable(d, e) {
        return None;
    }
    let np = np_left(d, e, probs, model);
    let s = d.toks.partition_point(|t| t.start < np.start);
    let opens = s == first || !d.gap[s].is_empty() || matches!(&*d.lower[s - 1], "and" | "but");
    (opens && !d.toks[s].quoted).then_some(np)
}

fn is_passive(d: &Doc, c: &CueSpan) -> bool {
    let words = &d.lower[c.first..c.end];
    let be = words.iter().position(|w| in_list(BE_FORMS, w));
    be.is_some_and(|b| {
        words[b + 1..].iter().any(|w| w.ends_with("ed") || w.ends_with("en") || in_list(IRREGULAR_PAST, w))
    }) && !words.iter().any(|w| w == "quoted" || in_list(STATIVE, w))
}

pub(super) fn find_source(
    d: &Doc,
    c: &CueSpan,
    probs: &[f32],
    model: &CueModel,
    previous: &[Attribution],
    sentence: u32,
) -> Option<Range<usize>> {
    match c.kind {
        CueKind::Colon => {
            let j = c.first.checked_sub(1)?;
            return Some(range_of(d, sentence_first(d, j), j));
        }
        CueKind::ClauseColon => return np_right(d, sentence_first(d, c.first.checked_sub(1)?), probs, model),
        CueKind::Dash => return np_right(d, c.first, probs, model),
        CueKind::Words => {}
    }
    let (i, j) = (c.first, c.end);
    let right_after = |k: usize| if k < d.len() && d.tight(k - 1) { np_right(d, k, probs, model) } else { None };
    // `according to X`, `a report by X`, `X's report`
    if c.lemma == "according to" {
        let r = right_after(j)?;
        // `As reported by ITV, the prince denies ...`: the agent ends at the comma
        if d.lower[i] == "as" {
            return Some(match slice(d.text, r.start, r.end).find(',') {
                Some(k) => r.start..r.start + k,
                None => r,
            });
        }
        // `According to Reuters, the army attacked ...`: when nothing stands before the cue,
        // the content follows the source, so what follows a comma with a verb in it is the
        // content, not an apposition (`According to Kim, the leader of North Korea, ...` keeps it).
        if sentence_first(d, i) == i {
            if let Some(k) = slice(d.text, r.start, r.end).find(',') {
                let comma = r.start + k;
                let after = d.toks.partition_point(|t| t.start < comma)..d.toks.partition_point(|t| t.start < r.end);
                if after.clone().any(|m| is_verbish(d, m)) {
                    return Some(r.start..comma);
                }
            }
        }
        return Some(r);
    }
    let head = c.head.unwrap_or(i);
    let by_follows = j < d.len() && d.tight(j - 1) && matches!(&*d.lower[j], "by" | "from");
    if d.is(REPORT_NOUNS, head) {
        if d.lower[j - 1] == "by" {
            return right_after(j);
        }
        if by_follows {
            return right_after(j + 1);
        }
        if i > 0 && d.tight(i - 1) {
            let pw = &d.lower[i - 1];
            if pw.ends_with("'s") || pw.ends_with("’s") {
                return Some(np_left(d, i - 1, probs, model));
            }
        }
    }
    // `As reported by ITV`, `as quoted by the agency`: the agent after the participle
    if d.lower[j - 1] == "by" && j >= 2 && (d.lower[j - 2].ends_with("ed") || d.is(IRREGULAR_PAST, j - 2)) {
        if let Some(r) = right_after(j) {
            return Some(r);
        }
    }
    // passive: `was asked` has no source, `was praised by X` has X
    if is_passive(d, c) {
        return if by_follows && d.lower[j] == "by" { right_after(j + 1) } else { None };
    }
    // (the source of an `according to` is no subject the sentence could share)
    let earlier = || {
        previous
            .iter()
            .rev()
            .take_while(|a| a.sentence == sentence)
            .find(|a| a.source.is_some() && a.cue_lemma != "according to")
            .and_then(|a| a.source.clone())
    };
    let shared = || earlier().or_else(|| sentence_subject(d, i, probs, model));
    // a participle after a comma or a dash (`..., adding`, `... – saying`) shares the sentence's source
    if !d.first[i] && d.gap[i].contains(|c: char| c == ',' || is_dash(c)) && d.lower[head].ends_with("ing") {
        return shared();
    }
    if d.first[i] {
        return right_after(j);
    }
    // the words right before the cue, over adverbs
    let mut k = i - 1;
    while k > 0 && d.tight(k) && !d.first[k] && skippable(d, k) {
        k -= 1;
    }
    let gap = d.gap[k + 1].as_str();
    // `Residents we spoke to said`: the noun phrase with its relative clause
    if gap.is_empty() && d.relative[k] {
        let mut r = k;
        while d.relative[r - 1] {
            r -= 1;
        }
        return Some(np_left(d, r - 1, probs, model).start..d.toks[k].end);
    }
    if gap.is_empty() {
        let w = &*d.lower[k];
        if d.toks[k].quoted {
            return None;
        }
        if matches!(w, "and" | "but" | "or" | "then") {
            return earlier().or_else(|| coordinated_subject(d, k, probs, model)).or_else(shared);
        }
        if w == "that" || !in_list(BOUNDARY, w) {
            return Some(np_left(d, k, probs, model));
        }
        return None;
    }
    // a bracketed aside: `Schumer (D-N.Y.) said`
    if gap.trim_start_matches('.').starts_with(')') && !d.toks[k].quoted {
        let open = (sentence_first(d, k).max(k.saturating_sub(12)) + 1..=k).rev().find(|&m| d.gap[m].contains('('))?;
        let np = np_left(d, open.checked_sub(1)?, probs, model);
        let end = if gap.contains(',') { through(d, k, ',') } else { through(d, k, ')') };
        return Some(np.start..end);
    }
    // an aside between dashes: `Trump — a former resident of the city — said`
    if aside_dash(d, k + 1) && !d.toks[k].quoted {
        let first = sentence_first(d, k);
        let open = (first.max(k.saturating_sub(15)) + 1..=k).rev().find(|&m| aside_dash(d, m))?;
        if d.toks[open - 1].quoted {
            return None;
        }
        let np = np_left(d, open - 1, probs, model);
        return Some(np.start..d.toks[k].end);
    }
    // inverted order: `"...," said Kim.`, `..., said several observers.`
    // (not a clause: `denied being a socialist`; a name may go on with where or when it was
    // said: `said Trump in a message posted on ...`)
    let inverted = || {
        if head + 1 == j {
            right_after(j).filter(|r| (ends_clause(d, r) || before_setting(d, r)) && !opens_clause(d, r))
        } else {
            None
        }
    };
    if gap.contains('"') {
        if let Some(r) = inverted() {
            return Some(r);
        }
    }
    // `Kim, a professor at Y, said`: the comma-closed asides and the name before them
    if gap == "," && !d.toks[k].quoted {
        // `..., gravely threaten peace, said the spokesperson.`: a noun phrase that ends the
        // sentence right after the cue is its source, however the words before it read
        // (verbs of saying invert; `X, an aside, thanked the leader.` has its object there)
        let inverts = matches!(
            c.lemma.as_str(),
            "say"
                | "add"
                | "write"
                | "state"
                | "note"
                | "explain"
                | "continue"
                | "stress"
                | "insist"
                | "warn"
                | "declare"
                | "announce"
                | "reply"
                | "respond"
                | "answer"
                | "comment"
                | "observe"
                | "remark"
                | "claim"
                | "argue"
                | "conclude"
                | "report"
                | "emphasize"
                | "emphasise"
                | "underline"
        );
        if let Some(r) = inverted().filter(|r| inverts && ends_sentence(d, r) && !names_time(d, r)) {
            return Some(r);
        }
        // the sentence's first word after a dateline (`BEIJING, Dec. 31 (Xinhua) -- The drills ...`)
        let first = sentence_first(d, k);
        let opens = past_dateline(d.text, d.toks[first].start..d.toks[k].end);
        let first = (first..k).find(|&m| d.toks[m].start >= opens).unwrap_or(first);
        // the sentence opens with a noun phrase closed by a comma: it and every aside up to the cue
        if let Some(np) = np_right(d, first, probs, model) {
            let closes = (first + 1..=k.min(first + 40)).find(|&m| d.gap[m].starts_with(','));
            if closes.is_some_and(|m| np.end >= d.toks[m - 1].end && !d.is(INTRODUCERS, first)) {
                return Some(np.start..through(d, k, ','));
            }
        }
        let s1 = (first.max(k.saturating_sub(40)) + 1..=k).rev().find(|&m| !d.gap[m].is_empty() && d.gap[m] != ".");
        if let Some(s1) = s1 {
            let opens_np = d.is(DETERMINERS, s1) || d.capitalised(s1) || d.lower[s1] == "who";
            if d.gap[s1] == "," && k - s1 < 20 && !d.toks[s1 - 1].quoted && opens_np && d.capitalised(s1 - 1) {
                let head = np_left(d, s1 - 1, probs, model);
                return Some(head.start..through(d, k, ','));
            }
        }
        return inverted().or_else(shared);
    }
    if gap.contains(',') {
        return shared();
    }
    None
}

/// Whether the phrase `r` opens with a verb form (`being a socialist`, `to be`): a clause, not
/// a source.
fn opens_clause(d: &Doc, r: &Range<usize>) -> bool {
    let k = d.toks.partition_point(|t| t.start < r.start);
    k < d.len() && {
        let w = &*d.lower[k];
        (w.ends_with("ing") && !d.capitalised(k)) || matches!(w, "be" | "been" | "being" | "to" | "that")
    }
}

/// Whether the phrase `r` is followed by where or when it was said (`in a message`, `on
/// Monday`, `during a visit`), up to the end of its clause.
fn before_setting(d: &Doc, r: &Range<usize>) -> bool {
    let k = d.toks.partition_point(|t| t.start < r.end);
    k < d.len()
        && d.tight(k - 1)
        && d.capitalised(d.toks.partition_point(|t| t.start < r.start))
        && matches!(&*d.lower[k], "in" | "on" | "at" | "during" | "after" | "before" | "via" | "through")
}

/// Whether the phrase `r` ends at punctuation or at the end of its sentence.
fn ends_clause(d: &Doc, r: &Range<usize>) -> bool {
    match d.toks.binary_search_by_key(&r.end, |t| t.end).ok() {
        Some(k) => d.last[k] || !d.after[k].is_empty(),
        None => true,
    }
}

/// Whether the phrase `r` is the last of its sentence.
fn ends_sentence(d: &Doc, r: &Range<usize>) -> bool {
    d.toks.binary_search_by_key(&r.end, |t| t.end).ok().is_none_or(|k| d.last[k])
}

/// Whether the phrase `r` is a time (`Monday`, `last week`), not a speaker.
fn names_time(d: &Doc, r: &Range<usize>) -> bool {
    let k = d.toks.partition_point(|t| t.start < r.start);
    (k..d.len()).take_while(|&m| d.toks[m].end <= r.end).any(|m| d.is(TIME_WORDS, m))
}

/// Whether the text between word `m - 1` and word `m` is a dash that opens or closes an
/// aside (` — `, ` – `, ` - `), not a hyphen inside a word.
fn aside_dash(d: &Doc, m: usize) -> bool {
    if m == 0 || m >= d.len() || d.first[m] {
        return false;
    }
    let raw = slice(d.text, d.toks[m - 1].end, d.toks[m].start);
    let t = raw.trim();
    !t.is_empty() && t.chars().all(is_dash) && (t != "-" || raw.starts_with(char::is_whitespace))
}
