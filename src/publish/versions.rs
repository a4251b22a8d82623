//! Versions: numbering, versions.json, the `latest` link, and CHANGES.json.
//!
//! A version folder is immutable once renamed into place. `latest` is switched
//! with a rename over the old link, so readers see the old or the new version,
//! never a half-written one.

use super::dataset::Dataset;
use super::writers::row_object;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

/// MAJOR of every version: the output schema's version.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Version {
    pub major: u32,
    pub minor: u32,
    pub patch: u32,
}

impl Version {
    pub fn parse(folder: &str) -> Option<Version> {
        let mut parts = folder.strip_prefix('v')?.split('.');
        let v = Version {
            major: parts.next()?.parse().ok()?,
            minor: parts.next()?.parse().ok()?,
            patch: parts.next()?.parse().ok()?,
        };
        parts.next().is_none().then_some(v)
    }

    pub fn folder(&self) -> String {
        format!("v{self}")
    }
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}.{}", self.major, self.minor, self.patch)
    }
}

/// Every published version folder in a dataset folder, oldest first.
pub fn published(dataset_dir: &Path) -> Vec<Version> {
    let mut out: Vec<Version> = std::fs::read_dir(dataset_dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .filter(|e| e.path().is_dir())
        .filter_map(|e| Version::parse(&e.file_name().to_string_lossy()))
        .collect();
    out.sort();
    out
}

/// The version after the newest: the next data release of the current schema.
pub fn next_version(existing: &[Version]) -> Version {
    let minor = existing
        .iter()
        .filter(|v| v.major == SCHEMA_VERSION)
        .map(|v| v.minor)
        .max()
        .unwrap_or(0);
    Version {
        major: SCHEMA_VERSION,
        minor: minor + 1,
        patch: 0,
    }
}

/// Points `latest` at a version folder atomically (a new link renamed over the old one).
pub fn switch_latest(dataset_dir: &Path, version: &Version) -> std::io::Result<()> {
    let tmp = dataset_dir.join(format!(".latest-{}", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    #[cfg(unix)]
    std::os::unix::fs::symlink(version.folder(), &tmp)?;
    #[cfg(not(unix))]
    std::fs::write(&tmp, version.folder())?;
    std::fs::rename(&tmp, dataset_dir.join("latest"))
}

/// The version `latest` points at, if any.
pub fn latest(dataset_dir: &Path) -> Option<(Version, PathBuf)> {
    let link = dataset_dir.join("latest");
    let target = std::fs::read_link(&link)
        .ok()
        .map(|t| t.to_string_lossy().to_string())
        .or_else(|| std::fs::read_to_string(&link).ok())?;
    let v = Version::parse(target.trim().trim_end_matches('/'))?;
    Some((v, dataset_dir.join(v.folder())))
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct VersionEntry {
    pub version: String,
    pub created: String,
    pub row_counts: BTreeMap<String, usize>,
    pub changes: BTreeMap<String, ChangeCounts>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChangeCounts {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
}

/// Adds a version to versions.json (written to a temporary file, then renamed).
pub fn record_version(dataset_dir: &Path, entry: VersionEntry) -> anyhow::Result<()> {
    let path = dataset_dir.join("versions.json");
    let mut entries: Vec<VersionEntry> = std::fs::read_to_string(&path)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    entries.retain(|e| e.version != entry.version);
    entries.push(entry);
    let tmp = dataset_dir.join(format!(".versions-{}.json", std::process::id()));
    std::fs::write(&tmp, serde_json::to_string_pretty(&entries)? + "\n")?;
    std::fs::rename(tmp, path)?;
    Ok(())
}

/// Rows added, removed and changed per dataset, against the previous version.
#[derive(Debug, Clone, Serialize)]
pub struct Changes {
    pub version: String,
    pub previous_version: Option<String>,
    pub datasets: BTreeMap<String, DatasetChanges>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DatasetChanges {
    #[serde(flatten)]
    pub counts: ChangeCounts,
    /// Keys of the rows, for the small datasets; the large ones (blocks,
    /// tables) give the documents whose rows changed instead.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub added_keys: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub removed_keys: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub changed_keys: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<String>,
}

/// Datasets whose changes are summarised by document rather than listed by key.
const SUMMARISED: &[&str] = &["blocks", "tables"];

pub fn changes(
    version: &Version,
    previous: Option<(&Version, &Path)>,
    datasets: &[Dataset],
) -> Changes {
    let mut out = BTreeMap::new();
    for ds in datasets {
        let old = previous
            .map(|(_, dir)| read_rows(dir, ds.name))
            .unwrap_or_default();
        let new = ds.rows.iter().map(|r| row_object(ds, r)).collect();
        out.insert(
            ds.name.to_string(),
            diff_rows(ds.name, ds.primary_key, new, old),
        );
    }
    Changes {
        version: version.to_string(),
        previous_version: previous.map(|(v, _)| v.to_string()),
        datasets: out,
    }
}

type Row = serde_json::Map<String, serde_json::Value>;

/// The rows of one dataset of a published version, from its JSON copy.
pub fn read_rows(version_dir: &Path, dataset: &str) -> Vec<Row> {
    std::fs::read_to_string(version_dir.join("json").join(format!("{dataset}.json")))
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

fn json_key(key: &[&str], row: &Row) -> String {
    key.iter()
        .map(|k| match row.get(*k) {
            Some(serde_json::Value::String(s)) => s.clone(),
            Some(serde_json::Value::Null) | None => String::new(),
            Some(v) => v.to_string(),
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// Rows added, removed and changed between two versions of one dataset.
pub fn diff_rows(
    name: &str,
    key: &[&str],
    new_rows: Vec<Row>,
    old_rows: Vec<Row>,
) -> DatasetChanges {
    let mut old: HashMap<String, Row> = old_rows
        .into_iter()
        .map(|r| (json_key(key, &r), r))
        .collect();
    let (mut added, mut changed, mut docs) =
        (Vec::new(), Vec::new(), std::collections::BTreeSet::new());
    let doc_of = |row: &Row| {
        row.get("document_id")
            .and_then(|v| v.as_str())
            .unwrap_or("")
            .to_string()
    };
    for obj in &new_rows {
        let k = json_key(key, obj);
        match old.remove(&k) {
            None => added.push(k),
            Some(prev) if &prev != obj => changed.push(k),
            Some(_) => continue,
        }
        docs.insert(doc_of(obj));
    }
    let mut removed: Vec<String> = old.keys().cloned().collect();
    removed.sort();
    for row in old.values() {
        docs.insert(doc_of(row));
    }
    let counts = ChangeCounts {
        added: added.len(),
        removed: removed.len(),
        changed: changed.len(),
    };
    if SUMMARISED.contains(&name) {
        DatasetChanges {
            counts,
            added_keys: vec![],
            removed_keys: vec![],
            changed_keys: vec![],
            documents: docs.into_iter().filter(|d| !d.is_empty()).collect(),
        }
    } else {
        DatasetChanges {
            counts,
            added_keys: added,
            removed_keys: removed,
            changed_keys: changed,
            documents: vec![],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_parse_and_count_up() {
        assert_eq!(
            Version::parse("v1.3.0"),
            Some(Version {
                major: 1,
                minor: 3,
                patch: 0
            })
        );
        assert_eq!(Version::parse("v1.3"), None);
        assert_eq!(Version::parse("latest"), None);
        assert_eq!(next_version(&[]).to_string(), "1.1.0");
        let existing = [
            Version::parse("v1.1.0").unwrap(),
            Version::parse("v1.9.0").unwrap(),
        ];
        assert_eq!(next_version(&existing).to_string(), "1.10.0");
    }

    #[test]
    fn latest_switches_atomically() {
        let dir = tempfile::tempdir().unwrap();
        for v in ["v1.1.0", "v1.2.0"] {
            std::fs::create_dir(dir.path().join(v)).unwrap();
        }
        switch_latest(dir.path(), &Version::parse("v1.1.0").unwrap()).unwrap();
        switch_latest(dir.path(), &Version::parse("v1.2.0").unwrap()).unwrap();
        assert_eq!(latest(dir.path()).unwrap().0.to_string(), "1.2.0");
    }
}
