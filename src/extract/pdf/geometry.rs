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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translation_then_scale() {
        let t = [1.0, 0.0, 0.0, 1.0, 10.0, 20.0];
        let s = [2.0, 0.0, 0.0, 2.0, 0.0, 0.0];
        assert_eq!(t.mul(&s), [2.0, 0.0, 0.0, 2.0, 20.0, 40.0]);
        assert_eq!(IDENTITY.mul(&t), t);
    }
}
