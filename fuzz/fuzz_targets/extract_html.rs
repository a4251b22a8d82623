//! HTML decoding, main-content selection and table building on arbitrary bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reportmine::document::Format;

fuzz_target!(|data: &[u8]| {
    let _ = reportmine::extract::extract_bytes(data, Some(Format::Html), "fuzz", "fuzz.html");
});
