//! Ruled tables ("lattice"): the grid from the lines and rectangles a page
//! draws, words assigned to its cells, spans from cells that cover several
//! grid steps. The approach is pdfplumber's and Camelot's lattice mode: edges
//! are snapped and joined, their intersections found, and every smallest
//! rectangle whose four corners are joined by edges is a cell.

use super::broken_words;
use super::geometry::{enclosing, merge_spans};
use super::interpreter::{Clipping, Fill, FontStyle, Glyph, PageContent, Segment};
use super::layout::{
    draws_word_spaces, is_bullet_glyph, page_lines, LayoutSettings, Line, PEN_TOLERANCE,
};
use super::stream_tables::{rows_of, Row, StreamSettings};
use super::wrapped_cells::{self, TableLine};
use crate::document::{BBox, Cell, Table};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::ops::Range;

#[derive(Debug, Clone)]
pub struct TableSettings {
    /// A drawn line or rectangle side thinner than this (pt) is an edge.
    pub edge_max_thickness: f64,
    /// Edges shorter than this (pt) are ignored (glyph-sized marks, ticks).
    pub edge_min_length: f64,
    /// Parallel edges closer than this (pt) are one line (a rule drawn as a thin rectangle has two).
    pub snap_tolerance: f64,
    /// Collinear edges with a gap smaller than this (pt) are joined.
    pub join_tolerance: f64,
    /// An edge that stops short of a crossing edge by less than this (pt) still meets it.
    pub intersection_tolerance: f64,
    /// Row rules (tables ruled between rows only) are at least this long (pt).
    pub row_rule_min_length: f64,
    /// Fewest stacked row rules that make a table.
    pub row_rules_min: usize,
    /// Text this share larger than a table's is a heading, not a cell.
    pub heading_size_ratio: f64,
    /// Rules further apart than this (pt) do not border one row.
    pub row_max_height: f64,
    /// Text runs further apart than this (× font size) are separate columns.
    pub column_gap: f64,
    /// Glyphs whose baselines are this close (× font size) are on one line
    /// (a footnote's mark raised a third of an em among them).
    pub baseline_tolerance: f64,
    /// Text of different lines this close (× font size) but not overlapping
    /// is in one column still (kerning and rounding); further apart, two.
    pub line_span_tolerance: f64,
    /// A gap between row rules this many typical rows tall separates two tables.
    pub table_break_rows: f64,
    /// A glyph reaching further than this (pt) past its cell's side is clipped from view.
    pub cell_overflow: f64,
    /// Cells of a table ruled between rows hold no more lines than this (the median cell).
    pub layout_lines_per_cell: f64,
    /// An empty row thinner than this (pt) is the gap between two rules drawn
    /// close (a double rule), not a row.
    pub sliver: f64,
    /// A heading ruled off above the rest of a table's header is no further
    /// above it than the table's rows are tall, within this share.
    pub row_height_tolerance: f64,
    /// Supply the sides of a frame a table is printed without (off where a
    /// reader's area and columns stand in for them).
    pub infer_frame: bool,
    /// Text starting this far (pt) left of every cell's text is no cell's:
    /// cells pad their text in from the table's side, and a paragraph set
    /// close above a table starts at the side.
    pub cell_inset: f64,
    /// A heading over the columns it spans holds no more words than this: a
    /// line of prose reaches across columns too.
    pub spanning_heading_words: usize,
}

impl Default for TableSettings {
    fn default() -> Self {
        TableSettings {
            edge_max_thickness: 3.0,
            edge_min_length: 3.0,
            snap_tolerance: 3.0,
            join_tolerance: 3.0,
            intersection_tolerance: 3.0,
            row_rule_min_length: 40.0,
            row_rules_min: 3,
            heading_size_ratio: 0.15,
            row_max_height: 200.0,
            column_gap: 0.5,
            baseline_tolerance: 0.4,
            line_span_tolerance: 0.1,
            table_break_rows: 1.5,
            cell_overflow: 1.0,
            layout_lines_per_cell: 4.0,
            sliver: 4.0,
            row_height_tolerance: 0.15,
            infer_frame: true,
            cell_inset: 2.0,
            spanning_heading_words: 4,
        }
    }
}

/// A table found on a page, with the glyphs it took.
#[derive(Debug, Clone)]
pub struct FoundTable {
    pub bbox: BBox,
    pub table: Table,
    /// Indices into the page's glyphs of the glyphs inside the table.
    pub glyphs: Vec<usize>,
}

/// Takes the dot leaders (a contents page's "Foreword ........ 3") out of a
/// table's cells: they lead the eye from a title to its number, and are no
/// part of either.
pub fn strip_leaders(table: &mut Table) {
    for cell in table.rows.iter_mut().flatten() {
        if let Some(text) = without_leaders(&cell.text) {
            cell.text = text;
        }
    }
}

/// Fewest dots (an ellipsis counts three) that make a leader, not an
/// abbreviation's or an ellipsis's.
const LEADER_MIN_DOTS: usize = 4;

/// The text with each leader (dots, spaced or not) made one space, or None
/// when it has none.
fn without_leaders(text: &str) -> Option<String> {
    let dots = |c: char| match c {
        '.' | '·' => 1,
        '…' => 3,
        _ => 0,
    };
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut changed = false;
    let mut i = 0;
    while i < chars.len() {
        // a run of dots, with single spaces between them
        let (mut end, mut count) = (i, 0);
        while end < chars.len() && dots(chars[end]) > 0 {
            count += dots(chars[end]);
            end += 1;
            if end + 1 < chars.len() && chars[end] == ' ' && dots(chars[end + 1]) > 0 {
                end += 1;
            }
        }
        if count >= LEADER_MIN_DOTS {
            out.push(' ');
            changed = true;
            i = end;
        } else {
            out.extend(&chars[i..end.max(i + 1)]);
            i = end.max(i + 1);
        }
    }
    if !changed {
        return None;
    }
    // (the spaces left about a leader made one, line by line)
    let lines: Vec<String> = out
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    Some(lines.join("\n").trim().to_string())
}

/// Marks the glyphs that the tables took.
pub fn mark_taken(taken: &mut [bool], found: &[FoundTable]) {
    for t in found {
        t.glyphs.iter().for_each(|&i| taken[i] = true);
    }
}

/// An axis-parallel edge: at `pos` (y for horizontal, x for vertical), from `start` to `end`.
#[derive(Debug, Clone, Copy)]
struct Edge {
    pos: f64,
    start: f64,
    end: f64,
    /// Drawn in part by a stroke, not only as sides of filled shapes.
    stroked: bool,
}

/// Most edges each way a page's tables are looked for among (the longest):
/// crossings cost the product of the two counts, and a page of thousands of
/// edges each way is a chart or a map.
const MAX_EDGES: usize = 2_000;

/// Shortest segment that can be a piece of a rule: a dash of a rule drawn
/// dash by dash, the last cut short where it meets the frame, is kept to be
/// joined; a dot is dropped.
const PIECE_MIN_LENGTH: f64 = 1.0;

/// Horizontal and vertical edges from the page's segments, snapped and
/// joined, then those at least `edge_min_length` long (as pdfplumber filters
/// edges after merging them, so a rule drawn in short dashes is one edge).
fn edges(segments: &[Segment], s: &TableSettings) -> (Vec<Edge>, Vec<Edge>) {
    let mut horizontal = Vec::new();
    let mut vertical = Vec::new();
    for seg in segments {
        let (w, h) = (seg.x1 - seg.x0, seg.bottom - seg.top);
        if h <= s.edge_max_thickness && w >= PIECE_MIN_LENGTH {
            horizontal.push(Edge {
                pos: (seg.top + seg.bottom) / 2.0,
                start: seg.x0,
                end: seg.x1,
                stroked: !seg.fill_side,
            });
        } else if w <= s.edge_max_thickness && h >= PIECE_MIN_LENGTH {
            vertical.push(Edge {
                pos: (seg.x0 + seg.x1) / 2.0,
                start: seg.top,
                end: seg.bottom,
                stroked: !seg.fill_side,
            });
        }
    }
    let long_enough = |edges: Vec<Edge>| -> Vec<Edge> {
        let joined = snap_and_join(edges, s);
        longest(
            joined
                .into_iter()
                .filter(|e| e.end - e.start >= s.edge_min_length)
                .collect(),
        )
    };
    let vertical = long_enough(vertical);
    let horizontal = drop_shading_across_spans(horizontal, &vertical, s);
    (long_enough(horizontal), vertical)
}

/// Horizontal pieces less the sides of filled shapes that run across a gap
/// in a stroked rule between two stroked verticals that run on through it:
/// a grid of stroked rules leaves such a gap to a cell that spans it (a
/// name over two rows), and shading painted row by row across it (stripes,
/// whatever spans them) rules nothing there. A rule stroked under some
/// columns only, in a table whose cells are shaded one by one, has no
/// stroked verticals at the gap's ends, and the shading's side stays.
fn drop_shading_across_spans(pieces: Vec<Edge>, vertical: &[Edge], s: &TableSettings) -> Vec<Edge> {
    let crosses = |x: f64, y: f64| {
        vertical.iter().any(|v| {
            v.stroked
                && (v.pos - x).abs() <= s.snap_tolerance
                && v.start < y - s.snap_tolerance
                && v.end > y + s.snap_tolerance
        })
    };
    let mut stroked: Vec<(f64, f64, f64)> = pieces
        .iter()
        .filter(|e| e.stroked)
        .map(|e| (e.pos, e.start, e.end))
        .collect();
    stroked.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let near = stroked.partition_point(|r| r.0 < piece.pos - s.snap_tolerance);
        let rules: Vec<(f64, f64)> = stroked[near..]
            .iter()
            .take_while(|r| r.0 <= piece.pos + s.snap_tolerance)
            .map(|r| (r.1, r.2))
            .collect();
        if piece.stroked || rules.is_empty() {
            out.push(piece);
            continue;
        }
        // (the gaps between the rules at its position, with stroked
        // verticals running on through both ends)
        let rules = merge_spans(rules, s.join_tolerance);
        let ends: Vec<f64> = std::iter::once(piece.start)
            .chain(rules.iter().flat_map(|&(a, b)| [a, b]))
            .chain(std::iter::once(piece.end))
            .collect();
        let spanned: Vec<(f64, f64)> = ends
            .chunks(2)
            .map(|w| (w[0].max(piece.start), w[1].min(piece.end)))
            .filter(|&(a, b)| {
                b - a > s.join_tolerance && crosses(a, piece.pos) && crosses(b, piece.pos)
            })
            .collect();
        let mut from = piece.start;
        for (a, b) in spanned {
            if a > from {
                out.push(Edge {
                    start: from,
                    end: a,
                    ..piece
                });
            }
            from = b;
        }
        if from < piece.end {
            out.push(Edge {
                start: from,
                ..piece
            });
        }
    }
    out
}

/// The `MAX_EDGES` longest edges, in their order.
fn longest(mut edges: Vec<Edge>) -> Vec<Edge> {
    if edges.len() > MAX_EDGES {
        let mut by_length: Vec<f64> = edges.iter().map(|e| e.end - e.start).collect();
        by_length.sort_by(|a, b| b.total_cmp(a));
        let shortest_kept = by_length[MAX_EDGES - 1];
        edges.retain(|e| e.end - e.start >= shortest_kept);
        edges.truncate(MAX_EDGES);
    }
    edges
}

/// Edges at nearly the same position take the cluster's mean position; then
/// overlapping or nearly touching edges at one position merge.
fn snap_and_join(mut edges: Vec<Edge>, s: &TableSettings) -> Vec<Edge> {
    edges.sort_by(|a, b| a.pos.total_cmp(&b.pos));
    let mut clusters: Vec<Vec<Edge>> = Vec::new();
    for e in edges {
        match clusters.last_mut() {
            Some(c) if e.pos - c[c.len() - 1].pos <= s.snap_tolerance => c.push(e),
            _ => clusters.push(vec![e]),
        }
    }
    let mut out = Vec::new();
    for mut c in clusters {
        let pos = c.iter().map(|e| e.pos).sum::<f64>() / c.len() as f64;
        c.sort_by(|a, b| a.start.total_cmp(&b.start));
        let mut current: Option<Edge> = None;
        for e in c {
            current = match current {
                Some(mut cur) if e.start <= cur.end + s.join_tolerance => {
                    cur.end = cur.end.max(e.end);
                    cur.stroked |= e.stroked;
                    Some(cur)
                }
                Some(cur) => {
                    out.push(cur);
                    Some(Edge { pos, ..e })
                }
                None => Some(Edge { pos, ..e }),
            };
        }
        out.extend(current);
    }
    out
}

/// Position key: coordinates rounded to 1/100 pt so equal snapped positions compare equal.
fn key(v: f64) -> i64 {
    (v * 100.0).round() as i64
}

/// The position a `key` stands for.
fn unkey(k: i64) -> f64 {
    k as f64 / 100.0
}

/// A crossing of a horizontal and a vertical edge, with the edges that meet there.
#[derive(Debug, Default, Clone)]
struct Crossing {
    horizontal: BTreeSet<usize>,
    vertical: BTreeSet<usize>,
}

fn crossings(h: &[Edge], v: &[Edge], s: &TableSettings) -> BTreeMap<(i64, i64), Crossing> {
    let tol = s.intersection_tolerance;
    let mut out: BTreeMap<(i64, i64), Crossing> = BTreeMap::new();
    for (vi, ve) in v.iter().enumerate() {
        for (hi, he) in h.iter().enumerate() {
            let meets = ve.pos >= he.start - tol
                && ve.pos <= he.end + tol
                && he.pos >= ve.start - tol
                && he.pos <= ve.end + tol;
            if meets {
                let c = out.entry((key(he.pos), key(ve.pos))).or_default();
                c.horizontal.insert(hi);
                c.vertical.insert(vi);
            }
        }
    }
    out
}

/// Cells: for each crossing, the nearest crossing below and to the right that
/// close a rectangle whose four sides are drawn.
fn cells(points: &BTreeMap<(i64, i64), Crossing>) -> Vec<[i64; 4]> {
    let connected_v =
        |a: &Crossing, b: &Crossing| a.vertical.intersection(&b.vertical).next().is_some();
    let connected_h =
        |a: &Crossing, b: &Crossing| a.horizontal.intersection(&b.horizontal).next().is_some();
    let mut by_x: HashMap<i64, Vec<i64>> = HashMap::new();
    let mut by_y: HashMap<i64, Vec<i64>> = HashMap::new();
    for (y, x) in points.keys() {
        by_x.entry(*x).or_default().push(*y);
        by_y.entry(*y).or_default().push(*x);
    }
    for list in by_x.values_mut().chain(by_y.values_mut()) {
        list.sort_unstable();
    }
    // (the lists are sorted: the crossings below or to the right of one
    // start after it, found by halving, not by reading the list from its
    // start, which for a grid of thousands of rows costs their square)
    let after = |list: &'_ [i64], k: i64| -> std::ops::Range<usize> {
        list.partition_point(|&v| v <= k)..list.len()
    };
    let mut out = Vec::new();
    for (&(y, x), p) in points {
        let column = &by_x[&x];
        'search: for &by in &column[after(column, y)] {
            let pb = &points[&(by, x)];
            if !connected_v(p, pb) {
                continue;
            }
            let row = &by_y[&y];
            for &rx in &row[after(row, x)] {
                let pr = &points[&(y, rx)];
                if !connected_h(p, pr) {
                    continue;
                }
                if let Some(corner) = points.get(&(by, rx)) {
                    if connected_v(pr, corner) && connected_h(pb, corner) {
                        out.push([x, y, rx, by]);
                        break 'search;
                    }
                }
            }
        }
    }
    out
}

/// What a ruled grid leaves undrawn (see `undrawn_splits`): splits between
/// columns, and cuts under a heading set in one cell over its columns'
/// own headings, and the text a cut steps round (`Lowered`).
#[derive(Debug, Default)]
struct Undrawn {
    splits: Vec<Edge>,
    cuts: Vec<Edge>,
    lowered: Vec<Lowered>,
}

/// A heading wrapped over a cut (see `wrapped_over_cut`): the box of its
/// lines above the cut, whose text is read at `at`, a height under the cut
/// (the middle of its line under it), in the cell that holds it there. A cut
/// between rows of headings steps round it, as the ruled cell's rows do.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Lowered {
    bbox: BBox,
    at: f64,
}

impl Undrawn {
    /// Adds another's edges; an edge that one already has (at the same
    /// place, overlapping it) runs as far as either has it.
    fn join(&mut self, other: Undrawn, s: &TableSettings) {
        for (mine, theirs) in [
            (&mut self.splits, other.splits),
            (&mut self.cuts, other.cuts),
        ] {
            for e in theirs {
                match mine.iter_mut().find(|f| {
                    (f.pos - e.pos).abs() <= s.snap_tolerance
                        && f.start <= e.end + s.snap_tolerance
                        && e.start <= f.end + s.snap_tolerance
                }) {
                    Some(f) => {
                        f.start = f.start.min(e.start);
                        f.end = f.end.max(e.end);
                    }
                    None => mine.push(e),
                }
            }
        }
        for l in other.lowered {
            if !self.lowered.contains(&l) {
                self.lowered.push(l);
            }
        }
    }
}

/// The undrawn splits and cuts (see `undrawn_splits`) of the page's grids,
/// looked for twice: among the cells the edges make, and among those the
/// stroked edges alone make, as rules part columns (stripes shaded cell by
/// cell divide their rows' cells where the rows between have none).
fn undrawn_in_grids(
    all_cells: &[[i64; 4]],
    h: &[Edge],
    v: &[Edge],
    page: &PageContent,
    s: &TableSettings,
) -> Undrawn {
    let joints = rule_joints(&page.segments, s);
    let in_grids = |cells: &[[i64; 4]]| -> Undrawn {
        let mut found = Undrawn::default();
        for group in group_cells(cells).iter().filter(|group| is_a_grid(group)) {
            let drawn = Drawn {
                sides: v,
                joints: &joints,
            };
            found.join(undrawn_splits(group, &drawn, page, s), s);
        }
        found
    };
    let mut undrawn = in_grids(all_cells);
    let stroked: Vec<Edge> = v.iter().filter(|e| e.stroked).copied().collect();
    if stroked.len() < v.len() {
        undrawn.join(in_grids(&cells(&crossings(h, &stroked, s))), s);
    }
    undrawn
}

/// Shortest piece of a rule (pt) whose end meets the next piece's start at
/// a joint that tells a cell's side: a table's borders drawn cell by cell
/// are a cell wide, a dashed rule's dashes a few points.
const JOINT_MIN_PIECE: f64 = 10.0;

/// Where two pieces of a horizontal rule meet end to start, each
/// `JOINT_MIN_PIECE` long at least, as `(y, x)`: browsers and word
/// processors draw a table's borders cell by cell, so a rule's joints
/// stand at the sides of its cells, drawn or not.
fn rule_joints(segments: &[Segment], s: &TableSettings) -> Vec<(f64, f64)> {
    let mut pieces: Vec<(f64, f64, f64)> = segments
        .iter()
        .filter(|g| g.bottom - g.top <= s.edge_max_thickness && g.x1 - g.x0 >= JOINT_MIN_PIECE)
        .map(|g| ((g.top + g.bottom) / 2.0, g.x0, g.x1))
        .collect();
    pieces.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut joints = Vec::new();
    for (i, &(y, _, end)) in pieces.iter().enumerate() {
        let near = pieces.partition_point(|p| p.0 < y - s.snap_tolerance);
        let meets = pieces[near..]
            .iter()
            .take_while(|p| p.0 <= y + s.snap_tolerance)
            .enumerate()
            .any(|(j, p)| near + j != i && (p.1 - end).abs() <= s.join_tolerance);
        if meets {
            joints.push((y, end));
        }
    }
    joints.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    joints
}

/// What a grid draws that says where its undrawn splits stand: its
/// vertical edges, and the joints of its rules drawn in pieces (by height,
/// then across).
struct Drawn<'a> {
    sides: &'a [Edge],
    joints: &'a [(f64, f64)],
}

/// Fewest of a run's rules (its cells' tops and its foot) with a joint in
/// a gap for the joints to say the gap parts two columns.
const JOINTED_RULES: usize = 2;

/// Least gap (× the type's size) between two columns of text set in one
/// ruled column: wider than any word space, as wide as parts two cells of
/// an unruled table (`StreamSettings::cell_gap`).
const UNDRAWN_GUTTER: f64 = 0.7;
/// Least number of lines with text on both sides of such a gap.
const UNDRAWN_SPLIT_LINES: usize = 3;

/// Whether a group of cells is drawn as a grid, two columns and two rows at
/// least: a frame round one box of text (a listing, a note) is not.
fn is_a_grid(group: &[[i64; 4]]) -> bool {
    let distinct = |k: usize| group.iter().map(|c| c[k]).collect::<BTreeSet<_>>().len();
    distinct(0) >= 2 && distinct(1) >= 2
}

/// Splits between columns a ruled table leaves undrawn: a frame and a rule
/// after the row labels round columns of figures set apart by space alone
/// ("2019/20 2020/21" in one ruled column), or a tax table ruled in blocks
/// of columns. Within a ruled column, a gap wider than a word space that no
/// line of its cells crosses, with words on both sides of it on three lines
/// or more, each column it parts off holding text on as many lines and more
/// than a list's labels, parts two columns, as an unruled table's gutter
/// does; it runs from the column's foot up to the first cell with text
/// across it (a heading over the columns it spans), or to the foot of
/// that heading, when the cell sets the columns' own headings under it
/// ("Net spend (£000)" over "2019/20 2020/21"): the cell is cut between
/// them, as a rule under the heading would. Each split is an edge no path
/// draws, where the grid is cut: in line with an edge drawn in the gap
/// above, below or beside it (the rules between the headings of the
/// columns it parts, the sides of cells shaded one by one), else in the
/// gap's middle.
fn undrawn_splits(
    group: &[[i64; 4]],
    drawn: &Drawn,
    page: &PageContent,
    s: &TableSettings,
) -> Undrawn {
    let cell_box = |c: &[i64; 4]| [unkey(c[0]), unkey(c[1]), unkey(c[2]), unkey(c[3])];
    let Some(grid) = group.iter().map(cell_box).reduce(|a, b| {
        [
            a[0].min(b[0]),
            a[1].min(b[1]),
            a[2].max(b[2]),
            a[3].max(b[3]),
        ]
    }) else {
        return Undrawn::default();
    };
    let inside = upright_text_by_height(page, grid);
    let lines: HashMap<[i64; 4], Vec<Vec<Phrase>>> = group
        .iter()
        .map(|c| (*c, phrase_lines(&inside, cell_box(c))))
        .collect();
    // (the text of one box, however it is set, is no table's)
    if lines.values().filter(|l| !l.is_empty()).count() < 2 {
        return Undrawn::default();
    }
    let mut columns: BTreeMap<(i64, i64), Vec<[i64; 4]>> = BTreeMap::new();
    for c in group {
        columns.entry((c[0], c[2])).or_default().push(*c);
    }
    let mut undrawn = Undrawn::default();
    for stack in columns.values_mut() {
        stack.sort_by_key(|c| c[1]);
        for run in stack.chunk_by(|a, b| a[3] == b[1]) {
            let lines: Vec<&Vec<Vec<Phrase>>> = run.iter().map(|c| &lines[c]).collect();
            undrawn.join(run_splits(run, &lines, drawn, s), s);
        }
    }
    undrawn
}

/// The undrawn splits of a run of cells one under another in a ruled
/// column (`lines`, each cell's): each gap from the top of the longest run
/// of cells down to the column's foot that it parts, whose top cell it
/// parts too, or which is empty (a heading over both columns it parts,
/// ruled off above them, spans them). A run may start under a cell's line
/// that crosses the gap, when lines the gap parts follow it in the cell
/// (the columns' own headings under a heading over them, "Net spend
/// (£000)" over "2019/20 2020/21"): the cell is cut there, as a rule under
/// the heading would cut it. A cell whose lines divide into rows of
/// headings over the lines a gap parts (`rows_apart_over`) is cut between
/// them too. The split of a gap whose run starts at a cut cell's top starts
/// at its lowest cut over which a heading crosses the gap (`heads_over`).
fn run_splits(
    run: &[[i64; 4]],
    lines: &[&Vec<Vec<Phrase>>],
    drawn: &Drawn,
    s: &TableSettings,
) -> Undrawn {
    // (the heights of the run's rules: its cells' tops and its foot)
    let rules: Vec<f64> = run
        .iter()
        .map(|c| unkey(c[1]))
        .chain(run.last().map(|c| unkey(c[3])))
        .collect();
    // (the side of the cells a gap parts, where the run's rules have a
    // joint in it)
    // (each rule's joints across, looked up once: a long table's rules
    // are held against each gap of each of its runs)
    let joints_on: Vec<Vec<f64>> = rules
        .iter()
        .map(|&y| {
            let from = drawn.joints.partition_point(|j| j.0 < y - s.snap_tolerance);
            let mut xs: Vec<f64> = drawn.joints[from..]
                .iter()
                .take_while(|j| j.0 <= y + s.snap_tolerance)
                .map(|j| j.1)
                .collect();
            xs.sort_by(f64::total_cmp);
            xs
        })
        .collect();
    let joint_in = |(a, b): (f64, f64)| {
        let in_gap = |xs: &Vec<f64>| {
            let x = *xs.get(xs.partition_point(|&x| x <= a))?;
            (x < b).then_some(x)
        };
        let xs: Vec<f64> = joints_on.iter().filter_map(in_gap).collect();
        (xs.len() >= JOINTED_RULES).then(|| xs[0])
    };
    let jointed = |gap: (f64, f64)| joint_in(gap).is_some();
    let found = run_gaps(lines, &jointed);
    let cuts = run_cuts(run, lines, &found);
    let end = unkey(run[run.len() - 1][3]);
    let splits = found
        .iter()
        .map(|&(gap, first, from)| {
            let ((a, b), start) = split_reach(run, lines, &cuts, gap, (first, from));
            Edge {
                pos: split_position(drawn.sides, lines, (a, b), (start, end), s)
                    .or_else(|| joint_in((a, b)))
                    .unwrap_or((a + b) / 2.0),
                start,
                end,
                stroked: true,
            }
        })
        .collect();
    let gaps: Vec<(f64, f64)> = found.iter().map(|&(gap, ..)| gap).collect();
    let lowered = cuts
        .keys()
        .flat_map(|&(cell, k)| lowered_over_cut(lines[cell], k, &gaps))
        .collect();
    let cuts = cuts
        .iter()
        .map(|(&(cell, _), &y)| Edge {
            pos: y,
            start: unkey(run[cell][0]),
            end: unkey(run[cell][2]),
            stroked: true,
        })
        .collect();
    Undrawn {
        splits,
        cuts,
        lowered,
    }
}

/// Where a split of a gap (`a..b`) standing from `start` down to `end`
/// stands, if an edge drawn says: in line with an edge drawn in the gap
/// beside it; else with one drawn a snapping tolerance off the gap that
/// the text it runs by overhangs no more than text may overhang a cell's
/// side and still be read in it (a heading over both columns set by a
/// browser overhangs the side of the cell it spans by a hair, and a split
/// beside that side would leave an empty sliver of a column between them).
/// (Else it stands at the rules' joint in the gap, or in its middle.)
fn split_position(
    drawn: &[Edge],
    lines: &[&Vec<Vec<Phrase>>],
    (a, b): (f64, f64),
    (start, end): (f64, f64),
    s: &TableSettings,
) -> Option<f64> {
    let beside = |e: &&Edge, off: f64| {
        e.pos > a - off
            && e.pos < b + off
            && e.start <= end + s.snap_tolerance
            && e.end >= start - s.snap_tolerance
    };
    drawn
        .iter()
        .find(|e| beside(e, 0.0))
        .or_else(|| {
            drawn.iter().find(|e| {
                beside(e, s.snap_tolerance)
                    && !text_crosses(lines, e.pos, (start, end), s.cell_overflow)
            })
        })
        .map(|e| e.pos)
}

/// Whether text of a run's cells (`lines`, each cell's) between two heights
/// runs across a position by more than `overhang` on both sides.
fn text_crosses(
    lines: &[&Vec<Vec<Phrase>>],
    x: f64,
    (top, bottom): (f64, f64),
    overhang: f64,
) -> bool {
    lines
        .iter()
        .copied()
        .flatten()
        .flatten()
        .any(|p| p.bottom > top && p.top < bottom && p.x0 < x - overhang && p.x1 > x + overhang)
}

/// Most lines of a run of cells a gap's run is looked for from: headings
/// over columns stand in a table's first lines, and each start reads every
/// line under it, so a ruled cell of thousands of lines would otherwise
/// cost their square.
const MAX_RUN_STARTS: usize = 64;

/// The gaps of a run of cells (`lines`, each cell's) down to its foot, each
/// with the cell and the line of the cell its run starts at, the highest
/// first (see `run_starts_at`); a gap overlapping one found higher is that
/// one. Runs start at the first `MAX_RUN_STARTS` lines (or empty cells).
fn run_gaps(
    lines: &[&Vec<Vec<Phrase>>],
    jointed: &dyn Fn((f64, f64)) -> bool,
) -> Vec<((f64, f64), usize, usize)> {
    let mut found: Vec<((f64, f64), usize, usize)> = Vec::new();
    let starts = lines
        .iter()
        .enumerate()
        .flat_map(|(first, cell)| (0..cell.len().max(1)).map(move |from| (first, from)));
    for (first, from) in starts.take(MAX_RUN_STARTS) {
        let cell = lines[first];
        let below: Vec<&Vec<Phrase>> = cell[from.min(cell.len())..]
            .iter()
            .chain(lines[first + 1..].iter().copied().flatten())
            .collect();
        for gap in column_gaps(&below, jointed) {
            if run_starts_at(cell, from, gap, &below)
                && !found.iter().any(|(g, ..)| g.0 < gap.1 && gap.0 < g.1)
            {
                found.push((gap, first, from));
            }
        }
    }
    found
}

/// The cuts of a run's cells, by cell and the line under each, at their
/// heights: under a heading across a gap whose run starts under it, or
/// else between a cell's rows of headings over a gap whose run starts at
/// its top (`rows_apart_over`).
fn run_cuts(
    run: &[[i64; 4]],
    lines: &[&Vec<Vec<Phrase>>],
    found: &[((f64, f64), usize, usize)],
) -> BTreeMap<(usize, usize), f64> {
    let mut cuts: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for &(_, first, from) in found.iter().filter(|&&(_, _, from)| from > 0) {
        cuts.insert((first, from), between_lines(lines[first], from));
    }
    let gaps: Vec<(f64, f64)> = found.iter().map(|&(gap, ..)| gap).collect();
    for &(gap, first, _) in found.iter().filter(|&&(_, _, from)| from == 0) {
        let already_cut = cuts.range((first, 0)..(first + 1, 0)).next().is_some();
        let (top, bottom) = (unkey(run[first][1]), unkey(run[first][3]));
        let apart = rows_apart_over(lines[first], (top, bottom), gap, &gaps);
        if let (false, Some(k)) = (already_cut, apart) {
            cuts.insert((first, k), between_lines(lines[first], k));
        }
    }
    cuts
}

/// The headings wrapped over a cell's cut above its line `k`, each the
/// phrases of its lines above the cut and its line under it: a heading of
/// one column, crossing none of the run's gaps (`gaps`), wrapped at its
/// leading from the line over the cut (or lines, each the only phrase over
/// the one under it) down to the line under it ("Spend" over "(£)", beside
/// "Quarter 1" over "Purpose"). Its cell spans the header's rows, its text
/// set at their foot; the cut parts the rows of the headings beside it.
fn wrapped_over_cut<'a>(
    cell: &'a [Vec<Phrase>],
    k: usize,
    gaps: &[(f64, f64)],
) -> Vec<(Vec<&'a Phrase>, &'a Phrase)> {
    let crosses = |p: &Phrase| gaps.iter().any(|&(a, b)| p.x0 < b && p.x1 > a);
    let mut wrapped = Vec::new();
    for under in cell.get(k).into_iter().flatten() {
        if crosses(under) {
            continue;
        }
        let mut above: Vec<&Phrase> = Vec::new();
        let mut lower = under;
        for (j, line) in cell[..k].iter().enumerate().rev() {
            let mut over = line.iter().filter(|p| p.x0 < lower.x1 && p.x1 > lower.x0);
            let (Some(p), None) = (over.next(), over.next()) else {
                // (a line over it with nothing over it in this column ends
                // the heading; the line over the cut must continue it)
                if j + 1 < k && line.iter().all(|p| p.x0 >= lower.x1 || p.x1 <= lower.x0) {
                    break;
                }
                above.clear();
                break;
            };
            let leading = lower.top - p.top <= ROWS_APART_LEADING * p.size.max(lower.size);
            if !leading && j + 1 < k {
                break;
            }
            if !leading || crosses(p) || p.figure || !p.words {
                above.clear();
                break;
            }
            above.push(p);
            lower = p;
        }
        if !above.is_empty() {
            wrapped.push((above, under));
        }
    }
    wrapped
}

/// What of a cell's lines the cut above its line `k` steps round
/// (`wrapped_over_cut`): the box of each wrapped heading's lines above it,
/// read at the middle of its line under it.
fn lowered_over_cut(cell: &[Vec<Phrase>], k: usize, gaps: &[(f64, f64)]) -> Vec<Lowered> {
    wrapped_over_cut(cell, k, gaps)
        .into_iter()
        .map(|(above, under)| Lowered {
            bbox: enclosing(above.iter().map(|p| [p.x0, p.top, p.x1, p.bottom])),
            at: (under.top + under.bottom) / 2.0,
        })
        .collect()
}

/// Where a gap's split (its run starting at a cell's line, `(first,
/// from)`) may stand, and the height it starts at: from its own cut, or
/// the lowest of the cell's cuts over which a heading crosses the gap its
/// lines leave and none parts it (`heads_over`), or the cell's top; or, in
/// a cell not cut, up through the cell over it, in the room its columns'
/// own headings run on over the gap leave (`room_beside_headings`).
fn split_reach(
    run: &[[i64; 4]],
    lines: &[&Vec<Vec<Phrase>>],
    cuts: &BTreeMap<(usize, usize), f64>,
    gap: (f64, f64),
    (first, from): (usize, usize),
) -> ((f64, f64), f64) {
    let mut in_cell = cuts.range((first, 0)..(first + 1, 0)).peekable();
    let uncut = in_cell.peek().is_none();
    let start = in_cell
        .rev()
        .find(|&(&(_, cut), _)| cut == from || from == 0 && heads_over(lines, (first, cut), gap))
        .map_or(unkey(run[first][1]), |(_, &y)| y);
    if let (true, 0, Some(above)) = (uncut, from, first.checked_sub(1)) {
        let below: Vec<&Vec<Phrase>> = lines[first..].iter().copied().flatten().collect();
        if let Some(room) = room_beside_headings(lines[above], &below, gap) {
            return (room, unkey(run[above][1]));
        }
    }
    (gap, start)
}

/// The height halfway between a cell's line `k` and the line over it.
fn between_lines(cell: &[Vec<Phrase>], k: usize) -> f64 {
    let above = cell[k - 1].iter().map(|p| p.bottom);
    let under = cell[k].iter().map(|p| p.top);
    (above.fold(f64::NEG_INFINITY, f64::max) + under.fold(f64::INFINITY, f64::min)) / 2.0
}

/// Where a cell (`top..bottom`) divides into rows of headings over the
/// lines a gap parts, as a band of headings does (see `heading_rows_apart`):
/// the line, of those down to the first the gap parts (under lines of no
/// figure), that stands further from the line over it than any leading,
/// with room between them for a cell's padding under the one and over the
/// other. A heading over columns narrower than the first of them crosses no
/// gap between them: it stands so over their own headings ("Funding" over
/// "Result 2022/23"); a heading wrapped in its cell is set at its leading.
/// (A line whose text stands on one side of the gap only is so apart from
/// the first line under it with text on that side: a heading wrapped at
/// its row's foot beside those columns, "Spend" over "(£)", may set its
/// first line between them, clear of the line over it.)
fn rows_apart_over(
    cell: &[Vec<Phrase>],
    (top, bottom): (f64, f64),
    gap: (f64, f64),
    gaps: &[(f64, f64)],
) -> Option<usize> {
    let parted = cell.iter().position(|l| parts_words(l, gap))?;
    // (headings: a line of figures over others is a row of a body)
    let headings = cell[..parted].iter().flatten().all(|p| !p.figure);
    if !headings {
        return None;
    }
    let extent = |l: &[Phrase]| {
        l.iter().fold(
            (f64::INFINITY, f64::NEG_INFINITY, 0.0f64),
            |(t, b, size), p| (t.min(p.top), b.max(p.bottom), size.max(p.size)),
        )
    };
    let paddings = (extent(&cell[0]).0 - top) + (bottom - extent(&cell[cell.len() - 1]).1);
    let apart = |upper: &[Phrase], lower: &[Phrase]| {
        let ((upper_top, upper_bottom, upper_size), (lower_top, _, lower_size)) =
            (extent(upper), extent(lower));
        lower_top - upper_top > ROWS_APART_LEADING * upper_size.max(lower_size)
            && lower_top - upper_bottom >= ROWS_APART_PADDING * paddings
    };
    // (the side of the gap a phrase stands on, `true` the right)
    let side = |p: &Phrase| match () {
        _ if p.x0 >= gap.1 => Some(true),
        _ if p.x1 <= gap.0 => Some(false),
        _ => None,
    };
    // (line `k - 1`, its text on one side, apart from the first line under
    // it with text on that side, and clear of line `k` for a cut)
    let apart_on_its_side = |k: usize| {
        let upper = &cell[k - 1];
        let Some(Some(right)) = upper.first().map(side) else {
            return false;
        };
        if upper.iter().any(|p| side(p) != Some(right)) {
            return false;
        }
        // (the boxes of the two lines may overlap a little, the cut
        // between them still passing well clear of their middles)
        let ((upper_top, upper_bottom, _), (lower_top, lower_bottom, _)) =
            (extent(upper), extent(&cell[k]));
        let height = (upper_bottom - upper_top).min(lower_bottom - lower_top);
        if upper_bottom - lower_top > LINES_TOUCH * height {
            return false;
        }
        let under = cell[k..].iter().find_map(|l| {
            let mine: Vec<Phrase> = l
                .iter()
                .filter(|p| side(p) == Some(right))
                .cloned()
                .collect();
            (!mine.is_empty()).then_some(mine)
        });
        under.is_some_and(|under| apart(upper, &under))
    };
    // (a heading wrapped over the two lines, beside the rest, is set at
    // its leading whether or not the rows beside it stand apart)
    let apart_beside_wrapped = |k: usize| {
        let wrapped = wrapped_over_cut(cell, k, gaps);
        let is_wrapped = |p: &Phrase| {
            wrapped.iter().any(|(above, under)| {
                std::ptr::eq(*under, p) || above.iter().any(|q| std::ptr::eq(*q, p))
            })
        };
        let rest = |line: &[Phrase]| {
            line.iter()
                .filter(|p| !is_wrapped(p))
                .cloned()
                .collect::<Vec<_>>()
        };
        let (upper, lower) = (rest(&cell[k - 1]), rest(&cell[k]));
        !upper.is_empty() && !lower.is_empty() && apart(&upper, &lower)
    };
    (1..=parted)
        .rev()
        .find(|&k| apart_beside_wrapped(k))
        .or_else(|| (1..=parted).rev().find(|&k| apart_on_its_side(k)))
}

/// Whether a cell's lines above its line `cut` (`lines`, each cell's of a
/// run, `cell` one of them) hold a heading over the columns a gap parts:
/// one crosses the gap the lines from `cut` down leave, and none parts it.
fn heads_over(
    lines: &[&Vec<Vec<Phrase>>],
    (cell, cut): (usize, usize),
    (a, b): (f64, f64),
) -> bool {
    let under = lines[cell][cut..]
        .iter()
        .chain(lines[cell + 1..].iter().copied().flatten())
        .flatten();
    let (mut left, mut right) = (f64::NEG_INFINITY, f64::INFINITY);
    for p in under {
        if p.x1 <= a {
            left = left.max(p.x1);
        } else if p.x0 >= b {
            right = right.min(p.x0);
        }
    }
    let above = &lines[cell][..cut];
    let crosses = above.iter().flatten().any(|p| p.x0 < right && p.x1 > left);
    crosses && !above.iter().any(|l| parts_words(l, (a, b)))
}

/// Whether a gap's run of lines (see `run_splits`) may start at a cell's
/// line `from`, over the lines `below` (the cell's from that line on, then
/// the cells' under it): at the cell's top, when the gap parts the cell's
/// lines (words either side of it level in part, see `lines_parted`: a
/// heading wrapped beside one of one line, both set at their middles) or
/// the cell is empty; under a heading across the gap over
/// the columns it parts (not one column's, see `side_headed`), when the
/// gap parts a line of the cell under that (their own headings).
fn run_starts_at(
    cell: &[Vec<Phrase>],
    from: usize,
    (a, b): (f64, f64),
    below: &[&Vec<Phrase>],
) -> bool {
    let parted = |lines: &[Vec<Phrase>]| {
        let lines: Vec<&Vec<Phrase>> = lines.iter().collect();
        lines_parted(&lines, (a, b)) > 0
    };
    if from == 0 {
        return cell.is_empty() || parted(cell);
    }
    let heading = cell[from - 1]
        .iter()
        .any(|p| p.x0 < b && p.x1 > a && side_headed(p, below, (a, b)).is_none());
    heading && parted(&cell[from..])
}

/// How far (pt) a heading may stand from its column's text and be set in
/// line with it: flush with it, or centred on it.
const HEADING_IN_LINE: f64 = 1.0;

/// The side of a gap (`Some(true)` the right) whose column's text a phrase
/// across the gap is in line with, over the lines `below`: flush right with
/// the right one's (a heading of figures set flush right, wider than they
/// are, "Indian/Alaskan" over "Native"), or centred on either's. It is that
/// column's heading, run on over the gap, not one over both.
fn side_headed(p: &Phrase, below: &[&Vec<Phrase>], (a, b): (f64, f64)) -> Option<bool> {
    // (the extent of the phrases next to the gap on one side, line by line:
    // `off` is how far a phrase stands off the gap, negative across it)
    let side = |off: &dyn Fn(&Phrase) -> f64| {
        below
            .iter()
            .filter_map(|l| {
                let beside = l.iter().filter(|q| off(q) >= 0.0);
                beside.min_by(|q, r| off(q).total_cmp(&off(r)))
            })
            .fold(None, |extent: Option<(f64, f64)>, q| {
                Some(extent.map_or((q.x0, q.x1), |(x0, x1)| (x0.min(q.x0), x1.max(q.x1))))
            })
    };
    let (left, right) = (side(&|q| a - q.x1), side(&|q| q.x0 - b));
    let centre = (p.x0 + p.x1) / 2.0;
    let centred_on = |(x0, x1): (f64, f64)| (centre - (x0 + x1) / 2.0).abs() <= HEADING_IN_LINE;
    if right.is_some_and(|(_, x1)| (p.x1 - x1).abs() <= HEADING_IN_LINE)
        || right.is_some_and(centred_on)
    {
        Some(true)
    } else {
        left.is_some_and(centred_on).then_some(false)
    }
}

/// Where a gap's split may run up through the cell over its run (`cell`)
/// when every phrase of it across the gap is one column's heading run on
/// over it (see `side_headed`; the lines `below` are the run's): between
/// the text either side, in the room those headings leave of the gap, if
/// they leave some and the cell's lines stand either side of it.
fn room_beside_headings(
    cell: &[Vec<Phrase>],
    below: &[&Vec<Phrase>],
    (a, b): (f64, f64),
) -> Option<(f64, f64)> {
    let (mut from, mut to) = (a, b);
    for p in cell.iter().flatten().filter(|p| p.x0 < b && p.x1 > a) {
        match side_headed(p, below, (a, b))? {
            true => to = to.min(p.x0),
            false => from = from.max(p.x1),
        }
    }
    let lines: Vec<&Vec<Phrase>> = cell.iter().collect();
    (to > from && (from, to) != (a, b) && lines_parted(&lines, (from, to)) > 0)
        .then_some((from, to))
}

/// The upright glyphs (spaces aside) whose centres lie in a box, by their
/// centres' heights: each cell's are then found at once.
fn upright_text_by_height(page: &PageContent, b: BBox) -> Vec<&Glyph> {
    let mut inside: Vec<&Glyph> = page
        .glyphs
        .iter()
        .filter(|g| g.dir[0] > 0.99 && !g.text.trim().is_empty() && box_holds(b, g.centre()))
        .collect();
    inside.sort_by(|a, b| a.centre().1.total_cmp(&b.centre().1));
    inside
}

/// A run of glyphs on one line, each a word space from the next at most:
/// its extent across and down, its type size, whether it holds a word
/// (`is_word_char`), whether it is a figure, and whether it is a list's label ("1.",
/// "(a)", a bullet).
#[derive(Clone)]
struct Phrase {
    x0: f64,
    x1: f64,
    top: f64,
    bottom: f64,
    size: f64,
    words: bool,
    figure: bool,
    label: bool,
}

impl Phrase {
    /// Whether it stands within an extent across the page.
    fn within(&self, (from, to): (f64, f64)) -> bool {
        self.x0 >= from && self.x1 <= to
    }
}

/// The phrases of each line of the glyphs (upright, sorted by their centres'
/// heights) whose centres lie in a box.
fn phrase_lines(glyphs: &[&Glyph], b: BBox) -> Vec<Vec<Phrase>> {
    let text = |p: &[&Glyph]| p.iter().map(|g| g.text.as_str()).collect::<String>();
    let from = glyphs.partition_point(|g| g.centre().1 < b[1]);
    let to = glyphs.partition_point(|g| g.centre().1 <= b[3]);
    let mut glyphs: Vec<&Glyph> = glyphs[from..to]
        .iter()
        .copied()
        .filter(|g| box_holds(b, g.centre()))
        .collect();
    glyphs.sort_by(|a, b| a.origin[1].total_cmp(&b.origin[1]));
    glyphs
        .chunk_by_mut(|a, b| on_one_line(a, b))
        .map(|line| {
            line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            line.chunk_by(|a, b| in_one_phrase(a, b))
                .map(|p| Phrase {
                    x0: p.iter().map(|g| g.x0).fold(f64::INFINITY, f64::min),
                    x1: p.iter().map(|g| g.x1).fold(f64::NEG_INFINITY, f64::max),
                    top: p.iter().map(|g| g.top).fold(f64::INFINITY, f64::min),
                    bottom: p.iter().map(|g| g.bottom).fold(f64::NEG_INFINITY, f64::max),
                    size: p[0].size,
                    words: p.iter().any(|g| g.text.chars().any(is_word_char)),
                    figure: super::holds_data(&text(p)),
                    label: is_item_label(&text(p)),
                })
                .collect()
        })
        .collect()
}

/// Whether a character makes a phrase a word, not a leader's dots or a
/// rule's dashes: a letter, a digit, or a currency's or a unit's sign (a
/// column's heading "(£)" or "%").
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || "£$€¥%#".contains(c)
}

/// Whether a phrase labels a list's item: a bullet, or a number, a letter
/// or a roman numeral closed by a point or a bracket ("1.", "12.", "a)",
/// "(iv)"); a figure ("468.3", "2.1") or a word ("Note.") is none. (The
/// layout's `is_list_label` takes a section number, "4.1", for a label:
/// in a column of figures it is a figure.)
fn is_item_label(text: &str) -> bool {
    if text.chars().count() == 1 {
        return text.chars().all(is_bullet_glyph);
    }
    let body = text.strip_prefix('(').unwrap_or(text);
    let Some(body) = body.strip_suffix(['.', ')']) else {
        return false;
    };
    let n = body.chars().count();
    let digits = (1..=3).contains(&n) && body.chars().all(|c| c.is_ascii_digit());
    let letters = (1..=2).contains(&n) && body.chars().all(|c| c.is_alphabetic());
    let roman = (1..=4).contains(&n) && body.chars().all(|c| "ivxIVX".contains(c));
    digits || letters || roman
}

/// The gaps no line crosses, wider than `UNDRAWN_GUTTER`, that part words
/// on `UNDRAWN_SPLIT_LINES` lines, when every column they part off holds
/// text on as many lines, and more than a list's labels; or, where the
/// rules' joints stand in a gap (`jointed`: the sides of cells drawn one by
/// one, their borders left out), that part words on one line, the columns
/// between such gaps holding text on one line (a column of figures with
/// one filled in under its heading).
fn column_gaps(lines: &[&Vec<Phrase>], jointed: &dyn Fn((f64, f64)) -> bool) -> Vec<(f64, f64)> {
    let mut spans: Vec<(f64, f64)> = lines
        .iter()
        .flat_map(|l| l.iter().map(|p| (p.x0, p.x1)))
        .collect();
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut sizes: Vec<f64> = lines
        .iter()
        .flat_map(|l| l.iter().map(|p| p.size))
        .collect();
    sizes.sort_by(f64::total_cmp);
    let Some(&size) = sizes.get(sizes.len() / 2) else {
        return Vec::new();
    };
    let mut reach = f64::NEG_INFINITY;
    let mut gaps = Vec::new();
    for &(x0, x1) in &spans {
        if reach.is_finite() && x0 - reach >= UNDRAWN_GUTTER * size {
            gaps.push((reach, x0));
        }
        reach = reach.max(x1);
    }
    gaps.retain(|&gap| {
        let least = if jointed(gap) { 1 } else { UNDRAWN_SPLIT_LINES };
        lines_parted(lines, gap) >= least
    });
    // (a heading set between two columns' gaps, over both, on a line of its
    // own, is no column of its own: nor is a heading set flush left over
    // figures set flush right, clear of them, beside other columns'
    // headings, nor the labels of a list's items, "1." before each; such a
    // column joins the column beside it across one of the two gaps it
    // stands between: the one to a column with no text on its lines, whose
    // heading it is, not to one whose own heading it would stand beside on
    // its line; else the one its text is less flush with)
    while let Some(column) = (0..=gaps.len()).find(|&c| !column_lined(lines, &gaps, c, jointed)) {
        if !shares_its_lines(lines, &gaps, column) {
            return Vec::new();
        }
        let sides = [
            column.checked_sub(1),
            (column < gaps.len()).then_some(column),
        ];
        let width = |g: usize| gaps[g].1 - gaps[g].0;
        // (the column across gap `g`, the one before it or after it)
        let beside = |g: usize| if g < column { g } else { g + 1 };
        let shares = |g: usize| shares_a_line(lines, &gaps, column, beside(g));
        let Some(weaker) = sides.into_iter().flatten().min_by(|&g, &h| {
            let flush = flush_with(lines, gaps[g]).cmp(&flush_with(lines, gaps[h]));
            let apart = shares(g).cmp(&shares(h));
            apart.then(flush).then(width(g).total_cmp(&width(h)))
        }) else {
            break;
        };
        gaps.remove(weaker);
    }
    gaps
}

/// The extent of the `column`th of the columns a run's gaps part.
fn column_extent(gaps: &[(f64, f64)], column: usize) -> (f64, f64) {
    let from = column
        .checked_sub(1)
        .map_or(f64::NEG_INFINITY, |g| gaps[g].1);
    let to = gaps.get(column).map_or(f64::INFINITY, |g| g.0);
    (from, to)
}

/// Whether every line with text in the `column`th of the columns a run's
/// gaps part has text in another too (a row's, not a line of its own), or
/// holds text in line with the column's text on such a line: a heading
/// over columns set flush left with the first one's own heading and
/// narrower than it ("Quarter 1" over "Outcome"), on a line of its own.
fn shares_its_lines(lines: &[&Vec<Phrase>], gaps: &[(f64, f64)], column: usize) -> bool {
    let extent = column_extent(gaps, column);
    let in_column = |l: &&Vec<Phrase>| l.iter().filter(|p| p.within(extent)).count();
    let (shared, own): (Vec<&Vec<Phrase>>, Vec<&Vec<Phrase>>) = lines
        .iter()
        .copied()
        .filter(|l| in_column(l) > 0)
        .partition(|l| in_column(l) < l.len());
    let in_line = |p: &Phrase| {
        shared
            .iter()
            .flat_map(|l| l.iter().filter(|q| q.within(extent)))
            .any(|q| (p.x0 - q.x0).abs() <= HEADING_IN_LINE)
    };
    own.iter()
        .all(|l| l.iter().filter(|p| p.within(extent)).all(in_line))
}

/// Whether a line has text in both of two of the columns a run's gaps part.
fn shares_a_line(lines: &[&Vec<Phrase>], gaps: &[(f64, f64)], one: usize, other: usize) -> bool {
    let (a, b) = (column_extent(gaps, one), column_extent(gaps, other));
    lines
        .iter()
        .any(|l| l.iter().any(|p| p.within(a)) && l.iter().any(|p| p.within(b)))
}

/// Whether the `column`th of the columns a run's gaps part holds text on
/// `UNDRAWN_SPLIT_LINES` lines (on one, between gaps the rules' joints
/// stand in), and more than a list's labels.
fn column_lined(
    lines: &[&Vec<Phrase>],
    gaps: &[(f64, f64)],
    column: usize,
    jointed: &dyn Fn((f64, f64)) -> bool,
) -> bool {
    let extent = column_extent(gaps, column);
    let lined = lines
        .iter()
        .filter(|l| l.iter().any(|p| p.within(extent)))
        .count();
    let sides = [
        column.checked_sub(1),
        (column < gaps.len()).then_some(column),
    ];
    let least = if sides.into_iter().flatten().all(|g| jointed(gaps[g])) {
        1
    } else {
        UNDRAWN_SPLIT_LINES
    };
    let labels_only = lines
        .iter()
        .flat_map(|l| l.iter().filter(|p| p.within(extent)))
        .all(|p| p.label);
    lined >= least && !labels_only
}

/// How many lines set the text next to a gap flush with it on one side, the
/// side with more: the ends of figures set flush right, the starts of text
/// set flush left, a column's edge. A gap between a heading and figures
/// clear of it has the heading's line alone, or the widest figures'.
fn flush_with(lines: &[&Vec<Phrase>], (a, b): (f64, f64)) -> usize {
    let left = lines.iter().filter(|l| {
        l.iter()
            .filter(|p| p.x1 <= a)
            .any(|p| p.x1 >= a - HEADING_IN_LINE)
    });
    let right = lines.iter().filter(|l| {
        l.iter()
            .filter(|p| p.x0 >= b)
            .any(|p| p.x0 <= b + HEADING_IN_LINE)
    });
    left.count().max(right.count())
}

/// How many lines have words next to a gap beside words on its other side:
/// on the line itself (see `parts_words`), or on a line set level with it
/// in part, as lines of cells set at their rows' middles are, a cell of two
/// lines beside one of three.
fn lines_parted(lines: &[&Vec<Phrase>], (a, b): (f64, f64)) -> usize {
    let nearest = |l: &&Vec<Phrase>, left: bool| -> Option<(f64, f64)> {
        let side = l
            .iter()
            .filter(|p| if left { p.x1 <= a } else { p.x0 >= b });
        let next = side.max_by(|p, q| {
            let (p, q) = if left { (p.x1, q.x1) } else { (q.x0, p.x0) };
            p.total_cmp(&q)
        })?;
        next.words.then_some((next.top, next.bottom))
    };
    let mut rights: Vec<(f64, f64)> = lines.iter().filter_map(|l| nearest(l, false)).collect();
    rights.sort_by(|p, q| p.0.total_cmp(&q.0));
    let tallest = rights.iter().map(|(t, b)| b - t).fold(0.0, f64::max);
    let level = |(t0, b0): (f64, f64), (t1, b1): (f64, f64)| {
        b0.min(b1) - t0.max(t1) > LEVEL_OVERLAP * (b0 - t0).min(b1 - t1)
    };
    // (only the words on the right whose tops stand within the tallest's
    // height over the left's top to its foot can stand level with it: the
    // rest are not looked at, or a tall cell's lines would each be held
    // against every other)
    let level_with_a_right = |(t0, b0): (f64, f64)| {
        let under = rights.partition_point(|r| r.0 < b0);
        rights[..under]
            .iter()
            .rev()
            .take_while(|r| r.0 > t0 - tallest)
            .any(|&right| level((t0, b0), right))
    };
    lines
        .iter()
        .filter_map(|l| nearest(l, true))
        .filter(|&left| level_with_a_right(left))
        .count()
}

/// How much of the shorter of two lines' heights they must share to stand
/// level: lines set one under another at their leading share little of it.
const LEVEL_OVERLAP: f64 = 0.25;

/// Whether the phrases next to a gap on a line, either side, hold words: a
/// leader's dots between a label and its figure, set on a grid line after
/// line, leave gaps in line that part nothing.
fn parts_words(line: &[Phrase], (a, b): (f64, f64)) -> bool {
    let left = line
        .iter()
        .filter(|p| p.x1 <= a)
        .max_by(|p, q| p.x1.total_cmp(&q.x1));
    let right = line
        .iter()
        .filter(|p| p.x0 >= b)
        .min_by(|p, q| p.x0.total_cmp(&q.x0));
    left.is_some_and(|p| p.words) && right.is_some_and(|p| p.words)
}

/// Cells that share a corner belong to one table.
fn group_cells(cells: &[[i64; 4]]) -> Vec<Vec<[i64; 4]>> {
    let mut parent: Vec<usize> = (0..cells.len()).collect();
    fn find(p: &mut [usize], i: usize) -> usize {
        let mut r = i;
        while p[r] != r {
            p[r] = p[p[r]];
            r = p[r];
        }
        r
    }
    let mut corner_owner: HashMap<(i64, i64), usize> = HashMap::new();
    for (i, c) in cells.iter().enumerate() {
        for corner in [(c[0], c[1]), (c[2], c[1]), (c[0], c[3]), (c[2], c[3])] {
            match corner_owner.get(&corner) {
                Some(&j) => {
                    let (a, b) = (find(&mut parent, i), find(&mut parent, j));
                    parent[a] = b;
                }
                None => {
                    corner_owner.insert(corner, i);
                }
            }
        }
    }
    let mut groups: BTreeMap<usize, Vec<[i64; 4]>> = BTreeMap::new();
    for (i, c) in cells.iter().enumerate() {
        let root = find(&mut parent, i);
        groups.entry(root).or_default().push(*c);
    }
    groups.into_values().collect()
}

/// Finds the page's ruled tables.
pub fn ruled_tables(page: &PageContent, fonts: &[FontStyle], s: &TableSettings) -> Vec<FoundTable> {
    ruled_grids(page, fonts, s).0
}

/// The page's ruled tables, and the boxes of the grids that are charts' plot
/// areas (see `is_a_plot`), whose text is no table's either.
pub fn ruled_grids(
    page: &PageContent,
    fonts: &[FontStyle],
    s: &TableSettings,
) -> (Vec<FoundTable>, Vec<BBox>) {
    let (mut h, mut v) = edges(&page.segments, s);
    if s.infer_frame {
        let (frame_v, frame_h) = (frame_sides(&h, &v, s), frame_sides(&v, &h, s));
        v.extend(frame_v);
        h.extend(frame_h);
    }
    let mut tables: Vec<FoundTable> = Vec::new();
    let mut plots: Vec<BBox> = Vec::new();
    if h.len() >= 2 && v.len() >= 2 {
        let mut all_cells = cells(&crossings(&h, &v, s));
        let undrawn = undrawn_in_grids(&all_cells, &h, &v, page, s);
        if !undrawn.splits.is_empty() || !undrawn.cuts.is_empty() {
            let across = [h.as_slice(), &undrawn.cuts].concat();
            let down = [v.as_slice(), &undrawn.splits].concat();
            all_cells = cells(&crossings(&across, &down, s));
        }
        for group in group_cells(&all_cells) {
            match build_table(&group, page, fonts, &undrawn.lowered, s) {
                Some(Grid::Table(table))
                    if !shades_a_longer_table(&table, (&h, &v), page, s)
                        && !shading_leaves_rows_out(&table, &v, page, s) =>
                {
                    tables.push(table)
                }
                Some(Grid::Plot(bbox)) => plots.push(bbox),
                Some(Grid::Table(_)) | None => {}
            }
        }
    }
    // (rules of a grid, a table's or a plot's, make no table of rules between rows)
    let grids: Vec<BBox> = tables
        .iter()
        .map(|t| t.bbox)
        .chain(plots.iter().copied())
        .collect();
    let outside: Vec<Edge> = h
        .into_iter()
        .filter(|e| {
            !grids
                .iter()
                .any(|b| e.pos >= b[1] - s.snap_tolerance && e.pos <= b[3] + s.snap_tolerance)
        })
        .collect();
    // (a table of rules between rows that reached into a grid's text, by a
    // header or a foot read round it, is no table: its rows' text is read
    // again, as an unruled table's or as prose)
    let in_grids: HashSet<usize> = tables
        .iter()
        .flat_map(|t| t.glyphs.iter().copied())
        .collect();
    let (row_ruled, charts) = row_rule_tables(&outside, &grids, page, fonts, s);
    tables.extend(
        row_ruled
            .into_iter()
            .filter(|t| !t.glyphs.iter().any(|g| in_grids.contains(g))),
    );
    plots.extend(charts);
    tables.sort_by(|a, b| {
        a.bbox[1]
            .total_cmp(&b.bbox[1])
            .then(a.bbox[0].total_cmp(&b.bbox[0]))
    });
    (tables, plots)
}

/// How many of a shaded head's rows' heights below it the first rule of the
/// rows it heads may stand.
const MAX_HEAD_TO_RULE_ROWS: f64 = 5.0;

/// Whether a grid drawn by shading alone (its cells shaded one by one, no
/// rule stroked between its columns) is the top of a table that runs on
/// below it unshaded: rows striped in a tint that shades two rows running (a
/// head repeated on a new page takes the tint of the row under it), or a
/// head shaded cell by cell over rows ruled under each, make such a grid,
/// and the line under it, within a row's height, has text in two columns or
/// more. The page is then read as unruled (its rules between rows make a
/// table of their own, head and rows).
fn shades_a_longer_table(
    table: &FoundTable,
    (h, v): (&[Edge], &[Edge]),
    page: &PageContent,
    s: &TableSettings,
) -> bool {
    let [x0, top, x1, bottom] = table.bbox;
    let tol = s.snap_tolerance;
    let across = |e: &Edge, (a, b): (f64, f64), (c, d): (f64, f64)| {
        e.pos >= a - tol && e.pos <= b + tol && e.start >= c - tol && e.end <= d + tol
    };
    if !columns_shaded_only(table.bbox, v, s) {
        return false;
    }
    let row_height = (bottom - top) / table.table.rows.len().max(1) as f64;
    // (rules stroked across it, under its rows, go on under the rows below
    // it: a table ruled between rows, its head shaded cell by cell, as a
    // presentation's table with a dark head)
    let ruled_across = h
        .iter()
        .any(|e| e.stroked && across(e, (top, bottom), (x0, x1)));
    // (the first edge under it across its width, a rule or a stripe's top)
    let edge_below = h
        .iter()
        .filter(|e| {
            (e.stroked || !ruled_across)
                && e.pos > bottom + tol
                && e.pos <= bottom + MAX_HEAD_TO_RULE_ROWS * row_height
                && e.start <= x0 + tol
                && e.end >= x1 - tol
        })
        .map(|e| e.pos)
        .min_by(f64::total_cmp);
    // (the row under it runs down to that rule: its cells set at their
    // middle may leave its first line to one tall cell)
    let row_end = match (ruled_across, edge_below) {
        (_, Some(edge)) => edge,
        (false, None) => bottom + row_height,
        (true, None) => return false,
    };
    let below: Vec<&Glyph> = text_under(page, (x0, x1), bottom)
        .filter(|g| g.centre().1 < row_end)
        .collect();
    text_columns(&below, s).len() >= 2
}

/// Whether no rule stroked between a grid's columns parts them: its
/// vertical edges within its box are all sides of fills.
fn columns_shaded_only([x0, top, x1, bottom]: BBox, v: &[Edge], s: &TableSettings) -> bool {
    let tol = s.snap_tolerance;
    v.iter()
        .filter(|e| {
            e.pos >= x0 - tol && e.pos <= x1 + tol && e.start >= top - tol && e.end <= bottom + tol
        })
        .all(|e| !e.stroked)
}

/// Fewest glyphs (not spaces) a grid of shading may leave out of its cells
/// before it is no table: a line's worth.
const LEFT_OUT_GLYPHS: usize = 3;

/// Whether a grid drawn by shading alone (no rule stroked between its
/// columns) leaves text inside it out of every cell: rows striped every
/// other one, joined into one grid by a column of cells shaded down the
/// whole table (a status coloured cell by cell), have the unshaded rows'
/// text between the stripes in no cell. The stripes and the coloured cells
/// are no grid of the table's cells; it is read as unruled.
fn shading_leaves_rows_out(
    table: &FoundTable,
    v: &[Edge],
    page: &PageContent,
    s: &TableSettings,
) -> bool {
    let [x0, top, x1, bottom] = table.bbox;
    let tol = s.snap_tolerance;
    if !columns_shaded_only(table.bbox, v, s) {
        return false;
    }
    let in_cells: HashSet<usize> = table.glyphs.iter().copied().collect();
    let inside = |g: &Glyph| {
        let (cx, cy) = g.centre();
        cx > x0 + tol && cx < x1 - tol && cy > top + tol && cy < bottom - tol
    };
    let left_out = page
        .glyphs
        .iter()
        .enumerate()
        .filter(|(i, g)| inside(g) && !in_cells.contains(i) && !g.text.trim().is_empty())
        .count();
    left_out >= LEFT_OUT_GLYPHS
}

/// The sides of a frame a table is printed without (a spreadsheet with its
/// outer borders turned off): rules that cross the grid (two rules across
/// them or more) and end in the air, with no rule across them further out,
/// end at a side of the table where two or more end at one place. A side
/// runs only as far as the grid between them does, so it never bridges two
/// tables. `rules` run one way, `across` the other; the sides run as
/// `across` do.
fn frame_sides(rules: &[Edge], across: &[Edge], s: &TableSettings) -> Vec<Edge> {
    let tol = s.intersection_tolerance;
    let meets = |r: &Edge, a: &Edge| r.pos >= a.start - tol && r.pos <= a.end + tol;
    let mut ends: Vec<(f64, f64)> = Vec::new();
    for r in rules {
        let crossed = across
            .iter()
            .filter(|a| a.pos > r.start + tol && a.pos < r.end - tol && meets(r, a))
            .count();
        if crossed < 2 {
            continue;
        }
        for (at, outward) in [(r.start, -1.0), (r.end, 1.0)] {
            let closed = across
                .iter()
                .any(|a| (a.pos - at) * outward >= -tol && meets(r, a));
            if !closed {
                ends.push((at, r.pos));
            }
        }
    }
    ends.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut sides = Vec::new();
    let mut i = 0;
    while i < ends.len() {
        let j = i + ends[i..]
            .iter()
            .take_while(|e| e.0 - ends[i].0 <= s.snap_tolerance)
            .count();
        let at = ends[i..j].iter().map(|e| e.0).sum::<f64>() / (j - i) as f64;
        let mut positions: Vec<f64> = ends[i..j].iter().map(|e| e.1).collect();
        positions.sort_by(f64::total_cmp);
        // runs of ends that the grid's own rules span from one to the next
        let spanned = |a: f64, b: f64| {
            across
                .iter()
                .any(|e| e.start <= a + tol && e.end >= b - tol)
        };
        let mut run_start = 0;
        for k in 1..=positions.len() {
            if k == positions.len() || !spanned(positions[k - 1], positions[k]) {
                if k - run_start >= 2 {
                    sides.push(Edge {
                        pos: at,
                        start: positions[run_start],
                        end: positions[k - 1],
                        stroked: false,
                    });
                }
                run_start = k;
            }
        }
        i = j;
    }
    sides
}

/// Horizontal rules of the same extent stacked down the page: the row
/// borders of a table styled with rules between rows only (the usual web and
/// word-processor style). Rows are the bands between rules (and the header
/// band above the first); columns are the runs of text separated by gaps wider
/// than any word space, in every row at once.
///
/// Also returns the plot areas of the charts whose gridlines stack as such
/// rules would (see `scales_its_rules`).
fn row_rule_tables(
    h: &[Edge],
    grids: &[BBox],
    page: &PageContent,
    fonts: &[FontStyle],
    s: &TableSettings,
) -> (Vec<FoundTable>, Vec<BBox>) {
    let mut rules: Vec<&Edge> = h
        .iter()
        .filter(|e| e.end - e.start >= s.row_rule_min_length)
        .collect();
    if rules.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let lines = UprightText::of(page);
    rules.retain(|e| !underlines_text(e, &lines));
    rules.sort_by(|a, b| a.pos.total_cmp(&b.pos));
    // (tables side by side interleave their rules down the page: a rule joins
    // the open stack of its own extent, wherever the last rule was)
    let mut stacks: Vec<Vec<&Edge>> = Vec::new();
    for e in rules {
        let joins = stacks.iter().rposition(|st| {
            let (first, last) = (st[0], st[st.len() - 1]);
            // (a header ruled round, as booktabs rules it, over a body of
            // rows ruled at its foot only, however tall)
            let ruled_head_over_rows = || {
                st.len() == 2
                    && band_of_rows(page, fonts, (first.start, first.end), (last.pos, e.pos), s)
            };
            // (nor does a stack run on over a grid between its rules: the
            // rules over and under a ruled table are no rows round it)
            let over_a_grid = || {
                grids.iter().any(|g| {
                    g[1] >= last.pos && g[3] <= e.pos && g[0] < first.end && g[2] > first.start
                })
            };
            (e.start - first.start).abs() <= s.snap_tolerance
                && (e.end - first.end).abs() <= s.snap_tolerance
                && (e.pos - last.pos <= s.row_max_height || ruled_head_over_rows())
                && !over_a_grid()
        });
        match joins {
            Some(i) => stacks[i].push(e),
            None => stacks.push(vec![e]),
        }
    }
    let stacks: Vec<Vec<&Edge>> = stacks
        .into_iter()
        .flat_map(|st| split_at_wide_gaps(st, h, page, s))
        .flat_map(|st| split_at_headings(st, page, s))
        .filter(|st| st.len() >= s.row_rules_min)
        .filter(|st| !st.iter().all(|e| fill_side(e, &page.fills, s)))
        .collect();
    let (plots, stacks): (Vec<Vec<&Edge>>, Vec<Vec<&Edge>>) = stacks
        .into_iter()
        .partition(|st| scales_its_rules(st, &lines));
    let plots = plots
        .iter()
        .map(|st| [st[0].start, st[0].pos, st[0].end, st[st.len() - 1].pos])
        .collect();
    // Where each stack's table lies (its header band above the first rule
    // included), so that a table beside another does not take in its text.
    let extents: Vec<[f64; 4]> = stacks
        .iter()
        .map(|st| {
            let (first, last) = (st[0].pos, st[st.len() - 1].pos);
            let typical = (last - first) / (st.len() - 1) as f64;
            [st[0].start, first - typical, st[0].end, last]
        })
        .collect();
    let tables = stacks
        .iter()
        .enumerate()
        .filter_map(|(i, st)| {
            let others: Vec<[f64; 4]> = (0..extents.len())
                .filter(|&j| j != i)
                .map(|j| extents[j])
                .collect();
            table_from_row_rules(st, h, &others, page, fonts, s)
        })
        .collect();
    (tables, plots)
}

/// How far (× its size) a chart's scale label ends short of its gridline.
const SCALE_LABEL_GAP: f64 = 1.5;
/// How far (× its size) a scale label's middle stands off its gridline's
/// level, at most. A table's text stands between its rules, half a row or
/// more off them.
const SCALE_LABEL_OFFSET: f64 = 0.35;
/// Least number of gridlines a chart's scale labels.
const SCALE_LABELS_MIN: usize = 3;

/// Whether a stack of rules is a chart's gridlines: labels of its scale
/// ("$0", "$15", "$30") stand beside the rules' ends, each level with its
/// rule, on three rules or more and on three rules in four at least. The
/// values plotted between them (a marker's figure here and there, at the
/// height of its value) line up in columns as a table's figures do, but
/// they are no table.
fn scales_its_rules(stack: &[&Edge], lines: &UprightText) -> bool {
    let labelled = stack
        .iter()
        .filter(|e| {
            let from = lines
                .glyphs
                .partition_point(|g| g.origin[1] < e.pos - lines.largest);
            let to = lines
                .glyphs
                .partition_point(|g| g.origin[1] <= e.pos + lines.largest);
            lines.glyphs[from..to].iter().any(|g| {
                let gap = SCALE_LABEL_GAP * g.size;
                (g.centre().1 - e.pos).abs() <= SCALE_LABEL_OFFSET * g.size
                    && ((g.x1 <= e.start && g.x1 >= e.start - gap)
                        || (g.x0 >= e.end && g.x0 <= e.end + gap))
            })
        })
        .count();
    labelled >= SCALE_LABELS_MIN && 4 * labelled >= 3 * stack.len()
}

/// How far below a line's baseline (× its size) an underline is drawn, at
/// most: a little under it, above the descenders' feet.
const UNDERLINE_DEPTH: f64 = 0.3;
/// How far (pt) an underline's ends stand from its text's.
const UNDERLINE_OVERHANG: f64 = 2.0;
/// Least share of an underline its letters cover (the spaces between its
/// words are not drawn).
const UNDERLINE_COVER: f64 = 0.7;
/// Widest gap (× size) between two letters an underline runs under: a word
/// space, wide in justified text, not the gap between two cells.
const UNDERLINE_MAX_GAP: f64 = 1.5;

/// Whether a rule underlines a run of text (a link, an emphasised phrase):
/// it lies just under a line's baseline, from that line's first letter over
/// it to its last, and the letters cover most of it. Links of one
/// length underlined line after line (a reference list's addresses) stack
/// as rules between rows would, but they rule no table.
fn underlines_text(e: &Edge, lines: &UprightText) -> bool {
    // (only the glyphs whose baselines lie just above the rule: the page's
    // glyphs are sorted by baseline once)
    let reach = UNDERLINE_DEPTH * lines.largest;
    let from = lines
        .glyphs
        .partition_point(|g| g.origin[1] < e.pos - reach);
    let to = lines.glyphs.partition_point(|g| g.origin[1] <= e.pos);
    let mut over: Vec<&Glyph> = lines.glyphs[from..to]
        .iter()
        .copied()
        .filter(|g| {
            let below = e.pos - g.origin[1];
            below <= UNDERLINE_DEPTH * g.size && g.centre().0 >= e.start && g.centre().0 <= e.end
        })
        .collect();
    let (Some(first), Some(last)) = (
        over.iter().map(|g| g.x0).reduce(f64::min),
        over.iter().map(|g| g.x1).reduce(f64::max),
    ) else {
        return false;
    };
    let covered: f64 = over.iter().map(|g| g.x1 - g.x0).sum();
    // (an underline's text runs on, word after word; the cells of a row
    // ruled under stand apart, however much of the rule they cover)
    over.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let runs_on = over
        .windows(2)
        .all(|w| w[1].x0 - w[0].x1 <= UNDERLINE_MAX_GAP * w[0].size);
    (first - e.start).abs() <= UNDERLINE_OVERHANG
        && (e.end - last).abs() <= UNDERLINE_OVERHANG
        && covered >= UNDERLINE_COVER * (e.end - e.start)
        && runs_on
}

/// A page's upright glyphs (spaces aside) sorted by baseline, and the
/// largest type among them, to find the glyphs on a line at once.
struct UprightText<'p> {
    glyphs: Vec<&'p Glyph>,
    largest: f64,
}

impl<'p> UprightText<'p> {
    fn of(page: &'p PageContent) -> Self {
        let mut glyphs: Vec<&Glyph> = page
            .glyphs
            .iter()
            .filter(|g| g.dir[0] > 0.99 && !g.text.trim().is_empty())
            .collect();
        glyphs.sort_by(|a, b| a.origin[1].total_cmp(&b.origin[1]));
        let largest = glyphs.iter().map(|g| g.size).fold(0.0, f64::max);
        UprightText { glyphs, largest }
    }
}

/// Whether the text between two rules (`top`, `bottom`) across a stack's
/// extent makes rows of figures in columns, as `rows_in_band` reads them.
fn band_of_rows(
    page: &PageContent,
    fonts: &[FontStyle],
    (x0, x1): (f64, f64),
    (top, bottom): (f64, f64),
    s: &TableSettings,
) -> bool {
    let glyphs: Vec<&Glyph> = text_in(page, (x0, x1), (top, bottom)).collect();
    let columns = text_columns(&glyphs, s);
    columns.len() >= 2
        && rows_in_band(
            &glyphs,
            &splits_between(&columns, (x0, x1)),
            fonts,
            (3, false),
        )
        .is_some()
}

/// Whether a horizontal edge is the top or foot of a filled rectangle. Rows
/// banded in a tint (every other row shaded, as stylesheets stripe them)
/// stack such edges, but they border the shaded rows only: the rows between
/// and beyond them are bordered by nothing, so such a stack is no table ruled
/// between rows, and the rows are read as an unruled table's are. An edge
/// stroked too is a rule that borders a shaded row, not the shading's side.
fn fill_side(e: &Edge, fills: &[Fill], s: &TableSettings) -> bool {
    let middle = (e.start + e.end) / 2.0;
    // (a word processor shades each cell apart: the middle may fall between two)
    !e.stroked
        && fills.iter().any(|f| {
            let [x0, top, x1, bottom] = f.bbox;
            middle >= x0 - s.snap_tolerance
                && middle <= x1 + s.snap_tolerance
                && ((e.pos - top).abs() <= s.snap_tolerance
                    || (e.pos - bottom).abs() <= s.snap_tolerance)
        })
}

/// Two tables with the same width, one below the other, stack their rules too:
/// a gap far wider than the stack's typical row splits it, unless the band
/// there holds a row of the table (a row of tall cells), or is the first and
/// holds the header, a heading over spanned columns ruled off inside it.
fn split_at_wide_gaps<'e>(
    stack: Vec<&'e Edge>,
    all: &[Edge],
    page: &PageContent,
    s: &TableSettings,
) -> Vec<Vec<&'e Edge>> {
    if stack.len() < 4 {
        return vec![stack];
    }
    let mut gaps: Vec<f64> = stack.windows(2).map(|w| w[1].pos - w[0].pos).collect();
    gaps.sort_by(f64::total_cmp);
    let typical = gaps[gaps.len() / 2];
    let labels = label_column(&stack, page, s);
    let mut out: Vec<Vec<&Edge>> = vec![vec![stack[0]]];
    for (i, w) in stack.windows(2).enumerate() {
        let wide = w[1].pos - w[0].pos > s.table_break_rows * typical;
        // (the first band may be the header, ruled off inside under a heading
        // over the columns it spans: taller than a row, rows striped under it)
        let spanned_header = i == 0
            && spanning_rule_in_band(page, all, (w[0].start, w[0].end), (w[0].pos, w[1].pos), s)
                .is_some();
        if wide
            && !spanned_header
            && !band_holds_a_row(page, all, w[0], w[1].pos, typical, labels, s)
            && !striped_as_a_row(&stack, (w[0].pos, w[1].pos), &page.fills, s)
        {
            out.push(Vec::new());
        }
        out.last_mut().expect("non-empty").push(w[1]);
    }
    out
}

/// Whether the band between two rules of a stack (`top`, `bottom`) is
/// shaded across the stack's width in a colour that shades another of its
/// bands too: rows striped in a tint, a row of the table however tall (cells
/// set at the foot of a row sized for more lines than its text takes).
fn striped_as_a_row(
    stack: &[&Edge],
    (top, bottom): (f64, f64),
    fills: &[Fill],
    s: &TableSettings,
) -> bool {
    let (x0, x1) = (stack[0].start, stack[0].end);
    let tol = s.snap_tolerance;
    let shades = |a: f64, b: f64| -> Vec<[u8; 3]> {
        fills
            .iter()
            .filter(|f| {
                let [fx0, ftop, fx1, fbottom] = f.bbox;
                (ftop - a).abs() <= tol
                    && (fbottom - b).abs() <= tol
                    && fx0 <= x0 + tol
                    && fx1 >= x1 - tol
            })
            .map(|f| f.rgb)
            .collect()
    };
    let here = shades(top, bottom);
    !here.is_empty()
        && stack.windows(2).any(|w| {
            (w[0].pos - top).abs() > tol
                && shades(w[0].pos, w[1].pos).iter().any(|c| here.contains(c))
        })
}

/// Tables one below the other, each with a rule under its header, stack
/// their rules too: a band between two rules that holds a heading (a line
/// set larger than the text round it, as a table's title is) parts the stack
/// there.
fn split_at_headings<'e>(
    stack: Vec<&'e Edge>,
    page: &PageContent,
    s: &TableSettings,
) -> Vec<Vec<&'e Edge>> {
    let glyphs = stack_glyphs(&stack, page);
    let mut sizes: Vec<f64> = glyphs.iter().map(|g| g.size).collect();
    if sizes.is_empty() {
        return vec![stack];
    }
    sizes.sort_by(f64::total_cmp);
    let body = sizes[sizes.len() / 2];
    let mut out: Vec<Vec<&Edge>> = vec![vec![stack[0]]];
    for w in stack.windows(2) {
        let heading = glyphs.iter().any(|g| {
            let cy = g.centre().1;
            cy > w[0].pos && cy < w[1].pos && g.size > body * (1.0 + s.heading_size_ratio)
        });
        if heading {
            out.push(Vec::new());
        }
        out.last_mut().expect("non-empty").push(w[1]);
    }
    out
}

/// Whether the band below `rule` (down to `bottom`) holds a row of the table:
/// no other rule crosses it (rules of another extent part it into rows of
/// their own), its text hangs from the rule as a row's does, within a typical
/// row's height, and it has text in two columns or more (a row of tall cells,
/// the short ones perhaps centred beside a wrapped one), or in the label
/// column `labels` only (a wrapped label whose figures are left empty).
/// Between two tables the band holds a caption or a paragraph, one run of
/// text across the columns, or the next table's header, set apart from the
/// rule above.
fn band_holds_a_row(
    page: &PageContent,
    all: &[Edge],
    rule: &Edge,
    bottom: f64,
    typical: f64,
    labels: Option<(f64, f64)>,
    s: &TableSettings,
) -> bool {
    let width = rule.end - rule.start;
    let crossed = all.iter().any(|e| {
        e.pos > rule.pos + s.snap_tolerance
            && e.pos < bottom - s.snap_tolerance
            && e.end.min(rule.end) - e.start.max(rule.start) > 0.5 * width
    });
    if crossed {
        return false;
    }
    let inside: Vec<&Glyph> = page
        .glyphs
        .iter()
        .filter(|g| {
            let (cx, cy) = g.centre();
            cx >= rule.start
                && cx <= rule.end
                && cy > rule.pos
                && cy < bottom
                && !g.text.trim().is_empty()
        })
        .collect();
    let Some(first) = inside.iter().min_by(|a, b| a.top.total_cmp(&b.top)) else {
        return false;
    };
    if first.top - rule.pos > typical {
        return false;
    }
    // (a row whose other cells are empty: its label, wrapped, in the label
    // column alone)
    let label_only =
        labels.is_some_and(|(a, b)| inside.iter().all(|g| g.x0 >= a - 1.0 && g.x1 <= b + 1.0));
    !holds_a_line_apart(&inside, typical, s) && (text_columns(&inside, s).len() >= 2 || label_only)
}

/// The extent of the first of the text columns between a stack's rules
/// (its rows' labels), when the text there makes two columns or more.
fn label_column(stack: &[&Edge], page: &PageContent, s: &TableSettings) -> Option<(f64, f64)> {
    let columns = text_columns(&stack_glyphs(stack, page), s);
    (columns.len() >= 2).then(|| columns[0])
}

/// Where text columns divide across `x0..x1`: the table's sides and the
/// middle of each gap between two columns.
fn splits_between(columns: &[(f64, f64)], (x0, x1): (f64, f64)) -> Vec<f64> {
    std::iter::once(x0)
        .chain(columns.windows(2).map(|w| (w[0].1 + w[1].0) / 2.0))
        .chain(std::iter::once(x1))
        .collect()
}

/// The glyphs of text between a stack's first and last rules, across its extent.
fn stack_glyphs<'p>(stack: &[&Edge], page: &'p PageContent) -> Vec<&'p Glyph> {
    let (x0, x1) = (stack[0].start, stack[0].end);
    let (top, bottom) = (stack[0].pos, stack[stack.len() - 1].pos);
    text_in(page, (x0, x1), (top, bottom)).collect()
}

/// The page's glyphs of text (not spaces) centred across `x0..=x1`, between
/// `top` and `bottom`.
fn text_in(
    page: &PageContent,
    (x0, x1): (f64, f64),
    (top, bottom): (f64, f64),
) -> impl Iterator<Item = &Glyph> + '_ {
    page.glyphs.iter().filter(move |g| {
        let (cx, cy) = g.centre();
        cx >= x0 && cx <= x1 && cy > top && cy < bottom && !g.text.trim().is_empty()
    })
}

/// Whether among these glyphs a line of one column stands apart, more than
/// a row's height (`typical`) from the lines above and below it: a caption
/// or a paragraph between two tables, not a row's line (a row's lines are
/// set at their leading, a section label at the rows' pitch).
fn holds_a_line_apart(glyphs: &[&Glyph], typical: f64, s: &TableSettings) -> bool {
    let mut baselines: Vec<f64> = glyphs.iter().map(|g| g.origin[1]).collect();
    baselines.sort_by(f64::total_cmp);
    baselines.dedup_by(|a, b| (*a - *b).abs() < 1.0);
    baselines.windows(3).any(|w| {
        let line: Vec<&Glyph> = glyphs
            .iter()
            .copied()
            .filter(|g| (g.origin[1] - w[1]).abs() < 1.0)
            .collect();
        let (above, below) = (w[1] - w[0], w[2] - w[1]);
        // (lines at one leading, a cell's wrapped lines set further apart
        // than rows stand, as Typst sets them, stand apart from none)
        let at_one_leading = (above - below).abs() <= LEADING_TOLERANCE;
        above > typical && below > typical && !at_one_leading && text_columns(&line, s).len() < 2
    })
}

/// How far apart (pt) two gaps between lines may differ and be one leading.
const LEADING_TOLERANCE: f64 = 0.5;

/// The rows a ruled table's bands hold, each glyph in the column its centre
/// falls in (a heading over spanned columns in the column its run starts in;
/// a heading beside them, which spans the heading bands, in the row of the
/// columns' own headings).
struct BandRows {
    rows: Vec<Vec<Cell>>,
    /// How many rows use several columns.
    multi: usize,
    /// The first row under the spanning headings is set in bold.
    first_bold: bool,
    /// Where each row's cells stand, to see what fills they stand on.
    row_points: Vec<Vec<(f64, f64)>>,
}

fn rows_of_bands(
    bounds: &[f64],
    (heading_bands, spanned, over_columns): (usize, &[BBox], &[BBox]),
    columns: &[(f64, f64)],
    inside: &[&Glyph],
    splits: &[f64],
    fonts: &[FontStyle],
) -> BandRows {
    let mut rows = Vec::new();
    let mut multi = 0;
    let mut first_bold = false;
    let mut row_points: Vec<Vec<(f64, f64)>> = Vec::new();
    // (a heading beside the spanned columns spans the heading bands too, down
    // to the row of the columns' own headings, where it is read)
    let beside_spans = |(cx, cy): (f64, f64)| {
        !spanned.is_empty()
            && cy > bounds[0]
            && cy < bounds[heading_bands]
            && !spanned.iter().any(|b| cx >= b[0] && cx <= b[2])
    };
    for (k, band) in bounds.windows(2).enumerate() {
        let mut cells: Vec<Vec<&Glyph>> = vec![Vec::new(); columns.len()];
        for &g in inside {
            let (cx, cy) = g.centre();
            let in_band = if beside_spans((cx, cy)) {
                k == heading_bands
            } else {
                cy > band[0] && cy < band[1]
            };
            if in_band {
                // (a heading over spanned columns stays whole, in the first:
                // the first its rule spans, else the one its run starts in)
                let over = over_columns.iter().find(|b| box_holds(**b, (cx, cy)));
                let column = if let Some(b) = over {
                    columns.iter().position(|(_, right)| *right > b[0])
                } else if k < heading_bands {
                    match spanned.iter().find(|b| box_holds(**b, (cx, cy))) {
                        Some(b) => columns.iter().position(|(_, right)| *right > b[0]),
                        None => column_of_run_start(g, inside, splits),
                    }
                } else {
                    columns.iter().position(|(a, b)| cx >= *a && cx <= *b)
                };
                if let Some(c) = column.or_else(|| column_of_run(g, inside, splits)) {
                    cells[c].push(g);
                }
            }
        }
        if cells.iter().filter(|c| !c.is_empty()).count() >= 2 {
            multi += 1;
        }
        if cells.iter().all(Vec::is_empty) {
            continue;
        }
        if rows.len() == heading_bands {
            first_bold = mostly_bold(cells.iter().flatten().copied(), fonts);
        }
        row_points.push(
            cells
                .iter()
                .filter_map(|c| c.first())
                .map(|g| g.centre())
                .collect(),
        );
        rows.push(
            cells
                .into_iter()
                .map(|c| Cell::new(cell_text(&c, fonts)))
                .collect::<Vec<_>>(),
        );
    }
    BandRows {
        rows,
        multi,
        first_bold,
        row_points,
    }
}

/// Where the rows of a table ruled under (or above) its rows part: its rules,
/// with the header above the first rule and a last row below the last rule
/// where the page shows them.
struct RowBands {
    bounds: Vec<f64>,
    /// The bands of headings over spanned columns, at the top.
    heading_bands: usize,
    /// Where the lines that set the columns start (below those headings).
    columns_top: f64,
    /// No header above the first rule: the rules may stand above their rows.
    ruled_above_rows: bool,
}

fn row_bands(
    rules: &[&Edge],
    h: &[Edge],
    others: &[[f64; 4]],
    page: &PageContent,
    fonts: &[FontStyle],
    s: &TableSettings,
) -> RowBands {
    let (x0, x1) = (rules[0].start, rules[0].end);
    let mut bounds: Vec<f64> = rules.iter().map(|e| e.pos).collect();
    // A row's height: the lowest band that holds text (a band of none is a
    // gap between rules, as booktabs leaves above rows striped under it).
    let holds_text =
        |top: f64, bottom: f64| text_in(page, (x0, x1), (top, bottom)).next().is_some();
    let mut heights: Vec<f64> = bounds.windows(2).map(|w| w[1] - w[0]).collect();
    heights.sort_by(f64::total_cmp);
    let mut rows: Vec<f64> = bounds
        .windows(2)
        .filter(|w| holds_text(w[0], w[1]))
        .map(|w| w[1] - w[0])
        .collect();
    rows.sort_by(f64::total_cmp);
    let row_height = rows
        .iter()
        .chain(&heights)
        .copied()
        .find(|h| *h >= s.sliver)
        .unwrap_or(heights[0]);
    let tallest = rows.last().copied().unwrap_or(row_height);
    let mut columns_top = bounds[0];
    let header = header_above(page, h, (x0, x1), &bounds, row_height, fonts, s);
    // (with no header above the first rule, the rules may stand above their
    // rows, a stylesheet's top borders: the last row is then below the last rule)
    let ruled_above_rows = header.is_none();
    // (the bands of headings over spanned columns, at the top)
    let mut heading_bands = 0;
    if let Some(head) = header {
        heading_bands = head.spanning_heading_rules.len();
        let splits = head
            .spanning_heading_rules
            .into_iter()
            .chain(head.apart_from_first_row);
        bounds.splice(0..0, std::iter::once(head.top).chain(splits));
        columns_top = head.columns_top;
    } else if let Some(split) = spanning_rule_in_band(page, h, (x0, x1), (bounds[0], bounds[1]), s)
    {
        // (the header ruled round as the first band, a heading over spanned
        // columns ruled off inside it: a header row of its own, set apart
        // from the lines that set the columns)
        bounds.insert(1, split);
        heading_bands = 1;
        columns_top = split;
    } else if bounds.len() > 2 {
        // (or headings over spanned columns set a row apart from the
        // columns' own headings, with no rule under them: rows of their own)
        let band = (bounds[0], bounds[1]);
        let splits = heading_rows_apart(page, (x0, x1), band, fonts);
        if let Some(&last) = splits.last() {
            heading_bands = splits.len();
            columns_top = last;
            bounds.splice(1..1, splits);
        }
    }
    // (the foot of a tint striping every other row is not the table's foot)
    let striped = fill_side(rules[rules.len() - 1], &page.fills, s);
    let last = bounds[bounds.len() - 1];
    // (a row that another group of rules takes in is that group's)
    let theirs = |foot: f64| {
        let middle = (last + foot) / 2.0;
        others
            .iter()
            .any(|o| middle > o[1] && middle < o[3] && o[0] < x1 && o[2] > x0)
    };
    if ruled_above_rows || striped {
        let rule_positions: Vec<f64> = rules.iter().map(|e| e.pos).collect();
        let foot = row_below(page, (x0, x1), &rule_positions, (row_height, tallest), s);
        if let Some(foot) = foot.filter(|&f| striped || !theirs(f)) {
            bounds.push(foot);
        }
    } else if let Some(foot) = row_cut_at_foot(page, (x0, x1), last, (row_height, tallest), s)
        .or_else(|| {
            last_row_between_rules(page, (rules, h), (row_height, tallest), s)
                .filter(|&f| !theirs(f))
        })
    {
        bounds.push(foot);
    }
    RowBands {
        bounds,
        heading_bands,
        columns_top,
        ruled_above_rows,
    }
}

/// The table a group of rules running under (or above) its rows sets out, or
/// None where they rule paragraphs or the page's layout.
fn table_from_row_rules(
    rules: &[&Edge],
    h: &[Edge],
    others: &[[f64; 4]],
    page: &PageContent,
    fonts: &[FontStyle],
    s: &TableSettings,
) -> Option<FoundTable> {
    let (x0, x1) = (rules[0].start, rules[0].end);
    let RowBands {
        mut bounds,
        mut heading_bands,
        columns_top,
        ruled_above_rows,
    } = row_bands(rules, h, others, page, fonts, s);
    let top = bounds[0];
    let bottom = bounds[bounds.len() - 1];
    let spanned = spanning_heading_boxes(&bounds[..=heading_bands], h, (x0, x1), s);
    let (x0, x1) = widen_to_row_text((x0, x1), &bounds, (h, others), page, s);
    let inside: Vec<&Glyph> = text_in(page, (x0, x1), (top, bottom)).collect();
    if inside.is_empty() {
        return None;
    }
    let setting: Vec<&Glyph> = inside
        .iter()
        .copied()
        .filter(|g| g.centre().1 > columns_top)
        .collect();
    // (the spaces drawn between words in the table, where the producer draws
    // its word spaces)
    let spaces: Option<Vec<&Glyph>> = draws_word_spaces(&page.glyphs).then(|| {
        (0..page.glyphs.len())
            .filter(|&i| box_holds([x0, top, x1, bottom], page.glyphs[i].centre()))
            .filter(|&i| is_word_space(&page.glyphs, i))
            .map(|i| &page.glyphs[i])
            .collect()
    });
    let header_end = bounds[heading_bands + 1];
    let (columns, over_columns) = cell_columns(&setting, spaces.as_deref(), header_end, s);
    let columns = headings_join_their_columns(columns, &setting, header_end, !ruled_above_rows);
    if columns.len() < 2 {
        return None;
    }
    let all: Vec<usize> = (0..page.glyphs.len())
        .filter(|&i| {
            let (cx, cy) = page.glyphs[i].centre();
            cx >= x0 && cx <= x1 && cy > top && cy < bottom
        })
        .collect();
    let bbox = [x0, top, x1, bottom];
    // A band that holds several rows of figures (the body of a table ruled
    // round its header and under its last row only, as statistical bulletins
    // rule them) is read as an unruled table is, line by line within the
    // rules, its wrapped cells put back together.
    // The body of a table ruled round its header only (booktabs' rules),
    // under headings that hold no figure, is its whole body, whose records
    // two figures stacked in a column show where each line opens a record.
    let splits = splits_between(&columns, (x0, x1));
    let in_band = |(top, bottom): (f64, f64)| -> Vec<&Glyph> {
        inside
            .iter()
            .copied()
            .filter(|g| (top..bottom).contains(&g.centre().1))
            .collect()
    };
    let body_band = bounds.len() - 2;
    let whole_body = body_band == heading_bands + 1
        && !holds_a_figure(&in_band((top, bounds[body_band])), &splits, fonts);
    let holds_rows = bounds.windows(2).enumerate().any(|(k, band)| {
        let reading = (3, whole_body && k == body_band);
        rows_in_band(&in_band((band[0], band[1])), &splits, fonts, reading).is_some()
    });
    if holds_rows {
        let (_, table) = super::stream_tables::lay_out(&inside, fonts, &page.fills, &spanned)?;
        return Some(FoundTable {
            bbox,
            table: Table {
                bbox: Some(bbox),
                ..table
            },
            glyphs: all,
        });
    }
    // (a line of headings over the columns they span, atop the header's
    // band, is a row of headings of its own)
    let header_band = (bounds[heading_bands], bounds[heading_bands + 1]);
    let cut = under_spanning_headings(&over_columns, &inside, header_band)
        .or_else(|| heading_closer_than_cells_wrap(&inside, header_band, &splits, fonts));
    if let Some(cut) = cut {
        heading_bands += 1;
        bounds.insert(heading_bands, cut);
    }
    let BandRows {
        rows,
        multi,
        first_bold,
        row_points,
    } = rows_of_bands(
        &bounds,
        (heading_bands, &spanned, &over_columns),
        &columns,
        &inside,
        &splits,
        fonts,
    );
    // Most rows must use several columns: rules between paragraphs are not a table.
    if rows.len() < 2 || multi * 2 < rows.len() {
        return None;
    }
    // Bands whose cells are lists of lines (a page footer's address beside its
    // link lists, between two rules) are the page's layout.
    let mut lines: Vec<usize> = rows
        .iter()
        .flatten()
        .filter(|c| !c.text.is_empty())
        .map(|c| c.text.lines().count())
        .collect();
    lines.sort_unstable();
    if lines[lines.len() / 2] as f64 > s.layout_lines_per_cell {
        return None;
    }
    // The first band is the header when it is set in bold or shaded apart,
    // or holds no figures where the rest do (its cells span no rows: one band).
    let first_shaded = shaded_apart(&row_points[0], &row_points[1..].concat(), &page.fills);
    let header_rows = match heading_bands {
        0 => grid_header_rows(&rows, first_bold || first_shaded),
        n => n as u32 + grid_header_rows(&rows[n..], true),
    };
    Some(FoundTable {
        bbox,
        table: Table {
            page: None,
            bbox: Some(bbox),
            rows,
            header_rows,
        },
        glyphs: all,
    })
}

/// Whether any line of the text of a band (`glyphs`) in any column between
/// `xs` holds a figure.
fn holds_a_figure(glyphs: &[&Glyph], xs: &[f64], fonts: &[FontStyle]) -> bool {
    by_column(glyphs.iter().copied(), xs)
        .iter()
        .any(|column| cell_text(column, fonts).lines().any(super::holds_data))
}

/// Where a band parts under its first line, when that line holds nothing but
/// headings over the columns they span (`over`) and more lines stand under
/// it: halfway between the two.
fn under_spanning_headings(
    over: &[BBox],
    glyphs: &[&Glyph],
    (top, bottom): (f64, f64),
) -> Option<f64> {
    let in_band = |y: f64| y > top && y < bottom;
    let first = over
        .iter()
        .filter(|b| in_band((b[1] + b[3]) / 2.0))
        .min_by(|a, b| a[1].total_cmp(&b[1]))?;
    let (line_top, line_bottom) = (first[1], first[3]);
    let mut below = f64::MAX;
    for g in glyphs {
        let centre = g.centre();
        if !in_band(centre.1) || centre.1 < line_top {
            continue;
        }
        if centre.1 <= line_bottom {
            if !over.iter().any(|b| box_holds(*b, centre)) {
                return None;
            }
        } else {
            below = below.min(g.top);
        }
    }
    (below < bottom).then(|| (line_bottom + below.max(line_bottom)) / 2.0)
}

/// How much closer than the cells' leading (its share of it) a band's
/// first line may stand over the next and be a row of its own: a cell's
/// lines stand one leading apart, never closer.
const CLOSER_THAN_CELLS: f64 = 0.85;

/// How far (pt) two lines' type sizes may differ and be one size.
const SAME_SIZE: f64 = 0.5;

/// Where a band of headings (`top..bottom`, no figure in it) parts under
/// its first line, when that line stands closer over the next than the
/// table's cells wrap their lines (`cells_leading`, of the glyphs under the
/// band), in type of one size, and fills fewer of the columns (between
/// `splits`) than the next, all of them among the next's: a heading over
/// the columns it spans, narrower than the first of them. Typst stacks a
/// header's rows tighter than a cell's lines ("Quarter 1" 8.8 pt over
/// "Outcome", cells wrapped 11.8 pt apart). Halfway between the two.
fn heading_closer_than_cells_wrap(
    glyphs: &[&Glyph],
    (top, bottom): (f64, f64),
    splits: &[f64],
    fonts: &[FontStyle],
) -> Option<f64> {
    let in_band = glyphs.iter().copied().filter(|g| {
        let y = g.centre().1;
        y > top && y < bottom
    });
    let rows = rows_of(page_lines(0, in_band, fonts, &LayoutSettings::default()));
    let [first, second, ..] = rows.as_slice() else {
        return None;
    };
    if rows
        .iter()
        .flat_map(|r| &r.chunks)
        .any(|c| super::holds_data(&c.text))
    {
        return None;
    }
    let columns = |r: &Row| {
        r.chunks
            .iter()
            .map(|c| column_between((c.x0 + c.x1) / 2.0, splits))
            .collect::<BTreeSet<usize>>()
    };
    let (over, under) = (columns(first), columns(second));
    let spans = over.len() < under.len() && over.is_subset(&under);
    let one_size = (first.size - second.size).abs() <= SAME_SIZE;
    if !(spans && one_size) {
        return None;
    }
    let below = glyphs.iter().copied().filter(|g| g.centre().1 > bottom);
    let leading = cells_leading(below, splits, fonts)?;
    (second.baseline - first.baseline < CLOSER_THAN_CELLS * leading)
        .then(|| (first.bottom() + second.top()) / 2.0)
}

/// The leading a table's cells wrap their lines at, where they show it: a
/// line of a column (between `splits`) opening in a small letter, flush
/// left with the line over it in type of its size, carries that line's
/// cell on, one leading under it (the least of them: a record opening in a
/// small letter stands further off). None where no line does.
fn cells_leading<'g>(
    glyphs: impl Iterator<Item = &'g Glyph>,
    splits: &[f64],
    fonts: &[FontStyle],
) -> Option<f64> {
    let mut least: Option<f64> = None;
    for column in by_column(glyphs, splits) {
        let lines = page_lines(0, column, fonts, &LayoutSettings::default());
        for pair in lines.windows(2) {
            let [over, line] = pair else { continue };
            let carried_on = line.text.starts_with(char::is_lowercase)
                && (line.x0 - over.x0).abs() <= HEADING_IN_LINE
                && (line.size - over.size).abs() <= SAME_SIZE
                && line.baseline > over.baseline;
            if carried_on {
                let step = line.baseline - over.baseline;
                least = Some(least.map_or(step, |l| l.min(step)));
            }
        }
    }
    least
}

/// The rule inside a band (the first of a table's, ruled round) that is the
/// foot of a heading over the columns it spans: short of the table's width,
/// with the band's text on both sides of it, and the text above it all
/// within its extent (the heading; the band's other headings stand at its
/// foot, spanning both of its rows).
fn spanning_rule_in_band(
    page: &PageContent,
    h: &[Edge],
    (x0, x1): (f64, f64),
    (top, bottom): (f64, f64),
    s: &TableSettings,
) -> Option<f64> {
    let glyphs: Vec<&Glyph> = page
        .glyphs
        .iter()
        .filter(|g| !g.text.trim().is_empty() && box_holds([x0, top, x1, bottom], g.centre()))
        .collect();
    h.iter()
        .filter(|e| e.pos > top + s.sliver && e.pos < bottom - s.sliver)
        .filter(|e| short_of_the_width(e, (x0, x1), s.snap_tolerance, s))
        .find(|e| {
            let mut above = glyphs.iter().filter(|g| g.centre().1 < e.pos).peekable();
            above.peek().is_some()
                && above
                    .all(|g| g.x0 >= e.start - s.snap_tolerance && g.x1 <= e.end + s.snap_tolerance)
                && glyphs.iter().any(|g| g.centre().1 > e.pos)
        })
        .map(|e| e.pos)
}

/// How far apart, in sizes of their letters, a band's lines must stand to be
/// rows of their own rather than the lines of cells wrapped in it: beyond the
/// loosest leading single-spaced text is set at (Typst sets 1.3).
const ROWS_APART_LEADING: f64 = 1.35;

/// How far (× the lower of their heights) the boxes of a line's letters
/// (ascent to descent) may reach into those of the line under it and a cut
/// still pass between them.
const LINES_TOUCH: f64 = 0.4;

/// How much of the band's two paddings (above its first line, below its
/// last) the space between two of its lines must be to part them as rows.
const ROWS_APART_PADDING: f64 = 0.75;

/// Where the first band of a table ruled round its header (`top..bottom`)
/// divides into rows of headings: between a line that holds no figures and
/// the line under it, set further apart than any line's leading, with space
/// between them for a cell's padding under the one and over the other (as
/// much as the band has above its first line and below its last). A heading
/// over the columns it spans, unruled under, stands so above the columns'
/// own headings (Typst rules no cell a span covers); a heading wrapped in
/// its cell is set at its leading, and a cell spaced one and a half lines
/// with no padding has its lines further apart than its padding. Empty
/// where the band is one row.
fn heading_rows_apart(
    page: &PageContent,
    (x0, x1): (f64, f64),
    (top, bottom): (f64, f64),
    fonts: &[FontStyle],
) -> Vec<f64> {
    let lines = rows_of(page_lines(
        0,
        text_in(page, (x0, x1), (top, bottom)),
        fonts,
        &LayoutSettings::default(),
    ));
    let (Some(first), Some(last)) = (lines.first(), lines.last()) else {
        return Vec::new();
    };
    let paddings = (first.top() - top) + (bottom - last.bottom());
    lines
        .windows(2)
        .filter_map(|pair| {
            let gap = pair[1].baseline - pair[0].baseline;
            let (upper, lower) = (pair[0].bottom(), pair[1].top());
            let figures = pair[0].chunks.iter().any(|c| super::holds_data(&c.text));
            let apart = !figures
                && gap > ROWS_APART_LEADING * pair[0].size.max(pair[1].size)
                && lower - upper >= ROWS_APART_PADDING * paddings;
            apart.then_some((upper + lower) / 2.0)
        })
        .collect()
}

/// Whether a rule lies across a table (`x0..x1`), reaching past its sides by
/// `overhang` at most, and short of its width: the foot of a heading over
/// the columns it spans, not the table's own rule.
fn short_of_the_width(e: &Edge, (x0, x1): (f64, f64), overhang: f64, s: &TableSettings) -> bool {
    e.start >= x0 - overhang
        && e.end <= x1 + overhang
        && e.end - e.start < x1 - x0 - s.snap_tolerance
}

/// The boxes of the headings over spanned columns: above each rule that
/// foots one (at the foot of a heading band, short of the table's width),
/// from the band's top to the rule and across the rule. `bounds` are the
/// heading bands' top and feet. A heading belongs to the first column its
/// rule spans, wherever in the span it is set: a typesetter centres it, and
/// over a narrow column of figures beside a wide one of text it falls
/// wholly over the wide one.
fn spanning_heading_boxes(
    bounds: &[f64],
    h: &[Edge],
    (x0, x1): (f64, f64),
    s: &TableSettings,
) -> Vec<BBox> {
    bounds
        .windows(2)
        .flat_map(|band| {
            h.iter()
                .filter(move |e| (e.pos - band[1]).abs() <= s.snap_tolerance)
                .filter(move |e| short_of_the_width(e, (x0, x1), s.snap_tolerance, s))
                .map(move |e| [e.start, band[0], e.end, band[1]])
        })
        .collect()
}

/// How far a spanner rule may reach past the text of the table it is in
/// (points): a cell's padding, at most.
const SPANNER_OVERHANG: f64 = 20.0;

/// The boxes of the headings over spanned columns in a table found from its
/// text alone: above each rule short of the table's width (`bbox`) that has
/// a line of text just above it lying within it in one run, which the rule
/// reaches past (a spanner rule, booktabs' \cmidrule; a rule as long as its
/// text is an underline). Each box runs from that text's top to the rule,
/// across the rule.
pub(super) fn spanner_boxes(page: &PageContent, bbox: BBox, s: &TableSettings) -> Vec<BBox> {
    let [x0, top, x1, bottom] = bbox;
    // (a rule over the first or last columns may reach into the cells'
    // padding, past the text's extent; rules elsewhere on the page are not
    // read again)
    let near: Vec<Segment> = page
        .segments
        .iter()
        .filter(|g| g.x1 >= x0 - SPANNER_OVERHANG && g.x0 <= x1 + SPANNER_OVERHANG)
        .filter(|g| g.bottom >= top && g.top <= bottom)
        .copied()
        .collect();
    let (h, _) = edges(&near, s);
    h.iter()
        .filter(|e| e.pos > top && e.pos < bottom)
        .filter(|e| short_of_the_width(e, (x0, x1), SPANNER_OVERHANG, s))
        .filter_map(|e| {
            let mut above: Vec<&Glyph> = page
                .glyphs
                .iter()
                .filter(|g| !g.text.trim().is_empty())
                .filter(|g| g.bottom <= e.pos + 1.0 && g.bottom >= e.pos - g.size)
                .filter(|g| g.x1 > e.start && g.x0 < e.end)
                .collect();
            above.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            let (first, last) = (
                above.first()?,
                above.iter().max_by(|a, b| a.x1.total_cmp(&b.x1))?,
            );
            let within =
                first.x0 >= e.start - s.snap_tolerance && last.x1 <= e.end + s.snap_tolerance;
            // (one run: no gap in it wider than a letter, as between columns)
            let one_run = above.windows(2).all(|w| w[1].x0 - w[0].x1 <= w[0].size);
            let reaches_past = first.x0 - e.start > s.cell_inset || e.end - last.x1 > s.cell_inset;
            let text_top = above.iter().map(|g| g.top).fold(f64::MAX, f64::min);
            (within && one_run && reaches_past).then_some([e.start, text_top - 0.5, e.end, e.pos])
        })
        .collect()
}

/// The text set above a table's first rule, read with the table.
struct HeaderAbove {
    /// The top of the text.
    top: f64,
    /// The top of the lines that set the columns with the body.
    columns_top: f64,
    /// Where the header ends when the first rule is under the table's first
    /// row rather than under its header (rules under each row, none under
    /// the header): the header and that row are rows of their own.
    apart_from_first_row: Option<f64>,
    /// The rules under headings that span columns ("2022/23" over "Budget"
    /// and "Actual", its cell's foot ruled across the columns it spans),
    /// from the top: each heading is a row of its own above them.
    spanning_heading_rules: Vec<f64>,
}

/// The header set above a table's first rule: the line just above it
/// (within a row's height) when it holds text in two columns or more (a
/// table's title is no header), and the lines set close above that one (a
/// heading wrapped in its column, a year over two columns) when they keep
/// apart the columns the table has; or, when the rules run under each row
/// and the line next to the rule is the first row, a row of headings over
/// the columns, a row's height above it at most. Above those, headings over
/// the columns they span, each ruled off across them ("2022/23" over
/// "Budget" and "Actual"), a row's height apart at most: rows of their own.
/// With it, the top of the lines that set the columns with the body: all of
/// them, or the line next to the rule alone when the lines above hold
/// headings over several columns.
fn header_above(
    page: &PageContent,
    h: &[Edge],
    (x0, x1): (f64, f64),
    bounds: &[f64],
    row_height: f64,
    fonts: &[FontStyle],
    s: &TableSettings,
) -> Option<HeaderAbove> {
    let (rule, last) = (bounds[0], bounds[bounds.len() - 1]);
    let within = |g: &&Glyph, top: f64, bottom: f64| {
        let (cx, cy) = g.centre();
        cx >= x0 && cx <= x1 && cy > top && cy < bottom && !g.text.trim().is_empty()
    };
    let near: Vec<&Glyph> = page
        .glyphs
        .iter()
        .filter(|g| within(g, rule - 4.0 * row_height, rule))
        .collect();
    let lines = rows_of(page_lines(
        0,
        near.iter().copied(),
        fonts,
        &LayoutSettings::default(),
    ));
    let first = lines
        .last()
        .filter(|r| (r.top() + r.bottom()) / 2.0 > rule - row_height)?;
    let first_top = first.top();
    let band = |top: f64| -> Vec<&Glyph> {
        near.iter()
            .copied()
            .filter(|g| within(g, top - 0.5, rule))
            .collect()
    };
    let columns_with = |header: &[&Glyph]| {
        let table: Vec<&Glyph> = page
            .glyphs
            .iter()
            .filter(|g| within(g, rule, last))
            .chain(header.iter().copied())
            .collect();
        text_columns(&table, s)
    };
    // A rule between two lines of the header, short of the table's width,
    // is the foot of a heading over the columns it spans. A heading beside
    // those columns, set at its cell's foot, may stand level with the rule:
    // the rule then ends the one heading over it where the next line with
    // text over those columns starts.
    let over = |c: &Line, e: &Edge| c.x0 < e.end && c.x1 > e.start;
    let rule_between = |upper: &Row, lower: &Row| {
        h.iter()
            .filter(|e| e.pos > upper.baseline)
            .filter(|e| short_of_the_width(e, (x0, x1), s.snap_tolerance, s))
            .filter(|e| {
                if e.pos < lower.baseline - CAPITALS_HEIGHT * lower.size {
                    return true;
                }
                let headings = upper.chunks.iter().filter(|c| over(c, e)).count();
                let next_over = lines
                    .iter()
                    .filter(|r| r.baseline > upper.baseline && r.chunks.iter().any(|c| over(c, e)))
                    .map(|r| r.baseline - CAPITALS_HEIGHT * r.size)
                    .fold(f64::MAX, f64::min);
                headings == 1
                    && !lower.chunks.iter().any(|c| over(c, e))
                    && e.pos < lower.baseline
                    && e.pos < next_over
            })
            .map(|e| e.pos)
            .next()
    };
    // lines from the rule upwards, each set close above the one before, or
    // a row's height above it with a spanning heading's rule between them
    let mut top = first_top;
    let mut heading_top = first_top;
    let mut spanning_heading_rules = Vec::new();
    // (a line that starts out past the text of every row below it is the
    // page's, a caption or a paragraph set close above the table)
    let text_left = page
        .glyphs
        .iter()
        .filter(|g| within(g, rule, last))
        .map(|g| g.x0)
        .chain(first.chunks.iter().map(|c| c.x0))
        .fold(f64::MAX, f64::min);
    let outside_the_cells = |row: &Row| {
        row.chunks.iter().map(|c| c.x0).fold(f64::MAX, f64::min) < text_left - s.cell_inset
    };
    // (a table whose cells wrap at a wider leading wraps its headings at it
    // too: words over the words they run on into, no figures among them)
    let leading = wrapped_leading(page, (x0, x1), bounds);
    // (or some headings wrap: each word of the lower line under one
    // heading of the upper, "Spend" over "(£)")
    let overlap = |c: &Line, d: &Line| c.x0 < d.x1 && c.x1 > d.x0;
    let runs_on = |upper: &Row, lower: &Row| {
        let no_figures = !upper.chunks.iter().any(|c| super::holds_data(&c.text));
        let every_heading = upper
            .chunks
            .iter()
            .all(|c| lower.chunks.iter().any(|d| overlap(c, d)));
        let some_headings = upper.chunks.len() >= 2
            && lower.chunks.len() < upper.chunks.len()
            && lower
                .chunks
                .iter()
                .all(|d| upper.chunks.iter().filter(|c| overlap(c, d)).count() == 1);
        no_figures && (every_heading || some_headings)
    };
    for pair in lines.windows(2).rev() {
        // (a heading set larger above the table is no line of its header)
        let larger = pair[0].size > first.size * (1.0 + s.heading_size_ratio);
        let gap = pair[1].baseline - pair[0].baseline;
        let rule = rule_between(&pair[0], &pair[1]);
        let close = gap <= 1.5 * pair[0].size.max(first.size)
            || (leading.is_some_and(|l| gap <= l * WRAPPED_LEADING_SLACK)
                && runs_on(&pair[0], &pair[1]))
            || (rule.is_some() && gap <= row_height * (1.0 + s.row_height_tolerance));
        // (a row of figures above a rule is another table's, not a heading)
        let spans = rule.is_some() || !spanning_heading_rules.is_empty();
        let figures = pair[0].chunks.iter().any(|c| super::holds_data(&c.text));
        if larger || outside_the_cells(&pair[0]) || !close || (spans && figures) {
            break;
        }
        if let Some(rule) = rule {
            spanning_heading_rules.insert(0, rule);
        }
        if spanning_heading_rules.is_empty() {
            top = top.min(pair[0].top());
        }
        heading_top = heading_top.min(pair[0].top());
    }
    let next_to_rule = band(first_top);
    if text_columns(&next_to_rule, s).len() < 2 {
        // (the last line of a header may hold one heading's wrapped line
        // alone: the lines close above it hold the others)
        let whole = band(top);
        let heads = top < first_top
            && text_columns(&whole, s).len() >= 2
            && columns_with(&whole).len() >= columns_with(&[]).len();
        return heads.then_some(HeaderAbove {
            top: top - 0.5,
            columns_top: top - 0.5,
            apart_from_first_row: None,
            spanning_heading_rules: Vec::new(),
        });
    }
    let columns = columns_with(&next_to_rule);
    // (a heading set flush left over the columns it spans may start in the
    // gutter before them, and so join them to the column before as text
    // columns; it still lies over no more than one of them)
    let over_one_column = |c: &Line| {
        columns
            .iter()
            .filter(|&&(a, b)| c.x0 < b && c.x1 > a)
            .count()
            <= 1
    };
    if top == first_top && first.chunks.iter().any(|c| super::holds_data(&c.text)) {
        // the first row, its header a row's height above it at most
        let heads = lines.len().checked_sub(2).map(|k| &lines[k]).filter(|h| {
            let glyphs: Vec<&Glyph> = near
                .iter()
                .copied()
                .filter(|g| within(g, h.top() - 0.5, first_top - 0.5))
                .collect();
            let with_first: Vec<&Glyph> = glyphs.iter().chain(&next_to_rule).copied().collect();
            first.baseline - h.baseline <= row_height
                && text_columns(&glyphs, s).len() >= 2
                && columns_with(&with_first).len() >= columns.len()
                && !h.chunks.iter().any(|c| super::holds_data(&c.text))
        });
        if let Some(h) = heads {
            return Some(HeaderAbove {
                top: h.top() - 0.5,
                columns_top: h.top() - 0.5,
                apart_from_first_row: Some((h.bottom() + first_top) / 2.0),
                spanning_heading_rules: Vec::new(),
            });
        }
    }
    let whole = band(top);
    let headings_keep_apart = lines[..lines.len() - 1]
        .iter()
        .filter(|r| r.top() >= top)
        .all(|r| r.chunks.iter().all(over_one_column));
    let sets_columns = columns_with(&whole).len() >= columns.len();
    let first_top = first_top - 0.5;
    let lines_above = top < first_top;
    let (top, columns_top) = if lines_above && sets_columns {
        (top - 0.5, top - 0.5)
    } else if lines_above && headings_keep_apart {
        (top - 0.5, first_top)
    } else {
        (first_top, first_top)
    };
    // (headings over spanned columns, ruled off above the rest of the
    // header, join it when all its lines do)
    let spans_columns = !spanning_heading_rules.is_empty() && (!lines_above || top < first_top);
    Some(HeaderAbove {
        top: if spans_columns {
            heading_top - 0.5
        } else {
            top
        },
        columns_top,
        apart_from_first_row: None,
        spanning_heading_rules: if spans_columns {
            spanning_heading_rules
        } else {
            Vec::new()
        },
    })
}

/// How far above its baseline (× its size) a line's capitals reach, at
/// most, in the faces reports are set in (Arial and Helvetica 0.72, Times
/// 0.66, Calibri 0.64, Libertinus 0.65): a rule higher stands clear of the
/// line, a rule lower crosses its letters.
const CAPITALS_HEIGHT: f64 = 0.72;

/// The column of a glyph that lies outside every column's text (a heading
/// set flush left over the columns it spans, from the gutter before them):
/// the column, between `splits`, of the middle of its run of glyphs on the
/// line, so that the heading stays whole.
fn column_of_run(glyph: &Glyph, glyphs: &[&Glyph], splits: &[f64]) -> Option<usize> {
    let (x0, x1) = run_of(glyph, glyphs)?;
    column_at((x0 + x1) / 2.0, splits)
}

/// The column, between `splits`, that a glyph's run of glyphs on the line
/// starts in (a heading over the columns it spans goes whole to the first).
fn column_of_run_start(glyph: &Glyph, glyphs: &[&Glyph], splits: &[f64]) -> Option<usize> {
    let (x0, _) = run_of(glyph, glyphs)?;
    column_at(x0, splits)
}

fn column_at(x: f64, splits: &[f64]) -> Option<usize> {
    splits.windows(2).position(|w| x >= w[0] && x <= w[1])
}

/// Where the run of glyphs on a glyph's line that holds it starts and ends
/// (its glyphs no further apart than a space the size of the type).
fn run_of(glyph: &Glyph, glyphs: &[&Glyph]) -> Option<(f64, f64)> {
    let mut line: Vec<&Glyph> = glyphs
        .iter()
        .copied()
        .filter(|g| (g.origin[1] - glyph.origin[1]).abs() < 0.3 * glyph.size)
        .collect();
    line.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let at = line.iter().position(|g| std::ptr::eq(*g, glyph))?;
    let apart = |a: &Glyph, b: &Glyph| b.x0 - a.x1 > glyph.size;
    let first = (0..at)
        .rev()
        .find(|&i| apart(line[i], line[i + 1]))
        .map_or(0, |i| i + 1);
    let last = (at..line.len() - 1)
        .find(|&i| apart(line[i], line[i + 1]))
        .unwrap_or(line.len() - 1);
    Some((line[first].x0, line[last].x1))
}

/// The glyphs of text under a rule at `rule`, across the table's extent.
fn text_under(
    page: &PageContent,
    across: (f64, f64),
    rule: f64,
) -> impl Iterator<Item = &Glyph> + '_ {
    text_in(page, across, (rule, f64::INFINITY))
}

/// The foot of the row set just below a table's last rule, its first line
/// within a row's height of it (`row_height`, the lowest band of text), its
/// other lines each within a line's leading of the one above, all within the
/// tallest band of text (`tallest`), when that row has text in two columns
/// or more (rows striped in a tint leave the row after the last stripe
/// outside every rule; its cells set at its foot, a wrapped one starts on a
/// line of its own).
fn row_below(
    page: &PageContent,
    (x0, x1): (f64, f64),
    rules: &[f64],
    (row_height, tallest): (f64, f64),
    s: &TableSettings,
) -> Option<f64> {
    let rule = *rules.last()?;
    let leading = wrapped_leading(page, (x0, x1), rules);
    let band = rule + tallest.max(row_height);
    let below: Vec<&Glyph> = text_under(page, (x0, x1), rule).collect();
    let mut baselines: Vec<(f64, f64)> = below.iter().map(|g| (g.origin[1], g.size)).collect();
    baselines.sort_by(|a, b| a.0.total_cmp(&b.0));
    baselines.dedup_by(|b, a| b.0 - a.0 < 0.3 * a.1);
    let (first, _) = *baselines.first()?;
    if !below
        .iter()
        .any(|g| (g.origin[1] - first).abs() < 0.3 * g.size && g.centre().1 < rule + row_height)
    {
        return None;
    }
    let on_line = |baseline: f64| {
        below
            .iter()
            .copied()
            .filter(move |g| (g.origin[1] - baseline).abs() < 0.3 * g.size)
    };
    // (a line's leading: half as much again as its size, or as the rows
    // above wrap their cells, up to two sizes and a half; within the
    // tallest band of text, or past it where the line carries on a cell's
    // sentence, in lower case under a word of the line above in its column:
    // the last row may wrap its text further than any row above)
    // (first lines that leave the label column empty, each starting two
    // sizes right of it, are cells wrapped at the row's foot, the row's
    // line to come: the next line, not left of the label column (a note at
    // the margin is), may stand a leading up to two sizes and a half under
    // them, as fpdf2 sets its cells' lines double-spaced, however far past
    // the band)
    let start_of = |baseline: f64| on_line(baseline).map(|g| g.x0).fold(f64::MAX, f64::min);
    let label_column = label_column_start(page, (x0, x1), (rules[0], rule));
    let mut leftmost = start_of(first);
    let mut last = first;
    for (k, w) in baselines.windows(2).enumerate() {
        let size = w[0].1;
        let to_the_rows_line =
            leftmost > label_column + 2.0 * size && start_of(w[1].0) >= label_column - size;
        leftmost = leftmost.min(start_of(w[1].0));
        let limit = match leading {
            _ if to_the_rows_line => 2.5 * size,
            Some(l) => (1.5 * size).max(WRAPPED_LEADING_SLACK * l).min(2.5 * size),
            None => 1.5 * size,
        };
        let within_band = to_the_rows_line || on_line(w[1].0).all(|g| g.centre().1 < band);
        let carries_on = || {
            line_above_in_its_column(&baselines[..=k], on_line(w[1].0), &on_line)
                .is_some_and(|above| carries_on_a_cell(on_line(above), on_line(w[1].0)))
        };
        if w[1].0 - w[0].0 > limit || !(within_band || carries_on()) {
            break;
        }
        last = w[1].0;
    }
    let row: Vec<&Glyph> = below
        .into_iter()
        .filter(|g| g.origin[1] < last + 0.3 * g.size)
        .collect();
    if text_columns(&row, s).len() < 2 {
        return None;
    }
    row.iter().map(|g| g.bottom + 0.5).max_by(f64::total_cmp)
}

/// Where the text of a table's rows between its rules (`top` to `bottom`)
/// starts across the page: its label column's left edge.
fn label_column_start(page: &PageContent, across: (f64, f64), band: (f64, f64)) -> f64 {
    text_in(page, across, band)
        .map(|g| g.x0)
        .fold(f64::MAX, f64::min)
}

/// The baseline of the nearest line above a line (its glyphs `line`), among
/// the `baselines` (with sizes) over it, within two sizes and a half, with
/// text over the line's own: cells set at the middle of their rows
/// interleave their lines, so the line just above may be another column's.
fn line_above_in_its_column<'g, I: Iterator<Item = &'g Glyph>>(
    baselines: &[(f64, f64)],
    line: impl Iterator<Item = &'g Glyph>,
    on_line: &dyn Fn(f64) -> I,
) -> Option<f64> {
    let (x0, x1, baseline) = line.fold((f64::MAX, f64::MIN, f64::MIN), |(a, b, y), g| {
        (a.min(g.x0), b.max(g.x1), y.max(g.origin[1]))
    });
    baselines
        .iter()
        .rev()
        .take_while(|&&(above, size)| baseline - above <= 2.5 * size)
        .map(|&(above, _)| above)
        .find(|&above| on_line(above).any(|g| g.x1 > x0 && g.x0 < x1))
}

/// Whether a line (its glyphs `line`) carries on a cell of the line above
/// (`above`): it starts in lower case, under the start of a word there.
fn carries_on_a_cell<'g>(
    above: impl Iterator<Item = &'g Glyph>,
    line: impl Iterator<Item = &'g Glyph>,
) -> bool {
    let Some(start) = line.min_by(|a, b| a.x0.total_cmp(&b.x0)) else {
        return false;
    };
    let mut above: Vec<&Glyph> = above.collect();
    above.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let word_starts = above
        .iter()
        .enumerate()
        .filter(|&(i, g)| i == 0 || g.x0 - above[i - 1].x1 > 0.15 * g.size);
    start.text.chars().next().is_some_and(char::is_lowercase)
        && word_starts
            .into_iter()
            .any(|(_, g)| (g.x0 - start.x0).abs() < 0.1 * g.size)
}

/// The leading of the cells wrapped in a table's rows, each between two of
/// its `rules`: a row's least step from one line to the next (cells set at
/// their middle interleave lines), the widest over the rows; None when no
/// row wraps.
fn wrapped_leading(page: &PageContent, (x0, x1): (f64, f64), rules: &[f64]) -> Option<f64> {
    rules
        .windows(2)
        .filter_map(|band| {
            let mut baselines: Vec<(f64, f64)> = text_in(page, (x0, x1), (band[0], band[1]))
                .map(|g| (g.origin[1], g.size))
                .collect();
            baselines.sort_by(|a, b| a.0.total_cmp(&b.0));
            baselines.dedup_by(|b, a| b.0 - a.0 < 0.3 * a.1);
            baselines
                .windows(2)
                .map(|w| w[1].0 - w[0].0)
                .reduce(f64::min)
        })
        .reduce(f64::max)
}

/// How much further apart than the table's wrapped lines (`wrapped_leading`)
/// the lines of the row under its last rule may stand (rounding).
const WRAPPED_LEADING_SLACK: f64 = 1.05;

/// The foot of the last row of a table ruled between its rows only, none
/// over its header nor under its last row (a report generator's horizontal
/// lines): a row below the last rule (`row_below`) whose first line stands as
/// far under it as every row's first line stands under the rule above it,
/// with no rule under it. A table ruled under each row leaves what follows it
/// (a note, a paragraph) where its spacing puts it, and a row ruled under
/// belongs to the rules under it.
fn last_row_between_rules(
    page: &PageContent,
    (rules, h): (&[&Edge], &[Edge]),
    (row_height, tallest): (f64, f64),
    s: &TableSettings,
) -> Option<f64> {
    let (x0, x1) = (rules[0].start, rules[0].end);
    let offset = |rule: f64, limit: f64| {
        text_under(page, (x0, x1), rule)
            .filter(|g| g.centre().1 < limit)
            .map(|g| g.origin[1] - rule)
            .reduce(f64::min)
    };
    let offsets: Vec<f64> = rules
        .windows(2)
        .map(|w| offset(w[0].pos, w[1].pos))
        .collect::<Option<_>>()?;
    let last = rules[rules.len() - 1].pos;
    let below = offset(last, last + row_height)?;
    let alike = |a: f64| (a - below).abs() <= ROW_OFFSET_TOLERANCE.max(0.1 * below);
    if offsets.len() < 2 || !offsets.iter().all(|&o| alike(o)) {
        return None;
    }
    let rule_positions: Vec<f64> = rules.iter().map(|r| r.pos).collect();
    let foot = row_below(page, (x0, x1), &rule_positions, (row_height, tallest), s)?;
    // (a rule under that row, a group of its own, rules under each row)
    let ruled_under = h.iter().any(|e| {
        e.pos > last + s.sliver && e.pos < foot + row_height / 2.0 && e.start < x1 && e.end > x0
    });
    (!ruled_under).then_some(foot)
}

/// How far (points) rows' first lines may stand from one offset under the
/// rules above them, at least, and be set alike.
const ROW_OFFSET_TOLERANCE: f64 = 1.0;

/// The foot of a row a page break cut, under a table's last rule at the foot
/// of the page (the rule under it is drawn on the next page, under the rest
/// of the row): its first line within a row's height of the rule, its lines
/// each within a line's leading of the one before, with text in two columns
/// on its first line (or on its lines, when it is no taller than the table's
/// tallest band of text, `tallest`), and nothing under them on the page but
/// a folio, a row's height off in the page's last tenth.
fn row_cut_at_foot(
    page: &PageContent,
    (x0, x1): (f64, f64),
    rule: f64,
    (row_height, tallest): (f64, f64),
    s: &TableSettings,
) -> Option<f64> {
    let mut below: Vec<&Glyph> = text_under(page, (x0, x1), rule).collect();
    below.sort_by(|a, b| a.origin[1].total_cmp(&b.origin[1]));
    let first = *below.first()?;
    if first.top - rule > row_height {
        return None;
    }
    let leading = super::stream_tables::StreamSettings::default().wrap_leading * first.size;
    let mut last = first.origin[1];
    let mut rest = below.len();
    for (k, g) in below.iter().enumerate() {
        if g.origin[1] - last > leading {
            rest = k;
            break;
        }
        last = last.max(g.origin[1]);
    }
    let folio_only = below[rest..].iter().all(|g| {
        g.origin[1] > page.height * (1.0 - super::FOOTER_ZONE) && g.origin[1] - last > row_height
    });
    let row = &below[..rest];
    let foot = row.iter().map(|g| g.bottom + 0.5).max_by(f64::total_cmp)?;
    let first_line: Vec<&Glyph> = row
        .iter()
        .copied()
        .filter(|g| (g.origin[1] - first.origin[1]).abs() < 0.3 * g.size)
        .collect();
    // (its cells set at the row's middle, a wrapped one's first line may
    // stand alone above the others: then the row is no taller than the
    // table's tallest, lest a heading and the next table's lines pass)
    let opens_row = text_columns(&first_line, s).len() >= 2
        || (text_columns(row, s).len() >= 2 && foot - rule <= tallest);
    (folio_only && opens_row).then_some(foot)
}

/// Rules drawn under some columns only (a label column left unruled) leave
/// row text outside their extent (text of another table beside it aside).
/// When most rows continue past an end of the rules on the same baseline,
/// the table takes that text in, as far as the next table beside it: the
/// extent of another group of rules, or a rule drawn beside its own at the
/// height of one of them (tables side by side, each ruled under its title).
fn widen_to_row_text(
    (x0, x1): (f64, f64),
    bounds: &[f64],
    (h, others): (&[Edge], &[[f64; 4]]),
    page: &PageContent,
    s: &TableSettings,
) -> (f64, f64) {
    let in_other_table = |g: &Glyph| {
        let (cx, cy) = g.centre();
        others
            .iter()
            .any(|o| cx >= o[0] && cx <= o[2] && cy >= o[1] && cy <= o[3])
    };
    let (top, foot) = (bounds[0], bounds[bounds.len() - 1]);
    let beside: Vec<(f64, f64)> = others
        .iter()
        .filter(|o| o[1] < foot && o[3] > top)
        .map(|o| (o[0], o[2]))
        .chain(
            h.iter()
                .filter(|e| bounds.iter().any(|b| (e.pos - b).abs() <= s.snap_tolerance))
                .map(|e| (e.start, e.end)),
        )
        .collect();
    let left_wall = beside
        .iter()
        .filter(|(_, end)| *end <= x0)
        .map(|&(_, end)| end)
        .fold(f64::NEG_INFINITY, f64::max);
    let right_wall = beside
        .iter()
        .filter(|(start, _)| *start >= x1)
        .map(|&(start, _)| start)
        .fold(f64::INFINITY, f64::min);
    let (mut left, mut right) = (x0, x1);
    let (mut left_rows, mut right_rows) = (0, 0);
    for band in bounds.windows(2) {
        let in_band: Vec<&Glyph> = page
            .glyphs
            .iter()
            .filter(|g| {
                let cy = g.centre().1;
                cy > band[0] && cy < band[1] && !in_other_table(g)
            })
            .collect();
        let baselines: Vec<f64> = in_band
            .iter()
            .filter(|g| (x0..=x1).contains(&g.centre().0))
            .map(|g| g.origin[1])
            .collect();
        let aligned = |g: &&&Glyph| baselines.iter().any(|b| (g.origin[1] - b).abs() < 1.0);
        let outside_left: Vec<f64> = in_band
            .iter()
            .filter(|g| g.x1 <= x0 && g.x0 >= left_wall)
            .filter(aligned)
            .map(|g| g.x0)
            .collect();
        let outside_right: Vec<f64> = in_band
            .iter()
            .filter(|g| g.x0 >= x1 && g.x1 <= right_wall)
            .filter(aligned)
            .map(|g| g.x1)
            .collect();
        if let Some(m) = outside_left.iter().copied().reduce(f64::min) {
            left = left.min(m - 0.5);
            left_rows += 1;
        }
        if let Some(m) = outside_right.iter().copied().reduce(f64::max) {
            right = right.max(m + 0.5);
            right_rows += 1;
        }
    }
    let rows = bounds.len() - 1;
    (
        if left_rows * 2 >= rows { left } else { x0 },
        if right_rows * 2 >= rows { right } else { x1 },
    )
}

/// A heading set flush left over figures set flush right can stand clear of
/// them: a column with text above `header_end` only, followed by one with
/// text below it only, is one column. When the table is `headed` (a header
/// set above its first rule), its headings may be figures ("2022/23").
fn headings_join_their_columns(
    columns: Vec<(f64, f64)>,
    glyphs: &[&Glyph],
    header_end: f64,
    headed: bool,
) -> Vec<(f64, f64)> {
    let holds = |(a, b): (f64, f64), header: bool| {
        glyphs.iter().any(|g| {
            let (cx, cy) = g.centre();
            cx >= a && cx <= b && (cy < header_end) == header
        })
    };
    // (without a header above the first rule, the first band may be a row of
    // the body: a figure alone in it is no heading; words, a year or a span
    // of years ("2022/23") are)
    let worded = |(a, b): (f64, f64)| {
        let text: String = glyphs
            .iter()
            .filter(|g| (a..=b).contains(&g.centre().0))
            .map(|g| g.text.as_str())
            .collect();
        !super::holds_data(&text)
    };
    let mut out: Vec<(f64, f64)> = Vec::with_capacity(columns.len());
    for column in columns {
        match out.last_mut() {
            Some(last)
                if !holds(*last, false) && (headed || worded(*last)) && !holds(column, true) =>
            {
                last.1 = column.1
            }
            _ => out.push(column),
        }
    }
    out
}

/// Column extents: glyph spans merged wherever they are closer than a column gap.
/// (A line across the gaps, such as a caption, makes one column of them all.)
pub(super) fn text_columns(glyphs: &[&Glyph], s: &TableSettings) -> Vec<(f64, f64)> {
    let Some(median) = median_size(glyphs) else {
        return Vec::new();
    };
    let spans = glyphs.iter().map(|g| (g.x0, g.x1)).collect();
    merge_spans(spans, median * s.column_gap)
}

/// The columns of a table's cells: on each line, glyph spans merged wherever
/// they are closer than a column gap (the words of a cell); then the lines'
/// spans merged wherever they overlap. Spans of different lines that merely
/// come close do not make one column: a spreadsheet sets a heading flush
/// left in its cell a hair from the figures set flush right in the cell before.
/// Given the spaces drawn in the table (`spaces`, when the producer draws its
/// word spaces), a gap on a line with none drawn in it, after tight letters,
/// parts two cells however narrow it is, as in unruled tables.
///
/// A heading above `header_end` that reaches two columns of the lines below
/// it is a heading over the columns it spans ("Outcomes" over "2023/24" and
/// "Result"): it joins no columns and is returned as a box, read whole in
/// the first column it reaches.
fn cell_columns(
    glyphs: &[&Glyph],
    spaces: Option<&[&Glyph]>,
    header_end: f64,
    s: &TableSettings,
) -> (Vec<(f64, f64)>, Vec<BBox>) {
    let Some(median) = median_size(glyphs) else {
        return (Vec::new(), Vec::new());
    };
    let tolerance = median * s.line_span_tolerance;
    let mut by_baseline: Vec<&Glyph> = glyphs.to_vec();
    by_baseline.sort_by(|a, b| a.origin[1].total_cmp(&b.origin[1]));
    let (mut body, mut headings) = (Vec::new(), Vec::new());
    for line in
        by_baseline.chunk_by(|a, b| b.origin[1] - a.origin[1] <= s.baseline_tolerance * median)
    {
        let spans = line_cells(line, spaces, median, s);
        if line[0].centre().1 < header_end {
            let (top, bottom) = line.iter().fold((f64::MAX, f64::MIN), |(t, b), g| {
                (t.min(g.top), b.max(g.bottom))
            });
            let short = |&(x0, x1): &(f64, f64)| {
                words_between(line, (x0, x1), median) <= s.spanning_heading_words
            };
            let (short, long): (Vec<_>, Vec<_>) = spans.into_iter().partition(short);
            headings.extend(short.into_iter().map(|(x0, x1)| [x0, top, x1, bottom]));
            body.extend(long);
        } else {
            body.extend(spans);
        }
    }
    let below = merge_spans(body.clone(), tolerance);
    let reaches = |h: &BBox| {
        below
            .iter()
            .filter(|(x0, x1)| h[0] <= x1 + tolerance && h[2] >= x0 - tolerance)
            .count()
    };
    // (a line across every column is a title or the table's layout, no heading)
    let (over, own): (Vec<BBox>, Vec<BBox>) = headings
        .into_iter()
        .partition(|h| (2..below.len()).contains(&reaches(h)));
    body.extend(own.iter().map(|h| (h[0], h[2])));
    (merge_spans(body, tolerance), over)
}

/// Most spaces in a row looked past for the glyph after a space (a hostile
/// page may draw a million).
const MAX_SPACE_RUN: usize = 64;

/// Whether glyph `i` is a space drawn between two words: the next glyph
/// drawn after it (past a few other spaces) carries on its line to the right. A
/// space drawn where a cell's text wraps ends its line, and stands between
/// that line and the next cell's text, which it does not part from it.
fn is_word_space(glyphs: &[Glyph], i: usize) -> bool {
    let space = &glyphs[i];
    space.text == " "
        && glyphs[i + 1..]
            .iter()
            .take(MAX_SPACE_RUN)
            .find(|g| g.text != " ")
            .is_some_and(|next| {
                (next.origin[1] - space.origin[1]).abs() < space.size / 2.0 && next.x0 >= space.x0
            })
}

/// The spans of one line's cells: its glyphs merged wherever they are closer
/// than a column gap, but parted at a gap with no space drawn in it (see
/// [`cell_columns`]).
fn line_cells(
    line: &[&Glyph],
    spaces: Option<&[&Glyph]>,
    median: f64,
    s: &TableSettings,
) -> Vec<(f64, f64)> {
    let mut glyphs = line.to_vec();
    glyphs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let word_gap = LayoutSettings::default().word_gap * median;
    let space_between = |a: &Glyph, b: &Glyph| {
        spaces.is_none_or(|spaces| {
            spaces.iter().any(|sp| {
                let cx = (sp.x0 + sp.x1) / 2.0;
                cx > a.x1 - 0.5
                    && cx < b.x0 + 0.5
                    && (sp.origin[1] - b.origin[1]).abs() < median / 2.0
            })
        })
    };
    // (a justified line's words stand where its stretched spaces moved the
    // pen, a letter on either side: see layout's stretched_between_words)
    let letter = |g: &Glyph| g.text.chars().next().is_some_and(char::is_alphabetic);
    let stretched_between = |a: &Glyph, b: &Glyph| {
        letter(a)
            && letter(b)
            && spaces.is_some_and(|spaces| {
                spaces.iter().any(|sp| {
                    sp.stretch > 0.0
                        && sp.x0 >= a.x1 - 0.5
                        && (sp.x1 + sp.stretch - b.x0).abs() <= PEN_TOLERANCE * median
                        && (sp.origin[1] - b.origin[1]).abs() < median / 2.0
                })
            })
    };
    let mut out = vec![(glyphs[0].x0, glyphs[0].x1)];
    let mut tight = false;
    // (a span of one glyph, a lone digit, is a figure as tight as it goes:
    // see layout's page_lines)
    let mut lone = true;
    for pair in glyphs.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let last = out.len() - 1;
        let gap = b.x0 - out[last].1;
        let unspaced = gap > word_gap && !space_between(a, b);
        let lone_figure = lone && super::holds_data(&a.text);
        let parted = unspaced && (tight || lone_figure);
        if (gap <= s.column_gap * median && !parted) || stretched_between(a, b) {
            out[last].1 = out[last].1.max(b.x1);
            tight = gap <= word_gap;
            lone = false;
        } else {
            out.push((b.x0, b.x1));
            tight = false;
            lone = true;
        }
    }
    out
}

/// How many words a line's glyphs between `x0` and `x1` make: runs of
/// glyphs parted by more than a word space.
fn words_between(line: &[&Glyph], (x0, x1): (f64, f64), median: f64) -> usize {
    let mut xs: Vec<(f64, f64)> = line
        .iter()
        .filter(|g| g.x0 >= x0 && g.x1 <= x1 && !g.text.trim().is_empty())
        .map(|g| (g.x0, g.x1))
        .collect();
    xs.sort_by(|a, b| a.0.total_cmp(&b.0));
    let word_gap = LayoutSettings::default().word_gap * median;
    1 + xs.windows(2).filter(|w| w[1].0 - w[0].1 > word_gap).count()
}

fn median_size(glyphs: &[&Glyph]) -> Option<f64> {
    let mut sizes: Vec<f64> = glyphs.iter().map(|g| g.size).collect();
    sizes.sort_by(f64::total_cmp);
    sizes.get(sizes.len() / 2).copied()
}

/// The glyphs of text that runs on over its cell's sides, each with the cell
/// it starts in. A run is the glyphs drawn one after another on a line, no
/// more than a word space apart; it runs on when a letter of it lies across
/// a side into the next cell, and no clip cuts or hides any of it (a
/// spreadsheet clips text too long for its cell when the next cell holds
/// text of its own).
fn runs_on_past_their_cells(
    glyphs: &[Glyph],
    owner: &[Option<usize>],
    sides: impl Fn(usize) -> (f64, f64),
    s: &TableSettings,
) -> HashMap<usize, usize> {
    let follows = |a: &Glyph, b: &Glyph| {
        a.dir == [1.0, 0.0]
            && b.dir == a.dir
            && (b.origin[1] - a.origin[1]).abs() < 0.2 * a.size
            && b.x0 >= a.x1 - 0.2 * a.size
            && b.x0 - a.x1 <= MAX_WORD_SPACE * a.size
    };
    let across = |gi: usize| {
        let g = &glyphs[gi];
        owner[gi].is_some_and(|ci| {
            let (left, right) = sides(ci);
            !g.text.trim().is_empty()
                && (g.x0 < left - s.cell_overflow || g.x1 > right + s.cell_overflow)
        })
    };
    let mut out = HashMap::new();
    let mut start = 0;
    while start < glyphs.len() {
        let mut end = start + 1;
        while end < glyphs.len() && follows(&glyphs[end - 1], &glyphs[end]) {
            end += 1;
        }
        let run = start..end;
        let first = owner[start];
        // (or a letter of the run lies across its first cell's right side,
        // into the next cell, after a letter: a word too long for a narrow
        // column, which a report generator lets run on over the rule, its
        // last letter's centre past it; figures set flush right against
        // the rule, the next cell's close after them, are two cells')
        let letter = |gi: usize| glyphs[gi].text.chars().all(char::is_alphabetic);
        let over_first_side = |gi: usize| {
            let g = &glyphs[gi];
            let after_a_letter = gi > start && letter(gi - 1);
            first.is_some_and(|ci| {
                let right = sides(ci).1;
                letter(gi) && after_a_letter && g.x0 < right && g.x1 > right + s.cell_overflow
            })
        };
        let runs_on = first.is_some()
            && run
                .clone()
                .any(|gi| owner[gi].is_some() && owner[gi] != first)
            && run.clone().any(|gi| across(gi) || over_first_side(gi))
            && run.clone().all(|gi| glyphs[gi].clip == Clipping::Whole);
        if let (true, Some(ci)) = (runs_on, first) {
            out.extend(run.filter(|&gi| owner[gi].is_some()).map(|gi| (gi, ci)));
        }
        start = end;
    }
    out
}

/// Widest gap (× font size) between two glyphs of one run of text: a word
/// space, not the gap between two cells' texts.
const MAX_WORD_SPACE: f64 = 0.5;

/// Where the ruled band that starts at grid row `r` ends, when its rows may
/// be drawn without rules: one grid row whose cells all end there, or several
/// when cells of two columns or more run over them with their text on
/// several lines (a table whose shaded groups in one column add rules that
/// the other columns lack, their rows drawn without rules). No band (`r`)
/// when a cell from above runs into it, or when its cells run over several
/// rows without such lines. `spans` are the cells' first and past-the-last
/// grid rows.
fn band_end(spans: &[(usize, usize)], lined_spans: &[bool], r: usize) -> usize {
    // the rows the cells starting in the band reach, until none reaches further
    let mut end = r + 1;
    loop {
        let reach = spans
            .iter()
            .filter(|(top, _)| (r..end).contains(top))
            .map(|&(_, bottom)| bottom)
            .max()
            .unwrap_or(end);
        if reach <= end {
            break;
        }
        end = reach;
    }
    if end == r + 1 {
        return end;
    }
    let entered = spans.iter().any(|&(top, bottom)| top < r && bottom > r);
    let lined = spans
        .iter()
        .zip(lined_spans)
        .filter(|((top, _), &lined)| lined && (r..end).contains(top))
        .count();
    if !entered && lined >= 2 {
        end
    } else {
        r
    }
}

/// A chart's plot area draws a grid (its frame, gridlines, the sides of its
/// bars) that holds little text: a value on a bar here and there, its labels
/// and scale set outside. A grid in which most columns and most rows hold no
/// text at all is a plot, not a table; a table's every column holds text
/// somewhere, if only in its header.
fn is_a_plot(rows: &[Vec<Cell>]) -> bool {
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    let has_text = |c: &Cell| !c.text.trim().is_empty();
    let rows_with_text = rows.iter().filter(|r| r.iter().any(has_text)).count();
    let columns_with_text = (0..width)
        .filter(|&c| rows.iter().any(|r| r.get(c).is_some_and(has_text)))
        .count();
    2 * rows_with_text < rows.len() && 2 * columns_with_text < width
}

/// What a group of ruled cells turns out to be.
enum Grid {
    Table(FoundTable),
    /// A chart's plot area (see `is_a_plot`), by its box.
    Plot(BBox),
}

/// The cell (its index in `group`, the first if cells overlap) that holds
/// each glyph's centre, or, for a glyph of a heading a cut steps round
/// (`lowered`), its centre moved down to the line it is read on. The
/// grid's columns and rows (`xs`, `ys`) index the cells by the slots they
/// cover, so that a glyph is found in its slot, not held against every
/// cell: a grid of thousands of rows would otherwise cost their number
/// times its glyphs'.
fn cells_holding(
    group: &[[i64; 4]],
    (xs, ys): (&[i64], &[i64]),
    glyphs: &[Glyph],
    lowered: &[Lowered],
) -> Vec<Option<usize>> {
    let cols = xs.len() - 1;
    let mut slots: Vec<Option<usize>> = vec![None; cols * (ys.len() - 1)];
    let index = |list: &[i64], k: i64| list.binary_search(&k).ok();
    for (ci, c) in group.iter().enumerate().rev() {
        let spans = (
            index(xs, c[0]),
            index(xs, c[2]),
            index(ys, c[1]),
            index(ys, c[3]),
        );
        let (Some(c0), Some(c1), Some(r0), Some(r1)) = spans else {
            continue;
        };
        for r in r0..r1 {
            slots[r * cols + c0..r * cols + c1].fill(Some(ci));
        }
    }
    // (the slot of a position: the last of the sides at or before it, when
    // one is after it)
    let slot = |list: &[i64], v: f64| {
        let at = list.partition_point(|&k| unkey(k) <= v);
        (at >= 1 && at < list.len()).then(|| at - 1)
    };
    glyphs
        .iter()
        .map(|g| {
            let (cx, cy) = g.centre();
            let cy = lowered
                .iter()
                .find(|l| box_holds(l.bbox, (cx, cy)))
                .map_or(cy, |l| l.at);
            slots[slot(ys, cy)? * cols + slot(xs, cx)?]
        })
        .collect()
}

/// Lays a group of cells on the grid of their edges and fills them with text.
fn build_table(
    group: &[[i64; 4]],
    page: &PageContent,
    fonts: &[FontStyle],
    lowered: &[Lowered],
    s: &TableSettings,
) -> Option<Grid> {
    let xs: Vec<i64> = group
        .iter()
        .flat_map(|c| [c[0], c[2]])
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let ys: Vec<i64> = group
        .iter()
        .flat_map(|c| [c[1], c[3]])
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let (cols, rows) = (xs.len() - 1, ys.len() - 1);
    if cols < 2 || rows < 2 {
        return None;
    }
    let bbox = [unkey(xs[0]), unkey(ys[0]), unkey(xs[cols]), unkey(ys[rows])];
    // Each glyph goes to the cell that holds its centre. A glyph that crosses
    // the cell's side is text too long for its cell, which the producer clips
    // there (a spreadsheet's cell): it is not seen, so it is not read, nor is
    // a glyph that a clip hides. But text the producer lets run on over the
    // side (into an empty neighbour) is seen whole, and stays whole in the
    // cell it starts in.
    let side = |ci: usize, k: usize| unkey(group[ci][k]);
    let owner = cells_holding(group, (&xs, &ys), &page.glyphs, lowered);
    let runs_on =
        runs_on_past_their_cells(&page.glyphs, &owner, |ci| (side(ci, 0), side(ci, 2)), s);
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); group.len()];
    let mut taken = Vec::new();
    for (gi, g) in page.glyphs.iter().enumerate() {
        if let Some(&ci) = runs_on.get(&gi) {
            members[ci].push(gi);
            taken.push(gi);
        } else if let Some(ci) = owner[gi] {
            let clipped = g.clip == Clipping::Hidden
                || g.x0 < side(ci, 0) - s.cell_overflow
                || g.x1 > side(ci, 2) + s.cell_overflow;
            if !clipped {
                members[ci].push(gi);
            }
            taken.push(gi);
        }
    }
    if taken.is_empty() {
        return None;
    }
    let mut grid: Vec<Vec<Option<Cell>>> = vec![vec![None; cols]; rows];
    let col_of = |k: i64| xs.binary_search(&k).ok();
    let row_of = |k: i64| ys.binary_search(&k).ok();
    let mut first_row_glyphs: Vec<&Glyph> = Vec::new();
    // each cell's first and past-the-last grid rows, and whether it runs over
    // several with its text on several lines
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(group.len());
    let mut lined_spans = vec![false; group.len()];
    for (ci, c) in group.iter().enumerate() {
        let (c0, c1, r0, r1) = (col_of(c[0])?, col_of(c[2])?, row_of(c[1])?, row_of(c[3])?);
        spans.push((r0, r1));
        let glyphs: Vec<&Glyph> = members[ci].iter().map(|&i| &page.glyphs[i]).collect();
        if r0 == 0 {
            first_row_glyphs.extend(&glyphs);
        }
        let text = cell_text(&glyphs, fonts);
        lined_spans[ci] = r1 - r0 > 1 && text.contains('\n');
        for (r, row) in grid.iter_mut().enumerate().take(r1).skip(r0) {
            for (col, slot) in row.iter_mut().enumerate().take(c1).skip(c0) {
                *slot = Some(if r == r0 && col == c0 {
                    Cell {
                        text: text.clone(),
                        row_span: (r1 - r0) as u32,
                        col_span: (c1 - c0) as u32,
                    }
                } else {
                    Cell::covered()
                });
            }
        }
    }
    let xs_pt: Vec<f64> = xs.iter().map(|&k| unkey(k)).collect();
    let mut rows: Vec<Vec<Cell>> = Vec::with_capacity(grid.len());
    let mut r = 0;
    while r < grid.len() {
        // An empty row is kept, as the grid draws it (camelot, pdfplumber and
        // tabula keep it), unless it is a sliver between two rules drawn close.
        let sliver = unkey(ys[r + 1]) - unkey(ys[r]) < s.sliver;
        let empty = grid[r].iter().all(|c| {
            c.as_ref()
                .is_none_or(|c| c.text.is_empty() && c.row_span == 1)
        });
        if sliver && empty {
            r += 1;
            continue;
        }
        // (a band whose cells all lie within it may hold rows drawn without rules)
        let end = band_end(&spans, &lined_spans, r);
        let band: Vec<usize> = (0..group.len())
            .filter(|&ci| (r..end).contains(&spans[ci].0))
            .collect();
        let cells: Vec<Vec<&Glyph>> = band
            .iter()
            .map(|&ci| members[ci].iter().map(|&i| &page.glyphs[i]).collect())
            .collect();
        // (cells that run over several grid rows, lines in each, show the rows
        // already; a band that reaches the foot under headings alone, no
        // figure in them, is the whole body of a table ruled round its
        // header and body only, which holds records, where a band between
        // rows' rules is a record, whose cell may hold two figures, or a
        // formula's or a diagram's lines)
        let under_headings = || !rows.iter().flatten().any(|c| super::holds_data(&c.text));
        let whole_body = r > 0 && end == grid.len() && under_headings();
        let least_figures = if end > r + 1 { 2 } else { 3 };
        let read = (end > r).then(|| {
            let in_columns = phrases_in_columns(&cells, &xs_pt);
            let read_by = BandReading {
                least_figures,
                whole_body,
                by_space: true,
                one_grid_row: end == r + 1,
            };
            rows_in_columns(&in_columns, &xs_pt, fonts, read_by)
        });
        match read.flatten() {
            Some(lines) => {
                rows.extend(lines);
                r = end;
            }
            _ => {
                rows.push(
                    grid[r]
                        .iter()
                        .map(|c| c.clone().unwrap_or_else(|| Cell::new("")))
                        .collect(),
                );
                r += 1;
            }
        }
    }

    // (a grid with text in one cell at most is a frame round that text, or
    // a page's panels of colour: a section's title page in a full bleed)
    let filled = rows
        .iter()
        .flatten()
        .filter(|c| !c.text.trim().is_empty())
        .count();
    if rows.len() < 2 || rows[0].len() < 2 || filled < 2 {
        return None;
    }
    if is_a_plot(&rows) {
        return Some(Grid::Plot(bbox));
    }
    let centre = |c: &[i64; 4]| (unkey(c[0] + c[2]) / 2.0, unkey(c[1] + c[3]) / 2.0);
    let (first_row, later_rows): (Vec<&[i64; 4]>, Vec<&[i64; 4]>) =
        group.iter().partition(|c| c[1] == ys[0]);
    let first_shaded = shaded_apart(
        &first_row.into_iter().map(centre).collect::<Vec<_>>(),
        &later_rows.into_iter().map(centre).collect::<Vec<_>>(),
        &page.fills,
    );
    let first_bold = mostly_bold(first_row_glyphs.into_iter(), fonts);
    let header_rows = grid_header_rows(&rows, first_bold || first_shaded);
    Some(Grid::Table(FoundTable {
        bbox,
        table: Table {
            page: None,
            bbox: Some(bbox),
            rows,
            header_rows,
        },
        glyphs: taken,
    }))
}

/// The colours of the fills under a point.
pub fn colours_at(fills: &[Fill], point: (f64, f64)) -> impl Iterator<Item = [u8; 3]> + '_ {
    fills
        .iter()
        .filter(move |f| box_holds(f.bbox, point))
        .map(|f| f.rgb)
}

/// Whether a point lies in a box (its sides included).
pub fn box_holds(b: BBox, (x, y): (f64, f64)) -> bool {
    x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3]
}

/// Whether a first row (its cells' points) stands on a fill of a colour
/// that no later row stands on: a header row shaded apart (rows banded in a
/// tint from the first down share it with the rows below).
fn shaded_apart(first: &[(f64, f64)], later: &[(f64, f64)], fills: &[Fill]) -> bool {
    let Some(&start) = first.first() else {
        return false;
    };
    let on = |p: (f64, f64), colour: [u8; 3]| colours_at(fills, p).any(|c| c == colour);
    colours_at(fills, start)
        .any(|colour| first.iter().all(|&p| on(p, colour)) && !later.iter().any(|&p| on(p, colour)))
}

/// How many rows of a ruled grid are its header: none unless the first row
/// is one (set in bold or shaded apart, or holding no figures where later rows do); then as
/// many as its cells reach down (a heading over two rows beside years over
/// "Offences" and "Solved").
fn grid_header_rows(rows: &[Vec<Cell>], first_bold: bool) -> u32 {
    let figures = |r: &Vec<Cell>| r.iter().any(|c| super::holds_data(&c.text));
    let Some((first, rest)) = rows.split_first() else {
        return 0;
    };
    if !(first_bold || (!figures(first) && rest.iter().any(figures))) {
        return 0;
    }
    let deepest = first.iter().map(|c| c.row_span).max().unwrap_or(1).max(1);
    // (never the whole table, nor down into rows of figures)
    let depth = (1..deepest as usize)
        .take_while(|&r| r < rows.len() - 1 && !figures(&rows[r]))
        .count();
    1 + depth as u32
}

/// The rows a ruled band holds with no rules between them: a statistics
/// table ruled around its header and body only has its whole body in one
/// band, its figures in lines that line up across the columns. The band is
/// read line by line into the grid's columns when a column holds figures on
/// `least_figures` lines or more (three for one band of the grid; two where
/// cells run over several, as `band_end` has them) and most lines have text
/// in two columns or more; a cell of wrapped text beside a figure (a
/// grant's rationale) is one line of figures, and stays one cell. Lines are
/// then grouped into records as an unruled table's are, so that a cell
/// wrapped over lines stays one cell.
fn rows_in_band(
    glyphs: &[&Glyph],
    xs: &[f64],
    fonts: &[FontStyle],
    (least_figures, whole_body): (usize, bool),
) -> Option<Vec<Vec<Cell>>> {
    let in_columns = by_column(glyphs.iter().copied(), xs);
    let read_by = BandReading {
        least_figures,
        whole_body,
        by_space: false,
        one_grid_row: true,
    };
    rows_in_columns(&in_columns, xs, fonts, read_by)
}

/// The glyphs by the column between `xs` their centres stand in
/// (`column_between`).
fn by_column<'g>(glyphs: impl IntoIterator<Item = &'g Glyph>, xs: &[f64]) -> Vec<Vec<&'g Glyph>> {
    let mut in_columns: Vec<Vec<&Glyph>> = vec![Vec::new(); xs.len() - 1];
    for g in glyphs {
        in_columns[column_between(g.centre().0, xs)].push(g);
    }
    in_columns
}

/// The column between `xs` that holds `x` (the first or last for an `x`
/// outside them).
fn column_between(x: f64, xs: &[f64]) -> usize {
    let width = xs.len() - 1;
    xs.windows(2)
        .position(|w| x >= w[0] && x < w[1])
        .unwrap_or(if x < xs[0] { 0 } else { width - 1 })
}

/// Most space (× the type's size) between two glyphs of one phrase, a line
/// read on: a word space is a quarter to a third of the size; columns stand
/// further apart.
pub(super) const PHRASE_GAP: f64 = 0.45;

/// Whether a glyph set after another by baseline (`b` after `a`) stands
/// on the same line.
fn on_one_line(a: &Glyph, b: &Glyph) -> bool {
    b.origin[1] - a.origin[1] < 0.3 * a.size.max(b.size)
}

/// Whether a glyph set after another on a line (`b` after `a`) reads on in
/// the same phrase: a word space apart at most (`PHRASE_GAP`).
fn in_one_phrase(a: &Glyph, b: &Glyph) -> bool {
    b.x0 - a.x1 <= PHRASE_GAP * a.size.max(b.size)
}

/// A ruled band's glyphs by the grid column each goes to, cell by cell.
/// A glyph goes to the column its phrase (its glyphs a word space apart at
/// most, on one line) starts in, so that text running on over a column's
/// split inside a cell that spans it (a heading over the columns it spans,
/// a form's line of text over boxes drawn rows away) stays whole, as it
/// reads; text in a cell of one column goes to that column.
fn phrases_in_columns<'g>(cells: &[Vec<&'g Glyph>], xs: &[f64]) -> Vec<Vec<&'g Glyph>> {
    let mut in_columns: Vec<Vec<&Glyph>> = vec![Vec::new(); xs.len() - 1];
    for cell in cells {
        // (phrases are found in reading order; the glyphs keep the order
        // they are drawn in, which the lines are built from)
        let mut order: Vec<usize> = (0..cell.len()).collect();
        order.sort_by(|&a, &b| cell[a].origin[1].total_cmp(&cell[b].origin[1]));
        let mut column = vec![0; cell.len()];
        for line in order.chunk_by_mut(|&a, &b| on_one_line(cell[a], cell[b])) {
            line.sort_by(|&a, &b| cell[a].x0.total_cmp(&cell[b].x0));
            for phrase in line.chunk_by(|&a, &b| in_one_phrase(cell[a], cell[b])) {
                let start = column_between(cell[phrase[0]].centre().0, xs);
                for &i in phrase {
                    column[i] = start;
                }
            }
        }
        for (i, g) in cell.iter().enumerate() {
            in_columns[column[i]].push(g);
        }
    }
    in_columns
}

/// How a ruled band's lines are read into rows (`rows_in_columns`).
#[derive(Clone, Copy)]
struct BandReading {
    /// Least lines holding a figure in one column for the lines to be read
    /// as records.
    least_figures: usize,
    /// The band is a table's whole body under its headings: two lines with
    /// figures in one column are enough when every line has a label opening
    /// as a record's does (a diagram's or a formula's lines have none, a
    /// label's wrapped line opens in a small letter).
    whole_body: bool,
    /// Lines with too few figures to part their records are read by the
    /// space between them (`records_set_apart`): a band that only may be a
    /// row (a row-ruled table's) is not, as a page's panels of text between
    /// rules stand apart so.
    by_space: bool,
    /// The band is one row of the grid's, no rule inside it.
    one_grid_row: bool,
}

/// The rows of a band whose glyphs are put in the grid's columns already
/// (see `rows_in_band`), read as `read_by` says.
fn rows_in_columns(
    in_columns: &[Vec<&Glyph>],
    xs: &[f64],
    fonts: &[FontStyle],
    read_by: BandReading,
) -> Option<Vec<Vec<Cell>>> {
    let width = xs.len() - 1;
    // (each column's lines read apart: a line read across the band would run
    // a figure into the next column's where the columns stand a few letters
    // apart, as a typesetter's tabular sets them)
    let mut column_of_chunk: HashMap<(u64, u64), usize> = HashMap::new();
    let mut chunks: Vec<Line> = Vec::new();
    for (column, gs) in in_columns.iter().enumerate() {
        for line in page_lines(0, gs.iter().copied(), fonts, &LayoutSettings::default()) {
            column_of_chunk.insert((line.x0.to_bits(), line.baseline.to_bits()), column);
            chunks.push(line);
        }
    }
    let rows = rows_of(chunks);
    if rows.len() < 2 {
        return None;
    }
    let column = |c: &Line| column_of_chunk[&(c.x0.to_bits(), c.baseline.to_bits())];
    let lines: Vec<TableLine> = rows
        .iter()
        .map(|row| {
            let mut cells = vec![String::new(); width];
            for c in &row.chunks {
                append_chunk(&mut cells[column(c)], &c.text);
            }
            TableLine {
                extents: vec![None; cells.len()],
                cells,
                baseline: row.baseline,
                size: row.size,
            }
        })
        .collect();
    let unjoined = read_by.by_space.then(|| lines.clone());
    let lines = join_band_labels(lines);
    // (a figure broken over two lines in a narrow column, "259,37" over "6",
    // is one figure: its tail is none of its own)
    let figure_at = |k: usize, col: usize| {
        let text = &lines[k].cells[col];
        super::holds_data(text)
            && !(k > 0 && broken_words::figure_broken_onto(&lines[k - 1].cells[col], text))
    };
    let figures_in = |col: usize| (0..lines.len()).filter(|&k| figure_at(k, col)).count();
    let most_figures = (0..width).map(figures_in).max().unwrap_or(0);
    // (two lines are two records when two columns hold a figure on each:
    // a figure does not wrap; or when one does and the lines fill the same
    // columns, the second opening its cells as a record does, with no word
    // in lower case carrying the first's on: a table's last two rows
    // carried to a page of their own)
    let stacked_figures = (0..width).filter(|&c| figures_in(c) == 2).count();
    let two_like_records = |upper: &TableLine, lower: &TableLine| {
        let columns = upper.occupied();
        columns.len() >= 2
            && columns == lower.occupied()
            && !lower
                .cells
                .iter()
                .any(|c| c.chars().next().is_some_and(char::is_lowercase))
    };
    // (a label opening in a small letter carries the one above on)
    let opens_record = |l: &TableLine| l.labelled() && !l.cells[0].starts_with(char::is_lowercase);
    let labelled_records =
        read_by.whole_body && most_figures >= 2 && lines.iter().all(opens_record);
    let enough_figures = most_figures >= read_by.least_figures
        || labelled_records
        || (lines.len() == 2
            && (stacked_figures >= 2
                || (stacked_figures == 1 && two_like_records(&lines[0], &lines[1]))));
    let rows = if enough_figures {
        let records = wrapped_cells::records(&lines, 0, None, &StreamSettings::default());
        wrapped_cells::merge(&lines, &records)
    } else {
        let unjoined = unjoined?;
        let SetApart {
            records,
            heading_over,
        } = records_set_apart(&rows, column, read_by.one_grid_row)?;
        let labelled = |r: &Range<usize>| unjoined[r.clone()].iter().any(TableLine::labelled);
        // (a heading over the columns it spans has no label of its own)
        let to_label = &records[usize::from(heading_over)..];
        if !to_label.iter().all(labelled) {
            return None;
        }
        let mut rows = wrapped_cells::merge(&unjoined, &records);
        if heading_over {
            label_heading_over_both(&mut rows);
        }
        rows
    };
    // (most records fill two columns or more, not most lines: a record set at
    // its middle has its wrapped text above and below its figures, on lines
    // of one column each)
    let spread = rows
        .iter()
        .filter(|r| r.iter().filter(|c| !c.text.is_empty()).count() >= 2)
        .count();
    (spread * 2 >= rows.len()).then_some(rows)
}

/// In a header of two rows, a heading over the columns it spans above
/// (`SetApart::heading_over`), the row labels' heading, a line alone in
/// the second, is the ruled cell's over both: its text goes to the first
/// row, as a spanning cell's does.
fn label_heading_over_both(rows: &mut [Vec<Cell>]) {
    let [first, second] = rows else {
        return;
    };
    let (Some(over), Some(label)) = (first.first_mut(), second.first_mut()) else {
        return;
    };
    if over.text.is_empty() && !label.text.is_empty() && !label.text.contains('\n') {
        *over = Cell {
            text: std::mem::take(&mut label.text),
            row_span: 2,
            col_span: 1,
        };
        *label = Cell::covered();
    }
}

/// Least clear space (× the type's size) between two records of a band read
/// from the space alone, over the room between a cell's own lines: as much
/// as two cells' padding of 2 px (1.5 pt) in 10 pt type, as little as
/// browsers' style sheets set.
const RECORDS_APART: f64 = 0.3;

/// The records of a band's lines (`rows`, read across the band, their
/// chunks each one column's) that stand apart by clear space, none of
/// their lines reaching into it, wider by `RECORDS_APART` than the least
/// between two lines of one column (a cell's lines, wrapped at its
/// leading): cells set at their rows' middles, of different numbers of
/// lines, with the padding of two cells between each record and the next.
/// Lines further apart than a cell's lines wrap at
/// (`StreamSettings::wrap_leading`), each but the last holding a figure
/// (which does not wrap), are each a record when there are three or more
/// (rows padded apart, no cell wrapped, the last's figure left out; a
/// cell's lines set double spaced under its first hold none). None where
/// the lines are one record.
fn records_set_apart(
    rows: &[Row],
    column_of: impl Fn(&Line) -> usize,
    one_grid_row: bool,
) -> Option<SetApart> {
    // (the room between a column's lines, each line's foot to the next's top)
    let mut feet: HashMap<usize, (usize, f64)> = HashMap::new();
    let mut least_room = f64::INFINITY;
    for (i, row) in rows.iter().enumerate() {
        for chunk in &row.chunks {
            match feet.insert(column_of(chunk), (i, chunk.bottom)) {
                Some((j, foot)) if j == i => {
                    feet.insert(column_of(chunk), (i, foot.max(chunk.bottom)));
                }
                Some((_, foot)) => least_room = least_room.min(chunk.top - foot),
                None => {}
            }
        }
    }
    let wrap_leading = StreamSettings::default().wrap_leading;
    // (three lines at least: of two, the first holding a figure, the second
    // may be a cell's wrapped line beside it, set double spaced as fpdf2
    // sets a cell's lines)
    let beyond_a_leading = rows.len() >= 3
        && rows.windows(2).all(|w| {
            w[0].chunks.iter().any(|c| super::holds_data(&c.text))
                && w[1].baseline - w[0].baseline > wrap_leading * w[0].size.max(w[1].size)
        });
    if beyond_a_leading {
        let records = (0..rows.len()).map(|i| i..i + 1).collect();
        return Some(SetApart::records(records));
    }
    if !least_room.is_finite() {
        return None;
    }
    let room = least_room.max(0.0);
    // (headings steps part, in a band no rule parts: figures stack in a
    // diagram's lines, and a grid's rules draw its own header rows)
    let figures = rows
        .iter()
        .flat_map(|r| &r.chunks)
        .any(|c| super::holds_data(&c.text));
    let headings = one_grid_row && !figures;
    let mut records = Vec::new();
    let mut heading_over = false;
    let (mut start, mut foot) = (0, rows.first()?.bottom());
    for (i, row) in rows.iter().enumerate().skip(1) {
        let size = row.size.max(rows[i - 1].size);
        let apart = room + RECORDS_APART * size;
        let clear = row.top() - foot >= apart;
        let stepped = || headings && stepped_apart(&rows[start..], i - start, apart, &column_of);
        if clear || stepped() {
            heading_over |= records.is_empty() && !clear;
            records.push(start..i);
            start = i;
        }
        foot = foot.max(row.bottom());
    }
    records.push(start..rows.len());
    (records.len() >= 2).then_some(SetApart {
        records,
        heading_over,
    })
}

/// The records a band's lines stand apart in (`records_set_apart`).
struct SetApart {
    records: Vec<Range<usize>>,
    /// The first is a heading over the columns it spans, stepped apart from
    /// the second (`stepped_apart`).
    heading_over: bool,
}

impl SetApart {
    fn records(records: Vec<Range<usize>>) -> Self {
        SetApart {
            records,
            heading_over: false,
        }
    }
}

/// Whether the rows from `i` on open a record under the rows before it
/// (`rows[..i]`, one record so far) though no clear space runs across the
/// band between them: a heading over the columns it spans set above their
/// own headings, beside a heading wrapped over both lines whose first line
/// stands between them ("Quarter 1" over "Purpose", beside "Spend" over
/// "(£)"). Each column the record above has text in stands `apart` or more
/// from its text below, one of them at least holding some, and the rows
/// that reach up beside the record above (the first of them level with
/// part of it) hold text only in columns it has none in.
fn stepped_apart(rows: &[Row], i: usize, apart: f64, column_of: impl Fn(&Line) -> usize) -> bool {
    let (above, below) = rows.split_at(i);
    // (a heading is words: a diagram's signs stack so too, "+∞" over "−∞")
    let worded = above
        .iter()
        .flat_map(|r| &r.chunks)
        .any(|c| c.text.chars().any(char::is_alphabetic));
    if !worded {
        return false;
    }
    let foot = above.iter().map(Row::bottom).fold(f64::MIN, f64::max);
    let mut feet: HashMap<usize, f64> = HashMap::new();
    for chunk in above.iter().flat_map(|r| &r.chunks) {
        let bottom = feet.entry(column_of(chunk)).or_insert(chunk.bottom);
        *bottom = bottom.max(chunk.bottom);
    }
    // (the first row below reaches up beside the record above, level with
    // part of it: a row that only follows it closely is its own)
    if below.first().is_none_or(|r| r.top() >= foot) {
        return false;
    }
    let mut continued = false;
    for row in below {
        let beside = row.top() - foot < apart;
        for chunk in &row.chunks {
            let Some(&bottom) = feet.get(&column_of(chunk)) else {
                continue;
            };
            if beside || chunk.top - bottom < apart {
                return false;
            }
            continued = true;
        }
    }
    continued
}

/// A label set beside a band's rows at their middle (a group's name in a
/// column of its own, centred on an even number of rows) stands on a line of
/// its own between two rows. A line whose text lies only in columns that no
/// other line of the band fills joins the line nearest it (the upper of two
/// as near), as the peers put a cell's text in one of the rows it spans.
fn join_band_labels(mut lines: Vec<TableLine>) -> Vec<TableLine> {
    let width = lines.iter().map(|l| l.cells.len()).min().unwrap_or(0);
    let filled =
        |lines: &[TableLine], c: usize| lines.iter().filter(|l| !l.cells[c].is_empty()).count();
    let mut i = 1;
    while i + 1 < lines.len() {
        let own: Vec<usize> = (0..width)
            .filter(|&c| !lines[i].cells[c].is_empty())
            .collect();
        let lone = !own.is_empty() && own.iter().all(|&c| filled(&lines, c) == 1);
        if !lone {
            i += 1;
            continue;
        }
        let label = lines.remove(i);
        let above = label.baseline - lines[i - 1].baseline;
        let below = lines[i].baseline - label.baseline;
        let host = if above <= below { i - 1 } else { i };
        for c in own {
            lines[host].cells[c] = label.cells[c].clone();
        }
    }
    lines
}

/// Adds a line to a cell's text, under the lines it has (a cell's lines are
/// joined by line breaks).
pub fn push_line(cell: &mut String, line: &str) {
    if !cell.is_empty() {
        cell.push('\n');
    }
    cell.push_str(line);
}

/// Adds a chunk of a line to a cell's text, a space between. A currency sign
/// set apart from its amount (left-aligned in an accounting column, the
/// figure right-aligned) is written against it: "$71.15", as it is read.
pub fn append_chunk(cell: &mut String, chunk: &str) {
    let lone_currency = matches!(cell.as_str(), "$" | "£" | "€" | "¥");
    if !cell.is_empty() && !lone_currency {
        cell.push(' ');
    }
    cell.push_str(chunk);
}

/// Whether most of these glyphs are set in bold (a header row's are).
fn mostly_bold<'g>(glyphs: impl Iterator<Item = &'g Glyph>, fonts: &[FontStyle]) -> bool {
    let (mut bold, mut all) = (0usize, 0usize);
    for g in glyphs {
        all += 1;
        bold += usize::from(fonts.get(g.font as usize).is_some_and(|f| f.bold));
    }
    all > 0 && bold * 2 > all
}

/// A cell's text: its glyphs laid out as lines (in their drawing order), joined by newlines.
pub fn cell_text(glyphs: &[&Glyph], fonts: &[FontStyle]) -> String {
    if glyphs.is_empty() {
        return String::new();
    }
    let chunks = page_lines(0, glyphs.iter().copied(), fonts, &LayoutSettings::default());
    reading_lines(chunks).join("\n")
}

/// A cell's chunks of text as the lines a reader reads, top to bottom.
/// Chunks on one baseline make one line, in writing order: a list's bullet
/// and its item, set apart by the indent (and drawn after the text by some
/// producers), read "• item". Text that is not upright stays in the order
/// it was drawn.
fn reading_lines(chunks: Vec<Line>) -> Vec<String> {
    if chunks.iter().any(|c| c.dir != [1.0, 0.0]) {
        return chunks.into_iter().map(|c| c.text).collect();
    }
    rows_of(chunks)
        .into_iter()
        .map(|row| {
            let mut chunks = row.chunks;
            if chunks.iter().any(|c| super::bidi::has_rtl(&c.text)) {
                chunks.reverse();
            }
            let mut text = String::new();
            for chunk in &chunks {
                append_chunk(&mut text, &chunk.text);
            }
            text
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_band_runs_over_grid_rows_where_cells_of_lines_in_two_columns_do() {
        // cells by their first and past-the-last grid rows
        // one grid row whose cells all end there
        assert_eq!(band_end(&[(0, 1), (0, 1)], &[false, false], 0), 1);
        // two columns of cells over rows 0-2, lines in each, beside a column
        // ruled row by row: one band of three rows
        let grouped = [(0, 3), (0, 3), (0, 1), (1, 2), (2, 3)];
        let lined = [true, true, false, false, false];
        assert_eq!(band_end(&grouped, &lined, 0), 3);
        // a merged label of one line over rows the other columns rule: no band
        assert_eq!(
            band_end(&grouped, &[true, false, false, false, false], 0),
            0
        );
        // a band a cell from above runs into is none
        let entered = [(0, 2), (1, 3), (1, 3), (2, 3)];
        assert_eq!(band_end(&entered, &[true, true, true, false], 1), 1);
    }

    #[test]
    fn a_grid_mostly_empty_is_a_plot_unless_its_columns_hold_text() {
        let grid = |texts: &[&[&str]]| -> Vec<Vec<Cell>> {
            texts
                .iter()
                .map(|r| r.iter().map(|t| Cell::new(*t)).collect())
                .collect()
        };
        // a bar chart's gridlines and bars: a value on two of its bars
        assert!(is_a_plot(&grid(&[
            &["", "", "", "", ""],
            &["", "55", "", "", ""],
            &["", "", "", "", ""],
            &["", "", "73", "", ""],
            &["", "", "", "", ""],
        ])));
        // a table whose last column's shaded groups add rules: many rows
        // empty, but every column holds text
        assert!(!is_a_plot(&grid(&[
            &["Country", "Replies", "Level"],
            &["Latvia", "7", ""],
            &["", "", "Low"],
            &["", "", ""],
            &["", "", ""],
        ])));
    }

    /// Rules across a table from x 0 to 300, at these heights.
    fn rules_across(ys: &[f64]) -> Vec<Segment> {
        ys.iter().map(|&y| seg(0.0, y, 300.0, y)).collect()
    }

    fn seg(x0: f64, top: f64, x1: f64, bottom: f64) -> Segment {
        crate::extract::pdf::interpreter::test_rule(x0, top, x1, bottom)
    }

    /// Asserts that a page of these glyphs and fills (their sides its only
    /// edges: no rule stroked) has no ruled table.
    fn assert_no_ruled_table(glyphs: Vec<Glyph>, fills: Vec<Fill>) {
        let page = PageContent {
            glyphs,
            segments: fill_sides(&fills),
            fills,
            width: 400.0,
            height: 200.0,
        };
        let found = ruled_tables(&page, &[], &TableSettings::default());
        assert!(
            found.is_empty(),
            "{:?}",
            found.iter().map(|t| t.table.texts()).collect::<Vec<_>>()
        );
    }

    /// The four sides of each fill, as the interpreter records a filled
    /// rectangle's edges.
    fn fill_sides(fills: &[Fill]) -> Vec<Segment> {
        let side = |x0: f64, t: f64, x1: f64, b: f64| Segment {
            fill_side: true,
            ..seg(x0, t, x1, b)
        };
        fills
            .iter()
            .flat_map(|f| {
                let [x0, top, x1, bottom] = f.bbox;
                [
                    side(x0, top, x1, top),
                    side(x0, bottom, x1, bottom),
                    side(x0, top, x0, bottom),
                    side(x1, top, x1, bottom),
                ]
            })
            .collect()
    }

    #[test]
    fn a_row_of_cells_shaded_one_by_one_has_fill_sides_for_edges() {
        // a word processor's striped row: six cells shaded apart, 0.05 pt
        // between two of them at the middle of the row's joined top edge
        let xs = [81.0, 191.3, 301.6, 411.9, 522.2, 632.5, 742.8];
        let fills: Vec<Fill> = xs
            .windows(2)
            .map(|w| Fill {
                bbox: [w[0], 206.4, w[1] - 0.05, 254.8],
                rgb: [232, 238, 245],
            })
            .collect();
        let s = TableSettings::default();
        let top = Edge {
            pos: 206.4,
            start: 81.0,
            end: 742.75,
            stroked: false,
        };
        assert!(fill_side(&top, &fills, &s));
        let rule_below = Edge { pos: 280.0, ..top };
        assert!(!fill_side(&rule_below, &fills, &s));
    }

    #[test]
    fn stripes_joined_by_a_column_of_status_cells_are_no_grid() {
        // every other row striped across the table, and the status column's
        // cells coloured one by one down the body, touching: their sides join
        // the stripes into one grid, but the unstriped rows' names and
        // figures lie in none of its cells
        let mut fills: Vec<Fill> = [(20.0, 40.0), (60.0, 80.0)]
            .map(|(top, bottom)| Fill {
                bbox: [0.0, top, 300.0, bottom],
                rgb: [238, 238, 238],
            })
            .to_vec();
        for top in [20.0, 40.0, 60.0, 80.0] {
            fills.push(Fill {
                bbox: [200.0, top, 260.0, top + 20.0],
                rgb: [200, 240, 200],
            });
        }
        let mut glyphs = words_at(&["Test", "Current", "Result"], &[5.0, 105.0, 205.0], 15.0);
        for (i, (name, figure)) in [
            ("Alpha", "12.5"),
            ("Beta", "7.25"),
            ("Gamma", "3.10"),
            ("Delta", "9.95"),
        ]
        .iter()
        .enumerate()
        {
            let baseline = 35.0 + 20.0 * i as f64;
            glyphs.extend(words_at(
                &[name, figure, "PASS"],
                &[5.0, 105.0, 205.0],
                baseline,
            ));
        }
        assert_no_ruled_table(glyphs, fills);
    }

    #[test]
    fn a_grid_shaded_two_rows_running_over_a_table_running_on_is_no_table() {
        // cells shaded one by one: the head and the first row (a head repeated
        // on a new page takes the tint of the row under it), then a row
        // unshaded and a row shaded; no rule stroked
        let xs = [0.0, 100.0, 200.0, 300.0];
        let mut fills = vec![];
        for (top, bottom) in [(0.0, 20.0), (20.0, 40.0), (60.0, 80.0)] {
            for w in xs.windows(2) {
                fills.push(Fill {
                    bbox: [w[0], top, w[1], bottom],
                    rgb: [232, 238, 245],
                });
            }
        }
        let mut glyphs = vec![];
        for (y, row) in [
            (15.0, ["Area", "2019", "2020"]),
            (35.0, ["North", "12.5", "13.1"]),
            (55.0, ["South", "9.0", "8.2"]),
            (75.0, ["East", "4.4", "5.0"]),
        ] {
            for (text, x) in row.iter().zip([5.0, 105.0, 205.0]) {
                glyphs.extend(word(text, x, y));
            }
        }
        assert_no_ruled_table(glyphs, fills);
    }

    #[test]
    fn a_shaded_head_over_a_tall_first_row_set_at_its_middle_is_no_table() {
        // a head filled dark cell by cell ("Area" over both its rows,
        // "Funding" over two columns), no rule stroked; the first row under
        // it unshaded, its long text's first line alone above the other
        // cells set at the row's middle, down to the next row's stripe
        let (dark, tint) = ([31, 56, 100], [232, 238, 245]);
        let fills: Vec<Fill> = [
            ([0.0, 0.0, 100.0, 40.0], dark),
            ([100.0, 0.0, 300.0, 20.0], dark),
            ([100.0, 20.0, 200.0, 40.0], dark),
            ([200.0, 20.0, 300.0, 40.0], dark),
            ([0.0, 100.0, 100.0, 120.0], tint),
            ([100.0, 100.0, 200.0, 120.0], tint),
            ([200.0, 100.0, 300.0, 120.0], tint),
        ]
        .into_iter()
        .map(|(bbox, rgb)| Fill { bbox, rgb })
        .collect();
        let mut glyphs = vec![];
        for (text, x, y) in [
            ("Funding", 105.0, 15.0),
            ("Area", 5.0, 35.0),
            ("Spend", 105.0, 35.0),
            ("Purpose", 205.0, 35.0),
            ("Intervention", 205.0, 53.0),
            ("North", 5.0, 73.0),
            ("12.5", 105.0, 73.0),
            ("victim", 205.0, 73.0),
            ("youth", 205.0, 93.0),
            ("South", 5.0, 115.0),
            ("9.0", 105.0, 115.0),
            ("Fund", 205.0, 115.0),
        ] {
            glyphs.extend(word(text, x, y));
        }
        assert_no_ruled_table(glyphs, fills);
    }

    #[test]
    fn a_head_shaded_cell_by_cell_over_rows_ruled_under_heads_them() {
        // a presentation's table: the head filled dark cell by cell ("Area"
        // over both its rows, at their foot; "Spend" over two columns),
        // a rule stroked under each cell and under each row below; no rule
        // between columns
        let dark = |bbox: [f64; 4]| Fill {
            bbox,
            rgb: [31, 56, 100],
        };
        let fills = vec![
            dark([0.0, 0.0, 100.0, 40.0]),
            dark([100.0, 0.0, 300.0, 20.0]),
            dark([100.0, 20.0, 200.0, 40.0]),
            dark([200.0, 20.0, 300.0, 40.0]),
        ];
        let mut segments = fill_sides(&fills);
        segments.push(seg(100.0, 20.0, 300.0, 20.0));
        segments.push(seg(0.0, 40.0, 300.0, 40.0));
        let head_segments = segments.clone();
        for y in [60.0, 80.0, 100.0] {
            segments.push(seg(0.0, y, 300.0, y));
        }
        let mut glyphs = word("Spend", 105.0, 15.0);
        for (y, row) in [
            (35.0, ["Area", "2019", "2020"]),
            (55.0, ["North", "12.5", "13.1"]),
            (75.0, ["South", "9.0", "8.2"]),
            (95.0, ["East", "4.4", "5.0"]),
        ] {
            for (text, x) in row.iter().zip([5.0, 105.0, 205.0]) {
                glyphs.extend(word(text, x, y));
            }
        }
        let read = |segments: Vec<Segment>| {
            let page = PageContent {
                glyphs: glyphs.clone(),
                fills: fills.clone(),
                segments,
                width: 400.0,
                height: 200.0,
            };
            let found = ruled_tables(&page, &[], &TableSettings::default());
            let texts: Vec<Vec<Vec<String>>> = found
                .iter()
                .map(|t| {
                    let rows = t.table.texts().into_iter();
                    rows.map(|r| r.into_iter().map(String::from).collect())
                        .collect()
                })
                .collect();
            texts
        };
        let texts = read(segments);
        assert_eq!(texts.len(), 1, "{texts:?}");
        let rows = &texts[0];
        assert!(rows.contains(&vec!["Area".into(), "2019".into(), "2020".into()]));
        assert_eq!(rows.last().unwrap(), &vec!["East", "4.4", "5.0"]);
        // (rows below with no rule under them leave the head a grid of its own)
        let texts = read(head_segments);
        assert_eq!(texts.len(), 1, "{texts:?}");
        assert_eq!(texts[0].len(), 2, "{texts:?}");
    }

    #[test]
    fn double_rules_snap_and_broken_rules_join() {
        let s = TableSettings::default();
        let (h, _) = edges(
            &[
                seg(10.0, 100.0, 50.0, 100.5),
                seg(52.0, 101.0, 90.0, 101.5),
                seg(10.0, 200.0, 90.0, 200.0),
            ],
            &s,
        );
        assert_eq!(h.len(), 2);
        assert!((h[0].start - 10.0).abs() < 1e-9 && (h[0].end - 90.0).abs() < 1e-9);
    }

    #[test]
    fn a_mesh_of_thousands_of_edges_keeps_the_longest() {
        let mesh: Vec<Edge> = (0..5_000)
            .map(|i| Edge {
                pos: i as f64,
                start: 0.0,
                end: if i % 2 == 0 { 10.0 } else { 20.0 },
                stroked: true,
            })
            .collect();
        let kept = longest(mesh);
        assert_eq!(kept.len(), MAX_EDGES);
        assert!(kept.iter().all(|e| e.end == 20.0));
        assert!(
            kept.windows(2).all(|w| w[0].pos < w[1].pos),
            "in their order"
        );
    }

    #[test]
    fn a_grid_of_rules_gives_cells_with_spans() {
        // 3 columns x 2 rows, the first row's first two cells merged (no rule between them).
        let mut segs = vec![];
        for y in [0.0, 20.0, 40.0] {
            segs.push(seg(0.0, y, 90.0, y));
        }
        segs.push(seg(0.0, 0.0, 0.0, 40.0));
        segs.push(seg(30.0, 20.0, 30.0, 40.0));
        segs.push(seg(60.0, 0.0, 60.0, 40.0));
        segs.push(seg(90.0, 0.0, 90.0, 40.0));
        let s = TableSettings::default();
        let (h, v) = edges(&segs, &s);
        let points = crossings(&h, &v, &s);
        let mut found = cells(&points);
        found.sort();
        assert_eq!(found.len(), 5);
        assert!(found.contains(&[0, 0, 6000, 2000]), "{found:?}");
    }

    #[test]
    fn shading_across_the_gap_a_spanning_cell_leaves_in_a_stroked_grid_rules_nothing() {
        // 2 columns x 3 rows, stroked; the first column's cell spans the
        // last two rows (no rule between them there); the middle row is
        // shaded across the whole width, its sides at 20 and 40
        let shaded_row_sides = |verticals_stroked: bool| {
            let side = |x0: f64, y: f64, x1: f64| Segment {
                fill_side: true,
                ..seg(x0, y, x1, y)
            };
            let mut segs = vec![side(0.0, 20.0, 90.0), side(0.0, 40.0, 90.0)];
            for y in [0.0, 20.0, 60.0] {
                segs.push(seg(0.0, y, 90.0, y));
            }
            segs.push(seg(30.0, 40.0, 90.0, 40.0));
            for x in [0.0, 30.0, 90.0] {
                segs.push(Segment {
                    fill_side: !verticals_stroked,
                    ..seg(x, 0.0, x, 60.0)
                });
            }
            let s = TableSettings::default();
            let (h, v) = edges(&segs, &s);
            let mut found = cells(&crossings(&h, &v, &s));
            found.sort();
            found
        };
        let stroked = shaded_row_sides(true);
        assert_eq!(stroked.len(), 5, "{stroked:?}");
        assert!(stroked.contains(&[0, 2000, 3000, 6000]), "{stroked:?}");
        // (cells shaded one by one, a rule under some columns only: the
        // shading's side parts the rows)
        let shaded = shaded_row_sides(false);
        assert_eq!(shaded.len(), 6, "{shaded:?}");
    }

    fn glyph(c: char, x0: f64, baseline: f64) -> Glyph {
        Glyph {
            text: compact_str::CompactString::from(c.to_string()),
            x0,
            x1: x0 + 5.0,
            top: baseline - 9.0,
            bottom: baseline + 2.5,
            origin: [x0, baseline],
            dir: [1.0, 0.0],
            advance: 5.0,
            stretch: 0.0,
            size: 10.0,
            font: 0,
            clip: Clipping::Whole,
        }
    }

    #[test]
    fn dot_leaders_are_taken_out_of_cells() {
        let cases = [
            ("Foreword ............", Some("Foreword")),
            ("Our priorities . . . . . . 5", Some("Our priorities 5")),
            ("Victims……", Some("Victims")),
            ("....", Some("")),
            // an abbreviation, an ellipsis, a figure, a lone dot
            ("St. Ives", None),
            ("and so on…", None),
            ("1.2.3", None),
            ("..", None),
        ];
        for (text, expected) in cases {
            assert_eq!(without_leaders(text).as_deref(), expected, "{text}");
        }
    }

    /// The rules of a 2 x 2 grid, 40 pt columns and 20 pt rows, from the page's corner.
    fn two_by_two_grid() -> Vec<Segment> {
        let rows = [0.0, 20.0, 40.0].map(|y| seg(0.0, y, 80.0, y));
        let columns = [0.0, 40.0, 80.0].map(|x| seg(x, 0.0, x, 40.0));
        rows.into_iter().chain(columns).collect()
    }

    #[test]
    fn a_word_run_on_over_its_cells_rule_stays_in_its_cell() {
        use crate::extract::pdf::interpreter::test_glyphs;
        // two cells parted by a rule at `side`; glyphs 5 pt wide, each to
        // the cell that holds its centre
        let owners = |glyphs: &[Glyph], side: f64| -> Vec<Option<usize>> {
            let cell = |g: &Glyph| usize::from(g.centre().0 >= side);
            glyphs.iter().map(|g| Some(cell(g))).collect()
        };
        let run_on = |glyphs: &[Glyph], side: f64| {
            let sides = |ci: usize| if ci == 0 { (0.0, side) } else { (side, 160.0) };
            let s = TableSettings::default();
            let moved = runs_on_past_their_cells(glyphs, &owners(glyphs, side), sides, &s);
            let mut moved: Vec<(usize, usize)> = moved.into_iter().collect();
            moved.sort();
            moved
        };
        // "Huntingdonshire" from 4.5 to 79.5: its "e" (74.5 to 79.5) pokes
        // 0.7 pt left of the rule at 75.2, its centre past it
        let word =
            crate::extract::pdf::interpreter::test_glyphs("Huntingdonshire", 4.5, 100.0, 10.0);
        let moved = run_on(&word, 75.2);
        assert_eq!(moved.len(), 15, "{moved:?}");
        assert!(moved.iter().all(|&(_, cell)| cell == 0));
        // (figures set flush right against the rule, the next cell's
        // opening across it, are two cells')
        let mut figures = test_glyphs("2.5%", 49.5, 100.0, 10.0);
        figures.extend(test_glyphs("478", 69.7, 100.0, 10.0));
        assert!(run_on(&figures, 70.0).is_empty());
    }

    #[test]
    fn text_running_past_its_cell_is_cut_where_the_cell_clips_it() {
        // a 2 x 2 grid, 40 pt columns; "Elizab" runs from 12 to 42, its "b" across the side at 40
        let segs = two_by_two_grid();
        let glyphs = "Elizab"
            .chars()
            .enumerate()
            .map(|(i, c)| glyph(c, 12.0 + 5.0 * i as f64, 15.0))
            .chain(
                "Pam"
                    .chars()
                    .enumerate()
                    .map(|(i, c)| glyph(c, 2.0 + 5.0 * i as f64, 35.0)),
            )
            .collect();
        let found = ruled_tables_of(glyphs, segs);
        assert_eq!(found.len(), 1);
        let first = &found[0].table.rows[0];
        assert_eq!(first[0].text, "Eliza");
        assert_eq!(
            first[1].text, "",
            "the clipped letter is not the next cell's"
        );
        assert_eq!(found[0].table.rows[1][0].text, "Pam");
    }

    #[test]
    fn a_grid_with_text_in_one_cell_is_a_frame_not_a_table() {
        let title = word("Diagnostics", 2.0, 15.0);
        assert!(ruled_tables_of(title.clone(), two_by_two_grid()).is_empty());
        let mut two = title;
        two.extend(word("73", 42.0, 35.0));
        assert_eq!(ruled_tables_of(two, two_by_two_grid()).len(), 1);
    }

    #[test]
    fn a_row_drawn_as_one_run_padded_with_spaces_keeps_its_cells() {
        // "Ab", spaces on to the next cell (one across the side at 40), "Cd":
        // only a letter across a side makes text run on
        let segs = two_by_two_grid();
        let line = "Ab      Cd";
        let mut glyphs: Vec<Glyph> = line
            .chars()
            .enumerate()
            .map(|(i, c)| glyph(c, 2.0 + 5.0 * i as f64, 15.0))
            .collect();
        glyphs.extend(
            "Ef".chars()
                .enumerate()
                .map(|(i, c)| glyph(c, 2.0 + 5.0 * i as f64, 35.0)),
        );
        let found = ruled_tables_of(glyphs, segs);
        assert_eq!(found.len(), 1);
        let first = &found[0].table.rows[0];
        assert_eq!(
            (first[0].text.as_str(), first[1].text.as_str()),
            ("Ab", "Cd")
        );
    }

    #[test]
    fn text_over_a_split_its_cell_does_not_draw_stays_whole_in_a_band() {
        // Four columns split at 100, 200 and 300 under the head; in the body
        // the middle two are one cell over two rows ruled apart at 60, the
        // outer two cells of two lines each: the band is read line by line,
        // and a note running from column two over the split at 200 is one
        // phrase, which goes whole to the column it starts in.
        let mut segs: Vec<Segment> = [0.0, 20.0, 100.0].map(|y| seg(0.0, y, 400.0, y)).to_vec();
        segs.push(seg(100.0, 60.0, 300.0, 60.0));
        segs.extend([0.0, 100.0, 300.0, 400.0].map(|x| seg(x, 0.0, x, 100.0)));
        segs.push(seg(200.0, 0.0, 200.0, 20.0));
        let mut glyphs = words_at(
            &["Area", "Kind", "Note", "Sum"],
            &[5.0, 105.0, 205.0, 305.0],
            15.0,
        );
        glyphs.extend(words_at(
            &["North", "Funding for the north", "120"],
            &[5.0, 150.0, 305.0],
            35.0,
        ));
        glyphs.extend(words_at(
            &["district", "Care", "340"],
            &[5.0, 110.0, 305.0],
            75.0,
        ));
        let found = ruled_tables_of(glyphs, segs);
        assert_eq!(found.len(), 1);
        let cells: Vec<&str> = found[0]
            .table
            .rows
            .iter()
            .flatten()
            .map(|c| c.text.as_str())
            .collect();
        assert!(cells.contains(&"Funding for the north"), "{cells:?}");
        assert!(cells.contains(&"340"), "{cells:?}");
    }

    #[test]
    fn rules_over_and_under_a_grid_make_no_table_round_it() {
        // a boxed grid of figures under a title ruled round across the page,
        // and a rule across the page under it (a form's frame): the rules
        // are no head and rows of a table holding the grid
        let mut segs: Vec<Segment> = [10.0, 30.0, 190.0].map(|y| seg(0.0, y, 400.0, y)).to_vec();
        segs.extend([50.0, 70.0, 90.0, 110.0, 130.0].map(|y| seg(50.0, y, 350.0, y)));
        segs.extend([50.0, 150.0, 250.0, 350.0].map(|x| seg(x, 50.0, x, 130.0)));
        let mut glyphs = words_at(&["Routes", "Form", "2019"], &[5.0, 155.0, 300.0], 25.0);
        glyphs.extend(words_at(
            &["Area", "2019", "2020"],
            &[55.0, 155.0, 255.0],
            65.0,
        ));
        for (i, row) in [
            ["North", "12.5", "13.1"],
            ["South", "9.0", "8.2"],
            ["East", "4.4", "5.0"],
        ]
        .iter()
        .enumerate()
        {
            glyphs.extend(words_at(row, &[55.0, 155.0, 255.0], 85.0 + 20.0 * i as f64));
        }
        let found = ruled_tables_of(glyphs, segs);
        let boxes: Vec<BBox> = found.iter().map(|t| t.bbox).collect();
        assert_eq!(boxes, vec![[50.0, 50.0, 350.0, 130.0]]);
    }

    #[test]
    fn rows_ruled_beside_a_list_ruled_under_its_title_leave_the_list_out() {
        // two panels side by side, each titled over a rule of its own at one
        // height: a list of names and values on the left, a table ruled under
        // each row on the right, its rows on the list's baselines
        let mut segs = vec![seg(0.0, 20.0, 150.0, 20.0)];
        segs.extend([20.0, 40.0, 55.0, 70.0, 85.0].map(|y| seg(160.0, y, 390.0, y)));
        let mut glyphs = words_at(&["Parties", "Notes"], &[5.0, 165.0], 15.0);
        glyphs.extend(words_at(&["Balance", "Rate"], &[250.0, 330.0], 32.0));
        let rows = [
            ["Issuer", "OCP", "Class A", "256,000", "1.52%"],
            ["Trustee", "Citibank", "Class B", "16,000", "1.72%"],
            ["Manager", "Onex", "Class C", "24,000", "2.00%"],
        ];
        for (i, row) in rows.iter().enumerate() {
            glyphs.extend(words_at(
                row,
                &[5.0, 80.0, 165.0, 250.0, 330.0],
                50.0 + 15.0 * i as f64,
            ));
        }
        let found = ruled_tables_of(glyphs, segs);
        assert_eq!(found.len(), 1);
        let texts = found[0].table.texts();
        assert!(found[0].bbox[0] >= 150.0, "{:?} {texts:?}", found[0].bbox);
        assert!(
            texts.iter().flatten().all(|t| !t.contains("Issuer")),
            "{texts:?}"
        );
    }

    #[test]
    fn links_underlined_line_after_line_rule_no_table() {
        // a reference list in two columns: each reference ends in a link
        // of one length, underlined, the other column's text beside it
        let link = "http://www.ncbi.nlm.nih.gov/pubmed/24671301";
        let mut glyphs = Vec::new();
        let mut segs = Vec::new();
        for i in 0..5 {
            let top = 10.0 + 36.0 * i as f64;
            glyphs.extend(word(
                &format!("{}. Ito Y, Uruno T. Thyroid", 60 + i),
                10.0,
                top + 10.0,
            ));
            glyphs.extend(word(link, 10.0, top + 22.0));
            segs.push(seg(
                10.0,
                top + 23.5,
                10.0 + 5.0 * link.len() as f64,
                top + 23.5,
            ));
            glyphs.extend(word("Clin Endocrinol 2013", 260.0, top + 10.0));
            glyphs.extend(word("Available at pubmed", 260.0, top + 22.0));
        }
        let found = ruled_tables_of(glyphs, segs);
        assert!(
            found.is_empty(),
            "{:?}",
            found.iter().map(|t| t.table.texts()).collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_rule_under_a_row_whose_cells_cover_most_of_it_is_no_underline() {
        // a spreadsheet's rows ruled under, a hair under their baselines,
        // each a label flush with the rule's start and a figure flush with
        // its end, covering three quarters of it: cells apart, not a link
        let labels = ["Peterborough Rape Crisis", "Ormiston Families Trust"];
        let mut glyphs = word("Partner", 10.0, 20.0);
        glyphs.extend(word("Award", 185.0, 20.0));
        let mut segs = vec![seg(10.0, 22.0, 210.0, 22.0)];
        for i in 0..4 {
            let baseline = 34.0 + 12.0 * i as f64;
            glyphs.extend(word(labels[i % 2], 10.0, baseline));
            glyphs.extend(word("£39,137", 175.0, baseline));
            segs.push(seg(10.0, baseline + 2.0, 210.0, baseline + 2.0));
        }
        let found = ruled_tables_of(glyphs, segs);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].table.rows.len(), 5, "{:?}", found[0].table.texts());
    }

    #[test]
    fn gridlines_labelled_by_a_scale_are_a_chart_not_a_table() {
        // a chart's gridlines every 20 pt, the values plotted between them
        // labelled at their markers' heights, in the columns of their bars
        let chart = |scale_on_rules: bool| {
            let mut glyphs = Vec::new();
            let mut segs = Vec::new();
            for (i, label) in ["$80", "$60", "$40", "$20", "$0"].iter().enumerate() {
                let y = 20.0 + 20.0 * i as f64;
                segs.push(seg(60.0, y, 360.0, y));
                // (a label's middle stands 3.25 pt over its baseline; off
                // the rules, the labels stand between them as a table's do)
                let baseline = if scale_on_rules { y + 3.25 } else { y + 13.25 };
                glyphs.extend(word(label, 57.0 - 5.0 * label.len() as f64, baseline));
            }
            glyphs.extend(words_at(&["75.61"], &[290.0], 33.0));
            glyphs.extend(words_at(&["67.32", "70.01"], &[220.0, 290.0], 53.0));
            glyphs.extend(words_at(&["12.11", "17.00"], &[80.0, 150.0], 73.0));
            glyphs.extend(words_at(
                &["9.40", "9.68", "10.76"],
                &[80.0, 150.0, 220.0],
                93.0,
            ));
            ruled_tables_of(glyphs, segs)
        };
        assert!(chart(true).is_empty(), "{:?}", chart(true)[0].table.texts());
        // (the same rules with the labels between them rule a table)
        assert_eq!(chart(false).len(), 1);
    }

    /// A table boxed, its header ruled off and its row labels ruled off
    /// from its figures, with a line of `heading` over the figures' columns
    /// when given (its text, where it starts, its baseline): the figures'
    /// two columns, headed at 36 pt, are set apart by space alone.
    fn figures_ruled_as_one_column(heading: Option<(&str, f64, f64)>) -> Vec<FoundTable> {
        let (glyphs, segs) = figures_ruled_as_one(heading);
        ruled_tables_of(glyphs, segs)
    }

    /// The glyphs and rules of `figures_ruled_as_one_column`'s table.
    fn figures_ruled_as_one(heading: Option<(&str, f64, f64)>) -> (Vec<Glyph>, Vec<Segment>) {
        let mut glyphs = Vec::new();
        if let Some((text, x, baseline)) = heading {
            glyphs.extend(words_at(&[text], &[x], baseline));
        }
        glyphs.extend(words_at(
            &["Service", "2019/20", "2020/21"],
            &[15.0, 200.0, 300.0],
            36.0,
        ));
        glyphs.extend(figure_rows(
            &[
                &["Policing", "1,234", "1,456"],
                &["Victims", "234", "256"],
                &["Estates", "3,004", "2,900"],
            ],
            &[235.0, 335.0],
        ));
        (glyphs, labels_ruled_off(100.0))
    }

    /// The rules of a table boxed from 10 to 390 pt across and from 10 pt
    /// down to `bottom`, its header ruled off at 42 pt and its row labels at
    /// 150 pt, and no other rule.
    fn labels_ruled_off(bottom: f64) -> Vec<Segment> {
        vec![
            seg(10.0, 10.0, 390.0, 10.0),
            seg(10.0, 42.0, 390.0, 42.0),
            seg(10.0, bottom, 390.0, bottom),
            seg(10.0, 10.0, 10.0, bottom),
            seg(150.0, 10.0, 150.0, bottom),
            seg(390.0, 10.0, 390.0, bottom),
        ]
    }

    /// Asserts that a table of these glyphs, its labels ruled off (see
    /// `labels_ruled_off`), is read in its two ruled columns only.
    fn assert_read_in_two_columns(glyphs: Vec<Glyph>, bottom: f64) {
        let found = ruled_tables_of(glyphs, labels_ruled_off(bottom));
        assert_eq!(found.len(), 1);
        let texts = found[0].table.texts();
        assert!(texts.iter().all(|r| r.len() == 2), "{texts:?}");
    }

    #[test]
    fn columns_set_apart_in_one_ruled_column_part_through_stripes_shaded_cell_by_cell() {
        // the second row shaded cell by cell, as a browser paints a striped
        // row: its cells' sides part its figures, the rows round it none
        let (glyphs, mut segments) = figures_ruled_as_one(None);
        let rgb = [232, 238, 245];
        let fills: Vec<Fill> = [(10.0, 150.0), (150.0, 272.0), (272.0, 390.0)]
            .iter()
            .map(|&(x0, x1)| Fill {
                bbox: [x0, 63.0, x1, 79.0],
                rgb,
            })
            .collect();
        segments.extend(fill_sides(&fills));
        let page = PageContent {
            glyphs,
            fills,
            segments,
            width: 400.0,
            height: 200.0,
        };
        let found = ruled_tables(&page, &[], &TableSettings::default());
        assert_eq!(found.len(), 1);
        let texts = found[0].table.texts();
        assert_eq!(texts[0], ["Service", "2019/20", "2020/21"], "{texts:?}");
        assert_eq!(texts[1], ["Policing", "1,234", "1,456"], "{texts:?}");
        assert_eq!(
            texts.last().unwrap(),
            &["Estates", "3,004", "2,900"],
            "{texts:?}"
        );
    }

    #[test]
    fn columns_set_apart_by_space_in_one_ruled_column_are_parted() {
        let found = figures_ruled_as_one_column(None);
        assert_eq!(found.len(), 1);
        let texts = found[0].table.texts();
        assert_eq!(texts[0], ["Service", "2019/20", "2020/21"], "{texts:?}");
        assert_eq!(
            texts.last().unwrap(),
            &["Estates", "3,004", "2,900"],
            "{texts:?}"
        );
        // a heading over both columns of figures, in one ruled cell with
        // their own headings: the cell is cut under the heading, which spans
        // the columns parted under it
        let found = figures_ruled_as_one_column(Some(("Spend", 250.0, 22.0)));
        let table = &found[0].table;
        let texts = table.texts();
        assert_eq!(texts[0], ["Service", "Spend", ""], "{texts:?}");
        assert_eq!(texts[1], ["", "2019/20", "2020/21"], "{texts:?}");
        assert_eq!(texts.last().unwrap(), &["Estates", "3,004", "2,900"]);
        assert_eq!(table.rows[0][1].col_span, 2);
        assert_eq!(table.rows[0][0].row_span, 2);
    }

    #[test]
    fn a_heading_over_columns_set_apart_from_theirs_is_cut_off_them() {
        // "Spend" set flush left over the first of the columns, narrower
        // than it, in a row of its own: a leading and a padding over the
        // years (a heading wrapped in its cell stands a leading over its
        // next line, and is read as one cell)
        for (baseline, apart) in [(20.0, true), (26.0, false)] {
            let found = figures_ruled_as_one_column(Some(("Spend", 200.0, baseline)));
            let texts = found[0].table.texts();
            if apart {
                assert_eq!(texts[0], ["Service", "Spend", ""], "{texts:?}");
                assert_eq!(texts[1], ["", "2019/20", "2020/21"], "{texts:?}");
            } else {
                assert_eq!(
                    texts[0],
                    ["Service", "Spend\n2019/20", "2020/21"],
                    "{texts:?}"
                );
            }
            assert_eq!(texts.last().unwrap(), &["Estates", "3,004", "2,900"]);
        }
    }

    /// A line of phrases of words in 10 pt type, 10 pt tall from `top`,
    /// over these extents.
    fn phrase_line(spans: &[(f64, f64)], top: f64) -> Vec<Phrase> {
        spans
            .iter()
            .map(|&(x0, x1)| Phrase {
                x0,
                x1,
                top,
                bottom: top + 10.0,
                size: 10.0,
                words: true,
                figure: false,
                label: false,
            })
            .collect()
    }

    #[test]
    fn a_heading_cut_off_its_columns_spans_a_gap_it_reaches_into() {
        // three years set flush right at 286, 356 and 426 under a heading
        // from 288 to 366, cut off them: the gap between the last two is
        // 366 to 390 over every line, 356 to 390 under the heading, which
        // reaches into it
        let years = phrase_line(&[(250.0, 286.0), (320.0, 356.0), (390.0, 426.0)], 26.0);
        let body = vec![phrase_line(
            &[(261.0, 286.0), (331.0, 356.0), (401.0, 426.0)],
            40.0,
        )];
        let gap = (366.0, 390.0);
        let cell = |heading: Vec<Phrase>| vec![heading, years.clone()];
        let heading = cell(phrase_line(&[(288.0, 366.0)], 12.0));
        assert!(heads_over(&[&heading, &body], (0, 1), gap));
        // (a heading short of it spans no gap; nor does a line the gap parts)
        let short = cell(phrase_line(&[(288.0, 350.0)], 12.0));
        assert!(!heads_over(&[&short, &body], (0, 1), (356.0, 390.0)));
        let parted = cell(phrase_line(&[(288.0, 352.0), (395.0, 420.0)], 12.0));
        assert!(!heads_over(&[&parted, &body], (0, 1), (356.0, 390.0)));
    }

    #[test]
    fn headings_set_left_over_figures_set_right_clear_of_them_head_their_columns() {
        // the headings flush left in their columns, the figures flush right:
        // "Purpose" stands clear of its figures, in the gap between theirs
        // and the first column's, a column of one line that joins its own
        // across the gap its text is less flush with
        let mut glyphs = words_at(
            &["Service", "Result", "Purpose"],
            &[15.0, 160.0, 262.0],
            36.0,
        );
        glyphs.extend(figure_rows(
            &[
                &["Policing", "1,234", "5,678"],
                &["Victims", "234", "56"],
                &["Estates", "3,004", "789"],
            ],
            &[250.0, 380.0],
        ));
        let found = ruled_tables_of(glyphs, labels_ruled_off(110.0));
        let texts = found[0].table.texts();
        assert_eq!(texts[0], ["Service", "Result", "Purpose"], "{texts:?}");
        assert_eq!(texts[1], ["Policing", "1,234", "5,678"], "{texts:?}");
        assert_eq!(texts.last().unwrap(), &["Estates", "3,004", "789"]);
    }

    #[test]
    fn an_undrawn_split_stands_on_a_side_drawn_by_a_hair_off_its_gap() {
        // "Funding" over two columns overhangs by half a point the side of
        // the stripe shaded cell by cell under it: the split stands on that
        // side, not beside it (an empty sliver of a column between them);
        // a heading overhanging the side by more than a cell lets text
        // overhang its side keeps the split in the gap's middle
        let s = TableSettings::default();
        let run = [[key(100.0), key(10.0), key(300.0), key(120.0)]];
        let stripe_side = Edge {
            pos: 188.95,
            start: 60.0,
            end: 75.0,
            stroked: false,
        };
        let split_under = |heading_end: f64| {
            let mut cell = vec![phrase_line(&[(150.0, heading_end)], 20.0)];
            for top in [40.0, 60.0, 80.0, 100.0] {
                cell.push(phrase_line(&[(150.0, 180.0), (199.0, 230.0)], top));
            }
            let drawn = Drawn {
                sides: &[stripe_side],
                joints: &[],
            };
            let found = run_splits(&run, &[&cell], &drawn, &s);
            assert_eq!(found.splits.len(), 1, "{found:?}");
            found.splits[0].pos
        };
        assert_eq!(split_under(189.5), 188.95);
        assert_eq!(split_under(191.0), 195.0);
    }

    #[test]
    fn a_cut_under_a_heading_over_columns_steps_round_a_heading_wrapped_level_with_it() {
        // "Quarter 1" over "Purpose" and "Notes"; beside it "Spend" over
        // "(£)", a heading spanning both header rows set at their foot, its
        // first line 2 pt under "Quarter 1", on its line; three records
        let s = TableSettings::default();
        let run = [[key(150.0), key(95.0), key(400.0), key(200.0)]];
        let phrase = |(x0, x1): (f64, f64), top: f64| phrase_line(&[(x0, x1)], top).remove(0);
        let head = |spend_over: f64| {
            let mut cell = vec![
                vec![
                    phrase((160.0, 185.0), spend_over),
                    phrase((280.0, 330.0), 100.0),
                ],
                phrase_line(&[(215.0, 245.0), (280.0, 305.0), (320.0, 345.0)], 114.0),
            ];
            cell[1].insert(0, phrase((160.0, 175.0), 114.0));
            for top in [130.0, 145.0, 160.0] {
                cell.push(phrase_line(
                    &[
                        (160.0, 185.0),
                        (215.0, 245.0),
                        (280.0, 305.0),
                        (320.0, 345.0),
                    ],
                    top,
                ));
            }
            run_splits(
                &run,
                &[&cell],
                &Drawn {
                    sides: &[],
                    joints: &[],
                },
                &s,
            )
        };
        let stepped = head(102.0);
        assert_eq!(stepped.cuts.len(), 1, "{stepped:?}");
        assert_eq!(
            stepped.lowered,
            [Lowered {
                bbox: [160.0, 102.0, 185.0, 112.0],
                at: 119.0
            }]
        );
        // (set further off its last line than any leading, "Spend" is a
        // heading of the first row, the cut passing under it)
        let apart = head(98.0);
        assert_eq!(apart.cuts.len(), 1, "{apart:?}");
        assert!(apart.lowered.is_empty(), "{apart:?}");
    }

    #[test]
    fn rows_of_headings_stand_apart_beside_a_heading_wrapped_over_both() {
        // "2022/23", narrower than "Outcome" under it, stands apart from
        // it; "Spend" over "(£)" beside them, wrapped at its leading, its
        // first line level with "2022/23", does not join the two rows
        let mut head = vec![
            phrase_line(&[(245.0, 288.0), (634.0, 670.0)], 129.0),
            phrase_line(
                &[
                    (245.0, 297.0),
                    (306.0, 354.0),
                    (634.0, 648.0),
                    (694.0, 738.0),
                ],
                145.5,
            ),
        ];
        head[0][1].top = 132.0;
        head[0][1].bottom = 142.0;
        let gaps = [(297.0, 306.0), (354.0, 634.0), (670.0, 694.0)];
        assert_eq!(
            rows_apart_over(&head, (125.0, 157.0), gaps[2], &gaps),
            Some(1)
        );
        // (a heading across a gap is a heading over columns, and so close
        // over the line under it, the two are one row)
        let mut across = head.clone();
        across[0][1].x1 = 700.0;
        assert!(wrapped_over_cut(&across, 1, &gaps).is_empty());
        assert_eq!(
            rows_apart_over(&across, (125.0, 157.0), gaps[2], &gaps),
            None
        );
    }

    #[test]
    fn a_heading_over_some_columns_is_cut_off_them_past_a_heading_wrapped_beside_them() {
        // "Outcomes" over "2023/24" (and the columns after it); "Spend"
        // over "(£)" set at the foot of the head, its first line between
        // "Outcomes" and the columns' headings, its box reaching 2 pt into
        // that of "Outcomes"; the gap between "Outcome" and "2023/24"
        let head = |spend_top: f64| {
            vec![
                phrase_line(&[(280.0, 320.0)], 103.0),
                phrase_line(&[(160.0, 185.0)], spend_top),
                phrase_line(&[(160.0, 175.0), (220.0, 250.0), (280.0, 310.0)], 125.0),
            ]
        };
        let cut = |spend_top: f64| {
            rows_apart_over(
                &head(spend_top),
                (98.0, 142.0),
                (250.0, 280.0),
                &[(250.0, 280.0)],
            )
        };
        assert_eq!(cut(111.0), Some(1));
        // (reaching half its height into it, the two leave no room for a cut)
        assert_eq!(cut(108.0), None);
    }

    #[test]
    fn a_heading_set_clear_of_its_figures_joins_the_column_it_heads() {
        // the headings flush left, the figures flush right, all of one width
        // (flush on both sides), the middle column one short: "Target" over
        // the last column stands in the gap between its figures and the
        // middle column's, and joins the column that has no heading of its
        // own beside it on its line, though the last column's figures are
        // flush with that gap on more lines
        let mut glyphs = words_at(
            &["Service", "Change", "Target", "Target"],
            &[15.0, 160.0, 240.0, 320.0],
            36.0,
        );
        glyphs.extend(figure_rows(
            &[
                &["Policing", "1,234", "5,678", "9,012"],
                &["Victims", "2,345", "", "6,789"],
                &["Estates", "3,004", "7,890", "1,122"],
                &["Courts", "4,321", "8,765", "3,456"],
            ],
            &[230.0, 310.0, 385.0],
        ));
        let found = ruled_tables_of(glyphs, labels_ruled_off(120.0));
        let texts = found[0].table.texts();
        assert_eq!(
            texts[0],
            ["Service", "Change", "Target", "Target"],
            "{texts:?}"
        );
        assert_eq!(texts[2], ["Victims", "2,345", "", "6,789"], "{texts:?}");
    }

    #[test]
    fn a_heading_on_its_own_line_flush_left_with_its_first_columns_heading_is_cut_off_them() {
        // "Quarter" over "Outcome" and "Target", flush left with "Outcome"
        // and no wider, in the one ruled cell of the head; the headings are
        // set flush left, the figures under them flush right, so "Quarter"
        // and "Outcome" stand clear of their figures on lines of their own
        let segments = [10.0, 46.0, 104.0]
            .into_iter()
            .map(|y| seg(10.0, y, 390.0, y))
            .chain([10.0, 150.0, 390.0].map(|x| seg(x, 10.0, x, 104.0)))
            .collect();
        let mut glyphs = words_at(&["Quarter"], &[240.0], 22.0);
        glyphs.extend(words_at(
            &["Service", "Result", "Outcome", "Target"],
            &[15.0, 160.0, 240.0, 320.0],
            40.0,
        ));
        for (i, label) in ["Policing", "Victims", "Estates"].iter().enumerate() {
            let baseline = 62.0 + 16.0 * i as f64;
            glyphs.extend(word(label, 15.0, baseline));
            for end in [230.0, 310.0, 385.0] {
                glyphs.extend(word("1,234", end - 25.0, baseline));
            }
        }
        let found = ruled_tables_of(glyphs, segments);
        let texts = found[0].table.texts();
        assert_eq!(texts[0], ["Service", "", "Quarter", ""], "{texts:?}");
        assert_eq!(texts[1], ["", "Result", "Outcome", "Target"], "{texts:?}");
    }

    /// A table of labels ruled off from two columns of figures each filled
    /// in on two rows of three, a rule under each row, its rules drawn whole
    /// or, with `joint_at`, in pieces meeting there, as a browser draws them
    /// cell by cell.
    fn sparse_figures(joint_at: Option<f64>) -> Vec<Vec<String>> {
        let mut segments: Vec<Segment> = Vec::new();
        for y in [10.0, 42.0, 62.5, 78.5, 94.5] {
            let ends = [10.0, 150.0]
                .into_iter()
                .chain(joint_at)
                .chain([390.0])
                .collect::<Vec<_>>();
            segments.extend(ends.windows(2).map(|w| seg(w[0], y, w[1], y)));
        }
        segments.extend([10.0, 150.0, 390.0].map(|x| seg(x, 10.0, x, 94.5)));
        let mut glyphs = words_at(&["Service", "Spend", "Change"], &[15.0, 160.0, 280.0], 36.0);
        glyphs.extend(figure_rows(
            &[
                &["Policing", "1,234", ""],
                &["Victims", "", "6,789"],
                &["Estates", "3,004", "1,122"],
            ],
            &[230.0, 330.0],
        ));
        let found = ruled_tables_of(glyphs, segments);
        owned_texts(&found[0].table)
    }

    #[test]
    fn columns_of_few_figures_part_where_the_rules_drawn_in_pieces_meet() {
        // two lines only have words either side of the gap between the
        // columns, too few for space alone to part them
        let whole = sparse_figures(None);
        assert!(whole.iter().all(|r| r.len() == 2), "{whole:?}");
        let jointed = sparse_figures(Some(270.0));
        assert_eq!(jointed[0], ["Service", "Spend", "Change"], "{jointed:?}");
        assert_eq!(jointed[2], ["Victims", "", "6,789"], "{jointed:?}");
        assert!(jointed.iter().all(|r| r.len() == 3), "{jointed:?}");
        // (the split stands at the joint, the cells' side, not in the gap's
        // middle: a row shaded cell by cell puts it there too)
        let run = [[150.0, 10.0, 390.0, 42.0], [150.0, 42.0, 390.0, 94.5]].map(|c| c.map(key));
        let head = vec![phrase_line(&[(160.0, 185.0), (280.0, 310.0)], 27.0)];
        let body = vec![
            phrase_line(&[(205.0, 230.0)], 49.0),
            phrase_line(&[(305.0, 330.0)], 65.0),
            phrase_line(&[(205.0, 230.0), (305.0, 330.0)], 81.0),
        ];
        let drawn = Drawn {
            sides: &[],
            joints: &[(10.0, 270.0), (94.5, 270.0)],
        };
        let found = run_splits(&run, &[&head, &body], &drawn, &TableSettings::default());
        assert_eq!(found.splits.len(), 1, "{found:?}");
        assert_eq!(found.splits[0].pos, 270.0);
        // (a rule dashed, its pieces shorter than a cell, says nothing)
        let dashes = |y: f64| {
            (0..48).map(move |i| seg(150.0 + 5.0 * i as f64, y, 154.0 + 5.0 * i as f64, y))
        };
        let segments: Vec<Segment> = dashes(10.0).chain(dashes(110.0)).collect();
        assert!(rule_joints(&segments, &TableSettings::default()).is_empty());
    }

    #[test]
    fn words_set_level_in_part_either_side_of_a_gap_part_it() {
        let phrase = |x0: f64, top: f64| Phrase {
            bottom: top + 11.5,
            ..phrase_line(&[(x0, x0 + 40.0)], top).remove(0)
        };
        // a cell of two lines beside one of three, both set at their row's
        // middle: their lines stand half a line apart, level in part
        let interleaved: Vec<Vec<Phrase>> = vec![
            vec![phrase(200.0, 10.0)],
            vec![phrase(100.0, 16.0)],
            vec![phrase(200.0, 22.0)],
            vec![phrase(100.0, 28.0)],
            vec![phrase(200.0, 34.0)],
        ];
        let lines: Vec<&Vec<Phrase>> = interleaved.iter().collect();
        assert_eq!(lines_parted(&lines, (140.0, 200.0)), 2);
        assert!(lines.iter().all(|l| !parts_words(l, (140.0, 200.0))));
        // (lines one under another at their leading are not level)
        let stacked: Vec<Vec<Phrase>> = vec![vec![phrase(200.0, 10.0)], vec![phrase(100.0, 22.0)]];
        let lines: Vec<&Vec<Phrase>> = stacked.iter().collect();
        assert_eq!(lines_parted(&lines, (140.0, 200.0)), 0);
    }

    #[test]
    fn a_ruled_band_of_wrapped_text_is_read_into_the_records_space_sets_apart() {
        // no figures: a label, a cell of two lines and one of three (or
        // fewer) set at each row's middle, the rows a cell's padding apart;
        // the label and text columns ruled off, the text columns by space
        let head = words_at(&["Area", "Award", "Notes"], &[15.0, 160.0, 280.0], 36.0);
        let records: [(f64, &str, &[&str], &[&str]); 3] = [
            (
                60.0,
                "Kite",
                &["early", "schools"],
                &["crime", "fraud", "youth"],
            ),
            (100.0, "Hen", &["road", "fund"], &["hub", "safety", "rural"]),
            (140.0, "Red", &["local"], &["cyber", "support"]),
        ];
        let read = |labels: &[&str]| {
            let mut glyphs = head.clone();
            for (i, (middle, _, award, notes)) in records.iter().enumerate() {
                if let Some(label) = labels.get(i) {
                    glyphs.extend(words_at(&[label], &[15.0], *middle));
                }
                for (cell, x) in [(award, 160.0), (notes, 280.0)] {
                    let first = middle - 6.0 * (cell.len() - 1) as f64;
                    for (i, line) in cell.iter().enumerate() {
                        glyphs.extend(words_at(&[line], &[x], first + 12.0 * i as f64));
                    }
                }
            }
            let found = ruled_tables_of(glyphs, labels_ruled_off(160.0));
            owned_texts(&found[0].table)
        };
        let labels: Vec<&str> = records.iter().map(|r| r.1).collect();
        let texts = read(&labels);
        assert_eq!(texts.len(), 4, "{texts:?}");
        assert_eq!(texts[1], ["Kite", "early\nschools", "crime\nfraud\nyouth"]);
        assert_eq!(texts[3], ["Red", "local", "cyber\nsupport"]);
        // (a record with no label may be a cell's paragraph set apart)
        assert_eq!(read(&labels[..2]).len(), 2);
        // (set a leading apart, the lines are one record's: a cell's own,
        // at a leading of two sizes too, as fpdf2 sets them)
        let two_records = Some(vec![0..2, 2..3]);
        assert_eq!(records_set_apart_of(&[10.0, 22.0, 34.0]), None);
        assert_eq!(records_set_apart_of(&[10.0, 22.0, 40.0]), two_records);
        // (two cells' padding of 2 px, 3 pt, sets records apart; 2 pt not)
        assert_eq!(records_set_apart_of(&[10.0, 22.0, 37.0]), two_records);
        assert_eq!(records_set_apart_of(&[10.0, 22.0, 36.0]), None);
        assert_eq!(records_set_apart_of(&[10.0, 30.0, 50.0]), None);
        assert_eq!(records_set_apart_of(&[10.0, 30.0, 60.0]), two_records);
    }

    #[test]
    fn lines_of_figures_padded_further_apart_than_a_leading_are_records_the_last_left_empty() {
        // a band of three names, the first two with a figure, 18 pt apart
        // in 10 pt type (wider than a cell's lines wrap at): no cell wraps,
        // so no room between a cell's lines shows the records apart
        let band = |pitch: f64| {
            let mut glyphs = words_at(&["Service", "Target"], &[15.0, 160.0], 36.0);
            let rows = [("Rural", "191,105"), ("Giles", "347"), ("Fenland", "")];
            for (i, (label, figure)) in rows.iter().enumerate() {
                let baseline = 60.0 + pitch * i as f64;
                glyphs.extend(word(label, 15.0, baseline));
                glyphs.extend(word(figure, 230.0 - 5.0 * figure.len() as f64, baseline));
            }
            let found = ruled_tables_of(glyphs, labels_ruled_off(110.0));
            owned_texts(&found[0].table)
        };
        let apart = band(18.0);
        assert_eq!(apart.len(), 4, "{apart:?}");
        assert_eq!(apart[2], ["Giles", "347"]);
        assert_eq!(apart[3], ["Fenland", ""]);
        // (a leading apart too, in a body ruled as one under its headings,
        // two figures in one column with a label on every line: see
        // a_body_ruled_as_one_under_its_headings_parts_labelled_lines_with_two_figures)
        assert_eq!(band(12.0).len(), 4);
    }

    #[test]
    fn a_body_ruled_as_one_under_its_headings_parts_labelled_lines_with_two_figures() {
        // three records set a line apart, padded, in a body ruled round as
        // one band: the first has no figure, the others one each in the
        // last column; every line opens with its label
        let body = |labels: [&str; 3]| {
            let mut glyphs = words_at(
                &["Measure", "Purpose", "Outcome"],
                &[15.0, 160.0, 280.0],
                36.0,
            );
            let rest = [("Local", ""), ("Support", "£25,267"), ("Local", "17.3%")];
            for (i, (label, (purpose, figure))) in labels.iter().zip(rest).enumerate() {
                let baseline = 60.0 + 13.5 * i as f64;
                glyphs.extend(word(label, 15.0, baseline));
                glyphs.extend(word(purpose, 160.0, baseline));
                glyphs.extend(word(figure, 280.0, baseline));
            }
            let found = ruled_tables_of(glyphs, labels_ruled_off(110.0));
            owned_texts(&found[0].table)
        };
        let texts = body(["Streets", "Huntingdon", "Streets"]);
        assert_eq!(texts.len(), 4, "{texts:?}");
        assert_eq!(texts[1], ["Streets", "Local", ""]);
        assert_eq!(texts[2], ["Huntingdon", "Support", "£25,267"]);
        // (a line with no label may be a wrapped cell's, or a diagram's)
        assert_eq!(body(["Streets", "Huntingdon", ""]).len(), 2);
    }

    #[test]
    fn a_heading_over_its_columns_steps_apart_from_a_heading_wrapped_beside_it() {
        // a header ruled round as one: "Quarter 1" over "Purpose" and
        // "Notes", and beside it "Spend" over "(£)", set at the middle of
        // both lines, so that "Spend" stands between "Quarter 1" and the
        // headings' line; no clear space runs across the header
        let table = |over: &str| {
            let mut glyphs = word(over, 240.0, 20.0);
            glyphs.extend(word("Spend", 160.0, 26.0));
            glyphs.extend(words_at(
                &["Partner", "(£)", "Purpose", "Notes"],
                &[15.0, 160.0, 240.0, 320.0],
                37.0,
            ));
            let records = [
                ("Hub", "1,250", "Early"),
                ("Road", "3,400", "Late"),
                ("Red", "950", "Rural"),
            ];
            for (i, (label, figure, text)) in records.iter().enumerate() {
                let cells = [*label, *figure, *text, *text];
                glyphs.extend(words_at(
                    &cells,
                    &[15.0, 160.0, 240.0, 320.0],
                    58.0 + 16.0 * i as f64,
                ));
            }
            let found = ruled_tables_of(glyphs, labels_ruled_off(110.0));
            owned_texts(&found[0].table)
        };
        let texts = table("Quarter 1");
        assert_eq!(texts.len(), 5, "{texts:?}");
        assert_eq!(texts[0], ["Partner", "", "Quarter 1", ""]);
        assert_eq!(texts[1], ["", "Spend\n(£)", "Purpose", "Notes"]);
        // (signs are no heading: a diagram's stack so)
        assert_eq!(table("+∞").len(), 4);
    }

    #[test]
    fn a_label_wrapped_double_spaced_beside_its_figure_stays_one_cell() {
        // fpdf2 sets a cell's lines two sizes apart: a label's second line
        // 20 pt under its first, which holds the row's figure, is the
        // label's, not a record of its own
        let mut glyphs = words_at(&["Service", "Target"], &[15.0, 200.0], 36.0);
        glyphs.extend(words_at(&["Community", "Safety"], &[15.0, 70.0], 60.0));
        glyphs.extend(word("42.6%", 200.0, 60.0));
        glyphs.extend(word("Partnership", 15.0, 80.0));
        let found = ruled_tables_of(glyphs, labels_ruled_off(110.0));
        let texts = owned_texts(&found[0].table);
        assert_eq!(texts.len(), 2, "{texts:?}");
        assert_eq!(texts[1], ["Community Safety\nPartnership", "42.6%"]);
    }

    /// The records `records_set_apart` finds among lines of one column at
    /// these baselines, 10 pt type.
    fn records_set_apart_of(baselines: &[f64]) -> Option<Vec<Range<usize>>> {
        let rows: Vec<Row> = baselines
            .iter()
            .map(|&b| {
                let glyphs = words_at(&["text"], &[10.0], b);
                let lines = page_lines(0, glyphs.iter(), &[], &LayoutSettings::default());
                rows_of(lines).remove(0)
            })
            .collect();
        records_set_apart(&rows, |_| 0, true).map(|set| set.records)
    }

    #[test]
    fn a_split_runs_up_beside_a_columns_heading_run_on_over_its_gap() {
        // figures set flush right at 300 and 380, their headings flush right
        // over them: the second's first line, wider than its figures, runs
        // on over the gap to 5 pt from the first column's figures, too
        // little a gap for a column's; it is its own column's, and the
        // split between the columns runs up beside it
        let mut glyphs = words_at(&["Service"], &[15.0], 36.0);
        glyphs.extend(word("Indian/Alaskans", 305.0, 22.0));
        glyphs.extend(word("Black", 275.0, 36.0));
        glyphs.extend(word("Native", 350.0, 36.0));
        glyphs.extend(figure_rows(
            &[
                &["Policing", "1,234", "5,608"],
                &["Victims", "234", "100"],
                &["Estates", "3,004", "169"],
            ],
            &[300.0, 380.0],
        ));
        let found = ruled_tables_of(glyphs.clone(), labels_ruled_off(110.0));
        let texts = found[0].table.texts();
        assert_eq!(
            texts[0],
            ["Service", "Black", "Indian/Alaskans\nNative"],
            "{texts:?}"
        );
        assert_eq!(texts[1], ["Policing", "1,234", "5,608"], "{texts:?}");
        // (a note under the headings, across the gap and in line with
        // neither column, is no column's: the split stops under its cell)
        let mut noted: Vec<Glyph> = glyphs
            .into_iter()
            .filter(|g| g.origin[1] > 40.0 || g.x0 < 150.0)
            .collect();
        noted.extend(word("Black", 275.0, 28.0));
        noted.extend(word("Native", 350.0, 28.0));
        noted.extend(word("Note in full", 305.0, 40.0));
        let found = ruled_tables_of(noted, labels_ruled_off(110.0));
        let texts = found[0].table.texts();
        assert_eq!(texts[0][2], "", "{texts:?}");
        assert_eq!(texts[1], ["Policing", "1,234", "5,608"], "{texts:?}");
    }

    #[test]
    fn a_units_sign_is_a_word_a_leaders_dots_are_not() {
        let phrases = |text: &str| {
            let glyphs = words_at(&["Result", text], &[10.0, 100.0], 20.0);
            let refs: Vec<&Glyph> = glyphs.iter().collect();
            phrase_lines(&refs, [0.0, 0.0, 200.0, 40.0]).remove(0)
        };
        assert!(parts_words(&phrases("(£)"), (50.0, 100.0)));
        assert!(parts_words(&phrases("%"), (50.0, 100.0)));
        assert!(!parts_words(&phrases("...."), (50.0, 100.0)));
    }

    #[test]
    fn a_gaps_run_starts_under_a_heading_over_the_lines_it_parts() {
        // two columns of figures set flush right at 286 and 356, their
        // years over them: the gap between is 286 to 320
        let years = phrase_line(&[(250.0, 286.0), (320.0, 356.0)], 26.0);
        let figures: Vec<Vec<Phrase>> = (0..3)
            .map(|i| phrase_line(&[(261.0, 286.0), (331.0, 356.0)], 40.0 + 14.0 * i as f64))
            .collect();
        let gap = (286.0, 320.0);
        let starts = |cell: &[Vec<Phrase>], from: usize| {
            let below: Vec<&Vec<Phrase>> = cell[from..].iter().chain(&figures).collect();
            run_starts_at(cell, from, gap, &below)
        };
        let heading = phrase_line(&[(288.0, 366.0)], 12.0);
        assert!(starts(&[heading.clone(), years.clone()], 1));
        // (at the top, any line the gap parts starts a run: whether the gap
        // is one there is `column_gaps`'s to say, over every line under)
        assert!(starts(&[heading.clone(), years.clone()], 0));
        assert!(starts(&[], 0));
        // (a cell's headings set at their middles, one of two lines beside
        // one of one, level in part: the gap parts them)
        let wrapped_beside = [
            phrase_line(&[(250.0, 280.0)], 10.0),
            phrase_line(&[(320.0, 356.0)], 16.0),
        ];
        assert!(starts(&wrapped_beside, 0));
        // a column's own heading, wider than its figures, run on over the
        // gap: flush right with them, or centred on either column's text
        let flush_right = phrase_line(&[(300.0, 356.0)], 12.0);
        let centred_left = phrase_line(&[(240.0, 296.0)], 12.0);
        for own in [flush_right, centred_left] {
            assert!(!starts(&[own, years.clone()], 1));
        }
        // (lines the gap parts above the heading are not under it; a line
        // under it that the gap does not part starts no run there)
        assert!(!starts(&[years.clone(), heading.clone()], 1));
        let wrapped = phrase_line(&[(250.0, 356.0)], 26.0);
        assert!(!starts(&[heading, wrapped], 1));
    }

    #[test]
    fn a_leaders_dots_in_line_part_no_columns() {
        // a form's ruled column of entries, each a label, a leader's dots
        // set 20 pt apart (in line, line after line) and its line's number
        let mut glyphs = words_at(&["Part", "Entry"], &[15.0, 160.0], 36.0);
        for (i, label) in ["Wages", "Interest", "Pensions"].iter().enumerate() {
            let baseline = 58.0 + 16.0 * i as f64;
            glyphs.extend(words_at(&["I"], &[15.0], baseline));
            glyphs.extend(words_at(&[label], &[160.0], baseline));
            for x in [220.0, 240.0, 260.0, 280.0] {
                glyphs.extend(words_at(&["."], &[x], baseline));
            }
            glyphs.extend(words_at(&[&format!("{}a", i + 1)], &[330.0], baseline));
        }
        assert_read_in_two_columns(glyphs, 110.0);
    }

    #[test]
    fn a_lists_labels_are_no_column_of_their_own() {
        for label in ["1.", "12.", "a)", "(iv)", "•"] {
            assert!(is_item_label(label), "{label}");
        }
        for text in ["468.3", "2.1", "1", "Total", "(£)", "Note."] {
            assert!(!is_item_label(text), "{text}");
        }
        // a ruled cell's items numbered, their lines hung under their
        // text, beside a cell of text: the numbers part from their items
        // by a gap in line, but a column of labels is no column
        let mut glyphs = words_at(&["Lists", "Items"], &[15.0, 160.0], 36.0);
        for (i, item) in ["Passport", "Licence", "Card"].iter().enumerate() {
            let baseline = 58.0 + 24.0 * i as f64;
            glyphs.extend(words_at(
                &[&format!("{}.", i + 1), item],
                &[160.0, 185.0],
                baseline,
            ));
            glyphs.extend(words_at(&["issued by a state"], &[185.0], baseline + 12.0));
            glyphs.extend(words_at(&["A"], &[15.0], baseline));
        }
        assert_read_in_two_columns(glyphs, 130.0);
    }

    #[test]
    fn a_box_of_text_set_in_columns_is_no_table() {
        // a listing boxed, code and comments in columns, a margin ruled off
        // at its left and a blank foot at its bottom: its text is all in one
        // cell, however it is set
        let mut glyphs = Vec::new();
        for i in 0..5 {
            let baseline = 30.0 + 14.0 * i as f64;
            glyphs.extend(words_at(
                &["dg word", "a comment"],
                &[40.0, 200.0],
                baseline,
            ));
        }
        let segs = vec![
            seg(10.0, 10.0, 390.0, 10.0),
            seg(30.0, 100.0, 390.0, 100.0),
            seg(10.0, 125.0, 390.0, 125.0),
            seg(10.0, 10.0, 10.0, 125.0),
            seg(30.0, 10.0, 30.0, 125.0),
            seg(390.0, 10.0, 390.0, 125.0),
        ];
        let found = ruled_tables_of(glyphs, segs);
        assert!(found.is_empty(), "{:?}", found[0].table.texts());
    }

    /// The ruled tables of a 400 x 200 pt page with these glyphs and rules.
    /// A table's cell texts, row by row, owned.
    fn owned_texts(table: &Table) -> Vec<Vec<String>> {
        table
            .texts()
            .iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    fn ruled_tables_of(glyphs: Vec<Glyph>, segments: Vec<Segment>) -> Vec<FoundTable> {
        let page = PageContent {
            glyphs,
            fills: Vec::new(),
            segments,
            width: 400.0,
            height: 200.0,
        };
        ruled_tables(&page, &[], &TableSettings::default())
    }

    /// The glyphs of `texts`, each from its x in `xs`, on one baseline.
    /// Rows of a label at 15 pt and figures set flush right at `ends`, 16 pt
    /// apart from a baseline of 58 (under a head at 36).
    fn figure_rows(rows: &[&[&str]], ends: &[f64]) -> Vec<Glyph> {
        let mut glyphs = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            let baseline = 58.0 + 16.0 * i as f64;
            glyphs.extend(words_at(&row[..1], &[15.0], baseline));
            for (figure, end) in row[1..].iter().zip(ends) {
                glyphs.extend(word(figure, end - 5.0 * figure.len() as f64, baseline));
            }
        }
        glyphs
    }

    fn words_at(texts: &[&str], xs: &[f64], baseline: f64) -> Vec<Glyph> {
        texts
            .iter()
            .zip(xs)
            .flat_map(|(text, &x)| word(text, x, baseline))
            .collect()
    }

    fn word(text: &str, x: f64, baseline: f64) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| glyph(c, x + 5.0 * i as f64, baseline))
            .collect()
    }

    #[test]
    fn a_heading_closer_over_the_headings_under_it_than_the_cells_wrap_is_a_row_of_its_own() {
        // "Quarter 1" 9 pt over "Outcome" and the headings beside it, as
        // Typst stacks a header's rows; a cell under them wraps its lines
        // `wrapped` apart, its second line opening in a small letter
        let cut = |wrapped: Option<f64>| {
            let mut glyphs = words_at(&["Quarter", "1"], &[200.0, 240.0], 85.0);
            glyphs.extend(words_at(
                &["Service", "Notes", "Outcome", "Target"],
                &[50.0, 130.0, 200.0, 300.0],
                94.0,
            ));
            glyphs.extend(words_at(
                &["Safer", "Early", "community"],
                &[50.0, 200.0, 230.0],
                112.0,
            ));
            if let Some(wrapped) = wrapped {
                glyphs.extend(words_at(&["partnership"], &[200.0], 112.0 + wrapped));
            }
            let glyphs: Vec<&Glyph> = glyphs.iter().collect();
            let splits = [45.0, 125.0, 195.0, 295.0, 360.0];
            heading_closer_than_cells_wrap(&glyphs, (70.0, 100.0), &splits, &[])
        };
        assert_eq!(cut(Some(12.0)), Some(86.25));
        // (no closer than the cells wrap, or no cell showing how they do,
        // the two lines may be one row's, a heading wrapped at its leading)
        assert_eq!(cut(Some(10.0)), None);
        assert_eq!(cut(None), None);
    }

    #[test]
    fn a_short_heading_reaching_two_columns_spans_them_and_joins_neither() {
        // "Outcomes" over "2023" and "Result", reaching to a hair short of
        // the second column, as Typst centres a heading over the columns it
        // spans; the lines of figures under it keep the columns apart
        let mut glyphs = words_at(&["Outcomes"], &[100.0], 20.0);
        glyphs.extend(words_at(
            &["Area", "2023", "Result"],
            &[10.0, 100.0, 140.5],
            32.0,
        ));
        glyphs.extend(words_at(
            &["Kite", "166", "775"],
            &[10.0, 105.0, 140.5],
            50.0,
        ));
        glyphs.extend(words_at(
            &["Aid", "835", "953"],
            &[10.0, 105.0, 140.5],
            62.0,
        ));
        let all: Vec<&Glyph> = glyphs.iter().collect();
        let s = TableSettings::default();
        let (columns, over) = cell_columns(&all, None, 40.0, &s);
        assert_eq!(columns.len(), 3, "{columns:?}");
        assert_eq!(over, vec![[100.0, 11.0, 140.0, 22.5]]);
        // the heading's line holds nothing else: a row of its own
        assert_eq!(
            under_spanning_headings(&over, &all, (5.0, 40.0)),
            Some(22.75)
        );
        // a line of prose reaching the columns joins them, as before
        let xs = [100.0, 143.0, 160.0, 188.0, 206.0];
        let mut prose = words_at(&["Outcomes", "for", "every", "one", "of"], &xs, 20.0);
        prose.extend(glyphs.iter().filter(|g| g.origin[1] > 21.0).cloned());
        let all: Vec<&Glyph> = prose.iter().collect();
        let (columns, over) = cell_columns(&all, None, 40.0, &s);
        assert!(over.is_empty(), "{over:?}");
        assert_eq!(columns.len(), 2, "{columns:?}");
    }

    #[test]
    fn a_heading_over_columns_beside_others_on_its_line_parts_no_band() {
        let mut glyphs = words_at(&["Area", "Outcomes"], &[10.0, 100.0], 20.0);
        glyphs.extend(words_at(&["2023", "Result"], &[100.0, 140.5], 32.0));
        let all: Vec<&Glyph> = glyphs.iter().collect();
        let over = [[100.0, 11.0, 140.0, 22.5]];
        assert_eq!(under_spanning_headings(&over, &all, (5.0, 40.0)), None);
        // nor does it with no line under it in the band
        let heading: Vec<&Glyph> = glyphs
            .iter()
            .filter(|g| g.x0 >= 100.0 && g.origin[1] < 21.0)
            .collect();
        assert_eq!(under_spanning_headings(&over, &heading, (5.0, 40.0)), None);
    }

    #[test]
    fn a_cells_bullets_drawn_after_its_text_lead_their_items() {
        let mut glyphs = word("Plan", 5.0, 10.0);
        glyphs.extend(word("one", 25.0, 22.0));
        glyphs.extend(word("two", 25.0, 34.0));
        glyphs.extend(word("•", 12.0, 22.0));
        glyphs.extend(word("•", 12.0, 34.0));
        let in_cell: Vec<&Glyph> = glyphs.iter().collect();
        assert_eq!(cell_text(&in_cell, &[]), "Plan\n• one\n• two");
    }

    #[test]
    fn tables_side_by_side_with_interleaved_row_rules_stay_apart() {
        // left table rules at 20, 40, 60, 80 from x 0 to 150; right at 30, 50, 70, 90 from 200 to 350
        let mut segs = vec![];
        for y in [20.0, 40.0, 60.0, 80.0] {
            segs.push(seg(0.0, y, 150.0, y));
            segs.push(seg(200.0, y + 10.0, 350.0, y + 10.0));
        }
        let mut glyphs = vec![];
        for (i, y) in [35.0, 55.0, 75.0].into_iter().enumerate() {
            glyphs.extend(word(&format!("Cat{i}"), 5.0, y));
            glyphs.extend(word("Meow", 80.0, y));
            glyphs.extend(word(&format!("Dog{i}"), 205.0, y + 10.0));
            glyphs.extend(word("Woof", 280.0, y + 10.0));
        }
        let found = ruled_tables_of(glyphs, segs);
        assert_eq!(
            found.len(),
            2,
            "{:?}",
            found.iter().map(|f| &f.table.rows).collect::<Vec<_>>()
        );
        for (t, animal, says) in [(&found[0], "Cat", "Meow"), (&found[1], "Dog", "Woof")] {
            assert_eq!(t.table.rows.len(), 3);
            for (i, row) in t.table.texts().into_iter().enumerate() {
                assert_eq!(row, vec![format!("{animal}{i}").as_str(), says]);
            }
        }
    }

    /// The first column of each table found.
    fn first_columns(found: &[FoundTable]) -> Vec<Vec<String>> {
        found
            .iter()
            .map(|f| f.table.rows.iter().map(|r| r[0].text.clone()).collect())
            .collect()
    }

    #[test]
    fn a_tall_row_between_rules_stays_in_its_table() {
        // rules 20 pt apart, then a row of six wrapped lines 80 pt tall
        let segs = rules_across(&[20.0, 40.0, 60.0, 80.0, 160.0]);
        let mut glyphs = vec![];
        for (name, y) in [("Cat", 35.0), ("Dog", 55.0), ("Cow", 75.0), ("Fox", 95.0)] {
            glyphs.extend(word(name, 5.0, y));
            glyphs.extend(word("Says", 100.0, y));
        }
        for i in 1..6 {
            glyphs.extend(word("ding", 100.0, 95.0 + 12.0 * i as f64));
        }
        let found = ruled_tables_of(glyphs, segs);
        assert_eq!(
            first_columns(&found),
            vec![vec!["Cat", "Dog", "Cow", "Fox"]]
        );
        assert_eq!(found[0].table.rows[3][1].text.lines().count(), 6);
    }

    #[test]
    fn a_tall_row_of_a_wrapped_label_alone_stays_in_its_table() {
        // rules 20 pt apart; a row 34 pt tall holds a label wrapped over two
        // lines, its figure left empty
        let segs = rules_across(&[20.0, 40.0, 60.0, 94.0, 114.0, 134.0]);
        let mut glyphs = vec![];
        for (name, y) in [("Cat", 35.0), ("Dog", 55.0), ("Cow", 109.0), ("Fox", 129.0)] {
            glyphs.extend(word(name, 5.0, y));
            glyphs.extend(word("12", 200.0, y));
        }
        glyphs.extend(word("Youth", 5.0, 75.0));
        glyphs.extend(word("Offending", 5.0, 87.0));
        let found = ruled_tables_of(glyphs, segs);
        assert_eq!(found.len(), 1);
        let rows = found[0].table.texts();
        assert_eq!(rows.len(), 5, "{rows:?}");
        assert_eq!(rows[2], ["Youth\nOffending", ""]);
    }

    #[test]
    fn stacked_tables_with_a_caption_between_their_rules_are_two() {
        let segs = rules_across(&[20.0, 40.0, 60.0, 80.0, 150.0, 170.0, 190.0]);
        let mut glyphs = vec![];
        for (name, y) in [("Cat", 35.0), ("Dog", 55.0), ("Cow", 75.0)] {
            glyphs.extend(word(name, 5.0, y));
            glyphs.extend(word("Says", 100.0, y));
        }
        glyphs.extend(word("Table 2 Birds", 5.0, 120.0));
        for (name, y) in [("Owl", 145.0), ("Jay", 165.0), ("Tit", 185.0)] {
            glyphs.extend(word(name, 5.0, y));
            glyphs.extend(word("Sings", 100.0, y));
        }
        let found = ruled_tables_of(glyphs, segs);
        assert_eq!(
            first_columns(&found),
            vec![vec!["Cat", "Dog", "Cow"], vec!["Owl", "Jay", "Tit"]]
        );
    }

    /// The rows of the tables of three areas' figures the tests below set out.
    const AREAS: [[&str; 3]; 4] = [
        ["Area", "2019", "2020"],
        ["North", "12.5", "13.1"],
        ["South", "9.0", "8.2"],
        ["East", "4.4", "5.0"],
    ];

    /// A table framed by rules round its header and its body only: columns
    /// ruled at x = 0, 100, 200, 300, the header band 0-20, the body band 20-100.
    fn framed(body: &[(&str, f64, f64)]) -> Vec<FoundTable> {
        framed_under(&["Area", "2019", "2020"], body)
    }

    /// A table framed as `framed`'s is, with a column 100 wide for each heading.
    fn framed_under(headings: &[&str], body: &[(&str, f64, f64)]) -> Vec<FoundTable> {
        let right = 100.0 * headings.len() as f64;
        let mut segs: Vec<Segment> = [0.0, 20.0, 100.0]
            .into_iter()
            .map(|y| seg(0.0, y, right, y))
            .collect();
        segs.extend(
            (0..=headings.len()).map(|c| seg(100.0 * c as f64, 0.0, 100.0 * c as f64, 100.0)),
        );
        let mut glyphs = vec![];
        for (c, text) in headings.iter().enumerate() {
            glyphs.extend(word(text, 5.0 + 100.0 * c as f64, 15.0));
        }
        for (text, x, y) in body {
            glyphs.extend(word(text, *x, *y));
        }
        ruled_tables_of(glyphs, segs)
    }

    #[test]
    fn lines_of_figures_in_one_ruled_band_are_rows() {
        let found = framed(&[
            ("North", 5.0, 35.0),
            ("12.5", 105.0, 35.0),
            ("13.1", 205.0, 35.0),
            ("South", 5.0, 47.0),
            ("9.0", 105.0, 47.0),
            ("8.2", 205.0, 47.0),
            ("East", 5.0, 59.0),
            ("4.4", 105.0, 59.0),
            ("5.0", 205.0, 59.0),
        ]);
        assert_eq!(found[0].table.texts(), AREAS);
    }

    #[test]
    fn figures_a_few_letters_apart_in_a_band_ruled_round_are_cells_of_their_own() {
        // (a typesetter's tabular ruled above and under its head and at its
        // foot, as LaTeX's booktabs rules it: no rules between the rows, and
        // the columns only three letters apart)
        let xs = [5.0, 45.0, 80.0];
        let mut glyphs = vec![];
        glyphs.extend(words_at(&["Area", "2019", "2020"], &xs, 15.0));
        let body = [
            (35.0, ["North", "12.5", "13.1"]),
            (47.0, ["South", "9.0", "8.2"]),
            (59.0, ["East", "4.4", "5.0"]),
        ];
        for (y, row) in body {
            glyphs.extend(words_at(&row, &xs, y));
        }
        let found = ruled_tables_of(glyphs, rules_across(&[0.0, 20.0, 100.0]));
        assert_eq!(found[0].table.texts(), AREAS);
    }

    #[test]
    fn labelled_lines_stacking_two_figures_in_a_body_ruled_round_are_records() {
        // (booktabs' rules round the head and at the foot; three lines under
        // headings of words, each opening with a label, the first with no
        // figure, the others one each in the last column: a figure does not
        // wrap onto another, and each label opens a record)
        let xs = [5.0, 80.0, 160.0];
        let body = |label: &str| {
            let mut glyphs = words_at(&["Measure", "Purpose", "Outcome"], &xs, 15.0);
            glyphs.extend(words_at(&["Safer", "Local"], &xs, 35.0));
            glyphs.extend(words_at(&[label, "Support", "25,267"], &xs, 47.0));
            glyphs.extend(words_at(&["Safer", "Local", "17.3%"], &xs, 59.0));
            let found = ruled_tables_of(glyphs, rules_across(&[0.0, 20.0, 100.0]));
            found[0].table.texts().len()
        };
        assert_eq!(body("Hunts"), 4);
        // (a label in a small letter carries the one above on: one record)
        assert_eq!(body("hunts"), 2);
    }

    #[test]
    fn records_set_at_their_middle_in_a_band_ruled_round_are_rows() {
        // (each record's note wraps over two lines, set above and below its
        // figures: most lines fill one column, most records several)
        let xs = [5.0, 45.0, 80.0, 120.0];
        let mut glyphs = vec![];
        glyphs.extend(words_at(&["Area", "2019", "2020", "Notes"], &xs, 15.0));
        let records = [
            (["North", "12.5", "13.1"], ["Held", "upward"]),
            (["South", "9.0", "8.2"], ["Rising", "sharply"]),
            (["East", "4.4", "5.0"], ["Flat", "throughout"]),
        ];
        for (k, (cells, note)) in records.iter().enumerate() {
            let middle = 41.0 + 28.0 * k as f64;
            glyphs.extend(word(note[0], xs[3], middle - 6.0));
            glyphs.extend(words_at(cells, &xs, middle));
            glyphs.extend(word(note[1], xs[3], middle + 6.0));
        }
        let found = ruled_tables_of(glyphs, rules_across(&[0.0, 20.0, 130.0]));
        assert_eq!(
            found[0].table.texts()[1..],
            [
                vec!["North", "12.5", "13.1", "Held\nupward"],
                vec!["South", "9.0", "8.2", "Rising\nsharply"],
                vec!["East", "4.4", "5.0", "Flat\nthroughout"],
            ]
        );
    }

    /// The cell spans of a line: `first`, a space stretched 40 pt by word
    /// spacing, and `second` where the pen landed.
    fn cells_past_a_stretched_space(first: &str, second: &str) -> Vec<(f64, f64)> {
        let mut glyphs = word(first, 0.0, 20.0);
        let x = 5.0 * first.chars().count() as f64;
        let mut space = glyph(' ', x, 20.0);
        space.stretch = 40.0;
        glyphs.extend(word(second, x + 45.0, 20.0));
        let line: Vec<&Glyph> = glyphs.iter().collect();
        line_cells(&line, Some(&[&space]), 10.0, &TableSettings::default())
    }

    #[test]
    fn words_of_a_justified_line_are_one_cell_and_figures_past_a_stretched_space_two() {
        // (fpdf2 justifies a cell's lines by word spacing; Word moves the pen
        // across columns so between figures)
        assert_eq!(cells_past_a_stretched_space("Local", "county").len(), 1);
        assert_eq!(cells_past_a_stretched_space("0,2885", "0,3974").len(), 2);
        assert_eq!(cells_past_a_stretched_space("Local", "0,3974").len(), 2);
    }

    #[test]
    fn a_cells_lines_at_one_leading_wider_than_the_rows_pitch_stand_apart_from_none() {
        // rows ruled 13.7 pt apart; a tall row's text cell wraps its lines
        // 15.7 pt apart (Typst), where a caption between two tables stands
        // apart from the lines round it by gaps of its own
        let lines = |baselines: &[f64]| {
            let mut glyphs = word("Huntingdonshire", 10.0, baselines[0]);
            for &b in &baselines[1..] {
                glyphs.extend(word("awareness", 120.0, b));
            }
            glyphs
        };
        let apart = |glyphs: Vec<Glyph>| {
            let refs: Vec<&Glyph> = glyphs.iter().collect();
            holds_a_line_apart(&refs, 13.7, &TableSettings::default())
        };
        assert!(!apart(lines(&[105.9, 121.6, 137.3, 153.0])));
        assert!(apart(lines(&[105.9, 121.6, 141.0, 153.0])));
    }

    #[test]
    fn a_lone_digit_a_hair_from_the_next_cells_text_is_a_cell_of_its_own() {
        // "9" flush right in its cell, "Council" 1.5 pt after it (a space
        // drawn elsewhere in the line), no space drawn between; a letter so
        // set is a word of its cell
        let cells = |first: char| {
            let mut glyphs = vec![glyph(first, 0.0, 20.0)];
            glyphs.extend(word("Council", 6.5, 20.0));
            let space = glyph(' ', 200.0, 20.0);
            let line: Vec<&Glyph> = glyphs.iter().collect();
            line_cells(&line, Some(&[&space]), 10.0, &TableSettings::default()).len()
        };
        assert_eq!(cells('9'), 2);
        assert_eq!(cells('A'), 1);
    }

    /// A table ruled between its rows only (fpdf2's horizontal lines): its
    /// header above the first rule, each row's baseline 15 pt under the rule
    /// above it, the last row `below` pt under the last rule, and a note
    /// under the table.
    fn ruled_between_rows(below: f64) -> Vec<FoundTable> {
        let xs = [5.0, 80.0, 140.0];
        let mut glyphs = words_at(&["Area", "2019", "2020"], &xs, 15.0);
        let rules = [20.0, 45.0, 70.0];
        for (k, record) in [["North", "12.5", "13.1"], ["South", "9.0", "8.2"]]
            .iter()
            .enumerate()
        {
            glyphs.extend(words_at(record, &xs, rules[k] + 15.0));
        }
        glyphs.extend(words_at(&["East", "4.4", "5.0"], &xs, 70.0 + below));
        // (a note under the table: the last line is not at the page's foot)
        glyphs.extend(word("Source", 5.0, 70.0 + below + 30.0));
        ruled_tables_of(glyphs, rules_across(&rules))
    }

    #[test]
    fn the_last_row_of_a_table_ruled_between_its_rows_stands_under_the_last_rule() {
        let found = ruled_between_rows(15.0);
        assert_eq!(found.len(), 1);
        let rows = found[0].table.texts();
        assert_eq!(rows.len(), 4, "{rows:?}");
        assert_eq!(rows[3], ["East", "4.4", "5.0"]);
    }

    /// Rules at 20, 65 and 110 pt, between a header and rows whose notes
    /// (at x = 140) wrap over two lines 20 pt apart, as fpdf2 sets a
    /// cell's lines; the last row, "East", under the last rule, its note
    /// on two lines too (125 and 145 pt).
    fn rows_wrapped_double_spaced_ruled_between() -> (Vec<Glyph>, [f64; 3]) {
        let xs = [5.0, 80.0, 140.0];
        let mut glyphs = words_at(&["Area", "2019", "Note"], &xs, 15.0);
        let rules = [20.0, 65.0, 110.0];
        for (k, (record, rest)) in [
            (["North", "12.5", "Held"], "up"),
            (["South", "9.0", "Rising"], "fast"),
        ]
        .iter()
        .enumerate()
        {
            glyphs.extend(words_at(record, &xs, rules[k] + 15.0));
            glyphs.extend(word(rest, xs[2], rules[k] + 35.0));
        }
        glyphs.extend(words_at(&["East", "4.4", "Flat"], &xs, 125.0));
        glyphs.extend(word("still", xs[2], 145.0));
        (glyphs, rules)
    }

    /// The last row's cells read from `glyphs` ruled at `rules` (as
    /// `rows_wrapped_double_spaced_ruled_between` sets them) with `text` at
    /// 165 pt in the notes' column, the last row's third note line or not,
    /// and a paragraph at the margin under the table.
    fn last_row_with_a_third_note_line(glyphs: &[Glyph], rules: &[f64], text: &str) -> Vec<String> {
        let mut all = glyphs.to_vec();
        all.extend(word(text, 140.0, 165.0));
        all.extend(word("Source", 5.0, 192.0));
        let found = ruled_tables_of(all, rules_across(rules));
        let rows = found[0].table.texts();
        rows.last().unwrap().iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn the_last_row_under_the_last_rule_wraps_as_the_rows_above_wrap() {
        // fpdf2 sets a cell's lines two sizes apart (20 pt): the note in the
        // last row wraps so, as the notes above it do
        let (mut glyphs, rules) = rows_wrapped_double_spaced_ruled_between();
        glyphs.extend(word("Source", 5.0, 175.0));
        let found = ruled_tables_of(glyphs, rules_across(&rules));
        let rows = found[0].table.texts();
        assert_eq!(rows[2], ["South", "9.0", "Rising\nfast"], "{rows:?}");
        assert_eq!(
            rows.last().unwrap(),
            &["East", "4.4", "Flat\nstill"],
            "{rows:?}"
        );
    }

    #[test]
    fn a_heading_wrapped_at_the_cells_leading_over_the_first_rule_is_the_headers() {
        // the head's middle heading wraps its unit onto a line of its own,
        // 20 pt down, as the cells under it wrap: "Spend" over "(£)"
        let (glyphs, rules) = rows_wrapped_double_spaced_ruled_between();
        let mut glyphs: Vec<Glyph> = glyphs.into_iter().filter(|g| g.origin[1] != 15.0).collect();
        glyphs.extend(words_at(
            &["Area", "Spend", "Note"],
            &[5.0, 80.0, 140.0],
            -5.0,
        ));
        glyphs.extend(word("(£)", 80.0, 15.0));
        glyphs.extend(word("Source", 5.0, 175.0));
        let found = ruled_tables_of(glyphs, rules_across(&rules));
        let rows = found[0].table.texts();
        assert_eq!(rows[0], ["Area", "Spend\n(£)", "Note"], "{rows:?}");
        assert_eq!(found[0].table.header_rows, 1);
    }

    #[test]
    fn the_last_row_under_the_last_rule_may_wrap_further_than_any_row_above() {
        // (rows of two lines 20 pt apart; the last row's note wraps over
        // three, its third line in lower case under a word of the second;
        // a paragraph under the table, 27 pt on, starts with a capital)
        let (glyphs, rules) = rows_wrapped_double_spaced_ruled_between();
        let last_line = |text: &str| last_row_with_a_third_note_line(&glyphs, &rules, text);
        assert_eq!(last_line("now"), ["East", "4.4", "Flat\nstill\nnow"]);
        // (a line in capitals past the tallest row is no more of it)
        assert_eq!(last_line("Now"), ["East", "4.4", "Flat\nstill"]);
    }

    #[test]
    fn lines_under_a_table_ruled_between_rows_off_the_rows_spacing_are_not_its_rows() {
        // (figures 22 pt under the last rule, where rows stand 15 pt under theirs)
        let found = ruled_between_rows(22.0);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].table.texts().len(),
            3,
            "{:?}",
            found[0].table.texts()
        );
    }

    /// A table ruled round its header band (top rule at 0) and under each
    /// row, padded 6 pt round its 11.5 pt lines; the header band holds
    /// `upper` over the second column, `gap` below which the headings stand.
    fn header_band_of_two_lines(upper: &str, gap: f64) -> Vec<FoundTable> {
        let xs = [5.0, 60.0, 120.0];
        let mut glyphs = word(upper, xs[1], 15.0);
        let heads = 15.0 + gap;
        glyphs.extend(words_at(&["Service", "Award", "Target"], &xs, heads));
        let head_foot = heads + 2.5 + 6.0;
        let mut rules = vec![0.0, head_foot];
        for (k, record) in [["North", "12.5", "13.1"], ["South", "9.0", "8.2"]]
            .iter()
            .enumerate()
        {
            let top = head_foot + 23.5 * k as f64;
            glyphs.extend(words_at(record, &xs, top + 15.0));
            rules.push(top + 23.5);
        }
        ruled_tables_of(glyphs, rules_across(&rules))
    }

    #[test]
    fn a_heading_over_columns_a_padded_row_above_theirs_is_a_header_row_of_its_own() {
        // (Typst rules no cell a span covers: "Outcomes" stands 23.5 pt
        // above the headings, a cell's padding under it and over them)
        let found = header_band_of_two_lines("Outcomes", 23.5);
        assert_eq!(found.len(), 1);
        let rows = found[0].table.texts();
        assert_eq!(rows[0], ["", "Outcomes", ""], "{rows:?}");
        assert_eq!(rows[1], ["Service", "Award", "Target"], "{rows:?}");
        assert_eq!(rows[2], ["North", "12.5", "13.1"], "{rows:?}");
        assert_eq!(found[0].table.header_rows, 2);
    }

    #[test]
    fn a_heading_wrapped_in_its_cell_in_a_header_ruled_round_stays_one_cell() {
        // (at its leading, 12 pt: no padding between its lines)
        let found = header_band_of_two_lines("Spend", 12.0);
        assert_eq!(found.len(), 1);
        let rows = found[0].table.texts();
        assert_eq!(rows[0], ["Service", "Spend\nAward", "Target"], "{rows:?}");
        assert_eq!(found[0].table.header_rows, 1);
    }

    #[test]
    fn a_body_ruled_at_its_foot_only_however_tall_joins_the_header_ruled_round() {
        // booktabs' rules round the header (0 and 20 pt) and under the last
        // row, 230 pt below: rows sized for three lines, the figures at
        // their foot, a note wrapped over their three lines
        let xs = [5.0, 45.0, 80.0, 120.0];
        let mut glyphs = vec![];
        glyphs.extend(words_at(&["Area", "2019", "2020", "Notes"], &xs, 15.0));
        let records = [
            (["North", "12.5", "13.1"], ["Held", "up by", "rain"]),
            (["South", "9.0", "8.2"], ["Rising", "since", "May"]),
            (["East", "4.4", "5.0"], ["Flat", "all the", "year"]),
        ];
        for (k, (cells, note)) in records.iter().enumerate() {
            let foot = 100.0 + 70.0 * k as f64;
            glyphs.extend(words_at(cells, &xs, foot));
            for (j, line) in note.iter().enumerate() {
                glyphs.extend(word(line, xs[3], foot - 12.0 * (2 - j) as f64));
            }
        }
        let found = ruled_tables_of(glyphs, rules_across(&[0.0, 20.0, 250.0]));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].bbox[1], 0.0, "the table's top is its top rule");
        let rows = found[0].table.texts();
        assert_eq!(rows[0], ["Area", "2019", "2020", "Notes"], "{rows:?}");
        assert_eq!(
            rows[1],
            ["North", "12.5", "13.1", "Held\nup by\nrain"],
            "{rows:?}"
        );
        assert_eq!(rows.len(), 4);
    }

    #[test]
    fn the_last_row_under_the_last_rule_wraps_further_in_a_column_its_lines_interleave() {
        // (cells set at their rows' middles: each row's note on two lines
        // 20 pt apart, its aim on one between them; the last row's aim on
        // two, "Up" and "and", between the note's lines and under them; its
        // note wraps onto a third line past the tallest band, just under
        // the aim's second line, in lower case under its own second line)
        let (mut glyphs, rules) = rows_wrapped_double_spaced_ruled_between();
        for rule in rules {
            glyphs.extend(word("Up", 220.0, rule + 25.0));
        }
        glyphs.extend(word("and", 220.0, 155.0));
        let last_row = |text: &str| last_row_with_a_third_note_line(&glyphs, &rules, text);
        assert_eq!(
            last_row("now"),
            ["East", "4.4", "Flat\nstill\nnow", "Up\nand"]
        );
        // (in capitals, it is no more of the row)
        assert_eq!(last_row("Now"), ["East", "4.4", "Flat\nstill", "Up\nand"]);
    }

    #[test]
    fn the_row_below_the_last_rule_is_reached_from_the_lowest_band_of_text() {
        // a header ruled round (0 and 20 pt), a 4.5 pt gap under it before the
        // rows' rules begin (booktabs leaves it above rows striped under it),
        // rows 16 pt tall, and the last row below the last rule
        let rules = [0.0, 20.0, 24.5, 40.5, 56.5, 72.5];
        let mut glyphs = vec![];
        for (text, x) in [("Area", 5.0), ("Budget", 100.0)] {
            glyphs.extend(word(text, x, 15.0));
        }
        for (k, name) in ["North", "South", "East", "West"].iter().enumerate() {
            let baseline = 36.0 + 16.0 * k as f64;
            glyphs.extend(word(name, 5.0, baseline));
            glyphs.extend(word("1,234", 100.0, baseline));
        }
        let found = ruled_tables_of(glyphs, rules_across(&rules));
        let rows = found[0].table.texts();
        assert_eq!(rows.last().unwrap(), &["West", "1,234"], "{rows:?}");
    }

    #[test]
    fn a_last_row_below_the_last_rule_set_at_its_foot_keeps_its_wrapped_cell() {
        // rules above each row; the last row, below the last rule, has its
        // cells at its foot and its note wrapped, its first line alone
        let mut glyphs = vec![];
        let lines: [(&str, f64, f64); 10] = [
            ("North", 5.0, 35.0),
            ("12", 100.0, 35.0),
            ("South", 5.0, 67.0),
            ("Held", 150.0, 55.0),
            ("up", 150.0, 67.0),
            ("East", 5.0, 87.0),
            ("31", 100.0, 87.0),
            ("Rising", 150.0, 104.0),
            ("West", 5.0, 116.0),
            ("fast", 150.0, 116.0),
        ];
        for (text, x, y) in lines {
            glyphs.extend(word(text, x, y));
        }
        let found = ruled_tables_of(glyphs, rules_across(&[20.0, 40.0, 72.0, 92.0]));
        let rows = found[0].table.texts();
        assert_eq!(
            rows.last().unwrap(),
            &["West", "", "Rising\nfast"],
            "{rows:?}"
        );
    }

    #[test]
    fn a_last_row_set_at_its_foot_double_spaced_under_the_last_rule_keeps_its_label() {
        // rules between the rows, none under the last; no row above wraps;
        // the last row's note wrapped at its foot, its first line alone two
        // sizes over the row's line, as fpdf2 sets a cell's lines
        let xs = [5.0, 80.0, 140.0];
        let last_row = |wrapped: &[&str]| {
            let mut glyphs = words_at(&["Area", "2019", "Note"], &xs, 15.0);
            glyphs.extend(words_at(&["North", "12.5", "Held"], &xs, 35.0));
            glyphs.extend(words_at(&["South", "9.0", "Rising"], &xs, 60.0));
            let mut y = 85.0;
            for line in wrapped {
                glyphs.extend(word(line, xs[2], y));
                y += 20.0;
            }
            glyphs.extend(words_at(&["East", "4.4", "fund"], &xs, y));
            glyphs.extend(word("Source", 5.0, y + 30.0));
            let found = ruled_tables_of(glyphs, rules_across(&[20.0, 45.0, 70.0]));
            let rows = found[0].table.texts();
            assert_eq!(rows.len(), 4, "{rows:?}");
            rows[3].iter().map(|c| c.to_string()).collect::<Vec<_>>()
        };
        assert_eq!(last_row(&["Cyber"]), ["East", "4.4", "Cyber\nfund"]);
        // (over two lines leaving the label column empty)
        assert_eq!(
            last_row(&["Cyber", "safety"]),
            ["East", "4.4", "Cyber\nsafety\nfund"]
        );
    }

    /// `framed`'s table with a fourth column, ruled at x = 400, for a trend.
    fn framed_with_trend(body: &[(&str, f64, f64)]) -> Vec<FoundTable> {
        framed_under(&["Area", "2019", "2020", "Trend"], body)
    }

    #[test]
    fn two_lines_of_figures_in_two_columns_are_two_rows_and_a_label_between_them_joins_one() {
        // (the last column holds only a group's label, centred on the two rows)
        let found = framed_with_trend(&[
            ("North", 5.0, 35.0),
            ("12.5", 105.0, 35.0),
            ("13.1", 205.0, 35.0),
            ("Rising", 305.0, 41.0),
            ("South", 5.0, 47.0),
            ("9.0", 105.0, 47.0),
            ("9.2", 205.0, 47.0),
        ]);
        assert_eq!(
            found[0].table.texts()[1..],
            [
                vec!["North", "12.5", "13.1", "Rising"],
                vec!["South", "9.0", "9.2", ""]
            ]
        );
        // (a figure on each line in one column only may be one record's)
        let wrapped = framed_with_trend(&[
            ("North", 5.0, 35.0),
            ("12.5", 105.0, 35.0),
            ("and South", 5.0, 47.0),
            ("(9.0)", 105.0, 47.0),
        ]);
        assert_eq!(
            wrapped[0].table.texts()[1..],
            [vec!["North\nand South", "12.5\n(9.0)", "", ""]]
        );
        // (but two lines filling the same columns, the second opening as a
        // record does, are two records: a table's last rows on a page of
        // their own)
        let records = framed_with_trend(&[
            ("North", 5.0, 35.0),
            ("12.5", 105.0, 35.0),
            ("South", 5.0, 47.0),
            ("9.0", 105.0, 47.0),
        ]);
        assert_eq!(
            records[0].table.texts()[1..],
            [vec!["North", "12.5", "", ""], vec!["South", "9.0", "", ""]]
        );
    }

    #[test]
    fn figures_broken_over_a_bands_two_lines_in_narrow_columns_are_one_record() {
        // every row boxed; in the second, "St Giles" over "Trust", "726,46"
        // over "4" and "916,89" over "9": each broken figure is one, the
        // band one record
        let mut segs: Vec<Segment> = [0.0, 20.0, 40.0, 70.0]
            .into_iter()
            .map(|y| seg(0.0, y, 400.0, y))
            .collect();
        segs.extend((0..=4).map(|c| seg(100.0 * c as f64, 0.0, 100.0 * c as f64, 70.0)));
        let cells = [
            ("Partner", 5.0, 15.0),
            ("2022", 105.0, 15.0),
            ("2023", 205.0, 15.0),
            ("Award", 305.0, 15.0),
            ("Red Hen", 5.0, 35.0),
            ("12,040", 105.0, 35.0),
            ("9,105", 205.0, 35.0),
            ("310", 305.0, 35.0),
            ("St Giles", 5.0, 53.0),
            ("726,46", 105.0, 53.0),
            ("916,89", 205.0, 53.0),
            ("Trust", 5.0, 65.0),
            ("4", 105.0, 65.0),
            ("9", 205.0, 65.0),
            ("470", 305.0, 65.0),
        ];
        let glyphs = cells.iter().flat_map(|&(t, x, y)| word(t, x, y)).collect();
        let found = ruled_tables_of(glyphs, segs);
        assert_eq!(
            found[0].table.texts()[2..],
            [vec!["St Giles\nTrust", "726,46\n4", "916,89\n9", "470"]]
        );
    }

    #[test]
    fn a_wrapped_cell_beside_one_figure_stays_one_cell() {
        let found = framed(&[
            ("Youth", 5.0, 35.0),
            ("4.5", 105.0, 35.0),
            ("workers in", 205.0, 35.0),
            ("three wards", 205.0, 47.0),
            ("and towns", 205.0, 59.0),
        ]);
        let rows = &found[0].table.rows;
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1][2].text, "workers in\nthree wards\nand towns");
    }

    /// Rules across x = 0..400 at `ys`, columns ruled at x = 100, 200 and 300
    /// from the first to the last: a grid printed without its outer frame.
    fn unframed(ys: &[f64]) -> (Vec<Segment>, Vec<Glyph>) {
        let mut segs: Vec<Segment> = ys.iter().map(|&y| seg(0.0, y, 400.0, y)).collect();
        let (top, bottom) = (ys[0], ys[ys.len() - 1]);
        segs.extend([100.0, 200.0, 300.0].map(|x| seg(x, top, x, bottom)));
        let mut glyphs = vec![];
        for w in ys.windows(2) {
            let y = w[1] - 5.0;
            glyphs.extend(word("Area", 5.0, y));
            glyphs.extend(word("12", 105.0, y));
            glyphs.extend(word("34", 205.0, y));
            glyphs.extend(word("56", 305.0, y));
        }
        (segs, glyphs)
    }

    #[test]
    fn a_grid_printed_without_its_outer_frame_keeps_its_outer_columns() {
        let (segs, glyphs) = unframed(&[0.0, 20.0, 40.0, 60.0]);
        let found = ruled_tables_of(glyphs, segs);
        assert_eq!(found.len(), 1);
        for row in found[0].table.texts() {
            assert_eq!(row, ["Area", "12", "34", "56"]);
        }
    }

    #[test]
    fn frame_sides_do_not_bridge_two_tables() {
        let (mut segs, mut glyphs) = unframed(&[0.0, 20.0, 40.0, 60.0]);
        let (more_segs, more_glyphs) = unframed(&[120.0, 140.0, 160.0]);
        segs.extend(more_segs);
        glyphs.extend(more_glyphs);
        let found = ruled_tables_of(glyphs, segs);
        let shapes: Vec<(usize, usize)> = found
            .iter()
            .map(|f| (f.table.rows.len(), f.table.rows[0].len()))
            .collect();
        assert_eq!(shapes, [(3, 4), (2, 4)]);
    }

    #[test]
    fn an_empty_ruled_row_is_kept_and_a_double_rule_is_not_a_row() {
        // rows ruled at 0, 20, 40, 60 and a double rule under the header (20 and 23.5)
        let mut segs: Vec<Segment> = [0.0, 20.0, 23.5, 40.0, 60.0, 80.0]
            .into_iter()
            .map(|y| seg(0.0, y, 200.0, y))
            .collect();
        segs.extend([0.0, 100.0, 200.0].map(|x| seg(x, 0.0, x, 80.0)));
        let mut glyphs = vec![];
        for (text, x, y) in [("Area", 5.0, 15.0), ("Count", 105.0, 15.0)] {
            glyphs.extend(word(text, x, y));
        }
        for (text, x, y) in [("North", 5.0, 35.0), ("12", 105.0, 35.0)] {
            glyphs.extend(word(text, x, y));
        }
        // the row from 40 to 60 is left empty
        for (text, x, y) in [("South", 5.0, 75.0), ("9", 105.0, 75.0)] {
            glyphs.extend(word(text, x, y));
        }
        let found = ruled_tables_of(glyphs, segs);
        assert_eq!(
            first_columns(&found),
            vec![vec!["Area", "North", "", "South"]]
        );
    }

    #[test]
    fn a_currency_sign_set_apart_is_written_against_its_amount() {
        let mut cell = String::new();
        for chunk in ["$", "71.15"] {
            append_chunk(&mut cell, chunk);
        }
        assert_eq!(cell, "$71.15");
        let mut cell = String::from("Total");
        append_chunk(&mut cell, "71.15");
        assert_eq!(cell, "Total 71.15");
    }

    #[test]
    fn a_heading_of_two_lines_above_the_first_rule_is_the_header_row() {
        let segs = rules_across(&[40.0, 60.0, 80.0, 100.0]);
        let mut glyphs = vec![];
        glyphs.extend(word("Title", 5.0, 2.0));
        glyphs.extend(word("Budget", 105.0, 23.0));
        glyphs.extend(word("Name", 5.0, 35.0));
        glyphs.extend(word("(£)", 105.0, 35.0));
        for (name, y) in [("North", 55.0), ("South", 75.0), ("East", 95.0)] {
            glyphs.extend(word(name, 5.0, y));
            glyphs.extend(word("12", 105.0, y));
        }
        let found = ruled_tables_of(glyphs, segs);
        assert_eq!(found.len(), 1);
        let rows = found[0].table.texts();
        assert_eq!(rows[0], ["Name", "Budget\n(£)"], "{rows:?}");
        assert_eq!(rows.len(), 4, "the title set apart above is no header");
        assert_eq!(found[0].table.header_rows, 1);
    }

    #[test]
    fn a_paragraph_set_close_above_a_table_ruled_under_its_rows_is_no_heading() {
        // cells pad their text 4 pt in from the rules' start; the paragraph
        // above starts at it, a line's leading above the headings
        let segs = rules_across(&[40.0, 60.0, 80.0, 100.0]);
        let mut glyphs = word("Figures-for-the-year:", 0.0, 23.0);
        glyphs.extend(word("Name", 4.0, 35.0));
        glyphs.extend(word("Budget", 154.0, 35.0));
        for (name, y) in [("North", 55.0), ("South", 75.0), ("East", 95.0)] {
            glyphs.extend(word(name, 4.0, y));
            glyphs.extend(word("12", 154.0, y));
        }
        let found = ruled_tables_of(glyphs, segs);
        assert_eq!(found.len(), 1);
        let rows = found[0].table.texts();
        assert_eq!(rows[0], ["Name", "Budget"], "{rows:?}");
        assert_eq!(rows.len(), 4);
    }

    #[test]
    fn a_year_heading_above_the_first_rule_heads_the_figures_clear_of_it() {
        let segs = rules_across(&[40.0, 60.0, 80.0, 100.0]);
        // headings flush left, figures flush right in wide columns
        let mut glyphs = vec![];
        glyphs.extend(word("Name", 5.0, 35.0));
        glyphs.extend(word("2022/23", 105.0, 35.0));
        glyphs.extend(word("Result", 205.0, 35.0));
        for (name, y) in [("North", 55.0), ("South", 75.0), ("East", 95.0)] {
            glyphs.extend(word(name, 5.0, y));
            glyphs.extend(word("1,234", 160.0, y));
            glyphs.extend(word("9,876", 245.0, y));
        }
        let found = ruled_tables_of(glyphs, segs);
        assert_eq!(found.len(), 1);
        let rows = found[0].table.texts();
        assert_eq!(rows[0], ["Name", "2022/23", "Result"], "{rows:?}");
        assert_eq!(rows[1], ["North", "1,234", "9,876"], "{rows:?}");
    }

    /// A spreadsheet's table ruled under every row: headings flush left in
    /// their cells, figures flush right, "Purpose" 2 pt right of the figures
    /// of the column before; `top_rule` rules the headings' band above too.
    fn headings_flush_left_over_figures_flush_right(top_rule: bool) -> Vec<FoundTable> {
        let mut segs = rules_across(&[40.0, 60.0, 80.0, 100.0]);
        if top_rule {
            segs.insert(0, seg(0.0, 20.0, 300.0, 20.0));
        }
        let mut glyphs = vec![];
        glyphs.extend(word("Name", 5.0, 35.0));
        glyphs.extend(word("2022/23", 100.0, 35.0));
        glyphs.extend(word("Purpose", 202.0, 35.0));
        for (name, y) in [("North", 55.0), ("South", 75.0), ("East", 95.0)] {
            glyphs.extend(word(name, 5.0, y));
            glyphs.extend(word("1,234", 175.0, y));
            glyphs.extend(word("9,876", 270.0, y));
        }
        ruled_tables_of(glyphs, segs)
    }

    #[test]
    fn a_heading_a_hair_right_of_the_figures_before_it_heads_its_own_column() {
        let found = headings_flush_left_over_figures_flush_right(false);
        assert_eq!(found.len(), 1);
        let rows = found[0].table.texts();
        assert_eq!(rows[0], ["Name", "2022/23", "Purpose"], "{rows:?}");
        assert_eq!(rows[1], ["North", "1,234", "9,876"], "{rows:?}");
    }

    #[test]
    fn a_figure_a_hair_from_the_next_cells_words_is_a_cell_of_its_own_where_spaces_are_drawn() {
        // figures flush right end 2 pt before the next cell's text, flush
        // left: closer than a column gap, but no space is drawn in the gap,
        // where one is drawn between every two words
        let segs = rules_across(&[40.0, 60.0, 80.0, 100.0]);
        let mut glyphs = vec![];
        glyphs.extend(word("Name", 5.0, 35.0));
        glyphs.extend(word("Award", 100.0, 35.0));
        glyphs.extend(word("Purpose", 160.0, 35.0));
        for (name, y) in [("North", 55.0), ("South", 75.0), ("East", 95.0)] {
            glyphs.extend(word(name, 5.0, y));
            glyphs.extend(word("1,234", 133.0, y));
            glyphs.extend(word("Early help for all", 160.0, y));
        }
        let found = ruled_tables_of(glyphs, segs);
        assert_eq!(found.len(), 1);
        let rows = found[0].table.texts();
        assert_eq!(rows[0], ["Name", "Award", "Purpose"], "{rows:?}");
        assert_eq!(
            rows[1],
            ["North", "1,234", "Early help for all"],
            "{rows:?}"
        );
    }

    #[test]
    fn a_space_drawn_where_a_cell_wraps_does_not_join_it_to_the_next_cell() {
        // "Early help for" wraps onto "all", the space after "for" drawn at
        // the end of its line, 1.5 pt short of the next cell's figure
        let segs = rules_across(&[40.0, 70.0, 90.0, 110.0]);
        let mut glyphs = vec![];
        glyphs.extend(word("Name", 5.0, 35.0));
        glyphs.extend(word("Purpose", 100.0, 35.0));
        glyphs.extend(word("Award", 174.0, 35.0));
        glyphs.extend(word("North", 5.0, 55.0));
        glyphs.extend(word("Early help for", 100.0, 55.0));
        let mut trailing = glyph(' ', 170.0, 55.0);
        trailing.x1 = 172.5;
        glyphs.push(trailing);
        glyphs.extend(word("all", 100.0, 66.0));
        glyphs.extend(word("1,234", 174.0, 55.0));
        for (name, y) in [("South", 85.0), ("East", 105.0)] {
            glyphs.extend(word(name, 5.0, y));
            glyphs.extend(word("Safer roads", 100.0, y));
            glyphs.extend(word("9,876", 174.0, y));
        }
        let found = ruled_tables_of(glyphs, segs);
        assert_eq!(found.len(), 1);
        let rows = found[0].table.texts();
        assert_eq!(rows[0], ["Name", "Purpose", "Award"], "{rows:?}");
        assert_eq!(
            rows[1],
            ["North", "Early help for\nall", "1,234"],
            "{rows:?}"
        );
    }

    #[test]
    fn a_span_of_years_alone_in_the_first_ruled_band_is_a_heading() {
        // (ruled above, the headings' band is found as the first of the rows:
        // "2022/23" heads the figures flush right in its column, as words would)
        let found = headings_flush_left_over_figures_flush_right(true);
        assert_eq!(found.len(), 1);
        let rows = found[0].table.texts();
        assert_eq!(rows[0], ["Name", "2022/23", "Purpose"], "{rows:?}");
        assert_eq!(rows[3], ["East", "1,234", "9,876"], "{rows:?}");
    }

    /// Three rows of figures ruled under each (20 pt apart, from 40 pt down)
    /// under "Name", "Budget" and "Actual" (baseline `header`), "Funding for
    /// 2022/23" over the two (baseline `heading`); rules across the table at
    /// `rules_above` too, and the spanning heading's foot ruled at
    /// `spanning_rule`.
    fn heading_over_two_columns(
        rules_above: &[f64],
        spanning_rule: Option<f64>,
        (heading, header): (f64, f64),
    ) -> Vec<FoundTable> {
        let rules = [rules_above, &[40.0, 60.0, 80.0, 100.0]].concat();
        heading_set_over_two_columns(&rules, spanning_rule, (heading, header), 130.0)
    }

    /// `heading_over_two_columns`'s table ruled at `rules`, its heading
    /// starting at `heading_x`.
    fn heading_set_over_two_columns(
        rules: &[f64],
        spanning_rule: Option<f64>,
        (heading, header): (f64, f64),
        heading_x: f64,
    ) -> Vec<FoundTable> {
        let mut segs = rules_across(rules);
        segs.extend(spanning_rule.map(|y| seg(100.0, y, 300.0, y)));
        let mut glyphs = vec![];
        glyphs.extend(word("Funding for 2022/23", heading_x, heading));
        glyphs.extend(word("Name", 5.0, header));
        glyphs.extend(word("Budget", 105.0, header));
        glyphs.extend(word("Actual", 205.0, header));
        for (name, y) in [("North", 55.0), ("South", 75.0), ("East", 95.0)] {
            glyphs.extend(word(name, 5.0, y));
            glyphs.extend(word("1,234", 160.0, y));
            glyphs.extend(word("9,876", 245.0, y));
        }
        ruled_tables_of(glyphs, segs)
    }

    #[test]
    fn a_heading_ruled_off_over_the_columns_it_spans_is_a_header_row_of_its_own() {
        // a row's height above the headings, its cell's foot ruled across the two
        let found = heading_over_two_columns(&[], Some(20.0), (15.0, 35.0));
        assert_eq!(found.len(), 1);
        let rows = found[0].table.texts();
        assert_eq!(rows[0], ["", "Funding for 2022/23", ""], "{rows:?}");
        assert_eq!(rows[1], ["Name", "Budget", "Actual"], "{rows:?}");
        assert_eq!(rows.len(), 5);
        assert_eq!(found[0].table.header_rows, 2);
        // unruled, a line a row's height above the header is no line of it
        let found = heading_over_two_columns(&[], None, (15.0, 35.0));
        let rows = found[0].table.texts();
        assert_eq!(rows[0], ["Name", "Budget", "Actual"], "{rows:?}");
    }

    #[test]
    fn a_rule_close_over_the_capitals_of_the_headings_under_it_foots_the_heading_over_them() {
        // (Typst padding 2 pt: the heading's rule 7.5 pt over the headings'
        // baseline, clear of their capitals, within the letters' full height)
        let found = heading_over_two_columns(&[], Some(29.5), (26.5, 37.0));
        assert_eq!(found.len(), 1);
        let rows = found[0].table.texts();
        assert_eq!(rows[0], ["", "Funding for 2022/23", ""], "{rows:?}");
        assert_eq!(rows[1], ["Name", "Budget", "Actual"], "{rows:?}");
        assert_eq!(found[0].table.header_rows, 2);
    }

    #[test]
    fn a_heading_ruled_off_inside_the_headers_ruled_band_is_a_header_row_of_its_own() {
        // the header ruled round (10 to 40 pt) as a spreadsheet rules it, the
        // heading ruled off at 24 pt, "Name" at the band's foot, spanning both rows
        let found = heading_over_two_columns(&[10.0], Some(24.0), (21.0, 36.0));
        assert_eq!(found.len(), 1);
        let rows = found[0].table.texts();
        assert_eq!(rows[0], ["", "Funding for 2022/23", ""], "{rows:?}");
        assert_eq!(rows[1], ["Name", "Budget", "Actual"], "{rows:?}");
        assert_eq!(rows[2], ["North", "1,234", "9,876"], "{rows:?}");
        assert_eq!(rows.len(), 5);
        assert_eq!(found[0].table.header_rows, 2);
        // with no rule inside it, the heading across two columns still
        // stands a row apart from theirs, a cell's padding under it and over
        // them (3.5 pt, as much as the band has over and under its lines),
        // 1.5 sizes off: a row of its own, not a heading wrapped in a cell
        let found = heading_over_two_columns(&[10.0], None, (21.0, 36.0));
        let rows = found[0].table.texts();
        assert_eq!(rows[0], ["", "Funding for 2022/23", ""], "{rows:?}");
        assert_eq!(rows.len(), 5, "{rows:?}");
    }

    #[test]
    fn a_spanning_rule_level_with_a_heading_beside_it_still_foots_the_heading_over_it() {
        // rules under each row; "Name of partner" set at its cell's foot
        // beside the spanned columns, its first line level with the rule
        // under "Funding" (x 100 to 300), just below it or just above
        for name_of in [28.0, 27.0] {
            let rows = heading_beside_a_spanning_rule(name_of);
            assert_eq!(rows[0], ["", "Funding", ""], "{rows:?}");
            assert_eq!(
                rows[1],
                ["Name of\npartner", "Budget", "Actual"],
                "{rows:?}"
            );
        }
    }

    /// A table ruled under each row, "Funding" over its last two columns
    /// ruled off at 24 pt, and "Name of" (at `name_of`) over "partner"
    /// beside them: its rows, and it has two header rows.
    fn heading_beside_a_spanning_rule(name_of: f64) -> Vec<Vec<String>> {
        let mut glyphs = vec![];
        glyphs.extend(word("Funding", 130.0, 18.0));
        glyphs.extend(word("Name of", 5.0, name_of));
        glyphs.extend(word("partner", 5.0, 37.0));
        glyphs.extend(word("Budget", 105.0, 37.0));
        glyphs.extend(word("Actual", 205.0, 37.0));
        for (name, y) in [("North", 55.0), ("South", 75.0), ("East", 95.0)] {
            glyphs.extend(word(name, 5.0, y));
            glyphs.extend(word("1,234", 160.0, y));
            glyphs.extend(word("9,876", 245.0, y));
        }
        let mut segs = rules_across(&[40.0, 60.0, 80.0, 100.0]);
        segs.push(seg(100.0, 24.0, 300.0, 24.0));
        let found = ruled_tables_of(glyphs, segs);
        assert_eq!(found[0].table.header_rows, 2);
        owned_texts(&found[0].table)
    }

    #[test]
    fn a_heading_set_over_the_last_of_the_columns_its_rule_spans_heads_the_first() {
        // (centred over a narrow column of figures and a wide one, a
        // typesetter's spanning heading stands wholly over the wide one)
        let over_last = |rules: &[f64], spanning_rule: f64, lines: (f64, f64)| {
            let found = heading_set_over_two_columns(rules, Some(spanning_rule), lines, 205.0);
            found[0].table.texts()[0]
                .iter()
                .map(|t| t.to_string())
                .collect::<Vec<String>>()
        };
        // rules under each row, the heading's foot ruled across its columns
        let rows = over_last(&[40.0, 60.0, 80.0, 100.0], 20.0, (15.0, 35.0));
        assert_eq!(rows, ["", "Funding for 2022/23", ""]);
        // the header ruled round, the heading ruled off inside it
        let rows = over_last(&[10.0, 40.0, 60.0, 80.0, 100.0], 24.0, (21.0, 36.0));
        assert_eq!(rows, ["", "Funding for 2022/23", ""]);
        // ruled above and under the head and at the foot only (booktabs)
        let rows = over_last(&[10.0, 40.0, 100.0], 24.0, (21.0, 36.0));
        assert_eq!(rows, ["", "Funding for 2022/23", ""]);
    }

    #[test]
    fn a_header_ruled_off_inside_stays_over_rows_striped_closer_than_it_is_tall() {
        // booktabs' rules with every other row shaded: the shading's sides
        // stack with the rules, 4 pt apart, the rows 14 pt; the header ruled
        // round is 30 pt tall, the heading over two columns ruled off in it
        let rules = [10.0, 40.0, 44.0, 58.0, 62.0, 76.0, 80.0, 100.0];
        let found = heading_set_over_two_columns(&rules, Some(24.0), (21.0, 36.0), 130.0);
        let rows = found[0].table.texts();
        assert_eq!(rows[0], ["", "Funding for 2022/23", ""], "{rows:?}");
        assert_eq!(rows[1], ["Name", "Budget", "Actual"], "{rows:?}");
    }

    #[test]
    fn a_striped_row_set_at_its_foot_far_below_the_rule_above_stays_in_its_table() {
        // rows ruled under each, every other one shaded and sized for two
        // lines, its text on one at the row's foot, 16 pt below the rule above
        let rules = [20.0, 35.0, 63.0, 78.0, 106.0, 121.0];
        let mut glyphs = vec![];
        for (y, name) in [(16.0, "Name"), (32.0, "North"), (60.0, "South")] {
            glyphs.extend(word(name, 5.0, y));
            glyphs.extend(word("1,234", 160.0, y));
        }
        for (y, name) in [(75.0, "East"), (103.0, "West"), (118.0, "Ely")] {
            glyphs.extend(word(name, 5.0, y));
            glyphs.extend(word("9,876", 160.0, y));
        }
        let grey = [232, 238, 245];
        let page = PageContent {
            glyphs,
            fills: vec![
                Fill {
                    bbox: [0.0, 35.0, 300.0, 63.0],
                    rgb: grey,
                },
                Fill {
                    bbox: [0.0, 78.0, 300.0, 106.0],
                    rgb: grey,
                },
            ],
            segments: rules_across(&rules),
            width: 400.0,
            height: 200.0,
        };
        let found = ruled_tables(&page, &[], &TableSettings::default());
        assert_eq!(found.len(), 1);
        let rows = found[0].table.texts();
        assert_eq!(rows.len(), 6, "{rows:?}");
        assert_eq!(rows[2], ["South", "1,234"], "{rows:?}");
    }

    /// A table ruled under its head and each row, whose last row, below
    /// its last rule, is `last` (text, x, baseline) at the page's foot, a
    /// folio under it.
    fn cut_at_the_foot(last: &[(&str, f64, f64)]) -> Vec<Vec<String>> {
        let mut glyphs = vec![];
        glyphs.extend(word("Area", 5.0, 15.0));
        glyphs.extend(word("Award", 160.0, 15.0));
        for (y, name) in [(34.0, "North"), (54.0, "South"), (74.0, "East")] {
            glyphs.extend(word(name, 5.0, y));
            glyphs.extend(word("1,234", 160.0, y));
        }
        for (text, x, y) in last {
            glyphs.extend(word(text, *x, *y));
        }
        glyphs.extend(word("7", 150.0, 195.0));
        let found = ruled_tables_of(glyphs, rules_across(&[20.0, 40.0, 60.0, 80.0]));
        owned_texts(&found[0].table)
    }

    #[test]
    fn a_row_the_page_break_cut_below_the_last_rule_is_the_tables_last() {
        let rows = cut_at_the_foot(&[
            ("Huntingdon", 5.0, 94.0),
            ("56.6%", 160.0, 94.0),
            ("CSP", 5.0, 106.0),
        ]);
        assert_eq!(rows.len(), 5, "{rows:?}");
        assert_eq!(rows[4], ["Huntingdon\nCSP", "56.6%"]);
        // a line of prose under the table is no row of it
        let rows = cut_at_the_foot(&[("Source: the office", 5.0, 94.0)]);
        assert_eq!(rows.len(), 4, "{rows:?}");
    }

    #[test]
    fn a_cut_row_set_at_its_middle_may_open_with_a_wrapped_cells_line_alone() {
        // rows 36 pt tall, their cells set at their middle (a label and a
        // note on two lines, a figure on one); the last row, below the last
        // rule at the page's foot, opens with its note's first line alone
        let cut_at_foot = |last: &[(&str, f64, f64)]| {
            let mut glyphs = vec![];
            glyphs.extend(word("Area", 5.0, 15.0));
            glyphs.extend(word("Award", 160.0, 15.0));
            glyphs.extend(word("Notes", 250.0, 15.0));
            for top in [20.0, 56.0, 92.0] {
                for (text, x, dy) in [
                    ("North", 5.0, 16.0),
                    ("Ely", 5.0, 28.0),
                    ("1,234", 160.0, 22.0),
                    ("Held", 250.0, 16.0),
                    ("up", 250.0, 28.0),
                ] {
                    glyphs.extend(word(text, x, top + dy));
                }
            }
            for (text, x, y) in last {
                glyphs.extend(word(text, *x, *y));
            }
            glyphs.extend(word("7", 150.0, 199.0));
            let found = ruled_tables_of(glyphs, rules_across(&[20.0, 56.0, 92.0, 128.0]));
            owned_texts(&found[0].table)
        };
        let rows = cut_at_foot(&[
            ("Rural", 250.0, 138.0),
            ("Huntingdon", 5.0, 144.0),
            ("56.6%", 160.0, 150.0),
            ("county", 250.0, 150.0),
            ("CSP", 5.0, 156.0),
        ]);
        assert_eq!(rows.len(), 5, "{rows:?}");
        assert_eq!(rows[4], ["Huntingdon\nCSP", "56.6%", "Rural\ncounty"]);
        // a heading under the table and the head of the next one are no row
        // of it, though they reach across its columns
        let rows = cut_at_foot(&[
            ("Projects", 5.0, 140.0),
            ("Partner", 5.0, 152.0),
            ("Purpose", 160.0, 152.0),
            ("Spend", 5.0, 162.0),
            ("1,234", 160.0, 162.0),
        ]);
        assert_eq!(rows.len(), 4, "{rows:?}");
    }

    /// A page of seven rows 20 pt tall from y 20, every other one shaded
    /// from the first to the last, with a rule at each row's top and foot
    /// drawn as `rule` draws it: every rule borders a shaded row.
    fn striped_from_the_first_row(rule: fn(f64) -> Segment) -> Vec<FoundTable> {
        let names = ["North", "South", "East", "West", "Ely", "March", "Wisbech"];
        let tops: Vec<f64> = (0..=names.len()).map(|i| 20.0 + 20.0 * i as f64).collect();
        let mut glyphs = vec![];
        for (name, &top) in names.iter().zip(&tops) {
            glyphs.extend(word(name, 5.0, top + 14.0));
            glyphs.extend(word("1,234", 160.0, top + 14.0));
        }
        let fills = tops[..names.len()]
            .iter()
            .step_by(2)
            .map(|&top| Fill {
                bbox: [0.0, top, 300.0, top + 20.0],
                rgb: [232, 238, 245],
            })
            .collect();
        let page = PageContent {
            glyphs,
            fills,
            segments: tops.iter().map(|&y| rule(y)).collect(),
            width: 400.0,
            height: 200.0,
        };
        ruled_tables(&page, &[], &TableSettings::default())
    }

    #[test]
    fn rules_stroked_where_every_one_borders_a_shaded_row_rule_the_table() {
        // (a table's part on a page after a break: the first row under the
        // repeated head is shaded, and every rule borders a shaded row)
        let found = striped_from_the_first_row(|y| seg(0.0, y, 300.0, y));
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].table.texts().len(), 7);
    }

    #[test]
    fn sides_of_rows_shaded_alone_rule_no_table() {
        let found = striped_from_the_first_row(|y| Segment {
            fill_side: true,
            ..seg(0.0, y, 300.0, y)
        });
        assert!(found.is_empty());
    }

    #[test]
    fn a_footer_of_link_lists_between_rules_is_not_a_table() {
        // three rules; between them an address beside two lists of links, five lines each
        let segs = rules_across(&[20.0, 40.0, 120.0]);
        let mut glyphs = vec![];
        glyphs.extend(word("Links", 5.0, 35.0));
        glyphs.extend(word("Social", 205.0, 35.0));
        for i in 0..5 {
            let y = 55.0 + 13.0 * i as f64;
            glyphs.extend(word(&format!("Addr{i}"), 5.0, y));
            glyphs.extend(word(&format!("Page{i}"), 105.0, y));
            glyphs.extend(word(&format!("Site{i}"), 205.0, y));
        }
        let found = ruled_tables_of(glyphs, segs);
        assert!(
            found.is_empty(),
            "{:?}",
            found.iter().map(|f| &f.table.rows).collect::<Vec<_>>()
        );
    }
}
