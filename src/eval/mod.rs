//! Evaluation against gold corpora.
//!
//! - [`ptc`]: the Propaganda Techniques Corpus (SemEval-2020 Task 11): articles and
//!   technique spans in code-point offsets.
//! - [`loaded`]: loaded-language hits scored against gold `Loaded_Language` and
//!   `Name_Calling,Labeling` spans.
//! - [`brat`]: brat standoff attribution relations (PolNeAR).
//! - [`attribution`]: attribution cues and sources scored against brat relations.

pub mod attribution;
pub mod brat;
pub mod loaded;
pub mod ptc;

/// An evaluation input problem.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("{path}: {message}")]
    Input { path: String, message: String },
}

/// Spearman rank correlation (ties get average ranks). `None` with fewer than 3 pairs
/// or when either side is constant.
pub fn spearman(xs: &[f64], ys: &[f64]) -> Option<f64> {
    if xs.len() != ys.len() || xs.len() < 3 {
        return None;
    }
    let rx = ranks(xs);
    let ry = ranks(ys);
    pearson(&rx, &ry)
}

fn ranks(v: &[f64]) -> Vec<f64> {
    let mut idx: Vec<usize> = (0..v.len()).collect();
    idx.sort_by(|&a, &b| v[a].total_cmp(&v[b]));
    let mut r = vec![0.0; v.len()];
    let mut i = 0;
    while i < idx.len() {
        let mut j = i;
        while j + 1 < idx.len() && v[idx[j + 1]] == v[idx[i]] {
            j += 1;
        }
        let avg = (i + j) as f64 / 2.0 + 1.0;
        for k in i..=j {
            r[idx[k]] = avg;
        }
        i = j + 1;
    }
    r
}

/// Pearson correlation; `None` when either side is constant.
pub fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len() as f64;
    let mx = x.iter().sum::<f64>() / n;
    let my = y.iter().sum::<f64>() / n;
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    (sxx > 0.0 && syy > 0.0).then(|| sxy / (sxx * syy).sqrt())
}

/// Resamples drawn by [`bootstrap_ci`].
pub const BOOTSTRAP_ROUNDS: usize = 1000;

/// 95% percentile bootstrap intervals of `K` statistics over `items` (say articles): each
/// statistic of [`BOOTSTRAP_ROUNDS`] resamples of as many items drawn with replacement, its 2.5th
/// and 97.5th percentiles. `stats` computes all `K` on one resample, so they share the draws.
/// The draws come from a fixed-seed generator, so the same items give the same intervals. An
/// interval is `None` when fewer than 2 items, or when its statistic is undefined on more than 1
/// resample in 20 (so an interval is never built from the lucky draws alone).
pub fn bootstrap_ci<T, const K: usize>(
    items: &[T],
    stats: impl Fn(&[&T]) -> [Option<f64>; K],
) -> [Option<[f64; 2]>; K] {
    if items.len() < 2 {
        return [None; K];
    }
    let mut state: u64 = 0x5eed_51a7;
    let mut next = || {
        // splitmix64
        state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    };
    let n = items.len() as u64;
    let mut values: [Vec<f64>; K] = std::array::from_fn(|_| Vec::with_capacity(BOOTSTRAP_ROUNDS));
    let mut sample: Vec<&T> = Vec::with_capacity(items.len());
    for _ in 0..BOOTSTRAP_ROUNDS {
        sample.clear();
        sample.extend((0..n).map(|_| &items[(next() % n) as usize]));
        for (v, x) in values.iter_mut().zip(stats(&sample)) {
            v.extend(x);
        }
    }
    values.map(|mut v| {
        if v.len() * 20 < BOOTSTRAP_ROUNDS * 19 {
            return None;
        }
        v.sort_by(f64::total_cmp);
        let at = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
        Some([at(0.025), at(0.975)])
    })
}

/// F1 of a precision and a recall (0 when both are 0).
pub fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spearman_with_ties() {
        let r = spearman(&[1.0, 2.0, 3.0, 4.0], &[10.0, 20.0, 30.0, 40.0]).unwrap();
        assert!((r - 1.0).abs() < 1e-12);
        let r = spearman(&[1.0, 2.0, 3.0, 4.0], &[4.0, 3.0, 2.0, 1.0]).unwrap();
        assert!((r + 1.0).abs() < 1e-12);
        // ranks of [1,1,2] are [1.5,1.5,3]
        assert_eq!(ranks(&[1.0, 1.0, 2.0]), vec![1.5, 1.5, 3.0]);
        assert!(spearman(&[1.0, 1.0, 1.0], &[1.0, 2.0, 3.0]).is_none());
        assert!((f1(0.5, 0.5) - 0.5).abs() < 1e-12);
    }

    #[test]
    fn bootstrap_intervals_are_reproducible_and_hold_the_estimate() {
        let mean = |s: &[&f64]| Some(s.iter().copied().sum::<f64>() / s.len() as f64);
        let small: Vec<f64> = (0..20).map(|i| (i % 7) as f64).collect();
        let large: Vec<f64> = (0..2000).map(|i| (i % 7) as f64).collect();
        let [Some([lo, hi])] = bootstrap_ci(&small, |s| [mean(s)]) else { panic!("no interval") };
        let m = mean(&small.iter().collect::<Vec<_>>()).unwrap();
        assert!(lo < m && m < hi, "{lo} < {m} < {hi}");
        assert_eq!(bootstrap_ci(&small, |s| [mean(s)]), [Some([lo, hi])], "same items, same interval");
        let [Some([llo, lhi])] = bootstrap_ci(&large, |s| [mean(s)]) else { panic!("no interval") };
        assert!(lhi - llo < (hi - lo) / 4.0, "100 times the items, a tenth of the width: {llo}..{lhi} vs {lo}..{hi}");
        assert_eq!(bootstrap_ci(&[1.0], |s| [mean(s)]), [None]);
        // a statistic undefined on most resamples gives no interval, beside one that has its own
        let rare = |s: &[&f64]| (s.iter().filter(|&&&x| x == 0.0).count() > 5).then_some(1.0);
        assert_eq!(bootstrap_ci(&small, |s| [mean(s), rare(s)]), [Some([lo, hi]), None]);
    }
}
