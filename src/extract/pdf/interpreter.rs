//! The content-stream interpreter: operators in, positioned glyphs and ruling
//! lines out.
//!
//! It tracks the graphics state stack (CTM), the whole text state (Tc Tw Tz TL
//! Ts Tf Tm Tlm, and the text-positioning and text-showing operators), Form
//! XObjects with their own resources, and marked content with /ActualText
//! (Chromium/Skia map some glyphs to private-use code points and give the real
//! text there). Coordinates leave here with the origin at the page's top-left.

use super::colour::{family_space, Colours, FillSpace};
use super::fonts::Font;
use super::geometry::{enclosing, Matrix, MatrixExt, IDENTITY};
use super::limits::{self, Budget};
use crate::extract::ExtractError;
use compact_str::CompactString;
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::HashMap;

/// Deepest nesting of Form XObjects followed (real files use 2 or 3).
const MAX_FORM_DEPTH: usize = 12;
/// Deepest `q` nesting kept; deeper saves are counted but not stored.
const MAX_STATE_STACK: usize = 256;
/// How wide a pen move in a TJ array is, as a share of the font's word space
/// (with its character and word spacing), to be read as a space: producers
/// that move the pen for a space move it the space's width, give or take
/// rounding, where a spreadsheet sets a cell's text a hair from the next
/// cell's, at most about 0.9 of a space.
const MOVED_SPACE_SHARE: (f64, f64) = (0.95, 1.1);

/// One glyph as drawn, in page space with the origin at the top-left.
#[derive(Debug, Clone)]
pub struct Glyph {
    pub text: CompactString,
    pub x0: f64,
    pub x1: f64,
    pub top: f64,
    pub bottom: f64,
    /// Where the glyph's baseline starts, in page space.
    pub origin: [f64; 2],
    /// Unit vector of the writing direction in page space ([1, 0] for ordinary text).
    pub dir: [f64; 2],
    /// Length of the glyph's advance along `dir`.
    pub advance: f64,
    /// How much further the pen moves after the glyph, along `dir`: the
    /// word spacing (Tw) a space is stretched by, as justified text is set.
    pub stretch: f64,
    pub size: f64,
    pub font: u16,
    /// How much of the glyph the clip in force shows.
    pub clip: Clipping,
}

/// How much of a glyph the clip shows. Spreadsheets clip a cell's text at
/// the cell's side: the glyph across the side is cut, those past it hidden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Clipping {
    #[default]
    Whole,
    /// Cut along its line of writing.
    Cut,
    /// Its centre lies outside the clip.
    Hidden,
}

/// A stroked rule from (x0, top) to (x1, bottom), for tests.
#[cfg(test)]
pub fn test_rule(x0: f64, top: f64, x1: f64, bottom: f64) -> Segment {
    Segment {
        x0,
        top,
        x1,
        bottom,
        fill_side: false,
    }
}

/// Upright glyphs of `text` set from `x` on `baseline`, each half the size
/// wide: the page content tests build.
#[cfg(test)]
pub fn test_glyphs(text: &str, x: f64, baseline: f64, size: f64) -> Vec<Glyph> {
    text.chars()
        .enumerate()
        .map(|(i, c)| {
            let x0 = x + i as f64 * size * 0.5;
            Glyph {
                text: CompactString::from(c.to_string()),
                x0,
                x1: x0 + size * 0.5,
                top: baseline - size * 0.9,
                bottom: baseline + size * 0.25,
                origin: [x0, baseline],
                dir: [1.0, 0.0],
                advance: size * 0.5,
                stretch: 0.0,
                size,
                font: 0,
                clip: Clipping::Whole,
            }
        })
        .collect()
}

impl Glyph {
    /// The centre of the glyph's box, which decides the cell or band it is in.
    pub fn centre(&self) -> (f64, f64) {
        ((self.x0 + self.x1) / 2.0, (self.top + self.bottom) / 2.0)
    }
}

/// A straight ruling line or a rectangle's edge, as a table finder needs.
#[derive(Debug, Clone, Copy)]
pub struct Segment {
    pub x0: f64,
    pub top: f64,
    pub x1: f64,
    pub bottom: f64,
    /// A side of a filled shape, not a stroke: where a fill of its colour
    /// lies on its other side, it shows nothing (see `seams`).
    pub fill_side: bool,
}

/// A rectangle filled with a colour other than white: a shaded cell, row
/// or panel (a header row set on a dark band).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Fill {
    pub bbox: [f64; 4],
    /// The fill colour as 8-bit RGB.
    pub rgb: [u8; 3],
}

/// What is known about the document's fonts once interpretation is over.
#[derive(Debug, Clone, Copy, Default)]
pub struct FontStyle {
    pub bold: bool,
    pub symbolic: bool,
}

#[derive(Debug, Default)]
pub struct PageContent {
    pub glyphs: Vec<Glyph>,
    pub segments: Vec<Segment>,
    pub fills: Vec<Fill>,
    pub width: f64,
    pub height: f64,
}

#[derive(Clone, Copy)]
struct GraphicsState {
    ctm: Matrix,
    font: Option<u16>,
    font_size: f64,
    char_spacing: f64,
    word_spacing: f64,
    h_scale: f64,
    leading: f64,
    rise: f64,
    /// The fill colour as 8-bit RGB; None for a pattern or an unknown space.
    fill: Option<[u8; 3]>,
    /// How `sc`/`scn` numbers give the fill colour.
    fill_space: FillSpace,
    /// The stroke colour, as `fill` is the fill colour.
    stroke: Option<[u8; 3]>,
    /// How `SC`/`SCN` numbers give the stroke colour.
    stroke_space: FillSpace,
    /// The line width, in user space units.
    line_width: f64,
    /// The box around the clipping path, in page space; None for the whole page.
    clip: Option<[f64; 4]>,
    /// Which clip, counted from 1 in the order they were set, `clip` is; 0
    /// for the whole page.
    clip_id: u32,
}

impl Default for GraphicsState {
    fn default() -> Self {
        GraphicsState {
            ctm: IDENTITY,
            font: None,
            font_size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            fill: Some([0, 0, 0]),
            fill_space: FillSpace::Device,
            stroke: Some([0, 0, 0]),
            stroke_space: FillSpace::Device,
            line_width: 1.0,
            clip: None,
            clip_id: 0,
        }
    }
}

/// Interprets the pages of one document; fonts are loaded once and shared by its pages.
pub struct Interpreter<'a> {
    doc: &'a Document,
    fonts: Vec<Font>,
    font_index: HashMap<usize, u16>,
    colours: Colours,
    budget: Budget,
}

/// Per-page interpretation state.
struct PageRun {
    gs: GraphicsState,
    stack: Vec<GraphicsState>,
    tm: Matrix,
    tlm: Matrix,
    page_top: f64,
    page_left: f64,
    out: PageContent,
    /// Open marked-content sections: Some(text) for those carrying /ActualText.
    marked: Vec<Option<String>>,
    /// Glyphs drawn inside the innermost /ActualText section.
    captured: Vec<Glyph>,
    path: Vec<Segment>,
    /// Where each subpath of the path starts in `path`.
    subpaths: Vec<usize>,
    /// The path being built has a bent curve in it.
    path_bent: bool,
    subpath_start: Option<(f64, f64)>,
    current_point: Option<(f64, f64)>,
    /// The direction of the straight segment that ends at the current point.
    last_straight: Option<(f64, f64)>,
    /// How the subpath opened, once it has a piece: with a straight segment
    /// in this direction, or (None) with a curve or a point.
    subpath_opening: Option<Option<(f64, f64)>>,
    /// A rounded corner just drawn, whose side may run on along the next segment.
    open_corner: Option<OpenCorner>,
    /// The box around every point of the path being built (curves' control
    /// points too, so that it holds the curves).
    path_bounds: Option<[f64; 4]>,
    /// `W` or `W*` was given: the path clips once it is painted or ended.
    clip_pending: bool,
    /// Each clip set, in order: its box (`GraphicsState::clip_id` - 1 indexes it).
    clips: Vec<[f64; 4]>,
    /// The clip (its id) each glyph of `out.glyphs` was drawn under.
    glyph_clips: Vec<u32>,
}

/// The end of an arc that rounds a corner.
#[derive(Clone, Copy)]
struct OpenCorner {
    /// The square corner the rounding cut off.
    corner: (f64, f64),
    /// Where the arc ends.
    end: (f64, f64),
    /// The direction from the corner to the arc's end, along the side.
    side: (f64, f64),
}

impl<'a> Interpreter<'a> {
    pub fn new(doc: &'a Document, budget: Budget) -> Self {
        Interpreter {
            doc,
            fonts: Vec::new(),
            font_index: HashMap::new(),
            colours: Colours::default(),
            budget,
        }
    }

    /// Fails once the document's wall time is spent (see `Budget::check_clock`).
    pub fn check_clock(&self) -> Result<(), ExtractError> {
        self.budget.check_clock()
    }

    pub fn font_styles(&self) -> Vec<FontStyle> {
        self.fonts
            .iter()
            .map(|f| FontStyle {
                bold: f.bold,
                symbolic: f.symbolic,
            })
            .collect()
    }

    pub fn run_page(&mut self, page_id: ObjectId) -> Result<PageContent, ExtractError> {
        let doc = self.doc;
        let [x0, y0, x1, y1] = page_box(doc, page_id);
        let (width, height) = (x1 - x0, y1 - y0);
        // The page as displayed: /Rotate turns it clockwise. Folding the turn
        // into the initial CTM gives every glyph and rule display coordinates.
        let (display, display_width, display_height) = match page_rotation(doc, page_id) {
            90 => ([0.0, -1.0, 1.0, 0.0, -y0, x1], height, width),
            180 => ([-1.0, 0.0, 0.0, -1.0, x1, y1], width, height),
            270 => ([0.0, 1.0, -1.0, 0.0, y1, -x0], height, width),
            _ => ([1.0, 0.0, 0.0, 1.0, -x0, -y0], width, height),
        };
        // (a page past the stream limit is read as blank)
        let content = limits::page_content(doc, page_id).unwrap_or_default();
        let mut run = PageRun {
            gs: GraphicsState {
                ctm: display,
                ..GraphicsState::default()
            },
            stack: Vec::new(),
            tm: IDENTITY,
            tlm: IDENTITY,
            page_top: display_height,
            page_left: 0.0,
            out: PageContent {
                width: display_width,
                height: display_height,
                ..Default::default()
            },
            marked: Vec::new(),
            captured: Vec::new(),
            path: Vec::new(),
            subpaths: Vec::new(),
            path_bent: false,
            subpath_start: None,
            current_point: None,
            last_straight: None,
            subpath_opening: None,
            open_corner: None,
            path_bounds: None,
            clip_pending: false,
            clips: Vec::new(),
            glyph_clips: Vec::new(),
        };
        let resources = page_resources(doc, page_id);
        self.run_stream(&content, &resources, &mut run, 0)?;
        super::seams::hide_seams(&mut run.out.segments, &run.out.fills);
        super::clipped_cells::fold_overflowing_cells(
            &mut run.out.glyphs,
            &run.glyph_clips,
            &run.clips,
        );
        Ok(run.out)
    }

    fn run_stream(
        &mut self,
        content: &[u8],
        resources: &[&'a Dictionary],
        run: &mut PageRun,
        depth: usize,
    ) -> Result<(), ExtractError> {
        // A stream that does not decode is skipped, as viewers do; the rest of the page stands.
        let Ok(ops) = Content::decode(content) else {
            return Ok(());
        };
        for op in ops.operations {
            self.budget.spend(1)?;
            self.apply(&op.operator, &op.operands, resources, run, depth)?;
        }
        Ok(())
    }

    fn apply(
        &mut self,
        operator: &str,
        operands: &[Object],
        resources: &[&'a Dictionary],
        run: &mut PageRun,
        depth: usize,
    ) -> Result<(), ExtractError> {
        let num = |i: usize| operands.get(i).and_then(as_number).unwrap_or(0.0);
        match operator {
            "q" if run.stack.len() < MAX_STATE_STACK => run.stack.push(run.gs),
            "Q" => {
                if let Some(gs) = run.stack.pop() {
                    run.gs = gs;
                }
            }
            "cm" => {
                let m = [num(0), num(1), num(2), num(3), num(4), num(5)];
                run.gs.ctm = m.mul(&run.gs.ctm);
            }
            "BT" => {
                run.tm = IDENTITY;
                run.tlm = IDENTITY;
            }
            "Tc" => run.gs.char_spacing = num(0),
            "Tw" => run.gs.word_spacing = num(0),
            "Tz" => run.gs.h_scale = num(0) / 100.0,
            "TL" => run.gs.leading = num(0),
            "Ts" => run.gs.rise = num(0),
            "Tf" => {
                run.gs.font_size = num(1);
                run.gs.font = operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .and_then(|name| self.font(resources, name));
            }
            "Td" => run.next_line(num(0), num(1)),
            "TD" => {
                run.gs.leading = -num(1);
                run.next_line(num(0), num(1));
            }
            "Tm" => {
                run.tm = [num(0), num(1), num(2), num(3), num(4), num(5)];
                run.tlm = run.tm;
            }
            "T*" => run.next_line(0.0, -run.gs.leading),
            "Tj" => self.show(operands.first(), run)?,
            "'" => {
                run.next_line(0.0, -run.gs.leading);
                self.show(operands.first(), run)?;
            }
            "\"" => {
                run.gs.word_spacing = num(0);
                run.gs.char_spacing = num(1);
                run.next_line(0.0, -run.gs.leading);
                self.show(operands.get(2), run)?;
            }
            "TJ" => {
                if let Some(Object::Array(items)) = operands.first() {
                    for (i, item) in items.iter().enumerate() {
                        match item {
                            Object::String(..) => self.show(Some(item), run)?,
                            other => {
                                let units = as_number(other).unwrap_or(0.0) / 1000.0;
                                let is_string =
                                    |k: usize| matches!(items.get(k), Some(Object::String(..)));
                                if i > 0 && is_string(i - 1) && is_string(i + 1) {
                                    self.moved_space(-units, run);
                                }
                                let adjust = units * run.gs.font_size;
                                let vertical =
                                    run.gs.font.is_some_and(|f| self.fonts[f as usize].vertical);
                                let step = if vertical {
                                    [0.0, adjust]
                                } else {
                                    [-adjust * run.gs.h_scale, 0.0]
                                };
                                run.tm = [1.0, 0.0, 0.0, 1.0, step[0], step[1]].mul(&run.tm);
                            }
                        }
                    }
                }
            }
            "BDC" | "BMC" => run.begin_marked(self.doc, operands, resources),
            "EMC" => run.end_marked(),
            "Do" => {
                if let Some(name) = operands.first().and_then(|o| o.as_name().ok()) {
                    self.form_xobject(name, resources, run, depth)?;
                }
            }
            "m" => run.move_to(num(0), num(1)),
            "l" => run.line_to(num(0), num(1)),
            "c" => run.curve_to([num(0), num(1)], [num(2), num(3)], [num(4), num(5)]),
            // (v: the first control point is the current point; y: the second is the end)
            "v" => run.curve_to([num(0), num(1)], [num(0), num(1)], [num(2), num(3)]),
            "y" => run.curve_to([num(0), num(1)], [num(2), num(3)], [num(2), num(3)]),
            "re" => run.rect(num(0), num(1), num(2), num(3)),
            "h" => run.close_path(),
            "g" | "rg" | "k" => {
                run.gs.fill_space = FillSpace::Device;
                run.gs.fill = self.colours.colour(operands, FillSpace::Device);
            }
            "sc" | "scn" => run.gs.fill = self.colours.colour(operands, run.gs.fill_space),
            // (a new colour space starts from its initial colour: black, or
            // full ink)
            "cs" => (run.gs.fill_space, run.gs.fill) = self.named_space(resources, operands),
            // (the stroke colour, as the fill colour)
            "G" | "RG" | "K" => {
                run.gs.stroke_space = FillSpace::Device;
                run.gs.stroke = self.colours.colour(operands, FillSpace::Device);
            }
            "SC" | "SCN" => run.gs.stroke = self.colours.colour(operands, run.gs.stroke_space),
            "CS" => (run.gs.stroke_space, run.gs.stroke) = self.named_space(resources, operands),
            "w" => run.gs.line_width = num(0),
            "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                let filled_only = matches!(operator, "f" | "F" | "f*");
                let fills = !matches!(operator, "S" | "s");
                // (a stroke fills nothing: its path's rectangles are not needed)
                let rectangles = if fills {
                    run.subpath_rectangles()
                } else {
                    Vec::new()
                };
                let fill = run.gs.fill;
                let invisible = filled_only && run.fill_is_invisible(fill, &rectangles);
                if fills && !invisible {
                    run.record_fills(fill, &rectangles);
                }
                run.clip_to_path();
                let mut segs = std::mem::take(&mut run.path);
                if filled_only {
                    run.mark_fill_sides(&mut segs);
                }
                if matches!(operator, "S" | "s") {
                    let width = run.stroke_width();
                    if width >= MIN_FILL_SIDE {
                        segs = run.stroke_bands(&segs, width);
                    }
                }
                // A filled shape with rounded corners is a panel (a call-out,
                // a speech bubble, a tile): its sides are no table's rules.
                let panel = run.path_bent && filled_only;
                let room = limits::MAX_PAGE_SEGMENTS.saturating_sub(run.out.segments.len());
                if !(panel || invisible) {
                    let (width, height) = (run.out.width, run.out.height);
                    let shown = segs.into_iter().filter(|s| on_page(s, width, height));
                    run.out.segments.extend(shown.take(room));
                }
                run.end_path();
            }
            "n" => {
                run.clip_to_path();
                run.path.clear();
                run.end_path();
            }
            "W" | "W*" => run.clip_pending = true,
            _ => {}
        }
        Ok(())
    }

    /// The colour space a `cs` or `CS` operator names, and its initial colour.
    fn named_space(
        &mut self,
        resources: &[&'a Dictionary],
        operands: &[Object],
    ) -> (FillSpace, Option<[u8; 3]>) {
        let name = operands.first().and_then(|o| o.as_name().ok());
        let space = name.map_or(FillSpace::Unknown, |n| self.fill_space(resources, n));
        (space, self.colours.initial(space))
    }

    /// How the colour space a name gives (a device space's, or a resource's)
    /// turns numbers into colours.
    fn fill_space(&mut self, resources: &[&'a Dictionary], name: &[u8]) -> FillSpace {
        let doc = self.doc;
        match lookup(doc, resources, b"ColorSpace", name) {
            Some(space) => self.colours.space(doc, space),
            // (a device space or a pattern, named without a resource)
            None => family_space(name),
        }
    }

    /// Loads (once) the font a resource name refers to.
    fn font(&mut self, resources: &[&'a Dictionary], name: &[u8]) -> Option<u16> {
        let doc = self.doc;
        let dict = lookup(doc, resources, b"Font", name)?.as_dict().ok()?;
        let key = dict as *const Dictionary as usize;
        if let Some(i) = self.font_index.get(&key) {
            return Some(*i);
        }
        let index = u16::try_from(self.fonts.len()).ok()?;
        self.fonts.push(Font::load(doc, dict));
        self.font_index.insert(key, index);
        Some(index)
    }

    fn show(&mut self, operand: Option<&Object>, run: &mut PageRun) -> Result<(), ExtractError> {
        let Some(Object::String(bytes, _)) = operand else {
            return Ok(());
        };
        let Some(font_id) = run.gs.font else {
            return Ok(());
        };
        let font = &self.fonts[font_id as usize];
        self.budget.spend(bytes.len() as u64 / 4)?;
        let gs = run.gs;
        for (code, raw) in font.codes(bytes) {
            let trm = text_rendering_matrix(&gs, &run.tm);
            let w0 = font.width(code, raw.len());
            let spacing = if raw.len() == 1 && code == 32 {
                gs.word_spacing
            } else {
                0.0
            };
            let advance = if font.vertical {
                font.vertical_advance * gs.font_size + gs.char_spacing + spacing
            } else {
                (w0 * gs.font_size + gs.char_spacing + spacing) * gs.h_scale
            };
            let text = font.decode(code, raw);
            let size = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
            let run_len = (trm[0] * trm[0] + trm[1] * trm[1]).sqrt();
            if !text.is_empty() && size > 0.0 && run_len > 0.0 {
                let mut glyph = run.place(text, &trm, w0, size, font, font_id);
                if !font.vertical && gs.font_size != 0.0 {
                    glyph.stretch = run_len * spacing / gs.font_size;
                }
                run.emit(glyph);
            }
            // Vertical writing moves down the text space's y axis.
            let step = if font.vertical {
                [0.0, -advance]
            } else {
                [advance, 0.0]
            };
            run.tm = [1.0, 0.0, 0.0, 1.0, step[0], step[1]].mul(&run.tm);
        }
        Ok(())
    }

    /// A pen move between two strings of a TJ array as wide as the font's
    /// word space is a space set without its glyph (cairo leaves out some of
    /// the spaces it is given; some drivers draw none): it is read as a space
    /// drawn there, so that a line reads the same whichever way the producer
    /// set its spaces (a gap with no space drawn in it can part two cells).
    fn moved_space(&mut self, units: f64, run: &mut PageRun) {
        let Some(font_id) = run.gs.font else {
            return;
        };
        let font = &self.fonts[font_id as usize];
        let gs = run.gs;
        let Some(space) = font
            .space_width
            .filter(|_| !font.vertical && gs.font_size != 0.0)
        else {
            return;
        };
        let drawn = space + (gs.char_spacing + gs.word_spacing) / gs.font_size;
        if !(MOVED_SPACE_SHARE.0..=MOVED_SPACE_SHARE.1).contains(&(units / drawn)) {
            return;
        }
        let trm = text_rendering_matrix(&gs, &run.tm);
        let size = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
        if size > 0.0 {
            let glyph = run.place(
                CompactString::const_new(" "),
                &trm,
                units,
                size,
                font,
                font_id,
            );
            run.emit(glyph);
        }
    }

    fn form_xobject(
        &mut self,
        name: &[u8],
        resources: &[&'a Dictionary],
        run: &mut PageRun,
        depth: usize,
    ) -> Result<(), ExtractError> {
        if depth >= MAX_FORM_DEPTH {
            return Ok(());
        }
        let doc = self.doc;
        let Some(Object::Stream(stream)) = lookup(doc, resources, b"XObject", name) else {
            return Ok(());
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form".as_slice()) {
            return Ok(());
        }
        let Some(content) = super::limits::decoded(stream) else {
            return Ok(());
        };
        let matrix = stream
            .dict
            .get(b"Matrix")
            .and_then(Object::as_array)
            .ok()
            .filter(|m| m.len() == 6)
            .map(|m| {
                let v: Vec<f64> = m.iter().map(|o| as_number(o).unwrap_or(0.0)).collect();
                [v[0], v[1], v[2], v[3], v[4], v[5]]
            })
            .unwrap_or(IDENTITY);
        let mut inner: Vec<&'a Dictionary> = Vec::with_capacity(resources.len() + 1);
        if let Ok(res) = stream
            .dict
            .get_deref(b"Resources", doc)
            .and_then(Object::as_dict)
        {
            inner.push(res);
        }
        inner.extend_from_slice(resources);
        let saved = (run.gs, run.stack.len());
        run.gs.ctm = matrix.mul(&run.gs.ctm);
        // (a form is clipped to its bounding box)
        if let Some([x0, y0, x1, y1]) = form_bbox(&stream.dict) {
            run.clip_to_box([(x0, y0), (x1, y0), (x1, y1), (x0, y1)]);
        }
        self.run_stream(&content, &inner, run, depth + 1)?;
        run.gs = saved.0;
        run.stack.truncate(saved.1);
        Ok(())
    }
}

impl PageRun {
    /// A glyph's page-space geometry from its text rendering matrix: the box
    /// spanned by its advance and the font's ascent and descent, in any rotation.
    fn place(
        &self,
        text: CompactString,
        trm: &Matrix,
        w0: f64,
        size: f64,
        font: &Font,
        font_id: u16,
    ) -> Glyph {
        let origin = [trm[4] - self.page_left, self.page_top - trm[5]];
        let (bbox, dir, advance) = if font.vertical {
            vertical_extent(trm, w0, size, font.vertical_advance, origin)
        } else {
            horizontal_extent(trm, w0, size, font, origin)
        };
        Glyph {
            text,
            x0: bbox[0],
            x1: bbox[2],
            top: bbox[1],
            bottom: bbox[3],
            origin,
            dir,
            advance,
            stretch: 0.0,
            size,
            font: font_id,
            clip: self
                .gs
                .clip
                .map_or(Clipping::Whole, |c| clipping(bbox, dir, c)),
        }
    }

    fn next_line(&mut self, tx: f64, ty: f64) {
        self.tlm = [1.0, 0.0, 0.0, 1.0, tx, ty].mul(&self.tlm);
        self.tm = self.tlm;
    }

    fn emit(&mut self, glyph: Glyph) {
        // (a glyph placed where the numbers overflowed, at an infinite or
        // undefined point, is drawn nowhere)
        let placed = [
            glyph.x0,
            glyph.x1,
            glyph.top,
            glyph.bottom,
            glyph.origin[0],
            glyph.origin[1],
        ];
        if !placed.iter().all(|v| v.is_finite()) || glyph.x0 > glyph.x1 || glyph.top > glyph.bottom
        {
            return;
        }
        if self.hidden_by_page_frame(&glyph) {
            return;
        }
        if self.marked.iter().any(Option::is_some) {
            self.captured.push(glyph);
        } else {
            self.out.glyphs.push(glyph);
            self.glyph_clips.push(self.gs.clip_id);
        }
    }

    /// Whether the page's own frame hides the glyph: its centre lies above or
    /// below a clip as wide as most of the page. Qt's WebKit (wkhtmltopdf)
    /// prints a page by drawing the whole document clipped to the page's body,
    /// so a line a page break cuts is drawn on both pages, each showing part of
    /// it: it is read on the page that shows the more of it. Text a figure's
    /// own frame hides more than half of (a chart's label) is still read, as
    /// the peers read it.
    fn hidden_by_page_frame(&self, glyph: &Glyph) -> bool {
        let (Clipping::Hidden, Some([x0, top, x1, bottom])) = (glyph.clip, self.gs.clip) else {
            return false;
        };
        let (_, cy) = glyph.centre();
        x1 - x0 >= PAGE_FRAME_SHARE * self.out.width && (cy < top || cy > bottom)
    }

    fn begin_marked(&mut self, doc: &Document, operands: &[Object], resources: &[&Dictionary]) {
        let props = match operands.get(1) {
            Some(Object::Dictionary(d)) => Some(d),
            Some(Object::Name(n)) => {
                lookup(doc, resources, b"Properties", n).and_then(|o| o.as_dict().ok())
            }
            _ => None,
        };
        let actual = props
            .and_then(|d| d.get(b"ActualText").ok())
            .and_then(|o| match o {
                Object::String(bytes, _) => Some(decode_text_string(bytes)),
                _ => None,
            });
        // Only the outermost /ActualText replaces glyphs; nested ones are inside its text already.
        let actual = if self.marked.iter().any(Option::is_some) {
            None
        } else {
            actual
        };
        self.marked.push(actual);
    }

    fn end_marked(&mut self) {
        let Some(section) = self.marked.pop() else {
            return;
        };
        let Some(text) = section else { return };
        let glyphs = std::mem::take(&mut self.captured);
        let Some(first) = glyphs.first() else { return };
        if text.is_empty() {
            return;
        }
        let mut merged = first.clone();
        for g in &glyphs[1..] {
            merged.x0 = merged.x0.min(g.x0);
            merged.x1 = merged.x1.max(g.x1);
            merged.top = merged.top.min(g.top);
            merged.bottom = merged.bottom.max(g.bottom);
        }
        merged.text = text.into();
        self.out.glyphs.push(merged);
        self.glyph_clips.push(self.gs.clip_id);
    }

    fn device(&self, x: f64, y: f64) -> (f64, f64) {
        let m = self.gs.ctm;
        let (dx, dy) = (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]);
        (dx - self.page_left, self.page_top - dy)
    }

    /// A point of the path, in page space, counted into the path's box.
    fn path_point(&mut self, x: f64, y: f64) -> (f64, f64) {
        let p = self.device(x, y);
        let b = self.path_bounds.get_or_insert([p.0, p.1, p.0, p.1]);
        *b = [b[0].min(p.0), b[1].min(p.1), b[2].max(p.0), b[3].max(p.1)];
        p
    }

    /// Narrows the clip to the box around the path, once `W` has asked for it.
    fn clip_to_path(&mut self) {
        if std::mem::take(&mut self.clip_pending) {
            self.narrow_clip(self.path_bounds.unwrap_or([0.0; 4]));
        }
    }

    /// Narrows the clip to the box around these corners (user space).
    fn clip_to_box(&mut self, corners: [(f64, f64); 4]) {
        let points = corners.map(|(x, y)| {
            let (px, py) = self.device(x, y);
            [px, py, px, py]
        });
        self.narrow_clip(enclosing(points));
    }

    fn narrow_clip(&mut self, b: [f64; 4]) {
        let clip = match self.gs.clip {
            Some(c) => [
                b[0].max(c[0]),
                b[1].max(c[1]),
                b[2].min(c[2]),
                b[3].min(c[3]),
            ],
            None => b,
        };
        self.gs.clip = Some(clip);
        self.clips.push(clip);
        self.gs.clip_id = self.clips.len() as u32;
    }

    fn move_to(&mut self, x: f64, y: f64) {
        let p = self.path_point(x, y);
        self.subpaths.push(self.path.len());
        self.end_subpath();
        self.subpath_start = Some(p);
        self.current_point = Some(p);
    }

    /// Forgets the path once it is painted or discarded.
    fn end_path(&mut self) {
        self.path_bounds = None;
        self.subpaths.clear();
        self.subpath_start = None;
        self.path_bent = false;
        self.end_subpath();
    }

    /// Forgets what the open subpath's pieces said about the next one.
    fn end_subpath(&mut self) {
        self.last_straight = None;
        self.subpath_opening = None;
        self.open_corner = None;
    }

    fn line_to(&mut self, x: f64, y: f64) {
        let p = self.path_point(x, y);
        if let Some(from) = self.current_point {
            self.straight(from, p);
        }
        self.current_point = Some(p);
    }

    /// A straight piece of the path: a rule, which also finishes the side of a
    /// rounded corner drawn just before it.
    fn straight(&mut self, from: (f64, f64), to: (f64, f64)) {
        let dir = direction(from, to);
        if let (Some(d), Some(open)) = (dir, self.open_corner.take()) {
            if same_point(open.end, from) && dot(d, open.side) > ALIGNED {
                self.push_segment(open.corner, open.end);
            }
        }
        self.subpath_opening.get_or_insert(dir);
        self.last_straight = dir;
        self.push_segment(from, to);
    }

    /// A Bezier curve. One whose control points lie on its chord is a straight
    /// line (some producers draw every rule so) and may be a table's rule; a
    /// bent one (a rounded corner, a chart) is not, and only moves the
    /// current point.
    fn curve_to(&mut self, c1: [f64; 2], c2: [f64; 2], end: [f64; 2]) {
        let end = self.path_point(end[0], end[1]);
        let (c1, c2) = (self.path_point(c1[0], c1[1]), self.path_point(c2[0], c2[1]));
        if let Some(from) = self.current_point {
            let on_chord = |p: (f64, f64)| {
                let (dx, dy) = (end.0 - from.0, end.1 - from.1);
                let length = (dx * dx + dy * dy).sqrt();
                // (a short piece of a rounded corner bends little, but much for its length)
                let off = ((p.0 - from.0) * dy - (p.1 - from.1) * dx).abs() / length.max(1e-9);
                off <= (0.01 * length).min(0.5) + 1e-3
            };
            if on_chord(c1) && on_chord(c2) {
                self.straight(from, end);
            } else {
                self.path_bent = true;
                self.subpath_opening.get_or_insert(None);
                self.round_corner(from, c1, c2, end);
            }
        }
        self.current_point = Some(end);
    }

    /// A bent curve between straight sides may round the corner of a frame (a
    /// table drawn with rounded corners): each side is then read as running on
    /// to the square corner, so that the frame's rules meet as a grid's do.
    fn round_corner(&mut self, from: (f64, f64), c1: (f64, f64), c2: (f64, f64), end: (f64, f64)) {
        self.open_corner = None;
        if let (Some(side), Some(corner)) = (self.last_straight, square_corner(from, c1, end)) {
            if direction(from, corner).is_some_and(|d| dot(d, side) > ALIGNED) {
                self.push_segment(from, corner);
            }
        }
        self.last_straight = None;
        if let Some(corner) = square_corner(end, c2, from) {
            self.open_corner = direction(corner, end).map(|side| OpenCorner { corner, end, side });
        }
    }

    fn close_path(&mut self) {
        if let (Some(from), Some(start)) = (self.current_point, self.subpath_start) {
            // (a rounded corner that ends where the subpath began runs on along its first side)
            if let (Some(open), Some(Some(first))) = (self.open_corner, self.subpath_opening) {
                let ends_at_start = same_point(from, start) && same_point(open.end, start);
                if ends_at_start && dot(first, open.side) > ALIGNED {
                    self.push_segment(open.corner, open.end);
                }
            }
            self.straight(from, start);
            self.current_point = Some(start);
        }
    }

    fn rect(&mut self, x: f64, y: f64, w: f64, h: f64) {
        let corners = [
            self.path_point(x, y),
            self.path_point(x + w, y),
            self.path_point(x + w, y + h),
            self.path_point(x, y + h),
        ];
        self.subpaths.push(self.path.len());
        for i in 0..4 {
            self.push_segment(corners[i], corners[(i + 1) % 4]);
        }
        self.end_subpath();
        self.current_point = Some(corners[0]);
        self.subpath_start = Some(corners[0]);
    }

    /// Where each of the path's subpaths starts and ends among its `len`
    /// pieces.
    fn subpath_ranges(&self, len: usize) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
        let ends = self.subpaths.iter().skip(1).copied().chain([len]);
        self.subpaths
            .iter()
            .zip(ends)
            .map(|(&start, end)| start..end)
    }

    /// The box of each of the path's subpaths drawn with straight sides
    /// along the page's axes (a rectangle), None for any other subpath; none
    /// at all for a path with curves.
    fn subpath_rectangles(&self) -> Vec<Option<[f64; 4]>> {
        if self.path_bent {
            return Vec::new();
        }
        self.subpath_ranges(self.path.len())
            .filter_map(|r| self.path.get(r).filter(|s| !s.is_empty()))
            .map(rectangle_of)
            .collect()
    }

    /// Marks the sides of a filled path's shapes as fill sides, but for a
    /// rectangle too thin to be a fill (`MIN_FILL_SIDE`): a bar drawn as a
    /// rule, as browsers draw cell borders, whose sides are a rule's.
    fn mark_fill_sides(&self, segs: &mut [Segment]) {
        segs.iter_mut().for_each(|s| s.fill_side = true);
        if self.path_bent {
            return;
        }
        for r in self.subpath_ranges(segs.len()) {
            let Some(sides) = segs.get_mut(r).filter(|s| !s.is_empty()) else {
                continue;
            };
            let bar = rectangle_of(sides).is_some_and(|[x0, top, x1, bottom]| {
                x1 - x0 < MIN_FILL_SIDE || bottom - top < MIN_FILL_SIDE
            });
            if bar {
                sides.iter_mut().for_each(|s| s.fill_side = false);
            }
        }
    }

    /// Whether filling the path leaves no visible edge: each of its
    /// rectangles lies on a fill of its own colour (or, white, on the blank
    /// page), as a layout engine paints a shaded cell's words on the cell's
    /// shading, or boxes white on white. Its sides are then no rules.
    fn fill_is_invisible(&self, colour: Option<[u8; 3]>, rectangles: &[Option<[f64; 4]>]) -> bool {
        let Some(rgb) = colour else {
            return false;
        };
        let fills = &self.out.fills;
        let under = |b: &[f64; 4]| -> Option<[u8; 3]> {
            let inside = |f: &&Fill| {
                f.bbox[0] <= b[0] + CONTAIN_SLACK
                    && f.bbox[1] <= b[1] + CONTAIN_SLACK
                    && f.bbox[2] >= b[2] - CONTAIN_SLACK
                    && f.bbox[3] >= b[3] - CONTAIN_SLACK
            };
            match fills.iter().rev().take(UNDER_LOOKBACK).find(inside) {
                Some(f) => Some(f.rgb),
                // (white fills are not kept: beyond them lies the page)
                None if fills.len() <= UNDER_LOOKBACK => Some(WHITE),
                None => None,
            }
        };
        let seen_as = |c: [u8; 3]| if is_white(c) { WHITE } else { c };
        // (a colour written once as grey and once as RGB may round apart)
        let alike = |a: [u8; 3], b: [u8; 3]| a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= 2);
        !rectangles.is_empty()
            && rectangles.iter().all(|b| {
                b.as_ref()
                    .and_then(under)
                    .is_some_and(|c| alike(seen_as(c), seen_as(rgb)))
            })
    }

    /// Keeps the rectangles the path being painted makes when its colour
    /// is known and not white.
    fn record_fills(&mut self, colour: Option<[u8; 3]>, rectangles: &[Option<[f64; 4]>]) {
        let Some(rgb) = colour.filter(|c| !is_white(*c)) else {
            return;
        };
        for &bbox in rectangles.iter().flatten() {
            // (a thin filled bar is a rule, kept as one already)
            if bbox[2] - bbox[0] >= MIN_FILL_SIDE
                && bbox[3] - bbox[1] >= MIN_FILL_SIDE
                && self.out.fills.len() < limits::MAX_PAGE_SEGMENTS
            {
                self.out.fills.push(Fill { bbox, rgb });
            }
        }
    }

    /// The line width on the page.
    fn stroke_width(&self) -> f64 {
        let [a, b, c, d, _, _] = self.gs.ctm;
        self.gs.line_width * (a * d - b * c).abs().sqrt()
    }

    /// A stroke `width` wide, wider than any rule, paints bands, as a fill
    /// does: each straight piece along the page's axes makes a band as wide
    /// as the line, kept as a fill and bounded by its sides. Producers paint so a
    /// shaded row, a white background, or a rule across the line (a stroke
    /// 0.5 pt long and 7 pt wide is a rule 7 pt tall); the line down a
    /// band's middle rules nothing. A band that shows nothing (white on the
    /// page) has no sides, and a slanted piece none that a table could use.
    fn stroke_bands(&mut self, pieces: &[Segment], width: f64) -> Vec<Segment> {
        let half = width / 2.0;
        if !half.is_finite() {
            return Vec::new();
        }
        let bands: Vec<Option<[f64; 4]>> = pieces
            .iter()
            .filter_map(|p| {
                if p.bottom - p.top < 0.5 {
                    Some([p.x0, p.top - half, p.x1, p.bottom + half])
                } else if p.x1 - p.x0 < 0.5 {
                    Some([p.x0 - half, p.top, p.x1 + half, p.bottom])
                } else {
                    None
                }
            })
            .map(Some)
            .collect();
        let colour = self.gs.stroke;
        if self.fill_is_invisible(colour, &bands) {
            return Vec::new();
        }
        self.record_fills(colour, &bands);
        bands
            .iter()
            .flatten()
            .flat_map(|&[x0, top, x1, bottom]| {
                // (a band short along the line is a bar across it: a
                // rule, as a thin filled bar is, see `mark_fill_sides`)
                let fill_side = x1 - x0 >= MIN_FILL_SIDE && bottom - top >= MIN_FILL_SIDE;
                let side = |x0, top, x1, bottom| Segment {
                    x0,
                    top,
                    x1,
                    bottom,
                    fill_side,
                };
                [
                    side(x0, top, x1, top),
                    side(x0, bottom, x1, bottom),
                    side(x0, top, x0, bottom),
                    side(x1, top, x1, bottom),
                ]
            })
            .collect()
    }

    fn push_segment(&mut self, a: (f64, f64), b: (f64, f64)) {
        // Paths of thousands of curves (charts, logos) are not rules; bound what a page keeps.
        let finite = [a.0, a.1, b.0, b.1].iter().all(|v| v.is_finite());
        if finite && self.path.len() < 100_000 {
            self.path.push(Segment {
                x0: a.0.min(b.0),
                top: a.1.min(b.1),
                x1: a.0.max(b.0),
                bottom: a.1.max(b.1),
                fill_side: false,
            });
        }
    }
}

/// The box of a subpath drawn with straight sides along the page's axes
/// (a rectangle), None for any other shape.
fn rectangle_of(sides: &[Segment]) -> Option<[f64; 4]> {
    let axis_aligned = |s: &Segment| s.x1 - s.x0 < 0.5 || s.bottom - s.top < 0.5;
    sides
        .iter()
        .all(axis_aligned)
        .then(|| enclosing(sides.iter().map(|s| [s.x0, s.top, s.x1, s.bottom])))
}

/// A side drawn past the page's edge shows nothing (a background or a band
/// bleeding off the page), and one that runs from edge to edge and past an
/// edge divides the page itself (a band across it): neither is a table's
/// rule. (A page cropped tight round a table has its rules on the edges,
/// not past them, and keeps them.)
fn on_page(seg: &Segment, width: f64, height: f64) -> bool {
    const EDGE: f64 = 0.5;
    // (where the side stands across the page, and where it runs from and to)
    let (at, page_across, from, to, page_along) = if seg.x1 - seg.x0 < seg.bottom - seg.top {
        ((seg.x0 + seg.x1) / 2.0, width, seg.top, seg.bottom, height)
    } else {
        ((seg.top + seg.bottom) / 2.0, height, seg.x0, seg.x1, width)
    };
    let shown = at >= -EDGE && at <= page_across + EDGE;
    let across_the_page = from <= EDGE && to >= page_along - EDGE;
    let bleeds = from < -EDGE || to > page_along + EDGE;
    shown && !(across_the_page && bleeds)
}

/// A form XObject's /BBox, [x0, y0, x1, y1] in its own space.
fn form_bbox(dict: &Dictionary) -> Option<[f64; 4]> {
    let b = dict.get(b"BBox").and_then(Object::as_array).ok()?;
    let v: Vec<f64> = b.iter().map(as_number).collect::<Option<_>>()?;
    match v[..] {
        [a, b, c, d] => Some([a.min(c), b.min(d), a.max(c), b.max(d)]),
        _ => None,
    }
}

/// A clip at least this share of the page's width across is the page's own frame.
const PAGE_FRAME_SHARE: f64 = 2.0 / 3.0;

/// A glyph reaching past the clip's box by more than this (pt) is cut by it.
const CLIP_SLACK: f64 = 0.5;

/// How much of a glyph's box a clip's box shows. It is cut when the clip
/// cuts it along its line of writing (across the line, the box runs from the
/// font's ascent to its descent, further than the letters, so a clip as tall
/// as the line would seem to cut every glyph).
fn clipping(bbox: [f64; 4], dir: [f64; 2], clip: [f64; 4]) -> Clipping {
    let (cx, cy) = ((bbox[0] + bbox[2]) / 2.0, (bbox[1] + bbox[3]) / 2.0);
    let (lo, hi) = if dir[0].abs() >= dir[1].abs() {
        (0, 2)
    } else {
        (1, 3)
    };
    if cx < clip[0] || cx > clip[2] || cy < clip[1] || cy > clip[3] {
        Clipping::Hidden
    } else if bbox[lo] < clip[lo] - CLIP_SLACK || bbox[hi] > clip[hi] + CLIP_SLACK {
        Clipping::Cut
    } else {
        Clipping::Whole
    }
}

/// A filled rectangle narrower than this (pt) either way is a rule, not a
/// shaded area; a stroke as wide or wider paints bands (see `stroke_bands`).
const MIN_FILL_SIDE: f64 = 3.0;

/// A rectangle reaching past a fill by at most this (pt) lies on it.
const CONTAIN_SLACK: f64 = 0.5;

/// How many of the page's latest fills are searched for the one under a new
/// fill (a chart of thousands of bars would make the search quadratic).
const UNDER_LOOKBACK: usize = 256;

const WHITE: [u8; 3] = [255, 255, 255];

/// Colours this close to white are printed as white (as `record_fills` keeps them).
fn is_white(c: [u8; 3]) -> bool {
    c.iter().all(|&v| v >= 250)
}

/// Directions closer than this (cosine) are one direction.
const ALIGNED: f64 = 0.999;

/// The widest rounded corner read as a frame's corner; a wider arc is a
/// chart's, a dial's or a logo's.
const MAX_CORNER_RADIUS: f64 = 30.0;

fn direction(from: (f64, f64), to: (f64, f64)) -> Option<(f64, f64)> {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let length = (dx * dx + dy * dy).sqrt();
    (length > 1e-6).then(|| (dx / length, dy / length))
}

fn dot(a: (f64, f64), b: (f64, f64)) -> f64 {
    a.0 * b.0 + a.1 * b.1
}

fn same_point(a: (f64, f64), b: (f64, f64)) -> bool {
    (a.0 - b.0).abs() < 0.01 && (a.1 - b.1).abs() < 0.01
}

/// The square corner a rounded corner cuts off. The arc leaves `at` towards
/// `control` along a horizontal or vertical tangent and turns through at most
/// a right angle to `other`; the circle through both with that tangent gives
/// the radius, and the corner lies that far along the tangent.
fn square_corner(at: (f64, f64), control: (f64, f64), other: (f64, f64)) -> Option<(f64, f64)> {
    let t = direction(at, control)?;
    if t.0.abs().min(t.1.abs()) > 0.02 {
        return None;
    }
    let t = if t.0.abs() > t.1.abs() {
        (t.0.signum(), 0.0)
    } else {
        (0.0, t.1.signum())
    };
    let v = (other.0 - at.0, other.1 - at.1);
    let along = dot(v, t);
    let across = dot(v, (-t.1, t.0)).abs();
    if across < 1e-6 {
        return None;
    }
    let radius = dot(v, v) / (2.0 * across);
    let within_a_right_angle = along > 0.0 && along <= radius * 1.01 && across <= radius * 1.01;
    (within_a_right_angle && radius <= MAX_CORNER_RADIUS)
        .then_some((at.0 + t.0 * radius, at.1 + t.1 * radius))
}

/// A glyph's box, writing direction and advance, in page space: spanned by its
/// advance and the font's ascent and descent, in any rotation.
/// Text space to page space for the glyph at the pen: the font's size and
/// horizontal scaling and the rise, then the text and current matrices.
fn text_rendering_matrix(gs: &GraphicsState, tm: &Matrix) -> Matrix {
    [
        gs.font_size * gs.h_scale,
        0.0,
        0.0,
        gs.font_size,
        0.0,
        gs.rise,
    ]
    .mul(tm)
    .mul(&gs.ctm)
}

fn horizontal_extent(
    trm: &Matrix,
    w0: f64,
    size: f64,
    font: &Font,
    origin: [f64; 2],
) -> ([f64; 4], [f64; 2], f64) {
    // Page space flips y, so vectors flip their y component.
    let along = [trm[0] * w0, -trm[1] * w0];
    let run_len = (trm[0] * trm[0] + trm[1] * trm[1]).sqrt();
    let up = [trm[2] / size, -trm[3] / size];
    let (a, d) = (font.ascent * size, font.descent * size);
    let corners = [
        [origin[0] + up[0] * a, origin[1] + up[1] * a],
        [origin[0] - up[0] * d, origin[1] - up[1] * d],
    ];
    let bbox = bounds(
        corners
            .iter()
            .flat_map(|c| [*c, [c[0] + along[0], c[1] + along[1]]]),
    );
    let dir = [trm[0] / run_len, -trm[1] / run_len];
    (
        bbox,
        dir,
        (along[0] * along[0] + along[1] * along[1]).sqrt(),
    )
}

/// The same for vertical writing: the glyph centred on the line, advancing down it.
fn vertical_extent(
    trm: &Matrix,
    w0: f64,
    size: f64,
    vertical_advance: f64,
    origin: [f64; 2],
) -> ([f64; 4], [f64; 2], f64) {
    let run_len = (trm[0] * trm[0] + trm[1] * trm[1]).sqrt();
    let down = [-trm[2] / size, trm[3] / size];
    let across = [trm[0] / run_len, -trm[1] / run_len];
    let advance = vertical_advance * size;
    let half = w0 * run_len / 2.0;
    let bbox = bounds([-half, half].into_iter().flat_map(|side| {
        [0.0, advance].map(|depth| {
            [
                origin[0] + across[0] * side + down[0] * depth,
                origin[1] + across[1] * side + down[1] * depth,
            ]
        })
    }));
    (bbox, down, advance)
}

/// The box `[x0, top, x1, bottom]` around points.
fn bounds(points: impl IntoIterator<Item = [f64; 2]>) -> [f64; 4] {
    enclosing(points.into_iter().map(|[x, y]| [x, y, x, y]))
}

/// A PDF text string: UTF-16BE with a BOM, UTF-8 with a BOM, or PDFDocEncoding (Latin-1 here).
fn decode_text_string(bytes: &[u8]) -> String {
    if let Some(rest) = bytes.strip_prefix(&[0xfe, 0xff]) {
        let units: Vec<u16> = rest
            .chunks_exact(2)
            .map(|c| u16::from_be_bytes([c[0], c[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    } else if let Some(rest) = bytes.strip_prefix(&[0xef, 0xbb, 0xbf]) {
        String::from_utf8_lossy(rest).into_owned()
    } else {
        bytes.iter().map(|b| char::from(*b)).collect()
    }
}

pub fn as_number(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

/// The page's visible box: CropBox if present, else MediaBox (both inheritable), normalised.
fn page_box(doc: &Document, page_id: ObjectId) -> [f64; 4] {
    let mut id = Some(page_id);
    let mut found: Option<[f64; 4]> = None;
    for _ in 0..32 {
        let Some(current) = id else { break };
        let Ok(dict) = doc.get_dictionary(current) else {
            break;
        };
        for key in [b"CropBox".as_slice(), b"MediaBox".as_slice()] {
            if found.is_none() {
                if let Ok(arr) = dict.get_deref(key, doc).and_then(Object::as_array) {
                    let v: Vec<f64> = arr
                        .iter()
                        .filter_map(|o| doc.dereference(o).ok().and_then(|(_, o)| as_number(o)))
                        .collect();
                    if v.len() == 4 {
                        found = Some([
                            v[0].min(v[2]),
                            v[1].min(v[3]),
                            v[0].max(v[2]),
                            v[1].max(v[3]),
                        ]);
                    }
                }
            }
        }
        if found.is_some() {
            break;
        }
        id = dict.get(b"Parent").and_then(Object::as_reference).ok();
    }
    found.unwrap_or([0.0, 0.0, 595.0, 842.0])
}

/// The page's /Rotate (inheritable), as 0, 90, 180 or 270.
fn page_rotation(doc: &Document, page_id: ObjectId) -> i64 {
    let mut id = Some(page_id);
    for _ in 0..32 {
        let Some(current) = id else { break };
        let Ok(dict) = doc.get_dictionary(current) else {
            break;
        };
        if let Ok(r) = dict.get_deref(b"Rotate", doc).and_then(Object::as_i64) {
            return r.rem_euclid(360) / 90 * 90;
        }
        id = dict.get(b"Parent").and_then(Object::as_reference).ok();
    }
    0
}

/// The page's resource dictionaries, own first then inherited.
fn page_resources(doc: &Document, page_id: ObjectId) -> Vec<&Dictionary> {
    let Ok((own, inherited)) = doc.get_page_resources(page_id) else {
        return Vec::new();
    };
    own.into_iter()
        .chain(
            inherited
                .into_iter()
                .filter_map(|id| doc.get_dictionary(id).ok()),
        )
        .collect()
}

/// Finds `name` in the `category` (Font, XObject, Properties) of the first resource dictionary that has it.
fn lookup<'a>(
    doc: &'a Document,
    resources: &[&'a Dictionary],
    category: &[u8],
    name: &[u8],
) -> Option<&'a Object> {
    resources.iter().find_map(|res| {
        let cat = res
            .get_deref(category, doc)
            .and_then(Object::as_dict)
            .ok()?;
        let obj = cat.get(name).ok()?;
        doc.dereference(obj).ok().map(|(_, o)| o)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use lopdf::{dictionary, Stream};
    use std::time::Duration;

    /// The glyphs' texts of a one-page document drawing `content` with F1, Helvetica.
    fn page_glyphs(content: &str) -> Vec<String> {
        page_content(content)
            .glyphs
            .iter()
            .map(|g| g.text.to_string())
            .collect()
    }

    /// A one-page document drawing `content` with F1, Helvetica, read.
    fn page_content(content: &str) -> PageContent {
        let mut doc = Document::with_version("1.7");
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
            "Encoding" => "WinAnsiEncoding",
        });
        let contents = doc.add_object(Stream::new(dictionary! {}, content.as_bytes().to_vec()));
        let pages = doc.new_object_id();
        let page = doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages, "Contents" => contents,
            "Resources" => dictionary! { "Font" => dictionary! { "F1" => font } },
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        });
        doc.objects.insert(
            pages,
            Object::Dictionary(
                dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
            ),
        );
        let budget = Budget::new(Budget::DEFAULT_OPS, Duration::from_secs(10));
        Interpreter::new(&doc, budget).run_page(page).unwrap()
    }

    #[test]
    fn a_stroke_wider_than_a_rule_paints_a_band_not_a_rule_down_its_middle() {
        // a 1 pt rule (scaled twice: 2 pt); a grey band 20 pt wide drawn as a
        // stroke from 100 to 300 at y 500 (292 from the top); a white band
        // 300 pt wide, as a producer clears a figure's background
        let content = page_content(
            "q 2 0 0 2 0 0 cm 0.5 w 50 300 m 150 300 l S Q              0.5 G 20 w 100 500 m 300 500 l S              1 G 300 w 250 100 m 250 400 l S",
        );
        let boxes: Vec<[f64; 4]> = content
            .segments
            .iter()
            .map(|s| [s.x0, s.top, s.x1, s.bottom])
            .collect();
        assert_eq!(boxes.len(), 5, "{boxes:?}");
        assert!(boxes.contains(&[100.0, 192.0, 300.0, 192.0]), "{boxes:?}");
        assert!(boxes.contains(&[100.0, 282.0, 300.0, 282.0]), "{boxes:?}");
        assert!(boxes.contains(&[100.0, 302.0, 300.0, 302.0]), "{boxes:?}");
        assert!(!content.segments[1..].iter().any(|s| !s.fill_side));
        assert_eq!(content.fills.len(), 1);
        assert_eq!(content.fills[0].bbox, [100.0, 282.0, 300.0, 302.0]);
        assert_eq!(content.fills[0].rgb, [128, 128, 128]);
    }

    #[test]
    fn a_space_stretched_by_word_spacing_carries_the_pens_move_in_page_space() {
        // (Tw 4 in text space, the text scaled twice: the pen moves 8 pt
        // further after the space, and after no other glyph)
        let content = page_content("BT /F1 10 Tf 2 0 0 2 72 700 Tm 4 Tw (a b) Tj ET");
        let stretches: Vec<(String, f64)> = content
            .glyphs
            .iter()
            .map(|g| (g.text.to_string(), g.stretch))
            .collect();
        assert_eq!(stretches[1].0, " ");
        assert!((stretches[1].1 - 8.0).abs() < 1e-9, "{stretches:?}");
        assert_eq!((stretches[0].1, stretches[2].1), (0.0, 0.0));
        let b = &content.glyphs[2];
        assert!((b.x0 - content.glyphs[1].x1 - 8.0).abs() < 1e-9);
    }

    #[test]
    fn a_pen_move_as_wide_as_a_space_between_strings_is_a_space() {
        // Helvetica's space is 278/1000 of the size: a move of 275 is one
        // (rounded), 200 a hair gap, 600 a gap between cells; a move before
        // the first string or after the last moves the pen only
        let glyphs = page_glyphs(
            "BT /F1 10 Tf 72 700 Td [-278 (ab) -275 (cd) -200 (ef) -600 (gh) -278] TJ ET",
        );
        assert_eq!(glyphs.concat(), "ab cdefgh");
        let space = glyphs.iter().position(|g| g == " ").unwrap();
        assert_eq!(&glyphs[space - 1..=space + 1], ["b", " ", "c"]);
    }

    #[test]
    fn a_line_the_page_frame_shows_less_than_half_of_is_not_read() {
        // the page's body clipped from 20 to 752 pt up: a line whose foot
        // only shows above it is drawn again on the next page; a chart's
        // frame (200 pt of the page's 612 across) that hides more than half
        // of a label leaves it read
        let glyphs = page_glyphs(
            "q 20 20 572 732 re W n \
             BT /F1 10 Tf 72 400 Td (kept) Tj ET \
             BT /F1 10 Tf 72 746 Td (most) Tj ET \
             BT /F1 10 Tf 72 754 Td (gone) Tj ET Q \
             q 100 100 200 100 re W n BT /F1 10 Tf 110 198 Td (1.8) Tj ET Q",
        );
        assert_eq!(glyphs.concat(), "keptmost1.8");
    }

    #[test]
    fn a_clip_cuts_or_hides_a_glyph_along_its_line_only() {
        let clip = [100.0, 50.0, 200.0, 62.0];
        let (across, down) = ([1.0, 0.0], [0.0, 1.0]);
        let cases = [
            // inside; ascent and descent past a clip as tall as the line
            ([150.0, 48.0, 156.0, 64.0], across, Clipping::Whole),
            // across the clip's right side, centre inside
            ([197.0, 50.0, 203.0, 62.0], across, Clipping::Cut),
            ([201.0, 50.0, 207.0, 62.0], across, Clipping::Hidden),
            // a glyph reading down the page is cut by the clip's top or foot
            ([95.0, 58.0, 105.0, 64.0], down, Clipping::Cut),
            ([96.0, 52.0, 104.0, 58.0], down, Clipping::Whole),
        ];
        for (bbox, dir, expected) in cases {
            assert_eq!(clipping(bbox, dir, clip), expected, "{bbox:?} {dir:?}");
        }
    }
}
