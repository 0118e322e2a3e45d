//! Attribution in Russian and Ukrainian (issue 28, first version): rules over reporting cues in
//! any tense, gender and number (a cue is a stem and a verb ending: `заяви` + `л`, `ла`, `ли`,
//! `в`), lead phrases (`по словам`, `по данным`, `за словами`, `за даними`, `как сообщает`,
//! `як повідомляє`), quotations in `«»`, `„“` and `“”`, and a table of sources with their
//! category and country (`data/sources/cyrillic.tsv`: state bodies, agencies, armed forces and
//! intelligence services, leaders and spokespeople, heads of phrases such as `министр` or
//! `речник`, Cyrillic country names and demonyms).
//!
//! The constructions, in a sentence:
//! - `«...», — заявил X.` and `«...» — сказала X журналистам`: the quotation is the content, the
//!   words after the cue the source;
//! - `X заявил: «...»`: the quotation; `X заявил, что ...` / `X заявив, що ...`: the clause;
//! - `По словам X, ...`, `По данным X, ...`, `Как сообщает X, ...` and the same after the clause
//!   (`..., сообщает ТАСС.`, `..., по данным Генштаба.`);
//! - `Об этом сообщил X.`, `сообщили в X` (the body speaking), `Он добавил, что ...` (a pronoun:
//!   the source of the attribution before).
//!
//! English articles keep the English extractor; this one is used for articles detected as
//! Russian or Ukrainian.

use std::ops::Range;

use super::category::Category;
use super::cyrillic_span::{
    circumstance_end, clause_end, latin_word, lead_source, shape, starts_lower_aside, tidy_source, trim,
};
use super::cyrillic_words::*;
use super::{AttrCounts, AttrResult, AttrRow};
use crate::text::{Offsets, TextAnalysis};

/// The source table, as embedded.
pub const SOURCES_TSV: &str = include_str!("../../data/sources/cyrillic.tsv");

/// One row of the source table.
#[derive(Debug, Clone)]
struct SourceRow {
    /// Stems (lower case) that must begin consecutive words of the source (`=word`: that word
    /// exactly).
    stems: Vec<String>,
    category: Category,
    country: String,
    /// A named body or person (`ТАСС`, `Песков`), not a head noun (`министр`): a named row wins.
    named: bool,
}

/// How well a row fits a phrase, best largest: named, the row of an unnamed source's head
/// (`источник`), stems, a noun (not an adjective), earliest.
type RowRank = (bool, bool, usize, bool, std::cmp::Reverse<usize>);

/// The source table.
#[derive(Debug, Clone)]
pub struct CyrillicSources {
    rows: Vec<SourceRow>,
}

impl CyrillicSources {
    /// The embedded table (tested valid).
    pub fn embedded() -> CyrillicSources {
        CyrillicSources::parse(SOURCES_TSV).expect("data/sources/cyrillic.tsv is valid (tested)")
    }

    /// Parses the table: `pattern, category, country, note`, tab-separated, `#` comments, a
    /// header row.
    pub fn parse(text: &str) -> Result<CyrillicSources, String> {
        let mut rows = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') || line.starts_with("pattern\t") {
                continue;
            }
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() < 3 {
                return Err(format!("line {}: expected pattern, category, country", i + 1));
            }
            let category: Category = f[1].trim().parse().map_err(|e| format!("line {}: {e}", i + 1))?;
            let note = f.get(3).map_or("", |n| n.trim());
            rows.push(SourceRow {
                stems: f[0].split_whitespace().map(str::to_lowercase).collect(),
                category,
                country: f[2].trim().to_string(),
                // a named body or person has a country or a note naming it (`Kremlin spokesman`);
                // a head noun's note is lower case (`a minister`, `troops`)
                named: !f[2].trim().is_empty() || note.chars().next().is_some_and(char::is_uppercase),
            });
        }
        Ok(CyrillicSources { rows })
    }

    /// The category and country of a source phrase: the row with the most stems that all begin
    /// words of it (the first such row on a tie); countries named in the phrase win over the
    /// row's; `other` for a capitalised name no row knows.
    pub fn classify(&self, phrase: &str) -> (Category, String) {
        let lower = phrase.to_lowercase().replace('’', "'");
        let words: Vec<&str> =
            lower.split(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'').filter(|w| !w.is_empty()).collect();
        // the first word where `stems` begin consecutive words
        let at = |stems: &[String]| -> Option<usize> {
            (0..words.len()).find(|&i| {
                stems.iter().enumerate().all(|(j, s)| {
                    words.get(i + j).is_some_and(|w| match s.strip_prefix('=') {
                        Some(exact) => *w == exact,
                        None => w.starts_with(s.as_str()),
                    })
                })
            })
        };
        // an adjective (`военный`, `російське`) is not the head of its phrase
        let adjective = |w: &str| {
            [
                "ый", "ий", "ой", "ая", "яя", "ое", "ее", "ые", "ие", "ого", "ому", "ом", "ой", "ых", "их", "ьк",
                "ська", "ське", "ські", "ний", "на", "не", "ні",
            ]
            .iter()
            .any(|e| w.ends_with(e))
        };
        // named rows first (most stems, then earliest); then head nouns (most stems, then a
        // noun before an adjective, then earliest)
        let mut best: Option<(&SourceRow, RowRank)> = None;
        for r in &self.rows {
            let Some(i) = at(&r.stems) else { continue };
            // `источник в Кремле`: an unnamed source, whatever body it is in
            let unnamed_head = words.first().is_some_and(|w| ANONYMOUS_HEADS.iter().any(|h| w.starts_with(h)));
            let anonymous = i > 0 && unnamed_head;
            let named = r.named && !anonymous;
            // and the unnamed head's own row wins over the body's, however many words that has
            // (`источник в Генеральном штабе`)
            let head = unnamed_head && i == 0;
            let key = (named, head, r.stems.len(), named || !adjective(words[i]), std::cmp::Reverse(i));
            if best.as_ref().is_none_or(|(_, k)| key > *k) {
                best = Some((r, key));
            }
        }
        let best = best.map(|(r, _)| r);
        let mut countries: Vec<&str> = Vec::new();
        for (stem, code) in COUNTRIES {
            let stems: Vec<String> = stem.split(' ').map(String::from).collect();
            if at(&stems).is_some() && !countries.contains(code) {
                countries.push(code);
            }
        }
        let country = if countries.is_empty() {
            best.map(|b| b.country.clone()).unwrap_or_default()
        } else {
            countries.sort();
            countries.join(";")
        };
        let category = match best {
            Some(b) => b.category,
            None if phrase.chars().any(char::is_uppercase) => Category::Other,
            None => Category::Unresolved,
        };
        (category, country)
    }
}

/// The class of a cue word (lower case), when it is one: a cue stem and a verb ending.
/// A reflexive form (`-ся`, `-сь`) is a cue only for verbs that are reflexive as cues
/// (`отказался`, `пожаловалась`, `поділилася`); of the others it is an impersonal passive
/// (`отмечается`: "is celebrated", `сообщается`).
fn cue_class(word: &str) -> Option<&'static str> {
    CUES.iter().find_map(|(stem, class)| {
        let rest = word.strip_prefix(stem)?;
        let reflexive = rest.strip_suffix("ся").or_else(|| rest.strip_suffix("сь"));
        let reflexive_ok = *class == "refusal" || REFLEXIVE_CUES.contains(stem);
        // a stem alone is a cue only when it is a verb form itself (`сообщили`, `цитує`, `опроверг`); the
        // others alone are imperatives or nouns (`заяви`: statements, `назва`: a name)
        let whole_verb = ["л", "ли", "є", "г"].iter().any(|e| stem.ends_with(e));
        ((rest.is_empty() && whole_verb)
            || VERB_ENDS.contains(&rest)
            || (reflexive_ok && reflexive.is_some_and(|r| VERB_ENDS.contains(&r))))
        .then_some(*class)
    })
}

/// Whether a word after a cue comes before its source (an addressee, a time word, `в`).
fn skip_after_cue(w: &str) -> bool {
    ADDRESSEE_NOUNS.contains(&w) || SKIP_AFTER_CUE.contains(&w)
}

/// One attribution found.
struct Found {
    sentence: usize,
    cue: Range<usize>,
    class: &'static str,
    source: Option<Range<usize>>,
    content: Option<Range<usize>>,
    direct: bool,
}

fn is_open_quote(c: char) -> bool {
    matches!(c, '«' | '„' | '“' | '"')
}

fn is_close_quote(c: char) -> bool {
    matches!(c, '»' | '“' | '”' | '"')
}

/// The quotation (marks excluded) that ends just before `at`, with only spaces, commas and
/// dashes between.
fn quote_before(text: &str, quotes: &[Range<usize>], from: usize, at: usize) -> Option<Range<usize>> {
    // quotes are sorted and do not overlap: back from the last ending by `at`, while they start
    // after `from`
    let by_at = quotes.partition_point(|q| q.end <= at);
    quotes[..by_at]
        .iter()
        .rev()
        .take_while(|q| q.start >= from)
        .find(|q| {
            let gap = &text[q.end..at];
            let gap = gap.trim_start_matches(|c: char| is_close_quote(c));
            gap.chars().all(|c| c.is_whitespace() || matches!(c, ',' | '—' | '–' | '-' | '.' | '!' | '?'))
                && gap.contains([',', '—', '–', '-'])
        })
        .cloned()
}

/// The quotation that opens right after `at` (after spaces, a colon and the mark).
fn quote_after(text: &str, quotes: &[Range<usize>], at: usize, to: usize) -> Option<Range<usize>> {
    // quotes are sorted and do not overlap: on from the first starting at `at`, while they end by `to`
    let from_at = quotes.partition_point(|q| q.start < at);
    quotes[from_at..]
        .iter()
        .take_while(|q| q.end <= to)
        .find(|q| {
            let gap = &text[at..q.start];
            let gap = gap.trim_end_matches(is_open_quote);
            gap.chars().all(|c| c.is_whitespace() || c == ':')
        })
        .cloned()
}

/// Runs the rules on a Russian or Ukrainian article.
pub fn run(sources: &CyrillicSources, article_id: &str, text: &str, analysis: &TextAnalysis) -> AttrResult {
    let mut found: Vec<Found> = Vec::new();
    for (si, sent) in analysis.sentences.iter().enumerate() {
        // tokens are in text order, so a sentence's tokens are one run of them
        let (a, b) = (
            analysis.tokens.partition_point(|t| (t.sentence as usize) < si),
            analysis.tokens.partition_point(|t| (t.sentence as usize) <= si),
        );
        let words: Vec<(Range<usize>, String, bool)> =
            analysis.tokens[a..b].iter().map(|t| (t.range(), text[t.range()].to_lowercase(), t.quoted)).collect();
        let mut taken_until = sent.start;
        let mut k = 0;
        while k < words.len() {
            let (r, w, quoted) = &words[k];
            if *quoted || r.start < taken_until {
                k += 1;
                continue;
            }
            // lead phrases: `по словам X, ...` / `..., по данным X.`
            if let Some((lead, class)) = LEADS
                .iter()
                .find(|(lead, _)| lead.iter().enumerate().all(|(j, l)| words.get(k + j).is_some_and(|x| x.1 == *l)))
            {
                // `согласно закону`, `згідно з виділеними лімітами`, `згідно з найкращими світовими стандартами`: a rule
                // complied with, no source
                let ruled = words[k + lead.len()..(k + lead.len() + 3).min(words.len())]
                    .iter()
                    .any(|x| RULE_STEMS.iter().any(|s| x.1.starts_with(s)));
                if *class == "according_to" && lead.len() <= 2 && lead[0] != "по" && lead[0] != "за" && ruled {
                    k += lead.len();
                    continue;
                }
                let cue = r.start..words[k + lead.len() - 1].0.end;
                // the source runs to the next comma or the sentence's end; a pronoun inside the
                // lead (`по его словам`) is the source itself
                let after = cue.end;
                let stop = text[after..sent.end].find([',', ';', ':']).map_or(sent.end, |i| after + i);
                let pronoun = (0..lead.len()).map(|j| &words[k + j]).find(|x| PRONOUNS.contains(&x.1.as_str()));
                let source = match pronoun {
                    Some(p) => Some(p.0.clone()),
                    None => trim(text, after..stop).map(|r| lead_source(text, r)),
                };
                let before = trim(text, sent.start..cue.start);
                let content = match &before {
                    Some(b) if b.end - b.start > 1 => Some(b.clone()),
                    _ => trim(text, stop..sent.end),
                };
                found.push(Found { sentence: si, cue, class, source, content, direct: false });
                taken_until = stop;
                k += lead.len();
                continue;
            }
            let Some(class) = cue_class(w) else {
                k += 1;
                continue;
            };
            let verb_class = class;
            let Some(class) = negated_or_modal(text, &words, k, class) else {
                k += 1;
                continue;
            };
            let cue = r.clone();
            // `«...», — заявил X`: the quotation before, the source after
            if let Some(q) = quote_before(text, &analysis.quotes, sent.start.saturating_sub(2000), cue.start) {
                let mut j = k + 1;
                while words.get(j).is_some_and(|x| skip_after_cue(&x.1)) {
                    j += 1;
                }
                let stop = clause_end(text, cue.end, sent.end, &['.', '!', '?', ';']);
                let source = words.get(j).filter(|x| x.0.start < stop).and_then(|x| trim(text, x.0.start..stop));
                found.push(Found { sentence: si, cue, class, source, content: Some(q), direct: true });
                taken_until = stop;
                k = j.max(k + 1);
                continue;
            }
            // `..., сообщает ТАСС.`: the cue right after a comma; the clause before is the
            // content, the words after the cue the source
            let head = &text[sent.start..cue.start];
            // the last clause mark before the cue: its start and its end (marks of 1 to 3 bytes)
            let cut = head
                .char_indices()
                .rev()
                .find(|(_, ch)| matches!(ch, ',' | ':' | ';' | '—' | '–'))
                .map(|(i, ch)| (sent.start + i, sent.start + i + ch.len_utf8()));
            if let Some((c, _)) = cut.filter(|&(_, after)| text[after..cue.start].trim().is_empty()) {
                let stop = clause_end(text, cue.end, sent.end, &['.', '!', '?', ';', ',']);
                // `..., заявило в воскресенье Министерство обороны.`: the time phrase is no source
                let source = trim(text, cue.end..stop)
                    .and_then(|s| circumstance_end(text, s.clone()).and_then(|c| trim(text, c..s.end)));
                let content = trim(text, sent.start..c);
                if source.is_some() {
                    found.push(Found { sentence: si, cue, class, source, content, direct: false });
                    taken_until = stop;
                }
                k += 1;
                continue;
            }
            // the source before the cue: the nearest clause before it, back to a comma that
            // does not open an aside, or the sentence's start
            let clause_start = match cut {
                // an aside between commas (`Песков, выступая на форуме, заявил`): the words before it
                Some((at, after)) if starts_lower_aside(&text[after..cue.start]) => {
                    let earlier = &text[sent.start..at];
                    earlier.rfind([',', ':', ';']).map_or(sent.start, |i| sent.start + i + 1)
                }
                Some((_, after)) => after,
                None => sent.start,
            };
            let mut source = trim(text, clause_start..cue.start).and_then(|s| tidy_source(text, s));
            let after_cue = &text[cue.end..sent.end];
            let (content, direct, source_after) = if let Some(q) =
                quote_after(text, &analysis.quotes, cue.end, sent.end)
            {
                (Some(q), true, false)
            } else if let Some((i, m)) = [", что", ", чтобы", ", що", ", щоб", ", будто", ", нібито", " что ", " що "]
                .iter()
                .filter_map(|m| after_cue.find(m).map(|i| (i + m.len(), *m)))
                .min()
                // within about sixty letters of the cue (`написал в своем телеграм-канале, что`)
                .filter(|&(i, _)| i < 120)
            {
                // a purpose clause (`передал деньги, чтобы ...`) is no content of a verb
                // that may be no speech
                let purpose = matches!(m, ", чтобы" | ", щоб");
                let plain = AMBIGUOUS_CUES.iter().any(|s| w.starts_with(s));
                if purpose && plain {
                    (None, false, false)
                } else {
                    (trim(text, cue.end + i..sent.end), false, false)
                }
            } else {
                (None, false, true)
            };
            // `Об этом сообщил X.`, `сообщили в Минобороны`: the source after the cue
            let short_before = source.as_ref().is_none_or(|s| {
                let t = text[s.clone()].to_lowercase();
                matches!(t.as_str(), "об этом" | "про це" | "об этом также" | "про це також" | "как" | "як")
                    || t.starts_with("об этом")
                    || t.starts_with("про це")
            });
            if source_after || short_before {
                let mut j = k + 1;
                while words.get(j).is_some_and(|x| skip_after_cue(&x.1) && !matches!(x.1.as_str(), "в" | "у" | "во"))
                {
                    // an outlet addressed is named in Latin letters after its noun
                    // (`заявил изданию Postimees глава МИД`): no part of the source
                    let outlet = matches!(words[j].1.as_str(), "изданию" | "виданню" | "агентству");
                    j += 1;
                    while outlet && words.get(j).is_some_and(|x| latin_word(&text[x.0.clone()])) {
                        j += 1;
                    }
                }
                let stop = clause_end(text, cue.end, sent.end, &['.', '!', '?', ',', ';', ':']);
                if short_before {
                    source = words.get(j).filter(|x| x.0.start < stop).and_then(|x| trim(text, x.0.start..stop));
                }
            }
            // verbs with a reading that is no speech (`передал танки`: handed over; `отказал в
            // иске`: refused; `пишет сказки`) are cues only with what they report (a quotation or
            // a `что` clause) or after `об этом`; a refusal only of a comment
            let plain = AMBIGUOUS_CUES.iter().any(|s| w.starts_with(s)) || ACT_CUES.iter().any(|s| w.starts_with(s));
            let refusal_of_comment = verb_class != "refusal"
                || words[k.saturating_sub(5)..(k + 4).min(words.len())]
                    .iter()
                    .any(|x| x.1.starts_with("коммент") || x.1.starts_with("комент"));
            // a verb that may be no speech reports a quotation later in its sentence (`призвал
            // стороны «проявлять сдержанность»`)
            let content = match content {
                None if plain => {
                    let from = analysis.quotes.partition_point(|q| q.start < cue.end);
                    analysis.quotes[from..].iter().find(|q| q.end <= sent.end).cloned()
                }
                c => c,
            };
            let keep = (!plain || content.is_some() || short_before) && refusal_of_comment;
            if keep && (source.is_some() || content.is_some()) {
                found.push(Found { sentence: si, cue, class, source, content, direct });
            }
            k += 1;
        }
    }
    rows_of(sources, article_id, text, found)
}

/// The class the cue at `k` (of class `class`) reports with the words around it: a negated cue
/// of giving details is a refusal (`не уточнили`, `не назвал`), any other negated one states
/// nothing (`не сказал нічого`, `Никто не говорит`); so do `говорить о` without `том, что` (talks
/// about a topic, or a thing that indicates: `динамика говорит о наращивании`) and an
/// infinitive after a modal or `чтобы` (`может говорить о`, `позволяют утверждать`).
fn negated_or_modal(
    text: &str,
    words: &[(Range<usize>, String, bool)],
    k: usize,
    class: &'static str,
) -> Option<&'static str> {
    let w = words[k].1.as_str();
    let at = |j: usize| words.get(j).map(|x| x.1.as_str());
    // the word right before the cue, in the same clause (only spaces between) and not quoted:
    // `«Ні», — сказав він` is no negated cue
    let prev = k
        .checked_sub(1)
        .filter(|&j| !words[j].2 && text[words[j].0.end..words[k].0.start].trim().is_empty())
        .map(|j| words[j].1.as_str());
    let before: Vec<&str> = words[k.saturating_sub(3)..k].iter().filter(|x| !x.2).map(|x| x.1.as_str()).collect();
    let topic = w.starts_with("говор")
        && matches!(at(k + 1), Some("о" | "об" | "про"))
        && !matches!(at(k + 2), Some("том" | "те" | "тому"));
    // a Russian infinitive (Ukrainian ones end in `-ти`; Ukrainian `говорить`, `заявить` are
    // third persons, so `-ть` counts only after a modal)
    let infinitive = w.ends_with("ть");
    // `мягко сказать`, `так сказать`: a manner of speaking, no statement; `передать привет`
    // (a greeting, or a threat); `отметил 23 февраля`, `відзначили річницю` (celebrated)
    let idiom = (w == "сказать" && matches!(prev, Some("так" | "мягко" | "грубо")))
        || (w.starts_with("переда") && at(k + 1).is_some_and(|n| n.starts_with("привет") || n.starts_with("привіт")))
        || ((w.starts_with("отмет") || w.starts_with("відзначи") || w.starts_with("отмеча"))
            && at(k + 1).is_some_and(|n| {
                n.chars().all(|c| c.is_ascii_digit())
                    || ["день", "праздник", "свято", "юбилей", "ювілей", "годовщин", "річниц", "новый", "новий"]
                        .iter()
                        .any(|h| n.starts_with(h))
            }));
    if topic || idiom || (infinitive && before.iter().any(|x| MODALS.contains(x))) {
        return None;
    }
    // `что бы ни говорили`: whatever anyone says, nobody says it
    if k > 1 && prev == Some("ни") && at(k - 2) == Some("бы") {
        return None;
    }
    // `як ви назвали би`, `сказал бы`, `Я б сказав`: a hypothetical; `как бы подчеркивает`: a
    // manner of acting, as if saying it. No statement either way.
    if matches!(at(k + 1), Some("бы" | "би" | "б")) || matches!(prev, Some("бы" | "би" | "б")) {
        return None;
    }
    if class == "refusal" || !matches!(prev, Some("не" | "ні")) {
        return Some(class);
    }
    let nobody = before.iter().any(|x| matches!(*x, "никто" | "ніхто"));
    (!nobody && DETAIL_CUES.iter().any(|s| w.starts_with(s))).then_some("refusal")
}

fn rows_of(sources: &CyrillicSources, article_id: &str, text: &str, mut found: Vec<Found>) -> AttrResult {
    for f in found.iter_mut() {
        f.source = f.source.take().and_then(|r| shape(text, r));
    }
    // a row names a source (a span of no source's words is no attribution)
    found.retain(|f| f.source.is_some());
    let offsets = Offsets::new(text);
    let mut out = AttrResult {
        counts: AttrCounts { per_category: vec![0; Category::ALL.len()], ..Default::default() },
        ..Default::default()
    };
    let mut last: Option<(String, Category, String)> = None;
    let mut classed = Vec::with_capacity(found.len());
    for a in &found {
        let mention = a.source.as_ref().map(|r| text[r.clone()].to_string()).unwrap_or_default();
        let pronoun = PRONOUNS.contains(&mention.to_lowercase().as_str());
        let (resolved, category, country, country_source) = match (&last, pronoun) {
            (Some((who, c, k)), true) => (who.clone(), *c, k.clone(), if k.is_empty() { "" } else { "resolved" }),
            (None, true) => (mention.clone(), Category::Unresolved, String::new(), ""),
            _ if mention.is_empty() => (String::new(), Category::Unresolved, String::new(), ""),
            _ => {
                let (c, k) = sources.classify(&mention);
                let src = if k.is_empty() { "" } else { "phrase" };
                (mention.clone(), c, k, src)
            }
        };
        if !mention.is_empty() && !pronoun {
            last = Some((mention.clone(), category, country.clone()));
        }
        classed.push((mention, resolved, category, country, country_source));
    }
    // a state source that names no country speaks for the country the article's sources name
    // most often (the first of a tie)
    let mut named: Vec<(String, usize)> = Vec::new();
    for (_, _, _, country, _) in &classed {
        for c in country.split(';').filter(|c| !c.is_empty()) {
            match named.iter_mut().find(|(k, _)| k == c) {
                Some((_, n)) => *n += 1,
                None => named.push((c.to_string(), 1)),
            }
        }
    }
    let top = named.iter().max_by_key(|(_, n)| *n).map(|(c, _)| c.clone());
    for (_, _, category, country, country_source) in classed.iter_mut() {
        let state = matches!(
            category,
            Category::Government
                | Category::Military
                | Category::Leader
                | Category::Intelligence
                | Category::StateMedia
                | Category::Anonymous
        );
        if country.is_empty() && state {
            if let Some(t) = &top {
                *country = t.clone();
                *country_source = "article";
            }
        }
    }
    for (i, (a, (mention, resolved, category, country, country_source))) in found.iter().zip(classed).enumerate() {
        let kind = if a.direct { "direct" } else { "indirect" };
        // a refusal to comment is a row, but no claim to count (as in the English extractor)
        if a.class != "refusal" {
            out.counts.add(category, &country, a.direct);
        }
        if let Some(c) = &a.content {
            out.contents.push(c.clone());
            out.speakers.push((c.clone(), resolved.clone(), category != Category::Other));
        }
        out.rows.push(AttrRow {
            article_id: article_id.to_string(),
            n: i + 1,
            sentence: a.sentence + 1,
            cue: text[a.cue.clone()].to_string(),
            cue_class: a.class,
            source: mention,
            source_start: a.source.as_ref().map(|r| offsets.char_index(r.start)),
            source_end: a.source.as_ref().map(|r| offsets.char_index(r.end)),
            resolved_source: resolved,
            category,
            country,
            country_source,
            kind,
            content_start: a.content.as_ref().map(|r| offsets.char_index(r.start)),
            content_end: a.content.as_ref().map(|r| offsets.char_index(r.end)),
            content: a.content.as_ref().map(|r| super::truncate(&text[r.clone()])).unwrap_or_default(),
            content_parts: a
                .content
                .as_ref()
                .map(|r| format!("{}-{}", offsets.char_index(r.start), offsets.char_index(r.end)))
                .unwrap_or_default(),
            source_bytes: a.source.clone(),
        });
    }
    out.contents = super::merged(std::mem::take(&mut out.contents));
    out
}

#[cfg(test)]
#[path = "cyrillic_tests.rs"]
mod tests;
