#!/usr/bin/env python3
"""Reads every PDF under the given folders with `reportmine extract`, as a run
would meet files it has never seen, and says how it went beside Poppler's
pdftotext (Debian: poppler-utils) on the same files:

    cargo build --release
    python3 benches/pdf_sweep.py FOLDER_OR_PDF... [--bin target/release/reportmine] [--jobs 2]
        [--out sweep.json]

For each file: the exit code and the first line of the error (a file that is
no PDF, has no text layer, or cannot be parsed says so), the time taken, how
many tables were found, and, where both read text, the share of pdftotext's
characters (whitespace aside, counted as a multiset) that reportmine's text
has too. Running headers and page numbers reportmine drops as furniture count
against it, ligatures it spells out ("fi" for "ﬁ") too, so the share is a
floor; a font read wrongly shows as a file far below the rest. It prints the
failures by cause, the slowest files, the mean share and the files lowest in
it, and the tables found.
"""
import argparse
import collections
import json
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path


def pdfs(paths):
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.suffix.lower() == ".pdf" and f.is_file())
        elif p.is_file():
            yield p


def characters(text):
    return collections.Counter(c for c in text if not c.isspace())


def read(binary, pdf):
    start = time.monotonic()
    try:
        run = subprocess.run([binary, "extract", str(pdf), "--format", "json"],
                             capture_output=True, timeout=120)
        code, out, err = run.returncode, run.stdout, run.stderr.decode("utf8", "replace")
    except subprocess.TimeoutExpired:
        code, out, err = "timeout", b"", "timed out after 120 s"
    seconds = time.monotonic() - start
    row = {"file": str(pdf), "exit": code, "seconds": round(seconds, 3),
           "error": err.strip().splitlines()[0] if code != 0 and err.strip() else None}
    if code != 0:
        return row
    blocks = json.loads(out)["blocks"]
    row["tables"] = sum(1 for b in blocks if b["kind"] == "table")
    try:
        ref = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, timeout=120).stdout
    except subprocess.TimeoutExpired:
        return row
    theirs = characters(ref.decode("utf8", "replace"))
    if theirs:
        ours = characters("".join(b.get("text") or "" for b in blocks))
        row["share"] = round(sum((ours & theirs).values()) / sum(theirs.values()), 4)
    return row


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--bin", default="target/release/reportmine")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--out")
    args = ap.parse_args()
    binary = str(Path(args.bin).resolve())
    files = list(pdfs(args.paths))
    with ThreadPoolExecutor(args.jobs) as pool:
        rows = list(pool.map(lambda f: read(binary, f), files))
    failed = [r for r in rows if r["exit"] != 0]
    # (the cause without the tool's name and the file's path: "not a PDF: ...")
    causes = collections.Counter((r["error"] or "").split(f"{r['file']}: ", 1)[-1].split(":")[0][:70]
                                 for r in failed)
    crashed = [r for r in failed if r["exit"] not in (1, 2)]
    print(f"{len(rows)} files, {len(rows) - len(failed)} read, {len(failed)} refused with a reason,"
          f" {len(crashed)} crashed or timed out")
    for cause, n in causes.most_common(10):
        print(f"  {n:5}  {cause}")
    print("slowest:")
    for r in sorted(rows, key=lambda r: -r["seconds"])[:5]:
        print(f"  {r['seconds']:7.2f} s  {r['file']}")
    shared = [r for r in rows if "share" in r]
    if shared:
        mean = sum(r["share"] for r in shared) / len(shared)
        print(f"share of pdftotext's characters: mean {mean:.3f} over {len(shared)} files; lowest:")
        for r in sorted(shared, key=lambda r: r["share"])[:10]:
            print(f"  {r['share']:.3f}  {r['file']}")
    print(f"tables found: {sum(r.get('tables', 0) for r in rows)}")
    if args.out:
        Path(args.out).write_text(json.dumps(rows, indent=1))
    return 1 if crashed else 0


if __name__ == "__main__":
    sys.exit(main())
