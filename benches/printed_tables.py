#!/usr/bin/env python3
"""Tables whose every cell is known: random tables printed to PDF by Chromium (as HTML)
or by LibreOffice (as a Word document), scored as tablebench scores its cases,
reportmine side by side with the peers.

    cargo build --release
    python3 benches/printed_tables.py [--seed 1] [--count 40] [--shared ../shared] [--peers]
        [--producer chromium|libreoffice]

Each table gets its own page (A3, so that it fits), drawn from what web-made reports use: 2 to 6 columns (a
name, figures, a purpose that wraps), 3 to 8 rows, some cells empty; no rules, rules
under each row, or every cell boxed; shaded stripes or none; cells set at the top,
middle (a browser's default) or bottom of their rows; 9 to 12 pt; tight to loose
padding; figures left, centred or right. The expected table is the tables' own cells.
The same seed makes the same tables for either producer (their bytes differ from run to
run, their layout does not). As a Word document (python-docx), a table has its cells'
margins for padding, its cells shaded one by one for stripes, bold headings, and the
word processor's own column widths ("auto" autofits), with a page break after each.

The cases go to a scratch folder as a tablebench cases.json (id, pdf, page, expected,
method_hint "stream" or "lattice" by the rules drawn), and benches/tablebench.py scores
reportmine, and with --peers tabula, camelot, pdfplumber and PyMuPDF, on them.

Needs Chromium (Debian: chromium), or python-docx (PyPI) and LibreOffice (Debian:
libreoffice-writer).
"""
import argparse
import html
import json
import pathlib
import random
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent

WORDS = ("victim support youth fund community safety partnership road casualty reduction domestic "
         "abuse outreach service county district council hub workers early intervention speed "
         "awareness project local problem solving rural crime cyber fraud prevention training "
         "families schools").split()
NAMES = ["Victim Support", "Youth Offending Service", "Cambridge Women's Aid", "Peterborough Rape Crisis",
         "Fenland District Council", "Road Safety Partnership", "Safer Streets",
         "Community Safety Partnership", "Rural Crime Action", "St Giles Trust", "Huntingdonshire CSP",
         "Red Hen Project", "Ormiston Families", "The Kite Trust"]
FIRST_HEADINGS = ["Partner", "Recipient", "Area", "Measure", "Service"]
HEADINGS = ["Award", "2022/23", "2023/24", "Change", "Target", "Result", "Purpose", "Notes", "Spend (£)",
            "Outcome"]


def words(rng, low, high):
    text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))
    return text[0].upper() + text[1:]


def figure(rng):
    r = rng.random()
    if r < 0.4:
        return f"{rng.randint(1000, 999999):,}"
    if r < 0.6:
        return f"£{rng.randint(1000, 99999):,}"
    if r < 0.8:
        return f"{rng.uniform(-40, 90):.1f}%"
    return str(rng.randint(1, 999))


def draw(rng):
    """One table's cells and style: (headings, rows, the kind of each column, style)."""
    ncol = rng.randint(2, 6)
    kinds = ["name"] + [rng.choice(["figure", "figure", "figure", "text"]) for _ in range(ncol - 1)]
    if "figure" not in kinds:
        kinds[1] = "figure"
    heads = [rng.choice(FIRST_HEADINGS)] + [rng.choice(HEADINGS) for _ in range(ncol - 1)]
    rows = []
    for _ in range(rng.randint(3, 8)):
        cells = {"name": lambda: rng.choice(NAMES),
                 "figure": lambda: figure(rng) if rng.random() > 0.08 else "",
                 "text": lambda: words(rng, 1, 10)}
        rows.append([cells[k]() for k in kinds])
    style = {"valign": rng.choice(["middle", "top", "middle", "bottom"]),
             "rules": rng.choice(["none", "rows", "boxed", "none"]),
             "stripes": rng.random() < 0.4,
             "width": rng.choice(["auto", "100%", "80%"]),
             "size": rng.choice([9, 10, 11, 12]),
             "pad": rng.choice([2, 4, 6, 8]),
             "figures": rng.choice(["right", "left", "center"])}
    return heads, rows, kinds, style


INTRO = "Some text before the table says what it shows and where its figures come from."
SOURCE = "Source: the Commissioner's office."


def html_section(n, heads, rows, kinds, style):
    """A table as a section of an HTML page, a page of its own when printed."""
    t = f"#t{n}"
    css = (f"{t} table {{ border-collapse: collapse; width: {style['width']}; font-size: {style['size']}pt; }}"
           f" {t} td, {t} th {{ padding: {style['pad']}px {style['pad'] + 4}px;"
           f" vertical-align: {style['valign']}; }}"
           f" {t} th {{ text-align: left; }} {t} .f {{ text-align: {style['figures']}; }}")
    if style["rules"] == "rows":
        css += f" {t} td, {t} th {{ border-bottom: 1px solid #999; }}"
    if style["rules"] == "boxed":
        css += f" {t} td, {t} th {{ border: 1px solid #333; }}"
    if style["stripes"]:
        css += f" {t} tbody tr:nth-child(even) {{ background: #e8eef5; }}"
    body = "".join(f"<th>{html.escape(h)}</th>" for h in heads)
    body = f"<table style='break-inside: avoid'><thead><tr>{body}</tr></thead><tbody>"
    for row in rows:
        body += "<tr>" + "".join(f"<td class='{'f' if k == 'figure' else ''}'>{html.escape(c)}</td>"
                                 for c, k in zip(row, kinds)) + "</tr>"
    body += "</tbody></table>"
    return (f"<section style='break-after: page'><style>{css}</style><div id='t{n}'>"
            f"<h3>Table {n + 1}</h3><p>{INTRO}</p>{body}<p>{SOURCE}</p></div></section>")


def print_with_chromium(made, out):
    """The tables as one HTML page, printed to PDF by Chromium."""
    # (A3 pages, so that each table, its heading and its paragraphs fit on one)
    page = ("<!doctype html><html><head><meta charset='utf-8'><style>@page { size: A3; }"
            " body { font-family: Arial, Helvetica, sans-serif; margin: 15mm; }</style></head><body>"
            + "".join(html_section(n, *m) for n, m in enumerate(made)) + "</body></html>")
    (out / "tables.html").write_text(page, encoding="utf-8")
    pdf = out / "tables.pdf"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", (out / "tables.html").as_uri()], check=True, capture_output=True)
    return pdf


def word_table(doc, heads, rows, kinds, style):
    """A table as a word processor sets it: python-docx's table, its cells' own
    margins, borders, shading and vertical alignment."""
    from docx.enum.table import WD_ALIGN_VERTICAL
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls
    from docx.shared import Pt
    valign = {"top": WD_ALIGN_VERTICAL.TOP, "middle": WD_ALIGN_VERTICAL.CENTER,
              "bottom": WD_ALIGN_VERTICAL.BOTTOM}[style["valign"]]
    align = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
             "right": WD_ALIGN_PARAGRAPH.RIGHT}[style["figures"]]
    table = doc.add_table(rows=len(rows) + 1, cols=len(heads))
    table.autofit = style["width"] == "auto"
    pad = round(style["pad"] * 0.75 * 20)  # (px to twentieths of a point)
    side = round((style["pad"] + 4) * 0.75 * 20)
    table._tbl.tblPr.append(parse_xml(
        f"<w:tblCellMar {nsdecls('w')}><w:top w:w='{pad}' w:type='dxa'/><w:left w:w='{side}' w:type='dxa'/>"
        f"<w:bottom w:w='{pad}' w:type='dxa'/><w:right w:w='{side}' w:type='dxa'/></w:tblCellMar>"))
    if style["width"] != "auto":
        share = 5000 if style["width"] == "100%" else 4000
        table._tbl.tblPr.append(parse_xml(f"<w:tblW {nsdecls('w')} w:w='{share}' w:type='pct'/>"))
    border = {"none": "", "rows": "<w:bottom w:val='single' w:sz='6' w:color='999999'/>",
              "boxed": "".join(f"<w:{e} w:val='single' w:sz='6' w:color='333333'/>"
                               for e in ("top", "left", "bottom", "right"))}[style["rules"]]
    for r, cells in enumerate([heads] + rows):
        for c, text in enumerate(cells):
            cell = table.cell(r, c)
            cell.vertical_alignment = valign
            paragraph = cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            if r > 0 and kinds[c] == "figure":
                paragraph.alignment = align
            run = paragraph.add_run(text)
            run.font.size = Pt(style["size"])
            run.bold = r == 0
            tc = cell._tc.get_or_add_tcPr()
            if border:
                tc.append(parse_xml(f"<w:tcBorders {nsdecls('w')}>{border}</w:tcBorders>"))
            if style["stripes"] and r > 0 and r % 2 == 0:
                tc.append(parse_xml(f"<w:shd {nsdecls('w')} w:val='clear' w:color='auto' w:fill='E8EEF5'/>"))


def print_with_libreoffice(made, out):
    """The tables as a Word document, a page each, converted to PDF by LibreOffice."""
    import docx
    from docx.enum.text import WD_BREAK
    from docx.shared import Mm
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(297), Mm(420)
    for n, m in enumerate(made):
        doc.add_heading(f"Table {n + 1}", level=3)
        doc.add_paragraph(INTRO)
        word_table(doc, *m)
        doc.add_paragraph(SOURCE).add_run().add_break(WD_BREAK.PAGE)
    doc.save(out / "tables.docx")
    profile = (out / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), str(out / "tables.docx")], check=True, capture_output=True)
    return out / "tables.pdf"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--bin", default=str(ROOT / "target/release/reportmine"))
    ap.add_argument("--peers", action="store_true")
    ap.add_argument("--producer", choices=["chromium", "libreoffice"], default="chromium",
                    help="chromium prints the tables as HTML; libreoffice converts them as a Word document")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    out = pathlib.Path(tempfile.mkdtemp(prefix="printed-tables-"))
    made = [draw(rng) for _ in range(args.count)]
    printer = {"chromium": print_with_chromium, "libreoffice": print_with_libreoffice}[args.producer]
    pdf = printer(made, out)
    pages = subprocess.run([args.bin, "extract", str(pdf), "--format", "json"], capture_output=True,
                           text=True, check=True)
    if json.loads(pages.stdout).get("page_count") != args.count:
        print(f"warning: {pdf} has more pages than tables; the cases' pages may be off", file=sys.stderr)
    cases = [{"id": f"printed-{args.seed}-{n + 1}", "pdf": pdf.name, "page": n + 1, "expected": [heads] + rows,
              "method_hint": "stream" if style["rules"] == "none" else "lattice", "style": style}
             for n, (heads, rows, _, style) in enumerate(made)]
    (out / "cases.json").write_text(json.dumps(cases, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(cases)} tables in {pdf}", file=sys.stderr)
    cmd = [sys.executable, str(ROOT / "benches/tablebench.py"), "--shared", args.shared, "--bin", args.bin,
           "--cases", str(out / "cases.json")]
    subprocess.run(cmd + (["--peers"] if args.peers else []), check=True)


if __name__ == "__main__":
    main()
