//! Words written in capitals for emphasis (`caps_emphasis`).
//!
//! A word of three or more letters written in capitals is emphasis when its lower-case form
//! is a common function word, a lexicon term, or appears in lower case elsewhere in the
//! article, and its sentence is not itself mostly capitals (a headline). Capitals that name
//! or label something are not emphasis:
//! - acronyms: `NATO`, `KCNA`; `the WHO`; a word the text defines in parentheses (`World
//!   Health Organization (WHO)`) wherever it stands in that text;
//! - handles, hashtags and web addresses: `@WHO`, `#MAGA`, `VDARE.COM`, `YouTube/TIME`;
//! - labels: a run of capitals followed by a colon (a transcript's `JOHN SOLOMON, THE HILL:`,
//!   a `NEW:` flag);
//! - page furniture: a run of capitals holding `READ MORE`, `SEE ALSO`, `WATCH`,
//!   `ADVERTISEMENT`, `SUBSCRIBE`, `SHARE`, `CLICK` (`JUST WATCHED`, `MUST WATCH`).

use std::borrow::Cow;
use std::collections::BTreeSet;

use super::matcher::{CapsHit, Voice};
use crate::text::{FnvMap, TextAnalysis};

const FUNCTION_WORDS: &[&str] = &[
    "about", "after", "again", "against", "all", "and", "any", "are", "ever", "every", "for", "from", "has", "have",
    "her", "his", "how", "its", "just", "more", "most", "must", "never", "not", "now", "only", "our", "out", "over",
    "the", "their", "they", "this", "too", "very", "was", "what", "when", "who", "why", "will", "with", "you", "your",
];

/// Letters without case (Chinese, Arabic) are not capitals.
fn is_caps(w: &str) -> bool {
    w.chars().filter(|c| c.is_uppercase()).count() >= 3
        && w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
}

/// Whether the text between two words of capitals keeps them in one run (`CLOSE OUR`,
/// `SOLOMON, THE`).
fn joins_run(between: &str) -> bool {
    between.chars().all(|c| c == ' ' || c == ',' || c == '&' || c == '-' || c == '\u{a0}')
}

/// Whether a word is glued to a handle, hashtag, web address or path: `@WHO`, `#MAGA`,
/// `VDARE.COM`, `YouTube/TIME`, `COM.au`.
fn glued(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let mut after = text[end..].chars();
    let (a1, a2) = (after.next(), after.next());
    matches!(before, Some('@' | '#' | '/' | '\\'))
        || (before == Some('.') && text[..start - 1].chars().next_back().is_some_and(char::is_alphanumeric))
        || (matches!(a1, Some('.' | '/' | '@')) && a2.is_some_and(char::is_alphanumeric))
}

/// `READ MORE`, `SEE ALSO`, `ADVERTISEMENT`, `WATCH:`: page furniture, not emphasis.
fn furniture(lowered: &[Cow<str>], k: usize) -> bool {
    let w = &*lowered[k];
    let prev = if k > 0 { &*lowered[k - 1] } else { "" };
    let next = lowered.get(k + 1).map_or("", |n| &**n);
    matches!(w, "advertisement" | "subscribe" | "share" | "click" | "watch" | "watched")
        || (matches!(w, "read" | "see") && matches!(next, "more" | "also"))
        || (matches!(w, "more" | "also") && matches!(prev, "read" | "see"))
}

/// Capitals emphasis in an analysed text; `lowered` holds each token's normalised form and
/// `term_words` the lexicon's single-word terms.
pub(super) fn find(
    text: &str,
    analysis: &TextAnalysis,
    lowered: &[Cow<str>],
    term_words: &BTreeSet<String>,
) -> Vec<CapsHit> {
    let tokens = &analysis.tokens;
    let caps: Vec<bool> = tokens.iter().map(|t| is_caps(t.text(text))).collect();
    // Most articles have no word in capitals: skip the tables below.
    if !caps.iter().any(|&c| c) {
        return Vec::new();
    }
    // Which words in capitals the text also writes in lower case: only the forms of the words
    // in capitals are looked for (a word of another length is not hashed).
    let wanted: FnvMap<&str, ()> = lowered.iter().zip(&caps).filter(|(_, &c)| c).map(|(l, _)| (&**l, ())).collect();
    let bit = |l: &str| 1u64 << l.len().min(63);
    let lengths = wanted.keys().fold(0u64, |m, l| m | bit(l));
    let lower_forms: FnvMap<&str, ()> = tokens
        .iter()
        .zip(lowered)
        .filter(|(_, l)| {
            let l: &str = l;
            lengths & bit(l) != 0 && wanted.contains_key(l)
        })
        .filter(|(t, _)| t.text(text).chars().all(|c| !c.is_uppercase()))
        .map(|(_, l)| (&**l, ()))
        .collect();
    // Acronyms the text defines: a word of capitals alone in parentheses.
    let defined: BTreeSet<&str> = tokens
        .iter()
        .zip(lowered)
        .zip(&caps)
        .filter(|((t, _), &c)| c && text[..t.start].ends_with('(') && text[t.end..].starts_with(')'))
        .map(|((_, l), _)| &**l)
        .collect();
    // Share of capitalised words per sentence.
    let mut per_sentence: Vec<(usize, usize)> = vec![(0, 0); analysis.sentences.len()];
    for (t, &c) in tokens.iter().zip(&caps) {
        let at = t.sentence as usize;
        if at >= per_sentence.len() {
            per_sentence.resize(at + 1, (0, 0));
        }
        per_sentence[at].0 += 1;
        per_sentence[at].1 += usize::from(c);
    }
    // Runs of consecutive words in capitals; a run that ends in a colon is a label and a
    // run holding page furniture is furniture.
    let mut plain_run = vec![false; tokens.len()];
    let mut k = 0;
    while k < tokens.len() {
        if !caps[k] {
            k += 1;
            continue;
        }
        let mut end = k + 1;
        while end < tokens.len()
            && caps[end]
            && tokens[end].sentence == tokens[k].sentence
            && joins_run(&text[tokens[end - 1].end..tokens[end].start])
        {
            end += 1;
        }
        let label = text[tokens[end - 1].end..].trim_start_matches([' ', '\u{a0}']).starts_with(':');
        if label || (k..end).any(|j| furniture(lowered, j)) {
            plain_run[k..end].iter_mut().for_each(|p| *p = true);
        }
        k = end;
    }
    // `the WHO` is the World Health Organization, not emphasis.
    let who = |k: usize| k > 0 && lowered[k - 1] == "the" && lowered[k] == "who";
    tokens
        .iter()
        .zip(lowered)
        .enumerate()
        .filter(|(k, (t, l))| {
            let l: &str = l;
            let (n, c) = per_sentence.get(t.sentence as usize).copied().unwrap_or((1, 0));
            caps[*k]
                && c * 2 <= n
                && !plain_run[*k]
                && !who(*k)
                && !defined.contains(l)
                && !glued(text, t.start, t.end)
                && (FUNCTION_WORDS.contains(&l) || term_words.contains(l) || lower_forms.contains_key(l))
        })
        .map(|(_, (t, _))| CapsHit {
            start: t.start,
            end: t.end,
            voice: if t.quoted { Voice::Quoted } else { Voice::Own },
            sentence: t.sentence,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::lexicon::formats::parse_slant;
    use crate::lexicon::Matcher;
    use crate::text::{analyze, Lang};

    fn caps(text: &str) -> Vec<&str> {
        let lex = parse_slant("t.tsv", "term\tcategory\nunprecedented\texag\nhoax\tlabel\n", "curated").unwrap();
        let m = Matcher::new(&lex, Lang::english());
        let a = analyze(text, &[0..text.len()]);
        let (_, caps) = m.find(text, &a);
        caps.iter().map(|c| &text[c.start..c.end]).collect()
    }

    #[test]
    fn emphasis_but_not_acronyms_headlines_or_other_scripts() {
        let text = "Voss did it AGAIN and NATO knows. This is UNPRECEDENTED. The STEAL was a steal.\n\nBIG HEADLINE IN CAPS\n\n\
             The WHO said 新华社 reported it. WHO knew? Doctors who knew said it was the ONLY way.";
        assert_eq!(caps(text), vec!["AGAIN", "UNPRECEDENTED", "STEAL", "WHO", "ONLY"], "not `the WHO` nor Chinese");
    }

    #[test]
    fn a_link_to_another_story_in_capitals_is_page_furniture() {
        let text = "The prince left the lodge on Friday. READ MORE: The prince is gone. He left AGAIN.";
        assert_eq!(caps(text), vec!["AGAIN"]);
        let text = "The minister spoke on Friday. JUST WATCHED Minister speaks Replay. MUST WATCH Minister speaks. \
                    It was a total hoax, a TOTAL one, he said.";
        assert_eq!(caps(text), vec!["TOTAL"]);
    }

    #[test]
    fn an_acronym_the_text_defines_is_no_emphasis_anywhere_in_it() {
        let text = "Who knew? WHO cares, they said. The World Health Organization (WHO) disagreed.";
        assert_eq!(caps(text), Vec::<&str>::new());
    }

    #[test]
    fn handles_hashtags_and_addresses_are_no_emphasis() {
        let text = "Read more at ABOUT.COM, follow @WHO or #HOAX, see YouTube/NOW. It is NOT over, it is ALL over.";
        assert_eq!(caps(text), vec!["NOT", "ALL"]);
    }

    #[test]
    fn a_run_of_capitals_before_a_colon_is_a_label() {
        let text = "JOHN SOLOMON, THE HILL: You know what the hill said. NEW: the new video is out. \
                    They must STOP THE vote now, she said, and stop it.";
        assert_eq!(caps(text), vec!["STOP", "THE"]);
    }
}
