//! Inputs from fuzzing (fuzz/, `cargo fuzz run extract_pdf`, `requested_tables`): every crashing or
//! hanging input found is kept in tests/fixtures/fuzz/ and must now give a
//! document or an error, without a panic. A few small inputs from the fuzzing
//! corpus (damaged PDFs that reach deep into the parser) are kept too.

use reportmine::document::Format;
use reportmine::extract::extract_bytes;
use reportmine::extract::pdf::{requested_tables, TableMethod, TableRequest};
use std::path::Path;

#[test]
fn every_kept_fuzz_input_is_handled() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no inputs in {}", dir.display());
    for path in inputs {
        let bytes = std::fs::read(&path).unwrap();
        for format in [Format::Pdf, Format::Html] {
            let outcome =
                std::panic::catch_unwind(|| extract_bytes(&bytes, Some(format), "fuzz", "fuzz"));
            assert!(outcome.is_ok(), "{} panicked as {format:?}", path.display());
        }
        // and as the `requested_tables` target reads them
        for method in [TableMethod::Auto, TableMethod::Lattice, TableMethod::Stream] {
            let request = TableRequest {
                area: Some([50.0, 40.0, 700.0, 560.0]),
                columns: Some(vec![150.0, 300.0, 450.0]),
                method,
            };
            let outcome = std::panic::catch_unwind(|| requested_tables(&bytes, |_| true, &request));
            assert!(
                outcome.is_ok(),
                "{} panicked in {method:?} tables",
                path.display()
            );
        }
    }
}
