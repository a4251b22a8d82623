//! Bounds that keep a hostile PDF from taking unbounded memory or time.

use crate::extract::ExtractError;
use lopdf::{DecompressError, Error, Stream};
use std::time::{Duration, Instant};

/// Largest decompressed content stream followed (a page's, or a form's).
pub const MAX_STREAM_BYTES: usize = 64 * 1024 * 1024;
/// Largest decompressed stream while loading the file (object and xref streams).
pub const MAX_LOAD_STREAM_BYTES: usize = 256 * 1024 * 1024;

/// Most line segments a page keeps for table finding: a page drawing more is
/// a chart or a map, and ruled tables need a few hundred at most.
pub const MAX_PAGE_SEGMENTS: usize = 200_000;

/// A stream's decoded bytes, decoded no further than `MAX_STREAM_BYTES`
/// (None past it: a decompression bomb). A stream its filters cannot decode
/// gives its raw bytes, as readers take a stream whose /Filter is wrong.
pub fn decoded(stream: &Stream) -> Option<Vec<u8>> {
    match stream.decompressed_content_with_limit(MAX_STREAM_BYTES) {
        Ok(bytes) => Some(bytes),
        Err(Error::Decompress(DecompressError::MemoryLimitExceeded { .. })) => None,
        Err(_) => Some(stream.content.clone()),
    }
}

/// A work budget: operators interpreted and wall time, checked as work is done.
pub struct Budget {
    ops: u64,
    remaining_ops: u64,
    calls: u64,
    deadline: Instant,
    limit: Duration,
}

impl Budget {
    /// Operators one document may run: 50 million is about 100 times a long Chromium report.
    pub const DEFAULT_OPS: u64 = 50_000_000;

    pub fn new(ops: u64, limit: Duration) -> Self {
        Budget {
            ops,
            remaining_ops: ops,
            calls: 0,
            deadline: Instant::now() + limit,
            limit,
        }
    }

    pub fn spend(&mut self, ops: u64) -> Result<(), ExtractError> {
        self.remaining_ops = self.remaining_ops.saturating_sub(ops.max(1));
        // Reading the clock every operator costs more than the operator; every 4096 is enough.
        if self.remaining_ops == 0 {
            return Err(ExtractError::TooComplex(self.ops));
        }
        self.calls += 1;
        if self.calls.is_multiple_of(4096) && Instant::now() > self.deadline {
            return Err(ExtractError::Timeout(self.limit.as_secs()));
        }
        Ok(())
    }
}
