//! Cue classes: verb choice is framing. `data/cues/cues.tsv` lists reporting cues
//! (verb lemmas, nouns and fixed phrases) with a class:
//! `neutral` (said, told), `distancing` (claimed, alleged), `conceding` (admitted,
//! confirmed), `emphatic` (warned, vowed, hailed), `according_to`, `belief`
//! (believes, estimated) and `refusal` (declined to comment: no claim). A cue is looked up by its phrase, then by the stem of each
//! of its words from the last (so `has also claimed` is `distancing`); unknown cues
//! are `neutral`.

use std::collections::BTreeMap;

use crate::text::{normalize, Lang};

/// Cue classes, in column order.
pub const CUE_CLASSES: &[&str] =
    &["neutral", "distancing", "conceding", "emphatic", "according_to", "belief", "refusal"];

/// The embedded default cue list.
pub const CUES_TSV: &str = include_str!("../../data/cues/cues.tsv");

/// A compiled cue-class table.
pub struct CueClasses {
    pub version: String,
    pub sha256: String,
    pub entries: usize,
    phrases: BTreeMap<String, usize>,
    stems: BTreeMap<String, usize>,
    lang: Lang,
}

impl CueClasses {
    /// The embedded default.
    pub fn default_table(lang: Lang) -> CueClasses {
        CueClasses::parse(CUES_TSV, lang).expect("embedded cue list is valid (tested)")
    }

    /// Parses `cue<TAB>class[<TAB>kind<TAB>note]` rows after a header row.
    pub fn parse(text: &str, lang: Lang) -> Result<CueClasses, String> {
        let stemmer = lang.stemmer();
        let mut t = CueClasses {
            version: "unversioned".into(),
            sha256: crate::ingest::sha256_hex(text.as_bytes()),
            entries: 0,
            phrases: BTreeMap::new(),
            stems: BTreeMap::new(),
            lang,
        };
        let mut header = false;
        for item in crate::datafile::lines(text) {
            let (n, line) = match item {
                crate::datafile::Line::Setting { key: "version", value, .. } => {
                    t.version = value.to_string();
                    continue;
                }
                crate::datafile::Line::Setting { .. } => continue,
                crate::datafile::Line::Row { number, text } => (number, text),
            };
            let f: Vec<&str> = line.split('\t').map(str::trim).collect();
            if !header {
                if f.first() != Some(&"cue") || f.get(1) != Some(&"class") {
                    return Err(format!("line {}: expected a header row cue<TAB>class", n));
                }
                header = true;
                continue;
            }
            let class = f
                .get(1)
                .and_then(|c| CUE_CLASSES.iter().position(|x| x == c))
                .ok_or_else(|| format!("line {}: unknown class '{}'", n, f.get(1).unwrap_or(&"")))?;
            let cue = normalize(f[0]);
            t.entries += 1;
            t.phrases.entry(cue.clone()).or_insert(class);
            if cue.contains(' ') {
                t.phrases.entry(stem_words(&stemmer, &cue)).or_insert(class);
            } else {
                t.stems.entry(stemmer.stem(&cue).into_owned()).or_insert(class);
            }
        }
        Ok(t)
    }

    /// The class of a cue as written (`said`, `has also claimed`, `according to`, `:`):
    /// the whole phrase (as written, then stemmed), else the first word with a known class.
    pub fn class_of(&self, cue: &str) -> &'static str {
        let norm = normalize(cue.trim());
        let stemmer = self.lang.stemmer();
        if let Some(&c) = self.phrases.get(&norm).or_else(|| self.phrases.get(&stem_words(&stemmer, &norm))) {
            return CUE_CLASSES[c];
        }
        // a phrase whose verb is irregular (`made clear` is `make clear`)
        if norm.contains(' ') {
            let base: Vec<&str> =
                norm.split_whitespace().map(|w| super::lemma::irregular_base(w).unwrap_or(w)).collect();
            if let Some(&c) = self.phrases.get(&stem_words(&stemmer, &base.join(" "))) {
                return CUE_CLASSES[c];
            }
        }
        for w in norm.split_whitespace() {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            if let Some(&c) = self.phrases.get(w).or_else(|| self.stems.get(stemmer.stem(w).as_ref())) {
                return CUE_CLASSES[c];
            }
        }
        "neutral"
    }
}

fn stem_words(stemmer: &crate::text::Stemmer, phrase: &str) -> String {
    phrase.split_whitespace().map(|w| stemmer.stem(w).into_owned()).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        let t = CueClasses::parse(
            "# version: 1\ncue\tclass\tkind\tnote\nsay\tneutral\tverb\t\nclaim\tdistancing\tverb\t\nadmit\tconceding\tverb\t\naccording to\taccording_to\tphrase\t\nhail\temphatic\tverb\t\nreport\tneutral\tnoun\t\nwarn\temphatic\tverb\t\nlash out\temphatic\tphrase\t\nmake clear\temphatic\tphrase\t\n",
            Lang::english(),
        )
        .unwrap();
        let cases = [
            ("said", "neutral"),
            ("claimed", "distancing"),
            ("has also claimed", "distancing"),
            ("admitted", "conceding"),
            ("According to", "according_to"),
            ("hailed", "emphatic"),
            ("murmured", "neutral"),
            ("warned in a report", "emphatic"),
            ("lashed out", "emphatic"),
            ("made clear", "emphatic"),
        ];
        for (cue, want) in cases {
            assert_eq!(t.class_of(cue), want, "{cue}");
        }
        assert!(CueClasses::parse("cue\tclass\nx\tweird\n", Lang::english()).is_err());
    }
}
