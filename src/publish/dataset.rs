//! Datasets as typed columns and rows: one description drives the Arrow
//! schema, the Parquet, JSON and CSV writers and the Frictionless schema, so
//! they cannot drift apart.

use chrono::NaiveDate;

/// Column types of schema version 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColType {
    Str,
    Int32,
    Int64,
    Float64,
    Bool,
    Date,
    /// Decimal(18, 2): money, stored in pence.
    Money,
}

#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub ty: ColType,
    pub nullable: bool,
    pub description: &'static str,
}

const fn col(name: &'static str, ty: ColType, nullable: bool, description: &'static str) -> Column {
    Column {
        name,
        ty,
        nullable,
        description,
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Str(String),
    Int32(i32),
    Int64(i64),
    Float64(f64),
    Bool(bool),
    Date(NaiveDate),
    /// Pence.
    Money(i64),
}

impl From<String> for Value {
    fn from(s: String) -> Self {
        Value::Str(s)
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Self {
        Value::Str(s.to_string())
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Self {
        v.map_or(Value::Null, Into::into)
    }
}

impl From<i32> for Value {
    fn from(v: i32) -> Self {
        Value::Int32(v)
    }
}

impl From<i64> for Value {
    fn from(v: i64) -> Self {
        Value::Int64(v)
    }
}

impl From<f64> for Value {
    fn from(v: f64) -> Self {
        Value::Float64(v)
    }
}

impl From<bool> for Value {
    fn from(v: bool) -> Self {
        Value::Bool(v)
    }
}

impl From<NaiveDate> for Value {
    fn from(v: NaiveDate) -> Self {
        Value::Date(v)
    }
}

/// One published table: its name, columns, key and rows (already in their stable order).
#[derive(Debug, Clone)]
pub struct Dataset {
    pub name: &'static str,
    pub title: &'static str,
    pub columns: &'static [Column],
    pub primary_key: &'static [&'static str],
    pub rows: Vec<Vec<Value>>,
}

impl Dataset {
    pub fn new(spec: &DatasetSpec) -> Self {
        Dataset {
            name: spec.name,
            title: spec.title,
            columns: spec.columns,
            primary_key: spec.primary_key,
            rows: Vec::new(),
        }
    }

    /// Adds a row, checking it against the columns (a wrong row is a bug, caught in tests).
    pub fn push(&mut self, row: Vec<Value>) {
        debug_assert_eq!(row.len(), self.columns.len(), "row width of {}", self.name);
        debug_assert!(
            row.iter().zip(self.columns).all(|(v, c)| value_fits(v, c)),
            "row types of {}: {row:?}",
            self.name
        );
        self.rows.push(row);
    }

    /// The key of a row, as a string, for change detection.
    pub fn key_of(&self, row: &[Value]) -> String {
        self.primary_key
            .iter()
            .map(|k| {
                let i = self
                    .columns
                    .iter()
                    .position(|c| c.name == *k)
                    .expect("key column exists");
                crate::publish::writers::value_text(&row[i])
            })
            .collect::<Vec<_>>()
            .join("|")
    }
}

fn value_fits(v: &Value, c: &Column) -> bool {
    matches!(
        (v, c.ty),
        (Value::Str(_), ColType::Str)
            | (Value::Int32(_), ColType::Int32)
            | (Value::Int64(_), ColType::Int64)
            | (Value::Float64(_), ColType::Float64)
            | (Value::Bool(_), ColType::Bool)
            | (Value::Date(_), ColType::Date)
            | (Value::Money(_), ColType::Money)
    ) || (matches!(v, Value::Null) && c.nullable)
}

pub struct DatasetSpec {
    pub name: &'static str,
    pub title: &'static str,
    pub columns: &'static [Column],
    pub primary_key: &'static [&'static str],
}

use ColType::*;

pub const DOCUMENTS: DatasetSpec = DatasetSpec {
    name: "documents",
    title: "Source documents",
    primary_key: &["document_id"],
    columns: &[
        col(
            "document_id",
            Str,
            false,
            "First 16 hex digits of the file's SHA-256",
        ),
        col(
            "source_path",
            Str,
            false,
            "Path of the source file, relative to the project",
        ),
        col("source_url", Str, true, "Where the document was published"),
        col("sha256", Str, false, "SHA-256 of the source file"),
        col("format", Str, false, "pdf or html"),
        col("title", Str, true, "Document title"),
        col("publisher", Str, false, "Body that published the document"),
        col(
            "document_type",
            Str,
            false,
            "annual_report, plan, progress_report, ...",
        ),
        col(
            "period_start",
            Date,
            true,
            "First day of the period reported on",
        ),
        col(
            "period_end",
            Date,
            true,
            "Last day of the period reported on",
        ),
        col(
            "published",
            Date,
            true,
            "Date of publication, where the document's metadata gives it",
        ),
        col("page_count", Int32, true, "Pages (PDF only)"),
        col("char_count", Int64, false, "Characters of extracted text"),
    ],
};

pub const BLOCKS: DatasetSpec = DatasetSpec {
    name: "blocks",
    title: "Text blocks in reading order",
    primary_key: &["document_id", "block_index"],
    columns: &[
        col("document_id", Str, false, "Document the block is in"),
        col(
            "block_index",
            Int32,
            false,
            "Position in reading order, from 0",
        ),
        col(
            "kind",
            Str,
            false,
            "heading, paragraph, list_item, table, caption, quote or footnote",
        ),
        col(
            "section",
            Str,
            false,
            "Heading path above the block, joined with ' > '",
        ),
        col("page", Int32, true, "Page number, from 1 (PDF only)"),
        col("text", Str, false, "The block's text"),
    ],
};

pub const TABLES: DatasetSpec = DatasetSpec {
    name: "tables",
    title: "Table cells",
    primary_key: &["table_id", "row", "col"],
    columns: &[
        col(
            "table_id",
            Str,
            false,
            "Document id and the table's block index",
        ),
        col("document_id", Str, false, "Document the table is in"),
        col("page", Int32, true, "Page number, from 1 (PDF only)"),
        col("row", Int32, false, "Row, from 0"),
        col("col", Int32, false, "Column, from 0"),
        col("text", Str, false, "Cell text"),
        col(
            "is_header",
            Bool,
            false,
            "Whether the cell is in a header row",
        ),
    ],
};

pub const THEMES: DatasetSpec = DatasetSpec {
    name: "themes",
    title: "Themes of plans",
    primary_key: &["theme_id"],
    columns: &[
        col("theme_id", Str, false, "publisher/plan/theme slugs"),
        col("plan", Str, false, "The plan the theme belongs to"),
        col(
            "position",
            Int32,
            false,
            "Position of the theme in the plan, from 1",
        ),
        col("name", Str, false, "Theme name"),
        col("statement", Str, true, "The plan's statement of the theme"),
        col(
            "document_id",
            Str,
            false,
            "First document that states the theme",
        ),
    ],
};

pub const METRICS: DatasetSpec = DatasetSpec {
    name: "metrics",
    title: "Quantities stated in the documents",
    primary_key: &["metric_id"],
    columns: &[
        col("metric_id", Str, false, "Stable id of the metric"),
        col(
            "document_id",
            Str,
            false,
            "Document the metric is stated in",
        ),
        col("theme_id", Str, true, "Theme of the section it sits in"),
        col("section", Str, false, "Heading path above it"),
        col("subject", Str, false, "What is measured"),
        col(
            "kind",
            Str,
            false,
            "percent_change, percent, count, amount_gbp, duration_seconds, rate or ratio",
        ),
        col("value", Float64, false, "The value, signed for changes"),
        col("unit", Str, false, "Unit of the value"),
        col("period", Str, true, "Period the value covers"),
        col("baseline", Str, true, "What a change is measured against"),
        col(
            "quote",
            Str,
            false,
            "The sentence or table row it comes from",
        ),
        col("page", Int32, true, "Page number (PDF only)"),
        col("table_id", Str, true, "Table it comes from"),
    ],
};

pub const GRANTS: DatasetSpec = DatasetSpec {
    name: "grants",
    title: "Grants and other money flows",
    primary_key: &["grant_id"],
    columns: &[
        col("grant_id", Str, false, "Stable id of the grant"),
        col("document_id", Str, false, "Document the grant is stated in"),
        col("theme_id", Str, true, "Theme of the section it sits in"),
        col("flow", Str, false, "awarded or received"),
        col("funder", Str, true, "Who gives the money"),
        col("recipient", Str, true, "Who receives it"),
        col("programme", Str, true, "Funding programme"),
        col("purpose", Str, true, "What it is for"),
        col("amount_gbp", Money, false, "Amount in pounds"),
        col("currency", Str, false, "ISO 4217 currency code"),
        col("amount_text", Str, false, "The amount as written"),
        col(
            "financial_year",
            Str,
            true,
            "Financial year, such as 2013-14",
        ),
        col("section", Str, false, "Heading path above it"),
        col(
            "quote",
            Str,
            false,
            "The sentence or table row it comes from",
        ),
        col("page", Int32, true, "Page number (PDF only)"),
    ],
};

/// Every dataset, in publishing order.
pub const ALL: [&DatasetSpec; 6] = [&DOCUMENTS, &BLOCKS, &TABLES, &THEMES, &METRICS, &GRANTS];
