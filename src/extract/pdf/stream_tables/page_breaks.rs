//! Tables that run over a page break: the rows the break carries to the
//! top of the next page (`continuation`), a table found there read as the
//! body of the one it carries on (`as_carried_body`), or in its columns when
//! narrower (`in_running_columns`), and the rest of a row the break cut
//! (`carried_cell_lines`).

use super::*;
use crate::extract::pdf::holds_data;

/// The last rows of a table that a page break carried over to the top of the
/// next page, too few to be found as a table on their own: from the top of
/// the page (past a running header's line), the lines of several chunks, as
/// many as the table has columns at most, each close below the one before
/// (a cell's wrapped line among them), read as the table read them, divided
/// where its columns divide (`bounds`) and the leading its cells' lines
/// stand at (`leading`) when those are known. Only a table of `columns`
/// columns is the continuation.
pub fn continuation(
    page: &PageContent,
    taken: &[bool],
    fonts: &[FontStyle],
    shape: &RunningShape,
    header_words: &[&str],
    s: &StreamSettings,
) -> Option<FoundTable> {
    let RunningShape {
        columns,
        bounds,
        leading,
        x_range,
        row_gap,
    } = *shape;
    let rows = free_rows(page, taken, fonts, s);
    // (a running header: a line of one chunk at the page's top, or a line
    // there across the table's columns standing apart from the lines below
    // it, further than rows stand apart, as a title and a page number set
    // at either end of the line stand; a row carried stands in the columns)
    let gap_under = |k: usize| rows.get(k + 1).map(|next| next.baseline - rows[k].baseline);
    let across_the_columns = |row: &Row| {
        bounds.is_some_and(|b| {
            row.chunks
                .iter()
                .any(|c| column_at(b, c.x0) != column_at(b, c.x1))
        })
    };
    // (but not a cell's first line, set at its record's middle and wrapped
    // round the record's line below)
    let running_header = |k: usize| {
        let row: &Row = &rows[k];
        let apart = across_the_columns(row)
            && gap_under(k).is_none_or(|gap| gap > s.max_row_gap * row.size);
        (row.chunks.len() < 2 || apart)
            && row.baseline < s.running_header_zone * page.height
            && !line_of_a_middle_cell(&rows, k, s)
    };
    let start = (0..rows.len()).take_while(|&k| running_header(k)).count();
    // (past the table's head, when the page repeats it)
    let start = start + lines_repeating_the_head(&rows[start..], header_words, s.max_header_rows);
    // (a row of one cell's text is a row of the table where it is drawn
    // boxed as the table's cells are: a label whose other cells are empty)
    let cells = |row: &Row| {
        (2..=columns).contains(&row.chunks.len())
            || (row.chunks.len() == 1 && boxed_as_cells(page, x_range, columns, row, s))
    };
    // (a record set at its middle opens with its cells' first lines, each
    // of one chunk, a line's leading or less apart above its row of cells)
    let opens_a_record = |k: usize| {
        let mut line = k;
        while line + 1 < rows.len().min(k + MAX_RECORD_LINES) && rows[line].chunks.len() == 1 {
            let next = &rows[line + 1];
            if next.baseline - rows[line].baseline > s.wrap_leading * rows[line].size {
                return false;
            }
            if cells(next) {
                return true;
            }
            line += 1;
        }
        false
    };
    let mut end = start;
    while end < rows.len() {
        let row = &rows[end];
        // (a cell's line may carry on the line two rows up, past a row of
        // the record's other cells set at its middle between them)
        let wrapped = (1..=2)
            .filter(|&back| end >= start + back)
            .any(|back| carries_on_at_leading(&rows, (end, back), leading, s));
        // (as far apart as the table's lines stood on the page before, too)
        let close = end == start || {
            let gap = row.baseline - rows[end - 1].baseline;
            gap <= s.max_row_gap * rows[end - 1].size
                || row_gap.is_some_and(|widest| gap <= widest + ROW_GAP_SLACK)
        };
        if !close || (end > start && note_at_the_margin(&rows[start..end], row, s)) {
            break;
        }
        if cells(row) || wrapped || opens_a_record(end) {
            end += 1;
        } else if let Some(past) = bounds.and_then(|b| record_of_single_lines(&rows, end, b, s)) {
            end = past;
        } else {
            break;
        }
    }
    if end == start {
        return None;
    }
    let chunks = rows[start..end].iter().flat_map(|r| &r.chunks);
    let area = enclosing(chunks.map(|c| [c.x0, c.top, c.x1, c.bottom]));
    let glyph_ids = free_glyphs_in(page, taken, area);
    let region: Vec<&Glyph> = glyph_ids.iter().map(|&i| &page.glyphs[i]).collect();
    let Laid {
        bbox, mut table, ..
    } = grid_layout(
        &region,
        fonts,
        &page.fills,
        (
            bounds,
            Some(CarriedOn {
                leading,
                head_repeated: false,
            }),
            &[],
        ),
        s,
    )?;
    if bounds.is_some() {
        // (the columns past the last one with text are the table's too)
        for row in &mut table.rows {
            row.resize_with(columns.max(row.len()), || Cell::new(""));
        }
    }
    (table.rows.first().map(Vec::len) == Some(columns)).then_some(FoundTable {
        bbox,
        table,
        glyphs: glyph_ids,
    })
}

/// Whether row `k` carries on a cell of the row `back` rows above it
/// (`continues_a_cell`) at the `leading` of the table it carries on, where
/// that is wider than a line's (double-spaced); past a row set halfway
/// between them, half that leading off each, as the table's lines stood,
/// at twice it.
fn carries_on_at_leading(
    rows: &[Row],
    (k, back): (usize, usize),
    leading: Option<f64>,
    s: &StreamSettings,
) -> bool {
    let row = &rows[k];
    let halfway = back == 2 && {
        let (over, under) = (
            rows[k - 1].baseline - rows[k - 2].baseline,
            row.baseline - rows[k - 1].baseline,
        );
        (over - under).abs() <= s.pitch_tolerance * over.max(under)
    };
    let lines = if halfway { 2.0 } else { 1.0 };
    let at_leading = StreamSettings {
        wrap_leading: leading.map_or(s.wrap_leading, |l| {
            s.wrap_leading
                .max(lines * l * (1.0 + s.leading_tolerance) / row.size)
        }),
        ..s.clone()
    };
    continues_a_cell(&rows[k - back], row, &at_leading)
}

/// How much further apart (pt) than the table's lines stood on the page
/// before its rows carried over may stand: a hair, as rounding sets them.
const ROW_GAP_SLACK: f64 = 0.5;

/// What is known of a table that runs on from the page before: how many
/// columns it has, where they divide (when known), the leading its cells'
/// lines stand at (when known), and how far across the page it reaches.
#[derive(Debug, Clone, Copy)]
pub struct RunningShape<'b> {
    pub columns: usize,
    pub bounds: Option<&'b [f64]>,
    pub leading: Option<f64>,
    pub x_range: (f64, f64),
    /// The widest gap between two of its lines on the page before (pt).
    pub row_gap: Option<f64>,
}

/// Whether `row` is drawn as a row of a table of `columns` columns across
/// `x_range`: ruled round, with a rule down each side of each cell through
/// its letters.
fn boxed_as_cells(
    page: &PageContent,
    x_range: (f64, f64),
    columns: usize,
    row: &Row,
    s: &StreamSettings,
) -> bool {
    let (top, bottom) = (row.baseline - s.letter_height * row.size, row.baseline);
    let mut sides: Vec<f64> = page
        .segments
        .iter()
        .filter(|sg| sg.x1 - sg.x0 < 1.0 && sg.top < top && sg.bottom > bottom)
        .map(|sg| (sg.x0 + sg.x1) / 2.0)
        .filter(|&x| x > x_range.0 - SIDE_REACH && x < x_range.1 + SIDE_REACH)
        .collect();
    sides.sort_by(f64::total_cmp);
    // (a cell's side drawn twice, by the cells on either side, is one)
    sides.dedup_by(|b, a| *b - *a < 1.0);
    sides.len() == columns + 1 && ruled_round(page, x_range, (row, row), s)
}

/// How far (pt) outside a table's text a rule down its side may stand
/// (its cells' padding).
const SIDE_REACH: f64 = 12.0;

/// A table found at the top of a page, read again as the body of the table
/// it carries on from the page before (whose cells' lines stand at
/// `leading`, when known): the lines above its first line of figures are
/// its first record's, not a header (a record set at its middle opens with
/// its longer cells' first lines). Only an unruled table read line by line
/// is read again: one its glyphs, so laid out, read as found. The glyphs
/// `left_out` (the rest of the page before's last row, which goes back
/// there) are left out of it. None when reading it again changes its
/// columns.
pub fn as_carried_body(
    page: &PageContent,
    found: &FoundTable,
    fonts: &[FontStyle],
    (leading, left_out): (Option<f64>, &[usize]),
) -> Option<FoundTable> {
    read_as_carried_on(page, found, fonts, (leading, left_out), false)
}

/// A table found at the top of a page under the head of the table it
/// carries on from the page before, repeated: its records read again at
/// that table's `leading` (a lone record under the head shows no leading
/// of its own, and its cells' lines would each be a row), the glyphs
/// `left_out` left out. None as for `as_carried_body`.
pub fn under_repeated_head(
    page: &PageContent,
    found: &FoundTable,
    fonts: &[FontStyle],
    (leading, left_out): (Option<f64>, &[usize]),
) -> Option<FoundTable> {
    read_as_carried_on(page, found, fonts, (leading, left_out), true)
}

fn read_as_carried_on(
    page: &PageContent,
    found: &FoundTable,
    fonts: &[FontStyle],
    (leading, left_out): (Option<f64>, &[usize]),
    head_repeated: bool,
) -> Option<FoundTable> {
    let s = StreamSettings::default();
    let region: Vec<&Glyph> = found.glyphs.iter().map(|&i| &page.glyphs[i]).collect();
    let as_found = grid_layout(&region, fonts, &page.fills, (None, None, &[]), &s)?;
    if as_found.table.rows != found.table.rows {
        return None;
    }
    let glyphs = glyphs_but(found, left_out);
    let region: Vec<&Glyph> = glyphs.iter().map(|&i| &page.glyphs[i]).collect();
    let carried_on = Some(CarriedOn {
        leading,
        head_repeated,
    });
    let laid = grid_layout(&region, fonts, &page.fills, (None, carried_on, &[]), &s)?;
    let width = |t: &Table| t.rows.first().map(Vec::len);
    if head_repeated && laid.table.header_rows != found.table.header_rows {
        return None;
    }
    (width(&laid.table) == width(&found.table)).then(|| read_again(found, laid, glyphs, left_out))
}

/// The glyphs of a table `found` but those `left_out` (the rest of the page
/// before's last row).
fn glyphs_but(found: &FoundTable, left_out: &[usize]) -> Vec<usize> {
    found
        .glyphs
        .iter()
        .copied()
        .filter(|g| !left_out.contains(g))
        .collect()
}

/// A table `found` read again (`laid`, from its `glyphs`, those `left_out`
/// aside): where it lies stays as found, to the foot of its last row, but
/// for the lines left out above.
fn read_again(
    found: &FoundTable,
    laid: Laid,
    glyphs: Vec<usize>,
    left_out: &[usize],
) -> FoundTable {
    let mut bbox = found.bbox;
    if !left_out.is_empty() {
        bbox[1] = laid.bbox[1];
    }
    FoundTable {
        bbox,
        table: laid.table,
        glyphs,
    }
}

/// A table found at the top of a page, narrower than the table it carries
/// on from the page before (`columns` of them, divided at `bounds`, across
/// `x_range`): its columns are some of that table's, those its rows leave
/// empty on this page gone. Read again in that table's columns, at its
/// `leading`, all its body, the glyphs `left_out` (the rest of the page
/// before's last row) left out. None where it lies outside that table's
/// extent, or reads into other columns than that table's.
pub fn in_running_columns(
    page: &PageContent,
    found: &FoundTable,
    fonts: &[FontStyle],
    shape: &RunningShape,
    left_out: &[usize],
) -> Option<FoundTable> {
    let RunningShape {
        columns,
        bounds,
        leading,
        x_range,
        ..
    } = *shape;
    let bounds = bounds?;
    let s = StreamSettings::default();
    // (a column's gap past either side, as a wider cell may stand)
    let size = found
        .glyphs
        .iter()
        .map(|&i| page.glyphs[i].size)
        .fold(0.0, f64::max);
    let slack = s.column_gap * size;
    if found.bbox[0] < x_range.0 - slack || found.bbox[2] > x_range.1 + slack {
        return None;
    }
    let carried_on = Some(CarriedOn {
        leading,
        head_repeated: false,
    });
    let lay_out = |glyphs: &[usize]| {
        let region: Vec<&Glyph> = glyphs.iter().map(|&i| &page.glyphs[i]).collect();
        grid_layout(
            &region,
            fonts,
            &page.fills,
            (Some(bounds), carried_on, &[]),
            &s,
        )
    };
    // (read whole in the table's columns, its rows are its own, the
    // columns its rows leave empty put back between its cells)
    let filled = |rows: &[Vec<Cell>]| -> Vec<Vec<String>> {
        let text = |c: &Cell| crate::extract::html::normalise_space(&c.text);
        rows.iter()
            .map(|r| r.iter().map(text).filter(|t| !t.is_empty()).collect())
            .collect()
    };
    if filled(&lay_out(&found.glyphs)?.table.rows) != filled(&found.table.rows) {
        return None;
    }
    let glyphs = glyphs_but(found, left_out);
    let mut laid = lay_out(&glyphs)?;
    // (the columns past the last one with text are the table's too)
    for row in &mut laid.table.rows {
        row.resize_with(columns.max(row.len()), || Cell::new(""));
    }
    (laid.table.rows.first().map(Vec::len) == Some(columns))
        .then(|| read_again(found, laid, glyphs, left_out))
}

/// Where a record ends, from row `k`, whose every line holds one chunk:
/// its cells set round its middle (a figure alone between its label's two
/// lines), the lines a line's leading or less apart, in two of the table's
/// columns (divided at `bounds`) at least, and the row after them further
/// off.
fn record_of_single_lines(
    rows: &[Row],
    k: usize,
    bounds: &[f64],
    s: &StreamSettings,
) -> Option<usize> {
    let past = single_lines_end(rows, k, s);
    let column_of = |c: &Line| column_at(bounds, c.x0);
    let columns: HashSet<usize> = rows[k..past]
        .iter()
        .map(|r| column_of(&r.chunks[0]))
        .collect();
    (columns.len() >= 2 && stands_apart_above(rows, past, s)).then_some(past)
}

/// The column, of those `bounds` divide, that `x` stands in.
pub fn column_at(bounds: &[f64], x: f64) -> usize {
    bounds.iter().filter(|b| **b <= x).count()
}

/// How many of the first rows (`most` at most) repeat a table's head
/// (`header_words`, each word as often as the head has it): the lines of
/// the head a page repeats over the table's next part. A line after them
/// that holds a word of the head ("Service" under a head "Service | Target",
/// the rest of a cut row's label) is no more of it once the head's words
/// are used up; a line that holds one word of a head of several is no head
/// repeated but such a label's line, on a page that does not repeat it.
fn lines_repeating_the_head(rows: &[Row], header_words: &[&str], most: usize) -> usize {
    let mut left: Vec<&str> = header_words.to_vec();
    let lines = rows
        .iter()
        .take(most)
        .take_while(|r| {
            r.chunks
                .iter()
                .flat_map(|c| c.text.split_whitespace())
                .all(|w| match left.iter().position(|h| *h == w) {
                    Some(at) => {
                        left.swap_remove(at);
                        true
                    }
                    None => false,
                })
        })
        .count();
    let used: usize = rows[..lines]
        .iter()
        .flat_map(|r| &r.chunks)
        .map(|c| c.text.split_whitespace().count())
        .sum();
    if used >= header_words.len().min(2) {
        lines
    } else {
        0
    }
}

/// The table a page break cuts: where it lies across the page, the size of
/// its type, where its columns divide, which cells of its last row are
/// empty, and the words of its header (which the next page may repeat).
pub struct CutTable<'a> {
    pub x_range: (f64, f64),
    pub size: f64,
    pub bounds: &'a [f64],
    pub empty_cells: Vec<bool>,
    pub header_words: Vec<&'a str>,
    /// Per column, how much wider than the cut row's last line there a line
    /// of the column runs (empty when unknown).
    pub room: &'a [f64],
    /// The colour the cut row is filled with under its last line, if any.
    pub fill: Option<[u8; 3]>,
    /// Whether its cells' lines wrap: its records stand further apart than
    /// a leading its lines show.
    pub wraps: bool,
    /// The last line of each cell of the cut row.
    pub last_lines: Vec<&'a str>,
}

/// The colour of the fill painted last under `point`, if any.
pub fn fill_at(page: &PageContent, point: (f64, f64)) -> Option<[u8; 3]> {
    colours_at(&page.fills, point).last()
}

/// The rest of a table's last row that a page break carried over to the top
/// of the next page (a word processor breaks a tall row across pages): its
/// cells' last lines, "Action" under "Rural Crime" on the page before, below
/// the table's header when the page repeats it. They are set in the table's
/// type (not in bold, as a heading over the next table is), at a cell's
/// leading, each chunk within one of its columns (a cell the cut row leaves
/// empty too: a layout engine may move a cell that does not fit whole to
/// the next page, leaving the rest of the row), no figure among them
/// (figures do not wrap), on the fill the cut row's last line stands on
/// (rows striped in turn alternate it); a line of
/// several chunks carries on a sentence (one starts in lower case), where a
/// row of words would start each cell with a capital. A row of the table's
/// columns follows, a row's padding below (its first line may hold one
/// chunk, a label set at its row's foot, down to its line of several).
/// Their text by column, as many columns as `bounds` divide, and their glyphs.
pub fn carried_cell_lines(
    page: &PageContent,
    fonts: &[FontStyle],
    cut: &CutTable,
    s: &StreamSettings,
) -> Option<(Vec<String>, Vec<usize>)> {
    let taken = vec![false; page.glyphs.len()];
    let rows = free_rows(page, &taken, fonts, s);
    let column_of = |c: &Line| column_at(cut.bounds, c.x0);
    // (a cell of the last column may run wider here than it did above)
    let within_a_column = |c: &Line| {
        c.x0 >= cut.x_range.0 - 1.0
            && c.x0 < cut.x_range.1
            && !cut.bounds.iter().any(|b| c.x0 < *b && c.x1 > *b)
    };
    let carries_on = |c: &Line| {
        within_a_column(c) && s.one_size(cut.size, c.size) && !c.bold && !holds_data(&c.text)
    };
    // (a cell the cut row leaves empty went on to the next page whole, if
    // at all: its first line starts with a capital; a row with no label
    // left its label so)
    let in_an_empty_cell = |c: &Line| cut.empty_cells.get(column_of(c)) == Some(&true);
    let label_moved = cut.empty_cells.first() == Some(&true);
    let sentence_goes_on = |r: &Row| {
        r.chunks.len() == 1
            || r.chunks.iter().all(in_an_empty_cell)
            || r.chunks
                .iter()
                .any(|c| c.text.chars().next().is_some_and(char::is_lowercase))
    };
    let start = lines_repeating_the_head(&rows, &cut.header_words, s.max_header_rows);
    let mut end = start;
    while end < rows.len().min(start + MAX_RECORD_LINES) {
        let row = &rows[end];
        // (a rule between two lines ends the cell they carry on)
        let close = end == start
            || (row.baseline - rows[end - 1].baseline <= s.wrap_leading * row.size
                && !ruled_between(page, cut.x_range, rows[end - 1].baseline, row));
        if !(close && row.chunks.iter().all(carries_on) && sentence_goes_on(row)) {
            break;
        }
        end += 1;
    }
    // (each column's first line carried on a line the break cut: its first
    // word had not fitted on that line, or it would be there; where it
    // would have, it starts a row of its own, a label whose figures are
    // left empty)
    let carried: Vec<&Line> = rows[start..end].iter().flat_map(|r| &r.chunks).collect();
    let mut seen = vec![false; cut.bounds.len() + 1];
    for &line in &carried {
        let column = column_of(line);
        if std::mem::replace(&mut seen[column], true) {
            continue;
        }
        // (a cell the cut row leaves empty had no line cut, and no room left)
        let room = match cut.empty_cells.get(column) {
            Some(true) => 0.0,
            _ => cut.room.get(column).copied().unwrap_or(0.0),
        };
        if first_word_set_width(page, line) + WORD_SPACE * line.size < room - 1.0 {
            return None;
        }
    }
    // (the next row is the table's: its lines in its columns, down to one
    // of several chunks, not a new table's head; and it is set apart from
    // the lines by more than their leading, as rows are padded apart (the
    // cut cell's padding and the next row's, as far as records stand
    // apart): a label set at its row's middle or foot has lines above its
    // figures at the leading. Or no table row follows: the lines end the
    // table, the rest of its last row, ruled round in a band at the top of
    // the page, or under the head repeated)
    if end == start {
        return None;
    }
    // (in a ruled table, a rule between them is the row's foot, however
    // close, when the lines plainly carry a cell on: a sentence in lower
    // case, text past the label column, or the cells a cut row with no
    // label left empty; a label alone at the top of the page may be a row
    // of its own, its other cells empty)
    let plainly_carried = (label_moved && carried.iter().all(|c| in_an_empty_cell(c)))
        || carried
            .iter()
            .any(|c| column_of(c) > 0 || c.text.chars().next().is_some_and(char::is_lowercase));
    // (nor does a label alone carry on a row of a table whose cells do not
    // wrap: its label column had room for every label but the one cut)
    if !cut.wraps && !plainly_carried {
        return None;
    }
    // (rows striped in turn: a line filled otherwise than the cut row's
    // last line is the next row's)
    let first = &rows[start].chunks[0];
    let centre = (
        (first.x0 + first.x1) / 2.0,
        (first.top + first.bottom) / 2.0,
    );
    if fill_at(page, centre) != cut.fill {
        return None;
    }
    let table_follows = rows[end..]
        .iter()
        .take(MAX_RECORD_LINES)
        .any(|r| r.chunks.len() >= 2 && r.chunks.iter().all(within_a_column));
    // (or, under the head repeated, or plainly going on from the cut row's
    // cells' last lines, set apart from any line below them: the table ends
    // with them)
    let last = &rows[end - 1];
    let ends_apart = rows
        .get(end)
        .is_none_or(|r| r.baseline - last.baseline > s.wrap_leading * last.size);
    let ends_under_head = start > 0 && ends_apart;
    let ends_the_cut_cells = ends_apart && carries_on_the_cut_cells(&rows[start..end], cut);
    // (or the lines of cells that wrap, each going on in a cell the cut
    // row has text in, where its word had no room on the cut line, over a
    // line in another size however close: a note under the table, set in
    // its own type, as close as the table's rows stand; a line in the
    // table's type alone may be that note)
    let over_a_note = rows.get(end).is_some_and(|r| {
        !s.one_size(cut.size, r.size) && r.baseline - last.baseline <= s.max_row_gap * last.size
    });
    let ends_wrapped_cells =
        over_a_note && cut.wraps && !carried.iter().any(|c| in_an_empty_cell(c));
    if !table_follows
        && (ends_under_head
            || ends_the_cut_cells
            || ends_wrapped_cells
            || ruled_round(page, cut.x_range, (&rows[start], last), s))
    {
        return Some(lines_by_column(page, &taken, &rows[start..end], cut));
    }
    let next = rows.get(end)?;
    // (a label, flush with the table's left edge, may run past the bound
    // the page before's labels set, midway to the next column's text,
    // short of the row's next chunk)
    let in_its_columns = |r: &Row| {
        let label_past_its_bound = |k: usize| {
            let c = &r.chunks[k];
            k == 0
                && (c.x0 - cut.x_range.0).abs() <= 1.0
                && r.chunks.get(1).is_none_or(|next| column_of(next) > 0)
        };
        r.chunks.len() <= cut.bounds.len() + 1
            && (0..r.chunks.len()).all(|k| within_a_column(&r.chunks[k]) || label_past_its_bound(k))
    };
    let next_lines = &rows[end..rows.len().min(end + MAX_RECORD_LINES)];
    let several = next_lines.iter().position(|r| r.chunks.len() >= 2)?;
    let gap = next.baseline - rows[end - 1].baseline;
    // (in a ruled table, a rule between them is the row's foot, however
    // close, when the lines plainly carry a cell on)
    let ruled_off =
        plainly_carried && ruled_between(page, cut.x_range, rows[end - 1].baseline, next);
    if !next_lines[..=several].iter().all(in_its_columns)
        || gap > s.max_spaced_row_gap * next.size
        || (gap <= s.wrap_leading * next.size && !ruled_off)
    {
        return None;
    }
    Some(lines_by_column(page, &taken, &rows[start..end], cut))
}

/// How wide `line`'s first word is set on `page`: from the line's left
/// edge to the right of the word's last glyph. (Measured by its share of
/// the line's letters it may come out a few points narrower, as "community"
/// in "community hub" does by 2.4 pt: enough to read a word that had no room
/// on the line before as one that had.) The share where the glyphs do not
/// show it.
fn first_word_set_width(page: &PageContent, line: &Line) -> f64 {
    let Some(word) = line.text.split_whitespace().next() else {
        return 0.0;
    };
    let letters = word.chars().count();
    let mut glyphs: Vec<&Glyph> = page
        .glyphs
        .iter()
        .filter(|g| {
            let area = [line.x0, line.top, line.x1, line.bottom];
            super::super::tables::box_holds(area, g.centre()) && !g.text.trim().is_empty()
        })
        .collect();
    glyphs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let mut seen = 0;
    for g in glyphs {
        seen += g.text.chars().count();
        if seen >= letters {
            return g.x1 - line.x0;
        }
    }
    first_word_width(line)
}

/// Whether each column's first carried line (of `lines`) goes on from its
/// cell's last line in the cut row, as `broken_words::broken_at_the_break`
/// tells: the rest of a figure or a word the break cut ("communit" over
/// "y"), or a cell's words going on in a small letter after a word alone
/// on its line; or, where the room the cut line left is known (and its
/// first word had none, see `carried_cell_lines`), a sentence the cut line
/// leaves unfinished going on in a small letter ("Training awareness"
/// over "hub problem").
fn carries_on_the_cut_cells(lines: &[Row], cut: &CutTable) -> bool {
    let mut seen = vec![false; cut.bounds.len() + 1];
    lines.iter().flat_map(|r| &r.chunks).all(|line| {
        let column = column_at(cut.bounds, line.x0);
        let room_known = || cut.room.get(column).is_some_and(|&room| room > 0.0);
        std::mem::replace(&mut seen[column], true)
            || cut.last_lines.get(column).is_some_and(|head| {
                super::super::broken_words::broken_at_the_break(head, &line.text).is_some()
                    || (room_known()
                        && super::super::wrapped_cells::carries_on_a_sentence(head, &line.text))
            })
    })
}

/// The carried lines' text by column (as many columns as `cut.bounds`
/// divide) and their glyphs.
fn lines_by_column(
    page: &PageContent,
    taken: &[bool],
    lines: &[Row],
    cut: &CutTable,
) -> (Vec<String>, Vec<usize>) {
    let column_of = |c: &Line| column_at(cut.bounds, c.x0);
    let mut cells = vec![String::new(); cut.bounds.len() + 1];
    for line in lines.iter().flat_map(|r| &r.chunks) {
        push_line(&mut cells[column_of(line)], &line.text);
    }
    let area = enclosing(
        lines
            .iter()
            .flat_map(|r| &r.chunks)
            .map(|c| [c.x0, c.top, c.x1, c.bottom]),
    );
    (cells, free_glyphs_in(page, taken, area))
}

/// Whether rules across most of `x_range` run just above the letters of
/// row `first` and just below row `last` (a table's band). (A cell padded
/// little has its rule closer above its letters than a size.)
fn ruled_round(
    page: &PageContent,
    x_range: (f64, f64),
    (first, last): (&Row, &Row),
    s: &StreamSettings,
) -> bool {
    let letters_top = first.baseline - s.letter_height * first.size;
    rule_across(page, x_range, (letters_top - 1.5 * first.size, letters_top))
        && rule_across(page, x_range, (last.baseline, last.baseline + last.size))
}

/// Whether a rule across most of `x_range` runs between a line set at
/// `baseline` and the letters of the row `next` below it (drawn whole, or
/// cell by cell, as browsers draw borders).
fn ruled_between(page: &PageContent, x_range: (f64, f64), baseline: f64, next: &Row) -> bool {
    rule_across(page, x_range, (baseline, next.baseline - next.size))
}

/// Whether a rule across most of `x_range` runs between `top` and
/// `bottom` (drawn whole, or cell by cell, as browsers draw borders).
fn rule_across(page: &PageContent, (x0, x1): (f64, f64), (top, bottom): (f64, f64)) -> bool {
    let mut pieces: Vec<(f64, (f64, f64))> = page
        .segments
        .iter()
        .filter(|sg| sg.bottom - sg.top < 1.0)
        .map(|sg| ((sg.top + sg.bottom) / 2.0, (sg.x0.max(x0), sg.x1.min(x1))))
        .filter(|&(y, (a, b))| y > top && y < bottom && b > a)
        .collect();
    pieces.sort_by(|a, b| a.0.total_cmp(&b.0));
    // (pieces within a point of each other are one rule: a bar's two sides)
    pieces.chunk_by(|a, b| b.0 - a.0 < 1.0).any(|rule| {
        let spans: Vec<(f64, f64)> = rule.iter().map(|&(_, span)| span).collect();
        merge_spans(spans, 1.0)
            .iter()
            .map(|(a, b)| b - a)
            .sum::<f64>()
            > 0.5 * (x1 - x0)
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::page;
    use super::*;
    use crate::extract::pdf::interpreter::Segment;

    /// A table cut across x 50 to 400 in 10 pt type, its columns divided at
    /// 150 and 250, nothing known of the room its cut row's lines left.
    fn three_columns_cut(
        empty_cells: Vec<bool>,
        header_words: Vec<&'static str>,
    ) -> CutTable<'static> {
        CutTable {
            x_range: (50.0, 400.0),
            size: 10.0,
            bounds: &[150.0, 250.0],
            empty_cells,
            header_words,
            room: &[],
            fill: None,
            wraps: true,
            last_lines: Vec::new(),
        }
    }

    /// The cells of the rest of `cut`'s last row at the top of `p`.
    fn carried_cells(p: &PageContent, cut: &CutTable) -> Option<Vec<String>> {
        carried_cell_lines(p, &[], cut, &StreamSettings::default()).map(|(cells, _)| cells)
    }

    /// A table's rows, each row's cells joined by "|".
    fn joined_rows(t: &FoundTable) -> Vec<String> {
        t.table.texts().iter().map(|r| r.join("|")).collect()
    }

    /// The rows `continuation` reads at the top of a page of `words`, each
    /// row's cells joined by "|": under a head of `head`'s words, for a
    /// table of `columns` columns divided at `bounds`, its cells' lines
    /// `leading` apart.
    fn carried_rows(
        words: &[(&str, f64, f64)],
        head: &[&str],
        (columns, bounds, leading): (usize, &[f64], Option<f64>),
    ) -> Option<Vec<String>> {
        let p = page(words);
        let taken = vec![false; p.glyphs.len()];
        let s = StreamSettings::default();
        let shape = RunningShape {
            columns,
            bounds: Some(bounds),
            leading,
            x_range: (40.0, 560.0),
            row_gap: None,
        };
        continuation(&p, &taken, &[], &shape, head, &s).map(|t| joined_rows(&t))
    }

    #[test]
    fn rows_carried_over_stand_as_far_apart_as_the_tables_lines_stood_before() {
        // the last two records of a table set double-spaced, 3 sizes apart,
        // further than rows of other tables stand
        let words = [
            ("Safer Streets", 50.0, 80.0),
            ("762", 260.0, 80.0),
            ("Red Hen", 50.0, 110.0),
            ("92", 260.0, 110.0),
        ];
        let p = page(&words);
        let taken = vec![false; p.glyphs.len()];
        let rows = |row_gap: Option<f64>| {
            let shape = RunningShape {
                columns: 2,
                bounds: Some(&[150.0]),
                leading: None,
                x_range: (40.0, 560.0),
                row_gap,
            };
            let found = continuation(&p, &taken, &[], &shape, &[], &StreamSettings::default());
            found.map_or(0, |t| t.table.rows.len())
        };
        assert_eq!(rows(Some(30.0)), 2);
        assert_eq!(rows(Some(24.0)), 1);
        assert_eq!(rows(None), 1);
    }

    #[test]
    fn a_lone_record_moved_whole_keeps_its_label_wrapped_round_its_line() {
        // the table's last record alone atop the page, set at its middle:
        // its label's two lines 18 pt apart, the record's line halfway
        // between them, as the table's lines stood 9 pt apart; a note
        // 28 pt under it
        let words = [
            ("Fenland District", 50.0, 60.0),
            ("212", 160.0, 69.0),
            ("Schools", 260.0, 69.0),
            ("Council", 50.0, 78.0),
            ("Source: the office.", 50.0, 106.0),
        ];
        let carried = |leading: Option<f64>| {
            carried_rows(&words, &[], (3, &[150.0, 250.0], leading)).unwrap_or_default()
        };
        assert_eq!(
            carried(Some(9.0)),
            ["Fenland District\nCouncil|212|Schools"]
        );
        // (with no leading known, the line is no more of the record)
        assert!(!carried(None).concat().contains("Council"));
        // (set at its top, double-spaced: the label's next line 20 pt under)
        let words = [
            ("Road Safety", 50.0, 60.0),
            ("518,530", 160.0, 60.0),
            ("Reduction", 260.0, 60.0),
            ("Partnership", 50.0, 80.0),
            ("Source: the office.", 50.0, 108.0),
        ];
        let carried = carried_rows(&words, &[], (3, &[150.0, 250.0], Some(20.0)));
        assert_eq!(
            carried.unwrap_or_default(),
            ["Road Safety\nPartnership|518,530|Reduction"]
        );
    }

    #[test]
    fn a_cells_first_line_atop_the_page_is_no_running_head() {
        // the last two records carried to a page of their own; the first
        // set at its middle, its text's four lines 12 pt apart round its
        // label and figures, the first of them where a running head would
        // stand (the top tenth of the page)
        let words = [
            ("Abuse", 160.0, 70.0),
            ("support", 160.0, 82.0),
            ("Safer Streets", 50.0, 88.0),
            ("762", 260.0, 88.0),
            ("501,911", 350.0, 88.0),
            ("support", 160.0, 94.0),
            ("casualty", 160.0, 106.0),
            ("Safer Streets", 50.0, 124.0),
            ("Local", 160.0, 124.0),
            ("92", 260.0, 124.0),
            ("784,843", 350.0, 124.0),
        ];
        let rows = carried_rows(&words, &[], (4, &[150.0, 250.0, 340.0], Some(12.0))).unwrap();
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert!(rows[0].contains("Abuse"), "{rows:?}");
    }

    #[test]
    fn a_cells_last_lines_carried_over_a_page_break_are_told_from_the_next_rows_label() {
        // the page before cut "Rural Crime Action" after "Rural" and its
        // purpose after "Domestic" (columns 0 and 2 of its last row hold
        // text, column 1 none); rows are padded 14 pt apart (24 pt from
        // baseline to baseline), lines 12 pt
        let cut = three_columns_cut(Vec::new(), vec!["Area", "Award", "Purpose"]);
        let carried = |top: &[(&'static str, f64, f64)], next_baseline: f64, figure_at: f64| {
            let mut words = top.to_vec();
            words.extend([
                ("St Giles", 50.0, next_baseline),
                ("651", figure_at, next_baseline),
                ("Red Hen", 50.0, next_baseline + 24.0),
                ("77", 200.0, next_baseline + 24.0),
            ]);
            carried_cells(&page(&words), &cut)
        };
        let cells = |texts: [&str; 3]| Some(texts.map(String::from).to_vec());
        assert_eq!(
            carried(&[("Action", 50.0, 80.0)], 104.0, 200.0),
            cells(["Action", "", ""])
        );
        // below the header the page repeats; a sentence carried on in the purpose
        let tail = [
            ("Area", 50.0, 56.0),
            ("Award", 160.0, 56.0),
            ("Purpose", 260.0, 56.0),
            ("Crime Action", 50.0, 80.0),
            ("county prevention", 260.0, 80.0),
        ];
        assert_eq!(
            carried(&tail, 104.0, 200.0),
            cells(["Crime Action", "", "county prevention"])
        );
        // the next row further off than rows of text stand (2.7 em): the
        // cut cell's padding, then the next row's
        assert_eq!(
            carried(&[("Action", 50.0, 80.0)], 107.0, 200.0),
            cells(["Action", "", ""])
        );
        // a row of words of its own starts its cells with capitals
        let row = [("Victim Support", 50.0, 80.0), ("Training", 260.0, 80.0)];
        assert_eq!(carried(&row, 104.0, 200.0), None);
        // a cell the cut row leaves empty, moved whole to the next page
        assert_eq!(
            carried(&[("Hub", 160.0, 80.0)], 104.0, 200.0),
            cells(["", "Hub", ""])
        );
        // a label set at its row's middle: its first line a leading above the figures
        assert_eq!(
            carried(&[("Huntingdonshire", 50.0, 80.0)], 92.0, 200.0),
            None
        );
        // a new table below, with a column where this one divides its columns
        assert_eq!(carried(&[("Action", 50.0, 80.0)], 104.0, 240.0), None);
        // a page that does not repeat the head: a label's last line that is
        // one of the head's words is no head
        assert_eq!(
            carried(&[("Area", 50.0, 80.0)], 104.0, 200.0),
            cells(["Area", "", ""])
        );
    }

    #[test]
    fn a_label_alone_at_the_top_carries_on_a_cut_row_only_of_a_table_whose_cells_wrap() {
        // the page before ended in a row "Safer Streets | 651"; the next
        // page opens with a label alone, then rows a row's padding apart
        let cut = |wraps| CutTable {
            wraps,
            ..three_columns_cut(Vec::new(), Vec::new())
        };
        let carried = |top: (&'static str, f64)| {
            let p = page(&[
                (top.0, top.1, 80.0),
                ("Red Hen", 50.0, 104.0),
                ("77", 200.0, 104.0),
                ("St Giles", 50.0, 128.0),
                ("651", 200.0, 128.0),
            ]);
            (
                carried_cells(&p, &cut(true)),
                carried_cells(&p, &cut(false)),
            )
        };
        let cells = |texts: [&str; 3]| Some(texts.map(String::from).to_vec());
        // a label with its figures empty, in a table whose labels all fit
        assert_eq!(
            carried(("Victim Support", 50.0)),
            (cells(["Victim Support", "", ""]), None)
        );
        // a sentence carried on, or a cell past the label column, is the
        // cut row's whether or not the table's cells wrap elsewhere
        let purpose = cells(["", "", "county prevention"]);
        assert_eq!(
            carried(("county prevention", 260.0)),
            (purpose.clone(), purpose)
        );
    }

    #[test]
    fn in_rows_striped_in_turn_a_line_filled_otherwise_than_the_cut_row_is_the_next_rows() {
        // the cut row's last line was filled with a tint; the label at the
        // top of the next page, its figure empty, stands on white or on
        // the tint, the next row on the other
        let tint = [232, 238, 245];
        let cut = CutTable {
            fill: Some(tint),
            ..three_columns_cut(Vec::new(), Vec::new())
        };
        let carried = |filled_from: f64| {
            let mut p = page(&[
                ("Safer Streets", 50.0, 80.0),
                ("Red Hen", 50.0, 104.0),
                ("77", 200.0, 104.0),
            ]);
            p.fills.push(Fill {
                bbox: [45.0, filled_from, 400.0, filled_from + 22.0],
                rgb: tint,
            });
            carried_cells(&p, &cut)
        };
        assert_eq!(carried(94.0), None);
        assert_eq!(
            carried(70.0),
            Some(vec![
                "Safer Streets".to_string(),
                String::new(),
                String::new()
            ])
        );
    }

    #[test]
    fn cells_the_cut_row_left_empty_carry_it_on_when_moved_whole() {
        // a layout engine moved the cut row's two text cells whole to the
        // next page, leaving its label; their first lines start with
        // capitals, side by side, rows padded 24 pt apart
        let cut_with = |empty_cells: Vec<bool>| three_columns_cut(empty_cells, Vec::new());
        let p = page(&[
            ("Service outreach", 160.0, 80.0),
            ("Fraud crime", 260.0, 80.0),
            ("solving", 160.0, 92.0),
            ("abuse", 260.0, 92.0),
            ("St Giles", 50.0, 116.0),
            ("Hub", 160.0, 116.0),
            ("Red Hen", 50.0, 140.0),
            ("Speed", 160.0, 140.0),
        ]);
        let carried = |cut: &CutTable| carried_cells(&p, cut);
        assert_eq!(
            carried(&cut_with(vec![false, true, true])),
            Some(vec![
                String::new(),
                "Service outreach\nsolving".to_string(),
                "Fraud crime\nabuse".to_string()
            ])
        );
        // where the cut row has text in them, the capitals start a row of its own
        assert_eq!(carried(&cut_with(vec![false, false, false])), None);
    }

    #[test]
    fn a_label_alone_boxed_as_the_tables_cells_atop_the_page_is_its_row() {
        // the table's last row moved whole to the next page: a label, its
        // other two cells empty, every cell boxed (50 to 400, sides at 150
        // and 250); a note under the box, and a label boxed alone, are not
        let segment = |x0: f64, top: f64, x1: f64, bottom: f64| Segment {
            x0,
            top,
            x1,
            bottom,
            fill_side: false,
        };
        let read = |sides: &[f64]| {
            let mut p = page(&[
                ("Victim Support", 55.0, 80.0),
                ("Source: the Commissioner's office.", 50.0, 100.0),
            ]);
            p.segments.push(segment(50.0, 70.0, 400.0, 70.0));
            p.segments.push(segment(50.0, 86.0, 400.0, 86.0));
            for &x in sides {
                p.segments.push(segment(x, 70.0, x, 86.0));
            }
            let taken = vec![false; p.glyphs.len()];
            let shape = RunningShape {
                columns: 3,
                bounds: Some(&[150.0, 250.0]),
                leading: None,
                row_gap: None,
                x_range: (55.0, 395.0),
            };
            continuation(&p, &taken, &[], &shape, &[], &StreamSettings::default())
                .map(|t| joined_rows(&t))
        };
        assert_eq!(
            read(&[50.0, 150.0, 250.0, 400.0]),
            Some(vec!["Victim Support||".to_string()])
        );
        assert_eq!(read(&[50.0, 400.0]), None);
    }

    #[test]
    fn a_labels_last_line_alone_over_a_note_in_its_own_type_ends_the_cut_row() {
        // the cut row's label wrapped ("Ormiston" over "Families"), the
        // break between its lines; the table ends there, a note under it
        // in 8 pt, as close as the table's rows stand
        let cut = three_columns_cut(vec![false, false, false], Vec::new());
        let with_note = |size: f64| {
            let mut p = page(&[("Families", 55.0, 80.0)]);
            p.glyphs
                .extend(crate::extract::pdf::interpreter::test_glyphs(
                    "Source: the Commissioner's office.",
                    50.0,
                    96.0,
                    size,
                ));
            carried_cells(&p, &cut)
        };
        let families = ["Families", "", ""].map(String::from).to_vec();
        assert_eq!(with_note(8.0), Some(families));
        // (in the table's own type, the line may be that note)
        assert_eq!(with_note(10.0), None);
    }

    #[test]
    fn a_labels_last_line_atop_the_page_over_a_row_whose_label_runs_past_a_bound_ends_the_cut_row()
    {
        // "Families" carries the cut label on; the next row, a row's
        // padding under it, has a label wider than any the page before
        // showed, running past the bound set midway between the columns
        let cut = three_columns_cut(vec![false, false, false], Vec::new());
        let p = page(&[
            ("Families", 50.0, 80.0),
            ("Peterborough Rape Crisis", 50.0, 100.0),
            ("12,000", 200.0, 100.0),
            ("Outreach", 300.0, 100.0),
        ]);
        let families = ["Families", "", ""].map(String::from).to_vec();
        assert_eq!(carried_cells(&p, &cut), Some(families));
    }

    #[test]
    fn a_rule_ends_the_cell_carried_on_though_the_next_line_is_close() {
        // the cut row left its middle cell empty; the cell moved whole to
        // the next page, three lines ruled off from the next row, whose
        // cells are set at its middle: its last column's first line alone,
        // closer under the rule than the cell's leading
        let cut = three_columns_cut(vec![false, true, false], Vec::new());
        let mut p = page(&[
            ("Outreach", 160.0, 80.0),
            ("county", 160.0, 92.0),
            ("service", 160.0, 104.0),
            ("Support", 260.0, 119.0),
            ("Safer Streets", 50.0, 131.0),
            ("Schools", 160.0, 131.0),
            ("Project", 260.0, 131.0),
        ]);
        p.segments.push(Segment {
            x0: 50.0,
            top: 107.5,
            x1: 400.0,
            bottom: 107.5,
            fill_side: false,
        });
        let carried = carried_cells(&p, &cut);
        assert_eq!(
            carried,
            Some(vec![
                String::new(),
                "Outreach\ncounty\nservice".to_string(),
                String::new()
            ])
        );
    }

    #[test]
    fn a_first_word_as_wide_as_it_is_set_had_no_room_on_the_cut_line() {
        // the cut row's middle cell left 55 pt on its last line; the page
        // repeats the head, and "community" opens the line under it, set
        // 54 pt wide (its letters wider than "hub"'s): with a space, it had
        // no room there, though by its share of the line's letters, 49.5
        // pt, it had
        let mut cut = three_columns_cut(vec![false; 3], vec!["Area", "Award", "Purpose"]);
        cut.room = &[0.0, 55.0, 0.0];
        let mut p = page(&[
            ("Area", 50.0, 56.0),
            ("Award", 160.0, 56.0),
            ("Purpose", 260.0, 56.0),
        ]);
        let mut community =
            crate::extract::pdf::interpreter::test_glyphs("community", 0.0, 80.0, 10.0);
        for (i, g) in community.iter_mut().enumerate() {
            g.x0 = 160.0 + 6.0 * i as f64;
            g.x1 = g.x0 + 6.0;
            g.origin[0] = g.x0;
            g.advance = 6.0;
        }
        p.glyphs.extend(community);
        p.glyphs
            .extend(crate::extract::pdf::interpreter::test_glyphs(
                "hub", 216.5, 80.0, 10.0,
            ));
        let rows = free_rows(
            &p,
            &vec![false; p.glyphs.len()],
            &[],
            &StreamSettings::default(),
        );
        assert!((first_word_set_width(&p, &rows[1].chunks[0]) - 54.0).abs() < 0.01);
        assert!((first_word_width(&rows[1].chunks[0]) - 49.5).abs() < 0.01);
        let carried = carried_cells(&p, &cut);
        let community_hub = ["", "community hub", ""].map(String::from).to_vec();
        assert_eq!(carried, Some(community_hub));
    }

    #[test]
    fn under_the_head_repeated_lines_the_table_ends_with_carry_on_its_last_row() {
        // the page repeats the head; the cut label's last line is all the
        // table has left, a note set apart under it
        let cut = three_columns_cut(Vec::new(), vec!["Area", "Award", "Purpose"]);
        let carried = |words: &[(&str, f64, f64)]| carried_cells(&page(words), &cut);
        let head = [
            ("Area", 50.0, 56.0),
            ("Award", 160.0, 56.0),
            ("Purpose", 260.0, 56.0),
        ];
        let with = |more: &[(&'static str, f64, f64)]| [&head[..], more].concat();
        let rest = Some(vec![
            "Partnership".to_string(),
            String::new(),
            String::new(),
        ]);
        assert_eq!(carried(&with(&[("Partnership", 50.0, 80.0)])), rest);
        assert_eq!(
            carried(&with(&[
                ("Partnership", 50.0, 80.0),
                ("Source: the office.", 50.0, 104.0)
            ])),
            rest
        );
        // (with no head repeated over them, nothing says the table goes on)
        assert_eq!(carried(&[("Partnership", 50.0, 80.0)]), None);
    }

    #[test]
    fn the_rest_of_a_word_the_break_cut_ends_the_table_with_its_last_row() {
        // no head repeated: "y" carries on "communit", the last line of the
        // cut row's purpose, a note set apart under it
        let cut = CutTable {
            last_lines: vec!["Project", "", "communit"],
            ..three_columns_cut(Vec::new(), Vec::new())
        };
        let carried = |word: &'static str| {
            let words = [(word, 260.0, 80.0), ("Source: the office.", 50.0, 104.0)];
            carried_cells(&page(&words), &cut)
        };
        let rest = Some(vec![String::new(), String::new(), "y".to_string()]);
        assert_eq!(carried("y"), rest);
        // (a word in a capital goes on nothing the cut row left)
        assert_eq!(carried("Youth"), None);
        // (nor does a line close over the next, a paragraph's)
        let close = [("y", 260.0, 80.0), ("Source: the office.", 50.0, 92.0)];
        assert_eq!(carried_cells(&page(&close), &cut), None);
    }

    #[test]
    fn a_sentence_going_on_where_its_word_had_no_room_ends_the_table_with_its_last_row() {
        // no head repeated: "hub problem" goes on with "Training awareness",
        // the last line of the cut row's purpose, whose column had 10 pt
        // more room on that line than "hub" and a space take (15 + 2.5 pt)
        let cut = |rooms: &'static [f64]| CutTable {
            last_lines: vec!["The Kite Trust", "Training awareness", "732,594"],
            room: rooms,
            ..three_columns_cut(Vec::new(), Vec::new())
        };
        let carried = |line: &'static str, rooms: &'static [f64]| {
            let words = [(line, 150.0, 80.0), ("Source: the office.", 50.0, 104.0)];
            carried_cells(&page(&words), &cut(rooms))
        };
        let rest = Some(vec![
            String::new(),
            "hub problem".to_string(),
            String::new(),
        ]);
        assert_eq!(carried("hub problem", &[0.0, 10.0, 0.0]), rest);
        // (nor where the room is not known, nor where the line opens in a
        // capital)
        assert_eq!(carried("hub problem", &[]), None);
        assert_eq!(carried("Hub problem", &[0.0, 10.0, 0.0]), None);
    }

    #[test]
    fn rows_carried_to_the_next_page_leave_out_the_head_it_repeats() {
        // two rows at the top of the page, under the head repeated; the
        // table's columns divide at 150 on the page before
        let words = [
            ("Area", 50.0, 56.0),
            ("Target", 120.0, 56.0),
            ("Ely", 50.0, 80.0),
            ("651", 200.0, 80.0),
            ("March", 50.0, 94.0),
            ("77", 200.0, 94.0),
        ];
        let head = ["Area", "Target"];
        let rows = |head: &[&str]| carried_rows(&words, head, (2, &[150.0], None));
        assert_eq!(
            rows(&head),
            Some(vec!["Ely|651".to_string(), "March|77".to_string()])
        );
        // (a head of other words is read as rows, cut where the columns divide)
        assert_eq!(rows(&[]).map(|r| r.len()), Some(3));
    }

    #[test]
    fn a_note_at_the_margin_under_rows_carried_over_is_no_row() {
        // the head repeated, one row padded 4.5 pt in from the margin, then
        // the note under the table at the margin, 13.5 pt below
        let words = [
            ("Area", 82.5, 91.6),
            ("Spend", 334.7, 91.6),
            ("Peterborough Rape Crisis", 82.5, 106.6),
            ("256", 463.0, 106.6),
            ("Source: the office.", 78.0, 120.1),
        ];
        let rows = carried_rows(&words, &["Area", "Spend"], (2, &[300.0], None));
        assert_eq!(rows, Some(vec!["Peterborough Rape Crisis|256".to_string()]));
    }

    #[test]
    fn a_head_repeated_is_as_many_lines_as_its_words_fill() {
        // the head repeated, then the rest of a cut row's label, "Service",
        // a word of the head too
        let p = page(&[
            ("Service", 50.0, 80.0),
            ("Target", 200.0, 80.0),
            ("Service", 50.0, 100.0),
            ("Ely", 50.0, 120.0),
            ("651", 200.0, 120.0),
        ]);
        let s = StreamSettings::default();
        let rows = free_rows(&p, &vec![false; p.glyphs.len()], &[], &s);
        assert_eq!(
            lines_repeating_the_head(&rows, &["Service", "Target"], 6),
            1
        );
        // (a head with the word twice fills both lines)
        let twice = ["Service", "Target", "Service"];
        assert_eq!(lines_repeating_the_head(&rows, &twice, 6), 2);
        assert_eq!(lines_repeating_the_head(&rows, &[], 6), 0);
    }

    #[test]
    fn a_lone_record_carried_over_keeps_its_lines_at_the_tables_leading() {
        // the table's last record, set at its top, moved whole to the next
        // page: its cells wrap 14 pt apart, as they did on the page before
        let words = [
            ("Ormiston", 50.0, 80.0),
            ("Communit", 120.0, 80.0),
            ("-25.6%", 200.0, 80.0),
            ("701,928", 260.0, 80.0),
            ("Families", 50.0, 94.0),
            ("y abuse", 120.0, 94.0),
            ("partnershi", 120.0, 108.0),
            ("p", 120.0, 122.0),
        ];
        let rows = |leading| carried_rows(&words, &[], (4, &[110.0, 190.0, 250.0], leading));
        assert_eq!(
            rows(Some(14.0)),
            Some(vec![
                "Ormiston\nFamilies|Communit\ny abuse\npartnershi\np|-25.6%|701,928".to_string()
            ])
        );
        // (not known, the lines of capitals start rows: evenly spaced lines
        // may be records)
        assert_eq!(rows(None).map(|r| r.len()), Some(2));
    }

    #[test]
    fn records_carried_over_set_at_their_middle_start_with_their_labels_first_line() {
        // the table's last two records at the top of the next page, each
        // label wrapped round its figures, then a note
        let mut words = vec![("Youth", 90.0, 80.0)];
        let figures = ["88.6%", "£61,031", "556,996", "39.3%"];
        for (x, figure) in [185.0, 268.0, 351.0, 434.0].into_iter().zip(figures) {
            words.push((figure, x, 93.4));
        }
        words.extend([("Offending", 90.0, 93.4), ("Service", 90.0, 106.8)]);
        words.extend([("Community", 90.0, 122.5), ("Safety", 90.0, 135.9)]);
        for (x, figure) in [185.0, 268.0, 351.0].into_iter().zip(["313", "885", "284"]) {
            words.push((figure, x, 135.9));
        }
        words.push(("Partnership", 90.0, 149.3));
        words.push(("Source: the Commissioner's office.", 90.0, 163.0));
        let bounds = [180.0, 260.0, 345.0, 430.0];
        assert_eq!(
            carried_rows(&words, &[], (5, &bounds, Some(13.4))).unwrap_or_default(),
            [
                "Youth\nOffending\nService|88.6%|£61,031|556,996|39.3%",
                "Community\nSafety\nPartnership|313|885|284|"
            ]
        );
    }

    #[test]
    fn a_carried_records_first_line_above_its_figures_is_no_header() {
        // under the head repeated, the last record, its name wrapped over
        // three lines at the table's leading round its figures
        let words = [
            ("Area", 90.0, 80.0),
            ("Target", 156.0, 80.0),
            ("Notes", 223.0, 80.0),
            ("Community", 90.0, 97.0),
            ("Safety", 90.0, 110.4),
            ("£18,427", 156.0, 110.4),
            ("446,885", 223.0, 110.4),
            // (a tenth further than the leading measured on the page before)
            ("Partnership", 90.0, 123.9),
            ("Source: the Commissioner's office.", 90.0, 141.2),
        ];
        let head = ["Area", "Target", "Notes"];
        // (one row: a header line would be a row of its own)
        assert_eq!(
            carried_rows(&words, &head, (3, &[150.0, 215.0], Some(13.4))),
            Some(vec![
                "Community\nSafety\nPartnership|£18,427|446,885".to_string()
            ])
        );
    }

    #[test]
    fn records_carried_over_may_open_with_the_first_lines_of_several_cells() {
        // a record set at its middle: its label's first line, then its
        // purpose's, half a leading apart, then its row of figures
        let words = [
            ("Fenland", 90.0, 80.0),
            ("Awareness", 422.0, 86.7),
            ("District", 90.0, 93.4),
            ("£80,316", 191.0, 93.4),
            ("390", 301.0, 93.4),
            ("youth", 422.0, 100.1),
            ("Council", 90.0, 106.8),
            ("Ormiston", 90.0, 126.8),
            ("790", 191.0, 133.5),
            ("58,632", 301.0, 133.5),
            ("Council", 422.0, 133.5),
            ("Families", 90.0, 140.2),
            ("Source: the Commissioner's office.", 90.0, 158.0),
        ];
        assert_eq!(
            carried_rows(&words, &[], (4, &[180.0, 290.0, 410.0], Some(13.4))),
            Some(vec![
                "Fenland\nDistrict\nCouncil|£80,316|390|Awareness\nyouth".to_string(),
                "Ormiston\nFamilies|790|58,632|Council".to_string()
            ])
        );
    }

    #[test]
    fn a_record_carried_over_may_have_every_line_of_one_chunk() {
        // its one figure alone between its label's two lines, then a record
        // with a row of figures
        let words = [
            ("Youth Offending", 90.0, 80.0),
            ("55.3%", 378.0, 87.4),
            ("Service", 90.0, 94.8),
            ("Peterborough", 90.0, 112.5),
            ("£13,920", 257.0, 119.9),
            ("527,177", 368.0, 119.9),
            ("Rape Crisis", 90.0, 127.3),
        ];
        assert_eq!(
            carried_rows(&words, &[], (3, &[180.0, 300.0], Some(14.8))),
            Some(vec![
                "Youth Offending\nService||55.3%".to_string(),
                "Peterborough\nRape Crisis|£13,920|527,177".to_string()
            ])
        );
    }

    #[test]
    fn a_record_carried_over_keeps_the_lines_its_cells_wrap_round_its_middle() {
        // under the head repeated, the last record: its purpose wrapped over
        // two lines, its name and award set on one line between them
        let words = [
            ("Recipient", 90.0, 72.0),
            ("Outcome", 228.0, 72.0),
            ("Purpose", 367.0, 72.0),
            ("Intervention solving", 367.0, 90.0),
            ("Rural Crime Action", 90.0, 96.7),
            ("897,605", 228.0, 96.7),
            ("prevention schools", 367.0, 103.4),
            ("Source: the Commissioner's office.", 90.0, 118.3),
        ];
        let head = ["Recipient", "Outcome", "Purpose"];
        assert_eq!(
            carried_rows(&words, &head, (3, &[220.0, 360.0], Some(13.4))),
            Some(vec![
                "Rural Crime Action|897,605|Intervention solving\nprevention schools".to_string()
            ])
        );
    }

    #[test]
    fn a_label_whose_first_word_fitted_on_the_cut_line_is_no_rest_of_it() {
        // the cut row's label, "Ormiston Families", left `room` pt in its
        // column; "Safer Streets" at the top of the next page (words 5 pt a
        // letter: "Safer" 25 pt) carries it on only if "Safer" did not fit
        let carried = |room: f64| {
            let rooms = [room, 0.0];
            let cut = CutTable {
                x_range: (50.0, 300.0),
                size: 10.0,
                bounds: &[150.0],
                empty_cells: Vec::new(),
                header_words: Vec::new(),
                room: &rooms,
                fill: None,
                wraps: true,
                last_lines: Vec::new(),
            };
            let p = page(&[
                ("Safer Streets", 50.0, 80.0),
                ("Victim Support", 50.0, 104.0),
                ("651", 200.0, 104.0),
                ("Red Hen", 50.0, 128.0),
                ("77", 200.0, 128.0),
            ]);
            carried_cells(&p, &cut)
        };
        assert_eq!(
            carried(20.0),
            Some(vec!["Safer Streets".to_string(), String::new()])
        );
        assert_eq!(carried(60.0), None);
    }

    #[test]
    fn lines_carried_into_a_ruled_band_of_their_own_are_told_by_the_rule() {
        // a ruled table: the cut row's last line sits in a band of its own
        // under the repeated head, closer to the next row than a line's
        // leading (a browser pads cells little)
        let cut_with = |empty_cells: Vec<bool>| {
            three_columns_cut(empty_cells, vec!["Area", "Award", "Purpose"])
        };
        let cut = cut_with(Vec::new());
        let carried_into = |cut: &CutTable, line: (&'static str, f64, f64), ruled: bool| {
            let mut p = page(&[
                ("Area", 50.0, 56.0),
                ("Award", 160.0, 56.0),
                ("Purpose", 260.0, 56.0),
                line,
                ("St Giles", 50.0, 94.0),
                ("651", 200.0, 94.0),
                ("Red Hen", 50.0, 108.0),
                ("77", 200.0, 108.0),
            ]);
            if ruled {
                p.segments = [60.0, 83.0, 97.0]
                    .map(|y| crate::extract::pdf::interpreter::test_rule(50.0, y, 400.0, y))
                    .to_vec();
            }
            carried_cells(&p, cut)
        };
        let carried = |line, ruled| carried_into(&cut, line, ruled);
        let intervention = ("intervention", 260.0, 80.0);
        assert_eq!(
            carried(intervention, true),
            Some(vec![
                String::new(),
                String::new(),
                "intervention".to_string()
            ])
        );
        assert_eq!(carried(intervention, false), None);
        // a label alone in its band may be a row whose figures are empty
        assert_eq!(carried(("Community Safety", 50.0, 80.0), true), None);
        // but not under a cut row that has no label: it went on whole
        let unlabelled = cut_with(vec![true, false, false]);
        assert_eq!(
            carried_into(&unlabelled, ("Community Safety", 50.0, 80.0), true),
            Some(vec![
                "Community Safety".to_string(),
                String::new(),
                String::new()
            ])
        );
    }

    #[test]
    fn the_rest_of_a_tables_last_row_in_a_ruled_band_at_the_page_top_goes_back() {
        // the table's last row, cut at the page's foot, ends in a ruled band
        // at the top of the next page; a note follows, no table part. Its
        // label's line carries the cut label on when its first word had no
        // room left on the cut line
        let carried_between = |room: f64, rules: &[f64]| {
            let rooms = [room, 0.0];
            let cut = CutTable {
                x_range: (50.0, 300.0),
                size: 10.0,
                bounds: &[150.0],
                empty_cells: Vec::new(),
                header_words: Vec::new(),
                room: &rooms,
                fill: None,
                wraps: true,
                last_lines: Vec::new(),
            };
            let mut p = page(&[
                ("Partnership", 50.0, 84.5),
                ("Source: the Commissioner's office.", 50.0, 101.4),
            ]);
            p.segments = rules
                .iter()
                .map(|&y| crate::extract::pdf::interpreter::test_rule(50.0, y, 300.0, y))
                .collect();
            carried_cells(&p, &cut)
        };
        let carried =
            |room: f64, ruled: bool| carried_between(room, if ruled { &[72.4, 90.8] } else { &[] });
        assert_eq!(
            carried(20.0, true),
            Some(vec!["Partnership".to_string(), String::new()])
        );
        // no band: the line may be a note's, or a paragraph's
        assert_eq!(carried(20.0, false), None);
        // its first word would have fitted on the cut line: a row of its own
        assert_eq!(carried(80.0, true), None);
        // a band padded little: its top rule closer above the letters than a size
        assert_eq!(
            carried_between(20.0, &[75.5, 90.8]),
            Some(vec!["Partnership".to_string(), String::new()])
        );
    }

    #[test]
    fn a_narrower_part_atop_a_page_is_read_in_the_columns_of_the_table_it_carries_on() {
        // a table of four columns (divided at 150, 250 and 330) across x 50
        // to 400 runs on to a page where its rows leave the third empty:
        // the part found there has three columns
        let p = page(&[
            ("Ely", 60.0, 84.0),
            ("102,468", 160.0, 84.0),
            ("4,330", 340.0, 84.0),
            ("Wisbech", 60.0, 100.0),
            ("-19.1%", 160.0, 100.0),
            ("9,017", 340.0, 100.0),
        ]);
        let found = |x0: f64| FoundTable {
            bbox: [x0, 74.0, 380.0, 102.0],
            table: Table {
                page: None,
                bbox: None,
                rows: vec![
                    vec![Cell::new("Ely"), Cell::new("102,468"), Cell::new("4,330")],
                    vec![
                        Cell::new("Wisbech"),
                        Cell::new("-19.1%"),
                        Cell::new("9,017"),
                    ],
                ],
                header_rows: 0,
            },
            glyphs: (0..p.glyphs.len()).collect(),
        };
        let shape = RunningShape {
            columns: 4,
            bounds: Some(&[150.0, 250.0, 330.0]),
            leading: None,
            x_range: (50.0, 400.0),
            row_gap: None,
        };
        let read =
            |x0: f64| in_running_columns(&p, &found(x0), &[], &shape, &[]).map(|t| joined_rows(&t));
        assert_eq!(
            read(60.0),
            Some(vec![
                "Ely|102,468||4,330".to_string(),
                "Wisbech|-19.1%||9,017".to_string()
            ])
        );
        // (a part standing out past the table's side is no part of it)
        assert_eq!(read(10.0), None);
    }
}
