//! reportmine: public bodies' PDF and HTML reports into versioned open data.
//!
//! The stages, in data-flow order:
//! [`pipeline`] (definitions, discovery, the run) → [`extract`] (PDF and HTML
//! into the [`document`] model) → [`interpret`] (themes, metrics, grants) →
//! [`publish`] (Parquet, JSON, CSV, data package, versions).

pub mod document;
pub mod extract;
pub mod interpret;
pub mod pipeline;
pub mod publish;
