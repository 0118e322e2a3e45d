//! Noun-phrase grammar for sources: the phrase that starts at a word, grown rightwards
//! ([`np_right`]), and the phrase that ends at a word, grown leftwards over modifiers,
//! attachments (`a spokesman for X`), lists of names and appositions ([`np_left`]).

use std::ops::Range;

use super::cue_model::CueModel;
use super::doc::{is_verbish, range_of, through, Doc};
use super::words::{in_list, BOUNDARY, DETERMINERS, PREPOSITIONS, ROLE_HEADS, SEATS, SKIPPABLE, TIME_WORDS};

/// The noun phrase starting at word `i`, growing right until punctuation, sentence end, a
/// clause word or a verb-like word; an apposition after a comma joins a name.
pub(super) fn np_right(d: &Doc, i: usize, probs: &[f32], model: &CueModel) -> Option<Range<usize>> {
    if i >= d.len() || d.toks[i].quoted {
        return None;
    }
    let w = &d.lower[i];
    if d.pronoun(i) {
        return (!matches!(&**w, "that" | "which")).then(|| range_of(d, i, i));
    }
    if in_list(BOUNDARY, w) || (is_verbish(d, i) && !(d.tight(i) && d.capitalised(i + 1))) {
        return None;
    }
    let mut j = i;
    while d.tight(j) && j - i < 12 {
        let nw = &d.lower[j + 1];
        if probs[j + 1] >= model.threshold || d.toks[j + 1].quoted || is_verbish(d, j + 1) {
            break;
        }
        // `South Korean and Western intelligence agencies`: `and` between two capitalised words
        let joins = nw == "and" && d.capitalised(j) && d.tight(j + 1) && d.capitalised(j + 2);
        if in_list(BOUNDARY, nw) && !matches!(&**nw, "for" | "in" | "on" | "with") && !joins {
            break;
        }
        if d.pronoun(j + 1) {
            break;
        }
        j += 1;
    }
    while j > i && (d.is(BOUNDARY, j) || d.lower[j] == "of") {
        j -= 1;
    }
    // a bracketed aside: `the Korean Central News Agency (KCNA)`, `Schumer (D-N.Y.)`
    if !d.last[j] && d.after[j] == "(" {
        let close = (j + 1..d.len().min(j + 7))
            .take_while(|&m| m == j + 1 || !d.first[m])
            .find(|&m| d.after[m].trim_start_matches('.').starts_with(')'));
        if let Some(m) = close {
            return Some(d.toks[i].start..through(d, m, ')'));
        }
    }
    // apposition: `Kim, a professor at Y,`, also after an age (`Lorraine Pike, 67, a retired nurse`)
    let aged = !d.last[j]
        && d.after[j] == ","
        && d.capitalised(j)
        && d.lower[j + 1].len() <= 3
        && d.lower[j + 1].bytes().all(|b| b.is_ascii_digit())
        && !d.last[j + 1]
        && d.after[j + 1] == ",";
    let name_end = j;
    let j = if aged { j + 1 } else { j };
    if !d.last[j] && d.after[j] == "," && d.is(DETERMINERS, j + 1) {
        let mut k = j + 1;
        while d.tight(k) && k - j < 12 && probs[k + 1] < model.threshold && !d.toks[k + 1].quoted {
            k += 1;
        }
        if d.last[k] {
            return Some(d.toks[i].start..d.toks[k].end);
        }
        if d.after[k] == "," {
            return Some(d.toks[i].start..through(d, k, ','));
        }
    }
    Some(range_of(d, i, name_end))
}

/// The noun phrase ending at word `j`, grown leftwards over words, a list of names and an
/// apposition.
pub(super) fn np_left(d: &Doc, j: usize, probs: &[f32], model: &CueModel) -> Range<usize> {
    if d.pronoun(j) {
        return range_of(d, j, j);
    }
    let mut i = grow_left(d, j, probs, model);
    // grown up to an attaching `of` whose head looks like a cue word (`Supporters` opening a
    // sentence): the phrase after `of` is attached to that head, or stands alone
    if i < j && d.lower[i] == "of" {
        i += 1;
    }
    if let Some(h) = attached_to(d, i, probs, model) {
        i = grow_left(d, h, probs, model);
    }
    if let Some(h) = opening_head(d, i, probs, model) {
        i = h;
    }
    if let Some(from) = coordination_start(d, i, probs, model) {
        return d.toks[from].start..d.toks[j].end;
    }
    // apposition: `Kim, a professor at Y, said` (the phrase opens with a determiner and a name
    // stands before its comma)
    if i > 0 && !d.first[i] && d.gap[i] == "," && d.is(DETERMINERS, i) && d.capitalised(i - 1) {
        let head = np_left(d, i - 1, probs, model);
        // the name opens its clause: not `The talks ended on Friday, a spokesman said` nor
        // `Troops launched assaults near Avdiivka, the General Staff said`
        let h = d.toks.partition_point(|t| t.start < head.start);
        let opens = h < d.len() && (d.first[h] || !d.gap[h].is_empty() || matches!(&*d.lower[h - 1], "and" | "but"));
        if opens && !d.is(TIME_WORDS, i - 1) {
            return head.start..d.toks[j].end;
        }
    }
    range_of(d, i, j)
}

/// When the noun phrase starting at word `i` is attached to a role noun or a name before
/// it (`a spokesman for | President Putin`, `sources familiar with | the matter`, `the
/// Institute for | the Study of War`), the last word of that head; the source is the whole.
fn attached_to(d: &Doc, i: usize, probs: &[f32], model: &CueModel) -> Option<usize> {
    if i < 2 || !d.tight(i - 1) || !d.tight(i - 2) {
        return None;
    }
    let prep = &*d.lower[i - 1];
    let mut h = i - 2;
    match prep {
        "with" | "to" | "on" if matches!(&*d.lower[h], "familiar" | "close" | "briefed") => {
            if h == 0 || !d.tight(h - 1) {
                return None;
            }
            h -= 1;
        }
        "for" | "to" | "of" | "at" => {}
        // `a source in the Ukrainian military`, `officials in the occupied region`
        "in" if d.is(ROLE_HEADS, h) => {}
        _ => return None,
    }
    // a role noun and its fixed attachment words are taken whatever the cue model makes of
    // them (`familiar` and `with` can look like cue words); other heads must not look like one
    let role = d.is(ROLE_HEADS, h);
    let plain = |k: usize| !d.toks[k].quoted && (role || probs[k] < model.low);
    if !(h..i).all(plain) {
        return None;
    }
    // `the Institute for the Study of War`, `Ministry of Foreign Affairs`
    let name_goes_on = matches!(prep, "for" | "of")
        && d.capitalised(h)
        && !d.first[h]
        && (d.capitalised(i) || (d.lower[i] == "the" && i + 1 < d.len() && d.capitalised(i + 1)));
    (role || name_goes_on).then_some(h)
}

/// When the noun phrase starting at word `i` follows a preposition that follows a noun phrase
/// opening the sentence with a determiner (`The soldier with | the Russian identity said`, `The
/// card of one of | the captured men shows`, `A man from | Kherson said`), the first word of
/// that phrase: with no verb before it, the phrase and its attachment are the subject.
fn opening_head(d: &Doc, i: usize, probs: &[f32], model: &CueModel) -> Option<usize> {
    if i < 2 || !d.tight(i - 1) || !d.tight(i - 2) {
        return None;
    }
    if !matches!(&*d.lower[i - 1], "of" | "for" | "with" | "from" | "in" | "at" | "on") {
        return None;
    }
    let h = grow_left(d, i - 2, probs, model);
    let plain = |k: usize| !d.toks[k].quoted && probs[k] < model.low && !is_verbish(d, k);
    (d.first[h] && d.is(DETERMINERS, h) && (h..i - 1).all(plain)).then_some(h)
}

/// The first word of the plain noun phrase ending at word `j` (no lists, no appositions).
fn grow_left(d: &Doc, j: usize, probs: &[f32], model: &CueModel) -> usize {
    let mut i = j;
    while i > 0 && d.tight(i - 1) && j - i < 10 {
        let pw = &d.lower[i - 1];
        // `officials in Tallinn`, `sources from Kyiv`: a plural head with a place attached
        // and `the U.S. Embassy in Kyiv`, `its bureau in Moscow`: a seat with its place
        let place = matches!(&**pw, "in" | "from")
            && d.capitalised(i)
            && i >= 2
            && d.tight(i - 2)
            && !d.toks[i - 2].quoted
            && (d.is(SEATS, i - 2)
                || d.lower[i - 2].len() > 3
                    && d.lower[i - 2].ends_with('s')
                    && (!d.capitalised(i - 2) || d.first[i - 2])
                    && !is_verbish(d, i - 2))
            && probs[i - 2] < model.low;
        // a modifier the model finds a little cue-like (`the fire service`, `opposition leader`,
        // `coast guard`): a lower-case noun-like word below the cue threshold
        let modifier = probs[i - 1] < model.threshold
            && !d.capitalised(i - 1)
            && !is_verbish(d, i - 1)
            && !pw.ends_with("ly")
            && !pw.ends_with("ing")
            && pw.chars().all(char::is_alphabetic)
            && !in_list(SKIPPABLE, pw)
            && !in_list(TIME_WORDS, pw)
            && !matches!(&**pw, "out" | "up" | "off" | "down" | "away" | "back" | "over" | "not");
        if !place
            && (d.toks[i - 1].quoted
                || (probs[i - 1] >= model.low && !modifier)
                || in_list(BOUNDARY, pw)
                || d.pronoun(i - 1))
        {
            break;
        }
        // a participle between a determiner and its noun is an adjective (`the captured men`)
        let adjective = i >= 2
            && d.tight(i - 2)
            && matches!(
                &*d.lower[i - 2],
                "a" | "an"
                    | "the"
                    | "his"
                    | "her"
                    | "its"
                    | "their"
                    | "our"
                    | "my"
                    | "your"
                    | "this"
                    | "these"
                    | "those"
            )
            && pw.ends_with("ed");
        if is_verbish(d, i - 1) && !d.capitalised(i) && !adjective {
            break;
        }
        // `On Sunday supporters said`, `last year officials said` (but `The Sunday Times`)
        if in_list(TIME_WORDS, pw) && !d.capitalised(i) {
            break;
        }
        i -= 1;
        if in_list(DETERMINERS, pw) {
            break;
        }
    }
    i
}

/// The first word of a list of names ending in the phrase that starts at word `i`: `South
/// Korea, the US and their allies` (each earlier item ends in a capitalised word; commas
/// separate them; at most ten items). `None` when word `i` does not follow `<Name> and`, or
/// when the list would begin right after a preposition or a verb (`ended in Singapore and
/// Trump said`), which makes the earlier names no part of the subject.
fn coordination_start(d: &Doc, i: usize, probs: &[f32], model: &CueModel) -> Option<usize> {
    let after_name_and = i >= 2
        && d.tight(i - 2)
        && d.tight(i - 1)
        && d.lower[i - 1] == "and"
        && d.capitalised(i - 2)
        && !d.toks[i - 2].quoted;
    if !after_name_and {
        return None;
    }
    let opens_subject = |s: usize| {
        d.first[s] || !d.tight(s - 1) || {
            let pw = &*d.lower[s - 1];
            !(in_list(BOUNDARY, pw) || in_list(PREPOSITIONS, pw) || is_verbish(d, s - 1))
        }
    };
    let mut from = grow_left(d, i - 2, probs, model);
    if !opens_subject(from) {
        return None;
    }
    for _ in 0..10 {
        let k = from;
        if k == 0 || d.first[k] || d.gap[k] != "," || !d.capitalised(k - 1) || d.toks[k - 1].quoted {
            break;
        }
        let earlier = grow_left(d, k - 1, probs, model);
        if !opens_subject(earlier) {
            break;
        }
        from = earlier;
    }
    Some(from)
}
