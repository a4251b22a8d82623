//! Metrics from data tables: one per numeric cell, its subject from the row's
//! label and its period from the column's header. The unit comes from the
//! cell ("£", "%"), the column header, or a scale stated over the table
//! ("£'000", "£m"), including a header that the layout left as a table of its own.

use super::metrics::FoundMetric;
use super::passages::{in_contents, is_contents_table, is_list_table};
use super::quantities::parse_number;
use super::text::clean;
use crate::document::{BlockKind, Document, Table};
use regex::Regex;
use std::sync::LazyLock;

fn re(p: &str) -> Regex {
    Regex::new(p).expect("valid table regex")
}

static THOUSANDS: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)£\s?['’]?\s?(?:000s?|k)\b|\(£k\)|£\s?thousands?"));
static MILLIONS: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)£\s?['’]?\s?(?:m|mn|millions?)\b|\(£m\)"));
static CHANGE_HEADER: LazyLock<Regex> =
    LazyLock::new(|| re(r"(?i)\b(change|variance|difference|\+/-|increase|decrease)\b"));
static FTE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)\b(fte|full[- ]time equivalent)\b"));
static YEAR_LIKE: LazyLock<Regex> =
    LazyLock::new(|| re(r"^(?:19|20)\d\d(?:\s*[-/–]\s*(?:19|20)?\d\d)?$"));

/// Money scale of a table: 1000 for "£'000", a million for "£m", 1 for "£".
pub(super) fn scale_in(text: &str) -> Option<f64> {
    if THOUSANDS.is_match(text) {
        Some(1000.0)
    } else if MILLIONS.is_match(text) {
        Some(1e6)
    } else if text.contains('£') {
        Some(1.0)
    } else {
        None
    }
}

/// A cell's number: "1,543.49", "-2,382", "+79.46", "94.5%", "£2.2m", "1,652*".
fn cell_number(text: &str) -> Option<(f64, bool, bool)> {
    let t = text.trim().trim_end_matches(['*', '¹', '²', '³']);
    let percent = t.ends_with('%');
    let money = t.starts_with('£') || t.starts_with("-£");
    let body: String = t
        .trim_end_matches('%')
        .chars()
        .filter(|c| !matches!(c, '£' | ' ' | ','))
        .collect();
    let (sign, digits) = match body.strip_prefix(['-', '−', '–']) {
        Some(rest) => (-1.0, rest.to_string()),
        None => (1.0, body.trim_start_matches('+').to_string()),
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    let v = parse_number(&digits)?;
    Some((sign * v, percent, money))
}

/// The metrics of every data table in a document; `skip` lists table blocks
/// whose rows are grants.
pub fn table_metrics(doc: &Document, skip: &[usize]) -> Vec<FoundMetric> {
    let mut out = Vec::new();
    for (i, b) in doc.blocks.iter().enumerate() {
        let Some(t) = &b.table else { continue };
        if skip.contains(&i) || is_list_table(t) || is_contents_table(t) || in_contents(b) {
            continue;
        }
        let above = header_above(doc, i);
        out.extend(one_table(i, t, above.as_ref()));
    }
    out
}

/// A header-only table or caption just above a table, which the layout split off.
fn header_above(doc: &Document, i: usize) -> Option<Vec<String>> {
    // a short label between them ("EXPENDITURE") belongs to the body
    let is_label = |b: &&crate::document::Block| {
        b.kind == BlockKind::Footnote
            || (b.kind == BlockKind::Paragraph && b.text.split_whitespace().count() <= 3)
    };
    let prev = doc.blocks[..i]
        .iter()
        .rev()
        .take(3)
        .find(|b| !is_label(b))?;
    if let Some(t) = &prev.table {
        let numeric_body = t
            .rows
            .iter()
            .flatten()
            .any(|c| cell_number(&c.text).is_some_and(|_| !YEAR_LIKE.is_match(c.text.trim())));
        if !numeric_body {
            return Some(column_headers(t, t.rows.len()));
        }
        return None;
    }
    matches!(
        prev.kind,
        BlockKind::Caption | BlockKind::Heading | BlockKind::Paragraph
    )
    .then(|| vec![prev.text.clone()])
    .filter(|v| v[0].len() < 200)
}

fn column_headers(t: &Table, rows: usize) -> Vec<String> {
    let width = t.rows.iter().map(Vec::len).max().unwrap_or(0);
    (0..width)
        .map(|c| {
            t.rows[..rows.min(t.rows.len())]
                .iter()
                .filter_map(|r| r.get(c).map(|x| clean(&x.text)))
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect()
}

fn one_table(i: usize, t: &Table, above: Option<&Vec<String>>) -> Vec<FoundMetric> {
    // header rows: those flagged, then any leading rows without a number that is not a year
    let mut header_rows = t.header_rows as usize;
    while header_rows < t.rows.len() && !row_has_data(&t.rows[header_rows]) {
        header_rows += 1;
    }
    let mut headers = column_headers(t, header_rows);
    let width = headers.len();
    // a split-off header has one column fewer (no label column)
    if let Some(h) = above {
        if h.len() + 1 == width {
            for (c, text) in h.iter().enumerate() {
                headers[c + 1] = format!("{} {}", headers[c + 1], text).trim().to_string();
            }
        }
    }
    // a caption above ("Table 1: Funding, £m") gives the scale, not the columns' periods
    let caption = above.filter(|h| h.len() == 1).map(|h| h[0].as_str());
    let table_scale = headers
        .iter()
        .find_map(|h| scale_in(h))
        .or_else(|| caption.and_then(scale_in));
    let mut out = Vec::new();
    for row in t.rows.iter().skip(header_rows) {
        let Some(label_at) = row.iter().position(|c| {
            let text = clean(&c.text);
            !text.is_empty() && cell_number(&text).is_none()
        }) else {
            continue;
        };
        let label = clean(&row[label_at].text);
        let quote = row
            .iter()
            .map(|c| clean(&c.text))
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        for (c, cell) in row.iter().enumerate().skip(label_at + 1) {
            let text = clean(&cell.text);
            let Some((value, percent, money)) = cell_number(&text) else {
                continue;
            };
            let header = headers.get(c).cloned().unwrap_or_default();
            let (kind, value, unit) = cell_kind(value, percent, money, &text, &header, table_scale);
            out.push(FoundMetric {
                block: i,
                subject: if header.is_empty() {
                    label.clone()
                } else {
                    format!("{label} ({header})")
                },
                kind,
                value,
                unit,
                period: period_in(&header),
                baseline: None,
                quote: quote.clone(),
                from_table: true,
            });
        }
    }
    out
}

fn row_has_data(row: &[crate::document::Cell]) -> bool {
    row.iter().any(|c| {
        let t = clean(&c.text);
        cell_number(&t).is_some() && !YEAR_LIKE.is_match(&t)
    })
}

fn cell_kind(
    value: f64,
    percent: bool,
    money: bool,
    text: &str,
    header: &str,
    table_scale: Option<f64>,
) -> (&'static str, f64, String) {
    let signed = text.trim_start().starts_with(['+', '-', '−', '–']);
    if percent {
        let change = signed || CHANGE_HEADER.is_match(header);
        return (
            if change { "percent_change" } else { "percent" },
            value,
            "%".into(),
        );
    }
    let scale = scale_in(header).or(table_scale);
    if money || scale.is_some() {
        let s = if money {
            scale_in(text).unwrap_or(1.0)
        } else {
            scale.unwrap_or(1.0)
        };
        return ("amount_gbp", value * s, "GBP".into());
    }
    let unit = if FTE.is_match(header) { "FTE" } else { "count" };
    ("count", value, unit.into())
}

fn period_in(header: &str) -> Option<String> {
    static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
        re(r"(?:19|20)\d\d\s*[-/–]\s*(?:19|20)?\d\d|\d{1,2}/\d{1,2}/(?:19|20)?\d\d|(?:19|20)\d\d")
    });
    PERIOD.find(header).map(|m| m.as_str().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Format, RawBlock};

    fn table(rows: Vec<Vec<&str>>, header_rows: u32) -> RawBlock {
        let mut b = RawBlock::new(BlockKind::Table, "");
        b.table = Some(Table::from_texts(rows, header_rows));
        b
    }

    fn metrics(blocks: Vec<RawBlock>) -> Vec<(String, &'static str, f64)> {
        let doc =
            Document::from_raw_blocks("d".into(), "x".into(), Format::Pdf, None, None, blocks);
        table_metrics(&doc, &[])
            .into_iter()
            .map(|m| (m.subject, m.kind, m.value))
            .collect()
    }

    #[test]
    fn crime_statistics_give_changes_and_counts_by_year() {
        let m = metrics(vec![table(
            vec![
                vec!["Crime type", "% change", "2019/20", "2020/21"],
                vec!["All crime", "-11.8%", "67,882", "59,883"],
            ],
            1,
        )]);
        assert_eq!(
            m,
            vec![
                ("All crime (% change)".to_string(), "percent_change", -11.8),
                ("All crime (2019/20)".to_string(), "count", 67_882.0),
                ("All crime (2020/21)".to_string(), "count", 59_883.0),
            ]
        );
    }

    #[test]
    fn a_split_off_header_gives_the_scale_and_periods() {
        let m = metrics(vec![
            table(
                vec![
                    vec!["Actuals", "Budget"],
                    vec!["2016/17", "2017/18"],
                    vec!["£’000", "£’000"],
                ],
                0,
            ),
            table(vec![vec!["Total Income", "-2,382", "1,722"]], 0),
        ]);
        assert_eq!(m[0].1, "amount_gbp");
        assert_eq!(m[0].2, -2_382_000.0);
        assert!(m[1].0.contains("2017/18"), "{m:?}");
    }

    #[test]
    fn a_bare_figure_under_a_pounds_heading_is_money() {
        let m = metrics(vec![table(
            vec![
                vec!["Partner", "Allocation 2013-14 (£)"],
                vec!["Integrated Offender Management", "35,000"],
            ],
            1,
        )]);
        assert_eq!(
            m,
            vec![(
                "Integrated Offender Management (Allocation 2013-14 (£))".to_string(),
                "amount_gbp",
                35_000.0
            )]
        );
    }

    #[test]
    fn fte_columns_and_footnote_marks() {
        let m = metrics(vec![table(
            vec![
                vec!["", "FTE 31/03/2021", "Headcount"],
                vec!["Officers", "1,622.95", "1,652*"],
            ],
            1,
        )]);
        assert_eq!(m[0].2, 1622.95);
        assert_eq!(m[1].2, 1652.0);
    }
}
