//! The command line: parses arguments and calls the library.

use clap::{Parser, Subcommand, ValueEnum};
use reportmine::document::{Format, Table};
use reportmine::extract::pdf::{TableMethod, TableRequest};
use reportmine::pipeline::{run_pipeline, Pipeline, PipelineOutcome, RunOptions};
use reportmine::publish::{self, Publication};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Writes a line to stderr, ignoring failure: a scheduler that closes the
/// pipe early must not turn a finished run into a crash.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

/// Writes to stdout, ignoring failure (`reportmine extract FILE | head` closes the pipe).
macro_rules! out {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout(), $($arg)*);
    }};
}

macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// Stderr for the log, ignoring write errors for the same reason.
struct LogWriter;

impl std::io::Write for LogWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let _ = std::io::stderr().write_all(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let _ = std::io::stderr().flush();
        Ok(())
    }
}

/// Exit codes (see the README): all published; some documents failed; bad usage; nothing published.
const EXIT_OK: u8 = 0;
const EXIT_NOTHING: u8 = 1;
const EXIT_USAGE: u8 = 2;
const EXIT_PARTIAL: u8 = 3;

#[derive(Parser)]
#[command(
    name = "reportmine",
    version,
    about = "Public bodies' PDF and HTML reports into versioned open data"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run pipelines (default: every pipelines/*.toml) and publish their datasets.
    Run {
        pipelines: Vec<PathBuf>,
        #[arg(long, default_value = "output")]
        output: PathBuf,
        /// Extraction threads (default: one per core).
        #[arg(long)]
        jobs: Option<usize>,
        /// Re-extract everything and publish a new version even if nothing changed.
        #[arg(long)]
        force: bool,
        /// Run only shard K of N of the pipelines (K from 1), to spread them over machines.
        #[arg(long, value_parser = parse_shard)]
        shard: Option<(usize, usize)>,
        /// Only warnings and errors.
        #[arg(long)]
        quiet: bool,
        #[arg(long, value_enum, default_value = "text")]
        log_format: LogFormat,
    },
    /// Print a document's model as JSON, its text, or Markdown.
    Extract {
        file: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: ExtractFormat,
    },
    /// Print a document's tables.
    Tables {
        file: PathBuf,
        /// Pages to include, such as 1,3-5 (PDF only).
        #[arg(long)]
        pages: Option<String>,
        /// Only the table in this area of each page: TOP,LEFT,BOTTOM,RIGHT in points
        /// from the page's top-left corner, as tabula's --area (PDF only).
        #[arg(long)]
        area: Option<String>,
        /// Column boundaries X1,X2,... in points from the page's left edge, as
        /// tabula's --columns (PDF only).
        #[arg(long)]
        columns: Option<String>,
        /// How to read the page (PDF only): lattice (ruled tables), stream (unruled
        /// tables line by line: the text in --area or --columns, else the tables
        /// found) or auto (ruled tables, else stream). Auto, or none, without
        /// --area and --columns finds tables as `extract` does.
        #[arg(long, value_enum)]
        method: Option<TablesMethod>,
        #[arg(long, value_enum, default_value = "json")]
        format: TablesFormat,
    },
    /// List the versions of a dataset folder.
    Versions { dataset_dir: PathBuf },
    /// Rows added, removed and changed between two version folders.
    Diff { old: PathBuf, new: PathBuf },
    /// Check a version folder against its manifest.
    Validate { version_dir: PathBuf },
}

#[derive(Clone, Copy, ValueEnum)]
enum LogFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum ExtractFormat {
    Json,
    Text,
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum TablesFormat {
    Json,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum TablesMethod {
    Auto,
    Lattice,
    Stream,
}

fn parse_shard(s: &str) -> Result<(usize, usize), String> {
    let (k, n) = s.split_once('/').ok_or("expected K/N, such as 1/4")?;
    let (k, n): (usize, usize) = (
        k.parse().map_err(|_| "K is not a number")?,
        n.parse().map_err(|_| "N is not a number")?,
    );
    if n == 0 || k == 0 || k > n {
        return Err("need 1 <= K <= N".into());
    }
    Ok((k, n))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Run {
            pipelines,
            output,
            jobs,
            force,
            shard,
            quiet,
            log_format,
        } => {
            init_logging(quiet, log_format);
            let progress = !quiet && std::io::stderr().is_terminal();
            run(
                pipelines,
                RunOptions {
                    output,
                    jobs,
                    force,
                    progress,
                },
                shard,
            )
        }
        Command::Extract { file, format } => {
            init_logging(true, LogFormat::Text);
            extract(&file, format)
        }
        Command::Tables {
            file,
            pages,
            area,
            columns,
            method,
            format,
        } => {
            init_logging(true, LogFormat::Text);
            match table_request(area.as_deref(), columns.as_deref(), method) {
                Ok(request) => tables(&file, pages.as_deref(), request, format),
                Err(code) => code,
            }
        }
        Command::Versions { dataset_dir } => versions(&dataset_dir),
        Command::Diff { old, new } => diff(&old, &new),
        Command::Validate { version_dir } => validate(&version_dir),
    };
    ExitCode::from(code)
}

fn init_logging(quiet: bool, format: LogFormat) {
    let default = if quiet { "warn" } else { "info" };
    let filter = tracing_subscriber::EnvFilter::try_from_env("REPORTMINE_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(|| LogWriter);
    match format {
        LogFormat::Text => builder.with_ansi(std::io::stderr().is_terminal()).init(),
        LogFormat::Json => builder.json().init(),
    }
}

fn default_pipelines() -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir("pipelines")
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    found.sort();
    found
}

fn run(paths: Vec<PathBuf>, opts: RunOptions, shard: Option<(usize, usize)>) -> u8 {
    let mut paths = if paths.is_empty() {
        default_pipelines()
    } else {
        paths
    };
    if paths.is_empty() {
        say!("reportmine: no pipelines given and none in pipelines/*.toml");
        return EXIT_USAGE;
    }
    if let Some((k, n)) = shard {
        let all = paths.len();
        paths = paths
            .into_iter()
            .enumerate()
            .filter(|(i, _)| i % n == k - 1)
            .map(|(_, p)| p)
            .collect();
        if paths.is_empty() {
            say!("reportmine: shard {k}/{n} has none of the {all} pipeline(s); nothing to do");
            return EXIT_OK;
        }
    }
    let mut pipelines = Vec::new();
    for path in &paths {
        match Pipeline::load(path) {
            Ok(p) => pipelines.push(p),
            Err(e) => {
                say!("reportmine: {e}");
                return EXIT_USAGE;
            }
        }
    }
    let outcomes: Vec<PipelineOutcome> = pipelines.iter().map(|p| run_pipeline(p, &opts)).collect();
    for o in &outcomes {
        report(o, &opts.output);
    }
    exit_code(&outcomes)
}

fn report(o: &PipelineOutcome, output: &Path) {
    let dir = output.join(&o.dataset_id);
    for e in &o.errors {
        say!("reportmine: {}: {}", e.source_path, e.error);
    }
    match (&o.publication, &o.fatal) {
        (_, Some(fatal)) => say!("reportmine: {}: nothing published: {fatal}", o.dataset_id),
        (Some(Publication::New(v)), _) => say!(
            "reportmine: {}: published v{v} in {}",
            o.dataset_id,
            dir.display()
        ),
        (Some(Publication::Unchanged(v)), _) if o.inputs_unchanged => {
            say!(
                "reportmine: {}: no input changed since v{v}; nothing new to publish",
                o.dataset_id
            )
        }
        (Some(Publication::Unchanged(v)), _) => {
            say!(
                "reportmine: {}: data unchanged since v{v}; nothing new to publish",
                o.dataset_id
            )
        }
        (None, None) => {}
    }
    if !o.errors.is_empty() {
        say!(
            "reportmine: {}: {} document(s) failed; see manifest.json in {}",
            o.dataset_id,
            o.errors.len(),
            dir.join("latest").display()
        );
    }
}

fn exit_code(outcomes: &[PipelineOutcome]) -> u8 {
    if outcomes.iter().any(|o| o.publication.is_none()) {
        EXIT_NOTHING
    } else if outcomes.iter().any(|o| !o.errors.is_empty()) {
        EXIT_PARTIAL
    } else {
        EXIT_OK
    }
}

fn load_document(file: &Path) -> Result<reportmine::document::Document, u8> {
    load_document_pages(file, None)
}

/// A document, or of a PDF only the selected pages (a table running past them
/// is read as far as they go); other formats, which have no pages, whole.
fn load_document_pages(
    file: &Path,
    pages: Option<&dyn Fn(u32) -> bool>,
) -> Result<reportmine::document::Document, u8> {
    let bytes = std::fs::read(file).map_err(|e| {
        say!("reportmine: {}: cannot read file: {e}", file.display());
        EXIT_NOTHING
    })?;
    let id = reportmine::pipeline::discover::sha256_hex(&bytes)[..16].to_string();
    let path = file.to_string_lossy();
    let extracted = match pages {
        Some(selected) if reportmine::extract::sniff(&bytes) == Some(Format::Pdf) => {
            reportmine::extract::pdf::extract_pages(&bytes, &id, &path, selected)
        }
        _ => {
            let declared = reportmine::extract::declared_format(file);
            reportmine::extract::extract_bytes(&bytes, declared, &id, &path)
        }
    };
    extracted.map_err(|e| {
        say!("reportmine: {}: {e}", file.display());
        EXIT_NOTHING
    })
}

fn extract(file: &Path, format: ExtractFormat) -> u8 {
    let doc = match load_document(file) {
        Ok(d) => d,
        Err(code) => return code,
    };
    let out = match format {
        ExtractFormat::Json => serde_json::to_string_pretty(&doc).expect("model serialises") + "\n",
        ExtractFormat::Text => doc.to_text(),
        ExtractFormat::Markdown => doc.to_markdown(),
    };
    out!("{out}");
    EXIT_OK
}

/// Pages from a spec such as "1,3-5".
/// "TOP,LEFT,BOTTOM,RIGHT" in points, top above bottom and left of right.
fn parse_area(spec: &str) -> Option<[f64; 4]> {
    let v: Vec<f64> = spec
        .split(',')
        .map(|x| x.trim().parse().ok())
        .collect::<Option<_>>()?;
    let [top, left, bottom, right] = <[f64; 4]>::try_from(v).ok()?;
    (top < bottom && left < right).then_some([top, left, bottom, right])
}

/// "X1,X2,..." in points.
fn parse_columns(spec: &str) -> Option<Vec<f64>> {
    spec.split(',')
        .map(|x| x.trim().parse().ok().filter(|v: &f64| v.is_finite()))
        .collect()
}

/// An optional option's value parsed, or a usage error saying what was expected.
fn parse_option<T>(
    name: &str,
    expected: &str,
    spec: Option<&str>,
    parse: impl Fn(&str) -> Option<T>,
) -> Result<Option<T>, u8> {
    let Some(spec) = spec else {
        return Ok(None);
    };
    match parse(spec) {
        Some(v) => Ok(Some(v)),
        None => {
            say!("reportmine: {name} {spec:?}: expected {expected} in points");
            Err(EXIT_USAGE)
        }
    }
}

/// The page-level request the options make, or None when they ask nothing
/// of the page (tables are then found as `extract` finds them).
fn table_request(
    area: Option<&str>,
    columns: Option<&str>,
    method: Option<TablesMethod>,
) -> Result<Option<TableRequest>, u8> {
    // (auto with nothing to say where a table is: as `extract` finds them)
    let auto = matches!(method, None | Some(TablesMethod::Auto));
    if area.is_none() && columns.is_none() && auto {
        return Ok(None);
    }
    let area = parse_option("--area", "TOP,LEFT,BOTTOM,RIGHT", area, parse_area)?;
    let columns = parse_option("--columns", "X1,X2,...", columns, parse_columns)?;
    let method = match method {
        None | Some(TablesMethod::Auto) => TableMethod::Auto,
        Some(TablesMethod::Lattice) => TableMethod::Lattice,
        Some(TablesMethod::Stream) => TableMethod::Stream,
    };
    Ok(Some(TableRequest {
        area,
        columns,
        method,
    }))
}

/// The tables of a PDF's selected pages, read as the request says.
fn requested_tables(
    file: &Path,
    in_pages: &dyn Fn(u32) -> bool,
    request: &TableRequest,
) -> Result<Vec<Table>, u8> {
    let bytes = std::fs::read(file).map_err(|e| {
        say!("reportmine: {}: cannot read file: {e}", file.display());
        EXIT_NOTHING
    })?;
    if reportmine::extract::sniff(&bytes) != Some(Format::Pdf) {
        say!(
            "reportmine: {}: --area, --columns and --method apply to PDF files only",
            file.display()
        );
        return Err(EXIT_USAGE);
    }
    reportmine::extract::pdf::requested_tables(&bytes, in_pages, request)
        .map(|found| found.into_iter().map(|(_, t)| t).collect())
        .map_err(|e| {
            say!("reportmine: {}: {e}", file.display());
            EXIT_NOTHING
        })
}

fn parse_pages(spec: &str) -> Option<Vec<(u32, u32)>> {
    spec.split(',')
        .map(|part| {
            let part = part.trim();
            match part.split_once('-') {
                Some((a, b)) => Some((a.trim().parse().ok()?, b.trim().parse().ok()?)),
                None => part.parse().ok().map(|p| (p, p)),
            }
        })
        .collect()
}

fn tables(
    file: &Path,
    pages: Option<&str>,
    request: Option<TableRequest>,
    format: TablesFormat,
) -> u8 {
    let ranges = match pages.map(parse_pages) {
        Some(None) => {
            say!(
                "reportmine: --pages {:?}: expected a list such as 1,3-5",
                pages.unwrap_or("")
            );
            return EXIT_USAGE;
        }
        Some(Some(r)) => Some(r),
        None => None,
    };
    let in_pages = |p: u32| {
        ranges
            .as_ref()
            .is_none_or(|r| r.iter().any(|(a, z)| (*a..=*z).contains(&p)))
    };
    let selected: Vec<Table> = match request {
        Some(request) => match requested_tables(file, &in_pages, &request) {
            Ok(t) => t,
            Err(code) => return code,
        },
        None => {
            let selection = ranges
                .is_some()
                .then_some(&in_pages as &dyn Fn(u32) -> bool);
            let doc = match load_document_pages(file, selection) {
                Ok(d) => d,
                Err(code) => return code,
            };
            doc.blocks
                .iter()
                .filter_map(|b| {
                    let t = b.table.as_ref()?;
                    let page = t.page.or(b.page);
                    let keep = match page {
                        Some(p) => in_pages(p),
                        None => ranges.is_none() || doc.format == Format::Html,
                    };
                    keep.then(|| Table {
                        page,
                        bbox: t.bbox.or(b.bbox),
                        ..t.clone()
                    })
                })
                .collect()
        }
    };
    match format {
        TablesFormat::Json => {
            let out: Vec<_> = selected
                .iter()
                .map(|t| {
                    serde_json::json!({
                        "page": t.page,
                        "bbox": t.bbox,
                        "header_rows": t.header_rows,
                        "rows": t.rows.iter().map(|r| r.iter().map(|c| c.text.clone()).collect::<Vec<_>>()).collect::<Vec<_>>(),
                    })
                })
                .collect();
            outln!(
                "{}",
                serde_json::to_string_pretty(&out).expect("tables serialise")
            );
        }
        TablesFormat::Csv => {
            for (i, t) in selected.iter().enumerate() {
                if i > 0 {
                    outln!();
                }
                let mut w = csv::WriterBuilder::new()
                    .flexible(true)
                    .from_writer(std::io::stdout());
                for r in &t.rows {
                    let _ = w.write_record(r.iter().map(|c| c.text.as_str()));
                }
                let _ = w.flush();
            }
        }
    }
    EXIT_OK
}

fn versions(dataset_dir: &Path) -> u8 {
    match std::fs::read_to_string(dataset_dir.join("versions.json")) {
        Ok(text) => {
            out!("{text}");
            EXIT_OK
        }
        Err(e) => {
            say!(
                "reportmine: {}: no versions.json: {e}",
                dataset_dir.display()
            );
            EXIT_NOTHING
        }
    }
}

fn diff(old: &Path, new: &Path) -> u8 {
    let mut out = serde_json::Map::new();
    for spec in publish::dataset::ALL {
        let changes = publish::versions::diff_rows(
            spec.name,
            spec.primary_key,
            publish::versions::read_rows(new, spec.name),
            publish::versions::read_rows(old, spec.name),
        );
        out.insert(
            spec.name.to_string(),
            serde_json::to_value(changes).expect("changes serialise"),
        );
    }
    outln!("{}", serde_json::to_string_pretty(&out).expect("json"));
    EXIT_OK
}

fn validate(dir: &Path) -> u8 {
    let problems = publish::validate::validate_version(dir);
    for p in &problems {
        say!("reportmine: {}: {p}", dir.display());
    }
    if problems.is_empty() {
        say!("reportmine: {}: valid", dir.display());
        EXIT_OK
    } else {
        EXIT_NOTHING
    }
}
