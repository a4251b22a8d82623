#!/usr/bin/env python3
"""HTML main-content extraction: reportmine beside trafilatura on the same pages, in the same run.

    pip install trafilatura lxml_html_clean
    cargo build --release
    python3 benches/html_vs_trafilatura.py [--shared ../shared] [--bin target/release/reportmine] [--repeat 20]

Pages: the corpus's HTML report (reference: the corpus reference text) and the CMS-shaped
fixtures in tests/fixtures/html (reference: the .txt beside each). Accuracy: textscore.py
recall / precision / order for both tools. Speed: wall time per page, best of --repeat;
reportmine as one process per page (start-up included), trafilatura as a call inside an
already running Python (start-up and imports excluded); and reportmine in-process too
(benches/extract_in_process.rs, best of --repeat), which is the like-for-like figure.
"""
import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import trafilatura


def score(textscore, reference, text):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write(text)
    out = subprocess.run([sys.executable, textscore, str(reference), f.name, "--json"], capture_output=True, text=True)
    Path(f.name).unlink()
    return json.loads(out.stdout)


def best_time(fn, repeat):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--bin", default="target/release/reportmine")
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    shared = Path(args.shared)
    textscore = str(shared / "tools" / "textscore.py")
    pages = [(shared / "corpus" / "cambridgeshire-pcc" / "annual-report-2023-24.html",
              shared / "corpus" / "reference" / "annual-report-2023-24.html.txt")]
    pages += [(p, p.with_suffix(".txt")) for p in sorted(Path("tests/fixtures/html").glob("*.html"))]
    in_process = {}
    bench = subprocess.run(
        ["cargo", "bench", "-q", "--bench", "extract_in_process", "--", "--repeat", str(args.repeat)]
        + [str(p) for p, _ in pages],
        capture_output=True, text=True, check=True,
    )
    for line in bench.stdout.splitlines():
        row = json.loads(line)
        in_process[row["file"]] = row["best_ms"] / 1000
    fmt = lambda s: f"{s['recall']:.4f} / {s['precision']:.4f} / {s['order']:.4f}"
    print("| page | reportmine R / P / O | trafilatura R / P / O | reportmine ms (process) | reportmine ms (in-process) | trafilatura ms (in-process) |")
    print("| --- | --- | --- | --- | --- | --- |")
    totals = {"ours": 0.0, "ours_in": 0.0, "theirs": 0.0}
    for page, reference in pages:
        raw = page.read_bytes()
        cmd = [args.bin, "extract", "--format", "text", str(page)]
        ours_text = subprocess.run(cmd, capture_output=True, text=True).stdout
        theirs_text = trafilatura.extract(raw, include_tables=True, include_formatting=False) or ""
        ours_s = best_time(lambda: subprocess.run(cmd, capture_output=True), args.repeat)
        theirs_s = best_time(lambda: trafilatura.extract(raw, include_tables=True), args.repeat)
        ours_in = in_process[str(page)]
        totals["ours_in"] += ours_in
        totals["ours"] += ours_s
        totals["theirs"] += theirs_s
        a, b = score(textscore, reference, ours_text), score(textscore, reference, theirs_text)
        print(f"| {page.name} | {fmt(a)} | {fmt(b)} | {ours_s * 1000:.1f} | {ours_in * 1000:.2f} | {theirs_s * 1000:.1f} |")
    print(f"\nall pages, in-process: reportmine {totals['ours_in'] * 1000:.2f} ms, trafilatura "
          f"{totals['theirs'] * 1000:.1f} ms: reportmine {totals['theirs'] / totals['ours_in']:.1f}x faster")
    print(f"reportmine one process per page, start-up included: {totals['ours'] * 1000:.1f} ms "
          f"({totals['theirs'] / totals['ours']:.1f}x trafilatura's in-process time)")


if __name__ == "__main__":
    main()
