//! The same input gives the same output on every run: each fixture and
//! corpus document read twice gives the same model (or the same error), and
//! the corpus documents' themes, metrics and grants read twice are the same.
//! (A hash map's order changes from one map to the next, in one process as
//! across runs, so a choice left to it shows here.)

use reportmine::extract::extract_file;
use reportmine::interpret::periods::parse_period;
use reportmine::interpret::{interpret, Context};
use std::path::{Path, PathBuf};

fn documents_under(folder: &Path, found: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("fixture folder")
        .map(|e| e.expect("entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            documents_under(&path, found);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("pdf" | "html" | "htm")
        ) {
            found.push(path);
        }
    }
}

/// A document's model as JSON, or its error, as a run would publish or report it.
fn read(path: &Path) -> String {
    match extract_file(path, "doc", &path.to_string_lossy()) {
        Ok(doc) => serde_json::to_string(&doc).expect("model serialises"),
        Err(e) => format!("error: {e}"),
    }
}

#[test]
fn every_document_reads_the_same_twice() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    documents_under(&root.join("tests/fixtures"), &mut paths);
    documents_under(&root.join("raw"), &mut paths);
    assert!(paths.len() > 100, "{} documents", paths.len());
    let differing: Vec<&PathBuf> = paths.iter().filter(|p| read(p) != read(p)).collect();
    assert!(
        differing.is_empty(),
        "read differently twice: {differing:?}"
    );
}

#[test]
fn the_corpus_interprets_the_same_twice() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths = Vec::new();
    documents_under(&root.join("raw"), &mut paths);
    let ctx = Context::new(
        "Cambridgeshire and Peterborough Police and Crime Commissioner",
        parse_period("2020-21"),
    );
    for path in &paths {
        let Ok(doc) = extract_file(path, "doc", &path.to_string_lossy()) else {
            continue;
        };
        assert_eq!(
            interpret(&doc, &ctx),
            interpret(&doc, &ctx),
            "{}",
            path.display()
        );
    }
}
