#!/usr/bin/env python3
"""Score reportmine's themes, metrics and grants against the hand labels.

    python3 benches/semantic_score.py --shared ../shared [--bin target/release/reportmine] [--verbose]

Runs the default pipeline into a scratch output folder (the project's own output/ is left
alone), then runs the shared scorer, `tools/semscore.py --gold gold --version <latest>`, which
prints precision and recall of grants and metrics per document and in total, and whether each
plan's themes are exact and in order.
"""
import argparse
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", required=True, help="folder holding gold/ and tools/")
    ap.add_argument("--bin", default=str(ROOT / "target/release/reportmine"))
    ap.add_argument("--verbose", action="store_true", help="list misses and false positives")
    args = ap.parse_args()
    shared = pathlib.Path(args.shared).resolve()
    with tempfile.TemporaryDirectory() as out:
        run = subprocess.run([args.bin, "run", "--output", out, "--quiet"], cwd=ROOT)
        if run.returncode not in (0, 3):
            sys.exit(f"reportmine run failed with exit {run.returncode}")
        cmd = [sys.executable, str(shared / "tools/semscore.py"), "--gold", str(shared / "gold"),
               "--version", str(pathlib.Path(out) / "cambridgeshire-pcc/latest")]
        if args.verbose:
            cmd.append("--verbose")
        return subprocess.run(cmd).returncode


if __name__ == "__main__":
    sys.exit(main())
