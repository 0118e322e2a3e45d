//! Language selection and stemming (Snowball, through rust-stemmers; Ukrainian, which has no
//! released Snowball stemmer, through slant's own light stemmer, [`super::ukrainian`]).

use std::borrow::Cow;

use rust_stemmers::Algorithm;

use crate::error::SlantError;

/// How a language's words are stemmed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stemming {
    Snowball(Algorithm),
    Ukrainian,
}

use Stemming::{Snowball, Ukrainian};

const LANGS: &[(&str, Stemming)] = &[
    ("arabic", Snowball(Algorithm::Arabic)),
    ("danish", Snowball(Algorithm::Danish)),
    ("dutch", Snowball(Algorithm::Dutch)),
    ("english", Snowball(Algorithm::English)),
    ("finnish", Snowball(Algorithm::Finnish)),
    ("french", Snowball(Algorithm::French)),
    ("german", Snowball(Algorithm::German)),
    ("greek", Snowball(Algorithm::Greek)),
    ("hungarian", Snowball(Algorithm::Hungarian)),
    ("italian", Snowball(Algorithm::Italian)),
    ("norwegian", Snowball(Algorithm::Norwegian)),
    ("portuguese", Snowball(Algorithm::Portuguese)),
    ("romanian", Snowball(Algorithm::Romanian)),
    ("russian", Snowball(Algorithm::Russian)),
    ("spanish", Snowball(Algorithm::Spanish)),
    ("swedish", Snowball(Algorithm::Swedish)),
    ("tamil", Snowball(Algorithm::Tamil)),
    ("turkish", Snowball(Algorithm::Turkish)),
    ("ukrainian", Ukrainian),
];

/// ISO 639-1 codes accepted as aliases.
const CODES: &[(&str, &str)] = &[
    ("ar", "arabic"),
    ("da", "danish"),
    ("nl", "dutch"),
    ("en", "english"),
    ("fi", "finnish"),
    ("fr", "french"),
    ("de", "german"),
    ("el", "greek"),
    ("hu", "hungarian"),
    ("it", "italian"),
    ("no", "norwegian"),
    ("pt", "portuguese"),
    ("ro", "romanian"),
    ("ru", "russian"),
    ("es", "spanish"),
    ("sv", "swedish"),
    ("ta", "tamil"),
    ("tr", "turkish"),
    ("uk", "ukrainian"),
];

/// A validated stemming language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lang {
    name: &'static str,
    algorithm: Stemming,
}

/// A language's stemmer.
pub struct Stemmer(Inner);

enum Inner {
    Snowball(rust_stemmers::Stemmer),
    Ukrainian,
}

impl Stemmer {
    /// The stem of `word` (normalised: [`normalize`]).
    pub fn stem<'a>(&self, word: &'a str) -> Cow<'a, str> {
        match &self.0 {
            Inner::Snowball(s) => s.stem(word),
            Inner::Ukrainian => Cow::Owned(super::ukrainian::stem(word)),
        }
    }
}

impl Lang {
    /// Parses a language name (`english`) or ISO code (`en`), case-insensitively.
    /// An unknown language is an error, never a silent fallback.
    pub fn parse(s: &str) -> Result<Lang, SlantError> {
        let lower = s.trim().to_lowercase();
        let name = CODES.iter().find(|(c, _)| *c == lower).map(|(_, n)| *n).unwrap_or(lower.as_str());
        LANGS.iter().find(|(n, _)| *n == name).map(|&(name, algorithm)| Lang { name, algorithm }).ok_or_else(|| {
            SlantError::UnknownLanguage(s.to_string(), LANGS.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", "))
        })
    }

    pub fn english() -> Lang {
        Lang { name: "english", algorithm: Snowball(Algorithm::English) }
    }

    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The language's ISO 639-1 code (`en`, `ru`, `uk`, ...), the form language detection gives.
    pub fn code(&self) -> &'static str {
        CODES.iter().find(|(_, n)| *n == self.name).map_or(self.name, |(c, _)| c)
    }

    pub fn stemmer(&self) -> Stemmer {
        Stemmer(match self.algorithm {
            Snowball(a) => Inner::Snowball(rust_stemmers::Stemmer::create(a)),
            Ukrainian => Inner::Ukrainian,
        })
    }

    /// Appends the stem of `word` (already normalised) to `out`, through a per-thread cache:
    /// news vocabulary repeats, and stemming is the costliest step of several stages.
    /// `stemmer` must be this language's.
    pub fn stem_into(&self, stemmer: &Stemmer, word: &str, out: &mut String) {
        // One map per language, found by a scan: a run sees one language or a few.
        type Cache = Vec<(&'static str, super::FnvMap<String, String>)>;
        thread_local! {
            static CACHE: std::cell::RefCell<Cache> = const { std::cell::RefCell::new(Vec::new()) };
        }
        CACHE.with(|c| {
            let mut c = c.borrow_mut();
            let k = match c.iter().position(|(name, _)| *name == self.name) {
                Some(k) => k,
                None => {
                    c.push((self.name, super::FnvMap::default()));
                    c.len() - 1
                }
            };
            let m = &mut c[k].1;
            if let Some(s) = m.get(word) {
                out.push_str(s);
                return;
            }
            let s = stemmer.stem(word).into_owned();
            out.push_str(&s);
            if m.len() >= 200_000 {
                m.clear();
            }
            m.insert(word.to_string(), s);
        });
    }
}

/// Lower-cases a word and folds typographic apostrophes and hyphens to ASCII,
/// the normal form that stems and lexicon entries are computed from.
pub fn normalize(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    normalize_into(word, &mut s);
    s
}

/// [`normalize`] into a reused buffer (cleared first).
pub fn normalize_into(word: &str, s: &mut String) {
    s.clear();
    if word.is_ascii() {
        s.push_str(word);
        s.make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        match c {
            '’' | '‘' | 'ʼ' => s.push('\''),
            '‐' | '‑' | '–' => s.push('-'),
            _ => s.extend(c.to_lowercase()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_names_and_codes() {
        assert_eq!(Lang::parse("English").unwrap().name(), "english");
        assert_eq!(Lang::parse("de").unwrap().name(), "german");
        let err = Lang::parse("klingon").unwrap_err().to_string();
        assert!(err.contains("klingon") && err.contains("english"), "{err}");
    }

    #[test]
    fn ukrainian_by_name_and_code() {
        let uk = Lang::parse("uk").unwrap();
        assert_eq!(uk.name(), "ukrainian");
        let st = uk.stemmer();
        assert_eq!(st.stem("окупантами"), st.stem("окупант"));
        let ru = Lang::parse("ru").unwrap().stemmer();
        assert_eq!(ru.stem("оккупантами"), ru.stem("оккупант"));
    }

    #[test]
    fn stems_english() {
        let st = Lang::english().stemmer();
        assert_eq!(st.stem(&normalize("Liberating")), "liber");
        assert_eq!(normalize("Kyiv’s"), "kyiv's");
    }
}
