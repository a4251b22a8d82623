//! The Document model: the seam between extraction and interpretation.
//!
//! Both the PDF and the HTML engines produce a [`Document`]; everything after
//! extraction reads only this model. Field names are the JSON contract of
//! `reportmine extract --format json` (see DESIGN.md).

use serde::{Deserialize, Serialize};

/// A bounding box `[x0, top, x1, bottom]` in PDF points, origin at the page's top-left.
pub type BBox = [f64; 4];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Pdf,
    Html,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Pdf => "pdf",
            Format::Html => "html",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Heading,
    Paragraph,
    ListItem,
    Table,
    Caption,
    Quote,
    Footnote,
}

impl BlockKind {
    pub fn as_str(self) -> &'static str {
        match self {
            BlockKind::Heading => "heading",
            BlockKind::Paragraph => "paragraph",
            BlockKind::ListItem => "list_item",
            BlockKind::Table => "table",
            BlockKind::Caption => "caption",
            BlockKind::Quote => "quote",
            BlockKind::Footnote => "footnote",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub document_id: String,
    pub source_path: String,
    pub format: Format,
    pub title: Option<String>,
    pub page_count: Option<u32>,
    /// Date of publication (YYYY-MM-DD) where the document states it in its metadata.
    pub published: Option<String>,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Block {
    pub index: u32,
    pub kind: BlockKind,
    pub text: String,
    pub page: Option<u32>,
    pub bbox: Option<BBox>,
    /// Heading level, 1 = top.
    pub level: Option<u8>,
    /// List nesting depth, 1 = top-level item.
    pub depth: Option<u8>,
    /// The heading path above this block, outermost first.
    pub section: Vec<String>,
    pub table: Option<Table>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub page: Option<u32>,
    pub bbox: Option<BBox>,
    pub rows: Vec<Vec<Cell>>,
    pub header_rows: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cell {
    pub text: String,
    pub row_span: u32,
    pub col_span: u32,
}

impl Table {
    /// A table of plain cells (no spans, no position), from rows of texts.
    pub fn from_texts(rows: Vec<Vec<&str>>, header_rows: u32) -> Self {
        Table {
            page: None,
            bbox: None,
            rows: rows
                .into_iter()
                .map(|r| r.into_iter().map(Cell::new).collect())
                .collect(),
            header_rows,
        }
    }

    /// The header rows (as many as `header_rows` says, and the table has).
    pub fn header(&self) -> &[Vec<Cell>] {
        &self.rows[..(self.header_rows as usize).min(self.rows.len())]
    }

    /// The cells' texts, row by row.
    pub fn texts(&self) -> Vec<Vec<&str>> {
        self.rows
            .iter()
            .map(|r| r.iter().map(|c| c.text.as_str()).collect())
            .collect()
    }
}

impl Table {
    /// Drops the rows and columns at the table's edges that hold no text at
    /// all, keeping the spans consistent: a spanning cell that reached into a
    /// dropped column or row is cut back, and a covered position whose
    /// spanning cell was dropped becomes an empty cell.
    pub fn trim_empty_edges(&mut self) {
        let blank_row = |r: &Vec<Cell>| r.iter().all(|c| c.text.trim().is_empty());
        while self.rows.last().is_some_and(blank_row) {
            self.rows.pop();
        }
        let leading = self.rows.iter().take_while(|r| blank_row(r)).count();
        self.rows.drain(..leading);
        let width = self.rows.iter().map(Vec::len).max().unwrap_or(0);
        let blank_col = |c: usize| {
            self.rows
                .iter()
                .all(|r| r.get(c).is_none_or(|cell| cell.text.trim().is_empty()))
        };
        let first = (0..width).find(|&c| !blank_col(c)).unwrap_or(width);
        let last = (0..width)
            .rev()
            .find(|&c| !blank_col(c))
            .map_or(first, |c| c + 1);
        for row in &mut self.rows {
            row.truncate(last);
            row.drain(..first.min(row.len()));
        }
        self.header_rows = self.header_rows.saturating_sub(leading as u32);
        self.renormalise_spans();
    }

    /// Spans cut to the grid, and covered positions without a covering cell made plain.
    fn renormalise_spans(&mut self) {
        let (height, width) = (
            self.rows.len(),
            self.rows.iter().map(Vec::len).max().unwrap_or(0),
        );
        let mut covered = vec![vec![false; width]; height];
        for r in 0..height {
            for c in 0..self.rows[r].len() {
                let cell = &mut self.rows[r][c];
                if cell.row_span == 0 || covered[r][c] {
                    continue;
                }
                cell.row_span = cell.row_span.min((height - r) as u32);
                cell.col_span = cell.col_span.min((width - c) as u32);
                for (dr, row) in covered
                    .iter_mut()
                    .enumerate()
                    .skip(r)
                    .take(cell.row_span as usize)
                {
                    for (dc, slot) in row
                        .iter_mut()
                        .enumerate()
                        .skip(c)
                        .take(cell.col_span as usize)
                    {
                        *slot = (dr, dc) != (r, c);
                    }
                }
            }
        }
        for (r, row) in self.rows.iter_mut().enumerate() {
            for (c, cell) in row.iter_mut().enumerate() {
                if cell.row_span == 0 && !covered[r][c] {
                    *cell = Cell::new(std::mem::take(&mut cell.text));
                }
            }
        }
    }
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Self {
        Cell {
            text: text.into(),
            row_span: 1,
            col_span: 1,
        }
    }

    /// A slot a spanning cell covers: no text, no spans of its own.
    pub fn covered() -> Self {
        Cell {
            text: String::new(),
            row_span: 0,
            col_span: 0,
        }
    }
}

/// A block as the extractors build it, before indexes and sections are assigned.
#[derive(Debug, Clone, PartialEq)]
pub struct RawBlock {
    pub kind: BlockKind,
    pub text: String,
    pub page: Option<u32>,
    pub bbox: Option<BBox>,
    pub level: Option<u8>,
    pub depth: Option<u8>,
    pub table: Option<Table>,
}

impl RawBlock {
    pub fn new(kind: BlockKind, text: impl Into<String>) -> Self {
        RawBlock {
            kind,
            text: text.into(),
            page: None,
            bbox: None,
            level: None,
            depth: None,
            table: None,
        }
    }
}

impl Document {
    /// The ID of the table in block `block_index` (the tables dataset's `table_id`).
    pub fn table_id(&self, block_index: u32) -> String {
        format!("{}-t{}", self.document_id, block_index)
    }

    /// Builds a document from blocks in reading order, numbering them and
    /// giving each the heading path above it.
    pub fn from_raw_blocks(
        document_id: String,
        source_path: String,
        format: Format,
        title: Option<String>,
        page_count: Option<u32>,
        raw: Vec<RawBlock>,
    ) -> Document {
        let mut headings: Vec<(u8, String)> = Vec::new();
        let mut blocks = Vec::with_capacity(raw.len());
        for (i, rb) in raw.into_iter().enumerate() {
            if rb.kind == BlockKind::Heading {
                let level = rb.level.unwrap_or(1);
                headings.retain(|(l, _)| *l < level);
            }
            let section = headings.iter().map(|(_, t)| t.clone()).collect();
            if rb.kind == BlockKind::Heading {
                headings.push((rb.level.unwrap_or(1), rb.text.clone()));
            }
            blocks.push(Block {
                index: i as u32,
                kind: rb.kind,
                text: rb.text,
                page: rb.page,
                bbox: rb.bbox,
                level: rb.level,
                depth: rb.depth,
                section,
                table: rb.table,
            });
        }
        Document {
            document_id,
            source_path,
            format,
            title,
            page_count,
            published: None,
            blocks,
        }
    }

    /// Number of characters of text in all blocks (table blocks count their cells).
    pub fn char_count(&self) -> i64 {
        self.blocks
            .iter()
            .map(|b| b.text.chars().count() as i64)
            .sum()
    }

    /// Plain text in reading order, one block a paragraph.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            out.push_str(&b.text);
            out.push_str("\n\n");
        }
        out
    }

    /// Markdown: headings, list items and tables rendered; the rest as paragraphs.
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        for b in &self.blocks {
            match (b.kind, &b.table) {
                (BlockKind::Heading, _) => {
                    let level = b.level.unwrap_or(1).clamp(1, 6) as usize;
                    out.push_str(&"#".repeat(level));
                    out.push(' ');
                    out.push_str(&one_line(&b.text));
                }
                (BlockKind::ListItem, _) => {
                    let depth = b.depth.unwrap_or(1).max(1) as usize - 1;
                    out.push_str(&"  ".repeat(depth));
                    out.push_str("- ");
                    out.push_str(&one_line(&b.text));
                }
                (BlockKind::Table, Some(t)) => out.push_str(&table_markdown(t)),
                (BlockKind::Quote, _) => {
                    out.push_str("> ");
                    out.push_str(&one_line(&b.text));
                }
                _ => out.push_str(&b.text),
            }
            out.push_str("\n\n");
        }
        out
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn table_markdown(t: &Table) -> String {
    let width = t.rows.iter().map(Vec::len).max().unwrap_or(0);
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    for (i, row) in t.rows.iter().enumerate() {
        out.push('|');
        for c in 0..width {
            let text = row.get(c).map(|c| one_line(&c.text)).unwrap_or_default();
            out.push(' ');
            out.push_str(&text.replace('|', "\\|"));
            out.push_str(" |");
        }
        out.push('\n');
        if i == 0 {
            out.push('|');
            out.push_str(&" --- |".repeat(width));
            out.push('\n');
        }
    }
    out.pop();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(level: u8, text: &str) -> RawBlock {
        let mut b = RawBlock::new(BlockKind::Heading, text);
        b.level = Some(level);
        b
    }

    #[test]
    fn empty_edges_are_trimmed_and_spans_cut_back() {
        // an empty frame around a 2 x 2 table whose header spans into the empty right column
        let mut t = Table::from_texts(
            vec![
                vec!["", "", "", ""],
                vec!["", "Name", "Amount", ""],
                vec!["", "Police", "10", ""],
                vec!["", "", "", ""],
            ],
            0,
        );
        t.rows[1][2].col_span = 2;
        t.rows[1][3] = Cell::covered();
        t.trim_empty_edges();
        assert_eq!(
            t.texts(),
            vec![vec!["Name", "Amount"], vec!["Police", "10"]]
        );
        assert_eq!(t.rows[0][1].col_span, 1);
    }

    #[test]
    fn sections_follow_the_heading_path() {
        let doc = Document::from_raw_blocks(
            "id".into(),
            "p".into(),
            Format::Html,
            None,
            None,
            vec![
                heading(1, "Report"),
                heading(2, "Victims"),
                RawBlock::new(BlockKind::Paragraph, "a"),
                heading(2, "Offenders"),
                RawBlock::new(BlockKind::Paragraph, "b"),
                heading(1, "Annex"),
            ],
        );
        assert_eq!(doc.blocks[2].section, vec!["Report", "Victims"]);
        assert_eq!(doc.blocks[4].section, vec!["Report", "Offenders"]);
        assert!(doc.blocks[5].section.is_empty());
        assert_eq!(doc.blocks[5].index, 5);
    }

    #[test]
    fn markdown_renders_tables_with_a_header_rule() {
        let mut b = RawBlock::new(BlockKind::Table, "A B");
        b.table = Some(Table {
            page: None,
            bbox: None,
            rows: vec![
                vec![Cell::new("A"), Cell::new("B")],
                vec![Cell::new("1"), Cell::new("2")],
            ],
            header_rows: 1,
        });
        let doc =
            Document::from_raw_blocks("i".into(), "p".into(), Format::Html, None, None, vec![b]);
        assert_eq!(doc.to_markdown(), "| A | B |\n| --- | --- |\n| 1 | 2 |\n\n");
    }
}
