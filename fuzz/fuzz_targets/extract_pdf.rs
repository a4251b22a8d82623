//! The PDF parser and text engine on arbitrary bytes: must return a document
//! or an error, never panic, hang or exhaust memory.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reportmine::document::Format;

fuzz_target!(|data: &[u8]| {
    let _ = reportmine::extract::extract_bytes(data, Some(Format::Pdf), "fuzz", "fuzz.pdf");
});
