//! PDF reports into the Document model, on lopdf.
//!
//! lopdf parses objects, repairs broken cross-reference tables, decrypts files
//! with an empty user password and decodes streams; we interpret content
//! streams ([`interpreter`]), decode fonts ([`fonts`]) and lay text out ([`layout`]).

mod bidi;
mod broken_words;
mod clipped_cells;
mod colour;
mod fonts;
mod geometry;
mod interpreter;
mod layout;
mod limits;
mod orientation;
mod seams;
mod sideways_headings;
mod stream_tables;
mod tables;
mod wrapped_cells;

pub use interpreter::{Glyph, PageContent, Segment};
pub use layout::LayoutSettings;

use super::ExtractError;
use crate::document::{BBox, BlockKind, Cell, Document, Format, RawBlock, Table};
use limits::Budget;
use lopdf::{Dictionary, LoadOptions, Object};
use std::collections::BTreeMap;
use std::time::Duration;

/// Wall-time bound for one document's interpretation.
pub const DEFAULT_TIME_LIMIT: Duration = Duration::from_secs(120);

pub fn extract(
    bytes: &[u8],
    document_id: &str,
    source_path: &str,
) -> Result<Document, ExtractError> {
    extract_with(bytes, document_id, source_path, true)
}

/// Extraction with table detection on or off (off only to measure what tables cost).
pub fn extract_with(
    bytes: &[u8],
    document_id: &str,
    source_path: &str,
    detect_tables: bool,
) -> Result<Document, ExtractError> {
    extract_selected(bytes, document_id, source_path, detect_tables, &|_| true)
}

/// Extraction of the selected pages only (1-based), as a reader asking for
/// some pages' tables wants them: a table that runs on past the selection is
/// read as far as the selection goes, and pages not asked for are read only
/// to count the document's words where a cell may hold a broken word.
pub fn extract_pages(
    bytes: &[u8],
    document_id: &str,
    source_path: &str,
    selected: &dyn Fn(u32) -> bool,
) -> Result<Document, ExtractError> {
    extract_selected(bytes, document_id, source_path, true, selected)
}

fn extract_selected(
    bytes: &[u8],
    document_id: &str,
    source_path: &str,
    detect_tables: bool,
    selected: &dyn Fn(u32) -> bool,
) -> Result<Document, ExtractError> {
    let doc = load(bytes)?;
    let page_count = doc.get_pages().len() as u32;
    if page_count == 0 {
        return Err(ExtractError::NoPages);
    }
    let PagesRead {
        mut blocks,
        pages,
        turn_of,
    } = read_pages(&doc, detect_tables, selected)?;
    // (a selection's tables are mended by the whole document's words, as
    // the whole document's are: the pages asked for read the same either
    // way; the pages not asked for are read only where a cell may hold a
    // break, and, if they cannot be read, the selection's words serve)
    let whole_document = || {
        (pages < page_count)
            .then(|| read_pages(&doc, detect_tables, &|_| true).ok())
            .flatten()
            .map(|read| read.blocks)
    };
    mend_broken_words(&mut blocks, whole_document);
    for block in &mut blocks {
        let turned = block.page.and_then(|p| turn_of.get(&p).copied().flatten());
        // boxes where they are printed, to the hundredth of a point
        let place = |b: BBox| {
            let b = match turned {
                Some((turn, printed)) => orientation::box_on_page(b, printed, turn),
                None => b,
            };
            b.map(|v| (v * 100.0).round() / 100.0)
        };
        block.bbox = block.bbox.map(place);
        if let Some(table) = block.table.as_mut() {
            table.bbox = table.bbox.map(place);
        }
    }
    let title = info_title(&doc).or_else(|| {
        blocks
            .iter()
            .find(|b| b.kind == BlockKind::Heading)
            .map(|b| b.text.clone())
    });
    Ok(Document::from_raw_blocks(
        document_id.to_string(),
        source_path.to_string(),
        Format::Pdf,
        title,
        Some(page_count),
        blocks,
    ))
}

/// The blocks of the pages read (their boxes as the pages were read, a
/// page printed sideways turned upright), how many pages were, and how
/// each was turned.
struct PagesRead {
    blocks: Vec<RawBlock>,
    pages: u32,
    turn_of: BTreeMap<u32, Option<(orientation::Turn, [f64; 2])>>,
}

/// Reads the selected pages into blocks of text and tables, a table run
/// over pages joined, its words as the pages print them.
fn read_pages(
    doc: &lopdf::Document,
    detect_tables: bool,
    selected: &dyn Fn(u32) -> bool,
) -> Result<PagesRead, ExtractError> {
    let pages: BTreeMap<u32, lopdf::ObjectId> = doc
        .get_pages()
        .into_iter()
        .filter(|(no, _)| selected(*no))
        .collect();
    let mut interp =
        interpreter::Interpreter::new(doc, Budget::new(Budget::DEFAULT_OPS, DEFAULT_TIME_LIMIT));
    let mut contents: Vec<PageContent> = Vec::with_capacity(pages.len());
    for (_, page_id) in pages.iter() {
        contents.push(interp.run_page(*page_id)?);
    }
    let glyphs: usize = contents.iter().map(|p| p.glyphs.len()).sum();
    if glyphs == 0 && !pages.is_empty() {
        return Err(ExtractError::NoTextLayer {
            pages: pages.len() as u32,
        });
    }
    // A page printed sideways is read with its text upright; what is found on
    // it is put back where it is printed at the end.
    let turns: Vec<Option<(orientation::Turn, [f64; 2])>> = contents
        .iter_mut()
        .map(|page| {
            let turn = orientation::sideways_turn(page)?;
            let printed = [page.width, page.height];
            *page = orientation::turn_page(page, turn);
            Some((turn, printed))
        })
        .collect();
    let settings = LayoutSettings::default();
    let styles = interp.font_styles();
    // (numbered running headers and footers leave before tables are looked
    // for; the text would drop them as furniture anyway)
    if detect_tables {
        drop_numbered_furniture(&pages, &mut contents, &styles, &settings);
    }
    let table_settings = tables::TableSettings::default();
    let mut found_tables: Vec<(u32, tables::FoundTable)> = Vec::new();
    let mut lines = Vec::with_capacity(contents.len());
    // a table that ran to the foot of the page before, and that page
    let mut running_on: Option<RunningTable> = None;
    let mut previous: Option<u32> = None;
    for (no, page) in pages.keys().zip(contents.iter_mut()) {
        // (a selection that skips pages has no page before to run on from)
        if previous.map(|p| p + 1) != Some(*no) {
            running_on = None;
        }
        previous = Some(*no);
        // (the rest of the last row of the table before, carried over here)
        let carried = running_on.as_ref().and_then(|running| {
            let (_, before) = &found_tables[running.index];
            let head = head_carried_on(&found_tables, running.index);
            carried_cell_lines(page, &styles, running, (&before.table, &head))
        });
        let mut found = if detect_tables {
            page_tables(page, &styles, &table_settings)
        } else {
            Vec::new()
        };
        interp.check_clock()?;
        if let Some(running) = &running_on {
            let head = head_carried_on(&found_tables, running.index);
            let carried_glyphs = carried.as_ref().map_or(&[][..], |(_, g)| g.as_slice());
            let carried_on = (running, head.as_slice(), carried_glyphs);
            read_top_table_as_body(page, &mut found, &styles, carried_on);
        }
        let loose = match (&running_on, carried) {
            (Some(running), Some(carried)) => carry_back(
                &mut found,
                &mut found_tables[running.index].1.table,
                carried,
            ),
            _ => Vec::new(),
        };
        if let Some(running) = running_on {
            let (_, before) = &found_tables[running.index];
            let more = continued_rows(page, &found, &loose, &styles, (&running, &before.table));
            found.extend(more);
        }
        running_on = table_at_foot(page, &found, found_tables.len());
        take_glyphs(page, &found, &loose);
        lines.push(layout::page_lines(*no, &page.glyphs, &styles, &settings));
        found_tables.extend(found.into_iter().map(|t| (*no, t)));
    }
    let heights: Vec<f64> = contents.iter().map(|p| p.height).collect();
    layout::drop_page_furniture(&mut lines, &heights, &settings);
    let mut blocks = layout::blocks_from_lines(&lines, &settings);
    for (page_no, found) in found_tables {
        insert_table(&mut blocks, page_no, found);
    }
    join_continued_tables(&mut blocks);
    join_split_headers(&mut blocks);
    let turn_of = pages.keys().copied().zip(turns).collect();
    Ok(PagesRead {
        blocks,
        pages: pages.len() as u32,
        turn_of,
    })
}

/// Joins the words a narrow column broke over its cells' lines with no
/// hyphen (see `broken_words`), by the words the whole document writes
/// (`whole_document`'s blocks, when the blocks are some pages' only).
fn mend_broken_words(
    blocks: &mut [RawBlock],
    whole_document: impl FnOnce() -> Option<Vec<RawBlock>>,
) {
    // (the document's words are counted only where a cell may hold a break)
    let may_hold_breaks = blocks
        .iter()
        .filter_map(|b| b.table.as_ref())
        .any(broken_words::may_hold_breaks);
    if !may_hold_breaks {
        return;
    }
    let vocabulary = match whole_document() {
        Some(all) => vocabulary_of(&all),
        None => vocabulary_of(blocks),
    };
    for block in blocks {
        if let Some(table) = block.table.as_mut() {
            if broken_words::mend_table(table, &vocabulary) {
                block.text = table_text(table);
            }
        }
    }
}

/// The words of the blocks: running text's and tables' cells'.
fn vocabulary_of(blocks: &[RawBlock]) -> broken_words::Vocabulary {
    let tables: Vec<&Table> = blocks.iter().filter_map(|b| b.table.as_ref()).collect();
    let running = blocks
        .iter()
        .filter(|b| b.table.is_none())
        .map(|b| b.text.as_str());
    broken_words::Vocabulary::of(running, &tables)
}

/// The rows a table carried over to the top of this page, when no table
/// found on the page starts there.
fn continued_rows(
    page: &PageContent,
    found: &[tables::FoundTable],
    carried_back: &[usize],
    styles: &[interpreter::FontStyle],
    (running, table): (&RunningTable, &Table),
) -> Option<tables::FoundTable> {
    // the glyphs of the tables found, and all below the first of them, are
    // not the carried rows, nor are the lines carried back to the page before
    let first_top = found.iter().map(|t| t.bbox[1]).fold(f64::MAX, f64::min);
    let mut taken: Vec<bool> = page
        .glyphs
        .iter()
        .map(|g| g.centre().1 >= first_top)
        .collect();
    tables::mark_taken(&mut taken, found);
    for &i in carried_back {
        taken[i] = true;
    }
    let s = stream_tables::StreamSettings::default();
    let shape = running.shape();
    stream_tables::continuation(page, &taken, styles, &shape, &header_words(table), &s)
}

/// Reads the table found at the top of a page as the body of the table
/// that runs on to it from the foot of the page before (`running`), when
/// it has that table's columns and a header that is none of that table's
/// head repeated: the lines its layout took for a header are its first
/// record's (`stream_tables::as_carried_body`). Text above it but for a
/// running header, or the lines carried back to the page before
/// (`carried`), make it a table of its own. Under that table's head
/// repeated, its records are read again at that table's leading
/// (`stream_tables::under_repeated_head`).
fn read_top_table_as_body(
    page: &PageContent,
    found: &mut [tables::FoundTable],
    styles: &[interpreter::FontStyle],
    (running, head, carried): (&RunningTable, &[Cell], &[usize]),
) {
    let Some(top) = found
        .iter_mut()
        .min_by(|a, b| a.bbox[1].total_cmp(&b.bbox[1]))
    else {
        return;
    };
    let repeats = |t: &tables::FoundTable| {
        t.table
            .rows
            .first()
            .is_some_and(|first| repeats_head(first, head))
    };
    let repeats_the_head = repeats(top);
    let zone = page.height * stream_tables::StreamSettings::default().running_header_zone;
    let text_above = page.glyphs.iter().enumerate().any(|(i, g)| {
        g.centre().1 < top.bbox[1]
            && g.bottom > zone
            && !g.text.trim().is_empty()
            && !carried.contains(&i)
    });
    // (a new table's head has a heading over every column)
    let a_head = heads_every_column(&top.table);
    let same_columns = top.table.rows.first().map(Vec::len) == Some(running.columns);
    if same_columns && !text_above && top.table.header_rows > 0 && repeats_the_head {
        // (its records stand at the leading of the table it carries on)
        let carried_on = (running.leading, &[][..]);
        if let Some(body) = stream_tables::under_repeated_head(page, top, styles, carried_on) {
            *top = body;
        }
        return;
    }
    // (or the head repeated once the rest of the page before's last row,
    // read into the head's cells under their headings, is left out)
    let holds_carried = carried.iter().any(|g| top.glyphs.contains(g));
    if same_columns && !text_above && top.table.header_rows > 0 && holds_carried {
        let carried_on = (running.leading, carried);
        let body = stream_tables::under_repeated_head(page, top, styles, carried_on);
        if let Some(body) = body.filter(|b| repeats(b)) {
            *top = body;
            return;
        }
    }
    // (a part whose rows leave some of the table's columns empty on this
    // page, and so narrower, is read in the table's columns, unless it has
    // a head of its own)
    let width = top.table.rows.first().map_or(0, Vec::len);
    if width < running.columns && !text_above && !repeats_the_head && !a_head {
        if let Some(body) =
            stream_tables::in_running_columns(page, top, styles, &running.shape(), carried)
        {
            *top = body;
        }
        return;
    }
    // (a part with no head of its own carries the table on too: its
    // records, a lone record moved whole among them, stand at the table's
    // leading)
    let headless = top.table.header_rows == 0;
    if !same_columns || text_above || (!headless && (repeats_the_head || a_head)) {
        return;
    }
    let carried_on = (running.leading, carried);
    if let Some(body) = stream_tables::as_carried_body(page, top, styles, carried_on) {
        // (a part with no head, read alike at the leading, stays as found,
        // where it lies with it: a ruled table's box)
        if !headless || body.table.rows != top.table.rows {
            *top = body;
        }
    }
}

/// The header cells of the table whose part `index` runs to the foot of its
/// page: that part's, or, when it is a part with no head of its own, the
/// nearest part's before it of as many columns that has one.
fn head_carried_on(found_tables: &[(u32, tables::FoundTable)], index: usize) -> Vec<Cell> {
    let width = |t: &Table| t.rows.first().map_or(0, Vec::len);
    let part = &found_tables[index].1.table;
    found_tables[..=index]
        .iter()
        .rev()
        .map(|(_, t)| &t.table)
        .take_while(|t| width(t) == width(part))
        .find(|t| t.header_rows > 0)
        .map_or_else(Vec::new, |t| t.header().concat())
}

/// Whether a table's first row (`first`) repeats a `head` (its cells): a
/// head repeated may be cut into columns elsewhere, "Pu" | "rpose", so its
/// first line's letters are the head's, each of its words a part of one of
/// the head's. (A word of a cell carried over, "Speed", may have letters
/// the head's words have, but is no part of one.)
fn repeats_head(first: &[Cell], head: &[Cell]) -> bool {
    fn words(cells: &[Cell]) -> impl Iterator<Item = &str> {
        cells.iter().flat_map(|c| c.text.split_whitespace())
    }
    let letters = |cells: &[Cell]| -> Vec<char> {
        let mut letters: Vec<char> = cells
            .iter()
            .flat_map(|c| c.text.chars())
            .filter(|c| !c.is_whitespace())
            .collect();
        letters.sort_unstable();
        letters
    };
    is_sub_multiset(&letters(first), &letters(head))
        && words(first).all(|w| words(head).any(|h| h.contains(w)))
}

/// Whether every item of `part` (sorted) is in `whole` (sorted), as many
/// times at least.
fn is_sub_multiset(part: &[char], whole: &[char]) -> bool {
    let mut rest = whole.iter();
    part.iter().all(|c| rest.any(|w| w == c))
}

/// The words of a table's header rows, which a page it runs on to may repeat.
fn header_words(table: &Table) -> Vec<&str> {
    words_of(table.header().iter().flatten())
}

/// The words of `cells`, in their order.
fn words_of<'c>(cells: impl IntoIterator<Item = &'c Cell>) -> Vec<&'c str> {
    cells
        .into_iter()
        .flat_map(|c| c.text.split_whitespace())
        .collect()
}

/// A table that runs to the foot of its page: its column count, and where
/// its columns divide, when its last rows show that, for the rows a page
/// break carries over (a row with an empty cell cannot show it itself); its
/// place among the document's tables found so far, where it lies across
/// the page and the size of its type, for the rest of a row the break cut.
struct RunningTable {
    columns: usize,
    bounds: Option<Vec<f64>>,
    index: usize,
    x_range: (f64, f64),
    size: f64,
    /// The leading its cells' lines stand at, when its records stand
    /// further apart than that.
    leading: Option<f64>,
    /// The widest gap between two of its lines in its lower half (pt).
    row_gap: Option<f64>,
    /// Per column, how much wider than the last row's last line a line of
    /// the column runs (`last_line_room`).
    room: Vec<f64>,
    /// The colour its last row is filled with under its last line, if any
    /// (rows striped in turn tell a row's rest from the next row).
    last_fill: Option<[u8; 3]>,
}

impl RunningTable {
    /// Its columns, where they divide, its cells' leading and its extent,
    /// for reading the lines that carry it on.
    fn shape(&self) -> stream_tables::RunningShape<'_> {
        stream_tables::RunningShape {
            columns: self.columns,
            bounds: self.bounds.as_deref(),
            leading: self.leading,
            x_range: self.x_range,
            row_gap: self.row_gap,
        }
    }
}

/// The page's last table when it runs to the page's foot: no text below
/// it but a footer's. `before` tables were found on the pages before.
fn table_at_foot(
    page: &PageContent,
    found: &[tables::FoundTable],
    before: usize,
) -> Option<RunningTable> {
    let (position, last) = found
        .iter()
        .enumerate()
        .max_by(|a, b| a.1.bbox[3].total_cmp(&b.1.bbox[3]))?;
    let footer = page.height * (1.0 - FOOTER_ZONE);
    let below = page.glyphs.iter().any(|g| {
        let cy = g.centre().1;
        cy > last.bbox[3] && cy < footer && !g.text.trim().is_empty()
    });
    if below {
        return None;
    }
    let columns = last.table.rows.first().map_or(0, Vec::len);
    let bounds = column_gaps(page, last).filter(|b| b.len() + 1 == columns);
    let mut sizes: Vec<f64> = last.glyphs.iter().map(|&i| page.glyphs[i].size).collect();
    sizes.sort_by(f64::total_cmp);
    let room = bounds
        .as_deref()
        .map_or_else(Vec::new, |b| last_line_room(page, last, b));
    let size = sizes.get(sizes.len() / 2).copied().unwrap_or(0.0);
    let lowest = last
        .glyphs
        .iter()
        .map(|&i| &page.glyphs[i])
        .filter(|g| !g.text.trim().is_empty())
        .max_by(|a, b| a.bottom.total_cmp(&b.bottom));
    Some(RunningTable {
        columns,
        bounds,
        room,
        last_fill: lowest.and_then(|g| stream_tables::fill_at(page, g.centre())),
        index: before + position,
        x_range: (last.bbox[0], last.bbox[2]),
        size,
        leading: cells_leading(page, last, size),
        row_gap: widest_row_gap(page, last, size),
    })
}

/// The middles of a table's text lines from the top, of its glyphs that
/// `keep` keeps.
fn line_middles(
    page: &PageContent,
    table: &tables::FoundTable,
    size: f64,
    keep: impl Fn(&Glyph) -> bool,
) -> Vec<f64> {
    let mut centres: Vec<f64> = table
        .glyphs
        .iter()
        .map(|&i| &page.glyphs[i])
        .filter(|g| !g.text.trim().is_empty() && keep(g))
        .map(|g| g.centre().1)
        .collect();
    centres.sort_by(f64::total_cmp);
    // (a line's glyphs stand within a quarter of the type's size of its
    // first, a superscript or a symbol of another font among them)
    let mut lines: Vec<f64> = Vec::new();
    for y in centres {
        if lines.last().is_none_or(|&line| y - line > 0.25 * size) {
            lines.push(y);
        }
    }
    lines
}

/// The widest gap between two lines of a table in its lower half (below
/// any head): rows the page break carried over may stand as far apart, as
/// a table set double-spaced sets them, further than rows of other tables.
fn widest_row_gap(page: &PageContent, table: &tables::FoundTable, size: f64) -> Option<f64> {
    let middle = (table.bbox[1] + table.bbox[3]) / 2.0;
    let lines = line_middles(page, table, size, |g| g.centre().1 >= middle);
    lines.windows(2).map(|w| w[1] - w[0]).reduce(f64::max)
}

/// The leading a table's cells' lines stand at, from the gaps between its
/// text lines, when its records stand further apart
/// (`wrapped_cells::leading_of`).
fn cells_leading(page: &PageContent, table: &tables::FoundTable, size: f64) -> Option<f64> {
    let lines = line_middles(page, table, size, |_| true);
    let s = stream_tables::StreamSettings::default();
    // (where no cell of the table holds two lines, no gap is a cell's: the
    // narrower gaps are records', the wider those of rows a little taller)
    let wraps = || {
        table
            .table
            .rows
            .iter()
            .flatten()
            .any(|c| c.text.contains('\n'))
    };
    wrapped_cells::leading_of(&lines, size, &s).filter(|_| wraps())
}

/// Per column of a table at the page's foot (divided at `bounds`), how much
/// wider than its last line the widest line of the column runs, in the
/// table's lower half (below any heading over several columns): a cell's
/// text wraps where the next word will not fit, so a line that went on to
/// the next page had less room left than its next word takes. In a framed
/// table, the room up to `framed_line_limits` where that is more.
fn last_line_room(page: &PageContent, table: &tables::FoundTable, bounds: &[f64]) -> Vec<f64> {
    let middle = (table.bbox[1] + table.bbox[3]) / 2.0;
    let lines = column_lines(page, table, bounds, |g| g.centre().1 >= middle);
    let all_lines = column_lines(page, table, bounds, |_| true);
    let limits = framed_line_limits(page, table, &all_lines, bounds.len() + 1);
    let sides = drawn_cell_limits(page, &all_lines, &lines, bounds.len() + 1);
    (0..=bounds.len())
        .map(|column| {
            let widths = in_column(&lines, column);
            let widest = widths.clone().map(|(_, l)| l.x1 - l.x0).fold(0.0, f64::max);
            widths.last().map_or(0.0, |(_, l)| {
                let limit = limits.get(column).copied().unwrap_or(f64::MIN);
                let side = sides.get(column).copied().unwrap_or(f64::MIN);
                (widest - (l.x1 - l.x0)).max(limit.max(side) - l.x1)
            })
        })
        .collect()
}

/// Per column of a table whose cells are drawn, by rules or by fills of
/// their own (`column_lines`' `lines`), how far right the column's last
/// line may run: to its cell's right side, less the padding the first
/// column's last line stands in from its cell's left side, less a point
/// for a rule's own width. A column's side is drawn at that line, right of
/// it, and left of all the next column's text (a frame round the whole
/// table, or a row's fill, is no column's side). `f64::MIN` where none is.
fn drawn_cell_limits(
    page: &PageContent,
    all_lines: &ColumnLines,
    lines: &ColumnLines,
    columns: usize,
) -> Vec<f64> {
    let sides_at = |y: f64| -> Vec<f64> {
        let rules = page
            .segments
            .iter()
            .filter(|g| (g.x1 - g.x0).abs() < 1.0 && g.top <= y && g.bottom >= y)
            .map(|g| (g.x0 + g.x1) / 2.0);
        let fills = page
            .fills
            .iter()
            .filter(|f| f.bbox[1] <= y && f.bbox[3] >= y)
            .flat_map(|f| [f.bbox[0], f.bbox[2]]);
        rules.chain(fills).collect()
    };
    let last_line = |column: usize| {
        in_column(lines, column)
            .next_back()
            .map(|(&(_, baseline), l)| (baseline as f64 / 2.0, l))
    };
    let Some((y, first)) = last_line(0) else {
        return Vec::new();
    };
    let Some(left_side) = sides_at(y)
        .into_iter()
        .filter(|&x| x <= first.x0 + 0.5)
        .max_by(f64::total_cmp)
    else {
        return Vec::new();
    };
    let padding = first.x0 - left_side;
    (0..columns)
        .map(|column| {
            let next_text = in_column(all_lines, column + 1)
                .map(|(_, l)| l.x0)
                .fold(f64::MAX, f64::min);
            let Some((y, line)) = last_line(column) else {
                return f64::MIN;
            };
            sides_at(y)
                .into_iter()
                .filter(|&x| x > line.x1 && x <= next_text)
                .min_by(f64::total_cmp)
                .map_or(f64::MIN, |side| side - padding - 1.0)
        })
        .collect()
}

/// A table's text line within one column: its extent across and its text.
struct ColumnLine {
    x0: f64,
    x1: f64,
    text: String,
}

/// A table's text lines by column, keyed by column and baseline (in half
/// points).
type ColumnLines = BTreeMap<(usize, i64), ColumnLine>;

/// The lines of one column, top to bottom.
fn in_column(
    lines: &ColumnLines,
    column: usize,
) -> std::collections::btree_map::Range<'_, (usize, i64), ColumnLine> {
    lines.range((column, i64::MIN)..=(column, i64::MAX))
}

/// The lines of a table's glyphs that `keep` keeps, column by column
/// (divided at `bounds`).
fn column_lines(
    page: &PageContent,
    table: &tables::FoundTable,
    bounds: &[f64],
    keep: impl Fn(&interpreter::Glyph) -> bool,
) -> ColumnLines {
    let mut lines = ColumnLines::new();
    for g in table.glyphs.iter().map(|&i| &page.glyphs[i]) {
        if g.text.trim().is_empty() || !keep(g) {
            continue;
        }
        let column = stream_tables::column_at(bounds, g.centre().0);
        let line = lines
            .entry((column, (g.origin[1] * 2.0).round() as i64))
            .or_insert(ColumnLine {
                x0: g.x0,
                x1: g.x1,
                text: String::new(),
            });
        line.x0 = line.x0.min(g.x0);
        line.x1 = line.x1.max(g.x1);
        line.text.push_str(&g.text);
    }
    lines
}

/// Per column of a table framed by rules or fills (its text set in from
/// the frame's left side by the cells' padding), how far right a line of
/// the column may run: the next column's text less two paddings (the
/// cell's own and the next cell's), the last column's the frame less one;
/// less an em besides, as a padding measured from the frame may take in
/// the frame's own width. Only words set flush left in their cells tell
/// where the next column starts (figures may be set flush right): a
/// column with none sets no limit. Empty for a table whose box is its
/// text's (no padding to measure). `lines` are the table's text lines in
/// its `columns`.
fn framed_line_limits(
    page: &PageContent,
    table: &tables::FoundTable,
    lines: &ColumnLines,
    columns: usize,
) -> Vec<f64> {
    let mut sizes: Vec<f64> = table
        .glyphs
        .iter()
        .map(|&i| &page.glyphs[i])
        .filter(|g| !g.text.trim().is_empty())
        .map(|g| g.size)
        .collect();
    sizes.sort_by(f64::total_cmp);
    let Some(&em) = sizes.get(sizes.len() / 2) else {
        return Vec::new();
    };
    // (a heading run across a column's bound, "2022" | "/23", is cut
    // there: the cut tells nothing of where the column starts)
    let cut_at_bound = |&(column, baseline): &(usize, i64), line: &ColumnLine| {
        column > 0
            && lines
                .get(&(column - 1, baseline))
                .is_some_and(|before| line.x0 - before.x1 < 0.25 * em)
    };
    let mut lefts = vec![f64::MAX; columns];
    for (key, line) in lines {
        if (key.0 == 0 || !holds_data(&line.text)) && !cut_at_bound(key, line) {
            lefts[key.0] = lefts[key.0].min(line.x0);
        }
    }
    let padding = lefts[0] - table.bbox[0];
    if !(1.0..f64::MAX).contains(&padding) {
        return Vec::new();
    }
    let mut limits: Vec<f64> = lefts[1..]
        .iter()
        .map(|&x| {
            if x == f64::MAX {
                f64::MIN
            } else {
                x - 2.0 * padding - em
            }
        })
        .collect();
    limits.push(table.bbox[2] - padding - em);
    limits
}

/// The lines at the top of the page that carry on the last row of
/// `table`, running on from the page before, under its `head` (the table's
/// own, or its first part's, which the page may repeat): its cells' text by
/// column, and their glyphs.
fn carried_cell_lines(
    page: &PageContent,
    styles: &[interpreter::FontStyle],
    running: &RunningTable,
    (table, head): (&Table, &[Cell]),
) -> Option<(Vec<String>, Vec<usize>)> {
    let last = table.rows.last()?;
    let cut = stream_tables::CutTable {
        x_range: running.x_range,
        size: running.size,
        bounds: running.bounds.as_deref()?,
        empty_cells: last.iter().map(|c| c.text.is_empty()).collect(),
        header_words: words_of(head),
        room: &running.room,
        fill: running.last_fill,
        wraps: running.leading.is_some(),
        last_lines: last
            .iter()
            .map(|c| c.text.lines().last().unwrap_or_default())
            .collect(),
    };
    let s = stream_tables::StreamSettings::default();
    stream_tables::carried_cell_lines(page, styles, &cut, &s)
}

/// Puts the lines a page break carried over back into the row it cut (the
/// last of `cut`), out of the page's table that read them: the glyphs left
/// loose in the page's text, to take off it.
fn carry_back(
    found: &mut [tables::FoundTable],
    cut: &mut Table,
    (cells, glyphs): (Vec<String>, Vec<usize>),
) -> Vec<usize> {
    if !take_carried_row(found, &cells, &glyphs) {
        return Vec::new();
    }
    append_to_last_row(cut, cells);
    glyphs
        .into_iter()
        .filter(|g| !found.iter().any(|t| t.glyphs.contains(g)))
        .collect()
}

/// Takes the carried lines (`cells`, of `glyphs`) out of the page's table
/// that read them as rows of their own (a row, or a row a line), among its
/// first rows (a header the page repeats above them), or the last of them,
/// where the table starts below their first line: whether they go back
/// (as loose text too). False when a table read them into rows with other
/// lines: they are left where they are.
fn take_carried_row(found: &mut [tables::FoundTable], cells: &[String], glyphs: &[usize]) -> bool {
    let Some(holder) = found
        .iter_mut()
        .find(|t| glyphs.iter().any(|g| t.glyphs.contains(g)))
    else {
        return true;
    };
    let squeeze = crate::extract::html::normalise_space;
    let wanted: Vec<String> = cells.iter().map(|c| squeeze(c)).collect();
    // (the table holds all the lines, or the last of them only)
    let whole = glyphs.first().is_some_and(|g| holder.glyphs.contains(g));
    let table = &mut holder.table;
    let head = table.header_rows as usize;
    // the rows from `start` that together hold the carried text, if any do
    let rows_holding = |start: usize| {
        let mut got = vec![String::new(); wanted.len()];
        for (end, row) in table.rows.iter().enumerate().skip(start) {
            if row.len() != wanted.len() {
                return None;
            }
            for (text, cell) in got.iter_mut().zip(row) {
                *text = squeeze(&format!("{text} {}", cell.text));
            }
            let pairs = || got.iter().zip(&wanted);
            let held = if whole {
                got == wanted
            } else {
                pairs().all(|(g, w)| w.ends_with(g.as_str())) && got.iter().any(|g| !g.is_empty())
            };
            if held {
                return Some(end + 1);
            }
            let so_far = if whole {
                pairs().all(|(g, w)| w.starts_with(g.as_str()))
            } else {
                pairs().all(|(g, w)| w.contains(g.as_str()))
            };
            if !so_far {
                return None;
            }
        }
        None
    };
    let Some((start, end)) = (0..=head.min(table.rows.len()))
        .find_map(|start| rows_holding(start).map(|end| (start, end)))
    else {
        return false;
    };
    table.rows.drain(start..end);
    table.header_rows -= head.min(end).saturating_sub(start) as u32;
    true
}

/// Adds a row's carried-over text to the table's last row, each cell's
/// under the text the cell has.
fn append_to_last_row(table: &mut Table, cells: Vec<String>) {
    let Some(row) = table.rows.last_mut() else {
        return;
    };
    for (cell, more) in row.iter_mut().zip(cells) {
        if !more.is_empty() {
            tables::push_line(&mut cell.text, &more);
        }
    }
}

/// Where a table's columns divide, seen in the lower half of it (below a
/// heading that spans columns): between the text columns its glyphs there make.
fn column_gaps(page: &PageContent, table: &tables::FoundTable) -> Option<Vec<f64>> {
    let middle = (table.bbox[1] + table.bbox[3]) / 2.0;
    let lower: Vec<&Glyph> = table
        .glyphs
        .iter()
        .map(|&i| &page.glyphs[i])
        .filter(|g| g.centre().1 >= middle && !g.text.trim().is_empty())
        .collect();
    if lower.is_empty() {
        return None;
    }
    let columns = tables::text_columns(&lower, &tables::TableSettings::default());
    Some(
        columns
            .windows(2)
            .map(|w| (w[0].1 + w[1].0) / 2.0)
            .collect(),
    )
}

/// The share of a page's height at its foot where a footer (a folio, a
/// running title) sits.
const FOOTER_ZONE: f64 = 0.1;

/// Takes each page's numbered running header and footer off it.
fn drop_numbered_furniture(
    pages: &BTreeMap<u32, lopdf::ObjectId>,
    contents: &mut [PageContent],
    styles: &[interpreter::FontStyle],
    settings: &LayoutSettings,
) {
    let described: Vec<(u32, &[interpreter::Glyph], f64)> = pages
        .keys()
        .zip(contents.iter())
        .map(|(no, page)| (*no, page.glyphs.as_slice(), page.height))
        .collect();
    let furniture = layout::numbered_furniture(&described, styles, settings);
    for (page, marks) in contents.iter_mut().zip(furniture) {
        let mut i = 0;
        page.glyphs.retain(|_| {
            i += 1;
            !marks[i - 1]
        });
    }
}

/// Removes the glyphs that tables took, so they are not read again as text.
fn take_glyphs(page: &mut PageContent, found: &[tables::FoundTable], also: &[usize]) {
    if found.is_empty() && also.is_empty() {
        return;
    }
    let mut taken = vec![false; page.glyphs.len()];
    tables::mark_taken(&mut taken, found);
    for &i in also {
        taken[i] = true;
    }
    let mut i = 0;
    page.glyphs.retain(|_| {
        i += 1;
        !taken[i - 1]
    });
}

/// Puts a table block in reading order: before the first block of its page
/// that starts below the table's top, else after its page's last block.
fn insert_table(blocks: &mut Vec<RawBlock>, page_no: u32, mut found: tables::FoundTable) {
    tables::strip_leaders(&mut found.table);
    let top = found.bbox[1];
    let position = blocks
        .iter()
        .position(|b| {
            let page = b.page.unwrap_or(0);
            page > page_no || (page == page_no && b.bbox.is_some_and(|bb| bb[1] >= top))
        })
        .unwrap_or(blocks.len());
    let text = table_text(&found.table);
    let mut block = RawBlock::new(BlockKind::Table, text);
    block.page = Some(page_no);
    block.bbox = Some(found.bbox);
    let mut table = found.table;
    table.page = Some(page_no);
    block.table = Some(table);
    blocks.insert(position, block);
}

/// Two tables on one page closer than this (pt), with the same columns, are parts of one.
const MAX_TABLE_PART_GAP: f64 = 24.0;

/// A table that runs over a page break is drawn as two: when a table block is
/// followed directly by one at the top of the next page with as many columns,
/// they are one table. A header row the continuation repeats is dropped.
fn join_continued_tables(blocks: &mut Vec<RawBlock>) {
    let mut i = 0;
    // The page the table at `i` ends on, once continuations are joined to
    // it, and where on that page it ends.
    let mut end_page = blocks.first().and_then(|b| b.page);
    let mut end_bottom = blocks.first().and_then(|b| b.bbox).map(|b| b[3]);
    while i + 1 < blocks.len() {
        let labels = rows_left_at_foot(blocks, i, end_page, end_bottom);
        if !labels.is_empty() {
            blocks.drain(i + 1..i + 1 + labels.len());
            if let Some(table) = blocks[i].table.as_mut() {
                let width = table.rows.first().map_or(1, Vec::len);
                table
                    .rows
                    .extend(labels.into_iter().map(|label| label_row(label, width)));
                let text = table_text(table);
                blocks[i].text = text;
            }
            continue;
        }
        let head = repeated_head_text(blocks, i, end_page);
        if head > 0 {
            blocks.drain(i + 1..i + 1 + head);
            continue;
        }
        let labels = rows_left_at_top(blocks, i, end_page);
        if !labels.is_empty() {
            blocks.drain(i + 1..i + 1 + labels.len());
            if let (Some(table), Some(more)) =
                (blocks[i].table.clone(), blocks[i + 1].table.as_mut())
            {
                let at = repeated_header_rows(&table, more);
                let width = more.rows.first().map_or(1, Vec::len);
                let rows = labels.into_iter().map(|label| label_row(label, width));
                more.rows.splice(at..at, rows);
            }
            continue;
        }
        let continues = match (&blocks[i].table, &blocks[i + 1].table) {
            (Some(a), Some(b)) => {
                let same_columns = a.rows.first().map(Vec::len) == b.rows.first().map(Vec::len);
                // On one page: parts of a table whose rule style changes between
                // sections. A part with a header of its own starts a table.
                let next_on_page = b.page == end_page
                    && b.header_rows == 0
                    && matches!((blocks[i].bbox, blocks[i + 1].bbox), (Some(p), Some(n)) if n[1] - p[3] < MAX_TABLE_PART_GAP && (n[0] - p[0]).abs() < MAX_TABLE_PART_GAP);
                let next_page = b.page == end_page.map(|p| p + 1);
                same_columns && ((next_page && !heads_a_table_of_its_own(a, b)) || next_on_page)
            }
            _ => false,
        };
        if !continues {
            i += 1;
            end_page = blocks[i].page;
            end_bottom = blocks[i].bbox.map(|b| b[3]);
            continue;
        }
        let next = blocks.remove(i + 1);
        end_bottom = match (next.page == end_page, end_bottom, next.bbox) {
            (true, Some(a), Some(b)) => Some(a.max(b[3])),
            (_, _, b) => b.map(|b| b[3]),
        };
        if next.page == end_page {
            if let (Some(a), Some(b)) = (blocks[i].bbox.as_mut(), next.bbox) {
                *a = [
                    a[0].min(b[0]),
                    a[1].min(b[1]),
                    a[2].max(b[2]),
                    a[3].max(b[3]),
                ];
            }
            // (the table's own box too: it is what `tables` prints)
            let joined = blocks[i].bbox;
            if let Some(table) = blocks[i].table.as_mut() {
                table.bbox = joined;
            }
        }
        let next_page = next.page != end_page;
        end_page = next.page;
        let (Some(mut more), Some(table)) = (next.table, blocks[i].table.as_mut()) else {
            continue;
        };
        let repeated = repeated_header_rows(table, &more);
        more.rows.drain(..repeated);
        // (a row the page break cut, all its text on the page before, goes
        // on as an empty band at the top of this page)
        if next_page {
            let blank = |r: &Vec<Cell>| r.iter().all(|c| c.text.is_empty());
            let empty = more.rows.iter().take_while(|r| blank(r)).count();
            more.rows.drain(..empty);
            // (and one the break cut with all its text on this page, as a
            // browser draws it whole again there, is a sliver of empty cells
            // at the foot of the page before; a run of empty rows, as a form
            // leaves to fill in, stays)
            let rows = &table.rows;
            if let [.., before, last] = &rows[..] {
                if blank(last) && !blank(before) {
                    table.rows.pop();
                }
            }
        }
        // (a row the break cut inside a line of its cells, a word or a
        // figure parted over the pages, is one row)
        let body_before = table.rows.len() > table.header_rows as usize;
        let cut_row = match (table.rows.last(), more.rows.first()) {
            (Some(last), Some(first)) => {
                next_page
                    && body_before
                    && (cut_inside_a_line(last, first) || opened_above_the_break(last, first))
            }
            _ => false,
        };
        if cut_row {
            let rest = more.rows.remove(0).into_iter().map(|c| c.text).collect();
            append_to_last_row(table, rest);
        }
        table.rows.extend(more.rows);
        let text = table_text(table);
        blocks[i].text = text;
    }
}

/// Whether the part at the top of the next page (`more`) is another table
/// than the one ending on the page before (`table`), though as many columns
/// wide: it opens with a head of its own, a heading over every column and
/// no figure (a record read as a head has its figures), that does not
/// repeat that table's head. (A spreadsheet prints each sheet on its own
/// page, its title where every sheet's is, which a reader takes for a
/// running header: nothing but its head tells the next sheet's table.)
fn heads_a_table_of_its_own(table: &Table, more: &Table) -> bool {
    let full_head = heads_every_column(more)
        && !more.header().iter().flatten().any(|c| {
            // (a figure a narrow column broke over its lines is one)
            holds_data(&c.text.split_whitespace().collect::<String>())
        });
    let repeated = repeated_header_rows(table, more) > 0
        || more
            .rows
            .first()
            .is_some_and(|first| repeats_head(first, &table.header().concat()));
    full_head && !repeated
}

/// Whether a row of the table's head has a heading over every column.
fn heads_every_column(table: &Table) -> bool {
    table
        .header()
        .iter()
        .any(|row| row.iter().all(|c| !c.text.is_empty()))
}

/// Whether no cell of a row spans rows or columns.
fn spans_none(row: &[Cell]) -> bool {
    row.iter().all(|c| c.row_span == 1 && c.col_span == 1)
}

/// Whether a table's last row on one page (`last`) is the first lines of
/// the row that opens the next (`first`), set at its foot (or its middle)
/// and cut between its lines: `last` holds no figure, only the upper lines
/// of cells that wrap, and each goes on in `first`'s cell under it in a
/// small letter, a sentence it left unfinished; `first` opens with the
/// row's label, or its label's next line where `last` holds its first (a
/// name goes on in a capital, "Fenland District" over "Council"). (A row
/// set at its top, so cut, leaves its label on the page before, and the
/// rest's label empty.)
fn opened_above_the_break(last: &[Cell], first: &[Cell]) -> bool {
    let labelled = |row: &[Cell]| row.first().is_some_and(|c| !c.text.is_empty());
    if last.len() != first.len() || !spans_none(last) || !spans_none(first) {
        return false;
    }
    if !labelled(first) || last.iter().any(|c| holds_data(&c.text)) {
        return false;
    }
    let wrapped: Vec<(&Cell, &Cell)> = last
        .iter()
        .zip(first)
        .skip(1)
        .filter(|(a, _)| !a.text.is_empty())
        .collect();
    let goes_on = |(a, b): &(&Cell, &Cell)| {
        let (end, start) = (a.text.lines().last(), b.text.lines().next());
        end.zip(start)
            .is_some_and(|(end, start)| wrapped_cells::carries_on_a_sentence(end, start))
    };
    !wrapped.is_empty() && wrapped.iter().all(goes_on)
}

/// Whether a table's last row on one page (`last`) and its first on the
/// next (`first`) are one row a page break cut inside a line: a cell's
/// figure parted over them, or words in two cells
/// (`broken_words::broken_at_the_break`: a word's rest opening in a small
/// letter is one cell's line of a running head cut into columns as well),
/// and no column holding a figure in both, as two records would. (A row cut
/// between its lines reads as one by the rest's empty label; a rest whose
/// label carries on too opens with a label of its own.)
fn cut_inside_a_line(last: &[Cell], first: &[Cell]) -> bool {
    use broken_words::BrokenAtTheBreak::{Figure, Word};
    if last.len() != first.len() || !spans_none(last) || !spans_none(first) {
        return false;
    }
    let parted: Vec<_> = last
        .iter()
        .zip(first)
        .map(|(a, b)| {
            let (end, start) = (a.text.lines().last()?, b.text.lines().next()?);
            broken_words::broken_at_the_break(end, start)
        })
        .collect();
    let count = |kind| parted.iter().filter(|&&p| p == Some(kind)).count();
    let two_figures = last
        .iter()
        .zip(first)
        .zip(&parted)
        .any(|((a, b), p)| holds_data(&a.text) && holds_data(&b.text) && p.is_none());
    (count(Figure) >= 1 || count(Word) >= 2) && !two_figures
}

/// How many text blocks after the table at `i` (which ends on `end_page`)
/// are its head repeated at the top of the next page, read apart from the
/// table's part there (the rest of a row the break cut stood between them):
/// blocks of the header's words only, on the next page, followed there by
/// a table with as many columns.
fn repeated_head_text(blocks: &[RawBlock], i: usize, end_page: Option<u32>) -> usize {
    let Some(table) = blocks[i].table.as_ref().filter(|t| t.header_rows > 0) else {
        return 0;
    };
    let next_page = end_page.map(|p| p + 1);
    let header = header_words(table);
    let head_only = |b: &RawBlock| {
        b.table.is_none()
            && b.page == next_page
            && b.text.split_whitespace().next().is_some()
            && b.text.split_whitespace().all(|w| header.contains(&w))
    };
    let count = blocks[i + 1..].iter().take_while(|b| head_only(b)).count();
    let width = |t: &Table| t.rows.first().map(Vec::len);
    let part = blocks.get(i + 1 + count).filter(|b| b.page == next_page);
    match part.and_then(|b| b.table.as_ref()) {
        Some(t) if count > 0 && width(t) == width(table) => count,
        _ => 0,
    }
}

/// Rows of the table at `i` that its page's foot left outside it: a label
/// whose other cells are empty reads as a line of text, so such rows stand
/// between the table's part on this page and its part on the next. They are
/// the lines right under the table (which ends at `end_bottom` on
/// `end_page`), each one line, flush with the table's left edge, each close
/// under the one before, and the table goes on at the top of the next page
/// under its header repeated. Their labels.
fn rows_left_at_foot(
    blocks: &[RawBlock],
    i: usize,
    end_page: Option<u32>,
    end_bottom: Option<f64>,
) -> Vec<String> {
    let (Some(table), Some(left), Some(mut bottom)) =
        (&blocks[i].table, blocks[i].bbox, end_bottom)
    else {
        return Vec::new();
    };
    let mut labels = Vec::new();
    for block in &blocks[i + 1..] {
        if let Some(more) = &block.table {
            let goes_on = block.page == end_page.map(|p| p + 1)
                && table.rows.first().map(Vec::len) == more.rows.first().map(Vec::len)
                && repeated_header_rows(table, more) > 0;
            return if goes_on { labels } else { Vec::new() };
        }
        let Some(at) = block.bbox else {
            break;
        };
        let under = one_line_flush_with(block, end_page, left[0])
            && (-FLUSH_TOLERANCE..MAX_TABLE_PART_GAP).contains(&(at[1] - bottom));
        if !under || labels.len() >= MAX_ROWS_LEFT_AT_FOOT {
            break;
        }
        labels.push(block.text.trim().to_string());
        bottom = at[3];
    }
    Vec::new()
}

/// Rows of the table at `i` that the top of the next page left outside its
/// part there: labels whose figures are left empty, read as lines of text
/// (a page's table need not start with such a row). They are the lines on
/// the next page right above that part, each one line, flush with the
/// table's left edge and within its left half, and the part goes on with
/// the table's columns, under no head of its own. Their labels.
fn rows_left_at_top(blocks: &[RawBlock], i: usize, end_page: Option<u32>) -> Vec<String> {
    let (Some(table), Some(edge)) = (&blocks[i].table, blocks[i].bbox) else {
        return Vec::new();
    };
    let next_page = end_page.map(|p| p + 1);
    // (the table's edge is its rules' where they reach past its text, as
    // booktabs rules do; the part it goes on in may be read by its text)
    let part_edge = blocks[i + 1..]
        .iter()
        .find(|b| b.table.is_some())
        .and_then(|b| b.bbox)
        .map_or(edge[0], |at| at[0]);
    let mut labels = Vec::new();
    let mut bottom = None;
    for block in &blocks[i + 1..] {
        let Some(at) = block.bbox else {
            break;
        };
        if let Some(more) = &block.table {
            let goes_on = block.page == next_page
                && table.rows.first().map(Vec::len) == more.rows.first().map(Vec::len)
                && (more.header_rows == 0 || repeated_header_rows(table, more) > 0)
                && bottom.is_some_and(|b: f64| at[1] - b < MAX_TABLE_PART_GAP);
            return if goes_on { labels } else { Vec::new() };
        }
        let flush = one_line_flush_with(block, next_page, edge[0])
            || one_line_flush_with(block, next_page, part_edge);
        let label = flush
            && at[2] < (edge[0] + edge[2]) / 2.0
            && bottom.is_none_or(|b| at[1] - b < MAX_TABLE_PART_GAP);
        if !label || labels.len() >= MAX_ROWS_LEFT_AT_FOOT {
            break;
        }
        labels.push(block.text.trim().to_string());
        bottom = Some(at[3]);
    }
    Vec::new()
}

/// Whether a block is one line of text on `page` starting at a table's left
/// edge (`left`), as a label whose figures are left empty reads.
fn one_line_flush_with(block: &RawBlock, page: Option<u32>, left: f64) -> bool {
    block.kind == BlockKind::Paragraph
        && block.page == page
        && !block.text.trim().contains('\n')
        && block
            .bbox
            .is_some_and(|at| (at[0] - left).abs() <= FLUSH_TOLERANCE)
}

/// The most rows a page's foot may leave outside their table.
const MAX_ROWS_LEFT_AT_FOOT: usize = 3;

/// How far (pt) a line may stand from a table's edge and be flush with it.
const FLUSH_TOLERANCE: f64 = 2.0;

/// A row of `width` cells with text in its first only (a section label, a
/// label whose figures are left empty).
fn label_row(text: String, width: usize) -> Vec<Cell> {
    let mut row = vec![Cell::new(text)];
    row.resize_with(width, || Cell::new(""));
    row
}

/// How many of a continuation's first rows repeat its table's header: the
/// same words, however the page divided them into rows and cells (a heading
/// wrapped on one page and not on the next, two headings read as one cell).
fn repeated_header_rows(table: &Table, more: &Table) -> usize {
    fn words(rows: &[Vec<Cell>]) -> Vec<&str> {
        let mut w: Vec<&str> = rows
            .iter()
            .flatten()
            .flat_map(|c| c.text.split_whitespace())
            .collect();
        w.sort_unstable();
        w
    }
    let header = (table.header_rows.max(1) as usize).min(table.rows.len());
    // (the header's first rows, when a first row of words was read as one
    // of its rows; more rows here than there, when a heading's lines are rows)
    (1..=header)
        .rev()
        .find_map(|j| {
            let wanted = words(&table.rows[..j]);
            (1..=more.rows.len().min(j + MAX_HEADER_SPLIT))
                .find(|&k| words(&more.rows[..k]) == wanted)
        })
        .unwrap_or(0)
}

/// The most rows more than a table's header that a page repeating it may
/// read it as (each line of a wrapped heading a row).
const MAX_HEADER_SPLIT: usize = 3;

/// How a reader asks for a page's tables, with the options tabula and camelot
/// give: where the table is, where its columns divide, and which method reads it.
#[derive(Debug, Clone, Default)]
pub struct TableRequest {
    /// Only this part of the page: [top, left, bottom, right] in points from the
    /// top-left corner (tabula's `--area`). Text must lie wholly inside it.
    pub area: Option<[f64; 4]>,
    /// Column boundaries, x in points from the left (tabula's `--columns`): in
    /// the stream method they divide the columns; in the lattice method they
    /// are drawn as vertical rules from the top of the area to its bottom.
    pub columns: Option<Vec<f64>>,
    pub method: TableMethod,
}

impl TableRequest {
    /// Whether the reader says where the table lies: an area, or its columns.
    fn gives_place(&self) -> bool {
        self.area.is_some() || self.columns.is_some()
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum TableMethod {
    /// Ruled tables where the page has them, else all its text as one unruled table.
    #[default]
    Auto,
    /// Ruled tables only (tabula's `--lattice`, camelot's lattice flavour);
    /// in an area with no ruled table, its text as one unruled table.
    Lattice,
    /// Unruled tables laid out line by line (tabula's `--stream`): all the
    /// text of the area or columns given, else the tables found on the page
    /// (the whole page when none is).
    Stream,
}

/// The tables of each selected page read as `request` says. This is the
/// page-level reading a reader steers; [`extract`] finds tables by itself.
pub fn requested_tables(
    bytes: &[u8],
    selected: impl Fn(u32) -> bool,
    request: &TableRequest,
) -> Result<Vec<(u32, Table)>, ExtractError> {
    let doc = load(bytes)?;
    let mut interp =
        interpreter::Interpreter::new(&doc, Budget::new(Budget::DEFAULT_OPS, DEFAULT_TIME_LIMIT));
    let mut out = Vec::new();
    // (the whole document's words, read once, where a table asked for needs them)
    let document_words: std::cell::OnceCell<Option<broken_words::Vocabulary>> =
        std::cell::OnceCell::new();
    for (no, page_id) in doc.get_pages() {
        if !selected(no) {
            continue;
        }
        let mut page = interp.run_page(page_id)?;
        let styles = interp.font_styles();
        let whole_page = page.glyphs.clone();
        let area = request.area.unwrap_or([0.0, 0.0, page.height, page.width]);
        crop(&mut page, area);
        let columns = request.columns.as_deref();
        // (the reader's area and columns stand in for a frame the table lacks)
        let settings = tables::TableSettings {
            infer_frame: request.area.is_none() && request.columns.is_none(),
            ..tables::TableSettings::default()
        };
        let ruled = |page: &PageContent| tables::ruled_tables(page, &styles, &settings);
        let stream = |page: &PageContent| {
            // Asked for the stream method by name, the reader gets its layout
            // as the peers define it, every text line a row; otherwise a
            // wrapped cell is one cell, as its rules would have made it.
            let s = stream_tables::StreamSettings {
                join_wrapped_cells: request.method != TableMethod::Stream,
                ..stream_tables::StreamSettings::default()
            };
            // Named with nothing to say where the table is, the method reads
            // the tables it finds on the page, as tabula's guessed areas and
            // camelot's text edges do: not the page's headings and paragraphs.
            if request.method == TableMethod::Stream && !request.gives_place() {
                let free = vec![false; page.glyphs.len()];
                let found = stream_tables::stream_tables(page, &free, &styles, &s);
                if !found.is_empty() {
                    return found;
                }
            }
            stream_tables::grid_table(page, &styles, columns, &s)
                .into_iter()
                .collect::<Vec<_>>()
        };
        if request.method == TableMethod::Lattice {
            page.segments.extend(requested_rules(request, area));
        }
        let find = |page: &PageContent| match request.method {
            // An area says a table is there: one whose rules are not drawn as
            // lines (a scan's, an image's, or none) is read from its text.
            TableMethod::Lattice if request.area.is_some() => {
                let found = ruled(page);
                if found.is_empty() {
                    tracing::warn!(
                        page = no,
                        "no ruled table in the area: its text is read as a stream table"
                    );
                    stream(page)
                } else {
                    found
                }
            }
            TableMethod::Lattice => ruled(page),
            TableMethod::Stream => stream(page),
            TableMethod::Auto => {
                let found = ruled(page);
                if found.is_empty() {
                    stream(page)
                } else {
                    found
                }
            }
        };
        // (given columns are x positions on the page as printed: no turning then)
        let found = match columns {
            None => upright(&page, find),
            Some(_) => find(&page),
        };
        // (the document's words tell a word a cell's line broke, where one
        // may have, as they do when the whole document is read; the words
        // of the whole page but its tables, if the document's cannot be)
        let page_words = || {
            let outside = whole_page
                .iter()
                .filter(|g| !found.iter().any(|f| tables::box_holds(f.bbox, g.centre())));
            let page_text = layout::page_lines(no, outside, &styles, &LayoutSettings::default());
            let tables: Vec<&Table> = found.iter().map(|f| &f.table).collect();
            broken_words::Vocabulary::of(page_text.iter().map(|l| l.text.as_str()), &tables)
        };
        let may_hold_breaks = found
            .iter()
            .any(|f| broken_words::may_hold_breaks(&f.table));
        let document_words = may_hold_breaks
            .then(|| {
                document_words
                    .get_or_init(|| {
                        let read = read_pages(&doc, true, &|_| true).ok()?;
                        Some(vocabulary_of(&read.blocks))
                    })
                    .as_ref()
            })
            .flatten();
        let page_words = (may_hold_breaks && document_words.is_none()).then(page_words);
        for f in found {
            let mut table = f.table;
            tables::strip_leaders(&mut table);
            if let Some(vocabulary) = document_words.or(page_words.as_ref()) {
                broken_words::mend_table(&mut table, vocabulary);
            }
            if request.area.is_some() && request.method == TableMethod::Lattice {
                // (the bands between the area's frame and the table's own rules)
                table.trim_empty_edges();
            }
            table.page = Some(no);
            table.bbox = Some(f.bbox.map(|v| (v * 100.0).round() / 100.0));
            out.push((no, table));
        }
    }
    Ok(out)
}

/// The rules a lattice request adds to the page. A table printed without its
/// outer frame (a spreadsheet's borders turned off) takes its top and sides
/// from the area around it: they close a header set above the first rule and
/// a label column left of the first vertical rule. Below the last rule is the
/// table's foot (sources, notes), not a row. Given columns are vertical rules
/// across the area.
fn requested_rules(request: &TableRequest, [top, left, bottom, right]: [f64; 4]) -> Vec<Segment> {
    let vertical = |x: f64| Segment {
        x0: x,
        x1: x,
        top,
        bottom,
        fill_side: false,
    };
    let mut rules = Vec::new();
    if request.area.is_some() {
        rules.push(Segment {
            x0: left,
            x1: right,
            top,
            bottom: top,
            fill_side: false,
        });
        rules.extend([vertical(left), vertical(right)]);
    }
    rules.extend(request.columns.iter().flatten().map(|&x| vertical(x)));
    rules
}

/// Keeps the glyphs that lie inside an area (across it wholly, as tabula
/// keeps them: a word cut by the area's side loses the letters outside) and
/// the rules that reach into it.
fn crop(page: &mut PageContent, [top, left, bottom, right]: [f64; 4]) {
    const SLACK: f64 = 0.5;
    page.glyphs.retain(|g| {
        // (glyph boxes run from ascent to descent, taller than the letters: the
        // centre decides whether a line is in)
        let cy = (g.top + g.bottom) / 2.0;
        g.x0 >= left - SLACK && g.x1 <= right + SLACK && cy >= top && cy <= bottom
    });
    // A rule is in when it reaches into the area: a border drawn as a thin
    // rectangle just outside it is not (the area's own sides stand in for it).
    page.segments
        .retain(|s| s.x1 >= left && s.x0 <= right && s.bottom >= top && s.top <= bottom);
}

/// What `find` finds on the page set upright, its boxes put back on the page.
fn upright(
    page: &PageContent,
    find: impl Fn(&PageContent) -> Vec<tables::FoundTable>,
) -> Vec<tables::FoundTable> {
    let Some(turn) = orientation::sideways_turn(page) else {
        return find(page);
    };
    let mut found = find(&orientation::turn_page(page, turn));
    let printed = [page.width, page.height];
    for f in &mut found {
        f.bbox = orientation::box_on_page(f.bbox, printed, turn);
        f.table.bbox = f
            .table
            .bbox
            .map(|b| orientation::box_on_page(b, printed, turn));
    }
    found
}

/// A page's ruled tables, then its unruled tables among the glyphs left over
/// (a chart's values and labels, within its plot area, are none).
fn page_tables(
    page: &PageContent,
    styles: &[interpreter::FontStyle],
    settings: &tables::TableSettings,
) -> Vec<tables::FoundTable> {
    let (mut found, plots) = tables::ruled_grids(page, styles, settings);
    let mut taken: Vec<bool> = page
        .glyphs
        .iter()
        .map(|g| plots.iter().any(|&b| tables::box_holds(b, g.centre())))
        .collect();
    tables::mark_taken(&mut taken, &found);
    found.extend(stream_tables::stream_tables(
        page,
        &taken,
        styles,
        &stream_tables::StreamSettings::default(),
    ));
    found
}

/// Farthest (pt) a header drawn apart from its table may sit above it.
const MAX_HEADER_GAP: f64 = 48.0;

/// A table's header drawn as a table of its own: a block of column headings
/// ("Actuals | Budget", "2016/17 | 2017/18", "£'000 | £'000") over the data
/// columns of the table below it, which has one column more (its row labels),
/// the two right-aligned. A short label between them ("EXPENDITURE") becomes
/// the body's first row. The header rows go on top, with an empty label cell.
fn join_split_headers(blocks: &mut Vec<RawBlock>) {
    let mut i = 0;
    while i + 1 < blocks.len() {
        let label = is_section_label(&blocks[i + 1]).then_some(i + 1);
        let body = label.map_or(i + 1, |l| l + 1);
        if body < blocks.len() && is_split_header(&blocks[i], &blocks[body]) {
            let label_text = label.map(|l| blocks[l].text.trim().to_string());
            let body_block = blocks.remove(body);
            if let Some(l) = label {
                blocks.remove(l);
            }
            let header = &mut blocks[i];
            let (Some(head), Some(mut table)) = (header.table.take(), body_block.table) else {
                i += 1;
                continue;
            };
            let width = table.rows.iter().map(Vec::len).max().unwrap_or(0);
            let mut rows: Vec<Vec<Cell>> = head
                .rows
                .into_iter()
                .map(|r| std::iter::once(Cell::new("")).chain(r).collect())
                .collect();
            let header_rows = rows.len() as u32;
            if let Some(text) = label_text {
                rows.push(label_row(text, width));
            }
            rows.append(&mut table.rows);
            table.rows = rows;
            table.header_rows = header_rows;
            if let (Some(a), Some(b)) = (header.bbox, body_block.bbox) {
                header.bbox = Some([
                    a[0].min(b[0]),
                    a[1].min(b[1]),
                    a[2].max(b[2]),
                    a[3].max(b[3]),
                ]);
            }
            header.text = table_text(&table);
            header.table = Some(table);
        }
        i += 1;
    }
}

fn is_section_label(b: &RawBlock) -> bool {
    b.table.is_none()
        && matches!(b.kind, BlockKind::Paragraph | BlockKind::Heading)
        && (1..=3).contains(&b.text.split_whitespace().count())
}

fn is_split_header(head: &RawBlock, body: &RawBlock) -> bool {
    let (Some(h), Some(b)) = (&head.table, &body.table) else {
        return false;
    };
    let (Some(hb), Some(bb)) = (head.bbox, body.bbox) else {
        return false;
    };
    let h_width = h.rows.iter().map(Vec::len).max().unwrap_or(0);
    let b_width = b.rows.iter().map(Vec::len).max().unwrap_or(0);
    let headings_only = h.rows.iter().flatten().all(|c| !holds_data(&c.text));
    let right_aligned = (hb[2] - bb[2]).abs() < MAX_TABLE_PART_GAP && hb[0] > bb[0];
    head.page == body.page
        && h_width >= 2
        && b_width == h_width + 1
        && headings_only
        && right_aligned
        && bb[1] - hb[3] < MAX_HEADER_GAP
}

/// Whether a cell holds a figure rather than a heading (years and units are
/// headings): "1,234", "-2.5%", "£45,820", "$85.00", "(35.8)" (an
/// accountant's negative).
fn holds_data(text: &str) -> bool {
    // (no digit, no figure: most text is words, and is told so cheaply)
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let t = text.trim();
    let t = t
        .strip_prefix('(')
        .and_then(|inner| inner.strip_suffix(')'))
        .unwrap_or(t);
    // (a minus sign or an en dash before a figure is its sign, as a hyphen is)
    let t: String = t
        .chars()
        .filter(|c| !matches!(c, ',' | '%' | '£' | '$' | '€' | '+' | ' '))
        .map(|c| {
            if matches!(c, '\u{2212}' | '\u{2013}') {
                '-'
            } else {
                c
            }
        })
        .collect();
    // (a year is four digits, written without a thousands separator:
    // "2,053" is an amount, "20.4" a rate)
    let year = t.len() == 4
        && t.bytes().all(|b| b.is_ascii_digit())
        && (t.starts_with("19") || t.starts_with("20"))
        && !text.contains(',');
    // "£000" over a column of figures gives their scale, not a figure
    let scale = t.len() >= 3 && t.chars().all(|c| c == '0');
    t.parse::<f64>().is_ok() && !year && !scale
}

fn table_text(table: &Table) -> String {
    table
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| c.text.replace('\n', " "))
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Loads a PDF, turning lopdf's failures into causes a reader can act on.
///
/// When the cross-reference data proves damaged (its offsets had to be
/// corrected), its entries cannot be trusted either: the file is loaded again
/// with the table rebuilt by scanning for objects, as Poppler and pdf.js do,
/// and the rebuilt one is used if it holds at least as many pages.
fn load(bytes: &[u8]) -> Result<lopdf::Document, ExtractError> {
    let doc = load_with(bytes, false)?;
    let doc = if doc.xref_recovery == Some(lopdf::xref::XrefRecovery::OffsetCorrected) {
        match load_with(bytes, true) {
            Ok(rebuilt) if rebuilt.get_pages().len() >= doc.get_pages().len() => rebuilt,
            _ => doc,
        }
    } else {
        doc
    };
    if doc.is_encrypted() {
        return Err(ExtractError::PdfPassword);
    }
    if let Ok(Object::Dictionary(encrypt)) = doc.trailer.get(b"Encrypt") {
        return Err(inline_encryption(&doc, encrypt.clone()));
    }
    Ok(doc)
}

/// lopdf applies an /Encrypt dictionary only when it is an object of its own;
/// one written in the trailer itself leaves the file unread (no objects
/// load), so the run says why: a password, or the dictionary's place.
fn inline_encryption(doc: &lopdf::Document, encrypt: lopdf::Dictionary) -> ExtractError {
    let mut probe = lopdf::Document::new();
    probe.trailer = doc.trailer.clone();
    let id = probe.add_object(encrypt);
    probe.trailer.set("Encrypt", id);
    match probe.authenticate_raw_password(b"") {
        Ok(()) => ExtractError::PdfInlineEncryption,
        Err(_) => ExtractError::PdfPassword,
    }
}

fn load_with(bytes: &[u8], force_reconstruct: bool) -> Result<lopdf::Document, ExtractError> {
    let options = LoadOptions {
        max_decompressed_size: Some(limits::MAX_LOAD_STREAM_BYTES),
        force_reconstruct,
        ..Default::default()
    };
    // lopdf is written to return errors, but a parser bug on hostile input must
    // not take the whole run down: contain it here and report it as a parse error.
    let loaded =
        std::panic::catch_unwind(|| lopdf::Document::load_mem_with_options(bytes, options))
            .map_err(|_| ExtractError::PdfParse("the PDF parser failed on this file".into()))?;
    loaded.map_err(|e| ExtractError::PdfParse(describe_load_error(&e)))
}

fn describe_load_error(e: &lopdf::Error) -> String {
    let text = e.to_string();
    if text.contains("cross reference") || text.contains("xref") || text.contains("trailer") {
        format!(
            "{text} (the file may be truncated or its cross-reference table damaged beyond repair)"
        )
    } else {
        text
    }
}

/// The document information dictionary's /Title, when it is a real title.
fn info_title(doc: &lopdf::Document) -> Option<String> {
    let info = doc
        .trailer
        .get_deref(b"Info", doc)
        .and_then(Object::as_dict)
        .ok()?;
    let raw = info_string(doc, info, b"Title")?;
    let title = crate::extract::html::strip_site_name(
        &raw.split_whitespace().collect::<Vec<_>>().join(" "),
    );
    // Producers fill /Title with file names and template names; those are not titles.
    let lower = title.to_ascii_lowercase();
    let junk = title.is_empty()
        || [
            ".doc",
            ".pdf",
            ".qxp",
            ".indd",
            "untitled",
            "microsoft word",
        ]
        .iter()
        .any(|j| lower.contains(j));
    (!junk).then_some(title)
}

fn info_string(doc: &lopdf::Document, info: &Dictionary, key: &[u8]) -> Option<String> {
    match info.get_deref(key, doc).ok()? {
        Object::String(bytes, _) => Some(
            lopdf::decode_text_string(&Object::String(bytes.clone(), lopdf::StringFormat::Literal))
                .ok()?,
        ),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::{
        carry_back, head_carried_on, holds_data, join_continued_tables, last_line_room,
        page_tables, read_top_table_as_body, repeated_header_rows, repeats_head, RunningTable,
    };
    use crate::document::Cell;
    use crate::document::{BBox, BlockKind, RawBlock, Table};
    use crate::extract::pdf::interpreter::{test_glyphs, PageContent};
    use crate::extract::pdf::tables::FoundTable;

    fn table_block(page: u32, bbox: BBox, rows: Vec<Vec<&str>>) -> RawBlock {
        let mut block = RawBlock::new(BlockKind::Table, "");
        block.page = Some(page);
        block.bbox = Some(bbox);
        let mut table = Table::from_texts(rows, 1);
        table.page = Some(page);
        block.table = Some(table);
        block
    }

    /// A table's part with no head of its own, as one carried over a break.
    fn part_block(page: u32, bbox: BBox, rows: Vec<Vec<&str>>) -> RawBlock {
        let mut block = table_block(page, bbox, rows);
        block.table.as_mut().unwrap().header_rows = 0;
        block
    }

    #[test]
    fn a_head_repeated_is_the_heads_words_or_parts_of_them() {
        let cells = |texts: &[&str]| texts.iter().map(|&t| Cell::new(t)).collect::<Vec<_>>();
        let head = cells(&["Service", "Award", "2023/24", "Purpose"]);
        assert!(repeats_head(
            &cells(&["Service", "Award", "2023/24", "Purpose"]),
            &head
        ));
        // (cut into columns elsewhere)
        assert!(repeats_head(
            &cells(&["Service Award", "2023/24 Pu", "rpose"]),
            &head
        ));
        // (a cell's first line carried over: its letters are the head's, its
        // word none of theirs)
        assert!(!repeats_head(&cells(&["", "", "Speed", ""]), &head));
        assert!(!repeats_head(&cells(&["Victim", "81.1%"]), &head));
    }

    #[test]
    fn rows_a_page_foot_left_as_lines_of_text_rejoin_their_table() {
        // "Red Hen Project" and "St Giles Trust" have no figures, so their
        // lines under the table read as text; the table goes on over the
        // page under its header repeated
        let blocks = |left: f64, header: &str| {
            let line = |text: &str, top: f64| {
                let mut b = RawBlock::new(BlockKind::Paragraph, text);
                b.page = Some(1);
                b.bbox = Some([left, top, left + 90.0, top + 10.0]);
                b
            };
            vec![
                table_block(
                    1,
                    [50.0, 100.0, 400.0, 700.0],
                    vec![vec!["Partner", "Award"], vec!["Victim Support", "12"]],
                ),
                line("Red Hen Project", 704.0),
                line("St Giles Trust", 718.0),
                table_block(
                    2,
                    [50.0, 40.0, 400.0, 300.0],
                    vec![vec![header, "Award"], vec!["Safer Streets", "7"]],
                ),
            ]
        };
        let mut joined = blocks(50.0, "Partner");
        join_continued_tables(&mut joined);
        assert_eq!(joined.len(), 1);
        assert_eq!(
            joined[0].table.as_ref().unwrap().texts(),
            vec![
                vec!["Partner", "Award"],
                vec!["Victim Support", "12"],
                vec!["Red Hen Project", ""],
                vec!["St Giles Trust", ""],
                vec!["Safer Streets", "7"],
            ]
        );
        // lines not flush with the table, or a table after them with a head of
        // its own, are text between two tables
        for (left, header) in [(60.0, "Partner"), (50.0, "Service")] {
            let mut apart = blocks(left, header);
            join_continued_tables(&mut apart);
            assert_eq!(apart.len(), 4, "{left} {header}");
        }
    }

    #[test]
    fn an_empty_row_a_page_break_cut_at_the_foot_of_a_part_is_dropped() {
        // a browser drew the cut row whole on page 2, its box's top as an
        // empty row on page 1; a run of empty rows (a form's) stays
        let parts = |tail: Vec<Vec<&'static str>>| {
            let mut rows = vec![vec!["Partner", "Award"], vec!["Victim Support", "12"]];
            rows.extend(tail);
            vec![
                table_block(1, [50.0, 100.0, 400.0, 760.0], rows),
                part_block(
                    2,
                    [50.0, 40.0, 400.0, 300.0],
                    vec![vec!["Safer Streets", "7"]],
                ),
            ]
        };
        let texts = |mut blocks: Vec<RawBlock>| {
            join_continued_tables(&mut blocks);
            assert_eq!(blocks.len(), 1);
            let table = blocks[0].table.as_ref().unwrap();
            table
                .rows
                .iter()
                .map(|r| r.iter().map(|c| c.text.clone()).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            texts(parts(vec![vec!["", ""]])),
            vec![
                vec!["Partner", "Award"],
                vec!["Victim Support", "12"],
                vec!["Safer Streets", "7"],
            ]
        );
        assert_eq!(texts(parts(vec![vec!["", ""], vec!["", ""]])).len(), 5);
    }

    /// A table's rows from the last of `before` (its rows on page 1, the
    /// head first) on, once its part on page 2, opening with `first`, is
    /// joined to it.
    fn joined_over_a_break(
        before: Vec<Vec<&'static str>>,
        first: Vec<&'static str>,
    ) -> Vec<Vec<String>> {
        let last = before.len() - 1;
        let mut blocks = vec![
            table_block(1, [50.0, 100.0, 400.0, 760.0], before),
            part_block(2, [50.0, 40.0, 400.0, 300.0], vec![first]),
        ];
        join_continued_tables(&mut blocks);
        let table = blocks[0].table.as_ref().unwrap();
        table.rows[last..]
            .iter()
            .map(|r| r.iter().map(|c| c.text.clone()).collect())
            .collect()
    }

    #[test]
    fn a_row_a_page_break_cut_inside_a_line_of_its_cells_is_one_row() {
        // a narrow column's figure broken over the break ("275,05" over
        // "0"), or words in two cells ("Counci" over "l youth"), the label
        // wrapped over it too; two records, each with a figure, stay two
        let joined = |last: Vec<&'static str>, first: Vec<&'static str>| {
            let head = vec!["Partner", "Award", "Notes", "Purpose"];
            joined_over_a_break(vec![head, last], first)
        };
        assert_eq!(
            joined(
                vec!["Red", "275,05", "Fund", "Hub"],
                vec!["Hen Project", "0", "Training", "Schools"]
            ),
            [[
                "Red\nHen Project",
                "275,05\n0",
                "Fund\nTraining",
                "Hub\nSchools"
            ]]
        );
        assert_eq!(
            joined(
                vec!["Red", "", "Counci", "Worke"],
                vec!["Hen Project", "", "l youth", "rs"]
            ),
            [["Red\nHen Project", "", "Counci\nl youth", "Worke\nrs"]]
        );
        // (a word in one cell only may be a running head's line cut into
        // columns; a figure whole in both is two records')
        assert_eq!(
            joined(
                vec!["Red", "", "Counci", "Hub"],
                vec!["Hen Project", "", "l youth", "Schools"]
            )
            .len(),
            2
        );
        assert_eq!(
            joined(
                vec!["Red", "275,05", "Fund", "12"],
                vec!["Hen Project", "0", "Training", "47"]
            )
            .len(),
            2
        );
    }

    #[test]
    fn a_row_set_at_its_foot_cut_between_its_lines_is_one_row() {
        // the row's first lines, a text cell's, with no label and no figure,
        // at the foot of page 1; its last line opens page 2 with its label
        // and figures, the text going on in a small letter
        let joined = |last: Vec<&'static str>, first: Vec<&'static str>| {
            let head = vec!["Partner", "Award", "Purpose"];
            joined_over_a_break(
                vec![head, vec!["Red Hen Project", "406", "Hub"], last],
                first,
            )
        };
        assert_eq!(
            joined(
                vec!["", "", "Community domestic"],
                vec!["St Giles Trust", "700,694", "training victim"]
            ),
            [[
                "St Giles Trust",
                "700,694",
                "Community domestic\ntraining victim"
            ]]
        );
        // (set at its middle, its label wraps too: the label's next line
        // opens the page in a capital, as a name goes on)
        assert_eq!(
            joined(
                vec!["Fenland District", "", "Project county"],
                vec!["Council", "£68,938", "speed families"]
            ),
            [[
                "Fenland District\nCouncil",
                "£68,938",
                "Project county\nspeed families"
            ]]
        );
        // (a text that ends its sentence, or a next record's text opening
        // in a capital, is a row of its own; so is a figure's, and a label
        // alone over the next record's)
        assert_eq!(
            joined(
                vec!["Fenland District", "", ""],
                vec!["Council", "£5", "speed"]
            )
            .len(),
            2
        );
        let apart = [
            (vec!["", "", "Community domestic."], "training victim"),
            (vec!["", "", "Community domestic"], "Training victim"),
            (vec!["", "£5", "Community domestic"], "training victim"),
        ];
        for (last, text) in apart {
            let first = vec!["St Giles Trust", "700,694", text];
            assert_eq!(joined(last, first).len(), 2);
        }
    }

    #[test]
    fn a_head_repeated_apart_from_the_tables_part_on_the_next_page_is_dropped() {
        // the head repeated at the top of page 2 read as lines of text (the
        // rest of a cut row stood between it and the table's part there)
        let blocks = |text: &str, columns: usize| {
            let mut head = RawBlock::new(BlockKind::Paragraph, text);
            head.page = Some(2);
            head.bbox = Some([50.0, 40.0, 400.0, 60.0]);
            let mut part = vec!["Safer Streets", "7"];
            part.truncate(columns);
            vec![
                table_block(
                    1,
                    [50.0, 100.0, 400.0, 800.0],
                    vec![vec!["Partner", "Spend (£)"], vec!["Victim Support", "12"]],
                ),
                head,
                part_block(2, [50.0, 90.0, 400.0, 300.0], vec![part]),
            ]
        };
        let mut joined = blocks("Partner Spend (£)", 2);
        join_continued_tables(&mut joined);
        assert_eq!(joined.len(), 1);
        assert_eq!(joined[0].table.as_ref().unwrap().rows.len(), 3);
        // words that are not the head's, or a table of other columns after
        // them, are text between two tables
        for (text, columns) in [("Partner Spend (£) notes", 2), ("Partner Spend (£)", 1)] {
            let mut apart = blocks(text, columns);
            join_continued_tables(&mut apart);
            assert_eq!(apart.len(), 3, "{text} {columns}");
        }
    }

    #[test]
    fn a_part_atop_the_next_page_under_a_head_of_its_own_is_another_table() {
        // each sheet of a spreadsheet printed on a page of its own, its title
        // taken for a running header: only the head tells the next table
        let parts = |next: Vec<Vec<&'static str>>, header_rows: u32| {
            let mut blocks = vec![
                table_block(
                    1,
                    [50.0, 100.0, 400.0, 800.0],
                    vec![vec!["Partner", "Spend (£)"], vec!["Victim Support", "12"]],
                ),
                table_block(2, [50.0, 100.0, 400.0, 300.0], next),
            ];
            blocks[1].table.as_mut().unwrap().header_rows = header_rows;
            join_continued_tables(&mut blocks);
            blocks.len()
        };
        let body = vec!["Safer Streets", "7"];
        assert_eq!(parts(vec![vec!["Service", "Award"], body.clone()], 1), 2);
        // the table's head repeated, or a part with no head, carries it on;
        // so does a head with a column unheaded, as a cut row's rest reads
        assert_eq!(
            parts(vec![vec!["Partner", "Spend (£)"], body.clone()], 1),
            1
        );
        assert_eq!(
            parts(vec![vec!["Partner Spend", "(£)"], body.clone()], 1),
            1
        );
        assert_eq!(parts(vec![vec!["Service", "Award"], body.clone()], 0), 1);
        assert_eq!(parts(vec![vec!["Service", ""], body.clone()], 1), 1);
        // (a record read as a head, its figure among its cells, whole or
        // broken over its lines)
        assert_eq!(parts(vec![vec!["Red Hen", "12"], body.clone()], 1), 1);
        assert_eq!(parts(vec![vec!["Red Hen", "871,7\n89"], body], 1), 1);
    }

    #[test]
    fn the_empty_rest_of_a_cut_row_at_the_top_of_the_next_page_is_dropped() {
        // a boxed table's row cut at the page's foot, all its text on page 1:
        // its box goes on, empty, at the top of page 2
        let mut blocks = vec![
            table_block(
                1,
                [50.0, 100.0, 400.0, 800.0],
                vec![vec!["Partner", "Spend (£)"], vec!["Victim Support", "12"]],
            ),
            part_block(
                2,
                [50.0, 40.0, 400.0, 300.0],
                vec![vec!["", ""], vec!["Safer Streets", "7"]],
            ),
        ];
        join_continued_tables(&mut blocks);
        assert_eq!(blocks.len(), 1);
        let rows = &blocks[0].table.as_ref().unwrap().rows;
        assert_eq!(rows.len(), 3, "{rows:?}");
        assert_eq!(rows[2][0].text, "Safer Streets");
    }

    #[test]
    fn carried_lines_go_back_to_the_cut_row_out_of_the_table_that_read_some_of_them() {
        // "intervention" (glyph 0) and "district" (glyph 1) carry the cut
        // row's purpose on; the page's table starts below the first, and
        // read the second as its first row
        let cut = || Table::from_texts(vec![vec!["Area", "Purpose"], vec!["Ely", "Support"]], 1);
        let page_table = |first: &str| FoundTable {
            bbox: [50.0, 100.0, 400.0, 300.0],
            table: Table::from_texts(vec![vec!["", first], vec!["Road Safety", "Crime"]], 0),
            glyphs: vec![1, 2, 3],
        };
        let carried = || {
            (
                vec![String::new(), "intervention\ndistrict".to_string()],
                vec![0, 1],
            )
        };
        let mut found = [page_table("district")];
        let mut table = cut();
        let loose = carry_back(&mut found, &mut table, carried());
        assert_eq!(loose, vec![0]);
        assert_eq!(table.texts()[1], ["Ely", "Support\nintervention\ndistrict"]);
        assert_eq!(found[0].table.texts(), vec![vec!["Road Safety", "Crime"]]);
        // a first row that is no tail of the carried text leaves them be
        let mut found = [page_table("Hub")];
        let mut table = cut();
        assert!(carry_back(&mut found, &mut table, carried()).is_empty());
        assert_eq!(table.texts()[1], ["Ely", "Support"]);
    }

    #[test]
    fn labels_left_above_the_tables_part_on_the_next_page_rejoin_it() {
        // "Road Safety Partnership" has no figures; read as a line of text
        // at the top of page 2, above the table's part there
        let blocks_under = |table_left: f64, left: f64, part_head: u32| {
            let mut label = RawBlock::new(BlockKind::Paragraph, "Road Safety Partnership");
            label.page = Some(2);
            label.bbox = Some([left, 40.0, left + 110.0, 50.0]);
            let mut part = table_block(2, [50.0, 56.0, 400.0, 300.0], vec![vec!["Ormiston", "7"]]);
            part.table.as_mut().unwrap().header_rows = part_head;
            vec![
                table_block(
                    1,
                    [table_left, 100.0, 400.0, 800.0],
                    vec![vec!["Partner", "Award"], vec!["Red Hen", "12"]],
                ),
                label,
                part,
            ]
        };
        let blocks = |left: f64, part_head: u32| blocks_under(50.0, left, part_head);
        let mut joined = blocks(50.0, 0);
        join_continued_tables(&mut joined);
        assert_eq!(joined.len(), 1);
        assert_eq!(
            joined[0].table.as_ref().unwrap().texts(),
            vec![
                vec!["Partner", "Award"],
                vec!["Red Hen", "12"],
                vec!["Road Safety Partnership", ""],
                vec!["Ormiston", "7"],
            ]
        );
        // a line not flush with the table, or a part with a head of its
        // own, is text between two tables
        for (left, head) in [(70.0, 0), (50.0, 1)] {
            let mut apart = blocks(left, head);
            join_continued_tables(&mut apart);
            assert_eq!(apart.len(), 3, "{left} {head}");
        }
        // (the table before ruled wider than its text, as booktabs rules it:
        // the line is flush with the part it stands over)
        let mut ruled = blocks_under(40.0, 50.0, 0);
        join_continued_tables(&mut ruled);
        assert_eq!(ruled.len(), 1);
        assert_eq!(ruled[0].table.as_ref().unwrap().rows.len(), 4);
    }

    /// A 600 x 800 pt page of these words, set in type of `size`.
    fn page_of_words(words: &[(&str, f64, f64)], size: f64) -> PageContent {
        PageContent {
            glyphs: words
                .iter()
                .flat_map(|&(t, x, y)| test_glyphs(t, x, y, size))
                .collect(),
            width: 600.0,
            height: 800.0,
            ..Default::default()
        }
    }

    /// The page before's table of `columns` running to its foot, its
    /// columns' bounds unknown, its cells wrapped at `leading`.
    fn running_table(
        columns: usize,
        x_range: (f64, f64),
        size: f64,
        leading: Option<f64>,
    ) -> RunningTable {
        RunningTable {
            columns,
            bounds: None,
            index: 0,
            x_range,
            size,
            leading,
            row_gap: None,
            room: Vec::new(),
            last_fill: None,
        }
    }

    fn cells(texts: &[&str]) -> Vec<Cell> {
        texts.iter().map(|&t| Cell::new(t)).collect()
    }

    #[test]
    fn a_tables_part_at_the_top_of_the_next_page_reads_its_first_lines_as_a_record() {
        // the part's first record set at its middle: its purpose's first
        // line stands alone above the record's label, the figures between
        // its second and third lines; the table's cells wrap 13.4 pt apart
        let mut words = vec![("Intervention", 228.0, 80.0)];
        words.extend([("Red Hen Project", 90.0, 93.4), ("training", 228.0, 93.4)]);
        words.extend([("£45,682", 380.0, 100.1), ("458,589", 450.0, 100.1)]);
        words.push(("outreach", 228.0, 106.8));
        for (k, label) in ["Safer Streets", "Victim Support", "St Giles Trust"]
            .iter()
            .enumerate()
        {
            let y = 130.0 + 22.0 * k as f64;
            words.extend([(*label, 90.0, y), ("Support", 228.0, y)]);
            words.extend([("12,000", 380.0, y), ("9,500", 450.0, y)]);
        }
        let page = page_of_words(&words, 10.0);
        let mut found = page_tables(&page, &[], &Default::default());
        assert_eq!(found.len(), 1);
        assert!(found[0].table.header_rows > 0, "{:?}", found[0].table);
        let running = running_table(4, (90.0, 500.0), 10.0, Some(13.4));
        let head = cells(&["Recipient", "Purpose", "Award", "Result"]);
        // (under the table's head repeated it stays a table with a head)
        let mut under_its_head = found.clone();
        let repeated = vec![Cell::new("Intervention")];
        read_top_table_as_body(&page, &mut under_its_head, &[], (&running, &repeated, &[]));
        assert_eq!(under_its_head[0].table, found[0].table);
        read_top_table_as_body(&page, &mut found, &[], (&running, &head, &[]));
        let table = &found[0].table;
        assert_eq!(table.header_rows, 0);
        assert_eq!(table.rows.len(), 4, "{table:?}");
        assert_eq!(
            table.texts()[0],
            [
                "Red Hen Project",
                "Intervention\ntraining\noutreach",
                "£45,682",
                "458,589"
            ]
        );
    }

    #[test]
    fn a_head_repeated_over_the_rest_of_a_cut_row_is_read_without_it() {
        // the head repeated; under its last heading, a line's leading below
        // it, the last line of the page before's last row ("district"),
        // which the head read into that heading's cell
        let mut words = vec![("Measure", 90.0, 60.0), ("Outcome", 228.0, 60.0)];
        words.extend([("Award", 380.0, 60.0), ("Notes", 450.0, 60.0)]);
        words.push(("district", 450.0, 72.0));
        for (k, label) in ["Safer Streets", "Victim Support", "St Giles Trust"]
            .iter()
            .enumerate()
        {
            let y = 95.0 + 22.0 * k as f64;
            words.extend([(*label, 90.0, y), ("Support", 228.0, y)]);
            words.extend([("12,000", 380.0, y), ("Hub", 450.0, y)]);
        }
        let page = page_of_words(&words, 10.0);
        let mut found = page_tables(&page, &[], &Default::default());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].table.texts()[0][3], "Notes\ndistrict");
        let carried: Vec<usize> = (0..page.glyphs.len())
            .filter(|&i| page.glyphs[i].origin[1] == 72.0)
            .collect();
        let running = running_table(4, (90.0, 500.0), 10.0, Some(12.0));
        let head = cells(&["Measure", "Outcome", "Award", "Notes"]);
        read_top_table_as_body(&page, &mut found, &[], (&running, &head, &carried));
        let table = &found[0].table;
        assert_eq!(table.header_rows, 1);
        assert_eq!(table.texts()[0], ["Measure", "Outcome", "Award", "Notes"]);
        assert_eq!(table.rows.len(), 4, "{table:?}");
        assert!(carried.iter().all(|g| !found[0].glyphs.contains(g)));
    }

    #[test]
    fn a_lone_record_moved_whole_with_no_head_is_read_at_the_tables_leading() {
        // the table's last record alone at the top of the page, no head
        // repeated, set at its middle: its label and two texts wrapped 12
        // pt apart round its figures' line, as the table's cells wrap on
        // the page before
        let mut words = vec![("St Giles", 90.0, 77.4), ("Hub fund", 228.0, 77.4)];
        words.push(("Fund", 297.0, 77.4));
        words.extend([("Fund hub", 159.0, 83.4), ("19", 386.0, 83.4)]);
        words.push(("202,239", 443.0, 83.4));
        words.extend([("Trust", 90.0, 89.4), ("outreach", 228.0, 89.4)]);
        words.push(("council", 297.0, 89.4));
        let page = page_of_words(&words, 10.0);
        let found = page_tables(&page, &[], &Default::default());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].table.header_rows, 0);
        assert_eq!(found[0].table.rows.len(), 3, "{:?}", found[0].table);
        let head = cells(&["Partner", "Purpose", "Notes", "Outcome", "Award", "Spend"]);
        let read = |leading: Option<f64>| {
            let mut found = found.clone();
            let running = running_table(6, (90.0, 500.0), 10.0, leading);
            read_top_table_as_body(&page, &mut found, &[], (&running, &head, &[]));
            found.remove(0).table
        };
        let table = read(Some(12.1));
        assert_eq!(table.rows.len(), 1, "{table:?}");
        assert_eq!(
            table.texts()[0],
            [
                "St Giles\nTrust",
                "Fund hub",
                "Hub fund\noutreach",
                "Fund\ncouncil",
                "19",
                "202,239"
            ]
        );
        // (where the table's cells showed no leading, it stays as found)
        assert_eq!(read(None).rows.len(), 3);
    }

    #[test]
    fn a_lone_record_under_the_head_repeated_is_read_at_the_tables_leading() {
        // the head repeated at the top of the page, then the table's last
        // record, its label and purpose wrapped 14.4 pt apart, as the
        // table's cells wrap on the page before
        let mut words = vec![("Partner", 85.5, 97.0), ("Award", 215.5, 97.0)];
        words.extend([("2022/23", 323.7, 97.0), ("Notes", 394.7, 97.0)]);
        words.extend([
            ("Community Safety", 85.5, 120.4),
            ("Community fraud", 215.5, 120.4),
        ]);
        words.extend([("£4,175", 323.7, 120.4), ("55.0%", 394.7, 120.4)]);
        words.extend([
            ("Partnership", 85.5, 134.8),
            ("council council", 215.5, 134.8),
        ]);
        let page = page_of_words(&words, 12.0);
        let mut found = page_tables(&page, &[], &Default::default());
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].table.rows.len(), 3, "{:?}", found[0].table);
        let running = running_table(4, (85.5, 450.0), 12.0, Some(14.4));
        let head = cells(&["Partner", "Award", "2022/23", "Notes"]);
        read_top_table_as_body(&page, &mut found, &[], (&running, &head, &[]));
        let table = &found[0].table;
        assert_eq!(table.header_rows, 1);
        assert_eq!(
            table.texts(),
            [
                vec!["Partner", "Award", "2022/23", "Notes"],
                vec![
                    "Community Safety\nPartnership",
                    "Community fraud\ncouncil council",
                    "£4,175",
                    "55.0%"
                ]
            ]
        );
    }

    #[test]
    fn the_head_a_part_carries_on_is_its_first_parts() {
        let part = |rows: Vec<Vec<&str>>, header_rows: u32| FoundTable {
            bbox: [0.0; 4],
            table: Table::from_texts(rows, header_rows),
            glyphs: Vec::new(),
        };
        let found = vec![
            (1, part(vec![vec!["Area", "Target"], vec!["Ely", "5"]], 1)),
            (2, part(vec![vec!["March", "7"]], 0)),
            (3, part(vec![vec!["Wisbech", "2"]], 0)),
        ];
        let texts = |cells: Vec<Cell>| cells.into_iter().map(|c| c.text).collect::<Vec<_>>();
        assert_eq!(texts(head_carried_on(&found, 2)), ["Area", "Target"]);
        assert_eq!(texts(head_carried_on(&found, 0)), ["Area", "Target"]);
        // (a part of other columns is another table's)
        let mut other = found.clone();
        other[1] = (2, part(vec![vec!["March", "7", "1"]], 0));
        assert!(head_carried_on(&other, 2).is_empty());
    }

    /// `last_line_room` of a table boxed at `bbox` that holds every glyph of
    /// `page`, its columns divided at `bounds`.
    fn room_in_table(page: &PageContent, bbox: BBox, bounds: &[f64]) -> Vec<f64> {
        let table = FoundTable {
            bbox,
            table: Table::from_texts(vec![vec!["", ""]], 0),
            glyphs: (0..page.glyphs.len()).collect(),
        };
        last_line_room(page, &table, bounds)
    }

    #[test]
    fn the_room_a_cut_rows_last_line_left_is_measured_against_its_columns_widest() {
        // labels (x 50) and figures (x 200); the last row's label "Ely" is
        // 15 pt wide, the widest below the table's middle 60 pt
        let mut glyphs = vec![];
        for (label, figure, y) in [
            ("Budget", "1", 100.0),
            ("Huntingdon", "2", 150.0),
            ("Ely", "3", 200.0),
        ] {
            glyphs.extend(test_glyphs(label, 50.0, y, 10.0));
            glyphs.extend(test_glyphs(figure, 200.0, y, 10.0));
        }
        let widths: Vec<f64> = ["Huntingdon", "Ely"]
            .iter()
            .map(|t| {
                let g = test_glyphs(t, 50.0, 0.0, 10.0);
                g[g.len() - 1].x1 - g[0].x0
            })
            .collect();
        let page = PageContent {
            glyphs,
            ..Default::default()
        };
        let room = room_in_table(&page, [50.0, 90.0, 210.0, 202.0], &[150.0]);
        assert_eq!(room.len(), 2);
        assert!((room[0] - (widths[0] - widths[1])).abs() < 1e-9, "{room:?}");
        assert!(room[1].abs() < 1e-9, "{room:?}");
    }

    #[test]
    fn where_cells_are_drawn_a_cut_rows_last_line_had_room_up_to_its_cells_side() {
        // each cell filled on its own (labels from x 44 to 150, figures
        // flush right to 230), the labels set 6 pt in: the last label "Ely"
        // could have run to 6 pt, and a point, short of its cell's side
        let mut glyphs = vec![];
        let mut fills = vec![];
        for (label, figure, y) in [("Huntingdon", "12", 150.0), ("Ely", "3", 200.0)] {
            glyphs.extend(test_glyphs(label, 50.0, y, 10.0));
            glyphs.extend(test_glyphs(
                figure,
                224.0 - 5.0 * figure.len() as f64,
                y,
                10.0,
            ));
            for (x0, x1) in [(44.0, 150.0), (150.0, 230.0)] {
                fills.push(super::interpreter::Fill {
                    bbox: [x0, y - 14.0, x1, y + 6.0],
                    rgb: [232, 238, 245],
                });
            }
        }
        let page = PageContent {
            glyphs,
            fills,
            ..Default::default()
        };
        let bbox = [44.0, 90.0, 230.0, 206.0];
        let room = room_in_table(&page, bbox, &[180.0]);
        let ely_end = 50.0 + 3.0 * 5.0;
        assert!(
            (room[0] - (150.0 - 6.0 - 1.0 - ely_end)).abs() < 1e-9,
            "{room:?}"
        );
        // a fill across the whole row is no column's side (the room is the
        // widest line's below the table's middle, "Ely" alone)
        let page = PageContent {
            fills: vec![super::interpreter::Fill {
                bbox: [44.0, 186.0, 230.0, 206.0],
                rgb: [232, 238, 245],
            }],
            ..page
        };
        let room = room_in_table(&page, bbox, &[180.0]);
        assert!(room[0].abs() < 1e-9, "{room:?}");
    }

    #[test]
    fn in_a_framed_table_a_cut_rows_last_line_had_room_up_to_the_next_columns_text() {
        // the frame (its rules' left end at x 44) sets the text 6 pt in: a
        // label's line could run to 12 pt short of where the figures'
        // column's heading starts (x 206), the last column's to 6 pt short
        // of the frame (x 230), each less an em (10 pt)
        let row = |label: &str, figure: &str, y: f64| {
            let mut glyphs = test_glyphs(label, 50.0, y, 10.0);
            glyphs.extend(test_glyphs(figure, 206.0, y, 10.0));
            glyphs
        };
        let framed = |glyphs: Vec<super::interpreter::Glyph>| {
            let page = PageContent {
                glyphs,
                ..Default::default()
            };
            room_in_table(&page, [44.0, 90.0, 230.0, 202.0], &[150.0])
        };
        let body = [row("Huntingdon", "1", 150.0), row("Ely", "3", 200.0)].concat();
        let ely_end = 50.0 + 3.0 * 5.0;
        let room = framed(
            body.iter()
                .cloned()
                .chain(row("Area", "Spend", 100.0))
                .collect(),
        );
        assert!(
            (room[0] - (206.0 - 12.0 - 10.0 - ely_end)).abs() < 1e-9,
            "{room:?}"
        );
        assert!(
            (room[1] - (230.0 - 6.0 - 10.0 - 211.0)).abs() < 1e-9,
            "{room:?}"
        );
        // figures alone do not tell where their cells start (they may be
        // set flush right): the room is the widest line's
        let room = framed(body.clone());
        assert!((room[0] - (50.0 - 15.0)).abs() < 1e-9, "{room:?}");
        // nor does a heading the columns' bound (x 150) cuts, "Spending"
        // from x 130 read as "Spen" | "ding"
        let mut cut = body;
        cut.extend(test_glyphs("Spending", 130.0, 100.0, 10.0));
        let room = framed(cut);
        assert!((room[0] - (50.0 - 15.0)).abs() < 1e-9, "{room:?}");
    }

    #[test]
    fn a_header_repeated_over_a_page_break_is_told_however_its_rows_divide_it() {
        let table = Table::from_texts(
            vec![vec!["Partner", "Spend (£)"], vec!["Victim Support", "12"]],
            1,
        );
        let repeats =
            |rows: Vec<Vec<&str>>| repeated_header_rows(&table, &Table::from_texts(rows, 0));
        assert_eq!(
            repeats(vec![vec!["Partner", "Spend (£)"], vec!["Red Hen", "7"]]),
            1
        );
        // a heading's lines as rows of their own; the headings in one cell
        assert_eq!(
            repeats(vec![
                vec!["Partner", "Spend"],
                vec!["", "(£)"],
                vec!["Red Hen", "7"]
            ]),
            2
        );
        assert_eq!(repeats(vec![vec!["Partner Spend (£)", ""]]), 1);
        // a header read with the first row of words under it
        let two = Table::from_texts(
            vec![
                vec!["Partner", "Spend (£)"],
                vec!["Victim Support", "Training"],
                vec!["Red Hen", "7"],
            ],
            2,
        );
        let more = Table::from_texts(
            vec![vec!["Partner", "Spend (£)"], vec!["Youth", "Outreach"]],
            0,
        );
        assert_eq!(repeated_header_rows(&two, &more), 1);
        // rows that go on with no header
        assert_eq!(
            repeats(vec![vec!["Red Hen", "7"], vec!["Partner", "Spend (£)"]]),
            0
        );
    }

    #[test]
    fn figures_in_every_written_form_are_data_and_headings_are_not() {
        for figure in [
            "1,234",
            "-2.5%",
            "£45,820",
            "$85.00",
            "(35.8)",
            "+4",
            "0",
            "\u{2212}12",
            "\u{2013}3.4%",
            // (amounts that would be years, but for their separator)
            "2,053",
            "£1,999",
            // (rates whose digits start as a year's do)
            "20.4%",
            "19.5",
        ] {
            assert!(holds_data(figure), "{figure}");
        }
        for heading in [
            "2019", "2019-20", "£’000", "£000", "$000", "Total", "(£)", "Change %", "",
            // (words a float parser reads as numbers)
            "NaN", "inf", "Infinity",
        ] {
            assert!(!holds_data(heading), "{heading}");
        }
    }
}
