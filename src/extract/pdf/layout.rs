//! Layout: positioned glyphs into lines, lines into blocks in reading order.
//!
//! Every heuristic's threshold is a named field of [`LayoutSettings`], as a
//! multiple of the font size where it is a distance (pdfplumber's practice).

use super::geometry::enclosing;
use super::interpreter::{FontStyle, Glyph};
use crate::document::{BlockKind, RawBlock};
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone)]
pub struct LayoutSettings {
    /// A horizontal gap wider than this (× font size) between glyphs is a space.
    pub word_gap: f64,
    /// A gap wider than this (× font size) on one baseline splits the line (columns, table cells).
    pub segment_gap: f64,
    /// Glyphs whose baselines differ by less than this (× font size) share a line.
    pub baseline_tolerance: f64,
    /// A glyph at most this share of the text's size is a superscript or subscript...
    pub script_size: f64,
    /// ...and joins the text it is set against when raised or lowered at most this far (× size).
    pub script_shift: f64,
    /// A smaller glyph raised more than this (× size) is a superscript.
    pub script_raise: f64,
    /// Lines further apart than this (× font size, baseline to baseline) start a new block.
    pub max_line_spacing: f64,
    /// Relative font-size difference that separates blocks.
    pub size_change: f64,
    /// A block this much larger than body text (ratio) is a heading.
    pub heading_ratio: f64,
    /// Share of the page height at the top and bottom where running headers and footers live.
    pub margin_band: f64,
    /// A margin line repeated on at least this share of pages (and on two or more) is furniture.
    pub repeat_share: f64,
    /// Longest text (in words) a bold body-size line may have to count as a heading.
    pub bold_heading_words: usize,
    /// How many blocks back a line may continue one, when the blocks between lie beside it.
    pub column_lookback: usize,
    /// Fewest words per line, on average, for blocks to be read as prose columns.
    pub column_min_words: f64,
    /// Text at most this size relative to the body can be a footnote.
    pub footnote_ratio: f64,
    /// Whether a line is parted where two runs of text stand a gap apart with
    /// no space drawn between them (see [`draws_word_spaces`]): a spreadsheet
    /// sets a cell's text a hair from the next cell's, closer than a word space.
    pub unspaced_gaps: UnspacedGaps,
}

/// How a line treats a gap with no space drawn in it, after tight letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum UnspacedGaps {
    /// A word space, as any gap wider than letter spacing is.
    #[default]
    Joined,
    /// The end of a cell when a figure ends there: a figure is a cell of its
    /// own, where words may be set apart on a line for many reasons (a form's
    /// label and its value).
    PartedAfterFigures,
    /// The end of a cell.
    Parted,
}

impl Default for LayoutSettings {
    fn default() -> Self {
        LayoutSettings {
            word_gap: 0.12,
            segment_gap: 2.0,
            baseline_tolerance: 0.45,
            script_size: 0.85,
            script_shift: 0.6,
            script_raise: 0.2,
            max_line_spacing: 1.75,
            size_change: 0.12,
            heading_ratio: 1.15,
            margin_band: 0.09,
            repeat_share: 0.4,
            bold_heading_words: 14,
            column_lookback: 3,
            column_min_words: 4.0,
            footnote_ratio: 0.85,
            unspaced_gaps: UnspacedGaps::Joined,
        }
    }
}

/// A line of text on one baseline, in page space.
#[derive(Debug, Clone)]
pub struct Line {
    pub page: u32,
    pub text: String,
    pub x0: f64,
    pub x1: f64,
    pub top: f64,
    pub bottom: f64,
    pub baseline: f64,
    pub size: f64,
    pub bold: bool,
    /// The line starts with a symbol-font glyph (a bullet drawn from a dingbat font).
    pub symbol_start: bool,
    /// Writing direction ([1, 0] for ordinary text); `baseline` is measured across it.
    pub dir: [f64; 2],
    /// Extent along the writing direction.
    pub u0: f64,
    pub u1: f64,
}

/// A glyph's position in its own writing frame: start and end along the
/// direction, and the baseline's offset across it (page y for upright text).
fn writing_frame(g: &Glyph) -> (f64, f64, f64) {
    let u0 = g.origin[0] * g.dir[0] + g.origin[1] * g.dir[1];
    let v = -g.origin[0] * g.dir[1] + g.origin[1] * g.dir[0];
    (u0, u0 + g.advance, v)
}

fn same_direction(a: [f64; 2], b: [f64; 2]) -> bool {
    a[0] * b[0] + a[1] * b[1] > 0.995
}

/// Builds lines from one page's glyphs in content-stream order, which is the
/// authoring order for the word processors and browsers that make reports.
pub fn page_lines<'g>(
    page_no: u32,
    glyphs: impl IntoIterator<Item = &'g Glyph>,
    fonts: &[FontStyle],
    s: &LayoutSettings,
) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut current: Option<(Line, usize, usize)> = None; // line, glyph count, bold glyph count
                                                          // (whether the line's last glyph stands tight against the one before it:
                                                          // a gap after a run of tight letters is a word's end, not letter spacing)
    let mut tight = false;
    // (the space the line ends with, if it ends with one drawn: its width,
    // and how far word spacing stretched it)
    let mut trailing_space: Option<&Glyph> = None;
    for g in glyphs {
        let style = fonts.get(g.font as usize).cloned().unwrap_or_default();
        if let Some((line, n, bold)) = current.as_mut() {
            let (u0, u1, v) = writing_frame(g);
            let gap = u0 - line.u1;
            let size = line.size.max(g.size);
            let unspaced =
                gap > s.word_gap * size && !line.text.ends_with(' ') && !g.text.starts_with(' ');
            // (a figure of one glyph, a lone digit, is as tight as its letters go)
            let lone_figure = *n == 1 && super::holds_data(&line.text);
            let parted = unspaced
                && (tight || lone_figure)
                && match s.unspaced_gaps {
                    UnspacedGaps::Joined => false,
                    UnspacedGaps::PartedAfterFigures => {
                        super::holds_data(line.text.rsplit(' ').next().unwrap_or(""))
                    }
                    UnspacedGaps::Parted => true,
                };
            // (a justified line's words stand where its stretched spaces
            // moved the pen: a word's letters after a word's)
            let space_drawn = trailing_space.map_or(0.0, |sp| sp.advance);
            let stretch = trailing_space.map_or(0.0, |sp| sp.stretch);
            let reach = if stretched_between_words(line, g, stretch) {
                space_drawn.max(gap)
            } else {
                space_drawn
            };
            if continues_line(line, g, s, reach) && !parted {
                tight = !unspaced;
                trailing_space = (g.text == " ").then_some(g);
                if unspaced {
                    line.text.push(' ');
                }
                if is_raised_script(line, g, s) {
                    // a raised figure is a footnote mark or a power: "300²",
                    // not "3002", so that it is never read as part of a number
                    line.text.extend(g.text.chars().map(superscript));
                } else {
                    push_normalised(&mut line.text, &g.text);
                }
                line.x0 = line.x0.min(g.x0);
                line.x1 = line.x1.max(g.x1);
                line.u1 = line.u1.max(u1);
                line.top = line.top.min(g.top);
                line.bottom = line.bottom.max(g.bottom);
                // The line's size is its largest non-superscript glyph.
                if g.size > line.size {
                    line.size = g.size;
                    line.baseline = v;
                }
                *n += 1;
                *bold += usize::from(style.bold);
                continue;
            }
        }
        if let Some((line, n, bold)) = current.take() {
            lines.push(finish_line(line, n, bold));
        }
        tight = false;
        trailing_space = (g.text == " ").then_some(g);
        if let Some(host) = marker_host(&lines, g, style.symbolic, s) {
            lead_with_marker(&mut lines[host], g);
            continue;
        }
        let mut text = String::with_capacity(64);
        if style.symbolic && !is_pictograph(&g.text) {
            text.push('\u{2022}');
        } else {
            push_normalised(&mut text, &g.text);
        }
        let (u0, u1, v) = writing_frame(g);
        current = Some((
            Line {
                page: page_no,
                text,
                x0: g.x0,
                x1: g.x1,
                top: g.top,
                bottom: g.bottom,
                baseline: v,
                size: g.size,
                bold: false,
                symbol_start: style.symbolic,
                dir: g.dir,
                u0,
                u1,
            },
            1,
            usize::from(style.bold),
        ));
    }
    if let Some((line, n, bold)) = current.take() {
        lines.push(finish_line(line, n, bold));
    }
    lines.retain(|l| !l.text.trim().is_empty());
    for l in &mut lines {
        l.text = l.text.trim().to_string();
    }
    lines
}

/// Whether the producer draws word spaces as glyphs (most do; TeX and some
/// print drivers move the pen instead): then a gap with no space drawn in it
/// parts two texts set apart, such as two cells. A table of figures has few
/// spaces, so a few among the glyphs are enough.
pub fn draws_word_spaces<'g>(glyphs: impl IntoIterator<Item = &'g Glyph>) -> bool {
    let (mut spaces, mut all) = (0usize, 0usize);
    for g in glyphs {
        all += 1;
        spaces += usize::from(g.text == " ");
    }
    spaces >= MIN_DRAWN_SPACES && spaces * 50 >= all
}

/// Fewest space glyphs that show a producer draws its word spaces.
const MIN_DRAWN_SPACES: usize = 3;

/// Whether glyph `g` starts a word where the space `line` ends with, stretched
/// by word spacing (`stretch`), moved the pen, between words of letters: a
/// justified line's words (fpdf2 justifies table cells). A producer that
/// moves the pen across columns by word spacing (Word, between figures)
/// has a figure on one side.
fn stretched_between_words(line: &Line, g: &Glyph, stretch: f64) -> bool {
    if stretch <= 0.0 {
        return false;
    }
    let size = line.size.max(g.size);
    let (u0, _, _) = writing_frame(g);
    let landed = (u0 - line.u1 - stretch).abs() <= PEN_TOLERANCE * size;
    let last_word = line.text.trim_end().rsplit(' ').next().unwrap_or("");
    let letters = |word: &str| {
        word.chars().any(char::is_alphabetic) && !word.chars().any(|c| c.is_ascii_digit())
    };
    landed && letters(last_word) && g.text.chars().next().is_some_and(char::is_alphabetic)
}

/// How far (× the type's size) a glyph may stand from where the pen was
/// moved and still stand there (rounding of the content's numbers).
pub(super) const PEN_TOLERANCE: f64 = 0.1;

/// Whether glyph `g` carries on `line`: on its baseline (or a script's
/// shift off it) and no further on than a segment's gap, or than the width
/// of the space the line ends with (`space_drawn`): an OCR program draws a
/// space as wide as a letter after each word and places the next word where
/// it saw it, a little further on.
fn continues_line(line: &Line, g: &Glyph, s: &LayoutSettings, space_drawn: f64) -> bool {
    if !same_direction(line.dir, g.dir) {
        return false;
    }
    let (u0, _, v) = writing_frame(g);
    let size = line.size.max(g.size);
    let shift = (v - line.baseline).abs();
    let same_baseline = shift <= s.baseline_tolerance * size;
    // A superscript or subscript (a footnote mark, "m²") is set smaller and
    // raised or lowered further than a baseline wobbles, but stays inside
    // the letters of the text it follows (or that follows it).
    let script = line.size.min(g.size) <= s.script_size * size && shift <= s.script_shift * size;
    let gap = u0 - line.u1;
    (same_baseline || script)
        && gap >= -0.5 * size
        && gap <= (s.segment_gap * size).max(space_drawn)
}

/// The line a bullet leads when the producer draws it after the item's
/// text (WeasyPrint draws list markers last): a line already read, on the
/// bullet's baseline, that starts just after it and has no marker of its own.
fn marker_host(lines: &[Line], g: &Glyph, symbolic: bool, s: &LayoutSettings) -> Option<usize> {
    let mut chars = g.text.trim().chars();
    let bullet =
        symbolic || matches!((chars.next(), chars.next()), (Some(c), None) if is_bullet_glyph(c));
    if !bullet {
        return None;
    }
    let (_, u1, v) = writing_frame(g);
    let nearby = lines.len().saturating_sub(MARKER_LOOKBACK);
    let host = lines[nearby..].iter().rposition(|l| {
        let size = l.size.max(g.size);
        let gap = l.u0 - u1;
        same_direction(l.dir, g.dir)
            && (l.baseline - v).abs() <= s.baseline_tolerance * size
            && gap >= -0.1 * size
            && gap <= s.segment_gap * size
            && list_marker(l).is_none()
    })?;
    Some(nearby + host)
}

/// How many lines back a bullet drawn late looks for its item's line.
const MARKER_LOOKBACK: usize = 64;

/// Puts a bullet drawn after its item's text at the head of the item's line.
fn lead_with_marker(line: &mut Line, g: &Glyph) {
    let (u0, _, _) = writing_frame(g);
    line.text = format!("\u{2022} {}", line.text);
    line.symbol_start = true;
    line.x0 = line.x0.min(g.x0);
    line.x1 = line.x1.max(g.x1);
    line.top = line.top.min(g.top);
    line.bottom = line.bottom.max(g.bottom);
    line.u0 = line.u0.min(u0);
}

/// Whether `g`, joining `line`, is set smaller than it and raised above its
/// baseline further than a baseline wobbles (upright text only).
fn is_raised_script(line: &Line, g: &Glyph, s: &LayoutSettings) -> bool {
    let (_, _, v) = writing_frame(g);
    let raised = line.baseline - v;
    line.dir[0] > 0.99 && g.size <= s.script_size * line.size && raised > s.script_raise * line.size
}

/// A digit's superscript form; other characters as they are.
fn superscript(c: char) -> char {
    match c {
        '0' => '⁰',
        '1' => '¹',
        '2' => '²',
        '3' => '³',
        '4' => '⁴',
        '5' => '⁵',
        '6' => '⁶',
        '7' => '⁷',
        '8' => '⁸',
        '9' => '⁹',
        _ => c,
    }
}

fn finish_line(mut line: Line, glyphs: usize, bold: usize) -> Line {
    // Bold when most glyphs are (a bold line may hold a regular space or digit).
    line.bold = bold * 2 > glyphs;
    if super::bidi::has_rtl(&line.text) {
        line.text = super::bidi::visual_to_logical(&line.text);
    }
    line
}

/// Ligatures become their letters; a soft hyphen and a no-break space become what readers see:
/// a soft hyphen drawn is a hyphen on the page (a font whose hyphen glyph serves U+002D and
/// U+00AD may be mapped to either: MuPDF maps it to the soft hyphen, so "-23.7%" read
/// "\u{ad}23.7%"), and at a line's end it is undone as a hyphen is.
#[cfg(test)]
fn normalise_glyph(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_normalised(&mut out, text);
    out
}

/// Appends a glyph's text as readers see it (see [`normalise_glyph`]), without allocating.
fn push_normalised(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '\u{fb00}' => out.push_str("ff"),
            '\u{fb01}' => out.push_str("fi"),
            '\u{fb02}' => out.push_str("fl"),
            '\u{fb03}' => out.push_str("ffi"),
            '\u{fb04}' => out.push_str("ffl"),
            '\u{fb05}' | '\u{fb06}' => out.push_str("st"),
            // (spaces drawn two in a row, typed so, read as one)
            ' ' | '\u{a0}' | '\t' | '\u{3000}' if out.ends_with(' ') => {}
            '\u{a0}' | '\t' => out.push(' '),
            '\u{ad}' => out.push('-'),
            '\u{0}' => {}
            '\u{f000}'..='\u{f0ff}' => out.push(symbol_font_char(c)),
            // Fullwidth ASCII (CJK typesetting) as the ASCII it stands for, as NFKC reads it.
            '\u{ff01}'..='\u{ff5e}' => out.extend(char::from_u32(c as u32 - 0xfee0)),
            '\u{3000}' => out.push(' '),
            _ => out.push(c),
        }
    }
}

/// Symbol fonts (Symbol, Wingdings) are mapped into the private-use range
/// U+F020-U+F0FF by their code (a Microsoft convention that producers keep).
/// The codes used as bullets and ticks become the characters they draw; any
/// other becomes a bullet, which is what such glyphs are in reports.
fn symbol_font_char(c: char) -> char {
    match c as u32 - 0xf000 {
        0xb7 | 0x9f => '•',
        0xa7 => '▪',
        0x6c => '●',
        0x6e => '■',
        0x71 => '❑',
        0x75 => '◆',
        0x76 => '❖',
        0xa8 => '◻',
        0xd8 => '➢',
        0xe8 => '➔',
        0xfc => '✓',
        0xfb => '✗',
        0x2d => '-',
        _ => '•',
    }
}

/// Drops running headers, footers and page numbers: lines in the page's top or
/// bottom band that repeat (digits ignored) across pages, or are a bare folio.
pub fn drop_page_furniture(pages: &mut [Vec<Line>], heights: &[f64], s: &LayoutSettings) {
    let in_band = |l: &Line, h: f64| in_margin_band(l.top, l.bottom, h, s);
    let mut seen: HashMap<String, usize> = HashMap::new();
    for (lines, h) in pages.iter().zip(heights) {
        let mut keys: Vec<String> = lines
            .iter()
            .filter(|l| in_band(l, *h))
            .map(|l| furniture_key(&l.text))
            .collect();
        keys.sort();
        keys.dedup();
        for k in keys {
            *seen.entry(k).or_default() += 1;
        }
    }
    let min_pages = ((pages.len() as f64 * s.repeat_share).ceil() as usize).max(2);
    for (lines, h) in pages.iter_mut().zip(heights) {
        lines.retain(|l| {
            if !in_band(l, *h) {
                return true;
            }
            let repeated = seen.get(&furniture_key(&l.text)).copied().unwrap_or(0) >= min_pages;
            !(repeated || is_folio(&l.text))
        });
    }
}

/// Whether a box (its top and bottom) lies in the band at a page's top or
/// foot (`margin_band` of its height) that running headers and footers use.
fn in_margin_band(top: f64, bottom: f64, height: f64, s: &LayoutSettings) -> bool {
    bottom <= height * s.margin_band || top >= height * (1.0 - s.margin_band)
}

/// Which glyphs of each page are its numbered running header or footer
/// ("Annual Report 2020/21 ... 12"), found before the page's tables are: a
/// table near the top or foot of a page, or one carried on from the page
/// before, would take such a line in as a row. They are the page's first
/// and last lines, in its top or bottom band, that stand at the same height
/// on three pages at least with the same words, their page numbers changing
/// from page to page (a table's head repeated over each page's part never
/// changes; a table's rows reaching into the band stand at no one height
/// with one label). Each page is given as its number, glyphs and height.
pub fn numbered_furniture(
    pages: &[(u32, &[Glyph], f64)],
    fonts: &[FontStyle],
    s: &LayoutSettings,
) -> Vec<Vec<bool>> {
    let outer_lines: Vec<Vec<Line>> = pages
        .iter()
        .map(|&(no, glyphs, h)| {
            let band = glyphs
                .iter()
                .filter(|g| in_margin_band(g.top, g.bottom, h, s));
            let lines = page_lines(no, band, fonts, s);
            let inked = glyphs.iter().filter(|g| !g.text.trim().is_empty());
            let (top, bottom) = inked.fold((f64::MAX, f64::MIN), |(t, b), g| {
                (t.min(g.centre().1), b.max(g.centre().1))
            });
            // (the page's first line, or its last: no glyph beyond it)
            let outer = lines.into_iter().filter(|l| {
                (l.bottom <= h * s.margin_band && l.top <= top)
                    || (l.top >= h * (1.0 - s.margin_band) && l.bottom >= bottom)
            });
            along_the_baseline(outer.collect())
        })
        .collect();
    // (for each line's words and height: the pages it stands on, and two of its texts)
    let place = |l: &Line| (furniture_key(&l.text), (l.baseline * 2.0).round() as i64);
    let mut seen: HashMap<(String, i64), Sightings> = HashMap::new();
    for lines in &outer_lines {
        for line in lines {
            let entry = seen.entry(place(line)).or_default();
            entry.0 += 1;
            if entry.1.iter().all(|(text, _)| *text != line.text) && entry.1.len() < 2 {
                entry.1.push((&line.text, line.page));
            }
        }
    }
    let numbered = |l: &Line| {
        seen.get(&place(l)).is_some_and(|(count, texts)| {
            *count >= NUMBERED_FURNITURE_PAGES
                && matches!(&texts[..], [a, b] if differ_in_folio(*a, *b))
        })
    };
    pages
        .iter()
        .zip(&outer_lines)
        .map(|(&(_, glyphs, _), lines)| {
            let boxes: Vec<&Line> = lines.iter().filter(|l| numbered(l)).collect();
            glyphs
                .iter()
                .map(|g| {
                    let (x, y) = g.centre();
                    boxes
                        .iter()
                        .any(|l| x >= l.x0 && x <= l.x1 && y >= l.top && y <= l.bottom)
                })
                .collect()
        })
        .collect()
}

/// How often a running line was seen (pages), and two of its texts with their pages.
type Sightings<'l> = (usize, Vec<(&'l str, u32)>);

/// Lines on one baseline joined left to right: a running header's title
/// and its page number set at the line's two ends read as one line.
fn along_the_baseline(mut lines: Vec<Line>) -> Vec<Line> {
    lines.sort_by(|a, b| {
        a.baseline
            .total_cmp(&b.baseline)
            .then(a.x0.total_cmp(&b.x0))
    });
    let mut out: Vec<Line> = Vec::new();
    for line in lines {
        match out.last_mut() {
            Some(last) if (line.baseline - last.baseline).abs() < 1.0 => {
                last.text = format!("{} {}", last.text, line.text);
                last.x0 = last.x0.min(line.x0);
                last.x1 = last.x1.max(line.x1);
                last.top = last.top.min(line.top);
                last.bottom = last.bottom.max(line.bottom);
            }
            _ => out.push(line),
        }
    }
    out
}

/// The fewest pages a numbered running header or footer is seen on (not
/// a share of them: a chapter's running header changes with the chapter).
const NUMBERED_FURNITURE_PAGES: usize = 3;

/// Whether two lines, each with its page, differ only in a page number:
/// a word of digits at either end of a line of words, or after "Page",
/// that goes up as the pages do ("Annual report 11" on page 12 and "Annual
/// report 12" on page 13; not "Table 2" on page 3 and "Table 3" on page 6,
/// nor a figure alone).
fn differ_in_folio((a, page_a): (&str, u32), (b, page_b): (&str, u32)) -> bool {
    let (a, b): (Vec<&str>, Vec<&str>) = (
        a.split_whitespace().collect(),
        b.split_whitespace().collect(),
    );
    let last = a.len().saturating_sub(1);
    let number = |word: &str| word.parse::<i64>().ok();
    let folio = |i: usize| {
        let placed = i == 0 || i == last || a[i - 1].eq_ignore_ascii_case("page");
        let step = number(b[i]).zip(number(a[i])).map(|(nb, na)| nb - na);
        placed && step == Some(i64::from(page_b) - i64::from(page_a))
    };
    let differing: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    a.len() == b.len() && a.len() >= 2 && differing.len() == 1 && folio(differing[0])
}

fn furniture_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| {
            if c.is_ascii_digit() {
                '#'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// A page number on its own: "7", "- 7 -", "Page 7", "Page 7 of 22", "vii".
fn is_folio(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace())
        .to_ascii_lowercase();
    let t = t.strip_prefix("page").map(str::trim).unwrap_or(&t);
    let core = t.split(" of ").next().unwrap_or("");
    (!core.is_empty() && core.chars().all(|c| c.is_ascii_digit()) && core.len() <= 4)
        || (!t.is_empty() && t.len() <= 6 && t.chars().all(|c| "ivxlc".contains(c)))
}

/// Groups lines into blocks and classifies them.
pub fn blocks_from_lines(pages: &[Vec<Line>], s: &LayoutSettings) -> Vec<RawBlock> {
    let body = body_size(pages);
    let mut groups: Vec<Vec<&Line>> = Vec::new();
    for lines in pages {
        for line in lines {
            let open = if list_marker(line).is_some() {
                None
            } else {
                open_group_for(&groups, line, s)
            };
            match open {
                Some(i) => groups[i].push(line),
                None => groups.push(vec![line]),
            }
        }
    }
    let heading_sizes = heading_levels(&groups, body, s);
    let leads = section_numbers(&groups, s);
    let numbers: HashSet<usize> = leads.values().copied().collect();
    (0..groups.len())
        .filter(|i| !numbers.contains(i))
        .map(|i| {
            let mut block = make_block(&groups[i], body, &heading_sizes, s);
            if block.kind == BlockKind::Paragraph && is_footnote(&groups, i, body, s) {
                block.kind = BlockKind::Footnote;
            }
            if let Some(&label) = leads.get(&i) {
                let number = groups[label][0];
                block.text = format!("{} {}", number.text, block.text);
                if let Some(bbox) = block.bbox.as_mut() {
                    bbox[0] = bbox[0].min((number.x0 * 100.0).round() / 100.0);
                }
            }
            block
        })
        .collect()
}

/// Section numbers set apart at the head of their heading's or paragraph's
/// first line ("1." a tab before "PURPOSE", "3.1" before its paragraph):
/// layout reads them as lines of their own, which would make a block of a
/// bare number. For each block so led (by index), the group of its number:
/// one line that is a list label (not a bullet), on the block's first line's
/// baseline, ending at most `SECTION_NUMBER_REACH` sizes before it starts,
/// which opens with a word (figures side by side, "7.3" and "3.8", stay apart).
fn section_numbers(groups: &[Vec<&Line>], s: &LayoutSettings) -> HashMap<usize, usize> {
    let labels = (0..groups.len()).filter(|&j| {
        let text = groups[j][0].text.as_str();
        groups[j].len() == 1 && is_list_label(text) && text.chars().count() > 1
    });
    let mut leads = HashMap::new();
    for j in labels {
        let number = groups[j][0];
        // (groups keep the page's order: the block a number leads opens near it)
        let near =
            j.saturating_sub(SECTION_NUMBER_GROUPS)..(j + SECTION_NUMBER_GROUPS).min(groups.len());
        let led = near.into_iter().find(|&i| {
            let first = groups[i][0];
            i != j
                && !leads.contains_key(&i)
                && first.text.starts_with(char::is_alphabetic)
                && first.page == number.page
                && first.dir == number.dir
                && (first.baseline - number.baseline).abs() <= s.baseline_tolerance * first.size
                && first.x0 > number.x1
                && first.x0 - number.x1 <= SECTION_NUMBER_REACH * first.size
        });
        if let Some(i) = led {
            leads.insert(i, j);
        }
    }
    leads
}

/// Farthest (× the text's size) a section number stands before its text,
/// and how many blocks on either side of it its text's is looked for among.
const SECTION_NUMBER_REACH: f64 = 6.0;
const SECTION_NUMBER_GROUPS: usize = 8;

/// The group a line continues: the newest, or one a little older when the
/// groups after it lie beside it (another column). Producers that write
/// columns line by line, alternating, are then read column by column.
fn open_group_for(groups: &[Vec<&Line>], line: &Line, s: &LayoutSettings) -> Option<usize> {
    let newest = groups.len().checked_sub(1)?;
    if joins_block(&groups[newest], line, s) {
        return Some(newest);
    }
    // Looking back is for prose columns only: table columns (figures, short
    // labels) are read row by row, as their rows are written.
    for i in (newest.saturating_sub(s.column_lookback)..newest).rev() {
        let beside = &groups[i + 1..];
        let prose = is_prose(&groups[i], s) && beside.iter().all(|g| is_prose(g, s));
        if prose
            && beside.iter().all(|g| !overlaps(g, &groups[i]))
            && joins_block(&groups[i], line, s)
        {
            return Some(i);
        }
    }
    None
}

/// Lines of running text: several words each on average.
fn is_prose(group: &[&Line], s: &LayoutSettings) -> bool {
    let words: usize = group
        .iter()
        .map(|l| l.text.split_whitespace().count())
        .sum();
    words as f64 >= s.column_min_words * group.len() as f64
}

fn span(group: &[&Line]) -> (f64, f64) {
    group
        .iter()
        .fold((f64::MAX, f64::MIN), |(a, b), l| (a.min(l.u0), b.max(l.u1)))
}

fn overlaps(a: &[&Line], b: &[&Line]) -> bool {
    let ((a0, a1), (b0, b1)) = (span(a), span(b));
    a[0].page == b[0].page && a0 < b1 && b0 < a1
}

fn joins_block(group: &[&Line], line: &Line, s: &LayoutSettings) -> bool {
    let last = group[group.len() - 1];
    if last.page != line.page || last.bold != line.bold || !same_direction(last.dir, line.dir) {
        return false;
    }
    let size = last.size.max(line.size);
    if (last.size - line.size).abs() > s.size_change * size {
        return false;
    }
    let spacing = line.baseline - last.baseline;
    if spacing <= 0.3 * size || spacing > s.max_line_spacing * size {
        return false;
    }
    // A list item's lines run on under its text; a line that starts left of
    // its marker is the paragraph after the list.
    let first = group[0];
    if list_marker(first).is_some() && line.u0 < first.u0 - 0.5 * size {
        return false;
    }
    let (u0, u1) = span(group);
    line.u0 < u1 && line.u1 > u0
}

/// The body text size: the size with the most characters, to half a point.
fn body_size(pages: &[Vec<Line>]) -> f64 {
    let mut by_size: HashMap<i64, usize> = HashMap::new();
    for l in pages.iter().flatten() {
        *by_size.entry((l.size * 2.0).round() as i64).or_default() += l.text.chars().count();
    }
    by_size
        .into_iter()
        .max_by_key(|(size, n)| (*n, -size))
        .map(|(s, _)| s as f64 / 2.0)
        .unwrap_or(10.0)
}

/// Distinct heading sizes, largest first: their rank is the heading level.
fn heading_levels(groups: &[Vec<&Line>], body: f64, s: &LayoutSettings) -> Vec<i64> {
    let mut sizes: Vec<i64> = groups
        .iter()
        .filter(|g| g[0].size >= body * s.heading_ratio && looks_like_heading_text(g))
        .map(|g| (g[0].size * 2.0).round() as i64)
        .collect();
    sizes.sort_unstable_by(|a, b| b.cmp(a));
    sizes.dedup();
    sizes
}

fn looks_like_heading_text(group: &[&Line]) -> bool {
    let words: usize = group
        .iter()
        .map(|l| l.text.split_whitespace().count())
        .sum();
    words <= 30 && group.len() <= 4
}

fn make_block(group: &[&Line], body: f64, heading_sizes: &[i64], s: &LayoutSettings) -> RawBlock {
    let text = join_lines(group);
    let first = group[0];
    let bbox = enclosing(group.iter().map(|l| [l.x0, l.top, l.x1, l.bottom]));
    let mut block = RawBlock::new(BlockKind::Paragraph, text);
    block.page = Some(first.page);
    block.bbox = Some(bbox.map(|v| (v * 100.0).round() / 100.0));
    let size_key = (first.size * 2.0).round() as i64;
    let words = block.text.split_whitespace().count();
    if let Some(rank) = heading_sizes.iter().position(|k| *k == size_key) {
        if looks_like_heading_text(group) {
            block.kind = BlockKind::Heading;
            block.level = Some((rank + 1).min(6) as u8);
        }
    } else if first.bold
        && words <= s.bold_heading_words
        && group.len() <= 2
        && first.size >= body * 0.95
        && !block.text.ends_with(['.', ':', ';', ','])
        && list_marker(first).is_none()
    {
        block.kind = BlockKind::Heading;
        block.level = Some((heading_sizes.len() + 1).min(6) as u8);
    } else if list_marker(first).is_some() {
        block.kind = BlockKind::ListItem;
        block.depth = Some(1);
    }
    block
}

/// A footnote: small text that starts with its mark (a number or symbol) and
/// has no body text below it on its page.
fn is_footnote(groups: &[Vec<&Line>], i: usize, body: f64, s: &LayoutSettings) -> bool {
    let first = groups[i][0];
    if first.size > body * s.footnote_ratio {
        return false;
    }
    let mark = first.text.split_whitespace().next().unwrap_or("");
    let marked = (!mark.is_empty() && mark.len() <= 3 && mark.chars().all(|c| c.is_ascii_digit()))
        || mark.starts_with(['*', '†', '‡']);
    let text_below = groups.iter().any(|g| {
        g[0].page == first.page && g[0].top > first.bottom && g[0].size > body * s.footnote_ratio
    });
    marked && !text_below && first.text.len() > mark.len()
}

/// The marker a list item starts with: a bullet character or a short number/letter label.
pub fn list_marker(line: &Line) -> Option<&str> {
    let text = line.text.as_str();
    let first = text.chars().next()?;
    let is_bullet = line.symbol_start || is_bullet(first);
    if is_bullet {
        return Some(&text[..first.len_utf8()]);
    }
    let label = text.split_whitespace().next()?;
    let core = label.strip_suffix(['.', ')'])?;
    let numbered =
        (!core.is_empty() && core.len() <= 3 && core.chars().all(|c| c.is_ascii_digit()))
            || (core.len() == 1 && core.chars().all(|c| c.is_ascii_lowercase()));
    (numbered && text.len() > label.len()).then_some(label)
}

/// A bullet character (private-use code points are symbol-font bullets).
pub fn is_bullet(c: char) -> bool {
    is_bullet_glyph(c) || "–✓✔·-*".contains(c) || ('\u{e000}'..='\u{f8ff}').contains(&c)
}

/// Whether a glyph's text is one pictograph (a tick, a cross, an arrow, a
/// shape) that a symbol font's ToUnicode map names: a compliance table's
/// ticks read as ticks. Other glyphs of symbol fonts read as bullets.
fn is_pictograph(text: &str) -> bool {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => matches!(c as u32,
            0x2190..=0x21ff | 0x25a0..=0x25ff | 0x2600..=0x27bf | 0x2b00..=0x2bff | 0x1f300..=0x1faff),
        _ => false,
    }
}

/// A character drawn only as a list's bullet, never in a word or a figure
/// (unlike "-", "*" or "·").
pub fn is_bullet_glyph(c: char) -> bool {
    "•◦▪▫●○■□‣⁃➢➤►▶❖◆◇".contains(c)
}

/// Whether a text is a list label on its own: a bullet, or a number or
/// letter with its punctuation ("4.", "4.1", "2.3.1", "1)", "(a)", "iv.").
/// A section number without punctuation ("4.1") reads like a figure ("2.6"):
/// a list shows itself by its other labels.
pub fn is_list_label(text: &str) -> bool {
    let t = text.trim();
    let mut chars = t.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return is_bullet(c);
    }
    let core = t
        .trim_start_matches('(')
        .trim_end_matches(['.', ')'])
        .to_ascii_lowercase();
    let decimal = !core.is_empty()
        && core.len() <= 8
        && core
            .split('.')
            .all(|p| (1..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()));
    let letter = core.len() == 1 && core.chars().all(|c| c.is_ascii_lowercase());
    let roman = (1..=4).contains(&core.len()) && core.chars().all(|c| "ivx".contains(c));
    let punctuated = t.len() > core.len();
    (decimal && (punctuated || core.contains('.'))) || ((letter || roman) && punctuated)
}

/// Joins a block's lines with spaces, undoing hyphenation at line ends.
fn join_lines(group: &[&Line]) -> String {
    let mut out = String::new();
    for line in group {
        if out.is_empty() {
            out.push_str(&line.text);
            continue;
        }
        let hyphenated = {
            let mut rev = out.chars().rev();
            rev.next() == Some('-') && rev.next().is_some_and(char::is_alphabetic)
        };
        if hyphenated && line.text.chars().next().is_some_and(char::is_lowercase) {
            out.pop();
        } else {
            out.push(' ');
        }
        out.push_str(&line.text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::pdf::interpreter::test_glyphs;

    fn texts(gs: &[Glyph]) -> Vec<String> {
        page_lines(0, gs, &[], &LayoutSettings::default())
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    fn lines_of(gs: &[Glyph], s: &LayoutSettings) -> Vec<String> {
        page_lines(0, gs, &[], s)
            .into_iter()
            .map(|l| l.text)
            .collect()
    }

    #[test]
    fn a_word_placed_a_little_past_the_space_drawn_before_it_carries_on_the_line() {
        // (Tesseract's text layer: a space as wide as a letter after each
        // word, 5 pt here, the next word where it was seen, 4.5 pt further on,
        // past a table's segment gap of 0.4 sizes; 6 pt further is a gap of
        // its own, as is 9 pt with no space drawn)
        let tight = LayoutSettings {
            segment_gap: 0.4,
            ..LayoutSettings::default()
        };
        let line = |first: &str, second_at: f64| {
            let mut gs = test_glyphs(first, 0.0, 20.0, 10.0);
            gs.extend(test_glyphs("reduction", second_at, 20.0, 10.0));
            lines_of(&gs, &tight)
        };
        assert_eq!(line("Road ", 29.5), ["Road reduction"]);
        assert_eq!(line("Road ", 31.0).len(), 2);
        assert_eq!(line("Road", 29.0).len(), 2);
    }

    /// `first`, its last glyph a space stretched 20 pt by word spacing, and
    /// `second` where the pen landed: 25 pt on (at 10 pt, letters 5 pt wide).
    fn stretched_space_before(first: &str, second: &str) -> Vec<String> {
        let tight = LayoutSettings {
            segment_gap: 0.4,
            ..LayoutSettings::default()
        };
        let mut gs = test_glyphs(first, 0.0, 20.0, 10.0);
        gs.last_mut().unwrap().stretch = 20.0;
        let landed = 5.0 * first.chars().count() as f64 + 20.0;
        gs.extend(test_glyphs(second, landed, 20.0, 10.0));
        lines_of(&gs, &tight)
    }

    #[test]
    fn words_of_a_justified_line_where_stretched_spaces_put_them_are_one_line() {
        // (fpdf2 justifies a cell's lines by word spacing, Tw)
        assert_eq!(
            stretched_space_before("Schools ", "partnership"),
            ["Schools partnership"]
        );
    }

    #[test]
    fn figures_past_a_space_stretched_by_word_spacing_stand_apart() {
        // (Word moves the pen across columns by word spacing: "5 0,397")
        assert_eq!(stretched_space_before("0,2885 ", "0,3974").len(), 2);
        assert_eq!(stretched_space_before("cultures ", "0,3974").len(), 2);
        assert_eq!(stretched_space_before("0,2885 ", "Notes").len(), 2);
    }

    fn parted() -> LayoutSettings {
        LayoutSettings {
            unspaced_gaps: UnspacedGaps::Parted,
            ..LayoutSettings::default()
        }
    }

    #[test]
    fn spaces_drawn_two_in_a_row_read_as_one() {
        let gs = test_glyphs("G -4 /\t\tLot 1:  \u{a0}total", 100.0, 200.0, 9.0);
        assert_eq!(
            lines_of(&gs, &LayoutSettings::default()),
            ["G -4 / Lot 1: total"]
        );
    }

    #[test]
    fn text_a_hair_from_the_next_cells_is_parted_from_it_where_spaces_are_drawn() {
        // "£98,738" flush right in its cell, then the next cell's text 1.6 pt
        // after it (a word space is 2.5 pt at 9 pt), no space drawn between
        let mut gs = test_glyphs("£98,738", 100.0, 200.0, 9.0);
        gs.extend(test_glyphs(
            "Early project hub for youth",
            133.1,
            200.0,
            9.0,
        ));
        assert!(draws_word_spaces(&gs));
        assert_eq!(
            lines_of(&gs, &parted()),
            ["£98,738", "Early project hub for youth"]
        );
        let read_whole = lines_of(&gs, &LayoutSettings::default());
        assert_eq!(read_whole, ["£98,738 Early project hub for youth"]);
    }

    #[test]
    fn a_lone_digit_a_hair_from_the_next_cells_text_is_parted_from_it() {
        // "7" flush right in its cell, then the next cell's text 1.6 pt
        // after it: one glyph shows no letter spacing, but it is a figure
        let mut gs = test_glyphs("7", 127.5, 200.0, 9.0);
        gs.extend(test_glyphs("Early project hub", 133.1, 200.0, 9.0));
        assert_eq!(lines_of(&gs, &parted()), ["7", "Early project hub"]);
        // (a lone letter so set is a word: its spacing is not known)
        let mut gs = test_glyphs("A", 127.5, 200.0, 9.0);
        gs.extend(test_glyphs("Early project hub", 133.1, 200.0, 9.0));
        assert_eq!(lines_of(&gs, &parted()), ["A Early project hub"]);
    }

    #[test]
    fn only_a_figure_is_parted_from_the_text_after_it_where_asked() {
        let after_figures = LayoutSettings {
            unspaced_gaps: UnspacedGaps::PartedAfterFigures,
            ..LayoutSettings::default()
        };
        let mut gs = test_glyphs("£98,738", 100.0, 200.0, 9.0);
        gs.extend(test_glyphs(
            "Early project hub for youth",
            133.1,
            200.0,
            9.0,
        ));
        assert_eq!(lines_of(&gs, &after_figures).len(), 2);
        // a form's label and its value, set apart with no space drawn
        let mut form = test_glyphs("Time of the vote:", 100.0, 200.0, 9.0);
        form.extend(test_glyphs("20:12 on the day", 178.1, 200.0, 9.0));
        assert!(draws_word_spaces(&form));
        assert_eq!(lines_of(&form, &after_figures).len(), 1);
        assert_eq!(lines_of(&form, &parted()).len(), 2);
    }

    #[test]
    fn letters_spaced_apart_are_not_parted_where_gaps_part_texts() {
        // a heading tracked out: every letter 2 pt from the next, none tight
        let gs: Vec<Glyph> = "TOTAL"
            .chars()
            .enumerate()
            .flat_map(|(i, c)| test_glyphs(&c.to_string(), 100.0 + 6.5 * i as f64, 200.0, 9.0))
            .collect();
        assert_eq!(lines_of(&gs, &parted()).len(), 1);
    }

    #[test]
    fn a_producer_that_moves_the_pen_for_spaces_draws_none() {
        let mut gs = test_glyphs("Victim", 100.0, 200.0, 9.0);
        gs.extend(test_glyphs("Support", 130.0, 200.0, 9.0));
        gs.extend(test_glyphs("Fund", 165.0, 200.0, 9.0));
        assert!(!draws_word_spaces(&gs));
    }

    #[test]
    fn a_footnote_mark_raised_half_its_size_stays_on_its_line_as_a_superscript() {
        // "300" at 9 pt, a "2" at 7.2 pt raised 4.5 pt, then more text on the line
        let mut gs = test_glyphs("300", 100.0, 200.0, 9.0);
        gs.extend(test_glyphs("2", 113.5, 195.5, 7.2));
        gs.extend(test_glyphs(" cases", 117.1, 200.0, 9.0));
        assert_eq!(texts(&gs), ["300² cases"]);
    }

    #[test]
    fn a_subscript_stays_on_its_line_and_a_smaller_line_below_does_not() {
        let mut gs = test_glyphs("CO", 100.0, 200.0, 9.0);
        gs.extend(test_glyphs("2", 109.0, 202.5, 6.0));
        // a caption in smaller type a line below, from the left margin
        gs.extend(test_glyphs("Source", 100.0, 208.0, 6.0));
        assert_eq!(texts(&gs), ["CO2", "Source"]);
    }

    #[test]
    fn bullets_drawn_after_their_items_lead_them() {
        // two items drawn first, then their bullets, 9 pt left of the text
        let mut gs = test_glyphs("Victims first", 100.0, 200.0, 10.0);
        gs.extend(test_glyphs("Safer roads", 100.0, 214.0, 10.0));
        gs.extend(test_glyphs("•", 88.0, 200.0, 10.0));
        gs.extend(test_glyphs("•", 88.0, 214.0, 10.0));
        // a minus drawn after its figure is no bullet
        gs.extend(test_glyphs("42", 100.0, 228.0, 10.0));
        gs.extend(test_glyphs("-", 95.0, 228.0, 10.0));
        assert_eq!(texts(&gs), ["• Victims first", "• Safer roads", "42", "-"]);
    }

    #[test]
    fn list_labels_stand_alone() {
        for label in ["•", "4.", "4.1", "2.3.1", "1)", "(a)", "iv.", "b)"] {
            assert!(is_list_label(label), "{label}");
        }
        for text in [
            "2019", "45,820", "4", "Total", "£2.3", "(£)", "a", "12.5%", "-2.5",
        ] {
            assert!(!is_list_label(text), "{text}");
        }
    }

    fn line(page: u32, text: &str, x0: f64, baseline: f64, size: f64, bold: bool) -> Line {
        Line {
            page,
            text: text.into(),
            x0,
            x1: x0 + text.len() as f64 * size * 0.5,
            top: baseline - size,
            bottom: baseline + size * 0.2,
            baseline,
            size,
            bold,
            symbol_start: false,
            dir: [1.0, 0.0],
            u0: x0,
            u1: x0 + text.len() as f64 * size * 0.5,
        }
    }

    #[test]
    fn a_line_numbered_as_its_page_is_a_folio_and_a_caption_is_not() {
        let folio = differ_in_folio;
        assert!(folio(
            ("Annual report 2020/21 11", 12),
            ("Annual report 2020/21 12", 13)
        ));
        assert!(folio(("12 Annual report", 12), ("14 Annual report", 14)));
        assert!(folio(("Page 3 of 20", 3), ("Page 4 of 20", 4)));
        assert!(
            !folio(("Table 2", 3), ("Table 3", 6)),
            "numbered apart from the pages"
        );
        assert!(!folio(("801", 19), ("486", 26)), "a figure alone");
        assert!(!folio(("Figure 1: Crimes", 1), ("Figure 2: Crimes", 2)));
        assert!(
            !folio(("Total 3 4", 3), ("Total 4 5", 4)),
            "two figures changing"
        );
    }

    #[test]
    fn numbered_running_headers_are_found_before_tables_and_a_tables_foot_is_not() {
        // three pages: a title and a page number on one line at the top, a
        // body line, and a table's last row at the foot, its figure changing
        let pages: Vec<Vec<Glyph>> = (1..=3u32)
            .map(|no| {
                let mut glyphs = test_glyphs("Annual report", 72.0, 40.0, 9.0);
                glyphs.extend(test_glyphs(&no.to_string(), 500.0, 40.0, 9.0));
                glyphs.extend(test_glyphs(
                    "Crime fell across the county",
                    72.0,
                    300.0,
                    10.0,
                ));
                glyphs.extend(test_glyphs(
                    &format!("Total {}", 800 + no * 7),
                    72.0,
                    800.0,
                    10.0,
                ));
                glyphs
            })
            .collect();
        let described: Vec<(u32, &[Glyph], f64)> = pages
            .iter()
            .zip(1u32..)
            .map(|(g, no)| (no, g.as_slice(), 842.0))
            .collect();
        let marks = numbered_furniture(&described, &[], &LayoutSettings::default());
        for ((glyphs, marks), no) in pages.iter().zip(&marks).zip(1..) {
            let marked: String = glyphs
                .iter()
                .zip(marks)
                .filter(|(_, m)| **m)
                .map(|(g, _)| g.text.as_str())
                .collect();
            assert_eq!(marked, format!("Annual report{no}"));
            assert!(
                !marked.contains("Crime") && !marked.contains("Total"),
                "{marked}"
            );
        }
        // (on two pages, a header is not yet seen often enough)
        let marks = numbered_furniture(&described[..2], &[], &LayoutSettings::default());
        assert!(marks.iter().flatten().all(|m| !m));
    }

    #[test]
    fn a_section_number_set_apart_leads_its_heading_or_paragraph() {
        // (a panel paper: "1." a tab before its bold heading, "1.1" before
        // its paragraph; an infographic's figures side by side stay apart)
        let pages = vec![vec![
            line(1, "1.", 72.0, 100.0, 11.0, true),
            line(1, "PURPOSE", 108.0, 100.0, 11.0, true),
            line(1, "1.1", 72.0, 130.0, 11.0, false),
            line(
                1,
                "The purpose of this report is to update the Panel",
                108.0,
                130.0,
                11.0,
                false,
            ),
            line(
                1,
                "on the plan's delivery, as the Panel asked.",
                108.0,
                143.0,
                11.0,
                false,
            ),
            line(1, "7.3", 72.0, 200.0, 11.0, false),
            line(1, "3.8", 108.0, 200.0, 11.0, false),
        ]];
        let blocks = blocks_from_lines(&pages, &LayoutSettings::default());
        let texts: Vec<(BlockKind, &str)> =
            blocks.iter().map(|b| (b.kind, b.text.as_str())).collect();
        assert_eq!(
            texts,
            [
                (BlockKind::Heading, "1. PURPOSE"),
                (
                    BlockKind::Paragraph,
                    "1.1 The purpose of this report is to update the Panel on the plan's delivery, as the Panel asked."
                ),
                (BlockKind::Paragraph, "7.3"),
                (BlockKind::Paragraph, "3.8"),
            ]
        );
        assert_eq!(blocks[0].bbox.map(|b| b[0]), Some(72.0));
    }

    #[test]
    fn lines_join_into_paragraphs_and_headings_by_size() {
        let pages = vec![vec![
            line(1, "Annual Report", 50.0, 100.0, 20.0, true),
            line(
                1,
                "Crime fell across the county as the",
                50.0,
                140.0,
                10.0,
                false,
            ),
            line(
                1,
                "commissioner's plan took hold in every",
                50.0,
                152.0,
                10.0,
                false,
            ),
            line(1, "dis-", 50.0, 164.0, 10.0, false),
            line(1, "trict.", 50.0, 176.0, 10.0, false),
            line(1, "Victims", 50.0, 210.0, 10.0, true),
            line(1, "• Support for victims", 60.0, 230.0, 10.0, false),
        ]];
        let blocks = blocks_from_lines(&pages, &LayoutSettings::default());
        let kinds: Vec<_> = blocks.iter().map(|b| (b.kind, b.level)).collect();
        assert_eq!(
            kinds,
            vec![
                (BlockKind::Heading, Some(1)),
                (BlockKind::Paragraph, None),
                (BlockKind::Heading, Some(2)),
                (BlockKind::ListItem, None)
            ]
        );
        assert!(
            blocks[1].text.ends_with("in every district."),
            "{}",
            blocks[1].text
        );
    }

    #[test]
    fn small_marked_text_at_the_foot_is_a_footnote() {
        let pages = vec![vec![
            line(
                1,
                "Crime fell by 52%1 across the county this year, as recorded.",
                50.0,
                400.0,
                10.0,
                false,
            ),
            line(
                1,
                "1 Unless specified, figures are for the 12 months to March.",
                50.0,
                780.0,
                8.0,
                false,
            ),
        ]];
        let blocks = blocks_from_lines(&pages, &LayoutSettings::default());
        assert_eq!(blocks[1].kind, BlockKind::Footnote);
        assert_eq!(blocks[0].kind, BlockKind::Paragraph);
    }

    #[test]
    fn repeated_margin_lines_and_folios_are_dropped() {
        let mut pages: Vec<Vec<Line>> = (1..=4)
            .map(|p| {
                vec![
                    line(p, "Annual Report 2013-14", 50.0, 30.0, 9.0, false),
                    line(p, "Body text", 50.0, 400.0, 10.0, false),
                    line(p, &p.to_string(), 290.0, 820.0, 9.0, false),
                ]
            })
            .collect();
        drop_page_furniture(&mut pages, &[842.0; 4], &LayoutSettings::default());
        assert!(pages
            .iter()
            .all(|p| p.len() == 1 && p[0].text == "Body text"));
    }

    #[test]
    fn symbol_font_codes_become_what_they_draw() {
        assert_eq!(normalise_glyph("\u{f0a7}\u{f0fc}\u{f0b7}\u{f041}"), "▪✓••");
        assert_eq!(normalise_glyph("\u{fb01}nance"), "finance");
    }

    #[test]
    fn a_symbol_fonts_ticks_and_shapes_named_by_their_map_are_kept() {
        // (a symbol font's other glyphs, letters of its codes, are bullets)
        for text in ["✓", "✗", "→", "●", "❏", "■", "➢"] {
            assert!(is_pictograph(text), "{text}");
        }
        for text in ["ü", "l", "\u{f0fc}", "✓✓", ""] {
            assert!(!is_pictograph(text), "{text}");
        }
    }

    #[test]
    fn a_soft_hyphen_drawn_is_a_hyphen() {
        assert_eq!(normalise_glyph("\u{ad}23.7%"), "-23.7%");
        assert_eq!(normalise_glyph("2022\u{ad}23"), "2022-23");
    }

    #[test]
    fn fullwidth_forms_become_ascii() {
        assert_eq!(normalise_glyph("（純額）１０％"), "(純額)10%");
    }

    #[test]
    fn folio_forms() {
        for t in ["7", "- 7 -", "Page 7", "Page 7 of 22", "vii"] {
            assert!(is_folio(t), "{t}");
        }
        for t in ["2024 plan", "Victims"] {
            assert!(!is_folio(t), "{t}");
        }
    }
}
