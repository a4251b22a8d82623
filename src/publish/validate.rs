//! Checks a published version folder: every file the manifest names is there
//! with its recorded hash, and every dataset's row count matches.

use super::versions::read_rows;
use crate::pipeline::discover::sha256_file;
use crate::pipeline::report::Manifest;
use std::path::Path;

/// The problems found; empty when the version is sound.
pub fn validate_version(dir: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    let Some(manifest) = Manifest::read(&dir.join("manifest.json")) else {
        return vec![format!(
            "{}: manifest.json is missing or unreadable",
            dir.display()
        )];
    };
    for (rel, expected) in &manifest.files {
        match sha256_file(&dir.join(rel)) {
            Ok(actual) if &actual == expected => {}
            Ok(_) => problems.push(format!(
                "{rel}: content differs from the sha256 in manifest.json"
            )),
            Err(e) => problems.push(format!("{rel}: {e}")),
        }
    }
    for (dataset, expected) in &manifest.row_counts {
        let rows = read_rows(dir, dataset).len();
        if rows != *expected {
            problems.push(format!(
                "{dataset}: {rows} rows in json/{dataset}.json, manifest says {expected}"
            ));
        }
    }
    for name in ["datapackage.json", "CHANGES.json"] {
        let ok = std::fs::read_to_string(dir.join(name))
            .ok()
            .and_then(|t| serde_json::from_str::<serde_json::Value>(&t).ok())
            .is_some();
        if !ok {
            problems.push(format!("{name} is missing or not JSON"));
        }
    }
    problems
}
