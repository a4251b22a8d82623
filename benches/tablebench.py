#!/usr/bin/env python3
"""Table extraction on the shared tablebench (real PDFs and expected tables from a peer
project's test suite), reportmine side by side with the established tools, in one run.

    cargo build --release
    python3 benches/tablebench.py [--shared ../shared] [--bin target/release/reportmine] [--peers]

reportmine runs through tablebench's run_cli.py (`reportmine tables {pdf} --pages {page}
--format json`, no area: the scorer ignores tables outside a case's area), and again as
"reportmine-given", given what the peers are given: each case's area (`--area`), column
positions (`--columns`) and method hint (`--method`), for a like-for-like comparison. With --peers the
script installs tabula-py, camelot-py, pdfplumber and PyMuPDF from PyPI and runs each on the
same cases, given the case's area and method hint as tablebench's baselines do, and again
with no options ("-plain", as reportmine runs through run_cli.py); then score.py scores every
tool together.
"""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

PEERS = ["tabula-py", "camelot-py", "pdfplumber", "pymupdf"]


def clean(rows):
    return [["" if c is None else str(c) for c in r] for r in rows]


def run_pdfplumber(case, pdf):
    import pdfplumber
    with pdfplumber.open(pdf) as doc:
        page = doc.pages[case["page"] - 1]
        if case.get("area"):
            top, left, bottom, right = case["area"]
            page = page.crop((left, top, right, bottom))
        return [{"rows": clean(t)} for t in page.extract_tables()]


def run_pymupdf(case, pdf):
    import pymupdf
    page = pymupdf.open(pdf)[case["page"] - 1]
    clip = None
    if case.get("area"):
        top, left, bottom, right = case["area"]
        clip = pymupdf.Rect(left, top, right, bottom)
    return [{"rows": clean(t.extract())} for t in page.find_tables(clip=clip).tables]


def run_camelot(case, pdf):
    import camelot
    import pdfplumber
    flavor = case.get("method_hint", "lattice")
    kwargs = {}
    if case.get("area"):
        with pdfplumber.open(pdf) as doc:
            height = doc.pages[case["page"] - 1].height
        top, left, bottom, right = case["area"]
        key = "table_areas" if flavor == "stream" else "table_regions"
        kwargs[key] = [f"{left},{height - top},{right},{height - bottom}"]
    if case.get("columns") and flavor == "stream":
        kwargs["columns"] = [",".join(str(c) for c in case["columns"])]
    tables = camelot.read_pdf(pdf, pages=str(case["page"]), flavor=flavor, **kwargs)
    return [{"rows": clean(t.df.values.tolist())} for t in tables]


def run_tabula(case, pdf):
    import tabula
    kwargs = {"pages": case["page"], "multiple_tables": True, "pandas_options": {"header": None}}
    if "method_hint" in case:  # (without one, tabula guesses)
        kwargs["lattice" if case["method_hint"] == "lattice" else "stream"] = True
    if case.get("area"):
        kwargs["area"] = case["area"]
    if case.get("columns"):
        kwargs["columns"] = case["columns"]
    frames = tabula.read_pdf(pdf, **kwargs)
    return [{"rows": clean(f.fillna("").astype(str).values.tolist())} for f in frames]


RUNNERS = {"tabula": run_tabula, "camelot": run_camelot, "pdfplumber": run_pdfplumber, "pymupdf": run_pymupdf}


def plain(case):
    """The case as a tool run with no options sees it: no area, columns or method hint."""
    return {k: v for k, v in case.items() if k not in ("area", "columns", "method_hint")}


def run_with_options(binary, cases, cases_path, out):
    """reportmine given what the peers are given: each case's area, columns and method hint."""
    preds = {}
    for case in cases:
        cmd = [str(Path(binary).resolve()), "tables", str(cases_path.parent / case["pdf"]),
               "--pages", str(case["page"]), "--format", "json", "--method", case.get("method_hint", "auto")]
        if case.get("area"):
            cmd += ["--area", ",".join(str(v) for v in case["area"])]
        if case.get("columns"):
            cmd += ["--columns", ",".join(str(v) for v in case["columns"])]
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        tables = json.loads(run.stdout or "[]")
        # bbox: [x0, top, x1, bottom] as reportmine writes it, to [top, left, bottom, right]
        preds[case["id"]] = [{"rows": t["rows"], **({"bbox": [t["bbox"][1], t["bbox"][0], t["bbox"][3], t["bbox"][2]]}
                                                   if t.get("bbox") else {})} for t in tables]
    path = out / "reportmine-given.json"
    path.write_text(json.dumps(preds))
    return path


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--bin", default="target/release/reportmine")
    ap.add_argument("--peers", action="store_true")
    ap.add_argument("--cases", help="a cases.json in tablebench's format (default: tablebench's dev set)")
    args = ap.parse_args()
    bench = Path(args.shared) / "tablebench"
    cases_path = Path(args.cases) if args.cases else bench / "dev" / "cases.json"
    cases = json.loads(cases_path.read_text())
    out = Path(tempfile.mkdtemp(prefix="tablebench-"))
    ours = out / "reportmine.json"
    subprocess.run([sys.executable, str(bench / "run_cli.py"), "--cases", str(cases_path), "--out", str(ours),
                    "--cmd", f"{Path(args.bin).resolve()} tables {{pdf}} --pages {{page}} --format json"], check=True)
    predictions = [f"reportmine={ours}", f"reportmine-given={run_with_options(args.bin, cases, cases_path, out)}"]
    if args.peers:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", *PEERS], check=True)
        # each peer given the case's options, as tablebench's baselines run them, and
        # as "-plain" with none, as reportmine runs through run_cli.py
        for (name, runner), options in [(r, o) for o in (True, False) for r in RUNNERS.items()]:
            label = name if options else f"{name}-plain"
            preds = {}
            for case in cases:
                try:
                    seen = case if options else plain(case)
                    preds[case["id"]] = runner(seen, str(cases_path.parent / case["pdf"]))
                except Exception as e:  # a peer failing on a case scores as not found
                    print(f"{label} {case['id']}: {type(e).__name__}: {e}"[:200], file=sys.stderr)
                    preds[case["id"]] = []
            path = out / f"{label}.json"
            path.write_text(json.dumps(preds))
            predictions.append(f"{label}={path}")
    cmd = [sys.executable, str(bench / "score.py"), "--cases", str(cases_path), "--summary-only"]
    for p in predictions:
        cmd += ["--predictions", p]
    subprocess.run(cmd, check=True)


if __name__ == "__main__":
    main()
