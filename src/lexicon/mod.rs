//! Loaded-language lexicons: the embedded default, user files in four formats,
//! and the matcher that finds their terms in text.
//!
//! An [`Entry`] is a term (a word or a phrase, optionally ending in `*` for a
//! prefix wildcard), a category, a weight and where it came from. The default
//! lexicon is `data/lexicon/curated.tsv` (written by hand) plus
//! `data/lexicon/mined.tsv` (made by `slant lexicon mine` from PTC train), both
//! embedded in the binary; on a clash the curated entry wins. Curated entries listed in
//! `data/lexicon/pruned.tsv` (too imprecise on PTC train, also written by
//! `slant lexicon mine`) are left out.

mod caps;
pub mod formats;
pub mod matcher;
pub mod mine;

use std::path::Path;

use crate::ingest::sha256_hex;

pub use formats::LexFormat;
pub use matcher::{is_negator, CapsHit, Hit, Matcher, Voice};

/// A lexicon problem, always naming the file and, where there is one, the line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct LexiconError {
    pub file: String,
    pub line: Option<usize>,
    pub message: String,
}

/// One lexicon entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// Lower-case term as written; words separated by single spaces; may end in `*`.
    pub term: String,
    pub category: String,
    pub weight: f32,
    /// `curated`, `mined`, or the user file's name.
    pub source: String,
    /// For mined entries: share of occurrences inside gold spans on PTC train.
    pub precision: Option<f32>,
    /// For mined entries: occurrences on PTC train.
    pub support: Option<u32>,
    /// Written `=term` in the project format: only this exact word form matches, no
    /// inflection of it (`=blasted` takes `blasted`, not the noun `blast`).
    pub exact: bool,
}

impl Entry {
    /// The term as the project format writes it (`=` before an exact-form term).
    pub fn written_term(&self) -> String {
        if self.exact {
            format!("={}", self.term)
        } else {
            self.term.clone()
        }
    }
}

/// A named, versioned set of entries.
#[derive(Debug, Clone, PartialEq)]
pub struct Lexicon {
    pub name: String,
    pub version: String,
    /// SHA-256 of the file(s) it was read from.
    pub sha256: String,
    pub entries: Vec<Entry>,
}

/// Which lexicon hits the loaded-language counts (`loaded`, `loaded_own`, the categories)
/// include. Every hit is written to `hits.csv` either way, with its `counted` flag, and the
/// tone-filtered count is its own column (`loaded_flagged`) under either rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CountRule {
    /// Hits in sentences the tone model flags: a loaded word in a sentence that otherwise
    /// reads as plain report ("the massacre of 1995 was investigated") is kept as evidence
    /// but not counted. On PTC train (tone model fitted out of fold) this raised hit
    /// precision and article rho; see README.
    Flagged,
    /// Every hit: `loaded` is a dictionary count, as in LIWC and quanteda (the default).
    #[default]
    All,
}

impl CountRule {
    /// Whether a hit in a sentence with this flag is counted.
    pub fn counts(self, sentence_flagged: bool) -> bool {
        self == CountRule::All || sentence_flagged
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CountRule::Flagged => "flagged",
            CountRule::All => "all",
        }
    }
}

/// Category names that would clash with fixed `loaded_*` columns of `articles.csv`.
/// `caps_emphasis` names the emphasis rows of `hits.csv` and their column.
pub const RESERVED_CATEGORIES: &[&str] = &[
    "per_1k",
    "own",
    "own_per_1k",
    "quoted",
    "quoted_per_1k",
    "reported",
    "reported_per_1k",
    "flagged",
    "all",
    "caps_emphasis",
    "encoder",
];

/// How user lexicons combine with the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum LexiconMode {
    /// Default entries plus the user's, with LIWC semantics: a term the user lists under a
    /// category counts there and keeps its embedded categories; a user entry replaces an
    /// embedded one only for the same term and category (its weight, say).
    #[default]
    Extend,
    /// Only the user's entries.
    Replace,
}

/// The Russian lexicon, as embedded (`data/lexicon/ru.tsv`).
pub const RU_TSV: &str = include_str!("../../data/lexicon/ru.tsv");
/// The Ukrainian lexicon, as embedded (`data/lexicon/uk.tsv`).
pub const UK_TSV: &str = include_str!("../../data/lexicon/uk.tsv");

/// The curated part of the default lexicon, as embedded.
pub const CURATED_TSV: &str = include_str!("../../data/lexicon/curated.tsv");
/// The mined part of the default lexicon, as embedded.
pub const MINED_TSV: &str = include_str!("../../data/lexicon/mined.tsv");
/// The mined-only baseline lexicon (mined without a curated base), as embedded.
pub const BASELINE_TSV: &str = include_str!("../../data/lexicon/baseline-mined.tsv");
/// Curated entries dropped for low precision on PTC train, as embedded.
pub const PRUNED_TSV: &str = include_str!("../../data/lexicon/pruned.tsv");
/// Mined terms left out by hand (plain words of general news), as embedded.
pub const EXCLUDED_TSV: &str = include_str!("../../data/lexicon/excluded.tsv");

impl Lexicon {
    /// The embedded default lexicon.
    pub fn default_lexicon() -> Lexicon {
        let curated = formats::parse_slant("data/lexicon/curated.tsv", CURATED_TSV, "curated")
            .expect("embedded curated lexicon is valid (checked by tests)");
        let mined = formats::parse_slant("data/lexicon/mined.tsv", MINED_TSV, "mined")
            .expect("embedded mined lexicon is valid (checked by tests)");
        let mined_version = mined.version.clone();
        let pruned = formats::parse_slant("data/lexicon/pruned.tsv", PRUNED_TSV, "pruned")
            .expect("embedded pruned list is valid (checked by tests)");
        let excluded = formats::parse_slant("data/lexicon/excluded.tsv", EXCLUDED_TSV, "excluded")
            .expect("embedded excluded list is valid (checked by tests)");
        let drop: std::collections::BTreeSet<(String, String)> =
            pruned.entries.into_iter().map(|e| (e.term, e.category)).collect();
        let excluded: std::collections::BTreeSet<(String, String)> =
            excluded.entries.into_iter().map(|e| (e.term, e.category)).collect();
        let mined: Vec<Entry> =
            mined.entries.into_iter().filter(|e| !excluded.contains(&(e.term.clone(), e.category.clone()))).collect();
        let mut lex = Lexicon {
            name: "slant-default".into(),
            version: format!("{}+{}", curated.version, mined_version),
            sha256: sha256_hex(format!("{CURATED_TSV}{MINED_TSV}{PRUNED_TSV}{EXCLUDED_TSV}").as_bytes()),
            entries: curated
                .entries
                .into_iter()
                .filter(|e| !drop.contains(&(e.term.clone(), e.category.clone())))
                .collect(),
        };
        lex.extend(mined, false);
        lex
    }

    /// The embedded lexicon of a language (`en`, `ru`, `uk`); English for any other.
    pub fn embedded(code: &str) -> Lexicon {
        let (file, tsv) = match code {
            "ru" => ("data/lexicon/ru.tsv", RU_TSV),
            "uk" => ("data/lexicon/uk.tsv", UK_TSV),
            _ => return Lexicon::default_lexicon(),
        };
        let mut l = formats::parse_slant(file, tsv, "curated").expect("embedded lexicon is valid (checked by tests)");
        l.sha256 = sha256_hex(tsv.as_bytes());
        l
    }

    /// The mined-only baseline that `slant eval loaded` prints beside the default lexicon.
    pub fn baseline_mined() -> Lexicon {
        let mut l = formats::parse_slant("data/lexicon/baseline-mined.tsv", BASELINE_TSV, "mined")
            .expect("embedded baseline lexicon is valid (checked by tests)");
        l.sha256 = sha256_hex(BASELINE_TSV.as_bytes());
        l
    }

    /// Only the entries from one source (`mined`, `curated`).
    pub fn only_source(&self, source: &str) -> Lexicon {
        Lexicon {
            name: format!("{}[{source}]", self.name),
            version: self.version.clone(),
            sha256: self.sha256.clone(),
            entries: self.entries.iter().filter(|e| e.source == source).cloned().collect(),
        }
    }

    /// Adds entries. A term already present is replaced (all its categories) by the new
    /// entries when `replace_existing`, otherwise the old entries are kept and the new dropped
    /// (how the mined list joins the curated one).
    pub fn extend(&mut self, entries: Vec<Entry>, replace_existing: bool) {
        let new_terms: std::collections::BTreeSet<String> = entries.iter().map(|e| e.term.clone()).collect();
        let old_terms: std::collections::BTreeSet<String> = self.entries.iter().map(|e| e.term.clone()).collect();
        if replace_existing {
            self.entries.retain(|e| !new_terms.contains(&e.term));
            self.entries.extend(entries);
        } else {
            self.entries.extend(entries.into_iter().filter(|e| !old_terms.contains(&e.term)));
        }
    }

    /// Categories in order of first appearance.
    pub fn categories(&self) -> Vec<String> {
        let mut cats: Vec<String> = Vec::new();
        for e in &self.entries {
            if !cats.contains(&e.category) {
                cats.push(e.category.clone());
            }
        }
        cats
    }

    /// Reads a user lexicon file, detecting its format.
    pub fn from_file(path: &Path) -> Result<Lexicon, LexiconError> {
        let bytes = std::fs::read(path).map_err(|e| LexiconError {
            file: path.display().to_string(),
            line: None,
            message: format!("cannot read: {e}"),
        })?;
        formats::parse_any(path, &bytes)
    }

    /// Reads a lexicon file given with `--lexicon` (or to `slant lexicon check`): as
    /// [`Lexicon::from_file`], refusing categories whose `loaded_<category>` column slant
    /// already writes.
    pub fn user_file(path: &Path) -> Result<Lexicon, LexiconError> {
        let u = Lexicon::from_file(path)?;
        if let Some(e) = u.entries.iter().find(|e| RESERVED_CATEGORIES.contains(&e.category.as_str())) {
            return Err(LexiconError {
                file: path.display().to_string(),
                line: None,
                message: format!(
                    "category '{}' would be written as articles.csv column loaded_{}, which slant already uses; rename the category",
                    e.category, e.category
                ),
            });
        }
        Ok(u)
    }

    /// The lexicon a run uses: the default, extended or replaced by user files.
    pub fn build(user: &[std::path::PathBuf], mode: LexiconMode) -> Result<Lexicon, LexiconError> {
        Lexicon::build_on(Lexicon::default_lexicon(), user, mode)
    }

    /// [`Lexicon::build`] on another embedded lexicon than the English one (`base`, as
    /// [`Lexicon::embedded`] gives it).
    pub fn build_on(base: Lexicon, user: &[std::path::PathBuf], mode: LexiconMode) -> Result<Lexicon, LexiconError> {
        let users = user.iter().map(|p| Lexicon::user_file(p)).collect::<Result<Vec<_>, _>>()?;
        Lexicon::build_with(base, &users, mode)
    }

    /// [`Lexicon::build_on`] with the user files already read ([`Lexicon::user_file`]): a run
    /// that builds several languages' lexicons reads each file once (a `--lexicon` pipe can be
    /// read only once).
    pub fn build_with(base: Lexicon, users: &[Lexicon], mode: LexiconMode) -> Result<Lexicon, LexiconError> {
        let mut lex = match mode {
            LexiconMode::Extend => base,
            LexiconMode::Replace => {
                if users.is_empty() {
                    return Err(LexiconError {
                        file: "--lexicon-mode replace".into(),
                        line: None,
                        message: "needs at least one --lexicon FILE".into(),
                    });
                }
                Lexicon { name: String::new(), version: String::new(), sha256: String::new(), entries: Vec::new() }
            }
        };
        let mut names = if lex.name.is_empty() { Vec::new() } else { vec![lex.name.clone()] };
        let mut hashes = vec![lex.sha256.clone()];
        let mut versions = if lex.version.is_empty() { Vec::new() } else { vec![lex.version.clone()] };
        // User files add to one another, and to the embedded lexicon, as LIWC dictionaries do:
        // an entry replaces another (an earlier file's or an embedded one) only for the same
        // term and category, so a term keeps every category any of them gives it.
        let mut user_entries: Vec<Entry> = Vec::new();
        for u in users {
            names.push(u.name.clone());
            hashes.push(u.sha256.clone());
            versions.push(u.version.clone());
            let keys: std::collections::BTreeSet<(&str, &str)> =
                u.entries.iter().map(|e| (e.term.as_str(), e.category.as_str())).collect();
            user_entries.retain(|e| !keys.contains(&(e.term.as_str(), e.category.as_str())));
            user_entries.extend(u.entries.iter().cloned());
        }
        let keys: std::collections::BTreeSet<(&str, &str)> =
            user_entries.iter().map(|e| (e.term.as_str(), e.category.as_str())).collect();
        lex.entries.retain(|e| !keys.contains(&(e.term.as_str(), e.category.as_str())));
        lex.entries.extend(user_entries);
        lex.name = names.join("+");
        lex.version = versions.join("+");
        lex.sha256 = if users.is_empty() { lex.sha256 } else { sha256_hex(hashes.concat().as_bytes()) };
        Ok(lex)
    }
}

/// Summary statistics printed by `slant lexicon check`.
#[derive(Debug, Clone, serde::Serialize)]
pub struct LexiconStats {
    pub name: String,
    pub version: String,
    pub sha256: String,
    pub entries: usize,
    pub phrases: usize,
    pub wildcards: usize,
    /// (category, entries)
    pub categories: Vec<(String, usize)>,
    /// (source, entries)
    pub sources: Vec<(String, usize)>,
}

impl Lexicon {
    pub fn stats(&self) -> LexiconStats {
        let mut sources: Vec<(String, usize)> = Vec::new();
        for e in &self.entries {
            match sources.iter_mut().find(|(s, _)| *s == e.source) {
                Some((_, n)) => *n += 1,
                None => sources.push((e.source.clone(), 1)),
            }
        }
        LexiconStats {
            name: self.name.clone(),
            version: self.version.clone(),
            sha256: self.sha256.clone(),
            entries: self.entries.len(),
            phrases: self.entries.iter().filter(|e| e.term.contains(' ')).count(),
            wildcards: self.entries.iter().filter(|e| e.term.ends_with('*')).count(),
            categories: self
                .categories()
                .into_iter()
                .map(|c| {
                    let n = self.entries.iter().filter(|e| e.category == c).count();
                    (c, n)
                })
                .collect(),
            sources,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_and_ukrainian_lexicons_are_valid_large_and_use_the_english_categories() {
        let english = Lexicon::default_lexicon().categories();
        for code in ["ru", "uk"] {
            let l = Lexicon::embedded(code);
            let terms: std::collections::BTreeSet<&str> = l.entries.iter().map(|e| e.term.as_str()).collect();
            assert!(terms.len() >= 1000, "{code}: {} distinct terms", terms.len());
            for c in l.categories() {
                assert!(english.contains(&c), "{code}: category {c} is not one of the English lexicon's");
            }
            // provenance: every entry says what it is and why
            let tsv = if code == "ru" { RU_TSV } else { UK_TSV };
            for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.starts_with("term\t") && !l.trim().is_empty())
            {
                let note = line.split('\t').nth(4).unwrap_or("");
                assert!(!note.trim().is_empty(), "{code}: no note for {line}");
            }
        }
    }

    #[test]
    fn a_user_term_counts_in_its_category_and_keeps_the_embedded_ones() {
        let dir = tempfile::tempdir().unwrap();
        let user = dir.path().join("mine.tsv");
        std::fs::write(&user, "term\tcategory\tweight\ntyrant\tleaders\t1\ntyrant\tname_calling\t0.3\n").unwrap();
        let cats = |lex: &Lexicon| {
            let mut v: Vec<(String, f32)> =
                lex.entries.iter().filter(|e| e.term == "tyrant").map(|e| (e.category.clone(), e.weight)).collect();
            v.sort_by(|a, b| a.0.cmp(&b.0));
            v
        };
        let default = Lexicon::default_lexicon();
        assert!(cats(&default).iter().any(|(c, _)| c == "name_calling"), "the embedded lexicon lists tyrant");
        // extend (LIWC): both categories, the user's weight where the category is the same
        let lex = Lexicon::build(std::slice::from_ref(&user), LexiconMode::Extend).unwrap();
        let got = cats(&lex);
        assert_eq!(got, [("leaders".to_string(), 1.0), ("name_calling".to_string(), 0.3)]);
        assert_eq!(lex.entries.len(), default.entries.len() + 1, "other embedded entries stay");
        // replace: the user's entries alone
        let lex = Lexicon::build(&[user], LexiconMode::Replace).unwrap();
        assert_eq!(lex.entries.len(), 2);
    }

    #[test]
    fn default_lexicon_leaves_out_pruned_and_excluded_terms() {
        let lex = Lexicon::default_lexicon();
        assert!(lex.entries.len() >= 1500, "{}", lex.entries.len());
        let has = |term: &str, source: &str| lex.entries.iter().any(|e| e.term == term && e.source == source);
        let mined = formats::parse_slant("mined.tsv", MINED_TSV, "mined").unwrap();
        let excluded = formats::parse_slant("excluded.tsv", EXCLUDED_TSV, "excluded").unwrap();
        assert!(!excluded.entries.is_empty());
        let curated = formats::parse_slant("curated.tsv", CURATED_TSV, "curated").unwrap();
        // most of the list is mined terms the miner finds and the default leaves out
        let mined_out = excluded.entries.iter().filter(|e| mined.entries.iter().any(|m| m.term == e.term)).count();
        assert!(mined_out >= 50, "{mined_out}");
        for e in &excluded.entries {
            let same = |m: &Entry| m.term == e.term && m.category == e.category;
            // a mined term left out, or a curated one taken out of curated.tsv: in neither
            assert!(!curated.entries.iter().any(same), "{} is still in curated.tsv", e.term);
            assert!(!lex.entries.iter().any(same), "{} is still in the default lexicon", e.term);
        }
        assert!(has("shamelessly", "mined") && has("skyrocketing", "mined") && has("despot", "curated"));
    }
}
