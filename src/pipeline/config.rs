//! Pipeline definitions: one TOML file per publisher (see the README for the format).

use crate::interpret::periods::{parse_period, Period};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{path}: cannot read pipeline: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: invalid pipeline: {message}")]
    Invalid { path: PathBuf, message: String },
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PipelineFile {
    pub dataset: DatasetConfig,
    #[serde(default, rename = "source")]
    pub sources: Vec<SourceConfig>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetConfig {
    pub id: String,
    pub title: String,
    pub publisher: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub homepage: Option<String>,
    pub licence: Licence,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Licence {
    pub id: String,
    pub title: String,
    pub url: String,
}

/// One `[[source]]` entry: a path or glob, and metadata for the files it matches.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceConfig {
    pub path: String,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub document_type: Option<String>,
    #[serde(default)]
    pub period: Option<String>,
    /// The plan the document reports on, when the document does not name it
    /// with its years ("Police and Crime Plan 2013-16").
    #[serde(default)]
    pub plan: Option<String>,
}

/// Metadata of one source file after every matching entry is applied.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SourceMeta {
    pub url: Option<String>,
    pub title: Option<String>,
    pub document_type: Option<String>,
    pub period: Option<Period>,
    pub plan: Option<String>,
}

/// A source file the pipeline reads.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceFile {
    /// Where the file is on disk.
    pub path: PathBuf,
    /// The path as published: relative to the project root, with forward slashes.
    pub source_path: String,
    pub meta: SourceMeta,
}

#[derive(Debug, Clone)]
pub struct Pipeline {
    pub path: PathBuf,
    /// The directory source paths are relative to.
    pub root: PathBuf,
    pub dataset: DatasetConfig,
    pub sources: Vec<SourceFile>,
    /// Explicit source paths that do not exist: reported as failed documents.
    pub missing: Vec<String>,
    /// SHA-256 of the definition's text: a changed definition is a changed pipeline.
    pub definition_sha256: String,
}

/// Dataset ids become folder names and URL parts.
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 100
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        && !id.starts_with(['-', '_'])
}

impl Pipeline {
    pub fn load(path: &Path) -> Result<Pipeline, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let invalid = |message: String| ConfigError::Invalid {
            path: path.to_path_buf(),
            message,
        };
        let file: PipelineFile = toml::from_str(&text).map_err(|e| invalid(e.to_string()))?;
        if !valid_id(&file.dataset.id) {
            return Err(invalid(format!(
                "dataset id {:?} must be lower-case letters, digits, '-' or '_'",
                file.dataset.id
            )));
        }
        if file.sources.is_empty() {
            return Err(invalid("no [[source]] entries".into()));
        }
        let root = project_root(path);
        let (sources, missing) = resolve_sources(&root, &file.sources).map_err(invalid)?;
        Ok(Pipeline {
            path: path.to_path_buf(),
            root,
            dataset: file.dataset,
            sources,
            missing,
            definition_sha256: crate::pipeline::discover::sha256_hex(text.as_bytes()),
        })
    }
}

/// Source paths are relative to the project root: the folder that holds
/// `pipelines/`, or the definition's own folder when it lives elsewhere.
pub fn project_root(definition: &Path) -> PathBuf {
    let dir = definition.parent().unwrap_or(Path::new("."));
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    if dir.file_name().is_some_and(|n| n == "pipelines") {
        dir.parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."))
    } else {
        dir.to_path_buf()
    }
}

fn is_glob(p: &str) -> bool {
    p.contains(['*', '?', '['])
}

/// Expands globs and merges each file's metadata: entries apply in order, a
/// later entry's fields overriding an earlier one's.
fn resolve_sources(
    root: &Path,
    entries: &[SourceConfig],
) -> Result<(Vec<SourceFile>, Vec<String>), String> {
    let mut files: BTreeMap<String, SourceMeta> = BTreeMap::new();
    let mut missing = Vec::new();
    for entry in entries {
        if entry.path.starts_with('/') || entry.path.split('/').any(|part| part == "..") {
            return Err(format!(
                "source path {:?} must be relative to the project root, without '..'",
                entry.path
            ));
        }
        let period = match &entry.period {
            Some(p) => Some(parse_period(p).ok_or_else(|| {
                format!("source {:?}: period {p:?} is not YYYY-MM-DD/YYYY-MM-DD, a year span such as 2013-14, or a year", entry.path)
            })?),
            None => None,
        };
        let matched: Vec<String> = if is_glob(&entry.path) {
            let pattern = root.join(&entry.path);
            let pattern = pattern.to_string_lossy();
            let paths =
                glob::glob(&pattern).map_err(|e| format!("source glob {:?}: {e}", entry.path))?;
            paths
                .filter_map(Result::ok)
                .filter(|p| p.is_file())
                .filter_map(|p| relative(root, &p))
                .collect()
        } else if root.join(&entry.path).is_file() {
            vec![entry.path.clone()]
        } else {
            missing.push(entry.path.clone());
            continue;
        };
        if matched.is_empty() {
            tracing::warn!(pattern = %entry.path, "source glob matches no file");
        }
        for source_path in matched {
            let meta = files.entry(source_path).or_default();
            meta.url = entry.url.clone().or(meta.url.take());
            meta.title = entry.title.clone().or(meta.title.take());
            meta.document_type = entry.document_type.clone().or(meta.document_type.take());
            meta.period = period.or(meta.period);
            meta.plan = entry.plan.clone().or(meta.plan.take());
        }
    }
    let sources = files
        .into_iter()
        .map(|(source_path, meta)| SourceFile {
            path: root.join(&source_path),
            source_path,
            meta,
        })
        .collect();
    missing.sort();
    missing.dedup();
    Ok((sources, missing))
}

fn relative(root: &Path, p: &Path) -> Option<String> {
    let rel = p.strip_prefix(root).ok()?;
    Some(
        rel.components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_is_the_folder_above_pipelines() {
        assert_eq!(
            project_root(Path::new("proj/pipelines/a.toml")),
            PathBuf::from("proj")
        );
        assert_eq!(
            project_root(Path::new("pipelines/a.toml")),
            PathBuf::from("")
        );
        assert_eq!(
            project_root(Path::new("elsewhere/a.toml")),
            PathBuf::from("elsewhere")
        );
    }

    #[test]
    fn globs_expand_and_later_entries_override() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("raw")).unwrap();
        for f in ["a.pdf", "b.pdf", "c.html"] {
            std::fs::write(dir.path().join("raw").join(f), b"x").unwrap();
        }
        let entries = vec![
            SourceConfig {
                path: "raw/*.pdf".into(),
                document_type: Some("report".into()),
                ..Default::default()
            },
            SourceConfig {
                path: "raw/b.pdf".into(),
                document_type: Some("plan".into()),
                period: Some("2017-20".into()),
                plan: Some("Police and Crime Plan 2017-20".into()),
                ..Default::default()
            },
            SourceConfig {
                path: "raw/gone.pdf".into(),
                ..Default::default()
            },
        ];
        let (files, missing) = resolve_sources(dir.path(), &entries).unwrap();
        let got: Vec<_> = files
            .iter()
            .map(|f| (f.source_path.as_str(), f.meta.document_type.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![("raw/a.pdf", Some("report")), ("raw/b.pdf", Some("plan"))]
        );
        assert!(files[1].meta.period.is_some());
        assert_eq!(files[0].meta.plan, None);
        assert_eq!(
            files[1].meta.plan.as_deref(),
            Some("Police and Crime Plan 2017-20")
        );
        assert_eq!(missing, vec!["raw/gone.pdf"]);
    }

    #[test]
    fn escaping_the_root_is_refused() {
        let entries = vec![SourceConfig {
            path: "../secret/*.pdf".into(),
            ..Default::default()
        }];
        assert!(resolve_sources(Path::new("."), &entries).is_err());
    }
}
