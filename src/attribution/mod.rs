//! Source attribution: who each article lets speak.
//!
//! [`extract`] finds attributions (cue, source mention, content) in the text;
//! [`classify`] gives each source a [`Category`] and countries from the source lists;
//! [`resolve`] resolves pronouns, short references ("he", "the agency") and bare surnames to
//! the earlier mention they stand for; [`cues`] gives each cue its class (neutral,
//! distancing, conceding, emphatic, according_to, belief, refusal).
//!
//! Extraction has one module per step, each private to this module and driven by [`extract`]
//! (which re-exports the public parts: the record, the cue model and its training, the lemma):
//! - `span`: the [`Attribution`](extract::Attribution) record handed on, and the cue spans the
//!   steps hand each other;
//! - `words`: the word lists, and the word predicates that extraction and classification share
//!   (`is_pronoun`, `is_article`, `SEATS`);
//! - `doc`: the prepared document, a view over the words of a text;
//! - `cue_model`: the cue model (features, probabilities, training); `lemma`: the cue lemma;
//! - `cue_find`: word cues, and the colon, dash, clause-colon and publication cues;
//! - `grammar`: the noun-phrase grammar that sources are grown with;
//! - `source`: the source of a cue; `content`: its content.

mod category;
pub mod classify;
mod content;
mod cue_find;
mod cue_model;
pub mod cues;
pub mod cyrillic;
mod cyrillic_span;
mod cyrillic_span_words;
mod cyrillic_words;
mod doc;
pub mod extract;
mod grammar;
mod lemma;
pub mod resolve;
mod source;
mod source_list;
mod span;
mod speaker;
mod words;

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

use crate::text::{Offsets, TextAnalysis};
pub use category::{Category, UnknownCategory};
use classify::SourceList;
use cues::CueClasses;

/// Longest content written to `attributions.csv`, in characters.
pub const CONTENT_MAX_CHARS: usize = 300;
/// Appended to content cut at [`CONTENT_MAX_CHARS`].
pub const TRUNCATION_MARK: &str = " [...]";

/// One row of `attributions.csv`.
#[derive(Debug, Clone, PartialEq)]
pub struct AttrRow {
    pub article_id: String,
    /// 1-based number of the attribution in its article.
    pub n: usize,
    /// 1-based sentence number of the cue.
    pub sentence: usize,
    pub cue: String,
    pub cue_class: &'static str,
    pub source: String,
    /// Char offsets of the source mention (empty when there is none).
    pub source_start: Option<usize>,
    pub source_end: Option<usize>,
    pub resolved_source: String,
    pub category: Category,
    pub country: String,
    /// Where the country comes from: `phrase` (the source's own words or the list's knowledge of
    /// it), `resolved` (the person or body it refers back to), `article` (the source names no
    /// country: the one the article's sources of its kind, else its state sources, most often
    /// name), or empty (none).
    pub country_source: &'static str,
    /// `direct`, `indirect` or `mixed`.
    pub kind: &'static str,
    /// Char offsets from the start of the content's first part to the end of its last.
    pub content_start: Option<usize>,
    pub content_end: Option<usize>,
    pub content: String,
    /// Char offsets of each part of the content, `start-end`, `;`-separated (one part unless the
    /// cue splits the clause or quotation, or the quotation goes on after it).
    pub content_parts: String,
    /// Byte range of the source mention (not written; for the report).
    pub source_bytes: Option<std::ops::Range<usize>>,
}

fn opt(v: Option<usize>) -> String {
    v.map(|x| x.to_string()).unwrap_or_default()
}

impl crate::rows::Row for AttrRow {
    const FILE: &'static str = "attributions.csv";
    const COLUMNS: &'static [crate::rows::Col<Self>] = {
        use crate::rows::text;
        &[
            text("article_id", |a| a.article_id.clone()),
            text("n", |a| a.n.to_string()),
            text("sentence", |a| a.sentence.to_string()),
            text("cue", |a| a.cue.clone()),
            text("cue_class", |a| a.cue_class.to_string()),
            text("source", |a| a.source.clone()),
            text("source_start", |a| opt(a.source_start)),
            text("source_end", |a| opt(a.source_end)),
            text("resolved_source", |a| a.resolved_source.clone()),
            text("category", |a| a.category.to_string()),
            text("country", |a| a.country.clone()),
            text("country_source", |a| a.country_source.to_string()),
            text("kind", |a| a.kind.to_string()),
            text("content_start", |a| opt(a.content_start)),
            text("content_end", |a| opt(a.content_end)),
            text("content", |a| a.content.clone()),
            text("content_parts", |a| a.content_parts.clone()),
        ]
    };
}

/// Attribution counts of one article.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AttrCounts {
    pub total: usize,
    pub direct: usize,
    /// Per source category, in [`Category::ALL`] order (see [`Category::index`]).
    pub per_category: Vec<usize>,
    /// Attributions per country code.
    pub countries: BTreeMap<String, usize>,
    /// Attributions per (country code, source category index): an attribution to several
    /// countries counts for each; one without a country under the empty code.
    pub by_country: BTreeMap<(String, usize), usize>,
}

impl AttrCounts {
    /// Counts one attribution: its source's category and its country codes (`;`-joined; one
    /// without a country counts under the empty code in `by_country`).
    pub fn add(&mut self, category: Category, country: &str, direct: bool) {
        self.total += 1;
        if direct {
            self.direct += 1;
        }
        self.per_category[category.index()] += 1;
        for c in country.split(';').filter(|c| !c.is_empty()) {
            *self.countries.entry(c.to_string()).or_default() += 1;
            *self.by_country.entry((c.to_string(), category.index())).or_default() += 1;
        }
        if country.is_empty() {
            *self.by_country.entry((String::new(), category.index())).or_default() += 1;
        }
    }

    /// `KP:4;UA:2`: by count, then code.
    pub fn countries_string(&self) -> String {
        let mut v: Vec<(&String, &usize)> = self.countries.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        v.iter().map(|(c, n)| format!("{c}:{n}")).collect::<Vec<_>>().join(";")
    }
}

/// The attribution stage: extraction plus classification.
pub struct AttrStage {
    pub sources: SourceList,
    pub cues: CueClasses,
}

/// What the stage found in one article.
#[derive(Debug, Clone, Default)]
pub struct AttrResult {
    pub rows: Vec<AttrRow>,
    pub counts: AttrCounts,
    /// Byte ranges of contents with their resolved speaker, for quoted loaded hits.
    /// With each, whether its source has a category other than `other` (a source the list
    /// or a head noun recognises): reported speech names its speaker only then.
    pub speakers: Vec<(Range<usize>, String, bool)>,
    /// Byte ranges covered by the rows' content parts, merged where they overlap or nest, in
    /// text order: outside quotation marks, reported speech (see [`crate::lexicon::Voice`]).
    pub contents: Vec<Range<usize>>,
}

/// `ranges` sorted and merged where they overlap: disjoint, in order.
fn merged(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    ranges.sort_by_key(|r| (r.start, r.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match out.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

fn kind_of(parts: &[&Range<usize>], direct: bool, quotes: &[Range<usize>]) -> &'static str {
    let mut quoted = 0usize;
    // quotes are sorted and do not overlap: only those from the first ending after the part's
    // start can overlap it
    for c in parts {
        let first = quotes.partition_point(|q| q.end <= c.start);
        for q in quotes[first..].iter().take_while(|q| q.start < c.end) {
            let (s, e) = (q.start.max(c.start), q.end.min(c.end));
            if s < e {
                quoted += e - s;
            }
        }
    }
    let len = parts.iter().map(|c| c.len()).sum::<usize>().max(1);
    if direct || quoted * 10 >= len * 9 {
        "direct"
    } else if quoted > 0 {
        "mixed"
    } else {
        "indirect"
    }
}

fn truncate(s: &str) -> String {
    let flat = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= CONTENT_MAX_CHARS {
        flat
    } else {
        let cut: String = flat.chars().take(CONTENT_MAX_CHARS).collect();
        format!("{cut}{TRUNCATION_MARK}")
    }
}

/// Titles and roles written before a person's name (`Captain Ilya Rusk`, `Gen. Tomas Reik`,
/// `Defence Minister Lena Marsk`), lower-case without a dot.
const NAME_TITLES: &[&str] = &[
    "adm",
    "admiral",
    "ambassador",
    "capt",
    "captain",
    "chancellor",
    "col",
    "colonel",
    "commander",
    "dame",
    "dr",
    "duchess",
    "duke",
    "gen",
    "general",
    "gov",
    "governor",
    "judge",
    "king",
    "lady",
    "leader",
    "lord",
    "lt",
    "maj",
    "major",
    "mayor",
    "minister",
    "miss",
    "mr",
    "mrs",
    "ms",
    "premier",
    "president",
    "prince",
    "princess",
    "prof",
    "professor",
    "queen",
    "rep",
    "secretary",
    "sen",
    "senator",
    "sergeant",
    "sgt",
    "sir",
];

/// Last words that make a titled phrase a body, a place or a date rather than a person.
const NOT_PEOPLE: &[&str] = &[
    "agency",
    "april",
    "army",
    "assembly",
    "august",
    "college",
    "command",
    "committee",
    "company",
    "corporation",
    "council",
    "court",
    "december",
    "department",
    "dynamics",
    "electric",
    "february",
    "forces",
    "foundation",
    "friday",
    "hospital",
    "institute",
    "january",
    "july",
    "june",
    "league",
    "march",
    "may",
    "ministry",
    "monday",
    "motors",
    "navy",
    "november",
    "october",
    "office",
    "party",
    "saturday",
    "september",
    "staff",
    "sunday",
    "thursday",
    "tuesday",
    "university",
    "wednesday",
];

/// Whether `w`, lower-cased, is in the sorted ASCII `list` (without allocating: this runs
/// on every word).
fn in_ascii_list(list: &[&str], w: &str) -> bool {
    let mut buf = [0u8; 16];
    if w.len() > buf.len() || !w.is_ascii() {
        return false;
    }
    for (b, c) in buf.iter_mut().zip(w.bytes()) {
        *b = c.to_ascii_lowercase();
    }
    list.binary_search_by(|t| t.as_bytes().cmp(&buf[..w.len()])).is_ok()
}

/// Byte ranges of people introduced by a title outside quotations: the title and the
/// capitalised words after it, up to four (`Battery commander Captain Ilya Rusk`
/// gives `Captain Ilya Rusk`).
fn titled_people(text: &str, analysis: &TextAnalysis) -> Vec<Range<usize>> {
    let toks = &analysis.tokens;
    let word = |k: usize| text.get(toks[k].start..toks[k].end).unwrap_or("");
    // a title, in any case: the word's normal form (its lower case) looked up once
    static TITLES: std::sync::OnceLock<crate::text::FnvMap<&'static str, ()>> = std::sync::OnceLock::new();
    let titles = TITLES.get_or_init(|| NAME_TITLES.iter().map(|&t| (t, ())).collect());
    let title = |k: usize| {
        let w = word(k);
        match analysis.norm.get(k) {
            Some(norm) if w.is_ascii() => titles.contains_key(norm),
            _ => in_ascii_list(NAME_TITLES, w),
        }
    };
    let capitalised = |k: usize| word(k).chars().next().is_some_and(char::is_uppercase);
    let joined = |k: usize| {
        toks[k].sentence == toks[k + 1].sentence
            && text.get(toks[k].end..toks[k + 1].start).is_some_and(|g| matches!(g, " " | ". "))
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k + 1 < toks.len() {
        if toks[k].quoted || !title(k) {
            k += 1;
            continue;
        }
        // the longest run of titles (`Defence Minister Gen.`) then of names
        let mut end = k;
        while end + 1 < toks.len() && joined(end) && capitalised(end + 1) && !toks[end + 1].quoted && title(end + 1) {
            end += 1;
        }
        let last_title = end;
        while end + 1 < toks.len()
            && end - last_title < 4
            && joined(end)
            && capitalised(end + 1)
            && !toks[end + 1].quoted
        {
            end += 1;
        }
        // A capitalised title with a name (`Gen. Reik`), or a lower-case one with a full name
        // (`opposition leader Pavel Orsk`); not a body or a date (`General Motors`, `the judge Tuesday`).
        let names = end - last_title;
        let capital_title = (k..=last_title).find(|&m| capitalised(m));
        let body = in_ascii_list(NOT_PEOPLE, word(end));
        if names >= 1 && (capital_title.is_some() || names >= 2) && !body {
            let from = capital_title.unwrap_or(last_title + 1);
            out.push(toks[from].start..toks[end].end);
        }
        k = end + 1;
    }
    out
}

/// Whether sources of a category speak for a state.
fn speaks_for_state(c: Category) -> bool {
    use Category::*;
    matches!(c, Government | Military | Leader | Intelligence | StateMedia)
}

/// Whether a category takes the article's country when its source names none: those that speak
/// for a state, people on the ground, and named people the list does not know. Not anonymous
/// sources, experts, media, documents or unresolved pronouns, whose country the article's
/// other sources do not tell.
fn takes_article_country(c: Category) -> bool {
    use Category::*;
    matches!(c, Government | Military | Leader | Intelligence | Citizen | Other)
}

/// The countries an article's sources name, by category: what a source that names none
/// (`officials`, `the president`, `Mamdani`) takes.
struct ArticleCountries {
    /// Per category (by [`Category::index`]): the tally of the article's named or country-coded
    /// sources of that category; then the same over the categories that speak for a state.
    by_category: Vec<Tally>,
    state: Tally,
}

/// Countries named by a set of mentions: (country, mentions, first mention), most named first,
/// and how many mentions there are, with a country or without one.
#[derive(Default, Clone)]
struct Tally {
    ranked: Vec<(String, usize, usize)>,
    mentions: usize,
}

impl Tally {
    fn add(&mut self, m: usize, countries: &str) {
        self.mentions += 1;
        for c in countries.split(';').filter(|c| !c.is_empty()) {
            match self.ranked.iter_mut().find(|r| r.0 == c) {
                Some(r) => r.1 += 1,
                None => self.ranked.push((c.to_string(), 1, m)),
            }
        }
    }

    /// The country that more than half of the mentions name: one foreign official quoted in a
    /// story whose own officials the list cannot place does not make them foreign.
    fn dominant(&self) -> Option<&str> {
        let best = self.ranked.iter().max_by(|a, b| a.1.cmp(&b.1).then(b.2.cmp(&a.2)))?;
        (best.1 * 2 > self.mentions).then_some(best.0.as_str())
    }
}

impl ArticleCountries {
    fn new(mentions: &[(String, classify::SourceClass)], resolved: &[usize]) -> Self {
        let mut by_category = vec![Tally::default(); Category::ALL.len()];
        let mut state = Tally::default();
        for (m, (text, _)) in mentions.iter().enumerate() {
            let class = &mentions[resolved[m]].1;
            if classify::is_pronoun(text) || (class.country.is_empty() && !class.named) {
                continue;
            }
            by_category[class.category.index()].add(m, &class.country);
            if speaks_for_state(class.category) {
                state.add(m, &class.country);
            }
        }
        ArticleCountries { by_category, state }
    }

    /// The country a source of `category` that names none takes, if any.
    fn country_for(&self, category: Category, class: &classify::SourceClass) -> Option<&str> {
        if !takes_article_country(category) || (category == Category::Other && !(class.named && class.person)) {
            return None;
        }
        self.by_category[category.index()].dominant().or_else(|| self.state.dominant())
    }
}

impl AttrStage {
    /// The attributions of one article whose source could speak (see [`speaker`]), and the
    /// subjects of reported acts (mentions, not rows). The attribution eval scores these too.
    pub fn speaking(&self, text: &str, analysis: &TextAnalysis) -> (Vec<extract::Attribution>, Vec<Range<usize>>) {
        self.speaking_in(text, analysis, &self.sources.named_in(text))
    }

    /// [`AttrStage::speaking`] with the source-list rows the article names (`present`, see
    /// [`classify::SourceList::named_in`]) found once.
    fn speaking_in(
        &self,
        text: &str,
        analysis: &TextAnalysis,
        present: &BTreeSet<usize>,
    ) -> (Vec<extract::Attribution>, Vec<Range<usize>>) {
        let (mut found, actors) = extract::extract_with_actors(text, analysis, extract::default_model());
        found.retain(|a| {
            a.source.as_ref().is_none_or(|r| {
                let phrase = &text[r.clone()];
                speaker::could_speak(phrase, &self.sources.classify_in(phrase, present))
            })
        });
        (found, actors)
    }

    /// Finds and classifies the attributions of one analysed article.
    pub fn run(&self, article_id: &str, text: &str, analysis: &TextAnalysis) -> AttrResult {
        let present = self.sources.named_in(text);
        let (mut found, mut actors) = self.speaking_in(text, analysis, &present);
        // rows cite someone: no stance or wish (its subject stays a mention), and no address to
        // the reader (`What do you think about ...`)
        found.retain(|a| {
            let reader = a.source.as_ref().is_some_and(|r| {
                matches!(
                    text[r.clone()].trim().to_lowercase().as_str(),
                    "you" | "your" | "yourself" | "you're" | "you’re"
                )
            });
            if a.stance {
                actors.extend(a.source.clone());
            }
            !a.stance && !reader
        });
        let offsets = Offsets::new(text);
        // Mentions in text order: each attribution's source (a relative pronoun, `Kim, who said`,
        // as the noun phrase it stands for) and, between them, people introduced by a title
        // outside any source (`Captain Ilya Rusk thanked ...`), who can stand behind a later `he`.
        let mut order: Vec<(usize, Option<usize>, Range<usize>)> = found
            .iter()
            .enumerate()
            .map(|(i, a)| match a.antecedent.as_ref().or(a.source.as_ref()) {
                Some(r) => (r.start, Some(i), r.clone()),
                None => (a.cue.start, Some(i), 0..0),
            })
            .collect();
        // the sources and antecedents by start, with the furthest end so far: a person overlaps
        // one when a range starting before the person's end reaches past its start
        let mut taken: Vec<(usize, usize)> = found
            .iter()
            .flat_map(|a| [a.source.as_ref(), a.antecedent.as_ref()])
            .flatten()
            .map(|r| (r.start, r.end))
            .collect();
        taken.sort_unstable();
        let mut furthest = 0;
        for t in taken.iter_mut() {
            furthest = furthest.max(t.1);
            t.1 = furthest;
        }
        for p in titled_people(text, analysis) {
            let before = taken.partition_point(|t| t.0 < p.end);
            let inside = before > 0 && taken[before - 1].1 > p.start;
            if !inside {
                order.push((p.start, None, p));
            }
        }
        // the subjects of reported acts (`The army concluded its drills`) are mentions too
        order.extend(actors.into_iter().map(|r| (r.start, None, r)));
        order.sort_by_key(|(pos, attr, _)| (*pos, attr.is_none()));
        let mentions: Vec<(String, classify::SourceClass)> = order
            .iter()
            .map(|(_, _, r)| {
                let s = text[r.clone()].to_string();
                let c = self.sources.classify_in(&s, &present);
                (s, c)
            })
            .collect();
        // for each attribution, the mention (an index into `mentions`) its source resolves to
        let resolved_all = resolve::resolve(&mentions);
        // for each attribution, its own mention and the mention that mention resolves to
        let mut own_mention = vec![0; found.len()];
        let mut resolved = vec![0; found.len()];
        for (m, (_, attr, _)) in order.iter().enumerate() {
            if let Some(i) = attr {
                own_mention[*i] = m;
                resolved[*i] = resolved_all[m];
            }
        }
        let mut out = AttrResult {
            counts: AttrCounts { per_category: vec![0; Category::ALL.len()], ..Default::default() },
            ..Default::default()
        };
        let mut speaker_of: Vec<Option<usize>> = vec![None; found.len()];
        let fallback = ArticleCountries::new(&mentions, &resolved_all);
        for (i, a) in found.iter().enumerate() {
            let mention = a.source.as_ref().map(|r| text[r.clone()].to_string()).unwrap_or_default();
            let own = own_mention[i];
            let (resolved_text, class) = &mentions[resolved[i]];
            // a pronoun that stands for no one found (a relative `who` stands for its antecedent)
            let unresolved = classify::is_pronoun(&mentions[own].0) && resolved[i] == own;
            // no source found, or a pronoun that stands for no one found
            let category = if mention.is_empty() || unresolved { Category::Unresolved } else { class.category };
            let (country, country_source) = if !mentions[own].1.country.is_empty() {
                (mentions[own].1.country.clone(), "phrase")
            } else if !class.country.is_empty() {
                (class.country.clone(), "resolved")
            } else if let Some(c) = fallback.country_for(category, class) {
                (c.to_string(), "article")
            } else {
                (String::new(), "")
            };
            let parts: Vec<&Range<usize>> = a.parts().collect();
            out.contents.extend(parts.iter().map(|r| (*r).clone()));
            let cover = a.content_cover();
            let kind = kind_of(&parts, a.direct, &analysis.quotes);
            let cue_text = &text[a.cue.clone()];
            let cue_class = self.cues.class_of(cue_text);
            // `The company declined to comment.` is a row, but no claim to count
            if cue_class != "refusal" {
                out.counts.add(category, &country, kind == "direct");
            }
            if let Some(c) = &a.content {
                speaker_of[i] = Some(out.speakers.len());
                out.speakers.push((c.clone(), resolved_text.clone(), category != Category::Other));
            }
            out.rows.push(AttrRow {
                article_id: article_id.to_string(),
                n: i + 1,
                sentence: a.sentence as usize + 1,
                cue: cue_text.to_string(),
                cue_class,
                source: mention,
                source_start: a.source.as_ref().map(|r| offsets.char_index(r.start)),
                source_end: a.source.as_ref().map(|r| offsets.char_index(r.end)),
                resolved_source: resolved_text.clone(),
                category,
                country,
                country_source,
                kind,
                content_start: cover.as_ref().map(|r| offsets.char_index(r.start)),
                content_end: cover.as_ref().map(|r| offsets.char_index(r.end)),
                content: cover.as_ref().map(|r| truncate(&text[r.clone()])).unwrap_or_default(),
                content_parts: parts
                    .iter()
                    .map(|r| format!("{}-{}", offsets.char_index(r.start), offsets.char_index(r.end)))
                    .collect::<Vec<_>>()
                    .join(";"),
                source_bytes: a.source.clone(),
            });
        }
        // quotations that go on after their attribution keep its speaker, in text order
        let mut continued: Vec<(Range<usize>, usize)> =
            found.iter().enumerate().flat_map(|(i, a)| a.continued.iter().map(move |q| (q.clone(), i))).collect();
        out.contents = merged(std::mem::take(&mut out.contents));
        continued.sort_by_key(|(q, _)| q.start);
        for (q, i) in continued {
            if let Some(k) = speaker_of[i] {
                let (_, who, known) = out.speakers[k].clone();
                out.speakers.push((q, who, known));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
