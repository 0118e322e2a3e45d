//! Scoring against an annotated news set in news-dev's layout: `texts/*.txt`, `manifest.csv`
//! (`file`, ...), `expected.tsv` (one row per gold attribution: `file, source_text, category,
//! country, cue, cue_class, alt_category`) and `loaded.tsv` (`file, own_level, ...`).
//!
//! A gold attribution is *found* when one of slant's rows of the same file has a cue and a
//! source that agree with it (see [`agrees`]); each slant row answers one gold row at most,
//! taken in text order. Category, country and cue class are scored on the found rows.
//! Loadedness is the Spearman correlation, over articles, of slant's own-voice loaded hits per
//! 1,000 words with the reader's 0/1/2 level. Every figure has a 95% bootstrap interval over
//! articles (the fixed-seed bootstrap of [`crate::stats`]).

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::EvalError;
use crate::attribution::Category;
use crate::stats::{bootstrap_ci, spearman};

/// Cue classes a gold row may name.
pub const CUE_CLASSES: &[&str] =
    &["neutral", "distancing", "conceding", "emphatic", "according_to", "belief", "refusal"];

/// One gold attribution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldAttr {
    pub file: String,
    /// 1-based line in `expected.tsv`.
    pub line: usize,
    pub source: String,
    pub category: String,
    pub alt_category: String,
    pub countries: BTreeSet<String>,
    pub cue: String,
    pub cue_class: String,
}

/// A reader's own-voice loadedness level of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GoldLoaded {
    pub file: String,
    pub own_level: u8,
}

/// An annotated news set.
#[derive(Debug, Clone)]
pub struct NewsSet {
    pub dir: PathBuf,
    /// Files of the manifest, in its order.
    pub files: Vec<String>,
    pub attrs: Vec<GoldAttr>,
    pub loaded: Vec<GoldLoaded>,
}

impl NewsSet {
    /// The path of one of the set's texts.
    pub fn text_path(&self, file: &str) -> PathBuf {
        self.dir.join("texts").join(file)
    }
}

/// One of slant's attribution rows, as far as the scoring needs it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PredictedAttr {
    pub source: String,
    pub resolved_source: String,
    pub category: String,
    /// `;`-joined country codes.
    pub country: String,
    pub cue: String,
    pub cue_class: String,
}

/// What slant found in one file.
#[derive(Debug, Clone, Default)]
pub struct Predicted {
    pub attrs: Vec<PredictedAttr>,
    /// Own-voice loaded hits per 1,000 own-voice words (`None` without own-voice words).
    pub loaded_own_per_1k: Option<f64>,
    /// Hits outside quotation marks (own voice and reported speech) per 1,000 words outside
    /// quotation marks (`None` without such words).
    pub loaded_unquoted_per_1k: Option<f64>,
}

fn input_err(path: &Path, line: usize, message: impl Into<String>) -> EvalError {
    let path = if line > 0 { format!("{}:{line}", path.display()) } else { path.display().to_string() };
    EvalError::Input { path, message: message.into() }
}

fn read(path: &Path) -> Result<String, EvalError> {
    std::fs::read_to_string(path).map_err(|e| input_err(path, 0, format!("cannot read: {e}")))
}

/// A row of a tab-separated file: its 1-based line and its fields by column name.
type TsvRow = (usize, BTreeMap<String, String>);

/// Rows of a tab-separated file with a header.
fn tsv_rows(path: &Path, text: &str, need: &[&str]) -> Result<Vec<TsvRow>, EvalError> {
    let mut lines = text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty());
    let Some((_, head)) = lines.next() else {
        return Err(input_err(path, 0, "empty file: a header row is needed"));
    };
    let header: Vec<String> = head.trim_end_matches('\r').split('\t').map(|h| h.trim().to_string()).collect();
    for n in need {
        if !header.iter().any(|h| h == n) {
            return Err(input_err(path, 1, format!("the header lacks column '{n}' (has: {})", header.join(", "))));
        }
    }
    let mut out = Vec::new();
    for (i, l) in lines {
        let f: Vec<&str> = l.trim_end_matches('\r').split('\t').collect();
        if f.len() > header.len() {
            return Err(input_err(path, i + 1, format!("{} fields, the header has {}", f.len(), header.len())));
        }
        let row = header.iter().cloned().zip(f.iter().map(|x| x.trim().to_string())).collect();
        out.push((i + 1, row));
    }
    Ok(out)
}

/// Reads and checks a news set; a bad or mismatched gold file is an error naming file and line.
pub fn load(dir: &Path) -> Result<NewsSet, EvalError> {
    let manifest_path = dir.join("manifest.csv");
    let manifest = read(&manifest_path)?;
    let mut rdr = csv::ReaderBuilder::new().flexible(false).from_reader(manifest.as_bytes());
    let header = rdr.headers().map_err(|e| input_err(&manifest_path, 1, e.to_string()))?.clone();
    let file_col = header
        .iter()
        .position(|h| h.trim() == "file")
        .ok_or_else(|| input_err(&manifest_path, 1, "the header lacks column 'file'"))?;
    let mut files = Vec::new();
    for (i, rec) in rdr.records().enumerate() {
        let rec = rec.map_err(|e| input_err(&manifest_path, i + 2, e.to_string()))?;
        let f = rec.get(file_col).unwrap_or("").trim().to_string();
        if f.is_empty() || f.contains('/') || f.contains('\\') {
            return Err(input_err(&manifest_path, i + 2, format!("'{f}' is not a file name inside texts/")));
        }
        if files.contains(&f) {
            return Err(input_err(&manifest_path, i + 2, format!("'{f}' is listed twice")));
        }
        if !dir.join("texts").join(&f).is_file() {
            return Err(input_err(&manifest_path, i + 2, format!("texts/{f} does not exist")));
        }
        files.push(f);
    }
    if files.is_empty() {
        return Err(input_err(&manifest_path, 0, "no files listed"));
    }
    let known: BTreeSet<&str> = files.iter().map(String::as_str).collect();
    let listed = |path: &Path, line: usize, f: &str| -> Result<(), EvalError> {
        if known.contains(f) {
            Ok(())
        } else {
            Err(input_err(path, line, format!("file '{f}' is not in manifest.csv")))
        }
    };

    let expected_path = dir.join("expected.tsv");
    let need = ["file", "source_text", "category", "country", "cue", "cue_class"];
    let mut attrs = Vec::new();
    for (line, row) in tsv_rows(&expected_path, &read(&expected_path)?, &need)? {
        let get = |c: &str| row.get(c).cloned().unwrap_or_default();
        let file = get("file");
        listed(&expected_path, line, &file)?;
        for c in [get("category"), get("alt_category")].iter().filter(|c| !c.is_empty()) {
            if c.parse::<Category>().is_err() {
                return Err(input_err(&expected_path, line, format!("unknown category '{c}'")));
            }
        }
        if get("category").is_empty() {
            return Err(input_err(&expected_path, line, "empty category"));
        }
        let cue_class = get("cue_class");
        if !CUE_CLASSES.contains(&cue_class.as_str()) {
            return Err(input_err(&expected_path, line, format!("unknown cue class '{cue_class}'")));
        }
        let mut countries = BTreeSet::new();
        for c in get("country").split(';').map(str::trim).filter(|c| !c.is_empty()) {
            if !c.chars().all(|ch| ch.is_ascii_uppercase()) || !(2..=4).contains(&c.len()) {
                return Err(input_err(&expected_path, line, format!("'{c}' is not a country code")));
            }
            countries.insert(c.to_string());
        }
        let (source, cue) = (get("source_text"), get("cue"));
        if source.is_empty() || cue.is_empty() {
            return Err(input_err(&expected_path, line, "empty source_text or cue"));
        }
        attrs.push(GoldAttr {
            file,
            line,
            source,
            category: get("category"),
            alt_category: get("alt_category"),
            countries,
            cue,
            cue_class,
        });
    }

    let loaded_path = dir.join("loaded.tsv");
    let mut loaded = Vec::new();
    for (line, row) in tsv_rows(&loaded_path, &read(&loaded_path)?, &["file", "own_level"])? {
        let file = row["file"].clone();
        listed(&loaded_path, line, &file)?;
        let own_level = match row["own_level"].as_str() {
            "0" => 0,
            "1" => 1,
            "2" => 2,
            other => return Err(input_err(&loaded_path, line, format!("own_level '{other}' is not 0, 1 or 2"))),
        };
        if loaded.iter().any(|l: &GoldLoaded| l.file == file) {
            return Err(input_err(&loaded_path, line, format!("'{file}' is listed twice")));
        }
        loaded.push(GoldLoaded { file, own_level });
    }
    Ok(NewsSet { dir: dir.to_path_buf(), files, attrs, loaded })
}

/// Lower case, straight apostrophes and quotes, single spaces, no edge punctuation.
fn norm(s: &str) -> String {
    let s: String = s
        .chars()
        .map(|c| match c {
            '’' | '‘' | '`' => '\'',
            '“' | '”' => '"',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.trim_matches(|c: char| !c.is_alphanumeric()).to_string()
}

/// Whether `a` holds `b` as whole words.
fn holds_words(a: &str, b: &str) -> bool {
    if b.is_empty() {
        return false;
    }
    a.match_indices(b).any(|(i, _)| {
        let before = a[..i].chars().next_back();
        let after = a[i + b.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Whether slant's row answers a gold attribution: the cues agree (one holds the other as
/// whole words: `lashed out` and `lashed out at`) and so do the sources (one holds the other:
/// `Zhang Xiaogang` and `Zhang Xiaogang, a spokesperson for ...`).
pub fn agrees(gold: &GoldAttr, p: &PredictedAttr) -> bool {
    let (gc, pc) = (norm(&gold.cue), norm(&p.cue));
    let gs = norm(&gold.source);
    // a relative pronoun (`Governor Ana Lott, who said`) stands for its antecedent by grammar
    let ps = match norm(&p.source).as_str() {
        "who" | "which" | "that" => norm(&p.resolved_source),
        s => s.to_string(),
    };
    let cue = holds_words(&gc, &pc) || holds_words(&pc, &gc);
    let source = holds_words(&gs, &ps) || holds_words(&ps, &gs);
    cue && source
}

fn countries(s: &str) -> BTreeSet<String> {
    s.split(';').map(str::trim).filter(|c| !c.is_empty()).map(String::from).collect()
}

/// How one gold attribution fared.
#[derive(Debug, Clone, Serialize)]
pub struct GoldOutcome {
    pub file: String,
    pub line: usize,
    pub source: String,
    pub cue: String,
    pub category: String,
    pub country: String,
    pub cue_class: String,
    /// slant's row that answers it (1-based in its file), when found.
    pub row: Option<usize>,
    pub slant_source: String,
    pub slant_resolved: String,
    pub slant_category: String,
    pub slant_country: String,
    pub slant_cue_class: String,
    pub category_ok: bool,
    pub category_alt_ok: bool,
    pub country_ok: bool,
    pub cue_class_ok: bool,
}

/// A figure with its 95% bootstrap interval over articles.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Figure {
    pub value: Option<f64>,
    pub ci95: Option<[f64; 2]>,
    /// The count it is a share of (rows or articles).
    pub n: usize,
}

/// Scores of a news set.
#[derive(Debug, Clone, Serialize)]
pub struct NewsScore {
    pub articles: usize,
    pub gold: usize,
    pub predicted: usize,
    pub found: Figure,
    pub category: Figure,
    pub category_alt: Figure,
    pub country: Figure,
    pub cue_class: Figure,
    /// Spearman of own-voice loaded hits per 1,000 words with the reader's level.
    pub loaded_own_rho: Figure,
    /// Spearman rho between the reader's level and the hits outside quotation marks (own
    /// voice and reported speech) per 1,000 such words: the reader's `own_level` rates what
    /// a text says outside quotation marks, relayed statements included (see the set's notes).
    pub loaded_unquoted_rho: Figure,
    /// `gold category -> slant category -> count`, over found rows.
    pub confusion: BTreeMap<String, BTreeMap<String, usize>>,
    pub outcomes: Vec<GoldOutcome>,
}

/// Per-article tallies, the units of the bootstrap.
#[derive(Debug, Clone, Copy, Default)]
struct Tally {
    gold: usize,
    found: usize,
    category: usize,
    category_alt: usize,
    country: usize,
    cue_class: usize,
}

/// Scores slant's rows (`predicted`, by file) against the gold set.
pub fn score(set: &NewsSet, predicted: &BTreeMap<String, Predicted>) -> NewsScore {
    let empty = Predicted::default();
    let mut outcomes = Vec::new();
    let mut tallies: BTreeMap<&str, Tally> = set.files.iter().map(|f| (f.as_str(), Tally::default())).collect();
    for file in &set.files {
        let p = predicted.get(file).unwrap_or(&empty);
        let mut used = vec![false; p.attrs.len()];
        for g in set.attrs.iter().filter(|g| &g.file == file) {
            let hit = (0..p.attrs.len()).find(|&i| !used[i] && agrees(g, &p.attrs[i]));
            let t = tallies.get_mut(file.as_str()).expect("every file has a tally");
            t.gold += 1;
            let mut o = GoldOutcome {
                file: file.clone(),
                line: g.line,
                source: g.source.clone(),
                cue: g.cue.clone(),
                category: g.category.clone(),
                country: g.countries.iter().cloned().collect::<Vec<_>>().join(";"),
                cue_class: g.cue_class.clone(),
                row: None,
                slant_source: String::new(),
                slant_resolved: String::new(),
                slant_category: String::new(),
                slant_country: String::new(),
                slant_cue_class: String::new(),
                category_ok: false,
                category_alt_ok: false,
                country_ok: false,
                cue_class_ok: false,
            };
            if let Some(i) = hit {
                used[i] = true;
                let a = &p.attrs[i];
                o.row = Some(i + 1);
                o.slant_source = a.source.clone();
                o.slant_resolved = a.resolved_source.clone();
                o.slant_category = a.category.clone();
                o.slant_country = a.country.clone();
                o.slant_cue_class = a.cue_class.clone();
                o.category_ok = a.category == g.category;
                o.category_alt_ok = o.category_ok || (!g.alt_category.is_empty() && a.category == g.alt_category);
                o.country_ok = countries(&a.country) == g.countries;
                o.cue_class_ok = a.cue_class == g.cue_class;
                t.found += 1;
                t.category += o.category_ok as usize;
                t.category_alt += o.category_alt_ok as usize;
                t.country += o.country_ok as usize;
                t.cue_class += o.cue_class_ok as usize;
            }
            outcomes.push(o);
        }
    }
    let units: Vec<Tally> = tallies.values().copied().collect();
    let share = |sample: &[&Tally], num: fn(&Tally) -> usize, den: fn(&Tally) -> usize| {
        let d: usize = sample.iter().map(|t| den(t)).sum();
        (d > 0).then(|| sample.iter().map(|t| num(t)).sum::<usize>() as f64 / d as f64)
    };
    type Part = fn(&Tally) -> usize;
    let measures: [(Part, Part); 5] = [
        (|t| t.found, |t| t.gold),
        (|t| t.category, |t| t.found),
        (|t| t.category_alt, |t| t.found),
        (|t| t.country, |t| t.found),
        (|t| t.cue_class, |t| t.found),
    ];
    let all: Vec<&Tally> = units.iter().collect();
    let cis = bootstrap_ci(&units, |s| measures.map(|(n, d)| share(s, n, d)));
    let figure = |k: usize| {
        let (n, d) = measures[k];
        Figure { value: share(&all, n, d), ci95: cis[k], n: all.iter().map(|t| d(t)).sum() }
    };

    let rho_figure = |rate: fn(&Predicted) -> Option<f64>| {
        let pairs: Vec<(f64, f64)> =
            set.loaded.iter().filter_map(|l| rate(predicted.get(&l.file)?).map(|r| (r, l.own_level as f64))).collect();
        let rho_of = |s: &[&(f64, f64)]| {
            let (x, y): (Vec<f64>, Vec<f64>) = s.iter().map(|p| (p.0, p.1)).unzip();
            spearman(&x, &y)
        };
        let rho = rho_of(&pairs.iter().collect::<Vec<_>>());
        let [rho_ci] = bootstrap_ci(&pairs, |s| [rho_of(s)]);
        Figure { value: rho, ci95: rho_ci, n: pairs.len() }
    };

    let mut confusion: BTreeMap<String, BTreeMap<String, usize>> = BTreeMap::new();
    for o in outcomes.iter().filter(|o| o.row.is_some()) {
        *confusion.entry(o.category.clone()).or_default().entry(o.slant_category.clone()).or_default() += 1;
    }
    NewsScore {
        articles: set.files.len(),
        gold: set.attrs.len(),
        predicted: predicted.values().map(|p| p.attrs.len()).sum(),
        found: figure(0),
        category: figure(1),
        category_alt: figure(2),
        country: figure(3),
        cue_class: figure(4),
        loaded_own_rho: rho_figure(|p| p.loaded_own_per_1k),
        loaded_unquoted_rho: rho_figure(|p| p.loaded_unquoted_per_1k),
        confusion,
        outcomes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(file: &str, source: &str, cue: &str, category: &str, country: &str) -> GoldAttr {
        GoldAttr {
            file: file.into(),
            line: 2,
            source: source.into(),
            category: category.into(),
            alt_category: String::new(),
            countries: countries(country),
            cue: cue.into(),
            cue_class: "neutral".into(),
        }
    }

    fn pred(source: &str, cue: &str, category: &str, country: &str) -> PredictedAttr {
        PredictedAttr {
            source: source.into(),
            resolved_source: source.into(),
            category: category.into(),
            country: country.into(),
            cue: cue.into(),
            cue_class: "neutral".into(),
        }
    }

    #[test]
    fn sources_and_cues_agree_by_whole_words() {
        let g = gold("a", "Marta Vell, a spokeswoman for the Ministry", "said", "government", "XA");
        assert!(agrees(&g, &pred("Marta Vell", "said", "", "")));
        assert!(agrees(&g, &pred("Marta Vell, a spokeswoman for the Ministry,", "said", "", "")));
        assert!(!agrees(&g, &pred("Marta Vell", "denied", "", "")));
        assert!(!agrees(&g, &pred("Mar", "said", "", "")), "not inside a word");
        let g = gold("a", "China’s foreign ministry", "lashed out", "government", "CN");
        assert!(agrees(&g, &pred("China's foreign ministry", "lashed out at", "", "")));
        let g = gold("a", "Governor Ana Lott", "said", "government", "XA");
        let mut who = pred("who", "said", "", "");
        assert!(!agrees(&g, &who));
        who.resolved_source = "Governor Ana Lott".into();
        assert!(agrees(&g, &who), "a relative pronoun is its antecedent");
    }

    #[test]
    fn each_row_answers_one_gold_row_and_figures_count_found_rows() {
        let set = NewsSet {
            dir: PathBuf::new(),
            files: vec!["a".into(), "b".into()],
            attrs: vec![
                gold("a", "He", "said", "leader", "XA"),
                gold("a", "He", "said", "leader", "XA"),
                gold("b", "Officials", "said", "government", "XB;XC"),
                gold("b", "Analysts", "believe", "expert", ""),
            ],
            loaded: vec![],
        };
        let mut p = BTreeMap::new();
        p.insert("a".to_string(), Predicted { attrs: vec![pred("he", "said", "leader", "XA")], ..Default::default() });
        p.insert(
            "b".to_string(),
            Predicted { attrs: vec![pred("Officials", "said", "other", "XC;XB")], ..Default::default() },
        );
        let s = score(&set, &p);
        assert_eq!(s.found.value, Some(0.5), "one 'he said' row answers one gold row only");
        assert_eq!(s.category.value, Some(0.5));
        assert_eq!(s.country.value, Some(1.0), "countries compare as sets");
        assert_eq!(s.confusion["government"]["other"], 1);
        assert_eq!(s.outcomes.iter().filter(|o| o.row.is_some()).count(), 2);
        assert!(s.loaded_own_rho.value.is_none());
    }

    #[test]
    fn a_bad_gold_file_names_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("texts")).unwrap();
        std::fs::write(dir.path().join("texts/a.txt"), "Officials said so.").unwrap();
        std::fs::write(dir.path().join("manifest.csv"), "file,outlet\na.txt,X\n").unwrap();
        let head = "file\tsource_text\tcategory\tcountry\tcue\tcue_class\talt_category\n";
        std::fs::write(dir.path().join("loaded.tsv"), "file\town_level\na.txt\t1\n").unwrap();
        std::fs::write(
            dir.path().join("expected.tsv"),
            format!("{head}a.txt\tOfficials\tgovernment\t\tsaid\tneutral\t\n"),
        )
        .unwrap();
        let set = load(dir.path()).unwrap();
        assert_eq!(set.attrs.len(), 1);
        assert_eq!(set.loaded[0].own_level, 1);
        for (bad, what) in [
            ("a.txt\tOfficials\tgovernor\t\tsaid\tneutral\t\n", "unknown category 'governor'"),
            ("b.txt\tOfficials\tgovernment\t\tsaid\tneutral\t\n", "not in manifest.csv"),
            ("a.txt\tOfficials\tgovernment\tcn\tsaid\tneutral\t\n", "not a country code"),
            ("a.txt\tOfficials\tgovernment\t\tsaid\tloud\t\n", "unknown cue class"),
        ] {
            std::fs::write(dir.path().join("expected.tsv"), format!("{head}{bad}")).unwrap();
            let e = load(dir.path()).unwrap_err().to_string();
            assert!(e.contains("expected.tsv:2") && e.contains(what), "{e}");
        }
        std::fs::write(dir.path().join("loaded.tsv"), "file\town_level\na.txt\t3\n").unwrap();
        std::fs::write(dir.path().join("expected.tsv"), head).unwrap();
        let e = load(dir.path()).unwrap_err().to_string();
        assert!(e.contains("loaded.tsv:2") && e.contains("not 0, 1 or 2"), "{e}");
        std::fs::write(dir.path().join("manifest.csv"), "file,outlet\nz.txt,X\n").unwrap();
        let e = load(dir.path()).unwrap_err().to_string();
        assert!(e.contains("manifest.csv:2") && e.contains("texts/z.txt does not exist"), "{e}");
    }
}
