//! The Frictionless data package (datapackage.json) describing a version.

use super::dataset::{ColType, Column, Dataset};
use crate::pipeline::config::DatasetConfig;
use serde_json::{json, Value};
use std::collections::BTreeMap;

fn field_type(ty: ColType) -> &'static str {
    match ty {
        ColType::Str => "string",
        ColType::Int32 | ColType::Int64 => "integer",
        ColType::Float64 | ColType::Money => "number",
        ColType::Bool => "boolean",
        ColType::Date => "date",
    }
}

/// A column is `required` when it is never null and never empty: CSV cannot
/// tell an empty string from a missing value, so text columns that may be
/// empty (a block's section at the top of a document) are not marked.
fn field(c: &Column, key: &[&str]) -> Value {
    let mut f = json!({ "name": c.name, "type": field_type(c.ty), "description": c.description });
    if !c.nullable && (c.ty != ColType::Str || key.contains(&c.name)) {
        f["constraints"] = json!({ "required": true });
    }
    if c.ty == ColType::Money {
        f["bareNumber"] = json!(true);
    }
    f
}

pub fn table_schema(ds: &Dataset) -> Value {
    json!({
        "fields": ds.columns.iter().map(|c| field(c, ds.primary_key)).collect::<Vec<_>>(),
        "primaryKey": ds.primary_key,
        "missingValues": [""],
    })
}

/// The package: one tabular resource per dataset (its CSV, with schema); the
/// Parquet and JSON copies of the same rows are listed on that resource as
/// `alternates` (Frictionless tools validate CSV; Parquet readers need no schema
/// from us). `files` holds each file's size and sha256.
pub fn datapackage(
    config: &DatasetConfig,
    version: &str,
    created: &str,
    datasets: &[Dataset],
    files: &BTreeMap<String, (u64, String)>,
) -> Value {
    let stats = |path: &str| files.get(path).cloned().unwrap_or_default();
    let mut resources = Vec::new();
    for ds in datasets {
        let csv = format!("csv/{}.csv", ds.name);
        let (bytes, hash) = stats(&csv);
        let alternates: Vec<Value> = [
            (format!("{}.parquet", ds.name), "parquet", "application/vnd.apache.parquet"),
            (format!("json/{}.json", ds.name), "json", "application/json"),
        ]
        .into_iter()
        .map(|(path, format, media)| {
            let (bytes, hash) = stats(&path);
            json!({ "path": path, "format": format, "mediatype": media, "bytes": bytes, "hash": format!("sha256:{hash}") })
        })
        .collect();
        resources.push(json!({
            "name": ds.name,
            "title": ds.title,
            "path": csv,
            "profile": "tabular-data-resource",
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "bytes": bytes,
            "hash": format!("sha256:{hash}"),
            "schema": table_schema(ds),
            "alternates": alternates,
        }));
    }
    let giving = "grants.360giving.json";
    let (bytes, hash) = stats(giving);
    resources.push(json!({
        "name": "grants-360giving",
        "title": "Grants awarded, in the 360Giving Data Standard",
        "path": giving,
        "format": "json",
        "mediatype": "application/json",
        "bytes": bytes,
        "hash": format!("sha256:{hash}"),
    }));
    let mut package = json!({
        "profile": "data-package",
        "name": config.id,
        "title": config.title,
        "version": version,
        "created": created,
        "licenses": [{ "name": config.licence.id, "title": config.licence.title, "path": config.licence.url }],
        "sources": [{ "title": config.publisher }],
        "contributors": [{ "title": config.publisher, "role": "publisher" }],
        "resources": resources,
    });
    if let Some(d) = &config.description {
        package["description"] = json!(d);
    }
    if let Some(h) = &config.homepage {
        package["homepage"] = json!(h);
        package["sources"][0]["path"] = json!(h);
    }
    package
}
