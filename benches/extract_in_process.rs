//! Extraction time inside one process, without start-up: for each file given,
//! the best of N runs of `extract_bytes`, printed as JSON lines.
//!
//!     cargo bench --bench extract_in_process -- [--repeat N] FILE...

use reportmine::extract::{declared_format, extract_bytes};
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut args = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .peekable();
    let mut repeat = 50;
    let mut files: Vec<PathBuf> = Vec::new();
    while let Some(a) = args.next() {
        if a == "--repeat" {
            repeat = args.next().and_then(|n| n.parse().ok()).unwrap_or(repeat);
        } else {
            files.push(PathBuf::from(a));
        }
    }
    for file in files {
        let bytes = std::fs::read(&file).expect("readable file");
        let declared = declared_format(&file);
        let mut best = f64::MAX;
        for _ in 0..repeat {
            let start = Instant::now();
            let doc = extract_bytes(&bytes, declared, "bench", "bench");
            best = best.min(start.elapsed().as_secs_f64());
            std::hint::black_box(doc.ok());
        }
        println!(
            "{{\"file\": {:?}, \"best_ms\": {:.3}}}",
            file.display().to_string(),
            best * 1000.0
        );
    }
}
