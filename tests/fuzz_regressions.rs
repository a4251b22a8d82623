//! Inputs from fuzzing (fuzz/, `cargo fuzz run extract_pdf`): every crashing or
//! hanging input found is kept in tests/fixtures/fuzz/ and must now give a
//! document or an error, without a panic. A few small inputs from the fuzzing
//! corpus (damaged PDFs that reach deep into the parser) are kept too.

use reportmine::document::Format;
use reportmine::extract::extract_bytes;
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
    }
}
