//! Discovery: the pipeline's source files, hashed. The hash is the document's
//! identity: its first 16 hex digits are the document_id.

use super::config::{Pipeline, SourceFile};
use super::report::DocError;
use sha2::{Digest, Sha256};
use std::io::Read;

#[derive(Debug, Clone)]
pub struct Discovered {
    pub source: SourceFile,
    pub sha256: String,
    pub document_id: String,
}

pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(DIGITS[(b >> 4) as usize] as char);
        s.push(DIGITS[(b & 15) as usize] as char);
    }
    s
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

pub fn sha256_file(path: &std::path::Path) -> std::io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 1 << 16];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex(&hasher.finalize()))
}

/// Hashes every source. Unreadable and missing files become errors; a file
/// with the same content as an earlier one is skipped with a warning, since
/// it would be the same document twice.
pub fn discover(pipeline: &Pipeline) -> (Vec<Discovered>, Vec<DocError>) {
    let mut found: Vec<Discovered> = Vec::new();
    let mut errors: Vec<DocError> = pipeline
        .missing
        .iter()
        .map(|p| DocError::new(p, "file not found"))
        .collect();
    for source in &pipeline.sources {
        match sha256_file(&source.path) {
            Ok(sha256) => {
                if let Some(first) = found.iter().find(|d| d.sha256 == sha256) {
                    tracing::warn!(
                        file = %source.source_path,
                        same_as = %first.source.source_path,
                        "skipped: same content as another source"
                    );
                    continue;
                }
                found.push(Discovered {
                    document_id: sha256[..16].to_string(),
                    sha256,
                    source: source.clone(),
                });
            }
            Err(e) => errors.push(DocError::new(
                &source.source_path,
                format!("cannot read file: {e}"),
            )),
        }
    }
    (found, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_abc() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }
}
