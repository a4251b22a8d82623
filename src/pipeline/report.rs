//! The run report: manifest.json in every version, and the errors a run names on stderr.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A document that could not be published, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocError {
    pub source_path: String,
    pub error: String,
}

impl DocError {
    pub fn new(source_path: &str, error: impl Into<String>) -> Self {
        DocError {
            source_path: source_path.to_string(),
            error: error.into(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct PipelineInfo {
    pub path: String,
    pub sha256: String,
    /// reportmine version and definition hash: a change to either re-extracts everything.
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InputStatus {
    /// Extracted in this run.
    Extracted,
    /// Unchanged since an earlier run: its extraction was reused.
    Cached,
    Failed,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct InputRecord {
    pub source_path: String,
    pub sha256: Option<String>,
    pub document_id: Option<String>,
    pub status: InputStatus,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub extract_ms: Option<u64>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    pub dataset_id: String,
    pub version: String,
    pub schema_version: u32,
    pub reportmine_version: String,
    pub created: String,
    pub pipeline: PipelineInfo,
    pub inputs: Vec<InputRecord>,
    pub row_counts: BTreeMap<String, usize>,
    pub errors: Vec<DocError>,
    /// SHA-256 of every data file, by path within the version folder.
    pub files: BTreeMap<String, String>,
    pub timings_ms: BTreeMap<String, u64>,
}

impl Manifest {
    pub fn read(path: &std::path::Path) -> Option<Manifest> {
        let text = std::fs::read_to_string(path).ok()?;
        serde_json::from_str(&text).ok()
    }
}
