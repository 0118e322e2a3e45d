//! Which language a text is written in, among those slant tells apart: English (`en`),
//! Russian (`ru`) and Ukrainian (`uk`).
//!
//! 1. The script: letters are counted as Latin or Cyrillic; fewer than [`MIN_LETTERS`] letters
//!    decide nothing.
//! 2. A mostly Latin text is English when English function words make at least
//!    [`MIN_FUNCTION_SHARE`] of its words (another Latin-script language is left undecided).
//! 3. A mostly Cyrillic text is Ukrainian or Russian by the letters only one of them has
//!    (і ї є ґ against ы э ъ ё) and by their function words (що, та, від, це against что,
//!    это, от, как), each function word counting [`WORD_WEIGHT`] letters; the larger score
//!    wins, so a post that quotes the other language is given the language it mostly uses. A
//!    Cyrillic text with neither is Russian: Ukrainian prose without one і, ї, є or ґ is rare.

/// Letters a text needs before its language is decided.
pub const MIN_LETTERS: usize = 20;
/// Share of a Latin-script text's words that English function words must reach.
pub const MIN_FUNCTION_SHARE: f64 = 0.08;
/// How many distinctive letters one distinctive function word is worth.
pub const WORD_WEIGHT: usize = 3;

const ENGLISH: &[&str] = &[
    "the", "of", "and", "to", "in", "a", "is", "that", "for", "it", "on", "was", "with", "he", "as", "by", "at",
    "from", "his", "be", "are", "have", "has", "not", "this", "but", "they", "an", "were", "said", "which", "their",
];

/// Letters of the longest function word of the lists below.
const LONGEST_FUNCTION_WORD: usize = 8;

/// Function words of Ukrainian that Russian does not have (in this spelling).
const UKRAINIAN: &[&str] = &[
    "що",
    "та",
    "це",
    "від",
    "як",
    "які",
    "який",
    "яка",
    "його",
    "її",
    "але",
    "для",
    "також",
    "вже",
    "ще",
    "після",
    "бо",
    "або",
    "щоб",
    "коли",
    "тому",
    "він",
    "вона",
    "вони",
    "ми",
    "ви",
    "з",
    "зі",
    "й",
    "є",
    "була",
    "було",
    "були",
    "буде",
    "мають",
    "має",
    "може",
    "тільки",
    "лише",
    "більше",
];

/// Function words of Russian that Ukrainian does not have (in this spelling).
const RUSSIAN: &[&str] = &[
    "что",
    "это",
    "как",
    "от",
    "его",
    "но",
    "также",
    "уже",
    "ещё",
    "еще",
    "после",
    "который",
    "которые",
    "когда",
    "чтобы",
    "или",
    "он",
    "она",
    "они",
    "мы",
    "вы",
    "был",
    "была",
    "было",
    "были",
    "будет",
    "есть",
    "может",
    "только",
    "лишь",
    "больше",
    "этот",
    "эти",
    "всё",
    "с",
    "со",
    "и",
    "к",
    "из",
    "во",
    "ее",
    "её",
    "нет",
    "ли",
];

/// The language of `text`: `en`, `ru` or `uk`, or `None` when it cannot tell.
pub fn detect(text: &str) -> Option<&'static str> {
    detect_parts(&[text])
}

/// [`detect`] over the pieces of one text (an article's body paragraphs).
pub fn detect_parts(parts: &[&str]) -> Option<&'static str> {
    let (mut latin, mut cyrillic, mut uk, mut ru) = (0usize, 0usize, 0usize, 0usize);
    for c in parts.iter().flat_map(|p| p.chars()) {
        if c.is_ascii_alphabetic() {
            latin += 1;
        } else if ('\u{0400}'..='\u{04FF}').contains(&c) {
            cyrillic += 1;
            match c {
                'і' | 'ї' | 'є' | 'ґ' | 'І' | 'Ї' | 'Є' | 'Ґ' => uk += 1,
                'ы' | 'э' | 'ъ' | 'ё' | 'Ы' | 'Э' | 'Ъ' | 'Ё' => ru += 1,
                _ => {}
            }
        }
    }
    if latin + cyrillic < MIN_LETTERS {
        return None;
    }
    // each word, lower-cased into one buffer when it is short enough to be a function word
    // (the longest has 8 letters): `None` for a longer one
    let mut buf = String::new();
    let mut for_each_word = |f: &mut dyn FnMut(Option<&str>)| {
        for w in parts.iter().flat_map(|p| p.split(|c: char| !c.is_alphabetic() && c != '\'' && c != '’')) {
            if w.is_empty() {
                continue;
            }
            if w.chars().nth(LONGEST_FUNCTION_WORD).is_some() {
                f(None);
            } else {
                buf.clear();
                buf.extend(w.chars().flat_map(char::to_lowercase));
                f(Some(&buf));
            }
        }
    };
    if latin > cyrillic {
        let (mut n, mut function) = (0usize, 0usize);
        for_each_word(&mut |w| {
            n += 1;
            function += usize::from(w.is_some_and(|w| ENGLISH.contains(&w)));
        });
        return (n > 0 && function as f64 / n as f64 >= MIN_FUNCTION_SHARE).then_some("en");
    }
    for_each_word(&mut |w| {
        if let Some(w) = w {
            if UKRAINIAN.contains(&w) {
                uk += WORD_WEIGHT;
            } else if RUSSIAN.contains(&w) {
                ru += WORD_WEIGHT;
            }
        }
    });
    match uk.cmp(&ru) {
        std::cmp::Ordering::Greater => Some("uk"),
        std::cmp::Ordering::Less => Some("ru"),
        // Ukrainian prose of this length without one і, ї, є or ґ is rare; Russian is not
        std::cmp::Ordering::Equal if uk == 0 => Some("ru"),
        std::cmp::Ordering::Equal => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_russian_and_ukrainian_are_told_apart() {
        assert_eq!(detect("Officials said the talks would resume on Monday in the capital."), Some("en"));
        assert_eq!(detect("Министр заявил, что переговоры возобновятся в понедельник в столице."), Some("ru"));
        assert_eq!(detect("Міністр заявив, що переговори відновляться у понеділок у столиці."), Some("uk"));
    }

    #[test]
    fn a_post_quoting_the_other_language_keeps_its_own() {
        let uk = "Речник заявив, що армія тримає оборону, а ворог втрачає техніку. \
                  Російські канали пишуть: «Это провокация». Але це не так, і всі це знають.";
        assert_eq!(detect(uk), Some("uk"));
    }

    #[test]
    fn no_function_word_is_longer_than_the_words_looked_up() {
        for w in ENGLISH.iter().chain(UKRAINIAN).chain(RUSSIAN) {
            assert!(w.chars().count() <= LONGEST_FUNCTION_WORD, "{w}");
        }
    }

    #[test]
    fn too_little_text_or_another_latin_language_is_undecided() {
        assert_eq!(detect("ok"), None);
        assert_eq!(detect("1234 5678 !!!"), None);
        assert_eq!(detect("Die Regierung hat am Montag neue Gespräche angekündigt."), None);
    }
}
