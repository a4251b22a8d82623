//! HTML tables into the grid of the Document model.

use super::content::select;
use super::normalise_space;
use crate::document::{BlockKind, Cell, RawBlock, Table};
use scraper::ElementRef;

/// A spanning cell larger than this is clamped: hostile pages declare
/// `colspan=100000` to blow up the grid.
const MAX_SPAN: u32 = 1000;

/// Whether a `<table>` holds data rather than the page's layout. Layout tables
/// (a pre-CSS habit of council sites) are marked presentational, contain other
/// tables, or have one column only.
pub fn is_data_table(table: ElementRef<'_>) -> bool {
    let role = table.value().attr("role").unwrap_or("");
    if role == "presentation" || role == "none" {
        return false;
    }
    if table.select(&select("table")).any(|t| t.id() != table.id()) {
        return false;
    }
    let widest = own_rows(table)
        .iter()
        .map(|r| cells_of(*r).len())
        .max()
        .unwrap_or(0);
    widest >= 2
}

/// The caption (as a caption block) and the table block.
pub fn table_blocks(table: ElementRef<'_>) -> Vec<RawBlock> {
    let mut out = Vec::new();
    let caption = table
        .select(&select("caption"))
        .next()
        .filter(|c| !super::content::is_furniture(*c));
    if let Some(caption) = caption {
        let text = normalise_space(&caption.text().collect::<String>());
        if !text.is_empty() {
            out.push(RawBlock::new(BlockKind::Caption, text));
        }
    }
    let t = build_grid(table);
    if t.rows.is_empty() {
        return out;
    }
    let text = t
        .rows
        .iter()
        .map(|r| {
            r.iter()
                .map(|c| c.text.as_str())
                .collect::<Vec<_>>()
                .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut block = RawBlock::new(BlockKind::Table, text);
    block.table = Some(t);
    out.push(block);
    out
}

fn own_rows(table: ElementRef<'_>) -> Vec<ElementRef<'_>> {
    table
        .select(&select("tr"))
        .filter(|tr| {
            tr.ancestors()
                .filter_map(ElementRef::wrap)
                .find(|a| a.value().name() == "table")
                == Some(table)
        })
        .collect()
}

fn cells_of(tr: ElementRef<'_>) -> Vec<ElementRef<'_>> {
    tr.child_elements()
        .filter(|c| matches!(c.value().name(), "td" | "th"))
        .collect()
}

fn span(cell: ElementRef<'_>, attr: &str) -> u32 {
    cell.value()
        .attr(attr)
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(1)
        .clamp(1, MAX_SPAN)
}

/// Expands rowspan and colspan into a rectangular grid. The spanning cell sits
/// at its top-left position with its spans; the positions it covers hold empty
/// cells with spans of 0.
fn build_grid(table: ElementRef<'_>) -> Table {
    let rows = own_rows(table);
    let mut grid: Vec<Vec<Option<Cell>>> = Vec::new();
    let mut header_rows = 0;
    let mut header_run = true;
    for (r, tr) in rows.iter().enumerate() {
        if grid.len() <= r {
            grid.push(Vec::new());
        }
        let cells = cells_of(*tr);
        let in_thead = tr
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| a.value().name() == "thead");
        let all_th = !cells.is_empty() && cells.iter().all(|c| c.value().name() == "th");
        if header_run && (in_thead || all_th) {
            header_rows += 1;
        } else {
            header_run = false;
        }
        let mut col = 0;
        for cell in cells {
            while grid[r].get(col).is_some_and(Option::is_some) {
                col += 1;
            }
            let (rs, cs) = (span(cell, "rowspan"), span(cell, "colspan"));
            let rs = rs.min((rows.len() - r) as u32);
            let text = cell_text(cell);
            for dr in 0..rs as usize {
                if grid.len() <= r + dr {
                    grid.push(Vec::new());
                }
                let row = &mut grid[r + dr];
                for dc in 0..cs as usize {
                    if row.len() <= col + dc {
                        row.resize(col + dc + 1, None);
                    }
                    row[col + dc] = Some(if dr == 0 && dc == 0 {
                        Cell {
                            text: text.clone(),
                            row_span: rs,
                            col_span: cs,
                        }
                    } else {
                        Cell::covered()
                    });
                }
            }
            col += cs as usize;
        }
    }
    let width = grid.iter().map(Vec::len).max().unwrap_or(0);
    let rows = grid
        .into_iter()
        .filter(|r| !r.is_empty())
        .map(|mut r| {
            r.resize(width, None);
            r.into_iter()
                .map(|c| c.unwrap_or_else(|| Cell::new("")))
                .collect()
        })
        .collect();
    Table {
        page: None,
        bbox: None,
        rows,
        header_rows,
    }
}

/// A cell's text: its paragraphs and line breaks as lines, whitespace collapsed in each.
fn cell_text(cell: ElementRef<'_>) -> String {
    let mut out = String::new();
    for node in cell.descendants() {
        match node.value() {
            scraper::Node::Text(t) => out.push_str(t),
            scraper::Node::Element(e) if matches!(e.name(), "br" | "p" | "li" | "div") => {
                out.push('\n')
            }
            _ => {}
        }
    }
    out.split('\n')
        .map(normalise_space)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    fn grid(html: &str) -> Table {
        let doc = Html::parse_document(html);
        let t = doc.select(&select("table")).next().unwrap();
        build_grid(t)
    }

    fn texts(t: &Table) -> Vec<Vec<&str>> {
        t.texts()
    }

    #[test]
    fn colspan_and_rowspan_expand_into_the_grid() {
        let t = grid(
            "<table><thead><tr><th rowspan=2>Area</th><th colspan=2>Crimes</th></tr>\
             <tr><th>2020</th><th>2021</th></tr></thead>\
             <tbody><tr><td>Burglary</td><td>10</td><td>8</td></tr></tbody></table>",
        );
        assert_eq!(
            texts(&t),
            vec![
                vec!["Area", "Crimes", ""],
                vec!["", "2020", "2021"],
                vec!["Burglary", "10", "8"]
            ]
        );
        assert_eq!(t.header_rows, 2);
        assert_eq!((t.rows[0][0].row_span, t.rows[0][1].col_span), (2, 2));
        assert_eq!(t.rows[1][0].row_span, 0);
    }

    #[test]
    fn layout_tables_are_not_data() {
        let doc = Html::parse_document(
            "<table><tr><td><table><tr><td>a</td><td>b</td></tr></table></td></tr></table>",
        );
        let outer = doc.select(&select("table")).next().unwrap();
        assert!(!is_data_table(outer));
        let inner = doc.select(&select("table")).nth(1).unwrap();
        assert!(is_data_table(inner));
    }

    #[test]
    fn hostile_spans_are_clamped() {
        let t = grid(
            "<table><tr><td colspan=99999999>a</td></tr><tr><td>b</td><td>c</td></tr></table>",
        );
        assert_eq!(t.rows[0].len(), MAX_SPAN as usize);
    }
}
