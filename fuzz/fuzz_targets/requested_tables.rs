//! Tables read as a reader asks (an area, column boundaries, each method) on
//! arbitrary bytes: an error or tables, never a panic or a hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reportmine::extract::pdf::{requested_tables, TableMethod, TableRequest};

fuzz_target!(|data: &[u8]| {
    for method in [TableMethod::Auto, TableMethod::Lattice, TableMethod::Stream] {
        let request = TableRequest {
            area: Some([50.0, 40.0, 700.0, 560.0]),
            columns: Some(vec![150.0, 300.0, 450.0]),
            method,
        };
        let _ = requested_tables(data, |_| true, &request);
    }
});
