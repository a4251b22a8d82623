//! The extraction cache: each document's model, keyed by the file's sha256 and
//! the engine revision, so an unchanged file is not extracted again.

use crate::document::Document;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Bumped whenever extraction output changes, so old cache entries are not reused.
pub const ENGINE_REVISION: &str = concat!(env!("CARGO_PKG_VERSION"), "-e162");

#[derive(Serialize, Deserialize)]
struct Entry {
    engine: String,
    document: Document,
}

pub struct Cache {
    dir: PathBuf,
}

impl Cache {
    pub fn new(dataset_dir: &Path) -> Cache {
        Cache {
            dir: dataset_dir.join(".cache"),
        }
    }

    fn path(&self, sha256: &str) -> PathBuf {
        self.dir.join(format!("{sha256}.json"))
    }

    /// The cached model, if it was made by this engine revision.
    pub fn get(&self, sha256: &str, document_id: &str, source_path: &str) -> Option<Document> {
        let text = std::fs::read(self.path(sha256)).ok()?;
        let entry: Entry = serde_json::from_slice(&text).ok()?;
        if entry.engine != ENGINE_REVISION {
            return None;
        }
        let mut doc = entry.document;
        doc.document_id = document_id.to_string();
        doc.source_path = source_path.to_string();
        Some(doc)
    }

    /// Stores a model; a failure to cache only costs time next run, so it is logged, not raised.
    pub fn put(&self, sha256: &str, doc: &Document) {
        let write = || -> std::io::Result<()> {
            std::fs::create_dir_all(&self.dir)?;
            let entry = Entry {
                engine: ENGINE_REVISION.to_string(),
                document: doc.clone(),
            };
            let tmp = self
                .dir
                .join(format!(".{sha256}.{}.tmp", std::process::id()));
            std::fs::write(&tmp, serde_json::to_vec(&entry)?)?;
            std::fs::rename(tmp, self.path(sha256))
        };
        if let Err(e) = write() {
            tracing::warn!(error = %e, "could not write the extraction cache");
        }
    }
}
