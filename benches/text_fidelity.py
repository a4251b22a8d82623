#!/usr/bin/env python3
"""Text fidelity of `reportmine extract --format text` against the corpus references,
side by side with pdftotext (poppler-utils) on the same files.

    python3 benches/text_fidelity.py [--shared ../shared] [--bin target/release/reportmine]

Prints one row per PDF: recall, precision and order (textscore.py) for both tools.
Exits 1 if reportmine misses the issue's floor (recall and precision 0.98, order 0.95) on a file.
"""
import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

FLOOR = {"recall": 0.98, "precision": 0.98, "order": 0.95}


def score(textscore, reference, text):
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as f:
        f.write(text)
    out = subprocess.run([sys.executable, textscore, reference, f.name, "--json"], capture_output=True, text=True)
    Path(f.name).unlink()
    return json.loads(out.stdout)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--bin", default="target/release/reportmine")
    args = ap.parse_args()
    corpus = Path(args.shared) / "corpus"
    textscore = str(Path(args.shared) / "tools" / "textscore.py")
    index = json.loads((corpus / "reference" / "index.json").read_text())
    failed = False
    print("| file | reportmine R / P / O | pdftotext R / P / O |")
    print("| --- | --- | --- |")
    for rel, ref in sorted(index.items()):
        if not rel.endswith(".pdf"):
            continue
        pdf, reference = corpus / rel, str(corpus / "reference" / ref)
        ours = subprocess.run([args.bin, "extract", "--format", "text", str(pdf)], capture_output=True, text=True)
        theirs = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True)
        a, b = score(textscore, reference, ours.stdout), score(textscore, reference, theirs.stdout)
        fmt = lambda s: f"{s['recall']:.4f} / {s['precision']:.4f} / {s['order']:.4f}"
        print(f"| {rel} | {fmt(a)} | {fmt(b)} |")
        failed |= any(a[k] < v for k, v in FLOOR.items())
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
