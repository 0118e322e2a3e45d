//! `run.json`: the run's options, inputs, counts and embedded resources.

use super::*;

/// The `run.json` manifest.
#[derive(Debug, Serialize)]
pub struct Manifest<'a> {
    pub tool: &'static str,
    pub version: &'static str,
    /// Everything that may differ between two runs giving the same outputs.
    pub invocation: Invocation,
    pub options: &'a AnalyzeConfig,
    pub inputs: &'a [InputRecord],
    pub counts: &'a Summary,
    pub resources: Vec<Resource>,
    /// Settings that work but may not do what was meant ([`AnalyzeConfig::warnings`]).
    pub warnings: Vec<String>,
}

/// How the tool was called: command line, thread count, start and end times.
#[derive(Debug, Serialize)]
pub struct Invocation {
    pub command_line: Vec<String>,
    /// The output folder (`--out`).
    pub out: String,
    pub threads: usize,
    pub started: String,
    pub finished: String,
}

/// An embedded resource (stemmer, lexicon, model) with its version and hash.
#[derive(Debug, Serialize)]
pub struct Resource {
    pub name: String,
    pub version: String,
    pub sha256: String,
}

/// Writes `run.json` into `dir` (the staging folder of `cfg.out`).
pub(super) fn write_manifest(
    cfg: &AnalyzeConfig,
    summary: &Summary,
    stages: &Stages,
    invocation: Invocation,
    dir: &Path,
) -> Result<(), SlantError> {
    let lang = cfg.validate()?;
    let cue_model = crate::attribution::extract::default_model();
    let mut resources = vec![
        Resource {
            name: format!("stemmer:snowball-{}", lang.name()),
            version: "rust-stemmers 1".into(),
            sha256: String::new(),
        },
        Resource {
            name: format!("lexicon:{} ({} entries)", stages.lexicon.name, stages.lexicon.entries.len()),
            version: stages.lexicon.version.clone(),
            sha256: stages.lexicon.sha256.clone(),
        },
    ];
    // --lang auto: the lexicons of articles detected as Russian or Ukrainian
    for o in &stages.others {
        resources.push(Resource {
            name: format!(
                "lexicon[{}]:{} ({} entries, stemmer {})",
                o.code,
                o.lexicon.name,
                o.lexicon.entries.len(),
                o.code
            ),
            version: o.lexicon.version.clone(),
            sha256: o.lexicon.sha256.clone(),
        });
    }
    resources.extend([
        Resource {
            name: format!("sources:{} ({} rows)", stages.attribution.sources.name, stages.attribution.sources.rows),
            version: stages.attribution.sources.version.clone(),
            sha256: stages.attribution.sources.sha256.clone(),
        },
        Resource {
            name: format!("cues ({} entries)", stages.attribution.cues.entries),
            version: stages.attribution.cues.version.clone(),
            sha256: stages.attribution.cues.sha256.clone(),
        },
        Resource {
            name: format!("cue model:data/attribution/cue_words.tsv ({} features)", cue_model.len()),
            version: format!("threshold {}, low {}; made by slant train cues", cue_model.threshold, cue_model.low),
            sha256: crate::ingest::sha256_hex(crate::attribution::extract::CUE_MODEL_TSV.as_bytes()),
        },
        Resource {
            name: format!("tone model:{}", stages.tone.name),
            version: format!("{} features", stages.tone.scorer.model.features.len()),
            sha256: stages.tone.sha256.clone(),
        },
    ]);
    if let Some(t) = &stages.tone_ru_uk {
        resources.push(Resource {
            name: format!("tone model for Russian and Ukrainian:{}", t.name),
            version: format!("{} features", t.scorer.model.features.len()),
            sha256: t.sha256.clone(),
        });
    }
    if let Some(enc) = &stages.encoder {
        resources.push(Resource {
            name: format!("encoder:{} + adapter, base from {}", enc.settings.base, enc.dir.display()),
            version: format!("threshold {}, {}", enc.settings.threshold, enc.settings.trained),
            sha256: enc.sha256.clone(),
        });
    }
    let manifest = Manifest {
        tool: "slant",
        version: env!("CARGO_PKG_VERSION"),
        invocation,
        options: cfg,
        inputs: &summary.inputs,
        counts: summary,
        resources,
        warnings: cfg.warnings(),
    };
    output::write_json(&dir.join("run.json"), &manifest)
}
