//! A pipeline run: discover, extract (in parallel), interpret, publish.

use super::cache::{Cache, ENGINE_REVISION};
use super::config::Pipeline;
use super::discover::{discover, Discovered};
use super::lock::OutputLock;
use super::report::{DocError, InputRecord, InputStatus, Manifest, PipelineInfo};
use crate::document::Document;
use crate::interpret::{self, Interpretation};
use crate::publish::{self, giving360, Publication, PublishedDoc, Release};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;
use std::time::Instant;

#[derive(Debug, Clone)]
pub struct RunOptions {
    pub output: PathBuf,
    /// Worker threads for extraction; None = one per core.
    pub jobs: Option<usize>,
    pub force: bool,
    /// Draw a progress bar (on a terminal) instead of a log line per document.
    pub progress: bool,
}

#[derive(Debug, Clone)]
pub struct PipelineOutcome {
    pub dataset_id: String,
    /// What was published; None when nothing could be.
    pub publication: Option<Publication>,
    /// The inputs and pipeline were unchanged since the latest version, so nothing was extracted.
    pub inputs_unchanged: bool,
    /// Documents that failed (in this run, or, when inputs were unchanged, in the run that made latest).
    pub errors: Vec<DocError>,
    /// Why nothing was published, when nothing was.
    pub fatal: Option<String>,
}

struct Extracted {
    discovered: Discovered,
    result: Result<(Document, InputStatus), String>,
    millis: u64,
}

pub fn run_pipeline(pipeline: &Pipeline, opts: &RunOptions) -> PipelineOutcome {
    let dataset_id = pipeline.dataset.id.clone();
    let dataset_dir = opts.output.join(&dataset_id);
    let mut outcome = PipelineOutcome {
        dataset_id: dataset_id.clone(),
        publication: None,
        inputs_unchanged: false,
        errors: Vec::new(),
        fatal: None,
    };
    let _lock = match OutputLock::acquire(&dataset_dir) {
        Ok(lock) => lock,
        Err(e) => {
            outcome.fatal = Some(e.to_string());
            return outcome;
        }
    };
    let started = Instant::now();
    let (found, mut errors) = discover(pipeline);
    let discover_ms = started.elapsed().as_millis() as u64;
    // a new extraction or interpretation engine publishes anew even when no input changed
    let pipeline_version = format!(
        "{ENGINE_REVISION}-{}+{}",
        interpret::REVISION,
        &pipeline.definition_sha256[..12]
    );

    let previous = publish::versions::latest(&dataset_dir)
        .and_then(|(_, dir)| Manifest::read(&dir.join("manifest.json")));
    if let Some(prev) = previous.as_ref().filter(|_| !opts.force) {
        if prev.pipeline.version == pipeline_version && same_inputs(prev, &found, &errors) {
            outcome.inputs_unchanged = true;
            outcome.publication = Some(Publication::Unchanged(prev.version.clone()));
            outcome.errors = prev.errors.clone();
            return outcome;
        }
    }

    let extract_started = Instant::now();
    let extracted = extract_all(&found, &dataset_dir, opts);
    let extract_ms = extract_started.elapsed().as_millis() as u64;

    let interpret_started = Instant::now();
    let mut read: Vec<(Discovered, Document)> = Vec::new();
    let mut inputs: Vec<InputRecord> = Vec::new();
    for e in extracted {
        let mut record = InputRecord {
            source_path: e.discovered.source.source_path.clone(),
            sha256: Some(e.discovered.sha256.clone()),
            document_id: Some(e.discovered.document_id.clone()),
            status: InputStatus::Failed,
            error: None,
            extract_ms: Some(e.millis),
        };
        match e.result {
            Ok((doc, status)) => {
                record.status = status;
                read.push((e.discovered, doc));
            }
            Err(message) => {
                record.error = Some(message.clone());
                errors.push(DocError::new(&record.source_path, message));
            }
        }
        inputs.push(record);
    }
    // interpretation is pure and per document: in parallel, like extraction
    let interpretations: Vec<Interpretation> = in_pool(opts.jobs, || {
        read.par_iter()
            .map(|(discovered, doc)| {
                let (_, _, period) = crate::publish::document_facts(&discovered.source.meta, doc);
                let mut ctx = interpret::Context::new(&pipeline.dataset.publisher, period);
                ctx.plan = discovered.source.meta.plan.clone();
                interpret::interpret(doc, &ctx)
            })
            .collect()
    });
    let ok: Vec<(Discovered, Document, Interpretation)> = read
        .into_iter()
        .zip(interpretations)
        .map(|((discovered, doc), i)| (discovered, doc, i))
        .collect();
    let unread: Vec<&DocError> = errors
        .iter()
        .filter(|err| !inputs.iter().any(|i| i.source_path == err.source_path))
        .collect();
    for err in unread {
        inputs.push(InputRecord {
            source_path: err.source_path.clone(),
            sha256: None,
            document_id: None,
            status: InputStatus::Failed,
            error: Some(err.error.clone()),
            extract_ms: None,
        });
    }
    inputs.sort_by(|a, b| a.source_path.cmp(&b.source_path));
    errors.sort_by(|a, b| a.source_path.cmp(&b.source_path));
    outcome.errors = errors.clone();
    let interpret_ms = interpret_started.elapsed().as_millis() as u64;

    if ok.is_empty() {
        outcome.fatal = Some(format!(
            "no document of {} could be extracted",
            pipeline.path.display()
        ));
        return outcome;
    }

    let publish_started = Instant::now();
    let docs: Vec<PublishedDoc<'_>> = ok
        .iter()
        .map(|(d, doc, i)| PublishedDoc {
            discovered: d,
            document: doc,
            interpretation: i,
        })
        .collect();
    let datasets = publish::build_datasets(pipeline, &docs);
    let giving = giving_export(pipeline, &docs);
    let mut timings = BTreeMap::new();
    timings.insert("discover".to_string(), discover_ms);
    timings.insert("extract".to_string(), extract_ms);
    timings.insert("interpret".to_string(), interpret_ms);
    let manifest = Manifest {
        dataset_id: dataset_id.clone(),
        version: String::new(),
        schema_version: publish::versions::SCHEMA_VERSION,
        reportmine_version: env!("CARGO_PKG_VERSION").to_string(),
        created: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        pipeline: PipelineInfo {
            path: pipeline.path.to_string_lossy().replace('\\', "/"),
            sha256: pipeline.definition_sha256.clone(),
            version: pipeline_version,
        },
        inputs,
        row_counts: BTreeMap::new(),
        errors,
        files: BTreeMap::new(),
        timings_ms: timings,
    };
    let release = Release {
        dataset_dir: &dataset_dir,
        pipeline,
        datasets,
        giving,
        manifest,
        force: opts.force,
    };
    match publish::publish(release) {
        Ok(p) => outcome.publication = Some(p),
        Err(e) => outcome.fatal = Some(format!("publishing {dataset_id} failed: {e:#}")),
    }
    tracing::debug!(
        ms = publish_started.elapsed().as_millis() as u64,
        "published"
    );
    outcome
}

/// Whether the sources are exactly those (path and content) the latest version was made from.
fn same_inputs(prev: &Manifest, found: &[Discovered], errors: &[DocError]) -> bool {
    let mut now: Vec<(String, Option<String>)> = found
        .iter()
        .map(|d| (d.source.source_path.clone(), Some(d.sha256.clone())))
        .chain(errors.iter().map(|e| (e.source_path.clone(), None)))
        .collect();
    let mut before: Vec<(String, Option<String>)> = prev
        .inputs
        .iter()
        .map(|i| (i.source_path.clone(), i.sha256.clone()))
        .collect();
    now.sort();
    before.sort();
    now == before
}

fn extract_all(
    found: &[Discovered],
    dataset_dir: &std::path::Path,
    opts: &RunOptions,
) -> Vec<Extracted> {
    let cache = Cache::new(dataset_dir);
    let bar = if opts.progress {
        let bar = ProgressBar::new(found.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("{spinner} extracting [{bar:30}] {pos}/{len} {wide_msg}")
                .expect("valid template")
                .progress_chars("=> "),
        );
        Some(bar)
    } else {
        None
    };
    let work = || {
        found
            .par_iter()
            .map(|d| {
                let e = extract_one(d, &cache, opts.force);
                match (&bar, &e.result) {
                    (Some(bar), _) => {
                        bar.set_message(d.source.source_path.clone());
                        bar.inc(1);
                    }
                    (None, Ok((doc, status))) => tracing::info!(
                        file = %d.source.source_path,
                        status = ?status,
                        blocks = doc.blocks.len(),
                        ms = e.millis,
                        "extracted"
                    ),
                    (None, Err(err)) => {
                        tracing::error!(file = %d.source.source_path, error = %err, "failed")
                    }
                }
                e
            })
            .collect::<Vec<_>>()
    };
    let results = in_pool(opts.jobs, work);
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    results
}

/// Runs `work` on a pool of `jobs` threads (one per core by default).
fn in_pool<T: Send>(jobs: Option<usize>, work: impl FnOnce() -> T + Send) -> T {
    match rayon::ThreadPoolBuilder::new()
        .num_threads(jobs.unwrap_or(0))
        .build()
    {
        Ok(pool) => pool.install(work),
        Err(_) => work(),
    }
}

fn extract_one(d: &Discovered, cache: &Cache, force: bool) -> Extracted {
    let started = Instant::now();
    let src = &d.source;
    let cached = if force {
        None
    } else {
        cache.get(&d.sha256, &d.document_id, &src.source_path)
    };
    let result = match cached {
        Some(doc) => Ok((doc, InputStatus::Cached)),
        None => {
            // A bug in an engine must cost one document, not the run.
            let attempt = std::panic::catch_unwind(AssertUnwindSafe(|| {
                crate::extract::extract_file(&src.path, &d.document_id, &src.source_path)
            }));
            match attempt {
                Ok(Ok(doc)) => {
                    cache.put(&d.sha256, &doc);
                    Ok((doc, InputStatus::Extracted))
                }
                Ok(Err(e)) => Err(e.to_string()),
                Err(panic) => Err(format!(
                    "extraction failed unexpectedly: {}",
                    panic_message(&panic)
                )),
            }
        }
    };
    Extracted {
        discovered: d.clone(),
        result,
        millis: started.elapsed().as_millis() as u64,
    }
}

fn panic_message(panic: &Box<dyn std::any::Any + Send>) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "internal error".into())
}

fn giving_export(pipeline: &Pipeline, docs: &[PublishedDoc<'_>]) -> serde_json::Value {
    let mut grants = Vec::new();
    for d in docs {
        let (_, _, period) = publish::document_facts(&d.discovered.source.meta, d.document);
        let ctx = giving360::GrantContext {
            dataset_id: &pipeline.dataset.id,
            publisher: &pipeline.dataset.publisher,
            source_url: d.discovered.source.meta.url.as_deref(),
            fallback_date: period.map(|p| p.0),
        };
        grants.extend(
            d.interpretation
                .grants
                .iter()
                .filter_map(|g| giving360::grant_360(g, &ctx)),
        );
    }
    giving360::package(grants)
}
