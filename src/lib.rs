#![doc = include_str!("../README.md")]
// Slices of byte ranges are the currency of the text layer; one-element ones are normal.
#![allow(clippy::single_range_in_vec_init)]

pub mod attribution;
pub mod cite;
pub mod codebook;
pub mod columnar;
pub mod copies;
pub mod datafile;
pub mod encoder;
pub mod error;
pub mod eval;
pub mod ingest;
pub mod lexicon;
pub mod memory;
pub mod merge;
pub mod output;
pub mod outset;
pub mod pipeline;
pub mod report;
pub mod rows;
pub mod sink;
pub mod stats;
pub mod tables;
pub mod text;
pub mod tone;

pub use error::{DocError, ErrorKind, SlantError};
