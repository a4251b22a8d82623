//! Extraction: a source file's bytes into the [`Document`] model.
//!
//! The format is sniffed from the bytes, not trusted from the file name: a CMS
//! error page saved as `.pdf` is reported as such rather than parsed.

pub mod html;
pub mod pdf;

use crate::document::{Document, Format};
use std::path::Path;

/// Where `needle` first stands in `haystack` (a charset in an HTML head, a
/// key in a font program's cleartext).
pub(crate) fn find_bytes(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Why a document could not be extracted. Every variant names its cause in
/// words a data team can act on.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    #[error("cannot read file: {0}")]
    Io(#[from] std::io::Error),
    #[error("empty file (0 bytes)")]
    Empty,
    #[error("file is larger than the {limit_mb} MB limit ({size} bytes)")]
    TooLarge { size: u64, limit_mb: u64 },
    #[error("not a PDF: the file starts with {start:?}{hint}")]
    NotPdf { start: String, hint: &'static str },
    #[error("unrecognised format: neither PDF nor HTML (starts with {0:?})")]
    UnknownFormat(String),
    #[error("PDF cannot be parsed: {0}")]
    PdfParse(String),
    #[error("PDF is encrypted and needs a password to open")]
    PdfPassword,
    #[error("PDF is encrypted with its encryption dictionary written in the trailer, which the PDF parser cannot apply")]
    PdfInlineEncryption,
    #[error("PDF has no pages")]
    NoPages,
    #[error(
        "no text layer on any of its {pages} pages (a scanned document?); OCR is not supported"
    )]
    NoTextLayer { pages: u32 },
    #[error("extraction took longer than {0} seconds")]
    Timeout(u64),
    #[error("extraction exceeded its work limit of {0} content operators")]
    TooComplex(u64),
}

/// Largest input we read into memory: far above any real report.
pub const MAX_INPUT_BYTES: u64 = 512 * 1024 * 1024;

/// Extracts a document from a file on disk.
pub fn extract_file(
    path: &Path,
    document_id: &str,
    source_path: &str,
) -> Result<Document, ExtractError> {
    let size = std::fs::metadata(path)?.len();
    if size > MAX_INPUT_BYTES {
        return Err(ExtractError::TooLarge {
            size,
            limit_mb: MAX_INPUT_BYTES / (1024 * 1024),
        });
    }
    let bytes = std::fs::read(path)?;
    let declared = declared_format(path);
    extract_bytes(&bytes, declared, document_id, source_path)
}

/// Extracts a document from bytes. `declared` is the format the file name claims.
pub fn extract_bytes(
    bytes: &[u8],
    declared: Option<Format>,
    document_id: &str,
    source_path: &str,
) -> Result<Document, ExtractError> {
    if bytes.is_empty() {
        return Err(ExtractError::Empty);
    }
    let sniffed = sniff(bytes);
    match (declared, sniffed) {
        (_, Some(Format::Pdf)) => pdf::extract(bytes, document_id, source_path),
        (Some(Format::Pdf), other) => Err(ExtractError::NotPdf {
            start: start_of(bytes),
            hint: if other == Some(Format::Html) {
                " (an HTML page saved under a .pdf name, such as a 'not found' page)"
            } else {
                ""
            },
        }),
        (_, Some(Format::Html)) | (Some(Format::Html), None) => {
            html::extract(bytes, document_id, source_path)
        }
        (None, None) => Err(ExtractError::UnknownFormat(start_of(bytes))),
    }
}

/// The format a file name claims, from its extension.
pub fn declared_format(path: &Path) -> Option<Format> {
    let ext = path.extension()?.to_str()?.to_ascii_lowercase();
    match ext.as_str() {
        "pdf" => Some(Format::Pdf),
        "html" | "htm" | "xhtml" => Some(Format::Html),
        _ => None,
    }
}

/// The format the bytes show. PDF readers accept `%PDF-` within the first
/// kilobyte (junk before the header is common), so do we.
pub fn sniff(bytes: &[u8]) -> Option<Format> {
    let head = &bytes[..bytes.len().min(1024)];
    if head.windows(5).any(|w| w == b"%PDF-") {
        return Some(Format::Pdf);
    }
    let text = String::from_utf8_lossy(head).to_ascii_lowercase();
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let html_start = [
        "<!doctype html",
        "<html",
        "<head",
        "<body",
        "<?xml",
        "<!--",
        "<meta",
        "<title",
        "<div",
    ];
    if html_start.iter().any(|s| text.starts_with(s)) || text.contains("<html") {
        return Some(Format::Html);
    }
    None
}

fn start_of(bytes: &[u8]) -> String {
    let head = &bytes[..bytes.len().min(24)];
    String::from_utf8_lossy(head).trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_saved_as_pdf_is_named_as_such() {
        let err = extract_bytes(
            b"<!DOCTYPE html><html><title>Not found</title>",
            Some(Format::Pdf),
            "x",
            "x.pdf",
        )
        .unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("not a PDF"), "{msg}");
        assert!(msg.contains("HTML page"), "{msg}");
    }

    #[test]
    fn empty_input_is_an_error() {
        assert!(matches!(
            extract_bytes(b"", None, "x", "x"),
            Err(ExtractError::Empty)
        ));
    }

    #[test]
    fn sniffs_pdf_after_leading_junk() {
        assert_eq!(sniff(b"\r\n  %PDF-1.7\n"), Some(Format::Pdf));
        assert_eq!(sniff(b"\xef\xbb\xbf<!DOCTYPE html>"), Some(Format::Html));
        assert_eq!(sniff(b"PK\x03\x04"), None);
    }
}
