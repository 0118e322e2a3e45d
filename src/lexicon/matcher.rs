//! Finding lexicon terms in text.
//!
//! Text side: every word is split at hyphens into parts; each part is normalised
//! (lower case, typographic apostrophes folded) and stemmed. The stems are laid out
//! as one string, `\x01stem\x01stem...`, with `\x02` between sentences, and all
//! lexicon patterns are found in it with one Aho-Corasick automaton (no regex, no
//! per-token lookups). A pattern is a term's part stems joined the same way, so
//! single words and phrases are matched alike and a phrase never crosses a sentence.
//!
//! Rules:
//! - **Stems**: `tyrant` matches `tyrants`, `Tyrant's`; possessives are removed by the stemmer.
//! - **Inflections, not derivations** (English): the stem finds candidates, then every
//!   word must be the term's word or a form of it by a regular ending (plural, past,
//!   `-ing`, `-ly`, `-er`/`-est`, possessive, and also `-ness` and agent `-er`:
//!   `ruthlessness`, `murderer`), with the usual spelling changes. Snowball gives
//!   `dictator` and `dictates`, `treasonous` and `treason`, `corrupt` and `corruption`
//!   one stem; they are different words, so such a derived form needs its own entry.
//! - **Hyphen and spacing variants**: a term with several parts (`meat-grinder`,
//!   `witch hunt`) also matches its parts written together (`meatgrinder`, `witchhunt`),
//!   and hyphens and spaces between parts are interchangeable.
//! - **Word boundaries**: a hit starts at the start of a word and ends at the end of a
//!   word (`war` does not match inside `anti-war`).
//! - **Longest match wins**: overlapping candidates are resolved left to right, longest
//!   first (`special military operation` beats `operation`).
//! - **Wildcards** (`abandon*`, from user lexicons) match word prefixes of the surface form.
//! - **Negation**: a hit preceded within three words of its sentence by `not`, `no`,
//!   `never`, `n't` and the like is flagged `negated` (negation does not remove a hit), unless
//!   `just`, `only`, `merely`, `simply` or `but` follows the negator (`not just a sham`).
//! - **Voice**: a hit whose first word lies inside a quotation is `quoted`, else `own`; the
//!   pipeline then marks an `own` hit inside the content of an attribution `reported`.
//! - **ALL-CAPS emphasis**: words written in capitals for emphasis, but not acronyms,
//!   handles, labels or page furniture; the rules are in [`super::caps`].

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use crate::text::Stemmer;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::{Entry, Lexicon};
use crate::text::{normalize, normalize_into, Lang, TextAnalysis};

/// Whose words a hit is in: the outlet's own voice, a quotation (inside quotation marks), or
/// reported speech (the content of an attribution outside quotation marks: `officials said the
/// regime was collapsing`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Voice {
    Own,
    Quoted,
    Reported,
}

impl Voice {
    pub const ALL: [Voice; 3] = [Voice::Own, Voice::Quoted, Voice::Reported];

    pub fn as_str(self) -> &'static str {
        match self {
            Voice::Own => "own",
            Voice::Quoted => "quoted",
            Voice::Reported => "reported",
        }
    }

    /// The voice of a word outside quotation marks whose byte position `at` lies, or not,
    /// inside one of `contents` (attribution contents, disjoint and in order, as
    /// [`crate::attribution::AttrResult::contents`] holds them).
    pub fn outside_quotes(at: usize, contents: &[std::ops::Range<usize>]) -> Voice {
        let k = contents.partition_point(|c| c.start <= at);
        if k > 0 && at < contents[k - 1].end {
            Voice::Reported
        } else {
            Voice::Own
        }
    }
}

/// Words that make the label after them a fact of record (a conviction, a register): the
/// label is not counted (`convicted paedophile`, `registered sex offender`).
pub const FACTUAL_LABEL_OPENERS: &[&str] = &["convicted", "registered", "self-confessed", "self-described"];

/// One lexicon hit.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Byte range in the text.
    pub start: usize,
    pub end: usize,
    /// Index into [`Matcher::entries`].
    pub entry: usize,
    pub voice: Voice,
    pub negated: bool,
    /// Index of the sentence.
    pub sentence: u32,
}

/// A word written in capitals for emphasis.
#[derive(Debug, Clone, PartialEq)]
pub struct CapsHit {
    pub start: usize,
    pub end: usize,
    pub voice: Voice,
    pub sentence: u32,
}

/// A compiled lexicon.
pub struct Matcher {
    pub entries: Vec<Entry>,
    pub categories: Vec<String>,
    /// Category index of each entry.
    pub entry_category: Vec<usize>,
    stems: Option<AhoCorasick>,
    stem_targets: Vec<Vec<usize>>,
    wild: Option<AhoCorasick>,
    wild_targets: Vec<Vec<usize>>,
    /// Lower-case forms of all single-word terms, for the emphasis rule.
    term_words: BTreeSet<String>,
    /// Normalised words (hyphen parts) of each entry's term, for the inflection check.
    entry_parts: Vec<Vec<String>>,
    lang: Lang,
}

const SEP: char = '\x01';
const SENT: char = '\x02';

const NEGATORS: &[&str] =
    &["barely", "cannot", "hardly", "neither", "never", "no", "nobody", "none", "nor", "not", "nothing", "without"];

/// Is `word` (any case) a negator that flags the hit after it (`not`, `never`, `n't`...)?
pub fn is_negator(word: &str) -> bool {
    is_normalized_negator(&normalize(word))
}

/// [`is_negator`] of a word already through [`normalize`].
fn is_normalized_negator(lower: &str) -> bool {
    NEGATORS.contains(&lower) || lower.ends_with("n't")
}

/// The hyphens that split a word into parts.
const HYPHENS: [char; 3] = ['-', '‐', '‑'];

fn split_parts(word: &str) -> impl Iterator<Item = (usize, &str)> {
    word.split(HYPHENS).filter(|p| !p.is_empty()).map(move |p| (p.as_ptr() as usize - word.as_ptr() as usize, p))
}

/// Adds entry `i` to a pattern's targets (once).
fn add_target(pats: &mut BTreeMap<String, Vec<usize>>, pat: String, i: usize) {
    let v = pats.entry(pat).or_default();
    if !v.contains(&i) {
        v.push(i);
    }
}

/// Among the entries a candidate matched, the ones that count. Two terms that match the
/// same words give one hit, not two: an entry is kept only when no earlier kept entry
/// has its category, and a mined entry only when none is kept.
fn dedupe(accepted: &[usize], entries: &[Entry]) -> Vec<usize> {
    let mut kept: Vec<usize> = Vec::with_capacity(accepted.len());
    for &i in accepted {
        let e = &entries[i];
        if !kept.iter().any(|&j| entries[j].category == e.category || e.source == "mined") {
            kept.push(i);
        }
    }
    kept
}

/// Possible base forms of an English word form: itself, and for each inflectional
/// ending it carries (`-s`, `-es`, `-ed`, `-ing`, `-ly`, `-ally`, `-er`, `-est`, `-ness`,
/// `-ingly`, `-edly`, possessive `'s`) the remainder, with the usual spelling repairs
/// (a dropped final `e`, `i` back to `y`, an undoubled consonant, `ck` back to `c`,
/// `-men` to `-man`, `-ves` to `-f`/`-fe`).
///
/// With `nouns` unset, `-ness` is not removed: a lexicon's `-ness` noun does not match the
/// bare word (`wokeness` is not `woke`, as in `woke up`), while a text's `-ness` noun still
/// matches the lexicon's adjective (`callousness` for `callous`).
fn bases(form: &str, nouns: bool) -> Vec<String> {
    let w = form.strip_suffix("'s").or_else(|| form.strip_suffix('\'')).unwrap_or(form);
    let mut out = vec![w.to_string()];
    const ENDINGS: &[&str] = &[
        "ingly", "edly", "ally", "ness", "ing", "est", "ers", "ies", "ied", "es", "ed", "er", "ly", "st", "s", "d",
        "r", "y",
    ];
    for end in ENDINGS.iter().filter(|e| nouns || **e != "ness") {
        let Some(root) = w.strip_suffix(end) else { continue };
        if root.chars().count() < 2 {
            continue;
        }
        out.push(root.to_string());
        out.push(format!("{root}e"));
        if matches!(*end, "ies" | "ied") {
            out.push(format!("{root}y"));
        }
        if let Some(r) = root.strip_suffix('i') {
            out.push(format!("{r}y"));
        }
        if let Some(r) = root.strip_suffix("ck") {
            out.push(format!("{r}c"));
        }
        let b = root.as_bytes();
        let last = b.len().checked_sub(1).map(|k| b[k]);
        if b.len() >= 3
            && last.is_some_and(|c| c.is_ascii_alphabetic() && !b"aeiou".contains(&c))
            && b[b.len() - 2] == b[b.len() - 1]
        {
            out.push(root[..root.len() - 1].to_string());
        }
    }
    if let Some(r) = w.strip_suffix("men") {
        out.push(format!("{r}man"));
    }
    if let Some(r) = w.strip_suffix("ves") {
        out.push(format!("{r}f"));
        out.push(format!("{r}fe"));
    }
    out
}

/// Whether `surface` and `word` (both normalised) are forms of one English word: equal,
/// or sharing a base form once inflectional endings are removed (`tyrants` and `tyrant`,
/// `shocking` and `shocked`, `hating` and `hate`, `crazier` and `crazy`, `slammed` and
/// `slam`, `henchmen` and `henchman`). Derivations are different words even where
/// Snowball gives them one stem: `dictates` is not `dictator`, `treason` is not
/// `treasonous`, `corruption` is not `corrupt`.
pub fn is_inflection(surface: &str, word: &str) -> bool {
    if surface == word {
        return true;
    }
    let a = bases(surface, true);
    let b = bases(word, false);
    a.iter().any(|x| b.contains(x))
}

fn build(patterns: &BTreeMap<String, Vec<usize>>) -> (Option<AhoCorasick>, Vec<Vec<usize>>) {
    if patterns.is_empty() {
        return (None, Vec::new());
    }
    let keys: Vec<&String> = patterns.keys().collect();
    let ac = AhoCorasickBuilder::new().match_kind(MatchKind::Standard).build(&keys).ok();
    (ac, patterns.values().cloned().collect())
}

impl Matcher {
    /// Compiles a lexicon for a language.
    pub fn new(lexicon: &Lexicon, lang: Lang) -> Matcher {
        let stemmer = lang.stemmer();
        let categories = lexicon.categories();
        let entry_category =
            lexicon.entries.iter().map(|e| categories.iter().position(|c| *c == e.category).unwrap_or(0)).collect();
        let mut stem_pats: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut wild_pats: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut term_words = BTreeSet::new();
        let mut entry_parts = Vec::with_capacity(lexicon.entries.len());
        for (i, e) in lexicon.entries.iter().enumerate() {
            let wildcard = e.term.ends_with('*');
            let term = e.term.trim_end_matches('*');
            let parts: Vec<String> =
                term.split(' ').flat_map(|w| split_parts(w).map(|(_, p)| normalize(p)).collect::<Vec<_>>()).collect();
            entry_parts.push(parts.clone());
            if parts.is_empty() {
                continue;
            }
            if !term.contains(' ') && !wildcard {
                term_words.insert(normalize(term));
            }
            if wildcard {
                let pat: String = parts.iter().flat_map(|p| [SEP.to_string(), p.clone()]).collect();
                add_target(&mut wild_pats, pat, i);
                continue;
            }
            let stems: Vec<String> = parts.iter().map(|p| stemmer.stem(p).into_owned()).collect();
            let pat: String = stems.iter().flat_map(|s| [SEP.to_string(), s.clone()]).collect();
            add_target(&mut stem_pats, pat, i);
            if stems.len() > 1 {
                let joined = format!("{SEP}{}", stemmer.stem(&parts.concat()));
                add_target(&mut stem_pats, joined, i);
            }
        }
        let (stems, stem_targets) = build(&stem_pats);
        let (wild, wild_targets) = build(&wild_pats);
        Matcher {
            entries: lexicon.entries.clone(),
            categories,
            entry_category,
            stems,
            stem_targets,
            wild,
            wild_targets,
            term_words,
            entry_parts,
            lang,
        }
    }

    /// Whether the text parts `p0..=p1` are the words of entry `e` or inflections of them
    /// (only the words themselves, possessive `'s` allowed, for an exact-form entry in any
    /// language; outside English every other entry is taken on its stems alone).
    /// `surf(k)` is text part `k` normalised.
    fn accepts<'s>(&self, e: usize, surf: impl Fn(usize) -> &'s str, p0: usize, p1: usize) -> bool {
        let exact = self.entries[e].exact;
        if !exact && self.lang.name() != "english" {
            return true;
        }
        let words = &self.entry_parts[e];
        let same = |surface: &str, word: &str| {
            if exact {
                surface.strip_suffix("'s").unwrap_or(surface) == word
            } else {
                is_inflection(surface, word)
            }
        };
        if p1 - p0 + 1 == words.len() {
            (p0..=p1).zip(words).all(|(k, w)| same(surf(k), w))
        } else if p0 == p1 {
            same(surf(p0), &words.concat())
        } else {
            false
        }
    }

    /// Finds lexicon hits and capitals emphasis in an analysed text.
    pub fn find(&self, text: &str, analysis: &TextAnalysis) -> (Vec<Hit>, Vec<CapsHit>) {
        let stemmer: Stemmer = self.lang.stemmer();
        // Parts: (token index, byte start, byte end)
        let mut parts: Vec<(usize, usize, usize)> = Vec::with_capacity(analysis.tokens.len() + 8);
        let mut first_part = Vec::with_capacity(analysis.tokens.len());
        let mut stem_stream = String::with_capacity(text.len());
        let mut surf_stream = String::with_capacity(text.len());
        let mut stem_pos: Vec<usize> = Vec::new();
        let mut surf_pos: Vec<usize> = Vec::new();
        let mut lowered: Vec<Cow<str>> = Vec::with_capacity(analysis.tokens.len());
        // an English lexicon reads the stems the analysis computed once
        let english = self.lang == Lang::english();
        let mut last_sentence = u32::MAX;
        let mut norm = String::new();
        for (ti, tok) in analysis.tokens.iter().enumerate() {
            if tok.sentence != last_sentence {
                stem_stream.push(SENT);
                surf_stream.push(SENT);
                last_sentence = tok.sentence;
            }
            let word = tok.text(text);
            let forms = analysis.forms(ti);
            lowered.push(forms.map_or_else(|| Cow::Owned(normalize(word)), |(norm, _)| Cow::Borrowed(norm)));
            first_part.push(parts.len());
            match forms {
                // a word of one part: its normal form and stem are the analysis's
                Some((norm, stem)) if english && !word.is_empty() && !word.contains(HYPHENS) => {
                    stem_pos.push(stem_stream.len());
                    stem_stream.push(SEP);
                    stem_stream.push_str(stem);
                    surf_pos.push(surf_stream.len());
                    surf_stream.push(SEP);
                    surf_stream.push_str(norm);
                    parts.push((ti, tok.start, tok.end));
                    continue;
                }
                _ => {}
            }
            for (off, p) in split_parts(word) {
                normalize_into(p, &mut norm);
                stem_pos.push(stem_stream.len());
                stem_stream.push(SEP);
                self.lang.stem_into(&stemmer, &norm, &mut stem_stream);
                surf_pos.push(surf_stream.len());
                surf_stream.push(SEP);
                surf_stream.push_str(&norm);
                parts.push((ti, tok.start + off, tok.start + off + p.len()));
            }
        }
        // Candidates: (first token, last token, entries that count)
        let mut cands: Vec<(usize, usize, Vec<usize>)> = Vec::new();
        let boundary = |s: &str, e: usize| e == s.len() || matches!(s.as_bytes()[e], 1 | 2);
        let part_at = |pos: &[usize], offset: usize| pos.partition_point(|&p| p <= offset).saturating_sub(1);
        // Part k as normalised into the surface stream: from after its separator to the next one.
        let part_surface = |k: usize| {
            let rest = &surf_stream[surf_pos[k] + SEP.len_utf8()..];
            &rest[..rest.find([SEP, SENT]).unwrap_or(rest.len())]
        };
        if let Some(ac) = &self.stems {
            for m in ac.find_overlapping_iter(&stem_stream) {
                if !boundary(&stem_stream, m.end()) {
                    continue;
                }
                let (p0, p1) = (part_at(&stem_pos, m.start()), part_at(&stem_pos, m.end() - 1));
                let (t0, t1) = (parts[p0].0, parts[p1].0);
                let token_end = p1 + 1 == parts.len() || parts[p1 + 1].0 != t1;
                if first_part[t0] == p0 && token_end {
                    let accepted: Vec<usize> = self.stem_targets[m.pattern().as_usize()]
                        .iter()
                        .copied()
                        .filter(|&e| self.accepts(e, part_surface, p0, p1))
                        .collect();
                    if !accepted.is_empty() {
                        cands.push((t0, t1, dedupe(&accepted, &self.entries)));
                    }
                }
            }
        }
        if let Some(ac) = &self.wild {
            for m in ac.find_overlapping_iter(&surf_stream) {
                let (p0, p1) = (part_at(&surf_pos, m.start()), part_at(&surf_pos, m.end() - 1));
                let (t0, t1) = (parts[p0].0, parts[p1].0);
                if first_part[t0] == p0 {
                    cands.push((t0, t1, dedupe(&self.wild_targets[m.pattern().as_usize()], &self.entries)));
                }
            }
        }
        cands.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        // Longest match wins; candidates for the very same span (an exact term and a wildcard,
        // say) pool their entries, one per category.
        let mut spans: Vec<(usize, usize, Vec<usize>)> = Vec::new();
        let mut next_free = 0usize;
        for (t0, t1, entries) in cands {
            match spans.last_mut() {
                Some(last) if (last.0, last.1) == (t0, t1) => {
                    let pooled: Vec<usize> = last.2.iter().chain(&entries).copied().collect();
                    last.2 = dedupe(&pooled, &self.entries);
                }
                _ if t0 < next_free => {}
                _ => {
                    next_free = t1 + 1;
                    spans.push((t0, t1, entries));
                }
            }
        }
        let mut hits = Vec::new();
        for (t0, t1, entries) in spans {
            let tok = &analysis.tokens[t0];
            // `convicted paedophile`, `registered sex offender`: a court's or a register's label,
            // named as such, is a fact of the report, not loaded language
            if t0 > 0
                && analysis.tokens[t0 - 1].sentence == tok.sentence
                && FACTUAL_LABEL_OPENERS.contains(&&*lowered[t0 - 1])
            {
                continue;
            }
            // `not just a sham`, `nothing but a thug`, `not only brutal`: these affirm the hit
            let affirms =
                |k: usize| k + 1 < t0 && matches!(&*lowered[k + 1], "just" | "only" | "merely" | "simply" | "but");
            let negated = (t0.saturating_sub(3)..t0).any(|k| {
                analysis.tokens[k].sentence == tok.sentence && is_normalized_negator(&lowered[k]) && !affirms(k)
            });
            for entry in entries {
                hits.push(Hit {
                    start: tok.start,
                    end: analysis.tokens[t1].end,
                    entry,
                    voice: if tok.quoted { Voice::Quoted } else { Voice::Own },
                    negated,
                    sentence: tok.sentence,
                });
            }
        }
        let caps = super::caps::find(text, analysis, &lowered, &self.term_words);
        (hits, caps)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::formats::parse_slant;
    use crate::text::analyze;

    fn lex() -> Lexicon {
        parse_slant(
            "t.tsv",
            "term\tcategory\nmeat-grinder\tviolent\ntyrant\tlabel\nwar\tother\nspecial military operation\teuph\noperation\tother\nwitch hunt\tlabel\nunprecedented\texag\nregime\tlabel\n",
            "curated",
        )
        .unwrap()
    }

    type Row = (String, String, &'static str, bool);

    fn run(text: &str) -> Vec<Row> {
        let m = Matcher::new(&lex(), Lang::english());
        let a = analyze(text, &[0..text.len()]);
        let (hits, _) = m.find(text, &a);
        hits.iter()
            .map(|h| (text[h.start..h.end].to_string(), m.entries[h.entry].term.clone(), h.voice.as_str(), h.negated))
            .collect()
    }

    #[test]
    fn matching_table() {
        let t = |s: &str, a: &str, _: &str| (s.to_string(), a.to_string(), "own", false);
        let cases: Vec<(&str, Vec<Row>)> = vec![
            ("Putin's meatgrinder war.", vec![t("meatgrinder", "meat-grinder", ""), t("war", "war", "")]),
            ("a meat grinder", vec![t("meat grinder", "meat-grinder", "")]),
            ("a Meat-Grinders", vec![t("Meat-Grinders", "meat-grinder", "")]),
            ("The tyrant's tyrants.", vec![t("tyrant's", "tyrant", ""), t("tyrants", "tyrant", "")]),
            ("an anti-war march", vec![]),
            ("a special military operation", vec![t("special military operation", "special military operation", "")]),
            ("the operation ended", vec![t("operation", "operation", "")]),
            ("a witch. Hunt", vec![]),
            ("a witch-hunt and a witchhunt", vec![t("witch-hunt", "witch hunt", ""), t("witchhunt", "witch hunt", "")]),
        ];
        for (text, want) in cases {
            assert_eq!(run(text), want, "{text}");
        }
    }

    /// An exact term and a wildcard of another category that match the same words give one hit
    /// per category; a longer match still wins over both.
    #[test]
    fn an_exact_term_and_a_wildcard_on_one_span_pool_their_categories() {
        let mut lexicon =
            parse_slant("w.tsv", "term\tcategory\nrocket\tweapons\nrocket attack\tviolence\n", "curated").unwrap();
        lexicon
            .entries
            .extend(crate::lexicon::formats::parse_liwc("l.dic", "%\n1\tposemo\n%\nrock*\t1\n", "l").unwrap().entries);
        let m = Matcher::new(&lexicon, Lang::english());
        let text = "A rocket hit the rocky hill. A rocket attack followed.";
        let a = analyze(text, &[0..text.len()]);
        let (hits, _) = m.find(text, &a);
        let got: Vec<(&str, &str)> =
            hits.iter().map(|h| (&text[h.start..h.end], m.entries[h.entry].category.as_str())).collect();
        assert_eq!(
            got,
            [("rocket", "weapons"), ("rocket", "posemo"), ("rocky", "posemo"), ("rocket attack", "violence")]
        );
    }

    #[test]
    fn voice_and_negation() {
        let got = run("He is not a tyrant, he said “this regime is unprecedented”.");
        assert_eq!(
            got,
            vec![
                ("tyrant".into(), "tyrant".into(), "own", true),
                ("regime".into(), "regime".into(), "quoted", false),
                ("unprecedented".into(), "unprecedented".into(), "quoted", false),
            ]
        );
        let negated = |t: &str| run(t).iter().map(|h| h.3).collect::<Vec<_>>();
        assert_eq!(negated("It is not just a tyrant. He is nothing but a tyrant. Not only a tyrant."), [false; 3]);
        assert_eq!(negated("He is not merely a tyrant, and never a tyrant."), [false, true]);
    }

    #[test]
    fn labels_of_record_and_bare_words_of_a_noun_entry_are_not_hits() {
        let tsv = "term\tcategory\nwokeness\tx\ncallous\tx\npaedophile\tx\n";
        let lex = parse_slant("d.tsv", tsv, "curated").unwrap();
        let m = Matcher::new(&lex, Lang::english());
        let text = "The city woke up to the news. Critics decried wokeness and the callousness of the \
                    paedophile ring. He met a convicted paedophile. Convicted. Paedophile networks grew.";
        let (hits, _) = m.find(text, &analyze(text, &[0..text.len()]));
        let words: Vec<&str> = hits.iter().map(|h| &text[h.start..h.end]).collect();
        // `woke` is not `wokeness`; `convicted paedophile` is a conviction named as such, but
        // the label after a sentence break is counted
        assert_eq!(words, ["wokeness", "callousness", "paedophile", "Paedophile"]);
    }

    #[test]
    fn default_lexicon_knows_the_loaded_classes_of_conflict_and_political_news() {
        // separatist framing, epithets of a country's name, animal verbs for speech, hardship and
        // disgrace, manipulation framing, war metaphors for politics, partisan idioms
        let text = "Communist China howled at the secessionist forces. The disgraced envoy, holed up in a \
                    bleak lodge, called it a gambit in the culture wars. He is the darling of the Left. \
                    Officials met in Orsa on Tuesday and the talks went on.";
        let m = Matcher::new(&crate::lexicon::Lexicon::default_lexicon(), Lang::english());
        let a = analyze(text, &[0..text.len()]);
        let (hits, _) = m.find(text, &a);
        let words: Vec<String> = hits.iter().map(|h| text[h.start..h.end].to_lowercase()).collect();
        for want in ["communist china", "howled", "secessionist forces", "disgraced", "holed up", "bleak", "gambit"] {
            assert!(words.iter().any(|w| w == want), "{want}: {words:?}");
        }
        assert!(words.iter().any(|w| w.starts_with("culture war")), "{words:?}");
        assert!(words.iter().any(|w| w == "darling of the left"), "{words:?}");
        // plain reporting stays plain
        let plain = text.find("Officials").unwrap();
        assert!(hits.iter().all(|h| h.start < plain), "{words:?}");
    }

    #[test]
    fn terms_that_stem_alike_count_once() {
        let lex = parse_slant(
            "d.tsv",
            "term\tcategory\tsource\ndespot\tlabel\tcurated\ndespotic\tlabel\tcurated\ndespots\tother\tmined\n",
            "x",
        )
        .unwrap();
        let m = Matcher::new(&lex, Lang::english());
        let text = "The despot.";
        let (hits, _) = m.find(text, &analyze(text, &[0..text.len()]));
        assert_eq!(hits.len(), 1);
        assert_eq!(m.entries[hits[0].entry].term, "despot");
    }

    #[test]
    fn exact_form_terms_take_no_inflection() {
        let tsv = "term\tcategory\n=blasted\tx\nrampage\tx\n=raging fire\ty\n";
        let lex = parse_slant("d.tsv", tsv, "curated").unwrap();
        assert!(lex.entries[0].exact && !lex.entries[1].exact && lex.entries[2].exact);
        assert_eq!(lex.entries[0].term, "blasted");
        assert_eq!(lex.entries[0].written_term(), "=blasted");
        let text = "A blast shook the town. Two blasts followed. The mayor blasted the army's \
                    rampages on the Blasted Heath's ruin. A raging fire, raging fires.";
        let m = Matcher::new(&lex, Lang::english());
        let (hits, _) = m.find(text, &analyze(text, &[0..text.len()]));
        let words: Vec<&str> = hits.iter().map(|h| &text[h.start..h.end]).collect();
        assert_eq!(words, ["blasted", "rampages", "Blasted", "raging fire"]);
        // The exact form holds in other languages too, where other entries match by stem.
        let m = Matcher::new(&lex, Lang::parse("german").unwrap());
        let text = "Die blast und blasted.";
        let (hits, _) = m.find(text, &analyze(text, &[0..text.len()]));
        assert_eq!(hits.iter().map(|h| &text[h.start..h.end]).collect::<Vec<_>>(), ["blasted"]);
        let bad = parse_slant("d.tsv", "term\tcategory\n=blast*\tx\n", "x").unwrap_err();
        assert_eq!(bad.line, Some(2));
        assert!(bad.message.contains("exact-form"), "{}", bad.message);
    }

    #[test]
    fn inflections_match_derivations_do_not() {
        for (surface, word) in [
            ("tyrants", "tyrant"),
            ("tyrant's", "tyrant"),
            ("shocking", "shocked"),
            ("shockingly", "shocked"),
            ("hating", "hate"),
            ("terribly", "terrible"),
            ("crazier", "crazy"),
            ("bloodied", "bloody"),
            ("slammed", "slam"),
            ("panicked", "panic"),
            ("henchmen", "henchman"),
            ("horrifically", "horrific"),
            ("signaling", "signalling"),
        ] {
            assert!(is_inflection(surface, word), "{surface} ~ {word}");
        }
        for (surface, word) in [
            ("dictates", "dictator"),
            ("treason", "treasonous"),
            ("corruption", "corrupt"),
            ("satan", "satanic"),
            ("unbelievers", "unbelievable"),
            ("infidelity", "infidel"),
            ("liberal", "liberated"),
            ("misers", "miserable"),
        ] {
            assert!(!is_inflection(surface, word), "{surface} !~ {word}");
        }
        // U+2000 ends in two equal bytes (E2 80 80): not a doubled consonant to undo.
        assert!(!is_inflection("ab\u{2000}\u{2000}ed", "ab"));
    }

    /// The words of every hit of the lexicon `tsv` in `text`.
    fn hit_words(tsv: &str, text: &str) -> Vec<String> {
        let m = Matcher::new(&parse_slant("t.tsv", tsv, "user").unwrap(), Lang::english());
        let (hits, _) = m.find(text, &analyze(text, &[0..text.len()]));
        hits.iter().map(|h| text[h.start..h.end].to_string()).collect()
    }

    #[test]
    fn stem_alike_derivations_are_not_hits() {
        let tsv = "term\tcategory\ndictator\tlabel\nliberated territories\teuph\nshocked\texag\n";
        let text = "He dictates terms to the liberal territory. The dictators were shocking.";
        assert_eq!(hit_words(tsv, text), vec!["dictators", "shocking"]);
    }

    #[test]
    fn wildcards() {
        let text = "They abandoned it; abandonment. Band.";
        assert_eq!(hit_words("term\tcategory\nabandon*\tneg\n", text), vec!["abandoned", "abandonment"]);
    }
}
