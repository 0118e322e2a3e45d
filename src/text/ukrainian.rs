//! A light stemmer for Ukrainian (Snowball has none released): it strips one inflectional
//! ending, so that the forms of a word a lexicon lists once (`окупант`) match its cases and
//! numbers (`окупанти`, `окупантів`, `окупантам`), an adjective's genders and cases
//! (`російський`, `російська`, `російського`), and a verb's persons, tenses and genders
//! (`заявив`, `заявила`, `заявили`; `обстрілює`, `обстрілюють`).
//!
//! The rules, applied to a lower-cased word:
//! 1. A reflexive `ся` / `сь` is taken off first (`вдалося` → `вдало`).
//! 2. The longest ending of [`ENDINGS`] that leaves a stem of at least [`MIN_STEM`] letters is
//!    taken off (adjective and participle endings, verb endings, then noun endings).
//! 3. A stem ending in a soft sign keeps it off (`учасниць`/`учасниця` → `учасниц`).
//!
//! It does not undo the alternations of a stem's vowels and consonants (`рік` / `року`,
//! `нога` / `нозі`): such pairs stay apart, as they do in Snowball's stemmers for other
//! languages. Words of fewer than [`MIN_STEM`] + 1 letters are left as they are.

/// Letters a stem keeps at least.
pub const MIN_STEM: usize = 3;

/// Inflectional endings; the longest that fits is taken off.
pub const ENDINGS: &[&str] = &[
    // adjectives, participles and pronominal forms
    "ий",
    "ій",
    "ого",
    "ього",
    "ому",
    "ьому",
    "им",
    "ім",
    "их",
    "іх",
    "ими",
    "іми",
    "ої",
    "ою",
    "ую",
    "юю",
    // verbs: infinitive, present and future persons, imperative, past genders and plural
    "ати",
    "яти",
    "ити",
    "іти",
    "увати",
    "ювати",
    "ить",
    "ять",
    "уть",
    "ють",
    "ать",
    "еш",
    "єш",
    "иш",
    "емо",
    "ємо",
    "имо",
    "ете",
    "єте",
    "ите",
    "ує",
    "ює",
    "ують",
    "юють",
    "уєш",
    "юєш",
    "уємо",
    "уєте",
    "ив",
    "ав",
    "яв",
    "ів",
    "ла",
    "ло",
    "ли",
    "ила",
    "ило",
    "или",
    "ала",
    "ало",
    "али",
    "яла",
    "яло",
    "яли",
    "іла",
    "іло",
    "іли",
    // nouns: cases of the three genders and the plural
    "ам",
    "ям",
    "ами",
    "ями",
    "ах",
    "ях",
    "ові",
    "еві",
    "єві",
    "ом",
    "ем",
    "єм",
    "ею",
    "єю",
    // one-letter endings of every part of speech
    "а",
    "я",
    "о",
    "е",
    "є",
    "у",
    "ю",
    "и",
    "і",
    "ї",
    "ь",
];

/// The stem of `word` (lower-case Ukrainian; anything else comes back as it is).
pub fn stem(word: &str) -> String {
    let mut chars: Vec<char> = word.chars().collect();
    if chars.len() <= MIN_STEM || !chars.iter().any(|c| is_cyrillic(*c)) {
        return word.to_string();
    }
    // 1. the reflexive particle
    for refl in ["ся", "сь"] {
        let r: Vec<char> = refl.chars().collect();
        if chars.len() > MIN_STEM + r.len() && chars.ends_with(&r) {
            chars.truncate(chars.len() - r.len());
            break;
        }
    }
    // 2. the longest ending that leaves enough stem
    let mut best = 0;
    for e in ENDINGS {
        let e: Vec<char> = e.chars().collect();
        if e.len() > best && chars.len() >= MIN_STEM + e.len() && chars.ends_with(&e) {
            best = e.len();
        }
    }
    chars.truncate(chars.len() - best);
    // 3. a soft sign left at the end
    if chars.len() > MIN_STEM && chars.last() == Some(&'ь') {
        chars.pop();
    }
    chars.into_iter().collect()
}

fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every form of each table has the stem of the first.
    fn same_stem(forms: &[&str]) {
        let first = stem(forms[0]);
        for f in forms {
            assert_eq!(stem(f), first, "{f} against {}", forms[0]);
        }
        assert!(first.chars().count() >= MIN_STEM, "{first}");
    }

    #[test]
    fn noun_cases_and_numbers_share_a_stem() {
        same_stem(&[
            "окупант",
            "окупанта",
            "окупанту",
            "окупантом",
            "окупанти",
            "окупантів",
            "окупантам",
            "окупантами",
            "окупантах",
        ]);
        same_stem(&["війна", "війни", "війні", "війну", "війною"]);
        same_stem(&["країна", "країни", "країні", "країну", "країною", "країн", "країнам", "країнами"]);
        same_stem(&["злочин", "злочину", "злочини", "злочинів", "злочинами"]);
        same_stem(&["село", "села", "селу", "селом", "селах"]);
    }

    #[test]
    fn adjective_genders_and_cases_share_a_stem() {
        same_stem(&[
            "російський",
            "російська",
            "російське",
            "російського",
            "російському",
            "російських",
            "російськими",
            "російською",
            "російські",
        ]);
        same_stem(&["жорстокий", "жорстока", "жорстоке", "жорстокого", "жорстоких", "жорстокі"]);
    }

    #[test]
    fn verb_persons_tenses_and_genders_share_a_stem() {
        same_stem(&["заявив", "заявила", "заявили", "заявило"]);
        same_stem(&["обстрілює", "обстрілюють", "обстрілюєш"]);
        same_stem(&["повідомив", "повідомила", "повідомили"]);
        same_stem(&["вдалося", "вдалось"]);
    }

    #[test]
    fn short_words_other_scripts_and_distinct_words_are_kept_apart() {
        assert_eq!(stem("та"), "та");
        assert_eq!(stem("що"), "що");
        assert_eq!(stem("kyiv"), "kyiv");
        assert_ne!(stem("окупант"), stem("окупація"));
        assert_ne!(stem("мир"), stem("мирний"));
    }
}
