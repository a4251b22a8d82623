//! Column headings set sideways over an unruled table. Narrow columns of
//! figures (offences by type, staff by grade) often have their headings
//! turned a quarter, reading up the page or down it, standing on the table's
//! first row. Stream detection reads upright lines only, so the table is
//! found without them; they are then looked for on its top edge: sideways
//! lines whose feet stand there, over at least two of its columns, with any
//! upright text beside them (the stub column's heading, set at their foot).

use super::interpreter::{FontStyle, Glyph, PageContent};
use super::layout::{page_lines, LayoutSettings, Line};
use super::tables::{append_chunk, FoundTable};
use crate::document::{BBox, Cell};
use std::collections::BTreeSet;

/// The reach of the search (× the table's text size): sideways headings end
/// at most `FOOT_GAP` above the table's top, or `FOOT_OVERLAP` below it when
/// they stand beside an upright header row; they are at most `MAX_LENGTH` long.
const FOOT_GAP: f64 = 2.0;
const FOOT_OVERLAP: f64 = 1.2;
const MAX_LENGTH: f64 = 30.0;

/// Adds the sideways headings standing on the table's top to its header:
/// a header row of their own, or the table's first header row when they
/// stand beside it. `bounds` are where the table's columns divide.
pub(super) fn add_sideways_headings(
    found: &mut FoundTable,
    bounds: &[f64],
    page: &PageContent,
    taken: &[bool],
    fonts: &[FontStyle],
) {
    let width = found.table.rows.first().map_or(0, Vec::len);
    if width < 2 {
        return;
    }
    let size = text_size(found, page);
    let [x0, top, x1, bottom] = found.bbox;
    let (candidates, lines) = standing_on_top(found.bbox, size, page, taken, fonts);
    let column = |x: f64| bounds.partition_point(|b| x > *b).min(width - 1);
    let columns: Vec<usize> = lines.iter().map(|l| column((l.x0 + l.x1) / 2.0)).collect();
    // Beside an upright header row their feet reach down into it, and each
    // heads a column the row leaves empty; above a table without one they
    // make its header row (with the upright text beside them), when they
    // head two columns or more (one alone may be a note in the margin).
    let beside_first_row = lines.iter().any(|l| l.bottom > top + 0.2 * size);
    let headed: BTreeSet<usize> = columns.iter().copied().collect();
    let fits = if beside_first_row {
        let first = &found.table.rows[0];
        found.table.header_rows > 0 && headed.iter().all(|&c| first[c].text.is_empty())
    } else {
        headed.len() >= 2
    };
    if !fits {
        return;
    }
    let mut cells = vec![String::new(); width];
    for (l, c) in reading_order(&lines, &columns) {
        append_chunk(&mut cells[c], &l.text);
    }
    let band_top = lines.iter().map(|l| l.top).fold(top, f64::min);
    let mut used = glyphs_on(&lines, &candidates, page);
    if beside_first_row {
        for (cell, heading) in found.table.rows[0].iter_mut().zip(cells) {
            if !heading.is_empty() {
                append_chunk(&mut cell.text, &heading);
            }
        }
    } else {
        let band = [x0 - size, band_top, x1, top];
        let (upright, stub_headings) = upright_in(band, page, taken, fonts);
        // (a stub heading fits its column; a line of prose beside the
        // headings would cross the table's columns)
        let stub_headings: Vec<Line> = stub_headings
            .into_iter()
            .filter(|l| column(l.x0) == column(l.x1))
            .collect();
        for l in &stub_headings {
            append_chunk(&mut cells[column(l.x0)], &l.text);
        }
        used.extend(glyphs_on(&stub_headings, &upright, page));
        found
            .table
            .rows
            .insert(0, cells.into_iter().map(Cell::new).collect());
        found.table.header_rows += 1;
    }
    let left = lines.iter().map(|l| l.x0).fold(x0, f64::min);
    let right = lines.iter().map(|l| l.x1).fold(x1, f64::max);
    found.bbox = [left, band_top, right, bottom];
    found.table.bbox = Some(found.bbox);
    used.retain(|i| !found.glyphs.contains(i));
    found.glyphs.extend(used);
    found.glyphs.sort_unstable();
}

/// The free sideways glyphs near the top of a table (`bbox`, its text
/// `size`), and the sideways lines among them whose feet stand on its top.
fn standing_on_top(
    bbox: BBox,
    size: f64,
    page: &PageContent,
    taken: &[bool],
    fonts: &[FontStyle],
) -> (Vec<usize>, Vec<Line>) {
    let [x0, top, x1, _] = bbox;
    let feet = (top - FOOT_GAP * size)..=(top + FOOT_OVERLAP * size);
    let near = |g: &Glyph| {
        let cx = (g.x0 + g.x1) / 2.0;
        cx >= x0 - size
            && cx <= x1 + size
            && g.bottom <= *feet.end()
            && g.top >= feet.start() - MAX_LENGTH * size
    };
    let candidates: Vec<usize> = (0..page.glyphs.len())
        .filter(|&i| !taken[i] && is_sideways(&page.glyphs[i]) && near(&page.glyphs[i]))
        .collect();
    let glyphs = candidates.iter().map(|&i| &page.glyphs[i]);
    let lines = page_lines(0, glyphs, fonts, &LayoutSettings::default())
        .into_iter()
        .filter(|l| l.dir[0].abs() < 0.01 && feet.contains(&l.bottom) && !l.text.trim().is_empty())
        .collect();
    (candidates, lines)
}

/// The free upright glyphs whose centres lie in `area`, and their lines.
fn upright_in(
    area: BBox,
    page: &PageContent,
    taken: &[bool],
    fonts: &[FontStyle],
) -> (Vec<usize>, Vec<Line>) {
    let ids: Vec<usize> = (0..page.glyphs.len())
        .filter(|&i| {
            let g = &page.glyphs[i];
            let (cx, cy) = g.centre();
            !taken[i]
                && g.dir[0] > 0.99
                && cx >= area[0]
                && cx <= area[2]
                && cy >= area[1]
                && cy < area[3]
        })
        .collect();
    let glyphs = ids.iter().map(|&i| &page.glyphs[i]);
    let lines = page_lines(0, glyphs, fonts, &LayoutSettings::default());
    (ids, lines)
}

/// The glyphs among `ids` that lie on the lines.
fn glyphs_on(lines: &[Line], ids: &[usize], page: &PageContent) -> Vec<usize> {
    ids.iter()
        .copied()
        .filter(|&i| {
            let (cx, cy) = page.glyphs[i].centre();
            lines
                .iter()
                .any(|l| cx >= l.x0 && cx <= l.x1 && cy >= l.top && cy <= l.bottom)
        })
        .collect()
}

/// Whether a glyph is set a quarter turn from upright.
fn is_sideways(g: &Glyph) -> bool {
    g.dir[1].abs() > 0.99
}

/// The median size of the table's text.
fn text_size(found: &FoundTable, page: &PageContent) -> f64 {
    let mut sizes: Vec<f64> = found.glyphs.iter().map(|&i| page.glyphs[i].size).collect();
    sizes.sort_by(f64::total_cmp);
    sizes.get(sizes.len() / 2).copied().unwrap_or(10.0)
}

/// The lines with their columns, in the order they are read: a heading
/// wrapped over two sideways lines reads from the line on the left when it
/// reads up the page, from the line on the right when it reads down.
fn reading_order<'l>(lines: &'l [Line], columns: &[usize]) -> Vec<(&'l Line, usize)> {
    let key = |l: &Line| if l.dir[1] < 0.0 { l.x0 } else { -l.x1 };
    let mut order: Vec<(&Line, usize)> = lines.iter().zip(columns.iter().copied()).collect();
    order.sort_by(|(a, _), (b, _)| key(a).total_cmp(&key(b)));
    order
}

#[cfg(test)]
mod tests {
    use super::super::stream_tables::{stream_tables, StreamSettings};
    use super::*;
    use crate::extract::pdf::interpreter::test_glyphs;

    /// The glyphs of `text` turned a quarter at 10 pt, its baseline at `x`,
    /// starting at `y` and reading up the page (or down it).
    fn sideways(text: &str, x: f64, y: f64, up: bool) -> Vec<Glyph> {
        let mut glyphs = test_glyphs(text, 0.0, 0.0, 10.0);
        for (i, g) in glyphs.iter_mut().enumerate() {
            let (along, step) = (i as f64 * 5.0, if up { -1.0 } else { 1.0 });
            let start = y + step * along;
            let (top, bottom) = if up {
                (start - 5.0, start)
            } else {
                (start, start + 5.0)
            };
            // (a letter's top points left when it reads up, right when down)
            let (x0, x1) = if up {
                (x - 9.0, x + 2.5)
            } else {
                (x - 2.5, x + 9.0)
            };
            (g.x0, g.x1, g.top, g.bottom) = (x0, x1, top, bottom);
            g.origin = [x, start];
            g.dir = [0.0, step];
        }
        glyphs
    }

    /// A page with a stub column and two of figures, 12 pt a row from 200,
    /// and the headings given.
    fn table_page(headings: Vec<Glyph>) -> PageContent {
        let mut glyphs = headings;
        for (i, (name, a, b)) in [
            ("North", "12", "340"),
            ("South", "9", "415"),
            ("East", "30", "88"),
        ]
        .iter()
        .enumerate()
        {
            let y = 200.0 + 12.0 * i as f64;
            glyphs.extend(test_glyphs(name, 50.0, y, 10.0));
            glyphs.extend(test_glyphs(a, 150.0, y, 10.0));
            glyphs.extend(test_glyphs(b, 200.0, y, 10.0));
        }
        PageContent {
            glyphs,
            fills: Vec::new(),
            segments: Vec::new(),
            width: 600.0,
            height: 800.0,
        }
    }

    fn tables_of(page: &PageContent) -> Vec<FoundTable> {
        let taken = vec![false; page.glyphs.len()];
        stream_tables(page, &taken, &[], &StreamSettings::default())
    }

    #[test]
    fn headings_reading_up_make_the_header_row_with_the_stub_heading_at_their_foot() {
        let mut headings = test_glyphs("Area", 50.0, 186.0, 10.0);
        headings.extend(sideways("Officers", 158.0, 188.0, true));
        // a heading wrapped over two lines: the left one is read first
        headings.extend(sideways("Staff", 206.0, 188.0, true));
        headings.extend(sideways("in post", 216.0, 188.0, true));
        let page = table_page(headings);
        let found = tables_of(&page);
        assert_eq!(found.len(), 1);
        let t = &found[0].table;
        assert_eq!(t.texts()[0], ["Area", "Officers", "Staff in post"]);
        assert_eq!(t.texts()[1], ["North", "12", "340"]);
        assert_eq!(t.header_rows, 1);
        // every glyph is the table's: none is left to be read as prose
        assert_eq!(found[0].glyphs.len(), page.glyphs.len());
    }

    #[test]
    fn headings_reading_down_join_the_upright_header_row_beside_them() {
        let mut headings = test_glyphs("Area", 50.0, 186.0, 10.0);
        headings.extend(test_glyphs("Total", 200.0, 186.0, 10.0));
        // reading down, a wrapped heading's first line is the right one
        headings.extend(sideways("post", 138.0, 146.0, false));
        headings.extend(sideways("Staff in", 148.0, 146.0, false));
        let found = tables_of(&table_page(headings));
        assert_eq!(found.len(), 1);
        let t = &found[0].table;
        assert_eq!(t.texts()[0], ["Area", "Staff in post", "Total"]);
        assert_eq!(t.rows.len(), 4);
    }

    #[test]
    fn a_lone_sideways_line_is_no_header() {
        // a margin note turned sideways by the table's top left corner
        let page = table_page(sideways("Draft", 40.0, 188.0, true));
        let found = tables_of(&page);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].table.texts()[0], ["North", "12", "340"]);
        assert_eq!(found[0].table.header_rows, 0);
    }
}
