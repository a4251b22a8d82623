#!/usr/bin/env python3
"""How table detection's time grows with a table's size, side by side with pdfplumber
(PyPI) on the same pages: a hostile or merely huge page must not cost the square or
the cube of its lines.

    cargo build --release
    python3 benches/table_scaling.py [--bin target/release/reportmine] [--lines 400 1600 6400]
        [--timeout 300] [--no-peer]

Each page is written here, with no PDF library: two columns of words and figures,
one pair to a line, in 4 pt Helvetica, LINES lines tall (the page grows to hold them),
in three shapes:

- cell: a 2 by 2 ruled grid, each cell holding half the lines (a ruled cell of
  thousands of lines, columns undrawn in it);
- rows: the same grid with a rule under every line (a table of thousands of rows);
- pieces: the same rules under every line drawn cell by cell, as browsers draw a
  table's borders, their pieces meeting in the gaps between the words and figures
  (joints that tell undrawn columns' sides);
- unruled: the lines alone (an unruled table).

For each shape and size it prints the wall time of `reportmine tables FILE --format json`
(one process, best of 2) and of pdfplumber's `page.extract_tables()` (a timeout prints
as "> TIMEOUT"), and each time's growth over the size before: twice the lines at a
linear cost is twice the time, at the square four times.
"""
import argparse
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SIZE = 4.0  # the type's size (pt)
LEADING = SIZE * 1.2


def page_content(lines, shape, height):
    ops = []
    top, bottom = height - 50, 50
    if shape in ("cell", "rows", "pieces"):
        ops.append("0.5 w")
        for y in (bottom, (top + bottom) / 2, top):
            ops.append(f"50 {y:.2f} m 550 {y:.2f} l S")
        for x in (50, 300, 550):
            ops.append(f"{x} {bottom} m {x} {top} l S")
    if shape in ("rows", "pieces"):
        ends = (50, 550) if shape == "rows" else (50, 175, 300, 425, 550)
        for i in range(lines):
            y = top - 3 - i * LEADING - LEADING * 0.25
            for x0, x1 in zip(ends, ends[1:]):
                ops.append(f"{x0} {y:.2f} m {x1} {y:.2f} l S")
    ops.append(f"BT /F1 {SIZE} Tf")
    per_column = (lines + 1) // 2
    for left in (60, 310):
        for i in range(per_column):
            y = top - 5 - i * LEADING
            ops.append(f"1 0 0 1 {left} {y:.2f} Tm (Item{i}) Tj 1 0 0 1 {left + 120} {y:.2f} Tm ({i}.5) Tj")
    ops.append("ET")
    return zlib.compress("\n".join(ops).encode())


def write_pdf(path, lines, shape):
    """A one-page PDF: catalog, pages, page, content stream, font, and the xref table."""
    height = max(842.0, (lines + 1) // 2 * LEADING + 110)
    content = page_content(lines, shape, height)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 600 %.2f] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>" % height,
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(out)


def best_of(cmd, timeout, runs=2):
    best = None
    for _ in range(runs):
        start = time.perf_counter()
        try:
            subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return None
        took = time.perf_counter() - start
        best = took if best is None else min(best, took)
    return best


PDFPLUMBER = "import sys, pdfplumber\nwith pdfplumber.open(sys.argv[1]) as d: d.pages[0].extract_tables()"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", default=str(ROOT / "target/release/reportmine"))
    ap.add_argument("--lines", type=int, nargs="+", default=[400, 1600, 6400])
    ap.add_argument("--timeout", type=float, default=300.0)
    ap.add_argument("--no-peer", action="store_true", help="time reportmine only")
    args = ap.parse_args()
    tools = {"reportmine": lambda pdf: [args.bin, "tables", str(pdf), "--format", "json"]}
    if not args.no_peer:
        tools["pdfplumber"] = lambda pdf: [sys.executable, "-c", PDFPLUMBER, str(pdf)]
    work = Path(tempfile.mkdtemp(prefix="table-scaling-"))
    print(f"{'shape':8} {'lines':>6}  " + "  ".join(f"{name:>22}" for name in tools))
    for shape in ("cell", "rows", "pieces", "unruled"):
        before = {}
        for lines in args.lines:
            pdf = work / f"{shape}-{lines}.pdf"
            write_pdf(pdf, lines, shape)
            cells = []
            for name, cmd in tools.items():
                took = best_of(cmd(pdf), args.timeout)
                if took is None:
                    cells.append(f"{'> TIMEOUT':>22}")
                    before[name] = None
                    continue
                growth = f" (x{took / before[name]:.1f})" if before.get(name) else ""
                cells.append(f"{took:>12.2f} s{growth:>8}")
                before[name] = took
            print(f"{shape:8} {lines:>6}  " + "  ".join(cells), flush=True)


if __name__ == "__main__":
    main()
