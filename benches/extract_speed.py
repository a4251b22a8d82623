#!/usr/bin/env python3
"""Extraction speed and memory, side by side with pdftotext on the same files in the same run.

    cargo build --release
    python3 benches/extract_speed.py [--shared ../shared] [--bin target/release/reportmine] [--copies 10]

1. Per file, one process each, sequentially: `reportmine extract --format text` against
   `pdftotext FILE -` over every corpus PDF with a text layer (best of 3 passes each).
2. Many documents: a pipeline over COPIES unique copies of those PDFs (bytes appended after
   %%EOF so each hashes differently), `reportmine run --force --jobs 1` against `--jobs 2`;
   the extract stage time comes from manifest.json.
3. Peak resident memory (GNU time) of the per-file extraction of the largest PDF and of the run.
"""
import argparse
import json
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path


def pdfs(shared):
    corpus = Path(shared) / "corpus"
    index = json.loads((corpus / "reference" / "index.json").read_text())
    return [corpus / rel for rel in sorted(index) if rel.endswith(".pdf")]


def timed(cmds):
    start = time.perf_counter()
    for cmd in cmds:
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - start


def peak_kb(cmd):
    out = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    return int(out.stderr.strip().splitlines()[-1])


def pipeline_run(bin_, files, copies, jobs):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "raw").mkdir()
        (root / "pipelines").mkdir()
        for c in range(copies):
            for f in files:
                data = f.read_bytes() + f"\n% copy {c}\n".encode()
                (root / "raw" / f"{c:03d}-{f.name}").write_bytes(data)
        (root / "pipelines" / "bench.toml").write_text(
            '[dataset]\nid = "bench"\ntitle = "bench"\npublisher = "bench"\n'
            '[dataset.licence]\nid = "x"\ntitle = "x"\nurl = "x"\n[[source]]\npath = "raw/*.pdf"\n'
        )
        cmd = [str(Path(bin_).resolve()), "run", "--quiet", "--force", "--jobs", str(jobs)]
        start = time.perf_counter()
        out = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, cwd=root, stderr=subprocess.PIPE, text=True)
        wall = time.perf_counter() - start
        manifest = json.loads((root / "output" / "bench" / "latest" / "manifest.json").read_text())
        peak = int(re.findall(r"^(\d+)$", out.stderr, re.M)[-1])
        return wall, manifest["timings_ms"]["extract"] / 1000, peak, len(manifest["inputs"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--bin", default="target/release/reportmine")
    ap.add_argument("--copies", type=int, default=10)
    args = ap.parse_args()
    files = pdfs(args.shared)
    ours = min(timed([[args.bin, "extract", "--format", "text", str(f)] for f in files]) for _ in range(3))
    theirs = min(timed([["pdftotext", str(f), "-"] for f in files]) for _ in range(3))
    print(f"per file, {len(files)} PDFs, one process each (best of 3):")
    print(f"  reportmine extract  {ours:.3f} s")
    print(f"  pdftotext           {theirs:.3f} s   (reportmine / pdftotext = {ours / theirs:.2f})")
    largest = max(files, key=lambda f: f.stat().st_size)
    print(f"peak memory, {largest.name}: reportmine {peak_kb([args.bin, 'extract', str(largest)]) / 1024:.1f} MB, "
          f"pdftotext {peak_kb(['pdftotext', str(largest), '-']) / 1024:.1f} MB")
    runs = {}
    for jobs in (1, 2):
        wall, extract, peak, n = pipeline_run(args.bin, files, args.copies, jobs)
        runs[jobs] = extract
        print(f"run --jobs {jobs}: {n} documents, extract stage {extract:.2f} s, whole run {wall:.2f} s, peak {peak / 1024:.1f} MB")
    print(f"speed-up of --jobs 2 over --jobs 1 (extract stage): {runs[1] / runs[2]:.2f}x")


if __name__ == "__main__":
    main()
