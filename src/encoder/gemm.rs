//! The encoder's linear layers, `x W + b`: the weights packed once at load into panels of 16
//! columns, multiplied with AVX-512 where the CPU has it (checked at run time); elsewhere
//! ndarray's product (the matrixmultiply crate) on the weights as loaded.
//!
//! The packed product works on blocks of [`MR`] rows of `x` by two panels (32 columns) of
//! `W`: sixteen 16-lane accumulators, each step over the inner dimension loading two panel
//! rows and broadcasting one value of each of the [`MR`] rows. Sums run over the inner
//! dimension in order, as a plain product's would, so results differ from another product's
//! only by rounding.

use ndarray::{Array1, Array2, ArrayView2};

/// Columns of a panel: one 512-bit register of `f32`.
const NR: usize = 16;
/// Rows of `x` in a block.
const MR: usize = 8;

/// A weight matrix (`in x out`) ready for the product.
#[derive(Debug, Clone)]
pub(crate) enum Weights {
    /// As loaded, for ndarray's product.
    Plain(Array2<f32>),
    /// Packed for the AVX-512 product.
    Packed(Packed),
}

/// `W` (`k x n`) in panels of [`NR`] columns, each `k x NR` and contiguous, the last padded
/// with zeros.
#[derive(Debug, Clone)]
pub(crate) struct Packed {
    k: usize,
    n: usize,
    panels: Vec<f32>,
}

impl Weights {
    /// Packs `w` when this CPU can use the packed product.
    pub(crate) fn new(w: Array2<f32>) -> Weights {
        if avx512() {
            Weights::Packed(Packed::new(&w))
        } else {
            Weights::Plain(w)
        }
    }

    /// `x W + b`.
    pub(crate) fn apply(&self, x: &ArrayView2<f32>, b: &Array1<f32>) -> Array2<f32> {
        match self {
            Weights::Plain(w) => x.dot(w) + b,
            Weights::Packed(p) => p.apply(x, b),
        }
    }
}

#[cfg(target_arch = "x86_64")]
fn avx512() -> bool {
    std::arch::is_x86_feature_detected!("avx512f")
}

#[cfg(not(target_arch = "x86_64"))]
fn avx512() -> bool {
    false
}

impl Packed {
    pub(crate) fn new(w: &Array2<f32>) -> Packed {
        let (k, n) = w.dim();
        let count = n.div_ceil(NR);
        let mut panels = vec![0f32; count * k * NR];
        for p in 0..count {
            for row in 0..k {
                for c in 0..NR.min(n - p * NR) {
                    panels[(p * k + row) * NR + c] = w[[row, p * NR + c]];
                }
            }
        }
        Packed { k, n, panels }
    }

    /// `x W + b`; `x` must have `k` columns (a caller's bug otherwise: panics).
    pub(crate) fn apply(&self, x: &ArrayView2<f32>, b: &Array1<f32>) -> Array2<f32> {
        assert_eq!(x.ncols(), self.k, "inner dimensions differ");
        assert_eq!(b.len(), self.n, "bias length differs");
        let x = x.as_standard_layout();
        let xs = x.as_slice().expect("standard layout");
        let bias = b.as_standard_layout();
        let bias = bias.as_slice().expect("standard layout");
        let m = x.nrows();
        let mut out = vec![0f32; m * self.n];
        #[cfg(target_arch = "x86_64")]
        {
            assert!(avx512(), "the packed product needs AVX-512");
            // SAFETY: AVX-512F is present (checked above); every index stays inside `xs`,
            // `self.panels`, `bias` and `out` (see `block`).
            unsafe { self.product(xs, m, bias, &mut out) };
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            let _ = (xs, bias);
            unreachable!("weights are packed on x86-64 only");
        }
        Array2::from_shape_vec((m, self.n), out).expect("m x n values")
    }

    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f")]
    unsafe fn product(&self, xs: &[f32], m: usize, bias: &[f32], out: &mut [f32]) {
        let panels = self.n.div_ceil(NR);
        let mut p = 0;
        while p < panels {
            let two = p + 1 < panels;
            let mut r = 0;
            while r < m {
                let rows = MR.min(m - r);
                // SAFETY: as for `product`
                unsafe { self.block(xs, r, rows, p, two, bias, out) };
                r += rows;
            }
            p += if two { 2 } else { 1 };
        }
    }

    /// Rows `r..r + rows` (at most [`MR`]) of the product, columns of panel `p` (and `p + 1`
    /// when `two`).
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx512f")]
    #[allow(clippy::too_many_arguments)]
    unsafe fn block(&self, xs: &[f32], r: usize, rows: usize, p: usize, two: bool, bias: &[f32], out: &mut [f32]) {
        use std::arch::x86_64::*;
        let k = self.k;
        let a = &self.panels[p * k * NR..(p + 1) * k * NR];
        let b = if two { &self.panels[(p + 1) * k * NR..(p + 2) * k * NR] } else { a };
        // each row of the block as a slice of `k` values (rows past the end repeat the first:
        // computed, never stored), taken as pointers so the loop carries no bounds checks
        let x_rows: [*const f32; MR] = std::array::from_fn(|i| {
            let row = if i < rows { r + i } else { r };
            xs[row * k..(row + 1) * k].as_ptr()
        });
        let mut acc0 = [_mm512_setzero_ps(); MR];
        let mut acc1 = [_mm512_setzero_ps(); MR];
        for t in 0..k {
            // SAFETY: `a` and `b` hold `k * NR` values and `t * NR + NR <= k * NR`; each row
            // pointer starts a slice of `k` values and `t < k`
            unsafe {
                let (wa, wb) = (_mm512_loadu_ps(a.as_ptr().add(t * NR)), _mm512_loadu_ps(b.as_ptr().add(t * NR)));
                for i in 0..MR {
                    let xv = _mm512_set1_ps(*x_rows[i].add(t));
                    acc0[i] = _mm512_fmadd_ps(xv, wa, acc0[i]);
                    acc1[i] = _mm512_fmadd_ps(xv, wb, acc1[i]);
                }
            }
        }
        let n = self.n;
        let store = |acc: __m512, col: usize, row: usize, out: &mut [f32]| {
            let width = NR.min(n - col);
            let mut lanes = [0f32; NR];
            // SAFETY: `lanes` holds NR values
            unsafe { _mm512_storeu_ps(lanes.as_mut_ptr(), acc) };
            let dst = &mut out[row * n + col..row * n + col + width];
            for ((d, v), bv) in dst.iter_mut().zip(&lanes).zip(&bias[col..col + width]) {
                *d = v + bv;
            }
        };
        for i in 0..rows {
            store(acc0[i], p * NR, r + i, out);
            if two {
                store(acc1[i], (p + 1) * NR, r + i, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matrix(rows: usize, cols: usize, seed: u64) -> Array2<f32> {
        let mut s = seed;
        Array2::from_shape_fn((rows, cols), |_| {
            s = s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            ((s >> 40) as f32 / (1u64 << 24) as f32) - 0.5
        })
    }

    #[test]
    fn products_match_ndarray_at_every_edge() {
        // rows and columns that fill blocks and panels exactly, and those that do not
        for (m, k, n) in [(1, 1, 1), (6, 8, 16), (7, 5, 17), (13, 33, 48), (25, 64, 33), (2, 384, 384), (64, 40, 1)] {
            let (x, w, b) =
                (matrix(m, k, 1), matrix(k, n, 2), Array1::from(matrix(1, n, 3).into_raw_vec_and_offset().0));
            let expected = x.dot(&w) + &b;
            let weights = Weights::new(w.clone());
            if avx512() {
                assert!(matches!(weights, Weights::Packed(_)), "AVX-512 is there: the weights are packed");
            }
            for got in [weights.apply(&x.view(), &b), weights.apply(&x.t().as_standard_layout().t(), &b)] {
                assert_eq!(got.dim(), (m, n));
                let worst = got.iter().zip(&expected).map(|(a, e)| (a - e).abs()).fold(0f32, f32::max);
                assert!(worst <= 1e-5 * k as f32, "{m}x{k}x{n}: {worst}");
            }
        }
    }
}
