//! Tables without ruling lines ("stream"): runs of text rows that each hold
//! several separate chunks of text, whose chunks line up in columns, as the
//! stream modes of Tabula and Camelot find them. Prose never qualifies: its
//! lines are single long chunks, and a multi-column page's chunks are long
//! runs of words; table cells are short, and often figures.

use super::interpreter::{FontStyle, Glyph, PageContent};
use super::layout::{page_lines, LayoutSettings, Line};
use super::tables::{cell_text, FoundTable};
use crate::document::{Cell, Table};

#[derive(Debug, Clone)]
pub struct StreamSettings {
    /// A gap wider than this (× font size) between words separates two cells.
    pub cell_gap: f64,
    /// Rows further apart than this (× font size, baseline to baseline) end a table.
    pub max_row_gap: f64,
    /// Fewest rows of several cells that make a table.
    pub min_rows: usize,
    /// Most words a cell has on average; prose columns have more.
    pub max_words_per_cell: f64,
    /// Column gaps wider than this (× font size) separate columns.
    pub column_gap: f64,
    /// Cells within this share of the median size count as one size.
    pub size_tolerance: f64,
    /// At least this share of cells must be of the median size.
    pub uniform_share: f64,
    /// More cells than this share starting in lower case is wrapped prose, not a table.
    pub max_lowercase_share: f64,
}

impl Default for StreamSettings {
    fn default() -> Self {
        StreamSettings {
            cell_gap: 1.0,
            max_row_gap: 2.6,
            min_rows: 3,
            max_words_per_cell: 4.0,
            column_gap: 0.8,
            size_tolerance: 0.15,
            uniform_share: 0.9,
            max_lowercase_share: 0.3,
        }
    }
}

/// A row: the chunks of text on one baseline, left to right.
struct Row {
    baseline: f64,
    size: f64,
    chunks: Vec<Line>,
}

fn rows_of(lines: Vec<Line>) -> Vec<Row> {
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

/// Finds the page's unruled tables among the glyphs not already in a table.
pub fn stream_tables(
    page: &PageContent,
    taken: &[bool],
    fonts: &[FontStyle],
    s: &StreamSettings,
) -> Vec<FoundTable> {
    let free = page
        .glyphs
        .iter()
        .zip(taken)
        .filter(|(_, t)| !**t)
        .map(|(g, _)| g);
    let layout = LayoutSettings {
        segment_gap: s.cell_gap,
        ..LayoutSettings::default()
    };
    let lines = page_lines(0, free, fonts, &layout);
    let rows = rows_of(lines);
    let mut out = Vec::new();
    let mut start = 0;
    while start < rows.len() {
        let mut end = start;
        while end < rows.len() && rows[end].chunks.len() >= 2 {
            let next_close = end + 1 < rows.len()
                && rows[end + 1].baseline - rows[end].baseline <= s.max_row_gap * rows[end].size;
            end += 1;
            if !next_close {
                break;
            }
        }
        if end - start >= s.min_rows {
            if let Some(t) = build(&rows[start..end], page, taken, fonts, s) {
                out.push(t);
            }
        }
        start = end.max(start + 1);
    }
    out
}

/// Columns of running text (a brochure's text columns) wrap their sentences:
/// many of their lines start in lower case, which table cells seldom do.
fn reads_as_prose(rows: &[Vec<Cell>], s: &StreamSettings) -> bool {
    let texts: Vec<&str> = rows
        .iter()
        .flatten()
        .map(|c| c.text.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    let lower = texts
        .iter()
        .filter(|t| t.chars().next().is_some_and(char::is_lowercase))
        .count();
    lower as f64 > s.max_lowercase_share * texts.len() as f64
}

/// Everything on a page as one unruled table: the reader has said where the
/// table is (tabula's and camelot's `area`), so the checks that tell tables
/// from prose are not made. The page is expected to be cropped to the area.
pub fn area_table(
    page: &PageContent,
    fonts: &[FontStyle],
    s: &StreamSettings,
) -> Option<FoundTable> {
    let layout = LayoutSettings {
        segment_gap: s.cell_gap,
        ..LayoutSettings::default()
    };
    let lines = page_lines(0, page.glyphs.iter(), fonts, &layout);
    let rows = rows_of(lines);
    if rows.is_empty() {
        return None;
    }
    let taken = vec![false; page.glyphs.len()];
    build_table(&rows, page, &taken, fonts, s, false)
}

fn build(
    rows: &[Row],
    page: &PageContent,
    taken: &[bool],
    fonts: &[FontStyle],
    s: &StreamSettings,
) -> Option<FoundTable> {
    build_table(rows, page, taken, fonts, s, true)
}

/// A table from rows of chunks; with `checks`, only when the rows read as a
/// table (short cells of one size, several columns, not wrapped prose).
fn build_table(
    rows: &[Row],
    page: &PageContent,
    taken: &[bool],
    fonts: &[FontStyle],
    s: &StreamSettings,
    checks: bool,
) -> Option<FoundTable> {
    let chunks: Vec<&Line> = rows.iter().flat_map(|r| &r.chunks).collect();
    let words: usize = chunks
        .iter()
        .map(|c| c.text.split_whitespace().count())
        .sum();
    if checks && words as f64 > s.max_words_per_cell * chunks.len() as f64 {
        return None;
    }
    // Table text is set in one size; infographics and pull-out figures mix sizes.
    let mut sizes: Vec<f64> = chunks.iter().map(|c| c.size).collect();
    sizes.sort_by(f64::total_cmp);
    let median = sizes[sizes.len() / 2];
    let uniform = sizes
        .iter()
        .filter(|z| (**z - median).abs() <= s.size_tolerance * median)
        .count();
    if checks && (uniform as f64) < s.uniform_share * sizes.len() as f64 {
        return None;
    }
    // Columns: chunk spans merged where they overlap or nearly touch.
    let size = rows[0].size;
    // In a given area, a heading that spans several columns must not join them:
    // the columns come from the rows of several cells, when there are any.
    let multi: Vec<&Line> = rows
        .iter()
        .filter(|r| r.chunks.len() >= 2)
        .flat_map(|r| &r.chunks)
        .collect();
    let column_chunks = if checks || multi.is_empty() {
        &chunks
    } else {
        &multi
    };
    let mut spans: Vec<(f64, f64)> = column_chunks.iter().map(|c| (c.x0, c.x1)).collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut columns: Vec<(f64, f64)> = Vec::new();
    for (a, b) in spans {
        match columns.last_mut() {
            Some(last) if a <= last.1 + s.column_gap * size => last.1 = last.1.max(b),
            _ => columns.push((a, b)),
        }
    }
    if checks && columns.len() < 2 {
        return None;
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
    let mut glyph_ids = Vec::new();
    let mut grid: Vec<Vec<Vec<&Glyph>>> = vec![vec![Vec::new(); columns.len()]; rows.len()];
    for (i, g) in page.glyphs.iter().enumerate() {
        if taken[i] {
            continue;
        }
        let (cx, cy) = ((g.x0 + g.x1) / 2.0, (g.top + g.bottom) / 2.0);
        let outside = cx < bbox[0] || cx > bbox[2] || cy < bbox[1] || cy > bbox[3];
        // (a page cropped to a given area holds only the table)
        if checks && outside {
            continue;
        }
        // in a given area, a chunk wider than a column goes where its middle is
        let cx = if checks {
            cx
        } else {
            chunks
                .iter()
                .find(|ch| cx >= ch.x0 && cx <= ch.x1 && cy >= ch.top && cy <= ch.bottom)
                .map_or(cx, |ch| (ch.x0 + ch.x1) / 2.0)
        };
        let within = columns.iter().position(|(a, b)| cx >= *a && cx <= *b);
        // in a given area every glyph belongs to the table: outside a column, the nearest
        let nearest = || {
            (0..columns.len()).min_by(|&i, &j| {
                let d = |k: usize| (columns[k].0 - cx).abs().min((columns[k].1 - cx).abs());
                d(i).total_cmp(&d(j))
            })
        };
        let Some(c) = within.or_else(|| (!checks).then(nearest).flatten()) else {
            continue;
        };
        let Some(r) = rows
            .iter()
            .position(|row| row.chunks.iter().any(|ch| cy >= ch.top && cy <= ch.bottom))
        else {
            continue;
        };
        grid[r][c].push(g);
        glyph_ids.push(i);
    }
    let table_rows: Vec<Vec<Cell>> = grid
        .into_iter()
        .map(|r| {
            r.into_iter()
                .map(|g| Cell::new(cell_text(&g, fonts).replace('\n', " ")))
                .collect()
        })
        .collect();
    if checks && reads_as_prose(&table_rows, s) {
        return None;
    }
    Some(FoundTable {
        bbox,
        table: Table {
            page: None,
            bbox: Some(bbox),
            rows: table_rows,
            header_rows: 0,
        },
        glyphs: glyph_ids,
    })
}
