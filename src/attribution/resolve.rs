//! Resolution: which earlier mention a pronoun, a short reference (`the ministry`), a bare
//! surname or the same name again stands for, in text order; `he` and `she` by the sex that
//! titles and roles tell.

use super::classify::{is_generic, main_cut, Category, SourceClass, PERSON_ROLES, ROLE_WORDS, TITLES};
use super::words::{is_article, is_pronoun};

/// The categories of named bodies a short reference can stand for (`None`: any).
fn ref_categories(lower: &str) -> Option<&'static [Category]> {
    use Category::*;
    match lower {
        "the ministry" | "the government" | "the office" | "the department" => Some(&[Government, Leader, Military]),
        "the newspaper" | "the broadcaster" | "the outlet" | "the network" => Some(&[Media, StateMedia]),
        "the service" => Some(&[Intelligence, Government, Military, Media, StateMedia]),
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

/// The name in a part of a mention: its last run of capitalised words, after the last title or
/// role word (`Chinese Foreign Minister Wang Yi` -> `Wang Yi`, `Senior Captain Li Xi` -> `Li Xi`).
fn name_words(part: &str) -> Vec<&str> {
    let words: Vec<&str> =
        part.split_whitespace().map(|w| without_possessive(w.trim_end_matches([',', '.']))).collect();
    let capital = |w: &str| w.chars().next().is_some_and(char::is_uppercase) && !is_article(w);
    let mut start = words.len();
    while start > 0 && capital(words[start - 1]) {
        start -= 1;
    }
    let run = &words[start..];
    let after_role = run
        .iter()
        .rposition(|w| ROLE_WORDS.contains(&w.trim_end_matches('.').to_lowercase().as_str()))
        .map_or(0, |i| i + 1);
    run[after_role..].to_vec()
}

/// For a bare surname (`Halden`, `Mr. Orsk, who ...`, `Zhang`: one word before any comma,
/// titles aside), the most recent earlier named mention holding a full name of two words or more
/// that ends with that surname (`President Mira Halden`) or, written surname first, begins with
/// it (`Zhang Xiaogang, a spokesperson`, `Senior Captain Li Xi`).
/// `names` maps each name word to the most recent earlier named mention holding it as a
/// whole name or as the first or last word of a full name ([`NameIndex::add`]), so the lookup
/// costs the same however many mentions came before.
fn earlier_full_name(mentions: &[(String, SourceClass)], i: usize, names: &NameIndex) -> Option<usize> {
    let first = mentions[i].0.split(',').next().unwrap_or("");
    // one word only: `Bill Clinton` is not the `Hillary Clinton` named before
    let surname = match untitled(first).as_slice() {
        [one] => without_possessive(one),
        _ => return None,
    };
    if surname.chars().count() < 2 || !surname.chars().next().is_some_and(char::is_uppercase) || is_pronoun(surname) {
        return None;
    }
    names.latest.get(surname).copied()
}

/// The named mentions seen so far by their name words, for [`earlier_full_name`].
#[derive(Default)]
struct NameIndex<'a> {
    latest: std::collections::HashMap<&'a str, usize>,
}

impl<'a> NameIndex<'a> {
    /// Adds named mention `j`: each comma-separated part's name (`The WHO` as `WHO`), or the
    /// first and last words of a full name of two words or more (`Mira Halden`: `Halden`;
    /// `Zhang Xiaogang`: `Zhang`), which a later bare surname resolves to.
    fn add(&mut self, text: &'a str, j: usize) {
        for part in text.split(',') {
            match name_words(part).as_slice() {
                [] => {}
                [one] => {
                    self.latest.insert(one, j);
                }
                [first, .., last] => {
                    self.latest.insert(first, j);
                    self.latest.insert(last, j);
                }
            }
        }
    }
}

/// What a mention says of its person's sex, from titles and role words: `Some(true)` female
/// (`Ms Giuffre`, `spokeswoman Zhang Han`, `the Queen`), `Some(false)` male, `None` unknown.
fn female(lower: &str) -> Option<bool> {
    const F: &[&str] = &[
        "actress",
        "aunt",
        "chairwoman",
        "congresswoman",
        "daughter",
        "duchess",
        "girl",
        "grandmother",
        "her",
        "lady",
        "madam",
        "miss",
        "mother",
        "mrs",
        "ms",
        "princess",
        "queen",
        "she",
        "sister",
        "spokeswoman",
        "wife",
        "woman",
    ];
    const M: &[&str] = &[
        "boy",
        "brother",
        "chairman",
        "congressman",
        "duke",
        "father",
        "grandfather",
        "he",
        "him",
        "his",
        "husband",
        "king",
        "man",
        "mr",
        "prince",
        "son",
        "spokesman",
        "uncle",
    ];
    let main = main_cut(lower);
    let mut sex = None;
    for w in main.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if F.contains(&w) {
            sex = Some(true);
        } else if M.contains(&w) {
            sex = Some(false);
        }
    }
    sex
}

/// Mentions (by index) in the order they were last touched, each once: touching one makes it
/// the newest in time independent of how many there are.
struct Recent {
    order: std::collections::BTreeMap<usize, usize>,
    stamp: Vec<Option<usize>>,
    clock: usize,
}

impl Recent {
    fn new(mentions: usize) -> Recent {
        Recent { order: Default::default(), stamp: vec![None; mentions], clock: 0 }
    }

    fn touch(&mut self, p: usize) {
        if let Some(old) = self.stamp[p].take() {
            self.order.remove(&old);
        }
        self.order.insert(self.clock, p);
        self.stamp[p] = Some(self.clock);
        self.clock += 1;
    }

    fn contains(&self, p: usize) -> bool {
        self.stamp[p].is_some()
    }

    fn newest_first(&self) -> impl Iterator<Item = usize> + '_ {
        self.order.values().rev().copied()
    }
}

/// Resolves mentions to earlier named sources, in text order. Returns, for each
/// mention, the index of the mention it resolves to (itself when it is named or
/// cannot be resolved). `he` and `she` go to the most recent person, named or named by role
/// (`the great leader`, `a senior official`), whose sex does not rule them out.
pub fn resolve(mentions: &[(String, SourceClass)]) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::with_capacity(mentions.len());
    // people (named, or by role), most recent last, with what is known of their sex
    let mut people = Recent::new(mentions.len());
    let mut sex: Vec<Option<bool>> = mentions.iter().map(|(t, _)| female(&t.to_lowercase())).collect();
    let mut last_org: Option<usize> = None;
    // named bodies, in text order
    let mut orgs: Vec<usize> = Vec::new();
    let mut last_plural: Option<usize> = None;
    let touch = |people: &mut Recent, p: usize| people.touch(p);
    let mut names = NameIndex::default();
    for (i, (text, class)) in mentions.iter().enumerate() {
        if i > 0 && mentions[i - 1].1.named {
            names.add(&mentions[i - 1].0, i - 1);
        }
        let lower = text.trim().to_lowercase();
        let pronoun = if is_pronoun(text) { lower.as_str() } else { "" };
        let person_for = |want: Option<bool>, people: &Recent, sex: &[Option<bool>]| {
            people.newest_first().find(|&p| want.is_none() || sex[p].is_none() || sex[p] == want)
        };
        let target = match pronoun {
            "he" | "him" => person_for(Some(false), &people, &sex),
            "she" | "her" => person_for(Some(true), &people, &sex),
            "i" => person_for(None, &people, &sex),
            "it" | "which" => last_org,
            "they" | "them" | "we" => last_plural.or(last_org),
            "who" | "that" => people.newest_first().next().or(last_plural),
            _ if ORG_REFS.contains(&lower.as_str()) => {
                // the most recent named body the reference can stand for (`the ministry` is not
                // the news agency quoted before it)
                let fits = ref_categories(&lower);
                orgs.iter().rev().copied().find(|&o| fits.is_none_or(|f| f.contains(&mentions[o].1.category)))
            }
            _ if class.named => {
                let t = earlier_full_name(mentions, i, &names).map(|j| out[j]);
                // the full name is now the most recent mention of that person or body
                match t {
                    Some(t) if mentions[t].1.person => touch(&mut people, t),
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
            Some(t) => {
                // `he` said of someone whose sex was unknown tells it
                if !pronoun.is_empty() && sex[t].is_none() {
                    sex[t] = female(pronoun);
                }
                if people.contains(t) {
                    touch(&mut people, t);
                }
                out.push(t)
            }
            None => {
                out.push(i);
                if class.named || pronoun.is_empty() {
                    if class.person && class.named {
                        touch(&mut people, i);
                    } else if class.named {
                        last_org = Some(i);
                        orgs.push(i);
                    }
                    if (lower.ends_with('s') || class.group) && !class.named {
                        last_plural = Some(i);
                    }
                    if !class.named && is_person_role(&lower) {
                        touch(&mut people, i);
                    }
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::attribution::classify::tests::list;
    use crate::attribution::classify::{names_a_person, SourceList};

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
        // `he` told that the great leader is a man, so `she` is the earlier Kim; Kim again is that
        // Kim, and the last `he` is then the leader
        assert_eq!(resolve(&m), vec![0, 1, 1, 3, 0, 0, 1]);
        // titles and roles tell a person's sex: `he` skips a more recent woman
        let m = mentions(&l, &["President Mira Halden", "Ms Giuffre", "he", "she", "Mr. Orsk", "she"]);
        assert_eq!(resolve(&m), vec![0, 1, 0, 1, 4, 1]);
        // a surname written first goes to the full name that begins with it
        let m = mentions(
            &l,
            &["Zhang Xiaogang, a spokesperson for the ministry", "Senior Captain Li Xi", "Zhang", "Li", "Xi"],
        );
        assert_eq!(resolve(&m), vec![0, 1, 0, 1, 1]);
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
}
