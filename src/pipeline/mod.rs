//! Pipelines: definitions, discovery of sources, the run and its report.

pub mod cache;
pub mod config;
pub mod discover;
pub mod lock;
pub mod report;
pub mod run;

pub use config::{ConfigError, Pipeline};
pub use run::{run_pipeline, PipelineOutcome, RunOptions};
