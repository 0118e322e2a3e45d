//! Who is speaking: classifying attribution sources with the source list, and
//! resolving pronouns and short references to the most recent named source.
//!
//! The source list (`data/sources/sources.tsv`, or `--sources FILE`) has three kinds of rows:
//! - `named`: a specific entity with aliases (`Korean Central News Agency`, `KCNA`),
//!   matched case-sensitively on word boundaries anywhere in the source phrase;
//! - `head`: a generic head noun phrase (`officials`, `intelligence agencies`,
//!   `state media`), matched case-insensitively at the end of the source's main noun
//!   phrase (the part before an apposition or a `for`/`of`/`at` attachment);
//! - `demonym`: a nationality adjective or country name mapped to a country code
//!   (`Ukrainian` -> UA, `Western` -> WEST), collected anywhere in the phrase.
//!
//! A phrase gets the category of its longest named match, else of its head, else
//! `anonymous` when it says so (`who asked not to be named`), else `other`. Its
//! countries are those of the named match plus every demonym, in text order.

use std::collections::BTreeSet;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// Source categories, in the order of the `attr_<category>` columns.
pub const CATEGORIES: &[&str] = &[
    "state_media",
    "media",
    "intelligence",
    "government",
    "military",
    "leader",
    "expert",
    "anonymous",
    "citizen",
    "document",
    "other",
];

/// A problem in a source list, naming file and line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct SourceListError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
struct Named {
    category: usize,
    country: String,
}

/// A compiled source list.
#[derive(Debug)]
pub struct SourceList {
    pub name: String,
    pub version: String,
    pub sha256: String,
    pub rows: usize,
    named_ac: Option<AhoCorasick>,
    named: Vec<Named>,
    /// (lower-case head phrase, category)
    heads: Vec<(String, usize)>,
    /// All heads, for overlapping search (pattern index = index into `heads`).
    heads_ac: Option<AhoCorasick>,
    demonym_ac: Option<AhoCorasick>,
    demonym_country: Vec<String>,
}

/// The embedded default list.
pub const SOURCES_TSV: &str = include_str!("../../data/sources/sources.tsv");

/// What a source phrase was classified as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceClass {
    /// Index into [`CATEGORIES`].
    pub category: usize,
    /// Country codes, `;`-joined, in text order, without duplicates.
    pub country: String,
    /// Whether the phrase names someone (a named match or capitalised words) rather than a
    /// generic group; only named sources are used to resolve pronouns.
    pub named: bool,
    /// Whether the phrase reads as a person (for he/she) rather than an organisation.
    pub person: bool,
    /// A group named by a plural head with an attachment (`Officials in Tallinn`,
    /// `Supporters of President Trump`): neither a person nor a name, but `they`.
    pub group: bool,
}

/// Whether `text[start..end]` is bounded by non-word characters (so `Trump’s` matches
/// `Trump`, and `Kimchi` does not match `Kim`).
fn bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

impl SourceList {
    /// The embedded default list.
    pub fn default_list() -> SourceList {
        SourceList::parse("data/sources/sources.tsv", SOURCES_TSV).expect("embedded source list is valid (tested)")
    }

    /// Reads a source list file.
    pub fn from_file(path: &std::path::Path) -> Result<SourceList, SourceListError> {
        let file = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| SourceListError {
            file: file.clone(),
            line: 0,
            message: format!("cannot read: {e}"),
        })?;
        SourceList::parse(&file, &text)
    }

    /// Parses the TSV format `name, category, country, kind, aliases, note`.
    pub fn parse(file: &str, text: &str) -> Result<SourceList, SourceListError> {
        let err = |line: usize, message: String| SourceListError { file: file.to_string(), line, message };
        let mut name = "sources".to_string();
        let mut version = "unversioned".to_string();
        let mut header: Option<Vec<String>> = None;
        let mut named_pats: Vec<String> = Vec::new();
        let mut named = Vec::new();
        let mut heads = Vec::new();
        let mut dem_pats: Vec<String> = Vec::new();
        let mut dem_country = Vec::new();
        let mut rows = 0;
        for (i, raw) in text.lines().enumerate() {
            let n = i + 1;
            let line = raw.trim_end_matches('\r');
            if line.trim().is_empty() {
                continue;
            }
            if let Some(c) = line.strip_prefix('#') {
                if let Some((k, v)) = c.split_once(':') {
                    match k.trim() {
                        "name" => name = v.trim().to_string(),
                        "version" => version = v.trim().to_string(),
                        _ => {}
                    }
                }
                continue;
            }
            let f: Vec<&str> = line.split('\t').map(str::trim).collect();
            let Some(h) = &header else {
                let h: Vec<String> = f.iter().map(|x| x.to_ascii_lowercase()).collect();
                for need in ["name", "category", "country", "kind"] {
                    if !h.iter().any(|c| c == need) {
                        return Err(err(n, format!("header row lacks column '{need}'")));
                    }
                }
                header = Some(h);
                continue;
            };
            if f.len() > h.len() || f.len() < 4 {
                return Err(err(n, format!("expected {} tab-separated fields, found {}", h.len(), f.len())));
            }
            let get = |c: &str| h.iter().position(|x| x == c).and_then(|i| f.get(i).copied()).unwrap_or("");
            let (entry, category, country, kind) = (get("name"), get("category"), get("country"), get("kind"));
            if entry.is_empty() {
                return Err(err(n, "empty name".into()));
            }
            rows += 1;
            let cat = || {
                CATEGORIES
                    .iter()
                    .position(|c| *c == category)
                    .ok_or_else(|| err(n, format!("unknown category '{category}' (known: {})", CATEGORIES.join(", "))))
            };
            match kind {
                "named" => {
                    let c = cat()?;
                    let aliases = get("aliases");
                    for pat in std::iter::once(entry).chain(aliases.split(';').map(str::trim).filter(|a| !a.is_empty()))
                    {
                        named_pats.push(pat.to_string());
                        named.push(Named { category: c, country: country.to_string() });
                    }
                }
                "head" => {
                    let c = cat()?;
                    heads.push((entry.to_lowercase(), c));
                    for a in get("aliases").split(';').map(str::trim).filter(|a| !a.is_empty()) {
                        heads.push((a.to_lowercase(), c));
                    }
                }
                "demonym" => {
                    if country.is_empty() {
                        return Err(err(n, "a demonym needs a country".into()));
                    }
                    dem_pats.push(entry.to_string());
                    dem_country.push(country.to_string());
                    for a in get("aliases").split(';').map(str::trim).filter(|a| !a.is_empty()) {
                        dem_pats.push(a.to_string());
                        dem_country.push(country.to_string());
                    }
                }
                other => return Err(err(n, format!("unknown kind '{other}' (named, head, demonym)"))),
            }
        }
        if header.is_none() {
            return Err(err(0, "no header row".into()));
        }
        // Longest heads first, so "intelligence agencies" wins over "agencies".
        heads.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let build = |pats: &[String]| {
            (!pats.is_empty())
                .then(|| AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(pats).ok())
                .flatten()
        };
        Ok(SourceList {
            name,
            version,
            sha256: crate::ingest::sha256_hex(text.as_bytes()),
            rows,
            named_ac: build(&named_pats),
            named,
            heads_ac: (!heads.is_empty())
                .then(|| {
                    AhoCorasickBuilder::new()
                        .match_kind(MatchKind::Standard)
                        .build(heads.iter().map(|h| h.0.as_str()))
                        .ok()
                })
                .flatten(),
            heads,
            demonym_ac: build(&dem_pats),
            demonym_country: dem_country,
        })
    }

    /// Classifies a source phrase as written in the text.
    pub fn classify(&self, phrase: &str) -> SourceClass {
        let mut countries: Vec<String> = Vec::new();
        let add_country = |c: &str, countries: &mut Vec<String>| {
            for part in c.split(';').map(str::trim).filter(|p| !p.is_empty()) {
                if !countries.iter().any(|x| x == part) {
                    countries.push(part.to_string());
                }
            }
        };
        let mut category = None;
        let mut named_hit = false;
        // Tabloid capitals (`KIM Jong-un`): when nothing matches as written, try the phrase with
        // its all-capital words in title case (same byte length, so offsets hold).
        let longest_named = |p: &str| {
            self.named_ac.as_ref().and_then(|ac| {
                ac.find_iter(p)
                    .filter(|m| bounded(p, m.start(), m.end()))
                    .max_by(|a, b| a.len().cmp(&b.len()).then(b.start().cmp(&a.start())))
            })
        };
        let titled;
        let (phrase, best) = match longest_named(phrase) {
            None if self.named_ac.is_some() => {
                titled = title_case_caps(phrase);
                (titled.as_str(), longest_named(&titled))
            }
            found => (phrase, found),
        };
        // where the attachment of a role with its own country begins (see below)
        let mut own_country_before: Option<usize> = None;
        if let Some(m) = best {
            let n = &self.named[m.pattern().as_usize()];
            // "a spokesman for Kim": a head before the attachment names the speaker's role.
            let lower = phrase.to_lowercase();
            let cut = main_cut(&lower);
            // `Russia's ambassador to the United Nations`: a role whose own country is named
            // before the attachment does not take the attached body's country
            let own_country = m.start() >= cut.len()
                && self
                    .demonym_ac
                    .as_ref()
                    .zip(phrase.get(..cut.len()))
                    .is_some_and(|(ac, head)| ac.find_iter(head).any(|d| bounded(head, d.start(), d.end())));
            if own_country {
                own_country_before = Some(cut.len());
            } else {
                add_country(&n.country, &mut countries);
            }
            match self.head_category(cut) {
                // `people close to President Zelensky` stay anonymous
                Some(_) if m.start() >= cut.len() && anonymous_marks(&lower) => {
                    category = CATEGORIES.iter().position(|c| *c == "anonymous")
                }
                Some(h) if m.start() >= cut.len() => category = Some(h),
                _ => {
                    category = Some(n.category);
                    named_hit = true;
                }
            }
        }
        if let Some(ac) = &self.demonym_ac {
            let mut found: Vec<(usize, String)> = ac
                .find_iter(phrase)
                .filter(|m| bounded(phrase, m.start(), m.end()))
                .map(|m| (m.start(), self.demonym_country[m.pattern().as_usize()].clone()))
                .collect();
            found.sort();
            // `the U.S. Embassy in Kyiv`: the place of a seat is not its country when an
            // earlier word names one
            let ascii_lower = phrase.to_ascii_lowercase(); // byte offsets as in `phrase`
            let seat = super::extract::SEATS.words.iter().filter_map(|w| ascii_lower.find(&format!("{w} in "))).min();
            if let Some(at) = seat.filter(|&at| !countries.is_empty() || found.first().is_some_and(|f| f.0 < at)) {
                found.retain(|f| f.0 < at);
            }
            if let Some(at) = own_country_before {
                found.retain(|f| f.0 < at);
            }
            for (_, c) in found {
                add_country(&c, &mut countries);
            }
        }
        let lower = phrase.to_lowercase();
        if category.is_none() && anonymous_marks(&lower) {
            category = CATEGORIES.iter().position(|c| *c == "anonymous");
        }
        if category.is_none() {
            category = self.head_category(&lower);
            if category == CATEGORIES.iter().position(|c| *c == "government") && countries.is_empty() {
                if let Some(body) = self.spokesperson_body(phrase) {
                    category = Some(body);
                }
            }
        }
        // `The Varania Central News Agency, the country's state news agency`: an apposition
        // that says which kind of news outlet a generic head is
        let media = CATEGORIES.iter().position(|c| *c == "media");
        if category.is_some() && category == media && !named_hit {
            let state_media = CATEGORIES.iter().position(|c| *c == "state_media");
            if lower.split(',').skip(1).any(|part| self.head_category(part.trim()) == state_media) {
                category = state_media;
            }
        }
        // A country or capital standing alone (`Ukraine claimed`, `Pyongyang acknowledged`)
        // speaks for its government.
        if category.is_none() && !countries.is_empty() && self.only_places(phrase) {
            category = CATEGORIES.iter().position(|c| *c == "government");
        }
        let capitalised = phrase
            .split_whitespace()
            .next()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase) && !is_pronoun(w));
        let category = category.unwrap_or(CATEGORIES.len() - 1);
        let cat_name = CATEGORIES[category];
        // `The WHO`, `IAEA`: a name in capitals is a body, not a person
        let words: Vec<&str> = phrase.split_whitespace().filter(|w| !is_article(w)).collect();
        let acronym = !words.is_empty()
            && words
                .iter()
                .all(|w| w.chars().filter(|c| c.is_uppercase()).count() > 1 && !w.chars().any(char::is_lowercase));
        let org = acronym || matches!(cat_name, "state_media" | "media" | "intelligence" | "document");
        // `Supporters of President Trump`: a group named by a plural head, neither a person
        // nor a name, whatever its attachment names
        let cut = main_cut(&lower);
        let group = !named_hit
            && cut.len() < lower.len()
            && cut.ends_with('s')
            && !cut.ends_with("ss")
            && self.head_category(cut).is_some();
        SourceClass {
            category,
            country: countries.join(";"),
            named: !group
                && (named_hit
                    || (capitalised && cat_name == "other")
                    || (capitalised && (!is_generic(&lower) || second_capitalised(phrase)))
                    || role_then_name(phrase)),
            person: !org
                && !group
                && (matches!(cat_name, "leader" | "other" | "expert" | "citizen") || names_a_person(&lower)),
            group,
        }
    }

    /// Whether the phrase is nothing but demonym matches, determiners and possessive marks.
    fn only_places(&self, phrase: &str) -> bool {
        let Some(ac) = &self.demonym_ac else { return false };
        let mut rest = String::with_capacity(phrase.len());
        let mut last = 0;
        for m in ac.find_iter(phrase).filter(|m| bounded(phrase, m.start(), m.end())) {
            rest.push_str(&phrase[last..m.start()]);
            rest.push(' ');
            last = m.end();
        }
        if last == 0 {
            return false;
        }
        rest.push_str(&phrase[last..]);
        rest.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| matches!(w.to_lowercase().as_str(), "the" | "s" | "only" | "itself"))
    }

    /// The category of the body a spokesperson (read as a government's by default) speaks
    /// for, named before or after the role: a head's (`a Justice Ministry spokesman`:
    /// government, `an Army spokesman`: military, `a spokesman for the company`: other), or
    /// `other` for a capitalised body that is neither in the list nor a head (`An Apple
    /// spokeswoman`, `a spokesman for Northgate Energy`). `None` for a bare spokesperson.
    fn spokesperson_body(&self, phrase: &str) -> Option<usize> {
        let words: Vec<&str> = phrase.split(',').next().unwrap_or(phrase).split_whitespace().collect();
        let at = words.iter().position(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "spokesman" | "spokeswoman" | "spokesperson" | "spokesmen" | "spokeswomen" | "spokespeople"
            )
        })?;
        let body = if at + 1 == words.len() {
            &words[..at]
        } else if matches!(words[at + 1].to_lowercase().as_str(), "for" | "of" | "at") {
            &words[at + 2..]
        } else {
            return None;
        };
        let body: Vec<&str> = body.iter().copied().filter(|w| !is_article(w)).collect();
        if body.is_empty() {
            return None;
        }
        self.head_category(&body.join(" ").to_lowercase()).or_else(|| {
            body.iter().any(|w| w.chars().next().is_some_and(char::is_uppercase)).then(|| CATEGORIES.len() - 1)
        })
    }

    fn head_category(&self, lower: &str) -> Option<usize> {
        // The main noun phrase: before an apposition or an attachment.
        let main = lower.split(',').next().unwrap_or(lower);
        let main = main.split(" (").next().unwrap_or(main).trim();
        let mut candidates = vec![main.to_string()];
        for sep in ATTACHMENTS {
            if let Some(i) = main.find(sep) {
                candidates.push(main[..i].trim().to_string());
            }
        }
        // The shortest cut first: "a spokesman for the president" is a spokesman.
        candidates.sort_by_key(|c| c.len());
        let ac = self.heads_ac.as_ref()?;
        // the first head in list order (longest first) that ends the candidate
        for cand in &candidates {
            let first = ac
                .find_overlapping_iter(cand.as_str())
                .filter(|m| m.end() == cand.len() && bounded(cand, m.start(), m.end()))
                .map(|m| m.pattern().as_usize())
                .min();
            if let Some(i) = first {
                return Some(self.heads[i].1);
            }
        }
        // Anywhere in the phrase, as a last resort.
        ac.find_overlapping_iter(lower)
            .filter(|m| bounded(lower, m.start(), m.end()))
            .map(|m| m.pattern().as_usize())
            .min()
            .map(|i| self.heads[i].1)
    }
}

/// `KIM Jong-un` -> `Kim Jong-un`: ASCII words of three or more capitals in title case.
fn title_case_caps(phrase: &str) -> String {
    let mut out = String::with_capacity(phrase.len());
    for (k, part) in phrase.split(' ').enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let word_len = part.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(part.len());
        let (word, tail) = part.split_at(word_len);
        if word.len() >= 3 && word.bytes().all(|b| b.is_ascii_uppercase()) {
            out.push_str(&word[..1]);
            out.push_str(&word[1..].to_ascii_lowercase());
        } else {
            out.push_str(word);
        }
        out.push_str(tail);
    }
    out
}

/// Whether a word, in any case, is `a`, `an` or `the`.
pub(super) fn is_article(w: &str) -> bool {
    ["a", "an", "the"].iter().any(|a| w.eq_ignore_ascii_case(a))
}

/// Words that attach a phrase to a source's head (`a spokesman for ...`, `sources familiar with ...`).
const ATTACHMENTS: &[&str] =
    &[" for ", " to ", " of ", " at ", " from ", " in ", " with ", " close to ", " familiar with ", " who ", " that "];

/// The part of a (lower-case) phrase before its first apposition or attachment.
fn main_cut(lower: &str) -> &str {
    let mut end = lower.len();
    for sep in [",", " ("].iter().chain(ATTACHMENTS) {
        if let Some(i) = lower.find(sep) {
            end = end.min(i);
        }
    }
    lower[..end].trim_end()
}

/// Phrases that mark a source as anonymous (`a senior official who spoke on condition of
/// anonymity`, `people familiar with the talks`).
const ANONYMOUS_MARKS: &[&str] = &[
    "anonymous",
    "anonymity",
    "not to be named",
    "not to be identified",
    "declined to be named",
    "declined to be identified",
    "without being named",
    "without being identified",
    "not authorized",
    "not authorised",
    "unnamed",
];

/// Whether a (lower-case) source phrase says its speaker is not named: anywhere
/// (`anonymity`, `unnamed`), or qualifying its main noun phrase before any apposition
/// (`people familiar with the talks`, but not `Bonnie Lin, an analyst familiar with ...`).
fn anonymous_marks(lower: &str) -> bool {
    let main = lower.split(',').next().unwrap_or(lower);
    ANONYMOUS_MARKS.iter().any(|p| lower.contains(p))
        || UNNAMED_MARKS.iter().any(|p| main.contains(p))
        || unnamed_close_to(main)
}

/// Phrases that mark a source as anonymous when they qualify its main noun phrase, before
/// any apposition (a named person can be `familiar with` something too).
const UNNAMED_MARKS: &[&str] = &["familiar with", "with knowledge of", "briefed on"];

/// `a source close to the investigation`, `those close to him` (but not `a village close to
/// the border`).
fn unnamed_close_to(lower: &str) -> bool {
    lower.find(" close to ").is_some_and(|i| {
        let head = lower[..i].rsplit(' ').next().unwrap_or("");
        matches!(
            head,
            "source"
                | "sources"
                | "people"
                | "person"
                | "those"
                | "someone"
                | "insider"
                | "insiders"
                | "official"
                | "officials"
        )
    })
}

const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "him", "her", "them"];

/// Whether a mention, as written, is a pronoun: `she`, `They`, `HE`, but not `WHO` (the
/// World Health Organization).
pub fn is_pronoun(written: &str) -> bool {
    let w = written.trim();
    w != "WHO" && PRONOUNS.contains(&w.to_lowercase().as_str())
}

fn is_generic(lower: &str) -> bool {
    lower.starts_with("the ") || lower.starts_with("a ") || lower.starts_with("an ")
}

/// The categories of named bodies a short reference can stand for (`None`: any).
fn ref_categories(lower: &str) -> Option<&'static [&'static str]> {
    match lower {
        "the ministry" | "the government" | "the office" | "the department" => {
            Some(&["government", "leader", "military"])
        }
        "the newspaper" | "the broadcaster" | "the outlet" | "the network" => Some(&["media", "state_media"]),
        "the service" => Some(&["intelligence", "government", "military", "media", "state_media"]),
        _ => None,
    }
}

/// Short references that point back to an organisation named earlier.
const ORG_REFS: &[&str] = &[
    "the agency",
    "the report",
    "the ministry",
    "the newspaper",
    "the statement",
    "the broadcaster",
    "the outlet",
    "the service",
    "the government",
    "the office",
    "the department",
    "the group",
    "the organisation",
    "the organization",
    "the network",
];

/// Singular nouns naming a person by role: `the North Korean leader`, `a senior official`
/// can stand behind a later `he` or `she` when no named person is more recent.
const PERSON_ROLES: &[&str] = &[
    "admiral",
    "adviser",
    "advisor",
    "aide",
    "ambassador",
    "analyst",
    "brigadier",
    "captain",
    "chancellor",
    "chief",
    "colonel",
    "commander",
    "commentator",
    "congressman",
    "congresswoman",
    "corporal",
    "dictator",
    "diplomat",
    "director",
    "economist",
    "envoy",
    "expert",
    "general",
    "governor",
    "judge",
    "king",
    "lawmaker",
    "lawyer",
    "leader",
    "lieutenant",
    "man",
    "mayor",
    "minister",
    "officer",
    "official",
    "president",
    "prime minister",
    "professor",
    "prosecutor",
    "queen",
    "researcher",
    "resident",
    "secretary",
    "secretary-general",
    "senator",
    "sergeant",
    "soldier",
    "source",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "witness",
    "woman",
];

/// Whether the phrase's second word is capitalised (`The Ostland Security Directorate`).
fn second_capitalised(phrase: &str) -> bool {
    phrase.split_whitespace().nth(1).is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// Whether a phrase opening in lower case ends, before any comma, in a name of two or more
/// capitalised words (`opposition leader Pavel Orsk`, `teacher Marta Golan`).
fn role_then_name(phrase: &str) -> bool {
    let main = phrase.split(',').next().unwrap_or("");
    let words: Vec<&str> = main.split_whitespace().collect();
    let cap = |w: &&str| w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_lowercase);
    words.len() >= 3
        && words[0].chars().next().is_some_and(char::is_lowercase)
        && words[words.len() - 2..].iter().all(cap)
}

/// Titles before a name (`Gen. Tomas Reik`, `Dr. Lena Marsk`), lower-case without the dot.
const TITLES: &[&str] =
    &["adm", "capt", "col", "dr", "gen", "gov", "lt", "maj", "mr", "mrs", "ms", "rep", "sen", "sgt"];

/// Whether a (lower-case) phrase names a person: it holds a title or a singular role word
/// (`Defence Minister Lena Marsk`, `a ministry spokesman`), not only an institution.
fn names_a_person(lower: &str) -> bool {
    fn words(p: &str) -> impl Iterator<Item = &str> {
        p.split(|c: char| !(c.is_alphanumeric() || c == '-')).filter(|w| !w.is_empty())
    }
    // `the Prime Minister's Office`, `the Office of the President`, `Secretary of State's
    // office`: a body, not a person (an apposition after a comma does not count)
    let body = |w: Option<&str>| {
        matches!(w, Some("office" | "ministry" | "department" | "staff" | "administration" | "bureau"))
    };
    if body(words(main_cut(lower)).last()) || (!lower.contains(',') && body(words(lower).last())) {
        return false;
    }
    words(lower).any(|w| TITLES.contains(&w) || (w != "general" && PERSON_ROLES.contains(&w)))
}

/// Whether a (lower-case) mention is a singular person named by role (`the great leader`,
/// `a senior official who asked not to be named`).
fn is_person_role(lower: &str) -> bool {
    if !is_generic(lower) {
        return false;
    }
    let main = main_cut(lower);
    let main = main.split(" who ").next().unwrap_or(main).trim_end_matches([',', ' ']);
    PERSON_ROLES.iter().any(|r| main.ends_with(r) && main[..main.len() - r.len()].ends_with(' '))
}

/// A word without its possessive ending (`Orsk’s` -> `Orsk`).
fn without_possessive(w: &str) -> &str {
    w.trim_end_matches("’s").trim_end_matches("'s")
}

/// The words of a phrase without titles (`Mr.`, `Gen.`).
fn untitled(part: &str) -> Vec<&str> {
    part.split_whitespace().filter(|w| !TITLES.contains(&w.trim_end_matches('.').to_lowercase().as_str())).collect()
}

/// For a bare surname (`Halden`, `Mr. Orsk, who ...`: one word before any comma, titles
/// aside), the most recent earlier named mention holding a full name of two words or more that
/// ends with the same surname (`President Mira Halden`, `Voss's candidate, Pavel Orsk,`).
fn earlier_full_name(mentions: &[(String, SourceClass)], i: usize) -> Option<usize> {
    let first = mentions[i].0.split(',').next().unwrap_or("");
    // one word only: `Bill Clinton` is not the `Hillary Clinton` named before
    let surname = match untitled(first).as_slice() {
        [one] => without_possessive(one),
        _ => return None,
    };
    if surname.chars().count() < 2 || !surname.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    (0..i).rev().find(|&j| {
        let (text, class) = &mentions[j];
        class.named
            && text.split(',').any(|part| {
                let words = untitled(part);
                words.len() >= 2 && words.last().is_some_and(|w| without_possessive(w) == surname)
            })
    })
}

/// Resolves mentions to earlier named sources, in text order. Returns, for each
/// mention, the index of the mention it resolves to (itself when it is named or
/// cannot be resolved). `he` and `she` go to the most recent named person, or to a more
/// recent person named by role (`the great leader`, `a senior official`).
pub fn resolve(mentions: &[(String, SourceClass)]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::with_capacity(mentions.len());
    let mut last_person: Option<usize> = None;
    let mut last_role: Option<usize> = None;
    let mut last_org: Option<usize> = None;
    // named bodies, in text order
    let mut orgs: Vec<usize> = Vec::new();
    let mut last_plural: Option<usize> = None;
    let mut seen: BTreeSet<usize> = BTreeSet::new();
    for (i, (text, class)) in mentions.iter().enumerate() {
        let lower = text.trim().to_lowercase();
        let pronoun = if is_pronoun(text) { lower.as_str() } else { "" };
        let target = match pronoun {
            "he" | "she" | "him" | "her" | "i" => last_person.max(last_role),
            "it" | "which" => last_org,
            "they" | "them" | "we" => last_plural.or(last_org),
            "who" | "that" => last_person.or(last_plural),
            _ if ORG_REFS.contains(&lower.as_str()) => {
                // the most recent named body the reference can stand for (`the ministry` is not
                // the news agency quoted before it)
                let fits = ref_categories(&lower);
                orgs.iter()
                    .rev()
                    .copied()
                    .find(|&o| fits.is_none_or(|f| f.contains(&CATEGORIES[mentions[o].1.category])))
            }
            _ if class.named && CATEGORIES[class.category] == "other" => {
                let t = earlier_full_name(mentions, i).map(|j| out[j]);
                // the full name is now the most recent mention of that person or body
                match t {
                    Some(t) if mentions[t].1.person => last_person = Some(t),
                    Some(t) => {
                        last_org = Some(t);
                        orgs.push(t);
                    }
                    None => {}
                }
                t
            }
            _ => None,
        };
        match target {
            Some(t) => out.push(t),
            None => {
                out.push(i);
                if class.named || pronoun.is_empty() {
                    if class.person && class.named {
                        last_person = Some(i);
                    } else if class.named {
                        last_org = Some(i);
                        orgs.push(i);
                    }
                    if (lower.ends_with('s') || class.group) && !class.named {
                        last_plural = Some(i);
                    }
                    if !class.named && is_person_role(&lower) {
                        last_role = Some(i);
                    }
                }
            }
        }
        seen.insert(i);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list() -> SourceList {
        SourceList::parse(
            "t.tsv",
            "name\tcategory\tcountry\tkind\taliases\tnote\n\
             Korean Central News Agency\tstate_media\tKP\tnamed\tKCNA\t\n\
             Kim Jong Un\tleader\tKP\tnamed\tKim Jong-un;Kim\t\n\
             SBU\tintelligence\tUA\tnamed\t\t\n\
             officials\tgovernment\t\thead\tofficial\t\n\
             spokesman\tgovernment\t\thead\t\t\n\
             intelligence agencies\tintelligence\t\thead\t\t\n\
             agencies\tother\t\thead\t\t\n\
             analysts\texpert\t\thead\t\t\n\
             South Korean\t\tKR\tdemonym\t\t\n\
             Western\t\tWEST\tdemonym\t\t\n\
             Ukrainian\t\tUA\tdemonym\tUkraine;Kyiv\t\n\
             North Korean\t\tKP\tdemonym\tNorth Korea;Pyongyang\t\n\
             American\t\tUS\tdemonym\tU.S.;US\t\n\
             Keir Starmer\tleader\tGB\tnamed\tStarmer\t\n\
             World Health Organization\tother\tUN\tnamed\tWHO\t\n\
             adviser\tgovernment\t\thead\taide\t\n\
             sources\tanonymous\t\thead\tsource\t\n\
             people\tcitizen\t\thead\t\t\n\
             residents\tcitizen\t\thead\t\t\n\
             ministry\tgovernment\t\thead\t\t\n\
             treasury\tgovernment\t\thead\t\t\n\
             company\tother\t\thead\tfirm\t\n",
        )
        .unwrap()
    }

    #[test]
    fn classification_table() {
        let l = list();
        let cases = [
            ("the state-run Korean Central News Agency (KCNA)", "state_media", "KP"),
            ("KCNA", "state_media", "KP"),
            ("South Korean and Western intelligence agencies", "intelligence", "KR;WEST"),
            ("Ukrainian officials", "government", "UA"),
            ("The SBU", "intelligence", "UA"),
            ("Kim", "leader", "KP"),
            ("Kim’s office", "leader", "KP"),
            ("a spokesman for Kim", "government", "KP"),
            ("analysts", "expert", ""),
            ("a senior official who asked not to be named", "anonymous", ""),
            ("John Smith", "other", ""),
            ("KIM Jong-un", "leader", "KP"),
            ("Ukraine", "government", "UA"),
            ("Pyongyang", "government", "KP"),
            ("North Korea only", "government", "KP"),
            ("Ukrainian soldiers", "other", "UA"),
            // the speaker is the role before the attachment, of the named body's country
            ("An adviser to Prime Minister Keir Starmer", "government", "GB"),
            ("A former aide to Kim", "government", "KP"),
            // anonymous sourcing, but not a named person who is familiar with something
            ("Sources familiar with the matter", "anonymous", ""),
            ("People familiar with the talks", "anonymous", ""),
            ("A source close to the investigation", "anonymous", ""),
            ("An official who declined to be identified", "anonymous", ""),
            ("John Smith, an analyst familiar with the region,", "other", ""),
            ("Residents close to the border", "citizen", ""),
            // a company's spokesperson is not a government's
            ("An Apple spokeswoman", "other", ""),
            ("A spokesman for Northgate Energy", "other", ""),
            ("A spokesman for the company", "other", ""),
            ("A spokesman for the ministry", "government", ""),
            ("A Justice Ministry spokesman", "government", ""),
            ("A Treasury spokesman", "government", ""),
            ("People close to Kim", "anonymous", "KP"),
            ("A Ukrainian spokesman", "government", "UA"),
            ("U.S. officials", "government", "US"),
        ];
        for (phrase, cat, country) in cases {
            let c = l.classify(phrase);
            assert_eq!((CATEGORIES[c.category], c.country.as_str()), (cat, country), "{phrase}");
        }
        // a seat's place is not its country, and a country's envoy to an international body is
        // that country's (the embedded list)
        let full = SourceList::default_list();
        for (phrase, country) in [
            ("The U.S. Embassy in Kyiv", "US"),
            ("The Russian embassy in London", "RU"),
            ("Officials in Tallinn", "EE"),
            ("Russia's ambassador to the United Nations", "RU"),
            ("China's envoy to the European Union", "CN"),
            ("A spokesman for President Vladimir Putin", "RU"),
        ] {
            let c = full.classify(phrase);
            assert_eq!((CATEGORIES[c.category], c.country.as_str()), ("government", country), "{phrase}");
        }
        // titles styled secretary or officer; anonymous sources with an attachment
        for (phrase, cat) in [
            ("Health Secretary Rachel Dunmore", "government"),
            ("Home Secretary Priya Anand", "government"),
            ("Environmental health officer Brian Cole", "government"),
            ("Chief financial officer Anna Berger", "other"),
            ("A press officer", "other"),
            ("Two officers", "military"),
            ("An Egyptian official briefed on the negotiations", "anonymous"),
            ("A source in Ukraine's SBU security service", "anonymous"),
            // an identity paper of someone is a document, not its holder
            ("The military card of one of the captured men", "document"),
            // a rank before a name
            ("Captain Ilya Rusk", "military"),
            ("Lieutenant Colonel Dana Reyes", "military"),
            // an apposition says what kind of news agency a name is
            ("The Varania Central News Agency", "media"),
            ("The Varania Central News Agency, the country's state news agency,", "state_media"),
            ("The Ostland News Agency, a private wire service,", "media"),
        ] {
            assert_eq!(CATEGORIES[full.classify(phrase).category], cat, "{phrase}");
        }
        assert!(l.classify("John Smith").named);
        assert!(l.classify("opposition leader Pavel Orsk").named);
        assert!(l.classify("teacher Marta Golan, 52,").named);
        assert!(!l.classify("opposition leaders in Kestra").named);
        assert!(!l.classify("analysts").named);
        assert!(l.classify("The Ostland Security Directorate").named);
        assert!(!l.classify("The officials").named);
    }

    #[test]
    fn pronouns_resolve_to_recent_named_sources() {
        let l = list();
        let mentions = |l: &SourceList, texts: &[&str]| -> Vec<(String, SourceClass)> {
            texts.iter().map(|s| (s.to_string(), l.classify(s))).collect()
        };
        let m = mentions(&l, &["Kim", "KCNA", "he", "it", "analysts", "they"]);
        assert_eq!(resolve(&m), vec![0, 1, 0, 1, 4, 4]);
        // a person named by role stands behind a later `he` when more recent than any name
        let m = mentions(&l, &["Kim", "the great leader", "he", "the ministry", "she", "Kim", "he"]);
        assert_eq!(resolve(&m), vec![0, 1, 1, 3, 1, 5, 5]);
        // a surname alone goes to the earlier full name, and stays that person for `he`
        let m = mentions(
            &l,
            &["President Mira Halden", "Pavel Orsk", "Halden, voting in Kestra,", "Mr. Orsk", "he", "Smith"],
        );
        assert_eq!(resolve(&m), vec![0, 1, 0, 1, 1, 5]);
        let m = mentions(&l, &["Hillary Clinton", "Bill Clinton"]);
        assert_eq!(resolve(&m), vec![0, 1], "a different first name is a different person");
        // `WHO` is the World Health Organization, a body: neither a pronoun nor a `she`
        let m = mentions(&l, &["Hillary Clinton", "The WHO", "WHO", "she"]);
        assert_eq!(resolve(&m), vec![0, 1, 1, 0]);
        assert!(is_pronoun("She") && is_pronoun("who") && !is_pronoun("WHO") && is_pronoun("I") && is_pronoun("HE"));
        // a short reference goes to the most recent body it can stand for
        let m = mentions(&l, &["Ukraine", "KCNA", "the ministry", "the agency", "The SBU", "the newspaper"]);
        assert_eq!(resolve(&m), vec![0, 1, 0, 1, 4, 1]);
        assert!(is_person_role("a senior official who asked not to be named"));
        assert!(is_person_role("the prime minister"));
        assert!(!is_person_role("the ministry") && !is_person_role("officials") && !is_person_role("the woman's"));
        assert!(names_a_person("gen. tomas reik, chief of the general staff,"));
        assert!(names_a_person("a u.s. state department spokesperson"));
        assert!(!names_a_person("the defence ministry") && !names_a_person("the general staff"));
        assert!(!names_a_person("the prime minister's office") && !names_a_person("the office of the president"));
        assert!(names_a_person("un secretary-general antonio guterres"));
    }

    #[test]
    fn bad_rows_name_the_line() {
        let e = SourceList::parse("s.tsv", "name\tcategory\tcountry\tkind\nX\tspies\t\tnamed\n").unwrap_err();
        assert_eq!(e.line, 2);
        assert!(e.message.contains("unknown category 'spies'"));
    }
}
