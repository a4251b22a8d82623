//! Tables without ruling lines ("stream"): runs of text rows that each hold
//! several separate chunks of text, whose chunks line up in columns, as the
//! stream modes of Tabula and Camelot find them. Prose never qualifies: its
//! lines are single long chunks, and a multi-column page's chunks are long
//! runs of words; table cells are short, and often figures.

use super::geometry::{enclosing, merge_spans};
use super::interpreter::{Fill, FontStyle, Glyph, PageContent};
use super::layout::{
    draws_word_spaces, is_bullet_glyph, is_list_label, page_lines, LayoutSettings, Line,
    UnspacedGaps,
};
use super::sideways_headings::add_sideways_headings;
use super::tables::{
    append_chunk, colours_at, mark_taken, push_line, FoundTable, TableSettings, PHRASE_GAP,
};
use super::wrapped_cells::{self, TableLine};
use crate::document::{BBox, Cell, Table};
use std::collections::HashSet;

mod page_breaks;
pub use page_breaks::{
    as_carried_body, carried_cell_lines, column_at, continuation, fill_at, in_running_columns,
    under_repeated_head, CutTable, RunningShape,
};

#[derive(Debug, Clone)]
pub struct StreamSettings {
    /// A gap wider than this (× font size) between words separates two cells.
    pub cell_gap: f64,
    /// Rows further apart than this (× font size, baseline to baseline) end a table,
    pub max_row_gap: f64,
    /// but for records' lines of figures set evenly apart, up to this far.
    pub max_spaced_row_gap: f64,
    /// Fewest rows of several cells that make a table.
    pub min_rows: usize,
    /// Most rows of one chunk in a row between rows of several, inside one table.
    pub max_single_rows: usize,
    /// Most rows of one chunk in a table, as a share of its rows of several.
    pub max_single_share: f64,
    /// Most lines a header laid out line by line may have.
    pub max_header_rows: usize,
    /// A row of headings set apart above a table's first row (baseline to
    /// baseline) sits at most this far above it (× font size).
    pub max_header_gap: f64,
    /// A gap this wide (pt) that no text crosses anywhere on the page parts its text columns.
    pub gutter_min: f64,
    /// Most gutters a page is parted at (each costs two more passes).
    pub max_gutters: usize,
    /// Most words the typical chunk of a short column has; prose columns have more.
    pub max_words_per_cell: f64,
    /// Fewest columns of short chunks a table has (a column of long text, such
    /// as a grant's purpose, may stand beside them).
    pub min_short_columns: usize,
    /// A cell's wrapped line sits at most this far (× font size, baseline to
    /// baseline) below the line above it: a line and a half (xhtml2pdf's
    /// leading), and a little more, as the size read from the letters may
    /// fall a little short of the type's.
    pub wrap_leading: f64,
    /// A cell's wrapped line sits at least this far (× font size) below the
    /// line above it: lines closer are a record's cells interleaved (set at
    /// the middle of their rows), not one cell's lines.
    pub min_wrap_leading: f64,
    /// Records stand apart when the gaps between lines fall into two groups,
    /// the wider at least this many times the narrower.
    pub record_gap_ratio: f64,
    /// Two tables stand side by side when the gap between them is this many
    /// times the other column gaps (and the font size) at least.
    pub side_by_side_gap: f64,
    /// Column gaps wider than this (× font size) separate columns.
    pub column_gap: f64,
    /// Cells within this share of the median size count as one size.
    pub size_tolerance: f64,
    /// A cell's lines are set in one size: a line wrapped from the line
    /// above is within this share of its size (body text set a point
    /// larger or smaller under a table is not).
    pub wrap_size_tolerance: f64,
    /// At least this share of cells must be of the median size, within
    /// `uniform_size_tolerance` of it.
    pub uniform_share: f64,
    /// How far (share) a cell's size may be off the table's median and be of
    /// it. Wider than `size_tolerance`: the sizes an OCR program gives the
    /// words it reads off a scan are its estimates of each line's height,
    /// in whole points (10 to 12 for a table set in 11 pt).
    pub uniform_size_tolerance: f64,
    /// More cells than this share starting in lower case is wrapped prose, not a table.
    pub max_lowercase_share: f64,
    /// In a table laid out line by line, a gap wider than this (× font size) ends a chunk of text.
    pub chunk_gap: f64,
    /// A chunk joins a line when their letters' heights overlap by this share of the shorter.
    /// (A cell set at the middle of its row, between two wrapped lines of its
    /// neighbour, overlaps the lower one's letters by an eighth.)
    pub row_overlap: f64,
    /// Height of a line's letters above the baseline (× font size).
    pub letter_height: f64,
    /// A row this share further below the one above than the table's row pitch is set apart.
    pub pitch_tolerance: f64,
    /// A cell's lines are set at one leading: a line this share further
    /// below the line above than the table's cells wrap at is no line of a cell.
    pub leading_tolerance: f64,
    /// A line of one chunk within this share of the page's height from its top is a running header.
    pub running_header_zone: f64,
    /// The lines of a wrapped cell are put back into one cell (`wrapped_cells`);
    /// when false every text line is a row, as the stream modes of tabula,
    /// camelot and pdfplumber lay a table out.
    pub join_wrapped_cells: bool,
    /// A line under a table that starts this far (pt) left of every row's
    /// text is a note set at the page's margin, no row of the table.
    pub note_outdent: f64,
}

impl StreamSettings {
    /// Whether `other` is set in the `size` of a cell's lines, within
    /// `wrap_size_tolerance` of it.
    pub(super) fn one_size(&self, size: f64, other: f64) -> bool {
        (other - size).abs() <= self.wrap_size_tolerance * size
    }
}

impl Default for StreamSettings {
    fn default() -> Self {
        StreamSettings {
            cell_gap: 0.7,
            max_row_gap: 2.6,
            max_spaced_row_gap: 4.0,
            min_rows: 3,
            max_single_rows: 2,
            max_single_share: 0.5,
            max_header_rows: 6,
            max_header_gap: 4.0,
            gutter_min: 12.0,
            max_gutters: 8,
            max_words_per_cell: 4.0,
            min_short_columns: 2,
            wrap_leading: 1.55,
            min_wrap_leading: 0.8,
            record_gap_ratio: 1.15,
            side_by_side_gap: 2.5,
            column_gap: 0.5,
            size_tolerance: 0.15,
            wrap_size_tolerance: 0.05,
            uniform_share: 0.9,
            uniform_size_tolerance: 0.2,
            max_lowercase_share: 0.3,
            chunk_gap: 0.4,
            row_overlap: 0.2,
            letter_height: 0.6,
            pitch_tolerance: 0.15,
            leading_tolerance: 0.05,
            running_header_zone: 0.1,
            join_wrapped_cells: true,
            note_outdent: 2.0,
        }
    }
}

/// A row: the chunks of text on one baseline, left to right.
#[derive(Clone)]
pub(super) struct Row {
    pub baseline: f64,
    pub size: f64,
    pub chunks: Vec<Line>,
}

impl Row {
    /// The top of the row's text.
    pub(super) fn top(&self) -> f64 {
        self.chunks.iter().map(|c| c.top).fold(f64::MAX, f64::min)
    }

    /// The foot of the row's text.
    pub(super) fn bottom(&self) -> f64 {
        self.chunks
            .iter()
            .map(|c| c.bottom)
            .fold(f64::MIN, f64::max)
    }

    /// A record's line of figures: several chunks, a figure among them.
    fn holds_figures(&self) -> bool {
        self.chunks.len() >= 2 && self.chunks.iter().any(|c| super::holds_data(&c.text))
    }
}

/// Upright chunks of text grouped into rows by baseline, top to bottom.
pub(super) fn rows_of(lines: Vec<Line>) -> Vec<Row> {
    let mut lines: Vec<Line> = lines.into_iter().filter(|l| l.dir[0] > 0.99).collect();
    lines.sort_by(|a, b| {
        a.baseline
            .total_cmp(&b.baseline)
            .then(a.x0.total_cmp(&b.x0))
    });
    let mut rows: Vec<Row> = Vec::new();
    for l in lines {
        match rows.last_mut() {
            Some(r) if (l.baseline - r.baseline).abs() <= 0.3 * r.size.max(l.size) => {
                r.chunks.push(l)
            }
            _ => rows.push(Row {
                baseline: l.baseline,
                size: l.size,
                chunks: vec![l],
            }),
        }
    }
    for r in &mut rows {
        r.chunks.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    }
    rows
}

/// The rows of the page's glyphs not taken, chunks parted at cell gaps.
fn free_rows(
    page: &PageContent,
    taken: &[bool],
    fonts: &[FontStyle],
    s: &StreamSettings,
) -> Vec<Row> {
    let free = page
        .glyphs
        .iter()
        .zip(taken)
        .filter(|(_, t)| !**t)
        .map(|(g, _)| g);
    // (rows are read to find tables: a figure a hair from the next cell's
    // text is parted from it, other text set apart only when a table is laid out)
    let layout = LayoutSettings {
        segment_gap: s.cell_gap,
        unspaced_gaps: if draws_word_spaces(&page.glyphs) {
            UnspacedGaps::PartedAfterFigures
        } else {
            UnspacedGaps::Joined
        },
        ..LayoutSettings::default()
    };
    rows_of(page_lines(0, free, fonts, &layout))
}

/// The indices of the glyphs not taken whose centres lie in `area`.
fn free_glyphs_in(page: &PageContent, taken: &[bool], area: BBox) -> Vec<usize> {
    (0..page.glyphs.len())
        .filter(|&i| !taken[i] && super::tables::box_holds(area, page.glyphs[i].centre()))
        .collect()
}

/// Finds the page's unruled tables among the glyphs not already in a table:
/// first across the whole page, then on each side of each gutter (a gap
/// that runs the page's height), where a table set beside a column of prose
/// shares its lines with the prose.
pub fn stream_tables(
    page: &PageContent,
    taken: &[bool],
    fonts: &[FontStyle],
    s: &StreamSettings,
) -> Vec<FoundTable> {
    // the page's text columns, found once: a table is not laid across one
    let strips = page_strips(page, taken, s);
    // (the page's bands of tint, found once: its rows' stripes)
    let bands = tinted_bands(&page.fills);
    let mut found = detect(page, taken, fonts, (&strips, &bands), s);
    let mut left = taken.to_vec();
    mark_taken(&mut left, &found);
    // Each gutter parts the page in two; a table may lie wholly on either
    // side (its own columns may be parted by gutters too, so no finer split).
    let strips = if found.is_empty() {
        strips
    } else {
        page_strips(page, &left, s)
    };
    let gutters: Vec<f64> = strips
        .windows(2)
        .map(|w| (w[0].1 + w[1].0) / 2.0)
        .take(s.max_gutters)
        .collect();
    for x in gutters {
        for right_side in [false, true] {
            let outside: Vec<bool> = page
                .glyphs
                .iter()
                .zip(&left)
                .map(|(g, t)| *t || (((g.x0 + g.x1) / 2.0) > x) != right_side)
                .collect();
            let more = detect(page, &outside, fonts, (&strips, &bands), s);
            mark_taken(&mut left, &more);
            found.extend(more);
        }
    }
    found
}

/// The page's text columns: the x ranges between gutters, gaps at least
/// `gutter_min` wide that no free glyph crosses anywhere on the page.
fn page_strips(page: &PageContent, taken: &[bool], s: &StreamSettings) -> Vec<(f64, f64)> {
    let spans: Vec<(f64, f64)> = page
        .glyphs
        .iter()
        .zip(taken)
        .filter(|(g, t)| !**t && !g.text.trim().is_empty())
        .map(|(g, _)| (g.x0, g.x1))
        .collect();
    // (the x extent in whole points, marked where a glyph covers it: one
    // pass, where sorting every glyph cost a tenth of the extraction)
    let Some(left) = spans.iter().map(|sp| sp.0).reduce(f64::min) else {
        return Vec::new();
    };
    let left = left.floor();
    let right = spans.iter().map(|sp| sp.1).fold(left, f64::max);
    let bins = ((right - left) as usize)
        .saturating_add(2)
        .min(MAX_STRIP_BINS);
    let mut covered = vec![false; bins];
    // (casts truncate, and saturate at 0: the bin a point falls in)
    let bin = |x: f64| ((x - left) as usize).min(bins - 1);
    for (a, b) in spans {
        covered[bin(a)..=bin(b + 1.0)].fill(true);
    }
    let mut strips: Vec<(f64, f64)> = Vec::new();
    for (i, _) in covered.iter().enumerate().filter(|(_, c)| **c) {
        let (a, b) = (left + i as f64, left + i as f64 + 1.0);
        match strips.last_mut() {
            Some(last) if a < last.1 + s.gutter_min => last.1 = b,
            _ => strips.push((a, b)),
        }
    }
    strips
}

/// Most whole points of width a page's text columns are looked for across
/// (a hostile page may place glyphs far apart).
const MAX_STRIP_BINS: usize = 20_000;

/// The unruled tables among the glyphs not taken.
fn detect(
    page: &PageContent,
    taken: &[bool],
    fonts: &[FontStyle],
    (strips, bands): (&[(f64, f64)], &[Fill]),
    s: &StreamSettings,
) -> Vec<FoundTable> {
    let rows = free_rows(page, taken, fonts, s);
    let stripes = row_stripes(&rows, bands);
    let mut out = Vec::new();
    let mut start = 0;
    // rows up to here belong to a table found already
    let mut claimed = 0;
    while start < rows.len() {
        if rows[start].chunks.len() < 2 {
            start += 1;
            continue;
        }
        // Rows of one chunk join the run when the whole reads as a table; when
        // it does not (a list runs into prose), the parts between them may.
        let end = run_end(&rows, &stripes, start, s.max_single_rows, s);
        // (a run set double-spaced wraps its cells at its own leading: it
        // takes in its last record's wrapped lines too; and its records,
        // padded round such cells, may stand further apart than rows of
        // text usually are, by as much as its leading is wider)
        let loose = StreamSettings {
            max_row_gap: s.max_row_gap + wrapped_cells::DOUBLE_SPACED - s.wrap_leading,
            ..s.clone()
        };
        // (looked at only where the run stopped at a row within that reach)
        let reached = rows.get(end).is_some_and(|next| {
            let above = &rows[end - 1];
            next.baseline - above.baseline <= loose.max_row_gap * above.size
        });
        let loose_end = if reached {
            run_end(&rows, &stripes, start, s.max_single_rows, &loose)
        } else {
            end
        };
        let reaching = (loose_end > end)
            .then(|| at_own_leading(&rows[start..loose_end], s))
            .flatten()
            .map(|w| (w, loose_end))
            .or_else(|| double_spaced_reach(&rows, &stripes, (start, end), &loose, s));
        let (widened, end) = match reaching {
            Some((w, reached_end)) => (
                Some(StreamSettings {
                    max_row_gap: loose.max_row_gap,
                    ..w
                }),
                reached_end,
            ),
            None => (at_own_leading(&rows[start..end], s), end),
        };
        let s = widened.as_ref().unwrap_or(s);
        let end = match widened {
            Some(_) => end.max(run_end(&rows, &stripes, start, s.max_single_rows, s)),
            None => end,
        };
        // (never above the rows a table found already holds)
        let mut top = header_start(&rows, start, end, s)
            .min(first_record_start(&rows, start, end, s))
            .max(claimed);
        // (the headings stand above the first record's lines wrapped round
        // its first row, if any)
        let first_record = wrapped_round_first_row(&rows, claimed, start, s);
        if top >= first_record && start > claimed {
            top = headings_set_apart(&rows, first_record, end, s);
            // (a heading over the columns it spans, above the headings)
            if top < first_record {
                top = header_start(&rows, top, end, s).max(claimed);
            }
        }
        top = top.min(first_record);
        let found = out.len();
        let mut whole = Vec::new();
        if top < start {
            whole = table_of_run(&rows[top..end], page, taken, fonts, strips, s);
        }
        if whole.is_empty() {
            whole = table_of_run(&rows[start..end], page, taken, fonts, strips, s);
        }
        if !whole.is_empty() {
            out.extend(whole);
        } else {
            let mut part = start;
            while part < end {
                let part_end = run_end(&rows, &stripes, part, 0, s);
                out.extend(table_of_run(
                    &rows[part..part_end],
                    page,
                    taken,
                    fonts,
                    strips,
                    s,
                ));
                part = part_end;
                while part < end && rows[part].chunks.len() < 2 {
                    part += 1;
                }
            }
        }
        if out.len() > found {
            claimed = claimed_below(&rows, end, &out[found..]);
        }
        start = end.max(claimed);
    }
    out
}

/// Where the run from `start`, which stopped at `end`, ends when read with
/// its cells wrapping double-spaced, and the settings at the leading it so
/// shows (`at_own_leading`): records padded round cells double-spaced may
/// stand further apart than the `loose` run reaches, up to
/// `max_spaced_row_gap` (fpdf2 pads 9 pt type's lines, 18 pt apart, to
/// records 30 pt apart, 3.3 sizes), and each record's first line, a cell
/// wrapped at its foot, stands a double-spaced leading over its figures.
/// None where the run reaches no further so or shows no such leading.
fn double_spaced_reach(
    rows: &[Row],
    stripes: &[Option<Stripe>],
    (start, end): (usize, usize),
    loose: &StreamSettings,
    s: &StreamSettings,
) -> Option<(StreamSettings, usize)> {
    let (above, next) = (&rows[end - 1], rows.get(end)?);
    // (only past the loose run's reach: a row within it stopped the run
    // for reasons of its own)
    let gap = (next.baseline - above.baseline) / above.size;
    if gap <= loose.max_row_gap || gap > s.max_spaced_row_gap {
        return None;
    }
    let spaced = StreamSettings {
        wrap_leading: wrapped_cells::DOUBLE_SPACED,
        ..loose.clone()
    };
    let spaced_end = run_end(rows, stripes, start, s.max_single_rows, &spaced);
    let widened = (spaced_end > end)
        .then(|| at_own_leading(&rows[start..spaced_end], s))
        .flatten()?;
    Some((widened, spaced_end))
}

/// The first row from `end` on that no table of `found` takes in: a table
/// laid out takes in the lines set within its box, a cell's line
/// interleaved with its last row among them, and they head no table after
/// it.
fn claimed_below(rows: &[Row], end: usize, found: &[FoundTable]) -> usize {
    let foot = found.iter().map(|t| t.bbox[3]).fold(f64::MIN, f64::max);
    (end..rows.len())
        .find(|&r| rows[r].baseline > foot)
        .unwrap_or(rows.len())
}

/// Where the first record begins when a cell of it is set at its middle and
/// wraps round the run's first row (`start`): the lines of one chunk above
/// it that are such a cell's lines (a label whose first line stands above
/// the figures), up to a record's lines, not above `claimed`.
fn wrapped_round_first_row(
    rows: &[Row],
    claimed: usize,
    start: usize,
    s: &StreamSettings,
) -> usize {
    let mut top = start;
    while top > claimed
        && start - top < MAX_RECORD_LINES
        && (straddles_a_row(rows, top - 1, s) || line_of_a_middle_cell(rows, top - 1, s))
    {
        top -= 1;
    }
    top
}

/// Where a table's header begins when it is set apart from the first row by
/// more space than the rows are from each other (a header spaced off its
/// figures): the rows above `start`, the nearest within `max_header_gap` and
/// the others close above it, whose chunks each stand over one column of the
/// run's rows and hold no figures. A title or a paragraph above the table
/// runs across its columns, and a table above it has figures.
fn headings_set_apart(rows: &[Row], start: usize, end: usize, s: &StreamSettings) -> usize {
    let first = &rows[start];
    let widest = rows[start..end]
        .iter()
        .max_by_key(|r| r.chunks.len())
        .unwrap_or(first);
    let mut top = start;
    while top > 0 && start - top < s.max_header_rows {
        let (above, below) = (&rows[top - 1], &rows[top]);
        let gap = below.baseline - above.baseline;
        let limit = if top == start {
            s.max_header_gap
        } else {
            s.max_row_gap
        };
        let similar_size = above.size <= first.size * (1.0 + s.size_tolerance);
        if gap > limit * above.size
            || !similar_size
            || !heads_columns(above, &rows[start..end], widest)
        {
            break;
        }
        top -= 1;
    }
    top
}

/// Whether a row of several chunks, none a figure, stands over the columns of
/// `body`: each chunk over a chunk of some row of it, or clear of them all in
/// the gap before a column of its widest row set flush right (a heading flush
/// left in its cell over figures flush right, as a spreadsheet sets them;
/// words in a gap before text set flush left are a title's), across no gap
/// between two chunks of any row, and no two over one column; one over a
/// chunk at least.
fn heads_columns(row: &Row, body: &[Row], widest: &Row) -> bool {
    let over_some_chunk = |h: &Line| {
        body.iter()
            .any(|r| r.chunks.iter().any(|c| overlap_across(h, c)))
    };
    let across_a_gap = |h: &Line| {
        body.iter()
            .any(|r| r.chunks.iter().filter(|c| overlap_across(h, c)).count() > 1)
    };
    // (text set flush right: its lines' right edges line up)
    let flush_right = |k: usize| {
        let column = &widest.chunks[k];
        let mut in_column = body
            .iter()
            .flat_map(|r| r.chunks.iter().filter(|c| overlap_across(c, column)));
        in_column.all(|c| (c.x1 - column.x1).abs() <= EDGE_TOLERANCE)
    };
    // (clear of the body's text: the column whose gap it stands in, when that
    // column's text is set flush right)
    let column_after = |h: &Line| {
        let k = widest
            .chunks
            .iter()
            .position(|c| c.x0 >= h.x1 - EDGE_TOLERANCE)?;
        (k > 0 && h.x0 >= widest.chunks[k - 1].x1 - EDGE_TOLERANCE && flush_right(k)).then_some(k)
    };
    let mut last_column = None;
    let mut anchored = false;
    for h in &row.chunks {
        if super::holds_data(&h.text) || across_a_gap(h) {
            return false;
        }
        let column = if over_some_chunk(h) {
            anchored = true;
            widest.chunks.iter().position(|c| overlap_across(h, c))
        } else if let Some(k) = column_after(h) {
            Some(k)
        } else {
            return false;
        };
        if let Some(k) = column {
            if last_column.is_some_and(|l| k <= l) {
                return false;
            }
            last_column = Some(k);
        }
    }
    anchored && row.chunks.len() >= 2
}

/// Where a run of table rows that starts at `start` (a row of several chunks)
/// ends: each row close below the one before, and rows of one chunk (a
/// section label, a cell's wrapped line) only between rows of several.
fn run_end(
    rows: &[Row],
    stripes: &[Option<Stripe>],
    start: usize,
    max_single_rows: usize,
    s: &StreamSettings,
) -> usize {
    let close = |i: usize| {
        i + 1 < rows.len()
            && (rows[i + 1].baseline - rows[i].baseline <= s.max_row_gap * rows[i].size
                || spaced_evenly(rows, i, s)
                || lined_up_below(rows, i, s)
                || striped_alike(rows, stripes, start, i, s))
    };
    let mut end = start + 1;
    'extend: loop {
        let mut j = end - 1;
        // (rows of one chunk passed over; labels alone at the records'
        // pitch, records whose other cells are left empty, are not counted)
        let mut singles = 0;
        let mut labels = 0;
        while singles <= max_single_rows && labels <= MAX_RECORD_LINES {
            if !close(j) {
                break 'extend;
            }
            j += 1;
            // (a wrapped line carries on a row of the table, not a line after
            // it, or ends a cell wrapped round the row above)
            // (a line under the run that carries on a cell above it sits
            // at the leading the run's cells wrap at)
            let carries_on = || {
                (continues_a_cell(&rows[j - 1], &rows[j], s)
                    || middle_cell_reaches(rows, j, false, s))
                    && at_the_runs_leading(&rows[start..end], rows[j].baseline, s)
            };
            let wrapped = j == end
                && (carries_on()
                    || straddles_a_row(rows, j, s)
                    || middle_cell_reaches(rows, j, true, s))
                && !after_one_line_records(rows, start, end, s);
            // (or a label alone, its other cells left empty, on a stripe
            // like one under a row of the run)
            let striped_label = || {
                striped_alike(rows, stripes, start, j - 1, s)
                    && LabelColumn::of(&rows[start..end]).holds(&rows[j].chunks[0])
            };
            if rows[j].chunks.len() >= 2 || wrapped || striped_label() {
                end = j + 1;
                continue 'extend;
            }
            // (or the first of a record's lines that stand on rows of their
            // own, right after the run or after labels alone at the pitch)
            let record = (singles == 0).then(|| lines_of_one_record(rows, start, j, s));
            if let Some(past) = record.flatten() {
                end = past;
                continue 'extend;
            }
            // a heading set in bold or larger between two tables' rows parts
            // them; a bold label set in the rows' own pitch ("Income" over
            // its lines in an accounts statement) is a row of the table
            let line = &rows[j].chunks[0];
            let larger = line.size > rows[start].size * (1.0 + s.size_tolerance);
            // (a bold line close under a bold row is a heading's second line)
            let under_bold_row = rows[j - 1].chunks.iter().all(|c| c.bold)
                && rows[j].baseline - rows[j - 1].baseline <= s.wrap_leading * line.size;
            if larger || (line.bold && !under_bold_row && !in_pitch(rows, start, end, j, s)) {
                break 'extend;
            }
            let column = LabelColumn::of(&rows[start..end]);
            let pitch = records_pitch(rows, (start, end), j, s);
            if label_at_pitch(rows, j, (&column, pitch), s.wrap_leading, s) {
                labels += 1;
            } else {
                singles += 1;
            }
        }
        break;
    }
    let end = end + trailing_labels(rows, start, end, s);
    end - notes_at_the_foot(&rows[start..end], s)
}

/// The band of tint a row stands on, shading it across all its text: a
/// stripe of a table's rows (or a box round a paragraph). Bands of one
/// colour and one extent across the page are of one `kind`.
#[derive(Clone, Copy, PartialEq)]
struct Stripe {
    band: usize,
    kind: usize,
}

/// Each row's stripe, if any: the smallest of the page's bands of tint
/// (`tinted_bands`) under the middle of its text and across all of it,
/// apart from the bands like it.
fn row_stripes(rows: &[Row], bands: &[Fill]) -> Vec<Option<Stripe>> {
    let alike = |a: &Fill, b: &Fill| {
        a.rgb == b.rgb
            && (a.bbox[0] - b.bbox[0]).abs() <= EDGE_TOLERANCE
            && (a.bbox[2] - b.bbox[2]).abs() <= EDGE_TOLERANCE
    };
    let kind_of = |f: usize| {
        (0..bands.len())
            .find(|&g| alike(&bands[g], &bands[f]))
            .unwrap_or(f)
    };
    // (a code listing shades its lines one by one, each band touching the
    // next: no stripes, set apart by the rows between them)
    let touches_its_kind = |f: usize| {
        let [_, top, _, bottom] = bands[f].bbox;
        bands.iter().enumerate().any(|(g, band)| {
            let [_, gtop, _, gbottom] = band.bbox;
            g != f
                && alike(band, &bands[f])
                && ((gtop - bottom).abs() <= EDGE_TOLERANCE
                    || (gbottom - top).abs() <= EDGE_TOLERANCE)
        })
    };
    rows.iter()
        .map(|row| {
            let middle = (row.top() + row.bottom()) / 2.0;
            let (x0, x1) = row_extent(row);
            (0..bands.len())
                .filter(|&f| {
                    let [fx0, ftop, fx1, fbottom] = bands[f].bbox;
                    fx0 <= x0 + EDGE_TOLERANCE
                        && fx1 >= x1 - EDGE_TOLERANCE
                        && middle > ftop
                        && middle < fbottom
                })
                .min_by(|&a, &b| fill_area(&bands[a]).total_cmp(&fill_area(&bands[b])))
                .filter(|&f| !touches_its_kind(f))
                .map(|band| Stripe {
                    band,
                    kind: kind_of(band),
                })
        })
        .collect()
}

/// The page's fills of a tint (not white), those of one colour side by
/// side on one band joined: a row shaded cell by cell is one stripe.
/// (Pages drawn with more fills than `MAX_STRIPE_FILLS` are charts or maps:
/// none is looked at.)
fn tinted_bands(fills: &[Fill]) -> Vec<Fill> {
    if fills.len() > MAX_STRIPE_FILLS {
        return Vec::new();
    }
    let mut tinted: Vec<&Fill> = fills
        .iter()
        .filter(|f| f.rgb.iter().any(|&c| c < NEAR_WHITE))
        .collect();
    tinted.sort_by(|a, b| {
        (a.rgb, a.bbox[1].round() as i64, a.bbox[0])
            .partial_cmp(&(b.rgb, b.bbox[1].round() as i64, b.bbox[0]))
            .unwrap_or(std::cmp::Ordering::Equal)
    });
    let mut bands: Vec<Fill> = Vec::new();
    for f in tinted {
        let [x0, top, x1, bottom] = f.bbox;
        let beside = bands.last_mut().filter(|b| {
            b.rgb == f.rgb
                && (b.bbox[1] - top).abs() <= EDGE_TOLERANCE
                && (b.bbox[3] - bottom).abs() <= EDGE_TOLERANCE
                && x0 <= b.bbox[2] + EDGE_TOLERANCE
        });
        match beside {
            Some(b) => b.bbox[2] = b.bbox[2].max(x1),
            None => bands.push(Fill {
                bbox: [x0, top, x1, bottom],
                rgb: f.rgb,
            }),
        }
    }
    bands
}

/// Most fills a page may draw for its rows' stripes to be looked for.
const MAX_STRIPE_FILLS: usize = 5_000;

/// A colour channel at or above this, in all three, is white (a page's or a
/// cell's ground, no stripe).
const NEAR_WHITE: u8 = 250;

fn fill_area(f: &Fill) -> f64 {
    (f.bbox[2] - f.bbox[0]) * (f.bbox[3] - f.bbox[1])
}

fn row_extent(row: &Row) -> (f64, f64) {
    let x0 = row.chunks.iter().map(|c| c.x0).fold(f64::MAX, f64::min);
    let x1 = row.chunks.iter().map(|c| c.x1).fold(f64::MIN, f64::max);
    (x0, x1)
}

/// Whether row `i + 1` stands on a stripe like one that another row of the
/// run from `start` stands on, a stripe of its own (rows striped in a tint,
/// every other one shaded across the table), within a spaced row's reach
/// (`max_spaced_row_gap`): a row of the table, however far its padding and
/// its row's height set it from the row above (a spreadsheet sizes its rows
/// unevenly, its cells set at their middle).
fn striped_alike(
    rows: &[Row],
    stripes: &[Option<Stripe>],
    start: usize,
    i: usize,
    s: &StreamSettings,
) -> bool {
    let Some(next) = stripes[i + 1] else {
        return false;
    };
    rows[i + 1].baseline - rows[i].baseline <= s.max_spaced_row_gap * rows[i].size
        && stripes[start..=i]
            .iter()
            .flatten()
            .any(|st| st.kind == next.kind && st.band != next.band)
}

/// How many of the run's last rows, each of one chunk, start out left of
/// the text of every row above them: notes set at the page's margin under a
/// table whose cells pad their text in ("Source: ..."), not its rows.
fn notes_at_the_foot(run: &[Row], s: &StreamSettings) -> usize {
    let mut kept = run.len();
    while kept > 1 && note_at_the_margin(&run[..kept - 1], &run[kept - 1], s) {
        kept -= 1;
    }
    run.len() - kept
}

/// Whether `row` under the rows `above` is one chunk that starts out left of
/// the text of every one of them, a row of several cells among them (whose
/// first cell shows where the table's text starts) (`notes_at_the_foot`).
pub(super) fn note_at_the_margin(above: &[Row], row: &Row, s: &StreamSettings) -> bool {
    if rows_of_several(above).is_empty() {
        return false;
    }
    let left = above
        .iter()
        .flat_map(|r| &r.chunks)
        .map(|c| c.x0)
        .fold(f64::MAX, f64::min);
    matches!(row.chunks.as_slice(), [note] if note.x0 < left - s.note_outdent)
}

/// How far (share of the pitch) a row may stand off the records' pitch and
/// still be a record of one line after the run. A word processor sets a
/// table's last row a little lower (about 1.2 pt: the row is taller by the
/// table's foot), 3.6 to 4.7% of the pitch of 10 pt rows, padded tight to
/// loose; `LAST_ROW_DROP` at most, below it.
const EXACT_PITCH: f64 = 0.05;

/// How much lower (pt) than the records' pitch a word processor may set a
/// table's last row, by the table's foot: 1.15 pt under rows of 9 pt at an
/// 18.35 pt pitch (6.3% of it).
const LAST_ROW_DROP: f64 = 1.3;

/// How many labels alone follow the run's last row at the records' pitch,
/// in the label column and the labels' style: the last records, their other
/// cells left empty. A note under the table starts elsewhere, runs on past
/// the label column, or stands off the pitch.
fn trailing_labels(rows: &[Row], start: usize, end: usize, s: &StreamSettings) -> usize {
    let column = LabelColumn::of(&rows[start..end]);
    // (or rows set closer than their type's size, as no paragraph's or
    // list's lines are: Typst pads rows so little that they stand 0.96
    // sizes apart)
    let (pitch, least) = match records_pitch_over(rows, (start, end), end, TIGHT_RECORD_PITCH) {
        Some(p) => (Some(p), TIGHT_RECORD_PITCH),
        None => (set_closer_than_type(&rows[start..end]), 0.0),
    };
    let label_style = rows_of_several(&rows[start..end])
        .last()
        .map(|r| r.chunks[0].clone());
    // (records of one line each follow at their pitch to a hair; a note
    // under the table stands at the page's leading, near it at best)
    let off_the_pitch = |j: usize| pitch.map(|p| (rows[j].baseline - rows[j - 1].baseline - p, p));
    let on_the_pitch =
        |j: usize| off_the_pitch(j).is_some_and(|(off, p)| off.abs() <= EXACT_PITCH * p);
    let dropped =
        |j: usize| off_the_pitch(j).is_some_and(|(off, _)| off > 0.0 && off <= LAST_ROW_DROP);
    // (or further off, as far as a record of the run stands: a word
    // processor sets a row whose cells are left empty taller, their empty
    // paragraphs in larger type, and a label set at its row's foot so much
    // lower)
    let record_gaps: Vec<f64> = (start + 1..end)
        .filter(|&k| rows[k].chunks.len() >= 2)
        .map(|k| rows[k].baseline - rows[k - 1].baseline)
        .collect();
    let as_far_as_records = |j: usize| {
        off_the_pitch(j).is_some_and(|(off, p)| {
            off > 0.0
                && record_gaps
                    .iter()
                    .any(|&g| wrapped_cells::within_exact(g, p + off))
        })
    };
    // (or, the table's last record, over a note in a type of its own,
    // further off by a share of the pitch (`pitch_tolerance`): a label set
    // at the foot of a row its cells' empty paragraphs, in larger type, make
    // taller still)
    let last_over_a_note = |j: usize| {
        let over_a_note = rows
            .get(j + 1)
            .is_some_and(|next| !s.one_size(rows[j].size, next.size));
        over_a_note
            && off_the_pitch(j).is_some_and(|(off, p)| off > 0.0 && off <= s.pitch_tolerance * p)
    };
    // (a pitch that two records of the run keep, at least)
    if (start + 1..end).filter(|&j| on_the_pitch(j)).count() < 2 {
        return 0;
    }
    // (at the pitch to a hair, records a little further apart than a line's
    // leading are records still: see `TIGHT_RECORD_PITCH`)
    let mut past = end;
    while past < rows.len()
        && label_at_pitch(rows, past, (&column, pitch), least, s)
        && (on_the_pitch(past)
            || dropped(past)
            || as_far_as_records(past)
            || last_over_a_note(past))
        && label_style
            .as_ref()
            .is_some_and(|l| same_cell_style(l, &rows[past].chunks[0], s))
    {
        past += 1;
    }
    // (the last label's name, too wide for its column, wrapped onto lines
    // of its own)
    let column_end = label_column_end(&rows[start..end]);
    while past > end
        && past < rows.len()
        && wraps_a_label_on(&rows[past - 1], &rows[past], column_end, s)
    {
        past += 1;
    }
    past - end
}

/// Whether `row` carries on the label alone on `above`, wrapped in a label
/// column ending at `column_end`: one line each, from one left edge, set
/// alike a line's leading apart at most, its first word too wide to have
/// stood on the label's line in the column, and no wider than that line and
/// that word (a note under a table runs on past the column, or is set
/// otherwise).
fn wraps_a_label_on(above: &Row, row: &Row, column_end: f64, s: &StreamSettings) -> bool {
    let ([label], [line]) = (above.chunks.as_slice(), row.chunks.as_slice()) else {
        return false;
    };
    let fits_above = label.x1 + WORD_SPACE * line.size + first_word_width(line) <= column_end;
    same_left_edge(label, line)
        && same_cell_style(label, line, s)
        && row.baseline - above.baseline <= s.wrap_leading * line.size
        && broke_before(label, line)
        && !fits_above
}

/// The pitch of a run's rows when every one stands closer under the row
/// above than its type's size (each a record of one line: no text's lines
/// are set so tight).
fn set_closer_than_type(run: &[Row]) -> Option<f64> {
    if run.len() < 3
        || run
            .windows(2)
            .any(|w| w[1].baseline - w[0].baseline >= w[1].size)
    {
        return None;
    }
    let gaps = sorted_gaps(run);
    gaps.get(gaps.len() / 2).copied()
}

/// The label column of a run's rows of several chunks: where their labels
/// start, and where the next column's text starts.
struct LabelColumn {
    lefts: Vec<f64>,
    next_column: Option<f64>,
}

impl LabelColumn {
    fn of(run: &[Row]) -> LabelColumn {
        let several = rows_of_several(run);
        let first_cells = several
            .iter()
            .map(|r| r.chunks[0].x0)
            .min_by(f64::total_cmp);
        // (records set at their middle, their labels wrapped round the row
        // of their other cells, leave the labels on lines of their own,
        // clear to the left of every such row)
        let labels_apart: Vec<f64> = run
            .iter()
            .filter_map(|r| match r.chunks.as_slice() {
                [line] if first_cells.is_some_and(|x| line.x1 < x) => Some(line.x0),
                _ => None,
            })
            .collect();
        if !labels_apart.is_empty() {
            return LabelColumn {
                lefts: labels_apart,
                next_column: first_cells,
            };
        }
        LabelColumn {
            lefts: several.iter().map(|r| r.chunks[0].x0).collect(),
            next_column: several
                .iter()
                .map(|r| r.chunks[1].x0)
                .min_by(f64::total_cmp),
        }
    }

    /// Whether a line stands in the label column: from the left edge of a
    /// label, short of the next column's text.
    fn holds(&self, line: &Line) -> bool {
        self.lefts
            .iter()
            .any(|&x0| (x0 - line.x0).abs() <= 0.5 * line.size)
            && self.next_column.is_some_and(|x| line.x1 < x)
    }
}

/// The records' pitch for a row `j` after the run `start..end`: the run's
/// median gap between records, or the rows' ahead while the run is a head
/// alone (no records yet). Records stand further apart than a line's
/// leading; closer rows are one record's lines (its cells wrapped, or
/// interleaved round its middle).
fn records_pitch(
    rows: &[Row],
    (start, end): (usize, usize),
    j: usize,
    s: &StreamSettings,
) -> Option<f64> {
    records_pitch_over(rows, (start, end), j, s.wrap_leading)
}

/// How far apart (× size) records of one line stand at least, set tight:
/// further than a line's leading (1.2 × size, as most producers set it).
const TIGHT_RECORD_PITCH: f64 = 1.3;

/// `records_pitch` counting gaps wider than `least` × size.
fn records_pitch_over(
    rows: &[Row],
    (start, end): (usize, usize),
    j: usize,
    least: f64,
) -> Option<f64> {
    let run = if end - start >= 3 {
        &rows[start..end]
    } else {
        &rows[start..rows.len().min(j + MAX_RECORD_LINES)]
    };
    let mut gaps: Vec<f64> = run
        .windows(2)
        .map(|w| (w[1].baseline - w[0].baseline, w[1].size))
        .filter_map(|(gap, size)| (gap > least * size).then_some(gap))
        .collect();
    gaps.sort_by(f64::total_cmp);
    gaps.get(gaps.len() / 2).copied()
}

/// Whether row `j`, of one chunk, is a label alone at the records' pitch
/// (either way, wider than `least` × its size, a line's leading): a record
/// whose other cells are left empty, its label in the label column. Lines
/// of a paragraph stand at their leading, closer.
fn label_at_pitch(
    rows: &[Row],
    j: usize,
    (column, pitch): (&LabelColumn, Option<f64>),
    least: f64,
    s: &StreamSettings,
) -> bool {
    let ([line], Some(pitch)) = (rows[j].chunks.as_slice(), pitch) else {
        return false;
    };
    let gap = rows[j].baseline - rows[j - 1].baseline;
    // (records padded apart: in rows set solid, at a line's leading, a
    // label alone is no more a record than a list's item is)
    pitch > least * line.size
        && (gap - pitch).abs() <= s.pitch_tolerance * pitch
        && column.holds(line)
}

/// Where a record ends whose cells' lines stand on rows of their own, from
/// row `j`: a record of text cells only, set at its middle (a label of one
/// line centred beside a purpose wrapped onto two), shares no baseline
/// between its cells, so each of its lines is a row of one chunk. Its rows
/// are set within a line's leading of each other, in one style, their lines
/// in two columns or more, each from the left edge of a chunk of the run's
/// rows from `start` (a figure need only stand under one; a paragraph's
/// lines share one column), and the row after them stands
/// further off, as records do: a line and a half, or further than the
/// record's cells' lines stand by the records' step (rows of one chunk
/// within a line's leading part so into records, `stepped_apart_within`).
/// A record of one line in one cell is one past
/// the label column (a line there is a section label, a caption or a note,
/// which `run_end` weighs as such): the rest of a row a page break cut,
/// under the head the page repeats. A label wrapped over lines of its own,
/// the record's other cells empty, is a record too (`label_record_end`).
fn lines_of_one_record(rows: &[Row], start: usize, j: usize, s: &StreamSettings) -> Option<usize> {
    let past = single_lines_end(rows, j, s);
    let past = stepped_apart_within(rows, j, past, s).unwrap_or(past);
    let lines: Vec<&Line> = rows[j..past].iter().map(|r| &r.chunks[0]).collect();
    // (the rows of several chunks above, and the next record's below: a
    // first record under the head has only the head above it)
    let below = &rows[past..rows.len().min(past + MAX_RECORD_LINES)];
    let mut several = rows_of_several(&rows[start..j]);
    several.extend(rows_of_several(below).into_iter().take(1));
    // (a figure, set flush right or centred, need only stand under a
    // chunk of its column: the column's figures, or its heading)
    let lined_up = |c: &Line, line: &Line| {
        same_left_edge(c, line) || (super::holds_data(&line.text) && overlap_across(c, line))
    };
    let from_an_edge = |line: &Line, skip: usize| {
        several
            .iter()
            .any(|r| r.chunks.iter().skip(skip).any(|c| lined_up(c, line)))
    };
    let cells = match lines.as_slice() {
        [] => false,
        [line] => from_an_edge(line, 1),
        _ => {
            lines
                .iter()
                .any(|a| lines.iter().any(|b| !overlap_across(a, b)))
                && lines.iter().all(|l| from_an_edge(l, 0))
        }
    };
    let apart =
        || stands_apart_above(rows, past, s) || further_off_than_its_lines(rows, j, past, s);
    (cells && apart())
        .then_some(past)
        .or_else(|| label_record_end(rows, start, j, s))
}

/// The gaps between the lines of one cell among rows of one chunk
/// (`lines`), each line to the next under it in its column.
fn gaps_within_cells(lines: &[Row]) -> Vec<f64> {
    lines
        .iter()
        .enumerate()
        .filter_map(|(k, upper)| {
            let under = lines[k + 1..]
                .iter()
                .find(|lower| overlap_across(&upper.chunks[0], &lower.chunks[0]))?;
            Some(under.baseline - upper.baseline)
        })
        .collect()
}

/// Twice the narrowest gap between rows: where a record's cells are set at
/// its middle, a line of one cell stands halfway between two of another's.
fn twice_the_halves(lines: &[Row]) -> Option<f64> {
    lines
        .windows(2)
        .map(|w| w[1].baseline - w[0].baseline)
        .min_by(f64::total_cmp)
        .map(|half| 2.0 * half)
}

/// Where rows of one chunk (`j..past`, set within a line's leading of each
/// other) part into records, if they do: at the first row, the third or
/// later, standing further below the row above it than a cell's lines
/// stand (the narrowest gap between one cell's lines, or twice that
/// between lines set halfway between another cell's), by the records' step
/// (`record_gap_ratio`). A spreadsheet sets its rows a little closer than a
/// line and a half and a wrapped cell's lines closer still, so that a
/// record's lines set at its middle and a label alone after it stand within
/// a line's leading.
fn stepped_apart_within(rows: &[Row], j: usize, past: usize, s: &StreamSettings) -> Option<usize> {
    let lines = &rows[j..past];
    let leading = gaps_within_cells(lines)
        .into_iter()
        .chain(twice_the_halves(lines))
        .min_by(f64::total_cmp)?;
    (j + 2..past).find(|&k| rows[k].baseline - rows[k - 1].baseline >= s.record_gap_ratio * leading)
}

/// Whether the row after a record's lines (rows `j..past`) stands further
/// below its last line than its cells' lines stand apart (the widest gap
/// between one cell's lines, or twice the narrowest between lines set
/// halfway between another cell's), by the records' step
/// (`record_gap_ratio`).
fn further_off_than_its_lines(rows: &[Row], j: usize, past: usize, s: &StreamSettings) -> bool {
    let lines = &rows[j..past];
    let within = gaps_within_cells(lines).into_iter().max_by(f64::total_cmp);
    match (within.or_else(|| twice_the_halves(lines)), rows.get(past)) {
        (Some(leading), Some(next)) => {
            next.baseline - rows[past - 1].baseline >= s.record_gap_ratio * leading
        }
        _ => false,
    }
}

/// The end of the rows of one chunk from row `j` set within a line's
/// leading of each other, in the style of the first (a record's lines, or a
/// paragraph's).
fn single_lines_end(rows: &[Row], j: usize, s: &StreamSettings) -> usize {
    let mut past = j;
    while past < rows.len() && past - j < MAX_RECORD_LINES {
        let row = &rows[past];
        let [line] = row.chunks.as_slice() else {
            break;
        };
        let close =
            past == j || row.baseline - rows[past - 1].baseline <= s.wrap_leading * line.size;
        if !close || !same_cell_style(&rows[j].chunks[0], line, s) {
            break;
        }
        past += 1;
    }
    past
}

/// Whether row `past` (if any) stands further below the row above it than
/// a line's leading, as records stand apart.
fn stands_apart_above(rows: &[Row], past: usize, s: &StreamSettings) -> bool {
    rows.get(past)
        .is_none_or(|next| next.baseline - rows[past - 1].baseline > s.wrap_leading * next.size)
}

fn rows_of_several(rows: &[Row]) -> Vec<&Row> {
    rows.iter().filter(|r| r.chunks.len() >= 2).collect()
}

/// Where a label wrapped over lines of its own ends, from row `j`, its
/// record's other cells left empty (a name broken over four lines in a
/// narrow column): two lines or more, standing apart from the next record
/// as records do.
fn label_record_end(rows: &[Row], start: usize, j: usize, s: &StreamSettings) -> Option<usize> {
    let past = single_lines_end(rows, j, s);
    if past - j < 2 || !stands_apart_above(rows, past, s) {
        return None;
    }
    let lines: Vec<&Line> = rows[j..past].iter().map(|r| &r.chunks[0]).collect();
    let column = LabelColumn::of(&rows[start..j]);
    label_between_records(rows, &column, &lines, past, s).then_some(past)
}

/// Whether `lines`, ending before row `past`, are a label wrapped over
/// lines of its own, its record's other cells left empty: each line starts
/// where the run's labels do and ends short of the next column's text, and
/// a record follows close below (a note under the table has no record after
/// it, and runs wider than the label column).
fn label_between_records(
    rows: &[Row],
    column: &LabelColumn,
    lines: &[&Line],
    past: usize,
    s: &StreamSettings,
) -> bool {
    // (the next record's label may open it on a line of its own, its
    // figures set at its middle)
    let mut k = past;
    let record_below = loop {
        let Some(next) = rows.get(k).filter(|_| k - past < MAX_RECORD_LINES) else {
            break false;
        };
        let reach = if k == past {
            s.max_row_gap
        } else {
            s.wrap_leading
        };
        if next.baseline - rows[k - 1].baseline > reach * next.size {
            break false;
        }
        match next.chunks.as_slice() {
            [label] if column.holds(label) => k += 1,
            [_] => break false,
            _ => break true,
        }
    };
    record_below && lines.iter().all(|l| column.holds(l))
}

/// Whether row `i + 1`, a record (a figure among its chunks; or the first
/// line of a cell wrapped round that record's figures, in a column of the
/// record above), holds cells lined up with the record above it (row `i`,
/// or the record whose cells' wrapped lines row `i` ends), most of its
/// chunks starting, ending or centred where
/// one of that record's does (two at least), within `max_spaced_row_gap`
/// below row `i`: records of uneven height, such as a spreadsheet's, stand
/// further apart than rows of text usually are (`max_row_gap`), where the
/// tallest cell's row is set at its middle or foot. (A form's fields hold no
/// figures; a header is found above the records as it is above any.)
fn lined_up_below(rows: &[Row], i: usize, s: &StreamSettings) -> bool {
    if rows[i + 1].baseline - rows[i].baseline > s.max_spaced_row_gap * rows[i].size {
        return false;
    }
    // (the record above, past its cells' wrapped lines of one chunk, or
    // lines that each carry a cell on in small letters)
    let carried_on = |r: &Row| {
        r.chunks
            .iter()
            .all(|c| c.text.starts_with(char::is_lowercase))
    };
    let Some(top) = (i.saturating_sub(MAX_RECORD_LINES - 1)..=i)
        .rev()
        .take_while(|&k| {
            rows[k].chunks.len() == 1 || rows[k].holds_figures() || carried_on(&rows[k])
        })
        .find(|&k| rows[k].holds_figures())
    else {
        return false;
    };
    let above = &rows[top];
    // (or its line of figures a line's leading or two under it, row
    // `i + 1` the first line of a cell set at the record's middle, wrapped
    // round them, in a column of the record above)
    let in_a_column = |line: &Line| {
        rows[top..=i]
            .iter()
            .flat_map(|r| &r.chunks)
            .any(|c| (c.x0 - line.x0).abs() <= EDGE_TOLERANCE)
    };
    let mut k = i + 1;
    while !rows[k].holds_figures()
        && k - i <= 2
        && matches!(rows[k].chunks.as_slice(), [line] if in_a_column(line))
        && rows
            .get(k + 1)
            .is_some_and(|next| next.baseline - rows[k].baseline <= s.wrap_leading * next.size)
    {
        k += 1;
    }
    let below = &rows[k];
    if !below.holds_figures() {
        return false;
    }
    // (figures set at their cells' centres line up by their middles)
    let centre = |c: &Line| (c.x0 + c.x1) / 2.0;
    let lined_up = below
        .chunks
        .iter()
        .filter(|c| {
            above.chunks.iter().any(|a| {
                (a.x0 - c.x0).abs() <= EDGE_TOLERANCE
                    || (a.x1 - c.x1).abs() <= EDGE_TOLERANCE
                    || (centre(a) - centre(c)).abs() <= EDGE_TOLERANCE
            })
        })
        .count();
    lined_up >= 2 && 2 * lined_up >= below.chunks.len()
}

/// How far apart (pt) two edges may be and still line up.
const EDGE_TOLERANCE: f64 = 1.0;

/// Whether a line set at `baseline` below the run `rows` sits at the
/// leading its cells wrap at, when some do: the gap between a row and the
/// next that carries on a cell of it. A cell's lines are set at one leading;
/// the paragraph after the table sits further off, if only by a little.
fn at_the_runs_leading(rows: &[Row], baseline: f64, s: &StreamSettings) -> bool {
    let mut gaps: Vec<f64> = (1..rows.len())
        .filter_map(|k| wrap_gap(rows, k, s))
        .collect();
    gaps.sort_by(f64::total_cmp);
    let Some(&leading) = gaps.get(gaps.len() / 2) else {
        return true;
    };
    let last = rows[rows.len() - 1].baseline;
    baseline - last <= (1.0 + s.leading_tolerance) * leading
}

/// The gap above row `k` when it is a cell's wrapped line: it carries on a
/// cell of the row above (or a chunk of it carries on the line of one chunk
/// above it, a cell wrapped above its figures), or (a cell set at the
/// middle of its row, its lines interleaved with its neighbours') of the
/// nearest row above with a chunk from its left edge, every row between
/// holding text only beside it.
fn wrap_gap(rows: &[Row], k: usize, s: &StreamSettings) -> Option<f64> {
    let gap = rows[k].baseline - rows[k - 1].baseline;
    if continues_a_cell(&rows[k - 1], &rows[k], s) {
        return Some(gap);
    }
    // (a chunk of a row of several carries on the line of one chunk above
    // it: a cell wrapped above its figures, set at its row's foot)
    if let ([above], [_, _, ..]) = (rows[k - 1].chunks.as_slice(), rows[k].chunks.as_slice()) {
        let carried_on = |c: &Line| {
            same_left_edge(c, above) && same_cell_style(c, above, s) && broke_before(above, c)
        };
        if gap <= s.wrap_leading * above.size && rows[k].chunks.iter().any(carried_on) {
            return Some(gap);
        }
    }
    let [line] = rows[k].chunks.as_slice() else {
        return None;
    };
    let leading = s.wrap_leading * line.size;
    for above in rows[..k].iter().rev() {
        let gap = line.baseline - above.baseline;
        if gap > leading {
            return None;
        }
        if above.chunks.iter().any(|c| same_left_edge(c, line)) {
            return Some(gap);
        }
        if above.chunks.iter().any(|c| overlap_across(c, line)) {
            return None;
        }
    }
    None
}

/// Whether row `i + 1`, the first line of a record (a row of several chunks
/// and a figure among them, or a label's first line set close above that
/// row, a record set at its middle), is set as far below the row above it
/// as the nearest record's first line before or after it is below its own:
/// records set apart by loose cell padding, each at the same pitch, further
/// apart than rows of text usually are (`max_row_gap`), up to
/// `max_spaced_row_gap`. (A form's fields, "Fecha: | 28/11/2012", hold no
/// figures.)
fn spaced_evenly(rows: &[Row], i: usize, s: &StreamSettings) -> bool {
    let same_gap = |a: f64, b: f64| (a - b).abs() <= s.pitch_tolerance * a.min(b);
    let gap = |k: usize| -> Option<f64> {
        let (a, b) = (rows.get(k.checked_sub(1)?)?, rows.get(k)?);
        let gap = b.baseline - a.baseline;
        (gap <= s.max_spaced_row_gap * a.size).then_some(gap)
    };
    // the gap above row k, a record's first line
    let gap_above = |k: usize| gap(k).filter(|_| first_line_of_a_record(rows, k, s));
    // (or a record whose figures are left empty, its label alone or with
    // text beside it, its last line set as far above the next record as
    // its first is below the one before; its cells may wrap onto lines
    // at their leading)
    let label_alone = |k: usize| {
        let above = gap(k)?;
        let mut last = k;
        while last - k < MAX_RECORD_LINES
            && rows.get(last + 1).is_some_and(|next| {
                !next.holds_figures()
                    && next.baseline - rows[last].baseline <= s.wrap_leading * next.size
            })
        {
            last += 1;
        }
        // (the next record may have its figures left empty too; or none
        // follows, the record the last on the page or over a note at the
        // page's margin or set in a type of its own, its cells standing
        // where the record above has its own)
        let below = gap_above(last + 1).or_else(|| {
            rows.get(last + 1)
                .filter(|next| !next.holds_figures())
                .and_then(|_| gap(last + 1))
        });
        let ends_the_table = || {
            let size = rows[k].size;
            rows.get(last + 1).is_none_or(|next| {
                note_at_the_margin(&rows[k..=last], next, s) || !s.one_size(size, next.size)
            }) && in_the_columns_above(rows, k, s)
        };
        let evenly = below.is_some_and(|below| same_gap(above, below)) || ends_the_table();
        (!rows[k].holds_figures() && evenly).then_some(above)
    };
    let Some(this) = gap_above(i + 1).or_else(|| label_alone(i + 1)) else {
        return false;
    };
    let same = |other: Option<f64>| other.is_some_and(|g| same_gap(g, this));
    // (a record's lines are few: look no further for the next record)
    let near = |k: &usize| k.abs_diff(i) <= MAX_RECORD_LINES;
    let before = (1..=i)
        .rev()
        .take_while(near)
        .find(|&k| first_line_of_a_record(rows, k, s));
    let after = (i + 2..rows.len())
        .take_while(near)
        .find(|&k| first_line_of_a_record(rows, k, s));
    same(before.and_then(gap_above)) || same(after.and_then(gap_above))
}

/// Whether row `k` holds several chunks, each from the left edge of a
/// chunk of the record above (cells of the columns that record fills): the
/// row above and the lines above it down from that record's first line.
fn in_the_columns_above(rows: &[Row], k: usize, s: &StreamSettings) -> bool {
    let Some(above) = k.checked_sub(1) else {
        return false;
    };
    let first = (above.saturating_sub(MAX_RECORD_LINES)..=above)
        .rev()
        .find(|&j| first_line_of_a_record(rows, j, s))
        .unwrap_or(above);
    let row = &rows[k];
    row.chunks.len() >= 2
        && row.chunks.iter().all(|c| {
            rows[first..k]
                .iter()
                .any(|r| r.chunks.iter().any(|a| same_left_edge(a, c)))
        })
}

/// Whether row `k` is a record's first line: its line of figures, or the
/// first of the lines set at a line's leading above that line (a label
/// wrapped round the figures set at the record's middle; there a figure
/// may stand alone on its line, the record's other cells wrapped round
/// it), set further than a line's leading below the row above.
fn first_line_of_a_record(rows: &[Row], k: usize, s: &StreamSettings) -> bool {
    let within_leading = |a: &Row, b: &Row| b.baseline - a.baseline <= s.wrap_leading * a.size;
    if k > 0 && within_leading(&rows[k - 1], &rows[k]) {
        return false;
    }
    let figures = |line: usize| {
        rows[line].holds_figures()
            || (line > k
                && matches!(rows[line].chunks.as_slice(), [c] if super::holds_data(&c.text)))
    };
    let mut line = k;
    while line + 1 < rows.len() && line - k < MAX_RECORD_LINES && !figures(line) {
        if !within_leading(&rows[line], &rows[line + 1]) {
            return false;
        }
        line += 1;
    }
    figures(line)
}

/// Most lines of one record looked past for the next record's first line.
const MAX_RECORD_LINES: usize = 12;

/// Whether the row after the run `start..end`, a run of one-line records
/// (rows evenly spaced, most past the first holding figures), is set as far
/// below it as its rows are from each other: a line at the records' pitch
/// is no cell's wrapped line, which sits at the leading, closer than rows
/// padded apart, but the paragraph after the table (a note, a source) set
/// close under it. (A header over one record shows no pitch: the gap under
/// a header is the header's.)
fn after_one_line_records(rows: &[Row], start: usize, end: usize, s: &StreamSettings) -> bool {
    let run = &rows[start..end];
    // (the first row may be the header)
    let body = &run[1.min(run.len())..];
    let records = (start + 1.min(run.len())..end)
        .filter(|&k| holds_figures_of_its_own(rows, k))
        .count();
    let headed = !run[0].holds_figures();
    if run.len() < 2 || 3 * records < 2 * body.len() || (headed && body.len() < 2) {
        return false;
    }
    let gaps = sorted_gaps(run);
    let pitch = gaps[gaps.len() / 2];
    // (a record wrapped onto a second line would set a gap at the leading:
    // the gaps would fall into two groups, as `wrapped_cells` parts records)
    let even = gaps[gaps.len() - 1] < s.record_gap_ratio * gaps[0];
    even && rows
        .get(end)
        .is_some_and(|r| r.baseline - rows[end - 1].baseline >= (1.0 - s.pitch_tolerance) * pitch)
}

/// Whether row `k` holds figures (`Row::holds_figures`) other than the
/// rests of figures broken in narrow columns: "2" under "£89,72", the
/// nearest chunk over it in the rows above.
fn holds_figures_of_its_own(rows: &[Row], k: usize) -> bool {
    let rest_of_a_figure = |c: &Line| {
        rows[k.saturating_sub(MAX_RECORD_LINES)..k]
            .iter()
            .rev()
            .find_map(|above| above.chunks.iter().find(|a| overlap_across(a, c)))
            .is_some_and(|a| super::broken_words::carries_a_figure_on(&a.text, &c.text))
    };
    rows[k].holds_figures()
        && rows[k]
            .chunks
            .iter()
            .any(|c| super::holds_data(&c.text) && !rest_of_a_figure(c))
}

/// Whether row `j` is set at the pitch of the run `start..end` (the median
/// gap between its baselines), as is the row after it: a label row of the
/// table, with no space set before or after it as a heading has.
fn in_pitch(rows: &[Row], start: usize, end: usize, j: usize, s: &StreamSettings) -> bool {
    let gaps = sorted_gaps(&rows[start..end]);
    if gaps.is_empty() {
        return false;
    }
    let pitch = gaps[gaps.len() / 2] * (1.0 + s.pitch_tolerance);
    let gap_to = |k: usize| rows.get(k).map(|r| r.baseline - rows[k - 1].baseline);
    gap_to(j).is_some_and(|g| g <= pitch) && gap_to(j + 1).is_some_and(|g| g <= pitch)
}

/// The gaps between the baselines of consecutive rows, narrowest first.
fn sorted_gaps(rows: &[Row]) -> Vec<f64> {
    let mut gaps: Vec<f64> = rows
        .windows(2)
        .map(|w| w[1].baseline - w[0].baseline)
        .collect();
    gaps.sort_by(f64::total_cmp);
    gaps
}

/// Whether a row of one chunk is a cell's wrapped line: set close below the
/// row above, within a line's leading, it starts inside the extent of one of
/// that row's chunks, in the same weight and size, and ends before the next
/// chunk along starts (a name or a purpose run onto a second line stays in
/// its column; a paragraph after the table runs across the columns, or is
/// set in the body text's size, and a heading is set apart, or bold).
fn continues_a_cell(above: &Row, row: &Row, s: &StreamSettings) -> bool {
    let [line] = row.chunks.as_slice() else {
        return false;
    };
    let size = above.size.max(row.size);
    let in_cell = |(i, c): (usize, &Line)| {
        let next_start = above.chunks.get(i + 1).map_or(f64::MAX, |n| n.x0);
        line.x0 >= c.x0 - 0.5 * size
            && line.x0 < c.x1
            && line.x1 < next_start
            && same_cell_style(c, line, s)
            && (above.chunks.len() >= 2 || broke_before(c, line))
    };
    row.baseline - above.baseline <= s.wrap_leading * size
        && above.chunks.iter().enumerate().any(in_cell)
}

/// Whether `line` can be the next line of a cell whose line above is
/// `above`: text wraps where the next word will not fit, so no line of a
/// cell is wider than the line above it and the word that did not fit
/// there (this line's first word). A paragraph set under a table, across
/// its columns, is wider. (A cell's line beside other cells is bounded by
/// the next cell instead.)
fn broke_before(above: &Line, line: &Line) -> bool {
    // (a space, and the error of measuring a word by its share of letters)
    line.x1 - line.x0 <= above.x1 - above.x0 + first_word_width(line) + line.size
}

/// The width of a line's first word, measured by its share of the line's
/// letters.
fn first_word_width(line: &Line) -> f64 {
    let chars = line.text.chars().count().max(1) as f64;
    let first_word = line.text.split_whitespace().next().unwrap_or("");
    (line.x1 - line.x0) * first_word.chars().count() as f64 / chars
}

/// A word space, as a share of the type size (a quarter of an em, as most
/// text faces set it).
const WORD_SPACE: f64 = 0.25;

/// Whether row `i`, of one chunk, is a line of a cell that wraps round a row
/// of several chunks set at the record's centre: the next row (or the one
/// before) holds several chunks beside it rather than under it, and past
/// that row the cell's next (or previous) line follows, of one chunk, from
/// the same left edge, within a line's leading of this one.
fn straddles_a_row(rows: &[Row], i: usize, s: &StreamSettings) -> bool {
    let [line] = rows[i].chunks.as_slice() else {
        return false;
    };
    let leading = s.wrap_leading * line.size;
    let wraps_round = |middle: &Row, other: &Row| {
        let beside =
            middle.chunks.len() >= 2 && middle.chunks.iter().all(|c| !overlap_across(c, line));
        let same_cell = match other.chunks.as_slice() {
            [next] => same_left_edge(next, line),
            _ => false,
        };
        // (or further, up to double-spaced, round a row set exactly halfway)
        let (from, to) = (rows[i].baseline, other.baseline);
        let close = (to - from).abs() <= leading
            || wrapped_cells::halfway_between(from, middle.baseline, to, line.size);
        beside && same_cell && close
    };
    let below = rows.get(i + 1).zip(rows.get(i + 2));
    let above = i.checked_sub(2).map(|k| (&rows[k + 1], &rows[k]));
    below.is_some_and(|(m, o)| wraps_round(m, o)) || above.is_some_and(|(m, o)| wraps_round(m, o))
}

/// Whether row `i`, of one chunk, is a line of a cell set at the middle of
/// its row, whose record's other text sits on a row of several chunks up to
/// several lines below (or above) it: the cell's lines run from the same
/// left edge, each within a line's leading of the next, down (or up) to
/// that row, and rows between hold text only beside them (a label wrapped
/// onto its own lines). Its line in that row is a chunk of the same size
/// and weight, and this line ends before the chunk after it starts, as a
/// cell's line stays in its column; a paragraph runs across the columns.
/// Or the cell's lines run on past that row, beside it (the cell wraps
/// round a row that holds none of its lines). Next to this line, the cell's
/// line wraps from it (or it from that line): no wider than the line above
/// and the word that did not fit there.
fn line_of_a_middle_cell(rows: &[Row], i: usize, s: &StreamSettings) -> bool {
    middle_cell_reaches(rows, i, true, s) || middle_cell_reaches(rows, i, false, s)
}

/// Whether row `i` is a line of a middle-set cell whose row of several
/// chunks lies below it (`down`) or above it.
fn middle_cell_reaches(rows: &[Row], i: usize, down: bool, s: &StreamSettings) -> bool {
    let [line] = rows[i].chunks.as_slice() else {
        return false;
    };
    let leading = s.wrap_leading * line.size;
    let in_column = |row: &Row, k: usize| {
        let next_start = row.chunks.get(k + 1).map_or(f64::MAX, |n| n.x0);
        line.x1 < next_start && same_cell_style(&row.chunks[k], line, s)
    };
    // the rows from `i` on, down or up, a record's lines at most
    let order = (1..=MAX_RECORD_LINES).map_while(|d| {
        if down {
            Some(i + d).filter(|&k| k < rows.len())
        } else {
            i.checked_sub(d)
        }
    });
    let mut last = rows[i].baseline;
    // (a row of several chunks passed beside the cell's lines)
    let mut wrapped_round = false;
    let mut adjacent = true;
    // (the row passed beside since the cell's last line: a cell's lines
    // may stand double-spaced round a row set exactly halfway)
    let mut passed: Option<f64> = None;
    // (a figure broken in a narrow column, flush right: its rest stands
    // under it at its right edge)
    let carries_on = |c: &Line| {
        let (head, tail) = if down { (line, c) } else { (c, line) };
        same_left_edge(c, line)
            || ((c.x1 - line.x1).abs() <= 0.5 * line.size
                && super::broken_words::figure_broken_onto(&head.text, &tail.text))
    };
    for k in order {
        let row = &rows[k];
        let round_passed = passed.is_some_and(|middle| {
            wrapped_cells::halfway_between(last, middle, row.baseline, line.size)
        });
        if (row.baseline - last).abs() > leading && !round_passed {
            return false;
        }
        let Some(c) = row.chunks.iter().position(carries_on) else {
            if row.chunks.iter().any(|c| overlap_across(c, line)) {
                return false;
            }
            wrapped_round |= row.chunks.len() >= 2;
            passed = Some(row.baseline);
            continue;
        };
        passed = None;
        // (the cell's next line along wraps from this one, or this from
        // it: a paragraph under a table is wider)
        let next = &row.chunks[c];
        let wraps = if down {
            broke_before(line, next)
        } else {
            broke_before(next, line)
        };
        if adjacent && !wraps {
            return false;
        }
        adjacent = false;
        if row.chunks.len() >= 2 {
            return in_column(row, c);
        }
        if wrapped_round {
            return same_cell_style(next, line, s);
        }
        last = row.baseline;
    }
    false
}

/// Whether two chunks start from one left edge (within half a letter's
/// size), as the lines of a cell set flush left do.
fn same_left_edge(a: &Line, b: &Line) -> bool {
    (a.x0 - b.x0).abs() <= 0.5 * b.size
}

/// Whether two chunks are set alike, as a cell's lines are: one weight, and
/// one size within `wrap_size_tolerance`.
fn same_cell_style(a: &Line, b: &Line, s: &StreamSettings) -> bool {
    a.bold == b.bold && s.one_size(a.size, b.size)
}

/// Whether row `i`, of one chunk, is the middle line of a record whose
/// other cells wrap above and below it (a figure set at the middle of its
/// row, the label and the text beside it each on two lines): the rows next
/// above and below it lie within a line's leading of it, as far above as
/// below, and hold text only beside it, none above or under it.
fn centred_in_a_record(rows: &[Row], i: usize, s: &StreamSettings) -> bool {
    let [line] = rows[i].chunks.as_slice() else {
        return false;
    };
    let (Some(above), Some(below)) = (i.checked_sub(1).map(|k| &rows[k]), rows.get(i + 1)) else {
        return false;
    };
    let (up, down) = (
        rows[i].baseline - above.baseline,
        below.baseline - rows[i].baseline,
    );
    let beside = |other: &Row| other.chunks.iter().all(|c| !overlap_across(c, line));
    up.max(down) <= s.wrap_leading * line.size
        && (up - down).abs() <= s.pitch_tolerance * up.max(down)
        && beside(above)
        && beside(below)
}

/// Whether two chunks share some of their horizontal extent (one stands over
/// or under the other).
fn overlap_across(a: &Line, b: &Line) -> bool {
    a.x0 < b.x1 && b.x0 < a.x1
}

/// Where the first record of a run begins when its cell wraps above its row
/// of figures (a record set at its foot): the lines of one chunk close above
/// the run's first row, from the same left edge as its first cell, set
/// tighter than the run's rows are to each other, holding no figures. A
/// title or caption is set further off.
fn first_record_start(rows: &[Row], start: usize, end: usize, s: &StreamSettings) -> usize {
    let first = &rows[start];
    let figures = first.chunks.iter().any(|c| super::holds_data(&c.text));
    let Some(next) = rows.get(start + 1).filter(|_| start + 1 < end && figures) else {
        return start;
    };
    let pitch = next.baseline - first.baseline;
    let mut top = start;
    while top > 0 && start - top < s.max_single_rows {
        let (above, below) = (&rows[top - 1], &rows[top]);
        let gap = below.baseline - above.baseline;
        let wrapped = match above.chunks.as_slice() {
            [line] => {
                same_left_edge(&first.chunks[0], line)
                    && !super::holds_data(&line.text)
                    && gap <= s.wrap_leading * line.size
                    && gap * s.record_gap_ratio <= pitch
            }
            _ => false,
        };
        if !wrapped {
            break;
        }
        top -= 1;
    }
    top
}

/// A column heading set over several lines has lines of one chunk above the
/// table's first row of several ("Combined" over "weighted school"), and a
/// heading over several columns ("2022/23" over "Budget" and "Actual") a line
/// of its own above theirs: the lines close above the first row (as close as
/// the rows are to each other, in a table padded loose) that stand right of
/// the run's label column (a title starts at the table's left, and is not
/// taken).
fn header_start(rows: &[Row], start: usize, end: usize, s: &StreamSettings) -> usize {
    let label_end = label_column_end(&rows[start..end]);
    let pitch = rows
        .get(start + 1)
        .map_or(0.0, |next| next.baseline - rows[start].baseline);
    let mut top = start;
    // (lines of the head, counted as a heading's lines stack: one closer
    // above the line below than a cell wraps is set beside it, a heading of
    // another column set lower or higher in the same row of the head)
    let mut lines = 0;
    while top > 0 && lines < s.max_single_rows {
        let (above, below) = (&rows[top - 1], &rows[top]);
        let gap = below.baseline - above.baseline;
        let close = gap <= s.max_row_gap * above.size || gap <= pitch * (1.0 + s.pitch_tolerance);
        let heading = above.chunks.len() == 1
            && above.chunks[0].x0 > label_end
            && above.size <= rows[start].size * (1.0 + s.size_tolerance);
        if !(close && heading) {
            break;
        }
        if gap >= s.min_wrap_leading * above.size {
            lines += 1;
        }
        top -= 1;
    }
    top
}

/// Where a run's first column ends: the right edge of the widest first chunk
/// that starts at the run's left (the rows' labels; a row of headings that
/// leaves the label column empty starts further right).
fn label_column_end(run: &[Row]) -> f64 {
    let firsts: Vec<&Line> = run
        .iter()
        .filter(|r| r.chunks.len() >= 2)
        .map(|r| &r.chunks[0])
        .collect();
    let Some(leftmost) = firsts.iter().min_by(|a, b| a.x0.total_cmp(&b.x0)) else {
        return f64::MAX;
    };
    firsts
        .iter()
        .filter(|c| same_left_edge(c, leftmost))
        .map(|c| c.x1)
        .fold(leftmost.x1, f64::max)
}

/// A run's table (or two side by side), when it has enough rows of several
/// chunks and reads as one.
fn table_of_run(
    rows: &[Row],
    page: &PageContent,
    taken: &[bool],
    fonts: &[FontStyle],
    strips: &[(f64, f64)],
    s: &StreamSettings,
) -> Vec<FoundTable> {
    let widened = at_own_leading(rows, s);
    let s = widened.as_ref().unwrap_or(s);
    let multi = rows.iter().filter(|r| r.chunks.len() >= 2).count();
    // A page's own layout (a footer's address beside its links) has as many
    // lines of one chunk as of several; a table's label rows are the exception
    // (its cells' wrapped lines are not label rows).
    let mut single = 0;
    let mut in_table = false;
    let column = LabelColumn::of(rows);
    let pitch = records_pitch(rows, (0, rows.len()), rows.len(), s);
    let mut i = 0;
    while i < rows.len() {
        let row = &rows[i];
        let wrapped = in_table && continues_a_cell(&rows[i - 1], row, s);
        in_table = row.chunks.len() >= 2
            || wrapped
            || straddles_a_row(rows, i, s)
            || centred_in_a_record(rows, i, s)
            || line_of_a_middle_cell(rows, i, s);
        // (a record whose other cells are left empty, its label alone at
        // the records' pitch, is a row of the table)
        let label =
            !in_table && i > 0 && label_at_pitch(rows, i, (&column, pitch), s.wrap_leading, s);
        single += usize::from(!in_table && !label);
        // (a label wrapped over lines of its own is one label row)
        let label_end = if in_table {
            None
        } else {
            label_record_end(rows, 0, i, s)
        };
        match label_end {
            Some(past) => {
                in_table = true;
                i = past;
            }
            None => i += 1,
        }
    }
    if multi < s.min_rows || single as f64 > s.max_single_share * multi as f64 {
        return Vec::new();
    }
    build(rows, page, taken, fonts, strips, s)
}

/// The settings a run of rows is read with when its cells wrap wider than
/// a line and a half (`wrap_leading`): at their own leading
/// (`double_spaced_leading`).
fn at_own_leading(rows: &[Row], s: &StreamSettings) -> Option<StreamSettings> {
    double_spaced_leading(rows, s).map(|leading| StreamSettings {
        wrap_leading: leading,
        ..s.clone()
    })
}

/// The leading (× the type's size) a run's cells wrap at when it is wider
/// than a line and a half (`wrap_leading`): lines placed exactly,
/// double-spaced, and records further apart (`wrapped_cells::leading_of`),
/// a cell's line of one chunk under another at it, as fpdf2 sets its
/// tables. None for a run set closer.
fn double_spaced_leading(rows: &[Row], s: &StreamSettings) -> Option<f64> {
    let mut sizes: Vec<f64> = rows.iter().map(|r| r.size).collect();
    sizes.sort_by(f64::total_cmp);
    let size = *sizes.get(sizes.len() / 2)?;
    let baselines: Vec<f64> = rows.iter().map(|r| r.baseline).collect();
    let leading = wrapped_cells::leading_of(&baselines, size, s)?;
    // (some line of one chunk stands at that leading under the line of its
    // cell, next above it or past a line between, or over it, a cell set at
    // its record's foot: a cell wraps at it, where records with figures and
    // records without may stand apart so too)
    let alone_at_edge_of = |one: &Row, other: &Row| {
        matches!(one.chunks.as_slice(), [line]
            if other.chunks.iter().any(|c| same_left_edge(c, line)))
    };
    let wraps_at = |k: usize, back: usize| {
        let above = &rows[k - back];
        (alone_at_edge_of(&rows[k], above) || (back == 1 && alone_at_edge_of(above, &rows[k])))
            && wrapped_cells::within_exact(rows[k].baseline - above.baseline, leading)
    };
    let wraps = (1..rows.len()).any(|k| wraps_at(k, 1) || (k >= 2 && wraps_at(k, 2)));
    // (but no two records stand that far apart, each with its label and a
    // figure under the other's: there the gap is the records' own, and the
    // wider gaps those of rows a little taller, as a word processor sets a
    // row whose empty cell's paragraph is in larger type; its label alone
    // stands at the gap over the next record's label)
    let records_so_apart = rows.windows(2).any(|w| {
        wrapped_cells::within_exact(w[1].baseline - w[0].baseline, leading)
            && stacks_a_record_of_figures(&w[0], &w[1])
    });
    let leading = leading / size;
    // (the leading's gaps alike as lines placed exactly are)
    (wraps && !records_so_apart && leading > s.wrap_leading)
        .then_some(leading * (1.0 + wrapped_cells::EXACT_SPREAD))
}

/// Whether a row (`below`) is a record of figures under another's
/// (`above`): both labelled in one column (their first chunks at one left
/// edge), with a figure of its own under a figure of the other's, not the
/// rest of one broken at a line's end.
fn stacks_a_record_of_figures(above: &Row, below: &Row) -> bool {
    let ([label_above, figures_above @ ..], [label, figures @ ..]) =
        (above.chunks.as_slice(), below.chunks.as_slice())
    else {
        return false;
    };
    same_left_edge(label, label_above)
        && figures.iter().any(|f| {
            super::holds_data(&f.text)
                && figures_above.iter().any(|a| {
                    overlap_across(a, f)
                        && super::holds_data(&a.text)
                        && !super::broken_words::carries_a_figure_on(&a.text, &f.text)
                })
        })
}

/// The number of chunks most rows of several hold (the larger of two as common).
fn typical_chunk_count(rows: &[Row]) -> usize {
    let mut counts: Vec<usize> = rows
        .iter()
        .map(|r| r.chunks.len())
        .filter(|&n| n >= 2)
        .collect();
    counts.sort_unstable();
    let mut best = (0, 1);
    for run in counts.chunk_by(|a, b| a == b) {
        if run.len() >= best.0 {
            best = (run.len(), run[0]);
        }
    }
    best.1
}

/// Columns of running text (a brochure's text columns) wrap their sentences:
/// many of their lines start in lower case, with a word, which table cells
/// seldom do. A cell opening with a code ("pmdbi8a", "m0bi____", an address)
/// is no sentence's line.
fn reads_as_prose(rows: &[Vec<Cell>], s: &StreamSettings) -> bool {
    let texts: Vec<&str> = rows
        .iter()
        .flatten()
        .map(|c| c.text.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    let lower = texts.iter().filter(|t| opens_with_a_word(t)).count();
    lower as f64 > s.max_lowercase_share * texts.len() as f64
}

/// Running text with notes in its margin (a version, a cross-reference
/// beside a paragraph) lines up as two columns: one column of long lines in
/// nearly every row, and beside it columns left empty in most rows. A
/// table's cells wrapped over lines are one record each, so its columns are
/// not left so empty beside its longest.
fn notes_beside_text(rows: &[Vec<Cell>], s: &StreamSettings) -> bool {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let filled = |c: usize| {
        rows.iter()
            .filter(|r| r.get(c).is_some_and(|cell| !cell.text.is_empty()))
            .count()
    };
    let long_text = |c: usize| {
        let mut words: Vec<usize> = rows
            .iter()
            .filter_map(|r| r.get(c))
            .filter(|cell| !cell.text.is_empty())
            .map(|cell| cell.text.split_whitespace().count())
            .collect();
        words.sort_unstable();
        words
            .get(words.len() / 2)
            .is_some_and(|w| *w as f64 > s.max_words_per_cell)
    };
    let Some(text) = (0..width)
        .find(|&c| filled(c) as f64 >= NEARLY_EVERY_ROW * rows.len() as f64 && long_text(c))
    else {
        return false;
    };
    width >= 2
        && (0..width).all(|c| c == text || filled(c) as f64 <= NOTES_SHARE * rows.len() as f64)
}

/// The share of rows a column of running text fills at least, and the share
/// the notes beside it fill at most (a table's cells whose wrapped lines were
/// left rows of their own still fill more: half the rows, as a label over
/// one wrapped line fills).
const NEARLY_EVERY_ROW: f64 = 0.8;
const NOTES_SHARE: f64 = 1.0 / 3.0;

/// Whether the text opens with a word in lower case: letters, with no digit,
/// underscore or other sign inside it (punctuation may close it).
fn opens_with_a_word(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    let word = first.trim_end_matches([',', '.', ';', ':', '!', '?', ')', '"', '”', '’']);
    word.chars().next().is_some_and(char::is_lowercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '\'' || c == '’' || c == '-')
}

/// A list whose labels (bullets, section numbers) are set apart from its
/// items lines up as two columns, labels and items. Two columns whose first
/// holds only list labels, one of them plainly a label (a bullet, "4.", "a)"),
/// are a list, not a table; a figure such as "2.6" is no label on its own.
fn is_labelled_list(rows: &[Vec<Cell>]) -> bool {
    let labels: Vec<&str> = rows
        .iter()
        .filter_map(|r| r.first())
        .map(|c| c.text.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    let plain = |t: &&str| t.chars().count() == 1 || t.ends_with(['.', ')']) || t.starts_with('(');
    rows.iter().all(|r| r.len() == 2)
        && labels.iter().all(|t| is_list_label(t))
        && labels.iter().any(plain)
}

/// Bulleted lists set side by side (a page's columns of points, a framework
/// of aims beside objectives) line up as a table's columns do. When every
/// column holds an item led by a bullet, they are lists: a table with a
/// list in a cell has it in one column, beside names and figures.
fn is_lists_side_by_side(rows: &[Vec<Cell>]) -> bool {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let led_by_bullet = |t: &str| {
        let mut chars = t.chars();
        let bullet = chars.next().is_some_and(is_bullet_glyph);
        bullet && chars.next().is_some_and(char::is_whitespace)
    };
    let listed = |c: usize| {
        rows.iter()
            .any(|r| r.get(c).is_some_and(|cell| led_by_bullet(&cell.text)))
    };
    width >= 2 && (0..width).all(listed)
}

/// Everything on a page as one unruled table, laid out as the stream modes
/// of tabula, camelot and pdfplumber lay it out: every text line is a row
/// (but for the lines of a cell that plainly wraps, which are one cell, see
/// `wrapped_cells`), and the columns are the horizontal extents that the
/// lines' chunks of text share. The reader has said where the table is (an `area`, the
/// `stream` method), so the checks that tell tables from prose are not made;
/// the page is expected to be cropped to the area.
///
/// `columns` are column boundaries the reader gives (tabula's `--columns`):
/// x positions that separate the columns, and that split any chunk they cross.
pub fn grid_table(
    page: &PageContent,
    fonts: &[FontStyle],
    columns: Option<&[f64]>,
    s: &StreamSettings,
) -> Option<FoundTable> {
    let glyphs: Vec<&Glyph> = page.glyphs.iter().collect();
    let Laid {
        bbox,
        table,
        bounds,
    } = grid_layout(&glyphs, fonts, &page.fills, (columns, None, &[]), s)?;
    let mut found = FoundTable {
        bbox,
        table,
        glyphs: (0..page.glyphs.len()).collect(),
    };
    add_sideways_headings(
        &mut found,
        &bounds,
        page,
        &vec![false; page.glyphs.len()],
        fonts,
    );
    Some(found)
}

/// Glyphs known to make one table (within its rules) laid out as an unruled
/// table is: line by line, with its wrapped cells put back together.
pub fn lay_out(
    glyphs: &[&Glyph],
    fonts: &[FontStyle],
    fills: &[Fill],
    spanned: &[BBox],
) -> Option<(BBox, Table)> {
    grid_layout(
        glyphs,
        fonts,
        fills,
        (None, None, spanned),
        &StreamSettings::default(),
    )
    .map(|l| (l.bbox, l.table))
}

/// Whether glyph `i` is a vertical bar standing alone as a word, apart from
/// the glyphs drawn before and after it (spaces, or text on another line or
/// further off than a letter's side): a column's rule drawn as text, as an
/// OCR program reads a ruled table's vertical rules and a plain-text table
/// draws them, no cell's text.
fn lone_bar(glyphs: &[&Glyph], i: usize) -> bool {
    let g = glyphs[i];
    if !matches!(g.text.trim(), "|" | "\u{2502}") {
        return false;
    }
    let apart = |o: Option<&&Glyph>| {
        o.is_none_or(|o| {
            o.text.trim().is_empty()
                || (o.origin[1] - g.origin[1]).abs() > 0.3 * g.size
                || o.x1 < g.x0 - BAR_CLEARANCE * g.size
                || o.x0 > g.x1 + BAR_CLEARANCE * g.size
        })
    };
    apart(i.checked_sub(1).and_then(|k| glyphs.get(k))) && apart(glyphs.get(i + 1))
}

/// How far (× size) a bar stands from the glyphs beside it, at least, to be
/// a rule rather than a letter of a word ("a|b").
const BAR_CLEARANCE: f64 = 0.15;

/// Glyphs laid out as one table: its box, and where its columns divide.
struct Laid {
    bbox: BBox,
    table: Table,
    bounds: Vec<f64>,
}

/// What is known of the table that lines at the top of a page carry on
/// from the page before.
#[derive(Debug, Clone, Copy)]
struct CarriedOn {
    /// The leading its cells' lines stand at, if known.
    leading: Option<f64>,
    /// The lines open with its head repeated, read as header rows; else
    /// they are all its body.
    head_repeated: bool,
}

/// The glyphs laid out line by line as one table, divided at `columns` when
/// given. Lines that carry on a table (`carried_on`) are its body: its
/// header stands on the page before, or repeated above them. Text inside
/// one of the `spanned` boxes (a heading over the columns its rule spans) is
/// read in the column the box starts in.
fn grid_layout(
    glyphs: &[&Glyph],
    fonts: &[FontStyle],
    fills: &[Fill],
    (columns, carried_on, spanned): (Option<&[f64]>, Option<CarriedOn>, &[BBox]),
    s: &StreamSettings,
) -> Option<Laid> {
    let given: Option<Vec<f64>> = columns.map(|c| {
        let mut c = c.to_vec();
        c.sort_by(f64::total_cmp);
        c
    });
    let given_bands = given.as_deref().map(|bounds| Bands { bounds, whole: &[] });
    // (a vertical bar standing alone is a column's rule, read as text)
    let bars: Vec<bool> = (0..glyphs.len()).map(|i| lone_bar(glyphs, i)).collect();
    let glyphs = Ruled {
        glyphs,
        bars: &bars,
    };
    let mut rows = text_rows(chunks(glyphs, fonts, given_bands, s), s);
    if rows.is_empty() {
        return None;
    }
    let bounds = match given {
        Some(given) => given,
        None => {
            let (bounds, cut, whole) = column_bounds(&rows);
            // headings run across the columns are read column by column
            if cut {
                let banded = Bands {
                    bounds: &bounds,
                    whole: &whole,
                };
                rows = text_rows(chunks(glyphs, fonts, Some(banded), s), s);
            }
            bounds
        }
    };
    // (a heading over spanned columns, above the first line of figures, is
    // read in the column its box starts in)
    let header_end = rows
        .iter()
        .position(|r| r.iter().any(|c| super::holds_data(&c.text)))
        .unwrap_or(0);
    let spanners = centred_spanners(&rows, &bounds, header_end);
    let column_of = |i: usize, c: &Chunk| {
        let centre = ((c.x0 + c.x1) / 2.0, (c.top + c.bottom) / 2.0);
        let spanning = spanned
            .iter()
            .find(|b| i < header_end && super::tables::box_holds(**b, centre));
        if let (None, Some(&Some(first))) = (spanning, spanners.get(i)) {
            return first;
        }
        let start = spanning.map_or(c.x0, |b| b[0]);
        let column = bounds
            .iter()
            .position(|b| start <= *b)
            .unwrap_or(bounds.len());
        // (text reaching back over the one bound before most of it heads
        // the column after, where no more than one line of the column
        // before stands under its part: the bound is where a word
        // overflowing the column before ends)
        let overflowed_under = |b: f64| {
            rows.iter()
                .enumerate()
                .filter(|&(j, row)| j != i && row.iter().any(|d| d.x1 > c.x0 && d.x0 < b))
                .count()
                <= 1
        };
        let past_its_bound = spanning.is_none()
            && column + 1 < bounds.len()
            && c.x1 <= bounds[column + 1]
            && c.x1 - bounds[column] >= MOSTLY_PAST * (c.x1 - c.x0)
            && overflowed_under(bounds[column]);
        column + usize::from(past_its_bound)
    };
    let width = rows
        .iter()
        .enumerate()
        .flat_map(|(i, row)| row.iter().map(move |c| column_of(i, c)))
        .max()
        .unwrap_or(0)
        + 1;
    let lines: Vec<TableLine> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            let mut cells: Vec<String> = vec![String::new(); width];
            let mut extents: Vec<Option<(f64, f64)>> = vec![None; width];
            for chunk in row {
                let column = column_of(i, chunk);
                append_chunk(&mut cells[column], &chunk.text);
                let reach = extents[column].map_or((chunk.x0, chunk.x1), |(a, b)| {
                    (a.min(chunk.x0), b.max(chunk.x1))
                });
                extents[column] = Some(reach);
            }
            // (the line stands where most of its text does: a cell set apart
            // from the rest, a heading at the foot of a cell merged over two
            // rows, moves it no more than a superscript would)
            let mut by_baseline: Vec<&Chunk> = row.iter().collect();
            by_baseline.sort_by(|a, b| a.letters.1.total_cmp(&b.letters.1));
            let (top, baseline) = by_baseline[(by_baseline.len() - 1) / 2].letters;
            TableLine {
                cells,
                extents,
                baseline,
                size: (baseline - top) / s.letter_height,
            }
        })
        .collect();
    let bbox = enclosing(rows.iter().flatten().map(|c| [c.x0, c.top, c.x1, c.bottom]));
    let bold: Vec<bool> = rows.iter().map(|r| r.iter().all(|c| c.bold)).collect();
    let shades: Vec<Vec<[u8; 3]>> = rows.iter().map(|r| shades_under(r, fills)).collect();
    let header_rows = match carried_on {
        Some(CarriedOn {
            head_repeated: false,
            ..
        }) => 0,
        _ => {
            let styled = [
                styled_header_rows(&lines, |i| bold[i], s),
                shaded_header_rows(&lines, &shades, s),
            ];
            let unstyled = header_rows(&lines, s);
            // (a head set apart in bold or on a fill ends where a line with a
            // label is set like the body: a first record whose figures are
            // left empty, though no line above it holds figures)
            let apart = styled.into_iter().find(|&n| n > 0).unwrap_or(0);
            let record_after = |n: u32| lines.get(n as usize).is_some_and(TableLine::labelled);
            if apart > 0 && apart < unstyled && record_after(apart) {
                apart
            } else if unstyled > 0 {
                unstyled
            } else {
                apart
            }
        }
    };
    let leading_before = carried_on.and_then(|c| c.leading);
    let records = if s.join_wrapped_cells {
        wrapped_cells::records(&lines, header_rows as usize, leading_before, s)
    } else {
        (0..lines.len()).map(|i| i..i + 1).collect()
    };
    // (headings wrapped round the others' line are one header row)
    let header_rows = records
        .iter()
        .take_while(|r| r.start < header_rows as usize)
        .count() as u32;
    let table = Table {
        page: None,
        bbox: Some(bbox),
        rows: wrapped_cells::merge(&lines, &records),
        header_rows,
    };
    Some(Laid {
        bbox,
        table,
        bounds,
    })
}

/// How far off the middle of a run of columns' text (× its height) a
/// heading may stand and be centred over them: a column of text wrapped in
/// a width of its own (LaTeX's `p`) may leave its width's end unfilled.
const CENTRED_SPAN: f64 = 0.5;

/// How many times further off the middle of its own column's text than off
/// the middle of a run of columns' a heading may stand and still be read
/// centred over the run where it is not within `CENTRED_SPAN` of it.
const OFF_ITS_OWN_MIDDLE: f64 = 3.0;

/// For each line of a laid out table, the first of the columns its heading
/// spans, where the line is a heading alone over the head (above the first
/// line of figures, `header_end`) set in line with none of the headings of
/// the column it starts over (as a heading wrapped over its own column's
/// is), nor with the column's text as a whole (its start, end or middle:
/// a line of ragged text may end where a centred heading's middle falls by
/// chance), but centred over a run of columns, that one among them: LaTeX's
/// `\multicolumn` and a browser's cell across columns centre it so, with no
/// rule under it to tell its span by.
fn centred_spanners(rows: &[Vec<Chunk>], bounds: &[f64], header_end: usize) -> Vec<Option<usize>> {
    let column = |x: f64| bounds.iter().position(|b| x <= *b).unwrap_or(bounds.len());
    let lone = |i: usize| i < header_end && rows[i].len() == 1;
    // (each column's text by line, and its extent across, lone headings aside)
    let mut texts: Vec<Vec<(usize, &Chunk)>> = vec![Vec::new(); bounds.len() + 1];
    for (i, row) in rows.iter().enumerate() {
        row.iter().for_each(|c| texts[column(c.x0)].push((i, c)));
    }
    let extents: Vec<Option<(f64, f64)>> = texts
        .iter()
        .map(|t| {
            let mut t = t
                .iter()
                .filter(|(i, _)| !lone(*i))
                .map(|(_, c)| (c.x0, c.x1));
            let first = t.next()?;
            Some(t.fold(first, |(a, b), (x0, x1)| (a.min(x0), b.max(x1))))
        })
        .collect();
    let middle = |(a, b): (f64, f64)| (a + b) / 2.0;
    let spanner = |line: usize, c: &Chunk| -> Option<usize> {
        let over = column(c.x0);
        let centre = (c.x0 + c.x1) / 2.0;
        let in_line = |&(i, d): &(usize, &Chunk)| {
            i != line && i < header_end && wrapped_cells::in_line((c.x0, c.x1), (d.x0, d.x1))
        };
        let in_line_with_column =
            extents[over].is_some_and(|e| wrapped_cells::in_line((c.x0, c.x1), e));
        if in_line_with_column || texts[over].iter().any(in_line) {
            return None;
        }
        // (the run of columns whose text's middle is nearest the heading's,
        // of those from column `from` on)
        let nearest_run = |from: usize| {
            let runs = (from..=over).flat_map(|k| (over..extents.len()).map(move |m| (k, m)));
            runs.filter(|&(k, m)| m > k)
                .filter_map(|(k, m)| {
                    let run = (extents[k]?.0, extents[m]?.1);
                    Some(((centre - middle(run)).abs(), k))
                })
                .min_by(|a, b| a.0.total_cmp(&b.0))
        };
        if let Some((off, first)) = nearest_run(0) {
            if off <= CENTRED_SPAN * (c.bottom - c.top) {
                return Some(first);
            }
        }
        // (a column of text wrapped in a width of its own may leave much of
        // it unfilled, and the heading's middle off its text's: still
        // centred over columns, nowhere near the middle of its own, over
        // the columns after the row labels, whose heading stands in theirs)
        let own_off = extents[over].map_or(f64::INFINITY, |e| (centre - middle(e)).abs());
        let (off, first) = nearest_run(1)?;
        (off * OFF_ITS_OWN_MIDDLE < own_off).then_some(first)
    };
    (0..rows.len())
        .map(|i| {
            if lone(i) {
                spanner(i, &rows[i][0])
            } else {
                None
            }
        })
        .collect()
}

/// The header of a table laid out line by line: the lines above its first
/// line of figures ("Allocation" over "2013-14" over "(£)"), when there are
/// few enough of them to be column headings.
fn header_rows(lines: &[TableLine], s: &StreamSettings) -> u32 {
    // Under headings that leave the label column empty, a line with text in
    // that column only is the body's first section label ("Income").
    // A line set much closer to the line of figures below it than to the
    // line above is the first line of the body's first record (a cell that
    // wraps above its figures, set at the record's foot or centre).
    // (The first line is so when it holds only some of the columns of the
    // line below, set tighter than that record's lines (down to those
    // wrapped below its figures) are to the next line, or closer than
    // a line's leading to the line of figures, interleaved with it as a
    // record's cells set at its middle are: a header stands further off.
    // So interleaved, it may hold as many columns as that line, none of
    // them the same.)
    // (A cell may wrap onto several lines above its figures, as many as a
    // record has: the lines down to the first with figures are then set at
    // one leading.) A first record may have no figures at all.
    // (Under lines that head every column, a line set further below them
    // than a line's leading opens a record when the line after it is
    // interleaved with it, closer than a line's leading, as the lines of a
    // record of text cells set at its middle are; or when it is a line of
    // one cell set apart from the lines on both sides: the rest of a row a
    // page break cut, under the head the page repeats. Headings set at the
    // middle of a header's cells interleave too, but under a heading that
    // spans some columns only.)
    let width = lines.iter().map(|l| l.cells.len()).max().unwrap_or(0);
    // (the leading the table's cells are set at, seen over all its lines)
    let table_leading = wrapped_cells::record_leading(lines, s);
    let record_under_the_head = |i: usize| {
        let gap = |k: usize| lines[k + 1].baseline - lines[k].baseline;
        let size = lines[i].size;
        let apart = |g: f64| g > s.wrap_leading * size;
        let headed = (0..width).all(|c| lines[..i].iter().any(|l| l.occupied().contains(&c)));
        let cells = lines[i].occupied().len();
        i > 0
            && i + 1 < lines.len()
            && headed
            && apart(gap(i - 1))
            && (gap(i) < s.min_wrap_leading * size || (cells == 1 && apart(gap(i))))
    };
    let opens_a_record = |i: usize| {
        let gap = |k: usize| lines[k + 1].baseline - lines[k].baseline;
        let occupied = |k: usize| lines[k].cells.iter().filter(|c| !c.is_empty()).count();
        let Some(figures) =
            (i + 1..lines.len().min(i + 1 + MAX_RECORD_LINES)).find(|&k| lines[k].holds_figures())
        else {
            return false;
        };
        let leading = (i..figures).map(gap).fold(0.0, f64::max);
        // (lines placed exactly at the table's leading, down to the figures:
        // the records' gaps may be only a little wider)
        let exact = table_leading
            .is_some_and(|l| (i..figures).all(|k| wrapped_cells::within_exact(gap(k), l)));
        let apart_from = |k: usize| match k.checked_sub(1) {
            Some(before) => {
                gap(before) >= s.record_gap_ratio * leading
                    || (exact && wrapped_cells::exactly_apart(gap(before), leading))
            }
            None => {
                // (the record's lines wrapped below its figures, at the leading)
                let mut last = figures;
                while last + 1 < lines.len()
                    && gap(last) <= s.wrap_leading * lines[last].size
                    && wrapped_cells::is_strict_subset(
                        &lines[last + 1].occupied(),
                        &lines[figures].occupied(),
                    )
                {
                    last += 1;
                }
                let leading = (k..last).map(gap).fold(0.0, f64::max);
                let interleaved = leading < s.min_wrap_leading * lines[k].size;
                // (lines interleaved, each in columns the other leaves empty)
                let figure_line = lines[figures].occupied();
                let beside = lines[k].occupied().iter().all(|c| !figure_line.contains(c));
                last + 1 < lines.len()
                    && ((occupied(k) < occupied(figures)
                        && (gap(last) >= s.record_gap_ratio * leading || interleaved))
                        || (interleaved && beside))
            }
        };
        // (a first record whose figures are left empty: its label on one of
        // its lines (set at its foot, below its wrapped text, or at its
        // top), nothing in the columns the next record has figures
        // in, its lines set at a leading tighter than the records are
        // apart, as far below the line above as the record with figures
        // after it is below its own, from that record's first line: its
        // cells may wrap above its figures, at a line's leading, in some of
        // its columns)
        let figure_columns: Vec<usize> = (0..lines[figures].cells.len())
            .filter(|&c| super::holds_data(&lines[figures].cells[c]))
            .collect();
        let mut next_record = figures;
        while next_record > i + 1
            && gap(next_record - 1) <= s.wrap_leading * lines[next_record].size
            && wrapped_cells::is_strict_subset(
                &lines[next_record - 1].occupied(),
                &lines[figures].occupied(),
            )
        {
            next_record -= 1;
        }
        let record_gap = gap(next_record - 1);
        let figures_empty = (i..next_record).all(|k| {
            figure_columns
                .iter()
                .all(|&c| lines[k].cells.get(c).is_none_or(String::is_empty))
        });
        let record_left_empty = i > 0
            && figures > i + 1
            && figures_empty
            && (i..next_record).any(|k| lines[k].labelled())
            && (gap(i - 1) - record_gap).abs() <= s.pitch_tolerance * record_gap
            && (i..next_record - 1).all(|k| record_gap >= s.record_gap_ratio * gap(k));
        apart_from(i) || record_left_empty || record_under_the_head(i)
    };
    let mut stub_empty = false;
    let lead = lines
        .iter()
        .enumerate()
        .take_while(|&(i, l)| {
            if opens_a_record(i) {
                return false;
            }
            let Some((label, rest)) = l.cells.split_first() else {
                return false;
            };
            let label_only = !label.is_empty() && rest.iter().all(String::is_empty);
            // (the last line of a heading wrapped round the headings set at
            // the middle of their cells is no section label: it stands as
            // far under their line as its first line stands over it, both
            // closer than a line's leading, and the next line a leading
            // under it at least; lists side by side, their lines offset,
            // interleave line after line)
            let wrapped_round = i >= 2
                && wrapped_cells::wrapped_halfway_round(
                    [&lines[i - 2], &lines[i - 1], l],
                    l.size,
                    s,
                )
                && lines
                    .get(i + 1)
                    .is_none_or(|next| next.baseline - l.baseline >= s.min_wrap_leading * l.size);
            // (nor are its figures figures when its first line holds none:
            // they end a heading broken in a narrow column, "2022/2" over
            // "3")
            let ends_a_heading = wrapped_round && !lines[i - 2].holds_figures();
            // (nor a line's figures that carry on headings broken on the line
            // above, "23" under "2022/")
            let of_its_own = i == 0 || l.holds_figures_of_its_own(&lines[i - 1]);
            let figures = l.holds_figures() && of_its_own && !ends_a_heading;
            let section_label = stub_empty && label_only && !wrapped_round;
            stub_empty |= label.is_empty();
            !(figures || section_label)
        })
        .count();
    // (a first record's line above its figures, under one line of
    // headings, where records stand closer than their cells' lines)
    let first_record_under_one_line =
        || lead > 1 && wrapped_cells::labelled_records_closer_than_their_lines(&lines[1..], s);
    // (or the lead's last lines, where records are set at their middles
    // closer than their cells' lines, or solid at their feet: a cell's first
    // lines wrapped round the first record's label, or above it)
    let first_record_ends_the_lead = || {
        (1..lead)
            .rev()
            .find(|&k| wrapped_cells::opens_records_set_close(&lines[k..], s))
    };
    if lead >= lines.len() || lead > s.max_header_rows {
        0
    } else if first_record_under_one_line() {
        1
    } else if let Some(k) = first_record_ends_the_lead() {
        k as u32
    } else {
        lead as u32
    }
}

/// The header of a table with no figures to tell it by (a table of names
/// and places), told by its style: its leading lines set apart (`apart`:
/// in bold, say) over lines that are not, the first with text in two
/// columns or more (a section label in bold is no header), or a heading
/// over the columns it spans, clear of the label column, over such a line.
fn styled_header_rows(
    lines: &[TableLine],
    apart: impl Fn(usize) -> bool,
    s: &StreamSettings,
) -> u32 {
    let lead = (0..lines.len()).take_while(|&i| apart(i)).count();
    let headings = |l: &TableLine| l.occupied().len();
    let headed = lines.first().is_some_and(|first| {
        headings(first) >= 2
            || (!first.labelled() && lead >= 2 && lines.get(1).is_some_and(|l| headings(l) >= 2))
    });
    if lead < lines.len() && lead <= s.max_header_rows && headed {
        lead as u32
    } else {
        0
    }
}

/// The header of a table whose head is shaded apart: its leading lines stand
/// on a fill of a colour that no line below stands on (a dark band behind the
/// headings; rows banded in a tint from the first down are no header).
fn shaded_header_rows(lines: &[TableLine], shades: &[Vec<[u8; 3]>], s: &StreamSettings) -> u32 {
    let Some(first) = shades.first() else {
        return 0;
    };
    first
        .iter()
        .map(|colour| {
            let on = |i: usize| shades[i].contains(colour);
            let lead = (0..shades.len()).take_while(|&i| on(i)).count();
            if (lead..shades.len()).any(on) {
                0
            } else {
                styled_header_rows(lines, on, s)
            }
        })
        .max()
        .unwrap_or(0)
}

/// The colours of the fills a line of chunks stands on (at its first chunk).
fn shades_under(row: &[Chunk], fills: &[Fill]) -> Vec<[u8; 3]> {
    row.first().map_or(Vec::new(), |c| {
        colours_at(
            fills,
            ((c.x0 + c.x1) / 2.0, (c.letters.0 + c.letters.1) / 2.0),
        )
        .collect()
    })
}

/// Column boundaries that divide the text (a glyph goes to the band its start
/// falls in), and boxes of text kept whole in the band it starts in.
#[derive(Clone, Copy)]
struct Bands<'a> {
    bounds: &'a [f64],
    whole: &'a [BBox],
}

/// A run of text on one line with no gap wider than a word space in it.
#[derive(Debug, Clone)]
struct Chunk {
    text: String,
    x0: f64,
    x1: f64,
    top: f64,
    bottom: f64,
    /// The band above the baseline that the line's letters fill, which
    /// decides which line the chunk is on: a glyph's full box (ascent to
    /// descent) overlaps the lines above and below in tightly set tables.
    letters: (f64, f64),
    /// Set in bold (most of its letters).
    bold: bool,
}

/// Glyphs, and which of them are columns' rules drawn as text (`lone_bar`).
#[derive(Clone, Copy)]
struct Ruled<'a, 'g> {
    glyphs: &'a [&'g Glyph],
    bars: &'a [bool],
}

/// The horizontal text in chunks. Given column boundaries (sorted), glyphs
/// are laid out column by column, so no chunk crosses a boundary; nor does
/// one cross a column's rule drawn as text, which is no chunk's text.
fn chunks(
    Ruled { glyphs, bars }: Ruled,
    fonts: &[FontStyle],
    banded: Option<Bands>,
    s: &StreamSettings,
) -> Vec<Chunk> {
    let layout = LayoutSettings {
        segment_gap: s.chunk_gap,
        unspaced_gaps: if draws_word_spaces(glyphs.iter().copied()) {
            UnspacedGaps::Parted
        } else {
            UnspacedGaps::Joined
        },
        ..LayoutSettings::default()
    };
    // Each glyph's band (the boundaries left of its start, or of the start
    // of the text kept whole it is part of), found once; the glyphs of a band
    // keep their drawing order.
    let Bands { bounds, whole } = banded.unwrap_or(Bands {
        bounds: &[],
        whole: &[],
    });
    // (a band's glyphs in runs, parted at the rules drawn as text)
    let mut bands: Vec<Vec<Vec<&Glyph>>> = vec![vec![Vec::new()]; bounds.len() + 1];
    for (&g, &bar) in glyphs.iter().zip(bars) {
        if bar {
            bands.iter_mut().for_each(|runs| runs.push(Vec::new()));
            continue;
        }
        let cx = (g.x0 + g.x1) / 2.0;
        let start = whole
            .iter()
            .find(|w| cx >= w[0] && cx <= w[2] && g.origin[1] >= w[1] && g.origin[1] <= w[3] + 0.5)
            .map_or(g.x0, |w| w[0]);
        if let Some(run) = bands[bounds.partition_point(|b| start > *b)].last_mut() {
            run.push(g);
        }
    }
    let mut out = Vec::new();
    for run in bands.into_iter().flatten().filter(|r| !r.is_empty()) {
        for l in page_lines(0, run, fonts, &layout) {
            if l.dir[0] > 0.99 {
                out.push(Chunk {
                    text: l.text,
                    x0: l.x0,
                    x1: l.x1,
                    top: l.top,
                    bottom: l.bottom,
                    letters: (l.baseline - s.letter_height * l.size, l.baseline),
                    bold: l.bold,
                });
            }
        }
    }
    out
}

/// Overlap of two vertical extents as a share of the shorter one.
fn vertical_overlap_ratio(a: (f64, f64), b: (f64, f64)) -> f64 {
    let overlap = a.1.min(b.1) - a.0.max(b.0);
    let shorter = (a.1 - a.0).min(b.1 - b.0);
    if shorter <= 0.0 {
        return if overlap >= 0.0 { 1.0 } else { 0.0 };
    }
    (overlap / shorter).max(0.0)
}

/// Chunks grouped into text lines, top to bottom, each left to right: a chunk
/// joins the line above when it overlaps that line's extent. A line that is
/// one character repeated across the table (a rule typed as "-----") is not a row.
fn text_rows(mut chunks: Vec<Chunk>, s: &StreamSettings) -> Vec<Vec<Chunk>> {
    chunks.sort_by(|a, b| {
        a.letters
            .0
            .total_cmp(&b.letters.0)
            .then(a.x0.total_cmp(&b.x0))
    });
    let mut rows: Vec<(f64, f64, Vec<Chunk>)> = Vec::new();
    for c in chunks {
        let (top, bottom) = c.letters;
        match rows.last_mut() {
            Some((row_top, row_bottom, row))
                if vertical_overlap_ratio((*row_top, *row_bottom), (top, bottom))
                    >= s.row_overlap =>
            {
                *row_top = row_top.min(top);
                *row_bottom = row_bottom.max(bottom);
                row.push(c);
            }
            _ => rows.push((top, bottom, vec![c])),
        }
    }
    let left = rows
        .iter()
        .flat_map(|r| &r.2)
        .map(|c| c.x0)
        .fold(f64::MAX, f64::min);
    let right = rows
        .iter()
        .flat_map(|r| &r.2)
        .map(|c| c.x1)
        .fold(f64::MIN, f64::max);
    rows.into_iter()
        .map(|(_, _, mut row)| {
            row.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            row
        })
        .filter(|row| !is_typed_rule(row, right - left))
        .collect()
}

fn is_typed_rule(row: &[Chunk], table_width: f64) -> bool {
    let width = row[row.len() - 1].x1 - row[0].x0;
    let mut chars = row
        .iter()
        .flat_map(|c| c.text.chars())
        .filter(|c| !c.is_whitespace());
    let Some(first) = chars.next() else {
        return true;
    };
    row.len() > 1 && width > 0.9 * table_width && chars.all(|c| c == first)
}

/// Column boundaries from the lines: each chunk of the first line opens a
/// column; every later chunk widens the first column it overlaps
/// horizontally, or opens a column of its own. A column's right edge is its
/// boundary, and a chunk belongs to the first column whose boundary is right
/// of its left edge (tabula's stream layout).
///
/// The lines of figures set the columns first, where there are two or more,
/// each column the extent their overlapping chunks cover together (a
/// currency sign set apart joins its figures); the other lines' text then
/// opens a column only where no figures stand, and moves no boundary the
/// figures set. A heading run across two boundaries or more (a spreadsheet's
/// headings set too large for their cells, fused into one run of text) is
/// cut at them: the second value says so. A heading that crosses a single
/// boundary (a year centred over two columns), or several as words do (one
/// heading over several columns), is kept whole, in the column it starts in:
/// the third value lists those, by their boxes.
fn column_bounds(rows: &[Vec<Chunk>]) -> (Vec<f64>, bool, Vec<BBox>) {
    let holds_figures = |row: &&Vec<Chunk>| row.iter().any(|c| super::holds_data(&c.text));
    let figures: Vec<&Vec<Chunk>> = rows.iter().filter(holds_figures).collect();
    let mut regions: Vec<(f64, f64)> = Vec::new();
    if figures.len() < 2 {
        for row in rows {
            widen_regions(&mut regions, row.iter());
        }
        return (right_edges(regions), false, Vec::new());
    }
    for c in figures.iter().copied().flatten() {
        join_region(&mut regions, (c.x0, c.x1));
    }
    let figure_bounds = right_edges(regions.clone());
    let figure_regions = regions.clone();
    // the header: the lines above the first line of figures
    let header_end = rows.iter().position(|r| holds_figures(&r)).unwrap_or(0);
    // (the body's text before the header's, so that a heading centred over
    // a column of text wider than its figures' lines falls in that column)
    let mut others: Vec<(bool, &Chunk)> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !holds_figures(r))
        .flat_map(|(i, r)| r.iter().map(move |c| (i < header_end, c)))
        .collect();
    others.sort_by_key(|(in_header, _)| *in_header);
    // (the header's chunks, to tell a column of figures that has a heading
    // over it from one whose heading stands clear of it, to its left)
    let headings: Vec<(f64, f64)> = others
        .iter()
        .filter(|(in_header, _)| *in_header)
        .map(|(_, c)| (c.x0, c.x1))
        .collect();
    let (mut cut, mut whole) = (false, Vec::new());
    for (in_header, c) in others {
        match figure_bounds
            .iter()
            .filter(|b| c.x0 < **b && c.x1 > **b)
            .count()
        {
            0 => {}
            n if n > 1 && runs_headings_together(&c.text) => cut = true,
            _ => whole.push([c.x0, c.letters.0, c.x1, c.letters.1]),
        }
        let overlapped: Vec<usize> = (0..regions.len())
            .filter(|&k| regions[k].0.max(c.x0) <= regions[k].1.min(c.x1))
            .collect();
        if let [k] = overlapped.as_slice() {
            // a body line wider than the figures' lines of its column widens it
            if !in_header {
                regions[*k] = (regions[*k].0.min(c.x0), regions[*k].1.max(c.x1));
            }
            continue;
        }
        if !overlapped.is_empty() {
            continue;
        }
        // (a heading of the column after the gap falls in that column already)
        let heads_next = heads_next_column(&figure_regions, c)
            || heads_figures_after_labels(&regions, &figure_regions, &headings, c);
        if !(in_header && heads_next) {
            regions.push((c.x0, c.x1));
        }
    }
    (right_edges(regions), cut, whole)
}

/// Whether a run of text holds headings run together: a word that ends in a
/// small letter or a figure and the next heading's capital with no space
/// between ("£000Outturn"), as a spreadsheet's headings too wide for their
/// cells run into each other. A heading over several columns ("Difficulties
/// encountered with respect to") reads as words.
fn runs_headings_together(text: &str) -> bool {
    let chars: Vec<char> = text.chars().collect();
    chars
        .windows(2)
        .any(|w| (w[0].is_lowercase() || w[0].is_ascii_digit()) && w[1].is_uppercase())
}

/// A heading that falls wholly in the gap between two columns of figures
/// heads the column after it and makes no column of its own: figures are
/// set flush right, so their cell reaches left from them to where a heading
/// set flush left (or centred over a wide cell) starts.
fn heads_next_column(figure_regions: &[(f64, f64)], c: &Chunk) -> bool {
    figure_regions.iter().any(|r| r.1 < c.x0) && figure_regions.iter().any(|r| r.0 > c.x1)
}

/// A heading that falls wholly in the gap between a column of text (the
/// row labels) and a column of figures with no heading over it heads those
/// figures: set flush left in a wide cell, clear of figures set flush right.
fn heads_figures_after_labels(
    regions: &[(f64, f64)],
    figure_regions: &[(f64, f64)],
    headings: &[(f64, f64)],
    c: &Chunk,
) -> bool {
    let after = figure_regions
        .iter()
        .filter(|r| r.0 > c.x1)
        .min_by(|a, b| a.0.total_cmp(&b.0));
    let Some(&(a, b)) = after else {
        return false;
    };
    let headed = headings.iter().any(|h| h.0 < b && h.1 > a);
    // (nothing between the heading and those figures)
    let between = regions.iter().any(|r| r.0 > c.x1 && r.1 < a);
    regions.iter().any(|r| r.1 < c.x0) && !headed && !between
}

fn right_edges(regions: Vec<(f64, f64)>) -> Vec<f64> {
    let mut bounds: Vec<f64> = regions.into_iter().map(|r| r.1).collect();
    bounds.sort_by(f64::total_cmp);
    bounds
}

/// A span joined to the regions it overlaps, which become one.
fn join_region(regions: &mut Vec<(f64, f64)>, (mut a, mut b): (f64, f64)) {
    regions.retain(|r| {
        let overlaps = r.0.max(a) <= r.1.min(b);
        if overlaps {
            a = a.min(r.0);
            b = b.max(r.1);
        }
        !overlaps
    });
    regions.push((a, b));
}

/// A line's chunks each widen the first region they overlap, or open one.
fn widen_regions<'c>(regions: &mut Vec<(f64, f64)>, chunks: impl Iterator<Item = &'c Chunk>) {
    let mut rest: Vec<&Chunk> = chunks.collect();
    for region in regions.iter_mut() {
        rest.retain(|c| {
            let overlaps = region.0.max(c.x0) <= region.1.min(c.x1);
            if overlaps {
                region.0 = region.0.min(c.x0);
                region.1 = region.1.max(c.x1);
            }
            !overlaps
        });
    }
    regions.extend(rest.iter().map(|c| (c.x0, c.x1)));
}

/// The share of its width a chunk has past a column's bound to head the
/// column after it, not the one it starts in: a heading centred over two
/// columns has half.
const MOSTLY_PAST: f64 = 2.0 / 3.0;

/// A table from rows of chunks, when the rows read as a table (short cells
/// of one size, several columns, not wrapped prose); two tables when they
/// are two side by side.
fn build(
    rows: &[Row],
    page: &PageContent,
    taken: &[bool],
    fonts: &[FontStyle],
    strips: &[(f64, f64)],
    s: &StreamSettings,
) -> Vec<FoundTable> {
    let chunks: Vec<&Line> = rows.iter().flat_map(|r| &r.chunks).collect();
    // Table text is set in one size; infographics and pull-out figures mix sizes.
    let mut sizes: Vec<f64> = chunks.iter().map(|c| c.size).collect();
    sizes.sort_by(f64::total_cmp);
    let median = sizes[sizes.len() / 2];
    let uniform = sizes
        .iter()
        .filter(|z| (**z - median).abs() <= s.uniform_size_tolerance * median)
        .count();
    if (uniform as f64) < s.uniform_share * sizes.len() as f64 {
        return Vec::new();
    }
    // Columns: chunk spans merged where they overlap or nearly touch.
    let size = rows[0].size;
    let gap = s.column_gap * size;
    let spans = |r: &Row| r.chunks.iter().map(|c| (c.x0, c.x1)).collect::<Vec<_>>();
    let columns = merge_spans(rows.iter().flat_map(spans).collect(), gap);
    // (the short columns are told by the rows that fill most columns: a
    // heading over two columns, or two headings set close, would join them)
    let full = typical_chunk_count(rows);
    let typical = merge_spans(
        rows.iter()
            .filter(|r| r.chunks.len() >= full)
            .flat_map(spans)
            .collect(),
        gap,
    );
    if short_columns(&typical, &chunks, s) < s.min_short_columns {
        return Vec::new();
    }
    if let Some(x) = side_by_side_gutter(&columns, rows, size, s) {
        let side = |left: bool| -> Vec<Row> {
            rows.iter()
                .map(|r| Row {
                    chunks: r
                        .chunks
                        .iter()
                        .filter(|c| (c.x1 <= x) == left)
                        .cloned()
                        .collect(),
                    ..r.clone()
                })
                .filter(|r| !r.chunks.is_empty())
                .collect()
        };
        return [side(true), side(false)]
            .iter()
            .flat_map(|rows| table_of_run(rows, page, taken, fonts, strips, s))
            .collect();
    }
    let top = rows
        .iter()
        .flat_map(|r| &r.chunks)
        .map(|c| c.top)
        .fold(f64::MAX, f64::min);
    let bottom = rows
        .iter()
        .flat_map(|r| &r.chunks)
        .map(|c| c.bottom)
        .fold(f64::MIN, f64::max);
    let bbox = [columns[0].0, top, columns[columns.len() - 1].1, bottom];
    if crosses_a_text_column(&chunks, bbox, page, taken, strips, s)
        || cuts_a_line(bbox, page, taken)
    {
        return Vec::new();
    }
    // The rows read as a table: lay its text out line by line, as a reader
    // who gave its area would have it.
    let rows_box = bbox;
    let glyph_ids = free_glyphs_in(page, taken, bbox);
    let region: Vec<&Glyph> = glyph_ids.iter().map(|&i| &page.glyphs[i]).collect();
    let spanned = super::tables::spanner_boxes(page, bbox, &TableSettings::default());
    let Some(Laid {
        bbox,
        table,
        bounds,
    }) = grid_layout(&region, fonts, &page.fills, (None, None, &spanned), s)
    else {
        return Vec::new();
    };
    // (the table as laid out may have lost a column: its sides, moved, are
    // looked at again)
    if reads_as_prose(&table.rows, s)
        || (bbox != rows_box && cuts_a_line(bbox, page, taken))
        || notes_beside_text(&table.rows, s)
        || is_labelled_list(&table.rows)
        || is_lists_side_by_side(&table.rows)
    {
        return Vec::new();
    }
    let mut found = FoundTable {
        bbox,
        table,
        glyphs: glyph_ids,
    };
    add_sideways_headings(&mut found, &bounds, page, taken, fonts);
    vec![found]
}

/// Whether the rows take in the lines of a column of running text beside a
/// table (a table at the foot of a two-column page's left column has prose
/// lines of the right column on its baselines): across a gutter of the page,
/// one side's chunks are long runs of words, and that side's text runs on
/// past the rows, within a line's leading above or below them. The table on
/// the other side is found when the gutter's sides are read apart.
fn crosses_a_text_column(
    chunks: &[&Line],
    bbox: BBox,
    page: &PageContent,
    taken: &[bool],
    strips: &[(f64, f64)],
    s: &StreamSettings,
) -> bool {
    strips.windows(2).any(|w| {
        let x = (w[0].1 + w[1].0) / 2.0;
        if x <= bbox[0] || x >= bbox[2] {
            return false;
        }
        [w[0], w[1]].iter().any(|&(a, b)| {
            let long =
                median_words(chunks, (a, b)).is_some_and(|w| w as f64 > s.max_words_per_cell);
            let size = chunks
                .iter()
                .find(|c| c.x0 >= a && c.x1 <= b)
                .map_or(0.0, |c| c.size);
            let reach = s.max_row_gap * size;
            let runs_on = page.glyphs.iter().zip(taken).any(|(g, t)| {
                let (cx, cy) = g.centre();
                !*t && !g.text.trim().is_empty()
                    && cx >= a
                    && cx <= b
                    && ((cy < bbox[1] && cy > bbox[1] - reach)
                        || (cy > bbox[3] && cy < bbox[3] + reach))
            });
            long && runs_on
        })
    })
}

/// Whether the table's box cuts a line of text at its left or right side:
/// a free glyph outside it, on the baseline of a glyph inside, stands within
/// a word space of it (`PHRASE_GAP`), so that the line reads on over the side (rows put
/// together from the lines of text columns side by side, whose columns cut
/// one column's line: "Maximum Engine Torque @ 19 | 50 RPM:"). A table's
/// rows are read whole.
fn cuts_a_line(bbox: BBox, page: &PageContent, taken: &[bool]) -> bool {
    // (upright text only: a watermark's letters set aslant are on no line)
    let free = |i: usize| {
        let g = &page.glyphs[i];
        !taken[i] && !g.text.trim().is_empty() && g.dir[0] > 0.99
    };
    let within_rows = |g: &Glyph| {
        let cy = g.centre().1;
        cy > bbox[1] && cy < bbox[3]
    };
    let on_rows: Vec<&Glyph> = (0..page.glyphs.len())
        .filter(|&i| within_rows(&page.glyphs[i]) && free(i))
        .map(|i| &page.glyphs[i])
        .collect();
    // (only glyphs near a side can read on over it: a glyph's width and the
    // reach from it are within a size and a half of the largest type's)
    let margin = (1.0 + PHRASE_GAP) * on_rows.iter().map(|g| g.size).fold(0.0, f64::max);
    let near_a_side = |g: &&Glyph| {
        (g.x1 >= bbox[0] - margin && g.x0 <= bbox[0] + margin)
            || (g.x1 >= bbox[2] - margin && g.x0 <= bbox[2] + margin)
    };
    let (inside, outside): (Vec<&Glyph>, Vec<&Glyph>) =
        on_rows.into_iter().filter(near_a_side).partition(|g| {
            let cx = g.centre().0;
            cx >= bbox[0] && cx <= bbox[2]
        });
    outside.iter().any(|o| {
        inside.iter().any(|g| {
            let reach = PHRASE_GAP * o.size.max(g.size);
            let on_line = (o.origin[1] - g.origin[1]).abs() < 0.3 * o.size.max(g.size);
            let before = o.x1 <= g.x0 + 0.5 && g.x0 - o.x1 <= reach;
            let after = o.x0 >= g.x1 - 0.5 && o.x0 - g.x1 <= reach;
            on_line && (before || after)
        })
    })
}

/// Where two tables set side by side part: the widest gap between columns,
/// when it is far wider than the others and each side has two columns at
/// least, and the page shows two tables there: one side runs on for rows
/// of several cells where the other has ended (or has not begun), or both
/// open with the same header row.
fn side_by_side_gutter(
    columns: &[(f64, f64)],
    rows: &[Row],
    size: f64,
    s: &StreamSettings,
) -> Option<f64> {
    if columns.len() < 4 {
        return None;
    }
    let gaps: Vec<f64> = columns.windows(2).map(|w| w[1].0 - w[0].1).collect();
    let k = (1..gaps.len() - 1).max_by(|a, b| gaps[*a].total_cmp(&gaps[*b]))?;
    let mut others: Vec<f64> = (0..gaps.len())
        .filter(|i| *i != k)
        .map(|i| gaps[i])
        .collect();
    others.sort_by(f64::total_cmp);
    let typical = others[others.len() / 2];
    if gaps[k] < s.side_by_side_gap * typical.max(size) {
        return None;
    }
    // (each side a table of two columns at least, filled in its rows: not
    // a heading beside the figures under it, set flush left over figures
    // set flush right, which part as two spans but fill no row together)
    let rows_across = |side: std::ops::Range<usize>| {
        rows.iter()
            .filter(|r| {
                let filled = side.clone().filter(|&c| {
                    let (a, b) = columns[c];
                    r.chunks.iter().any(|ch| ch.x0 < b && ch.x1 > a)
                });
                filled.count() >= 2
            })
            .count()
    };
    if rows_across(0..k + 1).min(rows_across(k + 1..columns.len())) < s.min_rows {
        return None;
    }
    let x = (columns[k].1 + columns[k + 1].0) / 2.0;
    let sides: Vec<(bool, bool)> = rows
        .iter()
        .map(|r| {
            let left = r.chunks.iter().any(|c| c.x1 <= x);
            let right = r.chunks.iter().any(|c| c.x0 >= x);
            (left, right)
        })
        .collect();
    // (rows of one side's table: a cell's wrapped lines below its row are
    // one-sided too, and do not count, nor do two cells' wrapped lines,
    // which leave the side's first column, its labels', empty, or hold no
    // figure (the rest of a row a page break cut, its label's and its text's
    // last lines atop the page); nor do rows that turn from side to side,
    // the lines of one table's records set at their middle, a label and its
    // figure between a text's wrapped lines)
    let opens_its_side = |row: &Row, left: bool| {
        let (a, b) = if left { columns[0] } else { columns[k + 1] };
        row.chunks.iter().any(|c| c.x0 < b && c.x1 > a)
    };
    let own_rows = |rows: &mut dyn Iterator<Item = (&Row, &(bool, bool))>| {
        let mut rows = rows.peekable();
        let Some(&(_, &first)) = rows.peek() else {
            return 0;
        };
        rows.take_while(|(_, side)| side.0 != side.1 && **side == first)
            .filter(|(row, side)| {
                row.chunks.len() >= 2 && opens_its_side(row, side.0) && row.holds_figures()
            })
            .count()
    };
    let leading = own_rows(&mut rows.iter().zip(&sides));
    let trailing = own_rows(&mut rows.iter().zip(&sides).rev());
    let texts = |left: bool| -> Vec<&str> {
        rows[0]
            .chunks
            .iter()
            .filter(|c| (c.x1 <= x) == left)
            .map(|c| c.text.as_str())
            .collect()
    };
    let same_header = texts(true) == texts(false);
    (leading.max(trailing) >= s.min_rows - 1 || same_header).then_some(x)
}

/// How many columns hold short chunks (at most `max_words_per_cell` words in
/// the typical one). Prose columns are runs of long lines; a table has short
/// cells in two columns at least, beside which one of long text may stand.
fn short_columns(columns: &[(f64, f64)], chunks: &[&Line], s: &StreamSettings) -> usize {
    columns
        .iter()
        .filter(|span| {
            median_words(chunks, **span).is_some_and(|w| w as f64 <= s.max_words_per_cell)
        })
        .count()
}

/// How many words the typical chunk lying wholly within `(a, b)` has.
fn median_words(chunks: &[&Line], (a, b): (f64, f64)) -> Option<usize> {
    let mut words: Vec<usize> = chunks
        .iter()
        .filter(|c| c.x0 >= a && c.x1 <= b)
        .map(|c| c.text.split_whitespace().count())
        .collect();
    words.sort_unstable();
    words.get(words.len() / 2).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::pdf::interpreter::test_glyphs;
    use crate::extract::pdf::wrapped_cells::test_line;

    /// The glyphs of `text` set from `x` on a baseline, at 10 pt.
    fn word(text: &str, x: f64, baseline: f64) -> Vec<Glyph> {
        test_glyphs(text, x, baseline, 10.0)
    }

    pub(super) fn page(words: &[(&str, f64, f64)]) -> PageContent {
        PageContent {
            glyphs: words.iter().flat_map(|(t, x, y)| word(t, *x, *y)).collect(),
            fills: Vec::new(),
            segments: Vec::new(),
            width: 600.0,
            height: 800.0,
        }
    }

    /// A line of a recipient, a purpose and a change, at 50, 200 and 350 pt.
    fn purpose_line<'a>(
        (label, purpose, figure): (&'a str, &'a str, &'a str),
        baseline: f64,
    ) -> [(&'a str, f64, f64); 3] {
        [
            (label, 50.0, baseline),
            (purpose, 200.0, baseline),
            (figure, 350.0, baseline),
        ]
    }

    fn texts(t: &FoundTable) -> Vec<Vec<&str>> {
        t.table.texts()
    }

    /// The unruled tables on a page none of whose glyphs is taken.
    fn tables_on(p: &PageContent) -> Vec<FoundTable> {
        stream_tables(
            p,
            &vec![false; p.glyphs.len()],
            &[],
            &StreamSettings::default(),
        )
    }

    #[test]
    fn every_line_is_a_row_and_columns_are_the_shared_extents() {
        // a two-line header, and a recipient's name wrapped onto a line of
        // its own (the unit in brackets under its heading is that heading's)
        let p = page(&[
            ("Recipient", 50.0, 100.0),
            ("Award", 200.0, 100.0),
            ("(£)", 200.0, 112.0),
            ("Victim Support", 50.0, 130.0),
            ("12,000", 200.0, 130.0),
            ("Safer Streets", 50.0, 142.0),
            ("Partnership", 50.0, 154.0),
            ("8,500", 200.0, 154.0),
        ]);
        let t = grid_table(&p, &[], None, &StreamSettings::default()).unwrap();
        assert_eq!(
            texts(&t),
            vec![
                vec!["Recipient", "Award\n(£)"],
                vec!["Victim Support", "12,000"],
                vec!["Safer Streets", ""],
                vec!["Partnership", "8,500"],
            ]
        );
    }

    fn chunk(text: &str, x0: f64, x1: f64, baseline: f64) -> Chunk {
        Chunk {
            text: text.to_string(),
            x0,
            x1,
            top: baseline - 9.0,
            bottom: baseline + 2.5,
            letters: (baseline - 6.0, baseline),
            bold: false,
        }
    }

    #[test]
    fn figures_set_the_columns_and_headings_across_them_are_cut_or_kept_whole() {
        let figures = |baseline: f64| {
            vec![
                chunk("North", 50.0, 75.0, baseline),
                chunk("12,345", 220.0, 250.0, baseline),
                chunk("23,456", 270.0, 300.0, baseline),
                chunk("34,567", 320.0, 350.0, baseline),
            ]
        };
        let rows = vec![
            // a year centred over the first two columns of figures: one boundary
            vec![chunk("2022-23", 240.0, 280.0, 100.0)],
            // headings fused into one run across two boundaries
            vec![chunk("Budget £000Outturn £000Change", 200.0, 348.0, 112.0)],
            figures(124.0),
            figures(136.0),
        ];
        let (bounds, cut, whole) = column_bounds(&rows);
        assert_eq!(bounds, [75.0, 250.0, 300.0, 350.0]);
        assert!(cut, "the fused headings are cut at the boundaries");
        assert_eq!(whole, [[240.0, 94.0, 280.0, 100.0]], "the year stays whole");

        // one heading over three columns, across two boundaries, reads as words
        let rows = vec![
            vec![chunk(
                "Difficulties met with respect to",
                205.0,
                345.0,
                100.0,
            )],
            figures(124.0),
            figures(136.0),
        ];
        let (bounds, cut, whole) = column_bounds(&rows);
        assert_eq!(bounds, [75.0, 250.0, 300.0, 350.0]);
        assert!(!cut, "a heading over several columns is not cut");
        assert_eq!(whole, [[205.0, 94.0, 345.0, 100.0]]);
    }

    #[test]
    fn a_heading_clear_of_its_figures_after_the_labels_heads_them() {
        // "Result" set flush left in a wide cell, its figures flush right,
        // clear of it; the row labels before it, on lines of their own (set
        // at their records' middles, wrapped round the figures' line);
        // "Target" over its own figures
        let rows = |result_over: Option<(f64, f64)>| {
            let mut head = vec![chunk("Measure", 6.0, 55.0, 50.0)];
            if let Some((x0, x1)) = result_over {
                head.push(chunk("Spend", x0, x1, 50.0));
            }
            head.push(chunk("Result", 140.0, 177.0, 50.0));
            head.push(chunk("Target", 275.0, 323.0, 50.0));
            let label = |baseline: f64| vec![chunk("Women's Aid", 6.0, 117.0, baseline)];
            let figures = |baseline: f64| {
                vec![
                    chunk("-38.4%", 183.0, 221.0, baseline),
                    chunk("296,625", 315.0, 358.0, baseline),
                ]
            };
            vec![
                head,
                label(65.0),
                figures(74.0),
                label(83.0),
                label(107.0),
                figures(116.0),
            ]
        };
        let (bounds, ..) = column_bounds(&rows(None));
        assert_eq!(bounds, [117.0, 221.0, 358.0]);
        // (figures with a heading of their own over them: "Result" is a
        // column's heading whose figures are left empty)
        let (bounds, ..) = column_bounds(&rows(Some((185.0, 215.0))));
        assert_eq!(bounds, [117.0, 177.0, 221.0, 358.0]);
    }

    #[test]
    fn words_a_word_space_apart_are_one_cell_and_wider_gaps_part_cells() {
        // "Knowledge" and "and" are a word space apart; the figure is far to the right
        let p = page(&[
            ("Knowledge", 50.0, 100.0),
            ("and", 98.0, 100.0),
            ("0,2885", 200.0, 100.0),
            ("Self", 50.0, 112.0),
            ("0,3791", 200.0, 112.0),
        ]);
        let t = grid_table(&p, &[], None, &StreamSettings::default()).unwrap();
        assert_eq!(texts(&t)[0], vec!["Knowledge and", "0,2885"]);
    }

    #[test]
    fn given_columns_divide_the_text_even_inside_a_chunk() {
        let p = page(&[
            ("AB", 50.0, 100.0),
            ("CD", 61.0, 100.0),
            ("EF", 50.0, 112.0),
        ]);
        let t = grid_table(&p, &[], Some(&[60.0]), &StreamSettings::default()).unwrap();
        assert_eq!(texts(&t), vec![vec!["AB", "CD"], vec!["EF", ""]]);
    }

    #[test]
    fn rows_of_figures_spaced_evenly_by_loose_padding_are_one_table_and_form_fields_none() {
        // rows 2.7 times the type size apart: too far for rows of text, but
        // each pair of rows as far apart as the next
        let spaced = |cells: [&'static str; 3]| {
            let mut words = vec![("Service", 50.0, 100.0), ("Result", 200.0, 100.0)];
            words.push(("2023/24", 300.0, 100.0));
            for (k, label) in ["Ormiston Families", "Road Safety", "Red Hen"]
                .iter()
                .enumerate()
            {
                let y = 125.0 + 27.0 * k as f64;
                words.extend([
                    (*label, 50.0, y),
                    (cells[k], 200.0, y),
                    ("640,259", 300.0, y),
                ]);
            }
            tables_on(&page(&words))
        };
        let found = spaced(["76.8%", "452", "13.9%"]);
        assert_eq!(found.len(), 1);
        assert_eq!(texts(&found[0]).len(), 4);
        assert_eq!(texts(&found[0])[3], ["Red Hen", "13.9%", "640,259"]);
        // a form's fields, "label: value", hold no figures
        let form = page(&[
            ("Acta: 2", 50.0, 100.0),
            ("Fecha: 28/11/2012", 200.0, 100.0),
            ("Hora: 20:12", 350.0, 100.0),
            ("Base: Votos", 50.0, 127.0),
            ("Tipo: Mayoria", 200.0, 127.0),
            ("Quorum: Mitad", 350.0, 127.0),
            ("Miembros: Todos", 50.0, 154.0),
            ("Resultado: Si", 200.0, 154.0),
            ("Sesion: Tablas", 350.0, 154.0),
        ]);
        assert!(tables_on(&form).is_empty());
    }

    #[test]
    fn a_record_whose_centred_figures_line_up_by_their_middles_carries_the_table_on() {
        // a spreadsheet's rows: figures centred in their cells, of unlike
        // widths; the third record set at its middle, its note wrapped round
        // it, the note's first line 2.74 sizes under the record above
        let centred = |text: &'static str, middle: f64, y: f64| {
            (text, middle - 2.5 * text.chars().count() as f64, y)
        };
        let mut words = vec![("Service", 50.0, 100.0), centred("Spend", 220.0, 100.0)];
        words.extend([centred("Change", 300.0, 100.0), ("Notes", 360.0, 100.0)]);
        let records = [
            ("Red Hen", "1,204", "-5.1%", 116.0),
            ("Safer Streets", "311", "43.4%", 132.0),
            ("Kite Trust", "2,870", "8%", 165.0),
            ("St Giles", "96", "-8.2%", 190.0),
        ];
        for (label, spend, change, y) in records {
            words.extend([(label, 50.0, y), centred(spend, 220.0, y)]);
            words.push(centred(change, 300.0, y));
        }
        words.extend([("Youth work", 360.0, 116.0), ("Night buses", 360.0, 132.0)]);
        words.extend([("Training county", 360.0, 159.4), ("schools", 360.0, 170.6)]);
        words.push(("Mentoring", 360.0, 190.0));
        let found = tables_on(&page(&words));
        assert_eq!(found.len(), 1, "{found:?}");
        let rows = texts(&found[0]);
        assert_eq!(rows.len(), 5, "{rows:?}");
        assert_eq!(
            rows[3],
            ["Kite Trust", "2,870", "8%", "Training county\nschools"]
        );
    }

    #[test]
    fn records_of_uneven_height_lined_up_under_each_other_are_one_table() {
        // a spreadsheet's rows, as tall as their tallest cell: records 1.8
        // to 3.2 times the type size apart, unevenly (too far apart for rows
        // of text, and not at one pitch), each cell where the one above it is
        let mut words = vec![("Service", 50.0, 100.0), ("Spend", 200.0, 100.0)];
        words.push(("Notes", 300.0, 100.0));
        let records = [
            ("Red Hen", "1,204", "Youth work", 114.0),
            ("Safer Streets", "311", "Night buses", 132.0),
            ("Kite Trust", "2,870", "Training", 162.0),
            ("St Giles", "96", "Mentoring", 180.0),
            ("Road Safety", "4,150", "Speed checks", 212.0),
        ];
        for (label, figure, note, y) in records {
            words.extend([(label, 50.0, y), (figure, 200.0, y), (note, 300.0, y)]);
        }
        let found = tables_on(&page(&words));
        assert_eq!(found.len(), 1);
        let rows = texts(&found[0]);
        assert_eq!(rows.len(), 6, "{rows:?}");
        assert_eq!(rows[0], ["Service", "Spend", "Notes"]);
        assert_eq!(rows[5], ["Road Safety", "4,150", "Speed checks"]);
        // a table of other columns as far below is a table of its own
        for (k, area) in ["Northern", "Southern", "Eastern"].into_iter().enumerate() {
            let y = 250.0 + 14.0 * k as f64;
            words.extend([(area, 80.0, y), ("12.5%", 260.0, y), ("640", 420.0, y)]);
        }
        let found = tables_on(&page(&words));
        assert_eq!(
            found.len(),
            2,
            "{:?}",
            found.iter().map(texts).collect::<Vec<_>>()
        );
        assert_eq!(texts(&found[0]).len(), 6);
    }

    #[test]
    fn headings_flush_left_clear_of_figures_flush_right_head_the_table_with_a_heading_over_them() {
        // a spreadsheet printed without rules: each heading at its cell's
        // left, each figure at its right, the headings 3 ems above the rows
        let mut words = vec![("Partner", 50.0, 100.0), ("Budget", 160.0, 100.0)];
        words.push(("Outcome", 253.0, 100.0));
        let records = [
            ("Red Hen", "1,234", 225.0, "56.5%", 305.0),
            ("Safer Streets", "311", 235.0, "4%", 320.0),
            ("Kite Trust", "12,870", 220.0, "10.5%", 305.0),
            ("St Giles", "96", 240.0, "-2%", 315.0),
        ];
        for (i, (name, figure, x, change, cx)) in records.into_iter().enumerate() {
            let y = 130.0 + 13.0 * i as f64;
            words.extend([(name, 50.0, y), (figure, x, y), (change, cx, y)]);
        }
        let found = tables_on(&page(&words));
        assert_eq!(found.len(), 1);
        let rows = texts(&found[0]);
        assert_eq!(rows[0], ["Partner", "Budget", "Outcome"], "{rows:?}");
        assert_eq!(rows[1], ["Red Hen", "1,234", "56.5%"], "{rows:?}");
        assert_eq!(rows.len(), 5);
        // a heading over the two columns of figures, a line above theirs
        words.push(("Funding 2023", 225.0, 87.0));
        let found = tables_on(&page(&words));
        assert_eq!(found.len(), 1);
        let rows = texts(&found[0]);
        assert_eq!(rows[0], ["", "Funding 2023", ""], "{rows:?}");
        assert_eq!(rows[1], ["Partner", "Budget", "Outcome"], "{rows:?}");
        assert_eq!(found[0].table.header_rows, 2);
    }

    #[test]
    fn a_heading_over_the_columns_its_spanner_rule_spans_heads_the_first() {
        // a heading centred over a narrow column of figures and a wide one of
        // notes, wholly over the notes, a rule under it across both columns
        let mut words = vec![("Partner", 50.0, 100.0), ("Budget", 160.0, 100.0)];
        words.extend([("Notes", 253.0, 100.0), ("Outcomes", 280.0, 87.0)]);
        let records = [
            ("Red Hen", "1,234", "Held up by rain"),
            ("Safer Streets", "311", "On course"),
            ("Kite Trust", "12,870", "Ahead"),
        ];
        for (i, (name, figure, note)) in records.into_iter().enumerate() {
            let y = 120.0 + 13.0 * i as f64;
            words.extend([(name, 50.0, y), (figure, 165.0, y), (note, 253.0, y)]);
        }
        let unruled = tables_on(&page(&words));
        assert_eq!(texts(&unruled[0])[0], ["", "", "Outcomes"]);
        let mut ruled = page(&words);
        ruled
            .segments
            .push(crate::extract::pdf::interpreter::test_rule(
                150.0, 90.5, 340.0, 90.5,
            ));
        let found = tables_on(&ruled);
        assert_eq!(found.len(), 1);
        let rows = texts(&found[0]);
        assert_eq!(rows[0], ["", "Outcomes", ""], "{rows:?}");
        assert_eq!(rows[1], ["Partner", "Budget", "Notes"], "{rows:?}");
    }

    #[test]
    fn headings_spaced_off_a_first_record_set_at_its_middle_head_the_table() {
        // rows sized for three lines, each record's note wrapped round its
        // figures at their middle; the headings 28 pt above the first note
        let mut words = vec![("Partner", 50.0, 100.0), ("Budget", 160.0, 100.0)];
        words.extend([("Change", 230.0, 100.0), ("Notes", 300.0, 100.0)]);
        let records = [
            ("Red Hen", "1,234", "5.5%", ["Held up", "by rain"]),
            ("Safer Streets", "311", "4.1%", ["On course", "all year"]),
            ("Kite Trust", "12,870", "-2.0%", ["Ahead of", "the plan"]),
            ("St Giles", "96", "7.3%", ["Late in", "the year"]),
        ];
        for (i, (name, figure, change, note)) in records.into_iter().enumerate() {
            let middle = 134.0 + 33.0 * i as f64;
            words.extend([
                (note[0], 300.0, middle - 6.0),
                (note[1], 300.0, middle + 6.0),
            ]);
            words.extend([
                (name, 50.0, middle),
                (figure, 160.0, middle),
                (change, 230.0, middle),
            ]);
        }
        let found = tables_on(&page(&words));
        assert_eq!(found.len(), 1);
        let rows = texts(&found[0]);
        assert_eq!(
            rows[0],
            ["Partner", "Budget", "Change", "Notes"],
            "{rows:?}"
        );
        assert_eq!(
            rows[1],
            ["Red Hen", "1,234", "5.5%", "Held up\nby rain"],
            "{rows:?}"
        );
        assert_eq!(rows.len(), 5);
    }

    #[test]
    fn a_heading_set_a_little_below_the_rest_of_its_line_stays_in_the_header() {
        // "Service" at the foot of a cell merged over both header rows, a
        // third of an em below "Result" and "2023/24" at the top of theirs
        let mut words = vec![("Funding", 200.0, 100.0), ("Result", 200.0, 116.5)];
        words.extend([("2023/24", 300.0, 116.5), ("Service", 50.0, 119.8)]);
        words.extend([
            ("Ormiston Families", 50.0, 133.0),
            ("£96,325", 300.0, 133.0),
        ]);
        for (y, figure, change) in [(149.5, "76.8%", "13.9%"), (166.0, "452", "640,259")] {
            words.extend([
                ("Road Safety", 50.0, y),
                (figure, 200.0, y),
                (change, 300.0, y),
            ]);
        }
        let found = tables_on(&page(&words));
        assert_eq!(found.len(), 1);
        let rows = texts(&found[0]);
        assert_eq!(rows[1], ["Service", "Result", "2023/24"], "{rows:?}");
        assert_eq!(rows[2], ["Ormiston Families", "", "£96,325"], "{rows:?}");
        assert_eq!(found[0].table.header_rows, 2);
    }

    #[test]
    fn a_record_lined_up_under_one_whose_cell_wraps_carries_the_table_on() {
        // the gap above the fourth record is measured from the third's
        // wrapped line, the cells it lines up with are the third's
        let mut words = vec![("Service", 50.0, 100.0), ("Spend", 200.0, 100.0)];
        words.push(("Notes", 300.0, 100.0));
        let records = [
            ("Red Hen", "1,204", "Youth work", 114.0),
            ("Safer Streets", "311", "Night buses", 132.0),
            ("Kite Trust", "2,870", "Training", 163.0),
            ("St Giles", "96", "Mentoring", 211.0),
            ("Road Safety", "4,150", "Speed checks", 229.0),
        ];
        for (label, figure, note, y) in records {
            words.extend([(label, 50.0, y), (figure, 200.0, y), (note, 300.0, y)]);
        }
        words.push(("for youth workers", 300.0, 175.0));
        let found = tables_on(&page(&words));
        assert_eq!(found.len(), 1);
        let rows = texts(&found[0]);
        assert_eq!(rows.len(), 6, "{rows:?}");
        assert_eq!(
            rows[3],
            ["Kite Trust", "2,870", "Training\nfor youth workers"]
        );
        assert_eq!(rows[5], ["Road Safety", "4,150", "Speed checks"]);
    }

    #[test]
    fn records_padded_apart_whose_labels_wrap_round_their_figures_are_one_table() {
        // cells set at the middle of their rows, 28 pt of padding between
        // records: a label on two lines falls half a line above and below
        // its record's figures, and its first line opens the record
        let mut words = vec![("Measure", 50.0, 100.0), ("Result", 150.0, 100.0)];
        words.push(("Award", 250.0, 100.0));
        words.extend([("Victim Support", 50.0, 128.0), ("957,899", 150.0, 128.0)]);
        words.push(("71,819", 250.0, 128.0));
        for (first, second, top) in [
            ("Road Safety", "Partnership", 156.0),
            ("Rural Crime", "Action", 197.0),
        ] {
            words.extend([(first, 50.0, top), (second, 50.0, top + 13.0)]);
            words.extend([("674", 150.0, top + 6.5), ("65,399", 250.0, top + 6.5)]);
        }
        let table = one_table_on(&words);
        let t = &table;
        assert_eq!(t.len(), 4, "{t:?}");
        assert_eq!(t[2], ["Road Safety\nPartnership", "674", "65,399"]);
        assert_eq!(t[3], ["Rural Crime\nAction", "674", "65,399"]);
    }

    #[test]
    fn a_spaced_record_whose_figure_is_left_empty_stays_in_its_table() {
        // rows 27 pt apart (2.7 times the type size), the third's figure empty
        let mut words = vec![("Recipient", 50.0, 100.0), ("Change", 300.0, 100.0)];
        let records = [
            ("Peterborough Rape Crisis", "251,962"),
            ("Road Safety Partnership", ""),
            ("Red Hen Project", "-20.6%"),
            ("Victim Support", "138,225"),
        ];
        for (k, (label, figure)) in records.iter().enumerate() {
            let y = 127.0 + 27.0 * k as f64;
            words.extend([(*label, 50.0, y), (*figure, 300.0, y)]);
        }
        let found = tables_on(&page(&words));
        assert_eq!(found.len(), 1);
        let rows = texts(&found[0]);
        assert_eq!(rows.len(), 5, "{rows:?}");
        assert_eq!(rows[2], ["Road Safety Partnership", ""]);
        // and when a purpose stands beside its label, the figure still empty
        let mut words = purpose_line(("Recipient", "Purpose", "Change"), 100.0).to_vec();
        let records = [
            ("Rape Crisis", "Outreach", "251,962"),
            ("Road Safety", "Workers", ""),
            ("Red Hen Project", "Fraud", "-20.6%"),
            ("Victim Support", "Domestic", "138,225"),
        ];
        for (k, (label, purpose, figure)) in records.iter().enumerate() {
            let y = 127.0 + 27.0 * k as f64;
            words.extend(purpose_line((*label, *purpose, *figure), y));
        }
        let found = tables_on(&page(&words));
        assert_eq!(
            found.len(),
            1,
            "{:?}",
            found.iter().map(texts).collect::<Vec<_>>()
        );
        let rows = texts(&found[0]);
        assert_eq!(rows.len(), 5, "{rows:?}");
        assert_eq!(rows[2], ["Road Safety", "Workers", ""]);
    }

    /// A table's head at the top of a page, `carried` lines under it (the
    /// rest of a row a page break cut), and four records 20.6 pt below the
    /// last of them, each set at its middle: a label and a purpose wrapped
    /// onto two lines each, interleaved round the line of figures.
    fn under_a_repeated_head(carried: &[(&str, f64, f64)]) -> Vec<FoundTable> {
        let mut words = vec![("Area", 90.0, 85.0), ("Target", 156.0, 85.0)];
        words.extend([("Change", 223.0, 85.0), ("Total", 289.0, 85.0)]);
        words.extend_from_slice(carried);
        for k in 0..4 {
            let y = carried[carried.len() - 1].2 + 20.6 + 14.7 + 50.0 * k as f64;
            words.extend([("Rural", 156.0, y - 14.7), ("Victim", 90.0, y - 7.3)]);
            words.extend([
                ("outreach", 156.0, y),
                ("49.8%", 242.0, y),
                ("125,472", 300.0, y),
            ]);
            words.extend([("Support", 90.0, y + 7.3), ("local", 156.0, y + 14.7)]);
        }
        tables_on(&page(&words))
    }

    #[test]
    fn a_record_of_text_cells_set_at_its_middle_is_a_row_of_its_table() {
        // (a label of one line centred beside a cell wrapped onto two: no
        // two of its lines share a baseline)
        let carried = [
            ("intervent", 156.0, 106.0),
            ("Crisis", 90.0, 113.3),
            ("ion youth", 156.0, 120.7),
        ];
        let found = under_a_repeated_head(&carried);
        assert_eq!(found.len(), 1);
        let rows = texts(&found[0]);
        assert_eq!(rows.len(), 6, "{rows:?}");
        assert_eq!(found[0].table.header_rows, 1);
        assert_eq!(rows[1], ["Crisis", "intervent\nion youth", "", ""]);
        assert_eq!(
            rows[2],
            [
                "Victim\nSupport",
                "Rural\noutreach\nlocal",
                "49.8%",
                "125,472"
            ]
        );
    }

    #[test]
    fn a_line_alone_in_a_column_past_the_labels_is_a_row_of_its_table() {
        let found = under_a_repeated_head(&[("hip crime", 156.0, 106.0)]);
        assert_eq!(found.len(), 1);
        let rows = texts(&found[0]);
        assert_eq!(rows.len(), 6, "{rows:?}");
        assert_eq!(found[0].table.header_rows, 1);
        assert_eq!(rows[1], ["", "hip crime", "", ""]);
    }

    #[test]
    fn a_record_of_one_centred_figure_between_its_labels_lines_keeps_the_table_whole() {
        // figures centred in their columns; one record holds a figure in
        // one column only, on the middle line between its label's two lines
        let mut words = vec![("Service", 90.0, 115.0), ("Result", 190.0, 115.0)];
        words.extend([("Change", 275.0, 115.0), ("Target", 355.0, 115.0)]);
        let mut record = |label: [&'static str; 2], top: f64, figures: [&'static str; 3]| {
            words.push((label[0], 90.0, top));
            words.push((label[1], 90.0, top + 13.4));
            for (centre, figure) in [205.0, 290.0, 370.0].into_iter().zip(figures) {
                let x = centre - 2.5 * figure.chars().count() as f64;
                if !figure.is_empty() {
                    words.push((figure, x, top + 6.7));
                }
            }
        };
        record(
            ["Ormiston", "Families"],
            140.0,
            ["£73,020", "679", "35,027"],
        );
        record(["St Giles", "Trust"], 177.7, ["£89,629", "836,277", "569"]);
        record(["Red Hen", "Project"], 215.4, ["206", "", ""]);
        record(["Fenland", "Council"], 253.1, ["£49,827", "106", "467,423"]);
        record(["Victim", "Support"], 290.8, ["£27,100", "775", "928"]);
        let table = one_table_on(&words);
        assert_eq!(table.len(), 6, "{table:?}");
        assert_eq!(table[3], ["Red Hen\nProject", "206", "", ""]);
    }

    #[test]
    fn labels_wrapped_round_their_figures_in_rows_set_close_keep_the_table_whole() {
        // a spreadsheet's rows 12.9 pt apart, closer than a line and a half
        // of 10 pt type; a label wrapped round its figure at the row's
        // middle, its lines 10.9 pt apart, the next row 13.2 pt under it,
        // once a label alone with its figure left empty
        let mut words = vec![("Area", 50.0, 100.0), ("2022/23", 200.0, 100.0)];
        let mut y = 100.0;
        let mut record = |label: &'static str, figure: &'static str| {
            y += 12.9;
            words.push((label, 50.0, y));
            if !figure.is_empty() {
                words.push((figure, 200.0, y));
            }
        };
        record("Red Hen Project", "53.9%");
        record("Safer Streets", "861");
        record("Victim Support", "564");
        let wrapped = |words: &mut Vec<_>, top: f64, figure: &'static str| {
            words.push(("Community Safety", 50.0, top));
            words.push((figure, 200.0, top + 5.4));
            words.push(("Partnership", 50.0, top + 10.9));
        };
        wrapped(&mut words, 152.0, "846,549");
        let mut y = 162.9;
        for (label, figure) in [("Rural Crime Action", "320"), ("Safer Streets", "£64,236")] {
            y += 13.2;
            words.extend([(label, 50.0, y), (figure, 200.0, y)]);
        }
        wrapped(&mut words, y + 13.2, "460,540");
        let y = y + 13.2 + 10.9;
        words.push(("Huntingdonshire CSP", 50.0, y + 13.2));
        for (k, (label, figure)) in [("Ormiston Families", "81.8%"), ("St Giles Trust", "911")]
            .into_iter()
            .enumerate()
        {
            let at = y + 13.2 + 12.9 * (k + 1) as f64;
            words.extend([(label, 50.0, at), (figure, 200.0, at)]);
        }
        let table = one_table_on(&words);
        assert_eq!(table.len(), 11, "{table:?}");
        assert_eq!(table[4], ["Community Safety\nPartnership", "846,549"]);
        assert_eq!(table[7], ["Community Safety\nPartnership", "460,540"]);
        assert_eq!(table[8], ["Huntingdonshire CSP", ""]);
        assert_eq!(table[10], ["St Giles Trust", "911"]);
    }

    #[test]
    fn a_first_record_of_one_figure_under_the_head_stays_in_the_table() {
        // headings flush left over figures centred in wide columns: the
        // first record's only figure, on its middle line, lines up with no
        // heading's edge, but stands under its column's heading
        let mut words = vec![("Area", 90.0, 134.2), ("Purpose", 222.5, 134.2)];
        words.extend([("Result", 354.8, 134.2), ("2023/24", 487.2, 134.2)]);
        words.extend([("Fenland District", 90.0, 149.9), ("£54,499", 510.0, 156.6)]);
        words.push(("Council", 90.0, 163.3));
        let labels = [("Youth Offending", "Service"), ("Ormiston", "Families")];
        for (k, (first, last)) in labels.into_iter().cycle().take(4).enumerate() {
            let top = 179.0 + 29.2 * k as f64;
            words.extend([(first, 90.0, top), (last, 90.0, top + 13.4)]);
            words.extend([("-19.9%", 245.0, top + 6.7), ("11.7%", 370.0, top + 6.7)]);
            words.push(("684", 500.0, top + 6.7));
        }
        let table = one_table_on(&words);
        assert_eq!(
            table[0],
            ["Area", "Purpose", "Result", "2023/24"],
            "{table:?}"
        );
        assert_eq!(table[1], ["Fenland District\nCouncil", "", "", "£54,499"]);
    }

    #[test]
    fn a_first_record_of_one_figure_lined_up_with_the_records_below_stays_in_the_table() {
        // headings flush left over figures flush right in wide columns:
        // the first record's only figure stands under no heading, but ends
        // where its column's figures below it end
        let right = |text: &'static str, edge: f64| (text, edge - 5.0 * text.len() as f64);
        let mut words = vec![("Measure", 90.0, 100.0), ("2022/23", 228.6, 100.0)];
        words.push(("Award", 367.0, 100.0));
        let mut record = |label: [&'static str; 2], top: f64, figures: [&'static str; 2]| {
            words.extend([(label[0], 90.0, top), (label[1], 90.0, top + 13.4)]);
            for (edge, figure) in [290.0, 420.0].into_iter().zip(figures) {
                if !figure.is_empty() {
                    let (text, x) = right(figure, edge);
                    words.push((text, x, top + 6.7));
                }
            }
        };
        record(["Youth Offending", "Service"], 124.2, ["", "923"]);
        for k in 1..5 {
            let top = 124.2 + 37.7 * k as f64;
            record(["Fenland District", "Council"], top, ["809,319", "19,320"]);
        }
        let table = one_table_on(&words);
        assert_eq!(table[0], ["Measure", "2022/23", "Award"], "{table:?}");
        assert_eq!(table[1], ["Youth Offending\nService", "", "923"]);
    }

    /// A spreadsheet's table, its rows as tall as it sized them (unevenly),
    /// cells set at their middle, every other row striped across the
    /// table's width by `stripes` (one fill each): the fourth record's note
    /// wraps round its label, 29 pt under the record above (where records
    /// stand 20 pt apart), its figure set from `figure_x` (the others' from
    /// 200), and the last has its figure left empty.
    fn striped_unevenly(stripes: &[(f64, f64)], figure_x: f64) -> PageContent {
        let mut words = vec![("Area", 50.0, 100.0), ("Spend", 200.0, 100.0)];
        words.push(("Notes", 260.0, 100.0));
        for (label, figure, note, y) in [
            ("Victim Support", "£21,748", "Abuse project", 120.0),
            ("Safer Streets", "65.1%", "Youth road", 140.0),
            ("Fenland Council", "9.5%", "Rural county", 160.0),
        ] {
            words.extend([(label, 50.0, y), (figure, 200.0, y), (note, 260.0, y)]);
        }
        words.extend([
            ("Community outreach", 260.0, 189.0),
            ("Ormiston", 50.0, 195.0),
        ]);
        words.extend([("£20,468", figure_x, 195.0), ("road early", 260.0, 201.0)]);
        words.extend([("Road Safety", 50.0, 230.0), ("Service fund", 260.0, 230.0)]);
        let mut p = page(&words);
        p.fills = stripes
            .iter()
            .map(|&(top, bottom)| Fill {
                bbox: [45.0, top, 400.0, bottom],
                rgb: [232, 238, 245],
            })
            .collect();
        p
    }

    #[test]
    fn a_row_on_a_stripe_like_the_rows_above_stays_in_the_table() {
        // (its figure lined up with none above)
        let stripes = [(128.0, 146.0), (168.0, 215.0)];
        let table = one_table_on_page(&striped_unevenly(&stripes, 215.0));
        assert_eq!(table.len(), 6, "{table:?}");
        assert_eq!(
            table[4],
            ["Ormiston", "£20,468", "Community outreach\nroad early"]
        );
        assert_eq!(table[5], ["Road Safety", "", "Service fund"]);
        // (unstriped, the rows stand too far apart to read as one table)
        let found = found_on(&striped_unevenly(&[], 215.0));
        assert!(found.iter().all(|t| t.len() < 6), "{found:?}");
    }

    #[test]
    fn a_record_lined_up_with_the_one_above_under_a_cells_first_line_stays_in_the_table() {
        // (unstriped: its label and figure start where the record above has
        // its own, under the first line of its note, set in the notes'
        // column)
        let table = one_table_on_page(&striped_unevenly(&[], 200.0));
        assert_eq!(table.len(), 6, "{table:?}");
        assert_eq!(
            table[4],
            ["Ormiston", "£20,468", "Community outreach\nroad early"]
        );
    }

    /// A table set tight, rows `pitch` apart at 10 pt, every other row
    /// striped cell by cell when `striped`, the last a label alone with its
    /// figure left empty, a note at the margin under it.
    fn tight_rows_ending_in_a_label(pitch: f64, striped: bool) -> PageContent {
        let mut words = vec![("Area", 50.0, 100.0), ("Notes", 200.0, 100.0)];
        let records = [
            ("Ormiston Families", "794,689"),
            ("St Giles Trust", "609,780"),
            ("Huntingdonshire CSP", "45,923"),
            ("Red Hen Project", ""),
        ];
        let baseline = |k: usize| 100.0 + pitch * (k + 1) as f64;
        for (k, (label, figure)) in records.into_iter().enumerate() {
            words.extend([(label, 50.0, baseline(k)), (figure, 200.0, baseline(k))]);
        }
        words.push(("Source: the office", 45.0, baseline(3) + 21.6));
        let mut p = page(&words);
        if striped {
            for k in [1, 3] {
                for (x0, x1) in [(45.0, 195.0), (195.0, 260.0)] {
                    p.fills.push(Fill {
                        bbox: [x0, baseline(k) - 7.0, x1, baseline(k) + pitch - 7.0],
                        rgb: [232, 238, 245],
                    });
                }
            }
        }
        p
    }

    #[test]
    fn a_label_alone_on_a_stripe_like_the_rows_above_is_the_tables_last_row() {
        // (rows 10.5 pt apart: closer than a line's leading, not than the
        // type's size)
        let table = one_table_on_page(&tight_rows_ending_in_a_label(10.5, true));
        assert_eq!(table.len(), 5, "{table:?}");
        assert_eq!(table[4], ["Red Hen Project", ""]);
        // (unstriped, such records show no pitch that a label alone could
        // keep)
        let table = one_table_on_page(&tight_rows_ending_in_a_label(10.5, false));
        assert_eq!(table.len(), 4, "{table:?}");
    }

    #[test]
    fn a_label_alone_at_the_pitch_of_rows_closer_than_their_type_is_the_last_row() {
        // (Typst's rows, 9.6 pt apart at 10 pt: no text's lines stand so
        // close)
        let table = one_table_on_page(&tight_rows_ending_in_a_label(9.6, false));
        assert_eq!(table.len(), 5, "{table:?}");
        assert_eq!(table[4], ["Red Hen Project", ""]);
    }

    #[test]
    fn a_first_record_round_a_figure_broken_flush_right_keeps_its_first_line() {
        // a record moved whole to the top of a page, set at its middle: its
        // label wrapped over three lines 13 pt apart, "210,52" over "5"
        // flush right in a narrow column, round the label's middle line
        let mut words = vec![
            ("St", 50.0, 60.0),
            ("210,52", 300.0, 66.5),
            ("Giles", 50.0, 73.0),
            ("489", 150.0, 73.0),
            ("696", 220.0, 73.0),
            ("5", 325.0, 79.5),
            ("Trust", 50.0, 86.0),
        ];
        let records = [
            ("Fenland", 110.0),
            ("Red Hen", 134.0),
            ("Kite Trust", 158.0),
        ];
        for (label, y) in records {
            words.extend([(label, 50.0, y), ("683", 150.0, y), ("43.7%", 220.0, y)]);
            words.push(("85.5%", 305.0, y));
        }
        let table = one_table_on(&words);
        assert_eq!(table.len(), 4, "{table:?}");
        assert_eq!(table[0][0], "St\nGiles\nTrust");
        assert_eq!(table[0][3], "210,52\n5");
    }

    #[test]
    fn a_last_label_alone_as_far_under_as_a_row_with_an_empty_cell_is_the_last_row() {
        // 10 pt records 18.3 pt apart, set at their rows' foot; a row with a
        // cell left empty taller, 20.7 pt under the one above; the last
        // label alone as far under, a note 15.2 pt under it
        let table = |taller: f64| {
            let mut words = vec![("Service", 90.0, 100.0), ("Notes", 230.0, 100.0)];
            words.push(("2023/24", 370.0, 100.0));
            let records = [
                ("Victim Support", "£53,515", "612", 18.3),
                ("Youth Offending Service", "", "873,536", taller),
                ("Safer Streets", "12.5%", "£14,090", 18.3),
                ("Road Safety Partnership", "£30,096", "£20,906", 18.3),
                ("Ormiston Families", "26.4%", "770,922", 18.3),
            ];
            let mut y = 105.0;
            for (label, notes, figure, gap) in records {
                y += gap;
                words.push((label, 90.0, y));
                words.extend([(notes, 230.0, y), (figure, 370.0, y)]);
            }
            words.retain(|w| !w.0.is_empty());
            words.push(("Fenland District Council", 90.0, y + 20.7));
            words.push(("Source: the Commissioner's office.", 90.0, y + 35.9));
            one_table_on_page(&page(&words))
        };
        let found = table(20.7);
        assert_eq!(found.len(), 7, "{found:?}");
        assert_eq!(found[6], ["Fenland District Council", "", ""]);
        // (where no record stands so far apart, the label is off the pitch)
        assert_eq!(table(18.3).len(), 6);
    }

    #[test]
    fn a_last_label_alone_wrapped_onto_a_line_of_its_own_is_one_row() {
        // 10 pt records 15.7 pt apart; the last, its figure left empty, a
        // name too wide for the label column wrapped 13.4 pt under its first
        // line; a note under the table, wider than the column
        let mut words = vec![("Partner", 90.0, 100.0), ("Outcome", 300.0, 100.0)];
        let records = [
            ("Road Safety Partnership", "-15.1%"),
            ("Fenland District", "69.3%"),
            ("Red Hen Project", "504"),
            ("Victim Support", "£77,308"),
        ];
        for (k, (label, figure)) in records.iter().enumerate() {
            let baseline = 115.7 + 15.7 * k as f64;
            words.extend([(*label, 90.0, baseline), (*figure, 300.0, baseline)]);
        }
        words.extend([
            ("Community Safety", 90.0, 178.5),
            ("Partnership", 90.0, 191.9),
            (
                "Source: the Commissioner's office and its partners.",
                90.0,
                210.0,
            ),
        ]);
        let table = one_table_on_page(&page(&words));
        assert_eq!(
            table.last().unwrap(),
            &["Community Safety\nPartnership", ""]
        );
        // (a word that would have fitted on the label's line is no wrapped
        // part of it: a line of its own)
        words[10] = ("Ely", 90.0, 178.5);
        let table = one_table_on_page(&page(&words));
        assert_ne!(table.last().unwrap(), &["Ely\nPartnership", ""]);
    }

    #[test]
    fn the_rests_of_figures_broken_in_narrow_columns_are_no_records() {
        // a record set at its middle, 13 pt a line: "£89,72" over "2" and
        // "767,97" over "2", flush right, round the label's middle line
        let p = page(&[
            ("The", 90.0, 86.0),
            ("£89,72", 200.0, 92.5),
            ("767,97", 260.0, 92.5),
            ("Kite", 90.0, 99.0),
            ("24", 170.0, 99.0),
            ("2", 225.0, 105.5),
            ("2", 285.0, 105.5),
            ("Trust", 90.0, 112.0),
        ]);
        let rows = free_rows(
            &p,
            &vec![false; p.glyphs.len()],
            &[],
            &StreamSettings::default(),
        );
        assert_eq!(rows.len(), 5);
        let own: Vec<bool> = (0..5).map(|k| holds_figures_of_its_own(&rows, k)).collect();
        assert_eq!(own, [false, true, true, false, false]);
    }

    #[test]
    fn lines_shaded_one_by_one_are_no_stripes() {
        // a code listing's lines, each on a fill touching the next
        let p = page(&[
            ("let x;", 50.0, 100.0),
            ("x = 1;", 50.0, 112.0),
            ("y = x;", 50.0, 124.0),
        ]);
        let rows = free_rows(
            &p,
            &vec![false; p.glyphs.len()],
            &[],
            &StreamSettings::default(),
        );
        let shade = |top: f64| Fill {
            bbox: [45.0, top, 400.0, top + 12.0],
            rgb: [240, 240, 240],
        };
        let fills = [shade(91.0), shade(103.0), shade(115.0)];
        assert!(row_stripes(&rows, &tinted_bands(&fills))
            .iter()
            .all(Option::is_none));
        // (set apart, they stripe every other row)
        let apart = [shade(91.0), shade(115.0)];
        let stripes = row_stripes(&rows, &tinted_bands(&apart));
        assert!(stripes[0].is_some() && stripes[1].is_none() && stripes[2].is_some());
        assert_eq!(stripes[0].map(|s| s.kind), stripes[2].map(|s| s.kind));
    }

    #[test]
    fn a_record_with_no_figures_whose_text_wraps_keeps_the_table_whole() {
        // records set loosely apart (27 pt below the last line of the one
        // before, past the usual gap between rows), their texts wrapped onto
        // a second line; one record's figure is left empty
        let mut words = vec![("Area", 90.0, 100.0), ("Change", 200.0, 100.0)];
        words.push(("Spend", 310.0, 100.0));
        let records = [
            ("St Giles Trust", "526,389", "Youth"),
            ("Rural Crime Action", "874,398", "Victim district"),
            ("Red Hen Project", "", "Safety road"),
            ("Youth Offending", "620,235", "Training community"),
            ("Safer Streets", "391", "Families"),
        ];
        let mut y = 127.0;
        for (label, figure, text) in records {
            words.extend([(label, 90.0, y), (text, 310.0, y)]);
            if !figure.is_empty() {
                words.push((figure, 200.0, y));
            }
            words.push(("project", 310.0, y + 12.0));
            y += 12.0 + 27.0;
        }
        let table = one_table_on(&words);
        assert_eq!(table.len(), 6, "{table:?}");
        assert_eq!(table[3], ["Red Hen Project", "", "Safety road\nproject"]);
    }

    #[test]
    fn records_whose_figures_are_all_left_empty_at_the_records_pitch_keep_the_table_whole() {
        // a table of names and one figure; three records running have no
        // figure, each a label alone at the records' pitch
        let mut words = vec![];
        let mut y = 100.0;
        let records = [
            ("Fenland District Council", "-14.7%"),
            ("The Kite Trust", "34,942"),
            ("St Giles Trust", "144,006"),
            ("Peterborough Rape Crisis", ""),
            ("Youth Offending Service", ""),
            ("Youth Offending Service", ""),
            ("Fenland District Council", "448,478"),
            ("Red Hen Project", "269,397"),
        ];
        for (label, figure) in records {
            words.push((label, 90.0, y));
            if !figure.is_empty() {
                words.push((figure, 256.0, y));
            }
            y += if figure.is_empty() { 20.6 } else { 18.3 };
        }
        let table = one_table_on(&words);
        assert_eq!(table.len(), 8, "{table:?}");
        assert_eq!(table[4], ["Youth Offending Service", ""]);
    }

    #[test]
    fn labels_alone_under_the_head_at_the_records_pitch_open_the_table() {
        // the table's part on the next page: the head repeated, then two
        // records whose figures are left empty (the second's label wrapped
        // at its leading), then records with figures, 24.8 pt apart
        let mut words = vec![("Measure", 90.0, 87.8), ("Result", 256.0, 87.8)];
        words.extend([
            ("Huntingdonshire CSP", 90.0, 112.6),
            ("Community Safety", 90.0, 137.5),
        ]);
        words.push(("Partnership", 90.0, 150.9));
        let records = [("Red Hen Project", "89.3%"), ("The Kite Trust", "244,294")];
        for (k, (label, figure)) in records.into_iter().enumerate() {
            let y = 175.7 + 24.8 * k as f64;
            words.extend([(label, 90.0, y), (figure, 300.0, y)]);
        }
        words.extend([("Victim Support", 90.0, 225.3), ("343,898", 300.0, 225.3)]);
        let table = one_table_on(&words);
        assert_eq!(table.len(), 6, "{table:?}");
        assert_eq!(table[0], ["Measure", "Result"]);
        assert_eq!(table[2], ["Community Safety\nPartnership", ""]);
    }

    #[test]
    fn a_record_set_at_its_middle_after_a_label_alone_at_the_pitch_ends_the_table() {
        // the foot of a page: records 21.8 pt apart, one whose figure is
        // left empty, then a last record whose label wraps round its figure
        let mut words = vec![];
        let records = [
            ("Youth Offending Service", "469"),
            ("Rural Crime Action", "348,559"),
            ("Red Hen Project", "572"),
            ("Safer Streets", ""),
        ];
        for (k, (label, figure)) in records.into_iter().enumerate() {
            let y = 653.1 + 21.8 * k as f64;
            words.push((label, 90.0, y));
            if !figure.is_empty() {
                words.push((figure, 256.0, y));
            }
        }
        words.extend([("Peterborough Rape", 90.0, 740.5), ("108", 256.0, 748.6)]);
        words.push(("Crisis", 90.0, 756.6));
        let table = one_table_on(&words);
        assert_eq!(table.len(), 5, "{table:?}");
        assert_eq!(table[3], ["Safer Streets", ""]);
        assert_eq!(table[4], ["Peterborough Rape\nCrisis", "108"]);
    }

    #[test]
    fn records_set_at_their_middle_keep_a_label_alone_and_a_record_of_one_figure() {
        // each label wrapped over two lines round its record's figures,
        // records 22.5 pt apart; one record's figures left empty, the next
        // with one figure of two
        let mut words = vec![];
        let mut record = |label: [&'static str; 2], top: f64, figures: [&'static str; 2]| {
            words.push((label[0], 90.0, top));
            if !label[1].is_empty() {
                words.push((label[1], 90.0, top + 13.4));
            }
            for (x, figure) in [231.0, 339.0].into_iter().zip(figures) {
                if !figure.is_empty() {
                    words.push((figure, x, top + 6.7));
                }
            }
        };
        record(["Huntingdonshire", "CSP"], 100.0, ["32,863", "£48,931"]);
        record(["Peterborough", "Rape Crisis"], 135.9, ["887", "£63,895"]);
        record(["St Giles Trust", ""], 171.8, ["", ""]);
        record(["Road Safety", "Partnership"], 194.3, ["", "863,095"]);
        record(["Victim", "Support"], 230.2, ["184", "43,321"]);
        record(["Fenland District", "Council"], 266.1, ["84.8%", "562"]);
        let table = one_table_on(&words);
        assert_eq!(table.len(), 6, "{table:?}");
        assert_eq!(table[2], ["St Giles Trust", "", ""]);
        assert_eq!(table[3], ["Road Safety\nPartnership", "", "863,095"]);
    }

    #[test]
    fn a_record_whose_one_figure_stands_alone_at_its_middle_keeps_the_loose_table_whole() {
        // records set at their middle, padded 2.7 em apart; the second's
        // only figure stands alone between its cells' two lines
        let mut words = vec![];
        let mut record = |top: f64, label: [&'static str; 2], figure: &'static str| {
            words.extend([(label[0], 90.0, top), ("Domestic speed", 297.0, top)]);
            words.extend([("Cyber safety", 401.0, top), (figure, 218.0, top + 6.7)]);
            words.extend([
                (label[1], 90.0, top + 13.4),
                ("rural solving", 297.0, top + 13.4),
            ]);
            words.push(("support crime", 401.0, top + 13.4));
        };
        record(100.0, ["Fenland", "District"], "£19,469");
        record(140.4, ["Cambridge", "Women's Aid"], "260,607");
        record(180.8, ["Red Hen", "Project"], "£8,862");
        record(221.2, ["Victim", "Support"], "639");
        let table = one_table_on(&words);
        assert_eq!(table.len(), 4, "{table:?}");
        assert_eq!(table[1][..2], ["Cambridge\nWomen's Aid", "260,607"]);
    }

    /// The one table read from `head` over `records` of one line each (a
    /// label, and a figure unless it is empty), labels at `label_x` and
    /// figures at `figure_x`, from baseline `first` at `pitch`, and a `note`
    /// under them.
    fn one_line_records(
        head: [(&'static str, f64, f64); 2],
        records: [(&'static str, &'static str); 4],
        (label_x, figure_x): (f64, f64),
        (first, pitch): (f64, f64),
        note: (&'static str, f64, f64),
    ) -> Vec<Vec<String>> {
        let mut words = head.to_vec();
        for (k, (label, figure)) in records.into_iter().enumerate() {
            let y = first + pitch * k as f64;
            words.push((label, label_x, y));
            if !figure.is_empty() {
                words.push((figure, figure_x, y));
            }
        }
        words.push(note);
        one_table_on(&words)
    }

    #[test]
    fn a_last_record_with_its_figure_left_empty_at_the_pitch_ends_the_table() {
        // one-line records 24 pt apart, the last with no figure; a note
        // 18 pt under it
        let table = one_line_records(
            [("Measure", 87.0, 128.1), ("2023/24", 505.7, 128.1)],
            [
                ("Safer Streets", "£3,446"),
                ("Rural Crime Action", "£3,659"),
                ("Huntingdonshire CSP", "£64,293"),
                ("St Giles Trust", ""),
            ],
            (87.0, 621.0),
            (152.1, 24.0),
            ("Source: the office.", 78.0, 242.1),
        );
        assert_eq!(table.len(), 5, "{table:?}");
        assert_eq!(table[4], ["St Giles Trust", ""]);
    }

    #[test]
    fn a_spaced_last_record_with_its_figure_left_empty_at_the_pages_foot_ends_the_table() {
        // records 27 pt apart (2.7 times the type size), the last, with a
        // purpose but no figure, the page's last line
        let words = purpose_line(("Recipient", "Purpose", "Change"), 100.0).to_vec();
        let records = [
            ("Rape Crisis", "Outreach", "251,962"),
            ("Red Hen Project", "Fraud", "-20.6%"),
            ("Victim Support", "Domestic", "138,225"),
            ("Road Safety", "Workers", ""),
        ];
        let words_of = |records: &[(&'static str, &'static str, &'static str)]| {
            let mut words = words.clone();
            for (k, (label, purpose, figure)) in records.iter().enumerate() {
                let y = 127.0 + 27.0 * k as f64;
                words.extend(purpose_line((*label, *purpose, *figure), y));
            }
            words
        };
        let found = tables_on(&page(&words_of(&records)));
        assert_eq!(found.len(), 1);
        let rows = texts(&found[0]);
        assert_eq!(rows.len(), 5, "{rows:?}");
        assert_eq!(rows[4], ["Road Safety", "Workers", ""]);
        // (a line off the columns above, the page's footer, is none of it)
        let mut footer = words_of(&records[..3]);
        footer.extend([
            ("Annual report", 80.0, 208.0),
            ("Commissioner", 250.0, 208.0),
        ]);
        let found = tables_on(&page(&footer));
        let rows = texts(&found[0]);
        assert_eq!(rows.len(), 4, "{rows:?}");
    }

    #[test]
    fn a_cells_first_line_over_its_records_middle_ends_the_head() {
        // records set at their middles, closer than their cells' lines
        // (13 pt): the first record's three-line cell opens above its label,
        // closer under the headings than its own next line
        use super::wrapped_cells::test_line as line;
        let lines = [
            line(
                &["Partner", "Outcome", "2022/23", "Target", "Purpose"],
                80.0,
            ),
            line(&["", "", "", "", "District community"], 89.0),
            line(
                &["Road Safety", "Victim", "12.9%", "Problem", "youth council"],
                102.0,
            ),
            line(&["", "", "", "", "abuse"], 115.0),
            line(&["", "Solving support", "", "", ""], 124.0),
            line(&["", "", "", "Workers", "Prevention"], 130.5),
            line(&["Safer Streets", "awareness", "379", "", ""], 137.0),
            line(&["", "", "", "project", "outreach"], 143.5),
            line(&["", "county", "", "", ""], 150.0),
        ];
        let s = StreamSettings::default();
        assert_eq!(header_rows(&lines, &s), 1);
        // (under a heading over the columns it spans too)
        let mut spanned = vec![line(&["", "Quarter 1", "", "", ""], 66.0)];
        spanned.extend(lines.iter().cloned());
        assert_eq!(header_rows(&spanned, &s), 2);
    }

    #[test]
    fn a_heading_broken_round_the_others_lines_is_no_section_label() {
        // headings set at the middle of their cells, 11 pt: the first broken
        // over two lines with no hyphen ("Recipien" over "t", its column too
        // narrow for the word), 7.4 pt over and under the others' line; the
        // first record a leading and more under it
        use super::wrapped_cells::test_line as line;
        let head = || {
            let mut lines = vec![
                line(&["Recipien", "", ""], 138.5),
                line(&["", "2022/23", "Outcome"], 145.9),
                line(&["t", "", ""], 153.3),
            ];
            lines.extend([
                line(&["Peterborough", "371", "255,697"], 173.9),
                line(&["Huntingdon", "£82,909", "£97,532"], 194.5),
            ]);
            lines.iter_mut().for_each(|l| l.size = 11.0);
            lines
        };
        let s = StreamSettings::default();
        assert_eq!(header_rows(&head(), &s), 3);
    }

    #[test]
    fn a_years_range_broken_round_the_others_lines_ends_no_head() {
        // as above, but a range of years broken in its column ("2022/2" over
        // "3") and "Purpose" over its last letter: the "3" looks a figure
        use super::wrapped_cells::test_line as line;
        let mut lines = vec![
            line(&["", "", "2022/2", "", "Purpos"], 138.5),
            line(&["Partner", "Result", "", "Notes", ""], 145.9),
            line(&["", "", "3", "", "e"], 153.3),
            line(
                &["Rural Crime", "£3,207", "-31.8%", "Awareness", "193,577"],
                173.9,
            ),
            line(
                &["Victim Support", "642,101", "658,470", "Project", "514,660"],
                194.5,
            ),
        ];
        lines.iter_mut().for_each(|l| l.size = 12.0);
        let s = StreamSettings::default();
        assert_eq!(header_rows(&lines, &s), 3);
        // (a record's figures, set close under a line of figures, are figures)
        lines[0] = line(&["", "", "2022", "", "5"], 138.5);
        lines[0].size = 12.0;
        assert_eq!(header_rows(&lines, &s), 0);
    }

    #[test]
    fn the_rest_of_a_figure_broken_in_a_heading_ends_no_head() {
        // "2022/" over "23" in a narrow column, the head set at its top
        use super::wrapped_cells::test_line as line;
        let lines = [
            line(&["Area", "Award", "2022/", "Change"], 80.0),
            line(&["", "", "23", "e"], 93.5),
            line(&["Cambridge", "176", "£44,961", "Council cyber"], 115.0),
            line(&["Fenland", "86", "£4,021", "Hub"], 136.5),
        ];
        assert_eq!(header_rows(&lines, &StreamSettings::default()), 2);
    }

    #[test]
    fn a_cells_first_lines_over_a_record_set_solid_at_its_foot_end_the_head() {
        // lines 12 pt apart throughout, records set at their feet: the first
        // record's cells open one and two lines above its label
        use super::wrapped_cells::test_line as line;
        let lines = [
            line(&["Service", "Result", "Notes", "Target"], 80.0),
            line(&["", "", "", "Intervention workers"], 92.0),
            line(&["", "Youth crime", "", "hub prevention"], 104.0),
            line(
                &["The Kite Trust", "district fraud", "100", "youth youth"],
                116.0,
            ),
            line(&["", "Road fund", "", ""], 128.0),
            line(&["Huntingdonshire", "fund crime", "525", "Training"], 140.0),
        ];
        assert_eq!(header_rows(&lines, &StreamSettings::default()), 1);
    }

    #[test]
    fn a_scanned_tables_lines_sized_apart_by_the_ocr_are_one_table() {
        // Tesseract sizes each line by its letters' height: 10, 11 and 12
        // pt in one table set in 11 pt
        let rows = [
            (["Service", "Award", "Change"], 12.0),
            (["St Giles Trust", "£33,883", "68.6%"], 12.0),
            (["Ormiston", "£1,110", "311,811"], 10.0),
            (["Road Safety", "822,126", "£15,823"], 12.0),
            (["Red Hen", "£98,600", "720"], 11.0),
        ];
        let mut p = page(&[]);
        for (k, (cells, size)) in rows.iter().enumerate() {
            for (text, x) in cells.iter().zip([50.0, 200.0, 300.0]) {
                p.glyphs
                    .extend(test_glyphs(text, x, 100.0 + 18.0 * k as f64, *size));
            }
        }
        let found = tables_on(&p);
        assert_eq!(found.len(), 1);
        assert_eq!(texts(&found[0]).len(), 5);
    }

    #[test]
    fn a_heading_mostly_past_a_bound_one_overflowing_word_set_heads_the_column_after() {
        // "Huntingdonshire" overflows the label column to 125; "Target",
        // 120 to 150, heads the figures under it
        let records = [
            ("Kite", "175,957", "Awareness"),
            ("Huntingdonshire", "37,000", "Fraud"),
            ("Aid", "2,500", "Outreach"),
            ("Red Hen", "12,000", "Support"),
        ];
        let mut words = vec![("Partner", 50.0, 100.0), ("Target", 120.0, 100.0)];
        words.push(("Purpose", 200.0, 100.0));
        for (k, (label, figure, purpose)) in records.iter().enumerate() {
            let y = 114.0 + 14.0 * k as f64;
            let right_aligned = 175.0 - 5.0 * figure.len() as f64;
            words.extend([
                (*label, 50.0, y),
                (*figure, right_aligned, y),
                (*purpose, 200.0, y),
            ]);
        }
        let found = tables_on(&page(&words));
        assert_eq!(found.len(), 1);
        assert_eq!(texts(&found[0])[0], ["Partner", "Target", "Purpose"]);
        // a heading over two columns, mostly over the second, the first's
        // figures under its start, stays in the column it starts in
        words.push(("Funding", 165.0, 86.0));
        let found = tables_on(&page(&words));
        assert_eq!(texts(&found[0])[0], ["", "Funding", ""]);
    }

    /// Records of two lines, 42 pt apart, their purposes wrapped, the
    /// last with no figure, over `note` (its text, where it starts, its
    /// baseline and its size): the one table's rows.
    fn spaced_records_over(note: (&str, f64, f64, f64)) -> Vec<Vec<String>> {
        let mut words = purpose_line(("Recipient", "Purpose", "Change"), 100.0).to_vec();
        let records = [
            ("Rape Crisis", "Outreach", "251,962"),
            ("Red Hen Project", "Fraud", "-20.6%"),
            ("Victim Support", "Domestic", "138,225"),
        ];
        for (k, (label, purpose, figure)) in records.iter().enumerate() {
            let y = 130.0 + 42.0 * k as f64;
            words.extend(purpose_line((*label, *purpose, *figure), y));
            words.push(("work", 200.0, y + 12.0));
        }
        words.extend([("Road Safety", 50.0, 256.0), ("Workers", 200.0, 256.0)]);
        words.push(("hub", 200.0, 268.0));
        let mut p = page(&words);
        let (text, x, baseline, size) = note;
        p.glyphs.extend(test_glyphs(text, x, baseline, size));
        let found = tables_on(&p);
        assert_eq!(found.len(), 1);
        found[0]
            .table
            .texts()
            .iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn a_spaced_last_record_with_its_figure_left_empty_over_a_margin_note_ends_the_table() {
        // records of two lines, 30 pt apart (three times the type size),
        // their purposes wrapped; the last, with no figure, over a note at
        // the margin set further under it than the records stand apart
        let rows = spaced_records_over(("Source: the office", 40.0, 306.0, 10.0));
        assert_eq!(rows.len(), 5, "{rows:?}");
        assert_eq!(rows[4], ["Road Safety", "Workers\nhub", ""]);
    }

    #[test]
    fn a_spaced_last_record_with_its_figure_left_empty_over_a_note_in_its_own_type_ends_the_table()
    {
        // as above, the note set at the labels' edge, closer under the last
        // record than the records stand apart, in 12 pt
        let rows = spaced_records_over(("Source: the office", 50.0, 290.0, 12.0));
        assert_eq!(rows.len(), 5, "{rows:?}");
        assert_eq!(rows[4], ["Road Safety", "Workers\nhub", ""]);
    }

    #[test]
    fn a_last_record_with_its_figure_left_empty_ends_a_table_set_tight() {
        // one-line records 14.4 pt apart in 10 pt type (a line's leading and
        // a fifth: LaTeX's rows stretched, ReportLab's padding), the last
        // with no figure; a note 15.2 pt under it, at the margin
        let table = one_line_records(
            [("Area", 48.0, 85.8), ("Notes", 152.0, 85.8)],
            [
                ("Ormiston Families", "794,689"),
                ("St Giles Trust", "609,780"),
                ("Huntingdonshire CSP", "45,923"),
                ("St Giles Trust", ""),
            ],
            (48.0, 152.0),
            (100.2, 14.4),
            ("Source: the office.", 43.0, 158.6),
        );
        assert_eq!(table.len(), 5, "{table:?}");
        assert_eq!(table[4], ["St Giles Trust", ""]);
    }

    /// A head and three one-line records `pitch` apart, the first at
    /// 139.3 pt: a label at 90.1 pt and a figure at 300.
    fn three_records_at(pitch: f64) -> Vec<(&'static str, f64, f64)> {
        let mut words = vec![("Area", 90.1, 122.8), ("Notes", 300.0, 122.8)];
        let records = [
            ("Ormiston Families", "794,689"),
            ("St Giles Trust", "609,780"),
            ("Huntingdonshire CSP", "45,923"),
        ];
        for (k, (label, figure)) in records.into_iter().enumerate() {
            let y = 139.3 + pitch * k as f64;
            words.extend([(label, 90.1, y), (figure, 300.0, y)]);
        }
        words
    }

    #[test]
    fn a_last_record_set_a_little_lower_as_a_word_processor_sets_it_ends_the_table() {
        // one-line records 16.5 pt apart; the last, with no figure, 0.6 pt
        // lower than that under the one before (a word processor's last row
        // is taller by the table's foot); a note 15.5 pt under it. Or
        // records 18.35 pt apart, the last 1.15 pt lower (6.3% of it)
        for (pitch, drop) in [(16.5, 0.6), (18.35, 1.15)] {
            let mut words = three_records_at(pitch);
            let last = 139.3 + 3.0 * pitch + drop;
            words.push(("St Giles Trust", 90.1, last));
            words.push(("Source: the Commissioner's office.", 90.1, last + 15.5));
            let table = one_table_on(&words);
            assert_eq!(table.len(), 5, "{table:?}");
            assert_eq!(table[4], ["St Giles Trust", ""]);
        }
    }

    #[test]
    fn a_last_label_set_lower_still_over_a_note_in_its_own_type_ends_the_table() {
        // records 18.2 pt apart; the last, a label alone set at its row's
        // foot, 2.3 pt lower than that (12.6% of it: its empty cells'
        // paragraphs in larger type make the row taller), over a note in
        // larger type; over a note in the table's type it stands apart
        let table_over = |note_size: f64| {
            let mut words = three_records_at(18.2);
            let last = 139.3 + 3.0 * 18.2 + 2.3;
            words.push(("Fenland District Council", 90.1, last));
            let mut p = page(&words);
            let note = "Source: the Commissioner's office.";
            p.glyphs
                .extend(test_glyphs(note, 90.1, last + 15.1, note_size));
            found_on(&p)
        };
        let found = table_over(12.0);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].len(), 5, "{found:?}");
        assert_eq!(found[0][4], ["Fenland District Council", ""]);
        let found = table_over(10.0);
        assert_eq!(found[0].len(), 4, "{found:?}");
    }

    #[test]
    fn a_note_at_the_margin_under_a_table_of_padded_cells_is_no_row_of_it() {
        // cells set at their foot, padded 3 pt: records 15 pt apart, a
        // purpose wrapped at 12 pt above its record's line; the note starts
        // at the margin, 4.5 pt left of the cells' text, 13.5 pt under them
        let mut words = vec![("Recipient", 82.5, 123.6), ("Result", 269.4, 123.6)];
        words.push(("Purpose", 518.7, 123.6));
        words.extend([("Safer Streets", 82.5, 138.6), ("657,887", 348.9, 138.6)]);
        words.push(("Crime victim county", 518.7, 138.6));
        words.push(("Hub schools casualty fraud", 518.7, 153.6));
        words.extend([
            ("Youth Offending Service", 82.5, 165.6),
            ("239", 368.4, 165.6),
        ]);
        words.push(("intervention", 518.7, 165.6));
        words.extend([("Rural Crime Action", 82.5, 180.6), ("559", 368.4, 180.6)]);
        words.push(("Training fraud", 518.7, 180.6));
        words.push(("Crime district outreach", 518.7, 195.6));
        words.extend([("Red Hen Project", 82.5, 207.6), ("698,812", 348.9, 207.6)]);
        words.push(("schools", 518.7, 207.6));
        words.push(("Source: the office.", 78.0, 221.1));
        let table = one_table_on(&words);
        assert_eq!(table.len(), 5, "{table:?}");
        assert_eq!(table[2][2], "Hub schools casualty fraud\nintervention");
    }

    #[test]
    fn a_note_under_the_table_near_the_records_pitch_is_no_record() {
        // one-line records 20.6 pt apart; a note in the label column 17.7 pt
        // under the last, at the page's leading
        let mut words = vec![("Service", 90.0, 134.8), ("Result", 354.8, 134.8)];
        let records = [
            ("Safer Streets", "958,760"),
            ("Road Safety Partnership", "115"),
            ("Rural Crime Action", "£47,638"),
        ];
        for (k, (label, figure)) in records.into_iter().enumerate() {
            let y = 155.4 + 20.6 * k as f64;
            words.extend([(label, 90.0, y), (figure, 354.8, y)]);
        }
        words.push(("Source: the office.", 90.0, 214.9));
        let table = one_table_on(&words);
        assert_eq!(table.len(), 4, "{table:?}");
    }

    #[test]
    fn records_padded_apart_keep_two_labels_alone_in_a_row() {
        // one-line records 2.7 em apart (further than rows usually are),
        // two in a row with their figures left empty
        let mut words = vec![];
        let records = [
            ("Community Safety Partnership", "7.5%", 100.0),
            ("Youth Offending Service", "£97,093", 127.1),
            ("Rural Crime Action", "", 155.4),
            ("Red Hen Project", "", 185.0),
            ("Victim Support", "530,373", 213.3),
            ("Youth Offending Service", "21.7%", 240.4),
        ];
        for (label, figure, y) in records {
            words.push((label, 90.0, y));
            if !figure.is_empty() {
                words.push((figure, 297.0, y));
            }
        }
        let table = one_table_on(&words);
        assert_eq!(table.len(), 6, "{table:?}");
        assert_eq!(table[3], ["Red Hen Project", ""]);
    }

    #[test]
    fn a_label_wrapped_over_lines_of_its_own_between_records_keeps_the_table_whole() {
        // a record with no figures, its name broken over four lines in a
        // narrow column, between records set at their middle: the lines
        // stand in the label column at the cells' leading, records apart
        let mut words = vec![("Service", 90.0, 115.0), ("Result", 173.0, 115.0)];
        words.extend([("Change", 256.0, 115.0), ("Target", 339.0, 115.0)]);
        let mut record = |label: &[&'static str], top: f64, figures: [&'static str; 3]| {
            for (k, line) in label.iter().enumerate() {
                words.push((line, 90.0, top + 13.4 * k as f64));
            }
            let middle = top + 13.4 * (label.len() - 1) as f64 / 2.0;
            for (x, figure) in [188.0, 278.0, 352.0].into_iter().zip(figures) {
                if !figure.is_empty() {
                    words.push((figure, x, middle));
                }
            }
        };
        record(&["Ormiston", "Families"], 140.0, ["47.1%", "679", "35,027"]);
        record(
            &["Red Hen", "Project"],
            177.6,
            ["19.1%", "£66,170", "24.9%"],
        );
        record(
            &["Rural", "Crime", "Action"],
            215.2,
            ["£20,150", "575,827", "-11.7%"],
        );
        record(&["Road", "Safety", "Partnershi", "p"], 266.2, ["", "", ""]);
        record(
            &["Cambridge", "Women's", "Aid"],
            330.6,
            ["-38.6%", "897,164", "888,924"],
        );
        record(&["Victim", "Support"], 381.6, ["27.1%", "775", "928"]);
        let table = one_table_on(&words);
        assert_eq!(table.len(), 7, "{table:?}");
        assert_eq!(table[4], ["Road\nSafety\nPartnershi\np", "", "", ""]);
        assert_eq!(table[5][0], "Cambridge\nWomen's\nAid");
    }

    #[test]
    fn a_record_set_at_its_middle_after_the_first_keeps_the_head_and_first_record() {
        // one record of one line under the head, at the head's gap (24 pt),
        // then one whose purpose wraps round its figures, set at its middle
        let mut words = vec![("Partner", 90.0, 150.6), ("Target", 173.0, 150.6)];
        words.extend([("Result", 256.0, 150.6), ("Purpose", 339.0, 150.6)]);
        words.extend([("Safer Streets", 90.0, 174.9), ("9.8%", 215.0, 174.9)]);
        words.extend([("976,151", 284.0, 174.9), ("Awareness", 339.0, 174.9)]);
        let middle_set = [
            ("Service", 339.0, 199.3),
            ("Youth", 90.0, 205.3),
            ("reduction", 339.0, 211.3),
            ("Offending", 90.0, 217.3),
            ("962", 221.0, 217.3),
            ("334", 304.0, 217.3),
            ("victim", 339.0, 223.4),
            ("Service", 90.0, 229.4),
            ("training", 339.0, 235.4),
        ];
        words.extend(middle_set);
        for k in 0..2 {
            let y = 259.7 + 24.4 * k as f64;
            words.extend([("Safer Streets", 90.0, y), ("137,953", 215.0, y)]);
            words.extend([("377,170", 284.0, y), ("County hub", 339.0, y)]);
        }
        let table = one_table_on(&words);
        assert_eq!(table.len(), 5, "{table:?}");
        assert_eq!(table[0], ["Partner", "Target", "Result", "Purpose"]);
        assert_eq!(
            table[2],
            [
                "Youth\nOffending\nService",
                "962",
                "334",
                "Service\nreduction\nvictim\ntraining"
            ]
        );
    }

    #[test]
    fn a_note_under_records_wrapped_above_their_figures_is_no_line_of_them() {
        // records set at their foot, 16 pt apart; labels wrapped above their
        // figures at a 13.4 pt leading; a note 14.6 pt under the last record
        let mut words = vec![("Service", 90.0, 84.0), ("Outcome", 300.0, 84.0)];
        let mut y = 84.0;
        for k in 0..4 {
            y += 16.0;
            if k % 2 == 1 {
                words.push(("Youth Offending", 90.0, y));
                y += 13.4;
                words.push(("Service", 90.0, y));
            } else {
                words.push(("St Giles Trust", 90.0, y));
            }
            words.push(("301,334", 300.0, y));
        }
        words.push(("Source: the office.", 90.0, y + 14.6));
        let table = one_table_on(&words);
        assert_eq!(table.len(), 5, "{table:?}");
        assert_eq!(table[4], ["Youth Offending\nService", "301,334"]);
    }

    #[test]
    fn records_spaced_evenly_below_their_wrapped_lines_are_one_table() {
        // each record's purpose wraps onto a second line 12 pt down; the next
        // record starts 27 pt below that, every record as far as the last
        let mut words = vec![("Service", 50.0, 100.0), ("Spend", 200.0, 100.0)];
        words.push(("Purpose", 300.0, 100.0));
        let labels = ["Victim Support", "Rural Crime", "The Kite Trust", "Red Hen"];
        for (k, label) in labels.iter().enumerate() {
            let y = 125.0 + 39.0 * k as f64;
            words.extend([(*label, 50.0, y), ("743,412", 200.0, y)]);
            words.extend([("Schools early", 300.0, y), ("reduction", 300.0, y + 12.0)]);
        }
        let found = tables_on(&page(&words));
        assert_eq!(found.len(), 1);
        let rows = texts(&found[0]);
        assert_eq!(rows.len(), 5, "{rows:?}");
        assert_eq!(rows[4], ["Red Hen", "743,412", "Schools early\nreduction"]);
    }

    #[test]
    fn a_paragraph_close_under_a_wrapped_label_is_no_line_of_it() {
        // set solid: the last record's label wraps onto two lines of its own,
        // and the note under the table, as close, is wider than any line the
        // label's column could hold
        let mut words = vec![("Partner", 50.0, 100.0), ("Spend", 200.0, 100.0)];
        words.extend([("Result", 300.0, 100.0), ("Fenland", 50.0, 112.0)]);
        words.extend([("580,147", 200.0, 112.0), ("55.7%", 300.0, 112.0)]);
        words.extend([("District", 50.0, 124.0), ("Community", 50.0, 138.0)]);
        words.extend([("893,339", 200.0, 138.0), ("444", 300.0, 138.0)]);
        words.extend([("Safety", 50.0, 150.0), ("Partnership", 50.0, 162.0)]);
        words.push(("Source: the Commissioner's office.", 50.0, 174.0));
        let found = tables_on(&page(&words));
        assert_eq!(found.len(), 1);
        let rows = texts(&found[0]);
        assert_eq!(rows.last().unwrap()[0], "Community\nSafety\nPartnership");
    }

    #[test]
    fn a_note_at_the_pitch_of_one_line_records_is_no_wrapped_line() {
        // records 16 pt apart; the note 14.7 pt under the last (within a
        // line's leading), inside its first column, in the table's own size
        let mut words = vec![("Measure", 50.0, 100.0), ("Outcome", 300.0, 100.0)];
        // (one record's figure left empty)
        let records = [("Red Hen Project", "£16,933"), ("Rural Crime", "")];
        for (k, (label, figure)) in records
            .iter()
            .chain(&[("Victim Support", "782")])
            .enumerate()
        {
            let y = 116.0 + 16.0 * k as f64;
            words.extend([(*label, 50.0, y), (*figure, 300.0, y)]);
        }
        words.push(("Source: the office.", 50.0, 116.0 + 16.0 * 2.0 + 14.7));
        let found = tables_on(&page(&words));
        assert_eq!(found.len(), 1);
        let rows = texts(&found[0]);
        assert_eq!(rows.len(), 4, "{rows:?}");
        assert_eq!(rows[3], ["Victim Support", "782"]);
    }

    #[test]
    fn a_note_under_a_table_in_the_body_texts_size_is_no_wrapped_line() {
        // a word processor's table in 9 pt, the paragraph after it in 11 pt
        // set close under its last row, inside the first column
        let mut p = page(&[]);
        let cells = [
            ("Measure", 50.0, 100.0),
            ("Change", 300.0, 100.0),
            ("Huntingdonshire CSP", 50.0, 115.0),
            ("752,400", 300.0, 115.0),
            ("Road Safety Partnership", 50.0, 130.0),
            ("54.0%", 300.0, 130.0),
            ("St Giles Trust", 50.0, 145.0),
            ("132,297", 300.0, 145.0),
        ];
        for (text, x, baseline) in cells {
            p.glyphs.extend(test_glyphs(text, x, baseline, 9.0));
        }
        let note = test_glyphs("Source: the office.", 50.0, 158.0, 11.0);
        p.glyphs.extend(note);
        let found = tables_on(&p);
        assert_eq!(found.len(), 1);
        let rows = texts(&found[0]);
        assert_eq!(rows.last().unwrap(), &["St Giles Trust", "132,297"]);
        // in 10 pt, a point smaller than the note, a label wrapped onto a
        // second line (the records are not all one line)
        let mut p = page(&[]);
        let cells = [
            ("Measure", 50.0, 100.0),
            ("Change", 300.0, 100.0),
            ("Huntingdonshire CSP", 50.0, 115.0),
            ("752,400", 300.0, 115.0),
            ("Road Safety", 50.0, 130.0),
            ("54.0%", 300.0, 130.0),
            ("Partnership", 50.0, 142.0),
            ("St Giles Trust", 50.0, 157.0),
            ("132,297", 300.0, 157.0),
        ];
        for (text, x, baseline) in cells {
            p.glyphs.extend(test_glyphs(text, x, baseline, 10.0));
        }
        p.glyphs
            .extend(test_glyphs("Source: the office.", 50.0, 173.0, 11.0));
        let found = tables_on(&p);
        assert_eq!(found.len(), 1);
        let rows = texts(&found[0]);
        assert_eq!(rows[2], ["Road Safety\nPartnership", "54.0%"]);
        assert_eq!(rows.last().unwrap(), &["St Giles Trust", "132,297"]);
    }

    #[test]
    fn a_row_centred_between_a_cells_wrapped_lines_is_a_line_of_its_own() {
        // cells set at the middle of their rows (a browser's default): the
        // figures sit half a line below the label's first line and a little
        // less above its second, their letters just touching the second's
        let rows = text_rows(
            vec![
                chunk("Peterborough Rape", 50.0, 150.0, 100.0),
                chunk("92,508", 200.0, 240.0, 106.0),
                chunk("Crisis", 50.0, 80.0, 111.25),
            ],
            &StreamSettings::default(),
        );
        let texts: Vec<Vec<&str>> = rows
            .iter()
            .map(|r| r.iter().map(|c| c.text.as_str()).collect())
            .collect();
        assert_eq!(texts, [["Peterborough Rape"], ["92,508"], ["Crisis"]]);
    }

    #[test]
    fn a_rule_typed_as_dashes_is_not_a_row() {
        let p = page(&[
            ("Name", 50.0, 100.0),
            ("Total", 200.0, 100.0),
            ("----------", 50.0, 112.0),
            ("--------", 190.0, 112.0),
            ("Police", 50.0, 124.0),
            ("10", 200.0, 124.0),
        ]);
        let t = grid_table(&p, &[], None, &StreamSettings::default()).unwrap();
        assert_eq!(texts(&t), vec![vec!["Name", "Total"], vec!["Police", "10"]]);
    }

    #[test]
    fn a_label_row_between_rows_of_figures_stays_in_the_table() {
        let mut words = vec![("Offence", 50.0, 100.0), ("Count", 200.0, 100.0)];
        for (i, (name, n)) in [
            ("Robbery", "749"),
            ("Burglary", "2,010"),
            ("Theft", "18,054"),
        ]
        .into_iter()
        .enumerate()
        {
            words.push((name, 50.0, 112.0 + 12.0 * i as f64));
            words.push((n, 200.0, 112.0 + 12.0 * i as f64));
        }
        words.push(("Other crime", 50.0, 148.0));
        words.push(("Fraud", 50.0, 160.0));
        words.push(("1,203", 200.0, 160.0));
        let p = page(&words);
        let found = tables_on(&p);
        assert_eq!(found.len(), 1);
        let rows = texts(&found[0]);
        assert_eq!(rows.len(), 6, "{rows:?}");
        assert_eq!(rows[4], vec!["Other crime", ""]);
        assert_eq!(rows[5], vec!["Fraud", "1,203"]);
    }

    #[test]
    fn a_footer_of_address_and_links_is_not_a_table() {
        // an address beside two link columns: as many lines of one chunk as of several
        let p = page(&[
            ("Commissioner", 50.0, 100.0),
            ("Privacy", 200.0, 100.0),
            ("Facebook", 300.0, 100.0),
            ("PO Box 688", 50.0, 112.0),
            ("Cookies", 200.0, 124.0),
            ("Sitemap", 200.0, 136.0),
            ("Twitter", 300.0, 136.0),
            ("Huntingdon", 50.0, 148.0),
            ("Contact", 50.0, 160.0),
            ("Jobs", 200.0, 172.0),
            ("News", 300.0, 172.0),
        ]);
        let found = tables_on(&p);
        assert!(
            found.is_empty(),
            "{:?}",
            found.iter().map(texts).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_heading_line_over_one_column_joins_the_table_and_a_title_does_not() {
        let p = page(&[
            ("Table 3", 50.0, 76.0),
            ("Allocation", 200.0, 88.0),
            ("Partner", 50.0, 100.0),
            ("(£)", 200.0, 100.0),
            ("Victim Support", 50.0, 112.0),
            ("12,000", 200.0, 112.0),
            ("Youth Fund", 50.0, 124.0),
            ("8,500", 200.0, 124.0),
            ("Road Safety", 50.0, 136.0),
            ("2,100", 200.0, 136.0),
        ]);
        let found = tables_on(&p);
        assert_eq!(found.len(), 1);
        let rows = texts(&found[0]);
        assert_eq!(rows[0], vec!["", "Allocation"]);
        assert_eq!(rows[1], vec!["Partner", "(£)"]);
        assert_eq!(rows.len(), 5);
        assert_eq!(
            found[0].table.header_rows, 2,
            "the two heading lines are the header"
        );
    }

    #[test]
    fn a_heading_over_columns_above_their_headings_joins_the_table_however_loose() {
        // "2022/23" over "Budget" and "Actual", whose line leaves the label
        // column empty; the rows `pitch` apart (loose padding: further apart
        // than lines of text are), the heading as far above its line
        let table = |pitch: f64| {
            let mut words = vec![
                ("Table 2", 50.0, 100.0 - 2.0 * pitch),
                ("2022/23", 200.0, 100.0 - pitch),
                ("Budget", 200.0, 100.0),
                ("Actual", 260.0, 100.0),
            ];
            for (k, label) in ["Victim Support", "Youth Fund", "Road Safety"]
                .into_iter()
                .enumerate()
            {
                let y = 100.0 + pitch * (k + 1) as f64;
                words.extend([(label, 50.0, y), ("12,000", 200.0, y), ("11,500", 260.0, y)]);
            }
            tables_on(&page(&words))
        };
        for pitch in [14.0, 28.0] {
            let found = table(pitch);
            assert_eq!(found.len(), 1, "pitch {pitch}");
            let rows = texts(&found[0]);
            assert_eq!(rows[0], vec!["", "2022/23", ""], "pitch {pitch}");
            assert_eq!(rows[1], vec!["", "Budget", "Actual"], "pitch {pitch}");
            assert_eq!(rows.len(), 5, "the title at the table's left is not taken");
        }
    }

    #[test]
    fn a_heading_over_a_row_of_headings_one_wrapped_round_another_heads_the_table() {
        // "Budget (£)" over "Spend (£)" and "Award": "Spend" wraps round
        // "Award", set at the middle of their row, and onto the line of the
        // headings beside the row ("Partner", "Notes"), set at its foot; the
        // lines of that row are closer than a cell's lines, a heading's
        // lines stack two high
        let mut words = vec![
            ("Budget (£)", 300.0, 100.0),
            ("Spend", 300.0, 116.5),
            ("Award", 360.0, 123.25),
            ("Partner", 50.0, 130.0),
            ("Notes", 150.0, 130.0),
            ("(£)", 300.0, 130.0),
        ];
        for (k, label) in ["Victim Support", "Youth Fund", "Road Safety"]
            .into_iter()
            .enumerate()
        {
            let y = 146.5 + 16.5 * k as f64;
            words.extend([
                (label, 50.0, y),
                ("Outreach", 150.0, y),
                ("12,000", 300.0, y),
                ("55.1%", 360.0, y),
            ]);
        }
        let found = tables_on(&page(&words));
        assert_eq!(found.len(), 1);
        let rows = texts(&found[0]);
        assert_eq!(rows[0], vec!["", "", "Budget (£)", ""], "{rows:?}");
        assert_eq!(rows[1], vec!["Partner", "Notes", "Spend\n(£)", "Award"]);
        assert_eq!(rows.len(), 5, "{rows:?}");
    }

    #[test]
    fn the_lines_within_a_tables_box_under_its_last_row_are_claimed_by_it() {
        let rows: Vec<Row> = [100.0, 114.0, 128.0, 131.0, 145.0]
            .into_iter()
            .map(|baseline| Row {
                baseline,
                size: 10.0,
                chunks: Vec::new(),
            })
            .collect();
        let table = |foot: f64| FoundTable {
            bbox: [50.0, 91.0, 400.0, foot],
            table: Table {
                page: None,
                bbox: None,
                rows: Vec::new(),
                header_rows: 0,
            },
            glyphs: Vec::new(),
        };
        // (a cell's line 3 pt under the last row, inside the table's box)
        assert_eq!(claimed_below(&rows, 3, &[table(133.5)]), 4);
        assert_eq!(claimed_below(&rows, 3, &[table(130.5)]), 3);
        assert_eq!(claimed_below(&rows, 3, &[table(90.0), table(150.0)]), 5);
    }

    #[test]
    fn a_heading_centred_over_columns_it_is_in_line_with_none_of_spans_them_from_the_first() {
        // "Outcomes" centred over a column of figures (200 to 235) and one of
        // text (264 to 454), as LaTeX's \multicolumn centres it, standing
        // over the second only, in line with none of its text
        let table_with = |heading_at: f64, second_purpose: &'static str| {
            let mut words = vec![
                ("Outcomes", heading_at, 86.0),
                ("Partner", 50.0, 100.0),
                ("2023/24", 200.0, 100.0),
                ("Purpose", 264.0, 100.0),
            ];
            let purposes = [
                "Safety partnership intervention",
                second_purpose,
                "Community outreach for victims of fraud",
            ];
            for (k, (label, purpose)) in ["Victim Support", "Youth Fund", "Road Safety"]
                .into_iter()
                .zip(purposes)
                .enumerate()
            {
                let y = 114.0 + 14.0 * k as f64;
                words.extend([(label, 50.0, y), ("12,000", 205.0, y), (purpose, 264.0, y)]);
            }
            one_table_on(&words)
        };
        let table = |heading_at: f64| table_with(heading_at, "District fund");
        let rows = table(307.0);
        assert_eq!(rows[0], vec!["", "Outcomes", ""], "{rows:?}");
        assert_eq!(rows[1], vec!["Partner", "2023/24", "Purpose"], "{rows:?}");
        // (set flush left over the text, it heads that column alone)
        assert_eq!(table(264.0)[0], vec!["", "", "Outcomes"]);
        // (a line of the ragged text whose middle is the heading's by chance
        // does not set it in line with the column)
        let chance = table_with(307.0, "District fund for victims");
        assert_eq!(chance[0], vec!["", "Outcomes", ""], "{chance:?}");
        // (further off the columns' middle than a half of its height, but
        // three times as far off its own column's: centred over the two,
        // the text column's width left unfilled)
        assert_eq!(table(300.0)[0], vec!["", "Outcomes", ""]);
        // (nearer its own column's middle, it heads that column)
        assert_eq!(table(330.0)[0], vec!["", "", "Outcomes"]);
    }

    #[test]
    fn headings_spaced_off_the_first_row_head_the_table_and_a_title_or_figures_do_not() {
        // rows 12 pt apart; the headings 32 pt above the first row (further
        // than rows of a run are apart), a line of figures from a table above
        // 34 pt above them
        let tables = |above: &[(&'static str, f64, f64)]| {
            let mut words = above.to_vec();
            words.extend([
                ("Burglary", 50.0, 116.0),
                ("1,204", 200.0, 116.0),
                ("-4%", 300.0, 116.0),
                ("Robbery", 50.0, 128.0),
                ("311", 200.0, 128.0),
                ("+2%", 300.0, 128.0),
                ("Vehicle crime", 50.0, 140.0),
                ("2,870", 200.0, 140.0),
                ("-9%", 300.0, 140.0),
            ]);
            tables_on(&page(&words))
        };
        let headings = [
            ("Offence", 50.0, 84.0),
            ("Recorded", 200.0, 84.0),
            ("Change", 300.0, 84.0),
        ];
        let found = tables(&headings);
        assert_eq!(found.len(), 1);
        let rows = texts(&found[0]);
        assert_eq!(rows[0], vec!["Offence", "Recorded", "Change"]);
        assert_eq!(rows.len(), 4);

        // a row of figures (the foot of another table) is not taken as headings
        let foot = [
            ("Total", 50.0, 50.0),
            ("9,120", 200.0, 50.0),
            ("-3%", 300.0, 50.0),
        ];
        let found = tables(&[foot.as_slice(), headings.as_slice()].concat());
        assert_eq!(texts(&found[0])[0], vec!["Offence", "Recorded", "Change"]);

        // nor are headings across the columns: no heading over two of them
        let found = tables(&[
            ("Offence and", 50.0, 84.0),
            ("outcome in 2024", 120.0, 84.0),
        ]);
        assert_eq!(texts(&found[0])[0], vec!["Burglary", "1,204", "-4%"]);
    }

    #[test]
    fn bars_standing_alone_between_columns_are_their_rules_and_no_cells() {
        // (a ruled table scanned and read by OCR, its vertical rules read as
        // bars; a bar inside a word stays)
        let mut words = vec![("|", 40.0, 100.0), ("Area", 50.0, 100.0)];
        words.extend([
            ("|", 140.0, 100.0),
            ("Answer", 150.0, 100.0),
            ("|", 230.0, 100.0),
        ]);
        for (k, (name, answer)) in [("North", "Yes|No"), ("South", "12.5"), ("East", "9.0")]
            .into_iter()
            .enumerate()
        {
            let y = 115.0 + 15.0 * k as f64;
            words.extend([("|", 40.0, y), (name, 50.0, y), ("|", 140.0, y)]);
            words.extend([(answer, 150.0, y), ("|", 230.0, y)]);
        }
        let p = page(&words);
        let glyphs: Vec<&Glyph> = p.glyphs.iter().collect();
        let (_, table) = lay_out(&glyphs, &[], &[], &[]).unwrap();
        assert_eq!(
            table.texts(),
            [
                ["Area", "Answer"],
                ["North", "Yes|No"],
                ["South", "12.5"],
                ["East", "9.0"]
            ]
        );
    }

    #[test]
    fn a_bar_between_words_spaced_close_parts_them_into_two_cells() {
        // (OCR: "Purpose | Purpose", spaces drawn round the bar, the two
        // headings a space and a bar apart)
        let mut words = vec![("Area", 50.0, 100.0), ("Purpose | Purpose", 150.0, 100.0)];
        for (k, name) in ["North", "South", "East"].into_iter().enumerate() {
            let y = 115.0 + 15.0 * k as f64;
            words.extend([(name, 50.0, y), ("Hub", 150.0, y), ("12.5", 200.0, y)]);
        }
        let p = page(&words);
        let glyphs: Vec<&Glyph> = p.glyphs.iter().collect();
        let (_, table) = lay_out(&glyphs, &[], &[], &[]).unwrap();
        assert_eq!(table.texts()[0], ["Area", "Purpose", "Purpose"]);
    }

    #[test]
    fn a_table_of_words_has_the_lines_set_in_bold_at_its_head_as_header() {
        // no figures to tell the header by: `bold` lines in bold
        let body: [&[(&str, f64)]; 3] = [
            &[
                ("Cambridge", 50.0),
                ("Hub team", 200.0),
                ("Victim Support", 300.0),
            ],
            &[
                ("Peterborough", 50.0),
                ("Hub team", 200.0),
                ("Victim Support", 300.0),
            ],
            &[
                ("Fenland", 50.0),
                ("Hub team", 200.0),
                ("Victim Support", 300.0),
            ],
        ];
        let table = |first: &[(&str, f64)], bold: usize| {
            let lines: Vec<(f64, &[(&str, f64)])> = std::iter::once(first)
                .chain(body)
                .enumerate()
                .map(|(i, line)| (100.0 + 12.0 * i as f64, line))
                .collect();
            header_rows_of_bold_lines(&lines, bold)
        };
        let headings = [("Area", 50.0), ("Lead", 200.0), ("Partner", 300.0)];
        assert_eq!(table(&headings, 1), 1);
        assert_eq!(table(&headings, 0), 0, "set as the rows are, it is a row");
        // a section label in bold is no header
        assert_eq!(table(&[("Rural areas", 50.0)], 1), 0);
    }

    /// The one table found on a page of `lines` (at their baselines, words
    /// at their x), the first `bold` of them in bold.
    fn table_of_bold_lines(lines: &[(f64, &[(&str, f64)])], bold: usize) -> Table {
        let fonts = [
            FontStyle::default(),
            FontStyle {
                bold: true,
                ..FontStyle::default()
            },
        ];
        let mut glyphs = Vec::new();
        for (i, (baseline, line)) in lines.iter().enumerate() {
            for (text, x) in line.iter() {
                let mut g = word(text, *x, *baseline);
                g.iter_mut().for_each(|g| g.font = u16::from(i < bold));
                glyphs.extend(g);
            }
        }
        let p = PageContent {
            glyphs,
            segments: Vec::new(),
            fills: Vec::new(),
            width: 600.0,
            height: 800.0,
        };
        let mut found = stream_tables(
            &p,
            &vec![false; p.glyphs.len()],
            &fonts,
            &StreamSettings::default(),
        );
        assert_eq!(found.len(), 1);
        found.remove(0).table
    }

    /// The header rows of `table_of_bold_lines`.
    fn header_rows_of_bold_lines(lines: &[(f64, &[(&str, f64)])], bold: usize) -> u32 {
        table_of_bold_lines(lines, bold).header_rows
    }

    #[test]
    fn a_heading_in_bold_over_the_columns_it_spans_opens_a_bold_head() {
        // a heading over two columns, then the columns' headings, in bold,
        // rows 19.5 pt apart; the body's cells set at the top of their rows,
        // wrapped 13.5 pt apart, the first figure in the third record
        let lines: [(f64, &[(&str, f64)]); 8] = [
            (100.0, &[("Funding", 200.0)]),
            (119.5, &[("Area", 50.0), ("Lead", 200.0), ("Spend", 450.0)]),
            (139.0, &[("Cambridge", 50.0), ("Hub team", 200.0)]),
            (152.5, &[("City", 50.0), ("outreach", 200.0)]),
            (166.0, &[("youth", 200.0)]),
            (185.5, &[("Fenland", 50.0), ("Victim Support", 200.0)]),
            (199.0, &[("District", 50.0), ("workers", 200.0)]),
            (
                218.5,
                &[("Ely", 50.0), ("Training", 200.0), ("1,204", 450.0)],
            ),
        ];
        assert_eq!(header_rows_of_bold_lines(&lines, 2), 2);
    }

    #[test]
    fn a_head_set_in_bold_ends_at_a_first_record_set_as_the_body_with_its_figures_empty() {
        // a bold head over records one line each, the first with its figure
        // left empty: no line above the second holds figures, yet the first
        // record is set as the body is
        let lines: [&[(&str, f64)]; 5] = [
            &[("Area", 50.0), ("Purpose", 200.0), ("Spend", 350.0)],
            &[("Cambridge", 50.0), ("Hub team", 200.0)],
            &[
                ("Peterborough", 50.0),
                ("Outreach", 200.0),
                ("1,204", 350.0),
            ],
            &[("Fenland", 50.0), ("Training", 200.0), ("86", 350.0)],
            &[("Ely", 50.0), ("Support", 200.0), ("£3,040", 350.0)],
        ];
        let placed: Vec<(f64, &[(&str, f64)])> = lines
            .iter()
            .enumerate()
            .map(|(i, line)| (100.0 + 14.0 * i as f64, *line))
            .collect();
        let header_rows = |bold: usize| {
            let table = table_of_bold_lines(&placed, bold);
            assert_eq!(table.rows.len(), 5);
            table.header_rows
        };
        assert_eq!(header_rows(1), 1);
        // (set as the rows are, nothing tells the head from that record)
        assert_eq!(header_rows(0), 2);
    }

    #[test]
    fn a_table_box_that_cuts_a_line_at_its_side_is_told() {
        // "Torque @ 1550 RPM:" from x 50 (5 pt a letter): "1550" from 90 to
        // 110, its "50" from 100; and "65.1 hp" above, from 100
        let p = page(&[
            ("65.1 hp", 100.0, 100.0),
            ("Torque @ 1550 RPM:", 50.0, 112.0),
        ]);
        let free = vec![false; p.glyphs.len()];
        // a box from 100 takes "50 RPM:" and leaves "Torque @ 15" outside
        assert!(cuts_a_line([100.0, 90.0, 150.0, 115.0], &p, &free));
        // a box from the line's start cuts none
        assert!(!cuts_a_line([50.0, 90.0, 150.0, 115.0], &p, &free));
        // text a column gap away is another column's
        let apart = page(&[("Torque", 50.0, 112.0), ("1550", 100.0, 112.0)]);
        assert!(!cuts_a_line(
            [100.0, 90.0, 150.0, 115.0],
            &apart,
            &vec![false; apart.glyphs.len()]
        ));
    }

    fn found_on(p: &PageContent) -> Vec<Vec<Vec<String>>> {
        stream_tables(
            p,
            &vec![false; p.glyphs.len()],
            &[],
            &StreamSettings::default(),
        )
        .iter()
        .map(|t| {
            texts(t)
                .into_iter()
                .map(|r| r.into_iter().map(String::from).collect())
                .collect()
        })
        .collect()
    }

    /// The one unruled table found on a page of these words.
    fn one_table_on(words: &[(&str, f64, f64)]) -> Vec<Vec<String>> {
        one_table_on_page(&page(words))
    }

    /// The one unruled table found on a page.
    fn one_table_on_page(p: &PageContent) -> Vec<Vec<String>> {
        let mut found = found_on(p);
        assert_eq!(found.len(), 1, "{found:?}");
        found.remove(0)
    }

    #[test]
    fn headings_flush_left_over_figures_flush_right_part_no_tables_side_by_side() {
        // (each heading ends 7 pt short of its figures; the widest gap, 36
        // pt, lies between the second column's figures and the third's
        // heading; the last two records leave the third column empty)
        let mut words = vec![("Recipient", 50.0, 100.0), ("Target", 160.0, 100.0)];
        words.push(("Result", 268.0, 100.0));
        let records = [
            ("The Kite Trust", "409", Some("-14.0%")),
            ("Community Safety", "452,235", Some("£39,176")),
            ("Victim Support", "615", Some("224,287")),
            ("Red Hen Project", "£24,310", Some("34.4%")),
            ("Rural Crime Action", "274", None),
            ("Safer Streets", "852,018", None),
        ];
        // (figures set flush right at 232 and 340, 5 pt a letter)
        let flush_right = |text: &str, right: f64| right - 5.0 * text.chars().count() as f64;
        for (k, (label, target, result)) in records.into_iter().enumerate() {
            let y = 120.0 + 20.0 * k as f64;
            words.extend([(label, 50.0, y), (target, flush_right(target, 232.0), y)]);
            if let Some(result) = result {
                words.push((result, flush_right(result, 340.0), y));
            }
        }
        let table = one_table_on(&words);
        assert_eq!(table.len(), 7, "{table:?}");
        assert_eq!(table[0], ["Recipient", "Target", "Result"]);
        assert_eq!(table[5], ["Rural Crime Action", "274", ""]);
    }

    #[test]
    fn a_table_of_codes_in_lower_case_does_not_read_as_prose() {
        // (a list of font files: a code, a name, a kind, a page and a short
        // name; codes open in lower case as sentences' lines do, but they
        // are no words)
        let lines = [
            ("pmdbi8a", "Meridien-BoldItalic", "112", "m0bi____"),
            ("pmdri8a", "Meridien-Italic", "112", "m0i_____"),
            ("pmdm8a", "Meridien-Medium", "112", "m0m_____"),
            ("zpcp29ab", "Copperplate-TwentyNineAB", "113", "cp29a___"),
            ("pnvb8a", "Novarese-Bold", "114", "nob_____"),
            ("pnvbi8a", "Novarese-BoldItalic", "114", "nobi____"),
        ];
        let words: Vec<(&str, f64, f64)> = (0..lines.len())
            .flat_map(|i| {
                let (code, name, page, short) = lines[i];
                let y = 100.0 + 12.0 * i as f64;
                [
                    (code, 50.0, y),
                    (name, 120.0, y),
                    ("A", 300.0, y),
                    (page, 330.0, y),
                    (short, 380.0, y),
                ]
            })
            .collect();
        let table = one_table_on(&words);
        assert_eq!(table.len(), lines.len());
        assert_eq!(
            table[0],
            ["pmdbi8a", "Meridien-BoldItalic", "A", "112", "m0bi____"]
        );
        assert!(opens_with_a_word("the colours, as set"));
        assert!(opens_with_a_word("don’t"));
        assert!(!opens_with_a_word("m0bi____") && !opens_with_a_word("p_____"));
        assert!(!opens_with_a_word("v3.18") && !opens_with_a_word("Meridien"));
    }

    #[test]
    fn running_text_with_notes_in_its_margin_is_no_table() {
        let cells = |rows: &[[&str; 2]]| -> Vec<Vec<Cell>> {
            rows.iter()
                .map(|r| r.iter().map(|t| Cell::new(*t)).collect())
                .collect()
        };
        let s = StreamSettings::default();
        let line = "You can execute code depending on the current setting for the";
        let margin = cells(&[
            ["v3.18", line],
            ["", line],
            ["", line],
            ["v2.96a", line],
            ["", line],
            ["", line],
            ["", line],
        ]);
        assert!(notes_beside_text(&margin, &s));
        // (a table's labels beside its long cells, even with some of their
        // wrapped lines left rows of their own, fill more of its rows)
        let wrapped = cells(&[
            ["0", line],
            ["1", line],
            ["", line],
            ["2", line],
            ["", line],
            ["3", line],
        ]);
        assert!(!notes_beside_text(&wrapped, &s));
    }

    #[test]
    fn a_first_records_line_over_its_figures_is_no_heading_where_records_stand_closer() {
        // (Typst padded 4 pt round 10 pt cells set at their middle: a
        // cell's lines 13.08 pt apart, records 12.58; the first record's
        // text opens a line above its figures, 12.5 pt under the head)
        let words = [
            ("Recipient", 50.0, 87.8),
            ("Change", 190.0, 87.8),
            ("Notes", 235.0, 87.8),
            ("Support reduction", 235.0, 100.33),
            ("Huntingdonshire CSP", 50.0, 113.41),
            ("269,408", 190.0, 113.41),
            ("problem speed", 235.0, 113.41),
            ("safety training", 235.0, 126.49),
            ("Community Safety", 50.0, 139.07),
            ("57.2%", 190.0, 139.07),
            ("Awareness", 235.0, 139.07),
            ("Training prevention", 235.0, 151.65),
            ("Rural Crime Action", 50.0, 164.73),
            ("687", 190.0, 164.73),
            ("casualty", 235.0, 164.73),
            ("casualty schools", 235.0, 177.81),
        ];
        let table = one_table_on(&words);
        assert_eq!(table.len(), 4, "{table:?}");
        assert_eq!(table[0], ["Recipient", "Change", "Notes"]);
        assert_eq!(
            table[1],
            [
                "Huntingdonshire CSP",
                "269,408",
                "Support reduction\nproblem speed\nsafety training"
            ]
        );
    }

    /// A table of 10 pt type whose cells' lines are double-spaced (20 pt,
    /// fpdf2's default), set at their rows' middle: records of one line
    /// 22.5 pt apart, and two whose text wraps round their label and figure,
    /// set `halfway` pt under its first line.
    fn double_spaced_round_rows(halfway: f64) -> Vec<Vec<Vec<String>>> {
        type Words = Vec<(&'static str, f64, f64)>;
        let record = |words: &mut Words, [label, figure, text]: [&'static str; 3], y: f64| {
            words.extend([(label, 50.0, y), (figure, 150.0, y), (text, 220.0, y)]);
        };
        let wrapped =
            |words: &mut Words, [label, figure, first, second]: [&'static str; 4], top| {
                words.extend([(first, 220.0, top), (second, 220.0, top + 20.0)]);
                words.extend([(label, 50.0, top + halfway), (figure, 150.0, top + halfway)]);
            };
        let mut words = vec![("Service", 50.0, 100.0), ("Award", 150.0, 100.0)];
        words.push(("Target", 220.0, 100.0));
        record(&mut words, ["Red Hen", "442", "Workers hub"], 122.5);
        record(&mut words, ["Kite Trust", "604", "Solving"], 145.0);
        let rape_crisis = ["Rape Crisis", "536", "Safety community", "county support"];
        wrapped(&mut words, rape_crisis, 167.5);
        record(&mut words, ["Youth Service", "68", "Rural fund"], 210.0);
        let victim_support = ["Victim Support", "106", "Solving road", "service safety"];
        wrapped(&mut words, victim_support, 232.5);
        found_on(&page(&words))
    }

    #[test]
    fn cells_double_spaced_round_their_records_line_keep_the_table_whole() {
        let found = double_spaced_round_rows(10.0);
        assert_eq!(found.len(), 1, "{found:?}");
        let rows = &found[0];
        assert_eq!(rows.len(), 6, "{rows:?}");
        assert_eq!(
            rows[3],
            ["Rape Crisis", "536", "Safety community\ncounty support"]
        );
        assert_eq!(
            rows[5],
            ["Victim Support", "106", "Solving road\nservice safety"]
        );
    }

    /// Four records under "Measure | Award | Purpose": a label, a figure,
    /// and a text wrapped over two lines.
    const WRAPPED_RECORDS: [(&str, &str, &str, &str); 4] = [
        ("Victim Support", "743", "Schools early", "prevention"),
        ("Rural Action", "98,573", "Hub early", "speed"),
        ("Kite Trust", "1.1%", "District hub", "crime reduction"),
        ("Rape Crisis", "715", "Community", "intervention"),
    ];

    #[test]
    fn records_each_wrapped_double_spaced_at_their_top_are_one_table() {
        // (10 pt type, a cell's lines 20 pt apart, records 33 pt apart:
        // every record has a line of one chunk, as many as its rows)
        let mut words = vec![("Measure", 50.0, 100.0), ("Award", 150.0, 100.0)];
        words.push(("Purpose", 220.0, 100.0));
        for (k, (label, figure, text, wrapped)) in WRAPPED_RECORDS.into_iter().enumerate() {
            let top = 133.0 + 53.0 * k as f64;
            words.extend([(label, 50.0, top), (figure, 150.0, top), (text, 220.0, top)]);
            words.push((wrapped, 220.0, top + 20.0));
        }
        let table = one_table_on(&words);
        assert_eq!(table.len(), 5, "{table:?}");
        assert_eq!(
            table[3],
            ["Kite Trust", "1.1%", "District hub\ncrime reduction"]
        );
    }

    #[test]
    fn records_set_at_their_foot_padded_round_double_spaced_labels_are_one_table() {
        // (10 pt type, a cell's lines 20 pt apart, records 29 pt apart, 2.9
        // sizes: a label wrapped over two lines opens its record with its
        // first line alone, the record's line under it)
        let mut words = vec![("Measure", 50.0, 100.0), ("Award", 150.0, 100.0)];
        words.push(("Purpose", 220.0, 100.0));
        words.push(("Peterborough Rape", 50.0, 129.0));
        let records = [
            ("Crisis", "715", "Prevention", 149.0),
            ("St Giles Trust", "633", "Victim district", 178.0),
            ("Fenland Council", "978", "Service", 207.0),
            ("Aid", "442", "Awareness", 256.0),
            ("Safer Streets", "546", "Training", 285.0),
        ];
        for (label, figure, text, y) in records {
            words.extend([(label, 50.0, y), (figure, 150.0, y), (text, 220.0, y)]);
        }
        words.push(("Cambridge Women's", 50.0, 236.0));
        let table = one_table_on(&words);
        assert_eq!(table.len(), 6, "{table:?}");
        assert_eq!(table[1], ["Peterborough Rape\nCrisis", "715", "Prevention"]);
        assert_eq!(table[4], ["Cambridge Women's\nAid", "442", "Awareness"]);
    }

    #[test]
    fn the_last_records_line_wrapped_double_spaced_under_the_run_is_its_own() {
        // (10 pt type, a cell's lines 20 pt apart, records 23 pt apart: a
        // text wraps in the second record, the last record's label under it,
        // a note 25 pt under that)
        let mut words = vec![("Measure", 50.0, 100.0), ("Award", 150.0, 100.0)];
        words.push(("Purpose", 220.0, 100.0));
        let mut top = 100.0;
        let records = [
            ("Victim Support", "743", "Schools", None),
            (
                "Rural Action",
                "98,573",
                "Hub early",
                Some((220.0, "speed")),
            ),
            ("Kite Trust", "1.1%", "District", None),
            ("Rape Crisis", "715", "Community", None),
            ("Safety", "621", "Crime", Some((50.0, "Partnership"))),
        ];
        for (label, figure, text, wrapped) in records {
            top += 23.0;
            words.extend([(label, 50.0, top), (figure, 150.0, top), (text, 220.0, top)]);
            if let Some((x, line)) = wrapped {
                top += 20.0;
                words.push((line, x, top));
            }
        }
        words.push(("Source: the office.", 50.0, top + 25.0));
        let table = one_table_on(&words);
        assert_eq!(table.len(), 6, "{table:?}");
        assert_eq!(table[2], ["Rural Action", "98,573", "Hub early\nspeed"]);
        assert_eq!(table[5], ["Safety\nPartnership", "621", "Crime"]);
    }

    #[test]
    fn records_as_far_apart_as_double_spaced_lines_keep_a_label_alone_apart() {
        // (10 pt type, records of a label and a figure 18.4 pt apart, as
        // far as double-spaced lines; a record whose figure is empty, its
        // row 2.2 pt taller, set at its top: its label alone 20.6 pt under
        // the record above, the next record 18.4 pt under it)
        let records = [
            ("Peterborough Rape Crisis", Some("£64,779")),
            ("Youth Offending Service", Some("765,565")),
            ("The Kite Trust", None),
            ("Red Hen Project", Some("26.6%")),
            ("Rural Crime Action", None),
            ("Huntingdonshire CSP", Some("£48,846")),
            ("Victim Support", Some("237")),
            ("Safer Streets", Some("304,605")),
        ];
        let mut words = vec![("Area", 50.0, 100.0), ("Outcome", 220.0, 100.0)];
        let mut y = 100.0;
        for (label, figure) in records {
            y += 18.4;
            words.push((label, 50.0, y));
            match figure {
                Some(figure) => words.push((figure, 220.0, y)),
                None => y += 2.2,
            }
        }
        let table = one_table_on(&words);
        assert_eq!(table.len(), 9, "{table:?}");
        assert_eq!(table[3], ["The Kite Trust", ""]);
        assert_eq!(table[4], ["Red Hen Project", "26.6%"]);
    }

    #[test]
    fn records_padded_round_double_spaced_cells_further_apart_than_rows_are_one_table() {
        // (10 pt type, a cell's lines 20 pt apart, set at the record's
        // middle, records of three, four and two lines padded 28 pt apart,
        // 2.8 sizes: no even pitch)
        let mut words = vec![("Measure", 50.0, 100.0), ("Award", 150.0, 100.0)];
        words.push(("Purpose", 220.0, 100.0));
        let texts = [
            ("Hub service", 128.0),
            ("council", 148.0),
            ("safety", 168.0),
            ("Prevention", 196.0),
            ("crime project", 216.0),
            ("outreach", 236.0),
            ("council", 256.0),
            ("Victim early", 284.0),
            ("schools road", 304.0),
        ];
        words.extend(texts.map(|(text, y)| (text, 220.0, y)));
        words.extend([("Cambridge", 50.0, 138.0), ("Women's Aid", 50.0, 158.0)]);
        words.push(("140,887", 150.0, 148.0));
        words.extend([("Safer Streets", 50.0, 226.0), ("728", 150.0, 226.0)]);
        words.extend([("Ormiston", 50.0, 294.0), ("79", 150.0, 294.0)]);
        let table = one_table_on(&words);
        assert_eq!(table.len(), 4, "{table:?}");
        assert_eq!(
            table[2],
            [
                "Safer Streets",
                "728",
                "Prevention\ncrime project\noutreach\ncouncil"
            ]
        );
    }

    #[test]
    fn records_set_at_their_foot_padded_further_apart_than_a_loose_run_reaches_are_one_table() {
        // (10 pt type, a cell's lines 20 pt apart, set at the record's
        // foot; records padded 34 pt apart, 3.4 sizes, each opening with
        // its text cell's first line alone)
        let mut words = vec![("Measure", 50.0, 100.0), ("Award", 150.0, 100.0)];
        words.push(("Purpose", 220.0, 100.0));
        let mut top = 100.0;
        for (label, figure, first, last) in WRAPPED_RECORDS {
            top += 34.0;
            words.push((first, 220.0, top));
            top += 20.0;
            words.extend([(label, 50.0, top), (figure, 150.0, top), (last, 220.0, top)]);
        }
        let table = one_table_on(&words);
        assert_eq!(table.len(), 5, "{table:?}");
        assert_eq!(
            table[3],
            ["Kite Trust", "1.1%", "District hub\ncrime reduction"]
        );
    }

    #[test]
    fn lines_double_spaced_round_a_line_off_their_middle_are_no_one_cell() {
        // (a line 7 pt under the first and 13 over the second: not set at
        // the record's middle, so not taken for one double-spaced cell)
        let found = double_spaced_round_rows(7.0);
        assert!(found.iter().all(|t| t.len() < 6), "{found:?}");
    }

    #[test]
    fn a_cell_wrapped_over_many_lines_keeps_its_table_and_the_paragraph_after_it_does_not_join() {
        let mut words = vec![("Recipient", 50.0, 100.0), ("Award", 200.0, 100.0)];
        words.extend([("Youth Trust", 50.0, 120.0), ("48,250", 200.0, 120.0)]);
        for i in 1..6 {
            words.push(("wrapped purpose", 50.0, 120.0 + 12.0 * i as f64));
        }
        words.extend([("Victim Support", 50.0, 200.0), ("12,000", 200.0, 200.0)]);
        words.extend([("Safer Roads", 50.0, 220.0), ("9,500", 200.0, 220.0)]);
        // (its lines run across both columns)
        words.push(("A paragraph after the table runs on", 50.0, 232.0));
        words.push(("over three lines, each of them long", 50.0, 244.0));
        words.push(("and the last one too", 50.0, 256.0));
        let p = page(&words);
        let found = found_on(&p);
        assert_eq!(found.len(), 1, "{found:?}");
        let t = &found[0];
        assert_eq!(t.len(), 4, "{t:?}");
        assert_eq!(t[1][0].lines().count(), 6, "{t:?}");
        assert_eq!(t[3], vec!["Safer Roads", "9,500"]);
    }

    #[test]
    fn cells_set_at_the_middle_of_their_rows_keep_the_lines_above_and_below_their_figures() {
        // a word processor's table, no rules: each purpose wraps over up to
        // seven lines, the name and the figures set at the middle of its
        // record (a name on two lines falls between the purpose's lines)
        let mut words = vec![("Service", 50.0, 100.0), ("Purpose", 160.0, 100.0)];
        words.extend([("Award", 300.0, 100.0), ("Spent", 360.0, 100.0)]);
        type Record<'a> = (&'a [&'a str], &'a [&'a str], f64);
        let records: [Record; 5] = [
            (
                &["Victim Support", "Crisis"],
                &[
                    "Awareness hub",
                    "outreach county",
                    "solving",
                    "problem road",
                ],
                123.0,
            ),
            (
                &["Safer Streets"],
                &[
                    "Early", "project", "fund", "solving", "abuse", "in the", "county",
                ],
                185.0,
            ),
            (
                &["Women's", "Aid"],
                &["Rural cyber", "intervention", "cyber rural"],
                286.0,
            ),
            (&["Fenland DC"], &["Support"], 335.0),
            (
                &["Kite Trust"],
                &["Project victim", "awareness", "prevention"],
                358.0,
            ),
        ];
        for (names, purpose, top) in records {
            let line = |k: usize| top + 13.0 * k as f64;
            let middle = (line(purpose.len() - 1) + top) / 2.0;
            for (k, p) in purpose.iter().enumerate() {
                words.push((p, 160.0, line(k)));
            }
            let first_name = middle - 6.5 * (names.len() - 1) as f64;
            for (k, n) in names.iter().enumerate() {
                words.push((n, 50.0, first_name + 13.0 * k as f64));
            }
            words.extend([("62,893", 300.0, middle), ("528", 360.0, middle)]);
        }
        words.push(("Source: the Commissioner's own office.", 50.0, 410.0));
        let table = one_table_on(&words);
        let t = &table;
        assert_eq!(t.len(), 6, "{t:?}");
        let purpose = "Awareness hub\noutreach county\nsolving\nproblem road";
        assert_eq!(t[1], ["Victim Support\nCrisis", purpose, "62,893", "528"]);
        assert_eq!(
            t[3],
            [
                "Women's\nAid",
                "Rural cyber\nintervention\ncyber rural",
                "62,893",
                "528"
            ]
        );
        assert_eq!(t[2][1].lines().count(), 7, "{t:?}");
        assert_eq!(t[5][1], "Project victim\nawareness\nprevention");
    }

    /// Rows of three figures at each of `xs`, the table at the right `short` rows shorter.
    fn figures(
        xs: &[f64],
        rows: usize,
        right_from: usize,
        short: usize,
    ) -> Vec<(String, f64, f64)> {
        let mut words = vec![];
        for r in 0..rows {
            for (i, x) in xs.iter().enumerate() {
                if i >= right_from && r + short >= rows {
                    continue;
                }
                words.push((format!("{}", 100 * i + r), *x, 100.0 + 12.0 * r as f64));
            }
        }
        words
    }

    #[test]
    fn two_tables_side_by_side_are_two_when_one_ends_first() {
        let words = figures(&[50.0, 90.0, 130.0, 250.0, 290.0, 330.0], 8, 3, 3);
        let refs: Vec<(&str, f64, f64)> =
            words.iter().map(|(t, x, y)| (t.as_str(), *x, *y)).collect();
        let found = found_on(&page(&refs));
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!((found[0].len(), found[0][0].len()), (8, 3));
        assert_eq!((found[1].len(), found[1][0].len()), (5, 3));
        assert_eq!(found[1][0], vec!["300", "400", "500"]);
    }

    #[test]
    fn two_cells_wrapped_under_the_last_record_across_a_wide_gap_are_no_table_of_their_own() {
        // records set at their top: a label, a figure in a column seldom
        // filled, and right of a wide gap a figure and two texts; the last
        // record's texts wrap over three lines more, which hold nothing in
        // the labels' column on either side of the gap
        let mut words = vec![("Area", 50.0, 100.0), ("Notes", 110.0, 100.0)];
        words.extend([("Award", 300.0, 100.0), ("Aim", 360.0, 100.0)]);
        words.push(("Means", 440.0, 100.0));
        let names = ["North", "South", "East", "West"];
        for (k, name) in names.iter().enumerate() {
            let top = 120.0 + 20.0 * k as f64;
            words.extend([(*name, 50.0, top), ("7,801", 300.0, top)]);
            words.extend([("Early", 360.0, top), ("Hub", 440.0, top)]);
        }
        words.push(("874", 110.0, 140.0));
        for k in 1..=3 {
            let line = 180.0 + 12.0 * k as f64;
            words.extend([("youth", 360.0, line), ("road", 440.0, line)]);
        }
        let found = found_on(&page(&words));
        assert_eq!(found.len(), 1, "{found:?}");
        let t = &found[0];
        assert_eq!(t.len(), 5, "{t:?}");
        assert_eq!(t[2], ["South", "874", "7,801", "Early", "Hub"]);
        let wrapped = ["West", "", "7,801", "Early\nyouth\nyouth\nyouth"];
        assert_eq!(t[4][..4], wrapped);
    }

    #[test]
    fn a_cut_rows_rest_atop_a_page_left_of_a_wide_gap_is_no_table_of_its_own() {
        // the rest of a row a page break cut, its label's and its text's
        // last lines, opens the page left of the table's widest gap, over
        // records across it
        let mut words = vec![("Crime", 50.0, 100.0), ("youth", 110.0, 100.0)];
        words.extend([("Action", 50.0, 113.4), ("support", 110.0, 113.4)]);
        let names = ["Road", "Victim", "Safer", "Kite"];
        for (k, name) in names.iter().enumerate() {
            let y = 130.0 + 20.0 * k as f64;
            words.extend([(*name, 50.0, y), ("Service", 110.0, y), ("7,801", 200.0, y)]);
            words.extend([
                ("Workers", 400.0, y),
                ("984,336", 480.0, y),
                ("397", 540.0, y),
            ]);
        }
        let found = found_on(&page(&words));
        assert_eq!(found.len(), 1, "{found:?}");
        let last = &found[0][found[0].len() - 1];
        assert_eq!(
            last,
            &["Kite", "Service", "7,801", "Workers", "984,336", "397"]
        );
    }

    #[test]
    fn lines_that_turn_from_side_to_side_across_a_wide_gap_are_one_tables_records() {
        // records set at their middle: each label and figure (x 50, 150)
        // stand between two lines of the texts right of a wide gap (x 300,
        // 380), so that no line after the head holds both sides
        let mut words = vec![("Recipient", 50.0, 100.0), ("Award", 150.0, 100.0)];
        words.extend([("Purpose", 300.0, 100.0), ("Result", 380.0, 100.0)]);
        let names = ["Safer Streets", "Victim Support", "Kite Trust", "Red Hen"];
        for (k, name) in names.iter().enumerate() {
            let top = 120.0 + 50.0 * k as f64;
            words.extend([("Workers early", 300.0, top), ("Families hub", 380.0, top)]);
            words.extend([(*name, 50.0, top + 13.0), ("722", 150.0, top + 13.0)]);
            words.extend([("schools", 300.0, top + 26.0), ("youth", 380.0, top + 26.0)]);
        }
        let found = found_on(&page(&words));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].len(), 5, "{found:?}");
        assert_eq!(
            found[0][4],
            [
                "Red Hen",
                "722",
                "Workers early\nschools",
                "Families hub\nyouth"
            ]
        );
    }

    #[test]
    fn a_cell_wrapped_round_a_row_that_holds_none_of_its_lines_stays_in_the_table() {
        // the last record is set at its middle: its purpose's four lines
        // and its outcome's three interleave, and the row of its name and
        // figure falls between two of the purpose's lines
        let mut words = vec![("Recipient", 50.0, 100.0), ("Purpose", 150.0, 100.0)];
        words.extend([("Award", 300.0, 100.0), ("Outcome", 360.0, 100.0)]);
        for (name, y) in [("Safer Streets", 120.0), ("Victim Support", 137.0)] {
            words.extend([(name, 50.0, y), ("Rural work", 150.0, y)]);
            words.extend([("722", 300.0, y), ("Project", 360.0, y)]);
        }
        for (k, purpose) in ["Families", "county", "district", "reduction"]
            .iter()
            .enumerate()
        {
            words.push((purpose, 150.0, 154.0 + 13.0 * k as f64));
        }
        for (k, outcome) in ["Safety", "awareness", "schools"].iter().enumerate() {
            words.push((outcome, 360.0, 160.5 + 13.0 * k as f64));
        }
        words.extend([("Kite Trust", 50.0, 173.5), ("60.6%", 300.0, 173.5)]);
        words.push(("Source: the Commissioner's own office.", 50.0, 212.0));
        let table = one_table_on(&words);
        let t = &table;
        assert_eq!(t.len(), 4, "{t:?}");
        assert_eq!(
            t[3],
            [
                "Kite Trust",
                "Families\ncounty\ndistrict\nreduction",
                "60.6%",
                "Safety\nawareness\nschools"
            ]
        );
    }

    #[test]
    fn a_label_wrapped_round_the_first_row_of_figures_keeps_its_first_line() {
        // the first record set at its middle: its label's first line stands
        // above the row of figures, its second below
        let mut words = vec![("Youth Offending", 50.0, 100.0), ("Service", 50.0, 113.0)];
        words.extend([("-19.9%", 200.0, 106.5), ("684", 300.0, 106.5)]);
        for (name, y) in [("Ormiston Families", 133.0), ("The Kite Trust", 153.0)] {
            words.extend([
                (name, 50.0, y),
                ("207,780", 200.0, y),
                ("120,054", 300.0, y),
            ]);
        }
        let table = one_table_on(&words);
        let text: Vec<&String> = table.iter().flatten().collect();
        assert!(
            text.iter().any(|t| t.contains("Youth Offending")),
            "{table:?}"
        );
    }

    #[test]
    fn a_note_under_a_wrapped_label_in_the_tables_size_is_no_line_of_its_cell() {
        // the table and the note under it both in 10 pt; the last label
        // wraps onto a second line, and the note starts at its left edge
        let mut words = vec![("Area", 50.0, 100.0), ("Notes", 250.0, 100.0)];
        words.push(("Change", 350.0, 100.0));
        for (name, y) in [("Huntingdonshire", 116.0), ("Victim Support", 132.0)] {
            words.extend([(name, 50.0, y), ("12,209", 250.0, y), ("780", 350.0, y)]);
        }
        words.extend([("Cambridge Women's", 50.0, 148.0), ("Aid", 50.0, 161.0)]);
        words.extend([("767,318", 250.0, 148.0), ("548", 350.0, 148.0)]);
        words.push(("Source: the Commissioner's office.", 50.0, 175.0));
        let table = one_table_on(&words);
        let t = &table;
        assert_eq!(t.len(), 4, "{t:?}");
        assert_eq!(t[3], ["Cambridge Women's\nAid", "767,318", "548"]);
    }

    #[test]
    fn a_note_further_under_the_last_row_than_the_cells_leading_is_no_wrapped_line() {
        // labels wrap at 13 pt, records 16 pt apart; the note, in the
        // table's size inside the first column, sits 14.5 pt under the last row
        let mut words = vec![("Service", 50.0, 100.0), ("Spend", 300.0, 100.0)];
        words.push(("Change", 400.0, 100.0));
        for (first, second, y) in [
            ("Road Safety", "Partnership", 116.0),
            ("Fenland", "Council", 145.0),
        ] {
            words.extend([(first, 50.0, y), (second, 50.0, y + 13.0)]);
            words.extend([("974,681", 300.0, y), ("-8.0%", 400.0, y)]);
        }
        words.extend([("Red Hen Project", 50.0, 174.0), ("376", 300.0, 174.0)]);
        words.push(("4.1%", 400.0, 174.0));
        words.push(("Source: the office.", 50.0, 188.5));
        let found = found_on(&page(&words));
        assert_eq!(found.len(), 1, "{found:?}");
        let t = &found[0];
        assert_eq!(t.len(), 4, "{t:?}");
        assert_eq!(t[1], ["Road Safety\nPartnership", "974,681", "-8.0%"]);
        assert_eq!(t[3], ["Red Hen Project", "376", "4.1%"]);
        // the label set at the middle of its record, its lines round the
        // row of figures: the leading is told across that row
        let mut words = vec![("Service", 50.0, 100.0), ("Spend", 300.0, 100.0)];
        words.push(("Change", 400.0, 100.0));
        words.extend([
            ("Community Safety", 50.0, 116.0),
            ("Partnership", 50.0, 129.0),
        ]);
        words.extend([("71,923", 300.0, 122.5), ("-9.3%", 400.0, 122.5)]);
        for (name, y) in [("Road Safety", 145.0), ("Red Hen Project", 161.0)] {
            words.extend([(name, 50.0, y), ("376", 300.0, y), ("4.1%", 400.0, y)]);
        }
        words.push(("Source: the office.", 50.0, 175.5));
        let found = found_on(&page(&words));
        assert_eq!(found.len(), 1, "{found:?}");
        let t = &found[0];
        assert_eq!(t.len(), 4, "{t:?}");
        assert_eq!(t[3], ["Red Hen Project", "376", "4.1%"]);
    }

    #[test]
    fn a_wide_gap_beside_a_cell_wrapped_below_the_other_columns_does_not_part_the_table() {
        // a table set across the page's width: the widest gap is before the
        // purposes, and the last purpose runs two lines below its row
        let mut words = vec![("Partner", 50.0, 100.0), ("Change", 150.0, 100.0)];
        words.extend([("Purpose", 265.0, 100.0), ("Result", 360.0, 100.0)]);
        let records = [
            (
                "Women's Aid",
                "312,023",
                &["Service road"][..],
                "61,172",
                116.0,
            ),
            (
                "Rape Crisis",
                "25.9%",
                &["Cyber early", "crime early"],
                "92,995",
                132.0,
            ),
            (
                "St Giles Trust",
                "58,512",
                &["Safety problem", "families youth", "partnership"],
                "630,003",
                160.0,
            ),
            (
                "Kite Trust",
                "700,381",
                &["Local fund", "project county", "victim"],
                "46,045",
                200.0,
            ),
        ];
        for (name, change, purpose, result, y) in records {
            words.extend([(name, 50.0, y), (change, 150.0, y), (result, 360.0, y)]);
            for (k, line) in purpose.iter().enumerate() {
                words.push((line, 265.0, y + 12.0 * k as f64));
            }
        }
        let table = one_table_on(&words);
        assert_eq!(table.len(), 5, "{table:?}");
        assert_eq!(
            table[4],
            [
                "Kite Trust",
                "700,381",
                "Local fund\nproject county\nvictim",
                "46,045"
            ]
        );
    }

    #[test]
    fn a_wide_gap_inside_a_full_table_does_not_part_it() {
        let words = figures(&[50.0, 90.0, 130.0, 250.0, 290.0, 330.0], 8, 3, 0);
        let refs: Vec<(&str, f64, f64)> =
            words.iter().map(|(t, x, y)| (t.as_str(), *x, *y)).collect();
        let found = found_on(&page(&refs));
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0][0].len(), 6);
    }

    #[test]
    fn bulleted_lists_side_by_side_are_not_a_table_and_a_list_beside_figures_is() {
        let lists = page(&[
            ("• House burglary", 50.0, 100.0),
            ("• More local policing", 250.0, 100.0),
            ("• Road safety", 50.0, 112.0),
            ("• Offenders brought to justice", 250.0, 112.0),
            ("• Criminal damage", 50.0, 124.0),
            ("• Road safety", 250.0, 124.0),
            ("• Cybercrime", 50.0, 136.0),
            ("• House burglary", 250.0, 136.0),
        ]);
        assert!(found_on(&lists).is_empty());
        let table = page(&[
            ("• House burglary", 50.0, 100.0),
            ("1,204", 250.0, 100.0),
            ("• Road safety", 50.0, 112.0),
            ("310", 250.0, 112.0),
            ("• Criminal damage", 50.0, 124.0),
            ("2,118", 250.0, 124.0),
            ("• Cybercrime", 50.0, 136.0),
            ("95", 250.0, 136.0),
        ]);
        assert_eq!(found_on(&table).len(), 1);
    }

    #[test]
    fn numbered_paragraphs_are_not_a_table() {
        let p = page(&[
            ("4.", 50.0, 100.0),
            ("BACKGROUND", 80.0, 100.0),
            ("4.1", 50.0, 120.0),
            ("The panel meets", 80.0, 120.0),
            ("four times a year", 80.0, 132.0),
            ("4.2", 50.0, 152.0),
            ("The plan has", 80.0, 152.0),
            ("five themes", 80.0, 164.0),
        ]);
        assert!(found_on(&p).is_empty());
    }

    #[test]
    fn a_table_beside_a_column_of_prose_is_found_in_its_own_column() {
        // prose on the left shares every line with the table on the right
        let mut words = vec![];
        let prose = [
            "the employee tax rate for social",
            "security is four point two and the",
            "employer rate is six point two as",
            "before and the wage base is higher",
        ];
        let figures = [
            ("Weekly", "71.15"),
            ("Monthly", "308.33"),
            ("Annually", "3,700"),
        ];
        for (i, line) in prose.iter().enumerate() {
            words.push((*line, 20.0, 100.0 + 12.0 * i as f64));
        }
        for (i, (period, amount)) in figures.iter().enumerate() {
            words.push((*period, 300.0, 112.0 + 12.0 * i as f64));
            words.push((*amount, 400.0, 112.0 + 12.0 * i as f64));
        }
        let p = page(&words);
        let found = tables_on(&p);
        assert_eq!(found.len(), 1);
        assert_eq!(
            texts(&found[0]),
            vec![
                vec!["Weekly", "71.15"],
                vec!["Monthly", "308.33"],
                vec!["Annually", "3,700"]
            ]
        );
    }

    #[test]
    fn a_first_record_wrapped_over_lines_above_its_figures_is_body_not_header() {
        let cases = [
            (
                // cells set at the foot of their rows: the first record's name
                // and purpose wrap over two lines above its figures, at the
                // leading (11 pt), records 17 pt apart
                "name and purpose over three lines",
                vec![
                    test_line(&["Recipient", "Purpose", "Award"], 100.0),
                    test_line(&["", "Safety prevention outreach", ""], 117.0),
                    test_line(&["Huntingdonshire", "service project local", ""], 128.0),
                    test_line(&["CSP", "reduction", "595,453"], 139.0),
                    test_line(&["Safer Streets", "Hub", "48,517"], 156.0),
                    test_line(&["Victim Support", "Casualty service", "25,435"], 173.0),
                ],
                1,
            ),
            (
                "a purpose over four lines above the record's figures",
                vec![
                    test_line(&["Recipient", "Purpose", "Award"], 100.0),
                    test_line(&["", "Youth awareness", ""], 117.0),
                    test_line(&["", "intervention", ""], 128.0),
                    test_line(&["", "schools outreach", ""], 139.0),
                    test_line(&["", "intervention", ""], 150.0),
                    test_line(&["Victim Support", "reduction", "85,890"], 161.0),
                    test_line(&["Safer Streets", "Hub", "48,517"], 178.0),
                ],
                1,
            ),
            (
                // set at their foot: the next record's purpose wraps above
                // its figures, at the leading (12 pt), records 20 pt apart
                "a first record with no figures, over one wrapped above its figures",
                vec![
                    test_line(&["Measure", "2023/24", "Target", "Award"], 150.0),
                    test_line(&["Peterborough", "", "", ""], 170.0),
                    test_line(&["Rape Crisis", "Prevention", "", ""], 182.0),
                    test_line(&["", "Victim district", "", ""], 202.0),
                    test_line(&["St Giles Trust", "casualty", "84.1%", "633"], 214.0),
                    test_line(&["Fenland District", "", "", ""], 234.0),
                    test_line(&["Council", "Service", "339", "978,537"], 246.0),
                ],
                1,
            ),
            (
                // as far below the heading over them as a record's lines
                // are apart, but holding text where the records' figures go
                "headings under a heading over them",
                vec![
                    test_line(&["", "", "", "Funding", ""], 100.0),
                    test_line(
                        &["Measure", "Outcome", "Result", "Spend (£)", "2023/24"],
                        122.6,
                    ),
                    test_line(&["", "", "", "Hub", ""], 145.2),
                    test_line(&["", "", "", "partnership", ""], 159.8),
                    test_line(&["", "", "", "service", ""], 174.4),
                    test_line(&["Cambridge", "", "", "council", ""], 189.0),
                    test_line(
                        &["Women's", "140,887", "432,078", "community", "904,698"],
                        203.6,
                    ),
                    test_line(&["Aid", "", "", "families", ""], 218.2),
                    test_line(&["", "", "", "safety", ""], 232.8),
                    test_line(&["Safer Streets", "5,000", "12", "Hub", "4,321"], 255.4),
                    test_line(&["Victim Support", "6,000", "13", "Fund", "1,234"], 278.0),
                ],
                2,
            ),
            (
                // a table's part on the page after a break, no head repeated:
                // its first record's label wrapped round its figures, set at
                // the record's middle, 6 pt from each line
                "a first record interleaved round its figures",
                vec![
                    test_line(&["Ormiston", "", "", ""], 86.4),
                    test_line(&["", "Safety", "629,003", "£59,056"], 92.4),
                    test_line(&["Families", "", "", ""], 98.4),
                    test_line(
                        &["St Giles Trust", "Reduction", "£62,236", "£48,642"],
                        122.8,
                    ),
                    test_line(&["Victim Support", "Early", "", "£79,102"], 147.2),
                ],
                0,
            ),
            (
                // the same, the label and a text each wrapped round the
                // figures: the first line holds as many columns as the
                // figures line, none of them the same
                "a first record's cells interleaved round its figures",
                vec![
                    test_line(&["Safer", "Council", "", "", "Communit"], 110.7),
                    test_line(&["", "", "45,416", "772,073", ""], 116.7),
                    test_line(&["Streets", "fund speed", "", "", "y casualty"], 122.8),
                    test_line(&["Youth", "", "", "", ""], 147.1),
                    test_line(&["", "Youth", "", "", "Reduction"], 153.1),
                    test_line(&["Offending", "", "297,739", "-12.6%", ""], 159.2),
                    test_line(&["", "speed", "", "", "casualty"], 165.2),
                    test_line(&["Service", "", "", "", ""], 171.2),
                ],
                0,
            ),
            (
                // a table's part on the page after a break, no head repeated:
                // its first record's cells wrapped above and below its
                // figures at the leading (12 pt), records 24 pt apart
                "a first record wrapped round its figures at the leading",
                vec![
                    test_line(&["Fenland", "", "Intervention", ""], 122.8),
                    test_line(&["District", "534,510", "early", "76.0%"], 134.8),
                    test_line(&["Council", "", "domestic", ""], 146.9),
                    test_line(&["Huntingdonshire", "973,918", "Project", "£98,785"], 171.2),
                    test_line(&["Road Safety", "312", "Safety crime", "419,107"], 195.6),
                ],
                0,
            ),
            (
                // set at their foot: the first record's label below its
                // purpose wrapped above it, its figure left empty
                "a first record with no figures, its label at its foot",
                vec![
                    test_line(&["Measure", "Purpose", "Target", "Award"], 100.0),
                    test_line(&["", "Reduction", "", ""], 124.0),
                    test_line(&["Fenland", "speed", "", ""], 137.4),
                    test_line(&["Council", "crime", "Training", ""], 150.8),
                    test_line(&["", "", "Prevention", ""], 174.8),
                    test_line(&["Red Hen", "Prevention", "early", "72"], 188.2),
                    test_line(&["St Giles", "Hub", "Abuse", "5"], 212.2),
                ],
                1,
            ),
            (
                // set at its top, as far below the header as records are apart
                "a first record with no figures",
                vec![
                    test_line(&["Partner", "2023/24", "Purpose"], 100.0),
                    test_line(&["Ormiston Families", "", "Safety partnership"], 126.6),
                    test_line(&["", "", "intervention district"], 141.3),
                    test_line(&["", "", "fund crime"], 156.0),
                    test_line(&["The Kite Trust", "389,070", "Community"], 182.6),
                    test_line(&["Victim Support", "26,160", "Outreach"], 209.2),
                ],
                1,
            ),
            (
                // lines placed exactly (Typst): cells set at their middle at
                // 13 pt leading, interleaved half a line off, and records 14
                // pt apart, as far as the first record is below the header
                "a first record's line above its label a little further below the header than its leading",
                vec![
                    test_line(&["Service", "2023/24", "Purpose"], 86.0),
                    test_line(&["", "", "Workers support"], 100.0),
                    test_line(&["Red Hen Project", "442", "safety victim"], 113.0),
                    test_line(&["", "", "local hub"], 126.0),
                    test_line(&["", "", "Fraud awareness"], 140.0),
                    test_line(&["", "", "solving council"], 153.0),
                    test_line(&["The Kite Trust", "604", ""], 159.5),
                    test_line(&["", "", "training workers"], 166.0),
                    test_line(&["", "", "solving"], 179.0),
                    test_line(&["", "", "Safety community"], 193.0),
                    test_line(&["Victim Support", "53", ""], 199.5),
                    test_line(&["", "", "casualty service"], 206.0),
                ],
                1,
            ),
            (
                // nothing in the label column, spaced as records are
                "a heading's second line is still header",
                vec![
                    test_line(&["", "", "Involvement of pupils in"], 100.0),
                    test_line(&["", "Preparation and", "Production of"], 120.0),
                    test_line(&["", "planning", "materials"], 130.0),
                    test_line(&["Knowledge of cultures", "0,2885", "0,3974"], 150.0),
                    test_line(&["Foreign language", "0,3057", "0,4184"], 162.0),
                ],
                3,
            ),
        ];
        for (what, lines, header) in cases {
            assert_eq!(
                header_rows(&lines, &StreamSettings::default()),
                header,
                "{what}"
            );
        }
    }
}
