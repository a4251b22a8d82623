//! Extraction time inside one process, without start-up: for each file given,
//! the best of N runs of `extract_bytes`, printed as JSON lines.
//!
//!     cargo bench --bench extract_in_process -- [--repeat N] [--tables-cost] FILE...
//!
//! With `--tables-cost`, each PDF is also extracted with table detection off,
//! runs of the two alternating, and both best times are printed with the
//! share that table detection adds.
//!
//! With `--tables on|off`, each PDF is extracted once with table detection on
//! or off and nothing is timed: run under `valgrind --tool=callgrind`, the
//! two instruction counts give the share tables add without the machine's
//! timing noise.

use reportmine::extract::{declared_format, extract_bytes, pdf};
use std::path::PathBuf;
use std::time::Instant;

fn main() {
    let mut args = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .peekable();
    let mut repeat = 50;
    let mut tables_cost = false;
    let mut tables_once: Option<bool> = None;
    let mut files: Vec<PathBuf> = Vec::new();
    while let Some(a) = args.next() {
        if a == "--tables-cost" {
            tables_cost = true;
        } else if a == "--tables" {
            tables_once = args.next().map(|v| v == "on");
        } else if a == "--repeat" {
            repeat = args.next().and_then(|n| n.parse().ok()).unwrap_or(repeat);
        } else {
            files.push(PathBuf::from(a));
        }
    }
    for file in files {
        let bytes = std::fs::read(&file).expect("readable file");
        if let Some(tables) = tables_once {
            std::hint::black_box(pdf::extract_with(&bytes, "bench", "bench", tables).ok());
            continue;
        }
        if tables_cost {
            print_tables_cost(&file, &bytes, repeat);
            continue;
        }
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

/// Best of `repeat` alternating runs with and without table detection.
fn print_tables_cost(file: &std::path::Path, bytes: &[u8], repeat: usize) {
    let time = |tables: bool| {
        let start = Instant::now();
        let doc = pdf::extract_with(bytes, "bench", "bench", tables);
        let t = start.elapsed().as_secs_f64();
        std::hint::black_box(doc.ok());
        t
    };
    let (mut with, mut without) = (f64::MAX, f64::MAX);
    for _ in 0..repeat {
        with = with.min(time(true));
        without = without.min(time(false));
    }
    println!(
        "{{\"file\": {:?}, \"with_tables_ms\": {:.3}, \"without_tables_ms\": {:.3}, \"tables_add\": {:.3}}}",
        file.display().to_string(),
        with * 1000.0,
        without * 1000.0,
        with / without - 1.0
    );
}
