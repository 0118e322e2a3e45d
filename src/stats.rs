//! Statistics shared by the evaluations and the report: rank correlation, F1, fixed-seed
//! bootstrap intervals, Student's t quantile and the interval of a pooled rate.

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

/// The 0.975 quantile of Student's t with `df` degrees of freedom (`df` ≥ 1): from the usual
/// table (five decimals) up to 30, above that from the Cornish-Fisher expansion around the
/// normal quantile (within 1e-5 of the table at 30).
pub fn t975(df: usize) -> f64 {
    debug_assert!(df >= 1, "t needs a degree of freedom");
    const TABLE: [f64; 30] = [
        12.70620, 4.30265, 3.18245, 2.77645, 2.57058, 2.44691, 2.36462, 2.30600, 2.26216, 2.22814, 2.20099, 2.17881,
        2.16037, 2.14479, 2.13145, 2.11991, 2.10982, 2.10092, 2.09302, 2.08596, 2.07961, 2.07387, 2.06866, 2.06390,
        2.05954, 2.05553, 2.05183, 2.04841, 2.04523, 2.04227,
    ];
    if (1..=30).contains(&df) {
        return TABLE[df - 1];
    }
    let (z, n) = (1.959_963_985_f64, df.max(1) as f64);
    let g1 = (z.powi(3) + z) / 4.0;
    let g2 = (5.0 * z.powi(5) + 16.0 * z.powi(3) + 3.0 * z) / 96.0;
    let g3 = (3.0 * z.powi(7) + 19.0 * z.powi(5) + 17.0 * z.powi(3) - 15.0 * z) / 384.0;
    z + g1 / n + g2 / (n * n) + g3 / (n * n * n)
}

/// A 95% interval of a pooled rate, `scale` × Σ count / Σ base, over units (articles) that
/// are a sample of a larger set: the ratio estimator's linearised standard error,
/// √(n/(n−1) Σ (countᵢ − R baseᵢ)²) / Σ base, times Student's t with n−1 degrees of freedom,
/// the lower end cut at 0. Units with neither count nor base carry no information and are
/// left out (a count on a base of 0, which slant never writes, stays in, so the rate is always
/// inside the interval); `None` with fewer than 2 units left or no base at all. When no unit has a count, the units show no spread to
/// measure, and the interval is 0 to the exact Poisson 97.5% upper limit for zero events,
/// −ln 0.025 ≈ 3.689 counts over the summed base.
pub fn ratio_ci(units: &[(f64, f64)], scale: f64) -> Option<[f64; 2]> {
    let kept: Vec<(f64, f64)> = units.iter().copied().filter(|&(count, base)| base > 0.0 || count > 0.0).collect();
    let n = kept.len();
    let total: f64 = kept.iter().map(|u| u.1).sum();
    if n < 2 || total <= 0.0 {
        return None;
    }
    let r = kept.iter().map(|u| u.0).sum::<f64>() / total;
    if r == 0.0 {
        return Some([0.0, -(0.025_f64.ln()) / total * scale]);
    }
    let ss: f64 = kept.iter().map(|&(c, b)| (c - r * b).powi(2)).sum();
    let se = (n as f64 / (n - 1) as f64 * ss).sqrt() / total;
    let half = t975(n - 1) * se;
    Some([((r - half) * scale).max(0.0), (r + half) * scale])
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
    fn t_quantiles_join_the_table() {
        assert_eq!(t975(1), 12.7062);
        assert!((t975(31) - 2.03951).abs() < 2e-5, "{}", t975(31));
        assert!((t975(60) - 2.00030).abs() < 2e-5, "{}", t975(60));
        assert!((t975(120) - 1.97993).abs() < 2e-5, "{}", t975(120));
        assert!(t975(100_000) > 1.9599 && t975(100_000) < 1.9601);
        // the expansion at 30 agrees with the table
        let (table, mut above) = (t975(30), t975(31));
        assert!(above < table && table - above < 0.005);
        above = t975(1_000);
        assert!(above < t975(31));
    }

    #[test]
    fn ratio_intervals_hold_the_rate_and_narrow_with_more_units() {
        assert_eq!(ratio_ci(&[(3.0, 100.0)], 1000.0), None, "one unit");
        assert_eq!(ratio_ci(&[(3.0, 100.0), (0.0, 0.0)], 1000.0), None, "a unit with neither is left out");
        assert_eq!(ratio_ci(&[(0.0, 0.0), (2.0, 0.0)], 1000.0), None, "no base at all");
        // a count on no base stays in: the rate (5 per 100 words) is the interval's centre
        let [lo, hi] = ratio_ci(&[(3.0, 100.0), (2.0, 0.0), (0.0, 0.0)], 1000.0).unwrap();
        assert!(lo <= 50.0 && 50.0 <= hi, "{lo} {hi}");
        // equal rates: no spread, the interval is the rate itself
        let same = ratio_ci(&[(2.0, 100.0), (4.0, 200.0), (1.0, 50.0)], 1000.0).unwrap();
        assert!((same[0] - 20.0).abs() < 1e-9 && (same[1] - 20.0).abs() < 1e-9, "{same:?}");
        // two units by hand: R = 10/300; residuals 2 - R*100 and 8 - R*200; n/(n-1) = 2; t = 12.706
        let [lo, hi] = ratio_ci(&[(2.0, 100.0), (8.0, 200.0)], 1000.0).unwrap();
        let r: f64 = 10.0 / 300.0;
        let se = (2.0 * ((2.0 - r * 100.0).powi(2) + (8.0 - r * 200.0).powi(2))).sqrt() / 300.0;
        assert!((hi - (r + 12.7062 * se) * 1000.0).abs() < 1e-9);
        assert_eq!(lo, 0.0, "cut at 0");
        // no counts at all: up to the Poisson limit for zero events
        let [lo, hi] = ratio_ci(&[(0.0, 400.0), (0.0, 600.0)], 1000.0).unwrap();
        assert_eq!(lo, 0.0);
        assert!((hi - 3.689).abs() < 1e-3, "{hi}");
        // the same spread over more units gives a narrower interval around the same rate
        let few: Vec<(f64, f64)> = (0..5).map(|i| ((i % 3) as f64 * 2.0, 100.0)).collect();
        let many: Vec<(f64, f64)> = (0..500).map(|i| ((i % 3) as f64 * 2.0, 100.0)).collect();
        let (a, b) = (ratio_ci(&few, 1000.0).unwrap(), ratio_ci(&many, 1000.0).unwrap());
        assert!(a[0] < 20.0 && 20.0 < a[1] && b[0] < 20.0 && 20.0 < b[1]);
        assert!(b[1] - b[0] < (a[1] - a[0]) / 5.0, "{a:?} {b:?}");
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
