//! BERT's uncased word-piece tokenizer: the normalisation, splitting and greedy longest-match
//! that the base model's `tokenizer.json` describes (clean text, lowercase, strip accents,
//! split at whitespace and punctuation, pieces from `vocab.txt` with `##` continuations).

use std::collections::HashMap;

use unicode_general_category::{get_general_category, GeneralCategory as G};
use unicode_normalization::UnicodeNormalization;

use super::EncoderError;

/// Words longer than this many chars become one unknown piece, as in BERT.
const MAX_WORD_CHARS: usize = 100;

/// The model's vocabulary.
#[derive(Debug, Clone)]
pub struct Vocab {
    ids: HashMap<String, u32>,
    pub cls: u32,
    pub sep: u32,
    pub unk: u32,
    pub len: usize,
}

impl Vocab {
    /// Reads `vocab.txt`: one piece a line, its id the line number from 0.
    pub fn parse(text: &str) -> Result<Vocab, EncoderError> {
        let lines: Vec<&str> = text.lines().map(|l| l.trim_end_matches('\r')).collect();
        let ids: HashMap<String, u32> = lines.iter().enumerate().map(|(i, l)| (l.to_string(), i as u32)).collect();
        let special = |name: &str| {
            ids.get(name).copied().ok_or_else(|| EncoderError::Format(format!("vocab.txt has no {name} piece")))
        };
        Ok(Vocab { cls: special("[CLS]")?, sep: special("[SEP]")?, unk: special("[UNK]")?, len: lines.len(), ids })
    }

    /// Appends the pieces of `text` (a word or a punctuation mark, or any short stretch of text)
    /// to `out`.
    pub fn pieces(&self, text: &str, out: &mut Vec<u32>) {
        let normal = normalize(text);
        for word in split(&normal) {
            self.word_pieces(word, out);
        }
    }

    fn word_pieces(&self, word: &str, out: &mut Vec<u32>) {
        if word.chars().count() > MAX_WORD_CHARS {
            out.push(self.unk);
            return;
        }
        let first = out.len();
        let mut start = 0;
        let mut key = String::with_capacity(word.len() + 2);
        while start < word.len() {
            let mut end = word.len();
            let mut found = None;
            while end > start {
                key.clear();
                if start > 0 {
                    key.push_str("##");
                }
                key.push_str(&word[start..end]);
                if let Some(&id) = self.ids.get(key.as_str()) {
                    found = Some(id);
                    break;
                }
                end = word[start..end].char_indices().next_back().map_or(start, |(i, _)| start + i);
            }
            match found {
                Some(id) => {
                    out.push(id);
                    start = end;
                }
                None => {
                    out.truncate(first);
                    out.push(self.unk);
                    return;
                }
            }
        }
    }
}

fn is_control(c: char) -> bool {
    !matches!(c, '\t' | '\n' | '\r')
        && matches!(get_general_category(c), G::Control | G::Format | G::Unassigned | G::PrivateUse | G::Surrogate)
}

fn is_punctuation(c: char) -> bool {
    c.is_ascii_punctuation()
        || matches!(
            get_general_category(c),
            G::ConnectorPunctuation
                | G::DashPunctuation
                | G::OpenPunctuation
                | G::ClosePunctuation
                | G::InitialPunctuation
                | G::FinalPunctuation
                | G::OtherPunctuation
        )
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0x20000..=0x2A6DF | 0x2A700..=0x2B73F
        | 0x2B740..=0x2B81F | 0x2B820..=0x2CEAF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F)
}

/// Cleans, strips accents and lowercases; CJK ideographs get spaces around them.
fn normalize(text: &str) -> String {
    let mut clean = String::with_capacity(text.len());
    for c in text.chars() {
        if c == '\0' || c == '\u{FFFD}' || is_control(c) {
            continue;
        }
        if c.is_whitespace() {
            clean.push(' ');
        } else if is_cjk(c) {
            clean.push(' ');
            clean.push(c);
            clean.push(' ');
        } else {
            clean.push(c);
        }
    }
    clean.nfd().filter(|&c| get_general_category(c) != G::NonspacingMark).flat_map(char::to_lowercase).collect()
}

/// Words of normalised text: runs between whitespace, each punctuation char on its own.
fn split(text: &str) -> impl Iterator<Item = &str> {
    text.split(char::is_whitespace).filter(|w| !w.is_empty()).flat_map(|w| {
        let mut parts = Vec::new();
        let mut start = 0;
        for (i, c) in w.char_indices() {
            if is_punctuation(c) {
                if start < i {
                    parts.push(&w[start..i]);
                }
                parts.push(&w[i..i + c.len_utf8()]);
                start = i + c.len_utf8();
            }
        }
        if start < w.len() {
            parts.push(&w[start..]);
        }
        parts
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocab {
        let pieces =
            ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "the", "meat", "##grind", "##er", "-", "war", "cafe", "'", "s", "."];
        Vocab::parse(&pieces.join("\n")).unwrap()
    }

    fn ids(v: &Vocab, text: &str) -> Vec<u32> {
        let mut out = Vec::new();
        v.pieces(text, &mut out);
        out
    }

    #[test]
    fn greedy_longest_match_with_continuations() {
        let v = vocab();
        assert_eq!(ids(&v, "Meatgrinder"), vec![5, 6, 7]);
        assert_eq!(ids(&v, "meat-grinder war."), vec![5, 8, 1, 9, 13]);
    }

    #[test]
    fn accents_case_and_punctuation() {
        let v = vocab();
        assert_eq!(ids(&v, "CAFÉ"), vec![10]);
        assert_eq!(ids(&v, "the\u{0000} war's"), vec![4, 9, 11, 12]);
        assert_eq!(ids(&v, "warx"), vec![1], "a word with an unknown tail is one unknown piece");
        assert_eq!(ids(&v, &"a".repeat(101)), vec![1]);
        assert!(ids(&v, " \u{200B}\t").is_empty());
    }

    #[test]
    fn missing_special_pieces_are_an_error() {
        assert!(Vocab::parse("the\nwar").is_err());
    }
}
