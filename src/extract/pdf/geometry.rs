//! 2-D affine matrices as PDF writes them: `[a b c d e f]`.

pub type Matrix = [f64; 6];

pub const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

pub trait MatrixExt {
    /// `self × other`, in PDF's row-vector convention (apply `self` first).
    fn mul(&self, other: &Matrix) -> Matrix;
}

impl MatrixExt for Matrix {
    fn mul(&self, o: &Matrix) -> Matrix {
        let a = self;
        [
            a[0] * o[0] + a[1] * o[2],
            a[0] * o[1] + a[1] * o[3],
            a[2] * o[0] + a[3] * o[2],
            a[2] * o[1] + a[3] * o[3],
            a[4] * o[0] + a[5] * o[2] + o[4],
            a[4] * o[1] + a[5] * o[3] + o[5],
        ]
    }
}

/// The smallest box `[x0, top, x1, bottom]` around boxes.
/// Horizontal extents merged where they overlap or lie within `gap` of each
/// other, left to right (the columns a set of text spans makes).
pub fn merge_spans(mut spans: Vec<(f64, f64)>, gap: f64) -> Vec<(f64, f64)> {
    spans.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut out: Vec<(f64, f64)> = Vec::new();
    for (a, b) in spans {
        match out.last_mut() {
            Some(last) if a <= last.1 + gap => last.1 = last.1.max(b),
            _ => out.push((a, b)),
        }
    }
    out
}

pub fn enclosing(boxes: impl IntoIterator<Item = [f64; 4]>) -> [f64; 4] {
    boxes
        .into_iter()
        .fold([f64::MAX, f64::MAX, f64::MIN, f64::MIN], |b, c| {
            [
                b[0].min(c[0]),
                b[1].min(c[1]),
                b[2].max(c[2]),
                b[3].max(c[3]),
            ]
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_box_around_boxes() {
        let around = enclosing([[10.0, 20.0, 30.0, 40.0], [5.0, 25.0, 15.0, 50.0]]);
        assert_eq!(around, [5.0, 20.0, 30.0, 50.0]);
    }

    #[test]
    fn translation_then_scale() {
        let t = [1.0, 0.0, 0.0, 1.0, 10.0, 20.0];
        let s = [2.0, 0.0, 0.0, 2.0, 0.0, 0.0];
        assert_eq!(t.mul(&s), [2.0, 0.0, 0.0, 2.0, 20.0, 40.0]);
        assert_eq!(IDENTITY.mul(&t), t);
    }
}
