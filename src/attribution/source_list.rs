//! The source list: its files (`data/sources/*.tsv`, or `--sources FILE`) read and compiled
//! into automata ([`SourceList`]); classifying a phrase with it is `classify.rs`'s work.
//!
//! Rows are `named` (an entity and its aliases), `person` (a person's full names, with a
//! `surname` column), `head` (a generic head noun phrase) or `demonym` (a nationality word or
//! country name with its country code); see `classify.rs` for how each is matched.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::category::Category;
use crate::datafile::Line;

/// A problem in a source list, naming file and line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct SourceListError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) struct Named {
    pub(super) category: Category,
    pub(super) country: String,
    /// The row this pattern belongs to (a person's full name, its variants and its surname
    /// share one).
    pub(super) entry: usize,
    /// A bare surname (`Putin`, `Kim`, `Zhang`): it names the row's person only in an article
    /// that names them in full too, or right after a title (`President Xi`).
    pub(super) short: bool,
    /// A row of kind `person` (a minister is a person, though `government` is mostly bodies).
    pub(super) person: bool,
}

/// A compiled source list.
#[derive(Debug)]
pub struct SourceList {
    pub name: String,
    pub version: String,
    pub sha256: String,
    pub rows: usize,
    pub(super) named_ac: Option<AhoCorasick>,
    /// Per distinct pattern, the rows it names, in list order (`Kim` is a surname of several).
    pub(super) named: Vec<Vec<Named>>,
    /// (lower-case head phrase, category)
    pub(super) heads: Vec<(String, Category)>,
    /// All heads, for overlapping search (pattern index = index into `heads`).
    pub(super) heads_ac: Option<AhoCorasick>,
    pub(super) demonym_ac: Option<AhoCorasick>,
    pub(super) demonym_country: Vec<String>,
    /// The names and the country words again, for overlapping search: which of them end at a
    /// given place ([`SourceList::inside_longer_name`]).
    pub(super) names_ending: Option<AhoCorasick>,
}

/// The embedded default list: its files, each with its own provenance header.
pub const SOURCE_FILES: &[(&str, &str)] = &[
    ("data/sources/sources.tsv", include_str!("../../data/sources/sources.tsv")),
    ("data/sources/institutions.tsv", include_str!("../../data/sources/institutions.tsv")),
    ("data/sources/people.tsv", include_str!("../../data/sources/people.tsv")),
    ("data/sources/countries.tsv", include_str!("../../data/sources/countries.tsv")),
];

/// Whether a category's rows are people, whose bare surname is a short form (the rest are
/// bodies).
fn is_person_category(c: Category) -> bool {
    use Category::*;
    matches!(c, Leader | Government | Military | Expert | Other)
}

/// Whether `alias` is a bare surname of a person row: one capitalised word, not an acronym,
/// that is a word of the row's name or of one of its longer aliases (`Putin` of `Vladimir
/// Putin`, but not `MBS` or `Congress`).
fn is_surname_alias(alias: &str, full: &[&str], category: Category) -> bool {
    !alias.contains(' ')
        && is_person_category(category)
        && alias.chars().any(char::is_lowercase)
        && full.iter().any(|f| f.contains(' ') && f.split([' ', '-']).any(|w| w == alias))
}

/// A name without its accents (`Orbán` -> `Orban`), as news in English often writes it.
fn fold_accents(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    s.nfd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).collect()
}

/// Rows of source-list files compiled into one [`SourceList`].
#[derive(Default)]
struct Builder {
    named_pats: Vec<String>,
    named: Vec<Vec<Named>>,
    pat_index: std::collections::HashMap<String, usize>,
    heads: Vec<(String, Category)>,
    dem_pats: Vec<String>,
    dem_country: Vec<String>,
    rows: usize,
    names: Vec<String>,
    versions: Vec<String>,
    texts: Vec<u8>,
}

impl SourceList {
    /// The embedded default list.
    pub fn default_list() -> SourceList {
        let mut b = Builder::default();
        for (file, text) in SOURCE_FILES {
            b.add(file, text).expect("embedded source list is valid (tested)");
        }
        b.finish()
    }

    /// The embedded list extended by a user's source list file (its rows add to the embedded
    /// ones; a user's named row wins over an embedded one of the same length).
    pub fn with_file(path: &std::path::Path) -> Result<SourceList, SourceListError> {
        let file = path.display().to_string();
        let text = read_text(path)?;
        let mut b = Builder::default();
        b.add(&file, &text)?;
        for (f, t) in SOURCE_FILES {
            b.add(f, t).expect("embedded source list is valid (tested)");
        }
        Ok(b.finish())
    }

    /// Reads a source list file on its own (without the embedded rows).
    pub fn from_file(path: &std::path::Path) -> Result<SourceList, SourceListError> {
        let file = path.display().to_string();
        SourceList::parse(&file, &read_text(path)?)
    }

    /// Parses one file in the TSV format `name, category, country, kind, aliases, note`
    /// (and, for `person` rows, `surname`).
    pub fn parse(file: &str, text: &str) -> Result<SourceList, SourceListError> {
        let mut b = Builder::default();
        b.add(file, text)?;
        Ok(b.finish())
    }
}

/// A source list file's text; Latin-1 when it is not UTF-8.
fn read_text(path: &std::path::Path) -> Result<String, SourceListError> {
    let file = path.display().to_string();
    let bytes =
        std::fs::read(path).map_err(|e| SourceListError { file, line: 0, message: format!("cannot read: {e}") })?;
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => e.into_bytes().iter().map(|&b| b as char).collect(),
    })
}

impl Builder {
    fn add(&mut self, file: &str, text: &str) -> Result<(), SourceListError> {
        let err = |line: usize, message: String| SourceListError { file: file.to_string(), line, message };
        let mut name = "sources".to_string();
        let mut version = "unversioned".to_string();
        let mut header: Option<Vec<String>> = None;
        self.texts.extend_from_slice(text.as_bytes());
        for item in crate::datafile::lines(text) {
            let (n, line) = match item {
                Line::Setting { key: "name", value, .. } => {
                    name = value.to_string();
                    continue;
                }
                Line::Setting { key: "version", value, .. } => {
                    version = value.to_string();
                    continue;
                }
                Line::Setting { .. } => continue,
                Line::Row { number, text } => (number, text),
            };
            let f: Vec<&str> = line.split('\t').map(str::trim).collect();
            let Some(h) = &header else {
                let h: Vec<String> = f.iter().map(|x| x.to_ascii_lowercase()).collect();
                for need in ["name", "category", "country", "kind"] {
                    if !h.iter().any(|c| c == need) {
                        return Err(err(n, format!("header row lacks column '{need}'")));
                    }
                }
                header = Some(h);
                continue;
            };
            if f.len() > h.len() || f.len() < 4 {
                return Err(err(n, format!("expected {} tab-separated fields, found {}", h.len(), f.len())));
            }
            let get = |c: &str| h.iter().position(|x| x == c).and_then(|i| f.get(i).copied()).unwrap_or("");
            let (entry, category, country, kind) = (get("name"), get("category"), get("country"), get("kind"));
            if entry.is_empty() {
                return Err(err(n, "empty name".into()));
            }
            self.rows += 1;
            let cat = || category.parse::<Category>().map_err(|e| err(n, e.to_string()));
            let aliases = || get("aliases").split(';').map(str::trim).filter(|a| !a.is_empty());
            match kind {
                "named" | "person" => {
                    let c = cat()?;
                    let id = self.rows;
                    let full: Vec<&str> = std::iter::once(entry).chain(aliases()).collect();
                    // a surname that names one person in world news on its own (`Putin`)
                    let alone = get("alone").eq_ignore_ascii_case("yes");
                    for pat in &full {
                        let short = !alone && is_surname_alias(pat, &full, c);
                        if kind == "person" && !pat.contains(' ') {
                            return Err(err(n, format!("'{pat}': a person's name and aliases are full names (a bare surname goes in 'surname')")));
                        }
                        let person = kind == "person";
                        self.push_named(
                            pat,
                            Named { category: c, country: country.to_string(), entry: id, short, person },
                        );
                    }
                    for sur in get("surname").split(';').map(str::trim).filter(|a| !a.is_empty()) {
                        if !full.iter().any(|f| f.split([' ', '-']).any(|w| w == sur) || f.contains(sur)) {
                            return Err(err(n, format!("surname '{sur}' is not part of the name")));
                        }
                        let named = Named {
                            category: c,
                            country: country.to_string(),
                            entry: id,
                            short: !alone,
                            person: kind == "person",
                        };
                        let plain = fold_accents(sur);
                        if plain != sur {
                            self.push_named(&plain, named.clone());
                        }
                        self.push_named(sur, named);
                    }
                }
                "head" => {
                    let c = cat()?;
                    self.heads.push((entry.to_lowercase(), c));
                    for a in aliases() {
                        self.heads.push((a.to_lowercase(), c));
                    }
                }
                "demonym" => {
                    if country.is_empty() {
                        return Err(err(n, "a demonym needs a country".into()));
                    }
                    self.dem_pats.push(entry.to_string());
                    self.dem_country.push(country.to_string());
                    for a in aliases() {
                        self.dem_pats.push(a.to_string());
                        self.dem_country.push(country.to_string());
                    }
                }
                other => return Err(err(n, format!("unknown kind '{other}' (named, person, head, demonym)"))),
            }
        }
        if header.is_none() {
            return Err(err(1, "no header row (name, category, country, kind, ...)".into()));
        }
        self.names.push(name);
        self.versions.push(version);
        Ok(())
    }

    fn push_named(&mut self, pat: &str, n: Named) {
        let at = *self.pat_index.entry(pat.to_string()).or_insert_with(|| {
            self.named_pats.push(pat.to_string());
            self.named.push(Vec::new());
            self.named_pats.len() - 1
        });
        self.named[at].push(n);
    }

    fn finish(mut self) -> SourceList {
        // Longest heads first, so "intelligence agencies" wins over "agencies".
        self.heads.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let build = |pats: &[String]| {
            (!pats.is_empty())
                .then(|| AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(pats).ok())
                .flatten()
        };
        SourceList {
            name: self.names.join("+"),
            version: self.versions.join("+"),
            sha256: crate::ingest::sha256_hex(&self.texts),
            rows: self.rows,
            named_ac: build(&self.named_pats),
            named: self.named,
            heads_ac: (!self.heads.is_empty())
                .then(|| {
                    AhoCorasickBuilder::new()
                        .match_kind(MatchKind::Standard)
                        .build(self.heads.iter().map(|h| h.0.as_str()))
                        .ok()
                })
                .flatten(),
            heads: self.heads,
            demonym_ac: build(&self.dem_pats),
            demonym_country: self.dem_country,
            names_ending: (!self.named_pats.is_empty() || !self.dem_pats.is_empty())
                .then(|| {
                    AhoCorasickBuilder::new()
                        .match_kind(MatchKind::Standard)
                        .build(self.named_pats.iter().chain(&self.dem_pats))
                        .ok()
                })
                .flatten(),
        }
    }
}
