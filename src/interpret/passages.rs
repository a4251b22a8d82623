//! The text a document states facts in, cut into sentences with their
//! provenance: prose blocks, list items, and rows of lists laid out as tables.
//! Data tables are read cell by cell elsewhere (see `tables`).

use super::quantities::{find_quantities, Quantity};
use super::text::{clean, is_marker, sentences};
use crate::document::{Block, BlockKind, Document, Table};
use regex::Regex;
use std::sync::LazyLock;

/// One sentence with where it came from.
#[derive(Debug, Clone)]
pub struct Sentence<'a> {
    pub block: &'a Block,
    /// The sentence, list markers removed.
    pub text: String,
    /// The lead-in of the list item or paragraph it opens ("Road safety" in
    /// "Road safety – The number of ..."), if any.
    pub lead_in: Option<String>,
    /// The quantities in the text, found once for every recogniser.
    pub quantities: Vec<Quantity>,
}

impl<'a> Sentence<'a> {
    pub fn new(block: &'a Block, text: String, lead_in: Option<String>) -> Self {
        let quantities = find_quantities(&text);
        Sentence {
            block,
            text,
            lead_in,
            quantities,
        }
    }
}

/// A bold lead-in that the layout ran into its sentence: "Youth Fund The Commissioner awarded ...".
static RUN_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Z][^.!?\d–—:]{2,60}?)\s+(?:The|A|An|In|This|These|Our|We|Over|Since|During|Across|With|Working|Following)\s")
        .expect("valid run-in regex")
});
/// Words that open a sentence continuing the previous item's topic.
static ANAPHORIC: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:The|This|These|It|Its|Their)\b").expect("valid anaphora regex")
});
static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([A-Z][^–—:.!?]{1,70}?)\s*(?:[–—]|\s-|:)\s+\S").expect("valid lead-in regex")
});

/// Every sentence of the document's prose, in reading order.
pub fn sentences_of(doc: &Document) -> Vec<Sentence<'_>> {
    let mut out = Vec::new();
    let blocks = &doc.blocks;
    let mut consumed = vec![false; blocks.len()];
    for (i, b) in blocks.iter().enumerate() {
        if consumed[i] || in_contents(b) {
            continue;
        }
        match b.kind {
            BlockKind::Paragraph | BlockKind::ListItem | BlockKind::Quote | BlockKind::Caption => {
                push_sentences(&mut out, b, &clean(&b.text));
            }
            BlockKind::Table => {
                let Some(t) = b.table.as_ref().filter(|t| !is_contents_table(t)) else {
                    continue;
                };
                if is_list_table(t) {
                    for row in &t.rows {
                        push_sentences(&mut out, b, &list_row_text(row));
                    }
                } else {
                    // cells of prose ("1,075 pieces of correspondence received",
                    // "The grant funds three Prevention Officers.")
                    for cell in t.rows.iter().flatten() {
                        if is_prose_cell(&cell.text) {
                            push_sentences(&mut out, b, &clean(&cell.text));
                        }
                    }
                }
            }
            BlockKind::Heading if is_figure(&b.text) => {
                if let Some(text) = tile_text(blocks, i, &mut consumed) {
                    push_sentences(&mut out, b, &text);
                }
            }
            // a heading with an amount is a line the layout made prominent
            BlockKind::Heading if b.text.contains(['£', '%']) => {
                push_sentences(&mut out, b, &clean(&b.text));
            }
            BlockKind::Heading | BlockKind::Footnote => {}
        }
    }
    out
}

/// A table of contents laid out as a table: titles each followed by a page
/// number, the numbers rising down the columns or along the rows.
pub fn is_contents_table(t: &Table) -> bool {
    let width = t.rows.iter().map(Vec::len).max().unwrap_or(0);
    let page = |text: &str| text.trim().parse::<u32>().ok().filter(|n| *n < 1000);
    let mut by_rows = Vec::new();
    // rows without a page number are headings ("Contents")
    for row in t
        .rows
        .iter()
        .filter(|r| r.iter().any(|c| page(&c.text).is_some()))
    {
        for (c, cell) in row.iter().enumerate() {
            if let Some(n) = page(&cell.text) {
                let titled =
                    c > 0 && page(&row[c - 1].text).is_none() && !row[c - 1].text.trim().is_empty();
                if !titled {
                    return false;
                }
                by_rows.push((c, n));
            } else if !cell.text.trim().is_empty()
                && row.get(c + 1).is_none_or(|n| page(&n.text).is_none())
            {
                // a title without its page number
                return false;
            }
        }
    }
    if by_rows.len() < 3 {
        return false;
    }
    let rising = |v: &[u32]| v.windows(2).all(|w| w[0] < w[1]);
    let row_major: Vec<u32> = by_rows.iter().map(|(_, n)| *n).collect();
    let mut col_major = by_rows.clone();
    col_major.sort_by_key(|(c, _)| *c);
    let col_major: Vec<u32> = col_major.iter().map(|(_, n)| *n).collect();
    width >= 2 && (rising(&row_major) || rising(&col_major))
}

/// A table cell that is a phrase with a figure in it, not a label or a number.
fn is_prose_cell(text: &str) -> bool {
    text.split_whitespace().count() >= 3
        && text.chars().any(|c| c.is_ascii_digit())
        && text.chars().filter(|c| c.is_alphabetic()).count() >= 8
}

/// Blocks of a table of contents, whose numbers are pages.
pub fn in_contents(b: &Block) -> bool {
    b.section.last().is_some_and(|h| {
        let h = h.trim().to_lowercase();
        h == "contents" || h == "table of contents" || h == "index"
    })
}

static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[£]?\d[\d,.]*\s?(?:%|m|k|bn|million)?(?:\s+\w+)?\.?$")
        .expect("valid figure regex")
});

/// A heading that is only a figure ("1,309", "18.6%", "1,849 people"): an infographic tile.
fn is_figure(text: &str) -> bool {
    FIGURE.is_match(text.trim())
}

/// An infographic tile as a sentence: the short label before the figure, the
/// figure, and the short label after it ("The force area covers" "1,309"
/// "square miles"). A figure that the next sentence states again gives nothing.
fn tile_text(blocks: &[Block], i: usize, consumed: &mut [bool]) -> Option<String> {
    let label = |b: &Block, max_words: usize| {
        b.kind == BlockKind::Paragraph
            && b.text.split_whitespace().count() <= max_words
            && !b.text.trim_end().ends_with(['.', '!', '?'])
    };
    let figure = clean(&blocks[i].text);
    // labels hold no figures of their own
    let before = i.checked_sub(1).map(|p| &blocks[p]).filter(|b| {
        label(b, 8) && !consumed[b.index as usize] && !b.text.chars().any(|c| c.is_ascii_digit())
    });
    let after = blocks
        .get(i + 1)
        .filter(|b| label(b, 16) && b.text.trim_start().starts_with(char::is_lowercase));
    if before.is_none() && after.is_none() {
        return None;
    }
    if let Some(a) = after {
        consumed[a.index as usize] = true;
    }
    let parts: Vec<String> = before
        .map(|b| clean(&b.text))
        .into_iter()
        .chain(Some(figure))
        .chain(after.map(|b| clean(&b.text)))
        .collect();
    Some(parts.join(" "))
}

fn push_sentences<'a>(out: &mut Vec<Sentence<'a>>, block: &'a Block, text: &str) {
    if text.is_empty() {
        return;
    }
    let own = LEAD_IN
        .captures(text)
        .or_else(|| {
            (block.kind == BlockKind::ListItem)
                .then(|| RUN_IN.captures(text))
                .flatten()
        })
        .map(|c| c[1].trim().to_string())
        .filter(|l| l.split_whitespace().count() <= 10);
    // an item that goes on about the previous item's topic keeps its lead-in
    let inherited = || {
        let prev = out.last()?;
        let continues = prev.block.index + 1 == block.index && ANAPHORIC.is_match(text);
        continues.then(|| prev.lead_in.clone()).flatten()
    };
    let lead_in = own.or_else(inherited);
    let spans = sentences(text);
    for &(s, e) in &spans {
        out.push(Sentence::new(
            block,
            text[s..e].to_string(),
            lead_in.clone(),
        ));
    }
}

/// A list laid out as a table: most rows start with a marker, or every row
/// is a label and an amount ("Victim support services | £2.2m").
pub fn is_list_table(t: &Table) -> bool {
    let items = t.rows.iter().filter(|r| row_is_item(r)).count();
    let narrow = t.rows.iter().all(|r| r.len() <= 4);
    !t.rows.is_empty()
        && narrow
        && (items * 2 >= t.rows.len() || t.rows.iter().all(|r| is_label_amount(r)))
}

fn is_label_amount(row: &[crate::document::Cell]) -> bool {
    let cells: Vec<String> = row
        .iter()
        .map(|c| clean(&c.text))
        .filter(|t| !t.is_empty())
        .collect();
    matches!(cells.as_slice(), [label, amount]
        if amount.starts_with('£') && !label.starts_with('£') && label.chars().any(char::is_alphabetic))
}

fn row_is_item(row: &[crate::document::Cell]) -> bool {
    row.first().is_some_and(|c| {
        let t = c.text.trim();
        is_marker(t) || (t.chars().next().is_some_and(|ch| "•▪●◦■✓✔·".contains(ch)))
    })
}

/// A list-table row as one line: its cells without markers, joined.
pub fn list_row_text(row: &[crate::document::Cell]) -> String {
    let cells: Vec<String> = row
        .iter()
        .map(|c| clean(&c.text))
        .filter(|t| !t.is_empty())
        .collect();
    cells.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Format, RawBlock};

    fn table(rows: Vec<Vec<&str>>) -> Table {
        Table::from_texts(rows, 0)
    }

    #[test]
    fn contents_tables_are_told_from_data_tables() {
        let contents = table(vec![
            vec!["Foreword", "3", "Robust enforcement", "17"],
            vec!["Putting communities first", "4", "Funding", "21"],
            vec!["Crime prevention", "7", "", ""],
        ]);
        assert!(is_contents_table(&contents));
        let data = table(vec![
            vec!["Burglaries", "6"],
            vec!["Domestic incidents", "45"],
            vec!["Missing from home", "12"],
        ]);
        assert!(!is_contents_table(&data));
    }

    #[test]
    fn list_tables_read_as_lines_and_lead_ins_are_kept() {
        let mut t = RawBlock::new(BlockKind::Table, "");
        t.table = Some(Table::from_texts(
            vec![
                vec!["•", "Serious Violence", "£352,195"],
                vec!["•", "Youth Fund", "£70,023"],
            ],
            0,
        ));
        let doc = Document::from_raw_blocks(
            "d".into(),
            "x".into(),
            Format::Pdf,
            None,
            None,
            vec![
                RawBlock::new(
                    BlockKind::ListItem,
                    "• Road safety – Deaths fell. Injuries rose.",
                ),
                t,
            ],
        );
        let s = sentences_of(&doc);
        let texts: Vec<&str> = s.iter().map(|s| s.text.as_str()).collect();
        assert_eq!(
            texts,
            vec![
                "Road safety – Deaths fell.",
                "Injuries rose.",
                "Serious Violence £352,195",
                "Youth Fund £70,023"
            ]
        );
        assert_eq!(s[1].lead_in.as_deref(), Some("Road safety"));
    }
}
