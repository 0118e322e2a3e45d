//! `slant analyze --out DIR`: the whole run into an output folder, as one set
//! ([`crate::outset`]): the tables, `run.json`, the charts and the report are written into a
//! staging folder, then moved into place and sealed by `run.json`'s `files`.

use super::*;
use crate::outset::Staging;
use crate::report::{GroupBy, ReportOptions};

/// What [`analyze_folder`] did.
#[derive(Debug)]
pub struct FolderRun {
    pub summary: Summary,
    /// Charts drawn.
    pub charts: usize,
    /// The set's files, relative to the output folder (the marker `run.json` besides).
    pub files: Vec<String>,
}

/// How the run was called, for `run.json` (its end time is taken when the tables are done).
#[derive(Debug, Clone)]
pub struct Called {
    pub command_line: Vec<String>,
    pub started: String,
}

/// Runs `slant analyze`: reads the inputs and writes the outputs, the charts and the report
/// (grouped as `report` says; none without it) into `cfg.out` as one set. Nothing in `cfg.out` is replaced
/// unless the whole run succeeds.
pub fn analyze_folder(
    cfg: &AnalyzeConfig,
    report: Option<&ReportOptions>,
    called: Called,
    progress: &(dyn Fn(Progress) + Sync),
) -> Result<FolderRun, SlantError> {
    let stages = Stages::new(cfg)?;
    // the inputs first: a mistyped path or a sidecar for other files stops the run before
    // any output folder is made
    let opts = ReadOptions {
        text_col: cfg.text_col.clone(),
        fields: cfg.fields.clone(),
        max_bytes: cfg.max_bytes,
        skip_dir: Some(cfg.out.clone()),
    };
    let reader = Reader::new(&cfg.inputs, cfg.meta.as_deref(), opts)?;
    if let Some(r) = report {
        check_group_by(&r.group_by, &stages.categories, &reader)?;
    }
    // every file the run writes at its end is checked now, so that a folder or a pipe in the
    // way of one stops the run before anything is read
    crate::sink::check_targets(&cfg.out, cfg.parquet)?;
    if let Some(dir) = &cfg.save_text {
        std::fs::create_dir_all(dir).map_err(|source| SlantError::Write { path: dir.clone(), source })?;
        // temporary files an interrupted run left there
        crate::outset::sweep(dir)?;
    }
    let staging = Staging::begin(&cfg.out)?;
    progress(Progress::Total(reader.total_bytes));

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(cfg.threads)
        .build()
        .map_err(|e| SlantError::Config(format!("cannot start worker threads: {e}")))?;

    let mut sink = crate::sink::FolderSink::create(
        staging.dir(),
        &stages.categories,
        cfg.save_text.as_deref(),
        cfg.report_articles,
        cfg.parquet,
        cfg.fingerprints,
    )?;
    let mut summary = drive(reader, &pool, &stages, cfg.batch, &mut sink, progress)?;
    let written = sink.finish(&pool)?;
    summary.outputs = written.outputs;
    summary.outputs.push("run.json".into());
    let invocation = Invocation {
        command_line: called.command_line,
        out: cfg.out.display().to_string(),
        threads: pool.current_num_threads(),
        started: called.started,
        finished: output::now_rfc3339(),
    };
    manifest::write_manifest(cfg, &summary, &stages, invocation, staging.dir())?;
    // the report needs none of the stages' lexicons and models: their memory goes to it
    drop(stages);
    let charts = match report {
        // on the run's pool: the charts are drawn on as many threads as the run was given
        Some(r) => pool.install(|| crate::report::render(staging.dir(), r))?.charts,
        None => 0,
    };
    if cfg.spreadsheet_safe {
        crate::output::formulas::neutralise_folder(staging.dir())?;
    }
    let files = staging.commit()?;
    Ok(FolderRun { summary, charts, files })
}

/// A `--group-by` column that no article can have stops the run before it reads anything: it
/// is none of `articles.csv`'s own columns, and no input can carry it (see
/// [`Reader::may_carry`]). A column only a table input may carry is checked when the charts
/// are drawn, before anything in the output folder is replaced.
fn check_group_by(group_by: &GroupBy, categories: &[String], reader: &Reader) -> Result<(), SlantError> {
    let GroupBy::Column(name) = group_by else { return Ok(()) };
    let own = crate::output::article_columns::names(categories);
    if own.iter().any(|c| c == name) || reader.may_carry(name) {
        return Ok(());
    }
    Err(SlantError::Report(crate::report::ReportError::NoColumn(name.clone())))
}
