//! Seams between fills of one colour. A producer fills a shaded area in
//! pieces: a spreadsheet a merged cell's halves apart, one with the striped
//! row it starts in, the other alone; a word processor each cell of a shaded
//! row. Where two pieces of one colour meet, the sides they are drawn with
//! show nothing, and a table finder that takes every filled rectangle's sides
//! for rules (as pdfplumber does) sees a rule there that no reader sees.
//!
//! Where the producer draws no borders, the pieces are all there is to go by,
//! and they are the cells (a panel of shaded tiles). But where a stroke rules
//! the same line and stops short of a seam, the producer left that stretch
//! open on purpose: a merged cell, cut in two by its fills. That stretch of
//! the fills' sides is taken out.

use super::interpreter::{Fill, Segment};

/// How far apart two fills' sides may stand and still meet (a word
/// processor leaves a twentieth of a point between cells it shades apart).
const SEAM_TOLERANCE: f64 = 0.5;

/// Takes out of the fills' sides among `segments` the stretches where a fill
/// of the side's colour lies on either side of it, on a line that a stroke
/// rules elsewhere.
pub fn hide_seams(segments: &mut Vec<Segment>, fills: &[Fill]) {
    if fills.len() < 2 || !segments.iter().any(|s| s.fill_side) {
        return;
    }
    let across = SidesIndex::new(fills, Axis::Across);
    let down = SidesIndex::new(fills, Axis::Down);
    let strokes = |axis: Axis| -> Vec<(f64, (f64, f64))> {
        let mut found: Vec<(f64, (f64, f64))> = segments
            .iter()
            .filter(|s| !s.fill_side && axis.runs(s))
            .map(|s| axis.of_segment(s))
            .collect();
        found.sort_by(|a, b| a.0.total_cmp(&b.0));
        found
    };
    let (strokes_across, strokes_down) = (strokes(Axis::Across), strokes(Axis::Down));
    let mut kept = Vec::with_capacity(segments.len());
    for seg in segments.drain(..) {
        if !seg.fill_side {
            kept.push(seg);
            continue;
        }
        let axis = if Axis::Across.runs(&seg) {
            Axis::Across
        } else {
            Axis::Down
        };
        let (index, strokes) = match axis {
            Axis::Across => (&across, &strokes_across),
            Axis::Down => (&down, &strokes_down),
        };
        let (pos, span) = axis.of_segment(&seg);
        let hidden = if ruled_along(strokes, pos, span) {
            index.seams_at(fills, pos, span)
        } else {
            Vec::new()
        };
        if hidden.is_empty() {
            kept.push(seg);
            continue;
        }
        kept.extend(
            uncovered(span, hidden)
                .into_iter()
                .map(|piece| axis.with_span(&seg, piece)),
        );
    }
    *segments = kept;
}

/// Which way a side runs: across the page (a fill's top or foot) or down it.
#[derive(Clone, Copy, PartialEq)]
enum Axis {
    Across,
    Down,
}

impl Axis {
    /// Whether a segment runs this way.
    fn runs(self, s: &Segment) -> bool {
        let across = s.bottom - s.top <= s.x1 - s.x0;
        across == (self == Axis::Across)
    }

    /// Where a segment stands across its run, and the stretch it runs over.
    fn of_segment(self, s: &Segment) -> (f64, (f64, f64)) {
        match self {
            Axis::Across => ((s.top + s.bottom) / 2.0, (s.x0, s.x1)),
            Axis::Down => ((s.x0 + s.x1) / 2.0, (s.top, s.bottom)),
        }
    }

    /// A fill's near and far sides on this axis (top and foot for sides
    /// running across), and the stretch those sides run over.
    fn of_fill(self, f: &Fill) -> ((f64, f64), (f64, f64)) {
        let [x0, top, x1, bottom] = f.bbox;
        match self {
            Axis::Across => ((top, bottom), (x0, x1)),
            Axis::Down => ((x0, x1), (top, bottom)),
        }
    }

    fn with_span(self, s: &Segment, (a, b): (f64, f64)) -> Segment {
        match self {
            Axis::Across => Segment { x0: a, x1: b, ..*s },
            Axis::Down => Segment {
                top: a,
                bottom: b,
                ..*s
            },
        }
    }
}

/// The fills sorted by where their near sides stand and by where their far
/// sides stand, on one axis, to find the fills that meet along a line.
struct SidesIndex {
    axis: Axis,
    near: Vec<(f64, usize)>,
    far: Vec<(f64, usize)>,
}

impl SidesIndex {
    fn new(fills: &[Fill], axis: Axis) -> SidesIndex {
        let mut near: Vec<(f64, usize)> = Vec::with_capacity(fills.len());
        let mut far: Vec<(f64, usize)> = Vec::with_capacity(fills.len());
        for (i, f) in fills.iter().enumerate() {
            let ((n, x), _) = axis.of_fill(f);
            near.push((n, i));
            far.push((x, i));
        }
        near.sort_by(|a, b| a.0.total_cmp(&b.0));
        far.sort_by(|a, b| a.0.total_cmp(&b.0));
        SidesIndex { axis, near, far }
    }

    /// The stretches of a fill's side at `pos` over `span` where fills of its
    /// colour meet there, one ending and one starting.
    fn seams_at(&self, fills: &[Fill], pos: f64, span: (f64, f64)) -> Vec<(f64, f64)> {
        let ending: Vec<&Fill> = at(&self.far, pos).map(|i| &fills[i]).collect();
        let starting: Vec<&Fill> = at(&self.near, pos).map(|i| &fills[i]).collect();
        let holds_side = |f: &&&Fill| {
            let (_, (a, b)) = self.axis.of_fill(f);
            a <= span.0 + SEAM_TOLERANCE && b >= span.1 - SEAM_TOLERANCE
        };
        // (the side's own fill gives its colour; a white fill is not kept,
        // and its sides are left as they are)
        let Some(colour) = ending
            .iter()
            .chain(starting.iter())
            .find(holds_side)
            .map(|f| f.rgb)
        else {
            return Vec::new();
        };
        let mut seams = Vec::new();
        for e in ending.iter().filter(|f| f.rgb == colour) {
            for s in starting.iter().filter(|f| f.rgb == colour) {
                let ((_, (e0, e1)), (_, (s0, s1))) = (self.axis.of_fill(e), self.axis.of_fill(s));
                let (a, b) = (e0.max(s0), e1.min(s1));
                if b > a {
                    seams.push((a, b));
                }
            }
        }
        seams
    }
}

/// Whether a stroke in `strokes` (sorted by where they stand) runs along the
/// line at `pos` and reaches the stretch `span` of it.
fn ruled_along(strokes: &[(f64, (f64, f64))], pos: f64, (a, b): (f64, f64)) -> bool {
    let from = strokes.partition_point(|s| s.0 < pos - SEAM_TOLERANCE);
    strokes[from..]
        .iter()
        .take_while(|s| s.0 <= pos + SEAM_TOLERANCE)
        .any(|(_, (s0, s1))| *s0 <= b + SEAM_TOLERANCE && *s1 >= a - SEAM_TOLERANCE)
}

/// The fills (by index) whose sides in `sorted` stand at `pos`.
fn at(sorted: &[(f64, usize)], pos: f64) -> impl Iterator<Item = usize> + '_ {
    let from = sorted.partition_point(|s| s.0 < pos - SEAM_TOLERANCE);
    let to = sorted.partition_point(|s| s.0 <= pos + SEAM_TOLERANCE);
    sorted[from..to].iter().map(|s| s.1)
}

/// The stretches of `span` that none of `covered` covers, longer than the
/// tolerance.
fn uncovered((a, b): (f64, f64), mut covered: Vec<(f64, f64)>) -> Vec<(f64, f64)> {
    covered.sort_by(|x, y| x.0.total_cmp(&y.0));
    let mut pieces = Vec::new();
    let mut from = a;
    for (c0, c1) in covered {
        if c0 > from {
            pieces.push((from, c0.min(b)));
        }
        from = from.max(c1);
    }
    if b > from {
        pieces.push((from, b));
    }
    pieces.retain(|(p0, p1)| p1 - p0 > SEAM_TOLERANCE);
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::pdf::interpreter::test_rule;

    const GREY: [u8; 3] = [232, 238, 245];
    const NAVY: [u8; 3] = [31, 56, 100];

    fn fill(bbox: [f64; 4], rgb: [u8; 3]) -> Fill {
        Fill { bbox, rgb }
    }

    /// The four sides of a filled rectangle, as the interpreter keeps them.
    fn sides([x0, top, x1, bottom]: [f64; 4]) -> Vec<Segment> {
        let seg = |x0, top, x1, bottom| Segment {
            fill_side: true,
            ..test_rule(x0, top, x1, bottom)
        };
        vec![
            seg(x0, top, x1, top),
            seg(x0, bottom, x1, bottom),
            seg(x0, top, x0, bottom),
            seg(x1, top, x1, bottom),
        ]
    }

    /// The horizontal segments at `y`, as (x0, x1).
    fn across_at(segments: &[Segment], y: f64) -> Vec<(f64, f64)> {
        let mut found: Vec<(f64, f64)> = segments
            .iter()
            .filter(|s| s.bottom - s.top < 0.1 && (s.top - y).abs() < 0.1)
            .map(|s| (s.x0, s.x1))
            .collect();
        found.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
        found
    }

    /// A striped row (54 to 628) and, under its first cell, the lower half
    /// of a cell merged over two rows, filled in the stripe's colour; with
    /// `stroked`, a border stroked under the row's other cells.
    fn merged_cell_under_a_stripe(stroked: bool) -> Vec<Segment> {
        let stripe = [54.0, 162.0, 628.0, 177.0];
        let lower_half = [54.0, 177.0, 264.0, 192.0];
        let fills = vec![fill(stripe, GREY), fill(lower_half, GREY)];
        let mut segments = sides(stripe);
        segments.extend(sides(lower_half));
        if stroked {
            segments.push(test_rule(264.0, 177.0, 628.0, 177.0));
        }
        hide_seams(&mut segments, &fills);
        segments
    }

    #[test]
    fn a_merged_cells_halves_filled_apart_show_no_rule_where_the_border_stops() {
        let segments = merged_cell_under_a_stripe(true);
        assert_eq!(
            across_at(&segments, 177.0),
            [(264.0, 628.0), (264.0, 628.0)],
            "the stripe's foot past the merged cell, and the stroke"
        );
        assert_eq!(across_at(&segments, 162.0), [(54.0, 628.0)]);
        assert_eq!(across_at(&segments, 192.0), [(54.0, 264.0)]);
    }

    #[test]
    fn fills_meeting_where_no_border_is_drawn_keep_their_sides() {
        // (shaded tiles with no borders: the pieces are the cells)
        let segments = merged_cell_under_a_stripe(false);
        assert_eq!(across_at(&segments, 177.0), [(54.0, 264.0), (54.0, 628.0)]);
        assert_eq!(segments.len(), 8);
    }

    #[test]
    fn fills_of_two_colours_meeting_keep_their_sides() {
        let head = [54.0, 117.0, 628.0, 147.0];
        let stripe = [54.0, 147.0, 628.0, 162.0];
        let fills = vec![fill(head, NAVY), fill(stripe, GREY)];
        let mut segments = sides(head);
        segments.extend(sides(stripe));
        hide_seams(&mut segments, &fills);
        assert_eq!(across_at(&segments, 147.0).len(), 2);
        assert_eq!(segments.len(), 8);
    }

    #[test]
    fn cells_shaded_apart_side_by_side_show_no_rule_where_the_border_stops() {
        // a shaded row, a twentieth of a point between its cells, its first
        // two cells merged over it; a border stroked down the row below
        let left = [80.0, 100.0, 190.0, 120.0];
        let right = [190.05, 100.0, 300.0, 120.0];
        let fills = vec![fill(left, GREY), fill(right, GREY)];
        let mut segments = sides(left);
        segments.extend(sides(right));
        segments.push(test_rule(190.0, 120.0, 190.0, 140.0));
        hide_seams(&mut segments, &fills);
        let down: Vec<f64> = segments
            .iter()
            .filter(|s| s.x1 - s.x0 < 0.1)
            .map(|s| s.x0)
            .collect();
        assert_eq!(down, [80.0, 300.0, 190.0]);
    }

    #[test]
    fn a_stretch_covered_in_pieces_leaves_what_lies_between() {
        let pieces = uncovered((0.0, 100.0), vec![(60.0, 70.0), (10.0, 20.0), (15.0, 30.0)]);
        assert_eq!(pieces, [(0.0, 10.0), (30.0, 60.0), (70.0, 100.0)]);
    }
}
