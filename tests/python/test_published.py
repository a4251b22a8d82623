"""What a user does with a published version: load the Parquet in pyarrow and
DuckDB, the CSV in pandas, validate the data package with frictionless and the
360Giving export against the standard's schema."""
import json
import subprocess
from pathlib import Path

import duckdb
import jsonschema
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

STANDARDS = Path(__file__).resolve().parents[1] / "fixtures" / "standards" / "360giving"

# Column names and Arrow types of schema version 1 (DESIGN.md).
STR, I32, I64, F64, BOOL, DATE = pa.string(), pa.int32(), pa.int64(), pa.float64(), pa.bool_(), pa.date32()
EXPECTED = {
    "documents": [("document_id", STR), ("source_path", STR), ("source_url", STR), ("sha256", STR),
                  ("format", STR), ("title", STR), ("publisher", STR), ("document_type", STR),
                  ("period_start", DATE), ("period_end", DATE), ("published", DATE), ("page_count", I32), ("char_count", I64)],
    "blocks": [("document_id", STR), ("block_index", I32), ("kind", STR), ("section", STR), ("page", I32),
               ("text", STR)],
    "tables": [("table_id", STR), ("document_id", STR), ("page", I32), ("row", I32), ("col", I32),
               ("text", STR), ("is_header", BOOL)],
    "themes": [("theme_id", STR), ("plan", STR), ("position", I32), ("name", STR), ("statement", STR),
               ("document_id", STR)],
    "metrics": [("metric_id", STR), ("document_id", STR), ("theme_id", STR), ("section", STR),
                ("subject", STR), ("kind", STR), ("value", F64), ("unit", STR), ("period", STR),
                ("baseline", STR), ("quote", STR), ("page", I32), ("table_id", STR)],
    "grants": [("grant_id", STR), ("document_id", STR), ("theme_id", STR), ("flow", STR), ("funder", STR),
               ("recipient", STR), ("programme", STR), ("purpose", STR), ("amount_gbp", pa.decimal128(18, 2)),
               ("currency", STR), ("amount_text", STR), ("financial_year", STR), ("section", STR),
               ("quote", STR), ("page", I32)],
}
DUCKDB_TYPES = {STR: "VARCHAR", I32: "INTEGER", I64: "BIGINT", F64: "DOUBLE", BOOL: "BOOLEAN", DATE: "DATE"}


def manifest(version_dir):
    return json.loads((version_dir / "manifest.json").read_text())


@pytest.mark.parametrize("name", list(EXPECTED))
def test_parquet_in_pyarrow(version_dir, name):
    table = pq.read_table(version_dir / f"{name}.parquet")
    assert [(f.name, f.type) for f in table.schema] == EXPECTED[name]
    assert table.num_rows == manifest(version_dir)["row_counts"][name]


@pytest.mark.parametrize("name", list(EXPECTED))
def test_parquet_in_duckdb(version_dir, name):
    con = duckdb.connect()
    path = str(version_dir / f"{name}.parquet")
    described = con.execute(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall()
    want = [(col, DUCKDB_TYPES.get(ty, "DECIMAL(18,2)")) for col, ty in EXPECTED[name]]
    assert [(row[0], row[1]) for row in described] == want
    count = con.execute(f"SELECT count(*) FROM read_parquet('{path}')").fetchone()[0]
    assert count == manifest(version_dir)["row_counts"][name]


def test_documents_are_typed_and_traceable(version_dir):
    con = duckdb.connect()
    docs = con.execute(
        f"SELECT document_id, sha256, period_start, page_count, format FROM "
        f"read_parquet('{version_dir / 'documents.parquet'}') ORDER BY source_path"
    ).fetchall()
    assert len(docs) == 6
    for document_id, sha256, period_start, page_count, fmt in docs:
        assert sha256.startswith(document_id) and len(document_id) == 16
        assert period_start is not None
        assert (page_count is None) == (fmt == "html")
    orphans = con.execute(
        f"SELECT count(*) FROM read_parquet('{version_dir / 'blocks.parquet'}') b ANTI JOIN "
        f"read_parquet('{version_dir / 'documents.parquet'}') d USING (document_id)"
    ).fetchone()[0]
    assert orphans == 0


@pytest.mark.parametrize("name", list(EXPECTED))
def test_csv_in_pandas(version_dir, name):
    frame = pd.read_csv(version_dir / "csv" / f"{name}.csv", keep_default_na=False)
    assert list(frame.columns) == [c for c, _ in EXPECTED[name]]
    assert len(frame) == manifest(version_dir)["row_counts"][name]


def test_json_matches_parquet(version_dir):
    for name in EXPECTED:
        rows = json.loads((version_dir / "json" / f"{name}.json").read_text())
        assert len(rows) == pq.read_metadata(version_dir / f"{name}.parquet").num_rows


def test_frictionless_validate(version_dir):
    """As a portal would: the frictionless command line on datapackage.json."""
    run = subprocess.run(
        ["frictionless", "validate", "--json", "datapackage.json"],
        cwd=version_dir,
        capture_output=True,
        text=True,
    )
    report = json.loads(run.stdout)
    errors = [e["message"] for task in report["tasks"] for e in task["errors"]] + [
        e["message"] for e in report.get("errors", [])
    ]
    assert report["valid"] and run.returncode == 0, errors[:5]
    assert {t["name"] for t in report["tasks"]} >= set(EXPECTED)


def test_360giving_export_follows_the_schema(version_dir):
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT202012

    package_schema = json.loads((STANDARDS / "360-giving-package-schema.json").read_text())
    grant_schema = json.loads((STANDARDS / "360-giving-schema.json").read_text())
    grant_ref = package_schema["properties"]["grants"]["items"]["$ref"]
    # The standard's files name the 2020-12 dialect with http://, which referencing does not sniff.
    registry = Registry().with_resource(grant_ref, Resource(contents=grant_schema, specification=DRAFT202012))
    data = json.loads((version_dir / "grants.360giving.json").read_text())
    assert set(data) == {"grants"}
    if not data["grants"]:
        # The standard requires at least one grant in a package; an export with none is the
        # empty wrapper, checked above.
        pytest.skip("no awarded grants in this version to check against the 360Giving schema")
    # The standard tells dates from date-times by format (oneOf), so formats must be checked:
    # without a format checker '2023-04-01' matches both branches.
    validator = jsonschema.Draft202012Validator(
        package_schema,
        registry=registry,
        format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER,
    )
    errors = [e.message for e in validator.iter_errors(data)]
    assert not errors, errors[:5]
