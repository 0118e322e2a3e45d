//! A methods paragraph for a paper, written from an output folder's `run.json`: what was read,
//! with which lexicon, source list and models (names, versions, SHA-256), and how hits were
//! counted, so that a researcher can paste it and a reader can rerun the analysis.

use serde::Deserialize;

/// The parts of `run.json` the paragraph needs.
#[derive(Debug, Clone, Deserialize)]
pub struct RunRecord {
    pub tool: String,
    pub version: String,
    pub invocation: Invocation,
    pub options: Options,
    pub counts: Counts,
    #[serde(default)]
    pub resources: Vec<Resource>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Invocation {
    #[serde(default)]
    pub finished: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Options {
    #[serde(default)]
    pub keep_boilerplate: bool,
    #[serde(default)]
    pub lexicon: Vec<String>,
    #[serde(default)]
    pub lexicon_mode: String,
    #[serde(default)]
    pub count: String,
    #[serde(default)]
    pub encoder: Option<serde_json::Value>,
    #[serde(default)]
    pub lang: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Counts {
    pub articles: usize,
    pub words: usize,
    #[serde(default)]
    pub errors: usize,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Resource {
    pub name: String,
    #[serde(default)]
    pub version: String,
    #[serde(default)]
    pub sha256: String,
}

impl RunRecord {
    /// Reads the text of a `run.json`.
    pub fn parse(json: &str) -> Result<RunRecord, serde_json::Error> {
        serde_json::from_str(json)
    }

    /// The resource whose name starts with `kind:` (or is `kind` followed by a space).
    fn resource(&self, kind: &str) -> Option<&Resource> {
        self.resources
            .iter()
            .find(|r| r.name.strip_prefix(kind).is_some_and(|rest| rest.starts_with(':') || rest.starts_with(' ')))
    }
}

/// `name (version v; SHA-256 abcdef123456)` of a resource, the name without its kind.
fn described(r: &Resource) -> String {
    let name = r.name.split_once(':').map_or(r.name.as_str(), |(_, n)| n);
    let mut parts = Vec::new();
    if !r.version.is_empty() {
        parts.push(format!("version {}", r.version));
    }
    if r.sha256.len() >= 12 {
        parts.push(format!("SHA-256 {}", &r.sha256[..12]));
    }
    match (parts.is_empty(), name.strip_suffix(')')) {
        (true, _) => name.to_string(),
        // `slant-default (2431 entries)`: one parenthesis
        (false, Some(open)) if open.contains('(') => format!("{open}; {})", parts.join("; ")),
        (false, _) => format!("{name} ({})", parts.join("; ")),
    }
}

fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The methods paragraph of a run.
pub fn methods_paragraph(run: &RunRecord) -> String {
    let mut p = Vec::new();
    let date = run.invocation.finished.get(..10).unwrap_or("");
    let failed = if run.counts.errors > 0 {
        format!("; {} inputs or records could not be read and are listed in errors.csv", run.counts.errors)
    } else {
        String::new()
    };
    p.push(format!(
        "We analysed {} article{} ({} words{failed}) with {} {}{}.",
        thousands(run.counts.articles),
        if run.counts.articles == 1 { "" } else { "s" },
        thousands(run.counts.words),
        run.tool,
        run.version,
        if date.is_empty() { String::new() } else { format!(" on {date}") }
    ));
    p.push(if run.options.keep_boilerplate {
        "Every line of each input was read as article text.".to_string()
    } else {
        "Each article's body was separated from page furniture (menus, bylines, captions, related \
         links) by slant's layout rules, and photo captions were set apart."
            .to_string()
    });
    let stemmer = run.resource("stemmer").map(described).unwrap_or_else(|| run.options.lang.clone());
    let lexicon = match run.resource("lexicon") {
        Some(r) => format!("the {} lexicon", described(r)),
        None => "slant's lexicon".to_string(),
    };
    let user = if run.options.lexicon.is_empty() {
        String::new()
    } else if run.options.lexicon_mode == "replace" {
        format!(" (the user lexicon(s) {} alone)", run.options.lexicon.join(", "))
    } else {
        format!(
            " with the user lexicon(s) {} added (a listed term counts in its category and keeps its embedded ones)",
            run.options.lexicon.join(", ")
        )
    };
    let rule = if run.options.count == "flagged" {
        "only hits in sentences the tone model flags were counted"
    } else {
        "every hit was counted (a dictionary count)"
    };
    p.push(format!(
        "Loaded language was counted with {lexicon}{user}, matching inflected forms with the {stemmer} stemmer; \
         {rule}. Each hit was assigned to the outlet's own voice, to a quotation (inside quotation marks) or \
         to reported speech (the content of an attribution outside quotation marks), and rates are given per \
         1,000 words of each voice."
    ));
    if run.options.encoder.is_some() {
        p.push(
            "Loaded words beyond the lexicon were marked by slant's fine-tuned encoder stage, whose hits \
             are counted in their own category."
                .to_string(),
        );
    }
    let mut attr = "Attributions (who is cited, with which verb) were found".to_string();
    if let Some(r) = run.resource("cue model") {
        attr.push_str(&format!(" with the cue model {}", described(r)));
    }
    if let Some(r) = run.resource("sources") {
        attr.push_str(&format!(
            ", and their sources classified by category and country with the source list {}",
            described(r)
        ));
    }
    attr.push('.');
    p.push(attr);
    if let Some(r) = run.resource("tone model") {
        p.push(format!("Sentence tone was scored by the logistic model {}.", described(r)));
    }
    p.push(
        "The inputs (each with its SHA-256), the options and the outputs of the run are recorded in its \
         run.json."
            .to_string(),
    );
    p.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_json(count: &str, lexicon: &str) -> String {
        format!(
            r#"{{"tool":"slant","version":"0.1.0",
            "invocation":{{"finished":"2026-12-06T10:00:00Z"}},
            "options":{{"keep_boilerplate":false,"lexicon":[{lexicon}],"lexicon_mode":"extend","count":"{count}","encoder":null,"lang":"english"}},
            "counts":{{"articles":1234,"words":567890,"errors":2,"warnings":0}},
            "resources":[
              {{"name":"stemmer:snowball-english","version":"rust-stemmers 1","sha256":""}},
              {{"name":"lexicon:slant-default (2431 entries)","version":"3+2","sha256":"1a133c7cd13208d2f4a4"}},
              {{"name":"sources:slant-sources (2440 rows)","version":"3","sha256":"b4c3145ecab21108a669"}},
              {{"name":"cue model:data/attribution/cue_words.tsv (22352 features)","version":"threshold 0.4","sha256":"8dd5103a2623c737"}},
              {{"name":"tone model:slant-tone v2","version":"2021 features","sha256":"9db7c1555bf6bee1"}}
            ]}}"#
        )
    }

    #[test]
    fn the_paragraph_names_every_resource_and_the_counting_rule() {
        let run = RunRecord::parse(&run_json("all", "")).unwrap();
        let p = methods_paragraph(&run);
        for want in [
            "We analysed 1,234 articles (567,890 words; 2 inputs or records could not be read",
            "slant 0.1.0 on 2026-12-06",
            "slant-default (2431 entries; version 3+2; SHA-256 1a133c7cd132)",
            "snowball-english (version rust-stemmers 1)",
            "every hit was counted (a dictionary count)",
            "reported speech",
            "slant-sources (2440 rows; version 3; SHA-256 b4c3145ecab2)",
            "cue_words.tsv (22352 features; version threshold 0.4; SHA-256 8dd5103a2623)",
            "slant-tone v2 (version 2021 features; SHA-256 9db7c1555bf6)",
        ] {
            assert!(p.contains(want), "missing {want:?} in {p}");
        }
        let run = RunRecord::parse(&run_json("flagged", r#""mine.tsv""#)).unwrap();
        let p = methods_paragraph(&run);
        assert!(p.contains("only hits in sentences the tone model flags") && p.contains("mine.tsv added"), "{p}");
        assert!(RunRecord::parse("{}").is_err());
    }
}
