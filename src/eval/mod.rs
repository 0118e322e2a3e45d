//! Evaluation against gold corpora.
//!
//! - [`ptc`]: the Propaganda Techniques Corpus (SemEval-2020 Task 11): articles and
//!   technique spans in code-point offsets.
//! - [`loaded`]: loaded-language hits scored against gold `Loaded_Language` and
//!   `Name_Calling,Labeling` spans.
//! - [`brat`]: brat standoff attribution relations (PolNeAR).
//! - [`attribution`]: attribution cues and sources scored against brat relations.
//! - [`cue_cv`]: the attribution cue model trained on brat gold, thresholds by cross-validation.
//! - [`news`]: source categories, countries, cue classes and loadedness on annotated news.

pub mod attribution;
pub mod brat;
pub mod cue_cv;
pub mod loaded;
pub mod news;
pub mod ptc;
pub mod unlp;

pub use crate::stats::{bootstrap_ci, f1, pearson, spearman, BOOTSTRAP_ROUNDS};

/// An evaluation input problem.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {message}")]
    Input { path: String, message: String },
}
