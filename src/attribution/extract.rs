//! Finding attributions: who said, claimed, reported or believes what.
//!
//! The extractor works on the text layer (sentences, quotation regions, words) in four steps:
//!
//! 1. **Cue words.** Every word outside quotations gets a probability of being part of a cue
//!    from a logistic-regression model over its form, stem and neighbourhood (the words and
//!    punctuation around it, the quotations of its sentence, the closest reporting verb before
//!    and after it in the sentence). The model is data (`data/attribution/cue_words.tsv`), mined
//!    from the PolNeAR training articles by [`train_cue_model`] (`cargo run --release --example
//!    attr_eval -- --mine DIR OUT`). A cue is a run of adjacent words at or above the model's
//!    `low` probability holding one word at or above its `threshold` (`has also said`, `said in a
//!    statement`); a weak name, pronoun or determiner at either end of the run is not cue.
//! 2. **Rule cues.** A colon after a short name that opens the sentence, before a quotation or a
//!    capitalised statement (`Kim: "..."`, the headline `Kim: Talks Are Over`); a dash after a
//!    closing quotation mark followed by a name (`"..." — Kim`); `a message published by X` in a
//!    sentence without another cue. A colon right after a cue joins it (`said:`).
//! 3. **Source.** `according to X` and `a report by X` look right; a passive cue (`was asked`)
//!    has none unless `by X` follows. Otherwise the words right before the cue (over adverbs and
//!    time phrases such as `on Tuesday`) grown leftwards into a noun phrase, over a bracketed aside
//!    (`Schumer (D-N.Y.) said`) and a comma-closed apposition (`Kim, a professor at Y, said`,
//!    taken with its closing comma as PolNeAR does); a relative or personal pronoun stays as
//!    written (`who`, `he`); after a quotation, inverted order (`"...," said the ministry`) looks
//!    right; a participle or a second verb (`, adding`, `and added`) shares the source of the
//!    sentence's previous cue, else takes the sentence's subject.
//! 4. **Content.** The adjacent quotation (marks included) for direct speech, else the clause
//!    after the cue (after `that`) up to the end of the sentence or the next cue of the
//!    sentence; for `according to X` the rest of the sentence.
//!
//! Nothing here panics on any input (every index is checked; a property test feeds arbitrary
//! strings), and the work is linear in the number of words apart from short bounded look-arounds:
//! hash lookups only, no regular expression.
//!
//! This module is the driver: [`extract_with`] runs the steps, which live in modules of their own
//! beside it (`cue_model`, `cue_find`, `source`, `content`, over `doc`, `grammar` and `words`; see
//! [`crate::attribution`]). The cue model, its training and [`lemma`] are re-exported here.

use std::ops::Range;

use crate::text::TextAnalysis;

use super::content::{
    according_to_content, clause_before, find_content, goes_on, names_medium, past_dateline, past_time, says_nothing,
    split_rest, trim_content,
};
use super::cue_find::{clause_colon_cues, publication_cues, punctuation_cues, word_cues};
use super::cue_model::word_probabilities;
use super::doc::{is_quote_char, is_verbish, skippable, slice, Doc};
use super::source::{find_source, lone_verb, relative_antecedent};
use super::span::CueKind;
use super::words::{in_list, AUXILIARIES, BE_FORMS, DETERMINERS, NEEDS_CLAUSE, STANCE};

pub use super::cue_model::{
    cue_probabilities, default_model, train_cue_model, CueExample, CueModel, TrainOptions, CUE_MODEL_TSV,
};
pub use super::lemma::lemma;
pub use super::span::Attribution;

/// Finds the attributions of `text` with the embedded cue model.
pub fn extract(text: &str, analysis: &TextAnalysis) -> Vec<Attribution> {
    extract_with(text, analysis, default_model())
}

/// Finds the attributions of `text` with `model`. Sorted by cue start.
pub fn extract_with(text: &str, analysis: &TextAnalysis, model: &CueModel) -> Vec<Attribution> {
    extract_with_actors(text, analysis, model).0
}

/// The attributions of `text` with `model`, and the subjects of the reported acts that are no
/// attributions (`The army concluded its drills`): those name the article's actors, whose
/// countries a later `officials said` may share, though no row is made for them.
pub fn extract_with_actors(
    text: &str,
    analysis: &TextAnalysis,
    model: &CueModel,
) -> (Vec<Attribution>, Vec<Range<usize>>) {
    let mut actors = Vec::new();
    // The analysis must describe this text; anything else yields nothing rather than a panic.
    if analysis.tokens.iter().any(|t| t.start > t.end || t.end > text.len()) {
        return (Vec::new(), actors);
    }
    let d = Doc::new(text, analysis);
    let probs = word_probabilities(&d, model);
    let mut cues = word_cues(&d, &probs, model);
    cues.extend(punctuation_cues(&d, &cues));
    cues.extend(clause_colon_cues(&d, &cues, &probs, model));
    cues.extend(publication_cues(&d));
    cues.sort_by_key(|c| (c.bytes.start, c.bytes.end));
    let mut out: Vec<Attribution> = Vec::with_capacity(cues.len());
    // the part of a reported clause before an aside (`The army, officials said, has ...`)
    let mut leads: Vec<Option<Range<usize>>> = Vec::with_capacity(cues.len());
    for c in &cues {
        let sentence = if c.first < d.len() {
            d.toks[c.first].sentence
        } else {
            d.toks.get(c.first.saturating_sub(1)).map_or(0, |t| t.sentence)
        };
        let source = find_source(&d, c, &probs, model, &out, sentence);
        // `There is no doubt ...`, `Let us be clear ...`: the writer's own voice, not a speaker
        if source.as_ref().is_some_and(|r| {
            let s = slice(text, r.start, r.end).to_lowercase();
            s == "there" || s == "let us" || s == "let's" || s == "let’s"
        }) {
            continue;
        }
        // a lone verb before the cue is no source (`Trump tried to explain`, `proved once again`):
        // the attribution stays, its source unknown
        let source = source
            .filter(|r| !lone_verb(slice(text, r.start, r.end)))
            // `VALMORA, March 16 (VCNA) - The great leader said`: the dateline is not the speaker
            .map(|r| past_dateline(text, r.clone())..r.end)
            // `the party could have hoped`: an auxiliary before the cue belongs to the verb
            .map(|r| without_auxiliary(&d, r))
            // `Beijing considers the island a ..., calling`: the subject before a verb inside
            .map(|r| before_inner_verb(&d, r))
            // `why Anne and Edward worry`: a question word opens the clause, not the source
            .map(|r| {
                let k = d.toks.partition_point(|t| t.start < r.start);
                let wh = matches!(d.lower.get(k).map(|w| &**w), Some("why" | "how" | "whether" | "if"));
                if wh && k + 1 < d.len() && d.toks[k + 1].end <= r.end {
                    d.toks[k + 1].start..r.end
                } else {
                    r
                }
            })
            .filter(|r| r.start < r.end);
        let (mut content, direct, mut rest) = find_content(&d, c, analysis);
        if direct && rest.is_none() {
            rest = content.as_ref().and_then(|f| split_rest(&d, c, f, source.as_ref(), analysis));
        }
        let mut lead = None;
        let by_phrase = c.kind == CueKind::Words && c.end > 0 && d.lower[c.end - 1] == "by";
        if (c.lemma == "according to" || by_phrase) && !direct {
            content = according_to_content(&d, c, source.as_ref(), analysis);
        } else if !direct {
            // `The test was a success, said KCNA.`, `..., officials said on Monday.`, and
            // `Four died, the governor said, the latest in a series of strikes.`
            // `The army, officials said on Monday, has withdrawn`: the time is the cue's
            if let Some(r) = content.as_mut() {
                r.start = past_time(&d, r).unwrap_or(r.start);
            }
            let before = clause_before(&d, c, source.as_ref(), analysis);
            let aside = content.as_ref().is_some_and(|r| {
                slice(text, c.bytes.end.max(source.as_ref().map_or(0, |s| s.end)), r.start).contains(',')
            });
            if aside && before.is_some() && content.as_ref().is_some_and(|r| goes_on(&d, r)) {
                // `The army, officials said, has withdrawn from the town.`: the clause on both
                // sides of the aside (the part after it is cut below like any content)
                lead = before;
            } else if says_nothing(&d, content.as_ref(), source.as_ref())
                || (before.is_some() && (aside || names_medium(&d, c, content.as_ref())))
            {
                content = before;
            }
        }
        // `Andrew had formally surrendered`: a cue of auxiliaries and adverbs has no verb
        // (`reportedly`, `allegedly` are cues of their own)
        let verbless = c.kind == CueKind::Words
            && (c.first..c.end).all(|k| {
                let w = &*d.lower[k];
                !w.ends_with("edly") && (in_list(AUXILIARIES, w) || skippable(&d, k) || w.ends_with("ly"))
            });
        // `READ MORE: Andrew hits back ...`: a link to another story is page furniture
        if verbless || furniture(text, analysis, sentence) {
            continue;
        }
        // `The army concluded its drills`, `Seoul aims to ease`: an act, not speech
        let words_cue = c.kind == CueKind::Words && !direct;
        let infinitive = c.end > c.first + 1 && d.lower[c.end - 1] == "to";
        if words_cue && lemma_in(NEEDS_CLAUSE, &c.lemma) && (infinitive || !holds_clause(&d, content.as_ref())) {
            actors.extend(source);
            continue;
        }
        // `Trump supported Cuomo`, `wants to know`, `residents to believe`, `was asked about`,
        // `posters titled "..."`: a stance, a wish, a question put, a title
        let with_be = (c.first..c.end).any(|k| d.is(BE_FORMS, k));
        let passive_ask = c.end > c.first + 1 && c.lemma == "ask" && with_be && source.is_none();
        // `as he is now known`, `will be known as`: a name given, not a view held
        let naming = c.lemma == "know" && (with_be || d.lower[c.end - 1] == "as");
        let title = c.kind == CueKind::Words
            && (c.first..c.end).any(|k| matches!(&*d.lower[k], "titled" | "entitled" | "headlined"));
        let stance = title
            || (words_cue
                && ((lemma_in(STANCE, &c.lemma)
                    && (infinitive || (d.lower[c.end - 1] != "that" && !states_clause(&d, content.as_ref()))))
                    || d.lower[c.first] == "to"
                    || passive_ask
                    || naming));
        let antecedent = source.as_ref().and_then(|r| relative_antecedent(&d, r, &probs, model));
        leads.push(lead);
        out.push(Attribution {
            cue: c.bytes.clone(),
            cue_lemma: c.lemma.clone(),
            source,
            antecedent,
            content,
            direct,
            sentence,
            continued: rest.into_iter().collect(),
            stance,
        });
    }
    // a reported clause ends where the next attribution of its sentence begins
    for k in 0..out.len() {
        let (head, rest) = out.split_at_mut(k + 1);
        let a = &mut head[k];
        let Some(content) = a.content.as_mut().filter(|_| !a.direct) else { continue };
        let next = rest.iter().take_while(|b| b.sentence == a.sentence).find(|b| b.cue.start >= content.start);
        if let Some(b) = next.filter(|b| b.cue.start < content.end) {
            let cut = b.source.as_ref().map_or(b.cue.start, |s| {
                if s.start > a.cue.end {
                    s.start.min(b.cue.start)
                } else {
                    b.cue.start
                }
            });
            // (a publication cue opening the sentence keeps the clause its speaker says)
            if cut <= content.start {
                continue;
            }
            let end = trim_content(text, content.start, cut.max(content.start));
            *content = content.start..end.max(content.start);
        }
    }
    for (a, lead) in out.iter_mut().zip(leads) {
        if let Some(lead) = lead {
            // (the part after the aside may have been cut to nothing by the next attribution)
            a.continued.extend(a.content.replace(lead).filter(|r| !r.is_empty()));
        }
    }
    let contents: Vec<(Range<usize>, usize, usize)> = out
        .iter()
        .enumerate()
        .filter_map(|(i, a)| {
            let c = a.content_cover()?;
            let end = [c.end, a.cue.end, a.source.as_ref().map_or(0, |r| r.end)].into_iter().max().unwrap_or(c.end);
            Some((c, end, i))
        })
        .collect();
    for (q, i) in continued_quotes(text, analysis, &contents) {
        out[i].continued.push(q);
    }
    (out, actors)
}

/// Quotations that go on after their attribution (`"We will win," Peskov said. "The West
/// will tire."`, `Peskov called it a “victory.” “The West will tire.”`), each with the index of
/// the attribution it continues. `contents` holds each attribution's content (first part to
/// last), the end of that, its cue and source, and its index, in cue order; a quotation inside
/// those is the attribution's, and one of the next sentence or paragraph continues the last
/// such attribution when at most 40 letters stand between (any number if they finish the
/// attribution's own sentence; a sentence of narration only if it opens with a personal
/// pronoun) and it ends a sentence itself; a chain of them continues too. A new paragraph counts
/// as news writing uses it: a quotation with no attribution of its own after a quoted speaker's
/// paragraph is that speaker's.
fn continued_quotes(
    text: &str,
    analysis: &TextAnalysis,
    contents: &[(Range<usize>, usize, usize)],
) -> Vec<(Range<usize>, usize)> {
    let (quotes, sentences) = (&analysis.quotes, &analysis.sentences);
    let mut out = Vec::new();
    let mut last: Option<(usize, usize)> = None;
    // The first content (in `contents` order) that starts at or before a quotation and reaches
    // its end, found in one sweep: quotations are sorted and do not overlap, so a content
    // enters once a quotation starts past its start and leaves once one ends past its end.
    let mut by_start: Vec<usize> = (0..contents.len()).collect();
    by_start.sort_by_key(|&i| (contents[i].0.start, i));
    let mut next = 0;
    let mut open: std::collections::BTreeSet<usize> = Default::default();
    let mut ends: std::collections::BinaryHeap<std::cmp::Reverse<(usize, usize)>> = Default::default();
    for q in quotes {
        while next < by_start.len() && contents[by_start[next]].0.start <= q.start {
            let i = by_start[next];
            open.insert(i);
            ends.push(std::cmp::Reverse((contents[i].1, i)));
            next += 1;
        }
        while let Some(&std::cmp::Reverse((end, i))) = ends.peek() {
            if end >= q.end {
                break;
            }
            ends.pop();
            open.remove(&i);
        }
        // (a quotation up to the end of an attribution's parts is one of them)
        if let Some(&i) = open.first() {
            let (_, end, k) = &contents[i];
            last = Some((*end, *k));
            continue;
        }
        let Some((end, k)) = last.take() else { continue };
        let Some(gap) = text.get(end..q.start) else { continue };
        let blank = |s: &str| s.chars().all(|c| c.is_whitespace() || is_quote_char(c));
        // the sentence before ends in the gap, or inside the quotation before (`... tire.” “It`)
        let opens_sentence = match gap.rfind(['.', '!', '?']) {
            Some(stop) => blank(&gap[stop + 1..]),
            None => blank(gap) && text[..end].trim_end_matches(is_quote_char).ends_with(['.', '!', '?']),
        };
        // the rest of the attribution's own sentence (`"...," said Anna Adams, a spokeswoman for
        // the committee. "We ..."`), or a few words more; narration after that sentence only
        // of the speaker (`He smiled.`), not of someone else (`Kuleba disagreed.`)
        let own = sentences.partition_point(|r| r.end < end);
        let next = sentences.get(own + 1).is_some_and(|r| r.start <= q.start && blank(slice(text, r.start, q.start)));
        let narration = sentences.get(own).map_or("", |r| slice(text, r.end.max(end), q.start));
        let narrator = narration.split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty());
        let same_speaker = narrator.is_none_or(|w| matches!(w, "He" | "She" | "They" | "I" | "We"));
        let near = next || (same_speaker && gap.chars().filter(|c| c.is_alphanumeric()).count() <= 40);
        let closes = text[q.clone()].trim_end().ends_with(['.', '!', '?', ',', '…'])
            || text[q.end..].trim_start_matches(is_quote_char).starts_with(['.', '!', '?']);
        if opens_sentence && near && closes {
            let start = text[..q.start].trim_end_matches(is_quote_char).len();
            let stop = q.end + text[q.end..].len() - text[q.end..].trim_start_matches(is_quote_char).len();
            out.push((start..stop, k));
            last = Some((stop, k));
        }
    }
    out
}

/// A source without the auxiliaries that end it (`the Republican Party could` -> `the
/// Republican Party`), when words stay.
fn without_auxiliary(d: &Doc, r: Range<usize>) -> Range<usize> {
    let first = d.toks.partition_point(|t| t.start < r.start);
    let end = d.toks.partition_point(|t| t.end <= r.end);
    let mut k = end;
    while k > first + 1 && d.is(AUXILIARIES, k - 1) && !d.toks[k - 1].quoted {
        k -= 1;
    }
    if k < end {
        r.start..d.toks[k - 1].end
    } else {
        r
    }
}

/// A source cut before a present-tense verb inside it (`Beijing considers the island nation
/// a` -> `Beijing`): a lower-case word in `-s` after a name and before a determiner.
fn before_inner_verb(d: &Doc, r: Range<usize>) -> Range<usize> {
    let first = d.toks.partition_point(|t| t.start < r.start);
    let end = d.toks.partition_point(|t| t.end <= r.end);
    for k in first + 1..end.saturating_sub(1) {
        let w = &*d.lower[k];
        let verb_like =
            w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is");
        if verb_like
            && !d.capitalised(k)
            && d.capitalised(k - 1)
            && d.tight(k - 1)
            && d.tight(k)
            && d.is(DETERMINERS, k + 1)
            && !d.toks[k].quoted
        {
            return r.start..d.toks[k - 1].end;
        }
    }
    r
}

/// Whether a cue lemma is in `list`, the rough lemma of a past form included (`endors` of
/// `endorsed` is `endorse`).
fn lemma_in(list: super::words::Words, lemma: &str) -> bool {
    in_list(list, lemma) || in_list(list, &format!("{lemma}e"))
}

/// Whether sentence `sentence` is a link to another story (`READ MORE: ...`, `Read also:`,
/// `Related:`), which a scrape keeps in the body.
fn furniture(text: &str, analysis: &TextAnalysis, sentence: u32) -> bool {
    let Some(r) = analysis.sentences.get(sentence as usize) else { return false };
    let s = slice(text, r.start, r.end);
    let lower = s.trim_start().to_lowercase();
    s.contains("READ MORE")
        || s.contains("READ ALSO")
        || ["read more", "read also", "related:", "see also", "also read"].iter().any(|p| lower.starts_with(p))
}

/// Whether `content` states what is held, as a clause of its own: it opens with `that` or a
/// subject pronoun, or is quoted (`expects that output will grow`, not `ordered the charges
/// dismissed`).
fn states_clause(d: &Doc, content: Option<&Range<usize>>) -> bool {
    let Some(r) = content else { return false };
    let k0 = d.toks.partition_point(|t| t.start < r.start);
    k0 < d.len()
        && (d.toks[k0].quoted
            || (k0 > 0 && d.lower[k0 - 1] == "that" && d.tight(k0 - 1))
            || opens_with_subject(&d.lower[k0]))
}

/// Whether a word opens a clause of its own: `that` or a subject pronoun.
fn opens_with_subject(w: &str) -> bool {
    matches!(w, "that" | "he" | "she" | "they" | "it" | "we" | "i" | "you" | "there")
}

/// Whether `content` reads as a clause (something said or thought), not as the object of an
/// act: it opens with `that` or a subject pronoun, holds quoted words, or has a finite verb (an
/// auxiliary or a past form) before its first comma or relative word. (An infinitive after a
/// cue ending in `to` is no clause of its own.)
fn holds_clause(d: &Doc, content: Option<&Range<usize>>) -> bool {
    let Some(r) = content else { return false };
    let k0 = d.toks.partition_point(|t| t.start < r.start);
    if k0 >= d.len() {
        return false;
    }
    if opens_with_subject(&d.lower[k0]) {
        return true;
    }
    let mut m = k0;
    while m < d.len() && d.toks[m].end <= r.end {
        if m > k0 && (d.gap[m].starts_with(',') || matches!(&*d.lower[m], "who" | "which")) {
            break;
        }
        let w = &*d.lower[m];
        if d.toks[m].quoted || in_list(AUXILIARIES, w) || in_list(BE_FORMS, w) || is_verbish(d, m) {
            return true;
        }
        m += 1;
    }
    false
}

#[cfg(test)]
#[path = "extract_tests.rs"]
mod tests;
