//! Word lists, and the small word predicates that extraction and classification share
//! ([`is_pronoun`], [`is_article`], [`SEATS`]).
//!
//! Every list is a [`Words`] with a bit of its own in [`list_bits`], so that testing a word
//! against any number of lists costs one hash lookup ([`in_list`]).

use std::sync::OnceLock;

use crate::text::FnvMap;

// Word lists (all lower case, sorted to keep them easy to read and diff).

/// Personal and relative pronouns kept as sources as written.
pub(super) const PRONOUNS: Words =
    Words::new(0, &["he", "i", "it", "she", "that", "they", "we", "which", "who", "you"]);

/// Possessive determiners and determiners that open a noun phrase.
pub(super) const DETERMINERS: Words = Words::new(
    1,
    &[
        "a", "all", "an", "another", "any", "both", "each", "her", "his", "its", "many", "most", "my", "our",
        "several", "some", "the", "their", "these", "this", "those", "two", "your",
    ],
);

/// Words that end a noun phrase when growing it leftwards (they are not part of it).
pub(super) const BOUNDARY: Words = Words::new(
    2,
    &[
        "after", "again", "also", "although", "and", "as", "because", "before", "but", "by", "even", "for", "if", "in",
        "is", "just", "later", "nor", "not", "now", "on", "once", "or", "since", "so", "still", "than", "that", "then",
        "though", "to", "until", "was", "were", "when", "where", "whether", "while", "with", "yet",
    ],
);

/// Words that may stand between a source and its cue without belonging to either.
pub(super) const SKIPPABLE: Words = Words::new(
    3,
    &[
        "again",
        "already",
        "also",
        "always",
        "earlier",
        "even",
        "finally",
        "first",
        "had",
        "has",
        "have",
        "just",
        "last",
        "later",
        "never",
        "now",
        "often",
        "once",
        "only",
        "previously",
        "recently",
        "still",
        "then",
        "today",
        "yesterday",
    ],
);

/// Reporting verbs that make the following clause reported speech (for the nesting feature).
pub(super) const CORE_REPORTING: Words = Words::new(
    4,
    &[
        "according",
        "acknowledged",
        "added",
        "adding",
        "admitted",
        "announced",
        "argued",
        "argues",
        "asked",
        "asserted",
        "believe",
        "believes",
        "claimed",
        "claims",
        "confirmed",
        "contended",
        "declared",
        "denied",
        "explained",
        "insisted",
        "noted",
        "notes",
        "recalled",
        "replied",
        "reported",
        "reports",
        "responded",
        "said",
        "say",
        "saying",
        "says",
        "stated",
        "suggested",
        "telling",
        "tells",
        "thinks",
        "thought",
        "told",
        "tweeted",
        "warned",
        "writes",
        "wrote",
    ],
);

/// Cue lemmas that report speech or belief only with a clause after them (`the minister
/// showed that the plan failed`, `analysts expect the talks to fail`): with a thing as object
/// (`The army concluded its drills`, `Trump supported Cuomo`, `aims to ease the tax`) they
/// report an act, not what someone said or thinks.
pub(super) const NEEDS_CLAUSE: Words = Words::new(
    25,
    &[
        "accept", "aim", "appear", "champion", "charge", "conclude", "deem", "eager", "incline", "renew", "seek",
        "sign", "sound", "spark", "title", "willing",
    ],
);

/// Cue lemmas of a stance or an intention (`Trump supported Cuomo`, `wants a deal`, `is
/// expected to move`): PolNeAR counts them as attributions, but they cite no one unless a
/// clause of what is held follows (`expects that output will grow`).
pub(super) const STANCE: Words =
    Words::new(26, &["back", "endorse", "expect", "hope", "intend", "plan", "support", "want", "wish"]);

/// Nouns that take their source from `by X` / `from X` or a possessive (`X's report`).
pub(super) const REPORT_NOUNS: Words = Words::new(
    5,
    &[
        "analysis",
        "announcement",
        "article",
        "interview",
        "letter",
        "memo",
        "message",
        "poll",
        "post",
        "report",
        "statement",
        "study",
        "survey",
        "tweet",
    ],
);

/// Auxiliaries and copulas: verb-like words that end a noun phrase.
pub(super) const AUXILIARIES: Words = Words::new(
    6,
    &[
        "are", "can", "could", "did", "do", "does", "had", "has", "have", "is", "may", "might", "must", "should",
        "was", "were", "will", "would",
    ],
);

/// Forms of `be` that make a following participle passive.
pub(super) const BE_FORMS: Words = Words::new(7, &["are", "be", "been", "being", "is", "was", "were"]);

/// Participles that, after a form of `be`, describe the speaker's state of mind rather than a
/// passive (`officials are concerned that`, `he was convinced that`): the subject is the source.
pub(super) const STATIVE: Words = Words::new(
    8,
    &[
        "adamant",
        "alarmed",
        "angered",
        "concerned",
        "confident",
        "convinced",
        "disappointed",
        "dismayed",
        "frustrated",
        "pleased",
        "satisfied",
        "unconvinced",
        "worried",
    ],
);

/// Irregular past forms and participles of common verbs.
pub(super) const IRREGULAR_PAST: Words = Words::new(
    9,
    &[
        "brought",
        "felt",
        "found",
        "gave",
        "given",
        "held",
        "knew",
        "known",
        "made",
        "said",
        "saw",
        "seen",
        "sought",
        "spoke",
        "spoken",
        "taken",
        "thought",
        "told",
        "took",
        "understood",
        "went",
        "written",
        "wrote",
    ],
);

/// Words that open an introductory phrase before the subject (`In an interview, Kim said`).
pub(super) const INTRODUCERS: Words = Words::new(
    10,
    &[
        "after", "although", "as", "at", "before", "despite", "during", "for", "if", "in", "on", "since", "though",
        "when", "while", "with",
    ],
);

/// Abbreviated titles written with a dot (`Mr. Trump`, `Sen. Kim`).
pub(super) const TITLES: Words = Words::new(
    11,
    &[
        "adm", "capt", "cmdr", "col", "dr", "gen", "gov", "jr", "lt", "mr", "mrs", "ms", "prof", "rep", "rev", "sen",
        "sgt", "sr", "st",
    ],
);

/// Capitalised words that go on a name after dotted capitals (`U.S. Embassy`, `U.N. Security
/// Council`, `U.S. Secretary of State`).
pub(super) const BODY_WORDS: Words = Words::new(
    12,
    &[
        "administration",
        "agency",
        "ambassador",
        "army",
        "atomic",
        "attorney",
        "border",
        "central",
        "children's",
        "coast",
        "command",
        "commission",
        "congress",
        "consulate",
        "council",
        "customs",
        "defense",
        "department",
        "development",
        "embassy",
        "environment",
        "envoy",
        "federal",
        "food",
        "forces",
        "general",
        "government",
        "high",
        "house",
        "human",
        "intelligence",
        "justice",
        "marine",
        "marines",
        "military",
        "mission",
        "national",
        "navy",
        "nuclear",
        "office",
        "peacekeeping",
        "population",
        "president",
        "refugee",
        "relief",
        "secretary",
        "security",
        "senate",
        "senator",
        "special",
        "state",
        "supreme",
        "trade",
        "treasury",
    ],
);

/// Words that count a noun after them (`two more blasts`, `several reports`).
pub(super) const QUANTIFIERS: Words = Words::new(
    13,
    &[
        "eight", "five", "four", "many", "more", "multiple", "nine", "numerous", "seven", "several", "six", "ten",
        "three", "two",
    ],
);

/// Offices named with their place (`the Embassy in Kyiv`, `the bureau in Moscow`).
pub(super) const SEATS: Words = Words::new(14, &["bureau", "consulate", "delegation", "embassy", "mission", "office"]);

/// Labels that end in a colon without naming a speaker (`Note:`, `Update:`).
pub(super) const COLON_LABELS: Words = Words::new(
    15,
    &[
        "also",
        "breaking",
        "contributing",
        "correction",
        "editor's",
        "editor’s",
        "latest",
        "more",
        "note",
        "online",
        "photos",
        "read",
        "related",
        "revealed",
        "source",
        "sources",
        "update",
        "updated",
        "video",
        "watch",
    ],
);

/// Small words allowed inside a name (`Bank of America`, `Mukasey at RNC`).
pub(super) const CONNECTORS: Words = Words::new(16, &["and", "at", "for", "in", "of", "the"]);

/// Time words that may stand between a source and its cue (`Kim on Tuesday said`).
pub(super) const TIME_WORDS: Words = Words::new(
    17,
    &[
        "afternoon",
        "evening",
        "friday",
        "monday",
        "month",
        "morning",
        "night",
        "saturday",
        "sunday",
        "thursday",
        "tonight",
        "tuesday",
        "wednesday",
        "week",
        "weekend",
        "year",
    ],
);

/// Nouns ending in `-ly` (not adverbs).
pub(super) const LY_NOUNS: Words =
    Words::new(18, &["anomaly", "assembly", "butterfly", "family", "monopoly", "supply"]);

/// Participles that name a publisher after `by` (`a message published by X`).
pub(super) const PUBLISHED: Words =
    Words::new(19, &["aired", "broadcast", "carried", "issued", "posted", "published", "released"]);

/// Where or how something was said (`in a statement`, `on Telegram`, `in its daily report`).
pub(super) const MEDIUMS: Words = Words::new(
    20,
    &[
        "account",
        "address",
        "blog",
        "briefing",
        "broadcast",
        "bulletin",
        "channel",
        "conference",
        "daily",
        "email",
        "interview",
        "letter",
        "message",
        "news",
        "post",
        "press",
        "radio",
        "release",
        "report",
        "speech",
        "statement",
        "television",
        "tweet",
        "update",
        "video",
        "website",
    ],
);

/// Nouns of speech that a subject can give before a colon and a quotation.
pub(super) const SPEECH_NOUNS: Words = Words::new(
    21,
    &[
        "advice", "answer", "appeal", "comment", "comments", "message", "plea", "promise", "question", "remark",
        "remarks", "reply", "response", "retort", "verdict", "vow", "warning", "words",
    ],
);

/// Role nouns that take the speaker's affiliation as an attachment (`a spokesman for
/// President Putin`, `sources familiar with the matter`, `an aide to the minister`,
/// `supporters of President Trump`, `relatives of the victims`).
pub(super) const ROLE_HEADS: Words = Words::new(
    22,
    &[
        "adviser",
        "advisers",
        "advisor",
        "advisors",
        "aide",
        "aides",
        "allies",
        "ally",
        "ambassador",
        "ambassadors",
        "analyst",
        "analysts",
        "associate",
        "associates",
        "backers",
        "chief",
        "confidant",
        "confidants",
        "critic",
        "critics",
        "delegation",
        "detractors",
        "diplomat",
        "diplomats",
        "director",
        "economist",
        "economists",
        "employees",
        "envoy",
        "envoys",
        "families",
        "followers",
        "friends",
        "head",
        "insider",
        "insiders",
        "lawyer",
        "lawyers",
        "locals",
        "member",
        "members",
        "mission",
        "official",
        "officials",
        "opponent",
        "opponents",
        "parents",
        "people",
        "person",
        "relatives",
        "representative",
        "representatives",
        "researcher",
        "researchers",
        "residents",
        "someone",
        "source",
        "sources",
        "spokesman",
        "spokesmen",
        "spokespeople",
        "spokesperson",
        "spokeswoman",
        "spokeswomen",
        "staff",
        "strategist",
        "strategists",
        "students",
        "supporter",
        "supporters",
        "survivors",
        "those",
        "villagers",
        "witnesses",
        "workers",
    ],
);

/// Words before a noun phrase that make it an object or an adjunct, not a subject.
pub(super) const PREPOSITIONS: Words = Words::new(
    23,
    &[
        "about", "against", "among", "at", "between", "from", "into", "like", "near", "of", "over", "through",
        "toward", "towards", "under",
    ],
);

/// Nouns naming who is told (`told the newspaper`, `told a news conference`).
pub(super) const ADDRESSEES: Words = Words::new(
    24,
    &[
        "agency",
        "audience",
        "briefing",
        "broadcaster",
        "channel",
        "conference",
        "court",
        "crowd",
        "magazine",
        "newspaper",
        "outlet",
        "paper",
        "station",
        "television",
    ],
);

/// A sorted word list with its own bit in [`list_bits`], so that a membership test costs one
/// hash lookup however many lists a word is tested against.
#[derive(Clone, Copy)]
pub(super) struct Words {
    bit: u32,
    pub(super) words: &'static [&'static str],
}

impl Words {
    const fn new(bit: u32, words: &'static [&'static str]) -> Words {
        Words { bit, words }
    }
}

/// Every list above, each at the index of its bit.
const LISTS: [Words; 27] = [
    PRONOUNS,
    DETERMINERS,
    BOUNDARY,
    SKIPPABLE,
    CORE_REPORTING,
    REPORT_NOUNS,
    AUXILIARIES,
    BE_FORMS,
    STATIVE,
    IRREGULAR_PAST,
    INTRODUCERS,
    TITLES,
    BODY_WORDS,
    QUANTIFIERS,
    SEATS,
    COLON_LABELS,
    CONNECTORS,
    TIME_WORDS,
    LY_NOUNS,
    PUBLISHED,
    MEDIUMS,
    SPEECH_NOUNS,
    ROLE_HEADS,
    PREPOSITIONS,
    ADDRESSEES,
    NEEDS_CLAUSE,
    STANCE,
];

/// Each listed word with the bits of the lists that hold it.
fn list_bits() -> &'static FnvMap<&'static str, u32> {
    static BITS: OnceLock<FnvMap<&'static str, u32>> = OnceLock::new();
    BITS.get_or_init(|| {
        let mut m = FnvMap::default();
        for l in LISTS {
            for &w in l.words {
                *m.entry(w).or_insert(0) |= 1 << l.bit;
            }
        }
        m
    })
}

pub(super) fn in_list(list: Words, w: &str) -> bool {
    in_bits(list, list_bits_of(w))
}

/// The bits of the lists that hold `w` (see [`in_bits`]).
pub(super) fn list_bits_of(w: &str) -> u32 {
    list_bits().get(w).copied().unwrap_or(0)
}

/// Whether `list` is among the lists of `bits` (from [`list_bits_of`]).
pub(super) fn in_bits(list: Words, bits: u32) -> bool {
    bits & (1 << list.bit) != 0
}

/// Whether a word, in any case, is `a`, `an` or `the`.
pub(super) fn is_article(w: &str) -> bool {
    ["a", "an", "the"].iter().any(|a| w.eq_ignore_ascii_case(a))
}

/// The pronouns of [`is_pronoun`], matched after lower-casing (not a [`Words`] list: it also
/// holds `him`, `her` and `them`, which [`PRONOUNS`] does not).
const MENTION_PRONOUNS: &[&str] =
    &["he", "she", "they", "it", "we", "i", "you", "who", "which", "that", "him", "her", "them"];

/// Whether a mention, as written, is a pronoun: `she`, `They`, `HE`, but not `WHO` (the
/// World Health Organization).
pub fn is_pronoun(written: &str) -> bool {
    let w = written.trim();
    w != "WHO" && MENTION_PRONOUNS.contains(&w.to_lowercase().as_str())
}

/// Whether a lower-case word looks like a past tense or participle (`-ed`, or irregular).
pub(super) fn past_form(w: &str) -> bool {
    w.ends_with("ed") || in_list(IRREGULAR_PAST, w)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted() {
        for (k, l) in LISTS.iter().enumerate() {
            assert_eq!(l.bit as usize, k, "{:?}", l.words);
            assert!(l.words.windows(2).all(|w| w[0] < w[1]), "{:?}", l.words);
        }
    }
}
