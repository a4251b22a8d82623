#!/usr/bin/env python3
"""Tables whose every cell is known: random tables printed to PDF by Chromium (as HTML)
or by LibreOffice (as a Word document), scored as tablebench scores its cases,
reportmine side by side with the peers.

    cargo build --release
    python3 benches/printed_tables.py [--seed 1] [--count 40] [--shared ../shared] [--peers]
        [--producer chromium|libreoffice|calc|reportlab|weasyprint|latex|wkhtmltopdf|impress|typst|xhtml2pdf
                    |fpdf2]
        [--spans] [--long] [--themed] [--partial-rules]
        [--reprint cairo|ghostscript|mupdf|ocr]

Each table gets its own page (A3, so that it fits), drawn from what web-made reports use: 2 to 6 columns (a
name, figures, a purpose that wraps), 3 to 8 rows, some cells empty; no rules, rules
under each row, or every cell boxed; shaded stripes or none; cells set at the top,
middle (a browser's default) or bottom of their rows; 9 to 12 pt; tight to loose
padding; figures left, centred or right. The expected table is the tables' own cells.
The same seed makes the same tables for either producer (their bytes differ from run to
run, their layout does not). As a Word document (python-docx), a table has its cells'
margins for padding, its cells shaded one by one for stripes, bold headings, and the
word processor's own column widths ("auto" autofits), with a page break after each.
As a spreadsheet (openpyxl, --producer calc), converted by LibreOffice Calc, a table has a
sheet of its own scaled to one page: columns sized to their kind, text wrapped in its
column and rows as tall as it, figures as numbers in number formats (flush as the style
says, so a figure can stand a hair from the next column's text), merged cells for spans,
cell borders and fills, and in some tables white headings on a dark fill. As a ReportLab
document (--producer reportlab), a table is a platypus Table: standard fonts, not embedded;
columns as wide as their longest word at least; cells as wrapped paragraphs; rules, stripes
and spans as style commands; the paragraphs around it set close. With --producer weasyprint
the HTML that Chromium prints is laid out by WeasyPrint instead. As a LaTeX document
(--producer latex), typeset by pdfLaTeX in Computer Modern, a table is a tabular (a
longtable when long): names in an l column, figures flush as the style says, wrapping text
ragged right in a p, m or b column; unruled tables half of them ruled as booktabs rules them
(above and under the head, and at the foot), others with \hline rules or every cell boxed;
stripes by \rowcolors, spans by \multicolumn and \multirow; the words placed apart with no
space drawn between them. As a Typst document (--producer typst, compiled by the typst
package from PyPI), a table is a Typst table in Typst's own Libertinus Serif: every cell
boxed, a rule under each row, or none (half of those ruled as booktabs rules them);
stripes and alignment as functions of a cell's place; spans by table.cell; its lines set
closer than a browser sets them (a line's box is its capitals' height), so that rows set
with little padding stand closer together than a cell's wrapped lines. With --producer
xhtml2pdf the HTML is laid out by xhtml2pdf (pisa, PyPI), as Python web applications print
their reports: its own reading of HTML 4 and CSS 2 set by ReportLab, columns of equal width,
lines a size and a half apart. With --producer fpdf2 each table is set by fpdf2's table()
(PyPI): Helvetica, text columns justified (the library's default), lines two sizes apart
(its default), every cell boxed, lines between rows only (none over the head nor under the
last row) or none, rows filled in turn for stripes.

With --spans the tables have spanning cells as reports set them: a heading over two or
three columns that have their own headings under it (the other headings span both header
rows, set at their foot), and in boxed tables a name over two rows. The expected table
has a spanning cell's text in its first row and column, and the slots it covers empty;
but in a table not boxed, a heading spanning the header rows is expected on the line it
is set on (the header's second row), as a reader of an unruled table takes it.

With --long the tables have 30 to 90 rows on A4 pages and run over page breaks; the whole
document is read at once (as a run reads it, joining a table's parts) and each table is
scored whole, on the page it starts on.

With --partial-rules (HTML producers but xhtml2pdf, which draws a table's border round
every cell) every table is ruled as report writers rule their figures: boxed, a rule under the head and one after the row labels, and none between the
other columns, which stand apart by their padding alone in one ruled column. With --spans
too, a heading over columns shares that ruled cell with their own headings, ruled off
from them by nothing; the row labels' heading, boxed on its own, is expected in its
cell's first row.

With --reprint the document is printed again by a program that rewrites PDFs before it is
read, as publishers' PDFs often are: through cairo (pdftocairo; GTK and Inkscape print so),
Ghostscript's pdfwrite (servers shrink PDFs so) or MuPDF (mutool convert). Each writes the
text its own way (cairo leaves out some word spaces, moving the pen instead; Ghostscript 10.0
writes ligatures' letters little-endian; MuPDF maps the hyphen glyph to the soft hyphen), and
each loses what it cannot carry over (cairo a bitmap font's letters, MuPDF a LibreOffice
document's text, which pdftotext does not read either). With --reprint ocr each page is
scanned instead, as an archive scans its papers: rendered at 300 dpi in grey (pdftoppm) and
read by Tesseract, which writes the image with the words it read drawn invisibly over it in
a font of no glyphs, each word placed and stretched where it found it; its misreadings
("2.1%" for "2.7%", a rule read as "|") make a table inexact however well it is laid out.

In unruled tables a heading wrapped over two lines ("Spend" over "(£)") is one cell where it
is wrapped round the other headings' line (set at the middle of its row), opens among the
columns of a heading over others (spanning both header rows), or is set at its row's top or
foot a leading of the body's wrapped cells apart; where nothing tells its lines from two
header rows (a table set solid, its records a leading apart, or no cell wrapped in the body
to show the leading) it reads as two header rows, as the peers read it, where the expected
table has it in one cell: such tables are not exact.

The cases go to a scratch folder as a tablebench cases.json (id, pdf, page, expected,
method_hint "stream" or "lattice" by the rules drawn), and benches/tablebench.py scores
reportmine, and with --peers tabula, camelot, pdfplumber and PyMuPDF, on them.

Needs Chromium (Debian: chromium), or python-docx (PyPI) and LibreOffice (Debian:
libreoffice-writer), or openpyxl (PyPI) and LibreOffice Calc (Debian: libreoffice-calc), or
reportlab (PyPI), or weasyprint (PyPI; it needs Pango, Debian: libpango-1.0-0), or
wkhtmltopdf (Debian: wkhtmltopdf), or python-pptx (PyPI) and LibreOffice Impress (Debian:
libreoffice-impress), or typst, xhtml2pdf or fpdf2 (PyPI), or pdfLaTeX
(Debian: texlive-latex-base, texlive-latex-recommended, texlive-latex-extra); --reprint needs
pdftocairo, gs or mutool (Debian: poppler-utils, ghostscript, mupdf-tools), or pdftoppm, tesseract
and qpdf (Debian: poppler-utils, tesseract-ocr, qpdf); the tables' pages
are looked up with pypdf (PyPI).
"""
import argparse
import html
import json
import os
import pathlib
import random
import re
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


def draw(rng, row_count=(3, 8), text_words=(1, 10)):
    """One table's cells and style: (headings, rows, the kind of each column, style)."""
    ncol = rng.randint(2, 6)
    kinds = ["name"] + [rng.choice(["figure", "figure", "figure", "text"]) for _ in range(ncol - 1)]
    if "figure" not in kinds:
        kinds[1] = "figure"
    heads = [rng.choice(FIRST_HEADINGS)] + [rng.choice(HEADINGS) for _ in range(ncol - 1)]
    rows = []
    for _ in range(rng.randint(*row_count)):
        cells = {"name": lambda: rng.choice(NAMES),
                 "figure": lambda: figure(rng) if rng.random() > 0.08 else "",
                 "text": lambda: words(rng, *text_words)}
        rows.append([cells[k]() for k in kinds])
    style = {"valign": rng.choice(["middle", "top", "middle", "bottom"]),
             "rules": rng.choice(["none", "rows", "boxed", "none"]),
             "stripes": rng.random() < 0.4,
             "width": rng.choice(["auto", "100%", "80%"]),
             "size": rng.choice([9, 10, 11, 12]),
             "pad": rng.choice([2, 4, 6, 8]),
             "figures": rng.choice(["right", "left", "center"])}
    return heads, rows, kinds, style


GROUPS = ["2022/23", "Funding", "Outcomes", "Quarter 1", "Budget (£)"]


def grid_of(heads, rows):
    """A table as a grid of (text, rows spanned, columns spanned), None where a
    spanning cell covers the slot; and how many of its rows are headings."""
    return [[(t, 1, 1) for t in r] for r in [heads] + rows], 1


def spanned_grid(rng, heads, rows, style):
    """The table with spanning cells, as reports set them: a heading over two or three
    columns with their own headings under it (the other headings span both header rows,
    set at their foot), and, in a table boxed cell by cell, a name over two rows."""
    grid, head_rows = grid_of(heads, rows)
    ncol = len(heads)
    if ncol >= 3:
        start = rng.randint(1, ncol - 2)
        width = rng.randint(2, min(3, ncol - start))
        top = [(h, 2, 1) for h in heads]
        top[start] = (rng.choice(GROUPS), 1, width)
        for c in range(start + 1, start + width):
            top[c] = None
        under = [None if not start <= c < start + width else (heads[c], 1, 1) for c in range(ncol)]
        grid, head_rows = [top, under] + grid[1:], 2
    if style["rules"] == "boxed" and len(rows) >= 2:
        r = head_rows + rng.randrange(len(rows) - 1)
        grid[r][0] = (grid[r][0][0], 2, 1)
        grid[r + 1][0] = None
    return grid, head_rows


def expected_of(grid, head_rows, style):
    """The table a reader takes from the grid: a spanning cell's text in its first slot,
    the slots it covers empty; but a heading spanning the header rows, unruled, reads
    on the line it is set on, the header's foot."""
    out = [["" for _ in row] for row in grid]
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if cell:
                text, rowspan, _ = cell
                # (the row labels' heading is boxed on its own in a table ruled in part)
                boxed = style["rules"] == "boxed" or (style["rules"] == "partial" and c == 0)
                at_foot = r < head_rows and rowspan > 1 and not boxed
                out[r + rowspan - 1 if at_foot else r][c] = text
    return out


# the share of the page's width a table takes, by its style's width, and the weight of
# each kind of column in dividing it (for producers that size columns by hand)
WIDTH_SHARE = {"auto": 0.9, "100%": 1.0, "80%": 0.8}
COLUMN_WEIGHTS = {"name": 3, "figure": 2, "text": 4.2}

INTRO = "Some text before the table says what it shows and where its figures come from."
SOURCE = "Source: the Commissioner's office."


def html_section(n, grid, head_rows, kinds, style):
    """A table as a section of an HTML page, a page of its own when printed."""
    t = f"#t{n}"
    css = (f"{t} table {{ border-collapse: collapse; width: {style['width']}; font-size: {style['size']}pt; }}"
           f" {t} td, {t} th {{ padding: {style['pad']}px {style['pad'] + 4}px;"
           f" vertical-align: {style['valign']}; }}"
           f" {t} th {{ text-align: left; }} {t} th[rowspan] {{ vertical-align: bottom; }}"
           f" {t} .f {{ text-align: {style['figures']}; }}")
    if style["rules"] == "rows":
        css += f" {t} td, {t} th {{ border-bottom: 1px solid #999; }}"
    if style["rules"] == "boxed":
        css += f" {t} td, {t} th {{ border: 1px solid #333; }}"
    if style["rules"] == "partial":
        # (the head ruled off at its foot only: a heading over columns is not ruled off
        # their own headings under it, which it shares a ruled cell with)
        css += (f" {t} table {{ border: 1px solid #333; }}"
                f" {t} thead tr:last-child th, {t} thead th[rowspan] {{ border-bottom: 1px solid #333; }}"
                f" {t} .l {{ border-right: 1px solid #333; }}")
    if style["stripes"]:
        css += f" {t} tbody tr:nth-child(even) {{ background: #e8eef5; }}"

    def row_html(row, tag):
        out = ""
        for c, cell in enumerate(row):
            if cell:
                text, rowspan, colspan = cell
                spans = (f" rowspan='{rowspan}'" if rowspan > 1 else "") + (f" colspan='{colspan}'" if colspan > 1 else "")
                figure = "f" if tag == "td" and kinds[c] == "figure" else ""
                first = " l" if c == 0 else ""
                out += f"<{tag} class='{figure}{first}'{spans}>{html.escape(text)}</{tag}>"
        return f"<tr>{out}</tr>"

    head = "".join(row_html(row, "th") for row in grid[:head_rows])
    body = "".join(row_html(row, "td") for row in grid[head_rows:])
    keep = "" if style.get("long") else " style='break-inside: avoid'"
    body = f"<table{keep}><thead>{head}</thead><tbody>{body}</tbody></table>"
    return (f"<section style='break-after: page'><style>{css}</style><div id='t{n}'>"
            f"<h3>Table {n + 1}</h3><p>{INTRO}</p>{body}<p>{SOURCE}</p></div></section>")


def html_page(made, out, size):
    """The tables as one HTML page, each table's section a page of its own."""
    # (A3 pages, so that each table, its heading and its paragraphs fit on one)
    page = ("<!doctype html><html><head><meta charset='utf-8'><style>@page { size: " + size + "; }"
            " body { font-family: Arial, Helvetica, sans-serif; margin: 15mm; }</style></head><body>"
            + "".join(html_section(n, *m) for n, m in enumerate(made)) + "</body></html>")
    (out / "tables.html").write_text(page, encoding="utf-8")


def print_with_weasyprint(made, out, size="A3"):
    """The tables as one HTML page, laid out and printed by WeasyPrint (its own
    layout engine, fonts shaped by HarfBuzz and embedded as subsets)."""
    import weasyprint
    html_page(made, out, size)
    pdf = out / "tables.pdf"
    weasyprint.HTML(filename=str(out / "tables.html")).write_pdf(str(pdf))
    return pdf


def print_with_chromium(made, out, size="A3"):
    """The tables as one HTML page, printed to PDF by Chromium (which repeats a
    table's head on each page it runs over)."""
    html_page(made, out, size)
    pdf = out / "tables.pdf"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", (out / "tables.html").as_uri()], check=True, capture_output=True)
    return pdf


def print_with_wkhtmltopdf(made, out, size="A3"):
    """The tables as one HTML page, printed by wkhtmltopdf (Qt's WebKit and
    its PDF writer, as many web applications print their reports)."""
    html_page(made, out, size)
    pdf = out / "tables.pdf"
    subprocess.run(["wkhtmltopdf", "--quiet", "--page-size", size, str(out / "tables.html"), str(pdf)], check=True,
                   capture_output=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    return pdf


def print_with_xhtml2pdf(made, out, size="A3"):
    """The tables as one HTML page, laid out by xhtml2pdf (pisa: its own reading of
    the HTML and CSS, set by ReportLab's platypus, as web applications in Python
    print their reports)."""
    from xhtml2pdf import pisa
    html_page(made, out, size)
    pdf = out / "tables.pdf"
    # (it knows CSS 2's page breaks, not CSS 3's, and HTML 4's elements: a section is a div)
    page = (out / "tables.html").read_text(encoding="utf-8").replace("break-after: page", "page-break-after: always")
    page = page.replace("<section", "<div").replace("</section>", "</div>")
    with open(pdf, "wb") as sink:
        pisa.CreatePDF(page, dest=sink, encoding="utf-8")
    return pdf


def fpdf2_table(pdf, grid, head_rows, kinds, style):
    """A table as fpdf2 (a Python PDF writer) sets it with its table(): Helvetica, the
    library's justified text in text columns, columns sized by their kind across the
    table's width, every cell boxed, lines between rows or none, rows filled in turn
    for stripes, spans by colspan and rowspan, the head repeated on each page when told."""
    from fpdf.fonts import FontFace
    share = WIDTH_SHARE[style["width"]]
    weights = COLUMN_WEIGHTS
    align = {"left": "LEFT", "center": "CENTER", "right": "RIGHT"}[style["figures"]]
    pad = style["pad"] * 0.75
    borders = {"none": "NONE", "rows": "HORIZONTAL_LINES", "boxed": "ALL"}[style["rules"]]
    pdf.set_font("Helvetica", size=style["size"])
    with pdf.table(width=pdf.epw * share, col_widths=[weights[k] for k in kinds], align="LEFT",
                   text_align=[align if k == "figure" else "JUSTIFY" if k == "text" else "LEFT" for k in kinds],
                   v_align=style["valign"].upper(), borders_layout=borders, padding=(pad, pad + 3),
                   cell_fill_color=(232, 238, 245) if style["stripes"] else None,
                   cell_fill_mode="ROWS" if style["stripes"] else "NONE",
                   headings_style=FontFace(emphasis="BOLD"), num_heading_rows=head_rows,
                   repeat_headings=1 if style.get("repeat_head") else 0) as table:
        for r, row in enumerate(grid):
            line = table.row()
            for cell in row:
                if cell is None:
                    continue
                text, rowspan, colspan = cell
                heading = r < head_rows
                # (a heading spanning the header rows at their foot, as the HTML sets it)
                line.cell(text, align="LEFT" if heading else None,
                          v_align="BOTTOM" if heading and rowspan > 1 else None, colspan=colspan, rowspan=rowspan)


def print_with_fpdf2(made, out, size="A3"):
    """The tables as an fpdf2 document, a page each (fpdf2 breaks a long table
    between rows)."""
    from fpdf import FPDF
    pdf = FPDF(format=size, unit="pt")
    pdf.set_margins(42.5, 42.5)
    pdf.set_auto_page_break(True, margin=42.5)
    for n, (grid, head_rows, kinds, style) in enumerate(made):
        pdf.add_page()
        pdf.set_font("Helvetica", "B", 13)
        pdf.cell(text=f"Table {n + 1}", new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=10)
        pdf.multi_cell(0, 14, INTRO, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(6)
        fpdf2_table(pdf, grid, head_rows, kinds, style)
        pdf.set_font("Helvetica", size=10)
        pdf.ln(6)
        pdf.multi_cell(0, 14, SOURCE, new_x="LMARGIN", new_y="NEXT")
    path = out / "tables.pdf"
    pdf.output(str(path))
    return path


def convert_with_libreoffice(document):
    """The document converted to PDF by LibreOffice beside it (its own profile
    there, so that runs side by side do not share one)."""
    out = document.parent
    profile = (out / "profile").as_uri()
    subprocess.run(["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(out), str(document)], check=True, capture_output=True)
    return document.with_suffix(".pdf")


def word_table(doc, grid, head_rows, kinds, style):
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
    table = doc.add_table(rows=len(grid), cols=len(kinds))
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
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if not cell:
                continue
            text, rowspan, colspan = cell
            word_cell = table.cell(r, c)
            if rowspan > 1 or colspan > 1:
                word_cell = word_cell.merge(table.cell(r + rowspan - 1, c + colspan - 1))
            word_cell.vertical_alignment = WD_ALIGN_VERTICAL.BOTTOM if r < head_rows and rowspan > 1 else valign
            paragraph = word_cell.paragraphs[0]
            paragraph.paragraph_format.space_after = Pt(0)
            if r >= head_rows and kinds[c] == "figure":
                paragraph.alignment = align
            run = paragraph.add_run(text)
            run.font.size = Pt(style["size"])
            run.bold = r < head_rows
            if style["stripes"] and r >= head_rows and (r - head_rows) % 2 == 1:
                word_cell._tc.get_or_add_tcPr().append(
                    parse_xml(f"<w:shd {nsdecls('w')} w:val='clear' w:color='auto' w:fill='E8EEF5'/>"))
    if style.get("repeat_head"):
        for row in table.rows[:head_rows]:
            row._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    # (every cell of the Word table its borders, the slots a cell spanning rows
    # covers too: Word draws a merged cell's sides from each of its slots)
    for tc in (tc for row in table.rows for tc in row._tr.tc_lst if border):
        tc.get_or_add_tcPr().append(parse_xml(f"<w:tcBorders {nsdecls('w')}>{border}</w:tcBorders>"))


def print_with_libreoffice(made, out, size="A3"):
    """The tables as a Word document, a page each, converted to PDF by LibreOffice."""
    import docx
    from docx.enum.text import WD_BREAK
    from docx.shared import Mm
    doc = docx.Document()
    section = doc.sections[0]
    section.page_width, section.page_height = {"A3": (Mm(297), Mm(420)), "A4": (Mm(210), Mm(297))}[size]
    for n, m in enumerate(made):
        doc.add_heading(f"Table {n + 1}", level=3)
        doc.add_paragraph(INTRO)
        word_table(doc, *m)
        doc.add_paragraph(SOURCE).add_run().add_break(WD_BREAK.PAGE)
    doc.save(out / "tables.docx")
    return convert_with_libreoffice(out / "tables.docx")


def cell_value(text, kind):
    """A cell as a spreadsheet holds it: a figure as a number and the format that
    shows it as drawn ("£12,345", "12.3%"), other text as text."""
    if kind != "figure" or not text:
        return text, None
    if text.endswith("%"):
        return float(text[:-1]) / 100, "0.0%"
    if text.startswith("£"):
        return int(text[1:].replace(",", "")), '"£"#,##0'
    return int(text.replace(",", "")), "#,##0" if "," in text else "0"


# Helvetica's advance widths (thousandths of an em; Arial and Liberation Sans share them)
# for the letters the tables use, to wrap a cell's text as the spreadsheet will.
ADVANCES = dict(zip(" !%&'(),-./0123456789:;?", [278, 278, 889, 667, 191, 333, 333, 278, 333, 278, 278]
                    + [556] * 10 + [278, 278, 556]))
ADVANCES.update(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", [667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556,
                                                   833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
                                                   667, 611]))
ADVANCES.update(zip("abcdefghijklmnopqrstuvwxyz", [556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222,
                                                   833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500,
                                                   500, 500]))
ADVANCES["£"] = 556


def line_count(text, width, size, bold=False):
    """The lines a cell's text wraps to in a column `width` characters wide (a
    character of column width is 7 px, plus 5 px, at 96 to the inch; less the
    cell's margins), with a little to spare: bold letters are about a tenth wider."""
    room = (width * 7 + 5) * 0.75 - 6
    scale = size / 1000 * (1.12 if bold else 1.03)
    lines, used = 1, 0.0
    for word in text.split():
        length = sum(ADVANCES.get(ch, 600) for ch in word) * scale
        if used and used + ADVANCES[" "] * scale + length > room:
            lines, used = lines + 1, length
        else:
            used += (ADVANCES[" "] * scale if used else 0) + length
    return lines


def sheet_table(sheet, grid, head_rows, kinds, style):
    """A table as a spreadsheet sets it (openpyxl): its own sheet, a title and a note
    above it, columns sized to their kind, text wrapped in its column, merged cells for
    spans, figures as numbers in number formats, borders and fills as the style says."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    size = style["size"]
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A3
    # (each sheet on one page, scaled to fit as a spreadsheet's print set-up does)
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToWidth = sheet.page_setup.fitToHeight = 1
    sheet["A1"] = sheet.title
    sheet["A1"].font = Font(name="Arial", bold=True, size=size + 3)
    sheet["A2"] = INTRO
    sheet["A2"].font = Font(name="Arial", size=size)
    widths = {"name": 30, "figure": 13, "text": 42}
    for c, kind in enumerate(kinds):
        sheet.column_dimensions[chr(ord("A") + c)].width = widths[kind]
    thin = Side(style="thin", color="333333")
    rule = Side(style="thin", color="999999")
    border = {"none": Border(), "rows": Border(bottom=rule),
              "boxed": Border(left=thin, right=thin, top=thin, bottom=thin)}[style["rules"]]
    vertical = {"top": "top", "middle": "center", "bottom": "bottom"}[style["valign"]]
    header_fill = style.get("dark_head")
    first = 4
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            slot = sheet.cell(row=first + r, column=c + 1)
            slot.border = border
            if r >= head_rows and style["stripes"] and (r - head_rows) % 2 == 1:
                slot.fill = PatternFill("solid", fgColor="E8EEF5")
            if r < head_rows and header_fill:
                slot.fill = PatternFill("solid", fgColor="1F3864")
            if not cell:
                continue
            text, rowspan, colspan = cell
            heading = r < head_rows
            value, number_format = (text, None) if heading else cell_value(text, kinds[c])
            slot.value = value
            if number_format:
                slot.number_format = number_format
            slot.font = Font(name="Arial", size=size, bold=heading, color="FFFFFF" if heading and header_fill else None)
            align = style["figures"] if not heading and kinds[c] == "figure" else "left"
            slot.alignment = Alignment(horizontal=align, wrap_text=True,
                                       vertical="bottom" if heading and rowspan > 1 else vertical)
            if rowspan > 1 or colspan > 1:
                sheet.merge_cells(start_row=first + r, start_column=c + 1,
                                  end_row=first + r + rowspan - 1, end_column=c + colspan)
    # (rows as tall as their wrapped text, as a spreadsheet's autofit sets them: the
    # converter keeps a row's stored height, and text taller than it would overprint)
    for r, row in enumerate(grid):
        lines = max((line_count(cell[0], widths[kinds[c]] * cell[2], size, bold=r < head_rows)
                     for c, cell in enumerate(row) if cell), default=1)
        sheet.row_dimensions[first + r].height = lines * size * 1.25 + style["pad"] / 2
    sheet.cell(row=first + len(grid) + 1, column=1, value=SOURCE).font = Font(name="Arial", size=size)


def print_with_calc(made, out, size="A3"):
    """The tables as a spreadsheet, a sheet each, converted to PDF by LibreOffice Calc
    (which starts each sheet on a new page)."""
    import openpyxl
    book = openpyxl.Workbook()
    book.remove(book.active)
    for n, m in enumerate(made):
        sheet_table(book.create_sheet(f"Table {n + 1}"), *m)
    book.save(out / "tables.xlsx")
    return convert_with_libreoffice(out / "tables.xlsx")


# (PowerPoint's own table styles, by id: no fills or lines, and black lines round every cell)
NO_STYLE_NO_GRID = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"
NO_STYLE_TABLE_GRID = "{5940675A-B579-460E-94D1-54222C63F5DA}"


def rule_under(cell, colour):
    """A line along the foot of a slide table's cell, as the first of the cell's
    properties (python-pptx has no call for it; the schema puts the lines before
    the fill, which is set after this)."""
    from lxml import etree
    from pptx.oxml.ns import qn
    line = etree.Element(qn("a:lnB"), w="9525")
    etree.SubElement(etree.SubElement(line, qn("a:solidFill")), qn("a:srgbClr"), val=colour)
    cell._tc.get_or_add_tcPr().insert(0, line)


def slide_table(slide, grid, head_rows, kinds, style, frame):
    """A table as a presentation sets it (python-pptx): a table shape on its own
    slide, columns sized to their kind, its cells' text wrapped, anchored at the
    top, middle or foot, padded by the cells' margins; the table style without
    lines (rules under each row drawn cell by cell) or with a grid; stripes and a
    dark head as cells' fills; spans as merged cells."""
    from pptx.dml.color import RGBColor
    from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
    from pptx.oxml.ns import qn
    from pptx.util import Pt
    left, top, width = frame
    size, pad = style["size"], style["pad"] * 0.75
    share = WIDTH_SHARE[style["width"]]
    weights = COLUMN_WEIGHTS
    total = sum(weights[k] for k in kinds)
    shape = slide.shapes.add_table(len(grid), len(kinds), left, top, int(width * share),
                                   Pt((size * 1.2 + 2 * pad) * len(grid)))
    table = shape.table
    themed = style.get("themed")
    if themed:  # (python-pptx's own default, as PowerPoint's: Medium Style 2, Accent 1)
        table.first_row, table.horz_banding = True, style["stripes"]
    else:
        shape._element.find(".//" + qn("a:tableStyleId")).text = \
            NO_STYLE_TABLE_GRID if style["rules"] == "boxed" else NO_STYLE_NO_GRID
    for c, kind in enumerate(kinds):
        table.columns[c].width = int(width * share * weights[kind] / total)
    for r in range(len(grid)):
        table.rows[r].height = Pt(size * 1.2 + 2 * pad)
    anchor = {"top": MSO_ANCHOR.TOP, "middle": MSO_ANCHOR.MIDDLE, "bottom": MSO_ANCHOR.BOTTOM}[style["valign"]]
    align = {"left": PP_ALIGN.LEFT, "center": PP_ALIGN.CENTER, "right": PP_ALIGN.RIGHT}[style["figures"]]
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            slot = table.cell(r, c)
            heading = r < head_rows
            slot.margin_top = slot.margin_bottom = Pt(pad)
            slot.margin_left = slot.margin_right = Pt(pad + 3)
            slot.vertical_anchor = anchor
            if style["rules"] == "rows":
                rule_under(slot, "999999")
            # (a themed table's head and stripes come from its style)
            fill = None if themed else (0x1F, 0x38, 0x64) if heading and style.get("dark_head") \
                else (0xE8, 0xEE, 0xF5) if not heading and style["stripes"] and (r - head_rows) % 2 == 1 else None
            if fill:
                slot.fill.solid()
                slot.fill.fore_color.rgb = RGBColor(*fill)
            if not cell:
                continue
            text, rowspan, colspan = cell
            slot.text = text
            paragraph = slot.text_frame.paragraphs[0]
            paragraph.alignment = align if not heading and kinds[c] == "figure" else PP_ALIGN.LEFT
            for font in [paragraph.font] + [run.font for run in paragraph.runs]:
                font.size, font.bold, font.name = Pt(size), heading, "Liberation Sans"
                if heading and style.get("dark_head") and not themed:
                    font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
            if heading and rowspan > 1:
                slot.vertical_anchor = MSO_ANCHOR.BOTTOM
            if rowspan > 1 or colspan > 1:
                slot.merge(table.cell(r + rowspan - 1, c + colspan - 1))


def print_with_impress(made, out, size="A3"):
    """The tables as a presentation, a slide each (16:9, as decks are set up; a
    panel's papers are often slides), converted to PDF by LibreOffice Impress."""
    from pptx import Presentation
    from pptx.util import Inches, Pt
    deck = Presentation()
    deck.slide_width, deck.slide_height = Inches(13.333), Inches(7.5)
    blank = deck.slide_layouts[6]
    for n, (grid, head_rows, kinds, style) in enumerate(made):
        slide = deck.slides.add_slide(blank)
        for text, top, points, bold in [(f"Table {n + 1}", 0.3, 20, True), (INTRO, 0.85, 12, False),
                                        (SOURCE, 7.0, 10, False)]:
            frame = slide.shapes.add_textbox(Inches(0.5), Inches(top), Inches(12.3), Inches(0.4)).text_frame
            frame.text = text
            font = frame.paragraphs[0].runs[0].font
            font.size, font.bold, font.name = Pt(points), bold, "Liberation Sans"
        slide_table(slide, grid, head_rows, kinds, style, (Inches(0.5), Inches(1.4), Inches(12.3)))
    deck.save(out / "tables.pptx")
    return convert_with_libreoffice(out / "tables.pptx")


def reportlab_table(grid, head_rows, kinds, style, frame_width):
    """A table as a Python report generator sets it (ReportLab's platypus): standard
    fonts not embedded, columns sized to their kind, text wrapped in paragraphs,
    rules, stripes and spans from the table's style commands."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth
    size = style["size"]
    share = WIDTH_SHARE[style["width"]]
    weights = COLUMN_WEIGHTS
    body_font, head_font = "Helvetica", "Helvetica-Bold"
    pad = style["pad"] * 0.75
    # (each column at least as wide as its longest word, as a report's author
    # would size it: ReportLab breaks a word too long for its column mid-word)
    longest = [max(stringWidth(word, head_font, size) for row in grid if row[c] and row[c][2] == 1
                   for word in row[c][0].split() or [""]) + 2 * (pad + 3) for c in range(len(kinds))]
    room = max(frame_width * share - sum(longest), 0)
    total = sum(weights[k] for k in kinds)
    widths = [need + room * weights[k] / total for need, k in zip(longest, kinds)]
    align = {"left": 0, "center": 1, "right": 2}[style["figures"]]

    def paragraph(text, r, c):
        heading = r < head_rows
        para = ParagraphStyle(f"c{r}-{c}", fontName=head_font if heading else body_font, fontSize=size,
                              leading=size * 1.2,
                              alignment=align if not heading and kinds[c] == "figure" else 0)
        return Paragraph(html.escape(text), para)

    data = [[paragraph(cell[0], r, c) if cell else "" for c, cell in enumerate(row)] for r, row in enumerate(grid)]
    valign = {"top": "TOP", "middle": "MIDDLE", "bottom": "BOTTOM"}[style["valign"]]
    commands = [("VALIGN", (0, 0), (-1, -1), valign),
                ("TOPPADDING", (0, 0), (-1, -1), pad), ("BOTTOMPADDING", (0, 0), (-1, -1), pad),
                ("LEFTPADDING", (0, 0), (-1, -1), pad + 3), ("RIGHTPADDING", (0, 0), (-1, -1), pad + 3)]
    if style["rules"] == "rows":
        commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.75, "#999999"))
    if style["rules"] == "boxed":
        commands.append(("GRID", (0, 0), (-1, -1), 0.75, "#333333"))
    if style["stripes"]:
        commands.append(("ROWBACKGROUNDS", (0, head_rows), (-1, -1), [None, "#E8EEF5"]))
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if cell and (cell[1] > 1 or cell[2] > 1):
                commands.append(("SPAN", (c, r), (c + cell[2] - 1, r + cell[1] - 1)))
                if r < head_rows and cell[1] > 1:
                    commands.append(("VALIGN", (c, r), (c, r), "BOTTOM"))
    repeat = head_rows if style.get("repeat_head") else 0
    return Table(data, colWidths=widths, repeatRows=repeat, style=TableStyle(commands), hAlign="LEFT")


def print_with_reportlab(made, out, size="A3"):
    """The tables as a ReportLab document, a page each (platypus splits a long table
    over pages, repeating its head when told to)."""
    from reportlab.lib.pagesizes import A3, A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate
    pdf = out / "tables.pdf"
    doc = SimpleDocTemplate(str(pdf), pagesize={"A3": A3, "A4": A4}[size], invariant=1)
    sheet = getSampleStyleSheet()
    story = []
    for n, (grid, head_rows, kinds, style) in enumerate(made):
        story += [Paragraph(f"Table {n + 1}", sheet["Heading3"]), Paragraph(INTRO, sheet["Normal"]),
                  reportlab_table(grid, head_rows, kinds, style, doc.width), Paragraph(SOURCE, sheet["Normal"]),
                  PageBreak()]
    doc.build(story)
    return pdf


LATEX_SPECIALS = {"&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_", "{": r"\{", "}": r"\}",
                  "£": r"\pounds{}", "’": "'"}


def covering_of(grid):
    """For each slot of the grid, the (row, column) of the cell that covers it."""
    cover = [[None] * len(row) for row in grid]
    for r, row in enumerate(grid):
        for c, cell in enumerate(row):
            if cell:
                for rr in range(r, r + cell[1]):
                    for cc in range(c, c + cell[2]):
                        cover[rr][cc] = (r, c)
    return cover


def latex_rule(cover, r, style, head_rows):
    """The rule a LaTeX author draws under row r: under every column (\\hline,
    booktabs' \\midrule under the head) or under those whose cell ends there
    (\\cline, \\cmidrule); none in the body of an unruled or booktabs table."""
    kind = style["rules"] if style["rules"] != "none" else style.get("latex_rules", "none")
    last = r == len(cover) - 1
    if kind == "none" or (kind == "booktabs" and r >= head_rows and not last):
        return ""
    if kind == "booktabs" and last:
        return r"\bottomrule"
    if kind == "booktabs" and r == head_rows - 1:
        return r"\midrule"
    ends = [last or cover[r][c] != cover[r + 1][c] for c in range(len(cover[r]))]
    if all(ends):
        return r"\hline"
    runs, c = [], 0
    while c < len(ends):
        if ends[c]:
            start = c
            while c < len(ends) and ends[c]:
                c += 1
            runs.append((start + 1, c))
        c += 1
    line = r"\cmidrule(lr)" if kind == "booktabs" else r"\cline"
    return "".join(f"{line}{{{a}-{b}}}" for a, b in runs)


def latex_rows(grid, head_rows, style):
    """The grid's rows as LaTeX tabular rows, each with the rule under it. A cell spanning
    columns is a \\multicolumn; one spanning rows a \\multirow set in its last row (so that
    a striped row does not paint over it); but a heading spanning the header rows of a
    table not boxed is set in the header's last row alone, as authors of such tables do."""
    cover = covering_of(grid)
    boxed = style["rules"] == "boxed"
    lines = []
    for r, row in enumerate(grid):
        cells, c = [], 0
        while c < len(row):
            top, left = cover[r][c]
            text, rowspan, colspan = grid[top][left]
            content = "".join(LATEX_SPECIALS.get(ch, ch) for ch in text)
            if top < head_rows:
                content = r"\textbf{" + content + "}"
            if r != top + rowspan - 1:
                content = ""
            elif rowspan > 1 and (boxed or top >= head_rows):
                content = r"\multirow{-" + str(rowspan) + "}{*}{" + content + "}"
            if colspan > 1:
                edge = ("|c|" if c == 0 else "c|") if boxed else "c"
                content = r"\multicolumn{" + str(colspan) + "}{" + edge + "}{" + content + "}"
            cells.append(content)
            c += colspan
        lines.append(" & ".join(cells) + r" \\ " + latex_rule(cover, r, style, head_rows))
    return lines


def text_column_width(kinds, style):
    """How wide a typesetter's author sets each text column (LaTeX's, Typst's): the share
    of the page's width the style asks for, within what the names and figures leave."""
    room = (18.0 if style.get("long") else 26.7) - 5.0 - 2.4 * kinds.count("figure")
    share = {"auto": 4.5, "100%": 7.0, "80%": 5.5}[style["width"]]
    return f"{min(share, room / max(kinds.count('text'), 1)):.2f}cm"


def latex_table(grid, head_rows, kinds, style):
    """A table as a LaTeX author sets it: a tabular (a longtable when it runs over pages),
    names in an l column, figures flush as the style says, wrapping text in a p, m or b
    column (set at the top, middle or foot of its row); \\hline rules, every cell boxed, or
    booktabs' rules; stripes by \\rowcolors."""
    boxed = style["rules"] == "boxed"
    # (text columns share what the names and figures leave of the page's width,
    # so that no table runs off the page)
    text_width = text_column_width(kinds, style)
    valign = {"top": "p", "middle": "m", "bottom": "b"}[style["valign"]]
    # (text set ragged right, unhyphenated, as careful authors set narrow columns: a reader
    # cannot tell a word broken at a line's end from one with a hyphen of its own)
    ragged = r">{\raggedright\arraybackslash}"
    specs = [{"name": "l", "figure": style["figures"][0], "text": f"{ragged}{valign}{{{text_width}}}"}[k]
             for k in kinds]
    spec = "|" + "|".join(specs) + "|" if boxed else "".join(specs)
    size = style["size"]
    top = r"\hline" if boxed else r"\toprule" if style.get("latex_rules") == "booktabs" else ""
    rows = latex_rows(grid, head_rows, style)
    setting = (rf"\fontsize{{{size}}}{{{size * 1.2:.1f}}}\selectfont"
               rf"\renewcommand{{\arraystretch}}{{{1 + style['pad'] / 10:.1f}}}"
               rf"\setlength{{\tabcolsep}}{{{style['pad'] + 3}pt}}\hyphenpenalty=10000")
    stripes = r"\rowcolors{" + str(head_rows + 1) + "}{}{stripe}" if style["stripes"] else ""
    if style.get("long"):
        head = "\n".join(rows[:head_rows])
        again = head if style.get("repeat_head") else ""
        body = f"{top}\n{head}\n\\endfirsthead\n{again}\n\\endhead\n" + "\n".join(rows[head_rows:])
        return (f"{{{setting}{stripes}\\setlength{{\\LTleft}}{{0pt}}\\setlength{{\\LTright}}{{\\fill}}"
                f"\\begin{{longtable}}{{{spec}}}\n{body}\n\\end{{longtable}}}}")
    body = f"{top}\n" + "\n".join(rows)
    return f"{{{setting}{stripes}\\noindent\\begin{{tabular}}{{{spec}}}\n{body}\n\\end{{tabular}}\\par}}"


def print_with_latex(made, out, size="A3"):
    """The tables as a LaTeX document, a page each, typeset by pdfLaTeX (Computer
    Modern's Type 1 fonts, words placed apart with no space glyphs between them)."""
    paper = {"A3": "a3paper", "A4": "a4paper"}[size]
    parts = [r"\documentclass{article}", rf"\usepackage[{paper},margin=15mm]{{geometry}}",
             r"\usepackage{array,booktabs,longtable,multirow}", r"\usepackage[table]{xcolor}",
             r"\definecolor{stripe}{HTML}{E8EEF5}", r"\setlength{\parindent}{0pt}", r"\begin{document}"]
    for n, (grid, head_rows, kinds, style) in enumerate(made):
        parts += [rf"\subsection*{{Table {n + 1}}}\label{{table{n + 1}}}", INTRO, "", latex_table(grid, head_rows, kinds, style),
                  "", r"\smallskip " + SOURCE, r"\clearpage"]
    parts.append(r"\end{document}")
    (out / "tables.tex").write_text("\n".join(parts), encoding="utf-8")
    # (longtable settles its columns' widths over runs, as LaTeX's cross-references do)
    for _ in range(3):
        subprocess.run(["pdflatex", "-interaction=nonstopmode", "-halt-on-error", "tables.tex"], cwd=out,
                       check=True, capture_output=True)
    return out / "tables.pdf"


def typst_string(text):
    """A cell's text as a Typst string literal (set as it is written: Typst's markup would
    turn an apostrophe into a curly one and read * _ # as markup)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def typst_table(grid, head_rows, kinds, style):
    """A table as a Typst author sets it: names and figures in auto columns, text in
    columns as wide as the LaTeX tables'; Typst's own rules (every cell boxed),
    a rule under each row, or none (half of those ruled as booktabs rules them, by hlines
    above and under the head and at the foot); stripes and alignment as functions of the
    cell's place; spans as table.cell's colspan and rowspan; the head a table.header set
    flush left (as a browser sets th), repeated on each page when told to."""
    size = style["size"]
    pad = style["pad"] * 0.75
    # (text columns share what the names and figures leave of the page's width, as the
    # LaTeX tables' do: Typst shrinks auto or fractional columns that do not fit below
    # their longest words, and sets the words over the next column)
    text_width = text_column_width(kinds, style)
    columns = ", ".join(text_width if k == "text" else "auto" for k in kinds)
    horizontal = ", ".join(style["figures"] if k == "figure" else "left" for k in kinds)
    vertical = {"top": "top", "middle": "horizon", "bottom": "bottom"}[style["valign"]]
    stroke = {"none": "none", "boxed": "0.75pt + rgb(\"#333333\")",
              "rows": "(x, y) => (bottom: 0.75pt + rgb(\"#999999\"))"}[style["rules"]]
    booktabs = style["rules"] == "none" and style.get("latex_rules") == "booktabs"
    fill = (f"(x, y) => if y >= {head_rows} and calc.odd(y - {head_rows}) {{ rgb(\"#e8eef5\") }}"
            if style["stripes"] else "none")
    cells = []
    for r, row in enumerate(grid):
        if booktabs and r == head_rows:
            cells.append("table.hline(stroke: 0.5pt)")
        for c, cell in enumerate(row):
            if not cell:
                continue
            text, rowspan, colspan = cell
            body = f"strong({typst_string(text)})" if r < head_rows else typst_string(text)
            spans = (f"colspan: {colspan}, " if colspan > 1 else "") + (f"rowspan: {rowspan}, " if rowspan > 1 else "")
            # (a heading spanning the header rows is set at their foot, as the HTML sets it)
            if r < head_rows and rowspan > 1:
                spans += "align: left + bottom, "
            cells.append(f"table.cell({spans}{body})" if spans else f"[#{body}]")
        if r == head_rows - 1:
            cells = [f"table.header(repeat: {'true' if style.get('repeat_head') else 'false'}, "
                     + ", ".join(cells) + ")"]
    if booktabs:
        cells = ["table.hline(stroke: 1pt)"] + cells + ["table.hline(stroke: 1pt)"]
    table = (f"table(columns: ({columns},), inset: (x: {pad + 3}pt, y: {pad}pt), stroke: {stroke}, fill: {fill},"
             f" align: (x, y) => if y < {head_rows} {{ left }} else {{ ({horizontal},).at(x) }} + {vertical},\n  " + ",\n  ".join(cells) + ")")
    width = {"auto": "auto", "100%": "100%", "80%": "80%"}[style["width"]]
    breakable = "true" if style.get("long") else "false"
    return f"#block(width: {width}, breakable: {breakable}, text(size: {size}pt, {table}))"


def print_with_typst(made, out, size="A3"):
    """The tables as a Typst document, a page each, compiled by Typst (its own layout,
    its bundled Libertinus Serif embedded as CID-keyed subsets)."""
    import typst
    parts = [f"#set page(paper: \"{size.lower()}\", margin: 15mm)", "#set par(justify: false)"]
    for n, (grid, head_rows, kinds, style) in enumerate(made):
        parts += [f"=== Table {n + 1}", INTRO, "", typst_table(grid, head_rows, kinds, style), "", SOURCE,
                  "#pagebreak(weak: true)"]
    (out / "tables.typ").write_text("\n".join(parts), encoding="utf-8")
    pdf = out / "tables.pdf"
    typst.compile(str(out / "tables.typ"), output=str(pdf))
    return pdf


def latex_start_pages(out, count):
    """The page each table starts on, from the labels LaTeX wrote (its headings are
    set where every page's first line is, and a reader takes them for running headers)."""
    aux = (out / "tables.aux").read_text(encoding="utf-8")
    pages = dict(re.findall(r"\\newlabel\{table(\d+)\}\{\{[^}]*\}\{(\d+)\}", aux))
    return [int(pages[str(n + 1)]) if str(n + 1) in pages else None for n in range(count)]


def start_pages(pdf, count):
    """The page each table starts on: where its heading ("Table 3") is, read by
    pypdf (a reader apart from the one measured: where a heading stands at the
    top of many pages, a reader may take it for a running header)."""
    from pypdf import PdfReader
    pages = {}
    for number, page in enumerate(PdfReader(pdf).pages, start=1):
        for line in page.extract_text().splitlines():
            pages.setdefault(" ".join(line.split()), number)
    return [pages.get(f"Table {n + 1}") for n in range(count)]


def score_whole_document(args, cases, pdf, out):
    """Tables that run over pages, read from the whole document at once (as `run`
    reads it, joining a table's parts) and scored against the whole table: the
    tables reportmine gives for the page each table starts on are its candidates.
    The peers read a page at a time, and are not scored here."""
    found = json.loads(subprocess.run([args.bin, "tables", str(pdf), "--format", "json"], capture_output=True,
                                      text=True, check=True).stdout)
    preds = {c["id"]: [{"rows": t["rows"]} for t in found if t["page"] == c["page"]] for c in cases}
    (out / "reportmine.json").write_text(json.dumps(preds), encoding="utf-8")
    subprocess.run([sys.executable, str(pathlib.Path(args.shared) / "tablebench" / "score.py"),
                    "--cases", str(out / "cases.json"), "--predictions", f"reportmine={out / 'reportmine.json'}",
                    "--summary-only"], check=True)


# how each program that rewrites PDFs prints one again: the command, given the PDF and the file to write
REPRINT = {
    "cairo": lambda pdf, out: ["pdftocairo", "-pdf", pdf, out],
    "ghostscript": lambda pdf, out: ["gs", "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfwrite",
                                     f"-sOutputFile={out}", pdf],
    "mupdf": lambda pdf, out: ["mutool", "convert", "-F", "pdf", "-o", out, pdf],
}


def scan_and_ocr(pdf, again):
    """The PDF as a scanner's software writes a paper copy: each page an image (300 dpi,
    grey) under the text Tesseract reads from it, drawn invisibly in its own font."""
    pages = pdf.with_name("scanned")
    pages.mkdir(exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", pdf, pages / "page"], check=True, capture_output=True)
    images = sorted(pages.glob("page-*.png"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    for image in images:
        subprocess.run(["tesseract", image, image.with_suffix(""), "-l", "eng", "pdf"], check=True,
                       capture_output=True)
    subprocess.run(["qpdf", "--empty", "--pages", *[i.with_suffix(".pdf") for i in images], "--", again],
                   check=True, capture_output=True)


def reprint(pdf, program):
    """The PDF printed again by `program` (a key of REPRINT, or ocr), in its place."""
    again = pdf.with_name("reprinted.pdf")
    if program == "ocr":
        scan_and_ocr(pdf, again)
    else:
        subprocess.run(REPRINT[program](pdf, again), check=True, capture_output=True)
    again.replace(pdf)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=40)
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--bin", default=str(ROOT / "target/release/reportmine"))
    ap.add_argument("--peers", action="store_true")
    ap.add_argument("--producer", choices=["chromium", "libreoffice", "calc", "reportlab", "weasyprint", "latex",
                                           "wkhtmltopdf", "impress", "typst", "xhtml2pdf", "fpdf2"],
                    default="chromium",
                    help="chromium prints the tables as HTML; libreoffice converts them as a Word document,"
                         " calc as a spreadsheet, reportlab as a Python report generator's document, weasyprint"
                         " lays the HTML out with its own engine, wkhtmltopdf with Qt's WebKit, latex typesets a"
                         " LaTeX document, impress sets each table on a presentation's slide (not with --long),"
                         " typst compiles a Typst document, xhtml2pdf lays the HTML out with pisa, fpdf2 sets"
                         " each table with fpdf2's table()")
    ap.add_argument("--spans", action="store_true",
                    help="give the tables spanning cells: a heading over columns, a name over two rows")
    ap.add_argument("--long", action="store_true",
                    help="tables of 30 to 90 rows on A4 pages, that run over page breaks")
    ap.add_argument("--partial-rules", action="store_true",
                    help="rule every table as figures are ruled: boxed, under the head and after the row"
                         " labels only (HTML producers but xhtml2pdf; with --spans, a heading over columns not ruled off"
                         " theirs)")
    ap.add_argument("--reprint", choices=sorted(REPRINT) + ["ocr"],
                    help="print the document again through a program that rewrites PDFs before it is read:"
                         " cairo (pdftocairo), ghostscript (pdfwrite) or mupdf (mutool convert); or ocr: scanned"
                         " at 300 dpi and read by Tesseract, its text drawn invisibly over each page's image")
    ap.add_argument("--themed", action="store_true",
                    help="with impress, each table keeps the presentation's own table style (a head in the"
                         " theme's colour, rows banded in its tints, white lines round every cell)")
    ap.add_argument("--no-score", action="store_true",
                    help="write the tables' PDF and cases.json only (for fixtures)")
    args = ap.parse_args()
    if args.themed and args.producer != "impress":
        ap.error("--themed is a presentation's table style: only with --producer impress")
    # (xhtml2pdf draws a table's border round each of its cells: ruled in part, it prints
    # every cell boxed, and its heading spanning the head's rows boxed on its own)
    partly_ruling_producers = ("chromium", "weasyprint", "wkhtmltopdf")
    if args.partial_rules and args.producer not in partly_ruling_producers:
        ap.error("--partial-rules is a style sheet's: only with chromium, weasyprint or wkhtmltopdf"
                 " (xhtml2pdf boxes every cell of a table with a border)")
    if args.long and args.producer == "impress":
        ap.error("a slide's table does not run over pages: --long cannot be printed by impress")
    rng = random.Random(args.seed)
    out = pathlib.Path(tempfile.mkdtemp(prefix="printed-tables-"))
    if args.long:
        drawn = [draw(rng, row_count=(30, 90), text_words=(1, 4)) for _ in range(args.count)]
    else:
        drawn = [draw(rng) for _ in range(args.count)]
    made = []
    for n, (heads, rows, kinds, style) in enumerate(drawn):
        if args.partial_rules:
            style = dict(style, rules="partial")
        # (spans are drawn apart, so that a seed draws the same tables with or without them)
        grid, head_rows = spanned_grid(random.Random(f"{args.seed}-{n}"), heads, rows, style) if args.spans \
            else grid_of(heads, rows)
        # (a word processor repeats a table's head on each page only when told to)
        repeat_head = random.Random(f"head-{args.seed}-{n}").random() < 0.5
        # (spreadsheets often set the headings white on a dark fill)
        dark_head = random.Random(f"dark-{args.seed}-{n}").random() < 0.3
        # (LaTeX authors often rule a table with booktabs: above and under the head, and at the foot)
        latex_rules = "booktabs" if random.Random(f"booktabs-{args.seed}-{n}").random() < 0.5 else "none"
        if args.producer == "latex":  # (TeX sets an apostrophe as a closing quote)
            grid = [[cell and (cell[0].replace("'", "’"),) + cell[1:] for cell in row] for row in grid]
        # (a table kept in the presentation's own style has white lines round every cell: boxed)
        if args.themed:
            style = dict(style, rules="boxed")
        made.append((grid, head_rows, kinds, dict(style, spans=args.spans, long=args.long, repeat_head=repeat_head,
                                                  dark_head=dark_head, latex_rules=latex_rules,
                                                  themed=args.themed)))
    printer = {"chromium": print_with_chromium, "libreoffice": print_with_libreoffice,
               "calc": print_with_calc, "reportlab": print_with_reportlab,
               "weasyprint": print_with_weasyprint, "latex": print_with_latex,
               "wkhtmltopdf": print_with_wkhtmltopdf, "impress": print_with_impress,
               "typst": print_with_typst, "xhtml2pdf": print_with_xhtml2pdf,
               "fpdf2": print_with_fpdf2}[args.producer]
    pdf = printer(made, out, size="A4" if args.long else "A3")
    # (a sheet is scaled to one page; its title and note sit where every other sheet's
    # do, and a reader takes them for a running header, so the pages are not looked up)
    pages = list(range(1, args.count + 1)) if args.producer == "calc" \
        else latex_start_pages(out, args.count) if args.producer == "latex" else start_pages(pdf, args.count)
    if None in pages or (not args.long and pages != list(range(1, args.count + 1))):
        print(f"warning: {pdf}: the tables' headings are not where they should be: {pages}", file=sys.stderr)
    if args.reprint:  # (after the pages are looked up: a rewriter can lose text)
        reprint(pdf, args.reprint)
    name = "long" if args.long else "spanned" if args.spans else "printed"
    cases = [{"id": f"{name}-{args.seed}-{n + 1}", "pdf": pdf.name, "page": page or n + 1,
              "expected": expected_of(grid, head_rows, style),
              "method_hint": "stream" if style["rules"] == "none" else "lattice", "style": style}
             for n, ((grid, head_rows, _, style), page) in enumerate(zip(made, pages))]
    (out / "cases.json").write_text(json.dumps(cases, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(cases)} tables in {pdf}", file=sys.stderr)
    if args.no_score:
        return
    if args.long:
        score_whole_document(args, cases, pdf, out)
        return
    cmd = [sys.executable, str(ROOT / "benches/tablebench.py"), "--shared", args.shared, "--bin", args.bin,
           "--cases", str(out / "cases.json")]
    subprocess.run(cmd + (["--peers"] if args.peers else []), check=True)


if __name__ == "__main__":
    main()
