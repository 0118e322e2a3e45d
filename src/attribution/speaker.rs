//! Whether a source phrase could speak: the last check before an attribution becomes a row.
//!
//! Extraction takes the noun phrase before a cue as its source, and on scraped news that phrase
//! is sometimes no speaker at all: a participle (`following renewed scrutiny`), a time
//! (`election day added`), an object of an act (`a consignment of champagne was seen`), the
//! start of a clause (`However, the main question is`). A phrase the source lists do not know
//! is kept when it names someone (capitalised words after its first), is a pronoun, or ends in
//! a noun for people or for a body that can speak; otherwise the attribution is dropped.

use super::classify::{Category, SourceClass};
use super::words::{in_list, is_pronoun, AUXILIARIES};

/// Head nouns of generic phrases that name people or bodies who can speak but that the source
/// lists leave in `other` (`critics`, `the company`, `his lawyer`), singular and plural.
const SPEAKER_HEADS: &[&str] = &[
    "activist",
    "actor",
    "actress",
    "ad",
    "administration",
    "adviser",
    "advisor",
    "advocate",
    "agency",
    "aide",
    "all",
    "alliance",
    "ally",
    "analysis",
    "announcer",
    "another",
    "anyone",
    "artist",
    "association",
    "athlete",
    "attorney",
    "author",
    "authority",
    "average",
    "bank",
    "billionaire",
    "biographer",
    "bishop",
    "bloc",
    "board",
    "body",
    "book",
    "both",
    "brand",
    "broadcaster",
    "brother",
    "businessman",
    "businesswoman",
    "caller",
    "camp",
    "campaign",
    "campaigner",
    "candidate",
    "celebrity",
    "ceo",
    "chairman",
    "chairwoman",
    "channel",
    "charity",
    "chief",
    "church",
    "city",
    "clan",
    "cleric",
    "clinic",
    "clip",
    "close",
    "club",
    "coach",
    "coalition",
    "colleague",
    "columnist",
    "comedian",
    "commentator",
    "commenter",
    "committee",
    "company",
    "conservative",
    "consortium",
    "corporation",
    "country",
    "court",
    "creditor",
    "critic",
    "customer",
    "data",
    "daughter",
    "democrat",
    "director",
    "doctor",
    "document",
    "donor",
    "dozens",
    "each",
    "editorial",
    "email",
    "employee",
    "enemy",
    "entrepreneur",
    "environmentalist",
    "estimate",
    "everybody",
    "everyone",
    "executive",
    "faction",
    "family",
    "fan",
    "father",
    "federation",
    "few",
    "figure",
    "filing",
    "filmmaker",
    "firm",
    "follower",
    "footage",
    "foundation",
    "founder",
    "friend",
    "fund",
    "government",
    "group",
    "hospital",
    "host",
    "household",
    "hundreds",
    "husband",
    "imam",
    "index",
    "insider",
    "institute",
    "investor",
    "journal",
    "journalist",
    "judge",
    "junta",
    "jury",
    "lab",
    "laboratory",
    "lawyer",
    "leader",
    "league",
    "letter",
    "liberal",
    "listener",
    "magazine",
    "magnate",
    "majority",
    "manager",
    "many",
    "me",
    "member",
    "memo",
    "message",
    "minority",
    "model",
    "moderator",
    "mogul",
    "most",
    "mother",
    "movement",
    "musician",
    "narrator",
    "nation",
    "neighbor",
    "neighbour",
    "network",
    "newspaper",
    "ngo",
    "nobody",
    "none",
    "number",
    "office",
    "one",
    "opponent",
    "opposition",
    "organisation",
    "organiser",
    "organization",
    "organizer",
    "other",
    "outlet",
    "owner",
    "paper",
    "parent",
    "party",
    "pastor",
    "people",
    "percent",
    "person",
    "player",
    "poet",
    "police",
    "politician",
    "poll",
    "pollster",
    "post",
    "president",
    "priest",
    "producer",
    "professor",
    "progressive",
    "prosecutor",
    "protester",
    "publication",
    "questioner",
    "rabbi",
    "reader",
    "record",
    "regime",
    "relative",
    "report",
    "representative",
    "republican",
    "researcher",
    "respondent",
    "return",
    "rival",
    "scholar",
    "school",
    "scientist",
    "several",
    "side",
    "singer",
    "sister",
    "site",
    "slide",
    "some",
    "somebody",
    "someone",
    "son",
    "source",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "star",
    "startup",
    "state",
    "station",
    "student",
    "study",
    "supporter",
    "surrogate",
    "survey",
    "survivor",
    "teacher",
    "team",
    "thousands",
    "tribe",
    "tribunal",
    "tweet",
    "tycoon",
    "union",
    "university",
    "us",
    "user",
    "verdict",
    "victim",
    "video",
    "viewer",
    "voter",
    "website",
    "wife",
    "worker",
    "world",
    "writer",
];

/// Capitalised first words that open a sentence, not a name.
const OPENERS: &[&str] = &[
    "a", "all", "an", "and", "another", "any", "but", "each", "every", "her", "his", "however", "its", "many", "most",
    "my", "no", "one", "other", "our", "so", "some", "such", "that", "the", "their", "these", "this", "those", "your",
];

/// Nouns of quantity or gathering whose phrase takes its head after `of`.
const QUANTITIES: &[&str] = &[
    "array",
    "bunch",
    "couple",
    "crowd",
    "dozen",
    "gathering",
    "group",
    "half",
    "handful",
    "host",
    "lot",
    "lots",
    "majority",
    "minority",
    "number",
    "range",
    "series",
    "set",
    "third",
    "variety",
];

/// The lower-case head of a phrase: its last word before a comma or a relative word, without
/// a plural or possessive ending.
fn head_of(lower: &str) -> String {
    let main = lower.split([',', '(', '—', '–']).next().unwrap_or(lower);
    let main = main.split(" who ").next().unwrap_or(main);
    // (`a wide array of artists`, `a gathering of conservatives`: the head follows `of`)
    let main = match main.split_once(" of ") {
        Some((before, after)) if QUANTITIES.contains(&before.split_whitespace().last().unwrap_or("")) => after,
        Some((before, _)) => before,
        None => main,
    };
    // the head comes before a participle (`a union representing pilots`) and a trailing verb
    // (`tax returns would`, `the city can`)
    let mut words: Vec<&str> = main.split_whitespace().collect();
    if let Some(k) = words.iter().skip(1).position(|w| w.len() > 4 && w.ends_with("ing")) {
        words.truncate(k + 1);
    }
    while words.len() > 1
        && words.last().is_some_and(|w| in_list(AUXILIARIES, w) || w.ends_with("n't") || w.ends_with("n’t"))
    {
        words.pop();
    }
    let last = words.last().copied().unwrap_or("");
    let last = last.trim_matches(|c: char| !c.is_alphanumeric());
    let last = last.trim_end_matches("'s").trim_end_matches("’s");
    for (plural, singular) in [("ies", "y"), ("men", "man"), ("people", "people"), ("s", "")] {
        if let Some(stem) = last.strip_suffix(plural) {
            if SPEAKER_HEADS.contains(&format!("{stem}{singular}").as_str()) {
                return format!("{stem}{singular}");
            }
        }
    }
    last.to_string()
}

/// Whether `phrase`, classified as `class`, could be the one who speaks.
pub(super) fn could_speak(phrase: &str, class: &SourceClass) -> bool {
    let phrase = phrase.trim();
    // (`he's`, `who'll`: a pronoun with a verb glued on)
    let bare = phrase.split(['\'', '’']).next().unwrap_or(phrase);
    if phrase.is_empty() || is_pronoun(bare) || class.category != Category::Other || class.known || class.group {
        return true;
    }
    // (a name: a capitalised word after the first, which may only be capitalised as a sentence start)
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let capital = |w: &&str| w.chars().find(|c| c.is_alphanumeric()).is_some_and(char::is_uppercase);
    // `leaves Andrew`: a lower-case verb in `-s` before a name is no speaker (`critics` is one)
    let first = words[0].to_lowercase();
    if words.len() > 1
        && !capital(&words[0])
        && first.len() > 3
        && first.ends_with('s')
        && !SPEAKER_HEADS.contains(&head_of(&first).as_str())
        && capital(&words[1])
    {
        return false;
    }
    if words.iter().skip(1).any(capital) {
        return true;
    }
    // a capitalised first word that is no determiner or linking word: a name as far as can be
    // told (`Halden`, `Kadzik wouldn't`), though `Information` is none
    let opener = words[0].trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    if capital(&words[0]) && !OPENERS.contains(&opener.as_str()) {
        return true;
    }
    SPEAKER_HEADS.contains(&head_of(&phrase.to_lowercase()).as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn other() -> SourceClass {
        SourceClass {
            category: Category::Other,
            country: String::new(),
            named: false,
            person: true,
            group: false,
            known: false,
        }
    }

    #[test]
    fn speakers_and_phrases_that_are_none() {
        let c = other();
        for s in [
            "Halden",
            "critics",
            "the company",
            "his lawyers",
            "Some opponents of the plan",
            "the Republican Party",
            "he",
            "Many people who live there",
            "everyone",
            "Kadzik wouldn't",
            "he's",
            "73 percent",
            "most of whom",
            "A union representing flight crews",
            "tax returns would",
            "The opposition",
            "a wide array of artists",
        ] {
            assert!(could_speak(s, &c), "{s}");
        }
        for s in [
            "following",
            "election day",
            "However, the main",
            "a consignment of champagne",
            "The latest drills",
            "no monetary rent",
            "those charges",
            "his reign",
            "continues",
            "My personal",
            "One high-profile case",
            "leaves Andrew",
        ] {
            assert!(!could_speak(s, &c), "{s}");
        }
        // what the lists know is never dropped
        let known = SourceClass { category: Category::Government, ..other() };
        assert!(could_speak("the latest drills", &known));
    }
}
