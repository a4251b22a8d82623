//! Multi-line cells of tables without rules. Laid out line by line, a cell
//! whose text wraps (a grant's purpose over six lines, a recipient's name over
//! two) spreads over several lines; a reader puts those lines back together
//! from the spacing (lines inside a cell sit at their leading, records further
//! apart) and from the text (a line that carries on a sentence in lower case).
//!
//! Tabula, Camelot and pdfplumber leave every line a row. The rules here merge
//! only where the evidence is plain, and never in a table set solid whose
//! lines could each be a record.

use super::broken_words;
use super::stream_tables::StreamSettings;
use crate::document::Cell;
use std::ops::Range;

/// One text line of a table laid out in columns.
#[derive(Debug, Clone)]
pub struct TableLine {
    /// The line's text in each column ("" where it has none).
    pub cells: Vec<String>,
    /// How far across the page the line's text in each column reaches
    /// (none where it has none, or where the layout does not say).
    pub extents: Vec<Option<(f64, f64)>>,
    pub baseline: f64,
    pub size: f64,
}

impl TableLine {
    /// Whether a cell of the line holds a figure.
    pub(super) fn holds_figures(&self) -> bool {
        self.cells.iter().any(|c| super::holds_data(c))
    }

    /// Whether the line holds figures other than the rest of figures broken
    /// at the end of the line above's cells (`above`): "23" under "2022/",
    /// a heading broken in a narrow column.
    pub(super) fn holds_figures_of_its_own(&self, above: &TableLine) -> bool {
        self.cells.iter().enumerate().any(|(c, text)| {
            super::holds_data(text)
                && !above
                    .cells
                    .get(c)
                    .is_some_and(|head| broken_words::carries_a_figure_on(head, text))
        })
    }

    /// Whether the line holds a figure of its own under a figure of the
    /// line above's (`above`), in one column: records of figures, not the
    /// rest of a figure broken in a narrow column ("733,32" over "1"), nor
    /// figures of one record's cells, each on a line of its own.
    pub(super) fn stacks_figures_on(&self, above: &TableLine) -> bool {
        self.cells.iter().zip(&above.cells).any(|(text, head)| {
            super::holds_data(text)
                && super::holds_data(head)
                && !broken_words::carries_a_figure_on(head, text)
        })
    }

    /// Whether the line has text in its first column (a record's label).
    pub(super) fn labelled(&self) -> bool {
        self.cells.first().is_some_and(|c| !c.is_empty())
    }

    /// The columns the line has text in.
    pub(super) fn occupied(&self) -> Vec<usize> {
        (0..self.cells.len())
            .filter(|&c| !self.cells[c].is_empty())
            .collect()
    }
}

/// Whether the first and last of three lines are the two lines of cells
/// wrapped round the middle line, set at their row's middle: in the same
/// columns, as far over the middle line as under it, both closer than a
/// line's leading (`min_wrap_leading` × `size`).
pub(super) fn wrapped_halfway_round(
    [first, middle, last]: [&TableLine; 3],
    size: f64,
    s: &StreamSettings,
) -> bool {
    let (over, under) = (
        middle.baseline - first.baseline,
        last.baseline - middle.baseline,
    );
    let close = |g: f64| g > 0.0 && g < s.min_wrap_leading * size;
    close(over)
        && close(under)
        && (over - under).abs() <= s.pitch_tolerance * over.max(under)
        && first.occupied() == last.occupied()
}

/// The table's lines grouped into rows: each header line a row of its own
/// (a heading over others' stays a header row of its own), but for a
/// heading wrapped in its row (see `header_records`), then the body's
/// records. `leading_before` is the leading of the
/// cells of the table these lines carry on from the page before, if any: a
/// lone record carried over shows no leading of its own.
pub fn records(
    lines: &[TableLine],
    header: usize,
    leading_before: Option<f64>,
    s: &StreamSettings,
) -> Vec<Range<usize>> {
    // (measured on another page, the leading is the same within the
    // tolerance its lines are set to)
    let carried_on = leading_before.map(|l| l * (1.0 + s.leading_tolerance));
    // (a record's figures set at the middle of its cells' lines stand half
    // a leading from them, and so read as the leading where the lines carry
    // on a table whose leading is known: a lone record moved whole to the
    // next page)
    let leading = match (
        record_leading(&lines[header.min(lines.len())..], s),
        carried_on,
    ) {
        (Some(own), Some(carried)) if own < carried / (1.0 + s.leading_tolerance).powi(2) => {
            Some(carried)
        }
        (own, carried) => own.or(carried),
    };
    let mut out = header_records(lines, header.min(lines.len()), leading, s);
    if header >= lines.len() {
        return out;
    }
    let by_leading = body_records(lines, header, leading, s);
    // (records set closer than their cells' lines, where no leading shows,
    // unless so read a record lacks a label that reading line by line
    // gives each; or where the narrower gap shows as a leading (here, or
    // measured so on the page before), but reading it so leaves a record
    // without a label that the other reading gives every record: the
    // wider gap is the leading)
    let closer: Option<Vec<Range<usize>>> = records_closer_than_their_lines(&lines[header..], s)
        .map(|body| {
            body.into_iter()
                .map(|r| r.start + header..r.end + header)
                .collect()
        });
    let body = match closer {
        Some(closer) => {
            let (labelled, by_leading_labelled) = (
                each_labelled(lines, &closer),
                each_labelled(lines, &by_leading),
            );
            let read_closer = match leading {
                None => labelled || !by_leading_labelled,
                Some(_) => labelled && !by_leading_labelled,
            };
            if read_closer {
                closer
            } else {
                by_leading
            }
        }
        None => by_leading,
    };
    // (the body's first record, a line with no label, the only one without)
    let rest_of_a_cut_row = |body: &[Range<usize>]| {
        body.first()
            .is_some_and(|first| first.len() == 1 && !lines[first.start].labelled())
            && unlabelled(lines, body) == 1
    };
    // (records set at their middles, closer than their cells' lines, or set
    // solid at their feet: each record where the first reading leaves one
    // without a label)
    let body = if each_labelled(lines, &body) {
        body
    } else {
        // (from the header's end, or from a line of it the header missed: a
        // heading over the columns it spans above the columns' own, down to
        // the first line with a label, each line before a row; but not
        // where only the body's first line lacks a label either way: the
        // rest of a row a page break cut, at the top of the page)
        let first_labelled = (header..lines.len())
            .find(|&k| lines[k].labelled())
            .unwrap_or(header);
        (header..=first_labelled)
            .find_map(|k| {
                let records = labelled_records_set_close(&lines[k..], s)?;
                let shifted = records.into_iter().map(|r| r.start + k..r.end + k);
                Some(
                    (header..k)
                        .map(|i| i..i + 1)
                        .chain(shifted)
                        .collect::<Vec<_>>(),
                )
            })
            .filter(|close| !(rest_of_a_cut_row(&body) && unlabelled(lines, close) == 1))
            .unwrap_or(body)
    };
    out.extend(body);
    out
}

/// The records of a body whose cells are each set at the middle of their
/// record, closer together than their cells' lines (Typst pads a row 2 pt
/// round cells whose lines stand 1.3 sizes apart, so that a cell of two
/// lines straddles the line of one-line cells beside it, and the next
/// record's line stands closer under it than its own lines): in each
/// column, lines placed exactly a leading apart are one cell; the lines of
/// cells with one middle are a record, each with its label. The leading is
/// a gap between a column's lines, within a line's leading, seen twice or
/// more: the widest that so reads. (A row's padding can be a hair wider
/// than its cells' leading and so be seen as often: read as the leading,
/// it pairs lines of two records and leaves a record without its label.)
/// None where none does.
fn labelled_records_set_at_their_middles(
    body: &[TableLine],
    s: &StreamSettings,
) -> Option<Vec<Range<usize>>> {
    let width = body.iter().map(|l| l.cells.len()).max()?;
    let size = body.iter().map(|l| l.size).fold(0.0, f64::max);
    let columns: Vec<Vec<usize>> = (0..width)
        .map(|c| {
            (0..body.len())
                .filter(|&k| body[k].cells.get(c).is_some_and(|t| !t.is_empty()))
                .collect()
        })
        .collect();
    let gap = |w: &[usize]| body[w[1]].baseline - body[w[0]].baseline;
    let mut gaps: Vec<f64> = columns
        .iter()
        .flat_map(|lines| lines.windows(2).map(gap))
        .filter(|&g| g > 0.0 && g <= s.wrap_leading * size)
        .collect();
    gaps.sort_by(|a, b| b.total_cmp(a));
    let mut candidates: Vec<f64> = gaps
        .iter()
        .copied()
        .filter(|&g| gaps.iter().filter(|&&o| within_exact(o, g)).count() >= 2)
        .collect();
    candidates.dedup_by(|b, a| within_exact(*a, *b));
    candidates.into_iter().find_map(|leading| {
        records_about_middles(body, &columns, leading)
            .filter(|records| each_labelled(body, records))
    })
}

/// The records of `body` read with cells' lines `leading` apart in each
/// of its `columns` (`labelled_records_set_at_their_middles`): None where a line holds
/// cells of two middles, a record's lines stand apart, or no cell wraps.
fn records_about_middles(
    body: &[TableLine],
    columns: &[Vec<usize>],
    leading: f64,
) -> Option<Vec<Range<usize>>> {
    let close = |a: f64, b: f64| (a - b).abs() <= EXACT_SPREAD * leading;
    let mut middles: Vec<Option<f64>> = vec![None; body.len()];
    let mut wrapped = false;
    for lines in columns {
        let one_cell =
            |a: &usize, b: &usize| within_exact(body[*b].baseline - body[*a].baseline, leading);
        for cell in lines.chunk_by(one_cell) {
            wrapped |= cell.len() > 1;
            let middle = (body[cell[0]].baseline + body[cell[cell.len() - 1]].baseline) / 2.0;
            for &k in cell {
                match middles[k] {
                    Some(m) if !close(m, middle) => return None,
                    _ => middles[k] = Some(middle),
                }
            }
        }
    }
    let middles: Vec<f64> = middles.into_iter().collect::<Option<_>>()?;
    let mut out: Vec<Range<usize>> = Vec::new();
    for (k, &middle) in middles.iter().enumerate() {
        match out.last_mut() {
            Some(r) if close(middles[r.start], middle) => r.end = k + 1,
            _ => out.push(k..k + 1),
        }
    }
    // (a record's lines stand together: the middles run down the page)
    let in_order = out
        .windows(2)
        .all(|w| middles[w[1].start] > middles[w[0].start] + EXACT_SPREAD * leading);
    (wrapped && in_order && out.len() >= 2).then_some(out)
}

/// Whether each record has a line with text in the first column (its label).
fn each_labelled(lines: &[TableLine], records: &[Range<usize>]) -> bool {
    unlabelled(lines, records) == 0
}

/// How many records have no line with text in the first column.
fn unlabelled(lines: &[TableLine], records: &[Range<usize>]) -> usize {
    records
        .iter()
        .filter(|&r| !lines[r.clone()].iter().any(TableLine::labelled))
        .count()
}

/// Whether the lines read as records set closer than their cells' lines
/// (`records_closer_than_their_lines`), each with its label.
pub(super) fn labelled_records_closer_than_their_lines(
    body: &[TableLine],
    s: &StreamSettings,
) -> bool {
    records_closer_than_their_lines(body, s).is_some_and(|records| each_labelled(body, &records))
}

/// The records of a body set at their feet, solid (their cells' lines as
/// far apart as the records are), each ending at its label's line: read so
/// where every cell wrapped over several lines of a record opens in
/// capitals, goes on in lower case and reaches down to the label's line,
/// every cell of one line stands on that line, and the last line is a
/// label's. None where that does not hold or no cell wraps.
fn records_ending_at_their_labels(body: &[TableLine]) -> Option<Vec<Range<usize>>> {
    if !body.last()?.labelled() {
        return None;
    }
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut start = 0;
    for (k, line) in body.iter().enumerate() {
        if line.labelled() {
            out.push(start..k + 1);
            start = k + 1;
        }
    }
    let starts = |text: &str, case: fn(char) -> bool| text.chars().next().is_some_and(case);
    let reads_on = |r: &Range<usize>| {
        let foot = &body[r.end - 1];
        let width = body[r.clone()]
            .iter()
            .map(|l| l.cells.len())
            .max()
            .unwrap_or(0);
        (0..width).all(|c| {
            let texts: Vec<&String> = body[r.clone()]
                .iter()
                .filter_map(|l| l.cells.get(c).filter(|t| !t.is_empty()))
                .collect();
            let on_the_foot = || foot.cells.get(c).is_some_and(|t| !t.is_empty());
            match texts.as_slice() {
                [] => true,
                [_] => on_the_foot(),
                [first, rest @ ..] => {
                    starts(first, char::is_uppercase)
                        && rest.iter().all(|t| starts(t, char::is_lowercase))
                        && on_the_foot()
                }
            }
        })
    };
    (out.iter().any(|r| r.len() > 1) && out.iter().all(reads_on)).then_some(out)
}

/// The records of a body set closer than a leading shows, each with its
/// label: set at their middles closer than their cells' lines
/// (`labelled_records_set_at_their_middles`), or set solid at their feet
/// (`records_ending_at_their_labels`).
fn labelled_records_set_close(body: &[TableLine], s: &StreamSettings) -> Option<Vec<Range<usize>>> {
    labelled_records_set_at_their_middles(body, s).or_else(|| {
        records_ending_at_their_labels(body).filter(|records| each_labelled(body, records))
    })
}

/// Whether the lines read as records set close (`labelled_records_set_close`),
/// the first line no record's label line but a cell's first line, wrapped
/// round the first record's label or above it.
pub(super) fn opens_records_set_close(body: &[TableLine], s: &StreamSettings) -> bool {
    !body.first().is_some_and(TableLine::labelled)
        && labelled_records_set_close(body, s).is_some_and(|records| records[0].len() > 1)
}

/// The body's records (the lines from `header`), each a run of lines
/// `leading` apart or closer that reads as one record (`is_one_record`),
/// or a line, carried on by lines that carry on its sentence in lower case.
fn body_records(
    lines: &[TableLine],
    header: usize,
    leading: Option<f64>,
    s: &StreamSettings,
) -> Vec<Range<usize>> {
    // (with no leading to be seen, lines closer than any cell's leading
    // under a header that heads each of their columns are still a record's
    // cells interleaved: a lone record set at its middle)
    let headed = heads_every_column(lines, header);
    // (nor where records stand too little further apart than their cells'
    // lines for a step up between the gaps to show (a spreadsheet pads its
    // rows 2 pt round 14 pt lines): two lines closer than any two records
    // stacking figures stand, one with figures and one without, which holds
    // only columns the other holds and stands off its other neighbour by
    // the records' step at least, are one record's, the line without a
    // cell's wrapped line)
    let gap = |k: usize| lines[k].baseline - lines[k - 1].baseline;
    let records_apart = (header + 1..lines.len())
        .filter(|&k| lines[k].stacks_figures_on(&lines[k - 1]))
        .map(gap)
        .min_by(f64::total_cmp);
    let wrapped_closer = |k: usize| {
        let (with, without, beyond) = if lines[k].holds_figures() {
            (k, k - 1, (k >= 2).then(|| gap(k - 1)))
        } else {
            (k - 1, k, (k + 1 < lines.len()).then(|| gap(k + 1)))
        };
        records_apart.is_some_and(|apart| gap(k) < (1.0 - s.leading_tolerance) * apart)
            && beyond.is_none_or(|g| g >= s.record_gap_ratio * gap(k))
            && lines[with].holds_figures()
            && !lines[without].holds_figures()
            && is_strict_subset(&lines[without].occupied(), &lines[with].occupied())
    };
    let within = |k: usize| match leading {
        Some(leading) => gap(k) <= leading,
        None => {
            let size = lines[k].size.max(lines[k - 1].size);
            (headed && gap(k) < s.min_wrap_leading * size) || wrapped_closer(k)
        }
    };
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut start = header;
    while start < lines.len() {
        let mut end = start + 1;
        while end < lines.len() && within(end) {
            end += 1;
        }
        if end - start > 1 && is_one_record(&lines[start..end]) {
            out.push(start..end);
        } else {
            for i in start..end {
                match out.last_mut() {
                    Some(r) if carries_on_in_lower_case(lines, r, i, s) => r.end = i + 1,
                    _ => out.push(i..i + 1),
                }
            }
        }
        start = end;
    }
    out
}

/// The header's rows: each line a row of its own (a heading over the
/// columns it spans, a second line of headings under the first), but for
/// headings wrapped round the line of the others, all set at the middle of
/// one row: a line, then the others' line closer than any leading (half
/// of it), then the headings' next line as far again, in the same columns
/// as the first and none of the middle line's ("Spend" over "(£)" round
/// "Recipient" and "Purpose"), or off the middle, the two a line's step
/// apart. A heading over the columns it spans stands over more columns
/// than the line under it. A heading that spans both rows under such a
/// heading, set at their foot and wrapped, opens with a line among that
/// heading's columns (no further under it than its own next line) or round
/// the line of the headings under it: its lines are the row under. A
/// heading wrapped at its row's foot or top (`wrapped_at_an_end`) is one
/// row with the line it ends or opens.
fn header_records(
    lines: &[TableLine],
    header: usize,
    leading: Option<f64>,
    s: &StreamSettings,
) -> Vec<Range<usize>> {
    let head = &lines[..header];
    // (a table set solid, two records of figures a leading apart, shows no
    // leading that tells a heading's wrapped lines from rows of headings)
    let set_solid = |leading: f64| {
        lines[header..].windows(2).any(|w| {
            let gap = w[1].baseline - w[0].baseline;
            w[1].stacks_figures_on(&w[0]) && (gap < leading || within_exact(gap, leading))
        })
    };
    let wrap_leading = leading.filter(|&l| !set_solid(l));
    let interleaved = |i: usize| {
        let [first, middle, last] = &head[i..i + 3] else {
            return false;
        };
        let (over, under) = (
            middle.baseline - first.baseline,
            last.baseline - middle.baseline,
        );
        let (ends, centre, foot) = (first.occupied(), middle.occupied(), last.occupied());
        let halfway = wrapped_halfway_round([first, middle, last], middle.size, s);
        // (or headings wrapped a line's step round the line of the others,
        // off its middle (placed as a scan or a double-spaced table places
        // them); or a heading set at its row's foot so wrapped round
        // headings set at the middle of a row of their own, under a heading
        // over them on the line above: the line between stands inside the
        // wrapped heading's cell, in the row. So too a heading wrapped in
        // that row of its own, round another of the row set at its middle,
        // its last line on the line of the headings beside the row, set at
        // their foot: the heading above spans the row's columns only)
        let under_their_spanner = i >= 1 && {
            let spanner = head[i - 1].occupied();
            spanner
                .iter()
                .all(|c| centre.contains(c) || ends.contains(c))
        };
        let within_a_step = (ends == foot || under_their_spanner)
            && over > 0.0
            && under > 0.0
            && over + under <= s.wrap_leading * middle.size
            && ends.iter().all(|c| foot.contains(c))
            && centre.iter().all(|c| !foot.contains(c));
        (halfway || within_a_step) && ends.iter().all(|c| !centre.contains(c))
    };
    // (a heading set at the foot of a row under a row of headings over the
    // columns they span, wrapped: its first line stands among the columns
    // of that row, no further under it than its own next line, in columns that
    // row leaves empty, and its every cell carries on, a line's step under
    // it, on the line of the other headings)
    let wrapped_into_next = |i: usize| {
        let [above, line, next] = &head[i - 1..i + 2] else {
            return false;
        };
        let (over, under) = (
            line.baseline - above.baseline,
            next.baseline - line.baseline,
        );
        let (over_mine, mine, theirs) = (above.occupied(), line.occupied(), next.occupied());
        over > 0.0
            && over <= under * (1.0 + s.leading_tolerance)
            && under <= s.wrap_leading * line.size
            && mine
                .iter()
                .all(|c| theirs.contains(c) && !over_mine.contains(c))
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < head.len() {
        let step = if i + 3 <= head.len() && interleaved(i) {
            3
        } else if i >= 1 && i + 2 <= head.len() && wrapped_into_next(i) {
            2
        } else if let wrapped @ 2.. = wrapped_at_an_end(lines, header, i, wrap_leading) {
            wrapped
        } else if (i + 2 <= head.len() && broken_onto_next(&head[i], &head[i + 1], s))
            || wrapped_beside_headings_over_both(lines, header, i, wrap_leading)
        {
            2
        } else {
            1
        };
        out.push(i..i + step);
        i += step;
    }
    out
}

/// How far (pt) text may stand off other text and be set in line with it
/// (flush left or right, or centred on it).
const IN_LINE: f64 = 1.0;

/// Whether two extents across the page are set in line: flush left or
/// right, or centred on each other (`IN_LINE`).
pub(super) fn in_line((a, b): (f64, f64), (c, d): (f64, f64)) -> bool {
    (a - c).abs() <= IN_LINE
        || (b - d).abs() <= IN_LINE
        || ((a + b) - (c + d)).abs() / 2.0 <= IN_LINE
}

/// Whether a line of headings (`line`) wraps onto the `next`, a line's
/// leading under it at most, where no leading of the body's cells shows it,
/// as headings in columns too narrow for their words do: each of the next
/// line's headings is one word under one word of the line's, flush with it,
/// and carries it on as no heading of its own opens: in a small letter
/// after a word's part ("Recipi" over "ent", a word broken in a narrow
/// column; see `broken_words::broken_at_the_break`), in a bracket (a unit,
/// "Spend" over "(£)") or with a figure's rest ("2022/" over "23").
/// (Lines of words over lines of words are a paragraph's as often.)
fn broken_onto_next(line: &TableLine, next: &TableLine, s: &StreamSettings) -> bool {
    let gap = next.baseline - line.baseline;
    let carries_on = |c: usize| {
        let (above, text) = (&line.cells[c], &next.cells[c]);
        let flush = match (line.extents.get(c), next.extents.get(c)) {
            (Some(Some(a)), Some(Some(b))) => {
                (a.0 - b.0).abs() <= IN_LINE || (a.1 - b.1).abs() <= IN_LINE
            }
            _ => false,
        };
        let one_word = |t: &str| t.split_whitespace().count() == 1;
        one_word(above)
            && one_word(text)
            && flush
            && (broken_words::broken_at_the_break(above, text).is_some()
                || text.starts_with('(')
                || broken_words::carries_a_figure_on(above, text))
    };
    let columns = next.occupied();
    gap > 0.0
        && gap <= s.wrap_leading * line.size.max(next.size)
        && !columns.is_empty()
        && columns
            .iter()
            .all(|&c| c < line.cells.len() && carries_on(c))
}

/// Whether header line `i` is a row of headings set at its top, some
/// wrapped onto the next line, where headings over both the row and the
/// rows above it stand, set lower ("Spend" over "(£)" beside "Change" and
/// "Outcome", "Service" on the line of "(£)" under a heading over other
/// columns): the next line stands the body's `leading` under it; each of
/// its headings either carries on the heading over it in its column, in
/// line with it (flush left or right, or centred on it), or stands in a
/// column no line above holds; and it has some of each. (A heading
/// reaching the next column's text spans the columns.)
fn wrapped_beside_headings_over_both(
    lines: &[TableLine],
    header: usize,
    i: usize,
    leading: Option<f64>,
) -> bool {
    let head = &lines[..header];
    let (Some(leading), [line, next, ..]) = (leading, &head[i..]) else {
        return false;
    };
    let carries_on = |c: usize| match (line.extents.get(c), next.extents.get(c)) {
        (Some(Some(above)), Some(Some(text))) => {
            in_line(*above, *text) && next_column_start(lines, c).is_none_or(|x| above.1 < x)
        }
        _ => false,
    };
    let over_both = |c: usize| {
        head[..=i]
            .iter()
            .all(|l| l.cells.get(c).is_none_or(|t| t.is_empty()))
    };
    let columns = next.occupied();
    within_exact(next.baseline - line.baseline, leading)
        && columns.iter().any(|&c| carries_on(c))
        && columns.iter().any(|&c| over_both(c))
        && columns.iter().all(|&c| carries_on(c) || over_both(c))
}

/// Where the text of the column after `c` starts, on the leftmost of the
/// `lines` that have any.
fn next_column_start(lines: &[TableLine], c: usize) -> Option<f64> {
    lines
        .iter()
        .filter_map(|l| l.extents.get(c + 1).copied().flatten())
        .map(|e| e.0)
        .reduce(f64::min)
}

/// How many header lines from line `i` (of the `header` first) make one row
/// whose headings wrap at its foot or top ("Spend" over "(£)" beside the
/// others' line, or under it), if two or more: the lines stand one `leading`
/// of the body's wrapped cells apart (a row of headings stands further off,
/// by its cells' padding; none is given where the table is set solid, as a
/// spreadsheet sets it); the row's last line (at its foot) or first (at its
/// top) holds a heading in every column the others do and more, and each of
/// theirs stands in line with its heading in its column (flush left or
/// right, or centred on it), none reaching the next column's text (a
/// heading over the columns it spans does).
fn wrapped_at_an_end(lines: &[TableLine], header: usize, i: usize, leading: Option<f64>) -> usize {
    let Some(leading) = leading else {
        return 1;
    };
    // (the lines from `i` on, one leading apart)
    let run = (i + 1..header)
        .take_while(|&k| within_exact(lines[k].baseline - lines[k - 1].baseline, leading))
        .count()
        + 1;
    // (whether `line` wraps round `full`'s headings)
    let wraps_round = |line: &TableLine, full: &TableLine| {
        let columns = line.occupied();
        is_strict_subset(&columns, &full.occupied())
            && columns.into_iter().all(|c| {
                let (Some(Some(mine)), Some(Some(theirs))) =
                    (line.extents.get(c), full.extents.get(c))
                else {
                    return false;
                };
                in_line(*mine, *theirs) && next_column_start(lines, c).is_none_or(|x| mine.1 < x)
            })
    };
    // (set at the foot: the longest run ending at a full line; else at the
    // top: the longest run after the first line wrapping round it)
    let at_foot = (i + 1..i + run)
        .rev()
        .find(|&end| (i..end).all(|k| wraps_round(&lines[k], &lines[end])))
        .map_or(0, |end| end + 1 - i);
    let at_top = 1
        + (i + 1..i + run)
            .take_while(|&k| wraps_round(&lines[k], &lines[i]))
            .count();
    at_foot.max(at_top)
}

/// The records of a body whose cells' lines stand further apart than its
/// records do, all placed exactly (Typst pads a row 4 pt or less round its
/// capitals and sets a cell's lines 1.3 sizes apart): the gaps fall into
/// two groups, each one gap, the wider by at least the step lines placed
/// exactly part records at, within a line's leading; lines the wider gap
/// joins are one record when, in each such group, one line holds every
/// column the others hold and more (the record's line, its cells' wrapped
/// lines above or below it). Records set further apart than their lines
/// joined so are two lines of columns, neither holding the other's.
fn records_closer_than_their_lines(
    body: &[TableLine],
    s: &StreamSettings,
) -> Option<Vec<Range<usize>>> {
    let gaps: Vec<f64> = body
        .windows(2)
        .map(|w| w[1].baseline - w[0].baseline)
        .collect();
    let size = body.iter().map(|l| l.size).fold(0.0, f64::max);
    let wider = gaps.iter().copied().fold(0.0, f64::max);
    let narrower = gaps.iter().copied().fold(f64::MAX, f64::min);
    let one_or_other = |&g: &f64| within_exact(g, wider) || within_exact(g, narrower);
    if gaps.is_empty()
        || !gaps.iter().all(one_or_other)
        || !exactly_apart(wider, narrower)
        || narrower < s.min_wrap_leading * size
        || wider > s.wrap_leading * size
    {
        return None;
    }
    let mut out: Vec<Range<usize>> = Vec::with_capacity(body.len());
    out.push(0..1);
    for (k, &gap) in gaps.iter().enumerate() {
        match out.last_mut() {
            Some(r) if within_exact(gap, wider) => r.end = k + 2,
            _ => out.push(k + 1..k + 2),
        }
    }
    // (each group of several lines: one line holds the others' columns and more)
    let wrapped_round_one = |r: &Range<usize>| {
        let sets: Vec<Vec<usize>> = body[r.clone()].iter().map(TableLine::occupied).collect();
        sets.iter().any(|record| {
            sets.iter()
                .filter(|other| *other != record)
                .all(|other| is_strict_subset(other, record))
                && sets.iter().filter(|other| *other == record).count() == 1
        })
    };
    let groups = out.iter().filter(|r| r.len() > 1);
    (out.iter().any(|r| r.len() > 1)
        && groups.clone().all(wrapped_round_one)
        && !out
            .windows(2)
            .any(|w| sentence_carried_over(&body[w[1].start - 1], &body[w[1].start])))
    .then_some(out)
}

/// Whether a cell of `line` carries on, in lower case, a sentence its
/// column's cell on the line above leaves unfinished: the two lines are
/// one record's (records set closer than their cells' lines are told from
/// records set further apart than their cells' lines by this alone where
/// the gaps alternate).
fn sentence_carried_over(above: &TableLine, line: &TableLine) -> bool {
    line.occupied().into_iter().any(|c| {
        let (Some(upper), Some(lower)) = (above.cells.get(c), line.cells.get(c)) else {
            return false;
        };
        !upper.trim().is_empty() && carries_on_a_sentence(upper, lower)
    })
}

/// Whether `lower` goes on in a small letter with a sentence `upper` leaves
/// unfinished.
pub(super) fn carries_on_a_sentence(upper: &str, lower: &str) -> bool {
    let unfinished = !upper.trim_end().ends_with(['.', '!', '?', ':', ';']);
    let small = lower
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_lowercase);
    unfinished && small
}

/// Whether the first `header` lines head every column the lines below them
/// fill.
fn heads_every_column(lines: &[TableLine], header: usize) -> bool {
    let (head, body) = lines.split_at(header.min(lines.len()));
    let headed = |c: usize| {
        head.iter()
            .any(|l| l.cells.get(c).is_some_and(|t| !t.is_empty()))
    };
    !head.is_empty() && body.iter().flat_map(TableLine::occupied).all(headed)
}

/// The rows the records make: each column's lines joined by line breaks, as
/// a ruled cell's lines are.
pub fn merge(lines: &[TableLine], records: &[Range<usize>]) -> Vec<Vec<Cell>> {
    let width = lines.iter().map(|l| l.cells.len()).max().unwrap_or(0);
    records
        .iter()
        .map(|r| {
            (0..width)
                .map(|c| {
                    let parts: Vec<&str> = lines[r.clone()]
                        .iter()
                        .filter_map(|l| l.cells.get(c))
                        .map(String::as_str)
                        .filter(|t| !t.is_empty())
                        .collect();
                    Cell::new(parts.join("\n"))
                })
                .collect()
        })
        .collect()
}

/// The widest baseline gap between two lines of one record, when the body's
/// gaps fall into two groups: lines inside a cell at their leading, records
/// further apart (cell padding, space after a cell's paragraph). None when
/// the lines are evenly spaced.
pub(super) fn record_leading(body: &[TableLine], s: &StreamSettings) -> Option<f64> {
    let mut sizes: Vec<f64> = body.iter().map(|l| l.size).collect();
    sizes.sort_by(f64::total_cmp);
    let size = *sizes.get(sizes.len() / 2)?;
    let gaps = (0..body.len().saturating_sub(1))
        .map(|k| {
            let gap = body[k + 1].baseline - body[k].baseline;
            (gap, set_off_its_record(body, k, s))
        })
        .collect();
    let leading = leading_of_gaps(gaps, size, s)?;
    // (a gap wider than a line's leading, as double-spaced lines placed
    // exactly stand, is no leading where two records stand that far apart,
    // each with its label and a figure under the other's: it is the
    // records' own spacing, the wider gaps those of rows a little taller; see
    // `stream_tables::double_spaced_leading`)
    let records_so_apart = body.windows(2).any(|w| {
        within_exact(w[1].baseline - w[0].baseline, leading)
            && w[0].labelled()
            && w[1].labelled()
            && w[1].stacks_figures_on(&w[0])
    });
    (leading <= s.wrap_leading * size || !records_so_apart).then_some(leading)
}

/// The widest baseline gap between two lines of one record among lines at
/// `baselines` (top to bottom) set in type of `size`, when their gaps fall
/// into two groups (`record_leading`).
pub fn leading_of(baselines: &[f64], size: f64, s: &StreamSettings) -> Option<f64> {
    let gaps = baselines.windows(2).map(|w| (w[1] - w[0], false));
    leading_of_gaps(gaps.collect(), size, s)
}

/// Whether lines `k` and `k + 1` of `body` are one record's cells set at
/// different heights, not a cell's lines: they hold no column in common,
/// and neither gap beside theirs is alike to it, as the two halves of
/// cells wrapped round a line at their row's middle are
/// (`wrapped_halfway_round`).
fn set_off_its_record(body: &[TableLine], k: usize, s: &StreamSettings) -> bool {
    let gap = |i: usize| body[i + 1].baseline - body[i].baseline;
    let alike = |i: usize| (gap(i) - gap(k)).abs() <= s.pitch_tolerance * gap(i).max(gap(k));
    let (upper, lower) = (body[k].occupied(), body[k + 1].occupied());
    let shared = upper.iter().any(|c| lower.contains(c));
    let alike_beside = (k > 0 && alike(k - 1)) || (k + 2 < body.len() && alike(k + 1));
    !shared && !alike_beside
}

/// `leading_of` from the gaps between neighbouring lines' baselines, each
/// marked where it parts cells of one record set at different heights
/// (`set_off_its_record`).
fn leading_of_gaps(mut marked: Vec<(f64, bool)>, size: f64, s: &StreamSettings) -> Option<f64> {
    marked.retain(|(g, _)| *g > 0.0);
    marked.sort_by(|a, b| a.0.total_cmp(&b.0));
    let gaps: Vec<f64> = marked.iter().map(|(g, _)| *g).collect();
    // the largest step up between neighbouring gaps parts the two groups
    let ratios: Vec<f64> = gaps.windows(2).map(|w| w[1] / w[0]).collect();
    // (lines placed exactly part their records by less: the gaps below the
    // step all one, the leading, and those above all one, the records'; but
    // records set closer than their cells' leading, with little padding, are
    // gaps alike too: the narrower must be a leading looser than records set
    // solid stand, as Typst's is)
    let alike = |g: &[f64]| within_exact(g[0], g[g.len() - 1]);
    // (one wrapped cell in a table may show the leading once; the records'
    // gaps are seen more than once)
    let exact = |i: usize| {
        alike(&gaps[..=i])
            && gaps.len() - i > 2
            && alike(&gaps[i + 1..])
            && gaps[i] >= LOOSE_LEADING * size
            && exactly_apart(gaps[i + 1], gaps[i])
    };
    // (of gaps a cell's lines may stand apart at: so placed, they may be
    // double-spaced)
    let within_leading = |i: usize| gaps[i] <= s.wrap_leading * size;
    let (largest, ratio) = ratios
        .iter()
        .copied()
        .enumerate()
        .filter(|&(i, _)| within_leading(i) || (gaps[i] <= DOUBLE_SPACED * size && exact(i)))
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    let stepped_up = ratio >= s.record_gap_ratio && within_leading(largest);
    if !stepped_up && !exact(largest) {
        return None;
    }
    // unless a step below it parts gaps of a line's leading at least from
    // wider ones: three groups, the widest rows taller than their text, set
    // at their top or foot, the middle the records' own spacing; but not
    // where the gaps below the step only part cells of one record set at
    // different heights: a row may set one cell at its top and another at
    // its foot, 0.9 sizes apart, where its cells' lines stand 1.25 sizes
    // apart, and read as the leading, that gap parts every wrapped cell
    let cells_apart = |i: usize| marked[..=i].iter().any(|(_, set_off)| !set_off);
    let step = (0..largest)
        .find(|&i| {
            ratios[i] >= s.record_gap_ratio
                && gaps[i] >= s.min_wrap_leading * size
                && cells_apart(i)
        })
        .unwrap_or(largest);
    let below = gaps[step];
    let (halves, upper) = gaps.split_at(step + 1);
    Some(interleaved_leading(upper, halves, size, s).unwrap_or(below))
}

/// Cells set at the middle of their rows interleave: a label's lines fall
/// half a line below a purpose's, so the narrowest gaps (`halves`) are
/// half the leading. When the gaps above them (`upper`, sorted) hold a
/// group at twice their mean, within a tenth, and within a line's leading,
/// and a wider group still (the records' gaps), that group is the leading.
/// (The halves may differ a little, a line set at a row's middle rounded
/// to the device's grid: 5.2 and 5.8 pt about a leading of 11; records set
/// a fifth further apart than the leading, 13.2 pt, are no leading. Lines
/// placed exactly part records set less apart: `EXACT_STEP`.)
fn interleaved_leading(
    upper: &[f64],
    halves: &[f64],
    size: f64,
    s: &StreamSettings,
) -> Option<f64> {
    let half = halves.iter().sum::<f64>() / halves.len().max(1) as f64;
    let twice = |g: f64| (1.8..=2.2).contains(&(g / half));
    let doubled = |g: f64| twice(g) && g <= s.wrap_leading * size;
    // (lines placed exactly: the halves alike, the leading's gaps alike and
    // twice them; so placed, the leading may be double-spaced)
    let halves_alike = halves.iter().all(|&g| within_exact(g, half));
    let exact = |j: usize| {
        halves_alike
            && within_exact(upper[j], 2.0 * half)
            && upper[j] <= DOUBLE_SPACED * size
            && upper[..j]
                .iter()
                .filter(|&&g| twice(g))
                .all(|&g| within_exact(g, upper[j]))
    };
    // (the first step up from a gap at about twice `half`: records set only
    // a little further apart than the leading, as a typesetter's rows
    // stretched a fifth are, have their gaps near twice `half` too)
    (0..upper.len().saturating_sub(1))
        .find(|&j| {
            let step = upper[j + 1] / upper[j];
            (doubled(upper[j]) && step >= s.record_gap_ratio)
                || (exact(j) && exactly_apart(upper[j + 1], upper[j]))
        })
        .map(|j| upper[j])
}

/// Lines placed exactly (Typst, a browser) stand at one leading to within
/// this share of it; rounding to a device's grid parts them further.
pub(super) const EXACT_SPREAD: f64 = 0.01;

/// The widest leading (× the letters' size) of cells whose lines are placed
/// exactly and interleave at half of it: double-spaced, as fpdf2 sets its
/// tables' lines, read from letters a little short of the type's size.
pub(super) const DOUBLE_SPACED: f64 = 2.2;

/// A leading (× the letters' size) looser than single-spaced lines stand at
/// in a browser or a word processor (1.15 to 1.22): Typst sets 1.3.
const LOOSE_LEADING: f64 = 1.25;

/// Whether a line at `middle` stands exactly halfway between a cell's lines
/// at `upper` and `lower` (baselines), no further apart than double-spaced
/// lines of `size`: a record's line that the cell, set at the record's
/// middle, wraps round.
pub(super) fn halfway_between(upper: f64, middle: f64, lower: f64, size: f64) -> bool {
    let (over, under) = ((middle - upper).abs(), (lower - middle).abs());
    over > 0.0 && within_exact(over, under) && over + under <= DOUBLE_SPACED * size
}

/// Whether two gaps are one, as lines placed exactly are set (`EXACT_SPREAD`).
pub(super) fn within_exact(a: f64, b: f64) -> bool {
    (a - b).abs() <= EXACT_SPREAD * a.max(b)
}

/// Whether `gap` parts records set about lines placed exactly at `leading`
/// (`EXACT_STEP`).
pub(super) fn exactly_apart(gap: f64, leading: f64) -> bool {
    gap >= EXACT_STEP * leading
}

/// Where lines are placed exactly and interleave at half their leading, a
/// step up this far from the leading parts the records: Typst sets a row a
/// cell's padding taller than its capitals, its lines 1.3 sizes apart, so
/// that padded 4.5 pt round 12 pt lines its records stand 16.9 pt apart
/// about a leading of 15.7, and padded 4 pt round 10 pt lines, 12.58 pt
/// apart, its lines stand 13.08 (4% apart, three times `EXACT_SPREAD`).
const EXACT_STEP: f64 = 1.03;

/// Lines set close together are one record when one line holds the record's
/// every column and the others hold only some of them (the wrapped lines of
/// its longer cells, above or below it), or when one line holds several
/// columns and the others one column each (cells wrapped round a row of
/// figures set at the record's centre), or when a line between others
/// holds only columns they all lack (a figure at the record's centre, the
/// cells beside it wrapped round it), or when they hold one figure to a
/// column, or when none holds a figure (a record whose figures are left
/// empty, its cells wrapped: the gaps set its lines apart at the leading,
/// and records further). Two lines each holding columns the other lacks,
/// or two full lines, are otherwise rows of their own.
fn is_one_record(lines: &[TableLine]) -> bool {
    let sets: Vec<Vec<usize>> = lines.iter().map(TableLine::occupied).collect();
    let widest = sets
        .iter()
        .filter(|a| !sets.iter().any(|b| is_strict_subset(a, b)))
        .count();
    // (with one line of several columns, the others of one column each are
    // the lines of its cells wrapped round it, above and below)
    let wrapped_round = sets.iter().filter(|s| s.len() >= 2).count() == 1;
    // a figure at the middle of a record whose label and text each wrap
    // round it, on the lines above and below
    let disjoint = |a: &Vec<usize>, b: &Vec<usize>| a.iter().all(|c| !b.contains(c));
    let centred_round = (1..sets.len().saturating_sub(1)).any(|k| {
        sets.iter()
            .enumerate()
            .all(|(i, other)| i == k || disjoint(other, &sets[k]))
    });
    let no_figures = !lines.iter().any(TableLine::holds_figures);
    !figures_stacked(lines)
        && (widest == 1
            || wrapped_round
            || centred_round
            || one_figure_a_column(lines)
            || no_figures)
}

/// Whether a column holds a whole figure on two of the lines: a record has
/// one figure to a column, so such lines are records of their own, however
/// close (rows sized for more lines than their text takes, set at their
/// middle). (A figure broken over two lines in a narrow column, "£12,95"
/// over "0", is not whole on its first.)
fn figures_stacked(lines: &[TableLine]) -> bool {
    columns(lines).any(|column| {
        column
            .filter(|t| super::holds_data(t) && thousands_grouped(t))
            .nth(1)
            .is_some()
    })
}

/// Whether every thousands separator in the text has three digits after it.
fn thousands_grouped(text: &str) -> bool {
    text.split(',')
        .skip(1)
        .all(|group| group.bytes().take_while(u8::is_ascii_digit).count() == 3)
}

/// Whether the lines hold figures, and each column that holds one holds
/// that line alone: a record has one figure to a column, so lines set close
/// together around them are that record's, however its cells' lines
/// interleave (cells set at the middle of their rows, each wrapped over a
/// different number of lines). Records set solid would each have a figure.
fn one_figure_a_column(lines: &[TableLine]) -> bool {
    let mut figure_columns = columns(lines)
        .filter(|column| column.clone().any(|t| super::holds_data(t)))
        .peekable();
    // (a figure broken over two lines in a narrow column, "720,0" over "97"
    // or "82.7" over "%", is one)
    let one_figure = |texts: Vec<&String>| match texts[..] {
        [_] => true,
        [head, tail] => broken_words::figure_broken_onto(head, tail),
        _ => false,
    };
    figure_columns.peek().is_some()
        && figure_columns.all(|column| one_figure(column.filter(|t| !t.is_empty()).collect()))
}

/// The lines' cells column by column, each column's cells top to bottom.
fn columns(lines: &[TableLine]) -> impl Iterator<Item = impl Iterator<Item = &String> + Clone> {
    let width = lines.iter().map(|l| l.cells.len()).max().unwrap_or(0);
    (0..width).map(move |c| lines.iter().filter_map(move |l| l.cells.get(c)))
}

/// A line of 10 pt text with these cells, for tests.
#[cfg(test)]
pub(super) fn test_line(cells: &[&str], baseline: f64) -> TableLine {
    TableLine {
        cells: cells.iter().map(|c| c.to_string()).collect(),
        extents: vec![None; cells.len()],
        baseline,
        size: 10.0,
    }
}

fn is_subset(a: &[usize], b: &[usize]) -> bool {
    a.iter().all(|x| b.contains(x))
}

pub(super) fn is_strict_subset(a: &[usize], b: &[usize]) -> bool {
    a.len() < b.len() && is_subset(a, b)
}

/// Whether line `i` carries on the record `r` just above it in a table set
/// solid: close below, it has text only in columns the line above has text in
/// and the record's first line has more, and each of its cells goes on with
/// a sentence the cell above left unfinished, in lower case.
fn carries_on_in_lower_case(
    lines: &[TableLine],
    r: &Range<usize>,
    i: usize,
    s: &StreamSettings,
) -> bool {
    if r.end != i || i == 0 {
        return false;
    }
    let (above, line) = (&lines[i - 1], &lines[i]);
    let own = line.occupied();
    let close = line.baseline - above.baseline <= s.wrap_leading * line.size.max(above.size);
    let within = !own.is_empty()
        && is_subset(&own, &above.occupied())
        && is_strict_subset(&own, &lines[r.start].occupied());
    let goes_on = |c: &usize| carries_on_a_sentence(&above.cells[*c], &line.cells[*c]);
    close && within && own.iter().all(goes_on)
}

#[cfg(test)]
mod tests {
    use super::test_line as line;
    use super::*;

    /// The extents of `columns` cells `width` wide, each starting 100 pt
    /// after the one before.
    fn columns_a_hundred_apart(columns: usize, width: f64) -> Vec<Option<(f64, f64)>> {
        (0..columns)
            .map(|c| Some((100.0 * c as f64, 100.0 * c as f64 + width)))
            .collect()
    }

    fn rows(lines: &[TableLine], header: usize) -> Vec<Vec<String>> {
        let s = StreamSettings::default();
        merge(lines, &records(lines, header, None, &s))
            .into_iter()
            .map(|r| r.into_iter().map(|c| c.text).collect())
            .collect()
    }

    #[test]
    fn cells_set_off_their_rows_line_show_no_leading() {
        // records 23.5 pt apart, cells wrapped at their foot 12.5 pt apart
        // (1.25 sizes); one row sets its label and figures at its top and
        // its two text cells 9 pt lower, in columns of their own
        let lines = vec![
            line(&["Measure", "Purpose", "Result", "Target", "Award"], 0.0),
            line(&["Fenland", "Hub", "847", "Awareness", "512"], 23.5),
            line(&["Kite Trust", "", "33.5%", "", "£9,545"], 47.0),
            line(&["", "Solving service", "", "Early support", ""], 56.0),
            line(
                &["Safer Streets", "Fund", "437", "Reduction", "12.2%"],
                79.5,
            ),
            line(&["", "", "", "Cyber reduction", ""], 103.0),
            line(
                &["Youth Service", "Early", "471", "community victim", "236"],
                115.5,
            ),
            line(
                &["St Giles Trust", "Abuse", "253", "Outreach", "88.2%"],
                139.0,
            ),
            line(&["", "Workers families", "", "", ""], 162.5),
            line(&["Red Hen", "casualty", "556", "Crime", "114"], 175.0),
        ];
        let s = StreamSettings::default();
        let leading = record_leading(&lines[1..], &s).unwrap();
        assert!((leading - 12.5).abs() < 0.01, "{leading}");
        let read = rows(&lines, 1);
        assert_eq!(read.len(), 7, "{read:?}");
        assert_eq!(read[2][1], "Solving service");
        assert_eq!(read[4][3], "Cyber reduction\ncommunity victim");
        assert_eq!(read[6][1], "Workers families\ncasualty");
        assert!(set_off_its_record(&lines, 2, &s));
        // (a label's two lines set round a line of figures at their row's
        // middle stand half a leading off it, each side alike: a leading)
        let halves = [
            line(&["Community Safety", "", ""], 0.0),
            line(&["", "£85,197", "29.4%"], 5.5),
            line(&["Partnership", "", ""], 11.0),
        ];
        assert!(!set_off_its_record(&halves, 0, &s));
        assert!(!set_off_its_record(&halves, 1, &s));
    }

    #[test]
    fn a_labels_line_closer_to_its_figures_than_records_stand_is_their_records() {
        // a spreadsheet's rows 15.7 pt apart round 13.9 pt lines, too little
        // further apart for a step up to show: a label wrapped above its
        // figures (set at the row's foot) stands 13.9 pt over them
        let mut lines = vec![
            line(&["Measure", "Spend", "Result"], 133.1),
            line(&["Red Hen Project", "£29,972", "14.8%"], 148.9),
            line(&["Rural Crime Action", "£8,543", "86.2%"], 164.6),
            line(&["Community Safety", "", ""], 181.4),
            line(&["Partnership", "£85,197", "29.4%"], 195.3),
            line(&["Youth Offending", "£75,450", "303,497"], 211.1),
            line(&["Safer Streets", "", "552"], 226.8),
        ];
        let read = rows(&lines, 1);
        assert_eq!(read.len(), 6, "{read:?}");
        assert_eq!(
            read[3],
            ["Community Safety\nPartnership", "£85,197", "29.4%"]
        );
        // (set at the row's top, its wrapped line under its figures)
        lines[3] = line(&["Community Safety", "£85,197", "29.4%"], 180.3);
        lines[4] = line(&["Partnership", "", ""], 194.2);
        assert_eq!(rows(&lines, 1)[3], read[3]);
        // (a label alone as far off the records as they stand from each
        // other is a record of its own, its figures left empty)
        lines[4] = line(&["Partnership", "", ""], 195.9);
        assert_eq!(rows(&lines, 1).len(), 7);
    }

    #[test]
    fn records_whose_cells_carry_on_in_lower_case_over_the_narrower_gap_are_not_set_closer() {
        // gaps alternating 14.25 and 11.25 pt: records 14.25 apart whose
        // cells wrap 11.25 apart at their feet, or, by the gaps alone,
        // records 11.25 apart whose cells wrap 14.25 apart at their tops;
        // a sentence carried on in lower case over the narrower gap says
        // which (the first line is the header's, not a record's)
        let mut lines = vec![
            line(&["Partner", "2022/23", "Result", "Change"], 119.25),
            line(&["", "Outreach support families", "", ""], 133.5),
            line(
                &["Ormiston Families", "fund early hub", "389,733", "Outreach"],
                144.75,
            ),
            line(&["Youth Offending", "", "", ""], 159.0),
            line(&["Service", "Service district", "66.2%", "Cyber"], 170.25),
            line(
                &["Fenland District", "", "", "Partnership reduction"],
                184.5,
            ),
            line(
                &["Council", "Safety workers", "£6,741", "fund local"],
                195.75,
            ),
        ];
        let s = StreamSettings::default();
        assert!(!labelled_records_closer_than_their_lines(&lines, &s));
        // (where each line opens its sentences, the gaps alone tell)
        lines[2].cells[1] = "Fund early hub".into();
        lines[6].cells[3] = "Fund local".into();
        assert!(labelled_records_closer_than_their_lines(&lines, &s));
    }

    #[test]
    fn records_set_at_their_middles_padded_a_hair_wider_than_their_leading() {
        // cells' lines 13 pt apart, a row's padding putting the next
        // record's first line 13.15 pt under the last, as often: read as
        // the leading, it would pair the last line of one record's cell
        // with the first of the next record's
        let lines = [
            line(&["Service", "Award", "Notes"], 80.0),
            line(&["", "", "Hub intervention"], 100.0),
            line(&["Youth Offending", "31,701", ""], 106.5),
            line(&["", "", "solving fund"], 113.0),
            line(&["", "", "Problem fraud"], 126.15),
            line(&["Rural Crime", "56,190", "community reduction"], 139.15),
            line(&["", "", "county"], 152.15),
            line(&["Red Hen", "96,290", "Problem partnership"], 165.3),
            line(&["", "", "Crime rural"], 178.45),
            line(&["Fenland", "209", ""], 184.95),
            line(&["", "", "training district"], 191.45),
        ];
        let rows = rows(&lines, 1);
        assert_eq!(rows.len(), 5, "{rows:?}");
        assert_eq!(
            rows[1],
            [
                "Youth Offending",
                "31,701",
                "Hub intervention\nsolving fund"
            ]
        );
        assert_eq!(rows[2][2], "Problem fraud\ncommunity reduction\ncounty");
        assert_eq!(rows[3], ["Red Hen", "96,290", "Problem partnership"]);
        assert_eq!(rows[4][2], "Crime rural\ntraining district");
    }

    #[test]
    fn records_set_at_their_middles_closer_than_their_lines_read_whole() {
        // cells' lines 13 pt apart, records 9 pt: each record's cells
        // centred on its middle, a two-line cell straddling its label's line
        let lines = [
            line(&["Service", "Target", "Award"], 80.0),
            line(&["", "Workers support", ""], 100.0),
            line(&["Red Hen", "", "8.4%"], 106.5),
            line(&["", "safety hub", ""], 113.0),
            line(&["Kite", "Fraud", "181"], 122.0),
            line(&["", "Solving road", ""], 131.0),
            line(&["Victim Support", "hub abuse", "470"], 144.0),
            line(&["", "service safety", ""], 157.0),
        ];
        let rows = rows(&lines, 1);
        assert_eq!(rows.len(), 4, "{rows:?}");
        assert_eq!(rows[1], ["Red Hen", "Workers support\nsafety hub", "8.4%"]);
        assert_eq!(rows[2], ["Kite", "Fraud", "181"]);
        assert_eq!(rows[3][0], "Victim Support");
        // (a line holding cells of two middles reads otherwise: a cell
        // wrapped under its label's line, as cells set at their top are)
        let s = StreamSettings::default();
        assert!(labelled_records_set_at_their_middles(&lines[1..], &s).is_some());
        let mut top = lines.clone();
        top[5] = line(&["", "awareness", ""], 135.0);
        assert!(labelled_records_set_at_their_middles(&top[1..], &s).is_none());
        // (under a heading over the columns it spans that the header missed,
        // read from the columns' own headings, each line above a row)
        let mut spanned = vec![line(&["", "Budget (£)", ""], 68.0)];
        spanned.extend(lines.iter().cloned());
        let found = self::rows(&spanned, 0);
        assert_eq!(found.len(), 5, "{found:?}");
        assert_eq!(found[2], rows[1]);
    }

    #[test]
    fn a_lone_record_carried_over_at_its_middle_reads_at_the_carried_leading() {
        // the table's last record moved whole to the next page, its cells'
        // lines 16.1 pt apart, as on the page before, its figures at their
        // middle, half that from them
        let lines = [
            line(&["", "Youth", "", ""], 77.2),
            line(&["Red Hen", "crime", "", ""], 93.3),
            line(&["", "", "£78,306", "820,169"], 101.3),
            line(&["Project", "county", "", ""], 109.4),
            line(&["", "early", "", ""], 125.5),
        ];
        let s = StreamSettings::default();
        let rows = |before: Option<f64>| merge(&lines, &records(&lines, 0, before, &s)).len();
        assert_eq!(rows(Some(16.1)), 1);
        // (read on a page of its own, the figures show the leading)
        assert_ne!(rows(None), 1);
    }

    #[test]
    fn a_figure_broken_over_two_lines_of_a_record_is_one_figure() {
        // a record in narrow columns set at its foot, moved whole to the
        // next page: "82.7" over "%", "720,0" over "97", its label and
        // text broken over the lines too
        let lines = [
            line(&["", "", "", "Road", "", ""], 80.0),
            line(&["Red", "", "", "suppo", "", ""], 92.0),
            line(&["Hen", "", "", "rt", "", ""], 104.0),
            line(
                &["Proje", "82.7", "720,0", "probl", "£68,6", "939,9"],
                116.0,
            ),
            line(&["ct", "%", "97", "em", "58", "20"], 128.0),
        ];
        let s = StreamSettings::default();
        let read = merge(&lines, &records(&lines, 0, Some(12.0), &s));
        assert_eq!(read.len(), 1);
        assert_eq!(read[0][2].text, "720,0\n97");
        // (two whole figures in a column are two records')
        assert!(one_figure_a_column(&lines[3..]));
        let mut two = lines.clone();
        two[3].cells[2] = "720,000".into();
        assert!(!one_figure_a_column(&two[3..]));
    }

    #[test]
    fn headings_broken_in_narrow_columns_are_one_row() {
        // set at their top, no leading shown in the body: "2022/" over
        // "23", "Chang" over "e", "Spend" over "(£)"
        let mut lines = vec![
            line(&["Area", "2022/", "Chang", "Spend"], 80.0),
            line(&["", "23", "e", "(£)"], 93.5),
            line(&["Cambridge", "176", "Council cyber", "£33,371"], 115.0),
            line(&["Fenland", "86.3%", "Hub", "£4,021"], 136.5),
        ];
        for l in &mut lines {
            l.extents = columns_a_hundred_apart(4, 20.0);
        }
        let s = StreamSettings::default();
        let read = merge(&lines, &records(&lines, 2, None, &s));
        assert_eq!(read.len(), 3);
        assert_eq!(read[0][1].text, "2022/\n23");
        // (a second line of headings of their own stays a row)
        lines[1] = line(&["", "Actual", "Change", "Budget"], 93.5);
        lines[1].extents = lines[0].extents.clone();
        assert_eq!(merge(&lines, &records(&lines, 2, None, &s)).len(), 4);
    }

    #[test]
    fn headings_broken_at_their_rows_foot_over_figures_broken_are_one_row() {
        // set at their foot in narrow columns, 12 pt type 16.1 pt a line:
        // "Partn" over "er" and "2023/" over "24" beside the others' line;
        // in the body, "733,32" over "1", beside a figure of its own
        // ("290"), is one figure broken, no two records of figures a
        // leading apart
        let mut lines = vec![
            line(&["Partn", "", "2023/", ""], 80.0),
            line(&["er", "Award", "24", "Notes"], 96.1),
            line(&["Fenlan", "", "", "Youth"], 118.0),
            line(&["d", "", "", "county"], 134.1),
            line(&["Distric", "733,32", "", "servic"], 150.2),
            line(&["t", "1", "290", "e"], 166.3),
            line(&["Kite", "971,84", "799,32", "Cyber"], 190.2),
            line(&["Trust", "0", "7", "outreach"], 206.3),
        ];
        for l in &mut lines {
            l.size = 12.0;
            l.extents = columns_a_hundred_apart(4, 20.0);
        }
        let s = StreamSettings::default();
        let read = merge(&lines, &records(&lines, 2, None, &s));
        assert_eq!(read[0][0].text, "Partn\ner");
        assert_eq!(read[0][2].text, "2023/\n24");
        // (figures of their own stacked a leading apart: a table set solid,
        // whose leading tells no heading's wrapped lines)
        lines[5].cells[1] = "£1,204".to_string();
        let read = merge(&lines, &records(&lines, 2, None, &s));
        assert_eq!(read[0][0].text, "Partn");
    }

    #[test]
    fn headings_wrapped_beside_headings_over_both_rows_are_one_row() {
        // 12 pt type, the body's cells 13.5 pt a line, records 16.5 apart:
        // "Spend" over "(£)" set at the top of its row, beside "Change"
        // and "Outcome", under "Outcomes" over them; "Service" and
        // "2022/23", over both rows, on the line of "(£)"
        let head = |foot: f64| {
            vec![
                line(&["", "Outcomes", "", "", ""], 100.0),
                line(&["", "Spend", "Change", "Outcome", ""], 116.5),
                line(&["Service", "(£)", "", "", "2022/23"], foot),
            ]
        };
        let body = [
            line(&["Fenland", "231", "Early", "601,651", "Solving"], 146.5),
            line(&["Council", "", "", "", "casualty"], 160.0),
            line(&["Kite Trust", "794", "Youth", "9.6%", "Rural"], 176.5),
            line(&["Red Hen", "393", "District", "£62,489", "Fund"], 193.0),
            line(&["Project", "", "problem", "", ""], 206.5),
        ];
        let read = |foot: f64| {
            let mut lines = head(foot);
            lines.extend(body.iter().cloned());
            for l in &mut lines {
                l.size = 12.0;
                l.extents = columns_a_hundred_apart(5, 30.0);
            }
            let s = StreamSettings::default();
            merge(&lines, &records(&lines, 3, None, &s))
        };
        let rows = read(130.0);
        assert_eq!(rows.len(), 5);
        let texts: Vec<&str> = rows[1].iter().map(|c| c.text.as_str()).collect();
        assert_eq!(
            texts,
            ["Service", "Spend\n(£)", "Change", "Outcome", "2022/23"]
        );
        // (a row of headings of its own stands further, by its padding)
        assert_eq!(read(134.0).len(), 6);
    }

    #[test]
    fn records_set_solid_at_their_feet_end_at_their_labels() {
        // lines 12 pt apart throughout; each record's cells set at its foot,
        // a wrapped cell opening in capitals and going on in lower case
        let lines = [
            line(&["Partner", "Outcome", "Award"], 80.0),
            line(&["", "Fraud victim early", ""], 92.0),
            line(&["Fenland", "service road", "£97,976"], 104.0),
            line(&["Kite", "Victim", "£8,083"], 116.0),
            line(&["", "Road outreach", ""], 128.0),
            line(&["", "awareness solving", ""], 140.0),
            line(&["Road Safety", "intervention", "470"], 152.0),
        ];
        let rows = rows(&lines, 1);
        assert_eq!(rows.len(), 4, "{rows:?}");
        assert_eq!(
            rows[1],
            ["Fenland", "Fraud victim early\nservice road", "£97,976"]
        );
        assert_eq!(rows[3][1], "Road outreach\nawareness solving\nintervention");
        // (a line of units over a section label is no cell's first line)
        let units = [
            line(&["", "£000", "£000"], 92.0),
            line(&["Income", "", ""], 104.0),
            line(&["Police grant", "98,112", "95,004"], 116.0),
        ];
        assert_eq!(records_ending_at_their_labels(&units), None);
        // (nor a line that goes on in capitals)
        let mut capitals = lines[1..].to_vec();
        capitals[1].cells[1] = "Service road".to_string();
        assert_eq!(records_ending_at_their_labels(&capitals[..2]), None);
    }

    #[test]
    fn the_rest_of_a_row_cut_by_a_page_break_leaves_the_records_under_it_whole() {
        // a word processor's table carried on to a new page: the rest of a
        // row the break cut ("district"), no label; then records set at
        // their feet, their lines 14.7 pt apart, 23.6 pt between records,
        // labels wrapped over two lines ("St Giles" over "Trust")
        let lines = [
            line(&["Service", "Notes", "Outcome", "Purpose"], 101.7),
            line(&["", "", "", "district"], 125.3),
            line(&["", "", "", "Speed"], 148.9),
            line(&["St Giles", "", "", "abuse"], 163.6),
            line(&["Trust", "£71,932", "464", "fraud"], 178.3),
            line(&["St Giles", "", "", "Commun"], 201.9),
            line(&["Trust", "827,126", "", "ity"], 216.6),
            line(&["Rural", "", "", "Victim"], 240.2),
            line(&["Crime", "", "", "service"], 254.9),
            line(&["Action", "624,374", "80.2%", "safety"], 269.6),
        ];
        let rows = rows(&lines, 1);
        assert_eq!(rows.len(), 5, "{rows:?}");
        assert_eq!(rows[1], ["", "", "", "district"]);
        assert_eq!(
            rows[2],
            ["St Giles\nTrust", "£71,932", "464", "Speed\nabuse\nfraud"]
        );
        assert_eq!(rows[4][0], "Rural\nCrime\nAction");
    }

    /// A header of three lines `gap` pt apart (10 pt type): `first`, the
    /// other headings, `last`; then two records 14 pt apart.
    fn three_line_header(first: [&str; 3], gap: f64, last: [&str; 3]) -> Vec<Vec<String>> {
        let lines = [
            line(&first, 80.0),
            line(&["Partner", "", "Purpose"], 80.0 + gap),
            line(&last, 80.0 + 2.0 * gap),
            line(&["Victim Support", "450,000", "Hub"], 110.0),
            line(&["Safer Streets", "120,500", "Outreach"], 124.0),
        ];
        rows(&lines, 3)
    }

    #[test]
    fn a_heading_wrapped_round_the_other_headings_line_is_one_header_row() {
        // (set at the middle of the header row: "Allocation" and "(£)" half
        // a line, 6 pt, above and below the other headings)
        let found = three_line_header(["", "Allocation", ""], 6.0, ["", "(£)", ""]);
        assert_eq!(found[0], ["Partner", "Allocation\n(£)", "Purpose"]);
        assert_eq!(found.len(), 3, "{found:?}");
    }

    #[test]
    fn a_heading_wrapped_round_the_others_line_off_its_middle_is_one_header_row() {
        // (5 pt above and 7 below: a scan's or a double-spaced table's
        // placing, the two lines a line's step apart)
        let lines = [
            line(&["", "Allocation", ""], 80.0),
            line(&["Partner", "", "Purpose"], 85.0),
            line(&["", "(£)", ""], 92.0),
            line(&["Victim Support", "450,000", "Hub"], 110.0),
        ];
        let found = rows(&lines, 3);
        assert_eq!(found[0], ["Partner", "Allocation\n(£)", "Purpose"]);
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn a_heading_at_its_rows_foot_wrapped_under_a_spanning_heading_joins_its_row() {
        // "Funding" over the last column's two; "Spend (£)" spans both
        // header rows, set at the foot, its first line 9 pt under "Funding"
        // and 13.5 over its last
        let header = |spend_at: f64| {
            let lines = [
                line(&["", "", "", "Funding"], 80.0),
                line(&["", "", "Spend", ""], spend_at),
                line(&["Partner", "Award", "(£)", "Budget"], 102.5),
                line(&["Victim Support", "450,000", "120", "Hub"], 125.0),
            ];
            rows(&lines, 3)
        };
        let found = header(89.0);
        assert_eq!(found[0], ["", "", "", "Funding"]);
        assert_eq!(found[1], ["Partner", "Award", "Spend\n(£)", "Budget"]);
        assert_eq!(found.len(), 3, "{found:?}");
        // (or halfway between them, its columns carried on under it)
        assert_eq!(header(91.25).len(), 3);
        // (closer to the line under it than to the heading over it: a row)
        assert_eq!(header(95.0).len(), 4);
        // the headings under the spanning one set at the middle of their
        // row, the wrapped heading's lines round them
        let lines = [
            line(&["", "Quarter 1", "", ""], 80.0),
            line(&["", "", "", "Spend"], 100.0),
            line(&["", "Target", "Notes", ""], 106.0),
            line(&["Service", "", "", "(£)"], 111.2),
            line(&["Victim Support", "450", "Hub", "120"], 135.0),
        ];
        let found = rows(&lines, 4);
        assert_eq!(found[1], ["Service", "Target", "Notes", "Spend\n(£)"]);
        assert_eq!(found.len(), 3, "{found:?}");
    }

    /// A line whose cells' text starts at each x given (5 pt a letter).
    fn placed(cells: &[(&str, f64)], baseline: f64) -> TableLine {
        TableLine {
            extents: cells
                .iter()
                .map(|&(t, x)| (!t.is_empty()).then(|| (x, x + 5.0 * t.chars().count() as f64)))
                .collect(),
            ..line(&cells.iter().map(|c| c.0).collect::<Vec<_>>(), baseline)
        }
    }

    /// A head of two lines `gap` apart (`first` over "Partner", "Award",
    /// "(£)" at 50, 200 and 300) over records 18 pt apart, one of whose
    /// cells wraps 12 pt apart; `solid`, the first two records 12 pt apart.
    fn head_over_wrapped(first: [(&str, f64); 3], gap: f64, solid: bool) -> Vec<Vec<String>> {
        let second = if solid { 122.0 } else { 128.0 };
        let lines = [
            placed(&first, 80.0),
            placed(
                &[("Partner", 50.0), ("Award", 200.0), ("(£)", 300.0)],
                80.0 + gap,
            ),
            placed(
                &[("Victim Support", 50.0), ("450,000", 200.0), ("120", 300.0)],
                110.0,
            ),
            placed(
                &[("Safer Streets", 50.0), ("120,500", 200.0), ("95", 300.0)],
                second,
            ),
            placed(
                &[("Youth Fund", 50.0), ("80,000", 200.0), ("Outreach", 300.0)],
                146.0,
            ),
            placed(&[("", 50.0), ("", 200.0), ("in schools", 300.0)], 158.0),
            placed(
                &[("Road Safety", 50.0), ("1,000", 200.0), ("Hub", 300.0)],
                176.0,
            ),
        ];
        rows(&lines, 2)
    }

    #[test]
    fn a_heading_wrapped_at_its_rows_foot_a_leading_over_the_others_line_is_one_header_row() {
        // "Spend" over "(£)", flush left, 12 pt apart: the leading of the
        // body's wrapped cell ("Outreach" over "in schools")
        let spend = [("", 50.0), ("", 200.0), ("Spend", 300.0)];
        let found = head_over_wrapped(spend, 12.0, false);
        assert_eq!(found[0], ["Partner", "Award", "Spend\n(£)"], "{found:?}");
        // (further apart, by a cell's padding: a row of its own)
        assert_eq!(head_over_wrapped(spend, 14.0, false)[0], ["", "", "Spend"]);
        // (a table set solid, its records a leading apart, tells nothing)
        assert_eq!(head_over_wrapped(spend, 12.0, true)[0], ["", "", "Spend"]);
        // (a heading reaching the next column's text spans the columns)
        let funding = [("", 50.0), ("Funding over the columns", 200.0), ("", 300.0)];
        assert_eq!(
            head_over_wrapped(funding, 12.0, false)[0][1],
            "Funding over the columns"
        );
        // (nor is a heading out of line with the one under it its line)
        let off = [("", 50.0), ("", 200.0), ("Spend", 306.0)];
        assert_eq!(head_over_wrapped(off, 12.0, false)[0], ["", "", "Spend"]);
    }

    #[test]
    fn a_heading_wrapped_at_its_rows_top_over_lines_of_its_own_is_one_header_row() {
        // "Allocation" over "2019-20" over "(£)", centred, a leading apart,
        // beside "Partner" and "Purpose" on the first line
        let lines = [
            placed(
                &[("Partner", 50.0), ("Allocation", 200.0), ("Purpose", 300.0)],
                80.0,
            ),
            placed(&[("", 50.0), ("2019-20", 207.5), ("", 300.0)], 92.0),
            placed(&[("", 50.0), ("(£)", 217.5), ("", 300.0)], 104.0),
            placed(
                &[
                    ("Victim Support", 50.0),
                    ("450,000", 200.0),
                    ("Outreach", 300.0),
                ],
                122.0,
            ),
            placed(&[("", 50.0), ("", 200.0), ("in schools", 300.0)], 134.0),
            placed(
                &[("Safer Streets", 50.0), ("120,500", 200.0), ("Hub", 300.0)],
                152.0,
            ),
        ];
        let found = rows(&lines, 3);
        assert_eq!(found[0], ["Partner", "Allocation\n2019-20\n(£)", "Purpose"]);
        assert_eq!(found.len(), 3, "{found:?}");
    }

    #[test]
    fn header_lines_a_leading_apart_or_under_a_spanning_heading_stay_rows() {
        // (a line's leading apart, 12 pt: headings set at their cells' top)
        let found = three_line_header(["", "Allocation", ""], 12.0, ["", "(£)", ""]);
        assert_eq!(found.len(), 5, "{found:?}");
        // (a heading over two columns, the others centred in both rows)
        let found = three_line_header(["", "Funding", ""], 6.0, ["", "Budget", "Actual"]);
        assert_eq!(found[0], ["", "Funding", ""], "{found:?}");
        // (or one heading centred in both, the other column's under it)
        let lines = [
            line(&["", "Funding", ""], 80.0),
            line(&["Partner", "", ""], 86.0),
            line(&["", "Budget", "Actual"], 92.0),
            line(&["Victim Support", "450,000", "120"], 110.0),
        ];
        assert_eq!(rows(&lines, 3).len(), 4);
    }

    #[test]
    fn records_a_little_closer_than_their_cells_lines_keep_their_wrapped_lines() {
        // (Typst padded 4 pt round 10 pt cells set at their middle: a
        // cell's lines 13.08 pt apart, records 12.58, under 4% apart)
        let lines = [
            line(&["Recipient", "Change", "Notes"], 87.8),
            line(&["", "", "Support reduction"], 100.33),
            line(&["Huntingdonshire CSP", "269,408", "problem speed"], 113.41),
            line(&["", "", "safety training"], 126.49),
            line(&["Community Safety", "57.2%", "Awareness"], 139.07),
            line(&["", "", "Training prevention"], 151.65),
            line(&["Rural Crime Action", "687", "casualty"], 164.73),
            line(&["", "", "casualty schools"], 177.81),
        ];
        let found = rows(&lines, 1);
        assert_eq!(found.len(), 4, "{found:?}");
        assert_eq!(
            found[1],
            [
                "Huntingdonshire CSP",
                "269,408",
                "Support reduction\nproblem speed\nsafety training"
            ]
        );
    }

    #[test]
    fn a_leading_that_leaves_a_record_without_its_label_is_the_records_gap() {
        // (Typst padded 2 pt, cells at their foot: records 9.6 pt apart
        // show as a leading, but so read the first wrapped line is a
        // record of its own; the cells' lines stand 13.1 apart)
        let lines = [
            line(&["Area", "Award", "Notes"], 52.9),
            line(&["", "", "Schools road fund"], 62.5),
            line(&["Peterborough Rape Crisis", "91,105", "service"], 75.6),
            line(&["", "", "Local outreach"], 85.2),
            line(&["Red Hen Project", "899", "service local"], 98.2),
            line(&["", "", "Project awareness"], 107.8),
            line(&["Victim Support", "550,687", "rural"], 120.9),
            line(&["Safer Streets", "30.9%", "Crime"], 130.5),
        ];
        let found = rows(&lines, 1);
        assert_eq!(found.len(), 5, "{found:?}");
        assert_eq!(
            found[2],
            ["Red Hen Project", "899", "Local outreach\nservice local"]
        );
        assert_eq!(found[4], ["Safer Streets", "30.9%", "Crime"]);
    }

    #[test]
    fn records_set_closer_than_their_cells_lines_keep_their_wrapped_lines() {
        // (Typst padded tight, cells at their rows' foot: records 12 pt
        // apart, a cell's lines 13, placed exactly)
        let lines = [
            line(&["Recipient", "Award", "Notes"], 80.0),
            line(&["Safer Streets", "251", "Casualty"], 92.0),
            line(&["", "", "Youth domestic"], 104.0),
            line(&["Road Safety", "327", "local"], 117.0),
            line(&["Red Hen", "471", "reduction"], 129.0),
            line(&["", "", "Early safety"], 141.0),
            line(&["Fenland", "892", "crime"], 154.0),
        ];
        let found = rows(&lines, 1);
        assert_eq!(found.len(), 5, "{found:?}");
        assert_eq!(found[2], ["Road Safety", "327", "Youth domestic\nlocal"]);
        // (two records 13 pt apart are no one record by their gaps, however
        // the gaps fall; read at their feet by their cells' capitals, each
        // wrapped cell opening in capitals, they are as before)
        let mut apart = lines.to_vec();
        apart[4] = line(&["Red Hen", "471", "reduction"], 130.0);
        apart[5] = line(&["", "", "Early safety"], 142.0);
        apart[6] = line(&["Fenland", "892", "crime"], 155.0);
        let s = StreamSettings::default();
        assert_eq!(records_closer_than_their_lines(&apart[1..], &s), None);
        assert_eq!(rows(&apart, 1), found);
        // (with a wrapped line in capitals, line by line)
        apart[5] = line(&["", "", "Early Safety"], 142.0);
        apart[6] = line(&["Fenland", "892", "Crime"], 155.0);
        assert_eq!(rows(&apart, 1).len(), 7);
    }

    #[test]
    fn a_cell_wrapped_round_its_figures_is_one_record() {
        // the figures set at the centre of the record, between the name's two lines
        let lines = [
            line(&["Service", "Budget", "Spend"], 100.0),
            line(&["Victim and witness", "", ""], 118.0),
            line(&["", "1,200", "1,150"], 123.5),
            line(&["services", "", ""], 129.0),
            line(&["Drug treatment", "400", "380"], 147.0),
        ];
        assert_eq!(
            rows(&lines, 1),
            vec![
                vec!["Service", "Budget", "Spend"],
                vec!["Victim and witness\nservices", "1,200", "1,150"],
                vec!["Drug treatment", "400", "380"],
            ]
        );
    }

    #[test]
    fn cells_set_at_the_middle_interleave_at_half_their_leading_and_stay_one_record() {
        // the label's two lines fall between the purpose's four, 13 pt
        // leading: gaps of 6.5 pt, one of 13 where the label has ended, and
        // 22 pt between records
        let lines = [
            line(&["Service", "Award", "Purpose"], 80.0),
            line(&["", "", "Abuse workers"], 100.0),
            line(&["Peterborough", "", ""], 106.5),
            line(&["", "£33,883", "road service"], 113.0),
            line(&["Rape Crisis", "", ""], 119.5),
            line(&["", "", "partnership"], 126.0),
            line(&["", "", "for victims"], 139.0),
            line(&["St Giles Trust", "720", "Crime"], 161.0),
        ];
        assert_eq!(
            rows(&lines, 1),
            vec![
                vec!["Service", "Award", "Purpose"],
                vec![
                    "Peterborough\nRape Crisis",
                    "£33,883",
                    "Abuse workers\nroad service\npartnership\nfor victims"
                ],
                vec!["St Giles Trust", "720", "Crime"],
            ]
        );
    }

    #[test]
    fn cells_set_a_line_and_a_half_apart_interleave_and_stay_one_record() {
        // (xhtml2pdf sets 12 pt type 18 pt apart; the letters read the
        // size a little smaller: 10 pt here, lines 15.3 apart, half of it
        // where a label's lines sit between the purpose's, 23 pt between
        // records)
        let lines = [
            line(&["Measure", "Outcome", "Purpose"], 80.0),
            line(&["", "", "Hub partnership"], 103.0),
            line(&["", "", "service council"], 118.3),
            line(&["Cambridge", "", "community"], 133.6),
            line(&["", "140,887", ""], 141.25),
            line(&["Women's Aid", "", "families safety"], 148.9),
            line(&["", "", "community"], 164.2),
            line(&["Safer Streets", "728", "schools outreach"], 187.2),
        ];
        assert_eq!(
            rows(&lines, 1),
            vec![
                vec!["Measure", "Outcome", "Purpose"],
                vec![
                    "Cambridge\nWomen's Aid",
                    "140,887",
                    "Hub partnership\nservice council\ncommunity\nfamilies safety\ncommunity"
                ],
                vec!["Safer Streets", "728", "schools outreach"],
            ]
        );
    }

    #[test]
    fn double_spaced_cells_placed_exactly_interleave_and_stay_one_record() {
        // (fpdf2 sets a table's lines two sizes apart: 20 pt here, a label
        // wrapped round its figures half of it off the purpose's lines, and
        // 29 pt between records)
        let lines = [
            line(&["Measure", "Outcome", "Purpose"], 80.0),
            line(&["", "", "Hub partnership"], 100.0),
            line(&["Cambridge", "", ""], 110.0),
            line(&["", "140,887", "council community"], 120.0),
            line(&["Women's Aid", "", ""], 130.0),
            line(&["", "", "safety service"], 140.0),
            line(&["", "", "Prevention district"], 169.0),
            line(&["", "", "crime project"], 189.0),
            line(&["Safer Streets", "728", ""], 199.0),
            line(&["", "", "outreach fraud"], 209.0),
            line(&["", "", "council"], 229.0),
        ];
        assert_eq!(
            rows(&lines, 1),
            vec![
                vec!["Measure", "Outcome", "Purpose"],
                vec![
                    "Cambridge\nWomen's Aid",
                    "140,887",
                    "Hub partnership\ncouncil community\nsafety service"
                ],
                vec![
                    "Safer Streets",
                    "728",
                    "Prevention district\ncrime project\noutreach fraud\ncouncil"
                ],
            ]
        );
    }

    /// fpdf2's lines two sizes apart (20 pt), cells set at their rows' top,
    /// records `apart` pt apart, two of them wrapped.
    fn double_spaced_at_the_top(apart: f64) -> Vec<Vec<String>> {
        let mut lines = vec![line(&["Service", "Change", "Target"], 80.0)];
        let records = [
            (["Youth Service", "21.0%", "Problem domestic"], None),
            (
                ["Victim Support", "£76,732", "Cyber hub"],
                Some("victim local"),
            ),
            (["Rural Action", "996,852", "Outreach training"], None),
            (["Road Safety", "3.0%", "Support county"], Some("community")),
            (["Huntingdonshire", "328,160", "Speed solving"], None),
        ];
        let mut baseline = 80.0;
        for (cells, wrapped) in records {
            baseline += apart;
            lines.push(line(&cells, baseline));
            if let Some(text) = wrapped {
                baseline += 20.0;
                lines.push(line(&["", "", text], baseline));
            }
        }
        rows(&lines, 1)
    }

    #[test]
    fn double_spaced_cells_placed_exactly_at_their_rows_top_stay_one_record() {
        // (records 23 pt apart: a step up of 1.15 from the leading)
        let found = double_spaced_at_the_top(23.0);
        assert_eq!(found.len(), 6, "{found:?}");
        assert_eq!(
            found[2],
            ["Victim Support", "£76,732", "Cyber hub\nvictim local"]
        );
        assert_eq!(
            found[4],
            ["Road Safety", "3.0%", "Support county\ncommunity"]
        );
    }

    #[test]
    fn lines_evenly_double_spaced_are_each_a_record() {
        // (records as far apart as the wrapped lines: no leading to tell)
        assert_eq!(double_spaced_at_the_top(20.0).len(), 8);
    }

    #[test]
    fn records_a_fifth_further_apart_than_halves_a_little_uneven_are_no_leading() {
        // (Qt's WebKit: cells set at their middle, 8.6 pt type, 11 pt
        // leading, a label's lines 5.8 and 5.2 pt about its row's figures;
        // records' lines 13.2 pt apart, records of one line 19.6)
        let lines = [
            line(&["Measure", "Change", "Outcome"], 80.0),
            line(&["Rural Crime Action", "478", "Early road"], 99.6),
            line(&["Community Safety", "", ""], 112.85),
            line(&["", "-6.1%", "Fraud"], 118.61),
            line(&["Partnership", "", ""], 123.8),
            line(&["Rural Crime Action", "£49,635", "Problem"], 137.05),
            line(&["Cambridge Women's", "", ""], 150.3),
            line(&["", "£49,093", "District fraud"], 156.06),
            line(&["Aid", "", ""], 161.25),
            line(&["Red Hen Project", "26,459", "Hub"], 180.85),
        ];
        assert_eq!(
            rows(&lines, 1),
            vec![
                vec!["Measure", "Change", "Outcome"],
                vec!["Rural Crime Action", "478", "Early road"],
                vec!["Community Safety\nPartnership", "-6.1%", "Fraud"],
                vec!["Rural Crime Action", "£49,635", "Problem"],
                vec!["Cambridge Women's\nAid", "£49,093", "District fraud"],
                vec!["Red Hen Project", "26,459", "Hub"],
            ]
        );
    }

    #[test]
    fn records_a_fifth_further_apart_than_the_leading_part_where_cells_interleave() {
        // (LaTeX's m columns with rows stretched by a fifth: 12 pt leading,
        // half of it where a label sits between a purpose's lines, and
        // 14.3 pt between records, near twice the half too)
        let lines = [
            line(&["Service", "2023/24", "Target", "Award"], 80.0),
            line(&["", "", "Workers support safety", ""], 100.0),
            line(&["Red Hen Project", "442,312", "", "8.4%"], 106.0),
            line(&["", "", "safety victim local hub", ""], 112.0),
            line(
                &["Red Hen Project", "10.5%", "Fraud awareness", "181,432"],
                126.3,
            ),
            line(&["", "", "Solving council training", ""], 140.6),
            line(&["The Kite Trust", "604", "", "£64,674"], 146.6),
            line(&["", "", "workers solving", ""], 152.6),
            line(&["", "", "Safety community", ""], 166.9),
            line(&["", "", "casualty service", ""], 178.9),
            line(
                &["Peterborough Rape Crisis", "£53,678", "", "813,335"],
                184.9,
            ),
            line(&["", "", "reduction county", ""], 190.9),
            line(&["", "", "support", ""], 202.9),
            line(
                &["Youth Offending Service", "68.5%", "Rural fund", "£46,442"],
                217.2,
            ),
        ];
        let read = rows(&lines, 1);
        assert_eq!(read.len(), 6, "{read:?}");
        assert_eq!(
            read[4],
            vec![
                "Peterborough Rape Crisis",
                "£53,678",
                "Safety community\ncasualty service\nreduction county\nsupport",
                "813,335"
            ]
        );
    }

    /// Records set at their middle, their lines placed exactly at 13 pt
    /// (1.3 sizes, as Typst sets them), 14 pt apart: a purpose of three
    /// lines round its label, one of four interleaved with it, one of two.
    fn records_placed_exactly(gap: f64) -> Vec<TableLine> {
        let mut lines = vec![line(&["Service", "2023/24", "Purpose", "Award"], 80.0)];
        let mut top = 100.0;
        lines.push(line(&["", "", "Workers support", ""], top));
        lines.push(line(
            &["Red Hen Project", "442", "safety victim", "8.4%"],
            top + 13.0,
        ));
        lines.push(line(&["", "", "local hub", ""], top + 26.0));
        top += 26.0 + gap;
        lines.push(line(&["", "", "Fraud awareness", ""], top));
        lines.push(line(&["", "", "solving council", ""], top + 13.0));
        lines.push(line(&["The Kite Trust", "604", "", "£64,674"], top + 19.5));
        lines.push(line(&["", "", "training workers", ""], top + 26.0));
        lines.push(line(&["", "", "solving", ""], top + 39.0));
        top += 39.0 + gap;
        lines.push(line(&["", "", "Safety community", ""], top));
        lines.push(line(&["Victim Support", "53", "", "813"], top + 6.5));
        lines.push(line(&["", "", "casualty service", ""], top + 13.0));
        lines
    }

    #[test]
    fn records_placed_exactly_a_little_further_apart_than_the_leading_part() {
        // (14 pt about a leading of 13: a step of a thirteenth, where lines
        // rounded to a device's grid need a seventh)
        let read = rows(&records_placed_exactly(14.0), 1);
        assert_eq!(read.len(), 4, "{read:?}");
        assert_eq!(
            read[1],
            vec![
                "Red Hen Project",
                "442",
                "Workers support\nsafety victim\nlocal hub",
                "8.4%"
            ]
        );
        assert_eq!(
            read[2],
            vec![
                "The Kite Trust",
                "604",
                "Fraud awareness\nsolving council\ntraining workers\nsolving",
                "£64,674"
            ]
        );
    }

    #[test]
    fn records_placed_exactly_at_their_leading_with_no_step_stay_unparted() {
        // (records 13.1 pt apart about a leading of 13: no step)
        let read = rows(&records_placed_exactly(13.1), 1);
        assert_ne!(read.len(), 4, "{read:?}");
    }

    #[test]
    fn one_cell_wrapped_among_records_placed_exactly_shows_the_leading_once() {
        // (records 14 pt apart, set at their foot; one purpose wraps, its
        // first line 13 pt above its label, in lower case on neither line)
        let lines = [
            line(&["Recipient", "Change", "Target"], 80.0),
            line(&["Red Hen Project", "442", "Crime early"], 94.0),
            line(&["The Kite Trust", "604", "Awareness"], 108.0),
            line(&["Victim Support", "53", "Fund"], 122.0),
            line(&["", "", "Rural problem intervention"], 136.0),
            line(&["St Giles Trust", "996", "Awareness"], 149.0),
            line(&["Safer Streets", "17", "Support safety"], 163.0),
            line(&["Ormiston Families", "220", "Project"], 177.0),
        ];
        let read = rows(&lines, 1);
        assert_eq!(read.len(), 7, "{read:?}");
        assert_eq!(
            read[4],
            vec![
                "St Giles Trust",
                "996",
                "Rural problem intervention\nAwareness"
            ]
        );
    }

    #[test]
    fn top_set_records_placed_exactly_closer_than_their_leading_are_no_leading() {
        // (Typst's rows padded 3 pt round 10 pt capitals stand 12 pt apart,
        // closer than their cells' lines, 13: the narrower gaps, alike, are
        // the records', too tight for a leading; the lines that carry on a
        // cell in lower case join it)
        let lines = [
            line(&["Service", "2023/24", "Purpose"], 80.0),
            line(&["Red Hen Project", "442", "Support county"], 95.0),
            line(&["", "", "outreach work"], 108.0),
            line(&["The Kite Trust", "604", "Fraud awareness"], 120.0),
            line(&["", "", "solving council"], 133.0),
            line(&["Victim Support", "53", "Safety community"], 145.0),
            line(&["", "", "casualty service"], 158.0),
        ];
        let read = rows(&lines, 1);
        assert_eq!(read.len(), 4, "{read:?}");
        assert_eq!(
            read[2],
            vec!["The Kite Trust", "604", "Fraud awareness\nsolving council"]
        );
    }

    #[test]
    fn cells_of_many_lines_interleaved_round_one_figure_stay_one_record() {
        // cells set at the middle of their rows, each wrapped over a
        // different number of lines at 13 pt leading: their lines
        // interleave 6.5 pt apart, no line holds every column, and the
        // record's one figure stands alone on its line; records 20 pt apart
        let lines = [
            line(&["Partner", "Change", "Spend", "2022/23", "Notes"], 100.0),
            line(
                &["St Giles Trust", "183", "Early", "Hub fund", "Community"],
                122.0,
            ),
            line(&["", "", "Community", "", ""], 140.0),
            line(&["", "", "cyber", "", ""], 153.0),
            line(&["", "", "partnership", "", ""], 166.0),
            line(&["", "", "", "", "Families"], 172.5),
            line(&["Ormiston", "", "intervention", "Outreach", ""], 179.0),
            line(&["", "4.9%", "", "", "solving service"], 185.5),
            line(&["Families", "", "outreach", "awareness", ""], 192.0),
            line(&["", "", "", "", "early youth"], 198.5),
            line(&["", "", "training", "", ""], 205.0),
            line(&["", "", "workers", "", ""], 218.0),
            line(&["Safer Streets", "659", "Service", "Victim", "Hub"], 238.0),
        ];
        let rows = rows(&lines, 1);
        assert_eq!(rows.len(), 4, "{rows:?}");
        assert_eq!(
            rows[2],
            [
                "Ormiston\nFamilies",
                "4.9%",
                "Community\ncyber\npartnership\nintervention\noutreach\ntraining\nworkers",
                "Outreach\nawareness",
                "Families\nsolving service\nearly youth"
            ]
        );
    }

    #[test]
    fn a_lone_record_whose_cells_interleave_is_one_record() {
        // the part of a table on its last page: the head and one record
        // set at its middle, its lines 5 to 6 pt apart (10 pt type), as
        // close as lines of one row's cells interleave; there is no other
        // record to show the records' pitch by
        let lines = [
            line(&["Partner", "Change", "Spend", "Award"], 44.9),
            line(&["Community", "Local fraud", "", ""], 68.1),
            line(&["", "", "", "Outreach"], 74.1),
            line(&["Safety", "community", "691,847", ""], 79.4),
            line(&["", "", "", "rural"], 85.4),
            line(&["Partnership", "solving", "", ""], 90.6),
        ];
        assert_eq!(
            rows(&lines, 1),
            vec![
                vec!["Partner", "Change", "Spend", "Award"],
                vec![
                    "Community\nSafety\nPartnership",
                    "Local fraud\ncommunity\nsolving",
                    "691,847",
                    "Outreach\nrural"
                ],
            ]
        );
    }

    #[test]
    fn close_lines_under_a_line_heading_some_of_their_columns_stay_rows() {
        // the wrapped words of cells cut from their table, under one of the
        // cut cells' lines: nothing heads the figures' columns, so nothing
        // says these lines are one record
        let lines = [
            line(&["", "", "Problem", ""], 135.2),
            line(&["", "Service", "preventio", ""], 141.2),
            line(&["465", "", "", "451"], 147.2),
            line(&["", "district", "n", ""], 153.2),
        ];
        assert_eq!(rows(&lines, 1).len(), 4);
    }

    #[test]
    fn close_lines_with_no_header_over_them_stay_rows() {
        // boxes of prose side by side, each set at its middle: their lines
        // interleave as a record's cells would, but no header says they are
        // a table's
        let lines = [
            line(&["", "", "A partnership"], 124.5),
            line(&["", "All agencies", ""], 131.2),
            line(&["", "", "approach will be"], 138.7),
            line(&["Police", "coming into", ""], 146.2),
            line(&["", "", "taken that"], 153.0),
        ];
        assert_eq!(rows(&lines, 0).len(), 5);
    }

    #[test]
    fn lines_at_their_leading_between_wider_spaced_records_are_one_record() {
        // lines 12 pt apart inside a record, records 20 pt apart
        let lines = [
            line(&["Recipient", "Award", "Purpose"], 100.0),
            line(&["Youth Action", "48,250", "Detached youth workers"], 120.0),
            line(&["Trust", "", "in three wards"], 132.0),
            line(&["", "", "and their families"], 144.0),
            line(&["Victim Support", "12,000", "A support line"], 164.0),
            line(&["Safer Roads", "9,500", "Speed awareness"], 184.0),
        ];
        assert_eq!(
            rows(&lines, 1),
            vec![
                vec!["Recipient", "Award", "Purpose"],
                vec![
                    "Youth Action\nTrust",
                    "48,250",
                    "Detached youth workers\nin three wards\nand their families"
                ],
                vec!["Victim Support", "12,000", "A support line"],
                vec!["Safer Roads", "9,500", "Speed awareness"],
            ]
        );
    }

    #[test]
    fn close_lines_each_with_a_figure_in_one_column_are_records_of_their_own() {
        // rows sized for one line or two, their text on one line set at their
        // middle: 14.2 or 21.3 pt apart
        let lines = [
            line(&["Red Hen", "629", "Schools", "702"], 163.5),
            line(
                &["Youth Offending", "£67,562", "Outreach", "£69,980"],
                184.9,
            ),
            line(&["Safer Streets", "", "Support local", "236,431"], 199.1),
            line(&["Women's Aid", "682", "Cyber hub", "£13,711"], 220.5),
            line(&["Kite Trust", "23", "Outreach", "544,933"], 241.9),
            line(&["St Giles Trust", "558,886", "Workers", ""], 256.1),
            line(&["Fenland", "207", "Training", "811,810"], 277.4),
        ];
        assert_eq!(rows(&lines, 0).len(), 7);
        // a figure broken in a narrow column is one figure
        let broken = [
            line(&["Huntin", "£12,95", "Casual"], 100.0),
            line(&["", "0", "ty"], 111.0),
            line(&["Ely", "£1,200", "Speed"], 130.0),
        ];
        assert_eq!(
            rows(&broken, 0),
            vec![
                vec!["Huntin", "£12,95\n0", "Casual\nty"],
                vec!["Ely", "£1,200", "Speed"],
            ]
        );
    }

    #[test]
    fn records_further_apart_than_a_wrapped_lines_reach_still_part_from_the_leading() {
        // cells set at the foot of their rows: a cell's lines 11.3 pt apart,
        // records 14.3 or 15.4 pt (past 1.5 em), rows sized for two lines
        // whose text takes one 26.7 pt
        let lines = [
            line(&["St Giles", "74.4%", "Casualty"], 171.2),
            line(&["", "", "Hub partnership"], 186.6),
            line(&["Rural Crime", "302", "district"], 197.9),
            line(&["", "", "Workers community"], 213.3),
            line(&["Rural Crime", "838", "awareness"], 224.5),
            line(&["Victim Support", "21.1%", "Local fund"], 251.2),
            line(&["", "", "Early community"], 265.5),
            line(&["Huntingdon", "9.3%", "county"], 276.8),
            line(&["March", "12", "Training"], 291.1),
        ];
        assert_eq!(
            rows(&lines, 0),
            vec![
                vec!["St Giles", "74.4%", "Casualty"],
                vec!["Rural Crime", "302", "Hub partnership\ndistrict"],
                vec!["Rural Crime", "838", "Workers community\nawareness"],
                vec!["Victim Support", "21.1%", "Local fund"],
                vec!["Huntingdon", "9.3%", "Early community\ncounty"],
                vec!["March", "12", "Training"],
            ]
        );
    }

    #[test]
    fn rows_taller_than_their_text_leave_the_records_own_spacing_apart_from_the_leading() {
        // cells set at the top of their rows: lines 11.2 pt apart inside a
        // record, records 14.3 pt apart, and rows sized for two lines whose
        // text fits on one, 25.5 pt down to the next
        let lines = [
            line(&["Rural Crime", "996", "Outreach"], 193.0),
            line(&["Road Safety", "", "Support county"], 218.5),
            line(&["", "", "safety support"], 229.7),
            line(&["Community", "", "Abuse awareness"], 244.0),
            line(&["", "", "families hub"], 255.2),
            line(&["Huntingdon", "43", "Speed checks"], 269.5),
            line(&["March", "12", "Training"], 295.0),
        ];
        assert_eq!(
            rows(&lines, 0),
            vec![
                vec!["Rural Crime", "996", "Outreach"],
                vec!["Road Safety", "", "Support county\nsafety support"],
                vec!["Community", "", "Abuse awareness\nfamilies hub"],
                vec!["Huntingdon", "43", "Speed checks"],
                vec!["March", "12", "Training"],
            ]
        );
    }
    #[test]
    fn a_name_set_above_and_below_its_row_joins_it() {
        // a cell centred on its row: one line above the row's figures, one below
        let lines = [
            line(&["Alpha", "10"], 100.0),
            line(&["Regional pulmonary", ""], 120.0),
            line(&["and sleep", "20"], 132.0),
            line(&["medicine", ""], 144.0),
            line(&["Gamma", "30"], 164.0),
        ];
        let rows = rows(&lines, 0);
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert_eq!(
            rows[1],
            vec!["Regional pulmonary\nand sleep\nmedicine", "20"]
        );
    }

    #[test]
    fn a_figure_between_a_label_and_a_text_each_wrapped_round_it_is_one_record() {
        // the label and the purpose each on two lines, the award on the line
        // between them; two lines of one figure each are two records
        let lines = [
            line(&["Recipient", "Award", "Purpose"], 100.0),
            line(&["Community Safety", "", "Local problem solving"], 120.0),
            line(&["", "85,000", ""], 126.0),
            line(&["Partnership", "", "projects each year"], 132.0),
            line(&["", "1,200", ""], 152.0),
            line(&["", "900", ""], 158.0),
            line(&["Road Safety", "30,000", "Speed awareness"], 178.0),
        ];
        assert_eq!(
            rows(&lines, 1),
            vec![
                vec!["Recipient", "Award", "Purpose"],
                vec![
                    "Community Safety\nPartnership",
                    "85,000",
                    "Local problem solving\nprojects each year"
                ],
                vec!["", "1,200", ""],
                vec!["", "900", ""],
                vec!["Road Safety", "30,000", "Speed awareness"],
            ]
        );
    }

    #[test]
    fn a_name_and_a_purpose_wrapped_round_their_figures_at_different_heights_are_one_record() {
        // set at the middle of the row: the purpose on three lines, the name
        // on two, the figures on the purpose's middle line
        let lines = [
            line(&["Partner", "Award", "Purpose"], 100.0),
            line(&["", "", "Prevention schools"], 120.0),
            line(&["Road Safety", "", ""], 126.0),
            line(&["", "102,088", "district community"], 132.0),
            line(&["Partnership", "", ""], 138.0),
            line(&["", "", "youth safety"], 144.0),
            line(&["Safer Streets", "35,960", "Workers"], 164.0),
        ];
        assert_eq!(
            rows(&lines, 1)[1],
            vec![
                "Road Safety\nPartnership",
                "102,088",
                "Prevention schools\ndistrict community\nyouth safety"
            ]
        );
    }

    #[test]
    fn evenly_spaced_full_lines_stay_rows() {
        let lines: Vec<TableLine> = (0..6)
            .map(|i| line(&["Name", "Party", "Province"], 100.0 + 12.0 * i as f64))
            .collect();
        assert_eq!(rows(&lines, 0).len(), 6);
    }

    #[test]
    fn close_lines_of_two_records_stay_apart() {
        // two full lines in one close group (a section set apart by space above it)
        let lines = [
            line(&["Robbery", "749"], 100.0),
            line(&["Burglary", "2,010"], 112.0),
            line(&["Theft", "18,054"], 124.0),
            line(&["Fraud", "1,203"], 150.0),
        ];
        assert_eq!(rows(&lines, 0).len(), 4);
    }

    #[test]
    fn in_a_table_set_solid_a_sentence_carried_on_in_lower_case_joins_its_cell() {
        let lines = [
            line(&["Indicator", "2019", "2020"], 100.0),
            line(&["All recorded crime", "61,204", "58,977"], 112.0),
            line(
                &["Percentage of victims satisfied with", "79%", "83%"],
                124.0,
            ),
            line(&["the service they received", "", ""], 136.0),
            line(&["Burglary", "2,315", "2,016"], 148.0),
            // a label row between rows of figures is not carried on: capitalised
            line(&["Other crime", "", ""], 160.0),
            line(&["Fraud", "812", "905"], 172.0),
        ];
        let rows = rows(&lines, 1);
        assert_eq!(
            rows[2],
            vec![
                "Percentage of victims satisfied with\nthe service they received",
                "79%",
                "83%"
            ]
        );
        assert_eq!(rows.len(), 6, "{rows:?}");
        assert_eq!(rows[4], vec!["Other crime", "", ""]);
    }

    #[test]
    fn header_lines_stay_rows_of_their_own() {
        let lines = [
            line(&["Partner", "Allocation", "Purpose"], 100.0),
            line(&["", "(£)", ""], 112.0),
            line(&["Youth Trust", "48,250", "Youth workers"], 132.0),
            line(&["Victim Support", "12,000", "A support line"], 152.0),
        ];
        assert_eq!(rows(&lines, 2).len(), 4);
    }

    #[test]
    fn a_record_with_its_figures_left_empty_keeps_its_wrapped_lines() {
        // records of two lines at a 14 pt leading, 22 pt apart, set at
        // their foot; the second's figure left empty, its label and purpose
        // each wrapped in the same columns
        let lines = [
            line(&["Recipient", "Award", "Purpose"], 80.0),
            line(&["Peterborough Rape", "", "District early"], 102.0),
            line(&["Crisis", "371", "outreach safety"], 116.0),
            line(&["Community Safety", "", "Safety community"], 138.0),
            line(&["Partnership", "", "prevention hub"], 152.0),
            line(&["Road Safety", "", "Local cyber"], 174.0),
            line(&["Partnership", "976", "training"], 188.0),
        ];
        let rows = rows(&lines, 1);
        assert_eq!(rows.len(), 4, "{rows:?}");
        assert_eq!(
            rows[2],
            [
                "Community Safety\nPartnership",
                "",
                "Safety community\nprevention hub"
            ]
        );
    }
}
