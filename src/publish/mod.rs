//! Publishing: datasets into a new immutable version folder.
//!
//! Everything is written into a staging folder beside the versions; the
//! staging folder is renamed into place only when complete, and `latest` is
//! switched after that. A version is published only when its data differs
//! from the latest one (or when forced).

pub mod datapackage;
pub mod dataset;
pub mod giving360;
pub mod validate;
pub mod versions;
pub mod writers;

use crate::document::Document;
use crate::interpret::{self, Interpretation};
use crate::pipeline::config::{Pipeline, SourceMeta};
use crate::pipeline::discover::{sha256_file, Discovered};
use crate::pipeline::report::Manifest;
use dataset::{Dataset, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A document ready to publish: where it came from, its model and what interpretation found.
pub struct PublishedDoc<'a> {
    pub discovered: &'a Discovered,
    pub document: &'a Document,
    pub interpretation: &'a Interpretation,
}

/// Builds the six datasets, rows in a stable order (documents by source path, then reading order).
pub fn build_datasets(pipeline: &Pipeline, docs: &[PublishedDoc<'_>]) -> Vec<Dataset> {
    let mut order: Vec<&PublishedDoc<'_>> = docs.iter().collect();
    order.sort_by(|a, b| {
        a.discovered
            .source
            .source_path
            .cmp(&b.discovered.source.source_path)
    });
    let mut sets: Vec<Dataset> = dataset::ALL.iter().map(|spec| Dataset::new(spec)).collect();
    let mut seen_themes = std::collections::HashSet::new();
    for d in order {
        sets[0].push(document_row(pipeline, d));
        block_rows(d.document, &mut sets[1]);
        table_rows(d.document, &mut sets[2]);
        for t in &d.interpretation.themes {
            if seen_themes.insert(t.theme_id.clone()) {
                sets[3].push(vec![
                    t.theme_id.clone().into(),
                    t.plan.clone().into(),
                    t.position.into(),
                    t.name.clone().into(),
                    t.statement.clone().into(),
                    t.document_id.clone().into(),
                ]);
            }
        }
        for m in &d.interpretation.metrics {
            sets[4].push(vec![
                m.metric_id.clone().into(),
                m.document_id.clone().into(),
                m.theme_id.clone().into(),
                m.section.clone().into(),
                m.subject.clone().into(),
                m.kind.clone().into(),
                m.value.into(),
                m.unit.clone().into(),
                m.period.clone().into(),
                m.baseline.clone().into(),
                m.quote.clone().into(),
                m.page.into(),
                m.table_id.clone().into(),
            ]);
        }
        for g in &d.interpretation.grants {
            sets[5].push(vec![
                g.grant_id.clone().into(),
                g.document_id.clone().into(),
                g.theme_id.clone().into(),
                g.flow.clone().into(),
                g.funder.clone().into(),
                g.recipient.clone().into(),
                g.programme.clone().into(),
                g.purpose.clone().into(),
                Value::Money(g.amount_pence),
                g.currency.clone().into(),
                g.amount_text.clone().into(),
                g.financial_year.clone().into(),
                g.section.clone().into(),
                g.quote.clone().into(),
                g.page.into(),
            ]);
        }
    }
    sets
}

/// What a document is: configuration first, then what the document itself says.
pub fn document_facts(
    meta: &SourceMeta,
    doc: &Document,
) -> (Option<String>, String, Option<interpret::periods::Period>) {
    let title = meta
        .title
        .clone()
        .or_else(|| interpret::document_title(doc));
    let named = title.clone().unwrap_or_else(|| doc.source_path.clone());
    let document_type = meta
        .document_type
        .clone()
        .unwrap_or_else(|| interpret::document_type_from_title(&named).to_string());
    let period = meta
        .period
        .or_else(|| title.as_deref().and_then(interpret::periods::year_span));
    (title, document_type, period)
}

fn document_row(pipeline: &Pipeline, d: &PublishedDoc<'_>) -> Vec<Value> {
    let src = &d.discovered.source;
    let (title, document_type, period) = document_facts(&src.meta, d.document);
    vec![
        d.discovered.document_id.clone().into(),
        src.source_path.clone().into(),
        src.meta.url.clone().into(),
        d.discovered.sha256.clone().into(),
        d.document.format.as_str().into(),
        title.into(),
        pipeline.dataset.publisher.clone().into(),
        document_type.into(),
        period.map(|p| p.0).into(),
        period.map(|p| p.1).into(),
        d.document
            .published
            .as_deref()
            .and_then(|p| chrono::NaiveDate::parse_from_str(p, "%Y-%m-%d").ok())
            .into(),
        d.document.page_count.map(|n| n as i32).into(),
        d.document.char_count().into(),
    ]
}

fn block_rows(doc: &Document, out: &mut Dataset) {
    for b in &doc.blocks {
        out.push(vec![
            doc.document_id.clone().into(),
            (b.index as i32).into(),
            b.kind.as_str().into(),
            b.section.join(" > ").into(),
            b.page.map(|p| p as i32).into(),
            b.text.clone().into(),
        ]);
    }
}

fn table_rows(doc: &Document, out: &mut Dataset) {
    for b in &doc.blocks {
        let Some(t) = &b.table else { continue };
        let table_id = doc.table_id(b.index);
        for (r, row) in t.rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                out.push(vec![
                    table_id.clone().into(),
                    doc.document_id.clone().into(),
                    t.page.or(b.page).map(|p| p as i32).into(),
                    (r as i32).into(),
                    (c as i32).into(),
                    cell.text.clone().into(),
                    ((r as u32) < t.header_rows).into(),
                ]);
            }
        }
    }
}

/// Files of a version that hold data (everything but the run's own records).
fn data_files(datasets: &[Dataset]) -> Vec<String> {
    let mut out = Vec::new();
    for ds in datasets {
        out.push(format!("{}.parquet", ds.name));
        out.push(format!("json/{}.json", ds.name));
        out.push(format!("csv/{}.csv", ds.name));
    }
    out.push("grants.360giving.json".into());
    out
}

/// Writes every data file into `dir` and returns each one's size and sha256.
pub fn write_data(
    dir: &Path,
    datasets: &[Dataset],
    giving: &serde_json::Value,
) -> anyhow::Result<BTreeMap<String, (u64, String)>> {
    std::fs::create_dir_all(dir.join("json"))?;
    std::fs::create_dir_all(dir.join("csv"))?;
    for ds in datasets {
        writers::write_parquet(ds, &dir.join(format!("{}.parquet", ds.name)))?;
        writers::write_json(ds, &dir.join("json").join(format!("{}.json", ds.name)))?;
        writers::write_csv(ds, &dir.join("csv").join(format!("{}.csv", ds.name)))?;
    }
    std::fs::write(
        dir.join("grants.360giving.json"),
        serde_json::to_string_pretty(giving)? + "\n",
    )?;
    let mut files = BTreeMap::new();
    for rel in data_files(datasets) {
        let path = dir.join(&rel);
        files.insert(rel, (std::fs::metadata(&path)?.len(), sha256_file(&path)?));
    }
    Ok(files)
}

/// The outcome of publishing one dataset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Publication {
    /// A new version, now `latest`.
    New(String),
    /// The data equals the latest version's: nothing new was published.
    Unchanged(String),
}

/// Everything needed to publish one version.
pub struct Release<'a> {
    pub dataset_dir: &'a Path,
    pub pipeline: &'a Pipeline,
    pub datasets: Vec<Dataset>,
    pub giving: serde_json::Value,
    /// The manifest, complete but for version, files and row counts (filled in here).
    pub manifest: Manifest,
    pub force: bool,
}

pub fn publish(release: Release<'_>) -> anyhow::Result<Publication> {
    let dir = release.dataset_dir;
    std::fs::create_dir_all(dir)?;
    let staging = dir.join(format!(".staging-{}", std::process::id()));
    if staging.exists() {
        std::fs::remove_dir_all(&staging)?;
    }
    let result = publish_staged(&release, &staging);
    if staging.exists() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

fn publish_staged(release: &Release<'_>, staging: &Path) -> anyhow::Result<Publication> {
    let dir = release.dataset_dir;
    let files = write_data(staging, &release.datasets, &release.giving)?;
    let previous = versions::latest(dir);
    if let Some((v, prev_dir)) = &previous {
        if !release.force && same_data(prev_dir, &files) {
            return Ok(Publication::Unchanged(v.to_string()));
        }
    }
    let version = versions::next_version(&versions::published(dir));
    let created = release.manifest.created.clone();
    let changes = versions::changes(
        &version,
        previous.as_ref().map(|(v, p)| (v, p.as_path())),
        &release.datasets,
    );
    std::fs::write(
        staging.join("CHANGES.json"),
        serde_json::to_string_pretty(&changes)? + "\n",
    )?;
    let package = datapackage::datapackage(
        &release.pipeline.dataset,
        &version.to_string(),
        &created,
        &release.datasets,
        &files,
    );
    std::fs::write(
        staging.join("datapackage.json"),
        serde_json::to_string_pretty(&package)? + "\n",
    )?;
    let row_counts: BTreeMap<String, usize> = release
        .datasets
        .iter()
        .map(|d| (d.name.to_string(), d.rows.len()))
        .collect();
    let mut manifest = release.manifest.clone();
    manifest.version = version.to_string();
    manifest.row_counts = row_counts.clone();
    manifest.files = files.into_iter().map(|(k, (_, h))| (k, h)).collect();
    std::fs::write(
        staging.join("manifest.json"),
        serde_json::to_string_pretty(&manifest)? + "\n",
    )?;

    let final_dir: PathBuf = dir.join(version.folder());
    anyhow::ensure!(
        !final_dir.exists(),
        "{} already exists; published versions are never overwritten",
        final_dir.display()
    );
    std::fs::rename(staging, &final_dir)?;
    versions::record_version(
        dir,
        versions::VersionEntry {
            version: version.to_string(),
            created,
            row_counts,
            changes: changes
                .datasets
                .iter()
                .map(|(k, v)| (k.clone(), v.counts.clone()))
                .collect(),
        },
    )?;
    versions::switch_latest(dir, &version)?;
    Ok(Publication::New(version.to_string()))
}

/// Whether a published version holds exactly these data files.
fn same_data(version_dir: &Path, files: &BTreeMap<String, (u64, String)>) -> bool {
    let Some(m) = Manifest::read(&version_dir.join("manifest.json")) else {
        return false;
    };
    m.files.len() == files.len() && files.iter().all(|(k, (_, h))| m.files.get(k) == Some(h))
}
