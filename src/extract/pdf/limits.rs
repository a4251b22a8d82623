//! Bounds that keep a hostile PDF from taking unbounded memory or time.

use crate::extract::ExtractError;
use lopdf::{DecompressError, Document, Error, Object, ObjectId, Stream};
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
    decoded_within(stream, MAX_STREAM_BYTES)
}

fn decoded_within(stream: &Stream, limit: usize) -> Option<Vec<u8>> {
    // An empty filter list is no filter (a Windows report writer writes
    // `/Filter []`), as every reader takes it; lopdf would decode it to nothing.
    let raw = || (stream.content.len() <= limit).then(|| stream.content.clone());
    let no_filter = matches!(stream.dict.get(b"Filter"), Ok(Object::Array(a)) if a.is_empty());
    if no_filter {
        return raw();
    }
    match stream.decompressed_content_with_limit(limit) {
        Ok(bytes) => Some(bytes),
        Err(Error::Decompress(DecompressError::MemoryLimitExceeded { .. })) => None,
        Err(_) => raw(),
    }
}

/// A page's content: its content streams decoded and joined, a line break
/// between each (a stream may end mid-token), within `MAX_STREAM_BYTES` in
/// all (None past it). A /Contents entry that is not a stream is passed over.
pub fn page_content(doc: &Document, page_id: ObjectId) -> Option<Vec<u8>> {
    let mut content = Vec::new();
    for id in doc.get_page_contents(page_id) {
        let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
            continue;
        };
        let remaining = MAX_STREAM_BYTES.checked_sub(content.len())?;
        content.extend(decoded_within(stream, remaining)?);
        content.push(b'\n');
    }
    Some(content)
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
        if self.calls.is_multiple_of(4096) {
            return self.check_clock();
        }
        Ok(())
    }

    /// Fails once the wall time is spent. Work done after the content is
    /// read (tables, the text's layout) checks it page by page, so that a
    /// page its tables take long over counts against the document's time.
    pub fn check_clock(&self) -> Result<(), ExtractError> {
        if Instant::now() > self.deadline {
            return Err(ExtractError::Timeout(self.limit.as_secs()));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::dictionary;

    #[test]
    fn the_clock_fails_once_the_time_is_spent() {
        assert!(Budget::new(10, Duration::from_secs(60))
            .check_clock()
            .is_ok());
        let spent = Budget::new(10, Duration::ZERO);
        std::thread::sleep(Duration::from_millis(2));
        assert!(matches!(spent.check_clock(), Err(ExtractError::Timeout(0))));
    }

    #[test]
    fn an_empty_filter_list_is_no_filter() {
        let plain = Stream::new(
            dictionary! { "Filter" => Vec::<Object>::new() },
            b"BT ET".to_vec(),
        );
        assert_eq!(decoded(&plain).as_deref(), Some(&b"BT ET"[..]));
    }

    #[test]
    fn a_pages_content_streams_are_joined_and_bounded() {
        let mut doc = Document::with_version("1.7");
        let empty_filter = dictionary! { "Filter" => Vec::<Object>::new() };
        let first = doc.add_object(Stream::new(empty_filter, b"BT".to_vec()));
        let second = doc.add_object(Stream::new(dictionary! {}, b"ET".to_vec()));
        let page = doc.add_object(dictionary! {
            "Type" => "Page",
            "Contents" => vec![first.into(), second.into()],
        });
        assert_eq!(page_content(&doc, page).as_deref(), Some(&b"BT\nET\n"[..]));
        let huge = doc.add_object(Stream::new(dictionary! {}, vec![b' '; MAX_STREAM_BYTES]));
        let page = doc.add_object(dictionary! {
            "Type" => "Page",
            "Contents" => vec![first.into(), huge.into()],
        });
        assert_eq!(page_content(&doc, page), None);
    }
}
