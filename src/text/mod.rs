//! The text layer: sentences, quotation regions and word tokens, all with byte
//! offsets into the article's text, plus stemming.
//!
//! ```
//! use slant::text::{analyze, Offsets};
//! let text = "Kim said it was “a great year.” Analysts disagree.";
//! let a = analyze(text, &[0..text.len()]);
//! assert_eq!(a.sentences.len(), 2);
//! assert_eq!(a.words(), 9);
//! assert_eq!(a.quoted_words(), 3);
//! let offsets = Offsets::new(text);
//! assert_eq!(offsets.char_index(text.find('A').unwrap()), 32);
//! ```

pub mod detect;
pub mod lang;
pub mod quotes;
pub mod sentences;
pub mod tokens;
pub mod ukrainian;

use std::ops::Range;

pub use lang::{normalize, normalize_into, Lang, Stemmer};

/// Whether XML (SVG, XHTML) forbids `c` in text: control characters other than tab, line
/// feed and carriage return, and the noncharacters (U+FDD0 to U+FDEF, and the last two code
/// points of every plane, U+FFFE and U+FFFF among them).
pub fn forbidden_in_xml(c: char) -> bool {
    let u = c as u32;
    (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || (0xFDD0..=0xFDEF).contains(&u) || (u & 0xFFFE) == 0xFFFE
}

/// FNV-1a, a fast hash for short string keys in lookup-only tables (caches, feature
/// indexes). No output depends on the iteration order of a table hashed with it.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    /// The plain FNV-1a hash of the bytes written so far, without [`mix64`] (for keys stored
    /// as raw FNV, such as the cue model's features).
    pub fn raw(&self) -> u64 {
        self.0
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        mix64(self.0)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// Spreads every bit of `h` over the whole word (the finaliser of MurmurHash3). A hash table
/// places a key by its low bits and tells keys apart by its top bits, and in plain FNV-1a the
/// last bytes of a key never reach the top bits: `says` and `said` would look alike there.
pub fn mix64(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// A `HashMap` hashed with [`Fnv`].
pub type FnvMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;
pub use tokens::Token;

/// A small English function-word list (sorted), used by the boilerplate heuristic
/// and to keep function words out of mined lexicon candidates.
pub const STOPWORDS: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before",
    "being", "between", "both", "but", "by", "can", "could", "did", "do", "does", "during", "each", "even", "for",
    "from", "had", "has", "have", "he", "her", "here", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its",
    "just", "last", "more", "most", "much", "my", "no", "not", "now", "of", "on", "one", "only", "or", "other", "our",
    "out", "over", "said", "says", "she", "since", "so", "some", "such", "than", "that", "the", "their", "them",
    "then", "there", "these", "they", "this", "those", "through", "to", "two", "under", "up", "us", "very", "was",
    "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you",
    "your",
];

/// Is `lower` (an already lower-cased word) an English function word?
pub fn is_stopword(lower: &str) -> bool {
    static SET: std::sync::OnceLock<FnvMap<&'static str, ()>> = std::sync::OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().map(|&w| (w, ())).collect()).contains_key(lower)
}

/// Strings laid end to end in one buffer and read back by index: one allocation for the
/// forms of every word of a text, where a `Vec<String>` would make one per word.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Strs {
    buf: String,
    ends: Vec<u32>,
}

impl Strs {
    fn with_capacity(strings: usize, bytes: usize) -> Strs {
        Strs { buf: String::with_capacity(bytes), ends: Vec::with_capacity(strings) }
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The `i`-th string; `None` past the end.
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)? as usize;
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        self.buf.get(start..end)
    }

    /// Appends a string written by `write` into the buffer.
    fn push_with(&mut self, write: impl FnOnce(&mut String)) {
        write(&mut self.buf);
        self.ends.push(u32::try_from(self.buf.len()).unwrap_or(u32::MAX));
    }
}

/// Sentences, quotations and words of an article body.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TextAnalysis {
    /// Byte ranges of sentences, in order.
    pub sentences: Vec<Range<usize>>,
    /// Byte ranges of quoted content (marks excluded), in order.
    pub quotes: Vec<Range<usize>>,
    /// Words, in order, each with its sentence and quotation flag.
    pub tokens: Vec<Token>,
    /// Each word [`normalize`]d, in token order: computed once for every stage.
    pub norm: Strs,
    /// Each word's English Snowball stem (of its normal form), in token order: the stem the
    /// cue model, the tone model and an English lexicon read, computed once.
    pub stems: Strs,
}

impl TextAnalysis {
    /// Number of words (see [`tokens`] for the definition).
    pub fn words(&self) -> usize {
        self.tokens.len()
    }

    /// Word `i`'s normal form and English stem, as computed once by [`analyze`]; `None` when
    /// the analysis holds no forms for it.
    pub fn forms(&self, i: usize) -> Option<(&str, &str)> {
        Some((self.norm.get(i)?, self.stems.get(i)?))
    }

    /// Number of words inside quotations.
    pub fn quoted_words(&self) -> usize {
        self.tokens.iter().filter(|t| t.quoted).count()
    }
}

/// Analyses the body `segments` (sorted byte ranges) of `text`.
pub fn analyze(text: &str, segments: &[Range<usize>]) -> TextAnalysis {
    let sentences = sentences::split_sentences(text, segments);
    let quotes = quotes::quote_regions(text, segments);
    let tokens = tokens::tokenize(text, &sentences, &quotes);
    let (norm, stems) = token_forms(text, &tokens);
    TextAnalysis { sentences, quotes, tokens, norm, stems }
}

/// The normal form and the English stem of every token, each looked up once.
fn token_forms(text: &str, tokens: &[Token]) -> (Strs, Strs) {
    let english = Lang::english();
    let stemmer = english.stemmer();
    let bytes = tokens.iter().map(|t| t.end.saturating_sub(t.start)).sum();
    let (mut norm, mut stems) = (Strs::with_capacity(tokens.len(), bytes), Strs::with_capacity(tokens.len(), bytes));
    let mut buf = String::new();
    for t in tokens {
        normalize_into(text.get(t.start..t.end).unwrap_or(""), &mut buf);
        norm.push_with(|out| out.push_str(&buf));
        stems.push_with(|out| english.stem_into(&stemmer, &buf, out));
    }
    (norm, stems)
}

/// Converts byte offsets into char (Unicode code point) offsets, the unit of every
/// offset slant writes out. Each conversion counts the chars between the byte asked and the
/// one asked before (forward or backward), so conversions asked in about increasing order
/// cost time linear in the text, whatever the order of nearby ones; any order is correct.
/// An ASCII text needs no counting.
pub struct Offsets<'a> {
    text: &'a str,
    ascii: bool,
    last_byte: std::cell::Cell<(usize, usize)>,
}

impl<'a> Offsets<'a> {
    pub fn new(text: &'a str) -> Self {
        Offsets { text, ascii: text.is_ascii(), last_byte: std::cell::Cell::new((0, 0)) }
    }

    /// Char index of the char starting at byte `byte` (or of the end, for `text.len()`).
    pub fn char_index(&self, byte: usize) -> usize {
        let byte = floor(self.text, byte.min(self.text.len()));
        if self.ascii {
            return byte;
        }
        let (b0, c0) = self.last_byte.get();
        let c = if byte >= b0 {
            c0 + self.text[b0..byte].chars().count()
        } else {
            // back from the last answer, not from the start: a row's offsets jump back only a little
            c0 - self.text[byte..b0].chars().count()
        };
        self.last_byte.set((byte, c));
        c
    }
}

fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// 1-based line of the byte at offset `at` of `bytes` (the lines before it end in `\n`; an
/// offset past the end counts every line break).
pub fn line_of_byte(bytes: &[u8], at: usize) -> usize {
    bytes[..at.min(bytes.len())].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Byte offset of the char at code-point index `char_idx` (or `text.len()` past the end).
pub fn byte_of_char(text: &str, char_idx: usize) -> usize {
    text.char_indices().nth(char_idx).map_or(text.len(), |(b, _)| b)
}
