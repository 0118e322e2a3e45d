//! The validated options of `slant analyze`.

use super::*;

/// Validated options of `slant analyze`.
#[derive(Debug, Clone, Serialize)]
pub struct AnalyzeConfig {
    pub inputs: Vec<String>,
    /// The output folder: in `run.json` under `invocation` (it does not change any output).
    #[serde(skip)]
    pub out: PathBuf,
    pub meta: Option<PathBuf>,
    pub text_col: Option<String>,
    /// Columns that give the known fields under other names (`--outlet-col`, `--preset`).
    pub fields: crate::ingest::meta::FieldMap,
    pub lang: String,
    pub keep_boilerplate: bool,
    pub save_text: Option<PathBuf>,
    /// User lexicon files (`--lexicon`).
    pub lexicon: Vec<PathBuf>,
    pub lexicon_mode: LexiconMode,
    /// User source list (`--sources`).
    pub sources: Option<PathBuf>,
    /// User tone model (`--model`).
    pub model: Option<PathBuf>,
    /// User tone model for the articles detected as Russian or Ukrainian
    /// (`--tone-model-ru-uk`, a post model made by `slant train tone --unlp`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tone_model_ru_uk: Option<PathBuf>,
    /// The encoder stage (`--encoder` and its options); none: lexicon only.
    pub encoder: Option<EncoderOptions>,
    /// Which lexicon hits are counted (`--count-hits`).
    pub count: CountRule,
    /// Articles shown with their text in `report.html` (0: none; the charts are always drawn).
    pub report_articles: usize,
    pub max_bytes: u64,
    /// Worker threads (0 = one per core). Does not change any output.
    #[serde(skip)]
    pub threads: usize,
    /// Documents per parallel batch.
    #[serde(skip)]
    pub batch: usize,
    /// Write each table as Parquet too (`--format csv,parquet`).
    pub parquet: bool,
    /// Write `fingerprints.csv`, the word shingles `slant merge` needs to find text shared
    /// across output folders (`--fingerprints`).
    pub fingerprints: bool,
    /// Neutralise CSV cells a spreadsheet would run as formulas (`--spreadsheet-safe`,
    /// [`crate::output::formulas`]).
    pub spreadsheet_safe: bool,
}

impl AnalyzeConfig {
    /// Defaults for the given inputs and output folder.
    pub fn new(inputs: Vec<String>, out: PathBuf) -> Self {
        AnalyzeConfig {
            inputs,
            out,
            meta: None,
            text_col: None,
            fields: Default::default(),
            lang: "auto".into(),
            keep_boilerplate: false,
            save_text: None,
            lexicon: Vec::new(),
            lexicon_mode: LexiconMode::Extend,
            sources: None,
            model: None,
            tone_model_ru_uk: None,
            encoder: None,
            count: CountRule::All,
            report_articles: 100,
            max_bytes: ReadOptions::default().max_bytes,
            threads: 0,
            batch: 256,
            parquet: false,
            fingerprints: false,
            spreadsheet_safe: false,
        }
    }

    /// Checks the options that can be checked before reading anything.
    pub fn validate(&self) -> Result<Lang, SlantError> {
        if self.inputs.is_empty() {
            return Err(SlantError::NoInput);
        }
        if self.inputs.iter().filter(|i| *i == "-").count() > 1 {
            return Err(SlantError::Config("standard input ('-') can be given only once".into()));
        }
        if self.max_bytes == 0 {
            return Err(SlantError::Config("--max-bytes must be above 0".into()));
        }
        if self.batch == 0 {
            return Err(SlantError::Config("batch size must be above 0".into()));
        }
        if self.auto_language() {
            return Ok(Lang::english());
        }
        Lang::parse(&self.lang)
    }

    /// `--lang auto`: each article's lexicon is that of the language detected in it (English,
    /// Russian or Ukrainian; English when undecided).
    pub fn auto_language(&self) -> bool {
        self.lang.eq_ignore_ascii_case("auto")
    }

    /// Whether articles in Russian or Ukrainian get slant's rules for those languages
    /// (attribution): with `--lang auto`, `ru` or `uk`.
    pub fn cyrillic_rules(&self) -> bool {
        self.auto_language() || Lang::parse(&self.lang).is_ok_and(|l| matches!(l.code(), "ru" | "uk"))
    }

    /// Where the loaded-language counts of Russian and Ukrainian articles come from, for
    /// [`Summary::language_warning`]: none when from the English lexicon.
    pub fn lexicon_for_cyrillic(&self) -> Option<&'static str> {
        let code = Lang::parse(&self.lang).map(|l| l.code()).unwrap_or("");
        if self.lexicon_mode == LexiconMode::Replace && !self.lexicon.is_empty() {
            Some("your lexicon")
        } else if self.auto_language() {
            Some("slant's Russian and Ukrainian lexicons, chosen by each article's language")
        } else if code == "ru" || code == "uk" {
            Some("slant's lexicon of the language given by --lang")
        } else {
            None
        }
    }

    /// Settings that work but may not do what was meant; `slant analyze` prints them and
    /// `run.json` keeps them.
    pub fn warnings(&self) -> Vec<String> {
        let mut w = Vec::new();
        if let Ok(lang) = Lang::parse(&self.lang) {
            if lang.code() == "ru" || lang.code() == "uk" {
                w.push(format!(
                    "--lang {}: every article is read with slant's {} lexicon and stemmer; the attribution cues and \
                     source list, and the tone model are English, so on text in that language they find little",
                    lang.name(),
                    lang.name()
                ));
            } else if lang != Lang::english() {
                let lexicon = match self.lexicon_mode {
                    LexiconMode::Replace if !self.lexicon.is_empty() => "",
                    _ => "the embedded English lexicon (add --lexicon-mode replace and a lexicon in that language), ",
                };
                w.push(format!(
                    "--lang {} changes the stemmer only: {lexicon}the attribution cues and source list, and the tone \
                     model are English, so on text in another language they find little and score it as English",
                    lang.name()
                ));
            }
        }
        w
    }
}
