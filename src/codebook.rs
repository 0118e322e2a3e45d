//! The codebook: every column of every CSV file slant writes, with its type, unit and
//! definition. Written as `codebook.csv` into every output folder; a test checks that every
//! column of the files written is described here.
//!
//! Column names in angle brackets stand for a family: `loaded_<category>` is one column per
//! lexicon category, `attr_<kind>` one per source category, `<input column>` a column carried
//! from the input.

/// One codebook row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Column {
    pub file: &'static str,
    pub column: &'static str,
    /// `string`, `integer`, `number`, `boolean`, `date` (YYYY-MM-DD) or `list` (`;`-joined).
    pub kind: &'static str,
    pub unit: &'static str,
    pub definition: &'static str,
}

const fn c(
    file: &'static str,
    column: &'static str,
    kind: &'static str,
    unit: &'static str,
    definition: &'static str,
) -> Column {
    Column { file, column, kind, unit, definition }
}

const A: &str = "articles.csv";
const H: &str = "hits.csv";
const T: &str = "attributions.csv";
const S: &str = "sentences.csv";
const G: &str = "groups.csv";
const K: &str = "compare.csv";
/// Every chart's data, `charts/<chart>.csv`.
const C: &str = "charts/<chart>.csv";
/// The kept word shingles of every article (`slant analyze --fingerprints`), from which
/// `slant merge` finds text shared across output folders.
const F: &str = "fingerprints.csv";
const PER_1K: &str = "per 1,000 words";

/// The codebook, file by file, in column order.
pub const CODEBOOK: &[Column] = &[
    c(
        A,
        "article_id",
        "string",
        "",
        "the article's id: given, else the file stem, else stem:line; unique in the run (a repeat gets ~2, ~3)",
    ),
    c(A, "outlet", "string", "", "the outlet: given, or inferred from a wire dateline or a copyright line"),
    c(A, "date", "date", "", "the publication date: given, or inferred from the page"),
    c(A, "title", "string", "", "the title: given, or the headline-like line above the body"),
    c(A, "url", "string", "", "the URL, when given"),
    c(A, "path", "string", "", "the input path; path:line for a record of a CSV, TSV or JSONL file"),
    c(A, "words", "integer", "words", "words of the article's headline and body"),
    c(A, "sentences", "integer", "sentences", "sentences of the article's headline and body"),
    c(A, "quoted_words", "integer", "words", "body words inside quotation marks"),
    c(
        A,
        "reported_words",
        "integer",
        "words",
        "body words in reported speech: an attribution's content outside quotation marks",
    ),
    c(
        A,
        "own_words",
        "integer",
        "words",
        "body words in the outlet's own voice: words - quoted_words - reported_words",
    ),
    c(A, "captions", "integer", "captions", "photo captions set apart from the body (captions.csv)"),
    c(A, "decode_errors", "integer", "sequences", "invalid UTF-8 sequences replaced with U+FFFD"),
    c(A, "date_source", "string", "", "given, inferred or none"),
    c(A, "outlet_source", "string", "", "given, inferred or none"),
    c(A, "language", "string", "", "the body's language as detected from its letters and function words: en, ru or uk; empty when undecided (too little text, another language)"),
    c(A, "language_source", "string", "", "detected, or none"),
    c(
        A,
        "loaded",
        "integer",
        "hits",
        "counted loaded-language hits of every voice (every hit under the default --count-hits all)",
    ),
    c(A, "loaded_per_1k", "number", PER_1K, "loaded per 1,000 words"),
    c(A, "loaded_own", "integer", "hits", "counted hits in the outlet's own voice"),
    c(A, "loaded_own_per_1k", "number", "per 1,000 own-voice words", "loaded_own per 1,000 own_words"),
    c(A, "loaded_quoted", "integer", "hits", "counted hits inside quotation marks"),
    c(A, "loaded_quoted_per_1k", "number", "per 1,000 quoted words", "loaded_quoted per 1,000 quoted_words"),
    c(A, "loaded_reported", "integer", "hits", "counted hits in reported speech"),
    c(A, "loaded_reported_per_1k", "number", "per 1,000 reported words", "loaded_reported per 1,000 reported_words"),
    c(A, "loaded_flagged", "integer", "hits", "hits in sentences the tone model flags (the tone-filtered count)"),
    c(A, "loaded_all", "integer", "hits", "every lexicon and encoder hit, counted or not"),
    c(
        A,
        "loaded_<category>",
        "integer",
        "hits",
        "counted hits of that lexicon category (loaded_encoder: the encoder's hits)",
    ),
    c(A, "caps_emphasis", "integer", "words", "words written in capitals for emphasis"),
    c(A, "attributions", "integer", "attributions", "attributions found, refusals to comment left out"),
    c(A, "direct_quotes", "integer", "attributions", "attributions whose content is a direct quotation"),
    c(A, "attr_<category>", "integer", "attributions", "attributions whose source is of that category"),
    c(
        A,
        "attr_countries",
        "list",
        "attributions",
        "attributions per source country, country:count;... by count (countries_long.csv has it in long form)",
    ),
    c(A, "credits", "integer", "captions", "captions with a photo credit"),
    c(A, "tone", "number", "probability", "word-weighted mean of the sentences' tone probabilities"),
    c(A, "tone_max", "number", "probability", "the highest sentence tone probability"),
    c(A, "flagged_sentences", "integer", "sentences", "sentences whose tone probability reaches the model's threshold"),
    c(A, "flagged_share", "number", "share", "flagged_sentences / sentences"),
    c(
        A,
        "same_text_as",
        "string",
        "",
        "the article whose body holds the most of this one's, when it holds at least the set share",
    ),
    c(A, "same_text_share", "number", "share", "the share of this article's body held by same_text_as"),
    c(A, "<input column>", "string", "", "a column carried from the input (input_<name> when its name is taken)"),
    c(H, "article_id", "string", "", "the article (articles.csv)"),
    c(H, "start", "integer", "characters", "start offset of the hit in the article text, in Unicode code points"),
    c(H, "end", "integer", "characters", "end offset (exclusive)"),
    c(H, "text", "string", "", "the words as written"),
    c(H, "term", "string", "", "the lexicon term matched (the words in lower case for encoder and emphasis rows)"),
    c(H, "category", "string", "", "the lexicon category, encoder or caps_emphasis"),
    c(H, "weight", "number", "", "the term's weight (the encoder's mean word probability)"),
    c(H, "voice", "string", "", "own, quoted or reported"),
    c(H, "negated", "boolean", "", "a negator stands within three words before the hit"),
    c(H, "sentence", "integer", "", "1-based sentence number"),
    c(H, "context", "string", "", "about 60 characters each side, the hit in [brackets]"),
    c(H, "speaker", "string", "", "the resolved source of the attribution whose content holds the hit"),
    c(H, "counted", "boolean", "", "whether the hit counts in articles.csv's loaded columns"),
    c(T, "article_id", "string", "", "the article"),
    c(T, "n", "integer", "", "1-based number of the attribution in its article"),
    c(T, "sentence", "integer", "", "1-based sentence of the cue"),
    c(T, "cue", "string", "", "the cue words as written"),
    c(T, "cue_class", "string", "", "neutral, distancing, conceding, emphatic, according_to, belief or refusal"),
    c(T, "source", "string", "", "the source as written"),
    c(T, "source_start", "integer", "characters", "start offset of the source"),
    c(T, "source_end", "integer", "characters", "end offset of the source"),
    c(T, "resolved_source", "string", "", "who a pronoun or short name stands for"),
    c(T, "category", "string", "", "the source category"),
    c(T, "country", "list", "", "ISO country code(s) of the source, ;-joined"),
    c(T, "country_source", "string", "", "phrase, resolved or article: where the country came from"),
    c(T, "kind", "string", "", "direct, indirect or mixed: how much of the content is quoted"),
    c(T, "content_start", "integer", "characters", "start offset of the content"),
    c(T, "content_end", "integer", "characters", "end offset of the content"),
    c(T, "content", "string", "", "the content, shortened when long"),
    c(T, "content_parts", "list", "characters", "start-end of each part of the content, ;-joined"),
    c(S, "article_id", "string", "", "the article"),
    c(S, "sentence", "integer", "", "1-based sentence number"),
    c(S, "start", "integer", "characters", "start offset of the sentence"),
    c(S, "end", "integer", "characters", "end offset of the sentence"),
    c(S, "words", "integer", "words", "words of the sentence"),
    c(S, "quoted_share", "number", "share", "share of its words inside quotation marks"),
    c(S, "prob", "number", "probability", "the tone model's probability that the sentence uses a propaganda technique"),
    c(S, "flagged", "boolean", "", "prob reaches the model's threshold"),
    c("categories_long.csv", "article_id", "string", "", "the article"),
    c("categories_long.csv", "category", "string", "", "a lexicon category (every one, zeros included)"),
    c("categories_long.csv", "count", "integer", "hits", "counted hits of that category"),
    c("categories_long.csv", "rate_per_1k", "number", PER_1K, "count per 1,000 words"),
    c("countries_long.csv", "article_id", "string", "", "the article"),
    c("countries_long.csv", "country", "string", "", "the source country code (empty: no country)"),
    c("countries_long.csv", "category", "string", "", "the source category"),
    c(
        "countries_long.csv",
        "attributions",
        "integer",
        "attributions",
        "attributions to sources of that country and category",
    ),
    c("captions.csv", "article_id", "string", "", "the article"),
    c("captions.csv", "n", "integer", "", "1-based number of the caption"),
    c("captions.csv", "start", "integer", "characters", "start offset of the caption"),
    c("captions.csv", "end", "integer", "characters", "end offset of the caption"),
    c("captions.csv", "credit", "string", "", "the photo credit, when there is one"),
    c("captions.csv", "text", "string", "", "the caption as written"),
    c("shared_text.csv", "article_id", "string", "", "the article"),
    c("shared_text.csv", "other_id", "string", "", "the article that holds the most of its body"),
    c("shared_text.csv", "share", "number", "share", "share of the article's shingles found in the other"),
    c("shared_text.csv", "other_share", "number", "share", "share of the other's shingles found in the article"),
    c("shared_text.csv", "shingles", "integer", "shingles", "the article's word shingles"),
    c("shared_text.csv", "shared", "integer", "shingles", "shingles the two share"),
    c("shared_text.csv", "shared_own", "integer", "shingles", "shared shingles outside quotation marks"),
    c("shared_text.csv", "own_share", "number", "share", "shared_own of the article's own-voice shingles"),
    c("shared_text.csv", "start", "integer", "characters", "start of the shared passage in the article"),
    c("shared_text.csv", "end", "integer", "characters", "end of the shared passage in the article"),
    c("shared_text.csv", "other_start", "integer", "characters", "start of the passage in the other"),
    c("shared_text.csv", "other_end", "integer", "characters", "end of the passage in the other"),
    c(F, "article_id", "string", "", "the article"),
    c(F, "hash", "string", "", "the shingle's 64-bit hash, 16 hexadecimal digits"),
    c(F, "start", "integer", "characters", "start of the shingle's seven words in the article's text"),
    c(F, "end", "integer", "characters", "end of the shingle's words"),
    c(F, "quoted", "boolean", "", "whether a word of the shingle is inside a quotation"),
    c(G, "group_by", "string", "", "the unit of the groups (outlet, article or a column)"),
    c(G, "group", "string", "", "the group's value"),
    c(G, "articles", "integer", "articles", "articles in the group"),
    c(G, "words", "integer", "words", "sum of articles.csv's words"),
    c(G, "quoted_words", "integer", "words", "sum of quoted_words"),
    c(G, "reported_words", "integer", "words", "sum of reported_words"),
    c(G, "own_words", "integer", "words", "sum of own_words"),
    c(G, "loaded", "integer", "hits", "loaded_own + loaded_quoted + loaded_reported"),
    c(G, "loaded_per_1k", "number", PER_1K, "pooled: loaded per 1,000 words"),
    c(G, "loaded_per_1k_lo", "number", PER_1K, "95% interval over the group's articles, lower end"),
    c(G, "loaded_per_1k_hi", "number", PER_1K, "95% interval, upper end"),
    c(G, "loaded_own", "integer", "hits", "sum of loaded_own"),
    c(G, "loaded_own_per_1k", "number", "per 1,000 own-voice words", "pooled: loaded_own per 1,000 own_words"),
    c(G, "loaded_own_per_1k_lo", "number", "per 1,000 own-voice words", "95% interval, lower end"),
    c(G, "loaded_own_per_1k_hi", "number", "per 1,000 own-voice words", "95% interval, upper end"),
    c(G, "loaded_quoted", "integer", "hits", "sum of loaded_quoted"),
    c(G, "loaded_quoted_per_1k", "number", "per 1,000 quoted words", "pooled: loaded_quoted per 1,000 quoted_words"),
    c(G, "loaded_reported", "integer", "hits", "sum of loaded_reported"),
    c(
        G,
        "loaded_reported_per_1k",
        "number",
        "per 1,000 reported words",
        "pooled: loaded_reported per 1,000 reported_words",
    ),
    c(G, "attributions", "integer", "attributions", "sum of the attr_<category> columns"),
    c(G, "tone", "number", "probability", "word-weighted mean of the articles' tone"),
    c(G, "flagged_sentences", "integer", "sentences", "sum of flagged_sentences"),
    c(G, "sentences", "integer", "sentences", "sum of sentences"),
    c(G, "loaded_<category>", "integer", "hits", "sum of that category's column"),
    c(G, "attr_<category>", "integer", "attributions", "sum of that category's column"),
    c(G, "flagged_share", "number", "share", "pooled: flagged_sentences / sentences"),
    c(G, "flagged_share_lo", "number", "share", "95% interval, lower end"),
    c(G, "flagged_share_hi", "number", "share", "95% interval, upper end"),
    c(G, "attr_<category>_share", "number", "share", "pooled: attr_<category> / attributions"),
    c(G, "attr_<category>_share_lo", "number", "share", "95% interval, lower end"),
    c(G, "attr_<category>_share_hi", "number", "share", "95% interval, upper end"),
    c(G, "loaded_<category>_per_1k", "number", PER_1K, "pooled: loaded_<category> per 1,000 words"),
    c(G, "loaded_<category>_per_1k_lo", "number", PER_1K, "95% interval, lower end"),
    c(G, "loaded_<category>_per_1k_hi", "number", PER_1K, "95% interval, upper end"),
    c(
        G,
        "attr_country_<country>_share",
        "number",
        "share",
        "attributions to sources of that country / the group's attributions with a known country (one column per country, most attributions first)",
    ),
    c(G, "attr_country_<country>_share_lo", "number", "share", "95% interval over the group's articles, lower end"),
    c(G, "attr_country_<country>_share_hi", "number", "share", "95% interval, upper end"),
    c(K, "group_by", "string", "", "the unit of the groups"),
    c(K, "measure", "string", "", "what is compared: a rate or a share of groups.csv"),
    c(K, "group_a", "string", "", "the larger group of the pair"),
    c(K, "group_b", "string", "", "the other group"),
    c(K, "articles_a", "integer", "articles", "articles of group_a"),
    c(K, "articles_b", "integer", "articles", "articles of group_b"),
    c(K, "rate_a", "number", "", "group_a's pooled rate or share"),
    c(K, "rate_b", "number", "", "group_b's pooled rate or share"),
    c(K, "difference", "number", "", "rate_a - rate_b"),
    c(K, "difference_lo", "number", "", "95% interval of the difference, lower end"),
    c(K, "difference_hi", "number", "", "95% interval of the difference, upper end"),
    c(K, "ratio", "number", "", "rate_a / rate_b"),
    c(K, "df", "number", "", "degrees of freedom of the t test: the smaller group's articles minus 1"),
    c(K, "p", "number", "", "p-value of the two groups' being equal"),
    c(K, "p_holm", "number", "", "p, Holm-adjusted over the pairs and measures"),
    c(C, "group", "string", "", "the group a row of the chart shows (an outlet for the time series)"),
    c(C, "articles", "integer", "articles", "the group's articles (in the period, for the time series)"),
    c(
        C,
        "panel",
        "string",
        "",
        "the chart's panel: a lexicon category, a kind of source, a country, a period's first day; empty for one panel",
    ),
    c(C, "series", "string", "", "the measure drawn: a voice, a rate, a share, a tone quartile"),
    c(
        C,
        "value",
        "number",
        "",
        "the value drawn: a pooled rate per 1,000 words, a share in %, or a tone probability, as the chart's axis says",
    ),
    c(C, "lo", "number", "", "95% interval over the group's articles, lower end (empty for fewer than 2 articles)"),
    c(C, "hi", "number", "", "95% interval, upper end"),
    c("errors.csv", "path", "string", "", "the input path"),
    c("errors.csv", "line", "integer", "", "the line of the record, when the problem is one record's"),
    c(
        "errors.csv",
        "kind",
        "string",
        "",
        "what went wrong (io, empty, binary, ...) or a warning (decode, skipped, ...)",
    ),
    c("errors.csv", "message", "string", "", "the explanation"),
];

/// Whether `column` of `file` is described, directly or by a family (`loaded_<category>`
/// for a column of `categories`, `attr_<category>` for one of `kinds`). Carried input columns
/// are the caller's to know.
pub fn describes(file: &str, column: &str, categories: &[String], kinds: &[String]) -> bool {
    let is_chart = file.strip_prefix("charts/").is_some_and(|f| f.ends_with(".csv") && !f.contains('/'));
    CODEBOOK.iter().filter(|c| c.file == file || (is_chart && c.file == C)).any(|c| {
        let family = |prefix: &str, suffix: &str, names: &[String]| {
            column
                .strip_prefix(prefix)
                .and_then(|r| r.strip_suffix(suffix))
                .is_some_and(|name| names.iter().any(|n| n == name))
        };
        // a country code: letters (ISO 3166 alpha-2 or a longer code of the source list)
        let country = |suffix: &str| {
            column
                .strip_prefix("attr_country_")
                .and_then(|r| r.strip_suffix(suffix))
                .is_some_and(|code| !code.is_empty() && code.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-'))
        };
        c.column == column
            || match c.column {
                "loaded_<category>" => family("loaded_", "", categories),
                "attr_<category>" => family("attr_", "", kinds),
                "attr_<category>_share" => family("attr_", "_share", kinds),
                "attr_<category>_share_lo" => family("attr_", "_share_lo", kinds),
                "attr_<category>_share_hi" => family("attr_", "_share_hi", kinds),
                "loaded_<category>_per_1k" => family("loaded_", "_per_1k", categories),
                "loaded_<category>_per_1k_lo" => family("loaded_", "_per_1k_lo", categories),
                "loaded_<category>_per_1k_hi" => family("loaded_", "_per_1k_hi", categories),
                "attr_country_<country>_share" => country("_share"),
                "attr_country_<country>_share_lo" => country("_share_lo"),
                "attr_country_<country>_share_hi" => country("_share_hi"),
                _ => false,
            }
    })
}

/// The type (`integer`, `number`, ...) of `column` of `file`: its own row's, or its family's
/// (`loaded_<category>` for any `loaded_...` column not described on its own, ...); `None`
/// for a column the codebook does not describe (a carried input column).
pub fn kind_of(file: &str, column: &str) -> Option<&'static str> {
    let rows = || CODEBOOK.iter().filter(|c| c.file == file);
    if let Some(c) = rows().find(|c| c.column == column) {
        return Some(c.kind);
    }
    rows()
        .find(|c| match c.column.split_once('<').zip(c.column.split_once('>')) {
            Some(((prefix, _), (_, suffix))) => {
                column.len() > prefix.len() + suffix.len() && column.starts_with(prefix) && column.ends_with(suffix)
            }
            None => false,
        })
        .map(|c| c.kind)
}

/// How many decimals `file`'s CSV writes in `column` (a `number` column of a row table). A
/// Parquet table read back as CSV text (`slant merge`, `slant chart`) writes its numbers so,
/// and gives the same bytes as the CSV file.
pub fn decimals(file: &str, column: &str) -> Option<usize> {
    use crate::rows::decimals_of;
    match file {
        A => crate::output::article_columns::decimals(column),
        H => decimals_of::<crate::output::HitRow>(column),
        S => decimals_of::<crate::output::SentenceRow>(column),
        T => decimals_of::<crate::attribution::AttrRow>(column),
        "captions.csv" => decimals_of::<crate::output::CaptionRow>(column),
        "categories_long.csv" => decimals_of::<crate::output::CategoryRow>(column),
        "countries_long.csv" => decimals_of::<crate::output::CountryRow>(column),
        "shared_text.csv" => decimals_of::<crate::output::SharedRow>(column),
        F => decimals_of::<crate::copies::FingerprintRow>(column),
        "errors.csv" => decimals_of::<crate::error::DocError>(column),
        _ => None,
    }
}

/// The files of the codebook, in its order.
pub fn files() -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for c in CODEBOOK {
        if !out.contains(&c.file) {
            out.push(c.file);
        }
    }
    out
}

/// The columns of `file` as a Markdown table (`column | type | unit | definition`): the
/// README's and `docs/codebook.md`'s column tables are these, tested to agree.
pub fn markdown_table(file: &str) -> String {
    let cell = |s: &str| s.replace('|', "\\|");
    let mut t = String::from("| column | type | unit | definition |\n|---|---|---|---|\n");
    for c in CODEBOOK.iter().filter(|c| c.file == file) {
        t.push_str(&format!("| `{}` | {} | {} | {} |\n", c.column, c.kind, cell(c.unit), cell(c.definition)));
    }
    t
}

/// Every file's table under a heading of its name: `docs/codebook.md`'s body.
pub fn markdown() -> String {
    files().iter().map(|f| format!("## `{f}`\n\n{}", markdown_table(f))).collect::<Vec<_>>().join("\n")
}

/// Writes `codebook.csv`: `file, column, type, unit, definition`.
pub fn write(path: &std::path::Path) -> Result<(), crate::error::SlantError> {
    crate::output::write_atomic(path, |w| {
        let mut csv = csv::Writer::from_writer(w);
        csv.write_record(["file", "column", "type", "unit", "definition"])?;
        for c in CODEBOOK {
            csv.write_record([c.file, c.column, c.kind, c.unit, c.definition])?;
        }
        csv.flush()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_file_lists_a_column_once() {
        let mut seen = std::collections::BTreeSet::new();
        for c in CODEBOOK {
            assert!(seen.insert((c.file, c.column)), "{} {} twice", c.file, c.column);
            assert!(!c.definition.is_empty());
            assert!(["string", "integer", "number", "boolean", "date", "list"].contains(&c.kind), "{c:?}");
        }
        let cats = vec!["emotive".to_string()];
        let kinds = vec!["state_media".to_string()];
        assert!(describes("articles.csv", "loaded_emotive", &cats, &kinds));
        assert!(!describes("articles.csv", "loaded_unknown", &cats, &kinds));
        assert!(describes("groups.csv", "attr_state_media_share_hi", &cats, &kinds));
        assert!(!describes("hits.csv", "loaded_emotive", &cats, &kinds));
    }

    #[test]
    fn every_number_of_a_row_table_has_its_decimals() {
        let row_tables =
            [A, H, T, S, "categories_long.csv", "countries_long.csv", "captions.csv", "shared_text.csv", F];
        for c in CODEBOOK.iter().filter(|c| row_tables.contains(&c.file) && c.kind == "number") {
            assert!(decimals(c.file, c.column).is_some(), "{} {} has no decimals", c.file, c.column);
        }
        for col in crate::output::article_columns::names(&[]) {
            let number = kind_of(A, &col) == Some("number");
            assert_eq!(number, decimals(A, &col).is_some(), "{col}");
        }
    }
}
