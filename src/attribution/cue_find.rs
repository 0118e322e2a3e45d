//! Finding cues (steps 1 and 2 of extraction): runs of cue words under the cue model, and the
//! rule cues (a colon after a speaker, a dash after a quotation, a colon closing a clause whose
//! subject speaks, `a message published by`).

use super::cue_model::CueModel;
use super::doc::{is_dash, is_verbish, sentence_first, skippable, slice, Doc};
use super::grammar::np_right;
use super::lemma::lemma;
use super::span::{CueKind, CueSpan};
use super::words::{
    is_article, AUXILIARIES, BE_FORMS, BOUNDARY, COLON_LABELS, CONNECTORS, CORE_REPORTING, DETERMINERS, IRREGULAR_PAST,
    PRONOUNS, PUBLISHED, QUANTIFIERS, REPORT_NOUNS, SPEECH_NOUNS, TIME_WORDS,
};

/// Step 1: runs of adjacent words at or above `low` holding a word at or above `threshold`.
pub(super) fn word_cues(d: &Doc, probs: &[f32], model: &CueModel) -> Vec<CueSpan> {
    let mut out = Vec::new();
    let mut i = 0;
    // a reporting verb right after `who asked not to be named,` (which the model reads as the cue)
    let mut forced: Option<usize> = None;
    while i < d.len() {
        let force = forced == Some(i)
            || belief_after_name(d, i)
            || verb_after_quote(d, i, probs, model)
            || verb_before_name_after_quote(d, i)
            || reporting_after_pronoun(d, i)
            || retort(d, i);
        if (probs[i] < model.low && !force) || d.relative[i] {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < d.len() && probs[j] >= model.low && d.tight(j - 1) && !d.relative[j] {
            j += 1;
        }
        // `hit back`: the particle of a verb of retort, however weak
        if j == i + 1 && retort(d, i) {
            j = i + 2;
        }
        let next = j;
        // a weak first or last word that reads as a name, pronoun or determiner is not cue
        let weak_np =
            |k: usize| probs[k] < model.threshold && (d.capitalised(k) || d.is(PRONOUNS, k) || d.is(DETERMINERS, k));
        // ... and neither is a weak lower-case noun before a name or verb (`propaganda machine KCNA
        // reported`): a cue opens with an auxiliary, an adverb, a preposition, a cue word or a
        // verb in the past (`made clear`).
        let weak_noun = |k: usize| {
            probs[k] < model.threshold
                && !is_verbish(d, k)
                && !d.is(AUXILIARIES, k)
                && !d.is(BOUNDARY, k)
                && !matches!(&*d.lower[k], "according" | "as" | "in" | "a" | "an" | "the")
                && !skippable(d, k)
        };
        while i + 1 < j && !force && (weak_np(i) || weak_noun(i)) {
            i += 1;
        }
        while j - 1 > i && weak_np(j - 1) {
            j -= 1;
        }
        // `As reported by ITV`: the `as` belongs to the cue
        if i > 0
            && j == i + 2
            && d.tight(i - 1)
            && d.lower[i - 1] == "as"
            && d.lower[i + 1] == "by"
            && matches!(&*d.lower[i], "reported" | "quoted" | "cited" | "told")
        {
            i -= 1;
        }
        // `said Trump in a message`: a preposition or particle alone is no cue
        let particle =
            j == i + 1 && !force && cue_continuation(d, i) && !d.is(CORE_REPORTING, i) && !d.is(AUXILIARIES, i);
        let head = (i..j).max_by(|&a, &b| probs[a].total_cmp(&probs[b])).unwrap_or(i);
        // `said defence analyst Dr. Aldous`: a weak word after the cue word that is no particle,
        // preposition or adverb opens the source, and is not cue
        while j - 1 > head && probs[j - 1] < model.threshold && !cue_continuation(d, j - 1) {
            j -= 1;
        }
        // `who asked not to be named` describes the source; it is not a cue
        let anonymity = j + 2 < d.len() && d.tight(j - 1) && d.lower[j] == "not" && d.lower[j + 1] == "to";
        if anonymity {
            forced = (j + 2..d.len().min(j + 9))
                .take_while(|&k| d.toks[k].sentence == d.toks[j].sentence && !d.toks[k].quoted)
                .find(|&k| d.is(CORE_REPORTING, k));
        }
        // `according to plan`, `according to the schedule`: an idiom, not an attribution
        let idiom = d.lower[i] == "according" && {
            let mut k = i + 2;
            if k < d.len() && d.lower[k] == "the" && d.tight(k - 1) {
                k += 1;
            }
            k < d.len()
                && d.tight(k - 1)
                && matches!(&*d.lower[k], "plan" | "plans" | "schedule" | "tradition" | "custom" | "protocol")
        };
        // `Two more blasts were heard`: a counted noun before `were` is no verb
        let counted_noun = i > 0
            && d.tight(i - 1)
            && d.tight(i)
            && d.is(BE_FORMS, i + 1)
            && (d.is(QUANTIFIERS, i - 1) || d.lower[i - 1].starts_with(|c: char| c.is_ascii_digit()));
        // `The blast shattered windows`, `the blast was not clear`: a noun after an article and
        // before a verb is the subject of that verb, no cue (report nouns aside: `the report said`)
        let article_noun = head > 0
            && d.tight(head - 1)
            && is_article(&d.lower[head - 1])
            && d.tight(head)
            && is_verbish(d, head + 1)
            && !d.is(REPORT_NOUNS, head)
            && !d.is(SPEECH_NOUNS, head)
            && !matches!(&*d.lower[head], "allegation" | "accusation" | "claim" | "hope" | "belief" | "view");
        // `The rocket slammed down`, `missiles slammed into`: a verb of criticism used of a blow
        let blow = d.tight(head)
            && matches!(&*d.lower[head + 1], "down" | "into" | "onto" | "through" | "across" | "near")
            && matches!(lemma(&d.lower[head]).as_str(), "slam" | "blast" | "hammer" | "pound" | "batter" | "rock");
        if !anonymity
            && !particle
            && !idiom
            && !counted_noun
            && !article_noun
            && !blow
            && (probs[head] >= model.threshold || (j == i + 1 && force) || (force && retort(d, i)))
        {
            // `As reported by ITV, ...`, `as quoted by the agency`: as `according to`
            let as_by = d.lower[i] == "as"
                && j == i + 3
                && d.lower[i + 2] == "by"
                && matches!(&*d.lower[i + 1], "reported" | "quoted" | "cited" | "told");
            let lemma = if (d.lower[i] == "according" && j > i + 1 && d.lower[i + 1] == "to") || as_by {
                "according to".to_string()
            } else if (i..j).any(|k| d.lower[k] == "quoted") && (i..j).any(|k| d.lower[k] == "saying") {
                "say".to_string()
            } else {
                // the strongest word that is not an auxiliary or an adverb
                let verb = (i..j)
                    .filter(|&k| !d.is(AUXILIARIES, k) && !skippable(d, k))
                    .max_by(|&a, &b| probs[a].total_cmp(&probs[b]))
                    .unwrap_or(head);
                lemma(&d.lower[verb])
            };
            let mut end_byte = d.toks[j - 1].end;
            // `said:` takes its colon
            if d.after[j - 1].starts_with(':') {
                if let Some(k) = slice(d.text, end_byte, d.text.len()).find(':') {
                    end_byte += k + 1;
                }
            }
            out.push(CueSpan {
                bytes: d.toks[i].start..end_byte,
                first: i,
                end: j,
                head: Some(head),
                lemma,
                kind: CueKind::Words,
            });
        }
        i = next;
    }
    out
}

/// Words that may go on a cue after its cue word (`lashed out at`, `declined to`, `said in`,
/// `hit back`, `told reporters`... the model decides those): particles, prepositions,
/// `that`, and adverbs in -ly.
fn cue_continuation(d: &Doc, k: usize) -> bool {
    let w = &*d.lower[k];
    // `said after casting his ballot`: the participle of a time clause
    let timed = w.ends_with("ing") && k > 0 && matches!(&*d.lower[k - 1], "after" | "before" | "while" | "when");
    timed
        || w.ends_with("ly")
        || matches!(
            w,
            "about"
                | "after"
                | "against"
                | "as"
                | "at"
                | "away"
                | "back"
                | "before"
                | "by"
                | "down"
                | "for"
                | "from"
                | "in"
                | "into"
                | "of"
                | "off"
                | "on"
                | "out"
                | "over"
                | "that"
                | "to"
                | "up"
                | "upon"
                | "with"
        )
        || d.is(AUXILIARIES, k)
        || d.is(CORE_REPORTING, k)
}

/// `The SBU believes ...`: a belief verb right after a capitalised name is a cue even where
/// the model (trained on PolNeAR, which rarely marks beliefs) scores it low.
fn belief_after_name(d: &Doc, i: usize) -> bool {
    i > 0
        && matches!(&*d.lower[i], "believes" | "believed" | "suspects" | "suspected")
        && !d.toks[i].quoted
        && d.tight(i - 1)
        && d.capitalised(i - 1)
        && !d.first[i - 1]
}

/// `"...," the diplomat stressed.`: a past-tense verb that ends a sentence right after a
/// quotation and a short noun phrase is its cue even where the model scores it below the
/// cue threshold (it does so after a noun more than after `he`).
fn verb_after_quote(d: &Doc, i: usize, probs: &[f32], model: &CueModel) -> bool {
    let w = &*d.lower[i];
    let past = w.ends_with("ed") || d.is(IRREGULAR_PAST, i);
    if i < 2 || d.toks[i].quoted || probs[i] < model.low || !past || !(d.last[i] || d.after[i].starts_with(',')) {
        return false;
    }
    let Some(k) = (i.saturating_sub(5).max(1)..i).rev().find(|&k| d.gap[k].contains('"')) else { return false };
    d.toks[k - 1].quoted
        && d.gap[k].starts_with(',')
        && (k..i).all(|m| d.tight(m) && !d.toks[m].quoted && !is_verbish(d, m) && !d.pronoun(m))
}

/// `Olds hit back, branding ...`, `the minister lashed out at`: a verb of retort with its
/// particle after a name or pronoun is a cue, however the model scores it.
fn retort(d: &Doc, i: usize) -> bool {
    i > 0
        && i + 1 < d.len()
        && !d.toks[i].quoted
        && d.tight(i - 1)
        && d.tight(i)
        && (d.capitalised(i - 1) || matches!(&*d.lower[i - 1], "he" | "she" | "they" | "it" | "we"))
        && matches!(
            (&*d.lower[i], &*d.lower[i + 1]),
            ("hit" | "hits" | "fired" | "fires" | "shot" | "shoots", "back") | ("lashed" | "lashes", "out")
        )
}

/// `She added the drills were necessary.`: a common reporting verb right after a subject
/// pronoun that opens its sentence or clause is a cue, however the model scores it there.
fn reporting_after_pronoun(d: &Doc, i: usize) -> bool {
    i > 0
        && !d.toks[i].quoted
        && d.tight(i - 1)
        && matches!(&*d.lower[i - 1], "he" | "she" | "they" | "we")
        && (d.first[i - 1] || d.gap[i - 1].contains(','))
        && d.is(CORE_REPORTING, i)
        && d.lower[i] != "according"
}

/// `"...," sobbed grandmother Anna Vell, 71.`: a past-tense verb right after the comma, `?` or
/// `!` that closes a quotation opening its sentence, and before a name (at most two lower-case
/// words of role first), is the quotation's cue in inverted order even where the model has not
/// seen the verb (`sobbed`, `fumed`, `snapped`).
fn verb_before_name_after_quote(d: &Doc, i: usize) -> bool {
    let w = &*d.lower[i];
    let past = (w.len() > 4 && w.ends_with("ed")) || d.is(IRREGULAR_PAST, i);
    if i == 0 || !past || d.toks[i].quoted || !d.toks[i - 1].quoted || d.capitalised(i) || d.last[i] {
        return false;
    }
    let gap = d.gap[i].as_str();
    if !gap.contains('"') || !gap.starts_with([',', '?', '!']) || !d.tight(i) {
        return false;
    }
    // the quotation opens the sentence (not a quoted word inside one: `called it “peanuts,”
    // compared with ...`)
    if !(sentence_first(d, i)..i).all(|k| d.toks[k].quoted) {
        return false;
    }
    (i + 1..(i + 4).min(d.len()))
        .take_while(|&k| k == i + 1 || d.tight(k - 1))
        .find(|&k| d.capitalised(k))
        .is_some_and(|k| (i + 1..k).all(|m| !d.capitalised(m) && !is_verbish(d, m) && !d.pronoun(m)))
}

/// Step 2: `Kim: "..."` and `"..." — Kim` where no word cue is already there.
pub(super) fn punctuation_cues(d: &Doc, word_cues: &[CueSpan]) -> Vec<CueSpan> {
    let mut out = Vec::new();
    let mut in_cue = vec![false; d.len()];
    for c in word_cues {
        for flag in in_cue.iter_mut().take(c.end).skip(c.first) {
            *flag = true;
        }
    }
    let taken = |i: usize| in_cue[i];
    for i in 0..d.len() {
        if d.toks[i].quoted || d.last[i] || taken(i) {
            continue;
        }
        // A colon after a short name opening the sentence, before a quotation or a capitalised
        // statement (`Kim: "..."`, the headline `Kim: Cuts Are Coming`, a transcript `Kim: Well, ...`).
        if d.after[i].starts_with(':') && colon_speaker(d, i) {
            out.extend(colon_cue(d, i, CueKind::Colon));
        }
    }
    for i in 1..d.len() {
        // `"..." — Kim`: word i-1 is quoted, i is not, the gap holds a quote mark then a dash.
        if d.toks[i].quoted || !d.toks[i - 1].quoted || d.first[i] || taken(i) {
            continue;
        }
        let gap = &d.gap[i];
        if !(gap.starts_with('"') || gap.starts_with(",\"") || gap.starts_with(".\"")) || !gap.ends_with('-') {
            continue;
        }
        if !d.capitalised(i) {
            continue;
        }
        let gap_text = slice(d.text, d.toks[i - 1].end, d.toks[i].start);
        if let Some((k, c)) = gap_text.char_indices().rev().find(|&(_, c)| is_dash(c)) {
            let at = d.toks[i - 1].end + k;
            out.push(CueSpan {
                bytes: at..at + c.len_utf8(),
                first: i,
                end: i,
                head: None,
                lemma: "—".into(),
                kind: CueKind::Dash,
            });
        }
    }
    out
}

/// A colon before a quotation that closes a clause without a cue word, whose subject is a
/// noun phrase followed by a verb and whose object is speech: `The defence minister had a
/// simple message for critics: "..."`. The subject is the source (see [`find_source`](super::source::find_source)).
pub(super) fn clause_colon_cues(d: &Doc, cues: &[CueSpan], probs: &[f32], model: &CueModel) -> Vec<CueSpan> {
    let mut out = Vec::new();
    for i in 0..d.len() {
        if d.toks[i].quoted || d.last[i] || !d.toks[i + 1].quoted || !d.after[i].starts_with(':') {
            continue;
        }
        let start = sentence_first(d, i);
        let span = d.toks[start].start..d.toks[i].end;
        if i - start > 25 || cues.iter().any(|c| c.bytes.start < span.end + 1 && span.start < c.bytes.end) {
            continue;
        }
        let opens_np = d.is(DETERMINERS, start) || d.capitalised(start);
        let not_subject = matches!(&*d.lower[start], "it" | "this" | "here" | "there" | "that" | "these");
        let Some(np) = np_right(d, start, probs, model).filter(|_| opens_np && !not_subject) else { continue };
        let after_np = d.toks.partition_point(|t| t.start < np.end);
        if after_np >= i || !is_verbish(d, after_np) || !(start..after_np).all(|k| d.tight(k)) {
            continue;
        }
        // what the subject gives is speech (`a message`, `a warning`), not a name or a title
        if !(after_np..=i).any(|k| d.is(SPEECH_NOUNS, k)) {
            continue;
        }
        out.extend(colon_cue(d, i, CueKind::ClauseColon));
    }
    out
}

/// The cue of the colon after word `i` (`None` when no colon follows it).
fn colon_cue(d: &Doc, i: usize, kind: CueKind) -> Option<CueSpan> {
    let k = slice(d.text, d.toks[i].end, d.toks[i + 1].start).find(':')?;
    let at = d.toks[i].end + k;
    Some(CueSpan { bytes: at..at + 1, first: i + 1, end: i + 1, head: None, lemma: ":".into(), kind })
}

/// Whether the words from the start of word `i`'s sentence to `i` name a speaker before a colon
/// after `i`: at most six words, capitalised (small connectors allowed) or one pronoun, not a
/// label such as `Note:` or `Q:`, and followed by a quotation or a capitalised word.
fn colon_speaker(d: &Doc, i: usize) -> bool {
    let start = sentence_first(d, i);
    let next = i + 1;
    if next >= d.len() || d.first[next] || i + 1 - start > 6 || !(start..i).all(|k| d.tight(k)) {
        return false;
    }
    if d.toks[next].quoted {
        return (start..=i).all(|k| d.capitalised(k) || d.is(DETERMINERS, k)) || (i == start && d.is(PRONOUNS, i));
    }
    let word_ok = |k: usize| {
        let w = d.word(k);
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        let all_caps = w.chars().all(|c| !c.is_lowercase());
        (d.capitalised(k) && letters >= 2 && !(all_caps && letters > 3) && !d.is(COLON_LABELS, k))
            || (k > start && d.is(CONNECTORS, k))
    };
    (start..=i).all(word_ok) && d.capitalised(next) && !d.lower[next].starts_with(|c: char| c.is_ascii_digit())
}

/// `a message published by X` (also `released`, `issued`, `posted`, `carried`, `aired`): the
/// phrase is the cue and X the source, whether or not the sentence has another cue.
pub(super) fn publication_cues(d: &Doc) -> Vec<CueSpan> {
    let mut out = Vec::new();
    for i in 0..d.len().saturating_sub(2) {
        if d.toks[i].quoted || !d.is(REPORT_NOUNS, i) || !d.tight(i) || !d.tight(i + 1) {
            continue;
        }
        if !d.is(PUBLISHED, i + 1) {
            continue;
        }
        // `published by`, `published on Saturday by`, `released late Monday by`
        let mut by = i + 2;
        while by < d.len()
            && by < i + 5
            && d.tight(by)
            && (d.is(TIME_WORDS, by) || matches!(&*d.lower[by], "on" | "late" | "early" | "last"))
        {
            by += 1;
        }
        if by + 1 >= d.len() || d.lower[by] != "by" || !d.tight(by) || !d.tight(by - 1) {
            continue;
        }
        // `In a message published by KCNA, Kim said ...`: the publisher is a source of its own
        // beside the speaker, so the cue stands even when the sentence has another one.
        // take `in a` / `in the` before the noun
        let mut first = i;
        if first > 0 && d.tight(first - 1) && d.is(DETERMINERS, first - 1) {
            first -= 1;
            if first > 0 && d.tight(first - 1) && d.lower[first - 1] == "in" {
                first -= 1;
            }
        }
        out.push(CueSpan {
            bytes: d.toks[first].start..d.toks[by].end,
            first,
            end: by + 1,
            head: Some(i),
            lemma: d.lower[i].to_string(),
            kind: CueKind::Words,
        });
    }
    out
}
