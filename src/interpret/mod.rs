//! Interpretation: what a document is, and its themes, metrics and grants.
//! Pure functions of the Document model: no I/O.

pub mod grants;
pub mod metrics;
pub mod passages;
pub mod periods;
pub mod quantities;
pub mod tables;
pub mod text;
pub mod themes;

use crate::document::{Block, BlockKind, Document};
use std::collections::HashMap;

/// A theme of a plan (the themes dataset).
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub theme_id: String,
    pub plan: String,
    pub position: i32,
    pub name: String,
    pub statement: Option<String>,
    pub document_id: String,
}

/// A quantity stated in a document (the metrics dataset).
#[derive(Debug, Clone, PartialEq)]
pub struct Metric {
    pub metric_id: String,
    pub document_id: String,
    pub theme_id: Option<String>,
    pub section: String,
    pub subject: String,
    pub kind: String,
    pub value: f64,
    pub unit: String,
    pub period: Option<String>,
    pub baseline: Option<String>,
    pub quote: String,
    pub page: Option<i32>,
    pub table_id: Option<String>,
}

/// A money flow to or from a named party (the grants dataset).
#[derive(Debug, Clone, PartialEq)]
pub struct Grant {
    pub grant_id: String,
    pub document_id: String,
    pub theme_id: Option<String>,
    pub flow: String,
    pub funder: Option<String>,
    pub recipient: Option<String>,
    pub programme: Option<String>,
    pub purpose: Option<String>,
    /// Pence.
    pub amount_pence: i64,
    pub currency: String,
    pub amount_text: String,
    pub financial_year: Option<String>,
    pub section: String,
    pub quote: String,
    pub page: Option<i32>,
}

/// Everything interpretation finds in one document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Interpretation {
    pub themes: Vec<Theme>,
    pub metrics: Vec<Metric>,
    pub grants: Vec<Grant>,
}

/// Revision of the recognisers: part of the pipeline version, so that a run
/// with new recognisers publishes a new version although no input changed.
pub const REVISION: &str = "i2";

/// What interpretation knows about a document besides its content.
#[derive(Debug, Clone)]
pub struct Context<'a> {
    /// The publisher, funder of the grants it awards.
    pub publisher: &'a str,
    /// The one financial year the document covers ("2023-24"), if it covers one.
    pub financial_year: Option<String>,
    /// The plan the document reports on, as configuration names it; else the
    /// document's own naming is read.
    pub plan: Option<String>,
}

impl<'a> Context<'a> {
    /// A context from the publisher and the document's period.
    pub fn new(publisher: &'a str, period: Option<periods::Period>) -> Self {
        use chrono::Datelike;
        let financial_year = period.and_then(|(start, end)| {
            let one_year = start.month() == 4
                && start.day() == 1
                && end.year() == start.year() + 1
                && end.month() == 3;
            one_year.then(|| format!("{}-{:02}", start.year(), end.year() % 100))
        });
        Context {
            publisher,
            financial_year,
            plan: None,
        }
    }
}

/// Themes, metrics and grants of a document.
pub fn interpret(doc: &Document, ctx: &Context) -> Interpretation {
    let plan = ctx
        .plan
        .clone()
        .map(|name| themes::Plan { name })
        .or_else(|| themes::find_plan(doc));
    let found_themes = if plan.is_some() {
        themes::find_themes(doc)
    } else {
        Vec::new()
    };
    let themes = theme_rows(doc, ctx, plan.as_ref(), &found_themes);
    let block_theme = block_themes(doc, &found_themes, &themes);

    let sentences = passages::sentences_of(doc);
    let found_grants = grants::find_grants(doc, &sentences, ctx);
    let grant_tables: Vec<usize> = found_grants
        .iter()
        .filter(|g| g.specificity == 0)
        .map(|g| g.block)
        .collect();
    let mut found_metrics = tables::table_metrics(doc, &grant_tables);
    let mut grants_by_block: HashMap<usize, Vec<&grants::FoundGrant>> = HashMap::new();
    for g in &found_grants {
        grants_by_block.entry(g.block).or_default().push(g);
    }
    for s in &sentences {
        let claimed: Vec<usize> = grants_by_block
            .get(&(s.block.index as usize))
            .into_iter()
            .flatten()
            .filter(|g| g.quote == s.text)
            .filter_map(|g| s.text.find(&g.amount_text))
            .collect();
        found_metrics.extend(metrics::sentence_metrics(s, &claimed));
    }
    // an amount that a grant states is the grant, wherever else it is repeated
    let grant_pence: std::collections::HashSet<i64> = found_grants
        .iter()
        .map(|g| (g.amount * 100.0).round() as i64)
        .collect();
    found_metrics.retain(|m| {
        m.kind != "amount_gbp"
            || m.from_table
            || !grant_pence.contains(&((m.value * 100.0).round() as i64))
    });
    let found_metrics = metrics::merge_duplicates(found_metrics);
    let texts: Vec<&str> = doc.blocks.iter().map(|b| b.text.as_str()).collect();
    let known = text::abbreviations(&texts);

    let metrics = found_metrics
        .into_iter()
        .enumerate()
        .map(|(n, m)| {
            let b = &doc.blocks[m.block];
            Metric {
                metric_id: format!("{}-m{}", doc.document_id, n + 1),
                document_id: doc.document_id.clone(),
                theme_id: block_theme[m.block].clone(),
                section: section_of(doc, b),
                subject: text::expand_abbreviations(&m.subject, &known),
                kind: m.kind.to_string(),
                value: m.value,
                unit: m.unit,
                period: m.period,
                baseline: m.baseline,
                quote: m.quote,
                page: b.page.map(|p| p as i32),
                table_id: b
                    .table
                    .as_ref()
                    .filter(|_| m.from_table)
                    .map(|_| doc.table_id(b.index)),
            }
        })
        .collect();
    let grants = found_grants
        .into_iter()
        .enumerate()
        .map(|(n, g)| {
            let b = &doc.blocks[g.block];
            Grant {
                grant_id: format!("{}-g{}", doc.document_id, n + 1),
                document_id: doc.document_id.clone(),
                theme_id: block_theme[g.block].clone(),
                flow: g.flow.to_string(),
                funder: g.funder,
                recipient: g.recipient,
                programme: g.programme,
                purpose: g.purpose,
                amount_pence: (g.amount * 100.0).round() as i64,
                currency: "GBP".to_string(),
                amount_text: g.amount_text,
                financial_year: g.financial_year,
                section: section_of(doc, b),
                quote: g.quote,
                page: b.page.map(|p| p as i32),
            }
        })
        .collect();
    Interpretation {
        themes,
        metrics,
        grants,
    }
}

fn theme_rows(
    doc: &Document,
    ctx: &Context,
    plan: Option<&themes::Plan>,
    found: &[themes::FoundTheme],
) -> Vec<Theme> {
    let Some(plan) = plan else { return Vec::new() };
    found
        .iter()
        .enumerate()
        .map(|(i, t)| Theme {
            theme_id: format!(
                "{}/{}/{}",
                text::slug(ctx.publisher),
                text::slug(&plan.name),
                text::slug(&t.name)
            ),
            plan: plan.name.clone(),
            position: i as i32 + 1,
            name: t.name.clone(),
            statement: t.statement.clone(),
            document_id: doc.document_id.clone(),
        })
        .collect()
}

/// The theme each block sits under: a theme's heading (or lead-in paragraph)
/// opens its section, which ends at the next heading of the same or a higher level.
fn block_themes(
    doc: &Document,
    found: &[themes::FoundTheme],
    rows: &[Theme],
) -> Vec<Option<String>> {
    let mut anchors: HashMap<usize, usize> = HashMap::new();
    for (t, theme) in found.iter().enumerate() {
        for &a in &theme.anchors {
            if matches!(
                doc.blocks[a].kind,
                BlockKind::Heading | BlockKind::Paragraph
            ) {
                anchors.insert(a, t);
            }
        }
    }
    let mut current: Option<(usize, u8)> = None;
    doc.blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            if let Some(&t) = anchors.get(&i) {
                let level = if b.kind == BlockKind::Heading {
                    b.level.unwrap_or(1)
                } else {
                    u8::MAX
                };
                current = Some((t, level));
            } else if b.kind == BlockKind::Heading
                && current.is_some_and(|(_, l)| b.level.unwrap_or(1) <= l)
            {
                current = None;
            }
            current
                .and_then(|(t, _)| rows.get(t))
                .map(|r| r.theme_id.clone())
        })
        .collect()
}

/// The heading a block sits under, or the document's title.
fn section_of(doc: &Document, b: &Block) -> String {
    b.section
        .last()
        .cloned()
        .or_else(|| doc.title.clone())
        .unwrap_or_default()
}

/// The kind of document a title names, in the document_type vocabulary.
pub fn document_type_from_title(title: &str) -> &'static str {
    let t = title.to_lowercase();
    let rules: [(&str, &str); 8] = [
        ("annual report", "annual_report"),
        ("progress report", "progress_report"),
        ("update report", "progress_report"),
        ("minutes", "minutes"),
        ("budget", "budget"),
        ("strategy", "strategy"),
        ("plan", "plan"),
        ("statement of accounts", "accounts"),
    ];
    rules
        .iter()
        .find(|(needle, _)| t.contains(needle))
        .map_or("report", |(_, kind)| kind)
}

/// The best title for a document: its own, or its first top-level heading.
pub fn document_title(doc: &Document) -> Option<String> {
    doc.title.clone().or_else(|| {
        doc.blocks
            .iter()
            .find(|b| b.kind == BlockKind::Heading)
            .map(|b| b.text.clone())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_types_from_titles() {
        assert_eq!(
            document_type_from_title("Police and Crime Commissioner Annual Report 2020-21"),
            "annual_report"
        );
        assert_eq!(
            document_type_from_title("Police and Crime Plan 2017-20"),
            "plan"
        );
        assert_eq!(
            document_type_from_title("Police and Crime Plan progress report"),
            "progress_report"
        );
        assert_eq!(document_type_from_title("Something else"), "report");
    }
}
