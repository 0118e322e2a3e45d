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

pub use super::category::Category;
use super::source_list::Named;
pub use super::source_list::{SourceList, SourceListError, SOURCE_FILES};
use super::words::is_article;
pub use super::words::is_pronoun;

/// What a source phrase was classified as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceClass {
    /// The source's category, from the list's row or head, or `other`.
    pub category: Category,
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
    /// Whether the category came from the list's knowledge of a named entity (not from a head
    /// noun or the capitals of a name).
    pub known: bool,
}

/// Whether `text[start..end]` is bounded by non-word characters (so `Trump’s` matches
/// `Trump`, and `Kimchi` does not match `Kim`).
fn bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
}

impl SourceList {
    /// The rows an article names by a full form (a name or a full alias, not a bare surname),
    /// and those whose surname follows a title (`President Xi`): their surnames count in it.
    pub fn named_in(&self, text: &str) -> BTreeSet<usize> {
        let Some(ac) = &self.named_ac else { return BTreeSet::new() };
        ac.find_iter(text)
            .filter(|m| bounded(text, m.start(), m.end()))
            .filter(|m| !self.inside_longer_name(text, m.start()))
            .filter_map(|m| {
                let titled = after_title(&text[..m.start()]);
                self.named[m.pattern().as_usize()].iter().find(|n| !n.short || titled).map(|n| n.entry)
            })
            .collect()
    }

    /// Whether the word right before `start` makes the name there the end of a longer name the
    /// list does not know (`Hunter Biden`, `Military spokesman Li Xi`, `the Varania Central News
    /// Agency`): a capitalised word that is no title or role, no country word, no article and
    /// no possessive.
    fn inside_longer_name(&self, p: &str, start: usize) -> bool {
        let Some(head) = p[..start].strip_suffix(' ') else { return false };
        let word = head.rsplit(' ').next().unwrap_or("");
        if !word.chars().next().is_some_and(char::is_uppercase) || word.ends_with("'s") || word.ends_with("’s") {
            return false;
        }
        let lower = word.trim_end_matches(['.', ',']).to_lowercase();
        if is_article(&lower)
            || [TITLE_LIKE, ROLE_WORDS, SURNAME_TITLES].iter().any(|list| list.contains(&lower.as_str()))
        {
            return false;
        }
        // a country word, or a known name (`the State Council Taiwan Affairs Office`)
        // a country word or a known name ends right there: any occurrence, whatever else
        // overlaps it, found in the tail a name can span (a scan of the whole text before
        // every name made an article's time grow with the square of its names)
        let ends_known = self.names_ending.as_ref().is_some_and(|ac| {
            let mut from = head.len().saturating_sub(ac.max_pattern_len());
            while !head.is_char_boundary(from) {
                from -= 1;
            }
            ac.find_overlapping_iter(aho_corasick::Input::new(head).range(from..))
                .any(|m| m.end() == head.len() && bounded(head, m.start(), m.end()))
        });
        !ends_known && !word.ends_with(',')
    }

    /// The row a pattern names at `start` of `p`: the first that is no bare surname, or whose
    /// person the article names in full, or that follows a title; none inside a longer name.
    fn pick(&self, pattern: usize, p: &str, start: usize, present: &BTreeSet<usize>) -> Option<&Named> {
        if self.inside_longer_name(p, start) {
            return None;
        }
        let titled = after_title(&p[..start]);
        self.named[pattern].iter().find(|n| !n.short || present.contains(&n.entry) || titled)
    }

    /// Classifies a source phrase as written in the text, on its own: a bare surname counts
    /// only after a title (`President Xi`).
    pub fn classify(&self, phrase: &str) -> SourceClass {
        self.classify_in(phrase, &BTreeSet::new())
    }

    /// Classifies a source phrase of an article that names the rows `present` in full (see
    /// [`SourceList::named_in`]): their bare surnames count as them.
    pub fn classify_in(&self, phrase: &str, present: &BTreeSet<usize>) -> SourceClass {
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
        let mut known_person = false;
        // Tabloid capitals (`KIM Jong-un`): when nothing matches as written, try the phrase with
        // its all-capital words in title case (same byte length, so offsets hold).
        // `Chen, a resident who was interviewed by CGTN`: a body or place named inside a
        // relative clause about the source is not the source
        let relative = relative_start(phrase);
        let longest_named = |p: &str| {
            self.named_ac.as_ref().and_then(|ac| {
                ac.find_iter(p)
                    .filter(|m| bounded(p, m.start(), m.end()) && m.start() < relative)
                    .filter(|m| self.pick(m.pattern().as_usize(), p, m.start(), present).is_some())
                    .max_by(|a, b| a.len().cmp(&b.len()).then(b.start().cmp(&a.start())))
            })
        };
        let (titled, upper);
        let (phrase, best) = match longest_named(phrase) {
            Some(m) => (phrase, Some(m)),
            None => {
                titled = title_case_caps(phrase);
                upper = acronyms_upper(phrase);
                match longest_named(&titled) {
                    Some(m) => (titled.as_str(), Some(m)),
                    // `Isna`, `Nato`: an acronym some outlets write in title case
                    None => match longest_named(&upper)
                        .filter(|m| upper[m.range()].bytes().all(|b| b.is_ascii_uppercase()))
                    {
                        Some(m) => (upper.as_str(), Some(m)),
                        None => (titled.as_str(), None),
                    },
                }
            }
        };
        // where the attachment of a role with its own country begins (see below)
        let mut own_country_before: Option<usize> = None;
        if let Some(m) = best {
            let n = self.pick(m.pattern().as_usize(), phrase, m.start(), present).expect("picked above");
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
                Some(_) if m.start() >= cut.len() && anonymous_marks(&lower) => category = Some(Category::Anonymous),
                Some(h) if m.start() >= cut.len() => category = Some(h),
                _ => {
                    category = Some(n.category);
                    named_hit = true;
                    known_person = n.person;
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
            let seat = super::words::SEATS.words.iter().filter_map(|w| ascii_lower.find(&format!("{w} in "))).min();
            if let Some(at) = seat.filter(|&at| !countries.is_empty() || found.first().is_some_and(|f| f.0 < at)) {
                found.retain(|f| f.0 < at);
            }
            if let Some(at) = own_country_before {
                found.retain(|f| f.0 < at);
            }
            found.retain(|f| f.0 < relative);
            // `the Taiwan Affairs Office`: a place in the name of a body the list knows the
            // country of is not a country of its own
            if let Some(m) = best.filter(|_| countries.iter().any(|c| !c.is_empty()) && own_country_before.is_none()) {
                found.retain(|f| f.0 < m.start() || f.0 >= m.end());
            }
            for (_, c) in found {
                add_country(&c, &mut countries);
            }
        }
        let lower = phrase.to_lowercase();
        if category.is_none() && anonymous_marks(&lower) {
            category = Some(Category::Anonymous);
        }
        if category.is_none() {
            category = self.head_category(&lower);
            if category == Some(Category::Government) && countries.is_empty() {
                if let Some(body) = self.spokesperson_body(phrase) {
                    category = Some(body);
                }
            }
        }
        // `The Varania Central News Agency, the country's state news agency`: an apposition
        // that says which kind of news outlet a generic head is
        if category == Some(Category::Media) && !named_hit {
            let state_media = Some(Category::StateMedia);
            if lower.split(',').skip(1).any(|part| self.head_category(part.trim()) == state_media) {
                category = state_media;
            }
        }
        // A country or capital standing alone (`Ukraine claimed`, `Pyongyang acknowledged`)
        // speaks for its government.
        if category.is_none() && !countries.is_empty() && self.only_places(phrase) {
            category = Some(Category::Government);
        }
        let capitalised = phrase
            .split_whitespace()
            .next()
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase) && !is_pronoun(w));
        let category = category.unwrap_or(Category::Other);
        // `The WHO`, `IAEA`: a name in capitals is a body, not a person
        let words: Vec<&str> = phrase.split_whitespace().filter(|w| !is_article(w)).collect();
        let acronym = !words.is_empty()
            && words
                .iter()
                .all(|w| w.chars().filter(|c| c.is_uppercase()).count() > 1 && !w.chars().any(char::is_lowercase));
        let org = acronym
            || matches!(category, Category::StateMedia | Category::Media | Category::Intelligence | Category::Document);
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
                    || (capitalised && category == Category::Other)
                    || (capitalised && (!is_generic(&lower) || second_capitalised(phrase)))
                    || role_then_name(phrase)),
            person: !org
                && !group
                && (known_person
                    || matches!(category, Category::Leader | Category::Other | Category::Expert | Category::Citizen)
                    || names_a_person(&lower)),
            group,
            known: named_hit,
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
    fn spokesperson_body(&self, phrase: &str) -> Option<Category> {
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
            body.iter().any(|w| w.chars().next().is_some_and(char::is_uppercase)).then_some(Category::Other)
        })
    }

    fn head_category(&self, lower: &str) -> Option<Category> {
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

/// Titles that make a bare surname after them a reference to the known person (`President
/// Xi`, `Mr Putin`, `leader Kim`), lower-case without a dot.
const SURNAME_TITLES: &[&str] = &[
    "chairman",
    "chancellor",
    "comrade",
    "dr",
    "emir",
    "general",
    "king",
    "leader",
    "marshal",
    "minister",
    "mr",
    "mrs",
    "ms",
    "premier",
    "president",
    "prince",
    "queen",
    "secretary",
    "sen",
    "senator",
];

/// Capitalised words that may stand before a known name without making it part of a longer
/// one (`Secretary of State Antony Blinken`, `House Speaker Mike Johnson`, `Deputy Foreign
/// Minister ...`), lower-case, besides [`ROLE_WORDS`] and [`SURNAME_TITLES`].
const TITLE_LIKE: &[&str] = &[
    "acting",
    "ayatollah",
    "chief",
    "commissioner",
    "crown",
    "dame",
    "defence",
    "defense",
    "deputy",
    "director",
    "duchess",
    "duke",
    "emperor",
    "first",
    "foreign",
    "former",
    "interior",
    "justice",
    "lady",
    "lord",
    "miss",
    "pope",
    "prime",
    "sheikh",
    "sir",
    "speaker",
    "state",
    "supreme",
    "vice",
];

/// Whether the text before a match ends in a title and one space (`President `, `Mr. `).
fn after_title(before: &str) -> bool {
    let Some(head) = before.strip_suffix(' ') else { return false };
    let word = head.rsplit(|c: char| !c.is_alphanumeric() && c != '.').next().unwrap_or("");
    let word = word.trim_end_matches('.').to_lowercase();
    SURNAME_TITLES.contains(&word.as_str())
}

/// Where a relative clause about the source begins (` who `, ` which `, ` that `), or the
/// phrase's length.
fn relative_start(phrase: &str) -> usize {
    let lower = phrase.to_ascii_lowercase(); // byte offsets as in `phrase`
    [" who ", " which ", " that "].iter().filter_map(|w| lower.find(w)).min().unwrap_or(phrase.len())
}

/// The phrase with each ASCII word that `change` rewrites replaced (the rest as it is); the
/// rewrite keeps a word's length, so offsets hold.
fn map_ascii_words(phrase: &str, change: impl Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(phrase.len());
    for (k, part) in phrase.split(' ').enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let word_len = part.find(|c: char| !c.is_ascii_alphabetic()).unwrap_or(part.len());
        let (word, tail) = part.split_at(word_len);
        match change(word) {
            Some(w) => out.push_str(&w),
            None => out.push_str(word),
        }
        out.push_str(tail);
    }
    out
}

/// `Isna` -> `ISNA`: ASCII words of three to five letters in title case in capitals.
fn acronyms_upper(phrase: &str) -> String {
    map_ascii_words(phrase, |word| {
        let title = word.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
            && word.bytes().skip(1).all(|b| b.is_ascii_lowercase());
        ((3..=5).contains(&word.len()) && title).then(|| word.to_ascii_uppercase())
    })
}

/// `KIM Jong-un` -> `Kim Jong-un`: ASCII words of three or more capitals in title case.
fn title_case_caps(phrase: &str) -> String {
    map_ascii_words(phrase, |word| {
        (word.len() >= 3 && word.bytes().all(|b| b.is_ascii_uppercase()))
            .then(|| format!("{}{}", &word[..1], word[1..].to_ascii_lowercase()))
    })
}

/// Words that attach a phrase to a source's head (`a spokesman for ...`, `sources familiar with ...`).
const ATTACHMENTS: &[&str] =
    &[" for ", " to ", " of ", " at ", " from ", " in ", " with ", " close to ", " familiar with ", " who ", " that "];

/// The part of a (lower-case) phrase before its first apposition or attachment.
pub(super) fn main_cut(lower: &str) -> &str {
    // the first place where a comma, ` (` or an attachment starts (each starts with `,` or a
    // space: one pass over the phrase, not a search per separator)
    let end = lower
        .bytes()
        .enumerate()
        .find(|&(i, b)| {
            b == b','
                || (b == b' '
                    && (lower[i..].starts_with(" (") || ATTACHMENTS.iter().any(|a| lower[i..].starts_with(a))))
        })
        .map_or(lower.len(), |(i, _)| i);
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
    static MARKS: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>> = std::sync::OnceLock::new();
    let marks = MARKS.get_or_init(|| aho_corasick::AhoCorasick::new(ANONYMOUS_MARKS).ok());
    marks.as_ref().map_or_else(|| ANONYMOUS_MARKS.iter().any(|p| lower.contains(p)), |ac| ac.is_match(lower))
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

pub(super) fn is_generic(lower: &str) -> bool {
    // (a quantifier opens a generic group too: `Many locals`, `Some officials`, `Two witnesses`)
    const OPENERS: &[&str] = &[
        "the",
        "a",
        "an",
        "many",
        "some",
        "several",
        "most",
        "few",
        "other",
        "all",
        "both",
        "these",
        "those",
        "such",
        "dozens",
        "hundreds",
        "thousands",
        "two",
        "three",
        "four",
        "five",
    ];
    lower.split_once(' ').is_some_and(|(w, _)| OPENERS.contains(&w))
}

/// Singular nouns naming a person by role: `the North Korean leader`, `a senior official`
/// can stand behind a later `he` or `she` when no named person is more recent.
pub(super) const PERSON_ROLES: &[&str] = &[
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
pub(super) const TITLES: &[&str] =
    &["adm", "capt", "col", "dr", "gen", "gov", "lt", "maj", "mr", "mrs", "ms", "rep", "sen", "sgt"];

/// Whether a (lower-case) phrase names a person: it holds a title or a singular role word
/// (`Defence Minister Lena Marsk`, `a ministry spokesman`), not only an institution.
pub(super) fn names_a_person(lower: &str) -> bool {
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

/// Words of a title or role before a name (`Senior Captain`, `Foreign Minister`, `spokesman`),
/// lower-case: the name is what follows the last of them.
pub(super) const ROLE_WORDS: &[&str] = &[
    "adm",
    "admiral",
    "ambassador",
    "capt",
    "captain",
    "chairman",
    "chairwoman",
    "chancellor",
    "col",
    "colonel",
    "commander",
    "comrade",
    "dr",
    "envoy",
    "gen",
    "general",
    "gov",
    "governor",
    "judge",
    "king",
    "leader",
    "lt",
    "maj",
    "major",
    "marshal",
    "mayor",
    "minister",
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
    "senior",
    "sergeant",
    "sgt",
    "spokesman",
    "spokesperson",
    "spokeswoman",
];

#[cfg(test)]
#[path = "classify_tests.rs"]
pub(super) mod tests;
