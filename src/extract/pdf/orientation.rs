//! Pages whose text runs sideways: a wide table printed across a portrait
//! page by turning its content a quarter turn (not by the page's /Rotate,
//! which the interpreter already undoes). Table finders read rows left to
//! right, so such a page is turned upright first, as Camelot does, and the
//! tables found are put back where they are printed.

use super::interpreter::{Fill, Glyph, PageContent, Segment};
use crate::document::BBox;

/// The quarter turn that sets a page's text upright.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Turn {
    /// The text reads up the page: turn it a quarter clockwise.
    Clockwise,
    /// The text reads down the page: turn it a quarter anticlockwise.
    Anticlockwise,
}

/// The turn that sets most of the page's text upright, when most of it runs
/// sideways (counted in glyphs that are not spaces).
pub fn sideways_turn(page: &PageContent) -> Option<Turn> {
    let (mut upright, mut up, mut down) = (0usize, 0usize, 0usize);
    for g in page.glyphs.iter().filter(|g| !g.text.trim().is_empty()) {
        match g.dir {
            [x, _] if x.abs() > 0.99 => upright += 1,
            [_, y] if y < -0.99 => up += 1,
            [_, y] if y > 0.99 => down += 1,
            _ => {}
        }
    }
    if up.max(down) <= upright {
        None
    } else if up >= down {
        Some(Turn::Clockwise)
    } else {
        Some(Turn::Anticlockwise)
    }
}

/// The page turned upright: every glyph and rule moved with it, the page's
/// width and height swapped. Glyphs keep their order, so an index into the
/// turned page's glyphs is an index into the page's.
pub fn turn_page(page: &PageContent, turn: Turn) -> PageContent {
    let frame = Frame::of(page, turn);
    PageContent {
        glyphs: page.glyphs.iter().map(|g| frame.glyph(g)).collect(),
        segments: page.segments.iter().map(|s| frame.segment(s)).collect(),
        fills: page.fills.iter().map(|f| frame.fill(f)).collect(),
        width: page.height,
        height: page.width,
    }
}

/// A box on the turned page, on the page as printed (`width` by `height`).
pub fn box_on_page(b: BBox, [width, height]: [f64; 2], turn: Turn) -> BBox {
    let [x0, top, x1, bottom] = b;
    match turn {
        // turned (x, y) = (h - y, x): back, x = turned y, y = h - turned x
        Turn::Clockwise => [top, height - x1, bottom, height - x0],
        // turned (x, y) = (y, w - x): back, x = w - turned y, y = turned x
        Turn::Anticlockwise => [width - bottom, x0, width - top, x1],
    }
}

/// The turn as a map of points and directions.
struct Frame {
    turn: Turn,
    width: f64,
    height: f64,
}

impl Frame {
    fn of(page: &PageContent, turn: Turn) -> Frame {
        Frame {
            turn,
            width: page.width,
            height: page.height,
        }
    }

    fn point(&self, [x, y]: [f64; 2]) -> [f64; 2] {
        match self.turn {
            Turn::Clockwise => [self.height - y, x],
            Turn::Anticlockwise => [y, self.width - x],
        }
    }

    fn direction(&self, [dx, dy]: [f64; 2]) -> [f64; 2] {
        match self.turn {
            Turn::Clockwise => [-dy, dx],
            Turn::Anticlockwise => [dy, -dx],
        }
    }

    /// A box's corners turned, as a box again: [x0, top, x1, bottom].
    fn bounds(&self, x0: f64, top: f64, x1: f64, bottom: f64) -> [f64; 4] {
        let [a, b] = [self.point([x0, top]), self.point([x1, bottom])];
        [
            a[0].min(b[0]),
            a[1].min(b[1]),
            a[0].max(b[0]),
            a[1].max(b[1]),
        ]
    }

    fn glyph(&self, g: &Glyph) -> Glyph {
        let [x0, top, x1, bottom] = self.bounds(g.x0, g.top, g.x1, g.bottom);
        Glyph {
            x0,
            x1,
            top,
            bottom,
            origin: self.point(g.origin),
            dir: self.direction(g.dir),
            ..g.clone()
        }
    }

    fn fill(&self, f: &Fill) -> Fill {
        let [x0, top, x1, bottom] = f.bbox;
        Fill {
            bbox: self.bounds(x0, top, x1, bottom),
            ..*f
        }
    }

    fn segment(&self, s: &Segment) -> Segment {
        let [x0, top, x1, bottom] = self.bounds(s.x0, s.top, s.x1, s.bottom);
        Segment {
            x0,
            top,
            x1,
            bottom,
            ..*s
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::pdf::interpreter::Clipping;
    use compact_str::CompactString;

    /// A glyph 6 pt along and 10 pt across its baseline, reading along `dir` from `origin`.
    fn glyph(origin: [f64; 2], dir: [f64; 2]) -> Glyph {
        let (along, across) = (6.0, 10.0);
        let end = [origin[0] + dir[0] * along, origin[1] + dir[1] * along];
        // the letter stands on the baseline's left (the page's "up" for upright text)
        let up = [dir[1], -dir[0]];
        let top = [origin[0] + up[0] * across, origin[1] + up[1] * across];
        let xs = [origin[0], end[0], top[0]];
        let ys = [origin[1], end[1], top[1]];
        Glyph {
            text: CompactString::from("A"),
            x0: xs.iter().copied().fold(f64::MAX, f64::min),
            x1: xs.iter().copied().fold(f64::MIN, f64::max),
            top: ys.iter().copied().fold(f64::MAX, f64::min),
            bottom: ys.iter().copied().fold(f64::MIN, f64::max),
            origin,
            dir,
            advance: along,
            stretch: 0.0,
            size: across,
            font: 0,
            clip: Clipping::Whole,
        }
    }

    fn page(glyphs: Vec<Glyph>) -> PageContent {
        PageContent {
            glyphs,
            fills: Vec::new(),
            segments: vec![Segment {
                x0: 100.0,
                top: 200.0,
                x1: 102.0,
                bottom: 500.0,
                fill_side: false,
            }],
            width: 600.0,
            height: 800.0,
        }
    }

    #[test]
    fn text_reading_up_the_page_is_turned_clockwise_and_reads_across() {
        let p = page(vec![glyph([100.0, 500.0], [0.0, -1.0]); 3]);
        assert_eq!(sideways_turn(&p), Some(Turn::Clockwise));
        let t = turn_page(&p, Turn::Clockwise);
        let g = &t.glyphs[0];
        assert_eq!(g.dir, [1.0, 0.0]);
        // its letter stands above its baseline, as upright text's does
        assert!(g.top < g.origin[1] && g.bottom <= g.origin[1] + 1e-9);
        assert_eq!((t.width, t.height), (800.0, 600.0));
        // the vertical rule lies across the turned page
        let s = t.segments[0];
        assert!(s.x1 - s.x0 > 200.0 && s.bottom - s.top < 3.0);
    }

    #[test]
    fn text_reading_down_the_page_is_turned_anticlockwise() {
        let p = page(vec![glyph([100.0, 200.0], [0.0, 1.0]); 3]);
        assert_eq!(sideways_turn(&p), Some(Turn::Anticlockwise));
        let g = &turn_page(&p, Turn::Anticlockwise).glyphs[0];
        assert_eq!(g.dir, [1.0, 0.0]);
        assert!(g.top < g.origin[1]);
    }

    #[test]
    fn upright_text_is_left_as_it_is() {
        let mut glyphs = vec![glyph([100.0, 200.0], [1.0, 0.0]); 3];
        glyphs.push(glyph([300.0, 500.0], [0.0, -1.0]));
        assert_eq!(sideways_turn(&page(glyphs)), None);
    }

    #[test]
    fn boxes_go_back_where_they_are_printed() {
        let p = page(vec![]);
        for turn in [Turn::Clockwise, Turn::Anticlockwise] {
            let frame = Frame::of(&p, turn);
            let printed = [100.0, 200.0, 150.0, 400.0];
            let turned = frame.bounds(printed[0], printed[1], printed[2], printed[3]);
            let size = [p.width, p.height];
            assert_eq!(box_on_page(turned, size, turn), printed, "{turn:?}");
        }
    }
}
