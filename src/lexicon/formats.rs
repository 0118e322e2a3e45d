//! Lexicon file formats.
//!
//! | format | detected by | entry |
//! |---|---|---|
//! | slant TSV | a header row starting `term<TAB>category` | `term, category[, weight, source, precision, support, note]` |
//! | LIWC `.dic` | extension `.dic` or a first line `%` | `%`-delimited category table, then `term id id ...` |
//! | VADER TSV | `token<TAB>mean<TAB>...` rows | category `vader_negative`/`vader_positive`, weight `abs(mean)/4` |
//! | word list | anything else | one term per line, category = file stem |
//!
//! Every format allows `#` comment lines (except LIWC, where `#` is not special) and blank
//! lines. Terms are lower-cased with whitespace collapsed; a final `*` is a prefix wildcard.
//! LIWC files may be Latin-1 and may use spaces instead of tabs. A broken line is an error
//! naming the file and line.

use std::collections::BTreeSet;
use std::path::Path;

use super::{Entry, Lexicon, LexiconError};
use crate::datafile::Line;
use crate::ingest::sha256_hex;

/// The recognised formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LexFormat {
    Slant,
    Liwc,
    Vader,
    WordList,
}

fn err(file: &str, line: Option<usize>, message: impl Into<String>) -> LexiconError {
    LexiconError { file: file.to_string(), line, message: message.into() }
}

/// Normalises a term: lower case, single spaces, typographic apostrophes folded.
pub fn normalize_term(s: &str) -> String {
    crate::text::normalize(&s.split_whitespace().collect::<Vec<_>>().join(" "))
}

fn check_term(file: &str, line: usize, term: &str) -> Result<(), LexiconError> {
    if term.is_empty() {
        return Err(err(file, Some(line), "empty term"));
    }
    let star = term.find('*');
    if star.is_some_and(|i| i != term.len() - 1) {
        return Err(err(file, Some(line), format!("'{term}': '*' is only allowed at the end of a term")));
    }
    if term == "*" || !term.chars().any(|c| c.is_alphanumeric()) {
        return Err(err(file, Some(line), format!("'{term}': a term needs at least one letter or digit")));
    }
    Ok(())
}

fn check_category(file: &str, line: usize, c: &str) -> Result<(), LexiconError> {
    let ok = !c.is_empty() && c.chars().all(|ch| ch.is_ascii_lowercase() || ch.is_ascii_digit() || ch == '_');
    if ok {
        Ok(())
    } else {
        Err(err(file, Some(line), format!("category '{c}' must be lower-case letters, digits and '_'")))
    }
}

/// Makes a category id from free text (LIWC names, file stems).
pub fn category_id(s: &str) -> String {
    let mut out = String::new();
    for c in s.trim().chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('_') && !out.is_empty() {
            out.push('_');
        }
    }
    let out = out.trim_end_matches('_').to_string();
    if out.is_empty() {
        "user".into()
    } else {
        out
    }
}

/// Decodes lexicon bytes: UTF-8 (BOM removed), else Latin-1.
pub fn decode_lexicon(bytes: &[u8]) -> String {
    let b = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    match std::str::from_utf8(b) {
        Ok(s) => s.to_string(),
        Err(_) => b.iter().map(|&x| x as char).collect(),
    }
}

/// Detects the format of a lexicon file from its name and content.
pub fn detect(path: &Path, text: &str) -> LexFormat {
    let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
    let first = text.lines().map(str::trim).find(|l| !l.is_empty() && !l.starts_with('#')).unwrap_or("");
    if ext == "dic" || text.trim_start().starts_with('%') {
        return LexFormat::Liwc;
    }
    let fields: Vec<&str> = first.split('\t').collect();
    if fields.len() >= 2
        && fields[0].trim().eq_ignore_ascii_case("term")
        && fields[1].trim().eq_ignore_ascii_case("category")
    {
        return LexFormat::Slant;
    }
    if fields.len() >= 2 && fields[1].trim().parse::<f32>().is_ok() {
        return LexFormat::Vader;
    }
    LexFormat::WordList
}

/// Reads any supported format.
pub fn parse_any(path: &Path, bytes: &[u8]) -> Result<Lexicon, LexiconError> {
    let file = path.display().to_string();
    if let Some(at) = bytes.iter().position(|&b| b == 0) {
        let line = crate::text::line_of_byte(bytes, at);
        return Err(err(&file, Some(line), "a NUL byte: this is a binary file, not a lexicon"));
    }
    let text = decode_lexicon(bytes);
    let stem = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "user".into());
    let mut lex = match detect(path, &text) {
        LexFormat::Slant => parse_slant(&file, &text, &format!("user:{stem}"))?,
        LexFormat::Liwc => parse_liwc(&file, &text, &stem)?,
        LexFormat::Vader => parse_vader(&file, &text, &stem)?,
        LexFormat::WordList => parse_word_list(&file, &text, &stem)?,
    };
    lex.sha256 = sha256_hex(bytes);
    if lex.entries.is_empty() {
        return Err(err(&file, None, "no entries"));
    }
    Ok(lex)
}

fn new_lexicon(name: &str) -> Lexicon {
    Lexicon { name: name.to_string(), version: "unversioned".into(), sha256: String::new(), entries: Vec::new() }
}

fn push_unique(
    lex: &mut Lexicon,
    seen: &mut BTreeSet<(String, String)>,
    file: &str,
    line: usize,
    e: Entry,
) -> Result<(), LexiconError> {
    if !seen.insert((e.term.clone(), e.category.clone())) {
        return Err(err(file, Some(line), format!("'{}' is listed twice in category '{}'", e.term, e.category)));
    }
    lex.entries.push(e);
    Ok(())
}

/// The project's TSV format. `default_source` labels entries without a `source` column.
pub fn parse_slant(file: &str, text: &str, default_source: &str) -> Result<Lexicon, LexiconError> {
    let mut lex =
        new_lexicon(Path::new(file).file_stem().map(|s| s.to_string_lossy().into_owned()).as_deref().unwrap_or("user"));
    let mut header: Option<Vec<String>> = None;
    let mut seen = BTreeSet::new();
    for item in crate::datafile::lines(text) {
        let (n, line) = match item {
            Line::Setting { key: "name", value, .. } => {
                lex.name = value.to_string();
                continue;
            }
            Line::Setting { key: "version", value, .. } => {
                lex.version = value.to_string();
                continue;
            }
            Line::Setting { .. } => continue,
            Line::Row { number, text } => (number, text),
        };
        let fields: Vec<&str> = line.split('\t').collect();
        let Some(h) = &header else {
            let h: Vec<String> = fields.iter().map(|f| f.trim().to_ascii_lowercase()).collect();
            if h.first().map(String::as_str) != Some("term") || h.get(1).map(String::as_str) != Some("category") {
                return Err(err(file, Some(n), "expected a header row starting with: term<TAB>category"));
            }
            header = Some(h);
            continue;
        };
        // Trailing optional columns may be left off; term and category may not.
        if fields.len() < 2 || fields.len() > h.len() {
            return Err(err(
                file,
                Some(n),
                format!("expected 2 to {} tab-separated fields ({}), found {}", h.len(), h.join(", "), fields.len()),
            ));
        }
        let get = |name: &str| {
            h.iter().position(|c| c == name).and_then(|i| fields.get(i)).map(|f| f.trim()).filter(|v| !v.is_empty())
        };
        let (exact, written) = match fields[0].trim().strip_prefix('=') {
            Some(rest) => (true, rest),
            None => (false, fields[0]),
        };
        let term = normalize_term(written);
        check_term(file, n, &term)?;
        if exact && term.ends_with('*') {
            return Err(err(file, Some(n), format!("'={term}': an exact-form term cannot end in '*'")));
        }
        let category = fields[1].trim().to_string();
        check_category(file, n, &category)?;
        let weight = match get("weight") {
            None => 1.0,
            Some(w) => match w.parse::<f32>() {
                Ok(x) if x.is_finite() && x > 0.0 && x <= 10.0 => x,
                _ => return Err(err(file, Some(n), format!("weight '{w}' must be a number in (0, 10]"))),
            },
        };
        let precision = match get("precision") {
            None => None,
            Some(p) => match p.parse::<f32>() {
                Ok(x) if (0.0..=1.0).contains(&x) => Some(x),
                _ => return Err(err(file, Some(n), format!("precision '{p}' must be a number from 0 to 1"))),
            },
        };
        let support = match get("support") {
            None => None,
            Some(p) => Some(p.parse::<u32>().map_err(|_| err(file, Some(n), format!("support '{p}' is not a count")))?),
        };
        let source = get("source").unwrap_or(default_source).to_string();
        push_unique(&mut lex, &mut seen, file, n, Entry { term, category, weight, source, precision, support, exact })?;
    }
    if header.is_none() {
        return Err(err(file, None, "no header row (term<TAB>category...)"));
    }
    Ok(lex)
}

/// A LIWC-style `.dic`: `%`, category table `id name`, `%`, then `term id [id...]`.
pub fn parse_liwc(file: &str, text: &str, stem: &str) -> Result<Lexicon, LexiconError> {
    let mut lex = new_lexicon(stem);
    let mut cats: Vec<(String, String)> = Vec::new();
    let mut section = 0; // 0 before first %, 1 in the category table, 2 in entries
    let mut seen = BTreeSet::new();
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim();
        if line.is_empty() {
            continue;
        }
        if line == "%" || (section < 2 && line.starts_with('%') && line[1..].trim().is_empty()) {
            section += 1;
            continue;
        }
        match section {
            0 => return Err(err(file, Some(n), "a LIWC dictionary starts with a line holding only '%'")),
            1 => {
                let mut parts = line.split_whitespace();
                let (Some(id), Some(_)) = (parts.next(), line.split_whitespace().nth(1)) else {
                    return Err(err(file, Some(n), "category lines need an id and a name"));
                };
                let name: Vec<&str> = line.split_whitespace().skip(1).collect();
                if id.parse::<u32>().is_err() {
                    return Err(err(file, Some(n), format!("category id '{id}' is not a number")));
                }
                cats.push((id.to_string(), category_id(&name.join(" "))));
            }
            _ => {
                let parts: Vec<&str> = line.split_whitespace().collect();
                let n_ids = parts.iter().rev().take_while(|p| p.parse::<u32>().is_ok()).count();
                if n_ids == 0 {
                    return Err(err(file, Some(n), format!("'{line}': no category id after the term")));
                }
                if n_ids == parts.len() {
                    return Err(err(file, Some(n), format!("'{line}': no term before the category ids")));
                }
                let term = normalize_term(&parts[..parts.len() - n_ids].join(" "));
                check_term(file, n, &term)?;
                for id in &parts[parts.len() - n_ids..] {
                    let Some((_, cat)) = cats.iter().find(|(cid, _)| cid == id) else {
                        return Err(err(file, Some(n), format!("unknown category id {id}")));
                    };
                    let e = Entry {
                        term: term.clone(),
                        category: cat.clone(),
                        weight: 1.0,
                        source: format!("user:{stem}"),
                        precision: None,
                        support: None,
                        exact: false,
                    };
                    // LIWC files often repeat a word in a category; keep the first.
                    if seen.insert((e.term.clone(), e.category.clone())) {
                        lex.entries.push(e);
                    }
                }
            }
        }
    }
    if section < 2 {
        return Err(err(file, None, "incomplete LIWC dictionary: needs '%', categories, '%', then entries"));
    }
    Ok(lex)
}

/// VADER-style lines: `token<TAB>mean<TAB>sd<TAB>ratings`.
pub fn parse_vader(file: &str, text: &str, stem: &str) -> Result<Lexicon, LexiconError> {
    let mut lex = new_lexicon(stem);
    let mut seen = BTreeSet::new();
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() < 2 {
            return Err(err(file, Some(n), "expected token<TAB>mean"));
        }
        // VADER's means lie from -4 to 4; NaN, infinities and other values are errors, never weights
        let mean: f32 = match fields[1].trim().parse::<f32>() {
            Ok(x) if (-4.0..=4.0).contains(&x) => x,
            _ => return Err(err(file, Some(n), format!("mean '{}' must be a number from -4 to 4", fields[1].trim()))),
        };
        let term = normalize_term(fields[0]);
        check_term(file, n, &term)?;
        if mean == 0.0 {
            continue;
        }
        let category = if mean < 0.0 { "vader_negative" } else { "vader_positive" }.to_string();
        let weight = (mean.abs() / 4.0).clamp(0.01, 10.0);
        let e = Entry {
            term,
            category,
            weight,
            source: format!("user:{stem}"),
            precision: None,
            support: None,
            exact: false,
        };
        push_unique(&mut lex, &mut seen, file, n, e)?;
    }
    Ok(lex)
}

/// One term per line; the category is the file stem.
pub fn parse_word_list(file: &str, text: &str, stem: &str) -> Result<Lexicon, LexiconError> {
    let mut lex = new_lexicon(stem);
    let category = category_id(stem);
    let mut seen = BTreeSet::new();
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if line.contains('\t') {
            return Err(err(file, Some(n), "a word list has one term per line (found a tab)"));
        }
        let term = normalize_term(line);
        check_term(file, n, &term)?;
        let e = Entry {
            term,
            category: category.clone(),
            weight: 1.0,
            source: format!("user:{stem}"),
            precision: None,
            support: None,
            exact: false,
        };
        push_unique(&mut lex, &mut seen, file, n, e)?;
    }
    Ok(lex)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slant_format_and_errors() {
        let ok = "# name: t\n# version: 2\nterm\tcategory\tweight\tsource\tnote\nDespot\tname_calling\t1.0\tcurated\t\nmeat-grinder\tdehumanising\t0.5\t\tx\n";
        let l = parse_slant("t.tsv", ok, "curated").unwrap();
        assert_eq!((l.name.as_str(), l.version.as_str(), l.entries.len()), ("t", "2", 2));
        assert_eq!(l.entries[0].term, "despot");
        assert_eq!(l.entries[1].source, "curated");
        // Optional trailing columns may be left off a row.
        let short =
            parse_slant("s.tsv", "term\tcategory\tweight\tsource\ntyrant\tlabel\nthug\tlabel\t2\n", "user").unwrap();
        let got: Vec<(&str, f32, &str)> =
            short.entries.iter().map(|e| (e.term.as_str(), e.weight, e.source.as_str())).collect();
        assert_eq!(got, [("tyrant", 1.0, "user"), ("thug", 2.0, "user")]);
        let e = parse_any(Path::new("x.tsv"), b"despot\ntyr\0ant\n").unwrap_err();
        assert_eq!(e.line, Some(2));
        assert!(e.to_string().contains("binary file"), "{e}");
        let bad = [
            ("term\tcategory\nx\n", 2, "fields"),
            ("term\tcategory\tweight\nx\tc\t1\textra\n", 2, "2 to 3 tab-separated fields"),
            ("term\tcategory\tweight\nx\tc\tlots\n", 2, "weight"),
            ("term\tcategory\nx\tBad Cat\n", 2, "category"),
            ("term\tcategory\nx\tc\nx\tc\n", 3, "twice"),
            ("term\tcategory\na*b\tc\n", 2, "'*'"),
            ("word\tcat\n", 1, "header"),
        ];
        for (text, line, want) in bad {
            let e = parse_slant("f.tsv", text, "user").unwrap_err();
            assert_eq!(e.line, Some(line), "{text:?}: {e}");
            assert!(e.to_string().contains(want) && e.to_string().starts_with("f.tsv:"), "{e}");
        }
    }

    #[test]
    fn liwc_messy_latin1_spaces_wildcards() {
        let bytes = b"%\n1   posemo\n2\tnegemo\n%\nabandon*  2\ncaf\xe9\t1\nkind of 1 2\nhate\t2\nhate 2\n";
        let l = parse_any(Path::new("my.dic"), bytes).unwrap();
        let terms: Vec<(&str, &str)> = l.entries.iter().map(|e| (e.term.as_str(), e.category.as_str())).collect();
        assert_eq!(
            terms,
            vec![
                ("abandon*", "negemo"),
                ("café", "posemo"),
                ("kind of", "posemo"),
                ("kind of", "negemo"),
                ("hate", "negemo")
            ]
        );
        let e = parse_any(Path::new("x.dic"), b"%\n1 a\n%\nword 7\n").unwrap_err();
        assert_eq!(e.line, Some(4));
        assert!(e.message.contains("unknown category id 7"));
    }

    #[test]
    fn vader_means_and_slant_precisions_must_be_finite_and_in_range() {
        for bad in ["NaN", "inf", "-inf", "4.5", "-7"] {
            let text = format!("good\t1.5\t0.5\t[1]\nbad\t{bad}\t0.5\t[1]\n");
            let e = parse_any(Path::new("vader.txt"), text.as_bytes()).unwrap_err().to_string();
            assert!(e.contains("vader.txt:2") && e.contains("from -4 to 4"), "{bad}: {e}");
        }
        for bad in ["NaN", "1.5", "-0.1"] {
            let text = format!("term\tcategory\tprecision\nx\tc\t{bad}\n");
            let e = parse_slant("s.tsv", &text, "user").unwrap_err().to_string();
            assert!(e.contains("precision") && e.contains("from 0 to 1"), "{bad}: {e}");
        }
    }

    #[test]
    fn vader_and_word_list() {
        let v = parse_any(Path::new("vader.txt"), b"evil\t-3.4\t0.5\t[-3, -4]\nnice\t1.8\t0.6\t[2]\n").unwrap();
        assert_eq!(v.entries[0].category, "vader_negative");
        assert!((v.entries[0].weight - 0.85).abs() < 1e-6);
        let w = parse_any(Path::new("Fear Words.txt"), b"# mine\nterror\nDREAD\n").unwrap();
        assert_eq!(w.entries.len(), 2);
        assert_eq!(w.entries[1].term, "dread");
        assert_eq!(w.entries[1].category, "fear_words");
        assert!(parse_any(Path::new("empty.txt"), b"# nothing\n").is_err());
    }
}
