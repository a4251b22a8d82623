//! Interpretation: what a document is, and its themes, metrics and grants.
//! Pure functions of the Document model: no I/O.

pub mod periods;
pub mod quantities;

use crate::document::{BlockKind, Document};

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

/// Themes, metrics and grants of a document. The recognisers arrive with
/// their own issue; until then the datasets are published empty, with their schemas.
pub fn interpret(_doc: &Document) -> Interpretation {
    Interpretation::default()
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
