//! The run end to end, through the binary, as cron would call it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_reportmine");

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A project folder with a pipeline over copies of the given files.
struct Project {
    dir: tempfile::TempDir,
}

impl Project {
    fn new(files: &[&str]) -> Project {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("raw")).unwrap();
        std::fs::create_dir_all(dir.path().join("pipelines")).unwrap();
        for f in files {
            let src = repo().join(f);
            std::fs::copy(&src, dir.path().join("raw").join(src.file_name().unwrap())).unwrap();
        }
        std::fs::write(
            dir.path().join("pipelines/test.toml"),
            r#"
[dataset]
id = "test-pcc"
title = "Test"
publisher = "Test Police and Crime Commissioner"
[dataset.licence]
id = "OGL-UK-3.0"
title = "Open Government Licence v3.0"
url = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
[[source]]
path = "raw/*"
"#,
        )
        .unwrap();
        Project { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(BIN)
            .arg("run")
            .args(args)
            .current_dir(self.path())
            .output()
            .unwrap()
    }

    fn dataset(&self) -> PathBuf {
        self.path().join("output/test-pcc")
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

const HTML: &str = "raw/cambridgeshire-pcc/annual-report-2023-24.html";
const PDF: &str = "raw/cambridgeshire-pcc/annual-report-2013-14.pdf";

const DATA_FILES: &[&str] = &[
    "documents.parquet",
    "blocks.parquet",
    "tables.parquet",
    "themes.parquet",
    "metrics.parquet",
    "grants.parquet",
    "json/documents.json",
    "json/blocks.json",
    "json/tables.json",
    "json/themes.json",
    "json/metrics.json",
    "json/grants.json",
    "csv/documents.csv",
    "csv/blocks.csv",
    "csv/tables.csv",
    "csv/themes.csv",
    "csv/metrics.csv",
    "csv/grants.csv",
    "grants.360giving.json",
];

#[test]
fn first_run_publishes_every_file_of_the_layout() {
    let p = Project::new(&[HTML, PDF]);
    let out = p.run(&["--quiet"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v = p.dataset().join("v1.1.0");
    for f in DATA_FILES
        .iter()
        .chain(&["datapackage.json", "manifest.json", "CHANGES.json"])
    {
        assert!(v.join(f).is_file(), "missing {f}");
    }
    assert!(p.dataset().join("versions.json").is_file());
    assert_eq!(
        std::fs::read_link(p.dataset().join("latest")).unwrap(),
        PathBuf::from("v1.1.0")
    );
    let docs: serde_json::Value =
        serde_json::from_slice(&std::fs::read(v.join("json/documents.json")).unwrap()).unwrap();
    assert_eq!(docs.as_array().unwrap().len(), 2);
    let validate = Command::new(BIN).arg("validate").arg(&v).output().unwrap();
    assert_eq!(validate.status.code(), Some(0), "{}", stderr(&validate));
}

#[test]
fn rerun_without_change_publishes_nothing_and_force_is_byte_identical() {
    let p = Project::new(&[HTML, PDF]);
    assert_eq!(p.run(&["--quiet"]).status.code(), Some(0));
    let again = p.run(&["--quiet"]);
    assert_eq!(again.status.code(), Some(0));
    assert!(
        stderr(&again).contains("no input changed since v1.1.0"),
        "{}",
        stderr(&again)
    );
    assert!(!p.dataset().join("v1.2.0").exists());

    let forced = p.run(&["--quiet", "--force"]);
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    let (a, b) = (p.dataset().join("v1.1.0"), p.dataset().join("v1.2.0"));
    for f in DATA_FILES {
        assert_eq!(
            std::fs::read(a.join(f)).unwrap(),
            std::fs::read(b.join(f)).unwrap(),
            "{f} differs"
        );
    }
    assert_eq!(
        std::fs::read_link(p.dataset().join("latest")).unwrap(),
        PathBuf::from("v1.2.0")
    );
}

#[test]
fn changed_input_gives_a_new_version_whose_changes_name_it() {
    let p = Project::new(&[HTML, PDF]);
    assert_eq!(p.run(&["--quiet"]).status.code(), Some(0));
    let html = p.path().join("raw/annual-report-2023-24.html");
    let text = std::fs::read_to_string(&html).unwrap();
    let edited = text.replacen(
        "</article>",
        "<p>A late correction to the report.</p></article>",
        1,
    );
    assert_ne!(text, edited);
    std::fs::write(&html, edited).unwrap();

    let out = p.run(&["--quiet"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let v2 = p.dataset().join("v1.2.0");
    let changes: serde_json::Value =
        serde_json::from_slice(&std::fs::read(v2.join("CHANGES.json")).unwrap()).unwrap();
    assert_eq!(changes["previous_version"], "1.1.0");
    // The new file is a new document (its id is its hash): one added, one removed.
    let docs = &changes["datasets"]["documents"];
    assert_eq!(
        (docs["added"].as_u64(), docs["removed"].as_u64()),
        (Some(1), Some(1)),
        "{docs}"
    );
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(v2.join("manifest.json")).unwrap()).unwrap();
    let new_id = manifest["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["source_path"] == "raw/annual-report-2023-24.html")
        .unwrap()["document_id"]
        .clone();
    assert_eq!(docs["added_keys"][0], new_id);
    assert!(changes["datasets"]["blocks"]["documents"]
        .as_array()
        .unwrap()
        .contains(&new_id));
    // The unchanged PDF came from the cache.
    let statuses: Vec<_> = manifest["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["status"].clone())
        .collect();
    assert!(
        statuses.contains(&serde_json::json!("cached")),
        "{statuses:?}"
    );
    let versions: serde_json::Value =
        serde_json::from_slice(&std::fs::read(p.dataset().join("versions.json")).unwrap()).unwrap();
    assert_eq!(versions.as_array().unwrap().len(), 2);
}

#[test]
fn malformed_inputs_fail_alone_with_named_causes() {
    let mut files: Vec<String> = std::fs::read_dir(repo().join("tests/fixtures/malformed"))
        .unwrap()
        .map(|e| {
            format!(
                "tests/fixtures/malformed/{}",
                e.unwrap().file_name().to_string_lossy()
            )
        })
        .collect();
    files.sort();
    files.push(HTML.to_string());
    let refs: Vec<&str> = files.iter().map(String::as_str).collect();
    let p = Project::new(&refs);
    let out = p.run(&["--quiet"]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let expected = [
        ("raw/empty-zero-bytes.pdf", "empty file"),
        ("raw/not-a-pdf-html-error-page.pdf", "not a PDF"),
        ("raw/annual-report-2020-21.truncated-60pct.pdf", "truncated"),
        (
            "raw/encrypt-dictionary-in-trailer.pdf",
            "encryption dictionary written in the trailer",
        ),
    ];
    for (file, cause) in expected {
        let line = err
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("{file} not named: {err}"));
        assert!(line.contains(cause), "{line}");
    }
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(p.dataset().join("latest/manifest.json")).unwrap())
            .unwrap();
    let failed: Vec<&str> = manifest["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["source_path"].as_str().unwrap())
        .collect();
    assert_eq!(failed.len(), 4, "{failed:?}");
    // The repairable and the merely ugly files publish.
    let docs: serde_json::Value = serde_json::from_slice(
        &std::fs::read(p.dataset().join("latest/json/documents.json")).unwrap(),
    )
    .unwrap();
    let published: Vec<&str> = docs
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["source_path"].as_str().unwrap())
        .collect();
    for f in [
        "raw/annual-report-2013-14.bad-startxref.pdf",
        "raw/annual-report-2023-24-extract.windows-1252-no-charset.html",
        "raw/deeply-nested-unclosed-tags.html",
    ] {
        assert!(published.contains(&f), "{f} not published: {published:?}");
    }
    // An unchanged re-run still says what is failing.
    let again = p.run(&["--quiet"]);
    assert_eq!(again.status.code(), Some(3));
    assert!(stderr(&again).contains("empty file"));
}

#[test]
fn a_second_run_on_the_same_output_is_refused() {
    use fs2::FileExt;
    let p = Project::new(&[HTML]);
    std::fs::create_dir_all(p.dataset()).unwrap();
    let held = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(p.dataset().join(".lock"))
        .unwrap();
    held.lock_exclusive().unwrap();
    let out = p.run(&["--quiet"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("another reportmine run"),
        "{}",
        stderr(&out)
    );
    assert!(!p.dataset().join("v1.1.0").exists());
    FileExt::unlock(&held).unwrap();
    assert_eq!(p.run(&["--quiet"]).status.code(), Some(0));
}

#[test]
fn bad_configuration_is_exit_2() {
    let p = Project::new(&[HTML]);
    std::fs::write(
        p.path().join("pipelines/test.toml"),
        "[dataset]\nid = \"Bad Id\"\n",
    )
    .unwrap();
    let out = p.run(&[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("pipelines/test.toml"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn extract_prints_the_model_text_and_markdown() {
    let file = repo().join(HTML);
    let json = Command::new(BIN)
        .args(["extract", "--format", "json"])
        .arg(&file)
        .output()
        .unwrap();
    assert_eq!(json.status.code(), Some(0));
    let doc: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    for key in [
        "document_id",
        "source_path",
        "format",
        "title",
        "page_count",
        "published",
        "blocks",
    ] {
        assert!(doc.get(key).is_some(), "no {key}");
    }
    let block = &doc["blocks"][0];
    for key in [
        "index", "kind", "text", "page", "bbox", "level", "depth", "section", "table",
    ] {
        assert!(block.get(key).is_some(), "block has no {key}");
    }
    let md = Command::new(BIN)
        .args(["extract", "--format", "markdown"])
        .arg(&file)
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(
        md.contains("\n# Annual report 2023-2024\n"),
        "{}",
        &md[..200]
    );
    assert!(md.contains("| --- |"));
    let text = Command::new(BIN)
        .args(["extract", "--format", "text"])
        .arg(repo().join(PDF))
        .output()
        .unwrap();
    assert!(String::from_utf8(text.stdout)
        .unwrap()
        .contains("Crime and Disorder Reduction Grants"));
}

#[test]
fn a_closed_stderr_does_not_stop_the_run() {
    // A scheduler that stops reading the log must not turn the run into a crash.
    let p = Project::new(&[HTML, PDF]);
    let mut child = Command::new(BIN)
        .arg("run")
        .current_dir(p.path())
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    drop(child.stderr.take());
    let status = child.wait().unwrap();
    assert_eq!(status.code(), Some(0));
    assert!(p.dataset().join("v1.1.0/manifest.json").is_file());
}

#[test]
fn an_empty_shard_says_so() {
    let p = Project::new(&[HTML]);
    let out = p.run(&["--shard", "2/2"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        stderr(&out).contains("shard 2/2 has none"),
        "{}",
        stderr(&out)
    );
    assert!(!p.dataset().exists());
}

#[test]
fn tables_take_an_area_on_pdfs_only() {
    let pdf = repo().join("raw/cambridgeshire-pcc/annual-report-2020-21.pdf");
    let run = |file: &Path, area: &str| {
        Command::new(BIN)
            .args([
                "tables", "--pages", "17", "--area", area, "--format", "json",
            ])
            .arg(file)
            .output()
            .unwrap()
    };
    let ok = run(&pdf, "455,60,625,535");
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    let tables: serde_json::Value = serde_json::from_slice(&ok.stdout).unwrap();
    assert_eq!(tables.as_array().map(Vec::len), Some(1));
    assert_eq!(tables[0]["rows"][1][0], "All crime");
    let bad = run(&pdf, "455,60");
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("TOP,LEFT,BOTTOM,RIGHT"));
    let html = run(&repo().join(HTML), "1,1,100,100");
    assert_eq!(html.status.code(), Some(2));
    assert!(stderr(&html).contains("PDF files only"));
}

#[test]
fn tables_take_columns_and_a_method() {
    let pdf = repo().join("raw/cambridgeshire-pcc/annual-report-2020-21.pdf");
    let run = |extra: &[&str]| {
        Command::new(BIN)
            .args(["tables", "--pages", "17", "--format", "json"])
            .args(extra)
            .arg(&pdf)
            .output()
            .unwrap()
    };
    // one boundary right of the offence names: two columns, the names and the rest
    let split = run(&[
        "--area",
        "455,60,625,535",
        "--method",
        "stream",
        "--columns",
        "250",
    ]);
    assert_eq!(split.status.code(), Some(0), "{}", stderr(&split));
    let tables: serde_json::Value = serde_json::from_slice(&split.stdout).unwrap();
    let all_crime = &tables[0]["rows"][1];
    assert_eq!(all_crime.as_array().map(Vec::len), Some(2), "{all_crime}");
    assert_eq!(all_crime[0], "All crime");
    assert_eq!(all_crime[1], "-11.8% 67,882 59,883");
    let bad = run(&["--columns", "250,x"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(stderr(&bad).contains("X1,X2"), "{}", stderr(&bad));
}

#[test]
fn tables_method_auto_alone_finds_tables_as_extract_does() {
    // a page of two unruled tables among headings and paragraphs
    let pdf = repo().join("tests/fixtures/pdf/borderless-tables.pdf");
    let tables = |extra: &[&str]| -> serde_json::Value {
        let out = Command::new(BIN)
            .args(["tables", "--format", "json"])
            .args(extra)
            .arg(&pdf)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let found = tables(&[]);
    assert_eq!(found.as_array().map(Vec::len), Some(2), "{found}");
    assert_eq!(tables(&["--method", "auto"]), found);
}

#[test]
fn tables_of_selected_pages_run_only_as_far_as_the_selection() {
    // the crime and disorder grants table runs over pages 13 to 15
    let pdf = repo().join("raw/cambridgeshire-pcc/annual-report-2013-14.pdf");
    let first_column = |pages: &str| -> Vec<String> {
        let out = Command::new(BIN)
            .args(["tables", "--pages", pages, "--format", "json"])
            .arg(&pdf)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let tables: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(tables.as_array().map(Vec::len), Some(1), "{tables}");
        assert_eq!(tables[0]["page"], 13);
        tables[0]["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r[0].as_str().unwrap().replace('\n', " "))
            .collect()
    };
    let page_13 = first_column("13");
    let all = first_column("13-15");
    assert_eq!(all.len(), 15);
    assert_eq!(all[14], "Neighbourhood Watch");
    assert!(page_13.len() < all.len(), "{page_13:?}");
    assert_eq!(page_13[..], all[..page_13.len()]);
}
